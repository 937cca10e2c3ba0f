/* lc-a11y.c — accessible names and states GTK 4.8 gets wrong
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lc-a11y.h"

char *
lc_a11y_strip_mnemonic (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            g_string_append_c (out, '_'), p++;
          continue;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

void
lc_a11y_fix_mnemonic_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) &&
      gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL &&
      strchr (gtk_button_get_label (GTK_BUTTON (root)), '_') != NULL)
    {
      g_autofree char *name = lc_a11y_strip_mnemonic (gtk_button_get_label (GTK_BUTTON (root)));

      gtk_accessible_update_property (GTK_ACCESSIBLE (root),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      /* The mnemonic label also names its button through labelled-by,
       * which GTK 4.8 adds to the name: "This Is What I See This Is …".
       */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    lc_a11y_fix_mnemonic_names (child);
}

static void
update_checked (GtkToggleButton *button)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (button),
                               GTK_ACCESSIBLE_STATE_CHECKED, gtk_toggle_button_get_active (button),
                               -1);
}

void
lc_a11y_track_checked (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_TOGGLE_BUTTON (root))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (root));

      if ((role == GTK_ACCESSIBLE_ROLE_RADIO || role == GTK_ACCESSIBLE_ROLE_CHECKBOX) &&
          g_object_get_data (G_OBJECT (root), "lc-a11y-checked") == NULL)
        {
          g_object_set_data (G_OBJECT (root), "lc-a11y-checked", GINT_TO_POINTER (1));
          g_signal_connect (root, "notify::active", G_CALLBACK (update_checked), NULL);
        }
      if (role == GTK_ACCESSIBLE_ROLE_RADIO || role == GTK_ACCESSIBLE_ROLE_CHECKBOX)
        update_checked (GTK_TOGGLE_BUTTON (root));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    lc_a11y_track_checked (child);
}
