/* lc-fix-step-page.h — one step of a fix, as a page of the fix carousel
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-countdown.h"
#include "lc-fix-session.h"
#include "lc-step.h"

G_BEGIN_DECLS

#define LC_TYPE_FIX_STEP_PAGE (lc_fix_step_page_get_type ())

G_DECLARE_FINAL_TYPE (LcFixStepPage, lc_fix_step_page, LC, FIX_STEP_PAGE, GtkWidget)

/* Shows @step, number @index (from 0) of @n_steps. Its buttons activate
 * "fix.stop" and "fix.request-support", which an ancestor (LcFixPage)
 * provides; Done and Skip are the fix page's own, always in view.
 */
GtkWidget      *lc_fix_step_page_new           (LcStep         *step,
                                                guint           index,
                                                guint           n_steps);

LcStep         *lc_fix_step_page_get_step      (LcFixStepPage  *self);
guint           lc_fix_step_page_get_index     (LcFixStepPage  *self);

/* What the person said about the step so far. */
void            lc_fix_step_page_set_state     (LcFixStepPage  *self,
                                                LcFixStepState  state);
LcFixStepState  lc_fix_step_page_get_state     (LcFixStepPage  *self);

/* The step's timer (owned elsewhere, so it outlives the page); NULL hides it. */
void            lc_fix_step_page_set_countdown (LcFixStepPage  *self,
                                                LcCountdown    *countdown);
LcCountdown    *lc_fix_step_page_get_countdown (LcFixStepPage  *self);
/* Hides the step's note: it is about other devices (lc_fix_session_note_applies()). */
void            lc_fix_step_page_hide_note     (LcFixStepPage  *self);
/* The text shown as remaining time ("01:15"), for tests. */
const char     *lc_fix_step_page_get_countdown_text (LcFixStepPage *self);

G_END_DECLS
