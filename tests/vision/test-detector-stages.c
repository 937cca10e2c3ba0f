/* test-detector-stages.c — each stage of the LED detector on its own
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole detector is tested on scenes elsewhere (test-detector,
 * test-detector-real); these pin down what each stage hands the next, on
 * tiny inputs built by hand: frame access, candidates, track measurement,
 * colour names, levels and runs, the pattern grammar, hue, fades and the
 * ranking.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lc-knowledge.h"
#include "lc-known-signal.h"
#include "lc-led-detector-private.h"

#define W 96
#define H 64

/* A dark RGB frame with a lit square of @rgb (side 2 × @half + 1) at (@cx, @cy). */
static void
paint_square (guint8       *rgb,
              int           cx,
              int           cy,
              int           half,
              const guint8  color[3])
{
  memset (rgb, 12, W * H * 3);
  for (int y = cy - half; y <= cy + half; y++)
    for (int x = cx - half; x <= cx + half; x++)
      memcpy (rgb + (y * W + x) * 3, color, 3);
}

static void
init_frame (LcFrame      *frame,
            const guint8 *rgb,
            gint64        pts)
{
  lc_frame_init_packed (frame, rgb, W * H * 3, LC_PIXEL_FORMAT_RGB24, W, H, W * 3, pts);
}

/* Pooling: frames are pooled to about 320 × 180 cells by a power of two,
 * by area, so portrait video is pooled like landscape.
 */
static void
test_pool_factor (void)
{
  g_assert_cmpint (lc_led_pool_factor (320, 240), ==, 1);
  g_assert_cmpint (lc_led_pool_factor (302, 136), ==, 1);
  g_assert_cmpint (lc_led_pool_factor (640, 480), ==, 2);
  g_assert_cmpint (lc_led_pool_factor (720, 480), ==, 2);
  g_assert_cmpint (lc_led_pool_factor (360, 480), ==, 2);
  g_assert_cmpint (lc_led_pool_factor (1280, 720), ==, 4);
  g_assert_cmpint (lc_led_pool_factor (720, 1280), ==, 4);
  g_assert_cmpint (lc_led_pool_factor (960, 540), ==, 4);
  g_assert_cmpint (lc_led_pool_factor (1920, 1080), ==, 8);
  g_assert_cmpint (lc_led_pool_factor (1080, 1920), ==, 8);
  g_assert_cmpint (lc_led_pool_factor (MAX_DIMENSION, MAX_DIMENSION), ==, 8);
}

/* Frame access: a frame whose rows run past its buffer is refused; pixels
 * come back in R, G, B order whatever the layout.
 */
static void
test_frame_access (void)
{
  guint8 bgrx[W * H * 4];
  LcFrame frame;
  int rgb[3];

  memset (bgrx, 0, sizeof bgrx);
  bgrx[(10 * W + 20) * 4 + 0] = 30;   /* B */
  bgrx[(10 * W + 20) * 4 + 1] = 60;   /* G */
  bgrx[(10 * W + 20) * 4 + 2] = 200;  /* R */

  lc_frame_init_packed (&frame, bgrx, sizeof bgrx, LC_PIXEL_FORMAT_BGRX, W, H, W * 4, 0);
  g_assert_true (lc_led_frame_is_valid (&frame));
  lc_led_pixel_rgb (&frame, 20, 10, rgb);
  g_assert_cmpint (rgb[0], ==, 200);
  g_assert_cmpint (rgb[1], ==, 60);
  g_assert_cmpint (rgb[2], ==, 30);
  g_assert_cmpint (lc_led_pixel_value (&frame, 20, 10), ==, 200);

  frame.stride = W * 3;   /* too short for four bytes a pixel */
  g_assert_false (lc_led_frame_is_valid (&frame));
  lc_frame_init_packed (&frame, bgrx, sizeof bgrx - 1, LC_PIXEL_FORMAT_BGRX, W, H, W * 4, 0);
  g_assert_false (lc_led_frame_is_valid (&frame));
}

/* Planar YUV: each layout's chroma planes must fit, and a pixel reads its
 * own chroma sample (NV12: U and V side by side).
 */
static void
test_planar_access (void)
{
  /* Y plane W × H, then NV12's UV plane: W / 2 pairs a row, H / 2 rows. */
  guint8 buf[W * H + W * (H / 2)];
  LcFrame frame;
  int rgb[3];

  memset (buf, 128, sizeof buf);
  memset (buf, 81, W * H);                    /* Y of pure red (BT.601 limited) */
  buf[W * H + (5 / 2) * W + (8 / 2) * 2] = 90;      /* U, for pixel (8, 5) */
  buf[W * H + (5 / 2) * W + (8 / 2) * 2 + 1] = 240; /* V */

  lc_frame_init_packed (&frame, buf, sizeof buf, LC_PIXEL_FORMAT_NV12, W, H, W, 0);
  frame.u_offset = W * H;
  frame.v_offset = W * H + 1;
  frame.uv_stride = W;
  g_assert_true (lc_led_frame_is_valid (&frame));
  lc_led_pixel_rgb (&frame, 8, 5, rgb);
  g_assert_cmpint (rgb[0], >, 240);
  g_assert_cmpint (rgb[1], <, 20);
  g_assert_cmpint (rgb[2], <, 20);
  lc_led_pixel_rgb (&frame, 20, 5, rgb);      /* grey chroma there */
  g_assert_cmpint (abs (rgb[0] - rgb[2]), <=, 1);

  /* The same bytes do not hold a 4:4:4 frame's two full-size planes. */
  frame.format = LC_PIXEL_FORMAT_Y444;
  frame.v_offset = W * H + W * (H / 4);
  g_assert_false (lc_led_frame_is_valid (&frame));
  frame.format = LC_PIXEL_FORMAT_NV12;
  frame.v_offset = W * H + 1;
  g_assert_true (lc_led_frame_is_valid (&frame));
  frame.uv_stride = W - 2;                    /* shorter than a row of pairs */
  g_assert_false (lc_led_frame_is_valid (&frame));
}

/* Candidates: a small bright spot on a dark frame is one, at its place;
 * a frame with nothing on it has none.
 */
static void
test_candidates (void)
{
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  static const guint8 red[3] = { 240, 20, 20 };
  guint8 rgb[W * H * 3];
  Candidate cands[MAX_CANDIDATES];
  LcFrame frame;
  guint n;

  memset (rgb, 12, sizeof rgb);
  init_frame (&frame, rgb, 0);
  g_assert_true (lc_led_detector_push_frame (detector, &frame));
  g_assert_cmpuint (lc_led_find_candidates (detector, FALSE, cands), ==, 0);

  paint_square (rgb, 40, 30, 1, red);
  init_frame (&frame, rgb, 33333333);
  g_assert_true (lc_led_detector_push_frame (detector, &frame));
  n = lc_led_find_candidates (detector, FALSE, cands);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpint (abs ((int) ((cands[0].mx + 0.5) * detector->pool) - 40), <=, detector->pool);
  g_assert_cmpint (abs ((int) ((cands[0].my + 0.5) * detector->pool) - 30), <=, detector->pool);
  g_assert_cmpfloat (cands[0].contrast, >, 100.0);
}

/* A blinking light whose glow lights up the ring it is measured against
 * (a big frosted window): its lit level must not sag through each lit run
 * as the background catches up with its own glow, or the two levels blur
 * into a ramp. The ring is followed slowly enough for a blink that its
 * lit and dark samples each keep one level.
 */
static void
test_glow_in_ring (void)
{
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  static const guint8 red[3] = { 250, 40, 40 };
  static const guint8 glow[3] = { 190, 110, 110 };
  guint8 rgb[W * H * 3];
  double lit_min = G_MAXDOUBLE, lit_max = 0.0;
  const Track *t = NULL;
  LcFrame frame;

  /* 1 Hz: 15 frames lit, 15 dark, at 30 frames a second for 8 s. */
  for (int f = 0; f < 240; f++)
    {
      memset (rgb, 12, sizeof rgb);
      if (f % 30 < 15)
        {
          paint_square (rgb, 40, 32, 12, glow);
          for (int y = 30; y <= 34; y++)
            for (int x = 38; x <= 42; x++)
              memcpy (rgb + (y * W + x) * 3, red, 3);
        }
      init_frame (&frame, rgb, f * G_GINT64_CONSTANT (33333333));
      g_assert_true (lc_led_detector_push_frame (detector, &frame));
    }

  for (guint i = 0; i < detector->n_tracks; i++)
    {
      if (lc_led_track_distance (detector->tracks[i], 40.5, 32.5) < 3.0)
        t = detector->tracks[i];
    }
  g_assert_nonnull (t);
  g_assert_true (t->binary);

  /* The lit samples of the last three seconds, past each run's first frame
   * (which may straddle the edge).
   */
  for (guint i = t->len - 90; i < t->len; i++)
    {
      const Sample *s = lc_led_track_sample (t, i);
      const Sample *prev = lc_led_track_sample (t, i - 1);

      if (s->level > t->up && prev->level > t->up)
        {
          lit_min = MIN (lit_min, s->level);
          lit_max = MAX (lit_max, s->level);
        }
    }
  g_assert_cmpfloat (lit_max, >, 100.0);
  g_assert_cmpfloat (lit_min, >=, 0.8 * lit_max);
}

/* A frame for a scene with room for wide glows. */
#define WIDE_W 200
#define WIDE_H 120

/* @rgb as a WIDE_W × WIDE_H RGB frame shown at @pts. */
static void
init_wide_frame (LcFrame      *frame,
                 const guint8 *rgb,
                 gint64        pts)
{
  lc_frame_init_packed (frame, rgb, WIDE_W * WIDE_H * 3, LC_PIXEL_FORMAT_RGB24, WIDE_W, WIDE_H, WIDE_W * 3, pts);
}

/* Adds the glow of a light at (@cx, @cy) to the WIDE_W × WIDE_H frame @rgb:
 * @amount of light in the proportions of @tint, falling off with @sigma,
 * clipping as a camera does (a bright light clips to white at its core,
 * and in its own colour far into its glow).
 */
static void
add_glow (guint8       *rgb,
          double        cx,
          double        cy,
          double        sigma,
          double        amount,
          const double  tint[3])
{
  for (int y = 0; y < WIDE_H; y++)
    for (int x = 0; x < WIDE_W; x++)
      {
        double d2 = (x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy);
        double light = amount * exp (-d2 / (2.0 * sigma * sigma));

        for (guint c = 0; c < 3; c++)
          {
            guint8 *p = rgb + (y * WIDE_W + x) * 3 + c;

            *p = (guint8) MIN (255.0, *p + light * tint[c]);
          }
      }
}

/* Pushes 6 s of a pale housing with a steady red power light (or, if
 * @dull, a red patch far dimmer than an LED) and a green status light
 * beside it that blinks at 1 Hz, and a second green light below it (if
 * @with_another) that blinks with it.
 */
static LcLedDetector *
watch_power_and_status (gboolean dull,
                        gboolean with_another)
{
  LcLedDetector *detector = lc_led_detector_new ();
  static const double white[3] = { 1.0, 1.0, 1.0 };
  static const double red[3] = { 1.0, 0.1, 0.1 };
  static const double green[3] = { 0.1, 1.0, 0.3 };
  g_autofree guint8 *rgb = g_malloc (WIDE_W * WIDE_H * 3);
  LcFrame frame;

  /* 10 frames lit, 20 dark, at 30 frames a second. */
  for (int f = 0; f < 180; f++)
    {
      memset (rgb, 130, WIDE_W * WIDE_H * 3);
      if (!dull)
        add_glow (rgb, 80.5, 60.5, 2.0, 300.0, white);
      add_glow (rgb, 80.5, 60.5, 8.0, dull ? 60.0 : 160.0, red);
      if (f % 30 >= 20)
        {
          add_glow (rgb, 95.5, 60.5, 1.5, 300.0, white);
          add_glow (rgb, 95.5, 60.5, 4.0, 200.0, green);
          if (with_another)
            add_glow (rgb, 95.5, 80.5, 4.0, 200.0, green);
        }
      init_wide_frame (&frame, rgb, f * G_GINT64_CONSTANT (33333333));
      g_assert_true (lc_led_detector_push_frame (detector, &frame));
    }

  return detector;
}

/* The track within @reach of (@x, @y), if any. */
static const Track *
track_near (LcLedDetector *detector,
            double         x,
            double         y,
            double         reach)
{
  for (guint i = 0; i < detector->n_tracks; i++)
    {
      if (lc_led_track_distance (detector->tracks[i], x, y) < reach)
        return detector->tracks[i];
    }

  return NULL;
}

/* A status light that comes on beside a steady power light, on a pale
 * housing, is a light of its own, not a fragment of the power light's
 * wide glow (which clips in red far out from its core): it keeps its
 * track, and the two are measured apart. Not so a spot that lights up
 * with another light further off: the glow or reflection of that one.
 * And only an LED's glow needs it: beside a dull patch, a light is
 * tracked as any other.
 */
static void
test_lit_beside_steady (void)
{
  g_autoptr(LcLedDetector) detector = watch_power_and_status (FALSE, FALSE);
  g_autoptr(LcLedDetector) with_another = NULL;
  g_autoptr(LcLedDetector) beside_dull = NULL;
  const Track *status, *other;

  g_assert_nonnull (track_near (detector, 80.5, 60.5, 3.0));
  status = track_near (detector, 95.5, 60.5, 3.0);
  g_assert_nonnull (status);
  g_assert_true (status->lit_apart);
  g_assert_true (status->binary);
  g_assert_cmpfloat (status->compactness, >=, 0.5);
  /* Followed only while lit: dark, the brightest part of its disc is the
   * power light's glow, which would draw it over (by 2 px here).
   */
  g_assert_cmpfloat (lc_led_track_distance (status, 95.5, 60.5), <, 1.75);

  with_another = watch_power_and_status (FALSE, TRUE);
  status = track_near (with_another, 95.5, 60.5, 3.0);
  other = track_near (with_another, 95.5, 80.5, 3.0);
  g_assert_nonnull (other);
  g_assert_true (status == NULL || !status->lit_apart);

  beside_dull = watch_power_and_status (TRUE, FALSE);
  status = track_near (beside_dull, 95.5, 60.5, 3.0);
  g_assert_nonnull (status);
  g_assert_false (status->lit_apart);
}

/* A light that is dark most of the time (a burst, a short blink) at the
 * edge of its dark housing, beside a pale wall: while dark, its ring is
 * lit on that side far more than its faint lens stands out, as at the
 * edge of a bright thing. Whether it is a spot is told while it is lit.
 */
static void
test_spot_told_while_lit (void)
{
  static const double white[3] = { 1.0, 1.0, 1.0 };
  static const double green[3] = { 0.1, 1.0, 0.2 };
  g_autofree guint8 *rgb = g_malloc (WIDE_W * WIDE_H * 3);
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  const Track *t;
  LcFrame frame;

  /* Lit 6 frames of every 30, at 30 frames a second, for 6 s. */
  for (int f = 0; f < 180; f++)
    {
      memset (rgb, 130, WIDE_W * WIDE_H * 3);
      for (int y = 30; y < 90; y++)
        memset (rgb + (y * WIDE_W + 40) * 3, 40, (107 - 40) * 3);
      /* Its dark lens catches some light. */
      add_glow (rgb, 100.5, 60.5, 1.5, 60.0, white);
      if (f % 30 >= 24)
        {
          add_glow (rgb, 100.5, 60.5, 1.2, 300.0, white);
          add_glow (rgb, 100.5, 60.5, 2.5, 200.0, green);
        }
      init_wide_frame (&frame, rgb, f * G_GINT64_CONSTANT (33333333));
      g_assert_true (lc_led_detector_push_frame (detector, &frame));
    }

  t = track_near (detector, 100.5, 60.5, 3.0);
  g_assert_nonnull (t);
  g_assert_true (t->binary);
  g_assert_cmpfloat (t->compactness, >=, 0.8);
}

/* A light so bright that it clips in its own colour far past the largest
 * ring a candidate is measured against (on a pale housing, or behind a
 * frosted window) is a plateau there, not a peak: against wider rings it
 * stands out by about as much as it rises over the housing, as a small
 * light does, and is found on its plateau. Its size stays that of the
 * largest ring: the glow is not the light.
 */
static void
test_wide_clipped_glow (void)
{
  static const double white[3] = { 1.0, 1.0, 1.0 };
  static const double red[3] = { 1.0, 0.15, 0.1 };
  g_autofree guint8 *rgb = g_malloc (WIDE_W * WIDE_H * 3);
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  Candidate cands[MAX_CANDIDATES];
  LcFrame frame;

  /* Clipped in red out to 9 px; the largest ring is 8 px out here. */
  memset (rgb, 130, WIDE_W * WIDE_H * 3);
  add_glow (rgb, 100.5, 60.5, 1.5, 300.0, white);
  add_glow (rgb, 100.5, 60.5, 14.0, 160.0, red);
  init_wide_frame (&frame, rgb, 0);
  g_assert_true (lc_led_detector_push_frame (detector, &frame));
  g_assert_cmpint (detector->pool, ==, 1);

  g_assert_cmpuint (lc_led_find_candidates (detector, FALSE, cands), >=, 1);
  g_assert_cmpfloat (hypot (cands[0].x - 100.5, cands[0].y - 60.5), <, 9.0);
  g_assert_cmpfloat (cands[0].contrast, >=, 0.3 * (255 - 130));
  g_assert_cmpfloat (cands[0].radius, <=, 4.0);
}

/* Pushes two frames of a glossy dark housing with a glare stripe 5 px to
 * the right of a small green LED at (100, 60): the LED dark, then lit.
 * The stripe is steady, or (@with_light) lights up with the LED. Returns
 * whether a candidate is at the LED.
 */
static gboolean
candidate_beside_stripe (gboolean with_light)
{
  static const double green[3] = { 0.1, 1.0, 0.2 };
  g_autofree guint8 *rgb = g_malloc (WIDE_W * WIDE_H * 3);
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  Candidate cands[MAX_CANDIDATES];
  LcFrame frame;
  guint n;

  for (int f = 0; f < 2; f++)
    {
      memset (rgb, 40, WIDE_W * WIDE_H * 3);
      if (f == 1)
        add_glow (rgb, 100.5, 60.5, 1.5, 170.0, green);
      if (f == 1 || !with_light)
        {
          for (int y = 50; y < 75; y++)
            memset (rgb + (y * WIDE_W + 105) * 3, 235, 3 * 3);
        }
      init_wide_frame (&frame, rgb, f * G_GINT64_CONSTANT (33333333));
      g_assert_true (lc_led_detector_push_frame (detector, &frame));
    }

  n = lc_led_find_candidates (detector, FALSE, cands);
  for (guint c = 0; c < n; c++)
    {
      if (hypot (cands[c].x - 100.5, cands[c].y - 60.5) < 1.0)
        return TRUE;
    }

  return FALSE;
}

/* A candidate is placed at the centroid of what is as bright nearby, which
 * gathers the ragged fragments of a clipped glow onto its core; but a
 * small LED that lights up beside steady glare brighter than itself (a
 * glossy housing) is a light of its own, where it is.
 */
static void
test_changing_beside_glare (void)
{
  g_assert_true (candidate_beside_stripe (FALSE));
  g_assert_false (candidate_beside_stripe (TRUE));
}

/* A small light that blinks beside a steady glare stripe inside its disc
 * (a glossy housing): dark, its core is its dark lens, not the stripe, or
 * it would seem never to go out; lit, it is the light.
 */
static void
test_blink_beside_steady_glare (void)
{
  static const double green[3] = { 0.1, 1.0, 0.2 };
  g_autofree guint8 *rgb = g_malloc (WIDE_W * WIDE_H * 3);
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  g_autofree Track *t = NULL;
  Measurement m;
  LcFrame frame;

  /* 1 Hz for 3 s, ending on a dark frame, then one lit frame. */
  for (int f = 0; f <= 90; f++)
    {
      memset (rgb, 40, WIDE_W * WIDE_H * 3);
      for (int y = 40; y < 80; y++)
        memset (rgb + (y * WIDE_W + 104) * 3, 235, 3 * 3);
      if (f % 30 < 15 || f == 90)
        add_glow (rgb, 100.5, 60.5, 1.5, 250.0, green);
      init_wide_frame (&frame, rgb, f * G_GINT64_CONSTANT (33333333));
      g_assert_true (lc_led_detector_push_frame (detector, &frame));

      if (f == 89 || f == 90)
        {
          t = lc_led_track_new (detector, 100.5, 60.5, 2.5, 0);
          lc_led_measure_track (detector, &frame, t, 0.0, NULL, &m);
          g_clear_pointer (&t, g_free);
          g_assert_true (m.valid);
          if (f == 89)
            g_assert_cmpfloat (m.top, <, 100.0);
          else
            g_assert_cmpfloat (m.top, >, 200.0);
        }
    }
}

/* Measures, on a pale housing, a light at (100, 60) painted by @paint. */
static Measurement
measure_on_housing (void (*paint) (guint8 *rgb))
{
  g_autofree guint8 *rgb = g_malloc (WIDE_W * WIDE_H * 3);
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  g_autofree Track *t = NULL;
  Measurement m;
  LcFrame frame;

  memset (rgb, 130, WIDE_W * WIDE_H * 3);
  paint (rgb);
  init_wide_frame (&frame, rgb, 0);
  g_assert_true (lc_led_detector_push_frame (detector, &frame));

  t = lc_led_track_new (detector, 100.5, 60.5, 10.0, 0);
  lc_led_measure_track (detector, &frame, t, 0.0, NULL, &m);
  g_assert_true (m.valid);

  return m;
}

static void
paint_clipped_glow (guint8 *rgb)
{
  static const double white[3] = { 1.0, 1.0, 1.0 };
  static const double red[3] = { 1.0, 0.15, 0.1 };

  add_glow (rgb, 100.5, 60.5, 1.5, 300.0, white);
  add_glow (rgb, 100.5, 60.5, 8.0, 200.0, red);
}

static void
paint_red_patch (guint8 *rgb)
{
  for (int y = 52; y <= 68; y++)
    for (int x = 92; x <= 108; x++)
      {
        guint8 *p = rgb + (y * WIDE_W + x) * 3;

        p[0] = 255;
        p[1] = p[2] = 60;
      }
}

/* A large light (a frosted window, a wide glow) is measured over its whole
 * disc: the bright part of it below the track's centre counts as much as
 * the part above. (Here the disc is 35 px across, read pixel by pixel.)
 */
static void
test_wide_disc_read_whole (void)
{
  const int w = 320, h = 180;
  g_autofree guint8 *rgb = g_malloc ((gsize) w * h * 3);
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  g_autofree Track *t = NULL;
  Measurement m;
  LcFrame frame;

  memset (rgb, 60, (gsize) w * h * 3);
  for (int y = 100; y <= 104; y++)
    for (int x = 158; x <= 162; x++)
      memset (rgb + ((gsize) y * w + x) * 3, 230, 3);
  lc_frame_init_packed (&frame, rgb, (gsize) w * h * 3, LC_PIXEL_FORMAT_RGB24, w, h, w * 3, 0);
  g_assert_true (lc_led_detector_push_frame (detector, &frame));

  t = lc_led_track_new (detector, 160.5, 90.5, 10.0, 0);
  lc_led_measure_track (detector, &frame, t, 0.0, NULL, &m);
  g_assert_true (m.valid);
  g_assert_cmpfloat (m.max, ==, 230.0);
  g_assert_true (m.centred);
  g_assert_cmpfloat (fabs (m.cy - 102.5), <, 1.0);
}

/* The size of a light whose core clips: in its own colour it clips far
 * into its glow, so its half-bright area there is the glow's; where it is
 * so bright that even its weakest channel rises (its core goes white) is
 * the light. A patch that clips in one channel only keeps its size.
 */
static void
test_clipped_core_size (void)
{
  Measurement glow = measure_on_housing (paint_clipped_glow);
  Measurement patch = measure_on_housing (paint_red_patch);

  g_assert_cmpfloat (glow.radius, >, 8.0);
  g_assert_cmpfloat (glow.core_radius, <, 0.4 * glow.radius);
  g_assert_cmpfloat (patch.core_radius, ==, patch.radius);
}

/* A blinking light whose glow tints the ring it is measured against (a
 * frosted window, a pale housing): its colour is what it adds to its
 * surroundings as they were while it was dark. Measured against its own
 * lit glow, most of its colour is taken away with it (here, two thirds of
 * the green; on a light whose core clips, enough to read blue).
 */
static void
test_colour_over_dark_ring (void)
{
  static const double white[3] = { 1.0, 1.0, 1.0 };
  static const double green[3] = { 0.15, 1.0, 0.8 };
  static const double deep_green[3] = { 0.1, 1.0, 0.2 };
  g_autofree guint8 *rgb = g_malloc (WIDE_W * WIDE_H * 3);
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  const Track *t;
  const Sample *s;
  LcFrame frame;

  /* 1 Hz: 15 frames dark, 15 lit, at 30 frames a second, for 5 s; the
   * last frame is lit.
   */
  for (int f = 0; f < 150; f++)
    {
      memset (rgb, 130, WIDE_W * WIDE_H * 3);
      if (f % 30 >= 15)
        {
          add_glow (rgb, 100.5, 60.5, 2.0, 300.0, white);
          add_glow (rgb, 100.5, 60.5, 5.0, 150.0, green);
          add_glow (rgb, 100.5, 60.5, 16.0, 100.0, deep_green);
        }
      init_wide_frame (&frame, rgb, f * G_GINT64_CONSTANT (33333333));
      g_assert_true (lc_led_detector_push_frame (detector, &frame));
    }

  /* Found on the plateau where it clips, not at its centre. */
  t = track_near (detector, 100.5, 60.5, 6.0);
  g_assert_nonnull (t);
  g_assert_true (t->binary);
  s = lc_led_track_sample (t, t->len - 1);
  g_assert_true (s->has_color);
  g_assert_cmpint (lc_led_classify_color (s->rgb, NULL), ==, LC_COLOR_GREEN);
  /* It adds about 100 in green around its core. */
  g_assert_cmpfloat (s->rgb[1], >=, 80.0);
}

/* Sets cell @x, @y of @detector's maps: dark at @before, @now this frame. */
static void
set_cell (LcLedDetector *detector,
          int            x,
          int            y,
          float          before,
          float          now)
{
  gsize i = (gsize) y * detector->mw + x;

  detector->prev[i] = before;
  detector->cur[i] = now;
  detector->lo[i] = MIN (before, now);
  detector->hi[i] = MAX (before, now);
}

/* A detector that has seen one dark frame, and a steady light of @radius
 * that clips like an LED at cell (80, 60), in @out_steady.
 */
static LcLedDetector *
beside_steady_light (double   radius,
                     Track  **out_steady)
{
  static const guint8 dark[WIDE_W * WIDE_H * 3] = { 0, };
  LcLedDetector *detector = lc_led_detector_new ();
  LcFrame frame;
  Track *steady;

  init_wide_frame (&frame, dark, 0);
  g_assert_true (lc_led_detector_push_frame (detector, &frame));
  g_assert_cmpint (detector->pool, ==, 1);
  g_assert_cmpuint (detector->n_tracks, ==, 0);

  steady = lc_led_track_new (detector, 80.5, 60.5, radius, 0);
  steady->peak = 255.0;
  detector->tracks[detector->n_tracks++] = steady;
  *out_steady = steady;

  return detector;
}

/* A candidate at cell @x, @y, found beside the steady light at cell
 * (80, 60): whether it gets a track of its own, as a light that lit up
 * apart from it.
 */
static gboolean
comes_on_apart (LcLedDetector *detector,
                int            x,
                int            y)
{
  Candidate cand = { 0, };

  cand.mx = x;
  cand.my = y;
  cand.x = x + 0.5;
  cand.y = y + 0.5;
  cand.radius = 6.0;
  cand.score = 100.0;
  lc_led_associate (detector, &cand, 1, G_GINT64_CONSTANT (33333333), NULL);

  /* Else it was merged into the steady light's track as a piece of it. */
  return detector->n_tracks == 2 && detector->tracks[1]->lit_apart;
}

/* A light that comes on apart from a steady one beside it is a light of
 * its own even where it would be taken for the edge of the steady one's
 * glow, or join its track: the edge of a glow comes on with its light.
 * Inside the steady light's size, it is that light.
 */
static void
test_comes_on_near_steady (void)
{
  static const struct
  {
    int      x, y;
    gboolean steady_held;
    gboolean own_light;
  } cases[] = {
    { 94, 61, TRUE, TRUE },   /* 14 px off: at the reach of its glow's edge */
    { 94, 61, FALSE, FALSE }, /* … lit with it: the edge of its glow */
    { 92, 60, TRUE, TRUE },   /* 12 px: within the distance a candidate joins it at */
    { 88, 60, TRUE, FALSE },  /* 8 px: inside its size */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Track *steady;
      g_autoptr(LcLedDetector) detector = beside_steady_light (9.0, &steady);

      steady->cand_score = 100.0;
      set_cell (detector, 80, 60, cases[i].steady_held ? 255.0f : 130.0f, 255.0f);
      set_cell (detector, cases[i].x, cases[i].y, 130.0f, 250.0f);

      g_assert_cmpint (comes_on_apart (detector, cases[i].x, cases[i].y), ==, cases[i].own_light);
      if (!cases[i].own_light)
        g_assert_cmpuint (detector->n_tracks, ==, 1);
    }
}

/* Whether a light came on apart from a steady one beside it is told from
 * one frame of the maps: its cell went from dark to lit while the steady
 * light's held; not when that one is no LED (it does not clip), nor when
 * a cell beside it went dark (a light moved over, as the camera did).
 */
static void
test_comes_on_apart (void)
{
  for (guint scene = 0; scene < 3; scene++)
    {
      Track *steady;
      g_autoptr(LcLedDetector) detector = beside_steady_light (8.0, &steady);

      set_cell (detector, 80, 60, 255.0f, 255.0f);
      set_cell (detector, 95, 60, 130.0f, 250.0f);

      if (scene == 0)
        g_assert_true (comes_on_apart (detector, 95, 60));
      else if (scene == 1)
        {
          steady->peak = 180.0;
          g_assert_false (comes_on_apart (detector, 95, 60));
        }
      else
        {
          set_cell (detector, 97, 60, 250.0f, 130.0f);
          g_assert_false (comes_on_apart (detector, 95, 60));
        }
    }
}

/* Tracks: measuring a lit square gives its level over the background, its
 * centre and a colour that is the square's, not the background's.
 */
static void
test_measure_track (void)
{
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  static const guint8 green[3] = { 20, 220, 40 };
  guint8 rgb[W * H * 3];
  LcFrame frame;
  Measurement m;
  Track *t;

  paint_square (rgb, 50, 32, 2, green);
  init_frame (&frame, rgb, 0);
  g_assert_true (lc_led_detector_push_frame (detector, &frame));

  t = lc_led_track_new (detector, 49.0, 33.0, 2.5, 0);
  lc_led_measure_track (detector, &frame, t, 0.0, NULL, &m);
  g_assert_true (m.valid);
  g_assert_cmpfloat (fabs (m.level - (220 - 12)), <, 4.0);
  g_assert_cmpfloat (fabs (m.cx - 50.5), <, 1.0);
  g_assert_cmpfloat (fabs (m.cy - 32.5), <, 1.0);
  g_assert_true (m.has_color);
  g_assert_cmpint (lc_led_classify_color (m.rgb, NULL), ==, LC_COLOR_GREEN);
  g_assert_cmpfloat (m.max, ==, 220.0);
  g_free (t);
}

/* A bright bar of @value from column @x0 to the right edge of @rgb. */
static void
paint_bar (guint8 *rgb,
           int     x0,
           guint8  value)
{
  for (int y = 0; y < H; y++)
    memset (rgb + (y * W + x0) * 3, value, (gsize) (W - x0) * 3);
}

/* A frame with the light at (40, 32) painted @light and, from column @bar_x
 * to the right edge, a bar of @bar.
 */
static void
paint_light_and_bar (guint8       *rgb,
                     const guint8  light[3],
                     int           bar_x,
                     guint8        bar)
{
  paint_square (rgb, 40, 32, 2, light);
  paint_bar (rgb, bar_x, bar);
}

/* Whether @t measures as a spot lit @lit beside a bar of @lit_bar from
 * column @lit_x, having been seen dark beside a bar of @dark_bar from
 * column @dark_x.
 */
static gboolean
compact_after_dark (LcLedDetector *detector,
                    Track         *t,
                    int            dark_x,
                    guint8         dark_bar,
                    const guint8   lit[3],
                    int            lit_x,
                    guint8         lit_bar)
{
  static const guint8 dark[3] = { 12, 12, 12 };
  guint8 rgb[W * H * 3];
  LcFrame frame;
  Measurement m;

  paint_light_and_bar (rgb, dark, dark_x, dark_bar);
  init_frame (&frame, rgb, 0);
  lc_led_measure_track (detector, &frame, t, 0.0, NULL, &m);
  g_assert_true (m.valid);
  lc_led_track_remember_dark (t, &m);

  paint_light_and_bar (rgb, lit, lit_x, lit_bar);
  lc_led_measure_track (detector, &frame, t, 0.0, NULL, &m);
  g_assert_true (m.valid);

  return m.compact;
}

/* A blinking light right beside something bright and steady (the glossy
 * stripe on a housing) has a ring lit on one side, as the edge of a
 * bright thing does; it is still a spot, because that side was as bright
 * while the light was off. Not so beside a glow that lights up with it,
 * beside something steady that outshines it, or at the edge of a bright
 * thing that slides over the spot.
 */
static void
test_blink_beside_stripe (void)
{
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  static const guint8 green[3] = { 20, 230, 40 };
  static const guint8 dim_green[3] = { 20, 150, 30 };
  static const guint8 dark[3] = { 12, 12, 12 };
  g_autofree Track *t = NULL;
  guint8 rgb[W * H * 3];
  LcFrame frame;
  Measurement m;

  paint_square (rgb, 40, 32, 2, dark);
  init_frame (&frame, rgb, 0);
  g_assert_true (lc_led_detector_push_frame (detector, &frame));
  t = lc_led_track_new (detector, 40.5, 32.5, 2.5, 0);

  /* Lit beside the stripe: in one frame, an edge. */
  paint_light_and_bar (rgb, green, 45, 220);
  lc_led_measure_track (detector, &frame, t, 0.0, NULL, &m);
  g_assert_true (m.valid);
  g_assert_false (m.compact);

  /* Seen dark before: a spot. */
  t->binary = TRUE;
  g_assert_true (compact_after_dark (detector, t, 45, 220, green, 45, 220));

  /* Beside a glow that brightens as it lights up: that glow is its own. */
  g_assert_false (compact_after_dark (detector, t, 45, 150, green, 45, 220));
  g_assert_false (compact_after_dark (detector, t, 45, 110, green, 45, 135));

  /* Beside something steady that is brighter than itself (a piece of a
   * glow at the edge of a pale window): no spot of its own.
   */
  g_assert_false (compact_after_dark (detector, t, 45, 250, dim_green, 45, 250));

  /* A bright thing whose edge slides over the spot: an edge still. */
  g_assert_false (compact_after_dark (detector, t, 46, 220, dark, 37, 220));
}

/* Colour names: the primaries and their drifts; a palette maps a near
 * neighbour and refuses white.
 */
static void
test_colors (void)
{
  static const struct { float rgb[3]; LcColor color; } cases[] = {
    { { 250, 30, 30 }, LC_COLOR_RED },
    { { 250, 90, 20 }, LC_COLOR_RED },      /* a red that leans orange */
    { { 250, 170, 20 }, LC_COLOR_AMBER },
    { { 40, 230, 60 }, LC_COLOR_GREEN },
    { { 30, 200, 230 }, LC_COLOR_BLUE },    /* cyan-looking blue */
    { { 40, 60, 250 }, LC_COLOR_BLUE },
    { { 230, 225, 240 }, LC_COLOR_WHITE },
  };
  guint rgb_palette = 1u << LC_COLOR_RED | 1u << LC_COLOR_GREEN | 1u << LC_COLOR_BLUE;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (lc_led_classify_color (cases[i].rgb, NULL), ==, cases[i].color);

  g_assert_cmpint (lc_led_map_to_palette (LC_COLOR_AMBER, rgb_palette), ==, LC_COLOR_RED);
  g_assert_cmpint (lc_led_map_to_palette (LC_COLOR_BLUE, rgb_palette), ==, LC_COLOR_BLUE);
  g_assert_cmpint (lc_led_map_to_palette (LC_COLOR_WHITE, rgb_palette), ==, LC_COLOR_NONE);
  g_assert_cmpint (lc_led_map_to_palette (LC_COLOR_GREEN, 1u << LC_COLOR_BLUE), ==, LC_COLOR_NONE);
  g_assert_cmpint (lc_led_map_to_palette (LC_COLOR_AMBER, 0), ==, LC_COLOR_AMBER);
}

/* A track's samples: @pattern gives, per 1/30 s frame, lit ('#'), dark
 * ('.') or dark with a faint flicker ('o', a third of the lit level over
 * the dark one).
 */
static Track *
track_from_pattern (LcLedDetector *detector,
                    const char    *pattern,
                    guint          repeats,
                    gint64        *out_now)
{
  Track *t = lc_led_track_new (detector, 10.0, 10.0, 2.0, 0);
  gsize n = strlen (pattern);
  gint64 pts = 0;

  for (guint r = 0; r < repeats; r++)
    {
      for (gsize i = 0; i < n; i++)
        {
          Sample s = { 0, };
          gboolean lit = pattern[i] == '#';

          s.pts = pts;
          s.level = lit ? 180.0f : pattern[i] == 'o' ? 60.0f : 3.0f;
          s.has_color = lit;
          s.rgb[0] = lit ? 200.0f : 0.0f;
          s.disc[0] = lit ? 120.0f : 20.0f;
          s.disc[1] = s.disc[2] = 20.0f;
          s.max = lit ? 250.0f : 20.0f;
          s.top = lit ? -1.0f : 20.0f;
          s.white = lit ? 90.0f : 20.0f;
          lc_led_track_push (t, &s);
          pts += 33333333;
        }
    }
  *out_now = pts - 33333333;
  return t;
}

/* A burst of two beside a power light: dark, its disc still holds the
 * other light's glow, 35 over its ring. It was found as it came on, so its
 * track starts with the dark assumed before that (level 0, not measured,
 * see start_after_dark()). Its levels split between its own two: dark at
 * 35, and a burst, not a light that stays lit (power+status TUNE #84).
 */
static void
test_assumed_dark_left_out (void)
{
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  g_autofree Track *t = lc_led_track_new (detector, 10.0, 10.0, 2.0, 0);
  const char *group = "####....####....................................";
  Sample assumed = { .assumed = TRUE };
  gint64 pts = G_GINT64_CONSTANT (2000000000);

  detector->interval_s = 1.0 / 30.0;
  detector->noise = 2.0;

  lc_led_track_push (t, &assumed);
  assumed.pts = pts - 33333333;
  lc_led_track_push (t, &assumed);
  for (guint r = 0; r < 5; r++)
    {
      for (const char *c = group; *c != '\0'; c++)
        {
          gboolean lit = *c == '#';
          Sample s = {
            .pts = pts,
            .level = lit ? 130.0f : 35.0f,
            .has_color = lit,
            .rgb = { 0.0f, 40.0f, lit ? 200.0f : 0.0f },
            .disc = { 60.0f, 40.0f, lit ? 160.0f : 40.0f },
            .max = lit ? 255.0f : 150.0f,
            .top = lit ? -1.0f : 150.0f,
            .white = lit ? 160.0f : 125.0f,
          };

          lc_led_track_push (t, &s);
          pts += 33333333;
        }
    }

  lc_led_classify_track (detector, t, pts - 33333333);
  g_assert_true (t->binary);
  g_assert_cmpfloat (fabs (t->m_lo - 35.0), <, 1.0);
  g_assert_cmpint (t->key.kind, ==, LC_DETECTED_BURST);
  g_assert_cmpuint (t->key.count, ==, 2);
}

/* Selection: the k-th smallest of a window, as sorting would put it,
 * with repeated values and for every k, and the window partitioned
 * around it.
 */
static void
test_select (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 40; round++)
    {
      guint n = g_rand_int_range (rand, 1, 90);
      g_autofree double *v = g_new (double, n);
      g_autofree double *sorted = g_new (double, n);
      g_autofree double *work = g_new (double, n);

      for (guint i = 0; i < n; i++)
        /* Few distinct values in odd rounds: many ties. */
        v[i] = round % 2 ? g_rand_int_range (rand, 0, 4) : g_rand_double_range (rand, -50, 50);
      memcpy (sorted, v, n * sizeof (double));
      qsort (sorted, n, sizeof (double), lc_led_compare_double);

      for (guint k = 0; k < n; k++)
        {
          memcpy (work, v, n * sizeof (double));
          g_assert_cmpfloat (lc_led_select_double (work, n, k), ==, sorted[k]);
          for (guint i = 0; i < k; i++)
            g_assert_cmpfloat (work[i], <=, sorted[k]);
          for (guint i = k + 1; i < n; i++)
            g_assert_cmpfloat (work[i], >=, sorted[k]);
        }
    }
}

/* Levels and runs: a square wave splits into two levels, one edge per
 * change, runs that alternate, and a colour lit minus dark that is red.
 */
static void
test_levels_and_runs (void)
{
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  gint64 now;
  Track *t = track_from_pattern (detector, "###############...............", 4, &now);
  Window w;
  double sd_lo;
  guint n_lo, n_hi, lit = 0;
  float sum[3] = { 0, 0, 0 }, added[3];

  detector->interval_s = 1.0 / 30.0;
  lc_led_window_collect (t, now, &w);
  g_assert_cmpuint (w.n, ==, 120);
  lc_led_split_levels (&w, 4.0, &sd_lo, &n_lo, &n_hi);
  g_assert_cmpuint (n_lo, ==, 60);
  g_assert_cmpuint (n_hi, ==, 60);
  g_assert_cmpfloat (fabs (w.m_hi - 180.0), <, 0.5);

  lc_led_find_edges (&w);
  g_assert_cmpuint (w.n_edges, ==, 7);
  /* Edges half a second apart, to within a frame. */
  for (guint e = 1; e < w.n_edges; e++)
    g_assert_cmpfloat (fabs ((w.edges[e].t - w.edges[e - 1].t) / 1e9 - 0.5), <, 0.034);

  lc_led_find_runs (&w, w.s[0].pts, now);
  g_assert_cmpuint (w.n_runs, ==, 8);
  for (guint r = 0; r < w.n_runs; r++)
    {
      g_assert_true (w.runs[r].on == (r % 2 == 0));
      if (w.runs[r].on)
        {
          for (guint c = 0; c < 3; c++)
            sum[c] += w.runs[r].disc[c];
          lit += w.runs[r].n_rgb;
        }
    }
  g_assert_true (lc_led_on_off_color (&w, sum, lit, added));
  g_assert_cmpfloat (fabs (added[0] - 100.0f), <, 1.0);
  g_assert_cmpfloat (fabs (added[1]), <, 1.0);
  g_assert_cmpint (lc_led_classify_color (added, NULL), ==, LC_COLOR_RED);

  lc_led_window_clear (&w);
  g_free (t);
}

/* Edges of @t's levels once lone glitches are dropped. */
static guint
edges_left (LcLedDetector *detector,
            Track         *t,
            gint64         now)
{
  Window w;
  double sd_lo;
  guint n_lo, n_hi, n_edges;

  lc_led_window_collect (t, now, &w);
  lc_led_split_levels (&w, 4.0, &sd_lo, &n_lo, &n_hi);
  lc_led_find_edges (&w);
  lc_led_drop_glitches (&w);
  n_edges = w.n_edges;
  lc_led_window_clear (&w);

  return n_edges;
}

/* A burst of two with short runs (a double flash of 2 and 3 frames, as on
 * a real board at 23 fps) and a flicker of glow in one of its pauses that
 * crosses the lit threshold for a frame or two: the flicker is no flash,
 * so its edges go, but a lone frame as bright as the flashes stays.
 */
static void
test_faint_flash_dropped (void)
{
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  const char *clean = "##..###........................", *flicker = "##..###..........o.............";
  const char *flash = "##..###..........#.............", *flicker2 = "##..###.........oo.............";
  g_autofree char *with_flicker = g_strconcat (clean, flicker, clean, clean, NULL);
  g_autofree char *with_flash = g_strconcat (clean, flash, clean, clean, NULL);
  g_autofree char *with_flicker2 = g_strconcat (clean, flicker2, clean, clean, NULL);
  g_autofree Track *t_clean = NULL, *t_flicker = NULL, *t_flash = NULL, *t_flicker2 = NULL;
  gint64 now;

  detector->interval_s = 1.0 / 30.0;
  t_clean = track_from_pattern (detector, clean, 4, &now);
  t_flicker = track_from_pattern (detector, with_flicker, 1, &now);
  t_flash = track_from_pattern (detector, with_flash, 1, &now);
  t_flicker2 = track_from_pattern (detector, with_flicker2, 1, &now);

  g_assert_cmpuint (edges_left (detector, t_clean, now), ==, 15);
  g_assert_cmpuint (edges_left (detector, t_flicker, now), ==, 15);
  g_assert_cmpuint (edges_left (detector, t_flicker2, now), ==, 15);
  g_assert_cmpuint (edges_left (detector, t_flash, now), ==, 17);
}

/* The grammar: three short blinks and a long pause, repeated, is a burst
 * of three, confirmed; an even blink is a blink at its rate, confirmed only
 * once it has outlasted the longest burst a light of its colour shows.
 */
static void
test_pattern_grammar (void)
{
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  gint64 now;
  Track *t;

  detector->interval_s = 1.0 / 30.0;
  detector->noise = 2.0;

  /* 200 ms on, 200 ms off, three times, then 1.6 s dark: 2.8 s a group. */
  t = track_from_pattern (detector,
                          "######......######......######"
                          "................................................",
                          4, &now);
  lc_led_classify_track (detector, t, now);
  g_assert_cmpint (t->key.kind, ==, LC_DETECTED_BURST);
  g_assert_cmpuint (t->key.count, ==, 3);
  g_assert_true (t->confirmed);
  g_assert_cmpint (t->light.colors[0], ==, LC_COLOR_RED);
  g_free (t);

  /* Six even blinks may be the six of a burst whose pause is still to
   * come; seven are not.
   */
  t = track_from_pattern (detector, "###############...............", LC_LED_LONGEST_BURST, &now);
  lc_led_classify_track (detector, t, now);
  g_assert_cmpint (t->key.kind, ==, LC_DETECTED_BLINK);
  g_assert_cmpfloat (fabs (t->light.rate_hz - 1.0), <, 0.05);
  g_assert_false (t->confirmed);
  g_free (t);

  t = track_from_pattern (detector, "###############...............", LC_LED_LONGEST_BURST + 1, &now);
  lc_led_classify_track (detector, t, now);
  g_assert_cmpint (t->key.kind, ==, LC_DETECTED_BLINK);
  g_assert_true (t->confirmed);
  g_free (t);

  /* A burst's rate, from blinks the frames cut short or stretch by one:
   * three blinks 0.28 s apart (8.4 frames) every 2.3 s, for 14 s. In the
   * second group the gap before the last blink is lost (in glare, say):
   * that group's two "blinks" are no measure of the others.
   */
  {
    char pattern[421] = { 0, };

    for (guint f = 0; f < 420; f++)
      {
        double seconds = f / 30.0 + 0.05;
        guint group = (guint) (seconds / 2.3);
        double in_group = seconds - group * 2.3;
        gboolean lit = fmod (in_group, 0.28) < 0.14 || (group == 1 && in_group >= 0.28);

        pattern[f] = in_group < 3 * 0.28 && lit ? '#' : '.';
      }
    t = track_from_pattern (detector, pattern, 1, &now);
    lc_led_classify_track (detector, t, now);
    g_assert_cmpint (t->key.kind, ==, LC_DETECTED_BURST);
    g_assert_cmpuint (t->key.count, ==, 3);
    g_test_message ("rate %.3f Hz", t->light.rate_hz);
    g_assert_cmpfloat (fabs (t->light.rate_hz * 0.28 - 1.0), <, 0.03);
    g_free (t);
  }
}

/* A track lit all along at @level, its colour from @colors: per 1/30 s
 * frame, 'b' blue, 'g' green, 'r' red, 'w' white; 'R' and 'W' a red and a
 * white two thirds as bright (a neighbour's glow on a pale window, or the
 * window itself).
 */
static Track *
track_from_colors (LcLedDetector *detector,
                   const char    *colors,
                   guint          repeats,
                   gint64        *out_now)
{
  Track *t = lc_led_track_new (detector, 10.0, 10.0, 2.0, 0);
  gsize n = strlen (colors);
  gint64 pts = 0;

  for (guint r = 0; r < repeats; r++)
    {
      for (gsize i = 0; i < n; i++)
        {
          Sample s = { 0, };

          s.pts = pts;
          gboolean white = colors[i] == 'w' || colors[i] == 'W';

          s.level = colors[i] == 'R' || colors[i] == 'W' ? 100.0f : 150.0f;
          s.has_color = TRUE;
          s.rgb[0] = colors[i] == 'r' || colors[i] == 'R' || white ? 200.0f : 10.0f;
          s.rgb[1] = colors[i] == 'g' || white ? 200.0f : 30.0f;
          s.rgb[2] = colors[i] == 'b' || white ? 200.0f : 30.0f;
          s.max = 250.0f;
          s.top = -1.0f;
          lc_led_track_push (t, &s);
          pts += 33333333;
        }
    }
  *out_now = pts - 33333333;
  return t;
}

/* What the hue stage made of a track (see read_track_hues()). */
typedef struct
{
  Track    *track;
  gint64    now;
  Reading   rd;
  gboolean  read;       /* it reads as taking turns */
  LcColor   colors[2];  /* the two colours it showed, in turns or not; else NONE */
  LcColor   dimmer;     /* the colour whose turns are clearly dimmer, if one is */
} HueRead;

static void
hue_read_clear (HueRead *hr)
{
  g_clear_pointer (&hr->track, g_free);
}

/* @hr's track, its window at @hr->now, read by the hue stage. */
static void
read_track_hues (LcLedDetector *detector,
                 HueRead       *hr)
{
  Window w;

  memset (&hr->rd, 0, sizeof hr->rd);
  lc_led_window_collect (hr->track, hr->now, &w);
  hr->read = lc_led_read_hue_alternation (&w, 0, detector->interval_s, &hr->rd, hr->colors, &hr->dimmer);
  lc_led_window_clear (&w);
}

/* A track of @colors (see track_from_colors()) into @hr, in place of the
 * one it held, read by the hue stage.
 */
static void
read_hues (LcLedDetector *detector,
           const char    *colors,
           guint          repeats,
           HueRead       *hr)
{
  hue_read_clear (hr);
  hr->track = track_from_colors (detector, colors, repeats, &hr->now);
  read_track_hues (detector, hr);
}

/* As read_hues(), for a light behind a pale window: its own samples are
 * grey, its disc is the window plus @colors ('w' for white, '.' for
 * nothing), with a little noise.
 */
static void
read_hues_behind_window (LcLedDetector *detector,
                         const char    *colors,
                         guint          repeats,
                         HueRead       *hr)
{
  Track *t = lc_led_track_new (detector, 10.0, 10.0, 2.0, 0);
  gsize n = strlen (colors);

  for (guint i = 0; i < repeats * n; i++)
    {
      Sample s = { 0, };
      char color = colors[i % n];
      float noise = (float) ((i * 7) % 5) - 2.0f;

      s.pts = i * G_GINT64_CONSTANT (33333333);
      s.level = 150.0f;
      s.has_color = TRUE;
      s.rgb[0] = s.rgb[1] = s.rgb[2] = 60.0f;
      s.disc[0] = 120.0f + noise + (color == 'r' || color == 'w' ? 60.0f : 3.0f);
      s.disc[1] = 120.0f - noise + (color == 'g' || color == 'w' ? 60.0f : 6.0f);
      s.disc[2] = 120.0f + noise + (color == 'b' || color == 'w' ? 60.0f : 6.0f);
      s.max = 250.0f;
      s.top = -1.0f;
      lc_led_track_push (t, &s);
    }
  hue_read_clear (hr);
  hr->track = t;
  hr->now = t->samples[t->len - 1].pts;
  read_track_hues (detector, hr);
}

/* @rd reads as turns of blue and green, two a second. */
static void
assert_blue_green_turns (const Reading *rd)
{
  g_assert_cmpint (rd->key.kind, ==, LC_DETECTED_BLINK);
  g_assert_cmpuint (rd->key.n_colors, ==, 2);
  g_assert_cmpint (rd->key.colors[0], ==, MIN (LC_COLOR_BLUE, LC_COLOR_GREEN));
  g_assert_cmpint (rd->key.colors[1], ==, MAX (LC_COLOR_BLUE, LC_COLOR_GREEN));
  g_assert_cmpfloat (fabs (rd->rate_hz - 2.0), <, 0.1);
}

/* @hr showed one colour at most, so it takes no turns. */
static void
assert_one_color (const HueRead *hr)
{
  g_assert_false (hr->read);
  g_assert_cmpint (hr->colors[0], ==, LC_COLOR_NONE);
}

/* Hue: a light that stays as bright while it takes turns in two colours is
 * an alternating blink, one colour a run; one colour all along is not.
 */
static void
test_hue (void)
{
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  HueRead hr = { 0, };

  detector->interval_s = 1.0 / 30.0;

  /* Half a second of each, four times over. */
  read_hues (detector, "bbbbbbbbbbbbbbbggggggggggggggg", 4, &hr);
  g_assert_true (hr.read);
  assert_blue_green_turns (&hr.rd);
  g_assert_true (hr.rd.confirmed);
  g_assert_cmpint (hr.colors[0], !=, LC_COLOR_NONE);
  g_assert_cmpint (hr.dimmer, ==, LC_COLOR_NONE);

  /* Turns of blue and of a dimmer red: the red ones are told apart (they
   * may be a steady neighbour's glow; see test_borrowed_glow()).
   */
  read_hues (detector, "bbbbbbbbbbbbbbbRRRRRRRRRRRRRRR", 4, &hr);
  g_assert_true (hr.read);
  g_assert_cmpint (hr.dimmer, ==, LC_COLOR_RED);

  read_hues (detector, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 4, &hr);
  assert_one_color (&hr);

  /* Behind a pale window the light's own samples stay grey; the colour it
   * adds to its disc above the window takes turns all the same. A window
   * lit in one colour, with a little noise, takes no turns.
   */
  read_hues_behind_window (detector, "bbbbbbbbbbbbbbbggggggggggggggg", 4, &hr);
  g_assert_true (hr.read);
  assert_blue_green_turns (&hr.rd);

  read_hues_behind_window (detector, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 4, &hr);
  assert_one_color (&hr);

  /* White added in turns (over a floor the window shows now and then) is
   * glare sliding over it.
   */
  read_hues_behind_window (detector, "..bbbbbbbbbbbbbbwwwwwwwwwwwwww", 4, &hr);
  assert_one_color (&hr);

  /* Two seconds of blue, then one of green: too few turns for a rhythm,
   * but two colours all the same, so no solid light (it may be taking
   * turns slowly).
   */
  read_hues (detector, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbggggggggggggggggggggggggggggggg", 1,
             &hr);
  g_assert_false (hr.read);
  g_assert_cmpint (hr.colors[0], !=, LC_COLOR_NONE);
  lc_led_classify_track (detector, hr.track, hr.now);
  g_assert_cmpint (hr.track->key.kind, ==, LC_DETECTED_SOLID);
  g_assert_false (hr.track->confirmed);
  hue_read_clear (&hr);
}

/* An RGB LED that takes turns in blue and red, which the camera sees at
 * two brightnesses (red dimmer here), passing through a dimmer mix as it
 * changes: it never goes dark, and its level alone would read as a fade
 * or a blink of one colour. Its hue says it takes turns.
 */
static void
test_turns_at_two_levels (void)
{
  static const float ramp[] = { 150, 150, 150, 150, 150, 150, 150, 150, 150, 150, 130, 105, 80,
                                80, 90, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 90, 80, 105, 130 };
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  Track *t = lc_led_track_new (detector, 10.0, 10.0, 2.0, 0);
  gint64 now = 0;

  detector->interval_s = 1.0 / 30.0;
  detector->width = 320;
  detector->height = 180;

  for (guint i = 0; i < 6 * G_N_ELEMENTS (ramp); i++)
    {
      Sample s = { 0, };
      gboolean blue = i % G_N_ELEMENTS (ramp) < 13;

      s.pts = now = i * G_GINT64_CONSTANT (33333333);
      s.level = ramp[i % G_N_ELEMENTS (ramp)];
      s.has_color = TRUE;
      s.rgb[0] = blue ? 10.0f : 200.0f;
      s.rgb[1] = 30.0f;
      s.rgb[2] = blue ? 200.0f : 30.0f;
      s.max = 250.0f;
      s.top = -1.0f;
      lc_led_track_push (t, &s);
    }

  lc_led_classify_track (detector, t, now);
  g_assert_true (t->binary);
  g_assert_cmpint (t->key.kind, ==, LC_DETECTED_BLINK);
  g_assert_cmpuint (t->key.n_colors, ==, 2);
  g_assert_cmpint (t->key.colors[0], ==, MIN (LC_COLOR_RED, LC_COLOR_BLUE));
  g_assert_cmpint (t->key.colors[1], ==, MAX (LC_COLOR_RED, LC_COLOR_BLUE));
  g_assert_cmpfloat_with_epsilon (t->light.rate_hz, 2.0, 0.1);
  g_free (t);
}

/* A blink behind a pale window beside a steady red light: in its dark
 * phase the window shows the red light's glow, dimmer than the blink. Alone
 * it reads as taking turns in blue and red; beside the red light, red is
 * not a colour of its own, so it is no alternation. (Here the dark phase
 * is red all through, and the two-level gate reads it as a blue blink;
 * when it looks grey on the whole, the hue stage's dimmer colour is what
 * tells, see test_hue().) Nor is a white dimmer than the light's colour:
 * that is the window showing while the LED is dim. A white brighter than
 * the other colour is an LED's.
 */
static void
test_borrowed_glow (void)
{
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  const char *turns = "bbbbbbbbbbbbbbbRRRRRRRRRRRRRRR";
  Track *t, *power;
  gint64 now;

  detector->interval_s = 1.0 / 30.0;
  detector->width = 320;
  detector->height = 180;

  t = track_from_colors (detector, turns, 4, &now);
  lc_led_classify_track (detector, t, now);
  g_assert_false (t->binary);
  g_assert_cmpint (t->key.kind, ==, LC_DETECTED_BLINK);
  g_assert_cmpuint (t->key.n_colors, ==, 2);
  g_free (t);

  power = lc_led_track_new (detector, 40.0, 10.0, 2.0, 0);
  power->key.kind = LC_DETECTED_SOLID;
  power->key.n_colors = 1;
  power->key.colors[0] = LC_COLOR_RED;
  detector->tracks[detector->n_tracks++] = power;

  t = track_from_colors (detector, turns, 4, &now);
  lc_led_classify_track (detector, t, now);
  g_assert_false (t->key.kind == LC_DETECTED_BLINK && t->key.n_colors == 2);
  g_free (t);

  detector->n_tracks--;
  g_free (power);

  t = track_from_colors (detector, "bbbbbbbbbbbbbbbWWWWWWWWWWWWWWW", 4, &now);
  lc_led_classify_track (detector, t, now);
  g_assert_false (t->key.kind == LC_DETECTED_BLINK && t->key.n_colors == 2);
  g_assert_false (t->confirmed);
  g_free (t);

  t = track_from_colors (detector, "wwwwwwwwwwwwwwwRRRRRRRRRRRRRRR", 4, &now);
  lc_led_classify_track (detector, t, now);
  g_assert_cmpint (t->key.kind, ==, LC_DETECTED_BLINK);
  g_assert_cmpuint (t->key.n_colors, ==, 2);
  g_free (t);
}

/* Fade: a level that rises and falls smoothly every two seconds is a fade
 * at 0.5 Hz; one that jumps between two levels is none.
 */
static void
test_fade (void)
{
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  Track *t = lc_led_track_new (detector, 10.0, 10.0, 2.0, 0);
  Reading rd = { 0, };
  gint64 now;
  Window w;

  detector->interval_s = 1.0 / 30.0;
  for (guint i = 0; i < 8 * 30; i++)
    {
      Sample s = { 0, };

      s.pts = i * G_GINT64_CONSTANT (33333333);
      s.level = (float) (5.0 + 90.0 * (1.0 - cos (2.0 * G_PI * i / 60.0)));
      s.has_color = TRUE;
      s.rgb[2] = 200.0f;
      lc_led_track_push (t, &s);
    }
  now = t->samples[t->len - 1].pts;
  lc_led_window_collect (t, now, &w);
  g_assert_true (lc_led_read_fade (detector, &w, &rd));
  g_assert_cmpint (rd.key.kind, ==, LC_DETECTED_FADE);
  g_assert_cmpfloat (fabs (rd.rate_hz - 0.5), <, 0.05);
  g_assert_true (rd.confirmed);
  lc_led_window_clear (&w);
  g_free (t);

  t = track_from_pattern (detector, "###############...............", 6, &now);
  lc_led_window_collect (t, now, &w);
  memset (&rd, 0, sizeof rd);
  g_assert_false (lc_led_read_fade (detector, &w, &rd));
  lc_led_window_clear (&w);
  g_free (t);
}

/* A track seen through a pale window: per 1/30 s frame of @pattern, lit
 * ('#'), dark ('.') or, with @smooth, a breath every two seconds
 * instead. Its own samples keep the hue of @own in both phases (grey: the
 * window); the disc gains @added when lit. It sits on a surface of @bg.
 */
static Track *
track_behind_window (LcLedDetector *detector,
                     const char    *pattern,
                     gboolean       smooth,
                     const float    own[3],
                     const float    added[3],
                     double         bg,
                     gint64        *out_now)
{
  Track *t = lc_led_track_new (detector, 10.0, 10.0, 2.0, 0);
  gsize n = strlen (pattern);

  for (guint i = 0; i < 8 * 30; i++)
    {
      Sample s = { 0, };
      double phase = (i % 60) / 60.0;
      /* A breath: dark for a third of the time, then up and down. */
      double breath = phase < 1.0 / 3.0 ? 0.0 : 0.5 * (1.0 - cos (3.0 * G_PI * (phase - 1.0 / 3.0)));
      double lit = smooth ? breath : pattern[i % n] == '#';

      s.pts = i * G_GINT64_CONSTANT (33333333);
      /* The window alone is nearly half as bright as the lit LED. */
      s.level = (float) (80.0 + 100.0 * lit);
      s.has_color = TRUE;
      for (guint c = 0; c < 3; c++)
        {
          s.rgb[c] = (float) (own[c] * (1.0 + 0.75 * lit));
          s.disc[c] = (float) (70.0 + added[c] * lit);
        }
      s.max = (float) (150.0 + 90.0 * lit);
      s.top = s.max;
      s.white = s.max;
      lc_led_track_push (t, &s);
    }
  t->bg = bg;
  *out_now = t->samples[t->len - 1].pts;

  return t;
}

/* Behind a pale window an LED never looks dark, and its own samples hardly
 * change hue: what tells it from auto exposure or glare is the colour it
 * adds to its disc when lit. So a shallow blink adding red is a red blink,
 * a shallow swell adding blue a blue fade; one adding white is neither,
 * nor is a small bump on a bright surface (the edge of a coloured object
 * swaying), nor a blue light that dims in blue (auto exposure).
 */
static void
test_pale_window (void)
{
  static const float red[3] = { 90.0f, 5.0f, 5.0f };
  static const float blue[3] = { 5.0f, 10.0f, 90.0f };
  static const float white[3] = { 90.0f, 90.0f, 90.0f };
  static const float grey[3] = { 40.0f, 40.0f, 40.0f };
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  const char *blink = "###############...............";
  gint64 now;
  Track *t;

  detector->interval_s = 1.0 / 30.0;

  t = track_behind_window (detector, blink, FALSE, grey, red, 40.0, &now);
  lc_led_classify_track (detector, t, now);
  g_assert_true (t->binary);
  g_assert_cmpint (t->key.kind, ==, LC_DETECTED_BLINK);
  g_assert_cmpuint (t->key.n_colors, ==, 1);
  g_assert_cmpint (t->key.colors[0], ==, LC_COLOR_RED);
  g_free (t);

  t = track_behind_window (detector, blink, FALSE, grey, white, 40.0, &now);
  lc_led_classify_track (detector, t, now);
  g_assert_false (t->binary);
  g_assert_cmpint (t->key.kind, !=, LC_DETECTED_BLINK);
  g_free (t);

  t = track_behind_window (detector, blink, FALSE, grey, red, 400.0, &now);
  lc_led_classify_track (detector, t, now);
  g_assert_false (t->binary);
  g_free (t);

  /* Auto exposure swinging over a steady blue light: it dims in blue. */
  t = track_behind_window (detector, blink, FALSE, blue, blue, 40.0, &now);
  lc_led_classify_track (detector, t, now);
  g_assert_false (t->binary);
  g_free (t);

  t = track_behind_window (detector, blink, TRUE, grey, blue, 40.0, &now);
  lc_led_classify_track (detector, t, now);
  g_assert_cmpint (t->key.kind, ==, LC_DETECTED_FADE);
  g_assert_cmpuint (t->key.n_colors, ==, 1);
  g_assert_cmpint (t->key.colors[0], ==, LC_COLOR_BLUE);
  g_free (t);

  t = track_behind_window (detector, blink, TRUE, grey, white, 40.0, &now);
  lc_led_classify_track (detector, t, now);
  g_assert_cmpint (t->key.kind, !=, LC_DETECTED_FADE);
  g_free (t);
}

/* A track behind a pale window that lights up in turns of @first and
 * @second (its own samples take those hues when lit, grey when dark), a
 * quarter of a second each with a quarter second dark between, for 8 s.
 */
static Track *
track_in_turns_behind_window (LcLedDetector *detector,
                              const float    first[3],
                              const float    second[3],
                              gint64        *out_now)
{
  static const float grey[3] = { 78.0f, 74.0f, 73.0f };
  Track *t = lc_led_track_new (detector, 10.0, 10.0, 2.0, 0);

  for (guint i = 0; i < 8 * 30; i++)
    {
      Sample s = { 0, };
      guint phase = (i / 8) % 4;
      const float *own = phase == 1 ? first : phase == 3 ? second : grey;
      gboolean lit = phase % 2 == 1;

      s.pts = i * G_GINT64_CONSTANT (33333333);
      s.level = (float) (lit ? 180.0 : 80.0);
      s.has_color = TRUE;
      for (guint c = 0; c < 3; c++)
        {
          s.rgb[c] = own[c];
          s.disc[c] = (float) (60.0 + (lit ? own[c] : 0.0));
        }
      s.max = lit ? 255.0f : 140.0f;
      s.top = lit ? -1.0f : 120.0f;
      s.white = lit ? 170.0f : 105.0f;
      lc_led_track_push (t, &s);
    }
  t->bg = 35.0;
  *out_now = t->samples[t->len - 1].pts;

  return t;
}

/* Behind a pale window a light that comes on in blue and red by turns
 * averages to a pale hue when lit, no further from the window's grey than
 * auto exposure takes a steady light: each lit sample, not their mean, is
 * what moves away from the dark phase. One in a single colour still does
 * as before; one that stays grey when lit does not.
 */
static void
test_turns_behind_window (void)
{
  static const float blue[3] = { 20.0f, 36.0f, 53.0f };
  static const float red[3] = { 58.0f, 29.0f, 27.0f };
  static const float grey[3] = { 80.0f, 76.0f, 75.0f };
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  gint64 now;
  Track *t;
  Window w;

  detector->interval_s = 1.0 / 30.0;

  t = track_in_turns_behind_window (detector, blue, red, &now);
  lc_led_window_collect (t, now, &w);
  g_assert_true (lc_led_hue_moves_with_level (&w, 80.0, 180.0));
  lc_led_window_clear (&w);
  lc_led_classify_track (detector, t, now);
  g_assert_true (t->binary);
  g_assert_cmpint (t->key.kind, ==, LC_DETECTED_BLINK);
  g_free (t);

  t = track_in_turns_behind_window (detector, blue, blue, &now);
  lc_led_window_collect (t, now, &w);
  g_assert_true (lc_led_hue_moves_with_level (&w, 80.0, 180.0));
  lc_led_window_clear (&w);
  g_free (t);

  t = track_in_turns_behind_window (detector, grey, grey, &now);
  lc_led_window_collect (t, now, &w);
  g_assert_false (lc_led_hue_moves_with_level (&w, 80.0, 180.0));
  lc_led_window_clear (&w);
  g_free (t);
}

/* A light breathing behind a pale window, never below half its peak: its
 * two levels' means sit far closer together than that (a fade spends most
 * of its time in between), but it swells deep enough to be read, in the
 * colour it adds. White added is glare, not a fade; nor is a swell that is
 * small beside its surroundings (drift over a textured wall).
 */
static void
test_fade_behind_window (void)
{
  static const float red[3] = { 90.0f, 5.0f, 5.0f };
  static const float white[3] = { 90.0f, 90.0f, 90.0f };
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();

  detector->interval_s = 1.0 / 30.0;
  for (guint k = 0; k < 3; k++)
    {
      const float *added = k == 1 ? white : red;
      g_autofree Track *t = lc_led_track_new (detector, 10.0, 10.0, 2.0, 0);
      gint64 now;

      for (guint i = 0; i < 8 * 30; i++)
        {
          Sample s = { 0, };
          double breath = 0.5 * (1.0 - cos (2.0 * G_PI * i / 60.0));

          s.pts = i * G_GINT64_CONSTANT (33333333);
          s.level = (float) (100.0 + 100.0 * breath);
          s.has_color = TRUE;
          for (guint c = 0; c < 3; c++)
            {
              s.rgb[c] = (float) (40.0 * (1.0 + 0.75 * breath));
              s.disc[c] = (float) (70.0 + added[c] * breath);
            }
          s.max = s.top = s.white = (float) (150.0 + 90.0 * breath);
          lc_led_track_push (t, &s);
        }
      t->bg = k == 2 ? 250.0 : 40.0;
      now = t->samples[t->len - 1].pts;

      lc_led_classify_track (detector, t, now);
      g_assert_cmpfloat (t->m_lo, >, SHALLOW_DEPTH_RATIO * t->m_hi);
      if (k == 0)
        {
          g_assert_cmpint (t->key.kind, ==, LC_DETECTED_FADE);
          g_assert_cmpuint (t->key.n_colors, ==, 1);
          g_assert_cmpint (t->key.colors[0], ==, LC_COLOR_RED);
          g_assert_cmpfloat (fabs (t->light.rate_hz - 0.5), <, 0.05);
        }
      else
        g_assert_cmpint (t->key.kind, !=, LC_DETECTED_FADE);
    }
}

/* A blue light's track over @seconds: its core's brightest channel at
 * @top (by frame, -1 when clipped), its level following it.
 */
static Track *
track_from_tops (LcLedDetector *detector,
                 double       (*top) (guint i),
                 double         seconds,
                 gint64        *out_now)
{
  Track *t = lc_led_track_new (detector, 10.0, 10.0, 2.0, 0);

  for (guint i = 0; i < (guint) (seconds * 30); i++)
    {
      Sample s = { 0, };

      s.pts = i * G_GINT64_CONSTANT (33333333);
      s.top = (float) top (i);
      s.max = s.top < 0.0f ? 255.0f : s.top;
      s.level = s.max - 60.0f;
      s.has_color = TRUE;
      s.rgb[0] = 10.0f;
      s.rgb[1] = 20.0f;
      s.rgb[2] = 150.0f;
      lc_led_track_push (t, &s);
    }
  *out_now = t->samples[t->len - 1].pts;

  return t;
}

/* A breath behind a frosted window: its core rises over 1.2 s, then
 * clips.
 */
static double
top_of_breath (guint i)
{
  return i < 36 ? 150.0 + 2.5 * i : -1.0;
}

/* A steady light at the edge of clipping: clipped but for every
 * twentieth frame.
 */
static double
top_at_clipping (guint i)
{
  return i % 20 == 0 ? 244.0 : -1.0;
}

/* A steady light with a little noise. */
static double
top_steady (guint i)
{
  return 150.0 + (double) ((i * 7) % 5) - 2.0;
}

/* A light that clips for most of a 3 s cycle: lit for 2.2 s, then down
 * to dark with @ramp frames between, dark for a quarter of a second, and
 * back up with @ramp frames between.
 */
static double
top_of_clipped_breath (guint i,
                       guint ramp)
{
  guint lit = 66, dark = 8, phase = i % (lit + dark + 2 * ramp);
  double x;

  if (phase < lit)
    return -1.0;
  if (phase < lit + ramp)
    x = 1.0 - (phase - lit + 1.0) / (ramp + 1.0);
  else if (phase < lit + ramp + dark)
    x = 0.0;
  else
    x = (phase - lit - ramp - dark + 1.0) / (ramp + 1.0);

  return 65.0 + 180.0 * x;
}

/* A breath, down and up in six frames each way. */
static double
top_of_bright_breath (guint i)
{
  return top_of_clipped_breath (i, 6);
}

/* A blink with the same timing, its edges smeared over two frames. */
static double
top_of_smeared_blink (guint i)
{
  return top_of_clipped_breath (i, 2);
}

/* A bright breath clips for most of its cycle, so it spends little time
 * between its ends (under an eighth of it here, fade TUNE #14); but each
 * way down or up takes it frames, and it is a fade. A blink with the same
 * timing whose edges are smeared over two frames is not.
 */
static void
test_fade_clipping_breath (void)
{
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  g_autofree Track *breath = NULL, *blink = NULL;
  Reading rd = { 0, };
  gint64 now;
  Window w;

  detector->interval_s = 1.0 / 30.0;

  breath = track_from_tops (detector, top_of_bright_breath, 8.0, &now);
  lc_led_window_collect (breath, now, &w);
  g_assert_true (lc_led_read_fade (detector, &w, &rd));
  g_assert_cmpint (rd.key.kind, ==, LC_DETECTED_FADE);
  g_assert_cmpfloat (fabs (rd.rate_hz - 30.0 / 86.0), <, 0.03);
  lc_led_window_clear (&w);

  blink = track_from_tops (detector, top_of_smeared_blink, 8.0, &now);
  lc_led_window_collect (blink, now, &w);
  memset (&rd, 0, sizeof rd);
  g_assert_false (lc_led_read_fade (detector, &w, &rd));
  lc_led_window_clear (&w);
}

/* One steady level is a solid light, confirmed after SOLID_CONFIRMED_S,
 * or SOLID_BREATH_CONFIRMED_S when its core clips; a light that clips only
 * at the top of a slow rise is not yet known to be steady: clipped samples
 * rank above the others, they do not hide them.
 */
static void
test_solid_confirmed (void)
{
  static double (*const tops[]) (guint) = { top_steady, top_at_clipping, top_of_breath };
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();

  detector->interval_s = 1.0 / 30.0;
  for (guint k = 0; k < G_N_ELEMENTS (tops); k++)
    {
      /* The breath is seen for its rise and a little more. */
      double seconds = tops[k] == top_of_breath ? 3.0 : SOLID_BREATH_CONFIRMED_S + 0.5;
      g_autofree Track *t = NULL;
      gint64 now;

      t = track_from_tops (detector, tops[k], seconds, &now);
      lc_led_classify_track (detector, t, now);
      g_assert_cmpint (t->key.kind, ==, LC_DETECTED_SOLID);
      g_assert_cmpint (t->key.colors[0], ==, LC_COLOR_BLUE);
      if (tops[k] == top_of_breath)
        {
          g_assert_cmpfloat (t->spread, >, SOLID_CONFIRMED_SPREAD);
          g_assert_false (t->confirmed);
        }
      else
        {
          g_assert_cmpfloat (t->spread, <=, SOLID_CONFIRMED_SPREAD);
          g_assert_true (t->confirmed);
        }
    }
}

/* A track_from_pattern() pattern: @n_dark frames dark, then @n_lit lit. */
static char *
dark_then_lit (guint n_dark,
               guint n_lit)
{
  char *pattern = g_malloc (n_dark + n_lit + 1);

  memset (pattern, '.', n_dark);
  memset (pattern + n_dark, '#', n_lit);
  pattern[n_dark + n_lit] = '\0';

  return pattern;
}

/* A light whose core clips may be the top of a slow breath that clips
 * for seconds at a time (fade TUNE #14): steady and clipped for three
 * seconds, it reads as solid but is not confirmed, while a light that
 * does not clip shows a breath's top moving and is. Nor is a light that
 * lit after a dark time confirmed steady before a breath has had time to
 * end (fade TUNE #16).
 */
static void
test_solid_outlasts_breath (void)
{
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  g_autofree char *pattern = NULL;
  g_autofree Track *clipped = NULL, *unclipped = NULL, *after_dark = NULL, *long_after_dark = NULL;
  gint64 now;

  detector->interval_s = 1.0 / 30.0;
  clipped = track_from_tops (detector, top_at_clipping, 3.0, &now);
  lc_led_classify_track (detector, clipped, now);
  g_assert_cmpint (clipped->key.kind, ==, LC_DETECTED_SOLID);
  g_assert_cmpfloat (clipped->spread, <=, SOLID_CONFIRMED_SPREAD);
  g_assert_false (clipped->confirmed);

  unclipped = track_from_tops (detector, top_steady, 3.0, &now);
  lc_led_classify_track (detector, unclipped, now);
  g_assert_cmpint (unclipped->key.kind, ==, LC_DETECTED_SOLID);
  g_assert_true (unclipped->confirmed);

  /* Half a second dark, then lit for 3.2 s, then for 4.5 s. */
  pattern = dark_then_lit (15, 96);
  after_dark = track_from_pattern (detector, pattern, 1, &now);
  lc_led_classify_track (detector, after_dark, now);
  g_assert_cmpint (after_dark->key.kind, ==, LC_DETECTED_SOLID);
  g_assert_false (after_dark->confirmed);

  g_clear_pointer (&pattern, g_free);
  pattern = dark_then_lit (15, 135);
  long_after_dark = track_from_pattern (detector, pattern, 1, &now);
  lc_led_classify_track (detector, long_after_dark, now);
  g_assert_cmpint (long_after_dark->key.kind, ==, LC_DETECTED_SOLID);
  g_assert_true (long_after_dark->confirmed);
}

/* A red light's track over four seconds, its level dipping half of each
 * second; its core clips throughout, or, with @dark_unclipped, only while
 * its level is up.
 */
static Track *
track_with_dips (LcLedDetector *detector,
                 gboolean       dark_unclipped,
                 gint64        *out_now)
{
  Track *t = lc_led_track_new (detector, 10.0, 10.0, 2.0, 0);

  for (guint i = 0; i < 4 * 30; i++)
    {
      Sample s = { 0, };
      gboolean up = (i / 15) % 2 == 0;

      s.pts = i * G_GINT64_CONSTANT (33333333);
      s.level = up ? 80.0f : 10.0f;
      s.top = up || !dark_unclipped ? -1.0f : 90.0f;
      s.max = s.top < 0.0f ? 255.0f : s.top;
      s.has_color = TRUE;
      s.rgb[0] = 150.0f;
      s.rgb[1] = 20.0f;
      s.rgb[2] = 15.0f;
      lc_led_track_push (t, &s);
    }
  *out_now = t->samples[t->len - 1].pts;

  return t;
}

/* A light whose core still clips while its level is down did not go dark:
 * what rose is its surroundings (a blinking neighbour's glow on the same
 * frosted window). It has no two levels of its own and is no blink; a
 * light whose core does go dark blinks.
 */
static void
test_clipped_while_dark (void)
{
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  g_autofree Track *steady = NULL, *blink = NULL;
  gint64 now;

  detector->interval_s = 1.0 / 30.0;
  steady = track_with_dips (detector, FALSE, &now);
  lc_led_classify_track (detector, steady, now);
  g_assert_false (steady->binary);
  g_assert_cmpint (steady->key.kind, !=, LC_DETECTED_BLINK);

  blink = track_with_dips (detector, TRUE, &now);
  lc_led_classify_track (detector, blink, now);
  g_assert_true (blink->binary);
  g_assert_cmpint (blink->key.kind, ==, LC_DETECTED_BLINK);
}

/* An LED lighting up only adds light to its disc; the edge of a blue box
 * that sway drags over a grey wall swaps the wall's red and green for the
 * box's blue. It has two levels all the same, but it is no light.
 */
static void
test_takes_light_away (void)
{
  static const float grey[3] = { 40.0f, 40.0f, 40.0f };
  static const float blue[3] = { 5.0f, 10.0f, 90.0f };
  static const float swapped[3] = { -50.0f, -40.0f, 60.0f };
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  const char *blink = "###############...............";

  detector->interval_s = 1.0 / 30.0;
  for (guint k = 0; k < 2; k++)
    {
      gint64 now;
      g_autofree Track *t = track_behind_window (detector, blink, FALSE, grey, k == 0 ? blue : swapped, 40.0, &now);

      lc_led_classify_track (detector, t, now);
      g_assert_true (t->binary);
      g_assert_cmpint (t->key.kind, ==, LC_DETECTED_BLINK);
      lc_led_score_track (detector, t);
      g_assert_cmpint (t->takes_light, ==, k == 1);
      g_assert_cmpint (t->qualified, ==, k == 0);
    }
}

/* A detector as the ranking sees it, a few seconds into a clip. */
static LcLedDetector *
ranking_detector (void)
{
  LcLedDetector *detector = lc_led_detector_new ();

  detector->width = W * 4;
  detector->height = H * 4;
  detector->first_pts = 0;

  return detector;
}

/* How many lights @detector reports once it ranks its tracks, 5 s in. */
static guint
lights_reported (LcLedDetector *detector)
{
  lc_led_build_detection (detector, G_GINT64_CONSTANT (5000000000));

  return detector->detection.n_leds;
}

/* A track as the ranking sees it once classified. */
static Track *
ranked_track (LcLedDetector  *detector,
              double          x,
              LcDetectedKind  kind,
              LcColor         color,
              double          score)
{
  Track *t = lc_led_track_new (detector, x, 32.0, 2.0, 0);

  t->key.kind = kind;
  t->key.n_colors = 1;
  t->key.colors[0] = color;
  t->light.n_colors = 1;
  t->light.colors[0] = color;
  t->qualified = TRUE;
  t->confirmed = TRUE;
  t->confidence = 0.9;
  t->score = score;
  t->compactness = 1.0;
  detector->tracks[detector->n_tracks++] = t;

  return t;
}

/* As ranked_track(), for a light at @level over its surroundings whose
 * core clips.
 */
static Track *
clipping_track (LcLedDetector  *detector,
                double          x,
                LcDetectedKind  kind,
                LcColor         color,
                double          score,
                double          level)
{
  Track *t = ranked_track (detector, x, kind, color, score);

  t->level = level;
  t->peak = 255.0;

  return t;
}

/* As clipping_track(), for a burst of two at level 100. */
static Track *
burst_of_two (LcLedDetector *detector,
              double         x,
              LcColor        color,
              double         score)
{
  Track *t = clipping_track (detector, x, LC_DETECTED_BURST, color, score, 100.0);

  t->key.count = 2;

  return t;
}

/* As clipping_track(), for a light the ranking left out, whose level
 * stayed between @m_lo and @m_hi.
 */
static Track *
unreported_track (LcLedDetector  *detector,
                  double          x,
                  LcDetectedKind  kind,
                  LcColor         color,
                  double          level,
                  double          m_lo,
                  double          m_hi)
{
  Track *t = clipping_track (detector, x, kind, color, 10.0, level);

  t->qualified = FALSE;
  t->confirmed = FALSE;
  t->m_lo = m_lo;
  t->m_hi = m_hi;

  return t;
}

/* Ranking: the best light first, another coloured light of the same device
 * after it, a white spot beside a coloured light never; a device with one
 * light shows one.
 */
static void
test_ranking (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  LcLedPrior prior = { 0, };
  Track *blink, *solid;

  blink = ranked_track (detector, 40.0, LC_DETECTED_BLINK, LC_COLOR_GREEN, 50.0);
  solid = ranked_track (detector, 80.0, LC_DETECTED_SOLID, LC_COLOR_BLUE, 20.0);
  ranked_track (detector, 120.0, LC_DETECTED_SOLID, LC_COLOR_WHITE, 30.0);

  g_assert_cmpuint (lights_reported (detector), ==, 2);
  g_assert_cmpuint (detector->detection.leds[0].id, ==, blink->id);
  g_assert_cmpuint (detector->detection.leds[1].id, ==, solid->id);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);
  /* Confirmed means at least half sure, everywhere. */
  g_assert_cmpfloat (detector->detection.leds[0].confidence, >=, 0.5);

  prior.n_lights = 1;
  prior.palettes[0] = (1u << LC_COLOR_RED) | (1u << LC_COLOR_GREEN) | (1u << LC_COLOR_BLUE);
  /* Set in place: lc_led_detector_set_prior() starts over. */
  detector->prior = prior;
  g_assert_cmpuint (lights_reported (detector), ==, 1);
  g_assert_cmpuint (detector->detection.leds[0].id, ==, blink->id);
}

/* A light of a confirmed answer that drops out of it for a moment, its
 * own reading unchanged (power+status TUNE #58: a dim power light beside
 * a burst), holds the answer: confirming the burst alone would announce
 * another signal. Once a light takes to be called gone has passed, or
 * once its reading changed, the answer is confirmed without it.
 */
static void
test_dropped_light_holds (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  const gint64 s = G_GINT64_CONSTANT (1000000000);
  Track *power;

  burst_of_two (detector, 40.0, LC_COLOR_GREEN, 100.0);
  power = clipping_track (detector, 70.0, LC_DETECTED_SOLID, LC_COLOR_RED, 20.0, 100.0);

  lc_led_build_detection (detector, 5 * s);
  g_assert_cmpuint (detector->detection.n_leds, ==, 2);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);

  power->qualified = FALSE;
  lc_led_build_detection (detector, 6 * s);
  g_assert_cmpuint (detector->detection.n_leds, ==, 1);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_PROVISIONAL);

  lc_led_build_detection (detector, 8 * s + s / 2);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);

  power->qualified = TRUE;
  lc_led_build_detection (detector, 9 * s);
  g_assert_cmpuint (detector->detection.n_leds, ==, 2);
  power->qualified = FALSE;
  power->confirmed = FALSE;
  lc_led_build_detection (detector, 10 * s);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);
}

/* A hand-held camera's drift gives a confirmed burst a second track a few
 * pixels off, which reads the same and scores a little better: it does not
 * take the answer and make it provisional again. A younger track on the
 * light that reads something else does.
 */
static void
test_younger_copy_keeps_answer (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  const gint64 s = G_GINT64_CONSTANT (1000000000);
  Track *held, *copy;

  held = burst_of_two (detector, 40.0, LC_COLOR_GREEN, 90.0);
  copy = burst_of_two (detector, 43.0, LC_COLOR_GREEN, 100.0);
  copy->born_ns = 3 * s;
  copy->confirmed = FALSE;

  g_assert_cmpuint (lights_reported (detector), ==, 1);
  g_assert_cmpuint (detector->detection.leds[0].id, ==, held->id);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);

  copy->key.count = 3;
  g_assert_cmpuint (lights_reported (detector), ==, 1);
  g_assert_cmpuint (detector->detection.leds[0].id, ==, copy->id);
}

/* A flicker too fast to time beside a burst (a faint speck of its glow,
 * shimmering with the video's compression) is no second light; one that
 * shines as the burst does is.
 */
static void
test_speck_beside_burst (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  Track *burst, *speck;

  burst = burst_of_two (detector, 40.0, LC_COLOR_RED, 100.0);
  speck = ranked_track (detector, 70.0, LC_DETECTED_TOO_FAST, LC_COLOR_RED, 60.0);
  speck->level = 58.0;
  speck->peak = 110.0;

  g_assert_cmpuint (lights_reported (detector), ==, 1);
  g_assert_cmpuint (detector->detection.leds[0].id, ==, burst->id);

  speck->level = 90.0;
  speck->peak = 250.0;
  g_assert_cmpuint (lights_reported (detector), ==, 2);
  g_assert_cmpuint (detector->detection.leds[1].id, ==, speck->id);
}

/* A burst behind a frosted window, tracked as the whole window and as a
 * piece of its glow that scores better for being small. A steady red
 * patch as bright as the piece is far fainter than the light itself: no
 * second light of its device. One as bright as the light is.
 */
static void
test_patch_beside_burst_piece (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  Track *piece, *whole, *patch;

  piece = clipping_track (detector, 40.0, LC_DETECTED_BURST, LC_COLOR_BLUE, 110.0, 47.0);
  whole = clipping_track (detector, 46.0, LC_DETECTED_BURST, LC_COLOR_BLUE, 77.0, 103.0);
  for (guint i = 0; i < 2; i++)
    {
      Track *t = i == 0 ? piece : whole;

      t->key.count = 3;
      t->light.rate_hz = 2.45;
    }
  piece->peak = 194.0;
  patch = ranked_track (detector, 10.0, LC_DETECTED_SOLID, LC_COLOR_RED, 33.0);
  patch->qualified = FALSE;
  patch->saturation = 1.0;
  patch->level = 42.0;
  patch->peak = 166.0;

  g_assert_cmpuint (lights_reported (detector), ==, 1);
  g_assert_cmpuint (detector->detection.leds[0].id, ==, piece->id);

  patch->level = 90.0;
  patch->peak = 250.0;
  g_assert_cmpuint (lights_reported (detector), ==, 2);
  g_assert_cmpuint (detector->detection.leds[1].id, ==, patch->id);
}

/* A fleck of colour on the wall that flickers with the camera's sway,
 * far fainter than the light and not clipping, is no second light; a
 * faint one that clips as the light does is, and so is one not so faint.
 */
static void
test_fleck_beside_blink (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  Track *blink, *fleck;

  blink = clipping_track (detector, 40.0, LC_DETECTED_BLINK, LC_COLOR_BLUE, 100.0, 170.0);
  fleck = ranked_track (detector, 70.0, LC_DETECTED_BURST, LC_COLOR_BLUE, 70.0);
  fleck->key.count = 5;
  fleck->level = 22.0;
  fleck->peak = 150.0;

  g_assert_cmpuint (lights_reported (detector), ==, 1);
  g_assert_cmpuint (detector->detection.leds[0].id, ==, blink->id);

  fleck->peak = 240.0;
  g_assert_cmpuint (lights_reported (detector), ==, 2);

  fleck->peak = 150.0;
  fleck->level = 60.0;
  g_assert_cmpuint (lights_reported (detector), ==, 2);
}

/* Gives @t a minute of samples, one frame in 20 (of 30 a second) lit from
 * frame @on to frame @off of each period.
 */
static void
push_blinks (Track *t,
             int    on,
             int    off)
{
  for (int f = 0; f < 60; f++)
    {
      Sample s = { 0, };

      s.pts = f * G_GINT64_CONSTANT (33333333);
      s.level = f % 20 >= on && f % 20 < off ? 150.0f : 5.0f;
      lc_led_track_push (t, &s);
    }
  t->binary = TRUE;
  t->up = 80.0;
}

/* A reflection of a blinking light, in its colour, is lit only while the
 * light is; but the light, clipping, blooms into the frames either side
 * of each run, where the dimmer reflection does not: its runs are shorter
 * (and so its rate reads apart). A small sharp reflection may even score
 * higher than the light's wide glow. Either way the two are one light.
 */
static void
test_echo_of_clipped_blink (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  Track *blink, *echo;

  blink = clipping_track (detector, 40.0, LC_DETECTED_BLINK, LC_COLOR_RED, 80.0, 170.0);
  echo = clipping_track (detector, 90.0, LC_DETECTED_BLINK, LC_COLOR_RED, 100.0, 150.0);
  blink->light.rate_hz = 1.5;
  echo->light.rate_hz = 1.7;
  push_blinks (blink, 0, 8);
  push_blinks (echo, 1, 7);

  g_assert_cmpuint (lights_reported (detector), ==, 1);

  /* Lit on frames of its own: a light of its own. */
  blink->len = 0;
  push_blinks (blink, 4, 12);
  g_assert_cmpuint (lights_reported (detector), ==, 2);
}

/* Of two tracks that overlap, the older stays: the newer is a piece of the
 * same light. Not when the older never became a light and the newer is
 * far the stronger candidate, or has become a light: an edge of the
 * housing a candidate once fell on, or glare, must not swallow the light
 * that comes on beside it.
 */
static void
test_old_track_outshone (void)
{
  for (guint scene = 0; scene < 4; scene++)
    {
      g_autoptr(LcLedDetector) detector = ranking_detector ();
      gint64 now = G_GINT64_CONSTANT (2000000000);
      Track *edge, *light;

      edge = lc_led_track_new (detector, 100.5, 60.5, 3.0, 0);
      edge->cand_score = 40.0;
      edge->last_match_ns = now;
      detector->tracks[detector->n_tracks++] = edge;
      light = lc_led_track_new (detector, 106.5, 60.5, 3.0, now);
      light->cand_score = scene == 2 ? 70.0 : 200.0;
      light->last_match_ns = now;
      detector->tracks[detector->n_tracks++] = light;
      if (scene == 1)
        edge->qualified = TRUE;
      if (scene == 3)
        {
          light->cand_score = 70.0;
          light->qualified = TRUE;
        }

      lc_led_associate (detector, NULL, 0, now, NULL);
      g_assert_cmpuint (detector->n_tracks, ==, 1);
      g_assert_true (detector->tracks[0] == (scene == 0 || scene == 3 ? light : edge));
    }
}

/* Two overlapping tracks that each show a clear colour, and not the same
 * one, are two lights side by side (a blue status light in the wide glow
 * of a red power light on a pale housing): both stay. A track with no
 * clear colour (a core clipped to white) or the same colour is a piece of
 * the older one.
 */
static void
test_two_colours_not_one_glow (void)
{
  for (guint scene = 0; scene < 3; scene++)
    {
      g_autoptr(LcLedDetector) detector = ranking_detector ();
      gint64 now = G_GINT64_CONSTANT (2000000000);
      Track *power, *status;

      power = ranked_track (detector, 100.0, LC_DETECTED_SOLID, LC_COLOR_RED, 30.0);
      status = ranked_track (detector, 120.0, LC_DETECTED_BLINK, scene == 2 ? LC_COLOR_RED : LC_COLOR_BLUE, 90.0);
      status->born_ns = now / 2;
      power->radius = 17.0;
      status->radius = 14.0;
      power->saturation = 0.78;
      status->saturation = scene == 1 ? 0.1 : 0.73;
      power->last_match_ns = status->last_match_ns = now;

      lc_led_associate (detector, NULL, 0, now, NULL);
      g_assert_cmpuint (detector->n_tracks, ==, (scene == 0 ? 2 : 1));
      g_assert_true (detector->tracks[0] == power);
    }
}

/* Whether @t, the light reported first, is kept when the tracks are
 * tidied at @now, though no candidate has matched it since it was made.
 */
static gboolean
kept_unmatched (LcLedDetector *detector,
                Track         *t,
                gint64         now)
{
  detector->detection.n_leds = 1;
  detector->detection.leds[0].id = t->id;
  lc_led_associate (detector, NULL, 0, now, NULL);

  for (guint i = 0; i < detector->n_tracks; i++)
    {
      if (detector->tracks[i] == t)
        return TRUE;
    }

  return FALSE;
}

/* The light the answer is about stays while it keeps blinking, though it
 * has not been a candidate for a while: a small LED beside glare that the
 * hand-held camera smears over it in the peak hold is no local maximum
 * there, and brighter texture takes the candidates' places. What neither
 * blinks nor is a candidate any more, was never a light, is not the light
 * the answer is about (a piece of its glow that lights up with it), or
 * barely stands out (a fleck of colour flickering as the camera sways) is
 * forgotten.
 */
static void
test_forget_unseen (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  Track *blink, *glow, *lamp, *flicker, *fleck;

  blink = ranked_track (detector, 20.0, LC_DETECTED_BURST, LC_COLOR_RED, 100.0);
  glow = ranked_track (detector, 45.0, LC_DETECTED_BURST, LC_COLOR_RED, 60.0);
  lamp = ranked_track (detector, 70.0, LC_DETECTED_SOLID, LC_COLOR_GREEN, 50.0);
  flicker = ranked_track (detector, 120.0, LC_DETECTED_BLINK, LC_COLOR_WHITE, 20.0);
  flicker->qualified = FALSE;
  blink->m_hi = glow->m_hi = lamp->m_hi = flicker->m_hi = 150.0;
  blink->active = glow->active = flicker->active = TRUE;

  /* Matched a moment ago: all stay. */
  g_assert_true (kept_unmatched (detector, blink, G_GINT64_CONSTANT (1000000000)));
  g_assert_cmpuint (detector->n_tracks, ==, 4);

  g_assert_true (kept_unmatched (detector, blink, G_GINT64_CONSTANT (5000000000)));
  g_assert_cmpuint (detector->n_tracks, ==, 1);

  blink->active = FALSE;
  g_assert_false (kept_unmatched (detector, blink, G_GINT64_CONSTANT (5100000000)));

  fleck = ranked_track (detector, 170.0, LC_DETECTED_BURST, LC_COLOR_BLUE, 70.0);
  fleck->active = TRUE;
  fleck->m_hi = 25.0;
  g_assert_false (kept_unmatched (detector, fleck, G_GINT64_CONSTANT (5200000000)));
}

/* A status light that lit up beside a steady power light, in its glow, so
 * close that the two overlap: both are reported. A steady spot far
 * fainter than the light beside it (a reflection, a coloured label) still
 * counts as a piece of it.
 */
static void
test_status_in_power_glow (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  Track *status, *power;

  status = clipping_track (detector, 40.0, LC_DETECTED_BLINK, LC_COLOR_GREEN, 100.0, 120.0);
  power = clipping_track (detector, 45.0, LC_DETECTED_SOLID, LC_COLOR_RED, 50.0, 130.0);
  status->lit_apart = TRUE;
  status->binary = TRUE;

  g_assert_cmpuint (lights_reported (detector), ==, 2);

  power->level = 60.0;
  g_assert_cmpuint (lights_reported (detector), ==, 1);

  /* Two pieces of one light that lit up together. */
  power->level = 130.0;
  power->lit_apart = TRUE;
  g_assert_cmpuint (lights_reported (detector), ==, 1);
}

/* A steady light of @color at @level over its surroundings, whose
 * channels average @white at its core and reach @peak.
 */
static Track *
steady_light (LcLedDetector *detector,
              double         x,
              LcColor        color,
              double         level,
              double         white,
              double         peak)
{
  Track *t = clipping_track (detector, x, LC_DETECTED_SOLID, color, 30.0, level);

  t->white = white;
  t->peak = peak;

  return t;
}

/* Whether @led, a steady light, is reported alone and not taken for the
 * glow of something beside it.
 */
static gboolean
reported_alone (LcLedDetector *detector,
                Track         *led)
{
  led->qualified = TRUE;

  return lights_reported (detector) == 1 && detector->detection.leds[0].id == led->id &&
         !led->reflection;
}

/* A vivid steady light beside a brighter patch of glare tinted its colour
 * (white balance, a lamp on a pale housing) is a light: the glare is no
 * light, so it lights nothing up. Beside a light of its colour, or a core
 * clipped to white that gives far more light, it is that one's reflection.
 */
static void
test_steady_beside_tinted_glare (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  Track *led, *glare;

  led = steady_light (detector, 40.0, LC_COLOR_BLUE, 83.0, 148.0, 218.0);
  glare = steady_light (detector, 48.0, LC_COLOR_BLUE, 126.0, 204.0, 242.0);
  glare->qualified = FALSE;

  g_assert_true (reported_alone (detector, led));

  glare->qualified = TRUE;
  g_assert_cmpuint (lights_reported (detector), ==, 1);
  g_assert_cmpuint (detector->detection.leds[0].id, ==, glare->id);
  g_assert_true (led->reflection);

  glare->qualified = FALSE;
  led->qualified = TRUE;
  glare->white = 240.0;
  g_assert_cmpuint (lights_reported (detector), ==, 0);
  g_assert_true (led->reflection);
}

/* A core clipped to white that gives far more light than a steady spot
 * beside it lights that spot up in the colour of its glow, so the spot is
 * no light; not from further off than its glow reaches, in its own radii,
 * nor when it stands no higher than its surroundings (glare on a glossy
 * housing as bright as the housing around it).
 */
static void
test_steady_beside_white_glare (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  Track *led, *core;

  led = steady_light (detector, 40.0, LC_COLOR_RED, 100.0, 100.0, 220.0);
  /* Still being read, so its glow gives it no colour yet. */
  core = clipping_track (detector, 50.0, LC_DETECTED_UNKNOWN, LC_COLOR_WHITE, 10.0, 150.0);
  core->key.n_colors = 0;
  core->qualified = FALSE;
  core->white = 240.0;

  g_assert_false (reported_alone (detector, led));
  g_assert_true (led->reflection);

  core->cx = 40.0 + 9.0 * core->radius;
  g_assert_true (reported_alone (detector, led));
  core->cx = 50.0;
  g_assert_false (reported_alone (detector, led));

  core->level = 0.0;
  g_assert_true (reported_alone (detector, led));
}

/* A glint on a shiny part beside a power light, lit by it: nearly as white
 * at its core as the light, but a speck beside it, so it is the light's
 * reflection (a real board, fab-xiao-Airbus). A spot as big as the light
 * and nearly as white is a light of its own.
 */
static void
test_glint_beside_power (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  Track *power, *glint;

  power = steady_light (detector, 40.0, LC_COLOR_RED, 160.0, 120.0, 255.0);
  power->radius = 12.0;
  power->core_radius = 6.0;
  glint = steady_light (detector, 70.0, LC_COLOR_RED, 190.0, 96.0, 255.0);
  glint->radius = 3.0;
  glint->core_radius = 1.6;

  g_assert_cmpuint (lights_reported (detector), ==, 1);
  g_assert_cmpuint (detector->detection.leds[0].id, ==, power->id);
  g_assert_true (glint->reflection);

  glint->qualified = TRUE;
  glint->radius = glint->core_radius = 6.0;
  g_assert_cmpuint (lights_reported (detector), ==, 2);
  g_assert_false (glint->reflection);
}

/* A burst whiter at its core than the power light beside it lights
 * nothing up steadily: it goes dark between its flashes. The power light is
 * reported with it, not taken for its reflection (a real board,
 * fab-xiao-Airbus). A steady light that white does light it up.
 */
static void
test_power_beside_whiter_burst (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  Track *burst, *power;

  burst = burst_of_two (detector, 40.0, LC_COLOR_RED, 140.0);
  burst->white = 160.0;
  burst->peak = 250.0;
  power = steady_light (detector, 60.0, LC_COLOR_RED, 170.0, 113.0, 255.0);
  power->peak = 250.0;

  g_assert_cmpuint (lights_reported (detector), ==, 2);
  g_assert_false (power->reflection);

  burst->key.kind = LC_DETECTED_SOLID;
  burst->key.count = 0;
  g_assert_cmpuint (lights_reported (detector), ==, 1);
  g_assert_true (power->reflection);
}

/* A steady light whose glow clips in its own colour far out (a power light
 * on a pale housing) is as big as its white core: it is a light, and one
 * beside it is not a piece of it. A patch as big as its glow that does not
 * go white is too big for a light.
 */
static void
test_clipped_glow_ranked (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  Track *power, *status;

  power = clipping_track (detector, 40.0, LC_DETECTED_SOLID, LC_COLOR_RED, 0.0, 120.0);
  power->bg = 100.0;
  power->saturation = 0.8;
  power->radius = 16.0;
  power->core_radius = 3.0;
  lc_led_score_track (detector, power);
  g_assert_true (power->qualified);

  status = clipping_track (detector, 70.0, LC_DETECTED_BLINK, LC_COLOR_GREEN, 100.0, 120.0);
  status->radius = 16.0;
  status->core_radius = 3.0;
  g_assert_cmpuint (lights_reported (detector), ==, 2);

  power->core_radius = power->radius;
  lc_led_score_track (detector, power);
  g_assert_false (power->qualified);
}

/* A steady light as bright as a changing one beside it is its device's
 * power light, reported with it even on a pale housing, where it does
 * not stand out enough to qualify alone; the video's colour smear may
 * cost its other channels a tenth. A red label or box there is no power
 * light: it is far darker than the housing in green and blue.
 */
static void
test_companion_not_paint (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  Track *fade, *power;

  fade = clipping_track (detector, 40.0, LC_DETECTED_FADE, LC_COLOR_RED, 120.0, 60.0);
  fade->peak = 165.0;
  power = steady_light (detector, 70.0, LC_COLOR_RED, 42.0, 95.0, 165.0);
  power->qualified = FALSE;
  power->saturation = 1.0;
  power->bg = 128.0;
  power->dip = -13.0;

  g_assert_cmpuint (lights_reported (detector), ==, 2);
  g_assert_cmpuint (detector->detection.leds[1].id, ==, power->id);

  power->bg = 115.0;
  power->dip = -67.0;
  g_assert_cmpuint (lights_reported (detector), ==, 1);
  g_assert_cmpuint (detector->detection.leds[0].id, ==, fade->id);
}

/* A vivid light as bright as the reported one beside it, left out only
 * because glare lights its ring, holds the answer back; one in the
 * reported light's own colour (a piece of its glow) does not, nor does a
 * far fainter one (a label, a reflection), nor paint on a pale housing
 * (a red label far darker than the housing in green and blue).
 */
static void
test_unsure_light (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  Track *blink, *glow;

  blink = clipping_track (detector, 40.0, LC_DETECTED_BLINK, LC_COLOR_GREEN, 50.0, 150.0);
  blink->saturation = 0.8;
  glow = clipping_track (detector, 70.0, LC_DETECTED_SOLID, LC_COLOR_RED, 0.0, 150.0);
  glow->qualified = FALSE;
  glow->compactness = 0.1;
  glow->saturation = 0.8;

  g_assert_cmpuint (lights_reported (detector), ==, 1);
  g_assert_cmpuint (detector->detection.leds[0].id, ==, blink->id);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_PROVISIONAL);

  glow->key.colors[0] = LC_COLOR_GREEN;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);

  glow->key.colors[0] = LC_COLOR_RED;
  glow->level = 40.0;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);

  glow->level = 150.0;
  glow->bg = 120.0;
  glow->dip = -69.0;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);

  glow->dip = -5.0;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_PROVISIONAL);
}

/* A small, vivid, steady spot on a pale housing beside a blinking light,
 * too faint over the housing to be reported (power+status TUNE #93: a dim
 * power light whose lens hides the housing, as a label would): the answer
 * stays provisional. Not for a spot in the blinking light's own colour
 * (its glow), a far fainter one, a large patch (a box, a label), one on
 * a dark housing, where a light that faint is no LED, or one that darkens
 * the housing as a vivid label does.
 */
static void
test_faint_light_beside_blink (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  Track *blink, *spot;

  blink = clipping_track (detector, 40.0, LC_DETECTED_BLINK, LC_COLOR_GREEN, 100.0, 49.0);
  blink->binary = TRUE;
  spot = ranked_track (detector, 70.0, LC_DETECTED_SOLID, LC_COLOR_RED, 25.0);
  spot->qualified = FALSE;
  spot->saturation = 1.0;
  spot->level = 43.0;
  spot->bg = 135.0;
  spot->dip = -27.0;
  spot->peak = 179.0;

  g_assert_cmpuint (lights_reported (detector), ==, 1);
  g_assert_cmpuint (detector->detection.leds[0].id, ==, blink->id);
  g_assert_true (detector->detection.leds[0].confirmed);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_PROVISIONAL);

  spot->key.colors[0] = LC_COLOR_GREEN;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);

  spot->key.colors[0] = LC_COLOR_RED;
  spot->level = 20.0;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);

  spot->level = 43.0;
  spot->compactness = 0.2;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);

  spot->compactness = 1.0;
  spot->bg = 40.0;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);

  spot->bg = 135.0;
  spot->dip = -68.0;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);

  spot->dip = -27.0;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_PROVISIONAL);
}

/* A status light behind a pale window, beside a reported light, whose
 * dips are still too shallow to read: it reads as a steady grey light,
 * but dims deeply and lights up in a colour of its own, so it holds the
 * answer back. One that adds white (glare), or the reported light's own
 * colour (its glow), or barely dims, does not.
 * Once it goes dark enough to be read as changing, a grey one is still
 * held for the colour it adds.
 */
static void
test_pending_behind_window (void)
{
  static const float grey[3] = { 40.0f, 40.0f, 40.0f };
  static const float blue[3] = { 5.0f, 10.0f, 90.0f };
  static const float white[3] = { 90.0f, 90.0f, 90.0f };
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  const char *blink = "###############...............";
  Track *solid, *status;
  gint64 now;

  detector->interval_s = 1.0 / 30.0;
  solid = ranked_track (detector, 40.0, LC_DETECTED_SOLID, LC_COLOR_RED, 50.0);

  for (guint i = 0; i < 2; i++)
    {
      status = track_behind_window (detector, blink, FALSE, grey, i == 0 ? blue : white, 40.0, &now);
      status->cx = 70.0;
      status->cy = 32.0;
      status->compactness = 1.0;
      status->m_lo = 80.0;
      status->m_hi = 180.0;
      status->key.kind = LC_DETECTED_SOLID;
      status->key.n_colors = 1;
      status->key.colors[0] = LC_COLOR_WHITE;
      detector->tracks[detector->n_tracks++] = status;

      lc_led_build_detection (detector, now);
      g_assert_cmpuint (detector->detection.n_leds, ==, 1);
      g_assert_cmpuint (detector->detection.leds[0].id, ==, solid->id);
      g_assert_cmpint (detector->detection.state, ==, i == 0 ? LC_DETECTION_PROVISIONAL : LC_DETECTION_CONFIRMED);

      if (i == 0)
        {
          /* Barely dimming: a steady light, whatever it adds. */
          status->m_lo = 170.0;
          lc_led_build_detection (detector, now);
          g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);

          /* Dimming in the reported light's colour: a spot its glow
           * reaches.
           */
          status->m_lo = 80.0;
          solid->key.colors[0] = LC_COLOR_BLUE;
          lc_led_build_detection (detector, now);
          g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);
          solid->key.colors[0] = LC_COLOR_RED;

          /* Changing, with no reading yet, grey but for what it adds. */
          status->binary = TRUE;
          status->active = TRUE;
          status->active_since = now - G_GINT64_CONSTANT (1000000000);
          status->key.kind = LC_DETECTED_NONE;
          status->key.n_colors = 0;
          lc_led_build_detection (detector, now);
          g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_PROVISIONAL);
        }

      detector->n_tracks--;
      g_free (status);
    }
}

/* A track of a light beside the reported one at x 40, in @color, lit and
 * dark by @pattern, that started changing @changing_ns before *@out_now.
 */
static Track *
changing_beside (LcLedDetector *detector,
                 const char    *pattern,
                 const float    color[3],
                 gint64         changing_ns,
                 gint64        *out_now)
{
  Track *t = track_behind_window (detector, pattern, FALSE, color, color, 40.0, out_now);

  t->cx = 70.0;
  t->cy = 32.0;
  t->binary = TRUE;
  t->active = TRUE;
  t->active_since = *out_now - changing_ns;
  detector->tracks[detector->n_tracks++] = t;

  return t;
}

/* A coloured speck that has just started to flicker beside a reported
 * blink (moving glare on a pale housing) holds the answer back only if it
 * lights up about as far as the blink does: a device's LEDs are of a kind.
 */
static void
test_pending_speck (void)
{
  static const float blue[3] = { 20.0f, 30.0f, 200.0f };
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  const char *flicker = "###...";
  Track *blink, *speck;
  gint64 now;

  detector->interval_s = 1.0 / 30.0;
  blink = clipping_track (detector, 40.0, LC_DETECTED_BLINK, LC_COLOR_GREEN, 50.0, 90.0);
  speck = changing_beside (detector, flicker, blue, G_GINT64_CONSTANT (1000000000), &now);
  speck->compactness = 1.0;
  speck->m_lo = 5.0;
  speck->m_hi = 35.0;

  lc_led_build_detection (detector, now);
  g_assert_cmpuint (detector->detection.n_leds, ==, 1);
  g_assert_cmpuint (detector->detection.leds[0].id, ==, blink->id);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);

  /* As bright as the blink: another status light, not read yet. */
  speck->m_hi = 80.0;
  lc_led_build_detection (detector, now);
  g_assert_cmpuint (detector->detection.n_leds, ==, 1);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_PROVISIONAL);
}

/* A status light changing beside a power light: the power light's glow
 * lights up its ring, so it does not measure as a spot, and the camera may
 * see it far fainter than the power light, which clips. While it changes
 * in a colour the answer does not show, however long, the answer stays
 * provisional: confirming the power light alone would announce half the
 * signal. Not once it stops changing, nor when it changes in the power
 * light's colour (its glow), loses light as an object's edge does, or is
 * a mere speck, far fainter or far smaller.
 */
static void
test_pending_beside_power (void)
{
  static const float green[3] = { 20.0f, 200.0f, 40.0f };
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  const char *burst = "###...###.........";
  Track *power, *status;
  gint64 now;

  detector->interval_s = 1.0 / 30.0;
  power = clipping_track (detector, 40.0, LC_DETECTED_SOLID, LC_COLOR_RED, 50.0, 130.0);
  status = changing_beside (detector, burst, green, G_GINT64_CONSTANT (5000000000), &now);
  status->compactness = 0.3;
  status->m_lo = 20.0;
  status->m_hi = 60.0;
  /* Drifting into the power light's glow, it reads as steady a while. */
  status->key.kind = LC_DETECTED_SOLID;
  status->key.n_colors = 1;
  status->key.colors[0] = LC_COLOR_GREEN;

  lc_led_build_detection (detector, now);
  g_assert_cmpuint (detector->detection.n_leds, ==, 1);
  g_assert_cmpuint (detector->detection.leds[0].id, ==, power->id);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_PROVISIONAL);

  status->key.colors[0] = LC_COLOR_RED;
  lc_led_build_detection (detector, now);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);
  status->key.colors[0] = LC_COLOR_GREEN;

  status->takes_light = TRUE;
  lc_led_build_detection (detector, now);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);
  status->takes_light = FALSE;

  status->m_hi = 30.0;
  lc_led_build_detection (detector, now);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);
  status->m_hi = 60.0;

  status->radius = 0.8;
  lc_led_build_detection (detector, now);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);
  status->radius = 2.0;

  status->active = FALSE;
  lc_led_build_detection (detector, now);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);
}

/* Scoring: a light taking turns in two colours at one brightness must
 * stand out as a steady light does, far over its surroundings or clipping;
 * one that goes dark between its colours need not.
 */
static void
test_score_turns (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  g_autofree Track *t = lc_led_track_new (detector, 40.0, 32.0, 2.0, 0);

  t->compactness = 1.0;
  t->confidence = 0.9;
  t->key.kind = LC_DETECTED_BLINK;
  t->key.n_colors = 2;
  t->key.colors[0] = LC_COLOR_GREEN;
  t->key.colors[1] = LC_COLOR_WHITE;
  t->bg = 100.0;

  t->level = 70.0;
  lc_led_score_track (detector, t);
  g_assert_true (t->qualified);
  g_assert_cmpfloat (t->score, >, 0.0);

  /* A small, dull bump on a pale wall: the edge of a coloured object. */
  t->level = 40.0;
  t->peak = 150.0;
  lc_led_score_track (detector, t);
  g_assert_false (t->qualified);

  /* A big light that clips, whose glow lights up the housing around it. */
  t->peak = 252.0;
  lc_led_score_track (detector, t);
  g_assert_true (t->qualified);
  t->peak = 150.0;

  /* As bright, but dark between its colours: a blink. */
  t->binary = TRUE;
  lc_led_score_track (detector, t);
  g_assert_true (t->qualified);
}

/* A steady, compact light of @color, read with some confidence, for the
 * scoring tests to give levels to.
 */
static Track *
steady_track (LcLedDetector *detector,
              LcColor        color)
{
  Track *t = lc_led_track_new (detector, 40.0, 32.0, 4.0, 0);

  t->compactness = 1.0;
  t->confidence = 0.9;
  t->key.kind = LC_DETECTED_SOLID;
  t->key.n_colors = 1;
  t->key.colors[0] = color;
  return t;
}

/* Whether @t scores as a light. */
static gboolean
qualifies (LcLedDetector *detector,
           Track         *t)
{
  lc_led_score_track (detector, t);
  return t->qualified;
}

/* Scoring: a steady light short of clipping is a light when it stands far
 * over its surroundings and rises in every channel; a coloured box that is
 * as bright on a dark surface does not. (Glare whose colour is only its
 * glow's: see test_score_washed_out().)
 */
static void
test_score_steady (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  g_autofree Track *t = steady_track (detector, LC_COLOR_BLUE);

  t->saturation = 0.7;

  /* A dim blue LED on a dark housing: far from clipping, but its core is
   * washed toward white. */
  t->bg = 57.0;
  t->level = 163.0;
  t->peak = 220.0;
  t->dip = 45.0;
  g_assert_true (qualifies (detector, t));
  g_assert_cmpfloat (t->score, >, 0.0);

  /* A blue box as bright on a dark desk: its other channels barely rise. */
  t->dip = 10.0;
  g_assert_false (qualifies (detector, t));

  /* As washed, but dimmer than the mid-grey housing around it. */
  t->dip = 45.0;
  t->bg = 90.0;
  t->level = 80.0;
  g_assert_false (qualifies (detector, t));
  t->level = 163.0;

  /* The LED again, but it has shown two levels: a blink not yet read. */
  t->bg = 57.0;
  t->binary = TRUE;
  g_assert_false (qualifies (detector, t));
  t->binary = FALSE;

  /* Clipping, it is a light however pale the housing is under it. */
  t->bg = 100.0;
  t->peak = 252.0;
  g_assert_true (qualifies (detector, t));
}

/* Behind a frosted window on a pale housing, a clipped LED lights the
 * housing far past its ring in its own colour: the ring it is measured
 * against is inside its glow, and the housing farther out is darker. A
 * core that does not clip is not looked at so far out.
 */
static void
test_surround_glow (void)
{
  static const double white[3] = { 1.0, 1.0, 1.0 };
  static const double green[3] = { 0.15, 1.0, 0.6 };
  g_autofree guint8 *rgb = g_malloc (WIDE_W * WIDE_H * 3);
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  g_autofree Track *t = NULL;
  LcFrame frame;
  Measurement m;

  memset (rgb, 110, WIDE_W * WIDE_H * 3);
  add_glow (rgb, 100.5, 60.5, 3.0, 300.0, white);
  add_glow (rgb, 100.5, 60.5, 5.0, 200.0, green);
  add_glow (rgb, 100.5, 60.5, 30.0, 90.0, green);
  init_wide_frame (&frame, rgb, 0);
  g_assert_true (lc_led_detector_push_frame (detector, &frame));

  t = lc_led_track_new (detector, 100.5, 60.5, 5.0, 0);
  lc_led_measure_track (detector, &frame, t, 0.0, NULL, &m);
  g_assert_true (m.valid);
  g_assert_true (m.has_far);
  g_assert_cmpfloat (m.bg - m.bg_far, >=, 0.1 * m.bg_far);
  g_assert_cmpfloat (m.level, <, 0.5 * m.bg);
  {
    float glow[3] = { m.glow_rgb[0], m.glow_rgb[1], m.glow_rgb[2] };

    g_assert_cmpint (lc_led_classify_color (glow, NULL), ==, LC_COLOR_GREEN);
  }

  /* Short of clipping: only the ring is read. */
  memset (rgb, 110, WIDE_W * WIDE_H * 3);
  add_glow (rgb, 100.5, 60.5, 5.0, 100.0, green);
  lc_led_measure_track (detector, &frame, t, 0.0, NULL, &m);
  g_assert_true (m.valid);
  g_assert_false (m.has_far);
}

/* Scoring: such a light stands out of the housing past its glow; a label
 * as bright on a pale wall, the wall around it as it is, does not, nor
 * does one whose surroundings are lit in another colour, nor paint.
 */
static void
test_score_surround (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  g_autofree Track *t = steady_track (detector, LC_COLOR_BLUE);

  /* A blue LED behind a frosted window on a light-grey housing (solid
   * TUNE #28).
   */
  t->saturation = 0.67;
  t->bg = 208.0;
  t->level = 58.0;
  t->peak = 255.0;
  t->dip = 30.0;
  t->bg_far = 160.0;
  t->glow_rgb[0] = 8.0f;
  t->glow_rgb[1] = 15.0f;
  t->glow_rgb[2] = 45.0f;
  g_assert_true (qualifies (detector, t));

  /* Never measured farther out: the ring is all it has. */
  t->bg_far = -1.0;
  g_assert_false (qualifies (detector, t));

  /* A bright label: the wall past its ring is as bright. */
  t->bg_far = 200.0;
  g_assert_false (qualifies (detector, t));
  t->bg_far = 160.0;

  /* Its surroundings lit in another colour (a lamp, another light). */
  t->glow_rgb[2] = 5.0f;
  g_assert_false (qualifies (detector, t));
  t->glow_rgb[2] = 45.0f;

  /* Darker than the housing in its other channels: paint. */
  t->dip = -40.0;
  g_assert_false (qualifies (detector, t));
}

/* Scoring: on a pale housing a steady LED short of clipping is a light, as
 * it only adds its colour to the housing's; a coloured label there is as
 * bright in its own colour, but darker in the others.
 */
static void
test_score_pale (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  g_autofree Track *t = steady_track (detector, LC_COLOR_BLUE);

  t->saturation = 0.95;
  t->bg = 136.0;
  t->level = 83.0;
  t->peak = 218.0;

  /* A blue LED on a light-grey housing. */
  t->dip = 3.0;
  g_assert_true (qualifies (detector, t));
  g_assert_cmpfloat (t->score, >, 0.0);

  /* A blue label on it, whose red and green fall well below the grey. */
  t->dip = -40.0;
  g_assert_false (qualifies (detector, t));

  /* The LED again, but it has shown two levels: a blink not yet read. */
  t->dip = 3.0;
  t->binary = TRUE;
  g_assert_false (qualifies (detector, t));
  t->binary = FALSE;

  /* On a dark housing, a spot as faint over it with its other channels
   * flat is a coloured box, not a light (see test_score_steady()). */
  t->bg = 60.0;
  t->level = 60.0;
  t->peak = 130.0;
  g_assert_false (qualifies (detector, t));
}

/* Scoring: a steady light behind a frosted window or a diffuser reads a
 * little washed out, yet still in its own colour; a white spot whose only
 * colour is its glow's is glare, and a faint tint is the room's light.
 */
static void
test_score_washed_out (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  g_autofree Track *t = steady_track (detector, LC_COLOR_GREEN);

  t->bg = 62.0;
  t->level = 192.0;
  t->peak = 245.0;
  t->dip = 106.0;

  /* A green LED whose core is a third saturated. */
  t->saturation = 0.33;
  g_assert_true (qualifies (detector, t));

  /* As bright and as green, but only around a clipped white core. */
  t->color_from_glow = TRUE;
  t->saturation = HALO_MIN_SATURATION;
  g_assert_false (qualifies (detector, t));
  t->color_from_glow = FALSE;

  /* A lamp or a white wall with the white balance adrift. */
  t->saturation = 0.27;
  g_assert_false (qualifies (detector, t));

  /* Glare on a glossy housing, tinted by it: as washed out, but it
   * barely stands over the housing's shine.
   */
  t->saturation = 0.33;
  t->bg = 118.0;
  t->level = 135.0;
  t->peak = 255.0;
  g_assert_false (qualifies (detector, t));

  /* A vivid light as bright over that shine is a light. */
  t->saturation = 0.8;
  g_assert_true (qualifies (detector, t));
}

/* A steady light beside the reported one that shows two colours at one
 * brightness (an RGB light taking turns in white and cyan, not yet timed)
 * holds the answer back, as long as it is bright and clipping like an
 * LED and one of its colours is vivid and its own.
 */
static void
test_pending_changing_color (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  Track *solid, *status;

  solid = clipping_track (detector, 40.0, LC_DETECTED_SOLID, LC_COLOR_RED, 50.0, 150.0);
  solid->white = 157.0;
  status = unreported_track (detector, 70.0, LC_DETECTED_SOLID, LC_COLOR_WHITE, 160.0, 150.0, 160.0);
  status->white = 178.0;
  status->turn_colors[0] = LC_COLOR_GREEN;
  status->turn_colors[1] = LC_COLOR_WHITE;

  lc_led_build_detection (detector, G_GINT64_CONSTANT (3000000000));
  g_assert_cmpuint (detector->detection.n_leds, ==, 1);
  g_assert_cmpuint (detector->detection.leds[0].id, ==, solid->id);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_PROVISIONAL);

  /* White and the reported light's red: a spot its glow tints. */
  status->turn_colors[0] = LC_COLOR_RED;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (3000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);
  status->turn_colors[0] = LC_COLOR_GREEN;

  /* Not clipping, or far dimmer than the reported light: no LED. */
  status->peak = 200.0;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (3000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);
  status->peak = 255.0;
  status->level = 60.0;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (3000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);
  status->level = 160.0;

  /* One colour: a steady light, read as such. */
  status->turn_colors[0] = status->turn_colors[1] = LC_COLOR_NONE;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (3000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);
}

/* A steady light right beside the reported one, near clipping, in a
 * colour of its own but too washed out to report (a power light behind a
 * pale window), holds the answer back. A grey one does not (glare), nor
 * one white at its core, nor one in the reported light's colour (its
 * glow), nor one far off (glare tinted by the room).
 */
static void
test_pending_washed_out (void)
{
  g_autoptr(LcLedDetector) detector = ranking_detector ();
  Track *status, *power;

  status = clipping_track (detector, 40.0, LC_DETECTED_BURST, LC_COLOR_GREEN, 90.0, 150.0);
  status->radius = 6.0;
  power = unreported_track (detector, 90.0, LC_DETECTED_SOLID, LC_COLOR_RED, 180.0, 175.0, 185.0);
  power->radius = 6.0;
  power->saturation = 0.35;
  power->peak = 240.0;
  power->white = 160.0;
  power->bg = 60.0;

  g_assert_cmpuint (lights_reported (detector), ==, 1);
  g_assert_cmpuint (detector->detection.leds[0].id, ==, status->id);
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_PROVISIONAL);

  power->saturation = 0.1;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);
  power->saturation = 0.35;

  /* Tinted, but white at its core: glare. */
  power->white = 215.0;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);
  power->white = 160.0;

  power->key.colors[0] = LC_COLOR_GREEN;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);
  power->key.colors[0] = LC_COLOR_RED;

  power->cx = 160.0;
  lc_led_build_detection (detector, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (detector->detection.state, ==, LC_DETECTION_CONFIRMED);
}

/* Advice on how long to film: ten seconds at least, three periods of the
 * slowest light seen.
 */
static void
test_film_seconds (void)
{
  LcDetection d = { 0, };
  LcSignal signal;

  g_assert_cmpuint (lc_detection_get_film_seconds (&d), ==, 10);

  g_assert_true (lc_signal_parse ("red:burst:6", &signal, NULL));
  d.n_leds = 1;
  d.leds[0].light = signal.lights[0];
  /* Six blinks at 2.5 Hz (the last one's dark time is the pause) and a
   * 1.8 s pause: a 4 s period, three of them and a second.
   */
  g_assert_cmpuint (lc_detection_get_film_seconds (&d), ==, 13);

  g_assert_true (lc_signal_parse ("blue:solid+green:blink", &signal, NULL));
  d.n_leds = 2;
  d.leds[0].light = signal.lights[0];
  d.leds[1].light = signal.lights[1];
  d.leds[1].kind = LC_DETECTED_BLINK;
  g_assert_cmpuint (lc_detection_get_film_seconds (&d), ==, 10);

  /* A slow blink that could still be a burst of six: eight periods of
   * 2 s (seven blinks, seen from halfway through one) and a second.
   */
  g_assert_true (lc_signal_parse ("red:blink@0.5hz", &signal, NULL));
  d.n_leds = 1;
  d.leds[0].light = signal.lights[0];
  d.leds[0].kind = LC_DETECTED_BLINK;
  g_assert_cmpuint (lc_detection_get_film_seconds (&d), ==, 17);
}

/* The detector waits out the longest burst any known light shows, no
 * shorter and (for a quick answer) no longer: the battery cameras' six.
 */
static void
test_longest_burst (void)
{
  GListModel *devices = lc_knowledge_get_devices (lc_knowledge_get_default ());
  guint longest = 0;

  g_assert_cmpuint (g_list_model_get_n_items (devices), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(LcDevice) device = g_list_model_get_item (devices, i);
      GListModel *signals = lc_device_get_known_signals (device);

      for (guint j = 0; j < g_list_model_get_n_items (signals); j++)
        {
          g_autoptr(LcKnownSignal) known = g_list_model_get_item (signals, j);
          const LcSignal *signal = lc_known_signal_get_signal (known);

          for (guint l = 0; l < signal->n_lights; l++)
            {
              if (signal->lights[l].kind == LC_KIND_BURST)
                longest = MAX (longest, signal->lights[l].count);
            }
        }
    }

  g_assert_cmpuint (longest, ==, LC_LED_LONGEST_BURST);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vision/detector/stages/pool-factor", test_pool_factor);
  g_test_add_func ("/vision/detector/stages/frame-access", test_frame_access);
  g_test_add_func ("/vision/detector/stages/planar-access", test_planar_access);
  g_test_add_func ("/vision/detector/stages/candidates", test_candidates);
  g_test_add_func ("/vision/detector/stages/measure-track", test_measure_track);
  g_test_add_func ("/vision/detector/stages/glow-in-ring", test_glow_in_ring);
  g_test_add_func ("/vision/detector/stages/blink-beside-stripe", test_blink_beside_stripe);
  g_test_add_func ("/vision/detector/stages/lit-beside-steady", test_lit_beside_steady);
  g_test_add_func ("/vision/detector/stages/spot-told-while-lit", test_spot_told_while_lit);
  g_test_add_func ("/vision/detector/stages/comes-on-apart", test_comes_on_apart);
  g_test_add_func ("/vision/detector/stages/comes-on-near-steady", test_comes_on_near_steady);
  g_test_add_func ("/vision/detector/stages/wide-clipped-glow", test_wide_clipped_glow);
  g_test_add_func ("/vision/detector/stages/changing-beside-glare", test_changing_beside_glare);
  g_test_add_func ("/vision/detector/stages/blink-beside-steady-glare", test_blink_beside_steady_glare);
  g_test_add_func ("/vision/detector/stages/clipped-core-size", test_clipped_core_size);
  g_test_add_func ("/vision/detector/stages/wide-disc-read-whole", test_wide_disc_read_whole);
  g_test_add_func ("/vision/detector/stages/colour-over-dark-ring", test_colour_over_dark_ring);
  g_test_add_func ("/vision/detector/stages/colors", test_colors);
  g_test_add_func ("/vision/detector/stages/select", test_select);
  g_test_add_func ("/vision/detector/stages/levels-and-runs", test_levels_and_runs);
  g_test_add_func ("/vision/detector/stages/faint-flash-dropped", test_faint_flash_dropped);
  g_test_add_func ("/vision/detector/stages/pattern-grammar", test_pattern_grammar);
  g_test_add_func ("/vision/detector/stages/hue", test_hue);
  g_test_add_func ("/vision/detector/stages/turns-at-two-levels", test_turns_at_two_levels);
  g_test_add_func ("/vision/detector/stages/borrowed-glow", test_borrowed_glow);
  g_test_add_func ("/vision/detector/stages/fade", test_fade);
  g_test_add_func ("/vision/detector/stages/fade-clipping-breath", test_fade_clipping_breath);
  g_test_add_func ("/vision/detector/stages/pale-window", test_pale_window);
  g_test_add_func ("/vision/detector/stages/fade-behind-window", test_fade_behind_window);
  g_test_add_func ("/vision/detector/stages/solid-confirmed", test_solid_confirmed);
  g_test_add_func ("/vision/detector/stages/solid-outlasts-breath", test_solid_outlasts_breath);
  g_test_add_func ("/vision/detector/stages/clipped-while-dark", test_clipped_while_dark);
  g_test_add_func ("/vision/detector/stages/turns-behind-window", test_turns_behind_window);
  g_test_add_func ("/vision/detector/stages/takes-light-away", test_takes_light_away);
  g_test_add_func ("/vision/detector/stages/ranking", test_ranking);
  g_test_add_func ("/vision/detector/stages/dropped-light-holds", test_dropped_light_holds);
  g_test_add_func ("/vision/detector/stages/younger-copy-keeps-answer", test_younger_copy_keeps_answer);
  g_test_add_func ("/vision/detector/stages/assumed-dark-left-out", test_assumed_dark_left_out);
  g_test_add_func ("/vision/detector/stages/speck-beside-burst", test_speck_beside_burst);
  g_test_add_func ("/vision/detector/stages/patch-beside-burst-piece", test_patch_beside_burst_piece);
  g_test_add_func ("/vision/detector/stages/fleck-beside-blink", test_fleck_beside_blink);
  g_test_add_func ("/vision/detector/stages/echo-of-clipped-blink", test_echo_of_clipped_blink);
  g_test_add_func ("/vision/detector/stages/two-colours-not-one-glow", test_two_colours_not_one_glow);
  g_test_add_func ("/vision/detector/stages/forget-unseen", test_forget_unseen);
  g_test_add_func ("/vision/detector/stages/old-track-outshone", test_old_track_outshone);
  g_test_add_func ("/vision/detector/stages/status-in-power-glow", test_status_in_power_glow);
  g_test_add_func ("/vision/detector/stages/steady-beside-tinted-glare", test_steady_beside_tinted_glare);
  g_test_add_func ("/vision/detector/stages/steady-beside-white-glare", test_steady_beside_white_glare);
  g_test_add_func ("/vision/detector/stages/glint-beside-power", test_glint_beside_power);
  g_test_add_func ("/vision/detector/stages/power-beside-whiter-burst", test_power_beside_whiter_burst);
  g_test_add_func ("/vision/detector/stages/clipped-glow-ranked", test_clipped_glow_ranked);
  g_test_add_func ("/vision/detector/stages/score-turns", test_score_turns);
  g_test_add_func ("/vision/detector/stages/score-steady", test_score_steady);
  g_test_add_func ("/vision/detector/stages/score-pale", test_score_pale);
  g_test_add_func ("/vision/detector/stages/surround-glow", test_surround_glow);
  g_test_add_func ("/vision/detector/stages/score-surround", test_score_surround);
  g_test_add_func ("/vision/detector/stages/score-washed-out", test_score_washed_out);
  g_test_add_func ("/vision/detector/stages/companion-not-paint", test_companion_not_paint);
  g_test_add_func ("/vision/detector/stages/unsure-light", test_unsure_light);
  g_test_add_func ("/vision/detector/stages/faint-light-beside-blink", test_faint_light_beside_blink);
  g_test_add_func ("/vision/detector/stages/pending-behind-window", test_pending_behind_window);
  g_test_add_func ("/vision/detector/stages/pending-speck", test_pending_speck);
  g_test_add_func ("/vision/detector/stages/pending-beside-power", test_pending_beside_power);
  g_test_add_func ("/vision/detector/stages/pending-changing-color", test_pending_changing_color);
  g_test_add_func ("/vision/detector/stages/pending-washed-out", test_pending_washed_out);
  g_test_add_func ("/vision/detector/stages/film-seconds", test_film_seconds);
  g_test_add_func ("/vision/detector/stages/longest-burst", test_longest_burst);

  return g_test_run ();
}
