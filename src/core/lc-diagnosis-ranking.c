/* lc-diagnosis-ranking.c — which causes a light may have, and how likely each is
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-diagnosis.h"
#include "lc-diagnosis-private.h"

/* lc_signal_match() promises >= 0.5 for a plausible match. */
#define MATCH_PLAUSIBLE        0.5
/* Matches this far below the best one are "near" and count little, so an
 * exact match always decides, and among near ones the closest decides.
 */
#define MATCH_TIER_EPSILON     0.005
#define NEAR_DISCOUNT          0.15
/* How much of the whole a guess from the family's general advice gets. */
#define GENERAL_ADVICE_CONFIDENCE 0.4
/* A known signal reported at other moments than the one given. */
#define CONTEXT_FIT_SAME       1.0
#define CONTEXT_FIT_UNSAID     0.8 /* the person said "any": the moment is unknown */
#define CONTEXT_FIT_ANYTIME    0.7 /* the signal is tied to no moment */
#define CONTEXT_FIT_OTHER      0.3

typedef struct
{
  LcKnownSignal *known_signal;
  double         score;
  LcMatchFlags   flags;
} Match;

static double
context_fit (LcKnownSignal *known_signal,
             const char    *context_id)
{
  if (lc_known_signal_has_context (known_signal, context_id))
    return CONTEXT_FIT_SAME;

  if (g_str_equal (context_id, "any"))
    return CONTEXT_FIT_UNSAID;

  if (lc_known_signal_has_context (known_signal, "any"))
    return CONTEXT_FIT_ANYTIME;

  return CONTEXT_FIT_OTHER;
}

/* Between known signals, Blink's own word counts a little more. Within one
 * known signal the data's weights alone decide.
 */
static double
provenance_factor (LcProvenance *provenance)
{
  switch (lc_provenance_get_kind (provenance))
    {
    case LC_PROVENANCE_OFFICIAL:
      return 1.0;
    case LC_PROVENANCE_ARTICLE:
      return 0.9;
    case LC_PROVENANCE_COMMUNITY:
      return 0.75;
    case LC_PROVENANCE_THIRD_PARTY:
      return 0.7;
    case LC_PROVENANCE_LIGHTCODE:
    default:
      return 0.7;
    }
}

static void
offer_candidate (GHashTable       *by_id,
                 GPtrArray        *candidates,
                 LcKnowledge      *knowledge,
                 const LcCauseRef *ref,
                 LcKnownSignal    *known_signal,
                 double            match_score,
                 LcMatchFlags      match_flags,
                 double            score)
{
  const char *cause_id = lc_cause_ref_get_cause_id (ref);
  LcCandidate *candidate;
  LcCause *cause;

  if (score <= 0.0)
    return;

  cause = lc_knowledge_lookup_cause (knowledge, cause_id);
  if (cause == NULL)
    {
      /* The knowledge test makes this impossible for shipped data. */
      g_debug ("Unknown cause “%s” ignored", cause_id);
      return;
    }

  candidate = g_hash_table_lookup (by_id, cause_id);
  if (candidate == NULL)
    {
      candidate = g_new0 (LcCandidate, 1);
      candidate->order = candidates->len;
      g_ptr_array_add (candidates, candidate);
      g_hash_table_insert (by_id, (gpointer) cause_id, candidate);
    }
  else if (candidate->score >= score)
    {
      return;
    }

  candidate->cause = cause;
  candidate->ref = ref;
  candidate->known_signal = known_signal;
  candidate->match_score = match_score;
  candidate->match_flags = match_flags;
  candidate->score = score;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const LcCandidate *ca = *(const LcCandidate * const *) a;
  const LcCandidate *cb = *(const LcCandidate * const *) b;

  if (ca->score > cb->score)
    return -1;
  if (ca->score < cb->score)
    return 1;

  return (int) ca->order - (int) cb->order;
}

static int
compare_likelihoods (gconstpointer a,
                     gconstpointer b)
{
  const LcCandidate *ca = *(const LcCandidate * const *) a;
  const LcCandidate *cb = *(const LcCandidate * const *) b;

  if (ca->likelihood > cb->likelihood)
    return -1;
  if (ca->likelihood < cb->likelihood)
    return 1;

  return compare_candidates (a, b);
}

/* The most a cause may claim, by the strength of the source behind it: a
 * single blog post or Lightcode's own guess never reads as "very likely".
 */
static double
source_cap (LcProvenance *provenance)
{
  switch (lc_provenance_get_kind (provenance))
    {
    case LC_PROVENANCE_OFFICIAL:
      return 1.0;
    case LC_PROVENANCE_ARTICLE:
      return 0.75;
    case LC_PROVENANCE_LIGHTCODE:
      return 0.6;
    case LC_PROVENANCE_COMMUNITY:
      return 0.5;
    case LC_PROVENANCE_THIRD_PARTY:
    default:
      return 0.45;
    }
}

/* The device's known signals close enough to the one seen; returns the
 * best match's score.
 */
static double
collect_matches (LcDiagnosis *self,
                 GArray      *matches)
{
  GListModel *known_signals = lc_device_get_known_signals (lc_diagnosis_get_device (self));
  guint n_known = g_list_model_get_n_items (known_signals);
  double best = 0.0;

  for (guint i = 0; i < n_known; i++)
    {
      g_autoptr(LcKnownSignal) known = g_list_model_get_item (known_signals, i);
      Match match = { known, 0.0, LC_MATCH_EXACT };

      match.score = lc_signal_match (lc_diagnosis_get_signal (self), lc_known_signal_get_signal (known), &match.flags);
      if (match.score < MATCH_PLAUSIBLE)
        continue;

      best = MAX (best, match.score);
      g_array_append_val (matches, match);
    }

  return best;
}

/* Offers the causes of every match, weighted by how well it matches, the
 * moment and its source; returns the match the reading is taken as.
 */
static Match *
offer_matched_causes (LcDiagnosis *self,
                      GArray      *matches,
                      double       best,
                      GHashTable  *by_id,
                      GPtrArray   *candidates)
{
  const char *context_id = lc_diagnosis_get_context_id (self);
  Match *top = NULL;

  for (guint i = 0; i < matches->len; i++)
    {
      Match *match = &g_array_index (matches, Match, i);
      gboolean best_tier = match->score >= best - MATCH_TIER_EPSILON;
      double signal_weight;
      guint n_refs;

      signal_weight = match->score
                    * (best_tier ? 1.0 : NEAR_DISCOUNT)
                    * context_fit (match->known_signal, context_id)
                    * provenance_factor (lc_known_signal_get_provenance (match->known_signal));

      if (best_tier && (top == NULL ||
                        context_fit (match->known_signal, context_id) >
                        context_fit (top->known_signal, context_id)))
        top = match;

      n_refs = lc_known_signal_get_n_causes (match->known_signal);
      for (guint r = 0; r < n_refs; r++)
        {
          const LcCauseRef *ref = lc_known_signal_get_cause (match->known_signal, r);

          offer_candidate (by_id, candidates, lc_diagnosis_get_knowledge (self), ref,
                           match->known_signal, match->score, match->flags,
                           signal_weight * lc_cause_ref_get_weight (ref, context_id));
        }
    }

  return top;
}

/* Shares of @confidence, each capped by its source's strength, best first. */
static void
share_out (GPtrArray *candidates,
           double     confidence)
{
  double total = 0.0;

  g_ptr_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len; i++)
    total += ((LcCandidate *) g_ptr_array_index (candidates, i))->score;

  /* Cap each share by its source's strength, then rank by what is left. */
  for (guint i = 0; i < candidates->len; i++)
    {
      LcCandidate *candidate = g_ptr_array_index (candidates, i);
      double cap = source_cap (lc_cause_ref_get_provenance (candidate->ref));

      candidate->likelihood = candidate->score / total * confidence;
      candidate->capped = candidate->likelihood > cap;
      if (candidate->capped)
        candidate->likelihood = cap;
    }
  g_ptr_array_sort (candidates, compare_likelihoods);
}

GPtrArray *
_lc_diagnosis_rank_candidates (LcDiagnosis    *self,
                               LcKnownSignal **out_known_signal,
                               gboolean       *out_matched_exactly)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  double best = collect_matches (self, matches);
  double confidence;

  *out_known_signal = NULL;
  *out_matched_exactly = FALSE;

  if (matches->len > 0)
    {
      Match *top = offer_matched_causes (self, matches, best, by_id, candidates);

      g_assert (top != NULL);
      *out_known_signal = top->known_signal;
      *out_matched_exactly = best >= 1.0;
      confidence = best;
    }
  else
    {
      LcDevice *device = lc_diagnosis_get_device (self);
      guint n_refs = lc_device_get_n_fallback_causes (device);

      for (guint r = 0; r < n_refs; r++)
        {
          const LcCauseRef *ref = lc_device_get_fallback_cause (device, r);

          offer_candidate (by_id, candidates, lc_diagnosis_get_knowledge (self), ref, NULL, 0.0, LC_MATCH_EXACT,
                           lc_cause_ref_get_weight (ref, lc_diagnosis_get_context_id (self)));
        }

      confidence = GENERAL_ADVICE_CONFIDENCE;
    }

  share_out (candidates, confidence);

  return g_steal_pointer (&candidates);
}
