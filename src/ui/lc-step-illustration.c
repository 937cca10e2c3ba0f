/* lc-step-illustration.c — a step's picture, rendered crisp at the size shown
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "lc-knowledge.h"
#include "lc-illustration.h"
#include "lc-step-illustration.h"

/* Narrowest the picture gets before the page scrolls sideways instead. */
#define MIN_WIDTH 200

struct _LcStepIllustration
{
  GtkWidget   parent_instance;

  char       *illustration;
  int         intrinsic_width;  /* 0: nothing to draw */
  int         intrinsic_height;
  int         max_height;       /* -1: none */

  GdkTexture *texture;          /* rendered for texture_width × texture_height */
  int         texture_width;
  int         texture_height;
  guint       render_source;
};

G_DEFINE_FINAL_TYPE (LcStepIllustration, lc_step_illustration, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ILLUSTRATION,
  PROP_MAX_HEIGHT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The drawing's box inside the widget: its aspect ratio, centred. */
static void
get_drawing_rect (LcStepIllustration *self,
                  graphene_rect_t    *rect)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double scale;

  scale = MIN (width / self->intrinsic_width, height / self->intrinsic_height);
  graphene_rect_init (rect,
                      floor ((width - self->intrinsic_width * scale) / 2),
                      floor ((height - self->intrinsic_height * scale) / 2),
                      floor (self->intrinsic_width * scale),
                      floor (self->intrinsic_height * scale));
}

static void
render_texture (LcStepIllustration *self,
                int                 pixel_width,
                int                 pixel_height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  texture = lc_illustration_load (self->illustration, pixel_width, pixel_height, &error);
  if (texture == NULL)
    {
      g_warning ("Could not render illustration “%s”: %s", self->illustration, error->message);
      return;
    }

  g_set_object (&self->texture, texture);
  self->texture_width = pixel_width;
  self->texture_height = pixel_height;
}

static gboolean
render_idle_cb (gpointer user_data)
{
  LcStepIllustration *self = user_data;
  graphene_rect_t rect;
  int scale_factor;

  self->render_source = 0;

  if (self->intrinsic_width == 0)
    return G_SOURCE_REMOVE;

  get_drawing_rect (self, &rect);
  scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  render_texture (self,
                  MAX (1, (int) rect.size.width * scale_factor),
                  MAX (1, (int) rect.size.height * scale_factor));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

static void
lc_step_illustration_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  LcStepIllustration *self = LC_STEP_ILLUSTRATION (widget);
  graphene_rect_t rect;
  int scale_factor;
  int pixel_width, pixel_height;

  if (self->intrinsic_width == 0)
    return;

  get_drawing_rect (self, &rect);
  if (rect.size.width < 1 || rect.size.height < 1)
    return;

  scale_factor = gtk_widget_get_scale_factor (widget);
  pixel_width = (int) rect.size.width * scale_factor;
  pixel_height = (int) rect.size.height * scale_factor;

  if (self->texture == NULL)
    {
      render_texture (self, pixel_width, pixel_height);
    }
  else if (self->texture_width != pixel_width || self->texture_height != pixel_height)
    {
      /* While a window is being resized, draw the previous rendering
       * scaled and render the new size once things settle.
       */
      if (self->render_source == 0)
        {
          self->render_source = g_idle_add_full (G_PRIORITY_LOW, render_idle_cb, self, NULL);
          g_source_set_name_by_id (self->render_source, "[lightcode] render illustration");
        }
    }

  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture, &rect);
}

/* Widest it gets: the design maximum, or less when the height is capped. */
static int
get_max_width (LcStepIllustration *self)
{
  int max_width = LC_STEP_ILLUSTRATION_MAX_WIDTH;

  if (self->max_height > 0 && self->intrinsic_height > 0)
    max_width = MIN (max_width, self->max_height * self->intrinsic_width / self->intrinsic_height);

  return MAX (max_width, 1);
}

static GtkSizeRequestMode
lc_step_illustration_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lc_step_illustration_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  LcStepIllustration *self = LC_STEP_ILLUSTRATION (widget);

  if (self->intrinsic_width == 0)
    {
      *minimum = *natural = 0;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *natural = get_max_width (self);
      *minimum = MIN (MIN_WIDTH, *natural);
    }
  else
    {
      int width = for_size < 0 ? get_max_width (self)
                               : MIN (for_size, get_max_width (self));

      *minimum = *natural = (int) ceil ((double) width * self->intrinsic_height / self->intrinsic_width);
    }
}

static void
lc_step_illustration_dispose (GObject *object)
{
  LcStepIllustration *self = LC_STEP_ILLUSTRATION (object);

  g_clear_handle_id (&self->render_source, g_source_remove);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (lc_step_illustration_parent_class)->dispose (object);
}

static void
lc_step_illustration_finalize (GObject *object)
{
  LcStepIllustration *self = LC_STEP_ILLUSTRATION (object);

  g_clear_pointer (&self->illustration, g_free);

  G_OBJECT_CLASS (lc_step_illustration_parent_class)->finalize (object);
}

static void
lc_step_illustration_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LcStepIllustration *self = LC_STEP_ILLUSTRATION (object);

  switch (prop_id)
    {
    case PROP_ILLUSTRATION:
      g_value_set_string (value, self->illustration);
      break;

    case PROP_MAX_HEIGHT:
      g_value_set_int (value, self->max_height);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_step_illustration_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LcStepIllustration *self = LC_STEP_ILLUSTRATION (object);

  switch (prop_id)
    {
    case PROP_ILLUSTRATION:
      lc_step_illustration_set_illustration (self, g_value_get_string (value));
      break;

    case PROP_MAX_HEIGHT:
      lc_step_illustration_set_max_height (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_step_illustration_class_init (LcStepIllustrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_step_illustration_dispose;
  object_class->finalize = lc_step_illustration_finalize;
  object_class->get_property = lc_step_illustration_get_property;
  object_class->set_property = lc_step_illustration_set_property;

  widget_class->snapshot = lc_step_illustration_snapshot;
  widget_class->measure = lc_step_illustration_measure;
  widget_class->get_request_mode = lc_step_illustration_get_request_mode;

  properties [PROP_ILLUSTRATION] =
    g_param_spec_string ("illustration", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_MAX_HEIGHT] =
    g_param_spec_int ("max-height", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "lc-step-illustration");
  /* The step's title and text say everything the picture shows. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
lc_step_illustration_init (LcStepIllustration *self)
{
  self->max_height = -1;
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (gtk_widget_queue_draw), NULL);
}

GtkWidget *
lc_step_illustration_new (void)
{
  return g_object_new (LC_TYPE_STEP_ILLUSTRATION, NULL);
}

const char *
lc_step_illustration_get_illustration (LcStepIllustration *self)
{
  g_return_val_if_fail (LC_IS_STEP_ILLUSTRATION (self), NULL);

  return self->illustration;
}

void
lc_step_illustration_set_illustration (LcStepIllustration *self,
                                       const char         *name)
{
  g_return_if_fail (LC_IS_STEP_ILLUSTRATION (self));

  if (g_strcmp0 (self->illustration, name) == 0)
    return;

  g_free (self->illustration);
  self->illustration = g_strdup (name);

  g_clear_handle_id (&self->render_source, g_source_remove);
  g_clear_object (&self->texture);
  self->texture_width = self->texture_height = 0;
  self->intrinsic_width = self->intrinsic_height = 0;

  if (name != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* The intrinsic size gives the aspect ratio for height-for-width. */
      if (!lc_illustration_get_size (name, &self->intrinsic_width, &self->intrinsic_height, &error))
        g_warning ("Could not load illustration “%s”: %s", name, error->message);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ILLUSTRATION]);
}

int
lc_step_illustration_get_max_height (LcStepIllustration *self)
{
  g_return_val_if_fail (LC_IS_STEP_ILLUSTRATION (self), -1);

  return self->max_height;
}

void
lc_step_illustration_set_max_height (LcStepIllustration *self,
                                     int                 max_height)
{
  g_return_if_fail (LC_IS_STEP_ILLUSTRATION (self));

  max_height = max_height <= 0 ? -1 : max_height;
  if (self->max_height == max_height)
    return;

  self->max_height = max_height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_HEIGHT]);
}

GdkTexture *
lc_step_illustration_get_texture (LcStepIllustration *self)
{
  g_return_val_if_fail (LC_IS_STEP_ILLUSTRATION (self), NULL);

  return self->texture;
}
