/* lc-video-file-dialog.h — asks for a video of the light with the system's file chooser
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GtkFileDialog from GTK 4.10, GtkFileChooserNative before it; either
 * goes through the portal inside Flatpak. Videos are offered first.
 */
void   lc_video_file_dialog_open        (GtkWindow            *parent,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
/* The file chosen, or NULL: with @error set when the dialog failed, and
 * without when it was dismissed.
 */
GFile *lc_video_file_dialog_open_finish (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
