/* lc-fix-page.c — walking through the fixes: steps, "did it work?", next cause
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lc-diagnosis.h"
#include "lc-fix-page-private.h"
#include "lc-fix-step-page.h"

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

void
_lc_fix_page_request_support (LcFixPage *self)
{
  if (self->session != NULL)
    g_signal_emit (self, signals[SUPPORT_REQUESTED], 0, self->session);
}

/* Called once the person has been told (see lc-fix-page-steps.c). */
void
_lc_fix_page_timer_finished (LcFixPage *self,
                             guint      index,
                             LcStep    *step)
{
  g_signal_emit (self, signals[TIMER_FINISHED], 0, index, step);
}

static void
countdown_unref_or_null (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
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
show_no_session (LcFixPage *self)
{
  _lc_fix_page_clear_fix (self);
  adw_status_page_set_title (self->empty_page, _("No Fix Chosen"));
  adw_status_page_set_description (self->empty_page,
                                   _("Choose your device and the light it shows first; the fixes for it are then here."));
  gtk_stack_set_visible_child_name (self->stack, "empty");
  _lc_fix_page_update_actions (self);
}

/* What the views around the steps say in @state. */
static void
update_views (LcFixPage  *self,
              LcFixState  state)
{
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
}

static void
show_view (LcFixPage  *self,
           LcFixState  state)
{
  const char *view = view_for_state (self, state);

  _lc_fix_page_update_actions (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), view) != 0)
    {
      gtk_stack_set_visible_child_name (self->stack, view);
      focus_view (self);
    }
}

void
_lc_fix_page_sync (LcFixPage *self)
{
  LcFixState state;

  if (self->session == NULL)
    {
      show_no_session (self);
      return;
    }

  state = lc_fix_session_get_state (self->session);

  /* A new fix started (after "No"), or the first one: new carousel. */
  if (lc_fix_session_get_n_attempts (self->session) != self->shown_attempts)
    _lc_fix_page_build_fix (self);

  if (state != LC_FIX_STATE_ASKING)
    self->not_sure = FALSE;

  if (state == LC_FIX_STATE_STEPS || state == LC_FIX_STATE_ASKING)
    _lc_fix_page_show_step (self, lc_fix_session_get_step_index (self->session));

  update_views (self, state);
  show_view (self, state);

  /* Out of fixes, or a step said so: the support page takes over. */
  if (state == LC_FIX_STATE_NEEDS_SUPPORT && self->shown_state != LC_FIX_STATE_NEEDS_SUPPORT)
    {
      self->shown_state = state;
      _lc_fix_page_request_support (self);
    }
  self->shown_state = state;
}

static void
session_notify_cb (LcFixPage *self)
{
  _lc_fix_page_sync (self);
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
  _lc_fix_page_clear_fix (self);
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
  gtk_widget_class_bind_template_callback_full (widget_class, "carousel_page_changed_cb",
                                                G_CALLBACK (_lc_fix_page_carousel_page_changed_cb));

  _lc_fix_page_class_install_actions (widget_class);
}

static void
lc_fix_page_init (LcFixPage *self)
{
  self->step_pages = g_ptr_array_new_with_free_func (g_object_unref);
  self->countdowns = g_ptr_array_new_with_free_func (countdown_unref_or_null);

  gtk_widget_init_template (GTK_WIDGET (self));

  _lc_fix_page_watch_carousel (self);
  _lc_fix_page_sync (self);
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
        _lc_fix_page_clear_fix (self);
      _lc_fix_page_sync (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

const char *
lc_fix_page_get_view (LcFixPage *self)
{
  g_return_val_if_fail (LC_IS_FIX_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
