/* lc-led-prior.c — what the knowledge base says a device's lights can do, for the detector
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lc-led-prior.h"

/* Fills @prior with @device's lights: how many, and each one's colours. */
void
lc_led_prior_init_for_device (LcLedPrior *prior,
                              LcDevice   *device)
{
  const LcDeviceLight *lights;
  guint n_lights = 0;

  g_return_if_fail (prior != NULL);
  g_return_if_fail (LC_IS_DEVICE (device));

  memset (prior, 0, sizeof *prior);
  lights = lc_device_get_lights (device, &n_lights);
  prior->n_lights = MIN (n_lights, (guint) LC_SIGNAL_MAX_LIGHTS);
  for (guint i = 0; i < prior->n_lights; i++)
    {
      for (guint c = 0; c < MIN (lights[i].n_colors, (guint) LC_N_COLORS); c++)
        prior->palettes[i] |= 1u << lights[i].colors[c];
    }
}
