/* lc-led-simulator-private.h — what the parts of LcLedSimulator share
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LcLedSimulator is split along its seams: the widget, its properties and
 * its accessible text (lc-led-simulator.c); its clock and the frame-clock
 * animation (lc-led-simulator-clock.c); painting the device drawing, its
 * lights and the timeline (lc-led-simulator-paint.c); and choosing one of
 * several lights with a click or the keyboard (lc-led-simulator-input.c).
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-led-simulator.h"

G_BEGIN_DECLS

struct _LcLedSimulator
{
  GtkWidget         parent_instance;

  char             *drawing;
  LcDevice         *device;
  LcSignal          signal;

  graphene_point_t  positions[LC_SIGNAL_MAX_LIGHTS];
  guint             n_positions;
  guint             light_map[LC_SIGNAL_MAX_LIGHTS]; /* signal light -> position */

  int               selected_light;
  double            zoom;
  guint             lights_selectable : 1;
  guint             paused : 1;
  guint             show_timeline : 1;
  guint             animations_enabled : 1;
  guint             play_anyway : 1; /* asked to move despite reduce motion */

  /* Time: t = time_offset + (frame time - start_time); start_time is taken
   * from the first frame after a change (-1 until then).
   */
  gint64            start_time;
  double            time_offset;
  double            frozen_time; /* < 0: follow the clock */

  guint             tick_id;
  /* What the last frame showed, so unchanged frames are not redrawn. */
  LcColor           drawn_colors[LC_SIGNAL_MAX_LIGHTS];
  double            drawn_levels[LC_SIGNAL_MAX_LIGHTS];
  GtkSettings      *settings; /* borrowed, while realized */
  gulong            settings_handler;
};

/* Where things go in the widget (see lc-led-simulator-paint.c). */
typedef struct
{
  graphene_rect_t clip;     /* what may be drawn on when zoomed in */
  graphene_rect_t drawing;  /* the device drawing (square) */
  graphene_rect_t timeline; /* the timeline tracks; empty when animating */
  gboolean        labels;   /* room for color names beside the tracks */
} LcLedSimulatorLayout;

/* lc-led-simulator.c */
void             _lc_led_simulator_activate_light   (LcLedSimulator         *self,
                                                     guint                   position);

/* lc-led-simulator-clock.c */
double           _lc_led_simulator_current_time     (LcLedSimulator         *self);
void             _lc_led_simulator_restart_clock    (LcLedSimulator         *self,
                                                     double                  t);
gboolean         _lc_led_simulator_timeline_mode    (LcLedSimulator         *self);
void             _lc_led_simulator_update_animation (LcLedSimulator         *self);

/* lc-led-simulator-paint.c */
void             _lc_led_simulator_compute_layout   (LcLedSimulator         *self,
                                                     float                   width,
                                                     float                   height,
                                                     LcLedSimulatorLayout   *layout);
graphene_point_t _lc_led_simulator_position_in      (const graphene_rect_t  *drawing,
                                                     const graphene_point_t *fraction);
void             _lc_led_simulator_paint            (LcLedSimulator         *self,
                                                     GtkSnapshot            *snapshot);

/* lc-led-simulator-input.c */
void             _lc_led_simulator_add_input        (LcLedSimulator         *self);

G_END_DECLS
