/* lc-camera-preview.c — the live picture, with each detected light ringed
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Frames arrive as bytes from the video source; the texture is only made
 * when a frame is drawn, so frames the UI is too slow for cost nothing but
 * a reference. The rings are drawn in the snapshot, never into the pixels.
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lc-color-style.h"
#include "lc-camera-preview.h"
#include "lc-draw.h"

/* Smallest ring, in logical pixels, so a tiny light can still be clicked. */
#define MIN_RING_RADIUS   14.0
/* A click this far outside a ring still picks it. */
#define RING_CLICK_SLACK  8.0
#define CORNER_RADIUS     8.0
#define BADGE_RADIUS      10.0
/* Samples taken for the mean brightness (a sparse grid is plenty). */
#define BRIGHTNESS_SAMPLES 4096
/* The latency log prints its median this often (frames). */
#define LATENCY_REPORT_EVERY 300

typedef struct
{
  gint64 pts_ns;
  gint64 arrival_us;   /* handed over on the main context */
  gint64 frame_us;     /* the frame clock's time of the frame that drew it */
  gint64 painted_us;   /* when the snapshot took it */
} LatencySample;

struct _LcCameraPreview
{
  GtkWidget      parent_instance;

  /* The latest frame, not drawn yet */
  GBytes        *pending;
  int            pending_width;
  int            pending_height;
  int            pending_stride;
  gint64         pending_pts;
  gint64         pending_arrival_us;

  /* What is shown */
  GdkTexture    *texture;
  int            frame_width;
  int            frame_height;
  double         mean_brightness;

  LcDetectedLed  leds[LC_DETECTION_MAX_LEDS];
  guint          n_leds;
  int            focused;         /* ring under keyboard focus, or -1 */
  char          *description;

  guint          received;
  guint          drawn;
  guint          dropped;

  GArray        *latency;         /* LatencySample, when LIGHTCODE_DEBUG_LATENCY is set */

  /* The size the picture is drawn at, in device pixels, as last told */
  int            pixel_width;
  int            pixel_height;
  guint          pixel_size_timeout;
};

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

static gboolean
get_picture_rect (LcCameraPreview *self,
                  graphene_rect_t *out_rect)
{
  return fit_rect (self, self->frame_width, self->frame_height, out_rect);
}

static void
get_ring (LcCameraPreview       *self,
          const graphene_rect_t *picture,
          const LcDetectedLed   *led,
          double                *out_x,
          double                *out_y,
          double                *out_radius)
{
  double lit_radius = led->radius * picture->size.width;

  *out_x = picture->origin.x + led->x * picture->size.width;
  *out_y = picture->origin.y + led->y * picture->size.height;
  /* Leave room around the glow so the light itself stays visible. */
  *out_radius = MAX (lit_radius * 2.0 + 8.0, MIN_RING_RADIUS);
}

static int
find_ring_at (LcCameraPreview *self,
              double           x,
              double           y)
{
  graphene_rect_t picture;
  double best_distance = G_MAXDOUBLE;
  int best = -1;

  if (!get_picture_rect (self, &picture))
    return -1;

  for (guint i = 0; i < self->n_leds; i++)
    {
      double cx, cy, radius, distance;

      get_ring (self, &picture, &self->leds[i], &cx, &cy, &radius);
      distance = hypot (x - cx, y - cy);
      if (distance <= radius + RING_CLICK_SLACK && distance < best_distance)
        {
          best_distance = distance;
          best = (int) i;
        }
    }

  return best;
}

/* Colors */

static GdkRGBA
get_accent (LcCameraPreview *self)
{
  static const GdkRGBA blue = { 0.21f, 0.52f, 0.89f, 1.0f };

  return lc_widget_lookup_color (GTK_WIDGET (self), "accent_bg_color", &blue);
}

/* Accessibility */

static void
update_description (LcCameraPreview *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->n_leds == 0)
    {
      g_string_append (text, _("No light is marked yet."));
    }
  else
    {
      for (guint i = 0; i < self->n_leds; i++)
        {
          const LcDetectedLed *led = &self->leds[i];
          const char *color = led->light.n_colors > 0 ? lc_color_get_name (led->light.colors[0])
                                                      : _("Unknown color");

          if (i > 0)
            g_string_append (text, " ");
          if (led->selected)
            /* Translators: "Light 1: Red, chosen." */
            g_string_append_printf (text, _("Light %u: %s, chosen."), i + 1, color);
          else
            /* Translators: "Light 1: Red." */
            g_string_append_printf (text, _("Light %u: %s."), i + 1, color);
        }

      if (self->n_leds > 1)
        {
          g_string_append (text, " ");
          g_string_append (text, _("Click a light, or use the arrow keys and Enter, to choose the one that matters."));
        }
    }

  if (g_strcmp0 (text->str, self->description) == 0)
    return;

  g_free (self->description);
  self->description = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

/* Latency log */

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
report_latency (LcCameraPreview *self)
{
  g_autofree gint64 *total = NULL;
  g_autofree gint64 *clock = NULL;
  g_autofree gint64 *ui = NULL;
  gint64 base = G_MAXINT64;
  guint n;

  if (self->latency == NULL || self->latency->len == 0)
    return;

  n = self->latency->len;
  total = g_new (gint64, n);
  clock = g_new (gint64, n);
  ui = g_new (gint64, n);

  /* A live pipeline hands a frame over at base time + pts; the earliest
   * arrival relative to its pts is the best estimate of that base time
   * (GStreamer's system clock and GLib's monotonic time are the same clock).
   */
  for (guint i = 0; i < n; i++)
    {
      const LatencySample *s = &g_array_index (self->latency, LatencySample, i);

      base = MIN (base, s->arrival_us * 1000 - s->pts_ns);
    }

  for (guint i = 0; i < n; i++)
    {
      const LatencySample *s = &g_array_index (self->latency, LatencySample, i);

      total[i] = s->painted_us * 1000 - s->pts_ns - base;
      clock[i] = s->frame_us * 1000 - s->pts_ns - base;
      ui[i] = (s->painted_us - s->arrival_us) * 1000;
    }

  qsort (total, n, sizeof (gint64), compare_gint64);
  qsort (clock, n, sizeof (gint64), compare_gint64);
  qsort (ui, n, sizeof (gint64), compare_gint64);

  g_printerr ("lightcode latency: %u frames drawn, %u dropped; timestamp → drawn: median %.1f ms, "
              "90th percentile %.1f ms; timestamp → frame clock time: median %.1f ms; "
              "hand-over → drawn: median %.1f ms\n",
              n, self->dropped,
              total[n / 2] / 1e6, total[(n * 9) / 10] / 1e6, clock[n / 2] / 1e6, ui[n / 2] / 1e6);
}

/* Drawing */

static void
append_badge (LcCameraPreview *self,
              GtkSnapshot     *snapshot,
              double           cx,
              double           cy,
              guint            number,
              const GdkRGBA   *background)
{
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA shadow = { 0, 0, 0, 0.5f };
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = g_strdup_printf ("%u", number);
  int text_width, text_height;

  lc_draw_disc (snapshot, &GRAPHENE_POINT_INIT (cx, cy), BADGE_RADIUS + 1, &shadow);
  lc_draw_disc (snapshot, &GRAPHENE_POINT_INIT (cx, cy), BADGE_RADIUS, background);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (cx - text_width / 2.0, cy - text_height / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &white);
  gtk_snapshot_restore (snapshot);
}

static void
append_rings (LcCameraPreview       *self,
              GtkSnapshot           *snapshot,
              const graphene_rect_t *picture)
{
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA halo = { 0, 0, 0, 0.55f };
  static const GdkRGBA badge = { 0.14f, 0.12f, 0.19f, 0.9f };
  GdkRGBA accent = get_accent (self);
  gboolean show_focus = gtk_widget_has_visible_focus (GTK_WIDGET (self));

  for (guint i = 0; i < self->n_leds; i++)
    {
      const LcDetectedLed *led = &self->leds[i];
      graphene_point_t center;
      double cx, cy, radius;

      get_ring (self, picture, led, &cx, &cy, &radius);
      center = GRAPHENE_POINT_INIT (cx, cy);

      /* A dark halo on both sides keeps the ring visible on any picture. */
      if (led->selected)
        {
          lc_draw_ring (snapshot, &center, radius + 5, 7, &halo);
          lc_draw_ring (snapshot, &center, radius + 4, 5, &accent);
          lc_draw_ring (snapshot, &center, radius - 1, 1, &white);
        }
      else
        {
          lc_draw_ring (snapshot, &center, radius + 3, 5, &halo);
          lc_draw_ring (snapshot, &center, radius + 2, 3, &white);
        }

      if (show_focus && self->focused == (int) i)
        lc_draw_ring (snapshot, &center, radius + 10, 2, &accent);

      if (self->n_leds > 1)
        append_badge (self, snapshot,
                      cx + radius * M_SQRT1_2 + 4, cy - radius * M_SQRT1_2 - 4,
                      i + 1, led->selected ? &accent : &badge);
    }
}

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
    {
      LatencySample sample = {
        .pts_ns = self->pending_pts,
        .arrival_us = self->pending_arrival_us,
        .frame_us = gdk_frame_clock_get_frame_time (frame_clock),
        .painted_us = g_get_monotonic_time (),
      };

      g_array_append_val (self->latency, sample);
      if (self->latency->len % LATENCY_REPORT_EVERY == 0)
        report_latency (self);
    }
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

  if (self->texture == NULL || !get_picture_rect (self, &picture))
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

  append_rings (self, snapshot, &picture);
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

/* Input */

static void
activate_ring (LcCameraPreview *self,
               int              index)
{
  const LcDetectedLed *led;

  g_assert (index >= 0 && (guint) index < self->n_leds);

  led = &self->leds[index];
  g_signal_emit (self, signals[LIGHT_ACTIVATED], 0, led->x, led->y);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   LcCameraPreview *self)
{
  graphene_rect_t picture;
  int ring;

  if (!get_picture_rect (self, &picture) ||
      !graphene_rect_contains_point (&picture, &GRAPHENE_POINT_INIT (x, y)))
    return;

  ring = find_ring_at (self, x, y);
  if (ring >= 0)
    {
      self->focused = ring;
      activate_ring (self, ring);
      return;
    }

  /* Not on a ring: the detector starts watching that spot. */
  g_signal_emit (self, signals[LIGHT_ACTIVATED], 0,
                 (x - picture.origin.x) / picture.size.width,
                 (y - picture.origin.y) / picture.size.height);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LcCameraPreview       *self)
{
  int n = (int) self->n_leds;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      self->focused = self->focused <= 0 ? n - 1 : self->focused - 1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return GDK_EVENT_STOP;

    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      self->focused = (self->focused + 1) % n;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return GDK_EVENT_STOP;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (self->focused < 0 || self->focused >= n)
        self->focused = 0;
      activate_ring (self, self->focused);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
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

  if (self->latency != NULL && self->latency->len % LATENCY_REPORT_EVERY != 0)
    report_latency (self);

  g_clear_pointer (&self->pending, g_bytes_unref);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->latency, g_array_unref);

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
  GtkGesture *click;
  GtkEventController *keys;

  self->focused = -1;
  self->mean_brightness = -1;

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);

  if (g_strcmp0 (g_getenv ("LIGHTCODE_DEBUG_LATENCY"), "1") == 0)
    self->latency = g_array_new (FALSE, FALSE, sizeof (LatencySample));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Camera picture"),
                                  -1);
  update_description (self);
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
  self->n_leds = 0;
  self->focused = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
lc_camera_preview_has_frame (LcCameraPreview *self)
{
  g_return_val_if_fail (LC_IS_CAMERA_PREVIEW (self), FALSE);

  return self->texture != NULL || self->pending != NULL;
}

void
lc_camera_preview_set_detection (LcCameraPreview   *self,
                                 const LcDetection *detection)
{
  guint n_leds = 0;

  g_return_if_fail (LC_IS_CAMERA_PREVIEW (self));

  if (detection != NULL)
    {
      n_leds = MIN (detection->n_leds, (guint) LC_DETECTION_MAX_LEDS);
      memcpy (self->leds, detection->leds, n_leds * sizeof (LcDetectedLed));
    }

  self->n_leds = n_leds;
  if (self->focused >= (int) n_leds)
    self->focused = n_leds > 0 ? 0 : -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), n_leds > 0);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
lc_camera_preview_get_n_rings (LcCameraPreview *self)
{
  g_return_val_if_fail (LC_IS_CAMERA_PREVIEW (self), 0);

  return self->n_leds;
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
