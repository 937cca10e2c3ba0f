/* lc-camera-private.h — how a camera becomes a GStreamer element
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gst/gst.h>

#include "lc-camera.h"

G_BEGIN_DECLS

LcCamera   *_lc_camera_new_for_device     (GstDevice  *device);
/* @pipewire_fd is duplicated; @device (from the PipeWire provider opened on
 * that fd) may be NULL, then the portal's default camera is used.
 */
LcCamera   *_lc_camera_new_for_portal     (int         pipewire_fd,
                                           GstDevice  *device);
LcCamera   *_lc_camera_new_for_file       (GFile      *file);

GstDevice  *_lc_camera_get_device         (LcCamera   *self);
GFile      *_lc_camera_get_file           (LcCamera   *self);
void        _lc_camera_set_available      (LcCamera   *self,
                                           gboolean    available);

/* The source element (v4l2src, pipewiresrc, …). Not for LC_CAMERA_KIND_FILE. */
GstElement *_lc_camera_create_element     (LcCamera   *self,
                                           GError    **error);

/* The /dev/videoN path when the camera is driven by v4l2src, else NULL. */
char       *_lc_camera_dup_v4l2_path      (LcCamera   *self);

/* The stable id of @device, as lc_camera_get_id() would give it. */
char       *_lc_camera_dup_device_id      (GstDevice  *device);

G_END_DECLS
