/* lc-reading.c — what was read of a light, how, and how surely: the one reading the app passes on
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The camera page, `analyze`, the match page, the diagnosis and the
 * support summary all take this object, so they cannot disagree on what
 * was seen or on how sure it is.
 */

#include "config.h"

#include "lc-reading.h"

typedef struct
{
  LcLight        light;
  LcReadingState state;
  double         confidence;
  double         stable_s;
} ReadingLight;

struct _LcReading
{
  GObject        parent_instance;

  LcSignalSource source;
  LcReadingState state;
  ReadingLight   lights[LC_SIGNAL_MAX_LIGHTS];
  guint          n_lights;
};

G_DEFINE_FINAL_TYPE (LcReading, lc_reading, G_TYPE_OBJECT)

const char *
lc_signal_source_to_string (LcSignalSource source)
{
  switch (source)
    {
    case LC_SIGNAL_SOURCE_CAMERA:
      return "camera";
    case LC_SIGNAL_SOURCE_VIDEO:
      return "video";
    case LC_SIGNAL_SOURCE_EYE:
    default:
      return "eye";
    }
}

/* The one rule, applied to a figure: inside the range its state allows. */
static double
confidence_for_state (double         confidence,
                      LcReadingState state)
{
  if (state == LC_READING_CONFIRMED)
    return CLAMP (confidence, LC_READING_CONFIRMED_CONFIDENCE, 1.0);

  return CLAMP (confidence, 0.0, LC_READING_CONFIRMED_CONFIDENCE - 0.01);
}

static void
lc_reading_class_init (LcReadingClass *klass)
{
}

static void
lc_reading_init (LcReading *self)
{
}

/**
 * lc_reading_new:
 * @source: how the light was read
 * @state: how far the reading has got as a whole; a confirmed reading
 *   with no light added is still looking
 *
 * Returns: (transfer full): an empty reading; add its lights with
 *   lc_reading_add_light()
 */
LcReading *
lc_reading_new (LcSignalSource source,
                LcReadingState state)
{
  LcReading *self;

  g_return_val_if_fail (source <= LC_SIGNAL_SOURCE_VIDEO, NULL);
  g_return_val_if_fail (state <= LC_READING_CONFIRMED, NULL);

  self = g_object_new (LC_TYPE_READING, NULL);
  self->source = source;
  self->state = state;

  return self;
}

/**
 * lc_reading_new_for_signal:
 * @signal: the lights read
 * @source: how they were read
 * @confidence: how surely, 0..1; by the one rule, confirmed when at least
 *   %LC_READING_CONFIRMED_CONFIDENCE (ignored by eye: a person's reading is
 *   certain)
 *
 * Returns: (transfer full): a reading of @signal whose lights all have
 *   @confidence
 */
LcReading *
lc_reading_new_for_signal (const LcSignal *signal,
                           LcSignalSource  source,
                           double          confidence)
{
  LcReadingState state;
  LcReading *self;

  g_return_val_if_fail (signal != NULL, NULL);

  if (source == LC_SIGNAL_SOURCE_EYE)
    confidence = 1.0;
  state = confidence >= LC_READING_CONFIRMED_CONFIDENCE ? LC_READING_CONFIRMED : LC_READING_PROVISIONAL;
  self = lc_reading_new (source, state);
  for (guint i = 0; i < MIN (signal->n_lights, (guint) LC_SIGNAL_MAX_LIGHTS); i++)
    lc_reading_add_light (self, &signal->lights[i], state, confidence, 0.0);

  return self;
}

/**
 * lc_reading_new_by_eye:
 * @signal: what the person says they see
 *
 * Returns: (transfer full): a confirmed, certain reading of @signal
 */
LcReading *
lc_reading_new_by_eye (const LcSignal *signal)
{
  g_return_val_if_fail (signal != NULL, NULL);

  return lc_reading_new_for_signal (signal, LC_SIGNAL_SOURCE_EYE, 1.0);
}

/**
 * lc_reading_add_light:
 * @light: the light as read
 * @state: how far its reading has got
 * @confidence: how sure it is, 0..1; kept inside the range @state allows
 * @stable_s: for how long the reading has not changed, in seconds
 *
 * Adds one light. Lights beyond %LC_SIGNAL_MAX_LIGHTS are ignored.
 */
void
lc_reading_add_light (LcReading      *self,
                      const LcLight  *light,
                      LcReadingState  state,
                      double          confidence,
                      double          stable_s)
{
  ReadingLight *rl;

  g_return_if_fail (LC_IS_READING (self));
  g_return_if_fail (light != NULL);
  g_return_if_fail (state <= LC_READING_CONFIRMED);

  if (self->n_lights >= LC_SIGNAL_MAX_LIGHTS)
    return;

  rl = &self->lights[self->n_lights++];
  rl->light = *light;
  rl->state = state;
  rl->confidence = confidence_for_state (confidence, state);
  rl->stable_s = MAX (stable_s, 0.0);
}

LcSignalSource
lc_reading_get_source (LcReading *self)
{
  g_return_val_if_fail (LC_IS_READING (self), LC_SIGNAL_SOURCE_EYE);

  return self->source;
}

/**
 * lc_reading_get_state:
 *
 * Returns: the reading's state: the least advanced of its own and its
 *   lights'; looking when it has no light
 */
LcReadingState
lc_reading_get_state (LcReading *self)
{
  LcReadingState state;

  g_return_val_if_fail (LC_IS_READING (self), LC_READING_LOOKING);

  if (self->n_lights == 0)
    return LC_READING_LOOKING;

  state = self->state;
  for (guint i = 0; i < self->n_lights; i++)
    state = MIN (state, self->lights[i].state);

  return state;
}

gboolean
lc_reading_is_confirmed (LcReading *self)
{
  g_return_val_if_fail (LC_IS_READING (self), FALSE);

  return lc_reading_get_state (self) == LC_READING_CONFIRMED;
}

/**
 * lc_reading_get_confidence:
 *
 * Returns: how sure the reading is, 0..1: that of its least sure light,
 *   inside the range its state allows (see %LC_READING_CONFIRMED_CONFIDENCE);
 *   0 with no light
 */
double
lc_reading_get_confidence (LcReading *self)
{
  double confidence = 1.0;

  g_return_val_if_fail (LC_IS_READING (self), 0.0);

  if (self->n_lights == 0)
    return 0.0;

  for (guint i = 0; i < self->n_lights; i++)
    confidence = MIN (confidence, self->lights[i].confidence);

  return confidence_for_state (confidence, lc_reading_get_state (self));
}

/**
 * lc_reading_get_stable_seconds:
 *
 * Returns: for how long none of the lights' readings has changed, in seconds
 */
double
lc_reading_get_stable_seconds (LcReading *self)
{
  double stable = G_MAXDOUBLE;

  g_return_val_if_fail (LC_IS_READING (self), 0.0);

  if (self->n_lights == 0)
    return 0.0;

  for (guint i = 0; i < self->n_lights; i++)
    stable = MIN (stable, self->lights[i].stable_s);

  return stable;
}

/**
 * lc_reading_get_signal:
 * @out_signal: (out caller-allocates): the lights read, as one signal
 */
void
lc_reading_get_signal (LcReading *self,
                       LcSignal  *out_signal)
{
  g_return_if_fail (LC_IS_READING (self));
  g_return_if_fail (out_signal != NULL);

  lc_signal_init_off (out_signal);
  for (guint i = 0; i < self->n_lights; i++)
    out_signal->lights[out_signal->n_lights++] = self->lights[i].light;
}

guint
lc_reading_get_n_lights (LcReading *self)
{
  g_return_val_if_fail (LC_IS_READING (self), 0);

  return self->n_lights;
}

LcReadingState
lc_reading_get_light_state (LcReading *self,
                            guint      index)
{
  g_return_val_if_fail (LC_IS_READING (self), LC_READING_LOOKING);
  g_return_val_if_fail (index < self->n_lights, LC_READING_LOOKING);

  return self->lights[index].state;
}

double
lc_reading_get_light_confidence (LcReading *self,
                                 guint      index)
{
  g_return_val_if_fail (LC_IS_READING (self), 0.0);
  g_return_val_if_fail (index < self->n_lights, 0.0);

  return self->lights[index].confidence;
}
