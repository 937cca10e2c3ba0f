/* lc-led-simulator.c — a device drawing with its status light(s) animated
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lc-color-style.h"
#include "lc-draw.h"
#include "lc-knowledge.h"
#include "lc-illustration.h"
#include "lc-led-simulator.h"
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
/* Drawings are cached per pixel size; a few sizes cover a page and its
 * thumbnails while a window is resized.
 */

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

G_DEFINE_FINAL_TYPE (LcLedSimulator, lc_led_simulator, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DRAWING,
  PROP_DEVICE,
  PROP_SIGNAL,
  PROP_PAUSED,
  PROP_SHOW_TIMELINE,
  PROP_TIMELINE_MODE,
  PROP_SELECTED_LIGHT,
  PROP_LIGHTS_SELECTABLE,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  LIGHT_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Colors */

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* Time */

static double
current_time (LcLedSimulator *self)
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
static void
restart_clock (LcLedSimulator *self,
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

static gboolean
timeline_mode (LcLedSimulator *self)
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
  t = current_time (self);
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
static void
update_animation (LcLedSimulator *self)
{
  gboolean animate = gtk_widget_get_mapped (GTK_WIDGET (self)) &&
                     !timeline_mode (self) &&
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
        restart_clock (self, current_time (self));
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Accessibility */

static void
update_accessible (LcLedSimulator *self)
{
  g_autofree char *description = lc_signal_describe (&self->signal);
  const char *label;

  if (self->device != NULL)
    label = lc_device_get_name (self->device);
  else
    label = _("Status light");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Layout */

typedef struct
{
  graphene_rect_t clip;     /* what may be drawn on when zoomed in */
  graphene_rect_t drawing;  /* the device drawing (square) */
  graphene_rect_t timeline; /* the timeline tracks; empty when animating */
  gboolean        labels;   /* room for color names beside the tracks */
} Layout;

static guint
n_drawn_lights (LcLedSimulator *self)
{
  return MAX (1, MIN (self->signal.n_lights, LC_SIGNAL_MAX_LIGHTS));
}

static void
compute_layout (LcLedSimulator *self,
                float           width,
                float           height,
                Layout         *layout)
{
  float side;

  memset (layout, 0, sizeof *layout);

  if (!timeline_mode (self))
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

static graphene_point_t
position_in (const graphene_rect_t  *drawing,
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

      center = position_in (drawing, &self->positions[position]);

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
      graphene_point_t center = position_in (drawing, &self->positions[p]);

      if (!drawn[p])
        lc_draw_led (snapshot, &center, core_radius, 0, LC_COLOR_NONE, 0, dark);
    }

  if (self->lights_selectable && self->n_positions > 1 &&
      self->selected_light >= 0 && (guint) self->selected_light < self->n_positions)
    {
      graphene_point_t center = position_in (drawing, &self->positions[self->selected_light]);
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

static void
lc_led_simulator_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  LcLedSimulator *self = LC_LED_SIMULATOR (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  gboolean dark = is_dark ();
  gboolean animate = !timeline_mode (self);
  Layout layout;

  compute_layout (self, width, height, &layout);

  if (layout.drawing.size.width > 0)
    {
      GskRoundedRect clip;

      /* Zoomed in, the crop gets the rounded corners of a thumbnail. */
      gsk_rounded_rect_init_from_rect (&clip, &layout.clip,
                                       self->zoom > 1.0 ? layout.clip.size.width * 0.18f : 0.0f);
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
      append_drawing (self, snapshot, &layout.drawing, dark);
      append_lights (self, snapshot, &layout.drawing, current_time (self), animate, dark,
                     MIN (width, height));
      gtk_snapshot_pop (snapshot);
    }

  if (layout.timeline.size.width > 0)
    append_timeline (self, snapshot, &layout.timeline, layout.labels);
}

/* As small as allowed: the size request or the parent's space decides. */
static void
lc_led_simulator_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = 32;
  *natural = 32;
}

/* Input: choosing one of several lights */

static void
activate_light (LcLedSimulator *self,
                guint           position)
{
  lc_led_simulator_set_selected_light (self, position);
  g_signal_emit (self, signals[LIGHT_ACTIVATED], 0, position);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   LcLedSimulator  *self)
{
  Layout layout;
  float best = G_MAXFLOAT;
  int best_position = -1;
  float reach;

  g_assert (LC_IS_LED_SIMULATOR (self));

  if (!self->lights_selectable || self->n_positions < 2)
    return;

  compute_layout (self, gtk_widget_get_width (GTK_WIDGET (self)),
                  gtk_widget_get_height (GTK_WIDGET (self)), &layout);
  if (layout.drawing.size.width <= 0)
    return;

  /* Generous targets: a light is a few pixels, a finger is not. */
  reach = MAX (24.0f, layout.drawing.size.width * 0.08f);

  for (guint p = 0; p < self->n_positions; p++)
    {
      graphene_point_t center = position_in (&layout.drawing, &self->positions[p]);
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
      activate_light (self, best_position);
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

  activate_light (self, CLAMP (position, 0, last));

  return GDK_EVENT_STOP;
}

/* Settings and style */

static void
enable_animations_changed_cb (GtkSettings    *settings,
                              GParamSpec     *pspec,
                              LcLedSimulator *self)
{
  gboolean enabled = TRUE;
  gboolean was_timeline = timeline_mode (self);

  g_object_get (settings, "gtk-enable-animations", &enabled, NULL);
  self->animations_enabled = !!enabled;

  if (was_timeline != timeline_mode (self))
    {
      update_animation (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE_MODE]);
    }
}

static void
disconnect_settings (LcLedSimulator *self)
{
  if (self->settings != NULL)
    {
      g_clear_signal_handler (&self->settings_handler, self->settings);
      self->settings = NULL;
    }
}

static void
connect_settings (LcLedSimulator *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));

  if (settings == self->settings)
    return;

  disconnect_settings (self);
  self->settings = settings;
  self->settings_handler = g_signal_connect (settings, "notify::gtk-enable-animations",
                                             G_CALLBACK (enable_animations_changed_cb), self);
  enable_animations_changed_cb (settings, NULL, self);
}

static void
lc_led_simulator_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lc_led_simulator_parent_class)->root (widget);

  connect_settings (LC_LED_SIMULATOR (widget));
}

static void
lc_led_simulator_unroot (GtkWidget *widget)
{
  disconnect_settings (LC_LED_SIMULATOR (widget));

  GTK_WIDGET_CLASS (lc_led_simulator_parent_class)->unroot (widget);
}

static void
lc_led_simulator_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lc_led_simulator_parent_class)->map (widget);

  update_animation (LC_LED_SIMULATOR (widget));
}

static void
lc_led_simulator_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lc_led_simulator_parent_class)->unmap (widget);

  update_animation (LC_LED_SIMULATOR (widget));
}

static void
style_dark_changed_cb (LcLedSimulator *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
lc_led_simulator_dispose (GObject *object)
{
  LcLedSimulator *self = LC_LED_SIMULATOR (object);

  disconnect_settings (self);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_object (&self->device);

  G_OBJECT_CLASS (lc_led_simulator_parent_class)->dispose (object);
}

static void
lc_led_simulator_finalize (GObject *object)
{
  LcLedSimulator *self = LC_LED_SIMULATOR (object);

  g_clear_pointer (&self->drawing, g_free);

  G_OBJECT_CLASS (lc_led_simulator_parent_class)->finalize (object);
}

static void
lc_led_simulator_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LcLedSimulator *self = LC_LED_SIMULATOR (object);

  switch (prop_id)
    {
    case PROP_DRAWING:
      g_value_set_string (value, self->drawing);
      break;

    case PROP_DEVICE:
      g_value_set_object (value, self->device);
      break;

    case PROP_SIGNAL:
      g_value_set_boxed (value, &self->signal);
      break;

    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;

    case PROP_SHOW_TIMELINE:
      g_value_set_boolean (value, self->show_timeline);
      break;

    case PROP_TIMELINE_MODE:
      g_value_set_boolean (value, timeline_mode (self));
      break;

    case PROP_SELECTED_LIGHT:
      g_value_set_int (value, self->selected_light);
      break;

    case PROP_LIGHTS_SELECTABLE:
      g_value_set_boolean (value, self->lights_selectable);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_led_simulator_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LcLedSimulator *self = LC_LED_SIMULATOR (object);

  switch (prop_id)
    {
    case PROP_DRAWING:
      lc_led_simulator_set_drawing (self, g_value_get_string (value));
      break;

    case PROP_DEVICE:
      lc_led_simulator_set_device (self, g_value_get_object (value));
      break;

    case PROP_SIGNAL:
      {
        const LcSignal *signal = g_value_get_boxed (value);
        LcSignal off;

        if (signal == NULL)
          {
            lc_signal_init_off (&off);
            signal = &off;
          }
        lc_led_simulator_set_signal (self, signal);
      }
      break;

    case PROP_PAUSED:
      lc_led_simulator_set_paused (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_TIMELINE:
      lc_led_simulator_set_show_timeline (self, g_value_get_boolean (value));
      break;

    case PROP_SELECTED_LIGHT:
      lc_led_simulator_set_selected_light (self, g_value_get_int (value));
      break;

    case PROP_LIGHTS_SELECTABLE:
      lc_led_simulator_set_lights_selectable (self, g_value_get_boolean (value));
      break;

    case PROP_ZOOM:
      lc_led_simulator_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_led_simulator_class_init (LcLedSimulatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_led_simulator_dispose;
  object_class->finalize = lc_led_simulator_finalize;
  object_class->get_property = lc_led_simulator_get_property;
  object_class->set_property = lc_led_simulator_set_property;

  widget_class->snapshot = lc_led_simulator_snapshot;
  widget_class->measure = lc_led_simulator_measure;
  widget_class->map = lc_led_simulator_map;
  widget_class->unmap = lc_led_simulator_unmap;
  widget_class->root = lc_led_simulator_root;
  widget_class->unroot = lc_led_simulator_unroot;

  properties [PROP_DRAWING] =
    g_param_spec_string ("drawing", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_DEVICE] =
    g_param_spec_object ("device", NULL, NULL, LC_TYPE_DEVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_SIGNAL] =
    g_param_spec_boxed ("signal", NULL, NULL, LC_TYPE_SIGNAL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_SHOW_TIMELINE] =
    g_param_spec_boolean ("show-timeline", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_TIMELINE_MODE] =
    g_param_spec_boolean ("timeline-mode", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_SELECTED_LIGHT] =
    g_param_spec_int ("selected-light", NULL, NULL, -1, LC_SIGNAL_MAX_LIGHTS - 1, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_LIGHTS_SELECTABLE] =
    g_param_spec_boolean ("lights-selectable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 1.0, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LcLedSimulator::light-activated:
   * @position: index of the device light (position) chosen
   */
  signals [LIGHT_ACTIVATED] =
    g_signal_new ("light-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "ledsimulator");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lc_led_simulator_init (LcLedSimulator *self)
{
  GtkGesture *click;
  GtkEventController *key;

  self->selected_light = -1;
  self->zoom = 1.0;
  self->animations_enabled = TRUE;
  self->start_time = -1;
  self->frozen_time = -1;
  lc_signal_init_off (&self->signal);
  for (guint i = 0; i < LC_SIGNAL_MAX_LIGHTS; i++)
    self->light_map[i] = i;

  /* A single light in the middle until told otherwise. */
  self->positions[0] = GRAPHENE_POINT_INIT (0.5f, 0.5f);
  self->n_positions = 1;

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_changed_cb), self, G_CONNECT_SWAPPED);

  update_accessible (self);
}

GtkWidget *
lc_led_simulator_new (void)
{
  return g_object_new (LC_TYPE_LED_SIMULATOR, NULL);
}

const char *
lc_led_simulator_get_drawing (LcLedSimulator *self)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), NULL);

  return self->drawing;
}

void
lc_led_simulator_set_drawing (LcLedSimulator *self,
                              const char     *drawing)
{
  g_return_if_fail (LC_IS_LED_SIMULATOR (self));

  if (g_strcmp0 (self->drawing, drawing) == 0)
    return;

  g_free (self->drawing);
  self->drawing = g_strdup (drawing);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWING]);
}

static void
update_focusable (LcLedSimulator *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), self->lights_selectable && self->n_positions > 1);
}

void
lc_led_simulator_set_light_positions (LcLedSimulator         *self,
                                      const graphene_point_t *positions,
                                      guint                   n_positions)
{
  g_return_if_fail (LC_IS_LED_SIMULATOR (self));
  g_return_if_fail (positions != NULL || n_positions == 0);

  self->n_positions = MIN (n_positions, LC_SIGNAL_MAX_LIGHTS);
  for (guint p = 0; p < self->n_positions; p++)
    self->positions[p] = positions[p];

  if (self->selected_light >= (int) self->n_positions)
    lc_led_simulator_set_selected_light (self, -1);

  update_focusable (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
lc_led_simulator_get_n_positions (LcLedSimulator *self)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), 0);

  return self->n_positions;
}

void
lc_led_simulator_set_light_map (LcLedSimulator *self,
                                const guint    *position_for_light,
                                guint           n_lights)
{
  g_return_if_fail (LC_IS_LED_SIMULATOR (self));
  g_return_if_fail (position_for_light != NULL || n_lights == 0);

  for (guint i = 0; i < LC_SIGNAL_MAX_LIGHTS; i++)
    self->light_map[i] = i < n_lights ? position_for_light[i] : i;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* With a device, every signal is placed on the device's own lights. */
static void
map_signal_to_device (LcLedSimulator *self)
{
  guint map[LC_SIGNAL_MAX_LIGHTS];

  if (self->device == NULL)
    return;

  if (lc_device_map_signal (self->device, &self->signal, map))
    {
      lc_led_simulator_set_light_map (self, map, MIN (self->signal.n_lights, LC_SIGNAL_MAX_LIGHTS));
    }
  else
    {
      /* A light the device cannot show still goes somewhere visible. */
      for (guint i = 0; i < LC_SIGNAL_MAX_LIGHTS; i++)
        map[i] = MIN (i, MAX (self->n_positions, 1) - 1);
      lc_led_simulator_set_light_map (self, map, LC_SIGNAL_MAX_LIGHTS);
    }
}

void
lc_led_simulator_set_device (LcLedSimulator *self,
                             LcDevice       *device)
{
  g_return_if_fail (LC_IS_LED_SIMULATOR (self));
  g_return_if_fail (device == NULL || LC_IS_DEVICE (device));

  if (!g_set_object (&self->device, device))
    return;

  if (device != NULL)
    {
      const LcDeviceLight *lights;
      graphene_point_t positions[LC_SIGNAL_MAX_LIGHTS];
      guint n_lights = 0;

      lights = lc_device_get_lights (device, &n_lights);
      n_lights = MIN (n_lights, LC_SIGNAL_MAX_LIGHTS);
      for (guint p = 0; p < n_lights; p++)
        positions[p] = GRAPHENE_POINT_INIT (lights[p].x, lights[p].y);

      lc_led_simulator_set_drawing (self, lc_device_get_drawing (device));
      lc_led_simulator_set_light_positions (self, positions, n_lights);
      map_signal_to_device (self);
    }
  else
    {
      static const graphene_point_t center = { 0.5f, 0.5f };

      lc_led_simulator_set_drawing (self, NULL);
      lc_led_simulator_set_light_positions (self, &center, 1);
      lc_led_simulator_set_light_map (self, NULL, 0);
    }

  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVICE]);
}

LcDevice *
lc_led_simulator_get_device (LcLedSimulator *self)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), NULL);

  return self->device;
}

const LcSignal *
lc_led_simulator_get_signal (LcLedSimulator *self)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), NULL);

  return &self->signal;
}

/**
 * lc_led_simulator_set_signal:
 *
 * Shows @signal from its start (a burst begins with its first blink).
 */
void
lc_led_simulator_set_signal (LcLedSimulator *self,
                             const LcSignal *signal)
{
  g_return_if_fail (LC_IS_LED_SIMULATOR (self));
  g_return_if_fail (signal != NULL);

  /* Compare the numbers, not only the text form: a new speed is a change. */
  if (memcmp (&self->signal, signal, sizeof *signal) == 0)
    return;

  self->signal = *signal;
  restart_clock (self, 0);
  map_signal_to_device (self);
  update_accessible (self);
  update_animation (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNAL]);
}

gboolean
lc_led_simulator_get_paused (LcLedSimulator *self)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), FALSE);

  return self->paused;
}

void
lc_led_simulator_set_paused (LcLedSimulator *self,
                             gboolean        paused)
{
  g_return_if_fail (LC_IS_LED_SIMULATOR (self));

  paused = !!paused;
  if (self->paused == paused)
    return;

  /* Pausing keeps the frame on screen; resuming carries on from it. */
  restart_clock (self, current_time (self));
  self->paused = paused;
  update_animation (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

gboolean
lc_led_simulator_get_show_timeline (LcLedSimulator *self)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), FALSE);

  return self->show_timeline;
}

void
lc_led_simulator_set_show_timeline (LcLedSimulator *self,
                                    gboolean        show_timeline)
{
  gboolean was_timeline;

  g_return_if_fail (LC_IS_LED_SIMULATOR (self));

  show_timeline = !!show_timeline;
  if (self->show_timeline == show_timeline)
    return;

  was_timeline = timeline_mode (self);
  self->show_timeline = show_timeline;
  update_animation (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TIMELINE]);
  if (was_timeline != timeline_mode (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE_MODE]);
}

gboolean
lc_led_simulator_get_timeline_mode (LcLedSimulator *self)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), FALSE);

  return timeline_mode (self);
}

gboolean
lc_led_simulator_get_lights_selectable (LcLedSimulator *self)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), FALSE);

  return self->lights_selectable;
}

void
lc_led_simulator_set_lights_selectable (LcLedSimulator *self,
                                        gboolean        selectable)
{
  g_return_if_fail (LC_IS_LED_SIMULATOR (self));

  selectable = !!selectable;
  if (self->lights_selectable == selectable)
    return;

  self->lights_selectable = selectable;
  update_focusable (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIGHTS_SELECTABLE]);
}

int
lc_led_simulator_get_selected_light (LcLedSimulator *self)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), -1);

  return self->selected_light;
}

void
lc_led_simulator_set_selected_light (LcLedSimulator *self,
                                     int             position)
{
  g_return_if_fail (LC_IS_LED_SIMULATOR (self));
  g_return_if_fail (position >= -1 && position < LC_SIGNAL_MAX_LIGHTS);

  if (self->selected_light == position)
    return;

  self->selected_light = position;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_LIGHT]);
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
      restart_clock (self, self->frozen_time);
      self->frozen_time = -1;
    }

  update_animation (self);
}

double
lc_led_simulator_get_time (LcLedSimulator *self)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), 0.0);

  return current_time (self);
}

gboolean
lc_led_simulator_is_animating (LcLedSimulator *self)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), FALSE);

  return self->tick_id != 0;
}

double
lc_led_simulator_get_zoom (LcLedSimulator *self)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), 1.0);

  return self->zoom;
}

void
lc_led_simulator_set_zoom (LcLedSimulator *self,
                           double          zoom)
{
  g_return_if_fail (LC_IS_LED_SIMULATOR (self));

  zoom = CLAMP (zoom, 1.0, 4.0);
  if (self->zoom == zoom)
    return;

  self->zoom = zoom;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* With animations turned off in the system, the light is drawn as a
 * timeline; @play_anyway makes it blink all the same, because the person
 * asked for it (reduce motion must not take away the way to compare).
 */
void
lc_led_simulator_set_play_anyway (LcLedSimulator *self,
                                  gboolean        play_anyway)
{
  gboolean was_timeline;

  g_return_if_fail (LC_IS_LED_SIMULATOR (self));

  play_anyway = !!play_anyway;
  if (self->play_anyway == play_anyway)
    return;

  was_timeline = timeline_mode (self);
  self->play_anyway = play_anyway;
  update_animation (self);
  if (was_timeline != timeline_mode (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE_MODE]);
}

gboolean
lc_led_simulator_get_play_anyway (LcLedSimulator *self)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), FALSE);

  return self->play_anyway;
}
