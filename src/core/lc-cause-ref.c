/* lc-cause-ref.c — a weighted pointer from a signal (or a family) to a cause
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-knowledge-private.h"

struct _LcCauseRef
{
  char         *cause_id;
  double        weight;
  LcProvenance *provenance;
  GHashTable   *context_weights; /* context id → double*; NULL when none */
};

LcCauseRef *
_lc_cause_ref_new (const char   *cause_id,
                   double        weight,
                   LcProvenance *provenance)
{
  LcCauseRef *ref;

  g_assert (cause_id != NULL);
  g_assert (LC_IS_PROVENANCE (provenance));

  ref = g_new0 (LcCauseRef, 1);
  ref->cause_id = g_strdup (cause_id);
  ref->weight = weight;
  ref->provenance = g_object_ref (provenance);

  return ref;
}

void
_lc_cause_ref_set_context_weight (LcCauseRef *ref,
                                  const char *context_id,
                                  double      weight)
{
  double *value;

  g_assert (ref != NULL);
  g_assert (context_id != NULL);

  if (ref->context_weights == NULL)
    ref->context_weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  value = g_new (double, 1);
  *value = weight;
  g_hash_table_replace (ref->context_weights, g_strdup (context_id), value);
}

void
_lc_cause_ref_free (LcCauseRef *ref)
{
  if (ref == NULL)
    return;

  g_clear_pointer (&ref->cause_id, g_free);
  g_clear_pointer (&ref->context_weights, g_hash_table_unref);
  g_clear_object (&ref->provenance);
  g_free (ref);
}

static int
compare_by_weight (gconstpointer a,
                   gconstpointer b)
{
  const LcCauseRef *ref_a = *(const LcCauseRef * const *) a;
  const LcCauseRef *ref_b = *(const LcCauseRef * const *) b;

  if (ref_a->weight > ref_b->weight)
    return -1;
  if (ref_a->weight < ref_b->weight)
    return 1;
  return 0;
}

void
_lc_cause_refs_sort (GPtrArray *refs)
{
  /* g_ptr_array_sort is a stable merge sort: equal weights keep file order. */
  g_ptr_array_sort (refs, compare_by_weight);
}

const char *
lc_cause_ref_get_cause_id (const LcCauseRef *ref)
{
  g_return_val_if_fail (ref != NULL, NULL);

  return ref->cause_id;
}

double
lc_cause_ref_get_weight (const LcCauseRef *ref,
                         const char       *context_id)
{
  const double *value;

  g_return_val_if_fail (ref != NULL, 0.0);

  if (context_id == NULL || ref->context_weights == NULL)
    return ref->weight;

  value = g_hash_table_lookup (ref->context_weights, context_id);

  return value != NULL ? *value : ref->weight;
}

gboolean
lc_cause_ref_has_context_weight (const LcCauseRef *ref,
                                 const char       *context_id)
{
  g_return_val_if_fail (ref != NULL, FALSE);

  return context_id != NULL &&
         ref->context_weights != NULL &&
         g_hash_table_contains (ref->context_weights, context_id);
}

LcProvenance *
lc_cause_ref_get_provenance (const LcCauseRef *ref)
{
  g_return_val_if_fail (ref != NULL, NULL);

  return ref->provenance;
}
