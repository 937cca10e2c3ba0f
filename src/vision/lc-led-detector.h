/* lc-led-detector.h — finds status lights in video frames and reads their pattern
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lc-reading.h"
#include "lc-signal.h"

G_BEGIN_DECLS

/* Pixel layouts the detector reads directly (no conversion needed). */
typedef enum
{
  LC_PIXEL_FORMAT_RGB24 = 0, /* R G B */
  LC_PIXEL_FORMAT_BGR24,     /* B G R */
  LC_PIXEL_FORMAT_RGBX,      /* R G B x (also RGBA) */
  LC_PIXEL_FORMAT_BGRX,      /* B G R x (also BGRA) */
  LC_PIXEL_FORMAT_XRGB,      /* x R G B (also ARGB) */
  LC_PIXEL_FORMAT_XBGR,      /* x B G R (also ABGR) */
  LC_PIXEL_FORMAT_GRAY8,     /* luma only: no colour can be told */
  LC_PIXEL_FORMAT_YUY2,      /* Y0 U Y1 V, 4:2:2 packed */
  LC_PIXEL_FORMAT_I420,      /* planar Y, then U and V at quarter size */
  LC_PIXEL_FORMAT_NV12,      /* planar Y, then U and V interleaved, quarter size */
  LC_PIXEL_FORMAT_Y42B,      /* planar Y, U and V at half width (4:2:2) */
  LC_PIXEL_FORMAT_Y444,      /* planar Y, U and V at full size (4:4:4) */
} LcPixelFormat;

#define LC_N_PIXEL_FORMATS (LC_PIXEL_FORMAT_Y444 + 1)

/* One video frame, borrowed for the duration of lc_led_detector_push_frame().
 *
 * Every plane must lie inside [@data, @data + @size): the detector checks
 * this (and the strides) and refuses the frame otherwise, so it never reads
 * outside the buffer. For the planar YUV formats, @data is the Y plane
 * (stride @stride); the U and V planes start @u_offset and @v_offset bytes
 * after @data, with stride @uv_stride, and are (@width + 1) / 2 ×
 * (@height + 1) / 2 (I420), (@width + 1) / 2 × @height (Y42B) or
 * @width × @height (Y444). For NV12 the U and V samples alternate in one
 * plane: @v_offset is @u_offset + 1. These map directly to a GstVideoFrame /
 * GstVideoInfo (offset[], stride[]).
 */
typedef struct
{
  const guint8  *data;
  gsize          size;
  LcPixelFormat  format;
  int            width;
  int            height;
  int            stride;       /* bytes per row (of the Y plane for planar YUV) */
  gint64         pts_ns;       /* presentation time; must not go backwards */

  /* Planar YUV (I420, NV12, Y42B, Y444) only */
  gsize          u_offset;
  gsize          v_offset;
  int            uv_stride;
} LcFrame;

/* Fills a frame for a packed format (everything but planar YUV). */
void lc_frame_init_packed (LcFrame       *frame,
                           const guint8  *data,
                           gsize          size,
                           LcPixelFormat  format,
                           int            width,
                           int            height,
                           int            stride,
                           gint64         pts_ns);

/* Bytes per pixel of a packed format; 0 for planar YUV, 2 for YUY2. */
int  lc_pixel_format_get_bpp (LcPixelFormat format);

/* What the detector makes of one light. Unlike LcKind it can say that the
 * pattern is too fast for the frame rate or not understood (yet).
 */
typedef enum
{
  LC_DETECTED_NONE = 0,   /* nothing read yet */
  LC_DETECTED_SOLID,
  LC_DETECTED_BLINK,      /* light.rate_hz, on_ms, off_ms; colours may alternate */
  LC_DETECTED_BURST,      /* light.count blinks, then light.pause_ms dark;
                           * count 0 while no whole group was seen yet */
  LC_DETECTED_FADE,
  LC_DETECTED_TOO_FAST,   /* blinks faster than the camera can follow */
  LC_DETECTED_UNKNOWN,    /* changes, but not in a pattern we know */
} LcDetectedKind;

const char *lc_detected_kind_to_string (LcDetectedKind kind); /* "solid", "too-fast", … */

typedef enum
{
  LC_DETECTION_LOOKING = 0, /* not enough video yet */
  LC_DETECTION_NO_LIGHT,    /* a few seconds and nothing that looks like a status light */
  LC_DETECTION_PROVISIONAL, /* a light and a first reading, seen once */
  LC_DETECTION_CONFIRMED,   /* the reading repeated: this is the answer */
} LcDetectionState;

const char *lc_detection_state_to_string (LcDetectionState state); /* "looking", … */

#define LC_DETECTION_MAX_LEDS LC_SIGNAL_MAX_LIGHTS

typedef struct
{
  guint           id;              /* stable for the life of the track; for timelines */
  double          x;               /* centre, 0..1 of the frame width */
  double          y;               /* centre, 0..1 of the frame height */
  double          radius;          /* lit radius, 0..1 of the frame width */
  LcLight         light;           /* colours (none from GRAY8), kind, count,
                                    * rate_hz, on/off/pause_ms as measured */
  LcDetectedKind  kind;
  double          confidence;      /* 0..1: at least 0.5 when confirmed and
                                    * below 0.5 when not, so the two always
                                    * agree (one rule: confidence_for() in
                                    * lc-led-detector.c) */
  gint64          stable_since_ns; /* pts from which this reading has not changed */
  gboolean        confirmed;       /* the pattern repeated identically */
  gboolean        selected;        /* the one picked with lc_led_detector_select() */
} LcDetectedLed;

/* The current answer. Plain value type: copy with '='. */
typedef struct
{
  LcDetectionState state;
  gint64           first_pts_ns;  /* first frame seen since new/reset; -1 if none */
  gint64           pts_ns;        /* latest frame; -1 if none */
  int              frame_width;
  int              frame_height;
  double           fps;           /* measured from timestamps */
  guint            frames;        /* frames accepted */
  guint            dropped;       /* frames missing according to timestamps */
  guint            serial;        /* changes whenever state or a reading changes */
  guint            n_leds;
  LcDetectedLed    leds[LC_DETECTION_MAX_LEDS]; /* strongest (or selected) first */
} LcDetection;

/* One stretch of a light's recent on/off timeline. @unknown marks a gap in
 * the video (dropped frames) where @on means nothing; @level stays 0 (not
 * measured). The same type the simulator draws from (see lc-signal.h).
 */
typedef LcLightRun LcLedRun;

/* How many seconds of timeline the detector keeps per light. */
#define LC_LED_TIMELINE_SECONDS 10

typedef struct _LcLedDetector LcLedDetector;

/* One detector is used from one thread at a time; getters copy out. */
LcLedDetector *lc_led_detector_new        (void);
void           lc_led_detector_free       (LcLedDetector       *self);
void           lc_led_detector_reset      (LcLedDetector       *self);

/* Returns FALSE (without a warning) and ignores the frame when it is
 * malformed: NULL data, bad size, stride or format, planes outside @size,
 * or a timestamp that goes backwards. A change of frame size resets the
 * detector.
 */
gboolean       lc_led_detector_push_frame (LcLedDetector       *self,
                                           const LcFrame       *frame);

void           lc_led_detector_get_detection (LcLedDetector    *self,
                                              LcDetection      *out_detection);

/* The recent timeline of the light with @led_id, oldest first, newest run
 * last (its end is the latest frame). Returns NULL and *@out_n_runs = 0 when
 * there is no such light. Free with g_free().
 */
LcLedRun      *lc_led_detector_dup_timeline  (LcLedDetector    *self,
                                              guint             led_id,
                                              guint            *out_n_runs);

/* What is known of the device in view, from the knowledge base: how many
 * status lights it has and which colours each can show. With a prior the
 * detector reports at most that many lights unless the evidence for another
 * is strong, and a colour outside a light's palette is mapped to the
 * nearest allowed one or left uncertain. Without one it stays generic.
 */
typedef struct
{
  guint n_lights;                           /* 0: unknown (generic) */
  guint palettes[LC_SIGNAL_MAX_LIGHTS];     /* per light: bits 1 << LcColor */
} LcLedPrior;

/* A steady blink may be the start of a burst as long as this, the longest
 * any light Lightcode knows shows (a test keeps the two in step), so a
 * blink is confirmed only after more blinks in a row than that. A device
 * prior does not shorten the wait: a chart that lists no burst in a colour
 * may just not know it.
 */
#define LC_LED_LONGEST_BURST 6

/* Sets (or, with NULL, clears) the device prior. Resets the reading. */
void           lc_led_detector_set_prior     (LcLedDetector    *self,
                                              const LcLedPrior *prior);

/* Makes the light nearest (@x, @y) (0..1 of the frame) the one that matters:
 * it is listed first and it alone makes the signal. If nothing was seen
 * there yet, the detector starts watching that spot. Returns FALSE if the
 * position is outside the frame or no frame has been seen.
 */
gboolean       lc_led_detector_select        (LcLedDetector    *self,
                                              double            x,
                                              double            y);
void           lc_led_detector_clear_selection (LcLedDetector  *self);

/* The signal the detection stands for: its lights (only the selected one if
 * any), or "off" when none. TOO_FAST becomes a blink without a rate; UNKNOWN,
 * NONE and a burst not yet counted are left out; a light without colour
 * (luma-only video) is called white. Returns TRUE if at least one light was
 * read.
 */
gboolean       lc_detection_to_signal        (const LcDetection *detection,
                                              LcSignal          *out_signal);
LcReading     *lc_detection_to_reading       (const LcDetection *detection,
                                              LcSignalSource     source);

/* How many seconds of video a confirmed reading needs, for advice such as
 * "film at least 10 seconds" when a clip ends before its reading is
 * confirmed: enough for the slowest light seen to repeat its pattern three
 * times, and never less than LC_DETECTION_MIN_FILM_SECONDS.
 */
#define LC_DETECTION_MIN_FILM_SECONDS 10

guint          lc_detection_get_film_seconds (const LcDetection *detection);

/* The seconds of video one light needs to be confirmed, before the floor
 * above: what lc_detection_get_film_seconds() asks for that light. Tests
 * and benchmarks film as long as this.
 */
double         lc_led_film_seconds_for_light (const LcLight     *light);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcLedDetector, lc_led_detector_free)

G_END_DECLS
