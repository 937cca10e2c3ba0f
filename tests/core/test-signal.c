/* test-signal.c — the signal text form, timeline, matching and descriptions
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "lc-signal.h"

static LcSignal
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  LcSignal signal;

  if (!lc_signal_parse (text, &signal, &error))
    {
      g_test_fail_printf ("“%s” did not parse: %s", text, error->message);
      lc_signal_init_off (&signal);
    }

  return signal;
}

static void
test_canonical_round_trip (void)
{
  static const char * const canonical[] = {
    /* DESIGN.md examples */
    "red:solid",
    "red:blink",
    "red:blink@4hz",
    "red:burst:6",
    "blue:solid+green:blink",
    "blue/green:blink",
    "off",
    /* more */
    "green:solid",
    "white:fade",
    "amber:blink@0.5hz",
    "red:blink@2.5hz",
    "red:blink@2.25hz",
    "red:blink@0.1hz",
    "red:blink@30hz",
    "blue:burst:1",
    "blue:burst:20",
    "red:burst:3@1.25hz",
    "red/green/blue:blink",
    "red/green:burst:3",
    "blue/green:fade",
    "blue:blink+green:solid",
    "red:solid+red:solid",
    "red:solid+green:solid+blue:solid+white:solid",
    "amber/white:blink@10hz",
  };

  for (guint i = 0; i < G_N_ELEMENTS (canonical); i++)
    {
      g_autofree char *printed = NULL;
      LcSignal signal;

      signal = parse_ok (canonical[i]);
      printed = lc_signal_to_string (&signal);
      g_assert_cmpstr (printed, ==, canonical[i]);
    }
}

static void
test_non_canonical (void)
{
  static const struct {
    const char *text;
    const char *canonical;
  } cases[] = {
    { "red:blink@2.50hz", "red:blink@2.5hz" },
    { "red:blink@4.0hz", "red:blink@4hz" },
    { "red:blink@4.00hz", "red:blink@4hz" },
    { "red:blink@0.10hz", "red:blink@0.1hz" },
    { "red:burst:4@0.50hz", "red:burst:4@0.5hz" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LcSignal signal = parse_ok (cases[i].text);
      g_autofree char *printed = lc_signal_to_string (&signal);

      g_assert_cmpstr (printed, ==, cases[i].canonical);
    }
}

static void
test_parsed_fields (void)
{
  LcSignal signal;

  signal = parse_ok ("off");
  g_assert_cmpuint (signal.n_lights, ==, 0);
  g_assert_true (lc_signal_is_off (&signal));

  signal = parse_ok ("red:burst:6");
  g_assert_cmpuint (signal.n_lights, ==, 1);
  g_assert_cmpint (signal.lights[0].colors[0], ==, LC_COLOR_RED);
  g_assert_cmpuint (signal.lights[0].n_colors, ==, 1);
  g_assert_cmpint (signal.lights[0].kind, ==, LC_KIND_BURST);
  g_assert_cmpuint (signal.lights[0].count, ==, 6);
  g_assert_false (signal.lights[0].rate_explicit);
  g_assert_cmpfloat (signal.lights[0].rate_hz, ==, LC_BURST_DEFAULT_HZ);
  g_assert_cmpuint (signal.lights[0].on_ms, ==, 200);
  g_assert_cmpuint (signal.lights[0].off_ms, ==, 200);
  g_assert_cmpuint (signal.lights[0].pause_ms, ==, LC_BURST_DEFAULT_PAUSE_MS);
  g_assert_false (lc_signal_is_off (&signal));

  signal = parse_ok ("red:blink@4hz");
  g_assert_cmpint (signal.lights[0].kind, ==, LC_KIND_BLINK);
  g_assert_true (signal.lights[0].rate_explicit);
  g_assert_cmpfloat (signal.lights[0].rate_hz, ==, 4.0);
  g_assert_cmpuint (signal.lights[0].on_ms, ==, 125);
  g_assert_cmpuint (signal.lights[0].off_ms, ==, 125);
  g_assert_cmpuint (signal.lights[0].pause_ms, ==, 0);

  signal = parse_ok ("red:blink");
  g_assert_cmpfloat (signal.lights[0].rate_hz, ==, LC_BLINK_DEFAULT_HZ);
  g_assert_cmpuint (signal.lights[0].on_ms, ==, 500);

  signal = parse_ok ("red:blink@0.33hz");
  g_assert_cmpfloat_with_epsilon (signal.lights[0].rate_hz, 0.33, 1e-12);

  signal = parse_ok ("white:fade");
  g_assert_cmpuint (signal.lights[0].on_ms + signal.lights[0].off_ms, ==, LC_FADE_DEFAULT_PERIOD_MS);

  signal = parse_ok ("blue:solid+green/white:blink");
  g_assert_cmpuint (signal.n_lights, ==, 2);
  g_assert_cmpint (signal.lights[0].kind, ==, LC_KIND_SOLID);
  g_assert_cmpuint (signal.lights[0].on_ms, ==, 0);
  g_assert_cmpuint (signal.lights[1].n_colors, ==, 2);
  g_assert_cmpint (signal.lights[1].colors[0], ==, LC_COLOR_GREEN);
  g_assert_cmpint (signal.lights[1].colors[1], ==, LC_COLOR_WHITE);
}

static void
test_invalid (void)
{
  static const struct {
    const char *text;
    LcSignalError code;
    guint position;
  } cases[] = {
    { "", LC_SIGNAL_ERROR_SYNTAX, 1 },
    { "Red:solid", LC_SIGNAL_ERROR_SYNTAX, 1 },
    { " red:solid", LC_SIGNAL_ERROR_SYNTAX, 1 },
    { "purple:solid", LC_SIGNAL_ERROR_SYNTAX, 1 },
    { "redd:solid", LC_SIGNAL_ERROR_SYNTAX, 1 },
    { "red", LC_SIGNAL_ERROR_SYNTAX, 4 },
    { "red;solid", LC_SIGNAL_ERROR_SYNTAX, 4 },
    { "red:", LC_SIGNAL_ERROR_SYNTAX, 5 },
    { "red:steady", LC_SIGNAL_ERROR_SYNTAX, 5 },
    { "red:Solid", LC_SIGNAL_ERROR_SYNTAX, 5 },
    { "red:solid ", LC_SIGNAL_ERROR_SYNTAX, 10 },
    { "red:solid\n", LC_SIGNAL_ERROR_SYNTAX, 10 },
    { "red:solid@2hz", LC_SIGNAL_ERROR_SYNTAX, 10 },
    { "red:fade@2hz", LC_SIGNAL_ERROR_SYNTAX, 9 },
    { "red:solid+", LC_SIGNAL_ERROR_SYNTAX, 11 },
    { "red:solid++green:solid", LC_SIGNAL_ERROR_SYNTAX, 11 },
    { "red:solid+off", LC_SIGNAL_ERROR_SYNTAX, 11 },
    { "off+red:solid", LC_SIGNAL_ERROR_SYNTAX, 4 },
    { "offf", LC_SIGNAL_ERROR_SYNTAX, 1 },
    { "Off", LC_SIGNAL_ERROR_SYNTAX, 1 },
    { "red/:blink", LC_SIGNAL_ERROR_SYNTAX, 5 },
    { "/red:blink", LC_SIGNAL_ERROR_SYNTAX, 1 },
    { "red/green", LC_SIGNAL_ERROR_SYNTAX, 10 },
    { "blue/green:solid", LC_SIGNAL_ERROR_SYNTAX, 12 },
    { "red:burst", LC_SIGNAL_ERROR_SYNTAX, 10 },
    { "red:burst:", LC_SIGNAL_ERROR_SYNTAX, 11 },
    { "red:burst:x", LC_SIGNAL_ERROR_SYNTAX, 11 },
    { "red:burst6", LC_SIGNAL_ERROR_SYNTAX, 10 },
    { "red:burst:06", LC_SIGNAL_ERROR_SYNTAX, 11 },
    { "red:burst:-1", LC_SIGNAL_ERROR_SYNTAX, 11 },
    { "red:burst:6:", LC_SIGNAL_ERROR_SYNTAX, 12 },
    { "red:blink@", LC_SIGNAL_ERROR_SYNTAX, 11 },
    { "red:blink@hz", LC_SIGNAL_ERROR_SYNTAX, 11 },
    { "red:blink@4", LC_SIGNAL_ERROR_SYNTAX, 12 },
    { "red:blink@4Hz", LC_SIGNAL_ERROR_SYNTAX, 12 },
    { "red:blink@4 hz", LC_SIGNAL_ERROR_SYNTAX, 12 },
    { "red:blink@4hzz", LC_SIGNAL_ERROR_SYNTAX, 14 },
    { "red:blink@.5hz", LC_SIGNAL_ERROR_SYNTAX, 11 },
    { "red:blink@4.hz", LC_SIGNAL_ERROR_SYNTAX, 13 },
    { "red:blink@4,5hz", LC_SIGNAL_ERROR_SYNTAX, 12 },
    { "red:blink@4e1hz", LC_SIGNAL_ERROR_SYNTAX, 12 },
    { "red:blink@0.125hz", LC_SIGNAL_ERROR_SYNTAX, 15 },
    { "red:blink@04hz", LC_SIGNAL_ERROR_SYNTAX, 11 },
    { "red:blink@+4hz", LC_SIGNAL_ERROR_SYNTAX, 11 },
    { "red:blink4hz", LC_SIGNAL_ERROR_SYNTAX, 10 },
    { "red:blink@4hz@4hz", LC_SIGNAL_ERROR_SYNTAX, 14 },
    /* positions count characters, not bytes */
    { "rot:solid", LC_SIGNAL_ERROR_SYNTAX, 1 },
    { "red:sölid", LC_SIGNAL_ERROR_SYNTAX, 5 },
    { "red/grün:blink", LC_SIGNAL_ERROR_SYNTAX, 5 },
    { "red:blink+grün:solid", LC_SIGNAL_ERROR_SYNTAX, 11 },
    { "red:blink+ü", LC_SIGNAL_ERROR_SYNTAX, 11 },
    { "ü+red:blink@x", LC_SIGNAL_ERROR_SYNTAX, 1 },
    { "red:blinkü", LC_SIGNAL_ERROR_SYNTAX, 10 },
    { "blue:solid+grün", LC_SIGNAL_ERROR_SYNTAX, 12 },
    /* out of range */
    { "red:burst:0", LC_SIGNAL_ERROR_RANGE, 11 },
    { "red:burst:21", LC_SIGNAL_ERROR_RANGE, 11 },
    { "red:burst:99999999999999999999", LC_SIGNAL_ERROR_RANGE, 11 },
    { "red:blink@0hz", LC_SIGNAL_ERROR_RANGE, 11 },
    { "red:blink@0.09hz", LC_SIGNAL_ERROR_RANGE, 11 },
    { "red:blink@30.01hz", LC_SIGNAL_ERROR_RANGE, 11 },
    { "red:blink@99999999999999999999hz", LC_SIGNAL_ERROR_RANGE, 11 },
    { "red:burst:6@31hz", LC_SIGNAL_ERROR_RANGE, 13 },
    { "red/red:blink", LC_SIGNAL_ERROR_RANGE, 5 },
    { "red/green/red:blink", LC_SIGNAL_ERROR_RANGE, 11 },
    { "red/green/blue/white:blink", LC_SIGNAL_ERROR_RANGE, 16 },
    { "red:solid+red:solid+red:solid+red:solid+red:solid", LC_SIGNAL_ERROR_RANGE, 41 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *prefix = g_strdup_printf ("At position %u: ", cases[i].position);
      LcSignal signal;

      lc_signal_init_off (&signal);
      signal.n_lights = 3;

      if (lc_signal_parse (cases[i].text, &signal, &error))
        {
          g_test_fail_printf ("“%s” parsed but must not", cases[i].text);
          continue;
        }

      g_test_message ("“%s”: %s", cases[i].text, error->message);
      g_assert_error (error, LC_SIGNAL_ERROR, (gint) cases[i].code);
      if (!g_str_has_prefix (error->message, prefix))
        g_test_fail_printf ("“%s”: expected “%s…”, got “%s”", cases[i].text, prefix, error->message);
      g_assert_cmpuint (strlen (error->message), >, strlen (prefix) + 5);
      /* a failed parse leaves the output alone */
      g_assert_cmpuint (signal.n_lights, ==, 3);
    }
}

static void
test_error_messages (void)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "red:blink+purple:solid", "At position 11: expected a color (red, green, blue, white or amber)" },
    { "purple:solid", "At position 1: expected a color (red, green, blue, white or amber) or “off”" },
    { "red:steady", "At position 5: expected a pattern (solid, blink, burst or fade)" },
    { "red:burst:21", "At position 11: a burst has from 1 to 20 blinks" },
    { "red:blink@40hz", "At position 11: the rate must be from 0.1 to 30 hertz" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (lc_signal_parse (cases[i].text, NULL, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* Tokens of the grammar plus some noise, so that random strings are often
 * valid and often almost valid.
 */
static const char * const fuzz_tokens[] = {
  "red", "green", "blue", "white", "amber", "off",
  "solid", "blink", "burst", "fade", "hz",
  ":", ":", ":", "/", "+", "@", ".", "0", "1", "2", "5", "6", "9", "20", "21",
  "r", "e", "x", " ", "\n", "-", "ü", "\xff", "Red",
};

static void
test_random_strings (void)
{
  GRand *rand = g_rand_new_with_seed (20260401);
  GString *text = g_string_new (NULL);
  guint n_accepted = 0;

  for (guint i = 0; i < 100000; i++)
    {
      g_autoptr(GError) error = NULL;
      guint n_tokens = (guint) g_rand_int_range (rand, 1, 14);
      LcSignal signal;

      g_string_truncate (text, 0);
      for (guint j = 0; j < n_tokens; j++)
        {
          /* Mostly follow the grammar's shape, sometimes not. */
          if (g_rand_int_range (rand, 0, 4) == 0)
            g_string_append (text, fuzz_tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (fuzz_tokens))]);
          else
            {
              static const char * const colors[] = { "red", "green", "blue", "white", "amber" };
              static const char * const kinds[] = { "solid", "blink", "burst:", "fade", "blink@", "burst:3@" };

              if (j > 0)
                g_string_append_c (text, "+/"[g_rand_int_range (rand, 0, 2)]);
              g_string_append (text, colors[g_rand_int_range (rand, 0, G_N_ELEMENTS (colors))]);
              g_string_append_c (text, ':');
              g_string_append (text, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))]);
              if (g_str_has_suffix (text->str, ":"))
                g_string_append_printf (text, "%d", g_rand_int_range (rand, 0, 23));
              if (g_str_has_suffix (text->str, "@"))
                g_string_append_printf (text, "%d.%dhz", g_rand_int_range (rand, 0, 32),
                                        g_rand_int_range (rand, 0, 100));
            }
        }

      if (lc_signal_parse (text->str, &signal, &error))
        {
          g_autofree char *printed = lc_signal_to_string (&signal);
          g_autofree char *printed_again = NULL;
          LcSignal reparsed;

          g_assert_no_error (error);
          n_accepted++;
          reparsed = parse_ok (printed);
          g_assert_true (lc_signal_equal (&signal, &reparsed));
          printed_again = lc_signal_to_string (&reparsed);
          g_assert_cmpstr (printed, ==, printed_again);
          g_assert_true (memcmp (&signal, &reparsed, sizeof signal) == 0);
        }
      else
        {
          g_assert_error (error, LC_SIGNAL_ERROR, error->code);
          g_assert_true (g_str_has_prefix (error->message, "At position "));
        }
    }

  g_test_message ("%u of 100000 random strings were valid", n_accepted);
  g_assert_cmpuint (n_accepted, >, 5000);
  g_assert_cmpuint (n_accepted, <, 95000);

  g_string_free (text, TRUE);
  g_rand_free (rand);
}

static void
test_print_unusual_structures (void)
{
  LcSignal signal;
  g_autofree char *printed = NULL;
  g_autofree char *dark = NULL;
  g_autofree char *light_text = NULL;

  lc_signal_init_off (&signal);
  signal.n_lights = 2;
  lc_light_init_solid (&signal.lights[0], LC_COLOR_NONE);
  signal.lights[1].colors[0] = LC_COLOR_AMBER;
  signal.lights[1].n_colors = 1;
  signal.lights[1].kind = LC_KIND_BLINK;
  lc_light_set_rate (&signal.lights[1], 0.004, TRUE);

  /* Dark lights have no text; rates are clamped to what parses. */
  printed = lc_signal_to_string (&signal);
  g_assert_cmpstr (printed, ==, "amber:blink@0.1hz");
  light_text = lc_light_to_string (&signal.lights[1]);
  g_assert_cmpstr (light_text, ==, "amber:blink@0.1hz");

  signal.lights[1].kind = LC_KIND_OFF;
  dark = lc_signal_to_string (&signal);
  g_assert_cmpstr (dark, ==, "off");
  g_assert_true (lc_signal_is_off (&signal));

  {
    LcSignal rounded = parse_ok ("red:blink");
    g_autofree char *text = NULL;

    lc_light_set_rate (&rounded.lights[0], 2.004, TRUE);
    text = lc_signal_to_string (&rounded);
    g_assert_cmpstr (text, ==, "red:blink@2hz");
    lc_light_set_rate (&rounded.lights[0], 1.0 / 3.0, TRUE);
    g_clear_pointer (&text, g_free);
    text = lc_signal_to_string (&rounded);
    g_assert_cmpstr (text, ==, "red:blink@0.33hz");
  }
}

static void
test_normalize (void)
{
  LcLight light = { { LC_COLOR_RED }, 1, LC_KIND_BLINK, 0, 0.0, FALSE, 100, 300, 0 };

  /* measured timings stay, the rate follows them */
  lc_light_normalize (&light);
  g_assert_cmpuint (light.on_ms, ==, 100);
  g_assert_cmpuint (light.off_ms, ==, 300);
  g_assert_cmpfloat_with_epsilon (light.rate_hz, 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (lc_light_get_period (&light), 0.4, 1e-12);

  /* an explicit rate fills only what is missing */
  light = (LcLight) { { LC_COLOR_RED }, 1, LC_KIND_BLINK, 0, 4.0, TRUE, 50, 0, 0 };
  lc_light_normalize (&light);
  g_assert_cmpuint (light.on_ms, ==, 50);
  g_assert_cmpuint (light.off_ms, ==, 125);

  /* idempotent */
  {
    LcLight again = light;

    lc_light_normalize (&again);
    g_assert_true (memcmp (&again, &light, sizeof light) == 0);
  }

  /* set_rate retimes */
  lc_light_set_rate (&light, 2.0, TRUE);
  g_assert_cmpuint (light.on_ms, ==, 250);
  g_assert_cmpuint (light.off_ms, ==, 250);
  g_assert_true (light.rate_explicit);

  /* burst: count clamped, pause filled, measured pause kept */
  light = (LcLight) { { LC_COLOR_RED }, 1, LC_KIND_BURST, 0, 0.0, FALSE, 0, 0, 0 };
  lc_light_normalize (&light);
  g_assert_cmpuint (light.count, ==, 1);
  g_assert_cmpuint (light.pause_ms, ==, LC_BURST_DEFAULT_PAUSE_MS);
  g_assert_cmpuint (light.on_ms, ==, 200);
  light = (LcLight) { { LC_COLOR_RED }, 1, LC_KIND_BURST, 5, 0.0, FALSE, 0, 0, 900 };
  lc_light_normalize (&light);
  g_assert_cmpuint (light.pause_ms, ==, 900);

  /* fade: rise and fall from the rate, else the default period */
  light = (LcLight) { { LC_COLOR_RED }, 1, LC_KIND_FADE, 0, 0.25, FALSE, 0, 0, 0 };
  lc_light_normalize (&light);
  g_assert_cmpuint (light.on_ms, ==, 2000);
  g_assert_cmpuint (light.off_ms, ==, 2000);
  light = (LcLight) { { LC_COLOR_RED }, 1, LC_KIND_FADE, 0, 0.0, FALSE, 0, 0, 0 };
  lc_light_normalize (&light);
  g_assert_cmpuint (light.on_ms + light.off_ms, ==, LC_FADE_DEFAULT_PERIOD_MS);
  g_assert_cmpfloat_with_epsilon (light.rate_hz, 1000.0 / LC_FADE_DEFAULT_PERIOD_MS, 1e-12);

  /* solid: zeros */
  light = (LcLight) { { LC_COLOR_RED }, 1, LC_KIND_SOLID, 3, 2.0, TRUE, 10, 10, 10 };
  lc_light_normalize (&light);
  g_assert_cmpuint (light.count + light.on_ms + light.off_ms + light.pause_ms, ==, 0);
  g_assert_cmpfloat (light.rate_hz, ==, 0.0);
  g_assert_false (light.rate_explicit);
}

static void
assert_state (const LcLight *light,
              double         t,
              LcColor        color,
              double         level)
{
  LcColor got_color = LC_COLOR_AMBER + 1;
  double got_level = -1.0;
  gboolean lit = lc_light_state_at (light, t, &got_color, &got_level);

  if (got_color != color || fabs (got_level - level) > 1e-9 || lit != (color != LC_COLOR_NONE))
    g_test_fail_printf ("at t=%.6f: expected color %d level %.4f, got color %d level %.4f lit %d",
                        t, color, level, got_color, got_level, lit);
}

static void
test_state_solid_and_off (void)
{
  LcSignal signal = parse_ok ("green:solid");
  LcSignal off = parse_ok ("off");
  LcLight light;

  for (double t = 0.0; t < 10.0; t += 0.37)
    assert_state (&signal.lights[0], t, LC_COLOR_GREEN, 1.0);
  assert_state (&signal.lights[0], 1e9, LC_COLOR_GREEN, 1.0);

  g_assert_false (lc_signal_light_at (&off, 0, 1.0, NULL, NULL));
  lc_light_init_solid (&light, LC_COLOR_NONE);
  assert_state (&light, 1.0, LC_COLOR_NONE, 0.0);
  g_assert_cmpfloat (lc_light_get_period (&signal.lights[0]), ==, 0.0);
  g_assert_cmpfloat (lc_signal_get_period (&signal), ==, 0.0);
  g_assert_cmpfloat (lc_signal_get_period (&off), ==, 0.0);
}

static void
test_state_blink (void)
{
  LcSignal signal = parse_ok ("red:blink@2hz");
  const LcLight *light = &signal.lights[0];

  g_assert_cmpfloat_with_epsilon (lc_light_get_period (light), 0.5, 1e-12);

  assert_state (light, 0.0, LC_COLOR_RED, 1.0);
  assert_state (light, 0.2499, LC_COLOR_RED, 1.0);
  assert_state (light, 0.25, LC_COLOR_NONE, 0.0);
  assert_state (light, 0.4999, LC_COLOR_NONE, 0.0);
  assert_state (light, 0.5, LC_COLOR_RED, 1.0);
  assert_state (light, 1000.1, LC_COLOR_RED, 1.0);
  assert_state (light, 1000.3, LC_COLOR_NONE, 0.0);

  /* Frame times i / 30: each 500 ms cycle holds 15 frames, the ones at
   * 0, 33.3 … 233.3 ms (8 of them) fall in the lit half.
   */
  {
    guint lit = 0;

    for (guint i = 0; i < 30 * 60; i++)
      lit += lc_light_state_at (light, i / 30.0, NULL, NULL);
    g_assert_cmpuint (lit, ==, 8 * 2 * 60);
  }

  /* the signal-level accessor reads the same light */
  {
    LcSignal two = parse_ok ("blue:solid+red:blink@2hz");
    LcColor color;

    g_assert_true (lc_signal_light_at (&two, 1, 0.1, &color, NULL));
    g_assert_cmpint (color, ==, LC_COLOR_RED);
    g_assert_false (lc_signal_light_at (&two, 1, 0.3, &color, NULL));
    g_assert_cmpint (color, ==, LC_COLOR_NONE);
    g_assert_true (lc_signal_light_at (&two, 0, 0.3, &color, NULL));
    g_assert_cmpint (color, ==, LC_COLOR_BLUE);
    g_assert_false (lc_signal_light_at (&two, 2, 0.1, &color, NULL));
    g_assert_cmpfloat_with_epsilon (lc_signal_get_period (&two), 0.5, 1e-12);
  }
}

/* Samples a whole period every millisecond (between edges) and counts the
 * lit intervals and the longest dark stretch.
 */
static void
count_runs (const LcLight *light,
            double         start_s,
            double         length_s,
            guint         *out_lit_runs,
            guint         *out_longest_dark_ms)
{
  guint runs = 0, dark = 0, longest_dark = 0;
  gboolean was_lit = FALSE;
  guint n = (guint) lround (length_s * 1000.0);

  for (guint i = 0; i < n; i++)
    {
      gboolean lit = lc_light_state_at (light, start_s + (i + 0.5) / 1000.0, NULL, NULL);

      if (lit && !was_lit)
        runs++;
      dark = lit ? 0 : dark + 1;
      longest_dark = MAX (longest_dark, dark);
      was_lit = lit;
    }

  *out_lit_runs = runs;
  *out_longest_dark_ms = longest_dark;
}

static void
test_state_burst (void)
{
  LcSignal signal = parse_ok ("red:burst:6");
  const LcLight *light = &signal.lights[0];
  double period = lc_light_get_period (light);
  guint runs, longest_dark;

  /* 6 blinks of 200 + 200 ms, the last dark time being the pause */
  g_assert_cmpfloat_with_epsilon (period, (6 * 400 - 200 + 1800) / 1000.0, 1e-12);

  for (guint p = 0; p < 3; p++)
    {
      count_runs (light, p * period, period, &runs, &longest_dark);
      g_assert_cmpuint (runs, ==, 6);
      g_assert_cmpuint (longest_dark, ==, 1800);
    }

  /* the pause sits right after the sixth blink */
  assert_state (light, 2.1, LC_COLOR_RED, 1.0);
  assert_state (light, 2.2, LC_COLOR_NONE, 0.0);
  assert_state (light, 3.9999, LC_COLOR_NONE, 0.0);
  assert_state (light, 4.0, LC_COLOR_RED, 1.0);

  signal = parse_ok ("amber:burst:1@0.5hz");
  light = &signal.lights[0];
  count_runs (light, 0.0, lc_light_get_period (light), &runs, &longest_dark);
  g_assert_cmpuint (runs, ==, 1);
  g_assert_cmpuint (longest_dark, ==, LC_BURST_DEFAULT_PAUSE_MS);
}

static void
test_state_alternating (void)
{
  LcSignal signal = parse_ok ("blue/green:blink");
  const LcLight *light = &signal.lights[0];

  /* colors included, the pattern repeats after two blinks */
  g_assert_cmpfloat_with_epsilon (lc_light_get_period (light), 2.0, 1e-12);
  assert_state (light, 0.1, LC_COLOR_BLUE, 1.0);
  assert_state (light, 0.6, LC_COLOR_NONE, 0.0);
  assert_state (light, 1.1, LC_COLOR_GREEN, 1.0);
  assert_state (light, 2.1, LC_COLOR_BLUE, 1.0);
  assert_state (light, 3.4, LC_COLOR_GREEN, 1.0);
  assert_state (light, 4001.1, LC_COLOR_GREEN, 1.0);

  signal = parse_ok ("red/green/blue:blink@4hz");
  light = &signal.lights[0];
  assert_state (light, 0.0, LC_COLOR_RED, 1.0);
  assert_state (light, 0.25, LC_COLOR_GREEN, 1.0);
  assert_state (light, 0.5, LC_COLOR_BLUE, 1.0);
  assert_state (light, 0.75, LC_COLOR_RED, 1.0);
  g_assert_cmpfloat_with_epsilon (lc_light_get_period (light), 0.75, 1e-12);

  /* bursts number their blinks across groups: red green red | green red green */
  signal = parse_ok ("red/green:burst:3");
  light = &signal.lights[0];
  {
    const double group = (3 * 400 - 200 + 1800) / 1000.0;
    const LcColor expected[] = {
      LC_COLOR_RED, LC_COLOR_GREEN, LC_COLOR_RED,
      LC_COLOR_GREEN, LC_COLOR_RED, LC_COLOR_GREEN,
    };

    g_assert_cmpfloat_with_epsilon (lc_light_get_period (light), 2 * group, 1e-12);
    for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
      {
        double t = (k / 3) * group + (k % 3) * 0.4 + 0.1;

        assert_state (light, t, expected[k], 1.0);
        assert_state (light, t + 2 * group, expected[k], 1.0);
      }
  }
}

static void
test_state_fade (void)
{
  LcSignal signal = parse_ok ("white:fade");
  const LcLight *light = &signal.lights[0];
  double previous = -1.0;

  g_assert_cmpfloat_with_epsilon (lc_light_get_period (light), 3.0, 1e-12);
  assert_state (light, 0.0, LC_COLOR_NONE, 0.0);
  assert_state (light, 0.75, LC_COLOR_WHITE, 0.5);
  assert_state (light, 1.5, LC_COLOR_WHITE, 1.0);
  assert_state (light, 2.25, LC_COLOR_WHITE, 0.5);
  assert_state (light, 3.0, LC_COLOR_NONE, 0.0);
  assert_state (light, 3.75, LC_COLOR_WHITE, 0.5);

  /* rises smoothly, then falls */
  for (double t = 0.01; t < 1.5; t += 0.01)
    {
      double level;

      g_assert_true (lc_light_state_at (light, t, NULL, &level));
      g_assert_cmpfloat (level, >, previous);
      g_assert_cmpfloat (level, <=, 1.0);
      previous = level;
    }

  signal = parse_ok ("blue/green:fade");
  light = &signal.lights[0];
  assert_state (light, 1.5, LC_COLOR_BLUE, 1.0);
  assert_state (light, 4.5, LC_COLOR_GREEN, 1.0);
  g_assert_cmpfloat_with_epsilon (lc_light_get_period (light), 6.0, 1e-12);
}

static void
test_state_unnormalized (void)
{
  /* A caller that forgot lc_light_normalize() still gets the defaults. */
  LcLight light = { { LC_COLOR_RED }, 1, LC_KIND_BURST, 2, 0.0, FALSE, 0, 0, 0 };
  guint runs, longest_dark;

  count_runs (&light, 0.0, lc_light_get_period (&light), &runs, &longest_dark);
  g_assert_cmpuint (runs, ==, 2);
  g_assert_cmpuint (longest_dark, ==, LC_BURST_DEFAULT_PAUSE_MS);
  assert_state (&light, NAN, LC_COLOR_NONE, 0.0);
  assert_state (&light, INFINITY, LC_COLOR_NONE, 0.0);
}

static double
match (const char   *observed,
       const char   *known,
       LcMatchFlags *flags)
{
  LcSignal o = parse_ok (observed);
  LcSignal k = parse_ok (known);

  return lc_signal_match (&o, &k, flags);
}

static void
test_match (void)
{
  static const struct {
    const char *observed;
    const char *known;
    LcMatchFlags flags;
    double min, max;
  } cases[] = {
    { "red:solid", "red:solid", LC_MATCH_EXACT, 1.0, 1.0 },
    { "off", "off", LC_MATCH_EXACT, 1.0, 1.0 },
    { "red:burst:6", "red:burst:6", LC_MATCH_EXACT, 1.0, 1.0 },
    { "blue:solid+green:blink", "blue:solid+green:blink", LC_MATCH_EXACT, 1.0, 1.0 },
    /* order of lights does not matter */
    { "green:blink+blue:solid", "blue:solid+green:blink", LC_MATCH_EXACT, 1.0, 1.0 },
    /* nor where an alternation starts */
    { "green/blue:blink", "blue/green:blink", LC_MATCH_EXACT, 1.0, 1.0 },
    /* a rate only counts when both sides give one */
    { "red:blink@4hz", "red:blink", LC_MATCH_EXACT, 1.0, 1.0 },
    { "red:blink", "red:blink@4hz", LC_MATCH_EXACT, 1.0, 1.0 },
    { "red:blink@4.5hz", "red:blink@4hz", LC_MATCH_EXACT, 1.0, 1.0 },
    /* one tolerated difference */
    { "red:burst:5", "red:burst:6", LC_MATCH_COUNT_OFF, 0.6, 0.8 },
    { "red:burst:7", "red:burst:6", LC_MATCH_COUNT_OFF, 0.6, 0.8 },
    { "red:burst:4", "red:burst:3", LC_MATCH_COUNT_OFF, 0.6, 0.8 },
    { "red:blink@1hz", "red:blink@4hz", LC_MATCH_RATE_DIFFERS, 0.6, 0.8 },
    { "red:burst:3@1hz", "red:burst:3@4hz", LC_MATCH_RATE_DIFFERS, 0.6, 0.8 },
    { "amber:solid", "red:solid", LC_MATCH_COLOR_CONFUSED, 0.6, 0.8 },
    { "red:blink", "amber:blink", LC_MATCH_COLOR_CONFUSED, 0.6, 0.8 },
    { "white:blink", "blue:blink", LC_MATCH_COLOR_CONFUSED, 0.6, 0.8 },
    { "white:solid", "green:solid", LC_MATCH_COLOR_CONFUSED, 0.6, 0.8 },
    { "blue:blink", "blue/green:blink", LC_MATCH_COLOR_CONFUSED, 0.6, 0.8 },
    { "red:blink", "red:burst:6", LC_MATCH_KIND_CONFUSED, 0.6, 0.8 },
    { "red:burst:6", "red:blink", LC_MATCH_KIND_CONFUSED, 0.6, 0.8 },
    { "red:fade", "red:blink", LC_MATCH_KIND_CONFUSED, 0.6, 0.8 },
    { "blue:solid", "blue:solid+green:blink", LC_MATCH_LIGHT_MISSING, 0.6, 0.8 },
    { "green:blink", "blue:solid+green:blink", LC_MATCH_LIGHT_MISSING, 0.6, 0.8 },
    /* two */
    { "amber:burst:5", "red:burst:6", LC_MATCH_COLOR_CONFUSED | LC_MATCH_COUNT_OFF, 0.35, 0.5 },
    { "white:blink", "blue:burst:3", LC_MATCH_COLOR_CONFUSED | LC_MATCH_KIND_CONFUSED, 0.35, 0.5 },
    { "green:blink@0.5hz", "blue:solid+green:blink@3hz", LC_MATCH_RATE_DIFFERS | LC_MATCH_LIGHT_MISSING, 0.35, 0.5 },
    /* unrelated */
    { "red:solid", "green:solid", LC_MATCH_EXACT, 0.0, 0.0 },
    { "blue:solid", "white:solid", LC_MATCH_EXACT, 0.0, 0.0 },
    { "green:blink", "red:blink", LC_MATCH_EXACT, 0.0, 0.0 },
    { "red:solid", "red:blink", LC_MATCH_EXACT, 0.0, 0.0 },
    { "red:fade", "red:burst:3", LC_MATCH_EXACT, 0.0, 0.0 },
    { "red:burst:2", "red:burst:3", LC_MATCH_EXACT, 0.0, 0.0 },
    { "red:burst:1", "red:burst:2", LC_MATCH_EXACT, 0.0, 0.0 },
    { "red:burst:6", "red:burst:8", LC_MATCH_EXACT, 0.0, 0.0 },
    { "off", "red:solid", LC_MATCH_EXACT, 0.0, 0.0 },
    { "red:solid", "off", LC_MATCH_EXACT, 0.0, 0.0 },
    { "blue:solid+green:blink", "green:blink", LC_MATCH_EXACT, 0.0, 0.0 },
    { "blue:blink+green:solid", "blue:solid+green:blink", LC_MATCH_EXACT, 0.0, 0.0 },
    { "blue:solid", "blue:solid+green:blink+red:solid", LC_MATCH_EXACT, 0.0, 0.0 },
    { "red/green:blink", "red:blink", LC_MATCH_EXACT, 0.0, 0.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LcMatchFlags flags = 0xff;
      double score = match (cases[i].observed, cases[i].known, &flags);

      g_test_message ("%s vs %s: %.3f flags 0x%x", cases[i].observed, cases[i].known, score, flags);
      if (score < cases[i].min || score > cases[i].max || (score > 0 && flags != cases[i].flags))
        g_test_fail_printf ("%s seen for %s: score %.3f (want %.2f..%.2f), flags 0x%x (want 0x%x)",
                            cases[i].observed, cases[i].known, score, cases[i].min, cases[i].max,
                            flags, cases[i].flags);
      if (score == 0.0)
        g_assert_cmpuint (flags, ==, LC_MATCH_EXACT);
    }

  /* closer is better: one difference beats two, plausible means >= 0.5 */
  g_assert_cmpfloat (match ("red:burst:5", "red:burst:6", NULL), >,
                     match ("amber:burst:5", "red:burst:6", NULL));
  g_assert_cmpfloat (match ("red:burst:5", "red:burst:6", NULL), >=, 0.5);
  g_assert_cmpfloat (match ("amber:burst:5", "red:burst:6", NULL), <, 0.5);
  /* the better of two readings wins when lights could pair either way */
  g_assert_cmpfloat (match ("red:blink+amber:solid", "amber:blink+red:solid", NULL), <,
                     match ("red:blink+amber:solid", "red:blink+amber:solid", NULL));
  g_assert_cmpfloat (match ("red:blink+red:solid", "red:solid+red:blink", NULL), ==, 1.0);
}

static void
test_describe (void)
{
  static const struct {
    const char *text;
    const char *description;
  } cases[] = {
    { "off", "No light" },
    { "red:solid", "Red light on" },
    { "red:blink", "Red light blinking" },
    { "red:blink@4hz", "Red light blinking fast" },
    { "red:blink@0.5hz", "Red light blinking slowly" },
    { "red:blink@1hz", "Red light blinking" },
    { "red:burst:6", "Red light: six blinks, then a pause, repeating" },
    { "amber:burst:1", "Amber light: one blink, then a pause, repeating" },
    { "white:burst:12", "White light: 12 blinks, then a pause, repeating" },
    { "green:fade", "Green light fading in and out" },
    { "blue:solid+green:blink", "Blue light on, green light blinking" },
    { "blue/green:blink", "Light alternating blue and green" },
    { "red/green/blue:blink@5hz", "Light alternating red, green and blue fast" },
    { "blue/green:fade", "Light fading in and out, alternating blue and green" },
    { "red/white:burst:3", "Light: three blinks alternating red and white, then a pause, repeating" },
    { "green:solid+red:burst:2+blue/white:blink",
      "Green light on, red light: two blinks, then a pause, repeating, light alternating blue and white" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LcSignal signal = parse_ok (cases[i].text);
      g_autofree char *description = lc_signal_describe (&signal);

      g_assert_cmpstr (description, ==, cases[i].description);
    }
}

static void
test_colors_and_kinds (void)
{
  LcColor color = LC_COLOR_NONE;

  for (guint i = LC_COLOR_RED; i < LC_N_COLORS; i++)
    {
      const char *id = lc_color_to_string ((LcColor) i);

      g_assert_nonnull (id);
      g_assert_true (lc_color_from_string (id, &color));
      g_assert_cmpint (color, ==, i);
      g_assert_nonnull (lc_color_get_name ((LcColor) i));
    }

  g_assert_null (lc_color_to_string (LC_COLOR_NONE));
  g_assert_false (lc_color_from_string ("Red", &color));
  g_assert_false (lc_color_from_string ("re", &color));
  g_assert_false (lc_color_from_string ("redd", &color));
  g_assert_false (lc_color_from_string ("", &color));
  g_assert_true (lc_color_from_string ("amber", NULL));
  g_assert_cmpstr (lc_color_get_name (LC_COLOR_RED), ==, "Red");
  g_assert_cmpstr (lc_color_get_name (LC_COLOR_AMBER), ==, "Amber");

  g_assert_cmpstr (lc_kind_to_string (LC_KIND_OFF), ==, "off");
  g_assert_cmpstr (lc_kind_to_string (LC_KIND_SOLID), ==, "solid");
  g_assert_cmpstr (lc_kind_to_string (LC_KIND_BLINK), ==, "blink");
  g_assert_cmpstr (lc_kind_to_string (LC_KIND_BURST), ==, "burst");
  g_assert_cmpstr (lc_kind_to_string (LC_KIND_FADE), ==, "fade");
}

static void
test_boxed_and_equal (void)
{
  LcSignal signal = parse_ok ("blue:solid+green:blink@3hz");
  LcSignal other = parse_ok ("green:blink@3hz+blue:solid");
  g_autoptr(LcSignal) copy = NULL;
  GValue value = G_VALUE_INIT;
  const LcSignal *held;

  g_assert_true (G_TYPE_IS_BOXED (LC_TYPE_SIGNAL));

  copy = lc_signal_copy (&signal);
  g_assert_true (lc_signal_equal (copy, &signal));
  g_assert_true (memcmp (copy, &signal, sizeof signal) == 0);

  g_value_init (&value, LC_TYPE_SIGNAL);
  g_value_set_boxed (&value, &signal);
  held = g_value_get_boxed (&value);
  g_assert_true (held != &signal);
  g_assert_true (lc_signal_equal (held, &signal));
  g_value_unset (&value);

  /* equal is the canonical text: light order counts, timings do not */
  g_assert_false (lc_signal_equal (&signal, &other));
  other = signal;
  other.lights[1].on_ms += 7;
  g_assert_true (lc_signal_equal (&signal, &other));
  other.lights[1].rate_hz = 2.0;
  g_assert_false (lc_signal_equal (&signal, &other));
}

/* Colours compare as a set: "blue/green" read from either end. */
static void
test_same_colors (void)
{
  LcSignal a, b, c;

  g_assert_true (lc_signal_parse ("blue/green:blink", &a, NULL));
  g_assert_true (lc_signal_parse ("green/blue:blink", &b, NULL));
  g_assert_true (lc_signal_parse ("green:blink", &c, NULL));
  g_assert_true (lc_light_has_same_colors (&a.lights[0], &b.lights[0]));
  g_assert_false (lc_light_has_same_colors (&a.lights[0], &c.lights[0]));
  g_assert_false (lc_light_has_same_colors (&c.lights[0], &a.lights[0]));
}


/* Runs */

#define MS G_GINT64_CONSTANT (1000000)

static GArray *
runs_for (const char *text,
          guint       light_index,
          gint64      start_ns,
          gint64      end_ns)
{
  LcSignal signal = parse_ok (text);
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (LcLightRun));
  guint n = lc_signal_to_runs (&signal, light_index, start_ns, end_ns, runs);

  g_assert_cmpuint (n, ==, runs->len);
  return runs;
}

static void
assert_run (GArray  *runs,
            guint    index,
            gint64   start_ms,
            gint64   end_ms,
            LcColor  color)
{
  const LcLightRun *run;

  g_assert_cmpuint (index, <, runs->len);
  run = &g_array_index (runs, LcLightRun, index);
  g_assert_cmpint (run->start_ns, ==, start_ms * MS);
  g_assert_cmpint (run->end_ns, ==, end_ms * MS);
  g_assert_cmpint (run->color, ==, color);
  g_assert_cmpint (run->on, ==, color != LC_COLOR_NONE);
  g_assert_false (run->unknown);
  if (run->on)
    g_assert_cmpfloat (run->level, >, 0.0);
  else
    g_assert_cmpfloat (run->level, ==, 0.0);
}

/* Whatever the signal: the runs tile the span, neighbours differ, and the
 * middle of each run is in the state the signal has there.
 */
static void
assert_runs_agree (const char *text,
                   gint64      start_ns,
                   gint64      end_ns)
{
  LcSignal signal = parse_ok (text);

  for (guint i = 0; i < MAX (signal.n_lights, 1); i++)
    {
      g_autoptr(GArray) runs = runs_for (text, i, start_ns, end_ns);
      gint64 t = start_ns;

      g_assert_cmpuint (runs->len, >, 0);
      for (guint r = 0; r < runs->len; r++)
        {
          const LcLightRun *run = &g_array_index (runs, LcLightRun, r);
          LcColor color;
          double level;
          gint64 probe;

          g_assert_cmpint (run->start_ns, ==, t);
          g_assert_cmpint (run->end_ns, >, run->start_ns);
          t = run->end_ns;

          if (r > 0)
            {
              const LcLightRun *prev = run - 1;

              g_assert_true (prev->on != run->on || prev->color != run->color ||
                             prev->level != run->level);
            }

          /* Near the start: a fade's step may span the dark instant
           * between two breaths.
           */
          probe = run->start_ns + MIN (MS / 2, (run->end_ns - run->start_ns) / 2);
          lc_signal_light_at (&signal, i, probe / 1e9, &color, &level);
          g_assert_cmpint (run->color, ==, color);
          g_assert_cmpint (run->on, ==, color != LC_COLOR_NONE);
          if (run->on)
            g_assert_cmpfloat (fabs (run->level - level), <=, 2.0 / LC_LIGHT_RUN_LEVELS);
        }
      g_assert_cmpint (t, ==, end_ns);
    }
}

static void
test_runs_blink (void)
{
  g_autoptr(GArray) runs = runs_for ("red:blink", 0, 0, 2000 * MS);
  g_autoptr(GArray) mid = NULL;

  /* 1 Hz, half lit */
  g_assert_cmpuint (runs->len, ==, 4);
  assert_run (runs, 0, 0, 500, LC_COLOR_RED);
  assert_run (runs, 1, 500, 1000, LC_COLOR_NONE);
  assert_run (runs, 2, 1000, 1500, LC_COLOR_RED);
  assert_run (runs, 3, 1500, 2000, LC_COLOR_NONE);
  g_assert_cmpfloat (g_array_index (runs, LcLightRun, 0).level, ==, 1.0);

  /* A span that starts and ends mid-blink is cut there; before 0 the
   * pattern repeats as well.
   */
  mid = runs_for ("red:blink@2hz", 0, -100 * MS, 600 * MS);
  g_assert_cmpuint (mid->len, ==, 4);
  assert_run (mid, 0, -100, 0, LC_COLOR_NONE);
  assert_run (mid, 1, 0, 250, LC_COLOR_RED);
  assert_run (mid, 2, 250, 500, LC_COLOR_NONE);
  assert_run (mid, 3, 500, 600, LC_COLOR_RED);

  assert_runs_agree ("red:blink", -3333 * MS, 7777 * MS);
  assert_runs_agree ("green:blink@4hz", 0, 10000 * MS);
}

static void
test_runs_burst (void)
{
  g_autoptr(GArray) runs = runs_for ("red:burst:6", 0, 0, 8000 * MS);
  guint n_lit = 0;

  /* 2.5 Hz: 200 ms on, 200 ms off, the sixth blink followed by a 1.8 s
   * pause: each group lasts 4 s.
   */
  for (guint b = 0; b < 6; b++)
    {
      assert_run (runs, 2 * b, b * 400, b * 400 + 200, LC_COLOR_RED);
      assert_run (runs, 2 * b + 1, b * 400 + 200, b < 5 ? (b + 1) * 400 : 4000, LC_COLOR_NONE);
    }
  assert_run (runs, 12, 4000, 4200, LC_COLOR_RED);
  g_assert_cmpuint (runs->len, ==, 24);
  assert_run (runs, 23, 6200, 8000, LC_COLOR_NONE);

  for (guint r = 0; r < runs->len; r++)
    n_lit += g_array_index (runs, LcLightRun, r).on;
  g_assert_cmpuint (n_lit, ==, 12);

  assert_runs_agree ("red:burst:6", -5000 * MS, 9000 * MS);
  assert_runs_agree ("amber:burst:3@4hz", 123 * MS, 20000 * MS);
  assert_runs_agree ("blue/green:burst:3", 0, 20000 * MS);
}

static void
test_runs_alternating (void)
{
  g_autoptr(GArray) runs = runs_for ("blue/green:blink", 0, 0, 4000 * MS);
  g_autoptr(GArray) three = NULL;

  /* One color per blink, a dark gap between them. */
  g_assert_cmpuint (runs->len, ==, 8);
  assert_run (runs, 0, 0, 500, LC_COLOR_BLUE);
  assert_run (runs, 1, 500, 1000, LC_COLOR_NONE);
  assert_run (runs, 2, 1000, 1500, LC_COLOR_GREEN);
  assert_run (runs, 3, 1500, 2000, LC_COLOR_NONE);
  assert_run (runs, 4, 2000, 2500, LC_COLOR_BLUE);
  assert_run (runs, 6, 3000, 3500, LC_COLOR_GREEN);

  three = runs_for ("red/green/blue:blink@2hz", 0, 0, 1500 * MS);
  assert_run (three, 0, 0, 250, LC_COLOR_RED);
  assert_run (three, 2, 500, 750, LC_COLOR_GREEN);
  assert_run (three, 4, 1000, 1250, LC_COLOR_BLUE);

  assert_runs_agree ("blue/green:blink", -2500 * MS, 9000 * MS);
}

static void
test_runs_solid_and_off (void)
{
  g_autoptr(GArray) solid = runs_for ("blue:solid", 0, -1000 * MS, 8000 * MS);
  g_autoptr(GArray) off = runs_for ("off", 0, 0, 8000 * MS);
  g_autoptr(GArray) missing = runs_for ("blue:solid+green:blink", 3, 0, 1000 * MS);
  g_autoptr(GArray) second = runs_for ("blue:solid+green:blink", 1, 0, 1000 * MS);
  g_autoptr(GArray) empty = runs_for ("blue:solid", 0, 1000 * MS, 1000 * MS);

  g_assert_cmpuint (solid->len, ==, 1);
  assert_run (solid, 0, -1000, 8000, LC_COLOR_BLUE);
  g_assert_cmpfloat (g_array_index (solid, LcLightRun, 0).level, ==, 1.0);

  g_assert_cmpuint (off->len, ==, 1);
  assert_run (off, 0, 0, 8000, LC_COLOR_NONE);

  /* A light the signal does not have is dark. */
  g_assert_cmpuint (missing->len, ==, 1);
  assert_run (missing, 0, 0, 1000, LC_COLOR_NONE);

  g_assert_cmpuint (second->len, ==, 2);
  assert_run (second, 0, 0, 500, LC_COLOR_GREEN);
  assert_run (second, 1, 500, 1000, LC_COLOR_NONE);

  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_runs_fade (void)
{
  g_autoptr(GArray) runs = runs_for ("white:fade", 0, 0, 3000 * MS);
  const LcLightRun *first, *last;
  double previous = 0.0;
  gboolean saw_full = FALSE;
  guint r;

  /* 1.5 s up, 1.5 s down: a staircase that rises to full and falls. */
  g_assert_cmpuint (runs->len, >, LC_LIGHT_RUN_LEVELS);
  g_assert_cmpuint (runs->len, <=, 2 * LC_LIGHT_RUN_LEVELS + 2);
  first = &g_array_index (runs, LcLightRun, 0);
  last = &g_array_index (runs, LcLightRun, runs->len - 1);
  g_assert_cmpint (first->start_ns, ==, 0);
  g_assert_cmpint (last->end_ns, ==, 3000 * MS);

  for (r = 0; r < runs->len; r++)
    {
      const LcLightRun *run = &g_array_index (runs, LcLightRun, r);

      g_assert_true (run->on);
      g_assert_cmpint (run->color, ==, LC_COLOR_WHITE);
      if (run->level == 1.0)
        {
          saw_full = TRUE;
          /* The top step is around 1.5 s. */
          g_assert_cmpint (run->start_ns, <, 1500 * MS);
          g_assert_cmpint (run->end_ns, >, 1500 * MS);
          previous = run->level;
          break;
        }
      g_assert_cmpfloat (run->level, >, previous);
      previous = run->level;
    }
  g_assert_true (saw_full);
  for (r++; r < runs->len; r++)
    {
      const LcLightRun *run = &g_array_index (runs, LcLightRun, r);

      g_assert_cmpfloat (run->level, <, previous);
      previous = run->level;
    }

  assert_runs_agree ("white:fade", -1000 * MS, 7000 * MS);
  assert_runs_agree ("blue/green:fade", 0, 12000 * MS);
  /* A long span is sampled more coarsely, but still tiled exactly. */
  assert_runs_agree ("red:fade", 0, 600 * 1000 * MS + 7);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/signal/parse/canonical", test_canonical_round_trip);
  g_test_add_func ("/core/signal/parse/non-canonical", test_non_canonical);
  g_test_add_func ("/core/signal/parse/fields", test_parsed_fields);
  g_test_add_func ("/core/signal/parse/invalid", test_invalid);
  g_test_add_func ("/core/signal/parse/messages", test_error_messages);
  g_test_add_func ("/core/signal/parse/random", test_random_strings);
  g_test_add_func ("/core/signal/print/unusual", test_print_unusual_structures);
  g_test_add_func ("/core/signal/normalize", test_normalize);
  g_test_add_func ("/core/signal/state/solid", test_state_solid_and_off);
  g_test_add_func ("/core/signal/state/blink", test_state_blink);
  g_test_add_func ("/core/signal/state/burst", test_state_burst);
  g_test_add_func ("/core/signal/state/alternating", test_state_alternating);
  g_test_add_func ("/core/signal/state/fade", test_state_fade);
  g_test_add_func ("/core/signal/state/unnormalized", test_state_unnormalized);
  g_test_add_func ("/core/signal/runs/blink", test_runs_blink);
  g_test_add_func ("/core/signal/runs/burst", test_runs_burst);
  g_test_add_func ("/core/signal/runs/alternating", test_runs_alternating);
  g_test_add_func ("/core/signal/runs/solid-and-off", test_runs_solid_and_off);
  g_test_add_func ("/core/signal/runs/fade", test_runs_fade);
  g_test_add_func ("/core/signal/match", test_match);
  g_test_add_func ("/core/signal/describe", test_describe);
  g_test_add_func ("/core/signal/colors", test_colors_and_kinds);
  g_test_add_func ("/core/signal/boxed", test_boxed_and_equal);

  g_test_add_func ("/core/signal/same-colors", test_same_colors);

  return g_test_run ();
}
