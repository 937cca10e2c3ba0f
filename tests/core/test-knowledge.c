/* test-knowledge.c — the shipped knowledge base is complete and consistent
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lc-knowledge-private.h"

#define URL_SYNC_MODULE_LEDS "https://support.blinkforhome.com/usando-sync-module-2/2258854"
#define URL_DOORBELL_LEDS    "https://blink.helpjuice.com/using-blink-video-doorbell/2464753"
#define URL_WIFI_PASSWORD    "https://support.blinkforhome.com/en_US/problemas-de-red-o-wi-fi/my-wifi-password-doesnt-work"
#define URL_REQUIREMENTS     "https://support.blinkforhome.com/it_IT/consejos-rapidos"

static const char * const design_devices[] = {
  "outdoor-4", "outdoor", "xt2", "xt", "indoor", "mini", "mini-2", "mini-pan-tilt",
  "doorbell", "wired-doorbell", "floodlight", "sync-module", "sync-module-2",
  "sync-module-xr", "sync-module-core", NULL
};

static const char * const design_families[] = {
  "battery-camera", "plug-in-camera", "doorbell", "sync-module", NULL
};

static const char * const design_contexts[] = {
  "any", "setup", "recording", "new-batteries", "after-reset", "after-update",
  "app-offline", "router-change", "wired-chime", NULL
};

static const char * const design_causes[] = {
  "normal", "starting-up", "setup-mode", "setup-incomplete", "low-battery",
  "bad-batteries", "weak-wifi", "wifi-password", "network-unsupported", "offline",
  "firmware-update", "hardware-fault", "needs-support", "local-storage", "light-disabled",
  "wifi-changed", "router-settings", "chime-power-low", NULL
};

/* The shipped data, loaded like lc_knowledge_get_default() does. */
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
      g_assert_nonnull (knowledge);
    }

  return knowledge;
}

static LcKnownSignal *
get_known (const char *device_id,
           const char *signal_text)
{
  LcDevice *device = lc_knowledge_lookup_device (get_shipped (), device_id);
  g_autoptr(GError) error = NULL;
  LcKnownSignal *known;
  LcSignal signal;

  g_assert_nonnull (device);
  lc_signal_parse (signal_text, &signal, &error);
  g_assert_no_error (error);

  known = lc_device_lookup_known_signal (device, &signal);
  if (known == NULL)
    g_test_message ("%s has no meaning for %s", device_id, signal_text);
  g_assert_nonnull (known);

  return known;
}

/* The cause with the highest weight in @context_id. */
static const char *
get_top_cause (LcKnownSignal *known,
               const char    *context_id)
{
  const char *best = NULL;
  double best_weight = -1.0;

  for (guint i = 0; i < lc_known_signal_get_n_causes (known); i++)
    {
      const LcCauseRef *ref = lc_known_signal_get_cause (known, i);
      double weight = lc_cause_ref_get_weight (ref, context_id);

      if (weight > best_weight)
        {
          best = lc_cause_ref_get_cause_id (ref);
          best_weight = weight;
        }
    }

  return best;
}

static gboolean
lists_cause (LcKnownSignal *known,
             const char    *cause_id)
{
  for (guint i = 0; i < lc_known_signal_get_n_causes (known); i++)
    {
      if (g_str_equal (lc_cause_ref_get_cause_id (lc_known_signal_get_cause (known, i)), cause_id))
        return TRUE;
    }

  return FALSE;
}

static gboolean
offers_procedure (const char *cause_id,
                  const char *device_id,
                  const char *procedure_id)
{
  LcKnowledge *knowledge = get_shipped ();
  LcCause *cause = lc_knowledge_lookup_cause (knowledge, cause_id);
  LcDevice *device = lc_knowledge_lookup_device (knowledge, device_id);
  g_autoptr(GListModel) procedures = NULL;

  g_assert_nonnull (cause);
  g_assert_nonnull (device);

  procedures = lc_knowledge_list_procedures_for_cause (knowledge, cause, device);

  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(LcProcedure) procedure = g_list_model_get_item (procedures, i);

      if (g_str_equal (lc_procedure_get_id (procedure), procedure_id))
        return TRUE;
    }

  return FALSE;
}

static void
assert_text (const char *text,
             const char *what)
{
  if (text == NULL || *text == '\0')
    g_test_fail_printf ("%s: empty text", what);
}

static void
assert_optional_text (const char *text,
                      const char *what)
{
  if (text != NULL && *text == '\0')
    g_test_fail_printf ("%s: empty optional text", what);
}

/* Shipped data -------------------------------------------------------------- */

static void
test_default_loads (void)
{
  LcKnowledge *knowledge = lc_knowledge_get_default ();

  g_assert_nonnull (knowledge);
  g_assert_null (lc_knowledge_get_load_error ());
  g_assert_false (lc_knowledge_is_empty (knowledge));
  g_assert_true (knowledge == lc_knowledge_get_default ());
}

static void
test_design_ids (void)
{
  LcKnowledge *knowledge = get_shipped ();
  const char * const *contexts = lc_knowledge_get_context_ids (knowledge);

  for (guint i = 0; design_devices[i] != NULL; i++)
    {
      if (lc_knowledge_lookup_device (knowledge, design_devices[i]) == NULL)
        g_test_fail_printf ("device “%s” is missing", design_devices[i]);
    }
  g_assert_cmpuint (g_list_model_get_n_items (lc_knowledge_get_devices (knowledge)), ==,
                    g_strv_length ((char **) design_devices));

  for (guint i = 0; design_families[i] != NULL; i++)
    g_assert_nonnull (lc_knowledge_lookup_family (knowledge, design_families[i]));

  for (guint i = 0; design_causes[i] != NULL; i++)
    {
      if (lc_knowledge_lookup_cause (knowledge, design_causes[i]) == NULL)
        g_test_fail_printf ("cause “%s” is missing", design_causes[i]);
    }

  g_assert_cmpstr (contexts[0], ==, "any");
  g_assert_cmpuint (g_strv_length ((char **) contexts), ==, g_strv_length ((char **) design_contexts));
  for (guint i = 0; design_contexts[i] != NULL; i++)
    {
      g_assert_true (g_strv_contains (contexts, design_contexts[i]));
      assert_text (lc_knowledge_get_context_label (knowledge, design_contexts[i]), design_contexts[i]);
      assert_text (lc_knowledge_get_context_description (knowledge, design_contexts[i]), design_contexts[i]);
    }
  g_assert_null (lc_knowledge_get_context_label (knowledge, "charging"));
}

static void
check_cause_ref (const LcCauseRef *ref,
                 const char       *where)
{
  LcKnowledge *knowledge = get_shipped ();
  const char * const *contexts = lc_knowledge_get_context_ids (knowledge);
  double weight = lc_cause_ref_get_weight (ref, NULL);

  if (lc_knowledge_lookup_cause (knowledge, lc_cause_ref_get_cause_id (ref)) == NULL)
    g_test_fail_printf ("%s: unknown cause %s", where, lc_cause_ref_get_cause_id (ref));

  g_assert_cmpfloat (weight, >=, 0.0);
  g_assert_cmpfloat (weight, <=, 1.0);
  g_assert_true (LC_IS_PROVENANCE (lc_cause_ref_get_provenance (ref)));

  for (guint i = 0; contexts[i] != NULL; i++)
    {
      double context_weight = lc_cause_ref_get_weight (ref, contexts[i]);

      g_assert_cmpfloat (context_weight, >=, 0.0);
      g_assert_cmpfloat (context_weight, <=, 1.0);
    }
}

static void
check_provenance (LcProvenance *provenance,
                  const char   *where)
{
  g_assert_true (LC_IS_PROVENANCE (provenance));
  assert_text (lc_provenance_get_source_name (provenance), where);
  assert_text (lc_provenance_get_label (provenance), where);

  /* Blink's guides and third-party reports are always cited with a link. */
  if (lc_provenance_get_kind (provenance) == LC_PROVENANCE_OFFICIAL ||
      lc_provenance_get_kind (provenance) == LC_PROVENANCE_COMMUNITY ||
      lc_provenance_get_kind (provenance) == LC_PROVENANCE_THIRD_PARTY)
    {
      if (lc_provenance_get_url (provenance) == NULL ||
          !g_str_has_prefix (lc_provenance_get_url (provenance), "https://"))
        g_test_fail_printf ("%s: source %s has no link", where, lc_provenance_get_id (provenance));
    }
}

static void
check_procedure (LcProcedure *procedure)
{
  const char *id = lc_procedure_get_id (procedure);
  guint n_steps = lc_procedure_get_n_steps (procedure);
  gboolean has_illustration = FALSE;

  assert_text (lc_procedure_get_title (procedure), id);
  assert_text (lc_procedure_get_support_text (procedure), id);
  assert_optional_text (lc_procedure_get_disagreement (procedure), id);
  check_provenance (lc_procedure_get_provenance (procedure), id);

  if (n_steps == 0)
    g_test_fail_printf ("procedure %s has no steps", id);
  g_assert_cmpuint (g_list_model_get_n_items (lc_procedure_get_steps (procedure)), ==, n_steps);

  for (guint i = 0; i < n_steps; i++)
    {
      LcStep *step = lc_procedure_get_step (procedure, i);
      g_autofree char *where = g_strdup_printf ("%s, step %u", id, i + 1);

      assert_text (lc_step_get_title (step), where);
      assert_text (lc_step_get_text (step), where);
      assert_optional_text (lc_step_get_stop_text (step), where);
      assert_optional_text (lc_step_get_note (step), where);
      g_assert_true (lc_step_is_safety (step) == (lc_step_get_safety_text (step) != NULL));
      assert_optional_text (lc_step_get_safety_text (step), where);
      g_assert_cmpuint (lc_step_get_wait_seconds (step), <=, 3600);
      g_assert_cmpuint (lc_step_get_hold_seconds (step), <=, 120);

      if (lc_step_get_illustration (step) != NULL)
        has_illustration = TRUE;
    }
  g_assert_null (lc_procedure_get_step (procedure, n_steps));

  /* Missing pictures are reported by test_illustrations(). */
  if (!has_illustration && _lc_knowledge_get_missing_illustrations (get_shipped ())[0] == NULL)
    g_test_fail_printf ("procedure %s has no illustration", id);
}

static void
test_references (void)
{
  LcKnowledge *knowledge = get_shipped ();
  GListModel *devices = lc_knowledge_get_devices (knowledge);
  GListModel *causes = lc_knowledge_get_causes (knowledge);
  GListModel *procedures = lc_knowledge_get_procedures (knowledge);
  GListModel *families = lc_knowledge_get_families (knowledge);

  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(LcProcedure) procedure = g_list_model_get_item (procedures, i);
      const char * const *ids;

      check_procedure (procedure);
      g_assert_true (lc_knowledge_lookup_procedure (knowledge, lc_procedure_get_id (procedure)) == procedure);

      ids = lc_procedure_get_families (procedure);
      for (guint j = 0; ids[j] != NULL; j++)
        g_assert_nonnull (lc_knowledge_lookup_family (knowledge, ids[j]));
      ids = lc_procedure_get_devices (procedure);
      for (guint j = 0; ids[j] != NULL; j++)
        g_assert_nonnull (lc_knowledge_lookup_device (knowledge, ids[j]));
    }

  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    {
      g_autoptr(LcCause) cause = g_list_model_get_item (causes, i);
      const char * const *ids = lc_cause_get_procedure_ids (cause);

      assert_text (lc_cause_get_title (cause), lc_cause_get_id (cause));
      assert_text (lc_cause_get_explanation (cause), lc_cause_get_id (cause));
      g_assert_true (lc_cause_is_normal (cause) || ids[0] != NULL);

      for (guint j = 0; ids[j] != NULL; j++)
        {
          if (lc_knowledge_lookup_procedure (knowledge, ids[j]) == NULL)
            g_test_fail_printf ("cause %s: unknown procedure %s", lc_cause_get_id (cause), ids[j]);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (families); i++)
    {
      g_autoptr(LcFamily) family = g_list_model_get_item (families, i);

      assert_text (lc_family_get_name (family), lc_family_get_id (family));
      assert_text (lc_family_get_description (family), lc_family_get_id (family));
      g_assert_cmpuint (lc_family_get_n_fallback_causes (family), >, 0);
      for (guint j = 0; j < lc_family_get_n_fallback_causes (family); j++)
        check_cause_ref (lc_family_get_fallback_cause (family, j), lc_family_get_id (family));
    }

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(LcDevice) device = g_list_model_get_item (devices, i);
      const char *id = lc_device_get_id (device);
      GListModel *signals = lc_device_get_known_signals (device);
      const LcDeviceLight *lights;
      guint n_lights;

      assert_text (lc_device_get_name (device), id);
      assert_text (lc_device_get_family_name (device), id);
      assert_text (lc_device_get_note (device), id);
      assert_text (lc_device_get_drawing (device), id);
      g_assert_true (lc_knowledge_lookup_family (knowledge, lc_device_get_family_id (device)) ==
                     lc_device_get_family (device));

      lights = lc_device_get_lights (device, &n_lights);
      g_assert_cmpuint (n_lights, >=, 1);
      for (guint j = 0; j < n_lights; j++)
        {
          assert_text (lights[j].id, id);
          assert_text (lights[j].name, id);
          g_assert_cmpuint (lights[j].n_colors, >=, 1);
          g_assert_cmpfloat (lights[j].x, >, 0.0);
          g_assert_cmpfloat (lights[j].x, <, 1.0);
          g_assert_cmpfloat (lights[j].y, >, 0.0);
          g_assert_cmpfloat (lights[j].y, <, 1.0);
        }

      g_assert_cmpuint (lc_device_get_n_fallback_causes (device), >, 0);
      for (guint j = 0; j < lc_device_get_n_fallback_causes (device); j++)
        check_cause_ref (lc_device_get_fallback_cause (device, j), id);

      for (guint j = 0; j < g_list_model_get_n_items (signals); j++)
        {
          g_autoptr(LcKnownSignal) known = g_list_model_get_item (signals, j);
          g_autofree char *where = g_strdup_printf ("%s %s", id, lc_known_signal_get_signal_text (known));
          const char * const *contexts = lc_known_signal_get_contexts (known);
          g_autofree char *canonical = lc_signal_to_string (lc_known_signal_get_signal (known));
          double previous = 2.0;

          assert_text (lc_known_signal_get_title (known), where);
          assert_text (lc_known_signal_get_explanation (known), where);
          assert_optional_text (lc_known_signal_get_disagreement (known), where);
          check_provenance (lc_known_signal_get_provenance (known), where);
          g_assert_cmpstr (canonical, ==, lc_known_signal_get_signal_text (known));
          g_assert_true (lc_device_map_signal (device, lc_known_signal_get_signal (known), NULL));
          g_assert_true (lc_device_lookup_known_signal (device, lc_known_signal_get_signal (known)) == known);
          g_assert_true ((lc_known_signal_get_disagreement (known) == NULL) ==
                         (lc_known_signal_get_disagreement_provenance (known) == NULL));

          g_assert_nonnull (contexts[0]);
          for (guint k = 0; contexts[k] != NULL; k++)
            g_assert_nonnull (lc_knowledge_get_context_label (knowledge, contexts[k]));

          g_assert_cmpuint (lc_known_signal_get_n_causes (known), >, 0);
          for (guint k = 0; k < lc_known_signal_get_n_causes (known); k++)
            {
              const LcCauseRef *ref = lc_known_signal_get_cause (known, k);

              check_cause_ref (ref, where);
              /* Ranked: highest base weight first. */
              g_assert_cmpfloat (lc_cause_ref_get_weight (ref, NULL), <=, previous);
              previous = lc_cause_ref_get_weight (ref, NULL);
            }
        }
    }
}

/* Every cause a device can be told about comes with a fix for that device. */
static void
test_fix_for_every_cause (void)
{
  LcKnowledge *knowledge = get_shipped ();
  GListModel *devices = lc_knowledge_get_devices (knowledge);

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(LcDevice) device = g_list_model_get_item (devices, i);
      GListModel *signals = lc_device_get_known_signals (device);
      g_autoptr(GPtrArray) refs = g_ptr_array_new ();

      for (guint j = 0; j < lc_device_get_n_fallback_causes (device); j++)
        g_ptr_array_add (refs, (gpointer) lc_device_get_fallback_cause (device, j));

      for (guint j = 0; j < g_list_model_get_n_items (signals); j++)
        {
          g_autoptr(LcKnownSignal) known = g_list_model_get_item (signals, j);

          for (guint k = 0; k < lc_known_signal_get_n_causes (known); k++)
            g_ptr_array_add (refs, (gpointer) lc_known_signal_get_cause (known, k));
        }

      for (guint j = 0; j < refs->len; j++)
        {
          const char *cause_id = lc_cause_ref_get_cause_id (g_ptr_array_index (refs, j));
          LcCause *cause = lc_knowledge_lookup_cause (knowledge, cause_id);
          g_autoptr(GListModel) fixes = lc_knowledge_list_procedures_for_cause (knowledge, cause, device);

          if (!lc_cause_is_normal (cause) && g_list_model_get_n_items (fixes) == 0)
            g_test_fail_printf ("%s: no procedure for cause %s", lc_device_get_id (device), cause_id);
        }
    }
}

static void
test_illustrations (void)
{
  const char * const *missing = _lc_knowledge_get_missing_illustrations (get_shipped ());
  g_autoptr(LcKnowledge) strict = NULL;
  g_autoptr(GError) error = NULL;

  if (missing[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", (char **) missing);

      /* Not an assertion: the other tests should still run. */
      g_test_fail_printf ("%u illustrations are missing from the GResource: %s",
                          g_strv_length ((char **) missing), names);
      return;
    }

  strict = lc_knowledge_new_from_resource (LC_KNOWLEDGE_RESOURCE_PATH, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strict);
}

/* The checklist (shared/knowledge/README.md) ------------------------------- */

typedef struct
{
  const char       *item;
  const char       *device;
  const char       *signal;
  LcProvenanceKind  kind;
  const char       *url;       /* NULL: don't check */
  const char       *context;
  const char       *top_cause; /* the most likely cause in that context */
  const char       *also;      /* another cause it must list, or NULL */
} SignalFact;

static const SignalFact signal_facts[] = {
  { "A1", "outdoor-4", "red:blink", LC_PROVENANCE_ARTICLE, NULL, "any", "weak-wifi", "low-battery" },
  { "A1", "xt", "red:blink", LC_PROVENANCE_ARTICLE, NULL, "any", "weak-wifi", "hardware-fault" },
  { "A3", "outdoor", "red:burst:6", LC_PROVENANCE_ARTICLE, NULL, "recording", "low-battery", NULL },
  { "A3", "outdoor-4", "red:burst:6", LC_PROVENANCE_ARTICLE, NULL, "any", "low-battery", NULL },
  { "A4", "xt2", "red:burst:5", LC_PROVENANCE_ARTICLE, NULL, "any", "low-battery", NULL },
  { "A5", "mini", "red:solid", LC_PROVENANCE_ARTICLE, NULL, "any", "setup-incomplete", "offline" },
  { "A6", "indoor", "red:blink", LC_PROVENANCE_ARTICLE, NULL, "recording", "low-battery", "weak-wifi" },
  { "A7", "outdoor-4", "red:blink", LC_PROVENANCE_ARTICLE, NULL, "new-batteries", "bad-batteries", NULL },
  { "B1", "sync-module", "blue:solid", LC_PROVENANCE_OFFICIAL, URL_SYNC_MODULE_LEDS, "any", "starting-up", NULL },
  { "B1", "sync-module", "blue:blink+green:solid", LC_PROVENANCE_OFFICIAL, URL_SYNC_MODULE_LEDS, "setup", "setup-mode", NULL },
  { "B1", "sync-module", "blue:solid+green:blink", LC_PROVENANCE_OFFICIAL, URL_SYNC_MODULE_LEDS, "any", "offline", NULL },
  { "B1", "sync-module", "red:solid", LC_PROVENANCE_OFFICIAL, URL_SYNC_MODULE_LEDS, "any", "wifi-password", "network-unsupported" },
  { "B1", "sync-module", "blue:solid+green:solid", LC_PROVENANCE_OFFICIAL, URL_SYNC_MODULE_LEDS, "any", "normal", NULL },
  { "B1", "sync-module-2", "blue:solid", LC_PROVENANCE_OFFICIAL, URL_SYNC_MODULE_LEDS, "any", "starting-up", NULL },
  { "B1", "sync-module-2", "blue:blink+green:solid", LC_PROVENANCE_OFFICIAL, URL_SYNC_MODULE_LEDS, "setup", "setup-mode", NULL },
  { "B1", "sync-module-2", "blue:solid+green:blink", LC_PROVENANCE_OFFICIAL, URL_SYNC_MODULE_LEDS, "any", "offline", NULL },
  { "B1", "sync-module-2", "red:solid", LC_PROVENANCE_OFFICIAL, URL_SYNC_MODULE_LEDS, "setup", "wifi-password", "weak-wifi" },
  { "B1", "sync-module-2", "blue:solid+green:solid", LC_PROVENANCE_OFFICIAL, URL_SYNC_MODULE_LEDS, "any", "normal", NULL },
  { "B2", "doorbell", "red:blink", LC_PROVENANCE_OFFICIAL, URL_DOORBELL_LEDS, "setup", "setup-mode", "low-battery" },
  { "B2", "doorbell", "red:solid", LC_PROVENANCE_OFFICIAL, URL_DOORBELL_LEDS, "setup", "setup-incomplete", "low-battery" },
  { "B2", "doorbell", "blue:blink", LC_PROVENANCE_OFFICIAL, URL_DOORBELL_LEDS, "any", "normal", NULL },
  { "B2", "doorbell", "off", LC_PROVENANCE_OFFICIAL, URL_DOORBELL_LEDS, "any", "normal", NULL },
};

static void
test_signal_facts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (signal_facts); i++)
    {
      const SignalFact *fact = &signal_facts[i];
      LcKnownSignal *known = get_known (fact->device, fact->signal);
      LcProvenance *provenance = lc_known_signal_get_provenance (known);

      g_test_message ("%s: %s %s", fact->item, fact->device, fact->signal);

      g_assert_cmpint (lc_provenance_get_kind (provenance), ==, fact->kind);
      if (fact->url != NULL)
        g_assert_cmpstr (lc_provenance_get_url (provenance), ==, fact->url);
      g_assert_cmpstr (get_top_cause (known, fact->context), ==, fact->top_cause);
      if (fact->also != NULL)
        g_assert_true (lists_cause (known, fact->also));
      if (!g_str_equal (fact->context, "any"))
        g_assert_true (lc_known_signal_has_context (known, fact->context));
    }
}

typedef struct
{
  const char       *item;
  const char       *procedure;
  LcProvenanceKind  kind;
  const char       *cause;        /* reached from this cause … */
  const char       *device;       /* … for this device */
  const char       *illustration; /* a step shows this, or NULL */
} ProcedureFact;

static const ProcedureFact procedure_facts[] = {
  { "A2", "move-sync-module-closer", LC_PROVENANCE_ARTICLE, "weak-wifi", "outdoor-4", "step-move-sync-module-closer" },
  { "A3", "change-batteries", LC_PROVENANCE_ARTICLE, "low-battery", "xt", "step-lithium-batteries" },
  { "A5", "reset-mini", LC_PROVENANCE_ARTICLE, "setup-incomplete", "mini", "step-mini-pin-reset" },
  { "A5", "reset-mini", LC_PROVENANCE_ARTICLE, "offline", "mini", NULL },
  { "A6", "restart-router", LC_PROVENANCE_ARTICLE, "weak-wifi", "indoor", "step-restart-router" },
  { "A7", "try-other-batteries", LC_PROVENANCE_ARTICLE, "bad-batteries", "outdoor", "step-lithium-batteries" },
  { "A7", "reset-camera", LC_PROVENANCE_THIRD_PARTY, "bad-batteries", "outdoor", "step-hold-reset-button" },
  { "A7", "contact-support", LC_PROVENANCE_ARTICLE, "bad-batteries", "outdoor", "step-contact-support" },
  { "A8", "general-reset", LC_PROVENANCE_ARTICLE, "low-battery", "xt2", "step-hold-reset-insert-battery" },
  { "A9", "contact-support", LC_PROVENANCE_ARTICLE, "hardware-fault", "outdoor-4", NULL },
  { "B2", "power-cycle-doorbell", LC_PROVENANCE_OFFICIAL, "setup-mode", "doorbell", "step-wait" },
  { "B2", "retry-setup", LC_PROVENANCE_OFFICIAL, "setup-incomplete", "doorbell", NULL },
  { "B2", "change-batteries-doorbell", LC_PROVENANCE_OFFICIAL, "setup-incomplete", "doorbell", NULL },
  { "B3", "check-network-requirements", LC_PROVENANCE_OFFICIAL, "network-unsupported", "sync-module-2", "step-router-24ghz" },
  { "B4", "fix-wifi-password", LC_PROVENANCE_OFFICIAL, "wifi-password", "sync-module", "step-guest-network" },
  { "B5", "change-batteries-outdoor-4", LC_PROVENANCE_OFFICIAL, "low-battery", "outdoor-4", "step-outdoor4-close-cover" },
  { "B5", "change-batteries-doorbell", LC_PROVENANCE_OFFICIAL, "low-battery", "doorbell", "step-doorbell-breaker" },
  { "P1", "power-cycle-sync-module", LC_PROVENANCE_THIRD_PARTY, "offline", "sync-module-2", "step-unplug-sync-module" },
  { "P2", "power-cycle-camera", LC_PROVENANCE_THIRD_PARTY, "hardware-fault", "outdoor", "step-remove-batteries" },
  { "P6", "wired-doorbell-network-name", LC_PROVENANCE_OFFICIAL, "wifi-password", "wired-doorbell", "step-mobile-hotspot" },
  { "P8", "reset-camera", LC_PROVENANCE_THIRD_PARTY, "bad-batteries", "xt2", NULL },
  { "P9", "improve-wifi-signal", LC_PROVENANCE_COMMUNITY, "weak-wifi", "mini-2", "step-wifi-extender" },
  { "P10", "recover-firmware-update", LC_PROVENANCE_THIRD_PARTY, "firmware-update", "outdoor-4", "step-firmware-update" },
  { "P11", "fix-usb-storage", LC_PROVENANCE_THIRD_PARTY, "local-storage", "sync-module-2", NULL },
};

static gboolean
procedure_shows (LcProcedure *procedure,
                 const char  *illustration)
{
  for (guint i = 0; i < lc_procedure_get_n_steps (procedure); i++)
    {
      if (g_strcmp0 (lc_step_get_illustration (lc_procedure_get_step (procedure, i)), illustration) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_procedure_facts (void)
{
  LcKnowledge *knowledge = get_shipped ();
  gboolean have_pictures = _lc_knowledge_get_missing_illustrations (knowledge)[0] == NULL;

  for (guint i = 0; i < G_N_ELEMENTS (procedure_facts); i++)
    {
      const ProcedureFact *fact = &procedure_facts[i];
      LcProcedure *procedure = lc_knowledge_lookup_procedure (knowledge, fact->procedure);

      g_test_message ("%s: %s", fact->item, fact->procedure);

      g_assert_nonnull (procedure);
      g_assert_cmpint (lc_provenance_get_kind (lc_procedure_get_provenance (procedure)), ==, fact->kind);
      if (!offers_procedure (fact->cause, fact->device, fact->procedure))
        g_test_fail_printf ("%s: %s is not offered for %s on %s", fact->item, fact->procedure, fact->cause, fact->device);
      if (fact->illustration != NULL && have_pictures)
        g_assert_true (procedure_shows (procedure, fact->illustration));
    }
}

static LcStep *
find_step_waiting (LcProcedure *procedure,
                   guint        seconds)
{
  for (guint i = 0; i < lc_procedure_get_n_steps (procedure); i++)
    {
      LcStep *step = lc_procedure_get_step (procedure, i);

      if (lc_step_get_wait_seconds (step) == seconds)
        return step;
    }

  return NULL;
}

static void
test_checklist_details (void)
{
  LcKnowledge *knowledge = get_shipped ();
  LcProcedure *procedure;
  LcKnownSignal *known;
  LcStep *step;

  /* A3: six flashes are tied to the end of a recording. */
  g_assert_true (lc_known_signal_has_context (get_known ("outdoor", "red:burst:6"), "recording"));

  /* A5: still red two minutes after the reset → support. */
  procedure = lc_knowledge_lookup_procedure (knowledge, "reset-mini");
  step = find_step_waiting (procedure, 120);
  g_assert_nonnull (step);
  g_assert_nonnull (lc_step_get_stop_text (step));
  g_assert_true (lc_procedure_applies_to (procedure, lc_knowledge_lookup_device (knowledge, "mini")));
  g_assert_false (lc_procedure_applies_to (procedure, lc_knowledge_lookup_device (knowledge, "outdoor-4")));
  /* … and the lights it should change to are known. */
  g_assert_true (lc_known_signal_has_context (get_known ("mini", "green:blink"), "after-reset"));
  g_assert_true (lc_known_signal_has_context (get_known ("mini", "blue:solid"), "after-reset"));

  /* A8: both out, one in, hold reset while inserting the second, release,
   * power-cycle the Sync Module, rescan, let it update.
   */
  procedure = lc_knowledge_lookup_procedure (knowledge, "general-reset");
  g_assert_cmpuint (lc_procedure_get_n_steps (procedure), ==, 8);
  if (_lc_knowledge_get_missing_illustrations (knowledge)[0] == NULL)
    {
      static const char * const order[] = {
        "step-remove-batteries", "step-insert-one-battery", "step-hold-reset-insert-battery",
        "step-hold-reset-button", "step-unplug-sync-module", "step-plug-in-sync-module",
        "step-blink-app-add-device", "step-firmware-update",
      };

      for (guint i = 0; i < G_N_ELEMENTS (order); i++)
        g_assert_cmpstr (lc_step_get_illustration (lc_procedure_get_step (procedure, i)), ==, order[i]);
    }

  /* B2 and §3: the doorbell's flashing red shows Blink's meaning first and the other view. */
  known = get_known ("doorbell", "red:blink");
  g_assert_cmpstr (lc_cause_ref_get_cause_id (lc_known_signal_get_cause (known, 0)), ==, "setup-mode");
  g_assert_nonnull (lc_known_signal_get_disagreement (known));
  g_assert_cmpint (lc_provenance_get_kind (lc_known_signal_get_disagreement_provenance (known)), ==,
                   LC_PROVENANCE_THIRD_PARTY);
  g_assert_cmpint (lc_provenance_get_kind (lc_cause_ref_get_provenance (lc_known_signal_get_cause (known, 1))), ==,
                   LC_PROVENANCE_THIRD_PARTY);
  g_assert_nonnull (lc_known_signal_get_disagreement (get_known ("doorbell", "red:solid")));
  g_assert_true (lc_known_signal_is_normal (get_known ("doorbell", "off")));
  g_assert_true (lc_known_signal_is_normal (get_known ("doorbell", "blue:blink")));
  /* B2: if it does not flash, batteries out for 5 s. */
  g_assert_nonnull (find_step_waiting (lc_knowledge_lookup_procedure (knowledge, "power-cycle-doorbell"), 5));

  /* §3: power-cycle waits (10 s vs 60 s) and reset hold times (5–30 s). */
  procedure = lc_knowledge_lookup_procedure (knowledge, "power-cycle-sync-module");
  g_assert_nonnull (lc_procedure_get_disagreement (procedure));
  g_assert_nonnull (find_step_waiting (procedure, 60));
  g_assert_nonnull (lc_procedure_get_disagreement (lc_knowledge_lookup_procedure (knowledge, "power-cycle-camera")));
  g_assert_nonnull (lc_procedure_get_disagreement (lc_knowledge_lookup_procedure (knowledge, "power-cycle-doorbell")));
  procedure = lc_knowledge_lookup_procedure (knowledge, "reset-camera");
  g_assert_nonnull (lc_procedure_get_disagreement (procedure));
  g_assert_cmpuint (lc_step_get_hold_seconds (lc_procedure_get_step (procedure, 1)), ==, 30);
  g_assert_nonnull (lc_procedure_get_disagreement (lc_knowledge_lookup_procedure (knowledge, "wired-doorbell-network-name")));

  /* B5: the breaker comes first, as a safety step. */
  step = lc_procedure_get_step (lc_knowledge_lookup_procedure (knowledge, "change-batteries-doorbell"), 0);
  g_assert_true (lc_step_is_safety (step));

  /* B6 */
  g_assert_false (lc_device_needs_sync_module (lc_knowledge_lookup_device (knowledge, "mini")));
  g_assert_false (lc_device_needs_sync_module (lc_knowledge_lookup_device (knowledge, "floodlight")));
  g_assert_false (lc_device_needs_sync_module (lc_knowledge_lookup_device (knowledge, "doorbell")));
  g_assert_true (lc_device_needs_sync_module (lc_knowledge_lookup_device (knowledge, "outdoor-4")));
}

/* Models without an official chart say so and still get general advice. */
static void
test_no_chart_devices (void)
{
  static const char * const charted[] = { "doorbell", "sync-module", "sync-module-2", NULL };
  LcKnowledge *knowledge = get_shipped ();
  GListModel *devices = lc_knowledge_get_devices (knowledge);

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(LcDevice) device = g_list_model_get_item (devices, i);
      GListModel *signals = lc_device_get_known_signals (device);
      gboolean official = g_strv_contains (charted, lc_device_get_id (device));

      g_assert_true (lc_device_has_official_chart (device) == official);

      for (guint j = 0; j < g_list_model_get_n_items (signals); j++)
        {
          g_autoptr(LcKnownSignal) known = g_list_model_get_item (signals, j);

          /* Only a charted model may claim Blink's guide for a light. */
          if (!official)
            g_assert_cmpint (lc_provenance_get_kind (lc_known_signal_get_provenance (known)), !=,
                             LC_PROVENANCE_OFFICIAL);
        }
    }

  /* Battery cameras share the family's advice; the Mini 2 gets the inferred one. */
  g_assert_true (lc_known_signal_is_family_advice (get_known ("outdoor-4", "red:blink")));
  g_assert_false (lc_known_signal_is_family_advice (get_known ("mini", "red:solid")));
  g_assert_cmpint (lc_provenance_get_kind (lc_known_signal_get_provenance (get_known ("mini-2", "red:solid"))), ==,
                   LC_PROVENANCE_LIGHTCODE);
  g_assert_cmpuint (g_list_model_get_n_items (lc_device_get_known_signals (
                      lc_knowledge_lookup_device (knowledge, "sync-module-core"))), ==, 0);
  g_assert_cmpuint (lc_device_get_n_fallback_causes (lc_knowledge_lookup_device (knowledge, "sync-module-core")), >, 0);
}

/* API --------------------------------------------------------------------- */

static void
test_map_signal (void)
{
  LcKnowledge *knowledge = get_shipped ();
  LcDevice *sync_module = lc_knowledge_lookup_device (knowledge, "sync-module-2");
  LcDevice *doorbell = lc_knowledge_lookup_device (knowledge, "doorbell");
  guint indexes[LC_SIGNAL_MAX_LIGHTS] = { 0, };
  LcSignal signal;

  g_assert_true (lc_signal_parse ("green:blink+blue:solid", &signal, NULL));
  g_assert_true (lc_device_map_signal (sync_module, &signal, indexes));
  g_assert_cmpuint (indexes[0], ==, 1);
  g_assert_cmpuint (indexes[1], ==, 0);

  g_assert_true (lc_signal_parse ("green:solid+green:blink", &signal, NULL));
  g_assert_false (lc_device_map_signal (sync_module, &signal, NULL));

  g_assert_true (lc_signal_parse ("green:solid", &signal, NULL));
  g_assert_false (lc_device_map_signal (doorbell, &signal, NULL));
  g_assert_null (lc_device_lookup_known_signal (doorbell, &signal));

  lc_signal_init_off (&signal);
  g_assert_true (lc_device_map_signal (doorbell, &signal, NULL));
}

static void
test_procedures_for_cause (void)
{
  LcKnowledge *knowledge = get_shipped ();
  LcCause *low_battery = lc_knowledge_lookup_cause (knowledge, "low-battery");
  LcDevice *outdoor_4 = lc_knowledge_lookup_device (knowledge, "outdoor-4");
  g_autoptr(GListModel) fixes = lc_knowledge_list_procedures_for_cause (knowledge, low_battery, outdoor_4);
  g_autoptr(GListModel) all = lc_knowledge_list_procedures_for_cause (knowledge, low_battery, NULL);
  g_autoptr(LcProcedure) first = g_list_model_get_item (fixes, 0);

  g_assert_cmpstr (lc_procedure_get_id (first), ==, "change-batteries-outdoor-4");
  g_assert_false (offers_procedure ("low-battery", "outdoor-4", "change-batteries"));
  g_assert_false (offers_procedure ("low-battery", "outdoor-4", "change-batteries-doorbell"));
  g_assert_cmpuint (g_list_model_get_n_items (all), ==,
                    g_strv_length ((char **) lc_cause_get_procedure_ids (low_battery)));
  g_assert_cmpuint (g_list_model_get_n_items (fixes), <, g_list_model_get_n_items (all));
}

static void
test_provenance (void)
{
  for (LcProvenanceKind kind = LC_PROVENANCE_OFFICIAL; kind <= LC_PROVENANCE_LIGHTCODE; kind++)
    {
      const char *text = lc_provenance_kind_to_string (kind);
      LcProvenanceKind parsed;

      g_assert_true (lc_provenance_kind_from_string (text, &parsed));
      g_assert_cmpint (parsed, ==, kind);
      assert_text (lc_provenance_kind_get_label (kind), text);
    }

  g_assert_cmpstr (lc_provenance_kind_get_label (LC_PROVENANCE_OFFICIAL), ==, "Blink’s guide");
  g_assert_cmpstr (lc_provenance_kind_get_label (LC_PROVENANCE_ARTICLE), ==, "Common troubleshooting advice");
  /* Repair sites are not owners. */
  g_assert_cmpstr (lc_provenance_kind_get_label (LC_PROVENANCE_COMMUNITY), ==, "Reported by other owners");
  g_assert_cmpstr (lc_provenance_kind_get_label (LC_PROVENANCE_THIRD_PARTY), ==, "Third-party repair guides");
  g_assert_false (lc_provenance_kind_from_string ("blog", &(LcProvenanceKind) { 0 }));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/knowledge/shipped/default-loads", test_default_loads);
  g_test_add_func ("/core/knowledge/shipped/design-ids", test_design_ids);
  g_test_add_func ("/core/knowledge/shipped/references", test_references);
  g_test_add_func ("/core/knowledge/shipped/fix-for-every-cause", test_fix_for_every_cause);
  g_test_add_func ("/core/knowledge/shipped/no-chart-devices", test_no_chart_devices);
  g_test_add_func ("/core/knowledge/shipped/illustrations", test_illustrations);
  g_test_add_func ("/core/knowledge/checklist/signals", test_signal_facts);
  g_test_add_func ("/core/knowledge/checklist/procedures", test_procedure_facts);
  g_test_add_func ("/core/knowledge/checklist/details", test_checklist_details);
  g_test_add_func ("/core/knowledge/api/map-signal", test_map_signal);
  g_test_add_func ("/core/knowledge/api/procedures-for-cause", test_procedures_for_cause);
  g_test_add_func ("/core/knowledge/api/provenance", test_provenance);

  return g_test_run ();
}
