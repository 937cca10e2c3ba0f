/* lc-webcam-list.c — the webcams there are, and which one to watch with
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#if HAVE_LIBPORTAL
# include <libportal-gtk4/portal-gtk4.h>
#endif

#include "lc-camera-monitor.h"
#include "lc-webcam-list.h"

struct _LcWebcamList
{
  GObject          parent_instance;

  GSettings       *settings;
  LcCameraMonitor *monitor;
  gboolean         listing;  /* a quiet listing has begun */
  gboolean         listed;
};

G_DEFINE_FINAL_TYPE (LcWebcamList, lc_webcam_list, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LISTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_listed (LcWebcamList *self)
{
  if (self->listed)
    return;

  self->listed = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LISTED]);
}

static void
listed_quietly_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LcWebcamList) self = user_data;

  if (lc_camera_monitor_start_finish (LC_CAMERA_MONITOR (object), result, NULL))
    set_listed (self);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LcWebcamList *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!lc_camera_monitor_start_finish (LC_CAMERA_MONITOR (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  set_listed (self);
  g_task_return_boolean (task, TRUE);
}

static void
lc_webcam_list_dispose (GObject *object)
{
  LcWebcamList *self = LC_WEBCAM_LIST (object);

  if (self->monitor != NULL)
    {
      lc_camera_monitor_stop (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lc_webcam_list_parent_class)->dispose (object);
}

static void
lc_webcam_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LcWebcamList *self = LC_WEBCAM_LIST (object);

  switch (prop_id)
    {
    case PROP_LISTED:
      g_value_set_boolean (value, self->listed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_webcam_list_class_init (LcWebcamListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lc_webcam_list_dispose;
  object_class->get_property = lc_webcam_list_get_property;

  properties[PROP_LISTED] =
    g_param_spec_boolean ("listed", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_webcam_list_init (LcWebcamList *self)
{
  self->monitor = lc_camera_monitor_new ();
}

LcWebcamList *
lc_webcam_list_new (GSettings *settings)
{
  LcWebcamList *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LC_TYPE_WEBCAM_LIST, NULL);
  self->settings = g_object_ref (settings);

  return self;
}

GListModel *
lc_webcam_list_get_cameras (LcWebcamList *self)
{
  g_return_val_if_fail (LC_IS_WEBCAM_LIST (self), NULL);

  return lc_camera_monitor_get_cameras (self->monitor);
}

gboolean
lc_webcam_list_get_listed (LcWebcamList *self)
{
  g_return_val_if_fail (LC_IS_WEBCAM_LIST (self), FALSE);

  return self->listed;
}

void
lc_webcam_list_list_quietly (LcWebcamList *self)
{
  g_return_if_fail (LC_IS_WEBCAM_LIST (self));

  /* Listing cameras is not using them; inside Flatpak it is (the portal
   * asks), so there it waits until the webcam is chosen.
   */
  if (self->listing || lc_camera_monitor_is_sandboxed ())
    return;

  self->listing = TRUE;
  lc_camera_monitor_start (self->monitor, NULL, NULL, listed_quietly_cb, g_object_ref (self));
}

void
lc_webcam_list_list_async (LcWebcamList        *self,
                           GtkWindow           *parent,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  struct _XdpParent *xdp_parent = NULL;
  GTask *task;

  g_return_if_fail (LC_IS_WEBCAM_LIST (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lc_webcam_list_list_async);

#if HAVE_LIBPORTAL
  if (parent != NULL)
    xdp_parent = xdp_parent_new_gtk (parent);
#endif

  self->listing = TRUE;
  lc_camera_monitor_start (self->monitor, xdp_parent, cancellable, listed_cb, task);

#if HAVE_LIBPORTAL
  /* libportal keeps its own copy. */
  g_clear_pointer (&xdp_parent, xdp_parent_free);
#endif
}

gboolean
lc_webcam_list_list_finish (LcWebcamList  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (LC_IS_WEBCAM_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static LcCamera *
find_available (LcWebcamList *self)
{
  GListModel *cameras = lc_camera_monitor_get_cameras (self->monitor);
  g_autofree char *last = g_settings_get_string (self->settings, "last-camera");
  LcCamera *camera;

  if (*last != '\0')
    {
      camera = lc_camera_monitor_find (self->monitor, last);
      if (camera != NULL && lc_camera_get_available (camera))
        return g_object_ref (camera);
    }

  for (guint i = 0; i < g_list_model_get_n_items (cameras); i++)
    {
      g_autoptr(LcCamera) item = g_list_model_get_item (cameras, i);

      if (lc_camera_get_available (item))
        return g_steal_pointer (&item);
    }

  return NULL;
}

LcCamera *
lc_webcam_list_pick (LcWebcamList *self,
                     LcCamera     *preferred)
{
  LcCamera *camera;

  g_return_val_if_fail (LC_IS_WEBCAM_LIST (self), NULL);
  g_return_val_if_fail (preferred == NULL || LC_IS_CAMERA (preferred), NULL);

  if (preferred != NULL && lc_camera_get_available (preferred))
    camera = g_object_ref (preferred);
  else
    camera = find_available (self);

  if (camera != NULL)
    g_settings_set_string (self->settings, "last-camera", lc_camera_get_id (camera));

  return camera;
}

guint
lc_webcam_list_get_last_position (LcWebcamList *self)
{
  GListModel *cameras;
  g_autofree char *last = NULL;

  g_return_val_if_fail (LC_IS_WEBCAM_LIST (self), GTK_INVALID_LIST_POSITION);

  cameras = lc_camera_monitor_get_cameras (self->monitor);
  last = g_settings_get_string (self->settings, "last-camera");
  for (guint i = 0; i < g_list_model_get_n_items (cameras); i++)
    {
      g_autoptr(LcCamera) camera = g_list_model_get_item (cameras, i);

      if (g_strcmp0 (lc_camera_get_id (camera), last) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}
