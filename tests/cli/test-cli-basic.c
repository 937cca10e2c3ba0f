/* test-cli-basic.c — --version, --help and bad input, without a display
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "lc-test-cli.h"

static guint
count_lines (const char *text)
{
  guint lines = 0;

  for (const char *p = text; *p != '\0'; p++)
    lines += *p == '\n';

  return lines;
}

static void
test_version (void)
{
  g_auto(LcRunResult) result = { 0 };

  lc_test_run_lightcode (&result, (const char *[]) { "--version", NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "lightcode " VERSION "\n");
  g_assert_cmpstr (result.err, ==, "");
}

/* The README's way to try a translation before installing it. */
static void
test_translation_from_build_tree (void)
{
  g_auto(LcRunResult) result = { 0 };

  lc_test_run_lightcode_in (&result, "de", (const char *[]) { "devices", NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Batteriekameras"));
  g_assert_null (strstr (result.out, "Battery cameras"));
}

static void
test_help (void)
{
  g_auto(LcRunResult) result = { 0 };

  lc_test_run_lightcode (&result, (const char *[]) { "--help", NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "analyze"));
  g_assert_nonnull (strstr (result.out, "diagnose"));
  g_assert_nonnull (strstr (result.out, "devices"));
  g_assert_nonnull (strstr (result.out, "--device"));
  g_assert_nonnull (strstr (result.out, "--camera"));
}

static void
test_unknown_subcommand (void)
{
  g_auto(LcRunResult) result = { 0 };

  lc_test_run_lightcode (&result, (const char *[]) { "frobnicate", NULL });
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_true (g_str_has_prefix (result.err, "lightcode: "));
  g_assert_nonnull (strstr (result.err, "frobnicate"));
  g_assert_cmpuint (count_lines (result.err), ==, 1);
}

static void
test_unknown_option (void)
{
  g_auto(LcRunResult) result = { 0 };

  lc_test_run_lightcode (&result, (const char *[]) { "--frobnicate", NULL });
  g_assert_cmpint (result.status, ==, 2);
  g_assert_true (g_str_has_prefix (result.err, "lightcode: "));
  g_assert_nonnull (strstr (result.err, "--frobnicate"));
  g_assert_cmpuint (count_lines (result.err), ==, 1);
}

static void
test_bad_window_signal (void)
{
  g_auto(LcRunResult) result = { 0 };

  /* Rejected before any display is needed. */
  lc_test_run_lightcode (&result, (const char *[]) { "--device", "mini", "--signal", "red:sparkle", NULL });
  g_assert_cmpint (result.status, ==, 2);
  g_assert_true (g_str_has_prefix (result.err, "lightcode: "));
  g_assert_nonnull (strstr (result.err, "red:sparkle"));
  g_assert_cmpuint (count_lines (result.err), ==, 1);
}

static void
test_unknown_window_device (void)
{
  g_auto(LcRunResult) result = { 0 };

  lc_test_run_lightcode (&result, (const char *[]) { "--device", "toaster", NULL });
  g_assert_cmpint (result.status, ==, 2);
  g_assert_true (g_str_has_prefix (result.err, "lightcode: "));
  g_assert_nonnull (strstr (result.err, "toaster"));
  g_assert_cmpuint (count_lines (result.err), ==, 1);
}

static void
test_signal_without_device (void)
{
  g_auto(LcRunResult) result = { 0 };

  lc_test_run_lightcode (&result, (const char *[]) { "--signal", "red:solid", NULL });
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "--device"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);


  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/translation-from-build-tree", test_translation_from_build_tree);
  g_test_add_func ("/cli/unknown-subcommand", test_unknown_subcommand);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/bad-window-signal", test_bad_window_signal);
  g_test_add_func ("/cli/unknown-window-device", test_unknown_window_device);
  g_test_add_func ("/cli/signal-without-device", test_signal_without_device);

  return g_test_run ();
}
