/* lc-test-cli.h — running the lightcode program from CLI tests
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>
#include <gio/gio.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} LcRunResult;

static inline void
lc_run_result_clear (LcRunResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LcRunResult, lc_run_result_clear)

/* Runs $LC_LIGHTCODE_BIN with @args (NULL-terminated) and no display, so
 * the command line is proven to need nothing but the core and vision, with
 * messages in @language (LANGUAGE; the translations come from the build
 * tree through LIGHTCODE_LOCALEDIR). */
static inline void
lc_test_run_lightcode_in (LcRunResult        *result,
                          const char         *language,
                          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("LC_LIGHTCODE_BIN");

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

/* As above, in English whatever the machine says. */
static inline void
lc_test_run_lightcode (LcRunResult        *result,
                       const char * const *args)
{
  lc_test_run_lightcode_in (result, "C", args);
}

/* Exactly one line on stderr, starting with the program name. */
static inline void
lc_test_assert_one_error_line (const char *err)
{
  const char *newline;

  g_assert_nonnull (err);
  g_assert_true (g_str_has_prefix (err, "lightcode: "));
  newline = strchr (err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline + 1, ==, "");
}
