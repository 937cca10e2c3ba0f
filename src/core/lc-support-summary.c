/* lc-support-summary.c — a plain-text report to hand to Blink support
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-support-summary.h"

/* "Label: value" lines, so support staff can scan them. */
static void
append_field (GString    *text,
              const char *label,
              const char *value)
{
  /* Translators: a label and its value in the support summary, "Device: Blink Mini" */
  g_string_append_printf (text, _("%s: %s"), label, value);
  g_string_append_c (text, '\n');
}

static char *
describe_identification (LcDiagnosis *diagnosis)
{
  int confidence = lc_likelihood_to_percent (lc_diagnosis_get_source_confidence (diagnosis));

  if (!lc_diagnosis_is_source_confirmed (diagnosis))
    return g_strdup (lc_diagnosis_get_source (diagnosis) == LC_SIGNAL_SOURCE_CAMERA
                       /* Translators: how the light was identified, in the support summary */
                       ? _("watched by the webcam, not confirmed (the pattern was not seen to repeat)")
                       /* Translators: how the light was identified, in the support summary */
                       : _("read from a video, not confirmed (the pattern was not seen to repeat)"));

  switch (lc_diagnosis_get_source (diagnosis))
    {
    case LC_SIGNAL_SOURCE_CAMERA:
      /* Translators: %d is a percentage; "%%" is the percent sign */
      return g_strdup_printf (_("watched by the webcam (%d %% confidence)"), confidence);
    case LC_SIGNAL_SOURCE_VIDEO:
      /* Translators: %d is a percentage; "%%" is the percent sign */
      return g_strdup_printf (_("read from a video (%d %% confidence)"), confidence);
    case LC_SIGNAL_SOURCE_EYE:
    default:
      return g_strdup (_("by eye, matched in Lightcode"));
    }
}

static const char *
step_state_label (LcFixStepState state,
                  gboolean       seen)
{
  if (state == LC_FIX_STEP_NOT_DONE && seen)
    /* Translators: marks a fix step in the support summary: it was shown
     * (paged past, say) but not marked done or skipped */
    return C_("step state", "[seen, not marked]");

  switch (state)
    {
    case LC_FIX_STEP_DONE:
      /* Translators: marks a fix step in the support summary */
      return C_("step state", "[done]");
    case LC_FIX_STEP_SKIPPED:
      /* Translators: marks a fix step in the support summary */
      return C_("step state", "[skipped]");
    case LC_FIX_STEP_NOT_DONE:
    default:
      /* Translators: marks a fix step in the support summary */
      return C_("step state", "[not done]");
    }
}

static void
append_header (GString     *text,
               LcDiagnosis *diagnosis,
               GDateTime   *now)
{
  LcKnowledge *knowledge = lc_diagnosis_get_knowledge (diagnosis);
  LcDevice *device = lc_diagnosis_get_device (diagnosis);
  LcKnownSignal *known = lc_diagnosis_get_known_signal (diagnosis);
  g_autofree char *words = lc_signal_describe (lc_diagnosis_get_signal (diagnosis));
  g_autofree char *seen = NULL;
  g_autofree char *device_text = NULL;
  g_autofree char *identified = describe_identification (diagnosis);
  g_autofree char *when = NULL;
  g_autofree char *date = NULL;

  /* Translators: the first line of the support summary: app name and version */
  g_string_append_printf (text, _("%s %s — support summary"), PACKAGE_NAME, VERSION);
  g_string_append (text, "\n\n");

  date = g_date_time_format (now, "%Y-%m-%d %H:%M %:z");
  append_field (text, _("Date"), date);

  device_text = g_strdup_printf ("%s (%s)", lc_device_get_name (device), lc_device_get_id (device));
  append_field (text, _("Device"), device_text);

  seen = g_strdup_printf ("%s — %s", lc_diagnosis_get_signal_text (diagnosis), words);
  append_field (text, _("Light seen"), seen);
  append_field (text, _("Identified"), identified);

  when = g_strdup_printf ("%s (%s)",
                          lc_knowledge_get_context_label (knowledge, lc_diagnosis_get_context_id (diagnosis)),
                          lc_diagnosis_get_context_id (diagnosis));
  append_field (text, _("When"), when);

  if (known != NULL)
    {
      g_autofree char *meaning = NULL;

      meaning = g_strdup_printf ("%s (%s, %s)",
                                 lc_known_signal_get_title (known),
                                 lc_known_signal_get_signal_text (known),
                                 lc_provenance_get_label (lc_known_signal_get_provenance (known)));
      append_field (text, _("Known meaning"), meaning);
    }
  else
    {
      append_field (text, _("Known meaning"), _("none: this isn’t a known light for this device"));
    }

  if (lc_diagnosis_sources_disagree (diagnosis))
    append_field (text, _("Sources disagree"), lc_diagnosis_get_disagreement_note (diagnosis));
}

static void
append_causes (GString     *text,
               LcDiagnosis *diagnosis)
{
  guint n_causes = lc_diagnosis_get_n_causes (diagnosis);
  double other = lc_diagnosis_get_other_likelihood (diagnosis);

  g_string_append_c (text, '\n');
  g_string_append (text, _("Causes considered:"));
  g_string_append_c (text, '\n');

  for (guint i = 0; i < n_causes; i++)
    {
      LcDiagnosisCause *cause = lc_diagnosis_get_cause (diagnosis, i);

      g_string_append_printf (text, "  %u. %s (%s) — %d %% — %s\n",
                              i + 1,
                              lc_diagnosis_cause_get_title (cause),
                              lc_diagnosis_cause_get_id (cause),
                              lc_likelihood_to_percent (lc_diagnosis_cause_get_likelihood (cause)),
                              lc_provenance_get_label (lc_diagnosis_cause_get_provenance (cause)));
    }

  if (lc_likelihood_to_percent (other) > 0)
    /* Translators: the share left for causes nobody listed; "%%" is a percent sign */
    g_string_append_printf (text, _("  Something else — %d %%\n"), lc_likelihood_to_percent (other));
}

static const char *
attempt_result (LcFixSession *session,
                guint         attempt)
{
  LcFixAnswer answer;

  if (lc_fix_session_get_attempt_stopped (session, attempt, NULL))
    return _("stopped at a step that said to stop; the light did not stop");

  if (!lc_fix_session_get_attempt_answer (session, attempt, &answer))
    return _("not finished yet");

  switch (answer)
    {
    case LC_FIX_ANSWER_YES:
      return _("the light stopped");
    case LC_FIX_ANSWER_NOT_SURE:
      return _("not sure whether the light stopped");
    case LC_FIX_ANSWER_NO:
    default:
      return _("the light did not stop");
    }
}

static void
append_attempts (GString      *text,
                 LcFixSession *session)
{
  guint n_attempts = lc_fix_session_get_n_attempts (session);

  g_string_append_c (text, '\n');
  g_string_append (text, _("What was tried:"));
  g_string_append_c (text, '\n');

  if (n_attempts == 0)
    {
      g_string_append_printf (text, "  %s\n", _("Nothing yet."));
      return;
    }

  for (guint a = 0; a < n_attempts; a++)
    {
      LcProcedure *procedure = lc_fix_session_get_attempt_procedure (session, a);
      LcDiagnosisCause *cause = lc_fix_session_get_attempt_cause (session, a);
      guint n_steps = lc_procedure_get_n_steps (procedure);

      /* Translators: a fix that was tried, then the reason it was meant for */
      g_string_append_printf (text, _("  %u. %s (for: %s)"), a + 1,
                              lc_procedure_get_title (procedure),
                              lc_diagnosis_cause_get_title (cause));
      g_string_append_c (text, '\n');

      for (guint s = 0; s < n_steps; s++)
        {
          LcStep *step = lc_procedure_get_step (procedure, s);

          g_string_append_printf (text, "     %s %s\n",
                                  step_state_label (lc_fix_session_get_attempt_step_state (session, a, s),
                                                    lc_fix_session_get_attempt_step_seen (session, a, s)),
                                  lc_step_get_title (step));
        }

      g_string_append (text, "     ");
      append_field (text, _("Result"), attempt_result (session, a));
    }
}

static void
append_outcome (GString      *text,
                LcDiagnosis  *diagnosis,
                LcFixSession *session)
{
  const char *outcome;

  if (session == NULL)
    outcome = lc_diagnosis_is_normal (diagnosis)
            ? _("This light is normal; nothing was tried.")
            : _("Nothing was tried yet.");
  else
    switch (lc_fix_session_get_state (session))
      {
      case LC_FIX_STATE_SOLVED:
        outcome = _("Solved: the light stopped.");
        break;
      case LC_FIX_STATE_NEEDS_SUPPORT:
        outcome = lc_fix_session_get_support_reason (session);
        break;
      case LC_FIX_STATE_NOTHING_TO_FIX:
        outcome = _("Lightcode has no fix to try for this light.");
        break;
      case LC_FIX_STATE_STEPS:
      case LC_FIX_STATE_ASKING:
      default:
        outcome = _("Still working through the fixes.");
        break;
      }

  g_string_append_c (text, '\n');
  append_field (text, _("Outcome"), outcome);
}

static char *
build (LcDiagnosis  *diagnosis,
       LcFixSession *session,
       GDateTime    *now)
{
  g_autoptr(GDateTime) local_now = NULL;
  GString *text = g_string_new (NULL);

  if (now == NULL)
    now = local_now = g_date_time_new_now_local ();

  append_header (text, diagnosis, now);
  append_causes (text, diagnosis);
  if (session != NULL)
    append_attempts (text, session);
  append_outcome (text, diagnosis, session);

  return g_string_free (text, FALSE);
}

char *
lc_support_summary_for_session (LcFixSession *session,
                                GDateTime    *now)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (session), NULL);

  return build (lc_fix_session_get_diagnosis (session), session, now);
}

char *
lc_support_summary_for_diagnosis (LcDiagnosis *diagnosis,
                                  GDateTime   *now)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (diagnosis), NULL);

  return build (diagnosis, NULL, now);
}
