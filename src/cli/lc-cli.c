/* lc-cli.c — command-line dispatch
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "lc-cli.h"
#include "lc-knowledge.h"
#include "lc-signal.h"

typedef int (*LcSubcommandFunc) (int argc, char **argv);

static const struct {
  const char       *name;
  LcSubcommandFunc  func;
  const char       *summary;
} subcommands[] = {
  { "analyze",  lc_cli_analyze,  N_("Read the status light in a video file") },
  { "diagnose", lc_cli_diagnose, N_("Explain a light and list what to try") },
  { "devices",  lc_cli_devices,  N_("List the devices and their known lights") },
};

void
lc_cli_error (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line, always: scripts read the first line of stderr. */
  g_strdelimit (message, "\n", ' ');
  fprintf (stderr, "lightcode: %s\n", message);
}

void
lc_window_options_clear (LcWindowOptions *options)
{
  g_clear_pointer (&options->device_id, g_free);
  g_clear_pointer (&options->signal_text, g_free);
  options->camera = FALSE;
}

static char *
build_summary (void)
{
  GString *summary = g_string_new (_("Commands:"));

  g_string_append_c (summary, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    g_string_append_printf (summary, "  %-10s %s\n", subcommands[i].name, _(subcommands[i].summary));
  g_string_append_c (summary, '\n');
  g_string_append (summary, _("Run “lightcode COMMAND --help” for the options of a command."));

  return g_string_free (summary, FALSE);
}

gboolean
lc_cli_dispatch (int               argc,
                 char            **argv,
                 LcWindowOptions  *out_options,
                 int              *out_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) args = NULL;
  gboolean version = FALSE;
  GOptionEntry entries[] = {
    { "device", 0, 0, G_OPTION_ARG_STRING, &out_options->device_id,
      N_("Open the window on this device"), N_("ID") },
    { "signal", 0, 0, G_OPTION_ARG_STRING, &out_options->signal_text,
      N_("Show this light on the device, e.g. red:burst:6"), N_("SIGNAL") },
    { "camera", 0, 0, G_OPTION_ARG_NONE, &out_options->camera,
      N_("Open the window watching the webcam"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_return_val_if_fail (out_options != NULL, TRUE);
  g_return_val_if_fail (out_status != NULL, TRUE);

  *out_status = LC_EXIT_OK;

  /* A subcommand is the first argument when it is not an option. */
  if (argc > 1 && argv[1][0] != '-')
    {
      for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
        {
          if (g_strcmp0 (argv[1], subcommands[i].name) == 0)
            {
              *out_status = subcommands[i].func (argc - 1, argv + 1);
              return TRUE;
            }
        }

      lc_cli_error (_("unknown command “%s”; run “lightcode --help” for the list"), argv[1]);
      *out_status = LC_EXIT_BAD_INPUT;
      return TRUE;
    }

  context = g_option_context_new (_("[COMMAND] — what a Blink status light means"));
  summary = build_summary ();
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* GTK adds its own options later; keep unknown ones an error here. */
  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      lc_cli_error ("%s", error->message);
      *out_status = LC_EXIT_BAD_INPUT;
      return TRUE;
    }

  if (version)
    {
      g_print ("lightcode %s\n", VERSION);
      return TRUE;
    }

  if (g_strv_length (args) > 1)
    {
      lc_cli_error (_("unexpected argument “%s”; run “lightcode --help”"), args[1]);
      *out_status = LC_EXIT_BAD_INPUT;
      return TRUE;
    }

  if (out_options->device_id != NULL)
    {
      LcKnowledge *knowledge = lc_knowledge_get_default ();

      if (lc_knowledge_get_load_error () != NULL)
        {
          lc_cli_error (_("the knowledge base is damaged: %s"), lc_knowledge_get_load_error ()->message);
          *out_status = LC_EXIT_BAD_INPUT;
          return TRUE;
        }
      if (lc_knowledge_lookup_device (knowledge, out_options->device_id) == NULL)
        {
          lc_cli_error (_("unknown device “%s”; run “lightcode devices” for the list"),
                        out_options->device_id);
          *out_status = LC_EXIT_BAD_INPUT;
          return TRUE;
        }
    }

  if (out_options->signal_text != NULL)
    {
      LcSignal parsed;

      if (!lc_signal_parse (out_options->signal_text, &parsed, &error))
        {
          lc_cli_error (_("bad signal “%s”: %s"), out_options->signal_text, error->message);
          *out_status = LC_EXIT_BAD_INPUT;
          return TRUE;
        }
      if (out_options->device_id == NULL)
        {
          lc_cli_error (_("--signal needs --device"));
          *out_status = LC_EXIT_BAD_INPUT;
          return TRUE;
        }
    }

  return FALSE;
}
