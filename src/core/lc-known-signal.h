/* lc-known-signal.h — a signal with a documented meaning
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lc-cause-ref.h"
#include "lc-provenance.h"
#include "lc-signal.h"

G_BEGIN_DECLS

#define LC_TYPE_KNOWN_SIGNAL (lc_known_signal_get_type ())

G_DECLARE_FINAL_TYPE (LcKnownSignal, lc_known_signal, LC, KNOWN_SIGNAL, GObject)

const LcSignal     *lc_known_signal_get_signal        (LcKnownSignal *self);
const char         *lc_known_signal_get_signal_text   (LcKnownSignal *self); /* canonical text form */
/* Context ids in which this meaning is reported; "any" when it is not tied
 * to a moment. Never empty.
 */
const char * const *lc_known_signal_get_contexts      (LcKnownSignal *self);
gboolean            lc_known_signal_has_context       (LcKnownSignal *self,
                                                       const char    *context_id);
const char         *lc_known_signal_get_title         (LcKnownSignal *self); /* short meaning, translated */
const char         *lc_known_signal_get_explanation   (LcKnownSignal *self); /* translated */
gboolean            lc_known_signal_is_normal         (LcKnownSignal *self);
LcProvenance       *lc_known_signal_get_provenance    (LcKnownSignal *self);
/* TRUE when it comes from the general advice for the whole family rather
 * than from a chart or report about this very model.
 */
gboolean            lc_known_signal_is_family_advice  (LcKnownSignal *self);

/* Causes, most likely first (by base weight). */
guint               lc_known_signal_get_n_causes      (LcKnownSignal *self);
const LcCauseRef   *lc_known_signal_get_cause         (LcKnownSignal *self,
                                                       guint          index);

/* When another source gives a different meaning: that meaning, said
 * plainly (translated), and its source. Both NULL when sources agree.
 */
const char         *lc_known_signal_get_disagreement            (LcKnownSignal *self);
LcProvenance       *lc_known_signal_get_disagreement_provenance (LcKnownSignal *self);

G_END_DECLS
