/* lc-led-pattern.c — the detector's pattern grammar: solid, blink, burst, fade, alternating colours
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The runs are read with a small grammar: solid, fade, blink (rate,
 * alternating colours, including a light that changes colour without going
 * dark), burst (N blinks, a pause), too fast for the camera. A reading is
 * provisional after one period and confirmed after two identical ones.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lc-led-detector-private.h"

/* Colours of the light: one, or a repeating sequence of lit runs. */
static void
read_colors (const Window *w,
             ReadingKey   *key,
             double       *out_saturation)
{
  LcColor labels[64];
  guint n_labels = 0;
  float total[3] = { 0, 0, 0 }, total_disc[3] = { 0, 0, 0 }, added[3];
  guint n_total = 0;
  double sat = 0.0, added_sat = 0.0;
  LcColor main_color;
  gboolean use_added;

  for (guint r = 0; r < w->n_runs; r++)
    {
      const Run *run = &w->runs[r];

      if (!run->on || run->n_rgb == 0)
        continue;
      for (guint c = 0; c < 3; c++)
        {
          total[c] += run->rgb[c];
          total_disc[c] += run->disc[c];
        }
      n_total += run->n_rgb;
    }

  /* Halo or lit-minus-dark: whichever tells the colour more clearly. */
  lc_led_classify_color (total, &sat);
  use_added = sat < HALO_MIN_SATURATION && lc_led_on_off_color (w, total_disc, n_total, added) &&
              (lc_led_classify_color (added, &added_sat), added_sat > sat);

  for (guint r = 0; r < w->n_runs; r++)
    {
      const Run *run = &w->runs[r];
      float mean[3];

      if (!run->on || run->n_rgb == 0)
        continue;
      if (!use_added || !lc_led_on_off_color (w, run->disc, run->n_rgb, mean))
        {
          for (guint c = 0; c < 3; c++)
            mean[c] = run->rgb[c] / run->n_rgb;
        }
      if (n_labels < G_N_ELEMENTS (labels))
        labels[n_labels++] = lc_led_classify_color (mean, NULL);
      else
        {
          memmove (labels, labels + 1, sizeof (LcColor) * (n_labels - 1));
          labels[n_labels - 1] = lc_led_classify_color (mean, NULL);
        }
    }

  main_color = use_added ? lc_led_classify_color (added, &sat) : lc_led_classify_color (total, &sat);
  *out_saturation = sat;
  key->n_colors = main_color != LC_COLOR_NONE ? 1 : 0;
  key->colors[0] = main_color;

  /* Alternation: the last lit runs repeat a cycle of 2 or 3 colours. */
  for (guint cycle = 2; cycle <= LC_LIGHT_MAX_COLORS; cycle++)
    {
      guint need = 2 * cycle, ok = TRUE, distinct = 0;
      LcColor seq[LC_LIGHT_MAX_COLORS];

      if (n_labels < need)
        break;

      for (guint i = n_labels - need; i < n_labels && ok; i++)
        {
          if (labels[i] == LC_COLOR_NONE || labels[i] == LC_COLOR_WHITE ||
              labels[i] != labels[i >= cycle ? i - cycle : i])
            ok = FALSE;
        }
      if (!ok)
        continue;

      for (guint i = 0; i < cycle; i++)
        {
          seq[i] = labels[n_labels - cycle + i];
          for (guint j = 0; j < i; j++)
            {
              if (seq[j] == seq[i])
                ok = FALSE;
            }
        }
      if (!ok)
        continue;

      /* Start the cycle at its lowest colour, so the reading is stable. */
      {
        guint start = 0;

        for (guint i = 1; i < cycle; i++)
          {
            if (seq[i] < seq[start])
              start = i;
          }
        for (guint i = 0; i < cycle; i++)
          key->colors[i] = seq[(start + i) % cycle];
        distinct = cycle;
      }
      key->n_colors = distinct;
      break;
    }
}

/* Periods from rising edge to rising edge and falling to falling, split
 * into steady ones and outliers (an edge lost in noise, or a light first
 * seen halfway through a blink, spoils one or two). An outlier across
 * missing frames is left out: a lost frame may have hidden a whole blink.
 * Returns FALSE when there is none.
 */
static gboolean
read_periods (const Window *w,
              double        interval_s,
              Periods      *ps)
{
  g_autofree double *periods = g_new (double, w->n_edges + 1);
  g_autofree gboolean *gappy = g_new (gboolean, w->n_edges + 1);
  g_autofree double *sorted = NULL;
  gint64 prev_r = -1, prev_f = -1;
  double med, tol;
  guint recent;

  memset (ps, 0, sizeof *ps);
  for (guint e = 0; e < w->n_edges; e++)
    {
      gint64 *prev = w->edges[e].rising ? &prev_r : &prev_f;

      if (*prev >= 0)
        {
          gappy[ps->n] = w->edges[e].gap || (e > 0 && w->edges[e - 1].gap);
          periods[ps->n++] = (w->edges[e].t - *prev) / NS_PER_S;
        }
      *prev = w->edges[e].t;
    }
  if (ps->n == 0)
    return FALSE;

  sorted = g_memdup2 (periods, ps->n * sizeof (double));
  med = lc_led_median (sorted, ps->n);
  tol = MAX (0.25 * med, 1.6 * interval_s);
  recent = MIN (ps->n, 4u);

  for (guint i = 0; i < ps->n; i++)
    {
      if (fabs (periods[i] - med) > tol && gappy[i])
        continue;
      if (fabs (periods[i] - med) > tol)
        {
          ps->bad++;
          ps->recent_bad += i >= ps->n - recent;
        }
      else
        {
          ps->good_sum += periods[i];
          ps->good++;
        }
    }

  return TRUE;
}

/* Blinks per second from the rising and falling edges, each counted
 * from its first to its last; 0 with fewer than two of either.
 */
static double
edge_rate (const Window *w,
           guint        *out_n_rising,
           guint        *out_n_falling)
{
  gint64 r_first = -1, r_last = -1, f_first = -1, f_last = -1;
  guint n_r = 0, n_f = 0;
  double span = 0.0;
  guint periods = 0;

  for (guint e = 0; e < w->n_edges; e++)
    {
      if (w->edges[e].rising)
        {
          if (r_first < 0)
            r_first = w->edges[e].t;
          r_last = w->edges[e].t;
          n_r++;
        }
      else
        {
          if (f_first < 0)
            f_first = w->edges[e].t;
          f_last = w->edges[e].t;
          n_f++;
        }
    }

  *out_n_rising = n_r;
  *out_n_falling = n_f;

  if (n_r >= 2)
    {
      span += (r_last - r_first) / NS_PER_S;
      periods += n_r - 1;
    }
  if (n_f >= 2)
    {
      span += (f_last - f_first) / NS_PER_S;
      periods += n_f - 1;
    }

  return span > 0.0 ? periods / span : 0.0;
}

/* Most runs a single frame long: dropped frames hide some edges, which
 * lowers the apparent rate of a light too fast for the camera.
 */
static gboolean
mostly_single_frames (const Window *w)
{
  guint single = 0, counted = 0;

  for (guint r = 0; r < w->n_runs; r++)
    {
      const Run *run = &w->runs[r];

      if (!run->start_known || !run->end_known || run->gap)
        continue;
      counted++;
      single += run->n_samples <= 1;
    }

  return counted >= 8 && single * 100 >= counted * 65;
}

/* Whether the dark gaps are of two kinds, short between blinks and long
 * pauses, and where between them a pause begins (@out_threshold, s).
 * @tmp has room for @n_off values.
 */
static gboolean
find_pause_threshold (const double *offs,
                      guint         n_off,
                      guint         n_on,
                      double       *tmp,
                      const Run    *last,
                      double        max_off,
                      double        mean_on,
                      double        med_off,
                      double       *out_threshold)
{
  if (n_off >= 2)
    {
      memcpy (tmp, offs, n_off * sizeof (double));
      qsort (tmp, n_off, sizeof (double), lc_led_compare_double);
      for (guint i = 0; i + 1 < n_off; i++)
        {
          if (tmp[i + 1] >= 2.0 * tmp[i] && tmp[i + 1] >= 0.4)
            {
              *out_threshold = sqrt (tmp[i] * tmp[i + 1]);
              return TRUE;
            }
        }
    }

  /* A pause in progress, longer than any gap so far. */
  if (n_off >= 1 && !last->on && lc_led_run_seconds (last) > MAX (2.0 * max_off, 0.35))
    {
      double thr = sqrt (max_off * lc_led_run_seconds (last));

      *out_threshold = MIN (thr, 0.5 * lc_led_run_seconds (last) + 0.5 * max_off);
      return TRUE;
    }

  /* One blink then a long dark time, every time: a burst of one. */
  if (n_off >= 1 && n_on >= 1 && med_off >= 2.5 * mean_on && med_off >= 0.5)
    {
      *out_threshold = 0.5 * med_off;
      return TRUE;
    }

  return FALSE;
}

/* Counts the blinks between pauses (dark runs of @thr seconds or more). */
static void
read_burst (const Window *w,
            double        thr,
            double        mean_on,
            double        fps,
            Reading      *rd)
{
  guint groups[32];
  guint n_groups = 0, count = 0;
  gboolean open = FALSE;
  double pause_sum = 0.0, short_sum = 0.0;
  guint n_pause = 0, n_short = 0;

  for (guint r = 0; r < w->n_runs; r++)
    {
      const Run *run = &w->runs[r];
      gboolean pause = !run->on && lc_led_run_seconds (run) >= thr;

      if (pause)
        {
          if (open && run->start_known && n_groups < G_N_ELEMENTS (groups))
            groups[n_groups++] = count;
          else if (open && run->start_known)
            {
              memmove (groups, groups + 1, sizeof (guint) * (n_groups - 1));
              groups[n_groups - 1] = count;
            }
          open = TRUE;
          count = 0;
          if (run->start_known && run->end_known)
            {
              pause_sum += lc_led_run_seconds (run);
              n_pause++;
            }
        }
      else if (run->on && open)
        count++;
      else if (!run->on && run->start_known && run->end_known)
        {
          short_sum += lc_led_run_seconds (run);
          n_short++;
        }
    }

  rd->key.kind = LC_DETECTED_BURST;
  rd->key.count = n_groups > 0 ? groups[n_groups - 1] : 0;
  rd->confirmed = n_groups >= 2 && groups[n_groups - 1] == groups[n_groups - 2];
  rd->on_ms = mean_on * 1000.0;
  rd->off_ms = n_short > 0 ? short_sum / n_short * 1000.0 : rd->on_ms;
  rd->pause_ms = n_pause > 0 ? pause_sum / n_pause * 1000.0 : thr * 1000.0;
  if (rd->on_ms > 0 && rd->off_ms > 0)
    rd->rate_hz = 1000.0 / (rd->on_ms + rd->off_ms);

  /* Inside a group it may still be too fast to count. */
  if (rd->rate_hz > TOO_FAST_FRACTION * fps)
    {
      rd->key.kind = LC_DETECTED_TOO_FAST;
      rd->key.count = 0;
    }
}

/* Blink, burst, too fast or unknown, from the runs. */
static void
read_pattern (const LcLedDetector *self,
              const Window        *w,
              Reading             *rd)
{
  g_autofree double *ons = g_new (double, w->n_runs + 1);
  g_autofree double *offs = g_new (double, w->n_runs + 1);
  g_autofree double *tmp = g_new (double, w->n_runs + 1);
  guint n_on = 0, n_off = 0;
  const Run *last = &w->runs[w->n_runs - 1];
  double mean_on, med_off, max_on = 0.0, max_off = 0.0;
  double fps = 1.0 / self->interval_s;
  guint n_r, n_f;
  double rate;

  for (guint r = 0; r < w->n_runs; r++)
    {
      const Run *run = &w->runs[r];

      if (!run->start_known || !run->end_known)
        continue;
      if (run->on)
        {
          ons[n_on++] = lc_led_run_seconds (run);
          max_on = MAX (max_on, lc_led_run_seconds (run));
        }
      else
        {
          offs[n_off++] = lc_led_run_seconds (run);
          max_off = MAX (max_off, lc_led_run_seconds (run));
        }
    }

  /* The mean: edge timing errors average out over the runs. */
  mean_on = 0.0;
  for (guint i = 0; i < n_on; i++)
    mean_on += ons[i] / n_on;
  memcpy (tmp, offs, n_off * sizeof (double));
  med_off = lc_led_median (tmp, n_off);

  rate = edge_rate (w, &n_r, &n_f);

  /* The light stopped: lit (or dark) for much longer than its pattern. */
  if (last->on && lc_led_run_seconds (last) > MAX (SOLID_PROVISIONAL_S, 3.0 * MAX (max_on, max_off)) &&
      w->n_edges > 0)
    {
      rd->key.kind = LC_DETECTED_SOLID;
      rd->confirmed = lc_led_run_seconds (last) >= SOLID_CONFIRMED_S;
      return;
    }
  if (!last->on && lc_led_run_seconds (last) > MAX (DARK_AFTER_S, 3.0 * MAX (max_on, max_off)))
    {
      rd->key.kind = LC_DETECTED_NONE;
      rd->active = FALSE;
      return;
    }

  /* Too fast for the camera: rate beyond what the frame rate can time, or
   * most runs a single frame long (dropped frames hide some edges, which
   * lowers the apparent rate).
   */
  if (mostly_single_frames (w))
    rate = MAX (rate, fps);

  if (w->n_edges >= 4 && rate > TOO_FAST_FRACTION * fps)
    {
      rd->key.kind = LC_DETECTED_TOO_FAST;
      rd->confirmed = w->n_edges >= 8;
      return;
    }

  /* Bursts: dark gaps of two kinds, short between blinks and long pauses. */
  {
    double thr;

    if (find_pause_threshold (offs, n_off, n_on, tmp, last, max_off, mean_on, med_off, &thr))
      {
        read_burst (w, thr, mean_on, fps, rd);
        return;
      }
  }

  /* Blink: steady periods, edge to edge. */
  {
    Periods ps;

    if (read_periods (w, self->interval_s, &ps) &&
        ps.recent_bad <= (ps.n >= 8 ? 1u : 0u) && (ps.bad == 0 || ps.bad * 4 <= ps.n))
      {
        rd->key.kind = LC_DETECTED_BLINK;
        rd->confirmed = MAX (n_r, n_f) >= 3 && ps.good >= 2;
        rd->rate_hz = ps.good > 0 ? ps.good / ps.good_sum : rate;
        rd->on_ms = mean_on * 1000.0;
        rd->off_ms = med_off * 1000.0;
        return;
      }
  }

  rd->key.kind = w->n_edges >= 6 ? LC_DETECTED_UNKNOWN : LC_DETECTED_NONE;
}

/* Fade: many samples between dark and full (even when the top clips),
 * and no jumps between frames.
 */
static gboolean
read_fade (const LcLedDetector *self,
           const Window        *w,
           Reading             *rd)
{
  double mn = G_MAXDOUBLE, mx = -G_MAXDOUBLE, range, lo, hi, mid_level;
  guint hist[64] = { 0, };
  guint mid = 0, jumps = 0, pairs = 0, ups = 0, acc, n_intervals = 0;
  double intervals[64];
  gint64 up_first = -1, up_last = -1;
  gboolean low;

  if (w->n < 10)
    return FALSE;

  for (guint i = 0; i < w->n; i++)
    {
      mn = MIN (mn, w->s[i].level);
      mx = MAX (mx, w->s[i].level);
    }
  if (mx - mn <= 0.0)
    return FALSE;

  /* Robust ends: 3rd and 97th percentiles. */
  for (guint i = 0; i < w->n; i++)
    hist[MIN (63, (int) ((w->s[i].level - mn) / (mx - mn) * 64))]++;
  lo = mn;
  hi = mx;
  acc = 0;
  for (guint b = 0; b < 64; b++)
    {
      acc += hist[b];
      if (acc >= 0.03 * w->n)
        {
          lo = mn + (b + 0.5) / 64 * (mx - mn);
          break;
        }
    }
  acc = 0;
  for (guint b = 64; b-- > 0;)
    {
      acc += hist[b];
      if (acc >= 0.03 * w->n)
        {
          hi = mn + (b + 0.5) / 64 * (mx - mn);
          break;
        }
    }
  range = hi - lo;
  if (range <= 0.0)
    return FALSE;

  for (guint i = 0; i < w->n; i++)
    {
      double v = (w->s[i].level - lo) / range;

      if (v > 0.2 && v < 0.8)
        mid++;
      if (i > 0 && !lc_led_is_gap (self, &w->s[i - 1], &w->s[i]))
        {
          pairs++;
          if (fabs (w->s[i].level - w->s[i - 1].level) > 0.45 * range)
            jumps++;
        }
    }

  if (mid < 0.12 * w->n || jumps > 0.02 * pairs + 1)
    return FALSE;

  /* Period from crossings of a third of the range, upward and downward,
   * on a lightly smoothed level and interpolated (a third: low enough that
   * a breath dimmed by auto exposure still crosses it); a crossing counts
   * once the level went back past 15 % or 50 %. A breath missed anyway
   * shows as an interval twice as long.
   */
  mid_level = lo + 0.33 * range;
  {
    gint64 down_last = -1;
    gboolean descended = TRUE;
    double prev_v = 0.0;
    gint64 prev_t = 0;

    low = TRUE;
    for (guint i = 0; i < w->n; i++)
      {
        double v = 0.0;
        guint n_avg = 0;
        gint64 t;

        for (guint j = i >= 2 ? i - 2 : 0; j <= i + 2 && j < w->n; j++, n_avg++)
          v += w->s[j].level;
        v /= n_avg;

        if (i == 0)
          {
            low = (v - lo) / range < 0.33;
            prev_v = v;
            prev_t = w->s[i].pts;
            continue;
          }

        t = prev_t + (gint64) (CLAMP ((mid_level - prev_v) / (v - prev_v + 1e-9), 0.0, 1.0) * (w->s[i].pts - prev_t));
        if (low && prev_v < mid_level && v >= mid_level)
          {
            low = FALSE;
            descended = FALSE;
            if (up_last >= 0 && n_intervals < G_N_ELEMENTS (intervals))
              intervals[n_intervals++] = (t - up_last) / NS_PER_S;
            if (up_first < 0)
              up_first = t;
            up_last = t;
            ups++;
          }
        else if (!low && !descended && prev_v >= mid_level && v < mid_level)
          {
            descended = TRUE;
            if (down_last >= 0 && n_intervals < G_N_ELEMENTS (intervals))
              intervals[n_intervals++] = (t - down_last) / NS_PER_S;
            down_last = t;
          }

        if (!low && (v - lo) / range < 0.15)
          low = TRUE;

        prev_v = v;
        prev_t = w->s[i].pts;
      }
  }

  rd->key.kind = LC_DETECTED_FADE;
  rd->active = TRUE;
  if (ups >= 2 && up_last > up_first)
    {
      double sorted[G_N_ELEMENTS (intervals)], base, total = 0.0;
      guint breaths = 0;
      double period;

      memcpy (sorted, intervals, n_intervals * sizeof (double));
      base = lc_led_median (sorted, n_intervals);
      for (guint i = 0; i < n_intervals; i++)
        {
          total += intervals[i];
          breaths += MAX (1, (guint) lround (intervals[i] / base));
        }
      period = total / breaths;

      rd->rate_hz = 1.0 / period;
      rd->on_ms = rd->off_ms = period * 500.0;
      rd->confirmed = ups >= 3;
    }
  else
    rd->key.kind = LC_DETECTED_NONE;

  return TRUE;
}

gboolean
lc_led_reading_key_equal (const ReadingKey *a,
                          const ReadingKey *b)
{
  if (a->kind != b->kind || a->count != b->count || a->n_colors != b->n_colors)
    return FALSE;
  for (guint i = 0; i < a->n_colors; i++)
    {
      if (a->colors[i] != b->colors[i])
        return FALSE;
    }
  return TRUE;
}

/* A light that stays lit but changes colour in a steady rhythm (an RGB LED
 * alternating white and cyan, blue and green) is an alternating blink: its
 * brightness says nothing, its hue does. The lit samples from @first on are
 * split into two colours (2-means on lc_led_chromaticity); if they are distinct
 * and take turns in runs of a steady length, this fills @rd as a blink of
 * two colours, one per run. Two runs of each colour make it confirmed.
 */
static gboolean
read_hue_alternation (const Window *w,
                      guint         first,
                      double        interval_s,
                      Reading      *rd)
{
  enum { MAX_RUNS = 64 };
  g_autofree guint8 *label = g_new0 (guint8, MAX (w->n, 1u));
  g_autofree gboolean *valid = g_new0 (gboolean, MAX (w->n, 1u));
  double centre[2][2], mean_all[2] = { 0, 0 };
  float sum_rgb[2][3] = { { 0, 0, 0 }, { 0, 0, 0 } };
  double run_s[MAX_RUNS], sorted[MAX_RUNS];
  guint n_valid = 0, count[2] = { 0, 0 }, n_runs = 0, steady = 0;
  double far = -1.0, med;
  double sum_level[2] = { 0, 0 }, level[2];
  guint n_level[2] = { 0, 0 };
  gint64 run_start = -1;
  int current = -1;
  LcColor colors[2];

  for (guint i = first; i < w->n; i++)
    {
      double ch[2] = { 0, 0 };

      if (!w->s[i].has_color || !lc_led_chromaticity (w->s[i].rgb, ch))
        continue;
      valid[i] = TRUE;
      mean_all[0] += ch[0];
      mean_all[1] += ch[1];
      n_valid++;
    }
  if (n_valid < 8)
    return FALSE;
  mean_all[0] /= n_valid;
  mean_all[1] /= n_valid;

  /* Seeds: the sample farthest from the mean, then the one farthest from it. */
  for (guint pass = 0; pass < 2; pass++)
    {
      const double *from = pass == 0 ? mean_all : centre[0];

      far = -1.0;
      for (guint i = first; i < w->n; i++)
        {
          double ch[2] = { 0, 0 }, d;

          if (!valid[i])
            continue;
          lc_led_chromaticity (w->s[i].rgb, ch);
          d = (ch[0] - from[0]) * (ch[0] - from[0]) + (ch[1] - from[1]) * (ch[1] - from[1]);
          if (d > far)
            {
              far = d;
              centre[pass][0] = ch[0];
              centre[pass][1] = ch[1];
            }
        }
    }

  for (guint iter = 0; iter < 6; iter++)
    {
      double acc[2][2] = { { 0, 0 }, { 0, 0 } };

      count[0] = count[1] = 0;
      for (guint i = first; i < w->n; i++)
        {
          double ch[2] = { 0, 0 };
          int k;

          if (!valid[i])
            continue;
          lc_led_chromaticity (w->s[i].rgb, ch);
          k = (ch[0] - centre[1][0]) * (ch[0] - centre[1][0]) + (ch[1] - centre[1][1]) * (ch[1] - centre[1][1]) <
              (ch[0] - centre[0][0]) * (ch[0] - centre[0][0]) + (ch[1] - centre[0][1]) * (ch[1] - centre[0][1]);
          label[i] = (guint8) k;
          acc[k][0] += ch[0];
          acc[k][1] += ch[1];
          count[k]++;
        }
      for (guint k = 0; k < 2; k++)
        {
          if (count[k] == 0)
            return FALSE;
          centre[k][0] = acc[k][0] / count[k];
          centre[k][1] = acc[k][1] / count[k];
        }
    }

  if (hypot (centre[0][0] - centre[1][0], centre[0][1] - centre[1][1]) < HUE_SPLIT_MIN ||
      MIN (count[0], count[1]) * 5 < n_valid)
    return FALSE;

  /* Runs of one colour; a lone sample of the other colour is noise. */
  for (guint i = first; i < w->n; i++)
    {
      int k;

      if (!valid[i])
        continue;
      k = label[i];
      if (k != current)
        {
          gboolean lone = i + 1 < w->n && valid[i + 1] && label[i + 1] != k;

          if (lone && current >= 0)
            continue;
          if (current >= 0 && run_start >= 0 && n_runs < MAX_RUNS)
            run_s[n_runs++] = (w->s[i].pts - run_start) / NS_PER_S;
          run_start = current >= 0 ? w->s[i].pts : -1;
          current = k;
        }
      for (guint c = 0; c < 3; c++)
        sum_rgb[k][c] += w->s[i].rgb[c];
      sum_level[k] += w->s[i].level;
      n_level[k]++;
    }

  if (n_level[0] == 0 || n_level[1] == 0)
    return FALSE;
  level[0] = sum_level[0] / n_level[0];
  level[1] = sum_level[1] / n_level[1];
  if (MIN (level[0], level[1]) < HUE_STEADY_LEVEL_RATIO * MAX (level[0], level[1]))
    return FALSE;

  /* Whole runs only: the first one started before it was seen. */
  if (n_runs < 2)
    return FALSE;

  memcpy (sorted, run_s, n_runs * sizeof (double));
  med = lc_led_median (sorted, n_runs);
  if (med < 2.5 * interval_s)
    return FALSE;
  for (guint i = 0; i < n_runs; i++)
    steady += fabs (run_s[i] - med) <= MAX (0.25 * med, 1.6 * interval_s);
  if (steady * 4 < n_runs * 3)
    return FALSE;

  colors[0] = lc_led_classify_color (sum_rgb[0], NULL);
  colors[1] = lc_led_classify_color (sum_rgb[1], NULL);
  if (colors[0] == colors[1] || colors[0] == LC_COLOR_NONE || colors[1] == LC_COLOR_NONE)
    return FALSE;

  rd->key.kind = LC_DETECTED_BLINK;
  rd->key.n_colors = 2;
  rd->key.colors[0] = MIN (colors[0], colors[1]);
  rd->key.colors[1] = MAX (colors[0], colors[1]);
  rd->rate_hz = 1.0 / med;
  /* Never dark: a blink of the whole run with a dark gap of a millisecond
   * (zero would read as "not measured").
   */
  rd->on_ms = 1000.0 * med - 1.0;
  rd->off_ms = 1.0;
  rd->active = TRUE;
  rd->confirmed = steady >= 4;

  return TRUE;
}

/* Whether the light's hue changes between its dark and lit samples (split
 * halfway between @lo and @hi): what a pale window does when the LED
 * behind it comes on, and what auto exposure, which scales a steady light
 * up and down, does not.
 */
static gboolean
hue_moves_with_level (const Window *w,
                      double        lo,
                      double        hi)
{
  double mid = 0.5 * (lo + hi), sum[2][2] = { { 0, 0 }, { 0, 0 } };
  guint n[2] = { 0, 0 };

  for (guint i = 0; i < w->n; i++)
    {
      double ch[2];
      guint k = w->s[i].level >= mid;

      if (!w->s[i].has_color || !lc_led_chromaticity (w->s[i].rgb, ch))
        continue;
      sum[k][0] += ch[0];
      sum[k][1] += ch[1];
      n[k]++;
    }
  if (n[0] == 0 || n[1] == 0)
    return FALSE;

  return hypot (sum[0][0] / n[0] - sum[1][0] / n[1], sum[0][1] / n[0] - sum[1][1] / n[1]) >= HUE_SPLIT_MIN;
}

/* The colour of the light's dark phase (below halfway from @lo to @hi). */
static LcColor
dark_phase_color (const Window *w,
                  double        lo,
                  double        hi)
{
  double mid = 0.5 * (lo + hi);
  float total[3] = { 0, 0, 0 };
  guint n = 0;

  for (guint i = 0; i < w->n; i++)
    {
      if (!w->s[i].has_color || w->s[i].level >= mid)
        continue;
      for (guint c = 0; c < 3; c++)
        total[c] += w->s[i].rgb[c];
      n++;
    }

  return n > 0 ? lc_led_classify_color (total, NULL) : LC_COLOR_NONE;
}

/* Whether a steady light of @color sits close enough to @t to fill its
 * dark phase with its glow.
 */
static gboolean
steady_neighbour_glows (LcLedDetector *self,
                        const Track   *t,
                        LcColor        color)
{
  if (color == LC_COLOR_NONE || color == LC_COLOR_WHITE)
    return FALSE;

  for (guint i = 0; i < self->n_tracks; i++)
    {
      const Track *o = self->tracks[i];

      if (o == t || o->key.kind != LC_DETECTED_SOLID || o->key.n_colors != 1 ||
          o->key.colors[0] != color)
        continue;
      if (lc_led_track_distance (o, t->cx, t->cy) <= BORROWED_GLOW_DISTANCE * MAX (self->width, self->height))
        return TRUE;
    }

  return FALSE;
}

/* How much a lit light's core varies: (90th - 10th percentile) / 90th.
 * Measured on the core itself, not over the ring: a blinking neighbour
 * moves the ring, not a steady light.
 */
static double
level_spread (const Window *w,
              guint         first)
{
  guint n = 0, n_clipped = 0;
  g_autofree double *v = NULL;
  double p10, p90;

  if (w->n - first < 5)
    return 0.0;
  v = g_new (double, w->n - first);
  for (guint i = first; i < w->n; i++)
    {
      if (w->s[i].top < 0.0f)
        n_clipped++;
      else
        v[n++] = w->s[i].top;
    }
  /* Clipped most of the time: as steady as the camera can tell. */
  if (n < 5 || n_clipped > n)
    return 0.0;
  qsort (v, n, sizeof (double), lc_led_compare_double);
  p10 = v[n / 10];
  p90 = v[n - 1 - n / 10];

  return p90 > 0.0 ? CLAMP ((p90 - p10) / p90, 0.0, 1.0) : 1.0;
}

/* One level: lit the whole time (solid), changing colour at a steady
 * brightness (alternating), or dark.
 */
static void
read_one_level (LcLedDetector *self,
                Track         *t,
                const Window  *w,
                double         hi,
                gint64         now,
                Reading       *rd,
                double        *sat)
{
  double floor_c = lc_led_contrast_floor (self);
  double recent = w->s[w->n - 1].level;
  gint64 since = w->s[w->n - 1].pts;
  float total[3] = { 0, 0, 0 };
  guint first = w->n - 1;

  for (guint i = w->n; i-- > 0;)
    {
      if (w->s[i].level < 0.4 * MAX (recent, floor_c) || w->s[i].level < floor_c)
        break;
      since = w->s[i].pts;
      first = i;
      if (w->s[i].has_color)
        {
          for (guint c = 0; c < 3; c++)
            total[c] += w->s[i].rgb[c];
        }
    }

  t->level = MAX (hi, 0.0);
  t->spread = level_spread (w, first);
  if (recent >= floor_c && (now - since) / NS_PER_S >= SOLID_PROVISIONAL_S &&
      !read_hue_alternation (w, first, self->interval_s, rd))
    {
      LcColor color = lc_led_classify_color (total, sat);

      /* A core clipped to white: the colour of its glow. */
      if (color == LC_COLOR_WHITE && t->halo_color != LC_COLOR_NONE)
        {
          color = t->halo_color;
          *sat = HALO_MIN_SATURATION;
        }

      /* Swelling and dimming without going dark: not (yet) a
       * pattern we can name, and certainly not solid.
       */
      rd->key.kind = t->spread <= SOLID_MAX_SPREAD ? LC_DETECTED_SOLID : LC_DETECTED_UNKNOWN;
      rd->key.n_colors = color != LC_COLOR_NONE ? 1 : 0;
      rd->key.colors[0] = color;
      rd->confirmed = rd->key.kind == LC_DETECTED_SOLID && (now - since) / NS_PER_S >= SOLID_CONFIRMED_S;
    }
  else if (rd->key.kind == LC_DETECTED_BLINK)
    /* Two distinct colours: as clear as a colour gets. */
    *sat = 1.0;
}

/* Once the pattern has repeated, the reading stays confirmed for as long
 * as it does not change (the window may hold fewer repeats later).
 */
static void
note_reading (LcLedDetector *self,
              Track         *t,
              const Reading *rd,
              gint64         now)
{
  if (!lc_led_reading_key_equal (&rd->key, &t->key))
    {
      t->key = rd->key;
      t->stable_since = now;
      t->confirmed = FALSE;
      self->serial++;
    }
  if (rd->confirmed && !t->confirmed)
    {
      t->confirmed = TRUE;
      self->serial++;
    }
}

/* The light as the signal vocabulary has it. */
static void
reading_to_light (const Reading *rd,
                  LcLight       *light)
{
  memset (light, 0, sizeof *light);
  light->n_colors = MIN (rd->key.n_colors, (guint) LC_LIGHT_MAX_COLORS);
  for (guint i = 0; i < light->n_colors; i++)
    light->colors[i] = rd->key.colors[i];
  switch (rd->key.kind)
    {
    case LC_DETECTED_SOLID:
      light->kind = LC_KIND_SOLID;
      break;
    case LC_DETECTED_BLINK:
    case LC_DETECTED_TOO_FAST:
      light->kind = LC_KIND_BLINK;
      break;
    case LC_DETECTED_BURST:
      light->kind = LC_KIND_BURST;
      light->count = rd->key.count;
      break;
    case LC_DETECTED_FADE:
      light->kind = LC_KIND_FADE;
      break;
    case LC_DETECTED_NONE:
    case LC_DETECTED_UNKNOWN:
    default:
      light->kind = LC_KIND_OFF;
      break;
    }
  if (rd->key.kind != LC_DETECTED_TOO_FAST && rd->rate_hz > 0.0 && isfinite (rd->rate_hz))
    {
      light->rate_hz = rd->rate_hz;
      light->on_ms = (guint) CLAMP (lround (rd->on_ms), 0, 600000);
      light->off_ms = (guint) CLAMP (lround (rd->off_ms), 0, 600000);
      light->pause_ms = (guint) CLAMP (lround (rd->pause_ms), 0, 600000);
    }
}

/* Confidence: contrast over noise, the pattern repeating, a clear colour. */
static double
reading_confidence (LcLedDetector *self,
                    const Track   *t,
                    const Reading *rd,
                    double         sat)
{
  double snr = t->level / MAX (self->noise, 1.0);
  double pattern = rd->confirmed ? 1.0 : rd->key.kind == LC_DETECTED_NONE ? 0.0 : 0.6;
  double colour = t->light.n_colors > 0 ? 0.5 + 0.5 * MIN (1.0, sat / 0.5) : 0.3;

  if (rd->key.kind == LC_DETECTED_UNKNOWN || rd->key.kind == LC_DETECTED_TOO_FAST)
    pattern *= 0.6;
  if (rd->key.kind == LC_DETECTED_BURST && rd->key.count == 0)
    pattern *= 0.5;

  return CLAMP (MIN (1.0, snr / 12.0) * pattern * colour, 0.0, 1.0);
}

/* How much light it gives while lit: for telling a light from what it lights. */
static void
measure_lit (Track        *t,
             const Window *w,
             double        hi)
{
  double sum_white = 0.0, sum_peak = 0.0, sum_dip = 0.0;
  double lit = t->binary ? lc_led_window_level_at (w, 0.6) : 0.5 * MAX (hi, 0.0);
  guint n_lit = 0;

  for (guint i = 0; i < w->n; i++)
    {
      if (w->s[i].level < lit)
        continue;
      sum_white += w->s[i].white;
      sum_peak += w->s[i].max;
      sum_dip += w->s[i].dip;
      n_lit++;
    }
  t->white = n_lit > 0 ? sum_white / n_lit : 0.0;
  t->peak = n_lit > 0 ? sum_peak / n_lit : 0.0;
  t->dip = n_lit > 0 ? sum_dip / n_lit : 0.0;
}

void
lc_led_classify_track (LcLedDetector *self,
                       Track         *t,
                       gint64         now)
{
  Window w;
  Reading rd = { 0, };
  Reading fade_reading = { 0, };
  double lo, hi = 0.0, sd_lo, floor_c = lc_led_contrast_floor (self);
  guint n_lo, n_hi;
  double sat = 0.0;
  gboolean shallow;

  lc_led_window_collect (t, now, &w);
  t->binary = FALSE;
  t->active = FALSE;

  if (w.n >= 3)
    {
      lc_led_split_levels (&w, MAX (4.0, 3.0 * self->noise), &sd_lo, &n_lo, &n_hi);
      lo = w.m_lo;
      hi = w.m_hi;
      t->m_lo = lo;
      t->m_hi = hi;
      t->up = lc_led_window_level_at (&w, 0.6);
      t->down = lc_led_window_level_at (&w, 0.4);

      /* A shallow dip is a blink seen through a pale window only when the
       * hue moves with it (auto exposure dims a steady light without), and
       * its edges are sharp: glare sliding over a shiny housing swells and
       * dims as smoothly as a fade, so a shallow light is never one.
       */
      shallow = lo > DEPTH_RATIO * hi;
      if (hi >= floor_c && n_lo >= 1 && n_hi >= 1 &&
          (!shallow ||
           (((lo <= SHALLOW_DEPTH_RATIO * hi && hi - lo >= SHALLOW_MIN_SEPARATION * MAX (sd_lo, 1.0)) ||
             (lo <= BORROWED_DEPTH_RATIO * hi && steady_neighbour_glows (self, t, dark_phase_color (&w, lo, hi)))) &&
            hue_moves_with_level (&w, lo, hi))) &&
          hi - lo >= MAX (floor_c, 3.0 * sd_lo))
        {
          t->binary = TRUE;
          t->level = hi - MAX (lo, 0.0);

          /* A shallow dip that swells and dims smoothly is a fade behind a
           * pale window, or glare: which one cannot be told, and neither
           * is a blink. Say what is seen and nothing more.
           */
          if (shallow && read_fade (self, &w, &fade_reading))
            {
              rd.key.kind = LC_DETECTED_UNKNOWN;
              rd.active = TRUE;
            }
          else if (shallow || !read_fade (self, &w, &rd))
            {
              lc_led_find_edges (&w);
              lc_led_drop_glitches (&w);
              lc_led_find_runs (&w, w.s[0].pts, now);
              rd.active = w.n_edges > 0;
              read_pattern (self, &w, &rd);
            }
          else
            {
              Periods ps;

              /* The colours of a fade come from its brighter half; its
               * period, when the level split gives steady ones, from the
               * edges (they stay put when auto exposure or clipping change
               * the height of a breath).
               */
              lc_led_find_edges (&w);
              lc_led_drop_glitches (&w);
              lc_led_find_runs (&w, w.s[0].pts, now);
              if (rd.key.kind == LC_DETECTED_FADE && read_periods (&w, self->interval_s, &ps) &&
                  ps.good >= 2 && ps.bad * 4 <= ps.n)
                {
                  rd.rate_hz = ps.good / ps.good_sum;
                  rd.on_ms = rd.off_ms = 500.0 / rd.rate_hz;
                }
            }

          if (rd.key.kind != LC_DETECTED_NONE)
            read_colors (&w, &rd.key, &sat);
        }
      else
        read_one_level (self, t, &w, hi, now, &rd, &sat);
    }

  if (rd.active)
    t->last_edge_ns = now;
  t->active = t->last_edge_ns >= 0 && now - t->last_edge_ns < NO_LIGHT_AFTER_NS;
  if (!t->active)
    t->active_since = -1;
  else if (t->active_since < 0)
    t->active_since = now;
  t->saturation = sat;

  note_reading (self, t, &rd, now);
  reading_to_light (&rd, &t->light);
  t->confidence = reading_confidence (self, t, &rd, sat);
  measure_lit (t, &w, hi);

  lc_led_window_clear (&w);
}
