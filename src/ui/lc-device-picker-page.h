/* lc-device-picker-page.h — the start page: which device is showing the light?
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-knowledge.h"

G_BEGIN_DECLS

#define LC_TYPE_DEVICE_PICKER_PAGE (lc_device_picker_page_get_type ())

G_DECLARE_FINAL_TYPE (LcDevicePickerPage, lc_device_picker_page, LC, DEVICE_PICKER_PAGE, GtkWidget)

GtkWidget   *lc_device_picker_page_new              (void);

/* The knowledge base whose devices are listed; the shipped one unless set.
 * Setting NULL shows the load error of the shipped knowledge base, if any.
 */
LcKnowledge *lc_device_picker_page_get_knowledge    (LcDevicePickerPage *self);
void         lc_device_picker_page_set_knowledge    (LcDevicePickerPage *self,
                                                     LcKnowledge        *knowledge);

/* The text in the search entry; setting it filters at once. */
const char  *lc_device_picker_page_get_search_text  (LcDevicePickerPage *self);
void         lc_device_picker_page_set_search_text  (LcDevicePickerPage *self,
                                                     const char         *text);

/* How many device cards the current search leaves visible. */
guint        lc_device_picker_page_get_n_matches    (LcDevicePickerPage *self);

G_END_DECLS
