/* lc-camera-page.c — watch the light: webcam, video file or sample, read live
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page owns at most one LcVideoSource at a time. It starts one only
 * when the person asks (or `lightcode --camera` does), and drops it as soon
 * as the page is left, the window is minimised or hidden: no camera stays
 * on behind their back, and no frame is ever written anywhere.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lc-camera-page-private.h"
#include "lc-pages.h"

/* From this width the reading goes beside the picture, not under it. */
#define WIDE_WIDTH        860
/* Below this width the buttons under the picture are stacked. */
#define STACKED_BUTTONS_WIDTH 520
/* The narrowest the page can be laid out (the stacked layout). */
#define MIN_WIDTH         320
/* Width of the column beside the picture. */
#define SIDE_WIDTH        340

typedef enum
{
  LAYOUT_WIDE,            /* picture left, reading and buttons right */
  LAYOUT_NARROW,          /* reading and buttons under the picture */
  LAYOUT_NARROW_STACKED,  /* the same, buttons one above the other */
} Layout;

G_DEFINE_FINAL_TYPE (LcCameraPage, lc_camera_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_STATUS,
  PROP_DEVICE_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  READING_CHOSEN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* @text is plain text: toast titles are markup, and file names may hold "&". */
void
_lc_camera_page_add_toast (LcCameraPage *self,
                           const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  lc_page_add_toast (GTK_WIDGET (self), adw_toast_new (escaped));
}

/* Views and the status line */

void
_lc_camera_page_set_view (LcCameraPage *self,
                          const char   *view)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), view) == 0)
    return;

  gtk_stack_set_visible_child_name (self->stack, view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

void
_lc_camera_page_set_status (LcCameraPage *self,
                            const char   *status,
                            const char   *detail)
{
  gtk_label_set_label (self->detail_label, detail ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL && *detail != '\0');

  if (g_strcmp0 (status, self->status) == 0)
    return;

  g_free (self->status);
  self->status = g_strdup (status);
  gtk_label_set_label (self->status_label, status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/* Hand-off: the reading goes to the match page of the device */

void
_lc_camera_page_hand_off (LcCameraPage *self,
                          const char   *device_id)
{
  if (self->reading == NULL)
    return;

  /* Confirmed or not, the reading says so to the pages after this one. */
  g_signal_emit (self, signals[READING_CHOSEN], 0, device_id, self->reading);
}

/* The webcams */

static void
cameras_changed_cb (LcCameraPage *self,
                    guint         position,
                    guint         removed,
                    guint         added,
                    GListModel   *cameras)
{
  /* A webcam was plugged in while we said there was none. */
  if (added > 0 && g_strcmp0 (lc_camera_page_get_view (self), LC_CAMERA_VIEW_NO_CAMERA) == 0)
    _lc_camera_page_set_view (self, LC_CAMERA_VIEW_CHOOSE);
}

/* Leaving: the page, or the window */

static void
pause_for_later (LcCameraPage *self)
{
  if (self->source == NULL && !self->webcam_pending)
    return;

  if (self->finished)
    return;

  self->resume = TRUE;
  _lc_camera_page_stop_watching (self);
  _lc_camera_page_set_status (self, _("Paused while the window is hidden"), NULL);
}

static void
resume_if_paused (LcCameraPage *self)
{
  if (!self->resume)
    return;

  self->resume = FALSE;
  _lc_camera_page_restart_source (self);
}

static void
toplevel_state_changed_cb (LcCameraPage *self,
                           GParamSpec   *pspec,
                           GdkToplevel  *toplevel)
{
  GdkToplevelState state = gdk_toplevel_get_state (toplevel);

  if (state & GDK_TOPLEVEL_STATE_MINIMIZED)
    pause_for_later (self);
  else
    resume_if_paused (self);
}

static void
leave (LcCameraPage *self)
{
  self->resume = FALSE;

  if (self->source == NULL && !self->webcam_pending)
    return;

  _lc_camera_page_stop_watching (self);
  _lc_camera_page_set_view (self, LC_CAMERA_VIEW_CHOOSE);
}

static void
parent_visible_child_changed_cb (LcCameraPage *self,
                                 GParamSpec   *pspec,
                                 GtkStack     *stack)
{
  if (gtk_stack_get_visible_child (stack) != GTK_WIDGET (self))
    leave (self);
}

static void
lc_camera_page_map (GtkWidget *widget)
{
  LcCameraPage *self = LC_CAMERA_PAGE (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GtkNative *native;

  GTK_WIDGET_CLASS (lc_camera_page_parent_class)->map (widget);

  if (GTK_IS_STACK (parent))
    {
      self->parent_stack = parent;
      g_signal_connect_object (parent, "notify::visible-child",
                               G_CALLBACK (parent_visible_child_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  native = gtk_widget_get_native (widget);
  self->surface = native ? gtk_native_get_surface (native) : NULL;
  if (GDK_IS_TOPLEVEL (self->surface))
    g_signal_connect_object (self->surface, "notify::state",
                             G_CALLBACK (toplevel_state_changed_cb), self,
                             G_CONNECT_SWAPPED);

  lc_webcam_list_list_quietly (self->webcams);
}

static void
lc_camera_page_unmap (GtkWidget *widget)
{
  LcCameraPage *self = LC_CAMERA_PAGE (widget);

  if (self->parent_stack != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->parent_stack, parent_visible_child_changed_cb, self);
      self->parent_stack = NULL;
    }

  if (self->surface != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->surface, toplevel_state_changed_cb, self);
      self->surface = NULL;
    }

  /* Hidden with the window, or the page left: the camera goes off. */
  leave (self);

  GTK_WIDGET_CLASS (lc_camera_page_parent_class)->unmap (widget);
}

/* Layout */

static void
place_span (GtkWidget *child,
            int        column,
            int        row,
            int        row_span)
{
  GtkLayoutManager *manager = gtk_widget_get_layout_manager (gtk_widget_get_parent (child));
  GtkGridLayoutChild *layout_child =
    GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (manager, child));

  gtk_grid_layout_child_set_column (layout_child, column);
  gtk_grid_layout_child_set_row (layout_child, row);
  gtk_grid_layout_child_set_row_span (layout_child, row_span);
}

static void
place (GtkWidget *child,
       int        column,
       int        row)
{
  place_span (child, column, row, 1);
}

static void
set_layout (LcCameraPage *self,
            Layout        layout)
{
  gboolean wide = layout == LAYOUT_WIDE;
  gboolean stacked = layout != LAYOUT_NARROW;

  if (self->layout == (int) layout)
    return;
  self->layout = layout;

  /* Wide: the picture with its timelines under it, the reading and what
   * to do with it in a column beside. Narrow: all under the picture.
   */
  /* "Which device is it?" goes above the picture (row 0, empty when it
   * is not asked: empty rows take no room). */
  place (self->preview_overlay, 0, 1);
  if (wide)
    place_span (self->status_box, 1, 0, 2);
  else
    place (self->status_box, 0, 2);
  place (GTK_WIDGET (self->light_list), 0, wide ? 2 : 3);
  gtk_widget_set_size_request (self->status_box, wide ? SIDE_WIDTH : -1, -1);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->watch_buttons),
                                  stacked ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_halign (GTK_WIDGET (self->watch_buttons), stacked ? GTK_ALIGN_FILL : GTK_ALIGN_END);
  /* The main action comes first when stacked, last in a row. */
  if (stacked)
    gtk_box_reorder_child_after (self->watch_buttons, self->use_button, NULL);
  else
    gtk_box_reorder_child_after (self->watch_buttons, self->use_button, self->again_button);
}

static void
size_class_changed_cb (LcCameraPage *self)
{
  static const Layout layouts[] = { LAYOUT_NARROW_STACKED, LAYOUT_NARROW, LAYOUT_WIDE };

  set_layout (self, layouts[lc_breakpoint_bin_get_size_class (self->breakpoint_bin)]);
}

/* GObject */

static void
lc_camera_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LcCameraPage *self = LC_CAMERA_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, lc_camera_page_get_view (self));
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_DEVICE_ID:
      g_value_set_string (value, self->known_device_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_camera_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LcCameraPage *self = LC_CAMERA_PAGE (object);

  switch (prop_id)
    {
    case PROP_DEVICE_ID:
      lc_camera_page_set_device_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_camera_page_dispose (GObject *object)
{
  LcCameraPage *self = LC_CAMERA_PAGE (object);

  if (self->source != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->source, self);
      lc_video_source_stop (self->source);
      g_clear_object (&self->source);
    }

  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  g_clear_object (&self->webcams);
  g_clear_object (&self->reading);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_CAMERA_PAGE);
  /* It was the grid's. */
  self->device_chooser = NULL;

  G_OBJECT_CLASS (lc_camera_page_parent_class)->dispose (object);
}

static void
lc_camera_page_finalize (GObject *object)
{
  LcCameraPage *self = LC_CAMERA_PAGE (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->camera);
  g_clear_object (&self->file);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->known_device_id, g_free);
  g_clear_pointer (&self->announcement, g_free);

  G_OBJECT_CLASS (lc_camera_page_parent_class)->finalize (object);
}

static void
lc_camera_page_class_init (LcCameraPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_camera_page_dispose;
  object_class->finalize = lc_camera_page_finalize;
  object_class->get_property = lc_camera_page_get_property;
  object_class->set_property = lc_camera_page_set_property;

  widget_class->map = lc_camera_page_map;
  widget_class->unmap = lc_camera_page_unmap;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  properties [PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LcCameraPage:device-id:
   *
   * The device chosen before coming here (in the picker), or %NULL: then
   * the page asks which device it is.
   */
  properties [PROP_DEVICE_ID] =
    g_param_spec_string ("device-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LcCameraPage::reading-chosen:
   * @device_id: the device the light belongs to
   * @reading: the reading, confirmed or not (it says which)
   *
   * The person took the reading (Use This, or Use Anyway): the window
   * shows it on the device's match page.
   */
  signals [READING_CHOSEN] =
    g_signal_new ("reading-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, LC_TYPE_READING);

  g_type_ensure (LC_TYPE_BREAKPOINT_BIN);
  g_type_ensure (LC_TYPE_CAMERA_LIGHT_LIST);
  g_type_ensure (LC_TYPE_CAMERA_PREVIEW);
  g_type_ensure (LC_TYPE_CAMERA_SOURCE_CHOOSER);

  gtk_widget_class_set_css_name (widget_class, "lc-camera-page");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/lc-camera-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, breakpoint_bin);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, source_chooser);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, watch_grid);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, preview_overlay);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, watch_buttons);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, preview);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, starting_box);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, starting_spinner);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, starting_label);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, hint_box);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, light_list);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, again_button);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, use_button);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, use_unconfirmed_button);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, bad_file_page);
  gtk_widget_class_bind_template_child (widget_class, LcCameraPage, failed_page);
  gtk_widget_class_bind_template_callback (widget_class, size_class_changed_cb);

  _lc_camera_page_class_init_actions (widget_class);
}

static void
lc_camera_page_init (LcCameraPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Wide until the first allocation decides. */
  self->layout = -1;
  lc_breakpoint_bin_set_breakpoints (self->breakpoint_bin,
                                     (const int[]) { STACKED_BUTTONS_WIDTH, WIDE_WIDTH }, 2);
  lc_breakpoint_bin_set_min_width (self->breakpoint_bin, MIN_WIDTH);
  size_class_changed_cb (self);
  self->settings = g_settings_new (BASE_APP_ID);
  self->webcams = lc_webcam_list_new (self->settings);
  g_signal_connect_object (lc_webcam_list_get_cameras (self->webcams), "items-changed",
                           G_CALLBACK (cameras_changed_cb), self, G_CONNECT_SWAPPED);
  lc_camera_source_chooser_set_webcams (self->source_chooser, self->webcams);
  self->status = g_strdup (gtk_label_get_label (self->status_label));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "camera.use", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "camera.use-unconfirmed", FALSE);
  _lc_camera_page_hide_starting (self);

  g_signal_connect_object (self->preview, "notify::pixel-width",
                           G_CALLBACK (_lc_camera_page_apply_preview_size), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "notify::pixel-height",
                           G_CALLBACK (_lc_camera_page_apply_preview_size), self, G_CONNECT_SWAPPED);
}

/* Public API */

/**
 * lc_camera_page_set_device_id:
 * @device_id: (nullable): the device chosen before, or %NULL
 *
 * Tells the page which device it is looking at, so that it reads the
 * light with what that device can show instead of asking.
 */
void
lc_camera_page_set_device_id (LcCameraPage *self,
                              const char   *device_id)
{
  g_return_if_fail (LC_IS_CAMERA_PAGE (self));

  if (g_strcmp0 (self->known_device_id, device_id) == 0)
    return;

  g_free (self->known_device_id);
  self->known_device_id = g_strdup (device_id);
  _lc_camera_page_update_device_chooser (self);
  _lc_camera_page_apply_device_prior (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVICE_ID]);
}

GtkWidget *
lc_camera_page_new (void)
{
  return g_object_new (LC_TYPE_CAMERA_PAGE, NULL);
}

/**
 * lc_camera_page_start_webcam:
 *
 * Starts watching the webcam. Inside Flatpak this is when the camera
 * portal asks the person for access.
 */
void
lc_camera_page_start_webcam (LcCameraPage *self)
{
  g_return_if_fail (LC_IS_CAMERA_PAGE (self));

  _lc_camera_page_stop_watching (self);
  self->mode = MODE_WEBCAM;
  self->resume = FALSE;
  _lc_camera_page_reset_watching_view (self, _("Opening the webcam…"));

  if (lc_webcam_list_get_listed (self->webcams))
    {
      _lc_camera_page_start_picked_camera (self);
      return;
    }

  self->webcam_pending = TRUE;
  _lc_camera_page_list_webcams (self);
}

/**
 * lc_camera_page_open_file:
 * @file: a video
 *
 * Plays @file in real time and reads the light in it.
 */
void
lc_camera_page_open_file (LcCameraPage *self,
                          GFile        *file)
{
  g_autoptr(GFile) keep = NULL;

  g_return_if_fail (LC_IS_CAMERA_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  keep = g_object_ref (file);
  _lc_camera_page_stop_watching (self);
  self->resume = FALSE;
  g_set_object (&self->file, keep);
  _lc_camera_page_reset_watching_view (self, _("Opening the video…"));
  _lc_camera_page_start_source (self, lc_video_source_new_for_file (keep, TRUE), MODE_FILE);
}

/**
 * lc_camera_page_start_sample:
 *
 * Plays the bundled sample clip.
 */
void
lc_camera_page_start_sample (LcCameraPage *self)
{
  g_return_if_fail (LC_IS_CAMERA_PAGE (self));

  _lc_camera_page_stop_watching (self);
  self->resume = FALSE;
  _lc_camera_page_reset_watching_view (self, _("Opening the sample video…"));
  _lc_camera_page_start_source (self, lc_video_source_new_for_sample (), MODE_SAMPLE);
}

void
lc_camera_page_stop (LcCameraPage *self)
{
  g_return_if_fail (LC_IS_CAMERA_PAGE (self));

  self->resume = FALSE;
  _lc_camera_page_stop_watching (self);
  _lc_camera_page_set_view (self, LC_CAMERA_VIEW_CHOOSE);
}

const char *
lc_camera_page_get_view (LcCameraPage *self)
{
  g_return_val_if_fail (LC_IS_CAMERA_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
lc_camera_page_get_status (LcCameraPage *self)
{
  g_return_val_if_fail (LC_IS_CAMERA_PAGE (self), NULL);

  return self->status;
}

const char *
lc_camera_page_get_announcement (LcCameraPage *self)
{
  g_return_val_if_fail (LC_IS_CAMERA_PAGE (self), NULL);

  return self->announcement;
}

gboolean
lc_camera_page_get_reading (LcCameraPage *self,
                            LcSignal     *out_signal,
                            double       *out_confidence,
                            gboolean     *out_confirmed)
{
  g_return_val_if_fail (LC_IS_CAMERA_PAGE (self), FALSE);

  if (out_signal != NULL)
    {
      if (self->reading != NULL)
        lc_reading_get_signal (self->reading, out_signal);
      else
        lc_signal_init_off (out_signal);
    }
  if (out_confidence != NULL)
    *out_confidence = self->reading != NULL ? lc_reading_get_confidence (self->reading) : 0.0;
  if (out_confirmed != NULL)
    *out_confirmed = self->reading != NULL && lc_reading_is_confirmed (self->reading);

  return self->reading != NULL;
}

LcVideoSource *
lc_camera_page_get_source (LcCameraPage *self)
{
  g_return_val_if_fail (LC_IS_CAMERA_PAGE (self), NULL);

  return self->source;
}

/**
 * lc_camera_page_get_led_prior:
 * @out_prior: (out): what the detector was last told of the device
 *
 * Returns: %TRUE if the source watching now was given a device prior
 */
gboolean
lc_camera_page_get_led_prior (LcCameraPage *self,
                              LcLedPrior   *out_prior)
{
  g_return_val_if_fail (LC_IS_CAMERA_PAGE (self), FALSE);
  g_return_val_if_fail (out_prior != NULL, FALSE);

  *out_prior = self->prior;

  return self->source != NULL && self->prior.n_lights > 0;
}
