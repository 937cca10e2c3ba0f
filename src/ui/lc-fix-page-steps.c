/* lc-fix-page-steps.c — the current fix's steps: carousel pages and their timers
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each fix is a carousel of step pages, built anew for every attempt; a
 * step that has the person hold a button or wait gets a timer, which says
 * when it runs out. The carousel follows the session's step, and a swipe
 * moves the session.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lc-a11y.h"
#include "lc-fix-page-private.h"
#include "lc-fix-step-page.h"
#include "lc-pages.h"

#define NOTIFICATION_ID "lightcode-step-timer"

/* Timers */

static gboolean
step_needs_timer (LcStep *step,
                  guint  *out_seconds)
{
  guint hold = lc_step_get_hold_seconds (step);
  guint wait = lc_step_get_wait_seconds (step);

  /* A step rarely has both; holding a button is what needs counting then. */
  *out_seconds = hold > 0 ? hold : wait;

  return *out_seconds > 0;
}

static void
show_step_from_toast_cb (AdwToast      *toast,
                         LcFixStepPage *step_page)
{
  LcFixPage *self;
  guint index;

  /* The toast may outlive the fix it was about. */
  self = LC_FIX_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (step_page), LC_TYPE_FIX_PAGE));
  if (self == NULL || self->session == NULL)
    return;

  lc_page_push (GTK_WIDGET (self), LC_PAGE_FIX);

  index = lc_fix_step_page_get_index (step_page);
  if (lc_fix_session_get_state (self->session) == LC_FIX_STATE_ASKING)
    lc_fix_session_previous_step (self->session);
  while (lc_fix_session_get_state (self->session) == LC_FIX_STATE_STEPS &&
         lc_fix_session_get_step_index (self->session) > index)
    lc_fix_session_previous_step (self->session);
  while (lc_fix_session_get_state (self->session) == LC_FIX_STATE_STEPS &&
         lc_fix_session_get_step_index (self->session) < index)
    lc_fix_session_next_step (self->session);
}

static void
countdown_finished_cb (LcFixPage   *self,
                       LcCountdown *countdown)
{
  LcFixStepPage *step_page = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  GtkRoot *root;
  LcStep *step;
  guint index;

  g_assert (LC_IS_FIX_PAGE (self));
  g_assert (LC_IS_COUNTDOWN (countdown));

  if (!g_ptr_array_find (self->countdowns, countdown, &index))
    return;

  step_page = g_ptr_array_index (self->step_pages, index);
  step = lc_fix_step_page_get_step (step_page);

  /* Translators: a step's timer ran out; %s is the step's title */
  message = g_strdup_printf (_("Time is up: “%s”"), lc_step_get_title (step));

  /* Toast titles are markup in libadwaita 1.2. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Show Step"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (show_step_from_toast_cb), step_page, 0);
  lc_page_add_toast (GTK_WIDGET (self), toast);

  /* Screen readers: GTK 4.14 can announce; before that, the description of
   * the page changes (and the timer's own status text says it too).
   */
#if GTK_CHECK_VERSION (4, 14, 0)
  gtk_accessible_announce (GTK_ACCESSIBLE (self), message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_HIGH);
#endif
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);

  /* Away from the window (waiting two minutes by the router, say), the
   * desktop says it.
   */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root) && !gtk_window_is_active (GTK_WINDOW (root)))
    {
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (root));

      if (application != NULL)
        {
          g_autoptr(GNotification) notification = g_notification_new (_("Time Is Up"));

          g_notification_set_body (notification, lc_step_get_title (step));
          g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
          g_application_send_notification (G_APPLICATION (application), NOTIFICATION_ID, notification);
        }
    }

  _lc_fix_page_timer_finished (self, index, step);
}

/* The current fix */

void
_lc_fix_page_clear_fix (LcFixPage *self)
{
  for (guint i = 0; i < self->countdowns->len; i++)
    {
      LcCountdown *countdown = g_ptr_array_index (self->countdowns, i);

      if (countdown != NULL)
        {
          g_signal_handlers_disconnect_by_data (countdown, self);
          lc_countdown_cancel (countdown);
        }
    }
  g_ptr_array_set_size (self->countdowns, 0);
  g_ptr_array_set_size (self->step_pages, 0);

  self->rebuilding = TRUE;
  while (adw_carousel_get_n_pages (self->carousel) > 0)
    adw_carousel_remove (self->carousel, adw_carousel_get_nth_page (self->carousel, 0));
  self->rebuilding = FALSE;
}

/* The fix's title, where it comes from, why it is next and any
 * disagreement, above its steps.
 */
static void
show_fix_texts (LcFixPage   *self,
                LcProcedure *procedure)
{
  LcProvenance *provenance;
  const char *reason;
  const char *disagreement;
  g_autofree char *provenance_text = NULL;

  gtk_label_set_label (self->procedure_label, lc_procedure_get_title (procedure));

  provenance = lc_procedure_get_provenance (procedure);
  if (provenance != NULL && lc_provenance_get_source_name (provenance) != NULL &&
      lc_provenance_get_kind (provenance) == LC_PROVENANCE_OFFICIAL)
    /* Translators: where a fix comes from: "Blink’s guide: <page title>" */
    provenance_text = g_strdup_printf (_("From %s: %s"),
                                       lc_provenance_get_label (provenance),
                                       lc_provenance_get_source_name (provenance));
  else if (provenance != NULL)
    /* Translators: where a fix comes from: "Common troubleshooting advice"
     * or "Reported by other owners" (a label, so not "From …") */
    provenance_text = g_strdup_printf (_("Source: %s"), lc_provenance_get_label (provenance));
  gtk_label_set_label (GTK_LABEL (self->provenance_label), provenance_text);

  reason = lc_fix_session_get_next_reason (self->session);
  gtk_label_set_label (self->reason_label, reason);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_box), reason != NULL);

  disagreement = lc_procedure_get_disagreement (procedure);
  gtk_label_set_label (self->disagreement_label, disagreement);
  gtk_widget_set_visible (GTK_WIDGET (self->disagreement_box), disagreement != NULL);
}

static LcCountdown *
create_countdown (LcFixPage *self,
                  guint      seconds)
{
  LcCountdown *countdown = lc_countdown_new (seconds);

  if (self->clock_func != NULL)
    lc_countdown_set_clock (countdown, self->clock_func, self->clock_data, NULL);
  g_signal_connect_object (countdown, "finished",
                           G_CALLBACK (countdown_finished_cb), self,
                           G_CONNECT_SWAPPED);

  return countdown;
}

/* A carousel page for each step of the session's current fix, with a
 * timer when the step needs one.
 */
void
_lc_fix_page_build_fix (LcFixPage *self)
{
  LcProcedure *procedure;
  guint n_steps;

  _lc_fix_page_clear_fix (self);

  procedure = lc_fix_session_get_current_procedure (self->session);
  if (procedure == NULL)
    return;

  show_fix_texts (self, procedure);

  n_steps = lc_procedure_get_n_steps (procedure);
  for (guint i = 0; i < n_steps; i++)
    {
      LcStep *step = lc_procedure_get_step (procedure, i);
      GtkWidget *step_page = lc_fix_step_page_new (step, i, n_steps);
      LcCountdown *countdown = NULL;
      guint seconds;

      if (!lc_fix_session_note_applies (self->session, step))
        lc_fix_step_page_hide_note (LC_FIX_STEP_PAGE (step_page));

      if (step_needs_timer (step, &seconds))
        {
          countdown = create_countdown (self, seconds);
          lc_fix_step_page_set_countdown (LC_FIX_STEP_PAGE (step_page), countdown);
        }

      g_ptr_array_add (self->countdowns, countdown);
      g_ptr_array_add (self->step_pages, g_object_ref (step_page));
      self->rebuilding = TRUE;
      adw_carousel_append (self->carousel, step_page);
      self->rebuilding = FALSE;
    }

  lc_a11y_fix_mnemonic_names (GTK_WIDGET (self->carousel));
  self->shown_attempts = lc_fix_session_get_n_attempts (self->session);
}

/* Keeping the carousel on the session's step */

static gboolean scroll_tick_cb (GtkWidget     *widget,
                                GdkFrameClock *frame_clock,
                                gpointer       user_data);

/* Brings the carousel to the session's step. Pages that were just added
 * have no place yet (the carousel would scroll to 0), so that waits for
 * the layout.
 */
void
_lc_fix_page_ensure_carousel_page (LcFixPage *self)
{
  GtkWidget *page;

  if (self->wanted_page >= self->step_pages->len)
    return;

  if (G_APPROX_VALUE (adw_carousel_get_position (self->carousel), (double) self->wanted_page, 0.001))
    {
      self->scrolling = FALSE;
      return;
    }

  page = g_ptr_array_index (self->step_pages, self->wanted_page);
  if (gtk_widget_get_width (page) == 0 || !gtk_widget_get_mapped (GTK_WIDGET (self->carousel)))
    {
      /* Unmapped, nothing ticks; "map" comes back here. */
      if (self->scroll_tick == 0 && gtk_widget_get_mapped (GTK_WIDGET (self->carousel)))
        self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->carousel),
                                                          scroll_tick_cb, self, NULL);
      return;
    }

  self->scrolling = TRUE;
  adw_carousel_scroll_to (self->carousel, page, TRUE);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  LcFixPage *self = user_data;

  self->scroll_tick = 0;
  _lc_fix_page_ensure_carousel_page (self);

  return G_SOURCE_REMOVE;
}

static void
carousel_map_cb (LcFixPage *self)
{
  _lc_fix_page_ensure_carousel_page (self);
}

static void
carousel_position_cb (LcFixPage *self)
{
  if (self->scrolling &&
      G_APPROX_VALUE (adw_carousel_get_position (self->carousel), (double) self->wanted_page, 0.001))
    self->scrolling = FALSE;
}

/* Each step page shows its state; the carousel goes to the session's
 * step, the only one that takes focus and clicks.
 */
void
_lc_fix_page_show_step (LcFixPage *self,
                        guint      step_index)
{
  for (guint i = 0; i < self->step_pages->len; i++)
    lc_fix_step_page_set_state (g_ptr_array_index (self->step_pages, i),
                                lc_fix_session_get_step_state (self->session, i));

  self->wanted_page = step_index;
  _lc_fix_page_ensure_carousel_page (self);

  /* Only the step on screen takes focus and clicks: Tab must not
   * reach the timer or buttons of a page slid out of view.
   */
  for (guint i = 0; i < self->step_pages->len; i++)
    {
      GtkWidget *page = g_ptr_array_index (self->step_pages, i);
      gboolean shown = i == step_index;

      gtk_widget_set_can_focus (page, shown);
      gtk_widget_set_can_target (page, shown);
    }

  /* Done and Skip act on the step shown. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->done_button), "u", step_index);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->skip_button), "u", step_index);
}

void
_lc_fix_page_watch_carousel (LcFixPage *self)
{
  g_signal_connect_swapped (self->carousel, "map", G_CALLBACK (carousel_map_cb), self);
  g_signal_connect_swapped (self->carousel, "notify::position", G_CALLBACK (carousel_position_cb), self);
}

void
_lc_fix_page_carousel_page_changed_cb (LcFixPage *self,
                                       guint      index)
{
  g_assert (LC_IS_FIX_PAGE (self));

  if (self->rebuilding || self->session == NULL ||
      lc_fix_session_get_state (self->session) != LC_FIX_STATE_STEPS)
    return;

  /* The end of our own scroll (or a stale one): not the person's choice. */
  if (self->scrolling || index == self->wanted_page)
    {
      _lc_fix_page_ensure_carousel_page (self);
      return;
    }

  /* A swipe: bring the session along. */

  while (lc_fix_session_get_step_index (self->session) < index &&
         lc_fix_session_get_state (self->session) == LC_FIX_STATE_STEPS)
    lc_fix_session_next_step (self->session);
  while (lc_fix_session_get_step_index (self->session) > index &&
         lc_fix_session_get_state (self->session) == LC_FIX_STATE_STEPS)
    lc_fix_session_previous_step (self->session);
}

/* The timers and step pages, for tests */

void
lc_fix_page_set_clock (LcFixPage            *self,
                       LcCountdownClockFunc  func,
                       gpointer              user_data)
{
  g_return_if_fail (LC_IS_FIX_PAGE (self));

  self->clock_func = func;
  self->clock_data = user_data;

  for (guint i = 0; i < self->countdowns->len; i++)
    {
      LcCountdown *countdown = g_ptr_array_index (self->countdowns, i);

      if (countdown != NULL)
        lc_countdown_set_clock (countdown, func, user_data, NULL);
    }
}

LcCountdown *
lc_fix_page_get_countdown (LcFixPage *self,
                           guint      index)
{
  g_return_val_if_fail (LC_IS_FIX_PAGE (self), NULL);

  if (index >= self->countdowns->len)
    return NULL;

  return g_ptr_array_index (self->countdowns, index);
}

GtkWidget *
lc_fix_page_get_step_page (LcFixPage *self,
                           guint      index)
{
  g_return_val_if_fail (LC_IS_FIX_PAGE (self), NULL);

  if (index >= self->step_pages->len)
    return NULL;

  return g_ptr_array_index (self->step_pages, index);
}
