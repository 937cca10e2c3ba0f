/* lc-camera.c — one camera the app can watch a status light through
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lc-camera-private.h"
#include "lc-video-source.h"

struct _LcCamera
{
  GObject       parent_instance;

  LcCameraKind  kind;
  char         *id;
  char         *display_name;
  GstDevice    *device;      /* DEVICE, and PORTAL when the provider listed it */
  GFile        *file;        /* FILE */
  int           pipewire_fd; /* PORTAL: our own duplicate, -1 otherwise */
  gboolean      available;
};

G_DEFINE_FINAL_TYPE (LcCamera, lc_camera, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lc_camera_finalize (GObject *object)
{
  LcCamera *self = (LcCamera *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_object (&self->device);
  g_clear_object (&self->file);
  if (self->pipewire_fd >= 0)
    g_close (self->pipewire_fd, NULL);

  G_OBJECT_CLASS (lc_camera_parent_class)->finalize (object);
}

static void
lc_camera_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LcCamera *self = LC_CAMERA (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_camera_class_init (LcCameraClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_camera_finalize;
  object_class->get_property = lc_camera_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_camera_init (LcCamera *self)
{
  self->pipewire_fd = -1;
  self->available = TRUE;
}

static const char *
get_nonempty_string (const GstStructure *props,
                     const char         *field)
{
  const char *value;

  if (props == NULL)
    return NULL;

  value = gst_structure_get_string (props, field);
  if (value == NULL || *value == '\0')
    return NULL;

  return value;
}

char *
_lc_camera_dup_device_id (GstDevice *device)
{
  /* From the most to the least stable: a serial number survives a change of
   * USB port, a bus path survives a reboot, a device node may not.
   */
  static const char * const fields[] = {
    "device.serial",
    "device.bus_path",
    "node.name",
    "api.v4l2.path",
    "device.path",
  };
  g_autoptr(GstStructure) props = NULL;

  g_return_val_if_fail (GST_IS_DEVICE (device), NULL);

  props = gst_device_get_properties (device);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = get_nonempty_string (props, fields[i]);

      if (value != NULL)
        return g_strdup (value);
    }

  return gst_device_get_display_name (device);
}

LcCamera *
_lc_camera_new_for_device (GstDevice *device)
{
  LcCamera *self;

  g_return_val_if_fail (GST_IS_DEVICE (device), NULL);

  self = g_object_new (LC_TYPE_CAMERA, NULL);
  self->kind = LC_CAMERA_KIND_DEVICE;
  self->device = g_object_ref (device);
  self->id = _lc_camera_dup_device_id (device);
  self->display_name = gst_device_get_display_name (device);
  if (self->display_name == NULL || *self->display_name == '\0')
    {
      g_free (self->display_name);
      self->display_name = g_strdup (_("Camera"));
    }

  return self;
}

LcCamera *
_lc_camera_new_for_portal (int        pipewire_fd,
                           GstDevice *device)
{
  LcCamera *self;

  g_return_val_if_fail (pipewire_fd >= 0, NULL);
  g_return_val_if_fail (device == NULL || GST_IS_DEVICE (device), NULL);

  self = g_object_new (LC_TYPE_CAMERA, NULL);
  self->kind = LC_CAMERA_KIND_PORTAL;
  self->pipewire_fd = fcntl (pipewire_fd, F_DUPFD_CLOEXEC, 3);
  if (self->pipewire_fd < 0)
    g_debug ("Could not duplicate the PipeWire fd: %s", g_strerror (errno));

  if (device != NULL)
    {
      self->device = g_object_ref (device);
      self->id = _lc_camera_dup_device_id (device);
      self->display_name = gst_device_get_display_name (device);
    }
  else
    {
      self->id = g_strdup ("portal");
    }

  if (self->display_name == NULL || *self->display_name == '\0')
    {
      g_free (self->display_name);
      self->display_name = g_strdup (_("Camera"));
    }

  return self;
}

LcCamera *
_lc_camera_new_for_file (GFile *file)
{
  LcCamera *self;
  g_autofree char *basename = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  uri = g_file_get_uri (file);

  self = g_object_new (LC_TYPE_CAMERA, NULL);
  self->kind = LC_CAMERA_KIND_FILE;
  self->file = g_object_ref (file);
  self->id = g_strdup (uri);
  /* Translators: a video file standing in for a webcam (for testing);
   * %s is its file name. No quotes: error messages quote this name. */
  self->display_name = g_strdup_printf (_("%s (test camera)"), basename);

  return self;
}

const char *
lc_camera_get_id (LcCamera *self)
{
  g_return_val_if_fail (LC_IS_CAMERA (self), NULL);

  return self->id;
}

const char *
lc_camera_get_display_name (LcCamera *self)
{
  g_return_val_if_fail (LC_IS_CAMERA (self), NULL);

  return self->display_name;
}

LcCameraKind
lc_camera_get_kind (LcCamera *self)
{
  g_return_val_if_fail (LC_IS_CAMERA (self), LC_CAMERA_KIND_DEVICE);

  return self->kind;
}

gboolean
lc_camera_get_available (LcCamera *self)
{
  g_return_val_if_fail (LC_IS_CAMERA (self), FALSE);

  return self->available;
}

GstDevice *
_lc_camera_get_device (LcCamera *self)
{
  g_return_val_if_fail (LC_IS_CAMERA (self), NULL);

  return self->device;
}

GFile *
_lc_camera_get_file (LcCamera *self)
{
  g_return_val_if_fail (LC_IS_CAMERA (self), NULL);

  return self->file;
}

void
_lc_camera_set_available (LcCamera *self,
                          gboolean  available)
{
  g_return_if_fail (LC_IS_CAMERA (self));

  available = !!available;
  if (self->available == available)
    return;

  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

static void
set_if_exists (GstElement *element,
               const char *property,
               ...)
{
  va_list args;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (element), property) == NULL)
    return;

  va_start (args, property);
  g_object_set_valist (G_OBJECT (element), property, args);
  va_end (args);
}

GstElement *
_lc_camera_create_element (LcCamera  *self,
                           GError   **error)
{
  GstElement *element = NULL;

  g_return_val_if_fail (LC_IS_CAMERA (self), NULL);
  g_return_val_if_fail (self->kind != LC_CAMERA_KIND_FILE, NULL);

  if (!self->available)
    {
      g_set_error_literal (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_DISCONNECTED,
                           _("The camera is no longer connected"));
      return NULL;
    }

  if (self->device != NULL)
    {
      element = gst_device_create_element (self->device, NULL);
    }
  else if (self->kind == LC_CAMERA_KIND_PORTAL)
    {
      element = gst_element_factory_make ("pipewiresrc", NULL);
      if (element == NULL)
        {
          g_set_error (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                       _("The camera cannot be opened: the GStreamer element “%s” is not installed"),
                       "pipewiresrc");
          return NULL;
        }
    }

  if (element == NULL)
    {
      g_set_error (error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                   _("The camera “%s” cannot be opened"), self->display_name);
      return NULL;
    }

  /* pipewiresrc duplicates the fd it is given; the portal's remote only
   * exposes the cameras we were granted.
   */
  if (self->kind == LC_CAMERA_KIND_PORTAL && self->pipewire_fd >= 0)
    set_if_exists (element, "fd", self->pipewire_fd, NULL);
  /* PipeWire 0.3.65 hands out its own shared memory, which it may unmap
   * while a frame is still being read (crashes seen in the analysis
   * thread): a copy per frame is cheap beside that.
   */
  if (g_str_equal (G_OBJECT_TYPE_NAME (element), "GstPipeWireSrc"))
    set_if_exists (element, "always-copy", TRUE, NULL);
  set_if_exists (element, "client-name", APP_ID, NULL);

  return element;
}

char *
_lc_camera_dup_v4l2_path (LcCamera *self)
{
  g_autoptr(GstStructure) props = NULL;
  const char *path;

  g_return_val_if_fail (LC_IS_CAMERA (self), NULL);

  if (self->kind != LC_CAMERA_KIND_DEVICE || self->device == NULL)
    return NULL;

  /* Only the V4L2 provider's devices make a v4l2src; a PipeWire node that
   * wraps V4L2 has no extra-controls to set.
   */
  if (!g_str_equal (G_OBJECT_TYPE_NAME (self->device), "GstV4l2Device"))
    return NULL;

  props = gst_device_get_properties (self->device);
  path = get_nonempty_string (props, "api.v4l2.path");
  if (path == NULL)
    path = get_nonempty_string (props, "device.path");

  return g_strdup (path);
}
