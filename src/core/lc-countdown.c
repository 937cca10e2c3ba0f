/* lc-countdown.c — a timer the person starts for a step ("wait two minutes")
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-countdown.h"

struct _LcCountdown
{
  GObject               parent_instance;

  LcCountdownClockFunc  clock_func;
  gpointer              clock_data;
  GDestroyNotify        clock_data_free;

  guint                 duration;          /* seconds */
  gint64                end_time;          /* clock µs; valid while running */
  guint                 remaining_seconds;
  guint                 tick_source;
  guint                 running : 1;
  guint                 finished : 1;
};

G_DEFINE_FINAL_TYPE (LcCountdown, lc_countdown, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DURATION,
  PROP_REMAINING_SECONDS,
  PROP_RUNNING,
  PROP_FINISHED,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static gint64
now (LcCountdown *self)
{
  if (self->clock_func != NULL)
    return self->clock_func (self->clock_data);

  return g_get_monotonic_time ();
}

static gboolean tick_cb (gpointer user_data);

static void
schedule_tick (LcCountdown *self,
               gint64       remaining_us)
{
  gint64 until_next_second;

  g_clear_handle_id (&self->tick_source, g_source_remove);

  if (!self->running)
    return;

  /* Wake up when the shown second changes, not on a fixed beat: a
   * two-minute wait costs 120 wake-ups, and the display never lags.
   */
  until_next_second = remaining_us % G_USEC_PER_SEC;
  if (until_next_second == 0)
    until_next_second = G_USEC_PER_SEC;

  self->tick_source = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                          MAX (1, (until_next_second + 999) / 1000),
                                          tick_cb, self, NULL);
  g_source_set_name_by_id (self->tick_source, "[lightcode] countdown tick");
}

static gboolean
tick_cb (gpointer user_data)
{
  LcCountdown *self = user_data;

  self->tick_source = 0;
  lc_countdown_tick (self);

  return G_SOURCE_REMOVE;
}

static void
set_remaining_seconds (LcCountdown *self,
                       guint        remaining_seconds)
{
  if (self->remaining_seconds == remaining_seconds)
    return;

  self->remaining_seconds = remaining_seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING_SECONDS]);
}

static void
set_running (LcCountdown *self,
             gboolean     running)
{
  running = !!running;
  if (self->running == running)
    return;

  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
set_finished (LcCountdown *self,
              gboolean     finished)
{
  finished = !!finished;
  if (self->finished == finished)
    return;

  self->finished = finished;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
}

static void
lc_countdown_dispose (GObject *object)
{
  LcCountdown *self = LC_COUNTDOWN (object);

  g_clear_handle_id (&self->tick_source, g_source_remove);

  G_OBJECT_CLASS (lc_countdown_parent_class)->dispose (object);
}

static void
lc_countdown_finalize (GObject *object)
{
  LcCountdown *self = LC_COUNTDOWN (object);

  if (self->clock_data_free != NULL)
    self->clock_data_free (self->clock_data);

  G_OBJECT_CLASS (lc_countdown_parent_class)->finalize (object);
}

static void
lc_countdown_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LcCountdown *self = LC_COUNTDOWN (object);

  switch (prop_id)
    {
    case PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;

    case PROP_REMAINING_SECONDS:
      g_value_set_uint (value, self->remaining_seconds);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    case PROP_FINISHED:
      g_value_set_boolean (value, self->finished);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_countdown_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LcCountdown *self = LC_COUNTDOWN (object);

  switch (prop_id)
    {
    case PROP_DURATION:
      self->duration = g_value_get_uint (value);
      self->remaining_seconds = self->duration;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_countdown_class_init (LcCountdownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lc_countdown_dispose;
  object_class->finalize = lc_countdown_finalize;
  object_class->get_property = lc_countdown_get_property;
  object_class->set_property = lc_countdown_set_property;

  properties [PROP_DURATION] =
    g_param_spec_uint ("duration", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties [PROP_REMAINING_SECONDS] =
    g_param_spec_uint ("remaining-seconds", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_FINISHED] =
    g_param_spec_boolean ("finished", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LcCountdown::finished:
   *
   * The time is over. Emitted once per run, after the properties changed.
   */
  signals [FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
lc_countdown_init (LcCountdown *self)
{
}

LcCountdown *
lc_countdown_new (guint seconds)
{
  return g_object_new (LC_TYPE_COUNTDOWN, "duration", seconds, NULL);
}

void
lc_countdown_set_clock (LcCountdown          *self,
                        LcCountdownClockFunc  func,
                        gpointer              user_data,
                        GDestroyNotify        user_data_free)
{
  g_return_if_fail (LC_IS_COUNTDOWN (self));

  if (self->clock_data_free != NULL)
    self->clock_data_free (self->clock_data);

  self->clock_func = func;
  self->clock_data = user_data;
  self->clock_data_free = user_data_free;
}

guint
lc_countdown_get_duration (LcCountdown *self)
{
  g_return_val_if_fail (LC_IS_COUNTDOWN (self), 0);

  return self->duration;
}

gboolean
lc_countdown_get_running (LcCountdown *self)
{
  g_return_val_if_fail (LC_IS_COUNTDOWN (self), FALSE);

  return self->running;
}

gboolean
lc_countdown_get_finished (LcCountdown *self)
{
  g_return_val_if_fail (LC_IS_COUNTDOWN (self), FALSE);

  return self->finished;
}

guint
lc_countdown_get_remaining_seconds (LcCountdown *self)
{
  g_return_val_if_fail (LC_IS_COUNTDOWN (self), 0);

  return self->remaining_seconds;
}

char *
lc_countdown_format_seconds (guint seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", seconds / 3600, (seconds / 60) % 60, seconds % 60);

  return g_strdup_printf ("%02u:%02u", seconds / 60, seconds % 60);
}

char *
lc_countdown_format_remaining (LcCountdown *self)
{
  g_return_val_if_fail (LC_IS_COUNTDOWN (self), NULL);

  return lc_countdown_format_seconds (self->remaining_seconds);
}

void
lc_countdown_start (LcCountdown *self)
{
  g_return_if_fail (LC_IS_COUNTDOWN (self));

  g_object_freeze_notify (G_OBJECT (self));

  self->end_time = now (self) + (gint64) self->duration * G_USEC_PER_SEC;
  set_finished (self, FALSE);
  set_remaining_seconds (self, self->duration);
  set_running (self, TRUE);

  g_object_thaw_notify (G_OBJECT (self));

  /* A zero-length countdown is over at once. */
  lc_countdown_tick (self);
}

void
lc_countdown_cancel (LcCountdown *self)
{
  g_return_if_fail (LC_IS_COUNTDOWN (self));

  g_clear_handle_id (&self->tick_source, g_source_remove);

  g_object_freeze_notify (G_OBJECT (self));
  set_running (self, FALSE);
  set_finished (self, FALSE);
  set_remaining_seconds (self, self->duration);
  g_object_thaw_notify (G_OBJECT (self));
}

void
lc_countdown_tick (LcCountdown *self)
{
  gint64 remaining_us;

  g_return_if_fail (LC_IS_COUNTDOWN (self));

  if (!self->running)
    return;

  remaining_us = MAX (0, self->end_time - now (self));

  if (remaining_us > 0)
    {
      set_remaining_seconds (self, (guint) ((remaining_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC));
      schedule_tick (self, remaining_us);
      return;
    }

  g_clear_handle_id (&self->tick_source, g_source_remove);

  /* Keep self alive: a "finished" handler may drop the last reference. */
  g_object_ref (self);

  g_object_freeze_notify (G_OBJECT (self));
  set_remaining_seconds (self, 0);
  set_running (self, FALSE);
  set_finished (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[FINISHED], 0);

  g_object_unref (self);
}
