/* lc-procedure.c — a fix, as ordered steps
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-knowledge-private.h"

struct _LcProcedure
{
  GObject       parent_instance;

  char         *id;
  char         *title;
  LcProvenance *provenance;
  GStrv         families;
  GStrv         devices;
  GListStore   *steps;
  GPtrArray    *step_array;  /* the same steps, for indexed access */
  char         *support_text;
  char         *disagreement;
};

G_DEFINE_FINAL_TYPE (LcProcedure, lc_procedure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_PROVENANCE,
  PROP_STEPS,
  PROP_SUPPORT_TEXT,
  PROP_DISAGREEMENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const no_ids[] = { NULL };

static void
lc_procedure_finalize (GObject *object)
{
  LcProcedure *self = (LcProcedure *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->provenance);
  g_clear_pointer (&self->families, g_strfreev);
  g_clear_pointer (&self->devices, g_strfreev);
  g_clear_object (&self->steps);
  g_clear_pointer (&self->step_array, g_ptr_array_unref);
  g_clear_pointer (&self->support_text, g_free);
  g_clear_pointer (&self->disagreement, g_free);

  G_OBJECT_CLASS (lc_procedure_parent_class)->finalize (object);
}

static void
lc_procedure_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LcProcedure *self = LC_PROCEDURE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PROVENANCE:
      g_value_set_object (value, self->provenance);
      break;

    case PROP_STEPS:
      g_value_set_object (value, self->steps);
      break;

    case PROP_SUPPORT_TEXT:
      g_value_set_string (value, self->support_text);
      break;

    case PROP_DISAGREEMENT:
      g_value_set_string (value, self->disagreement);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_procedure_class_init (LcProcedureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_procedure_finalize;
  object_class->get_property = lc_procedure_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_PROVENANCE] =
    g_param_spec_object ("provenance", NULL, NULL, LC_TYPE_PROVENANCE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_STEPS] =
    g_param_spec_object ("steps", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_SUPPORT_TEXT] =
    g_param_spec_string ("support-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_DISAGREEMENT] =
    g_param_spec_string ("disagreement", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_procedure_init (LcProcedure *self)
{
  self->steps = g_list_store_new (LC_TYPE_STEP);
}

LcProcedure *
_lc_procedure_new (const char   *id,
                   const char   *title,
                   LcProvenance *provenance,
                   GStrv         families,
                   GStrv         devices,
                   GPtrArray    *steps,
                   const char   *support_text,
                   const char   *disagreement)
{
  LcProcedure *self;

  g_assert (id != NULL);
  g_assert (title != NULL);
  g_assert (LC_IS_PROVENANCE (provenance));
  g_assert (steps != NULL && steps->len > 0);
  g_assert (support_text != NULL);

  self = g_object_new (LC_TYPE_PROCEDURE, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->provenance = g_object_ref (provenance);
  self->families = families;
  self->devices = devices;
  g_list_store_splice (self->steps, 0, 0, steps->pdata, steps->len);
  self->step_array = steps;
  self->support_text = g_strdup (support_text);
  self->disagreement = g_strdup (disagreement);

  return self;
}

const char *
lc_procedure_get_id (LcProcedure *self)
{
  g_return_val_if_fail (LC_IS_PROCEDURE (self), NULL);

  return self->id;
}

const char *
lc_procedure_get_title (LcProcedure *self)
{
  g_return_val_if_fail (LC_IS_PROCEDURE (self), NULL);

  return self->title;
}

LcProvenance *
lc_procedure_get_provenance (LcProcedure *self)
{
  g_return_val_if_fail (LC_IS_PROCEDURE (self), NULL);

  return self->provenance;
}

const char * const *
lc_procedure_get_families (LcProcedure *self)
{
  g_return_val_if_fail (LC_IS_PROCEDURE (self), NULL);

  return self->families != NULL ? (const char * const *) self->families : no_ids;
}

const char * const *
lc_procedure_get_devices (LcProcedure *self)
{
  g_return_val_if_fail (LC_IS_PROCEDURE (self), NULL);

  return self->devices != NULL ? (const char * const *) self->devices : no_ids;
}

gboolean
lc_procedure_applies_to (LcProcedure *self,
                         LcDevice    *device)
{
  gboolean general;

  g_return_val_if_fail (LC_IS_PROCEDURE (self), FALSE);
  g_return_val_if_fail (LC_IS_DEVICE (device), FALSE);

  general = (self->families == NULL || self->families[0] == NULL) &&
            (self->devices == NULL || self->devices[0] == NULL);
  if (general)
    return TRUE;

  return (self->devices != NULL &&
          g_strv_contains ((const char * const *) self->devices, lc_device_get_id (device))) ||
         (self->families != NULL &&
          g_strv_contains ((const char * const *) self->families, lc_device_get_family_id (device)));
}

GListModel *
lc_procedure_get_steps (LcProcedure *self)
{
  g_return_val_if_fail (LC_IS_PROCEDURE (self), NULL);

  return G_LIST_MODEL (self->steps);
}

guint
lc_procedure_get_n_steps (LcProcedure *self)
{
  g_return_val_if_fail (LC_IS_PROCEDURE (self), 0);

  return self->step_array->len;
}

/* Returns: (transfer none) (nullable) */
LcStep *
lc_procedure_get_step (LcProcedure *self,
                       guint        index)
{
  g_return_val_if_fail (LC_IS_PROCEDURE (self), NULL);

  if (index >= self->step_array->len)
    return NULL;

  return g_ptr_array_index (self->step_array, index);
}

const char *
lc_procedure_get_support_text (LcProcedure *self)
{
  g_return_val_if_fail (LC_IS_PROCEDURE (self), NULL);

  return self->support_text;
}

const char *
lc_procedure_get_disagreement (LcProcedure *self)
{
  g_return_val_if_fail (LC_IS_PROCEDURE (self), NULL);

  return self->disagreement;
}
