/* lc-diagnosis.h — what a light most likely means, ranked
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lc-diagnosis-cause.h"
#include "lc-knowledge.h"
#include "lc-reading.h"
#include "lc-signal.h"

G_BEGIN_DECLS

#define LC_DIAGNOSIS_ERROR (lc_diagnosis_error_quark ())
GQuark lc_diagnosis_error_quark (void);

typedef enum
{
  LC_DIAGNOSIS_ERROR_UNKNOWN_CONTEXT,
} LcDiagnosisError;

/* Plain words for a likelihood, translated: "very likely" (>= 0.7),
 * "likely" (>= 0.4), "possible" (>= 0.15), "unlikely". Shared by the CLI,
 * the summary and the UI so they agree; so is the rounding to percent.
 */
const char *lc_likelihood_to_words        (double         likelihood);
int         lc_likelihood_to_percent      (double         likelihood);

#define LC_TYPE_DIAGNOSIS (lc_diagnosis_get_type ())

G_DECLARE_FINAL_TYPE (LcDiagnosis, lc_diagnosis, LC, DIAGNOSIS, GObject)

/* Ranks the causes of @observed on @device at the moment @context_id
 * (NULL means "any"). Fails only for a context the knowledge base does not
 * know (LC_DIAGNOSIS_ERROR_UNKNOWN_CONTEXT). A signal that matches nothing
 * is not an error: is_known_signal is then FALSE and the causes are the
 * family's general advice.
 *
 * Ranking, in short: each known signal of the device is matched with
 * lc_signal_match() (>= 0.5 counts); only matches of the best score count
 * fully, weaker ones are heavily discounted, so exact beats near. Each
 * match contributes, per cause it lists, the cause's weight for the context
 * (lc_cause_ref_get_weight) times how well the signal's own moment fits the
 * context times a small preference for Blink's own guide; a cause keeps its
 * best contribution. Scores are then scaled to sum to the confidence: 1 for
 * an exact match, the match score for a near one, 0.4 for general advice.
 * The rest is lc_diagnosis_get_other_likelihood(): "something else".
 */
LcDiagnosis      *lc_diagnosis_new                    (LcKnowledge     *knowledge,
                                                       LcDevice        *device,
                                                       const LcSignal  *observed,
                                                       const char      *context_id,
                                                       GError         **error);

LcKnowledge      *lc_diagnosis_get_knowledge          (LcDiagnosis     *self);
LcDevice         *lc_diagnosis_get_device             (LcDiagnosis     *self);
const LcSignal   *lc_diagnosis_get_signal             (LcDiagnosis     *self);
const char       *lc_diagnosis_get_signal_text        (LcDiagnosis     *self); /* canonical */
const char       *lc_diagnosis_get_context_id         (LcDiagnosis     *self);

/* GListModel of LcDiagnosisCause, most likely first. Never empty unless
 * the knowledge base is.
 */
GListModel       *lc_diagnosis_get_causes             (LcDiagnosis     *self);
guint             lc_diagnosis_get_n_causes           (LcDiagnosis     *self);
LcDiagnosisCause *lc_diagnosis_get_cause              (LcDiagnosis     *self,
                                                       guint            index);
LcDiagnosisCause *lc_diagnosis_get_top_cause          (LcDiagnosis     *self);
/* 1 - sum of the likelihoods: how much is left for causes nobody listed. */
double            lc_diagnosis_get_other_likelihood   (LcDiagnosis     *self);

/* The most likely cause needs no fixing ("This is normal"). */
gboolean          lc_diagnosis_is_normal              (LcDiagnosis     *self);
/* FALSE: nothing known matched; the causes are general advice. */
gboolean          lc_diagnosis_is_known_signal        (LcDiagnosis     *self);
gboolean          lc_diagnosis_matched_exactly        (LcDiagnosis     *self);
/* The best known signal matched (NULL when not a known signal). */
LcKnownSignal    *lc_diagnosis_get_known_signal       (LcDiagnosis     *self);
gboolean          lc_diagnosis_sources_disagree       (LcDiagnosis     *self);
/* Translated note on what the other source says, or NULL. */
const char       *lc_diagnosis_get_disagreement_note  (LcDiagnosis     *self);
LcProvenance     *lc_diagnosis_get_disagreement_provenance (LcDiagnosis *self);

/* How the signal was read (a camera, a video, by eye) and how surely: set
 * by the caller, shown on the page and in the support summary;
 * %NULL means by eye.
 */
void              lc_diagnosis_set_reading            (LcDiagnosis     *self,
                                                       LcReading       *reading);
LcReading        *lc_diagnosis_get_reading            (LcDiagnosis     *self);
/* The reading's source and confidence (by eye: certain). */
LcSignalSource    lc_diagnosis_get_source             (LcDiagnosis     *self);
double            lc_diagnosis_get_source_confidence  (LcDiagnosis     *self);

/* TRUE for a person's own reading and a confirmed camera or video one. */
gboolean          lc_diagnosis_is_source_confirmed    (LcDiagnosis     *self);

G_END_DECLS
