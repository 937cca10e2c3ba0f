/* lc-match-page-controls.c — the match page's light controls: one choice per device light
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each device light has a choice (lc-light-choice.h) that the buttons
 * edit, one light at a time; every change makes the light from the choice
 * and the page composes the signal from all of them.
 */

#include "config.h"

#include <adwaita.h>

#include "lc-match-page-private.h"

static const LcDeviceLight *
current_device_light (LcMatchPage *self)
{
  g_assert (self->current < self->n_device_lights);

  return &self->device_lights[self->current];
}

static gboolean
light_can_show (const LcDeviceLight *light,
                LcColor              color)
{
  for (guint c = 0; c < light->n_colors; c++)
    {
      if (light->colors[c] == color)
        return TRUE;
    }

  return FALSE;
}

/* Syncing the buttons to the choices */

void
_lc_match_page_sync_controls (LcMatchPage *self)
{
  const LcDeviceLight *device_light = current_device_light (self);
  const LcLightChoice *choice = &self->choices[self->current];

  self->updating++;

  for (guint p = 0; p < self->light_buttons->len; p++)
    gtk_toggle_button_set_active (g_ptr_array_index (self->light_buttons, p), p == self->current);
  lc_led_simulator_set_selected_light (self->simulator,
                                       self->n_device_lights > 1 ? (int) self->current : -1);

  for (guint c = LC_COLOR_RED; c < LC_N_COLORS; c++)
    {
      GtkToggleButton *button = self->color_buttons[c];
      gboolean chosen = FALSE;

      if (choice->pattern != LC_CHOICE_PATTERN_OFF)
        {
          for (guint i = 0; i < choice->n_colors; i++)
            chosen |= choice->colors[i] == c;
        }

      /* Each button sits in a GtkFlowBoxChild: hide that, not a hole. */
      gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (button)),
                              light_can_show (device_light, c));
      gtk_toggle_button_set_active (button, chosen);
    }

  for (guint p = 0; p < LC_N_CHOICE_PATTERNS; p++)
    gtk_toggle_button_set_active (self->pattern_buttons[p], self->picked && p == choice->pattern);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->pattern_alternating)),
                          device_light->n_colors > 1);

  gtk_spin_button_set_value (self->count_spin, choice->count);
  gtk_widget_set_sensitive (self->count_row, choice->pattern == LC_CHOICE_PATTERN_BURST);

  for (guint s = 0; s < LC_N_CHOICE_SPEEDS; s++)
    gtk_toggle_button_set_active (self->speed_buttons[s], s == choice->speed);
  gtk_widget_set_sensitive (self->speed_row,
                            choice->pattern == LC_CHOICE_PATTERN_BLINK ||
                            choice->pattern == LC_CHOICE_PATTERN_BURST ||
                            choice->pattern == LC_CHOICE_PATTERN_ALTERNATING);

  self->updating--;
}

/* Choices */

static void
apply_choice (LcMatchPage *self)
{
  self->picked = TRUE;
  lc_light_choice_to_light (&self->choices[self->current], &self->lights[self->current]);
  _lc_match_page_compose_signal (self);
  _lc_match_page_sync_controls (self);
}

void
_lc_match_page_reset_choices (LcMatchPage *self)
{
  for (guint p = 0; p < LC_SIGNAL_MAX_LIGHTS; p++)
    {
      LcLightChoice *choice = &self->choices[p];

      memset (choice, 0, sizeof *choice);
      choice->pattern = LC_CHOICE_PATTERN_OFF;
      choice->count = 3;
      choice->speed = LC_CHOICE_SPEED_NORMAL;
      if (p < self->n_device_lights && self->device_lights[p].n_colors > 0)
        {
          choice->colors[0] = self->device_lights[p].colors[0];
          choice->n_colors = 1;
        }

      lc_light_init_solid (&self->lights[p], LC_COLOR_NONE);
    }
}

/* Puts each light of @signal on the device light that can show it. */
void
_lc_match_page_decompose_signal (LcMatchPage    *self,
                                 const LcSignal *signal)
{
  guint map[LC_SIGNAL_MAX_LIGHTS];
  guint n_lights = MIN (signal->n_lights, LC_SIGNAL_MAX_LIGHTS);
  gboolean mapped = FALSE;
  int first_lit = -1;

  if (self->device != NULL)
    mapped = lc_device_map_signal (self->device, signal, map);

  if (!mapped)
    {
      /* The device cannot show it (a typo on the command line, say): show
       * it anyway, light by light, rather than nothing.
       */
      for (guint i = 0; i < n_lights; i++)
        map[i] = MIN (i, self->n_device_lights - 1);
    }

  for (guint p = 0; p < self->n_device_lights; p++)
    {
      lc_light_init_solid (&self->lights[p], LC_COLOR_NONE);
      self->choices[p].pattern = LC_CHOICE_PATTERN_OFF;
    }

  for (guint i = 0; i < n_lights; i++)
    {
      guint p = map[i];

      self->lights[p] = signal->lights[i];
      lc_light_choice_set_from_light (&self->choices[p], &signal->lights[i]);
      if (first_lit < 0 && self->choices[p].pattern != LC_CHOICE_PATTERN_OFF)
        first_lit = p;
    }

  if (self->current >= self->n_device_lights || self->choices[self->current].pattern == LC_CHOICE_PATTERN_OFF)
    self->current = first_lit >= 0 ? (guint) first_lit : 0;
}

/* Callbacks */

static LcColor
color_of_button (LcMatchPage     *self,
                 GtkToggleButton *button)
{
  for (guint c = LC_COLOR_RED; c < LC_N_COLORS; c++)
    {
      if (self->color_buttons[c] == button)
        return c;
    }

  g_assert_not_reached ();
}

static void
color_toggled_cb (LcMatchPage     *self,
                  GtkToggleButton *button)
{
  LcLightChoice *choice = &self->choices[self->current];
  LcColor color = color_of_button (self, button);
  gboolean active = gtk_toggle_button_get_active (button);

  g_assert (LC_IS_MATCH_PAGE (self));

  if (self->updating)
    return;

  if (choice->pattern == LC_CHOICE_PATTERN_ALTERNATING)
    {
      /* Several colors, in the order they were picked. */
      guint found = G_MAXUINT;

      for (guint i = 0; i < choice->n_colors; i++)
        {
          if (choice->colors[i] == color)
            found = i;
        }

      if (active && found == G_MAXUINT)
        {
          if (choice->n_colors == LC_LIGHT_MAX_COLORS)
            {
              memmove (choice->colors, choice->colors + 1,
                       (LC_LIGHT_MAX_COLORS - 1) * sizeof choice->colors[0]);
              choice->n_colors--;
            }
          choice->colors[choice->n_colors++] = color;
        }
      else if (!active && found != G_MAXUINT && choice->n_colors > 1)
        {
          memmove (choice->colors + found, choice->colors + found + 1,
                   (choice->n_colors - found - 1) * sizeof choice->colors[0]);
          choice->n_colors--;
        }
    }
  else
    {
      /* One color: picking one replaces it; a dark light comes on. */
      choice->colors[0] = color;
      choice->n_colors = 1;
      if (choice->pattern == LC_CHOICE_PATTERN_OFF)
        choice->pattern = LC_CHOICE_PATTERN_SOLID;
    }

  apply_choice (self);
}

static void
pattern_toggled_cb (LcMatchPage     *self,
                    GtkToggleButton *button)
{
  LcLightChoice *choice = &self->choices[self->current];
  const LcDeviceLight *device_light = current_device_light (self);
  LcChoicePattern pattern = LC_CHOICE_PATTERN_OFF;

  g_assert (LC_IS_MATCH_PAGE (self));

  if (self->updating)
    return;

  for (guint p = 0; p < LC_N_CHOICE_PATTERNS; p++)
    {
      if (self->pattern_buttons[p] == button)
        pattern = p;
    }

  /* Radio behavior: clicking the active pattern keeps it. */
  if (!gtk_toggle_button_get_active (button))
    {
      _lc_match_page_sync_controls (self);
      return;
    }

  choice->pattern = pattern;

  if (choice->n_colors == 0 && device_light->n_colors > 0)
    {
      choice->colors[0] = device_light->colors[0];
      choice->n_colors = 1;
    }

  if (pattern == LC_CHOICE_PATTERN_ALTERNATING)
    {
      /* Start with a second color the light can show. */
      for (guint c = 0; c < device_light->n_colors && choice->n_colors < 2; c++)
        {
          if (device_light->colors[c] != choice->colors[0])
            choice->colors[choice->n_colors++] = device_light->colors[c];
        }
    }
  else
    {
      choice->n_colors = MIN (choice->n_colors, 1);
    }

  apply_choice (self);
}

static void
count_changed_cb (LcMatchPage   *self,
                  GtkSpinButton *spin)
{
  LcLightChoice *choice = &self->choices[self->current];

  g_assert (LC_IS_MATCH_PAGE (self));

  if (self->updating)
    return;

  choice->count = (guint) gtk_spin_button_get_value_as_int (spin);
  if (choice->pattern == LC_CHOICE_PATTERN_BURST)
    apply_choice (self);
}

static void
speed_toggled_cb (LcMatchPage     *self,
                  GtkToggleButton *button)
{
  LcLightChoice *choice = &self->choices[self->current];

  g_assert (LC_IS_MATCH_PAGE (self));

  if (self->updating)
    return;

  if (!gtk_toggle_button_get_active (button))
    {
      _lc_match_page_sync_controls (self);
      return;
    }

  for (guint s = 0; s < LC_N_CHOICE_SPEEDS; s++)
    {
      if (self->speed_buttons[s] == button)
        choice->speed = s;
    }

  apply_choice (self);
}

void
_lc_match_page_select_light (LcMatchPage *self,
                             guint        position)
{
  if (position >= self->n_device_lights)
    return;

  self->current = position;
  _lc_match_page_sync_controls (self);
}

static void
light_button_toggled_cb (GtkToggleButton *button,
                         LcMatchPage     *self)
{
  guint position;

  g_assert (LC_IS_MATCH_PAGE (self));

  if (self->updating)
    return;

  if (!g_ptr_array_find (self->light_buttons, button, &position))
    return;

  if (!gtk_toggle_button_get_active (button))
    _lc_match_page_sync_controls (self);
  else
    _lc_match_page_select_light (self, position);
}

/* The device's lights */

void
_lc_match_page_rebuild_light_buttons (LcMatchPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->light_buttons_box))) != NULL)
    gtk_box_remove (self->light_buttons_box, child);
  g_ptr_array_set_size (self->light_buttons, 0);

  for (guint p = 0; p < self->n_device_lights; p++)
    {
      /* One light at a time: a radio, which GTK 4.8 reads right. */
      GtkWidget *button = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                                        "label", self->device_lights[p].name,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO,
                                        NULL);

      g_signal_connect (button, "toggled", G_CALLBACK (light_button_toggled_cb), self);
      gtk_box_append (self->light_buttons_box, button);
      g_ptr_array_add (self->light_buttons, button);
    }

  gtk_widget_set_visible (self->light_group, self->n_device_lights > 1);
}

/* The toggle buttons are the focus stops, not the flow box cells. */
static void
unfocus_flow_box_children (GtkFlowBox *flow_box)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (flow_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

/* The controls' part of the template. */
void
_lc_match_page_class_bind_controls (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, light_group);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, light_buttons_box);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, color_flow_box);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, color_red);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, color_green);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, color_blue);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, color_white);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, color_amber);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, pattern_flow_box);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, pattern_off);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, pattern_solid);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, pattern_blink);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, pattern_burst);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, pattern_alternating);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, pattern_fade);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, count_row);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, count_spin);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, speed_row);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, speed_slow);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, speed_normal);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, speed_fast);
  gtk_widget_class_bind_template_callback (widget_class, color_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, pattern_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, count_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, speed_toggled_cb);
}

void
_lc_match_page_init_controls (LcMatchPage *self)
{
  self->color_buttons[LC_COLOR_NONE] = NULL;
  self->color_buttons[LC_COLOR_RED] = self->color_red;
  self->color_buttons[LC_COLOR_GREEN] = self->color_green;
  self->color_buttons[LC_COLOR_BLUE] = self->color_blue;
  self->color_buttons[LC_COLOR_WHITE] = self->color_white;
  self->color_buttons[LC_COLOR_AMBER] = self->color_amber;

  self->pattern_buttons[LC_CHOICE_PATTERN_OFF] = self->pattern_off;
  self->pattern_buttons[LC_CHOICE_PATTERN_SOLID] = self->pattern_solid;
  self->pattern_buttons[LC_CHOICE_PATTERN_BLINK] = self->pattern_blink;
  self->pattern_buttons[LC_CHOICE_PATTERN_BURST] = self->pattern_burst;
  self->pattern_buttons[LC_CHOICE_PATTERN_ALTERNATING] = self->pattern_alternating;
  self->pattern_buttons[LC_CHOICE_PATTERN_FADE] = self->pattern_fade;

  self->speed_buttons[LC_CHOICE_SPEED_SLOW] = self->speed_slow;
  self->speed_buttons[LC_CHOICE_SPEED_NORMAL] = self->speed_normal;
  self->speed_buttons[LC_CHOICE_SPEED_FAST] = self->speed_fast;

  unfocus_flow_box_children (self->color_flow_box);
  unfocus_flow_box_children (self->pattern_flow_box);
}
