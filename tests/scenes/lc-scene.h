/* lc-scene.h — an independent renderer of status lights as a phone films them
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A second scene generator, written apart from tests/synth so that the
 * detector is not only measured on the renderer it was developed with. It
 * works in linear light and then plays a phone camera: a device housing
 * (black, grey, white or glossy) on a textured wall with coloured objects,
 * LEDs bare or behind a frosted window, whose cores clip to white and
 * whose glow spills onto the housing; moving specular glare; hand-held
 * drift; a tinted room light that auto white balance only partly corrects;
 * auto exposure; noise; 4:2:0 chroma and 8×8 DCT compression. Frames come
 * out as I420. Everything is deterministic from the seed.
 */

#pragma once

#include <glib.h>

#include "lc-signal.h"

G_BEGIN_DECLS

typedef enum
{
  LC_HOUSING_BLACK = 0,
  LC_HOUSING_DARK_GREY,
  LC_HOUSING_LIGHT_GREY,
  LC_HOUSING_WHITE,
  LC_HOUSING_GLOSSY_BLACK,   /* black with a specular streak across it */
  LC_N_HOUSINGS
} LcHousing;

const char *lc_housing_to_string (LcHousing housing);

#define LC_SCENE_MAX_LEDS 2
#define LC_SCENE_MAX_OBJECTS 6

typedef struct
{
  int       width;
  int       height;
  double    fps;
  guint32   seed;

  /* Light i of @signal drives LED i. With @steady_alternation a light
   * with two colours changes colour every 1 / rate_hz seconds and never
   * goes dark (a colour-changing LED at one brightness).
   */
  LcSignal  signal;
  gboolean  steady_alternation;

  LcHousing housing;
  gboolean  frosted;          /* the LEDs shine through a frosted window */
  double    led_diameter_px;  /* the emitter (or the window when frosted) */
  double    led_intensity;    /* 1 = the core just reaches white */
  double    led_spacing_px;   /* between a second LED and the first */

  double    ambient;          /* room light on the wall, linear 0..1 */
  double    tint[3];          /* colour of the room light */
  double    awb;              /* 0..1: how much auto white balance corrects the tint */
  double    ae_ev;            /* auto exposure swings by up to this many EV */

  guint     n_objects;        /* coloured flat objects (boxes, labels) */
  gboolean  glare;            /* a specular glint that moves with the camera */
  double    drift_px;         /* hand-held drift, peak */
  double    noise;            /* sensor noise, 0..255 units at mid grey */
  int       quality;          /* JPEG-style quality 10..95; 0 = uncompressed */
  double    jitter_ms;        /* ± error of the timestamps */
} LcSceneParams;

/* Ground truth of the light positions, in pixels of the frame, before drift. */
typedef struct
{
  double x;
  double y;
} LcScenePoint;

typedef struct _LcScene LcScene;

LcScene  *lc_scene_new          (const LcSceneParams *params);
void      lc_scene_free         (LcScene             *scene);

/* I420 frame size for these params, in bytes. */
gsize     lc_scene_get_frame_size (LcScene *scene);

/* Renders frame @index into @i420 (lc_scene_get_frame_size() bytes: Y of
 * width × height, then U and V at half width and height) and returns its
 * timestamp in nanoseconds.
 */
gint64    lc_scene_render       (LcScene             *scene,
                                 guint                index,
                                 guint8              *i420);

LcScenePoint lc_scene_get_led_position (LcScene *scene,
                                        guint    led);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LcScene, lc_scene_free)

G_END_DECLS
