/* test-detector.c — the LED detector on synthetic video with known truth
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lc-led-detector.h"
#include "lc-led-detector-private.h"
#include "lc-synth.h"

/* Small frames keep the suite fast; the pooling step is 1 at this width. */
#define W 256
#define H 144

typedef struct
{
  LcDetection detection;
  LcSignal    truth;
  double      period_s;     /* pattern period, for latency */
  double      interval_s;   /* nominal frame interval */
} Result;

typedef void (*Tweak) (LcSynthParams *params);

static void
parse_signal (const char *text,
              LcSignal   *signal)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lc_signal_parse (text, signal, &error));
  g_assert_no_error (error);
}

static void
convert_frame (const guint8 *rgb,
               int           width,
               int           height,
               LcPixelFormat format,
               guint8       *out,
               LcFrame      *frame,
               gint64        pts)
{
  int bpp = lc_pixel_format_get_bpp (format);
  gboolean planar = bpp == 0;
  int stride = planar ? width + 3 : (format == LC_PIXEL_FORMAT_YUY2 ? ((width + 1) / 2) * 4 : width * bpp) + 8;
  gsize size = (gsize) stride * height;
  /* Chroma subsampling across and down, and the step between U samples. */
  int sx = format == LC_PIXEL_FORMAT_Y444 ? 0 : 1;
  int sy = format == LC_PIXEL_FORMAT_Y444 || format == LC_PIXEL_FORMAT_Y42B ? 0 : 1;
  int step = format == LC_PIXEL_FORMAT_NV12 ? 2 : 1;

  memset (frame, 0, sizeof *frame);

  if (planar)
    {
      int cw = (width + (1 << sx) - 1) >> sx, ch = (height + (1 << sy) - 1) >> sy, cs = cw * step + 5;

      frame->u_offset = size;
      if (step == 2)
        {
          frame->v_offset = size + 1;
          size += (gsize) cs * ch;
        }
      else
        {
          frame->v_offset = size + (gsize) cs * ch;
          size += 2 * (gsize) cs * ch;
        }
      frame->uv_stride = cs;
    }

  for (int y = 0; y < height; y++)
    {
      for (int x = 0; x < width; x++)
        {
          const guint8 *p = rgb + ((gsize) y * width + x) * 3;
          int r = p[0], g = p[1], b = p[2];
          int Y = ((66 * r + 129 * g + 25 * b + 128) >> 8) + 16;
          int U = ((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128;
          int V = ((112 * r - 94 * g - 18 * b + 128) >> 8) + 128;
          guint8 *o = out + (gsize) y * stride;

          switch (format)
            {
            case LC_PIXEL_FORMAT_RGB24:
              o[x * 3] = r; o[x * 3 + 1] = g; o[x * 3 + 2] = b;
              break;
            case LC_PIXEL_FORMAT_BGR24:
              o[x * 3] = b; o[x * 3 + 1] = g; o[x * 3 + 2] = r;
              break;
            case LC_PIXEL_FORMAT_RGBX:
              o[x * 4] = r; o[x * 4 + 1] = g; o[x * 4 + 2] = b; o[x * 4 + 3] = 0xff;
              break;
            case LC_PIXEL_FORMAT_BGRX:
              o[x * 4] = b; o[x * 4 + 1] = g; o[x * 4 + 2] = r; o[x * 4 + 3] = 0xff;
              break;
            case LC_PIXEL_FORMAT_XRGB:
              o[x * 4] = 0xff; o[x * 4 + 1] = r; o[x * 4 + 2] = g; o[x * 4 + 3] = b;
              break;
            case LC_PIXEL_FORMAT_XBGR:
              o[x * 4] = 0xff; o[x * 4 + 1] = b; o[x * 4 + 2] = g; o[x * 4 + 3] = r;
              break;
            case LC_PIXEL_FORMAT_GRAY8:
              o[x] = MAX (MAX (r, g), b);
              break;
            case LC_PIXEL_FORMAT_YUY2:
              o[(x / 2) * 4 + (x & 1) * 2] = CLAMP (Y, 0, 255);
              if ((x & 1) == 0)
                {
                  o[(x / 2) * 4 + 1] = CLAMP (U, 0, 255);
                  o[(x / 2) * 4 + 3] = CLAMP (V, 0, 255);
                }
              break;
            case LC_PIXEL_FORMAT_I420:
            case LC_PIXEL_FORMAT_NV12:
            case LC_PIXEL_FORMAT_Y42B:
            case LC_PIXEL_FORMAT_Y444:
              o[x] = CLAMP (Y, 0, 255);
              if ((x & ((1 << sx) - 1)) == 0 && (y & ((1 << sy) - 1)) == 0)
                {
                  gsize c = (gsize) (y >> sy) * frame->uv_stride + (gsize) (x >> sx) * step;

                  out[frame->u_offset + c] = CLAMP (U, 0, 255);
                  out[frame->v_offset + c] = CLAMP (V, 0, 255);
                }
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }

  frame->data = out;
  frame->size = size;
  frame->format = format;
  frame->width = width;
  frame->height = height;
  frame->stride = stride;
  frame->pts_ns = pts;
}

/* Renders @seconds of @params and runs a detector over it. */
static void
run_scene (const LcSynthParams *params,
           double               seconds,
           LcPixelFormat        format,
           LcLedDetector       *det,
           Result              *result)
{
  g_autoptr(LcSynthScene) scene = lc_synth_scene_new (params);
  int stride = params->width * 3;
  g_autofree guint8 *rgb = g_malloc ((gsize) stride * params->height);
  g_autofree guint8 *converted = g_malloc ((gsize) (params->width * 4 + 16) * (params->height + 2) * 2);
  guint frames = lc_synth_scene_frames_for (scene, seconds);

  for (guint i = 0; i < frames; i++)
    {
      LcFrame frame;
      gint64 pts;

      if (!lc_synth_scene_render (scene, i, rgb, stride, &pts))
        continue;

      if (format == LC_PIXEL_FORMAT_RGB24)
        lc_frame_init_packed (&frame, rgb, (gsize) stride * params->height, LC_PIXEL_FORMAT_RGB24,
                              params->width, params->height, stride, pts);
      else
        convert_frame (rgb, params->width, params->height, format, converted, &frame, pts);

      g_assert_true (lc_led_detector_push_frame (det, &frame));
    }

  lc_led_detector_get_detection (det, &result->detection);
  result->truth = params->signal;
  result->interval_s = 1.0 / params->fps;
}

static double
pattern_period (const LcSignal *signal)
{
  double period = 0.0;

  for (guint i = 0; i < signal->n_lights; i++)
    {
      const LcLight *light = &signal->lights[i];

      if (light->kind == LC_KIND_BLINK && light->n_colors <= 1)
        period = MAX (period, 1.0 / light->rate_hz);
      else
        period = MAX (period, lc_light_get_period (light));
    }

  return period > 0.0 ? period : 1.0;
}

static void
init_params (LcSynthParams *params,
             const char    *signal_text,
             guint32        seed)
{
  LcSignal signal;

  parse_signal (signal_text, &signal);
  lc_synth_params_init (params, W, H, &signal);
  params->seed = seed;
  params->phase_s = 0.37 * seed;
  params->noise_sigma = 2.0;
  params->leds[0].x = 0.45;
  params->leds[0].y = 0.35;
  params->leds[0].diameter_px = 5.0;

  for (guint i = 1; i < signal.n_lights && i < LC_SYNTH_MAX_LEDS; i++)
    {
      params->n_leds = i + 1;
      params->leds[i] = params->leds[0];
      params->leds[i].x += 0.09 * i;
      params->leds[i].light_index = i;
    }
}

/* As long as the app asks people to film (lc_detection_get_film_seconds()):
 * a few periods, and for a blink more blinks than the longest burst.
 */
static double
seconds_for (const LcSynthParams *params)
{
  double seconds = 3.5 * pattern_period (&params->signal) + 1.5;

  for (guint i = 0; i < params->signal.n_lights; i++)
    seconds = MAX (seconds, lc_led_film_seconds_for_light (&params->signal.lights[i]));

  return CLAMP (seconds, 5.0, 22.0);
}

static LcDetectedKind
detected_kind_for (LcKind kind)
{
  switch (kind)
    {
    case LC_KIND_SOLID:
      return LC_DETECTED_SOLID;
    case LC_KIND_BLINK:
      return LC_DETECTED_BLINK;
    case LC_KIND_BURST:
      return LC_DETECTED_BURST;
    case LC_KIND_FADE:
      return LC_DETECTED_FADE;
    case LC_KIND_OFF:
    default:
      return LC_DETECTED_NONE;
    }
}

/* Every light of the truth is found, confirmed, with its colour(s), kind,
 * count and rate, and the answer settled within about two periods.
 */
static void
assert_matches_truth (const Result *r,
                      const char   *what)
{
  const LcDetection *d = &r->detection;
  double period = pattern_period (&r->truth);
  gint64 settled = 0;

  g_test_message ("%s: state %s, %u light(s)", what, lc_detection_state_to_string (d->state), d->n_leds);
  for (guint i = 0; i < d->n_leds; i++)
    {
      g_autofree char *text = lc_light_to_string (&d->leds[i].light);

      g_test_message ("  %s (%s) %.2f Hz, count %u, stable after %.2f s", text,
                      lc_detected_kind_to_string (d->leds[i].kind), d->leds[i].light.rate_hz,
                      d->leds[i].light.count, (d->leds[i].stable_since_ns - d->first_pts_ns) / 1e9);
    }

  g_assert_cmpint (d->state, ==, LC_DETECTION_CONFIRMED);
  g_assert_cmpuint (d->n_leds, ==, r->truth.n_lights);

  for (guint i = 0; i < r->truth.n_lights; i++)
    {
      const LcLight *truth = &r->truth.lights[i];
      const LcDetectedLed *led = NULL;

      /* Lights are matched by kind and colour (the order is by strength). */
      for (guint j = 0; j < d->n_leds && led == NULL; j++)
        {
          if (d->leds[j].kind == detected_kind_for (truth->kind) && lc_light_has_same_colors (truth, &d->leds[j].light))
            led = &d->leds[j];
        }
      g_assert_nonnull (led);
      g_assert_true (led->confirmed);

      if (truth->kind == LC_KIND_BURST)
        g_assert_cmpuint (led->light.count, ==, truth->count);

      if (truth->kind == LC_KIND_BLINK || truth->kind == LC_KIND_BURST || truth->kind == LC_KIND_FADE)
        {
          g_assert_cmpfloat (led->light.rate_hz, >, 0.0);
          g_assert_cmpfloat (fabs (led->light.rate_hz - truth->rate_hz) / truth->rate_hz, <=, 0.05);
        }

      settled = MAX (settled, led->stable_since_ns - d->first_pts_ns);
    }

  /* Two periods from the first frame, plus the frames that timing and
   * thresholds need. A solid light takes a second to tell from a slow
   * blink; a burst seen from the middle of a group is counted only after
   * the next whole group, and a pause is a pause after a few tenths of a
   * second of dark.
   */
  if (r->truth.n_lights == 1 && r->truth.lights[0].kind == LC_KIND_SOLID)
    g_assert_cmpfloat (settled / 1e9, <=, 1.5);
  else if (r->truth.lights[0].kind == LC_KIND_BURST)
    g_assert_cmpfloat (settled / 1e9, <=, 2.0 * period + 0.6);
  else
    g_assert_cmpfloat (settled / 1e9, <=, 2.0 * period + 4 * r->interval_s);
}

static void
check_signal (const char *signal_text,
              guint32     seed,
              Tweak       tweak)
{
  LcSynthParams params;
  g_autoptr(LcLedDetector) det = lc_led_detector_new ();
  Result r;
  g_autofree char *what = NULL;

  init_params (&params, signal_text, seed);
  if (tweak != NULL)
    tweak (&params);

  run_scene (&params, seconds_for (&params), LC_PIXEL_FORMAT_RGB24, det, &r);
  what = g_strdup_printf ("%s (seed %u)", signal_text, seed);
  assert_matches_truth (&r, what);
}

/* Colours × kinds */

static void
test_colors_kinds (void)
{
  static const char *colors[] = { "red", "green", "blue", "amber" };
  static const char *kinds[] = { "solid", "blink@1hz", "blink@4hz", "blink@8hz", "burst:3", "fade" };
  guint32 seed = 1;

  for (guint c = 0; c < G_N_ELEMENTS (colors); c++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_autofree char *text = g_strdup_printf ("%s:%s", colors[c], kinds[k]);

          check_signal (text, seed++, NULL);
        }
    }
}

static void
test_burst_counts (void)
{
  for (guint n = 1; n <= 10; n++)
    {
      g_autofree char *text = g_strdup_printf ("%s:burst:%u", n % 2 ? "red" : "blue", n);

      check_signal (text, 100 + n, NULL);
    }
}

static void
test_alternating (void)
{
  check_signal ("blue/green:blink", 7, NULL);
  check_signal ("red/green:blink@2hz", 8, NULL);
}

static void
test_two_lights (void)
{
  /* Sync Module: blue on, green blinking; both are lights of the answer. */
  check_signal ("blue:solid+green:blink", 9, NULL);
  check_signal ("blue:blink+green:solid", 10, NULL);
}

/* Faults of real webcams */

static void tweak_noise (LcSynthParams *p) { p->noise_sigma = 8.0; }
static void tweak_blur (LcSynthParams *p) { p->blur_sigma = 1.0; p->leds[0].diameter_px = 6.0; }
static void tweak_clip (LcSynthParams *p) { for (guint i = 0; i < p->n_leds; i++) p->leds[i].brightness = 3.0; }
static void tweak_ae (LcSynthParams *p) { p->ae_step_ev = 1.0; p->ae_period_s = 3.0; }
static void tweak_wb (LcSynthParams *p) { p->wb_drift = 0.15; }
static void tweak_flicker (LcSynthParams *p) { p->flicker_amplitude = 0.2; p->flicker_hz = 10.0; }
static void tweak_shake (LcSynthParams *p) { p->shake_px = 1.0; }
static void tweak_drops (LcSynthParams *p) { p->drop_probability = 0.05; }
static void tweak_jitter (LcSynthParams *p) { p->jitter_ms = 5.0; }
static void tweak_vfr (LcSynthParams *p) { p->fps_wander = 0.2; }
static void tweak_15fps (LcSynthParams *p) { p->fps = 15.0; }
static void tweak_long_exposure (LcSynthParams *p) { p->exposure_ms = 33.0; }
static void tweak_dim_room (LcSynthParams *p) { p->ambient = 0.08; }
static void tweak_tiny (LcSynthParams *p) { p->leds[0].diameter_px = 1.5; p->leds[0].brightness = 1.2; }

static void
lamp (LcSynthParams *p)
{
  p->lamp = TRUE;
  p->lamp_x = 0.85;
  p->lamp_y = 0.75;
  p->lamp_diameter_px = 24.0;
  p->lamp_color = LC_COLOR_AMBER;
  p->lamp_brightness = 1.0;
}

static void tweak_lamp (LcSynthParams *p) { lamp (p); }

static void
test_perturbations (void)
{
  static const struct
  {
    const char *name;
    Tweak       tweak;
    gboolean    solid_too;   /* could it fake a change in a steady light? */
  } faults[] = {
    { "noise", tweak_noise, TRUE }, { "blur", tweak_blur, FALSE }, { "clipped", tweak_clip, TRUE },
    { "auto exposure", tweak_ae, TRUE }, { "white balance", tweak_wb, TRUE }, { "flicker", tweak_flicker, TRUE },
    { "shake", tweak_shake, TRUE }, { "drops", tweak_drops, FALSE }, { "jitter", tweak_jitter, FALSE },
    { "variable fps", tweak_vfr, FALSE }, { "15 fps", tweak_15fps, FALSE }, { "long exposure", tweak_long_exposure, FALSE },
    { "dim room", tweak_dim_room, TRUE }, { "tiny", tweak_tiny, TRUE }, { "lamp", tweak_lamp, TRUE },
  };
  static const char *signals[] = { "green:blink@2hz", "red:burst:3", "blue:solid" };

  for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
    {
      for (guint s = 0; s < G_N_ELEMENTS (signals); s++)
        {
          if (s == 2 && !faults[f].solid_too)
            continue;
          g_test_message ("fault: %s", faults[f].name);
          check_signal (signals[s], 200 + 3 * f + s, faults[f].tweak);
        }
    }
}

/* Too fast: reported as such, never with a wrong rate. */
static void
test_too_fast (void)
{
  static const double rates[] = { 12.5, 14.0, 14.5 };

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      LcSynthParams params;
      LcLight light = { 0, };
      LcSignal signal, out;
      g_autoptr(LcLedDetector) det = lc_led_detector_new ();
      g_autofree char *text = NULL;
      Result r;

      lc_signal_init_off (&signal);
      light.kind = LC_KIND_BLINK;
      light.n_colors = 1;
      light.colors[0] = LC_COLOR_RED;
      lc_light_set_rate (&light, rates[i], TRUE);
      signal.lights[0] = light;
      signal.n_lights = 1;

      lc_synth_params_init (&params, W, H, &signal);
      params.seed = 300 + i;
      params.leds[0].diameter_px = 5.0;
      params.noise_sigma = 2.0;
      run_scene (&params, 5.0, LC_PIXEL_FORMAT_RGB24, det, &r);

      g_assert_cmpuint (r.detection.n_leds, ==, 1);
      g_assert_cmpint (r.detection.leds[0].kind, ==, LC_DETECTED_TOO_FAST);
      g_assert_cmpint (r.detection.leds[0].light.colors[0], ==, LC_COLOR_RED);

      /* The signal keeps only what is certain: a red blink, no rate. */
      g_assert_true (lc_detection_to_signal (&r.detection, &out));
      text = lc_signal_to_string (&out);
      g_assert_cmpstr (text, ==, "red:blink");
    }
}

/* No light at all, with the faults that make things flicker. */
static void
test_no_light (void)
{
  static const Tweak tweaks[] = { NULL, tweak_noise, tweak_flicker, tweak_ae, tweak_shake, tweak_wb };

  for (guint i = 0; i < G_N_ELEMENTS (tweaks); i++)
    {
      LcSynthParams params;
      LcSignal out;
      g_autoptr(LcLedDetector) det = lc_led_detector_new ();
      Result r;

      init_params (&params, "off", 400 + i);
      if (tweaks[i] != NULL)
        tweaks[i] (&params);
      run_scene (&params, 6.0, LC_PIXEL_FORMAT_RGB24, det, &r);

      g_assert_cmpint (r.detection.state, ==, LC_DETECTION_NO_LIGHT);
      g_assert_cmpuint (r.detection.n_leds, ==, 0);
      g_assert_false (lc_detection_to_signal (&r.detection, &out));
      g_assert_true (lc_signal_is_off (&out));
    }
}

/* A steady coloured lamp elsewhere does not win over a blinking light, and
 * a solid light alone is still found next to a bigger lamp.
 */
static void
test_lamp (void)
{
  LcSynthParams params;
  Result r;

  {
    g_autoptr(LcLedDetector) det = lc_led_detector_new ();

    init_params (&params, "green:blink@1hz", 500);
    lamp (&params);
    params.lamp_color = LC_COLOR_RED;
    params.lamp_diameter_px = 10.0;
    run_scene (&params, seconds_for (&params), LC_PIXEL_FORMAT_RGB24, det, &r);
    assert_matches_truth (&r, "blink next to a lamp");
    g_assert_cmpint (r.detection.leds[0].light.colors[0], ==, LC_COLOR_GREEN);
  }

  {
    g_autoptr(LcLedDetector) det = lc_led_detector_new ();

    init_params (&params, "red:solid", 501);
    lamp (&params);
    params.lamp_color = LC_COLOR_GREEN;
    run_scene (&params, 5.0, LC_PIXEL_FORMAT_RGB24, det, &r);
    assert_matches_truth (&r, "solid next to a lamp");
    g_assert_cmpfloat (fabs (r.detection.leds[0].x - params.leds[0].x), <, 0.03);
  }
}

/* Formats: every layout gives the same reading (colour where it exists). */
static void
test_formats (void)
{
  static const LcPixelFormat formats[] = {
    LC_PIXEL_FORMAT_RGB24, LC_PIXEL_FORMAT_BGR24, LC_PIXEL_FORMAT_RGBX, LC_PIXEL_FORMAT_BGRX,
    LC_PIXEL_FORMAT_XRGB, LC_PIXEL_FORMAT_XBGR, LC_PIXEL_FORMAT_YUY2, LC_PIXEL_FORMAT_I420,
    LC_PIXEL_FORMAT_NV12, LC_PIXEL_FORMAT_Y42B, LC_PIXEL_FORMAT_Y444, LC_PIXEL_FORMAT_GRAY8,
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      LcSynthParams params;
      g_autoptr(LcLedDetector) det = lc_led_detector_new ();
      Result r;

      init_params (&params, "blue:burst:2", 600);
      params.leds[0].diameter_px = 7.0;
      run_scene (&params, 10.0, formats[i], det, &r);
      g_test_message ("format %d", formats[i]);

      if (formats[i] == LC_PIXEL_FORMAT_GRAY8)
        {
          LcSignal out;
          g_autofree char *text = NULL;

          /* No colour in luma: the pattern is still read, shown as white. */
          g_assert_cmpuint (r.detection.n_leds, ==, 1);
          g_assert_cmpint (r.detection.leds[0].kind, ==, LC_DETECTED_BURST);
          g_assert_cmpuint (r.detection.leds[0].light.count, ==, 2);
          g_assert_cmpuint (r.detection.leds[0].light.n_colors, ==, 0);
          g_assert_true (lc_detection_to_signal (&r.detection, &out));
          text = lc_signal_to_string (&out);
          g_assert_cmpstr (text, ==, "white:burst:2");
        }
      else
        assert_matches_truth (&r, "format");
    }
}

/* The vector pooling gives exactly what the plain loop gives, for every
 * layout, pooling step, number of rows and ragged width.
 */
static void
test_pooling (void)
{
  static const LcPixelFormat formats[] = {
    LC_PIXEL_FORMAT_GRAY8, LC_PIXEL_FORMAT_I420, LC_PIXEL_FORMAT_RGBX, LC_PIXEL_FORMAT_XRGB,
    LC_PIXEL_FORMAT_RGB24, LC_PIXEL_FORMAT_YUY2,
  };
  static const int widths[] = { 1, 7, 64, 600, 640, 645, 1280, 1283 };
  enum { STRIDE = 1283 * 4 + 8, ROWS = 4 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree guint8 *rows = g_malloc (STRIDE * ROWS);
  g_autofree guint8 *fast = g_malloc (1283 + 1);
  g_autofree guint8 *plain = g_malloc (1283 + 1);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      for (int pool = 1; pool <= 8; pool++)
        for (int round = 0; round < 4; round++)
          {
            int cells = (widths[w] + pool - 1) / pool;
            int n_rows = 1 + round % ROWS;

            /* Mostly dark with a few bright bytes, or all random. */
            for (int i = 0; i < STRIDE * ROWS; i++)
              rows[i] = round == 0 ? (guint8) g_rand_int (rand)
                                   : (g_rand_int_range (rand, 0, 40) == 0 ? (guint8) g_rand_int (rand) : 3);
            memset (fast, 0xaa, 1283 + 1);
            memset (plain, 0x55, 1283 + 1);
            _lc_led_detector_pool_rows (formats[f], widths[w], pool, rows, STRIDE, n_rows, fast, FALSE);
            _lc_led_detector_pool_rows (formats[f], widths[w], pool, rows, STRIDE, n_rows, plain, TRUE);
            g_assert_cmpmem (fast, cells, plain, cells);
            /* Nothing written past the last cell. */
            g_assert_cmpuint (fast[cells], ==, 0xaa);
          }

  /* And the plain loops are right: the brightest channel of the cell, in
   * any of its rows, never the padding byte. */
  memset (rows, 0, STRIDE * 2);
  memset (rows, 0xff, 1);     /* row 0, pixel 0: x of xRGB */
  rows[STRIDE + 4 * 2 + 2] = 200;   /* row 1, pixel 2: G */
  _lc_led_detector_pool_rows (LC_PIXEL_FORMAT_XRGB, 4, 4, rows, STRIDE, 2, plain, TRUE);
  g_assert_cmpuint (plain[0], ==, 200);
  _lc_led_detector_pool_rows (LC_PIXEL_FORMAT_XRGB, 4, 4, rows, STRIDE, 1, plain, TRUE);
  g_assert_cmpuint (plain[0], ==, 0);
}

/* Decoders hand over I420, where a red or a blue light is dim in luma and
 * bright only in its colour: small ones must still be found and read, at
 * 720p (pooled by 4) and at the test size (pooled by 1).
 */
static void
test_i420_colours (void)
{
  static const char *signals[] = { "blue:blink@2hz", "red:burst:3", "green:blink@1hz" };
  /* Pooled by 1, by 4 (also 960 wide, once pooled by 3) and by 8. */
  static const int widths[] = { 0, 960, 1280, 1920 };

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    for (guint size = 0; size < G_N_ELEMENTS (widths); size++)
      {
        LcSynthParams params;
        g_autoptr(LcLedDetector) det = lc_led_detector_new ();
        gboolean big = widths[size] > 0;
        Result r;

        init_params (&params, signals[i], 700 + i);
        if (big)
          {
            params.width = widths[size];
            params.height = widths[size] * 9 / 16;
          }
        params.leds[0].diameter_px = big ? 2.5 : 2.0;
        params.leds[0].brightness = 0.8;
        params.noise_sigma = 6.0;
        params.blur_sigma = 1.2;
        g_test_message ("%s at %dx%d", signals[i], params.width, params.height);
        run_scene (&params, seconds_for (&params), LC_PIXEL_FORMAT_I420, det, &r);
        assert_matches_truth (&r, signals[i]);
      }
}

/* Malformed frames are refused without reading outside them. */
static void
test_validation (void)
{
  g_autoptr(LcLedDetector) det = lc_led_detector_new ();
  g_autofree guint8 *pixels = g_malloc0 (64 * 48 * 4);
  LcFrame frame;
  LcDetection d;

  lc_frame_init_packed (&frame, pixels, 64 * 48 * 4, LC_PIXEL_FORMAT_RGBX, 64, 48, 64 * 4, 0);
  g_assert_true (lc_led_detector_push_frame (det, &frame));

  /* Timestamps must go forward. */
  g_assert_false (lc_led_detector_push_frame (det, &frame));
  frame.pts_ns = -5;
  g_assert_false (lc_led_detector_push_frame (det, &frame));
  frame.pts_ns = 33333333;

  frame.data = NULL;
  g_assert_false (lc_led_detector_push_frame (det, &frame));
  frame.data = pixels;

  frame.size = 64 * 48 * 4 - 1;
  g_assert_false (lc_led_detector_push_frame (det, &frame));
  frame.size = 64 * 48 * 4;

  frame.stride = 64 * 4 - 1;
  g_assert_false (lc_led_detector_push_frame (det, &frame));
  frame.stride = -64 * 4;
  g_assert_false (lc_led_detector_push_frame (det, &frame));
  frame.stride = 64 * 4;

  frame.width = 0;
  g_assert_false (lc_led_detector_push_frame (det, &frame));
  frame.width = 65;
  g_assert_false (lc_led_detector_push_frame (det, &frame));
  frame.width = 64;

  frame.format = (LcPixelFormat) 99;
  g_assert_false (lc_led_detector_push_frame (det, &frame));
  frame.format = LC_PIXEL_FORMAT_RGBX;

  /* I420 planes must lie in the buffer. */
  frame.format = LC_PIXEL_FORMAT_I420;
  frame.stride = 64;
  frame.uv_stride = 32;
  frame.u_offset = 64 * 48;
  frame.v_offset = 64 * 48 + 32 * 24;
  g_assert_true (lc_led_detector_push_frame (det, &frame));
  frame.pts_ns += 33333333;
  frame.v_offset = 64 * 48 * 4 - 10;
  g_assert_false (lc_led_detector_push_frame (det, &frame));
  frame.v_offset = 64 * 48 + 32 * 24;
  frame.uv_stride = 31;
  g_assert_false (lc_led_detector_push_frame (det, &frame));

  /* Size changes start over. */
  frame.uv_stride = 32;
  frame.format = LC_PIXEL_FORMAT_GRAY8;
  frame.width = 32;
  frame.height = 32;
  frame.stride = 32;
  g_assert_true (lc_led_detector_push_frame (det, &frame));
  lc_led_detector_get_detection (det, &d);
  g_assert_cmpint (d.frame_width, ==, 32);
  g_assert_cmpuint (d.frames, ==, 1);
  g_assert_cmpint (d.state, ==, LC_DETECTION_LOOKING);

  lc_led_detector_reset (det);
  lc_led_detector_get_detection (det, &d);
  g_assert_cmpuint (d.frames, ==, 0);
  g_assert_cmpint (d.pts_ns, ==, -1);
  g_assert_false (lc_led_detector_select (det, 0.5, 0.5));
}

/* The timeline shows the blinks with their colour, and the gap where the
 * camera lost frames.
 */
static void
test_timeline (void)
{
  LcSynthParams params;
  g_autoptr(LcLedDetector) det = lc_led_detector_new ();
  g_autoptr(LcSynthScene) scene = NULL;
  g_autofree guint8 *rgb = g_malloc (W * 3 * H);
  g_autofree LcLedRun *runs = NULL;
  guint n_runs = 0, n_on = 0, n_unknown = 0;
  LcDetection d;
  double on_total = 0.0;

  init_params (&params, "green:blink@1hz", 700);
  scene = lc_synth_scene_new (&params);

  for (guint i = 0; i < 180; i++)
    {
      LcFrame frame;
      gint64 pts;

      /* The camera stalls for half a second at 3 s. */
      if (!lc_synth_scene_render (scene, i, rgb, W * 3, &pts) || (i >= 90 && i < 105))
        continue;
      lc_frame_init_packed (&frame, rgb, W * 3 * H, LC_PIXEL_FORMAT_RGB24, W, H, W * 3, pts);
      g_assert_true (lc_led_detector_push_frame (det, &frame));
    }

  lc_led_detector_get_detection (det, &d);
  g_assert_cmpuint (d.n_leds, ==, 1);
  g_assert_cmpuint (d.dropped, >=, 14);

  runs = lc_led_detector_dup_timeline (det, d.leds[0].id, &n_runs);
  g_assert_nonnull (runs);
  g_assert_cmpuint (n_runs, >=, 8);

  for (guint i = 0; i < n_runs; i++)
    {
      g_assert_cmpint (runs[i].end_ns, >=, runs[i].start_ns);
      if (i > 0)
        g_assert_cmpint (runs[i].start_ns, ==, runs[i - 1].end_ns);
      if (runs[i].unknown)
        n_unknown++;
      else if (runs[i].on)
        {
          g_assert_cmpint (runs[i].color, ==, LC_COLOR_GREEN);
          /* complete lit runs last half a second */
          if (i > 0 && i + 1 < n_runs && !runs[i - 1].unknown && !runs[i + 1].unknown)
            {
              on_total += (runs[i].end_ns - runs[i].start_ns) / 1e9;
              n_on++;
            }
        }
    }

  g_assert_cmpuint (n_unknown, ==, 1);
  g_assert_cmpuint (n_on, >=, 3);
  g_assert_cmpfloat (fabs (on_total / n_on - 0.5), <, 0.05);
  g_assert_cmpint (runs[n_runs - 1].end_ns, ==, d.pts_ns);

  g_assert_null (lc_led_detector_dup_timeline (det, 9999, &n_runs));
  g_assert_cmpuint (n_runs, ==, 0);
}

/* Picking one light makes it the answer alone. */
static void
test_select (void)
{
  LcSynthParams params;
  g_autoptr(LcLedDetector) det = lc_led_detector_new ();
  Result r;
  LcSignal out;
  g_autofree char *text = NULL;
  double green_x;

  init_params (&params, "blue:solid+green:blink", 800);
  run_scene (&params, 5.0, LC_PIXEL_FORMAT_RGB24, det, &r);
  g_assert_cmpuint (r.detection.n_leds, ==, 2);

  green_x = params.leds[1].x;
  g_assert_true (lc_led_detector_select (det, green_x, params.leds[1].y));
  lc_led_detector_get_detection (det, &r.detection);
  g_assert_true (r.detection.leds[0].selected);
  g_assert_cmpint (r.detection.leds[0].light.colors[0], ==, LC_COLOR_GREEN);
  g_assert_true (lc_detection_to_signal (&r.detection, &out));
  text = lc_signal_to_string (&out);
  g_assert_cmpstr (text, ==, "green:blink");

  g_assert_false (lc_led_detector_select (det, 1.5, 0.5));

  lc_led_detector_clear_selection (det);
  lc_led_detector_get_detection (det, &r.detection);
  g_assert_cmpuint (r.detection.n_leds, ==, 2);
  g_assert_false (r.detection.leds[0].selected);
  g_assert_false (r.detection.leds[1].selected);
}

/* lc_detection_to_signal() on hand-made detections. */
static void
test_to_signal (void)
{
  LcDetection d = { 0, };
  LcSignal out;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_false (lc_detection_to_signal (&d, &out));
  g_assert_true (lc_signal_is_off (&out));

  d.n_leds = 3;
  d.leds[0].kind = LC_DETECTED_BURST;
  d.leds[0].light.kind = LC_KIND_BURST;
  d.leds[0].light.n_colors = 1;
  d.leds[0].light.colors[0] = LC_COLOR_RED;
  d.leds[0].light.count = 6;
  d.leds[0].light.rate_hz = 2.4;
  d.leds[1].kind = LC_DETECTED_UNKNOWN;
  d.leds[1].light.n_colors = 1;
  d.leds[1].light.colors[0] = LC_COLOR_GREEN;
  d.leds[2].kind = LC_DETECTED_TOO_FAST;
  d.leds[2].light.kind = LC_KIND_BLINK;
  d.leds[2].light.n_colors = 1;
  d.leds[2].light.colors[0] = LC_COLOR_BLUE;
  d.leds[2].light.rate_hz = 9.0;
  g_assert_true (lc_detection_to_signal (&d, &out));
  a = lc_signal_to_string (&out);
  g_assert_cmpstr (a, ==, "red:burst:6+blue:blink");
  g_assert_cmpfloat (out.lights[1].rate_hz, ==, LC_BLINK_DEFAULT_HZ);

  /* A burst not yet counted is left out. */
  d.leds[0].light.count = 0;
  d.leds[2].selected = TRUE;
  g_assert_true (lc_detection_to_signal (&d, &out));
  b = lc_signal_to_string (&out);
  g_assert_cmpstr (b, ==, "blue:blink");

  g_assert_cmpstr (lc_detected_kind_to_string (LC_DETECTED_TOO_FAST), ==, "too-fast");
  g_assert_cmpstr (lc_detection_state_to_string (LC_DETECTION_NO_LIGHT), ==, "no-light");
}

/* The answer holds when the camera starts in the middle of a pattern and
 * when the light changes. */
static void
test_change (void)
{
  LcSynthParams params;
  g_autoptr(LcLedDetector) det = lc_led_detector_new ();
  Result r;

  init_params (&params, "red:burst:5", 900);
  run_scene (&params, 12.0, LC_PIXEL_FORMAT_RGB24, det, &r);
  assert_matches_truth (&r, "before the change");

  /* Same detector, new pattern: fresh timestamps continue after a reset,
   * for long enough to confirm a steady light.
   */
  lc_led_detector_reset (det);
  init_params (&params, "red:solid", 901);
  run_scene (&params, 6.0, LC_PIXEL_FORMAT_RGB24, det, &r);
  assert_matches_truth (&r, "after the change");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vision/detector/validation", test_validation);
  g_test_add_func ("/vision/detector/pooling", test_pooling);
  g_test_add_func ("/vision/detector/to-signal", test_to_signal);
  g_test_add_func ("/vision/detector/colors-kinds", test_colors_kinds);
  g_test_add_func ("/vision/detector/burst-counts", test_burst_counts);
  g_test_add_func ("/vision/detector/alternating", test_alternating);
  g_test_add_func ("/vision/detector/two-lights", test_two_lights);
  g_test_add_func ("/vision/detector/perturbations", test_perturbations);
  g_test_add_func ("/vision/detector/too-fast", test_too_fast);
  g_test_add_func ("/vision/detector/no-light", test_no_light);
  g_test_add_func ("/vision/detector/lamp", test_lamp);
  g_test_add_func ("/vision/detector/formats", test_formats);
  g_test_add_func ("/vision/detector/i420-colours", test_i420_colours);
  g_test_add_func ("/vision/detector/timeline", test_timeline);
  g_test_add_func ("/vision/detector/select", test_select);
  g_test_add_func ("/vision/detector/change", test_change);

  return g_test_run ();
}
