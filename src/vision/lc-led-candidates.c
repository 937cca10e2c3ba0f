/* lc-led-candidates.c — the detector's candidates: local maxima of the peak-hold that stand out
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A candidate is a cell of the peak-hold brighter than a ring around it,
 * scored higher when it swings: a blinking light stays a candidate through
 * its dark phases.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lc-led-detector-private.h"

/* Candidates */

/* Ring offsets at the candidate radii, in pooled cells, and then at two
 * wider radii for a glow that clips past them (see ring_contrast()).
 */
static const int ring_radii[] = { 2, 3, 5, 8 };
#define N_RING_RADII G_N_ELEMENTS (ring_radii)
#define MAX_RING_RADIUS 8
static const signed char ring_offsets[N_RING_RADII + 2][8][2] = {
  { { 2, 0 }, { 1, 1 }, { 0, 2 }, { -1, 1 }, { -2, 0 }, { -1, -1 }, { 0, -2 }, { 1, -1 } },
  { { 3, 0 }, { 2, 2 }, { 0, 3 }, { -2, 2 }, { -3, 0 }, { -2, -2 }, { 0, -3 }, { 2, -2 } },
  { { 5, 0 }, { 4, 4 }, { 0, 5 }, { -4, 4 }, { -5, 0 }, { -4, -4 }, { 0, -5 }, { 4, -4 } },
  { { 8, 0 }, { 6, 6 }, { 0, 8 }, { -6, 6 }, { -8, 0 }, { -6, -6 }, { 0, -8 }, { 6, -6 } },
  { { 12, 0 }, { 8, 8 }, { 0, 12 }, { -8, 8 }, { -12, 0 }, { -8, -8 }, { 0, -12 }, { 8, -8 } },
  { { 16, 0 }, { 11, 11 }, { 0, 16 }, { -11, 11 }, { -16, 0 }, { -11, -11 }, { 0, -16 }, { 11, -11 } },
};

/* The rings as steps in the maps, for the current map width. */
void
lc_led_candidates_setup (LcLedDetector *self)
{
  for (guint k = 0; k < N_RING_RADII; k++)
    {
      for (guint i = 0; i < 8; i++)
        self->ring_offset[k][i] = (gssize) ring_offsets[k][i][1] * self->mw + ring_offsets[k][i][0];
    }
}

/* Where a candidate is, in full-resolution pixels. A light whose core
 * clips (in its brightest channel, often far into its glow) is a plateau
 * in the maps, not a peak, and the first of its cells in scan order, which
 * the local-maximum test picks, is its edge: its centre is the centroid of
 * the cells nearby at its level or brighter, which also gathers the
 * ragged fragments of a clipped glow onto its core. But a light that
 * changes beside something steady and brighter (glare on a glossy
 * housing) is where it is, not at the glare's centre.
 */
static void
plateau_centre (const LcLedDetector *self,
                int                  x,
                int                  y,
                float                h,
                double              *out_x,
                double              *out_y)
{
  double sx = 0.0, sy = 0.0;
  guint n = 0;

  for (int dy = -PLATEAU_REACH; dy <= PLATEAU_REACH; dy++)
    {
      int yy = y + dy;

      if (yy < 0 || yy >= self->mh)
        continue;
      for (int dx = -PLATEAU_REACH; dx <= PLATEAU_REACH; dx++)
        {
          int xx = x + dx;

          if (xx < 0 || xx >= self->mw || self->hi[(gsize) yy * self->mw + xx] < h - PLATEAU_TOLERANCE)
            continue;
          sx += xx;
          sy += yy;
          n++;
        }
    }

  if (n > 1)
    {
      gsize i = (gsize) y * self->mw + x;
      gsize o = (gsize) lround (sy / n) * self->mw + lround (sx / n);
      float swing = self->hi[i] - self->lo[i];

      if (lc_led_cell_changes (self, i) && self->hi[o] - self->lo[o] < STEADY_SWING_SHARE * swing)
        {
          sx = x;
          sy = y;
          n = 1;
        }
    }

  /* The candidate's own cell is always counted: n >= 1. */
  *out_x = (sx / n + 0.5) * self->pool;
  *out_y = (sy / n + 0.5) * self->pool;
}

#define SWAP_IF(a, b) G_STMT_START { if (v[a] > v[b]) { float tmp_ = v[a]; v[a] = v[b]; v[b] = tmp_; } } G_STMT_END

/* Median of eight: a sorting network (19 compare-exchanges). */
static inline float
median8 (float v[8])
{
  SWAP_IF (0, 2); SWAP_IF (1, 3); SWAP_IF (4, 6); SWAP_IF (5, 7);
  SWAP_IF (0, 4); SWAP_IF (1, 5); SWAP_IF (2, 6); SWAP_IF (3, 7);
  SWAP_IF (0, 1); SWAP_IF (2, 3); SWAP_IF (4, 5); SWAP_IF (6, 7);
  SWAP_IF (2, 4); SWAP_IF (3, 5);
  SWAP_IF (1, 4); SWAP_IF (3, 6);
  SWAP_IF (1, 2); SWAP_IF (3, 4); SWAP_IF (5, 6);

  return 0.5f * (v[3] + v[4]);
}

#undef SWAP_IF

/* Peak-hold brightness of a ring around (@x, @y): its median, and its
 * minimum (a cheap bound: the median is never below it).
 */
static inline void
ring_values (const float *map,
             int          mw,
             int          mh,
             int          x,
             int          y,
             guint        k,
             float        v[8],
             float       *out_min)
{
  float mn = G_MAXFLOAT;

  for (guint i = 0; i < 8; i++)
    {
      int rx = CLAMP (x + ring_offsets[k][i][0], 0, mw - 1);
      int ry = CLAMP (y + ring_offsets[k][i][1], 0, mh - 1);

      v[i] = map[(gsize) ry * mw + rx];
      mn = MIN (mn, v[i]);
    }

  *out_min = mn;
}

double
lc_led_contrast_floor (const LcLedDetector *self)
{
  return MAX (14.0, 5.0 * self->noise);
}

/* Whether every ring around cells @x0 to @x1 of row @y lies inside the
 * maps, so they can be read through self->ring_offset unclamped.
 */
static inline gboolean
rings_inside (const LcLedDetector *self,
              int                  x0,
              int                  x1,
              int                  y)
{
  return x0 >= MAX_RING_RADIUS && y >= MAX_RING_RADIUS &&
         x1 + MAX_RING_RADIUS < self->mw && y + MAX_RING_RADIUS < self->mh;
}

/* The contrast of the local maximum @h at cell @x, @y of the peak-hold over
 * the rings around it: the best over the ring radii of its height over the
 * ring's median, a larger ring winning only by 15 %. Its radius in @out_r.
 */
static inline float
ring_contrast (LcLedDetector *self,
               const float   *row,
               int            x,
               int            y,
               float          h,
               float          floor_c,
               int           *out_r)
{
  int mw = self->mw, mh = self->mh;
  float best_c = 0.0f;
  int best_r = ring_radii[0];

  for (guint k = 0; k < N_RING_RADII; k++)
    {
      float ring[8], ring_min, cr;

      if (rings_inside (self, x, x, y))
        {
          const float *centre = row + x;

          ring_min = G_MAXFLOAT;
          for (guint i = 0; i < 8; i++)
            {
              ring[i] = centre[self->ring_offset[k][i]];
              ring_min = MIN (ring_min, ring[i]);
            }
        }
      else
        ring_values (self->hi, mw, mh, x, y, k, ring, &ring_min);
      if (h - ring_min < floor_c)
        continue;
      cr = h - median8 (ring);
      if (cr > best_c * 1.15f)
        {
          best_c = cr;
          best_r = ring_radii[k];
        }
    }

  /* A light that clips in its own colour far into its glow (on a pale
   * housing, behind a frosted window) barely stands out of the largest
   * ring, which is still inside its glow: it stands out of wider ones. Its
   * size stays the largest ring's: the glow is not the light.
   */
  if (best_r == MAX_RING_RADIUS && best_c >= floor_c && best_c < WIDE_MAX_CONTRAST * floor_c &&
      h * self->gain >= CORE_CLIPPED)
    {
      for (guint k = N_RING_RADII; k < G_N_ELEMENTS (ring_offsets); k++)
        {
          float ring[8], ring_min;

          ring_values (self->hi, mw, mh, x, y, k, ring, &ring_min);
          best_c = MAX (best_c, h - median8 (ring));
        }
    }

  *out_r = best_r;
  return best_c;
}

#ifdef __SSE2__
/* Which of the four cells at @centre may pass ring_contrast(): those that
 * stand @floor_c over at least four of the eight points of some ring,
 * which a ring's median (the mean of its 4th and 5th smallest) needs. A
 * necessary test, so it changes no result; it spares the scalar rings and
 * their medians for most local maxima of noise and texture.
 */
static inline __m128
may_stand_out (const LcLedDetector *self,
               const float         *centre,
               __m128               hv,
               float                floor_c)
{
  __m128 fc = _mm_set1_ps (floor_c);
  __m128i any = _mm_setzero_si128 ();

  for (guint k = 0; k < N_RING_RADII; k++)
    {
      __m128i votes = _mm_setzero_si128 ();

      for (guint i = 0; i < 8; i++)
        {
          __m128 ring = _mm_loadu_ps (centre + self->ring_offset[k][i]);
          __m128 over = _mm_cmpge_ps (_mm_sub_ps (hv, ring), fc);

          /* A true lane is -1: subtracting it counts a vote. */
          votes = _mm_sub_epi32 (votes, _mm_castps_si128 (over));
        }
      any = _mm_or_si128 (any, _mm_cmpgt_epi32 (votes, _mm_set1_epi32 (3)));
    }

  return _mm_castsi128_ps (any);
}
#endif

/* Keeps the best MAX_CANDIDATES of @n in @out, sorted by score; returns how
 * many there are with @c.
 */
static inline guint
keep_candidate (Candidate       *out,
                guint            n,
                const Candidate *c)
{
  guint pos;

  if (n == MAX_CANDIDATES && c->score <= out[n - 1].score)
    return n;
  pos = MIN (n, MAX_CANDIDATES - 1);
  while (pos > 0 && out[pos - 1].score < c->score)
    {
      if (pos < MAX_CANDIDATES)
        out[pos] = out[pos - 1];
      pos--;
    }
  out[pos] = *c;

  return n < MAX_CANDIDATES ? n + 1 : n;
}

/* With @rising_only, only cells that brightened by the contrast floor
 * since the last frame are looked at: lights coming on.
 */
guint
lc_led_find_candidates (LcLedDetector *self,
                        gboolean       rising_only,
                        Candidate     *out)
{
  guint n = 0;
  int mw = self->mw, mh = self->mh;
  float floor_c = (float) lc_led_contrast_floor (self);

  /* The border row and column are never candidates: it keeps the 3×3
   * test free of bounds checks.
   */
  for (int y = 1; y + 1 < mh; y++)
    {
#ifdef __SSE2__
      int lanes = 0xf;
#endif
      const float *row = self->hi + (gsize) y * mw;
      const float *up = row - mw, *down = row + mw;
      const float *cur = self->cur + (gsize) y * mw, *prev = self->prev + (gsize) y * mw;

      for (int x = 1; x + 1 < mw; x++)
        {
          float h, best_c;
          int best_r;
          Candidate c;

#ifdef __SSE2__
          /* Four cells at once: skip them all when none is a local maximum
           * that may stand out of a ring; @lanes keeps which may.
           */
          if ((x - 1) % 4 == 0)
            {
              lanes = 0xf;
              if (x + 4 < mw)
                {
                  __m128 hv = _mm_loadu_ps (row + x);
                  __m128 ok = _mm_cmpge_ps (hv, _mm_set1_ps (floor_c));

                  ok = _mm_and_ps (ok, _mm_cmpgt_ps (hv, _mm_loadu_ps (row + x - 1)));
                  ok = _mm_and_ps (ok, _mm_cmpge_ps (hv, _mm_loadu_ps (row + x + 1)));
                  ok = _mm_and_ps (ok, _mm_cmpgt_ps (hv, _mm_loadu_ps (up + x - 1)));
                  ok = _mm_and_ps (ok, _mm_cmpgt_ps (hv, _mm_loadu_ps (up + x)));
                  ok = _mm_and_ps (ok, _mm_cmpgt_ps (hv, _mm_loadu_ps (up + x + 1)));
                  ok = _mm_and_ps (ok, _mm_cmpge_ps (hv, _mm_loadu_ps (down + x - 1)));
                  ok = _mm_and_ps (ok, _mm_cmpge_ps (hv, _mm_loadu_ps (down + x)));
                  ok = _mm_and_ps (ok, _mm_cmpge_ps (hv, _mm_loadu_ps (down + x + 1)));
                  if (rising_only)
                    ok = _mm_and_ps (ok, _mm_cmpge_ps (_mm_sub_ps (_mm_loadu_ps (cur + x), _mm_loadu_ps (prev + x)),
                                                       _mm_set1_ps (floor_c)));
                  if (_mm_movemask_ps (ok) != 0 && rings_inside (self, x, x + 3, y))
                    ok = _mm_and_ps (ok, may_stand_out (self, row + x, hv, floor_c));
                  lanes = _mm_movemask_ps (ok);
                  if (lanes == 0)
                    {
                      x += 3;
                      continue;
                    }
                }
            }
          if (!(lanes & (1 << ((x - 1) % 4))))
            continue;
#endif

          /* Local maximum; ties go to the first cell in scan order. */
          h = row[x];
          if (h < floor_c || h <= row[x - 1] || h < row[x + 1])
            continue;
          if (h <= up[x - 1] || h <= up[x] || h <= up[x + 1] ||
              h < down[x - 1] || h < down[x] || h < down[x + 1])
            continue;
          if (rising_only && cur[x] - prev[x] < floor_c)
            continue;

          best_c = ring_contrast (self, row, x, y, h, floor_c, &best_r);
          if (best_c < floor_c)
            continue;

          c.swing = h - self->lo[(gsize) y * mw + x];
          c.score = best_c * (1.0 + 2.0 * MIN (1.0, c.swing / MAX (h, 1.0f)));
          /* Not among the best: spare the plateau walk below. */
          if (n == MAX_CANDIDATES && c.score <= out[n - 1].score)
            continue;
          c.mx = x;
          c.my = y;
          plateau_centre (self, x, y, h, &c.x, &c.y);
          c.contrast = best_c;
          c.radius = MAX (1.0, 0.5 * best_r * self->pool);

          n = keep_candidate (out, n, &c);
        }
    }

  return n;
}

/* Tracking */

/* Whether cell @i changes: its trough is below its peak hold by
 * OWN_SWING_SHARE of it, as under a light that blinks or fades.
 */
gboolean
lc_led_cell_changes (const LcLedDetector *self,
                     gsize                i)
{
  return self->hi[i] - self->lo[i] >= OWN_SWING_SHARE * self->hi[i];
}

/* Whether cell @i was near its dark level a frame ago and is near its lit
 * level now, between the levels the maps hold for it.
 */
gboolean
lc_led_cell_came_on (const LcLedDetector *self,
                     gsize                i)
{
  double swing = self->hi[i] - self->lo[i];

  return self->prev[i] <= self->lo[i] + 0.3 * swing && self->cur[i] >= self->lo[i] + 0.7 * swing;
}

/* How long cell @i had been dark when it lit up this frame, at least. The
 * peak hold decays toward the dark value with HOLD_TAU_S, so what is left
 * of the lit level in it tells how long ago the cell was last lit (as
 * brightly as now); noise keeps a little in it, which only shortens the
 * answer.
 */
double
lc_led_dark_before (const LcLedDetector *self,
                    gsize                i)
{
  double lit = self->cur[i] - self->prev[i];
  double left = self->hi_before[i] - self->prev[i];
  double since_start = (self->last_pts - self->first_pts) / NS_PER_S;
  double t;

  if (lit <= 0.0)
    return 0.0;
  t = HOLD_TAU_S * log (lit / MAX (left, MAX (3.0 * self->noise, 2.0)));

  return CLAMP (t, 0.0, since_start);
}
