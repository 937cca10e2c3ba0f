/* lc-fix-page-actions.c — the fix page's actions: steps, answers, support
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The buttons of every view are "fix." actions; each moves the session
 * (which the page then follows) or asks the window for another page.
 */

#include "config.h"

#include "lc-fix-page-private.h"
#include "lc-fix-step-page.h"
#include "lc-pages.h"

/* What can be done depends on where the session is. */
void
_lc_fix_page_update_actions (LcFixPage *self)
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

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LcFixPage *self = LC_FIX_PAGE (widget);

  if (self->not_sure)
    {
      self->not_sure = FALSE;
      _lc_fix_page_sync (self);
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
      _lc_fix_page_sync (self);
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
  _lc_fix_page_sync (self);
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
  _lc_fix_page_request_support (LC_FIX_PAGE (widget));
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

/* The actions, and Left and Right to move between steps. */
void
_lc_fix_page_class_install_actions (GtkWidgetClass *widget_class)
{
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
