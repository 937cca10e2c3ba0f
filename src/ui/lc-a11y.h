/* lc-a11y.h — accessible names and states GTK 4.8 gets wrong
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Every button under @root whose label has a mnemonic gets that label,
 * without the underscore, as its accessible name: GTK 4.8 otherwise
 * names it "_Fix It Fix It". Safe to call again on the same widgets.
 */
void lc_a11y_fix_mnemonic_names (GtkWidget *root);

/* Toggle buttons under @root that were given the radio or checkbox role
 * (GTK 4.8 has no toggle-button role; as plain buttons they read as push
 * buttons) report "checked" as they are pressed.
 */
void lc_a11y_track_checked      (GtkWidget *root);

/* @text without mnemonic underscores ("__" stays one "_"). */
char *lc_a11y_strip_mnemonic    (const char *text);

G_END_DECLS
