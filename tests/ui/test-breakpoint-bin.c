/* test-breakpoint-bin.c — LcBreakpointBin: size classes and the minimum width
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-breakpoint-bin.h"
#include "lc-test-ui.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *n_notifies)
{
  (*n_notifies)++;
}

/* Resizes @window and runs the main loop until @bin has @size_class. */
static void
resize_until (GtkWindow       *window,
              LcBreakpointBin *bin,
              int              width,
              guint            size_class)
{
  gtk_window_set_default_size (window, width, 300);
  for (guint i = 0; i < 200 && lc_breakpoint_bin_get_size_class (bin) != size_class; i++)
    g_main_context_iteration (NULL, TRUE);
  lc_test_iterate ();
}

static void
test_size_classes (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *bin = lc_breakpoint_bin_new ();
  /* Far wider than any breakpoint, and it does not wrap. */
  GtkWidget *label = gtk_label_new ("A label that is much wider than one hundred pixels, on one line");
  LcBreakpointBin *self = LC_BREAKPOINT_BIN (bin);
  guint n_notifies = 0;
  int minimum, natural;

  lc_breakpoint_bin_set_child (self, label);
  g_assert_true (lc_breakpoint_bin_get_child (self) == label);
  g_assert_true (gtk_widget_get_parent (label) == bin);

  /* Before any allocation: the widest class. */
  g_assert_cmpuint (lc_breakpoint_bin_get_size_class (self), ==, 0);
  lc_breakpoint_bin_set_breakpoints (self, (const int[]) { 300, 600 }, 2);
  g_assert_cmpuint (lc_breakpoint_bin_get_size_class (self), ==, 2);

  /* The label alone would hold the window wide; the bin asks for less. */
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, >, 300);
  g_assert_cmpint (lc_breakpoint_bin_get_min_width (self), ==, -1);
  lc_breakpoint_bin_set_min_width (self, 100);
  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 100);
  g_assert_cmpint (natural, >, 300);

  g_signal_connect (bin, "notify::size-class", G_CALLBACK (count_notify_cb), &n_notifies);
  gtk_window_set_child (GTK_WINDOW (window), bin);
  gtk_window_present (GTK_WINDOW (window));

  resize_until (GTK_WINDOW (window), self, 800, 2);
  g_assert_cmpuint (lc_breakpoint_bin_get_size_class (self), ==, 2);
  g_assert_cmpuint (n_notifies, ==, 0);

  resize_until (GTK_WINDOW (window), self, 450, 1);
  g_assert_cmpuint (lc_breakpoint_bin_get_size_class (self), ==, 1);
  g_assert_cmpint (gtk_widget_get_width (bin), <, 600);
  g_assert_cmpint (gtk_widget_get_width (bin), >=, 300);
  g_assert_cmpuint (n_notifies, ==, 1);

  resize_until (GTK_WINDOW (window), self, 200, 0);
  g_assert_cmpuint (lc_breakpoint_bin_get_size_class (self), ==, 0);
  g_assert_cmpint (gtk_widget_get_width (bin), <, 300);
  g_assert_cmpuint (n_notifies, ==, 2);

  resize_until (GTK_WINDOW (window), self, 900, 2);
  g_assert_cmpuint (lc_breakpoint_bin_get_size_class (self), ==, 2);
  g_assert_cmpuint (n_notifies, ==, 3);

  lc_breakpoint_bin_set_child (self, NULL);
  g_assert_null (lc_breakpoint_bin_get_child (self));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!lc_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/breakpoint-bin/size-classes", test_size_classes);

  return g_test_run ();
}
