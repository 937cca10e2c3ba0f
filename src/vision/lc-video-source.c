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
 *
 * This file holds the object, its runs and its signals; the other parts
 * are listed in lc-video-source-private.h.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gst/pbutils/pbutils.h>

#include "lc-camera-private.h"
#include "lc-orientation.h"
#include "lc-video-source-private.h"

#define SAMPLE_CLIP_NAME "red-burst-6.webm"

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

static void
post_free (gpointer data)
{
  Post *post = data;

  g_weak_ref_clear (&post->self);
  g_clear_pointer (&post->pixels, g_bytes_unref);
  g_free (post);
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

  /* A streaming thread stuck in a read (a network file that stalled)
   * would hold up the caller for as long as it is stuck: stopping waits a
   * little, then leaves the pipeline to stop on its own.
   */
  if (self->pipeline != NULL)
    _lc_video_source_stop_pipeline (self, wait ? STOP_WAIT_US : 0);
  self->head = NULL;

  /* Saved, but the pipeline was never built. */
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

void
_lc_video_source_fail_full (LcVideoSource *self,
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
  _lc_video_source_fail_full (self, TRUE, error);
}

/* The detector's answer, turned the way the picture is shown. Under @lock. */
void
_lc_video_source_read_detection (LcVideoSource *self)
{
  lc_led_detector_get_detection (self->detector, &self->detection);
  lc_detection_orient (&self->detection, g_atomic_int_get (&self->orientation));
}

void
_lc_video_source_emit_detection_if_changed (LcVideoSource *self)
{
  LcDetection detection;
  gboolean changed;

  g_mutex_lock (&self->lock);
  _lc_video_source_read_detection (self);
  detection = self->detection;
  self->posted_serial = detection.serial;
  g_mutex_unlock (&self->lock);

  /* Against what was emitted, not posted: a post still on its way when
   * the run ends is dropped, and its reading must not be lost with it.
   */
  changed = detection.serial != self->emitted_serial;
  self->emitted_serial = detection.serial;
  if (changed)
    g_signal_emit (self, signals[DETECTION_CHANGED], 0, &detection);
}

/* @wait: as for teardown_full(). */
void
_lc_video_source_finish_full (LcVideoSource *self,
             gboolean       wait)
{
  GError *error;
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

  error = _lc_video_source_error_at_end (self, n_frames, n_stuck, decoded, declared);
  if (error != NULL)
    {
      _lc_video_source_fail_full (self, wait, error);
      return;
    }

  teardown_full (self, wait);

  g_object_ref (self);
  _lc_video_source_emit_detection_if_changed (self);
  set_state (self, LC_VIDEO_SOURCE_STATE_FINISHED);
  g_signal_emit (self, signals[EOS], 0);
  g_object_unref (self);
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
      /* A picture came, so the source has opened: stopping it now waits
       * for its threads as usual, even if the thread that started it has
       * not said so yet (it is slower on a busy machine).
       */
      self->start_pending = FALSE;
      self->stall_ticks = 0;
      if (self->state == LC_VIDEO_SOURCE_STATE_STARTING)
        set_state (self, LC_VIDEO_SOURCE_STATE_RUNNING);
      break;

    case POST_DETECTION:
      self->emitted_serial = post->detection.serial;
      g_signal_emit (self, signals[DETECTION_CHANGED], 0, &post->detection);
      break;

    case POST_PREVIEW:
      g_signal_emit (self, signals[PREVIEW_FRAME], 0,
                     post->pixels, post->width, post->height, post->stride, post->pts_ns);
      break;

    case POST_GIF_END:
      /* Every frame the GIF holds has been read. */
      if (self->state == LC_VIDEO_SOURCE_STATE_RUNNING)
        {
          g_debug ("%s: the GIF's last frame was read", self->title);
          _lc_video_source_finish_full (self, FALSE);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  return G_SOURCE_REMOVE;
}

/* Any thread */

Post *
_lc_video_source_post_new (LcVideoSource *self,
          int            generation,
          PostKind       kind)
{
  Post *post = g_new0 (Post, 1);

  g_weak_ref_init (&post->self, self);
  post->generation = generation;
  post->kind = kind;

  return post;
}

void
_lc_video_source_post (LcVideoSource *self,
              Post          *post)
{
  _lc_video_source_invoke (self->context, "[lightcode] video source", dispatch_post, post, post_free);
}

/* Not g_main_context_invoke(): a worker whose thread-default context is
 * the same would run @func itself whenever the main thread is not
 * iterating (while it waits for a pipeline to stop, say).
 */
void
_lc_video_source_invoke (GMainContext   *context,
                         const char     *static_name,
                         GSourceFunc     func,
                         gpointer        data,
                         GDestroyNotify  notify)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, static_name);
  g_source_set_callback (source, func, data, notify);
  g_source_attach (source, context);
  g_source_unref (source);
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
    fail (self, _lc_video_source_error_disconnected ());
}

void
lc_video_source_start (LcVideoSource *self)
{
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
  _lc_video_source_read_detection (self);
  self->posted_serial = self->detection.serial;
  self->emitted_serial = self->detection.serial;
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
  g_atomic_int_set (&self->gif_frames, 0);

  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();

  set_state (self, LC_VIDEO_SOURCE_STATE_STARTING);

  if (self->camera != NULL && self->file == NULL)
    {
      self->camera_notify_id = g_signal_connect_object (self->camera, "notify::available",
                                                        G_CALLBACK (camera_available_changed_cb),
                                                        self, G_CONNECT_SWAPPED);
    }

  /* From here on nothing waits on the source in this thread; the
   * watchdog gives up on one that never sends a picture.
   */
  _lc_video_source_start_watchdog (self);

  if (self->file != NULL)
    _lc_video_source_check_file_in_thread (self);
  else
    _lc_video_source_build_and_play (self);
}

void
_lc_video_source_build_and_play (LcVideoSource *self)
{
  g_autoptr(GError) error = NULL;

  if (!_lc_video_source_build_pipeline (self, &error))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }

  _lc_video_source_watch_bus (self);
  _lc_video_source_start_pipeline_in_thread (self);
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

static void
play_done_cb (LcVideoSource *self,
              gpointer       user_data)
{
  g_main_loop_quit (user_data);
}

static void
play_failed_cb (LcVideoSource *self,
                const GError  *error,
                gpointer       user_data)
{
  g_main_loop_quit (user_data);
}

gboolean
lc_video_source_play_to_end (LcVideoSource  *self,
                             GError        **error)
{
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  gulong eos_id, error_id;

  g_return_val_if_fail (LC_IS_VIDEO_SOURCE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A context of its own, so that nothing else the caller has pending
   * runs meanwhile.
   */
  context = g_main_context_new ();
  loop = g_main_loop_new (context, FALSE);
  g_main_context_push_thread_default (context);

  eos_id = g_signal_connect (self, "eos", G_CALLBACK (play_done_cb), loop);
  error_id = g_signal_connect (self, "error", G_CALLBACK (play_failed_cb), loop);

  lc_video_source_set_preview_enabled (self, FALSE);
  lc_video_source_start (self);

  /* "error" may already have been emitted by start(). */
  if (self->state == LC_VIDEO_SOURCE_STATE_STARTING ||
      self->state == LC_VIDEO_SOURCE_STATE_RUNNING)
    g_main_loop_run (loop);

  g_signal_handler_disconnect (self, eos_id);
  g_signal_handler_disconnect (self, error_id);
  lc_video_source_stop (self);

  g_main_context_pop_thread_default (context);

  if (self->state == LC_VIDEO_SOURCE_STATE_FAILED)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  return TRUE;
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

  g_clear_pointer (&self->start_thread, g_thread_unref);
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
  self->emitted_serial = self->detection.serial;
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
      caps = _lc_video_source_make_preview_caps (self);
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
