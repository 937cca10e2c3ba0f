/* lc-video-source-pipeline.c — builds LcVideoSource's GStreamer pipeline
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See lc-video-source.c for the pipeline's shape. decodebin's callbacks
 * run on streaming threads, and may outlive their run: they carry the
 * run's generation and head, and touch nothing of a later run.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gst/pbutils/pbutils.h>

#include "lc-camera-private.h"
#include "lc-video-source-private.h"

/* Decodebin (streaming threads) */

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

  if (_lc_video_source_has_limits (self))
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
GstCaps *
_lc_video_source_make_preview_caps (LcVideoSource *self)
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
      caps = _lc_video_source_make_preview_caps (self);
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
      _lc_video_source_take_preview_frames (self, sink);
      if (flip != NULL)
        g_object_set (flip, "video-direction", GST_VIDEO_ORIENTATION_AUTO, NULL);
    }
  else
    {
      caps = _lc_video_source_make_analysis_caps ();
      /* Not leaky, and the sink never drops: back-pressure slows the
       * decoder down instead.
       */
      g_object_set (sink, "drop", FALSE, "max-buffers", 0, NULL);
      _lc_video_source_take_analysis_frames (self, sink);
    }

  g_object_set (filter, "caps", caps, NULL);
  g_object_set (sink,
                "sync", sync,
                "qos", FALSE,
                "enable-last-sample", FALSE,
                "emit-signals", FALSE,
                NULL);
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

/* Skips a GIF colour table if @packed says there is one. */
static gboolean
skip_colour_table (GInputStream *in,
                   guint8        packed)
{
  gssize size = 3 << ((packed & 0x07) + 1);

  return !(packed & 0x80) || g_input_stream_skip (in, size, NULL, NULL) == size;
}

/* Skips data sub-blocks up to their zero-length terminator. */
static gboolean
skip_sub_blocks (GBufferedInputStream *in)
{
  for (;;)
    {
      int size = g_buffered_input_stream_read_byte (in, NULL, NULL);

      if (size <= 0)
        return size == 0;
      if (g_input_stream_skip (G_INPUT_STREAM (in), size, NULL, NULL) != size)
        return FALSE;
    }
}

/* The number of images in the GIF that @in reads after its header, found
 * by walking its blocks to the trailer (GIF89a, section 27); 0 when a
 * block is broken or the file ends first.
 */
static guint
count_gif_images (GBufferedInputStream *in)
{
  GInputStream *stream = G_INPUT_STREAM (in);
  guint8 screen[7], image[9];
  guint n = 0;

  if (!g_input_stream_read_all (stream, screen, sizeof screen, NULL, NULL, NULL) ||
      !skip_colour_table (stream, screen[4]))
    return 0;

  for (;;)
    {
      int introducer = g_buffered_input_stream_read_byte (in, NULL, NULL);
      gsize n_read = 0;

      switch (introducer)
        {
        case 0x21: /* extension: its label, then sub-blocks */
          if (g_buffered_input_stream_read_byte (in, NULL, NULL) < 0 || !skip_sub_blocks (in))
            return 0;
          break;

        case 0x2c: /* image: descriptor, colour table, LZW code size, sub-blocks */
          if (!g_input_stream_read_all (stream, image, sizeof image, &n_read, NULL, NULL) ||
              n_read != sizeof image || !skip_colour_table (stream, image[8]) ||
              g_buffered_input_stream_read_byte (in, NULL, NULL) < 0 || !skip_sub_blocks (in))
            return 0;
          n++;
          break;

        case 0x3b: /* trailer */
          return n;

        default:
          return 0;
        }
    }
}

/* _lc_video_source_check_file() has made sure it is a regular file. */
gboolean
_lc_video_source_file_is_gif (GFile *file,
                              guint *out_n_frames)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autoptr(GInputStream) in = NULL;
  char magic[6] = { 0 };
  gsize n_read = 0;

  *out_n_frames = 0;
  if (stream == NULL)
    return FALSE;
  in = g_buffered_input_stream_new_sized (G_INPUT_STREAM (stream), 64 * 1024);
  if (!g_input_stream_read_all (in, magic, sizeof magic, &n_read, NULL, NULL) ||
      n_read != sizeof magic ||
      (memcmp (magic, "GIF87a", 6) != 0 && memcmp (magic, "GIF89a", 6) != 0))
    return FALSE;

  *out_n_frames = count_gif_images (G_BUFFERED_INPUT_STREAM (in));

  return TRUE;
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

/* filesrc (giosrc for a URI-only file), or the camera's element. */
static GstElement *
make_source (LcVideoSource  *self,
             GError        **error)
{
  g_autofree char *path = NULL;
  GstElement *source;

  if (self->file == NULL)
    {
      source = _lc_camera_create_element (self->camera, error);
      if (source != NULL && self->steady_camera)
        set_steady_controls (self, source);
      return source;
    }

  path = g_file_get_path (self->file);
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

  return source;
}

/* What goes between the source and decodebin: the GIF demuxer for a
 * GIF, the camera's caps for a camera, nothing for other files. Takes
 * @source and @decodebin into @bin.
 */
static gboolean
add_source (LcVideoSource  *self,
            GstBin         *bin,
            GstElement     *source,
            GstElement     *decodebin,
            GError        **error)
{
  GstElement *between = NULL;

  /* decodebin runs avdemux_gif in push mode, where it waits for ever at
   * the end of some GIFs (trailing bytes after the last frame). Pulling
   * from filesrc directly, it ends them.
   */
  if (self->file != NULL && g_atomic_int_get (&self->is_gif) && have_gif_demuxer ())
    {
      between = make_element ("avdemux_gif", "gif-demux", error);
      if (between != NULL)
        g_signal_connect_object (between, "pad-added", G_CALLBACK (gif_pad_added_cb), decodebin, 0);
    }
  else if (self->file == NULL)
    {
      g_autoptr(GstCaps) caps = make_camera_caps ();

      between = make_element ("capsfilter", NULL, error);
      if (between != NULL)
        g_object_set (between, "caps", caps, NULL);
    }
  else
    return add_and_link (bin, error, source, decodebin, NULL);

  if (between == NULL)
    {
      gst_object_unref (source);
      gst_object_unref (decodebin);
      return FALSE;
    }

  /* The demuxer's pad comes later: decodebin is linked in gif_pad_added_cb(). */
  if (g_atomic_int_get (&self->is_gif))
    {
      if (!add_and_link (bin, error, source, between, NULL))
        {
          gst_object_unref (decodebin);
          return FALSE;
        }
      gst_bin_add (bin, decodebin);
      return TRUE;
    }

  return add_and_link (bin, error, source, between, decodebin, NULL);
}

/* The analysis branch, and the preview branch after a tee when there is
 * a preview. Returns where decodebin's video pad goes.
 */
static GstElement *
add_branches (LcVideoSource  *self,
              GstBin         *bin,
              GError        **error)
{
  GstElement *analysis;
  GstElement *preview;
  GstElement *tee;

  analysis = build_branch (self, bin, FALSE, error);
  if (analysis == NULL || !self->preview_enabled)
    return analysis;

  tee = make_element ("tee", "split", error);
  if (tee == NULL)
    return NULL;
  gst_bin_add (bin, tee);

  preview = build_branch (self, bin, TRUE, error);
  if (preview == NULL)
    return NULL;

  if (!gst_element_link (tee, analysis) || !gst_element_link (tee, preview))
    {
      g_set_error_literal (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                           _("The video pipeline cannot be built"));
      return NULL;
    }

  return tee;
}

gboolean
_lc_video_source_build_pipeline (LcVideoSource  *self,
                                 GError        **error)
{
  g_autoptr(GstElement) pipeline = gst_pipeline_new ("lightcode-video-source");
  GstBin *bin = GST_BIN (pipeline);
  GstElement *source;
  GstElement *decodebin;
  GstElement *head;

  source = make_source (self, error);
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

  if (!add_source (self, bin, source, decodebin, error))
    return FALSE;

  head = add_branches (self, bin, error);
  if (head == NULL)
    return FALSE;

  /* Read by decodebin's callbacks, which may outlive this run. */
  g_object_set_data (G_OBJECT (decodebin), "lc-head", head);
  g_object_set_data (G_OBJECT (decodebin), "lc-generation",
                     GINT_TO_POINTER (g_atomic_int_get (&self->generation)));

  self->head = head;
  self->pipeline = g_steal_pointer (&pipeline);

  return TRUE;
}
