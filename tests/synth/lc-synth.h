/* lc-synth.h — renders a device with status lights, with exact ground truth
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by the tests, the benchmarks and the sample clip. A scene is a
 * camera body (dark grey, with a lens) in front of a textured wall, one or
 * more LEDs driven by an LcSignal, and the faults of a real webcam: sensor
 * noise, blur, auto-exposure steps, white-balance drift, mains flicker,
 * shake, a steady lamp or screen elsewhere, dropped frames and uneven
 * timestamps. Everything is deterministic from the seed: rendering frame i
 * gives the same pixels whatever order frames are asked in.
 */

#pragma once

#include <glib.h>

#include "lc-signal.h"

G_BEGIN_DECLS

#define LC_SYNTH_MAX_LEDS 4

typedef struct
{
  double   x;            /* centre, 0..1 of the frame width */
  double   y;            /* centre, 0..1 of the frame height */
  double   diameter_px;  /* lit diameter in pixels of the rendered frame */
  double   brightness;   /* peak of the core; 1 = just below clipping, 3 = clipped core */
  guint    light_index;  /* which light of the signal drives this LED */
} LcSynthLed;

typedef struct
{
  int        width;
  int        height;
  double     fps;               /* nominal frame rate */
  guint32    seed;

  LcSignal   signal;
  double     phase_s;           /* signal time at the first frame */
  double     exposure_ms;       /* the LED is integrated over this; 0 = instant */

  guint      n_leds;
  LcSynthLed leds[LC_SYNTH_MAX_LEDS];

  /* Scene */
  double     ambient;           /* wall brightness 0..1 (0.35 = dim room) */
  gboolean   draw_device;       /* camera body and lens around the first LED */

  /* Perturbations, all off when zero */
  double     noise_sigma;       /* sensor noise, in 0..255 units */
  double     blur_sigma;        /* optics / focus blur, px */
  double     ae_step_ev;        /* auto exposure: gain jumps by ±this many EV … */
  double     ae_period_s;       /* … every this many seconds */
  double     wb_drift;          /* white balance: channel gains wander by ±this */
  double     flicker_amplitude; /* mains flicker of the ambient light, 0..1 (0.2 = ±20 %) */
  double     flicker_hz;        /* as seen by the camera, e.g. 10 (100 Hz at 30 fps) */
  double     shake_px;          /* camera shake, peak px */
  gboolean   lamp;              /* a steady coloured lamp elsewhere (a disc; it
                                 * flickers with the room light) */
  double     lamp_x;
  double     lamp_y;
  double     lamp_diameter_px;
  LcColor    lamp_color;
  double     lamp_brightness;   /* 1 = as bright as an unclipped LED */
  double     drop_probability;  /* frames lost by the camera */
  double     jitter_ms;         /* ± uniform error of the timestamps */
  double     fps_wander;        /* variable frame rate: fps swings by ±this fraction */
} LcSynthParams;

/* Fills @params with a quiet scene: one LED of 8 px at the middle of a
 * @width × @height frame at 30 fps, 10 ms exposure, driven by light 0 of
 * @signal (may be NULL: off), no perturbation.
 */
void lc_synth_params_init (LcSynthParams  *params,
                           int             width,
                           int             height,
                           const LcSignal *signal);

/* Ground truth of one frame. */
typedef struct
{
  gint64   pts_ns;        /* reported timestamp (with jitter) */
  gint64   capture_ns;    /* true start of the exposure */
  gboolean dropped;
  double   gain;          /* exposure gain (AE) applied to the whole frame */
  double   led_level[LC_SYNTH_MAX_LEDS];   /* 0..1 mean over the exposure */
  LcColor  led_color[LC_SYNTH_MAX_LEDS];   /* dominant colour during the exposure */
  double   led_x_px[LC_SYNTH_MAX_LEDS];    /* centre after shake */
  double   led_y_px[LC_SYNTH_MAX_LEDS];
} LcSynthFrameInfo;

typedef struct _LcSynthScene LcSynthScene;

LcSynthScene *lc_synth_scene_new    (const LcSynthParams *params);
void          lc_synth_scene_free   (LcSynthScene        *scene);

const LcSynthParams *lc_synth_scene_get_params (LcSynthScene *scene);

/* Renders frame @frame_index as RGB24 into @rgb (@stride >= 3 × width) and
 * sets *@out_pts_ns. Returns FALSE, leaving @rgb untouched, when the camera
 * dropped that frame (*@out_pts_ns is still set to when it would have been).
 */
gboolean      lc_synth_scene_render (LcSynthScene        *scene,
                                     guint                frame_index,
                                     guint8              *rgb,
                                     int                  stride,
                                     gint64              *out_pts_ns);

void          lc_synth_scene_get_frame_info (LcSynthScene     *scene,
                                             guint             frame_index,
                                             LcSynthFrameInfo *out_info);

/* Number of frames covering @seconds at the nominal rate. */
guint         lc_synth_scene_frames_for (LcSynthScene *scene,
                                         double        seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcSynthScene, lc_synth_scene_free)

G_END_DECLS
