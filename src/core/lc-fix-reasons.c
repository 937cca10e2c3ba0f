/* lc-fix-reasons.c — why a fix session moves on or stops, in words
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-fix-session-private.h"

char *
_lc_fix_reason_dup_next (const LcFixAttempt   *previous,
                         const LcFixPlanEntry *next)
{
  const char *tried = lc_procedure_get_title (previous->procedure);
  const char *cause = lc_diagnosis_cause_get_title (next->cause);
  double likelihood = lc_diagnosis_cause_get_likelihood (next->cause);
  const char *words = lc_likelihood_to_words (likelihood);
  gboolean unsure = previous->answered && previous->answer == LC_FIX_ANSWER_NOT_SURE;

  if (next->first_for_cause)
    {
      if (unsure)
        /* Translators: a fix just tried, then a reason, how likely it is in
         * words and in percent; "%%" is a percent sign, kept on the line of
         * its number by a no-break space */
        return g_strdup_printf (_("You aren’t sure “%s” helped, so go on with the next reason to check: “%s” (%s, %d %%)."),
                                tried, cause, words, lc_likelihood_to_percent (likelihood));

      /* Translators: a fix just tried, then a reason, how likely it is in
       * words and in percent; "%%" is a percent sign */
      return g_strdup_printf (_("“%s” didn’t stop the light, so the next reason to check is “%s” (%s, %d %%)."),
                              tried, cause, words, lc_likelihood_to_percent (likelihood));
    }

  if (unsure)
    /* Translators: a fix just tried, then a reason already tried once,
     * how likely it is in words and in percent */
    return g_strdup_printf (_("You aren’t sure “%s” helped. Every likely reason has had a first fix, so here is another one for “%s” (%s, %d %%)."),
                            tried, cause, words, lc_likelihood_to_percent (likelihood));

  /* Translators: a fix just tried, then a reason already tried once, how
   * likely it is in words and in percent */
  return g_strdup_printf (_("“%s” didn’t stop the light either. Every likely reason has had a first fix, so here is another one for “%s” (%s, %d %%)."),
                          tried, cause, words, lc_likelihood_to_percent (likelihood));
}

char *
_lc_fix_reason_dup_support_offered (guint n_tried)
{
  /* Translators: %u is how many fixes were tried (2 or more) */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u fix didn’t stop the light, and the reasons left are less likely.",
                                       "%u fixes didn’t stop the light, and the reasons left are less likely.",
                                       n_tried),
                          n_tried);
}

const char *
_lc_fix_reason_get_plan_ran_out (void)
{
  return _("Lightcode knows no other fix for this light.");
}

char *
_lc_fix_reason_dup_asked_for_help (LcProcedure *procedure,
                                   guint        step_index,
                                   LcStep      *step)
{
  if (step == NULL)
    return g_strdup (_("You chose to contact Blink support."));

  /* Translators: a fix's title, a step number and that step's title */
  return g_strdup_printf (_("You asked for help during “%s”, at step %u, “%s”."),
                          lc_procedure_get_title (procedure),
                          step_index + 1, lc_step_get_title (step));
}
