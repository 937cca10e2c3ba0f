/* lc-led-ranking.c — which tracks are lights, in what order, and how sure
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Step 6 of the detector (see lc-led-detector.c): every track is scored
 * after each frame, then the lights of one device are picked and ordered,
 * fitted to the device prior, and the detection's state decided.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "lc-led-detector-private.h"

static gboolean
kind_changes (LcDetectedKind kind)
{
  return kind == LC_DETECTED_BLINK || kind == LC_DETECTED_BURST ||
         kind == LC_DETECTED_FADE || kind == LC_DETECTED_TOO_FAST;
}

/* Whether @t, on a pale surround, is darker than it in some channel by
 * more than @max_loss of it, more than an LED is: paint (a label, a box)
 * absorbing the light it does not reflect.
 */
static gboolean
absorbs_like_paint (const Track *t,
                    double       max_loss)
{
  return t->bg >= SOLID_PALE_SURROUND && t->dip < -max_loss * t->bg;
}

/* Whether @t, clipping, lights what is around it far past its ring, in
 * its own colour: its ring is inside its glow (a frosted window on a pale
 * housing), and what it stands over is the housing farther out. A label
 * or a box leaves its surroundings as they are, and absorbs like paint.
 */
static gboolean
lights_its_surround (const Track *t)
{
  return t->bg_far >= 0.0 && t->key.n_colors > 0 &&
         t->bg - t->bg_far >= SURROUND_MIN_FALL * t->bg_far &&
         lc_led_classify_color (t->glow_rgb, NULL) == t->key.colors[0] &&
         !absorbs_like_paint (t, SOLID_PALE_MAX_LOSS);
}

void
lc_led_score_track (LcLedDetector *self,
                    Track         *t)
{
  double radius = lc_led_track_size (t);
  double compact = 1.0 / (1.0 + pow (radius / MAX (4.0, 0.012 * self->width), 2.0));
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
      t->qualified = radius <= lc_led_max_radius (self) && t->level >= 1.5 * lc_led_contrast_floor (self) &&
                     (!white || t->level >= 60.0);
      /* A slow swell is also what the edge of a coloured object does as
       * the phone sways, and what glare does as its angle changes: a fade
       * must swing far compared with its surroundings, and not be white.
       */
      if (kind == LC_DETECTED_FADE)
        t->qualified &= !white && t->m_hi - t->m_lo >= FADE_MIN_SWING * t->bg;
      /* Taking turns in two colours at one brightness (read by the hue
       * stage, not from dark and lit runs) is a steady light that changes
       * colour, so it must stand out as a steady light does: far over its
       * surroundings, or clipping like an LED (a big one lights up the
       * pale housing around it). The edge of a coloured object swaying
       * over a pale wall changes colour too, but as a dull bump on it.
       */
      if (!t->binary)
        t->qualified &= t->level >= SOLID_MIN_CONTRAST * t->bg || t->peak >= SOLID_MIN_PEAK;
      /* Nor is one that loses light in a channel as it lights up: the
       * edge of a coloured object swaying over the spot.
       */
      t->qualified &= !t->takes_light;
      t->score = 4.0 * snr * compact * (white ? 0.5 : 1.0);
    }
  else if (kind == LC_DETECTED_SOLID)
    {
      /* A steady patch with a weak tint (a wall under a warm lamp, white
       * balance adrift) is not a coloured light; status lights are vivid.
       * A frosted window washes them out, but they still stand far over
       * their surroundings, which tinted glare does not. A steady white
       * spot, even one with a coloured glow, is glare on metal or a lamp
       * far more often than a status light (no Blink light is steady
       * white), so it takes the user pointing at it.
       */
      white |= t->color_from_glow || t->saturation < SOLID_MIN_SATURATION ||
               (t->saturation < SOLID_VIVID_SATURATION && t->level < SOLID_WASHED_CONTRAST * t->bg);
      double small = CLAMP ((2.0 * SMALL_LIGHT_RADIUS - radius) / SMALL_LIGHT_RADIUS, 0.0, 1.0);

      gboolean near_clipping = t->peak >= SOLID_MIN_PEAK - small * (SOLID_MIN_PEAK - SOLID_MIN_PEAK_SMALL);
      /* A dim LED on a dark housing falls short of clipping, but washes
       * its core toward white; on a pale one it adds its colour and takes
       * nothing away from the others. One that has shown two levels is a
       * blink not yet read, so it waits for its reading instead.
       */
      gboolean outshines = t->level >= SOLID_BRIGHT_CONTRAST * t->bg &&
                           t->dip >= SOLID_BRIGHT_MIN_RISE * t->level;
      gboolean on_pale = t->bg >= SOLID_PALE_SURROUND && !absorbs_like_paint (t, SOLID_PALE_MAX_LOSS);
      gboolean dim_light = !t->binary && t->peak >= SOLID_MIN_PEAK_SMALL && (outshines || on_pale);
      gboolean stands_out = t->level >= SOLID_MIN_CONTRAST * t->bg ||
                            (near_clipping && lights_its_surround (t) &&
                             t->level + t->bg - t->bg_far >= SOLID_MIN_CONTRAST * t->bg_far);

      t->qualified = (near_clipping || dim_light) &&
                     radius <= MAX (5.0, 0.025 * self->width) &&
                     stands_out &&
                     t->level >= MAX (t->saturation >= 0.5 ? 20.0 : 30.0, 1.5 * lc_led_contrast_floor (self)) &&
                     !white;
      t->score = snr * compact * (white ? 0.5 : MIN (1.0, 0.3 + t->saturation));
    }
  else if (kind == LC_DETECTED_UNKNOWN)
    {
      t->qualified = radius <= lc_led_max_radius (self) && t->level >= 40.0 && !white;
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

  return lit >= 5 && both >= ECHO_LIT_SHARE * lit;
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

/* Whether @t is near enough to @other to be a light of the same device. */
static gboolean
is_near (LcLedDetector *self,
         const Track   *t,
         const Track   *other)
{
  return lc_led_track_distance (t, other->cx, other->cy) <= SAME_DEVICE_DISTANCE * MAX (self->width, self->height);
}

/* Whether any of the @n_reported lights shows @color. */
static gboolean
any_shows_color (Track  **reported,
                 guint    n_reported,
                 LcColor  color)
{
  for (guint i = 0; i < n_reported; i++)
    {
      if (lc_led_track_shows_color (reported[i], color))
        return TRUE;
    }

  return FALSE;
}

/* Whether @t shows one of @reported's colours: then it may be a piece of
 * its glow.
 */
static gboolean
shares_a_color (const Track *t,
                const Track *reported)
{
  return lc_led_track_shows_color (reported, t->key.colors[0]);
}

/* Whether @t gives about as much light as @other, at its level and at its
 * brightest: what a second LED of the same device does, and a label, a
 * reflection or a speck of glow does not.
 */
static gboolean
shines_as_brightly (const Track *t,
                    const Track *other)
{
  return t->level >= COMPANION_LEVEL_RATIO * other->level && t->peak >= COMPANION_PEAK_RATIO * other->peak;
}

/* Whether @t overlaps @reported: a piece of the same spot. Not when one
 * of them lit up while the other held steady, blinks, and the steady one
 * shines as brightly: a status light in a power light's glow (a
 * reflection or a coloured object beside a status light is far fainter).
 */
static gboolean
overlaps (const Track *t,
          const Track *reported)
{
  const Track *steady = t->lit_apart ? reported : t;
  const Track *lit = steady == t ? reported : t;

  return lc_led_track_distance (t, reported->cx, reported->cy) < 1.5 * (lc_led_track_size (t) + lc_led_track_size (reported)) &&
         !(lc_led_lit_beside (t, reported) && lit->binary && shines_as_brightly (steady, lit));
}

/* Whether @t is one of the @reported lights, its echo, or, by @akin, a
 * part of one.
 */
static gboolean
is_reported_light (const Track   *t,
                   Track        **reported,
                   guint          n_reported,
                   gboolean     (*akin) (const Track *t, const Track *reported))
{
  for (guint j = 0; j < n_reported; j++)
    {
      if (reported[j] == t || is_echo (t, reported[j]) || akin (t, reported[j]))
        return TRUE;
    }

  return FALSE;
}

/* Whether @t dims deeply within its window and lights up in a vivid
 * colour that none of the @reported lights has: a status light behind a
 * pale window, whose own samples are grey, so only what it adds when lit
 * shows its colour. Glare adds white, shake dragging an edge over a cell
 * barely dims it, and a spot that a reported light's glow reaches dims
 * with that light, in its colour.
 */
static gboolean
dims_in_own_color (LcLedDetector  *self,
                   Track          *t,
                   Track         **reported,
                   guint           n_reported,
                   gint64          now)
{
  Window w;
  LcColor added;

  if (self->format == LC_PIXEL_FORMAT_GRAY8 || t->m_hi - t->m_lo < 2.0 * lc_led_contrast_floor (self))
    return FALSE;

  lc_led_window_collect (t, now, &w);
  added = lc_led_added_color (&w, t->m_lo, t->m_hi);
  lc_led_window_clear (&w);

  return added != LC_COLOR_NONE && !any_shows_color (reported, n_reported, added);
}

/* A steady light that clips like an LED and is about as bright as the
 * first reported light: the kind of light that may be a second one of the
 * same device (see changes_color_beside() and shines_beside()).
 */
static gboolean
shines_like_reported (const Track  *t,
                      Track       **reported)
{
  return t->key.kind == LC_DETECTED_SOLID && t->peak >= SOLID_MIN_PEAK &&
         t->level >= COMPANION_LEVEL_RATIO * reported[0]->level;
}

/* Whether @t, a light that shines like the @reported ones (see
 * shines_like_reported()), shows two colours, one of them vivid and not
 * shown by any reported light: an RGB status light taking turns in two
 * colours at one brightness (white and cyan) before its turns have been
 * timed. A spot the reported light's glow tints shows its colour, and
 * glare is white.
 */
static gboolean
changes_color_beside (const Track  *t,
                      Track       **reported,
                      guint         n_reported)
{
  if (t->turn_colors[0] == LC_COLOR_NONE)
    return FALSE;

  for (guint c = 0; c < 2; c++)
    {
      if (t->turn_colors[c] != LC_COLOR_WHITE && !any_shows_color (reported, n_reported, t->turn_colors[c]))
        return TRUE;
    }

  return FALSE;
}

/* Whether @t, a light that shines like the @reported ones (see
 * shines_like_reported()), is right beside them, far over its
 * surroundings, in a colour none of them shows, left out only because
 * that colour is washed out: a power light
 * behind a pale window, whose core whitens but still has a channel well
 * over the others. Glare tinted by the room is white at its core, and
 * seldom this close: a device's lights are a few LEDs apart.
 */
static gboolean
shines_beside (const Track  *t,
               Track       **reported,
               guint         n_reported)
{
  double beside = BESIDE_RADII * MAX (t->radius, reported[0]->radius);

  return !t->reflection && t->key.n_colors > 0 &&
         lc_led_track_distance (t, reported[0]->cx, reported[0]->cy) <= beside &&
         t->key.colors[0] != LC_COLOR_WHITE && t->saturation >= WASHED_OUT_MIN_SATURATION &&
         t->white <= WASHED_OUT_MAX_WHITE * t->peak &&
         t->level >= SOLID_MIN_CONTRAST * t->bg &&
         !any_shows_color (reported, n_reported, t->key.colors[0]);
}

/* Whether @t, near the reported lights and no light itself, keeps
 * changing in a vivid colour none of them shows: a status light beside a
 * power light. The power light's glow lights up its ring, so it may never
 * measure as a spot long enough to become a light, and the camera may see
 * it far fainter than the power light, which clips; its reading may even
 * drift while its track slides into that glow. But it is an LED of a kind
 * with the reported one, about as large, and gives light of its own rather
 * than taking it away as an object's edge does. While it changes, the
 * answer waits for it.
 */
static gboolean
changes_apart (const Track  *t,
               Track       **reported,
               guint         n_reported)
{
  const Track *first = reported[0];

  return t->binary && t->active && !t->reflection && !t->takes_light &&
         t->key.n_colors > 0 && t->key.colors[0] != LC_COLOR_WHITE &&
         !any_shows_color (reported, n_reported, t->key.colors[0]) &&
         t->radius >= APART_SIZE_RATIO * first->radius && t->m_hi >= APART_LEVEL_RATIO * first->level &&
         recent_saturation (t) >= PENDING_MIN_SATURATION && !is_reported_light (t, reported, n_reported, overlaps);
}

/* A second light of the same device that has started to change but has no
 * reading yet (a Sync Module's green light blinking beside its steady blue
 * one), or one that keeps changing apart from the reported ones without
 * becoming a light (changes_apart()). Until it has a reading, or gives up
 * changing, the answer is provisional: confirming the first light alone
 * would announce half the signal.
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
      gboolean pending;

      if (t->qualified || t->radius > lc_led_max_radius (self) || !is_near (self, t, reported[0]))
        continue;
      if (changes_apart (t, reported, n_reported))
        return TRUE;
      if (t->compactness < 0.5 || t->m_hi < 2.0 * lc_led_contrast_floor (self))
        continue;

      if (t->binary)
        {
          /* Status lights are vivid; an edge that shake drags across a
           * cell flickers too, but in the grey of what it is the edge of.
           * Behind a pale window a status light is grey too, but lights
           * up in its own colour.
           */
          pending = t->active && now - t->active_since < NO_LIGHT_AFTER_NS &&
                    (t->key.kind == LC_DETECTED_NONE || t->key.kind == LC_DETECTED_UNKNOWN) &&
                    t->m_hi >= PENDING_LEVEL_RATIO * reported[0]->level &&
                    (self->format == LC_PIXEL_FORMAT_GRAY8 || recent_saturation (t) >= PENDING_MIN_SATURATION ||
                     dims_in_own_color (self, t, reported, n_reported, now));
        }
      else
        {
          /* Behind a pale window a status light's dips may be too shallow
           * to be read as a blink for a while, so it reads as steady and
           * makes no edges; its window still spans them.
           */
          pending = ((t->key.kind == LC_DETECTED_NONE || t->key.kind == LC_DETECTED_UNKNOWN ||
                      t->key.kind == LC_DETECTED_SOLID) &&
                     dims_in_own_color (self, t, reported, n_reported, now)) ||
                    (shines_like_reported (t, reported) &&
                     (changes_color_beside (t, reported, n_reported) ||
                      shines_beside (t, reported, n_reported)));
        }

      if (pending && !is_reported_light (t, reported, n_reported, overlaps))
        return TRUE;
    }

  return FALSE;
}

/* Whether @t is a small, compact, steady spot of a vivid colour, no
 * reflection: what a power light is, whether or not it stands out enough
 * to be reported (see is_faint_light() and is_companion()).
 */
static gboolean
is_steady_vivid_spot (LcLedDetector *self,
                      const Track   *t)
{
  return t->key.kind == LC_DETECTED_SOLID && !t->reflection && t->key.n_colors > 0 &&
         t->key.colors[0] != LC_COLOR_WHITE && t->saturation >= 0.5 && t->compactness >= 0.5 &&
         t->radius <= lc_led_max_radius (self);
}

/* A light of another vivid colour beside the reported ones, as bright as
 * the first and clipping like an LED, with a reading of its own, that was
 * left out only because its ring is not dark all around (glare, or the
 * pale housing it lights): most likely a power light beside a status
 * light, or the status light itself seen in another colour. A label on a
 * pale housing may look as bright beside a dim light, but it is paint.
 */
static gboolean
is_unsure_light (LcLedDetector *self,
                 const Track   *t,
                 const Track   *first)
{
  return t->compactness < 0.5 && !t->reflection && t->key.kind != LC_DETECTED_NONE &&
         t->key.n_colors > 0 && t->key.colors[0] != LC_COLOR_WHITE && t->saturation >= 0.5 &&
         t->radius <= lc_led_max_radius (self) && shines_as_brightly (t, first) &&
         !absorbs_like_paint (t, SOLID_PALE_MAX_LOSS);
}

/* A small, vivid, steady spot about as far over a pale housing as @first,
 * left out only because it stands too little over the housing or darkens
 * it a little like paint. A dim power light on a white or grey housing
 * looks just like that, its lens hiding the housing behind it (power+status
 * TUNE #93), and so may a small pale label. Vivid labels and boxes darken
 * the housing far more.
 */
static gboolean
is_faint_light (LcLedDetector *self,
                const Track   *t,
                const Track   *first)
{
  return !t->qualified && is_steady_vivid_spot (self, t) && t->bg >= SOLID_PALE_SURROUND &&
         t->level >= FAINT_LIGHT_LEVEL_RATIO * first->level && !absorbs_like_paint (t, FAINT_LIGHT_MAX_LOSS);
}

/* Whether a light that cannot be reported stands beside the reported
 * ones: an unsure one (is_unsure_light()) that is not a piece of them, or
 * a faint one (is_faint_light()) in a colour none of them shows. Which it
 * is cannot be told, so nor can the answer be confirmed without it:
 * confirming would announce half a signal.
 */
static gboolean
has_unsure_light (LcLedDetector  *self,
                  Track         **reported,
                  guint           n_reported)
{
  if (n_reported == 0)
    return FALSE;

  for (guint i = 0; i < self->n_tracks; i++)
    {
      Track *t = self->tracks[i];

      if (!is_near (self, t, reported[0]))
        continue;
      if (is_unsure_light (self, t, reported[0]) &&
          !is_reported_light (t, reported, n_reported, shares_a_color))
        return TRUE;
      if (is_faint_light (self, t, reported[0]) &&
          !any_shows_color (reported, n_reported, t->key.colors[0]) &&
          !is_reported_light (t, reported, n_reported, overlaps))
        return TRUE;
    }

  return FALSE;
}

/* Whether @source gives far more light than @spot: far brighter at its
 * core, or as bright there and far larger.
 */
static gboolean
gives_more_light (const Track *source,
                  const Track *spot)
{
  double size = lc_led_track_size (source), spot_size = lc_led_track_size (spot);

  if (source->white >= REFLECTION_RATIO * spot->white)
    return TRUE;

  return source->white >= spot->white && size * size >= REFLECTION_AREA_RATIO * spot_size * spot_size;
}

/* Whether @t goes dark between its flashes: it lights nothing up steadily. */
static gboolean
goes_dark (const Track *t)
{
  return (t->key.kind == LC_DETECTED_BLINK || t->key.kind == LC_DETECTED_BURST) && t->key.n_colors == 1;
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
  /* Which tracks are lights before any is marked a reflection (which
   * takes that away), so the order of the tracks does not matter.
   */
  gboolean was_light[MAX_TRACKS];

  for (guint i = 0; i < self->n_tracks; i++)
    was_light[i] = self->tracks[i]->qualified || self->tracks[i]->selected;

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
          double distance = lc_led_track_distance (o, t->cx, t->cy);
          gboolean white_core;

          if (o == t || o->peak < SOLID_MIN_PEAK || !gives_more_light (o, t) || o->peak + 5.0 < t->peak ||
              distance > MAX (reach, GLOW_RADII * o->radius) || goes_dark (o))
            continue;

          /* A core clipped to white that gives far more light lights up its
           * surroundings in the colour of its glow, which it may not show
           * itself (nor have a reading yet), as far as its glow reaches.
           * It stands over its surroundings: glare on a glossy housing may
           * be as bright, but is no brighter than the housing around it.
           */
          white_core = o->white >= WHITE_CORE_LEVEL && o->white >= WHITE_CORE_RATIO * t->white &&
                       o->level >= lc_led_contrast_floor (self) && distance <= GLOW_RADII * o->radius;
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
          /* In the other light's colour, if that one is a light: glare
           * tinted by a lamp or the white balance lights nothing up in its
           * tint, however bright. A core clipped to white lights things in
           * the colour of its glow, and its glow breaks into fragments on
           * either side: the fragments give it its colour.
           */
          if (was_light[j])
            {
              for (guint c = 0; c < o->key.n_colors; c++)
                t->reflection |= t->key.n_colors > 0 && o->key.colors[c] == t->key.colors[0];
            }
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
 * reflection (those are far fainter than an LED, or copy its pattern),
 * unless it is far darker than the housing in the colours it does not
 * show: a label or a box beside a dim light can be as bright in its own.
 */
static gboolean
is_companion (LcLedDetector *self,
              const Track   *t,
              const Track   *primary,
              const Track   *strongest)
{
  return kind_changes (primary->key.kind) && is_steady_vivid_spot (self, t) &&
         shines_as_brightly (t, strongest) && t->level >= 1.5 * lc_led_contrast_floor (self) &&
         !absorbs_like_paint (t, COMPANION_MAX_LOSS);
}

/* Changes that could still become a reading: a pattern, or changes that
 * began too recently to have one (a shaking edge never does).
 */
static gboolean
any_light_changing (LcLedDetector *self,
                    gint64         now)
{
  gboolean any_active = FALSE;

  for (guint i = 0; i < self->n_tracks; i++)
    {
      Track *t = self->tracks[i];

      any_active |= t->active && t->binary && t->radius <= lc_led_max_radius (self) && t->compactness >= 0.5 &&
                    t->m_hi >= 2.0 * lc_led_contrast_floor (self) &&
                    ((kind_changes (t->key.kind) && t->key.n_colors > 0 && t->key.colors[0] != LC_COLOR_WHITE) ||
                     now - t->active_since < NO_LIGHT_AFTER_NS);
    }

  return any_active;
}

/* Whether @t is a younger, unconfirmed track on @held's light that reads
 * what @held has confirmed: a hand-held camera's drift can give a light a
 * second track. It may score better, but taking the answer it would only
 * make it provisional again with nothing new seen. A track that reads
 * something else (the whole of a light @held is a piece of) is no copy.
 */
static gboolean
is_younger_copy (const Track *t,
                 const Track *held)
{
  return held->confirmed && !t->confirmed && t->born_ns > held->born_ns &&
         lc_led_reading_key_equal (&t->key, &held->key) &&
         (is_echo (t, held) || overlaps (t, held));
}

/* The light the answer is about: the one the user chose, else the
 * qualified track that scores best with the prior, unless it is a younger
 * copy of a confirmed one.
 */
static Track *
find_primary (LcLedDetector *self)
{
  Track *primary = NULL;

  for (guint i = 0; i < self->n_tracks; i++)
    {
      if (self->tracks[i]->selected)
        primary = self->tracks[i];
    }
  if (primary != NULL)
    return primary;

  for (guint i = 0; i < self->n_tracks; i++)
    {
      Track *t = self->tracks[i];

      if (!t->qualified)
        continue;
      if (primary == NULL || is_younger_copy (primary, t) ||
          (!is_younger_copy (t, primary) &&
           t->score * prior_weight (self, t) > primary->score * prior_weight (self, primary)))
        primary = t;
    }

  return primary;
}

/* The brightest of the tracks that read @primary's pattern: the light
 * itself, when @primary is a piece of its glow (a small piece scores
 * better than the whole). How bright a second light must be to be one is
 * measured against it.
 */
static const Track *
strongest_copy (LcLedDetector *self,
                const Track   *primary)
{
  const Track *strongest = primary;

  for (guint i = 0; i < self->n_tracks; i++)
    {
      const Track *o = self->tracks[i];

      if (o != primary && o->level > strongest->level && is_echo (o, primary))
        strongest = o;
    }

  return strongest;
}

/* Whether @t is another light of @primary's device, given the @n lights
 * already in @order; @strongest is the brightest copy of @primary.
 */
static gboolean
is_other_light (LcLedDetector *self,
                Track         *t,
                Track         *primary,
                const Track   *strongest,
                Track * const *order,
                guint          n)
{
  gboolean echo = FALSE;

  if (t == primary || (!t->qualified && !is_companion (self, t, primary, strongest)))
    return FALSE;
  /* Status lights are coloured; a white spot next to one is a reflection
   * or a highlight.
   */
  if ((t->key.n_colors == 0 || t->key.colors[0] == LC_COLOR_WHITE) &&
      primary->key.n_colors > 0 && primary->key.colors[0] != LC_COLOR_WHITE)
    return FALSE;
  if (!is_near (self, t, primary))
    return FALSE;
  /* A flicker too fast to time beside a light that can be timed is more
   * often a faint speck of its glow shimmering with the video's
   * compression than a second light: it must shine like the first.
   */
  if (t->key.kind == LC_DETECTED_TOO_FAST && primary->key.kind != LC_DETECTED_TOO_FAST &&
      !shines_as_brightly (t, strongest))
    return FALSE;
  /* Nor is a speck far fainter than the first light that does not clip as
   * it does: a fleck of colour on the wall that flickers as the camera
   * sways and the video's compression shifts.
   */
  if (t->level < OTHER_LIGHT_LEVEL_RATIO * strongest->level && t->peak < COMPANION_PEAK_RATIO * strongest->peak)
    return FALSE;
  for (guint j = 0; j < n; j++)
    echo |= is_echo (t, order[j]) || overlaps (t, order[j]);
  if (echo)
    return FALSE;
  /* A steady lamp is no match for a light that blinks. */
  if (!primary->selected && t->score < 0.05 * primary->score)
    return FALSE;

  return TRUE;
}

/* Fills @order with @primary and the other lights of its device, close by
 * and sorted by score; returns how many.
 */
static guint
order_lights (LcLedDetector *self,
              Track         *primary,
              Track         *order[MAX_TRACKS])
{
  const Track *strongest = strongest_copy (self, primary);
  guint n = 0;

  order[n++] = primary;
  for (guint i = 0; i < self->n_tracks; i++)
    {
      Track *t = self->tracks[i];
      guint pos;

      if (!is_other_light (self, t, primary, strongest, order, n))
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

  /* A device with one status light shows one: a second "light" beside it
   * is a reflection or a lamp, however it looks.
   */
  if (self->prior.n_lights > 0)
    n = MIN (n, self->prior.n_lights);

  return n;
}

static void
fill_leds (LcLedDetector *self,
           Track * const *order,
           guint          n)
{
  LcDetection *d = &self->detection;

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
}

/* A light of a confirmed answer that has dropped out of it while its own
 * reading still holds: its qualifying flickered (a dim power light beside
 * a burst, power+status TUNE #58). Confirming what is left would announce
 * another signal, so the answer waits for it as long as a light takes to
 * be called gone.
 */
static gboolean
has_dropped_light (LcLedDetector  *self,
                   Track         **reported,
                   guint           n_reported,
                   gint64          now)
{
  for (guint i = 0; i < self->n_tracks; i++)
    {
      Track *t = self->tracks[i];

      if (t->answered_ns >= 0 && now - t->answered_ns < NO_LIGHT_AFTER_NS && t->confirmed &&
          !is_reported_light (t, reported, n_reported, overlaps))
        return TRUE;
    }

  return FALSE;
}

static LcDetectionState
decide_state (LcLedDetector *self,
              Track        **order,
              guint          n,
              gboolean       any_active,
              gint64         now)
{
  const LcDetection *d = &self->detection;

  if (d->n_leds > 0)
    {
      gboolean all = TRUE, held = FALSE;

      for (guint i = 0; i < d->n_leds; i++)
        all &= d->leds[i].confirmed;
      self->last_light_ns = now;
      /* A light still getting its reading, one that could not be told
       * from its surroundings, or one that has just dropped out of the
       * answer holds it up, unless the device has just the one light that
       * is read already.
       */
      if (all && self->prior.n_lights != 1)
        held = has_pending_light (self, order, n, now) || has_unsure_light (self, order, n) ||
               has_dropped_light (self, order, n, now);
      return all && !held ? LC_DETECTION_CONFIRMED : LC_DETECTION_PROVISIONAL;
    }

  /* Once it says "no light", only a light changes that. */
  if ((!any_active || d->state == LC_DETECTION_NO_LIGHT) &&
      now - MAX (self->first_pts, self->last_light_ns) >= NO_LIGHT_AFTER_NS)
    return LC_DETECTION_NO_LIGHT;

  return LC_DETECTION_LOOKING;
}

/* Makes self->detection say what the tracks show at @now. */
void
lc_led_build_detection (LcLedDetector *self,
                        gint64         now)
{
  LcDetection *d = &self->detection;
  Track *order[MAX_TRACKS];
  Track *primary;
  guint n = 0;
  gboolean any_active;
  LcDetectionState state;

  d->pts_ns = now;
  d->frame_width = self->width;
  d->frame_height = self->height;
  d->fps = self->interval_s > 0.0 ? 1.0 / self->interval_s : 0.0;
  d->frames = self->frames;
  d->dropped = self->dropped;

  mark_reflections (self);
  any_active = any_light_changing (self, now);

  primary = find_primary (self);
  if (primary != NULL)
    n = order_lights (self, primary, order);
  fill_leds (self, order, n);

  state = decide_state (self, order, n, any_active, now);
  if (state == LC_DETECTION_CONFIRMED)
    {
      for (guint i = 0; i < d->n_leds; i++)
        order[i]->answered_ns = now;
    }
  if (state != d->state)
    self->serial++;
  d->state = state;
  d->serial = self->serial;
}
