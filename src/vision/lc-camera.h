/* lc-camera.h — one camera the app can watch a status light through
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where the pictures come from. */
typedef enum
{
  LC_CAMERA_KIND_DEVICE = 0, /* a GstDevice from the device monitor (V4L2, PipeWire, libcamera) */
  LC_CAMERA_KIND_PORTAL,     /* PipeWire through the camera portal (inside Flatpak) */
  LC_CAMERA_KIND_FILE,       /* LIGHTCODE_CAMERA=FILE: a video file played in real time */
} LcCameraKind;

#define LC_TYPE_CAMERA (lc_camera_get_type ())

G_DECLARE_FINAL_TYPE (LcCamera, lc_camera, LC, CAMERA, GObject)

/* Stable across runs where the system allows (serial number, bus path, device
 * path, PipeWire node name), so it can be remembered in settings.
 */
const char   *lc_camera_get_id           (LcCamera *self);
/* Human name, e.g. "HD Pro Webcam C920". */
const char   *lc_camera_get_display_name (LcCamera *self);
LcCameraKind  lc_camera_get_kind         (LcCamera *self);
/* FALSE once the camera was unplugged (followed by LcCameraMonitor). */
gboolean      lc_camera_get_available    (LcCamera *self);

G_END_DECLS
