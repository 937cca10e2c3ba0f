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

const char *
lc_detected_kind_to_string (LcDetectedKind kind)
{
  switch (kind)
    {
    case LC_DETECTED_NONE:
      return "none";
    case LC_DETECTED_SOLID:
      return "solid";
    case LC_DETECTED_BLINK:
      return "blink";
    case LC_DETECTED_BURST:
      return "burst";
    case LC_DETECTED_FADE:
      return "fade";
    case LC_DETECTED_TOO_FAST:
      return "too-fast";
    case LC_DETECTED_UNKNOWN:
    default:
      return "unknown";
    }
}

const char *
lc_detection_state_to_string (LcDetectionState state)
{
  switch (state)
    {
    case LC_DETECTION_LOOKING:
      return "looking";
    case LC_DETECTION_NO_LIGHT:
      return "no-light";
    case LC_DETECTION_PROVISIONAL:
      return "provisional";
    case LC_DETECTION_CONFIRMED:
      return "confirmed";
    default:
      return "looking";
    }
}

/* Ranking */

static gboolean
kind_changes (LcDetectedKind kind)
{
  return kind == LC_DETECTED_BLINK || kind == LC_DETECTED_BURST ||
         kind == LC_DETECTED_FADE || kind == LC_DETECTED_TOO_FAST;
}

static void
score_track (LcLedDetector *self,
             Track         *t)
{
  double compact = 1.0 / (1.0 + pow (t->radius / MAX (4.0, 0.012 * self->width), 2.0));
  double snr = MIN (t->level / MAX (self->noise, 1.0), 40.0);
  LcDetectedKind kind = t->key.kind;
  gboolean white = t->key.n_colors == 0 || t->key.colors[0] == LC_COLOR_WHITE;

  t->qualified = FALSE;
  t->score = 0.0;

  if (t->compactness < 0.5)
    return;

  if (kind == LC_DETECTED_NONE || (t->key.n_colors == 0 && self->format != LC_PIXEL_FORMAT_GRAY8))
    return;

  /* Flicker without a colour is more often a shaking edge or a reflection
   * than a status light (and a slow shake looks like breathing).
   */
  if (kind_changes (kind))
    {
      t->qualified = t->radius <= lc_led_max_radius (self) && t->level >= 1.5 * lc_led_contrast_floor (self) &&
                     (!white || t->level >= 60.0);
      /* A slow swell is also what the edge of a coloured object does as
       * the phone sways, and what glare does as its angle changes: a fade
       * must swing far compared with its surroundings, and not be white.
       */
      if (kind == LC_DETECTED_FADE)
        t->qualified &= !white && t->m_hi - t->m_lo >= FADE_MIN_SWING * t->bg;
      t->score = 4.0 * snr * compact * (white ? 0.5 : 1.0);
    }
  else if (kind == LC_DETECTED_SOLID)
    {
      /* A steady patch with a weak tint (a wall under a warm lamp, white
       * balance adrift) is not a coloured light; status lights are vivid.
       * A steady white spot is glare on metal or a lamp far more often
       * than a status light (no Blink light is steady white), so it takes
       * the user pointing at it.
       */
      white |= t->saturation < 0.45;
      double small = CLAMP ((2.0 * SMALL_LIGHT_RADIUS - t->radius) / SMALL_LIGHT_RADIUS, 0.0, 1.0);

      t->qualified = t->peak >= SOLID_MIN_PEAK - small * (SOLID_MIN_PEAK - SOLID_MIN_PEAK_SMALL) &&
                     t->radius <= MAX (5.0, 0.025 * self->width) &&
                     t->level >= SOLID_MIN_CONTRAST * t->bg &&
                     t->level >= MAX (t->saturation >= 0.5 ? 20.0 : 30.0, 1.5 * lc_led_contrast_floor (self)) &&
                     !white;
      t->score = snr * compact * (white ? 0.5 : MIN (1.0, 0.3 + t->saturation));
    }
  else if (kind == LC_DETECTED_UNKNOWN)
    {
      t->qualified = t->radius <= lc_led_max_radius (self) && t->level >= 40.0 && !white;
      t->score = 0.5 * snr * compact;
    }

  t->score *= 0.5 + 0.5 * t->confidence;
}

/* A copy of another light's pattern nearby (a reflection) is not a light. */
static gboolean
is_echo (const Track *a,
         const Track *b)
{
  guint lit = 0, both = 0, j = 0;

  if (lc_led_reading_key_equal (&a->key, &b->key) && a->key.kind != LC_DETECTED_SOLID &&
      fabs (a->light.rate_hz - b->light.rate_hz) <= 0.05 * MAX (a->light.rate_hz, 0.1))
    return TRUE;

  /* Halo or reflection: same colour, lit only while @b is. */
  if (!a->binary || !b->binary || a->key.n_colors == 0 || b->key.n_colors == 0 ||
      a->key.colors[0] != b->key.colors[0])
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const Sample *s = &a->samples[i];

      if (s->level < a->up)
        continue;
      while (j < b->len && b->samples[j].pts < s->pts)
        j++;
      if (j == b->len)
        break;
      if (b->samples[j].pts != s->pts)
        continue;
      lit++;
      both += b->samples[j].level >= b->up;
    }

  return lit >= 5 && both >= 0.9 * lit;
}

/* How colourful the lit samples of the last second are. */
static double
recent_saturation (const Track *t)
{
  float total[3] = { 0, 0, 0 };
  double hue, sat, val;

  for (guint i = t->len; i-- > 0;)
    {
      const Sample *s = lc_led_track_sample (t, i);

      if (s->pts < t->samples[t->len - 1].pts - (gint64) NS_PER_S)
        break;
      if (s->has_color && s->level >= 0.6 * t->m_hi)
        {
          for (guint c = 0; c < 3; c++)
            total[c] += s->rgb[c];
        }
    }
  lc_led_rgb_to_hsv (total, &hue, &sat, &val);

  return val > 0.0 ? sat : 0.0;
}

/* How far apart, as a fraction of the frame's longer side, two lights of
 * one device can be. People are told to fill the frame with the device, and
 * a Sync Module's two lights sit a fifth of its width apart, so 0.2 was
 * right on the edge. */
#define SAME_DEVICE_DISTANCE 0.35

/* A second light of the same device that has started to change but has no
 * reading yet (a Sync Module's green light blinking beside its steady blue
 * one). Until it has one, or gives up changing, the answer is provisional:
 * confirming the first light alone would announce half the signal.
 */
static gboolean
has_pending_light (LcLedDetector  *self,
                   Track         **reported,
                   guint           n_reported,
                   gint64          now)
{
  if (n_reported == 0)
    return FALSE;

  for (guint i = 0; i < self->n_tracks; i++)
    {
      Track *t = self->tracks[i];
      gboolean known = FALSE;

      if (t->qualified || !t->active || !t->binary || t->compactness < 0.5 ||
          t->radius > lc_led_max_radius (self) || t->m_hi < 2.0 * lc_led_contrast_floor (self) ||
          now - t->active_since >= NO_LIGHT_AFTER_NS)
        continue;
      if (t->key.kind != LC_DETECTED_NONE && t->key.kind != LC_DETECTED_UNKNOWN)
        continue;
      if (lc_led_track_distance (t, reported[0]->cx, reported[0]->cy) > SAME_DEVICE_DISTANCE * MAX (self->width, self->height))
        continue;
      /* Status lights are vivid; an edge that shake drags across a cell
       * flickers too, but in the grey of what it is the edge of.
       */
      if (self->format != LC_PIXEL_FORMAT_GRAY8 && recent_saturation (t) < 0.25)
        continue;

      for (guint j = 0; j < n_reported && !known; j++)
        known = reported[j] == t || is_echo (t, reported[j]) ||
                lc_led_track_distance (t, reported[j]->cx, reported[j]->cy) < 1.5 * (t->radius + reported[j]->radius);
      if (!known)
        return TRUE;
    }

  return FALSE;
}

/* The glow of a bright LED lights up what is around it: solder, screws,
 * the edge of a housing. Those spots are steady, in the LED's colour, and
 * give far less light than the LED itself; one LED's glow can also break
 * into fragments. Such a steady spot is not a light of its own.
 */
static void
mark_reflections (LcLedDetector *self)
{
  double reach = GLOW_DISTANCE * MAX (self->width, self->height);

  for (guint i = 0; i < self->n_tracks; i++)
    {
      Track *t = self->tracks[i];

      t->reflection = FALSE;
      if (t->key.kind != LC_DETECTED_SOLID || t->selected)
        continue;

      for (guint j = 0; j < self->n_tracks && !t->reflection; j++)
        {
          const Track *o = self->tracks[j];

          /* The source is bright enough to light things up, gives more
           * light overall, and is at least as bright at its brightest: a
           * grey highlight tinted by a light is not that light's source.
           */
          gboolean white_core;

          if (o == t || o->peak < SOLID_MIN_PEAK ||
              o->white < REFLECTION_RATIO * t->white || o->peak + 5.0 < t->peak ||
              lc_led_track_distance (o, t->cx, t->cy) > MAX (reach, 8.0 * o->radius))
            continue;

          /* A core clipped to white that gives far more light lights up its
           * surroundings in the colour of its glow, which it may not show
           * itself (nor have a reading yet).
           */
          white_core = o->white >= WHITE_CORE_LEVEL && o->white >= WHITE_CORE_RATIO * t->white;
          if (white_core)
            {
              t->reflection = TRUE;
              if (o->key.kind == LC_DETECTED_SOLID && o->key.n_colors == 1 &&
                  o->key.colors[0] == LC_COLOR_WHITE && t->key.n_colors > 0)
                self->tracks[j]->halo_color = t->key.colors[0];
              continue;
            }
          if (o->key.n_colors == 0)
            continue;
          /* In the other light's colour; a core clipped to white lights
           * things in the colour of its glow, and its glow breaks into
           * fragments on either side: the fragments give it its colour.
           */
          for (guint c = 0; c < o->key.n_colors; c++)
            t->reflection |= t->key.n_colors > 0 && o->key.colors[c] == t->key.colors[0];
          if (!t->reflection && o->key.colors[0] == LC_COLOR_WHITE && o->key.n_colors == 1 &&
              t->key.n_colors > 0 && o->key.kind == LC_DETECTED_SOLID)
            {
              self->tracks[j]->halo_color = t->key.colors[0];
              t->reflection = TRUE;
            }
        }
      if (t->reflection)
        t->qualified = FALSE;
    }
}

/* One confidence rule for every reading. The detector's evidence (contrast
 * over noise, a clear colour, how well the pattern fits) gives a figure in
 * 0..1; whether the pattern has repeated decides which half it falls in:
 * a confirmed reading is at least 50 % sure and an unconfirmed one below,
 * so "confirmed" and "confidence" never disagree, and a reading seen once
 * never outranks one that repeated.
 */
static double
confidence_for (double   evidence,
                gboolean confirmed)
{
  evidence = CLAMP (evidence, 0.0, 1.0);

  return confirmed ? 0.5 + 0.5 * evidence : 0.49 * evidence;
}

/* The device prior */

static guint
prior_palette (const LcLedDetector *self)
{
  guint palette = 0;

  for (guint i = 0; i < MIN (self->prior.n_lights, (guint) LC_SIGNAL_MAX_LIGHTS); i++)
    palette |= self->prior.palettes[i];

  return palette;
}

/* Fits a reported light to the device: its colours mapped into the
 * palette. A colour that cannot be mapped leaves the light unconfirmed,
 * with half the confidence: it is shown, but not taken as the answer.
 */
static void
apply_prior (const LcLedDetector *self,
             LcDetectedLed       *led)
{
  guint palette = prior_palette (self);
  gboolean fits = TRUE;

  if (palette == 0)
    return;

  for (guint c = 0; c < led->light.n_colors; c++)
    {
      LcColor mapped = lc_led_map_to_palette (led->light.colors[c], palette);

      if (mapped == LC_COLOR_NONE)
        fits = FALSE;
      else
        led->light.colors[c] = mapped;
    }
  /* Two colours that map to one are one colour. */
  if (led->light.n_colors == 2 && led->light.colors[0] == led->light.colors[1])
    led->light.n_colors = 1;

  if (!fits)
    {
      led->confirmed = FALSE;
      led->confidence *= 0.5;
    }
}

/* How much the prior favours a track: one whose colour the device cannot
 * show is a poor candidate for its status light.
 */
static double
prior_weight (const LcLedDetector *self,
              const Track         *t)
{
  guint palette = prior_palette (self);

  if (palette == 0 || t->key.n_colors == 0)
    return 1.0;
  for (guint c = 0; c < t->key.n_colors; c++)
    {
      if (lc_led_map_to_palette (t->key.colors[c], palette) == LC_COLOR_NONE)
        return 0.3;
    }
  return 1.0;
}

/* A steady light beside a light that changes, on the same device, and as
 * bright as it: a power light next to a status light. On a light housing
 * such a light does not stand out from the surface enough to qualify on
 * its own, but next to a light of equal strength it is no label or
 * reflection (those are far fainter than an LED, or copy its pattern).
 */
static gboolean
is_companion (LcLedDetector *self,
              const Track   *t,
              const Track   *primary)
{
  return t->key.kind == LC_DETECTED_SOLID && kind_changes (primary->key.kind) && !t->reflection &&
         t->key.n_colors > 0 && t->key.colors[0] != LC_COLOR_WHITE && t->saturation >= 0.5 &&
         t->compactness >= 0.5 && t->radius <= lc_led_max_radius (self) &&
         t->level >= COMPANION_LEVEL_RATIO * primary->level &&
         t->peak >= COMPANION_PEAK_RATIO * primary->peak &&
         t->level >= 1.5 * lc_led_contrast_floor (self);
}

static void
build_detection (LcLedDetector *self,
                 gint64         now)
{
  LcDetection *d = &self->detection;
  Track *order[MAX_TRACKS];
  guint n = 0;
  Track *primary = NULL;
  LcDetectionState state;
  gboolean any_active = FALSE;

  d->pts_ns = now;
  d->frame_width = self->width;
  d->frame_height = self->height;
  d->fps = self->interval_s > 0.0 ? 1.0 / self->interval_s : 0.0;
  d->frames = self->frames;
  d->dropped = self->dropped;

  mark_reflections (self);

  for (guint i = 0; i < self->n_tracks; i++)
    {
      Track *t = self->tracks[i];

      /* Changes that could still become a reading: a pattern, or changes
       * that began too recently to have one (a shaking edge never does).
       */
      any_active |= t->active && t->binary && t->radius <= lc_led_max_radius (self) && t->compactness >= 0.5 &&
                    t->m_hi >= 2.0 * lc_led_contrast_floor (self) &&
                    ((kind_changes (t->key.kind) && t->key.n_colors > 0 && t->key.colors[0] != LC_COLOR_WHITE) ||
                     now - t->active_since < NO_LIGHT_AFTER_NS);
      if (t->selected)
        primary = t;
    }

  if (primary == NULL)
    {
      for (guint i = 0; i < self->n_tracks; i++)
        {
          Track *t = self->tracks[i];

          if (t->qualified &&
              (primary == NULL || t->score * prior_weight (self, t) > primary->score * prior_weight (self, primary)))
            primary = t;
        }
    }

  if (primary != NULL)
    {
      order[n++] = primary;

      /* Other lights of the same device: close by, sorted by score. */
      for (guint i = 0; i < self->n_tracks; i++)
        {
          Track *t = self->tracks[i];
          gboolean echo = FALSE;
          guint pos;

          if (t == primary || (!t->qualified && !is_companion (self, t, primary)))
            continue;
          /* Status lights are coloured; a white spot next to one is a
           * reflection or a highlight.
           */
          if ((t->key.n_colors == 0 || t->key.colors[0] == LC_COLOR_WHITE) &&
              primary->key.n_colors > 0 && primary->key.colors[0] != LC_COLOR_WHITE)
            continue;
          if (lc_led_track_distance (t, primary->cx, primary->cy) > SAME_DEVICE_DISTANCE * MAX (self->width, self->height))
            continue;
          for (guint j = 0; j < n; j++)
            echo |= is_echo (t, order[j]) ||
                    lc_led_track_distance (t, order[j]->cx, order[j]->cy) < 1.5 * (t->radius + order[j]->radius);
          if (echo)
            continue;
          /* A steady lamp is no match for a light that blinks. */
          if (!primary->selected && t->score < 0.05 * primary->score)
            continue;

          pos = n;
          while (pos > 1 && order[pos - 1]->score < t->score)
            {
              order[pos] = order[pos - 1];
              pos--;
            }
          order[pos] = t;
          n++;
        }
    }

  /* A device with one status light shows one: a second "light" beside
   * it is a reflection or a lamp, however it looks.
   */
  if (self->prior.n_lights > 0)
    n = MIN (n, self->prior.n_lights);

  d->n_leds = MIN (n, (guint) LC_DETECTION_MAX_LEDS);
  for (guint i = 0; i < d->n_leds; i++)
    {
      Track *t = order[i];
      LcDetectedLed *led = &d->leds[i];

      memset (led, 0, sizeof *led);
      led->id = t->id;
      led->x = t->cx / self->width;
      led->y = t->cy / self->height;
      led->radius = t->radius / self->width;
      led->light = t->light;
      led->kind = t->key.kind;
      led->confidence = t->confidence;
      led->stable_since_ns = t->stable_since;
      led->confirmed = t->confirmed;
      led->selected = t->selected;
      apply_prior (self, led);
      led->confidence = confidence_for (led->confidence, led->confirmed);
    }

  if (d->n_leds > 0)
    {
      gboolean all = TRUE;

      for (guint i = 0; i < d->n_leds; i++)
        all &= d->leds[i].confirmed;
      /* A light still getting its reading holds up the answer, unless
       * the device has just the one light that is read already.
       */
      state = all && (self->prior.n_lights == 1 || !has_pending_light (self, order, n, now)) ? LC_DETECTION_CONFIRMED
                                                              : LC_DETECTION_PROVISIONAL;
      self->last_light_ns = now;
    }
  else if ((!any_active || d->state == LC_DETECTION_NO_LIGHT) &&
           now - MAX (self->first_pts, self->last_light_ns) >= NO_LIGHT_AFTER_NS)
    /* Once it says "no light", only a light changes that. */
    state = LC_DETECTION_NO_LIGHT;
  else
    state = LC_DETECTION_LOOKING;

  if (state != d->state)
    self->serial++;
  d->state = state;
  d->serial = self->serial;
}

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
  self->pool = lc_led_pool_factor (frame->width);
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

gboolean
lc_led_detector_push_frame (LcLedDetector *self,
                            const LcFrame *frame)
{
  Candidate cands[MAX_CANDIDATES];
  double dark_for[MAX_CANDIDATES];
  guint n_cands;
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

  /* Frame interval: a slow lc_led_median-like follower, robust to drops. */
  if (dt > 0.0)
    {
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

  lc_led_pool_frame (self, frame);

  if (self->maps_ready)
    {
      double noise = self->noise;

      self->gain = lc_led_estimate_gain (self, &noise);
      self->noise += 0.1 * (noise - self->noise);
    }

  lc_led_update_maps (self, dt);

  /* A full search every other frame is enough for lights already lit;
   * in between, cells that just lit up are searched, so that a light is
   * found on the frame it comes on: its start is known, and how long it
   * was dark before (see lc_led_associate()).
   */
  n_cands = lc_led_find_candidates (self, self->frames % 2 != 0 && self->n_tracks > 0, cands);

  for (guint c = 0; c < n_cands; c++)
    {
      gsize i = (gsize) cands[c].my * self->mw + cands[c].mx;
      double swing = self->hi[i] - self->lo[i];

      /* Dark one frame ago and lit now: the lit run starts here. */
      dark_for[c] = -1.0;
      if (self->frames > 0 && swing > 0.5 * self->hi[i] &&
          self->prev[i] <= self->lo[i] + 0.3 * swing && self->cur[i] >= self->lo[i] + 0.7 * swing)
        dark_for[c] = lc_led_dark_before (self, i);
    }

  lc_led_associate (self, cands, n_cands, now, dark_for);

  {
    float *tmp = self->prev;

    self->prev = self->cur;
    self->cur = tmp;
  }

  for (guint i = 0; i < self->n_tracks; i++)
    {
      Track *t = self->tracks[i];
      Measurement m;
      Sample s = { 0, };
      double limit = 0.0;

      for (guint j = 0; j < self->n_tracks; j++)
        {
          if (j != i)
            {
              double d = lc_led_track_distance (self->tracks[j], t->cx, t->cy);

              if (d > 2.0 * t->radius && (limit == 0.0 || 0.45 * d < limit))
                limit = 0.45 * d;
            }
        }

      lc_led_measure_track (self, frame, t, limit, &m);
      if (!m.valid)
        {
          score_track (self, t);
          continue;
        }

      s.pts = now;
      /* The background is smoothed over half a second: when shake moves an
       * edge through the ring, the ring jumps but the light does not.
       */
      if (t->len == 0 || t->bg < 0.0)
        t->bg = m.bg / self->gain;
      else
        t->bg += CLAMP (dt / 0.5, 0.0, 1.0) * (m.bg / self->gain - t->bg);
      s.level = (float) (m.top / self->gain - t->bg);
      s.has_color = m.has_color;
      for (guint c = 0; c < 3; c++)
        {
          s.rgb[c] = m.rgb[c];
          s.disc[c] = (float) (m.disc[c] / self->gain);
        }
      s.white = (float) (m.white / self->gain);
      s.dip = (float) (m.dip / self->gain);
      s.max = (float) m.max;
      s.top = m.top >= CLIP_LEVEL - 5 ? -1.0f : (float) (m.top / self->gain);
      if (t->len > 0)
        {
          const Sample *prev = lc_led_track_sample (t, t->len - 1);

          s.gap = (guint8) MIN (255, MAX (0, lround ((now - prev->pts) / NS_PER_S / self->interval_s) - 1));
        }
      lc_led_track_push (t, &s);

      /* Lit: follow the light and learn its size, but stay near where the
       * candidates are (a track must not wander off over texture), and only
       * while it looks like a spot, not the edge of something bright.
       */
      if (m.level >= 1.5 * lc_led_contrast_floor (self))
        t->compactness += 0.1 * ((m.compact ? 1.0 : 0.0) - t->compactness);
      if (m.centred && m.compact && m.level >= 1.5 * lc_led_contrast_floor (self) &&
          (!t->binary || s.level >= t->up))
        {
          double max_step = MAX (1.0, t->radius);
          double reach = MAX (2.0 * self->pool + 2.0, MIN (t->radius, t->cand_radius));

          if (!t->selected)
            {
              t->cx += CLAMP (m.cx - t->cx, -max_step, max_step) * 0.5;
              t->cy += CLAMP (m.cy - t->cy, -max_step, max_step) * 0.5;
              t->cx = CLAMP (t->cx, t->ax - reach, t->ax + reach);
              t->cy = CLAMP (t->cy, t->ay - reach, t->ay + reach);
            }
          t->radius += 0.3 * (CLAMP (m.radius, 0.7, MIN (lc_led_max_radius (self), 2.0 * t->cand_radius + 1.0)) - t->radius);
        }

      lc_led_classify_track (self, t, now);
      score_track (self, t);
    }

  self->last_pts = now;
  self->frames++;
  build_detection (self, now);

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

LcLedRun *
lc_led_detector_dup_timeline (LcLedDetector *self,
                              guint          led_id,
                              guint         *out_n_runs)
{
  Track *t;
  GArray *runs;
  gint64 now;
  double up, down;
  gboolean on = FALSE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (out_n_runs != NULL, NULL);

  *out_n_runs = 0;
  t = find_track (self, led_id);
  if (t == NULL || t->len == 0)
    return NULL;

  now = self->last_pts;
  runs = g_array_new (FALSE, FALSE, sizeof (LcLedRun));
  up = t->up;
  down = t->down;

  for (guint i = 0; i < t->len; i++)
    {
      const Sample *s = lc_led_track_sample (t, i);
      const Sample *prev = i > 0 ? lc_led_track_sample (t, i - 1) : NULL;
      LcLedRun *last = runs->len > 0 ? &g_array_index (runs, LcLedRun, runs->len - 1) : NULL;
      gboolean lit;
      LcColor color = LC_COLOR_NONE;

      if (s->pts < now - LC_LED_TIMELINE_SECONDS * G_GINT64_CONSTANT (1000000000))
        continue;

      if (t->binary)
        lit = on ? s->level >= down : s->level > up;
      else
        lit = s->level >= lc_led_contrast_floor (self);
      on = lit;

      if (lit && s->has_color)
        color = lc_led_classify_color (s->rgb, NULL);
      if (lit && color == LC_COLOR_NONE && t->light.n_colors > 0)
        color = t->light.colors[0];

      /* Frames missing: an unknown stretch in between. */
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
          continue;
        }

      {
        LcLedRun run = { s->pts, s->pts, lit, color, FALSE };

        if (last != NULL)
          last->end_ns = s->pts;
        g_array_append_val (runs, run);
      }
    }

  *out_n_runs = runs->len;
  if (runs->len == 0)
    {
      g_array_unref (runs);
      return NULL;
    }
  {
    LcLedRun *out = g_array_steal (runs, NULL);

    g_array_unref (runs);
    return out;
  }
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
  build_detection (self, self->last_pts);

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
    build_detection (self, self->last_pts);
}

/* The signal light a detected one stands for; FALSE when it has no
 * reading a signal can hold (still looking, or a pattern with no name).
 */
static gboolean
detected_to_light (const LcDetectedLed *led,
                   LcLight             *out_light)
{
  LcLight light = led->light;

  switch (led->kind)
    {
    case LC_DETECTED_SOLID:
    case LC_DETECTED_BLINK:
    case LC_DETECTED_FADE:
      break;
    case LC_DETECTED_BURST:
      if (light.count == 0)
        return FALSE;
      break;
    case LC_DETECTED_TOO_FAST:
      light.kind = LC_KIND_BLINK;
      light.rate_hz = 0.0;
      light.on_ms = light.off_ms = light.pause_ms = 0;
      break;
    case LC_DETECTED_NONE:
    case LC_DETECTED_UNKNOWN:
    default:
      return FALSE;
    }

  /* Luma-only video cannot tell the colour. */
  if (light.n_colors == 0)
    {
      light.n_colors = 1;
      light.colors[0] = LC_COLOR_WHITE;
    }
  light.rate_explicit = FALSE;
  lc_light_normalize (&light);
  *out_light = light;

  return TRUE;
}

/* The lights that make the signal: the selected one if any, else all. */
static gboolean
detected_in_signal (const LcDetection *detection,
                    guint              index)
{
  for (guint i = 0; i < MIN (detection->n_leds, (guint) LC_DETECTION_MAX_LEDS); i++)
    {
      if (detection->leds[i].selected)
        return detection->leds[index].selected;
    }

  return TRUE;
}

gboolean
lc_detection_to_signal (const LcDetection *detection,
                        LcSignal          *out_signal)
{
  g_return_val_if_fail (detection != NULL, FALSE);
  g_return_val_if_fail (out_signal != NULL, FALSE);

  lc_signal_init_off (out_signal);

  for (guint i = 0; i < MIN (detection->n_leds, (guint) LC_DETECTION_MAX_LEDS); i++)
    {
      LcLight light;

      if (out_signal->n_lights >= LC_SIGNAL_MAX_LIGHTS)
        break;
      if (detected_in_signal (detection, i) && detected_to_light (&detection->leds[i], &light))
        out_signal->lights[out_signal->n_lights++] = light;
    }

  return out_signal->n_lights > 0;
}

/**
 * lc_detection_to_reading:
 * @source: where the frames came from (a camera or a video)
 *
 * The detection as the app passes it on: the lights of
 * lc_detection_to_signal(), each with its state and confidence, and the
 * detection's own state (a light still being read holds the whole reading
 * back from confirmed, see build_detection()).
 *
 * Returns: (transfer full): the reading
 */
LcReading *
lc_detection_to_reading (const LcDetection *detection,
                         LcSignalSource     source)
{
  LcReading *reading;
  LcReadingState state;

  g_return_val_if_fail (detection != NULL, NULL);

  state = detection->state == LC_DETECTION_CONFIRMED     ? LC_READING_CONFIRMED
          : detection->state == LC_DETECTION_PROVISIONAL ? LC_READING_PROVISIONAL
                                                         : LC_READING_LOOKING;
  reading = lc_reading_new (source, state);

  for (guint i = 0; i < MIN (detection->n_leds, (guint) LC_DETECTION_MAX_LEDS); i++)
    {
      const LcDetectedLed *led = &detection->leds[i];
      LcLight light;
      double stable_s = 0.0;

      if (!detected_in_signal (detection, i) || !detected_to_light (led, &light))
        continue;
      if (led->stable_since_ns >= 0 && detection->pts_ns >= led->stable_since_ns)
        stable_s = (detection->pts_ns - led->stable_since_ns) / 1e9;
      lc_reading_add_light (reading, &light,
                            led->confirmed ? LC_READING_CONFIRMED : LC_READING_PROVISIONAL,
                            led->confidence, stable_s);
    }

  return reading;
}

guint
lc_detection_get_film_seconds (const LcDetection *detection)
{
  double need = LC_DETECTION_MIN_FILM_SECONDS;

  g_return_val_if_fail (detection != NULL, LC_DETECTION_MIN_FILM_SECONDS);

  /* Confirming takes two identical periods after the first one seen in
   * full; the light may have been seen from halfway through one.
   */
  for (guint i = 0; i < MIN (detection->n_leds, (guint) LC_DETECTION_MAX_LEDS); i++)
    need = MAX (need, 3.0 * lc_light_get_period (&detection->leds[i].light) + 1.0);

  return (guint) MIN (ceil (need), 120.0);
}

void
_lc_led_detector_dump_tracks (LcLedDetector *self,
                              GString       *out)
{
  for (guint i = 0; i < self->n_tracks; i++)
    {
      const Track *t = self->tracks[i];
      g_autofree char *light = lc_light_to_string (&t->light);

      g_string_append_printf (out, "  #%u (%.3f, %.3f) r %.1f lvl %.0f bg %.0f lo/hi %.0f/%.0f sat %.2f "
                              "compact %.2f white %.0f dip %.0f peak %.0f spread %.2f %s%s%s %s conf %.2f score %.1f%s%s\n",
                              t->id, t->cx / self->width, t->cy / self->height, t->radius, t->level, t->bg,
                              t->m_lo, t->m_hi, t->saturation, t->compactness, t->white, t->dip, t->peak, t->spread,
                              lc_detected_kind_to_string (t->key.kind), t->binary ? " binary" : "",
                              t->active ? " active" : "", light, t->confidence, t->score,
                              t->qualified ? " QUALIFIED" : "", t->reflection ? " reflection" : "");
    }
}
