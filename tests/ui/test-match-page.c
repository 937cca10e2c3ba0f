/* test-match-page.c — matching a light by eye, and opening a device
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

static void
iterate (void)
{
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
parse (const char *text,
       LcSignal   *signal)
{
  g_autoptr(GError) error = NULL;

  lc_signal_parse (text, signal, &error);
  g_assert_no_error (error);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkToggleButton *
toggle (GtkWidget  *page,
        const char *name)
{
  GtkWidget *button = find_named (page, name);

  g_assert_nonnull (button);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));

  return GTK_TOGGLE_BUTTON (button);
}

/* The toggle buttons sit in flow box cells; hiding hides the cell. */
static gboolean
shown (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (!gtk_widget_get_visible (widget))
        return FALSE;
      if (LC_IS_MATCH_PAGE (widget))
        return TRUE;
    }

  return TRUE;
}

static char *
simulator_text (LcMatchPage *page)
{
  return lc_signal_to_string (lc_led_simulator_get_signal (lc_match_page_get_simulator (page)));
}

static LcDevice *
device (const char *id)
{
  LcDevice *found = lc_knowledge_lookup_device (lc_knowledge_get_default (), id);

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
new_page_in_window (GtkWidget **out_window)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = lc_match_page_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  *out_window = window;

  return page;
}

/* The button that diagnoses ("This Is What I See"). */
static GtkWidget *
find_diagnose_button (GtkWidget *widget)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "match.diagnose") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_diagnose_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A pressed color or pattern button in @widget, or NULL. */
static GtkWidget *
find_active_toggle (GtkWidget *widget)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget)))
    {
      GtkWidget *flow_box = gtk_widget_get_ancestor (widget, GTK_TYPE_FLOW_BOX);
      const char *name = flow_box != NULL ? gtk_widget_get_name (flow_box) : "";

      if (g_str_equal (name, "color-flow-box") || g_str_equal (name, "pattern-flow-box"))
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_active_toggle (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Index of the known signal @text of the device on the page. */
static int
known_index (LcDevice   *dev,
             const char *text)
{
  GListModel *known = lc_device_get_known_signals (dev);

  for (guint i = 0; i < g_list_model_get_n_items (known); i++)
    {
      g_autoptr(LcKnownSignal) item = g_list_model_get_item (known, i);

      if (g_str_equal (lc_known_signal_get_signal_text (item), text))
        return i;
    }

  return -1;
}

/* Choosing a known signal sets the simulator and every control. */
static void
test_known_signal_sets_controls (void)
{
  GtkWidget *window;
  GtkWidget *page = new_page_in_window (&window);
  LcDevice *outdoor = device ("outdoor-4");
  GtkFlowBox *known;
  GtkFlowBoxChild *child;
  g_autofree char *text = NULL;
  GtkWidget *count;
  int index;

  lc_match_page_set_device (LC_MATCH_PAGE (page), outdoor);
  iterate ();

  known = GTK_FLOW_BOX (find_named (page, "known-signals"));
  g_assert_nonnull (known);
  index = known_index (outdoor, "red:burst:6");
  g_assert_cmpint (index, >=, 0);
  child = gtk_flow_box_get_child_at_index (known, index);
  g_assert_nonnull (child);

  /* Start somewhere else, then pick the known signal as a user would. */
  {
    LcSignal green;

    parse ("green:solid", &green);
    lc_match_page_set_signal (LC_MATCH_PAGE (page), &green);
    g_assert_false (gtk_toggle_button_get_active (toggle (page, "pattern-burst")));
  }
  g_signal_emit_by_name (child, "activate");

  /* Keyboard users go straight on to "This Is What I See". */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == find_named (page, "diagnose"));

  text = simulator_text (LC_MATCH_PAGE (page));
  g_assert_cmpstr (text, ==, "red:burst:6");
  g_clear_pointer (&text, g_free);
  text = lc_signal_to_string (lc_match_page_get_signal (LC_MATCH_PAGE (page)));
  g_assert_cmpstr (text, ==, "red:burst:6");

  g_assert_true (gtk_toggle_button_get_active (toggle (page, "color-red")));
  g_assert_false (gtk_toggle_button_get_active (toggle (page, "color-green")));
  g_assert_true (gtk_toggle_button_get_active (toggle (page, "pattern-burst")));
  g_assert_false (gtk_toggle_button_get_active (toggle (page, "pattern-solid")));
  g_assert_true (gtk_toggle_button_get_active (toggle (page, "speed-normal")));
  count = find_named (page, "count");
  g_assert_true (GTK_IS_SPIN_BUTTON (count));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (count)), ==, 6);
  g_assert_true (gtk_widget_is_sensitive (count));
  g_assert_true (gtk_flow_box_child_is_selected (child));

  gtk_test_accessible_assert_property (lc_match_page_get_simulator (LC_MATCH_PAGE (page)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Red light: six blinks, then a pause, repeating");

  /* And the controls drive the simulator back. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (count), 5);
  text = simulator_text (LC_MATCH_PAGE (page));
  g_assert_cmpstr (text, ==, "red:burst:5");
  g_clear_pointer (&text, g_free);

  gtk_toggle_button_set_active (toggle (page, "speed-fast"), TRUE);
  g_assert_false (gtk_toggle_button_get_active (toggle (page, "speed-normal")));
  text = simulator_text (LC_MATCH_PAGE (page));
  g_assert_true (g_str_has_prefix (text, "red:burst:5@"));
  g_clear_pointer (&text, g_free);

  gtk_toggle_button_set_active (toggle (page, "pattern-solid"), TRUE);
  text = simulator_text (LC_MATCH_PAGE (page));
  g_assert_cmpstr (text, ==, "red:solid");
  g_clear_pointer (&text, g_free);
  g_assert_false (gtk_widget_is_sensitive (count));
  g_assert_false (gtk_flow_box_child_is_selected (child));

  gtk_toggle_button_set_active (toggle (page, "color-blue"), TRUE);
  g_assert_false (gtk_toggle_button_get_active (toggle (page, "color-red")));
  text = simulator_text (LC_MATCH_PAGE (page));
  g_assert_cmpstr (text, ==, "blue:solid");
  g_clear_pointer (&text, g_free);

  /* Alternating picks a second color the light can show. */
  gtk_toggle_button_set_active (toggle (page, "pattern-alternating"), TRUE);
  text = simulator_text (LC_MATCH_PAGE (page));
  g_assert_true (g_str_has_prefix (text, "blue/"));
  g_assert_nonnull (strstr (text, ":blink"));
  g_clear_pointer (&text, g_free);

  gtk_toggle_button_set_active (toggle (page, "pattern-off"), TRUE);
  text = simulator_text (LC_MATCH_PAGE (page));
  g_assert_cmpstr (text, ==, "off");
  g_clear_pointer (&text, g_free);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two lights: a selector, each light with its own colors and pattern. */
static void
test_two_light_device (void)
{
  GtkWidget *window;
  GtkWidget *page = new_page_in_window (&window);
  LcDevice *sync_module = device ("sync-module-2");
  LcLedSimulator *simulator;
  const LcDeviceLight *lights;
  LcSignal signal;
  g_autofree char *text = NULL;
  guint n_lights;
  guint green_light = G_MAXUINT;

  lights = lc_device_get_lights (sync_module, &n_lights);
  g_assert_cmpuint (n_lights, ==, 2);
  for (guint p = 0; p < n_lights; p++)
    {
      if (lc_device_light_can_show (&lights[p], LC_COLOR_GREEN))
        green_light = p;
    }
  g_assert_cmpuint (green_light, <, 2);

  lc_match_page_set_device (LC_MATCH_PAGE (page), sync_module);
  simulator = lc_match_page_get_simulator (LC_MATCH_PAGE (page));
  iterate ();

  parse ("blue:solid+green:blink", &signal);
  lc_match_page_set_signal (LC_MATCH_PAGE (page), &signal);
  text = simulator_text (LC_MATCH_PAGE (page));
  g_assert_cmpstr (text, ==, "blue:solid+green:blink");
  g_clear_pointer (&text, g_free);

  /* Choosing the green light on the drawing shows its controls. */
  g_signal_emit_by_name (simulator, "light-activated", green_light);
  g_assert_cmpint (lc_led_simulator_get_selected_light (simulator), ==, (int) green_light);
  g_assert_true (gtk_toggle_button_get_active (toggle (page, "color-green")));
  g_assert_true (gtk_toggle_button_get_active (toggle (page, "pattern-blink")));
  g_assert_false (shown (GTK_WIDGET (toggle (page, "color-red"))));
  g_assert_false (shown (GTK_WIDGET (toggle (page, "color-blue"))));
  g_assert_true (shown (GTK_WIDGET (toggle (page, "color-green"))));

  /* Editing it leaves the other light alone. */
  gtk_toggle_button_set_active (toggle (page, "pattern-solid"), TRUE);
  text = simulator_text (LC_MATCH_PAGE (page));
  g_assert_cmpstr (text, ==, "blue:solid+green:solid");
  g_clear_pointer (&text, g_free);

  g_signal_emit_by_name (simulator, "light-activated", 1 - green_light);
  g_assert_true (gtk_toggle_button_get_active (toggle (page, "color-blue")));
  g_assert_true (gtk_toggle_button_get_active (toggle (page, "pattern-solid")));
  gtk_toggle_button_set_active (toggle (page, "pattern-off"), TRUE);
  text = simulator_text (LC_MATCH_PAGE (page));
  g_assert_cmpstr (text, ==, "green:solid");
  g_clear_pointer (&text, g_free);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Context chips: one at a time, none means "any". */
static void
test_context_chips (void)
{
  GtkWidget *window;
  GtkWidget *page = new_page_in_window (&window);
  GtkToggleButton *setup, *recording;

  lc_match_page_set_device (LC_MATCH_PAGE (page), device ("mini"));
  g_assert_cmpstr (lc_match_page_get_context (LC_MATCH_PAGE (page)), ==, "any");

  setup = toggle (page, "setup");
  recording = toggle (page, "recording");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (setup)), ==,
                   lc_knowledge_get_context_label (lc_knowledge_get_default (), "setup"));

  gtk_toggle_button_set_active (setup, TRUE);
  g_assert_cmpstr (lc_match_page_get_context (LC_MATCH_PAGE (page)), ==, "setup");
  gtk_toggle_button_set_active (recording, TRUE);
  g_assert_cmpstr (lc_match_page_get_context (LC_MATCH_PAGE (page)), ==, "recording");
  g_assert_false (gtk_toggle_button_get_active (setup));
  gtk_toggle_button_set_active (recording, FALSE);
  g_assert_cmpstr (lc_match_page_get_context (LC_MATCH_PAGE (page)), ==, "any");

  lc_match_page_set_context (LC_MATCH_PAGE (page), "after-reset");
  g_assert_true (gtk_toggle_button_get_active (toggle (page, "after-reset")));
  lc_match_page_set_context (LC_MATCH_PAGE (page), "no-such-context");
  g_assert_cmpstr (lc_match_page_get_context (LC_MATCH_PAGE (page)), ==, "any");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every device of the knowledge base gets a working page. */
static void
test_every_device (void)
{
  GListModel *devices = lc_knowledge_get_devices (lc_knowledge_get_default ());
  GtkWidget *window;
  GtkWidget *page = new_page_in_window (&window);

  g_assert_cmpuint (g_list_model_get_n_items (devices), >, 0);

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(LcDevice) dev = g_list_model_get_item (devices, i);
      GListModel *known = lc_device_get_known_signals (dev);
      GtkFlowBox *known_box;
      const LcDeviceLight *lights;
      guint n_lights, n_children = 0;

      g_test_message ("%s", lc_device_get_id (dev));
      lc_match_page_set_device (LC_MATCH_PAGE (page), dev);
      iterate ();

      known_box = GTK_FLOW_BOX (find_named (page, "known-signals"));
      while (gtk_flow_box_get_child_at_index (known_box, n_children) != NULL)
        n_children++;
      g_assert_cmpuint (n_children, ==, g_list_model_get_n_items (known));

      /* Nothing is chosen yet: no light is lit, no pattern is pressed,
       * and there is nothing to diagnose until the person picks one.
       */
      g_assert_cmpuint (lc_match_page_get_signal (LC_MATCH_PAGE (page))->n_lights, ==, 0);
      g_assert_false (gtk_widget_is_sensitive (find_diagnose_button (page)));
      g_assert_null (find_active_toggle (page));
      /* (Checked on a fresh page: later ones had focus in the gallery,
       * and a single-selection flow box selects what takes focus.)
       */
      if (i == 0)
        g_assert_null (gtk_flow_box_get_selected_children (known_box));
      if (n_children > 0)
        {
          g_autoptr(LcKnownSignal) first = g_list_model_get_item (known, 0);

          gtk_widget_activate (GTK_WIDGET (gtk_flow_box_get_child_at_index (known_box, 0)));
          iterate ();
          g_assert_true (lc_signal_equal (lc_match_page_get_signal (LC_MATCH_PAGE (page)),
                                          lc_known_signal_get_signal (first)));
          g_assert_true (gtk_widget_is_sensitive (find_diagnose_button (page)));
        }

      /* Only colors the current light can show are offered. */
      lights = lc_device_get_lights (dev, &n_lights);
      g_assert_cmpuint (n_lights, >, 0);
      g_assert_cmpuint (lc_led_simulator_get_n_positions (lc_match_page_get_simulator (LC_MATCH_PAGE (page))),
                        ==, n_lights);
      for (LcColor c = LC_COLOR_RED; c < LC_N_COLORS; c++)
        {
          g_autofree char *name = g_strdup_printf ("color-%s", lc_color_to_string (c));
          int selected = lc_led_simulator_get_selected_light (lc_match_page_get_simulator (LC_MATCH_PAGE (page)));
          const LcDeviceLight *current = &lights[selected >= 0 ? selected : 0];

          g_assert_cmpint (shown (GTK_WIDGET (toggle (page, name))), ==,
                           lc_device_light_can_show (current, c));
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Narrow windows stack the controls under the simulator. */
static void
test_narrow_layout (void)
{
  GtkWidget *window;
  GtkWidget *page = new_page_in_window (&window);

  lc_match_page_set_device (LC_MATCH_PAGE (page), device ("outdoor-4"));
  gtk_test_widget_wait_for_draw (window);
  iterate ();
  g_assert_false (gtk_widget_has_css_class (page, "narrow"));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  for (guint i = 0; i < 100 && !gtk_widget_has_css_class (page, "narrow"); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_has_css_class (page, "narrow"));
  g_assert_cmpint (gtk_widget_get_width (page), <, 600);

  /* The light stays in view in the bar below while controls change. */
  {
    GtkWidget *bar = lc_test_find_widget (page, GTK_TYPE_ACTION_BAR);
    GtkWidget *mini;
    LcSignal signal;

    g_assert_nonnull (bar);
    mini = lc_test_find_widget (bar, LC_TYPE_LED_SIMULATOR);
    g_assert_nonnull (mini);
    parse ("green:solid", &signal);
    lc_match_page_set_signal (LC_MATCH_PAGE (page), &signal);
    for (guint i = 0; i < 10; i++)
      g_main_context_iteration (NULL, FALSE);
    g_assert_true (gtk_widget_get_mapped (mini));
    g_assert_true (lc_signal_equal (lc_led_simulator_get_signal (LC_LED_SIMULATOR (mini)), &signal));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* From the top of the page, the gallery of known lights is a few Tabs
 * away; picking one there moves focus on to "This Is What I See" (see
 * test_known_signal_sets_controls), which stays insensitive until then.
 */
static void
test_gallery_few_tabs_away (void)
{
  GtkWidget *window;
  GtkWidget *page = new_page_in_window (&window);
  GtkWidget *known;
  guint presses;

  lc_match_page_set_device (LC_MATCH_PAGE (page), device ("xt2"));
  gtk_test_widget_wait_for_draw (window);
  iterate ();
  known = find_named (page, "known-signals");
  g_assert_nonnull (known);
  g_assert_false (gtk_widget_is_sensitive (find_named (page, "diagnose")));

  gtk_root_set_focus (GTK_ROOT (window), NULL);
  for (presses = 1; presses <= 50; presses++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus != NULL && (focus == known || gtk_widget_is_ancestor (focus, known)))
        break;
    }
  g_test_message ("the known lights after %u Tab presses", presses);
  g_assert_cmpuint (presses, <=, 6);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every control can be reached with Tab alone. */
static void
test_keyboard_reachable (void)
{
  static const char * const names[] = {
    "color-blue", "color-green", "pattern-off", "pattern-burst", "pattern-fade", "count",
    "speed-slow", "speed-fast", "setup", "after-update", "diagnose",
  };
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  GtkWidget *window;
  GtkWidget *page = new_page_in_window (&window);
  GtkWidget *known;
  GtkWidget *bar_button;
  LcLedSimulator *simulator;
  gboolean known_reached = FALSE;
  LcSignal signal;

  /* A burst on the chosen light, so the count is in use too. */
  lc_match_page_set_device (LC_MATCH_PAGE (page), device ("sync-module-2"));
  parse ("blue:burst:3+green:blink", &signal);
  lc_match_page_set_signal (LC_MATCH_PAGE (page), &signal);
  gtk_test_widget_wait_for_draw (window);
  iterate ();

  known = find_named (page, "known-signals");
  simulator = lc_match_page_get_simulator (LC_MATCH_PAGE (page));
  bar_button = find_named (page, "diagnose");
  g_assert_nonnull (bar_button);

  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
        continue;
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL)
        continue;

      /* A spin button focuses its text entry. */
      if (gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON) != NULL)
        focus = gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON);
      g_hash_table_add (reached, focus);
      if (gtk_widget_is_ancestor (focus, known))
        known_reached = TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *widget = find_named (page, names[i]);

      g_assert_nonnull (widget);
      g_assert_true (gtk_widget_is_sensitive (widget));
      if (!shown (widget))
        continue;
      if (!g_hash_table_contains (reached, widget))
        g_test_fail_printf ("%s cannot be reached with Tab", names[i]);
    }

  /* Two lights: the simulator itself takes focus to choose one. */
  g_assert_true (g_hash_table_contains (reached, simulator));
  g_assert_true (known_reached);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* lc_window_open_device(): the match page with that device and signal. */
static void
test_window_open_device (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  LcWindow *window = g_object_new (LC_TYPE_WINDOW, NULL);
  GtkWidget *stack_child;
  LcMatchPage *page;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  lc_window_open_device (window, "outdoor-4", "red:burst:6");
  g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_MATCH);

  stack_child = gtk_widget_get_ancestor (find_named (GTK_WIDGET (window), "known-signals"),
                                         LC_TYPE_MATCH_PAGE);
  g_assert_nonnull (stack_child);
  page = LC_MATCH_PAGE (stack_child);
  g_assert_cmpstr (lc_device_get_id (lc_match_page_get_device (page)), ==, "outdoor-4");
  text = simulator_text (page);
  g_assert_cmpstr (text, ==, "red:burst:6");
  last = g_settings_get_string (settings, "last-device");
  g_assert_cmpstr (last, ==, "outdoor-4");
  g_assert_true (gtk_toggle_button_get_active (toggle (stack_child, "pattern-burst")));
  gtk_test_accessible_assert_property (lc_match_page_get_simulator (page),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Red light: six blinks, then a pause, repeating");

  /* An unknown device leaves things as they are. */
  lc_window_go_back (window);
  lc_window_open_device (window, "no-such-camera", NULL);
  g_assert_cmpstr (lc_window_get_visible_page (window), !=, LC_PAGE_MATCH);
  g_clear_pointer (&last, g_free);
  last = g_settings_get_string (settings, "last-device");
  g_assert_cmpstr (last, ==, "outdoor-4");

  /* Another device, its signal with two lights. */
  lc_window_open_device (window, "sync-module-2", "blue:solid+green:blink");
  g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_MATCH);
  g_clear_pointer (&text, g_free);
  text = simulator_text (page);
  g_assert_cmpstr (text, ==, "blue:solid+green:blink");

  /* "This is what I see" leads to the diagnosis. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "match.diagnose", NULL));
  g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_DIAGNOSIS);

  g_settings_reset (settings, "last-device");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* "The light looks fine, but the app says offline" leads to a diagnosis of
 * the device's normal light in that situation, not to "all is well".
 */
static void
test_app_offline_entry (void)
{
  LcWindow *window = g_object_new (LC_TYPE_WINDOW, NULL);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  GtkWidget *page, *button, *diagnosis_page;
  LcDiagnosis *diagnosis;

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  lc_window_open_device (window, "sync-module-2", "red:solid");
  page = gtk_widget_get_ancestor (find_named (GTK_WIDGET (window), "known-signals"), LC_TYPE_MATCH_PAGE);
  g_assert_nonnull (page);
  button = find_named (page, "app-offline");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));

  g_assert_true (gtk_widget_activate_action (page, "match.app-offline", NULL));
  g_assert_cmpstr (lc_window_get_visible_page (window), ==, LC_PAGE_DIAGNOSIS);

  diagnosis_page = lc_test_find_widget (GTK_WIDGET (window), LC_TYPE_DIAGNOSIS_PAGE);
  diagnosis = lc_diagnosis_page_get_diagnosis (LC_DIAGNOSIS_PAGE (diagnosis_page));
  g_assert_cmpstr (lc_diagnosis_get_context_id (diagnosis), ==, "app-offline");
  g_assert_cmpstr (lc_diagnosis_get_signal_text (diagnosis), ==, "blue:solid+green:solid");
  g_assert_false (lc_diagnosis_is_normal (diagnosis));
  g_assert_cmpstr (lc_diagnosis_cause_get_id (lc_diagnosis_get_top_cause (diagnosis)), ==, "offline");

  g_settings_reset (settings, "last-device");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* Reduce motion draws the light as a still timeline, but Play is still
 * there and makes it blink.
 */
static void
test_reduce_motion_play (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  GtkWidget *window;
  GtkWidget *page = new_page_in_window (&window);
  LcLedSimulator *simulator = lc_match_page_get_simulator (LC_MATCH_PAGE (page));
  GtkWidget *play;
  LcSignal signal;

  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  lc_match_page_set_device (LC_MATCH_PAGE (page), device ("xt2"));
  parse ("red:burst:6", &signal);
  lc_match_page_set_signal (LC_MATCH_PAGE (page), &signal);
  iterate ();

  g_assert_true (lc_led_simulator_get_timeline_mode (simulator));
  play = find_named (page, "play-pause");
  g_assert_nonnull (play);
  g_assert_true (gtk_widget_get_visible (play));
  g_signal_emit_by_name (play, "clicked");
  iterate ();
  g_assert_false (lc_led_simulator_get_timeline_mode (simulator));
  g_assert_false (lc_led_simulator_get_paused (simulator));

  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!lc_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/match-page/known-signal-sets-controls", test_known_signal_sets_controls);
  g_test_add_func ("/ui/match-page/two-light-device", test_two_light_device);
  g_test_add_func ("/ui/match-page/context-chips", test_context_chips);
  g_test_add_func ("/ui/match-page/every-device", test_every_device);
  g_test_add_func ("/ui/match-page/narrow-layout", test_narrow_layout);
  g_test_add_func ("/ui/match-page/keyboard-reachable", test_keyboard_reachable);
  g_test_add_func ("/ui/match-page/window-open-device", test_window_open_device);
  g_test_add_func ("/ui/match-page/app-offline-entry", test_app_offline_entry);
  g_test_add_func ("/ui/match-page/reduce-motion-play", test_reduce_motion_play);
  g_test_add_func ("/ui/match-page/gallery-few-tabs-away", test_gallery_few_tabs_away);

  return g_test_run ();
}
