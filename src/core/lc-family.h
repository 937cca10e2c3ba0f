/* lc-family.h — devices that share drawings, advice and procedures
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lc-cause-ref.h"

G_BEGIN_DECLS

#define LC_TYPE_FAMILY (lc_family_get_type ())

G_DECLARE_FINAL_TYPE (LcFamily, lc_family, LC, FAMILY, GObject)

const char       *lc_family_get_id          (LcFamily *self); /* "battery-camera", … */
const char       *lc_family_get_name        (LcFamily *self); /* translated */
const char       *lc_family_get_description (LcFamily *self); /* translated */
/* General advice: causes to consider when a signal is not known. */
guint             lc_family_get_n_fallback_causes (LcFamily *self);
const LcCauseRef *lc_family_get_fallback_cause    (LcFamily *self,
                                                   guint     index);

G_END_DECLS
