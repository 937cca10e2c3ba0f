/* lc-led-hue.c — what a light's hue says: alternating colours, a pale window, a neighbour's glow
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Brightness is not all a light shows: an RGB LED can take turns between
 * two colours at one brightness, an LED behind a pale window tints it as
 * it comes on, and a steady light's glow fills in its neighbour's dark
 * phase in its own colour.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lc-led-detector-private.h"

#define MAX_HUE_RUNS 64

/* The runs of one colour the lit samples make, once split in two. */
typedef struct
{
  double run_s[MAX_HUE_RUNS];  /* whole runs, seconds */
  guint  n_runs;
  float  sum_rgb[2][3];        /* per colour */
  double sum_level[2];
  guint  n_level[2];
} HueRuns;

static double
chroma_distance2 (const double a[2],
                  const double b[2])
{
  return (a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]);
}

/* Marks in @valid the samples from @first on that have a chromaticity,
 * keeps it in @chroma (every later pass reads it from there), and puts
 * their mean in @mean; returns how many.
 */
static guint
mean_chromaticity (const Window *w,
                   guint         first,
                   gboolean     *valid,
                   double      (*chroma)[2],
                   double        mean[2])
{
  guint n_valid = 0;

  mean[0] = mean[1] = 0.0;
  for (guint i = first; i < w->n; i++)
    {
      if (!w->s[i].has_color || !lc_led_chromaticity (w->s[i].rgb, chroma[i]))
        continue;
      valid[i] = TRUE;
      mean[0] += chroma[i][0];
      mean[1] += chroma[i][1];
      n_valid++;
    }
  if (n_valid > 0)
    {
      mean[0] /= n_valid;
      mean[1] /= n_valid;
    }

  return n_valid;
}

/* The valid sample farthest from @from. */
static void
farthest_chromaticity (const Window   *w,
                       guint           first,
                       const gboolean *valid,
                       double        (*chroma)[2],
                       const double    from[2],
                       double          out[2])
{
  double far = -1.0;

  for (guint i = first; i < w->n; i++)
    {
      double d;

      if (!valid[i])
        continue;
      d = chroma_distance2 (chroma[i], from);
      if (d > far)
        {
          far = d;
          out[0] = chroma[i][0];
          out[1] = chroma[i][1];
        }
    }
}

/* 2-means on the chromaticity of the samples from @first on, seeded with
 * the sample farthest from the mean and the one farthest from that: labels
 * each in @label with 0 or 1. FALSE unless there are enough samples, the two
 * colours are distinct and the lesser has a fifth of them at least.
 */
static gboolean
split_hues (const Window *w,
            guint         first,
            gboolean     *valid,
            double      (*chroma)[2],
            guint8       *label,
            double        centre[2][2])
{
  double mean_all[2];
  guint n_valid, count[2] = { 0, 0 };

  n_valid = mean_chromaticity (w, first, valid, chroma, mean_all);
  if (n_valid < 8)
    return FALSE;

  farthest_chromaticity (w, first, valid, chroma, mean_all, centre[0]);
  farthest_chromaticity (w, first, valid, chroma, centre[0], centre[1]);

  for (guint iter = 0; iter < 6; iter++)
    {
      double acc[2][2] = { { 0, 0 }, { 0, 0 } };

      count[0] = count[1] = 0;
      for (guint i = first; i < w->n; i++)
        {
          const double *ch = chroma[i];
          int k;

          if (!valid[i])
            continue;
          k = chroma_distance2 (ch, centre[1]) < chroma_distance2 (ch, centre[0]);
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

  return hypot (centre[0][0] - centre[1][0], centre[0][1] - centre[1][1]) >= HUE_SPLIT_MIN &&
         MIN (count[0], count[1]) * 5 >= n_valid;
}

/* Runs of one colour; a lone sample of the other colour is noise. */
static void
find_hue_runs (const Window   *w,
               guint           first,
               const gboolean *valid,
               const guint8   *label,
               HueRuns        *runs)
{
  gint64 run_start = -1;
  int current = -1;

  memset (runs, 0, sizeof *runs);
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
          if (current >= 0 && run_start >= 0 && runs->n_runs < MAX_HUE_RUNS)
            runs->run_s[runs->n_runs++] = (w->s[i].pts - run_start) / NS_PER_S;
          run_start = current >= 0 ? w->s[i].pts : -1;
          current = k;
        }
      for (guint c = 0; c < 3; c++)
        runs->sum_rgb[k][c] += w->s[i].rgb[c];
      runs->sum_level[k] += w->s[i].level;
      runs->n_level[k]++;
    }
}

/* The light stays about as bright in both colours. */
static gboolean
brightness_steady (const HueRuns *runs)
{
  double level[2];

  level[0] = runs->sum_level[0] / runs->n_level[0];
  level[1] = runs->sum_level[1] / runs->n_level[1];

  return MIN (level[0], level[1]) >= HUE_STEADY_LEVEL_RATIO * MAX (level[0], level[1]);
}

static double
median_run (const HueRuns *runs)
{
  double sorted[MAX_HUE_RUNS];

  memcpy (sorted, runs->run_s, runs->n_runs * sizeof (double));
  return lc_led_median (sorted, runs->n_runs);
}

/* A light that stays lit but changes colour in a steady rhythm (an RGB LED
 * alternating white and cyan, blue and green) is an alternating blink: its
 * brightness says nothing, its hue does. The lit samples from @first on are
 * split into two colours (2-means on lc_led_chromaticity); if they are distinct
 * and take turns in runs of a steady length, this fills @rd as a blink of
 * two colours, one per run. Two runs of each colour make it confirmed.
 * @out_colors are the two colours, if the light showed two at all, in
 * turns or not (yet): then it is no steady light of one colour. Else they
 * are LC_COLOR_NONE.
 * *@out_dimmer is the colour whose turns are clearly dimmer, if one is
 * (see BORROWED_DEPTH_RATIO). With
 * @added the samples' colours are what the light adds (see
 * lc_led_read_hue_alternation()).
 */
static gboolean
read_hue_alternation (const Window *w,
                      guint         first,
                      double        interval_s,
                      gboolean      added,
                      Reading      *rd,
                      LcColor       out_colors[2],
                      LcColor      *out_dimmer)
{
  g_autofree guint8 *label = NULL;
  g_autofree gboolean *valid = NULL;
  g_autofree double (*chroma)[2] = NULL;
  HueRuns runs;
  double centre[2][2] = { { 0, 0 }, { 0, 0 } };
  guint steady = 0;
  double med;
  LcColor colors[2];

  out_colors[0] = out_colors[1] = LC_COLOR_NONE;
  label = g_new0 (guint8, MAX (w->n, 1u));
  valid = g_new0 (gboolean, MAX (w->n, 1u));
  chroma = g_malloc0_n (MAX (w->n, 1u), sizeof *chroma);
  if (!split_hues (w, first, valid, chroma, label, centre))
    return FALSE;

  find_hue_runs (w, first, valid, label, &runs);
  if (runs.n_level[0] == 0 || runs.n_level[1] == 0)
    return FALSE;
  colors[0] = lc_led_classify_color (runs.sum_rgb[0], NULL);
  colors[1] = lc_led_classify_color (runs.sum_rgb[1], NULL);
  if (colors[0] == colors[1] || colors[0] == LC_COLOR_NONE || colors[1] == LC_COLOR_NONE)
    return FALSE;
  /* White added to a light is glare sliding by, not an LED's colour. */
  if (added && (colors[0] == LC_COLOR_WHITE || colors[1] == LC_COLOR_WHITE))
    return FALSE;
  out_colors[0] = colors[0];
  out_colors[1] = colors[1];
  if (!brightness_steady (&runs))
    return FALSE;

  /* Whole runs only: the first one started before it was seen. */
  if (runs.n_runs < 2)
    return FALSE;
  med = median_run (&runs);
  if (med < MAX (2.5 * interval_s, added ? ADDED_HUE_MIN_RUN_S : 0.0))
    return FALSE;
  for (guint i = 0; i < runs.n_runs; i++)
    steady += fabs (runs.run_s[i] - med) <= MAX (0.25 * med, 1.6 * interval_s);
  if (steady * 4 < runs.n_runs * 3)
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

  {
    double level0 = runs.sum_level[0] / runs.n_level[0], level1 = runs.sum_level[1] / runs.n_level[1];

    *out_dimmer = level0 < BORROWED_DEPTH_RATIO * level1 ? colors[0] :
                  level1 < BORROWED_DEPTH_RATIO * level0 ? colors[1] : LC_COLOR_NONE;
  }

  return TRUE;
}

/* The samples of @w from @first on, their colours replaced by what each
 * adds to the light's disc above its floor (per channel, the least seen):
 * behind a pale window the light's own samples stay grey in every colour,
 * but the window is in the floor, and the LED's colour is above it. A
 * sample that adds little, compared with the floor, has no colour: white
 * balance drifting moves every channel a little.
 */
static Sample *
added_color_samples (const Window *w,
                     guint         first)
{
  guint n = w->n - first;
  Sample *samples = g_memdup2 (w->s + first, n * sizeof (Sample));
  float floor_disc[3] = { G_MAXFLOAT, G_MAXFLOAT, G_MAXFLOAT }, floor_max;

  for (guint i = 0; i < n; i++)
    {
      for (guint c = 0; c < 3; c++)
        floor_disc[c] = MIN (floor_disc[c], samples[i].disc[c]);
    }

  floor_max = MAX (MAX (floor_disc[0], floor_disc[1]), floor_disc[2]);
  for (guint i = 0; i < n; i++)
    {
      Sample *sample = &samples[i];

      for (guint c = 0; c < 3; c++)
        sample->rgb[c] = sample->disc[c] - floor_disc[c];
      sample->has_color = MAX (MAX (sample->rgb[0], sample->rgb[1]), sample->rgb[2]) >=
                          MAX (2.0 * ADDED_COLOR_MIN_STEP, ADDED_COLOR_MIN_SHARE * floor_max);
    }

  return samples;
}

/* Whether the light's own samples from @first on are pale on the whole:
 * the light is seen through something that washes its colour out.
 */
static gboolean
looks_pale (const Window *w,
            guint         first)
{
  float total[3] = { 0, 0, 0 };

  for (guint i = first; i < w->n; i++)
    {
      if (!w->s[i].has_color)
        continue;
      for (guint c = 0; c < 3; c++)
        total[c] += w->s[i].rgb[c];
    }

  return lc_led_classify_color (total, NULL) == LC_COLOR_WHITE;
}

/* See read_hue_alternation(). When the light's own samples are pale and
 * show one colour, the colours it adds above its floor are read instead
 * (see added_color_samples()); a vivid light's own colour is already
 * read, and white balance drifting over it would move what it adds.
 * What a light adds is noisier than its own colour: near the split, noise
 * flips it in runs of a few frames, so the turns must be longer; and
 * white added is glare.
 */
gboolean
lc_led_read_hue_alternation (const Window *w,
                             guint         first,
                             double        interval_s,
                             Reading      *rd,
                             LcColor       out_colors[2],
                             LcColor      *out_dimmer)
{
  g_autofree Sample *added = NULL;
  Window aw;

  *out_dimmer = LC_COLOR_NONE;
  if (read_hue_alternation (w, first, interval_s, FALSE, rd, out_colors, out_dimmer))
    return TRUE;
  if (out_colors[0] != LC_COLOR_NONE || first >= w->n || !looks_pale (w, first))
    return FALSE;

  added = added_color_samples (w, first);
  aw = *w;
  aw.s = added;
  aw.n = w->n - first;

  return read_hue_alternation (&aw, 0, interval_s, TRUE, rd, out_colors, out_dimmer);
}

/* Whether the light's hue changes between its dark and lit samples (split
 * halfway between @lo and @hi): what a pale window does when the LED
 * behind it comes on, and what auto exposure, which scales a steady light
 * up and down, does not. A light that lights up in two colours by turns
 * averages to a pale hue when lit, so each lit sample is also compared
 * with the dark phase: most of them must sit away from it.
 */
gboolean
lc_led_hue_moves_with_level (const Window *w,
                             double        lo,
                             double        hi)
{
  double mid = 0.5 * (lo + hi), sum[2][2] = { { 0, 0 }, { 0, 0 } };
  double dark[2], lit[2];
  guint n[2] = { 0, 0 }, n_away = 0;

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

  dark[0] = sum[0][0] / n[0];
  dark[1] = sum[0][1] / n[0];
  lit[0] = sum[1][0] / n[1];
  lit[1] = sum[1][1] / n[1];
  if (chroma_distance2 (dark, lit) >= HUE_SPLIT_MIN * HUE_SPLIT_MIN)
    return TRUE;

  for (guint i = 0; i < w->n; i++)
    {
      double ch[2];

      if (w->s[i].level >= mid && w->s[i].has_color && lc_led_chromaticity (w->s[i].rgb, ch) &&
          chroma_distance2 (ch, dark) >= HUE_SPLIT_MIN * HUE_SPLIT_MIN)
        n_away++;
    }

  return n_away >= HUE_AWAY_MIN_SHARE * n[1];
}

/* Sums the discs of the light's dark samples into @sum[0] and of its lit
 * ones into @sum[1] (split halfway between @lo and @hi), counting them in
 * @n; FALSE unless each phase has two samples.
 */
static gboolean
sum_phase_discs (const Window *w,
                 double        lo,
                 double        hi,
                 double        sum[2][3],
                 guint         n[2])
{
  double mid = 0.5 * (lo + hi);

  memset (sum, 0, 2 * sizeof sum[0]);
  n[0] = n[1] = 0;
  for (guint i = 0; i < w->n; i++)
    {
      guint k = w->s[i].level >= mid;

      for (guint c = 0; c < 3; c++)
        sum[k][c] += w->s[i].disc[c];
      n[k]++;
    }

  return n[0] >= 2 && n[1] >= 2;
}

/* The clear colour the light adds to its disc between its dark and lit
 * samples (split halfway between @lo and @hi), or LC_COLOR_NONE: an LED
 * behind a pale window, or one whose core clips, barely changes the hue
 * of its own samples, but lit minus dark is the LED's colour. Glare adds
 * white.
 */
LcColor
lc_led_added_color (const Window *w,
                    double        lo,
                    double        hi)
{
  double sum[2][3], sat;
  guint n[2];
  float added[3];
  LcColor color;

  if (!sum_phase_discs (w, lo, hi, sum, n) || !lc_led_disc_added (sum[1], n[1], sum[0], n[0], added))
    return LC_COLOR_NONE;

  color = lc_led_classify_color (added, &sat);
  return color != LC_COLOR_WHITE && sat >= HALO_MIN_SATURATION ? color : LC_COLOR_NONE;
}

/* Whether the light's disc loses light in a channel as it "lights up"
 * (from its dark to its lit samples, split halfway between @lo and @hi):
 * an LED coming on only adds light, in every channel. The edge of a
 * coloured object that the phone's sway drags over the disc swaps the
 * wall's colour for the object's: one channel rises, the others fall.
 */
gboolean
lc_led_takes_light_away (const Window *w,
                         double        lo,
                         double        hi)
{
  double sum[2][3], rise = 0.0, fall = 0.0;
  guint n[2];

  if (!sum_phase_discs (w, lo, hi, sum, n))
    return FALSE;

  for (guint c = 0; c < 3; c++)
    {
      double change = sum[1][c] / n[1] - sum[0][c] / n[0];

      rise = MAX (rise, change);
      fall = MAX (fall, -change);
    }

  return fall > MAX (0.5 * ADDED_COLOR_MIN_STEP, TAKEN_LIGHT_RATIO * rise);
}

/* The colour of the light's dark phase (below halfway from @lo to @hi). */
LcColor
lc_led_dark_phase_color (const Window *w,
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
gboolean
lc_led_steady_neighbour_glows (LcLedDetector *self,
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
