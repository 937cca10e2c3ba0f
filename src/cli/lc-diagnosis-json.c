/* lc-diagnosis-json.c — the `diagnose --json` object, also part of `analyze --device --json`
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "lc-diagnosis-json.h"

/* Three decimals are plenty for a person and keep the output readable. */
static double
round_likelihood (double value)
{
  return round (value * 1000.0) / 1000.0;
}

/* A string member's value, or null when there is none. */
static void
add_string_or_null (JsonBuilder *builder,
                    const char  *value)
{
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_provenance (JsonBuilder  *builder,
                LcProvenance *provenance)
{
  json_builder_set_member_name (builder, "provenance");
  json_builder_add_string_value (builder, lc_provenance_kind_to_string (lc_provenance_get_kind (provenance)));
  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, lc_provenance_get_label (provenance));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, lc_provenance_get_source_name (provenance));
  json_builder_set_member_name (builder, "url");
  add_string_or_null (builder, lc_provenance_get_url (provenance));
  json_builder_end_object (builder);
}

static void
add_procedure (JsonBuilder *builder,
               LcProcedure *procedure)
{
  guint n_steps = lc_procedure_get_n_steps (procedure);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, lc_procedure_get_id (procedure));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, lc_procedure_get_title (procedure));
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_steps; i++)
    {
      LcStep *step = lc_procedure_get_step (procedure, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, lc_step_get_title (step));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, lc_step_get_text (step));
      json_builder_set_member_name (builder, "illustration");
      add_string_or_null (builder, lc_step_get_illustration (step));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

JsonNode *
lc_diagnosis_json_build (LcDiagnosis *diagnosis)
{
  g_autoptr(JsonBuilder) builder = NULL;
  LcKnownSignal *known_signal;
  guint n_causes;

  g_return_val_if_fail (LC_IS_DIAGNOSIS (diagnosis), NULL);

  builder = json_builder_new ();
  n_causes = lc_diagnosis_get_n_causes (diagnosis);
  known_signal = lc_diagnosis_get_known_signal (diagnosis);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "device");
  json_builder_add_string_value (builder, lc_device_get_id (lc_diagnosis_get_device (diagnosis)));
  json_builder_set_member_name (builder, "signal");
  json_builder_add_string_value (builder, lc_diagnosis_get_signal_text (diagnosis));
  json_builder_set_member_name (builder, "context");
  json_builder_add_string_value (builder, lc_diagnosis_get_context_id (diagnosis));
  json_builder_set_member_name (builder, "is_normal");
  json_builder_add_boolean_value (builder, lc_diagnosis_is_normal (diagnosis));
  json_builder_set_member_name (builder, "known_signal");
  json_builder_add_boolean_value (builder, lc_diagnosis_is_known_signal (diagnosis));
  json_builder_set_member_name (builder, "matched_exactly");
  json_builder_add_boolean_value (builder, lc_diagnosis_matched_exactly (diagnosis));
  json_builder_set_member_name (builder, "meaning");
  add_string_or_null (builder, known_signal != NULL ? lc_known_signal_get_title (known_signal) : NULL);
  json_builder_set_member_name (builder, "other_likelihood");
  json_builder_add_double_value (builder, round_likelihood (lc_diagnosis_get_other_likelihood (diagnosis)));

  json_builder_set_member_name (builder, "disagreement");
  if (lc_diagnosis_sources_disagree (diagnosis))
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, lc_diagnosis_get_disagreement_note (diagnosis));
      if (lc_diagnosis_get_disagreement_provenance (diagnosis) != NULL)
        add_provenance (builder, lc_diagnosis_get_disagreement_provenance (diagnosis));
      json_builder_end_object (builder);
    }
  else
    {
      json_builder_add_null_value (builder);
    }

  json_builder_set_member_name (builder, "causes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_causes; i++)
    {
      LcDiagnosisCause *cause = lc_diagnosis_get_cause (diagnosis, i);
      LcKnownSignal *known = lc_diagnosis_cause_get_known_signal (cause);
      LcProcedure *procedure = lc_diagnosis_cause_get_procedure (cause);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, lc_diagnosis_cause_get_id (cause));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, lc_diagnosis_cause_get_title (cause));
      json_builder_set_member_name (builder, "likelihood");
      json_builder_add_double_value (builder, round_likelihood (lc_diagnosis_cause_get_likelihood (cause)));
      add_provenance (builder, lc_diagnosis_cause_get_provenance (cause));
      json_builder_set_member_name (builder, "explanation");
      json_builder_add_string_value (builder, lc_diagnosis_cause_get_explanation (cause));
      json_builder_set_member_name (builder, "known_signal");
      add_string_or_null (builder, known != NULL ? lc_known_signal_get_signal_text (known) : NULL);
      json_builder_set_member_name (builder, "match_score");
      json_builder_add_double_value (builder, round_likelihood (lc_diagnosis_cause_get_match_score (cause)));
      json_builder_set_member_name (builder, "procedure");
      if (procedure != NULL)
        add_procedure (builder, procedure);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
