/* lc-cause.c — why a light may be doing what it does
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-knowledge-private.h"

struct _LcCause
{
  GObject   parent_instance;

  char     *id;
  char     *title;
  char     *explanation;
  GStrv     procedure_ids;
  gboolean  is_normal;
};

G_DEFINE_FINAL_TYPE (LcCause, lc_cause, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_EXPLANATION,
  PROP_IS_NORMAL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
lc_cause_finalize (GObject *object)
{
  LcCause *self = (LcCause *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->explanation, g_free);
  g_clear_pointer (&self->procedure_ids, g_strfreev);

  G_OBJECT_CLASS (lc_cause_parent_class)->finalize (object);
}

static void
lc_cause_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LcCause *self = LC_CAUSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;

    case PROP_IS_NORMAL:
      g_value_set_boolean (value, self->is_normal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_cause_class_init (LcCauseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_cause_finalize;
  object_class->get_property = lc_cause_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_IS_NORMAL] =
    g_param_spec_boolean ("is-normal", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_cause_init (LcCause *self)
{
}

LcCause *
_lc_cause_new (const char *id,
               const char *title,
               const char *explanation,
               gboolean    is_normal,
               GStrv       procedure_ids)
{
  LcCause *self;

  g_assert (id != NULL);
  g_assert (title != NULL);
  g_assert (explanation != NULL);
  g_assert (procedure_ids != NULL);

  self = g_object_new (LC_TYPE_CAUSE, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->explanation = g_strdup (explanation);
  self->is_normal = !!is_normal;
  self->procedure_ids = procedure_ids;

  return self;
}

const char *
lc_cause_get_id (LcCause *self)
{
  g_return_val_if_fail (LC_IS_CAUSE (self), NULL);

  return self->id;
}

const char *
lc_cause_get_title (LcCause *self)
{
  g_return_val_if_fail (LC_IS_CAUSE (self), NULL);

  return self->title;
}

const char *
lc_cause_get_explanation (LcCause *self)
{
  g_return_val_if_fail (LC_IS_CAUSE (self), NULL);

  return self->explanation;
}

gboolean
lc_cause_is_normal (LcCause *self)
{
  g_return_val_if_fail (LC_IS_CAUSE (self), FALSE);

  return self->is_normal;
}

const char * const *
lc_cause_get_procedure_ids (LcCause *self)
{
  g_return_val_if_fail (LC_IS_CAUSE (self), NULL);

  return (const char * const *) self->procedure_ids;
}
