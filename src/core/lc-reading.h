/* lc-reading.h — what was read of a light, how, and how surely: the one reading the app passes on
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lc-core-enums.h"
#include "lc-signal.h"

G_BEGIN_DECLS

/* How the signal was identified. */
typedef enum
{
  LC_SIGNAL_SOURCE_EYE = 0, /* the person matched it in the simulator or typed it */
  LC_SIGNAL_SOURCE_CAMERA,  /* the webcam watched the light */
  LC_SIGNAL_SOURCE_VIDEO,   /* read from a video file */
} LcSignalSource;

/* "eye", "camera", "video" (stable, used in JSON) */
const char *lc_signal_source_to_string    (LcSignalSource source);

/* How far a light's reading has got. */
typedef enum
{
  LC_READING_LOOKING = 0,   /* a light, but no reading yet */
  LC_READING_PROVISIONAL,   /* read once; the pattern has not repeated */
  LC_READING_CONFIRMED,     /* the pattern repeated: this is the answer */
} LcReadingState;


/* The one confidence rule (DESIGN: "confirmed" and "confidence" mean the
 * same thing everywhere): a confirmed reading is at least this sure, one
 * that is not stays below it. A reading is as sure as its least sure
 * light; a person's own reading is certain.
 */
#define LC_READING_CONFIRMED_CONFIDENCE 0.5

#define LC_TYPE_READING (lc_reading_get_type ())

G_DECLARE_FINAL_TYPE (LcReading, lc_reading, LC, READING, GObject)

/* A reading is built once by what produced it (the detector, the match
 * page) and then only read: hand it on with g_object_ref().
 */
LcReading      *lc_reading_new                   (LcSignalSource  source,
                                                  LcReadingState  state);
LcReading      *lc_reading_new_by_eye            (const LcSignal *signal);
LcReading      *lc_reading_new_for_signal        (const LcSignal *signal,
                                                  LcSignalSource  source,
                                                  double          confidence);
void            lc_reading_add_light             (LcReading      *self,
                                                  const LcLight  *light,
                                                  LcReadingState  state,
                                                  double          confidence,
                                                  double          stable_s);

LcSignalSource  lc_reading_get_source            (LcReading      *self);
LcReadingState  lc_reading_get_state             (LcReading      *self);
gboolean        lc_reading_is_confirmed          (LcReading      *self);
double          lc_reading_get_confidence        (LcReading      *self);
double          lc_reading_get_stable_seconds    (LcReading      *self);
void            lc_reading_get_signal            (LcReading      *self,
                                                  LcSignal       *out_signal);

guint           lc_reading_get_n_lights          (LcReading      *self);
LcReadingState  lc_reading_get_light_state       (LcReading      *self,
                                                  guint           index);
double          lc_reading_get_light_confidence  (LcReading      *self,
                                                  guint           index);

G_END_DECLS
