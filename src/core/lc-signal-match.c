/* lc-signal-match.c — how well an observed signal fits a known one, with tolerance
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lc-signal-private.h"

#define MATCH_FACTOR_COLOR   0.65
#define MATCH_FACTOR_KIND    0.60
#define MATCH_FACTOR_COUNT   0.65
#define MATCH_FACTOR_RATE    0.70
#define MATCH_FACTOR_MISSING 0.60
/* Explicit rates within this ratio are "the same speed". */
#define MATCH_RATE_TOLERANCE 1.5

typedef enum
{
  COLOR_DIFFERENT,
  COLOR_CONFUSABLE,
  COLOR_SAME,
} ColorRelation;

/* Cameras clip saturated LEDs to white, and people (and cameras) take
 * amber for red and red for amber.
 */
static ColorRelation
relate_colors (LcColor observed,
               LcColor known)
{
  if (observed == known)
    return COLOR_SAME;

  if ((observed == LC_COLOR_AMBER && known == LC_COLOR_RED) ||
      (observed == LC_COLOR_RED && known == LC_COLOR_AMBER))
    return COLOR_CONFUSABLE;

  if (observed == LC_COLOR_WHITE && known != LC_COLOR_NONE)
    return COLOR_CONFUSABLE;

  return COLOR_DIFFERENT;
}

static ColorRelation
relate_color_sets (const LcLight *observed,
                   const LcLight *known)
{
  guint n_o = MIN (observed->n_colors, LC_LIGHT_MAX_COLORS);
  guint n_k = MIN (known->n_colors, LC_LIGHT_MAX_COLORS);

  if (n_o == 0 || n_k == 0)
    return COLOR_DIFFERENT;

  if (n_o == n_k)
    {
      ColorRelation best = COLOR_DIFFERENT;

      /* Where an alternation starts is only a matter of when one looked. */
      for (guint shift = 0; shift < n_k; shift++)
        {
          ColorRelation worst = COLOR_SAME;

          for (guint i = 0; i < n_o; i++)
            worst = MIN (worst, relate_colors (observed->colors[i], known->colors[(i + shift) % n_k]));

          best = MAX (best, worst);
        }

      return best;
    }

  if (n_o < n_k)
    {
      /* Some colors of an alternating light were missed: each color seen
       * must be one of the known colors.
       */
      for (guint i = 0; i < n_o; i++)
        {
          ColorRelation best = COLOR_DIFFERENT;

          for (guint j = 0; j < n_k; j++)
            best = MAX (best, relate_colors (observed->colors[i], known->colors[j]));

          if (best == COLOR_DIFFERENT)
            return COLOR_DIFFERENT;
        }

      return COLOR_CONFUSABLE;
    }

  return COLOR_DIFFERENT;
}

static gboolean
kinds_confusable (LcKind a,
                  LcKind b)
{
  if (a > b)
    {
      LcKind swap = a;
      a = b;
      b = swap;
    }

  return (a == LC_KIND_BLINK && b == LC_KIND_BURST) ||
         (a == LC_KIND_BLINK && b == LC_KIND_FADE);
}

static double
match_light (const LcLight *observed,
             const LcLight *known,
             LcMatchFlags  *flags)
{
  double score = 1.0;

  *flags = LC_MATCH_EXACT;

  switch (relate_color_sets (observed, known))
    {
    case COLOR_SAME:
      break;
    case COLOR_CONFUSABLE:
      *flags |= LC_MATCH_COLOR_CONFUSED;
      score *= MATCH_FACTOR_COLOR;
      break;
    case COLOR_DIFFERENT:
    default:
      return 0.0;
    }

  if (observed->kind != known->kind)
    {
      if (!kinds_confusable (observed->kind, known->kind))
        return 0.0;

      *flags |= LC_MATCH_KIND_CONFUSED;
      score *= MATCH_FACTOR_KIND;
      return score;
    }

  if (known->kind == LC_KIND_BURST && observed->count != known->count)
    {
      guint lo = MIN (observed->count, known->count);
      guint hi = MAX (observed->count, known->count);

      /* Two and three blinks are told apart; five and six often are not. */
      if (hi - lo != 1 || lo < 3)
        return 0.0;

      *flags |= LC_MATCH_COUNT_OFF;
      score *= MATCH_FACTOR_COUNT;
    }

  if ((known->kind == LC_KIND_BLINK || known->kind == LC_KIND_BURST) &&
      observed->rate_explicit && known->rate_explicit &&
      observed->rate_hz > 0.0 && known->rate_hz > 0.0)
    {
      double ratio = fabs (log (observed->rate_hz / known->rate_hz));

      if (ratio > log (MATCH_RATE_TOLERANCE) + 1e-9)
        {
          *flags |= LC_MATCH_RATE_DIFFERS;
          score *= MATCH_FACTOR_RATE;
        }
    }

  return score;
}

typedef struct
{
  const LcLight *observed[LC_SIGNAL_MAX_LIGHTS];
  const LcLight *known[LC_SIGNAL_MAX_LIGHTS];
  guint          n_observed;
  guint          n_known;
  double         pair_score[LC_SIGNAL_MAX_LIGHTS][LC_SIGNAL_MAX_LIGHTS];
  LcMatchFlags   pair_flags[LC_SIGNAL_MAX_LIGHTS][LC_SIGNAL_MAX_LIGHTS];
  double         best_score;
  LcMatchFlags   best_flags;
} Assignment;

/* Tries every way to give each observed light its own known light (at
 * most 4! = 24 ways) and keeps the best product of scores.
 */
static void
assign_lights (Assignment   *assignment,
               guint         observed_index,
               guint         used_known,
               double        score,
               LcMatchFlags  flags)
{
  if (score <= assignment->best_score)
    return;

  if (observed_index >= assignment->n_observed)
    {
      assignment->best_score = score;
      assignment->best_flags = flags;
      return;
    }

  /* Never true (both counts are at most LC_SIGNAL_MAX_LIGHTS), but it shows
   * GCC 12 at -O3 the array bounds, or it warns on the unrolled recursion.
   */
  if (observed_index >= LC_SIGNAL_MAX_LIGHTS)
    return;

  for (guint k = 0; k < MIN (assignment->n_known, LC_SIGNAL_MAX_LIGHTS); k++)
    {
      if (used_known & (1u << k))
        continue;

      assign_lights (assignment, observed_index + 1, used_known | (1u << k),
                     score * assignment->pair_score[observed_index][k],
                     flags | assignment->pair_flags[observed_index][k]);
    }
}

static guint
collect_lit_lights (const LcSignal  *signal,
                    const LcLight  **lights)
{
  guint n = 0;

  for (guint i = 0; i < MIN (signal->n_lights, LC_SIGNAL_MAX_LIGHTS); i++)
    {
      if (light_is_lit (&signal->lights[i]))
        lights[n++] = &signal->lights[i];
    }

  return n;
}

double
lc_signal_match (const LcSignal *observed,
                 const LcSignal *known,
                 LcMatchFlags   *out_flags)
{
  Assignment assignment;
  double score = 0.0;
  LcMatchFlags flags = LC_MATCH_EXACT;

  g_return_val_if_fail (observed != NULL, 0.0);
  g_return_val_if_fail (known != NULL, 0.0);

  memset (&assignment, 0, sizeof assignment);
  assignment.n_observed = collect_lit_lights (observed, assignment.observed);
  assignment.n_known = collect_lit_lights (known, assignment.known);

  if (assignment.n_observed == 0 && assignment.n_known == 0)
    {
      score = 1.0;
      goto out;
    }

  /* Dark against lit, an extra light, or two lights missing: different. */
  if (assignment.n_observed == 0 ||
      assignment.n_observed > assignment.n_known ||
      assignment.n_known - assignment.n_observed > 1)
    goto out;

  for (guint o = 0; o < assignment.n_observed; o++)
    for (guint k = 0; k < assignment.n_known; k++)
      assignment.pair_score[o][k] = match_light (assignment.observed[o], assignment.known[k],
                                                 &assignment.pair_flags[o][k]);

  assignment.best_score = 0.0;
  assign_lights (&assignment, 0, 0, 1.0, LC_MATCH_EXACT);

  if (assignment.best_score <= 0.0)
    goto out;

  score = assignment.best_score;
  flags = assignment.best_flags;

  if (assignment.n_observed < assignment.n_known)
    {
      score *= MATCH_FACTOR_MISSING;
      flags |= LC_MATCH_LIGHT_MISSING;
    }

out:
  if (out_flags != NULL)
    *out_flags = flags;

  return CLAMP (score, 0.0, 1.0);
}

gboolean
lc_light_has_same_colors (const LcLight *a,
                          const LcLight *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a->n_colors != b->n_colors)
    return FALSE;
  for (guint i = 0; i < a->n_colors; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < b->n_colors; j++)
        found |= a->colors[i] == b->colors[j];
      if (!found)
        return FALSE;
    }
  return TRUE;
}
