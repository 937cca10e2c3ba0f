/* test-diagnosis-json.c — the `diagnose --json` object against the diagnosis it prints
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-diagnosis-json.h"
#include "lc-knowledge.h"

static LcKnowledge *knowledge;

static LcDiagnosis *
diagnose (const char *device_id,
          const char *signal_text,
          const char *context_id)
{
  g_autoptr(GError) error = NULL;
  LcDevice *device = lc_knowledge_lookup_device (knowledge, device_id);
  LcDiagnosis *diagnosis;
  LcSignal signal;

  g_assert_nonnull (device);
  lc_signal_parse (signal_text, &signal, &error);
  g_assert_no_error (error);

  diagnosis = lc_diagnosis_new (knowledge, device, &signal, context_id, &error);
  g_assert_no_error (error);

  return diagnosis;
}

static void
test_json (void)
{
  g_autoptr(LcDiagnosis) diagnosis = diagnose ("doorbell", "red:blink", "setup");
  g_autoptr(JsonNode) root = lc_diagnosis_json_build (diagnosis);
  JsonObject *object = json_node_get_object (root);
  JsonArray *causes = json_object_get_array_member (object, "causes");
  JsonObject *first = json_array_get_object_element (causes, 0);
  JsonObject *procedure = json_object_get_object_member (first, "procedure");
  JsonArray *steps = json_object_get_array_member (procedure, "steps");

  g_assert_cmpstr (json_object_get_string_member (object, "device"), ==, "doorbell");
  g_assert_cmpstr (json_object_get_string_member (object, "signal"), ==, "red:blink");
  g_assert_cmpstr (json_object_get_string_member (object, "context"), ==, "setup");
  g_assert_true (json_object_get_boolean_member (object, "known_signal"));
  g_assert_false (json_object_get_boolean_member (object, "is_normal"));
  g_assert_nonnull (json_object_get_object_member (object, "disagreement"));
  g_assert_cmpuint (json_array_get_length (causes), ==, lc_diagnosis_get_n_causes (diagnosis));

  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "setup-mode");
  g_assert_cmpstr (json_object_get_string_member (first, "provenance"), ==, "official");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first, "likelihood"),
                                  lc_diagnosis_cause_get_likelihood (lc_diagnosis_get_top_cause (diagnosis)), 0.001);
  g_assert_cmpstr (json_object_get_string_member (first, "explanation"), ==,
                   lc_diagnosis_cause_get_explanation (lc_diagnosis_get_top_cause (diagnosis)));
  g_assert_cmpstr (json_object_get_string_member (procedure, "id"), ==, "finish-setup");
  g_assert_cmpuint (json_array_get_length (steps), ==,
                    lc_procedure_get_n_steps (lc_diagnosis_cause_get_procedure (lc_diagnosis_get_top_cause (diagnosis))));
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *step = json_array_get_object_element (steps, i);

      g_assert_cmpstr (json_object_get_string_member (step, "title"), !=, "");
      g_assert_cmpstr (json_object_get_string_member (step, "text"), !=, "");
      g_assert_true (json_object_has_member (step, "illustration"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);

  knowledge = lc_knowledge_new_from_resource (LC_KNOWLEDGE_RESOURCE_PATH, &error);
  g_assert_no_error (error);

  g_test_add_func ("/cli/diagnosis-json", test_json);

  return g_test_run ();
}
