/* lc-video-source.h — plays a video file, the webcam or the sample clip into the LED detector
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lc-camera.h"
#include "lc-vision-enums.h"
#include "lc-led-detector.h"

G_BEGIN_DECLS

#define LC_VIDEO_SOURCE_ERROR (lc_video_source_error_quark ())
GQuark lc_video_source_error_quark (void);

/* Every error a source (or the camera monitor) reports is in this domain;
 * messages are translated and meant to be shown as they are.
 */
typedef enum
{
  LC_VIDEO_SOURCE_ERROR_FAILED = 0,        /* anything else */
  LC_VIDEO_SOURCE_ERROR_NOT_FOUND,         /* no camera, missing file */
  LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,         /* not a video, unreadable, truncated or corrupt */
  LC_VIDEO_SOURCE_ERROR_NO_CODEC,          /* no decoder for its format (named in the message) */
  LC_VIDEO_SOURCE_ERROR_BUSY,              /* the camera is used by another application */
  LC_VIDEO_SOURCE_ERROR_DISCONNECTED,      /* the camera went away while in use */
  LC_VIDEO_SOURCE_ERROR_PERMISSION_DENIED, /* the camera portal refused access */
  LC_VIDEO_SOURCE_ERROR_TOO_LARGE,         /* over LC_VIDEO_SOURCE_MAX_* (files analysed off-line) */
} LcVideoSourceError;

typedef enum
{
  LC_VIDEO_SOURCE_STATE_IDLE = 0, /* not started, or stopped */
  LC_VIDEO_SOURCE_STATE_STARTING, /* pipeline built, waiting for pictures */
  LC_VIDEO_SOURCE_STATE_RUNNING,  /* frames are flowing */
  LC_VIDEO_SOURCE_STATE_FINISHED, /* the end of the file was reached */
  LC_VIDEO_SOURCE_STATE_FAILED,   /* see lc_video_source_get_error() */
} LcVideoSourceState;


/* Frames reach the detector at most this many pixels wide and high
 * (downscaled, aspect kept, when larger: 4K becomes 1080p); smaller videos
 * are analysed as they are, in their decoder's own format when the
 * detector reads it (I420, NV12, 4:2:2, 4:4:4, YUY2, RGB, …). Scaling
 * 1080p down to 720p cost more than the detector saved on the smaller
 * frames, which it pools anyway.
 */
#define LC_VIDEO_SOURCE_ANALYSIS_MAX_SIZE 1920
/* Limits for a file analysed as fast as it decodes (not played live), so
 * that it gets a message instead of a run of many minutes:
 * - 300 s: a status light repeats its pattern within about 10 s, and the
 *   detector keeps only the last minute or so; five minutes of 1080p
 *   H.264 already take about 100 s to decode here (11 ms a frame).
 * - 7680×4320 (8K), the largest phones film: a larger frame is over
 *   50 MB decoded, and is scaled to 1920 pixels anyway.
 */
#define LC_VIDEO_SOURCE_MAX_SECONDS 300
#define LC_VIDEO_SOURCE_MAX_WIDTH   7680
#define LC_VIDEO_SOURCE_MAX_HEIGHT  4320
/* Preview frames are RGBA, at most this many pixels wide and high. */
#define LC_VIDEO_SOURCE_PREVIEW_MAX_SIZE  960

#define LC_TYPE_VIDEO_SOURCE (lc_video_source_get_type ())

G_DECLARE_FINAL_TYPE (LcVideoSource, lc_video_source, LC, VIDEO_SOURCE, GObject)

/* @live: play in real time (as a camera would deliver it) rather than as
 * fast as it decodes.
 */
LcVideoSource      *lc_video_source_new_for_file       (GFile          *file,
                                                        gboolean        live);
/* A file camera (LIGHTCODE_CAMERA) plays its file in real time. */
LcVideoSource      *lc_video_source_new_for_camera     (LcCamera       *camera);
/* The bundled sample clip, in real time. Fails with NOT_FOUND on start if
 * the clip is not installed.
 */
LcVideoSource      *lc_video_source_new_for_sample     (void);

/* Where the sample clip is: only $LIGHTCODE_SAMPLE_DIR when it is set;
 * otherwise the build-time SAMPLE_DIR, $XDG_DATA_DIRS/lightcode/samples,
 * then the source tree (uninstalled runs). NULL with NOT_FOUND if absent.
 */
GFile              *lc_video_source_find_sample_clip   (GError        **error);

/* Whether preview frames are produced (default TRUE). Set it before start:
 * `lightcode analyze` turns it off.
 */
void                lc_video_source_set_preview_enabled (LcVideoSource *self,
                                                         gboolean       enabled);
gboolean            lc_video_source_get_preview_enabled (LcVideoSource *self);

/* The largest preview frame wanted, in pixels: the size it is drawn at on
 * screen, so that no more is converted than is shown. 0 (the default) is
 * LC_VIDEO_SOURCE_PREVIEW_MAX_SIZE, which also caps it. Frames keep their
 * aspect ratio and are never scaled up. May change while running.
 */
void                lc_video_source_set_preview_size   (LcVideoSource *self,
                                                        int            width,
                                                        int            height);

/* Whether a V4L2 webcam is set to manual exposure (10 ms, or 8.3 ms on
 * 60 Hz mains), fixed white balance, the mains frequency and a fixed frame
 * rate while watched, and put back as it was afterwards (default FALSE).
 * The picture gets darker, the light steadier. No effect on PipeWire or
 * portal cameras, which have no such controls. Set it before start.
 */
void                lc_video_source_set_steady_camera   (LcVideoSource *self,
                                                         gboolean       steady);
gboolean            lc_video_source_get_steady_camera   (LcVideoSource *self);

/* Builds and starts the pipeline. Everything that follows, failures
 * included, arrives as signals on the main context that was the thread
 * default when start was called: "error" may be emitted before this
 * returns. Starting again after stop, finish or failure begins afresh.
 */
void                lc_video_source_start              (LcVideoSource  *self);
/* Tears the pipeline down completely: no streaming thread is left and no
 * signal of the stopped run is emitted afterwards. The last detection stays
 * readable. A running source goes back to IDLE; FINISHED and FAILED stay.
 */
void                lc_video_source_stop               (LcVideoSource  *self);
/* Plays the source without preview, as fast as it is delivered, until it
 * ends or fails, and stops it: `lightcode analyze` and the trace tool.
 * The source's signals are emitted meanwhile. Returns FALSE with the
 * source's error (LC_VIDEO_SOURCE_ERROR) when it could not be read.
 */
gboolean            lc_video_source_play_to_end        (LcVideoSource  *self,
                                                        GError        **error);

LcVideoSourceState  lc_video_source_get_state          (LcVideoSource  *self);
/* The error that made the state FAILED, else NULL. */
const GError       *lc_video_source_get_error          (LcVideoSource  *self);
/* A short name for what is played: the file name or the camera's name. */
const char         *lc_video_source_get_title          (LcVideoSource  *self);
/* The file played, or NULL for a real camera. */
GFile              *lc_video_source_get_file           (LcVideoSource  *self);

/* The latest detection (copied out). Safe to call at any time. */
void                lc_video_source_get_detection      (LcVideoSource  *self,
                                                        LcDetection    *out_detection);
/* The timeline of one light (see lc_led_detector_dup_timeline()). */
LcLedRun           *lc_video_source_dup_timeline       (LcVideoSource  *self,
                                                        guint           led_id,
                                                        guint          *out_n_runs);
/* Passes a click on the preview to the detector (see lc_led_detector_select()). */
gboolean            lc_video_source_select             (LcVideoSource  *self,
                                                        double          x,
                                                        double          y);
void                lc_video_source_clear_selection    (LcVideoSource  *self);

/* What the device in view can show (see lc_led_detector_set_prior());
 * NULL for none. Starts the reading over.
 */
void                lc_video_source_set_led_prior      (LcVideoSource    *self,
                                                        const LcLedPrior *prior);

/* Frames handed to the detector in this run, and the media time they cover
 * (from the first frame's timestamp to the end of the last frame).
 */
guint               lc_video_source_get_n_frames       (LcVideoSource  *self);
double              lc_video_source_get_frame_rate (LcVideoSource *self);
double              lc_video_source_get_duration       (LcVideoSource  *self);

/* Signals, all emitted on the main context (see lc_video_source_start()):
 *
 * "detection-changed" (const LcDetection *detection): the reading changed;
 *     @detection is a copy valid during the emission.
 * "preview-frame" (GBytes *pixels, int width, int height, int stride,
 *     gint64 pts_ns): an RGBA frame (GDK_MEMORY_R8G8B8A8). Frames are
 *     dropped while one is still being delivered, never queued.
 * "error" (GError *error): the source failed; state is then FAILED.
 * "eos": the file ended; the final detection has been delivered.
 */

G_END_DECLS
