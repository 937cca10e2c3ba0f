/* lc-color-style.h — colours for drawing: each light colour, and the theme's
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-signal.h"

G_BEGIN_DECLS

void lc_color_get_bar_rgba (LcColor  color,
                            gboolean dark,
                            GdkRGBA *rgba);
/* What a lit LED looks like (unlit for LC_COLOR_NONE): saturated, a little
 * lighter in dark style. */
void lc_color_get_lit_rgba (LcColor  color,
                            gboolean dark,
                            GdkRGBA *rgba);

/* The widget's foreground colour (its CSS "color"), for custom drawing. */
GdkRGBA lc_widget_get_foreground (GtkWidget *widget);

/* A named colour of the theme ("accent_bg_color"), or @fallback. */
GdkRGBA lc_widget_lookup_color   (GtkWidget     *widget,
                                  const char    *name,
                                  const GdkRGBA *fallback);

G_END_DECLS
