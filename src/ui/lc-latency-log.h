/* lc-latency-log.h — how late the camera preview draws frames (LIGHTCODE_DEBUG_LATENCY)
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LcLatencyLog LcLatencyLog;

/* A log, or NULL unless LIGHTCODE_DEBUG_LATENCY=1: then each frame drawn
 * is timed, and the medians are printed every few hundred frames.
 */
LcLatencyLog *lc_latency_log_new_from_env (void);
void          lc_latency_log_free         (LcLatencyLog *self);

/* A frame with timestamp @pts_ns, handed over at @arrival_us, drawn for
 * the frame clock's @frame_us at @painted_us (all monotonic time).
 * @dropped is how many frames were replaced before being drawn so far.
 */
void          lc_latency_log_add          (LcLatencyLog *self,
                                           gint64        pts_ns,
                                           gint64        arrival_us,
                                           gint64        frame_us,
                                           gint64        painted_us,
                                           guint         dropped);
/* Prints what was not printed yet, if anything. */
void          lc_latency_log_flush        (LcLatencyLog *self,
                                           guint         dropped);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcLatencyLog, lc_latency_log_free)

G_END_DECLS
