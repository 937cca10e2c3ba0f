/* test-detector-confirm.c — "confirmed" means the whole signal
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-led-detector.h"
#include "lc-synth.h"

/* A Sync Module: its blue light is steady long before its green light has
 * blinked often enough to be read. The detector must not call a reading
 * with only the blue light confirmed: the camera page announces confirmed
 * readings to screen readers, and half a signal means something else.
 */
static void
test_confirm_waits_for_second_light (gconstpointer data)
{
  const char *text = data;
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  g_autoptr(LcSynthScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *rgb = NULL;
  LcSynthParams params;
  LcDetection detection;
  LcSignal signal;
  gboolean confirmed_both = FALSE;
  guint n_frames;
  int stride;

  g_assert_true (lc_signal_parse (text, &signal, &error));
  g_assert_no_error (error);

  lc_synth_params_init (&params, 320, 180, &signal);
  params.noise_sigma = 2.0;
  params.leds[0].x = 0.4;
  params.leds[1] = params.leds[0];
  params.leds[1].x = 0.6;
  params.leds[1].light_index = 1;
  params.n_leds = 2;

  scene = lc_synth_scene_new (&params);
  stride = params.width * 3;
  rgb = g_malloc (stride * params.height);
  n_frames = lc_synth_scene_frames_for (scene, 8.0);

  for (guint i = 0; i < n_frames; i++)
    {
      LcFrame frame;
      gint64 pts;

      if (!lc_synth_scene_render (scene, i, rgb, stride, &pts))
        continue;

      lc_frame_init_packed (&frame, rgb, (gsize) stride * params.height, LC_PIXEL_FORMAT_RGB24,
                            params.width, params.height, stride, pts);
      g_assert_true (lc_led_detector_push_frame (detector, &frame));
      lc_led_detector_get_detection (detector, &detection);

      if (detection.state == LC_DETECTION_CONFIRMED)
        {
          if (detection.n_leds != 2)
            g_test_message ("%s: confirmed at %.2f s with %u light(s), first %s", text, pts / 1e9, detection.n_leds, lc_detected_kind_to_string (detection.leds[0].kind));
          g_assert_cmpuint (detection.n_leds, ==, 2);
          confirmed_both = TRUE;
        }
    }

  g_assert_true (confirmed_both);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/vision/detector/confirm/solid-then-blink",
                        "blue:solid+green:blink", test_confirm_waits_for_second_light);
  g_test_add_data_func ("/vision/detector/confirm/blink-then-solid",
                        "blue:blink+green:solid", test_confirm_waits_for_second_light);

  return g_test_run ();
}
