/* lc-breakpoint-bin.h — a bin that tells its page which width class it is laid out in
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LC_TYPE_BREAKPOINT_BIN (lc_breakpoint_bin_get_type ())

G_DECLARE_FINAL_TYPE (LcBreakpointBin, lc_breakpoint_bin, LC, BREAKPOINT_BIN, GtkWidget)

/* What AdwBreakpointBin (libadwaita 1.4) does, for libadwaita 1.2: the
 * page listens to notify::size-class and lays itself out for it.
 */
GtkWidget *lc_breakpoint_bin_new             (void);
GtkWidget *lc_breakpoint_bin_get_child       (LcBreakpointBin *self);
void       lc_breakpoint_bin_set_child       (LcBreakpointBin *self,
                                              GtkWidget       *child);
/* The widths (logical pixels, ascending) at which the layout changes. */
void       lc_breakpoint_bin_set_breakpoints (LcBreakpointBin *self,
                                              const int       *widths,
                                              guint            n_widths);
/* How many breakpoints the allocated width reaches: 0 below the first.
 * Before the first allocation, the widest class (all of them).
 */
guint      lc_breakpoint_bin_get_size_class  (LcBreakpointBin *self);
/* The narrowest width asked for (the narrowest layout must fit in it),
 * so that a wide layout never holds the window wide; -1: the child's own.
 */
int        lc_breakpoint_bin_get_min_width   (LcBreakpointBin *self);
void       lc_breakpoint_bin_set_min_width   (LcBreakpointBin *self,
                                              int              min_width);

G_END_DECLS
