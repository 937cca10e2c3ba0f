/* lc-led-detector-private.h — the detector's stages and what they share
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The detector runs in stages, one file each: frame access and pooling
 * (lc-led-frame.c), candidates (lc-led-candidates.c), tracks
 * (lc-led-tracks.c), colour names (lc-led-color.c), levels and runs
 * (lc-led-levels.c), the pattern grammar (lc-led-pattern.c, lc-led-hue.c),
 * classifying a track by it (lc-led-classify.c), the ranking of the lights
 * (lc-led-ranking.c) and the public detector (lc-led-detector.c, with what
 * a detection says in lc-led-detection.c).
 * This header is for them and for their unit tests only.
 */

#pragma once

#include <glib.h>

#include "lc-led-detector.h"

G_BEGIN_DECLS

#define MAX_DIMENSION      16384
#define POOL_TARGET_WIDTH  320      /* the pooled map's size, as a 16:9 frame */
#define POOL_TARGET_HEIGHT 180
#define MAX_TRACKS         12
#define MAX_CANDIDATES     16
#define HISTORY_SIZE       2048     /* samples per track (oldest half dropped when full) */
#define WINDOW_NS          (G_GINT64_CONSTANT (16000000000))
#define NS_PER_S           1e9

/* Peak- and trough-hold time constants of the candidate maps. */
#define HOLD_TAU_S         3.0
/* Reference for the global gain. */
#define REFERENCE_TAU_S    4.0
/* A track with no candidate for this long is dropped. */
#define TRACK_TIMEOUT_NS   (G_GINT64_CONSTANT (4000000000))
/* With nothing found for this long, the answer is "no light". */
#define NO_LIGHT_AFTER_NS  (G_GINT64_CONSTANT (3000000000))
/* A constant light is solid after this long, confirmed after the second … */
#define SOLID_PROVISIONAL_S 1.0
#define SOLID_CONFIRMED_S   2.5
/* … unless it may be the top of a slow breath: a core that clips in at
 * least this share of its samples hides a breath's rise and fall, and a
 * light seen dark before it lit may be breathing or blinking slowly. It is
 * confirmed once it has stayed lit for longer than a breath takes (the
 * vocabulary's default fade lasts three seconds).
 */
#define SOLID_CLIPPED_SHARE      0.5
#define SOLID_BREATH_CONFIRMED_S 4.0
/* A light dark for this long (and longer than its pattern) went off. */
#define DARK_AFTER_S        3.0
/* Dark level must be under this fraction of the lit level … */
#define DEPTH_RATIO         0.35
/* … or, for an LED behind a window that stays pale when it is dark (a
 * frosted window on a dark housing), under this fraction, with the two
 * levels far apart compared with the dark level's noise.
 */
#define SHALLOW_DEPTH_RATIO 0.55
#define SHALLOW_MIN_SEPARATION 6.0
/* Faster than this fraction of the frame rate cannot be timed. */
#define TOO_FAST_FRACTION   0.37
/* The ring around a light is smoothed over this many seconds, so that
 * shake moving an edge through it does not move the light's level …
 */
#define RING_SMOOTH_S       0.5
/* … and over this many around a light that blinks: its glow lights the
 * ring too (a big frosted window), and a ring that caught up with it
 * within a lit run would make each run's level sag into a ramp.
 */
#define RING_SMOOTH_BLINK_S 2.0
/* Pixels at or above this are clipped: no colour from them. */
#define CLIP_LEVEL          250
/* A light's core at or above this has clipped: blur, scaling and
 * compression keep a clipped core a few levels short of CLIP_LEVEL.
 */
#define CORE_CLIPPED        (CLIP_LEVEL - 5)
/* Around a clipped core, colour is read from pixels this far up from the
 * background (as a fraction of core over background), not 0.25.
 */
#define CLIPPED_COLOUR_FLOOR 0.08
/* A steady light must come this close to clipping (0..255, in its
 * brightest channel): an LED outshines what it lights; a coloured box,
 * a label or a reflection does not.
 */
#define SOLID_MIN_PEAK      230.0
/* … less for a light only a few pixels across, whose core blur and scaling
 * spread over its neighbours: down to this at SMALL_LIGHT_RADIUS and below.
 */
#define SOLID_MIN_PEAK_SMALL 120.0
/* … or, short of that, keep to one level, stand at least this many times
 * over its surroundings' brightest channel and rise in every channel by at
 * least this share of its level: a light bright enough to wash its core
 * toward white. A coloured box or label on a dark surface reflects little
 * of the other channels, so some stay at the surface's level or below it.
 */
#define SOLID_BRIGHT_CONTRAST 1.0
#define SOLID_BRIGHT_MIN_RISE 0.15
/* … or, on a pale housing (its surroundings at least this bright), keep to
 * one level and fall below them in no channel by more than this share of
 * their brightness: an LED there adds its colour and leaves the housing's
 * other channels as they are, while a coloured object on a pale surface
 * is darker in the channels it absorbs (LEDs measured within 2 %, labels
 * and boxes 19–57 % below).
 */
#define SOLID_PALE_SURROUND 100.0
#define SOLID_PALE_MAX_LOSS 0.08
/* A steady light as bright as a status light beside it is its power
 * light unless it loses more than this share: the video's colour smear
 * can cost a dim power light a tenth of its other channels (power+status
 * TUNE #45), while labels and boxes lose 19–57 % (a red object beside a
 * fade, fade TUNE #52, 58 %).
 */
#define COMPANION_MAX_LOSS  0.15
/* … and stand out from what is around it: its core this many times over
 * its surroundings' brightest channel. A bright label on a pale wall is
 * a bump of 20–35 %; an LED outshines the surface it sits on.
 */
#define SOLID_MIN_CONTRAST  0.5
/* … unless it lights the housing far past its ring, as a light behind a
 * frosted window on a pale housing does: its ring is then inside its own
 * glow, and it is measured against a ring this many times farther out.
 * It counts as lighting its surroundings when that ring is darker than
 * its own by at least this share, in the light's own colour (see
 * lights_its_surround()); a label or a box on a pale wall leaves the wall
 * around it as it is.
 */
#define SURROUND_RING_RATIO 2.0
#define SURROUND_MIN_FALL   0.10
/* … and be at least this saturated, measured on the light itself. Behind
 * a frosted window a status light reads 0.33–0.44; a white wall or a lamp
 * with the white balance adrift stays below a quarter.
 */
#define SOLID_MIN_SATURATION 0.30
/* Short of this saturation, a steady light must also stand this many times
 * over its surroundings: a washed-out LED behind a window stands 1.7–3×
 * over them, glare tinted by the surface it shines on only 1.1–1.2×.
 */
#define SOLID_VIVID_SATURATION 0.45
#define SOLID_WASHED_CONTRAST  1.5
/* A steady light beside a changing one of about its strength is a light
 * too (see is_companion()): at least these fractions of its level and peak.
 */
#define COMPANION_LEVEL_RATIO 0.65
#define COMPANION_PEAK_RATIO  0.85
/* A light that has started to change beside a reported one holds the
 * answer back only if it lights up at least this fraction as far as that
 * one: a device's LEDs are of a kind, and specks of moving glare are far
 * fainter (see has_pending_light()).
 */
#define PENDING_LEVEL_RATIO   0.5
/* … and, unless dimming shows its colour, its lit samples of the last
 * second are at least this colourful: status lights are vivid, an edge
 * dragged across a cell by shake flickers in grey.
 */
#define PENDING_MIN_SATURATION 0.25
/* … and one that keeps changing in a colour the answer does not show
 * holds it back for as long as it changes, if it lights up at least this
 * fraction as far (a status light beside a clipping power light measured
 * 0.42–0.69 of it) and is at least this fraction of its size (flecks of
 * coloured flicker on a frosted window were a seventh to a fifth of it).
 */
#define APART_LEVEL_RATIO     0.35
#define APART_SIZE_RATIO      0.5
/* A second light far fainter than the first (below this fraction of its
 * level) must clip as the first does (COMPANION_PEAK_RATIO) to be one.
 */
#define OTHER_LIGHT_LEVEL_RATIO 0.25
/* A fade swings by at least this fraction of its surroundings' level. */
#define FADE_MIN_SWING      0.35
/* A bright breath clips for most of its cycle and spends little time
 * between its ends, but each way between them takes it frames: at least
 * this many samples in the middle of its range, on at least this share of
 * at least this many crossings. A blink's edge leaves one there (the frame
 * whose exposure it falls in), two when compression smears it.
 */
#define FADE_RAMP_MIN_SAMPLES 3
#define FADE_RAMP_SHARE       0.75
#define FADE_RAMP_MIN_CROSSINGS 3
#define SMALL_LIGHT_RADIUS   1.5
/* A steady spot on a pale housing too faint to report still holds back
 * the answer beside it (see is_faint_light()) when it rises over the
 * housing at least this fraction as far as the first reported light, and
 * darkens the housing in no channel by more than this share of it. A dim
 * power LED on a grey housing measured 0.88 of its status light and 20 %
 * below the grey in its other channels; vivid labels and boxes there were
 * 46–63 % below.
 */
#define FAINT_LIGHT_LEVEL_RATIO    0.5
#define FAINT_LIGHT_MAX_LOSS       0.3
/* A steady light too pale to report still holds back the answer beside
 * it (see shines_beside()) when it is at least this colourful, the mean of
 * its core's channels at most this share of its brightest pixel, and it is
 * within this many radii of the reported light. */
#define WASHED_OUT_MIN_SATURATION 0.25
#define WASHED_OUT_MAX_WHITE 0.8
#define BESIDE_RADII        14.0
/* A bright thing on a blinking light's ring counts as background (see
 * compact_beside_steady()) when it changes by at most this share of the
 * core's rise, and is at most this many times brighter than the core. */
#define STEADY_MAX_CHANGE   0.25
#define STEADY_MAX_OVER_CORE 1.25
/* A steady spot near a light that gives this many times more light (mean of
 * its channels at the core), in that light's colour, is its reflection or
 * part of its glow, not a light of its own.
 */
#define REFLECTION_RATIO    1.3
/* … or that is as white at its core and covers this many times the area: a
 * glint on a shiny part can be nearly as white as the LED that lights it,
 * but it is a speck beside it.
 */
#define REFLECTION_AREA_RATIO 4.0
/* A lit run of a frame or two under this share of the lit level, between
 * dark runs of a few frames, is noise (see lc_led_drop_glitches()).
 */
#define FAINT_FLASH_SHARE   0.5
/* A spot of a blinking light's colour that is lit on at least this share
 * of the frames the light is (a clipped light blooms into the frames
 * either side of its runs; its reflection does not) is its reflection.
 */
#define ECHO_LIT_SHARE      0.75
/* A plateau of the peak-hold (a clipped light) is the cells within this
 * of the candidate's level, this many cells either side at most.
 */
#define PLATEAU_TOLERANCE   1.0f
#define PLATEAU_REACH       6
/* A candidate that swings by at least this share of its peak-hold keeps
 * its own cell when its plateau's centroid swings by less than this share
 * of its swing: a light changing beside steady glare (see plateau_centre()).
 */
#define OWN_SWING_SHARE     0.4f
#define STEADY_SWING_SHARE  0.25f
/* Around a light that swings by OWN_SWING_SHARE, a pixel is left out of its
 * disc when its cell's trough stays above the light's own by this share of
 * the light's swing: steady glare, or a wall, beside it (see read_disc()).
 */
#define STEADY_FLOOR_SHARE  0.5f
#define WIDE_MAX_CONTRAST   2.0f   /* a clipped candidate less than this many contrast floors over its largest ring may be inside a wider glow */
#define CORE_MIN_RISE       20     /* a clipped core whose weakest channel rises this much goes white */
/* A light that comes on beside a steady one (a status light in a power
 * light's glow) is a light of its own when the steady one's centre
 * changed by at most this share of its rise.
 */
#define APART_MAX_CHANGE    0.25
/* It did not come on alone if a light within GLOW_DISTANCE changed by
 * more than this share of its rise in the same frame.
 */
#define LIT_WITH_SHARE      0.5
/* Such a light is followed only while its cell is within this share of
 * its swing of the peak-hold: while it is lit.
 */
#define LIT_NOW_SHARE       0.3
/* … and its core (and the other's) is read within this share of the
 * distance between them.
 */
#define BESIDE_CORE_SHARE   0.15
/* Of two overlapping tracks the older is kept, unless it never became a
 * light and the newer one did, or the newer one's candidates score this
 * many times its own.
 */
#define OUTSHINE_RATIO      2.0
/* … but two that each show a colour this saturated, and not the same one,
 * are two lights: a blue status light in the wide glow of a red power
 * light on a pale housing measured 0.73 and 0.78; a clipped white core
 * 0.1–0.3. The same bar as a halo's colour.
 */
#define APART_MIN_SATURATION HALO_MIN_SATURATION
/* A core whose channels average this much is clipped to white; one that
 * gives this many times more light makes a spot of any colour near it its
 * glow (see mark_reflections()).
 */
#define WHITE_CORE_LEVEL    170.0
#define WHITE_CORE_RATIO    1.6
/* … within this fraction of the frame's longer side. */
#define GLOW_DISTANCE       0.12
/* A clipped core's glow reaches this many of its radii; a white core
 * lights up nothing further off in its glow's colour (solid TUNE #50: a
 * red LED 14 radii from a patch of white glare was taken for its glow).
 */
#define GLOW_RADII          8.0
/* A steady light's level varies by less than this fraction (10th to 90th
 * percentile): a light that swells and dims is breathing, not solid.
 */
#define SOLID_MAX_SPREAD    0.45
/* It is confirmed only when it varies by less than this: a slow fade
 * behind a frosted window stays within SOLID_MAX_SPREAD for as long as it
 * takes to confirm a steady light (fade TUNE #23).
 */
#define SOLID_CONFIRMED_SPREAD 0.2
/* A light whose core clips in this share of the samples of its dark
 * phase did not go dark (see clips_while_dark()); power+status TUNE #28: a
 * red power LED beside a blue blinking one behind one frosted window.
 */
#define DARK_CLIPPED_SHARE  0.9
/* Two colours of one steady light are distinct when their chromaticities
 * (r, g over r + g + b) are this far apart.
 */
#define HUE_SPLIT_MIN       0.09
/* A light whose lit samples take turns in two hues moves away from its
 * dark phase's hue when at least this share of them sit that far from it
 * (see lc_led_hue_moves_with_level()).
 */
#define HUE_AWAY_MIN_SHARE  0.75
/* … and the light stays about as bright in both: the dimmer colour's mean
 * level at least this fraction of the brighter's. A light that dims as its
 * hue moves is a blink seen against a pale window, not two colours.
 */
#define HUE_STEADY_LEVEL_RATIO 0.6
/* A blink beside a steady light, behind one frosted window, never goes
 * dark: its neighbour's glow fills it in, in the neighbour's colour. Dark
 * phases this bright (as a fraction of the lit level) still make a blink
 * when their colour is a steady neighbour's, rather than two colours
 * taking turns.
 */
#define BORROWED_DEPTH_RATIO 0.8
/* … the neighbour being this close (a fraction of the frame's larger side):
 * on the same housing, behind the same window.
 */
#define BORROWED_GLOW_DISTANCE 0.15
/* A halo colour weaker than this saturation is replaced by the colour the
 * light adds between dark and lit (see lc_led_on_off_color()).
 */
#define HALO_MIN_SATURATION 0.4
/* Lit minus dark must rise this much in its brightest channel to have a
 * colour at all (see lc_led_disc_added()).
 */
#define ADDED_COLOR_MIN_STEP 6.0
/* A light that, lighting up, loses more than this fraction of its largest
 * rise in another channel is a surface sliding by, not an LED (see
 * lc_led_takes_light_away()).
 */
#define TAKEN_LIGHT_RATIO    0.25
/* … and, above a light's floor, this fraction of the floor's brightest
 * channel (see added_color_samples()).
 */
#define ADDED_COLOR_MIN_SHARE 0.2
/* Turns in the colour a light adds, rather than its own, last at least
 * this long (seconds): shorter ones are noise near the split.
 */
#define ADDED_HUE_MIN_RUN_S 0.2

typedef struct
{
  gint64  pts;
  float   level;     /* core over background, divided by the global gain */
  float   rgb[3];    /* colour: mean of (pixel - background) over the lit pixels */
  float   disc[3];   /* mean of every pixel in the light's disc, clipped or not:
                      * lit minus dark is what the LED adds (see lc_led_on_off_color()) */
  float   max;       /* the brightest pixel's brightest channel, as the
                      * camera gave it (for "does it come near clipping") */
  float   top;       /* the core's brightest channel, divided by the gain;
                      * -1 when it clips (auto exposure cannot move it) */
  float   white;     /* mean of the three channels at the core: how much
                      * light it gives, however coloured (see mark_reflections()) */
  float   dip;       /* see Measurement, divided by the gain */
  float   x;         /* log level (see lc_led_split_levels()), cached … */
  float   xk;        /* … for this offset */
  guint8  has_color;
  guint8  gap;       /* frames missing just before this one */
  guint8  assumed;   /* not measured: dark before the light came on
                      * (see start_after_dark()), level 0 */
} Sample;

typedef struct
{
  LcDetectedKind kind;
  guint          count;
  guint          n_colors;
  LcColor        colors[LC_LIGHT_MAX_COLORS];
} ReadingKey;

/* Points on the ring around a light (see lc_led_measure_track()). */
#define RING_POINTS 32

typedef struct
{
  guint    id;
  double   cx, cy;          /* full-resolution pixels */
  double   ax, ay;          /* where the candidates put it */
  double   radius;          /* full-resolution pixels */
  double   cand_radius;     /* size the candidates suggest */
  double   core_radius;     /* size of the part that goes white, when the core clips */
  double   compactness;     /* how often it measured as a spot, 0..1 */
  double   bg;              /* smoothed ring background (gain normalised) */
  double   bg_far;          /* … and farther out, while the core clips; -1: never */
  float    glow_rgb[3];     /* the ring's colour less that farther out: its glow */
  gint64   born_ns;
  gint64   last_match_ns;
  gint64   answered_ns;     /* last time it was a light of a confirmed answer; -1: never */
  double   cand_score;
  gboolean selected;
  gboolean lit_apart;       /* came on while a light beside it stayed steady */
  gboolean lit;             /* its cell is lit this frame (see lc_led_track_lit_now()) */

  Sample   samples[HISTORY_SIZE]; /* oldest first */
  guint    len;

  /* Level split */
  gboolean binary;
  double   m_lo, m_hi;
  double   up, down;        /* hysteresis thresholds */
  double   level;           /* typical lit level */

  /* Reading */
  ReadingKey     key;
  LcLight        light;
  gboolean       confirmed;
  gint64         stable_since;
  double         confidence;
  double         saturation;
  double         white;     /* mean of the core's channels while lit */
  double         peak;      /* the brightest pixel while lit, 0..255 as the camera gave it */
  double         dip;       /* mean Sample.dip while lit */
  double         spread;    /* how much the lit level varies, 0..1 */
  gboolean       reflection;/* a steady copy of a brighter light nearby */
  gboolean       takes_light;/* two levels, but a channel darkens when lit */
  LcColor        halo_color;/* a clipped white core's colour, from its glow */
  gboolean       color_from_glow; /* its steady reading's colour is halo_color */
  LcColor        turn_colors[2]; /* a steady light's two colours, if it shows
                                  * two (in turns, or not yet): else NONE */
  double         score;
  gboolean       qualified;
  gboolean       active;    /* shows real on/off changes */
  gint64         last_edge_ns;
  gint64         active_since;  /* start of the current stretch of changes */

  /* The ring and core as last seen dark (binary lights only) */
  gint16         dark_ring[RING_POINTS]; /* -1: outside the frame */
  float          dark_ring_r;
  float          dark_top;
  float          dark_rgb[3];   /* the ring's colour while dark */
  gboolean       has_dark_ring;
} Track;

typedef struct
{
  int    mx, my;            /* the cell the local-maximum test picked */
  double x, y;              /* its centre, full-resolution pixels */
  double contrast;
  double swing;
  double score;
  double radius;            /* full-resolution pixels */
} Candidate;

/* A stretch of constant state found by the run reader. */
typedef struct
{
  gint64   start, end;
  gboolean on;
  gboolean start_known;     /* starts at an edge (not at the window start) */
  gboolean end_known;       /* ends at an edge (not "still going") */
  float    rgb[3];
  guint    n_rgb;
  float    disc[3];         /* sum of the samples' disc colours while fully lit */
  guint    n_samples;
  gboolean gap;             /* frames are missing inside it */
} Run;

struct _LcLedDetector
{
  int        width, height;
  LcPixelFormat format;
  int        pool;
  int        mw, mh;

  guint8    *pooled;        /* mw × mh */
  float     *hi;            /* peak hold (gain normalised) */
  float     *hi_before;     /* … as it was before this frame */
  float     *lo;            /* trough hold */
  float     *prev;          /* previous normalised frame */
  float     *cur;           /* this normalised frame */
  float     *reference;     /* slow average for the gain */
  gssize     ring_offset[4][8]; /* ring_offsets as steps in the maps */
  guint8    *colmax;        /* scratch: one row of bytes */
  guint8    *chroma_u;      /* scratch: one chroma row, for NV12 split … */
  guint8    *chroma_v;      /* … into U and V */
  guint8    *chroma_row;    /* scratch: planar YUV colour boost of one chroma row … */
  guint8    *chroma_band;   /* … and the maximum over a band of them */
  gboolean   maps_ready;

  gint64     first_pts;
  gint64     last_pts;
  gint64     last_light_ns;
  guint      frames;
  guint      dropped;
  double     interval_s;    /* typical frame interval */
  double     gain;
  double     noise;         /* noise of the pooled map, 0..255 units */

  Track     *tracks[MAX_TRACKS];
  guint      n_tracks;
  guint      next_id;

  LcDetection detection;
  guint      serial;

  LcLedPrior prior;         /* n_lights 0: generic */
};

/* Measurement */

typedef struct
{
  gboolean valid;
  gboolean compact;    /* the ring is dark all around (not an edge) */
  double level;        /* core over background, 0..255 */
  double top;          /* core */
  double max;          /* the brightest pixel */
  double bg;           /* ring */
  gboolean has_far;    /* the core clips, and the ring farther out was read: */
  double bg_far;       /* its brightness … */
  double glow_rgb[3];  /* … and what the ring has more of, in each channel */
  float  rgb[3];
  gboolean has_color;
  float  disc[3];      /* mean of all pixels in the disc */
  double white;        /* mean of the channels over the core pixels */
  double dip;          /* the core's weakest channel less the ring's: an
                        * emitter only adds light, a coloured surface on a
                        * lighter one takes some away in its other channels */
  double cx, cy;       /* weighted centre of the lit pixels */
  double radius;       /* from the area above half level */
  double core_radius;  /* the same in its weakest channel, when it clips */
  gboolean centred;
  gint16 ring[RING_POINTS]; /* brightness around it, -1 outside the frame */
  double ring_rgb[3];  /* the ring's colour */
  double r_ring;
} Measurement;

/* Reading the runs */

typedef struct
{
  gint64   t;
  gboolean rising;
  gboolean gap;      /* frames were missing since the previous edge */
} Edge;

typedef struct
{
  guint   n;
  Sample *s;         /* window of samples, oldest first (borrowed) */
  Edge   *edges;
  guint   n_edges;
  Run    *runs;
  guint   n_runs;
  double  m_lo, m_hi;    /* mean dark and lit levels */
  float   off_disc[3];   /* mean disc colour while dark (see lc_led_on_off_color()) */
  guint   n_off;
  double  lo_x, hi_x, k; /* the same in log space (see lc_led_split_levels()) */
  gboolean lit_color_known; /* lit_color holds the colour the light adds when */
  LcColor  lit_color;       /* lit (worked out once; see lc-led-classify.c) */
} Window;

typedef struct
{
  guint  n;          /* periods measured (edge to edge of the same kind) */
  guint  good;       /* within the tolerance of their median */
  guint  bad;
  guint  recent_bad; /* among the last four */
  double good_sum;   /* seconds */
} Periods;

typedef struct
{
  ReadingKey key;
  gboolean   confirmed;
  double     rate_hz;
  double     on_ms, off_ms, pause_ms;
  gboolean   active;
} Reading;

/* Frame access and pooling (lc-led-frame.c) */

int      lc_led_pool_factor    (int           width,
                                int           height);
gsize    lc_led_row_bytes      (LcPixelFormat format,
                                int           width);
gboolean lc_led_frame_is_valid (const LcFrame *frame);
void     lc_led_pool_frame     (LcLedDetector *self,
                                const LcFrame *frame);
double   lc_led_estimate_gain  (LcLedDetector *self,
                                double        *out_noise);
void     lc_led_update_maps    (LcLedDetector *self,
                                double         dt);

/* Candidates (lc-led-candidates.c) */

void   lc_led_candidates_setup (LcLedDetector *self);
double lc_led_contrast_floor   (const LcLedDetector *self);
guint  lc_led_find_candidates  (LcLedDetector *self,
                                gboolean       rising_only,
                                Candidate     *out);
double lc_led_dark_before      (const LcLedDetector *self,
                                gsize                i);
gboolean lc_led_cell_came_on   (const LcLedDetector *self,
                                gsize                i);
gboolean lc_led_cell_changes   (const LcLedDetector *self,
                                gsize                i);

/* Tracks (lc-led-tracks.c) */

double         lc_led_max_radius     (const LcLedDetector *self);
Track *        lc_led_track_new      (LcLedDetector *self,
                                      double         cx,
                                      double         cy,
                                      double         radius,
                                      gint64         now);
const Sample * lc_led_track_sample   (const Track *t,
                                      guint        i);
void           lc_led_track_push     (Track        *t,
                                      const Sample *s);
void           lc_led_remove_track   (LcLedDetector *self,
                                      guint          index);
gboolean       lc_led_lit_beside     (const Track *a,
                                      const Track *b);
gboolean       lc_led_track_lit_now  (const LcLedDetector *self,
                                      const Track         *t);
double         lc_led_track_distance (const Track *t,
                                      double       x,
                                      double       y);
double         lc_led_track_size     (const Track *t);
gboolean       lc_led_track_shows_color (const Track *t,
                                         LcColor      color);
void           lc_led_measure_track  (LcLedDetector *self,
                                      const LcFrame *frame,
                                      const Track   *t,
                                      double         limit,
                                      const Track   *beside,
                                      Measurement   *m);
void           lc_led_track_remember_dark (Track             *t,
                                           const Measurement *m);
void           lc_led_associate      (LcLedDetector   *self,
                                      const Candidate *cands,
                                      guint            n_cands,
                                      gint64           now,
                                      const double     dark_for[MAX_CANDIDATES]);

/* Colour names (lc-led-color.c) */

void     lc_led_rgb_to_hsv     (const float  rgb[3],
                                double      *hue,
                                double      *sat,
                                double      *val);
LcColor  lc_led_classify_color (const float  rgb[3],
                                double      *out_saturation);
gboolean lc_led_chromaticity   (const float rgb[3],
                                double      out[2]);
LcColor  lc_led_map_to_palette (LcColor color,
                                guint   palette);

/* Levels and runs (lc-led-levels.c) */

void     lc_led_window_clear    (Window *w);
void     lc_led_window_collect  (Track  *t,
                                 gint64  now,
                                 Window *w);
void     lc_led_split_levels    (Window *w,
                                 double  k,
                                 double *out_sd_lo,
                                 guint  *out_n_lo,
                                 guint  *out_n_hi);
double   lc_led_window_level_at (const Window *w,
                                 double        f);
gboolean lc_led_is_gap          (const LcLedDetector *self,
                                 const Sample        *a,
                                 const Sample        *b);
void     lc_led_find_edges      (Window *w);
void     lc_led_drop_glitches   (Window *w);
void     lc_led_find_runs       (Window *w,
                                 gint64  window_start,
                                 gint64  now);
gboolean lc_led_disc_added      (const double  lit_sum[3],
                                 guint         n_lit,
                                 const double  dark_sum[3],
                                 guint         n_dark,
                                 float         out[3]);
gboolean lc_led_on_off_color    (const Window *w,
                                 const float   lit_sum[3],
                                 guint         n_lit,
                                 float         out[3]);
double   lc_led_run_seconds     (const Run *run);
int      lc_led_compare_double  (gconstpointer a,
                                 gconstpointer b);
double   lc_led_median          (double *v,
                                 guint   n);
double   lc_led_select_double   (double *v,
                                 guint   n,
                                 guint   k);

/* The pattern grammar (lc-led-pattern.c) */

gboolean lc_led_reading_key_equal (const ReadingKey    *a,
                                   const ReadingKey    *b);
void     lc_led_read_colors       (const Window        *w,
                                   ReadingKey          *key,
                                   double              *out_saturation,
                                   gboolean            *out_settled);
guint    lc_led_count_blinks      (const Window        *w);
gboolean lc_led_read_periods      (const Window        *w,
                                   double               interval_s,
                                   Periods             *ps);
void     lc_led_read_pattern      (const LcLedDetector *self,
                                   const Window        *w,
                                   Reading             *rd);
gboolean lc_led_read_fade         (const LcLedDetector *self,
                                   const Window        *w,
                                   Reading             *rd);
gboolean lc_led_swells_to         (const LcLedDetector *self,
                                   const Window        *w,
                                   double               depth);

/* Hue (lc-led-hue.c) */

gboolean lc_led_read_hue_alternation   (const Window  *w,
                                        guint          first,
                                        double         interval_s,
                                        Reading       *rd,
                                        LcColor        out_colors[2],
                                        LcColor       *out_dimmer);
gboolean lc_led_takes_light_away       (const Window  *w,
                                        double         lo,
                                        double         hi);
LcColor  lc_led_added_color            (const Window  *w,
                                        double         lo,
                                        double         hi);
gboolean lc_led_hue_moves_with_level   (const Window  *w,
                                        double         lo,
                                        double         hi);
LcColor  lc_led_dark_phase_color       (const Window  *w,
                                        double         lo,
                                        double         hi);
gboolean lc_led_steady_neighbour_glows (LcLedDetector *self,
                                        const Track   *t,
                                        LcColor        color);

/* Classifying a track (lc-led-classify.c) */

void lc_led_classify_track (LcLedDetector *self,
                            Track         *t,
                            gint64         now);

/* Ranking (lc-led-ranking.c) */

void lc_led_score_track     (LcLedDetector *self,
                             Track         *t);
void lc_led_build_detection (LcLedDetector *self,
                             gint64         now);

/* Planar YUV: @format's chroma is subsampled by 1 << *@out_sx across and
 * 1 << *@out_sy down, and its U (and V) samples are @out_step bytes apart.
 * Returns FALSE for the packed formats.
 */
static inline gboolean
lc_led_format_planar (LcPixelFormat format,
                      int          *out_sx,
                      int          *out_sy,
                      int          *out_step)
{
  int sx = 1, sy = 1, step = 1;

  switch (format)
    {
    case LC_PIXEL_FORMAT_I420:
      break;
    case LC_PIXEL_FORMAT_NV12:
      step = 2;
      break;
    case LC_PIXEL_FORMAT_Y42B:
      sy = 0;
      break;
    case LC_PIXEL_FORMAT_Y444:
      sx = sy = 0;
      break;
    case LC_PIXEL_FORMAT_RGB24:
    case LC_PIXEL_FORMAT_BGR24:
    case LC_PIXEL_FORMAT_RGBX:
    case LC_PIXEL_FORMAT_BGRX:
    case LC_PIXEL_FORMAT_XRGB:
    case LC_PIXEL_FORMAT_XBGR:
    case LC_PIXEL_FORMAT_GRAY8:
    case LC_PIXEL_FORMAT_YUY2:
    default:
      return FALSE;
    }

  if (out_sx != NULL)
    *out_sx = sx;
  if (out_sy != NULL)
    *out_sy = sy;
  if (out_step != NULL)
    *out_step = step;
  return TRUE;
}

/* Pixel access, inline: measuring a track reads every pixel of its
 * window through these (lc-led-frame.c has the rest of frame access). */

static inline void
clamp_rgb (int r,
           int g,
           int b,
           int rgb[3])
{
  rgb[0] = CLAMP (r, 0, 255);
  rgb[1] = CLAMP (g, 0, 255);
  rgb[2] = CLAMP (b, 0, 255);
}

/* BT.601, limited range, in 256ths: R = Y' + V', G = Y' - U'g - V'g, B = Y' + U'b. */
#define BT601_Y    298   /* (Y - 16) */
#define BT601_V_R  409   /* (V - 128) into R */
#define BT601_U_G  100   /* (U - 128) out of G */
#define BT601_V_G  208   /* (V - 128) out of G */
#define BT601_U_B  516   /* (U - 128) into B */

static inline void
yuv_to_rgb (int y,
            int u,
            int v,
            int rgb[3])
{
  int c = y - 16, d = u - 128, e = v - 128;

  clamp_rgb ((BT601_Y * c + BT601_V_R * e + 128) >> 8,
             (BT601_Y * c - BT601_U_G * d - BT601_V_G * e + 128) >> 8,
             (BT601_Y * c + BT601_U_B * d + 128) >> 8,
             rgb);
}

static inline void
lc_led_pixel_rgb (const LcFrame *f,
                  int            x,
                  int            y,
                  int            rgb[3])
{
  const guint8 *row = f->data + (gsize) y * f->stride;
  const guint8 *p;

  switch (f->format)
    {
    case LC_PIXEL_FORMAT_RGB24:
      p = row + x * 3;
      rgb[0] = p[0]; rgb[1] = p[1]; rgb[2] = p[2];
      break;
    case LC_PIXEL_FORMAT_BGR24:
      p = row + x * 3;
      rgb[0] = p[2]; rgb[1] = p[1]; rgb[2] = p[0];
      break;
    case LC_PIXEL_FORMAT_RGBX:
      p = row + x * 4;
      rgb[0] = p[0]; rgb[1] = p[1]; rgb[2] = p[2];
      break;
    case LC_PIXEL_FORMAT_BGRX:
      p = row + x * 4;
      rgb[0] = p[2]; rgb[1] = p[1]; rgb[2] = p[0];
      break;
    case LC_PIXEL_FORMAT_XRGB:
      p = row + x * 4;
      rgb[0] = p[1]; rgb[1] = p[2]; rgb[2] = p[3];
      break;
    case LC_PIXEL_FORMAT_XBGR:
      p = row + x * 4;
      rgb[0] = p[3]; rgb[1] = p[2]; rgb[2] = p[1];
      break;
    case LC_PIXEL_FORMAT_GRAY8:
      rgb[0] = rgb[1] = rgb[2] = row[x];
      break;
    case LC_PIXEL_FORMAT_YUY2:
      p = row + (x / 2) * 4;
      yuv_to_rgb (p[(x & 1) * 2], p[1], p[3], rgb);
      break;
    case LC_PIXEL_FORMAT_I420:
    case LC_PIXEL_FORMAT_NV12:
    case LC_PIXEL_FORMAT_Y42B:
    case LC_PIXEL_FORMAT_Y444:
      {
        int sx, sy, step;
        gsize c;

        lc_led_format_planar (f->format, &sx, &sy, &step);
        c = (gsize) (y >> sy) * f->uv_stride + (gsize) (x >> sx) * step;
        yuv_to_rgb (row[x], f->data[f->u_offset + c], f->data[f->v_offset + c], rgb);
      }
      break;
    default:
      rgb[0] = rgb[1] = rgb[2] = 0;
      break;
    }
}

/* Brightness used everywhere: max (R, G, B), luma for grey frames. */
static inline int
lc_led_pixel_value (const LcFrame *f,
                    int            x,
                    int            y)
{
  const guint8 *row = f->data + (gsize) y * f->stride;
  const guint8 *p;

  switch (f->format)
    {
    case LC_PIXEL_FORMAT_RGB24:
    case LC_PIXEL_FORMAT_BGR24:
      p = row + x * 3;
      return MAX (MAX (p[0], p[1]), p[2]);
    case LC_PIXEL_FORMAT_RGBX:
    case LC_PIXEL_FORMAT_BGRX:
      p = row + x * 4;
      return MAX (MAX (p[0], p[1]), p[2]);
    case LC_PIXEL_FORMAT_XRGB:
    case LC_PIXEL_FORMAT_XBGR:
      p = row + x * 4;
      return MAX (MAX (p[1], p[2]), p[3]);
    case LC_PIXEL_FORMAT_GRAY8:
      return row[x];
    case LC_PIXEL_FORMAT_I420:
    case LC_PIXEL_FORMAT_NV12:
    case LC_PIXEL_FORMAT_Y42B:
    case LC_PIXEL_FORMAT_Y444:
    case LC_PIXEL_FORMAT_YUY2:
      {
        /* Not luma: a blue light is bright in blue, and dim in luma. */
        int rgb[3];

        lc_led_pixel_rgb (f, x, y, rgb);
        return MAX (MAX (rgb[0], rgb[1]), rgb[2]);
      }
    default:
      return 0;
    }
}

/* Tests and tuning */

/* Max-pools @n_rows rows of @width pixels in @format, @stride bytes apart,
 * by @pool into @out (one byte per cell: the brightest channel), through
 * the same vector code as the detector; with @force_scalar through the
 * plain loops instead.
 */
void _lc_led_detector_pool_rows (LcPixelFormat  format,
                                 int            width,
                                 int            pool,
                                 const guint8  *rows,
                                 gsize          stride,
                                 int            n_rows,
                                 guint8        *out,
                                 gboolean       force_scalar);

/* Appends one line per track (position, size, level, reading, score) to
 * @out: what lc-detector-trace prints while tuning.
 */
void _lc_led_detector_dump_tracks (LcLedDetector *self,
                                   GString       *out);

G_END_DECLS
