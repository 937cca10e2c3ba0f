/* lc-pages.c — what the window's pages share: the page names, win.* actions and toasts
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-pages.h"

/**
 * lc_page_push:
 * @page: a widget inside the window
 * @page_name: one of the LC_PAGE_* names
 *
 * Asks the window to show @page_name (win.push-page).
 */
void
lc_page_push (GtkWidget  *page,
              const char *page_name)
{
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (page_name != NULL);

  gtk_widget_activate_action (page, LC_ACTION_PUSH_PAGE, "s", page_name);
}

/**
 * lc_page_add_toast:
 * @page: a widget inside the window
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the nearest toast overlay above @page; outside one (a
 * page on its own, in a test) it is dropped.
 */
void
lc_page_add_toast (GtkWidget *page,
                   AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}
