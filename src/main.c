/* main.c — the command line or the window
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "lc-application.h"
#include "lc-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LcApplication) app = NULL;
  LcWindowOptions options = { 0 };
  int status = 0;

  setlocale (LC_ALL, "");
  /* LIGHTCODE_LOCALEDIR lets a translation be tried from the build tree
   * (_build/po) before it is installed. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LIGHTCODE_LOCALEDIR") != NULL
                                   ? g_getenv ("LIGHTCODE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Subcommands, --help and --version never open a display. */
  if (lc_cli_dispatch (argc, argv, &options, &status))
    {
      lc_window_options_clear (&options);
      return status;
    }
  lc_window_options_clear (&options);

  app = lc_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
