/* lc-draw.c — the shapes Lightcode draws in more than one place: discs, rings and lit LEDs
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-color-style.h"
#include "lc-draw.h"

static GdkRGBA
mix_rgba (const GdkRGBA *a,
          const GdkRGBA *b,
          float          amount)
{
  return (GdkRGBA) {
    a->red + (b->red - a->red) * amount,
    a->green + (b->green - a->green) * amount,
    a->blue + (b->blue - a->blue) * amount,
    a->alpha + (b->alpha - a->alpha) * amount,
  };
}

void
lc_draw_disc (GtkSnapshot            *snapshot,
              const graphene_point_t *center,
              float                   radius,
              const GdkRGBA          *color)
{
  GskRoundedRect circle;

  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));

  gsk_rounded_rect_init_from_rect (&circle,
                                   &GRAPHENE_RECT_INIT (center->x - radius, center->y - radius,
                                                        2 * radius, 2 * radius),
                                   radius);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, color, &circle.bounds);
  gtk_snapshot_pop (snapshot);
}

void
lc_draw_ring (GtkSnapshot            *snapshot,
              const graphene_point_t *center,
              float                   radius,
              float                   width,
              const GdkRGBA          *color)
{
  GskRoundedRect circle;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));

  gsk_rounded_rect_init_from_rect (&circle,
                                   &GRAPHENE_RECT_INIT (center->x - radius, center->y - radius,
                                                        2 * radius, 2 * radius),
                                   radius);
  gtk_snapshot_append_border (snapshot, &circle, widths, colors);
}

static void
append_glow (GtkSnapshot            *snapshot,
             const graphene_point_t *center,
             float                   glow_radius,
             const GdkRGBA          *lit,
             double                  level)
{
  GdkRGBA inner = *lit, middle = *lit, outer = *lit;

  inner.alpha = 0.75f * level;
  middle.alpha = 0.3f * level;
  outer.alpha = 0;

  {
    const GskColorStop stops[] = {
      { 0.0f, inner },
      { 0.3f, middle },
      { 1.0f, outer },
    };

    gtk_snapshot_append_radial_gradient (snapshot,
                                         &GRAPHENE_RECT_INIT (center->x - glow_radius,
                                                              center->y - glow_radius,
                                                              2 * glow_radius, 2 * glow_radius),
                                         center, glow_radius, glow_radius,
                                         0.0f, 1.0f, stops, G_N_ELEMENTS (stops));
  }
}

void
lc_draw_led (GtkSnapshot            *snapshot,
             const graphene_point_t *center,
             float                   core_radius,
             float                   glow_radius,
             LcColor                 color,
             double                  level,
             gboolean                dark)
{
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA black = { 0, 0, 0, 1 };
  GdkRGBA unlit, lit, core, hot, rim;

  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));

  lc_color_get_lit_rgba (LC_COLOR_NONE, dark, &unlit);

  if (color == LC_COLOR_NONE || level <= 0.0)
    {
      lc_draw_disc (snapshot, center, core_radius, &unlit);
      return;
    }

  lc_color_get_lit_rgba (color, dark, &lit);

  if (glow_radius > core_radius)
    append_glow (snapshot, center, glow_radius, &lit, level);

  /* The LED itself: its color with a hot, whiter center, so it reads as a
   * light and not a painted dot; a dim one is partly the unlit color.
   */
  core = mix_rgba (&unlit, &lit, level);
  lc_draw_disc (snapshot, center, core_radius, &core);
  hot = mix_rgba (&core, &white, 0.55f * level);
  lc_draw_disc (snapshot, center, core_radius * 0.55f, &hot);

  /* A thin darker rim keeps a white or amber light visible on a pale body. */
  rim = mix_rgba (&lit, &black, 0.35f);
  rim.alpha = 0.8f * level;
  lc_draw_ring (snapshot, center, core_radius, MAX (1.0f, core_radius * 0.15f), &rim);
}
