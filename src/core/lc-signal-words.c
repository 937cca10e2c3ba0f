/* lc-signal-words.c — signals in words for people: color words and descriptions
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-signal-private.h"

/**
 * lc_color_get_word:
 *
 * Returns: the translated lower-case color word for use inside a
 *   sentence ("red light"), as opposed to lc_color_get_name()'s "Red"
 */
const char *
lc_color_get_word (LcColor color)
{
  switch (color)
    {
    case LC_COLOR_RED:
      return C_("color in a sentence", "red");
    case LC_COLOR_GREEN:
      return C_("color in a sentence", "green");
    case LC_COLOR_BLUE:
      return C_("color in a sentence", "blue");
    case LC_COLOR_WHITE:
      return C_("color in a sentence", "white");
    case LC_COLOR_AMBER:
      return C_("color in a sentence", "amber");
    case LC_COLOR_NONE:
    default:
      return C_("color in a sentence", "unlit");
    }
}

/**
 * lc_light_describe_colors:
 *
 * Returns: (transfer full): the light's colors as words inside a
 *   sentence: "red", "blue and green"
 */
char *
lc_light_describe_colors (const LcLight *light)
{
  guint n = MIN (light->n_colors, LC_LIGHT_MAX_COLORS);

  if (n >= 3)
    /* Translators: three alternating colors, e.g. "red, green and blue" */
    return g_strdup_printf (_("%s, %s and %s"), lc_color_get_word (light->colors[0]),
                            lc_color_get_word (light->colors[1]), lc_color_get_word (light->colors[2]));

  if (n == 2)
    /* Translators: two alternating colors, e.g. "blue and green" */
    return g_strdup_printf (_("%s and %s"), lc_color_get_word (light->colors[0]),
                            lc_color_get_word (light->colors[1]));

  return g_strdup (lc_color_get_word (light->colors[0]));
}

static char *
describe_blinks (guint count)
{
  static const char * const words[] = {
    NULL,
    NC_("number of blinks", "one"),
    NC_("number of blinks", "two"),
    NC_("number of blinks", "three"),
    NC_("number of blinks", "four"),
    NC_("number of blinks", "five"),
    NC_("number of blinks", "six"),
    NC_("number of blinks", "seven"),
    NC_("number of blinks", "eight"),
    NC_("number of blinks", "nine"),
    NC_("number of blinks", "ten"),
  };
  g_autofree char *number = NULL;

  if (count >= 1 && count < G_N_ELEMENTS (words))
    number = g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "number of blinks", words[count]));
  else
    number = g_strdup_printf ("%u", count);

  /* Translators: %s is a number, written as a word up to ten: "six blinks" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s blink", "%s blinks", count), number);
}

typedef enum
{
  SPEED_ANY,
  SPEED_FAST,
  SPEED_SLOW,
} Speed;

static Speed
light_speed (const LcLight *light)
{
  if (!light->rate_explicit)
    return SPEED_ANY;
  if (light->rate_hz >= 2.0)
    return SPEED_FAST;
  if (light->rate_hz <= 0.5)
    return SPEED_SLOW;
  return SPEED_ANY;
}

/* One light, starting in lower case: the caller makes the sentence. */
static char *
describe_light (const LcLight *light)
{
  g_autofree char *blinks = NULL;
  g_autofree char *colors = NULL;
  const char *color = lc_color_get_word (light->colors[0]);
  gboolean alternates = light->n_colors > 1 && light->kind != LC_KIND_SOLID;

  if (light->kind == LC_KIND_BURST)
    blinks = describe_blinks (CLAMP (light->count, BURST_MIN_COUNT, BURST_MAX_COUNT));

  if (!alternates)
    {
      switch (light->kind)
        {
        case LC_KIND_BLINK:
          switch (light_speed (light))
            {
            case SPEED_FAST:
              /* Translators: %s is a color: "red light blinking fast" */
              return g_strdup_printf (_("%s light blinking fast"), color);
            case SPEED_SLOW:
              /* Translators: %s is a color: "red light blinking slowly" */
              return g_strdup_printf (_("%s light blinking slowly"), color);
            case SPEED_ANY:
            default:
              /* Translators: %s is a color: "red light blinking" */
              return g_strdup_printf (_("%s light blinking"), color);
            }

        case LC_KIND_BURST:
          /* Translators: "red light: six blinks, then a pause, repeating" */
          return g_strdup_printf (_("%s light: %s, then a pause, repeating"), color, blinks);

        case LC_KIND_FADE:
          /* Translators: %s is a color: "red light fading in and out" */
          return g_strdup_printf (_("%s light fading in and out"), color);

        case LC_KIND_SOLID:
        case LC_KIND_OFF:
        default:
          /* Translators: %s is a color: "red light on" (steady) */
          return g_strdup_printf (_("%s light on"), color);
        }
    }

  colors = lc_light_describe_colors (light);

  switch (light->kind)
    {
    case LC_KIND_BURST:
      /* Translators: "light: six blinks alternating blue and green, then a pause, repeating" */
      return g_strdup_printf (_("light: %s alternating %s, then a pause, repeating"), blinks, colors);

    case LC_KIND_FADE:
      /* Translators: %s lists colors: "light fading in and out, alternating blue and green" */
      return g_strdup_printf (_("light fading in and out, alternating %s"), colors);

    case LC_KIND_BLINK:
    case LC_KIND_SOLID:
    case LC_KIND_OFF:
    default:
      switch (light_speed (light))
        {
        case SPEED_FAST:
          /* Translators: %s lists colors: "light alternating blue and green fast" */
          return g_strdup_printf (_("light alternating %s fast"), colors);
        case SPEED_SLOW:
          /* Translators: %s lists colors: "light alternating blue and green slowly" */
          return g_strdup_printf (_("light alternating %s slowly"), colors);
        case SPEED_ANY:
        default:
          /* Translators: %s lists colors: "light alternating blue and green" */
          return g_strdup_printf (_("light alternating %s"), colors);
        }
    }
}

static char *
capitalize_first (char *text)
{
  gunichar first = g_utf8_get_char (text);
  gunichar title = g_unichar_totitle (first);
  char buf[8] = { 0 };

  if (first == title)
    return text;

  g_unichar_to_utf8 (title, buf);

  {
    char *result = g_strconcat (buf, g_utf8_next_char (text), NULL);
    g_free (text);
    return result;
  }
}

char *
lc_signal_describe (const LcSignal *signal)
{
  g_autofree char *sentence = NULL;

  g_return_val_if_fail (signal != NULL, NULL);

  for (guint i = 0; i < MIN (signal->n_lights, LC_SIGNAL_MAX_LIGHTS); i++)
    {
      g_autofree char *phrase = NULL;

      if (!light_is_lit (&signal->lights[i]))
        continue;

      phrase = describe_light (&signal->lights[i]);

      if (sentence == NULL)
        {
          sentence = g_steal_pointer (&phrase);
        }
      else
        {
          /* Translators: joins the descriptions of two lights of one
           * device: "blue light on, green light blinking"
           */
          char *joined = g_strdup_printf (C_("lights", "%s, %s"), sentence, phrase);

          g_free (sentence);
          sentence = joined;
        }
    }

  if (sentence == NULL)
    /* Translators: the status light is dark */
    return g_strdup (_("No light"));

  return capitalize_first (g_steal_pointer (&sentence));
}
