/* lc-cli-diagnose.c — `lightcode diagnose`
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "lc-cli.h"
#include "lc-diagnosis-json.h"

#define WRAP_WIDTH 78

/* Word-wraps @text to WRAP_WIDTH columns, every line indented by @indent;
 * @first_prefix (optional) replaces the indent on the first line.
 */
static void
print_wrapped (GString    *out,
               const char *text,
               guint       indent,
               const char *first_prefix)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint column;

  if (first_prefix != NULL)
    {
      g_string_append (out, first_prefix);
      column = g_utf8_strlen (first_prefix, -1);
    }
  else
    {
      for (guint i = 0; i < indent; i++)
        g_string_append_c (out, ' ');
      column = indent;
    }

  for (guint i = 0, on_line = 0; words[i] != NULL; i++)
    {
      guint len = g_utf8_strlen (words[i], -1);

      if (len == 0)
        continue;

      if (on_line > 0 && column + 1 + len > WRAP_WIDTH)
        {
          g_string_append_c (out, '\n');
          for (guint j = 0; j < indent; j++)
            g_string_append_c (out, ' ');
          column = indent;
          on_line = 0;
        }
      else if (on_line > 0)
        {
          g_string_append_c (out, ' ');
          column++;
        }

      g_string_append (out, words[i]);
      column += len;
      on_line++;
    }

  g_string_append_c (out, '\n');
}

static void
print_procedure (GString     *out,
                 LcProcedure *procedure)
{
  guint n_steps = lc_procedure_get_n_steps (procedure);

  for (guint i = 0; i < n_steps; i++)
    {
      LcStep *step = lc_procedure_get_step (procedure, i);
      g_autofree char *number = g_strdup_printf ("  %u. ", i + 1);
      g_autofree char *line = g_strdup_printf ("%s%s", number, lc_step_get_title (step));

      g_string_append (out, line);
      g_string_append_c (out, '\n');
      print_wrapped (out, lc_step_get_text (step), 5, NULL);
      if (lc_step_get_stop_text (step) != NULL)
        print_wrapped (out, lc_step_get_stop_text (step), 5, NULL);
    }

  if (lc_procedure_get_support_text (procedure) != NULL)
    {
      g_string_append_c (out, '\n');
      print_wrapped (out, lc_procedure_get_support_text (procedure), 2, NULL);
    }
}

/* The device, the light in words and the moment. */
static void
append_heading (GString     *out,
                LcDiagnosis *diagnosis)
{
  LcKnowledge *knowledge = lc_diagnosis_get_knowledge (diagnosis);
  LcDevice *device = lc_diagnosis_get_device (diagnosis);
  g_autofree char *words = lc_signal_describe (lc_diagnosis_get_signal (diagnosis));
  g_autofree char *heading = NULL;

  heading = g_strdup_printf ("%s: %s (%s)", lc_device_get_name (device),
                             lc_diagnosis_get_signal_text (diagnosis), words);
  g_string_append (out, heading);
  g_string_append_c (out, '\n');
  /* Translators: %s is a moment, e.g. “While recording” */
  g_string_append_printf (out, _("When: %s"),
                          lc_knowledge_get_context_label (knowledge, lc_diagnosis_get_context_id (diagnosis)));
  g_string_append (out, "\n\n");
}

/* A light that is not normal: the top cause as a first guess (unknown
 * light) or as the most likely one.
 */
static void
append_verdict (GString          *out,
                LcDiagnosis      *diagnosis,
                LcDiagnosisCause *top)
{
  LcDevice *device = lc_diagnosis_get_device (diagnosis);
  g_autofree char *verdict = NULL;

  if (!lc_diagnosis_is_known_signal (diagnosis))
    {
      g_autofree char *unknown = NULL;

      /* Translators: %s is a device name */
      unknown = g_strdup_printf (_("This isn’t a known light for the %s, so here is the general advice for it."),
                                 lc_device_get_name (device));
      print_wrapped (out, unknown, 0, NULL);
      /* Translators: a cause, how likely in words, and in percent; "%%" is a percent sign */
      verdict = g_strdup_printf (_("First guess: %s — %s (%d %%)"),
                                 lc_diagnosis_cause_get_title (top),
                                 lc_likelihood_to_words (lc_diagnosis_cause_get_likelihood (top)),
                                 lc_likelihood_to_percent (lc_diagnosis_cause_get_likelihood (top)));
      print_wrapped (out, verdict, 0, NULL);
    }
  else
    {
      /* Translators: a cause, how likely in words, and in percent; "%%" is a percent sign */
      verdict = g_strdup_printf (_("Most likely: %s — %s (%d %%)"),
                                 lc_diagnosis_cause_get_title (top),
                                 lc_likelihood_to_words (lc_diagnosis_cause_get_likelihood (top)),
                                 lc_likelihood_to_percent (lc_diagnosis_cause_get_likelihood (top)));
      print_wrapped (out, verdict, 0, NULL);
    }
}

/* What the known light (or the closest one) means, and who says so. */
static void
append_meaning (GString       *out,
                LcDiagnosis   *diagnosis,
                LcKnownSignal *known)
{
  g_autofree char *meaning = NULL;

  if (lc_diagnosis_matched_exactly (diagnosis))
    /* Translators: the meaning of the light, then where that comes from */
    meaning = g_strdup_printf (_("The light means: %s (%s)"), lc_known_signal_get_title (known),
                               lc_provenance_get_label (lc_known_signal_get_provenance (known)));
  else
    /* Translators: a known light ("red:burst:6"), its meaning, then where that comes from */
    meaning = g_strdup_printf (_("The closest known light, %s, means: %s (%s)"),
                               lc_known_signal_get_signal_text (known),
                               lc_known_signal_get_title (known),
                               lc_provenance_get_label (lc_known_signal_get_provenance (known)));
  print_wrapped (out, meaning, 0, NULL);
}

static void
append_first_fix (GString     *out,
                  LcProcedure *procedure)
{
  g_autofree char *title = NULL;

  /* Translators: %s is the title of a fix */
  title = g_strdup_printf (_("What to try first: %s"), lc_procedure_get_title (procedure));
  g_string_append_c (out, '\n');
  print_wrapped (out, title, 0, NULL);
  print_procedure (out, procedure);
}

static void
append_other_causes (GString     *out,
                     LcDiagnosis *diagnosis)
{
  guint n_causes = lc_diagnosis_get_n_causes (diagnosis);

  g_string_append_c (out, '\n');
  g_string_append (out, lc_diagnosis_is_normal (diagnosis)
                          ? _("If something still seems wrong:")
                          : _("Other possible causes:"));
  g_string_append_c (out, '\n');

  for (guint i = 1; i < n_causes; i++)
    {
      LcDiagnosisCause *cause = lc_diagnosis_get_cause (diagnosis, i);
      LcProcedure *procedure = lc_diagnosis_cause_get_procedure (cause);
      g_autofree char *line = NULL;

      if (procedure != NULL)
        /* Translators: a cause, how likely in words and in percent, then the fix to try */
        line = g_strdup_printf (_("%s — %s (%d %%). Try: %s"),
                                lc_diagnosis_cause_get_title (cause),
                                lc_likelihood_to_words (lc_diagnosis_cause_get_likelihood (cause)),
                                lc_likelihood_to_percent (lc_diagnosis_cause_get_likelihood (cause)),
                                lc_procedure_get_title (procedure));
      else
        /* Translators: a cause, how likely in words and in percent */
        line = g_strdup_printf (_("%s — %s (%d %%)"),
                                lc_diagnosis_cause_get_title (cause),
                                lc_likelihood_to_words (lc_diagnosis_cause_get_likelihood (cause)),
                                lc_likelihood_to_percent (lc_diagnosis_cause_get_likelihood (cause)));
      print_wrapped (out, line, 4, "  - ");
    }
}

/* A person reads this: verdict first, then why, then what to do. */
static char *
format_human (LcDiagnosis *diagnosis)
{
  LcDiagnosisCause *top = lc_diagnosis_get_top_cause (diagnosis);
  LcKnownSignal *known = lc_diagnosis_get_known_signal (diagnosis);
  GString *out = g_string_new (NULL);

  append_heading (out, diagnosis);

  if (top == NULL)
    {
      g_string_append (out, _("Lightcode has nothing to suggest for this device."));
      g_string_append_c (out, '\n');
      return g_string_free (out, FALSE);
    }

  if (lc_diagnosis_is_normal (diagnosis))
    {
      g_autofree char *verdict = NULL;

      /* Translators: %s is the meaning of the light, e.g. “Online, all is well” */
      verdict = g_strdup_printf (_("This is normal: %s. Nothing to fix."),
                                 known != NULL ? lc_known_signal_get_title (known)
                                               : lc_diagnosis_cause_get_title (top));
      print_wrapped (out, verdict, 0, NULL);
    }
  else
    {
      append_verdict (out, diagnosis, top);
      if (known != NULL)
        append_meaning (out, diagnosis, known);
    }

  g_string_append_c (out, '\n');
  print_wrapped (out, lc_diagnosis_cause_get_explanation (top), 2, _("Why: "));

  if (lc_diagnosis_sources_disagree (diagnosis))
    {
      g_string_append_c (out, '\n');
      print_wrapped (out, lc_diagnosis_get_disagreement_note (diagnosis), 2, _("Sources disagree: "));
    }

  if (lc_diagnosis_cause_get_procedure (top) != NULL)
    append_first_fix (out, lc_diagnosis_cause_get_procedure (top));

  if (lc_diagnosis_get_n_causes (diagnosis) > 1)
    append_other_causes (out, diagnosis);

  return g_string_free (out, FALSE);
}

static void
print_diagnosis (LcDiagnosis *diagnosis,
                 gboolean     json)
{
  if (json)
    {
      g_autoptr(JsonNode) root = lc_diagnosis_json_build (diagnosis);

      /* Doubles to 3 decimals, UTF-8 whatever the locale. */
      lc_cli_print_json (root);
    }
  else
    {
      g_autofree char *text = format_human (diagnosis);

      g_print ("%s", text);
    }
}

static GOptionContext *
diagnose_option_context (const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (NULL);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Explain what a status light means and list what to try, most likely cause first."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 the light is known for the device; 1 it isn’t a known light "
                                      "(the device family’s general advice is still printed); 2 bad input "
                                      "(unknown device or context, bad signal text, bad option)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

int
lc_cli_diagnose (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LcKnowledge) knowledge = NULL;
  g_autoptr(LcDiagnosis) diagnosis = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *device_id = NULL;
  g_autofree char *signal_text = NULL;
  g_autofree char *context_id = NULL;
  gboolean json = FALSE;
  LcDevice *device;
  LcSignal signal;
  GOptionEntry entries[] = {
    { "device", 'd', 0, G_OPTION_ARG_STRING, &device_id,
      N_("The device, e.g. outdoor-4 (see “lightcode devices”)"), N_("ID") },
    { "signal", 's', 0, G_OPTION_ARG_STRING, &signal_text,
      N_("What the light does, e.g. red:burst:6 or blue:solid+green:blink"), N_("SIGNAL") },
    { "context", 'c', 0, G_OPTION_ARG_STRING, &context_id,
      N_("When it happens: any (default), setup, recording, new-batteries, after-reset, after-update, app-offline, router-change or wired-chime"), N_("CTX") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object instead of text"), NULL },
    { NULL }
  };

  g_set_prgname ("lightcode diagnose");

  context = diagnose_option_context (entries);
  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      lc_cli_option_error (argv, error);
      return LC_EXIT_BAD_INPUT;
    }

  if (g_strv_length (args) > 1)
    {
      lc_cli_error (_("unexpected argument “%s”; run “lightcode diagnose --help”"), args[1]);
      return LC_EXIT_BAD_INPUT;
    }

  if (device_id == NULL || signal_text == NULL)
    {
      lc_cli_error (_("diagnose needs --device ID and --signal SIGNAL; run “lightcode diagnose --help”"));
      return LC_EXIT_BAD_INPUT;
    }

  if (!lc_cli_parse_signal (signal_text, &signal))
    {
      return LC_EXIT_BAD_INPUT;
    }

  if (!(knowledge = lc_cli_load_knowledge ()))
    return LC_EXIT_BAD_INPUT;

  if (!(device = lc_knowledge_lookup_device (knowledge, device_id)))
    {
      lc_cli_error (_("unknown device “%s”; run “lightcode devices” for the list"), device_id);
      return LC_EXIT_BAD_INPUT;
    }

  if (!(diagnosis = lc_diagnosis_new (knowledge, device, &signal, context_id, &error)))
    {
      lc_cli_error ("%s", error->message);
      return LC_EXIT_BAD_INPUT;
    }

  print_diagnosis (diagnosis, json);

  if (!lc_diagnosis_is_known_signal (diagnosis))
    {
      lc_cli_error (_("“%s” isn’t a known light for the %s; printed the general advice"),
                    lc_diagnosis_get_signal_text (diagnosis), lc_device_get_name (device));
      return LC_EXIT_NOT_FOUND;
    }

  return LC_EXIT_OK;
}
