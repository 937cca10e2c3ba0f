/* lc-camera-screenshot.c — saves a PNG of the camera page in a given state
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: a tool to look at the camera page and refresh
 * data/screenshots/camera-*.png (see tests/ui/camera-screenshots.sh).
 *
 *   lc-camera-screenshot --output camera-watching.png --width 360 --height 760
 *                        [--dark] --state watching --clip burst6.webm
 *
 * States: "choose" (the start of the page), "watching" (a clip played as
 * the webcam until its reading is confirmed, caught with the light lit),
 * "no-camera" (the webcam asked for, none there), "file" (the clip opened
 * as a video filmed with a phone, caught like "watching"), "provisional"
 * (watching, caught before the reading is confirmed), "missing" (the test
 * camera's file is not there; its name has markup characters).
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "lc-camera-page.h"
#include "lc-test-ui.h"
#include "lc-window.h"

static char *output_path = NULL;
static char *state = NULL;
static char *clip = NULL;
static char *device = NULL;
static char *signal_text = NULL;
static int width = 1200;
static int height = 800;
static gboolean dark = FALSE;

static const GOptionEntry entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, "PNG file to write", "FILE" },
  { "state", 's', 0, G_OPTION_ARG_STRING, &state, "choose, watching, provisional, file, missing or no-camera", "STATE" },
  { "clip", 'c', 0, G_OPTION_ARG_FILENAME, &clip, "Clip to play as the webcam (watching), or opened as a video (file)", "FILE" },
  { "device", 'd', 0, G_OPTION_ARG_STRING, &device, "Device chosen before", "ID" },
  { "signal", 0, 0, G_OPTION_ARG_STRING, &signal_text, "Wait for this reading (watching)", "SIGNAL" },
  { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "PX" },
  { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "PX" },
  { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
  { NULL }
};

static gboolean
save_png (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int w = gtk_widget_get_width (window);
  int h = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_printerr ("Nothing was drawn\n");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  if (!gdk_texture_save_to_png (texture, output_path))
    {
      g_printerr ("Cannot write %s\n", output_path);
      return FALSE;
    }

  g_print ("%s: %d×%d\n", output_path, w, h);
  return TRUE;
}

/* Watching is worth a picture once the reading is confirmed (or the clip
 * ended) and the main light is lit.
 */
static gboolean
ready_to_shoot (LcCameraPage *page)
{
  LcVideoSource *source = lc_camera_page_get_source (page);
  gboolean confirmed = FALSE;
  g_autofree LcLedRun *runs = NULL;
  g_autofree char *text = NULL;
  LcSignal signal;
  LcDetection detection;
  guint n_runs = 0;

  if (g_strcmp0 (state, "missing") == 0)
    return g_strcmp0 (lc_camera_page_get_view (page), LC_CAMERA_VIEW_FAILED) == 0;
  if (g_strcmp0 (state, "provisional") == 0)
    return source != NULL && lc_camera_page_get_reading (page, NULL, NULL, &confirmed) && !confirmed;
  if (g_strcmp0 (state, "watching") != 0 && g_strcmp0 (state, "file") != 0)
    return g_strcmp0 (lc_camera_page_get_view (page), state) == 0;

  if (source == NULL)
    return FALSE;
  if (lc_video_source_get_state (source) == LC_VIDEO_SOURCE_STATE_FINISHED)
    return TRUE;

  lc_camera_page_get_reading (page, &signal, NULL, &confirmed);
  if (!confirmed)
    return FALSE;

  text = lc_signal_to_string (&signal);
  if (signal_text != NULL && !g_str_equal (text, signal_text))
    return FALSE;

  lc_video_source_get_detection (source, &detection);
  if (detection.n_leds == 0)
    return FALSE;

  runs = lc_video_source_dup_timeline (source, detection.leds[0].id, &n_runs);

  /* Lit for a little while already, and for a while yet (a blink is
   * lit for 200 ms), so the picture painted next still shows it.
   */
  return n_runs > 0 && runs[n_runs - 1].on &&
         runs[n_runs - 1].end_ns - runs[n_runs - 1].start_ns >= 90 * G_GINT64_CONSTANT (1000000) &&
         runs[n_runs - 1].end_ns - runs[n_runs - 1].start_ns <= 150 * G_GINT64_CONSTANT (1000000);
}

static int exit_status = -1;

static void
on_after_paint (GdkFrameClock *frame_clock,
                GtkWidget     *window)
{
  if (exit_status < 0)
    exit_status = save_png (window) ? 0 : 1;
}

static gboolean
keep_going (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  LcWindow *window;
  LcCameraPage *page;
  guint settle = 0;
  gint64 deadline;

  setlocale (LC_ALL, "");

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (output_path == NULL || state == NULL)
    {
      g_printerr ("--output and --state are required\n");
      return 2;
    }

  if (g_str_equal (state, "watching") || g_str_equal (state, "provisional"))
    g_setenv ("LIGHTCODE_CAMERA", clip ? clip : "", TRUE);
  else if (g_str_equal (state, "missing"))
    g_setenv ("LIGHTCODE_CAMERA", "/nonexistent/<b>light & co.webm", TRUE);
  else if (g_str_equal (state, "no-camera"))
    /* A missing test camera is a failure to say so (see "missing"): the
     * real camera list, on a machine with no webcam, is what shows this.
     */
    g_unsetenv ("LIGHTCODE_CAMERA");

  if (!gtk_init_check ())
    {
      g_printerr ("No display\n");
      return 1;
    }
  adw_init ();

  /* The application loads the app's style sheet; there is none here. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_BASE_PATH "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);

  window = g_object_new (LC_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  page = LC_CAMERA_PAGE (lc_test_find_widget (GTK_WIDGET (window), LC_TYPE_CAMERA_PAGE));

  if (device != NULL)
    lc_window_open_device (window, device, NULL);

  if (g_str_equal (state, "choose"))
    lc_window_open_camera (window);
  else if (g_str_equal (state, "file") && clip != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (clip);

      lc_window_open_camera (window);
      /* The page is built when it is first shown. */
      page = LC_CAMERA_PAGE (lc_test_find_widget (GTK_WIDGET (window), LC_TYPE_CAMERA_PAGE));
      lc_camera_page_open_file (page, file);
    }
  else
    lc_window_watch_webcam (window);

  /* Then let the page transition end and the layout settle; a light is
   * only lit for a moment, so watching is caught at once. A tick keeps
   * the loop turning while nothing else happens.
   */
  page = LC_CAMERA_PAGE (lc_test_find_widget (GTK_WIDGET (window), LC_TYPE_CAMERA_PAGE));
  g_timeout_add (50, keep_going, NULL);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!ready_to_shoot (page) || settle++ < (g_str_equal (state, "choose") || g_str_equal (state, "no-camera") || g_str_equal (state, "missing") ? 40 : 0))
    {
      g_main_context_iteration (NULL, TRUE);
      if (!ready_to_shoot (page))
        settle = 0;
      if (g_get_monotonic_time () > deadline)
        {
          g_printerr ("The page never got to “%s” (it shows “%s”)\n", state, lc_camera_page_get_view (page));
          return 1;
        }
    }

  /* The window can only be copied once it has been painted as it is now. */
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), window);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (exit_status < 0)
    g_main_context_iteration (NULL, TRUE);

  return exit_status;
}
