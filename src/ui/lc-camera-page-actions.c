/* lc-camera-page-actions.c — what the camera page's buttons and rows do
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The camera.* actions: start watching, stop, watch again, describe the
 * light instead, use the reading; and choosing a light on the preview or
 * in the list under it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-camera-page-private.h"
#include "lc-knowledge.h"
#include "lc-pages.h"
#include "lc-video-file-dialog.h"

/* Actions */

static void
webcam_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  lc_camera_page_start_webcam (LC_CAMERA_PAGE (widget));
}

static void
sample_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  lc_camera_page_start_sample (LC_CAMERA_PAGE (widget));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lc_camera_page_stop (LC_CAMERA_PAGE (widget));
}

/* Starts again whatever was watched last: "Try Again", or a window that
 * comes back from being minimised. */
void
_lc_camera_page_restart_source (LcCameraPage *self)
{
  switch (self->mode)
    {
    case MODE_WEBCAM:
      lc_camera_page_start_webcam (self);
      break;
    case MODE_FILE:
      if (self->file != NULL)
        lc_camera_page_open_file (self, self->file);
      break;
    case MODE_SAMPLE:
      lc_camera_page_start_sample (self);
      break;
    case MODE_NONE:
    default:
      break;
    }
}

static void
again_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _lc_camera_page_restart_source (LC_CAMERA_PAGE (widget));
}

static void
video_chosen_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LcCameraPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = lc_video_file_dialog_open_finish (result, &error);

  if (error != NULL)
    g_debug ("Cannot choose a file: %s", error->message);
  if (file != NULL)
    lc_camera_page_open_file (self, file);
}

static void
open_video_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  lc_video_file_dialog_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                             video_chosen_cb, g_object_ref (widget));
}

static void
describe_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LcCameraPage *self = LC_CAMERA_PAGE (widget);

  if (_lc_camera_page_get_device_id (self) != NULL && self->known_device_id == NULL)
    gtk_widget_activate_action (widget, LC_ACTION_OPEN_DEVICE, "s", _lc_camera_page_get_device_id (self));
  else
    lc_page_push (widget, self->known_device_id != NULL ? LC_PAGE_MATCH : LC_PAGE_DEVICES);
}

static void
device_row_activated_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         LcCameraPage  *self)
{
  const char *device_id = g_object_get_data (G_OBJECT (row), "lc-device-id");
  GtkRoot *dialog = gtk_widget_get_root (GTK_WIDGET (list));

  _lc_camera_page_hand_off (self, device_id);
  gtk_window_close (GTK_WINDOW (dialog));
}

/* Asks which device the light belongs to, when the window does not know. */
static void
choose_device (LcCameraPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GListModel *devices = lc_knowledge_get_devices (lc_knowledge_get_default ());
  GtkWidget *dialog, *scrolled, *list;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Which Device Is It?"),
                                   _("Choose the device whose light you watched, to see what the light means."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Devices"),
                                  -1);

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(LcDevice) device = g_list_model_get_item (devices, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lc_device_get_name (device));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), lc_device_get_family_name (device));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "lc-device-id",
                              g_strdup (lc_device_get_id (device)), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  g_signal_connect_object (list, "row-activated", G_CALLBACK (device_row_activated_cb),
                           self, 0);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
use_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LcCameraPage *self = LC_CAMERA_PAGE (widget);
  const char *device_id;

  if (self->reading == NULL)
    return;
  /* Use This takes a confirmed reading only; the other one, the rest. */
  if (lc_reading_is_confirmed (self->reading) != g_str_equal (action_name, "camera.use"))
    return;

  device_id = _lc_camera_page_get_device_id (self);
  if (device_id != NULL)
    _lc_camera_page_hand_off (self, device_id);
  else
    choose_device (self);
}

/* Choosing a light */

static void
light_activated_cb (LcCameraPage *self,
                    double        x,
                    double        y)
{
  if (self->source == NULL)
    return;

  lc_video_source_select (self->source, x, y);
}

static void
light_chosen_cb (LcCameraPage *self,
                 double        x,
                 double        y,
                 gboolean      chosen)
{
  if (self->source == NULL)
    return;

  /* Choosing the chosen light again goes back to all of them. */
  if (chosen)
    lc_video_source_clear_selection (self->source);
  else
    lc_video_source_select (self->source, x, y);
}

void
_lc_camera_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, light_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, light_chosen_cb);

  gtk_widget_class_install_action (widget_class, "camera.webcam", NULL, webcam_action);
  gtk_widget_class_install_action (widget_class, "camera.open-video", NULL, open_video_action);
  gtk_widget_class_install_action (widget_class, "camera.sample", NULL, sample_action);
  gtk_widget_class_install_action (widget_class, "camera.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "camera.again", NULL, again_action);
  gtk_widget_class_install_action (widget_class, "camera.use", NULL, use_action);
  gtk_widget_class_install_action (widget_class, "camera.use-unconfirmed", NULL, use_action);
  gtk_widget_class_install_action (widget_class, "camera.describe", NULL, describe_action);
}
