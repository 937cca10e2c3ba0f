/* lc-cause-ref.h — a weighted pointer from a signal (or a family) to a cause
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lc-provenance.h"

G_BEGIN_DECLS

/* Owned by the known signal or family that holds it; lives as long as the
 * LcKnowledge it came from.
 */
typedef struct _LcCauseRef LcCauseRef;

const char   *lc_cause_ref_get_cause_id   (const LcCauseRef *ref);
/* Weight in [0, 1] for @context_id (NULL or "any": the base weight). A
 * context without its own weight falls back to the base weight.
 */
double        lc_cause_ref_get_weight     (const LcCauseRef *ref,
                                           const char       *context_id);
gboolean      lc_cause_ref_has_context_weight (const LcCauseRef *ref,
                                               const char       *context_id);
/* Never NULL: the ref's own source, or that of the signal holding it. */
LcProvenance *lc_cause_ref_get_provenance (const LcCauseRef *ref);

G_END_DECLS
