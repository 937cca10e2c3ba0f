/* test-cli.c — runs the built `lightcode` for `diagnose` and `devices`
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "lc-test-cli.h"
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

/* Runs lightcode with @first_arg… (NULL-terminated). */
static void
run_lightcode (LcRunResult *result,
               const char  *first_arg,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  lc_test_run_lightcode (result, (const char * const *) argv->pdata);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));

  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_cause_fields (JsonObject *cause)
{
  JsonObject *procedure;
  JsonArray *steps;
  double likelihood;

  g_assert_nonnull (json_object_get_string_member (cause, "id"));
  g_assert_cmpstr (json_object_get_string_member (cause, "title"), !=, "");
  likelihood = json_object_get_double_member (cause, "likelihood");
  g_assert_cmpfloat (likelihood, >, 0.0);
  g_assert_cmpfloat (likelihood, <=, 1.0);
  g_assert_cmpstr (json_object_get_string_member (cause, "provenance"), !=, "");
  g_assert_cmpstr (json_object_get_string_member (cause, "explanation"), !=, "");

  g_assert_true (json_object_has_member (cause, "procedure"));
  if (json_object_get_null_member (cause, "procedure"))
    return;

  procedure = json_object_get_object_member (cause, "procedure");
  g_assert_nonnull (json_object_get_string_member (procedure, "id"));
  g_assert_cmpstr (json_object_get_string_member (procedure, "title"), !=, "");
  steps = json_object_get_array_member (procedure, "steps");
  g_assert_cmpuint (json_array_get_length (steps), >, 0);

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *step = json_array_get_object_element (steps, i);

      g_assert_cmpstr (json_object_get_string_member (step, "title"), !=, "");
      g_assert_cmpstr (json_object_get_string_member (step, "text"), !=, "");
      g_assert_true (json_object_has_member (step, "illustration"));
    }
}

static void
test_diagnose_json (void)
{
  g_auto(LcRunResult) result = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *causes;
  double sum = 0.0;

  run_lightcode (&result, "diagnose", "--device", "outdoor-4",
                 "--signal", "red:burst:6", "--context", "recording", "--json",
                 NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  root = parse_json (result.out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "device"), ==, "outdoor-4");
  g_assert_cmpstr (json_object_get_string_member (object, "signal"), ==, "red:burst:6");
  g_assert_cmpstr (json_object_get_string_member (object, "context"), ==, "recording");
  g_assert_false (json_object_get_boolean_member (object, "is_normal"));
  g_assert_true (json_object_get_boolean_member (object, "known_signal"));

  causes = json_object_get_array_member (object, "causes");
  g_assert_cmpuint (json_array_get_length (causes), >=, 2);
  for (guint i = 0; i < json_array_get_length (causes); i++)
    {
      JsonObject *cause = json_array_get_object_element (causes, i);

      assert_cause_fields (cause);
      sum += json_object_get_double_member (cause, "likelihood");
      if (i > 0)
        {
          JsonObject *previous = json_array_get_object_element (causes, i - 1);

          g_assert_cmpfloat (json_object_get_double_member (previous, "likelihood"), >=,
                             json_object_get_double_member (cause, "likelihood"));
        }
    }
  g_assert_cmpfloat (sum, <=, 1.0 + 1e-9);
  g_assert_cmpfloat (sum, >, 0.5);

  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (causes, 0), "id"),
                   ==, "low-battery");
}

/* Canonical text comes back, whatever spelling went in. */
static void
test_diagnose_json_canonical (void)
{
  g_auto(LcRunResult) result = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  run_lightcode (&result, "diagnose", "--device=sync-module-2",
                 "--signal=green:solid+blue:solid", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);

  root = parse_json (result.out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "context"), ==, "any");
  g_assert_true (json_object_get_boolean_member (object, "is_normal"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (object, "causes"), 0), "id"),
                   ==, "normal");
}

static void
test_diagnose_human (void)
{
  g_auto(LcRunResult) result = { 0, };

  run_lightcode (&result, "diagnose", "--device", "outdoor-4",
                 "--signal", "red:burst:6", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  /* The verdict with a percentage, and numbered steps. */
  g_assert_nonnull (strstr (result.out, "%"));
  g_assert_nonnull (strstr (result.out, "  1. "));
  g_assert_nonnull (strstr (result.out, "red:burst:6"));
}

static void
test_diagnose_human_normal (void)
{
  g_auto(LcRunResult) result = { 0, };

  run_lightcode (&result, "diagnose", "--device", "doorbell", "--signal", "off", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "normal"));
}

/* Not a known signal: still useful advice on stdout, status 1, one line
 * on stderr saying so.
 */
static void
test_diagnose_unknown_signal (void)
{
  g_auto(LcRunResult) result = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  run_lightcode (&result, "diagnose", "--device", "outdoor-4",
                 "--signal", "white:fade", NULL);
  g_assert_cmpint (result.status, ==, 1);
  lc_test_assert_one_error_line (result.err);
  g_assert_cmpstr (result.out, !=, "");
  lc_run_result_clear (&result);

  run_lightcode (&result, "diagnose", "--device", "outdoor-4",
                 "--signal", "white:fade", "--json", NULL);
  g_assert_cmpint (result.status, ==, 1);
  lc_test_assert_one_error_line (result.err);
  root = parse_json (result.out);
  object = json_node_get_object (root);
  g_assert_false (json_object_get_boolean_member (object, "known_signal"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "causes")), >, 0);
}

static void
test_diagnose_bad_signal (void)
{
  g_auto(LcRunResult) result = { 0, };

  run_lightcode (&result, "diagnose", "--device", "outdoor-4",
                 "--signal", "red:blonk", NULL);
  g_assert_cmpint (result.status, ==, 2);
  lc_test_assert_one_error_line (result.err);
  g_assert_nonnull (strstr (result.err, "position"));
  g_assert_cmpstr (result.out, ==, "");
}

static void
test_diagnose_bad_input (void)
{
  static const char *cases[][7] = {
    { "diagnose", "--device", "outdoor-99", "--signal", "red:solid", NULL },
    { "diagnose", "--device", "outdoor-4", "--signal", "red:solid", "--context", "bath-time" },
    { "diagnose", "--device", "outdoor-4", "--signal", "red:solid", "--frobnicate", NULL },
    { "diagnose", "--signal", "red:solid", NULL },
    { "diagnose", "--device", "outdoor-4", NULL },
    { "diagnose", "--device", "outdoor-4", "--signal", "red:solid", "extra" },
    { "devices", "extra", NULL },
    { "devices", "--frobnicate", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(LcRunResult) result = { 0, };
      const char *const *c = cases[i];

      run_lightcode (&result, c[0], c[1], c[2], c[3], c[4], c[5], c[6], NULL);
      g_test_message ("case %u: status %d, stderr %s", i, result.status, result.err);
      g_assert_cmpint (result.status, ==, 2);
      lc_test_assert_one_error_line (result.err);
      g_assert_cmpstr (result.out, ==, "");
    }
}

static const char *all_devices[] = {
  "outdoor-4", "outdoor", "xt2", "xt", "indoor", "mini", "mini-2",
  "mini-pan-tilt", "doorbell", "wired-doorbell", "floodlight", "sync-module",
  "sync-module-2", "sync-module-xr", "sync-module-core",
};

static void
test_devices_json (void)
{
  g_auto(LcRunResult) result = { 0, };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *devices;
  guint n_signals = 0;

  run_lightcode (&result, "devices", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  root = parse_json (result.out);
  devices = json_object_get_array_member (json_node_get_object (root), "devices");
  for (guint i = 0; i < json_array_get_length (devices); i++)
    {
      JsonObject *device = json_array_get_object_element (devices, i);
      JsonArray *signals = json_object_get_array_member (device, "signals");

      g_hash_table_add (seen, (gpointer) json_object_get_string_member (device, "id"));
      g_assert_cmpstr (json_object_get_string_member (device, "name"), !=, "");
      g_assert_cmpstr (json_object_get_string_member (device, "family"), !=, "");

      for (guint j = 0; j < json_array_get_length (signals); j++)
        {
          JsonObject *known = json_array_get_object_element (signals, j);

          g_assert_cmpstr (json_object_get_string_member (known, "signal"), !=, "");
          g_assert_cmpstr (json_object_get_string_member (known, "meaning"), !=, "");
          n_signals++;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (all_devices); i++)
    g_assert_true (g_hash_table_contains (seen, all_devices[i]));
  /* The Sync Module chart alone has five rows. */
  g_assert_cmpuint (n_signals, >=, 5);
}

static void
test_devices_human (void)
{
  g_auto(LcRunResult) result = { 0, };

  run_lightcode (&result, "devices", NULL);
  g_assert_cmpint (result.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (all_devices); i++)
    g_assert_nonnull (strstr (result.out, all_devices[i]));
  g_assert_nonnull (strstr (result.out, "blue:solid+green:solid"));
}

/* `diagnose --help` names every moment the knowledge base knows. */
static void
test_diagnose_help_contexts (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LC_TEST_SRCDIR"), "..", "data", "knowledge",
                                            "contexts.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(LcRunResult) result = { 0 };
  JsonArray *contexts;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  root = parse_json (data);
  contexts = json_object_get_array_member (json_node_get_object (root), "contexts");
  g_assert_cmpuint (json_array_get_length (contexts), >, 0);

  run_lightcode (&result, "diagnose", "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  for (guint i = 0; i < json_array_get_length (contexts); i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (contexts, i), "id");

      g_test_message ("context %s", id);
      g_assert_nonnull (strstr (result.out, id));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("LC_LIGHTCODE_BIN") == NULL)
    {
      g_printerr ("LC_LIGHTCODE_BIN is not set\n");
      return 1;
    }

  g_test_add_func ("/cli/diagnose/json", test_diagnose_json);
  g_test_add_func ("/cli/diagnose/json-canonical", test_diagnose_json_canonical);
  g_test_add_func ("/cli/diagnose/human", test_diagnose_human);
  g_test_add_func ("/cli/diagnose/human-normal", test_diagnose_human_normal);
  g_test_add_func ("/cli/diagnose/unknown-signal", test_diagnose_unknown_signal);
  g_test_add_func ("/cli/diagnose/bad-signal", test_diagnose_bad_signal);
  g_test_add_func ("/cli/diagnose/bad-input", test_diagnose_bad_input);
  g_test_add_func ("/cli/diagnose/help-contexts", test_diagnose_help_contexts);
  g_test_add_func ("/cli/devices/json", test_devices_json);
  g_test_add_func ("/cli/devices/human", test_devices_human);

  return g_test_run ();
}
