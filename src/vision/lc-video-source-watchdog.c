/* lc-video-source-watchdog.c — keeps a stuck video source from holding up the window
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A camera can take long to open, a decoder can hang on damaged data, and
 * stopping a pipeline waits for its streaming threads. So a camera starts
 * on a thread of its own, a pipeline that may be stuck is stopped on a
 * thread of its own, and a watchdog gives up on a source that sends no
 * frames.
 */

#include "config.h"

#include "lc-video-source-private.h"

typedef struct
{
  GMutex          lock;
  GCond           cond;
  gboolean        done;
  LcVideoSource  *keep;           /* set when the caller stopped waiting */
  GThread        *start_thread;   /* may not have started the pipeline yet */
  GstElement     *pipeline;
  LcV4l2Controls *v4l2_controls;
} StopJob;

static void
stop_job_clear (gpointer data)
{
  StopJob *job = data;

  g_mutex_clear (&job->lock);
  g_cond_clear (&job->cond);
}

static gpointer
stop_pipeline_thread (gpointer data)
{
  StopJob *job = data;
  LcVideoSource *keep;

  /* A start still on its way would set the pipeline playing again after
   * this, once nothing keeps the source alive for its callbacks.
   */
  if (job->start_thread != NULL)
    g_thread_join (g_steal_pointer (&job->start_thread));

  /* Joins every streaming thread of the pipeline. */
  gst_element_set_state (job->pipeline, GST_STATE_NULL);
  gst_clear_object (&job->pipeline);
  /* Only now is the device closed, so the camera takes the old values. */
  g_clear_pointer (&job->v4l2_controls, _lc_v4l2_controls_restore_and_free);

  g_mutex_lock (&job->lock);
  job->done = TRUE;
  keep = g_steal_pointer (&job->keep);
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->lock);

  /* The appsink callbacks used the source: it lived until they were gone. */
  if (keep != NULL)
    {
      g_debug ("A pipeline left to stop on its own has stopped");
      g_object_unref (keep);
    }
  g_atomic_rc_box_release_full (job, stop_job_clear);

  return NULL;
}

void
_lc_video_source_stop_pipeline (LcVideoSource *self,
                                gint64         wait_us)
{
  StopJob *job = g_atomic_rc_box_new0 (StopJob);
  gint64 until = g_get_monotonic_time () + wait_us;
  g_autoptr(GThread) thread = NULL;

  g_mutex_init (&job->lock);
  g_cond_init (&job->cond);
  job->pipeline = g_steal_pointer (&self->pipeline);
  job->start_thread = g_steal_pointer (&self->start_thread);
  job->v4l2_controls = g_steal_pointer (&self->v4l2_controls);
  thread = g_thread_new ("lc-video-stop", stop_pipeline_thread, g_atomic_rc_box_acquire (job));

  g_mutex_lock (&job->lock);
  while (!job->done && g_cond_wait_until (&job->cond, &job->lock, until))
    ;
  if (!job->done)
    job->keep = g_object_ref (self);
  g_mutex_unlock (&job->lock);

  g_atomic_rc_box_release_full (job, stop_job_clear);
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
  if (_lc_video_source_has_limits (self) && self->state == LC_VIDEO_SOURCE_STATE_RUNNING)
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
          _lc_video_source_fail_full (self, TRUE, _lc_video_source_error_too_long (self));
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
      if (self->stall_ticks < (_lc_video_source_is_camera (self) ? CAMERA_FIRST_FRAME_TIMEOUT_S : FILE_FIRST_FRAME_TIMEOUT_S))
        return G_SOURCE_CONTINUE;

      _lc_video_source_fail_full (self, FALSE, _lc_video_source_error_no_picture (self));
      return G_SOURCE_REMOVE;
    }

  /* avdemux_gif (gst-libav 1.22) spins instead of ending some GIFs
   * (bytes after the last frame). Its last frame usually ends it
   * (POST_GIF_END); when its frames could not be counted, frames then
   * nothing for a moment means every frame has been read, as a GIF
   * decodes in a blink.
   */
  if (g_atomic_int_get (&self->is_gif) && self->stall_ticks >= GIF_END_TIMEOUT_S)
    {
      g_debug ("%s: no GIF frame for %d s; taken as its end", self->title, GIF_END_TIMEOUT_S);
      _lc_video_source_finish_full (self, FALSE);
      return G_SOURCE_REMOVE;
    }

  if (self->stall_ticks < STALL_TIMEOUT_S)
    return G_SOURCE_CONTINUE;

  _lc_video_source_fail_full (self, FALSE,
                             _lc_video_source_error_stalled (self, lc_video_source_get_duration (self)));

  return G_SOURCE_REMOVE;
}

void
_lc_video_source_start_watchdog (LcVideoSource *self)
{
  self->stall_frames = 0;
  self->stall_ticks = 0;
  self->length_checked = FALSE;
  self->watchdog = g_timeout_source_new_seconds (1);
  g_source_set_callback (self->watchdog, watchdog_cb, self, NULL);
  g_source_set_static_name (self->watchdog, "[lightcode] video source watchdog");
  g_source_attach (self->watchdog, self->context);
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
    _lc_video_source_fail_to_start (self);

  return G_SOURCE_REMOVE;
}

static gpointer
start_pipeline_thread (gpointer data)
{
  StartJob *job = data;
  job->ret = gst_element_set_state (job->pipeline, GST_STATE_PLAYING);

  _lc_video_source_invoke (job->context, "[lightcode] video source started",
                           pipeline_started_cb, job, start_job_free);

  return NULL;
}

/* Opening a source can take long: v4l2src waits on a busy USB device,
 * pipewiresrc on a PipeWire daemon that does not answer, filesrc on a
 * network file that stalled. The window must not wait with it, so the
 * pipeline starts on a thread of its own; the watchdog gives up on it if
 * no picture ever comes.
 */
void
_lc_video_source_start_pipeline_in_thread (LcVideoSource *self)
{
  StartJob *job = g_new0 (StartJob, 1);

  g_weak_ref_init (&job->self, self);
  job->pipeline = gst_object_ref (self->pipeline);
  job->context = g_main_context_ref (self->context);
  job->generation = g_atomic_int_get (&self->generation);

  self->start_pending = TRUE;
  /* Joined when the pipeline is stopped (stop_pipeline_thread()). */
  g_clear_pointer (&self->start_thread, g_thread_unref);
  self->start_thread = g_thread_new ("lc-video-start", start_pipeline_thread, job);
}

typedef struct
{
  GWeakRef      self;
  GMainContext *context;
  int           generation;
  GFile        *file;
  char         *title;
  gboolean      is_sample;
  gboolean      is_gif;
  guint         gif_frames;
  GError       *error;
} CheckJob;

static void
check_job_free (gpointer data)
{
  CheckJob *job = data;

  g_weak_ref_clear (&job->self);
  g_main_context_unref (job->context);
  g_object_unref (job->file);
  g_free (job->title);
  g_clear_error (&job->error);
  g_free (job);
}

static gboolean
file_checked_cb (gpointer data)
{
  CheckJob *job = data;
  g_autoptr(LcVideoSource) self = g_weak_ref_get (&job->self);

  if (self == NULL || job->generation != g_atomic_int_get (&self->generation))
    return G_SOURCE_REMOVE;

  if (job->error != NULL)
    {
      _lc_video_source_fail_full (self, TRUE, g_steal_pointer (&job->error));
      return G_SOURCE_REMOVE;
    }

  g_atomic_int_set (&self->is_gif, job->is_gif);
  g_atomic_int_set (&self->gif_frames, (int) MIN (job->gif_frames, G_MAXINT));
  _lc_video_source_build_and_play (self);

  return G_SOURCE_REMOVE;
}

static gpointer
check_file_thread (gpointer data)
{
  CheckJob *job = data;
  if (_lc_video_source_check_file (job->file, job->title, job->is_sample, &job->error))
    job->is_gif = _lc_video_source_file_is_gif (job->file, &job->gif_frames);

  _lc_video_source_invoke (job->context, "[lightcode] video file checked",
                           file_checked_cb, job, check_job_free);

  return NULL;
}

/* Even asking what a file is waits on a network drive that stalled. */
void
_lc_video_source_check_file_in_thread (LcVideoSource *self)
{
  CheckJob *job = g_new0 (CheckJob, 1);
  g_autoptr(GThread) thread = NULL;

  g_weak_ref_init (&job->self, self);
  job->context = g_main_context_ref (self->context);
  job->generation = g_atomic_int_get (&self->generation);
  job->file = g_object_ref (self->file);
  job->title = g_strdup (self->title);
  job->is_sample = self->is_sample;

  /* Until a picture comes, the watchdog says the file does not open. */
  self->start_pending = TRUE;
  thread = g_thread_new ("lc-video-check", check_file_thread, job);
}
