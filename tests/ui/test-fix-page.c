/* test-fix-page.c — the fix pages, the "did it work?" loop and the support page
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "lc-countdown.h"
#include "lc-diagnosis.h"
#include "lc-fix-page.h"
#include "lc-fix-step-page.h"
#include "lc-knowledge.h"
#include "lc-step-illustration.h"
#include "lc-support-page.h"
#include "lc-test-ui.h"
#include "lc-illustration.h"
#include "lc-window.h"

/* Helpers */

static GtkWidget *current_window;

static void
iterate (void)
{
  /* A few frames: new carousel pages are laid out in one, scrolled to in
   * the next. Waits on frames, never on time.
   */
  for (guint i = 0; i < 2; i++)
    {
      if (current_window != NULL && gtk_widget_get_mapped (current_window))
        gtk_test_widget_wait_for_draw (current_window);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
    }
}

/* A label showing exactly @text that is really on screen. */
static GtkWidget *
find_mapped_label (GtkWidget  *widget,
                   const char *text)
{
  if (GTK_IS_LABEL (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button_with_label (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  LcWindow     *window;
  LcFixPage    *fix_page;
  LcSupportPage *support_page;
  LcDiagnosis  *diagnosis;
} Fixture;

static LcDiagnosis *
diagnose (const char *device_id,
          const char *signal_text,
          const char *context_id)
{
  LcKnowledge *knowledge = lc_knowledge_get_default ();
  g_autoptr(GError) error = NULL;
  LcDevice *device;
  LcDiagnosis *diagnosis;
  LcSignal signal;

  g_assert_false (lc_knowledge_is_empty (knowledge));
  device = lc_knowledge_lookup_device (knowledge, device_id);
  g_assert_nonnull (device);
  g_assert_true (lc_signal_parse (signal_text, &signal, &error));
  g_assert_no_error (error);

  diagnosis = lc_diagnosis_new (knowledge, device, &signal, context_id, &error);
  g_assert_no_error (error);

  return diagnosis;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = g_object_new (LC_TYPE_WINDOW, NULL);
  g_object_ref_sink (fixture->window);
  current_window = GTK_WIDGET (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate ();

  fixture->fix_page = LC_FIX_PAGE (lc_window_get_page (fixture->window, LC_PAGE_FIX));
  fixture->support_page = LC_SUPPORT_PAGE (lc_window_get_page (fixture->window, LC_PAGE_SUPPORT));
  g_assert_nonnull (fixture->fix_page);
  g_assert_nonnull (fixture->support_page);

  /* Low batteries first, then Wi-Fi, then bad batteries, then a fault. */
  fixture->diagnosis = diagnose ("outdoor-4", "red:burst:6", "recording");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->diagnosis);
  current_window = NULL;
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  iterate ();
}

static LcFixSession *
start_fix (Fixture          *fixture,
           LcDiagnosisCause *cause)
{
  LcFixSession *session;

  lc_window_start_fix (fixture->window, fixture->diagnosis, cause);
  iterate ();

  g_assert_cmpstr (lc_window_get_visible_page (fixture->window), ==, LC_PAGE_FIX);
  session = lc_fix_page_get_session (fixture->fix_page);
  g_assert_nonnull (session);

  return session;
}

static void
activate (Fixture    *fixture,
          const char *action,
          const char *format,
          ...)
{
  va_list args;
  GVariant *parameter = NULL;

  if (format != NULL)
    {
      va_start (args, format);
      parameter = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->fix_page), action, parameter));
  iterate ();
}

/* Marks every step of the current fix done through the page's buttons. */
static void
walk_to_question (Fixture      *fixture,
                  LcFixSession *session)
{
  guint n_steps = lc_fix_session_get_n_steps (session);

  g_assert_cmpuint (n_steps, >, 0);
  for (guint i = 0; i < n_steps; i++)
    {
      GtkWidget *step_page = lc_fix_page_get_step_page (fixture->fix_page, i);

      g_assert_cmpstr (lc_fix_page_get_view (fixture->fix_page), ==, "steps");
      g_assert_cmpuint (lc_fix_session_get_step_index (session), ==, i);
      /* The carousel follows the session. */
      g_assert_cmpfloat (adw_carousel_get_position (ADW_CAROUSEL (gtk_widget_get_parent (step_page))), ==, i);
      g_assert_true (lc_fix_step_page_get_step (LC_FIX_STEP_PAGE (step_page)) ==
                     lc_fix_session_get_current_step (session));

      activate (fixture, "fix.complete-step", "u", i);
      g_assert_cmpint (lc_fix_step_page_get_state (LC_FIX_STEP_PAGE (step_page)), ==, LC_FIX_STEP_DONE);
    }

  g_assert_cmpint (lc_fix_session_get_state (session), ==, LC_FIX_STATE_ASKING);
  g_assert_cmpstr (lc_fix_page_get_view (fixture->fix_page), ==, "question");
}

/* The cause the session should try after @tried: the next one in the
 * diagnosis order that has a fix of its own.
 */
static LcDiagnosisCause *
next_cause_in_diagnosis_order (LcDiagnosis      *diagnosis,
                               LcDiagnosisCause *tried)
{
  guint n = lc_diagnosis_get_n_causes (diagnosis);
  gboolean after = FALSE;

  for (guint i = 0; i < n; i++)
    {
      LcDiagnosisCause *cause = lc_diagnosis_get_cause (diagnosis, i);
      LcProcedure *procedure = lc_diagnosis_cause_get_procedure (cause);

      if (cause == tried)
        {
          after = TRUE;
          continue;
        }
      if (after && procedure != NULL &&
          g_strcmp0 (lc_procedure_get_id (procedure), LC_SUPPORT_PROCEDURE_ID) != 0)
        return cause;
    }

  return NULL;
}

/* Tests */

static void
test_walk_to_yes (Fixture       *fixture,
                  gconstpointer  data)
{
  LcFixSession *session = start_fix (fixture, NULL);
  LcProcedure *procedure = lc_fix_session_get_current_procedure (session);
  g_autofree char *progress = NULL;

  g_assert_true (lc_fix_session_get_current_cause (session) == lc_diagnosis_get_top_cause (fixture->diagnosis));
  g_assert_cmpstr (lc_diagnosis_cause_get_id (lc_fix_session_get_current_cause (session)), ==, "low-battery");

  /* The procedure, its source and the first step are on screen. */
  g_assert_nonnull (find_mapped_label (GTK_WIDGET (fixture->fix_page), lc_procedure_get_title (procedure)));
  g_assert_nonnull (find_mapped_label (GTK_WIDGET (fixture->fix_page),
                                       lc_step_get_title (lc_procedure_get_step (procedure, 0))));
  progress = g_strdup_printf ("Step 1 of %u", lc_procedure_get_n_steps (procedure));
  g_assert_nonnull (find_mapped_label (GTK_WIDGET (fixture->fix_page), progress));
  /* The first fix needs no "why this one" line. */
  g_assert_null (lc_fix_session_get_next_reason (session));

  /* Back and Next move without marking. */
  activate (fixture, "fix.next", NULL);
  g_assert_cmpuint (lc_fix_session_get_step_index (session), ==, 1);
  g_assert_cmpint (lc_fix_session_get_step_state (session, 0), ==, LC_FIX_STEP_NOT_DONE);
  activate (fixture, "fix.previous", NULL);
  g_assert_cmpuint (lc_fix_session_get_step_index (session), ==, 0);
  /* Nothing before the first step (the action is off). */
  gtk_widget_activate_action (GTK_WIDGET (fixture->fix_page), "fix.previous", NULL);
  iterate ();
  g_assert_cmpuint (lc_fix_session_get_step_index (session), ==, 0);
  g_assert_cmpstr (lc_fix_page_get_view (fixture->fix_page), ==, "steps");

  walk_to_question (fixture, session);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) ==
                 find_button_with_label (GTK_WIDGET (fixture->fix_page), "_Yes, It Stopped"));

  /* "Back to the steps" from the question returns to the last step. */
  activate (fixture, "fix.previous", NULL);
  g_assert_cmpstr (lc_fix_page_get_view (fixture->fix_page), ==, "steps");
  g_assert_cmpuint (lc_fix_session_get_step_index (session), ==, lc_fix_session_get_n_steps (session) - 1);
  activate (fixture, "fix.next", NULL);
  g_assert_cmpstr (lc_fix_page_get_view (fixture->fix_page), ==, "question");

  activate (fixture, "fix.answer", "s", "yes");
  g_assert_true (lc_fix_session_is_solved (session));
  g_assert_cmpstr (lc_fix_page_get_view (fixture->fix_page), ==, "solved");
  g_assert_cmpstr (lc_window_get_visible_page (fixture->window), ==, LC_PAGE_FIX);
}

static void
test_bottom_buttons (Fixture       *fixture,
                     gconstpointer  data)
{
  LcFixSession *session = start_fix (fixture, NULL);
  GtkWidget *done = find_button_with_label (GTK_WIDGET (fixture->fix_page), "_Done");
  GtkWidget *skip = find_button_with_label (GTK_WIDGET (fixture->fix_page), "_Skip");

  /* Always in view, acting on the step shown, and where the keyboard
   * starts (so Left and Right reach the page).
   */
  g_assert_nonnull (done);
  g_assert_nonnull (skip);
  g_assert_true (gtk_widget_get_mapped (done));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == done);

  g_signal_emit_by_name (done, "clicked");
  iterate ();
  g_assert_cmpuint (lc_fix_session_get_step_index (session), ==, 1);
  g_signal_emit_by_name (skip, "clicked");
  iterate ();
  g_assert_cmpuint (lc_fix_session_get_step_index (session), ==, 2);
  g_assert_cmpint (lc_fix_session_get_step_state (session, 0), ==, LC_FIX_STEP_DONE);
  g_assert_cmpint (lc_fix_session_get_step_state (session, 1), ==, LC_FIX_STEP_SKIPPED);
  g_assert_cmpint (lc_fix_session_get_step_state (session, 2), ==, LC_FIX_STEP_NOT_DONE);

  /* Going back shows what was said about a step. */
  activate (fixture, "fix.previous", NULL);
  g_assert_cmpint (lc_fix_step_page_get_state (LC_FIX_STEP_PAGE (lc_fix_page_get_step_page (fixture->fix_page, 1))),
                   ==, LC_FIX_STEP_SKIPPED);
  g_assert_nonnull (find_mapped_label (GTK_WIDGET (fixture->fix_page), "You skipped this step."));
  g_signal_emit_by_name (done, "clicked");
  iterate ();
  g_assert_cmpint (lc_fix_session_get_step_state (session, 1), ==, LC_FIX_STEP_DONE);
  g_assert_cmpuint (lc_fix_session_get_step_index (session), ==, 2);
}

static void
test_no_goes_to_next_cause (Fixture       *fixture,
                            gconstpointer  data)
{
  LcFixSession *session = start_fix (fixture, NULL);
  guint attempts = 1;

  /* Every "No" moves to the next cause in the diagnosis order, with the
   * reason shown, until the fixes run out and the support page opens.
   */
  while (lc_fix_session_get_state (session) != LC_FIX_STATE_NEEDS_SUPPORT)
    {
      LcDiagnosisCause *tried = lc_fix_session_get_current_cause (session);
      LcDiagnosisCause *expected = next_cause_in_diagnosis_order (fixture->diagnosis, tried);
      LcProcedure *procedure;
      const char *reason;

      walk_to_question (fixture, session);
      activate (fixture, "fix.answer", "s", "no");

      if (lc_fix_session_get_state (session) == LC_FIX_STATE_NEEDS_SUPPORT)
        break;

      attempts++;
      g_assert_cmpuint (lc_fix_session_get_n_attempts (session), ==, attempts);
      /* The first round of the plan follows the ranking. */
      if (expected != NULL)
        g_assert_cmpstr (lc_diagnosis_cause_get_id (lc_fix_session_get_current_cause (session)), ==,
                         lc_diagnosis_cause_get_id (expected));

      reason = lc_fix_session_get_next_reason (session);
      g_assert_nonnull (reason);
      g_assert_nonnull (find_mapped_label (GTK_WIDGET (fixture->fix_page), reason));

      /* A fresh carousel for the new fix, on its first step. */
      procedure = lc_fix_session_get_current_procedure (session);
      g_assert_cmpstr (lc_fix_page_get_view (fixture->fix_page), ==, "steps");
      g_assert_cmpuint (lc_fix_session_get_step_index (session), ==, 0);
      g_assert_nonnull (lc_fix_page_get_step_page (fixture->fix_page, lc_procedure_get_n_steps (procedure) - 1));
      g_assert_null (lc_fix_page_get_step_page (fixture->fix_page, lc_procedure_get_n_steps (procedure)));
      g_assert_nonnull (find_mapped_label (GTK_WIDGET (fixture->fix_page), lc_procedure_get_title (procedure)));

      g_assert_cmpuint (attempts, <, 20);
    }

  /* Out of fixes: the support page, with the summary. */
  g_assert_cmpuint (attempts, >=, 2);
  g_assert_cmpstr (lc_window_get_visible_page (fixture->window), ==, LC_PAGE_SUPPORT);
  g_assert_true (lc_support_page_get_session (fixture->support_page) == session);
  g_assert_nonnull (lc_support_page_get_summary (fixture->support_page));
  g_assert_nonnull (find_mapped_label (GTK_WIDGET (fixture->support_page),
                                       lc_fix_session_get_support_reason (session)));

  /* Back on the fix page: the support state, never a blank. */
  g_assert_true (lc_window_go_back (fixture->window));
  iterate ();
  g_assert_cmpstr (lc_window_get_visible_page (fixture->window), ==, LC_PAGE_FIX);
  g_assert_cmpstr (lc_fix_page_get_view (fixture->fix_page), ==, "support");
}

static void
test_not_sure_offers_a_second_look (Fixture       *fixture,
                                    gconstpointer  data)
{
  LcFixSession *session = start_fix (fixture, NULL);
  LcDiagnosisCause *first = lc_fix_session_get_current_cause (session);
  LcFixAnswer answer;

  walk_to_question (fixture, session);

  activate (fixture, "fix.answer", "s", "not-sure");
  g_assert_cmpstr (lc_fix_page_get_view (fixture->fix_page), ==, "not-sure");
  /* Nothing decided yet. */
  g_assert_cmpint (lc_fix_session_get_state (session), ==, LC_FIX_STATE_ASKING);
  g_assert_false (lc_fix_session_get_attempt_answer (session, 0, NULL));

  activate (fixture, "fix.back-to-question", NULL);
  g_assert_cmpstr (lc_fix_page_get_view (fixture->fix_page), ==, "question");
  activate (fixture, "fix.answer", "s", "not-sure");

  /* Looking again goes to the match page (or the camera page). */
  activate (fixture, "fix.look-again", "s", "match");
  g_assert_cmpstr (lc_window_get_visible_page (fixture->window), ==, LC_PAGE_MATCH);
  g_assert_true (lc_window_go_back (fixture->window));
  iterate ();
  g_assert_cmpstr (lc_window_get_visible_page (fixture->window), ==, LC_PAGE_FIX);
  activate (fixture, "fix.look-again", "s", "camera");
  g_assert_cmpstr (lc_window_get_visible_page (fixture->window), ==, LC_PAGE_CAMERA);
  g_assert_true (lc_window_go_back (fixture->window));
  iterate ();

  /* Or go on: recorded as "not sure", and the next fix starts. */
  activate (fixture, "fix.next-fix", NULL);
  g_assert_true (lc_fix_session_get_attempt_answer (session, 0, &answer));
  g_assert_cmpint (answer, ==, LC_FIX_ANSWER_NOT_SURE);
  g_assert_true (lc_fix_session_get_current_cause (session) != first);
  g_assert_cmpstr (lc_fix_page_get_view (fixture->fix_page), ==, "steps");
}

static void
test_start_with_chosen_cause (Fixture       *fixture,
                              gconstpointer  data)
{
  LcDiagnosisCause *second = lc_diagnosis_get_cause (fixture->diagnosis, 1);
  LcFixSession *session = start_fix (fixture, second);

  g_assert_true (lc_fix_session_get_current_cause (session) == second);
  g_assert_true (lc_fix_session_get_current_procedure (session) == lc_diagnosis_cause_get_procedure (second));

  /* "No" then goes back to the top of the ranking. */
  walk_to_question (fixture, session);
  activate (fixture, "fix.answer", "s", "no");
  g_assert_true (lc_fix_session_get_current_cause (session) == lc_diagnosis_get_top_cause (fixture->diagnosis));
}

static void
test_stop_and_request_support (Fixture       *fixture,
                               gconstpointer  data)
{
  LcFixSession *session = start_fix (fixture, NULL);
  guint n_steps = lc_fix_session_get_n_steps (session);
  guint stop_index = G_MAXUINT;
  guint stopped_at;

  for (guint i = 0; i < n_steps && stop_index == G_MAXUINT; i++)
    if (lc_step_get_stop_text (lc_procedure_get_step (lc_fix_session_get_current_procedure (session), i)) != NULL)
      stop_index = i;
  g_assert_cmpuint (stop_index, <, n_steps);

  /* "Next fix" is only offered on a step that says when to stop. */
  if (stop_index > 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->fix_page), "fix.stop", NULL);
      iterate ();
      g_assert_cmpuint (lc_fix_session_get_n_attempts (session), ==, 1);
      g_assert_false (lc_fix_session_get_attempt_stopped (session, 0, NULL));
    }

  for (guint i = 0; i < stop_index; i++)
    activate (fixture, "fix.complete-step", "u", i);
  activate (fixture, "fix.stop", NULL);

  g_assert_true (lc_fix_session_get_attempt_stopped (session, 0, &stopped_at));
  g_assert_cmpuint (stopped_at, ==, stop_index);
  g_assert_cmpuint (lc_fix_session_get_n_attempts (session), ==, 2);
  g_assert_cmpstr (lc_fix_page_get_view (fixture->fix_page), ==, "steps");

  /* "Get help" on any step: straight to the support page. */
  activate (fixture, "fix.request-support", NULL);
  g_assert_true (lc_fix_session_needs_support (session));
  g_assert_cmpstr (lc_window_get_visible_page (fixture->window), ==, LC_PAGE_SUPPORT);
}

/* Countdowns, on a fake clock */

typedef struct
{
  gint64 now_us;
} FakeClock;

static gint64
fake_clock_now (gpointer user_data)
{
  return ((FakeClock *) user_data)->now_us;
}

static void
count_finished_cb (LcFixPage *page,
                   guint      index,
                   LcStep    *step,
                   guint     *counter)
{
  g_assert_true (LC_IS_STEP (step));
  counter[0]++;
  counter[1] = index;
}

static void
test_countdown_survives_navigation (Fixture       *fixture,
                                    gconstpointer  data)
{
  FakeClock clock = { 1000 * G_USEC_PER_SEC };
  LcFixSession *session;
  LcFixStepPage *step_page;
  LcCountdown *countdown = NULL;
  GtkWidget *start_button;
  guint timed_step = 0;
  guint finished[2] = { 0, 0 };

  lc_fix_page_set_clock (fixture->fix_page, fake_clock_now, &clock);
  g_signal_connect (fixture->fix_page, "timer-finished", G_CALLBACK (count_finished_cb), finished);
  session = start_fix (fixture, NULL);

  /* The first step with a wait or a hold has a timer; others have none. */
  for (guint i = 0; i < lc_fix_session_get_n_steps (session); i++)
    {
      LcStep *step = lc_procedure_get_step (lc_fix_session_get_current_procedure (session), i);
      gboolean timed = lc_step_get_wait_seconds (step) > 0 || lc_step_get_hold_seconds (step) > 0;

      g_assert_true ((lc_fix_page_get_countdown (fixture->fix_page, i) != NULL) == timed);
      if (timed && countdown == NULL)
        {
          countdown = lc_fix_page_get_countdown (fixture->fix_page, i);
          timed_step = i;
        }
    }
  g_assert_nonnull (countdown);
  g_assert_cmpuint (lc_countdown_get_duration (countdown), >, 30);

  for (guint i = 0; i < timed_step; i++)
    activate (fixture, "fix.next", NULL);

  /* The person starts it with the page's button. */
  step_page = LC_FIX_STEP_PAGE (lc_fix_page_get_step_page (fixture->fix_page, timed_step));
  start_button = find_button_with_label (GTK_WIDGET (step_page), "_Start Timer");
  g_assert_nonnull (start_button);
  g_signal_emit_by_name (start_button, "clicked");
  g_assert_true (lc_countdown_get_running (countdown));

  clock.now_us += 30 * G_USEC_PER_SEC;
  lc_countdown_tick (countdown);
  {
    g_autofree char *expected = lc_countdown_format_seconds (lc_countdown_get_duration (countdown) - 30);

    g_assert_cmpstr (lc_fix_step_page_get_countdown_text (step_page), ==, expected);
  }

  /* Away to another step, then to another page of the window. */
  if (timed_step > 0)
    activate (fixture, "fix.previous", NULL);
  else
    activate (fixture, "fix.next", NULL);
  lc_window_push_page (fixture->window, LC_PAGE_DEVICES);
  iterate ();
  g_assert_true (lc_countdown_get_running (countdown));
  g_assert_cmpuint (finished[0], ==, 0);

  clock.now_us += (gint64) lc_countdown_get_duration (countdown) * G_USEC_PER_SEC;
  lc_countdown_tick (countdown);
  iterate ();

  g_assert_cmpuint (finished[0], ==, 1);
  g_assert_cmpuint (finished[1], ==, timed_step);
  g_assert_true (lc_countdown_get_finished (countdown));
  g_assert_cmpstr (lc_fix_step_page_get_countdown_text (step_page), ==, "00:00");
  /* Screen readers are told too (GTK 4.8 has no announcements). */
  {
    g_autofree char *message = g_strdup_printf ("Time is up: “%s”",
                                                lc_step_get_title (lc_fix_step_page_get_step (step_page)));

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->fix_page),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message);
    g_assert_nonnull (find_button_with_label (GTK_WIDGET (step_page), "Start _Again"));
  }

  /* Once only, however often it ticks. */
  clock.now_us += 10 * G_USEC_PER_SEC;
  lc_countdown_tick (countdown);
  iterate ();
  g_assert_cmpuint (finished[0], ==, 1);

  /* The next fix drops the old timers. */
  g_object_add_weak_pointer (G_OBJECT (countdown), (gpointer *) &countdown);
  lc_window_push_page (fixture->window, LC_PAGE_FIX);
  iterate ();
  activate (fixture, "fix.answer", "s", "no");
  g_assert_cmpuint (lc_fix_session_get_n_attempts (session), ==, 2);
  g_assert_null (countdown);
}

/* The support summary */

static void
test_summary_has_marked_steps (Fixture       *fixture,
                               gconstpointer  data)
{
  LcFixSession *session = start_fix (fixture, NULL);
  LcProcedure *procedure = lc_fix_session_get_current_procedure (session);
  const char *summary;
  g_autofree char *done0 = NULL;
  g_autofree char *skipped1 = NULL;
  g_autofree char *done2 = NULL;
  g_autofree char *not_done3 = NULL;

  g_assert_cmpuint (lc_procedure_get_n_steps (procedure), >=, 4);

  activate (fixture, "fix.complete-step", "u", 0);
  activate (fixture, "fix.skip-step", "u", 1);
  activate (fixture, "fix.complete-step", "u", 2);
  /* Step 3 is looked at but not marked. */
  activate (fixture, "fix.request-support", NULL);

  g_assert_cmpstr (lc_window_get_visible_page (fixture->window), ==, LC_PAGE_SUPPORT);
  summary = lc_support_page_get_summary (fixture->support_page);
  g_assert_nonnull (summary);

  done0 = g_strdup_printf ("[done] %s", lc_step_get_title (lc_procedure_get_step (procedure, 0)));
  skipped1 = g_strdup_printf ("[skipped] %s", lc_step_get_title (lc_procedure_get_step (procedure, 1)));
  done2 = g_strdup_printf ("[done] %s", lc_step_get_title (lc_procedure_get_step (procedure, 2)));
  not_done3 = g_strdup_printf ("[seen, not marked] %s", lc_step_get_title (lc_procedure_get_step (procedure, 3)));
  g_assert_nonnull (strstr (summary, done0));
  g_assert_nonnull (strstr (summary, skipped1));
  g_assert_nonnull (strstr (summary, done2));
  g_assert_nonnull (strstr (summary, not_done3));
  g_assert_nonnull (strstr (summary, lc_procedure_get_title (procedure)));
  g_assert_nonnull (strstr (summary, "outdoor-4"));

  /* What is on screen is that text. */
  {
    GtkTextView *view = GTK_TEXT_VIEW (lc_test_find_widget (GTK_WIDGET (fixture->support_page), GTK_TYPE_TEXT_VIEW));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_nonnull (strstr (shown, done0));
    g_assert_false (gtk_text_view_get_editable (view));
  }
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;
  gboolean ok;

  ok = lc_support_page_save_to_file_finish (LC_SUPPORT_PAGE (object), result, error);
  g_assert_true (ok == (*error == NULL));
  /* Mark "finished" even on success. */
  if (ok)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "ok");
}

static GError *
save_and_wait (LcSupportPage *page,
               GFile         *file)
{
  GError *error = NULL;

  lc_support_page_save_to_file (page, file, NULL, save_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  return error;
}

static void
test_save_summary (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) ok = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *read_only = NULL;
  g_autofree char *target_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) good = NULL;
  LcFixSession *session = start_fix (fixture, NULL);

  lc_window_show_support (fixture->window, session);
  iterate ();
  g_assert_null (lc_support_page_get_save_error (fixture->support_page));

  dir = g_dir_make_tmp ("lightcode-test-XXXXXX", &error);
  g_assert_no_error (error);
  read_only = g_build_filename (dir, "read-only", NULL);
  g_assert_cmpint (g_mkdir (read_only, 0700), ==, 0);
  g_assert_cmpint (g_chmod (read_only, 0500), ==, 0);

  if (access (read_only, W_OK) == 0)
    {
      /* Running as root: permissions don't stop writes, so aim at a folder
       * that doesn't exist instead; the save fails all the same.
       */
      g_test_message ("root can write to a 0500 folder; saving under a missing folder instead");
      target_path = g_build_filename (read_only, "missing", "summary.txt", NULL);
    }
  else
    {
      target_path = g_build_filename (read_only, "summary.txt", NULL);
    }

  target = g_file_new_for_path (target_path);
  error = save_and_wait (fixture->support_page, target);
  g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS));
  g_assert_nonnull (error);
  g_assert_false (g_file_query_exists (target, NULL));

  /* The page says so, naming the file. */
  g_assert_nonnull (lc_support_page_get_save_error (fixture->support_page));
  g_assert_nonnull (strstr (lc_support_page_get_save_error (fixture->support_page), "summary.txt"));
  g_assert_nonnull (find_mapped_label (GTK_WIDGET (fixture->support_page),
                                       lc_support_page_get_save_error (fixture->support_page)));

  /* A writable place works, clears the message, and holds the summary. */
  good = g_file_new_build_filename (dir, "summary.txt", NULL);
  ok = save_and_wait (fixture->support_page, good);
  g_assert_true (g_error_matches (ok, G_IO_ERROR, G_IO_ERROR_EXISTS));
  g_assert_null (lc_support_page_get_save_error (fixture->support_page));
  g_assert_true (g_file_load_contents (good, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, lc_support_page_get_summary (fixture->support_page));

  g_file_delete (good, NULL, NULL);
  g_chmod (read_only, 0700);
  g_rmdir (read_only);
  g_rmdir (dir);
}

static void
test_copy_summary (Fixture       *fixture,
                   gconstpointer  data)
{
  LcFixSession *session = start_fix (fixture, NULL);
  GdkClipboard *clipboard;

  lc_window_show_support (fixture->window, session);
  iterate ();

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->support_page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->support_page), "support.copy", NULL));
  iterate ();

  /* Ours, and holding text. */
  g_assert_true (gdk_clipboard_is_local (clipboard));
  g_assert_nonnull (gdk_clipboard_get_content (clipboard));
  {
    GValue value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==, lc_support_page_get_summary (fixture->support_page));
    g_value_unset (&value);
  }
}

static void
test_narrow_window (Fixture       *fixture,
                    gconstpointer  data)
{
  LcFixSession *session;
  int width;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  iterate ();
  session = start_fix (fixture, NULL);

  /* Every step fits 360 px: nothing forces the window wider. */
  for (guint i = 0; i < lc_fix_session_get_n_steps (session); i++)
    {
      GtkWidget *step_page = lc_fix_page_get_step_page (fixture->fix_page, i);
      int minimum;

      gtk_widget_measure (step_page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_assert_cmpint (minimum, <=, 360);
    }
  gtk_widget_measure (GTK_WIDGET (fixture->fix_page), GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  g_assert_cmpint (width, <=, 360);

  walk_to_question (fixture, session);
  gtk_widget_measure (GTK_WIDGET (fixture->fix_page), GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  g_assert_cmpint (width, <=, 360);

  lc_window_show_support (fixture->window, session);
  iterate ();
  gtk_widget_measure (GTK_WIDGET (fixture->support_page), GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  g_assert_cmpint (width, <=, 360);
}

static void
test_step_accessible (Fixture       *fixture,
                      gconstpointer  data)
{
  LcFixSession *session = start_fix (fixture, NULL);
  LcStep *step = lc_fix_session_get_current_step (session);
  GtkWidget *step_page = lc_fix_page_get_step_page (fixture->fix_page, 0);
  g_autofree char *label = NULL;

  /* The screen reader hears where it is, the title, then the text. */
  label = g_strdup_printf ("Step 1 of %u: %s", lc_fix_session_get_n_steps (session), lc_step_get_title (step));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (step_page), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (step_page), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

/* Illustrations */

static void
test_every_illustration_renders (void)
{
  LcKnowledge *knowledge = lc_knowledge_get_default ();
  GListModel *procedures = lc_knowledge_get_procedures (knowledge);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_procedures = g_list_model_get_n_items (procedures);

  g_assert_cmpuint (n_procedures, >, 0);

  for (guint p = 0; p < n_procedures; p++)
    {
      g_autoptr(LcProcedure) procedure = g_list_model_get_item (procedures, p);

      for (guint s = 0; s < lc_procedure_get_n_steps (procedure); s++)
        {
          LcStep *step = lc_procedure_get_step (procedure, s);
          const char *name = lc_step_get_illustration (step);
          g_autoptr(GdkTexture) texture = NULL;
          g_autoptr(GError) error = NULL;

          if (name == NULL || g_hash_table_contains (seen, name))
            continue;
          g_hash_table_add (seen, (gpointer) name);

          /* At the size the step page uses (480 wide, 4:3). */
          texture = lc_illustration_load (name, LC_STEP_ILLUSTRATION_MAX_WIDTH, 360, &error);
          g_assert_no_error (error);
          g_assert_nonnull (texture);
          g_assert_cmpint (gdk_texture_get_width (texture), ==, LC_STEP_ILLUSTRATION_MAX_WIDTH);
          g_assert_cmpint (gdk_texture_get_height (texture), ==, 360);
        }
    }

  g_test_message ("%u illustrations rendered", g_hash_table_size (seen));
  g_assert_cmpuint (g_hash_table_size (seen), >=, 10);
}

static void
test_illustration_loader_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) wide = NULL;

  texture = lc_illustration_load ("no-such-illustration", 480, 360, &error);
  g_assert_null (texture);
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);

  /* Another aspect ratio still gives the size asked for. */
  wide = lc_illustration_load ("step-wait", 600, 200, NULL);
  g_assert_nonnull (wide);
  g_assert_cmpint (gdk_texture_get_width (wide), ==, 600);
  g_assert_cmpint (gdk_texture_get_height (wide), ==, 200);
}

static void
test_illustration_drawn_at_shown_size (Fixture       *fixture,
                                       gconstpointer  data)
{
  LcFixSession *session = start_fix (fixture, NULL);
  GtkWidget *step_page = lc_fix_page_get_step_page (fixture->fix_page, 0);
  GtkWidget *illustration = lc_test_find_widget (step_page, LC_TYPE_STEP_ILLUSTRATION);
  GdkTexture *texture;
  int scale;

  g_assert_nonnull (lc_step_get_illustration (lc_fix_session_get_current_step (session)));
  g_assert_nonnull (illustration);
  gtk_test_widget_wait_for_draw (illustration);
  iterate ();

  /* Rendered for its own pixels: crisp, not a scaled bitmap. */
  texture = lc_step_illustration_get_texture (LC_STEP_ILLUSTRATION (illustration));
  g_assert_nonnull (texture);
  scale = gtk_widget_get_scale_factor (illustration);
  g_assert_cmpint (gtk_widget_get_width (illustration), <=, LC_STEP_ILLUSTRATION_MAX_WIDTH);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (illustration) * scale);
  g_assert_cmpint (ABS (gdk_texture_get_height (texture) - gtk_widget_get_height (illustration) * scale), <=, scale);
}

static void
test_empty_states (void)
{
  GtkWidget *fix_page = g_object_ref_sink (lc_fix_page_new ());
  GtkWidget *support_page = g_object_ref_sink (lc_support_page_new ());
  g_autoptr(LcDiagnosis) normal = diagnose ("sync-module", "blue:solid+green:solid", NULL);
  g_autoptr(LcFixSession) session = lc_fix_session_new (normal);

  /* Without a session: a status page, not a blank. */
  g_assert_cmpstr (lc_fix_page_get_view (LC_FIX_PAGE (fix_page)), ==, "empty");
  g_assert_null (lc_support_page_get_summary (LC_SUPPORT_PAGE (support_page)));

  /* A normal light: nothing to fix. */
  g_assert_true (lc_diagnosis_is_normal (normal));
  lc_fix_page_set_session (LC_FIX_PAGE (fix_page), session);
  g_assert_cmpstr (lc_fix_page_get_view (LC_FIX_PAGE (fix_page)), ==, "empty");

  /* A summary without a session still says what was seen. */
  lc_support_page_set_diagnosis (LC_SUPPORT_PAGE (support_page), normal);
  g_assert_nonnull (lc_support_page_get_summary (LC_SUPPORT_PAGE (support_page)));

  lc_fix_page_set_session (LC_FIX_PAGE (fix_page), NULL);
  g_assert_finalize_object (fix_page);
  g_assert_finalize_object (support_page);
}

int
main (int   argc,
      char *argv[])
{
  if (!lc_test_ui_init (&argc, &argv))
    return 0;

  /* Carousel and stack changes happen at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/fix-page/walk-to-yes", test_walk_to_yes);
  ADD ("/fix-page/bottom-buttons", test_bottom_buttons);
  ADD ("/fix-page/no-goes-to-next-cause", test_no_goes_to_next_cause);
  ADD ("/fix-page/not-sure", test_not_sure_offers_a_second_look);
  ADD ("/fix-page/start-with-chosen-cause", test_start_with_chosen_cause);
  ADD ("/fix-page/stop-and-request-support", test_stop_and_request_support);
  ADD ("/fix-page/countdown-survives-navigation", test_countdown_survives_navigation);
  ADD ("/fix-page/step-accessible", test_step_accessible);
  ADD ("/fix-page/narrow-window", test_narrow_window);
  ADD ("/fix-page/illustration-drawn-at-shown-size", test_illustration_drawn_at_shown_size);
  ADD ("/support-page/summary-has-marked-steps", test_summary_has_marked_steps);
  ADD ("/support-page/save", test_save_summary);
  ADD ("/support-page/copy", test_copy_summary);
  g_test_add_func ("/ui/fix-page/every-illustration-renders", test_every_illustration_renders);
  g_test_add_func ("/ui/fix-page/illustration-loader-errors", test_illustration_loader_errors);
  g_test_add_func ("/ui/fix-page/empty-states", test_empty_states);

#undef ADD

  return g_test_run ();
}
