/* lc-fix-session-private.h — what the lc-fix-*.c files share and nothing else sees
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lc-fix-session.h"

G_BEGIN_DECLS

/* One fix of the plan, and the cause it is tried for. */
typedef struct
{
  LcDiagnosisCause *cause;
  LcProcedure      *procedure;
  gboolean          first_for_cause; /* the cause's first fix in the plan */
} LcFixPlanEntry;

/* One fix as the person went through it. */
typedef struct
{
  LcDiagnosisCause *cause;
  LcProcedure      *procedure;
  LcFixStepState   *step_states;
  gboolean         *visited;      /* shown to the person at some point */
  guint             n_steps;
  gboolean          answered;
  LcFixAnswer       answer;
  gboolean          stopped;
  guint             stopped_at;
} LcFixAttempt;

/* lc-fix-session.c */
LcFixAttempt *_lc_fix_session_get_attempt         (LcFixSession          *self,
                                                   guint                  index);

/* lc-fix-plan.c: fills @plan (LcFixPlanEntry) in the order described in
 * lc-fix-session.h; @out_support is the "contact support" procedure, or
 * NULL.
 */
void          _lc_fix_plan_entry_free             (LcFixPlanEntry        *entry);
void          _lc_fix_plan_build                  (GPtrArray             *plan,
                                                   LcDiagnosis           *diagnosis,
                                                   LcProcedure          **out_support);
/* Moves @cause's first fix to the front of @plan, for @cause; returns
 * that entry, or NULL when nothing moved.
 */
LcFixPlanEntry *_lc_fix_plan_put_first            (GPtrArray             *plan,
                                                   LcDiagnosisCause      *cause);

/* lc-fix-reasons.c: the translated sentences of "next-reason" and
 * "support-reason".
 */
char         *_lc_fix_reason_dup_next             (const LcFixAttempt    *previous,
                                                   const LcFixPlanEntry  *next);
char         *_lc_fix_reason_dup_support_offered  (guint                  n_tried);
const char   *_lc_fix_reason_get_plan_ran_out     (void);
/* @step NULL: not during a step (@procedure is then unused). */
char         *_lc_fix_reason_dup_asked_for_help   (LcProcedure           *procedure,
                                                   guint                  step_index,
                                                   LcStep                *step);

G_END_DECLS
