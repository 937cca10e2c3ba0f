/* lc-illustration.h — device drawings and step pictures, rendered once
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean    lc_illustration_get_size    (const char           *name,
                                         int                  *out_width,
                                         int                  *out_height,
                                         GError              **error);
GdkTexture *lc_illustration_load        (const char           *name,
                                         int                   width,
                                         int                   height,
                                         GError              **error);
void        lc_illustration_load_async  (const char           *name,
                                         int                   width,
                                         int                   height,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GdkTexture *lc_illustration_load_finish (GAsyncResult         *result,
                                         GError              **error);
void        lc_image_set_illustration   (GtkImage             *image,
                                         const char           *name,
                                         GCancellable         *cancellable);

G_END_DECLS
