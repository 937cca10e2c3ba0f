/* lc-fix-step-page.c — one step of a fix, as a page of the fix carousel
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lc-a11y.h"
#include "lc-fix-step-page.h"
#include "lc-step-illustration.h"

struct _LcFixStepPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkScrolledWindow  *scrolled_window;
  LcStepIllustration *illustration;
  GtkLabel           *progress_label;
  GtkLabel           *title_label;
  GtkBox             *safety_box;
  GtkLabel           *safety_label;
  GtkLabel           *text_label;
  GtkBox             *countdown_box;
  GtkLabel           *countdown_label;
  GtkLabel           *countdown_status_label;
  GtkButton          *countdown_button;
  GtkBox             *note_box;
  GtkLabel           *note_label;
  GtkBox             *stop_box;
  GtkLabel           *stop_label;
  GtkBox             *state_box;
  GtkImage           *state_image;
  GtkLabel           *state_label;

  /* Owned references */
  LcStep             *step;
  LcCountdown        *countdown;

  guint               index;
  guint               n_steps;
  LcFixStepState      state;
};

G_DEFINE_FINAL_TYPE (LcFixStepPage, lc_fix_step_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STEP,
  PROP_INDEX,
  PROP_N_STEPS,
  PROP_STATE,
  PROP_COUNTDOWN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
is_hold (LcFixStepPage *self)
{
  return lc_step_get_hold_seconds (self->step) > 0;
}

static void
update_countdown (LcFixStepPage *self)
{
  g_autofree char *remaining = NULL;
  const char *status;
  const char *button;

  gtk_widget_set_visible (GTK_WIDGET (self->countdown_box), self->countdown != NULL);
  if (self->countdown == NULL)
    return;

  remaining = lc_countdown_format_remaining (self->countdown);
  gtk_label_set_label (self->countdown_label, remaining);

  if (lc_countdown_get_running (self->countdown))
    {
      status = _("Running. You can look at the other steps meanwhile.");
      button = _("_Stop Timer");
      gtk_widget_remove_css_class (GTK_WIDGET (self->countdown_button), "suggested-action");
    }
  else if (lc_countdown_get_finished (self->countdown))
    {
      status = _("Time is up.");
      button = _("Start _Again");
      gtk_widget_remove_css_class (GTK_WIDGET (self->countdown_button), "suggested-action");
    }
  else
    {
      status = is_hold (self) ? _("Start the timer as you begin to hold the button.")
                              : _("Start the timer when you begin to wait.");
      button = _("_Start Timer");
      /* Done, below, is the one blue button of a step. */
      gtk_widget_remove_css_class (GTK_WIDGET (self->countdown_button), "suggested-action");
    }

  gtk_label_set_label (self->countdown_status_label, status);
  gtk_button_set_label (self->countdown_button, button);
  lc_a11y_fix_mnemonic_names (GTK_WIDGET (self->countdown_button));

  /* Screen readers get the state in words, not only "01:15". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->countdown_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status,
                                  -1);
}

static void
countdown_changed_cb (LcFixStepPage *self)
{
  update_countdown (self);
}

static void
countdown_button_clicked_cb (LcFixStepPage *self)
{
  g_assert (LC_IS_FIX_STEP_PAGE (self));

  if (self->countdown == NULL)
    return;

  if (lc_countdown_get_running (self->countdown))
    lc_countdown_cancel (self->countdown);
  else
    lc_countdown_start (self->countdown);
}

static void
update_state (LcFixStepPage *self)
{
  switch (self->state)
    {
    case LC_FIX_STEP_DONE:
      gtk_image_set_from_icon_name (self->state_image, "emblem-ok-symbolic");
      gtk_label_set_label (self->state_label, _("You marked this step as done."));
      gtk_widget_set_visible (GTK_WIDGET (self->state_box), TRUE);
      break;

    case LC_FIX_STEP_SKIPPED:
      gtk_image_set_from_icon_name (self->state_image, "go-next-symbolic");
      gtk_label_set_label (self->state_label, _("You skipped this step."));
      gtk_widget_set_visible (GTK_WIDGET (self->state_box), TRUE);
      break;

    case LC_FIX_STEP_NOT_DONE:
    default:
      gtk_widget_set_visible (GTK_WIDGET (self->state_box), FALSE);
      break;
    }
}

static void
set_callout (GtkBox     *box,
             GtkLabel   *label,
             const char *text)
{
  gboolean visible = text != NULL && *text != '\0';

  gtk_label_set_label (label, visible ? text : NULL);
  gtk_widget_set_visible (GTK_WIDGET (box), visible);
}

/* The picture takes at most about half the height, so that on a short
 * window the step's text starts above the fold.
 */
#define ILLUSTRATION_HEIGHT_SHARE 0.45
#define ILLUSTRATION_MIN_HEIGHT   160

static GtkSizeRequestMode
lc_fix_step_page_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (GTK_WIDGET (LC_FIX_STEP_PAGE (widget)->scrolled_window));
}

static void
lc_fix_step_page_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  LcFixStepPage *self = LC_FIX_STEP_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->scrolled_window), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
lc_fix_step_page_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  LcFixStepPage *self = LC_FIX_STEP_PAGE (widget);

  /* Depends on the height only, so it settles after one more layout. */
  lc_step_illustration_set_max_height (self->illustration,
                                       MAX (ILLUSTRATION_MIN_HEIGHT, (int) (height * ILLUSTRATION_HEIGHT_SHARE)));

  gtk_widget_allocate (GTK_WIDGET (self->scrolled_window), width, height, baseline, NULL);
}

static void
lc_fix_step_page_constructed (GObject *object)
{
  LcFixStepPage *self = LC_FIX_STEP_PAGE (object);
  g_autofree char *progress = NULL;
  g_autofree char *accessible_label = NULL;
  g_autoptr(GString) description = NULL;
  const char *safety;

  G_OBJECT_CLASS (lc_fix_step_page_parent_class)->constructed (object);

  g_return_if_fail (LC_IS_STEP (self->step));

  /* Translators: where the person is in a fix: "Step 3 of 6" */
  progress = g_strdup_printf (_("Step %u of %u"), self->index + 1, self->n_steps);
  gtk_label_set_label (self->progress_label, progress);
  gtk_label_set_label (self->title_label, lc_step_get_title (self->step));
  gtk_label_set_label (self->text_label, lc_step_get_text (self->step));
  lc_step_illustration_set_illustration (self->illustration, lc_step_get_illustration (self->step));
  gtk_widget_set_visible (GTK_WIDGET (self->illustration), lc_step_get_illustration (self->step) != NULL);

  safety = lc_step_is_safety (self->step) ? lc_step_get_safety_text (self->step) : NULL;
  /* Holding reset this long wipes the device: never without saying so. */
  if (safety == NULL && lc_step_get_hold_seconds (self->step) >= LC_FACTORY_RESET_HOLD_SECONDS)
    safety = _("Holding the button for the full time resets the device completely: its settings are erased and you have to add it to the Blink app again.");
  set_callout (self->safety_box, self->safety_label, safety);
  set_callout (self->note_box, self->note_label, lc_step_get_note (self->step));
  set_callout (self->stop_box, self->stop_label, lc_step_get_stop_text (self->step));

  /* A screen reader entering the page hears where it is, the step and
   * its safety note, in the order a sighted person reads them.
   */
  accessible_label = g_strdup_printf ("%s: %s", progress, lc_step_get_title (self->step));
  description = g_string_new (NULL);
  if (safety != NULL)
    g_string_append_printf (description, "%s ", safety);
  g_string_append (description, lc_step_get_text (self->step));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);

  update_state (self);
  update_countdown (self);
}

static void
lc_fix_step_page_dispose (GObject *object)
{
  LcFixStepPage *self = LC_FIX_STEP_PAGE (object);

  lc_fix_step_page_set_countdown (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_FIX_STEP_PAGE);

  G_OBJECT_CLASS (lc_fix_step_page_parent_class)->dispose (object);
}

static void
lc_fix_step_page_finalize (GObject *object)
{
  LcFixStepPage *self = LC_FIX_STEP_PAGE (object);

  g_clear_object (&self->step);

  G_OBJECT_CLASS (lc_fix_step_page_parent_class)->finalize (object);
}

static void
lc_fix_step_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LcFixStepPage *self = LC_FIX_STEP_PAGE (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_object (value, self->step);
      break;

    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;

    case PROP_N_STEPS:
      g_value_set_uint (value, self->n_steps);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_COUNTDOWN:
      g_value_set_object (value, self->countdown);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_fix_step_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LcFixStepPage *self = LC_FIX_STEP_PAGE (object);

  switch (prop_id)
    {
    case PROP_STEP:
      self->step = g_value_dup_object (value);
      break;

    case PROP_INDEX:
      self->index = g_value_get_uint (value);
      break;

    case PROP_N_STEPS:
      self->n_steps = g_value_get_uint (value);
      break;

    case PROP_STATE:
      lc_fix_step_page_set_state (self, g_value_get_enum (value));
      break;

    case PROP_COUNTDOWN:
      lc_fix_step_page_set_countdown (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_fix_step_page_class_init (LcFixStepPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lc_fix_step_page_constructed;
  object_class->dispose = lc_fix_step_page_dispose;
  object_class->finalize = lc_fix_step_page_finalize;
  object_class->get_property = lc_fix_step_page_get_property;
  object_class->set_property = lc_fix_step_page_set_property;

  properties [PROP_STEP] =
    g_param_spec_object ("step", NULL, NULL, LC_TYPE_STEP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_N_STEPS] =
    g_param_spec_uint ("n-steps", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, LC_TYPE_FIX_STEP_STATE, LC_FIX_STEP_NOT_DONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_COUNTDOWN] =
    g_param_spec_object ("countdown", NULL, NULL, LC_TYPE_COUNTDOWN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LC_TYPE_STEP_ILLUSTRATION);

  widget_class->get_request_mode = lc_fix_step_page_get_request_mode;
  widget_class->measure = lc_fix_step_page_measure;
  widget_class->size_allocate = lc_fix_step_page_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "lc-fix-step-page");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/lc-fix-step-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, illustration);
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, safety_box);
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, safety_label);
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, text_label);
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, countdown_box);
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, countdown_status_label);
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, countdown_button);
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, note_box);
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, stop_box);
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, stop_label);
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, state_box);
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, state_image);
  gtk_widget_class_bind_template_child (widget_class, LcFixStepPage, state_label);
  gtk_widget_class_bind_template_callback (widget_class, countdown_button_clicked_cb);
}

static void
lc_fix_step_page_init (LcFixStepPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lc_fix_step_page_new (LcStep *step,
                      guint   index,
                      guint   n_steps)
{
  g_return_val_if_fail (LC_IS_STEP (step), NULL);
  g_return_val_if_fail (index < n_steps, NULL);

  return g_object_new (LC_TYPE_FIX_STEP_PAGE,
                       "step", step,
                       "index", index,
                       "n-steps", n_steps,
                       NULL);
}

LcStep *
lc_fix_step_page_get_step (LcFixStepPage *self)
{
  g_return_val_if_fail (LC_IS_FIX_STEP_PAGE (self), NULL);

  return self->step;
}

guint
lc_fix_step_page_get_index (LcFixStepPage *self)
{
  g_return_val_if_fail (LC_IS_FIX_STEP_PAGE (self), 0);

  return self->index;
}

void
lc_fix_step_page_set_state (LcFixStepPage  *self,
                            LcFixStepState  state)
{
  g_return_if_fail (LC_IS_FIX_STEP_PAGE (self));

  if (self->state == state)
    return;

  self->state = state;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

LcFixStepState
lc_fix_step_page_get_state (LcFixStepPage *self)
{
  g_return_val_if_fail (LC_IS_FIX_STEP_PAGE (self), LC_FIX_STEP_NOT_DONE);

  return self->state;
}

void
lc_fix_step_page_set_countdown (LcFixStepPage *self,
                                LcCountdown   *countdown)
{
  g_return_if_fail (LC_IS_FIX_STEP_PAGE (self));
  g_return_if_fail (countdown == NULL || LC_IS_COUNTDOWN (countdown));

  if (self->countdown == countdown)
    return;

  if (self->countdown != NULL)
    g_signal_handlers_disconnect_by_data (self->countdown, self);

  g_set_object (&self->countdown, countdown);

  if (countdown != NULL)
    {
      g_signal_connect_swapped (countdown, "notify::remaining-seconds",
                                G_CALLBACK (countdown_changed_cb), self);
      g_signal_connect_swapped (countdown, "notify::running",
                                G_CALLBACK (countdown_changed_cb), self);
      g_signal_connect_swapped (countdown, "notify::finished",
                                G_CALLBACK (countdown_changed_cb), self);
    }

  /* During dispose the template children are already gone. */
  if (self->countdown_box != NULL)
    update_countdown (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTDOWN]);
}

LcCountdown *
lc_fix_step_page_get_countdown (LcFixStepPage *self)
{
  g_return_val_if_fail (LC_IS_FIX_STEP_PAGE (self), NULL);

  return self->countdown;
}

const char *
lc_fix_step_page_get_countdown_text (LcFixStepPage *self)
{
  g_return_val_if_fail (LC_IS_FIX_STEP_PAGE (self), NULL);

  if (self->countdown == NULL)
    return NULL;

  return gtk_label_get_label (self->countdown_label);
}

/* Hides the step's note: it is about other devices than the chosen one. */
void
lc_fix_step_page_hide_note (LcFixStepPage *self)
{
  g_return_if_fail (LC_IS_FIX_STEP_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->note_box), FALSE);
}
