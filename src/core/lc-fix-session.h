/* lc-fix-session.h — working through the fixes of a diagnosis, step by step
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lc-core-enums.h"

#include "lc-diagnosis.h"

G_BEGIN_DECLS

typedef enum
{
  LC_FIX_STEP_NOT_DONE = 0,
  LC_FIX_STEP_DONE,
  LC_FIX_STEP_SKIPPED,
} LcFixStepState;

typedef enum
{
  LC_FIX_ANSWER_YES = 0, /* the light stopped / looks right now */
  LC_FIX_ANSWER_NO,
  LC_FIX_ANSWER_NOT_SURE,
} LcFixAnswer;

typedef enum
{
  LC_FIX_STATE_NOTHING_TO_FIX = 0, /* normal light, or no procedure at all */
  LC_FIX_STATE_STEPS,              /* on a step of the current procedure */
  LC_FIX_STATE_ASKING,             /* past the last step: "did the light stop?" */
  LC_FIX_STATE_SOLVED,
  LC_FIX_STATE_NEEDS_SUPPORT,      /* fixes ran out, or a step said stop */
} LcFixState;

#define LC_TYPE_FIX_SESSION (lc_fix_session_get_type ())

G_DECLARE_FINAL_TYPE (LcFixSession, lc_fix_session, LC, FIX_SESSION, GObject)

#define LC_SUPPORT_PROCEDURE_ID "contact-support"

/* The plan: the first fitting procedure of each cause in the diagnosis
 * order, then the second ones in the same order, and so on; a procedure
 * shared by two causes is tried once, and LC_SUPPORT_PROCEDURE_ID is
 * where the plan ends rather than a step in it. A fix that may erase the
 * device (lc_fix_session_procedure_erases()) comes after all others.
 * Normal causes have nothing to try.
 *
 * Properties (all read-only, EXPLICIT_NOTIFY, notified only on change):
 * "diagnosis", "state", "current-cause", "current-procedure",
 * "step-index", "current-step", "n-steps", "next-reason",
 * "can-go-back", "attempt-index", "can-keep-going",
 * "needs-confirmation".
 */
LcFixSession     *lc_fix_session_new                   (LcDiagnosis    *diagnosis);
/* The same plan, except that @cause's own first fix comes first (the
 * person chose that cause; a fix it shares with an earlier cause is
 * taken over); the others follow in plan order, so the next cause after
 * a "no" is another one. A cause with nothing to try changes nothing.
 */
LcFixSession     *lc_fix_session_new_for_cause         (LcDiagnosis      *diagnosis,
                                                        LcDiagnosisCause *cause);

LcDiagnosis      *lc_fix_session_get_diagnosis         (LcFixSession   *self);
LcFixState        lc_fix_session_get_state             (LcFixSession   *self);
gboolean          lc_fix_session_is_solved             (LcFixSession   *self);
gboolean          lc_fix_session_needs_support         (LcFixSession   *self);

/* NULL unless there is a current attempt (STEPS or ASKING; kept on
 * SOLVED for the summary).
 */
LcDiagnosisCause *lc_fix_session_get_current_cause     (LcFixSession   *self);
LcProcedure      *lc_fix_session_get_current_procedure (LcFixSession   *self);
guint             lc_fix_session_get_step_index        (LcFixSession   *self);
LcStep           *lc_fix_session_get_current_step      (LcFixSession   *self); /* NULL when ASKING */
guint             lc_fix_session_get_n_steps           (LcFixSession   *self);
gboolean          lc_fix_session_can_go_back           (LcFixSession   *self);
/* Translated, one sentence: why the current procedure comes now ("The
 * batteries were not it. Next most likely: …"). NULL for the first one.
 */
const char       *lc_fix_session_get_next_reason       (LcFixSession   *self);
/* Translated, the session's outcome for the summary: where the person
 * asked for help, how many fixes didn't help (support offered, see
 * lc_fix_session_can_keep_going()), or that no fix is left. Never a
 * step's "stop here if …" note. NULL unless NEEDS_SUPPORT.
 */
const char       *lc_fix_session_get_support_reason    (LcFixSession   *self);

/* Step states of the current procedure. */
LcFixStepState    lc_fix_session_get_step_state        (LcFixSession   *self,
                                                        guint           index);
void              lc_fix_session_set_step_state        (LcFixSession   *self,
                                                        guint           index,
                                                        LcFixStepState  state);

/* Moving. Each returns FALSE (and changes nothing) when it can't move.
 * next_step() past the last step enters ASKING; previous_step() from
 * ASKING returns to the last step. complete_step()/skip_step() mark the
 * current step done/skipped, then move on.
 */
gboolean          lc_fix_session_next_step             (LcFixSession   *self);
gboolean          lc_fix_session_previous_step         (LcFixSession   *self);
gboolean          lc_fix_session_complete_step         (LcFixSession   *self);
gboolean          lc_fix_session_skip_step             (LcFixSession   *self);

/* "Did the light stop?" Accepted in STEPS or ASKING. YES: SOLVED.
 * NO / NOT_SURE: the next procedure of the plan (next-reason explains
 * it), or NEEDS_SUPPORT when there is none or when support is offered
 * (see LC_FIX_OFFER_SUPPORT_AFTER).
 */
void              lc_fix_session_answer                (LcFixSession   *self,
                                                        LcFixAnswer     answer);
/* The current step's "stop here if …" applies: this procedure ends here
 * (recorded as stopped at this step) and the session goes on like NO.
 */
void              lc_fix_session_stop                  (LcFixSession   *self);
/* Straight to NEEDS_SUPPORT: the person asks for help (from a step, its
 * stop box or the question). Accepted in any state but SOLVED.
 */
void              lc_fix_session_request_support       (LcFixSession   *self);
/* Support is offered (NEEDS_SUPPORT) after this many fixes in a row
 * didn't help, so a "no" loop stays short.
 */
#define LC_FIX_OFFER_SUPPORT_AFTER 3
/* …or after two, once every cause not tried yet is below this
 * likelihood: the line under which lc_likelihood_to_words() says
 * "unlikely". Going on is then mostly guessing.
 */
#define LC_FIX_UNLIKELY_BELOW 0.15
/* Holding the reset button this long resets a camera completely: its
 * settings are erased and it has to be added to the app again.
 */
#define LC_FACTORY_RESET_HOLD_SECONDS 30

/* TRUE when support was offered before the plan ran out: the person may
 * carry on with the next fix instead.
 */
gboolean          lc_fix_session_can_keep_going        (LcFixSession   *self);
/* Leaves an offer of support for the next fix of the plan; FALSE (and
 * nothing changes) unless lc_fix_session_can_keep_going().
 */
gboolean          lc_fix_session_keep_going            (LcFixSession   *self);

/* TRUE when @procedure may erase the device's settings (a full reset).
 * Such fixes come last in the plan and need lc_fix_session_confirm().
 */
gboolean          lc_fix_session_procedure_erases      (LcProcedure    *procedure);
/* TRUE on a fix that erases settings until the person confirms it;
 * until then the steps don't move.
 */
gboolean          lc_fix_session_needs_confirmation    (LcFixSession   *self);
void              lc_fix_session_confirm               (LcFixSession   *self);

/* FALSE when @step's note is about other devices only, not the chosen
 * one: such notes are not shown (see lc_step_note_applies_to()).
 */
gboolean          lc_fix_session_note_applies          (LcFixSession   *self,
                                                        LcStep         *step);

/* Blink support's own procedure ("contact-support"), shown on the support
 * page; never part of the plan. May be NULL.
 */
LcProcedure      *lc_fix_session_get_support_procedure (LcFixSession   *self);

/* History, for the support summary: every procedure started, in order. */
guint             lc_fix_session_get_n_attempts        (LcFixSession   *self);
guint             lc_fix_session_get_attempt_index     (LcFixSession   *self); /* current one */
LcDiagnosisCause *lc_fix_session_get_attempt_cause     (LcFixSession   *self,
                                                        guint           attempt);
LcProcedure      *lc_fix_session_get_attempt_procedure (LcFixSession   *self,
                                                        guint           attempt);
LcFixStepState    lc_fix_session_get_attempt_step_state (LcFixSession  *self,
                                                         guint          attempt,
                                                         guint          step);
/* TRUE once the step was on screen (paged to with the arrows, say), even
 * if it was never marked done or skipped.
 */
gboolean          lc_fix_session_get_attempt_step_seen (LcFixSession   *self,
                                                        guint           attempt,
                                                        guint           step);
/* FALSE while the attempt has no answer yet. */
gboolean          lc_fix_session_get_attempt_answer    (LcFixSession   *self,
                                                        guint           attempt,
                                                        LcFixAnswer    *out_answer);
/* TRUE when the attempt ended with lc_fix_session_stop(); @out_step
 * (optional) is the step that said stop.
 */
gboolean          lc_fix_session_get_attempt_stopped   (LcFixSession   *self,
                                                        guint           attempt,
                                                        guint          *out_step);

G_END_DECLS
