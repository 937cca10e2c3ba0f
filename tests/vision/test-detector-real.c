/* test-detector-real.c — the detector on what real cameras show: glow, glare, housings, clutter
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test paints a small scene of its own (not lc-synth's camera body)
 * that reproduces one way real footage was misread: one LED's glow split
 * into several lights, a colour-changing LED read by brightness, glare and
 * coloured objects taken for lights, a clipped core on a white housing,
 * and what the device prior must do.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lc-led-detector.h"

#define WIDTH  320
#define HEIGHT 180
#define FPS    30.0

typedef struct
{
  double x, y;          /* centre, pixels */
  double radius;        /* core radius, pixels */
  double rgb[3];        /* colour of the glow, 0..1 */
  double core;          /* core brightness over the glow; > 1 clips to white */
  double gain;          /* overall brightness while lit (255 = just clips the colour) */
  double rate_hz;       /* 0: steady */
  double alt_rgb[3];    /* with alternate: the colour every other period */
  gboolean alternate;   /* changes colour instead of going dark */
  gboolean flat;        /* a flat patch with hard edges (a box, a label) */
  gboolean fade;        /* breathes at rate_hz instead of blinking */
  double window;        /* a milky window over it, this bright (0..255) when dark */
} Spot;

typedef struct
{
  double bg[3];         /* the housing or the room, 0..255 */
  Spot   spots[6];
  guint  n_spots;
} Scene;

static gboolean
spot_state (const Spot *spot,
            double      t,
            const double **rgb)
{
  gboolean second_half;

  *rgb = spot->rgb;
  if (spot->rate_hz <= 0.0 || spot->fade)
    return TRUE;

  second_half = fmod (t * spot->rate_hz, 1.0) >= 0.5;
  if (!spot->alternate)
    return !second_half;

  /* Alternating: one colour for a whole period, then the other. */
  if ((int) floor (t * spot->rate_hz * 2.0) % 2)
    *rgb = spot->alt_rgb;
  return TRUE;
}

static void
paint (const Scene *scene,
       double       t,
       guint        frame_index,
       guint8      *out)
{
  for (int y = 0; y < HEIGHT; y++)
    {
      for (int x = 0; x < WIDTH; x++)
        {
          double v[3] = { scene->bg[0], scene->bg[1], scene->bg[2] };
          guint8 *px = out + (gsize) y * WIDTH * 3 + x * 3;
          /* A fixed, small sensor noise: deterministic per pixel and frame. */
          guint32 h = (guint32) (x * 73856093u) ^ (guint32) (y * 19349663u) ^ (frame_index * 83492791u);

          for (guint i = 0; i < scene->n_spots; i++)
            {
              const Spot *s = &scene->spots[i];
              const double *rgb;
              double d = hypot (x + 0.5 - s->x, y + 0.5 - s->y);

              /* The window: a pale disc whether the LED is lit or not. */
              if (s->window > 0.0 && d <= 1.6 * s->radius)
                for (guint c = 0; c < 3; c++)
                  v[c] = s->window;

              if (!spot_state (s, t, &rgb))
                continue;

              if (s->flat)
                {
                  if (fabs (x + 0.5 - s->x) <= s->radius && fabs (y + 0.5 - s->y) <= s->radius)
                    for (guint c = 0; c < 3; c++)
                      v[c] = s->gain * rgb[c];
                  continue;
                }

              {
                double glow = exp (-(d * d) / (2.0 * (1.6 * s->radius) * (1.6 * s->radius)));
                double core = exp (-(d * d) / (2.0 * (0.6 * s->radius) * (0.6 * s->radius)));
                double gain = s->fade ? s->gain * (0.5 - 0.5 * cos (2.0 * G_PI * s->rate_hz * t)) : s->gain;

                for (guint c = 0; c < 3; c++)
                  v[c] += gain * (rgb[c] * glow + s->core * core);
              }
            }

          for (guint c = 0; c < 3; c++)
            {
              double noise = ((h >> (c * 8)) & 0xff) / 255.0 * 4.0 - 2.0;

              px[c] = (guint8) CLAMP (lround (v[c] + noise), 0, 255);
            }
        }
    }
}

/* Runs @scene for @seconds and returns the final detection. */
static void
run_scene (const Scene      *scene,
           const LcLedPrior *prior,
           double            seconds,
           LcDetection      *out)
{
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  g_autofree guint8 *rgb = g_malloc (WIDTH * HEIGHT * 3);
  guint n = (guint) (seconds * FPS);

  if (prior != NULL)
    lc_led_detector_set_prior (detector, prior);

  for (guint i = 0; i < n; i++)
    {
      LcFrame frame;
      double t = i / FPS;

      paint (scene, t, i, rgb);
      lc_frame_init_packed (&frame, rgb, WIDTH * HEIGHT * 3, LC_PIXEL_FORMAT_RGB24,
                            WIDTH, HEIGHT, WIDTH * 3, (gint64) (t * 1e9));
      g_assert_true (lc_led_detector_push_frame (detector, &frame));

      /* One rule: confirmed means at least 50 % sure, and only then. */
      lc_led_detector_get_detection (detector, out);
      for (guint k = 0; k < out->n_leds; k++)
        g_assert_cmpint (out->leds[k].confirmed, ==, out->leds[k].confidence >= 0.5);
    }
  lc_led_detector_get_detection (detector, out);
}

static char *
detection_text (const LcDetection *d)
{
  LcSignal signal;

  lc_detection_to_signal (d, &signal);
  return lc_signal_to_string (&signal);
}

static void
assert_reads (const LcDetection *d,
              const char        *expected,
              gboolean           confirmed)
{
  g_autofree char *text = detection_text (d);

  g_test_message ("read %s (%s, %u light(s))", text, lc_detection_state_to_string (d->state), d->n_leds);
  g_assert_cmpstr (text, ==, expected);
  if (confirmed)
    g_assert_cmpint (d->state, ==, LC_DETECTION_CONFIRMED);
  else
    g_assert_cmpint (d->state, !=, LC_DETECTION_CONFIRMED);
}

static const Spot red_led = {
  .radius = 3.0, .rgb = { 1.0, 0.08, 0.08 }, .core = 1.2, .gain = 255.0,
};

/* One red power LED whose glow lights up solder and screws around it. */
static void
test_glow_fragments (void)
{
  Scene scene = { .bg = { 18, 16, 16 } };
  LcDetection d;
  static const double around[][2] = { { 24, -6 }, { -20, 10 }, { 6, 26 } };

  scene.spots[scene.n_spots] = red_led;
  scene.spots[scene.n_spots].x = 160;
  scene.spots[scene.n_spots++].y = 90;
  for (guint i = 0; i < G_N_ELEMENTS (around); i++)
    {
      Spot *s = &scene.spots[scene.n_spots++];

      *s = red_led;
      s->x = 160 + around[i][0];
      s->y = 90 + around[i][1];
      s->radius = 2.0;
      s->core = 0.0;      /* no core: lit, not a light */
      s->gain = 230.0;
    }

  run_scene (&scene, NULL, 6.0, &d);
  assert_reads (&d, "red:solid", TRUE);
  g_assert_cmpuint (d.n_leds, ==, 1);
  g_assert_cmpfloat (fabs (d.leds[0].x * WIDTH - 160), <, 4.0);
}

/* An RGB LED that never goes dark but takes turns between two colours. */
static void
test_hue_alternation (void)
{
  Scene scene = { .bg = { 20, 20, 22 } };
  Spot *s = &scene.spots[scene.n_spots++];
  LcDetection d;

  *s = red_led;
  s->x = 120;
  s->y = 80;
  s->radius = 4.0;
  s->rate_hz = 0.5;     /* one colour for a second, then the other */
  s->alternate = TRUE;
  s->rgb[0] = 0.1, s->rgb[1] = 0.3, s->rgb[2] = 1.0;
  s->alt_rgb[0] = 0.1, s->alt_rgb[1] = 1.0, s->alt_rgb[2] = 0.2;

  run_scene (&scene, NULL, 9.0, &d);
  assert_reads (&d, "green/blue:blink", TRUE);
  g_assert_cmpfloat (fabs (d.leds[0].light.rate_hz - 1.0), <, 0.05);
}

/* A blue LED blinking behind a frosted window on a dark housing: the
 * window stays pale while the LED is dark, so the dark level is half the
 * lit one, and the hue swings from the window's grey to blue. That is a
 * blink, not a light taking turns between white and blue.
 */
static void
test_frosted_window (void)
{
  Scene scene = { .bg = { 20, 20, 22 } };
  Spot *s = &scene.spots[scene.n_spots++];
  LcDetection d;

  *s = red_led;
  s->x = 150;
  s->y = 100;
  s->radius = 5.0;
  s->rate_hz = 1.5;
  s->rgb[0] = 0.1, s->rgb[1] = 0.3, s->rgb[2] = 1.0;
  s->core = 0.3;
  s->gain = 110.0;
  s->window = 95.0;

  run_scene (&scene, NULL, 6.0, &d);
  assert_reads (&d, "blue:blink", TRUE);
  g_assert_cmpuint (d.n_leds, ==, 1);
  g_assert_cmpfloat (fabs (d.leds[0].light.rate_hz - 1.5), <, 0.075);
}

/* A blue status light blinking beside a red power light, both behind one
 * frosted window: the red glow fills the blue light's dark phase, which
 * is then red, not dark. That is a blue blink beside a red light, not a
 * light taking turns between red and blue.
 */
static void
test_borrowed_glow (void)
{
  Scene scene = { .bg = { 24, 24, 26 } };
  Spot *power = &scene.spots[scene.n_spots++];
  Spot *status = &scene.spots[scene.n_spots++];
  LcDetection d;

  *power = red_led;
  power->x = 130;
  power->y = 100;
  power->radius = 10.0;
  power->core = 0.4;
  power->gain = 200.0;

  *status = red_led;
  status->x = 162;
  status->y = 100;
  status->radius = 5.0;
  status->rate_hz = 1.2;
  status->rgb[0] = 0.1, status->rgb[1] = 0.3, status->rgb[2] = 1.0;
  status->core = 0.3;
  status->gain = 120.0;

  run_scene (&scene, NULL, 8.0, &d);
  assert_reads (&d, "blue:blink+red:solid", TRUE);
}

/* A blue light breathing slowly behind a frosted window: the window keeps
 * its dark phase pale, so the dip is shallow, and it swells and dims
 * smoothly. That must never be confirmed as a blink.
 */
static void
test_frosted_fade (void)
{
  Scene scene = { .bg = { 20, 20, 22 } };
  Spot *s = &scene.spots[scene.n_spots++];
  LcDetection d;
  g_autofree char *text = NULL;

  *s = red_led;
  s->x = 150;
  s->y = 100;
  s->radius = 5.0;
  s->rate_hz = 0.5;
  s->fade = TRUE;
  s->rgb[0] = 0.1, s->rgb[1] = 0.3, s->rgb[2] = 1.0;
  s->core = 0.3;
  s->gain = 160.0;
  s->window = 80.0;

  run_scene (&scene, NULL, 12.0, &d);
  text = detection_text (&d);
  g_test_message ("read %s (%s)", text, lc_detection_state_to_string (d.state));
  g_assert_true (d.state != LC_DETECTION_CONFIRMED || g_str_equal (text, "blue:fade"));
}

/* Glare on metal: a steady white spot is not a status light. */
static void
test_white_glare (void)
{
  Scene scene = { .bg = { 40, 40, 40 } };
  Spot *s = &scene.spots[scene.n_spots++];
  LcDetection d;

  *s = red_led;
  s->x = 200;
  s->y = 60;
  s->rgb[0] = s->rgb[1] = s->rgb[2] = 0.9;
  s->core = 2.0;

  run_scene (&scene, NULL, 6.0, &d);
  g_test_message ("state %s, %u light(s)", lc_detection_state_to_string (d.state), d.n_leds);
  g_assert_cmpuint (d.n_leds, ==, 0);
}

/* A blue box and a green label in the room, a red light blinking: the
 * signal is the red light and nothing else.
 */
static void
test_flat_objects (void)
{
  Scene scene = { .bg = { 70, 68, 66 } };
  LcDetection d;
  Spot *s;

  s = &scene.spots[scene.n_spots++];
  *s = (Spot) { .x = 60, .y = 120, .radius = 4, .rgb = { 0.15, 0.25, 0.85 }, .gain = 250.0, .flat = TRUE };
  s = &scene.spots[scene.n_spots++];
  *s = (Spot) { .x = 250, .y = 40, .radius = 3, .rgb = { 0.2, 0.8, 0.25 }, .gain = 250.0, .flat = TRUE };
  s = &scene.spots[scene.n_spots++];
  *s = red_led;
  s->x = 160;
  s->y = 90;
  s->rate_hz = 1.0;

  run_scene (&scene, NULL, 8.0, &d);
  assert_reads (&d, "red:blink", TRUE);
}

/* A white housing (Blink Mini, Sync Module 2): the core clips to white and
 * the housing around it is bright; the colour is what the LED adds.
 */
static void
test_light_housing (void)
{
  Scene scene = { .bg = { 214, 214, 210 } };
  Spot *s = &scene.spots[scene.n_spots++];
  LcDetection d;

  *s = red_led;
  s->x = 160;
  s->y = 90;
  s->radius = 2.5;
  s->rgb[0] = 1.0, s->rgb[1] = 0.15, s->rgb[2] = 0.1;
  s->core = 1.5;
  s->gain = 120.0;
  s->rate_hz = 1.0;

  run_scene (&scene, NULL, 8.0, &d);
  assert_reads (&d, "red:blink", TRUE);
}

/* A steady power LED beside a blinking status LED: both are reported. */
static void
test_power_beside_status (void)
{
  Scene scene = { .bg = { 22, 22, 24 } };
  LcDetection d;
  Spot *s;

  s = &scene.spots[scene.n_spots++];
  *s = red_led;
  s->x = 150;
  s->y = 90;
  s->core = 1.5;
  s = &scene.spots[scene.n_spots++];
  *s = red_led;
  s->x = 180;
  s->y = 90;
  s->rgb[0] = 0.1, s->rgb[1] = 1.0, s->rgb[2] = 0.15;
  s->rate_hz = 2.0;

  run_scene (&scene, NULL, 8.0, &d);
  assert_reads (&d, "green:blink+red:solid", TRUE);
  g_assert_cmpfloat (fabs (d.leds[0].light.rate_hz - 2.0), <, 0.1);
}

/* The prior: a device with one light shows one. */
static void
test_prior_one_light (void)
{
  Scene scene = { .bg = { 22, 22, 24 } };
  LcLedPrior camera = { .n_lights = 1, .palettes = { 1u << LC_COLOR_RED | 1u << LC_COLOR_GREEN | 1u << LC_COLOR_BLUE } };
  LcDetection d;
  Spot *s;

  s = &scene.spots[scene.n_spots++];
  *s = red_led;
  s->x = 120;
  s->y = 90;
  s->rate_hz = 1.0;
  s = &scene.spots[scene.n_spots++];
  *s = red_led;
  s->x = 200;
  s->y = 90;
  s->rgb[0] = 0.1, s->rgb[1] = 0.3, s->rgb[2] = 1.0;
  s->rate_hz = 2.0;

  run_scene (&scene, NULL, 8.0, &d);
  g_assert_cmpuint (d.n_leds, ==, 2);
  run_scene (&scene, &camera, 8.0, &d);
  g_assert_cmpuint (d.n_leds, ==, 1);
  g_assert_cmpint (d.state, ==, LC_DETECTION_CONFIRMED);
}

/* The prior: an orange-looking red is red on a device that has no amber;
 * a light with no colour to be seen is not confirmed as anything.
 */
static void
test_prior_palette (void)
{
  Scene scene = { .bg = { 22, 22, 24 } };
  LcLedPrior camera = { .n_lights = 1, .palettes = { 1u << LC_COLOR_RED | 1u << LC_COLOR_GREEN | 1u << LC_COLOR_BLUE } };
  LcDetection d;
  Spot *s = &scene.spots[scene.n_spots++];

  *s = red_led;
  s->x = 160;
  s->y = 90;
  s->rgb[0] = 1.0, s->rgb[1] = 0.55, s->rgb[2] = 0.05;
  s->rate_hz = 1.0;

  run_scene (&scene, NULL, 8.0, &d);
  assert_reads (&d, "amber:blink", TRUE);
  run_scene (&scene, &camera, 8.0, &d);
  assert_reads (&d, "red:blink", TRUE);

  s->rgb[0] = s->rgb[1] = s->rgb[2] = 0.9;
  run_scene (&scene, &camera, 8.0, &d);
  g_assert_cmpint (d.state, !=, LC_DETECTION_CONFIRMED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vision/detector/real/glow-fragments", test_glow_fragments);
  g_test_add_func ("/vision/detector/real/hue-alternation", test_hue_alternation);
  g_test_add_func ("/vision/detector/real/frosted-window", test_frosted_window);
  g_test_add_func ("/vision/detector/real/borrowed-glow", test_borrowed_glow);
  g_test_add_func ("/vision/detector/real/frosted-fade", test_frosted_fade);
  g_test_add_func ("/vision/detector/real/white-glare", test_white_glare);
  g_test_add_func ("/vision/detector/real/flat-objects", test_flat_objects);
  g_test_add_func ("/vision/detector/real/light-housing", test_light_housing);
  g_test_add_func ("/vision/detector/real/power-beside-status", test_power_beside_status);
  g_test_add_func ("/vision/detector/real/prior-one-light", test_prior_one_light);
  g_test_add_func ("/vision/detector/real/prior-palette", test_prior_palette);

  return g_test_run ();
}
