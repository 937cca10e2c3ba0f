/* startup-probe.c — LD_PRELOAD probe for bench-startup.py: first painted frame and idle memory
 *
 * Preloaded into both programs bench-startup.py compares, so they are
 * measured the same way and the app carries no benchmark code. It wraps
 * gtk_window_present(): on the first window it prints the monotonic time of
 * the first painted frame, then, 3 s later, the resident memory, and quits
 * the application.
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include <gtk/gtk.h>

static gboolean
report_memory_cb (gpointer user_data)
{
  g_autofree char *status = NULL;
  GApplication *app = g_application_get_default ();

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    {
      const char *rss = strstr (status, "VmRSS:");

      if (rss != NULL)
        g_print ("idle-rss-kb %ld\n", strtol (rss + strlen ("VmRSS:"), NULL, 10));
    }
  if (app != NULL)
    g_application_quit (app);
  else
    exit (0);

  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  g_print ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, user_data);
  g_timeout_add_seconds (3, report_memory_cb, NULL);
}

static void
mapped_cb (GtkWidget *window,
           gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real_present) (GtkWindow *window);
  static gboolean watching;

  if (real_present == NULL)
    real_present = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");

  if (!watching)
    {
      watching = TRUE;
      if (gtk_widget_get_mapped (GTK_WIDGET (window)))
        mapped_cb (GTK_WIDGET (window), NULL);
      else
        g_signal_connect (window, "map", G_CALLBACK (mapped_cb), NULL);
    }

  real_present (window);
}
