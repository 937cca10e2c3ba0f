/* lc-video-source-reading.c — what a video source has read so far, asked from the main thread
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The detection, a light's timeline, choosing a light, the device prior,
 * and the frames, duration and frame rate read so far. The streaming
 * thread writes all of these, so each is read under the source's lock.
 */

#include "config.h"

#include "lc-orientation.h"
#include "lc-video-source-private.h"

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
lc_video_source_dup_timeline (LcVideoSource *self,
                              guint          led_id,
                              guint         *out_n_runs)
{
  LcLedRun *runs;

  g_return_val_if_fail (LC_IS_VIDEO_SOURCE (self), NULL);
  g_return_val_if_fail (out_n_runs != NULL, NULL);

  g_mutex_lock (&self->lock);
  runs = lc_led_detector_dup_timeline (self->detector, led_id, out_n_runs);
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
    _lc_video_source_emit_detection_if_changed (self);

  return ret;
}

void
lc_video_source_clear_selection (LcVideoSource *self)
{
  g_return_if_fail (LC_IS_VIDEO_SOURCE (self));

  g_mutex_lock (&self->lock);
  lc_led_detector_clear_selection (self->detector);
  g_mutex_unlock (&self->lock);

  _lc_video_source_emit_detection_if_changed (self);
}

void
lc_video_source_set_led_prior (LcVideoSource    *self,
                               const LcLedPrior *prior)
{
  g_return_if_fail (LC_IS_VIDEO_SOURCE (self));

  g_mutex_lock (&self->lock);
  lc_led_detector_set_prior (self->detector, prior);
  g_mutex_unlock (&self->lock);

  _lc_video_source_emit_detection_if_changed (self);
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
