/* bench-scenes.c — the detector on lc-scene's phone-like scenes, with a held-out split
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scores the exact signal — the right lights and no others: colour, kind,
 * burst count, and rate within 5 % — on scenes from tests/scenes, a
 * renderer written apart from tests/synth. Each clip ends as:
 *   right   confirmed, and the exact signal;
 *   honest  not confirmed (still looking, or provisional);
 *   wrong   confirmed, and not the exact signal.
 *
 * Two splits. TUNE may be looked at while changing the detector: dark,
 * dark grey, light grey and glossy housings, bare or behind a frosted
 * window, seeds from 1000. HELD-OUT must not be: seeds from 900000, and
 * it adds a scene family the tune split never has, white housings.
 * Report both; only HELD-OUT is a result. (Frosted windows were held out
 * too until the detector's first held-out figures showed they were its
 * main failure; they moved into TUNE then, so since that change only the
 * white housings are unseen.)
 *
 * Every stop looks at HELD-OUT's summary once per change, so its first 64
 * scenes are no longer quite unseen. --first 64 reads the next 64, which no
 * change had been measured on before 49b4a02: report them apart.
 *
 *   bench-scenes [-n SCENES] [--first I] [--split tune|held-out|both] [-v] [-c CASE] [--prior] [--dump DIR]
 *
 * With --prior each single-light scene is read with a Blink camera's prior
 * (one light, red, green or blue), as `analyze --device` does.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lc-led-detector.h"
#include "lc-led-detector-private.h"
#include "lc-scene.h"

typedef enum
{
  CASE_SOLID,
  CASE_BLINK,
  CASE_BURST,
  CASE_FADE,
  CASE_ALTERNATE,       /* blue/green at one brightness */
  CASE_ALTERNATE_BLINK, /* blue, dark, green, dark */
  CASE_POWER_AND_STATUS,/* a solid power light beside a blinking status light */
  CASE_OFF,
  N_CASES
} CaseKind;

static const char *case_names[N_CASES] = {
  "solid", "blink", "burst", "fade", "alternate", "alt-blink", "power+status", "off",
};

typedef enum
{
  OUTCOME_RIGHT,
  OUTCOME_HONEST,
  OUTCOME_WRONG,
  N_OUTCOMES
} Outcome;

typedef enum
{
  SPLIT_TUNE,
  SPLIT_HELD_OUT,
  N_SPLITS
} Split;

static const char *split_names[N_SPLITS] = { "TUNE", "HELD-OUT" };

typedef struct
{
  CaseKind      kind;
  LcSceneParams params;
  double        seconds;
  double        period_s;
} Clip;

static LcColor
random_status_color (GRand *rand)
{
  static const LcColor colors[] = { LC_COLOR_RED, LC_COLOR_GREEN, LC_COLOR_BLUE };

  return colors[g_rand_int_range (rand, 0, G_N_ELEMENTS (colors))];
}

static void
make_clip (Clip    *clip,
           Split    split,
           guint    index,
           CaseKind only)
{
  guint32 seed = (split == SPLIT_TUNE ? 1000 : 900000) + index * 7919;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  LcSceneParams *p = &clip->params;
  LcLight *light;

  memset (clip, 0, sizeof *clip);
  clip->kind = only < N_CASES ? only : (CaseKind) (index % N_CASES);

  p->width = 640;
  p->height = 360;
  p->fps = g_rand_double (rand) < 0.8 ? 30.0 : 24.0;
  p->seed = seed;
  lc_signal_init_off (&p->signal);

  if (split == SPLIT_TUNE)
    {
      static const LcHousing tune[] = {
        LC_HOUSING_BLACK, LC_HOUSING_DARK_GREY, LC_HOUSING_LIGHT_GREY, LC_HOUSING_GLOSSY_BLACK,
      };

      p->housing = tune[g_rand_int_range (rand, 0, G_N_ELEMENTS (tune))];
      p->frosted = g_rand_double (rand) < 0.35;
    }
  else
    {
      p->housing = g_rand_int_range (rand, 0, LC_N_HOUSINGS);
      p->frosted = g_rand_double (rand) < 0.35;
    }

  p->led_diameter_px = exp (g_rand_double_range (rand, log (3.0), log (14.0)));
  if (p->frosted)
    p->led_diameter_px *= 1.8;
  p->led_intensity = exp (g_rand_double_range (rand, log (0.9), log (14.0)));
  p->led_spacing_px = g_rand_double_range (rand, 3.0, 6.0) * p->led_diameter_px + 6;

  p->ambient = g_rand_double_range (rand, 0.25, 1.0);
  p->tint[0] = g_rand_double_range (rand, 0.9, 1.15);
  p->tint[1] = 1.0;
  p->tint[2] = g_rand_double_range (rand, 0.6, 1.05);
  p->awb = g_rand_double_range (rand, 0.4, 1.0);
  p->ae_ev = g_rand_double (rand) < 0.5 ? g_rand_double_range (rand, 0.1, 0.6) : 0.0;
  p->n_objects = g_rand_int_range (rand, 0, 6);
  p->glare = g_rand_double (rand) < 0.4;
  p->drift_px = g_rand_double (rand) < 0.6 ? g_rand_double_range (rand, 0.5, 4.0) : 0.0;
  if (p->glare && p->drift_px < 1.5)
    p->drift_px = 1.5;
  p->noise = g_rand_double_range (rand, 1.0, 4.0);
  p->quality = g_rand_int_range (rand, 40, 91);
  p->jitter_ms = g_rand_double (rand) < 0.5 ? g_rand_double_range (rand, 0.5, 6.0) : 0.0;

  p->signal.n_lights = 1;
  light = &p->signal.lights[0];
  lc_light_init_solid (light, random_status_color (rand));

  switch (clip->kind)
    {
    case CASE_SOLID:
      break;

    case CASE_BLINK:
      light->kind = LC_KIND_BLINK;
      lc_light_set_rate (light, g_rand_double_range (rand, 0.5, 4.0), TRUE);
      break;

    case CASE_BURST:
      light->kind = LC_KIND_BURST;
      light->count = g_rand_int_range (rand, 2, 7);
      lc_light_set_rate (light, g_rand_double_range (rand, 1.5, 3.5), TRUE);
      break;

    case CASE_FADE:
      light->kind = LC_KIND_FADE;
      lc_light_set_rate (light, g_rand_double_range (rand, 0.25, 0.6), TRUE);
      break;

    case CASE_ALTERNATE:
    case CASE_ALTERNATE_BLINK:
      light->kind = LC_KIND_BLINK;
      light->n_colors = 2;
      light->colors[0] = LC_COLOR_BLUE;
      light->colors[1] = g_rand_boolean (rand) ? LC_COLOR_GREEN : LC_COLOR_RED;
      lc_light_set_rate (light, g_rand_double_range (rand, 0.5, 2.0), TRUE);
      p->steady_alternation = clip->kind == CASE_ALTERNATE;
      break;

    case CASE_POWER_AND_STATUS:
      lc_light_init_solid (light, LC_COLOR_RED);
      p->signal.n_lights = 2;
      light = &p->signal.lights[1];
      lc_light_init_solid (light, g_rand_boolean (rand) ? LC_COLOR_GREEN : LC_COLOR_BLUE);
      if (g_rand_boolean (rand))
        {
          light->kind = LC_KIND_BLINK;
          lc_light_set_rate (light, g_rand_double_range (rand, 0.5, 3.0), TRUE);
        }
      else
        {
          light->kind = LC_KIND_BURST;
          light->count = 2;
          lc_light_set_rate (light, g_rand_double_range (rand, 2.0, 3.5), TRUE);
        }
      break;

    case CASE_OFF:
    case N_CASES:
    default:
      /* The device is there with its lights dark. */
      light->kind = LC_KIND_OFF;
      break;
    }

  for (guint i = 0; i < p->signal.n_lights; i++)
    lc_light_normalize (&p->signal.lights[i]);

  clip->period_s = MAX (lc_signal_get_period (&p->signal), 0.5);
  /* The phone films for as long as the app asks: ten seconds, or three
   * repeats of the pattern and a bit, and for a blink more blinks than the
   * longest burst (see lc_detection_get_film_seconds()).
   */
  clip->seconds = MAX (10.0, 3 * clip->period_s + 2.0);
  for (guint i = 0; i < p->signal.n_lights; i++)
    clip->seconds = MAX (clip->seconds, lc_led_film_seconds_for_light (&p->signal.lights[i]));
}

/* Writes frame @frame of a clip as a PPM, to look at what the scenes are like. */
static void
dump_frame (const LcSceneParams *p,
            const guint8        *i420,
            const char          *path)
{
  FILE *f = fopen (path, "wb");
  const guint8 *u = i420 + (gsize) p->width * p->height;
  const guint8 *v = u + (gsize) (p->width / 2) * (p->height / 2);

  if (f == NULL)
    return;
  fprintf (f, "P6\n%d %d\n255\n", p->width, p->height);
  for (int y = 0; y < p->height; y++)
    for (int x = 0; x < p->width; x++)
      {
        double Y = 1.164 * (i420[(gsize) y * p->width + x] - 16);
        double U = u[(gsize) (y / 2) * (p->width / 2) + x / 2] - 128;
        double V = v[(gsize) (y / 2) * (p->width / 2) + x / 2] - 128;
        guint8 rgb[3] = {
          (guint8) CLAMP (Y + 1.596 * V, 0, 255),
          (guint8) CLAMP (Y - 0.392 * U - 0.813 * V, 0, 255),
          (guint8) CLAMP (Y + 2.017 * U, 0, 255),
        };
        fwrite (rgb, 1, 3, f);
      }
  fclose (f);
}

static const char *dump_dir;
static gboolean show_tracks;
static int only_index = -1;
static int first_index;

/* One truth light against one read light: colour, kind, count and, with
 * @with_rate, rate.
 */
static gboolean
light_matches (const LcLight *truth,
               const LcLight *read,
               gboolean       with_rate)
{
  if (!lc_light_has_same_colors (truth, read) || truth->kind != read->kind)
    return FALSE;
  if (truth->kind == LC_KIND_BURST && truth->count != read->count)
    return FALSE;
  if (with_rate &&
      (truth->kind == LC_KIND_BLINK || truth->kind == LC_KIND_BURST || truth->kind == LC_KIND_FADE))
    {
      if (read->rate_hz <= 0 || fabs (read->rate_hz - truth->rate_hz) / truth->rate_hz > 0.05)
        return FALSE;
    }
  return TRUE;
}

/* The exact signal: every truth light read once, and nothing else. */
static gboolean
signal_matches (const LcSignal *truth,
                const LcSignal *read,
                gboolean        with_rate)
{
  gboolean used[LC_SIGNAL_MAX_LIGHTS] = { FALSE, };
  guint lit = 0;

  for (guint i = 0; i < truth->n_lights; i++)
    {
      gboolean found = FALSE;

      if (truth->lights[i].kind == LC_KIND_OFF)
        continue;
      lit++;
      for (guint j = 0; j < read->n_lights && !found; j++)
        if (!used[j] && light_matches (&truth->lights[i], &read->lights[j], with_rate))
          found = used[j] = TRUE;
      if (!found)
        return FALSE;
    }
  return read->n_lights == lit;
}

/* What the camera page would show now: a confirmed reading of another
 * signal (colours, kinds or counts; the rate aside) is a wrong answer the
 * user may act on, even if the detector corrects it later.
 */
static gboolean
confirms_other_signal (LcLedDetector  *detector,
                       const LcSignal *truth,
                       char          **out_text)
{
  LcDetection d;
  LcSignal read;

  lc_led_detector_get_detection (detector, &d);
  if (d.state != LC_DETECTION_CONFIRMED)
    return FALSE;
  lc_detection_to_signal (&d, &read);
  if (signal_matches (truth, &read, FALSE))
    return FALSE;
  *out_text = lc_signal_to_string (&read);
  return TRUE;
}

static Outcome
run_clip (const Clip   *clip,
          gboolean      use_prior,
          GString      *detail,
          double       *out_stable_periods,
          double       *out_wrong_at_s)
{
  g_autofree char *wrong_text = NULL;
  g_autoptr(LcScene) scene = lc_scene_new (&clip->params);
  g_autoptr(LcLedDetector) detector = lc_led_detector_new ();
  const LcSceneParams *p = &clip->params;
  gsize size = lc_scene_get_frame_size (scene);
  g_autofree guint8 *frame = g_malloc (size);
  guint n_frames = (guint) ceil (clip->seconds * p->fps);
  LcDetection d;
  LcSignal read;
  gboolean confirmed, exact, lit = FALSE;
  g_autofree char *truth_text = lc_signal_to_string (&p->signal);
  g_autofree char *read_text = NULL;
  gint64 stable_ns = G_MININT64;
  g_autoptr(GString) wrong_tracks = g_string_new (NULL);

  if (use_prior && p->signal.n_lights <= 1)
    {
      LcLedPrior prior = { .n_lights = 1 };

      prior.palettes[0] = (1 << LC_COLOR_RED) | (1 << LC_COLOR_GREEN) | (1 << LC_COLOR_BLUE);
      lc_led_detector_set_prior (detector, &prior);
    }

  for (guint i = 0; i < n_frames; i++)
    {
      LcFrame f = {
        .data = frame, .size = size, .format = LC_PIXEL_FORMAT_I420,
        .width = p->width, .height = p->height, .stride = p->width,
        .u_offset = (gsize) p->width * p->height,
        .v_offset = (gsize) p->width * p->height + (gsize) (p->width / 2) * (p->height / 2),
        .uv_stride = p->width / 2,
      };

      f.pts_ns = lc_scene_render (scene, i, frame);
      if (dump_dir != NULL && (i == 0 || i == (guint) (p->fps * 1.3)))
        {
          g_autofree char *name = g_strdup_printf ("%s/%s-%u-%u.ppm", dump_dir,
                                                   case_names[clip->kind], p->seed, i);
          dump_frame (p, frame, name);
        }
      lc_led_detector_push_frame (detector, &f);
      /* About five looks a second, as often as the page's headline changes. */
      if (*out_wrong_at_s < 0 && i % (guint) MAX (p->fps / 5, 1) == 0 &&
          confirms_other_signal (detector, &p->signal, &wrong_text))
        {
          *out_wrong_at_s = (double) i / p->fps;
          if (show_tracks)
            {
              g_string_append_printf (wrong_tracks, "\n      tracks when %s was confirmed at %.1f s:\n",
                                      wrong_text, *out_wrong_at_s);
              _lc_led_detector_dump_tracks (detector, wrong_tracks);
            }
        }
    }

  lc_led_detector_get_detection (detector, &d);
  lc_detection_to_signal (&d, &read);
  exact = signal_matches (&p->signal, &read, TRUE);
  /* Shown with the rates read, so that a reading wrong in its rate alone
   * says so.
   */
  for (guint i = 0; i < read.n_lights; i++)
    read.lights[i].rate_explicit = read.lights[i].rate_hz > 0.0;
  read_text = lc_signal_to_string (&read);

  for (guint i = 0; i < p->signal.n_lights; i++)
    lit |= p->signal.lights[i].kind != LC_KIND_OFF;

  /* An unlit device is confirmed by "no light"; a lit one by a confirmed reading. */
  if (!lit)
    confirmed = d.state == LC_DETECTION_NO_LIGHT || d.state == LC_DETECTION_CONFIRMED;
  else
    confirmed = d.state == LC_DETECTION_CONFIRMED;

  for (guint i = 0; i < d.n_leds; i++)
    stable_ns = MAX (stable_ns, d.leds[i].stable_since_ns);
  *out_stable_periods = d.n_leds > 0 && exact ?
                        (stable_ns - d.first_pts_ns) / 1e9 / clip->period_s : -1;

  g_string_append_printf (detail, "%-12s %-12s%s d=%4.1f I=%5.2f obj=%u%s drift=%.1f q=%d: want %s, read %s (%s, %u light(s))",
                          case_names[clip->kind], lc_housing_to_string (p->housing),
                          p->frosted ? "+frosted" : "", p->led_diameter_px, p->led_intensity,
                          p->n_objects, p->glare ? " glare" : "", p->drift_px, p->quality,
                          truth_text, read_text, lc_detection_state_to_string (d.state), d.n_leds);

  if (wrong_text != NULL)
    g_string_append_printf (detail, " [confirmed %s at %.1f s]", wrong_text, *out_wrong_at_s);

  if (show_tracks && !(confirmed && exact))
    {
      guint n_leds = 0;

      g_string_append (detail, "\n      truth LEDs at");
      for (LcScenePoint led; (led = lc_scene_get_led_position (scene, n_leds)).x >= 0; n_leds++)
        g_string_append_printf (detail, " (%.3f, %.3f)", led.x / p->width, led.y / p->height);
      g_string_append (detail, "\n");
      _lc_led_detector_dump_tracks (detector, detail);
    }
  /* Right at the end, maybe, but not on the way. */
  g_string_append (detail, wrong_tracks->str);

  if (!confirmed)
    return OUTCOME_HONEST;
  return exact ? OUTCOME_RIGHT : OUTCOME_WRONG;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct
{
  Clip     clip;
  gboolean use_prior;
  Outcome  outcome;
  double   periods;
  double   wrong_at_s;   /* when another signal was first confirmed; -1: never */
  GString *detail;
} Job;

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;

  job->detail = g_string_new (NULL);
  job->wrong_at_s = -1;
  job->outcome = run_clip (&job->clip, job->use_prior, job->detail, &job->periods, &job->wrong_at_s);
}

/* Returns whether the split met DESIGN.md's targets: no confirmed wrong
 * reading, neither at the end nor on the way, a stable answer within 2
 * periods (median), and on HELD-OUT at least 97 % exact.
 */
static gboolean
run_split (Split    split,
           guint    n,
           CaseKind only,
           gboolean use_prior,
           gboolean verbose)
{
  guint totals[N_OUTCOMES] = { 0, };
  guint wrong_on_the_way = 0;
  guint by_case[N_CASES][N_OUTCOMES] = { { 0, } };
  guint by_housing[LC_N_HOUSINGS + 1][N_OUTCOMES] = { { 0, } };
  g_autoptr(GArray) stable = g_array_new (FALSE, FALSE, sizeof (double));
  static const char *outcome_names[N_OUTCOMES] = { "right", "honest", "WRONG" };

  g_autofree Job *jobs = g_new0 (Job, n);
  GThreadPool *pool = g_thread_pool_new (run_job, NULL, (int) g_get_num_processors (), TRUE, NULL);

  /* Scenes are independent and deterministic: render them on every core. */
  for (guint i = 0; i < n; i++)
    {
      make_clip (&jobs[i].clip, split, only_index >= 0 ? (guint) only_index : first_index + i, only);
      jobs[i].use_prior = use_prior;
      g_thread_pool_push (pool, &jobs[i], NULL);
    }
  g_thread_pool_free (pool, FALSE, TRUE);

  for (guint i = 0; i < n; i++)
    {
      const Clip clip = jobs[i].clip;
      g_autoptr(GString) detail = jobs[i].detail;
      double periods = jobs[i].periods;
      Outcome o = jobs[i].outcome;

      totals[o]++;
      by_case[clip.kind][o]++;
      by_housing[clip.params.frosted ? LC_N_HOUSINGS : clip.params.housing][o]++;
      if (o == OUTCOME_RIGHT && periods >= 0)
        g_array_append_val (stable, periods);
      if (o != OUTCOME_WRONG && jobs[i].wrong_at_s >= 0)
        wrong_on_the_way++;
      if (verbose || o == OUTCOME_WRONG || jobs[i].wrong_at_s >= 0)
        printf ("  %s #%u %-6s %s\n", split_names[split],
                only_index >= 0 ? (guint) only_index : first_index + i, outcome_names[o], detail->str);
      fflush (stdout);
    }

  printf ("\n%s split, %u scenes%s: exact signal %.1f %% (right %u, honest %u, wrong %u)\n",
          split_names[split], n, use_prior ? " (Blink prior)" : "",
          100.0 * totals[OUTCOME_RIGHT] / MAX (n, 1),
          totals[OUTCOME_RIGHT], totals[OUTCOME_HONEST], totals[OUTCOME_WRONG]);
  printf ("  another signal confirmed on the way, then corrected: %u\n", wrong_on_the_way);
  for (guint c = 0; c < N_CASES; c++)
    {
      guint sum = by_case[c][0] + by_case[c][1] + by_case[c][2];
      if (sum > 0)
        printf ("  %-14s right %3u  honest %3u  wrong %3u\n", case_names[c],
                by_case[c][0], by_case[c][1], by_case[c][2]);
    }
  for (guint h = 0; h <= LC_N_HOUSINGS; h++)
    {
      guint sum = by_housing[h][0] + by_housing[h][1] + by_housing[h][2];
      if (sum > 0)
        printf ("  %-14s right %3u  honest %3u  wrong %3u\n",
                h == LC_N_HOUSINGS ? "frosted" : lc_housing_to_string (h),
                by_housing[h][0], by_housing[h][1], by_housing[h][2]);
    }
  if (stable->len > 0)
    {
      g_array_sort (stable, compare_double);
      printf ("  time to the final reading (right ones): median %.2f periods, 90th %.2f\n",
              g_array_index (stable, double, stable->len / 2),
              g_array_index (stable, double, MIN (stable->len - 1, stable->len * 9 / 10)));
    }

  return totals[OUTCOME_WRONG] == 0 && wrong_on_the_way == 0 &&
         (stable->len == 0 || g_array_index (stable, double, stable->len / 2) <= 2.0) &&
         (split != SPLIT_HELD_OUT || totals[OUTCOME_RIGHT] >= 0.97 * n);
}

int
main (int   argc,
      char *argv[])
{
  int n = 64;
  g_autofree char *split = g_strdup ("both");
  g_autofree char *only_name = NULL;
  gboolean verbose = FALSE, use_prior = FALSE, check = FALSE, met = TRUE;
  CaseKind only = N_CASES;
  GOptionEntry entries[] = {
    { "scenes", 'n', 0, G_OPTION_ARG_INT, &n, "Scenes per split (default 64)", "N" },
    { "split", 0, 0, G_OPTION_ARG_STRING, &split, "tune, held-out or both", "SPLIT" },
    { "case", 'c', 0, G_OPTION_ARG_STRING, &only_name, "Only this case", "CASE" },
    { "prior", 0, 0, G_OPTION_ARG_NONE, &use_prior, "Read single lights with a Blink prior", NULL },
    { "dump", 0, 0, G_OPTION_ARG_FILENAME, &dump_dir, "Save two frames of each scene here", "DIR" },
    { "first", 0, 0, G_OPTION_ARG_INT, &first_index, "Start at the scene with this index (default 0)", "I" },
    { "index", 'i', 0, G_OPTION_ARG_INT, &only_index, "Only the scene with this index (with -n 1)", "I" },
    { "tracks", 0, 0, G_OPTION_ARG_NONE, &show_tracks, "With a scene not read right, print the detector's tracks (and when it confirmed another signal on the way)", NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print every scene", NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, "Exit 1 when a target in DESIGN.md is missed", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the detector on independent scenes");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (first_index < 0)
    {
      fprintf (stderr, "--first must not be negative\n");
      return 2;
    }
  if (only_name != NULL)
    {
      for (guint c = 0; c < N_CASES; c++)
        if (g_str_equal (only_name, case_names[c]))
          only = c;
      if (only == N_CASES)
        {
          fprintf (stderr, "unknown case %s\n", only_name);
          return 2;
        }
    }

  if (g_str_equal (split, "tune") || g_str_equal (split, "both"))
    met &= run_split (SPLIT_TUNE, n, only, use_prior, verbose);
  if (g_str_equal (split, "held-out") || g_str_equal (split, "both"))
    met &= run_split (SPLIT_HELD_OUT, n, only, use_prior, verbose);

  if (check && !met)
    {
      printf ("\nA target was missed (--check).\n");
      return 1;
    }
  return 0;
}
