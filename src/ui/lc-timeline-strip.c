/* lc-timeline-strip.c — one light's recent on/off and color, as a strip
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lc-timeline-painter.h"
#include "lc-timeline-strip.h"

#define STRIP_HEIGHT   18

struct _LcTimelineStrip
{
  GtkWidget  parent_instance;

  LcLedRun  *runs;
  guint      n_runs;
  gint64     now_ns;
  char      *description;
};

G_DEFINE_FINAL_TYPE (LcTimelineStrip, lc_timeline_strip, GTK_TYPE_WIDGET)

static void
lc_timeline_strip_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  LcTimelineStrip *self = LC_TIMELINE_STRIP (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double h = MIN (height, STRIP_HEIGHT);
  gint64 span = (gint64) LC_LED_TIMELINE_SECONDS * G_GINT64_CONSTANT (1000000000);
  LcTimelineTrack track = { self->runs, self->n_runs, NULL };

  lc_timeline_painter_append (snapshot, widget,
                              &GRAPHENE_RECT_INIT (0, MAX (0, (height - STRIP_HEIGHT) / 2.0), width, h),
                              &track, 1, self->now_ns - span, self->now_ns, 0, NULL);
}

static void
lc_timeline_strip_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 80;
      *natural = 400;
    }
  else
    {
      *minimum = *natural = STRIP_HEIGHT;
    }
}

static void
dark_changed_cb (LcTimelineStrip *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Accessibility: what the strip shows, in words. */
static char *
describe_runs (LcTimelineStrip *self)
{
  gint64 start = self->now_ns - (gint64) LC_LED_TIMELINE_SECONDS * G_GINT64_CONSTANT (1000000000);
  gboolean seen[LC_N_COLORS] = { FALSE, };
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *colors = NULL;
  g_autofree char *lit = NULL;
  guint n_on = 0, n_off = 0, n_unknown = 0;
  gboolean previous_on = FALSE;

  for (guint i = 0; i < self->n_runs; i++)
    {
      const LcLedRun *run = &self->runs[i];

      if (run->end_ns <= start)
        continue;

      if (run->unknown)
        {
          n_unknown++;
          previous_on = FALSE;
          continue;
        }

      if (run->on)
        {
          if (!previous_on)
            n_on++;
          /* Named in the order they were seen. */
          if (run->color > LC_COLOR_NONE && run->color < LC_N_COLORS && !seen[run->color])
            {
              seen[run->color] = TRUE;
              g_ptr_array_add (names, (gpointer) lc_color_get_name (run->color));
            }
        }
      else
        {
          n_off++;
        }
      previous_on = run->on;
    }

  if (n_on == 0 && n_off == 0)
    return g_strdup (_("Nothing seen yet"));

  if (names->len == 0)
    colors = g_strdup (_("Unknown color"));
  else if (names->len == 1)
    colors = g_strdup (g_ptr_array_index (names, 0));
  else
    {
      g_ptr_array_add (names, NULL);
      /* Translators: separates color names, "Blue, Green" */
      colors = g_strjoinv (_(", "), (char **) names->pdata);
    }

  if (n_on == 0)
    lit = g_strdup (_("Last 10 seconds: dark all the time"));
  else if (n_off == 0)
    /* Translators: %s is a color name or a list of them */
    lit = g_strdup_printf (_("Last 10 seconds: %s, lit all the time"), colors);
  else
    /* Translators: %s is a color name or a list of them, %u a count */
    lit = n_on == 1
      ? g_strdup_printf (_("Last 10 seconds: %s, came on once"), colors)
      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Last 10 seconds: %s, came on %u time",
                                      "Last 10 seconds: %s, came on %u times",
                                      n_on),
                         colors, n_on);

  if (n_unknown > 0)
    return g_strdup_printf (_("%s (with gaps where the video skipped)"), lit);

  return g_steal_pointer (&lit);
}

static void
lc_timeline_strip_dispose (GObject *object)
{
  LcTimelineStrip *self = LC_TIMELINE_STRIP (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed_cb, self);

  G_OBJECT_CLASS (lc_timeline_strip_parent_class)->dispose (object);
}

static void
lc_timeline_strip_finalize (GObject *object)
{
  LcTimelineStrip *self = LC_TIMELINE_STRIP (object);

  g_clear_pointer (&self->runs, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (lc_timeline_strip_parent_class)->finalize (object);
}

static void
lc_timeline_strip_class_init (LcTimelineStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_timeline_strip_dispose;
  object_class->finalize = lc_timeline_strip_finalize;

  widget_class->snapshot = lc_timeline_strip_snapshot;
  widget_class->measure = lc_timeline_strip_measure;

  gtk_widget_class_set_css_name (widget_class, "lc-timeline-strip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lc_timeline_strip_init (LcTimelineStrip *self)
{
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (dark_changed_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Light timeline"),
                                  -1);
  self->description = describe_runs (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

GtkWidget *
lc_timeline_strip_new (void)
{
  return g_object_new (LC_TYPE_TIMELINE_STRIP, NULL);
}

void
lc_timeline_strip_set_runs (LcTimelineStrip *self,
                            const LcLedRun  *runs,
                            guint            n_runs,
                            gint64           now_ns)
{
  g_autofree char *description = NULL;

  g_return_if_fail (LC_IS_TIMELINE_STRIP (self));
  g_return_if_fail (runs != NULL || n_runs == 0);

  g_clear_pointer (&self->runs, g_free);
  self->runs = n_runs > 0 ? g_memdup2 (runs, n_runs * sizeof (LcLedRun)) : NULL;
  self->n_runs = n_runs;
  self->now_ns = now_ns;

  description = describe_runs (self);
  if (g_strcmp0 (description, self->description) != 0)
    {
      g_free (self->description);
      self->description = g_steal_pointer (&description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                      -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->description);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
lc_timeline_strip_get_n_runs (LcTimelineStrip *self)
{
  g_return_val_if_fail (LC_IS_TIMELINE_STRIP (self), 0);

  return self->n_runs;
}

const char *
lc_timeline_strip_get_description (LcTimelineStrip *self)
{
  g_return_val_if_fail (LC_IS_TIMELINE_STRIP (self), NULL);

  return self->description;
}
