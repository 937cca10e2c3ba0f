/* lc-detector-trace.c — prints what the LED detector makes of a video, track by track
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tuning aid, not a test: decodes FILE to I420 (at most 1280 px wide,
 * as the app does), feeds the detector and prints its tracks every
 * --every seconds, then the final reading. With --json it plays FILE
 * through the app's own video source instead (with its guards for GIFs
 * and files that stall) and prints one line each time the answer
 * changes: the answer as the camera page would show it then, with its
 * lights as `lightcode analyze --json` has them (for
 * tests/bench/bench-real.py).
 *
 *   lc-detector-trace FILE [--every 0.5] [--prior N:COLORS,COLORS…] [--json]
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/video/video.h>

#include "lc-led-detector.h"
#include "lc-led-detector-private.h"
#include "lc-video-source.h"

static gboolean
parse_prior (const char *text,
             LcLedPrior *prior)
{
  g_auto(GStrv) lights = g_strsplit (text, ",", -1);

  memset (prior, 0, sizeof *prior);
  for (guint i = 0; lights[i] != NULL && i < LC_SIGNAL_MAX_LIGHTS; i++)
    {
      g_auto(GStrv) colors = g_strsplit (lights[i], "/", -1);

      for (guint c = 0; colors[c] != NULL; c++)
        {
          LcColor color;

          if (!lc_color_from_string (colors[c], &color))
            return FALSE;
          prior->palettes[i] |= 1u << color;
        }
      prior->n_lights++;
    }
  return prior->n_lights > 0;
}

/* The detection as one line of JSON: its time, state and signal, and its
 * lights in the fields `lightcode analyze --json` gives them.
 */
static char *
detection_to_json_line (const LcDetection *detection)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *text = NULL;
  LcSignal signal;

  lc_detection_to_signal (detection, &signal);
  text = lc_signal_to_string (&signal);
  g_string_append_printf (line, "{\"t\": %.3f, \"state\": \"%s\", \"signal\": \"%s\", \"leds\": [",
                          detection->pts_ns / 1e9, lc_detection_state_to_string (detection->state), text);
  for (guint i = 0; i < detection->n_leds; i++)
    {
      const LcDetectedLed *led = &detection->leds[i];

      g_string_append_printf (line, "%s{\"x\": %.3f, \"y\": %.3f, \"color\": \"", i > 0 ? ", " : "",
                              led->x, led->y);
      for (guint c = 0; c < led->light.n_colors; c++)
        g_string_append_printf (line, "%s%s", c > 0 ? "/" : "", lc_color_to_string (led->light.colors[c]));
      g_string_append_printf (line, "\", \"kind\": \"%s\", \"count\": %u, \"period_s\": %.3f, \"confirmed\": %s}",
                              lc_detected_kind_to_string (led->kind), led->light.count,
                              lc_light_get_period (&led->light), led->confirmed ? "true" : "false");
    }
  g_string_append (line, "]}");

  return g_string_free (g_steal_pointer (&line), FALSE);
}

static void
answer_changed_cb (LcVideoSource     *source,
                   const LcDetection *detection,
                   gpointer           user_data)
{
  g_autofree char *line = detection_to_json_line (detection);

  puts (line);
}

/* --json: every answer the app would show while it plays @path. */
static int
trace_answers (const char       *path,
               const LcLedPrior *prior)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(LcVideoSource) source = lc_video_source_new_for_file (file, FALSE);
  g_autoptr(GError) error = NULL;

  if (prior != NULL)
    lc_video_source_set_led_prior (source, prior);
  g_signal_connect (source, "detection-changed", G_CALLBACK (answer_changed_cb), NULL);
  if (!lc_video_source_play_to_end (source, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  double every = 0.5;
  g_autofree char *prior_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "every", 'e', 0, G_OPTION_ARG_DOUBLE, &every, "Seconds between dumps", "S" },
    { "prior", 'p', 0, G_OPTION_ARG_STRING, &prior_text, "Device prior: red/green/blue,blue", "P" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Every answer the app would show, one JSON line each", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  g_autofree char *description = NULL;
  GstElement *pipeline, *sink;
  gint64 next_dump = 0;
  LcLedPrior prior;
  LcDetection detection;
  LcSignal signal;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, gst_init_get_option_group ());
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "usage: lc-detector-trace FILE");
      return 2;
    }
  if (prior_text != NULL)
    {
      if (!parse_prior (prior_text, &prior))
        {
          g_printerr ("bad prior %s\n", prior_text);
          return 2;
        }
      lc_led_detector_set_prior (detector, &prior);
    }
  if (json)
    return trace_answers (argv[1], prior_text != NULL ? &prior : NULL);

  description = g_strdup_printf ("filesrc name=src ! decodebin ! videoconvertscale ! "
                                 "video/x-raw,format=I420,width=[1,1280],height=[1,1280],pixel-aspect-ratio=1/1 ! "
                                 "appsink name=sink sync=false");
  pipeline = gst_parse_launch (description, &error);
  if (pipeline == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  g_object_set (gst_bin_get_by_name (GST_BIN (pipeline), "src"), "location", argv[1], NULL);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  gst_element_set_state (pipeline, GST_STATE_PLAYING);

  for (;;)
    {
      g_autoptr(GstSample) sample = gst_app_sink_pull_sample (GST_APP_SINK (sink));
      GstVideoInfo info;
      GstVideoFrame vframe;
      GstBuffer *buffer;
      LcFrame frame = { 0, };

      if (sample == NULL)
        break;
      buffer = gst_sample_get_buffer (sample);
      if (!gst_video_info_from_caps (&info, gst_sample_get_caps (sample)) ||
          !gst_video_frame_map (&vframe, &info, buffer, GST_MAP_READ))
        continue;

      frame.data = GST_VIDEO_FRAME_PLANE_DATA (&vframe, 0);
      frame.size = gst_buffer_get_size (buffer);
      frame.format = LC_PIXEL_FORMAT_I420;
      frame.width = GST_VIDEO_INFO_WIDTH (&info);
      frame.height = GST_VIDEO_INFO_HEIGHT (&info);
      frame.stride = GST_VIDEO_FRAME_PLANE_STRIDE (&vframe, 0);
      frame.u_offset = (const guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&vframe, 1) - frame.data;
      frame.v_offset = (const guint8 *) GST_VIDEO_FRAME_PLANE_DATA (&vframe, 2) - frame.data;
      frame.uv_stride = GST_VIDEO_FRAME_PLANE_STRIDE (&vframe, 1);
      frame.pts_ns = GST_BUFFER_PTS (buffer);
      lc_led_detector_push_frame (detector, &frame);
      gst_video_frame_unmap (&vframe);

      if (frame.pts_ns >= next_dump)
        {
          g_autoptr(GString) out = g_string_new (NULL);
          g_autofree char *text = NULL;

          lc_led_detector_get_detection (detector, &detection);
          lc_detection_to_signal (&detection, &signal);
          text = lc_signal_to_string (&signal);
          g_string_append_printf (out, "%.2f s  %s  %s\n", frame.pts_ns / 1e9,
                                  lc_detection_state_to_string (detection.state), text);
          _lc_led_detector_dump_tracks (detector, out);
          fputs (out->str, stdout);
          next_dump = frame.pts_ns + (gint64) (every * 1e9);
        }
    }

  lc_led_detector_get_detection (detector, &detection);
  lc_detection_to_signal (&detection, &signal);
  {
    g_autofree char *text = lc_signal_to_string (&signal);

    g_print ("end  %s  %s\n", lc_detection_state_to_string (detection.state), text);
  }
  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (sink);
  gst_object_unref (pipeline);

  return 0;
}
