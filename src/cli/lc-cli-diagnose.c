/* lc-cli-diagnose.c — `lightcode diagnose`
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-cli.h"

/* Placeholder until the subcommand lands: says so honestly. */
int
lc_cli_diagnose (int    argc,
           char **argv)
{
  lc_cli_error (_("“%s” is not available in this build yet"), "diagnose");
  return LC_EXIT_NOT_FOUND;
}
