/* lc-match-page-private.h — what the parts of LcMatchPage share
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LcMatchPage is split along its seams: the page, its signal, context
 * chips, playback buttons and layout (lc-match-page.c); and the light
 * controls, one choice per device light edited with the light, color,
 * pattern, count and speed buttons (lc-match-page-controls.c).
 */

#pragma once

#include <adwaita.h>

#include "lc-breakpoint-bin.h"
#include "lc-known-signal-gallery.h"
#include "lc-light-choice.h"
#include "lc-match-page.h"

G_BEGIN_DECLS

struct _LcMatchPage
{
  GtkWidget             parent_instance;

  /* Template widgets */
  LcBreakpointBin      *breakpoint_bin;
  GtkLabel             *device_label;
  GtkLabel             *family_label;
  GtkWidget            *note_box;
  GtkLabel             *note_label;
  GtkBox               *main_box;
  GtkWidget            *simulator_box;
  GtkWidget            *controls_box;
  LcLedSimulator       *simulator;
  GtkLabel             *description_label;
  LcLedSimulator       *mini_simulator;
  GtkWidget            *diagnose_button;
  gboolean              picked;  /* the person chose a light; until then nothing is */
  GtkButton            *pause_button;
  GtkToggleButton      *timeline_button;
  GtkWidget            *light_group;
  GtkBox               *light_buttons_box;
  GtkFlowBox           *color_flow_box;
  GtkToggleButton      *color_red;
  GtkToggleButton      *color_green;
  GtkToggleButton      *color_blue;
  GtkToggleButton      *color_white;
  GtkToggleButton      *color_amber;
  GtkFlowBox           *pattern_flow_box;
  GtkToggleButton      *pattern_off;
  GtkToggleButton      *pattern_solid;
  GtkToggleButton      *pattern_blink;
  GtkToggleButton      *pattern_burst;
  GtkToggleButton      *pattern_alternating;
  GtkToggleButton      *pattern_fade;
  GtkWidget            *count_row;
  GtkSpinButton        *count_spin;
  GtkWidget            *speed_row;
  GtkToggleButton      *speed_slow;
  GtkToggleButton      *speed_normal;
  GtkToggleButton      *speed_fast;
  GtkWidget            *context_group;
  GtkFlowBox           *context_flow_box;
  GtkWidget            *known_group;
  LcKnownSignalGallery *known_gallery;

  /* Borrowed references */
  GtkToggleButton      *color_buttons[LC_N_COLORS];
  GtkToggleButton      *pattern_buttons[LC_N_CHOICE_PATTERNS];
  GtkToggleButton      *speed_buttons[LC_N_CHOICE_SPEEDS];

  /* Owned references */
  LcDevice             *device;
  GPtrArray            *light_buttons;   /* GtkToggleButton, one per device light */
  GPtrArray            *context_buttons; /* GtkToggleButton, "context-id" data */
  char                 *context_id;
  LcReading            *reading;         /* from a camera or video, until changed by eye */

  /* State: one light per device light, composed into the signal. */
  LcDeviceLight         fallback_light;
  const LcDeviceLight  *device_lights;
  guint                 n_device_lights;
  LcLight               lights[LC_SIGNAL_MAX_LIGHTS];
  LcLightChoice         choices[LC_SIGNAL_MAX_LIGHTS];
  guint                 current;
  LcSignal              signal;

  guint                 updating;
  guint                 narrow : 1;
};

/* lc-match-page.c */
void _lc_match_page_compose_signal        (LcMatchPage    *self);

/* lc-match-page-controls.c */
void _lc_match_page_class_bind_controls   (GtkWidgetClass *widget_class);
void _lc_match_page_init_controls         (LcMatchPage    *self);
void _lc_match_page_rebuild_light_buttons (LcMatchPage    *self);
void _lc_match_page_reset_choices         (LcMatchPage    *self);
void _lc_match_page_decompose_signal      (LcMatchPage    *self,
                                           const LcSignal *signal);
void _lc_match_page_select_light          (LcMatchPage    *self,
                                           guint           position);
void _lc_match_page_sync_controls         (LcMatchPage    *self);

G_END_DECLS
