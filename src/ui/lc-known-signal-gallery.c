/* lc-known-signal-gallery.c — a device's known lights as cards to pick from
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-known-signal-gallery.h"
#include "lc-led-simulator.h"

struct _LcKnownSignalGallery
{
  GtkWidget   parent_instance;

  GtkFlowBox *flow_box;

  LcDevice   *device;
  GListModel *known_signals;
};

G_DEFINE_FINAL_TYPE (LcKnownSignalGallery, lc_known_signal_gallery, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_texts (LcKnownSignal *known,
              const char    *description)
{
  GtkWidget *texts, *title, *subtitle;

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);

  title = gtk_label_new (lc_known_signal_get_title (known));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 28);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (title, lc_known_signal_get_title (known));
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (texts), title);

  subtitle = gtk_label_new (description);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 28);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (texts), subtitle);

  if (lc_known_signal_is_normal (known))
    {
      GtkWidget *tag = gtk_label_new (C_("known signal", "Normal"));

      gtk_widget_set_halign (tag, GTK_ALIGN_START);
      gtk_widget_add_css_class (tag, "lc-tag");
      gtk_widget_add_css_class (tag, "success");
      gtk_widget_add_css_class (tag, "caption");
      gtk_box_append (GTK_BOX (texts), tag);
    }

  return texts;
}

/* A card: a small animated drawing and the meaning, read as one. */
static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  LcKnownSignalGallery *self = user_data;
  LcKnownSignal *known = item;
  g_autofree char *description = lc_signal_describe (lc_known_signal_get_signal (known));
  GtkWidget *child, *card, *thumbnail;

  card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (card, "lc-known-signal");

  /* The card is read as a whole; the picture would only repeat it. */
  thumbnail = g_object_new (LC_TYPE_LED_SIMULATOR,
                            "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                            NULL);
  gtk_widget_set_size_request (thumbnail, 64, 64);
  lc_led_simulator_set_zoom (LC_LED_SIMULATOR (thumbnail), 2.0);
  gtk_widget_set_valign (thumbnail, GTK_ALIGN_CENTER);
  lc_led_simulator_set_device (LC_LED_SIMULATOR (thumbnail), self->device);
  lc_led_simulator_set_signal (LC_LED_SIMULATOR (thumbnail), lc_known_signal_get_signal (known));
  gtk_box_append (GTK_BOX (card), thumbnail);
  gtk_box_append (GTK_BOX (card), create_texts (known, description));

  child = gtk_flow_box_child_new ();
  gtk_widget_add_css_class (child, "card");
  gtk_widget_add_css_class (child, "activatable");
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), card);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lc_known_signal_get_title (known),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  return child;
}

static void
child_activated_cb (LcKnownSignalGallery *self,
                    GtkFlowBoxChild      *child)
{
  g_autoptr(LcKnownSignal) known = NULL;
  int index = gtk_flow_box_child_get_index (child);

  if (self->known_signals == NULL || index < 0)
    return;

  known = g_list_model_get_item (self->known_signals, index);
  if (known != NULL)
    g_signal_emit (self, signals[SIGNAL_ACTIVATED], 0, known);
}

static void
lc_known_signal_gallery_dispose (GObject *object)
{
  LcKnownSignalGallery *self = LC_KNOWN_SIGNAL_GALLERY (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_KNOWN_SIGNAL_GALLERY);
  g_clear_object (&self->known_signals);
  g_clear_object (&self->device);

  G_OBJECT_CLASS (lc_known_signal_gallery_parent_class)->dispose (object);
}

static void
lc_known_signal_gallery_class_init (LcKnownSignalGalleryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_known_signal_gallery_dispose;

  /**
   * LcKnownSignalGallery::signal-activated:
   * @known: the known signal of the card
   *
   * A card was activated.
   */
  signals[SIGNAL_ACTIVATED] =
    g_signal_new ("signal-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LC_TYPE_KNOWN_SIGNAL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lightcode/Lightcode/ui/lc-known-signal-gallery.ui");
  gtk_widget_class_bind_template_child (widget_class, LcKnownSignalGallery, flow_box);
  gtk_widget_class_bind_template_callback (widget_class, child_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lc_known_signal_gallery_init (LcKnownSignalGallery *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lc_known_signal_gallery_new (void)
{
  return g_object_new (LC_TYPE_KNOWN_SIGNAL_GALLERY, NULL);
}

void
lc_known_signal_gallery_set_signals (LcKnownSignalGallery *self,
                                     LcDevice             *device,
                                     GListModel           *known_signals)
{
  g_return_if_fail (LC_IS_KNOWN_SIGNAL_GALLERY (self));
  g_return_if_fail (device == NULL || LC_IS_DEVICE (device));
  g_return_if_fail (known_signals == NULL || G_IS_LIST_MODEL (known_signals));

  /* The cards draw the device: it is set before they are made. */
  g_set_object (&self->device, device);
  g_set_object (&self->known_signals, known_signals);
  gtk_flow_box_bind_model (self->flow_box, known_signals, create_card, self, NULL);
}

guint
lc_known_signal_gallery_get_n_signals (LcKnownSignalGallery *self)
{
  g_return_val_if_fail (LC_IS_KNOWN_SIGNAL_GALLERY (self), 0);

  return self->known_signals != NULL ? g_list_model_get_n_items (self->known_signals) : 0;
}

void
lc_known_signal_gallery_select (LcKnownSignalGallery *self,
                                const LcSignal       *signal)
{
  guint n;

  g_return_if_fail (LC_IS_KNOWN_SIGNAL_GALLERY (self));

  n = signal != NULL ? lc_known_signal_gallery_get_n_signals (self) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LcKnownSignal) known = g_list_model_get_item (self->known_signals, i);

      if (lc_signal_equal (signal, lc_known_signal_get_signal (known)))
        {
          GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->flow_box, i);

          if (child != NULL)
            gtk_flow_box_select_child (self->flow_box, child);
          return;
        }
    }

  gtk_flow_box_unselect_all (self->flow_box);
}
