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

  /* Translators: for all of these, %s is one or two color words starting
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

static const LcDetectedLed *
main_led (const LcDetection *detection)
{
  for (guint i = 0; i < detection->n_leds; i++)
    if (detection->leds[i].selected)
      return &detection->leds[i];

  return detection->n_leds > 0 ? &detection->leds[0] : NULL;
}

/* Appends @line to *@detail, on a line of its own. */
static void
add_line (char       **detail,
          const char  *line)
{
  char *more = *detail != NULL ? g_strdup_printf ("%s\n%s", *detail, line) : g_strdup (line);

  g_free (*detail);
  *detail = more;
}

/* Before a reading: what has been seen, and what to do meanwhile. */
static char *
status_before_reading (const LcDetection  *detection,
                       gboolean            finished,
                       gboolean            webcam,
                       char              **detail)
{
  const LcDetectedLed *led = main_led (detection);

  if (finished && led != NULL)
    {
      g_autofree char *colors = lc_reading_words_colors (led);
      guint seconds = lc_detection_get_film_seconds (detection);

      *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The video ends too soon. Film the light for at least %u second, then open that video.",
                                              "The video ends too soon. Film the light for at least %u seconds, then open that video.",
                                              seconds),
                                 seconds);
      /* Translators: %s is a color */
      return g_strdup_printf (_("Seen: %s light, but its pattern could not be read"), colors);
    }

  if (led != NULL)
    {
      /* A light is in view, in its row too: say what it has done so far. */
      *detail = g_strdup (_("Keep still while Lightcode waits for the pattern to repeat."));
      return lc_reading_words_provisional (led);
    }

  if (detection->state == LC_DETECTION_NO_LIGHT)
    {
      if (webcam)
        *detail = g_strdup (_("Aim the webcam at the status light and come closer, so the device fills most of the picture."));
      else
        *detail = g_strdup (_("Still watching the video for a light."));
      return g_strdup (_("No light found yet"));
    }

  if (webcam)
    *detail = g_strdup (_("Hold the webcam still, pointed at the status light."));

  return g_strdup (_("Looking for a light…"));
}

char *
lc_reading_words_status (const LcDetection  *detection,
                         const LcSignal     *signal,
                         gboolean            confirmed,
                         double              confidence,
                         gboolean            finished,
                         gboolean            webcam,
                         char              **out_detail,
                         char              **out_spoken)
{
  gboolean have_signal = signal->n_lights > 0;
  char *status = NULL;
  char *detail = NULL;

  g_return_val_if_fail (detection != NULL, NULL);
  g_return_val_if_fail (out_detail != NULL && out_spoken != NULL, NULL);

  *out_spoken = NULL;

  if (confirmed)
    {
      g_autofree char *sure = lc_reading_words_confidence (confidence);

      status = lc_signal_describe (signal);
      if (finished)
        /* Translators: %s is e.g. "92 % sure" */
        detail = g_strdup_printf (_("%s. The video has ended."), sure);
      else
        detail = g_strdup (sure);
      /* Translators: the confirmed reading and how sure it is */
      *out_spoken = g_strdup_printf (_("%s. %s."), status, sure);
    }
  else if (finished && have_signal)
    {
      g_autofree char *words = lc_signal_describe (signal);

      /* Translators: %s is a light in words, "Red light: six blinks, …" */
      status = g_strdup_printf (_("Best guess: %s"), words);
      detail = g_strdup (_("The video ended before the pattern repeated, so this is only a best guess."));
    }
  else
    status = status_before_reading (detection, finished, webcam, &detail);

  if (have_signal && !confirmed && !finished)
    add_line (&detail, _("If the light will not settle, “Use What You Have So Far” takes this reading as it is, marked as not confirmed."));

  if (detection->n_leds > 1 && !finished &&
      (detection->state == LC_DETECTION_PROVISIONAL || detection->state == LC_DETECTION_CONFIRMED))
    {
      gboolean any_selected = FALSE;

      for (guint i = 0; i < detection->n_leds; i++)
        any_selected |= detection->leds[i].selected;

      if (!any_selected)
        add_line (&detail, _("Several lights are in the picture: click the one that matters, or keep them all."));
    }

  *out_detail = detail;

  return status;
}
