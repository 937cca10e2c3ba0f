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
  t->radius = t->cand_radius = radius;
  t->compactness = 1.0;
  t->bg = -1.0;
  t->born_ns = now;
  t->last_match_ns = now;
  t->stable_since = now;
  t->last_edge_ns = -1;
  t->active_since = -1;

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

/* The disc is sampled with a step that keeps it to about 21 × 21 points. */
#define DISC_PIXELS 512

void
lc_led_measure_track (LcLedDetector *self,
                      const LcFrame *frame,
                      const Track   *t,
                      double         limit,
                      Measurement   *m)
{
  enum { RING_POINTS = 32 };
  guint hist[256];
  int ring_v[RING_POINTS];
  int ring_rgb[RING_POINTS][3];
  DiscPixel disc[DISC_PIXELS];
  guint n_ring = 0;
  double r_in = CLAMP (MAX (2.5, 1.6 * t->radius + 1.0), 2.5, MAX (4.0, 0.06 * self->width));
  double r_ring;
  int step;
  int x0, x1, y0, y1, n_in = 0, k, bg, top = 0, ring_q75;
  double top_sum = 0.0, bg_rgb[3] = { 0, 0, 0 };
  guint acc, n_bg = 0;

  memset (m, 0, sizeof *m);

  /* Stay clear of a neighbouring light, but never inside our own. */
  if (limit > 0.0)
    r_in = MIN (r_in, MAX (t->radius + 1.5, limit));
  r_ring = r_in + MAX (2.0, 0.6 * r_in);
  step = MAX (1, (int) (r_in / 10.0));

  /* Background: lc_led_median of a ring of samples. */
  for (guint i = 0; i < RING_POINTS; i++)
    {
      double a = 2.0 * G_PI * i / RING_POINTS;
      int x = (int) lround (t->cx + r_ring * cos (a));
      int y = (int) lround (t->cy + r_ring * sin (a));

      if (x < 0 || y < 0 || x >= self->width || y >= self->height)
        continue;
      lc_led_pixel_rgb (frame, x, y, ring_rgb[n_ring]);
      ring_v[n_ring] = MAX (MAX (ring_rgb[n_ring][0], ring_rgb[n_ring][1]), ring_rgb[n_ring][2]);
      if (frame->format == LC_PIXEL_FORMAT_GRAY8)
        ring_v[n_ring] = ring_rgb[n_ring][0];
      n_ring++;
    }

  /* Too close to the edge of the frame to tell the background. */
  if (n_ring < RING_POINTS * 2 / 3)
    return;

  {
    int sorted[RING_POINTS];

    memcpy (sorted, ring_v, n_ring * sizeof (int));
    qsort (sorted, n_ring, sizeof (int), compare_int);
    bg = sorted[n_ring / 2];
    ring_q75 = sorted[n_ring * 3 / 4];
  }

  /* Colour of the background: the ring samples no brighter than its lc_led_median. */
  for (guint i = 0; i < n_ring; i++)
    {
      if (ring_v[i] <= bg)
        {
          for (guint c = 0; c < 3; c++)
            bg_rgb[c] += ring_rgb[i][c];
          n_bg++;
        }
    }
  for (guint c = 0; c < 3; c++)
    bg_rgb[c] /= MAX (n_bg, 1u);

  /* Core: mean of the brightest pixels inside. */
  memset (hist, 0, sizeof hist);
  x0 = MAX (0, (int) floor (t->cx - r_in));
  x1 = MIN (self->width - 1, (int) ceil (t->cx + r_in));
  y0 = MAX (0, (int) floor (t->cy - r_in));
  y1 = MIN (self->height - 1, (int) ceil (t->cy + r_in));

  /* Each pixel of the disc is read once, for both passes. */
  for (int y = y0; y <= y1; y += step)
    {
      for (int x = x0; x <= x1 && n_in < DISC_PIXELS; x += step)
        {
          double dx = x + 0.5 - t->cx, dy = y + 0.5 - t->cy;
          DiscPixel *p = &disc[n_in];

          if (dx * dx + dy * dy > r_in * r_in)
            continue;
          lc_led_pixel_rgb (frame, x, y, p->rgb);
          p->x = (gint16) x;
          p->y = (gint16) y;
          p->v = (gint16) (frame->format == LC_PIXEL_FORMAT_GRAY8 ? p->rgb[0]
                                                                  : MAX (MAX (p->rgb[0], p->rgb[1]), p->rgb[2]));
          hist[p->v]++;
          n_in++;
        }
    }

  if (n_in == 0)
    return;

  /* A few pixels: a size estimate that is too big must not dilute a tiny
   * light with background.
   */
  k = CLAMP ((int) (G_PI * t->radius * t->radius / (4.0 * step * step)), 3, 16);
  k = MIN (k, MAX (1, n_in / 3));
  acc = 0;
  for (int v = 255; v >= 0 && acc < (guint) k; v--)
    {
      guint take = MIN (hist[v], (guint) k - acc);

      if (top == 0 && hist[v] > 0)
        top = v;
      top_sum += (double) take * v;
      acc += take;
    }

  m->top = top_sum / MAX (acc, 1u);
  m->max = top;
  m->level = m->top - bg;
  m->bg = bg;
  m->valid = TRUE;
  m->compact = ring_q75 < bg + 0.5 * (top - bg);

  /* Lit pixels: position, size and colour. */
  {
    double half = bg + 0.5 * (top - bg);
    /* A clipped core has no colour; the faint edge of its glow has the
     * most, so take the colour from further out.
     */
    double colour_floor = bg + (top >= CLIP_LEVEL ? CLIPPED_COLOUR_FLOOR : 0.25) * (top - bg);
    double core_floor = m->top - 0.5 * (m->top - bg);
    double sw = 0.0, sx = 0.0, sy = 0.0, rgb_sum[3] = { 0, 0, 0 };
    double disc_sum[3] = { 0, 0, 0 }, white_sum = 0.0, core_sum[3] = { 0, 0, 0 };
    guint n_half = 0, n_colour = 0, n_disc = 0, n_core = 0;

    for (guint i = 0; i < (guint) n_in; i++)
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
              rgb_sum[c] += rgb[c] - bg_rgb[c];
            n_colour++;
          }
      }

    for (guint c = 0; c < 3; c++)
      m->disc[c] = (float) (disc_sum[c] / MAX (n_disc, 1u));
    m->white = white_sum / MAX (n_core, 1u);
    m->dip = G_MAXDOUBLE;
    for (guint c = 0; c < 3; c++)
      m->dip = MIN (m->dip, core_sum[c] / MAX (n_core, 1u) - bg_rgb[c]);

    if (sw > 0.0)
      {
        m->cx = sx / sw;
        m->cy = sy / sw;
        m->centred = TRUE;
        m->radius = sqrt (n_half * step * step / G_PI);
      }

    if (n_colour > 0 && frame->format != LC_PIXEL_FORMAT_GRAY8)
      {
        for (guint c = 0; c < 3; c++)
          m->rgb[c] = (float) (rgb_sum[c] / n_colour);
        m->has_color = TRUE;
      }
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
      double x = cand->x, y = cand->y;
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

      if (best >= 0)
        {
          Track *t = self->tracks[best];

          t->last_match_ns = now;
          t->cand_score += 0.2 * (cand->score - t->cand_score);
          t->ax = x;
          t->ay = y;
          t->cand_radius += 0.3 * (cand->radius - t->cand_radius);
          if (!used[best] && best_d > t->radius + self->pool && !t->selected)
            {
              /* Drifted: follow the candidate */
              t->cx += 0.5 * (x - t->cx);
              t->cy += 0.5 * (y - t->cy);
            }
          used[best] = TRUE;
          continue;
        }

      /* A new light, unless it is the edge of a known one. When full,
       * replace the weakest unreported track.
       */
      {
        Track *t;
        gboolean near = FALSE;

        for (guint i = 0; i < self->n_tracks; i++)
          {
            const Track *o = self->tracks[i];
            double r = MIN (o->radius, lc_led_max_radius (self));

            near |= lc_led_track_distance (o, x, y) < MAX (3.0 * self->pool, 1.5 * r + self->pool) &&
                    o->cand_score >= 0.5 * cand->score;
          }
        if (near)
          continue;

        if (self->n_tracks == MAX_TRACKS)
          {
            guint weakest = 0;

            for (guint i = 1; i < self->n_tracks; i++)
              {
                if (self->tracks[i]->cand_score + 100.0 * self->tracks[i]->qualified <
                    self->tracks[weakest]->cand_score + 100.0 * self->tracks[weakest]->qualified)
                  weakest = i;
              }
            if (self->tracks[weakest]->selected || self->tracks[weakest]->qualified ||
                self->tracks[weakest]->cand_score >= cand->score)
              continue;
            lc_led_remove_track (self, weakest);
          }

        t = lc_led_track_new (self, x, y, cand->radius, now);
        t->cand_score = cand->score;

        /* It was dark a frame ago: the lit run starts now, not unknown.
         * And it had been dark for a while before that: a burst seen
         * from its first blink can be counted when the pause before it
         * was long.
         */
        if (dark_for != NULL && dark_for[c] >= 0.0 && self->last_pts >= 0)
          {
            Sample s = { 0, };
            gint64 since = self->last_pts - (gint64) (dark_for[c] * NS_PER_S);

            since = MAX (since, self->first_pts);
            if (since < self->last_pts - (gint64) (2.0 * self->interval_s * NS_PER_S))
              {
                s.pts = since;
                lc_led_track_push (t, &s);
              }
            s.pts = self->last_pts;
            lc_led_track_push (t, &s);
          }

        used[self->n_tracks] = TRUE;
        self->tracks[self->n_tracks++] = t;
      }
    }

  /* Forget what has not been seen for a while; merge duplicates. */
  for (guint i = 0; i < self->n_tracks;)
    {
      Track *t = self->tracks[i];
      gboolean drop = !t->selected && now - t->last_match_ns > TRACK_TIMEOUT_NS;

      for (guint j = 0; j < self->n_tracks && !drop; j++)
        {
          Track *o = self->tracks[j];

          if (o == t || t->selected)
            continue;
          if (lc_led_track_distance (o, t->cx, t->cy) < MAX (2.0 * self->pool, 1.2 * (o->radius + t->radius)) &&
              (o->born_ns < t->born_ns || (o->born_ns == t->born_ns && o->id < t->id)))
            drop = TRUE;
        }

      if (drop)
        lc_led_remove_track (self, i);
      else
        i++;
    }
}
