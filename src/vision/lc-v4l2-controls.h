/* lc-v4l2-controls.h — steady exposure for a V4L2 webcam, and putting it back
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Auto exposure breathes when a bright LED blinks, auto white balance
 * pulls the LED's color toward gray, and mains lighting beats with the
 * frame rate (led-detection-notes.md §2–3). Where the camera is driven by
 * v4l2src (outside Flatpak), these set manual exposure of a whole number
 * of mains half-periods, a fixed white balance, the mains frequency and a
 * fixed frame rate through v4l2src's extra-controls, and restore what the
 * camera had afterwards (UVC cameras keep controls after they are closed).
 */

#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

typedef struct _LcV4l2Controls LcV4l2Controls;

/* Reads the current values of the controls this changes from
 * @device_path (/dev/videoN). NULL when the device cannot be opened or
 * has none of them.
 */
LcV4l2Controls *_lc_v4l2_controls_save              (const char     *device_path);

/* The extra-controls structure for v4l2src: only controls the camera
 * has, values clamped to its ranges. @mains_hz is 50 or 60.
 */
GstStructure   *_lc_v4l2_controls_build_steady      (LcV4l2Controls *self,
                                                     int             mains_hz);

/* Writes the saved values back (the device must be closed by v4l2src by
 * then) and frees @self. Failures (camera unplugged) are ignored.
 */
void            _lc_v4l2_controls_restore_and_free  (LcV4l2Controls *self);

/* 60 in the Americas and a few other places, else 50; from the locale. */
int             _lc_v4l2_guess_mains_hz             (void);

G_END_DECLS
