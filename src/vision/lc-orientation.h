/* lc-orientation.h — a detection seen in the picture as it is meant to be shown
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/video/video.h>

#include "lc-led-detector.h"

G_BEGIN_DECLS

/* The detector reads frames as they are stored; a phone's video says with
 * a tag how to turn them. These move positions between the two.
 */

/* Stored → shown: positions, radius and frame size of @detection. */
void     lc_detection_orient      (LcDetection               *detection,
                                   GstVideoOrientationMethod  method);

/* Shown → stored, for a point 0..1 of the shown frame. */
void     lc_orientation_unmap     (GstVideoOrientationMethod  method,
                                   double                    *x,
                                   double                    *y);

/* The method a tag list asks for, if any. */
gboolean lc_orientation_from_tags (const GstTagList          *tags,
                                   GstVideoOrientationMethod *method);

G_END_DECLS
