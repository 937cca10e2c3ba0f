/* lc-support-summary.h — a plain-text report to hand to Blink support
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lc-diagnosis.h"
#include "lc-fix-session.h"

G_BEGIN_DECLS

/* Translated plain text (labels translated, ids and signal text not):
 * app and version, date and time, device, what was seen (signal text and
 * words), how it was identified, the moment, the causes considered with
 * their likelihood, each procedure tried with each step done / skipped /
 * not done and its result, and the outcome.
 *
 * @now: the time to print; NULL for the current local time.
 */
char *lc_support_summary_for_session   (LcFixSession *session,
                                        GDateTime    *now);
/* The same when nothing was tried yet. */
char *lc_support_summary_for_diagnosis (LcDiagnosis  *diagnosis,
                                        GDateTime    *now);

G_END_DECLS
