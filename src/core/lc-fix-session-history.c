/* lc-fix-session-history.c — what a fix session tried, read back for the support summary
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-fix-session-private.h"

LcDiagnosisCause *
lc_fix_session_get_attempt_cause (LcFixSession *self,
                                  guint         attempt)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), NULL);
  g_return_val_if_fail (attempt < lc_fix_session_get_n_attempts (self), NULL);

  return _lc_fix_session_get_attempt (self, attempt)->cause;
}

LcProcedure *
lc_fix_session_get_attempt_procedure (LcFixSession *self,
                                      guint         attempt)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), NULL);
  g_return_val_if_fail (attempt < lc_fix_session_get_n_attempts (self), NULL);

  return _lc_fix_session_get_attempt (self, attempt)->procedure;
}

LcFixStepState
lc_fix_session_get_attempt_step_state (LcFixSession *self,
                                       guint         attempt,
                                       guint         step)
{
  LcFixAttempt *a;

  g_return_val_if_fail (LC_IS_FIX_SESSION (self), LC_FIX_STEP_NOT_DONE);
  g_return_val_if_fail (attempt < lc_fix_session_get_n_attempts (self), LC_FIX_STEP_NOT_DONE);

  a = _lc_fix_session_get_attempt (self, attempt);
  g_return_val_if_fail (step < a->n_steps, LC_FIX_STEP_NOT_DONE);

  return a->step_states[step];
}

gboolean
lc_fix_session_get_attempt_answer (LcFixSession *self,
                                   guint         attempt,
                                   LcFixAnswer  *out_answer)
{
  LcFixAttempt *a;

  g_return_val_if_fail (LC_IS_FIX_SESSION (self), FALSE);
  g_return_val_if_fail (attempt < lc_fix_session_get_n_attempts (self), FALSE);

  a = _lc_fix_session_get_attempt (self, attempt);
  if (a->answered && out_answer != NULL)
    *out_answer = a->answer;

  return a->answered;
}

gboolean
lc_fix_session_get_attempt_stopped (LcFixSession *self,
                                    guint         attempt,
                                    guint        *out_step)
{
  LcFixAttempt *a;

  g_return_val_if_fail (LC_IS_FIX_SESSION (self), FALSE);
  g_return_val_if_fail (attempt < lc_fix_session_get_n_attempts (self), FALSE);

  a = _lc_fix_session_get_attempt (self, attempt);
  if (a->stopped && out_step != NULL)
    *out_step = a->stopped_at;

  return a->stopped;
}

gboolean
lc_fix_session_get_attempt_step_seen (LcFixSession *self,
                                      guint         attempt,
                                      guint         step)
{
  LcFixAttempt *a;

  g_return_val_if_fail (LC_IS_FIX_SESSION (self), FALSE);
  g_return_val_if_fail (attempt < lc_fix_session_get_n_attempts (self), FALSE);

  a = _lc_fix_session_get_attempt (self, attempt);
  g_return_val_if_fail (step < a->n_steps, FALSE);

  return a->visited[step];
}
