/* lc-diagnosis-private.h — constructors only LcDiagnosis uses
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lc-diagnosis-cause.h"

G_BEGIN_DECLS

LcDiagnosisCause *_lc_diagnosis_cause_new            (LcCause          *cause,
                                                      LcProvenance     *provenance,
                                                      GListModel       *procedures,
                                                      LcKnownSignal    *known_signal,
                                                      double            match_score,
                                                      LcMatchFlags      match_flags);
void              _lc_diagnosis_cause_set_likelihood (LcDiagnosisCause *self,
                                                      double            likelihood);
void              _lc_diagnosis_cause_set_explanation (LcDiagnosisCause *self,
                                                       const char       *explanation);

G_END_DECLS
