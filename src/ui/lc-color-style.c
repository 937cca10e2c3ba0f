/* lc-color-style.c — how each light colour is painted
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-color-style.h"

/**
 * lc_color_get_bar_rgba:
 * @dark: whether the page is in dark style
 *
 * The shade of @color for timeline bars drawn on the page background: the
 * GNOME palette's darker shades in light style, lighter ones in dark style,
 * so every bar keeps its contrast. Shared by the simulator's timeline and
 * the camera page's strips so both read alike.
 */
void
lc_color_get_bar_rgba (LcColor  color,
                       gboolean dark,
                       GdkRGBA *rgba)
{
  const char *spec;

  g_return_if_fail (rgba != NULL);

  switch (color)
    {
    case LC_COLOR_RED:
      spec = dark ? "#ff7b63" : "#c01c28";
      break;
    case LC_COLOR_GREEN:
      spec = dark ? "#57e389" : "#26a269";
      break;
    case LC_COLOR_BLUE:
      spec = dark ? "#62a0ea" : "#1c71d8";
      break;
    case LC_COLOR_WHITE:
      spec = dark ? "#ffffff" : "#c0bfbc";
      break;
    case LC_COLOR_AMBER:
      spec = dark ? "#ffa348" : "#e66100";
      break;
    case LC_COLOR_NONE:
    default:
      spec = dark ? "#5e5c64" : "#9a9996";
      break;
    }

  gdk_rgba_parse (rgba, spec);
}
