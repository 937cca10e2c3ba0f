/* test-light-choice.c — the match page's controls and the lights they stand for
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-light-choice.h"

static char *
light_text (const LcLightChoice *choice)
{
  LcLight light;

  lc_light_choice_to_light (choice, &light);

  return lc_light_to_string (&light);
}

static void
parse_light (const char *text,
             LcLight    *light)
{
  g_autoptr(GError) error = NULL;
  LcSignal signal;

  lc_signal_parse (text, &signal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signal.n_lights, ==, 1);
  *light = signal.lights[0];
}

/* Every light the controls can make comes back as the same controls, and
 * the text form a person would type. */
static void
test_round_trip (void)
{
  static const char * const texts[] = {
    "red:solid", "green:blink", "blue:burst:6", "red:burst:2", "blue/green:blink",
    "amber:fade", "red:blink@4hz", "red:blink@0.5hz", "blue:burst:3@5hz", "white:solid",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      LcLightChoice choice = { 0 };
      LcLight light;
      g_autofree char *back = NULL;

      parse_light (texts[i], &light);
      lc_light_choice_set_from_light (&choice, &light);
      back = light_text (&choice);
      g_test_message ("%s -> %s", texts[i], back);
      g_assert_cmpstr (back, ==, texts[i]);
    }
}

static void
test_patterns (void)
{
  LcLightChoice choice = { 0 };
  LcLight light;
  g_autofree char *solid = NULL;
  g_autofree char *off = NULL;

  parse_light ("blue/green:blink", &light);
  lc_light_choice_set_from_light (&choice, &light);
  g_assert_cmpint (choice.pattern, ==, LC_CHOICE_PATTERN_ALTERNATING);
  g_assert_cmpuint (choice.n_colors, ==, 2);

  /* Solid keeps the first colour only. */
  choice.pattern = LC_CHOICE_PATTERN_SOLID;
  solid = light_text (&choice);
  g_assert_cmpstr (solid, ==, "blue:solid");

  /* Off keeps the colours, so turning it on again brings them back. */
  lc_light_init_solid (&light, LC_COLOR_NONE);
  lc_light_choice_set_from_light (&choice, &light);
  g_assert_cmpint (choice.pattern, ==, LC_CHOICE_PATTERN_OFF);
  g_assert_cmpuint (choice.n_colors, ==, 2);
  off = light_text (&choice);
  g_assert_cmpstr (off, ==, "off");

  parse_light ("red:burst:6", &light);
  lc_light_choice_set_from_light (&choice, &light);
  g_assert_cmpint (choice.pattern, ==, LC_CHOICE_PATTERN_BURST);
  g_assert_cmpuint (choice.count, ==, 6);
}

/* Normal speed is the default rate, left out of the text; the others are
 * explicit, and an explicit rate near the default is normal. */
static void
test_speeds (void)
{
  static const struct {
    const char    *text;
    LcChoiceSpeed  speed;
  } cases[] = {
    { "red:blink", LC_CHOICE_SPEED_NORMAL },
    { "red:blink@4hz", LC_CHOICE_SPEED_FAST },
    { "red:blink@0.5hz", LC_CHOICE_SPEED_SLOW },
    { "red:blink@1.1hz", LC_CHOICE_SPEED_NORMAL },
    { "red:solid@4hz", LC_CHOICE_SPEED_NORMAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LcLight light;
      g_autoptr(GError) error = NULL;
      LcSignal signal;

      if (!lc_signal_parse (cases[i].text, &signal, &error))
        {
          /* "solid@4hz" may be refused: then there is nothing to classify. */
          g_test_message ("%s: %s", cases[i].text, error->message);
          continue;
        }
      light = signal.lights[0];
      g_assert_cmpint (lc_light_choice_speed_of (&light), ==, cases[i].speed);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/light-choice/round-trip", test_round_trip);
  g_test_add_func ("/core/light-choice/patterns", test_patterns);
  g_test_add_func ("/core/light-choice/speeds", test_speeds);

  return g_test_run ();
}
