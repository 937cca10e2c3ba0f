/* lc-family.c — devices that share drawings, advice and procedures
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-knowledge-private.h"

struct _LcFamily
{
  GObject    parent_instance;

  char      *id;
  char      *name;
  char      *description;
  GPtrArray *fallback_causes;
};

G_DEFINE_FINAL_TYPE (LcFamily, lc_family, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
lc_family_finalize (GObject *object)
{
  LcFamily *self = (LcFamily *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->fallback_causes, g_ptr_array_unref);

  G_OBJECT_CLASS (lc_family_parent_class)->finalize (object);
}

static void
lc_family_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LcFamily *self = LC_FAMILY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_family_class_init (LcFamilyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_family_finalize;
  object_class->get_property = lc_family_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_family_init (LcFamily *self)
{
}

LcFamily *
_lc_family_new (const char *id,
                const char *name,
                const char *description,
                GPtrArray  *fallback_causes)
{
  LcFamily *self;

  g_assert (id != NULL);
  g_assert (name != NULL);
  g_assert (description != NULL);
  g_assert (fallback_causes != NULL);

  self = g_object_new (LC_TYPE_FAMILY, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->description = g_strdup (description);
  self->fallback_causes = fallback_causes;
  _lc_cause_refs_sort (self->fallback_causes);

  return self;
}

const char *
lc_family_get_id (LcFamily *self)
{
  g_return_val_if_fail (LC_IS_FAMILY (self), NULL);

  return self->id;
}

const char *
lc_family_get_name (LcFamily *self)
{
  g_return_val_if_fail (LC_IS_FAMILY (self), NULL);

  return self->name;
}

const char *
lc_family_get_description (LcFamily *self)
{
  g_return_val_if_fail (LC_IS_FAMILY (self), NULL);

  return self->description;
}

guint
lc_family_get_n_fallback_causes (LcFamily *self)
{
  g_return_val_if_fail (LC_IS_FAMILY (self), 0);

  return self->fallback_causes->len;
}

const LcCauseRef *
lc_family_get_fallback_cause (LcFamily *self,
                              guint     index)
{
  g_return_val_if_fail (LC_IS_FAMILY (self), NULL);
  g_return_val_if_fail (index < self->fallback_causes->len, NULL);

  return g_ptr_array_index (self->fallback_causes, index);
}
