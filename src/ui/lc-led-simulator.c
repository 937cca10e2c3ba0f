/* lc-led-simulator.c — a device drawing with its status light(s) animated
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "lc-led-simulator-private.h"

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

static void
lc_led_simulator_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  _lc_led_simulator_paint (LC_LED_SIMULATOR (widget), snapshot);
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

/* Input: choosing one of several lights (see lc-led-simulator-input.c) */

void
_lc_led_simulator_activate_light (LcLedSimulator *self,
                                  guint           position)
{
  lc_led_simulator_set_selected_light (self, position);
  g_signal_emit (self, signals[LIGHT_ACTIVATED], 0, position);
}

/* Settings and style */

static void
enable_animations_changed_cb (GtkSettings    *settings,
                              GParamSpec     *pspec,
                              LcLedSimulator *self)
{
  gboolean enabled = TRUE;
  gboolean was_timeline = _lc_led_simulator_timeline_mode (self);

  g_object_get (settings, "gtk-enable-animations", &enabled, NULL);
  self->animations_enabled = !!enabled;

  if (was_timeline != _lc_led_simulator_timeline_mode (self))
    {
      _lc_led_simulator_update_animation (self);
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

  _lc_led_simulator_update_animation (LC_LED_SIMULATOR (widget));
}

static void
lc_led_simulator_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lc_led_simulator_parent_class)->unmap (widget);

  _lc_led_simulator_update_animation (LC_LED_SIMULATOR (widget));
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
      g_value_set_boolean (value, _lc_led_simulator_timeline_mode (self));
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

  _lc_led_simulator_add_input (self);

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
  _lc_led_simulator_restart_clock (self, 0);
  map_signal_to_device (self);
  update_accessible (self);
  _lc_led_simulator_update_animation (self);

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
  _lc_led_simulator_restart_clock (self, _lc_led_simulator_current_time (self));
  self->paused = paused;
  _lc_led_simulator_update_animation (self);

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

  was_timeline = _lc_led_simulator_timeline_mode (self);
  self->show_timeline = show_timeline;
  _lc_led_simulator_update_animation (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TIMELINE]);
  if (was_timeline != _lc_led_simulator_timeline_mode (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE_MODE]);
}

gboolean
lc_led_simulator_get_timeline_mode (LcLedSimulator *self)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), FALSE);

  return _lc_led_simulator_timeline_mode (self);
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

  was_timeline = _lc_led_simulator_timeline_mode (self);
  self->play_anyway = play_anyway;
  _lc_led_simulator_update_animation (self);
  if (was_timeline != _lc_led_simulator_timeline_mode (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE_MODE]);
}

gboolean
lc_led_simulator_get_play_anyway (LcLedSimulator *self)
{
  g_return_val_if_fail (LC_IS_LED_SIMULATOR (self), FALSE);

  return self->play_anyway;
}
