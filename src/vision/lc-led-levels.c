/* lc-led-levels.c — the detector's levels and runs: a track's brightness split into lit and dark
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A track's samples in the window are split in two levels (2-means in log
 * space); edges are timed from the timestamps, interpolated at half level;
 * runs between them carry the colour seen while lit and while dark.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lc-led-detector-private.h"

void
lc_led_window_clear (Window *w)
{
  g_free (w->edges);
  g_free (w->runs);
  memset (w, 0, sizeof *w);
}

void
lc_led_window_collect (Track       *t,
                       gint64       now,
                       Window      *w)
{
  guint first = 0;

  memset (w, 0, sizeof *w);
  /* Binary search for the first sample inside the window. */
  {
    guint hi_i = t->len;

    while (first < hi_i)
      {
        guint mid = first + (hi_i - first) / 2;

        if (t->samples[mid].pts < now - WINDOW_NS)
          first = mid + 1;
        else
          hi_i = mid;
      }
  }

  w->n = t->len - first;
  w->s = t->samples + first;
}

/* Levels are split in log space, with an offset @k above the noise: a
 * lit light that auto exposure makes twice as bright (or that clips) stays
 * in one cluster, far from the dark one.
 */
static inline double
level_x (double level,
         double k)
{
  return log (MAX (level, 0.0) + k);
}

/* Caches each sample's log level for @k; the range of them in @mn, @mx.
 * The dark assumed before a light came on is no measured level: beside
 * another light, the dark level it really has is that light's glow, and
 * two samples at 0 would pull the split apart from it (power+status TUNE
 * #84 took a burst's dark phases in a power light's glow for lit, and read
 * it as solid). Those samples are left out of the split.
 */
static void
cache_log_levels (Window *w,
                  double  k,
                  double *mn,
                  double *mx)
{
  *mn = G_MAXDOUBLE;
  *mx = -G_MAXDOUBLE;
  for (guint i = 0; i < w->n; i++)
    {
      double x;

      if (w->s[i].xk != (float) k)
        {
          w->s[i].x = (float) level_x (w->s[i].level, k);
          w->s[i].xk = (float) k;
        }
      if (w->s[i].assumed)
        continue;
      x = w->s[i].x;
      *mn = MIN (*mn, x);
      *mx = MAX (*mx, x);
    }
}

/* Two-means in log space: the threshold between the clusters, their
 * centres in @lo, @hi.
 */
static double
two_means (const Window *w,
           double        mn,
           double        mx,
           double       *lo,
           double       *hi)
{
  double thr = 0.5 * (mn + mx);

  for (guint iter = 0; iter < 8; iter++)
    {
      double sx_lo = 0, sx_hi = 0, next;
      guint n_lo = 0, n_hi = 0;

      for (guint i = 0; i < w->n; i++)
        {
          double x = w->s[i].x;

          if (w->s[i].assumed)
            continue;
          if (x < thr)
            {
              sx_lo += x;
              n_lo++;
            }
          else
            {
              sx_hi += x;
              n_hi++;
            }
        }
      *lo = n_lo > 0 ? sx_lo / n_lo : mn;
      *hi = n_hi > 0 ? sx_hi / n_hi : mx;
      next = 0.5 * (*lo + *hi);
      /* The same threshold splits the same way: nothing would change. */
      if (next == thr)
        break;
      thr = next;
    }

  return thr;
}

/* Two-means split of the levels. */
void
lc_led_split_levels (Window *w,
                     double  k,
                     double *out_sd_lo,
                     guint  *out_n_lo,
                     guint  *out_n_hi)
{
  double mn, mx, thr, lo = 0, hi = 0, sd = 0;
  double sum_lo = 0, sum_hi = 0;
  guint n_lo = 0, n_hi = 0;

  /* k moves in steps, so the logarithms are computed once per sample. */
  k = 4.0 * exp2 (round (log2 (MAX (k, 4.0) / 4.0) * 4.0) / 4.0);
  cache_log_levels (w, k, &mn, &mx);
  thr = two_means (w, mn, mx, &lo, &hi);

  for (guint i = 0; i < w->n; i++)
    {
      if (w->s[i].assumed)
        continue;
      if (w->s[i].x < thr)
        {
          sum_lo += w->s[i].level;
          n_lo++;
        }
      else
        {
          sum_hi += w->s[i].level;
          n_hi++;
        }
    }

  w->k = k;
  w->lo_x = lo;
  w->hi_x = hi;
  w->m_lo = n_lo > 0 ? sum_lo / n_lo : 0.0;
  w->m_hi = n_hi > 0 ? sum_hi / n_hi : 0.0;

  for (guint i = 0; i < w->n; i++)
    {
      if (!w->s[i].assumed && w->s[i].x < thr)
        sd += (w->s[i].level - w->m_lo) * (w->s[i].level - w->m_lo);
    }

  *out_sd_lo = n_lo > 1 ? sqrt (sd / (n_lo - 1)) : 0.0;
  *out_n_lo = n_lo;
  *out_n_hi = n_hi;
}

/* Linear level at fraction @f between the dark and lit clusters (in log space). */
double
lc_led_window_level_at (const Window *w,
                        double        f)
{
  return exp (w->lo_x + f * (w->hi_x - w->lo_x)) - w->k;
}

gboolean
lc_led_is_gap (const LcLedDetector *self,
               const Sample        *a,
               const Sample        *b)
{
  return (b->pts - a->pts) / NS_PER_S > 1.6 * self->interval_s;
}

/* Binarise with hysteresis. An edge is placed where the level crosses
 * half-way between the dark level and the lit level next to it,
 * interpolated between samples, so partly exposed frames place it within
 * the frame interval.
 */
void
lc_led_find_edges (Window *w)
{
  double up = lc_led_window_level_at (w, 0.6), down = lc_led_window_level_at (w, 0.4);
  gboolean on, gap = FALSE;
  guint last_edge_index = 0;

  w->edges = g_new (Edge, MAX (w->n, 1u));
  w->n_edges = 0;
  if (w->n == 0)
    return;

  on = w->s[0].level >= lc_led_window_level_at (w, 0.5);
  for (guint i = 1; i < w->n; i++)
    {
      double v = w->s[i].level, lit, mid;
      gboolean flip = on ? v < down : v > up;
      gint64 t;

      gap |= w->s[i].gap > 0;
      if (!flip)
        continue;

      if (!on)
        lit = MAX (v, i + 1 < w->n ? w->s[i + 1].level : v);
      else
        lit = MAX (w->s[i - 1].level, i >= 2 && i - 2 >= last_edge_index ? w->s[i - 2].level : 0.0);
      mid = 0.5 * (lit + w->m_lo);

      /* The last crossing of the middle since the previous edge. */
      t = w->s[i - 1].pts + (w->s[i].pts - w->s[i - 1].pts) / 2;
      for (guint j = i; j > last_edge_index && j >= 1; j--)
        {
          double a = w->s[j - 1].level, b = w->s[j].level;

          if ((!on && a < mid && b >= mid) || (on && a >= mid && b < mid))
            {
              double frac = (mid - a) / (b - a);

              frac = CLAMP (frac, 0.0, 1.0);
              t = w->s[j - 1].pts + (gint64) (frac * (w->s[j].pts - w->s[j - 1].pts));
              break;
            }
        }

      if (w->n_edges > 0 && t <= w->edges[w->n_edges - 1].t)
        t = w->edges[w->n_edges - 1].t + 1;

      w->edges[w->n_edges].t = t;
      w->edges[w->n_edges].rising = !on;
      w->edges[w->n_edges].gap = gap;
      gap = FALSE;
      w->n_edges++;
      on = !on;
      last_edge_index = i;
    }
}

/* A lit run of one or two frames between dark runs, far fainter than the
 * light's lit level, is a flicker of glow or compression in its dark
 * phase, not a flash: a flash as short as that is as bright as the
 * others, or all its flashes are that faint. @start is its first frame.
 */
static gboolean
is_faint_flash (const Window *w,
                guint         e,
                guint         start,
                guint         length)
{
  if (!w->edges[e].rising || length == 0 || length > 2)
    return FALSE;

  for (guint i = start; i < start + length; i++)
    {
      if (w->s[i].level >= FAINT_FLASH_SHARE * w->m_hi)
        return FALSE;
    }

  return TRUE;
}

/* A lone frame on the wrong side, in a light whose runs are long, is
 * noise: its two edges go. (Blinks too fast for the camera have runs of
 * one frame throughout, so they keep theirs.) So is a faint flicker
 * between dark runs of three frames or more, whatever the other runs are.
 */
void
lc_led_drop_glitches (Window *w)
{
  g_autofree guint *lengths = NULL;
  g_autofree guint *starts = NULL;
  g_autofree guint *sorted = NULL;
  guint si = 0, n_inner, out = 0;
  gboolean long_runs;

  if (w->n_edges < 4)
    return;

  /* Samples in the run before each edge (run r ends at edge r), and the
   * index of its first.
   */
  lengths = g_new0 (guint, w->n_edges + 1);
  starts = g_new0 (guint, w->n_edges + 1);
  for (guint r = 0; r <= w->n_edges; r++)
    {
      gint64 end = r < w->n_edges ? w->edges[r].t : G_MAXINT64;

      starts[r] = si;
      for (; si < w->n && w->s[si].pts < end; si++)
        lengths[r]++;
    }

  n_inner = w->n_edges - 1;
  sorted = g_memdup2 (lengths + 1, n_inner * sizeof (guint));
  for (guint i = 1; i < n_inner; i++)
    {
      guint v = sorted[i], j = i;

      for (; j > 0 && sorted[j - 1] > v; j--)
        sorted[j] = sorted[j - 1];
      sorted[j] = v;
    }
  long_runs = sorted[n_inner / 2] >= 4;

  for (guint e = 0; e < w->n_edges; e++)
    {
      /* Run e + 1 lies between edges e and e + 1. */
      if (e + 1 < w->n_edges && lengths[e] >= 3 && lengths[e + 2] >= 3 &&
          ((long_runs && lengths[e + 1] <= 1) || is_faint_flash (w, e, starts[e + 1], lengths[e + 1])))
        {
          lengths[e + 2] += lengths[e] + lengths[e + 1];
          if (e + 2 < w->n_edges)
            w->edges[e + 2].gap |= w->edges[e].gap || w->edges[e + 1].gap;
          e++;
          continue;
        }
      w->edges[out++] = w->edges[e];
    }
  w->n_edges = out;
}

/* Runs between edges, with the colour of their fully lit samples. */
void
lc_led_find_runs (Window *w,
                  gint64  window_start,
                  gint64  now)
{
  double full = lc_led_window_level_at (w, 0.75);
  guint si = 0;

  w->runs = g_new0 (Run, w->n_edges + 1);
  w->n_runs = w->n_edges + 1;

  for (guint r = 0; r < w->n_runs; r++)
    {
      Run *run = &w->runs[r];

      run->start = r == 0 ? window_start : w->edges[r - 1].t;
      run->end = r == w->n_edges ? now : w->edges[r].t;
      run->start_known = r > 0;
      run->end_known = r < w->n_edges;
      if (w->n_edges == 0)
        run->on = w->n > 0 && w->s[0].level >= lc_led_window_level_at (w, 0.5);
      else
        run->on = r < w->n_edges ? !w->edges[r].rising : w->edges[r - 1].rising;

      for (; si < w->n && w->s[si].pts < run->end; si++)
        {
          run->n_samples++;
          if (w->s[si].gap > 0 && run->n_samples > 1)
            run->gap = TRUE;
          if (run->on && w->s[si].level >= full && w->s[si].has_color)
            {
              for (guint c = 0; c < 3; c++)
                {
                  run->rgb[c] += w->s[si].rgb[c];
                  run->disc[c] += w->s[si].disc[c];
                }
              run->n_rgb++;
            }
          else if (!run->on && w->s[si].level <= lc_led_window_level_at (w, 0.25))
            {
              for (guint c = 0; c < 3; c++)
                w->off_disc[c] += w->s[si].disc[c];
              w->n_off++;
            }
        }
    }
}

/* Lit minus dark over a light's disc, per channel, from the sums of its
 * lit and dark samples' discs: the colour the LED adds, whatever it sits
 * on or behind. Returns whether it adds enough to have a colour at all.
 */
gboolean
lc_led_disc_added (const double lit_sum[3],
                   guint        n_lit,
                   const double dark_sum[3],
                   guint        n_dark,
                   float        out[3])
{
  if (n_lit == 0 || n_dark == 0)
    return FALSE;

  for (guint c = 0; c < 3; c++)
    out[c] = (float) (lit_sum[c] / n_lit - dark_sum[c] / n_dark);

  return MAX (MAX (out[0], out[1]), out[2]) >= ADDED_COLOR_MIN_STEP;
}

/* The colour an LED adds to its disc between dark and lit, from the lit
 * samples of its runs and the dark ones collected with them. Where the
 * core clips to white (a bright LED, a light housing) the halo says
 * little, but lit minus dark still leans toward the LED's colour, whatever
 * the colour of the housing or the white balance.
 */
gboolean
lc_led_on_off_color (const Window *w,
                     const float   lit_sum[3],
                     guint         n_lit,
                     float         out[3])
{
  double lit[3] = { lit_sum[0], lit_sum[1], lit_sum[2] };
  double dark[3] = { w->off_disc[0], w->off_disc[1], w->off_disc[2] };

  if (w->n_off < 2)
    return FALSE;

  return lc_led_disc_added (lit, n_lit, dark, w->n_off, out);
}

double
lc_led_run_seconds (const Run *run)
{
  return (run->end - run->start) / NS_PER_S;
}

int
lc_led_compare_double (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The value that would be at index @k were @v sorted, found by moving
 * @v's values only as far as that needs (Wirth's selection): @v[0..k) end
 * up no greater and @v(k..n) no smaller. Far cheaper than sorting a long
 * window once a frame for two percentiles.
 */
double
lc_led_select_double (double *v,
                      guint   n,
                      guint   k)
{
  gssize lo = 0, hi = (gssize) n - 1;

  g_return_val_if_fail (k < n, 0.0);

  while (lo < hi)
    {
      double pivot = v[k];
      gssize i = lo, j = hi;

      do
        {
          while (v[i] < pivot)
            i++;
          while (pivot < v[j])
            j--;
          if (i <= j)
            {
              double tmp = v[i];

              v[i++] = v[j];
              v[j--] = tmp;
            }
        }
      while (i <= j);
      if (j < (gssize) k)
        lo = i;
      if ((gssize) k < i)
        hi = j;
    }

  return v[k];
}

double
lc_led_median (double *v,
               guint   n)
{
  if (n == 0)
    return 0.0;
  qsort (v, n, sizeof (double), lc_led_compare_double);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}
