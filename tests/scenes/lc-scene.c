/* lc-scene.c — an independent renderer of status lights as a phone films them
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lc-scene.h"

/* How far the world extends beyond the frame, for the drift to move into. */
#define MARGIN_EXTRA 4

typedef struct
{
  double x, y, w, h;
  double rgb[3];
} Object;

struct _LcScene
{
  LcSceneParams p;

  int     margin;
  int     ww, wh;          /* world size: the frame plus a margin all round */
  float  *world;           /* linear RGB of the lit room, no LED light */
  float  *spill;           /* housing albedo where the LEDs' glow lands, 0 elsewhere */

  LcScenePoint led[LC_SCENE_MAX_LEDS];  /* world coordinates */
  guint   n_leds;

  double  drift_f[6], drift_ph[6], drift_a[6];
  double  ae_f[2], ae_ph[2];
  double  wb_ph[3];
  double  gain0;           /* exposure that puts the wall at mid grey */
  double  awb_gain[3];
  double  glare_x, glare_y, glare_k, glare_size, glare_peak;
  double  phase_s;         /* signal time of frame 0 */

  float  *frame;           /* linear RGB of the current frame */
  guint8 *rgb8;
  int     qy[64], qc[64];  /* quantiser tables */
};

const char *
lc_housing_to_string (LcHousing housing)
{
  static const char *names[LC_N_HOUSINGS] = {
    "black", "dark-grey", "light-grey", "white", "glossy-black",
  };

  g_return_val_if_fail (housing < LC_N_HOUSINGS, NULL);
  return names[housing];
}

/* The camera's view of each LED colour, in linear RGB: real LEDs leak into
 * the neighbouring channels, which is why bright cores clip to white.
 */
static void
emission_for (LcColor color,
              double  out[3])
{
  static const double table[][3] = {
    [LC_COLOR_NONE]  = { 0, 0, 0 },
    [LC_COLOR_RED]   = { 1.00, 0.09, 0.05 },
    [LC_COLOR_GREEN] = { 0.14, 1.00, 0.38 },
    [LC_COLOR_BLUE]  = { 0.07, 0.26, 1.00 },
    [LC_COLOR_WHITE] = { 0.92, 1.00, 0.95 },
    [LC_COLOR_AMBER] = { 1.00, 0.42, 0.04 },
  };

  memcpy (out, table[color <= LC_COLOR_AMBER ? color : 0], sizeof table[0]);
}

static double
housing_albedo (LcHousing housing)
{
  switch (housing)
    {
    case LC_HOUSING_BLACK:
    case LC_HOUSING_GLOSSY_BLACK:
      return 0.035;
    case LC_HOUSING_DARK_GREY:
      return 0.12;
    case LC_HOUSING_LIGHT_GREY:
      return 0.55;
    case LC_HOUSING_WHITE:
    case LC_N_HOUSINGS:
    default:
      return 0.82;
    }
}

/* lround() is a libm call, far too slow per pixel. */
static inline int
round_int (double x)
{
  return x >= 0 ? (int) (x + 0.5) : -(int) (0.5 - x);
}

static inline guint8
to_byte (double x)
{
  return (guint8) (x <= 0 ? 0 : x >= 255 ? 255 : (int) (x + 0.5));
}

static inline double
smoothstep_edge (double distance,
                 double softness)
{
  return 1.0 / (1.0 + exp (distance / softness));
}

/* Signed distance to a rounded rectangle centred on (cx, cy). */
static double
rounded_rect_distance (double x, double y,
                       double cx, double cy,
                       double half_w, double half_h,
                       double radius)
{
  double qx = fabs (x - cx) - (half_w - radius);
  double qy = fabs (y - cy) - (half_h - radius);
  double ox = MAX (qx, 0.0), oy = MAX (qy, 0.0);

  return sqrt (ox * ox + oy * oy) + MIN (MAX (qx, qy), 0.0) - radius;
}

static inline double
tone (double v)
{
  /* A soft shoulder, then clipping, then display gamma. */
  if (v > 0.75)
    v = 0.75 + 0.3 * (1.0 - exp (-(v - 0.75) / 0.3));
  v = CLAMP (v, 0.0, 1.0);
  return 255.0 * pow (v, 1 / 2.2);
}

#define TONE_SLOTS 16384
#define TONE_RANGE 4.0   /* everything brighter is white */

static double dct_cos[8][8];
static double tone_table[TONE_SLOTS];

static void
init_tables (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (int k = 0; k < 8; k++)
        for (int n = 0; n < 8; n++)
          dct_cos[k][n] = (k == 0 ? sqrt (0.125) : 0.5) * cos ((2 * n + 1) * k * G_PI / 16);
      for (int i = 0; i < TONE_SLOTS; i++)
        tone_table[i] = tone ((i + 0.5) * TONE_RANGE / TONE_SLOTS);
      g_once_init_leave (&done, 1);
    }
}

static void
build_world (LcScene *self,
             GRand   *rand)
{
  const LcSceneParams *p = &self->p;
  double wall[3], waves[6][4], fine_amp;
  double body_w, body_h, body_cx, body_cy, albedo, window_r, streak = 0.0;
  Object objects[LC_SCENE_MAX_OBJECTS];
  guint n_objects = MIN (p->n_objects, (guint) LC_SCENE_MAX_OBJECTS);
  static const double palette[][3] = {
    { 0.05, 0.12, 0.62 },   /* blue box */
    { 0.07, 0.50, 0.10 },   /* green label */
    { 0.70, 0.06, 0.05 },   /* red book */
    { 0.85, 0.36, 0.05 },   /* orange */
    { 0.05, 0.45, 0.55 },   /* teal */
    { 0.80, 0.70, 0.06 },   /* yellow */
    { 0.55, 0.08, 0.45 },   /* magenta */
  };

  /* A painted wall: a pale colour, a few soft undulations and grain. */
  for (int c = 0; c < 3; c++)
    wall[c] = g_rand_double_range (rand, 0.35, 0.65);
  for (int k = 0; k < 6; k++)
    {
      double angle = g_rand_double_range (rand, 0, G_PI);
      double wavelength = g_rand_double_range (rand, 25, 260);

      waves[k][0] = cos (angle) * 2 * G_PI / wavelength;
      waves[k][1] = sin (angle) * 2 * G_PI / wavelength;
      waves[k][2] = g_rand_double_range (rand, 0, 2 * G_PI);
      waves[k][3] = g_rand_double_range (rand, 0.01, 0.05);
    }
  fine_amp = g_rand_double_range (rand, 0.01, 0.05);

  /* The device: about a dozen LED diameters wide, somewhere central. */
  body_w = CLAMP (p->led_diameter_px * g_rand_double_range (rand, 9, 16), 40, p->width * 0.6);
  body_h = body_w * g_rand_double_range (rand, 0.7, 1.25);
  body_h = MIN (body_h, p->height * 0.75);
  body_cx = self->margin + p->width * g_rand_double_range (rand, 0.3, 0.7);
  body_cy = self->margin + p->height * g_rand_double_range (rand, 0.35, 0.65);
  albedo = housing_albedo (p->housing);
  window_r = p->led_diameter_px / 2;

  self->led[0].x = body_cx + body_w * g_rand_double_range (rand, -0.2, 0.2);
  self->led[0].y = body_cy - body_h * g_rand_double_range (rand, 0.15, 0.32);
  self->n_leds = MAX (1, MIN (p->signal.n_lights, (guint) LC_SCENE_MAX_LEDS));
  if (self->n_leds > 1)
    {
      /* Beside the first, inside the housing (closer if it must be). */
      double room = body_w / 2 - 1.5 * p->led_diameter_px;
      double side = self->led[0].x < body_cx ? 1 : -1;
      double spacing = MIN (p->led_spacing_px, room + fabs (self->led[0].x - body_cx));

      self->led[1].x = self->led[0].x + side * MAX (spacing, 2.5 * p->led_diameter_px);
      self->led[1].y = self->led[0].y + g_rand_double_range (rand, -2, 2);
    }

  /* The glossy streak crosses the housing clear of the LEDs: a highlight
   * right on an LED hides it from any reader.
   */
  {
    static const double offsets[] = { 0.18, -0.18, 0.36, -0.36, 0.0 };

    for (guint k = 0; k < G_N_ELEMENTS (offsets); k++)
      {
        gboolean clear = TRUE;

        streak = offsets[k] * body_w;
        for (guint i = 0; i < self->n_leds; i++)
          clear &= fabs ((self->led[i].x - body_cx) * 0.8 + (self->led[i].y - body_cy) * 0.6 + streak) >=
                   MAX (3.0 * p->led_diameter_px, 10.0);
        if (clear)
          break;
      }
  }

  /* Coloured objects around the device, never on it. */
  for (guint i = 0; i < n_objects; i++)
    {
      Object *o = &objects[i];
      const double *color = palette[g_rand_int_range (rand, 0, G_N_ELEMENTS (palette))];
      double bright = g_rand_double_range (rand, 0.8, 1.25);

      for (int attempt = 0; attempt < 20; attempt++)
        {
          gboolean small = g_rand_boolean (rand);

          o->w = small ? g_rand_double_range (rand, 6, 24) : g_rand_double_range (rand, 25, 110);
          o->h = small ? g_rand_double_range (rand, 4, 14) : g_rand_double_range (rand, 20, 90);
          o->x = self->margin + g_rand_double_range (rand, 0, p->width - o->w);
          o->y = self->margin + g_rand_double_range (rand, 0, p->height - o->h);
          if (o->x + o->w < body_cx - body_w / 2 - 6 || o->x > body_cx + body_w / 2 + 6 ||
              o->y + o->h < body_cy - body_h / 2 - 6 || o->y > body_cy + body_h / 2 + 6)
            break;
          o->w = o->h = 0;
        }
      for (int c = 0; c < 3; c++)
        o->rgb[c] = MIN (color[c] * bright, 0.95);
    }

  for (int y = 0; y < self->wh; y++)
    for (int x = 0; x < self->ww; x++)
      {
        float *px = &self->world[((gsize) y * self->ww + x) * 3];
        double light = 0.85 + 0.3 * (1.0 - (double) y / self->wh) * (0.7 + 0.3 * (double) x / self->ww);
        double texture = 1.0, rgb[3], d, inside, spill = 0.0;

        for (int k = 0; k < 6; k++)
          texture += waves[k][3] * sin (waves[k][0] * x + waves[k][1] * y + waves[k][2]);
        texture += fine_amp * (g_rand_double (rand) - 0.5);

        for (int c = 0; c < 3; c++)
          rgb[c] = wall[c] * texture;

        for (guint i = 0; i < n_objects; i++)
          {
            const Object *o = &objects[i];

            if (x >= o->x && x < o->x + o->w && y >= o->y && y < o->y + o->h)
              for (int c = 0; c < 3; c++)
                rgb[c] = o->rgb[c] * (0.97 + 0.06 * g_rand_double (rand));
          }

        /* The housing: a soft shadow, then the body, lit from above. */
        d = rounded_rect_distance (x, y, body_cx, body_cy + 3, body_w / 2, body_h / 2, body_w * 0.12);
        for (int c = 0; c < 3; c++)
          rgb[c] *= 1.0 - 0.45 * smoothstep_edge (d, 4.0);
        d = rounded_rect_distance (x, y, body_cx, body_cy, body_w / 2, body_h / 2, body_w * 0.12);
        inside = smoothstep_edge (d, 0.7);
        if (inside > 0.01)
          {
            double shade = 1.05 - 0.25 * (y - (body_cy - body_h / 2)) / body_h;
            double body = albedo * shade * (1.0 + 0.02 * (g_rand_double (rand) - 0.5));

            if (p->housing == LC_HOUSING_GLOSSY_BLACK)
              {
                /* A window reflected in the gloss: a bright diagonal streak. */
                double u = (x - body_cx) * 0.8 + (y - body_cy) * 0.6 + streak;

                body += 2.2 * exp (-u * u / 18.0) * smoothstep_edge (d + 3, 1.0);
              }
            for (int c = 0; c < 3; c++)
              rgb[c] = rgb[c] * (1 - inside) + body * inside;
            spill = albedo * inside;
          }

        /* The LEDs when dark: a clear lens, or a milky window. */
        for (guint i = 0; i < self->n_leds; i++)
          {
            double r = hypot (x - self->led[i].x, y - self->led[i].y);
            double radius = p->frosted ? window_r * 1.0 : MAX (window_r, 1.0);
            double lens = smoothstep_edge (r - radius, 0.6);
            double tone = p->frosted ? 0.7 : 0.22;

            for (int c = 0; c < 3; c++)
              rgb[c] = rgb[c] * (1 - lens) + tone * lens;
            if (p->frosted)
              spill = MAX (spill, 0.7 * lens);
          }

        for (int c = 0; c < 3; c++)
          px[c] = rgb[c] * light * p->ambient * p->tint[c];
        self->spill[(gsize) y * self->ww + x] = spill;
      }
}

/* JPEG's base tables, scaled for a quality the way libjpeg does it. */
static void
build_quantisers (LcScene *self)
{
  static const int luma[64] = {
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
  };
  static const int chroma[64] = {
    17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
    24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
    99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
    99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
  };
  int q = CLAMP (self->p.quality, 1, 100);
  int scale = q < 50 ? 5000 / q : 200 - 2 * q;

  for (int i = 0; i < 64; i++)
    {
      self->qy[i] = CLAMP ((luma[i] * scale + 50) / 100, 1, 255);
      self->qc[i] = CLAMP ((chroma[i] * scale + 50) / 100, 1, 255);
    }
}

LcScene *
lc_scene_new (const LcSceneParams *params)
{
  LcScene *self;
  g_autoptr(GRand) rand = NULL;
  double wall_mid;

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (params->width >= 16 && params->width % 2 == 0, NULL);
  g_return_val_if_fail (params->height >= 16 && params->height % 2 == 0, NULL);
  g_return_val_if_fail (params->fps > 0, NULL);

  self = g_new0 (LcScene, 1);
  self->p = *params;
  rand = g_rand_new_with_seed (params->seed);
  self->margin = (int) ceil (params->drift_px * 1.2) + MARGIN_EXTRA;
  self->ww = params->width + 2 * self->margin;
  self->wh = params->height + 2 * self->margin;
  self->world = g_new (float, (gsize) self->ww * self->wh * 3);
  self->spill = g_new (float, (gsize) self->ww * self->wh);
  self->frame = g_new (float, (gsize) params->width * params->height * 3);
  self->rgb8 = g_new (guint8, (gsize) params->width * params->height * 3);

  init_tables ();
  build_world (self, rand);
  build_quantisers (self);

  /* Hand-held drift: a few slow sways and a faint tremor. */
  for (int k = 0; k < 6; k++)
    {
      gboolean tremor = k >= 4;

      self->drift_f[k] = tremor ? g_rand_double_range (rand, 4, 9) : g_rand_double_range (rand, 0.1, 1.1);
      self->drift_ph[k] = g_rand_double_range (rand, 0, 2 * G_PI);
      self->drift_a[k] = (tremor ? 0.06 : 0.5) * params->drift_px;
    }
  for (int k = 0; k < 2; k++)
    {
      self->ae_f[k] = g_rand_double_range (rand, 0.05, 0.3);
      self->ae_ph[k] = g_rand_double_range (rand, 0, 2 * G_PI);
    }
  for (int c = 0; c < 3; c++)
    self->wb_ph[c] = g_rand_double_range (rand, 0, 2 * G_PI);

  /* White balance undoes part of the room's tint (green held at 1). */
  for (int c = 0; c < 3; c++)
    {
      double full = params->tint[1] / MAX (params->tint[c], 0.05);

      self->awb_gain[c] = 1.0 + params->awb * (full - 1.0);
    }

  /* Auto exposure aims the wall at about 45 % after the tone curve. */
  wall_mid = 0.5 * params->ambient * params->tint[1];
  self->gain0 = 0.17 / MAX (wall_mid, 1e-3);

  self->glare_x = self->margin + params->width * g_rand_double_range (rand, 0.2, 0.8);
  self->glare_y = self->margin + params->height * g_rand_double_range (rand, 0.2, 0.8);
  self->glare_k = g_rand_double_range (rand, 2.0, 4.0) * (g_rand_boolean (rand) ? 1 : -1);
  self->glare_size = g_rand_double_range (rand, 1.2, 3.0);
  self->glare_peak = g_rand_double_range (rand, 1.5, 6.0);
  self->phase_s = g_rand_double_range (rand, 0, 10);

  return self;
}

void
lc_scene_free (LcScene *self)
{
  if (self == NULL)
    return;
  g_free (self->world);
  g_free (self->spill);
  g_free (self->frame);
  g_free (self->rgb8);
  g_free (self);
}

gsize
lc_scene_get_frame_size (LcScene *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return (gsize) self->p.width * self->p.height * 3 / 2;
}

LcScenePoint
lc_scene_get_led_position (LcScene *self,
                           guint    led)
{
  LcScenePoint point = { -1, -1 };

  g_return_val_if_fail (self != NULL, point);
  if (led < self->n_leds)
    {
      point.x = self->led[led].x - self->margin;
      point.y = self->led[led].y - self->margin;
    }
  return point;
}

static void
drift_at (LcScene *self,
          double   t,
          double  *dx,
          double  *dy)
{
  *dx = *dy = 0;
  for (int k = 0; k < 6; k += 2)
    {
      *dx += self->drift_a[k] * sin (2 * G_PI * self->drift_f[k] * t + self->drift_ph[k]);
      *dy += self->drift_a[k + 1] * sin (2 * G_PI * self->drift_f[k + 1] * t + self->drift_ph[k + 1]);
    }
}

/* What LED @led emits during the exposure that starts at @t, in linear RGB. */
static void
led_emission (LcScene *self,
              guint    led,
              double   t,
              double   out[3])
{
  const LcSceneParams *p = &self->p;
  const double exposure_s = 1.0 / MAX (p->fps, 60.0);
  const int samples = 4;

  out[0] = out[1] = out[2] = 0;
  if (led >= p->signal.n_lights)
    return;

  for (int s = 0; s < samples; s++)
    {
      double ts = self->phase_s + t + exposure_s * (s + 0.5) / samples;
      const LcLight *light = &p->signal.lights[led];
      LcColor color = LC_COLOR_NONE;
      double level = 0, rgb[3];

      if (p->steady_alternation && light->n_colors >= 2 && light->rate_hz > 0)
        {
          color = light->colors[(guint) floor (ts * light->rate_hz) % light->n_colors];
          level = 1.0;
        }
      else
        lc_signal_light_at (&p->signal, led, ts, &color, &level);

      emission_for (color, rgb);
      for (int c = 0; c < 3; c++)
        out[c] += rgb[c] * level / samples;
    }
}

/* Quantises one plane in 8×8 blocks, as a phone's encoder does to stills
 * and (per intra block) to video: ringing around the LED, blocky glow.
 */
static void
compress_plane (guint8    *plane,
                int        width,
                int        height,
                int        stride,
                const int *q)
{

  for (int by = 0; by < height; by += 8)
    for (int bx = 0; bx < width; bx += 8)
      {
        double block[8][8], tmp[8][8], coef[8][8];

        for (int y = 0; y < 8; y++)
          for (int x = 0; x < 8; x++)
            block[y][x] = plane[(gsize) MIN (by + y, height - 1) * stride + MIN (bx + x, width - 1)] - 128.0;

        for (int y = 0; y < 8; y++)
          for (int k = 0; k < 8; k++)
            {
              double sum = 0;
              for (int n = 0; n < 8; n++)
                sum += dct_cos[k][n] * block[y][n];
              tmp[y][k] = sum;
            }
        for (int k = 0; k < 8; k++)
          for (int x = 0; x < 8; x++)
            {
              double sum = 0;
              for (int n = 0; n < 8; n++)
                sum += dct_cos[k][n] * tmp[n][x];
              coef[k][x] = round_int (sum / q[k * 8 + x]) * q[k * 8 + x];
            }

        for (int y = 0; y < 8; y++)
          for (int x = 0; x < 8; x++)
            {
              double sum = 0;
              for (int n = 0; n < 8; n++)
                sum += dct_cos[n][y] * coef[n][x];
              tmp[y][x] = sum;
            }
        for (int y = 0; y < 8 && by + y < height; y++)
          for (int x = 0; x < 8 && bx + x < width; x++)
            {
              double sum = 0;
              for (int n = 0; n < 8; n++)
                sum += dct_cos[n][x] * tmp[y][n];
              plane[(gsize) (by + y) * stride + bx + x] = to_byte (sum + 128.0);
            }
      }
}

static inline guint32
hash32 (guint32 x)
{
  x ^= x >> 16;
  x *= 0x7feb352dU;
  x ^= x >> 15;
  x *= 0x846ca68bU;
  x ^= x >> 16;
  return x;
}

gint64
lc_scene_render (LcScene *self,
                 guint    index,
                 guint8  *i420)
{
  const LcSceneParams *p;
  double t, dx, dy, gain, wb[3], emit[LC_SCENE_MAX_LEDS][3];
  double fx, fy, glare_x, glare_y, glare_level;
  int ix, iy, w, h;
  guint32 noise_state;
  guint8 *y_plane, *u_plane, *v_plane;
  gint64 pts;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (i420 != NULL, -1);

  p = &self->p;
  w = p->width;
  h = p->height;
  t = index / p->fps;

  drift_at (self, t, &dx, &dy);
  ix = (int) floor (dx);
  iy = (int) floor (dy);
  fx = dx - ix;
  fy = dy - iy;

  gain = self->gain0 * pow (2.0, p->ae_ev * 0.5 * (sin (2 * G_PI * self->ae_f[0] * t + self->ae_ph[0]) +
                                                   sin (2 * G_PI * self->ae_f[1] * t + self->ae_ph[1])));
  for (int c = 0; c < 3; c++)
    wb[c] = self->awb_gain[c] * (1.0 + 0.03 * p->awb * sin (0.4 * t + self->wb_ph[c]));

  for (guint i = 0; i < self->n_leds; i++)
    led_emission (self, i, t, emit[i]);

  /* A glint that slides across a shiny surface as the phone moves, and
   * flares and fades with the angle.
   */
  glare_x = self->glare_x + self->glare_k * dx;
  glare_y = self->glare_y + self->glare_k * dy * 0.7;
  glare_level = p->glare ? self->glare_peak * (0.55 + 0.45 * sin (dx * 1.3 + dy * 0.9)) : 0.0;

  /* Scene radiance: the room, moved by the drift … */
  for (int y = 0; y < h; y++)
    {
      int wy = CLAMP (y + self->margin + iy, 0, self->wh - 2);

      for (int x = 0; x < w; x++)
        {
          int wx = CLAMP (x + self->margin + ix, 0, self->ww - 2);
          const float *a = &self->world[((gsize) wy * self->ww + wx) * 3];
          const float *b = a + (gsize) self->ww * 3;
          float *out = &self->frame[((gsize) y * w + x) * 3];

          for (int c = 0; c < 3; c++)
            out[c] = (1 - fy) * ((1 - fx) * a[c] + fx * a[c + 3]) + fy * ((1 - fx) * b[c] + fx * b[c + 3]);
        }
    }

  /* … plus the LEDs' light, near each LED only … */
  for (guint i = 0; i < self->n_leds; i++)
    {
      double d = MAX (p->led_diameter_px, 1.5);
      double cx = self->led[i].x - self->margin - dx, cy = self->led[i].y - self->margin - dy;
      int reach = (int) ceil (6 * d);

      if (emit[i][0] + emit[i][1] + emit[i][2] == 0)
        continue;

      for (int y = MAX (0, (int) cy - reach); y < MIN (h, (int) cy + reach + 1); y++)
        for (int x = MAX (0, (int) cx - reach); x < MIN (w, (int) cx + reach + 1); x++)
          {
            double rx = x - cx, ry = y - cy, r2 = rx * rx + ry * ry;
            int wx = CLAMP (x + self->margin + ix, 0, self->ww - 1);
            int wy = CLAMP (y + self->margin + iy, 0, self->wh - 1);
            double spill = self->spill[(gsize) wy * self->ww + wx];
            float *out = &self->frame[((gsize) y * w + x) * 3];
            double profile;

            if (p->frosted)
              {
                /* The window glows evenly, brightest in the middle. */
                double r = sqrt (r2), radius = d / 2;
                profile = 0.35 * smoothstep_edge (r - radius, 0.7) +
                          0.45 * exp (-r2 / (2 * (radius * 0.45) * (radius * 0.45)));
              }
            else
              {
                double sc = d / 3.0;
                profile = exp (-r2 / (2 * sc * sc));
              }
            /* Bloom in the lens, and light falling on the housing. */
            profile += 0.06 * exp (-r2 / (2 * (d * 1.3) * (d * 1.3)));
            profile += 0.22 * spill * exp (-r2 / (2 * (d * 2.4) * (d * 2.4)));

            for (int c = 0; c < 3; c++)
              out[c] += p->led_intensity * emit[i][c] * profile;
          }
    }

  /* … and the glint. */
  if (glare_level > 0)
    {
      double cx = glare_x - self->margin - dx, cy = glare_y - self->margin - dy;
      int reach = (int) ceil (8 * self->glare_size);

      for (int y = MAX (0, (int) cy - reach); y < MIN (h, (int) cy + reach + 1); y++)
        for (int x = MAX (0, (int) cx - reach); x < MIN (w, (int) cx + reach + 1); x++)
          {
            double gx = x - cx, gy = y - cy;
            double g2 = (gx * gx) / 1.8 + gy * gy;
            float *out = &self->frame[((gsize) y * w + x) * 3];

            for (int c = 0; c < 3; c++)
              out[c] += glare_level * p->tint[c] * exp (-g2 / (2 * self->glare_size * self->glare_size));
          }
    }

  /* The camera: exposure, white balance, tone curve, noise. */
  noise_state = hash32 (p->seed * 2654435761U + index);
  for (gsize i = 0; i < (gsize) w * h; i++)
    for (int c = 0; c < 3; c++)
      {
        double v = self->frame[i * 3 + c] * gain * wb[c];
        int slot = (int) (v * (TONE_SLOTS / TONE_RANGE));
        double n;
        guint32 r1, r2;

        v = tone_table[CLAMP (slot, 0, TONE_SLOTS - 1)];
        noise_state = hash32 (noise_state + (guint32) i * 3 + c);
        r1 = noise_state & 0xffff;
        r2 = noise_state >> 16;
        /* Sum of two uniforms: cheap, roughly bell-shaped. */
        n = ((r1 + r2) / 65536.0 - 1.0) * 1.7 * p->noise * (0.6 + v / 320.0);
        self->rgb8[i * 3 + c] = to_byte (v + n);
      }

  /* BT.601 limited range, chroma averaged over 2×2, then compression. */
  y_plane = i420;
  u_plane = i420 + (gsize) w * h;
  v_plane = u_plane + (gsize) (w / 2) * (h / 2);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guint8 *px = &self->rgb8[((gsize) y * w + x) * 3];
        y_plane[(gsize) y * w + x] = to_byte (16 + (65.481 * px[0] + 128.553 * px[1] + 24.966 * px[2]) / 255);
      }
  for (int y = 0; y < h / 2; y++)
    for (int x = 0; x < w / 2; x++)
      {
        double r = 0, g = 0, b = 0;

        for (int k = 0; k < 4; k++)
          {
            const guint8 *px = &self->rgb8[((gsize) (2 * y + k / 2) * w + 2 * x + k % 2) * 3];
            r += px[0] / 4.0;
            g += px[1] / 4.0;
            b += px[2] / 4.0;
          }
        u_plane[(gsize) y * (w / 2) + x] = to_byte (128 + (-37.797 * r - 74.203 * g + 112.0 * b) / 255);
        v_plane[(gsize) y * (w / 2) + x] = to_byte (128 + (112.0 * r - 93.786 * g - 18.214 * b) / 255);
      }

  if (p->quality > 0)
    {
      compress_plane (y_plane, w, h, w, self->qy);
      compress_plane (u_plane, w / 2, h / 2, w / 2, self->qc);
      compress_plane (v_plane, w / 2, h / 2, w / 2, self->qc);
    }

  pts = (gint64) llround (t * 1e9);
  if (p->jitter_ms > 0)
    pts += (gint64) (((hash32 (p->seed ^ (index * 747796405U)) & 0xffff) / 32768.0 - 1.0) * p->jitter_ms * 1e6);
  return MAX (pts, 0);
}
