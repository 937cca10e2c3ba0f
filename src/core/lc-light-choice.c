/* lc-light-choice.c — a light as the match page's controls put it: colours, pattern, count, speed
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lc-light-choice.h"

/* Speeds. "Normal" is the core's default rate, left implicit, so the text
 * form stays "red:blink"; the others are explicit and the core describes
 * them as fast or slow.
 */
static double
default_rate (LcKind kind)
{
  return kind == LC_KIND_BURST ? LC_BURST_DEFAULT_HZ : LC_BLINK_DEFAULT_HZ;
}

static double
rate_for_speed (LcKind        kind,
                LcChoiceSpeed speed)
{
  switch (speed)
    {
    case LC_CHOICE_SPEED_SLOW:
      return default_rate (kind) / 2.0;
    case LC_CHOICE_SPEED_FAST:
      return kind == LC_KIND_BURST ? 5.0 : 4.0;
    case LC_CHOICE_SPEED_NORMAL:
    case LC_N_CHOICE_SPEEDS:
    default:
      return 0.0;
    }
}

LcChoiceSpeed
lc_light_choice_speed_of (const LcLight *light)
{
  double ratio;

  if ((light->kind != LC_KIND_BLINK && light->kind != LC_KIND_BURST) ||
      !light->rate_explicit || light->rate_hz <= 0)
    return LC_CHOICE_SPEED_NORMAL;

  ratio = light->rate_hz / default_rate (light->kind);
  if (ratio >= 1.5)
    return LC_CHOICE_SPEED_FAST;
  if (ratio <= 0.67)
    return LC_CHOICE_SPEED_SLOW;
  return LC_CHOICE_SPEED_NORMAL;
}

void
lc_light_choice_set_from_light (LcLightChoice *choice,
                                const LcLight *light)
{
  g_return_if_fail (choice != NULL);
  g_return_if_fail (light != NULL);

  guint n_colors = MIN (light->n_colors, LC_LIGHT_MAX_COLORS);

  if (n_colors > 0)
    {
      for (guint c = 0; c < n_colors; c++)
        choice->colors[c] = light->colors[c];
      choice->n_colors = n_colors;
    }

  switch (light->kind)
    {
    case LC_KIND_SOLID:
      choice->pattern = LC_CHOICE_PATTERN_SOLID;
      break;
    case LC_KIND_BLINK:
      choice->pattern = n_colors > 1 ? LC_CHOICE_PATTERN_ALTERNATING : LC_CHOICE_PATTERN_BLINK;
      break;
    case LC_KIND_BURST:
      choice->pattern = LC_CHOICE_PATTERN_BURST;
      choice->count = light->count;
      break;
    case LC_KIND_FADE:
      choice->pattern = LC_CHOICE_PATTERN_FADE;
      break;
    case LC_KIND_OFF:
    default:
      choice->pattern = LC_CHOICE_PATTERN_OFF;
      break;
    }

  if (n_colors == 0)
    choice->pattern = LC_CHOICE_PATTERN_OFF;

  choice->speed = lc_light_choice_speed_of (light);
}

void
lc_light_choice_to_light (const LcLightChoice *choice,
                          LcLight             *light)
{
  g_return_if_fail (choice != NULL);
  g_return_if_fail (light != NULL);

  memset (light, 0, sizeof *light);

  for (guint c = 0; c < choice->n_colors; c++)
    light->colors[c] = choice->colors[c];
  light->n_colors = choice->n_colors;

  switch (choice->pattern)
    {
    case LC_CHOICE_PATTERN_SOLID:
      light->kind = LC_KIND_SOLID;
      light->n_colors = MIN (light->n_colors, 1);
      break;
    case LC_CHOICE_PATTERN_BLINK:
      light->kind = LC_KIND_BLINK;
      light->n_colors = MIN (light->n_colors, 1);
      break;
    case LC_CHOICE_PATTERN_ALTERNATING:
      light->kind = LC_KIND_BLINK;
      break;
    case LC_CHOICE_PATTERN_BURST:
      light->kind = LC_KIND_BURST;
      light->count = choice->count;
      break;
    case LC_CHOICE_PATTERN_FADE:
      light->kind = LC_KIND_FADE;
      break;
    case LC_CHOICE_PATTERN_OFF:
    case LC_N_CHOICE_PATTERNS:
    default:
      light->kind = LC_KIND_OFF;
      break;
    }

  if (light->kind == LC_KIND_BLINK || light->kind == LC_KIND_BURST)
    {
      double rate = rate_for_speed (light->kind, choice->speed);

      lc_light_set_rate (light, rate, rate > 0);
    }
  else
    {
      lc_light_normalize (light);
    }
}
