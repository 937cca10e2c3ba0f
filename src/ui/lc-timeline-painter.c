/* lc-timeline-painter.c — light runs drawn as timeline tracks, the same look everywhere
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the simulator (runs from lc_signal_to_runs()) and the camera
 * page's strips (runs a detector saw), so a pattern the person picked and
 * the one the camera saw read alike.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "lc-color-style.h"
#include "lc-timeline-painter.h"

/* Natural sizes; everything scales with the height it is given. */
#define TRACK_HEIGHT   24.0f
#define TRACK_SPACING  10.0f
#define AXIS_HEIGHT    22.0f
#define CORNER_RADIUS   6.0f
#define HATCH_SPACING   6.0
#define LABEL_PADDING  12

float
lc_timeline_painter_get_height (guint                n_tracks,
                                LcTimelinePaintFlags flags)
{
  float height;

  n_tracks = MAX (n_tracks, 1);
  height = n_tracks * TRACK_HEIGHT + (n_tracks - 1) * TRACK_SPACING;
  if (flags & LC_TIMELINE_PAINT_AXIS)
    height += AXIS_HEIGHT;

  return height;
}

static void
append_hatch (GtkSnapshot           *snapshot,
              const graphene_rect_t *rect,
              const GdkRGBA         *color)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, rect);
  double x0 = rect->origin.x;
  double y0 = rect->origin.y;
  double h = rect->size.height;

  cairo_rectangle (cr, x0, y0, rect->size.width, h);
  cairo_clip (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, 1.5);
  for (double x = x0 - h; x < x0 + rect->size.width + h; x += HATCH_SPACING)
    {
      cairo_move_to (cr, x, y0 + h);
      cairo_line_to (cr, x + h, y0);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
append_track (GtkSnapshot           *snapshot,
              const graphene_rect_t *rect,
              const LcTimelineTrack *track,
              gint64                 start_ns,
              gint64                 end_ns,
              const GdkRGBA         *fg,
              gboolean               dark)
{
  GdkRGBA background = *fg, hatch = *fg, outline = *fg;
  double span = end_ns - start_ns;
  float x = rect->origin.x, y = rect->origin.y;
  float w = rect->size.width, h = rect->size.height;
  const float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA outlines[4];
  GskRoundedRect clip;

  background.alpha *= 0.10f;
  hatch.alpha *= 0.45f;
  outline.alpha *= 0.25f;
  for (guint i = 0; i < G_N_ELEMENTS (outlines); i++)
    outlines[i] = outline;

  gsk_rounded_rect_init_from_rect (&clip, rect, MIN (CORNER_RADIUS, h / 4));
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, &background, rect);

  for (guint i = 0; i < track->n_runs; i++)
    {
      const LcLightRun *run = &track->runs[i];
      gint64 run_start = MAX (run->start_ns, start_ns);
      gint64 run_end = MIN (run->end_ns, end_ns);
      float x0, x1;

      if (run_end <= run_start || (!run->on && !run->unknown))
        continue;

      /* Whole pixels, so the steps of a fade meet without seams; even the
       * shortest blink stays visible.
       */
      x0 = roundf (x + (run_start - start_ns) / span * w);
      x1 = roundf (x + (run_end - start_ns) / span * w);
      x1 = MAX (x1, x0 + 1.0f);

      if (run->unknown)
        {
          append_hatch (snapshot, &GRAPHENE_RECT_INIT (x0, y, x1 - x0, h), &hatch);
        }
      else
        {
          /* A fade is a staircase: the bar is as high as it is bright. */
          float bar_h = run->level > 0 && run->level < 1 ? h * run->level : h;
          GdkRGBA color;

          lc_color_get_bar_rgba (run->color, dark, &color);
          gtk_snapshot_append_color (snapshot, &color,
                                     &GRAPHENE_RECT_INIT (x0, y + h - bar_h, x1 - x0, bar_h));
        }
    }

  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &clip, widths, outlines);
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             float          x,
             float          y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* A tick per second under the tracks, and @label (the span) at the end. */
static void
append_axis (GtkSnapshot *snapshot,
             GtkWidget   *widget,
             float        x,
             float        y,
             float        width,
             float        scale,
             double       span_s,
             const char  *label,
             GdkRGBA      fg)
{
  GdkRGBA tick = fg;

  tick.alpha *= 0.45f;

  for (guint s = 0; s <= (guint) floor (span_s + 1e-6); s++)
    {
      float tick_x = MIN (x + width * (float) (s / span_s), x + width - 1);

      gtk_snapshot_append_color (snapshot, &tick,
                                 &GRAPHENE_RECT_INIT (tick_x, y, 1, 5 * scale));
    }

  if (label != NULL)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, label);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      append_text (snapshot, layout, x + width - w, y + 5 * scale, &tick);
    }
}

void
lc_timeline_painter_append (GtkSnapshot           *snapshot,
                            GtkWidget             *widget,
                            const graphene_rect_t *area,
                            const LcTimelineTrack *tracks,
                            guint                  n_tracks,
                            gint64                 start_ns,
                            gint64                 end_ns,
                            LcTimelinePaintFlags   flags,
                            const char            *axis_label)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  gboolean labels = (flags & LC_TIMELINE_PAINT_LABELS) != 0;
  GdkRGBA fg;
  float scale, track_h, spacing, label_w = 0, bars_x, bars_w;

  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (area != NULL);
  g_return_if_fail (tracks != NULL || n_tracks == 0);

  if (n_tracks == 0 || end_ns <= start_ns || area->size.width <= 0 || area->size.height <= 0)
    return;

  fg = lc_widget_get_foreground (widget);
  scale = area->size.height / lc_timeline_painter_get_height (n_tracks, flags);
  track_h = TRACK_HEIGHT * scale;
  spacing = TRACK_SPACING * scale;

  if (labels)
    {
      for (guint i = 0; i < n_tracks; i++)
        {
          g_autoptr(PangoLayout) layout = NULL;
          int w, h;

          if (tracks[i].label == NULL)
            continue;
          layout = gtk_widget_create_pango_layout (widget, tracks[i].label);
          pango_layout_get_pixel_size (layout, &w, &h);
          label_w = MAX (label_w, w + LABEL_PADDING);
        }
      label_w = MIN (label_w, area->size.width * 0.4f);
    }

  bars_x = area->origin.x + label_w;
  bars_w = area->size.width - label_w;
  if (bars_w <= 4)
    return;

  for (guint i = 0; i < n_tracks; i++)
    {
      float y = area->origin.y + i * (track_h + spacing);

      append_track (snapshot, &GRAPHENE_RECT_INIT (bars_x, y, bars_w, track_h),
                    &tracks[i], start_ns, end_ns, &fg, dark);

      if (label_w > LABEL_PADDING && tracks[i].label != NULL)
        {
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, tracks[i].label);
          int w, h;

          pango_layout_set_width (layout, (int) (label_w - LABEL_PADDING) * PANGO_SCALE);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_get_pixel_size (layout, &w, &h);
          append_text (snapshot, layout, area->origin.x, y + (track_h - h) / 2, &fg);
        }
    }

  if (flags & LC_TIMELINE_PAINT_AXIS)
    append_axis (snapshot, widget, bars_x,
                 area->origin.y + n_tracks * track_h + (n_tracks - 1) * spacing + 3 * scale,
                 bars_w, scale, (end_ns - start_ns) / 1e9, labels ? axis_label : NULL, fg);
}
