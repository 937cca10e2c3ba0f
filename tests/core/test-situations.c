/* test-situations.c — the situations owners meet, each reached from its
 * entry point (device + light + moment) and answered with the right cause
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lc-diagnosis.h"
#include "lc-knowledge-private.h"

static LcKnowledge *
get_shipped (void)
{
  static LcKnowledge *knowledge;

  if (knowledge == NULL)
    {
      g_autoptr(GError) error = NULL;

      knowledge = _lc_knowledge_load (NULL, LC_KNOWLEDGE_RESOURCE_PATH, NULL,
                                      LC_KNOWLEDGE_LOAD_LENIENT_PICTURES, &error);
      g_assert_no_error (error);
    }

  return knowledge;
}

/* @signal_text NULL: the device's normal-looking light (the entry point
 * "the light looks fine, but the app says offline"). */
static LcDiagnosis *
diagnose (const char *device_id,
          const char *signal_text,
          const char *context_id)
{
  g_autoptr(GError) error = NULL;
  LcDevice *device = lc_knowledge_lookup_device (get_shipped (), device_id);
  LcDiagnosis *diagnosis;
  LcSignal signal;

  g_assert_nonnull (device);
  if (signal_text != NULL)
    {
      lc_signal_parse (signal_text, &signal, &error);
      g_assert_no_error (error);
    }
  else
    {
      lc_device_get_normal_signal (device, &signal);
    }

  diagnosis = lc_diagnosis_new (get_shipped (), device, &signal, context_id, &error);
  g_assert_no_error (error);

  return diagnosis;
}

static gboolean
offers (LcDiagnosisCause *cause,
        const char       *procedure_id,
        guint            *out_index)
{
  GListModel *procedures = lc_diagnosis_cause_get_procedures (cause);

  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(LcProcedure) procedure = g_list_model_get_item (procedures, i);

      if (g_str_equal (lc_procedure_get_id (procedure), procedure_id))
        {
          if (out_index != NULL)
            *out_index = i;
          return TRUE;
        }
    }

  return FALSE;
}

typedef struct
{
  const char *situation;
  const char *device;
  const char *signal;     /* NULL: its normal light */
  const char *context;
  const char *top_cause;
  const char *procedure;  /* the top cause offers it, or NULL */
} Situation;

static const Situation situations[] = {
  { "app offline, light fine", "outdoor-4", NULL, "app-offline", "offline", "restart-router" },
  { "app offline, light fine", "mini", NULL, "app-offline", "offline", "power-cycle-plug-in" },
  { "app offline, light fine", "doorbell", NULL, "app-offline", "offline", NULL },
  { "app offline, light fine", "sync-module-2", NULL, "app-offline", "offline", "power-cycle-sync-module" },
  { "app offline, light fine", "sync-module-xr", NULL, "app-offline", "offline", NULL },
  { "app offline, light fine", "floodlight", NULL, "app-offline", "offline", NULL },
  { "app offline, light fine", "wired-doorbell", NULL, "app-offline", "wifi-changed", "update-wifi-in-app" },
  { "router change", "outdoor-4", NULL, "router-change", "wifi-changed", "update-wifi-in-app" },
  { "router change", "sync-module-2", "blue:solid+green:blink", "router-change", "wifi-changed", "factory-reset-sync-module" },
  { "router change", "sync-module", "red:solid", "router-change", "wifi-changed", "update-wifi-in-app" },
  { "router change", "mini-2", "red:solid", "router-change", "offline", NULL },
  { "light off in settings", "outdoor-4", "off", "any", "normal", NULL },
  { "light off in settings", "mini", "off", "any", "normal", NULL },
  { "chime below 16 VAC", "doorbell", "off", "wired-chime", "chime-power-low", "fix-chime-power" },
  { "chime below 16 VAC", "doorbell", "white:fade", "wired-chime", "chime-power-low", "fix-chime-power" },
  { "Mini still red after a reset", "mini", "red:solid", "after-reset", "needs-support", "contact-support" },
  { "Sync Module factory reset", "sync-module-2", "red:solid", "any", "wifi-password", "factory-reset-sync-module" },
  { "Wired Doorbell 2K+", "wired-doorbell", "red:blink", "any", "wifi-password", "wired-doorbell-network-name" },
  { "Wired Floodlight", "floodlight", "red:solid", "any", "offline", NULL },
};

static void
test_situation_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (situations); i++)
    {
      const Situation *row = &situations[i];
      g_autoptr(LcDiagnosis) diagnosis = diagnose (row->device, row->signal, row->context);
      LcDiagnosisCause *top = lc_diagnosis_get_top_cause (diagnosis);

      g_test_message ("%s: %s %s %s", row->situation, row->device,
                      row->signal ? row->signal : "(normal)", row->context);
      g_assert_nonnull (top);
      g_assert_cmpstr (lc_diagnosis_cause_get_id (top), ==, row->top_cause);
      if (row->procedure != NULL && !offers (top, row->procedure, NULL))
        g_test_fail_printf ("%s: %s doesn’t offer %s", row->situation, row->top_cause, row->procedure);
      /* A fault report is never answered with "all is well". */
      if (lc_knowledge_context_is_problem (get_shipped (), row->context))
        g_assert_false (lc_diagnosis_is_normal (diagnosis));
    }
}

/* The dark light on a camera asks about the light setting first. */
static void
test_light_setting_asked (void)
{
  g_autoptr(LcDiagnosis) diagnosis = diagnose ("outdoor-4", "off", "any");
  LcKnownSignal *known = lc_diagnosis_get_known_signal (diagnosis);
  gboolean listed = FALSE;

  g_assert_nonnull (known);
  g_assert_nonnull (strstr (lc_known_signal_get_explanation (known), "settings"));
  for (guint i = 0; i < lc_diagnosis_get_n_causes (diagnosis); i++)
    listed |= g_str_equal (lc_diagnosis_cause_get_id (lc_diagnosis_get_cause (diagnosis, i)), "light-disabled");
  g_assert_true (listed);
}

/* Mini red after a reset: support comes before another reset. */
static void
test_mini_after_reset (void)
{
  g_autoptr(LcDiagnosis) diagnosis = diagnose ("mini", "red:solid", "after-reset");
  LcDiagnosisCause *top = lc_diagnosis_get_top_cause (diagnosis);
  g_autoptr(LcProcedure) first = g_list_model_get_item (lc_diagnosis_cause_get_procedures (top), 0);

  g_assert_cmpstr (lc_procedure_get_id (first), ==, "contact-support");
}

/* Factory-resetting a Sync Module is a last resort: never the first fix,
 * and it says what it erases and ejects the drive first. */
static void
test_sync_module_factory_reset (void)
{
  g_autoptr(LcDiagnosis) diagnosis = diagnose ("sync-module-2", "red:solid", "any");
  LcProcedure *reset = lc_knowledge_lookup_procedure (get_shipped (), "factory-reset-sync-module");
  guint index = 0;

  g_assert_true (offers (lc_diagnosis_get_top_cause (diagnosis), "factory-reset-sync-module", &index));
  g_assert_cmpuint (index, >, 0);
  g_assert_nonnull (strstr (lc_step_get_text (lc_procedure_get_step (reset, 0)), "forget"));
  g_assert_nonnull (strstr (lc_step_get_text (lc_procedure_get_step (reset, 1)), "Safe Eject"));
  g_assert_false (lc_procedure_applies_to (reset, lc_knowledge_lookup_device (get_shipped (), "mini")));
}

/* Sync Module 2 local storage: the facts owners need are in the fix. */
static void
test_local_storage (void)
{
  static const char * const facts[] = { "Safe Eject", "exFAT", "FAT32", "once a day", "XT2", "without power", NULL };
  LcProcedure *usb = lc_knowledge_lookup_procedure (get_shipped (), "fix-usb-storage");
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(LcDiagnosis) diagnosis = diagnose ("sync-module-2", "white:fade", "any");
  gboolean listed = FALSE;

  for (guint i = 0; i < lc_procedure_get_n_steps (usb); i++)
    g_string_append_printf (all, "%s ", lc_step_get_text (lc_procedure_get_step (usb, i)));
  for (guint i = 0; facts[i] != NULL; i++)
    {
      if (strstr (all->str, facts[i]) == NULL)
        g_test_fail_printf ("fix-usb-storage never mentions “%s”", facts[i]);
    }

  for (guint i = 0; i < lc_diagnosis_get_n_causes (diagnosis); i++)
    {
      LcDiagnosisCause *cause = lc_diagnosis_get_cause (diagnosis, i);

      if (g_str_equal (lc_diagnosis_cause_get_id (cause), "local-storage"))
        listed = offers (cause, "fix-usb-storage", NULL);
    }
  g_assert_true (listed);
  g_assert_false (lc_procedure_applies_to (usb, lc_knowledge_lookup_device (get_shipped (), "sync-module-core")));
}

/* The two models nobody documents say so plainly. */
static void
test_undocumented_models (void)
{
  static const char * const ids[] = { "floodlight", "wired-doorbell", NULL };

  for (guint i = 0; ids[i] != NULL; i++)
    {
      LcDevice *device = lc_knowledge_lookup_device (get_shipped (), ids[i]);

      g_assert_false (lc_device_has_official_chart (device));
      g_assert_true (lc_device_lights_are_assumed (device));
      g_assert_nonnull (strstr (lc_device_get_note (device), "Unknown:"));
    }
}


/* A moment is offered only where it can happen. */
static void
test_context_applies (void)
{
  LcKnowledge *knowledge = get_shipped ();

  g_assert_true (lc_knowledge_context_applies_to (knowledge, "wired-chime", lc_knowledge_lookup_device (knowledge, "doorbell")));
  g_assert_true (lc_knowledge_context_applies_to (knowledge, "wired-chime", lc_knowledge_lookup_device (knowledge, "wired-doorbell")));
  g_assert_false (lc_knowledge_context_applies_to (knowledge, "wired-chime", lc_knowledge_lookup_device (knowledge, "outdoor-4")));
  g_assert_false (lc_knowledge_context_applies_to (knowledge, "new-batteries", lc_knowledge_lookup_device (knowledge, "mini")));
  g_assert_true (lc_knowledge_context_applies_to (knowledge, "app-offline", lc_knowledge_lookup_device (knowledge, "mini")));
}

/* Certainty ------------------------------------------------------------------ */

typedef struct
{
  const char *device;
  const char *signal;
  const char *context;
  const char *wording;   /* the top cause's explanation says this … */
  double      at_most;   /* … and claims no more than this */
  gboolean    no_chart;  /* … and says Blink publishes no chart */
} Certainty;

static const Certainty certainties[] = {
  { "sync-module-2", "red:solid", "any", "Blink says this light", 1.0, FALSE },
  { "doorbell", "off", "any", "Blink says this light", 1.0, FALSE },
  { "outdoor-4", "red:burst:6", "any", "Owners and guides commonly report", 0.75, TRUE },
  { "outdoor-4", "red:burst:6", "any", "at most 75 %", 0.75, TRUE },
  { "outdoor-4", "red:solid", "after-update", "third-party repair guides", 0.45, TRUE },
  { "mini-2", "red:solid", "any", "A likely explanation", 0.6, TRUE },
  { "outdoor-4", "off", "any", "A likely explanation", 0.6, TRUE },
  { "xt2", "blue:blink", "setup", "A likely explanation", 0.6, TRUE },
};

static void
test_certainty_wording (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (certainties); i++)
    {
      const Certainty *row = &certainties[i];
      g_autoptr(LcDiagnosis) diagnosis = diagnose (row->device, row->signal, row->context);
      LcDiagnosisCause *top = lc_diagnosis_get_top_cause (diagnosis);
      const char *explanation = lc_diagnosis_cause_get_explanation (top);

      g_test_message ("%s %s %s: %s", row->device, row->signal, row->context, explanation);
      g_assert_nonnull (strstr (explanation, row->wording));
      g_assert_cmpfloat (lc_diagnosis_cause_get_likelihood (top), <=, row->at_most + 1e-9);
      g_assert_true ((strstr (explanation, "Blink publishes no light chart") != NULL) == row->no_chart);
      /* The old one-size wording is gone. */
      g_assert_null (strstr (explanation, "usually means"));
    }
}

/* A single repair site is never "very likely", and the order follows what
 * is left after the caps. */
static void
test_certainty_cap (void)
{
  g_autoptr(LcDiagnosis) diagnosis = diagnose ("outdoor-4", "red:solid", "after-update");
  LcDiagnosisCause *top = lc_diagnosis_get_top_cause (diagnosis);
  double previous = 1.0;

  g_assert_cmpstr (lc_diagnosis_cause_get_id (top), ==, "firmware-update");
  g_assert_cmpint (lc_provenance_get_kind (lc_diagnosis_cause_get_provenance (top)), ==, LC_PROVENANCE_THIRD_PARTY);
  g_assert_cmpstr (lc_likelihood_to_words (lc_diagnosis_cause_get_likelihood (top)), !=, "very likely");
  g_assert_cmpfloat (lc_diagnosis_get_other_likelihood (diagnosis), >=, 0.1);
  for (guint i = 0; i < lc_diagnosis_get_n_causes (diagnosis); i++)
    {
      double likelihood = lc_diagnosis_cause_get_likelihood (lc_diagnosis_get_cause (diagnosis, i));

      g_assert_cmpfloat (likelihood, <=, previous);
      previous = likelihood;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/situations/table", test_situation_table);
  g_test_add_func ("/core/situations/light-setting-asked", test_light_setting_asked);
  g_test_add_func ("/core/situations/mini-after-reset", test_mini_after_reset);
  g_test_add_func ("/core/situations/sync-module-factory-reset", test_sync_module_factory_reset);
  g_test_add_func ("/core/situations/local-storage", test_local_storage);
  g_test_add_func ("/core/situations/undocumented-models", test_undocumented_models);

  g_test_add_func ("/core/situations/context-applies", test_context_applies);
  g_test_add_func ("/core/certainty/wording", test_certainty_wording);
  g_test_add_func ("/core/certainty/cap", test_certainty_cap);

  return g_test_run ();
}
