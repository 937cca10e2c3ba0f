/* lc-reading-words.h — what the camera page says about a light, in words
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lc-led-detector.h"

G_BEGIN_DECLS

/* Before a reading is confirmed: only what was seen so far, never a
 * figure ("Red light — counting blinks…"). */
char *lc_reading_words_provisional (const LcDetectedLed *led);

/* One light once its reading is confirmed, or once the video has ended:
 * the light in full ("Red light: six blinks, then a pause"). */
char *lc_reading_words_full        (const LcDetectedLed *led);

/* The words of one light's row, decided the way the headline decides, so
 * the two never disagree. */
char *lc_reading_words_for_row     (const LcDetectedLed *led,
                                    gboolean             confirmed,
                                    gboolean             finished);

/* The colors of one light as words inside a sentence: "red", "blue and
 * green"; a light seen only as a bright spot reads as white. */
char *lc_reading_words_colors      (const LcDetectedLed *led);

/* "92 % sure": for a confirmed reading only. */
char *lc_reading_words_confidence  (double               confidence);

/* The camera page's headline for @detection, whose reading is @signal
 * (no lights: none yet). Sets @out_detail to the line under it, and
 * @out_spoken to what to announce (a confirmed reading only, else NULL).
 * @finished: the video played to its end; @webcam: not a video file.
 */
char *lc_reading_words_status      (const LcDetection   *detection,
                                    const LcSignal      *signal,
                                    gboolean             confirmed,
                                    double               confidence,
                                    gboolean             finished,
                                    gboolean             webcam,
                                    char               **out_detail,
                                    char               **out_spoken);

G_END_DECLS
