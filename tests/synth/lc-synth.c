/* lc-synth.c — renders a device with status lights, with exact ground truth
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lc-synth.h"

/* Exposure is integrated with this many samples of the signal. */
#define EXPOSURE_SAMPLES 8
/* Pixel value of a light at brightness 1 (just below clipping). */
#define LIGHT_PEAK 242.0
#define NOISE_TABLE_SIZE 4096

typedef struct
{
  gint64   capture_ns;
  gint64   pts_ns;
  gboolean dropped;
} FrameTime;

struct _LcSynthScene
{
  LcSynthParams  params;

  /* Background (wall and device) lit by the ambient light, with a margin
   * on every side so that shake can move it.
   */
  int            margin;
  int            bg_width;
  int            bg_height;
  guint8        *bg;

  float          noise[NOISE_TABLE_SIZE]; /* N(0, 1) quantiles */
  GArray        *times;                   /* FrameTime, filled on demand */
  float         *overlay;                 /* one row of light, RGB */
};

typedef struct
{
  double gain;
  double wb[3];
  double ambient;       /* flicker factor of the ambient light */
  double shake_x;
  double shake_y;
  double led_rgb[LC_SYNTH_MAX_LEDS][3];
} FrameState;

/* Deterministic randomness */

static guint64
mix64 (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

static guint64
hash3 (guint32 seed,
       guint64 a,
       guint64 b)
{
  return mix64 (mix64 (((guint64) seed << 32) ^ a) ^ (b * G_GUINT64_CONSTANT (0x2545f4914f6cdd1d)));
}

/* Uniform in [0, 1). */
static double
uniform (guint32 seed,
         guint64 a,
         guint64 b)
{
  return (hash3 (seed, a, b) >> 11) * (1.0 / 9007199254740992.0);
}

/* Salts that keep the random streams apart. */
enum
{
  SALT_DROP = 1,
  SALT_JITTER,
  SALT_SHAKE_X,
  SALT_SHAKE_Y,
  SALT_NOISE,
  SALT_TEXTURE,
  SALT_PHASE,
};

static const double *
color_rgb (LcColor color)
{
  static const double rgb[LC_N_COLORS][3] = {
    [LC_COLOR_NONE]  = { 0.0, 0.0, 0.0 },
    [LC_COLOR_RED]   = { 1.0, 0.10, 0.06 },
    [LC_COLOR_GREEN] = { 0.12, 1.0, 0.35 },
    [LC_COLOR_BLUE]  = { 0.10, 0.32, 1.0 },
    [LC_COLOR_WHITE] = { 1.0, 0.97, 0.92 },
    [LC_COLOR_AMBER] = { 1.0, 0.55, 0.06 },
  };

  if ((guint) color >= LC_N_COLORS)
    color = LC_COLOR_NONE;

  return rgb[color];
}

void
lc_synth_params_init (LcSynthParams  *params,
                      int             width,
                      int             height,
                      const LcSignal *signal)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  params->width = width;
  params->height = height;
  params->fps = 30.0;
  params->seed = 1;
  if (signal != NULL)
    params->signal = *signal;
  else
    lc_signal_init_off (&params->signal);
  params->exposure_ms = 10.0;
  params->n_leds = 1;
  params->leds[0].x = 0.5;
  params->leds[0].y = 0.5;
  params->leds[0].diameter_px = 8.0;
  params->leds[0].brightness = 1.0;
  params->leds[0].light_index = 0;
  params->ambient = 0.35;
  params->draw_device = TRUE;
  params->lamp_x = 0.15;
  params->lamp_y = 0.2;
  params->lamp_diameter_px = 60.0;
  params->lamp_color = LC_COLOR_WHITE;
  params->lamp_brightness = 1.0;
}

/* Smooth value noise in [-1, 1] on a lattice of @cell pixels. */
static double
value_noise (guint32 seed,
             guint64 octave,
             double  x,
             double  y,
             double  cell)
{
  double fx = x / cell, fy = y / cell;
  gint64 ix = (gint64) floor (fx), iy = (gint64) floor (fy);
  double tx = fx - ix, ty = fy - iy;
  double v[4];

  for (guint i = 0; i < 4; i++)
    {
      guint64 cx = (guint64) (ix + (i & 1)) & 0xffffffff;
      guint64 cy = (guint64) (iy + (i >> 1)) & 0xffffffff;

      v[i] = 2.0 * uniform (seed, SALT_TEXTURE + (octave << 8), (cx << 32) | cy) - 1.0;
    }

  tx = tx * tx * (3 - 2 * tx);
  ty = ty * ty * (3 - 2 * ty);

  return (v[0] * (1 - tx) + v[1] * tx) * (1 - ty) + (v[2] * (1 - tx) + v[3] * tx) * ty;
}

static double
rounded_rect_coverage (double px,
                       double py,
                       double cx,
                       double cy,
                       double half_w,
                       double half_h,
                       double radius)
{
  double dx = fabs (px - cx) - (half_w - radius);
  double dy = fabs (py - cy) - (half_h - radius);
  double outside = hypot (MAX (dx, 0.0), MAX (dy, 0.0)) + MIN (MAX (dx, dy), 0.0) - radius;

  return CLAMP (0.5 - outside, 0.0, 1.0);
}

static double
disc_coverage (double px,
               double py,
               double cx,
               double cy,
               double radius)
{
  return CLAMP (radius - hypot (px - cx, py - cy) + 0.5, 0.0, 1.0);
}

/* The wall with some texture, and a camera body with its lens around the
 * first LED, lit by the ambient light.
 */
static void
render_background (LcSynthScene *self)
{
  const LcSynthParams *p = &self->params;
  double amb = CLAMP (p->ambient, 0.0, 1.0) * 255.0;
  double body_cx = 0, body_cy = 0, body_hw = 0, body_hh = 0, lens_cx = 0, lens_cy = 0, lens_r = 0;
  double small = MIN (p->width, p->height);

  if (p->draw_device && p->n_leds > 0)
    {
      double led_x = p->leds[0].x * p->width, led_y = p->leds[0].y * p->height;

      body_hw = 0.16 * p->width;
      body_hh = 0.26 * p->height;
      body_cx = led_x;
      body_cy = led_y + 0.16 * p->height;
      lens_r = 0.075 * small;
      lens_cx = led_x;
      lens_cy = led_y + MAX (0.13 * p->height, 2.5 * lens_r);
    }

  for (int by = 0; by < self->bg_height; by++)
    {
      guint8 *row = self->bg + (gsize) by * self->bg_width * 3;
      double y = by - self->margin + 0.5;

      for (int bx = 0; bx < self->bg_width; bx++)
        {
          double x = bx - self->margin + 0.5;
          double tex = 0.16 * value_noise (p->seed, 1, x, y, 40.0)
                       + 0.07 * value_noise (p->seed, 2, x, y, 9.0)
                       - 0.08 * (y / p->height - 0.5);
          double rgb[3] = { 1.0 + tex, 0.96 + tex, 0.90 + tex };

          if (p->draw_device && p->n_leds > 0)
            {
              double body = rounded_rect_coverage (x, y, body_cx, body_cy, body_hw, body_hh, 0.25 * body_hw);

              if (body > 0.0)
                {
                  double lens_ring = disc_coverage (x, y, lens_cx, lens_cy, lens_r);
                  double glass = disc_coverage (x, y, lens_cx, lens_cy, 0.7 * lens_r);
                  double highlight = disc_coverage (x, y, lens_cx - 0.25 * lens_r, lens_cy - 0.25 * lens_r,
                                                    0.12 * lens_r);
                  double shade = 0.30 - 0.05 * (y - body_cy) / body_hh;

                  shade = shade * (1 - lens_ring) + 0.42 * lens_ring;
                  shade = shade * (1 - glass) + 0.06 * glass;
                  shade = shade * (1 - highlight) + 1.1 * highlight;

                  for (guint c = 0; c < 3; c++)
                    rgb[c] = rgb[c] * (1 - body) + shade * body;
                }
            }

          for (guint c = 0; c < 3; c++)
            row[bx * 3 + c] = (guint8) CLAMP (lround (rgb[c] * amb), 0, 255);
        }
    }
}

LcSynthScene *
lc_synth_scene_new (const LcSynthParams *params)
{
  LcSynthScene *self;

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (params->width > 0 && params->width <= 8192, NULL);
  g_return_val_if_fail (params->height > 0 && params->height <= 8192, NULL);
  g_return_val_if_fail (params->fps > 0.0, NULL);

  self = g_new0 (LcSynthScene, 1);
  self->params = *params;
  self->params.n_leds = MIN (self->params.n_leds, LC_SYNTH_MAX_LEDS);
  self->margin = (int) ceil (MAX (params->shake_px, 0.0)) + 1;
  self->bg_width = params->width + 2 * self->margin;
  self->bg_height = params->height + 2 * self->margin;
  self->bg = g_malloc ((gsize) self->bg_width * self->bg_height * 3);
  self->overlay = g_new (float, (gsize) params->width * 3);
  self->times = g_array_new (FALSE, FALSE, sizeof (FrameTime));

  /* Quantiles of the normal distribution, so noise is one table lookup. */
  for (guint i = 0; i < NOISE_TABLE_SIZE; i++)
    {
      double u = (i + 0.5) / NOISE_TABLE_SIZE;
      /* Box-Muller over a stratified grid: smooth enough for noise. */
      double v = (i * 2654435761u % NOISE_TABLE_SIZE + 0.5) / NOISE_TABLE_SIZE;

      self->noise[i] = (float) (sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v));
    }

  render_background (self);

  return self;
}

void
lc_synth_scene_free (LcSynthScene *self)
{
  if (self == NULL)
    return;

  g_free (self->bg);
  g_free (self->overlay);
  g_array_unref (self->times);
  g_free (self);
}

const LcSynthParams *
lc_synth_scene_get_params (LcSynthScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->params;
}

guint
lc_synth_scene_frames_for (LcSynthScene *self,
                           double        seconds)
{
  g_return_val_if_fail (self != NULL, 0);

  return (guint) ceil (MAX (seconds, 0.0) * self->params.fps);
}

/* Frame times are a running sum (the frame rate may wander), so they are
 * computed once, in order, and kept.
 */
static const FrameTime *
frame_time (LcSynthScene *self,
            guint         index)
{
  const LcSynthParams *p = &self->params;

  while (self->times->len <= index)
    {
      guint i = self->times->len;
      FrameTime ft = { 0, };
      double t_s;

      if (i == 0)
        t_s = 0.0;
      else
        {
          const FrameTime *prev = &g_array_index (self->times, FrameTime, i - 1);
          double prev_s = prev->capture_ns / 1e9;
          double rate = p->fps * (1.0 + p->fps_wander * sin (2.0 * G_PI * prev_s / 5.0 + 0.7));

          rate = MAX (rate, 1.0);
          t_s = prev_s + 1.0 / rate;
        }

      ft.capture_ns = (gint64) llround (t_s * 1e9);
      ft.pts_ns = ft.capture_ns;
      if (p->jitter_ms > 0.0)
        ft.pts_ns += (gint64) llround ((2.0 * uniform (p->seed, SALT_JITTER, i) - 1.0) * p->jitter_ms * 1e6);
      if (i > 0)
        {
          const FrameTime *prev = &g_array_index (self->times, FrameTime, i - 1);

          /* Timestamps never go backwards. */
          ft.pts_ns = MAX (ft.pts_ns, prev->pts_ns + 1000000);
        }
      ft.pts_ns = MAX (ft.pts_ns, 0);
      ft.dropped = p->drop_probability > 0.0 && uniform (p->seed, SALT_DROP, i) < p->drop_probability;

      g_array_append_val (self->times, ft);
    }

  return &g_array_index (self->times, FrameTime, index);
}

static double
ae_gain (const LcSynthParams *p,
         double               t)
{
  static const int pattern[4] = { 0, 1, 0, -1 };
  gint64 step;

  if (p->ae_step_ev == 0.0 || p->ae_period_s <= 0.0)
    return 1.0;

  step = (gint64) floor (t / p->ae_period_s);

  return exp2 (p->ae_step_ev * pattern[((step % 4) + 4) % 4]);
}

static void
compute_state (LcSynthScene *self,
               guint         index,
               FrameState   *st,
               double        level[LC_SYNTH_MAX_LEDS],
               LcColor       color[LC_SYNTH_MAX_LEDS])
{
  const LcSynthParams *p = &self->params;
  const FrameTime *ft = frame_time (self, index);
  double t = ft->capture_ns / 1e9;
  double phase_seed = uniform (p->seed, SALT_PHASE, 0);
  guint samples = p->exposure_ms > 0.0 ? EXPOSURE_SAMPLES : 1;

  memset (st, 0, sizeof *st);
  st->gain = ae_gain (p, t);
  st->wb[0] = 1.0 + p->wb_drift * sin (2.0 * G_PI * t / 9.1 + 6.0 * phase_seed);
  st->wb[1] = 1.0;
  st->wb[2] = 1.0 + p->wb_drift * sin (2.0 * G_PI * t / 7.7 + 3.0 + 5.0 * phase_seed);
  st->ambient = 1.0 + p->flicker_amplitude * sin (2.0 * G_PI * p->flicker_hz * t + 2.0 * G_PI * phase_seed);
  if (p->shake_px > 0.0)
    {
      st->shake_x = p->shake_px * (0.7 * sin (2.0 * G_PI * 0.9 * t + 1.0)
                                   + 0.3 * (2.0 * uniform (p->seed, SALT_SHAKE_X, index) - 1.0));
      st->shake_y = p->shake_px * (0.7 * sin (2.0 * G_PI * 1.3 * t + 2.0)
                                   + 0.3 * (2.0 * uniform (p->seed, SALT_SHAKE_Y, index) - 1.0));
    }

  for (guint i = 0; i < p->n_leds; i++)
    {
      double weight[LC_N_COLORS] = { 0, };
      double sum = 0.0;
      LcColor best = LC_COLOR_NONE;

      for (guint k = 0; k < samples; k++)
        {
          double ts = t + p->phase_s + (k + 0.5) / samples * p->exposure_ms / 1000.0;
          LcColor c = LC_COLOR_NONE;
          double lv = 0.0;

          if (samples == 1)
            ts = t + p->phase_s;

          if (lc_signal_light_at (&p->signal, p->leds[i].light_index, ts, &c, &lv) &&
              (guint) c < LC_N_COLORS)
            {
              const double *rgb = color_rgb (c);

              for (guint ch = 0; ch < 3; ch++)
                st->led_rgb[i][ch] += lv * rgb[ch] / samples;
              weight[c] += lv;
              sum += lv / samples;
            }
        }

      for (guint c = 1; c < LC_N_COLORS; c++)
        {
          if (weight[c] > 0.0 && (best == LC_COLOR_NONE || weight[c] > weight[best]))
            best = c;
        }

      if (level != NULL)
        level[i] = sum;
      if (color != NULL)
        color[i] = best;
    }
}

void
lc_synth_scene_get_frame_info (LcSynthScene     *self,
                               guint             frame_index,
                               LcSynthFrameInfo *out_info)
{
  const FrameTime *ft;
  FrameState st;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out_info != NULL);

  memset (out_info, 0, sizeof *out_info);
  compute_state (self, frame_index, &st, out_info->led_level, out_info->led_color);
  ft = frame_time (self, frame_index);
  out_info->pts_ns = ft->pts_ns;
  out_info->capture_ns = ft->capture_ns;
  out_info->dropped = ft->dropped;
  out_info->gain = st.gain;
  for (guint i = 0; i < self->params.n_leds; i++)
    {
      out_info->led_x_px[i] = self->params.leds[i].x * self->params.width + st.shake_x;
      out_info->led_y_px[i] = self->params.leds[i].y * self->params.height + st.shake_y;
    }
}

/* A glow: a Gaussian core of @diameter (its width at half height) plus a
 * faint wide halo, both widened by the blur; amplitudes keep the energy.
 */
typedef struct
{
  double cx, cy;
  double sigma[2];
  double amp[2];
  double rgb[3];
  int    x0, x1, y0, y1;
} Glow;

static void
glow_init (Glow                *g,
           const LcSynthParams *p,
           double               cx,
           double               cy,
           double               diameter,
           double               brightness,
           const double         rgb[3])
{
  double blur2 = MAX (p->blur_sigma, 0.0) * MAX (p->blur_sigma, 0.0) + 1.0 / 12.0;
  double s0 = MAX (diameter, 0.5) / 2.355;
  double s1 = 2.5 * s0 + 1.0;
  double reach;

  g->cx = cx;
  g->cy = cy;
  g->sigma[0] = sqrt (s0 * s0 + blur2);
  g->sigma[1] = sqrt (s1 * s1 + blur2);
  g->amp[0] = brightness * LIGHT_PEAK * (s0 * s0) / (g->sigma[0] * g->sigma[0]);
  g->amp[1] = 0.12 * brightness * LIGHT_PEAK * (s1 * s1) / (g->sigma[1] * g->sigma[1]);
  for (guint c = 0; c < 3; c++)
    g->rgb[c] = rgb[c];

  reach = 3.5 * g->sigma[1] + 1.0;
  g->x0 = MAX (0, (int) floor (cx - reach));
  g->x1 = MIN (p->width - 1, (int) ceil (cx + reach));
  g->y0 = MAX (0, (int) floor (cy - reach));
  g->y1 = MIN (p->height - 1, (int) ceil (cy + reach));
}

static void
glow_add_row (const Glow *g,
              int         y,
              float      *row,
              double      scale)
{
  double dy = y + 0.5 - g->cy;
  double gy0 = g->amp[0] * exp (-dy * dy / (2 * g->sigma[0] * g->sigma[0]));
  double gy1 = g->amp[1] * exp (-dy * dy / (2 * g->sigma[1] * g->sigma[1]));

  if (y < g->y0 || y > g->y1 || scale == 0.0)
    return;

  for (int x = g->x0; x <= g->x1; x++)
    {
      double dx = x + 0.5 - g->cx;
      double v = gy0 * exp (-dx * dx / (2 * g->sigma[0] * g->sigma[0]))
                 + gy1 * exp (-dx * dx / (2 * g->sigma[1] * g->sigma[1]));

      v *= scale;
      for (guint c = 0; c < 3; c++)
        row[x * 3 + c] += (float) (v * g->rgb[c]);
    }
}

gboolean
lc_synth_scene_render (LcSynthScene *self,
                       guint         frame_index,
                       guint8       *rgb,
                       int           stride,
                       gint64       *out_pts_ns)
{
  const LcSynthParams *p;
  const FrameTime *ft;
  FrameState st;
  Glow glows[LC_SYNTH_MAX_LEDS + 1];
  guint n_glows = 0;
  int sx, sy;
  float k_bg[3], k_light[3], noise_sigma;
  guint64 rng;
  double lamp_r = 0, lamp_cx = 0, lamp_cy = 0, lamp_rgb[3] = { 0, };
  int lamp_y0 = 1, lamp_y1 = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rgb != NULL, FALSE);
  g_return_val_if_fail (stride >= self->params.width * 3, FALSE);

  p = &self->params;
  ft = frame_time (self, frame_index);
  if (out_pts_ns != NULL)
    *out_pts_ns = ft->pts_ns;
  if (ft->dropped)
    return FALSE;

  compute_state (self, frame_index, &st, NULL, NULL);

  for (guint c = 0; c < 3; c++)
    {
      k_light[c] = (float) (st.gain * st.wb[c]);
      k_bg[c] = (float) (st.ambient * st.gain * st.wb[c]);
    }

  for (guint i = 0; i < p->n_leds; i++)
    {
      const LcSynthLed *led = &p->leds[i];

      if (st.led_rgb[i][0] + st.led_rgb[i][1] + st.led_rgb[i][2] <= 0.0)
        continue;

      glow_init (&glows[n_glows++], p,
                 led->x * p->width + st.shake_x, led->y * p->height + st.shake_y,
                 led->diameter_px, led->brightness, st.led_rgb[i]);
    }

  if (p->lamp)
    {
      const double *c = color_rgb (p->lamp_color);

      lamp_cx = p->lamp_x * p->width + st.shake_x;
      lamp_cy = p->lamp_y * p->height + st.shake_y;
      lamp_r = MAX (p->lamp_diameter_px, 1.0) / 2.0;
      for (guint ch = 0; ch < 3; ch++)
        lamp_rgb[ch] = c[ch] * p->lamp_brightness * LIGHT_PEAK * st.ambient;
      lamp_y0 = MAX (0, (int) floor (lamp_cy - lamp_r - 2 * p->blur_sigma - 2));
      lamp_y1 = MIN (p->height - 1, (int) ceil (lamp_cy + lamp_r + 2 * p->blur_sigma + 2));
    }

  sx = (int) lround (CLAMP (st.shake_x, -self->margin, self->margin));
  sy = (int) lround (CLAMP (st.shake_y, -self->margin, self->margin));
  noise_sigma = (float) MAX (p->noise_sigma, 0.0);
  rng = hash3 (p->seed, SALT_NOISE, frame_index) | 1;

  for (int y = 0; y < p->height; y++)
    {
      const guint8 *bg = self->bg + ((gsize) (y + self->margin - sy) * self->bg_width + self->margin - sx) * 3;
      guint8 *out = rgb + (gsize) y * stride;
      gboolean lit = FALSE;

      for (guint i = 0; i < n_glows; i++)
        lit |= y >= glows[i].y0 && y <= glows[i].y1;
      lit |= y >= lamp_y0 && y <= lamp_y1;

      if (lit)
        {
          memset (self->overlay, 0, sizeof (float) * p->width * 3);
          for (guint i = 0; i < n_glows; i++)
            glow_add_row (&glows[i], y, self->overlay, 1.0);

          if (y >= lamp_y0 && y <= lamp_y1)
            {
              double edge = MAX (1.0, 2.0 * p->blur_sigma);
              int x0 = MAX (0, (int) floor (lamp_cx - lamp_r - edge - 1));
              int x1 = MIN (p->width - 1, (int) ceil (lamp_cx + lamp_r + edge + 1));

              for (int x = x0; x <= x1; x++)
                {
                  double d = hypot (x + 0.5 - lamp_cx, y + 0.5 - lamp_cy);
                  double cover = CLAMP ((lamp_r - d) / edge + 0.5, 0.0, 1.0);

                  for (guint c = 0; c < 3; c++)
                    self->overlay[x * 3 + c] += (float) (cover * lamp_rgb[c]);
                }
            }
        }

      for (int x = 0; x < p->width; x++)
        {
          guint64 r = 0;

          if (noise_sigma > 0.0f)
            {
              /* xorshift64*: one draw gives the three channels */
              rng ^= rng >> 12;
              rng ^= rng << 25;
              rng ^= rng >> 27;
              r = rng * G_GUINT64_CONSTANT (0x2545f4914f6cdd1d);
            }

          for (guint c = 0; c < 3; c++)
            {
              float v = bg[x * 3 + c] * k_bg[c];

              if (lit)
                v += self->overlay[x * 3 + c] * k_light[c];
              if (noise_sigma > 0.0f)
                v += noise_sigma * self->noise[(r >> (16 * c + 4)) & (NOISE_TABLE_SIZE - 1)];

              out[x * 3 + c] = (guint8) (v <= 0.0f ? 0 : v >= 255.0f ? 255 : (int) (v + 0.5f));
            }
        }
    }

  return TRUE;
}
