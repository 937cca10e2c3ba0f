/* lc-video-source-bus.c — what a video source's pipeline says on its bus
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Errors, the end of a file, a missing decoder and the source's own
 * application messages arrive on the pipeline's bus, watched from the
 * source's main context.
 */

#include "config.h"

#include <string.h>

#include <gst/pbutils/pbutils.h>

#include "lc-video-source-private.h"

static void
fail_with_gst_message (LcVideoSource *self,
                       GstMessage    *message)
{
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *debug = NULL;

  gst_message_parse_error (message, &gst_error, &debug);
  g_debug ("GStreamer error from %s: %s (%s)",
           GST_OBJECT_NAME (GST_MESSAGE_SRC (message)), gst_error->message,
           debug ? debug : "");

  _lc_video_source_fail_full (self, TRUE, _lc_video_source_error_from_gst (self, gst_error, debug));
}

static gboolean
bus_message_cb (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  LcVideoSource *self = user_data;

  g_assert (LC_IS_VIDEO_SOURCE (self));

  switch ((int) GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      fail_with_gst_message (self, message);
      break;

    case GST_MESSAGE_EOS:
      _lc_video_source_finish_full (self, TRUE);
      break;

    case GST_MESSAGE_WARNING:
      {
        g_autoptr(GError) warning = NULL;
        g_autofree char *debug = NULL;

        gst_message_parse_warning (message, &warning, &debug);
        g_debug ("GStreamer warning from %s: %s (%s)",
                 GST_OBJECT_NAME (GST_MESSAGE_SRC (message)), warning->message,
                 debug ? debug : "");
      }
      break;

    case GST_MESSAGE_ELEMENT:
      if (gst_is_missing_plugin_message (message))
        {
          g_autofree char *detail = gst_missing_plugin_message_get_installer_detail (message);

          /* Only a missing video decoder matters: audio is never decoded. */
          if (detail == NULL || strstr (detail, "decoder-video/") != NULL ||
              strstr (detail, "decoder-image/") != NULL)
            {
              g_free (self->missing_codec);
              self->missing_codec = gst_missing_plugin_message_get_description (message);
            }
        }
      break;

    case GST_MESSAGE_APPLICATION:
      {
        GError *error = _lc_video_source_error_from_app_message (self, message);

        if (error != NULL)
          _lc_video_source_fail_full (self, TRUE, error);
      }
      break;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

void
_lc_video_source_watch_bus (LcVideoSource *self)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);

  self->bus_source = gst_bus_create_watch (bus);
  g_source_set_callback (self->bus_source, G_SOURCE_FUNC (bus_message_cb), self, NULL);
  g_source_set_static_name (self->bus_source, "[lightcode] video source bus");
  g_source_attach (self->bus_source, self->context);
}

void
_lc_video_source_fail_to_start (LcVideoSource *self)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);
  g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);

  if (message != NULL)
    fail_with_gst_message (self, message);
  else
    _lc_video_source_fail_full (self, TRUE, _lc_video_source_error_cannot_start (self));
}
