/* lc-camera-preview.c — the live picture, with each detected light ringed
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Frames arrive as bytes from the video source; the texture is only made
 * when a frame is drawn, so frames the UI is too slow for cost nothing but
 * a reference. The rings are drawn in the snapshot, never into the pixels
 * (lc-camera-preview-rings.c).
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "lc-camera-preview-private.h"
#include "lc-color-style.h"

#define CORNER_RADIUS     8.0
/* Samples taken for the mean brightness (a sparse grid is plenty). */
#define BRIGHTNESS_SAMPLES 4096

G_DEFINE_FINAL_TYPE (LcCameraPreview, lc_camera_preview, GTK_TYPE_WIDGET)

enum {
  LIGHT_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

enum {
  PROP_0,
  PROP_PIXEL_WIDTH,
  PROP_PIXEL_HEIGHT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* A resize settles for this long before the video is told: a window being
 * dragged bigger should not renegotiate the preview at every step.
 */
#define PIXEL_SIZE_SETTLE_MS 250

/* Geometry */

/* Where a frame of @frame_width × @frame_height goes: as large as fits,
 * centred across and at the top, so the reading beside it lines up.
 */
static gboolean
fit_rect (LcCameraPreview *self,
          int              frame_width,
          int              frame_height,
          graphene_rect_t *out_rect)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double scale;

  if (frame_width <= 0 || frame_height <= 0 || width <= 0 || height <= 0)
    return FALSE;

  scale = MIN ((double) width / frame_width, (double) height / frame_height);
  graphene_rect_init (out_rect,
                      floor ((width - frame_width * scale) / 2.0),
                      0,
                      frame_width * scale,
                      frame_height * scale);

  return TRUE;
}

gboolean
_lc_camera_preview_get_picture_rect (LcCameraPreview *self,
                                     graphene_rect_t *out_rect)
{
  return fit_rect (self, self->frame_width, self->frame_height, out_rect);
}

void
_lc_camera_preview_emit_light_activated (LcCameraPreview *self,
                                         double           x,
                                         double           y)
{
  g_signal_emit (self, signals[LIGHT_ACTIVATED], 0, x, y);
}

/* Drawing */

static void
take_pending_frame (LcCameraPreview *self)
{
  g_autoptr(GBytes) pixels = g_steal_pointer (&self->pending);
  GdkFrameClock *frame_clock;

  g_clear_object (&self->texture);
  self->texture = gdk_memory_texture_new (self->pending_width, self->pending_height,
                                          GDK_MEMORY_R8G8B8A8,
                                          pixels, self->pending_stride);
  self->drawn++;

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (self->latency != NULL && frame_clock != NULL && self->pending_pts >= 0)
    lc_latency_log_add (self->latency, self->pending_pts, self->pending_arrival_us,
                        gdk_frame_clock_get_frame_time (frame_clock), g_get_monotonic_time (),
                        self->dropped);
}

static void
lc_camera_preview_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  LcCameraPreview *self = LC_CAMERA_PREVIEW (widget);
  graphene_rect_t picture;
  GskRoundedRect clip;

  if (self->pending != NULL)
    take_pending_frame (self);

  if (self->texture == NULL || !_lc_camera_preview_get_picture_rect (self, &picture))
    {
      GdkRGBA placeholder = lc_widget_get_foreground (GTK_WIDGET (self));

      /* An empty frame of the usual shape, while the camera starts. */
      placeholder.alpha *= 0.08f;
      if (!fit_rect (self, 16, 9, &picture))
        return;
      gsk_rounded_rect_init_from_rect (&clip, &picture, CORNER_RADIUS);
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
      gtk_snapshot_append_color (snapshot, &placeholder, &clip.bounds);
      gtk_snapshot_pop (snapshot);
      return;
    }

  gsk_rounded_rect_init_from_rect (&clip, &picture, CORNER_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_texture (snapshot, self->texture, &picture);
  gtk_snapshot_pop (snapshot);

  _lc_camera_preview_append_rings (self, snapshot, &picture);
}

static void
lc_camera_preview_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  LcCameraPreview *self = LC_CAMERA_PREVIEW (widget);
  double aspect = 16.0 / 9.0;

  if (self->frame_width > 0 && self->frame_height > 0)
    aspect = (double) self->frame_width / self->frame_height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = for_size > 0 ? MAX (160, (int) (for_size * aspect)) : 640;
    }
  else
    {
      *minimum = 120;
      *natural = for_size > 0 ? MAX (120, (int) (for_size / aspect)) : 360;
    }
}

static GtkSizeRequestMode
lc_camera_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Size in device pixels */

static void
publish_pixel_size (LcCameraPreview *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self)) * scale;
  int height = gtk_widget_get_height (GTK_WIDGET (self)) * scale;

  g_object_freeze_notify (G_OBJECT (self));
  if (width != self->pixel_width)
    {
      self->pixel_width = width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIXEL_WIDTH]);
    }
  if (height != self->pixel_height)
    {
      self->pixel_height = height;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIXEL_HEIGHT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
pixel_size_settled_cb (gpointer user_data)
{
  LcCameraPreview *self = user_data;

  self->pixel_size_timeout = 0;
  publish_pixel_size (self);

  return G_SOURCE_REMOVE;
}

/* The first size is told at once, later ones once they settle. */
static void
queue_pixel_size (LcCameraPreview *self)
{
  if (self->pixel_width == 0 || self->pixel_height == 0)
    {
      publish_pixel_size (self);
      return;
    }

  g_clear_handle_id (&self->pixel_size_timeout, g_source_remove);
  self->pixel_size_timeout = g_timeout_add (PIXEL_SIZE_SETTLE_MS, pixel_size_settled_cb, self);
}

static void
lc_camera_preview_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  queue_pixel_size (LC_CAMERA_PREVIEW (widget));
}

static void
scale_factor_changed_cb (LcCameraPreview *self)
{
  queue_pixel_size (self);
}

/* GObject */

static void
lc_camera_preview_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LcCameraPreview *self = LC_CAMERA_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PIXEL_WIDTH:
      g_value_set_int (value, self->pixel_width);
      break;

    case PROP_PIXEL_HEIGHT:
      g_value_set_int (value, self->pixel_height);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_camera_preview_dispose (GObject *object)
{
  LcCameraPreview *self = LC_CAMERA_PREVIEW (object);

  g_clear_handle_id (&self->pixel_size_timeout, g_source_remove);

  if (self->latency != NULL)
    lc_latency_log_flush (self->latency, self->dropped);

  g_clear_pointer (&self->pending, g_bytes_unref);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->latency, lc_latency_log_free);

  G_OBJECT_CLASS (lc_camera_preview_parent_class)->dispose (object);
}

static void
lc_camera_preview_finalize (GObject *object)
{
  LcCameraPreview *self = LC_CAMERA_PREVIEW (object);

  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (lc_camera_preview_parent_class)->finalize (object);
}

static void
lc_camera_preview_class_init (LcCameraPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_camera_preview_dispose;
  object_class->finalize = lc_camera_preview_finalize;
  object_class->get_property = lc_camera_preview_get_property;

  widget_class->snapshot = lc_camera_preview_snapshot;
  widget_class->size_allocate = lc_camera_preview_size_allocate;
  widget_class->measure = lc_camera_preview_measure;
  widget_class->get_request_mode = lc_camera_preview_get_request_mode;

  signals [LIGHT_ACTIVATED] =
    g_signal_new ("light-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  /**
   * LcCameraPreview:pixel-width:
   *
   * How wide the picture is drawn, in device pixels (0 before it is
   * shown), once a resize has settled: the video need not be converted
   * any larger. See also LcCameraPreview:pixel-height.
   */
  properties [PROP_PIXEL_WIDTH] =
    g_param_spec_int ("pixel-width", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PIXEL_HEIGHT] =
    g_param_spec_int ("pixel-height", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "lc-camera-preview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lc_camera_preview_init (LcCameraPreview *self)
{
  self->mean_brightness = -1;

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);

  self->latency = lc_latency_log_new_from_env ();

  _lc_camera_preview_init_rings (self);
}

/* Public API */

/**
 * lc_camera_preview_get_pixel_size:
 *
 * Gets the size the picture is drawn at, in device pixels, as last
 * notified (0 × 0 before it is shown).
 */
void
lc_camera_preview_get_pixel_size (LcCameraPreview *self,
                                  int             *out_width,
                                  int             *out_height)
{
  g_return_if_fail (LC_IS_CAMERA_PREVIEW (self));

  if (out_width != NULL)
    *out_width = self->pixel_width;
  if (out_height != NULL)
    *out_height = self->pixel_height;
}

GtkWidget *
lc_camera_preview_new (void)
{
  return g_object_new (LC_TYPE_CAMERA_PREVIEW, NULL);
}

static double
measure_brightness (const guint8 *data,
                    int           width,
                    int           height,
                    int           stride)
{
  int step = MAX (1, (int) sqrt ((double) width * height / BRIGHTNESS_SAMPLES));
  guint64 sum = 0;
  guint64 n = 0;

  for (int y = step / 2; y < height; y += step)
    {
      const guint8 *row = data + (gsize) y * stride;

      for (int x = step / 2; x < width; x += step)
        {
          const guint8 *p = row + (gsize) x * 4;

          /* Rec. 601 luma, in integers. */
          sum += (299 * p[0] + 587 * p[1] + 114 * p[2]) / 1000;
          n++;
        }
    }

  return n > 0 ? (double) sum / n / 255.0 : -1;
}

void
lc_camera_preview_set_frame (LcCameraPreview *self,
                             GBytes          *pixels,
                             int              width,
                             int              height,
                             int              stride,
                             gint64           pts_ns)
{
  gsize size;
  const guint8 *data;

  g_return_if_fail (LC_IS_CAMERA_PREVIEW (self));
  g_return_if_fail (pixels != NULL);
  g_return_if_fail (width > 0 && height > 0 && stride >= width * 4);

  data = g_bytes_get_data (pixels, &size);
  g_return_if_fail (size >= (gsize) stride * (height - 1) + (gsize) width * 4);

  self->received++;
  if (self->pending != NULL)
    self->dropped++;

  g_clear_pointer (&self->pending, g_bytes_unref);
  self->pending = g_bytes_ref (pixels);
  self->pending_width = width;
  self->pending_height = height;
  self->pending_stride = stride;
  self->pending_pts = pts_ns;
  self->pending_arrival_us = g_get_monotonic_time ();

  self->mean_brightness = measure_brightness (data, width, height, stride);

  if (width != self->frame_width || height != self->frame_height)
    {
      self->frame_width = width;
      self->frame_height = height;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
lc_camera_preview_clear (LcCameraPreview *self)
{
  g_return_if_fail (LC_IS_CAMERA_PREVIEW (self));

  g_clear_pointer (&self->pending, g_bytes_unref);
  g_clear_object (&self->texture);
  self->frame_width = self->frame_height = 0;
  self->mean_brightness = -1;
  _lc_camera_preview_clear_rings (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
lc_camera_preview_has_frame (LcCameraPreview *self)
{
  g_return_val_if_fail (LC_IS_CAMERA_PREVIEW (self), FALSE);

  return self->texture != NULL || self->pending != NULL;
}

double
lc_camera_preview_get_mean_brightness (LcCameraPreview *self)
{
  g_return_val_if_fail (LC_IS_CAMERA_PREVIEW (self), -1);

  return self->mean_brightness;
}

void
lc_camera_preview_get_frame_counts (LcCameraPreview *self,
                                    guint           *out_received,
                                    guint           *out_drawn,
                                    guint           *out_dropped)
{
  g_return_if_fail (LC_IS_CAMERA_PREVIEW (self));

  if (out_received != NULL)
    *out_received = self->received;
  if (out_drawn != NULL)
    *out_drawn = self->drawn;
  if (out_dropped != NULL)
    *out_dropped = self->dropped;
}
