/* lc-cli.h — the command line, dispatched before any display is opened
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lc-knowledge.h"

G_BEGIN_DECLS

/* Exit statuses shared by every subcommand (DESIGN.md). */
typedef enum
{
  LC_EXIT_OK        = 0,
  LC_EXIT_NOT_FOUND = 1, /* nothing found / no match */
  LC_EXIT_BAD_INPUT = 2, /* unreadable file, unknown device, bad signal text, bad option */
} LcExitStatus;

/* Options of the window command line, validated before GApplication runs. */
typedef struct
{
  char     *device_id;
  char     *signal_text;
  gboolean  camera;
} LcWindowOptions;

void     lc_window_options_clear (LcWindowOptions *options);

/* Returns TRUE when argv is a subcommand, --version or --help (or an error
 * in them): the process must then exit with *out_status. Returns FALSE when
 * argv is for the window; @out_options is then filled (and validated).
 */
gboolean lc_cli_dispatch         (int               argc,
                                  char            **argv,
                                  LcWindowOptions  *out_options,
                                  int              *out_status);

/* Prints "lightcode: <message>" as one line on stderr. */
void     lc_cli_error            (const char       *format,
                                  ...) G_GNUC_PRINTF (1, 2);

/* The shipped knowledge base, checked strictly, for the subcommands that
 * need it. On broken data prints the one-line error and returns NULL: exit
 * with LC_EXIT_BAD_INPUT.
 */
LcKnowledge *lc_cli_load_knowledge (void);

/* Subcommands: argv[0] is the subcommand name. Each returns an LcExitStatus. */
int      lc_cli_devices          (int               argc,
                                  char            **argv);
int      lc_cli_diagnose         (int               argc,
                                  char            **argv);
int      lc_cli_analyze          (int               argc,
                                  char            **argv);

G_END_DECLS
