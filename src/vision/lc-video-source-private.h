/* lc-video-source-private.h — what the parts of LcVideoSource share
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LcVideoSource is split along its seams: the object, its runs and its
 * signals (lc-video-source.c); building the pipeline
 * (lc-video-source-pipeline.c); the frames its streaming threads hand on
 * (lc-video-source-frames.c); what went wrong, in words
 * (lc-video-source-errors.c); what its pipeline says on the bus
 * (lc-video-source-bus.c); what it has read so far
 * (lc-video-source-reading.c); and the watchdog and threads that keep a
 * stuck source from holding up the window (lc-video-source-watchdog.c).
 */

#pragma once

#include <gst/gst.h>
#include <gst/video/video.h>

#include "lc-camera.h"
#include "lc-led-detector.h"
#include "lc-v4l2-controls.h"
#include "lc-video-source.h"

G_BEGIN_DECLS

/* With no picture by then, give up rather than wait for ever: decodebin
 * can lose a demuxer's error while it is still plugging it (seen with
 * truncated MP4), and some cameras open but never deliver.
 */
#define FILE_FIRST_FRAME_TIMEOUT_S   10
#define CAMERA_FIRST_FRAME_TIMEOUT_S 15
/* Once running, a source that sends no new frame for this long has
 * stalled (a decoder stuck on damaged data, a camera that stopped).
 * Generous: a file is decoded as fast as it goes, a camera sends at
 * least a few frames a second.
 */
#define STALL_TIMEOUT_S              15
/* How long stopping waits for the pipeline before it leaves it to stop
 * on its own thread.
 */
#define STOP_WAIT_US                 (2 * G_USEC_PER_SEC)
/* Frames, then nothing for this long: every frame of a GIF has been read. */
#define GIF_END_TIMEOUT_S            2
/* Frame intervals kept for the median frame rate: an hour at 30 fps. */
#define MAX_INTERVALS                108000
/* A stream whose first frame is stamped past this (about 3 days) is
 * moved back to 0: no recording starts there, and times near 2^62 ns
 * leave the detector's arithmetic no room.
 */
#define FAR_PTS_NS                   (G_GINT64_CONSTANT (1) << 48)
/* A GIF frame with no delay is shown for 0.1 s by browsers; do the same. */
#define GIF_DEFAULT_FRAME_NS         (GST_SECOND / 10)
#define NO_VIDEO_MESSAGE "lightcode-no-video"
#define TOO_LARGE_MESSAGE "lightcode-too-large"
#define TOO_LONG_MESSAGE "lightcode-too-long"

struct _LcVideoSource
{
  GObject             parent_instance;

  /* What is played */
  GFile              *file;
  LcCamera           *camera;
  gboolean            is_sample;
  gboolean            live;
  gboolean            preview_enabled;
  int                 preview_width;   /* 0: LC_VIDEO_SOURCE_PREVIEW_MAX_SIZE */
  int                 preview_height;
  gboolean            steady_camera;
  char               *title;

  /* The current run; main context only */
  GMainContext       *context;
  GstElement         *pipeline;
  GstElement         *head;            /* where decodebin's video pad goes */
  GSource            *bus_source;
  GSource            *watchdog;        /* ticks each second while it plays */
  gulong              camera_notify_id;
  gboolean            start_pending;   /* being started on its own thread, no picture yet */
  GThread            *start_thread;    /* the thread that started the pipeline */
  LcVideoSourceState  state;
  guint               emitted_serial;  /* the reading ::detection-changed last carried */
  GError             *error;
  char               *missing_codec;   /* from a missing-plugin message */
  LcV4l2Controls     *v4l2_controls;   /* what to put back on the camera */

  /* Read from streaming threads: atomic */
  int                 generation;      /* bumped by start and stop: stale posts are dropped */
  int                 preview_pending;
  int                 have_video_pad;
  int                 is_gif;          /* its decoder gives every frame the same time */
  int                 gif_frames;      /* how many frames the GIF holds; 0 if not known */
  gboolean            length_checked;  /* main context: the declared duration was looked at */

  /* Shared with the analysis thread, under @lock */
  GMutex              lock;
  LcLedDetector      *detector;
  LcDetection         detection;       /* the latest reading */
  guint               posted_serial;
  gboolean            posted_running;
  guint               n_frames;
  gint64              first_pts;
  gint64              last_pts;
  gint64              last_end;
  guint               n_stuck;         /* frames whose time did not move on */
  gint64              pts_base;
  GArray             *intervals;       /* gint64 ns between accepted frames, for the frame rate */        /* subtracted from far-off timestamps, or 0 */
  guint               stall_frames;    /* n_frames at the last stall check */
  guint               stall_ticks;

  /* Analysis thread only */
  GstVideoInfo        analysis_info;
  GstCaps            *analysis_caps;
  gboolean            have_stream_orientation;

  /* Written by the analysis thread, read anywhere: atomic */
  int                 orientation;     /* GstVideoOrientationMethod of the stored frames */
};

/* Something a streaming thread hands to the main context. */
typedef enum
{
  POST_RUNNING,
  POST_DETECTION,
  POST_PREVIEW,
  POST_GIF_END,
} PostKind;

typedef struct
{
  GWeakRef     self;
  int          generation;
  PostKind     kind;
  LcDetection  detection;
  GBytes      *pixels;
  int          width;
  int          height;
  int          stride;
  gint64       pts_ns;
} Post;

static inline gboolean
_lc_video_source_is_camera (LcVideoSource *self)
{
  return self->file == NULL;
}

/* Files analysed off-line have LC_VIDEO_SOURCE_MAX_*; what plays live
 * (the window, a camera) is limited by real time.
 */
static inline gboolean
_lc_video_source_has_limits (LcVideoSource *self)
{
  return self->file != NULL && !self->live;
}

/* lc-video-source.c */
Post          *_lc_video_source_post_new             (LcVideoSource  *self,
                                                      int             generation,
                                                      PostKind        kind);
/* Hands @post (transfer full) to the main context; any thread. */
void           _lc_video_source_post                 (LcVideoSource  *self,
                                                      Post           *post);
void           _lc_video_source_read_detection       (LcVideoSource  *self);
/* Emits ::detection-changed if the detector's answer changed since the last. */
void           _lc_video_source_emit_detection_if_changed (LcVideoSource *self);
/* Runs @func in @context's thread, soon; from any thread. */
void           _lc_video_source_invoke               (GMainContext   *context,
                                                      const char     *static_name,
                                                      GSourceFunc     func,
                                                      gpointer        data,
                                                      GDestroyNotify  notify);

/* @wait: FALSE when a streaming thread may be stuck (a watchdog fired):
 * then the pipeline is stopped on a thread of its own. */
void           _lc_video_source_fail_full            (LcVideoSource  *self,
                                                      gboolean        wait,
                                                      GError         *error);
void           _lc_video_source_finish_full          (LcVideoSource  *self,
                                                      gboolean        wait);
/* Builds the pipeline and starts it playing, once the file checked out. */
void           _lc_video_source_build_and_play       (LcVideoSource  *self);

/* lc-video-source-bus.c */
void           _lc_video_source_watch_bus            (LcVideoSource  *self);
/* After the pipeline refused to go to PLAYING. */
void           _lc_video_source_fail_to_start        (LcVideoSource  *self);

/* lc-video-source-errors.c: every GError is LC_VIDEO_SOURCE_ERROR. */
GError        *_lc_video_source_error_disconnected   (void);
GError        *_lc_video_source_error_no_codec       (LcVideoSource  *self);
GError        *_lc_video_source_error_from_gst       (LcVideoSource  *self,
                                                      const GError   *gst_error,
                                                      const char     *debug);
/* Our own application messages (too large, too long, no video); NULL for others. */
GError        *_lc_video_source_error_from_app_message (LcVideoSource *self,
                                                        GstMessage    *message);
GError        *_lc_video_source_error_too_long       (LcVideoSource  *self);
/* The pipeline refused to play, and said nothing more. */
GError        *_lc_video_source_error_cannot_start   (LcVideoSource  *self);
/* What is wrong with a source that ended; NULL when the end is a good one. */
GError        *_lc_video_source_error_at_end         (LcVideoSource  *self,
                                                      guint           n_frames,
                                                      guint           n_stuck,
                                                      gint64          decoded_ns,
                                                      gint64          declared_ns);
/* No first frame in time (still opening, for a camera started on a thread). */
GError        *_lc_video_source_error_no_picture     (LcVideoSource  *self);
GError        *_lc_video_source_error_stalled        (LcVideoSource  *self,
                                                      double          played_seconds);
/* Refuses what is not a regular file before anything opens it. Any
 * thread: it may wait on a network file.
 */
gboolean       _lc_video_source_check_file           (GFile          *file,
                                                      const char     *title,
                                                      gboolean        is_sample,
                                                      GError        **error);

/* lc-video-source-watchdog.c */
/* Stops self->pipeline on a thread of its own and waits for it up to
 * @wait_us; after that (or at once with 0) only that thread waits, and
 * keeps the source alive until the pipeline is stopped.
 */
void           _lc_video_source_stop_pipeline        (LcVideoSource  *self,
                                                      gint64          wait_us);
void           _lc_video_source_start_watchdog       (LcVideoSource  *self);
void           _lc_video_source_start_pipeline_in_thread (LcVideoSource *self);
/* Checks self->file on a thread of its own, then goes on with
 * _lc_video_source_build_and_play() in the main context, or fails.
 */
void           _lc_video_source_check_file_in_thread (LcVideoSource  *self);

/* lc-video-source-frames.c */
GstCaps       *_lc_video_source_make_analysis_caps   (void);
/* Connects @sink (an appsink) to the detector, or to "preview-frame". */
void           _lc_video_source_take_analysis_frames (LcVideoSource  *self,
                                                      GstElement     *sink);
void           _lc_video_source_take_preview_frames  (LcVideoSource  *self,
                                                      GstElement     *sink);

/* lc-video-source-pipeline.c */
/* Builds self->pipeline (and self->head) for the source played. */
gboolean       _lc_video_source_build_pipeline       (LcVideoSource  *self,
                                                      GError        **error);
/* Whether @file starts like a GIF, and how many frames it holds (0 when
 * its blocks cannot be walked to the end); any thread.
 */
gboolean       _lc_video_source_file_is_gif          (GFile          *file,
                                                      guint          *out_n_frames);
/* The preview's caps for self->preview_width × self->preview_height. */
GstCaps       *_lc_video_source_make_preview_caps    (LcVideoSource  *self);

G_END_DECLS
