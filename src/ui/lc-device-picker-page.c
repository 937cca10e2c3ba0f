/* lc-device-picker-page.c — the start page: which device is showing the light?
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lc-device-picker-page.h"
#include "lc-illustration.h"
#include "lc-pages.h"

/* Size of a device drawing on a card, in application pixels. */
#define CARD_DRAWING_SIZE     80
#define CONTINUE_DRAWING_SIZE 40

/* One family: its heading and the flow box holding its cards. */
typedef struct
{
  LcFamily   *family;   /* owned */
  GtkWidget  *section;  /* heading + flow box; owned by families_box */
  GtkFlowBox *flow_box;
  guint       n_matches;
} FamilySection;

struct _LcDevicePickerPage
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkStack       *state_stack;
  GtkSearchEntry *search_entry;
  GtkStack       *results_stack;
  GtkWidget      *quick_list;
  GtkWidget      *continue_row;
  GtkImage       *continue_image;
  GtkBox         *families_box;
  AdwStatusPage  *error_page;

  /* Owned references */
  LcKnowledge    *knowledge;
  GSettings      *settings;
  GArray         *sections; /* FamilySection */
  GPtrArray      *images;   /* GtkImage showing a drawing, for scale changes */
  char           *search_text;
  LcDevice       *last_device;
  GCancellable   *cancellable; /* drawings being rendered */
  guint           n_matches;
};

G_DEFINE_FINAL_TYPE (LcDevicePickerPage, lc_device_picker_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KNOWLEDGE,
  PROP_SEARCH_TEXT,
  PROP_N_MATCHES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
family_section_clear (gpointer data)
{
  FamilySection *section = data;

  g_clear_object (&section->family);
}

/* Drawings are rendered at the device scale so they stay crisp, off the
 * main thread so the first frame does not wait for fifteen SVGs. */
static void
update_image (LcDevicePickerPage *self,
              GtkImage           *image)
{
  lc_image_set_illustration (image, g_object_get_data (G_OBJECT (image), "lc-drawing"),
                             self->cancellable);
}

static void
set_image_drawing (LcDevicePickerPage *self,
                   GtkImage           *image,
                   const char         *drawing)
{
  g_object_set_data_full (G_OBJECT (image), "lc-drawing", g_strdup (drawing), g_free);
  update_image (self, image);
}

static GtkWidget *
create_drawing_image (LcDevicePickerPage *self,
                      LcDevice           *device,
                      int                 size)
{
  GtkWidget *image = gtk_image_new ();

  gtk_image_set_pixel_size (GTK_IMAGE (image), size);
  /* The card's label names the device; the drawing adds nothing to say. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                  -1);
  set_image_drawing (self, GTK_IMAGE (image), lc_device_get_drawing (device));
  g_ptr_array_add (self->images, image);

  return image;
}

static void
scale_factor_changed_cb (LcDevicePickerPage *self)
{
  for (guint i = 0; i < self->images->len; i++)
    update_image (self, g_ptr_array_index (self->images, i));
  update_image (self, self->continue_image);
}

static void
activate_device (LcDevicePickerPage *self,
                 LcDevice           *device)
{
  const char *device_id = lc_device_get_id (device);

  g_assert (LC_IS_DEVICE (device));

  g_settings_set_string (self->settings, "last-device", device_id);
  gtk_widget_activate_action (GTK_WIDGET (self), LC_ACTION_OPEN_DEVICE, "s", device_id);
}

static void
card_clicked_cb (GtkButton          *button,
                 LcDevicePickerPage *self)
{
  LcDevice *device = g_object_get_data (G_OBJECT (button), "lc-device");

  activate_device (self, device);
}

static gboolean
text_matches (const char *search_text,
              const char *ascii_search_text,
              const char *text)
{
  return g_str_match_string (search_text, text, TRUE) ||
         g_str_match_string (ascii_search_text, text, TRUE);
}

static gboolean
device_matches (LcDevice   *device,
                const char *search_text)
{
  g_autofree char *ascii = NULL;

  if (search_text == NULL || *search_text == '\0')
    return TRUE;

  /* Matches word prefixes, ignoring case: "mini" finds "Blink Mini 2",
   * "door" every doorbell. Accents are ignored both in the names (by
   * g_str_match_string) and in what was typed (by the ASCII copy).
   */
  ascii = g_str_to_ascii (search_text, NULL);

  return text_matches (search_text, ascii, lc_device_get_name (device)) ||
         text_matches (search_text, ascii, lc_device_get_family_name (device));
}

static gboolean
filter_card (GtkFlowBoxChild *child,
             gpointer         user_data)
{
  LcDevicePickerPage *self = user_data;
  GtkWidget *card = gtk_flow_box_child_get_child (child);
  LcDevice *device = g_object_get_data (G_OBJECT (card), "lc-device");

  return device_matches (device, self->search_text);
}

static GtkWidget *
create_card (LcDevicePickerPage *self,
             LcDevice           *device)
{
  GtkWidget *button;
  GtkWidget *box;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), create_drawing_image (self, device, CARD_DRAWING_SIZE));

  label = gtk_label_new (lc_device_get_name (device));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  /* Keeps cards compact: long names wrap rather than widen every card. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "device-name");
  gtk_box_append (GTK_BOX (box), label);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "device-card");
  gtk_widget_set_tooltip_text (button, lc_device_get_name (device));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lc_device_get_name (device),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, lc_device_get_family_name (device),
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "lc-device", g_object_ref (device), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (card_clicked_cb), self, 0);

  return button;
}

static FamilySection *
find_section (LcDevicePickerPage *self,
              LcFamily           *family)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      FamilySection *section = &g_array_index (self->sections, FamilySection, i);

      if (g_strcmp0 (lc_family_get_id (section->family), lc_family_get_id (family)) == 0)
        return section;
    }

  return NULL;
}

static FamilySection *
add_section (LcDevicePickerPage *self,
             LcFamily           *family)
{
  FamilySection section = { 0 };
  GtkWidget *heading;
  GtkWidget *flow_box;

  section.family = g_object_ref (family);
  section.section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (section.section, "device-family");

  heading = gtk_label_new (lc_family_get_name (family));
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);
  gtk_box_append (GTK_BOX (section.section), heading);

  flow_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow_box), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow_box), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow_box), 5);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow_box), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow_box), 12);
  gtk_flow_box_set_filter_func (GTK_FLOW_BOX (flow_box), filter_card, self, NULL);
  gtk_widget_set_valign (flow_box, GTK_ALIGN_START);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (flow_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (section.section), flow_box);
  section.flow_box = GTK_FLOW_BOX (flow_box);

  gtk_box_append (self->families_box, section.section);
  g_array_append_val (self->sections, section);

  return &g_array_index (self->sections, FamilySection, self->sections->len - 1);
}

static void
update_continue_row (LcDevicePickerPage *self)
{
  g_autofree char *last_id = g_settings_get_string (self->settings, "last-device");
  LcDevice *device = NULL;
  gboolean searching = self->search_text != NULL && *self->search_text != '\0';

  if (*last_id != '\0' && !lc_knowledge_is_empty (self->knowledge))
    device = lc_knowledge_lookup_device (self->knowledge, last_id);

  g_set_object (&self->last_device, device);

  if (device != NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is a device name, e.g. "Blink Mini" */
      title = g_strdup_printf (_("Continue with %s"), lc_device_get_name (device));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->continue_row), title);
      set_image_drawing (self, self->continue_image, lc_device_get_drawing (device));
    }

  gtk_widget_set_visible (self->continue_row, device != NULL);
  gtk_widget_set_visible (self->quick_list, !searching);
}

static void
update_filter (LcDevicePickerPage *self)
{
  GListModel *devices;
  guint n_matches = 0;

  for (guint i = 0; i < self->sections->len; i++)
    g_array_index (self->sections, FamilySection, i).n_matches = 0;

  devices = lc_knowledge_get_devices (self->knowledge);
  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(LcDevice) device = g_list_model_get_item (devices, i);
      FamilySection *section = find_section (self, lc_device_get_family (device));

      if (section != NULL && device_matches (device, self->search_text))
        {
          section->n_matches++;
          n_matches++;
        }
    }

  for (guint i = 0; i < self->sections->len; i++)
    {
      FamilySection *section = &g_array_index (self->sections, FamilySection, i);

      gtk_flow_box_invalidate_filter (section->flow_box);
      gtk_widget_set_visible (section->section, section->n_matches > 0);
    }

  gtk_stack_set_visible_child_name (self->results_stack, n_matches > 0 ? "list" : "empty");
  update_continue_row (self);

  if (n_matches != self->n_matches)
    {
      self->n_matches = n_matches;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
    }
}

static void
rebuild (LcDevicePickerPage *self)
{
  GtkWidget *child;
  GListModel *devices;
  GListModel *families;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->families_box))) != NULL)
    gtk_box_remove (self->families_box, child);
  g_array_set_size (self->sections, 0);
  g_ptr_array_set_size (self->images, 0);

  if (lc_knowledge_is_empty (self->knowledge))
    {
      const GError *error = NULL;

      if (self->knowledge == lc_knowledge_get_default ())
        error = lc_knowledge_get_load_error ();

      if (error != NULL)
        {
          g_autofree char *description = NULL;

          /* The status page reads markup; the message is plain text. */
          g_autofree char *message = g_markup_escape_text (error->message, -1);

          /* Translators: %s is a technical message naming the broken file */
          description = g_strdup_printf (_("Lightcode’s own data is damaged, so it can’t show any devices. "
                                           "Reinstalling Lightcode should fix this.\n\n"
                                           "Details: %s"),
                                         message);
          adw_status_page_set_description (self->error_page, description);
        }
      else
        {
          adw_status_page_set_description (self->error_page,
                                           _("Lightcode doesn’t know any devices. "
                                             "Reinstalling Lightcode should fix this."));
        }
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      return;
    }

  gtk_stack_set_visible_child_name (self->state_stack, "picker");

  /* Headings follow the families' order in the knowledge base. */
  families = lc_knowledge_get_families (self->knowledge);
  for (guint i = 0; i < g_list_model_get_n_items (families); i++)
    {
      g_autoptr(LcFamily) family = g_list_model_get_item (families, i);

      add_section (self, family);
    }

  devices = lc_knowledge_get_devices (self->knowledge);
  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(LcDevice) device = g_list_model_get_item (devices, i);
      FamilySection *section = find_section (self, lc_device_get_family (device));

      if (section == NULL)
        section = add_section (self, lc_device_get_family (device));

      gtk_flow_box_append (section->flow_box, create_card (self, device));
    }

  /* The flow box children only hold the cards: the cards take focus. */
  for (guint i = 0; i < self->sections->len; i++)
    {
      FamilySection *section = &g_array_index (self->sections, FamilySection, i);

      for (child = gtk_widget_get_first_child (GTK_WIDGET (section->flow_box));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        gtk_widget_set_focusable (child, FALSE);
    }

  update_filter (self);
}

static void
search_changed_cb (LcDevicePickerPage *self,
                   GtkSearchEntry     *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (g_strcmp0 (text, self->search_text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);
  update_filter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

static void
search_activate_cb (LcDevicePickerPage *self,
                    GtkSearchEntry     *entry)
{
  GListModel *devices;
  LcDevice *only_match = NULL;
  guint n_matches = 0;

  search_changed_cb (self, entry);

  /* Enter opens the device when the search leaves just one. */
  devices = lc_knowledge_get_devices (self->knowledge);
  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(LcDevice) device = g_list_model_get_item (devices, i);

      if (device_matches (device, self->search_text))
        {
          n_matches++;
          only_match = device;
        }
    }

  if (n_matches == 1)
    activate_device (self, only_match);
}

static void
stop_search_cb (LcDevicePickerPage *self,
                GtkSearchEntry     *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
quick_row_activated_cb (LcDevicePickerPage *self,
                        GtkListBoxRow      *row)
{
  if (row == GTK_LIST_BOX_ROW (self->continue_row))
    {
      if (self->last_device != NULL)
        activate_device (self, self->last_device);
    }
  else
    {
      gtk_widget_activate_action (GTK_WIDGET (self), LC_ACTION_OPEN_CAMERA, NULL);
    }
}

static void
last_device_changed_cb (LcDevicePickerPage *self)
{
  update_continue_row (self);
}

/* Type-to-search works from anywhere in the window while the page is shown. */
static void
lc_device_picker_page_map (GtkWidget *widget)
{
  LcDevicePickerPage *self = LC_DEVICE_PICKER_PAGE (widget);

  GTK_WIDGET_CLASS (lc_device_picker_page_parent_class)->map (widget);

  gtk_search_entry_set_key_capture_widget (self->search_entry,
                                           GTK_WIDGET (gtk_widget_get_root (widget)));
}

static void
lc_device_picker_page_unmap (GtkWidget *widget)
{
  LcDevicePickerPage *self = LC_DEVICE_PICKER_PAGE (widget);

  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);

  GTK_WIDGET_CLASS (lc_device_picker_page_parent_class)->unmap (widget);
}

static void
lc_device_picker_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LcDevicePickerPage *self = LC_DEVICE_PICKER_PAGE (object);

  switch (prop_id)
    {
    case PROP_KNOWLEDGE:
      g_value_set_object (value, self->knowledge);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, lc_device_picker_page_get_search_text (self));
      break;

    case PROP_N_MATCHES:
      g_value_set_uint (value, self->n_matches);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_device_picker_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LcDevicePickerPage *self = LC_DEVICE_PICKER_PAGE (object);

  switch (prop_id)
    {
    case PROP_KNOWLEDGE:
      lc_device_picker_page_set_knowledge (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_TEXT:
      lc_device_picker_page_set_search_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_device_picker_page_dispose (GObject *object)
{
  LcDevicePickerPage *self = LC_DEVICE_PICKER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_DEVICE_PICKER_PAGE);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_pointer (&self->images, g_ptr_array_unref);
  g_clear_object (&self->last_device);
  g_clear_object (&self->knowledge);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lc_device_picker_page_parent_class)->dispose (object);
}

static void
lc_device_picker_page_finalize (GObject *object)
{
  LcDevicePickerPage *self = LC_DEVICE_PICKER_PAGE (object);

  g_free (self->search_text);

  G_OBJECT_CLASS (lc_device_picker_page_parent_class)->finalize (object);
}

static void
lc_device_picker_page_class_init (LcDevicePickerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_device_picker_page_dispose;
  object_class->finalize = lc_device_picker_page_finalize;
  object_class->get_property = lc_device_picker_page_get_property;
  object_class->set_property = lc_device_picker_page_set_property;

  widget_class->map = lc_device_picker_page_map;
  widget_class->unmap = lc_device_picker_page_unmap;

  properties [PROP_KNOWLEDGE] =
    g_param_spec_object ("knowledge", NULL, NULL,
                         LC_TYPE_KNOWLEDGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "devicepicker");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/lc-device-picker-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcDevicePickerPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, LcDevicePickerPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LcDevicePickerPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, LcDevicePickerPage, quick_list);
  gtk_widget_class_bind_template_child (widget_class, LcDevicePickerPage, continue_row);
  gtk_widget_class_bind_template_child (widget_class, LcDevicePickerPage, continue_image);
  gtk_widget_class_bind_template_child (widget_class, LcDevicePickerPage, families_box);
  gtk_widget_class_bind_template_child (widget_class, LcDevicePickerPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, quick_row_activated_cb);
}

static void
lc_device_picker_page_init (LcDevicePickerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->sections = g_array_new (FALSE, TRUE, sizeof (FamilySection));
  g_array_set_clear_func (self->sections, family_section_clear);
  self->images = g_ptr_array_new ();
  self->search_text = g_strdup ("");

  /* Device names come from data: never read them as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->continue_row), FALSE);

  self->settings = g_settings_new (BASE_APP_ID);
  g_signal_connect_object (self->settings, "changed::last-device",
                           G_CALLBACK (last_device_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);

  self->knowledge = g_object_ref (lc_knowledge_get_default ());
  rebuild (self);
}

GtkWidget *
lc_device_picker_page_new (void)
{
  return g_object_new (LC_TYPE_DEVICE_PICKER_PAGE, NULL);
}

LcKnowledge *
lc_device_picker_page_get_knowledge (LcDevicePickerPage *self)
{
  g_return_val_if_fail (LC_IS_DEVICE_PICKER_PAGE (self), NULL);

  return self->knowledge;
}

void
lc_device_picker_page_set_knowledge (LcDevicePickerPage *self,
                                     LcKnowledge        *knowledge)
{
  g_return_if_fail (LC_IS_DEVICE_PICKER_PAGE (self));
  g_return_if_fail (knowledge == NULL || LC_IS_KNOWLEDGE (knowledge));

  if (knowledge == NULL)
    knowledge = lc_knowledge_get_default ();

  if (g_set_object (&self->knowledge, knowledge))
    {
      rebuild (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KNOWLEDGE]);
    }
}

const char *
lc_device_picker_page_get_search_text (LcDevicePickerPage *self)
{
  g_return_val_if_fail (LC_IS_DEVICE_PICKER_PAGE (self), NULL);

  return self->search_text;
}

void
lc_device_picker_page_set_search_text (LcDevicePickerPage *self,
                                       const char         *text)
{
  g_return_if_fail (LC_IS_DEVICE_PICKER_PAGE (self));

  if (text == NULL)
    text = "";

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* Don't wait for the entry's typing delay. */
  search_changed_cb (self, self->search_entry);
}

guint
lc_device_picker_page_get_n_matches (LcDevicePickerPage *self)
{
  g_return_val_if_fail (LC_IS_DEVICE_PICKER_PAGE (self), 0);

  return self->n_matches;
}
