/* lc-step.c — one step of a fix procedure
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-knowledge-private.h"

struct _LcStep
{
  GObject  parent_instance;

  char    *title;
  char    *text;
  char    *illustration;
  char    *safety_text;
  char    *stop_text;
  char    *note;
  GStrv    source_ids;   /* the sources that back this step */
  GStrv    tags;         /* what the step does, for the safety checks */
  GStrv    note_device_ids; /* the only devices the note is about; empty: all */
  guint    wait_seconds;
  guint    hold_seconds;
};

G_DEFINE_FINAL_TYPE (LcStep, lc_step, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_TEXT,
  PROP_ILLUSTRATION,
  PROP_WAIT_SECONDS,
  PROP_HOLD_SECONDS,
  PROP_IS_SAFETY,
  PROP_SAFETY_TEXT,
  PROP_STOP_TEXT,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
lc_step_finalize (GObject *object)
{
  LcStep *self = (LcStep *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->illustration, g_free);
  g_clear_pointer (&self->safety_text, g_free);
  g_clear_pointer (&self->stop_text, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->note_device_ids, g_strfreev);
  g_clear_pointer (&self->source_ids, g_strfreev);
  g_clear_pointer (&self->tags, g_strfreev);

  G_OBJECT_CLASS (lc_step_parent_class)->finalize (object);
}

static void
lc_step_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  LcStep *self = LC_STEP (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_ILLUSTRATION:
      g_value_set_string (value, self->illustration);
      break;

    case PROP_WAIT_SECONDS:
      g_value_set_uint (value, self->wait_seconds);
      break;

    case PROP_HOLD_SECONDS:
      g_value_set_uint (value, self->hold_seconds);
      break;

    case PROP_IS_SAFETY:
      g_value_set_boolean (value, lc_step_is_safety (self));
      break;

    case PROP_SAFETY_TEXT:
      g_value_set_string (value, self->safety_text);
      break;

    case PROP_STOP_TEXT:
      g_value_set_string (value, self->stop_text);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_step_class_init (LcStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_step_finalize;
  object_class->get_property = lc_step_get_property;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_ILLUSTRATION] =
    g_param_spec_string ("illustration", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_WAIT_SECONDS] =
    g_param_spec_uint ("wait-seconds", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_HOLD_SECONDS] =
    g_param_spec_uint ("hold-seconds", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_IS_SAFETY] =
    g_param_spec_boolean ("is-safety", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_SAFETY_TEXT] =
    g_param_spec_string ("safety-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_STOP_TEXT] =
    g_param_spec_string ("stop-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_step_init (LcStep *self)
{
}

LcStep *
_lc_step_new (const char *title,
              const char *text,
              const char *illustration,
              guint       wait_seconds,
              guint       hold_seconds,
              const char *safety_text,
              const char *stop_text,
              const char *note)
{
  LcStep *self;

  g_assert (title != NULL);
  g_assert (text != NULL);

  self = g_object_new (LC_TYPE_STEP, NULL);
  self->title = g_strdup (title);
  self->text = g_strdup (text);
  self->illustration = g_strdup (illustration);
  self->wait_seconds = wait_seconds;
  self->hold_seconds = hold_seconds;
  self->safety_text = g_strdup (safety_text);
  self->stop_text = g_strdup (stop_text);
  self->note = g_strdup (note);

  return self;
}

const char *
lc_step_get_title (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), NULL);

  return self->title;
}

const char *
lc_step_get_text (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), NULL);

  return self->text;
}

const char *
lc_step_get_illustration (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), NULL);

  return self->illustration;
}

guint
lc_step_get_wait_seconds (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), 0);

  return self->wait_seconds;
}

guint
lc_step_get_hold_seconds (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), 0);

  return self->hold_seconds;
}

gboolean
lc_step_is_safety (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), FALSE);

  return self->safety_text != NULL;
}

const char *
lc_step_get_safety_text (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), NULL);

  return self->safety_text;
}

const char *
lc_step_get_stop_text (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), NULL);

  return self->stop_text;
}

const char *
lc_step_get_note (LcStep *self)
{
  g_return_val_if_fail (LC_IS_STEP (self), NULL);

  return self->note;
}

void
_lc_step_set_facts (LcStep *self,
                    GStrv   source_ids,
                    GStrv   tags)
{
  g_assert (LC_IS_STEP (self));

  g_clear_pointer (&self->source_ids, g_strfreev);
  g_clear_pointer (&self->tags, g_strfreev);
  self->source_ids = source_ids != NULL ? source_ids : g_new0 (char *, 1);
  self->tags = tags != NULL ? tags : g_new0 (char *, 1);
}

const char * const *
lc_step_get_source_ids (LcStep *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (LC_IS_STEP (self), none);

  return self->source_ids != NULL ? (const char * const *) self->source_ids : none;
}

void
_lc_step_set_note_devices (LcStep *self,
                           GStrv   device_ids)
{
  g_assert (LC_IS_STEP (self));

  g_clear_pointer (&self->note_device_ids, g_strfreev);
  self->note_device_ids = device_ids;
}

gboolean
lc_step_note_applies_to (LcStep     *self,
                         const char *device_id)
{
  g_return_val_if_fail (LC_IS_STEP (self), TRUE);

  if (device_id == NULL || self->note_device_ids == NULL || self->note_device_ids[0] == NULL)
    return TRUE;

  return g_strv_contains ((const char * const *) self->note_device_ids, device_id);
}

gboolean
lc_step_has_tag (LcStep     *self,
                 const char *tag)
{
  g_return_val_if_fail (LC_IS_STEP (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  return self->tags != NULL && g_strv_contains ((const char * const *) self->tags, tag);
}
