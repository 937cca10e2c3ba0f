/* lc-led-simulator-input.c — choosing one of the simulator's lights by click or key
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With lights-selectable set and two or more lights, a click near a light
 * or the arrow, Home and End keys choose one (see "light-activated").
 */

#include "config.h"

#include <math.h>

#include "lc-led-simulator-private.h"

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   LcLedSimulator  *self)
{
  LcLedSimulatorLayout layout;
  float best = G_MAXFLOAT;
  int best_position = -1;
  float reach;

  g_assert (LC_IS_LED_SIMULATOR (self));

  if (!self->lights_selectable || self->n_positions < 2)
    return;

  _lc_led_simulator_compute_layout (self, gtk_widget_get_width (GTK_WIDGET (self)),
                                    gtk_widget_get_height (GTK_WIDGET (self)), &layout);
  if (layout.drawing.size.width <= 0)
    return;

  /* Generous targets: a light is a few pixels, a finger is not. */
  reach = MAX (24.0f, layout.drawing.size.width * 0.08f);

  for (guint p = 0; p < self->n_positions; p++)
    {
      graphene_point_t center = _lc_led_simulator_position_in (&layout.drawing, &self->positions[p]);
      float distance = hypotf (center.x - x, center.y - y);

      if (distance < best)
        {
          best = distance;
          best_position = p;
        }
    }

  if (best_position >= 0 && best <= reach)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      _lc_led_simulator_activate_light (self, best_position);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LcLedSimulator        *self)
{
  int position = MAX (self->selected_light, 0);
  int last = (int) self->n_positions - 1;

  g_assert (LC_IS_LED_SIMULATOR (self));

  if (!self->lights_selectable || self->n_positions < 2)
    return GDK_EVENT_PROPAGATE;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      position = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? position + 1 : position - 1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      position = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? position - 1 : position + 1;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      position = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      position = last;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  _lc_led_simulator_activate_light (self, CLAMP (position, 0, last));

  return GDK_EVENT_STOP;
}

void
_lc_led_simulator_add_input (LcLedSimulator *self)
{
  GtkGesture *click;
  GtkEventController *key;

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}
