/* lc-camera-preview-private.h — what the preview's picture and its rings share
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lc-camera-preview.h"
#include "lc-latency-log.h"

G_BEGIN_DECLS

struct _LcCameraPreview
{
  GtkWidget      parent_instance;

  /* The latest frame, not drawn yet */
  GBytes        *pending;
  int            pending_width;
  int            pending_height;
  int            pending_stride;
  gint64         pending_pts;
  gint64         pending_arrival_us;

  /* What is shown */
  GdkTexture    *texture;
  int            frame_width;
  int            frame_height;
  double         mean_brightness;

  /* The rings (lc-camera-preview-rings.c) */
  LcDetectedLed  leds[LC_DETECTION_MAX_LEDS];
  guint          n_leds;
  int            focused;         /* ring under keyboard focus, or -1 */
  char          *description;

  guint          received;
  guint          drawn;
  guint          dropped;

  LcLatencyLog  *latency;         /* when LIGHTCODE_DEBUG_LATENCY is set */

  /* The size the picture is drawn at, in device pixels, as last told */
  int            pixel_width;
  int            pixel_height;
  guint          pixel_size_timeout;
};

/* lc-camera-preview.c */
gboolean _lc_camera_preview_get_picture_rect      (LcCameraPreview       *self,
                                                   graphene_rect_t       *out_rect);
void     _lc_camera_preview_emit_light_activated  (LcCameraPreview       *self,
                                                   double                 x,
                                                   double                 y);

/* lc-camera-preview-rings.c */
void     _lc_camera_preview_init_rings            (LcCameraPreview       *self);
void     _lc_camera_preview_clear_rings           (LcCameraPreview       *self);
void     _lc_camera_preview_append_rings          (LcCameraPreview       *self,
                                                   GtkSnapshot           *snapshot,
                                                   const graphene_rect_t *picture);

G_END_DECLS
