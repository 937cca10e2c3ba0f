/* lc-match-page.c — match the light by eye: simulator, controls, known signals
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lc-knowledge.h"
#include "lc-a11y.h"
#include "lc-match-page-private.h"

/* Below this width the controls go under the simulator. */
#define NARROW_WIDTH 600
/* The minimum width the page asks for: the narrow layout fits in it. */
#define NARROW_MIN_WIDTH 320

G_DEFINE_FINAL_TYPE (LcMatchPage, lc_match_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DEVICE,
  PROP_SIGNAL,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  DIAGNOSE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Syncing the widgets to the state */

static void
update_known_selection (LcMatchPage *self)
{
  /* Nothing picked yet is not the known "off" light. */
  lc_known_signal_gallery_select (self->known_gallery, self->picked ? &self->signal : NULL);
}

/* Makes the signal from the lights, in the device's light order, and shows
 * it everywhere.
 */
void
_lc_match_page_compose_signal (LcMatchPage *self)
{
  g_autofree char *description = NULL;
  LcSignal signal;

  lc_signal_init_off (&signal);
  for (guint p = 0; p < self->n_device_lights && signal.n_lights < LC_SIGNAL_MAX_LIGHTS; p++)
    {
      if (self->lights[p].kind != LC_KIND_OFF && self->lights[p].n_colors > 0)
        signal.lights[signal.n_lights++] = self->lights[p];
    }

  lc_led_simulator_set_signal (self->simulator, &signal);
  lc_led_simulator_set_signal (self->mini_simulator, &signal);

  /* Nothing is chosen at first: a light shown before the person says what
   * they see would be diagnosed as if they had.
   */
  if (self->picked)
    description = lc_signal_describe (&signal);
  else
    description = g_strdup (_("Pick the light you see"));
  gtk_label_set_label (self->description_label, description);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "match.diagnose",
                                 self->device != NULL && self->picked);

  if (memcmp (&self->signal, &signal, sizeof signal) != 0)
    {
      /* Changed by eye: the light is the person's reading now. */
      g_clear_object (&self->reading);
      self->signal = signal;
      update_known_selection (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNAL]);
    }
}

/* Callbacks */

static void
simulator_light_activated_cb (LcMatchPage    *self,
                              guint           position,
                              LcLedSimulator *simulator)
{
  g_assert (LC_IS_MATCH_PAGE (self));

  _lc_match_page_select_light (self, position);
}

static void
update_playback_buttons (LcMatchPage *self)
{
  gboolean timeline = lc_led_simulator_get_timeline_mode (self->simulator);
  gboolean forced = timeline && !lc_led_simulator_get_show_timeline (self->simulator);
  /* Reduce motion shows a still timeline; Play still makes it blink. */
  gboolean paused = forced || lc_led_simulator_get_paused (self->simulator);
  const char *label = paused ? C_("verb", "Play") : C_("verb", "Pause");

  /* Nothing moves in a chosen timeline; with reduce motion the toggle is moot. */
  gtk_widget_set_visible (GTK_WIDGET (self->pause_button), !timeline || forced);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_button), !forced);

  gtk_button_set_icon_name (self->pause_button,
                            paused ? "media-playback-start-symbolic" : "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
simulator_timeline_mode_cb (LcMatchPage *self)
{
  update_playback_buttons (self);
}

static void
pause_clicked_cb (LcMatchPage *self)
{
  gboolean forced = lc_led_simulator_get_timeline_mode (self->simulator) &&
                    !lc_led_simulator_get_show_timeline (self->simulator);

  if (forced)
    {
      /* Reduce motion: Play animates anyway, the person asked for it. */
      lc_led_simulator_set_play_anyway (self->simulator, TRUE);
      lc_led_simulator_set_paused (self->simulator, FALSE);
    }
  else
    {
      lc_led_simulator_set_paused (self->simulator, !lc_led_simulator_get_paused (self->simulator));
    }
  update_playback_buttons (self);
}

static void
timeline_toggled_cb (LcMatchPage *self)
{
  lc_led_simulator_set_show_timeline (self->simulator,
                                      gtk_toggle_button_get_active (self->timeline_button));
  update_playback_buttons (self);
}

static void
context_toggled_cb (GtkToggleButton *button,
                    LcMatchPage     *self)
{
  const char *context_id = g_object_get_data (G_OBJECT (button), "context-id");

  g_assert (LC_IS_MATCH_PAGE (self));

  if (self->updating)
    return;

  if (gtk_toggle_button_get_active (button))
    lc_match_page_set_context (self, context_id);
  else if (g_strcmp0 (self->context_id, context_id) == 0)
    lc_match_page_set_context (self, "any");
}

static void
known_signal_activated_cb (LcMatchPage   *self,
                           LcKnownSignal *known)
{
  g_assert (LC_IS_MATCH_PAGE (self));

  lc_match_page_set_signal (self, lc_known_signal_get_signal (known));
  /* Picking a known light is usually the whole answer: the next key
   * press is "This Is What I See", not twenty Tabs away.
   */
  gtk_widget_grab_focus (self->diagnose_button);
}

static void
diagnose_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LcMatchPage *self = LC_MATCH_PAGE (widget);
  g_autoptr(LcReading) reading = NULL;

  if (self->device == NULL)
    return;

  reading = self->reading != NULL ? g_object_ref (self->reading) : lc_reading_new_by_eye (&self->signal);
  g_signal_emit (self, signals[DIAGNOSE], 0, self->device, reading, self->context_id);
}

/* "The light looks fine, but the app says offline": diagnose the device's
 * normal-looking light in that situation, whatever is set on the page.
 */
static void
app_offline_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LcMatchPage *self = LC_MATCH_PAGE (widget);
  g_autoptr(LcReading) reading = NULL;
  LcSignal normal;

  if (self->device == NULL)
    return;

  lc_device_get_normal_signal (self->device, &normal);
  reading = lc_reading_new_by_eye (&normal);
  g_signal_emit (self, signals[DIAGNOSE], 0, self->device, reading, "app-offline");
}

/* Device-specific widgets */

static void
rebuild_context_buttons (LcMatchPage *self)
{
  LcKnowledge *knowledge = lc_knowledge_get_default ();
  const char * const *ids = lc_knowledge_get_context_ids (knowledge);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->context_flow_box))) != NULL)
    gtk_flow_box_remove (self->context_flow_box, child);
  g_ptr_array_set_size (self->context_buttons, 0);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      GtkWidget *button;
      const char *description;

      /* "Any time" is what no chip means. */
      if (g_str_equal (ids[i], "any"))
        continue;

      button = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                             "label", lc_knowledge_get_context_label (knowledge, ids[i]),
                             "accessible-role", GTK_ACCESSIBLE_ROLE_CHECKBOX,
                             NULL);
      gtk_widget_add_css_class (button, "lc-chip");
      gtk_widget_set_name (button, ids[i]);
      description = lc_knowledge_get_context_description (knowledge, ids[i]);
      if (description != NULL)
        gtk_widget_set_tooltip_text (button, description);
      g_object_set_data_full (G_OBJECT (button), "context-id", g_strdup (ids[i]), g_free);
      g_signal_connect (button, "toggled", G_CALLBACK (context_toggled_cb), self);

      gtk_flow_box_append (self->context_flow_box, button);
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      g_ptr_array_add (self->context_buttons, button);
    }

  gtk_widget_set_visible (self->context_group, self->context_buttons->len > 0);
}

static void
sync_context_buttons (LcMatchPage *self)
{
  self->updating++;
  for (guint i = 0; i < self->context_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->context_buttons, i);
      const char *context_id = g_object_get_data (G_OBJECT (button), "context-id");

      gtk_toggle_button_set_active (button, g_strcmp0 (context_id, self->context_id) == 0);
      /* Only the moments that can happen to this device. */
      gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (button)),
                              self->device == NULL ||
                              lc_knowledge_context_applies_to (lc_knowledge_get_default (),
                                                               context_id, self->device));
    }
  self->updating--;
}

/* Layout: side by side when wide, stacked when narrow. */

static void
set_narrow (LcMatchPage *self,
            gboolean     narrow)
{
  narrow = !!narrow;
  if (self->narrow == narrow)
    return;

  self->narrow = narrow;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->main_box),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_size_request (GTK_WIDGET (self->simulator), -1, narrow ? 260 : 340);
  gtk_widget_set_size_request (self->simulator_box, narrow ? -1 : 340, -1);
  /* Wide, the controls take the extra room: three patterns to a row. */
  gtk_widget_set_hexpand (self->simulator_box, narrow);

  /* On a phone, long pattern names wrap so that two fit side by side. */
  gtk_flow_box_set_min_children_per_line (self->pattern_flow_box, narrow ? 2 : 1);
  for (guint p = 0; p < LC_N_CHOICE_PATTERNS; p++)
    {
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (self->pattern_buttons[p]));

      if (GTK_IS_LABEL (label))
        {
          gtk_label_set_wrap (GTK_LABEL (label), narrow);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
          /* Short, even lines ("Blinks, then / a pause"), not one long
           * line and an orphan ("Blinks, then a / pause").
           */
          gtk_label_set_max_width_chars (GTK_LABEL (label), narrow ? 12 : -1);
          gtk_widget_set_halign (label, narrow ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);
          gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->mini_simulator), narrow);

  if (narrow)
    gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");
}

static void
size_class_changed_cb (LcMatchPage *self)
{
  set_narrow (self, lc_breakpoint_bin_get_size_class (self->breakpoint_bin) == 0);
}

/* GObject */

static void
lc_match_page_dispose (GObject *object)
{
  LcMatchPage *self = LC_MATCH_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_MATCH_PAGE);

  g_clear_object (&self->device);
  g_clear_object (&self->reading);

  G_OBJECT_CLASS (lc_match_page_parent_class)->dispose (object);
}

static void
lc_match_page_finalize (GObject *object)
{
  LcMatchPage *self = LC_MATCH_PAGE (object);

  g_clear_pointer (&self->light_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->context_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->context_id, g_free);

  G_OBJECT_CLASS (lc_match_page_parent_class)->finalize (object);
}

static void
lc_match_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LcMatchPage *self = LC_MATCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_DEVICE:
      g_value_set_object (value, self->device);
      break;

    case PROP_SIGNAL:
      g_value_set_boxed (value, &self->signal);
      break;

    case PROP_CONTEXT:
      g_value_set_string (value, self->context_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_match_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LcMatchPage *self = LC_MATCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_DEVICE:
      lc_match_page_set_device (self, g_value_get_object (value));
      break;

    case PROP_SIGNAL:
      if (g_value_get_boxed (value) != NULL)
        lc_match_page_set_signal (self, g_value_get_boxed (value));
      break;

    case PROP_CONTEXT:
      lc_match_page_set_context (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_match_page_class_init (LcMatchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_match_page_dispose;
  object_class->finalize = lc_match_page_finalize;
  object_class->get_property = lc_match_page_get_property;
  object_class->set_property = lc_match_page_set_property;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /**
   * LcMatchPage::diagnose:
   * @device: the device
   * @reading: the light as matched (by eye) or as the camera read it
   * @context_id: the moment it happens in
   *
   * The person asked what the light means: the window diagnoses it.
   */
  signals [DIAGNOSE] =
    g_signal_new ("diagnose",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, LC_TYPE_DEVICE, LC_TYPE_READING, G_TYPE_STRING);

  properties [PROP_DEVICE] =
    g_param_spec_object ("device", NULL, NULL, LC_TYPE_DEVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_SIGNAL] =
    g_param_spec_boxed ("signal", NULL, NULL, LC_TYPE_SIGNAL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties [PROP_CONTEXT] =
    g_param_spec_string ("context", NULL, NULL, "any",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LC_TYPE_BREAKPOINT_BIN);
  g_type_ensure (LC_TYPE_KNOWN_SIGNAL_GALLERY);
  g_type_ensure (LC_TYPE_LED_SIMULATOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/lc-match-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, breakpoint_bin);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, device_label);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, family_label);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, note_box);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, main_box);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, simulator_box);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, controls_box);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, simulator);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, mini_simulator);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, diagnose_button);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, timeline_button);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, context_group);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, context_flow_box);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, known_group);
  gtk_widget_class_bind_template_child (widget_class, LcMatchPage, known_gallery);
  _lc_match_page_class_bind_controls (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, size_class_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, simulator_light_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, simulator_timeline_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, pause_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, timeline_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, known_signal_activated_cb);

  gtk_widget_class_install_action (widget_class, "match.diagnose", NULL, diagnose_action);
  gtk_widget_class_install_action (widget_class, "match.app-offline", NULL, app_offline_action);

  gtk_widget_class_set_css_name (widget_class, "matchpage");
}

static void
lc_match_page_init (LcMatchPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->light_buttons = g_ptr_array_new ();
  self->context_buttons = g_ptr_array_new ();
  self->context_id = g_strdup ("any");
  self->narrow = FALSE;

  _lc_match_page_init_controls (self);

  /* Without a device: one light that can show every color. */
  self->fallback_light.id = "status";
  self->fallback_light.name = _("Status light");
  for (guint c = LC_COLOR_RED; c < LC_N_COLORS; c++)
    self->fallback_light.colors[self->fallback_light.n_colors++] = c;
  self->fallback_light.x = 0.5;
  self->fallback_light.y = 0.5;
  self->device_lights = &self->fallback_light;
  self->n_device_lights = 1;

  rebuild_context_buttons (self);
  _lc_match_page_rebuild_light_buttons (self);
  _lc_match_page_reset_choices (self);
  lc_signal_init_off (&self->signal);
  _lc_match_page_compose_signal (self);
  _lc_match_page_sync_controls (self);
  sync_context_buttons (self);
  update_playback_buttons (self);

  lc_a11y_fix_mnemonic_names (GTK_WIDGET (self));
  lc_a11y_track_checked (GTK_WIDGET (self));

  /* Nothing to diagnose until there is a device. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "match.diagnose", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "match.app-offline", FALSE);

  /* Wide until the first allocation decides. */
  lc_breakpoint_bin_set_breakpoints (self->breakpoint_bin, (const int[]) { NARROW_WIDTH }, 1);
  lc_breakpoint_bin_set_min_width (self->breakpoint_bin, NARROW_MIN_WIDTH);
  self->narrow = TRUE;
  size_class_changed_cb (self);
}

GtkWidget *
lc_match_page_new (void)
{
  return g_object_new (LC_TYPE_MATCH_PAGE, NULL);
}

LcDevice *
lc_match_page_get_device (LcMatchPage *self)
{
  g_return_val_if_fail (LC_IS_MATCH_PAGE (self), NULL);

  return self->device;
}

void
lc_match_page_set_device (LcMatchPage *self,
                          LcDevice    *device)
{
  g_return_if_fail (LC_IS_MATCH_PAGE (self));
  g_return_if_fail (device == NULL || LC_IS_DEVICE (device));

  if (!g_set_object (&self->device, device))
    return;

  if (device != NULL)
    {
      guint n_lights = 0;

      self->device_lights = lc_device_get_lights (device, &n_lights);
      self->n_device_lights = MIN (n_lights, LC_SIGNAL_MAX_LIGHTS);
    }

  if (self->n_device_lights == 0)
    {
      self->device_lights = &self->fallback_light;
      self->n_device_lights = 1;
    }

  gtk_label_set_label (self->device_label, device != NULL ? lc_device_get_name (device) : "");
  gtk_label_set_label (self->family_label, device != NULL ? lc_device_get_family_name (device) : "");
  gtk_widget_set_visible (self->note_box,
                          device != NULL && !lc_device_has_official_chart (device) &&
                          lc_device_get_note (device) != NULL);
  gtk_label_set_label (self->note_label, device != NULL ? lc_device_get_note (device) : "");

  lc_led_simulator_set_device (self->simulator, device);
  lc_led_simulator_set_device (self->mini_simulator, device);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "match.diagnose", device != NULL);
  sync_context_buttons (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "match.app-offline", device != NULL);

  lc_known_signal_gallery_set_signals (self->known_gallery, device,
                                       device != NULL ? lc_device_get_known_signals (device) : NULL);
  gtk_widget_set_visible (self->known_group,
                          lc_known_signal_gallery_get_n_signals (self->known_gallery) > 0);

  self->current = 0;
  _lc_match_page_rebuild_light_buttons (self);
  _lc_match_page_reset_choices (self);
  lc_match_page_set_context (self, "any");

  /* Nothing chosen yet: the person picks a known light or a pattern. */
  self->picked = FALSE;

  _lc_match_page_compose_signal (self);
  update_known_selection (self);
  _lc_match_page_sync_controls (self);
  lc_a11y_track_checked (GTK_WIDGET (self->light_buttons_box));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVICE]);
}

const LcSignal *
lc_match_page_get_signal (LcMatchPage *self)
{
  g_return_val_if_fail (LC_IS_MATCH_PAGE (self), NULL);

  return &self->signal;
}

void
lc_match_page_set_signal (LcMatchPage    *self,
                          const LcSignal *signal)
{
  g_return_if_fail (LC_IS_MATCH_PAGE (self));
  g_return_if_fail (signal != NULL);

  /* Set from outside (the command line, a reading's hand-off after this),
   * the signal is the person's until a reading says otherwise.
   */
  g_clear_object (&self->reading);
  self->picked = TRUE;
  _lc_match_page_decompose_signal (self, signal);
  _lc_match_page_compose_signal (self);
  _lc_match_page_sync_controls (self);
}

/**
 * lc_match_page_set_reading:
 * @reading: what a camera or a video read
 *
 * Shows @reading's signal, and keeps @reading as the page's reading until
 * the person changes the light (see lc_match_page_get_reading()).
 */
void
lc_match_page_set_reading (LcMatchPage *self,
                           LcReading   *reading)
{
  LcSignal signal;

  g_return_if_fail (LC_IS_MATCH_PAGE (self));
  g_return_if_fail (LC_IS_READING (reading));

  lc_reading_get_signal (reading, &signal);
  lc_match_page_set_signal (self, &signal);
  g_set_object (&self->reading, reading);
}

/**
 * lc_match_page_get_reading:
 *
 * Returns: (transfer none) (nullable): the camera or video reading the
 *   page shows, or %NULL once the person has chosen the light by eye
 */
LcReading *
lc_match_page_get_reading (LcMatchPage *self)
{
  g_return_val_if_fail (LC_IS_MATCH_PAGE (self), NULL);

  return self->reading;
}

const char *
lc_match_page_get_context (LcMatchPage *self)
{
  g_return_val_if_fail (LC_IS_MATCH_PAGE (self), NULL);

  return self->context_id;
}

void
lc_match_page_set_context (LcMatchPage *self,
                           const char  *context_id)
{
  LcKnowledge *knowledge;

  g_return_if_fail (LC_IS_MATCH_PAGE (self));

  knowledge = lc_knowledge_get_default ();
  if (context_id == NULL || lc_knowledge_get_context_label (knowledge, context_id) == NULL)
    context_id = "any";

  if (g_strcmp0 (self->context_id, context_id) != 0)
    {
      g_free (self->context_id);
      self->context_id = g_strdup (context_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
    }

  sync_context_buttons (self);
}

LcLedSimulator *
lc_match_page_get_simulator (LcMatchPage *self)
{
  g_return_val_if_fail (LC_IS_MATCH_PAGE (self), NULL);

  return self->simulator;
}
