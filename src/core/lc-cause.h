/* lc-cause.h — why a light may be doing what it does
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LC_TYPE_CAUSE (lc_cause_get_type ())

G_DECLARE_FINAL_TYPE (LcCause, lc_cause, LC, CAUSE, GObject)

const char          *lc_cause_get_id            (LcCause *self);
const char          *lc_cause_get_title         (LcCause *self); /* translated */
const char          *lc_cause_get_explanation   (LcCause *self); /* translated */
/* TRUE for causes that need no fixing ("normal", …): may have no procedures. */
gboolean             lc_cause_is_normal         (LcCause *self);
/* Procedure ids in the order to try them. Not every procedure fits every
 * device: see lc_knowledge_list_procedures_for_cause().
 */
const char * const  *lc_cause_get_procedure_ids (LcCause *self);

G_END_DECLS
