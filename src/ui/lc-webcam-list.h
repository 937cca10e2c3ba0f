/* lc-webcam-list.h — the webcams there are, and which one to watch with
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-camera.h"

G_BEGIN_DECLS

#define LC_TYPE_WEBCAM_LIST (lc_webcam_list_get_type ())

G_DECLARE_FINAL_TYPE (LcWebcamList, lc_webcam_list, LC, WEBCAM_LIST, GObject)

/* Lists the cameras through LcCameraMonitor (the portal asks the person
 * inside Flatpak) and remembers in @settings ("last-camera") the one
 * used last.
 */
LcWebcamList *lc_webcam_list_new                (GSettings           *settings);
/* The cameras (LcCamera); empty until listed. */
GListModel   *lc_webcam_list_get_cameras        (LcWebcamList        *self);
/* Whether the cameras have been listed (LcWebcamList:listed). */
gboolean      lc_webcam_list_get_listed         (LcWebcamList        *self);
/* Lists them without asking anything, where that needs no permission
 * (outside Flatpak); does nothing once listing has begun.
 */
void          lc_webcam_list_list_quietly       (LcWebcamList        *self);
/* Lists them, asking for permission where that is needed; @parent is
 * the window the portal's question belongs to.
 */
void          lc_webcam_list_list_async         (LcWebcamList        *self,
                                                 GtkWindow           *parent,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean      lc_webcam_list_list_finish        (LcWebcamList        *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
/* The camera to watch with: @preferred (may be NULL) when it is there,
 * else the one used last, else the first that is there; remembered as the
 * one used last. NULL when there is none.
 */
LcCamera     *lc_webcam_list_pick               (LcWebcamList        *self,
                                                 LcCamera            *preferred);
/* Where the camera used last is in the list, or GTK_INVALID_LIST_POSITION. */
guint         lc_webcam_list_get_last_position  (LcWebcamList        *self);

G_END_DECLS
