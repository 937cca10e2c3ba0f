/* test-ui-files.c — every .ui file in the resources loads
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gmodule.h>

#include "lc-test-ui.h"

#define UI_PATH RESOURCE_BASE_PATH "/ui/"

/* "LcMatchPage" → "lc_match_page_get_type" */
static char *
type_func_name (const char *class_name)
{
  GString *name = g_string_new (NULL);

  for (const char *p = class_name; *p != '\0'; p++)
    {
      if (g_ascii_isupper (*p) && p != class_name)
        g_string_append_c (name, '_');
      g_string_append_c (name, g_ascii_tolower (*p));
    }
  g_string_append (name, "_get_type");

  return g_string_free (name, FALSE);
}

static GType
type_from_template (const char *ui_text)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("<template class=\"([A-Za-z]+)\"", 0, 0, NULL);
  GModule *self = g_module_open (NULL, 0);
  g_autofree char *class_name = NULL;
  g_autofree char *func_name = NULL;
  GType (*get_type) (void) = NULL;

  if (!g_regex_match (regex, ui_text, 0, &match))
    return G_TYPE_INVALID;

  class_name = g_match_info_fetch (match, 1);
  func_name = type_func_name (class_name);
  if (!g_module_symbol (self, func_name, (gpointer *) &get_type))
    g_test_fail_printf ("%s: no %s() for the template class", class_name, func_name);
  g_module_close (self);

  return get_type ();
}

static gboolean
has_construct_only_property (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      if (pspecs[i]->owner_type == type && (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        return TRUE;
    }

  return FALSE;
}

/* The template as a plain object of its parent class (GtkBox when the
 * parent is abstract, like GtkWidget), without signal handlers (they are
 * static functions of the widget), so GtkBuilder checks every property and
 * type whatever the widget needs to be constructed. */
static char *
template_as_object (const char *ui_text)
{
  g_autoptr(GRegex) template_open =
    g_regex_new ("<template class=\"[A-Za-z]+\" parent=\"([A-Za-z]+)\"", 0, 0, NULL);
  g_autoptr(GRegex) template_close = g_regex_new ("</template>", 0, 0, NULL);
  g_autoptr(GRegex) signals = g_regex_new ("<signal [^>]*/>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *object_open = NULL;
  g_autofree char *step1 = NULL;
  g_autofree char *step2 = NULL;
  GType parent_type;

  g_assert_true (g_regex_match (template_open, ui_text, 0, &match));
  parent = g_match_info_fetch (match, 1);
  parent_type = g_type_from_name (parent);
  g_assert_true (g_type_is_a (parent_type, GTK_TYPE_WIDGET));
  object_open = g_strdup_printf ("<object class=\"%s\" id=\"template\"",
                                 G_TYPE_IS_ABSTRACT (parent_type) ? "GtkBox" : parent);

  step1 = g_regex_replace_literal (template_open, ui_text, -1, 0, object_open, 0, NULL);
  step2 = g_regex_replace_literal (template_close, step1, -1, 0, "</object>", 0, NULL);

  return g_regex_replace_literal (signals, step2, -1, 0, "", 0, NULL);
}

static void
test_ui_file (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_strconcat (UI_PATH, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  const char *text = g_bytes_get_data (bytes, NULL);
  GType type = type_from_template (text);
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *as_object = NULL;
  GObject *object;

  g_assert_true (g_type_is_a (type, GTK_TYPE_WIDGET));

  as_object = template_as_object (text);
  gtk_builder_add_from_string (builder, as_object, -1, &error);
  g_assert_no_error (error);
  object = gtk_builder_get_object (builder, "template");
  if (GTK_IS_WINDOW (object))
    gtk_window_destroy (GTK_WINDOW (object));

  /* Widgets with construct-only properties are built by their owners and
   * tested there; the others are instantiated for real, which runs
   * gtk_widget_init_template() with the signal handlers. */
  if (has_construct_only_property (type))
    return;

  object = g_object_new (type, NULL);
  g_object_ref_sink (object);
  if (GTK_IS_WINDOW (object))
    gtk_window_destroy (GTK_WINDOW (object));
  g_assert_finalize_object (object);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) names = NULL;

  if (!lc_test_ui_init (&argc, &argv))
    return 0;

  names = g_resources_enumerate_children (UI_PATH, 0, NULL);
  g_assert_nonnull (names);

  /* Register every template class first: templates nest each other. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (UI_PATH, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

      if (bytes != NULL)
        type_from_template (g_bytes_get_data (bytes, NULL));
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *test_path = NULL;

      if (!g_str_has_suffix (names[i], ".ui"))
        continue;
      test_path = g_strconcat ("/ui-files/", names[i], NULL);
      g_test_add_data_func (test_path, names[i], test_ui_file);
    }

  return g_test_run ();
}
