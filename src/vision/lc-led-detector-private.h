/* lc-led-detector-private.h — detector internals the tests check directly
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lc-led-detector.h"

G_BEGIN_DECLS

/* Max-pools one row of @width pixels in @format by @pool into @out (one
 * byte per cell: the brightest channel), through the same vector code as
 * the detector; with @force_scalar through the plain loop instead.
 */
void _lc_led_detector_pool_row (LcPixelFormat  format,
                                int            width,
                                int            pool,
                                const guint8  *row,
                                guint8        *out,
                                gboolean       force_scalar);

/* Appends one line per track (position, size, level, reading, score) to
 * @out: what lc-detector-trace prints while tuning.
 */
void _lc_led_detector_dump_tracks (LcLedDetector *self,
                                   GString       *out);

G_END_DECLS
