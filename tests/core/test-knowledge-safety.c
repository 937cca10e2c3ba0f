/* test-knowledge-safety.c — rules the knowledge base must keep for safety
 * and honesty: breaker first on doorbells, Safe Eject before a USB drive
 * comes out, and every source a step cites marked on that step.
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
    g_error ("%s", problems->str);
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
    g_error ("%s", problems->str);

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/knowledge/safety/breaker-first", test_breaker_first);
  g_test_add_func ("/knowledge/safety/breaker-first-catches", test_breaker_first_catches);
  g_test_add_func ("/knowledge/safety/safe-eject", test_safe_eject);
  g_test_add_func ("/knowledge/safety/safe-eject-catches", test_safe_eject_catches);

  return g_test_run ();
}
