/* lc-led-pattern.c — the detector's pattern grammar: solid, blink, burst, fade
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The runs are read with a small grammar: solid, fade, blink (rate,
 * alternating colours), burst (N blinks, a pause), too fast for the camera.
 * A light that changes colour without going dark is read from its hue
 * (lc-led-hue.c); lc-led-classify.c decides which reading a track gets.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lc-led-detector-private.h"

#define MAX_RUN_LABELS 64

/* The colour of each lit run, the last MAX_RUN_LABELS of them; from what
 * the light adds between dark and lit when @use_added.
 */
static guint
label_lit_runs (const Window *w,
                gboolean      use_added,
                LcColor       labels[MAX_RUN_LABELS])
{
  guint n_labels = 0;

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
      if (n_labels < MAX_RUN_LABELS)
        labels[n_labels++] = lc_led_classify_color (mean, NULL);
      else
        {
          memmove (labels, labels + 1, sizeof (LcColor) * (n_labels - 1));
          labels[n_labels - 1] = lc_led_classify_color (mean, NULL);
        }
    }

  return n_labels;
}

/* Whether the last 2 × @cycle of @labels repeat a cycle of distinct
 * colours; if so, puts it in @key starting at its lowest colour, so that
 * the reading is stable.
 */
static gboolean
read_color_cycle (const LcColor *labels,
                  guint          n_labels,
                  guint          cycle,
                  ReadingKey    *key)
{
  LcColor seq[LC_LIGHT_MAX_COLORS];
  guint start = 0;

  for (guint i = n_labels - 2 * cycle; i < n_labels; i++)
    {
      if (labels[i] == LC_COLOR_NONE || labels[i] == LC_COLOR_WHITE ||
          labels[i] != labels[i >= cycle ? i - cycle : i])
        return FALSE;
    }

  for (guint i = 0; i < cycle; i++)
    {
      seq[i] = labels[n_labels - cycle + i];
      for (guint j = 0; j < i; j++)
        {
          if (seq[j] == seq[i])
            return FALSE;
        }
    }

  for (guint i = 1; i < cycle; i++)
    {
      if (seq[i] < seq[start])
        start = i;
    }
  for (guint i = 0; i < cycle; i++)
    key->colors[i] = seq[(start + i) % cycle];
  key->n_colors = cycle;

  return TRUE;
}

/* Whether the last lit runs show two different colours: a light that
 * takes turns in colours before its cycle repeated twice, whose single
 * colour is not settled yet.
 */
static gboolean
labels_disagree (const LcColor *labels,
                 guint          n_labels)
{
  LcColor seen = LC_COLOR_NONE;

  for (guint i = n_labels - MIN (n_labels, 2u * LC_LIGHT_MAX_COLORS); i < n_labels; i++)
    {
      if (labels[i] == LC_COLOR_NONE || labels[i] == LC_COLOR_WHITE)
        continue;
      if (seen != LC_COLOR_NONE && labels[i] != seen)
        return TRUE;
      seen = labels[i];
    }

  return FALSE;
}

/* Colours of the light: one, or a repeating sequence of lit runs. Sets
 * *@out_settled to FALSE when its lit runs differ in colour in no cycle
 * (yet): then its one colour is only a first guess.
 */
void
lc_led_read_colors (const Window *w,
                    ReadingKey   *key,
                    double       *out_saturation,
                    gboolean     *out_settled)
{
  LcColor labels[MAX_RUN_LABELS];
  guint n_labels;
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
  n_labels = label_lit_runs (w, use_added, labels);

  main_color = use_added ? lc_led_classify_color (added, &sat) : lc_led_classify_color (total, &sat);
  *out_saturation = sat;
  key->n_colors = main_color != LC_COLOR_NONE ? 1 : 0;
  key->colors[0] = main_color;

  /* Alternation: the last lit runs repeat a cycle of 2 or 3 colours. */
  for (guint cycle = 2; cycle <= LC_LIGHT_MAX_COLORS && n_labels >= 2 * cycle; cycle++)
    {
      if (read_color_cycle (labels, n_labels, cycle, key))
        break;
    }
  *out_settled = key->n_colors > 1 || !labels_disagree (labels, n_labels);
}

/* Lit runs in the window: in a blink, which has no pause, all in a row. */
guint
lc_led_count_blinks (const Window *w)
{
  guint n = 0;

  for (guint r = 0; r < w->n_runs; r++)
    n += w->runs[r].on ? 1 : 0;

  return n;
}

/* Periods from rising edge to rising edge and falling to falling, split
 * into steady ones and outliers (an edge lost in noise, or a light first
 * seen halfway through a blink, spoils one or two). An outlier across
 * missing frames is left out: a lost frame may have hidden a whole blink.
 * Returns FALSE when there is none.
 */
gboolean
lc_led_read_periods (const Window *w,
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

/* The most groups a burst reading holds; a window shows far fewer. */
#define MAX_BURST_GROUPS 32

/* Each whole group's blinks, timed from its first blink to its last. The
 * mean lengths of the lit and dark runs are thrown off by one lit run that
 * swallowed a gap (two blinks merged in glare, say); a group that lost a
 * blink so is told by its count and left out.
 */
typedef struct
{
  gint64   first_on, first_off;            /* the group's first blink's edges */
  gint64   last_on, last_off;              /* and its latest one's */
  guint    blinks;
  gboolean broken;                         /* an edge unknown, or frames missing */
  guint    n;                              /* whole groups so far: */
  guint    counts[MAX_BURST_GROUPS];       /* their blinks */
  double   seconds[MAX_BURST_GROUPS];      /* and from their first edges to their
                                            * last, rising and falling added up */
} BurstSpans;

/* Adds @run, which comes after a pause, to the group it is in; a @pause
 * ends the group.
 */
static void
add_to_group_span (BurstSpans *sp,
                   const Run  *run,
                   gboolean    pause)
{
  if (pause)
    {
      if (sp->blinks >= 2 && !sp->broken && sp->n < G_N_ELEMENTS (sp->counts))
        {
          sp->counts[sp->n] = sp->blinks;
          sp->seconds[sp->n++] = (sp->last_on - sp->first_on + sp->last_off - sp->first_off) / NS_PER_S;
        }
      sp->blinks = 0;
      sp->broken = FALSE;
      return;
    }

  sp->broken |= run->gap || !run->start_known || !run->end_known;
  if (!run->on)
    return;
  if (sp->blinks == 0)
    {
      sp->first_on = run->start;
      sp->first_off = run->end;
    }
  sp->last_on = run->start;
  sp->last_off = run->end;
  sp->blinks++;
}

/* Blinks per second in @sp's groups of @count blinks, into @rate_hz if
 * there are any: a group that lost a blink (two merged, or one too faint)
 * spans the wrong number of them.
 */
static void
burst_span_rate (const BurstSpans *sp,
                 guint             count,
                 double           *rate_hz)
{
  guint periods = 0;
  double seconds = 0.0;

  for (guint g = 0; g < sp->n; g++)
    {
      if (sp->counts[g] != count)
        continue;
      periods += 2 * (count - 1);
      seconds += sp->seconds[g];
    }
  if (periods > 0 && seconds > 0.0)
    *rate_hz = periods / seconds;
}

/* Counts the blinks between pauses (dark runs of @thr seconds or more). */
static void
read_burst (const Window *w,
            double        thr,
            double        mean_on,
            double        fps,
            Reading      *rd)
{
  guint groups[MAX_BURST_GROUPS];
  guint n_groups = 0, count = 0;
  gboolean open = FALSE;
  double pause_sum = 0.0, short_sum = 0.0;
  guint n_pause = 0, n_short = 0;
  BurstSpans spans = { 0, };

  for (guint r = 0; r < w->n_runs; r++)
    {
      const Run *run = &w->runs[r];
      gboolean pause = !run->on && lc_led_run_seconds (run) >= thr;

      if (open)
        add_to_group_span (&spans, run, pause);
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
  burst_span_rate (&spans, rd->key.count, &rd->rate_hz);

  /* Inside a group it may still be too fast to count. */
  if (rd->rate_hz > TOO_FAST_FRACTION * fps)
    {
      rd->key.kind = LC_DETECTED_TOO_FAST;
      rd->key.count = 0;
    }
}

/* The lengths of the whole lit runs in @ons and dark runs in @offs, and
 * the longest of each.
 */
static void
collect_run_lengths (const Window *w,
                     double       *ons,
                     guint        *n_on,
                     double       *max_on,
                     double       *offs,
                     guint        *n_off,
                     double       *max_off)
{
  *n_on = *n_off = 0;
  *max_on = *max_off = 0.0;
  for (guint r = 0; r < w->n_runs; r++)
    {
      const Run *run = &w->runs[r];

      if (!run->start_known || !run->end_known)
        continue;
      if (run->on)
        {
          ons[(*n_on)++] = lc_led_run_seconds (run);
          *max_on = MAX (*max_on, lc_led_run_seconds (run));
        }
      else
        {
          offs[(*n_off)++] = lc_led_run_seconds (run);
          *max_off = MAX (*max_off, lc_led_run_seconds (run));
        }
    }
}

/* The light stopped: lit (or dark) for much longer than its pattern. Lit
 * after a dark time, it may be breathing or blinking slowly: it is
 * confirmed steady once it has stayed lit for longer than a breath takes.
 */
static gboolean
read_stopped (const Window *w,
              double        longest,
              Reading      *rd)
{
  const Run *last = &w->runs[w->n_runs - 1];

  if (last->on && lc_led_run_seconds (last) > MAX (SOLID_PROVISIONAL_S, 3.0 * longest) && w->n_edges > 0)
    {
      rd->key.kind = LC_DETECTED_SOLID;
      rd->confirmed = lc_led_run_seconds (last) >= SOLID_BREATH_CONFIRMED_S;
      return TRUE;
    }
  if (!last->on && lc_led_run_seconds (last) > MAX (DARK_AFTER_S, 3.0 * longest))
    {
      rd->key.kind = LC_DETECTED_NONE;
      rd->active = FALSE;
      return TRUE;
    }

  return FALSE;
}

/* Blink, burst, too fast or unknown, from the runs. */
void
lc_led_read_pattern (const LcLedDetector *self,
                     const Window        *w,
                     Reading             *rd)
{
  g_autofree double *ons = g_new (double, w->n_runs + 1);
  g_autofree double *offs = g_new (double, w->n_runs + 1);
  g_autofree double *tmp = g_new (double, w->n_runs + 1);
  guint n_on, n_off;
  const Run *last = &w->runs[w->n_runs - 1];
  double mean_on, med_off, max_on, max_off;
  double fps = 1.0 / self->interval_s;
  guint n_r, n_f;
  double rate;

  collect_run_lengths (w, ons, &n_on, &max_on, offs, &n_off, &max_off);

  /* The mean: edge timing errors average out over the runs. */
  mean_on = 0.0;
  for (guint i = 0; i < n_on; i++)
    mean_on += ons[i] / n_on;
  memcpy (tmp, offs, n_off * sizeof (double));
  med_off = lc_led_median (tmp, n_off);

  rate = edge_rate (w, &n_r, &n_f);
  if (read_stopped (w, MAX (max_on, max_off), rd))
    return;

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

    if (lc_led_read_periods (w, self->interval_s, &ps) &&
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

/* The ends of the light's range, robustly: its 3rd and 97th percentiles.
 * FALSE when it does not change.
 */
static gboolean
robust_range (const Window *w,
              double       *out_lo,
              double       *out_hi)
{
  double mn = G_MAXDOUBLE, mx = -G_MAXDOUBLE, lo, hi;
  guint hist[64] = { 0, };
  guint acc;

  for (guint i = 0; i < w->n; i++)
    {
      mn = MIN (mn, w->s[i].level);
      mx = MAX (mx, w->s[i].level);
    }
  if (mx - mn <= 0.0)
    return FALSE;

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

  *out_lo = lo;
  *out_hi = hi;
  return hi - lo > 0.0;
}

/* Many samples between dark and full (even when the top clips), or every
 * way between them taking frames (a bright breath that clips most of the
 * time), and no jumps between frames.
 */
static gboolean
changes_smoothly (const LcLedDetector *self,
                  const Window        *w,
                  double               lo,
                  double               range)
{
  guint mid = 0, jumps = 0, pairs = 0;
  guint crossings = 0, ramps = 0, in_middle = 0;
  int side = 0;  /* -1 below the middle, 1 above it, 0 not yet either */

  for (guint i = 0; i < w->n; i++)
    {
      double v = (w->s[i].level - lo) / range;

      if (v > 0.2 && v < 0.8)
        {
          mid++;
          in_middle++;
        }
      else
        {
          int now_side = v <= 0.2 ? -1 : 1;

          /* Only a way from one end to the other: a lit level that sags
           * into the middle and recovers is no crossing.
           */
          if (side != 0 && now_side != side)
            {
              crossings++;
              ramps += in_middle >= FADE_RAMP_MIN_SAMPLES;
            }
          side = now_side;
          in_middle = 0;
        }
      if (i > 0 && !lc_led_is_gap (self, &w->s[i - 1], &w->s[i]))
        {
          pairs++;
          if (fabs (w->s[i].level - w->s[i - 1].level) > 0.45 * range)
            jumps++;
        }
    }

  return (mid >= 0.12 * w->n ||
          (crossings >= FADE_RAMP_MIN_CROSSINGS && ramps >= FADE_RAMP_SHARE * crossings)) &&
         jumps <= 0.02 * pairs + 1;
}

typedef struct
{
  guint  ups;            /* upward crossings */
  gint64 up_first, up_last;
  double intervals[64];  /* seconds between crossings of one direction */
  guint  n_intervals;
} FadeCrossings;

static void
add_fade_interval (FadeCrossings *fc,
                   double         seconds)
{
  if (fc->n_intervals < G_N_ELEMENTS (fc->intervals))
    fc->intervals[fc->n_intervals++] = seconds;
}

/* Crossings of a third of the range, upward and downward, on a lightly
 * smoothed level and interpolated (a third: low enough that a breath
 * dimmed by auto exposure still crosses it); a crossing counts once the
 * level went back past 15 % or 50 %. A breath missed anyway shows as an
 * interval twice as long.
 */
static void
find_fade_crossings (const Window  *w,
                     double         lo,
                     double         range,
                     FadeCrossings *fc)
{
  double mid_level = lo + 0.33 * range;
  gint64 down_last = -1;
  gboolean descended = TRUE, low = TRUE;
  double prev_v = 0.0;
  gint64 prev_t = 0;

  fc->ups = 0;
  fc->up_first = fc->up_last = -1;
  fc->n_intervals = 0;

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
          if (fc->up_last >= 0)
            add_fade_interval (fc, (t - fc->up_last) / NS_PER_S);
          if (fc->up_first < 0)
            fc->up_first = t;
          fc->up_last = t;
          fc->ups++;
        }
      else if (!low && !descended && prev_v >= mid_level && v < mid_level)
        {
          descended = TRUE;
          if (down_last >= 0)
            add_fade_interval (fc, (t - down_last) / NS_PER_S);
          down_last = t;
        }

      if (!low && (v - lo) / range < 0.15)
        low = TRUE;

      prev_v = v;
      prev_t = w->s[i].pts;
    }
}

/* The breathing period: the intervals' total over the breaths they span. */
static double
fade_period (const FadeCrossings *fc)
{
  double sorted[G_N_ELEMENTS (fc->intervals)], base, total = 0.0;
  guint breaths = 0;

  memcpy (sorted, fc->intervals, fc->n_intervals * sizeof (double));
  base = lc_led_median (sorted, fc->n_intervals);
  for (guint i = 0; i < fc->n_intervals; i++)
    {
      total += fc->intervals[i];
      breaths += MAX (1, (guint) lround (fc->intervals[i] / base));
    }

  return total / breaths;
}

/* Whether the light swells and dims smoothly, at its lowest down to
 * @depth of its highest or below. Its two levels say less: a fade spends
 * much of its time in between, so their means sit closer together than
 * its ends do.
 */
gboolean
lc_led_swells_to (const LcLedDetector *self,
                  const Window        *w,
                  double               depth)
{
  double lo, hi;

  return w->n >= 10 && robust_range (w, &lo, &hi) && hi > 0.0 && lo <= depth * hi &&
         changes_smoothly (self, w, lo, hi - lo);
}

/* Fade: a light that brightens and dims smoothly. */
gboolean
lc_led_read_fade (const LcLedDetector *self,
                  const Window        *w,
                  Reading             *rd)
{
  FadeCrossings fc;
  double lo, hi;

  if (w->n < 10 || !robust_range (w, &lo, &hi) || !changes_smoothly (self, w, lo, hi - lo))
    return FALSE;

  find_fade_crossings (w, lo, hi - lo, &fc);

  rd->key.kind = LC_DETECTED_FADE;
  rd->active = TRUE;
  if (fc.ups >= 2 && fc.up_last > fc.up_first)
    {
      double period = fade_period (&fc);

      rd->rate_hz = 1.0 / period;
      rd->on_ms = rd->off_ms = period * 500.0;
      rd->confirmed = fc.ups >= 3;
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
