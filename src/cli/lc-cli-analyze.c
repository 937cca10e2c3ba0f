/* lc-cli-analyze.c — `lightcode analyze`: read the status light in a video file
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "lc-cli.h"
#include "lc-diagnosis-json.h"
#include "lc-led-prior.h"
#include "lc-video-source.h"

static char *
dup_colors (const LcLight *light)
{
  GString *colors = g_string_new (NULL);

  for (guint i = 0; i < MIN (light->n_colors, LC_LIGHT_MAX_COLORS); i++)
    {
      const char *id = lc_color_to_string (light->colors[i]);

      if (id == NULL)
        continue;
      if (colors->len > 0)
        g_string_append_c (colors, '/');
      g_string_append (colors, id);
    }

  if (colors->len == 0)
    g_string_append (colors, "unknown");

  return g_string_free (colors, FALSE);
}

/* Media time, from the first frame, at which this reading stopped changing. */
static double
stable_since_seconds (const LcDetection   *detection,
                      const LcDetectedLed *led)
{
  if (led->stable_since_ns < 0 || detection->first_pts_ns < 0)
    return 0.0;

  return MAX (0, led->stable_since_ns - detection->first_pts_ns) / 1e9;
}

/* Three decimals are more than a webcam can tell apart. */
static double
round3 (double value)
{
  return round (value * 1000.0) / 1000.0;
}

static void
add_led_json (JsonBuilder         *builder,
              const LcDetection   *detection,
              const LcDetectedLed *led)
{
  g_autofree char *colors = dup_colors (&led->light);
  gboolean timed = led->kind == LC_DETECTED_BLINK || led->kind == LC_DETECTED_BURST ||
                   led->kind == LC_DETECTED_FADE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "x");
  json_builder_add_double_value (builder, round3 (led->x));
  json_builder_set_member_name (builder, "y");
  json_builder_add_double_value (builder, round3 (led->y));
  json_builder_set_member_name (builder, "color");
  json_builder_add_string_value (builder, colors);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, lc_detected_kind_to_string (led->kind));
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, led->kind == LC_DETECTED_BURST ? led->light.count : 0);
  json_builder_set_member_name (builder, "rate_hz");
  json_builder_add_double_value (builder, timed ? round3 (led->light.rate_hz) : 0.0);
  json_builder_set_member_name (builder, "period_s");
  json_builder_add_double_value (builder, timed ? round3 (lc_light_get_period (&led->light)) : 0.0);
  json_builder_set_member_name (builder, "on_ms");
  json_builder_add_int_value (builder, timed ? led->light.on_ms : 0);
  json_builder_set_member_name (builder, "off_ms");
  json_builder_add_int_value (builder, timed ? led->light.off_ms : 0);
  json_builder_set_member_name (builder, "confidence");
  json_builder_add_double_value (builder, round3 (CLAMP (led->confidence, 0.0, 1.0)));
  json_builder_set_member_name (builder, "stable_since_s");
  json_builder_add_double_value (builder, round3 (stable_since_seconds (detection, led)));
  json_builder_set_member_name (builder, "confirmed");
  json_builder_add_boolean_value (builder, led->confirmed);
  json_builder_end_object (builder);
}

/* `analyze --device`: the same object `diagnose --json` prints, or null
 * when no light was read.
 */
static void
lc_cli_add_diagnosis_json (JsonBuilder *builder,
                           LcDiagnosis *diagnosis)
{
  json_builder_set_member_name (builder, "diagnosis");

  if (diagnosis != NULL)
    json_builder_add_value (builder, lc_diagnosis_json_build (diagnosis));
  else
    json_builder_add_null_value (builder);
}

static void
print_json (const char        *file_arg,
            LcVideoSource     *source,
            const LcDetection *detection,
            LcReading         *reading,
            const char        *signal_text,
            gboolean           with_diagnosis,
            LcDiagnosis       *diagnosis)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  /* A file name need not be UTF-8; JSON must be. */
  g_autofree char *display_name = g_filename_display_name (file_arg);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, display_name);
  json_builder_set_member_name (builder, "duration_s");
  json_builder_add_double_value (builder, round3 (lc_video_source_get_duration (source)));
  json_builder_set_member_name (builder, "frames");
  json_builder_add_int_value (builder, lc_video_source_get_n_frames (source));
  json_builder_set_member_name (builder, "fps");
  /* The median frame interval: one late frame or jitter does not move it. */
  json_builder_add_double_value (builder, round3 (lc_video_source_get_frame_rate (source)));
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, lc_detection_state_to_string (detection->state));
  json_builder_set_member_name (builder, "signal");
  if (signal_text != NULL)
    json_builder_add_string_value (builder, signal_text);
  else
    json_builder_add_null_value (builder);
  /* Confirmed only when the pattern repeated; otherwise how long a clip
   * would have to be for it to repeat.
   */
  json_builder_set_member_name (builder, "confirmed");
  json_builder_add_boolean_value (builder, lc_reading_is_confirmed (reading));
  /* The one rule: at least 0.5 exactly when confirmed (lc-reading.h). */
  json_builder_set_member_name (builder, "confidence");
  json_builder_add_double_value (builder, round3 (lc_reading_get_confidence (reading)));
  json_builder_set_member_name (builder, "film_seconds");
  if (lc_reading_is_confirmed (reading))
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, lc_detection_get_film_seconds (detection));

  json_builder_set_member_name (builder, "leds");
  json_builder_begin_array (builder);
  for (guint i = 0; i < MIN (detection->n_leds, LC_DETECTION_MAX_LEDS); i++)
    add_led_json (builder, detection, &detection->leds[i]);
  json_builder_end_array (builder);

  if (with_diagnosis)
    lc_cli_add_diagnosis_json (builder, diagnosis);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  lc_cli_print_json (root);
}

static const char *
describe_position (double x,
                   double y)
{
  /* Rows top to bottom, columns left to right. */
  static const char * const positions[3][3] = {
    { N_("top left"), N_("top center"), N_("top right") },
    { N_("left"), N_("center"), N_("right") },
    { N_("bottom left"), N_("bottom center"), N_("bottom right") },
  };
  int column = CLAMP ((int) (x * 3), 0, 2);
  int row = CLAMP ((int) (y * 3), 0, 2);

  return _(positions[row][column]);
}

/* The light that was read: what it does, how sure, where and since when. */
static void
append_main_light (GString           *out,
                   LcVideoSource     *source,
                   const LcDetection *detection,
                   LcReading         *reading,
                   const LcSignal    *signal,
                   const char        *signal_text)
{
  const LcDetectedLed *led = &detection->leds[0];
  g_autofree char *words = lc_signal_describe (signal);
  /* File names can hold terminal escapes. */
  g_autofree char *title = lc_cli_escape (lc_video_source_get_title (source));

  /* Translators: the file name, the light in words, its short form */
  g_string_append_printf (out, _("%s: %s (%s)"), title, words, signal_text);
  g_string_append_c (out, '\n');

  if (led->kind == LC_DETECTED_TOO_FAST)
    {
      g_string_append (out, _("It blinks faster than the video can follow, so its speed cannot be told."));
      g_string_append_c (out, '\n');
    }

  /* Translators: "%d %%" is a percentage, the last %s how sure in words */
  g_string_append_printf (out, _("Confidence: %d %% (%s)"),
                          (int) lround (lc_reading_get_confidence (reading) * 100.0),
                          lc_reading_is_confirmed (reading) ? _("the pattern repeated")
                                                            : _("seen only once, not confirmed"));
  g_string_append_c (out, '\n');

  /* Translators: the position in words ("top left"), then in percent of the width and height */
  g_string_append_printf (out, _("Position: %s of the picture (%d %% across, %d %% down)"),
                          describe_position (led->x, led->y),
                          (int) lround (led->x * 100.0), (int) lround (led->y * 100.0));
  g_string_append_c (out, '\n');

  /* Translators: seconds into the video, then the video's length */
  g_string_append_printf (out, _("Steady from %.1f s of %.1f s"),
                          stable_since_seconds (detection, led),
                          lc_video_source_get_duration (source));
  g_string_append_c (out, '\n');
}

/* A clip that ended before the pattern repeated: how long to film. */
static void
append_film_advice (GString           *out,
                    const LcDetection *detection)
{
  guint seconds = lc_detection_get_film_seconds (detection);

  g_string_append_printf (out,
                          /* Translators: advice when a clip ended before the light's pattern repeated */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Not sure yet: the pattern was not seen to repeat. Film the light for at least %u second and try again.",
                                       "Not sure yet: the pattern was not seen to repeat. Film the light for at least %u seconds and try again.",
                                       seconds),
                          seconds);
  g_string_append_c (out, '\n');
}

static void
append_other_lights (GString           *out,
                     const LcDetection *detection)
{
  for (guint i = 1; i < MIN (detection->n_leds, LC_DETECTION_MAX_LEDS); i++)
    {
      const LcDetectedLed *other = &detection->leds[i];
      LcSignal single = { .n_lights = 1, .lights = { other->light } };
      g_autofree char *other_words = lc_signal_describe (&single);

      /* Translators: another light: what it does in words, then where */
      g_string_append_printf (out, _("Also seen: %s, %s"),
                              other_words, describe_position (other->x, other->y));
      g_string_append_c (out, '\n');
    }
}

/* `--device`: the most likely meaning, and where to read what to do. */
static void
append_meaning (GString     *out,
                LcDiagnosis *diagnosis,
                const char  *signal_text)
{
  LcDiagnosisCause *top = lc_diagnosis_get_top_cause (diagnosis);
  LcDevice *device = lc_diagnosis_get_device (diagnosis);

  g_string_append_c (out, '\n');
  if (top != NULL)
    {
      /* Translators: a device name, a cause, and how likely it is in words */
      g_string_append_printf (out, _("On the %s this most likely means: %s (%s)"),
                              lc_device_get_name (device),
                              lc_diagnosis_cause_get_title (top),
                              lc_likelihood_to_words (lc_diagnosis_cause_get_likelihood (top)));
      g_string_append_c (out, '\n');
    }
  /* Translators: a command to copy; keep it as it is */
  g_string_append_printf (out, _("For what to do, run: lightcode diagnose --device %s --signal %s"),
                          lc_device_get_id (device), signal_text);
  g_string_append_c (out, '\n');
}

static void
print_human (LcVideoSource     *source,
             const LcDetection *detection,
             LcReading         *reading,
             const LcSignal    *signal,
             const char        *signal_text,
             LcDiagnosis       *diagnosis)
{
  GString *out = g_string_new (NULL);
  g_autofree char *text = NULL;

  append_main_light (out, source, detection, reading, signal, signal_text);
  if (!lc_reading_is_confirmed (reading))
    append_film_advice (out, detection);
  append_other_lights (out, detection);
  if (diagnosis != NULL)
    append_meaning (out, diagnosis, signal_text);

  text = g_string_free (out, FALSE);
  g_print ("%s", text);
}

static GOptionContext *
analyze_option_context (const GOptionEntry *entries)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = NULL;

  /* The limits are chosen, and why, in lc-video-source.h. */
  description = g_strdup_printf (_("The video is read as fast as it decodes, without a window. "
                                   "Videos longer than %d seconds or larger than %d×%d pixels are refused. "
                                   "Exit status: 0 a light was read; 1 no light was found (or, with --device, "
                                   "it isn’t a known light for that device); 2 the file cannot be read, "
                                   "or a bad option or device."),
                                 LC_VIDEO_SOURCE_MAX_SECONDS, LC_VIDEO_SOURCE_MAX_WIDTH, LC_VIDEO_SOURCE_MAX_HEIGHT);

  context = g_option_context_new (_("FILE"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Read the status light in a video file: its color, its pattern and where it is."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return g_steal_pointer (&context);
}

/* `--device`: FALSE, with the error printed, when the knowledge base
 * cannot be loaded or has no such device.
 */
static gboolean
load_device (const char   *device_id,
             LcKnowledge **out_knowledge,
             LcDevice    **out_device)
{
  if (!(*out_knowledge = lc_cli_load_knowledge ()))
    return FALSE;

  if (!(*out_device = lc_knowledge_lookup_device (*out_knowledge, device_id)))
    {
      lc_cli_error (_("unknown device “%s”; run “lightcode devices” for the list"), device_id);
      return FALSE;
    }

  return TRUE;
}

/* Reads @file_arg to its end into @detection; what the device's light
 * can do (one light, its colours) steers the reading, and without a
 * device it stays generic. NULL, with the error printed, when the file
 * cannot be read.
 */
static LcVideoSource *
read_video (const char  *file_arg,
            LcDevice    *device,
            LcDetection *detection)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (file_arg);
  g_autoptr(LcVideoSource) source = lc_video_source_new_for_file (file, FALSE);
  g_autoptr(GError) error = NULL;

  if (device != NULL)
    {
      LcLedPrior prior;

      lc_led_prior_init_for_device (&prior, device);
      lc_video_source_set_led_prior (source, &prior);
    }

  if (!lc_video_source_play_to_end (source, &error))
    {
      lc_cli_error ("%s", error->message);
      return NULL;
    }

  lc_video_source_get_detection (source, detection);

  return g_steal_pointer (&source);
}

/* What the light read means on @device; NULL with the error printed. */
static LcDiagnosis *
diagnose_reading (LcKnowledge    *knowledge,
                  LcDevice       *device,
                  LcReading      *reading,
                  const LcSignal *signal)
{
  g_autoptr(LcDiagnosis) diagnosis = NULL;
  g_autoptr(GError) error = NULL;

  diagnosis = lc_diagnosis_new (knowledge, device, signal, NULL, &error);
  if (diagnosis == NULL)
    {
      lc_cli_error ("%s", error->message);
      return NULL;
    }
  lc_diagnosis_set_reading (diagnosis, reading);

  return g_steal_pointer (&diagnosis);
}

/* Why no signal came out of the video, on stderr. */
static void
report_not_found (LcVideoSource     *source,
                  const LcDetection *detection)
{
  guint seconds = lc_detection_get_film_seconds (detection);

  if (detection->n_leds > 0 && lc_video_source_get_duration (source) < seconds)
    lc_cli_error (g_dngettext (GETTEXT_PACKAGE,
                               "a light was seen in “%s”, but the video ends before its pattern can be read; film it for at least %u second",
                               "a light was seen in “%s”, but the video ends before its pattern can be read; film it for at least %u seconds",
                               seconds),
                  lc_video_source_get_title (source), seconds);
  else if (detection->n_leds > 0)
    lc_cli_error (_("a light was seen in “%s”, but its pattern could not be read"),
                  lc_video_source_get_title (source));
  else
    lc_cli_error (_("no status light was found in “%s”"), lc_video_source_get_title (source));
}

int
lc_cli_analyze (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LcKnowledge) knowledge = NULL;
  g_autoptr(LcDiagnosis) diagnosis = NULL;
  g_autoptr(LcReading) reading = NULL;
  g_autoptr(LcVideoSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *device_id = NULL;
  g_autofree char *signal_text = NULL;
  gboolean json = FALSE;
  LcDevice *device = NULL;
  LcDetection detection;
  LcSignal signal;
  gboolean found;
  GOptionEntry entries[] = {
    { "device", 'd', 0, G_OPTION_ARG_STRING, &device_id,
      N_("Also say what the light means on this device (see “lightcode devices”)"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object instead of text"), NULL },
    { NULL }
  };

  g_set_prgname ("lightcode analyze");

  context = analyze_option_context (entries);
  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      lc_cli_option_error (argv, error);
      return LC_EXIT_BAD_INPUT;
    }

  if (g_strv_length (args) != 2)
    {
      lc_cli_error (g_strv_length (args) < 2
                      ? _("analyze needs a video file; run “lightcode analyze --help”")
                      : _("analyze reads one video file at a time; run “lightcode analyze --help”"));
      return LC_EXIT_BAD_INPUT;
    }

  /* Check the device before spending time on the video. */
  if (device_id != NULL && !load_device (device_id, &knowledge, &device))
    return LC_EXIT_BAD_INPUT;

  if (!(source = read_video (args[1], device, &detection)))
    return LC_EXIT_BAD_INPUT;

  reading = lc_detection_to_reading (&detection, LC_SIGNAL_SOURCE_VIDEO);
  lc_reading_get_signal (reading, &signal);
  found = signal.n_lights > 0;
  if (found)
    signal_text = lc_signal_to_string (&signal);

  if (found && device != NULL &&
      !(diagnosis = diagnose_reading (knowledge, device, reading, &signal)))
    return LC_EXIT_BAD_INPUT;

  if (json)
    print_json (args[1], source, &detection, reading, signal_text, device != NULL, diagnosis);
  else if (found)
    print_human (source, &detection, reading, &signal, signal_text, diagnosis);

  if (!found)
    {
      report_not_found (source, &detection);
      return LC_EXIT_NOT_FOUND;
    }

  if (diagnosis != NULL && !lc_diagnosis_is_known_signal (diagnosis))
    {
      lc_cli_error (_("“%s” isn’t a known light for the %s"), signal_text, lc_device_get_name (device));
      return LC_EXIT_NOT_FOUND;
    }

  return LC_EXIT_OK;
}
