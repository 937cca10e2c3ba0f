/* test-cli-analyze.c — `lightcode analyze`: JSON fields, words and exit statuses
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real binary on the clips tests/vision generates at build time.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "lc-test-cli.h"

/* `lightcode analyze ARGS…` */
static void
run_lightcode (LcRunResult        *result,
               const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "analyze");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  lc_test_run_lightcode (result, (const char * const *) argv->pdata);
}

static char *
clip_path (const char *name)
{
  return g_build_filename (g_getenv ("LC_TEST_BUILDDIR"), "vision", name, NULL);
}

static gboolean
have_clip (const char *name)
{
  g_autofree char *path = clip_path (name);

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  g_test_skip_printf ("%s was not generated", name);
  return FALSE;
}

/* Exactly one line, "lightcode: …". */
static void
assert_one_error_line (const char *err)
{
  g_assert_true (g_str_has_prefix (err, "lightcode: "));
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_node_get_object (root);
}

static void
test_json_burst (void)
{
  g_autofree char *path = clip_path ("burst6.webm");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(LcRunResult) result = { 0 };
  JsonObject *object, *led;
  JsonArray *leds;
  double duration, period;

  if (!have_clip ("burst6.webm"))
    return;

  run_lightcode (&result, (const char *[]) { "--json", path, NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  object = parse_object (parser, result.out);
  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, path);
  duration = json_object_get_double_member (object, "duration_s");
  g_assert_cmpfloat_with_epsilon (duration, 12.0, 0.05);
  g_assert_cmpint (json_object_get_int_member (object, "frames"), ==, 360);
  g_assert_cmpstr (json_object_get_string_member (object, "signal"), ==, "red:burst:6");
  g_assert_true (json_object_get_boolean_member (object, "confirmed"));
  g_assert_true (json_object_get_null_member (object, "film_seconds"));
  g_assert_false (json_object_has_member (object, "diagnosis"));

  leds = json_object_get_array_member (object, "leds");
  g_assert_cmpuint (json_array_get_length (leds), >=, 1);
  led = json_array_get_object_element (leds, 0);

  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (led, "x"), 0.5, 0.03);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (led, "y"), 0.5, 0.03);
  g_assert_cmpstr (json_object_get_string_member (led, "color"), ==, "red");
  g_assert_cmpstr (json_object_get_string_member (led, "kind"), ==, "burst");
  g_assert_cmpint (json_object_get_int_member (led, "count"), ==, 6);

  /* lc-make-clip renders bursts at the default 2.5 Hz, 1.8 s pause. */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (led, "rate_hz"), 2.5, 0.125);
  period = json_object_get_double_member (led, "period_s");
  g_assert_cmpfloat_with_epsilon (period, 6 * 0.4 + 1.8, 0.25);
  g_assert_cmpint (json_object_get_int_member (led, "on_ms"), >, 100);
  g_assert_cmpint (json_object_get_int_member (led, "on_ms"), <, 300);
  g_assert_cmpint (json_object_get_int_member (led, "off_ms"), >, 100);
  g_assert_cmpint (json_object_get_int_member (led, "off_ms"), <, 300);

  g_assert_cmpfloat (json_object_get_double_member (led, "confidence"), >, 0.0);
  g_assert_cmpfloat (json_object_get_double_member (led, "confidence"), <=, 1.0);

  /* Honest: the answer cannot be stable before one whole pattern was seen,
   * and it was stable before the end.
   */
  g_assert_cmpfloat (json_object_get_double_member (led, "stable_since_s"), >=, period * 0.9);
  g_assert_cmpfloat (json_object_get_double_member (led, "stable_since_s"), <, duration);
}

static void
test_human_burst (void)
{
  g_autofree char *path = clip_path ("burst6.webm");
  g_auto(LcRunResult) result = { 0 };

  if (!have_clip ("burst6.webm"))
    return;

  run_lightcode (&result, (const char *[]) { path, NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  /* The signal in words and in its short form, confidence, position. */
  g_assert_nonnull (strstr (result.out, "(red:burst:6)"));
  g_assert_nonnull (strstr (result.out, "six"));
  g_assert_nonnull (strstr (result.out, "Confidence: "));
  g_assert_nonnull (strstr (result.out, "Position: center"));
}

static void
test_json_h264 (void)
{
  g_autofree char *path = clip_path ("burst6.mp4");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(LcRunResult) result = { 0 };
  JsonObject *object;

  if (!have_clip ("burst6.mp4"))
    return;

  run_lightcode (&result, (const char *[]) { "--json", path, NULL });
  g_assert_cmpint (result.status, ==, 0);
  object = parse_object (parser, result.out);
  g_assert_cmpstr (json_object_get_string_member (object, "signal"), ==, "red:burst:6");
}

/* Four seconds of a pattern that takes four to repeat: not confirmed, and
 * the advice says how long to film, in the text and in the JSON.
 */
static void
test_too_short (void)
{
  g_autofree char *path = clip_path ("burst6-short.webm");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(LcRunResult) text = { 0 };
  g_auto(LcRunResult) json = { 0 };
  JsonObject *object;

  if (!have_clip ("burst6-short.webm"))
    return;

  run_lightcode (&json, (const char *[]) { "--json", path, NULL });
  object = parse_object (parser, json.out);
  g_assert_false (json_object_get_boolean_member (object, "confirmed"));
  g_assert_cmpint (json_object_get_int_member (object, "film_seconds"), >=, 10); /* LC_DETECTION_MIN_FILM_SECONDS */

  run_lightcode (&text, (const char *[]) { path, NULL });
  if (text.status == 0)
    g_assert_nonnull (strstr (text.out, "Film the light for at least"));
  else
    {
      g_assert_cmpint (text.status, ==, 1);
      assert_one_error_line (text.err);
      g_assert_nonnull (strstr (text.err, "film it for at least"));
    }
}

static void
test_device (void)
{
  g_autofree char *path = clip_path ("burst6.webm");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(LcRunResult) result = { 0 };
  JsonObject *object, *diagnosis;

  if (!have_clip ("burst6.webm"))
    return;

  /* Six red blinks is a known light on the battery cameras. */
  run_lightcode (&result, (const char *[]) { "--json", "--device", "outdoor-4", path, NULL });
  g_assert_cmpint (result.status, ==, 0);

  object = parse_object (parser, result.out);
  g_assert_cmpstr (json_object_get_string_member (object, "signal"), ==, "red:burst:6");
  diagnosis = json_object_get_object_member (object, "diagnosis");
  g_assert_nonnull (diagnosis);
  g_assert_cmpstr (json_object_get_string_member (diagnosis, "device"), ==, "outdoor-4");
  g_assert_cmpstr (json_object_get_string_member (diagnosis, "signal"), ==, "red:burst:6");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (diagnosis, "causes")), >, 0);
}

static void
test_unknown_device (void)
{
  g_autofree char *path = clip_path ("burst6.webm");
  g_auto(LcRunResult) result = { 0 };

  run_lightcode (&result, (const char *[]) { "--device", "toaster", path, NULL });
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.out, ==, "");
  assert_one_error_line (result.err);
  g_assert_nonnull (strstr (result.err, "toaster"));
}

static void
test_no_light (void)
{
  g_autofree char *path = clip_path ("nolight.webm");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(LcRunResult) result = { 0 };
  g_auto(LcRunResult) human = { 0 };
  JsonObject *object;

  if (!have_clip ("nolight.webm"))
    return;

  run_lightcode (&result, (const char *[]) { "--json", path, NULL });
  g_assert_cmpint (result.status, ==, 1);
  assert_one_error_line (result.err);

  /* Still a full answer: the video was read, nothing was in it. */
  object = parse_object (parser, result.out);
  g_assert_cmpint (json_object_get_int_member (object, "frames"), ==, 150);
  g_assert_true (json_object_get_null_member (object, "signal"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "leds")), ==, 0);

  run_lightcode (&human, (const char *[]) { path, NULL });
  g_assert_cmpint (human.status, ==, 1);
  assert_one_error_line (human.err);
}

static void
test_missing_file (void)
{
  g_auto(LcRunResult) result = { 0 };

  run_lightcode (&result, (const char *[]) { "--json", "/nonexistent/clip.mp4", NULL });
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.out, ==, "");
  assert_one_error_line (result.err);
  g_assert_nonnull (strstr (result.err, "clip.mp4"));
}

static void
test_not_video (void)
{
  static const char text[] = "not a video\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lightcode-cli-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "clip.mp4", NULL);
  g_auto(LcRunResult) result = { 0 };

  g_assert_no_error (error);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  run_lightcode (&result, (const char *[]) { path, NULL });
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.out, ==, "");
  assert_one_error_line (result.err);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_bad_usage (void)
{
  g_auto(LcRunResult) none = { 0 };
  g_auto(LcRunResult) two = { 0 };
  g_auto(LcRunResult) option = { 0 };

  run_lightcode (&none, (const char *[]) { NULL });
  g_assert_cmpint (none.status, ==, 2);
  assert_one_error_line (none.err);

  run_lightcode (&two, (const char *[]) { "a.webm", "b.webm", NULL });
  g_assert_cmpint (two.status, ==, 2);
  assert_one_error_line (two.err);

  run_lightcode (&option, (const char *[]) { "--frobnicate", "a.webm", NULL });
  g_assert_cmpint (option.status, ==, 2);
  assert_one_error_line (option.err);
}

/* Issue 15: what the command prints is always safe and valid. */

/* A copy of @clip in a new temporary folder, under the raw bytes @name. */
static char *
copy_clip_as (const char *clip,
              const char *name)
{
  g_autofree char *original = clip_path (clip);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lightcode-test-XXXXXX", &error);
  g_autofree char *contents = NULL;
  char *path;
  gsize length;

  g_assert_no_error (error);
  g_file_get_contents (original, &contents, &length, &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static void
remove_copy (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* No number printed with more than three decimals. */
static void
assert_three_decimals (const char *json)
{
  for (const char *p = json; *p != '\0'; p++)
    {
      guint n = 0;

      if (*p != '.' || p == json || !g_ascii_isdigit (p[-1]))
        continue;
      while (g_ascii_isdigit (p[1 + n]))
        n++;
      g_assert_cmpuint (n, <=, 3);
    }
}

static void
test_json_strange_name (void)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(LcRunResult) result = { 0 };
  JsonObject *object;
  const char *file;

  if (!have_clip ("burst6.webm"))
    return;

  /* Not UTF-8, and a terminal escape that would turn the text red. */
  path = copy_clip_as ("burst6.webm", "light\xff\x1b[31m.webm");
  /* The output is read as UTF-8: invalid bytes would fail here. */
  run_lightcode (&result, (const char *[]) { "--json", path, NULL });
  g_assert_cmpint (result.status, ==, 0);

  object = parse_object (parser, result.out);
  file = json_object_get_string_member (object, "file");
  g_assert_true (g_str_has_suffix (file, "light\xef\xbf\xbd\x1b[31m.webm"));
  /* In the JSON text the escape is escaped. */
  g_assert_null (strchr (result.out, '\x1b'));
  assert_three_decimals (result.out);

  remove_copy (path);
}

static void
test_text_strange_name (void)
{
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_auto(LcRunResult) result = { 0 };
  g_auto(LcRunResult) failed = { 0 };

  if (!have_clip ("burst6.webm"))
    return;

  path = copy_clip_as ("burst6.webm", "light\x1b]0;owned\x07\r.webm");
  run_lightcode (&result, (const char *[]) { path, NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_null (strchr (result.out, '\x1b'));
  g_assert_null (strchr (result.out, '\x07'));
  g_assert_null (strchr (result.out, '\r'));
  g_assert_nonnull (strstr (result.out, "light\\x1b]0;owned\\x07\\x0d.webm"));

  /* And on stderr. */
  missing = g_strconcat (path, ".missing\x1b[2J", NULL);
  run_lightcode (&failed, (const char *[]) { missing, NULL });
  g_assert_cmpint (failed.status, ==, 2);
  lc_test_assert_one_error_line (failed.err);
  g_assert_null (strchr (failed.err, '\x1b'));
  g_assert_nonnull (strstr (failed.err, "\\x1b[2J"));

  remove_copy (path);
}

static void
test_fps_and_rounding (void)
{
  g_autofree char *path = clip_path ("burst6.webm");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(LcRunResult) result = { 0 };
  JsonObject *object;

  if (!have_clip ("burst6.webm"))
    return;

  run_lightcode (&result, (const char *[]) { "--json", path, NULL });
  g_assert_cmpint (result.status, ==, 0);
  object = parse_object (parser, result.out);
  /* 30 fps, not frames over duration (29.4) nor a millisecond-rounded
   * median (30.3). */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "fps"), 30.0, 0.01);
  assert_three_decimals (result.out);
}

static void
test_fifo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lightcode-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "clip.webm", NULL);
  g_auto(LcRunResult) result = { 0 };

  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  /* Nobody ever writes to it: this returns at once or never. */
  run_lightcode (&result, (const char *[]) { path, NULL });
  g_assert_cmpint (result.status, ==, 2);
  lc_test_assert_one_error_line (result.err);
  g_assert_nonnull (strstr (result.err, "pipe"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_non_utf8_option (void)
{
  g_autofree char *path = clip_path ("burst6.webm");
  g_auto(LcRunResult) result = { 0 };

  run_lightcode (&result, (const char *[]) { "--device", "outdoor\xff", path, NULL });
  g_assert_cmpint (result.status, ==, 2);
  lc_test_assert_one_error_line (result.err);
  g_assert_nonnull (strstr (result.err, "--device"));
}

static void
test_long_signal (void)
{
  g_autofree char *huge = g_strnfill (120 * 1024, 'r');
  g_autoptr(GString) wrong = g_string_new ("red:burst:6+blue:solid+green:blink+");
  g_auto(LcRunResult) result = { 0 };
  g_auto(LcRunResult) bad = { 0 };

  /* 120 KB (one argument can hold at most 128 KB): refused before
   * parsing, not echoed. */
  lc_test_run_lightcode (&result, (const char *[]) { "diagnose", "--device", "outdoor-4", "--signal", huge, NULL });
  g_assert_cmpint (result.status, ==, 2);
  lc_test_assert_one_error_line (result.err);
  g_assert_cmpuint (strlen (result.err), <, 200);

  /* Under the limit but wrong far in: only the part around the error. */
  for (guint i = 0; i < 4; i++)
    g_string_append (wrong, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  lc_test_run_lightcode (&bad, (const char *[]) { "diagnose", "--device", "outdoor-4", "--signal", wrong->str, NULL });
  g_assert_cmpint (bad.status, ==, 2);
  lc_test_assert_one_error_line (bad.err);
  g_assert_cmpuint (strlen (bad.err), <, wrong->len);
  g_assert_nonnull (strstr (bad.err, "…"));
}

static void
test_help_limits (void)
{
  g_auto(LcRunResult) result = { 0 };

  run_lightcode (&result, (const char *[]) { "--help", NULL });
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "300 seconds"));
  g_assert_nonnull (strstr (result.out, "7680×4320"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);


  g_test_add_func ("/cli/analyze/json", test_json_burst);
  g_test_add_func ("/cli/analyze/human", test_human_burst);
  g_test_add_func ("/cli/analyze/h264", test_json_h264);
  g_test_add_func ("/cli/analyze/too-short", test_too_short);
  g_test_add_func ("/cli/analyze/device", test_device);
  g_test_add_func ("/cli/analyze/unknown-device", test_unknown_device);
  g_test_add_func ("/cli/analyze/no-light", test_no_light);
  g_test_add_func ("/cli/analyze/missing-file", test_missing_file);
  g_test_add_func ("/cli/analyze/not-video", test_not_video);
  g_test_add_func ("/cli/analyze/bad-usage", test_bad_usage);
  g_test_add_func ("/cli/analyze/json-strange-name", test_json_strange_name);
  g_test_add_func ("/cli/analyze/text-strange-name", test_text_strange_name);
  g_test_add_func ("/cli/analyze/fps-and-rounding", test_fps_and_rounding);
  g_test_add_func ("/cli/analyze/fifo", test_fifo);
  g_test_add_func ("/cli/analyze/non-utf8-option", test_non_utf8_option);
  g_test_add_func ("/cli/analyze/long-signal", test_long_signal);
  g_test_add_func ("/cli/analyze/help-limits", test_help_limits);

  return g_test_run ();
}
