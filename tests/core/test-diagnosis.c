/* test-diagnosis.c — every claim of the article and every official chart row
 * ranks the right cause first
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "lc-diagnosis.h"
#include "lc-support-summary.h"

static LcKnowledge *knowledge;
static LcKnowledge *fixture; /* tests/core/diagnosis-fixture: made-up data */

enum {
  EXPECT_NORMAL   = 1 << 0, /* lc_diagnosis_is_normal() */
  EXPECT_UNKNOWN  = 1 << 1, /* not a known signal: general advice */
  EXPECT_NEAR     = 1 << 2, /* known, but not matched exactly */
  EXPECT_DISAGREE = 1 << 3, /* sources disagree */
};

typedef struct
{
  const char *claim;      /* checklist line (knowledge README) or what it tests */
  const char *device;
  const char *signal;
  const char *context;
  const char *top;        /* expected most likely cause */
  const char *second;     /* expected runner-up, or NULL */
  const char *procedure;  /* expected first fix of the top cause, or NULL */
  guint       flags;
} Case;

static const Case cases[] = {
  /* The article (provenance: common troubleshooting advice) */
  { "A1 flashing red: Wi-Fi, then batteries", "outdoor-4", "red:blink", "any", "weak-wifi", "low-battery", NULL, 0 },
  { "A1 on another battery camera", "xt", "red:blink", NULL, "weak-wifi", "low-battery", NULL, 0 },
  { "A2 weak Wi-Fi: move the Sync Module closer", "xt2", "red:blink", "any", "weak-wifi", NULL, "move-sync-module-closer", 0 },
  { "A3 six red blinks: low batteries", "outdoor-4", "red:burst:6", "any", "low-battery", NULL, "change-batteries-outdoor-4", 0 },
  { "A3 six red blinks after recording", "outdoor", "red:burst:6", "recording", "low-battery", NULL, "change-batteries", 0 },
  { "A4 five red blinks: same as six", "outdoor-4", "red:burst:5", "any", "low-battery", NULL, "change-batteries-outdoor-4", 0 },
  { "A4 five red blinks, older camera", "indoor", "red:burst:5", "any", "low-battery", NULL, "change-batteries", 0 },
  { "A5 Mini solid red: setup or internet", "mini", "red:solid", "any", "setup-incomplete", "offline", "reset-mini", 0 },
  { "A5 Mini after the reset: blinking green", "mini", "green:blink", "after-reset", "setup-mode", NULL, "finish-setup", EXPECT_NORMAL },
  { "A5 Mini after the reset: solid blue", "mini", "blue:solid", "after-reset", "normal", NULL, NULL, EXPECT_NORMAL },
  { "A6 red while recording: batteries, then Wi-Fi", "outdoor-4", "red:blink", "recording", "low-battery", "weak-wifi", "change-batteries-outdoor-4", 0 },
  { "A6 on an XT2", "xt2", "red:blink", "recording", "low-battery", "weak-wifi", "change-batteries", 0 },
  { "A7 red with new batteries: try other ones", "outdoor-4", "red:blink", "new-batteries", "bad-batteries", NULL, "try-other-batteries", 0 },
  { "A7 six blinks with new batteries", "xt", "red:burst:6", "new-batteries", "bad-batteries", "low-battery", "try-other-batteries", 0 },

  /* Blink's Sync Module chart (B1), both generations */
  { "B1 solid blue: starting up", "sync-module-2", "blue:solid", "any", "starting-up", NULL, "wait-for-start-up", EXPECT_NORMAL },
  { "B1 blinking blue + solid green: ready for setup", "sync-module-2", "blue:blink+green:solid", "setup", "setup-mode", NULL, "finish-setup", 0 },
  { "B1 solid blue + blinking green: lost network", "sync-module-2", "blue:solid+green:blink", "any", "offline", "wifi-password", NULL, 0 },
  { "B1 solid red: can't connect / password", "sync-module-2", "red:solid", "any", "wifi-password", NULL, "fix-wifi-password", 0 },
  { "B1 solid blue + solid green: online", "sync-module-2", "blue:solid+green:solid", "any", "normal", NULL, NULL, EXPECT_NORMAL },
  { "B1 1st gen solid blue", "sync-module", "blue:solid", "after-reset", "starting-up", NULL, NULL, EXPECT_NORMAL },
  { "B1 1st gen ready for setup", "sync-module", "blue:blink+green:solid", "any", "setup-mode", NULL, NULL, 0 },
  { "B1 1st gen lost network", "sync-module", "blue:solid+green:blink", "any", "offline", NULL, NULL, 0 },
  { "B1 1st gen solid red during setup", "sync-module", "red:solid", "setup", "wifi-password", "network-unsupported", NULL, 0 },
  { "B1 1st gen online (lights in either order)", "sync-module", "green:solid+blue:solid", "any", "normal", NULL, NULL, EXPECT_NORMAL },

  /* Blink's Video Doorbell chart (B2) */
  { "B2 blinking red: ready for setup (3P disagrees)", "doorbell", "red:blink", "any", "setup-mode", "low-battery", "finish-setup", EXPECT_DISAGREE },
  { "B2 blinking red during setup", "doorbell", "red:blink", "setup", "setup-mode", NULL, NULL, EXPECT_DISAGREE },
  { "B2 solid red: setup failed, maybe batteries", "doorbell", "red:solid", "setup", "setup-incomplete", "low-battery", "retry-setup", EXPECT_DISAGREE },
  { "B2 blinking blue: button pressed", "doorbell", "blue:blink", "any", "normal", NULL, NULL, EXPECT_NORMAL },
  { "B2 no light: set up and online", "doorbell", "off", "any", "normal", NULL, NULL, EXPECT_NORMAL },

  /* Normal states elsewhere */
  { "battery camera dark: resting", "outdoor-4", "off", "any", "normal", "low-battery", NULL, EXPECT_NORMAL },
  { "blue while recording: the recording light", "outdoor-4", "blue:solid", "recording", "normal", NULL, NULL, EXPECT_NORMAL },

  /* The moment moves the ranking */
  { "plug-in solid red, any time: offline first", "mini-2", "red:solid", "any", "offline", "setup-incomplete", NULL, 0 },
  { "plug-in solid red during setup: setup first", "mini-2", "red:solid", "setup", "setup-incomplete", "offline", NULL, 0 },
  { "solid red after an update: stuck update", "outdoor-4", "red:solid", "after-update", "firmware-update", NULL, "recover-firmware-update", 0 },
  { "floodlight solid red after an update", "floodlight", "red:solid", "after-update", "firmware-update", NULL, NULL, 0 },

  /* Near matches: tolerated, never certain */
  { "seven red blinks: counted one too many", "outdoor-4", "red:burst:7", "any", "low-battery", NULL, "change-batteries-outdoor-4", EXPECT_NEAR },
  { "four red blinks: counted one too few", "outdoor-4", "red:burst:4", "any", "low-battery", NULL, NULL, EXPECT_NEAR },
  { "amber for red", "sync-module-2", "amber:solid", "any", "wifi-password", NULL, NULL, EXPECT_NEAR },

  /* Not known: the family's general advice */
  { "unknown on a battery camera", "outdoor-4", "white:fade", "any", NULL, NULL, NULL, EXPECT_UNKNOWN },
  { "unknown on a plug-in camera during setup", "mini-2", "white:blink", "setup", "setup-incomplete", NULL, NULL, EXPECT_UNKNOWN },
  { "no chart for the Sync Module XR", "sync-module-xr", "red:solid", "any", "offline", NULL, NULL, EXPECT_UNKNOWN },
  { "no chart for the Sync Module Core", "sync-module-core", "blue:solid", "any", "offline", NULL, NULL, EXPECT_UNKNOWN },
};

static LcDiagnosis *
diagnose_in (LcKnowledge *kb,
             const char  *device_id,
             const char  *signal_text,
             const char  *context_id)
{
  g_autoptr(GError) error = NULL;
  LcDiagnosis *diagnosis;
  LcDevice *device;
  LcSignal signal;

  device = lc_knowledge_lookup_device (kb, device_id);
  g_assert_nonnull (device);
  lc_signal_parse (signal_text, &signal, &error);
  g_assert_no_error (error);

  diagnosis = lc_diagnosis_new (kb, device, &signal, context_id, &error);
  g_assert_no_error (error);
  g_assert_true (LC_IS_DIAGNOSIS (diagnosis));

  return diagnosis;
}

static LcDiagnosis *
diagnose (const char *device_id,
          const char *signal_text,
          const char *context_id)
{
  return diagnose_in (knowledge, device_id, signal_text, context_id);
}

static guint
index_of_cause (LcDiagnosis *diagnosis,
                const char  *cause_id)
{
  for (guint i = 0; i < lc_diagnosis_get_n_causes (diagnosis); i++)
    {
      if (g_str_equal (lc_diagnosis_cause_get_id (lc_diagnosis_get_cause (diagnosis, i)), cause_id))
        return i;
    }

  return G_MAXUINT;
}

/* What every diagnosis promises, whatever the input. */
static void
assert_well_formed (LcDiagnosis *diagnosis)
{
  guint n = lc_diagnosis_get_n_causes (diagnosis);
  double sum = 0.0;

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (lc_diagnosis_get_causes (diagnosis)), ==, n);

  for (guint i = 0; i < n; i++)
    {
      LcDiagnosisCause *cause = lc_diagnosis_get_cause (diagnosis, i);
      double likelihood = lc_diagnosis_cause_get_likelihood (cause);

      g_assert_cmpfloat (likelihood, >, 0.0);
      g_assert_cmpfloat (likelihood, <=, 1.0);
      if (i > 0)
        g_assert_cmpfloat (likelihood, <=, lc_diagnosis_cause_get_likelihood (lc_diagnosis_get_cause (diagnosis, i - 1)));
      sum += likelihood;

      g_assert_true (LC_IS_PROVENANCE (lc_diagnosis_cause_get_provenance (cause)));
      g_assert_cmpstr (lc_diagnosis_cause_get_explanation (cause), !=, "");
      g_assert_null (strchr (lc_diagnosis_cause_get_explanation (cause), '\n'));
      /* Each cause is listed once. */
      g_assert_cmpuint (index_of_cause (diagnosis, lc_diagnosis_cause_get_id (cause)), ==, i);
      /* A procedure that is there fits the device. */
      if (lc_diagnosis_cause_get_procedure (cause) != NULL)
        g_assert_true (lc_procedure_applies_to (lc_diagnosis_cause_get_procedure (cause),
                                                lc_diagnosis_get_device (diagnosis)));
      g_assert_cmpint (lc_diagnosis_cause_is_general_advice (cause), ==,
                       !lc_diagnosis_is_known_signal (diagnosis));
    }

  g_assert_cmpfloat_with_epsilon (sum + lc_diagnosis_get_other_likelihood (diagnosis), 1.0, 1e-9);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(LcDiagnosis) diagnosis = diagnose (c->device, c->signal, c->context);
  LcDiagnosisCause *top;

  g_test_message ("%s: %s %s %s", c->claim, c->device, c->signal, c->context ? c->context : "(none)");
  assert_well_formed (diagnosis);

  top = lc_diagnosis_get_top_cause (diagnosis);
  if (c->top != NULL)
    g_assert_cmpstr (lc_diagnosis_cause_get_id (top), ==, c->top);
  if (c->second != NULL)
    g_assert_cmpstr (lc_diagnosis_cause_get_id (lc_diagnosis_get_cause (diagnosis, 1)), ==, c->second);
  if (c->procedure != NULL)
    {
      g_assert_nonnull (lc_diagnosis_cause_get_procedure (top));
      g_assert_cmpstr (lc_procedure_get_id (lc_diagnosis_cause_get_procedure (top)), ==, c->procedure);
    }

  g_assert_cmpint (lc_diagnosis_is_normal (diagnosis), ==, !!(c->flags & EXPECT_NORMAL));
  g_assert_cmpint (lc_diagnosis_is_known_signal (diagnosis), ==, !(c->flags & EXPECT_UNKNOWN));
  g_assert_cmpint (lc_diagnosis_matched_exactly (diagnosis), ==, !(c->flags & (EXPECT_UNKNOWN | EXPECT_NEAR)));
  g_assert_cmpint (lc_diagnosis_sources_disagree (diagnosis), ==, !!(c->flags & EXPECT_DISAGREE));
  if (c->flags & EXPECT_DISAGREE)
    {
      g_assert_cmpstr (lc_diagnosis_get_disagreement_note (diagnosis), !=, "");
      g_assert_nonnull (lc_diagnosis_get_disagreement_provenance (diagnosis));
    }

  if (c->flags & (EXPECT_UNKNOWN | EXPECT_NEAR))
    g_assert_cmpfloat (lc_diagnosis_get_other_likelihood (diagnosis), >, 0.2);
  else if (lc_provenance_get_kind (lc_diagnosis_cause_get_provenance (top)) == LC_PROVENANCE_OFFICIAL)
    /* An exact match on Blink's word leaves little room; weaker sources
     * are capped and leave more (see test-situations). */
    g_assert_cmpfloat (lc_diagnosis_get_other_likelihood (diagnosis), <, 0.35);

  if (c->flags & EXPECT_UNKNOWN)
    g_assert_null (lc_diagnosis_get_known_signal (diagnosis));
  else
    g_assert_nonnull (lc_diagnosis_get_known_signal (diagnosis));
}

/* A3/A6: the article's claims are marked as the article's, not Blink's. */
static void
test_provenance (void)
{
  g_autoptr(LcDiagnosis) article = diagnose ("outdoor-4", "red:burst:6", "recording");
  g_autoptr(LcDiagnosis) official = diagnose ("sync-module-2", "red:solid", "any");

  g_assert_cmpint (lc_provenance_get_kind (lc_diagnosis_cause_get_provenance (lc_diagnosis_get_top_cause (article))),
                   ==, LC_PROVENANCE_ARTICLE);
  g_assert_cmpint (lc_provenance_get_kind (lc_diagnosis_cause_get_provenance (lc_diagnosis_get_top_cause (official))),
                   ==, LC_PROVENANCE_OFFICIAL);
}

/* A7 and A8 and A9: the fixes are all reachable from the diagnosis. */
static void
test_article_procedures (void)
{
  g_autoptr(LcDiagnosis) new_batteries = diagnose ("outdoor-4", "red:blink", "new-batteries");
  g_autoptr(LcDiagnosis) six = diagnose ("outdoor-4", "red:burst:6", "any");
  LcDiagnosisCause *bad = lc_diagnosis_get_top_cause (new_batteries);
  LcDiagnosisCause *low = lc_diagnosis_get_top_cause (six);
  GListModel *procedures;
  gboolean reset_camera = FALSE, general_reset = FALSE, support = FALSE;

  /* A7: other batteries, then a reset, then support, in that order. */
  procedures = lc_diagnosis_cause_get_procedures (bad);
  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(LcProcedure) procedure = g_list_model_get_item (procedures, i);
      const char *id = lc_procedure_get_id (procedure);

      if (i == 0)
        g_assert_cmpstr (id, ==, "try-other-batteries");
      if (g_str_equal (id, "reset-camera"))
        reset_camera = TRUE;
      if (g_str_equal (id, "contact-support"))
        {
          g_assert_true (reset_camera);
          support = TRUE;
        }
    }
  g_assert_true (reset_camera);
  g_assert_true (support);

  /* A8: the full battery-and-Sync-Module reset is there for low batteries. */
  procedures = lc_diagnosis_cause_get_procedures (low);
  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(LcProcedure) procedure = g_list_model_get_item (procedures, i);

      if (g_str_equal (lc_procedure_get_id (procedure), "general-reset"))
        {
          general_reset = TRUE;
          g_assert_cmpuint (lc_procedure_get_n_steps (procedure), >=, 6);
        }
    }
  g_assert_true (general_reset);
}

/* An exact match beats a near one: solid blue alone is "starting up", not
 * "online" with the green light missed.
 */
static void
test_exact_beats_near (void)
{
  g_autoptr(LcDiagnosis) diagnosis = diagnose ("sync-module-2", "blue:solid", "any");
  guint normal = index_of_cause (diagnosis, "normal");
  LcDiagnosisCause *top = lc_diagnosis_get_top_cause (diagnosis);

  g_assert_cmpstr (lc_diagnosis_cause_get_id (top), ==, "starting-up");
  g_assert_cmpfloat (lc_diagnosis_cause_get_match_score (top), ==, 1.0);
  g_assert_cmpuint (lc_diagnosis_cause_get_match_flags (top), ==, LC_MATCH_EXACT);
  if (normal != G_MAXUINT)
    {
      LcDiagnosisCause *near = lc_diagnosis_get_cause (diagnosis, normal);

      g_assert_true (lc_diagnosis_cause_get_match_flags (near) & LC_MATCH_LIGHT_MISSING);
      g_assert_cmpfloat (lc_diagnosis_cause_get_likelihood (near), <, 0.25 * lc_diagnosis_cause_get_likelihood (top));
    }
}

static void
test_near_match (void)
{
  g_autoptr(LcDiagnosis) seven = diagnose ("outdoor-4", "red:burst:7", "any");
  g_autoptr(LcDiagnosis) six = diagnose ("outdoor-4", "red:burst:6", "any");
  LcDiagnosisCause *top = lc_diagnosis_get_top_cause (seven);

  g_assert_cmpstr (lc_diagnosis_cause_get_id (top), ==, "low-battery");
  g_assert_true (lc_diagnosis_cause_get_match_flags (top) & LC_MATCH_COUNT_OFF);
  g_assert_cmpstr (lc_known_signal_get_signal_text (lc_diagnosis_cause_get_known_signal (top)), ==, "red:burst:6");
  g_assert_cmpfloat (lc_diagnosis_cause_get_match_score (top), <, 1.0);
  g_assert_cmpfloat (lc_diagnosis_cause_get_match_score (top), >=, 0.5);
  /* Less sure than the exact six. */
  g_assert_cmpfloat (lc_diagnosis_cause_get_likelihood (top), <,
                     lc_diagnosis_cause_get_likelihood (lc_diagnosis_get_top_cause (six)));
  /* The explanation says which known light it was close to. */
  g_assert_nonnull (strstr (lc_diagnosis_cause_get_explanation (top), "red:burst:6"));
  g_assert_nonnull (strstr (lc_diagnosis_cause_get_explanation (top), "7"));
}

/* The same light at different moments: the context moves causes. */
static void
test_context_shifts (void)
{
  g_autoptr(LcDiagnosis) any = diagnose ("outdoor-4", "red:blink", "any");
  g_autoptr(LcDiagnosis) recording = diagnose ("outdoor-4", "red:blink", "recording");
  g_autoptr(LcDiagnosis) batteries = diagnose ("outdoor-4", "red:blink", "new-batteries");

  g_assert_cmpuint (index_of_cause (any, "weak-wifi"), <, index_of_cause (any, "low-battery"));
  g_assert_cmpuint (index_of_cause (recording, "low-battery"), <, index_of_cause (recording, "weak-wifi"));
  g_assert_cmpuint (index_of_cause (batteries, "bad-batteries"), <, index_of_cause (batteries, "low-battery"));
  g_assert_cmpuint (index_of_cause (any, "bad-batteries"), >, index_of_cause (any, "low-battery"));

  /* The explanation says the moment counted. */
  g_assert_nonnull (strstr (lc_diagnosis_cause_get_explanation (lc_diagnosis_get_top_cause (batteries)),
                            lc_knowledge_get_context_label (knowledge, "new-batteries")));
  g_assert_cmpstr (lc_diagnosis_get_context_id (any), ==, "any");
}

static void
test_unknown (void)
{
  g_autoptr(LcDiagnosis) diagnosis = diagnose ("outdoor-4", "white:fade", "any");
  LcDevice *device = lc_diagnosis_get_device (diagnosis);
  double sum = 0.0;
  guint n_weighted = 0;

  g_assert_false (lc_diagnosis_is_known_signal (diagnosis));
  g_assert_false (lc_diagnosis_is_normal (diagnosis));
  /* Exactly the family's general advice that counts at any time (some
   * causes only count in one situation), in its order of weight. */
  for (guint i = 0; i < lc_device_get_n_fallback_causes (device); i++)
    n_weighted += lc_cause_ref_get_weight (lc_device_get_fallback_cause (device, i), "any") > 0.0;
  g_assert_cmpuint (lc_diagnosis_get_n_causes (diagnosis), ==, n_weighted);
  for (guint i = 0; i < lc_diagnosis_get_n_causes (diagnosis); i++)
    {
      LcDiagnosisCause *cause = lc_diagnosis_get_cause (diagnosis, i);

      g_assert_true (lc_diagnosis_cause_is_general_advice (cause));
      g_assert_null (lc_diagnosis_cause_get_known_signal (cause));
      g_assert_nonnull (strstr (lc_diagnosis_cause_get_explanation (cause), lc_device_get_name (device)));
      sum += lc_diagnosis_cause_get_likelihood (cause);
    }
  /* General advice never claims more than a first guess. */
  g_assert_cmpfloat (sum, <=, 0.5);
  g_assert_cmpfloat (lc_diagnosis_get_other_likelihood (diagnosis), >=, 0.5);
}

static void
test_unknown_context (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LcDiagnosis) diagnosis = NULL;
  LcSignal signal;

  lc_signal_parse ("red:blink", &signal, NULL);
  diagnosis = lc_diagnosis_new (knowledge, lc_knowledge_lookup_device (knowledge, "outdoor-4"),
                                &signal, "bath-time", &error);
  g_assert_error (error, LC_DIAGNOSIS_ERROR, LC_DIAGNOSIS_ERROR_UNKNOWN_CONTEXT);
  g_assert_null (diagnosis);
  g_assert_nonnull (strstr (error->message, "bath-time"));
}

/* Every known signal of every device, at every moment: well formed, and a
 * known signal diagnosed as itself matches exactly.
 */
static void
test_every_known_signal (void)
{
  GListModel *devices = lc_knowledge_get_devices (knowledge);
  const char * const *contexts = lc_knowledge_get_context_ids (knowledge);
  guint n_diagnosed = 0;

  for (guint d = 0; d < g_list_model_get_n_items (devices); d++)
    {
      g_autoptr(LcDevice) device = g_list_model_get_item (devices, d);
      GListModel *known_signals = lc_device_get_known_signals (device);

      for (guint k = 0; k < g_list_model_get_n_items (known_signals); k++)
        {
          g_autoptr(LcKnownSignal) known = g_list_model_get_item (known_signals, k);

          for (guint c = 0; contexts[c] != NULL; c++)
            {
              g_autoptr(LcDiagnosis) diagnosis = NULL;
              g_autoptr(GError) error = NULL;

              diagnosis = lc_diagnosis_new (knowledge, device, lc_known_signal_get_signal (known),
                                            contexts[c], &error);
              g_assert_no_error (error);
              assert_well_formed (diagnosis);
              g_assert_true (lc_diagnosis_is_known_signal (diagnosis));
              g_assert_true (lc_diagnosis_matched_exactly (diagnosis));
              g_assert_true (lc_signal_equal (lc_known_signal_get_signal (lc_diagnosis_get_known_signal (diagnosis)),
                                              lc_known_signal_get_signal (known)));
              n_diagnosed++;
            }
        }
    }

  g_test_message ("%u diagnoses checked", n_diagnosed);
  g_assert_cmpuint (n_diagnosed, >, 100);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* A reading for the diagnosed signal, from @source at @confidence. */
static LcReading *
reading_for (LcDiagnosis    *diagnosis,
             LcSignalSource  source,
             double          confidence)
{
  return lc_reading_new_for_signal (lc_diagnosis_get_signal (diagnosis), source, confidence);
}

static void
test_source (void)
{
  g_autoptr(LcDiagnosis) diagnosis = diagnose ("mini", "red:solid", "any");
  g_autoptr(LcReading) camera = reading_for (diagnosis, LC_SIGNAL_SOURCE_CAMERA, 0.87);
  g_autoptr(LcReading) unsure = reading_for (diagnosis, LC_SIGNAL_SOURCE_CAMERA, 0.3);
  g_autoptr(LcReading) eye = reading_for (diagnosis, LC_SIGNAL_SOURCE_EYE, 0.3);
  guint source_notified = 0, confidence_notified = 0, reading_notified = 0;

  g_assert_null (lc_diagnosis_get_reading (diagnosis));
  g_assert_cmpint (lc_diagnosis_get_source (diagnosis), ==, LC_SIGNAL_SOURCE_EYE);
  g_assert_cmpfloat (lc_diagnosis_get_source_confidence (diagnosis), ==, 1.0);

  g_signal_connect (diagnosis, "notify::source", G_CALLBACK (count_notify), &source_notified);
  g_signal_connect (diagnosis, "notify::source-confidence", G_CALLBACK (count_notify), &confidence_notified);
  g_signal_connect (diagnosis, "notify::reading", G_CALLBACK (count_notify), &reading_notified);

  lc_diagnosis_set_reading (diagnosis, camera);
  g_assert_true (lc_diagnosis_get_reading (diagnosis) == camera);
  g_assert_cmpint (lc_diagnosis_get_source (diagnosis), ==, LC_SIGNAL_SOURCE_CAMERA);
  g_assert_cmpfloat (lc_diagnosis_get_source_confidence (diagnosis), ==, 0.87);
  g_assert_cmpuint (source_notified, ==, 1);
  g_assert_cmpuint (confidence_notified, ==, 1);
  g_assert_cmpuint (reading_notified, ==, 1);

  /* No change, no notification. */
  lc_diagnosis_set_reading (diagnosis, camera);
  g_assert_cmpuint (reading_notified, ==, 1);
  g_assert_cmpuint (source_notified, ==, 1);

  g_assert_true (lc_diagnosis_is_source_confirmed (diagnosis));

  /* Taken before the pattern repeated: below the one rule's line, and the
   * summary says it was not confirmed instead of giving a figure.
   */
  {
    g_autofree char *summary = NULL;

    lc_diagnosis_set_reading (diagnosis, unsure);
    g_assert_false (lc_diagnosis_is_source_confirmed (diagnosis));
    g_assert_cmpuint (source_notified, ==, 1);
    g_assert_cmpuint (confidence_notified, ==, 2);
    summary = lc_support_summary_for_diagnosis (diagnosis, NULL);
    g_assert_nonnull (strstr (summary, "watched by the webcam, not confirmed"));
    g_assert_null (strstr (summary, "30 %"));
  }

  /* By eye there is no confidence figure. */
  lc_diagnosis_set_reading (diagnosis, eye);
  g_assert_true (lc_diagnosis_is_source_confirmed (diagnosis));
  g_assert_cmpfloat (lc_diagnosis_get_source_confidence (diagnosis), ==, 1.0);
  g_assert_cmpuint (source_notified, ==, 2);
  g_assert_cmpstr (lc_signal_source_to_string (LC_SIGNAL_SOURCE_VIDEO), ==, "video");

  lc_diagnosis_set_reading (diagnosis, NULL);
  g_assert_cmpint (lc_diagnosis_get_source (diagnosis), ==, LC_SIGNAL_SOURCE_EYE);
}

static double
likelihood_of (LcDiagnosis *diagnosis,
               const char  *cause_id)
{
  guint index = index_of_cause (diagnosis, cause_id);

  g_assert_cmpuint (index, !=, G_MAXUINT);

  return lc_diagnosis_cause_get_likelihood (lc_diagnosis_get_cause (diagnosis, index));
}

/* Two equally near known lights, reported at different moments: the
 * moment the person names decides; with none named they tie.
 */
static void
test_fixture_moment (void)
{
  g_autoptr(LcDiagnosis) setup = diagnose_in (fixture, "test-camera", "red:burst:6", "setup");
  g_autoptr(LcDiagnosis) recording = diagnose_in (fixture, "test-camera", "red:burst:6", "recording");
  g_autoptr(LcDiagnosis) any = diagnose_in (fixture, "test-camera", "red:burst:6", "any");

  assert_well_formed (setup);
  g_assert_cmpstr (lc_diagnosis_cause_get_id (lc_diagnosis_get_top_cause (setup)), ==, "cause-a");
  g_assert_cmpfloat (likelihood_of (setup, "cause-a"), >, 2.0 * likelihood_of (setup, "cause-b"));
  g_assert_cmpstr (lc_diagnosis_cause_get_id (lc_diagnosis_get_top_cause (recording)), ==, "cause-b");
  g_assert_cmpfloat (likelihood_of (recording, "cause-b"), >, 2.0 * likelihood_of (recording, "cause-a"));
  g_assert_cmpfloat_with_epsilon (likelihood_of (any, "cause-a"), likelihood_of (any, "cause-b"), 1e-9);
  /* A tie keeps the data's order. */
  g_assert_cmpstr (lc_diagnosis_cause_get_id (lc_diagnosis_get_top_cause (any)), ==, "cause-a");

  /* Near on both sides: the whole is the match score, not certainty. */
  g_assert_false (lc_diagnosis_matched_exactly (setup));
  g_assert_cmpfloat_with_epsilon (1.0 - lc_diagnosis_get_other_likelihood (setup),
                                  lc_diagnosis_cause_get_match_score (lc_diagnosis_get_top_cause (setup)), 1e-9);
}

/* Equally near, one from Blink's guide, one from a forum (listed first in
 * the data): Blink first.
 */
static void
test_fixture_official_first (void)
{
  g_autoptr(LcDiagnosis) diagnosis = diagnose_in (fixture, "test-camera", "green:burst:6", "any");

  assert_well_formed (diagnosis);
  g_assert_cmpstr (lc_diagnosis_cause_get_id (lc_diagnosis_get_top_cause (diagnosis)), ==, "cause-a");
  g_assert_cmpfloat (likelihood_of (diagnosis, "cause-a"), >, likelihood_of (diagnosis, "cause-b"));
  g_assert_cmpint (lc_provenance_get_kind (lc_diagnosis_cause_get_provenance (lc_diagnosis_get_top_cause (diagnosis))),
                   ==, LC_PROVENANCE_OFFICIAL);
  g_assert_cmpint (lc_provenance_get_kind (lc_diagnosis_cause_get_provenance (lc_diagnosis_get_cause (diagnosis, 1))),
                   ==, LC_PROVENANCE_COMMUNITY);
}

/* A cause weighted 0 at this moment is left out, not listed at 0 %. */
static void
test_fixture_zero_weight (void)
{
  g_autoptr(LcDiagnosis) any = diagnose_in (fixture, "test-camera", "green:solid", "any");
  g_autoptr(LcDiagnosis) recording = diagnose_in (fixture, "test-camera", "green:solid", "recording");

  g_assert_cmpuint (lc_diagnosis_get_n_causes (any), ==, 2);
  g_assert_true (lc_diagnosis_is_normal (any));
  g_assert_cmpuint (lc_diagnosis_get_n_causes (recording), ==, 1);
  g_assert_cmpstr (lc_diagnosis_cause_get_id (lc_diagnosis_get_top_cause (recording)), ==, "normal");
  g_assert_cmpfloat_with_epsilon (likelihood_of (recording, "normal"), 1.0, 1e-9);
}

/* General advice keeps the family's weights, scaled down. */
static void
test_fixture_general_advice (void)
{
  g_autoptr(LcDiagnosis) diagnosis = diagnose_in (fixture, "test-camera", "red:solid", "any");

  assert_well_formed (diagnosis);
  g_assert_false (lc_diagnosis_is_known_signal (diagnosis));
  g_assert_cmpstr (lc_diagnosis_cause_get_id (lc_diagnosis_get_top_cause (diagnosis)), ==, "cause-b");
  g_assert_cmpfloat_with_epsilon (likelihood_of (diagnosis, "cause-b") / likelihood_of (diagnosis, "cause-a"),
                                  0.6 / 0.4, 1e-9);
}

/* The object lives as long as its references, no longer. */
static void
test_lifetime (void)
{
  LcDiagnosis *diagnosis = diagnose ("outdoor-4", "red:burst:6", "any");
  LcDiagnosisCause *top = g_object_ref (lc_diagnosis_get_top_cause (diagnosis));

  g_assert_finalize_object (diagnosis);
  g_assert_cmpstr (lc_diagnosis_cause_get_id (top), ==, "low-battery");
  g_assert_finalize_object (top);
}

/* Each cause explains itself: only the light's own first cause repeats
 * the light's short meaning; the others name their own reason.
 */
static void
test_own_explanations (void)
{
  GListModel *devices = lc_knowledge_get_devices (knowledge);
  guint checked = 0;

  {
    g_autoptr(LcDiagnosis) diagnosis = diagnose ("xt2", "red:burst:6", "any");
    LcDiagnosisCause *wifi = lc_diagnosis_get_cause (diagnosis, index_of_cause (diagnosis, "weak-wifi"));
    const char *text = lc_diagnosis_cause_get_explanation (wifi);

    g_test_message ("%s", text);
    g_assert_null (strstr (text, "The batteries are low"));
    g_assert_nonnull (strstr (text, "The Wi-Fi signal is too weak"));
    g_assert_nonnull (strstr (lc_diagnosis_cause_get_explanation (lc_diagnosis_get_top_cause (diagnosis)),
                              "“The batteries are low”"));
  }

  for (guint d = 0; d < g_list_model_get_n_items (devices); d++)
    {
      g_autoptr(LcDevice) device = g_list_model_get_item (devices, d);
      GListModel *known = lc_device_get_known_signals (device);

      for (guint k = 0; k < g_list_model_get_n_items (known); k++)
        {
          g_autoptr(LcKnownSignal) signal = g_list_model_get_item (known, k);
          g_autoptr(LcDiagnosis) diagnosis = diagnose (lc_device_get_id (device),
                                                       lc_known_signal_get_signal_text (signal),
                                                       "any");
          g_autofree char *meaning = g_strdup_printf ("“%s”", lc_known_signal_get_title (signal));

          for (guint c = 0; c < lc_diagnosis_get_n_causes (diagnosis); c++)
            {
              LcDiagnosisCause *cause = lc_diagnosis_get_cause (diagnosis, c);
              LcKnownSignal *from = lc_diagnosis_cause_get_known_signal (cause);
              gboolean first;

              if (from != signal)
                continue;
              first = g_str_equal (lc_cause_ref_get_cause_id (lc_known_signal_get_cause (signal, 0)),
                                   lc_diagnosis_cause_get_id (cause));
              if (first)
                {
                  g_assert_nonnull (strstr (lc_diagnosis_cause_get_explanation (cause), meaning));
                }
              else
                {
                  g_assert_null (strstr (lc_diagnosis_cause_get_explanation (cause), meaning));
                  g_assert_nonnull (strstr (lc_diagnosis_cause_get_explanation (cause),
                                            lc_diagnosis_cause_get_title (cause)));
                }
              checked++;
            }
        }
    }

  g_assert_cmpuint (checked, >, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) fixture_dir = NULL;

  g_test_init (&argc, &argv, NULL);

  knowledge = lc_knowledge_new_from_resource (LC_KNOWLEDGE_RESOURCE_PATH, &error);
  g_assert_no_error (error);
  fixture_dir = g_file_new_build_filename (g_getenv ("LC_TEST_SRCDIR"), "core", "diagnosis-fixture", NULL);
  fixture = lc_knowledge_new_from_directory (fixture_dir, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/diagnosis/table/%02u-%s-%s-%s", i,
                                               cases[i].device, cases[i].signal,
                                               cases[i].context ? cases[i].context : "none");

      g_test_add_data_func (path, &cases[i], test_case);
    }

  g_test_add_func ("/core/diagnosis/provenance", test_provenance);
  g_test_add_func ("/core/diagnosis/article-procedures", test_article_procedures);
  g_test_add_func ("/core/diagnosis/exact-beats-near", test_exact_beats_near);
  g_test_add_func ("/core/diagnosis/near-match", test_near_match);
  g_test_add_func ("/core/diagnosis/context-shifts", test_context_shifts);
  g_test_add_func ("/core/diagnosis/unknown", test_unknown);
  g_test_add_func ("/core/diagnosis/unknown-context", test_unknown_context);
  g_test_add_func ("/core/diagnosis/every-known-signal", test_every_known_signal);
  g_test_add_func ("/core/diagnosis/source", test_source);
  g_test_add_func ("/core/diagnosis/own-explanations", test_own_explanations);
  g_test_add_func ("/core/diagnosis/lifetime", test_lifetime);
  g_test_add_func ("/core/diagnosis/fixture/moment", test_fixture_moment);
  g_test_add_func ("/core/diagnosis/fixture/official-first", test_fixture_official_first);
  g_test_add_func ("/core/diagnosis/fixture/zero-weight", test_fixture_zero_weight);
  g_test_add_func ("/core/diagnosis/fixture/general-advice", test_fixture_general_advice);

  return g_test_run ();
}
