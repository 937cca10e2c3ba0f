/* lc-video-source-errors.c — what went wrong with a video source, in words a person can act on
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every failure of LcVideoSource is worded here: each says what happened
 * and, where there is one, what to do. Names are quoted once and never
 * read as markup (the UI shows these as plain text).
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lc-video-source-private.h"

GError *
_lc_video_source_error_disconnected (void)
{
  return g_error_new_literal (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_DISCONNECTED,
                              _("The camera was disconnected"));
}

/* The decoder a missing-plugin message named, or a general word. */
GError *
_lc_video_source_error_no_codec (LcVideoSource *self)
{
  const char *codec = self->missing_codec != NULL ? self->missing_codec : _("a video decoder");

  if (_lc_video_source_is_camera (self))
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NO_CODEC,
                        /* Translators: %s is e.g. "H.264 (High Profile) decoder" */
                        _("The camera sends video this system cannot decode: %s is not installed"),
                        codec);

  return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NO_CODEC,
                      /* Translators: the first %s is a file name, the second e.g. "H.265 (Main Profile) decoder" */
                      _("“%s” uses a video format this system cannot decode: %s is not installed"),
                      self->title, codec);
}

static GError *
camera_error_from_gst (LcVideoSource *self,
                       const GError  *gst_error,
                       const char    *debug)
{
  if (g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_BUSY) ||
      (gst_error->domain == GST_RESOURCE_ERROR && debug != NULL &&
       strstr (debug, g_strerror (EBUSY)) != NULL))
    return g_error_new_literal (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_BUSY,
                                _("The camera is being used by another application"));

  if (g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_NOT_AUTHORIZED))
    return g_error_new_literal (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_PERMISSION_DENIED,
                                _("Lightcode is not allowed to use the camera"));

  if (self->state == LC_VIDEO_SOURCE_STATE_RUNNING && gst_error->domain == GST_RESOURCE_ERROR)
    return _lc_video_source_error_disconnected ();

  if (g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_NOT_FOUND))
    return g_error_new_literal (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_FOUND,
                                _("The camera cannot be found"));

  return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                      _("The camera cannot be used: %s"), gst_error->message);
}

GError *
_lc_video_source_error_from_gst (LcVideoSource *self,
                                 const GError  *gst_error,
                                 const char    *debug)
{
  if (g_error_matches (gst_error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN) ||
      g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_CODEC_NOT_FOUND))
    return _lc_video_source_error_no_codec (self);

  if (_lc_video_source_is_camera (self))
    return camera_error_from_gst (self, gst_error, debug);

  if (g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_NOT_FOUND))
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_FOUND,
                        _("The file “%s” does not exist"), self->title);

  if (gst_error->domain == GST_RESOURCE_ERROR)
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                        _("The file “%s” cannot be read"), self->title);

  if (g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_TYPE_NOT_FOUND) ||
      g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_WRONG_TYPE))
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                        _("“%s” is not a video"), self->title);

  /* A flow that could not agree on a format is our problem, not the file's. */
  if (g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_FAILED) &&
      debug != NULL && strstr (debug, "not-negotiated") != NULL)
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                        _("“%s” cannot be played: %s"), self->title, gst_error->message);

  if (gst_error->domain == GST_STREAM_ERROR)
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                        _("“%s” is damaged or incomplete and cannot be played"), self->title);

  return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                      _("“%s” cannot be played: %s"), self->title, gst_error->message);
}

GError *
_lc_video_source_error_cannot_start (LcVideoSource *self)
{
  if (_lc_video_source_is_camera (self))
    return g_error_new_literal (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                                _("The camera cannot be started"));

  return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                      _("“%s” cannot be played"), self->title);
}

GError *
_lc_video_source_error_too_long (LcVideoSource *self)
{
  return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_TOO_LARGE,
                      /* Translators: “%s” is a file name, %d a number of seconds */
                      _("“%s” is longer than %d seconds, the most that is read: cut out the part that shows the light"),
                      self->title, LC_VIDEO_SOURCE_MAX_SECONDS);
}

GError *
_lc_video_source_error_from_app_message (LcVideoSource *self,
                                         GstMessage    *message)
{
  if (gst_message_has_name (message, TOO_LARGE_MESSAGE))
    {
      const GstStructure *s = gst_message_get_structure (message);
      int width = 0, height = 0;

      gst_structure_get_int (s, "width", &width);
      gst_structure_get_int (s, "height", &height);
      return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_TOO_LARGE,
                          /* Translators: “%s” is a file name, then its size and the largest size read, in pixels */
                          _("“%s” is %d×%d pixels; videos up to %d×%d are read: film the light at a lower resolution"),
                          self->title, width, height, LC_VIDEO_SOURCE_MAX_WIDTH, LC_VIDEO_SOURCE_MAX_HEIGHT);
    }

  if (gst_message_has_name (message, TOO_LONG_MESSAGE))
    return _lc_video_source_error_too_long (self);

  /* No video stream at all: a missing decoder, or really none. */
  if (gst_message_has_name (message, NO_VIDEO_MESSAGE))
    {
      if (self->missing_codec != NULL)
        return _lc_video_source_error_no_codec (self);

      return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                          _("“%s” has no video in it"), self->title);
    }

  return NULL;
}

GError *
_lc_video_source_error_at_end (LcVideoSource *self,
                               guint          n_frames,
                               guint          n_stuck,
                               gint64         decoded_ns,
                               gint64         declared_ns)
{
  /* A camera does not end; when its stream does, it went away. */
  if (_lc_video_source_is_camera (self))
    return _lc_video_source_error_disconnected ();

  /* A video stream was found but gave no picture: the file ends (or
   * breaks) before its first frame.
   */
  if (n_frames == 0 && g_atomic_int_get (&self->have_video_pad))
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                        _("“%s” is cut short or damaged: it has a video, but no picture in it can be read"),
                        self->title);

  if (n_frames == 0)
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                        _("“%s” has no video in it"), self->title);

  /* Frames whose time stands still (or goes back) are refused by the
   * detector; when most are, the file's timing is broken, not its light.
   */
  if (n_stuck > 0 && n_stuck >= n_frames)
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                        /* Translators: %u is a number of video frames */
                        _("“%s” has broken timing: %u of its frames carry a time that does not move on, so its pattern cannot be read"),
                        self->title, n_stuck + n_frames);

  if (n_frames == 1)
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                        _("“%s” is a still picture: a light’s pattern can only be read from a video"),
                        self->title);

  /* A file cut short (an interrupted copy, `head -c`) often still plays
   * up to the cut; its header tells how long it should have been.
   */
  if (declared_ns > 0 && decoded_ns + MAX (GST_SECOND, declared_ns / 10) < declared_ns)
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                        _("“%s” is incomplete: only %.1f of its %.1f seconds can be read"),
                        self->title, decoded_ns / (double) GST_SECOND, declared_ns / (double) GST_SECOND);

  return NULL;
}

GError *
_lc_video_source_error_no_picture (LcVideoSource *self)
{
  if (_lc_video_source_is_camera (self) && self->start_pending)
    return g_error_new_literal (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                                _("The camera does not answer. Unplug it, plug it back in, and try again."));

  if (_lc_video_source_is_camera (self))
    return g_error_new_literal (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                                _("The camera opened but sends no picture"));

  /* Still opening: the file is somewhere that stopped answering. */
  if (self->start_pending)
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                        _("“%s” does not open. If it is on a network drive or a phone, copy it to this computer and open the copy."),
                        self->title);

  return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                      /* Translators: %d is a number of seconds */
                      _("“%s” gave no picture in %d seconds: it is damaged or in a form that cannot be played"),
                      self->title, FILE_FIRST_FRAME_TIMEOUT_S);
}

GError *
_lc_video_source_error_stalled (LcVideoSource *self,
                                double         played_seconds)
{
  if (_lc_video_source_is_camera (self))
    return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                        /* Translators: %d is a number of seconds */
                        _("The camera stopped sending pictures for %d seconds"),
                        STALL_TIMEOUT_S);

  return g_error_new (LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                      /* Translators: %s is a file name, %.1f how many seconds played, %d a number of seconds */
                      _("The video “%s” stopped arriving after %.1f seconds, and nothing came for %d seconds. The file may be damaged, or the drive it is on stopped answering."),
                      self->title, played_seconds, STALL_TIMEOUT_S);
}

gboolean
_lc_video_source_check_file (GFile       *file,
                             const char  *title,
                             gboolean     is_sample,
                             GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE,
                            NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          if (is_sample)
            g_set_error_literal (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_FOUND,
                                 _("The sample video is not installed"));
          else
            g_set_error (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_FOUND,
                         _("The file “%s” does not exist"), title);
        }
      else
        {
          g_set_error (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                       _("The file “%s” cannot be read: %s"), title, local_error->message);
        }
      return FALSE;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                   _("“%s” is a folder, not a video"), title);
      return FALSE;
    }

  /* A FIFO blocks filesrc in open() until a writer comes, and then may
   * send nothing; a device or socket is not a video file either. Refused
   * before anything opens them (symbolic links are followed).
   */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_set_error (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO,
                   _("“%s” is a pipe, a device or a socket, not a video file: save the video to a file and open that"),
                   title);
      return FALSE;
    }

  return TRUE;
}
