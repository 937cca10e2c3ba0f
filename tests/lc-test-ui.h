/* lc-test-ui.h — shared start-up for UI tests
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <locale.h>
#include <adwaita.h>

/* Runs everything the main loop has ready, without waiting. */
static inline void
lc_test_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The first widget of @type in @widget's tree, depth first, or NULL. */
static inline GtkWidget *
lc_test_find_widget (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lc_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Like gtk_test_init(), but reports a TAP skip instead of aborting when
 * there is no display. Returns FALSE when the caller must return 0.
 */
static inline gboolean
lc_test_ui_init (int    *argc,
                 char ***argv)
{
  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }

  adw_init ();
  return TRUE;
}
