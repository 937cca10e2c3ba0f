/* lc-diagnosis-cause.c — one ranked cause of a diagnosis
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-diagnosis-cause.h"
#include "lc-diagnosis-private.h"

struct _LcDiagnosisCause
{
  GObject        parent_instance;

  LcCause       *cause;
  LcProvenance  *provenance;
  GListModel    *procedures;
  LcProcedure   *first_procedure;
  LcKnownSignal *known_signal;
  char          *explanation;
  double         likelihood;
  double         match_score;
  LcMatchFlags   match_flags;
};

G_DEFINE_FINAL_TYPE (LcDiagnosisCause, lc_diagnosis_cause, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAUSE,
  PROP_ID,
  PROP_TITLE,
  PROP_LIKELIHOOD,
  PROP_EXPLANATION,
  PROP_PROVENANCE,
  PROP_PROCEDURE,
  PROP_PROCEDURES,
  PROP_KNOWN_SIGNAL,
  PROP_MATCH_SCORE,
  PROP_MATCH_FLAGS,
  PROP_GENERAL_ADVICE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
lc_diagnosis_cause_finalize (GObject *object)
{
  LcDiagnosisCause *self = (LcDiagnosisCause *)object;

  g_clear_object (&self->cause);
  g_clear_object (&self->provenance);
  g_clear_object (&self->procedures);
  g_clear_object (&self->first_procedure);
  g_clear_object (&self->known_signal);
  g_clear_pointer (&self->explanation, g_free);

  G_OBJECT_CLASS (lc_diagnosis_cause_parent_class)->finalize (object);
}

static void
lc_diagnosis_cause_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LcDiagnosisCause *self = LC_DIAGNOSIS_CAUSE (object);

  switch (prop_id)
    {
    case PROP_CAUSE:
      g_value_set_object (value, self->cause);
      break;

    case PROP_ID:
      g_value_set_string (value, lc_diagnosis_cause_get_id (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, lc_diagnosis_cause_get_title (self));
      break;

    case PROP_LIKELIHOOD:
      g_value_set_double (value, self->likelihood);
      break;

    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;

    case PROP_PROVENANCE:
      g_value_set_object (value, self->provenance);
      break;

    case PROP_PROCEDURE:
      g_value_set_object (value, lc_diagnosis_cause_get_procedure (self));
      break;

    case PROP_PROCEDURES:
      g_value_set_object (value, self->procedures);
      break;

    case PROP_KNOWN_SIGNAL:
      g_value_set_object (value, self->known_signal);
      break;

    case PROP_MATCH_SCORE:
      g_value_set_double (value, self->match_score);
      break;

    case PROP_MATCH_FLAGS:
      g_value_set_uint (value, self->match_flags);
      break;

    case PROP_GENERAL_ADVICE:
      g_value_set_boolean (value, lc_diagnosis_cause_is_general_advice (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_diagnosis_cause_class_init (LcDiagnosisCauseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_diagnosis_cause_finalize;
  object_class->get_property = lc_diagnosis_cause_get_property;

  properties [PROP_CAUSE] =
    g_param_spec_object ("cause", NULL, NULL,
                         LC_TYPE_CAUSE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LIKELIHOOD] =
    g_param_spec_double ("likelihood", NULL, NULL, 0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PROVENANCE] =
    g_param_spec_object ("provenance", NULL, NULL,
                         LC_TYPE_PROVENANCE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PROCEDURE] =
    g_param_spec_object ("procedure", NULL, NULL,
                         LC_TYPE_PROCEDURE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PROCEDURES] =
    g_param_spec_object ("procedures", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_KNOWN_SIGNAL] =
    g_param_spec_object ("known-signal", NULL, NULL,
                         LC_TYPE_KNOWN_SIGNAL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MATCH_SCORE] =
    g_param_spec_double ("match-score", NULL, NULL, 0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* LcMatchFlags bits. */
  properties [PROP_MATCH_FLAGS] =
    g_param_spec_uint ("match-flags", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_GENERAL_ADVICE] =
    g_param_spec_boolean ("general-advice", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_diagnosis_cause_init (LcDiagnosisCause *self)
{
}

LcDiagnosisCause *
_lc_diagnosis_cause_new (LcCause       *cause,
                         LcProvenance  *provenance,
                         GListModel    *procedures,
                         LcKnownSignal *known_signal,
                         double         match_score,
                         LcMatchFlags   match_flags)
{
  LcDiagnosisCause *self;

  g_assert (LC_IS_CAUSE (cause));
  g_assert (LC_IS_PROVENANCE (provenance));
  g_assert (G_IS_LIST_MODEL (procedures));
  g_assert (known_signal == NULL || LC_IS_KNOWN_SIGNAL (known_signal));

  self = g_object_new (LC_TYPE_DIAGNOSIS_CAUSE, NULL);
  self->cause = g_object_ref (cause);
  self->provenance = g_object_ref (provenance);
  self->procedures = g_object_ref (procedures);
  self->first_procedure = g_list_model_get_item (procedures, 0);
  self->known_signal = known_signal ? g_object_ref (known_signal) : NULL;
  self->match_score = match_score;
  self->match_flags = match_flags;

  return self;
}

/* Set once while the diagnosis is built, before anyone sees the object. */
void
_lc_diagnosis_cause_set_likelihood (LcDiagnosisCause *self,
                                    double            likelihood)
{
  g_assert (LC_IS_DIAGNOSIS_CAUSE (self));

  self->likelihood = CLAMP (likelihood, 0.0, 1.0);
}

void
_lc_diagnosis_cause_set_explanation (LcDiagnosisCause *self,
                                     const char       *explanation)
{
  g_assert (LC_IS_DIAGNOSIS_CAUSE (self));

  g_free (self->explanation);
  self->explanation = g_strdup (explanation);
}

LcCause *
lc_diagnosis_cause_get_cause (LcDiagnosisCause *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS_CAUSE (self), NULL);

  return self->cause;
}

const char *
lc_diagnosis_cause_get_id (LcDiagnosisCause *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS_CAUSE (self), NULL);

  return lc_cause_get_id (self->cause);
}

const char *
lc_diagnosis_cause_get_title (LcDiagnosisCause *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS_CAUSE (self), NULL);

  return lc_cause_get_title (self->cause);
}

double
lc_diagnosis_cause_get_likelihood (LcDiagnosisCause *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS_CAUSE (self), 0.0);

  return self->likelihood;
}

const char *
lc_diagnosis_cause_get_explanation (LcDiagnosisCause *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS_CAUSE (self), NULL);

  return self->explanation;
}

LcProvenance *
lc_diagnosis_cause_get_provenance (LcDiagnosisCause *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS_CAUSE (self), NULL);

  return self->provenance;
}

LcProcedure *
lc_diagnosis_cause_get_procedure (LcDiagnosisCause *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS_CAUSE (self), NULL);

  return self->first_procedure;
}

GListModel *
lc_diagnosis_cause_get_procedures (LcDiagnosisCause *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS_CAUSE (self), NULL);

  return self->procedures;
}

LcKnownSignal *
lc_diagnosis_cause_get_known_signal (LcDiagnosisCause *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS_CAUSE (self), NULL);

  return self->known_signal;
}

double
lc_diagnosis_cause_get_match_score (LcDiagnosisCause *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS_CAUSE (self), 0.0);

  return self->match_score;
}

LcMatchFlags
lc_diagnosis_cause_get_match_flags (LcDiagnosisCause *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS_CAUSE (self), LC_MATCH_EXACT);

  return self->match_flags;
}

gboolean
lc_diagnosis_cause_is_general_advice (LcDiagnosisCause *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS_CAUSE (self), FALSE);

  return self->known_signal == NULL;
}
