/* test-reading.c — LcReading: the one confidence rule, per-light states, by eye
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-reading.h"

static LcLight
parse_light (const char *text)
{
  LcSignal signal;

  g_assert_true (lc_signal_parse (text, &signal, NULL));
  g_assert_cmpuint (signal.n_lights, ==, 1);

  return signal.lights[0];
}

/* By eye: confirmed and certain, whatever figure is passed. */
static void
test_by_eye (void)
{
  LcSignal signal, out;
  g_autoptr(LcReading) reading = NULL;

  g_assert_true (lc_signal_parse ("red:burst:6", &signal, NULL));
  reading = lc_reading_new_by_eye (&signal);
  g_assert_cmpint (lc_reading_get_source (reading), ==, LC_SIGNAL_SOURCE_EYE);
  g_assert_true (lc_reading_is_confirmed (reading));
  g_assert_cmpfloat (lc_reading_get_confidence (reading), ==, 1.0);
  lc_reading_get_signal (reading, &out);
  g_assert_true (lc_signal_equal (&out, &signal));
}

/* One rule: confirmed exactly when at least LC_READING_CONFIRMED_CONFIDENCE,
 * whatever figure a producer passes with a state.
 */
static void
test_confidence_rule (void)
{
  static const struct {
    LcReadingState state;
    double         given;
  } cases[] = {
    { LC_READING_CONFIRMED, 0.2 },
    { LC_READING_CONFIRMED, 0.93 },
    { LC_READING_PROVISIONAL, 0.9 },
    { LC_READING_PROVISIONAL, 0.3 },
    { LC_READING_LOOKING, 0.7 },
  };
  LcLight light = parse_light ("green:blink");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LcReading) reading = lc_reading_new (LC_SIGNAL_SOURCE_CAMERA, LC_READING_CONFIRMED);
      double confidence;

      lc_reading_add_light (reading, &light, cases[i].state, cases[i].given, 1.0);
      confidence = lc_reading_get_confidence (reading);
      g_test_message ("%u: state %d given %.2f -> %.2f", i, cases[i].state, cases[i].given, confidence);
      g_assert_cmpint (lc_reading_get_state (reading), ==, cases[i].state);
      g_assert_cmpint (lc_reading_is_confirmed (reading), ==,
                       confidence >= LC_READING_CONFIRMED_CONFIDENCE);
      g_assert_cmpfloat (lc_reading_get_light_confidence (reading, 0), ==, confidence);
    }

  /* From a figure alone, the rule picks the state. */
  {
    LcSignal signal;
    g_autoptr(LcReading) sure = NULL;
    g_autoptr(LcReading) unsure = NULL;

    g_assert_true (lc_signal_parse ("blue:solid", &signal, NULL));
    sure = lc_reading_new_for_signal (&signal, LC_SIGNAL_SOURCE_VIDEO, 0.5);
    unsure = lc_reading_new_for_signal (&signal, LC_SIGNAL_SOURCE_VIDEO, 0.49);
    g_assert_true (lc_reading_is_confirmed (sure));
    g_assert_false (lc_reading_is_confirmed (unsure));
    g_assert_cmpfloat (lc_reading_get_confidence (unsure), ==, 0.49);
  }
}

/* A reading is as sure, and as far along, as its least sure light; the
 * reading's own state (a light still being read elsewhere) holds it back.
 */
static void
test_least_sure_light (void)
{
  LcLight red = parse_light ("red:solid"), green = parse_light ("green:blink");
  g_autoptr(LcReading) both = lc_reading_new (LC_SIGNAL_SOURCE_CAMERA, LC_READING_CONFIRMED);
  g_autoptr(LcReading) held = lc_reading_new (LC_SIGNAL_SOURCE_CAMERA, LC_READING_PROVISIONAL);
  g_autoptr(LcReading) empty = lc_reading_new (LC_SIGNAL_SOURCE_CAMERA, LC_READING_CONFIRMED);
  LcSignal signal;

  lc_reading_add_light (both, &red, LC_READING_CONFIRMED, 0.95, 6.0);
  lc_reading_add_light (both, &green, LC_READING_CONFIRMED, 0.7, 2.5);
  g_assert_true (lc_reading_is_confirmed (both));
  g_assert_cmpfloat (lc_reading_get_confidence (both), ==, 0.7);
  g_assert_cmpfloat (lc_reading_get_stable_seconds (both), ==, 2.5);
  lc_reading_get_signal (both, &signal);
  g_assert_cmpuint (signal.n_lights, ==, 2);
  g_assert_cmpuint (lc_reading_get_n_lights (both), ==, 2);

  lc_reading_add_light (held, &red, LC_READING_CONFIRMED, 0.95, 6.0);
  g_assert_cmpint (lc_reading_get_state (held), ==, LC_READING_PROVISIONAL);
  g_assert_false (lc_reading_is_confirmed (held));
  g_assert_cmpfloat (lc_reading_get_confidence (held), <, LC_READING_CONFIRMED_CONFIDENCE);
  g_assert_cmpint (lc_reading_get_light_state (held, 0), ==, LC_READING_CONFIRMED);

  /* No light: nothing read yet. */
  g_assert_cmpint (lc_reading_get_state (empty), ==, LC_READING_LOOKING);
  g_assert_cmpfloat (lc_reading_get_confidence (empty), ==, 0.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/reading/by-eye", test_by_eye);
  g_test_add_func ("/core/reading/confidence-rule", test_confidence_rule);
  g_test_add_func ("/core/reading/least-sure-light", test_least_sure_light);

  return g_test_run ();
}
