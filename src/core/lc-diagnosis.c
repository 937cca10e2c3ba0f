/* lc-diagnosis.c — what a light most likely means, ranked
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "lc-diagnosis.h"
#include "lc-diagnosis-private.h"

struct _LcDiagnosis
{
  GObject         parent_instance;

  LcKnowledge    *knowledge;
  LcDevice       *device;
  LcSignal        signal;
  char           *signal_text;
  char           *context_id;

  GListStore     *causes;
  GPtrArray      *cause_array;    /* the same items, for borrowed access */
  LcKnownSignal  *known_signal;
  double          other_likelihood;
  gboolean        matched_exactly;

  LcReading      *reading;        /* NULL: by eye */
};

G_DEFINE_FINAL_TYPE (LcDiagnosis, lc_diagnosis, G_TYPE_OBJECT)

G_DEFINE_QUARK (lc-diagnosis-error-quark, lc_diagnosis_error)

enum {
  PROP_0,
  PROP_KNOWLEDGE,
  PROP_DEVICE,
  PROP_SIGNAL,
  PROP_SIGNAL_TEXT,
  PROP_CONTEXT_ID,
  PROP_CAUSES,
  PROP_TOP_CAUSE,
  PROP_OTHER_LIKELIHOOD,
  PROP_IS_NORMAL,
  PROP_IS_KNOWN_SIGNAL,
  PROP_MATCHED_EXACTLY,
  PROP_KNOWN_SIGNAL,
  PROP_SOURCES_DISAGREE,
  PROP_DISAGREEMENT_NOTE,
  PROP_READING,
  PROP_SOURCE,
  PROP_SOURCE_CONFIDENCE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

const char *
lc_likelihood_to_words (double likelihood)
{
  if (likelihood >= 0.7)
    return C_("likelihood", "very likely");
  if (likelihood >= 0.4)
    return C_("likelihood", "likely");
  if (likelihood >= 0.15)
    return C_("likelihood", "possible");
  return C_("likelihood", "unlikely");
}

int
lc_likelihood_to_percent (double likelihood)
{
  return (int) lround (CLAMP (likelihood, 0.0, 1.0) * 100.0);
}

static LcDiagnosisCause *
make_cause (LcDiagnosis       *self,
            const LcCandidate *candidate)
{
  g_autoptr(LcDiagnosisCause) item = NULL;
  g_autoptr(GListModel) procedures = NULL;
  g_autofree char *explanation = NULL;

  procedures = lc_knowledge_list_procedures_for_cause (self->knowledge, candidate->cause, self->device);
  item = _lc_diagnosis_cause_new (candidate->cause,
                                  lc_cause_ref_get_provenance (candidate->ref),
                                  procedures,
                                  candidate->known_signal,
                                  candidate->match_score,
                                  candidate->match_flags);
  explanation = _lc_diagnosis_dup_explanation (self, candidate);
  _lc_diagnosis_cause_set_likelihood (item, candidate->likelihood);
  _lc_diagnosis_cause_set_explanation (item, explanation);

  return g_steal_pointer (&item);
}

static void
rank (LcDiagnosis *self)
{
  LcKnownSignal *known_signal = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  double capped_total = 0.0;

  candidates = _lc_diagnosis_rank_candidates (self, &known_signal, &self->matched_exactly);
  if (known_signal != NULL)
    self->known_signal = g_object_ref (known_signal);

  for (guint i = 0; i < candidates->len; i++)
    {
      const LcCandidate *candidate = g_ptr_array_index (candidates, i);
      LcDiagnosisCause *item = make_cause (self, candidate);

      capped_total += candidate->likelihood;
      g_list_store_append (self->causes, item);
      g_ptr_array_add (self->cause_array, item);
    }

  /* What the caps took off goes to "something else". */
  self->other_likelihood = candidates->len > 0 ? CLAMP (1.0 - capped_total, 0.0, 1.0) : 1.0;
}

/* GObject */

static void
lc_diagnosis_finalize (GObject *object)
{
  LcDiagnosis *self = (LcDiagnosis *)object;

  g_clear_object (&self->knowledge);
  g_clear_object (&self->device);
  g_clear_object (&self->causes);
  g_clear_pointer (&self->cause_array, g_ptr_array_unref);
  g_clear_object (&self->known_signal);
  g_clear_object (&self->reading);
  g_clear_pointer (&self->signal_text, g_free);
  g_clear_pointer (&self->context_id, g_free);

  G_OBJECT_CLASS (lc_diagnosis_parent_class)->finalize (object);
}

static void
lc_diagnosis_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LcDiagnosis *self = LC_DIAGNOSIS (object);

  switch (prop_id)
    {
    case PROP_KNOWLEDGE:
      g_value_set_object (value, self->knowledge);
      break;

    case PROP_DEVICE:
      g_value_set_object (value, self->device);
      break;

    case PROP_SIGNAL:
      g_value_set_boxed (value, &self->signal);
      break;

    case PROP_SIGNAL_TEXT:
      g_value_set_string (value, self->signal_text);
      break;

    case PROP_CONTEXT_ID:
      g_value_set_string (value, self->context_id);
      break;

    case PROP_CAUSES:
      g_value_set_object (value, self->causes);
      break;

    case PROP_TOP_CAUSE:
      g_value_set_object (value, lc_diagnosis_get_top_cause (self));
      break;

    case PROP_OTHER_LIKELIHOOD:
      g_value_set_double (value, self->other_likelihood);
      break;

    case PROP_IS_NORMAL:
      g_value_set_boolean (value, lc_diagnosis_is_normal (self));
      break;

    case PROP_IS_KNOWN_SIGNAL:
      g_value_set_boolean (value, lc_diagnosis_is_known_signal (self));
      break;

    case PROP_MATCHED_EXACTLY:
      g_value_set_boolean (value, self->matched_exactly);
      break;

    case PROP_KNOWN_SIGNAL:
      g_value_set_object (value, self->known_signal);
      break;

    case PROP_SOURCES_DISAGREE:
      g_value_set_boolean (value, lc_diagnosis_sources_disagree (self));
      break;

    case PROP_DISAGREEMENT_NOTE:
      g_value_set_string (value, lc_diagnosis_get_disagreement_note (self));
      break;

    case PROP_READING:
      g_value_set_object (value, self->reading);
      break;

    case PROP_SOURCE:
      g_value_set_enum (value, lc_diagnosis_get_source (self));
      break;

    case PROP_SOURCE_CONFIDENCE:
      g_value_set_double (value, lc_diagnosis_get_source_confidence (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_diagnosis_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LcDiagnosis *self = LC_DIAGNOSIS (object);

  switch (prop_id)
    {
    case PROP_READING:
      lc_diagnosis_set_reading (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_diagnosis_class_init (LcDiagnosisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lc_diagnosis_finalize;
  object_class->get_property = lc_diagnosis_get_property;
  object_class->set_property = lc_diagnosis_set_property;

  properties [PROP_KNOWLEDGE] =
    g_param_spec_object ("knowledge", NULL, NULL, LC_TYPE_KNOWLEDGE, ro);
  properties [PROP_DEVICE] =
    g_param_spec_object ("device", NULL, NULL, LC_TYPE_DEVICE, ro);
  properties [PROP_SIGNAL] =
    g_param_spec_boxed ("signal", NULL, NULL, LC_TYPE_SIGNAL, ro);
  properties [PROP_SIGNAL_TEXT] =
    g_param_spec_string ("signal-text", NULL, NULL, NULL, ro);
  properties [PROP_CONTEXT_ID] =
    g_param_spec_string ("context-id", NULL, NULL, "any", ro);
  properties [PROP_CAUSES] =
    g_param_spec_object ("causes", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties [PROP_TOP_CAUSE] =
    g_param_spec_object ("top-cause", NULL, NULL, LC_TYPE_DIAGNOSIS_CAUSE, ro);
  properties [PROP_OTHER_LIKELIHOOD] =
    g_param_spec_double ("other-likelihood", NULL, NULL, 0.0, 1.0, 0.0, ro);
  properties [PROP_IS_NORMAL] =
    g_param_spec_boolean ("is-normal", NULL, NULL, FALSE, ro);
  properties [PROP_IS_KNOWN_SIGNAL] =
    g_param_spec_boolean ("is-known-signal", NULL, NULL, FALSE, ro);
  properties [PROP_MATCHED_EXACTLY] =
    g_param_spec_boolean ("matched-exactly", NULL, NULL, FALSE, ro);
  properties [PROP_KNOWN_SIGNAL] =
    g_param_spec_object ("known-signal", NULL, NULL, LC_TYPE_KNOWN_SIGNAL, ro);
  properties [PROP_SOURCES_DISAGREE] =
    g_param_spec_boolean ("sources-disagree", NULL, NULL, FALSE, ro);
  properties [PROP_DISAGREEMENT_NOTE] =
    g_param_spec_string ("disagreement-note", NULL, NULL, NULL, ro);
  properties [PROP_READING] =
    g_param_spec_object ("reading", NULL, NULL, LC_TYPE_READING, rw);
  properties [PROP_SOURCE] =
    g_param_spec_enum ("source", NULL, NULL, LC_TYPE_SIGNAL_SOURCE, LC_SIGNAL_SOURCE_EYE, ro);
  properties [PROP_SOURCE_CONFIDENCE] =
    g_param_spec_double ("source-confidence", NULL, NULL, 0.0, 1.0, 1.0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_diagnosis_init (LcDiagnosis *self)
{
  self->causes = g_list_store_new (LC_TYPE_DIAGNOSIS_CAUSE);
  self->cause_array = g_ptr_array_new_with_free_func (g_object_unref);
  lc_signal_init_off (&self->signal);
}

LcDiagnosis *
lc_diagnosis_new (LcKnowledge     *knowledge,
                  LcDevice        *device,
                  const LcSignal  *observed,
                  const char      *context_id,
                  GError         **error)
{
  g_autoptr(LcDiagnosis) self = NULL;

  g_return_val_if_fail (LC_IS_KNOWLEDGE (knowledge), NULL);
  g_return_val_if_fail (LC_IS_DEVICE (device), NULL);
  g_return_val_if_fail (observed != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (context_id == NULL)
    context_id = "any";

  if (lc_knowledge_get_context_label (knowledge, context_id) == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) lc_knowledge_get_context_ids (knowledge));

      g_set_error (error, LC_DIAGNOSIS_ERROR, LC_DIAGNOSIS_ERROR_UNKNOWN_CONTEXT,
                   /* Translators: what was typed as the moment ("bath-time"), then the list of known ones */
                   _("unknown context “%s” (known: %s)"),
                   context_id, known);
      return NULL;
    }

  self = g_object_new (LC_TYPE_DIAGNOSIS, NULL);
  self->knowledge = g_object_ref (knowledge);
  self->device = g_object_ref (device);
  self->signal = *observed;
  self->signal_text = lc_signal_to_string (observed);
  self->context_id = g_strdup (context_id);

  rank (self);

  return g_steal_pointer (&self);
}

LcKnowledge *
lc_diagnosis_get_knowledge (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return self->knowledge;
}

LcDevice *
lc_diagnosis_get_device (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return self->device;
}

const LcSignal *
lc_diagnosis_get_signal (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return &self->signal;
}

const char *
lc_diagnosis_get_signal_text (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return self->signal_text;
}

const char *
lc_diagnosis_get_context_id (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return self->context_id;
}

GListModel *
lc_diagnosis_get_causes (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return G_LIST_MODEL (self->causes);
}

guint
lc_diagnosis_get_n_causes (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), 0);

  return self->cause_array->len;
}

LcDiagnosisCause *
lc_diagnosis_get_cause (LcDiagnosis *self,
                        guint        index)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  if (index >= self->cause_array->len)
    return NULL;

  return g_ptr_array_index (self->cause_array, index);
}

LcDiagnosisCause *
lc_diagnosis_get_top_cause (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return lc_diagnosis_get_cause (self, 0);
}

double
lc_diagnosis_get_other_likelihood (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), 1.0);

  return self->other_likelihood;
}

gboolean
lc_diagnosis_is_normal (LcDiagnosis *self)
{
  LcDiagnosisCause *top;
  LcKnownSignal *known;

  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), FALSE);

  if ((top = lc_diagnosis_get_top_cause (self)) == NULL)
    return FALSE;

  if (lc_cause_is_normal (lc_diagnosis_cause_get_cause (top)))
    return TRUE;

  /* "The light looks fine, but …": the light being normal is the puzzle. */
  if (lc_knowledge_context_is_problem (self->knowledge, self->context_id))
    return FALSE;

  known = lc_diagnosis_cause_get_known_signal (top);

  return known != NULL && lc_known_signal_is_normal (known);
}

gboolean
lc_diagnosis_is_known_signal (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), FALSE);

  return self->known_signal != NULL;
}

gboolean
lc_diagnosis_matched_exactly (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), FALSE);

  return self->matched_exactly;
}

LcKnownSignal *
lc_diagnosis_get_known_signal (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return self->known_signal;
}

gboolean
lc_diagnosis_sources_disagree (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), FALSE);

  return lc_diagnosis_get_disagreement_note (self) != NULL;
}

const char *
lc_diagnosis_get_disagreement_note (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  if (self->known_signal == NULL)
    return NULL;

  return lc_known_signal_get_disagreement (self->known_signal);
}

LcProvenance *
lc_diagnosis_get_disagreement_provenance (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  if (self->known_signal == NULL)
    return NULL;

  return lc_known_signal_get_disagreement_provenance (self->known_signal);
}

/**
 * lc_diagnosis_set_reading:
 * @reading: (nullable): how the signal was read; %NULL for by eye
 */
void
lc_diagnosis_set_reading (LcDiagnosis *self,
                          LcReading   *reading)
{
  LcSignalSource old_source;
  double old_confidence;

  g_return_if_fail (LC_IS_DIAGNOSIS (self));
  g_return_if_fail (reading == NULL || LC_IS_READING (reading));

  old_source = lc_diagnosis_get_source (self);
  old_confidence = lc_diagnosis_get_source_confidence (self);
  if (!g_set_object (&self->reading, reading))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READING]);
  if (old_source != lc_diagnosis_get_source (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SOURCE]);
  if (old_confidence != lc_diagnosis_get_source_confidence (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SOURCE_CONFIDENCE]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * lc_diagnosis_get_reading:
 *
 * Returns: (transfer none) (nullable): how the signal was read; %NULL by eye
 */
LcReading *
lc_diagnosis_get_reading (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return self->reading;
}

LcSignalSource
lc_diagnosis_get_source (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), LC_SIGNAL_SOURCE_EYE);

  return self->reading != NULL ? lc_reading_get_source (self->reading) : LC_SIGNAL_SOURCE_EYE;
}

double
lc_diagnosis_get_source_confidence (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), 1.0);

  if (self->reading == NULL || lc_reading_get_source (self->reading) == LC_SIGNAL_SOURCE_EYE)
    return 1.0;

  return lc_reading_get_confidence (self->reading);
}

gboolean
lc_diagnosis_is_source_confirmed (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), TRUE);

  return self->reading == NULL || lc_reading_get_source (self->reading) == LC_SIGNAL_SOURCE_EYE ||
         lc_reading_is_confirmed (self->reading);
}
