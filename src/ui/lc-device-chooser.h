/* lc-device-chooser.h — "Which device is it?", beside the live view
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LC_TYPE_DEVICE_CHOOSER (lc_device_chooser_get_type ())

G_DECLARE_FINAL_TYPE (LcDeviceChooser, lc_device_chooser, LC, DEVICE_CHOOSER, GtkWidget)

GtkWidget  *lc_device_chooser_new           (void);
/* The chosen device's id, or NULL while none is. */
const char *lc_device_chooser_get_device_id (LcDeviceChooser *self);
/* Chooses @device_id (NULL: none, ask again) as a click would, and emits
 * ::device-chosen. */
void        lc_device_chooser_choose        (LcDeviceChooser *self,
                                             const char      *device_id);

G_END_DECLS
