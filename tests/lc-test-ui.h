/* lc-test-ui.h — shared start-up for UI tests
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <locale.h>
#include <adwaita.h>

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
