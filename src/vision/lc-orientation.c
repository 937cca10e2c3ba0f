/* lc-orientation.c — a detection seen in the picture as it is meant to be shown
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turning the frames themselves (videoflip) costs a copy of every frame;
 * only the few numbers that say where a light is need turning.
 */

#include "config.h"

#include "lc-orientation.h"

static gboolean
swaps_axes (GstVideoOrientationMethod method)
{
  switch (method)
    {
    case GST_VIDEO_ORIENTATION_90R:
    case GST_VIDEO_ORIENTATION_90L:
    case GST_VIDEO_ORIENTATION_UL_LR:
    case GST_VIDEO_ORIENTATION_UR_LL:
      return TRUE;
    case GST_VIDEO_ORIENTATION_IDENTITY:
    case GST_VIDEO_ORIENTATION_180:
    case GST_VIDEO_ORIENTATION_HORIZ:
    case GST_VIDEO_ORIENTATION_VERT:
    case GST_VIDEO_ORIENTATION_AUTO:
    case GST_VIDEO_ORIENTATION_CUSTOM:
    default:
      return FALSE;
    }
}

static void
map_point (GstVideoOrientationMethod method,
           double                   *x,
           double                   *y)
{
  double sx = *x, sy = *y;

  switch (method)
    {
    case GST_VIDEO_ORIENTATION_90R:      /* clockwise: the top edge goes right */
      *x = 1.0 - sy;
      *y = sx;
      break;
    case GST_VIDEO_ORIENTATION_90L:
      *x = sy;
      *y = 1.0 - sx;
      break;
    case GST_VIDEO_ORIENTATION_180:
      *x = 1.0 - sx;
      *y = 1.0 - sy;
      break;
    case GST_VIDEO_ORIENTATION_HORIZ:
      *x = 1.0 - sx;
      break;
    case GST_VIDEO_ORIENTATION_VERT:
      *y = 1.0 - sy;
      break;
    case GST_VIDEO_ORIENTATION_UL_LR:    /* across the top-left diagonal */
      *x = sy;
      *y = sx;
      break;
    case GST_VIDEO_ORIENTATION_UR_LL:
      *x = 1.0 - sy;
      *y = 1.0 - sx;
      break;
    case GST_VIDEO_ORIENTATION_IDENTITY:
    case GST_VIDEO_ORIENTATION_AUTO:
    case GST_VIDEO_ORIENTATION_CUSTOM:
    default:
      break;
    }
}

void
lc_detection_orient (LcDetection               *detection,
                     GstVideoOrientationMethod  method)
{
  g_return_if_fail (detection != NULL);

  for (guint i = 0; i < detection->n_leds && i < LC_DETECTION_MAX_LEDS; i++)
    {
      LcDetectedLed *led = &detection->leds[i];

      map_point (method, &led->x, &led->y);
      /* The radius is a fraction of the width, which is now the height. */
      if (swaps_axes (method) && detection->frame_width > 0 && detection->frame_height > 0)
        led->radius *= (double) detection->frame_width / detection->frame_height;
    }

  if (swaps_axes (method))
    {
      int width = detection->frame_width;

      detection->frame_width = detection->frame_height;
      detection->frame_height = width;
    }
}

void
lc_orientation_unmap (GstVideoOrientationMethod  method,
                      double                    *x,
                      double                    *y)
{
  g_return_if_fail (x != NULL && y != NULL);

  /* Every method is its own inverse but the quarter turns. */
  if (method == GST_VIDEO_ORIENTATION_90R)
    method = GST_VIDEO_ORIENTATION_90L;
  else if (method == GST_VIDEO_ORIENTATION_90L)
    method = GST_VIDEO_ORIENTATION_90R;

  map_point (method, x, y);
}

gboolean
lc_orientation_from_tags (const GstTagList          *tags,
                          GstVideoOrientationMethod *method)
{
  g_return_val_if_fail (method != NULL, FALSE);

  return tags != NULL && gst_video_orientation_from_tag ((GstTagList *) tags, method);
}
