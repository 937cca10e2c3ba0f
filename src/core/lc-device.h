/* lc-device.h — one Blink product and what is known about its light
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lc-cause-ref.h"
#include "lc-family.h"
#include "lc-known-signal.h"
#include "lc-signal.h"

G_BEGIN_DECLS

/* One physical status light, placed on the device drawing. */
typedef struct
{
  const char *id;                  /* "status", "left", … */
  const char *name;                /* translated: "Status light" */
  LcColor     colors[LC_N_COLORS]; /* colors it can show */
  guint       n_colors;
  double      x;                   /* 0..1 of the drawing's width */
  double      y;                   /* 0..1 of the drawing's height */
} LcDeviceLight;

gboolean lc_device_light_can_show (const LcDeviceLight *light,
                                   LcColor              color);

#define LC_TYPE_DEVICE (lc_device_get_type ())

G_DECLARE_FINAL_TYPE (LcDevice, lc_device, LC, DEVICE, GObject)

const char          *lc_device_get_id                (LcDevice *self);
const char          *lc_device_get_name              (LcDevice *self); /* "Blink Mini", translated */
LcFamily            *lc_device_get_family            (LcDevice *self);
const char          *lc_device_get_family_id         (LcDevice *self);
const char          *lc_device_get_family_name       (LcDevice *self); /* translated */
const char          *lc_device_get_drawing           (LcDevice *self); /* illustration name */
gboolean             lc_device_needs_sync_module     (LcDevice *self);
gboolean             lc_device_has_official_chart    (LcDevice *self);
/* TRUE when no source documents which lights and colours the model has,
 * so the lights Lightcode draws are its own assumption. */
gboolean             lc_device_lights_are_assumed    (LcDevice *self);
/* What is known about this model's light, and from where (translated). */
const char          *lc_device_get_note              (LcDevice *self);

const LcDeviceLight *lc_device_get_lights            (LcDevice *self,
                                                      guint    *n_lights);
/* Assigns each light of @signal to a distinct light of the device that can
 * show its colors. @out_light_indexes (LC_SIGNAL_MAX_LIGHTS entries, may be
 * NULL) receives the device light index for each signal light. FALSE when
 * the device cannot show @signal.
 */
gboolean             lc_device_map_signal            (LcDevice       *self,
                                                      const LcSignal *signal,
                                                      guint          *out_light_indexes);

/* GListModel of LcKnownSignal: the model's own chart first, then the
 * family's general advice it does not override.
 */
GListModel          *lc_device_get_known_signals     (LcDevice       *self);
/* Exact match (lc_signal_equal), or NULL. */
LcKnownSignal       *lc_device_lookup_known_signal   (LcDevice       *self,
                                                      const LcSignal *signal);
/* The light this model shows when it looks fine, for "the light looks fine,
 * but the app says offline"; the dark light when no normal one is known. */
void                 lc_device_get_normal_signal     (LcDevice       *self,
                                                      LcSignal       *out);

/* General advice when a signal is not known: the device's own list, or its
 * family's.
 */
guint                lc_device_get_n_fallback_causes (LcDevice       *self);
const LcCauseRef    *lc_device_get_fallback_cause    (LcDevice       *self,
                                                      guint           index);

G_END_DECLS
