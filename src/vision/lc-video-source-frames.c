/* lc-video-source-frames.c — the frames LcVideoSource's streaming threads hand on
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The analysis sink feeds each frame to the detector in its streaming
 * thread and posts the detector's new answers to the main context; the
 * preview sink posts a frame only when the UI has taken the last one.
 */

#include "config.h"

#include <gst/app/gstappsink.h>

#include "lc-orientation.h"
#include "lc-video-source-private.h"

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

GstCaps *
_lc_video_source_make_analysis_caps (void)
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

  /* Any pixel aspect ratio: positions are fractions of the frame, and a
   * light a little wider than tall is still a spot. Asking for square
   * pixels made every frame of a phone's or DV's anamorphic video go
   * through a scaler, as costly as the detector itself.
   */
  caps = gst_caps_new_simple ("video/x-raw",
                              "width", GST_TYPE_INT_RANGE, 1, LC_VIDEO_SOURCE_ANALYSIS_MAX_SIZE,
                              "height", GST_TYPE_INT_RANGE, 1, LC_VIDEO_SOURCE_ANALYSIS_MAX_SIZE,
                              NULL);
  gst_structure_take_value (gst_caps_get_structure (caps, 0), "format", &formats);

  return caps;
}

/* Streaming threads */

/* The buffer's duration, or one frame at the stream's rate. */
static gint64
frame_duration (LcVideoSource *self,
                GstBuffer     *buffer)
{
  GstVideoInfo *info = &self->analysis_info;

  if (GST_BUFFER_DURATION_IS_VALID (buffer))
    return GST_BUFFER_DURATION (buffer);
  if (GST_VIDEO_INFO_FPS_N (info) > 0)
    return gst_util_uint64_scale_int (GST_SECOND, GST_VIDEO_INFO_FPS_D (info), GST_VIDEO_INFO_FPS_N (info));

  return GST_SECOND / 30;
}

/* The frame's time for the detector, from 0. Under @lock. */
static gint64
frame_time (LcVideoSource *self,
            GstBuffer     *buffer,
            gint64        *duration)
{
  gint64 pts = GST_BUFFER_PTS_IS_VALID (buffer) ? (gint64) GST_BUFFER_PTS (buffer) : -1;

  /* An animated GIF: avdec_gif stamps every frame 0 but keeps each
   * frame's delay as its duration, so the frames are laid end to end.
   */
  if (g_atomic_int_get (&self->is_gif))
    {
      if (!GST_BUFFER_DURATION_IS_VALID (buffer) || *duration <= 0)
        *duration = GIF_DEFAULT_FRAME_NS;
      pts = self->last_end >= 0 ? self->last_end : 0;
    }

  if (pts < 0)
    return self->last_pts >= 0 ? self->last_pts + *duration : 0;

  if (self->n_frames == 0 && self->n_stuck == 0)
    self->pts_base = pts >= FAR_PTS_NS ? pts : 0;

  return pts >= self->pts_base ? pts - self->pts_base : 0;
}

/* Points @frame at the mapped planes; leaves frame->data NULL when the
 * layout makes no sense.
 */
static void
fill_frame (LcVideoSource *self,
            GstBuffer     *buffer,
            GstMapInfo    *map,
            LcPixelFormat  format,
            LcFrame       *frame)
{
  GstVideoInfo *info = &self->analysis_info;
  GstVideoMeta *meta = gst_buffer_get_video_meta (buffer);
  gsize offsets[3] = { 0 };
  int strides[3] = { 0 };

  for (guint i = 0; i < GST_VIDEO_INFO_N_PLANES (info) && i < 3; i++)
    {
      offsets[i] = meta ? meta->offset[i] : GST_VIDEO_INFO_PLANE_OFFSET (info, i);
      strides[i] = meta ? meta->stride[i] : GST_VIDEO_INFO_PLANE_STRIDE (info, i);
    }

  if (offsets[0] >= map->size)
    return;

  frame->data = map->data + offsets[0];
  frame->size = map->size - offsets[0];
  frame->format = format;
  frame->width = GST_VIDEO_INFO_WIDTH (info);
  frame->height = GST_VIDEO_INFO_HEIGHT (info);
  frame->stride = strides[0];

  /* Planar YUV as decoders give it: no conversion (4:4:4 H.264 in
   * particular would otherwise go through RGB).
   */
  if ((format == LC_PIXEL_FORMAT_I420 || format == LC_PIXEL_FORMAT_Y42B ||
       format == LC_PIXEL_FORMAT_Y444) && offsets[1] >= offsets[0] && offsets[2] >= offsets[0])
    {
      frame->u_offset = offsets[1] - offsets[0];
      frame->v_offset = offsets[2] - offsets[0];
      frame->uv_stride = strides[1];
    }
  else if (format == LC_PIXEL_FORMAT_NV12 && offsets[1] >= offsets[0])
    {
      frame->u_offset = offsets[1] - offsets[0];
      frame->v_offset = frame->u_offset + 1;
      frame->uv_stride = strides[1];
    }
}

/* Counts an accepted frame and posts what changed. Under @lock. */
static void
note_accepted_frame (LcVideoSource *self,
                     int            generation,
                     gint64         pts,
                     gint64         duration)
{
  int gif_frames;

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

  _lc_video_source_read_detection (self);
  if (self->detection.serial != self->posted_serial)
    {
      Post *post = _lc_video_source_post_new (self, generation, POST_DETECTION);

      self->posted_serial = self->detection.serial;
      post->detection = self->detection;
      _lc_video_source_post (self, post);
    }

  if (!self->posted_running)
    {
      self->posted_running = TRUE;
      _lc_video_source_post (self, _lc_video_source_post_new (self, generation, POST_RUNNING));
    }

  /* The GIF's last frame: avdemux_gif does not always say so itself (see
   * the watchdog), and the file is done with now rather than seconds on.
   */
  gif_frames = g_atomic_int_get (&self->gif_frames);
  if (gif_frames > 0 && self->n_frames == (guint) gif_frames)
    _lc_video_source_post (self, _lc_video_source_post_new (self, generation, POST_GIF_END));
}

static GstFlowReturn
analysis_sample_cb (GstAppSink *sink,
                    gpointer    user_data)
{
  LcVideoSource *self = user_data;
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (sink);
  GstBuffer *buffer;
  GstCaps *caps;
  GstMapInfo map;
  LcPixelFormat format;
  LcFrame frame = { 0 };
  gint64 pts;
  gint64 duration;
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

  /* One mapping for all planes (merged if the buffer has several memories). */
  if (!gst_buffer_map (buffer, &map, GST_MAP_READ))
    return GST_FLOW_OK;

  /* Timestamps are the only clock that matters to the detector. */
  duration = frame_duration (self, buffer);

  g_mutex_lock (&self->lock);

  pts = frame_time (self, buffer, &duration);
  if (self->last_pts >= 0 && pts <= self->last_pts)
    self->n_stuck++;

  /* Past the limit, stop here, whatever the file declares. */
  if (_lc_video_source_has_limits (self) && self->n_frames > 0 &&
      pts - self->first_pts > LC_VIDEO_SOURCE_MAX_SECONDS * GST_SECOND)
    {
      g_mutex_unlock (&self->lock);
      gst_buffer_unmap (buffer, &map);
      gst_element_post_message (GST_ELEMENT (sink),
                                gst_message_new_application (GST_OBJECT (sink),
                                                             gst_structure_new_empty (TOO_LONG_MESSAGE)));
      return GST_FLOW_EOS;
    }

  fill_frame (self, buffer, &map, format, &frame);
  frame.pts_ns = pts;

  /* The detector refuses malformed frames and timestamps that go back. */
  if (frame.data != NULL && lc_led_detector_push_frame (self->detector, &frame))
    note_accepted_frame (self, generation, pts, duration);

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

  post = _lc_video_source_post_new (self, generation, POST_PREVIEW);
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
  _lc_video_source_post (self, post);

  return GST_FLOW_OK;
}

void
_lc_video_source_take_analysis_frames (LcVideoSource *self,
                                       GstElement    *sink)
{
  GstAppSinkCallbacks callbacks = { .new_sample = analysis_sample_cb };

  gst_app_sink_set_callbacks (GST_APP_SINK (sink), &callbacks, self, NULL);

  /* Tags reach the sink in order with the frames. Files only, as the
   * preview is turned for files only.
   */
  if (self->file != NULL)
    {
      g_autoptr(GstPad) pad = gst_element_get_static_pad (sink, "sink");

      gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM, analysis_event_cb, self, NULL);
    }
}

void
_lc_video_source_take_preview_frames (LcVideoSource *self,
                                      GstElement    *sink)
{
  GstAppSinkCallbacks callbacks = { .new_sample = preview_sample_cb };

  gst_app_sink_set_callbacks (GST_APP_SINK (sink), &callbacks, self, NULL);
}
