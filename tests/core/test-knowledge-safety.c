/* test-knowledge-safety.c — rules the knowledge base must keep for safety
 * and honesty: breaker first on doorbells, Safe Eject before a USB drive
 * comes out, and every source a step cites marked on that step.
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "lc-knowledge-private.h"

static LcKnowledge *
load_shipped (GHashTable *overrides)
{
  g_autoptr(GError) error = NULL;
  LcKnowledge *knowledge;

  knowledge = _lc_knowledge_load (NULL, LC_KNOWLEDGE_RESOURCE_PATH, overrides,
                                  LC_KNOWLEDGE_LOAD_LENIENT_PICTURES, &error);
  g_assert_no_error (error);
  g_assert_nonnull (knowledge);

  return knowledge;
}

/* The shipped procedures.json with @from replaced by @to everywhere. */
static LcKnowledge *
load_tampered (const char *from,
               const char *to)
{
  g_autoptr(GHashTable) overrides = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_bytes_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  guint replaced;

  bytes = g_resources_lookup_data (LC_KNOWLEDGE_RESOURCE_PATH "/procedures.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  replaced = g_string_replace (text, from, to, 0);
  g_assert_cmpuint (replaced, >, 0);

  g_hash_table_insert (overrides, (gpointer) "procedures.json",
                       g_bytes_new (text->str, text->len));

  return load_shipped (overrides);
}

static gboolean
contains_any (const char         *text,
              const char * const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    {
      if (strstr (text, needles[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

static char *
step_words (LcStep *step)
{
  return g_utf8_strdown (lc_step_get_text (step), -1);
}

/* Words that say a step works inside a doorbell. Before the breaker is
 * off no step may use them, tagged or not, so that a new step can't slip
 * past the rule just by lacking its tag.
 */
static const char * const opening_words[] = {
  "open the doorbell", "opening key", "open it", "battery bay", "battery cover",
  "take out", "take the batteries", "batteries out", "reset button", NULL
};

/* Every procedure a doorbell can be shown switches the chime circuit off
 * (a safety step) before any step that opens the doorbell.
 */
static void
check_breaker_first (LcKnowledge *knowledge,
                     GString     *problems)
{
  GListModel *devices = lc_knowledge_get_devices (knowledge);
  GListModel *procedures = lc_knowledge_get_procedures (knowledge);

  for (guint d = 0; d < g_list_model_get_n_items (devices); d++)
    {
      g_autoptr(LcDevice) device = g_list_model_get_item (devices, d);

      if (!g_str_equal (lc_device_get_family_id (device), "doorbell"))
        continue;

      for (guint p = 0; p < g_list_model_get_n_items (procedures); p++)
        {
          g_autoptr(LcProcedure) procedure = g_list_model_get_item (procedures, p);
          gboolean breaker_off = FALSE;

          if (!lc_procedure_applies_to (procedure, device))
            continue;

          for (guint s = 0; s < lc_procedure_get_n_steps (procedure); s++)
            {
              LcStep *step = lc_procedure_get_step (procedure, s);
              g_autofree char *words = step_words (step);
              gboolean opens = lc_step_has_tag (step, LC_STEP_TAG_OPENS_DEVICE);

              if (contains_any (words, opening_words) && !breaker_off &&
                  !lc_step_has_tag (step, LC_STEP_TAG_BREAKER_OFF))
                g_string_append_printf (problems, "%s (%s) step %u works inside the doorbell before the breaker is off\n",
                                        lc_procedure_get_id (procedure), lc_device_get_id (device), s + 1);

              if (lc_step_has_tag (step, LC_STEP_TAG_BREAKER_OFF))
                {
                  if (!lc_step_is_safety (step) || strstr (words, "breaker") == NULL)
                    g_string_append_printf (problems, "%s step %u: breaker step without safety note\n",
                                            lc_procedure_get_id (procedure), s + 1);
                  breaker_off = TRUE;
                }

              if (opens && !breaker_off)
                g_string_append_printf (problems, "%s (%s) step %u opens the doorbell before the breaker is off\n",
                                        lc_procedure_get_id (procedure), lc_device_get_id (device), s + 1);
            }
        }
    }
}

static void
test_breaker_first (void)
{
  g_autoptr(LcKnowledge) knowledge = load_shipped (NULL);
  g_autoptr(GString) problems = g_string_new (NULL);

  check_breaker_first (knowledge, problems);
  if (problems->len > 0)
    g_test_fail_printf ("%s", problems->str);
}

/* The rule notices a procedure that lost its breaker step. */
static void
test_breaker_first_catches (void)
{
  g_autoptr(LcKnowledge) knowledge = load_tampered ("\"tags\": [\"breaker-off\"]", "\"tags\": []");
  g_autoptr(GString) problems = g_string_new (NULL);

  check_breaker_first (knowledge, problems);
  g_assert_nonnull (strstr (problems->str, "reset-doorbell"));
  g_assert_nonnull (strstr (problems->str, "change-batteries-doorbell"));
}

static const char * const drive_removal_words[] = { "pull", "take the drive out", "remove", "unplug", NULL };

/* Every step that takes a USB drive out names Safe Eject first. */
static void
check_safe_eject (LcKnowledge *knowledge,
                  GString     *problems)
{
  GListModel *procedures = lc_knowledge_get_procedures (knowledge);

  for (guint p = 0; p < g_list_model_get_n_items (procedures); p++)
    {
      g_autoptr(LcProcedure) procedure = g_list_model_get_item (procedures, p);

      for (guint s = 0; s < lc_procedure_get_n_steps (procedure); s++)
        {
          LcStep *step = lc_procedure_get_step (procedure, s);
          g_autofree char *words = step_words (step);
          gboolean removes = lc_step_has_tag (step, LC_STEP_TAG_REMOVES_DRIVE);

          if (strstr (words, "drive") != NULL && contains_any (words, drive_removal_words) && !removes)
            g_string_append_printf (problems, "%s step %u takes a drive out but is not tagged\n",
                                    lc_procedure_get_id (procedure), s + 1);

          if (!removes)
            continue;

          if (strstr (words, "safe eject") == NULL)
            g_string_append_printf (problems, "%s step %u removes the drive without Safe Eject\n",
                                    lc_procedure_get_id (procedure), s + 1);
          else if (strstr (words, "safe eject") > strstr (words, "pull") && strstr (words, "pull") != NULL)
            g_string_append_printf (problems, "%s step %u pulls the drive before Safe Eject\n",
                                    lc_procedure_get_id (procedure), s + 1);
        }
    }
}

static void
test_safe_eject (void)
{
  g_autoptr(LcKnowledge) knowledge = load_shipped (NULL);
  g_autoptr(GString) problems = g_string_new (NULL);
  LcProcedure *usb = lc_knowledge_lookup_procedure (knowledge, "fix-usb-storage");
  LcStep *first;

  check_safe_eject (knowledge, problems);
  if (problems->len > 0)
    g_test_fail_printf ("%s", problems->str);

  /* The drive comes out first thing, so the first step is the Safe Eject one. */
  g_assert_nonnull (usb);
  first = lc_procedure_get_step (usb, 0);
  g_assert_true (lc_step_has_tag (first, LC_STEP_TAG_REMOVES_DRIVE));
  g_assert_true (lc_step_is_safety (first));
  g_assert_nonnull (strstr (lc_step_get_text (first), "Local Storage"));
}

static void
test_safe_eject_catches (void)
{
  g_autoptr(LcKnowledge) knowledge = load_tampered ("then Safe Eject", "then Settings");
  g_autoptr(GString) problems = g_string_new (NULL);

  check_safe_eject (knowledge, problems);
  g_assert_nonnull (strstr (problems->str, "fix-usb-storage step 1"));
}


/* Sources ------------------------------------------------------------------ */

static void
collect_cited (JsonNode   *node,
               GHashTable *cited)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (object, l->data);

          if (g_str_equal (l->data, "source") && JSON_NODE_HOLDS_VALUE (member))
            g_hash_table_add (cited, g_strdup (json_node_get_string (member)));
          else
            collect_cited (member, cited);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          /* "sources": [ids] — strings inside an array are only ids there. */
          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_hash_table_add (cited, g_strdup (json_node_get_string (element)));
          else
            collect_cited (element, cited);
        }
    }
}

static JsonNode *
parse_resource (const char *name)
{
  g_autofree char *path = g_strconcat (LC_KNOWLEDGE_RESOURCE_PATH "/", name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (bytes);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* sources.json defines no source that nothing cites. */
static void
test_every_source_cited (void)
{
  static const char * const citing[] = {
    "families.json", "devices.json", "procedures.json", "causes.json", "signals.json", NULL
  };
  g_autoptr(GHashTable) cited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonNode) sources = parse_resource ("sources.json");
  JsonArray *array;

  for (guint i = 0; citing[i] != NULL; i++)
    {
      g_autoptr(JsonNode) root = parse_resource (citing[i]);

      collect_cited (root, cited);
    }

  array = json_object_get_array_member (json_node_get_object (sources), "sources");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (array, i), "id");

      if (!g_hash_table_contains (cited, id))
        g_test_fail_printf ("the source %s is defined but never cited", id);
    }
}

static gboolean
step_cites_kind (LcKnowledge      *knowledge,
                 LcProcedure      *procedure,
                 LcStep           *step,
                 LcProvenanceKind  kind)
{
  const char * const *ids = lc_step_get_source_ids (step);

  if (ids[0] == NULL)
    return lc_provenance_get_kind (lc_procedure_get_provenance (procedure)) == kind;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      LcProvenance *provenance = lc_knowledge_lookup_source (knowledge, ids[i]);

      g_assert_nonnull (provenance);
      if (lc_provenance_get_kind (provenance) == kind)
        return TRUE;
    }

  return FALSE;
}

/* Does @said attribute something to Blink's own pages ("Blink’s guide",
 * "Blink’s doorbell chart", "Blink says"), not merely name Blink's servers?
 */
static gboolean
names_blinks_word (const char *said)
{
  static const char * const kinds[] = { "guide", "page", "chart", "requirements", NULL };

  if (strstr (said, "Blink says") != NULL || strstr (said, "Blink lists") != NULL)
    return TRUE;

  for (const char *p = strstr (said, "Blink’s"); p != NULL; p = strstr (p + 1, "Blink’s"))
    {
      g_autofree char *window = g_strndup (p, 48);

      if (contains_any (window, kinds))
        return TRUE;
    }

  return FALSE;
}

/* A step that gives a time says whose time it is, and a step that names
 * who says something cites a source of that kind.
 */
static void
test_step_sources (void)
{
  g_autoptr(LcKnowledge) knowledge = load_shipped (NULL);
  GListModel *procedures = lc_knowledge_get_procedures (knowledge);

  for (guint p = 0; p < g_list_model_get_n_items (procedures); p++)
    {
      g_autoptr(LcProcedure) procedure = g_list_model_get_item (procedures, p);
      const char *id = lc_procedure_get_id (procedure);

      for (guint s = 0; s < lc_procedure_get_n_steps (procedure); s++)
        {
          LcStep *step = lc_procedure_get_step (procedure, s);
          g_autofree char *said = g_strconcat (lc_step_get_text (step), " ",
                                               lc_step_get_note (step) ? lc_step_get_note (step) : "",
                                               NULL);

          if ((lc_step_get_wait_seconds (step) > 0 || lc_step_get_hold_seconds (step) > 0) &&
              lc_step_get_source_ids (step)[0] == NULL)
            g_test_fail_printf ("%s step %u: a time without its own sources", id, s + 1);

          if (names_blinks_word (said) && strstr (said, "not something Blink") == NULL &&
              !step_cites_kind (knowledge, procedure, step, LC_PROVENANCE_OFFICIAL))
            g_test_fail_printf ("%s step %u: names Blink’s word but cites no official source", id, s + 1);

          if (strstr (said, "hird-party") != NULL &&
              !step_cites_kind (knowledge, procedure, step, LC_PROVENANCE_THIRD_PARTY))
            g_test_fail_printf ("%s step %u: names third-party guides but cites none", id, s + 1);

          if (strstr (said, "Lightcode’s advice") != NULL &&
              !step_cites_kind (knowledge, procedure, step, LC_PROVENANCE_LIGHTCODE))
            g_test_fail_printf ("%s step %u: calls itself Lightcode’s advice but cites an outside source", id, s + 1);
        }
    }
}

/* The audit's "wrong or overstated" rows stay fixed. */
static void
test_audit_rows (void)
{
  g_autoptr(LcKnowledge) knowledge = load_shipped (NULL);
  static const char * const inferred[] = { "sync-module-xr", "sync-module-core", "wired-doorbell", NULL };
  GListModel *devices = lc_knowledge_get_devices (knowledge);
  LcProcedure *procedure;
  LcKnownSignal *known;
  LcDevice *device;
  LcSignal signal;

  /* Fallbacks for models outside a chart never claim that chart. */
  for (guint i = 0; inferred[i] != NULL; i++)
    {
      device = lc_knowledge_lookup_device (knowledge, inferred[i]);
      g_assert_cmpuint (lc_device_get_n_fallback_causes (device), >, 0);
      for (guint j = 0; j < lc_device_get_n_fallback_causes (device); j++)
        {
          LcProvenance *provenance = lc_cause_ref_get_provenance (lc_device_get_fallback_cause (device, j));

          g_assert_cmpstr (lc_provenance_get_id (provenance), !=, "blink-sync-module-leds");
          g_assert_cmpstr (lc_provenance_get_id (provenance), !=, "blink-doorbell-leds");
        }
    }

  /* Undocumented lights are marked as assumed. */
  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(LcDevice) each = g_list_model_get_item (devices, i);

      g_assert_true (lc_device_lights_are_assumed (each) == !lc_device_has_official_chart (each));
      if (lc_device_lights_are_assumed (each))
        g_assert_nonnull (strstr (lc_device_get_note (each), "assumption"));
    }

  /* Battery cameras, steady red: the repair site's claim isn't the headline. */
  g_assert_true (lc_signal_parse ("red:solid", &signal, NULL));
  known = lc_device_lookup_known_signal (lc_knowledge_lookup_device (knowledge, "outdoor-4"), &signal);
  g_assert_cmpint (lc_provenance_get_kind (lc_known_signal_get_provenance (known)), ==, LC_PROVENANCE_LIGHTCODE);
  g_assert_cmpstr (lc_cause_ref_get_cause_id (lc_known_signal_get_cause (known, 0)), ==, "offline");
  for (guint i = 0; i < lc_known_signal_get_n_causes (known); i++)
    {
      const LcCauseRef *ref = lc_known_signal_get_cause (known, i);

      if (g_str_equal (lc_cause_ref_get_cause_id (ref), "firmware-update"))
        g_assert_cmpint (lc_provenance_get_kind (lc_cause_ref_get_provenance (ref)), ==, LC_PROVENANCE_THIRD_PARTY);
    }

  /* Battery cameras, flashing blue: one owner's post is no meaning. */
  g_assert_true (lc_signal_parse ("blue:blink", &signal, NULL));
  known = lc_device_lookup_known_signal (lc_knowledge_lookup_device (knowledge, "xt2"), &signal);
  g_assert_cmpint (lc_provenance_get_kind (lc_known_signal_get_provenance (known)), ==, LC_PROVENANCE_LIGHTCODE);
  g_assert_null (strstr (lc_known_signal_get_explanation (known), "red"));

  /* Both reset procedures hold the same way and say what a reset erases. */
  procedure = lc_knowledge_lookup_procedure (knowledge, "reset-mini");
  g_assert_cmpuint (lc_step_get_hold_seconds (lc_procedure_get_step (procedure, 1)), ==, 30);
  g_assert_nonnull (strstr (lc_step_get_note (lc_procedure_get_step (procedure, 1)), "erases"));
  procedure = lc_knowledge_lookup_procedure (knowledge, "reset-camera");
  g_assert_cmpuint (lc_step_get_hold_seconds (lc_procedure_get_step (procedure, 1)), ==, 30);
  g_assert_nonnull (strstr (lc_step_get_note (lc_procedure_get_step (procedure, 1)), "erases"));

  /* Network requirements: the separate 2.4 GHz name is advice, not Blink's. */
  procedure = lc_knowledge_lookup_procedure (knowledge, "check-network-requirements");
  for (guint i = 0; i < lc_procedure_get_n_steps (procedure); i++)
    {
      LcStep *step = lc_procedure_get_step (procedure, i);

      if (strstr (lc_step_get_text (step), "name of its own") != NULL)
        g_assert_cmpstr (lc_step_get_source_ids (step)[0], ==, "lightcode");
      else
        g_assert_cmpstr (lc_step_get_source_ids (step)[0], ==, "blink-requirements");
    }

  /* Timings Blink's Sync Module chart doesn't give aren't put on it. */
  g_assert_cmpint (lc_provenance_get_kind (lc_procedure_get_provenance (
                     lc_knowledge_lookup_procedure (knowledge, "wait-for-start-up"))), ==, LC_PROVENANCE_LIGHTCODE);
  g_assert_cmpint (lc_provenance_get_kind (lc_procedure_get_provenance (
                     lc_knowledge_lookup_procedure (knowledge, "finish-setup"))), ==, LC_PROVENANCE_LIGHTCODE);

  /* Cameras without batteries aren't sent into a battery bay, and nobody
   * is told to open a mains-wired floodlight. */
  procedure = lc_knowledge_lookup_procedure (knowledge, "inspect-camera");
  g_assert_false (lc_procedure_applies_to (procedure, lc_knowledge_lookup_device (knowledge, "mini")));
  g_assert_false (lc_procedure_applies_to (procedure, lc_knowledge_lookup_device (knowledge, "floodlight")));
  procedure = lc_knowledge_lookup_procedure (knowledge, "inspect-plug-in");
  g_assert_true (lc_procedure_applies_to (procedure, lc_knowledge_lookup_device (knowledge, "floodlight")));
  g_assert_true (lc_step_is_safety (lc_procedure_get_step (procedure, 1)));

  /* XR microSD speed: megabits, as Blink writes it. */
  device = lc_knowledge_lookup_device (knowledge, "sync-module-xr");
  g_assert_nonnull (strstr (lc_device_get_note (device), "10 Mbit/s"));
  g_assert_null (strstr (lc_device_get_note (device), "MB/s"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/knowledge/safety/breaker-first", test_breaker_first);
  g_test_add_func ("/core/knowledge/safety/breaker-first-catches", test_breaker_first_catches);
  g_test_add_func ("/core/knowledge/safety/safe-eject", test_safe_eject);
  g_test_add_func ("/core/knowledge/safety/safe-eject-catches", test_safe_eject_catches);

  g_test_add_func ("/core/knowledge/sources/every-source-cited", test_every_source_cited);
  g_test_add_func ("/core/knowledge/sources/step-sources", test_step_sources);
  g_test_add_func ("/core/knowledge/sources/audit-rows", test_audit_rows);

  return g_test_run ();
}
