/* lc-camera-page.c — watch the light: webcam, video file or sample, read live
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page owns at most one LcVideoSource at a time. It starts one only
 * when the person asks (or `lightcode --camera` does), and drops it as soon
 * as the page is left, the window is minimised or hidden: no camera stays
 * on behind their back, and no frame is ever written anywhere.
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lc-breakpoint-bin.h"
#include "lc-camera-light-list.h"
#include "lc-camera-page.h"
#include "lc-camera-preview.h"
#include "lc-camera-source-chooser.h"
#include "lc-device-chooser.h"
#include "lc-diagnosis.h"
#include "lc-knowledge.h"
#include "lc-led-prior.h"
#include "lc-reading-words.h"
#include "lc-pages.h"
#include "lc-video-file-dialog.h"
#include "lc-webcam-list.h"

/* Timeline strips are refreshed this often (µs), not on every frame. */
#define STRIP_INTERVAL_US (G_USEC_PER_SEC / 10)
/* Picture hints are re-evaluated this often (µs). */
#define HINT_INTERVAL_US  G_USEC_PER_SEC
/* Mean brightness below / above which the picture is too dark / bright. */
#define TOO_DARK          0.08
#define TOO_BRIGHT        0.85
/* A light lit over fewer pixels (radius) than this is too small to read well. */
#define TOO_SMALL_PX      1.5
/* From this width the reading goes beside the picture, not under it. */
#define WIDE_WIDTH        860
/* Below this width the buttons under the picture are stacked. */
#define STACKED_BUTTONS_WIDTH 520
/* The narrowest the page can be laid out (the stacked layout). */
#define MIN_WIDTH         320
/* Width of the column beside the picture. */
#define SIDE_WIDTH        340

typedef enum
{
  LAYOUT_WIDE,            /* picture left, reading and buttons right */
  LAYOUT_NARROW,          /* reading and buttons under the picture */
  LAYOUT_NARROW_STACKED,  /* the same, buttons one above the other */
} Layout;

typedef enum
{
  MODE_NONE,
  MODE_WEBCAM,
  MODE_FILE,
  MODE_SAMPLE,
} Mode;

struct _LcCameraPage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  LcBreakpointBin  *breakpoint_bin;
  GtkStack         *stack;
  LcCameraSourceChooser *source_chooser;
  GtkWidget        *watch_grid;
  GtkWidget        *preview_overlay;
  GtkWidget        *status_box;
  GtkBox           *watch_buttons;
  GtkLabel         *status_label;
  GtkLabel         *detail_label;
  LcCameraPreview  *preview;
  GtkWidget        *starting_box;
  GtkSpinner       *starting_spinner;
  GtkLabel         *starting_label;
  GtkWidget        *hint_box;
  GtkLabel         *hint_label;
  LcCameraLightList *light_list;
  GtkWidget        *again_button;
  GtkWidget        *use_button;
  GtkWidget        *use_unconfirmed_button;
  AdwStatusPage    *bad_file_page;
  AdwStatusPage    *failed_page;

  /* Owned references */
  GSettings        *settings;
  LcDeviceChooser  *device_chooser;  /* "Which device is it?"; NULL until needed */
  LcWebcamList     *webcams;
  GCancellable     *list_cancellable; /* listing the webcams to watch with one */
  LcVideoSource    *source;
  LcCamera         *camera;          /* MODE_WEBCAM: the one being watched */
  GFile            *file;            /* MODE_FILE: what to play again */
  char             *status;
  char             *known_device_id; /* chosen before, in the picker (LcCameraPage:device-id) */
  char             *announcement;

  /* Borrowed references */
  GtkWidget        *parent_stack;    /* the window's stack, while mapped */
  GdkSurface       *surface;         /* our toplevel, while mapped */

  Mode              mode;
  gboolean          webcam_pending;  /* start the webcam once the webcams are listed */
  gboolean          resume;          /* restart when the window comes back */
  gboolean          finished;        /* a file played to its end */
  int               layout;          /* LAYOUT_*, for the breakpoint bin's size class */

  LcDetection       detection;
  LcLedPrior        prior;           /* last handed to the source; n_lights 0: none */
  gint64            last_strip_us;
  gint64            last_hint_us;

  /* The latest reading with a light in it, kept when watching stops */
  LcReading        *reading;
};

G_DEFINE_FINAL_TYPE (LcCameraPage, lc_camera_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_STATUS,
  PROP_DEVICE_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  READING_CHOSEN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void start_source (LcCameraPage  *self,
                          LcVideoSource *source,
                          Mode           mode);
static void stop_watching (LcCameraPage *self);
static void update_device_chooser (LcCameraPage *self);

/* @text is plain text: toast titles are markup, and file names may hold "&". */
static void
add_toast (LcCameraPage *self,
           const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  lc_page_add_toast (GTK_WIDGET (self), adw_toast_new (escaped));
}

/* Views and the status line */

static void
set_view (LcCameraPage *self,
          const char   *view)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), view) == 0)
    return;

  gtk_stack_set_visible_child_name (self->stack, view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
set_status (LcCameraPage *self,
            const char   *status,
            const char   *detail)
{
  gtk_label_set_label (self->detail_label, detail ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL && *detail != '\0');

  if (g_strcmp0 (status, self->status) == 0)
    return;

  g_free (self->status);
  self->status = g_strdup (status);
  gtk_label_set_label (self->status_label, status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/* Tells screen readers the confirmed reading, once per reading. */
static void
announce (LcCameraPage *self,
          const char   *text)
{
  if (g_strcmp0 (text, self->announcement) == 0)
    return;

  g_free (self->announcement);
  self->announcement = g_strdup (text);

#if GTK_CHECK_VERSION (4, 14, 0)
  gtk_accessible_announce (GTK_ACCESSIBLE (self), text, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#endif
  /* GTK 4.8 cannot announce: the status line and the button that acts on
   * it carry the reading in their description instead.
   */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->use_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* The one rule for "confirmed" on this page, for the headline, the rows
 * and Use This alike: the reading's (lc-reading.h).
 */
/* The last reading, offered on the choice view, and which of Use This or
 * Use Anyway takes it.
 */
static void
update_last_reading (LcCameraPage *self)
{
  gboolean confirmed = self->reading != NULL && lc_reading_is_confirmed (self->reading);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "camera.use", self->reading != NULL && confirmed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "camera.use-unconfirmed",
                                 self->reading != NULL && !confirmed);
  lc_camera_source_chooser_set_reading (self->source_chooser, self->reading);
}

/* The headline, and whether the reading may be used. The rows under the
 * preview are worded by the same rule (lc_reading_words_for_row()) from
 * the same detection, so they always agree with it.
 */
static void
update_status (LcCameraPage *self,
               LcReading    *reading)
{
  gboolean confirmed = lc_reading_is_confirmed (reading);
  g_autofree char *status = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *spoken = NULL;
  LcSignal signal;

  lc_reading_get_signal (reading, &signal);
  if (signal.n_lights > 0)
    {
      g_set_object (&self->reading, reading);
      update_last_reading (self);
    }

  status = lc_reading_words_status (&self->detection, &signal, confirmed,
                                    lc_reading_get_confidence (reading),
                                    self->finished, self->mode == MODE_WEBCAM,
                                    &detail, &spoken);
  if (spoken != NULL)
    announce (self, spoken);
  set_status (self, status, detail);

  /* Only a confirmed reading is offered as the answer; a first one only
   * through the secondary button, which says what it is. */
  gtk_widget_set_sensitive (self->use_button, confirmed);
  gtk_widget_set_visible (self->use_unconfirmed_button, signal.n_lights > 0 && !confirmed);
}

/* Hints about the picture itself */

static void
update_hint (LcCameraPage *self,
             gboolean      force)
{
  gint64 now = g_get_monotonic_time ();
  double brightness;
  const char *hint = NULL;
  gboolean small = FALSE;

  if (!force && now - self->last_hint_us < HINT_INTERVAL_US)
    return;
  self->last_hint_us = now;

  brightness = lc_camera_preview_get_mean_brightness (self->preview);

  for (guint i = 0; i < self->detection.n_leds; i++)
    {
      const LcDetectedLed *led = &self->detection.leds[i];

      if (led->kind != LC_DETECTED_NONE &&
          led->radius * self->detection.frame_width < TOO_SMALL_PX)
        small = TRUE;
    }

  if (self->finished)
    hint = NULL;
  else if (brightness >= 0 && brightness < TOO_DARK)
    hint = self->mode == MODE_WEBCAM
      ? _("The picture is very dark. Check that nothing covers the webcam; if the light does not show up, turn on a lamp that does not shine on the device.")
      : _("The picture is very dark. If the light is hard to see, film it again with a little more light in the room.");
  else if (brightness > TOO_BRIGHT)
    hint = self->mode == MODE_WEBCAM
      ? _("The picture is very bright. Dim the room or turn the webcam away from windows and lamps.")
      : _("The picture is very bright, which can hide the light. Film it again in a dimmer room.");
  else if (small)
    hint = self->mode == MODE_WEBCAM
      ? _("The light looks very small. Move the webcam closer, so the device fills most of the picture.")
      : _("The light looks very small. Film it again from closer, so the device fills most of the picture.");

  gtk_label_set_label (self->hint_label, hint ? hint : "");
  gtk_widget_set_visible (self->hint_box, hint != NULL);
}

/* The lights under the preview, each with its timeline */

static void
update_strips (LcCameraPage *self)
{
  self->last_strip_us = g_get_monotonic_time ();

  if (self->source != NULL)
    lc_camera_light_list_update_timelines (self->light_list, self->source, self->detection.pts_ns);
}

/* The preview numbers its rings as the list numbers its rows. */
static void
update_rows (LcCameraPage *self,
             gboolean      confirmed)
{
  LcDetection ordered;

  lc_camera_light_list_set_detection (self->light_list, &self->detection,
                                      confirmed, self->finished, &ordered);
  lc_camera_preview_set_detection (self->preview, &ordered);
  update_strips (self);
}

/* The rows, the headline and what may be used, from one reading of
 * self->detection.
 */
static void
show_detection (LcCameraPage *self)
{
  g_autoptr(LcReading) reading = lc_detection_to_reading (&self->detection,
                                                          self->mode == MODE_WEBCAM ? LC_SIGNAL_SOURCE_CAMERA
                                                                                    : LC_SIGNAL_SOURCE_VIDEO);

  update_rows (self, lc_reading_is_confirmed (reading));
  update_status (self, reading);
}

/* Source signals */

static void
hide_starting (LcCameraPage *self)
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
  show_detection (self);
  update_hint (self, FALSE);
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
    hide_starting (self);

  if (g_get_monotonic_time () - self->last_strip_us >= STRIP_INTERVAL_US)
    update_strips (self);

  update_hint (self, FALSE);
}

/* The video ended (or broke off): the last reading is the answer. */
static void
finish_run (LcCameraPage *self)
{
  LcSignal signal;

  self->finished = TRUE;
  hide_starting (self);
  lc_video_source_get_detection (self->source, &self->detection);
  update_strips (self);

  /* Nothing lit at all: say so on a page of its own. A light whose
   * pattern could not be read yet stays in view, with what to do.
   */
  if (!lc_detection_to_signal (&self->detection, &signal) && self->detection.n_leds == 0)
    {
      set_view (self, LC_CAMERA_VIEW_NO_LIGHT);
      return;
    }

  show_detection (self);
  update_hint (self, TRUE);
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

  set_view (self, view);
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
      add_toast (self, error->message);
      finish_run (self);
      return;
    }

  /* The source has torn its pipeline down already; let it go. */
  stop_watching (self);

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
      set_view (self, LC_CAMERA_VIEW_DENIED);
      break;

    case LC_VIDEO_SOURCE_ERROR_BUSY:
      set_view (self, LC_CAMERA_VIEW_BUSY);
      break;

    case LC_VIDEO_SOURCE_ERROR_DISCONNECTED:
      /* Nothing is lost: the reading so far stays on the choice view. */
      add_toast (self, _("The webcam was disconnected"));
      set_view (self, LC_CAMERA_VIEW_CHOOSE);
      break;

    case LC_VIDEO_SOURCE_ERROR_NOT_FOUND:
      if (self->mode == MODE_WEBCAM)
        set_view (self, LC_CAMERA_VIEW_NO_CAMERA);
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

static void
stop_watching (LcCameraPage *self)
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
  hide_starting (self);
  update_last_reading (self);
}

static void
reset_watching_view (LcCameraPage *self,
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

  set_status (self, _("Looking for a light…"), NULL);
  update_device_chooser (self);
  set_view (self, LC_CAMERA_VIEW_WATCHING);
}

/* The device the light belongs to: chosen on this page, or before, in the
 * picker (LcCameraPage:device-id). */
static const char *
get_device_id (LcCameraPage *self)
{
  if (self->device_chooser != NULL &&
      gtk_widget_get_visible (GTK_WIDGET (self->device_chooser)) &&
      lc_device_chooser_get_device_id (self->device_chooser) != NULL)
    return lc_device_chooser_get_device_id (self->device_chooser);

  return self->known_device_id;
}

static void apply_device_prior (LcCameraPage *self);

static void
device_chosen_cb (LcCameraPage    *self,
                  const char      *device_id,
                  LcDeviceChooser *chooser)
{
  /* The detector starts again with what this device can show. */
  apply_device_prior (self);
}

/* Coming straight in, the page asks which device it is; coming from a
 * device's page, it knows. */
static void
update_device_chooser (LcCameraPage *self)
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
static void
apply_device_prior (LcCameraPage *self)
{
  const char *device_id = get_device_id (self);
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
static void
apply_preview_size (LcCameraPage *self)
{
  int width, height;

  if (self->source == NULL)
    return;

  lc_camera_preview_get_pixel_size (self->preview, &width, &height);
  lc_video_source_set_preview_size (self->source, width, height);
}

static void
start_source (LcCameraPage  *self,
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

  apply_device_prior (self);
  apply_preview_size (self);
  lc_video_source_start (source);
}

/* The webcam */

static void
start_picked_camera (LcCameraPage *self)
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
      hide_starting (self);
      set_view (self, LC_CAMERA_VIEW_NO_CAMERA);
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
  start_source (self, source, MODE_WEBCAM);
}

static void
cameras_changed_cb (LcCameraPage *self,
                    guint         position,
                    guint         removed,
                    guint         added,
                    GListModel   *cameras)
{
  /* A webcam was plugged in while we said there was none. */
  if (added > 0 && g_strcmp0 (lc_camera_page_get_view (self), LC_CAMERA_VIEW_NO_CAMERA) == 0)
    set_view (self, LC_CAMERA_VIEW_CHOOSE);
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
      hide_starting (self);
      if (g_error_matches (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_PERMISSION_DENIED))
        set_view (self, LC_CAMERA_VIEW_DENIED);
      else if (g_error_matches (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_FOUND))
        set_view (self, LC_CAMERA_VIEW_NO_CAMERA);
      else
        show_failure (self, LC_CAMERA_VIEW_FAILED, error->message);
      return;
    }

  g_clear_object (&self->list_cancellable);

  if (self->webcam_pending)
    start_picked_camera (self);
}

static void
list_webcams (LcCameraPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->list_cancellable != NULL)
    return; /* already on its way */

  self->list_cancellable = g_cancellable_new ();
  lc_webcam_list_list_async (self->webcams, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                             self->list_cancellable, webcams_listed_for_start_cb, g_object_ref (self));
}

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
static void
restart_source (LcCameraPage *self)
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
  restart_source (LC_CAMERA_PAGE (widget));
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

  if (get_device_id (self) != NULL && self->known_device_id == NULL)
    gtk_widget_activate_action (widget, LC_ACTION_OPEN_DEVICE, "s", get_device_id (self));
  else
    lc_page_push (widget, self->known_device_id != NULL ? LC_PAGE_MATCH : LC_PAGE_DEVICES);
}

/* Hand-off: the reading goes to the match page of the device */

static void
hand_off (LcCameraPage *self,
          const char   *device_id)
{
  if (self->reading == NULL)
    return;

  /* Confirmed or not, the reading says so to the pages after this one. */
  g_signal_emit (self, signals[READING_CHOSEN], 0, device_id, self->reading);
}

static void
device_row_activated_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         LcCameraPage  *self)
{
  const char *device_id = g_object_get_data (G_OBJECT (row), "lc-device-id");
  GtkRoot *dialog = gtk_widget_get_root (GTK_WIDGET (list));

  hand_off (self, device_id);
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

  device_id = get_device_id (self);
  if (device_id != NULL)
    hand_off (self, device_id);
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

/* Leaving: the page, or the window */

static void
pause_for_later (LcCameraPage *self)
{
  if (self->source == NULL && !self->webcam_pending)
    return;

  if (self->finished)
    return;

  self->resume = TRUE;
  stop_watching (self);
  set_status (self, _("Paused while the window is hidden"), NULL);
}

static void
resume_if_paused (LcCameraPage *self)
{
  if (!self->resume)
    return;

  self->resume = FALSE;
  restart_source (self);
}

static void
toplevel_state_changed_cb (LcCameraPage *self,
                           GParamSpec   *pspec,
                           GdkToplevel  *toplevel)
{
  GdkToplevelState state = gdk_toplevel_get_state (toplevel);

  if (state & GDK_TOPLEVEL_STATE_MINIMIZED)
    pause_for_later (self);
  else
    resume_if_paused (self);
}

static void
leave (LcCameraPage *self)
{
  self->resume = FALSE;

  if (self->source == NULL && !self->webcam_pending)
    return;

  stop_watching (self);
  set_view (self, LC_CAMERA_VIEW_CHOOSE);
}

static void
parent_visible_child_changed_cb (LcCameraPage *self,
                                 GParamSpec   *pspec,
                                 GtkStack     *stack)
{
  if (gtk_stack_get_visible_child (stack) != GTK_WIDGET (self))
    leave (self);
}

static void
lc_camera_page_map (GtkWidget *widget)
{
  LcCameraPage *self = LC_CAMERA_PAGE (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GtkNative *native;

  GTK_WIDGET_CLASS (lc_camera_page_parent_class)->map (widget);

  if (GTK_IS_STACK (parent))
    {
      self->parent_stack = parent;
      g_signal_connect_object (parent, "notify::visible-child",
                               G_CALLBACK (parent_visible_child_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  native = gtk_widget_get_native (widget);
  self->surface = native ? gtk_native_get_surface (native) : NULL;
  if (GDK_IS_TOPLEVEL (self->surface))
    g_signal_connect_object (self->surface, "notify::state",
                             G_CALLBACK (toplevel_state_changed_cb), self,
                             G_CONNECT_SWAPPED);

  lc_webcam_list_list_quietly (self->webcams);
}

static void
lc_camera_page_unmap (GtkWidget *widget)
{
  LcCameraPage *self = LC_CAMERA_PAGE (widget);

  if (self->parent_stack != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->parent_stack, parent_visible_child_changed_cb, self);
      self->parent_stack = NULL;
    }

  if (self->surface != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->surface, toplevel_state_changed_cb, self);
      self->surface = NULL;
    }

  /* Hidden with the window, or the page left: the camera goes off. */
  leave (self);

  GTK_WIDGET_CLASS (lc_camera_page_parent_class)->unmap (widget);
}

/* Layout */

static void
place_span (GtkWidget *child,
            int        column,
            int        row,
            int        row_span)
{
  GtkLayoutManager *manager = gtk_widget_get_layout_manager (gtk_widget_get_parent (child));
  GtkGridLayoutChild *layout_child =
    GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (manager, child));

  gtk_grid_layout_child_set_column (layout_child, column);
  gtk_grid_layout_child_set_row (layout_child, row);
  gtk_grid_layout_child_set_row_span (layout_child, row_span);
}

static void
place (GtkWidget *child,
       int        column,
       int        row)
{
  place_span (child, column, row, 1);
}

static void
set_layout (LcCameraPage *self,
            Layout        layout)
{
  gboolean wide = layout == LAYOUT_WIDE;
  gboolean stacked = layout != LAYOUT_NARROW;

  if (self->layout == (int) layout)
    return;
  self->layout = layout;

  /* Wide: the picture with its timelines under it, the reading and what
   * to do with it in a column beside. Narrow: all under the picture.
   */
  /* "Which device is it?" goes above the picture (row 0, empty when it
   * is not asked: empty rows take no room). */
  place (self->preview_overlay, 0, 1);
  if (wide)
    place_span (self->status_box, 1, 0, 2);
  else
    place (self->status_box, 0, 2);
  place (GTK_WIDGET (self->light_list), 0, wide ? 2 : 3);
  gtk_widget_set_size_request (self->status_box, wide ? SIDE_WIDTH : -1, -1);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->watch_buttons),
                                  stacked ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_halign (GTK_WIDGET (self->watch_buttons), stacked ? GTK_ALIGN_FILL : GTK_ALIGN_END);
  /* The main action comes first when stacked, last in a row. */
  if (stacked)
    gtk_box_reorder_child_after (self->watch_buttons, self->use_button, NULL);
  else
    gtk_box_reorder_child_after (self->watch_buttons, self->use_button, self->again_button);
}

static void
size_class_changed_cb (LcCameraPage *self)
{
  static const Layout layouts[] = { LAYOUT_NARROW_STACKED, LAYOUT_NARROW, LAYOUT_WIDE };

  set_layout (self, layouts[lc_breakpoint_bin_get_size_class (self->breakpoint_bin)]);
}

/* GObject */

static void
lc_camera_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LcCameraPage *self = LC_CAMERA_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, lc_camera_page_get_view (self));
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_DEVICE_ID:
      g_value_set_string (value, self->known_device_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_camera_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LcCameraPage *self = LC_CAMERA_PAGE (object);

  switch (prop_id)
    {
    case PROP_DEVICE_ID:
      lc_camera_page_set_device_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_camera_page_dispose (GObject *object)
{
  LcCameraPage *self = LC_CAMERA_PAGE (object);

  if (self->source != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->source, self);
      lc_video_source_stop (self->source);
      g_clear_object (&self->source);
    }

  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  g_clear_object (&self->webcams);
  g_clear_object (&self->reading);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_CAMERA_PAGE);
  /* It was the grid's. */
  self->device_chooser = NULL;

  G_OBJECT_CLASS (lc_camera_page_parent_class)->dispose (object);
}

static void
lc_camera_page_finalize (GObject *object)
{
  LcCameraPage *self = LC_CAMERA_PAGE (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->camera);
  g_clear_object (&self->file);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->known_device_id, g_free);
  g_clear_pointer (&self->announcement, g_free);

  G_OBJECT_CLASS (lc_camera_page_parent_class)->finalize (object);
}

static void
lc_camera_page_class_init (LcCameraPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_camera_page_dispose;
  object_class->finalize = lc_camera_page_finalize;
  object_class->get_property = lc_camera_page_get_property;
  object_class->set_property = lc_camera_page_set_property;

  widget_class->map = lc_camera_page_map;
  widget_class->unmap = lc_camera_page_unmap;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  properties [PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LcCameraPage:device-id:
   *
   * The device chosen before coming here (in the picker), or %NULL: then
   * the page asks which device it is.
   */
  properties [PROP_DEVICE_ID] =
    g_param_spec_string ("device-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LcCameraPage::reading-chosen:
   * @device_id: the device the light belongs to
   * @reading: the reading, confirmed or not (it says which)
   *
   * The person took the reading (Use This, or Use Anyway): the window
   * shows it on the device's match page.
   */
  signals [READING_CHOSEN] =
    g_signal_new ("reading-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, LC_TYPE_READING);

  g_type_ensure (LC_TYPE_BREAKPOINT_BIN);
  g_type_ensure (LC_TYPE_CAMERA_LIGHT_LIST);
  g_type_ensure (LC_TYPE_CAMERA_PREVIEW);
  g_type_ensure (LC_TYPE_CAMERA_SOURCE_CHOOSER);

  gtk_widget_class_set_css_name (widget_class, "lc-camera-page");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/lc-camera-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, breakpoint_bin);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, source_chooser);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, watch_grid);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, preview_overlay);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, watch_buttons);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, preview);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, starting_box);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, starting_spinner);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, starting_label);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, hint_box);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, light_list);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, again_button);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, use_button);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, use_unconfirmed_button);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, bad_file_page);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, failed_page);
  gtk_widget_class_bind_template_callback (widget_class, size_class_changed_cb);
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

static void
lc_camera_page_init (LcCameraPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Wide until the first allocation decides. */
  self->layout = -1;
  lc_breakpoint_bin_set_breakpoints (self->breakpoint_bin,
                                     (const int[]) { STACKED_BUTTONS_WIDTH, WIDE_WIDTH }, 2);
  lc_breakpoint_bin_set_min_width (self->breakpoint_bin, MIN_WIDTH);
  size_class_changed_cb (self);
  self->settings = g_settings_new (BASE_APP_ID);
  self->webcams = lc_webcam_list_new (self->settings);
  g_signal_connect_object (lc_webcam_list_get_cameras (self->webcams), "items-changed",
                           G_CALLBACK (cameras_changed_cb), self, G_CONNECT_SWAPPED);
  lc_camera_source_chooser_set_webcams (self->source_chooser, self->webcams);
  self->status = g_strdup (gtk_label_get_label (self->status_label));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "camera.use", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "camera.use-unconfirmed", FALSE);
  hide_starting (self);

  g_signal_connect_object (self->preview, "notify::pixel-width",
                           G_CALLBACK (apply_preview_size), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "notify::pixel-height",
                           G_CALLBACK (apply_preview_size), self, G_CONNECT_SWAPPED);
}

/* Public API */

/**
 * lc_camera_page_set_device_id:
 * @device_id: (nullable): the device chosen before, or %NULL
 *
 * Tells the page which device it is looking at, so that it reads the
 * light with what that device can show instead of asking.
 */
void
lc_camera_page_set_device_id (LcCameraPage *self,
                              const char   *device_id)
{
  g_return_if_fail (LC_IS_CAMERA_PAGE (self));

  if (g_strcmp0 (self->known_device_id, device_id) == 0)
    return;

  g_free (self->known_device_id);
  self->known_device_id = g_strdup (device_id);
  update_device_chooser (self);
  apply_device_prior (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVICE_ID]);
}

GtkWidget *
lc_camera_page_new (void)
{
  return g_object_new (LC_TYPE_CAMERA_PAGE, NULL);
}

/**
 * lc_camera_page_start_webcam:
 *
 * Starts watching the webcam. Inside Flatpak this is when the camera
 * portal asks the person for access.
 */
void
lc_camera_page_start_webcam (LcCameraPage *self)
{
  g_return_if_fail (LC_IS_CAMERA_PAGE (self));

  stop_watching (self);
  self->mode = MODE_WEBCAM;
  self->resume = FALSE;
  reset_watching_view (self, _("Opening the webcam…"));

  if (lc_webcam_list_get_listed (self->webcams))
    {
      start_picked_camera (self);
      return;
    }

  self->webcam_pending = TRUE;
  list_webcams (self);
}

/**
 * lc_camera_page_open_file:
 * @file: a video
 *
 * Plays @file in real time and reads the light in it.
 */
void
lc_camera_page_open_file (LcCameraPage *self,
                          GFile        *file)
{
  g_autoptr(GFile) keep = NULL;

  g_return_if_fail (LC_IS_CAMERA_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  keep = g_object_ref (file);
  stop_watching (self);
  self->resume = FALSE;
  g_set_object (&self->file, keep);
  reset_watching_view (self, _("Opening the video…"));
  start_source (self, lc_video_source_new_for_file (keep, TRUE), MODE_FILE);
}

/**
 * lc_camera_page_start_sample:
 *
 * Plays the bundled sample clip.
 */
void
lc_camera_page_start_sample (LcCameraPage *self)
{
  g_return_if_fail (LC_IS_CAMERA_PAGE (self));

  stop_watching (self);
  self->resume = FALSE;
  reset_watching_view (self, _("Opening the sample video…"));
  start_source (self, lc_video_source_new_for_sample (), MODE_SAMPLE);
}

void
lc_camera_page_stop (LcCameraPage *self)
{
  g_return_if_fail (LC_IS_CAMERA_PAGE (self));

  self->resume = FALSE;
  stop_watching (self);
  set_view (self, LC_CAMERA_VIEW_CHOOSE);
}

const char *
lc_camera_page_get_view (LcCameraPage *self)
{
  g_return_val_if_fail (LC_IS_CAMERA_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
lc_camera_page_get_status (LcCameraPage *self)
{
  g_return_val_if_fail (LC_IS_CAMERA_PAGE (self), NULL);

  return self->status;
}

const char *
lc_camera_page_get_announcement (LcCameraPage *self)
{
  g_return_val_if_fail (LC_IS_CAMERA_PAGE (self), NULL);

  return self->announcement;
}

gboolean
lc_camera_page_get_reading (LcCameraPage *self,
                            LcSignal     *out_signal,
                            double       *out_confidence,
                            gboolean     *out_confirmed)
{
  g_return_val_if_fail (LC_IS_CAMERA_PAGE (self), FALSE);

  if (out_signal != NULL)
    {
      if (self->reading != NULL)
        lc_reading_get_signal (self->reading, out_signal);
      else
        lc_signal_init_off (out_signal);
    }
  if (out_confidence != NULL)
    *out_confidence = self->reading != NULL ? lc_reading_get_confidence (self->reading) : 0.0;
  if (out_confirmed != NULL)
    *out_confirmed = self->reading != NULL && lc_reading_is_confirmed (self->reading);

  return self->reading != NULL;
}

LcVideoSource *
lc_camera_page_get_source (LcCameraPage *self)
{
  g_return_val_if_fail (LC_IS_CAMERA_PAGE (self), NULL);

  return self->source;
}

/**
 * lc_camera_page_get_led_prior:
 * @out_prior: (out): what the detector was last told of the device
 *
 * Returns: %TRUE if the source watching now was given a device prior
 */
gboolean
lc_camera_page_get_led_prior (LcCameraPage *self,
                              LcLedPrior   *out_prior)
{
  g_return_val_if_fail (LC_IS_CAMERA_PAGE (self), FALSE);
  g_return_val_if_fail (out_prior != NULL, FALSE);

  *out_prior = self->prior;

  return self->source != NULL && self->prior.n_lights > 0;
}
