/* lc-color-style.h — how each light colour is painted
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

G_END_DECLS
