/* test-knowledge-errors.c — broken knowledge data gives a precise error
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lc-knowledge-private.h"

/* Each case is a directory under knowledge-broken/ holding the files that
 * replace those of knowledge-minimal/; the message must name the file, the
 * entry and the problem.
 */
typedef struct
{
  const char       *name;
  LcKnowledgeError  code;
  const char       *file;
  const char       *entry;   /* NULL: the problem is about the whole file */
  const char       *problem;
} BrokenCase;

static const BrokenCase cases[] = {
  { "empty-file", LC_KNOWLEDGE_ERROR_SYNTAX,
    "devices.json", NULL, "the file is empty" },
  { "syntax-error", LC_KNOWLEDGE_ERROR_SYNTAX,
    "devices.json", NULL, "line 5:27: Parse error" },
  { "unknown-cause", LC_KNOWLEDGE_ERROR_REFERENCE,
    "signals.json", "signal “red:blink” of family “test-family”, cause 1",
    "unknown cause “low-batery”" },
  { "missing-step-text", LC_KNOWLEDGE_ERROR_INVALID,
    "procedures.json", "procedure “replace-batteries”, step 2",
    "the field “text” is missing" },
  { "empty-step-text", LC_KNOWLEDGE_ERROR_INVALID,
    "procedures.json", "procedure “replace-batteries”, step 2",
    "the field “text” is empty" },
  { "missing-illustration", LC_KNOWLEDGE_ERROR_ILLUSTRATION,
    "procedures.json", "procedure “replace-batteries”, step 1",
    "the illustration “step-does-not-exist” does not exist" },
  { "bad-signal", LC_KNOWLEDGE_ERROR_SIGNAL,
    "signals.json", "signal “red:blinky” of family “test-family”",
    "bad signal text:" },
  { "duplicate-id", LC_KNOWLEDGE_ERROR_DUPLICATE,
    "causes.json", NULL, "cause “low-battery” is defined twice" },
  { "unknown-context", LC_KNOWLEDGE_ERROR_REFERENCE,
    "signals.json", "signal “red:blink” of family “test-family”",
    "unknown context “charging”" },
  { "empty-procedure", LC_KNOWLEDGE_ERROR_INVALID,
    "procedures.json", "procedure “replace-batteries”",
    "the procedure has no steps" },
  { "light-missing", LC_KNOWLEDGE_ERROR_SIGNAL,
    "signals.json", "signal “blue:solid” of family “test-family”",
    "the device “test-camera” has no light that can show it" },
  { "unknown-field", LC_KNOWLEDGE_ERROR_INVALID,
    "procedures.json", "procedure “replace-batteries”, step 1",
    "unknown field “ilustration”" },
  { "unknown-family", LC_KNOWLEDGE_ERROR_REFERENCE,
    "devices.json", "device “test-camera”", "unknown family “battery-cam”" },
  { "missing-field", LC_KNOWLEDGE_ERROR_INVALID,
    "devices.json", "device “test-camera”", "the field “note” is missing" },
  { "unknown-step-tag", LC_KNOWLEDGE_ERROR_INVALID,
    "procedures.json", "procedure “replace-batteries”, step 1", "unknown tag “opens-case”" },
  { "breaker-without-safety", LC_KNOWLEDGE_ERROR_INVALID,
    "procedures.json", "procedure “replace-batteries”, step 1",
    "a “breaker-off” step needs a “safety” note" },
  { "unknown-step-source", LC_KNOWLEDGE_ERROR_REFERENCE,
    "procedures.json", "procedure “replace-batteries”, step 1", "unknown source “blink-guide-2”" },
  { "unknown-note-device", LC_KNOWLEDGE_ERROR_REFERENCE,
    "procedures.json", "procedure “replace-batteries”, step 1", "unknown device “test-camera-2”" },
};

static GFile *
get_test_dir (const char *name)
{
  const char *srcdir = g_getenv ("LC_TEST_SRCDIR");

  g_assert_nonnull (srcdir);

  return g_file_new_build_filename (srcdir, "core", name, NULL);
}

static void
test_minimal_loads (void)
{
  g_autoptr(GFile) dir = get_test_dir ("knowledge-minimal");
  g_autoptr(GError) error = NULL;
  g_autoptr(LcKnowledge) knowledge = NULL;
  LcDevice *device;
  LcKnownSignal *known;
  const LcCauseRef *ref;
  LcSignal signal;

  knowledge = lc_knowledge_new_from_directory (dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (knowledge);

  device = lc_knowledge_lookup_device (knowledge, "test-camera");
  g_assert_nonnull (device);
  g_assert_true (lc_signal_parse ("red:blink", &signal, NULL));

  known = lc_device_lookup_known_signal (device, &signal);
  g_assert_nonnull (known);
  g_assert_true (lc_known_signal_is_family_advice (known));
  g_assert_cmpuint (lc_known_signal_get_n_causes (known), ==, 2);

  ref = lc_known_signal_get_cause (known, 0);
  g_assert_cmpstr (lc_cause_ref_get_cause_id (ref), ==, "low-battery");
  g_assert_cmpfloat (lc_cause_ref_get_weight (ref, NULL), ==, 0.9);
  g_assert_cmpfloat (lc_cause_ref_get_weight (ref, "setup"), ==, 0.2);
  g_assert_cmpfloat (lc_cause_ref_get_weight (ref, "any"), ==, 0.9);
  g_assert_cmpint (lc_provenance_get_kind (lc_cause_ref_get_provenance (ref)), ==, LC_PROVENANCE_ARTICLE);

  /* A ref with its own source keeps it. */
  ref = lc_known_signal_get_cause (known, 1);
  g_assert_cmpstr (lc_cause_ref_get_cause_id (ref), ==, "normal");
  g_assert_cmpint (lc_provenance_get_kind (lc_cause_ref_get_provenance (ref)), ==, LC_PROVENANCE_OFFICIAL);
  g_assert_cmpstr (lc_provenance_get_url (lc_cause_ref_get_provenance (ref)), ==, "https://example.com/guide");
}

static GHashTable *
load_case_files (GFile *case_dir)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *overrides;
  GFileInfo *info;

  overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  enumerator = g_file_enumerate_children (case_dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  while ((info = g_file_enumerator_next_file (enumerator, NULL, &error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      g_autoptr(GFile) file = g_file_get_child (case_dir, name);
      GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

      g_assert_no_error (error);
      g_hash_table_insert (overrides, g_strdup (name), bytes);
      g_object_unref (info);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (overrides), >, 0);

  return overrides;
}

static void
test_broken_case (gconstpointer data)
{
  const BrokenCase *broken = data;
  g_autoptr(GFile) base_dir = get_test_dir ("knowledge-minimal");
  g_autoptr(GFile) broken_dir = get_test_dir ("knowledge-broken");
  g_autoptr(GFile) case_dir = g_file_get_child (broken_dir, broken->name);
  g_autoptr(GHashTable) overrides = load_case_files (case_dir);
  g_autoptr(LcKnowledge) knowledge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;

  knowledge = _lc_knowledge_load (base_dir, NULL, overrides, LC_KNOWLEDGE_LOAD_STRICT, &error);

  g_assert_null (knowledge);
  g_assert_error (error, LC_KNOWLEDGE_ERROR, (int) broken->code);
  g_test_message ("%s: %s", broken->name, error->message);

  /* "<file>: <entry>: <problem>" */
  if (broken->entry != NULL)
    prefix = g_strdup_printf ("%s: %s: ", broken->file, broken->entry);
  else
    prefix = g_strdup_printf ("%s: ", broken->file);

  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message + strlen (prefix), broken->problem));
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) dir = get_test_dir ("knowledge-broken");
  g_autoptr(GFile) empty_dir = g_file_get_child (dir, "syntax-error");
  g_autoptr(LcKnowledge) knowledge = NULL;
  g_autoptr(GError) error = NULL;

  /* That directory holds only devices.json: the first file looked for is missing. */
  knowledge = lc_knowledge_new_from_directory (empty_dir, &error);
  g_assert_null (knowledge);
  g_assert_error (error, LC_KNOWLEDGE_ERROR, LC_KNOWLEDGE_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "contexts.json: "));
}

static void
test_lenient_pictures (void)
{
  g_autoptr(GFile) base_dir = get_test_dir ("knowledge-minimal");
  g_autoptr(GFile) broken_dir = get_test_dir ("knowledge-broken");
  g_autoptr(GFile) case_dir = g_file_get_child (broken_dir, "missing-illustration");
  g_autoptr(GHashTable) overrides = load_case_files (case_dir);
  g_autoptr(LcKnowledge) knowledge = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *missing;
  LcProcedure *procedure;

  /* What lc_knowledge_get_default() does: keep going without the picture. */
  knowledge = _lc_knowledge_load (base_dir, NULL, overrides, LC_KNOWLEDGE_LOAD_LENIENT_PICTURES, &error);
  g_assert_no_error (error);

  missing = _lc_knowledge_get_missing_illustrations (knowledge);
  g_assert_cmpstr (missing[0], ==, "step-does-not-exist");
  g_assert_null (missing[1]);

  procedure = lc_knowledge_lookup_procedure (knowledge, "replace-batteries");
  g_assert_null (lc_step_get_illustration (lc_procedure_get_step (procedure, 0)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/knowledge-errors/minimal-loads", test_minimal_loads);
  g_test_add_func ("/core/knowledge-errors/missing-file", test_missing_file);
  g_test_add_func ("/core/knowledge-errors/lenient-pictures", test_lenient_pictures);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/knowledge-errors/broken/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_broken_case);
    }

  return g_test_run ();
}
