/* lc-diagnosis-json.h — the `diagnose --json` object, also part of `analyze --device --json`
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "lc-diagnosis.h"

G_BEGIN_DECLS

/* The object DESIGN.md describes: device, signal, context, is_normal,
 * known_signal, matched_exactly, meaning, other_likelihood, disagreement
 * (null unless sources disagree) and the ranked causes with their
 * procedures. Likelihoods are rounded to three decimals.
 */
JsonNode *lc_diagnosis_json_build (LcDiagnosis *diagnosis);

G_END_DECLS
