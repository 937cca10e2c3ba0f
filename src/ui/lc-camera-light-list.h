/* lc-camera-light-list.h — the lights the camera page sees, each with its timeline
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-led-detector.h"
#include "lc-video-source.h"

G_BEGIN_DECLS

#define LC_TYPE_CAMERA_LIGHT_LIST (lc_camera_light_list_get_type ())

G_DECLARE_FINAL_TYPE (LcCameraLightList, lc_camera_light_list, LC, CAMERA_LIGHT_LIST, GtkWidget)

GtkWidget *lc_camera_light_list_new               (void);
/* One numbered row per light of @detection, in the order the lights were
 * first seen, so rows stay put while the detector re-ranks them. Fills
 * @ordered (may be NULL) with @detection's lights in row order, for the
 * preview's numbered rings. Hidden while there is no light.
 */
void       lc_camera_light_list_set_detection     (LcCameraLightList *self,
                                                   const LcDetection *detection,
                                                   gboolean           confirmed,
                                                   gboolean           finished,
                                                   LcDetection       *ordered);
/* Each row's strip: @source's recent runs for its light, ending at the
 * last run (or at @now_ns for a light with none).
 */
void       lc_camera_light_list_update_timelines  (LcCameraLightList *self,
                                                   LcVideoSource     *source,
                                                   gint64             now_ns);
void       lc_camera_light_list_clear             (LcCameraLightList *self);
guint      lc_camera_light_list_get_n_lights      (LcCameraLightList *self);

G_END_DECLS
