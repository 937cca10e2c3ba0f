/* lc-window.c — the main window and its navigation
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-camera-page.h"
#include "lc-device-picker-page.h"
#include "lc-diagnosis-page.h"
#include "lc-fix-page.h"
#include "lc-knowledge.h"
#include "lc-match-page.h"
#include "lc-support-page.h"
#include "lc-a11y.h"
#include "lc-window.h"

struct _LcWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkButton            *back_button;
  GtkStack             *stack;
  LcDevicePickerPage   *devices_page;

  /* Pages built the first time they are needed (see page_table) */
  LcMatchPage          *match_page;
  LcDiagnosisPage      *diagnosis_page;
  LcFixPage            *fix_page;
  LcSupportPage        *support_page;
  LcCameraPage         *camera_page;

  /* Owned references */
  GSettings            *settings;
  GPtrArray            *history; /* page names below the visible one */

  /* How the signal on the match page was read (set by the camera page) */
};

G_DEFINE_FINAL_TYPE (LcWindow, lc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_VISIBLE_PAGE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Only the device picker is built with the window; the other pages cost
 * as much again to build and most runs never open all of them, so each
 * is built when first shown or asked for. */
static const struct {
  const char *name;
  const char *title;
  GType     (*get_type) (void);
  gsize       offset;
} page_table[] = {
  { LC_PAGE_MATCH, N_("Match the Light"), lc_match_page_get_type, G_STRUCT_OFFSET (LcWindow, match_page) },
  { LC_PAGE_CAMERA, N_("Watch the Light"), lc_camera_page_get_type, G_STRUCT_OFFSET (LcWindow, camera_page) },
  { LC_PAGE_DIAGNOSIS, N_("What It Means"), lc_diagnosis_page_get_type, G_STRUCT_OFFSET (LcWindow, diagnosis_page) },
  { LC_PAGE_FIX, N_("Fix It"), lc_fix_page_get_type, G_STRUCT_OFFSET (LcWindow, fix_page) },
  { LC_PAGE_SUPPORT, N_("Get Help"), lc_support_page_get_type, G_STRUCT_OFFSET (LcWindow, support_page) },
};

static void
sync_camera_device (LcWindow *self)
{
  if (self->camera_page != NULL)
    lc_camera_page_set_device_id (self->camera_page, lc_window_get_device_id (self));
}

/* The window follows its pages' requests; the pages never call it. The
 * signals carry what the lc_window_*() calls take, so they connect to them
 * directly (swapped).
 */
static void
connect_page (LcWindow  *self,
              GtkWidget *page)
{
  if (LC_IS_DIAGNOSIS_PAGE (page))
    g_signal_connect_object (page, "fix-requested", G_CALLBACK (lc_window_start_fix), self, G_CONNECT_SWAPPED);
  else if (LC_IS_MATCH_PAGE (page))
    g_signal_connect_object (page, "diagnose", G_CALLBACK (lc_window_show_diagnosis), self, G_CONNECT_SWAPPED);
  else if (LC_IS_FIX_PAGE (page))
    g_signal_connect_object (page, "support-requested", G_CALLBACK (lc_window_show_support), self, G_CONNECT_SWAPPED);
  else if (LC_IS_CAMERA_PAGE (page))
    g_signal_connect_object (page, "reading-chosen", G_CALLBACK (lc_window_open_reading), self, G_CONNECT_SWAPPED);

  /* The camera page reads the light of the device chosen on the match page. */
  if (LC_IS_MATCH_PAGE (page))
    g_signal_connect_object (page, "notify::device", G_CALLBACK (sync_camera_device), self, G_CONNECT_SWAPPED);
}

static GtkWidget *
ensure_page (LcWindow   *self,
             const char *page_name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, page_name);

  if (page != NULL)
    return page;

  for (guint i = 0; i < G_N_ELEMENTS (page_table); i++)
    {
      if (g_strcmp0 (page_table[i].name, page_name) != 0)
        continue;

      page = g_object_new (page_table[i].get_type (), NULL);
      connect_page (self, page);
      gtk_stack_add_titled (self->stack, page, page_name, _(page_table[i].title));
      G_STRUCT_MEMBER (gpointer, self, page_table[i].offset) = page;
      sync_camera_device (self);
      return page;
    }

  g_return_val_if_reached (NULL);
}

#define MATCH_PAGE(self)     LC_MATCH_PAGE (ensure_page (self, LC_PAGE_MATCH))
#define CAMERA_PAGE(self)    LC_CAMERA_PAGE (ensure_page (self, LC_PAGE_CAMERA))
#define DIAGNOSIS_PAGE(self) LC_DIAGNOSIS_PAGE (ensure_page (self, LC_PAGE_DIAGNOSIS))
#define FIX_PAGE(self)       LC_FIX_PAGE (ensure_page (self, LC_PAGE_FIX))
#define SUPPORT_PAGE(self)   LC_SUPPORT_PAGE (ensure_page (self, LC_PAGE_SUPPORT))

static void
update_navigation (LcWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  GtkStackPage *page = gtk_stack_get_page (self->stack, child);
  gboolean can_go_back = self->history->len > 0;

  adw_window_title_set_title (self->window_title,
                              can_go_back ? gtk_stack_page_get_title (page) : _("Lightcode"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", can_go_back);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), can_go_back);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
}

static void
show_page (LcWindow   *self,
           const char *page_name,
           gboolean    forward)
{
  gtk_stack_set_transition_type (self->stack,
                                 forward ? GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT
                                         : GTK_STACK_TRANSITION_TYPE_SLIDE_RIGHT);
  gtk_stack_set_visible_child_name (self->stack, page_name);
  update_navigation (self);
  /* Buttons made with the page's content (Fix It, …) get proper names. */
  lc_a11y_fix_mnemonic_names (gtk_stack_get_visible_child (self->stack));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lc_window_go_back (LC_WINDOW (widget));
}

static void
push_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  lc_window_push_page (LC_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
open_device_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  lc_window_open_device (LC_WINDOW (widget), g_variant_get_string (parameter, NULL), NULL);
}

static void
open_camera_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  lc_window_open_camera (LC_WINDOW (widget));
}

static void
save_window_state (LcWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
lc_window_close_request (GtkWindow *window)
{
  save_window_state (LC_WINDOW (window));

  return GTK_WINDOW_CLASS (lc_window_parent_class)->close_request (window);
}

static void
lc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LcWindow *self = LC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_PAGE:
      g_value_set_string (value, lc_window_get_visible_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_window_dispose (GObject *object)
{
  LcWindow *self = LC_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_WINDOW);

  /* The built pages went with the stack. */
  for (guint i = 0; i < G_N_ELEMENTS (page_table); i++)
    G_STRUCT_MEMBER (gpointer, self, page_table[i].offset) = NULL;

  G_OBJECT_CLASS (lc_window_parent_class)->dispose (object);
}

static void
lc_window_finalize (GObject *object)
{
  LcWindow *self = LC_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->history, g_ptr_array_unref);

  G_OBJECT_CLASS (lc_window_parent_class)->finalize (object);
}

static void
lc_window_class_init (LcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lc_window_dispose;
  object_class->finalize = lc_window_finalize;
  object_class->get_property = lc_window_get_property;

  window_class->close_request = lc_window_close_request;

  properties [PROP_VISIBLE_PAGE] =
    g_param_spec_string ("visible-page", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LC_TYPE_DEVICE_PICKER_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/lc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LcWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LcWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, LcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LcWindow, devices_page);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, LC_ACTION_PUSH_PAGE, "s", push_page_action);
  gtk_widget_class_install_action (widget_class, LC_ACTION_OPEN_DEVICE, "s", open_device_action);
  gtk_widget_class_install_action (widget_class, LC_ACTION_OPEN_CAMERA, NULL, open_camera_action);
  /* Alt+Left and Escape are application accels; the mouse's back button too. */
}

static void
lc_window_init (LcWindow *self)
{
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));
  lc_a11y_fix_mnemonic_names (GTK_WIDGET (self));

  self->history = g_ptr_array_new_with_free_func (g_free);
  self->settings = g_settings_new (BASE_APP_ID);

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  update_navigation (self);
}

LcWindow *
lc_window_new (LcApplication *application)
{
  g_return_val_if_fail (LC_IS_APPLICATION (application), NULL);

  return g_object_new (LC_TYPE_WINDOW, "application", application, NULL);
}

/**
 * lc_window_push_page:
 * @page_name: one of the LC_PAGE_* names
 *
 * Shows @page_name; Back returns to the page shown before.
 */
void
lc_window_push_page (LcWindow   *self,
                     const char *page_name)
{
  const char *current;

  g_return_if_fail (LC_IS_WINDOW (self));
  g_return_if_fail (ensure_page (self, page_name) != NULL);

  current = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (current, page_name) == 0)
    return;

  /* Going forward to a page already in the history goes back to it. */
  for (guint i = 0; i < self->history->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->history, i), page_name) == 0)
        {
          g_ptr_array_set_size (self->history, i);
          show_page (self, page_name, FALSE);
          return;
        }
    }

  g_ptr_array_add (self->history, g_strdup (current));
  show_page (self, page_name, TRUE);
}

/**
 * lc_window_go_back:
 *
 * Returns: %TRUE if there was a page to go back to
 */
gboolean
lc_window_go_back (LcWindow *self)
{
  g_autofree char *previous = NULL;

  g_return_val_if_fail (LC_IS_WINDOW (self), FALSE);

  if (self->history->len == 0)
    return FALSE;

  previous = g_ptr_array_steal_index (self->history, self->history->len - 1);
  show_page (self, previous, FALSE);

  return TRUE;
}

/**
 * lc_window_get_page:
 * @page_name: one of the LC_PAGE_* names
 *
 * Returns: (transfer none): the page, built now if it was not yet
 */
GtkWidget *
lc_window_get_page (LcWindow   *self,
                    const char *page_name)
{
  g_return_val_if_fail (LC_IS_WINDOW (self), NULL);
  g_return_val_if_fail (page_name != NULL, NULL);

  return ensure_page (self, page_name);
}

const char *
lc_window_get_visible_page (LcWindow *self)
{
  g_return_val_if_fail (LC_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * lc_window_open_device:
 * @device_id: a knowledge-base device id
 * @signal_text: (nullable): a signal in text form to show
 *
 * Opens the match page for @device_id, with @signal_text set when given.
 */
void
lc_window_open_device (LcWindow   *self,
                       const char *device_id,
                       const char *signal_text)
{
  LcDevice *device;

  g_return_if_fail (LC_IS_WINDOW (self));
  g_return_if_fail (device_id != NULL);

  device = lc_knowledge_lookup_device (lc_knowledge_get_default (), device_id);
  if (device == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (device_id, -1);
      g_autofree char *title = g_strdup_printf (_("Unknown device “%s”"), escaped);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
      return;
    }

  lc_match_page_set_device (MATCH_PAGE (self), device);

  if (signal_text != NULL)
    {
      g_autoptr(GError) error = NULL;
      LcSignal signal;

      if (lc_signal_parse (signal_text, &signal, &error))
        {
          lc_match_page_set_signal (MATCH_PAGE (self), &signal);
        }
      else
        {
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);
          g_autofree char *title = g_strdup_printf (_("Cannot show that light: %s"), escaped);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
        }
    }

  g_settings_set_string (self->settings, "last-device", device_id);
  lc_window_push_page (self, LC_PAGE_MATCH);
}

/**
 * lc_window_open_camera:
 *
 * Shows the camera page, where the person chooses what to watch.
 */
void
lc_window_open_camera (LcWindow *self)
{
  g_return_if_fail (LC_IS_WINDOW (self));

  lc_window_push_page (self, LC_PAGE_CAMERA);
}

/**
 * lc_window_watch_webcam:
 *
 * Shows the camera page and starts watching the webcam at once
 * (`lightcode --camera`; with LIGHTCODE_CAMERA=FILE, that file in real time).
 */
void
lc_window_watch_webcam (LcWindow *self)
{
  g_return_if_fail (LC_IS_WINDOW (self));

  lc_window_push_page (self, LC_PAGE_CAMERA);
  lc_camera_page_start_webcam (CAMERA_PAGE (self));
}

/**
 * lc_window_get_device_id:
 *
 * Returns: (nullable): the id of the device chosen on the match page
 */
const char *
lc_window_get_device_id (LcWindow *self)
{
  LcDevice *device;

  g_return_val_if_fail (LC_IS_WINDOW (self), NULL);

  if (self->match_page == NULL)
    return NULL;

  device = lc_match_page_get_device (self->match_page);

  return device != NULL ? lc_device_get_id (device) : NULL;
}

/**
 * lc_window_open_reading:
 * @device_id: a knowledge-base device id
 * @reading: what the camera or a video read of the device's light
 *
 * Opens the match page for @device_id showing @reading; the diagnosis
 * then says how the light was read, until the person changes it by eye.
 */
void
lc_window_open_reading (LcWindow   *self,
                        const char *device_id,
                        LcReading  *reading)
{
  g_return_if_fail (LC_IS_WINDOW (self));
  g_return_if_fail (device_id != NULL);
  g_return_if_fail (LC_IS_READING (reading));

  lc_window_open_device (self, device_id, NULL);
  if (self->match_page != NULL && lc_match_page_get_device (self->match_page) != NULL &&
      g_str_equal (lc_device_get_id (lc_match_page_get_device (self->match_page)), device_id))
    lc_match_page_set_reading (self->match_page, reading);
}

/**
 * lc_window_show_diagnosis:
 * @device: the device showing the light
 * @reading: the light, and how it was read (by eye, a camera, a video)
 * @context_id: (nullable): when it started ("any" when NULL)
 *
 * Shows what @reading's signal means on @device; the page says how it was
 * read and, for a camera or a video, how sure that is.
 */
void
lc_window_show_diagnosis (LcWindow   *self,
                          LcDevice   *device,
                          LcReading  *reading,
                          const char *context_id)
{
  g_autoptr(LcDiagnosis) diagnosis = NULL;
  g_autoptr(GError) error = NULL;
  LcSignal signal;

  g_return_if_fail (LC_IS_WINDOW (self));
  g_return_if_fail (LC_IS_DEVICE (device));
  g_return_if_fail (LC_IS_READING (reading));

  lc_reading_get_signal (reading, &signal);
  diagnosis = lc_diagnosis_new (lc_knowledge_get_default (), device, &signal, context_id, &error);
  if (diagnosis == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      g_autofree char *title = g_strdup_printf (_("Cannot explain that light: %s"), escaped);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
      return;
    }

  lc_diagnosis_set_reading (diagnosis, reading);
  lc_diagnosis_page_set_diagnosis (DIAGNOSIS_PAGE (self), diagnosis);
  lc_window_push_page (self, LC_PAGE_DIAGNOSIS);
}

/**
 * lc_window_start_fix:
 * @diagnosis: the diagnosis the person is acting on
 * @cause: (nullable): the cause of @diagnosis they chose to fix; %NULL
 *   starts with the most likely one
 *
 * Opens the fix pages on @cause's procedure. A new fix session replaces
 * the previous one (and its timers).
 */
void
lc_window_start_fix (LcWindow         *self,
                     LcDiagnosis      *diagnosis,
                     LcDiagnosisCause *cause)
{
  g_autoptr(LcFixSession) session = NULL;

  g_return_if_fail (LC_IS_WINDOW (self));
  g_return_if_fail (LC_IS_DIAGNOSIS (diagnosis));
  g_return_if_fail (cause == NULL || LC_IS_DIAGNOSIS_CAUSE (cause));

  if (cause != NULL)
    session = lc_fix_session_new_for_cause (diagnosis, cause);
  else
    session = lc_fix_session_new (diagnosis);

  lc_support_page_set_session (SUPPORT_PAGE (self), session);
  lc_fix_page_set_session (FIX_PAGE (self), session);
  lc_window_push_page (self, LC_PAGE_FIX);
}

/**
 * lc_window_show_support:
 * @session: the fix session to summarise
 *
 * Shows the summary for Blink support and where to get help.
 */
void
lc_window_show_support (LcWindow     *self,
                        LcFixSession *session)
{
  g_return_if_fail (LC_IS_WINDOW (self));
  g_return_if_fail (LC_IS_FIX_SESSION (session));

  lc_support_page_set_session (SUPPORT_PAGE (self), session);
  lc_window_push_page (self, LC_PAGE_SUPPORT);
}
