/* lc-camera-light-list.c — the lights the camera page sees, each with its timeline
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-camera-light-list.h"
#include "lc-reading-words.h"
#include "lc-timeline-strip.h"

typedef struct
{
  GtkWidget       *row;
  GtkLabel        *number_label;
  GtkLabel        *name_label;
  LcTimelineStrip *strip;
  GtkWidget       *check;   /* shown on the chosen light */
  guint            led_id;
  double           x;       /* where the light is, in the frame (0–1) */
  double           y;
} LightRow;

struct _LcCameraLightList
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkListBox *list;

  GPtrArray  *rows;         /* LightRow, in the order lights were found */
};

G_DEFINE_FINAL_TYPE (LcCameraLightList, lc_camera_light_list, GTK_TYPE_WIDGET)

enum {
  LIGHT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static LightRow *
find_row (LcCameraLightList *self,
          guint              led_id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      LightRow *row = g_ptr_array_index (self->rows, i);

      if (row->led_id == led_id)
        return row;
    }

  return NULL;
}

static LightRow *
add_row (LcCameraLightList *self,
         guint              led_id)
{
  LightRow *row = g_new0 (LightRow, 1);
  GtkWidget *box, *text_box;

  row->led_id = led_id;

  row->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), TRUE);
  g_object_set_data (G_OBJECT (row->row), "lc-led-id", GUINT_TO_POINTER (led_id));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "lc-light-row");

  row->number_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (row->number_label), "lc-light-number");
  gtk_widget_set_valign (GTK_WIDGET (row->number_label), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->number_label));

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (text_box, TRUE);
  row->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->name_label, 0);
  gtk_label_set_wrap (row->name_label, TRUE);
  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (row->name_label));
  row->strip = LC_TIMELINE_STRIP (lc_timeline_strip_new ());
  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (row->strip));
  gtk_box_append (GTK_BOX (box), text_box);

  row->check = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_valign (row->check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row->check, _("Chosen"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chosen"),
                                  -1);
  gtk_box_append (GTK_BOX (box), row->check);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
  gtk_list_box_append (self->list, row->row);
  g_ptr_array_add (self->rows, row);

  return row;
}

/* Rows of lights that are gone go; new lights get a row at the end. */
static void
sync_rows (LcCameraLightList *self,
           const LcDetection *detection)
{
  for (guint i = self->rows->len; i > 0; i--)
    {
      LightRow *row = g_ptr_array_index (self->rows, i - 1);
      gboolean present = FALSE;

      for (guint j = 0; j < detection->n_leds; j++)
        present |= detection->leds[j].id == row->led_id;

      if (!present)
        {
          gtk_list_box_remove (self->list, row->row);
          g_ptr_array_remove_index (self->rows, i - 1);
        }
    }

  for (guint j = 0; j < detection->n_leds; j++)
    {
      if (find_row (self, detection->leds[j].id) == NULL)
        add_row (self, detection->leds[j].id);
    }
}

static void
label_row (LightRow   *row,
           guint       number,
           const char *name,
           gboolean    any_chosen)
{
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  g_autofree char *label = NULL;

  gtk_label_set_label (row->number_label, number_text);
  gtk_label_set_label (row->name_label, name);
  /* Translators: "Light 1: Red light, blinking" */
  label = g_strdup_printf (_("Light %u: %s"), number, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_tooltip_text (row->row,
                               any_chosen ? _("Click to choose this light, or click the chosen one again to keep all lights")
                                          : _("Click to choose this light as the one that matters"));
}

static void
row_activated_cb (LcCameraLightList *self,
                  GtkListBoxRow     *list_row)
{
  guint led_id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list_row), "lc-led-id"));
  LightRow *row = find_row (self, led_id);

  if (row != NULL)
    g_signal_emit (self, signals[LIGHT_ACTIVATED], 0,
                   row->x, row->y, gtk_widget_get_visible (row->check));
}

static void
lc_camera_light_list_dispose (GObject *object)
{
  LcCameraLightList *self = LC_CAMERA_LIGHT_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_CAMERA_LIGHT_LIST);

  G_OBJECT_CLASS (lc_camera_light_list_parent_class)->dispose (object);
}

static void
lc_camera_light_list_finalize (GObject *object)
{
  LcCameraLightList *self = LC_CAMERA_LIGHT_LIST (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (lc_camera_light_list_parent_class)->finalize (object);
}

static void
lc_camera_light_list_class_init (LcCameraLightListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_camera_light_list_dispose;
  object_class->finalize = lc_camera_light_list_finalize;

  /**
   * LcCameraLightList::light-activated:
   * @x: where the light is in the frame, 0 to 1
   * @y: the same, down
   * @chosen: whether it is the chosen light already
   *
   * A light's row was activated.
   */
  signals[LIGHT_ACTIVATED] =
    g_signal_new ("light-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lightcode/Lightcode/ui/lc-camera-light-list.ui");
  gtk_widget_class_bind_template_child (widget_class, LcCameraLightList, box);
  gtk_widget_class_bind_template_child (widget_class, LcCameraLightList, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lc_camera_light_list_init (LcCameraLightList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
lc_camera_light_list_new (void)
{
  return g_object_new (LC_TYPE_CAMERA_LIGHT_LIST, NULL);
}

void
lc_camera_light_list_set_detection (LcCameraLightList *self,
                                    const LcDetection *detection,
                                    gboolean           confirmed,
                                    gboolean           finished,
                                    LcDetection       *ordered)
{
  LcDetection in_order;
  gboolean any_chosen = FALSE;

  g_return_if_fail (LC_IS_CAMERA_LIGHT_LIST (self));
  g_return_if_fail (detection != NULL);

  sync_rows (self, detection);

  for (guint j = 0; j < detection->n_leds; j++)
    any_chosen |= detection->leds[j].selected;

  in_order = *detection;
  in_order.n_leds = 0;
  for (guint i = 0; i < self->rows->len; i++)
    {
      LightRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *name = NULL;

      for (guint j = 0; j < detection->n_leds; j++)
        {
          const LcDetectedLed *led = &detection->leds[j];

          if (led->id != row->led_id)
            continue;

          in_order.leds[in_order.n_leds++] = *led;
          row->x = led->x;
          row->y = led->y;
          name = lc_reading_words_for_row (led, confirmed, finished);
          gtk_widget_set_visible (row->check, led->selected);
          break;
        }

      label_row (row, i + 1, name, any_chosen);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);

  if (ordered != NULL)
    *ordered = in_order;
}

void
lc_camera_light_list_update_timelines (LcCameraLightList *self,
                                       LcVideoSource     *source,
                                       gint64             now_ns)
{
  g_return_if_fail (LC_IS_CAMERA_LIGHT_LIST (self));
  g_return_if_fail (LC_IS_VIDEO_SOURCE (source));

  for (guint i = 0; i < self->rows->len; i++)
    {
      LightRow *row = g_ptr_array_index (self->rows, i);
      g_autofree LcLedRun *runs = NULL;
      guint n_runs = 0;

      runs = lc_video_source_dup_timeline (source, row->led_id, &n_runs);
      lc_timeline_strip_set_runs (row->strip, runs, n_runs,
                                  n_runs > 0 ? runs[n_runs - 1].end_ns : now_ns);
    }
}

void
lc_camera_light_list_clear (LcCameraLightList *self)
{
  g_return_if_fail (LC_IS_CAMERA_LIGHT_LIST (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      LightRow *row = g_ptr_array_index (self->rows, i);

      gtk_list_box_remove (self->list, row->row);
    }
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

guint
lc_camera_light_list_get_n_lights (LcCameraLightList *self)
{
  g_return_val_if_fail (LC_IS_CAMERA_LIGHT_LIST (self), 0);

  return self->rows->len;
}
