/* lc-timeline-strip.h — one light's recent on/off and color, as a strip
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-led-detector.h"

G_BEGIN_DECLS

#define LC_TYPE_TIMELINE_STRIP (lc_timeline_strip_get_type ())

G_DECLARE_FINAL_TYPE (LcTimelineStrip, lc_timeline_strip, LC, TIMELINE_STRIP, GtkWidget)

GtkWidget *lc_timeline_strip_new      (void);

/* Shows @runs (oldest first, as lc_led_detector_dup_timeline() gives them)
 * over the LC_LED_TIMELINE_SECONDS before @now_ns, newest at the right.
 * Lit spans take their color, dark ones the track's, and spans where the
 * video skipped (@unknown) are hatched. The accessible description names
 * the colors and counts how often the light came on.
 */
void       lc_timeline_strip_set_runs (LcTimelineStrip *self,
                                       const LcLedRun  *runs,
                                       guint            n_runs,
                                       gint64           now_ns);
guint      lc_timeline_strip_get_n_runs (LcTimelineStrip *self);
/* The accessible description, also used as the tooltip. */
const char *lc_timeline_strip_get_description (LcTimelineStrip *self);

G_END_DECLS
