/* lc-camera-source-chooser.c — the camera page's choice: webcam, video or sample
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows only name actions of the camera page (camera.webcam,
 * camera.open-video, camera.sample, camera.use…); the page decides what
 * they do and when they may be used.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lc-camera-monitor.h"
#include "lc-camera-source-chooser.h"
#include "lc-reading-words.h"

struct _LcCameraSourceChooser
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkWidget           *scrolled_window; /* the root: bound, so disposing the template unparents it */
  GtkPicture          *guide_picture;
  AdwPreferencesGroup *last_reading_group;
  AdwActionRow        *last_reading_row;
  GtkWidget           *last_reading_button;
  AdwActionRow        *webcam_row;
  AdwComboRow         *camera_row;

  LcWebcamList        *webcams;
  int                  guide_scale;
};

G_DEFINE_FINAL_TYPE (LcCameraSourceChooser, lc_camera_source_chooser, GTK_TYPE_WIDGET)

/* The webcam rows */

static void
update_camera_rows (LcCameraSourceChooser *self)
{
  GListModel *cameras = lc_webcam_list_get_cameras (self->webcams);
  guint n = g_list_model_get_n_items (cameras);

  gtk_widget_set_visible (GTK_WIDGET (self->camera_row), n > 1);

  if (n == 1)
    {
      g_autoptr(LcCamera) camera = g_list_model_get_item (cameras, 0);
      /* Subtitles are markup; a camera's name is not. */
      g_autofree char *escaped = g_markup_escape_text (lc_camera_get_display_name (camera), -1);

      adw_action_row_set_subtitle (self->webcam_row, escaped);
    }
  else if (n > 1)
    {
      adw_action_row_set_subtitle (self->webcam_row, _("Choose which one below"));
    }
  else if (lc_webcam_list_get_listed (self->webcams))
    {
      adw_action_row_set_subtitle (self->webcam_row, _("No webcam is connected"));
    }
  else if (lc_camera_monitor_is_sandboxed ())
    {
      adw_action_row_set_subtitle (self->webcam_row, _("Lightcode will ask for permission first"));
    }
  else
    {
      adw_action_row_set_subtitle (self->webcam_row, NULL);
    }
}

static void
select_last_camera (LcCameraSourceChooser *self)
{
  guint position = lc_webcam_list_get_last_position (self->webcams);

  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->camera_row, position);
}

static void
cameras_changed_cb (LcCameraSourceChooser *self)
{
  update_camera_rows (self);
}

static void
webcams_listed_cb (LcCameraSourceChooser *self)
{
  select_last_camera (self);
  update_camera_rows (self);
}

static char *
get_camera_name (LcCamera *camera)
{
  return g_strdup (camera ? lc_camera_get_display_name (camera) : "");
}

/* The picture of a webcam aimed at a device */

static void
load_guide (LcCameraSourceChooser *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (scale == self->guide_scale)
    return;
  self->guide_scale = scale;

  /* Rendered at the size shown, so it stays crisp on HiDPI screens. */
  pixbuf = gdk_pixbuf_new_from_resource_at_scale (RESOURCE_BASE_PATH "/illustrations/guide-aim-webcam.svg",
                                                  240 * scale, 180 * scale, TRUE, &error);
  if (pixbuf == NULL)
    {
      g_debug ("Cannot load the webcam guide: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->guide_picture), FALSE);
      return;
    }

  texture = gdk_texture_new_for_pixbuf (pixbuf);
  gtk_picture_set_paintable (self->guide_picture, GDK_PAINTABLE (texture));
}

/* GObject */

static void
lc_camera_source_chooser_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lc_camera_source_chooser_parent_class)->map (widget);

  load_guide (LC_CAMERA_SOURCE_CHOOSER (widget));
}

static void
lc_camera_source_chooser_dispose (GObject *object)
{
  LcCameraSourceChooser *self = LC_CAMERA_SOURCE_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_CAMERA_SOURCE_CHOOSER);
  g_clear_object (&self->webcams);

  G_OBJECT_CLASS (lc_camera_source_chooser_parent_class)->dispose (object);
}

static void
lc_camera_source_chooser_class_init (LcCameraSourceChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_camera_source_chooser_dispose;

  widget_class->map = lc_camera_source_chooser_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/lc-camera-source-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, LcCameraSourceChooser, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LcCameraSourceChooser, guide_picture);
  gtk_widget_class_bind_template_child (widget_class, LcCameraSourceChooser, last_reading_group);
  gtk_widget_class_bind_template_child (widget_class, LcCameraSourceChooser, last_reading_row);
  gtk_widget_class_bind_template_child (widget_class, LcCameraSourceChooser, last_reading_button);
  gtk_widget_class_bind_template_child (widget_class, LcCameraSourceChooser, webcam_row);
  gtk_widget_class_bind_template_child (widget_class, LcCameraSourceChooser, camera_row);
}

static void
lc_camera_source_chooser_init (LcCameraSourceChooser *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (get_camera_name), NULL, NULL);
  adw_combo_row_set_expression (self->camera_row, expression);
}

/* Public API */

GtkWidget *
lc_camera_source_chooser_new (void)
{
  return g_object_new (LC_TYPE_CAMERA_SOURCE_CHOOSER, NULL);
}

void
lc_camera_source_chooser_set_webcams (LcCameraSourceChooser *self,
                                      LcWebcamList          *webcams)
{
  g_return_if_fail (LC_IS_CAMERA_SOURCE_CHOOSER (self));
  g_return_if_fail (LC_IS_WEBCAM_LIST (webcams));
  g_return_if_fail (self->webcams == NULL);

  self->webcams = g_object_ref (webcams);
  g_signal_connect_object (lc_webcam_list_get_cameras (webcams), "items-changed",
                           G_CALLBACK (cameras_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (webcams, "notify::listed",
                           G_CALLBACK (webcams_listed_cb), self, G_CONNECT_SWAPPED);
  adw_combo_row_set_model (self->camera_row, lc_webcam_list_get_cameras (webcams));
  update_camera_rows (self);
}

LcCamera *
lc_camera_source_chooser_get_camera (LcCameraSourceChooser *self)
{
  g_return_val_if_fail (LC_IS_CAMERA_SOURCE_CHOOSER (self), NULL);

  /* With several, the one chosen in the row below the webcam's. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self->camera_row)))
    return NULL;

  return adw_combo_row_get_selected_item (self->camera_row);
}

/* One not confirmed is said to be so, and its button says that using it
 * is a choice.
 */
void
lc_camera_source_chooser_set_reading (LcCameraSourceChooser *self,
                                      LcReading             *reading)
{
  g_autofree char *description = NULL;
  gboolean confirmed;
  LcSignal signal;

  g_return_if_fail (LC_IS_CAMERA_SOURCE_CHOOSER (self));

  gtk_widget_set_visible (GTK_WIDGET (self->last_reading_group), reading != NULL);
  if (reading == NULL)
    return;

  confirmed = lc_reading_is_confirmed (reading);
  lc_reading_get_signal (reading, &signal);
  description = lc_signal_describe (&signal);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->last_reading_row), description);
  if (confirmed)
    {
      g_autofree char *sure = lc_reading_words_confidence (lc_reading_get_confidence (reading));

      adw_action_row_set_subtitle (self->last_reading_row, sure);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->last_reading_button), "camera.use");
      gtk_button_set_label (GTK_BUTTON (self->last_reading_button), _("_Use This"));
    }
  else
    {
      adw_action_row_set_subtitle (self->last_reading_row,
                                   _("Not confirmed: the pattern was not seen to repeat"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->last_reading_button),
                                      "camera.use-unconfirmed");
      /* Translators: use a reading that was not confirmed */
      gtk_button_set_label (GTK_BUTTON (self->last_reading_button), _("Use _Anyway"));
    }
}
