/* lc-application.c — the application: command line, actions and accelerators, settings
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-application.h"
#include "lc-window.h"

struct _LcApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (LcApplication, lc_application, ADW_TYPE_APPLICATION)

static const GOptionEntry window_entries[] = {
  { "device", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open the window on this device"), N_("ID") },
  { "signal", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Show this light on the device"), N_("SIGNAL") },
  { "camera", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the window watching the webcam"), NULL },
  { NULL }
};

static LcWindow *
get_or_create_window (LcApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (lc_window_new (self));

  return LC_WINDOW (window);
}

static void
lc_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_or_create_window (LC_APPLICATION (app))));
}

static int
lc_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  LcApplication *self = LC_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *device_id = NULL;
  g_autofree char *signal_text = NULL;
  gboolean camera = FALSE;
  LcWindow *window;

  g_variant_dict_lookup (options, "device", "s", &device_id);
  g_variant_dict_lookup (options, "signal", "s", &signal_text);
  g_variant_dict_lookup (options, "camera", "b", &camera);

  window = get_or_create_window (self);

  if (camera)
    lc_window_watch_webcam (window);
  else if (device_id != NULL)
    lc_window_open_device (window, device_id, signal_text);

  gtk_window_present (GTK_WINDOW (window));

  return 0;
}

static void
lc_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  LcApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Lightcode authors", NULL };

  adw_show_about_window (window,
                         "application-name", _("Lightcode"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Lightcode authors"),
                         "version", VERSION,
                         "comments", _("Find out what the status light of your Blink camera or Sync Module means, and fix what it points to."),
                         "website", "https://github.com/lightcode/lightcode",
                         "issue-url", "https://github.com/lightcode/lightcode/issues",
                         "developers", developers,
                         "copyright", "© 2026 The Lightcode authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: replace with your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
lc_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  LcApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close windows first so they save their state. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_destroy (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", lc_application_about_action },
  { "quit", lc_application_quit_action },
};

static void
lc_application_startup (GApplication *app)
{
  LcApplication *self = LC_APPLICATION (app);

  G_APPLICATION_CLASS (lc_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.back",
                                         (const char *[]) { "Escape", "<Alt>Left", "Back", NULL });
}

static void
lc_application_dispose (GObject *object)
{
  LcApplication *self = LC_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lc_application_parent_class)->dispose (object);
}

static void
lc_application_class_init (LcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lc_application_dispose;

  app_class->activate = lc_application_activate;
  app_class->command_line = lc_application_command_line;
  app_class->startup = lc_application_startup;
}

static void
lc_application_init (LcApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), window_entries);
}

LcApplication *
lc_application_new (void)
{
  return g_object_new (LC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * lc_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
lc_application_get_settings (LcApplication *self)
{
  g_return_val_if_fail (LC_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (BASE_APP_ID);

  return self->settings;
}
