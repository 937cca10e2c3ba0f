/* lc-camera-page-source.c — the camera page's video source: starting, stopping, hearing it
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which webcam, video or sample is watched, what the detector is told of
 * the device, and what each of the source's signals and failures shows.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-camera-page-private.h"
#include "lc-knowledge.h"

/* Timeline strips are refreshed this often (µs), not on every frame. */
#define STRIP_INTERVAL_US (G_USEC_PER_SEC / 10)

/* Source signals */

void
_lc_camera_page_hide_starting (LcCameraPage *self)
{
  gtk_spinner_stop (self->starting_spinner);
  gtk_widget_set_visible (self->starting_box, FALSE);
}

static void
detection_changed_cb (LcCameraPage      *self,
                      const LcDetection *detection,
                      LcVideoSource     *source)
{
  g_assert (LC_IS_CAMERA_PAGE (self));

  self->detection = *detection;
  _lc_camera_page_show_detection (self);
  _lc_camera_page_update_hint (self, FALSE);
}

static void
preview_frame_cb (LcCameraPage  *self,
                  GBytes        *pixels,
                  int            width,
                  int            height,
                  int            stride,
                  gint64         pts_ns,
                  LcVideoSource *source)
{
  g_assert (LC_IS_CAMERA_PAGE (self));

  lc_camera_preview_set_frame (self->preview, pixels, width, height, stride, pts_ns);

  if (gtk_widget_get_visible (self->starting_box))
    _lc_camera_page_hide_starting (self);

  if (g_get_monotonic_time () - self->last_strip_us >= STRIP_INTERVAL_US)
    _lc_camera_page_update_strips (self);

  _lc_camera_page_update_hint (self, FALSE);
}

/* The video ended (or broke off): the last reading is the answer. */
static void
finish_run (LcCameraPage *self)
{
  LcSignal signal;

  self->finished = TRUE;
  _lc_camera_page_hide_starting (self);
  lc_video_source_get_detection (self->source, &self->detection);
  _lc_camera_page_update_strips (self);

  /* Nothing lit at all: say so on a page of its own. A light whose
   * pattern could not be read yet stays in view, with what to do.
   */
  if (!lc_detection_to_signal (&self->detection, &signal) && self->detection.n_leds == 0)
    {
      _lc_camera_page_set_view (self, LC_CAMERA_VIEW_NO_LIGHT);
      return;
    }

  _lc_camera_page_show_detection (self);
  _lc_camera_page_update_hint (self, TRUE);
  gtk_widget_set_visible (self->again_button, TRUE);
}

static void
source_eos_cb (LcCameraPage  *self,
               LcVideoSource *source)
{
  g_assert (LC_IS_CAMERA_PAGE (self));

  finish_run (self);
}

static void
show_failure (LcCameraPage *self,
              const char   *view,
              const char   *description)
{
  AdwStatusPage *page = NULL;

  if (g_str_equal (view, LC_CAMERA_VIEW_BAD_FILE))
    page = self->bad_file_page;
  else if (g_str_equal (view, LC_CAMERA_VIEW_FAILED))
    page = self->failed_page;

  if (page != NULL)
    {
      g_autofree char *text = NULL;

      if (description != NULL)
        {
          /* The description is markup: a file named "a & b" must show as it is. */
          g_autofree char *escaped = g_markup_escape_text (description, -1);

          /* Translators: %s is the reason, e.g. "“x.txt” is not a video" */
          text = g_strdup_printf (_("%s. Try another video, or describe the light yourself."), escaped);
        }
      adw_status_page_set_description (page, text);
    }

  _lc_camera_page_set_view (self, view);
}

static void
show_test_camera_failure (LcCameraPage *self,
                          const GError *error)
{
  const char *path = g_getenv ("LIGHTCODE_CAMERA");
  g_autofree char *text = NULL;

  if (path != NULL && !g_file_test (path, G_FILE_TEST_EXISTS))
    /* Translators: %s is a file path; LIGHTCODE_CAMERA names a video
     * that stands in for the webcam. Leave LIGHTCODE_CAMERA as it is. */
    text = g_strdup_printf (_("The video set as the test camera (LIGHTCODE_CAMERA) does not exist: %s"), path);
  else
    text = g_strdup (error->message);

  show_failure (self, LC_CAMERA_VIEW_FAILED, text);
}

static void
source_error_cb (LcCameraPage  *self,
                 const GError  *error,
                 LcVideoSource *source)
{
  LcSignal partial;

  g_assert (LC_IS_CAMERA_PAGE (self));

  /* A video damaged past its first seconds: what was read before the
   * damage is still worth having, as a best guess.
   */
  if (self->mode != MODE_WEBCAM &&
      g_error_matches (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO) &&
      lc_detection_to_signal (&self->detection, &partial))
    {
      _lc_camera_page_add_toast (self, error->message);
      finish_run (self);
      return;
    }

  /* The source has torn its pipeline down already; let it go. */
  _lc_camera_page_stop_watching (self);

  /* A test camera (LIGHTCODE_CAMERA) is a file: "No Webcam Found" would
   * send the person looking for a webcam. */
  if (self->mode == MODE_WEBCAM && self->camera != NULL &&
      lc_camera_get_kind (self->camera) == LC_CAMERA_KIND_FILE &&
      g_error_matches (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_FOUND))
    {
      show_test_camera_failure (self, error);
      return;
    }

  if (error->domain != LC_VIDEO_SOURCE_ERROR)
    {
      show_failure (self, LC_CAMERA_VIEW_FAILED, error->message);
      return;
    }

  switch ((LcVideoSourceError) error->code)
    {
    case LC_VIDEO_SOURCE_ERROR_PERMISSION_DENIED:
      _lc_camera_page_set_view (self, LC_CAMERA_VIEW_DENIED);
      break;

    case LC_VIDEO_SOURCE_ERROR_BUSY:
      _lc_camera_page_set_view (self, LC_CAMERA_VIEW_BUSY);
      break;

    case LC_VIDEO_SOURCE_ERROR_DISCONNECTED:
      /* Nothing is lost: the reading so far stays on the choice view. */
      _lc_camera_page_add_toast (self, _("The webcam was disconnected"));
      _lc_camera_page_set_view (self, LC_CAMERA_VIEW_CHOOSE);
      break;

    case LC_VIDEO_SOURCE_ERROR_NOT_FOUND:
      if (self->mode == MODE_WEBCAM)
        _lc_camera_page_set_view (self, LC_CAMERA_VIEW_NO_CAMERA);
      else if (self->mode == MODE_FILE)
        show_failure (self, LC_CAMERA_VIEW_BAD_FILE, error->message);
      else
        show_failure (self, LC_CAMERA_VIEW_FAILED, error->message);
      break;

    case LC_VIDEO_SOURCE_ERROR_NOT_VIDEO:
    case LC_VIDEO_SOURCE_ERROR_NO_CODEC:
      if (self->mode == MODE_FILE)
        show_failure (self, LC_CAMERA_VIEW_BAD_FILE, error->message);
      else
        show_failure (self, LC_CAMERA_VIEW_FAILED, error->message);
      break;

    case LC_VIDEO_SOURCE_ERROR_FAILED:
    default:
      show_failure (self, LC_CAMERA_VIEW_FAILED, error->message);
      break;
    }
}

/* Starting and stopping */

void
_lc_camera_page_stop_watching (LcCameraPage *self)
{
  self->webcam_pending = FALSE;
  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);

  if (self->source != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->source, self);
      lc_video_source_stop (self->source);
      g_clear_object (&self->source);
    }

  memset (&self->prior, 0, sizeof self->prior);

  /* The last picture holds on to a buffer of the pipeline: let it go. */
  lc_camera_preview_clear (self->preview);
  _lc_camera_page_hide_starting (self);
  _lc_camera_page_update_last_reading (self);
}

void
_lc_camera_page_reset_watching_view (LcCameraPage *self,
                                     const char   *starting_text)
{
  memset (&self->detection, 0, sizeof self->detection);
  self->finished = FALSE;
  self->last_strip_us = 0;
  self->last_hint_us = 0;
  g_clear_pointer (&self->announcement, g_free);

  lc_camera_preview_clear (self->preview);
  lc_camera_light_list_clear (self->light_list);
  gtk_widget_set_visible (self->hint_box, FALSE);
  gtk_widget_set_visible (self->again_button, FALSE);
  gtk_widget_set_sensitive (self->use_button, FALSE);
  gtk_widget_set_visible (self->use_unconfirmed_button, FALSE);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->status_label),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->use_button),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  gtk_label_set_label (self->starting_label, starting_text);
  gtk_widget_set_visible (self->starting_box, TRUE);
  gtk_spinner_start (self->starting_spinner);

  _lc_camera_page_set_status (self, _("Looking for a light…"), NULL);
  _lc_camera_page_update_device_chooser (self);
  _lc_camera_page_set_view (self, LC_CAMERA_VIEW_WATCHING);
}

/* The device the light belongs to: chosen on this page, or before, in the
 * picker (LcCameraPage:device-id). */
const char *
_lc_camera_page_get_device_id (LcCameraPage *self)
{
  if (self->device_chooser != NULL &&
      gtk_widget_get_visible (GTK_WIDGET (self->device_chooser)) &&
      lc_device_chooser_get_device_id (self->device_chooser) != NULL)
    return lc_device_chooser_get_device_id (self->device_chooser);

  return self->known_device_id;
}

static void
device_chosen_cb (LcCameraPage    *self,
                  const char      *device_id,
                  LcDeviceChooser *chooser)
{
  /* The detector starts again with what this device can show. */
  _lc_camera_page_apply_device_prior (self);
}

/* Coming straight in, the page asks which device it is; coming from a
 * device's page, it knows. */
void
_lc_camera_page_update_device_chooser (LcCameraPage *self)
{
  gboolean ask = self->known_device_id == NULL;

  if (ask && self->device_chooser == NULL)
    {
      self->device_chooser = LC_DEVICE_CHOOSER (lc_device_chooser_new ());
      g_signal_connect_object (self->device_chooser, "device-chosen",
                               G_CALLBACK (device_chosen_cb), self, G_CONNECT_SWAPPED);
      gtk_grid_attach (GTK_GRID (self->watch_grid), GTK_WIDGET (self->device_chooser), 0, 0, 1, 1);
    }

  if (self->device_chooser != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->device_chooser), ask);
}

/* When the device is known, the detector is told what its lights can do:
 * how many there are and their colours (see lc_led_detector_set_prior()).
 */
void
_lc_camera_page_apply_device_prior (LcCameraPage *self)
{
  const char *device_id = _lc_camera_page_get_device_id (self);
  LcDevice *device = NULL;
  LcLedPrior prior;

  if (self->source == NULL)
    return;
  if (device_id != NULL)
    device = lc_knowledge_lookup_device (lc_knowledge_get_default (), device_id);
  if (device == NULL)
    {
      memset (&self->prior, 0, sizeof self->prior);
      lc_video_source_set_led_prior (self->source, NULL);
      return;
    }

  lc_led_prior_init_for_device (&prior, device);
  self->prior = prior;
  lc_video_source_set_led_prior (self->source, &prior);
}

/* The preview is converted no larger than it is drawn. */
void
_lc_camera_page_apply_preview_size (LcCameraPage *self)
{
  int width, height;

  if (self->source == NULL)
    return;

  lc_camera_preview_get_pixel_size (self->preview, &width, &height);
  lc_video_source_set_preview_size (self->source, width, height);
}

void
_lc_camera_page_start_source (LcCameraPage  *self,
                              LcVideoSource *source,
                              Mode           mode)
{
  g_assert (LC_IS_VIDEO_SOURCE (source));

  g_clear_object (&self->source);
  self->source = source;
  self->mode = mode;

  g_signal_connect_object (source, "detection-changed",
                           G_CALLBACK (detection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "preview-frame",
                           G_CALLBACK (preview_frame_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "eos",
                           G_CALLBACK (source_eos_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "error",
                           G_CALLBACK (source_error_cb), self, G_CONNECT_SWAPPED);

  _lc_camera_page_apply_device_prior (self);
  _lc_camera_page_apply_preview_size (self);
  lc_video_source_start (source);
}

/* The webcam */

void
_lc_camera_page_start_picked_camera (LcCameraPage *self)
{
  LcCamera *preferred = NULL;
  g_autoptr(LcCamera) camera = NULL;
  LcVideoSource *source;

  self->webcam_pending = FALSE;

  /* With several, the one chosen in the row below the webcam's. */
  preferred = lc_camera_source_chooser_get_camera (self->source_chooser);

  camera = lc_webcam_list_pick (self->webcams, preferred);
  if (camera == NULL)
    {
      _lc_camera_page_hide_starting (self);
      _lc_camera_page_set_view (self, LC_CAMERA_VIEW_NO_CAMERA);
      return;
    }

  g_set_object (&self->camera, camera);
  gtk_label_set_label (self->starting_label, _("Starting the webcam…"));
  source = lc_video_source_new_for_camera (camera);
  /* Where the webcam has the controls (V4L2 outside Flatpak): fixed
   * exposure and white balance, and the mains frequency, so neither
   * auto-exposure nor lamp flicker looks like blinking; they are given
   * back when watching stops.
   */
  lc_video_source_set_steady_camera (source, TRUE);
  _lc_camera_page_start_source (self, source, MODE_WEBCAM);
}

static void
webcams_listed_for_start_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(LcCameraPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lc_webcam_list_list_finish (LC_WEBCAM_LIST (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_debug ("Cannot list cameras: %s", error->message);
      if (!self->webcam_pending)
        return;

      self->webcam_pending = FALSE;
      _lc_camera_page_hide_starting (self);
      if (g_error_matches (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_PERMISSION_DENIED))
        _lc_camera_page_set_view (self, LC_CAMERA_VIEW_DENIED);
      else if (g_error_matches (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_FOUND))
        _lc_camera_page_set_view (self, LC_CAMERA_VIEW_NO_CAMERA);
      else
        show_failure (self, LC_CAMERA_VIEW_FAILED, error->message);
      return;
    }

  g_clear_object (&self->list_cancellable);

  if (self->webcam_pending)
    _lc_camera_page_start_picked_camera (self);
}

void
_lc_camera_page_list_webcams (LcCameraPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->list_cancellable != NULL)
    return; /* already on its way */

  self->list_cancellable = g_cancellable_new ();
  lc_webcam_list_list_async (self->webcams, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                             self->list_cancellable, webcams_listed_for_start_cb, g_object_ref (self));
}
