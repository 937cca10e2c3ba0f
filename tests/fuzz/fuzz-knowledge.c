/* fuzz-knowledge.c — libFuzzer harness for the knowledge base loader
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input replaces devices.json (or the file named by LC_FUZZ_FILE) of
 * the shipped knowledge base; the other files come from the GResource. The
 * loader must either succeed or fail with a LC_KNOWLEDGE_ERROR whose message
 * starts with the file name, and never crash, leak or log a warning.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "lc-knowledge-private.h"

int LLVMFuzzerInitialize    (int            *argc,
                             char         ***argv);
int LLVMFuzzerTestOneInput  (const uint8_t  *data,
                             size_t          size);

static const char *file_name = "devices.json";

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *name = g_getenv ("LC_FUZZ_FILE");

  if (name != NULL && *name != '\0')
    file_name = name;

  /* A critical or warning is a bug the fuzzer should report as a crash. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

/* Every message starts with "<file>: ". */
static gboolean
names_a_file (const char *message)
{
  static const char * const names[] = {
    "contexts.json: ", "sources.json: ", "families.json: ", "devices.json: ",
    "procedures.json: ", "causes.json: ", "signals.json: ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_str_has_prefix (message, names[i]))
        return TRUE;
    }

  return FALSE;
}

static void
walk (LcKnowledge *knowledge)
{
  GListModel *devices = lc_knowledge_get_devices (knowledge);

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(LcDevice) device = g_list_model_get_item (devices, i);
      GListModel *signals = lc_device_get_known_signals (device);
      guint n_lights;

      lc_device_get_lights (device, &n_lights);
      if (n_lights == 0 || lc_device_get_note (device) == NULL)
        abort ();

      for (guint j = 0; j < g_list_model_get_n_items (signals); j++)
        {
          g_autoptr(LcKnownSignal) known = g_list_model_get_item (signals, j);

          if (!lc_device_map_signal (device, lc_known_signal_get_signal (known), NULL))
            abort ();

          for (guint k = 0; k < lc_known_signal_get_n_causes (known); k++)
            {
              const LcCauseRef *ref = lc_known_signal_get_cause (known, k);
              LcCause *cause = lc_knowledge_lookup_cause (knowledge, lc_cause_ref_get_cause_id (ref));
              g_autoptr(GListModel) fixes = NULL;

              if (cause == NULL)
                abort ();

              fixes = lc_knowledge_list_procedures_for_cause (knowledge, cause, device);
            }
        }

      for (guint j = 0; j < lc_device_get_n_fallback_causes (device); j++)
        {
          const LcCauseRef *ref = lc_device_get_fallback_cause (device, j);

          if (lc_knowledge_lookup_cause (knowledge, lc_cause_ref_get_cause_id (ref)) == NULL)
            abort ();
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GHashTable) overrides = NULL;
  g_autoptr(LcKnowledge) knowledge = NULL;
  g_autoptr(GError) error = NULL;

  overrides = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_bytes_unref);
  g_hash_table_insert (overrides, (gpointer) file_name, g_bytes_new (data, size));

  knowledge = _lc_knowledge_load (NULL, LC_KNOWLEDGE_RESOURCE_PATH, overrides,
                                  LC_KNOWLEDGE_LOAD_STRICT, &error);

  if (knowledge == NULL)
    {
      if (error == NULL || error->domain != LC_KNOWLEDGE_ERROR ||
          !g_utf8_validate (error->message, -1, NULL) ||
          !names_a_file (error->message))
        {
          g_printerr ("Unexpected error: %s\n", error != NULL ? error->message : "(none)");
          abort ();
        }
      return 0;
    }

  if (error != NULL)
    abort ();

  walk (knowledge);

  return 0;
}
