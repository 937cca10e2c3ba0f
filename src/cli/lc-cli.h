/* lc-cli.h — the command line, dispatched before any display is opened
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "lc-knowledge.h"
#include "lc-signal.h"

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

/* Longest signal text taken: the longest real one (four lights, each
 * with two colours, a rate and a count) is under 100 bytes.
 */
#define LC_CLI_MAX_SIGNAL_TEXT 256

/* @text made safe for a terminal: invalid UTF-8 replaced, control
 * characters (escapes, carriage returns, …) written as \xHH.
 */
char    *lc_cli_escape           (const char       *text);

/* At most about 40 characters of @text, around @position (a character
 * index, or -1 for the start), escaped, with "…" where it was cut.
 */
char    *lc_cli_excerpt          (const char       *text,
                                  long              position);

/* Checks a --signal value: too long, or not UTF-8, prints the error and
 * returns FALSE (exit with LC_EXIT_BAD_INPUT). Otherwise parses it.
 */
gboolean lc_cli_parse_signal     (const char       *text,
                                  LcSignal         *out_signal);

/* Prints the error of g_option_context_parse_strv() on @argv, naming
 * the option when its value is not valid text.
 */
void     lc_cli_option_error     (char            **argv,
                                  const GError     *error);

/* Prints @root pretty, with doubles to 3 decimals, and a newline. */
void     lc_cli_print_json       (JsonNode         *root);

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
