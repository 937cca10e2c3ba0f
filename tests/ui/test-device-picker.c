/* test-device-picker.c — the start page lists, filters and opens devices
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "lc-device-picker-page.h"
#include "lc-knowledge.h"
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

/* The shown widget of @type, when several exist (stack pages). */
static GtkWidget *
find_mapped (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_by_class (GtkWidget  *widget,
                  const char *css_class,
                  GPtrArray  *out)
{
  if (gtk_widget_has_css_class (widget, css_class))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_by_class (child, css_class, out);
}

/* The names on the device cards the person can see right now. */
static GPtrArray *
get_shown_card_names (GtkWidget *page)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  collect_by_class (page, "device-card", cards);
  for (guint i = 0; i < cards->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (cards, i);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      if (!gtk_widget_get_mapped (card))
        continue;

      collect_by_class (card, "device-name", labels);
      g_assert_cmpuint (labels->len, ==, 1);
      g_ptr_array_add (names, g_strdup (gtk_label_get_label (g_ptr_array_index (labels, 0))));
    }

  return names;
}

static GtkWidget *
find_card (GtkWidget  *page,
           const char *device_name)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  collect_by_class (page, "device-card", cards);
  for (guint i = 0; i < cards->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (cards, i);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      collect_by_class (card, "device-name", labels);
      if (labels->len == 1 &&
          g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, 0)), device_name) == 0)
        return card;
    }

  return NULL;
}

static gboolean
contains_name (GPtrArray  *names,
               const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;

  return FALSE;
}

static void
set_search (GtkWidget  *page,
            const char *text)
{
  GtkWidget *entry = lc_test_find_widget (page, GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* What the entry emits after its typing delay. */
  g_signal_emit_by_name (entry, "search-changed");
  lc_test_iterate ();
}

static void
test_picker_lists_every_device (void)
{
  LcKnowledge *knowledge = lc_knowledge_get_default ();
  GListModel *devices = lc_knowledge_get_devices (knowledge);
  LcWindow *window = present_window ();
  GtkWidget *page = lc_test_find_widget (GTK_WIDGET (window), LC_TYPE_DEVICE_PICKER_PAGE);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) all_cards = g_ptr_array_new ();

  g_assert_nonnull (page);
  g_assert_null (lc_knowledge_get_load_error ());
  g_assert_cmpuint (g_list_model_get_n_items (devices), >=, 15);

  /* One card per device, every one shown, none twice. */
  names = get_shown_card_names (page);
  collect_by_class (page, "device-card", all_cards);
  g_assert_cmpuint (all_cards->len, ==, g_list_model_get_n_items (devices));
  g_assert_cmpuint (names->len, ==, g_list_model_get_n_items (devices));
  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(LcDevice) device = g_list_model_get_item (devices, i);
      GtkWidget *card = find_card (page, lc_device_get_name (device));

      g_assert_true (contains_name (names, lc_device_get_name (device)));
      g_assert_nonnull (card);
      g_assert_true (gtk_widget_get_focusable (card));
    }
  g_assert_cmpuint (lc_device_picker_page_get_n_matches (LC_DEVICE_PICKER_PAGE (page)), ==,
                    g_list_model_get_n_items (devices));

  close_window (window);
}

static void
test_picker_family_headings (void)
{
  LcKnowledge *knowledge = lc_knowledge_get_default ();
  GListModel *families = lc_knowledge_get_families (knowledge);
  LcWindow *window = present_window ();
  GtkWidget *page = lc_test_find_widget (GTK_WIDGET (window), LC_TYPE_DEVICE_PICKER_PAGE);
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();

  /* A heading per family, in the knowledge base's order. */
  collect_by_class (page, "device-family", sections);
  g_assert_cmpuint (sections->len, ==, g_list_model_get_n_items (families));
  for (guint i = 0; i < sections->len; i++)
    {
      g_autoptr(LcFamily) family = g_list_model_get_item (families, i);
      GtkWidget *heading = gtk_widget_get_first_child (g_ptr_array_index (sections, i));

      g_assert_true (GTK_IS_LABEL (heading));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (heading)), ==, lc_family_get_name (family));
    }

  {
    g_autoptr(LcFamily) first = g_list_model_get_item (families, 0);
    g_assert_cmpstr (lc_family_get_id (first), ==, "battery-camera");
  }

  close_window (window);
}

static void
test_picker_search (void)
{
  LcWindow *window = present_window ();
  GtkWidget *page = lc_test_find_widget (GTK_WIDGET (window), LC_TYPE_DEVICE_PICKER_PAGE);
  GtkWidget *empty;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  set_search (page, "mini");
  names = get_shown_card_names (page);
  g_assert_cmpuint (names->len, ==, 3);
  g_assert_true (contains_name (names, "Blink Mini"));
  g_assert_true (contains_name (names, "Blink Mini 2"));
  g_assert_true (contains_name (names, "Blink Mini Pan-Tilt"));
  g_assert_cmpuint (lc_device_picker_page_get_n_matches (LC_DEVICE_PICKER_PAGE (page)), ==, 3);
  g_clear_pointer (&names, g_ptr_array_unref);

  /* Case and accents don't matter; family names match too. */
  set_search (page, "DÖORBELL");
  names = get_shown_card_names (page);
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_true (contains_name (names, "Blink Video Doorbell"));
  g_assert_true (contains_name (names, "Blink Wired Doorbell 2K+"));
  g_clear_pointer (&names, g_ptr_array_unref);

  set_search (page, "battery cam");
  names = get_shown_card_names (page);
  g_assert_cmpuint (names->len, ==, 5);
  g_assert_true (contains_name (names, "Blink Outdoor 4"));
  g_clear_pointer (&names, g_ptr_array_unref);

  /* Nothing matches: the empty state, no cards. */
  set_search (page, "zzz");
  names = get_shown_card_names (page);
  g_assert_cmpuint (names->len, ==, 0);
  g_assert_cmpuint (lc_device_picker_page_get_n_matches (LC_DEVICE_PICKER_PAGE (page)), ==, 0);
  empty = find_mapped (page, ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (empty);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Device Matches");
  g_clear_pointer (&names, g_ptr_array_unref);

  /* Clearing the search brings every card back. */
  set_search (page, "");
  names = get_shown_card_names (page);
  collect_by_class (page, "device-card", cards);
  g_assert_cmpuint (names->len, ==, cards->len);

  close_window (window);
}

static void
test_picker_activate_opens_match (void)
{
  LcWindow *window = present_window ();
  GtkWidget *page = lc_test_find_widget (GTK_WIDGET (window), LC_TYPE_DEVICE_PICKER_PAGE);
  GtkWidget *card = find_card (page, "Blink Mini 2");
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(GPtrArray) continue_rows = g_ptr_array_new ();
  GtkWidget *continue_row;

  g_settings_set_string (settings, "last-device", "");
  lc_test_iterate ();

  g_assert_nonnull (card);
  g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_DEVICES);
  g_signal_emit_by_name (card, "clicked");
  lc_test_iterate ();
  g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_MATCH);

  /* Remembered, and offered first when the person comes back. */
  g_assert_true (lc_window_go_back (window));
  lc_test_iterate ();
  {
    g_autofree char *last = g_settings_get_string (settings, "last-device");
    g_assert_cmpstr (last, ==, "mini-2");
  }
  collect_by_class (page, "continue-row", continue_rows);
  g_assert_cmpuint (continue_rows->len, ==, 1);
  continue_row = g_ptr_array_index (continue_rows, 0);
  g_assert_true (gtk_widget_get_mapped (continue_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (continue_row)), ==,
                   "Continue with Blink Mini 2");

  /* The row opens that device again. */
  gtk_widget_activate (continue_row);
  lc_test_iterate ();
  g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_MATCH);

  g_settings_set_string (settings, "last-device", "");
  close_window (window);
}

static void
test_picker_no_continue_without_last_device (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(GPtrArray) continue_rows = g_ptr_array_new ();
  LcWindow *window;
  GtkWidget *page;

  /* An id the knowledge base doesn't know is no device either. */
  g_settings_set_string (settings, "last-device", "no-such-device");
  window = present_window ();
  page = lc_test_find_widget (GTK_WIDGET (window), LC_TYPE_DEVICE_PICKER_PAGE);

  collect_by_class (page, "continue-row", continue_rows);
  g_assert_cmpuint (continue_rows->len, ==, 1);
  g_assert_false (gtk_widget_get_visible (g_ptr_array_index (continue_rows, 0)));

  g_settings_set_string (settings, "last-device", "");
  close_window (window);
}

static void
test_picker_keyboard (void)
{
  LcWindow *window = present_window ();
  GtkWidget *page = lc_test_find_widget (GTK_WIDGET (window), LC_TYPE_DEVICE_PICKER_PAGE);
  GtkWidget *first = find_card (page, "Blink Outdoor 4");
  GtkWidget *second = find_card (page, "Blink Outdoor (3rd generation)");
  GtkWidget *focus;

  /* Cards take focus themselves (not their flow box children), and Tab
   * and the arrow keys move between them.
   */
  g_assert_true (gtk_widget_grab_focus (first));
  g_assert_true (gtk_widget_has_focus (first));

  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == second);

  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_LEFT));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == first);

  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_RIGHT));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == second);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!lc_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/device-picker/lists-every-device", test_picker_lists_every_device);
  g_test_add_func ("/ui/device-picker/family-headings", test_picker_family_headings);
  g_test_add_func ("/ui/device-picker/search", test_picker_search);
  g_test_add_func ("/ui/device-picker/activate-opens-match", test_picker_activate_opens_match);
  g_test_add_func ("/ui/device-picker/keyboard", test_picker_keyboard);
  g_test_add_func ("/ui/device-picker/no-continue-without-last-device",
                   test_picker_no_continue_without_last_device);

  return g_test_run ();
}
