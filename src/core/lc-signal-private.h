/* lc-signal-private.h — what the lc-signal*.c files share and nothing else sees
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>

#include "lc-signal.h"

G_BEGIN_DECLS

/* How many blinks a burst may have, in text and in words. */
#define BURST_MIN_COUNT 1
#define BURST_MAX_COUNT 20

static inline gboolean
light_is_lit (const LcLight *light)
{
  return light->kind != LC_KIND_OFF && light->n_colors > 0;
}

/* Half of a blink period at @rate_hz, at least 1 ms. */
static inline guint
half_period_ms (double rate_hz)
{
  return MAX (1, (guint) lround (500.0 / rate_hz));
}

G_END_DECLS
