/* lc-fix-plan.c — the order a fix session tries the fixes in
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-fix-session-private.h"

void
_lc_fix_plan_entry_free (LcFixPlanEntry *entry)
{
  g_clear_object (&entry->cause);
  g_clear_object (&entry->procedure);
  g_free (entry);
}

/* Round by round: every cause's first fix, then every cause's second
 * one, … so a "no" moves on to the next likely cause before going
 * deeper into one.
 */
static void
add_rounds (GPtrArray    *plan,
            LcDiagnosis  *diagnosis,
            LcProcedure **support)
{
  g_autoptr(GHashTable) planned = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_causes = lc_diagnosis_get_n_causes (diagnosis);
  gboolean added = TRUE;

  for (guint round = 0; added; round++)
    {
      added = FALSE;

      for (guint c = 0; c < n_causes; c++)
        {
          LcDiagnosisCause *cause = lc_diagnosis_get_cause (diagnosis, c);
          GListModel *procedures = lc_diagnosis_cause_get_procedures (cause);
          g_autoptr(LcProcedure) procedure = NULL;
          LcFixPlanEntry *entry;
          const char *id;

          if (round >= g_list_model_get_n_items (procedures))
            continue;

          added = TRUE;
          procedure = g_list_model_get_item (procedures, round);
          id = lc_procedure_get_id (procedure);

          if (g_str_equal (id, LC_SUPPORT_PROCEDURE_ID))
            {
              g_set_object (support, procedure);
              continue;
            }
          if (g_hash_table_contains (planned, id))
            continue;
          g_hash_table_add (planned, (gpointer) id);

          entry = g_new0 (LcFixPlanEntry, 1);
          entry->cause = g_object_ref (cause);
          entry->procedure = g_steal_pointer (&procedure);
          g_ptr_array_add (plan, entry);
        }
    }
}

/* A fix that may wipe the device is the last resort: after every other
 * fix, whatever its cause's rank (stable, so the order otherwise holds).
 */
static void
move_erasing_fixes_last (GPtrArray *plan)
{
  for (guint i = 0, n = plan->len, moved = 0; i + moved < n; )
    {
      LcFixPlanEntry *entry = g_ptr_array_index (plan, i);

      if (lc_fix_session_procedure_erases (entry->procedure))
        {
          g_ptr_array_add (plan, g_ptr_array_steal_index (plan, i));
          moved++;
        }
      else
        {
          i++;
        }
    }
}

static void
update_first_for_cause (GPtrArray *plan)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < plan->len; i++)
    {
      LcFixPlanEntry *entry = g_ptr_array_index (plan, i);

      entry->first_for_cause = !g_hash_table_contains (seen, entry->cause);
      g_hash_table_add (seen, entry->cause);
    }
}

void
_lc_fix_plan_build (GPtrArray    *plan,
                    LcDiagnosis  *diagnosis,
                    LcProcedure **out_support)
{
  g_autoptr(LcProcedure) support = NULL;

  add_rounds (plan, diagnosis, &support);

  if (support == NULL)
    {
      LcProcedure *known = lc_knowledge_lookup_procedure (lc_diagnosis_get_knowledge (diagnosis),
                                                          LC_SUPPORT_PROCEDURE_ID);

      if (known != NULL)
        support = g_object_ref (known);
    }

  move_erasing_fixes_last (plan);
  update_first_for_cause (plan);

  *out_support = g_steal_pointer (&support);
}

/* The cause's first fix that is a real step-by-step one (not "contact
 * support"), or NULL.
 */
static LcProcedure *
first_fix_of (LcDiagnosisCause *cause)
{
  GListModel *procedures = lc_diagnosis_cause_get_procedures (cause);

  for (guint i = 0; i < g_list_model_get_n_items (procedures); i++)
    {
      g_autoptr(LcProcedure) procedure = g_list_model_get_item (procedures, i);

      if (!g_str_equal (lc_procedure_get_id (procedure), LC_SUPPORT_PROCEDURE_ID))
        return procedure; /* the list holds a reference */
    }

  return NULL;
}

LcFixPlanEntry *
_lc_fix_plan_put_first (GPtrArray        *plan,
                        LcDiagnosisCause *cause)
{
  LcProcedure *first = first_fix_of (cause);

  /* The entry is found by procedure, not by cause: when the cause
   * already leads, its first fix is already first (a later entry for it
   * would be its second fix, and the same cause would come back right
   * after a "no"); when an earlier cause shares that fix, the entry is
   * taken over by this cause.
   */
  for (guint i = 0; first != NULL && i < plan->len; i++)
    {
      LcFixPlanEntry *entry = g_ptr_array_index (plan, i);

      if (entry->procedure != first)
        continue;
      if (i == 0 && entry->cause == cause)
        return NULL;

      g_set_object (&entry->cause, cause);
      g_ptr_array_insert (plan, 0, g_ptr_array_steal_index (plan, i));
      update_first_for_cause (plan);

      return entry;
    }

  return NULL;
}

gboolean
lc_fix_session_procedure_erases (LcProcedure *procedure)
{
  g_return_val_if_fail (LC_IS_PROCEDURE (procedure), FALSE);

  for (guint i = 0; i < lc_procedure_get_n_steps (procedure); i++)
    {
      if (lc_step_get_hold_seconds (lc_procedure_get_step (procedure, i)) >= LC_FACTORY_RESET_HOLD_SECONDS)
        return TRUE;
    }

  return FALSE;
}
