/* lc-diagnosis-private.h — what the lc-diagnosis*.c files share and nothing else sees
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lc-diagnosis.h"
#include "lc-diagnosis-cause.h"

G_BEGIN_DECLS

/* A cause offered for the light while ranking, before it becomes an
 * LcDiagnosisCause.
 */
typedef struct
{
  LcCause          *cause;        /* owned by the knowledge base */
  const LcCauseRef *ref;
  LcKnownSignal    *known_signal; /* NULL: general advice */
  double            match_score;
  LcMatchFlags      match_flags;
  double            score;
  double            likelihood;   /* share of the confidence, capped by source */
  gboolean          capped;
  guint             order;        /* first seen, to keep ties stable */
} LcCandidate;

/* lc-diagnosis-ranking.c: the causes for @self's light, most likely
 * first, and the known signal the light is taken as (NULL: none, the
 * family's general advice).
 */
GPtrArray        *_lc_diagnosis_rank_candidates      (LcDiagnosis       *self,
                                                      LcKnownSignal    **out_known_signal,
                                                      gboolean          *out_matched_exactly);
/* lc-diagnosis-explain.c: why @candidate fits, in whole sentences. */
char             *_lc_diagnosis_dup_explanation      (LcDiagnosis       *self,
                                                      const LcCandidate *candidate);

/* lc-diagnosis-cause.c */
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
