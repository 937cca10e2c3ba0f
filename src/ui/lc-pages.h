/* lc-pages.h — what the window's pages share: the page names, win.* actions and toasts
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages are leaf widgets: they never call the window. They ask it for
 * things through its actions (gtk_widget_activate_action()) and signals
 * of their own, which the window connects to when it builds them.
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Page names of the window's navigation stack. */
#define LC_PAGE_DEVICES   "devices"
#define LC_PAGE_MATCH     "match"
#define LC_PAGE_CAMERA    "camera"
#define LC_PAGE_DIAGNOSIS "diagnosis"
#define LC_PAGE_FIX       "fix"
#define LC_PAGE_SUPPORT   "support"

/* The window's actions a page may activate:
 *   win.push-page   "s"  a page name above; Back returns
 *   win.open-device "s"  a device id: its match page
 *   win.open-camera      the camera page
 *   win.back
 */
#define LC_ACTION_PUSH_PAGE   "win.push-page"
#define LC_ACTION_OPEN_DEVICE "win.open-device"
#define LC_ACTION_OPEN_CAMERA "win.open-camera"

void lc_page_push        (GtkWidget  *page,
                          const char *page_name);
void lc_page_add_toast   (GtkWidget  *page,
                          AdwToast   *toast);

G_END_DECLS
