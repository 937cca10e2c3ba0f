/* lc-device.c — one Blink product and what is known about its light
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-knowledge-private.h"

struct _LcDevice
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  LcFamily   *family;
  char       *drawing;
  char       *note;
  GArray     *lights;           /* of LcDeviceLight, strings owned */
  GListStore *known_signals;
  GPtrArray  *signal_array;     /* the same known signals, for lookups */
  GPtrArray  *fallback_causes;  /* NULL: the family's */
  guint       needs_sync_module : 1;
  guint       has_official_chart : 1;
  guint       lights_assumed : 1;  /* colours and lamps not documented anywhere */
};

G_DEFINE_FINAL_TYPE (LcDevice, lc_device, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_FAMILY,
  PROP_FAMILY_ID,
  PROP_FAMILY_NAME,
  PROP_DRAWING,
  PROP_NEEDS_SYNC_MODULE,
  PROP_HAS_OFFICIAL_CHART,
  PROP_NOTE,
  PROP_KNOWN_SIGNALS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

gboolean
lc_device_light_can_show (const LcDeviceLight *light,
                          LcColor              color)
{
  g_return_val_if_fail (light != NULL, FALSE);

  for (guint i = 0; i < light->n_colors; i++)
    {
      if (light->colors[i] == color)
        return TRUE;
    }

  return FALSE;
}

static void
device_light_clear (gpointer data)
{
  LcDeviceLight *light = data;

  g_free ((char *) light->id);
  g_free ((char *) light->name);
}

static void
lc_device_finalize (GObject *object)
{
  LcDevice *self = (LcDevice *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->family);
  g_clear_pointer (&self->drawing, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->lights, g_array_unref);
  g_clear_object (&self->known_signals);
  g_clear_pointer (&self->signal_array, g_ptr_array_unref);
  g_clear_pointer (&self->fallback_causes, g_ptr_array_unref);

  G_OBJECT_CLASS (lc_device_parent_class)->finalize (object);
}

static void
lc_device_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LcDevice *self = LC_DEVICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_FAMILY:
      g_value_set_object (value, self->family);
      break;

    case PROP_FAMILY_ID:
      g_value_set_string (value, lc_family_get_id (self->family));
      break;

    case PROP_FAMILY_NAME:
      g_value_set_string (value, lc_family_get_name (self->family));
      break;

    case PROP_DRAWING:
      g_value_set_string (value, self->drawing);
      break;

    case PROP_NEEDS_SYNC_MODULE:
      g_value_set_boolean (value, self->needs_sync_module);
      break;

    case PROP_HAS_OFFICIAL_CHART:
      g_value_set_boolean (value, self->has_official_chart);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_KNOWN_SIGNALS:
      g_value_set_object (value, self->known_signals);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_device_class_init (LcDeviceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_device_finalize;
  object_class->get_property = lc_device_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_FAMILY] =
    g_param_spec_object ("family", NULL, NULL, LC_TYPE_FAMILY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_FAMILY_ID] =
    g_param_spec_string ("family-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_FAMILY_NAME] =
    g_param_spec_string ("family-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_DRAWING] =
    g_param_spec_string ("drawing", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_NEEDS_SYNC_MODULE] =
    g_param_spec_boolean ("needs-sync-module", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_HAS_OFFICIAL_CHART] =
    g_param_spec_boolean ("has-official-chart", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_KNOWN_SIGNALS] =
    g_param_spec_object ("known-signals", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_device_init (LcDevice *self)
{
  self->known_signals = g_list_store_new (LC_TYPE_KNOWN_SIGNAL);
  self->signal_array = g_ptr_array_new_with_free_func (g_object_unref);
}

LcDevice *
_lc_device_new (const char *id,
                const char *name,
                LcFamily   *family,
                const char *drawing,
                gboolean    needs_sync_module,
                gboolean    has_official_chart,
                const char *note,
                GArray     *lights,
                GPtrArray  *fallback_causes)
{
  LcDevice *self;

  g_assert (id != NULL);
  g_assert (name != NULL);
  g_assert (LC_IS_FAMILY (family));
  g_assert (drawing != NULL);
  g_assert (note != NULL);
  g_assert (lights != NULL);

  self = g_object_new (LC_TYPE_DEVICE, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->family = g_object_ref (family);
  self->drawing = g_strdup (drawing);
  self->needs_sync_module = !!needs_sync_module;
  self->has_official_chart = !!has_official_chart;
  self->note = g_strdup (note);
  self->lights = lights;
  g_array_set_clear_func (self->lights, device_light_clear);
  self->fallback_causes = fallback_causes;
  if (self->fallback_causes != NULL)
    _lc_cause_refs_sort (self->fallback_causes);

  return self;
}

void
_lc_device_add_known_signal (LcDevice      *self,
                             LcKnownSignal *known)
{
  g_assert (LC_IS_DEVICE (self));
  g_assert (LC_IS_KNOWN_SIGNAL (known));

  g_list_store_append (self->known_signals, known);
  g_ptr_array_add (self->signal_array, g_object_ref (known));
}

const char *
lc_device_get_id (LcDevice *self)
{
  g_return_val_if_fail (LC_IS_DEVICE (self), NULL);

  return self->id;
}

const char *
lc_device_get_name (LcDevice *self)
{
  g_return_val_if_fail (LC_IS_DEVICE (self), NULL);

  return self->name;
}

LcFamily *
lc_device_get_family (LcDevice *self)
{
  g_return_val_if_fail (LC_IS_DEVICE (self), NULL);

  return self->family;
}

const char *
lc_device_get_family_id (LcDevice *self)
{
  g_return_val_if_fail (LC_IS_DEVICE (self), NULL);

  return lc_family_get_id (self->family);
}

const char *
lc_device_get_family_name (LcDevice *self)
{
  g_return_val_if_fail (LC_IS_DEVICE (self), NULL);

  return lc_family_get_name (self->family);
}

const char *
lc_device_get_drawing (LcDevice *self)
{
  g_return_val_if_fail (LC_IS_DEVICE (self), NULL);

  return self->drawing;
}

gboolean
lc_device_needs_sync_module (LcDevice *self)
{
  g_return_val_if_fail (LC_IS_DEVICE (self), FALSE);

  return self->needs_sync_module;
}

gboolean
lc_device_has_official_chart (LcDevice *self)
{
  g_return_val_if_fail (LC_IS_DEVICE (self), FALSE);

  return self->has_official_chart;
}

const char *
lc_device_get_note (LcDevice *self)
{
  g_return_val_if_fail (LC_IS_DEVICE (self), NULL);

  return self->note;
}

const LcDeviceLight *
lc_device_get_lights (LcDevice *self,
                      guint    *n_lights)
{
  g_return_val_if_fail (LC_IS_DEVICE (self), NULL);

  if (n_lights != NULL)
    *n_lights = self->lights->len;

  return (const LcDeviceLight *) (gpointer) self->lights->data;
}

static gboolean
light_fits (const LcDeviceLight *device_light,
            const LcLight       *light)
{
  for (guint i = 0; i < light->n_colors; i++)
    {
      if (!lc_device_light_can_show (device_light, light->colors[i]))
        return FALSE;
    }

  return TRUE;
}

/* Tries every assignment of signal lights to free device lights; there are
 * at most LC_SIGNAL_MAX_LIGHTS of each, so this stays tiny.
 */
static gboolean
assign_lights (LcDevice       *self,
               const LcSignal *signal,
               guint           signal_index,
               gboolean       *taken,
               guint          *assignment)
{
  if (signal_index >= signal->n_lights)
    return TRUE;

  /* Never true (lc_device_map_signal checks both counts), but it shows the
   * optimiser the array bounds: GCC 12 at -O3 unrolls the recursion and
   * otherwise warns of indexes past LC_SIGNAL_MAX_LIGHTS.
   */
  if (signal_index >= LC_SIGNAL_MAX_LIGHTS)
    return FALSE;

  for (guint i = 0; i < MIN (self->lights->len, LC_SIGNAL_MAX_LIGHTS); i++)
    {
      const LcDeviceLight *device_light = &g_array_index (self->lights, LcDeviceLight, i);

      if (taken[i] || !light_fits (device_light, &signal->lights[signal_index]))
        continue;

      taken[i] = TRUE;
      assignment[signal_index] = i;

      if (assign_lights (self, signal, signal_index + 1, taken, assignment))
        return TRUE;

      taken[i] = FALSE;
    }

  return FALSE;
}

gboolean
lc_device_map_signal (LcDevice       *self,
                      const LcSignal *signal,
                      guint          *out_light_indexes)
{
  gboolean taken[LC_SIGNAL_MAX_LIGHTS] = { FALSE, };
  guint assignment[LC_SIGNAL_MAX_LIGHTS] = { 0, };

  g_return_val_if_fail (LC_IS_DEVICE (self), FALSE);
  g_return_val_if_fail (signal != NULL, FALSE);
  g_return_val_if_fail (self->lights->len <= LC_SIGNAL_MAX_LIGHTS, FALSE);

  if (signal->n_lights > self->lights->len)
    return FALSE;

  if (!assign_lights (self, signal, 0, taken, assignment))
    return FALSE;

  if (out_light_indexes != NULL)
    {
      for (guint i = 0; i < signal->n_lights; i++)
        out_light_indexes[i] = assignment[i];
    }

  return TRUE;
}

GListModel *
lc_device_get_known_signals (LcDevice *self)
{
  g_return_val_if_fail (LC_IS_DEVICE (self), NULL);

  return G_LIST_MODEL (self->known_signals);
}

LcKnownSignal *
lc_device_lookup_known_signal (LcDevice       *self,
                               const LcSignal *signal)
{
  g_return_val_if_fail (LC_IS_DEVICE (self), NULL);
  g_return_val_if_fail (signal != NULL, NULL);

  for (guint i = 0; i < self->signal_array->len; i++)
    {
      LcKnownSignal *known = g_ptr_array_index (self->signal_array, i);

      if (lc_signal_equal (lc_known_signal_get_signal (known), signal))
        return known;
    }

  return NULL;
}

guint
lc_device_get_n_fallback_causes (LcDevice *self)
{
  g_return_val_if_fail (LC_IS_DEVICE (self), 0);

  if (self->fallback_causes != NULL)
    return self->fallback_causes->len;

  return lc_family_get_n_fallback_causes (self->family);
}

const LcCauseRef *
lc_device_get_fallback_cause (LcDevice *self,
                              guint     index)
{
  g_return_val_if_fail (LC_IS_DEVICE (self), NULL);

  if (self->fallback_causes != NULL)
    {
      g_return_val_if_fail (index < self->fallback_causes->len, NULL);
      return g_ptr_array_index (self->fallback_causes, index);
    }

  return lc_family_get_fallback_cause (self->family, index);
}


void
_lc_device_set_lights_assumed (LcDevice *self,
                               gboolean  lights_assumed)
{
  g_assert (LC_IS_DEVICE (self));

  self->lights_assumed = !!lights_assumed;
}

gboolean
lc_device_lights_are_assumed (LcDevice *self)
{
  g_return_val_if_fail (LC_IS_DEVICE (self), TRUE);

  return self->lights_assumed;
}

void
lc_device_get_normal_signal (LcDevice *self,
                             LcSignal *out)
{
  g_return_if_fail (LC_IS_DEVICE (self));
  g_return_if_fail (out != NULL);

  /* The light it shows while all is well at any time, not one tied to a
   * moment such as a recording or a button press. */
  for (guint i = 0; i < self->signal_array->len; i++)
    {
      LcKnownSignal *known = g_ptr_array_index (self->signal_array, i);

      if (lc_known_signal_is_normal (known) && lc_known_signal_has_context (known, "any") &&
          lc_known_signal_has_context (known, "app-offline"))
        {
          *out = *lc_known_signal_get_signal (known);
          return;
        }
    }

  /* Models without a known normal light: Lightcode assumes it is dark. */
  lc_signal_init_off (out);
}
