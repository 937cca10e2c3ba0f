/* lc-device-chooser.c — "Which device is it?", beside the live view
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Coming straight to the camera (`lightcode --camera`, or the picker's
 * camera row), the page does not know the device. Knowing it helps the
 * detector (how many lights, which colors), and the reading can then go
 * to that device's page at once. The same drawings as the device picker,
 * small, in a flow box that fits 360 px; once one is chosen, one line with
 * its name and a way to change it.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lc-device-chooser.h"
#include "lc-illustration.h"
#include "lc-knowledge.h"

/* Size of a drawing in the choice, and on the chosen line (app pixels). */
#define CHOICE_DRAWING_SIZE 48
#define CHOSEN_DRAWING_SIZE 32
/* The choice scrolls past this height, so the reading stays in view. */
#define MAX_CHOICE_HEIGHT   220
/* ...and shows at least a row and a bit of the next, so it is seen to
 * scroll when squeezed (360 px wide, three a row). */
#define MIN_CHOICE_HEIGHT   140

struct _LcDeviceChooser
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkWidget    *heading;
  GtkWidget    *explanation;
  GtkWidget    *scroller;
  GtkFlowBox   *flow_box;
  GtkWidget    *chosen_box;
  GtkImage     *chosen_image;
  GtkLabel     *chosen_label;

  GCancellable *cancellable;  /* drawings being rendered */
  char         *device_id;
  gboolean      choosing;     /* "Change": the choice is open again */
};

G_DEFINE_FINAL_TYPE (LcDeviceChooser, lc_device_chooser, GTK_TYPE_WIDGET)

enum {
  DEVICE_CHOSEN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
update (LcDeviceChooser *self)
{
  LcDevice *device = NULL;
  gboolean choice;

  if (self->device_id != NULL)
    device = lc_knowledge_lookup_device (lc_knowledge_get_default (), self->device_id);

  choice = device == NULL || self->choosing;

  gtk_widget_set_visible (self->heading, choice);
  gtk_widget_set_visible (self->explanation, choice);
  gtk_widget_set_visible (self->scroller, choice);
  gtk_widget_set_visible (self->chosen_box, !choice);

  if (device != NULL)
    {
      gtk_label_set_label (self->chosen_label, lc_device_get_name (device));
      lc_image_set_illustration (self->chosen_image, lc_device_get_drawing (device),
                                 self->cancellable);
    }
}

static void
child_activated_cb (LcDeviceChooser *self,
                    GtkFlowBoxChild *child)
{
  lc_device_chooser_choose (self, g_object_get_data (G_OBJECT (child), "lc-device-id"));
}

static void
change_clicked_cb (LcDeviceChooser *self)
{
  /* The device stays what it was until another one is chosen. */
  self->choosing = TRUE;
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->flow_box));
}

static GtkWidget *
create_choice (LcDeviceChooser *self,
               LcDevice        *device)
{
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *image = gtk_image_new ();
  GtkWidget *label = gtk_label_new (lc_device_get_name (device));

  gtk_image_set_pixel_size (GTK_IMAGE (image), CHOICE_DRAWING_SIZE);
  /* The name under it says it all. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                  -1);
  lc_image_set_illustration (GTK_IMAGE (image), lc_device_get_drawing (device), self->cancellable);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
  gtk_widget_add_css_class (label, "caption");

  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  gtk_widget_set_tooltip_text (child, lc_device_get_family_name (device));
  g_object_set_data_full (G_OBJECT (child), "lc-device-id",
                          g_strdup (lc_device_get_id (device)), g_free);

  return child;
}

static void
lc_device_chooser_dispose (GObject *object)
{
  LcDeviceChooser *self = LC_DEVICE_CHOOSER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (lc_device_chooser_parent_class)->dispose (object);
}

static void
lc_device_chooser_finalize (GObject *object)
{
  LcDeviceChooser *self = LC_DEVICE_CHOOSER (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->device_id, g_free);

  G_OBJECT_CLASS (lc_device_chooser_parent_class)->finalize (object);
}

static void
lc_device_chooser_class_init (LcDeviceChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_device_chooser_dispose;
  object_class->finalize = lc_device_chooser_finalize;

  /**
   * LcDeviceChooser::device-chosen:
   *
   * A device was chosen (or, with NULL, the choice was cleared).
   */
  signals [DEVICE_CHOSEN] =
    g_signal_new ("device-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lc-device-chooser");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lc_device_chooser_init (LcDeviceChooser *self)
{
  GListModel *devices = lc_knowledge_get_devices (lc_knowledge_get_default ());
  GtkWidget *button, *image;

  self->cancellable = g_cancellable_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->heading = gtk_label_new (_("Which device is it?"));
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_label_set_wrap (GTK_LABEL (self->heading), TRUE);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_box_append (GTK_BOX (self->box), self->heading);

  self->explanation = gtk_label_new (_("Choosing it helps Lightcode read its light, and the reading goes straight to it."));
  gtk_label_set_xalign (GTK_LABEL (self->explanation), 0);
  gtk_label_set_wrap (GTK_LABEL (self->explanation), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->explanation), 20);
  gtk_widget_add_css_class (self->explanation, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->explanation);

  self->flow_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->flow_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (self->flow_box, TRUE);
  gtk_flow_box_set_activate_on_single_click (self->flow_box, TRUE);
  /* Three fit beside the picture (340 px) and on a 360 px phone. */
  gtk_flow_box_set_min_children_per_line (self->flow_box, 3);
  gtk_flow_box_set_max_children_per_line (self->flow_box, 8);
  gtk_flow_box_set_column_spacing (self->flow_box, 6);
  gtk_flow_box_set_row_spacing (self->flow_box, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->flow_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Devices"),
                                  -1);
  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(LcDevice) device = g_list_model_get_item (devices, i);

      gtk_flow_box_append (self->flow_box, create_choice (self, device));
    }
  g_signal_connect_object (self->flow_box, "child-activated",
                           G_CALLBACK (child_activated_cb), self, G_CONNECT_SWAPPED);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroller), MAX_CHOICE_HEIGHT);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scroller), MIN_CHOICE_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->flow_box));
  gtk_widget_add_css_class (self->scroller, "card");
  gtk_box_append (GTK_BOX (self->box), self->scroller);

  self->chosen_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  image = gtk_image_new ();
  self->chosen_image = GTK_IMAGE (image);
  gtk_image_set_pixel_size (self->chosen_image, CHOSEN_DRAWING_SIZE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                  -1);
  gtk_box_append (GTK_BOX (self->chosen_box), image);
  self->chosen_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->chosen_label, 0);
  gtk_label_set_wrap (self->chosen_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->chosen_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->chosen_label), "heading");
  gtk_box_append (GTK_BOX (self->chosen_box), GTK_WIDGET (self->chosen_label));
  /* Translators: choose another device than the one shown */
  button = gtk_button_new_with_mnemonic (_("C_hange"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Choose another device"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (change_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->chosen_box), button);
  gtk_box_append (GTK_BOX (self->box), self->chosen_box);

  update (self);
}

GtkWidget *
lc_device_chooser_new (void)
{
  return g_object_new (LC_TYPE_DEVICE_CHOOSER, NULL);
}

const char *
lc_device_chooser_get_device_id (LcDeviceChooser *self)
{
  g_return_val_if_fail (LC_IS_DEVICE_CHOOSER (self), NULL);

  return self->device_id;
}

void
lc_device_chooser_choose (LcDeviceChooser *self,
                          const char      *device_id)
{
  g_return_if_fail (LC_IS_DEVICE_CHOOSER (self));

  if (device_id != NULL &&
      lc_knowledge_lookup_device (lc_knowledge_get_default (), device_id) == NULL)
    device_id = NULL;

  g_free (self->device_id);
  self->device_id = g_strdup (device_id);
  self->choosing = FALSE;
  update (self);
  g_signal_emit (self, signals[DEVICE_CHOSEN], 0, self->device_id);
}
