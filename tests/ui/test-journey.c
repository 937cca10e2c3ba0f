/* test-journey.c — the whole fix journey through the window's widgets:
 * XT2, six red blinks → diagnosis → Fix It → every step → No → the next
 * cause → Get Help → the summary.
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "lc-diagnosis-page.h"
#include "lc-fix-page.h"
#include "lc-fix-session.h"
#include "lc-match-page.h"
#include "lc-support-page.h"
#include "lc-test-ui.h"
#include "lc-window.h"

static void
settle (GtkWidget *widget)
{
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (widget);
  lc_test_iterate ();
}

/* The first mapped button in @widget whose label is @label. */
static GtkButton *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return GTK_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Can Tab reach anything inside @widget? */
static gboolean
has_tab_stop (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (!gtk_widget_get_can_focus (w))
        return FALSE;
    }

  if (gtk_widget_get_focusable (widget) && gtk_widget_get_sensitive (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (has_tab_stop (child))
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  LcWindow  *window;
  LcFixPage *fix_page;
} Journey;

/* Picker → match page → "This Is What I See" → diagnosis → Fix It on the
 * top cause.
 */
static void
journey_start (Journey *journey)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *match_page;
  GtkWidget *diagnosis_page;
  GtkButton *fix_it;
  LcSignal signal;

  journey->window = g_object_new (LC_TYPE_WINDOW, NULL);
  g_object_ref_sink (journey->window);
  gtk_window_set_default_size (GTK_WINDOW (journey->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (journey->window));
  settle (GTK_WIDGET (journey->window));

  lc_window_open_device (journey->window, "xt2", NULL);
  settle (GTK_WIDGET (journey->window));
  g_assert_cmpstr (lc_window_get_visible_page (journey->window), ==, LC_PAGE_MATCH);

  match_page = lc_window_get_page (journey->window, LC_PAGE_MATCH);
  lc_signal_parse ("red:burst:6", &signal, &error);
  g_assert_no_error (error);
  lc_match_page_set_signal (LC_MATCH_PAGE (match_page), &signal);
  /* Accessible names have no mnemonic underscores; the pattern buttons
   * are radios that say which one is checked.
   */
  {
    GtkButton *diagnose = find_button (match_page, "_This Is What I See");
    GtkButton *burst = find_button (match_page, "Blinks, then a _pause");
    GtkButton *solid = find_button (match_page, "_Solid");

    g_assert_nonnull (diagnose);
    g_assert_nonnull (burst);
    g_assert_nonnull (solid);
    g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (diagnose),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "This Is What I See"));
    /* …and the name is not said twice through the mnemonic label. */
    g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (diagnose),
                                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY));
    g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (burst), GTK_ACCESSIBLE_ROLE_RADIO));
    g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (burst), GTK_ACCESSIBLE_STATE_CHECKED, TRUE));
    g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (solid), GTK_ACCESSIBLE_STATE_CHECKED, FALSE));
  }
  g_assert_true (gtk_widget_activate_action (match_page, "match.diagnose", NULL));
  settle (GTK_WIDGET (journey->window));
  g_assert_cmpstr (lc_window_get_visible_page (journey->window), ==, LC_PAGE_DIAGNOSIS);

  /* The top cause is open, and its Fix It is the first one shown. */
  diagnosis_page = lc_window_get_page (journey->window, LC_PAGE_DIAGNOSIS);
  fix_it = find_button (diagnosis_page, "_Fix It");
  g_assert_nonnull (fix_it);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fix_it), "suggested-action"));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (fix_it),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, "Fix It"));

  /* Tab goes round the whole page (never stuck, never on a selectable
   * label or a bare details row) and reaches Fix It.
   */
  {
    gboolean reached_fix_it = FALSE;
    guint moves = 0;
    GtkWidget *last = NULL;

    for (guint i = 0; i < 80; i++)
      {
        GtkWidget *focus;

        if (!gtk_widget_child_focus (GTK_WIDGET (journey->window), GTK_DIR_TAB_FORWARD))
          continue;
        focus = gtk_root_get_focus (GTK_ROOT (journey->window));
        g_assert_nonnull (focus);
        if (focus != last)
          moves++;
        last = focus;
        g_assert_false (GTK_IS_LABEL (focus));
        /* Rows that take focus are titled ones, not the details holder. */
        if (GTK_IS_LIST_BOX_ROW (focus))
          g_assert_true (ADW_IS_PREFERENCES_ROW (focus));
        if (focus == GTK_WIDGET (fix_it))
          reached_fix_it = TRUE;
      }
    g_assert_true (reached_fix_it);
    g_assert_cmpuint (moves, >, 40);
  }
  g_signal_emit_by_name (fix_it, "clicked");
  settle (GTK_WIDGET (journey->window));

  g_assert_cmpstr (lc_window_get_visible_page (journey->window), ==, LC_PAGE_FIX);
  journey->fix_page = LC_FIX_PAGE (lc_window_get_page (journey->window, LC_PAGE_FIX));
  g_assert_cmpstr (lc_fix_page_get_view (journey->fix_page), ==, "steps");
}

static void
journey_end (Journey *journey)
{
  gtk_window_destroy (GTK_WINDOW (journey->window));
  g_clear_object (&journey->window);
}

static LcFixSession *
journey_session (Journey *journey)
{
  return lc_fix_page_get_session (journey->fix_page);
}

/* Every step with Done (checking that only the step on screen can take
 * focus), then "No".
 */
static void
do_every_step_then_no (Journey *journey)
{
  LcFixSession *session = journey_session (journey);
  guint n_steps = lc_fix_session_get_n_steps (session);

  if (lc_fix_session_needs_confirmation (session))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (journey->fix_page), "fix.confirm", NULL));

  for (guint i = 0; i < n_steps; i++)
    {
      g_assert_cmpuint (lc_fix_session_get_step_index (session), ==, i);
      settle (GTK_WIDGET (journey->window));
      for (guint p = 0; p < n_steps; p++)
        {
          GtkWidget *page = lc_fix_page_get_step_page (journey->fix_page, p);

          if (p == i)
            g_assert_true (has_tab_stop (page) || !gtk_widget_get_focusable (page));
          else
            g_assert_false (has_tab_stop (page));
        }
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (journey->fix_page),
                                                 "fix.complete-step", "u", i));
    }

  settle (GTK_WIDGET (journey->window));
  g_assert_cmpstr (lc_fix_page_get_view (journey->fix_page), ==, "question");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (journey->fix_page), "fix.answer", "s", "no"));
  settle (GTK_WIDGET (journey->window));
}

static void
test_journey_batteries_then_help (void)
{
  Journey journey = { NULL, };
  LcFixSession *session;
  LcDiagnosis *diagnosis;
  LcProcedure *second;
  GtkWidget *support_page;
  const char *summary;
  GtkButton *help;
  guint stop_step = G_MAXUINT;

  journey_start (&journey);
  session = journey_session (&journey);
  diagnosis = lc_fix_session_get_diagnosis (session);

  /* The same order as `lightcode diagnose`: the top cause's first fix. */
  g_assert_cmpstr (lc_diagnosis_cause_get_id (lc_diagnosis_get_top_cause (diagnosis)), ==, "low-battery");
  g_assert_cmpstr (lc_procedure_get_id (lc_fix_session_get_current_procedure (session)), ==, "change-batteries");
  g_assert_true (lc_fix_session_get_current_procedure (session) ==
                 lc_diagnosis_cause_get_procedure (lc_diagnosis_get_top_cause (diagnosis)));

  do_every_step_then_no (&journey);

  /* No: on to another cause, never the batteries again. */
  g_assert_cmpstr (lc_fix_page_get_view (journey.fix_page), ==, "steps");
  g_assert_cmpstr (lc_diagnosis_cause_get_id (lc_fix_session_get_current_cause (session)), !=, "low-battery");
  g_assert_true (lc_fix_session_get_current_cause (session) == lc_diagnosis_get_cause (diagnosis, 1));

  /* Walk to a step with a "stop here" note if there is one, and ask for
   * help there with the Get Help button.
   */
  second = lc_fix_session_get_current_procedure (session);
  for (guint i = 0; i < lc_procedure_get_n_steps (second); i++)
    {
      if (lc_step_get_stop_text (lc_procedure_get_step (second, i)) != NULL)
        {
          stop_step = i;
          break;
        }
    }
  for (guint i = 0; stop_step != G_MAXUINT && i < stop_step; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (journey.fix_page), "fix.complete-step", "u", i));
  settle (GTK_WIDGET (journey.window));

  help = find_button (lc_fix_page_get_step_page (journey.fix_page, lc_fix_session_get_step_index (session)),
                      "_Get Help");
  g_assert_nonnull (help);
  g_signal_emit_by_name (help, "clicked");
  settle (GTK_WIDGET (journey.window));

  g_assert_cmpstr (lc_window_get_visible_page (journey.window), ==, LC_PAGE_SUPPORT);
  support_page = lc_window_get_page (journey.window, LC_PAGE_SUPPORT);
  summary = lc_support_page_get_summary (LC_SUPPORT_PAGE (support_page));
  g_test_message ("%s", summary);
  g_assert_nonnull (summary);
  g_assert_null (strstr (summary, "Stop here"));
  for (guint i = 0; i < lc_procedure_get_n_steps (second); i++)
    {
      const char *stop = lc_step_get_stop_text (lc_procedure_get_step (second, i));

      if (stop != NULL)
        g_assert_null (strstr (summary, stop));
    }
  /* The page's own sentence about Blink support is not repeated by the reason. */
  g_assert_null (strstr (lc_fix_session_get_support_reason (session), "Blink support can check"));

  /* Copy works from there. */
  g_assert_true (gtk_widget_activate_action (support_page, "support.copy", NULL));

  journey_end (&journey);
}

/* Answering "no" every time: support is offered within three fixes, and
 * Keep Trying Other Fixes goes on with a new cause.
 */
static void
test_journey_support_within_three (void)
{
  Journey journey = { NULL, };
  LcFixSession *session;
  guint procedures = 0;
  GtkWidget *support_page;
  GtkButton *keep_going;

  journey_start (&journey);
  session = journey_session (&journey);

  while (g_strcmp0 (lc_window_get_visible_page (journey.window), LC_PAGE_FIX) == 0)
    {
      procedures++;
      g_assert_cmpuint (procedures, <=, LC_FIX_OFFER_SUPPORT_AFTER);
      do_every_step_then_no (&journey);
    }

  g_assert_cmpstr (lc_window_get_visible_page (journey.window), ==, LC_PAGE_SUPPORT);
  g_assert_true (lc_fix_session_can_keep_going (session));

  support_page = lc_window_get_page (journey.window, LC_PAGE_SUPPORT);
  keep_going = find_button (support_page, "_Keep Trying Other Fixes");
  g_assert_nonnull (keep_going);
  g_signal_emit_by_name (keep_going, "clicked");
  settle (GTK_WIDGET (journey.window));

  g_assert_cmpstr (lc_window_get_visible_page (journey.window), ==, LC_PAGE_FIX);
  g_assert_cmpstr (lc_fix_page_get_view (journey.fix_page), ==, "steps");
  g_assert_cmpuint (lc_fix_session_get_n_attempts (session), ==, procedures + 1);

  journey_end (&journey);
}

int
main (int   argc,
      char *argv[])
{
  if (!lc_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/journey/batteries-then-help", test_journey_batteries_then_help);
  g_test_add_func ("/ui/journey/support-within-three", test_journey_support_within_three);

  return g_test_run ();
}
