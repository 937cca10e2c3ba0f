/* lc-led-simulator.h — a device drawing with its status light(s) animated
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-device.h"
#include "lc-signal.h"

G_BEGIN_DECLS

#define LC_TYPE_LED_SIMULATOR (lc_led_simulator_get_type ())

G_DECLARE_FINAL_TYPE (LcLedSimulator, lc_led_simulator, LC, LED_SIMULATOR, GtkWidget)

GtkWidget      *lc_led_simulator_new                 (void);

/* Illustration name ("device-mini"), drawn from the GResource. */
const char     *lc_led_simulator_get_drawing         (LcLedSimulator   *self);
void            lc_led_simulator_set_drawing         (LcLedSimulator   *self,
                                                      const char       *drawing);

/* Where the device's lights sit on the drawing, as 0..1 fractions of its
 * width and height. Light i of the signal is drawn at the position given by
 * the light map (identity unless set), so "green:blink" can be drawn on the
 * green light of a two-light Sync Module.
 */
void            lc_led_simulator_set_light_positions (LcLedSimulator   *self,
                                                      const graphene_point_t *positions,
                                                      guint             n_positions);
guint           lc_led_simulator_get_n_positions     (LcLedSimulator   *self);
void            lc_led_simulator_set_light_map       (LcLedSimulator   *self,
                                                      const guint      *position_for_light,
                                                      guint             n_lights);

/* Drawing, positions and light map from @device (its lights and
 * lc_device_map_signal() for every signal set afterwards). NULL clears.
 */
void            lc_led_simulator_set_device          (LcLedSimulator   *self,
                                                      LcDevice         *device);
LcDevice       *lc_led_simulator_get_device          (LcLedSimulator   *self);

const LcSignal *lc_led_simulator_get_signal          (LcLedSimulator   *self);
void            lc_led_simulator_set_signal          (LcLedSimulator   *self,
                                                      const LcSignal   *signal);

gboolean        lc_led_simulator_get_paused          (LcLedSimulator   *self);
void            lc_led_simulator_set_paused          (LcLedSimulator   *self,
                                                      gboolean          paused);

/* Forces the timeline diagram even when animations are enabled. */
gboolean        lc_led_simulator_get_show_timeline   (LcLedSimulator   *self);
void            lc_led_simulator_set_show_timeline   (LcLedSimulator   *self,
                                                      gboolean          show_timeline);
/* TRUE when it draws the static timeline (reduce motion or show-timeline). */
gboolean        lc_led_simulator_get_timeline_mode   (LcLedSimulator   *self);
/* Animate even when the system asks for reduced motion (the person
 * pressed Play).
 */
void            lc_led_simulator_set_play_anyway     (LcLedSimulator   *self,
                                                      gboolean          play_anyway);
gboolean        lc_led_simulator_get_play_anyway     (LcLedSimulator   *self);

/* With two or more lights: a click or the arrow keys choose one, which
 * emits "light-activated" (and the widget takes keyboard focus).
 */
gboolean        lc_led_simulator_get_lights_selectable (LcLedSimulator *self);
void            lc_led_simulator_set_lights_selectable (LcLedSimulator *self,
                                                        gboolean        selectable);

/* Thumbnails: > 1 magnifies the drawing around the lights (and crops). */
double          lc_led_simulator_get_zoom              (LcLedSimulator *self);
void            lc_led_simulator_set_zoom              (LcLedSimulator *self,
                                                        double          zoom);

/* The light ringed as selected (a device light / position index), -1: none. */
int             lc_led_simulator_get_selected_light  (LcLedSimulator   *self);
void            lc_led_simulator_set_selected_light  (LcLedSimulator   *self,
                                                      int               position);

/* Testing hooks.
 *
 * lc_led_simulator_get_light_state() returns what the widget draws for
 * light @index of its signal at @t seconds after the signal was set (lit or
 * not, color, level 0..1); the drawing code goes through it too.
 * lc_led_simulator_set_time() freezes the clock at @t seconds; a negative
 * @t lets it follow the frame clock again. lc_led_simulator_get_time() is
 * the time the next frame shows. lc_led_simulator_is_animating() says
 * whether a frame-clock tick callback is installed.
 */
gboolean        lc_led_simulator_get_light_state     (LcLedSimulator   *self,
                                                      guint             index,
                                                      double            t,
                                                      LcColor          *out_color,
                                                      double           *out_level);
void            lc_led_simulator_set_time            (LcLedSimulator   *self,
                                                      double            t);
double          lc_led_simulator_get_time            (LcLedSimulator   *self);
gboolean        lc_led_simulator_is_animating        (LcLedSimulator   *self);

G_END_DECLS
