/* lc-timeline-painter.h — light runs drawn as timeline tracks, the same look everywhere
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-signal.h"

G_BEGIN_DECLS

/* One track: a light's runs and, optionally, its name beside it. */
typedef struct
{
  const LcLightRun *runs;
  guint             n_runs;
  const char       *label; /* NULL: none */
} LcTimelineTrack;

typedef enum
{
  LC_TIMELINE_PAINT_LABELS = 1 << 0, /* track labels at the left */
  LC_TIMELINE_PAINT_AXIS   = 1 << 1, /* a tick per second below, the span at the end */
} LcTimelinePaintFlags;

/* The height @n_tracks tracks take at their natural size; drawn into a
 * smaller or larger rectangle, everything scales with it.
 */
float lc_timeline_painter_get_height (guint                n_tracks,
                                      LcTimelinePaintFlags flags);

/* Draws @tracks, top to bottom, for the time from @start_ns to @end_ns
 * (left to right) into @area, with @widget's colors. Lit spans take their
 * light color (as high as their level, full when it is 0), dark ones the
 * track's, and unknown ones are hatched. Even the shortest blink stays a
 * pixel wide. With LC_TIMELINE_PAINT_LABELS and room for them, the labels
 * take up to 40 % of the width at the left, and @axis_label (the span,
 * "8 s"; NULL: none) goes under the end of the axis.
 */
void  lc_timeline_painter_append     (GtkSnapshot           *snapshot,
                                      GtkWidget             *widget,
                                      const graphene_rect_t *area,
                                      const LcTimelineTrack *tracks,
                                      guint                  n_tracks,
                                      gint64                 start_ns,
                                      gint64                 end_ns,
                                      LcTimelinePaintFlags   flags,
                                      const char            *axis_label);

G_END_DECLS
