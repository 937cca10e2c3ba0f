/* lc-cli-analyze.c — `lightcode analyze`
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-cli.h"

/* Placeholder until the subcommand lands: says so honestly. */
int
lc_cli_analyze (int    argc,
           char **argv)
{
  lc_cli_error (_("“%s” is not available in this build yet"), "analyze");
  return LC_EXIT_NOT_FOUND;
}
