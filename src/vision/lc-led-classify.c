/* lc-led-classify.c — gives each track its reading, confidence and lit measurements
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Splits a track's recent window into levels and runs, chooses which part of
 * the grammar reads it (a pattern, a fade, one steady level, a change of
 * hue), and keeps a reading provisional until it has repeated.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lc-led-detector-private.h"

/* How much a lit light's core varies from sample @first on: (90th - 10th
 * percentile) / 90th; how many of those samples clip in @out_n_clipped.
 * Measured on the core itself, not over the ring: a blinking neighbour
 * moves the ring, not a steady light. A clipped sample is brighter than
 * any other, so it still has its rank: a light clipped nearly all the time
 * is as steady as the camera can tell, but one that clips only at the top
 * of a slow breath is not.
 */
static double
level_spread (const Window *w,
              guint         first,
              guint        *out_n_clipped)
{
  guint n = 0, total = w->n - first, i10, i90;
  g_autofree double *v = NULL;
  double p10, p90;

  v = g_new (double, MAX (total, 1u));
  for (guint i = first; i < w->n; i++)
    {
      if (w->s[i].top >= 0.0f)
        v[n++] = w->s[i].top;
    }
  *out_n_clipped = total - n;
  if (total < 5)
    return 0.0;
  i10 = total / 10;
  i90 = total - 1 - total / 10;
  if (n < 5 || i10 >= n)
    return 0.0;
  p10 = lc_led_select_double (v, n, i10);
  /* What is left above p10 holds p90, or, when p90 clipped, the
   * brightest sample that did not.
   */
  p90 = lc_led_select_double (v + i10, n - i10, MIN (i90, n - 1) - i10);

  return p90 > 0.0 ? CLAMP ((p90 - p10) / p90, 0.0, 1.0) : 1.0;
}

/* Whether the light, from sample @first on, takes turns in two colours
 * of its own (see lc_led_read_hue_alternation()); if so, @rd says so,
 * and *@sat is 1: two distinct colours are as clear as a colour gets.
 * @colors are the colours it showed, as there. A light behind a pale
 * window, in its dim phase, shows the window: white, or the glow of a
 * steady neighbour on it. That dimmer colour is not one of its own (a
 * white LED outshines a coloured one).
 */
static gboolean
reads_in_turns (LcLedDetector *self,
                const Track   *t,
                const Window  *w,
                guint          first,
                Reading       *rd,
                LcColor        colors[2],
                double        *sat)
{
  LcColor dimmer;

  if (!lc_led_read_hue_alternation (w, first, self->interval_s, rd, colors, &dimmer))
    return FALSE;
  if (dimmer != LC_COLOR_WHITE && !lc_led_steady_neighbour_glows (self, t, dimmer))
    {
      *sat = 1.0;
      return TRUE;
    }

  memset (rd, 0, sizeof *rd);
  return FALSE;
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
  guint first = w->n - 1, n_clipped;
  LcColor color;
  double settle_s;

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
  t->spread = level_spread (w, first, &n_clipped);
  if (recent < floor_c || (now - since) / NS_PER_S < SOLID_PROVISIONAL_S)
    return;

  if (reads_in_turns (self, t, w, first, rd, t->turn_colors, sat))
    return;

  color = lc_led_classify_color (total, sat);

  /* A core clipped to white: the colour of its glow. */
  if (color == LC_COLOR_WHITE && t->halo_color != LC_COLOR_NONE)
    {
      color = t->halo_color;
      *sat = HALO_MIN_SATURATION;
      t->color_from_glow = TRUE;
    }

  /* Swelling and dimming without going dark: not (yet) a
   * pattern we can name, and certainly not solid.
   */
  rd->key.kind = t->spread <= SOLID_MAX_SPREAD ? LC_DETECTED_SOLID : LC_DETECTED_UNKNOWN;
  rd->key.n_colors = color != LC_COLOR_NONE ? 1 : 0;
  rd->key.colors[0] = color;
  /* Nor is it settled while it varies more than a steady light does (it
   * may be the top of a slow breath), or while it shows two colours: it
   * may be taking turns in them more slowly than has been seen yet. A
   * core that clips would not show a breath's top varying: it is watched
   * for as long as a breath takes.
   */
  settle_s = n_clipped >= SOLID_CLIPPED_SHARE * (w->n - first) ? SOLID_BREATH_CONFIRMED_S : SOLID_CONFIRMED_S;
  rd->confirmed = rd->key.kind == LC_DETECTED_SOLID && (now - since) / NS_PER_S >= settle_s &&
                  t->spread <= SOLID_CONFIRMED_SPREAD && t->turn_colors[0] == LC_COLOR_NONE;
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

/* The colour the light adds of its own between dark and lit, if it
 * outshines what it sits on when lit (an LED behind a pale window coming
 * on), or LC_COLOR_NONE. The edge of a coloured object swaying through
 * the light's disc adds its colour too, but only as a small bump on its
 * surroundings.
 */
static LcColor
lit_color (const Track *t,
           Window      *w)
{
  /* Both the two-level gate and the fade reading ask; it is one pass over
   * the window, so it is worked out once.
   */
  if (!w->lit_color_known)
    {
      w->lit_color = w->m_hi < SOLID_MIN_CONTRAST * t->bg ? LC_COLOR_NONE
                                                           : lc_led_added_color (w, w->m_lo, w->m_hi);
      w->lit_color_known = TRUE;
    }

  return w->lit_color;
}

/* Whether a light that dims but never goes dark blinks behind a pale
 * window: its hue moves with its level, or it lights up in a colour its
 * dark phase does not have (the window is pale). Auto exposure swinging
 * over a steady light does neither: it dims the light in its own colour.
 */
static gboolean
blinks_behind_window (const Track *t,
                      Window      *w)
{
  LcColor added;

  if (lc_led_hue_moves_with_level (w, w->m_lo, w->m_hi))
    return TRUE;

  added = lit_color (t, w);
  return added != LC_COLOR_NONE && added != lc_led_dark_phase_color (w, w->m_lo, w->m_hi);
}

/* Whether the light breathes deeply, for one behind a pale window: a fade
 * spends much of its time between its ends, so its two levels sit closer
 * together than they do, and how deep it swells is read from its ends.
 * Like any fade (see lc_led_score_track()) it must swing far compared
 * with its surroundings: drift over a textured wall swells a little too.
 */
static gboolean
swells_deeply (LcLedDetector *self,
               const Track   *t,
               const Window  *w)
{
  return w->m_hi - w->m_lo >= FADE_MIN_SWING * t->bg && lc_led_swells_to (self, w, SHALLOW_DEPTH_RATIO);
}

/* Whether the light's core still clips while its level is down: then it
 * did not go dark, its surroundings brightened (the glow of a blinking
 * neighbour on the same frosted window), and the dips are not its own.
 * An LED that takes turns in two colours may clip in both; each of its
 * phases has a colour of its own, and they differ. (The neighbour's glow
 * moves the hue too, so the hue moving is not enough to tell.)
 */
static gboolean
clips_while_dark (const Window *w)
{
  double mid = 0.5 * (w->m_lo + w->m_hi);
  guint n_dark = 0, n_clipped = 0;
  float lit_total[3] = { 0, 0, 0 };
  LcColor lit, dark;

  for (guint i = 0; i < w->n; i++)
    {
      if (w->s[i].level >= mid)
        {
          if (w->s[i].has_color)
            for (guint c = 0; c < 3; c++)
              lit_total[c] += w->s[i].rgb[c];
          continue;
        }
      n_dark++;
      if (w->s[i].top < 0.0f)
        n_clipped++;
    }
  if (n_dark == 0 || n_clipped < DARK_CLIPPED_SHARE * n_dark)
    return FALSE;

  lit = lc_led_classify_color (lit_total, NULL);
  dark = lc_led_dark_phase_color (w, w->m_lo, w->m_hi);
  return lit == LC_COLOR_NONE || lit == LC_COLOR_WHITE || dark == LC_COLOR_NONE || dark == LC_COLOR_WHITE ||
         lit == dark;
}

/* Whether the window's two levels, @lo and @hi, make a light that goes
 * dark, or one that blinks or fades behind a pale window (see
 * blinks_behind_window() and swells_deeply()).
 */
static gboolean
has_two_levels (LcLedDetector *self,
                const Track   *t,
                Window        *w,
                double         sd_lo,
                guint          n_lo,
                guint          n_hi)
{
  double lo = w->m_lo, hi = w->m_hi, floor_c = lc_led_contrast_floor (self);
  gboolean shallow = lo > DEPTH_RATIO * hi;

  return hi >= floor_c && n_lo >= 1 && n_hi >= 1 &&
         (!shallow ||
          (((lo <= SHALLOW_DEPTH_RATIO * hi && hi - lo >= SHALLOW_MIN_SEPARATION * MAX (sd_lo, 1.0)) ||
            swells_deeply (self, t, w) ||
            (lo <= BORROWED_DEPTH_RATIO * hi && lc_led_steady_neighbour_glows (self, t, lc_led_dark_phase_color (w, lo, hi)))) &&
           blinks_behind_window (t, w))) &&
         hi - lo >= MAX (floor_c, 3.0 * sd_lo) && !clips_while_dark (w);
}

static void
find_runs (Window *w,
           gint64  now)
{
  lc_led_find_edges (w);
  lc_led_drop_glitches (w);
  lc_led_find_runs (w, w->s[0].pts, now);
}

/* Reads a light that has two levels: a pattern of runs, or a fade. */
static void
read_two_levels (LcLedDetector *self,
                 const Track   *t,
                 Window        *w,
                 gint64         now,
                 Reading       *rd,
                 double        *sat)
{
  Reading fade_reading = { 0, };
  gboolean shallow = w->m_lo > DEPTH_RATIO * w->m_hi;
  gboolean fades;
  LcColor turns[2];

  /* A light that never goes dark and changes colour as it changes level
   * takes turns in two colours that the camera sees at two brightnesses
   * (blue looks dimmer than red): its hue says what it does, not its
   * level, which would read as a fade or a blink of one colour.
   */
  if (shallow && reads_in_turns (self, t, w, 0, rd, turns, sat))
    return;

  fades = lc_led_read_fade (self, w, &fade_reading);

  /* A shallow dip that swells and dims smoothly is a fade behind a pale
   * window, or glare. Glare adds white; a fade adds its colour. When the
   * two cannot be told apart, say what is seen and nothing more: neither
   * is a blink.
   */
  if (fades && shallow && lit_color (t, w) == LC_COLOR_NONE)
    {
      rd->key.kind = LC_DETECTED_UNKNOWN;
      rd->active = TRUE;
    }
  else if (!fades)
    {
      find_runs (w, now);
      rd->active = w->n_edges > 0;
      lc_led_read_pattern (self, w, rd);
    }
  else
    {
      Periods ps;

      *rd = fade_reading;
      /* The colours of a fade come from its brighter half; its period,
       * when the level split gives steady ones, from the edges (they stay
       * put when auto exposure or clipping change the height of a breath).
       */
      find_runs (w, now);
      if (rd->key.kind == LC_DETECTED_FADE && lc_led_read_periods (w, self->interval_s, &ps) &&
          ps.good >= 2 && ps.bad * 4 <= ps.n)
        {
          rd->rate_hz = ps.good / ps.good_sum;
          rd->on_ms = rd->off_ms = 500.0 / rd->rate_hz;
        }
    }

  if (rd->key.kind != LC_DETECTED_NONE)
    {
      gboolean settled;

      lc_led_read_colors (w, &rd->key, sat, &settled);
      rd->confirmed &= settled;
    }

  /* A blink is the start of a burst until it outlasts the longest one. */
  if (rd->key.kind == LC_DETECTED_BLINK && lc_led_count_blinks (w) <= LC_LED_LONGEST_BURST)
    rd->confirmed = FALSE;
}

/* A track is active while it shows changes, and for a while after. */
static void
note_activity (Track         *t,
               const Reading *rd,
               gint64         now)
{
  if (rd->active)
    t->last_edge_ns = now;
  t->active = t->last_edge_ns >= 0 && now - t->last_edge_ns < NO_LIGHT_AFTER_NS;
  if (!t->active)
    t->active_since = -1;
  else if (t->active_since < 0)
    t->active_since = now;
}

void
lc_led_classify_track (LcLedDetector *self,
                       Track         *t,
                       gint64         now)
{
  Window w;
  Reading rd = { 0, };
  double hi = 0.0, sd_lo;
  guint n_lo, n_hi;
  double sat = 0.0;

  lc_led_window_collect (t, now, &w);
  t->binary = FALSE;
  t->active = FALSE;
  t->takes_light = FALSE;
  t->color_from_glow = FALSE;
  t->turn_colors[0] = t->turn_colors[1] = LC_COLOR_NONE;

  if (w.n >= 3)
    {
      lc_led_split_levels (&w, MAX (4.0, 3.0 * self->noise), &sd_lo, &n_lo, &n_hi);
      hi = w.m_hi;
      t->m_lo = w.m_lo;
      t->m_hi = hi;
      t->up = lc_led_window_level_at (&w, 0.6);
      t->down = lc_led_window_level_at (&w, 0.4);

      if (has_two_levels (self, t, &w, sd_lo, n_lo, n_hi))
        {
          t->binary = TRUE;
          t->level = hi - MAX (w.m_lo, 0.0);
          t->takes_light = self->format != LC_PIXEL_FORMAT_GRAY8 && lc_led_takes_light_away (&w, w.m_lo, w.m_hi);
          read_two_levels (self, t, &w, now, &rd, &sat);
        }
      else
        read_one_level (self, t, &w, hi, now, &rd, &sat);
    }

  note_activity (t, &rd, now);
  t->saturation = sat;

  note_reading (self, t, &rd, now);
  reading_to_light (&rd, &t->light);
  t->confidence = reading_confidence (self, t, &rd, sat);
  measure_lit (t, &w, hi);

  lc_led_window_clear (&w);
}
