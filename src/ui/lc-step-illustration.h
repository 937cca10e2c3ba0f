/* lc-step-illustration.h — a step's picture, rendered crisp at the size shown
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LC_TYPE_STEP_ILLUSTRATION (lc_step_illustration_get_type ())

G_DECLARE_FINAL_TYPE (LcStepIllustration, lc_step_illustration, LC, STEP_ILLUSTRATION, GtkWidget)

/* Widest the picture is shown, in logical pixels. */
#define LC_STEP_ILLUSTRATION_MAX_WIDTH 480

GtkWidget  *lc_step_illustration_new             (void);
/* The illustration name, or NULL for none (the widget then takes no space). */
const char *lc_step_illustration_get_illustration (LcStepIllustration *self);
void        lc_step_illustration_set_illustration (LcStepIllustration *self,
                                                   const char         *name);
/* Tallest the picture is shown (logical pixels; -1: no limit beyond the
 * width's). Short windows keep room for the step's text this way.
 */
int         lc_step_illustration_get_max_height  (LcStepIllustration *self);
void        lc_step_illustration_set_max_height  (LcStepIllustration *self,
                                                  int                 max_height);
/* The texture last drawn (for tests); NULL before the first draw. */
GdkTexture *lc_step_illustration_get_texture     (LcStepIllustration *self);

G_END_DECLS
