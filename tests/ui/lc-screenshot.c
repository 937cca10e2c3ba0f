/* lc-screenshot.c — opens the app window as `lightcode` would and saves a PNG
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: a tool to look at pages and refresh data/screenshots/.
 *
 *   lc-screenshot --output match.png --width 360 --height 720 [--dark]
 *                 [--reduce-motion] [--time 0.1] -- --device mini --signal red:solid
 *
 * With --diagnose, --fix-step N then opens the fix pages on the top cause
 * (or --fix-cause ID) at step N (from 0); --fix-timer S starts that step's timer and lets S
 * seconds pass on a fake clock; --fix-view question|solved|next|support
 * goes on to that view instead ("next": answered "No").
 *
 * Everything after "--" is the `lightcode` command line. Every light
 * simulator is frozen at --time seconds so blinking lights are caught lit.
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>

#include "lc-application.h"
#include "lc-diagnosis-page.h"
#include "lc-fix-page.h"
#include "lc-led-simulator.h"
#include "lc-match-page.h"
#include "lc-test-ui.h"
#include "lc-window.h"

static char *output_path = NULL;
static int width = 1200;
static int height = 800;
static gboolean dark = FALSE;
static gboolean reduce_motion = FALSE;
static double freeze_time = 0.1;
static char *diagnose_context = NULL;
static char *last_device = NULL;
static int fix_step = -1;
static int fix_timer = -1;
static char *fix_view = NULL;
static char *fix_cause = NULL;
static gint64 fake_now_us = 0;
static int exit_status = 1;

static const GOptionEntry entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, "PNG file to write", "FILE" },
  { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "PX" },
  { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "PX" },
  { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
  { "reduce-motion", 0, 0, G_OPTION_ARG_NONE, &reduce_motion, "Turn animations off", NULL },
  { "time", 0, 0, G_OPTION_ARG_DOUBLE, &freeze_time, "Seconds into each light pattern", "T" },
  { "diagnose", 0, 0, G_OPTION_ARG_STRING, &diagnose_context, "Press “This is what I see” with this context", "CONTEXT" },
  { "last-device", 0, 0, G_OPTION_ARG_STRING, &last_device, "Device chosen last time", "ID" },
  { "fix-step", 0, 0, G_OPTION_ARG_INT, &fix_step, "After --diagnose, open the fix pages at this step", "N" },
  { "fix-timer", 0, 0, G_OPTION_ARG_INT, &fix_timer, "Start the step's timer, this many seconds ago", "S" },
  { "fix-view", 0, 0, G_OPTION_ARG_STRING, &fix_view, "Then show: question, solved, next, support, offer or erase", "VIEW" },
  { "fix-cause", 0, 0, G_OPTION_ARG_STRING, &fix_cause, "Fix this cause instead of the top one", "ID" },
  { NULL }
};

static void
freeze_simulators (GtkWidget *widget)
{
  if (LC_IS_LED_SIMULATOR (widget))
    lc_led_simulator_set_time (LC_LED_SIMULATOR (widget), freeze_time);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    freeze_simulators (child);
}

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

static GtkWidget *
find_match_page (GtkWidget *widget)
{
  if (LC_IS_MATCH_PAGE (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_match_page (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gint64
fake_clock (gpointer user_data)
{
  return fake_now_us;
}

/* The fix pages, opened from the diagnosis page as "Fix It" would. */
static void
open_fix (GtkWidget *window)
{
  GtkWidget *diagnosis_page = lc_window_get_page (LC_WINDOW (window), LC_PAGE_DIAGNOSIS);
  GtkWidget *fix_page = lc_window_get_page (LC_WINDOW (window), LC_PAGE_FIX);
  LcDiagnosisCause *cause = NULL;
  LcDiagnosis *diagnosis;
  LcFixSession *session;

  if (diagnosis_page == NULL || fix_page == NULL ||
      (diagnosis = lc_diagnosis_page_get_diagnosis (LC_DIAGNOSIS_PAGE (diagnosis_page))) == NULL)
    {
      g_printerr ("No diagnosis to fix\n");
      return;
    }

  fake_now_us = 1000 * G_USEC_PER_SEC;
  lc_fix_page_set_clock (LC_FIX_PAGE (fix_page), fake_clock, NULL);
  for (guint i = 0; fix_cause != NULL && i < lc_diagnosis_get_n_causes (diagnosis); i++)
    if (g_strcmp0 (lc_diagnosis_cause_get_id (lc_diagnosis_get_cause (diagnosis, i)), fix_cause) == 0)
      cause = lc_diagnosis_get_cause (diagnosis, i);
  if (fix_cause != NULL && cause == NULL)
    g_printerr ("No cause %s in this diagnosis\n", fix_cause);

  lc_window_start_fix (LC_WINDOW (window), diagnosis, cause);
  session = lc_fix_page_get_session (LC_FIX_PAGE (fix_page));

  for (int i = 0; i < fix_step; i++)
    lc_fix_session_next_step (session);

  if (fix_timer >= 0)
    {
      LcCountdown *countdown = lc_fix_page_get_countdown (LC_FIX_PAGE (fix_page), fix_step);

      if (countdown != NULL)
        {
          lc_countdown_start (countdown);
          fake_now_us += (gint64) fix_timer * G_USEC_PER_SEC;
          lc_countdown_tick (countdown);
        }
      else
        g_printerr ("Step %d has no timer\n", fix_step);
    }

  if (g_strcmp0 (fix_view, "question") == 0 || g_strcmp0 (fix_view, "solved") == 0 ||
      g_strcmp0 (fix_view, "next") == 0)
    while (lc_fix_session_get_state (session) == LC_FIX_STATE_STEPS)
      lc_fix_session_next_step (session);
  if (g_strcmp0 (fix_view, "solved") == 0)
    lc_fix_session_answer (session, LC_FIX_ANSWER_YES);
  else if (g_strcmp0 (fix_view, "next") == 0)
    lc_fix_session_answer (session, LC_FIX_ANSWER_NO);
  else if (g_strcmp0 (fix_view, "support") == 0)
    lc_fix_session_request_support (session);
  else if (g_strcmp0 (fix_view, "offer") == 0)
    /* "No" until support is offered. */
    while (lc_fix_session_get_state (session) == LC_FIX_STATE_STEPS)
      {
        if (lc_fix_session_needs_confirmation (session))
          lc_fix_session_confirm (session);
        lc_fix_session_answer (session, LC_FIX_ANSWER_NO);
      }
  else if (g_strcmp0 (fix_view, "erase") == 0)
    /* "No", and Keep Trying, until a fix that erases the device. */
    while (lc_fix_session_get_state (session) == LC_FIX_STATE_STEPS ||
           lc_fix_session_can_keep_going (session))
      {
        if (lc_fix_session_needs_confirmation (session))
          break;
        if (lc_fix_session_can_keep_going (session))
          {
            lc_fix_session_keep_going (session);
            lc_window_push_page (LC_WINDOW (window), LC_PAGE_FIX);
          }
        else
          lc_fix_session_answer (session, LC_FIX_ANSWER_NO);
      }
}

static gboolean
frame_cb (GtkWidget     *window,
          GdkFrameClock *frame_clock,
          gpointer       user_data)
{
  guint *frames = user_data;

  /* The diagnosis page, reached the way a person does from the match page. */
  if (++(*frames) == 5 && diagnose_context != NULL)
    {
      GtkWidget *match_page = find_match_page (window);

      if (match_page != NULL)
        {
          lc_match_page_set_context (LC_MATCH_PAGE (match_page), diagnose_context);
          gtk_widget_activate_action (match_page, "match.diagnose", NULL);
        }
    }

  if (*frames == 10 && diagnose_context != NULL && fix_step >= 0)
    open_fix (window);

  /* Let the page transition finish and the layout settle first. */
  if (*frames == 45)
    freeze_simulators (window);

  if (*frames < 60)
    return G_SOURCE_CONTINUE;

  exit_status = save_png (window) ? 0 : 1;
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));

  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  static guint frames = 0;

  gtk_window_set_default_size (window, width, height);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), frame_cb, &frames, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LcApplication) app = NULL;
  g_autoptr(GPtrArray) app_argv = g_ptr_array_new ();
  int split = argc;

  setlocale (LC_ALL, "");

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        {
          split = i;
          break;
        }
    }

  context = g_option_context_new ("-- [LIGHTCODE OPTIONS]");
  g_option_context_add_main_entries (context, entries, NULL);
  {
    int own_argc = split;

    if (!g_option_context_parse (context, &own_argc, &argv, &error))
      {
        g_printerr ("%s\n", error->message);
        return 2;
      }
  }
  if (output_path == NULL)
    {
      g_printerr ("--output is required\n");
      return 2;
    }

  g_ptr_array_add (app_argv, (char *) "lightcode");
  for (int i = split + 1; i < argc; i++)
    g_ptr_array_add (app_argv, argv[i]);
  g_ptr_array_add (app_argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display\n");
      return 1;
    }
  adw_init ();

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  if (reduce_motion)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  if (last_device != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);

      g_settings_set_string (settings, "last-device", last_device);
    }

  app = lc_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);

  g_application_run (G_APPLICATION (app), app_argv->len - 1, (char **) app_argv->pdata);

  return exit_status;
}
