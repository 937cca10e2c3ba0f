/* lc-cli.c — command-line dispatch
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
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
  g_autofree char *safe = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line, always: scripts read the first line of stderr. And no
   * terminal escapes from file names or option values.
   */
  g_strdelimit (message, "\n", ' ');
  safe = lc_cli_escape (message);
  fprintf (stderr, "lightcode: %s\n", safe);
}

char *
lc_cli_escape (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* C0, DEL and C1 controls; the last include the 8-bit CSI. */
      if (c < 0x20 || (c >= 0x7f && c < 0xa0))
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
lc_cli_excerpt (const char *text,
                long        position)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *middle = NULL;
  long length = g_utf8_strlen (valid, -1);
  long start, end;

  if (length <= 40)
    return lc_cli_escape (valid);

  position = CLAMP (position, 0, length);
  start = MAX (0, position - 20);
  end = MIN (length, start + 40);
  start = MAX (0, end - 40);

  middle = g_utf8_substring (valid, start, end);
  {
    g_autofree char *safe = lc_cli_escape (middle);

    return g_strconcat (start > 0 ? "…" : "", safe, end < length ? "…" : "", NULL);
  }
}

gboolean
lc_cli_parse_signal (const char *text,
                     LcSignal   *out_signal)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *excerpt = NULL;
  long position = -1;

  g_return_val_if_fail (text != NULL, FALSE);

  /* Refused before parsing, and not echoed: a pasted log is not a signal. */
  if (strlen (text) > LC_CLI_MAX_SIGNAL_TEXT)
    {
      lc_cli_error (_("the signal text is %zu bytes long; a signal is at most %d, e.g. red:burst:6"),
                    strlen (text), LC_CLI_MAX_SIGNAL_TEXT);
      return FALSE;
    }

  if (lc_signal_parse (text, out_signal, &error))
    return TRUE;

  /* lc_signal_parse says "At position N: …"; show the text around N. */
  if (sscanf (error->message, "At position %ld", &position) != 1)
    position = -1;
  excerpt = lc_cli_excerpt (text, position);
  lc_cli_error (_("bad signal “%s”: %s"), excerpt, error->message);

  return FALSE;
}

void
lc_cli_option_error (char         **argv,
                     const GError  *error)
{
  /* GOption converts option values from the locale's encoding and says
   * only "Invalid byte sequence"; find which option it was.
   */
  if (error->domain == G_CONVERT_ERROR)
    {
      for (guint i = 1; argv[i] != NULL; i++)
        {
          g_autofree char *name = NULL;
          const char *equals;

          if (g_utf8_validate (argv[i], -1, NULL) || argv[i][0] == '\0')
            continue;

          if (argv[i][0] == '-' && (equals = strchr (argv[i], '=')) != NULL)
            name = g_strndup (argv[i], equals - argv[i]);
          else if (i > 1 && argv[i - 1][0] == '-')
            name = g_strdup (argv[i - 1]);
          else
            continue;

          if (g_utf8_validate (name, -1, NULL))
            {
              lc_cli_error (_("the value of %s is not valid text (it is not UTF-8)"), name);
              return;
            }
        }
    }

  lc_cli_error ("%s", error->message);
}

static void
print_json_string (GString    *out,
                   const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static void print_json_node (GString  *out,
                             JsonNode *node,
                             guint     depth);

static void
print_json_object (GString    *out,
                   JsonObject *object,
                   guint       depth)
{
  g_autoptr(GList) members = json_object_get_members (object);

  if (members == NULL)
    {
      g_string_append (out, "{}");
      return;
    }
  g_string_append (out, "{\n");
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_string_append_printf (out, "%*s", (depth + 1) * 2, "");
      print_json_string (out, l->data);
      g_string_append (out, " : ");
      print_json_node (out, json_object_get_member (object, l->data), depth + 1);
      g_string_append (out, l->next != NULL ? ",\n" : "\n");
    }
  g_string_append_printf (out, "%*s}", depth * 2, "");
}

static void
print_json_array (GString   *out,
                  JsonArray *array,
                  guint      depth)
{
  guint n = json_array_get_length (array);

  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }
  g_string_append (out, "[\n");
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (out, "%*s", (depth + 1) * 2, "");
      print_json_node (out, json_array_get_element (array, i), depth + 1);
      g_string_append (out, i + 1 < n ? ",\n" : "\n");
    }
  g_string_append_printf (out, "%*s]", depth * 2, "");
}

/* JSON has no NaN or infinity. Three decimals, trailing zeros dropped:
 * json-glib would print 0.56000000000000005.
 */
static void
print_json_double (GString *out,
                   double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  g_ascii_formatd (buffer, sizeof buffer, "%.3f", value);
  end = buffer + strlen (buffer);
  while (end > buffer + 1 && end[-1] == '0' && strchr (buffer, '.') != NULL)
    *--end = '\0';
  if (end[-1] == '.')
    *end++ = '0', *end = '\0';
  if (strcmp (buffer, "-0.0") == 0)
    strcpy (buffer, "0.0");
  g_string_append (out, buffer);
}

static void
print_json_value (GString  *out,
                  JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;

    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;

    case G_TYPE_DOUBLE:
      print_json_double (out, json_node_get_double (node));
      break;

    case G_TYPE_STRING:
      print_json_string (out, json_node_get_string (node));
      break;

    default:
      g_string_append (out, "null");
      break;
    }
}

static void
print_json_node (GString  *out,
                 JsonNode *node,
                 guint     depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      print_json_object (out, json_node_get_object (node), depth);
      break;

    case JSON_NODE_ARRAY:
      print_json_array (out, json_node_get_array (node), depth);
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      print_json_value (out, node);
      break;
    }
}

void
lc_cli_print_json (JsonNode *root)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_if_fail (root != NULL);

  print_json_node (out, root, 0);
  g_string_append_c (out, '\n');
  /* UTF-8 as it is, whatever the locale. */
  fputs (out->str, stdout);
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

/* `lightcode COMMAND …`: the command's exit status. */
static int
run_subcommand (int    argc,
                char **argv)
{
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      if (g_strcmp0 (argv[1], subcommands[i].name) == 0)
        return subcommands[i].func (argc - 1, argv + 1);
    }

  lc_cli_error (_("unknown command “%s”; run “lightcode --help” for the list"), argv[1]);
  return LC_EXIT_BAD_INPUT;
}

/* The window's --device and --signal, checked before any window opens;
 * FALSE with the error printed.
 */
static gboolean
check_window_options (const LcWindowOptions *options)
{
  if (options->device_id != NULL)
    {
      LcKnowledge *knowledge = lc_knowledge_get_default ();

      if (lc_knowledge_get_load_error () != NULL)
        {
          lc_cli_error (_("the knowledge base is damaged: %s"), lc_knowledge_get_load_error ()->message);
          return FALSE;
        }
      if (lc_knowledge_lookup_device (knowledge, options->device_id) == NULL)
        {
          lc_cli_error (_("unknown device “%s”; run “lightcode devices” for the list"),
                        options->device_id);
          return FALSE;
        }
    }

  if (options->signal_text != NULL)
    {
      LcSignal parsed;

      if (!lc_cli_parse_signal (options->signal_text, &parsed))
        return FALSE;
      if (options->device_id == NULL)
        {
          lc_cli_error (_("--signal needs --device"));
          return FALSE;
        }
    }

  return TRUE;
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
      *out_status = run_subcommand (argc, argv);
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
      lc_cli_option_error (argv, error);
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

  if (!check_window_options (out_options))
    {
      *out_status = LC_EXIT_BAD_INPUT;
      return TRUE;
    }

  return FALSE;
}
