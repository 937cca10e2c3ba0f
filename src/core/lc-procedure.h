/* lc-procedure.h — a fix, as ordered steps
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lc-device.h"
#include "lc-provenance.h"
#include "lc-step.h"

G_BEGIN_DECLS

#define LC_TYPE_PROCEDURE (lc_procedure_get_type ())

G_DECLARE_FINAL_TYPE (LcProcedure, lc_procedure, LC, PROCEDURE, GObject)

const char          *lc_procedure_get_id            (LcProcedure *self);
const char          *lc_procedure_get_title         (LcProcedure *self); /* translated */
LcProvenance        *lc_procedure_get_provenance    (LcProcedure *self);
/* Family and device ids it is written for; both empty = every device. */
const char * const  *lc_procedure_get_families      (LcProcedure *self);
const char * const  *lc_procedure_get_devices       (LcProcedure *self);
gboolean             lc_procedure_applies_to        (LcProcedure *self,
                                                     LcDevice    *device);
/* GListModel of LcStep, in order; never empty. */
GListModel          *lc_procedure_get_steps         (LcProcedure *self);
guint                lc_procedure_get_n_steps       (LcProcedure *self);
LcStep              *lc_procedure_get_step          (LcProcedure *self,
                                                     guint        index);
/* When to stop and contact support (translated). */
const char          *lc_procedure_get_support_text  (LcProcedure *self);
/* Where sources disagree about this procedure (translated); may be NULL. */
const char          *lc_procedure_get_disagreement  (LcProcedure *self);

G_END_DECLS
