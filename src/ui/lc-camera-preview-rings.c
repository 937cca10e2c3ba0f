/* lc-camera-preview-rings.c — the rings around the lights on the camera preview
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where each detected light is ringed on the picture, drawing the rings,
 * choosing one by click or with the keys, and telling screen readers what
 * is ringed.
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lc-color-style.h"
#include "lc-camera-preview-private.h"
#include "lc-draw.h"

/* Smallest ring, in logical pixels, so a tiny light can still be clicked. */
#define MIN_RING_RADIUS   14.0
/* A click this far outside a ring still picks it. */
#define RING_CLICK_SLACK  8.0
#define BADGE_RADIUS      10.0

/* Geometry */

static void
get_ring (LcCameraPreview       *self,
          const graphene_rect_t *picture,
          const LcDetectedLed   *led,
          double                *out_x,
          double                *out_y,
          double                *out_radius)
{
  double lit_radius = led->radius * picture->size.width;

  *out_x = picture->origin.x + led->x * picture->size.width;
  *out_y = picture->origin.y + led->y * picture->size.height;
  /* Leave room around the glow so the light itself stays visible. */
  *out_radius = MAX (lit_radius * 2.0 + 8.0, MIN_RING_RADIUS);
}

static int
find_ring_at (LcCameraPreview       *self,
              const graphene_rect_t *picture,
              double                 x,
              double                 y)
{
  double best_distance = G_MAXDOUBLE;
  int best = -1;

  for (guint i = 0; i < self->n_leds; i++)
    {
      double cx, cy, radius, distance;

      get_ring (self, picture, &self->leds[i], &cx, &cy, &radius);
      distance = hypot (x - cx, y - cy);
      if (distance <= radius + RING_CLICK_SLACK && distance < best_distance)
        {
          best_distance = distance;
          best = (int) i;
        }
    }

  return best;
}

/* Colors */

static GdkRGBA
get_accent (LcCameraPreview *self)
{
  static const GdkRGBA blue = { 0.21f, 0.52f, 0.89f, 1.0f };

  return lc_widget_lookup_color (GTK_WIDGET (self), "accent_bg_color", &blue);
}

/* Accessibility */

static void
update_description (LcCameraPreview *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->n_leds == 0)
    {
      g_string_append (text, _("No light is marked yet."));
    }
  else
    {
      for (guint i = 0; i < self->n_leds; i++)
        {
          const LcDetectedLed *led = &self->leds[i];
          const char *color = led->light.n_colors > 0 ? lc_color_get_name (led->light.colors[0])
                                                      : _("Unknown color");

          if (i > 0)
            g_string_append (text, " ");
          if (led->selected)
            /* Translators: "Light 1: Red, chosen." */
            g_string_append_printf (text, _("Light %u: %s, chosen."), i + 1, color);
          else
            /* Translators: "Light 1: Red." */
            g_string_append_printf (text, _("Light %u: %s."), i + 1, color);
        }

      if (self->n_leds > 1)
        {
          g_string_append (text, " ");
          g_string_append (text, _("Click a light, or use the arrow keys and Enter, to choose the one that matters."));
        }
    }

  if (g_strcmp0 (text->str, self->description) == 0)
    return;

  g_free (self->description);
  self->description = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

/* Drawing */

static void
append_badge (LcCameraPreview *self,
              GtkSnapshot     *snapshot,
              double           cx,
              double           cy,
              guint            number,
              const GdkRGBA   *background)
{
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA shadow = { 0, 0, 0, 0.5f };
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = g_strdup_printf ("%u", number);
  int text_width, text_height;

  lc_draw_disc (snapshot, &GRAPHENE_POINT_INIT (cx, cy), BADGE_RADIUS + 1, &shadow);
  lc_draw_disc (snapshot, &GRAPHENE_POINT_INIT (cx, cy), BADGE_RADIUS, background);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (cx - text_width / 2.0, cy - text_height / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &white);
  gtk_snapshot_restore (snapshot);
}

void
_lc_camera_preview_append_rings (LcCameraPreview       *self,
                                 GtkSnapshot           *snapshot,
                                 const graphene_rect_t *picture)
{
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA halo = { 0, 0, 0, 0.55f };
  static const GdkRGBA badge = { 0.14f, 0.12f, 0.19f, 0.9f };
  GdkRGBA accent = get_accent (self);
  gboolean show_focus = gtk_widget_has_visible_focus (GTK_WIDGET (self));

  for (guint i = 0; i < self->n_leds; i++)
    {
      const LcDetectedLed *led = &self->leds[i];
      graphene_point_t center;
      double cx, cy, radius;

      get_ring (self, picture, led, &cx, &cy, &radius);
      center = GRAPHENE_POINT_INIT (cx, cy);

      /* A dark halo on both sides keeps the ring visible on any picture. */
      if (led->selected)
        {
          lc_draw_ring (snapshot, &center, radius + 5, 7, &halo);
          lc_draw_ring (snapshot, &center, radius + 4, 5, &accent);
          lc_draw_ring (snapshot, &center, radius - 1, 1, &white);
        }
      else
        {
          lc_draw_ring (snapshot, &center, radius + 3, 5, &halo);
          lc_draw_ring (snapshot, &center, radius + 2, 3, &white);
        }

      if (show_focus && self->focused == (int) i)
        lc_draw_ring (snapshot, &center, radius + 10, 2, &accent);

      if (self->n_leds > 1)
        append_badge (self, snapshot,
                      cx + radius * M_SQRT1_2 + 4, cy - radius * M_SQRT1_2 - 4,
                      i + 1, led->selected ? &accent : &badge);
    }
}

/* Input */

static void
activate_ring (LcCameraPreview *self,
               int              index)
{
  const LcDetectedLed *led;

  g_assert (index >= 0 && (guint) index < self->n_leds);

  led = &self->leds[index];
  _lc_camera_preview_emit_light_activated (self, led->x, led->y);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   LcCameraPreview *self)
{
  graphene_rect_t picture;
  int ring;

  if (!_lc_camera_preview_get_picture_rect (self, &picture) ||
      !graphene_rect_contains_point (&picture, &GRAPHENE_POINT_INIT (x, y)))
    return;

  ring = find_ring_at (self, &picture, x, y);
  if (ring >= 0)
    {
      self->focused = ring;
      activate_ring (self, ring);
      return;
    }

  /* Not on a ring: the detector starts watching that spot. */
  _lc_camera_preview_emit_light_activated (self,
                                           (x - picture.origin.x) / picture.size.width,
                                           (y - picture.origin.y) / picture.size.height);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LcCameraPreview       *self)
{
  int n = (int) self->n_leds;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      self->focused = self->focused <= 0 ? n - 1 : self->focused - 1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return GDK_EVENT_STOP;

    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      self->focused = (self->focused + 1) % n;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return GDK_EVENT_STOP;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (self->focused < 0 || self->focused >= n)
        self->focused = 0;
      activate_ring (self, self->focused);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

void
lc_camera_preview_set_detection (LcCameraPreview   *self,
                                 const LcDetection *detection)
{
  guint n_leds = 0;

  g_return_if_fail (LC_IS_CAMERA_PREVIEW (self));

  if (detection != NULL)
    {
      n_leds = MIN (detection->n_leds, (guint) LC_DETECTION_MAX_LEDS);
      memcpy (self->leds, detection->leds, n_leds * sizeof (LcDetectedLed));
    }

  self->n_leds = n_leds;
  if (self->focused >= (int) n_leds)
    self->focused = n_leds > 0 ? 0 : -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), n_leds > 0);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
lc_camera_preview_get_n_rings (LcCameraPreview *self)
{
  g_return_val_if_fail (LC_IS_CAMERA_PREVIEW (self), 0);

  return self->n_leds;
}

/* Setting up and forgetting */

void
_lc_camera_preview_init_rings (LcCameraPreview *self)
{
  GtkGesture *click;
  GtkEventController *keys;

  self->focused = -1;

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Camera picture"),
                                  -1);
  update_description (self);
}

void
_lc_camera_preview_clear_rings (LcCameraPreview *self)
{
  self->n_leds = 0;
  self->focused = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  update_description (self);
}
