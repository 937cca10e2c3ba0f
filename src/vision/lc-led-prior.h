/* lc-led-prior.h — what the knowledge base says a device's lights can do, for the detector
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lc-device.h"
#include "lc-led-detector.h"

G_BEGIN_DECLS

void lc_led_prior_init_for_device (LcLedPrior *prior,
                                   LcDevice   *device);

G_END_DECLS
