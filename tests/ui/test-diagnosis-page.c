/* test-diagnosis-page.c — what the light means, as the window shows it
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lc-diagnosis-page.h"
#include "lc-knowledge.h"
#include "lc-match-page.h"
#include "lc-test-ui.h"
#include "lc-window.h"

static LcWindow *
present_window (void)
{
  LcWindow *window = g_object_new (LC_TYPE_WINDOW, NULL);

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  lc_test_iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static void
close_window (LcWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* Widgets with @css_class (and of @type, unless 0) that are on screen. */
static GPtrArray *
collect_mapped (GtkWidget  *widget,
                const char *css_class,
                GType       type,
                GPtrArray  *out)
{
  if (out == NULL)
    out = g_ptr_array_new ();

  if ((css_class == NULL || gtk_widget_has_css_class (widget, css_class)) &&
      (type == 0 || G_TYPE_CHECK_INSTANCE_TYPE (widget, type)) &&
      gtk_widget_get_mapped (widget))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mapped (child, css_class, type, out);

  return out;
}

static gboolean
has_label_containing (GtkWidget  *widget,
                      const char *text)
{
  g_autoptr(GPtrArray) labels = collect_mapped (widget, NULL, GTK_TYPE_LABEL, NULL);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_label (g_ptr_array_index (labels, i)), text) != NULL)
      return TRUE;

  return FALSE;
}

static GtkWidget *
get_diagnosis_page (LcWindow *window)
{
  GtkWidget *page = lc_window_get_page (window, LC_PAGE_DIAGNOSIS);

  g_assert_nonnull (page);
  return page;
}

static void
show (LcWindow   *window,
      const char *device_id,
      const char *signal_text,
      const char *context_id)
{
  LcDevice *device = lc_knowledge_lookup_device (lc_knowledge_get_default (), device_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(LcReading) reading = NULL;
  LcSignal signal;

  g_assert_nonnull (device);
  g_assert_true (lc_signal_parse (signal_text, &signal, &error));
  g_assert_no_error (error);

  reading = lc_reading_new_by_eye (&signal);
  lc_window_show_diagnosis (window, device, reading, context_id);
  lc_test_iterate ();
  g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_DIAGNOSIS);
}

static char *
capitalized (const char *words)
{
  g_autofree char *first = g_utf8_strup (words, g_utf8_next_char (words) - words);

  return g_strconcat (first, g_utf8_next_char (words), NULL);
}

static void
assert_row_is_cause (GtkWidget        *row,
                     LcDiagnosisCause *cause)
{
  g_autofree char *words = capitalized (lc_likelihood_to_words (lc_diagnosis_cause_get_likelihood (cause)));
  g_autoptr(GPtrArray) bars = collect_mapped (row, NULL, GTK_TYPE_LEVEL_BAR, NULL);

  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   lc_diagnosis_cause_get_title (cause));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, words);

  /* Shown as a bar too, not only in words. */
  g_assert_cmpuint (bars->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (g_ptr_array_index (bars, 0)),
                                  lc_diagnosis_cause_get_likelihood (cause), 1e-9);
}

static void
test_diagnosis_low_battery (void)
{
  LcWindow *window = present_window ();
  GtkWidget *page;
  LcDiagnosis *diagnosis;
  LcDiagnosisCause *top;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) fix_buttons = NULL;
  g_autoptr(GPtrArray) normal = NULL;

  show (window, "outdoor-4", "red:burst:6", "recording");
  page = get_diagnosis_page (window);
  diagnosis = lc_diagnosis_page_get_diagnosis (LC_DIAGNOSIS_PAGE (page));
  g_assert_nonnull (diagnosis);
  g_assert_false (lc_diagnosis_is_normal (diagnosis));
  g_assert_cmpstr (lc_diagnosis_get_context_id (diagnosis), ==, "recording");

  top = lc_diagnosis_get_top_cause (diagnosis);
  g_assert_cmpstr (lc_diagnosis_cause_get_id (top), ==, "low-battery");

  /* Every cause is a row, in the core's order, low battery first. */
  rows = collect_mapped (page, "cause-row", 0, NULL);
  g_assert_cmpuint (rows->len, ==, lc_diagnosis_get_n_causes (diagnosis));
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==,
                   "The batteries are running low");
  for (guint i = 0; i < rows->len; i++)
    assert_row_is_cause (g_ptr_array_index (rows, i), lc_diagnosis_get_cause (diagnosis, i));

  /* What was seen, in words, and how. */
  g_assert_true (has_label_containing (page, "Blink Outdoor 4"));
  g_assert_true (has_label_containing (page, "Red light: six blinks, then a pause, repeating"));
  g_assert_true (has_label_containing (page, "You matched it by eye"));
  g_assert_true (has_label_containing (page, "While recording"));

  normal = collect_mapped (page, "normal-state", 0, NULL);
  g_assert_cmpuint (normal->len, ==, 0);

  /* The top cause is open, with the suggested Fix It; it opens the fix pages. */
  g_assert_true (adw_expander_row_get_expanded (g_ptr_array_index (rows, 0)));
  fix_buttons = collect_mapped (g_ptr_array_index (rows, 0), "suggested-action", GTK_TYPE_BUTTON, NULL);
  g_assert_cmpuint (fix_buttons->len, ==, 1);
  g_signal_emit_by_name (g_ptr_array_index (fix_buttons, 0), "clicked");
  lc_test_iterate ();
  g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_FIX);

  close_window (window);
}

static void
test_diagnosis_normal (void)
{
  LcWindow *window = present_window ();
  GtkWidget *page;
  LcDiagnosis *diagnosis;
  g_autoptr(GPtrArray) normal = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) buttons = NULL;

  show (window, "sync-module-2", "blue:solid+green:solid", NULL);
  page = get_diagnosis_page (window);
  diagnosis = lc_diagnosis_page_get_diagnosis (LC_DIAGNOSIS_PAGE (page));
  g_assert_true (lc_diagnosis_is_normal (diagnosis));

  normal = collect_mapped (page, "normal-state", 0, NULL);
  g_assert_cmpuint (normal->len, ==, 1);
  g_assert_true (has_label_containing (page, "This Is Normal"));
  g_assert_true (has_label_containing (page,
                                       lc_known_signal_get_title (lc_diagnosis_get_known_signal (diagnosis))));
  /* A reassuring page, not a fault list. */
  rows = collect_mapped (page, "cause-row", 0, NULL);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&normal, g_ptr_array_unref);

  /* A battery camera's dark light is normal too, but can hide a problem:
   * the other causes are there when asked for, never the normal one.
   */
  show (window, "outdoor-4", "off", NULL);
  diagnosis = lc_diagnosis_page_get_diagnosis (LC_DIAGNOSIS_PAGE (page));
  g_assert_true (lc_diagnosis_is_normal (diagnosis));
  normal = collect_mapped (page, "normal-state", 0, NULL);
  g_assert_cmpuint (normal->len, ==, 1);
  rows = collect_mapped (page, "cause-row", 0, NULL);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  buttons = collect_mapped (g_ptr_array_index (normal, 0), NULL, GTK_TYPE_BUTTON, NULL);
  g_assert_cmpuint (buttons->len, ==, 1);
  g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
  lc_test_iterate ();
  rows = collect_mapped (page, "cause-row", 0, NULL);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), !=, "Nothing is wrong");

  close_window (window);
}

static void
test_diagnosis_unknown_signal (void)
{
  LcWindow *window = present_window ();
  GtkWidget *page;
  LcDiagnosis *diagnosis;
  LcDevice *device;
  g_autoptr(GPtrArray) unknown = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  /* No battery camera shows green bursts. */
  show (window, "outdoor-4", "green:burst:3", NULL);
  page = get_diagnosis_page (window);
  diagnosis = lc_diagnosis_page_get_diagnosis (LC_DIAGNOSIS_PAGE (page));
  g_assert_false (lc_diagnosis_is_known_signal (diagnosis));

  unknown = collect_mapped (page, "unknown-signal", 0, NULL);
  g_assert_cmpuint (unknown->len, ==, 1);
  g_assert_true (has_label_containing (page, "This isn’t a light Blink documents for this device"));
  g_assert_true (has_label_containing (page, "Battery cameras"));

  /* The family's general advice, as the core ranks it. */
  device = lc_diagnosis_get_device (diagnosis);
  g_assert_cmpuint (lc_device_get_n_fallback_causes (device), >, 0);
  rows = collect_mapped (page, "cause-row", 0, NULL);
  g_assert_cmpuint (rows->len, ==, lc_diagnosis_get_n_causes (diagnosis));
  for (guint i = 0; i < rows->len; i++)
    {
      LcDiagnosisCause *cause = lc_diagnosis_get_cause (diagnosis, i);

      g_assert_true (lc_diagnosis_cause_is_general_advice (cause));
      assert_row_is_cause (g_ptr_array_index (rows, i), cause);
    }
  g_clear_pointer (&unknown, g_ptr_array_unref);

  /* A known light afterwards hides the note again. */
  show (window, "outdoor-4", "red:burst:6", NULL);
  unknown = collect_mapped (page, "unknown-signal", 0, NULL);
  g_assert_cmpuint (unknown->len, ==, 0);

  close_window (window);
}

static void
test_diagnosis_sources_disagree (void)
{
  LcWindow *window = present_window ();
  GtkWidget *page;
  LcDiagnosis *diagnosis;
  g_autoptr(GPtrArray) groups = NULL;

  show (window, "doorbell", "red:blink", "setup");
  page = get_diagnosis_page (window);
  diagnosis = lc_diagnosis_page_get_diagnosis (LC_DIAGNOSIS_PAGE (page));
  g_assert_true (lc_diagnosis_sources_disagree (diagnosis));

  groups = collect_mapped (page, "disagreement-group", 0, NULL);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_true (has_label_containing (g_ptr_array_index (groups, 0),
                                       lc_diagnosis_get_disagreement_note (diagnosis)));
  g_clear_pointer (&groups, g_ptr_array_unref);

  show (window, "outdoor-4", "red:burst:6", NULL);
  groups = collect_mapped (page, "disagreement-group", 0, NULL);
  g_assert_cmpuint (groups->len, ==, 0);

  close_window (window);
}

static void
test_diagnosis_read_by_camera (void)
{
  LcWindow *window = present_window ();
  LcDevice *device = lc_knowledge_lookup_device (lc_knowledge_get_default (), "mini");
  GtkWidget *page = get_diagnosis_page (window);
  g_autoptr(LcReading) reading = NULL;
  LcSignal signal;

  g_assert_true (lc_signal_parse ("red:solid", &signal, NULL));
  reading = lc_reading_new_for_signal (&signal, LC_SIGNAL_SOURCE_CAMERA, 0.92);
  lc_window_show_diagnosis (window, device, reading, NULL);
  lc_test_iterate ();
  g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_DIAGNOSIS);
  g_assert_true (has_label_containing (page, "Read by your camera, 92 % sure"));
  g_assert_false (has_label_containing (page, "You matched it by eye"));
  g_assert_cmpint (lc_diagnosis_get_source (lc_diagnosis_page_get_diagnosis (LC_DIAGNOSIS_PAGE (page))),
                   ==, LC_SIGNAL_SOURCE_CAMERA);

  close_window (window);
}

static void
test_diagnosis_unknown_context_toasts (void)
{
  LcWindow *window = present_window ();
  LcDevice *device = lc_knowledge_lookup_device (lc_knowledge_get_default (), "mini");
  g_autoptr(LcReading) reading = NULL;
  LcSignal signal;

  /* An error from the core leaves the person where they were. */
  g_assert_true (lc_signal_parse ("red:solid", &signal, NULL));
  reading = lc_reading_new_by_eye (&signal);
  lc_window_show_diagnosis (window, device, reading, "no-such-moment");
  lc_test_iterate ();
  g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_DEVICES);

  close_window (window);
}

static void
test_diagnosis_empty (void)
{
  GtkWidget *page = g_object_ref_sink (lc_diagnosis_page_new ());
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GPtrArray) status = NULL;

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  lc_test_iterate ();

  status = collect_mapped (page, NULL, ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_cmpuint (status->len, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

/* The whole way: a known signal chosen on the match page, the moment set,
 * "This is what I see" pressed.
 */
static void
test_match_to_diagnosis (void)
{
  LcWindow *window = present_window ();
  GtkWidget *match_page;
  GtkWidget *page;
  GtkWidget *diagnose_button = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  LcSignal expected;
  gboolean chosen = FALSE;

  lc_window_open_device (window, "outdoor-4", NULL);
  lc_test_iterate ();
  g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_MATCH);
  match_page = lc_test_find_widget (GTK_WIDGET (window), LC_TYPE_MATCH_PAGE);
  g_assert_nonnull (match_page);

  /* Choose the known "six red blinks" card among the device's signals. */
  g_assert_true (lc_signal_parse ("red:burst:6", &expected, NULL));
  children = collect_mapped (match_page, NULL, GTK_TYPE_FLOW_BOX_CHILD, NULL);
  for (guint i = 0; i < children->len && !chosen; i++)
    {
      GtkWidget *child = g_ptr_array_index (children, i);

      if (has_label_containing (child, "The batteries are low"))
        {
          gtk_widget_activate (child);
          lc_test_iterate ();
          chosen = lc_signal_equal (lc_match_page_get_signal (LC_MATCH_PAGE (match_page)), &expected);
        }
    }
  g_assert_true (chosen);

  lc_match_page_set_context (LC_MATCH_PAGE (match_page), "recording");

  buttons = collect_mapped (match_page, NULL, GTK_TYPE_BUTTON, NULL);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (buttons, i)), "diagnose") == 0)
      diagnose_button = g_ptr_array_index (buttons, i);
  g_assert_nonnull (diagnose_button);
  g_signal_emit_by_name (diagnose_button, "clicked");
  lc_test_iterate ();

  g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_DIAGNOSIS);
  page = get_diagnosis_page (window);
  rows = collect_mapped (page, "cause-row", 0, NULL);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==,
                   "The batteries are running low");
  g_assert_true (has_label_containing (page, "While recording"));

  /* "Look again" returns to the match page, as it was left. */
  {
    g_autoptr(GPtrArray) look = collect_mapped (page, NULL, GTK_TYPE_BUTTON, NULL);
    GtkWidget *look_again = NULL;

    for (guint i = 0; i < look->len; i++)
      if (has_label_containing (g_ptr_array_index (look, i), "Look Again"))
        look_again = g_ptr_array_index (look, i);
    g_assert_nonnull (look_again);
    g_signal_emit_by_name (look_again, "clicked");
    lc_test_iterate ();
    g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_MATCH);
    g_assert_true (lc_signal_equal (lc_match_page_get_signal (LC_MATCH_PAGE (match_page)), &expected));
  }

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!lc_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/diagnosis-page/low-battery", test_diagnosis_low_battery);
  g_test_add_func ("/ui/diagnosis-page/normal", test_diagnosis_normal);
  g_test_add_func ("/ui/diagnosis-page/unknown-signal", test_diagnosis_unknown_signal);
  g_test_add_func ("/ui/diagnosis-page/sources-disagree", test_diagnosis_sources_disagree);
  g_test_add_func ("/ui/diagnosis-page/read-by-camera", test_diagnosis_read_by_camera);
  g_test_add_func ("/ui/diagnosis-page/unknown-context", test_diagnosis_unknown_context_toasts);
  g_test_add_func ("/ui/diagnosis-page/empty", test_diagnosis_empty);
  g_test_add_func ("/ui/diagnosis-page/from-match-page", test_match_to_diagnosis);

  return g_test_run ();
}
