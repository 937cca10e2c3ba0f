/* lc-breakpoint-bin.c — a bin that tells its page which width class it is laid out in
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-breakpoint-bin.h"

struct _LcBreakpointBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  GArray    *breakpoints;  /* int, ascending */
  guint      size_class;
  int        min_width;
  gboolean   allocated;    /* until then, the widest class */
};

G_DEFINE_FINAL_TYPE (LcBreakpointBin, lc_breakpoint_bin, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  PROP_SIZE_CLASS,
  PROP_MIN_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
size_class_for_width (LcBreakpointBin *self,
                      int              width)
{
  guint size_class = 0;

  while (size_class < self->breakpoints->len &&
         width >= g_array_index (self->breakpoints, int, size_class))
    size_class++;

  return size_class;
}

static void
lc_breakpoint_bin_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  LcBreakpointBin *self = LC_BREAKPOINT_BIN (widget);

  if (self->child == NULL)
    return;

  gtk_widget_measure (self->child, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);

  if (orientation == GTK_ORIENTATION_HORIZONTAL && self->min_width >= 0)
    *minimum = MIN (*minimum, self->min_width);
}

static void
lc_breakpoint_bin_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  LcBreakpointBin *self = LC_BREAKPOINT_BIN (widget);
  guint size_class = size_class_for_width (self, width);

  self->allocated = TRUE;

  /* Before the child is allocated, so it is laid out for this width. */
  if (size_class != self->size_class)
    {
      self->size_class = size_class;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE_CLASS]);
    }

  if (self->child != NULL)
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static GtkSizeRequestMode
lc_breakpoint_bin_get_request_mode (GtkWidget *widget)
{
  LcBreakpointBin *self = LC_BREAKPOINT_BIN (widget);

  return self->child != NULL ? gtk_widget_get_request_mode (self->child)
                             : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
lc_breakpoint_bin_dispose (GObject *object)
{
  LcBreakpointBin *self = LC_BREAKPOINT_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (lc_breakpoint_bin_parent_class)->dispose (object);
}

static void
lc_breakpoint_bin_finalize (GObject *object)
{
  LcBreakpointBin *self = LC_BREAKPOINT_BIN (object);

  g_array_unref (self->breakpoints);

  G_OBJECT_CLASS (lc_breakpoint_bin_parent_class)->finalize (object);
}

static void
lc_breakpoint_bin_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LcBreakpointBin *self = LC_BREAKPOINT_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;

    case PROP_SIZE_CLASS:
      g_value_set_uint (value, self->size_class);
      break;

    case PROP_MIN_WIDTH:
      g_value_set_int (value, self->min_width);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_breakpoint_bin_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LcBreakpointBin *self = LC_BREAKPOINT_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      lc_breakpoint_bin_set_child (self, g_value_get_object (value));
      break;

    case PROP_MIN_WIDTH:
      lc_breakpoint_bin_set_min_width (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_breakpoint_bin_class_init (LcBreakpointBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_breakpoint_bin_dispose;
  object_class->finalize = lc_breakpoint_bin_finalize;
  object_class->get_property = lc_breakpoint_bin_get_property;
  object_class->set_property = lc_breakpoint_bin_set_property;

  widget_class->measure = lc_breakpoint_bin_measure;
  widget_class->size_allocate = lc_breakpoint_bin_size_allocate;
  widget_class->get_request_mode = lc_breakpoint_bin_get_request_mode;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE_CLASS] =
    g_param_spec_uint ("size-class", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_WIDTH] =
    g_param_spec_int ("min-width", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_breakpoint_bin_init (LcBreakpointBin *self)
{
  self->breakpoints = g_array_new (FALSE, FALSE, sizeof (int));
  self->min_width = -1;
}

GtkWidget *
lc_breakpoint_bin_new (void)
{
  return g_object_new (LC_TYPE_BREAKPOINT_BIN, NULL);
}

GtkWidget *
lc_breakpoint_bin_get_child (LcBreakpointBin *self)
{
  g_return_val_if_fail (LC_IS_BREAKPOINT_BIN (self), NULL);

  return self->child;
}

void
lc_breakpoint_bin_set_child (LcBreakpointBin *self,
                             GtkWidget       *child)
{
  g_return_if_fail (LC_IS_BREAKPOINT_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));
  g_return_if_fail (child == NULL || gtk_widget_get_parent (child) == NULL);

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

void
lc_breakpoint_bin_set_breakpoints (LcBreakpointBin *self,
                                   const int       *widths,
                                   guint            n_widths)
{
  g_return_if_fail (LC_IS_BREAKPOINT_BIN (self));
  g_return_if_fail (widths != NULL || n_widths == 0);

  for (guint i = 1; i < n_widths; i++)
    g_return_if_fail (widths[i - 1] < widths[i]);

  g_array_set_size (self->breakpoints, 0);
  g_array_append_vals (self->breakpoints, widths, n_widths);

  if (!self->allocated && self->size_class != n_widths)
    {
      self->size_class = n_widths;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE_CLASS]);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

guint
lc_breakpoint_bin_get_size_class (LcBreakpointBin *self)
{
  g_return_val_if_fail (LC_IS_BREAKPOINT_BIN (self), 0);

  return self->size_class;
}

int
lc_breakpoint_bin_get_min_width (LcBreakpointBin *self)
{
  g_return_val_if_fail (LC_IS_BREAKPOINT_BIN (self), -1);

  return self->min_width;
}

void
lc_breakpoint_bin_set_min_width (LcBreakpointBin *self,
                                 int              min_width)
{
  g_return_if_fail (LC_IS_BREAKPOINT_BIN (self));
  g_return_if_fail (min_width >= -1);

  if (self->min_width == min_width)
    return;

  self->min_width = min_width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_WIDTH]);
}
