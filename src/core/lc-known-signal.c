/* lc-known-signal.c — a signal with a documented meaning
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-knowledge-private.h"

struct _LcKnownSignal
{
  GObject       parent_instance;

  LcSignal      signal;
  char         *signal_text;
  GStrv         contexts;
  char         *title;
  char         *explanation;
  LcProvenance *provenance;
  GPtrArray    *causes;
  char         *disagreement;
  LcProvenance *disagreement_provenance;
  guint         is_normal : 1;
  guint         family_advice : 1;
};

G_DEFINE_FINAL_TYPE (LcKnownSignal, lc_known_signal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SIGNAL_TEXT,
  PROP_TITLE,
  PROP_EXPLANATION,
  PROP_IS_NORMAL,
  PROP_PROVENANCE,
  PROP_FAMILY_ADVICE,
  PROP_DISAGREEMENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
lc_known_signal_finalize (GObject *object)
{
  LcKnownSignal *self = (LcKnownSignal *)object;

  g_clear_pointer (&self->signal_text, g_free);
  g_clear_pointer (&self->contexts, g_strfreev);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->explanation, g_free);
  g_clear_object (&self->provenance);
  g_clear_pointer (&self->causes, g_ptr_array_unref);
  g_clear_pointer (&self->disagreement, g_free);
  g_clear_object (&self->disagreement_provenance);

  G_OBJECT_CLASS (lc_known_signal_parent_class)->finalize (object);
}

static void
lc_known_signal_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LcKnownSignal *self = LC_KNOWN_SIGNAL (object);

  switch (prop_id)
    {
    case PROP_SIGNAL_TEXT:
      g_value_set_string (value, self->signal_text);
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

    case PROP_PROVENANCE:
      g_value_set_object (value, self->provenance);
      break;

    case PROP_FAMILY_ADVICE:
      g_value_set_boolean (value, self->family_advice);
      break;

    case PROP_DISAGREEMENT:
      g_value_set_string (value, self->disagreement);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_known_signal_class_init (LcKnownSignalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_known_signal_finalize;
  object_class->get_property = lc_known_signal_get_property;

  properties [PROP_SIGNAL_TEXT] =
    g_param_spec_string ("signal-text", NULL, NULL, NULL,
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
  properties [PROP_PROVENANCE] =
    g_param_spec_object ("provenance", NULL, NULL, LC_TYPE_PROVENANCE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_FAMILY_ADVICE] =
    g_param_spec_boolean ("family-advice", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_DISAGREEMENT] =
    g_param_spec_string ("disagreement", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_known_signal_init (LcKnownSignal *self)
{
}

LcKnownSignal *
_lc_known_signal_new (const LcSignal *signal,
                      GStrv           contexts,
                      const char     *title,
                      const char     *explanation,
                      gboolean        is_normal,
                      LcProvenance   *provenance,
                      gboolean        family_advice,
                      GPtrArray      *causes,
                      const char     *disagreement,
                      LcProvenance   *disagreement_provenance)
{
  LcKnownSignal *self;

  g_assert (signal != NULL);
  g_assert (contexts != NULL && contexts[0] != NULL);
  g_assert (title != NULL);
  g_assert (explanation != NULL);
  g_assert (LC_IS_PROVENANCE (provenance));
  g_assert (causes != NULL && causes->len > 0);
  g_assert ((disagreement == NULL) == (disagreement_provenance == NULL));

  self = g_object_new (LC_TYPE_KNOWN_SIGNAL, NULL);
  self->signal = *signal;
  self->signal_text = lc_signal_to_string (signal);
  self->contexts = contexts;
  self->title = g_strdup (title);
  self->explanation = g_strdup (explanation);
  self->is_normal = !!is_normal;
  self->provenance = g_object_ref (provenance);
  self->family_advice = !!family_advice;
  self->causes = causes;
  _lc_cause_refs_sort (self->causes);
  self->disagreement = g_strdup (disagreement);
  if (disagreement_provenance != NULL)
    self->disagreement_provenance = g_object_ref (disagreement_provenance);

  return self;
}

const LcSignal *
lc_known_signal_get_signal (LcKnownSignal *self)
{
  g_return_val_if_fail (LC_IS_KNOWN_SIGNAL (self), NULL);

  return &self->signal;
}

const char *
lc_known_signal_get_signal_text (LcKnownSignal *self)
{
  g_return_val_if_fail (LC_IS_KNOWN_SIGNAL (self), NULL);

  return self->signal_text;
}

const char * const *
lc_known_signal_get_contexts (LcKnownSignal *self)
{
  g_return_val_if_fail (LC_IS_KNOWN_SIGNAL (self), NULL);

  return (const char * const *) self->contexts;
}

gboolean
lc_known_signal_has_context (LcKnownSignal *self,
                             const char    *context_id)
{
  g_return_val_if_fail (LC_IS_KNOWN_SIGNAL (self), FALSE);
  g_return_val_if_fail (context_id != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->contexts, context_id);
}

const char *
lc_known_signal_get_title (LcKnownSignal *self)
{
  g_return_val_if_fail (LC_IS_KNOWN_SIGNAL (self), NULL);

  return self->title;
}

const char *
lc_known_signal_get_explanation (LcKnownSignal *self)
{
  g_return_val_if_fail (LC_IS_KNOWN_SIGNAL (self), NULL);

  return self->explanation;
}

gboolean
lc_known_signal_is_normal (LcKnownSignal *self)
{
  g_return_val_if_fail (LC_IS_KNOWN_SIGNAL (self), FALSE);

  return self->is_normal;
}

LcProvenance *
lc_known_signal_get_provenance (LcKnownSignal *self)
{
  g_return_val_if_fail (LC_IS_KNOWN_SIGNAL (self), NULL);

  return self->provenance;
}

gboolean
lc_known_signal_is_family_advice (LcKnownSignal *self)
{
  g_return_val_if_fail (LC_IS_KNOWN_SIGNAL (self), FALSE);

  return self->family_advice;
}

guint
lc_known_signal_get_n_causes (LcKnownSignal *self)
{
  g_return_val_if_fail (LC_IS_KNOWN_SIGNAL (self), 0);

  return self->causes->len;
}

const LcCauseRef *
lc_known_signal_get_cause (LcKnownSignal *self,
                           guint          index)
{
  g_return_val_if_fail (LC_IS_KNOWN_SIGNAL (self), NULL);
  g_return_val_if_fail (index < self->causes->len, NULL);

  return g_ptr_array_index (self->causes, index);
}

const char *
lc_known_signal_get_disagreement (LcKnownSignal *self)
{
  g_return_val_if_fail (LC_IS_KNOWN_SIGNAL (self), NULL);

  return self->disagreement;
}

LcProvenance *
lc_known_signal_get_disagreement_provenance (LcKnownSignal *self)
{
  g_return_val_if_fail (LC_IS_KNOWN_SIGNAL (self), NULL);

  return self->disagreement_provenance;
}
