/* lc-diagnosis.c — what a light most likely means, ranked
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

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

struct _LcDiagnosis
{
  GObject         parent_instance;

  LcKnowledge    *knowledge;
  LcDevice       *device;
  LcSignal        signal;
  char           *signal_text;
  char           *context_id;

  GListStore     *causes;
  GPtrArray      *cause_array;    /* the same items, for borrowed access */
  LcKnownSignal  *known_signal;
  double          other_likelihood;
  gboolean        matched_exactly;

  LcReading      *reading;        /* NULL: by eye */
};

G_DEFINE_FINAL_TYPE (LcDiagnosis, lc_diagnosis, G_TYPE_OBJECT)

G_DEFINE_QUARK (lc-diagnosis-error-quark, lc_diagnosis_error)

enum {
  PROP_0,
  PROP_KNOWLEDGE,
  PROP_DEVICE,
  PROP_SIGNAL,
  PROP_SIGNAL_TEXT,
  PROP_CONTEXT_ID,
  PROP_CAUSES,
  PROP_TOP_CAUSE,
  PROP_OTHER_LIKELIHOOD,
  PROP_IS_NORMAL,
  PROP_IS_KNOWN_SIGNAL,
  PROP_MATCHED_EXACTLY,
  PROP_KNOWN_SIGNAL,
  PROP_SOURCES_DISAGREE,
  PROP_DISAGREEMENT_NOTE,
  PROP_READING,
  PROP_SOURCE,
  PROP_SOURCE_CONFIDENCE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

const char *
lc_likelihood_to_words (double likelihood)
{
  if (likelihood >= 0.7)
    return C_("likelihood", "very likely");
  if (likelihood >= 0.4)
    return C_("likelihood", "likely");
  if (likelihood >= 0.15)
    return C_("likelihood", "possible");
  return C_("likelihood", "unlikely");
}

int
lc_likelihood_to_percent (double likelihood)
{
  return (int) lround (CLAMP (likelihood, 0.0, 1.0) * 100.0);
}

/* Ranking */

typedef struct
{
  LcCause          *cause;        /* owned by the knowledge base */
  const LcCauseRef *ref;
  LcKnownSignal    *known_signal; /* NULL: general advice */
  double            match_score;
  LcMatchFlags      match_flags;
  double            score;
  double            likelihood;   /* share of the confidence, capped by source */
  gboolean          capped;
  guint             order;        /* first seen, to keep ties stable */
} Candidate;

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
  Candidate *candidate;
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
      candidate = g_new0 (Candidate, 1);
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
  const Candidate *ca = *(const Candidate * const *) a;
  const Candidate *cb = *(const Candidate * const *) b;

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
  const Candidate *ca = *(const Candidate * const *) a;
  const Candidate *cb = *(const Candidate * const *) b;

  if (ca->likelihood > cb->likelihood)
    return -1;
  if (ca->likelihood < cb->likelihood)
    return 1;

  return compare_candidates (a, b);
}

static const LcLight *
first_burst_light (const LcSignal *signal)
{
  for (guint i = 0; i < MIN (signal->n_lights, LC_SIGNAL_MAX_LIGHTS); i++)
    {
      if (signal->lights[i].kind == LC_KIND_BURST)
        return &signal->lights[i];
    }

  return NULL;
}

/* @first + " " + @second; frees @first. */
static char *
concat_sentence (char       *first,
                  const char *second)
{
  char *joined = g_strconcat (first, " ", second, NULL);

  g_free (first);

  return joined;
}

static void
append_sentence (GString    *text,
                 const char *sentence)
{
  if (sentence == NULL || sentence[0] == '\0')
    return;

  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
}

/* Who says what the light means, worded by how sure that source can be:
 * Blink's chart, common advice, a single report, or Lightcode's reasoning.
 */
static char *
describe_meaning (LcKnownSignal *known,
                  const char    *device_name)
{
  const char *title = lc_known_signal_get_title (known);

  switch (lc_provenance_get_kind (lc_known_signal_get_provenance (known)))
    {
    case LC_PROVENANCE_OFFICIAL:
      /* Translators: a device name, then the short meaning of the light */
      return g_strdup_printf (_("Blink says this light on the %s means “%s”."), device_name, title);
    case LC_PROVENANCE_ARTICLE:
      /* Translators: a device name, then the short meaning of the light */
      return g_strdup_printf (_("Owners and guides commonly report that on the %s this light means “%s”."),
                              device_name, title);
    case LC_PROVENANCE_COMMUNITY:
      /* Translators: a device name, then the short meaning of the light */
      return g_strdup_printf (_("Another owner reported that on the %s this light can mean “%s”."),
                              device_name, title);
    case LC_PROVENANCE_THIRD_PARTY:
      /* Translators: a device name, then the short meaning of the light */
      return g_strdup_printf (_("Third-party repair guides say that on the %s this light can mean “%s”."),
                              device_name, title);
    case LC_PROVENANCE_LIGHTCODE:
    default:
      /* Translators: a device name, then the short meaning of the light */
      return g_strdup_printf (_("A likely explanation for this light on the %s is “%s”."), device_name, title);
    }
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

static char *
describe_cap (LcProvenance *provenance,
              double        cap)
{
  int percent = lc_likelihood_to_percent (cap);

  switch (lc_provenance_get_kind (provenance))
    {
    case LC_PROVENANCE_ARTICLE:
      /* Translators: %d is a percentage; "%%" is the percent sign */
      return g_strdup_printf (_("This rests on common troubleshooting advice, not on Blink’s own guide, so Lightcode rates it at most %d %%."), percent);
    case LC_PROVENANCE_COMMUNITY:
      /* Translators: %d is a percentage; "%%" is the percent sign */
      return g_strdup_printf (_("This rests on one owner’s report, so Lightcode rates it at most %d %%."), percent);
    case LC_PROVENANCE_THIRD_PARTY:
      /* Translators: %d is a percentage; "%%" is the percent sign */
      return g_strdup_printf (_("This rests only on third-party repair guides, so Lightcode rates it at most %d %%."), percent);
    case LC_PROVENANCE_LIGHTCODE:
      /* Translators: %d is a percentage; "%%" is the percent sign */
      return g_strdup_printf (_("This is Lightcode’s own reasoning, not a published fact, so Lightcode rates it at most %d %%."), percent);
    case LC_PROVENANCE_OFFICIAL:
    default:
      return NULL;
    }
}

/* Why this cause: what matched, how closely, and what the moment does to
 * it. Sentences are whole translatable units; only names are inserted.
 */
/* How what was seen differs from the known light, in sentences. */
static void
explain_differences (LcDiagnosis     *self,
                     const Candidate *candidate,
                     GString         *text)
{
  LcKnownSignal *known = candidate->known_signal;
  LcMatchFlags flags = candidate->match_flags;

  if (flags & LC_MATCH_COUNT_OFF)
    {
      const LcLight *seen_light = first_burst_light (&self->signal);
      const LcLight *listed = first_burst_light (lc_known_signal_get_signal (known));

      if (seen_light != NULL && listed != NULL)
        {
          g_autofree char *count = NULL;

          /* Translators: two numbers of blinks: what was counted, what is listed */
          count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "You counted %u blink and the known light has %u; it is easy to miss or add one when counting.",
                                                "You counted %u blinks and the known light has %u; it is easy to miss or add one when counting.",
                                                seen_light->count),
                                   seen_light->count, listed->count);
          append_sentence (text, count);
        }
    }
  if (flags & LC_MATCH_COLOR_CONFUSED)
    append_sentence (text, _("The color differs a little, and colors like red and amber are easy to mix up, in a camera picture too."));
  if (flags & LC_MATCH_KIND_CONFUSED)
    append_sentence (text, _("The pattern differs a little: short bursts of blinks and steady blinking are easy to confuse."));
  if (flags & LC_MATCH_RATE_DIFFERS)
    append_sentence (text, _("The blinking speed differs from the known light, but speed is hard to judge by eye."));
  if (flags & LC_MATCH_LIGHT_MISSING)
    append_sentence (text, _("The known light has one more lamp lit than you saw; a dim one is easy to miss."));
}

/* What the moment it happened says of this reason; NULL: nothing. */
static char *
describe_moment (LcDiagnosis     *self,
                 const Candidate *candidate,
                 const char      *context_label)
{
  LcKnownSignal *known = candidate->known_signal;
  double base = lc_cause_ref_get_weight (candidate->ref, NULL);
  double here = lc_cause_ref_get_weight (candidate->ref, self->context_id);

  if (here > base + 1e-6)
    /* Translators: %s is a moment, e.g. “While recording” */
    return g_strdup_printf (_("Because it happened at this moment (“%s”), this reason is more likely than usual."),
                            context_label);
  if (here < base - 1e-6)
    /* Translators: %s is a moment, e.g. “While recording” */
    return g_strdup_printf (_("At this moment (“%s”), this reason is less likely than usual."),
                            context_label);
  if (lc_known_signal_has_context (known, self->context_id))
    /* Translators: %s is a moment, e.g. “While recording” */
    return g_strdup_printf (_("This light is reported at just this moment (“%s”), which fits."),
                            context_label);
  if (!lc_known_signal_has_context (known, "any"))
    /* Translators: %s is a moment, e.g. “While recording” */
    return g_strdup_printf (_("This meaning is reported for other moments than “%s”, so it fits less well."),
                            context_label);

  return NULL;
}

/* A reason from a known light: how close the light is, what it means on
 * this device, how it differs, and what the moment says.
 */
static void
explain_known_light (LcDiagnosis     *self,
                     const Candidate *candidate,
                     const char      *context_label,
                     GString         *text)
{
  LcKnownSignal *known = candidate->known_signal;
  const char *device_name = lc_device_get_name (self->device);
  g_autofree char *meaning = NULL;
  /* The light's short meaning belongs to its first listed cause; the
   * other causes of the same light say what they are themselves, not
   * what the top cause means.
   */
  gboolean primary = lc_known_signal_get_n_causes (known) == 0 ||
                     g_strcmp0 (lc_cause_ref_get_cause_id (lc_known_signal_get_cause (known, 0)),
                                lc_cause_get_id (candidate->cause)) == 0;

  if (candidate->match_score < 1.0)
    {
      g_autofree char *close = NULL;

      /* Translators: the known light it is close to, e.g. "red:burst:6" */
      close = g_strdup_printf (_("That is close to %s."), lc_known_signal_get_signal_text (known));
      append_sentence (text, close);
    }
  if (primary)
    meaning = describe_meaning (known, device_name);
  else
    /* Translators: a device name, then a reason ("The Wi-Fi signal is
     * too weak"); said of a reason that is not this light's usual one */
    meaning = g_strdup_printf (_("On the %s this light can also have a less usual reason: “%s”."),
                               device_name, lc_cause_get_title (candidate->cause));
  append_sentence (text, meaning);

  explain_differences (self, candidate, text);

  if (!g_str_equal (self->context_id, "any"))
    {
      g_autofree char *moment = describe_moment (self, candidate, context_label);

      append_sentence (text, moment);
    }
}

static char *
build_explanation (LcDiagnosis     *self,
                   const Candidate *candidate)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *words = lc_signal_describe (&self->signal);
  g_autofree char *seen = g_strdup_printf ("%s.", words);
  const char *context_label = lc_knowledge_get_context_label (self->knowledge, self->context_id);

  append_sentence (text, seen);

  if (candidate->known_signal == NULL)
    {
      g_autofree char *sentence = NULL;

      /* Translators: %s is a device name, then a family name ("Battery cameras") */
      sentence = g_strdup_printf (_("This isn’t a known light for the %s, so this comes from the general advice for its family (%s) and is only a first guess."),
                                  lc_device_get_name (self->device), lc_device_get_family_name (self->device));
      append_sentence (text, sentence);

      if (!g_str_equal (self->context_id, "any") &&
          lc_cause_ref_has_context_weight (candidate->ref, self->context_id))
        {
          g_autofree char *moment = NULL;

          /* Translators: %s is a moment, e.g. “While recording” */
          moment = g_strdup_printf (_("When it happened (“%s”) changes how likely this reason is."), context_label);
          append_sentence (text, moment);
        }
    }
  else
    explain_known_light (self, candidate, context_label, text);

  append_sentence (text, lc_cause_get_explanation (candidate->cause));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The device's known signals close enough to the one seen; returns the
 * best match's score.
 */
static double
collect_matches (LcDiagnosis *self,
                 GArray      *matches)
{
  GListModel *known_signals = lc_device_get_known_signals (self->device);
  guint n_known = g_list_model_get_n_items (known_signals);
  double best = 0.0;

  for (guint i = 0; i < n_known; i++)
    {
      g_autoptr(LcKnownSignal) known = g_list_model_get_item (known_signals, i);
      Match match = { known, 0.0, LC_MATCH_EXACT };

      match.score = lc_signal_match (&self->signal, lc_known_signal_get_signal (known), &match.flags);
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
  Match *top = NULL;

  for (guint i = 0; i < matches->len; i++)
    {
      Match *match = &g_array_index (matches, Match, i);
      gboolean best_tier = match->score >= best - MATCH_TIER_EPSILON;
      double signal_weight;
      guint n_refs;

      signal_weight = match->score
                    * (best_tier ? 1.0 : NEAR_DISCOUNT)
                    * context_fit (match->known_signal, self->context_id)
                    * provenance_factor (lc_known_signal_get_provenance (match->known_signal));

      if (best_tier && (top == NULL ||
                        context_fit (match->known_signal, self->context_id) >
                        context_fit (top->known_signal, self->context_id)))
        top = match;

      n_refs = lc_known_signal_get_n_causes (match->known_signal);
      for (guint r = 0; r < n_refs; r++)
        {
          const LcCauseRef *ref = lc_known_signal_get_cause (match->known_signal, r);

          offer_candidate (by_id, candidates, self->knowledge, ref,
                           match->known_signal, match->score, match->flags,
                           signal_weight * lc_cause_ref_get_weight (ref, self->context_id));
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
    total += ((Candidate *) g_ptr_array_index (candidates, i))->score;

  /* Cap each share by its source's strength, then rank by what is left. */
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = g_ptr_array_index (candidates, i);
      double cap = source_cap (lc_cause_ref_get_provenance (candidate->ref));

      candidate->likelihood = candidate->score / total * confidence;
      candidate->capped = candidate->likelihood > cap;
      if (candidate->capped)
        candidate->likelihood = cap;
    }
  g_ptr_array_sort (candidates, compare_likelihoods);
}

static LcDiagnosisCause *
make_cause (LcDiagnosis     *self,
            const Candidate *candidate)
{
  g_autoptr(LcDiagnosisCause) item = NULL;
  g_autoptr(GListModel) procedures = NULL;
  g_autofree char *explanation = NULL;

  procedures = lc_knowledge_list_procedures_for_cause (self->knowledge, candidate->cause, self->device);
  item = _lc_diagnosis_cause_new (candidate->cause,
                                  lc_cause_ref_get_provenance (candidate->ref),
                                  procedures,
                                  candidate->known_signal,
                                  candidate->match_score,
                                  candidate->match_flags);
  explanation = build_explanation (self, candidate);
  if (candidate->capped)
    {
      g_autofree char *why = describe_cap (lc_cause_ref_get_provenance (candidate->ref),
                                           candidate->likelihood);

      if (why != NULL)
        explanation = concat_sentence (explanation, why);
    }
  if (!lc_device_has_official_chart (self->device))
    {
      g_autofree char *no_chart = NULL;

      /* Translators: %s is a device name */
      no_chart = g_strdup_printf (_("Blink publishes no light chart for the %s, so none of this is Blink’s word."),
                                  lc_device_get_name (self->device));
      explanation = concat_sentence (explanation, no_chart);
    }
  _lc_diagnosis_cause_set_likelihood (item, candidate->likelihood);
  _lc_diagnosis_cause_set_explanation (item, explanation);

  return g_steal_pointer (&item);
}

static void
rank (LcDiagnosis *self)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  double best = collect_matches (self, matches);
  double confidence;
  double capped_total = 0.0;

  if (matches->len > 0)
    {
      Match *top = offer_matched_causes (self, matches, best, by_id, candidates);

      g_assert (top != NULL);
      self->known_signal = g_object_ref (top->known_signal);
      self->matched_exactly = best >= 1.0;
      confidence = best;
    }
  else
    {
      guint n_refs = lc_device_get_n_fallback_causes (self->device);

      for (guint r = 0; r < n_refs; r++)
        {
          const LcCauseRef *ref = lc_device_get_fallback_cause (self->device, r);

          offer_candidate (by_id, candidates, self->knowledge, ref, NULL, 0.0, LC_MATCH_EXACT,
                           lc_cause_ref_get_weight (ref, self->context_id));
        }

      confidence = GENERAL_ADVICE_CONFIDENCE;
    }

  share_out (candidates, confidence);

  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = g_ptr_array_index (candidates, i);
      LcDiagnosisCause *item = make_cause (self, candidate);

      capped_total += candidate->likelihood;
      g_list_store_append (self->causes, item);
      g_ptr_array_add (self->cause_array, item);
    }

  /* What the caps took off goes to "something else". */
  self->other_likelihood = candidates->len > 0 ? CLAMP (1.0 - capped_total, 0.0, 1.0) : 1.0;
}

/* GObject */

static void
lc_diagnosis_finalize (GObject *object)
{
  LcDiagnosis *self = (LcDiagnosis *)object;

  g_clear_object (&self->knowledge);
  g_clear_object (&self->device);
  g_clear_object (&self->causes);
  g_clear_pointer (&self->cause_array, g_ptr_array_unref);
  g_clear_object (&self->known_signal);
  g_clear_object (&self->reading);
  g_clear_pointer (&self->signal_text, g_free);
  g_clear_pointer (&self->context_id, g_free);

  G_OBJECT_CLASS (lc_diagnosis_parent_class)->finalize (object);
}

static void
lc_diagnosis_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LcDiagnosis *self = LC_DIAGNOSIS (object);

  switch (prop_id)
    {
    case PROP_KNOWLEDGE:
      g_value_set_object (value, self->knowledge);
      break;

    case PROP_DEVICE:
      g_value_set_object (value, self->device);
      break;

    case PROP_SIGNAL:
      g_value_set_boxed (value, &self->signal);
      break;

    case PROP_SIGNAL_TEXT:
      g_value_set_string (value, self->signal_text);
      break;

    case PROP_CONTEXT_ID:
      g_value_set_string (value, self->context_id);
      break;

    case PROP_CAUSES:
      g_value_set_object (value, self->causes);
      break;

    case PROP_TOP_CAUSE:
      g_value_set_object (value, lc_diagnosis_get_top_cause (self));
      break;

    case PROP_OTHER_LIKELIHOOD:
      g_value_set_double (value, self->other_likelihood);
      break;

    case PROP_IS_NORMAL:
      g_value_set_boolean (value, lc_diagnosis_is_normal (self));
      break;

    case PROP_IS_KNOWN_SIGNAL:
      g_value_set_boolean (value, lc_diagnosis_is_known_signal (self));
      break;

    case PROP_MATCHED_EXACTLY:
      g_value_set_boolean (value, self->matched_exactly);
      break;

    case PROP_KNOWN_SIGNAL:
      g_value_set_object (value, self->known_signal);
      break;

    case PROP_SOURCES_DISAGREE:
      g_value_set_boolean (value, lc_diagnosis_sources_disagree (self));
      break;

    case PROP_DISAGREEMENT_NOTE:
      g_value_set_string (value, lc_diagnosis_get_disagreement_note (self));
      break;

    case PROP_READING:
      g_value_set_object (value, self->reading);
      break;

    case PROP_SOURCE:
      g_value_set_enum (value, lc_diagnosis_get_source (self));
      break;

    case PROP_SOURCE_CONFIDENCE:
      g_value_set_double (value, lc_diagnosis_get_source_confidence (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_diagnosis_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LcDiagnosis *self = LC_DIAGNOSIS (object);

  switch (prop_id)
    {
    case PROP_READING:
      lc_diagnosis_set_reading (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_diagnosis_class_init (LcDiagnosisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lc_diagnosis_finalize;
  object_class->get_property = lc_diagnosis_get_property;
  object_class->set_property = lc_diagnosis_set_property;

  properties [PROP_KNOWLEDGE] =
    g_param_spec_object ("knowledge", NULL, NULL, LC_TYPE_KNOWLEDGE, ro);
  properties [PROP_DEVICE] =
    g_param_spec_object ("device", NULL, NULL, LC_TYPE_DEVICE, ro);
  properties [PROP_SIGNAL] =
    g_param_spec_boxed ("signal", NULL, NULL, LC_TYPE_SIGNAL, ro);
  properties [PROP_SIGNAL_TEXT] =
    g_param_spec_string ("signal-text", NULL, NULL, NULL, ro);
  properties [PROP_CONTEXT_ID] =
    g_param_spec_string ("context-id", NULL, NULL, "any", ro);
  properties [PROP_CAUSES] =
    g_param_spec_object ("causes", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties [PROP_TOP_CAUSE] =
    g_param_spec_object ("top-cause", NULL, NULL, LC_TYPE_DIAGNOSIS_CAUSE, ro);
  properties [PROP_OTHER_LIKELIHOOD] =
    g_param_spec_double ("other-likelihood", NULL, NULL, 0.0, 1.0, 0.0, ro);
  properties [PROP_IS_NORMAL] =
    g_param_spec_boolean ("is-normal", NULL, NULL, FALSE, ro);
  properties [PROP_IS_KNOWN_SIGNAL] =
    g_param_spec_boolean ("is-known-signal", NULL, NULL, FALSE, ro);
  properties [PROP_MATCHED_EXACTLY] =
    g_param_spec_boolean ("matched-exactly", NULL, NULL, FALSE, ro);
  properties [PROP_KNOWN_SIGNAL] =
    g_param_spec_object ("known-signal", NULL, NULL, LC_TYPE_KNOWN_SIGNAL, ro);
  properties [PROP_SOURCES_DISAGREE] =
    g_param_spec_boolean ("sources-disagree", NULL, NULL, FALSE, ro);
  properties [PROP_DISAGREEMENT_NOTE] =
    g_param_spec_string ("disagreement-note", NULL, NULL, NULL, ro);
  properties [PROP_READING] =
    g_param_spec_object ("reading", NULL, NULL, LC_TYPE_READING, rw);
  properties [PROP_SOURCE] =
    g_param_spec_enum ("source", NULL, NULL, LC_TYPE_SIGNAL_SOURCE, LC_SIGNAL_SOURCE_EYE, ro);
  properties [PROP_SOURCE_CONFIDENCE] =
    g_param_spec_double ("source-confidence", NULL, NULL, 0.0, 1.0, 1.0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_diagnosis_init (LcDiagnosis *self)
{
  self->causes = g_list_store_new (LC_TYPE_DIAGNOSIS_CAUSE);
  self->cause_array = g_ptr_array_new_with_free_func (g_object_unref);
  lc_signal_init_off (&self->signal);
}

LcDiagnosis *
lc_diagnosis_new (LcKnowledge     *knowledge,
                  LcDevice        *device,
                  const LcSignal  *observed,
                  const char      *context_id,
                  GError         **error)
{
  g_autoptr(LcDiagnosis) self = NULL;

  g_return_val_if_fail (LC_IS_KNOWLEDGE (knowledge), NULL);
  g_return_val_if_fail (LC_IS_DEVICE (device), NULL);
  g_return_val_if_fail (observed != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (context_id == NULL)
    context_id = "any";

  if (lc_knowledge_get_context_label (knowledge, context_id) == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) lc_knowledge_get_context_ids (knowledge));

      g_set_error (error, LC_DIAGNOSIS_ERROR, LC_DIAGNOSIS_ERROR_UNKNOWN_CONTEXT,
                   /* Translators: what was typed as the moment ("bath-time"), then the list of known ones */
                   _("unknown context “%s” (known: %s)"),
                   context_id, known);
      return NULL;
    }

  self = g_object_new (LC_TYPE_DIAGNOSIS, NULL);
  self->knowledge = g_object_ref (knowledge);
  self->device = g_object_ref (device);
  self->signal = *observed;
  self->signal_text = lc_signal_to_string (observed);
  self->context_id = g_strdup (context_id);

  rank (self);

  return g_steal_pointer (&self);
}

LcKnowledge *
lc_diagnosis_get_knowledge (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return self->knowledge;
}

LcDevice *
lc_diagnosis_get_device (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return self->device;
}

const LcSignal *
lc_diagnosis_get_signal (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return &self->signal;
}

const char *
lc_diagnosis_get_signal_text (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return self->signal_text;
}

const char *
lc_diagnosis_get_context_id (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return self->context_id;
}

GListModel *
lc_diagnosis_get_causes (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return G_LIST_MODEL (self->causes);
}

guint
lc_diagnosis_get_n_causes (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), 0);

  return self->cause_array->len;
}

LcDiagnosisCause *
lc_diagnosis_get_cause (LcDiagnosis *self,
                        guint        index)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  if (index >= self->cause_array->len)
    return NULL;

  return g_ptr_array_index (self->cause_array, index);
}

LcDiagnosisCause *
lc_diagnosis_get_top_cause (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return lc_diagnosis_get_cause (self, 0);
}

double
lc_diagnosis_get_other_likelihood (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), 1.0);

  return self->other_likelihood;
}

gboolean
lc_diagnosis_is_normal (LcDiagnosis *self)
{
  LcDiagnosisCause *top;
  LcKnownSignal *known;

  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), FALSE);

  if ((top = lc_diagnosis_get_top_cause (self)) == NULL)
    return FALSE;

  if (lc_cause_is_normal (lc_diagnosis_cause_get_cause (top)))
    return TRUE;

  /* "The light looks fine, but …": the light being normal is the puzzle. */
  if (lc_knowledge_context_is_problem (self->knowledge, self->context_id))
    return FALSE;

  known = lc_diagnosis_cause_get_known_signal (top);

  return known != NULL && lc_known_signal_is_normal (known);
}

gboolean
lc_diagnosis_is_known_signal (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), FALSE);

  return self->known_signal != NULL;
}

gboolean
lc_diagnosis_matched_exactly (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), FALSE);

  return self->matched_exactly;
}

LcKnownSignal *
lc_diagnosis_get_known_signal (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return self->known_signal;
}

gboolean
lc_diagnosis_sources_disagree (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), FALSE);

  return lc_diagnosis_get_disagreement_note (self) != NULL;
}

const char *
lc_diagnosis_get_disagreement_note (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  if (self->known_signal == NULL)
    return NULL;

  return lc_known_signal_get_disagreement (self->known_signal);
}

LcProvenance *
lc_diagnosis_get_disagreement_provenance (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  if (self->known_signal == NULL)
    return NULL;

  return lc_known_signal_get_disagreement_provenance (self->known_signal);
}

/**
 * lc_diagnosis_set_reading:
 * @reading: (nullable): how the signal was read; %NULL for by eye
 */
void
lc_diagnosis_set_reading (LcDiagnosis *self,
                          LcReading   *reading)
{
  LcSignalSource old_source;
  double old_confidence;

  g_return_if_fail (LC_IS_DIAGNOSIS (self));
  g_return_if_fail (reading == NULL || LC_IS_READING (reading));

  old_source = lc_diagnosis_get_source (self);
  old_confidence = lc_diagnosis_get_source_confidence (self);
  if (!g_set_object (&self->reading, reading))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READING]);
  if (old_source != lc_diagnosis_get_source (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SOURCE]);
  if (old_confidence != lc_diagnosis_get_source_confidence (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SOURCE_CONFIDENCE]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * lc_diagnosis_get_reading:
 *
 * Returns: (transfer none) (nullable): how the signal was read; %NULL by eye
 */
LcReading *
lc_diagnosis_get_reading (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), NULL);

  return self->reading;
}

LcSignalSource
lc_diagnosis_get_source (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), LC_SIGNAL_SOURCE_EYE);

  return self->reading != NULL ? lc_reading_get_source (self->reading) : LC_SIGNAL_SOURCE_EYE;
}

double
lc_diagnosis_get_source_confidence (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), 1.0);

  if (self->reading == NULL || lc_reading_get_source (self->reading) == LC_SIGNAL_SOURCE_EYE)
    return 1.0;

  return lc_reading_get_confidence (self->reading);
}

gboolean
lc_diagnosis_is_source_confirmed (LcDiagnosis *self)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (self), TRUE);

  return self->reading == NULL || lc_reading_get_source (self->reading) == LC_SIGNAL_SOURCE_EYE ||
         lc_reading_is_confirmed (self->reading);
}
