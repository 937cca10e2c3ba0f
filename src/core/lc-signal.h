/* lc-signal.h — the one vocabulary shared by simulator, detector and knowledge
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Colors a Blink status light can show. Ids ("red", …) are the text form. */
typedef enum
{
  LC_COLOR_NONE = 0,
  LC_COLOR_RED,
  LC_COLOR_GREEN,
  LC_COLOR_BLUE,
  LC_COLOR_WHITE,
  LC_COLOR_AMBER,
} LcColor;

#define LC_N_COLORS (LC_COLOR_AMBER + 1)

/* What one light does over time. */
typedef enum
{
  LC_KIND_OFF = 0,
  LC_KIND_SOLID,
  LC_KIND_BLINK,  /* even on/off, repeating; several colors alternate */
  LC_KIND_BURST,  /* N blinks, a pause, repeating */
  LC_KIND_FADE,   /* slow breathing */
} LcKind;

#define LC_SIGNAL_MAX_LIGHTS 4
#define LC_LIGHT_MAX_COLORS  3

/* One light. Timing fields are always filled (see lc_light_normalize()):
 * the text form only carries what matters to a person (kind, count, an
 * explicit rate), the numbers carry the rest.
 */
typedef struct
{
  LcColor  colors[LC_LIGHT_MAX_COLORS]; /* colors[1..] set when it alternates */
  guint    n_colors;
  LcKind   kind;
  guint    count;          /* LC_KIND_BURST: blinks per group (>= 1) */
  double   rate_hz;        /* blink rate (one on+off per period) */
  gboolean rate_explicit;  /* the text form had "@…hz" */
  guint    on_ms;          /* one blink's lit time */
  guint    off_ms;         /* dark time between blinks */
  guint    pause_ms;       /* LC_KIND_BURST: dark time after a group */
} LcLight;

/* A whole device state: zero lights lit is "off". Plain value type: it can
 * live on the stack and be copied with '='.
 */
typedef struct
{
  guint   n_lights;
  LcLight lights[LC_SIGNAL_MAX_LIGHTS];
} LcSignal;

#define LC_TYPE_SIGNAL (lc_signal_get_type ())
GType lc_signal_get_type (void) G_GNUC_CONST;

#define LC_SIGNAL_ERROR (lc_signal_error_quark ())
GQuark lc_signal_error_quark (void);

typedef enum
{
  LC_SIGNAL_ERROR_SYNTAX,    /* message: "position N: expected …" */
  LC_SIGNAL_ERROR_RANGE,     /* count or rate out of range, too many lights */
} LcSignalError;

/* Defaults used when the text gives no rate. */
#define LC_BLINK_DEFAULT_HZ 1.0
#define LC_BURST_DEFAULT_HZ 2.5
#define LC_BURST_DEFAULT_PAUSE_MS 1800
#define LC_FADE_DEFAULT_PERIOD_MS 3000

/* Colors */
const char *lc_color_to_string   (LcColor      color);   /* "red"; NULL for NONE */
gboolean    lc_color_from_string (const char  *text,
                                  LcColor     *out_color);
const char *lc_color_get_name    (LcColor      color);   /* translated "Red" */
const char *lc_color_get_word    (LcColor      color);   /* translated "red", in a sentence */
const char *lc_kind_to_string    (LcKind       kind);    /* "solid", "burst", … */

/* Lights
 *
 * lc_light_normalize() fills only the fields that are zero, so it is
 * idempotent and keeps timings a detector measured:
 * - off, solid: count, rate_hz, on/off/pause_ms become 0, rate_explicit FALSE.
 * - blink: rate_hz <= 0 becomes 1000 / (on_ms + off_ms) when both are set,
 *   else LC_BLINK_DEFAULT_HZ; a zero on_ms or off_ms becomes half a period
 *   (50 % duty, 500 / rate_hz ms, at least 1); count and pause_ms become 0.
 * - burst: the same with LC_BURST_DEFAULT_HZ; count is clamped to 1..20 and
 *   a zero pause_ms becomes LC_BURST_DEFAULT_PAUSE_MS.
 * - fade: on_ms is the rise, off_ms the fall; zeros become half of
 *   1 / rate_hz when rate_hz > 0, else half of LC_FADE_DEFAULT_PERIOD_MS;
 *   rate_hz then becomes 1000 / (on_ms + off_ms), rate_explicit FALSE.
 * Drawing uses on/off/pause_ms; the text form prints rate_hz. To retime a
 * light, use lc_light_set_rate() (it clears on/off_ms first).
 *
 * Timeline (t in seconds, any finite value; periodic):
 * - blink k (k = floor (t / (on + off))) is lit for [0, on_ms) of its cycle
 *   and shows colors[k % n_colors].
 * - burst: groups of count blinks; the dark time after the last blink of a
 *   group is pause_ms (so a group lasts count * (on + off) - off + pause).
 *   Blinks are numbered across groups for the color: colors[k % n_colors].
 * - fade: raised cosine, 0 at the start of breath k, 1 after on_ms, 0 after
 *   on_ms + off_ms; breath k shows colors[k % n_colors]; lit while level > 0.
 * - solid: colors[0] at level 1; off: dark.
 * lc_light_state_at() returns whether the light is lit; the color is
 * LC_COLOR_NONE and the level 0 while it is dark.
 * lc_light_get_period() is the time after which everything repeats,
 * colors included (so "blue/green:blink" at 1 Hz has a 2 s period);
 * 0 for solid and off.
 */
void     lc_light_init_solid     (LcLight       *light,
                                  LcColor        color);
void     lc_light_normalize      (LcLight       *light); /* fill timing from kind/rate */
void     lc_light_set_rate       (LcLight       *light,
                                  double         rate_hz,
                                  gboolean       rate_explicit);
double   lc_light_get_period     (const LcLight *light); /* seconds of one repeat */
char    *lc_light_describe_colors (const LcLight *light); /* "blue and green" */
/* The same colours, in any order (an alternation read from either end). */
gboolean lc_light_has_same_colors (const LcLight *a,
                                   const LcLight *b);
gboolean lc_light_state_at       (const LcLight *light,
                                  double         t_seconds,
                                  LcColor       *out_color,
                                  double        *out_level);
char    *lc_light_to_string      (const LcLight *light); /* "red:burst:6"; "off" if dark */

/* Signals
 *
 * lc_signal_parse() is strict: lower case only, no white space (not even a
 * trailing newline), counts and rates without leading zeros, rates with at
 * most two decimals ("@4hz", "@0.5hz", "@2.25hz"). A steady light has one
 * color. Errors give the 1-based character position. Parsed lights are
 * normalized.
 * lc_signal_to_string() is canonical: lights in their order, dark lights
 * left out ("off" when none is lit), the rate only when rate_explicit,
 * rounded to 0.01 Hz and clamped to 0.1..30 Hz, without trailing zeros.
 * lc_signal_equal() compares the canonical text only: the order of lights
 * counts, timings beyond the text form do not (use lc_signal_match() for
 * an order-insensitive comparison).
 * lc_signal_describe() gives one translated sentence for people and screen
 * readers: "Red light: six blinks, then a pause, repeating", "Blue light
 * on, green light blinking", "Light alternating blue and green", "No
 * light". Counts up to ten are words. An explicit blink rate of 2 Hz or
 * more reads "fast", 0.5 Hz or less "slowly"; burst rates are not named.
 */
void     lc_signal_init_off      (LcSignal       *signal);
gboolean lc_signal_parse         (const char     *text,
                                  LcSignal       *out_signal,
                                  GError        **error);
char    *lc_signal_to_string     (const LcSignal *signal);
gboolean lc_signal_equal         (const LcSignal *a,
                                  const LcSignal *b);
gboolean lc_signal_is_off        (const LcSignal *signal);
double   lc_signal_get_period    (const LcSignal *signal);
gboolean lc_signal_light_at      (const LcSignal *signal,
                                  guint           light_index,
                                  double          t_seconds,
                                  LcColor        *out_color,
                                  double         *out_level);
char    *lc_signal_describe      (const LcSignal *signal); /* translated words */
LcSignal *lc_signal_copy         (const LcSignal *signal);
void     lc_signal_free          (LcSignal       *signal);

/* Matching an observed signal against a known one. */
typedef enum
{
  LC_MATCH_EXACT          = 0,
  LC_MATCH_COUNT_OFF      = 1 << 0, /* burst count differs by one */
  LC_MATCH_RATE_DIFFERS   = 1 << 1, /* "fast" vs "slow" */
  LC_MATCH_COLOR_CONFUSED = 1 << 2, /* amber for red, white for a clipped color */
  LC_MATCH_KIND_CONFUSED  = 1 << 3, /* burst read as blink, fade as blink, … */
  LC_MATCH_LIGHT_MISSING  = 1 << 4, /* one of several lights not seen */
} LcMatchFlags;

/* Returns a score in [0, 1]: 1 is an exact match, >= 0.5 a plausible one,
 * 0 no match at all. @out_flags (optional) says what was tolerated.
 *
 * Lights are paired order-insensitively (best assignment); the score is
 * the product of the pairs' scores. Per pair, each tolerated difference
 * multiplies the score: color confused 0.65, kind confused 0.6, burst
 * count off by one 0.65, rate differs 0.7. So one difference gives
 * 0.6–0.7, two about 0.4. One light of a multi-light known signal not
 * observed multiplies by 0.6. Anything else (another color, solid vs
 * blinking, counts further apart, an extra or two missing lights, dark vs
 * lit) gives 0. Rates only count when both are explicit and differ by more
 * than 1.5 times.
 */
double   lc_signal_match         (const LcSignal *observed,
                                  const LcSignal *known,
                                  LcMatchFlags   *out_flags);

/* Timelines
 *
 * One stretch of a light's on/off timeline, as drawn: the simulator's from
 * a signal, the camera page's from what a detector saw (LcLedRun). Times
 * are in nanoseconds. @unknown marks a gap (the video skipped) where @on
 * means nothing. @level is the brightness of a lit stretch, 0 when it was
 * not measured (a detector's runs), which is drawn as full.
 */
typedef struct
{
  gint64   start_ns;
  gint64   end_ns;
  gboolean on;
  LcColor  color;     /* when on */
  gboolean unknown;
  double   level;     /* when on: 0..1, 0 for "not measured" */
} LcLightRun;

/* How many brightness steps a fade is cut into. */
#define LC_LIGHT_RUN_LEVELS 32

/* Appends to @runs (a GArray of LcLightRun) what light @light_index of
 * @signal does from @start_ns to @end_ns, where 0 is the moment the signal
 * starts (as for lc_signal_light_at()). The runs are contiguous, cover the
 * whole span, alternate between lit and dark (two lit runs touch only when
 * a fade changes brightness) and never have @unknown set. Blinks and
 * bursts have exact edges (whole milliseconds); a fade becomes a staircase
 * of LC_LIGHT_RUN_LEVELS steps sampled every millisecond (or more coarsely
 * for long spans, at most 20000 samples). Lit runs of a blink, burst or
 * solid light have level 1. A light the signal does not have is dark.
 * Returns the number of runs appended (0 when @end_ns <= @start_ns).
 */
guint    lc_signal_to_runs       (const LcSignal *signal,
                                  guint           light_index,
                                  gint64          start_ns,
                                  gint64          end_ns,
                                  GArray         *runs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcSignal, lc_signal_free)

G_END_DECLS
