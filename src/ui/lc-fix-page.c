/* lc-fix-page.c — walking through the fixes: steps, "did it work?", next cause
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lc-a11y.h"
#include "lc-diagnosis.h"
#include "lc-fix-page.h"
#include "lc-fix-step-page.h"
#include "lc-led-simulator.h"
#include "lc-pages.h"

#define NOTIFICATION_ID "lightcode-step-timer"

struct _LcFixPage
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkButton            *empty_back_button;
  GtkBox               *reason_box;
  GtkLabel             *reason_label;
  GtkLabel             *procedure_label;
  GtkLabel             *provenance_label;
  GtkBox               *disagreement_box;
  GtkLabel             *disagreement_label;
  AdwCarousel          *carousel;
  GtkBox               *erase_box;
  GtkButton            *erase_confirm_button;
  GtkButton            *keep_going_button;
  GtkButton            *skip_button;
  GtkButton            *done_button;
  GtkButton            *yes_button;
  GtkButton            *start_over_button;
  GtkButton            *show_summary_button;
  AdwStatusPage        *question_page;
  LcLedSimulator       *seen_simulator;
  GtkLabel             *seen_label;
  AdwStatusPage        *not_sure_page;
  GtkButton            *look_match_button;
  GtkButton            *look_camera_button;
  AdwStatusPage        *solved_page;
  GtkLabel             *watch_label;
  AdwStatusPage        *support_page;

  /* Owned references */
  LcFixSession         *session;
  GPtrArray            *step_pages;  /* LcFixStepPage, of the current fix */
  GPtrArray            *countdowns;  /* LcCountdown or NULL, per step */

  LcCountdownClockFunc  clock_func;
  gpointer              clock_data;

  guint                 shown_attempts; /* attempts the carousel was built for */
  gconstpointer         seen_diagnosis; /* the one seen_simulator shows; not a ref */
  LcFixState            shown_state;
  guint                 not_sure : 1;   /* "I'm not sure" chosen, still asking */
  guint                 wanted_page;    /* the carousel page the session is on */
  guint                 scroll_tick;    /* waiting for new pages to be laid out */
  guint                 rebuilding : 1; /* carousel pages coming and going */
  guint                 scrolling : 1;  /* our own scroll_to() is under way */
};

G_DEFINE_FINAL_TYPE (LcFixPage, lc_fix_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

enum {
  TIMER_FINISHED,
  SUPPORT_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
request_support (LcFixPage *self)
{
  if (self->session != NULL)
    g_signal_emit (self, signals[SUPPORT_REQUESTED], 0, self->session);
}

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

  g_signal_emit (self, signals[TIMER_FINISHED], 0, index, step);
}

static void
countdown_unref_or_null (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
clear_fix (LcFixPage *self)
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

static void
build_fix (LcFixPage *self)
{
  LcProcedure *procedure;
  LcProvenance *provenance;
  const char *reason;
  const char *disagreement;
  g_autofree char *provenance_text = NULL;
  guint n_steps;

  clear_fix (self);

  procedure = lc_fix_session_get_current_procedure (self->session);
  if (procedure == NULL)
    return;

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
          countdown = lc_countdown_new (seconds);
          if (self->clock_func != NULL)
            lc_countdown_set_clock (countdown, self->clock_func, self->clock_data, NULL);
          g_signal_connect_object (countdown, "finished",
                                   G_CALLBACK (countdown_finished_cb), self,
                                   G_CONNECT_SWAPPED);
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

/* Showing the session */

static void
update_texts (LcFixPage *self)
{
  LcDiagnosis *diagnosis = lc_fix_session_get_diagnosis (self->session);
  LcDevice *device = lc_diagnosis_get_device (diagnosis);
  const char *device_name = device != NULL ? lc_device_get_name (device) : NULL;
  LcProcedure *procedure = lc_fix_session_get_current_procedure (self->session);
  g_autofree char *question = NULL;
  g_autofree char *watch = NULL;

  if (procedure != NULL && device_name != NULL)
    /* Translators: %s are a fix's title and a device name */
    question = g_strdup_printf (_("You went through “%s”. Watch the light of your %s for a minute: has the light you came for stopped?"),
                                lc_procedure_get_title (procedure), device_name);
  else if (procedure != NULL)
    question = g_strdup_printf (_("You went through “%s”. Watch the light for a minute: has the light you came for stopped?"),
                                lc_procedure_get_title (procedure));
  adw_status_page_set_description (self->question_page, question);

  /* The light they came for, to compare with what it does now. */
  if (self->seen_diagnosis != diagnosis)
    {
      g_autofree char *words = lc_signal_describe (lc_diagnosis_get_signal (diagnosis));
      /* Translators: under a drawing of the light the person first saw */
      g_autofree char *seen = g_strdup_printf (_("Before: %s"), words);

      lc_led_simulator_set_device (self->seen_simulator, device);
      lc_led_simulator_set_signal (self->seen_simulator, lc_diagnosis_get_signal (diagnosis));
      gtk_label_set_label (self->seen_label, seen);
      self->seen_diagnosis = diagnosis;
    }

  if (procedure != NULL)
    /* Translators: %s is a fix's title */
    watch = g_strdup_printf (_("“%s” did it. Glance at the light now and then over the next day or two. If the same light comes back, go through Lightcode again and answer “No” this time: it then goes on with the next most likely reason."),
                             lc_procedure_get_title (procedure));
  gtk_label_set_label (self->watch_label, watch);

  adw_status_page_set_description (self->support_page,
                                   lc_fix_session_get_support_reason (self->session));

  /* "Look again" the way the light was read first. */
  switch (lc_diagnosis_get_source (diagnosis))
    {
    case LC_SIGNAL_SOURCE_CAMERA:
    case LC_SIGNAL_SOURCE_VIDEO:
      gtk_widget_add_css_class (GTK_WIDGET (self->look_camera_button), "suggested-action");
      gtk_widget_remove_css_class (GTK_WIDGET (self->look_match_button), "suggested-action");
      break;

    case LC_SIGNAL_SOURCE_EYE:
    default:
      gtk_widget_add_css_class (GTK_WIDGET (self->look_match_button), "suggested-action");
      gtk_widget_remove_css_class (GTK_WIDGET (self->look_camera_button), "suggested-action");
      break;
    }
}

static const char *
view_for_state (LcFixPage  *self,
                LcFixState  state)
{
  switch (state)
    {
    case LC_FIX_STATE_STEPS:
      return "steps";

    case LC_FIX_STATE_ASKING:
      return self->not_sure ? "not-sure" : "question";

    case LC_FIX_STATE_SOLVED:
      return "solved";

    case LC_FIX_STATE_NEEDS_SUPPORT:
      return "support";

    case LC_FIX_STATE_NOTHING_TO_FIX:
    default:
      return "empty";
    }
}

/* Keyboard users land on the view's main button, inside the page, so
 * Left and Right reach the page's own keys.
 */
static void
focus_view (LcFixPage *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->stack);
  GtkWidget *target = NULL;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (g_strcmp0 (view, "steps") == 0 && lc_fix_session_needs_confirmation (self->session))
    target = GTK_WIDGET (self->erase_confirm_button);
  else if (g_strcmp0 (view, "steps") == 0)
    target = GTK_WIDGET (self->done_button);
  else if (g_strcmp0 (view, "question") == 0)
    target = GTK_WIDGET (self->yes_button);
  else if (g_strcmp0 (view, "not-sure") == 0)
    target = gtk_widget_has_css_class (GTK_WIDGET (self->look_camera_button), "suggested-action")
           ? GTK_WIDGET (self->look_camera_button) : GTK_WIDGET (self->look_match_button);
  else if (g_strcmp0 (view, "solved") == 0)
    target = GTK_WIDGET (self->start_over_button);
  else if (g_strcmp0 (view, "support") == 0)
    target = GTK_WIDGET (self->show_summary_button);
  else
    target = GTK_WIDGET (self->empty_back_button);

  gtk_widget_grab_focus (target);
}

static void
update_actions (LcFixPage *self)
{
  LcFixState state = self->session != NULL ? lc_fix_session_get_state (self->session)
                                           : LC_FIX_STATE_NOTHING_TO_FIX;
  gboolean confirming = self->session != NULL && lc_fix_session_needs_confirmation (self->session);
  gboolean stepping = state == LC_FIX_STATE_STEPS && !confirming;
  gboolean asking = state == LC_FIX_STATE_ASKING;
  gboolean has_stop = FALSE;

  if (stepping)
    {
      LcStep *step = lc_fix_session_get_current_step (self->session);

      has_stop = step != NULL && lc_step_get_stop_text (step) != NULL;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fix.previous",
                                 self->session != NULL && lc_fix_session_can_go_back (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fix.next", stepping);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fix.complete-step", stepping);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fix.skip-step", stepping);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fix.stop", has_stop);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fix.request-support",
                                 state == LC_FIX_STATE_STEPS || asking);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fix.confirm", confirming);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fix.keep-going",
                                 self->session != NULL && lc_fix_session_can_keep_going (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fix.answer", stepping || asking);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fix.next-fix", asking);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fix.back-to-question", asking);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fix.look-again", asking);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fix.show-support",
                                 state == LC_FIX_STATE_NEEDS_SUPPORT);
}

static gboolean scroll_tick_cb (GtkWidget     *widget,
                                GdkFrameClock *frame_clock,
                                gpointer       user_data);

/* Brings the carousel to the session's step. Pages that were just added
 * have no place yet (the carousel would scroll to 0), so that waits for
 * the layout.
 */
static void
ensure_carousel_page (LcFixPage *self)
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
  ensure_carousel_page (self);

  return G_SOURCE_REMOVE;
}

static void
carousel_map_cb (LcFixPage *self)
{
  ensure_carousel_page (self);
}

static void
carousel_position_cb (LcFixPage *self)
{
  if (self->scrolling &&
      G_APPROX_VALUE (adw_carousel_get_position (self->carousel), (double) self->wanted_page, 0.001))
    self->scrolling = FALSE;
}

static void
sync_from_session (LcFixPage *self)
{
  LcFixState state;
  const char *view;

  if (self->session == NULL)
    {
      clear_fix (self);
      adw_status_page_set_title (self->empty_page, _("No Fix Chosen"));
      adw_status_page_set_description (self->empty_page,
                                       _("Choose your device and the light it shows first; the fixes for it are then here."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return;
    }

  state = lc_fix_session_get_state (self->session);

  /* A new fix started (after "No"), or the first one: new carousel. */
  if (lc_fix_session_get_n_attempts (self->session) != self->shown_attempts)
    build_fix (self);

  if (state != LC_FIX_STATE_ASKING)
    self->not_sure = FALSE;

  if (state == LC_FIX_STATE_STEPS || state == LC_FIX_STATE_ASKING)
    {
      guint step_index = lc_fix_session_get_step_index (self->session);

      for (guint i = 0; i < self->step_pages->len; i++)
        lc_fix_step_page_set_state (g_ptr_array_index (self->step_pages, i),
                                    lc_fix_session_get_step_state (self->session, i));

      self->wanted_page = step_index;
      ensure_carousel_page (self);

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

  if (state == LC_FIX_STATE_NOTHING_TO_FIX)
    {
      adw_status_page_set_title (self->empty_page, _("Nothing to Fix"));
      adw_status_page_set_description (self->empty_page,
                                       _("What you see is normal for this device, so there is nothing to repair. If something else seems wrong, go back and look at the light again."));
    }

  /* An erasing fix: the warning first, the steps once agreed. */
  gtk_widget_set_visible (GTK_WIDGET (self->erase_box), lc_fix_session_needs_confirmation (self->session));
  gtk_widget_set_sensitive (GTK_WIDGET (self->carousel), !lc_fix_session_needs_confirmation (self->session));

  /* Support offered before the fixes ran out: say so, and allow going on. */
  gtk_widget_set_visible (GTK_WIDGET (self->keep_going_button), lc_fix_session_can_keep_going (self->session));
  adw_status_page_set_title (self->support_page,
                             lc_fix_session_can_keep_going (self->session)
                             ? _("Still Not Fixed?") : _("Time to Ask Blink Support"));

  update_texts (self);

  view = view_for_state (self, state);
  update_actions (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), view) != 0)
    {
      gtk_stack_set_visible_child_name (self->stack, view);
      focus_view (self);
    }

  /* Out of fixes, or a step said so: the support page takes over. */
  if (state == LC_FIX_STATE_NEEDS_SUPPORT && self->shown_state != LC_FIX_STATE_NEEDS_SUPPORT)
    {
      self->shown_state = state;
      request_support (self);
    }
  self->shown_state = state;
}

static void
session_notify_cb (LcFixPage *self)
{
  sync_from_session (self);
}

static void
carousel_page_changed_cb (LcFixPage *self,
                          guint      index)
{
  g_assert (LC_IS_FIX_PAGE (self));

  if (self->rebuilding || self->session == NULL ||
      lc_fix_session_get_state (self->session) != LC_FIX_STATE_STEPS)
    return;

  /* The end of our own scroll (or a stale one): not the person's choice. */
  if (self->scrolling || index == self->wanted_page)
    {
      ensure_carousel_page (self);
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

/* Actions */

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LcFixPage *self = LC_FIX_PAGE (widget);

  if (self->not_sure)
    {
      self->not_sure = FALSE;
      sync_from_session (self);
      return;
    }

  lc_fix_session_previous_step (self->session);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lc_fix_session_next_step (LC_FIX_PAGE (widget)->session);
}

static void
mark_step (LcFixPage      *self,
           guint           index,
           LcFixStepState  state)
{
  if (index >= self->step_pages->len)
    return;

  if (index == lc_fix_session_get_step_index (self->session))
    {
      if (state == LC_FIX_STEP_DONE)
        lc_fix_session_complete_step (self->session);
      else
        lc_fix_session_skip_step (self->session);
      return;
    }

  /* A button on a page the carousel is still sliding away from. */
  lc_fix_session_set_step_state (self->session, index, state);
  lc_fix_step_page_set_state (g_ptr_array_index (self->step_pages, index), state);
}

static void
complete_step_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  mark_step (LC_FIX_PAGE (widget), g_variant_get_uint32 (parameter), LC_FIX_STEP_DONE);
}

static void
skip_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  mark_step (LC_FIX_PAGE (widget), g_variant_get_uint32 (parameter), LC_FIX_STEP_SKIPPED);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lc_fix_session_stop (LC_FIX_PAGE (widget)->session);
}

static void
request_support_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  lc_fix_session_request_support (LC_FIX_PAGE (widget)->session);
}

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LcFixPage *self = LC_FIX_PAGE (widget);
  const char *answer = g_variant_get_string (parameter, NULL);

  if (g_str_equal (answer, "yes"))
    {
      lc_fix_session_answer (self->session, LC_FIX_ANSWER_YES);
    }
  else if (g_str_equal (answer, "no"))
    {
      lc_fix_session_answer (self->session, LC_FIX_ANSWER_NO);
    }
  else if (g_str_equal (answer, "not-sure"))
    {
      /* Offer a second look before moving on. */
      self->not_sure = TRUE;
      sync_from_session (self);
    }
}

static void
next_fix_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LcFixPage *self = LC_FIX_PAGE (widget);

  self->not_sure = FALSE;
  lc_fix_session_answer (self->session, LC_FIX_ANSWER_NOT_SURE);
}

static void
back_to_question_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LcFixPage *self = LC_FIX_PAGE (widget);

  self->not_sure = FALSE;
  sync_from_session (self);
}

static void
look_again_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *where = g_variant_get_string (parameter, NULL);

  if (g_str_equal (where, "camera"))
    gtk_widget_activate_action (widget, LC_ACTION_OPEN_CAMERA, NULL);
  else
    lc_page_push (widget, LC_PAGE_MATCH);
}

static void
show_support_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  request_support (LC_FIX_PAGE (widget));
}

static void
start_over_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  lc_page_push (widget, LC_PAGE_DEVICES);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LcFixPage *self = LC_FIX_PAGE (widget);

  lc_fix_session_confirm (self->session);
  gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
}

static void
keep_going_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LcFixPage *self = LC_FIX_PAGE (widget);

  if (!lc_fix_session_keep_going (self->session))
    return;
  lc_page_push (widget, LC_PAGE_FIX);
}

/* Left and Right follow the reading direction. */
static gboolean
arrow_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  LcFixPage *self = LC_FIX_PAGE (widget);
  gboolean forward = g_variant_get_boolean (args);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  if (self->session == NULL)
    return FALSE;

  if (forward != rtl)
    return lc_fix_session_next_step (self->session);

  return gtk_widget_activate_action (widget, "fix.previous", NULL);
}

/* GObject */

static void
lc_fix_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lc_fix_page_parent_class)->map (widget);

  focus_view (LC_FIX_PAGE (widget));
}

static void
lc_fix_page_dispose (GObject *object)
{
  LcFixPage *self = LC_FIX_PAGE (object);

  lc_fix_page_set_session (self, NULL);
  clear_fix (self);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->carousel), self->scroll_tick);
  self->scroll_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_FIX_PAGE);

  G_OBJECT_CLASS (lc_fix_page_parent_class)->dispose (object);
}

static void
lc_fix_page_finalize (GObject *object)
{
  LcFixPage *self = LC_FIX_PAGE (object);

  g_clear_pointer (&self->step_pages, g_ptr_array_unref);
  g_clear_pointer (&self->countdowns, g_ptr_array_unref);

  G_OBJECT_CLASS (lc_fix_page_parent_class)->finalize (object);
}

static void
lc_fix_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LcFixPage *self = LC_FIX_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_fix_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LcFixPage *self = LC_FIX_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      lc_fix_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_fix_page_class_init (LcFixPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_fix_page_dispose;
  object_class->finalize = lc_fix_page_finalize;
  object_class->get_property = lc_fix_page_get_property;
  object_class->set_property = lc_fix_page_set_property;

  widget_class->map = lc_fix_page_map;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, LC_TYPE_FIX_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LcFixPage::timer-finished:
   * @index: the step's index in the current fix
   * @step: the step
   *
   * A step's timer ran out (the page already told the person).
   */
  signals [TIMER_FINISHED] =
    g_signal_new ("timer-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, LC_TYPE_STEP);

  /**
   * LcFixPage::support-requested:
   * @session: the fix session, for the summary
   *
   * Fixes ran out, a step said to stop, or the person asked for help: the
   * window shows the support page.
   */
  signals [SUPPORT_REQUESTED] =
    g_signal_new ("support-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LC_TYPE_FIX_SESSION);

  g_type_ensure (LC_TYPE_FIX_STEP_PAGE);
  g_type_ensure (LC_TYPE_LED_SIMULATOR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lc-fix-page");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/lc-fix-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, empty_back_button);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, reason_box);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, reason_label);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, procedure_label);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, provenance_label);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, disagreement_box);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, disagreement_label);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, carousel);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, erase_box);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, erase_confirm_button);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, keep_going_button);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, skip_button);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, done_button);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, yes_button);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, start_over_button);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, show_summary_button);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, question_page);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, seen_simulator);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, seen_label);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, not_sure_page);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, look_match_button);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, look_camera_button);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, solved_page);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, watch_label);
  gtk_widget_class_bind_template_child (widget_class, LcFixPage, support_page);
  gtk_widget_class_bind_template_callback (widget_class, carousel_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "fix.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "fix.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "fix.complete-step", "u", complete_step_action);
  gtk_widget_class_install_action (widget_class, "fix.skip-step", "u", skip_step_action);
  gtk_widget_class_install_action (widget_class, "fix.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "fix.request-support", NULL, request_support_action);
  gtk_widget_class_install_action (widget_class, "fix.answer", "s", answer_action);
  gtk_widget_class_install_action (widget_class, "fix.next-fix", NULL, next_fix_action);
  gtk_widget_class_install_action (widget_class, "fix.back-to-question", NULL, back_to_question_action);
  gtk_widget_class_install_action (widget_class, "fix.look-again", "s", look_again_action);
  gtk_widget_class_install_action (widget_class, "fix.show-support", NULL, show_support_action);
  gtk_widget_class_install_action (widget_class, "fix.start-over", NULL, start_over_action);
  gtk_widget_class_install_action (widget_class, "fix.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "fix.keep-going", NULL, keep_going_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, arrow_cb, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Left, 0, arrow_cb, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, arrow_cb, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Right, 0, arrow_cb, "b", TRUE);
}

static void
lc_fix_page_init (LcFixPage *self)
{
  self->step_pages = g_ptr_array_new_with_free_func (g_object_unref);
  self->countdowns = g_ptr_array_new_with_free_func (countdown_unref_or_null);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->carousel, "map", G_CALLBACK (carousel_map_cb), self);
  g_signal_connect_swapped (self->carousel, "notify::position", G_CALLBACK (carousel_position_cb), self);

  sync_from_session (self);
}

GtkWidget *
lc_fix_page_new (void)
{
  return g_object_new (LC_TYPE_FIX_PAGE, NULL);
}

LcFixSession *
lc_fix_page_get_session (LcFixPage *self)
{
  g_return_val_if_fail (LC_IS_FIX_PAGE (self), NULL);

  return self->session;
}

void
lc_fix_page_set_session (LcFixPage    *self,
                         LcFixSession *session)
{
  g_return_if_fail (LC_IS_FIX_PAGE (self));
  g_return_if_fail (session == NULL || LC_IS_FIX_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  g_set_object (&self->session, session);
  self->shown_attempts = 0;
  self->seen_diagnosis = NULL;
  self->not_sure = FALSE;
  /* A session handed over already out of fixes opens on the support state
   * without jumping pages; the window decides where to go.
   */
  self->shown_state = session != NULL ? lc_fix_session_get_state (session) : LC_FIX_STATE_NOTHING_TO_FIX;

  if (session != NULL)
    {
      g_signal_connect_swapped (session, "notify::state", G_CALLBACK (session_notify_cb), self);
      g_signal_connect_swapped (session, "notify::step-index", G_CALLBACK (session_notify_cb), self);
      g_signal_connect_swapped (session, "notify::attempt-index", G_CALLBACK (session_notify_cb), self);
      g_signal_connect_swapped (session, "notify::current-step", G_CALLBACK (session_notify_cb), self);
      g_signal_connect_swapped (session, "notify::needs-confirmation", G_CALLBACK (session_notify_cb), self);
      g_signal_connect_swapped (session, "notify::can-keep-going", G_CALLBACK (session_notify_cb), self);
    }

  /* During dispose the template is about to go. */
  if (self->stack != NULL)
    {
      if (session == NULL)
        clear_fix (self);
      sync_from_session (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

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

const char *
lc_fix_page_get_view (LcFixPage *self)
{
  g_return_val_if_fail (LC_IS_FIX_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
