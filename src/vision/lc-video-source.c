/* lc-video-source.c — plays a video file, the webcam or the sample clip into the LED detector
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pipeline per run:
 *
 *   filesrc ! decodebin ! tee                                       (file)
 *   <camera> ! capsfilter ! decodebin ! tee                          (camera)
 *
 *   tee. ! queue ! videoconvertscale ! video/x-raw,<detector format>,≤1920²
 *        ! appsink                        → LcLedDetector, in that streaming thread
 *   tee. ! queue leaky=downstream max-size-buffers=1 ! videoconvertscale
 *        ! video/x-raw,format=RGBA,≤960² ! videoflip video-direction=auto
 *        ! appsink drop=true max-buffers=1
 *                                         → "preview-frame" on the main context
 *
 * The analysis branch never drops: a gap in its timestamps is a real gap in
 * the video. The preview branch drops whatever the UI cannot keep up with.
 * Without preview the tee and its second branch are left out.
 *
 * Phones store portrait video as landscape plus an orientation tag. Only
 * the preview frames are turned (small by then); the detector reads the
 * frames as stored and its answer is turned (lc-orientation.h), which
 * spares the analysis a copy of every full-size frame.
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <gst/video/video.h>

#include "lc-camera-private.h"
#include "lc-orientation.h"
#include "lc-v4l2-controls.h"
#include "lc-video-source.h"

#define SAMPLE_CLIP_NAME "red-burst-6.webm"
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
/* A GIF frame with no delay is shown for 0.1 s by browsers; do the same. */
#define GIF_END_TIMEOUT_S            2
/* Frame intervals kept for the median frame rate: an hour at 30 fps. */
#define MAX_INTERVALS                108000
/* A stream whose first frame is stamped past this (about 3 days) is
 * moved back to 0: no recording starts there, and times near 2^62 ns
 * leave the detector's arithmetic no room.
 */
#define FAR_PTS_NS                   (G_GINT64_CONSTANT (1) << 48)
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
  gboolean            start_pending;   /* a camera pipeline is being started on its own thread */
  LcVideoSourceState  state;
  GError             *error;
  char               *missing_codec;   /* from a missing-plugin message */
  LcV4l2Controls     *v4l2_controls;   /* what to put back on the camera */

  /* Read from streaming threads: atomic */
  int                 generation;      /* bumped by start and stop: stale posts are dropped */
  int                 preview_pending;
  int                 have_video_pad;
  int                 is_gif;          /* its decoder gives every frame the same time */
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

G_DEFINE_FINAL_TYPE (LcVideoSource, lc_video_source, G_TYPE_OBJECT)

G_DEFINE_QUARK (lc-video-source-error-quark, lc_video_source_error)

enum {
  PROP_0,
  PROP_STATE,
  PROP_PREVIEW_ENABLED,
  PROP_STEADY_CAMERA,
  PROP_TITLE,
  N_PROPS
};

enum {
  DETECTION_CHANGED,
  PREVIEW_FRAME,
  ERROR,
  EOS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Something a streaming thread hands to the main context. */
typedef enum
{
  POST_RUNNING,
  POST_DETECTION,
  POST_PREVIEW,
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

static void
post_free (gpointer data)
{
  Post *post = data;

  g_weak_ref_clear (&post->self);
  g_clear_pointer (&post->pixels, g_bytes_unref);
  g_free (post);
}

/* Pixel layouts the detector reads, and the caps that ask for them. */
static const struct {
  GstVideoFormat gst;
  LcPixelFormat  lc;
} pixel_formats[] = {
  { GST_VIDEO_FORMAT_I420,  LC_PIXEL_FORMAT_I420 },
  { GST_VIDEO_FORMAT_NV12,  LC_PIXEL_FORMAT_NV12 },
  { GST_VIDEO_FORMAT_Y42B,  LC_PIXEL_FORMAT_Y42B },
  { GST_VIDEO_FORMAT_Y444,  LC_PIXEL_FORMAT_Y444 },
  { GST_VIDEO_FORMAT_YUY2,  LC_PIXEL_FORMAT_YUY2 },
  { GST_VIDEO_FORMAT_RGB,   LC_PIXEL_FORMAT_RGB24 },
  { GST_VIDEO_FORMAT_BGR,   LC_PIXEL_FORMAT_BGR24 },
  { GST_VIDEO_FORMAT_RGBx,  LC_PIXEL_FORMAT_RGBX },
  { GST_VIDEO_FORMAT_RGBA,  LC_PIXEL_FORMAT_RGBX },
  { GST_VIDEO_FORMAT_BGRx,  LC_PIXEL_FORMAT_BGRX },
  { GST_VIDEO_FORMAT_BGRA,  LC_PIXEL_FORMAT_BGRX },
  { GST_VIDEO_FORMAT_xRGB,  LC_PIXEL_FORMAT_XRGB },
  { GST_VIDEO_FORMAT_ARGB,  LC_PIXEL_FORMAT_XRGB },
  { GST_VIDEO_FORMAT_xBGR,  LC_PIXEL_FORMAT_XBGR },
  { GST_VIDEO_FORMAT_ABGR,  LC_PIXEL_FORMAT_XBGR },
  { GST_VIDEO_FORMAT_GRAY8, LC_PIXEL_FORMAT_GRAY8 },
};

static gboolean
lookup_pixel_format (GstVideoFormat  format,
                     LcPixelFormat  *out_format)
{
  for (guint i = 0; i < G_N_ELEMENTS (pixel_formats); i++)
    {
      if (pixel_formats[i].gst == format)
        {
          *out_format = pixel_formats[i].lc;
          return TRUE;
        }
    }

  return FALSE;
}

static GstCaps *
make_analysis_caps (void)
{
  GValue formats = G_VALUE_INIT;
  GstCaps *caps;

  g_value_init (&formats, GST_TYPE_LIST);
  for (guint i = 0; i < G_N_ELEMENTS (pixel_formats); i++)
    {
      GValue format = G_VALUE_INIT;

      g_value_init (&format, G_TYPE_STRING);
      g_value_set_static_string (&format, gst_video_format_to_string (pixel_formats[i].gst));
      gst_value_list_append_and_take_value (&formats, &format);
    }

  caps = gst_caps_new_simple ("video/x-raw",
                              "width", GST_TYPE_INT_RANGE, 1, LC_VIDEO_SOURCE_ANALYSIS_MAX_SIZE,
                              "height", GST_TYPE_INT_RANGE, 1, LC_VIDEO_SOURCE_ANALYSIS_MAX_SIZE,
                              "pixel-aspect-ratio", GST_TYPE_FRACTION, 1, 1,
                              NULL);
  gst_structure_take_value (gst_caps_get_structure (caps, 0), "format", &formats);

  return caps;
}

/* Main context */

static void
set_state (LcVideoSource      *self,
           LcVideoSourceState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

typedef struct
{
  LcVideoSource  *self;
  GstElement     *pipeline;
  LcV4l2Controls *v4l2_controls;
} Abandoned;

static gpointer
stop_abandoned_pipeline (gpointer data)
{
  Abandoned *abandoned = data;

  gst_element_set_state (abandoned->pipeline, GST_STATE_NULL);
  g_debug ("An abandoned pipeline has stopped");
  gst_object_unref (abandoned->pipeline);
  g_clear_pointer (&abandoned->v4l2_controls, _lc_v4l2_controls_restore_and_free);
  /* The appsink callbacks use the source: it lives until they are gone. */
  g_object_unref (abandoned->self);
  g_free (abandoned);

  return NULL;
}

/* @wait: FALSE when a streaming thread may be stuck (a watchdog fired):
 * then the pipeline is stopped on a thread of its own, and if it never
 * stops, only that thread waits, never the caller.
 */
static void
teardown_full (LcVideoSource *self,
               gboolean       wait)
{
  /* Posts already on their way are ignored from now on. */
  g_atomic_int_inc (&self->generation);

  /* The thread starting the pipeline holds its state lock: stopping it
   * here would wait for that thread, however long the camera takes.
   */
  if (self->start_pending)
    wait = FALSE;
  self->start_pending = FALSE;

  if (self->pipeline != NULL && !wait)
    {
      Abandoned *abandoned = g_new0 (Abandoned, 1);
      g_autoptr(GThread) thread = NULL;

      abandoned->self = g_object_ref (self);
      abandoned->pipeline = g_steal_pointer (&self->pipeline);
      abandoned->v4l2_controls = g_steal_pointer (&self->v4l2_controls);
      thread = g_thread_new ("lc-video-stop", stop_abandoned_pipeline, abandoned);
    }

  if (self->pipeline != NULL)
    {
      /* Joins every streaming thread of the pipeline. */
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      gst_clear_object (&self->pipeline);
    }
  self->head = NULL;

  /* Only now is the device closed, so the camera takes the old values. */
  g_clear_pointer (&self->v4l2_controls, _lc_v4l2_controls_restore_and_free);

  if (self->bus_source != NULL)
    {
      g_source_destroy (self->bus_source);
      g_clear_pointer (&self->bus_source, g_source_unref);
    }

  if (self->watchdog != NULL)
    {
      g_source_destroy (self->watchdog);
      g_clear_pointer (&self->watchdog, g_source_unref);
    }

  if (self->camera_notify_id != 0)
    g_clear_signal_handler (&self->camera_notify_id, self->camera);

  g_atomic_int_set (&self->preview_pending, 0);
}

static void
teardown (LcVideoSource *self)
{
  teardown_full (self, TRUE);
}

static void
fail_full (LcVideoSource *self,
           gboolean       wait,
           GError        *error)
{
  g_assert (error != NULL);
  g_assert (error->domain == LC_VIDEO_SOURCE_ERROR);

  g_debug ("%s: %s", self->title, error->message);

  teardown_full (self, wait);

  g_clear_error (&self->error);
  self->error = error;

  g_object_ref (self);
  set_state (self, LC_VIDEO_SOURCE_STATE_FAILED);
  g_signal_emit (self, signals[ERROR], 0, self->error);
  g_object_unref (self);
}

static void
fail (LcVideoSource *self,
      GError        *error)
{
  fail_full (self, TRUE, error);
}

static gboolean
is_camera (LcVideoSource *self)
{
  return self->file == NULL;
}

static char *
get_missing_codec (LcVideoSource *self)
{
  if (self->missing_codec != NULL)
    return g_strdup (self->missing_codec);

  return g_strdup (_("a video decoder"));
}

/* Turns a GStreamer error into one the user can act on. */
static GError *
map_gst_error (LcVideoSource *self,
               const GError  *gst_error,
               const char    *debug)
{
  gboolean was_running = self->state == LC_VIDEO_SOURCE_STATE_RUNNING;
  g_autofree char *codec = NULL;

  if (g_error_matches (gst_error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN) ||
      g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_CODEC_NOT_FOUND))
    {
      codec = get_missing_codec (self);

      if (is_camera (self))
        return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NO_CODEC,
                            /* Translators: %s is e.g. "H.264 (High Profile) decoder" */
                            _("The camera sends video this system cannot decode: %s is not installed"),
                            codec);

      return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NO_CODEC,
                          /* Translators: the first %s is a file name, the second e.g. "H.265 (Main Profile) decoder" */
                          _("“%s” uses a video format this system cannot decode: %s is not installed"),
                          self->title, codec);
    }

  if (is_camera (self))
    {
      if (g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_BUSY) ||
          (gst_error->domain == GST_RESOURCE_ERROR && debug != NULL &&
           strstr (debug, g_strerror (EBUSY)) != NULL))
        return g_error_new_literal (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_BUSY,
                                    _("The camera is being used by another application"));

      if (g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_NOT_AUTHORIZED))
        return g_error_new_literal (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_PERMISSION_DENIED,
                                    _("Lightcode is not allowed to use the camera"));

      if (was_running && gst_error->domain == GST_RESOURCE_ERROR)
        return g_error_new_literal (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_DISCONNECTED,
                                    _("The camera was disconnected"));

      if (g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_NOT_FOUND))
        return g_error_new_literal (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_FOUND,
                                    _("The camera cannot be found"));

      return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                          _("The camera cannot be used: %s"), gst_error->message);
    }

  if (g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_NOT_FOUND))
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_FOUND,
                        _("The file “%s” does not exist"), self->title);

  if (gst_error->domain == GST_RESOURCE_ERROR)
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                        _("The file “%s” cannot be read"), self->title);

  if (g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_TYPE_NOT_FOUND) ||
      g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_WRONG_TYPE))
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                        _("“%s” is not a video"), self->title);

  /* A flow that could not agree on a format is our problem, not the file's. */
  if (g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_FAILED) &&
      debug != NULL && strstr (debug, "not-negotiated") != NULL)
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                        _("“%s” cannot be played: %s"), self->title, gst_error->message);

  if (gst_error->domain == GST_STREAM_ERROR)
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                        _("“%s” is damaged or incomplete and cannot be played"), self->title);

  return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                      _("“%s” cannot be played: %s"), self->title, gst_error->message);
}

static void
fail_with_gst_message (LcVideoSource *self,
                       GstMessage    *message)
{
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *debug = NULL;

  gst_message_parse_error (message, &gst_error, &debug);
  g_debug ("GStreamer error from %s: %s (%s)",
           GST_OBJECT_NAME (GST_MESSAGE_SRC (message)), gst_error->message,
           debug ? debug : "");

  fail (self, map_gst_error (self, gst_error, debug));
}

/* The detector's answer, turned the way the picture is shown. Under @lock. */
static void
read_detection (LcVideoSource *self)
{
  lc_led_detector_get_detection (self->detector, &self->detection);
  lc_detection_orient (&self->detection, g_atomic_int_get (&self->orientation));
}

static void
emit_detection_if_changed (LcVideoSource *self)
{
  LcDetection detection;
  gboolean changed;

  g_mutex_lock (&self->lock);
  read_detection (self);
  detection = self->detection;
  changed = detection.serial != self->posted_serial;
  self->posted_serial = detection.serial;
  g_mutex_unlock (&self->lock);

  if (changed)
    g_signal_emit (self, signals[DETECTION_CHANGED], 0, &detection);
}

/* @wait: as for teardown_full(). */
static void
finish_full (LcVideoSource *self,
             gboolean       wait)
{
  gint64 declared = -1;
  gint64 decoded;
  guint n_frames;
  guint n_stuck;

  g_mutex_lock (&self->lock);
  n_frames = self->n_frames;
  n_stuck = self->n_stuck;
  decoded = n_frames > 0 ? self->last_end - self->first_pts : 0;
  g_mutex_unlock (&self->lock);

  if (wait && self->pipeline != NULL &&
      !gst_element_query_duration (self->pipeline, GST_FORMAT_TIME, &declared))
    declared = -1;

  /* A camera does not end; when its stream does, it went away. */
  if (is_camera (self))
    {
      fail_full (self, wait, g_error_new_literal (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_DISCONNECTED,
                                       _("The camera was disconnected")));
      return;
    }

  /* A video stream was found but gave no picture: the file ends (or
   * breaks) before its first frame.
   */
  if (n_frames == 0 && g_atomic_int_get (&self->have_video_pad))
    {
      fail_full (self, wait, g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                               _("“%s” is cut short or damaged: it has a video, but no picture in it can be read"),
                               self->title));
      return;
    }

  if (n_frames == 0)
    {
      fail_full (self, wait, g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                               _("“%s” has no video in it"), self->title));
      return;
    }

  /* Frames whose time stands still (or goes back) are refused by the
   * detector; when most are, the file's timing is broken, not its light.
   */
  if (n_stuck > 0 && n_stuck >= n_frames)
    {
      fail_full (self, wait, g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                               /* Translators: %u is a number of video frames */
                               _("“%s” has broken timing: %u of its frames carry a time that does not move on, so its pattern cannot be read"),
                               self->title, n_stuck + n_frames));
      return;
    }

  if (n_frames == 1)
    {
      fail_full (self, wait, g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                               _("“%s” is a still picture: a light’s pattern can only be read from a video"),
                               self->title));
      return;
    }

  /* A file cut short (an interrupted copy, `head -c`) often still plays
   * up to the cut; its header tells how long it should have been.
   */
  if (declared > 0 && decoded + MAX (GST_SECOND, declared / 10) < declared)
    {
      fail_full (self, wait, g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                               _("“%s” is incomplete: only %.1f of its %.1f seconds can be read"),
                               self->title, decoded / (double) GST_SECOND, declared / (double) GST_SECOND));
      return;
    }

  teardown_full (self, wait);

  g_object_ref (self);
  emit_detection_if_changed (self);
  set_state (self, LC_VIDEO_SOURCE_STATE_FINISHED);
  g_signal_emit (self, signals[EOS], 0);
  g_object_unref (self);
}

static void
finish (LcVideoSource *self)
{
  finish_full (self, TRUE);
}

static void
fail_too_long (LcVideoSource *self)
{
  fail (self, g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_TOO_LARGE,
                           /* Translators: “%s” is a file name, %d a number of seconds */
                           _("“%s” is longer than %d seconds, the most that is read: cut out the part that shows the light"),
                           self->title, LC_VIDEO_SOURCE_MAX_SECONDS));
}

static gboolean
bus_message_cb (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  LcVideoSource *self = user_data;

  g_assert (LC_IS_VIDEO_SOURCE (self));

  switch ((int) GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      fail_with_gst_message (self, message);
      break;

    case GST_MESSAGE_EOS:
      finish (self);
      break;

    case GST_MESSAGE_WARNING:
      {
        g_autoptr(GError) warning = NULL;
        g_autofree char *debug = NULL;

        gst_message_parse_warning (message, &warning, &debug);
        g_debug ("GStreamer warning from %s: %s (%s)",
                 GST_OBJECT_NAME (GST_MESSAGE_SRC (message)), warning->message,
                 debug ? debug : "");
      }
      break;

    case GST_MESSAGE_ELEMENT:
      if (gst_is_missing_plugin_message (message))
        {
          g_autofree char *detail = gst_missing_plugin_message_get_installer_detail (message);

          /* Only a missing video decoder matters: audio is never decoded. */
          if (detail == NULL || strstr (detail, "decoder-video/") != NULL ||
              strstr (detail, "decoder-image/") != NULL)
            {
              g_free (self->missing_codec);
              self->missing_codec = gst_missing_plugin_message_get_description (message);
            }
        }
      break;

    case GST_MESSAGE_APPLICATION:
      if (gst_message_has_name (message, TOO_LARGE_MESSAGE))
        {
          const GstStructure *s = gst_message_get_structure (message);
          int width = 0, height = 0;

          gst_structure_get_int (s, "width", &width);
          gst_structure_get_int (s, "height", &height);
          fail (self, g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_TOO_LARGE,
                                   /* Translators: “%s” is a file name, then its size and the largest size read, in pixels */
                                   _("“%s” is %d×%d pixels; videos up to %d×%d are read: film the light at a lower resolution"),
                                   self->title, width, height, LC_VIDEO_SOURCE_MAX_WIDTH, LC_VIDEO_SOURCE_MAX_HEIGHT));
          break;
        }
      if (gst_message_has_name (message, TOO_LONG_MESSAGE))
        {
          fail_too_long (self);
          break;
        }
      if (gst_message_has_name (message, NO_VIDEO_MESSAGE))
        {
          g_autofree char *codec = NULL;

          if (self->missing_codec == NULL)
            {
              fail (self, g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                                       _("“%s” has no video in it"), self->title));
              break;
            }

          codec = get_missing_codec (self);
          if (is_camera (self))
            fail (self, g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NO_CODEC,
                                     _("The camera sends video this system cannot decode: %s is not installed"),
                                     codec));
          else
            fail (self, g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NO_CODEC,
                                     _("“%s” uses a video format this system cannot decode: %s is not installed"),
                                     self->title, codec));
        }
      break;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
dispatch_post (gpointer data)
{
  Post *post = data;
  g_autoptr(LcVideoSource) self = g_weak_ref_get (&post->self);

  if (self == NULL)
    return G_SOURCE_REMOVE;

  if (post->kind == POST_PREVIEW)
    g_atomic_int_set (&self->preview_pending, 0);

  if (post->generation != g_atomic_int_get (&self->generation))
    return G_SOURCE_REMOVE;

  switch (post->kind)
    {
    case POST_RUNNING:
      self->stall_ticks = 0;
      if (self->state == LC_VIDEO_SOURCE_STATE_STARTING)
        set_state (self, LC_VIDEO_SOURCE_STATE_RUNNING);
      break;

    case POST_DETECTION:
      g_signal_emit (self, signals[DETECTION_CHANGED], 0, &post->detection);
      break;

    case POST_PREVIEW:
      g_signal_emit (self, signals[PREVIEW_FRAME], 0,
                     post->pixels, post->width, post->height, post->stride, post->pts_ns);
      break;

    default:
      g_assert_not_reached ();
    }

  return G_SOURCE_REMOVE;
}

/* Any thread */

static Post *
post_new (LcVideoSource *self,
          int            generation,
          PostKind       kind)
{
  Post *post = g_new0 (Post, 1);

  g_weak_ref_init (&post->self, self);
  post->generation = generation;
  post->kind = kind;

  return post;
}

static void
post_to_main (LcVideoSource *self,
              Post          *post)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[lightcode] video source");
  g_source_set_callback (source, dispatch_post, post, post_free);
  g_source_attach (source, self->context);
  g_source_unref (source);
}

/* Files analysed off-line have LC_VIDEO_SOURCE_MAX_*; what plays live
 * (the window, a camera) is limited by real time.
 */
static gboolean
has_limits (LcVideoSource *self)
{
  return self->file != NULL && !self->live;
}

/* Streaming threads */

static GstFlowReturn
analysis_sample_cb (GstAppSink *sink,
                    gpointer    user_data)
{
  LcVideoSource *self = user_data;
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (sink);
  GstBuffer *buffer;
  GstCaps *caps;
  GstVideoMeta *meta;
  GstMapInfo map;
  LcPixelFormat format;
  LcFrame frame = { 0 };
  gsize offsets[3] = { 0 };
  int strides[3] = { 0 };
  gint64 pts;
  gint64 duration;
  gboolean accepted;
  int generation = g_atomic_int_get (&self->generation);

  if (sample == NULL)
    return GST_FLOW_OK;

  buffer = gst_sample_get_buffer (sample);
  caps = gst_sample_get_caps (sample);
  if (buffer == NULL || caps == NULL)
    return GST_FLOW_OK;

  if (self->analysis_caps == NULL || !gst_caps_is_equal (caps, self->analysis_caps))
    {
      if (!gst_video_info_from_caps (&self->analysis_info, caps))
        return GST_FLOW_NOT_NEGOTIATED;
      gst_caps_replace (&self->analysis_caps, caps);
    }

  if (!lookup_pixel_format (GST_VIDEO_INFO_FORMAT (&self->analysis_info), &format))
    return GST_FLOW_NOT_NEGOTIATED;

  meta = gst_buffer_get_video_meta (buffer);
  for (guint i = 0; i < GST_VIDEO_INFO_N_PLANES (&self->analysis_info) && i < 3; i++)
    {
      offsets[i] = meta ? meta->offset[i] : GST_VIDEO_INFO_PLANE_OFFSET (&self->analysis_info, i);
      strides[i] = meta ? meta->stride[i] : GST_VIDEO_INFO_PLANE_STRIDE (&self->analysis_info, i);
    }

  /* One mapping for all planes (merged if the buffer has several memories). */
  if (!gst_buffer_map (buffer, &map, GST_MAP_READ))
    return GST_FLOW_OK;

  /* Timestamps are the only clock that matters to the detector. */
  pts = GST_BUFFER_PTS_IS_VALID (buffer) ? (gint64) GST_BUFFER_PTS (buffer) : -1;
  if (GST_BUFFER_DURATION_IS_VALID (buffer))
    duration = GST_BUFFER_DURATION (buffer);
  else if (GST_VIDEO_INFO_FPS_N (&self->analysis_info) > 0)
    duration = gst_util_uint64_scale_int (GST_SECOND,
                                          GST_VIDEO_INFO_FPS_D (&self->analysis_info),
                                          GST_VIDEO_INFO_FPS_N (&self->analysis_info));
  else
    duration = GST_SECOND / 30;

  g_mutex_lock (&self->lock);

  /* An animated GIF: avdec_gif stamps every frame 0 but keeps each
   * frame's delay as its duration, so the frames are laid end to end.
   */
  if (g_atomic_int_get (&self->is_gif))
    {
      if (!GST_BUFFER_DURATION_IS_VALID (buffer) || duration <= 0)
        duration = GIF_DEFAULT_FRAME_NS;
      pts = self->last_end >= 0 ? self->last_end : 0;
    }

  if (pts < 0)
    pts = self->last_pts >= 0 ? self->last_pts + duration : 0;
  else
    {
      if (self->n_frames == 0 && self->n_stuck == 0)
        self->pts_base = pts >= FAR_PTS_NS ? pts : 0;
      pts = pts >= self->pts_base ? pts - self->pts_base : 0;
    }

  if (self->last_pts >= 0 && pts <= self->last_pts)
    self->n_stuck++;

  if (offsets[0] < map.size)
    {
      frame.data = map.data + offsets[0];
      frame.size = map.size - offsets[0];
      frame.format = format;
      frame.width = GST_VIDEO_INFO_WIDTH (&self->analysis_info);
      frame.height = GST_VIDEO_INFO_HEIGHT (&self->analysis_info);
      frame.stride = strides[0];
      frame.pts_ns = pts;
      /* Planar YUV as decoders give it: no conversion (4:4:4 H.264 in
       * particular would otherwise go through RGB).
       */
      if ((format == LC_PIXEL_FORMAT_I420 || format == LC_PIXEL_FORMAT_Y42B ||
           format == LC_PIXEL_FORMAT_Y444) && offsets[1] >= offsets[0] && offsets[2] >= offsets[0])
        {
          frame.u_offset = offsets[1] - offsets[0];
          frame.v_offset = offsets[2] - offsets[0];
          frame.uv_stride = strides[1];
        }
      else if (format == LC_PIXEL_FORMAT_NV12 && offsets[1] >= offsets[0])
        {
          frame.u_offset = offsets[1] - offsets[0];
          frame.v_offset = frame.u_offset + 1;
          frame.uv_stride = strides[1];
        }
    }

  /* Past the limit, stop here, whatever the file declares. */
  if (has_limits (self) && self->n_frames > 0 &&
      pts - self->first_pts > LC_VIDEO_SOURCE_MAX_SECONDS * GST_SECOND)
    {
      g_mutex_unlock (&self->lock);
      gst_buffer_unmap (buffer, &map);
      gst_element_post_message (GST_ELEMENT (sink),
                                gst_message_new_application (GST_OBJECT (sink),
                                                             gst_structure_new_empty (TOO_LONG_MESSAGE)));
      return GST_FLOW_EOS;
    }

  /* The detector refuses malformed frames and timestamps that go back. */
  accepted = frame.data != NULL && lc_led_detector_push_frame (self->detector, &frame);
  if (accepted)
    {
      if (self->n_frames == 0)
        self->first_pts = pts;
      else if (self->intervals->len < MAX_INTERVALS)
        {
          gint64 interval = pts - self->last_pts;

          g_array_append_val (self->intervals, interval);
        }
      self->n_frames++;
      self->last_pts = pts;
      self->last_end = pts + duration;

      read_detection (self);
      if (self->detection.serial != self->posted_serial)
        {
          Post *post = post_new (self, generation, POST_DETECTION);

          self->posted_serial = self->detection.serial;
          post->detection = self->detection;
          post_to_main (self, post);
        }

      if (!self->posted_running)
        {
          self->posted_running = TRUE;
          post_to_main (self, post_new (self, generation, POST_RUNNING));
        }
    }

  g_mutex_unlock (&self->lock);

  gst_buffer_unmap (buffer, &map);

  return GST_FLOW_OK;
}

/* An orientation for this stream wins over one for the whole file, as in
 * videoflip, which turns the preview the same way.
 */
static GstPadProbeReturn
analysis_event_cb (GstPad          *pad,
                   GstPadProbeInfo *info,
                   gpointer         user_data)
{
  LcVideoSource *self = user_data;
  GstEvent *event = GST_PAD_PROBE_INFO_EVENT (info);
  GstVideoOrientationMethod method;
  GstTagList *tags = NULL;

  if (event == NULL || GST_EVENT_TYPE (event) != GST_EVENT_TAG)
    return GST_PAD_PROBE_OK;

  gst_event_parse_tag (event, &tags);
  if (!lc_orientation_from_tags (tags, &method))
    return GST_PAD_PROBE_OK;

  if (gst_tag_list_get_scope (tags) == GST_TAG_SCOPE_STREAM)
    {
      self->have_stream_orientation = TRUE;
      g_atomic_int_set (&self->orientation, method);
    }
  else if (!self->have_stream_orientation)
    g_atomic_int_set (&self->orientation, method);

  return GST_PAD_PROBE_OK;
}

typedef struct
{
  GstVideoFrame frame;
} PreviewFrame;

static void
preview_frame_free (gpointer data)
{
  PreviewFrame *preview = data;

  gst_video_frame_unmap (&preview->frame);
  g_free (preview);
}

static GstFlowReturn
preview_sample_cb (GstAppSink *sink,
                   gpointer    user_data)
{
  LcVideoSource *self = user_data;
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (sink);
  PreviewFrame *preview;
  GstVideoInfo info;
  GstBuffer *buffer;
  Post *post;
  int generation = g_atomic_int_get (&self->generation);

  if (sample == NULL)
    return GST_FLOW_OK;

  /* Never queue: while the UI has not taken the previous frame, drop. */
  if (!g_atomic_int_compare_and_exchange (&self->preview_pending, 0, 1))
    return GST_FLOW_OK;

  buffer = gst_sample_get_buffer (sample);
  preview = g_new0 (PreviewFrame, 1);
  if (buffer == NULL ||
      !gst_video_info_from_caps (&info, gst_sample_get_caps (sample)) ||
      !gst_video_frame_map (&preview->frame, &info, buffer, GST_MAP_READ))
    {
      g_free (preview);
      g_atomic_int_set (&self->preview_pending, 0);
      return GST_FLOW_OK;
    }

  post = post_new (self, generation, POST_PREVIEW);
  post->width = GST_VIDEO_FRAME_WIDTH (&preview->frame);
  post->height = GST_VIDEO_FRAME_HEIGHT (&preview->frame);
  post->stride = GST_VIDEO_FRAME_PLANE_STRIDE (&preview->frame, 0);
  post->pts_ns = GST_BUFFER_PTS_IS_VALID (buffer) ? (gint64) GST_BUFFER_PTS (buffer) : -1;
  if (post->pts_ns >= 0)
    {
      g_mutex_lock (&self->lock);
      post->pts_ns = MAX (0, post->pts_ns - self->pts_base);
      g_mutex_unlock (&self->lock);
    }
  /* No copy: the bytes keep the buffer mapped until the UI lets go. */
  post->pixels = g_bytes_new_with_free_func (GST_VIDEO_FRAME_PLANE_DATA (&preview->frame, 0),
                                             (gsize) post->stride * post->height,
                                             preview_frame_free, preview);
  post_to_main (self, post);

  return GST_FLOW_OK;
}

static gboolean
is_unwanted_stream (GstCaps *caps)
{
  const GstStructure *s;
  const char *name;

  if (caps == NULL || gst_caps_is_empty (caps) || gst_caps_is_any (caps))
    return FALSE;

  s = gst_caps_get_structure (caps, 0);
  name = gst_structure_get_name (s);

  return g_str_has_prefix (name, "audio/") ||
         g_str_has_prefix (name, "text/") ||
         g_str_has_prefix (name, "subpicture/") ||
         g_str_has_prefix (name, "closedcaption/") ||
         g_str_has_prefix (name, "application/x-subtitle");
}

/* decodebin: leave sound and subtitles encoded (and unlinked) rather than
 * spend time decoding them, or fail on a missing audio decoder.
 */
static gboolean
autoplug_continue_cb (GstElement *decodebin,
                      GstPad     *pad,
                      GstCaps    *caps,
                      gpointer    user_data)
{
  LcVideoSource *self = user_data;

  if (caps != NULL && gst_caps_get_size (caps) > 0 &&
      gst_structure_has_name (gst_caps_get_structure (caps, 0), "image/gif"))
    g_atomic_int_set (&self->is_gif, 1);

  return !is_unwanted_stream (caps);
}

static void
unknown_type_cb (GstElement *decodebin,
                 GstPad     *pad,
                 GstCaps    *caps,
                 gpointer    user_data)
{
  g_autofree char *description = NULL;

  /* The missing-plugin message on the bus names the codec; this is only
   * for the log.
   */
  description = gst_pb_utils_get_codec_description (caps);
  g_debug ("No decoder for %s", description ? description : "an unknown format");
}

/* Whether @decodebin's pipeline is no longer the current run. */
static gboolean
is_stale (LcVideoSource *self,
          GstElement    *decodebin)
{
  int generation = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (decodebin), "lc-generation"));

  return generation != g_atomic_int_get (&self->generation);
}

static void
pad_added_cb (GstElement *decodebin,
              GstPad     *pad,
              gpointer    user_data)
{
  LcVideoSource *self = user_data;
  g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
  g_autoptr(GstPad) sink_pad = NULL;
  const GstStructure *s;

  if (caps == NULL)
    caps = gst_pad_query_caps (pad, NULL);
  if (caps == NULL || gst_caps_is_empty (caps))
    return;

  s = gst_caps_get_structure (caps, 0);
  if (!g_str_equal (gst_structure_get_name (s), "video/x-raw"))
    return;

  /* A pipeline abandoned to a thread of its own may still add pads: they
   * belong to no run, and must not touch the current one.
   */
  if (is_stale (self, decodebin))
    return;

  /* The first video stream only; any other stays unlinked. */
  if (!g_atomic_int_compare_and_exchange (&self->have_video_pad, 0, 1))
    return;

  if (has_limits (self))
    {
      int width = 0, height = 0;

      gst_structure_get_int (s, "width", &width);
      gst_structure_get_int (s, "height", &height);
      if ((width > LC_VIDEO_SOURCE_MAX_WIDTH || height > LC_VIDEO_SOURCE_MAX_HEIGHT) &&
          (width > LC_VIDEO_SOURCE_MAX_HEIGHT || height > LC_VIDEO_SOURCE_MAX_WIDTH))
        {
          gst_element_post_message (decodebin,
                                    gst_message_new_application (GST_OBJECT (decodebin),
                                                                 gst_structure_new (TOO_LARGE_MESSAGE,
                                                                                    "width", G_TYPE_INT, width,
                                                                                    "height", G_TYPE_INT, height,
                                                                                    NULL)));
          return;
        }
    }

  sink_pad = gst_element_get_static_pad (g_object_get_data (G_OBJECT (decodebin), "lc-head"), "sink");
  if (gst_pad_link (pad, sink_pad) != GST_PAD_LINK_OK)
    {
      g_atomic_int_set (&self->have_video_pad, 0);
      GST_ELEMENT_ERROR (decodebin, CORE, NEGOTIATION, (NULL),
                         ("Could not link the video stream"));
    }
}

static void
no_more_pads_cb (GstElement *decodebin,
                 gpointer    user_data)
{
  LcVideoSource *self = user_data;

  if (!is_stale (self, decodebin) && !g_atomic_int_get (&self->have_video_pad))
    gst_element_post_message (decodebin,
                              gst_message_new_application (GST_OBJECT (decodebin),
                                                           gst_structure_new_empty (NO_VIDEO_MESSAGE)));
}

/* Building the pipeline (main context) */

static GstElement *
make_element (const char  *factory,
              const char  *name,
              GError     **error)
{
  GstElement *element = gst_element_factory_make (factory, name);

  if (element == NULL)
    g_set_error (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                 _("The GStreamer element “%s” is not installed"), factory);

  return element;
}

static gboolean
add_and_link (GstBin      *bin,
              GError     **error,
              GstElement  *first,
              ...)
{
  GstElement *element = first;
  GstElement *previous = NULL;
  va_list args;
  gboolean ok = TRUE;

  va_start (args, first);
  while (element != NULL)
    {
      gst_bin_add (bin, element);
      if (previous != NULL && ok && !gst_element_link (previous, element))
        {
          g_set_error (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                       _("The video pipeline cannot be built (linking %s to %s failed)"),
                       GST_OBJECT_NAME (previous), GST_OBJECT_NAME (element));
          ok = FALSE;
        }
      previous = element;
      element = va_arg (args, GstElement *);
    }
  va_end (args);

  return ok;
}

/* RGBA within the wanted box. A file's preview may be turned after the
 * scaling (videoflip), so there the box's longer side bounds both sides.
 */
static GstCaps *
make_preview_caps (LcVideoSource *self)
{
  int width = self->preview_width > 0 ? self->preview_width : LC_VIDEO_SOURCE_PREVIEW_MAX_SIZE;
  int height = self->preview_height > 0 ? self->preview_height : LC_VIDEO_SOURCE_PREVIEW_MAX_SIZE;

  if (self->file != NULL)
    width = height = MAX (width, height);

  return gst_caps_new_simple ("video/x-raw",
                              "format", G_TYPE_STRING, "RGBA",
                              "width", GST_TYPE_INT_RANGE, 1, width,
                              "height", GST_TYPE_INT_RANGE, 1, height,
                              "pixel-aspect-ratio", GST_TYPE_FRACTION, 1, 1,
                              NULL);
}

/* Builds "queue ! videoconvertscale ! capsfilter ! appsink" and returns the queue. */
static GstElement *
build_branch (LcVideoSource  *self,
              GstBin         *bin,
              gboolean        preview,
              GError        **error)
{
  g_autoptr(GstCaps) caps = NULL;
  GstAppSinkCallbacks callbacks = { 0 };
  GstElement *queue;
  GstElement *convert;
  GstElement *filter;
  GstElement *flip = NULL;
  GstElement *sink;
  gboolean sync = self->live;
  gboolean turn = preview && self->file != NULL;

  queue = make_element ("queue", preview ? "preview-queue" : "analysis-queue", error);
  convert = queue ? make_element ("videoconvertscale", NULL, error) : NULL;
  filter = convert ? make_element ("capsfilter", preview ? "preview-filter" : NULL, error) : NULL;
  if (filter != NULL && turn)
    flip = make_element ("videoflip", "preview-flip", error);
  sink = filter && (flip || !turn) ? make_element ("appsink", preview ? "preview-sink" : "analysis-sink", error) : NULL;
  if (sink == NULL)
    {
      g_clear_pointer (&queue, gst_object_unref);
      g_clear_pointer (&convert, gst_object_unref);
      g_clear_pointer (&filter, gst_object_unref);
      g_clear_pointer (&flip, gst_object_unref);
      return NULL;
    }

  if (preview)
    {
      caps = make_preview_caps (self);
      /* Played in real time, a file decodes ahead of the clock by as much
       * as the analysis queue holds: a leaky queue would then only ever
       * keep a frame a second ahead, and the preview would show one frame
       * a second. There the appsink (drop, max-buffers 1) and the
       * pending-frame check do the dropping instead.
       */
      g_object_set (queue,
                    "leaky", self->live ? 0 /* no */ : 2 /* downstream */,
                    "max-size-buffers", 1,
                    "max-size-bytes", 0,
                    "max-size-time", (guint64) 0,
                    NULL);
      g_object_set (sink, "drop", TRUE, "max-buffers", 1, NULL);
      callbacks.new_sample = preview_sample_cb;
      if (flip != NULL)
        g_object_set (flip, "video-direction", GST_VIDEO_ORIENTATION_AUTO, NULL);
    }
  else
    {
      caps = make_analysis_caps ();
      /* Not leaky, and the sink never drops: back-pressure slows the
       * decoder down instead.
       */
      g_object_set (sink, "drop", FALSE, "max-buffers", 0, NULL);
      callbacks.new_sample = analysis_sample_cb;

      /* Tags reach the sink in order with the frames. Files only, as the
       * preview is turned for files only.
       */
      if (self->file != NULL)
        {
          g_autoptr(GstPad) pad = gst_element_get_static_pad (sink, "sink");

          gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM, analysis_event_cb, self, NULL);
        }
    }

  g_object_set (filter, "caps", caps, NULL);
  g_object_set (sink,
                "sync", sync,
                "qos", FALSE,
                "enable-last-sample", FALSE,
                "emit-signals", FALSE,
                NULL);
  gst_app_sink_set_callbacks (GST_APP_SINK (sink), &callbacks, self, NULL);

  if (flip != NULL)
    {
      if (!add_and_link (bin, error, queue, convert, filter, flip, sink, NULL))
        return NULL;
    }
  else if (!add_and_link (bin, error, queue, convert, filter, sink, NULL))
    return NULL;

  return queue;
}

static GstCaps *
make_camera_caps (void)
{
  /* MJPEG first: most USB cameras only give 720p at a steady 30 fps that
   * way. Anything else the camera has comes last, so none is refused.
   */
  return gst_caps_from_string ("image/jpeg, width=(int)[1, 1280], height=(int)[1, 720], framerate=(fraction)[15/1, 60/1]; "
                               "video/x-raw, width=(int)[1, 1280], height=(int)[1, 720], framerate=(fraction)[15/1, 60/1]; "
                               "image/jpeg; video/x-raw");
}

/* Manual exposure, fixed white balance and mains frequency, where the
 * camera is a v4l2src; restored in teardown().
 */
static void
set_steady_controls (LcVideoSource *self,
                     GstElement    *source)
{
  g_autofree char *path = _lc_camera_dup_v4l2_path (self->camera);
  g_autoptr(GstStructure) controls = NULL;

  if (path == NULL ||
      g_object_class_find_property (G_OBJECT_GET_CLASS (source), "extra-controls") == NULL)
    return;

  self->v4l2_controls = _lc_v4l2_controls_save (path);
  if (self->v4l2_controls == NULL)
    return;

  controls = _lc_v4l2_controls_build_steady (self->v4l2_controls, _lc_v4l2_guess_mains_hz ());
  g_debug ("Camera controls for %s: %" GST_PTR_FORMAT, path, controls);
  g_object_set (source, "extra-controls", controls, NULL);
}

static gboolean
have_gif_demuxer (void)
{
  g_autoptr(GstElementFactory) factory = gst_element_factory_find ("avdemux_gif");

  return factory != NULL;
}

/* Whether @file starts like a GIF. check_file() has made sure it is a
 * regular file, so this read cannot block.
 */
static gboolean
file_is_gif (GFile *file)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char magic[6] = { 0 };
  gsize n_read = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &n_read, NULL, NULL) ||
      n_read != sizeof magic)
    return FALSE;

  return memcmp (magic, "GIF87a", 6) == 0 || memcmp (magic, "GIF89a", 6) == 0;
}

static void
gif_pad_added_cb (GstElement *demux,
                  GstPad     *pad,
                  gpointer    user_data)
{
  GstElement *decodebin = user_data;
  g_autoptr(GstPad) sink_pad = gst_element_get_static_pad (decodebin, "sink");

  if (!gst_pad_is_linked (sink_pad) && gst_pad_link (pad, sink_pad) != GST_PAD_LINK_OK)
    GST_ELEMENT_ERROR (demux, CORE, NEGOTIATION, (NULL), ("Could not link the GIF stream"));
}

static gboolean
build_pipeline (LcVideoSource  *self,
                GError        **error)
{
  g_autoptr(GstElement) pipeline = gst_pipeline_new ("lightcode-video-source");
  GstBin *bin = GST_BIN (pipeline);
  GstElement *source = NULL;
  GstElement *decodebin = NULL;
  GstElement *analysis;
  GstElement *preview;
  g_autoptr(GstBus) bus = NULL;

  if (self->file != NULL)
    {
      g_autofree char *path = g_file_get_path (self->file);

      if (path != NULL)
        {
          source = make_element ("filesrc", "source", error);
          if (source != NULL)
            g_object_set (source, "location", path, NULL);
        }
      else
        {
          source = make_element ("giosrc", "source", error);
          if (source != NULL)
            g_object_set (source, "file", self->file, NULL);
        }
    }
  else
    {
      source = _lc_camera_create_element (self->camera, error);
      if (source != NULL && self->steady_camera)
        set_steady_controls (self, source);
    }

  if (source == NULL)
    return FALSE;

  decodebin = make_element ("decodebin", "decode", error);
  if (decodebin == NULL)
    {
      gst_object_unref (source);
      return FALSE;
    }

  g_signal_connect (decodebin, "autoplug-continue", G_CALLBACK (autoplug_continue_cb), self);
  g_signal_connect (decodebin, "unknown-type", G_CALLBACK (unknown_type_cb), self);
  g_signal_connect (decodebin, "pad-added", G_CALLBACK (pad_added_cb), self);
  g_signal_connect (decodebin, "no-more-pads", G_CALLBACK (no_more_pads_cb), self);

  /* decodebin runs avdemux_gif in push mode, where it waits for ever at
   * the end of some GIFs (trailing bytes after the last frame). Pulling
   * from filesrc directly, it ends them.
   */
  if (self->file != NULL && file_is_gif (self->file) &&
      have_gif_demuxer ())
    {
      GstElement *demux = make_element ("avdemux_gif", "gif-demux", error);

      g_atomic_int_set (&self->is_gif, 1);
      if (demux == NULL)
        {
          gst_object_unref (source);
          gst_object_unref (decodebin);
          return FALSE;
        }
      g_signal_connect_object (demux, "pad-added", G_CALLBACK (gif_pad_added_cb), decodebin, 0);
      if (!add_and_link (bin, error, source, demux, NULL))
        return FALSE;
      gst_bin_add (bin, decodebin);
    }
  else if (self->file != NULL)
    {
      if (!add_and_link (bin, error, source, decodebin, NULL))
        return FALSE;
    }
  else
    {
      g_autoptr(GstCaps) caps = make_camera_caps ();
      GstElement *filter = make_element ("capsfilter", NULL, error);

      if (filter == NULL)
        {
          gst_object_unref (source);
          gst_object_unref (decodebin);
          return FALSE;
        }
      g_object_set (filter, "caps", caps, NULL);
      if (!add_and_link (bin, error, source, filter, decodebin, NULL))
        return FALSE;
    }

  analysis = build_branch (self, bin, FALSE, error);
  if (analysis == NULL)
    return FALSE;

  if (self->preview_enabled)
    {
      GstElement *tee = make_element ("tee", "split", error);

      if (tee == NULL)
        return FALSE;
      gst_bin_add (bin, tee);

      preview = build_branch (self, bin, TRUE, error);
      if (preview == NULL)
        return FALSE;

      if (!gst_element_link (tee, analysis) || !gst_element_link (tee, preview))
        {
          g_set_error_literal (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                               _("The video pipeline cannot be built"));
          return FALSE;
        }

      self->head = tee;
    }
  else
    self->head = analysis;

  /* Read by decodebin's callbacks, which may outlive this run. */
  g_object_set_data (G_OBJECT (decodebin), "lc-head", self->head);
  g_object_set_data (G_OBJECT (decodebin), "lc-generation",
                     GINT_TO_POINTER (g_atomic_int_get (&self->generation)));

  bus = gst_element_get_bus (pipeline);
  self->bus_source = gst_bus_create_watch (bus);
  g_source_set_callback (self->bus_source, G_SOURCE_FUNC (bus_message_cb), self, NULL);
  g_source_set_static_name (self->bus_source, "[lightcode] video source bus");
  g_source_attach (self->bus_source, self->context);

  self->pipeline = g_steal_pointer (&pipeline);

  return TRUE;
}

static gboolean
check_file (LcVideoSource  *self,
            GError        **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (self->file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE,
                            NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          if (self->is_sample)
            g_set_error_literal (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_FOUND,
                                 _("The sample video is not installed"));
          else
            g_set_error (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_FOUND,
                         _("The file “%s” does not exist"), self->title);
        }
      else
        {
          g_set_error (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                       _("The file “%s” cannot be read: %s"), self->title, local_error->message);
        }
      return FALSE;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                   _("“%s” is a folder, not a video"), self->title);
      return FALSE;
    }

  /* A FIFO blocks filesrc in open() until a writer comes, and then may
   * send nothing; a device or socket is not a video file either. Refused
   * before anything opens them (symbolic links are followed).
   */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_set_error (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                   _("“%s” is a pipe, a device or a socket, not a video file: save the video to a file and open that"),
                   self->title);
      return FALSE;
    }

  return TRUE;
}

/* Gives up on a source that never sends a first frame, or that stops
 * sending frames. Whatever is stuck is left to stop on its own thread
 * (teardown_full), so the caller is never held up by it.
 */
static gboolean
watchdog_cb (gpointer user_data)
{
  LcVideoSource *self = user_data;
  guint n_frames;

  g_assert (LC_IS_VIDEO_SOURCE (self));

  if (self->state != LC_VIDEO_SOURCE_STATE_STARTING &&
      self->state != LC_VIDEO_SOURCE_STATE_RUNNING)
    return G_SOURCE_CONTINUE;

  g_mutex_lock (&self->lock);
  n_frames = self->n_frames;
  g_mutex_unlock (&self->lock);

  /* The declared length, once known; else what has been read so far. */
  if (has_limits (self) && self->state == LC_VIDEO_SOURCE_STATE_RUNNING)
    {
      gint64 declared = -1;
      double seconds = lc_video_source_get_duration (self);

      if (!self->length_checked && self->pipeline != NULL &&
          gst_element_query_duration (self->pipeline, GST_FORMAT_TIME, &declared) && declared > 0)
        {
          self->length_checked = TRUE;
          seconds = MAX (seconds, declared / (double) GST_SECOND);
        }

      if (seconds > LC_VIDEO_SOURCE_MAX_SECONDS)
        {
          fail_too_long (self);
          return G_SOURCE_REMOVE;
        }
    }

  if (n_frames != self->stall_frames)
    {
      self->stall_frames = n_frames;
      self->stall_ticks = 0;
      return G_SOURCE_CONTINUE;
    }

  self->stall_ticks++;

  if (n_frames == 0)
    {
      if (self->stall_ticks < (is_camera (self) ? CAMERA_FIRST_FRAME_TIMEOUT_S : FILE_FIRST_FRAME_TIMEOUT_S))
        return G_SOURCE_CONTINUE;

      if (is_camera (self) && self->start_pending)
        fail_full (self, FALSE, g_error_new_literal (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                                              _("The camera does not answer. Unplug it, plug it back in, and try again.")));
      else if (is_camera (self))
        fail_full (self, FALSE, g_error_new_literal (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                                              _("The camera opened but sends no picture")));
      else
        fail_full (self, FALSE, g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                                      /* Translators: %d is a number of seconds */
                                      _("“%s” gave no picture in %d seconds: it is damaged or in a form that cannot be played"),
                                      self->title, FILE_FIRST_FRAME_TIMEOUT_S));
      return G_SOURCE_REMOVE;
    }

  /* avdemux_gif (gst-libav 1.22) spins instead of ending some GIFs
   * (bytes after the last frame). A GIF decodes in a blink, so frames
   * then nothing for a moment means every frame has been read.
   */
  if (g_atomic_int_get (&self->is_gif) && self->stall_ticks >= GIF_END_TIMEOUT_S)
    {
      g_debug ("%s: no GIF frame for %d s; taken as its end", self->title, GIF_END_TIMEOUT_S);
      finish_full (self, FALSE);
      return G_SOURCE_REMOVE;
    }

  if (self->stall_ticks < STALL_TIMEOUT_S)
    return G_SOURCE_CONTINUE;

  if (is_camera (self))
    fail_full (self, FALSE, g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                                  /* Translators: %d is a number of seconds */
                                  _("The camera stopped sending pictures for %d seconds"),
                                  STALL_TIMEOUT_S));
  else
    fail_full (self, FALSE, g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                                  /* Translators: %s is a file name, %.1f how many seconds played, %d a number of seconds */
                                  _("“%s” stopped playing after %.1f seconds and gave nothing for %d seconds: the video is damaged"),
                                  self->title, lc_video_source_get_duration (self), STALL_TIMEOUT_S));

  return G_SOURCE_REMOVE;
}

static void
camera_available_changed_cb (LcVideoSource *self,
                             GParamSpec    *pspec,
                             LcCamera      *camera)
{
  g_assert (LC_IS_VIDEO_SOURCE (self));

  if (lc_camera_get_available (camera))
    return;

  if (self->state == LC_VIDEO_SOURCE_STATE_STARTING ||
      self->state == LC_VIDEO_SOURCE_STATE_RUNNING)
    fail (self, g_error_new_literal (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_DISCONNECTED,
                                     _("The camera was disconnected")));
}

static void
fail_to_start (LcVideoSource *self)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);
  g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);

  if (message != NULL)
    fail_with_gst_message (self, message);
  else if (is_camera (self))
    fail (self, g_error_new_literal (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                                     _("The camera cannot be started")));
  else
    fail (self, g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                             _("“%s” cannot be played"), self->title));
}

typedef struct
{
  GWeakRef              self;
  GstElement           *pipeline;
  GMainContext         *context;
  int                   generation;
  GstStateChangeReturn  ret;
} StartJob;

static void
start_job_free (gpointer data)
{
  StartJob *job = data;

  g_weak_ref_clear (&job->self);
  gst_object_unref (job->pipeline);
  g_main_context_unref (job->context);
  g_free (job);
}

static gboolean
pipeline_started_cb (gpointer data)
{
  StartJob *job = data;
  g_autoptr(LcVideoSource) self = g_weak_ref_get (&job->self);

  if (self == NULL || job->generation != g_atomic_int_get (&self->generation))
    return G_SOURCE_REMOVE;

  self->start_pending = FALSE;
  if (job->ret == GST_STATE_CHANGE_FAILURE)
    fail_to_start (self);

  return G_SOURCE_REMOVE;
}

static gpointer
start_pipeline_thread (gpointer data)
{
  StartJob *job = data;
  GSource *source;

  job->ret = gst_element_set_state (job->pipeline, GST_STATE_PLAYING);

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[lightcode] video source started");
  g_source_set_callback (source, pipeline_started_cb, job, start_job_free);
  g_source_attach (source, job->context);
  g_source_unref (source);

  return NULL;
}

/* Opening a camera can take long: v4l2src waits on a busy USB device,
 * pipewiresrc on a PipeWire daemon that does not answer. The window must
 * not wait with it, so the camera starts on a thread of its own; the
 * watchdog gives up on it if no picture ever comes.
 */
static void
start_pipeline_in_thread (LcVideoSource *self)
{
  StartJob *job = g_new0 (StartJob, 1);
  g_autoptr(GThread) thread = NULL;

  g_weak_ref_init (&job->self, self);
  job->pipeline = gst_object_ref (self->pipeline);
  job->context = g_main_context_ref (self->context);
  job->generation = g_atomic_int_get (&self->generation);

  self->start_pending = TRUE;
  thread = g_thread_new ("lc-video-start", start_pipeline_thread, job);
}

void
lc_video_source_start (LcVideoSource *self)
{
  g_autoptr(GError) error = NULL;
  GstStateChangeReturn ret;

  g_return_if_fail (LC_IS_VIDEO_SOURCE (self));

  if (self->state == LC_VIDEO_SOURCE_STATE_STARTING ||
      self->state == LC_VIDEO_SOURCE_STATE_RUNNING)
    return;

  teardown (self);

  g_clear_error (&self->error);
  g_clear_pointer (&self->missing_codec, g_free);
  g_atomic_int_set (&self->have_video_pad, 0);
  g_clear_pointer (&self->analysis_caps, gst_caps_unref);

  g_mutex_lock (&self->lock);
  lc_led_detector_reset (self->detector);
  g_atomic_int_set (&self->orientation, GST_VIDEO_ORIENTATION_IDENTITY);
  self->have_stream_orientation = FALSE;
  read_detection (self);
  self->posted_serial = self->detection.serial;
  self->posted_running = FALSE;
  self->n_frames = 0;
  self->n_stuck = 0;
  self->pts_base = 0;
  g_array_set_size (self->intervals, 0);
  self->first_pts = -1;
  self->last_pts = -1;
  self->last_end = -1;
  g_mutex_unlock (&self->lock);
  g_atomic_int_set (&self->is_gif, 0);

  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();

  set_state (self, LC_VIDEO_SOURCE_STATE_STARTING);

  if (self->file != NULL && !check_file (self, &error))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }

  if (self->camera != NULL && self->file == NULL)
    {
      self->camera_notify_id = g_signal_connect_object (self->camera, "notify::available",
                                                        G_CALLBACK (camera_available_changed_cb),
                                                        self, G_CONNECT_SWAPPED);
    }

  if (!build_pipeline (self, &error))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }

  if (is_camera (self))
    {
      start_pipeline_in_thread (self);
    }
  else
    {
      ret = gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
      if (ret == GST_STATE_CHANGE_FAILURE)
        {
          fail_to_start (self);
          return;
        }
    }

  self->stall_frames = 0;
  self->stall_ticks = 0;
  self->length_checked = FALSE;
  self->watchdog = g_timeout_source_new_seconds (1);
  g_source_set_callback (self->watchdog, watchdog_cb, self, NULL);
  g_source_set_static_name (self->watchdog, "[lightcode] video source watchdog");
  g_source_attach (self->watchdog, self->context);
}

void
lc_video_source_stop (LcVideoSource *self)
{
  g_return_if_fail (LC_IS_VIDEO_SOURCE (self));

  teardown (self);

  if (self->state == LC_VIDEO_SOURCE_STATE_STARTING ||
      self->state == LC_VIDEO_SOURCE_STATE_RUNNING)
    set_state (self, LC_VIDEO_SOURCE_STATE_IDLE);
}

/* GObject */

static void
lc_video_source_dispose (GObject *object)
{
  LcVideoSource *self = (LcVideoSource *)object;

  teardown (self);
  g_clear_object (&self->camera);

  G_OBJECT_CLASS (lc_video_source_parent_class)->dispose (object);
}

static void
lc_video_source_finalize (GObject *object)
{
  LcVideoSource *self = (LcVideoSource *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_error (&self->error);
  g_clear_pointer (&self->missing_codec, g_free);
  g_clear_pointer (&self->detector, lc_led_detector_free);
  g_clear_pointer (&self->analysis_caps, gst_caps_unref);
  g_clear_pointer (&self->intervals, g_array_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (lc_video_source_parent_class)->finalize (object);
}

static void
lc_video_source_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LcVideoSource *self = LC_VIDEO_SOURCE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_PREVIEW_ENABLED:
      g_value_set_boolean (value, self->preview_enabled);
      break;

    case PROP_STEADY_CAMERA:
      g_value_set_boolean (value, self->steady_camera);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_video_source_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LcVideoSource *self = LC_VIDEO_SOURCE (object);

  switch (prop_id)
    {
    case PROP_PREVIEW_ENABLED:
      lc_video_source_set_preview_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_STEADY_CAMERA:
      lc_video_source_set_steady_camera (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_video_source_class_init (LcVideoSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lc_video_source_dispose;
  object_class->finalize = lc_video_source_finalize;
  object_class->get_property = lc_video_source_get_property;
  object_class->set_property = lc_video_source_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       LC_TYPE_VIDEO_SOURCE_STATE,
                       LC_VIDEO_SOURCE_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREVIEW_ENABLED] =
    g_param_spec_boolean ("preview-enabled", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEADY_CAMERA] =
    g_param_spec_boolean ("steady-camera", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DETECTION_CHANGED] =
    g_signal_new ("detection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  signals[PREVIEW_FRAME] =
    g_signal_new ("preview-frame",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 5,
                  G_TYPE_BYTES, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT64);

  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  signals[EOS] =
    g_signal_new ("eos",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gst_init (NULL, NULL);
  gst_pb_utils_init ();
}

static void
lc_video_source_init (LcVideoSource *self)
{
  g_mutex_init (&self->lock);
  self->preview_enabled = TRUE;
  self->detector = lc_led_detector_new ();
  self->intervals = g_array_new (FALSE, FALSE, sizeof (gint64));
  lc_led_detector_get_detection (self->detector, &self->detection);
  self->posted_serial = self->detection.serial;
  self->first_pts = -1;
  self->last_pts = -1;
  self->last_end = -1;
}

/* Public API */

static char *
dup_display_basename (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = NULL;

  if (path != NULL)
    return g_filename_display_basename (path);

  basename = g_file_get_basename (file);

  return g_strdup (basename ? basename : "?");
}

LcVideoSource *
lc_video_source_new_for_file (GFile    *file,
                              gboolean  live)
{
  LcVideoSource *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (LC_TYPE_VIDEO_SOURCE, NULL);
  self->file = g_object_ref (file);
  self->live = !!live;
  self->title = dup_display_basename (file);

  return self;
}

LcVideoSource *
lc_video_source_new_for_camera (LcCamera *camera)
{
  LcVideoSource *self;

  g_return_val_if_fail (LC_IS_CAMERA (camera), NULL);

  self = g_object_new (LC_TYPE_VIDEO_SOURCE, NULL);
  self->camera = g_object_ref (camera);
  self->title = g_strdup (lc_camera_get_display_name (camera));

  /* The test camera plays its file as a webcam would deliver it. */
  if (lc_camera_get_kind (camera) == LC_CAMERA_KIND_FILE)
    {
      self->file = g_object_ref (_lc_camera_get_file (camera));
      self->live = TRUE;
    }

  return self;
}

GFile *
lc_video_source_find_sample_clip (GError **error)
{
  const char *env_dir = g_getenv ("LIGHTCODE_SAMPLE_DIR");
  const char * const *data_dirs;
  g_autofree char *path = NULL;

  /* The override is the only place looked at, so tests can also make the
   * clip missing. */
  if (env_dir != NULL && *env_dir != '\0')
    {
      path = g_build_filename (env_dir, SAMPLE_CLIP_NAME, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_file_new_for_path (path);
      goto not_found;
    }

#ifdef SAMPLE_DIR
  path = g_build_filename (SAMPLE_DIR, SAMPLE_CLIP_NAME, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_file_new_for_path (path);
  g_clear_pointer (&path, g_free);
#endif

  data_dirs = g_get_system_data_dirs ();
  for (guint i = 0; data_dirs[i] != NULL; i++)
    {
      path = g_build_filename (data_dirs[i], "lightcode", "samples", SAMPLE_CLIP_NAME, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_file_new_for_path (path);
      g_clear_pointer (&path, g_free);
    }

#ifdef SOURCE_SAMPLE_DIR
  /* Run from the build directory, before installing. */
  path = g_build_filename (SOURCE_SAMPLE_DIR, SAMPLE_CLIP_NAME, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_file_new_for_path (path);
  g_clear_pointer (&path, g_free);
#endif

not_found:
  g_set_error_literal (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_FOUND,
                       _("The sample video is not installed"));

  return NULL;
}

LcVideoSource *
lc_video_source_new_for_sample (void)
{
  g_autoptr(GFile) file = lc_video_source_find_sample_clip (NULL);
  LcVideoSource *self;

  /* When it is missing, start() says so with NOT_FOUND. */
  if (file == NULL)
    file = g_file_new_for_path (SAMPLE_CLIP_NAME);

  self = lc_video_source_new_for_file (file, TRUE);
  self->is_sample = TRUE;
  g_free (self->title);
  self->title = g_strdup (_("Sample video"));

  return self;
}

void
lc_video_source_set_preview_enabled (LcVideoSource *self,
                                     gboolean       enabled)
{
  g_return_if_fail (LC_IS_VIDEO_SOURCE (self));

  enabled = !!enabled;
  if (self->preview_enabled == enabled)
    return;

  self->preview_enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEW_ENABLED]);
}

gboolean
lc_video_source_get_preview_enabled (LcVideoSource *self)
{
  g_return_val_if_fail (LC_IS_VIDEO_SOURCE (self), FALSE);

  return self->preview_enabled;
}

void
lc_video_source_set_preview_size (LcVideoSource *self,
                                  int            width,
                                  int            height)
{
  g_autoptr(GstElement) filter = NULL;
  g_autoptr(GstCaps) caps = NULL;

  g_return_if_fail (LC_IS_VIDEO_SOURCE (self));

  /* Even sizes, at least a few pixels, at most the cap. */
  width = width <= 0 ? 0 : CLAMP ((width + 1) & ~1, 16, LC_VIDEO_SOURCE_PREVIEW_MAX_SIZE);
  height = height <= 0 ? 0 : CLAMP ((height + 1) & ~1, 16, LC_VIDEO_SOURCE_PREVIEW_MAX_SIZE);
  if (width == self->preview_width && height == self->preview_height)
    return;

  self->preview_width = width;
  self->preview_height = height;

  /* Running: new caps on the capsfilter make the scaler renegotiate. */
  if (self->pipeline != NULL)
    filter = gst_bin_get_by_name (GST_BIN (self->pipeline), "preview-filter");
  if (filter != NULL)
    {
      caps = make_preview_caps (self);
      g_object_set (filter, "caps", caps, NULL);
    }
}

void
lc_video_source_set_steady_camera (LcVideoSource *self,
                                   gboolean       steady)
{
  g_return_if_fail (LC_IS_VIDEO_SOURCE (self));

  steady = !!steady;
  if (self->steady_camera == steady)
    return;

  self->steady_camera = steady;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEADY_CAMERA]);
}

gboolean
lc_video_source_get_steady_camera (LcVideoSource *self)
{
  g_return_val_if_fail (LC_IS_VIDEO_SOURCE (self), FALSE);

  return self->steady_camera;
}

LcVideoSourceState
lc_video_source_get_state (LcVideoSource *self)
{
  g_return_val_if_fail (LC_IS_VIDEO_SOURCE (self), LC_VIDEO_SOURCE_STATE_IDLE);

  return self->state;
}

const GError *
lc_video_source_get_error (LcVideoSource *self)
{
  g_return_val_if_fail (LC_IS_VIDEO_SOURCE (self), NULL);

  return self->error;
}

const char *
lc_video_source_get_title (LcVideoSource *self)
{
  g_return_val_if_fail (LC_IS_VIDEO_SOURCE (self), NULL);

  return self->title;
}

GFile *
lc_video_source_get_file (LcVideoSource *self)
{
  g_return_val_if_fail (LC_IS_VIDEO_SOURCE (self), NULL);

  return self->file;
}

void
lc_video_source_get_detection (LcVideoSource *self,
                               LcDetection   *out_detection)
{
  g_return_if_fail (LC_IS_VIDEO_SOURCE (self));
  g_return_if_fail (out_detection != NULL);

  g_mutex_lock (&self->lock);
  *out_detection = self->detection;
  g_mutex_unlock (&self->lock);
}

LcLedRun *
lc_video_source_get_timeline (LcVideoSource *self,
                              guint          led_id,
                              guint         *out_n_runs)
{
  LcLedRun *runs;

  g_return_val_if_fail (LC_IS_VIDEO_SOURCE (self), NULL);
  g_return_val_if_fail (out_n_runs != NULL, NULL);

  g_mutex_lock (&self->lock);
  runs = lc_led_detector_get_timeline (self->detector, led_id, out_n_runs);
  g_mutex_unlock (&self->lock);

  return runs;
}

gboolean
lc_video_source_select (LcVideoSource *self,
                        double         x,
                        double         y)
{
  gboolean ret;

  g_return_val_if_fail (LC_IS_VIDEO_SOURCE (self), FALSE);

  g_mutex_lock (&self->lock);
  lc_orientation_unmap (g_atomic_int_get (&self->orientation), &x, &y);
  ret = lc_led_detector_select (self->detector, x, y);
  g_mutex_unlock (&self->lock);

  /* A finished file gets no more frames: show the choice now. */
  if (ret)
    emit_detection_if_changed (self);

  return ret;
}

void
lc_video_source_clear_selection (LcVideoSource *self)
{
  g_return_if_fail (LC_IS_VIDEO_SOURCE (self));

  g_mutex_lock (&self->lock);
  lc_led_detector_clear_selection (self->detector);
  g_mutex_unlock (&self->lock);

  emit_detection_if_changed (self);
}

void
lc_video_source_set_led_prior (LcVideoSource    *self,
                               const LcLedPrior *prior)
{
  g_return_if_fail (LC_IS_VIDEO_SOURCE (self));

  g_mutex_lock (&self->lock);
  lc_led_detector_set_prior (self->detector, prior);
  g_mutex_unlock (&self->lock);

  emit_detection_if_changed (self);
}

guint
lc_video_source_get_n_frames (LcVideoSource *self)
{
  guint n_frames;

  g_return_val_if_fail (LC_IS_VIDEO_SOURCE (self), 0);

  g_mutex_lock (&self->lock);
  n_frames = self->n_frames;
  g_mutex_unlock (&self->lock);

  return n_frames;
}

double
lc_video_source_get_duration (LcVideoSource *self)
{
  double duration = 0;

  g_return_val_if_fail (LC_IS_VIDEO_SOURCE (self), 0);

  g_mutex_lock (&self->lock);
  if (self->n_frames > 0)
    duration = (self->last_end - self->first_pts) / (double) GST_SECOND;
  g_mutex_unlock (&self->lock);

  return duration;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/**
 * lc_video_source_get_frame_rate:
 *
 * Frames per second from the intervals between frames read so far
 * (the mean of those within a quarter of the median), or 0. Jitter and a
 * few late frames do not move it, where frames over duration would read
 * 30 fps as 29.4.
 */
double
lc_video_source_get_frame_rate (LcVideoSource *self)
{
  g_autoptr(GArray) sorted = NULL;
  gint64 median;

  g_return_val_if_fail (LC_IS_VIDEO_SOURCE (self), 0);

  g_mutex_lock (&self->lock);
  sorted = g_array_copy (self->intervals);
  g_mutex_unlock (&self->lock);

  if (sorted->len == 0)
    return 0;

  g_array_sort (sorted, compare_int64);
  median = g_array_index (sorted, gint64, sorted->len / 2);
  if (sorted->len % 2 == 0)
    median = (median + g_array_index (sorted, gint64, sorted->len / 2 - 1)) / 2;

  if (median <= 0)
    return 0;

  /* Containers round times (WebM to the millisecond: 33, 33, 34 ms), so
   * the median alone reads 30 fps as 30.3: average the intervals near it.
   */
  {
    double sum = 0;
    guint n = 0;

    for (guint i = 0; i < sorted->len; i++)
      {
        gint64 interval = g_array_index (sorted, gint64, i);

        if (interval >= median * 3 / 4 && interval <= median * 5 / 4)
          {
            sum += interval;
            n++;
          }
      }

    return GST_SECOND / (sum / n);
  }
}
