/* lc-light-choice.h — a light as the match page's controls put it: colours, pattern, count, speed
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The controls speak of patterns (blinking, alternating, N blinks then a
 * pause) and three speeds; the signal speaks of kinds and rates. This is
 * the translation both ways, kept apart from the widgets so it can be
 * tested on its own.
 */

#pragma once

#include "lc-signal.h"

G_BEGIN_DECLS

typedef enum
{
  LC_CHOICE_PATTERN_OFF,
  LC_CHOICE_PATTERN_SOLID,
  LC_CHOICE_PATTERN_BLINK,
  LC_CHOICE_PATTERN_BURST,
  LC_CHOICE_PATTERN_ALTERNATING,
  LC_CHOICE_PATTERN_FADE,
  LC_N_CHOICE_PATTERNS
} LcChoicePattern;

typedef enum
{
  LC_CHOICE_SPEED_SLOW,
  LC_CHOICE_SPEED_NORMAL,
  LC_CHOICE_SPEED_FAST,
  LC_N_CHOICE_SPEEDS
} LcChoiceSpeed;

/* What the controls say about one light of the device. */
typedef struct
{
  LcColor         colors[LC_LIGHT_MAX_COLORS];
  guint           n_colors;
  LcChoicePattern pattern;
  guint           count;   /* LC_CHOICE_PATTERN_BURST: blinks per group */
  LcChoiceSpeed   speed;
} LcLightChoice;

/* Fills @choice from @light. An unlit light is LC_CHOICE_PATTERN_OFF and
 * keeps the colours @choice had, so turning it back on brings them back.
 */
void          lc_light_choice_set_from_light (LcLightChoice       *choice,
                                              const LcLight       *light);
/* The light @choice describes, its timing filled; "normal" speed leaves
 * the rate implicit, so the text form stays "red:blink".
 */
void          lc_light_choice_to_light       (const LcLightChoice *choice,
                                              LcLight             *light);
/* Slow, normal or fast, from an explicit rate against the kind's default. */
LcChoiceSpeed lc_light_choice_speed_of       (const LcLight       *light);

G_END_DECLS
