/* lc-illustration.c — device drawings and step pictures, rendered once
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-illustration.h"

/* SVG rendering costs milliseconds per picture; each name and pixel size
 * is rendered once per run, off the main thread when asked asynchronously,
 * so a page full of drawings does not hold back the first frame.
 */

#define ILLUSTRATIONS_PATH RESOURCE_BASE_PATH "/illustrations/"

G_LOCK_DEFINE_STATIC (cache);
static GHashTable *cache; /* "name@WxH" → GdkTexture */

static char *
cache_key (const char *name,
           int         width,
           int         height)
{
  return g_strdup_printf ("%s@%dx%d", name, width, height);
}

static GdkTexture *
cache_lookup (const char *key)
{
  GdkTexture *texture = NULL;

  G_LOCK (cache);
  if (cache != NULL)
    texture = g_hash_table_lookup (cache, key);
  if (texture != NULL)
    g_object_ref (texture);
  G_UNLOCK (cache);

  return texture;
}

/* Resizing a window renders a picture at many sizes; past this many the
 * cache starts over (widgets keep their own references). */
#define CACHE_MAX_ENTRIES 64

static void
cache_insert (char       *key,
              GdkTexture *texture)
{
  G_LOCK (cache);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  else if (g_hash_table_size (cache) >= CACHE_MAX_ENTRIES)
    g_hash_table_remove_all (cache);
  g_hash_table_replace (cache, key, g_object_ref (texture));
  G_UNLOCK (cache);
}

/* Another aspect ratio than asked for: center the picture on a transparent
 * canvas of the requested size, so callers always get what they laid out. */
static GdkPixbuf *
center_on_canvas (GdkPixbuf *pixbuf,
                  int        width,
                  int        height)
{
  g_autoptr(GdkPixbuf) with_alpha = NULL;
  int pixbuf_width = gdk_pixbuf_get_width (pixbuf);
  int pixbuf_height = gdk_pixbuf_get_height (pixbuf);
  GdkPixbuf *canvas;

  if (pixbuf_width == width && pixbuf_height == height)
    return g_object_ref (pixbuf);

  with_alpha = gdk_pixbuf_add_alpha (pixbuf, FALSE, 0, 0, 0);
  canvas = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, width, height);
  gdk_pixbuf_fill (canvas, 0x00000000);
  gdk_pixbuf_copy_area (with_alpha, 0, 0,
                        MIN (pixbuf_width, width), MIN (pixbuf_height, height),
                        canvas,
                        MAX (0, (width - pixbuf_width) / 2),
                        MAX (0, (height - pixbuf_height) / 2));

  return canvas;
}

/* Thread-safe: gdk-pixbuf's loaders and GdkMemoryTexture need no GL or
 * main context. */
static GdkTexture *
render (const char  *name,
        int          width,
        int          height,
        GError     **error)
{
  g_autofree char *key = cache_key (name, width, height);
  g_autofree char *path = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) canvas = NULL;
  GdkTexture *texture;

  texture = cache_lookup (key);
  if (texture != NULL)
    return texture;

  /* Rasterised by librsvg at the final pixel size, never scaled after. */
  path = g_strconcat (ILLUSTRATIONS_PATH, name, ".svg", NULL);
  pixbuf = gdk_pixbuf_new_from_resource_at_scale (path, width, height, TRUE, error);
  if (pixbuf == NULL)
    return NULL;

  canvas = center_on_canvas (pixbuf, width, height);
  texture = gdk_texture_new_for_pixbuf (canvas);
  cache_insert (g_steal_pointer (&key), texture);

  return texture;
}

/**
 * lc_illustration_load:
 * @name: an illustration name, without ".svg"
 * @width: width in device pixels
 * @height: height in device pixels
 *
 * Returns: (transfer full): a @width × @height texture with the picture
 *   fitted and centred in it, keeping its aspect ratio
 */
GdkTexture *
lc_illustration_load (const char  *name,
                      int          width,
                      int          height,
                      GError     **error)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  return render (name, width, height, error);
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  int *size = user_data;

  size[0] = width;
  size[1] = height;
  /* Only the size is wanted: render as little as possible. */
  gdk_pixbuf_loader_set_size (loader, 1, 1);
}

/**
 * lc_illustration_get_size:
 * @name: an illustration name
 * @out_width: (out): its natural width
 * @out_height: (out): its natural height
 *
 * Gives the picture's natural size (its aspect ratio) without rendering it.
 *
 * Returns: %FALSE with @error set when it cannot be read
 */
gboolean
lc_illustration_get_size (const char  *name,
                          int         *out_width,
                          int         *out_height,
                          GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  int size[2] = { 0, 0 };

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (out_width != NULL && out_height != NULL, FALSE);

  path = g_strconcat (ILLUSTRATIONS_PATH, name, ".svg", NULL);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), size);
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, error) ||
      !gdk_pixbuf_loader_close (loader, error))
    return FALSE;

  if (size[0] <= 0 || size[1] <= 0)
    {
      g_set_error (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                   "“%s” has no size", name);
      return FALSE;
    }

  *out_width = size[0];
  *out_height = size[1];
  return TRUE;
}

typedef struct
{
  char *name;
  int   width;
  int   height;
} LoadRequest;

static void
load_request_free (gpointer data)
{
  LoadRequest *request = data;

  g_free (request->name);
  g_free (request);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadRequest *request = task_data;
  GError *error = NULL;
  GdkTexture *texture = render (request->name, request->width, request->height, &error);

  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

void
lc_illustration_load_async (const char          *name,
                            int                  width,
                            int                  height,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  LoadRequest *request;
  GdkTexture *cached;

  g_return_if_fail (name != NULL);
  g_return_if_fail (width > 0 && height > 0);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lc_illustration_load_async);

  key = cache_key (name, width, height);
  cached = cache_lookup (key);
  if (cached != NULL)
    {
      g_task_return_pointer (task, cached, g_object_unref);
      return;
    }

  request = g_new0 (LoadRequest, 1);
  request->name = g_strdup (name);
  request->width = width;
  request->height = height;
  g_task_set_task_data (task, request, load_request_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * lc_illustration_load_finish:
 *
 * Returns: (transfer full): the texture, or %NULL with @error set
 */
GdkTexture *
lc_illustration_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
image_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GtkImage) image = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = lc_illustration_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (texture == NULL)
    {
      /* The knowledge base test checks every picture; here a generic icon
       * is better than an empty space. */
      g_debug ("Cannot load illustration: %s", error->message);
      gtk_image_set_from_icon_name (image, "image-missing-symbolic");
      return;
    }

  gtk_image_set_from_paintable (image, GDK_PAINTABLE (texture));
}

/**
 * lc_image_set_illustration:
 * @image: an image with its pixel size set
 * @name: (nullable): an illustration name
 * @cancellable: (nullable): cancelled when @image's owner goes away
 *
 * Shows @name in @image at the image's pixel size and scale factor,
 * rendered off the main thread; the image stays empty (keeping its size)
 * until then.
 */
void
lc_image_set_illustration (GtkImage     *image,
                           const char   *name,
                           GCancellable *cancellable)
{
  int size;

  g_return_if_fail (GTK_IS_IMAGE (image));

  gtk_image_clear (image);
  if (name == NULL)
    return;

  size = gtk_image_get_pixel_size (image) * gtk_widget_get_scale_factor (GTK_WIDGET (image));
  g_return_if_fail (size > 0);

  lc_illustration_load_async (name, size, size, cancellable, image_loaded_cb, g_object_ref (image));
}
