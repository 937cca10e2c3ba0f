/* lc-led-simulator-paint.c — painting the simulator: device drawing, lights, timeline
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Animating, the widget is the device drawing with its lights lit as the
 * signal is at the current time; in timeline mode, the drawing with each
 * light in its first color, over one track per light.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lc-draw.h"
#include "lc-illustration.h"
#include "lc-led-simulator-private.h"
#include "lc-timeline-painter.h"

/* The drawings put an unlit dot of radius ~5 on a 256 unit canvas. */
#define LIGHT_RADIUS_FRACTION (6.5 / 256.0)
/* WCAG 2.3.1: whatever flashes stays a small area. The glow's radius is at
 * most this fraction of the widget's shorter side, and never more than
 * GLOW_MAX_RADIUS pixels, so even a full-screen simulator flashes far less
 * than a quarter of a 10° field of view.
 */
#define GLOW_MAX_FRACTION 0.06
#define GLOW_MAX_RADIUS   36.0

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* Layout */

static guint
n_drawn_lights (LcLedSimulator *self)
{
  return MAX (1, MIN (self->signal.n_lights, LC_SIGNAL_MAX_LIGHTS));
}

/* Animating: the drawing fills the square (zoomed around the lights for
 * thumbnails). Timeline mode: the drawing above the tracks, or only the
 * tracks when there is little room.
 */
void
_lc_led_simulator_compute_layout (LcLedSimulator       *self,
                                  float                 width,
                                  float                 height,
                                  LcLedSimulatorLayout *layout)
{
  float side;

  memset (layout, 0, sizeof *layout);

  if (!_lc_led_simulator_timeline_mode (self))
    {
      float size, x, y;
      graphene_point_t center = GRAPHENE_POINT_INIT (0.5f, 0.5f);

      side = MIN (width, height);
      size = side * self->zoom;
      graphene_rect_init (&layout->clip, (width - side) / 2, (height - side) / 2, side, side);

      /* Zoomed in (thumbnails): center on the lights, but never leave an
       * edge of the square uncovered.
       */
      if (self->zoom > 1.0 && self->n_positions > 0)
        {
          center = GRAPHENE_POINT_INIT (0, 0);
          for (guint p = 0; p < self->n_positions; p++)
            {
              center.x += self->positions[p].x / self->n_positions;
              center.y += self->positions[p].y / self->n_positions;
            }
        }

      x = width / 2 - center.x * size;
      y = height / 2 - center.y * size;
      x = CLAMP (x, layout->clip.origin.x + side - size, layout->clip.origin.x);
      y = CLAMP (y, layout->clip.origin.y + side - size, layout->clip.origin.y);
      graphene_rect_init (&layout->drawing, x, y, size, size);
      return;
    }

  {
    float tracks = lc_timeline_painter_get_height (n_drawn_lights (self), LC_TIMELINE_PAINT_AXIS);
    float scale = 1.0f;

    /* Small thumbnails: just the tracks, squeezed to fit. */
    if (height < 2.5f * tracks || width < 120)
      {
        scale = MIN (1.0f, height / tracks);
        graphene_rect_init (&layout->timeline, 0, (height - tracks * scale) / 2,
                            width, tracks * scale);
        layout->labels = FALSE;
        return;
      }

    side = MIN (width, height - tracks - 12);
    graphene_rect_init (&layout->drawing, (width - side) / 2, 0, side, side);
    layout->clip = layout->drawing;
    graphene_rect_init (&layout->timeline, 0, height - tracks, width, tracks);
    layout->labels = width >= 260;
  }
}

graphene_point_t
_lc_led_simulator_position_in (const graphene_rect_t  *drawing,
                               const graphene_point_t *fraction)
{
  return GRAPHENE_POINT_INIT (drawing->origin.x + fraction->x * drawing->size.width,
                              drawing->origin.y + fraction->y * drawing->size.height);
}

/* Position index where signal light @index is drawn, or -1. */
static int
position_for_light (LcLedSimulator *self,
                    guint           index)
{
  if (index >= LC_SIGNAL_MAX_LIGHTS || self->light_map[index] >= self->n_positions)
    return -1;

  return self->light_map[index];
}

/* Drawing */

static void
append_drawing (LcLedSimulator        *self,
                GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                gboolean               dark)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int size = (int) ceilf (rect->size.width * scale);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (size < 1)
    return;

  /* Rendered at exactly the device pixels shown, so it stays crisp; the
   * loader caches it for the next frames. */
  if (self->drawing != NULL)
    texture = lc_illustration_load (self->drawing, size, size, &error);
  if (error != NULL)
    g_debug ("Cannot draw “%s”: %s", self->drawing, error->message);

  if (texture != NULL)
    {
      gtk_snapshot_append_texture (snapshot, texture, rect);
    }
  else
    {
      /* No drawing: a plain rounded body, so the light still has a home. */
      GskRoundedRect body;
      GdkRGBA fill;
      graphene_rect_t inner;

      gdk_rgba_parse (&fill, dark ? "#3d3846" : "#5e5c64");
      graphene_rect_inset_r (rect, rect->size.width * 0.16f, rect->size.height * 0.16f, &inner);
      gsk_rounded_rect_init_from_rect (&body, &inner, inner.size.width * 0.2f);
      gtk_snapshot_push_rounded_clip (snapshot, &body);
      gtk_snapshot_append_color (snapshot, &fill, &inner);
      gtk_snapshot_pop (snapshot);
    }
}

static void
append_lights (LcLedSimulator        *self,
               GtkSnapshot           *snapshot,
               const graphene_rect_t *drawing,
               double                 t,
               gboolean               animate,
               gboolean               dark,
               float                  widget_side)
{
  float core_radius = MAX (2.5f, drawing->size.width * LIGHT_RADIUS_FRACTION);
  float glow_radius = MIN (MIN (core_radius * 4.0f, widget_side * GLOW_MAX_FRACTION), GLOW_MAX_RADIUS);
  gboolean drawn[LC_SIGNAL_MAX_LIGHTS] = { FALSE, };

  for (guint i = 0; i < MIN (self->signal.n_lights, LC_SIGNAL_MAX_LIGHTS); i++)
    {
      int position = position_for_light (self, i);
      graphene_point_t center;
      LcColor color;
      double level;

      if (animate)
        {
          lc_led_simulator_get_light_state (self, i, t, &color, &level);
          self->drawn_colors[i] = color;
          self->drawn_levels[i] = level;
        }

      if (position < 0 || drawn[position])
        continue;

      center = _lc_led_simulator_position_in (drawing, &self->positions[position]);

      if (!animate)
        {
          /* Timeline mode: the light shows its first color, steadily. */
          const LcLight *light = &self->signal.lights[i];

          color = light->kind != LC_KIND_OFF && light->n_colors > 0 ? light->colors[0] : LC_COLOR_NONE;
          level = 1.0;
        }

      lc_draw_led (snapshot, &center, core_radius, animate ? glow_radius : 0, color, level, dark);
      drawn[position] = TRUE;
    }

  /* Lights the signal leaves dark are drawn unlit (over the drawing's own
   * dot, so both styles get the same unlit color).
   */
  for (guint p = 0; p < self->n_positions; p++)
    {
      graphene_point_t center = _lc_led_simulator_position_in (drawing, &self->positions[p]);

      if (!drawn[p])
        lc_draw_led (snapshot, &center, core_radius, 0, LC_COLOR_NONE, 0, dark);
    }

  if (self->lights_selectable && self->n_positions > 1 &&
      self->selected_light >= 0 && (guint) self->selected_light < self->n_positions)
    {
      graphene_point_t center = _lc_led_simulator_position_in (drawing, &self->positions[self->selected_light]);
      GdkRGBA accent;

      gdk_rgba_parse (&accent, dark ? "#78aeed" : "#1c71d8");
      lc_draw_ring (snapshot, &center, core_radius * 2.6f + 3, 2.5f, &accent);
    }
}

/* How long the timeline shows: whole periods, one to four of them, about
 * eight seconds at most, so blinks stay wide enough to count.
 */
static double
timeline_span (const LcSignal *signal)
{
  double period = lc_signal_get_period (signal);
  double repeats;

  if (period <= 0)
    return 2.0;

  repeats = CLAMP (floor (8.0 / period), 1.0, 4.0);

  return repeats * period;
}

static char *
light_colors_label (const LcLight *light)
{
  GString *label = g_string_new (NULL);

  if (light->kind == LC_KIND_OFF || light->n_colors == 0)
    return g_strdup (C_("timeline", "Off"));

  for (guint c = 0; c < MIN (light->n_colors, LC_LIGHT_MAX_COLORS); c++)
    {
      if (c > 0)
        /* Translators: between color names of a light that alternates */
        g_string_append (label, C_("timeline", " / "));
      g_string_append (label, lc_color_get_name (light->colors[c]));
    }

  return g_string_free (label, FALSE);
}

/* One track per light, its runs over whole periods from the signal's start. */
static void
append_timeline (LcLedSimulator        *self,
                 GtkSnapshot           *snapshot,
                 const graphene_rect_t *area,
                 gboolean               labels)
{
  double span = timeline_span (&self->signal);
  gint64 span_ns = (gint64) llround (span * 1e9);
  /* Translators: the length of the timeline, in seconds: "8 s" */
  g_autofree char *span_label = g_strdup_printf (C_("timeline", "%.0f s"), span);
  guint n = n_drawn_lights (self);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (LcLightRun));
  char *texts[LC_SIGNAL_MAX_LIGHTS] = { NULL, };
  LcTimelineTrack tracks[LC_SIGNAL_MAX_LIGHTS];
  guint firsts[LC_SIGNAL_MAX_LIGHTS];

  for (guint i = 0; i < n; i++)
    {
      firsts[i] = runs->len;
      tracks[i].n_runs = lc_signal_to_runs (&self->signal, i, 0, span_ns, runs);
      tracks[i].label = texts[i] = light_colors_label (&self->signal.lights[i]);
    }
  /* Pointers only once the array stops growing. */
  for (guint i = 0; i < n; i++)
    tracks[i].runs = &g_array_index (runs, LcLightRun, firsts[i]);

  lc_timeline_painter_append (snapshot, GTK_WIDGET (self), area, tracks, n, 0, span_ns,
                              LC_TIMELINE_PAINT_AXIS |
                              (labels ? LC_TIMELINE_PAINT_LABELS : 0),
                              span_label);

  for (guint i = 0; i < n; i++)
    g_free (texts[i]);
}

/* The widget's snapshot. */
void
_lc_led_simulator_paint (LcLedSimulator *self,
                         GtkSnapshot    *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  gboolean dark = is_dark ();
  gboolean animate = !_lc_led_simulator_timeline_mode (self);
  LcLedSimulatorLayout layout;

  _lc_led_simulator_compute_layout (self, width, height, &layout);

  if (layout.drawing.size.width > 0)
    {
      GskRoundedRect clip;

      /* Zoomed in, the crop gets the rounded corners of a thumbnail. */
      gsk_rounded_rect_init_from_rect (&clip, &layout.clip,
                                       self->zoom > 1.0 ? layout.clip.size.width * 0.18f : 0.0f);
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
      append_drawing (self, snapshot, &layout.drawing, dark);
      append_lights (self, snapshot, &layout.drawing, _lc_led_simulator_current_time (self), animate, dark,
                     MIN (width, height));
      gtk_snapshot_pop (snapshot);
    }

  if (layout.timeline.size.width > 0)
    append_timeline (self, snapshot, &layout.timeline, layout.labels);
}
