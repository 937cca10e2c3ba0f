/* lc-signal.h — the one vocabulary shared by simulator, detector and knowledge
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Colours a Blink status light can show. Ids ("red", …) are the text form. */
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
  LC_KIND_BLINK,  /* even on/off, repeating; several colours alternate */
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

/* Colours */
const char *lc_color_to_string   (LcColor      color);   /* "red"; NULL for NONE */
gboolean    lc_color_from_string (const char  *text,
                                  LcColor     *out_color);
const char *lc_color_get_name    (LcColor      color);   /* translated "Red" */
const char *lc_kind_to_string    (LcKind       kind);    /* "solid", "burst", … */

/* Lights */
void     lc_light_init_solid     (LcLight       *light,
                                  LcColor        color);
void     lc_light_normalize      (LcLight       *light); /* fill timing from kind/rate */
double   lc_light_get_period     (const LcLight *light); /* seconds of one repeat */
gboolean lc_light_state_at       (const LcLight *light,
                                  double         t_seconds,
                                  LcColor       *out_color,
                                  double        *out_level);

/* Signals */
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
  LC_MATCH_COLOR_CONFUSED = 1 << 2, /* amber for red, white for a clipped colour */
  LC_MATCH_KIND_CONFUSED  = 1 << 3, /* burst read as blink, fade as blink, … */
  LC_MATCH_LIGHT_MISSING  = 1 << 4, /* one of several lights not seen */
} LcMatchFlags;

/* Returns a score in [0, 1]: 1 is an exact match, >= 0.5 a plausible one,
 * 0 no match at all. @out_flags (optional) says what was tolerated.
 */
double   lc_signal_match         (const LcSignal *observed,
                                  const LcSignal *known,
                                  LcMatchFlags   *out_flags);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcSignal, lc_signal_free)

G_END_DECLS
