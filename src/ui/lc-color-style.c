/* lc-color-style.c — colours for drawing: each light colour, and the theme's
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

/* What a lit LED looks like: saturated, a little lighter in dark style so
 * it keeps its punch against a dark page.
 */
void
lc_color_get_lit_rgba (LcColor  color,
                       gboolean dark,
                       GdkRGBA *rgba)
{
  const char *spec;

  switch (color)
    {
    case LC_COLOR_RED:
      spec = dark ? "#ff5a50" : "#f0202a";
      break;
    case LC_COLOR_GREEN:
      spec = dark ? "#57e389" : "#26d06e";
      break;
    case LC_COLOR_BLUE:
      spec = dark ? "#62a0ea" : "#2a7ff0";
      break;
    case LC_COLOR_WHITE:
      spec = dark ? "#ffffff" : "#fbfbf8";
      break;
    case LC_COLOR_AMBER:
      spec = dark ? "#ffb443" : "#ff9d0a";
      break;
    case LC_COLOR_NONE:
    default:
      spec = dark ? "#77767b" : "#5e5c64";
      break;
    }

  gdk_rgba_parse (rgba, spec);
}

/* GtkStyleContext is the way to read these on GTK 4.8 (gtk_widget_get_color()
 * is 4.10); it is deprecated later, hence the guards.
 */
GdkRGBA
lc_widget_get_foreground (GtkWidget *widget)
{
  GdkRGBA fg = { 0.0f, 0.0f, 0.0f, 1.0f };

  g_return_val_if_fail (GTK_IS_WIDGET (widget), fg);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  return fg;
}

GdkRGBA
lc_widget_lookup_color (GtkWidget     *widget,
                        const char    *name,
                        const GdkRGBA *fallback)
{
  GdkRGBA color = *fallback;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), color);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  return color;
}
