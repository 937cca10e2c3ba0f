/* fuzz-signal.c — libFuzzer harness for the signal text form
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every accepted string must print canonically, re-parse to an equal
 * signal and print the same again; the timeline, matching and description
 * code runs on it too so the sanitizers see them.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lc-signal.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *printed = NULL;
  g_autofree char *printed_again = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  LcSignal signal, reparsed;
  LcMatchFlags flags;
  double period;

  if (!lc_signal_parse (text, &signal, &error))
    {
      if (error == NULL || error->domain != LC_SIGNAL_ERROR ||
          !g_str_has_prefix (error->message, "At position "))
        abort ();
      return 0;
    }

  printed = lc_signal_to_string (&signal);
  if (!lc_signal_parse (printed, &reparsed, NULL))
    abort ();
  if (!lc_signal_equal (&signal, &reparsed) || memcmp (&signal, &reparsed, sizeof signal) != 0)
    abort ();
  printed_again = lc_signal_to_string (&reparsed);
  if (strcmp (printed, printed_again) != 0)
    abort ();

  if (lc_signal_match (&signal, &reparsed, &flags) != 1.0 || flags != LC_MATCH_EXACT)
    abort ();

  description = lc_signal_describe (&signal);
  if (description == NULL || description[0] == '\0')
    abort ();

  period = lc_signal_get_period (&signal);
  for (guint i = 0; i < signal.n_lights; i++)
    {
      for (guint step = 0; step < 8; step++)
        {
          LcColor color;
          double level;
          gboolean lit = lc_signal_light_at (&signal, i, period * step / 7.0 + 0.013, &color, &level);

          if (lit != (color != LC_COLOR_NONE) || level < 0.0 || level > 1.0)
            abort ();
        }
    }

  return 0;
}
