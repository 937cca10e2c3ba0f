/* lc-signal.c — parse, print, time, match and describe status-light signals
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lc-signal.h"

G_DEFINE_QUARK (lc-signal-error-quark, lc_signal_error)

G_DEFINE_BOXED_TYPE (LcSignal, lc_signal, lc_signal_copy, lc_signal_free)

#define BURST_MIN_COUNT 1
#define BURST_MAX_COUNT 20
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
      /* TRANSLATORS: the color of a light that is not lit */
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

static gboolean
light_is_lit (const LcLight *light)
{
  return light->kind != LC_KIND_OFF && light->n_colors > 0;
}

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

static guint
half_period_ms (double rate_hz)
{
  return MAX (1, (guint) lround (500.0 / rate_hz));
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

/* A light whose timing was never filled is drawn with the defaults. */
static const LcLight *
timed_light (const LcLight *light,
             LcLight       *scratch)
{
  gboolean needs_timing;

  switch (light->kind)
    {
    case LC_KIND_BLINK:
    case LC_KIND_FADE:
      needs_timing = light->on_ms == 0 || light->off_ms == 0;
      break;
    case LC_KIND_BURST:
      needs_timing = light->on_ms == 0 || light->off_ms == 0 ||
                     light->pause_ms == 0 || light->count == 0 ||
                     light->count > BURST_MAX_COUNT;
      break;
    case LC_KIND_OFF:
    case LC_KIND_SOLID:
    default:
      needs_timing = FALSE;
      break;
    }

  if (!needs_timing && light->n_colors <= LC_LIGHT_MAX_COLORS)
    return light;

  *scratch = *light;
  lc_light_normalize (scratch);
  return scratch;
}

/* Length in ms of one burst group: the last blink's dark time is the pause. */
static double
burst_group_ms (const LcLight *light)
{
  return (double) light->count * (light->on_ms + light->off_ms) - light->off_ms + light->pause_ms;
}

/* How many blinks (or breaths, or groups) before the color cycle and the
 * pattern line up again.
 */
static guint
color_cycle_repeats (const LcLight *light)
{
  guint n = MAX (light->n_colors, 1);

  if (light->kind == LC_KIND_BURST)
    {
      guint a = light->count, b = n;

      /* groups needed: n / gcd (count, n) */
      while (b != 0)
        {
          guint r = a % b;
          a = b;
          b = r;
        }
      return n / a;
    }

  return n;
}

double
lc_light_get_period (const LcLight *light)
{
  LcLight scratch;

  g_return_val_if_fail (light != NULL, 0.0);

  if (!light_is_lit (light))
    return 0.0;

  light = timed_light (light, &scratch);

  switch (light->kind)
    {
    case LC_KIND_BLINK:
    case LC_KIND_FADE:
      return color_cycle_repeats (light) * (double) (light->on_ms + light->off_ms) / 1000.0;
    case LC_KIND_BURST:
      return color_cycle_repeats (light) * burst_group_ms (light) / 1000.0;
    case LC_KIND_OFF:
    case LC_KIND_SOLID:
    default:
      return 0.0;
    }
}

/* Returns colors[index mod n] for a (possibly huge) whole number @index. */
static LcColor
color_for_index (const LcLight *light,
                 double         index)
{
  guint n = MAX (light->n_colors, 1);
  double slot = fmod (index, (double) n);

  if (slot < 0)
    slot += n;

  return light->colors[MIN ((guint) slot, n - 1)];
}

gboolean
lc_light_state_at (const LcLight *light,
                   double         t_seconds,
                   LcColor       *out_color,
                   double        *out_level)
{
  LcLight scratch;
  LcColor color = LC_COLOR_NONE;
  double level = 0.0;

  g_return_val_if_fail (light != NULL, FALSE);

  if (!light_is_lit (light) || !isfinite (t_seconds))
    goto out;

  light = timed_light (light, &scratch);

  /* Work in milliseconds: the timings are whole milliseconds, so the edges
   * of every blink are exact for frame times such as i / 30.0.
   */
  {
    double t_ms = t_seconds * 1000.0;
    double cycle_ms, index, phase;

    switch (light->kind)
      {
      case LC_KIND_SOLID:
        color = light->colors[0];
        level = 1.0;
        break;

      case LC_KIND_BLINK:
        cycle_ms = light->on_ms + light->off_ms;
        index = floor (t_ms / cycle_ms);
        phase = t_ms - index * cycle_ms;
        if (phase < light->on_ms)
          {
            color = color_for_index (light, index);
            level = 1.0;
          }
        break;

      case LC_KIND_BURST:
        {
          double group_ms = burst_group_ms (light);
          double group, blink;

          cycle_ms = light->on_ms + light->off_ms;
          group = floor (t_ms / group_ms);
          phase = t_ms - group * group_ms;
          blink = floor (phase / cycle_ms);
          if (blink < light->count && phase - blink * cycle_ms < light->on_ms)
            {
              guint n = MAX (light->n_colors, 1);

              color = color_for_index (light, fmod (group, n) * light->count + blink);
              level = 1.0;
            }
        }
        break;

      case LC_KIND_FADE:
        cycle_ms = light->on_ms + light->off_ms;
        index = floor (t_ms / cycle_ms);
        phase = t_ms - index * cycle_ms;
        /* Raised cosine: dark at the start of each breath, full at on_ms,
         * dark again at the end; rise and fall may differ in length.
         */
        if (phase < light->on_ms)
          level = 0.5 - 0.5 * cos (G_PI * phase / light->on_ms);
        else
          level = 0.5 + 0.5 * cos (G_PI * (phase - light->on_ms) / light->off_ms);
        level = CLAMP (level, 0.0, 1.0);
        if (level > 0.0)
          color = color_for_index (light, index);
        else
          level = 0.0;
        break;

      case LC_KIND_OFF:
      default:
        break;
      }
  }

out:
  if (out_color != NULL)
    *out_color = color;
  if (out_level != NULL)
    *out_level = level;

  return color != LC_COLOR_NONE;
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

  /* TRANSLATORS: "At position 5: expected a color (…)"; the second %s is
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
                        /* TRANSLATORS: "4" and "0.5" are typed as they are: keep the
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
                        /* TRANSLATORS: “hz” is typed as it is; keep it. */
                        _("expected “hz” after the rate"), error);
  parser->pos += 2;

  if (centi < RATE_MIN_CENTI_HZ || centi > RATE_MAX_CENTI_HZ)
    return parser_fail (parser, start, LC_SIGNAL_ERROR_RANGE,
                        _("the rate must be from 0.1 to 30 hertz"), error);

  *out_rate_hz = centi / 100.0;
  return TRUE;
}

static gboolean
parse_light (Parser   *parser,
             LcLight  *light,
             GError  **error)
{
  gsize kind_start;

  memset (light, 0, sizeof *light);

  for (;;)
    {
      gsize start = parser->pos;
      gsize len = parser_word_length (parser);
      LcColor color;

      if (!color_from_span (parser->text + start, len, &color))
        return parser_fail (parser, start, LC_SIGNAL_ERROR_SYNTAX,
                            /* TRANSLATORS: the words in parentheses are what people
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

  kind_start = parser->pos;
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
                        /* TRANSLATORS: the words in parentheses are what people
                         * type in a signal; keep them in English. */
                        _("expected a pattern (solid, blink, burst or fade)"), error);

  if (light->kind == LC_KIND_SOLID && light->n_colors > 1)
    return parser_fail (parser, kind_start, LC_SIGNAL_ERROR_SYNTAX,
                        _("a steady light shows one color; use blink, burst or fade for alternating colors"),
                        error);

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
                            /* TRANSLATORS: the color words and “off” are what
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

double
lc_signal_get_period (const LcSignal *signal)
{
  double period = 0.0;

  g_return_val_if_fail (signal != NULL, 0.0);

  for (guint i = 0; i < MIN (signal->n_lights, LC_SIGNAL_MAX_LIGHTS); i++)
    period = MAX (period, lc_light_get_period (&signal->lights[i]));

  return period;
}

gboolean
lc_signal_light_at (const LcSignal *signal,
                    guint           light_index,
                    double          t_seconds,
                    LcColor        *out_color,
                    double         *out_level)
{
  g_return_val_if_fail (signal != NULL, FALSE);

  if (light_index >= MIN (signal->n_lights, LC_SIGNAL_MAX_LIGHTS))
    {
      if (out_color != NULL)
        *out_color = LC_COLOR_NONE;
      if (out_level != NULL)
        *out_level = 0.0;
      return FALSE;
    }

  return lc_light_state_at (&signal->lights[light_index], t_seconds, out_color, out_level);
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

/* Matching */

#define MATCH_FACTOR_COLOR   0.65
#define MATCH_FACTOR_KIND    0.60
#define MATCH_FACTOR_COUNT   0.65
#define MATCH_FACTOR_RATE    0.70
#define MATCH_FACTOR_MISSING 0.60
/* Explicit rates within this ratio are "the same speed". */
#define MATCH_RATE_TOLERANCE 1.5

typedef enum
{
  COLOR_DIFFERENT,
  COLOR_CONFUSABLE,
  COLOR_SAME,
} ColorRelation;

/* Cameras clip saturated LEDs to white, and people (and cameras) take
 * amber for red and red for amber.
 */
static ColorRelation
relate_colors (LcColor observed,
               LcColor known)
{
  if (observed == known)
    return COLOR_SAME;

  if ((observed == LC_COLOR_AMBER && known == LC_COLOR_RED) ||
      (observed == LC_COLOR_RED && known == LC_COLOR_AMBER))
    return COLOR_CONFUSABLE;

  if (observed == LC_COLOR_WHITE && known != LC_COLOR_NONE)
    return COLOR_CONFUSABLE;

  return COLOR_DIFFERENT;
}

static ColorRelation
relate_color_sets (const LcLight *observed,
                   const LcLight *known)
{
  guint n_o = MIN (observed->n_colors, LC_LIGHT_MAX_COLORS);
  guint n_k = MIN (known->n_colors, LC_LIGHT_MAX_COLORS);

  if (n_o == 0 || n_k == 0)
    return COLOR_DIFFERENT;

  if (n_o == n_k)
    {
      ColorRelation best = COLOR_DIFFERENT;

      /* Where an alternation starts is only a matter of when one looked. */
      for (guint shift = 0; shift < n_k; shift++)
        {
          ColorRelation worst = COLOR_SAME;

          for (guint i = 0; i < n_o; i++)
            worst = MIN (worst, relate_colors (observed->colors[i], known->colors[(i + shift) % n_k]));

          best = MAX (best, worst);
        }

      return best;
    }

  if (n_o < n_k)
    {
      /* Some colors of an alternating light were missed: each color seen
       * must be one of the known colors.
       */
      for (guint i = 0; i < n_o; i++)
        {
          ColorRelation best = COLOR_DIFFERENT;

          for (guint j = 0; j < n_k; j++)
            best = MAX (best, relate_colors (observed->colors[i], known->colors[j]));

          if (best == COLOR_DIFFERENT)
            return COLOR_DIFFERENT;
        }

      return COLOR_CONFUSABLE;
    }

  return COLOR_DIFFERENT;
}

static gboolean
kinds_confusable (LcKind a,
                  LcKind b)
{
  if (a > b)
    {
      LcKind swap = a;
      a = b;
      b = swap;
    }

  return (a == LC_KIND_BLINK && b == LC_KIND_BURST) ||
         (a == LC_KIND_BLINK && b == LC_KIND_FADE);
}

static double
match_light (const LcLight *observed,
             const LcLight *known,
             LcMatchFlags  *flags)
{
  double score = 1.0;

  *flags = LC_MATCH_EXACT;

  switch (relate_color_sets (observed, known))
    {
    case COLOR_SAME:
      break;
    case COLOR_CONFUSABLE:
      *flags |= LC_MATCH_COLOR_CONFUSED;
      score *= MATCH_FACTOR_COLOR;
      break;
    case COLOR_DIFFERENT:
    default:
      return 0.0;
    }

  if (observed->kind != known->kind)
    {
      if (!kinds_confusable (observed->kind, known->kind))
        return 0.0;

      *flags |= LC_MATCH_KIND_CONFUSED;
      score *= MATCH_FACTOR_KIND;
      return score;
    }

  if (known->kind == LC_KIND_BURST && observed->count != known->count)
    {
      guint lo = MIN (observed->count, known->count);
      guint hi = MAX (observed->count, known->count);

      /* Two and three blinks are told apart; five and six often are not. */
      if (hi - lo != 1 || lo < 3)
        return 0.0;

      *flags |= LC_MATCH_COUNT_OFF;
      score *= MATCH_FACTOR_COUNT;
    }

  if ((known->kind == LC_KIND_BLINK || known->kind == LC_KIND_BURST) &&
      observed->rate_explicit && known->rate_explicit &&
      observed->rate_hz > 0.0 && known->rate_hz > 0.0)
    {
      double ratio = fabs (log (observed->rate_hz / known->rate_hz));

      if (ratio > log (MATCH_RATE_TOLERANCE) + 1e-9)
        {
          *flags |= LC_MATCH_RATE_DIFFERS;
          score *= MATCH_FACTOR_RATE;
        }
    }

  return score;
}

typedef struct
{
  const LcLight *observed[LC_SIGNAL_MAX_LIGHTS];
  const LcLight *known[LC_SIGNAL_MAX_LIGHTS];
  guint          n_observed;
  guint          n_known;
  double         pair_score[LC_SIGNAL_MAX_LIGHTS][LC_SIGNAL_MAX_LIGHTS];
  LcMatchFlags   pair_flags[LC_SIGNAL_MAX_LIGHTS][LC_SIGNAL_MAX_LIGHTS];
  double         best_score;
  LcMatchFlags   best_flags;
} Assignment;

/* Tries every way to give each observed light its own known light (at
 * most 4! = 24 ways) and keeps the best product of scores.
 */
static void
assign_lights (Assignment   *assignment,
               guint         observed_index,
               guint         used_known,
               double        score,
               LcMatchFlags  flags)
{
  if (score <= assignment->best_score)
    return;

  if (observed_index >= assignment->n_observed)
    {
      assignment->best_score = score;
      assignment->best_flags = flags;
      return;
    }

  /* Never true (both counts are at most LC_SIGNAL_MAX_LIGHTS), but it shows
   * GCC 12 at -O3 the array bounds, or it warns on the unrolled recursion.
   */
  if (observed_index >= LC_SIGNAL_MAX_LIGHTS)
    return;

  for (guint k = 0; k < MIN (assignment->n_known, LC_SIGNAL_MAX_LIGHTS); k++)
    {
      if (used_known & (1u << k))
        continue;

      assign_lights (assignment, observed_index + 1, used_known | (1u << k),
                     score * assignment->pair_score[observed_index][k],
                     flags | assignment->pair_flags[observed_index][k]);
    }
}

static guint
collect_lit_lights (const LcSignal  *signal,
                    const LcLight  **lights)
{
  guint n = 0;

  for (guint i = 0; i < MIN (signal->n_lights, LC_SIGNAL_MAX_LIGHTS); i++)
    {
      if (light_is_lit (&signal->lights[i]))
        lights[n++] = &signal->lights[i];
    }

  return n;
}

double
lc_signal_match (const LcSignal *observed,
                 const LcSignal *known,
                 LcMatchFlags   *out_flags)
{
  Assignment assignment;
  double score = 0.0;
  LcMatchFlags flags = LC_MATCH_EXACT;

  g_return_val_if_fail (observed != NULL, 0.0);
  g_return_val_if_fail (known != NULL, 0.0);

  memset (&assignment, 0, sizeof assignment);
  assignment.n_observed = collect_lit_lights (observed, assignment.observed);
  assignment.n_known = collect_lit_lights (known, assignment.known);

  if (assignment.n_observed == 0 && assignment.n_known == 0)
    {
      score = 1.0;
      goto out;
    }

  /* Dark against lit, an extra light, or two lights missing: different. */
  if (assignment.n_observed == 0 ||
      assignment.n_observed > assignment.n_known ||
      assignment.n_known - assignment.n_observed > 1)
    goto out;

  for (guint o = 0; o < assignment.n_observed; o++)
    for (guint k = 0; k < assignment.n_known; k++)
      assignment.pair_score[o][k] = match_light (assignment.observed[o], assignment.known[k],
                                                 &assignment.pair_flags[o][k]);

  assignment.best_score = 0.0;
  assign_lights (&assignment, 0, 0, 1.0, LC_MATCH_EXACT);

  if (assignment.best_score <= 0.0)
    goto out;

  score = assignment.best_score;
  flags = assignment.best_flags;

  if (assignment.n_observed < assignment.n_known)
    {
      score *= MATCH_FACTOR_MISSING;
      flags |= LC_MATCH_LIGHT_MISSING;
    }

out:
  if (out_flags != NULL)
    *out_flags = flags;

  return CLAMP (score, 0.0, 1.0);
}

/* Describing */

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

gboolean
lc_light_has_same_colors (const LcLight *a,
                          const LcLight *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a->n_colors != b->n_colors)
    return FALSE;
  for (guint i = 0; i < a->n_colors; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < b->n_colors; j++)
        found |= a->colors[i] == b->colors[j];
      if (!found)
        return FALSE;
    }
  return TRUE;
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
    /* TRANSLATORS: three alternating colors, e.g. "red, green and blue" */
    return g_strdup_printf (_("%s, %s and %s"), lc_color_get_word (light->colors[0]),
                            lc_color_get_word (light->colors[1]), lc_color_get_word (light->colors[2]));

  if (n == 2)
    /* TRANSLATORS: two alternating colors, e.g. "blue and green" */
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

  /* TRANSLATORS: %s is a number, written as a word up to ten: "six blinks" */
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
              /* TRANSLATORS: %s is a color: "red light blinking fast" */
              return g_strdup_printf (_("%s light blinking fast"), color);
            case SPEED_SLOW:
              /* TRANSLATORS: %s is a color: "red light blinking slowly" */
              return g_strdup_printf (_("%s light blinking slowly"), color);
            case SPEED_ANY:
            default:
              /* TRANSLATORS: %s is a color: "red light blinking" */
              return g_strdup_printf (_("%s light blinking"), color);
            }

        case LC_KIND_BURST:
          /* TRANSLATORS: "red light: six blinks, then a pause, repeating" */
          return g_strdup_printf (_("%s light: %s, then a pause, repeating"), color, blinks);

        case LC_KIND_FADE:
          /* TRANSLATORS: %s is a color: "red light fading in and out" */
          return g_strdup_printf (_("%s light fading in and out"), color);

        case LC_KIND_SOLID:
        case LC_KIND_OFF:
        default:
          /* TRANSLATORS: %s is a color: "red light on" (steady) */
          return g_strdup_printf (_("%s light on"), color);
        }
    }

  colors = lc_light_describe_colors (light);

  switch (light->kind)
    {
    case LC_KIND_BURST:
      /* TRANSLATORS: "light: six blinks alternating blue and green, then a pause, repeating" */
      return g_strdup_printf (_("light: %s alternating %s, then a pause, repeating"), blinks, colors);

    case LC_KIND_FADE:
      /* TRANSLATORS: %s lists colors: "light fading in and out, alternating blue and green" */
      return g_strdup_printf (_("light fading in and out, alternating %s"), colors);

    case LC_KIND_BLINK:
    case LC_KIND_SOLID:
    case LC_KIND_OFF:
    default:
      switch (light_speed (light))
        {
        case SPEED_FAST:
          /* TRANSLATORS: %s lists colors: "light alternating blue and green fast" */
          return g_strdup_printf (_("light alternating %s fast"), colors);
        case SPEED_SLOW:
          /* TRANSLATORS: %s lists colors: "light alternating blue and green slowly" */
          return g_strdup_printf (_("light alternating %s slowly"), colors);
        case SPEED_ANY:
        default:
          /* TRANSLATORS: %s lists colors: "light alternating blue and green" */
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
          /* TRANSLATORS: joins the descriptions of two lights of one
           * device: "blue light on, green light blinking"
           */
          char *joined = g_strdup_printf (C_("lights", "%s, %s"), sentence, phrase);

          g_free (sentence);
          sentence = joined;
        }
    }

  if (sentence == NULL)
    /* TRANSLATORS: the status light is dark */
    return g_strdup (_("No light"));

  return capitalize_first (g_steal_pointer (&sentence));
}
