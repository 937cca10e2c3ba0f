/* lc-camera-page.h — watch the light: webcam, video file or sample, read live
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-signal.h"
#include "lc-video-source.h"

G_BEGIN_DECLS

/* What the page shows (its "view" property). */
#define LC_CAMERA_VIEW_CHOOSE    "choose"    /* pick webcam, video or sample */
#define LC_CAMERA_VIEW_WATCHING  "watching"  /* preview, timeline, status line */
#define LC_CAMERA_VIEW_NO_CAMERA "no-camera"
#define LC_CAMERA_VIEW_DENIED    "denied"    /* camera access refused */
#define LC_CAMERA_VIEW_BUSY      "busy"      /* camera used by another application */
#define LC_CAMERA_VIEW_BAD_FILE  "bad-file"  /* unreadable, not a video, no decoder */
#define LC_CAMERA_VIEW_NO_LIGHT  "no-light"  /* the whole video and no light in it */
#define LC_CAMERA_VIEW_FAILED    "failed"    /* anything else */

#define LC_TYPE_CAMERA_PAGE (lc_camera_page_get_type ())

G_DECLARE_FINAL_TYPE (LcCameraPage, lc_camera_page, LC, CAMERA_PAGE, GtkWidget)

GtkWidget     *lc_camera_page_new           (void);

/* Starts watching: the webcam (the one chosen on the page, else the one
 * used last, else the first; asks the camera portal inside Flatpak), a
 * video file in real time, or the sample clip. Whatever was watched before
 * stops. Failures show their own view.
 */
void           lc_camera_page_start_webcam  (LcCameraPage *self);
void           lc_camera_page_open_file     (LcCameraPage *self,
                                             GFile        *file);
void           lc_camera_page_start_sample  (LcCameraPage *self);
/* Stops watching and shows the choice; the last reading is kept. */
void           lc_camera_page_stop          (LcCameraPage *self);

/* One of the LC_CAMERA_VIEW_* names. */
const char    *lc_camera_page_get_view      (LcCameraPage *self);
/* The status line in words ("Looking for a light…", "Red light: …"). */
const char    *lc_camera_page_get_status    (LcCameraPage *self);
/* The last confirmed reading as told to screen readers, or NULL. */
const char    *lc_camera_page_get_announcement (LcCameraPage *self);

/* The latest reading (kept after stopping). Returns FALSE when no light was
 * read. @out_confidence is 0..1.
 */
gboolean       lc_camera_page_get_reading   (LcCameraPage *self,
                                             LcSignal     *out_signal,
                                             double       *out_confidence,
                                             gboolean     *out_confirmed);

void           lc_camera_page_set_device_id (LcCameraPage *self,
                                             const char   *device_id);

/* The source being watched, or NULL (for tests). */
LcVideoSource *lc_camera_page_get_source    (LcCameraPage *self);
gboolean       lc_camera_page_get_led_prior (LcCameraPage *self,
                                             LcLedPrior   *out_prior);

G_END_DECLS
