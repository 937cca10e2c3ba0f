/* lc-signal.c — status-light signals: colors, kinds, lights, and their text form
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lc-signal-private.h"

G_DEFINE_QUARK (lc-signal-error-quark, lc_signal_error)

G_DEFINE_BOXED_TYPE (LcSignal, lc_signal, lc_signal_copy, lc_signal_free)

/* Rates are kept in hundredths of a hertz in the text form. */
#define RATE_MIN_CENTI_HZ 10
#define RATE_MAX_CENTI_HZ 3000

static const char * const color_ids[LC_N_COLORS] = {
  NULL, "red", "green", "blue", "white", "amber",
};

static const char * const kind_ids[] = {
  "off", "solid", "blink", "burst", "fade",
};

/* Colors */

const char *
lc_color_to_string (LcColor color)
{
  if ((guint) color >= LC_N_COLORS)
    return NULL;

  return color_ids[color];
}

static gboolean
color_from_span (const char *text,
                 gsize       len,
                 LcColor    *out_color)
{
  for (guint i = LC_COLOR_RED; i < LC_N_COLORS; i++)
    {
      if (strlen (color_ids[i]) == len && strncmp (text, color_ids[i], len) == 0)
        {
          *out_color = (LcColor) i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
lc_color_from_string (const char *text,
                      LcColor    *out_color)
{
  LcColor color;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!color_from_span (text, strlen (text), &color))
    return FALSE;

  if (out_color != NULL)
    *out_color = color;

  return TRUE;
}

const char *
lc_color_get_name (LcColor color)
{
  switch (color)
    {
    case LC_COLOR_RED:
      return _("Red");
    case LC_COLOR_GREEN:
      return _("Green");
    case LC_COLOR_BLUE:
      return _("Blue");
    case LC_COLOR_WHITE:
      return _("White");
    case LC_COLOR_AMBER:
      return _("Amber");
    case LC_COLOR_NONE:
    default:
      /* Translators: the color of a light that is not lit */
      return _("None");
    }
}

const char *
lc_kind_to_string (LcKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kind_ids))
    return NULL;

  return kind_ids[kind];
}

/* Lights */

void
lc_light_init_solid (LcLight *light,
                     LcColor  color)
{
  g_return_if_fail (light != NULL);

  memset (light, 0, sizeof *light);
  light->colors[0] = color;
  light->n_colors = color != LC_COLOR_NONE ? 1 : 0;
  light->kind = color != LC_COLOR_NONE ? LC_KIND_SOLID : LC_KIND_OFF;
}

/* Fills the blink timing of one light (see the header for the rules). It
 * only fills zeros, so it is idempotent and keeps measured timings.
 */
void
lc_light_normalize (LcLight *light)
{
  g_return_if_fail (light != NULL);

  light->n_colors = MIN (light->n_colors, LC_LIGHT_MAX_COLORS);

  switch (light->kind)
    {
    case LC_KIND_BLINK:
    case LC_KIND_BURST:
      if (light->kind == LC_KIND_BURST)
        {
          light->count = CLAMP (light->count, BURST_MIN_COUNT, BURST_MAX_COUNT);
          if (light->pause_ms == 0)
            light->pause_ms = LC_BURST_DEFAULT_PAUSE_MS;
        }
      else
        {
          light->count = 0;
          light->pause_ms = 0;
        }

      if (!(light->rate_hz > 0.0) || !isfinite (light->rate_hz))
        {
          if (light->on_ms > 0 && light->off_ms > 0)
            light->rate_hz = 1000.0 / (light->on_ms + light->off_ms);
          else if (light->kind == LC_KIND_BURST)
            light->rate_hz = LC_BURST_DEFAULT_HZ;
          else
            light->rate_hz = LC_BLINK_DEFAULT_HZ;
        }

      if (light->on_ms == 0)
        light->on_ms = half_period_ms (light->rate_hz);
      if (light->off_ms == 0)
        light->off_ms = half_period_ms (light->rate_hz);
      break;

    case LC_KIND_FADE:
      light->count = 0;
      light->pause_ms = 0;
      light->rate_explicit = FALSE;

      if (light->on_ms == 0 || light->off_ms == 0)
        {
          guint half;

          if (light->on_ms > 0 || light->off_ms > 0)
            half = MAX (light->on_ms, light->off_ms);
          else if (light->rate_hz > 0.0 && isfinite (light->rate_hz))
            half = half_period_ms (light->rate_hz);
          else
            half = LC_FADE_DEFAULT_PERIOD_MS / 2;

          if (light->on_ms == 0)
            light->on_ms = half;
          if (light->off_ms == 0)
            light->off_ms = half;
        }

      light->rate_hz = 1000.0 / (light->on_ms + light->off_ms);
      break;

    case LC_KIND_OFF:
    case LC_KIND_SOLID:
    default:
      light->count = 0;
      light->rate_hz = 0.0;
      light->rate_explicit = FALSE;
      light->on_ms = 0;
      light->off_ms = 0;
      light->pause_ms = 0;
      break;
    }
}

void
lc_light_set_rate (LcLight  *light,
                   double    rate_hz,
                   gboolean  rate_explicit)
{
  g_return_if_fail (light != NULL);

  light->rate_hz = rate_hz;
  light->rate_explicit = rate_explicit && rate_hz > 0.0;
  light->on_ms = 0;
  light->off_ms = 0;
  lc_light_normalize (light);
}

/* Signals */

void
lc_signal_init_off (LcSignal *signal)
{
  g_return_if_fail (signal != NULL);

  memset (signal, 0, sizeof *signal);
}

typedef struct
{
  const char *text;
  gsize       pos;
} Parser;

/* Positions in messages count characters from 1, as a person would. */
static gboolean
parser_fail (Parser        *parser,
             gsize          offset,
             LcSignalError  code,
             const char    *what,
             GError       **error)
{
  glong position = (glong) offset + 1;

  if (g_utf8_validate_len (parser->text, offset, NULL))
    position = g_utf8_strlen (parser->text, (gssize) offset) + 1;

  /* Translators: "At position 5: expected a color (…)"; the second %s is
   * one of the messages below that say what is wrong.
   */
  g_set_error (error, LC_SIGNAL_ERROR, code, _("At position %ld: %s"), position, what);

  return FALSE;
}

static gsize
parser_word_length (Parser *parser)
{
  gsize len = 0;

  while (parser->text[parser->pos + len] >= 'a' && parser->text[parser->pos + len] <= 'z')
    len++;

  return len;
}

static gboolean
parser_take_word (Parser     *parser,
                  const char *word)
{
  gsize len = parser_word_length (parser);

  if (len != strlen (word) || strncmp (parser->text + parser->pos, word, len) != 0)
    return FALSE;

  parser->pos += len;
  return TRUE;
}

static char
parser_peek (Parser *parser)
{
  return parser->text[parser->pos];
}

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Whole number without leading zeros; saturates instead of overflowing. */
static gboolean
parse_count (Parser  *parser,
             guint   *out_count,
             GError **error)
{
  gsize start = parser->pos;
  guint value = 0;

  if (!is_digit (parser_peek (parser)))
    return parser_fail (parser, start, LC_SIGNAL_ERROR_SYNTAX,
                        _("expected the number of blinks (1 to 20)"), error);

  if (parser_peek (parser) == '0' && is_digit (parser->text[parser->pos + 1]))
    return parser_fail (parser, start, LC_SIGNAL_ERROR_SYNTAX,
                        _("expected a number without leading zeros"), error);

  while (is_digit (parser_peek (parser)))
    {
      value = MIN (value * 10 + (guint) (parser_peek (parser) - '0'), 100000u);
      parser->pos++;
    }

  if (value < BURST_MIN_COUNT || value > BURST_MAX_COUNT)
    return parser_fail (parser, start, LC_SIGNAL_ERROR_RANGE,
                        _("a burst has from 1 to 20 blinks"), error);

  *out_count = value;
  return TRUE;
}

/* rate := digits ["." digit [digit]] "hz", kept in hundredths so printing
 * gives the same text back.
 */
static gboolean
parse_rate (Parser  *parser,
            double  *out_rate_hz,
            GError **error)
{
  gsize start = parser->pos;
  guint centi = 0;

  if (!is_digit (parser_peek (parser)))
    return parser_fail (parser, start, LC_SIGNAL_ERROR_SYNTAX,
                        /* Translators: "4" and "0.5" are typed as they are: keep the
                         * decimal point. */
                        _("expected a rate in hertz, such as 4 or 0.5"), error);

  if (parser_peek (parser) == '0' && is_digit (parser->text[parser->pos + 1]))
    return parser_fail (parser, start, LC_SIGNAL_ERROR_SYNTAX,
                        _("expected a number without leading zeros"), error);

  while (is_digit (parser_peek (parser)))
    {
      centi = MIN (centi * 10 + (guint) (parser_peek (parser) - '0'), 1000000u);
      parser->pos++;
    }
  centi *= 100;

  if (parser_peek (parser) == '.')
    {
      parser->pos++;
      if (!is_digit (parser_peek (parser)))
        return parser_fail (parser, parser->pos, LC_SIGNAL_ERROR_SYNTAX,
                            _("expected a digit after the decimal point"), error);

      centi += 10 * (guint) (parser_peek (parser) - '0');
      parser->pos++;

      if (is_digit (parser_peek (parser)))
        {
          centi += (guint) (parser_peek (parser) - '0');
          parser->pos++;
        }

      if (is_digit (parser_peek (parser)))
        return parser_fail (parser, parser->pos, LC_SIGNAL_ERROR_SYNTAX,
                            _("expected at most two decimals"), error);
    }

  if (strncmp (parser->text + parser->pos, "hz", 2) != 0)
    return parser_fail (parser, parser->pos, LC_SIGNAL_ERROR_SYNTAX,
                        /* Translators: “hz” is typed as it is; keep it. */
                        _("expected “hz” after the rate"), error);
  parser->pos += 2;

  if (centi < RATE_MIN_CENTI_HZ || centi > RATE_MAX_CENTI_HZ)
    return parser_fail (parser, start, LC_SIGNAL_ERROR_RANGE,
                        _("the rate must be from 0.1 to 30 hertz"), error);

  *out_rate_hz = centi / 100.0;
  return TRUE;
}

/* colors := color ("/" color)*, up to the ":" (taken too). */
static gboolean
parse_colors (Parser   *parser,
              LcLight  *light,
              GError  **error)
{
  for (;;)
    {
      gsize start = parser->pos;
      gsize len = parser_word_length (parser);
      LcColor color;

      if (!color_from_span (parser->text + start, len, &color))
        return parser_fail (parser, start, LC_SIGNAL_ERROR_SYNTAX,
                            /* Translators: the words in parentheses are what people
                             * type in a signal; keep them in English. */
                            _("expected a color (red, green, blue, white or amber)"), error);

      for (guint i = 0; i < light->n_colors; i++)
        {
          if (light->colors[i] == color)
            return parser_fail (parser, start, LC_SIGNAL_ERROR_RANGE,
                                _("a color appears twice in one light"), error);
        }

      if (light->n_colors == LC_LIGHT_MAX_COLORS)
        return parser_fail (parser, start, LC_SIGNAL_ERROR_RANGE,
                            _("a light alternates at most 3 colors"), error);

      light->colors[light->n_colors++] = color;
      parser->pos += len;

      if (parser_peek (parser) == '/')
        parser->pos++;
      else if (parser_peek (parser) == ':')
        break;
      else
        return parser_fail (parser, parser->pos, LC_SIGNAL_ERROR_SYNTAX,
                            _("expected “:” or “/” after a color"), error);
    }
  parser->pos++;

  return TRUE;
}

/* kind := "solid" | "blink" | "burst" | "fade"; a steady light shows
 * only one color.
 */
static gboolean
parse_kind (Parser   *parser,
            LcLight  *light,
            GError  **error)
{
  gsize kind_start = parser->pos;

  if (parser_take_word (parser, "solid"))
    light->kind = LC_KIND_SOLID;
  else if (parser_take_word (parser, "blink"))
    light->kind = LC_KIND_BLINK;
  else if (parser_take_word (parser, "burst"))
    light->kind = LC_KIND_BURST;
  else if (parser_take_word (parser, "fade"))
    light->kind = LC_KIND_FADE;
  else
    return parser_fail (parser, kind_start, LC_SIGNAL_ERROR_SYNTAX,
                        /* Translators: the words in parentheses are what people
                         * type in a signal; keep them in English. */
                        _("expected a pattern (solid, blink, burst or fade)"), error);

  if (light->kind == LC_KIND_SOLID && light->n_colors > 1)
    return parser_fail (parser, kind_start, LC_SIGNAL_ERROR_SYNTAX,
                        _("a steady light shows one color; use blink, burst or fade for alternating colors"),
                        error);

  return TRUE;
}

static gboolean
parse_light (Parser   *parser,
             LcLight  *light,
             GError  **error)
{
  memset (light, 0, sizeof *light);

  if (!parse_colors (parser, light, error) ||
      !parse_kind (parser, light, error))
    return FALSE;

  if (light->kind == LC_KIND_BURST)
    {
      if (parser_peek (parser) != ':')
        return parser_fail (parser, parser->pos, LC_SIGNAL_ERROR_SYNTAX,
                            _("expected “:” and the number of blinks"), error);
      parser->pos++;

      if (!parse_count (parser, &light->count, error))
        return FALSE;
    }

  if ((light->kind == LC_KIND_BLINK || light->kind == LC_KIND_BURST) &&
      parser_peek (parser) == '@')
    {
      parser->pos++;
      if (!parse_rate (parser, &light->rate_hz, error))
        return FALSE;
      light->rate_explicit = TRUE;
    }

  if (parser_peek (parser) != '\0' && parser_peek (parser) != '+')
    {
      const char *what;

      if ((light->kind == LC_KIND_BLINK || light->kind == LC_KIND_BURST) && !light->rate_explicit)
        what = _("expected “@” and a rate, “+” and another light, or the end");
      else
        what = _("expected “+” and another light, or the end");

      return parser_fail (parser, parser->pos, LC_SIGNAL_ERROR_SYNTAX, what, error);
    }

  lc_light_normalize (light);

  return TRUE;
}

gboolean
lc_signal_parse (const char  *text,
                 LcSignal    *out_signal,
                 GError     **error)
{
  Parser parser = { text, 0 };
  LcSignal signal;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lc_signal_init_off (&signal);

  if (parser_take_word (&parser, "off"))
    {
      if (parser_peek (&parser) != '\0')
        return parser_fail (&parser, parser.pos, LC_SIGNAL_ERROR_SYNTAX,
                            _("expected nothing after “off”"), error);
    }
  else
    {
      LcColor first;

      if (!color_from_span (text, parser_word_length (&parser), &first))
        return parser_fail (&parser, 0, LC_SIGNAL_ERROR_SYNTAX,
                            /* Translators: the color words and “off” are what
                             * people type in a signal; keep them in English. */
                            _("expected a color (red, green, blue, white or amber) or “off”"), error);

      for (;;)
        {
          if (signal.n_lights == LC_SIGNAL_MAX_LIGHTS)
            return parser_fail (&parser, parser.pos, LC_SIGNAL_ERROR_RANGE,
                                _("a device has at most 4 lights"), error);

          if (!parse_light (&parser, &signal.lights[signal.n_lights], error))
            return FALSE;
          signal.n_lights++;

          if (parser_peek (&parser) == '\0')
            break;

          g_assert (parser_peek (&parser) == '+');
          parser.pos++;
        }
    }

  if (out_signal != NULL)
    *out_signal = signal;

  return TRUE;
}

static void
append_rate (GString *string,
             double   rate_hz)
{
  guint centi;

  if (!(rate_hz > 0.0) || !isfinite (rate_hz))
    rate_hz = 0.0;

  centi = (guint) CLAMP (lround (rate_hz * 100.0), RATE_MIN_CENTI_HZ, RATE_MAX_CENTI_HZ);

  g_string_append_printf (string, "@%u", centi / 100);
  if (centi % 10 == 0 && centi % 100 != 0)
    g_string_append_printf (string, ".%u", (centi % 100) / 10);
  else if (centi % 100 != 0)
    g_string_append_printf (string, ".%02u", centi % 100);
  g_string_append (string, "hz");
}

/* Returns FALSE and appends nothing when the light is dark or has no valid
 * color: such lights have no text form.
 */
static gboolean
append_light (GString       *string,
              const LcLight *light)
{
  guint n_printed = 0;

  if (!light_is_lit (light) || (guint) light->kind >= G_N_ELEMENTS (kind_ids))
    return FALSE;

  for (guint i = 0; i < MIN (light->n_colors, LC_LIGHT_MAX_COLORS); i++)
    {
      const char *id = lc_color_to_string (light->colors[i]);

      if (id == NULL)
        continue;

      /* A steady light cannot alternate: only its first color shows. */
      if (light->kind == LC_KIND_SOLID && n_printed > 0)
        break;

      if (n_printed > 0)
        g_string_append_c (string, '/');
      g_string_append (string, id);
      n_printed++;
    }

  if (n_printed == 0)
    return FALSE;

  g_string_append_c (string, ':');
  g_string_append (string, kind_ids[light->kind]);

  if (light->kind == LC_KIND_BURST)
    g_string_append_printf (string, ":%u", CLAMP (light->count, BURST_MIN_COUNT, BURST_MAX_COUNT));

  if ((light->kind == LC_KIND_BLINK || light->kind == LC_KIND_BURST) && light->rate_explicit)
    append_rate (string, light->rate_hz);

  return TRUE;
}

char *
lc_light_to_string (const LcLight *light)
{
  GString *string;

  g_return_val_if_fail (light != NULL, NULL);

  string = g_string_new (NULL);
  if (!append_light (string, light))
    g_string_assign (string, "off");

  return g_string_free (string, FALSE);
}

char *
lc_signal_to_string (const LcSignal *signal)
{
  GString *string;

  g_return_val_if_fail (signal != NULL, NULL);

  string = g_string_new (NULL);

  for (guint i = 0; i < MIN (signal->n_lights, LC_SIGNAL_MAX_LIGHTS); i++)
    {
      gsize before = string->len;

      if (before > 0)
        g_string_append_c (string, '+');

      if (!append_light (string, &signal->lights[i]))
        g_string_truncate (string, before);
    }

  if (string->len == 0)
    g_string_assign (string, "off");

  return g_string_free (string, FALSE);
}

gboolean
lc_signal_equal (const LcSignal *a,
                 const LcSignal *b)
{
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a == b)
    return TRUE;

  text_a = lc_signal_to_string (a);
  text_b = lc_signal_to_string (b);

  return g_str_equal (text_a, text_b);
}

gboolean
lc_signal_is_off (const LcSignal *signal)
{
  g_return_val_if_fail (signal != NULL, TRUE);

  for (guint i = 0; i < MIN (signal->n_lights, LC_SIGNAL_MAX_LIGHTS); i++)
    {
      if (light_is_lit (&signal->lights[i]))
        return FALSE;
    }

  return TRUE;
}

LcSignal *
lc_signal_copy (const LcSignal *signal)
{
  g_return_val_if_fail (signal != NULL, NULL);

  return g_memdup2 (signal, sizeof *signal);
}

void
lc_signal_free (LcSignal *signal)
{
  g_free (signal);
}
