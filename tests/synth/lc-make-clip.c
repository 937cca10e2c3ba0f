/* lc-make-clip.c — renders a synthetic status-light scene and encodes it as a real video file
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by the tests (clips generated at build time), the benchmarks and to
 * make data/samples/red-burst-6.webm. The container follows the extension:
 *
 *   .webm  VP8 in WebM            .mkv  VP8 in Matroska
 *   .mp4   H.264 in MP4 (x264)    .mov  H.264 in QuickTime
 *   .avi   MJPEG in AVI
 *
 * Example:
 *   lc-make-clip --signal red:burst:6 --seconds 10 --noise 3 out.webm
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>
#include <gst/video/video.h>

#include "lc-synth.h"

typedef struct
{
  const char *extension;
  const char *encoder;
  const char *muxer;
} Container;

static const Container containers[] = {
  { ".webm", "vp8enc",  "webmmux" },
  { ".mkv",  "vp8enc",  "matroskamux" },
  { ".mp4",  "x264enc", "mp4mux" },
  { ".mov",  "x264enc", "qtmux" },
  { ".avi",  "jpegenc", "avimux" },
};

/* Command line */
static char *opt_signal = NULL;
static double opt_seconds = 10.0;
static int opt_width = 640;
static int opt_height = 360;
static double opt_fps = 30.0;
static int opt_seed = 1;
static double opt_phase = 0.0;
static double opt_exposure = 10.0;
static double opt_led_x = 0.5;
static double opt_led_y = 0.5;
static double opt_led2_x = -1.0;
static double opt_led2_y = 0.5;
static double opt_led_size = 8.0;
static double opt_brightness = 1.0;
static double opt_ambient = 0.35;
static gboolean opt_no_device = FALSE;
static double opt_noise = 0.0;
static double opt_blur = 0.0;
static double opt_ae_step = 0.0;
static double opt_ae_period = 3.0;
static double opt_wb_drift = 0.0;
static double opt_flicker = 0.0;
static double opt_flicker_hz = 10.0;
static double opt_shake = 0.0;
static gboolean opt_lamp = FALSE;
static double opt_drop = 0.0;
static double opt_jitter = 0.0;
static double opt_fps_wander = 0.0;
static int opt_bitrate = 0;
static int opt_rotate = 0;
static gboolean opt_fast = FALSE;
static gboolean opt_quiet = FALSE;

static GOptionEntry entries[] = {
  { "signal", 's', 0, G_OPTION_ARG_STRING, &opt_signal, "Signal the LED shows (default red:burst:6)", "SIGNAL" },
  { "seconds", 't', 0, G_OPTION_ARG_DOUBLE, &opt_seconds, "Length of the clip (default 10)", "S" },
  { "width", 'W', 0, G_OPTION_ARG_INT, &opt_width, "Width as displayed (default 640)", "PX" },
  { "height", 'H', 0, G_OPTION_ARG_INT, &opt_height, "Height as displayed (default 360)", "PX" },
  { "fps", 0, 0, G_OPTION_ARG_DOUBLE, &opt_fps, "Frame rate (default 30)", "FPS" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Random seed (default 1)", "N" },
  { "phase", 0, 0, G_OPTION_ARG_DOUBLE, &opt_phase, "Signal time at the first frame", "S" },
  { "exposure", 0, 0, G_OPTION_ARG_DOUBLE, &opt_exposure, "Exposure time (default 10)", "MS" },
  { "led-x", 0, 0, G_OPTION_ARG_DOUBLE, &opt_led_x, "LED center, 0..1 of the width (default 0.5)", "X" },
  { "led-y", 0, 0, G_OPTION_ARG_DOUBLE, &opt_led_y, "LED center, 0..1 of the height (default 0.5)", "Y" },
  { "led2-x", 0, 0, G_OPTION_ARG_DOUBLE, &opt_led2_x, "A second LED, driven by the signal's second light, at this x", "X" },
  { "led2-y", 0, 0, G_OPTION_ARG_DOUBLE, &opt_led2_y, "… and this y (default 0.5)", "Y" },
  { "led-size", 0, 0, G_OPTION_ARG_DOUBLE, &opt_led_size, "Lit diameter (default 8)", "PX" },
  { "brightness", 0, 0, G_OPTION_ARG_DOUBLE, &opt_brightness, "LED peak, 1 = just unclipped, 3 = clipped core", "B" },
  { "ambient", 0, 0, G_OPTION_ARG_DOUBLE, &opt_ambient, "Wall brightness 0..1 (default 0.35)", "A" },
  { "no-device", 0, 0, G_OPTION_ARG_NONE, &opt_no_device, "Do not draw the camera body", NULL },
  { "noise", 0, 0, G_OPTION_ARG_DOUBLE, &opt_noise, "Sensor noise sigma, 0..255", "SIGMA" },
  { "blur", 0, 0, G_OPTION_ARG_DOUBLE, &opt_blur, "Optics blur sigma", "PX" },
  { "ae-step", 0, 0, G_OPTION_ARG_DOUBLE, &opt_ae_step, "Auto-exposure jumps of this many EV", "EV" },
  { "ae-period", 0, 0, G_OPTION_ARG_DOUBLE, &opt_ae_period, "… every this many seconds (default 3)", "S" },
  { "wb-drift", 0, 0, G_OPTION_ARG_DOUBLE, &opt_wb_drift, "White-balance drift of the channel gains", "F" },
  { "flicker", 0, 0, G_OPTION_ARG_DOUBLE, &opt_flicker, "Mains flicker amplitude 0..1", "A" },
  { "flicker-hz", 0, 0, G_OPTION_ARG_DOUBLE, &opt_flicker_hz, "Flicker as seen by the camera (default 10)", "HZ" },
  { "shake", 0, 0, G_OPTION_ARG_DOUBLE, &opt_shake, "Camera shake, peak", "PX" },
  { "lamp", 0, 0, G_OPTION_ARG_NONE, &opt_lamp, "A steady lamp elsewhere in the picture", NULL },
  { "drop", 0, 0, G_OPTION_ARG_DOUBLE, &opt_drop, "Probability of a dropped frame", "P" },
  { "jitter", 0, 0, G_OPTION_ARG_DOUBLE, &opt_jitter, "Timestamp jitter, ±", "MS" },
  { "fps-wander", 0, 0, G_OPTION_ARG_DOUBLE, &opt_fps_wander, "Variable frame rate, ± fraction", "F" },
  { "bitrate", 0, 0, G_OPTION_ARG_INT, &opt_bitrate, "Video bit rate (default: by size)", "KBPS" },
  { "rotate", 0, 0, G_OPTION_ARG_INT, &opt_rotate, "Store rotated with a rotation tag (90, 180, 270; .mp4/.mov)", "DEG" },
  { "fast", 0, 0, G_OPTION_ARG_NONE, &opt_fast, "Fastest encoder settings (for tests)", NULL },
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opt_quiet, "Print nothing on success", NULL },
  { NULL }
};

static const Container *
find_container (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (containers); i++)
    if (g_str_has_suffix (path, containers[i].extension))
      return &containers[i];

  return NULL;
}

static GstElement *
make (const char *factory)
{
  GstElement *element = gst_element_factory_make (factory, NULL);

  if (element == NULL)
    {
      g_printerr ("lc-make-clip: the GStreamer element “%s” is not installed\n", factory);
      exit (2);
    }

  return element;
}

static void
configure_encoder (GstElement *encoder,
                   const char *factory,
                   int         kbps,
                   int         keyframe_distance)
{
  if (g_str_equal (factory, "vp8enc"))
    {
      g_object_set (encoder,
                    "target-bitrate", kbps * 1000,
                    "keyframe-max-dist", keyframe_distance,
                    "deadline", (gint64) (opt_fast ? 1 : 0),
                    "cpu-used", opt_fast ? 8 : 2,
                    NULL);
      gst_util_set_object_arg (G_OBJECT (encoder), "end-usage", "vbr");
    }
  else if (g_str_equal (factory, "x264enc"))
    {
      g_object_set (encoder,
                    "bitrate", (guint) kbps,
                    "key-int-max", (guint) keyframe_distance,
                    NULL);
      gst_util_set_object_arg (G_OBJECT (encoder), "speed-preset", opt_fast ? "ultrafast" : "medium");
    }
  else if (g_str_equal (factory, "jpegenc"))
    {
      g_object_set (encoder, "quality", 85, NULL);
    }
}

/* Stores @upright (W×H, RGB) rotated the other way, as a phone would, so
 * that turning it by @degrees clockwise shows it upright again.
 */
static void
rotate_into (const guint8 *upright,
             int           width,
             int           height,
             int           upright_stride,
             guint8       *stored,
             int           stored_width,
             int           stored_height,
             int           stored_stride,
             int           degrees)
{
  for (int ys = 0; ys < stored_height; ys++)
    {
      guint8 *out = stored + (gsize) ys * stored_stride;

      for (int xs = 0; xs < stored_width; xs++)
        {
          int xu, yu;
          const guint8 *in;

          switch (degrees)
            {
            case 90:
              xu = stored_height - 1 - ys;
              yu = xs;
              break;

            case 180:
              xu = stored_width - 1 - xs;
              yu = stored_height - 1 - ys;
              break;

            case 270:
              xu = ys;
              yu = stored_width - 1 - xs;
              break;

            default:
              xu = xs;
              yu = ys;
              break;
            }

          g_assert (xu >= 0 && xu < width && yu >= 0 && yu < height);
          in = upright + (gsize) yu * upright_stride + (gsize) xu * 3;
          out[xs * 3 + 0] = in[0];
          out[xs * 3 + 1] = in[1];
          out[xs * 3 + 2] = in[2];
        }
    }
}


/* Byte by byte: GST_READ_UINT32_BE does an unaligned load, which UBSan
 * (and strict-alignment CPUs) refuse.
 */
static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static void
write_be32 (guint8  *p,
            guint32  value)
{
  p[0] = value >> 24;
  p[1] = value >> 16;
  p[2] = value >> 8;
  p[3] = value;
}

/* Finds the box @type among the boxes in [@start, @end); returns its
 * content (after the header) and sets *@out_end, or NULL.
 */
static guint8 *
find_box (guint8     *start,
          guint8     *end,
          const char *type,
          guint8    **out_end)
{
  while (end - start >= 8)
    {
      guint64 size = read_be32 (start);
      gsize header = 8;

      if (size == 1 && end - start >= 16)
        {
          size = (((guint64) read_be32 (start + 8)) << 32 | read_be32 (start + 12));
          header = 16;
        }
      else if (size == 0)
        {
          size = end - start;
        }

      if (size < header || size > (guint64) (end - start))
        return NULL;

      if (memcmp (start + 4, type, 4) == 0)
        {
          *out_end = start + size;
          return start + header;
        }

      start += size;
    }

  return NULL;
}

/* qtmux (1.22) does not write the image-orientation tag, so set the track
 * matrix the way phones do; qtdemux reads it back as the tag.
 */
static gboolean
write_rotation (const char  *path,
                int          degrees,
                GError     **error)
{
  g_autofree char *contents = NULL;
  guint8 *data, *moov, *moov_end, *trak, *trak_end, *tkhd, *tkhd_end, *matrix;
  gsize length;
  gint32 a, b, c, d;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  data = (guint8 *) contents;
  moov = find_box (data, data + length, "moov", &moov_end);
  trak = moov ? find_box (moov, moov_end, "trak", &trak_end) : NULL;
  tkhd = trak ? find_box (trak, trak_end, "tkhd", &tkhd_end) : NULL;
  if (tkhd == NULL || tkhd_end - tkhd < 84)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no track header in %s", path);
      return FALSE;
    }

  /* version, flags, times, track id, duration, layer, group, volume */
  matrix = tkhd + (tkhd[0] == 1 ? 52 : 40);

  switch (degrees)
    {
    case 90:  a = 0;        b = 0x10000;  c = -0x10000; d = 0;        break;
    case 180: a = -0x10000; b = 0;        c = 0;        d = -0x10000; break;
    case 270: a = 0;        b = -0x10000; c = 0x10000;  d = 0;        break;
    default:  a = 0x10000;  b = 0;        c = 0;        d = 0x10000;  break;
    }

  write_be32 (matrix + 0, (guint32) a);
  write_be32 (matrix + 4, (guint32) b);
  write_be32 (matrix + 12, (guint32) c);
  write_be32 (matrix + 16, (guint32) d);

  return g_file_set_contents (path, contents, length, error);
}

static gboolean
wait_for_end (GstElement  *pipeline,
              GError     **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr(GstMessage) message = NULL;

  message = gst_bus_timed_pop_filtered (bus, GST_CLOCK_TIME_NONE,
                                        GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      gst_message_parse_error (message, error, NULL);
      return FALSE;
    }

  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LcSynthScene) scene = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstCaps) caps = NULL;
  g_autofree guint8 *upright = NULL;
  g_autofree char *signal_text = NULL;
  const Container *container;
  g_autoptr(GstCaps) encoder_caps = NULL;
  GstElement *source, *convert, *filter, *encoder, *muxer, *sink;
  LcSynthParams params;
  LcSignal signal;
  GstVideoInfo info;
  const char *output;
  int stored_width, stored_height;
  int upright_stride;
  int fps_n, fps_d;
  int kbps;
  guint n_frames;
  guint n_written = 0;
  GStatBuf st;

  context = g_option_context_new ("OUTPUT — render a status-light scene into a video file");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, gst_init_get_option_group ());
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("lc-make-clip: %s\n", error->message);
      return 2;
    }

  if (argc != 2)
    {
      g_printerr ("lc-make-clip: give exactly one output file (see --help)\n");
      return 2;
    }
  output = argv[1];

  container = find_container (output);
  if (container == NULL)
    {
      g_printerr ("lc-make-clip: unknown container for “%s” (use .webm, .mkv, .mp4, .mov or .avi)\n", output);
      return 2;
    }

  if (opt_rotate != 0 && opt_rotate != 90 && opt_rotate != 180 && opt_rotate != 270)
    {
      g_printerr ("lc-make-clip: --rotate takes 90, 180 or 270\n");
      return 2;
    }

  if (opt_rotate != 0 && !g_str_equal (container->muxer, "mp4mux") && !g_str_equal (container->muxer, "qtmux"))
    {
      g_printerr ("lc-make-clip: only .mp4 and .mov carry a rotation tag\n");
      return 2;
    }

  if (opt_width < 16 || opt_height < 16 || opt_width % 2 || opt_height % 2 ||
      opt_fps <= 0 || opt_seconds <= 0)
    {
      g_printerr ("lc-make-clip: the size must be even and at least 16×16, fps and seconds positive\n");
      return 2;
    }

  if (!lc_signal_parse (opt_signal ? opt_signal : "red:burst:6", &signal, &error))
    {
      g_printerr ("lc-make-clip: %s\n", error->message);
      return 2;
    }

  lc_synth_params_init (&params, opt_width, opt_height, &signal);
  params.fps = opt_fps;
  params.seed = (guint32) opt_seed;
  params.phase_s = opt_phase;
  params.exposure_ms = opt_exposure;
  params.leds[0].x = opt_led_x;
  params.leds[0].y = opt_led_y;
  params.leds[0].diameter_px = opt_led_size;
  params.leds[0].brightness = opt_brightness;
  if (opt_led2_x >= 0.0)
    {
      params.n_leds = 2;
      params.leds[1] = params.leds[0];
      params.leds[1].x = opt_led2_x;
      params.leds[1].y = opt_led2_y;
      params.leds[1].light_index = MIN (1, signal.n_lights - 1);
    }
  params.ambient = opt_ambient;
  params.draw_device = !opt_no_device;
  params.noise_sigma = opt_noise;
  params.blur_sigma = opt_blur;
  params.ae_step_ev = opt_ae_step;
  params.ae_period_s = opt_ae_period;
  params.wb_drift = opt_wb_drift;
  params.flicker_amplitude = opt_flicker;
  params.flicker_hz = opt_flicker_hz;
  params.shake_px = opt_shake;
  params.lamp = opt_lamp;
  params.drop_probability = opt_drop;
  params.jitter_ms = opt_jitter;
  params.fps_wander = opt_fps_wander;

  scene = lc_synth_scene_new (&params);
  n_frames = lc_synth_scene_frames_for (scene, opt_seconds);

  if (opt_rotate == 90 || opt_rotate == 270)
    {
      stored_width = opt_height;
      stored_height = opt_width;
    }
  else
    {
      stored_width = opt_width;
      stored_height = opt_height;
    }

  gst_util_double_to_fraction (opt_fps, &fps_n, &fps_d);
  gst_video_info_set_format (&info, GST_VIDEO_FORMAT_RGB, stored_width, stored_height);
  GST_VIDEO_INFO_FPS_N (&info) = fps_n;
  GST_VIDEO_INFO_FPS_D (&info) = fps_d;
  caps = gst_video_info_to_caps (&info);

  upright_stride = opt_width * 3;
  upright = g_malloc ((gsize) upright_stride * opt_height);

  /* Roughly what a phone or webcam spends on a quiet scene; keeps the
   * sample small.
   */
  kbps = opt_bitrate > 0 ? opt_bitrate
                         : (int) CLAMP ((double) opt_width * opt_height * opt_fps / 20000.0, 100, 4000);

  pipeline = gst_pipeline_new ("make-clip");
  source = make ("appsrc");
  convert = make ("videoconvert");
  filter = make ("capsfilter");
  encoder = make (container->encoder);
  muxer = make (container->muxer);
  sink = make ("filesink");

  g_object_set (source,
                "caps", caps,
                "format", GST_FORMAT_TIME,
                "block", TRUE,
                "max-bytes", (guint64) GST_VIDEO_INFO_SIZE (&info) * 4,
                NULL);
  /* 4:2:0 like every camera and phone (x264 would keep 4:4:4 otherwise). */
  encoder_caps = gst_caps_new_simple ("video/x-raw", "format", G_TYPE_STRING, "I420", NULL);
  g_object_set (filter, "caps", encoder_caps, NULL);
  configure_encoder (encoder, container->encoder, kbps, (int) (2 * opt_fps));
  g_object_set (sink, "location", output, NULL);

  gst_bin_add_many (GST_BIN (pipeline), source, convert, filter, encoder, muxer, sink, NULL);
  if (!gst_element_link_many (source, convert, filter, encoder, muxer, sink, NULL))
    {
      g_printerr ("lc-make-clip: cannot link %s ! %s\n", container->encoder, container->muxer);
      return 1;
    }

  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_printerr ("lc-make-clip: cannot start the encoder\n");
      return 1;
    }

  for (guint i = 0; i < n_frames; i++)
    {
      GstBuffer *buffer;
      GstMapInfo map;
      gint64 pts_ns = 0;

      /* A dropped frame leaves a gap in the timestamps, as on a webcam. */
      if (!lc_synth_scene_render (scene, i, upright, upright_stride, &pts_ns))
        continue;

      buffer = gst_buffer_new_allocate (NULL, GST_VIDEO_INFO_SIZE (&info), NULL);
      gst_buffer_map (buffer, &map, GST_MAP_WRITE);
      rotate_into (upright, opt_width, opt_height, upright_stride,
                   map.data, stored_width, stored_height,
                   GST_VIDEO_INFO_PLANE_STRIDE (&info, 0), opt_rotate);
      gst_buffer_unmap (buffer, &map);

      GST_BUFFER_PTS (buffer) = (GstClockTime) pts_ns;
      GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale_int (GST_SECOND, fps_d, fps_n);

      if (gst_app_src_push_buffer (GST_APP_SRC (source), buffer) != GST_FLOW_OK)
        break;
      n_written++;
    }

  gst_app_src_end_of_stream (GST_APP_SRC (source));

  if (!wait_for_end (pipeline, &error))
    {
      g_printerr ("lc-make-clip: encoding failed: %s\n", error->message);
      gst_element_set_state (pipeline, GST_STATE_NULL);
      return 1;
    }

  gst_element_set_state (pipeline, GST_STATE_NULL);

  if (opt_rotate != 0 && !write_rotation (output, opt_rotate, &error))
    {
      g_printerr ("lc-make-clip: cannot store the rotation: %s\n", error->message);
      return 1;
    }

  if (!opt_quiet && g_stat (output, &st) == 0)
    {
      signal_text = lc_signal_to_string (&signal);
      g_print ("%s: %s, %u frames, %dx%d at %g fps, %s + %s, %.0f KB\n",
               output, signal_text, n_written, opt_width, opt_height, opt_fps,
               container->encoder, container->muxer, st.st_size / 1024.0);
    }

  return 0;
}
