/* lc-camera-preview.h — the live picture, with each detected light ringed
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-led-detector.h"

G_BEGIN_DECLS

#define LC_TYPE_CAMERA_PREVIEW (lc_camera_preview_get_type ())

G_DECLARE_FINAL_TYPE (LcCameraPreview, lc_camera_preview, LC, CAMERA_PREVIEW, GtkWidget)

GtkWidget *lc_camera_preview_new                 (void);

/* Shows an RGBA frame (GDK_MEMORY_R8G8B8A8) scaled to fit. Only the latest
 * frame is kept: one that arrives before the previous was drawn replaces it
 * (counted as dropped). @pts_ns is the frame's timestamp, for the latency
 * log (LIGHTCODE_DEBUG_LATENCY=1).
 */
void       lc_camera_preview_set_frame           (LcCameraPreview   *self,
                                                  GBytes            *pixels,
                                                  int                width,
                                                  int                height,
                                                  int                stride,
                                                  gint64             pts_ns);
/* Forgets the picture and the lights. */
void       lc_camera_preview_clear               (LcCameraPreview   *self);
gboolean   lc_camera_preview_has_frame           (LcCameraPreview   *self);

/* The lights to ring (NULL: none). The selected one is emphasised. */
void       lc_camera_preview_set_detection       (LcCameraPreview   *self,
                                                  const LcDetection *detection);
guint      lc_camera_preview_get_n_rings         (LcCameraPreview   *self);

/* Mean brightness of the latest frame, 0..1; -1 before the first. */
double     lc_camera_preview_get_mean_brightness (LcCameraPreview   *self);

/* The size the picture is drawn at, in device pixels (0 × 0 before it is
 * shown), told through notify::pixel-width and notify::pixel-height once
 * a resize has settled.
 */
void       lc_camera_preview_get_pixel_size      (LcCameraPreview   *self,
                                                  int               *out_width,
                                                  int               *out_height);

/* Frames received, drawn, and replaced before they could be drawn. */
void       lc_camera_preview_get_frame_counts    (LcCameraPreview   *self,
                                                  guint             *out_received,
                                                  guint             *out_drawn,
                                                  guint             *out_dropped);

/* "light-activated" (double x, double y): the person clicked the picture
 * (or pressed Enter on a ring) at (@x, @y), 0..1 of the frame; snapped to
 * the center of the ring clicked, if any.
 */

G_END_DECLS
