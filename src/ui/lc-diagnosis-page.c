/* lc-diagnosis-page.c — what the light means: ranked causes, or "this is normal"
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "lc-diagnosis-page.h"
#include "lc-led-simulator.h"
#include "lc-pages.h"

/* Below this, "something nobody listed" is not worth mentioning. */
#define OTHER_LIKELIHOOD_NOTE_THRESHOLD 0.15

struct _LcDiagnosisPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *state_stack;
  GtkScrolledWindow   *scrolled_window;
  LcLedSimulator      *simulator;
  GtkLabel            *device_label;
  GtkLabel            *signal_label;
  GtkLabel            *source_label;
  GtkLabel            *closest_label;
  GtkWidget           *unknown_box;
  GtkLabel            *unknown_label;
  GtkWidget           *normal_box;
  GtkLabel            *normal_meaning_label;
  GtkLabel            *normal_explanation_label;
  GtkLabel            *watch_label;
  GtkButton           *show_causes_button;
  GtkWidget           *disagreement_box;
  GtkLabel            *disagreement_label;
  GtkWidget           *disagreement_source_box;
  GtkLabel            *disagreement_source_label;
  GtkLinkButton       *disagreement_link;
  AdwPreferencesGroup *causes_group;
  GtkLabel            *device_note_label;

  /* Owned references */
  LcDiagnosis         *diagnosis;
  GPtrArray           *cause_rows; /* widgets added to causes_group */
};

G_DEFINE_FINAL_TYPE (LcDiagnosisPage, lc_diagnosis_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DIAGNOSIS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  FIX_REQUESTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* "very likely" → "Very likely", for a subtitle on its own. */
static char *
capitalize_first (const char *text)
{
  char first[8] = { 0 };

  if (*text == '\0')
    return g_strdup (text);

  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (text)), first);

  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

static GtkWidget *
create_wrapping_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);

  return label;
}

/* Source page titles can be long: they wrap instead of widening the page. */
static void
set_link_label (GtkWidget  *button,
                const char *text)
{
  GtkWidget *label;

  gtk_button_set_label (GTK_BUTTON (button), text);

  label = gtk_button_get_child (GTK_BUTTON (button));
  if (GTK_IS_LABEL (label))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
    }
}

/* A button to the source's page; the page title is not translated. */
static GtkWidget *
create_source_link (LcProvenance *provenance)
{
  const char *url = lc_provenance_get_url (provenance);
  GtkWidget *button;

  if (url == NULL)
    return NULL;

  button = gtk_link_button_new (url);
  set_link_label (button, lc_provenance_get_source_name (provenance));
  gtk_widget_set_halign (button, GTK_ALIGN_START);

  return button;
}

static GtkWidget *
create_provenance_box (LcProvenance *provenance)
{
  g_autofree char *text = NULL;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *link;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (box, "provenance");

  /* Translators: %s is where a piece of advice comes from, e.g. "Blink’s guide" */
  text = g_strdup_printf (_("Source: %s"), lc_provenance_get_label (provenance));
  label = create_wrapping_label (text);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);

  link = create_source_link (provenance);
  if (link != NULL)
    gtk_box_append (GTK_BOX (box), link);

  return box;
}

static GtkWidget *
create_disagreement_box (LcKnownSignal *known_signal)
{
  LcProvenance *provenance = lc_known_signal_get_disagreement_provenance (known_signal);
  g_autofree char *text = NULL;
  GtkWidget *box;
  GtkWidget *inner;
  GtkWidget *icon;
  GtkWidget *label;
  GtkWidget *link;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "disagreement");

  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"),
                                  -1);
  gtk_box_append (GTK_BOX (box), icon);

  inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), inner);

  if (provenance != NULL)
    /* Translators: first %s is what another source says the light means,
     * second %s where that comes from, e.g. "Community report" */
    text = g_strdup_printf (_("Sources disagree: %s (%s)"),
                            lc_known_signal_get_disagreement (known_signal),
                            lc_provenance_get_label (provenance));
  else
    /* Translators: %s is what another source says the light means */
    text = g_strdup_printf (_("Sources disagree: %s"),
                            lc_known_signal_get_disagreement (known_signal));

  label = create_wrapping_label (text);
  gtk_box_append (GTK_BOX (inner), label);

  if (provenance != NULL && (link = create_source_link (provenance)) != NULL)
    gtk_box_append (GTK_BOX (inner), link);

  return box;
}

static void
fix_clicked_cb (GtkButton       *button,
                LcDiagnosisPage *self)
{
  LcDiagnosisCause *cause = g_object_get_data (G_OBJECT (button), "lc-cause");

  g_assert (LC_IS_DIAGNOSIS_CAUSE (cause));

  if (self->diagnosis != NULL)
    g_signal_emit (self, signals[FIX_REQUESTED], 0, self->diagnosis, cause);
}

/* Likelihood is said in words (the row's subtitle) and shown as a bar. */
static GtkWidget *
create_likelihood_bar (double      likelihood,
                       const char *words)
{
  GtkWidget *level_bar = gtk_level_bar_new_for_interval (0.0, 1.0);

  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level_bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level_bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level_bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (level_bar), CLAMP (likelihood, 0.0, 1.0));
  gtk_widget_set_valign (level_bar, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (level_bar, "likelihood");
  gtk_accessible_update_property (GTK_ACCESSIBLE (level_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Likelihood"),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, words,
                                  -1);

  return level_bar;
}

static GtkWidget *
create_fix_button (LcDiagnosisPage  *self,
                   LcDiagnosisCause *cause,
                   gboolean          is_top)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Fix It"));
  g_autofree char *description = NULL;

  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_add_css_class (button, "pill");
  if (is_top)
    gtk_widget_add_css_class (button, "suggested-action");
  /* Translators: %s is a cause, e.g. "The batteries are running low" */
  description = g_strdup_printf (_("Fix it step by step: %s"), lc_diagnosis_cause_get_title (cause));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "lc-cause", g_object_ref (cause), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (fix_clicked_cb), self, 0);

  return button;
}

/* What the expanded row shows: the explanation, where it comes from, any
 * disagreement, and the way to fix it (or why there is nothing to fix).
 */
static GtkWidget *
create_cause_details (LcDiagnosisPage  *self,
                      LcDiagnosisCause *cause,
                      gboolean          is_top)
{
  LcKnownSignal *known_signal = lc_diagnosis_cause_get_known_signal (cause);
  GtkWidget *details;
  GtkWidget *label;

  details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (details, "cause-details");

  label = create_wrapping_label (lc_diagnosis_cause_get_explanation (cause));
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Copyable with the mouse, but no tab stop: focus selects it all. Not
   * set_focusable(): a selectable label takes focus regardless.
   */
  gtk_widget_set_can_focus (label, FALSE);
  gtk_box_append (GTK_BOX (details), label);

  gtk_box_append (GTK_BOX (details),
                  create_provenance_box (lc_diagnosis_cause_get_provenance (cause)));

  /* The page shows the diagnosis' own disagreement once, above the causes;
   * a cause that came from another known signal says so here.
   */
  if (known_signal != NULL &&
      lc_known_signal_get_disagreement (known_signal) != NULL &&
      known_signal != lc_diagnosis_get_known_signal (self->diagnosis))
    gtk_box_append (GTK_BOX (details), create_disagreement_box (known_signal));

  if (!lc_cause_is_normal (lc_diagnosis_cause_get_cause (cause)))
    {
      gtk_box_append (GTK_BOX (details), create_fix_button (self, cause, is_top));
    }
  else
    {
      label = create_wrapping_label (_("Nothing to fix: this is part of normal operation."));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (details), label);
    }

  return details;
}

static GtkWidget *
create_cause_row (LcDiagnosisPage  *self,
                  LcDiagnosisCause *cause,
                  gboolean          is_top)
{
  double likelihood = lc_diagnosis_cause_get_likelihood (cause);
  const char *words = lc_likelihood_to_words (likelihood);
  g_autofree char *subtitle = capitalize_first (words);
  GtkWidget *row;
  GtkWidget *details_row;
  GtkWidget *details;

  row = adw_expander_row_new ();
  /* Titles come from data: never read them as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lc_diagnosis_cause_get_title (cause));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "cause-row");

  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), create_likelihood_bar (likelihood, words));
  details = create_cause_details (self, cause, is_top);

  details_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (details_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (details_row), FALSE);
  /* Only a holder for the details: Tab goes to its Fix It button, not to
   * an unnamed row.
   */
  gtk_widget_set_focusable (details_row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (details_row), details);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), details_row);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), is_top);

  return row;
}

static void
clear_cause_rows (LcDiagnosisPage *self)
{
  for (guint i = 0; i < self->cause_rows->len; i++)
    adw_preferences_group_remove (self->causes_group, g_ptr_array_index (self->cause_rows, i));
  g_ptr_array_set_size (self->cause_rows, 0);
}

static void
fill_causes (LcDiagnosisPage *self,
             gboolean         skip_normal)
{
  guint n_causes = lc_diagnosis_get_n_causes (self->diagnosis);
  gboolean first = TRUE;

  clear_cause_rows (self);

  for (guint i = 0; i < n_causes; i++)
    {
      LcDiagnosisCause *cause = lc_diagnosis_get_cause (self->diagnosis, i);
      GtkWidget *row;

      if (skip_normal && lc_cause_is_normal (lc_diagnosis_cause_get_cause (cause)))
        continue;

      row = create_cause_row (self, cause, first);
      adw_preferences_group_add (self->causes_group, row);
      g_ptr_array_add (self->cause_rows, row);
      first = FALSE;
    }
}

static char *
describe_source (LcDiagnosis *diagnosis)
{
  double confidence = lc_diagnosis_get_source_confidence (diagnosis);
  int percent = (int) round (CLAMP (confidence, 0.0, 1.0) * 100.0);
  gboolean confirmed = lc_diagnosis_is_source_confirmed (diagnosis);

  /* Taken before the pattern repeated: no figure, and say so. */
  if (!confirmed && lc_diagnosis_get_source (diagnosis) == LC_SIGNAL_SOURCE_CAMERA)
    return g_strdup (_("Read by your camera, not confirmed: compare it with the light"));
  if (!confirmed)
    return g_strdup (_("Read from your video, not confirmed: compare it with the light"));

  switch (lc_diagnosis_get_source (diagnosis))
    {
    case LC_SIGNAL_SOURCE_CAMERA:
      /* Translators: %d is a percentage; "%%" is the percent sign */
      return g_strdup_printf (_("Read by your camera, %d %% sure"), percent);

    case LC_SIGNAL_SOURCE_VIDEO:
      /* Translators: %d is a percentage; "%%" is the percent sign */
      return g_strdup_printf (_("Read from your video, %d %% sure"), percent);

    case LC_SIGNAL_SOURCE_EYE:
    default:
      return g_strdup (_("You matched it by eye"));
    }
}

static void
update_header (LcDiagnosisPage *self)
{
  LcDiagnosis *diagnosis = self->diagnosis;
  LcDevice *device = lc_diagnosis_get_device (diagnosis);
  LcKnowledge *knowledge = lc_diagnosis_get_knowledge (diagnosis);
  const char *context_id = lc_diagnosis_get_context_id (diagnosis);
  LcKnownSignal *known_signal = lc_diagnosis_get_known_signal (diagnosis);
  g_autofree char *description = lc_signal_describe (lc_diagnosis_get_signal (diagnosis));
  g_autofree char *source = describe_source (diagnosis);
  g_autofree char *meta = NULL;

  gtk_label_set_label (self->device_label, lc_device_get_name (device));
  gtk_label_set_label (self->signal_label, description);

  lc_led_simulator_set_device (self->simulator, device);
  lc_led_simulator_set_signal (self->simulator, lc_diagnosis_get_signal (diagnosis));

  if (context_id != NULL && g_strcmp0 (context_id, "any") != 0 &&
      lc_knowledge_get_context_label (knowledge, context_id) != NULL)
    /* Translators: "How it was identified · When it was seen",
     * e.g. "You matched it by eye · While recording" */
    meta = g_strdup_printf (_("%s · %s"), source,
                            lc_knowledge_get_context_label (knowledge, context_id));
  else
    meta = g_steal_pointer (&source);
  gtk_label_set_label (self->source_label, meta);

  /* Say which documented light the answer rests on when it was not exact. */
  if (known_signal != NULL && !lc_diagnosis_matched_exactly (diagnosis))
    {
      g_autofree char *known = lc_signal_describe (lc_known_signal_get_signal (known_signal));
      g_autofree char *text = NULL;

      /* Translators: %s describes a light, e.g. "Red light: five blinks, then a pause, repeating" */
      text = g_strdup_printf (_("Closest light Lightcode knows: %s"), known);
      gtk_label_set_label (self->closest_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->closest_label), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->closest_label), FALSE);
    }
}

static void
update_unknown (LcDiagnosisPage *self)
{
  LcDevice *device = lc_diagnosis_get_device (self->diagnosis);
  g_autofree char *subtitle = NULL;
  gboolean known = lc_diagnosis_is_known_signal (self->diagnosis);

  gtk_widget_set_visible (self->unknown_box, !known);
  if (known)
    return;

  /* Translators: %s is a device family, e.g. "Battery cameras" */
  subtitle = g_strdup_printf (_("Below is the general advice for the family “%s”, most useful "
                                "first. Look again if you aren’t sure what you saw."),
                              lc_device_get_family_name (device));
  gtk_label_set_label (self->unknown_label, subtitle);
}

static void
update_disagreement (LcDiagnosisPage *self)
{
  LcProvenance *provenance;
  const char *note;
  const char *url;

  if (!lc_diagnosis_sources_disagree (self->diagnosis) ||
      (note = lc_diagnosis_get_disagreement_note (self->diagnosis)) == NULL)
    {
      gtk_widget_set_visible (self->disagreement_box, FALSE);
      return;
    }

  gtk_label_set_label (self->disagreement_label, note);

  provenance = lc_diagnosis_get_disagreement_provenance (self->diagnosis);
  if (provenance != NULL)
    {
      g_autofree char *source = NULL;

      /* Translators: %s is the kind of source, e.g. "Reported by other owners" */
      source = g_strdup_printf (_("Other source: %s"), lc_provenance_get_label (provenance));
      gtk_label_set_label (self->disagreement_source_label, source);
    }
  gtk_widget_set_visible (self->disagreement_source_box, provenance != NULL);

  url = provenance != NULL ? lc_provenance_get_url (provenance) : NULL;
  if (url != NULL)
    {
      gtk_link_button_set_uri (self->disagreement_link, url);
      set_link_label (GTK_WIDGET (self->disagreement_link),
                      lc_provenance_get_source_name (provenance));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->disagreement_link), url != NULL);
  gtk_widget_set_visible (self->disagreement_box, TRUE);
}

static void
update_normal (LcDiagnosisPage *self)
{
  LcKnownSignal *known_signal = lc_diagnosis_get_known_signal (self->diagnosis);
  LcDiagnosisCause *top = lc_diagnosis_get_top_cause (self->diagnosis);
  g_autoptr(GString) watch = g_string_new (NULL);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  guint n_causes = lc_diagnosis_get_n_causes (self->diagnosis);

  if (known_signal != NULL)
    {
      gtk_label_set_label (self->normal_meaning_label, lc_known_signal_get_title (known_signal));
      gtk_label_set_label (self->normal_explanation_label, lc_known_signal_get_explanation (known_signal));
    }
  else
    {
      gtk_label_set_label (self->normal_meaning_label, lc_diagnosis_cause_get_title (top));
      gtk_label_set_label (self->normal_explanation_label, lc_diagnosis_cause_get_explanation (top));
    }

  for (guint i = 0; i < n_causes; i++)
    {
      LcDiagnosisCause *cause = lc_diagnosis_get_cause (self->diagnosis, i);

      if (!lc_cause_is_normal (lc_diagnosis_cause_get_cause (cause)))
        g_ptr_array_add (others, (gpointer) lc_diagnosis_cause_get_title (cause));
    }

  g_string_append (watch, _("Look again if the light changes, or if the device stops working "
                            "as it should in the Blink app."));
  if (others->len > 0)
    {
      g_string_append (watch, "\n\n");
      g_string_append (watch, _("Less often, this light means:"));
      /* One cause a line: they are sentences of their own. */
      for (guint i = 0; i < others->len; i++)
        g_string_append_printf (watch, "\n• %s", (const char *) g_ptr_array_index (others, i));
    }
  gtk_label_set_label (self->watch_label, watch->str);

  gtk_widget_set_visible (GTK_WIDGET (self->show_causes_button), others->len > 0);
}

/* Without Blink's own chart, say where the answers come from. */
static void
update_device_note (LcDiagnosisPage *self,
                    gboolean         normal)
{
  LcDevice *device = lc_diagnosis_get_device (self->diagnosis);
  const char *note = lc_device_get_note (device);
  /* Shown for normal lights too: "nothing is wrong" is also a reading. */
  gboolean show = note != NULL && *note != '\0' && !lc_device_has_official_chart (device);

  if (show)
    gtk_label_set_label (self->device_note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->device_note_label), show);
}

static void
update (LcDiagnosisPage *self)
{
  gboolean normal;

  if (self->diagnosis == NULL || lc_diagnosis_get_n_causes (self->diagnosis) == 0)
    {
      clear_cause_rows (self);
      gtk_stack_set_visible_child_name (self->state_stack, "empty");
      return;
    }

  normal = lc_diagnosis_is_normal (self->diagnosis);

  update_header (self);
  update_unknown (self);
  update_disagreement (self);

  gtk_widget_set_visible (self->normal_box, normal);
  if (normal)
    update_normal (self);

  /* A normal light gets no fault list unless the person asks for it. */
  fill_causes (self, normal);
  gtk_widget_set_visible (GTK_WIDGET (self->causes_group), !normal);
  adw_preferences_group_set_title (self->causes_group,
                                   lc_diagnosis_is_known_signal (self->diagnosis)
                                   ? _("What It Could Be")
                                   : _("General Advice"));
  if (!normal && lc_diagnosis_get_other_likelihood (self->diagnosis) >= OTHER_LIKELIHOOD_NOTE_THRESHOLD)
    adw_preferences_group_set_description (self->causes_group,
                                           _("Most likely first. It could also be something "
                                             "not listed here."));
  else
    adw_preferences_group_set_description (self->causes_group, _("Most likely first."));

  update_device_note (self, normal);

  gtk_stack_set_visible_child_name (self->state_stack, "diagnosis");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0.0);
}

static void
show_causes_clicked_cb (LcDiagnosisPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->show_causes_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->causes_group), TRUE);
  /* Move focus along so keyboard users land on the list they asked for. */
  if (self->cause_rows->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->cause_rows, 0));
}

static void
look_again_clicked_cb (LcDiagnosisPage *self)
{
  /* Back to where the light was read; the page keeps what was set there. */
  if (self->diagnosis != NULL && lc_diagnosis_get_source (self->diagnosis) != LC_SIGNAL_SOURCE_EYE)
    lc_page_push (GTK_WIDGET (self), LC_PAGE_CAMERA);
  else
    lc_page_push (GTK_WIDGET (self), LC_PAGE_MATCH);
}

static void
lc_diagnosis_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LcDiagnosisPage *self = LC_DIAGNOSIS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DIAGNOSIS:
      g_value_set_object (value, self->diagnosis);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_diagnosis_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LcDiagnosisPage *self = LC_DIAGNOSIS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DIAGNOSIS:
      lc_diagnosis_page_set_diagnosis (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_diagnosis_page_dispose (GObject *object)
{
  LcDiagnosisPage *self = LC_DIAGNOSIS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_DIAGNOSIS_PAGE);

  g_clear_pointer (&self->cause_rows, g_ptr_array_unref);
  g_clear_object (&self->diagnosis);

  G_OBJECT_CLASS (lc_diagnosis_page_parent_class)->dispose (object);
}

static void
lc_diagnosis_page_class_init (LcDiagnosisPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_diagnosis_page_dispose;
  object_class->get_property = lc_diagnosis_page_get_property;
  object_class->set_property = lc_diagnosis_page_set_property;

  /**
   * LcDiagnosisPage::fix-requested:
   * @diagnosis: the diagnosis shown
   * @cause: the cause whose Fix It was pressed
   *
   * The person wants to fix @cause: the window starts a fix session.
   */
  signals [FIX_REQUESTED] =
    g_signal_new ("fix-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, LC_TYPE_DIAGNOSIS, LC_TYPE_DIAGNOSIS_CAUSE);

  properties [PROP_DIAGNOSIS] =
    g_param_spec_object ("diagnosis", NULL, NULL,
                         LC_TYPE_DIAGNOSIS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "diagnosispage");

  g_type_ensure (LC_TYPE_LED_SIMULATOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/lc-diagnosis-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, simulator);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, device_label);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, signal_label);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, source_label);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, closest_label);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, unknown_box);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, unknown_label);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, normal_box);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, normal_meaning_label);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, normal_explanation_label);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, watch_label);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, show_causes_button);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, disagreement_box);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, disagreement_label);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, disagreement_source_box);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, disagreement_source_label);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, disagreement_link);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, causes_group);
  gtk_widget_class_bind_template_child (widget_class, LcDiagnosisPage, device_note_label);
  gtk_widget_class_bind_template_callback (widget_class, show_causes_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, look_again_clicked_cb);
}

static void
lc_diagnosis_page_init (LcDiagnosisPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cause_rows = g_ptr_array_new ();

  update (self);
}

GtkWidget *
lc_diagnosis_page_new (void)
{
  return g_object_new (LC_TYPE_DIAGNOSIS_PAGE, NULL);
}

LcDiagnosis *
lc_diagnosis_page_get_diagnosis (LcDiagnosisPage *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS_PAGE (self), NULL);

  return self->diagnosis;
}

/**
 * lc_diagnosis_page_set_diagnosis:
 * @diagnosis: (nullable): what to show
 *
 * Shows @diagnosis: "This is normal" when its top cause needs no fixing,
 * else its causes, most likely first, each with a way to fix it.
 */
void
lc_diagnosis_page_set_diagnosis (LcDiagnosisPage *self,
                                 LcDiagnosis     *diagnosis)
{
  gboolean changed;

  g_return_if_fail (LC_IS_DIAGNOSIS_PAGE (self));
  g_return_if_fail (diagnosis == NULL || LC_IS_DIAGNOSIS (diagnosis));

  /* Always refresh: the same diagnosis may have a new source set. */
  changed = g_set_object (&self->diagnosis, diagnosis);
  update (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGNOSIS]);
}
