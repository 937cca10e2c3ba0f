/* lc-countdown.h — a timer the person starts for a step ("wait two minutes")
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Returns the current monotonic time in microseconds. */
typedef gint64 (*LcCountdownClockFunc) (gpointer user_data);

#define LC_TYPE_COUNTDOWN (lc_countdown_get_type ())

G_DECLARE_FINAL_TYPE (LcCountdown, lc_countdown, LC, COUNTDOWN, GObject)

/* A countdown is idle until started, then running, then finished. It
 * reads its clock on each tick: ticks happen by themselves on the thread-
 * default main context while it runs (whenever the displayed second
 * changes), and lc_countdown_tick() drives one by hand. "remaining-seconds",
 * "running" and "finished" change only on ticks (and start/cancel); the
 * "finished" signal is emitted once per run.
 *
 * Properties (EXPLICIT_NOTIFY): "duration" (guint seconds, construct-only),
 * "remaining-seconds" (guint, rounded up), "running", "finished".
 */
LcCountdown *lc_countdown_new                   (guint                 seconds);

/* @func NULL restores g_get_monotonic_time(). Meant to be set before start. */
void         lc_countdown_set_clock             (LcCountdown          *self,
                                                 LcCountdownClockFunc  func,
                                                 gpointer              user_data,
                                                 GDestroyNotify        user_data_free);

guint        lc_countdown_get_duration          (LcCountdown          *self);
gboolean     lc_countdown_get_running           (LcCountdown          *self);
gboolean     lc_countdown_get_finished          (LcCountdown          *self);
/* As of the last tick; the full duration while idle, 0 once finished. */
guint        lc_countdown_get_remaining_seconds (LcCountdown          *self);
/* "mm:ss" (or "h:mm:ss") of the remaining seconds. */
char        *lc_countdown_format_remaining      (LcCountdown          *self);
char        *lc_countdown_format_seconds        (guint                 seconds);

/* Starts from the full duration; restarts when running or finished. */
void         lc_countdown_start                 (LcCountdown          *self);
/* Back to idle with the full duration; no "finished". */
void         lc_countdown_cancel                (LcCountdown          *self);
/* Reads the clock now: updates the remaining time, and finishes when it
 * is over.
 */
void         lc_countdown_tick                  (LcCountdown          *self);

G_END_DECLS
