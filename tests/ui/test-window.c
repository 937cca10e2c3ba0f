/* test-window.c — the main window, its pages and its navigation
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "lc-test-ui.h"
#include "lc-window.h"

static const char *page_names[] = {
  LC_PAGE_MATCH, LC_PAGE_CAMERA, LC_PAGE_DIAGNOSIS, LC_PAGE_FIX, LC_PAGE_SUPPORT,
};

static void
iterate_until_drawn (GtkWidget *widget)
{
  /* Let the frame clock run a few frames so the page is really laid out. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (widget);
}

static void
test_window_walk_pages (void)
{
  LcWindow *window = g_object_new (LC_TYPE_WINDOW, NULL);

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until_drawn (GTK_WIDGET (window));

  g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_DEVICES);
  g_assert_false (lc_window_go_back (window));

  /* Forward through every page, then all the way back. */
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      lc_window_push_page (window, page_names[i]);
      iterate_until_drawn (GTK_WIDGET (window));
      g_assert_cmpstr (lc_window_get_visible_page (window), ==, page_names[i]);
    }

  for (guint i = G_N_ELEMENTS (page_names); i > 0; i--)
    {
      const char *expected = i > 1 ? page_names[i - 2] : LC_PAGE_DEVICES;

      g_assert_true (lc_window_go_back (window));
      g_assert_cmpstr (lc_window_get_visible_page (window), ==, expected);
    }
  g_assert_false (lc_window_go_back (window));

  /* Pushing a page already in the history unwinds to it. */
  lc_window_push_page (window, LC_PAGE_MATCH);
  lc_window_push_page (window, LC_PAGE_DIAGNOSIS);
  lc_window_push_page (window, LC_PAGE_MATCH);
  g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_MATCH);
  g_assert_true (lc_window_go_back (window));
  g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_DEVICES);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_window_back_action (void)
{
  LcWindow *window = g_object_new (LC_TYPE_WINDOW, NULL);

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));

  /* The action is what Escape and Alt+Left are bound to. */
  lc_window_push_page (window, LC_PAGE_CAMERA);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_DEVICES);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_window_size_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  LcWindow *window;
  int width, height;

  g_settings_set (settings, "window-size", "(ii)", 640, 480);

  window = g_object_new (LC_TYPE_WINDOW, NULL);
  g_object_ref_sink (window);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 480);

  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  gtk_window_close (GTK_WINDOW (window));
  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);

  g_settings_reset (settings, "window-size");
  g_assert_finalize_object (window);
}

static void
test_help_overlay_loads (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  if (!lc_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/window/walk-pages", test_window_walk_pages);
  g_test_add_func ("/ui/window/back-action", test_window_back_action);
  g_test_add_func ("/ui/window/size-remembered", test_window_size_remembered);
  g_test_add_func ("/ui/window/help-overlay", test_help_overlay_loads);

  return g_test_run ();
}
