/* lc-draw.h — the shapes Lightcode draws in more than one place: discs, rings and lit LEDs
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-signal.h"

G_BEGIN_DECLS

void lc_draw_disc (GtkSnapshot            *snapshot,
                   const graphene_point_t *center,
                   float                   radius,
                   const GdkRGBA          *color);
/* A circle's outline, @width wide, inside @radius. */
void lc_draw_ring (GtkSnapshot            *snapshot,
                   const graphene_point_t *center,
                   float                   radius,
                   float                   width,
                   const GdkRGBA          *color);
/* One LED as the simulator shows it: unlit (@color LC_COLOR_NONE or
 * @level 0), or lit at @level (0..1) with a hot centre, a rim and, when
 * @glow_radius is larger than @core_radius, a glow around it.
 */
void lc_draw_led  (GtkSnapshot            *snapshot,
                   const graphene_point_t *center,
                   float                   core_radius,
                   float                   glow_radius,
                   LcColor                 color,
                   double                  level,
                   gboolean                dark);

G_END_DECLS
