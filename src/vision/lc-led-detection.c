/* lc-led-detection.c — what a detection says: kinds, states, the signal and the reading
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "lc-led-detector.h"

const char *
lc_detected_kind_to_string (LcDetectedKind kind)
{
  switch (kind)
    {
    case LC_DETECTED_NONE:
      return "none";
    case LC_DETECTED_SOLID:
      return "solid";
    case LC_DETECTED_BLINK:
      return "blink";
    case LC_DETECTED_BURST:
      return "burst";
    case LC_DETECTED_FADE:
      return "fade";
    case LC_DETECTED_TOO_FAST:
      return "too-fast";
    case LC_DETECTED_UNKNOWN:
    default:
      return "unknown";
    }
}

const char *
lc_detection_state_to_string (LcDetectionState state)
{
  switch (state)
    {
    case LC_DETECTION_LOOKING:
      return "looking";
    case LC_DETECTION_NO_LIGHT:
      return "no-light";
    case LC_DETECTION_PROVISIONAL:
      return "provisional";
    case LC_DETECTION_CONFIRMED:
      return "confirmed";
    default:
      return "looking";
    }
}

/* The signal light a detected one stands for; FALSE when it has no
 * reading a signal can hold (still looking, or a pattern with no name).
 */
static gboolean
detected_to_light (const LcDetectedLed *led,
                   LcLight             *out_light)
{
  LcLight light = led->light;

  switch (led->kind)
    {
    case LC_DETECTED_SOLID:
    case LC_DETECTED_BLINK:
    case LC_DETECTED_FADE:
      break;
    case LC_DETECTED_BURST:
      if (light.count == 0)
        return FALSE;
      break;
    case LC_DETECTED_TOO_FAST:
      light.kind = LC_KIND_BLINK;
      light.rate_hz = 0.0;
      light.on_ms = light.off_ms = light.pause_ms = 0;
      break;
    case LC_DETECTED_NONE:
    case LC_DETECTED_UNKNOWN:
    default:
      return FALSE;
    }

  /* Luma-only video cannot tell the colour. */
  if (light.n_colors == 0)
    {
      light.n_colors = 1;
      light.colors[0] = LC_COLOR_WHITE;
    }
  light.rate_explicit = FALSE;
  lc_light_normalize (&light);
  *out_light = light;

  return TRUE;
}

/* The lights that make the signal: the selected one if any, else all. */
static gboolean
detected_in_signal (const LcDetection *detection,
                    guint              index)
{
  for (guint i = 0; i < MIN (detection->n_leds, (guint) LC_DETECTION_MAX_LEDS); i++)
    {
      if (detection->leds[i].selected)
        return detection->leds[index].selected;
    }

  return TRUE;
}

gboolean
lc_detection_to_signal (const LcDetection *detection,
                        LcSignal          *out_signal)
{
  g_return_val_if_fail (detection != NULL, FALSE);
  g_return_val_if_fail (out_signal != NULL, FALSE);

  lc_signal_init_off (out_signal);

  for (guint i = 0; i < MIN (detection->n_leds, (guint) LC_DETECTION_MAX_LEDS); i++)
    {
      LcLight light;

      if (out_signal->n_lights >= LC_SIGNAL_MAX_LIGHTS)
        break;
      if (detected_in_signal (detection, i) && detected_to_light (&detection->leds[i], &light))
        out_signal->lights[out_signal->n_lights++] = light;
    }

  return out_signal->n_lights > 0;
}

/**
 * lc_detection_to_reading:
 * @source: where the frames came from (a camera or a video)
 *
 * The detection as the app passes it on: the lights of
 * lc_detection_to_signal(), each with its state and confidence, and the
 * detection's own state (a light still being read holds the whole reading
 * back from confirmed, see lc_led_build_detection()).
 *
 * Returns: (transfer full): the reading
 */
LcReading *
lc_detection_to_reading (const LcDetection *detection,
                         LcSignalSource     source)
{
  LcReading *reading;
  LcReadingState state;

  g_return_val_if_fail (detection != NULL, NULL);

  state = detection->state == LC_DETECTION_CONFIRMED     ? LC_READING_CONFIRMED
          : detection->state == LC_DETECTION_PROVISIONAL ? LC_READING_PROVISIONAL
                                                         : LC_READING_LOOKING;
  reading = lc_reading_new (source, state);

  for (guint i = 0; i < MIN (detection->n_leds, (guint) LC_DETECTION_MAX_LEDS); i++)
    {
      const LcDetectedLed *led = &detection->leds[i];
      LcLight light;
      double stable_s = 0.0;

      if (!detected_in_signal (detection, i) || !detected_to_light (led, &light))
        continue;
      if (led->stable_since_ns >= 0 && detection->pts_ns >= led->stable_since_ns)
        stable_s = (detection->pts_ns - led->stable_since_ns) / 1e9;
      lc_reading_add_light (reading, &light,
                            led->confirmed ? LC_READING_CONFIRMED : LC_READING_PROVISIONAL,
                            led->confidence, stable_s);
    }

  return reading;
}

double
lc_led_film_seconds_for_light (const LcLight *light)
{
  double periods;

  g_return_val_if_fail (light != NULL, 0.0);

  /* Confirming takes two identical periods after the first one seen in
   * full, and a blink more blinks in a row than the longest burst; the
   * light may have been seen from halfway through one.
   */
  periods = light->kind == LC_KIND_BLINK ? LC_LED_LONGEST_BURST + 2.0 : 3.0;

  return periods * lc_light_get_period (light) + 1.0;
}

guint
lc_detection_get_film_seconds (const LcDetection *detection)
{
  double need = LC_DETECTION_MIN_FILM_SECONDS;

  g_return_val_if_fail (detection != NULL, LC_DETECTION_MIN_FILM_SECONDS);

  for (guint i = 0; i < MIN (detection->n_leds, (guint) LC_DETECTION_MAX_LEDS); i++)
    need = MAX (need, lc_led_film_seconds_for_light (&detection->leds[i].light));

  return (guint) MIN (ceil (need), 120.0);
}
