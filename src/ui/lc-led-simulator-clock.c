/* lc-led-simulator-clock.c — the simulator's clock and its frame-clock animation
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The signal is shown at a time t since it was set. The frame clock moves
 * t on only while something on screen changes; pausing, the timeline and
 * the tests' frozen time hold it still.
 */

#include "config.h"

#include <math.h>

#include "lc-led-simulator-private.h"

double
_lc_led_simulator_current_time (LcLedSimulator *self)
{
  GdkFrameClock *frame_clock;

  if (self->frozen_time >= 0)
    return self->frozen_time;

  if (self->paused || self->start_time < 0)
    return self->time_offset;

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (frame_clock == NULL)
    return self->time_offset;

  return self->time_offset +
         (gdk_frame_clock_get_frame_time (frame_clock) - self->start_time) / (double) G_USEC_PER_SEC;
}

/* Restarts the clock at @t on the next frame. */
void
_lc_led_simulator_restart_clock (LcLedSimulator *self,
                                 double          t)
{
  self->time_offset = t;
  self->start_time = -1;
}

static gboolean
signal_is_static (const LcSignal *signal)
{
  for (guint i = 0; i < MIN (signal->n_lights, LC_SIGNAL_MAX_LIGHTS); i++)
    {
      if (lc_light_get_period (&signal->lights[i]) > 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
_lc_led_simulator_timeline_mode (LcLedSimulator *self)
{
  return self->show_timeline || (!self->animations_enabled && !self->play_anyway);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  LcLedSimulator *self = LC_LED_SIMULATOR (widget);
  double t;

  if (self->start_time < 0)
    self->start_time = gdk_frame_clock_get_frame_time (frame_clock);

  /* A blink only changes the picture at its edges: redraw then, not at
   * every frame (a fade changes all the time and is redrawn all the time).
   */
  t = _lc_led_simulator_current_time (self);
  for (guint i = 0; i < MIN (self->signal.n_lights, LC_SIGNAL_MAX_LIGHTS); i++)
    {
      LcColor color;
      double level;

      lc_led_simulator_get_light_state (self, i, t, &color, &level);
      if (color != self->drawn_colors[i] || fabs (level - self->drawn_levels[i]) > 1.0 / 512)
        {
          gtk_widget_queue_draw (widget);
          break;
        }
    }

  return G_SOURCE_CONTINUE;
}

/* A tick callback runs only while something on screen moves. */
void
_lc_led_simulator_update_animation (LcLedSimulator *self)
{
  gboolean animate = gtk_widget_get_mapped (GTK_WIDGET (self)) &&
                     !_lc_led_simulator_timeline_mode (self) &&
                     !self->paused &&
                     self->frozen_time < 0 &&
                     !signal_is_static (&self->signal);

  if (animate && self->tick_id == 0)
    {
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
    }
  else if (!animate && self->tick_id != 0)
    {
      /* Keep the time it showed last. */
      if (self->frozen_time < 0 && !self->paused)
        _lc_led_simulator_restart_clock (self, _lc_led_simulator_current_time (self));
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * lc_led_simulator_get_light_state:
 * @index: a light of the signal
 * @t: seconds since the signal was set
 *
 * Returns: %TRUE when light @index is lit at @t, as drawn
 */
gboolean
lc_led_simulator_get_light_state (LcLedSimulator *self,
                                  guint           index,
                                  double          t,
                                  LcColor        *out_color,
                                  double         *out_level)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), FALSE);

  return lc_signal_light_at (&self->signal, index, t, out_color, out_level);
}

void
lc_led_simulator_set_time (LcLedSimulator *self,
                           double          t)
{
  g_return_if_fail (LC_IS_LED_SIMULATOR (self));

  if (t >= 0)
    {
      self->frozen_time = t;
    }
  else if (self->frozen_time >= 0)
    {
      _lc_led_simulator_restart_clock (self, self->frozen_time);
      self->frozen_time = -1;
    }

  _lc_led_simulator_update_animation (self);
}

double
lc_led_simulator_get_time (LcLedSimulator *self)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), 0.0);

  return _lc_led_simulator_current_time (self);
}

gboolean
lc_led_simulator_is_animating (LcLedSimulator *self)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), FALSE);

  return self->tick_id != 0;
}
