/* lc-camera-monitor.c — the cameras there are, followed as they come and go
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gst/gst.h>

#if HAVE_LIBPORTAL
# include <libportal/portal.h>
#endif

#include "lc-camera-monitor.h"
#include "lc-camera-private.h"
#include "lc-video-source.h"

struct _LcCameraMonitor
{
  GObject            parent_instance;

  GListStore        *cameras;
  gboolean           started;

  /* Outside Flatpak */
  GstDeviceMonitor  *device_monitor;
  /* Inside Flatpak: the PipeWire provider, on a portal remote of its own */
  GstDeviceProvider *portal_provider;
  gboolean           provider_lost_node;
  int                provider_fd;
  /* and the portal remote the cameras' pipewiresrc connect through */
  int                pipewire_fd;
  /* The stand-in a real node replaced: a source may still be playing it */
  LcCamera          *stand_in;
#if HAVE_LIBPORTAL
  XdpPortal         *portal;
#endif

  GstBus            *bus;
  guint              bus_watch_id;
};

G_DEFINE_FINAL_TYPE (LcCameraMonitor, lc_camera_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAMERAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
lc_camera_monitor_is_sandboxed (void)
{
  /* LIGHTCODE_CAMERA_PORTAL=1 takes the Flatpak path outside Flatpak, so
   * the portal and PipeWire can be tested on a plain system.
   */
  if (g_strcmp0 (g_getenv ("LIGHTCODE_CAMERA_PORTAL"), "1") == 0)
    return TRUE;

  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

static gboolean
find_camera (LcCameraMonitor *self,
             GstDevice       *device,
             const char      *id,
             guint           *out_position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cameras));

  /* The same GstDevice first; then the id, since a provider may hand out a
   * new object for a device it already announced.
   */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LcCamera) camera = g_list_model_get_item (G_LIST_MODEL (self->cameras), i);
          gboolean match;

          if (pass == 0)
            match = device != NULL && _lc_camera_get_device (camera) == device;
          else
            match = id != NULL && g_strcmp0 (lc_camera_get_id (camera), id) == 0;

          if (match)
            {
              *out_position = i;
              return TRUE;
            }
        }
    }

  return FALSE;
}

static void
add_device (LcCameraMonitor *self,
            GstDevice       *device)
{
  g_autoptr(LcCamera) camera = NULL;
  g_autofree char *id = NULL;
  guint position;

  if (!gst_device_has_classes (device, "Video/Source"))
    return;

  id = _lc_camera_dup_device_id (device);
  if (find_camera (self, device, id, &position))
    return;

  /* A portal remote sees its cameras only once the session manager has
   * granted them, a moment after it connects: a real node replaces the
   * stand-in added meanwhile. Quietly: a pipewiresrc on the stand-in
   * still plays the portal's default camera.
   */
  if (self->pipewire_fd >= 0 && find_camera (self, NULL, "portal", &position))
    {
      g_autoptr(LcCamera) stand_in = g_list_model_get_item (G_LIST_MODEL (self->cameras), position);

      if (_lc_camera_get_device (stand_in) == NULL)
        {
          g_set_object (&self->stand_in, stand_in);
          g_list_store_remove (self->cameras, position);
        }
    }

  if (self->pipewire_fd >= 0)
    camera = _lc_camera_new_for_portal (self->pipewire_fd, device);
  else
    camera = _lc_camera_new_for_device (device);

  g_debug ("Camera added: %s (%s)",
           lc_camera_get_display_name (camera), lc_camera_get_id (camera));
  g_list_store_append (self->cameras, camera);
}

static void
remove_device (LcCameraMonitor *self,
               GstDevice       *device)
{
  g_autoptr(LcCamera) camera = NULL;
  g_autofree char *id = _lc_camera_dup_device_id (device);
  guint position;

  if (!find_camera (self, device, id, &position))
    return;

  camera = g_list_model_get_item (G_LIST_MODEL (self->cameras), position);
  g_debug ("Camera removed: %s", lc_camera_get_display_name (camera));

  /* A source playing this camera fails with DISCONNECTED on this. */
  _lc_camera_set_available (camera, FALSE);
  g_list_store_remove (self->cameras, position);

  /* A source started on the stand-in plays the portal's default camera:
   * once no camera is left, that one is gone too.
   */
  if (self->stand_in != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->cameras)) == 0)
    {
      _lc_camera_set_available (self->stand_in, FALSE);
      g_clear_object (&self->stand_in);
    }
}

static gboolean
bus_message_cb (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  LcCameraMonitor *self = user_data;
  g_autoptr(GstDevice) device = NULL;

  g_assert (LC_IS_CAMERA_MONITOR (self));

  switch ((int) GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_DEVICE_ADDED:
      gst_message_parse_device_added (message, &device);
      add_device (self, device);
      break;

    case GST_MESSAGE_DEVICE_REMOVED:
      gst_message_parse_device_removed (message, &device);
      remove_device (self, device);
      self->provider_lost_node |= self->portal_provider != NULL;
      break;

    default:
      /* DEVICE_CHANGED only updates properties we do not show. */
      break;
    }

  return G_SOURCE_CONTINUE;
}

static void
watch_bus (LcCameraMonitor *self,
           GstBus          *bus)
{
  g_assert (self->bus == NULL);

  self->bus = bus;
  self->bus_watch_id = gst_bus_add_watch (bus, bus_message_cb, self);
}

static void
start_device_monitor (LcCameraMonitor *self)
{
  GList *devices;

  self->device_monitor = gst_device_monitor_new ();
  gst_device_monitor_add_filter (self->device_monitor, "Video/Source", NULL);
  watch_bus (self, gst_device_monitor_get_bus (self->device_monitor));

  /* Fails when no provider can run at all: that is just "no camera". */
  if (!gst_device_monitor_start (self->device_monitor))
    {
      g_debug ("No video device provider could be started");
      return;
    }

  devices = gst_device_monitor_get_devices (self->device_monitor);
  for (const GList *l = devices; l != NULL; l = l->next)
    add_device (self, l->data);
  g_list_free_full (devices, gst_object_unref);
}

#if HAVE_LIBPORTAL
static void
start_portal_provider (LcCameraMonitor *self)
{
  GList *devices;

  /* PipeWire's device provider takes a portal fd (newer PipeWire only);
   * without it pipewiresrc fd= still opens the portal's default camera.
   * Not the cameras' fd: one remote carries one connection, and a
   * pipewiresrc sharing the provider's waits forever, its replies read
   * by the provider (PipeWire 0.3.65).
   */
  self->portal_provider = gst_device_provider_factory_get_by_name ("pipewiredeviceprovider");
  if (self->portal_provider != NULL &&
      g_object_class_find_property (G_OBJECT_GET_CLASS (self->portal_provider), "fd") != NULL &&
      (self->provider_fd = xdp_portal_open_pipewire_remote_for_camera (self->portal)) >= 0)
    {
      g_object_set (self->portal_provider, "fd", self->provider_fd, NULL);
      watch_bus (self, gst_device_provider_get_bus (self->portal_provider));

      if (gst_device_provider_start (self->portal_provider))
        {
          devices = gst_device_provider_get_devices (self->portal_provider);
          for (const GList *l = devices; l != NULL; l = l->next)
            add_device (self, l->data);
          g_list_free_full (devices, gst_object_unref);
        }
      else
        {
          g_debug ("The PipeWire device provider did not start");
          gst_clear_object (&self->portal_provider);
        }
    }
  else
    {
      gst_clear_object (&self->portal_provider);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->cameras)) == 0)
    {
      g_autoptr(LcCamera) camera = _lc_camera_new_for_portal (self->pipewire_fd, NULL);

      g_list_store_append (self->cameras, camera);
    }
}

static void
access_camera_cb_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LcCameraMonitor *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  int fd;

  if (!xdp_portal_access_camera_finish (XDP_PORTAL (object), result, &error))
    {
      if (g_task_return_error_if_cancelled (task))
        return;

      g_debug ("Camera portal: %s", error->message);

      /* libportal 0.6 answers a refusal (response 1) with CANCELLED and
       * other denials (response 2) with FAILED; a D-Bus error means there
       * is no usable portal.
       */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FAILED) ||
          g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_ACCESS_DENIED))
        g_task_return_new_error (task, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_PERMISSION_DENIED,
                                 _("Lightcode is not allowed to use the camera"));
      else
        g_task_return_new_error (task, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                                 _("The camera cannot be reached through the desktop portal: %s"),
                                 error->message);
      return;
    }

  fd = xdp_portal_open_pipewire_remote_for_camera (XDP_PORTAL (object));
  if (fd < 0)
    {
      g_task_return_new_error (task, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                               _("The camera cannot be reached through the desktop portal"));
      return;
    }

  self->pipewire_fd = fd;
  start_portal_provider (self);
  self->started = TRUE;
  g_task_return_boolean (task, TRUE);
}
#endif

void
lc_camera_monitor_start (LcCameraMonitor     *self,
                         struct _XdpParent   *parent,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *camera_file;

  g_return_if_fail (LC_IS_CAMERA_MONITOR (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lc_camera_monitor_start);

  if (self->started)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  camera_file = g_getenv ("LIGHTCODE_CAMERA");
  if (camera_file != NULL && *camera_file != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (camera_file);
      g_autoptr(LcCamera) camera = _lc_camera_new_for_file (file);

      g_list_store_append (self->cameras, camera);
      self->started = TRUE;
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (lc_camera_monitor_is_sandboxed ())
    {
#if HAVE_LIBPORTAL
      if (self->portal == NULL)
        self->portal = xdp_portal_new ();

      if (!xdp_portal_is_camera_present (self->portal))
        {
          g_task_return_new_error (task, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_FOUND,
                                   _("No camera was found"));
          return;
        }

      xdp_portal_access_camera (self->portal, (XdpParent *) parent, XDP_CAMERA_FLAG_NONE,
                                cancellable, access_camera_cb_cb, g_steal_pointer (&task));
#else
      g_task_return_new_error (task, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED,
                               _("This build of Lightcode cannot ask for the camera inside Flatpak"));
#endif
      return;
    }

  start_device_monitor (self);
  self->started = TRUE;
  g_task_return_boolean (task, TRUE);
}

gboolean
lc_camera_monitor_start_finish (LcCameraMonitor  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (LC_IS_CAMERA_MONITOR (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lc_camera_monitor_start, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
lc_camera_monitor_stop (LcCameraMonitor *self)
{
  g_return_if_fail (LC_IS_CAMERA_MONITOR (self));

  g_clear_handle_id (&self->bus_watch_id, g_source_remove);
  gst_clear_object (&self->bus);

  if (self->device_monitor != NULL)
    {
      gst_device_monitor_stop (self->device_monitor);
      gst_clear_object (&self->device_monitor);
    }

  /* PipeWire 0.3.65's provider frees the proxy of a node that went away
   * a second time when stopped (a double free ASan caught in the portal
   * test): once a camera was unplugged, it is left running instead.
   */
  if (self->portal_provider != NULL && self->provider_lost_node)
    {
      g_debug ("Leaving the PipeWire device provider running: it cannot be stopped safely");
      self->portal_provider = NULL;
    }
  else if (self->portal_provider != NULL)
    {
      gst_device_provider_stop (self->portal_provider);
      gst_clear_object (&self->portal_provider);
    }

  if (self->provider_fd >= 0)
    {
      g_close (self->provider_fd, NULL);
      self->provider_fd = -1;
    }

  /* The cameras keep their own duplicate of the fd. */
  if (self->pipewire_fd >= 0)
    {
      g_close (self->pipewire_fd, NULL);
      self->pipewire_fd = -1;
    }

  self->started = FALSE;
}

GListModel *
lc_camera_monitor_get_cameras (LcCameraMonitor *self)
{
  g_return_val_if_fail (LC_IS_CAMERA_MONITOR (self), NULL);

  return G_LIST_MODEL (self->cameras);
}

LcCamera *
lc_camera_monitor_find (LcCameraMonitor *self,
                        const char      *id)
{
  LcCamera *camera;
  guint position;

  g_return_val_if_fail (LC_IS_CAMERA_MONITOR (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!find_camera (self, NULL, id, &position))
    return NULL;

  camera = g_list_model_get_item (G_LIST_MODEL (self->cameras), position);
  /* The store keeps its own reference: hand out a borrowed one. */
  g_object_unref (camera);

  return camera;
}

static void
lc_camera_monitor_dispose (GObject *object)
{
  LcCameraMonitor *self = (LcCameraMonitor *)object;

  lc_camera_monitor_stop (self);
#if HAVE_LIBPORTAL
  g_clear_object (&self->portal);
#endif

  G_OBJECT_CLASS (lc_camera_monitor_parent_class)->dispose (object);
}

static void
lc_camera_monitor_finalize (GObject *object)
{
  LcCameraMonitor *self = (LcCameraMonitor *)object;

  g_clear_object (&self->cameras);
  g_clear_object (&self->stand_in);

  G_OBJECT_CLASS (lc_camera_monitor_parent_class)->finalize (object);
}

static void
lc_camera_monitor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LcCameraMonitor *self = LC_CAMERA_MONITOR (object);

  switch (prop_id)
    {
    case PROP_CAMERAS:
      g_value_set_object (value, self->cameras);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_camera_monitor_class_init (LcCameraMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lc_camera_monitor_dispose;
  object_class->finalize = lc_camera_monitor_finalize;
  object_class->get_property = lc_camera_monitor_get_property;

  properties[PROP_CAMERAS] =
    g_param_spec_object ("cameras", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gst_init (NULL, NULL);
}

static void
lc_camera_monitor_init (LcCameraMonitor *self)
{
  self->cameras = g_list_store_new (LC_TYPE_CAMERA);
  self->pipewire_fd = -1;
  self->provider_fd = -1;
}

LcCameraMonitor *
lc_camera_monitor_new (void)
{
  return g_object_new (LC_TYPE_CAMERA_MONITOR, NULL);
}
