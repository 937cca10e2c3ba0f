/* lc-latency-log.c — how late the camera preview draws frames (LIGHTCODE_DEBUG_LATENCY)
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "lc-latency-log.h"

/* The log prints its median this often (frames). */
#define LATENCY_REPORT_EVERY 300

typedef struct
{
  gint64 pts_ns;
  gint64 arrival_us;   /* handed over on the main context */
  gint64 frame_us;     /* the frame clock's time of the frame that drew it */
  gint64 painted_us;   /* when the snapshot took it */
} LatencySample;

struct _LcLatencyLog
{
  GArray *samples;     /* LatencySample */
};

LcLatencyLog *
lc_latency_log_new_from_env (void)
{
  LcLatencyLog *self;

  if (g_strcmp0 (g_getenv ("LIGHTCODE_DEBUG_LATENCY"), "1") != 0)
    return NULL;

  self = g_new0 (LcLatencyLog, 1);
  self->samples = g_array_new (FALSE, FALSE, sizeof (LatencySample));

  return self;
}

void
lc_latency_log_free (LcLatencyLog *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->samples);
  g_free (self);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
report_latency (LcLatencyLog *self,
                guint         dropped)
{
  g_autofree gint64 *total = NULL;
  g_autofree gint64 *clock = NULL;
  g_autofree gint64 *ui = NULL;
  gint64 base = G_MAXINT64;
  guint n;

  if (self->samples->len == 0)
    return;

  n = self->samples->len;
  total = g_new (gint64, n);
  clock = g_new (gint64, n);
  ui = g_new (gint64, n);

  /* A live pipeline hands a frame over at base time + pts; the earliest
   * arrival relative to its pts is the best estimate of that base time
   * (GStreamer's system clock and GLib's monotonic time are the same clock).
   */
  for (guint i = 0; i < n; i++)
    {
      const LatencySample *s = &g_array_index (self->samples, LatencySample, i);

      base = MIN (base, s->arrival_us * 1000 - s->pts_ns);
    }

  for (guint i = 0; i < n; i++)
    {
      const LatencySample *s = &g_array_index (self->samples, LatencySample, i);

      total[i] = s->painted_us * 1000 - s->pts_ns - base;
      clock[i] = s->frame_us * 1000 - s->pts_ns - base;
      ui[i] = (s->painted_us - s->arrival_us) * 1000;
    }

  qsort (total, n, sizeof (gint64), compare_gint64);
  qsort (clock, n, sizeof (gint64), compare_gint64);
  qsort (ui, n, sizeof (gint64), compare_gint64);

  g_printerr ("lightcode latency: %u frames drawn, %u dropped; timestamp → drawn: median %.1f ms, "
              "90th percentile %.1f ms; timestamp → frame clock time: median %.1f ms; "
              "hand-over → drawn: median %.1f ms\n",
              n, dropped,
              total[n / 2] / 1e6, total[(n * 9) / 10] / 1e6, clock[n / 2] / 1e6, ui[n / 2] / 1e6);
}

void
lc_latency_log_add (LcLatencyLog *self,
                    gint64        pts_ns,
                    gint64        arrival_us,
                    gint64        frame_us,
                    gint64        painted_us,
                    guint         dropped)
{
  LatencySample sample = {
    .pts_ns = pts_ns,
    .arrival_us = arrival_us,
    .frame_us = frame_us,
    .painted_us = painted_us,
  };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->samples, sample);
  if (self->samples->len % LATENCY_REPORT_EVERY == 0)
    report_latency (self, dropped);
}

void
lc_latency_log_flush (LcLatencyLog *self,
                      guint         dropped)
{
  g_return_if_fail (self != NULL);

  if (self->samples->len % LATENCY_REPORT_EVERY != 0)
    report_latency (self, dropped);
}
