/* lc-signal-timing.c — when a light is lit: periods, bursts and the state at a moment
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "lc-signal-private.h"

/* Lights */

/* A light whose timing was never filled is drawn with the defaults. */
static const LcLight *
timed_light (const LcLight *light,
             LcLight       *scratch)
{
  gboolean needs_timing;

  switch (light->kind)
    {
    case LC_KIND_BLINK:
    case LC_KIND_FADE:
      needs_timing = light->on_ms == 0 || light->off_ms == 0;
      break;
    case LC_KIND_BURST:
      needs_timing = light->on_ms == 0 || light->off_ms == 0 ||
                     light->pause_ms == 0 || light->count == 0 ||
                     light->count > BURST_MAX_COUNT;
      break;
    case LC_KIND_OFF:
    case LC_KIND_SOLID:
    default:
      needs_timing = FALSE;
      break;
    }

  if (!needs_timing && light->n_colors <= LC_LIGHT_MAX_COLORS)
    return light;

  *scratch = *light;
  lc_light_normalize (scratch);
  return scratch;
}

/* Length in ms of one burst group: the last blink's dark time is the pause. */
static double
burst_group_ms (const LcLight *light)
{
  return (double) light->count * (light->on_ms + light->off_ms) - light->off_ms + light->pause_ms;
}

/* How many blinks (or breaths, or groups) before the color cycle and the
 * pattern line up again.
 */
static guint
color_cycle_repeats (const LcLight *light)
{
  guint n = MAX (light->n_colors, 1);

  if (light->kind == LC_KIND_BURST)
    {
      guint a = light->count, b = n;

      /* groups needed: n / gcd (count, n) */
      while (b != 0)
        {
          guint r = a % b;
          a = b;
          b = r;
        }
      return n / a;
    }

  return n;
}

double
lc_light_get_period (const LcLight *light)
{
  LcLight scratch;

  g_return_val_if_fail (light != NULL, 0.0);

  if (!light_is_lit (light))
    return 0.0;

  light = timed_light (light, &scratch);

  switch (light->kind)
    {
    case LC_KIND_BLINK:
    case LC_KIND_FADE:
      return color_cycle_repeats (light) * (double) (light->on_ms + light->off_ms) / 1000.0;
    case LC_KIND_BURST:
      return color_cycle_repeats (light) * burst_group_ms (light) / 1000.0;
    case LC_KIND_OFF:
    case LC_KIND_SOLID:
    default:
      return 0.0;
    }
}

/* Returns colors[index mod n] for a (possibly huge) whole number @index. */
static LcColor
color_for_index (const LcLight *light,
                 double         index)
{
  guint n = MAX (light->n_colors, 1);
  double slot = fmod (index, (double) n);

  if (slot < 0)
    slot += n;

  return light->colors[MIN ((guint) slot, n - 1)];
}

/* Where @t_ms falls in the on + off cycle: milliseconds since the start of
 * its cycle, the cycle's number in @out_index.
 */
static double
cycle_phase (const LcLight *light,
             double         t_ms,
             double        *out_index)
{
  double cycle_ms = light->on_ms + light->off_ms;

  *out_index = floor (t_ms / cycle_ms);
  return t_ms - *out_index * cycle_ms;
}

/* The state of each kind at @t_ms, a time in milliseconds: the timings
 * are whole milliseconds, so the edges of every blink are exact for frame
 * times such as i / 30.0. Each leaves @color and @level alone while dark.
 */
static void
blink_state_at (const LcLight *light,
                double         t_ms,
                LcColor       *color,
                double        *level)
{
  double index;
  double phase = cycle_phase (light, t_ms, &index);

  if (phase < light->on_ms)
    {
      *color = color_for_index (light, index);
      *level = 1.0;
    }
}

static void
burst_state_at (const LcLight *light,
                double         t_ms,
                LcColor       *color,
                double        *level)
{
  double group_ms = burst_group_ms (light);
  double cycle_ms = light->on_ms + light->off_ms;
  double group = floor (t_ms / group_ms);
  double phase = t_ms - group * group_ms;
  double blink = floor (phase / cycle_ms);

  if (blink < light->count && phase - blink * cycle_ms < light->on_ms)
    {
      guint n = MAX (light->n_colors, 1);

      *color = color_for_index (light, fmod (group, n) * light->count + blink);
      *level = 1.0;
    }
}

static void
fade_state_at (const LcLight *light,
               double         t_ms,
               LcColor       *color,
               double        *level)
{
  double index;
  double phase = cycle_phase (light, t_ms, &index);
  double breath;

  /* Raised cosine: dark at the start of each breath, full at on_ms,
   * dark again at the end; rise and fall may differ in length.
   */
  if (phase < light->on_ms)
    breath = 0.5 - 0.5 * cos (G_PI * phase / light->on_ms);
  else
    breath = 0.5 + 0.5 * cos (G_PI * (phase - light->on_ms) / light->off_ms);
  breath = CLAMP (breath, 0.0, 1.0);
  if (breath > 0.0)
    {
      *color = color_for_index (light, index);
      *level = breath;
    }
}

gboolean
lc_light_state_at (const LcLight *light,
                   double         t_seconds,
                   LcColor       *out_color,
                   double        *out_level)
{
  LcLight scratch;
  LcColor color = LC_COLOR_NONE;
  double level = 0.0;

  g_return_val_if_fail (light != NULL, FALSE);

  if (light_is_lit (light) && isfinite (t_seconds))
    {
      double t_ms = t_seconds * 1000.0;

      light = timed_light (light, &scratch);

      switch (light->kind)
        {
        case LC_KIND_SOLID:
          color = light->colors[0];
          level = 1.0;
          break;

        case LC_KIND_BLINK:
          blink_state_at (light, t_ms, &color, &level);
          break;

        case LC_KIND_BURST:
          burst_state_at (light, t_ms, &color, &level);
          break;

        case LC_KIND_FADE:
          fade_state_at (light, t_ms, &color, &level);
          break;

        case LC_KIND_OFF:
        default:
          break;
        }
    }

  if (out_color != NULL)
    *out_color = color;
  if (out_level != NULL)
    *out_level = level;

  return color != LC_COLOR_NONE;
}

/* Signals */

double
lc_signal_get_period (const LcSignal *signal)
{
  double period = 0.0;

  g_return_val_if_fail (signal != NULL, 0.0);

  for (guint i = 0; i < MIN (signal->n_lights, LC_SIGNAL_MAX_LIGHTS); i++)
    period = MAX (period, lc_light_get_period (&signal->lights[i]));

  return period;
}

gboolean
lc_signal_light_at (const LcSignal *signal,
                    guint           light_index,
                    double          t_seconds,
                    LcColor        *out_color,
                    double         *out_level)
{
  g_return_val_if_fail (signal != NULL, FALSE);

  if (light_index >= MIN (signal->n_lights, LC_SIGNAL_MAX_LIGHTS))
    {
      if (out_color != NULL)
        *out_color = LC_COLOR_NONE;
      if (out_level != NULL)
        *out_level = 0.0;
      return FALSE;
    }

  return lc_light_state_at (&signal->lights[light_index], t_seconds, out_color, out_level);
}

/* Timelines */

#define NS_PER_MS         G_GINT64_CONSTANT (1000000)
#define FADE_MAX_SAMPLES  20000

/* Rounds down for negative times too, so periods repeat before 0. */
static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if (a % b != 0 && (a < 0) != (b < 0))
    q--;

  return q;
}

/* The first moment after @t_ns at which a blinking or bursting light goes
 * on or off. Every edge is a whole millisecond, so this is exact.
 */
static gint64
next_edge_ns (const LcLight *light,
              gint64         t_ns)
{
  gint64 on = light->on_ms * NS_PER_MS;
  gint64 cycle = (gint64) (light->on_ms + light->off_ms) * NS_PER_MS;

  if (light->kind == LC_KIND_BURST)
    {
      gint64 group = (gint64) burst_group_ms (light) * NS_PER_MS;
      gint64 group_start = floor_div (t_ns, group) * group;
      gint64 phase = t_ns - group_start;
      gint64 blink = phase / cycle;

      if (blink >= light->count)
        return group_start + group;
      if (phase - blink * cycle < on)
        return group_start + blink * cycle + on;
      /* The last blink's dark time is the pause. */
      if (blink == light->count - 1)
        return group_start + group;
      return group_start + (blink + 1) * cycle;
    }
  else
    {
      gint64 start = floor_div (t_ns, cycle) * cycle;

      return t_ns - start < on ? start + on : start + cycle;
    }
}

/* Appends a run, or lengthens the last one of this call when it looks the
 * same.
 */
static void
append_run (GArray  *runs,
            guint    first,
            gint64   start_ns,
            gint64   end_ns,
            LcColor  color,
            double   level)
{
  LcLightRun run = { start_ns, end_ns, color != LC_COLOR_NONE, color, FALSE, 0.0 };

  if (run.on)
    run.level = level;

  if (runs->len > first)
    {
      LcLightRun *last = &g_array_index (runs, LcLightRun, runs->len - 1);

      if (last->on == run.on && last->color == run.color && last->level == run.level &&
          last->end_ns == start_ns)
        {
          last->end_ns = end_ns;
          return;
        }
    }

  g_array_append_val (runs, run);
}

guint
lc_signal_to_runs (const LcSignal *signal,
                   guint           light_index,
                   gint64          start_ns,
                   gint64          end_ns,
                   GArray         *runs)
{
  LcLight scratch;
  const LcLight *light = NULL;
  guint first;

  g_return_val_if_fail (signal != NULL, 0);
  g_return_val_if_fail (runs != NULL, 0);
  g_return_val_if_fail (g_array_get_element_size (runs) == sizeof (LcLightRun), 0);

  if (end_ns <= start_ns)
    return 0;

  first = runs->len;

  if (light_index < MIN (signal->n_lights, LC_SIGNAL_MAX_LIGHTS) &&
      light_is_lit (&signal->lights[light_index]))
    light = timed_light (&signal->lights[light_index], &scratch);

  if (light == NULL || light->kind == LC_KIND_OFF)
    {
      append_run (runs, first, start_ns, end_ns, LC_COLOR_NONE, 0.0);
    }
  else if (light->kind == LC_KIND_SOLID)
    {
      append_run (runs, first, start_ns, end_ns, light->colors[0], 1.0);
    }
  else if (light->kind == LC_KIND_FADE)
    {
      /* The brightness changes all the time: sample it, in steps. */
      gint64 span = end_ns - start_ns;
      gint64 step = MAX (NS_PER_MS, (span + FADE_MAX_SAMPLES - 1) / FADE_MAX_SAMPLES);

      for (gint64 t = start_ns; t < end_ns; t += step)
        {
          gint64 t_end = MIN (t + step, end_ns);
          LcColor color;
          double level;
          int q = 0;

          if (lc_light_state_at (light, (t + (t_end - t) / 2) / 1e9, &color, &level))
            q = MAX (1, (int) lround (level * LC_LIGHT_RUN_LEVELS));
          else
            color = LC_COLOR_NONE;
          append_run (runs, first, t, t_end, color, (double) q / LC_LIGHT_RUN_LEVELS);
        }
    }
  else
    {
      for (gint64 t = start_ns; t < end_ns;)
        {
          gint64 t_end = MIN (next_edge_ns (light, t), end_ns);
          LcColor color;

          /* The middle of the stretch says whether it is lit, and which
           * color blink it is.
           */
          lc_light_state_at (light, (t + (t_end - t) / 2) / 1e9, &color, NULL);
          append_run (runs, first, t, t_end, color, 1.0);
          t = t_end;
        }
    }

  return runs->len - first;
}
