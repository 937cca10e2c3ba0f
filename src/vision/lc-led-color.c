/* lc-led-color.c — the detector's colour names: hue, saturation and the device palette
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measured colours become the signal vocabulary's colour names, and a
 * device prior's palette maps near neighbours onto what the light can show.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lc-led-detector-private.h"

/* Colour */

void
lc_led_rgb_to_hsv (const float rgb[3],
                   double     *hue,
                   double     *sat,
                   double     *val)
{
  double r = MAX (rgb[0], 0.0f), g = MAX (rgb[1], 0.0f), b = MAX (rgb[2], 0.0f);
  double mx = MAX (MAX (r, g), b), mn = MIN (MIN (r, g), b);
  double d = mx - mn, h;

  *val = mx;
  *sat = mx > 0.0 ? d / mx : 0.0;
  if (d <= 0.0)
    h = 0.0;
  else if (mx == r)
    h = 60.0 * fmod ((g - b) / d + 6.0, 6.0);
  else if (mx == g)
    h = 60.0 * ((b - r) / d + 2.0);
  else
    h = 60.0 * ((r - g) / d + 4.0);

  *hue = h;
}

/* Saturated LEDs drift: red toward orange, blue toward cyan or violet. */
LcColor
lc_led_classify_color (const float rgb[3],
                       double     *out_saturation)
{
  double hue, sat, val;

  lc_led_rgb_to_hsv (rgb, &hue, &sat, &val);
  if (out_saturation != NULL)
    *out_saturation = sat;

  if (val <= 0.0)
    return LC_COLOR_NONE;
  if (sat < 0.25)
    return LC_COLOR_WHITE;
  if (hue < 20.0 || hue >= 318.0)
    return LC_COLOR_RED;
  if (hue < 52.0)
    return LC_COLOR_AMBER;
  if (hue < 172.0)
    return LC_COLOR_GREEN;
  return LC_COLOR_BLUE;
}

/* Chromaticity of a colour: (r, g) over r + g + b; FALSE when too dark. */
gboolean
lc_led_chromaticity (const float rgb[3],
                     double      out[2])
{
  double r = MAX (rgb[0], 0.0f), g = MAX (rgb[1], 0.0f), b = MAX (rgb[2], 0.0f);
  double sum = r + g + b;

  if (sum < 12.0)
    return FALSE;
  out[0] = r / sum;
  out[1] = g / sum;
  return TRUE;
}

/* Hue of each colour's centre, in degrees; white has none. */
static double
color_hue (LcColor color)
{
  switch (color)
    {
    case LC_COLOR_RED:
      return 0.0;
    case LC_COLOR_AMBER:
      return 38.0;
    case LC_COLOR_GREEN:
      return 120.0;
    case LC_COLOR_BLUE:
      return 225.0;
    case LC_COLOR_NONE:
    case LC_COLOR_WHITE:
    default:
      return -1.0;
    }
}

/* A colour the device's light cannot show is read as the nearest one it
 * can, when that is a near neighbour on the colour wheel (an orange-looking
 * red, a cyan-looking blue or green). Returns LC_COLOR_NONE when there is
 * none near enough: white (a clipped core with no colour to be seen), or a
 * colour far from all of them.
 */
#define PRIOR_MAX_HUE_STEP 75.0

LcColor
lc_led_map_to_palette (LcColor color,
                       guint   palette)
{
  double hue = color_hue (color), best_d = PRIOR_MAX_HUE_STEP;
  LcColor best = LC_COLOR_NONE;

  if (palette == 0 || (palette & (1u << color)) != 0)
    return color;
  if (hue < 0.0)
    return LC_COLOR_NONE;

  for (guint c = LC_COLOR_RED; c < LC_N_COLORS; c++)
    {
      double h = color_hue ((LcColor) c), d;

      if ((palette & (1u << c)) == 0 || h < 0.0)
        continue;
      d = fabs (h - hue);
      d = MIN (d, 360.0 - d);
      if (d <= best_d)
        {
          best_d = d;
          best = (LcColor) c;
        }
    }

  return best;
}
