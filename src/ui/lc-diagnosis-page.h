/* lc-diagnosis-page.h — what the light means: ranked causes, or "this is normal"
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-diagnosis.h"

G_BEGIN_DECLS

#define LC_TYPE_DIAGNOSIS_PAGE (lc_diagnosis_page_get_type ())

G_DECLARE_FINAL_TYPE (LcDiagnosisPage, lc_diagnosis_page, LC, DIAGNOSIS_PAGE, GtkWidget)

GtkWidget   *lc_diagnosis_page_new           (void);

/* NULL shows an empty state. */
LcDiagnosis *lc_diagnosis_page_get_diagnosis (LcDiagnosisPage *self);
void         lc_diagnosis_page_set_diagnosis (LcDiagnosisPage *self,
                                              LcDiagnosis     *diagnosis);

G_END_DECLS
