/* lc-led-detector.c — finds status lights in video frames and reads their pattern
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How it works (see led-detection-notes.md, "Recommended algorithm"):
 *
 * 1. Every frame is max-pooled to about 320 px wide on max(R, G, B), so a
 *    one-pixel light keeps its full contrast. The pooled map is divided by
 *    a global gain (the median ratio to a slow reference), which removes
 *    auto-exposure steps and most mains flicker.
 * 2. Per pooled cell the detector keeps a peak-hold and a trough-hold. Local
 *    maxima of the peak-hold that are brighter than a ring around them are
 *    candidates, scored higher when they swing (blink): a blinking light
 *    stays a candidate through its dark phases.
 * 3. Candidates feed tracks (nearest neighbour with a gate). Each track is
 *    measured at full resolution in a small window: brightness of the core
 *    over the ring background, position, size, and the colour of the
 *    unclipped pixels minus the background. A light found on the frame it
 *    comes on starts its track with the dark time before it, read from the
 *    peak-hold, so a burst can be counted from its first blink.
 * 4. Each track's brightness is split in two levels (2-means) when it
 *    really goes dark; edges are timed from the timestamps, interpolated at
 *    half level, so rates do not depend on the frame rate or dropped frames.
 * 5. The runs are read with a small grammar: solid, fade, blink (rate,
 *    alternating colours), burst (N blinks, a pause), too fast for the
 *    camera. A reading is provisional after one period and confirmed after
 *    two identical ones.
 * 6. Lights are ranked: blinking and compact beats steady and large; a
 *    steady coloured light near the first one is a second light (a Sync
 *    Module shows two).
 */


#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lc-led-detector.h"
#include "lc-led-detector-private.h"

/* Public API */

static void
free_maps (LcLedDetector *self)
{
  g_clear_pointer (&self->pooled, g_free);
  g_clear_pointer (&self->hi, g_free);
  g_clear_pointer (&self->hi_before, g_free);
  g_clear_pointer (&self->chroma_u, g_free);
  g_clear_pointer (&self->chroma_v, g_free);
  g_clear_pointer (&self->chroma_row, g_free);
  g_clear_pointer (&self->chroma_band, g_free);
  g_clear_pointer (&self->lo, g_free);
  g_clear_pointer (&self->prev, g_free);
  g_clear_pointer (&self->cur, g_free);
  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->colmax, g_free);
}

static void
clear_state (LcLedDetector *self)
{
  while (self->n_tracks > 0)
    lc_led_remove_track (self, self->n_tracks - 1);

  self->maps_ready = FALSE;
  self->first_pts = -1;
  self->last_pts = -1;
  self->last_light_ns = -1;
  self->frames = 0;
  self->dropped = 0;
  self->interval_s = 1.0 / 30.0;
  self->gain = 1.0;
  self->noise = 2.0;
  memset (&self->detection, 0, sizeof self->detection);
  self->detection.first_pts_ns = -1;
  self->detection.pts_ns = -1;
  self->serial++;
  self->detection.serial = self->serial;
}

LcLedDetector *
lc_led_detector_new (void)
{
  LcLedDetector *self = g_new0 (LcLedDetector, 1);

  clear_state (self);

  return self;
}

void
lc_led_detector_free (LcLedDetector *self)
{
  if (self == NULL)
    return;

  clear_state (self);
  free_maps (self);
  g_free (self);
}

void
lc_led_detector_reset (LcLedDetector *self)
{
  g_return_if_fail (self != NULL);

  clear_state (self);
}

static void
setup_size (LcLedDetector *self,
            const LcFrame *frame)
{
  gsize n;

  free_maps (self);
  clear_state (self);

  self->width = frame->width;
  self->height = frame->height;
  self->format = frame->format;
  self->pool = lc_led_pool_factor (frame->width, frame->height);
  self->mw = (self->width + self->pool - 1) / self->pool;
  self->mh = (self->height + self->pool - 1) / self->pool;

  lc_led_candidates_setup (self);

  n = (gsize) self->mw * self->mh;
  self->pooled = g_new0 (guint8, n);
  self->hi = g_new0 (float, n);
  self->hi_before = g_new0 (float, n);
  /* Chroma rows are at most as wide as the frame (4:4:4). */
  self->chroma_u = g_new0 (guint8, frame->width);
  self->chroma_v = g_new0 (guint8, frame->width);
  self->chroma_row = g_new0 (guint8, frame->width);
  self->chroma_band = g_new0 (guint8, frame->width);
  self->lo = g_new0 (float, n);
  self->prev = g_new0 (float, n);
  self->cur = g_new0 (float, n);
  self->reference = g_new0 (float, n);
  self->colmax = g_new0 (guint8, MAX (lc_led_row_bytes (LC_PIXEL_FORMAT_RGBX, frame->width),
                                      lc_led_row_bytes (LC_PIXEL_FORMAT_YUY2, frame->width)));
}

/* Frame interval: a slow median-like follower, robust to drops. */
static void
follow_frame_interval (LcLedDetector *self,
                       double         dt)
{
  if (dt <= 0.0)
    return;

  if (self->frames <= 2)
    self->interval_s = dt;
  else if (dt > 1.6 * self->interval_s)
    {
      self->dropped += (guint) MIN (lround (dt / self->interval_s) - 1, 1000);
      self->interval_s *= 1.01;
    }
  else
    self->interval_s += CLAMP (dt - self->interval_s, -0.05 * self->interval_s, 0.05 * self->interval_s);
}

/* A full search every other frame is enough for lights already lit; in
 * between, cells that just lit up are searched, so that a light is found
 * on the frame it comes on: its start is known, and how long it was dark
 * before (see lc_led_associate()).
 */
static void
find_and_follow_candidates (LcLedDetector *self,
                            gint64         now)
{
  Candidate cands[MAX_CANDIDATES];
  double dark_for[MAX_CANDIDATES];
  guint n_cands;

  n_cands = lc_led_find_candidates (self, self->frames % 2 != 0 && self->n_tracks > 0, cands);

  for (guint c = 0; c < n_cands; c++)
    {
      gsize i = (gsize) cands[c].my * self->mw + cands[c].mx;

      /* Dark one frame ago and lit now: the lit run starts here. */
      dark_for[c] = -1.0;
      if (self->frames > 0 && self->hi[i] - self->lo[i] > 0.5 * self->hi[i] && lc_led_cell_came_on (self, i))
        dark_for[c] = lc_led_dark_before (self, i);
    }

  lc_led_associate (self, cands, n_cands, now, dark_for);
  /* Now, while the maps hold this frame as cur (see the swap in
   * lc_led_detector_push_frame()).
   */
  for (guint i = 0; i < self->n_tracks; i++)
    self->tracks[i]->lit = lc_led_track_lit_now (self, self->tracks[i]);
}

/* How far from its centre track @index may be measured: short of the
 * nearest other track (0 when there is none near). But the disc and ring
 * are split with the nearest track that is a light of its own beside it
 * (see lc_led_lit_beside()), @out_beside, instead.
 */
static double
measure_limit (LcLedDetector  *self,
               guint           index,
               const Track   **out_beside)
{
  const Track *t = self->tracks[index];
  double limit = 0.0, beside_d = G_MAXDOUBLE;

  *out_beside = NULL;
  for (guint j = 0; j < self->n_tracks; j++)
    {
      const Track *o = self->tracks[j];
      double d;

      if (j == index)
        continue;
      d = lc_led_track_distance (o, t->cx, t->cy);
      if (lc_led_lit_beside (o, t))
        {
          if (d < beside_d)
            {
              beside_d = d;
              *out_beside = o;
            }
        }
      else if (d > 2.0 * t->radius && (limit == 0.0 || 0.45 * d < limit))
        limit = 0.45 * d;
    }

  return limit;
}

/* Adds this frame's measurement to @t's history, gain normalised; returns
 * the sample's level.
 */
static double
record_sample (LcLedDetector     *self,
               Track             *t,
               const Measurement *m,
               gint64             now,
               double             dt)
{
  Sample s = { 0, };

  s.pts = now;
  /* The background is smoothed: when shake moves an edge through the
   * ring, the ring jumps but the light does not; and a blinking light's
   * own glow in the ring must not follow its runs.
   */
  if (t->len == 0 || t->bg < 0.0)
    t->bg = m->bg / self->gain;
  else
    t->bg += CLAMP (dt / (t->binary ? RING_SMOOTH_BLINK_S : RING_SMOOTH_S), 0.0, 1.0) * (m->bg / self->gain - t->bg);
  s.level = (float) (m->top / self->gain - t->bg);
  /* The ring farther out, read while the core clips, is smoothed as the
   * ring of a steady light is (see lights_its_surround()).
   */
  if (m->has_far)
    {
      double k = t->bg_far < 0.0 ? 1.0 : CLAMP (dt / RING_SMOOTH_S, 0.0, 1.0);

      t->bg_far += k * (m->bg_far / self->gain - t->bg_far);
      for (guint c = 0; c < 3; c++)
        t->glow_rgb[c] += (float) (k * (m->glow_rgb[c] / self->gain - t->glow_rgb[c]));
    }
  s.has_color = m->has_color;
  for (guint c = 0; c < 3; c++)
    {
      s.rgb[c] = m->rgb[c];
      s.disc[c] = (float) (m->disc[c] / self->gain);
    }
  s.white = (float) (m->white / self->gain);
  s.dip = (float) (m->dip / self->gain);
  s.max = (float) m->max;
  s.top = m->top >= CORE_CLIPPED ? -1.0f : (float) (m->top / self->gain);
  if (t->len > 0)
    {
      const Sample *prev = lc_led_track_sample (t, t->len - 1);

      s.gap = (guint8) MIN (255, MAX (0, lround ((now - prev->pts) / NS_PER_S / self->interval_s) - 1));
    }
  lc_led_track_push (t, &s);

  return s.level;
}

/* Lit: follow the light and learn its size, but stay near where the
 * candidates are (a track must not wander off over texture), and only
 * while it looks like a spot, not the edge of something bright. A light
 * beside another is followed only while its own cell is lit: dark, the
 * brightest thing in its disc is the other's glow.
 */
static void
follow_light (LcLedDetector     *self,
              Track             *t,
              const Measurement *m,
              double             level)
{
  double max_step, reach, largest;

  /* Dark, a blinking light's disc holds its unlit lens and whatever is
   * brightest beside it: whether it is a spot is told while it is lit.
   */
  if (m->level >= 1.5 * lc_led_contrast_floor (self) && (!t->binary || level >= t->up))
    t->compactness += 0.1 * ((m->compact ? 1.0 : 0.0) - t->compactness);
  if (!m->centred || !m->compact || m->level < 1.5 * lc_led_contrast_floor (self) ||
      (t->binary && level < t->up) || (t->lit_apart && !t->lit))
    return;

  max_step = MAX (1.0, t->radius);
  reach = MAX (2.0 * self->pool + 2.0, MIN (t->radius, t->cand_radius));
  if (!t->selected)
    {
      t->cx += CLAMP (m->cx - t->cx, -max_step, max_step) * 0.5;
      t->cy += CLAMP (m->cy - t->cy, -max_step, max_step) * 0.5;
      t->cx = CLAMP (t->cx, t->ax - reach, t->ax + reach);
      t->cy = CLAMP (t->cy, t->ay - reach, t->ay + reach);
    }
  largest = MIN (lc_led_max_radius (self), 2.0 * t->cand_radius + 1.0);
  t->radius += 0.3 * (CLAMP (m->radius, 0.7, largest) - t->radius);
  t->core_radius += 0.3 * (CLAMP (m->core_radius, 0.7, largest) - t->core_radius);
}

static void
update_track (LcLedDetector *self,
              const LcFrame *frame,
              guint          index,
              gint64         now,
              double         dt)
{
  Track *t = self->tracks[index];
  Measurement m;
  double level, limit;
  const Track *beside;

  limit = measure_limit (self, index, &beside);
  lc_led_measure_track (self, frame, t, limit, beside, &m);
  if (!m.valid)
    {
      lc_led_score_track (self, t);
      return;
    }

  level = record_sample (self, t, &m, now, dt);
  follow_light (self, t, &m, level);
  if (t->binary && level <= t->down)
    lc_led_track_remember_dark (t, &m);
  lc_led_classify_track (self, t, now);
  lc_led_score_track (self, t);
}

gboolean
lc_led_detector_push_frame (LcLedDetector *self,
                            const LcFrame *frame)
{
  double dt;
  gint64 now;

  g_return_val_if_fail (self != NULL, FALSE);

  if (frame == NULL || !lc_led_frame_is_valid (frame))
    return FALSE;

  if (frame->width != self->width || frame->height != self->height || frame->format != self->format ||
      self->pooled == NULL)
    setup_size (self, frame);

  now = frame->pts_ns;
  if (self->last_pts >= 0)
    {
      if (now <= self->last_pts)
        return FALSE;

      /* A long jump in time (seek, paused camera): start over. */
      if (now - self->last_pts > 5 * G_GINT64_CONSTANT (1000000000))
        clear_state (self);
    }

  dt = self->last_pts >= 0 ? (now - self->last_pts) / NS_PER_S : 0.0;
  if (self->first_pts < 0)
    {
      self->first_pts = now;
      self->detection.first_pts_ns = now;
    }
  follow_frame_interval (self, dt);

  lc_led_pool_frame (self, frame);
  if (self->maps_ready)
    {
      double noise = self->noise;

      self->gain = lc_led_estimate_gain (self, &noise);
      self->noise += 0.1 * (noise - self->noise);
    }
  lc_led_update_maps (self, dt);

  find_and_follow_candidates (self, now);

  {
    float *tmp = self->prev;

    self->prev = self->cur;
    self->cur = tmp;
  }

  for (guint i = 0; i < self->n_tracks; i++)
    update_track (self, frame, i, now, dt);

  self->last_pts = now;
  self->frames++;
  lc_led_build_detection (self, now);

  return TRUE;
}

void
lc_led_detector_get_detection (LcLedDetector *self,
                               LcDetection   *out_detection)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (out_detection != NULL);

  *out_detection = self->detection;
}

static Track *
find_track (LcLedDetector *self,
            guint          id)
{
  for (guint i = 0; i < self->n_tracks; i++)
    {
      if (self->tracks[i]->id == id)
        return self->tracks[i];
    }
  return NULL;
}

/* Whether sample @s of @t is lit, with hysteresis through @on, and in
 * what colour.
 */
static gboolean
sample_is_lit (LcLedDetector *self,
               const Track   *t,
               const Sample  *s,
               gboolean      *on,
               LcColor       *out_color)
{
  gboolean lit;
  LcColor color = LC_COLOR_NONE;

  if (t->binary)
    lit = *on ? s->level >= t->down : s->level > t->up;
  else
    lit = s->level >= lc_led_contrast_floor (self);
  *on = lit;

  if (lit && s->has_color)
    color = lc_led_classify_color (s->rgb, NULL);
  if (lit && color == LC_COLOR_NONE && t->light.n_colors > 0)
    color = t->light.colors[0];
  *out_color = color;

  return lit;
}

/* Extends the last of @runs with sample @s, or starts a new run; frames
 * missing before @s make an unknown stretch in between.
 */
static void
append_sample (LcLedDetector *self,
               GArray        *runs,
               const Sample  *prev,
               const Sample  *s,
               gboolean       lit,
               LcColor        color)
{
  LcLedRun *last = runs->len > 0 ? &g_array_index (runs, LcLedRun, runs->len - 1) : NULL;
  LcLedRun run = { s->pts, s->pts, lit, color, FALSE };

  if (last != NULL && prev != NULL && lc_led_is_gap (self, prev, s))
    {
      LcLedRun gap = { prev->pts + (gint64) (self->interval_s * NS_PER_S / 2), s->pts, FALSE,
                       LC_COLOR_NONE, TRUE };

      last->end_ns = gap.start_ns;
      g_array_append_val (runs, gap);
      last = &g_array_index (runs, LcLedRun, runs->len - 1);
    }

  if (last != NULL && !last->unknown && last->on == lit &&
      (!lit || last->color == color || color == LC_COLOR_NONE))
    {
      last->end_ns = s->pts;
      return;
    }

  if (last != NULL)
    last->end_ns = s->pts;
  g_array_append_val (runs, run);
}

LcLedRun *
lc_led_detector_dup_timeline (LcLedDetector *self,
                              guint          led_id,
                              guint         *out_n_runs)
{
  g_autoptr(GArray) runs = NULL;
  Track *t;
  gint64 since;
  gboolean on = FALSE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (out_n_runs != NULL, NULL);

  *out_n_runs = 0;
  t = find_track (self, led_id);
  if (t == NULL || t->len == 0)
    return NULL;

  since = self->last_pts - LC_LED_TIMELINE_SECONDS * G_GINT64_CONSTANT (1000000000);
  runs = g_array_new (FALSE, FALSE, sizeof (LcLedRun));
  for (guint i = 0; i < t->len; i++)
    {
      const Sample *s = lc_led_track_sample (t, i);
      const Sample *prev = i > 0 ? lc_led_track_sample (t, i - 1) : NULL;
      LcColor color;
      gboolean lit;

      if (s->pts < since)
        continue;
      lit = sample_is_lit (self, t, s, &on, &color);
      append_sample (self, runs, prev, s, lit, color);
    }

  *out_n_runs = runs->len;
  if (runs->len == 0)
    return NULL;

  return g_array_steal (runs, NULL);
}

gboolean
lc_led_detector_select (LcLedDetector *self,
                        double         x,
                        double         y)
{
  Track *best = NULL;
  double px, py, best_d = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->pooled == NULL || self->last_pts < 0 || !(x >= 0.0 && x <= 1.0 && y >= 0.0 && y <= 1.0))
    return FALSE;

  px = x * self->width;
  py = y * self->height;

  for (guint i = 0; i < self->n_tracks; i++)
    {
      double dist = lc_led_track_distance (self->tracks[i], px, py);

      self->tracks[i]->selected = FALSE;
      if (dist < best_d)
        {
          best = self->tracks[i];
          best_d = dist;
        }
    }

  if (best == NULL || best_d > MAX (0.03 * self->width, 3.0 * best->radius))
    {
      if (self->n_tracks == MAX_TRACKS)
        {
          guint weakest = 0;

          for (guint i = 1; i < self->n_tracks; i++)
            {
              if (self->tracks[i]->score < self->tracks[weakest]->score)
                weakest = i;
            }
          lc_led_remove_track (self, weakest);
        }
      best = lc_led_track_new (self, px, py, MAX (2.0, 0.005 * self->width), self->last_pts);
      self->tracks[self->n_tracks++] = best;
    }

  best->selected = TRUE;
  self->serial++;
  lc_led_build_detection (self, self->last_pts);

  return TRUE;
}

void
lc_led_detector_set_prior (LcLedDetector    *self,
                           const LcLedPrior *prior)
{
  g_return_if_fail (self != NULL);

  if (prior != NULL)
    self->prior = *prior;
  else
    memset (&self->prior, 0, sizeof self->prior);
  clear_state (self);
}

void
lc_led_detector_clear_selection (LcLedDetector *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->n_tracks; i++)
    self->tracks[i]->selected = FALSE;
  self->serial++;
  if (self->last_pts >= 0)
    lc_led_build_detection (self, self->last_pts);
}

void
_lc_led_detector_dump_tracks (LcLedDetector *self,
                              GString       *out)
{
  for (guint i = 0; i < self->n_tracks; i++)
    {
      const Track *t = self->tracks[i];
      g_autofree char *light = lc_light_to_string (&t->light);

      g_string_append_printf (out, "  #%u (%.3f, %.3f) r %.1f core %.1f lvl %.0f bg %.0f far %.0f glow %.0f,%.0f,%.0f lo/hi %.0f/%.0f sat %.2f "
                              "compact %.2f white %.0f dip %.0f peak %.0f spread %.2f %s%s%s%s %s conf %.2f score %.1f%s%s\n",
                              t->id, t->cx / self->width, t->cy / self->height, t->radius, t->core_radius, t->level, t->bg,
                              t->bg_far, t->glow_rgb[0], t->glow_rgb[1], t->glow_rgb[2],
                              t->m_lo, t->m_hi, t->saturation, t->compactness, t->white, t->dip, t->peak, t->spread,
                              lc_detected_kind_to_string (t->key.kind), t->binary ? " binary" : "",
                              t->active ? " active" : "", t->lit_apart ? " apart" : "", light, t->confidence, t->score,
                              t->qualified ? " QUALIFIED" : "", t->reflection ? " reflection" : "");
    }
}
