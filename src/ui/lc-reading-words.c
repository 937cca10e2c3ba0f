/* lc-reading-words.c — what the camera page says about a light, in words
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reading that is not confirmed yet may still change: it is told as
 * what has been seen so far, never with a figure that would make it look
 * settled (see confidence_for() in lc-led-detector.c: a figure of 0.5 or
 * more means confirmed).
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lc-reading-words.h"

char *
lc_reading_words_colors (const LcDetectedLed *led)
{
  g_return_val_if_fail (led != NULL, NULL);

  if (led->light.n_colors == 0)
    return g_strdup (lc_color_get_word (LC_COLOR_WHITE));

  return lc_light_describe_colors (&led->light);
}

/* The colors starting a sentence: "Red", "Blue and green". No article:
 * "a amber light" would be wrong, and the color decides it. */
static char *
dup_colors_capitalized (const LcDetectedLed *led)
{
  g_autofree char *colors = lc_reading_words_colors (led);
  gunichar first = g_utf8_get_char (colors);
  char buf[8] = { 0, };

  g_unichar_to_utf8 (g_unichar_totitle (first), buf);

  return g_strconcat (buf, g_utf8_next_char (colors), NULL);
}

char *
lc_reading_words_provisional (const LcDetectedLed *led)
{
  g_autofree char *colors = NULL;

  g_return_val_if_fail (led != NULL, NULL);

  colors = dup_colors_capitalized (led);

  /* Translators for all of these: %s is one or two color words starting
   * the sentence ("Red", "Blue and green"); the reading is not confirmed
   * yet, so they say only what has been seen so far. */
  switch (led->kind)
    {
    case LC_DETECTED_SOLID:
      return g_strdup_printf (_("%s light, steady so far…"), colors);
    case LC_DETECTED_BLINK:
      return g_strdup_printf (_("%s light — counting blinks…"), colors);
    case LC_DETECTED_BURST:
      return g_strdup_printf (_("%s light, blinking in groups — counting blinks…"), colors);
    case LC_DETECTED_FADE:
      return g_strdup_printf (_("%s light, fading so far…"), colors);
    case LC_DETECTED_TOO_FAST:
      return g_strdup_printf (_("%s light, blinking fast — watching…"), colors);
    case LC_DETECTED_NONE:
    case LC_DETECTED_UNKNOWN:
    default:
      return g_strdup_printf (_("%s light — watching for a pattern…"), colors);
    }
}

char *
lc_reading_words_full (const LcDetectedLed *led)
{
  g_autofree char *colors = NULL;
  LcDetection single = { 0, };
  LcSignal signal;

  g_return_val_if_fail (led != NULL, NULL);

  colors = lc_reading_words_colors (led);

  switch (led->kind)
    {
    case LC_DETECTED_SOLID:
    case LC_DETECTED_BLINK:
    case LC_DETECTED_BURST:
    case LC_DETECTED_FADE:
      single.n_leds = 1;
      single.leds[0] = *led;
      if (lc_detection_to_signal (&single, &signal))
        return lc_signal_describe (&signal);
      break;
    case LC_DETECTED_TOO_FAST:
      /* Translators: %s is one or two color words, "red" */
      return g_strdup_printf (_("Blinking %s light, too fast to count"), colors);
    case LC_DETECTED_NONE:
    case LC_DETECTED_UNKNOWN:
    default:
      break;
    }

  /* Translators: %s is a color; the pattern is not known yet */
  return g_strdup_printf (_("Seen: %s light, pattern not clear yet"), colors);
}

char *
lc_reading_words_for_row (const LcDetectedLed *led,
                          gboolean             confirmed,
                          gboolean             finished)
{
  g_return_val_if_fail (led != NULL, NULL);

  if (confirmed || finished)
    return lc_reading_words_full (led);

  return lc_reading_words_provisional (led);
}

char *
lc_reading_words_confidence (double confidence)
{
  /* Translators: how sure a confirmed reading is, e.g. "92 % sure" */
  return g_strdup_printf (_("%d %% sure"), (int) round (CLAMP (confidence, 0, 1) * 100));
}
