/* lc-led-tracks.c — the detector's tracks: candidates followed over time and measured
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Candidates feed tracks (nearest neighbour with a gate); each track is
 * measured at full resolution in a small window: core over ring, position,
 * size, colour of the halo, the whole disc and the core's whiteness.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lc-led-detector-private.h"

/* Tracks */

/* No status light is bigger than this (a lamp or a screen is). */
double
lc_led_max_radius (const LcLedDetector *self)
{
  return MAX (6.0, 0.045 * self->width);
}

Track *
lc_led_track_new (LcLedDetector *self,
                  double         cx,
                  double         cy,
                  double         radius,
                  gint64         now)
{
  Track *t = g_new0 (Track, 1);

  t->id = ++self->next_id;
  t->cx = t->ax = cx;
  t->cy = t->ay = cy;
  t->radius = t->cand_radius = t->core_radius = radius;
  t->compactness = 1.0;
  t->bg = t->bg_far = -1.0;
  t->born_ns = now;
  t->last_match_ns = now;
  t->stable_since = now;
  t->last_edge_ns = -1;
  t->active_since = -1;
  t->answered_ns = -1;

  return t;
}

const Sample *
lc_led_track_sample (const Track *t,
                     guint        i)   /* 0 = oldest */
{
  return &t->samples[i];
}

void
lc_led_track_push (Track        *t,
                   const Sample *s)
{
  /* Kept in one piece so that windows are plain arrays. */
  if (t->len == HISTORY_SIZE)
    {
      memmove (t->samples, t->samples + HISTORY_SIZE / 2, sizeof (Sample) * (HISTORY_SIZE / 2));
      t->len = HISTORY_SIZE / 2;
    }
  t->samples[t->len++] = *s;
}

void
lc_led_remove_track (LcLedDetector *self,
                     guint          index)
{
  g_free (self->tracks[index]);
  self->tracks[index] = self->tracks[--self->n_tracks];
  self->tracks[self->n_tracks] = NULL;
}

double
lc_led_track_distance (const Track *t,
                       double       x,
                       double       y)
{
  return hypot (t->cx - x, t->cy - y);
}

/* Whether @t's reading shows @color. */
gboolean
lc_led_track_shows_color (const Track *t,
                          LcColor      color)
{
  for (guint i = 0; i < t->key.n_colors; i++)
    {
      if (t->key.colors[i] == color)
        return TRUE;
    }

  return FALSE;
}

/* How big @t is as a light: for one whose core clips, the part that goes
 * white, not the glow that clips in its own colour around it.
 */
double
lc_led_track_size (const Track *t)
{
  return MIN (t->radius, t->core_radius);
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* One pixel of the disc a track is measured in. */
typedef struct
{
  int    rgb[3];
  gint16 x, y;
  gint16 v;          /* brightness: max (R, G, B), or luma for grey frames */
} DiscPixel;

/* The most points a disc holds. It is read every pixel below a radius of
 * 20, every other pixel below 30 and so on (see lc_led_measure_track()):
 * never more than this, so a disc is always read whole.
 */
#define DISC_PIXELS 1280

/* Brightness of a pixel already read: max (R, G, B), as
 * lc_led_pixel_value() gives it, without reading it again.
 */
static inline int
rgb_value (LcPixelFormat format,
           const int     rgb[3])
{
  return format == LC_PIXEL_FORMAT_GRAY8 ? rgb[0] : MAX (MAX (rgb[0], rgb[1]), rgb[2]);
}

/* The weakest of a pixel's channels: it rises only where a light is
 * bright enough to go white.
 */
static inline int
weakest_channel (const int rgb[3])
{
  return MIN (MIN (rgb[0], rgb[1]), rgb[2]);
}

/* Whether pixel @x, @y is nearer the light @beside (if any) than @t: it
 * is that light's to measure, not @t's.
 */
static inline gboolean
on_its_side (const Track *beside,
             const Track *t,
             int          x,
             int          y)
{
  double bx, by, tx, ty;

  if (beside == NULL)
    return FALSE;

  /* Squared distances: this is asked of every pixel of the disc. */
  bx = x + 0.5 - beside->cx;
  by = y + 0.5 - beside->cy;
  tx = x + 0.5 - t->cx;
  ty = y + 0.5 - t->cy;

  return bx * bx + by * by < tx * tx + ty * ty;
}

/* The background around a track, from a ring of samples outside it. */
typedef struct
{
  int    bg;         /* median brightness */
  int    q75;        /* upper quartile: a ring lit on one side is an edge */
  double rgb[3];     /* colour: the samples no brighter than the median */
} Ring;

/* FALSE when the ring is too close to the edge of the frame to tell the
 * background. @by_angle gets each point's brightness, -1 outside the frame.
 */
static gboolean
measure_ring (LcLedDetector *self,
              const LcFrame *frame,
              const Track   *t,
              const Track   *beside,
              double         r_ring,
              Ring          *ring,
              gint16         by_angle[RING_POINTS])
{
  int ring_v[RING_POINTS], sorted[RING_POINTS];
  int ring_rgb[RING_POINTS][3];
  guint n_ring = 0, n_bg = 0, n_theirs = 0;

  for (guint i = 0; i < RING_POINTS; i++)
    {
      double a = 2.0 * G_PI * i / RING_POINTS;
      int x = (int) lround (t->cx + r_ring * cos (a));
      int y = (int) lround (t->cy + r_ring * sin (a));

      by_angle[i] = -1;
      if (x < 0 || y < 0 || x >= self->width || y >= self->height)
        continue;
      if (on_its_side (beside, t, x, y))
        {
          n_theirs++;
          continue;
        }
      lc_led_pixel_rgb (frame, x, y, ring_rgb[n_ring]);
      ring_v[n_ring] = rgb_value (frame->format, ring_rgb[n_ring]);
      by_angle[i] = (gint16) ring_v[n_ring];
      n_ring++;
    }
  /* The points on the side of a light beside it are that light's, not
   * outside the frame.
   */
  if (n_ring + n_theirs < RING_POINTS * 2 / 3 || n_ring < RING_POINTS / 3)
    return FALSE;

  memcpy (sorted, ring_v, n_ring * sizeof (int));
  qsort (sorted, n_ring, sizeof (int), compare_int);
  ring->bg = sorted[n_ring / 2];
  ring->q75 = sorted[n_ring * 3 / 4];

  ring->rgb[0] = ring->rgb[1] = ring->rgb[2] = 0.0;
  for (guint i = 0; i < n_ring; i++)
    {
      if (ring_v[i] <= ring->bg)
        {
          for (guint c = 0; c < 3; c++)
            ring->rgb[c] += ring_rgb[i][c];
          n_bg++;
        }
    }
  for (guint c = 0; c < 3; c++)
    ring->rgb[c] /= MAX (n_bg, 1u);

  return TRUE;
}

/* The index of the cell of the maps under @t's centre. */
static gsize
track_cell (const LcLedDetector *self,
            const Track         *t)
{
  int x = CLAMP ((int) (t->cx / self->pool), 0, self->mw - 1);
  int y = CLAMP ((int) (t->cy / self->pool), 0, self->mh - 1);

  return (gsize) y * self->mw + x;
}

/* Reads the pixels of the disc of radius @r_in around @t, every @step, into
 * @disc, counting their brightness in @hist; returns how many. Each pixel is
 * read once, for every pass after.
 *
 * Around a light that changes, what never went nearly as dark as the light
 * does (glare on a glossy housing, a pale wall, the glow of a steady light
 * beside it) is left out: while the light is dark, it would be the
 * brightest thing in the disc, and the light would seem never to go out.
 */
static guint
read_disc (LcLedDetector *self,
           const LcFrame *frame,
           const Track   *t,
           const Track   *beside,
           double         r_in,
           int            step,
           DiscPixel      disc[DISC_PIXELS],
           guint          hist[256])
{
  gsize own = track_cell (self, t);
  float swing = self->hi[own] - self->lo[own];
  float steady_floor = G_MAXFLOAT;
  int x0 = MAX (0, (int) floor (t->cx - r_in));
  int x1 = MIN (self->width - 1, (int) ceil (t->cx + r_in));
  int y0 = MAX (0, (int) floor (t->cy - r_in));
  int y1 = MIN (self->height - 1, (int) ceil (t->cy + r_in));
  guint n_in = 0;

  if (swing >= lc_led_contrast_floor (self) && lc_led_cell_changes (self, own))
    steady_floor = self->lo[own] + STEADY_FLOOR_SHARE * swing;

  memset (hist, 0, 256 * sizeof (guint));
  for (int y = y0; y <= y1; y += step)
    {
      for (int x = x0; x <= x1 && n_in < DISC_PIXELS; x += step)
        {
          double dx = x + 0.5 - t->cx, dy = y + 0.5 - t->cy;
          DiscPixel *p = &disc[n_in];

          if (dx * dx + dy * dy > r_in * r_in || on_its_side (beside, t, x, y) ||
              self->lo[(gsize) (y / self->pool) * self->mw + x / self->pool] > steady_floor)
            continue;
          lc_led_pixel_rgb (frame, x, y, p->rgb);
          p->x = (gint16) x;
          p->y = (gint16) y;
          p->v = (gint16) rgb_value (frame->format, p->rgb);
          hist[p->v]++;
          n_in++;
        }
    }

  return n_in;
}

/* Counts the brightness of the pixels of @disc within @r_core of @t's
 * centre in @hist; returns how many.
 */
static guint
core_histogram (const DiscPixel *disc,
                guint            n_in,
                const Track     *t,
                double           r_core,
                guint            hist[256])
{
  guint n = 0;

  memset (hist, 0, 256 * sizeof (guint));
  for (guint i = 0; i < n_in; i++)
    {
      if (lc_led_track_distance (t, disc[i].x + 0.5, disc[i].y + 0.5) <= r_core)
        {
          hist[disc[i].v]++;
          n++;
        }
    }

  return n;
}

/* The core: mean of the @k brightest pixels; the brightest in @out_top. */
static double
core_level (const guint hist[256],
            int         k,
            int        *out_top)
{
  double top_sum = 0.0;
  guint acc = 0;
  int top = 0;

  for (int v = 255; v >= 0 && acc < (guint) k; v--)
    {
      guint take = MIN (hist[v], (guint) k - acc);

      if (top == 0 && hist[v] > 0)
        top = v;
      top_sum += (double) take * v;
      acc += take;
    }

  *out_top = top;
  return top_sum / MAX (acc, 1u);
}

/* Lit pixels: position, size and colour (what they add to @base), and
 * what the whole disc and the core hold.
 */
static void
measure_lit_pixels (const LcFrame   *frame,
                    const DiscPixel *disc,
                    guint            n_in,
                    int              step,
                    const Ring      *ring,
                    const double     base[3],
                    int              top,
                    Measurement     *m)
{
  int bg = ring->bg;
  double half = bg + 0.5 * (top - bg);
  /* A clipped core has no colour; the faint edge of its glow has the most,
   * so take the colour from further out.
   */
  double colour_floor = bg + (top >= CLIP_LEVEL ? CLIPPED_COLOUR_FLOOR : 0.25) * (top - bg);
  double core_floor = m->top - 0.5 * (m->top - bg);
  double sw = 0.0, sx = 0.0, sy = 0.0, rgb_sum[3] = { 0, 0, 0 };
  double disc_sum[3] = { 0, 0, 0 }, white_sum = 0.0, core_sum[3] = { 0, 0, 0 };
  guint n_half = 0, n_colour = 0, n_disc = 0, n_core = 0;

  for (guint i = 0; i < n_in; i++)
    {
      const int *rgb = disc[i].rgb;
      int x = disc[i].x, y = disc[i].y, v = disc[i].v;

      for (guint c = 0; c < 3; c++)
        disc_sum[c] += rgb[c];
      n_disc++;
      if (v >= core_floor)
        {
          white_sum += (rgb[0] + rgb[1] + rgb[2]) / 3.0;
          for (guint c = 0; c < 3; c++)
            core_sum[c] += rgb[c];
          n_core++;
        }

      if (top - bg < 6)
        continue;

      if (v >= half)
        {
          double w = v - half + 1.0;

          sw += w;
          sx += w * (x + 0.5);
          sy += w * (y + 0.5);
          n_half++;
        }

      if (v >= colour_floor && rgb[0] < CLIP_LEVEL && rgb[1] < CLIP_LEVEL && rgb[2] < CLIP_LEVEL)
        {
          for (guint c = 0; c < 3; c++)
            rgb_sum[c] += rgb[c] - base[c];
          n_colour++;
        }
    }

  for (guint c = 0; c < 3; c++)
    m->disc[c] = (float) (disc_sum[c] / MAX (n_disc, 1u));
  m->white = white_sum / MAX (n_core, 1u);
  m->dip = G_MAXDOUBLE;
  for (guint c = 0; c < 3; c++)
    m->dip = MIN (m->dip, core_sum[c] / MAX (n_core, 1u) - ring->rgb[c]);

  if (sw > 0.0)
    {
      m->cx = sx / sw;
      m->cy = sy / sw;
      m->centred = TRUE;
      m->radius = sqrt (n_half * step * step / G_PI);
      m->core_radius = m->radius;
    }

  /* A core that clips in its brightest channel clips far into its glow
   * there; its weakest channel rises only where the light is so bright
   * that it goes white: the half-bright area of that is the light's size.
   */
  if (top >= CLIP_LEVEL && frame->format != LC_PIXEL_FORMAT_GRAY8)
    {
      double bg_min = MIN (MIN (ring->rgb[0], ring->rgb[1]), ring->rgb[2]), top_min = 0.0, half_min;
      guint n_half_min = 0;

      for (guint i = 0; i < n_in; i++)
        top_min = MAX (top_min, weakest_channel (disc[i].rgb));
      half_min = bg_min + 0.5 * (top_min - bg_min);
      for (guint i = 0; i < n_in; i++)
        n_half_min += weakest_channel (disc[i].rgb) >= half_min;
      if (top_min - bg_min >= CORE_MIN_RISE)
        m->core_radius = MIN (m->radius, sqrt (n_half_min * step * step / G_PI));
    }

  if (n_colour > 0 && frame->format != LC_PIXEL_FORMAT_GRAY8)
    {
      for (guint c = 0; c < 3; c++)
        m->rgb[c] = (float) (rgb_sum[c] / n_colour);
      m->has_color = TRUE;
    }
}

/* A blinking light seen beside something bright and steady (a glossy
 * stripe on its housing, the wall past a small housing) has a ring lit on
 * one side, as the edge of a bright thing does. But that side was just as
 * bright while the light was off, and stayed as it was while the core
 * lit up: it is not the light's own, so it counts as background. The edge
 * of a bright thing that a shaking hand moves, or the glow of a light whose
 * fragment this is, changes with it; a pale window far brighter than the
 * spot beside it outshines it.
 */
static gboolean
compact_beside_steady (const Track       *t,
                       const Measurement *m,
                       int                bg,
                       double             bright)
{
  int v[RING_POINTS];
  guint n = 0;
  double rise = m->top - t->dark_top;

  if (!t->binary || !t->has_dark_ring || fabs (m->r_ring - t->dark_ring_r) > 1.0 || rise <= 0.0)
    return FALSE;

  for (guint i = 0; i < RING_POINTS; i++)
    {
      gboolean steady;

      if (m->ring[i] < 0 || t->dark_ring[i] < 0)
        continue;
      steady = m->ring[i] >= bright && t->dark_ring[i] >= bright &&
               abs (m->ring[i] - t->dark_ring[i]) <= STEADY_MAX_CHANGE * rise &&
               m->ring[i] <= STEADY_MAX_OVER_CORE * m->top;
      v[n++] = steady ? bg : m->ring[i];
    }
  if (n < RING_POINTS * 2 / 3)
    return FALSE;

  qsort (v, n, sizeof (int), compare_int);

  return v[n * 3 / 4] < bright;
}

/* A clipped core may light its surroundings far past its ring (a frosted
 * window on a pale housing): reads a ring SURROUND_RING_RATIO times
 * farther out, and what @ring has more of than it.
 */
static void
measure_surround (LcLedDetector *self,
                  const LcFrame *frame,
                  const Track   *t,
                  const Track   *beside,
                  const Ring    *ring,
                  Measurement   *m)
{
  gint16 by_angle[RING_POINTS];
  Ring far;

  if (!measure_ring (self, frame, t, beside, SURROUND_RING_RATIO * m->r_ring, &far, by_angle))
    return;

  m->has_far = TRUE;
  m->bg_far = far.bg;
  for (guint c = 0; c < 3; c++)
    m->glow_rgb[c] = ring->rgb[c] - far.rgb[c];
}

void
lc_led_measure_track (LcLedDetector *self,
                      const LcFrame *frame,
                      const Track   *t,
                      double         limit,
                      const Track   *beside,
                      Measurement   *m)
{
  guint hist[256];
  DiscPixel disc[DISC_PIXELS];
  Ring ring;
  double base[3];
  double r_in = CLAMP (MAX (2.5, 1.6 * t->radius + 1.0), 2.5, MAX (4.0, 0.06 * self->width));
  double r_ring, bright;
  int step, k, top;
  guint n_in;

  memset (m, 0, sizeof *m);

  /* Stay clear of a neighbouring light, but never inside our own. */
  if (limit > 0.0)
    r_in = MIN (r_in, MAX (t->radius + 1.5, limit));
  r_ring = r_in + MAX (2.0, 0.6 * r_in);
  step = MAX (1, (int) (r_in / 10.0));

  m->r_ring = r_ring;
  if (!measure_ring (self, frame, t, beside, r_ring, &ring, m->ring))
    return;

  n_in = read_disc (self, frame, t, beside, r_in, step, disc, hist);
  if (n_in == 0)
    return;

  /* A few pixels: a size estimate that is too big must not dilute a tiny
   * light with background.
   */
  k = CLAMP ((int) (G_PI * t->radius * t->radius / (4.0 * step * step)), 3, 16);
  k = MIN (k, MAX (1, (int) n_in / 3));

  /* Beside another light, whose glow may reach far into the disc, the
   * core is read near the centre only.
   */
  if (beside != NULL)
    {
      double r_core = MAX (2.5, BESIDE_CORE_SHARE * lc_led_track_distance (beside, t->cx, t->cy));
      guint n_core = core_histogram (disc, n_in, t, r_core, hist);

      k = MIN (k, MAX (1, (int) n_core / 3));
    }

  m->top = core_level (hist, k, &top);
  m->max = top;
  m->level = m->top - ring.bg;
  m->bg = ring.bg;
  m->valid = TRUE;
  if (m->top >= CORE_CLIPPED)
    measure_surround (self, frame, t, beside, &ring, m);
  bright = ring.bg + 0.5 * (top - ring.bg);
  m->compact = ring.q75 < bright || compact_beside_steady (t, m, ring.bg, bright);

  for (guint c = 0; c < 3; c++)
    m->ring_rgb[c] = ring.rgb[c];
  /* A blinking light's colour is what it adds to its surroundings as they
   * were while it was dark: lit, its own glow tints the ring.
   */
  if (t->binary && t->has_dark_ring)
    {
      for (guint c = 0; c < 3; c++)
        base[c] = t->dark_rgb[c];
    }
  else
    memcpy (base, ring.rgb, sizeof base);
  measure_lit_pixels (frame, disc, n_in, step, &ring, base, top, m);
}

/* What the ring of a binary light looks like while it is off, for
 * compact_beside_steady() to compare its lit frames with.
 */
void
lc_led_track_remember_dark (Track             *t,
                            const Measurement *m)
{
  memcpy (t->dark_ring, m->ring, sizeof t->dark_ring);
  t->dark_ring_r = (float) m->r_ring;
  t->dark_top = (float) m->top;
  for (guint c = 0; c < 3; c++)
    t->dark_rgb[c] = (float) m->ring_rgb[c];
  t->has_dark_ring = TRUE;
}

/* The track whose gate @x, @y falls in, nearest first; -1 if none. */
static int
nearest_track (LcLedDetector *self,
               double         x,
               double         y,
               double        *out_distance)
{
  int best = -1;
  double best_d = G_MAXDOUBLE;

  for (guint i = 0; i < self->n_tracks; i++)
    {
      Track *t = self->tracks[i];
      double gate = MAX (2.0 * self->pool + 1.0, 1.5 * t->radius);
      double dist = lc_led_track_distance (t, x, y);

      if (dist <= gate && dist < best_d)
        {
          best = (int) i;
          best_d = dist;
        }
    }

  *out_distance = best_d;
  return best;
}

/* Whether the cell under @t is about as bright as the peak-hold remembers
 * it: lit, for a light that blinks. Dark, the brightest thing in its disc
 * may be the glow of the light beside it.
 */
gboolean
lc_led_track_lit_now (const LcLedDetector *self,
                      const Track         *t)
{
  gsize i = track_cell (self, t);

  return self->cur[i] >= self->hi[i] - LIT_NOW_SHARE * (self->hi[i] - self->lo[i]);
}

/* @cand matched @t: remember it, and follow it if @t drifted (only for the
 * first candidate to match @t this frame).
 */
static void
match_candidate (LcLedDetector   *self,
                 Track           *t,
                 const Candidate *cand,
                 double           distance,
                 gboolean         first_match,
                 gint64           now)
{
  t->last_match_ns = now;
  t->cand_score += 0.2 * (cand->score - t->cand_score);
  /* A light beside another is placed only while lit (see follow_light()). */
  if (t->lit_apart && !lc_led_track_lit_now (self, t))
    return;
  t->ax = cand->x;
  t->ay = cand->y;
  t->cand_radius += 0.3 * (cand->radius - t->cand_radius);
  if (first_match && distance > t->radius + self->pool && !t->selected)
    {
      t->cx += 0.5 * (cand->x - t->cx);
      t->cy += 0.5 * (cand->y - t->cy);
    }
}

/* Whether @cand is the edge of a known light rather than a new one. */
static gboolean
is_edge_of_track (LcLedDetector   *self,
                  const Candidate *cand)
{
  gboolean near = FALSE;

  for (guint i = 0; i < self->n_tracks; i++)
    {
      const Track *o = self->tracks[i];
      double r = MIN (o->radius, lc_led_max_radius (self));

      near |= lc_led_track_distance (o, cand->x, cand->y) < MAX (3.0 * self->pool, 1.5 * r + self->pool) &&
              o->cand_score >= 0.5 * cand->score;
    }

  return near;
}

/* When the tracks are full, replaces the weakest unreported one if @cand
 * beats it; FALSE when there is no room for @cand.
 */
static gboolean
make_room (LcLedDetector   *self,
           const Candidate *cand)
{
  guint weakest = 0;

  if (self->n_tracks < MAX_TRACKS)
    return TRUE;

  for (guint i = 1; i < self->n_tracks; i++)
    {
      if (self->tracks[i]->cand_score + 100.0 * self->tracks[i]->qualified <
          self->tracks[weakest]->cand_score + 100.0 * self->tracks[weakest]->qualified)
        weakest = i;
    }
  if (self->tracks[weakest]->selected || self->tracks[weakest]->qualified ||
      self->tracks[weakest]->cand_score >= cand->score)
    return FALSE;

  lc_led_remove_track (self, weakest);
  return TRUE;
}

/* A new light was dark a frame ago: its lit run starts now, not at an
 * unknown time. And it had been dark for @dark_for seconds before that: a
 * burst seen from its first blink can be counted when the pause before it
 * was long.
 */
static void
start_after_dark (LcLedDetector *self,
                  Track         *t,
                  double         dark_for)
{
  Sample s = { .assumed = TRUE };
  gint64 since = self->last_pts - (gint64) (dark_for * NS_PER_S);

  since = MAX (since, self->first_pts);
  if (since < self->last_pts - (gint64) (2.0 * self->interval_s * NS_PER_S))
    {
      s.pts = since;
      lc_led_track_push (t, &s);
    }
  s.pts = self->last_pts;
  lc_led_track_push (t, &s);
}

/* Whether one of @a and @b lit up while the other held steady (see
 * lit_apart()): two lights, side by side. Two fragments of one light lit
 * up together.
 */
gboolean
lc_led_lit_beside (const Track *a,
                   const Track *b)
{
  return a->lit_apart != b->lit_apart;
}

/* How near another track's centre a track is a fragment of its glow. */
static double
merge_reach (const LcLedDetector *self,
             const Track         *o,
             double               radius)
{
  return MAX (2.0 * self->pool, 1.2 * (o->radius + radius));
}

/* Whether a cell within two of cell @x, @y darkened by more than @amount
 * this frame.
 */
static gboolean
dimmed_near (const LcLedDetector *self,
             int                  x,
             int                  y,
             double               amount)
{
  for (int yy = MAX (0, y - 2); yy <= MIN (self->mh - 1, y + 2); yy++)
    {
      for (int xx = MAX (0, x - 2); xx <= MIN (self->mw - 1, x + 2); xx++)
        {
          gsize n = (gsize) yy * self->mw + xx;

          if (self->prev[n] - self->cur[n] > amount)
            return TRUE;
        }
    }

  return FALSE;
}

/* Whether @cand came on this frame alone beside a steady light that clips
 * like an LED: every other track near enough to take it for a fragment of
 * its glow (see forget_and_merge()) held steady at its centre, and none
 * further off came on with it. A fragment of a glow, or a reflection,
 * comes on with its light.
 */
static gboolean
lit_apart (LcLedDetector   *self,
           const Candidate *cand,
           const Track     *own)
{
  gsize i = (gsize) cand->my * self->mw + cand->mx;
  double rise = self->cur[i] - self->prev[i];
  double glow_reach = GLOW_DISTANCE * MAX (self->width, self->height);
  gboolean any = FALSE;

  /* Dark a frame ago, lit now (on a pale housing the swing may be
   * shallower than find_and_follow_candidates() asks for a lit run).
   */
  if (rise < lc_led_contrast_floor (self) || !lc_led_cell_came_on (self, i))
    return FALSE;
  /* A light that moved into the cell (as the camera moved) left the one
   * beside it dark.
   */
  if (dimmed_near (self, cand->mx, cand->my, APART_MAX_CHANGE * rise))
    return FALSE;

  for (guint j = 0; j < self->n_tracks; j++)
    {
      const Track *o = self->tracks[j];
      gsize oi = track_cell (self, o);
      double change = fabs (self->cur[oi] - self->prev[oi]);
      double d = lc_led_track_distance (o, cand->x, cand->y);

      if (o == own)
        continue;
      /* Lit up with a light further off (its glow, or a reflection), or
       * as the lights around it changed too (the camera moved).
       */
      if (d < glow_reach && change > LIT_WITH_SHARE * rise)
        return FALSE;
      if (d >= merge_reach (self, o, cand->radius))
        continue;
      if (change > APART_MAX_CHANGE * rise)
        return FALSE;
      /* Only an LED's glow is wide and bright enough to swallow another. */
      any |= !o->binary && o->peak >= SOLID_MIN_PEAK;
    }

  return any;
}

/* Whether @t is the light the last answer was about (reported first) and
 * still changes (blinks, fades), standing out as a light does: it is still
 * there, though it has not been a candidate for a while. A small LED
 * beside glare that a hand-held camera smears over it in the peak hold is
 * no local maximum there, and brighter things take the candidates' places.
 */
static gboolean
main_light_still_changing (const LcLedDetector *self,
                           const Track         *t)
{
  return self->detection.n_leds > 0 && self->detection.leds[0].id == t->id &&
         t->qualified && t->active && t->m_hi >= 2.0 * lc_led_contrast_floor (self);
}

/* Whether @young, found after @old and overlapping it, has become a light
 * or is far the stronger candidate, while @old never became a light: a
 * spot of texture, an edge a candidate once fell on, or glare that drifts
 * beside a small LED must not swallow a light that comes on beside it.
 */
static gboolean
outshines (const Track *young,
           const Track *old)
{
  return !old->qualified && !old->selected &&
         (young->qualified || young->cand_score > OUTSHINE_RATIO * old->cand_score);
}

/* Whether @a and @b each show a clear colour (see APART_MIN_SATURATION),
 * and no colour in common: a glow has its light's colour all over (where
 * its core clips to white it shows no clear colour), so these are two
 * lights side by side, however wide their glows.
 */
static gboolean
colored_apart (const Track *a,
               const Track *b)
{
  if (a->saturation < APART_MIN_SATURATION || b->saturation < APART_MIN_SATURATION ||
      a->key.n_colors == 0 || b->key.n_colors == 0)
    return FALSE;

  for (guint i = 0; i < a->key.n_colors; i++)
    {
      if (lc_led_track_shows_color (b, a->key.colors[i]))
        return FALSE;
    }

  return TRUE;
}

/* Forgets what has not been seen for a while (but not the main light
 * while it still changes), and merges duplicates.
 */
static void
forget_and_merge (LcLedDetector *self,
                  gint64         now)
{
  for (guint i = 0; i < self->n_tracks;)
    {
      Track *t = self->tracks[i];
      gboolean drop = !t->selected && now - t->last_match_ns > TRACK_TIMEOUT_NS &&
                      !main_light_still_changing (self, t);

      for (guint j = 0; j < self->n_tracks && !drop; j++)
        {
          Track *o = self->tracks[j];

          if (o == t || t->selected)
            continue;
          /* Beside it, not inside its glow's half-bright area. */
          if (lc_led_lit_beside (t, o) && lc_led_track_distance (o, t->cx, t->cy) >= o->radius + self->pool)
            continue;
          /* Another clear colour: another light, however near. */
          if (colored_apart (t, o))
            continue;
          if (lc_led_track_distance (o, t->cx, t->cy) < merge_reach (self, o, t->radius))
            {
              gboolean older = o->born_ns < t->born_ns || (o->born_ns == t->born_ns && o->id < t->id);

              drop = older ? !outshines (t, o) : outshines (o, t);
            }
        }

      if (drop)
        lc_led_remove_track (self, i);
      else
        i++;
    }
}

void
lc_led_associate (LcLedDetector   *self,
                  const Candidate *cands,
                  guint            n_cands,
                  gint64           now,
                  const double     dark_for[MAX_CANDIDATES])
{
  gboolean used[MAX_TRACKS] = { FALSE, };

  for (guint c = 0; c < n_cands; c++)
    {
      const Candidate *cand = &cands[c];
      double best_d;
      int best = nearest_track (self, cand->x, cand->y, &best_d);
      gboolean apart;
      Track *t;

      /* A light that came on apart from the steady one whose glow it is in
       * is a light of its own, not a piece of that one, once it is outside
       * that one's size.
       */
      apart = lit_apart (self, cand, NULL);
      if (best >= 0 && (!apart || best_d < self->tracks[best]->radius + self->pool))
        {
          match_candidate (self, self->tracks[best], cand, best_d, !used[best], now);
          if (!self->tracks[best]->lit_apart)
            self->tracks[best]->lit_apart = lit_apart (self, cand, self->tracks[best]);
          used[best] = TRUE;
          continue;
        }

      /* A new light, unless it is the edge of a known one. */
      if ((is_edge_of_track (self, cand) && !apart) || !make_room (self, cand))
        continue;

      t = lc_led_track_new (self, cand->x, cand->y, cand->radius, now);
      t->cand_score = cand->score;
      t->lit_apart = apart;
      if (dark_for != NULL && dark_for[c] >= 0.0 && self->last_pts >= 0)
        start_after_dark (self, t, dark_for[c]);

      used[self->n_tracks] = TRUE;
      self->tracks[self->n_tracks++] = t;
    }

  forget_and_merge (self, now);
}
