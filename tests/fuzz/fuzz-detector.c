/* fuzz-detector.c — libFuzzer harness for the LED detector's frame input
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first bytes choose a pixel format, a size, strides, plane offsets,
 * the buffer size and timestamps (sometimes wrong on purpose); the rest
 * are pixels. Each frame lives in a buffer of exactly the size the frame
 * claims, so AddressSanitizer sees any read outside it. Several frames
 * are pushed per input, then every getter runs.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lc-led-detector.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

typedef struct
{
  const uint8_t *data;
  size_t         size;
  size_t         pos;
} Reader;

static guint
take (Reader *r,
      guint   n_bytes)
{
  guint v = 0;

  for (guint i = 0; i < n_bytes; i++)
    v = (v << 8) | (r->pos < r->size ? r->data[r->pos++] : 0);

  return v;
}

static void
exercise_getters (LcLedDetector *det,
                  Reader        *r)
{
  LcDetection d;
  LcSignal signal;

  lc_led_detector_get_detection (det, &d);
  lc_detection_to_signal (&d, &signal);

  for (guint i = 0; i < d.n_leds; i++)
    {
      guint n_runs = 0;
      g_autofree LcLedRun *runs = lc_led_detector_dup_timeline (det, d.leds[i].id, &n_runs);

      if ((runs == NULL) != (n_runs == 0))
        abort ();
    }

  if (take (r, 1) & 1)
    lc_led_detector_select (det, take (r, 1) / 200.0, take (r, 1) / 200.0);
  if (take (r, 1) & 1)
    lc_led_detector_clear_selection (det);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(LcLedDetector) det = lc_led_detector_new ();
  Reader r = { data, size, 0 };
  guint n_frames = 1 + take (&r, 1) % 12;
  gint64 pts = 0;

  for (guint f = 0; f < n_frames && r.pos < r.size; f++)
    {
      LcFrame frame = { 0, };
      guint8 *buffer;
      gsize need, buffer_size;
      int bpp, row;

      frame.format = (LcPixelFormat) (take (&r, 1) % (LC_N_PIXEL_FORMATS + 1));
      frame.width = (int) (take (&r, 1) % 97) - 1;   /* -1 … 95 */
      frame.height = (int) (take (&r, 1) % 65) - 1;  /* -1 … 63 */
      bpp = lc_pixel_format_get_bpp (frame.format);
      row = frame.format == LC_PIXEL_FORMAT_YUY2 ? ((frame.width + 1) / 2) * 4
            : frame.format == LC_PIXEL_FORMAT_I420 ? frame.width : frame.width * MAX (bpp, 1);
      frame.stride = row + (int) (take (&r, 1) % 9) - 2;  /* sometimes too short */
      frame.uv_stride = (frame.width + 1) / 2 + (int) (take (&r, 1) % 5) - 1;

      need = (gsize) MAX (frame.stride, 0) * (gsize) MAX (frame.height, 0);
      if (frame.format == LC_PIXEL_FORMAT_I420)
        {
          gsize chroma = (gsize) MAX (frame.uv_stride, 0) * (gsize) ((MAX (frame.height, 0) + 1) / 2);

          frame.u_offset = need + take (&r, 1) % 3;
          frame.v_offset = frame.u_offset + chroma + take (&r, 1) % 3;
          need = frame.v_offset + chroma;
          if (take (&r, 1) % 16 == 0)
            frame.v_offset = take (&r, 2);  /* anywhere */
        }

      /* Exactly the size the frame says, a little less, or a little more. */
      {
        gssize wanted = (gssize) need + (gssize) (take (&r, 1) % 5) - 2;

        buffer_size = wanted > 0 ? (gsize) wanted : 1;
      }
      frame.size = buffer_size;

      switch (take (&r, 1) % 8)
        {
        case 0:
          pts -= 1000;                  /* backwards */
          break;
        case 1:
          pts += G_GINT64_CONSTANT (6000000000); /* a long stall */
          break;
        case 2:
          pts += 1;                     /* nearly the same time */
          break;
        default:
          pts += 33333333;
          break;
        }
      frame.pts_ns = pts;

      buffer = g_malloc (buffer_size);
      for (gsize i = 0; i < buffer_size; i++)
        buffer[i] = r.pos < r.size ? r.data[r.pos + (i % (r.size - r.pos))] : (guint8) i;
      r.pos += MIN (r.size - r.pos, buffer_size / 4);

      frame.data = take (&r, 1) == 0 ? NULL : buffer;
      lc_led_detector_push_frame (det, &frame);
      g_free (buffer);

      exercise_getters (det, &r);
    }

  /* Same size again and again: the tracker and the pattern reader run. */
  if (r.pos < r.size)
    {
      enum { FW = 48, FH = 32 };
      guint8 *buffer = g_malloc (FW * FH * 3);

      for (guint f = 0; f < 45; f++)
        {
          LcFrame frame;

          for (gsize i = 0; i < FW * FH * 3; i++)
            buffer[i] = r.data[(r.pos + i + f * 7) % r.size] ^ (guint8) (f & 1 ? 0xff : 0);
          lc_frame_init_packed (&frame, buffer, FW * FH * 3, LC_PIXEL_FORMAT_RGB24, FW, FH, FW * 3,
                                G_GINT64_CONSTANT (33333333) * (f + 1000));
          lc_led_detector_push_frame (det, &frame);
        }
      g_free (buffer);
      exercise_getters (det, &r);
    }

  return 0;
}
