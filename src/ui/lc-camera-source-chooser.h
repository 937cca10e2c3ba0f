/* lc-camera-source-chooser.h — the camera page's choice: webcam, video or sample
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-reading.h"
#include "lc-webcam-list.h"

G_BEGIN_DECLS

#define LC_TYPE_CAMERA_SOURCE_CHOOSER (lc_camera_source_chooser_get_type ())

G_DECLARE_FINAL_TYPE (LcCameraSourceChooser, lc_camera_source_chooser, LC, CAMERA_SOURCE_CHOOSER, GtkWidget)

GtkWidget *lc_camera_source_chooser_new         (void);

/* The webcams to offer; their rows follow the list as it changes. */
void       lc_camera_source_chooser_set_webcams (LcCameraSourceChooser *self,
                                                 LcWebcamList          *webcams);
/* The webcam chosen in the row under "Use the Webcam", or NULL when
 * there is no choice to make (one webcam or none).
 */
LcCamera  *lc_camera_source_chooser_get_camera  (LcCameraSourceChooser *self);
/* Offers @reading (NULL: none) as the last reading, with a button to use
 * it (the actions camera.use and camera.use-unconfirmed).
 */
void       lc_camera_source_chooser_set_reading (LcCameraSourceChooser *self,
                                                 LcReading             *reading);

G_END_DECLS
