/* lc-camera-monitor.h — the cameras there are, followed as they come and go
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lc-camera.h"

G_BEGIN_DECLS

/* libportal's XdpParent (make one with xdp_parent_new_gtk()). Only passed
 * through, so this header needs neither libportal nor GTK.
 */
struct _XdpParent;

#define LC_TYPE_CAMERA_MONITOR (lc_camera_monitor_get_type ())

G_DECLARE_FINAL_TYPE (LcCameraMonitor, lc_camera_monitor, LC, CAMERA_MONITOR, GObject)

LcCameraMonitor *lc_camera_monitor_new            (void);

/* Finds the cameras and keeps following them:
 * - LIGHTCODE_CAMERA=FILE set: one test camera that plays FILE in real time;
 * - inside Flatpak (or LIGHTCODE_CAMERA_PORTAL=1): asks the camera portal for access (a dialog may show;
 *   @parent may be NULL), then lists the cameras PipeWire gives us. Fails
 *   with LC_VIDEO_SOURCE_ERROR_PERMISSION_DENIED when refused and
 *   LC_VIDEO_SOURCE_ERROR_NOT_FOUND when the system has no camera;
 * - otherwise: GstDeviceMonitor "Video/Source", hot-plug followed.
 * Succeeding with no camera at all is possible (outside Flatpak, one may
 * be plugged in later): look at the list.
 */
void             lc_camera_monitor_start          (LcCameraMonitor      *self,
                                                   struct _XdpParent    *parent,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean         lc_camera_monitor_start_finish   (LcCameraMonitor      *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
/* Stops following hot-plug; the list stays as it was. */
void             lc_camera_monitor_stop           (LcCameraMonitor      *self);

/* A GListModel of LcCamera, in the order they were found. */
GListModel      *lc_camera_monitor_get_cameras    (LcCameraMonitor      *self);
/* The camera with that id (see lc_camera_get_id()), or NULL. */
LcCamera        *lc_camera_monitor_find           (LcCameraMonitor      *self,
                                                   const char           *id);

/* TRUE inside Flatpak, where only the portal gives a camera, and when
 * LIGHTCODE_CAMERA_PORTAL=1 asks for that same portal path outside it.
 */
gboolean         lc_camera_monitor_is_sandboxed   (void);

G_END_DECLS
