/* lc-fix-page-private.h — what the parts of LcFixPage share
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LcFixPage is split along its seams: the page, its views and the texts
 * that follow the session (lc-fix-page.c); the current fix's steps, the
 * carousel that shows them and their timers (lc-fix-page-steps.c); and the
 * page's actions and when they are enabled (lc-fix-page-actions.c).
 */

#pragma once

#include <adwaita.h>

#include "lc-fix-page.h"
#include "lc-led-simulator.h"

G_BEGIN_DECLS

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

/* lc-fix-page.c */
void _lc_fix_page_sync                     (LcFixPage      *self);
void _lc_fix_page_request_support          (LcFixPage      *self);
void _lc_fix_page_timer_finished           (LcFixPage      *self,
                                            guint           index,
                                            LcStep         *step);

/* lc-fix-page-steps.c */
void _lc_fix_page_clear_fix                (LcFixPage      *self);
void _lc_fix_page_build_fix                (LcFixPage      *self);
void _lc_fix_page_show_step                (LcFixPage      *self,
                                            guint           step_index);
void _lc_fix_page_ensure_carousel_page     (LcFixPage      *self);
void _lc_fix_page_watch_carousel           (LcFixPage      *self);
void _lc_fix_page_carousel_page_changed_cb (LcFixPage      *self,
                                            guint           index);

/* lc-fix-page-actions.c */
void _lc_fix_page_update_actions           (LcFixPage      *self);
void _lc_fix_page_class_install_actions    (GtkWidgetClass *widget_class);

G_END_DECLS
