/* lc-camera-page-reading.c — what the camera page shows of the light it reads
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The headline and its detail, what is told to screen readers, hints about
 * the picture, and the lights under the preview: all from one reading of
 * the latest detection, so they always agree.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-camera-page-private.h"
#include "lc-reading-words.h"

/* Picture hints are re-evaluated this often (µs). */
#define HINT_INTERVAL_US  G_USEC_PER_SEC
/* Mean brightness below / above which the picture is too dark / bright. */
#define TOO_DARK          0.08
#define TOO_BRIGHT        0.85
/* A light lit over fewer pixels (radius) than this is too small to read well. */
#define TOO_SMALL_PX      1.5

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
void
_lc_camera_page_update_last_reading (LcCameraPage *self)
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
      _lc_camera_page_update_last_reading (self);
    }
  else if (self->detection.n_leds > 0 && self->reading != NULL)
    {
      /* The light is still in view, but what was read of it no longer
       * stands (a blink turned out to be a burst, whose blinks are being
       * counted): it is not offered any more.
       */
      g_clear_object (&self->reading);
      _lc_camera_page_update_last_reading (self);
    }

  status = lc_reading_words_status (&self->detection, &signal, confirmed,
                                    lc_reading_get_confidence (reading),
                                    self->finished, self->mode == MODE_WEBCAM,
                                    &detail, &spoken);
  if (spoken != NULL)
    announce (self, spoken);
  _lc_camera_page_set_status (self, status, detail);

  /* Only a confirmed reading is offered as the answer; a first one only
   * through the secondary button, which says what it is. */
  gtk_widget_set_sensitive (self->use_button, confirmed);
  gtk_widget_set_visible (self->use_unconfirmed_button, signal.n_lights > 0 && !confirmed);
}

/* Hints about the picture itself */

void
_lc_camera_page_update_hint (LcCameraPage *self,
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

void
_lc_camera_page_update_strips (LcCameraPage *self)
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
  _lc_camera_page_update_strips (self);
}

/* The rows, the headline and what may be used, from one reading of
 * self->detection.
 */
void
_lc_camera_page_show_detection (LcCameraPage *self)
{
  g_autoptr(LcReading) reading = lc_detection_to_reading (&self->detection,
                                                          self->mode == MODE_WEBCAM ? LC_SIGNAL_SOURCE_CAMERA
                                                                                    : LC_SIGNAL_SOURCE_VIDEO);

  update_rows (self, lc_reading_is_confirmed (reading));
  update_status (self, reading);
}
