/* lc-diagnosis-explain.c — why a ranked cause fits the light, in sentences
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-diagnosis.h"
#include "lc-diagnosis-private.h"

/* Why this cause: what matched, how closely, and what the moment does to
 * it. Sentences are whole translatable units; only names are inserted.
 */

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

/* How what was seen differs from the known light, in sentences. */
static void
explain_differences (LcDiagnosis       *self,
                     const LcCandidate *candidate,
                     GString           *text)
{
  LcKnownSignal *known = candidate->known_signal;
  LcMatchFlags flags = candidate->match_flags;

  if (flags & LC_MATCH_COUNT_OFF)
    {
      const LcLight *seen_light = first_burst_light (lc_diagnosis_get_signal (self));
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
describe_moment (LcDiagnosis       *self,
                 const LcCandidate *candidate,
                 const char        *context_label)
{
  LcKnownSignal *known = candidate->known_signal;
  const char *context_id = lc_diagnosis_get_context_id (self);
  double base = lc_cause_ref_get_weight (candidate->ref, NULL);
  double here = lc_cause_ref_get_weight (candidate->ref, context_id);

  if (here > base + 1e-6)
    /* Translators: %s is a moment, e.g. “While recording” */
    return g_strdup_printf (_("Because it happened at this moment (“%s”), this reason is more likely than usual."),
                            context_label);
  if (here < base - 1e-6)
    /* Translators: %s is a moment, e.g. “While recording” */
    return g_strdup_printf (_("At this moment (“%s”), this reason is less likely than usual."),
                            context_label);
  if (lc_known_signal_has_context (known, context_id))
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
explain_known_light (LcDiagnosis       *self,
                     const LcCandidate *candidate,
                     const char        *context_label,
                     GString           *text)
{
  LcKnownSignal *known = candidate->known_signal;
  const char *device_name = lc_device_get_name (lc_diagnosis_get_device (self));
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

  if (!g_str_equal (lc_diagnosis_get_context_id (self), "any"))
    {
      g_autofree char *moment = describe_moment (self, candidate, context_label);

      append_sentence (text, moment);
    }
}

static char *
build_explanation (LcDiagnosis       *self,
                   const LcCandidate *candidate)
{
  LcDevice *device = lc_diagnosis_get_device (self);
  const char *context_id = lc_diagnosis_get_context_id (self);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *words = lc_signal_describe (lc_diagnosis_get_signal (self));
  g_autofree char *seen = g_strdup_printf ("%s.", words);
  const char *context_label = lc_knowledge_get_context_label (lc_diagnosis_get_knowledge (self), context_id);

  append_sentence (text, seen);

  if (candidate->known_signal == NULL)
    {
      g_autofree char *sentence = NULL;

      /* Translators: %s is a device name, then a family name ("Battery cameras") */
      sentence = g_strdup_printf (_("This isn’t a known light for the %s, so this comes from the general advice for its family (%s) and is only a first guess."),
                                  lc_device_get_name (device), lc_device_get_family_name (device));
      append_sentence (text, sentence);

      if (!g_str_equal (context_id, "any") &&
          lc_cause_ref_has_context_weight (candidate->ref, context_id))
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

char *
_lc_diagnosis_dup_explanation (LcDiagnosis       *self,
                               const LcCandidate *candidate)
{
  LcDevice *device = lc_diagnosis_get_device (self);
  g_autofree char *explanation = build_explanation (self, candidate);

  if (candidate->capped)
    {
      g_autofree char *why = describe_cap (lc_cause_ref_get_provenance (candidate->ref),
                                           candidate->likelihood);

      if (why != NULL)
        explanation = concat_sentence (explanation, why);
    }
  if (!lc_device_has_official_chart (device))
    {
      g_autofree char *no_chart = NULL;

      /* Translators: %s is a device name */
      no_chart = g_strdup_printf (_("Blink publishes no light chart for the %s, so none of this is Blink’s word."),
                                  lc_device_get_name (device));
      explanation = concat_sentence (explanation, no_chart);
    }

  return g_steal_pointer (&explanation);
}
