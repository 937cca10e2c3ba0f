/* lc-fix-page.h — walking through the fixes: steps, "did it work?", next cause
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-countdown.h"
#include "lc-fix-session.h"

G_BEGIN_DECLS

#define LC_TYPE_FIX_PAGE (lc_fix_page_get_type ())

G_DECLARE_FINAL_TYPE (LcFixPage, lc_fix_page, LC, FIX_PAGE, GtkWidget)

/* The page shows @session and acts on it; the session decides what comes
 * next. Step timers belong to the page, so they keep running while the
 * person looks at other steps or other pages; a new session (or a new fix
 * within it) drops them.
 *
 * Signals: "timer-finished" (guint step index, LcStep *step), after the
 * toast / notification went out.
 */
GtkWidget    *lc_fix_page_new            (void);

LcFixSession *lc_fix_page_get_session    (LcFixPage            *self);
void          lc_fix_page_set_session    (LcFixPage            *self,
                                          LcFixSession         *session);

/* The clock of the step timers (tests); NULL: the monotonic clock.
 * Applies to the current timers and to those made later.
 */
void          lc_fix_page_set_clock      (LcFixPage            *self,
                                          LcCountdownClockFunc  func,
                                          gpointer              user_data);

/* The timer of step @index of the current fix, or NULL when that step
 * has none.
 */
LcCountdown  *lc_fix_page_get_countdown  (LcFixPage            *self,
                                          guint                 index);
/* The carousel page of step @index of the current fix (an LcFixStepPage). */
GtkWidget    *lc_fix_page_get_step_page  (LcFixPage            *self,
                                          guint                 index);
/* "empty", "steps", "question", "not-sure", "solved" or "support". */
const char   *lc_fix_page_get_view       (LcFixPage            *self);

G_END_DECLS
