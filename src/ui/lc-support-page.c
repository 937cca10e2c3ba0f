/* lc-support-page.c — the summary for Blink support: read, copy, save
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "lc-support-page.h"
#include "lc-support-summary.h"
#include "lc-pages.h"

struct _LcSupportPage
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  GtkLabel             *reason_label;
  GtkButton            *keep_going_button;
  GtkTextView          *text_view;
  GtkBox               *save_error_box;
  GtkLabel             *save_error_label;
  AdwPreferencesGroup  *advice_group;

  /* Owned references */
  LcFixSession         *session;
  LcDiagnosis          *diagnosis;   /* the session's, or one on its own */
  char                 *summary;
  char                 *save_error;
  GPtrArray            *advice_rows; /* rows added to advice_group */
#if GTK_CHECK_VERSION (4, 10, 0)
  GtkFileDialog        *file_dialog;
#else
  GtkFileChooserNative *file_chooser;
#endif
};

G_DEFINE_FINAL_TYPE (LcSupportPage, lc_support_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SUMMARY,
  PROP_SAVE_ERROR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
set_save_error (LcSupportPage *self,
                const char    *message)
{
  if (g_strcmp0 (self->save_error, message) == 0)
    return;

  g_free (self->save_error);
  self->save_error = g_strdup (message);

  gtk_label_set_label (self->save_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->save_error_box), message != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
}

/* Blink's own advice on getting in touch, from the knowledge base. */
static void
update_advice (LcSupportPage *self)
{
  LcProcedure *procedure = NULL;
  guint n_steps;

  for (guint i = 0; i < self->advice_rows->len; i++)
    adw_preferences_group_remove (self->advice_group, g_ptr_array_index (self->advice_rows, i));
  g_ptr_array_set_size (self->advice_rows, 0);

  if (self->session != NULL)
    procedure = lc_fix_session_get_support_procedure (self->session);
  else if (self->diagnosis != NULL)
    procedure = lc_knowledge_lookup_procedure (lc_diagnosis_get_knowledge (self->diagnosis),
                                               LC_SUPPORT_PROCEDURE_ID);

  gtk_widget_set_visible (GTK_WIDGET (self->advice_group), procedure != NULL);
  if (procedure == NULL)
    return;

  adw_preferences_group_set_title (self->advice_group, _("Before You Get in Touch"));
  adw_preferences_group_set_description (self->advice_group,
                                         lc_provenance_get_label (lc_procedure_get_provenance (procedure)));

  n_steps = lc_procedure_get_n_steps (procedure);
  for (guint i = 0; i < n_steps; i++)
    {
      LcStep *step = lc_procedure_get_step (procedure, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *number;
      g_autofree char *number_text = g_strdup_printf ("%u", i + 1);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lc_step_get_title (step));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), lc_step_get_text (step));

      number = gtk_label_new (number_text);
      gtk_widget_add_css_class (number, "lc-step-number");
      gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (number),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, number_text,
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), number);

      adw_preferences_group_add (self->advice_group, row);
      g_ptr_array_add (self->advice_rows, row);
    }
}

static void
refresh (LcSupportPage *self)
{
  g_autofree char *summary = NULL;
  const char *reason = NULL;
  gboolean can_keep_going;

  if (self->session != NULL)
    {
      summary = lc_support_summary_for_session (self->session, NULL);
      reason = lc_fix_session_get_support_reason (self->session);
    }
  else if (self->diagnosis != NULL)
    {
      summary = lc_support_summary_for_diagnosis (self->diagnosis, NULL);
    }

  gtk_label_set_label (self->reason_label, reason);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), reason != NULL);

  can_keep_going = self->session != NULL && lc_fix_session_can_keep_going (self->session);
  gtk_widget_set_visible (GTK_WIDGET (self->keep_going_button), can_keep_going);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "support.keep-going", can_keep_going);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            summary != NULL ? summary : "", -1);
  gtk_stack_set_visible_child_name (self->stack, summary != NULL ? "summary" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "support.copy", summary != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "support.save", summary != NULL);

  if (g_strcmp0 (summary, self->summary) != 0)
    {
      g_free (self->summary);
      self->summary = g_steal_pointer (&summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }
}

/* Support was offered before the fixes ran out: back to the next fix. */
static void
keep_going_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LcSupportPage *self = LC_SUPPORT_PAGE (widget);

  if (self->session == NULL || !lc_fix_session_keep_going (self->session))
    return;

  refresh (self);
  lc_page_push (widget, LC_PAGE_FIX);
}

/* Saving */

static void
replace_contents_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GFile *file = G_FILE (object);
  g_autoptr(GTask) task = user_data;
  LcSupportPage *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (file, result, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message = NULL;
      g_autofree char *escaped = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      /* Translators: %s are a file name and the system's reason */
      message = g_strdup_printf (_("The summary could not be saved as “%s”: %s. Choose another folder, or copy the summary instead."),
                                 name, error->message);
      set_save_error (self, message);

      escaped = g_markup_escape_text (_("Could not save the summary"), -1);
      lc_page_add_toast (GTK_WIDGET (self), adw_toast_new (escaped));

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  set_save_error (self, NULL);
  {
    g_autofree char *basename = g_file_get_basename (file);
    g_autofree char *title = NULL;
    g_autofree char *escaped = NULL;

    if (g_task_get_task_data (task) != NULL)
      /* Translators: %s is a file name; the file chosen was a link to it */
      title = g_strdup_printf (_("Summary saved as “%s”, the file the link points to"), basename);
    else
      /* Translators: %s is a file name */
      title = g_strdup_printf (_("Summary saved as “%s”"), basename);
    escaped = g_markup_escape_text (title, -1);
    lc_page_add_toast (GTK_WIDGET (self), adw_toast_new (escaped));
  }

  g_task_return_boolean (task, TRUE);
}

/* The file a save to @file writes: symbolic links followed, up to 16.
 * A few local stat() calls, done here rather than on a thread.
 */
static GFile *
resolve_links (GFile     *file,
               gboolean  *out_followed,
               GError   **error)
{
  g_autoptr(GFile) current = g_object_ref (file);

  for (guint i = 0; i < 16; i++)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GFile) parent = NULL;
      const char *link;

      info = g_file_query_info (current,
                                G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK ","
                                G_FILE_ATTRIBUTE_STANDARD_SYMLINK_TARGET,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
      /* Missing (a new file) or not a link: write there. */
      if (info == NULL || !g_file_info_get_is_symlink (info) ||
          (link = g_file_info_get_symlink_target (info)) == NULL)
        return g_steal_pointer (&current);

      parent = g_file_get_parent (current);
      if (parent == NULL)
        break;
      g_set_object (&current, NULL);
      current = g_file_resolve_relative_path (parent, link);
      *out_followed = TRUE;
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                       _("The chosen file is a link that leads too far through other links"));
  return NULL;
}

void
lc_support_page_save_to_file (LcSupportPage       *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  gboolean followed = FALSE;

  g_return_if_fail (LC_IS_SUPPORT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lc_support_page_save_to_file);

  refresh (self);
  if (self->summary == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "%s", _("There is no summary to save yet."));
      return;
    }

  /* A link is followed: the file it points to is updated and the link
   * stays a link (the toast says so).
   */
  target = resolve_links (file, &followed, &error);
  if (target == NULL)
    {
      set_save_error (self, error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (followed)
    g_task_set_task_data (task, GINT_TO_POINTER (TRUE), NULL);

  /* GIO writes a temporary file next to the target, gives it the mode
   * (and owner) of the file it replaces, and renames it over: a failed
   * save never leaves half a file. Not G_FILE_CREATE_REPLACE_DESTINATION,
   * which would drop the mode and replace a link with a plain file.
   */
  bytes = g_bytes_new (self->summary, strlen (self->summary));
  g_file_replace_contents_bytes_async (target, bytes, NULL, FALSE,
                                       G_FILE_CREATE_NONE,
                                       cancellable,
                                       replace_contents_cb,
                                       g_steal_pointer (&task));
}

gboolean
lc_support_page_save_to_file_finish (LcSupportPage  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  g_return_val_if_fail (LC_IS_SUPPORT_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static char *
suggested_file_name (LcSupportPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  LcDevice *device = self->diagnosis != NULL ? lc_diagnosis_get_device (self->diagnosis) : NULL;

  if (device != NULL)
    return g_strdup_printf ("lightcode-%s-%s.txt", lc_device_get_id (device), date);

  return g_strdup_printf ("lightcode-%s.txt", date);
}

static GtkFileFilter *
text_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Text Files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");

  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
file_dialog_save_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LcSupportPage) self = user_data;
  g_autoptr(GFile) file = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  if (file != NULL)
    lc_support_page_save_to_file (self, file, NULL, NULL, NULL);
}
#else
static void
file_chooser_response_cb (LcSupportPage        *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        lc_support_page_save_to_file (self, file, NULL, NULL, NULL);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->file_chooser);
}
#endif

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LcSupportPage *self = LC_SUPPORT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  g_autofree char *name = suggested_file_name (self);
  g_autoptr(GtkFileFilter) filter = text_file_filter ();

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_list_store_append (filters, filter);
  g_clear_object (&self->file_dialog);
  self->file_dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (self->file_dialog, _("Save Summary"));
  gtk_file_dialog_set_initial_name (self->file_dialog, name);
  gtk_file_dialog_set_filters (self->file_dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_save (self->file_dialog, window, NULL, file_dialog_save_cb, g_object_ref (self));
#else
  if (self->file_chooser != NULL)
    return;

  /* The portal's chooser inside Flatpak: no file access otherwise. */
  self->file_chooser = gtk_file_chooser_native_new (_("Save Summary"), window,
                                                    GTK_FILE_CHOOSER_ACTION_SAVE,
                                                    _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->file_chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), filter);
  g_signal_connect_object (self->file_chooser, "response",
                           G_CALLBACK (file_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
#endif
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lc_support_page_copy (LC_SUPPORT_PAGE (widget));
}

/* GObject */

static void
lc_support_page_map (GtkWidget *widget)
{
  /* Whatever happened since (more steps, an answer) goes in. */
  refresh (LC_SUPPORT_PAGE (widget));

  GTK_WIDGET_CLASS (lc_support_page_parent_class)->map (widget);
}

static void
lc_support_page_dispose (GObject *object)
{
  LcSupportPage *self = LC_SUPPORT_PAGE (object);

#if GTK_CHECK_VERSION (4, 10, 0)
  g_clear_object (&self->file_dialog);
#else
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);
#endif

  gtk_widget_dispose_template (GTK_WIDGET (self), LC_TYPE_SUPPORT_PAGE);

  g_clear_object (&self->session);
  g_clear_object (&self->diagnosis);

  G_OBJECT_CLASS (lc_support_page_parent_class)->dispose (object);
}

static void
lc_support_page_finalize (GObject *object)
{
  LcSupportPage *self = LC_SUPPORT_PAGE (object);

  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->save_error, g_free);
  g_clear_pointer (&self->advice_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lc_support_page_parent_class)->finalize (object);
}

static void
lc_support_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LcSupportPage *self = LC_SUPPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_SAVE_ERROR:
      g_value_set_string (value, self->save_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_support_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LcSupportPage *self = LC_SUPPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      lc_support_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_support_page_class_init (LcSupportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lc_support_page_dispose;
  object_class->finalize = lc_support_page_finalize;
  object_class->get_property = lc_support_page_get_property;
  object_class->set_property = lc_support_page_set_property;

  widget_class->map = lc_support_page_map;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, LC_TYPE_FIX_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SAVE_ERROR] =
    g_param_spec_string ("save-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lc-support-page");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/lc-support-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LcSupportPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LcSupportPage, reason_label);
  gtk_widget_class_bind_template_child (widget_class, LcSupportPage, keep_going_button);
  gtk_widget_class_bind_template_child (widget_class, LcSupportPage, text_view);
  gtk_widget_class_bind_template_child (widget_class, LcSupportPage, save_error_box);
  gtk_widget_class_bind_template_child (widget_class, LcSupportPage, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, LcSupportPage, advice_group);

  gtk_widget_class_install_action (widget_class, "support.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "support.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "support.keep-going", NULL, keep_going_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "support.save", NULL);
}

static void
lc_support_page_init (LcSupportPage *self)
{
  self->advice_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  refresh (self);
}

GtkWidget *
lc_support_page_new (void)
{
  return g_object_new (LC_TYPE_SUPPORT_PAGE, NULL);
}

LcFixSession *
lc_support_page_get_session (LcSupportPage *self)
{
  g_return_val_if_fail (LC_IS_SUPPORT_PAGE (self), NULL);

  return self->session;
}

void
lc_support_page_set_session (LcSupportPage *self,
                             LcFixSession  *session)
{
  g_return_if_fail (LC_IS_SUPPORT_PAGE (self));
  g_return_if_fail (session == NULL || LC_IS_FIX_SESSION (session));

  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);

  if (session != NULL)
    g_set_object (&self->diagnosis, lc_fix_session_get_diagnosis (session));
  else
    g_clear_object (&self->diagnosis);
  set_save_error (self, NULL);
  update_advice (self);
  refresh (self);
}

void
lc_support_page_set_diagnosis (LcSupportPage *self,
                               LcDiagnosis   *diagnosis)
{
  g_return_if_fail (LC_IS_SUPPORT_PAGE (self));
  g_return_if_fail (diagnosis == NULL || LC_IS_DIAGNOSIS (diagnosis));

  if (g_set_object (&self->session, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);

  g_set_object (&self->diagnosis, diagnosis);
  set_save_error (self, NULL);
  update_advice (self);
  refresh (self);
}

const char *
lc_support_page_get_summary (LcSupportPage *self)
{
  g_return_val_if_fail (LC_IS_SUPPORT_PAGE (self), NULL);

  return self->summary;
}

void
lc_support_page_copy (LcSupportPage *self)
{
  g_return_if_fail (LC_IS_SUPPORT_PAGE (self));

  refresh (self);
  if (self->summary == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->summary);
  lc_page_add_toast (GTK_WIDGET (self), adw_toast_new (_("Summary copied")));
}

const char *
lc_support_page_get_save_error (LcSupportPage *self)
{
  g_return_val_if_fail (LC_IS_SUPPORT_PAGE (self), NULL);

  return self->save_error;
}
