/* lc-diagnosis-cause.h — one ranked cause of a diagnosis
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lc-cause.h"
#include "lc-known-signal.h"
#include "lc-procedure.h"
#include "lc-provenance.h"
#include "lc-signal.h"

G_BEGIN_DECLS

#define LC_TYPE_DIAGNOSIS_CAUSE (lc_diagnosis_cause_get_type ())

G_DECLARE_FINAL_TYPE (LcDiagnosisCause, lc_diagnosis_cause, LC, DIAGNOSIS_CAUSE, GObject)

/* Immutable once the diagnosis is built; every property is read-only. */
LcCause          *lc_diagnosis_cause_get_cause         (LcDiagnosisCause *self);
const char       *lc_diagnosis_cause_get_id            (LcDiagnosisCause *self);
const char       *lc_diagnosis_cause_get_title         (LcDiagnosisCause *self); /* translated */
/* In [0, 1]; the causes of one diagnosis sum to at most 1. */
double            lc_diagnosis_cause_get_likelihood    (LcDiagnosisCause *self);
/* Translated: why this cause, from what was matched, the moment and how
 * close the match was. Several sentences, no line breaks.
 */
const char       *lc_diagnosis_cause_get_explanation   (LcDiagnosisCause *self);
LcProvenance     *lc_diagnosis_cause_get_provenance    (LcDiagnosisCause *self);
/* The procedure to try first, or NULL (normal causes have none). */
LcProcedure      *lc_diagnosis_cause_get_procedure     (LcDiagnosisCause *self);
/* Every procedure of the cause that fits the device, in order
 * (GListModel of LcProcedure; may be empty).
 */
GListModel       *lc_diagnosis_cause_get_procedures    (LcDiagnosisCause *self);
/* The known signal this cause came from; NULL for general advice. */
LcKnownSignal    *lc_diagnosis_cause_get_known_signal  (LcDiagnosisCause *self);
/* lc_signal_match() of the observed signal against that known signal
 * (0 for general advice) and what the match tolerated.
 */
double            lc_diagnosis_cause_get_match_score   (LcDiagnosisCause *self);
LcMatchFlags      lc_diagnosis_cause_get_match_flags   (LcDiagnosisCause *self);
gboolean          lc_diagnosis_cause_is_general_advice (LcDiagnosisCause *self);

G_END_DECLS
