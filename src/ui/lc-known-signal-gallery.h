/* lc-known-signal-gallery.h — a device's known lights as cards to pick from
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-knowledge.h"

G_BEGIN_DECLS

#define LC_TYPE_KNOWN_SIGNAL_GALLERY (lc_known_signal_gallery_get_type ())

G_DECLARE_FINAL_TYPE (LcKnownSignalGallery, lc_known_signal_gallery, LC, KNOWN_SIGNAL_GALLERY, GtkWidget)

GtkWidget  *lc_known_signal_gallery_new         (void);
/* One card per LcKnownSignal of @known_signals (may be NULL: none), each
 * with a small animated drawing of @device showing it, and its meaning.
 */
void        lc_known_signal_gallery_set_signals (LcKnownSignalGallery *self,
                                                 LcDevice             *device,
                                                 GListModel           *known_signals);
guint       lc_known_signal_gallery_get_n_signals (LcKnownSignalGallery *self);
/* Marks the card showing @signal as chosen; none when no card shows it
 * or @signal is NULL.
 */
void        lc_known_signal_gallery_select      (LcKnownSignalGallery *self,
                                                 const LcSignal       *signal);

G_END_DECLS
