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

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lc-led-detector.h"
#include "lc-led-detector-private.h"

#define MAX_DIMENSION      16384
#define POOL_TARGET_WIDTH  320
#define MAX_TRACKS         12
#define MAX_CANDIDATES     16
#define HISTORY_SIZE       2048     /* samples per track (oldest half dropped when full) */
#define WINDOW_NS          (G_GINT64_CONSTANT (16000000000))
#define NS_PER_S           1e9

/* Peak- and trough-hold time constants of the candidate maps. */
#define HOLD_TAU_S         3.0
/* Reference for the global gain. */
#define REFERENCE_TAU_S    4.0
/* A track with no candidate for this long is dropped. */
#define TRACK_TIMEOUT_NS   (G_GINT64_CONSTANT (4000000000))
/* With nothing found for this long, the answer is "no light". */
#define NO_LIGHT_AFTER_NS  (G_GINT64_CONSTANT (3000000000))
/* A constant light is solid after this long, confirmed after the second. */
#define SOLID_PROVISIONAL_S 1.0
#define SOLID_CONFIRMED_S   2.5
/* A light dark for this long (and longer than its pattern) went off. */
#define DARK_AFTER_S        3.0
/* Dark level must be under this fraction of the lit level. */
#define DEPTH_RATIO         0.35
/* Faster than this fraction of the frame rate cannot be timed. */
#define TOO_FAST_FRACTION   0.37
/* Pixels at or above this are clipped: no colour from them. */
#define CLIP_LEVEL          250
/* A steady light must come this close to clipping (0..255, in its
 * brightest channel): an LED outshines what it lights; a coloured box,
 * a label or a reflection does not.
 */
#define SOLID_MIN_PEAK      230.0
/* A steady spot near a light that gives this many times more light (mean of
 * its channels at the core), in that light's colour, is its reflection or
 * part of its glow, not a light of its own.
 */
#define REFLECTION_RATIO    1.3
/* … within this fraction of the frame's longer side. */
#define GLOW_DISTANCE       0.12
/* A steady light's level varies by less than this fraction (10th to 90th
 * percentile): a light that swells and dims is breathing, not solid.
 */
#define SOLID_MAX_SPREAD    0.45
/* Two colours of one steady light are distinct when their chromaticities
 * (r, g over r + g + b) are this far apart.
 */
#define HUE_SPLIT_MIN       0.09
/* A halo colour weaker than this saturation is replaced by the colour the
 * light adds between dark and lit (see on_off_color()).
 */
#define HALO_MIN_SATURATION 0.4

typedef struct
{
  gint64  pts;
  float   level;     /* core over background, divided by the global gain */
  float   rgb[3];    /* colour: mean of (pixel - background) over the lit pixels */
  float   disc[3];   /* mean of every pixel in the light's disc, clipped or not:
                      * lit minus dark is what the LED adds (see on_off_color()) */
  float   top;       /* the core's brightest channel, divided by the gain;
                      * -1 when it clips (auto exposure cannot move it) */
  float   white;     /* mean of the three channels at the core: how much
                      * light it gives, however coloured (see is_reflection()) */
  float   x;         /* log level (see split_levels()), cached … */
  float   xk;        /* … for this offset */
  guint8  has_color;
  guint8  gap;       /* frames missing just before this one */
} Sample;

typedef struct
{
  LcDetectedKind kind;
  guint          count;
  guint          n_colors;
  LcColor        colors[LC_LIGHT_MAX_COLORS];
} ReadingKey;

typedef struct
{
  guint    id;
  double   cx, cy;          /* full-resolution pixels */
  double   ax, ay;          /* where the candidates put it */
  double   radius;          /* full-resolution pixels */
  double   cand_radius;     /* size the candidates suggest */
  double   compactness;     /* how often it measured as a spot, 0..1 */
  double   bg;              /* smoothed ring background (gain normalised) */
  gint64   born_ns;
  gint64   last_match_ns;
  double   cand_score;
  gboolean selected;

  Sample   samples[HISTORY_SIZE]; /* oldest first */
  guint    len;

  /* Level split */
  gboolean binary;
  double   m_lo, m_hi;
  double   up, down;        /* hysteresis thresholds */
  double   level;           /* typical lit level */

  /* Reading */
  ReadingKey     key;
  LcLight        light;
  gboolean       confirmed;
  gint64         stable_since;
  double         confidence;
  double         saturation;
  double         white;     /* mean of the core's channels while lit */
  double         peak;      /* the core's brightest channel while lit, 0..255 */
  double         spread;    /* how much the lit level varies, 0..1 */
  gboolean       reflection;/* a steady copy of a brighter light nearby */
  LcColor        halo_color;/* a clipped white core's colour, from its glow */
  double         score;
  gboolean       qualified;
  gboolean       active;    /* shows real on/off changes */
  gint64         last_edge_ns;
  gint64         active_since;  /* start of the current stretch of changes */
} Track;

typedef struct
{
  int    mx, my;
  double contrast;
  double swing;
  double score;
  double radius;            /* full-resolution pixels */
} Candidate;

/* A stretch of constant state found by the run reader. */
typedef struct
{
  gint64   start, end;
  gboolean on;
  gboolean start_known;     /* starts at an edge (not at the window start) */
  gboolean end_known;       /* ends at an edge (not "still going") */
  float    rgb[3];
  guint    n_rgb;
  float    disc[3];         /* sum of the samples' disc colours while fully lit */
  guint    n_samples;
  gboolean gap;             /* frames are missing inside it */
} Run;

struct _LcLedDetector
{
  int        width, height;
  LcPixelFormat format;
  int        pool;
  int        mw, mh;

  guint8    *pooled;        /* mw × mh */
  float     *hi;            /* peak hold (gain normalised) */
  float     *hi_before;     /* … as it was before this frame */
  float     *lo;            /* trough hold */
  float     *prev;          /* previous normalised frame */
  float     *cur;           /* this normalised frame */
  float     *reference;     /* slow average for the gain */
  gssize     ring_offset[4][8]; /* ring_offsets as steps in the maps */
  guint8    *colmax;        /* scratch: one row of bytes */
  guint8    *chroma_row;    /* scratch: I420 colour boost of one chroma row … */
  guint8    *chroma_band;   /* … and the maximum over a band of them */
  gboolean   maps_ready;

  gint64     first_pts;
  gint64     last_pts;
  gint64     last_light_ns;
  guint      frames;
  guint      dropped;
  double     interval_s;    /* typical frame interval */
  double     gain;
  double     noise;         /* noise of the pooled map, 0..255 units */

  Track     *tracks[MAX_TRACKS];
  guint      n_tracks;
  guint      next_id;

  LcDetection detection;
  guint      serial;

  LcLedPrior prior;         /* n_lights 0: generic */
};

/* Formats */

int
lc_pixel_format_get_bpp (LcPixelFormat format)
{
  switch (format)
    {
    case LC_PIXEL_FORMAT_RGB24:
    case LC_PIXEL_FORMAT_BGR24:
      return 3;
    case LC_PIXEL_FORMAT_RGBX:
    case LC_PIXEL_FORMAT_BGRX:
    case LC_PIXEL_FORMAT_XRGB:
    case LC_PIXEL_FORMAT_XBGR:
      return 4;
    case LC_PIXEL_FORMAT_GRAY8:
      return 1;
    case LC_PIXEL_FORMAT_YUY2:
      return 2;
    case LC_PIXEL_FORMAT_I420:
    default:
      return 0;
    }
}

void
lc_frame_init_packed (LcFrame       *frame,
                      const guint8  *data,
                      gsize          size,
                      LcPixelFormat  format,
                      int            width,
                      int            height,
                      int            stride,
                      gint64         pts_ns)
{
  g_return_if_fail (frame != NULL);

  memset (frame, 0, sizeof *frame);
  frame->data = data;
  frame->size = size;
  frame->format = format;
  frame->width = width;
  frame->height = height;
  frame->stride = stride;
  frame->pts_ns = pts_ns;
}

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

/* Bytes one row of @width pixels needs, 0 for planar formats. */
static gsize
row_bytes (LcPixelFormat format,
           int           width)
{
  if (format == LC_PIXEL_FORMAT_YUY2)
    return (gsize) ((width + 1) / 2) * 4;

  return (gsize) width * lc_pixel_format_get_bpp (format);
}

/* TRUE if rows of @row_len bytes, @rows of them, @stride apart, starting
 * @offset bytes in, fit in @size bytes. Written to avoid overflow.
 */
static gboolean
plane_fits (gsize offset,
            gsize row_len,
            int   rows,
            int   stride,
            gsize size)
{
  gsize last_row;

  if (rows <= 0 || stride <= 0 || (gsize) stride < row_len)
    return FALSE;
  if (offset > size)
    return FALSE;
  if ((gsize) (rows - 1) > (size - offset) / (gsize) stride)
    return FALSE;

  last_row = offset + (gsize) (rows - 1) * (gsize) stride;

  return last_row <= size && row_len <= size - last_row;
}

static gboolean
frame_is_valid (const LcFrame *frame)
{
  if (frame->data == NULL || frame->size == 0)
    return FALSE;
  if ((guint) frame->format >= LC_N_PIXEL_FORMATS)
    return FALSE;
  if (frame->width <= 0 || frame->height <= 0 ||
      frame->width > MAX_DIMENSION || frame->height > MAX_DIMENSION)
    return FALSE;
  if (frame->pts_ns < 0 || frame->pts_ns > G_MAXINT64 / 4)
    return FALSE;

  if (frame->format == LC_PIXEL_FORMAT_I420)
    {
      int cw = (frame->width + 1) / 2, ch = (frame->height + 1) / 2;

      return plane_fits (0, (gsize) frame->width, frame->height, frame->stride, frame->size) &&
             plane_fits (frame->u_offset, (gsize) cw, ch, frame->uv_stride, frame->size) &&
             plane_fits (frame->v_offset, (gsize) cw, ch, frame->uv_stride, frame->size);
    }

  return plane_fits (0, row_bytes (frame->format, frame->width), frame->height,
                     frame->stride, frame->size);
}

/* Pixel access (small windows only) */

static inline void
clamp_rgb (int r,
           int g,
           int b,
           int rgb[3])
{
  rgb[0] = CLAMP (r, 0, 255);
  rgb[1] = CLAMP (g, 0, 255);
  rgb[2] = CLAMP (b, 0, 255);
}

/* BT.601, limited range, in 256ths: R = Y' + V', G = Y' - U'g - V'g, B = Y' + U'b. */
#define BT601_Y    298   /* (Y - 16) */
#define BT601_V_R  409   /* (V - 128) into R */
#define BT601_U_G  100   /* (U - 128) out of G */
#define BT601_V_G  208   /* (V - 128) out of G */
#define BT601_U_B  516   /* (U - 128) into B */

static inline void
yuv_to_rgb (int y,
            int u,
            int v,
            int rgb[3])
{
  int c = y - 16, d = u - 128, e = v - 128;

  clamp_rgb ((BT601_Y * c + BT601_V_R * e + 128) >> 8,
             (BT601_Y * c - BT601_U_G * d - BT601_V_G * e + 128) >> 8,
             (BT601_Y * c + BT601_U_B * d + 128) >> 8,
             rgb);
}

static inline void
pixel_rgb (const LcFrame *f,
           int            x,
           int            y,
           int            rgb[3])
{
  const guint8 *row = f->data + (gsize) y * f->stride;
  const guint8 *p;

  switch (f->format)
    {
    case LC_PIXEL_FORMAT_RGB24:
      p = row + x * 3;
      rgb[0] = p[0]; rgb[1] = p[1]; rgb[2] = p[2];
      break;
    case LC_PIXEL_FORMAT_BGR24:
      p = row + x * 3;
      rgb[0] = p[2]; rgb[1] = p[1]; rgb[2] = p[0];
      break;
    case LC_PIXEL_FORMAT_RGBX:
      p = row + x * 4;
      rgb[0] = p[0]; rgb[1] = p[1]; rgb[2] = p[2];
      break;
    case LC_PIXEL_FORMAT_BGRX:
      p = row + x * 4;
      rgb[0] = p[2]; rgb[1] = p[1]; rgb[2] = p[0];
      break;
    case LC_PIXEL_FORMAT_XRGB:
      p = row + x * 4;
      rgb[0] = p[1]; rgb[1] = p[2]; rgb[2] = p[3];
      break;
    case LC_PIXEL_FORMAT_XBGR:
      p = row + x * 4;
      rgb[0] = p[3]; rgb[1] = p[2]; rgb[2] = p[1];
      break;
    case LC_PIXEL_FORMAT_GRAY8:
      rgb[0] = rgb[1] = rgb[2] = row[x];
      break;
    case LC_PIXEL_FORMAT_YUY2:
      p = row + (x / 2) * 4;
      yuv_to_rgb (p[(x & 1) * 2], p[1], p[3], rgb);
      break;
    case LC_PIXEL_FORMAT_I420:
      yuv_to_rgb (row[x],
                  f->data[f->u_offset + (gsize) (y / 2) * f->uv_stride + x / 2],
                  f->data[f->v_offset + (gsize) (y / 2) * f->uv_stride + x / 2],
                  rgb);
      break;
    default:
      rgb[0] = rgb[1] = rgb[2] = 0;
      break;
    }
}

/* Brightness used everywhere: max (R, G, B), luma for grey frames. */
static inline int
pixel_value (const LcFrame *f,
             int            x,
             int            y)
{
  const guint8 *row = f->data + (gsize) y * f->stride;
  const guint8 *p;

  switch (f->format)
    {
    case LC_PIXEL_FORMAT_RGB24:
    case LC_PIXEL_FORMAT_BGR24:
      p = row + x * 3;
      return MAX (MAX (p[0], p[1]), p[2]);
    case LC_PIXEL_FORMAT_RGBX:
    case LC_PIXEL_FORMAT_BGRX:
      p = row + x * 4;
      return MAX (MAX (p[0], p[1]), p[2]);
    case LC_PIXEL_FORMAT_XRGB:
    case LC_PIXEL_FORMAT_XBGR:
      p = row + x * 4;
      return MAX (MAX (p[1], p[2]), p[3]);
    case LC_PIXEL_FORMAT_GRAY8:
      return row[x];
    case LC_PIXEL_FORMAT_I420:
    case LC_PIXEL_FORMAT_YUY2:
      {
        /* Not luma: a blue light is bright in blue, and dim in luma. */
        int rgb[3];

        pixel_rgb (f, x, y, rgb);
        return MAX (MAX (rgb[0], rgb[1]), rgb[2]);
      }
    default:
      return 0;
    }
}

/* Pooling */

/* @acc = bytewise max of @acc and @src. Row by row keeps the reads
 * sequential, which measured faster than reading the rows side by side.
 */
static void
max_bytes (guint8       *restrict acc,
           const guint8 *restrict src,
           gsize         n)
{
  gsize i = 0;

#ifdef __SSE2__
  for (; i + 16 <= n; i += 16)
    {
      __m128i a = _mm_loadu_si128 ((const void *) (acc + i));
      __m128i b = _mm_loadu_si128 ((const void *) (src + i));

      _mm_storeu_si128 ((void *) (acc + i), _mm_max_epu8 (a, b));
    }
#endif

  for (; i < n; i++)
    acc[i] = MAX (acc[i], src[i]);
}

/* Pools one band of rows (already reduced to @colmax) into @out. */
static void
pool_band_full (const LcLedDetector *self,
                const guint8        *colmax,
                guint8              *out,
                gboolean             vector)
{
  int f = self->pool, w = self->width;
  int bpp = lc_pixel_format_get_bpp (self->format);
  int first = 0;
  int mx = 0;

  (void) vector;   /* without SSE2 there is only the plain loop */

  switch (self->format)
    {
    case LC_PIXEL_FORMAT_XRGB:
    case LC_PIXEL_FORMAT_XBGR:
      first = 1;
      break;
    case LC_PIXEL_FORMAT_RGB24:
    case LC_PIXEL_FORMAT_BGR24:
    case LC_PIXEL_FORMAT_RGBX:
    case LC_PIXEL_FORMAT_BGRX:
    case LC_PIXEL_FORMAT_GRAY8:
    case LC_PIXEL_FORMAT_YUY2:
    case LC_PIXEL_FORMAT_I420:
    default:
      first = 0;
      break;
    }

#ifdef __SSE2__
  /* One byte per pixel, pooled by 2 or 4 (640 and 1280 wide video): the
   * maximum of each group ends up in its lowest byte, and the groups are
   * packed down to bytes, sixteen cells at a time.
   */
  if (vector && (self->format == LC_PIXEL_FORMAT_GRAY8 || self->format == LC_PIXEL_FORMAT_I420) && (f == 2 || f == 4))
    {
      const __m128i low16 = _mm_set1_epi16 (0x00ff);
      const __m128i low32 = _mm_set1_epi32 (0x000000ff);

      for (; (mx + 16) * f <= w; mx += 16)
        {
          const guint8 *p = colmax + (gsize) mx * f;
          __m128i packed;

          if (f == 2)
            {
              __m128i a = _mm_loadu_si128 ((const void *) p);
              __m128i b = _mm_loadu_si128 ((const void *) (p + 16));

              a = _mm_and_si128 (_mm_max_epu8 (a, _mm_srli_epi16 (a, 8)), low16);
              b = _mm_and_si128 (_mm_max_epu8 (b, _mm_srli_epi16 (b, 8)), low16);
              packed = _mm_packus_epi16 (a, b);
            }
          else
            {
              __m128i v[4];

              for (int k = 0; k < 4; k++)
                {
                  __m128i a = _mm_loadu_si128 ((const void *) (p + 16 * k));

                  a = _mm_max_epu8 (a, _mm_srli_epi32 (a, 8));
                  a = _mm_max_epu8 (a, _mm_srli_epi32 (a, 16));
                  v[k] = _mm_and_si128 (a, low32);
                }
              /* Values are below 256, so the signed 32 → 16 pack is exact. */
              packed = _mm_packus_epi16 (_mm_packs_epi32 (v[0], v[1]), _mm_packs_epi32 (v[2], v[3]));
            }
          _mm_storeu_si128 ((void *) (out + mx), packed);
        }
    }
#endif

  for (; mx < self->mw; mx++)
    {
      int x0 = mx * f, x1 = MIN (x0 + f, w);
      int m = 0;

      if (self->format == LC_PIXEL_FORMAT_GRAY8 || self->format == LC_PIXEL_FORMAT_I420)
        {
          for (int x = x0; x < x1; x++)
            m = MAX (m, colmax[x]);
        }
      else if (self->format == LC_PIXEL_FORMAT_YUY2)
        {
          for (int x = x0; x < x1; x++)
            m = MAX (m, colmax[(x / 2) * 4 + (x & 1) * 2]);
        }
      else
        {
          int x = x0;
          const guint8 *p;

#ifdef __SSE2__
          /* Four pixels of four bytes per load; the padding byte is skipped
           * when the channels are reduced.
           */
          if (vector && bpp == 4 && x + 4 <= x1)
            {
              __m128i acc = _mm_setzero_si128 ();

              for (; x + 4 <= x1; x += 4)
                acc = _mm_max_epu8 (acc, _mm_loadu_si128 ((const void *) (colmax + (gsize) x * 4)));
              /* Lowest byte of each pixel: max of its three colour bytes. */
              if (first == 1)
                acc = _mm_srli_epi32 (acc, 8);
              acc = _mm_max_epu8 (acc, _mm_max_epu8 (_mm_srli_epi32 (acc, 8), _mm_srli_epi32 (acc, 16)));
              /* Then across the four pixels. */
              acc = _mm_max_epu8 (acc, _mm_srli_si128 (acc, 8));
              acc = _mm_max_epu8 (acc, _mm_srli_si128 (acc, 4));
              m = _mm_cvtsi128_si32 (acc) & 0xff;
            }
#endif

          p = colmax + (gsize) x * bpp + first;
          for (; x < x1; x++, p += bpp)
            m = MAX (m, MAX (MAX (p[0], p[1]), p[2]));
        }

      out[mx] = (guint8) m;
    }
}

static inline void
pool_band (const LcLedDetector *self,
           const guint8        *colmax,
           guint8              *out)
{
  pool_band_full (self, colmax, out, TRUE);
}

void
_lc_led_detector_pool_row (LcPixelFormat  format,
                           int            width,
                           int            pool,
                           const guint8  *row,
                           guint8        *out,
                           gboolean       force_scalar)
{
  LcLedDetector det = { 0, };

  g_return_if_fail (width > 0 && pool > 0);

  det.format = format;
  det.width = width;
  det.pool = pool;
  det.mw = (width + pool - 1) / pool;
  pool_band_full (&det, row, out, !force_scalar);
}

/* How much brighter than luma the brightest of R, G and B is, for each
 * pixel of an I420 chroma row (the chroma part of the BT.601 conversion in
 * yuv_to_rgb()), 0..255.
 */
static void
chroma_boost_row (const guint8 *u,
                  const guint8 *v,
                  int           n,
                  guint8       *out)
{
  int i = 0;

#ifdef __SSE2__
  const __m128i zero = _mm_setzero_si128 ();
  const __m128i bias = _mm_set1_epi16 (128);

  for (; i + 8 <= n; i += 8)
    {
      __m128i du = _mm_slli_epi16 (_mm_sub_epi16 (_mm_unpacklo_epi8 (_mm_loadl_epi64 ((const void *) (u + i)), zero), bias), 8);
      __m128i dv = _mm_slli_epi16 (_mm_sub_epi16 (_mm_unpacklo_epi8 (_mm_loadl_epi64 ((const void *) (v + i)), zero), bias), 8);
      /* (d << 8) * k >> 16 = d * k / 256 */
      __m128i r = _mm_mulhi_epi16 (dv, _mm_set1_epi16 (BT601_V_R));
      __m128i b = _mm_mulhi_epi16 (du, _mm_set1_epi16 (BT601_U_B));
      __m128i g = _mm_sub_epi16 (zero, _mm_add_epi16 (_mm_mulhi_epi16 (du, _mm_set1_epi16 (BT601_U_G)),
                                                      _mm_mulhi_epi16 (dv, _mm_set1_epi16 (BT601_V_G))));
      __m128i m = _mm_max_epi16 (_mm_max_epi16 (r, g), _mm_max_epi16 (b, zero));

      _mm_storel_epi64 ((void *) (out + i), _mm_packus_epi16 (m, m));
    }
#endif

  for (; i < n; i++)
    {
      int du = u[i] - 128, dv = v[i] - 128;
      int r = (dv * 256 * BT601_V_R) >> 16;
      int b = (du * 256 * BT601_U_B) >> 16;
      int g = -(((du * 256 * BT601_U_G) >> 16) + ((dv * 256 * BT601_V_G) >> 16));

      out[i] = (guint8) CLAMP (MAX (MAX (r, g), b), 0, 255);
    }
}

/* I420: the pooled luma of one band becomes the brightest of R, G and B,
 * near enough for finding lights: scaled luma plus the largest chroma
 * boost under the cell.
 */
static void
add_chroma (LcLedDetector *self,
            const LcFrame *frame,
            int            y0,
            int            y1,
            guint8        *out)
{
  int cw = (self->width + 1) / 2;
  int f = self->pool;
  int mx = 0;

  for (int cy = y0 / 2; cy <= (y1 - 1) / 2; cy++)
    {
      const guint8 *u = frame->data + frame->u_offset + (gsize) cy * frame->uv_stride;
      const guint8 *v = frame->data + frame->v_offset + (gsize) cy * frame->uv_stride;

      if (cy == y0 / 2)
        chroma_boost_row (u, v, cw, self->chroma_band);
      else
        {
          chroma_boost_row (u, v, cw, self->chroma_row);
          max_bytes (self->chroma_band, self->chroma_row, cw);
        }
    }

#ifdef __SSE2__
  /* Pooled by 4: two chroma pixels per cell; by 2: one. Eight cells at a
   * time; (l - 16) << 7 stays in 16 bits, and 2 × BT601_Y / 512 is
   * BT601_Y / 256.
   */
  if (f == 2 || f == 4)
    {
      const __m128i zero = _mm_setzero_si128 ();
      const __m128i low16 = _mm_set1_epi16 (0x00ff);

      for (; (mx + 8) * f <= self->width; mx += 8)
        {
          __m128i boost, luma;

          if (f == 4)
            {
              __m128i c = _mm_loadu_si128 ((const void *) (self->chroma_band + mx * 2));

              boost = _mm_and_si128 (_mm_max_epu8 (c, _mm_srli_epi16 (c, 8)), low16);
            }
          else
            boost = _mm_unpacklo_epi8 (_mm_loadl_epi64 ((const void *) (self->chroma_band + mx)), zero);

          luma = _mm_unpacklo_epi8 (_mm_loadl_epi64 ((const void *) (out + mx)), zero);
          luma = _mm_slli_epi16 (_mm_sub_epi16 (luma, _mm_set1_epi16 (16)), 7);
          luma = _mm_mulhi_epi16 (luma, _mm_set1_epi16 (2 * BT601_Y));
          luma = _mm_add_epi16 (luma, boost);
          _mm_storel_epi64 ((void *) (out + mx), _mm_packus_epi16 (luma, luma));
        }
    }
#endif

  for (; mx < self->mw; mx++)
    {
      int x0 = mx * f, x1 = MIN (x0 + f, self->width);
      int boost = 0;
      int luma = out[mx];

      for (int cx = x0 / 2; cx <= (x1 - 1) / 2; cx++)
        boost = MAX (boost, self->chroma_band[cx]);
      out[mx] = (guint8) CLAMP ((((luma - 16) * 128 * 2 * BT601_Y) >> 16) + boost, 0, 255);
    }
}

static void
pool_frame (LcLedDetector *self,
            const LcFrame *frame)
{
  gsize n = self->format == LC_PIXEL_FORMAT_I420 ? (gsize) self->width
                                                 : row_bytes (self->format, self->width);

  for (int my = 0; my < self->mh; my++)
    {
      int y0 = my * self->pool, y1 = MIN (y0 + self->pool, self->height);

      const guint8 *first = frame->data + (gsize) y0 * frame->stride;

      if (y1 - y0 == 1)
        pool_band (self, first, self->pooled + (gsize) my * self->mw);
      else
        {
          memcpy (self->colmax, first, n);
          for (int y = y0 + 1; y < y1; y++)
            max_bytes (self->colmax, frame->data + (gsize) y * frame->stride, n);
          pool_band (self, self->colmax, self->pooled + (gsize) my * self->mw);
        }
      if (self->format == LC_PIXEL_FORMAT_I420)
        add_chroma (self, frame, y0, y1, self->pooled + (gsize) my * self->mw);
    }
}

/* Global gain and noise */

/* log2 to about 0.01: enough to bin gain ratios. */
static inline float
fast_log2 (float x)
{
  union { float f; guint32 i; } u = { x };
  float e = (float) (int) ((u.i >> 23) & 255) - 128.0f;

  u.i = (u.i & 0x7fffff) | 0x3f800000;
  return e + (-0.34484843f * u.f + 2.02466578f) * u.f - 0.67487759f;
}

/* The median ratio of this frame to the slow reference, over mid-grey
 * cells: auto exposure and flickering room light scale the whole scene.
 */
static double
estimate_gain (LcLedDetector *self,
               double        *out_noise)
{
  enum { BINS = 128 };
  guint hist[BINS] = { 0, };
  guint diff_hist[64] = { 0, };
  guint n = 0, n_diff = 0;
  double gain = 1.0;

  for (int my = 1; my < self->mh; my += 4)
    {
      for (int mx = 1; mx < self->mw; mx += 4)
        {
          gsize i = (gsize) my * self->mw + mx;
          double ref = self->reference[i];
          double v = self->pooled[i];

          if (ref >= 20.0 && ref <= 220.0 && v >= 4.0 && v < 250.0)
            {
              double lr = fast_log2 ((float) (v / ref));
              int bin = (int) floor ((lr + 2.0) / 4.0 * BINS);

              hist[CLAMP (bin, 0, BINS - 1)]++;
              n++;
            }
        }
    }

  if (n >= 50)
    {
      guint acc = 0;

      for (int b = 0; b < BINS; b++)
        {
          acc += hist[b];
          if (acc * 2 >= n)
            {
              double frac = hist[b] > 0 ? 1.0 - (double) (acc * 2 - n) / (2.0 * hist[b]) : 0.5;

              gain = exp2 (((b + frac) / BINS) * 4.0 - 2.0);
              break;
            }
        }
    }
  else
    gain = self->gain;

  /* Noise: frame-to-frame change of the normalised map. */
  for (int my = 1; my < self->mh; my += 4)
    {
      for (int mx = 1; mx < self->mw; mx += 4)
        {
          gsize i = (gsize) my * self->mw + mx;
          double v = self->pooled[i];

          if (v < 250.0)
            {
              double d = fabs (v / gain - self->prev[i]);

              diff_hist[MIN ((int) d, 63)]++;
              n_diff++;
            }
        }
    }

  if (n_diff >= 50 && out_noise != NULL)
    {
      guint acc = 0;

      for (int b = 0; b < 64; b++)
        {
          acc += diff_hist[b];
          if (acc * 2 >= n_diff)
            {
              /* median |difference| of two noisy frames is ~0.95 σ */
              *out_noise = (b + 0.5) / 0.95;
              break;
            }
        }
    }

  return gain;
}

static void
update_maps (LcLedDetector *self,
             double         dt)
{
  gsize n = (gsize) self->mw * self->mh;
  float inv_gain = (float) (1.0 / self->gain);
  float k_hold = (float) CLAMP (dt / HOLD_TAU_S, 0.0, 1.0);
  float k_ref = (float) CLAMP (dt / REFERENCE_TAU_S, 0.0, 1.0);

  if (!self->maps_ready)
    {
      for (gsize i = 0; i < n; i++)
        {
          float v = self->pooled[i] * inv_gain;

          self->hi[i] = self->hi_before[i] = self->lo[i] = self->prev[i] = self->cur[i] = self->reference[i] = v;
        }
      self->maps_ready = TRUE;
      return;
    }

  /* The hold before this frame is kept: how long a cell had been dark
   * when a light came on is read from it (see dark_before()).
   */
  {
    float *tmp = self->hi_before;

    self->hi_before = self->hi;
    self->hi = tmp;
  }

  {
    gsize i = 0;

#ifdef __SSE2__
    __m128 g = _mm_set1_ps (inv_gain), kh = _mm_set1_ps (k_hold), kr = _mm_set1_ps (k_ref);
    __m128i zero = _mm_setzero_si128 ();

    for (; i + 4 <= n; i += 4)
      {
        gint32 bytes;
        __m128i px;
        __m128 v, h, l, r;

        memcpy (&bytes, self->pooled + i, 4);
        px = _mm_unpacklo_epi16 (_mm_unpacklo_epi8 (_mm_cvtsi32_si128 (bytes), zero), zero);
        v = _mm_mul_ps (_mm_cvtepi32_ps (px), g);
        h = _mm_loadu_ps (self->hi_before + i);
        l = _mm_loadu_ps (self->lo + i);
        r = _mm_loadu_ps (self->reference + i);
        _mm_storeu_ps (self->hi + i, _mm_max_ps (v, _mm_add_ps (h, _mm_mul_ps (_mm_sub_ps (v, h), kh))));
        _mm_storeu_ps (self->lo + i, _mm_min_ps (v, _mm_add_ps (l, _mm_mul_ps (_mm_sub_ps (v, l), kh))));
        _mm_storeu_ps (self->reference + i, _mm_add_ps (r, _mm_mul_ps (_mm_sub_ps (v, r), kr)));
        _mm_storeu_ps (self->cur + i, v);
      }
#endif

    /* The hold decays toward the value; a brighter (darker) value replaces it. */
    for (; i < n; i++)
      {
        float v = self->pooled[i] * inv_gain;
        float h = self->hi_before[i], l = self->lo[i];

        self->hi[i] = MAX (v, h + (v - h) * k_hold);
        self->lo[i] = MIN (v, l + (v - l) * k_hold);
        self->reference[i] += (v - self->reference[i]) * k_ref;
        self->cur[i] = v;
      }
  }
}

/* Candidates */

/* Ring offsets at the candidate radii, in pooled cells. */
static const int ring_radii[] = { 2, 3, 5, 8 };
#define N_RING_RADII G_N_ELEMENTS (ring_radii)
static const signed char ring_offsets[4][8][2] = {
  { { 2, 0 }, { 1, 1 }, { 0, 2 }, { -1, 1 }, { -2, 0 }, { -1, -1 }, { 0, -2 }, { 1, -1 } },
  { { 3, 0 }, { 2, 2 }, { 0, 3 }, { -2, 2 }, { -3, 0 }, { -2, -2 }, { 0, -3 }, { 2, -2 } },
  { { 5, 0 }, { 4, 4 }, { 0, 5 }, { -4, 4 }, { -5, 0 }, { -4, -4 }, { 0, -5 }, { 4, -4 } },
  { { 8, 0 }, { 6, 6 }, { 0, 8 }, { -6, 6 }, { -8, 0 }, { -6, -6 }, { 0, -8 }, { 6, -6 } },
};

#define SWAP_IF(a, b) G_STMT_START { if (v[a] > v[b]) { float tmp_ = v[a]; v[a] = v[b]; v[b] = tmp_; } } G_STMT_END

/* Median of eight: a sorting network (19 compare-exchanges). */
static inline float
median8 (float v[8])
{
  SWAP_IF (0, 2); SWAP_IF (1, 3); SWAP_IF (4, 6); SWAP_IF (5, 7);
  SWAP_IF (0, 4); SWAP_IF (1, 5); SWAP_IF (2, 6); SWAP_IF (3, 7);
  SWAP_IF (0, 1); SWAP_IF (2, 3); SWAP_IF (4, 5); SWAP_IF (6, 7);
  SWAP_IF (2, 4); SWAP_IF (3, 5);
  SWAP_IF (1, 4); SWAP_IF (3, 6);
  SWAP_IF (1, 2); SWAP_IF (3, 4); SWAP_IF (5, 6);

  return 0.5f * (v[3] + v[4]);
}

#undef SWAP_IF

/* Peak-hold brightness of a ring around (@x, @y): its median, and its
 * minimum (a cheap bound: the median is never below it).
 */
static inline void
ring_values (const float *map,
             int          mw,
             int          mh,
             int          x,
             int          y,
             guint        k,
             float        v[8],
             float       *out_min)
{
  float mn = G_MAXFLOAT;

  for (guint i = 0; i < 8; i++)
    {
      int rx = CLAMP (x + ring_offsets[k][i][0], 0, mw - 1);
      int ry = CLAMP (y + ring_offsets[k][i][1], 0, mh - 1);

      v[i] = map[(gsize) ry * mw + rx];
      mn = MIN (mn, v[i]);
    }

  *out_min = mn;
}

static double
contrast_floor (const LcLedDetector *self)
{
  return MAX (14.0, 5.0 * self->noise);
}

/* With @rising_only, only cells that brightened by the contrast floor
 * since the last frame are looked at: lights coming on.
 */
static guint
find_candidates (LcLedDetector *self,
                 gboolean       rising_only,
                 Candidate     *out)
{
  guint n = 0;
  int mw = self->mw, mh = self->mh;
  float floor_c = (float) contrast_floor (self);

  /* The border row and column are never candidates: it keeps the 3×3
   * test free of bounds checks.
   */
  for (int y = 1; y + 1 < mh; y++)
    {
      const float *row = self->hi + (gsize) y * mw;
      const float *up = row - mw, *down = row + mw;
      const float *cur = self->cur + (gsize) y * mw, *prev = self->prev + (gsize) y * mw;

      for (int x = 1; x + 1 < mw; x++)
        {
          float h;
          float best_c = 0.0f;
          int best_r = ring_radii[0];
          Candidate c;
          guint pos;

#ifdef __SSE2__
          /* Four cells at once: skip them all when none is a local maximum. */
          if ((x - 1) % 4 == 0 && x + 4 < mw)
            {
              __m128 hv = _mm_loadu_ps (row + x);
              __m128 ok = _mm_cmpge_ps (hv, _mm_set1_ps (floor_c));

              ok = _mm_and_ps (ok, _mm_cmpgt_ps (hv, _mm_loadu_ps (row + x - 1)));
              ok = _mm_and_ps (ok, _mm_cmpge_ps (hv, _mm_loadu_ps (row + x + 1)));
              ok = _mm_and_ps (ok, _mm_cmpgt_ps (hv, _mm_loadu_ps (up + x - 1)));
              ok = _mm_and_ps (ok, _mm_cmpgt_ps (hv, _mm_loadu_ps (up + x)));
              ok = _mm_and_ps (ok, _mm_cmpgt_ps (hv, _mm_loadu_ps (up + x + 1)));
              ok = _mm_and_ps (ok, _mm_cmpge_ps (hv, _mm_loadu_ps (down + x - 1)));
              ok = _mm_and_ps (ok, _mm_cmpge_ps (hv, _mm_loadu_ps (down + x)));
              ok = _mm_and_ps (ok, _mm_cmpge_ps (hv, _mm_loadu_ps (down + x + 1)));
              if (rising_only)
                ok = _mm_and_ps (ok, _mm_cmpge_ps (_mm_sub_ps (_mm_loadu_ps (cur + x), _mm_loadu_ps (prev + x)),
                                                   _mm_set1_ps (floor_c)));
              if (_mm_movemask_ps (ok) == 0)
                {
                  x += 3;
                  continue;
                }
            }
#endif

          /* Local maximum; ties go to the first cell in scan order. */
          h = row[x];
          if (h < floor_c || h <= row[x - 1] || h < row[x + 1])
            continue;
          if (h <= up[x - 1] || h <= up[x] || h <= up[x + 1] ||
              h < down[x - 1] || h < down[x] || h < down[x + 1])
            continue;
          if (rising_only && cur[x] - prev[x] < floor_c)
            continue;

          for (guint k = 0; k < N_RING_RADII; k++)
            {
              float ring[8], ring_min, cr;

              if (x >= 8 && y >= 8 && x + 8 < mw && y + 8 < mh)
                {
                  const float *centre = row + x;

                  ring_min = G_MAXFLOAT;
                  for (guint i = 0; i < 8; i++)
                    {
                      ring[i] = centre[self->ring_offset[k][i]];
                      ring_min = MIN (ring_min, ring[i]);
                    }
                }
              else
                ring_values (self->hi, mw, mh, x, y, k, ring, &ring_min);
              if (h - ring_min < floor_c)
                continue;
              cr = h - median8 (ring);
              if (cr > best_c * 1.15f)
                {
                  best_c = cr;
                  best_r = ring_radii[k];
                }
            }

          if (best_c < floor_c)
            continue;

          c.mx = x;
          c.my = y;
          c.contrast = best_c;
          c.swing = h - self->lo[(gsize) y * mw + x];
          c.radius = MAX (1.0, 0.5 * best_r * self->pool);
          c.score = best_c * (1.0 + 2.0 * MIN (1.0, c.swing / MAX (h, 1.0f)));

          /* Keep the best MAX_CANDIDATES, sorted by score. */
          if (n == MAX_CANDIDATES && c.score <= out[n - 1].score)
            continue;
          pos = MIN (n, MAX_CANDIDATES - 1);
          while (pos > 0 && out[pos - 1].score < c.score)
            {
              if (pos < MAX_CANDIDATES)
                out[pos] = out[pos - 1];
              pos--;
            }
          out[pos] = c;
          if (n < MAX_CANDIDATES)
            n++;
        }
    }

  return n;
}

/* Tracks */

/* No status light is bigger than this (a lamp or a screen is). */
static double
max_radius (const LcLedDetector *self)
{
  return MAX (6.0, 0.045 * self->width);
}

static Track *
track_new (LcLedDetector *self,
           double         cx,
           double         cy,
           double         radius,
           gint64         now)
{
  Track *t = g_new0 (Track, 1);

  t->id = ++self->next_id;
  t->cx = t->ax = cx;
  t->cy = t->ay = cy;
  t->radius = t->cand_radius = radius;
  t->compactness = 1.0;
  t->bg = -1.0;
  t->born_ns = now;
  t->last_match_ns = now;
  t->stable_since = now;
  t->last_edge_ns = -1;
  t->active_since = -1;

  return t;
}

static const Sample *
track_sample (const Track *t,
              guint        i)   /* 0 = oldest */
{
  return &t->samples[i];
}

static void
track_push (Track        *t,
            const Sample *s)
{
  /* Kept in one piece so that windows are plain arrays. */
  if (t->len == HISTORY_SIZE)
    {
      memmove (t->samples, t->samples + HISTORY_SIZE / 2, sizeof (Sample) * (HISTORY_SIZE / 2));
      t->len = HISTORY_SIZE / 2;
    }
  t->samples[t->len++] = *s;
}

static void
remove_track (LcLedDetector *self,
              guint          index)
{
  g_free (self->tracks[index]);
  self->tracks[index] = self->tracks[--self->n_tracks];
  self->tracks[self->n_tracks] = NULL;
}

static double
track_distance (const Track *t,
                double       x,
                double       y)
{
  return hypot (t->cx - x, t->cy - y);
}

/* Colour */

static void
rgb_to_hsv (const float rgb[3],
            double     *hue,
            double     *sat,
            double     *val)
{
  double r = MAX (rgb[0], 0.0f), g = MAX (rgb[1], 0.0f), b = MAX (rgb[2], 0.0f);
  double mx = MAX (MAX (r, g), b), mn = MIN (MIN (r, g), b);
  double d = mx - mn, h;

  *val = mx;
  *sat = mx > 0.0 ? d / mx : 0.0;
  if (d <= 0.0)
    h = 0.0;
  else if (mx == r)
    h = 60.0 * fmod ((g - b) / d + 6.0, 6.0);
  else if (mx == g)
    h = 60.0 * ((b - r) / d + 2.0);
  else
    h = 60.0 * ((r - g) / d + 4.0);

  *hue = h;
}

/* Saturated LEDs drift: red toward orange, blue toward cyan or violet. */
static LcColor
classify_color (const float rgb[3],
                double     *out_saturation)
{
  double hue, sat, val;

  rgb_to_hsv (rgb, &hue, &sat, &val);
  if (out_saturation != NULL)
    *out_saturation = sat;

  if (val <= 0.0)
    return LC_COLOR_NONE;
  if (sat < 0.25)
    return LC_COLOR_WHITE;
  if (hue < 20.0 || hue >= 318.0)
    return LC_COLOR_RED;
  if (hue < 52.0)
    return LC_COLOR_AMBER;
  if (hue < 172.0)
    return LC_COLOR_GREEN;
  return LC_COLOR_BLUE;
}

/* Measurement */

typedef struct
{
  gboolean valid;
  gboolean compact;    /* the ring is dark all around (not an edge) */
  double level;        /* core over background, 0..255 */
  double top;          /* core */
  double bg;           /* ring */
  float  rgb[3];
  gboolean has_color;
  float  disc[3];      /* mean of all pixels in the disc */
  double white;        /* mean of the channels over the core pixels */
  double cx, cy;       /* weighted centre of the lit pixels */
  double radius;       /* from the area above half level */
  gboolean centred;
} Measurement;

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static void
measure_track (LcLedDetector *self,
               const LcFrame *frame,
               const Track   *t,
               double         limit,
               Measurement   *m)
{
  enum { RING_POINTS = 32 };
  guint hist[256];
  int ring_v[RING_POINTS];
  int ring_rgb[RING_POINTS][3];
  guint n_ring = 0;
  double r_in = CLAMP (MAX (2.5, 1.6 * t->radius + 1.0), 2.5, MAX (4.0, 0.06 * self->width));
  double r_ring;
  int step;
  int x0, x1, y0, y1, n_in = 0, k, bg, top = 0, ring_q75;
  double top_sum = 0.0, bg_rgb[3] = { 0, 0, 0 };
  guint acc, n_bg = 0;

  memset (m, 0, sizeof *m);

  /* Stay clear of a neighbouring light, but never inside our own. */
  if (limit > 0.0)
    r_in = MIN (r_in, MAX (t->radius + 1.5, limit));
  r_ring = r_in + MAX (2.0, 0.6 * r_in);
  step = MAX (1, (int) (r_in / 10.0));

  /* Background: median of a ring of samples. */
  for (guint i = 0; i < RING_POINTS; i++)
    {
      double a = 2.0 * G_PI * i / RING_POINTS;
      int x = (int) lround (t->cx + r_ring * cos (a));
      int y = (int) lround (t->cy + r_ring * sin (a));

      if (x < 0 || y < 0 || x >= self->width || y >= self->height)
        continue;
      pixel_rgb (frame, x, y, ring_rgb[n_ring]);
      ring_v[n_ring] = MAX (MAX (ring_rgb[n_ring][0], ring_rgb[n_ring][1]), ring_rgb[n_ring][2]);
      if (frame->format == LC_PIXEL_FORMAT_GRAY8)
        ring_v[n_ring] = ring_rgb[n_ring][0];
      n_ring++;
    }

  /* Too close to the edge of the frame to tell the background. */
  if (n_ring < RING_POINTS * 2 / 3)
    return;

  {
    int sorted[RING_POINTS];

    memcpy (sorted, ring_v, n_ring * sizeof (int));
    qsort (sorted, n_ring, sizeof (int), compare_int);
    bg = sorted[n_ring / 2];
    ring_q75 = sorted[n_ring * 3 / 4];
  }

  /* Colour of the background: the ring samples no brighter than its median. */
  for (guint i = 0; i < n_ring; i++)
    {
      if (ring_v[i] <= bg)
        {
          for (guint c = 0; c < 3; c++)
            bg_rgb[c] += ring_rgb[i][c];
          n_bg++;
        }
    }
  for (guint c = 0; c < 3; c++)
    bg_rgb[c] /= MAX (n_bg, 1u);

  /* Core: mean of the brightest pixels inside. */
  memset (hist, 0, sizeof hist);
  x0 = MAX (0, (int) floor (t->cx - r_in));
  x1 = MIN (self->width - 1, (int) ceil (t->cx + r_in));
  y0 = MAX (0, (int) floor (t->cy - r_in));
  y1 = MIN (self->height - 1, (int) ceil (t->cy + r_in));

  for (int y = y0; y <= y1; y += step)
    {
      for (int x = x0; x <= x1; x += step)
        {
          double dx = x + 0.5 - t->cx, dy = y + 0.5 - t->cy;

          if (dx * dx + dy * dy > r_in * r_in)
            continue;
          hist[pixel_value (frame, x, y)]++;
          n_in++;
        }
    }

  if (n_in == 0)
    return;

  /* A few pixels: a size estimate that is too big must not dilute a tiny
   * light with background.
   */
  k = CLAMP ((int) (G_PI * t->radius * t->radius / (4.0 * step * step)), 3, 16);
  k = MIN (k, MAX (1, n_in / 3));
  acc = 0;
  for (int v = 255; v >= 0 && acc < (guint) k; v--)
    {
      guint take = MIN (hist[v], (guint) k - acc);

      if (top == 0 && hist[v] > 0)
        top = v;
      top_sum += (double) take * v;
      acc += take;
    }

  m->top = top_sum / MAX (acc, 1u);
  m->level = m->top - bg;
  m->bg = bg;
  m->valid = TRUE;
  m->compact = ring_q75 < bg + 0.5 * (top - bg);

  /* Lit pixels: position, size and colour. */
  {
    double half = bg + 0.5 * (top - bg);
    double colour_floor = bg + 0.25 * (top - bg);
    double core_floor = m->top - 0.5 * (m->top - bg);
    double sw = 0.0, sx = 0.0, sy = 0.0, rgb_sum[3] = { 0, 0, 0 };
    double disc_sum[3] = { 0, 0, 0 }, white_sum = 0.0;
    guint n_half = 0, n_colour = 0, n_disc = 0, n_core = 0;

    for (int y = y0; y <= y1; y += step)
      {
        for (int x = x0; x <= x1; x += step)
          {
            double dx = x + 0.5 - t->cx, dy = y + 0.5 - t->cy;
            int rgb[3], v;

            if (dx * dx + dy * dy > r_in * r_in)
              continue;

            pixel_rgb (frame, x, y, rgb);
            v = frame->format == LC_PIXEL_FORMAT_GRAY8 ? rgb[0] : MAX (MAX (rgb[0], rgb[1]), rgb[2]);

            for (guint c = 0; c < 3; c++)
              disc_sum[c] += rgb[c];
            n_disc++;
            if (v >= core_floor)
              {
                white_sum += (rgb[0] + rgb[1] + rgb[2]) / 3.0;
                n_core++;
              }

            if (top - bg < 6)
              continue;

            if (v >= half)
              {
                double w = v - half + 1.0;

                sw += w;
                sx += w * (x + 0.5);
                sy += w * (y + 0.5);
                n_half++;
              }

            if (v >= colour_floor && rgb[0] < CLIP_LEVEL && rgb[1] < CLIP_LEVEL && rgb[2] < CLIP_LEVEL)
              {
                for (guint c = 0; c < 3; c++)
                  rgb_sum[c] += rgb[c] - bg_rgb[c];
                n_colour++;
              }
          }
      }

    for (guint c = 0; c < 3; c++)
      m->disc[c] = (float) (disc_sum[c] / MAX (n_disc, 1u));
    m->white = white_sum / MAX (n_core, 1u);

    if (sw > 0.0)
      {
        m->cx = sx / sw;
        m->cy = sy / sw;
        m->centred = TRUE;
        m->radius = sqrt (n_half * step * step / G_PI);
      }

    if (n_colour > 0 && frame->format != LC_PIXEL_FORMAT_GRAY8)
      {
        for (guint c = 0; c < 3; c++)
          m->rgb[c] = (float) (rgb_sum[c] / n_colour);
        m->has_color = TRUE;
      }
  }
}

/* Reading the runs */

typedef struct
{
  gint64   t;
  gboolean rising;
  gboolean gap;      /* frames were missing since the previous edge */
} Edge;

typedef struct
{
  guint   n;
  Sample *s;         /* window of samples, oldest first (borrowed) */
  Edge   *edges;
  guint   n_edges;
  Run    *runs;
  guint   n_runs;
  double  m_lo, m_hi;    /* mean dark and lit levels */
  float   off_disc[3];   /* mean disc colour while dark (see on_off_color()) */
  guint   n_off;
  double  lo_x, hi_x, k; /* the same in log space (see split_levels()) */
} Window;

static void
window_clear (Window *w)
{
  g_free (w->edges);
  g_free (w->runs);
  memset (w, 0, sizeof *w);
}

static void
window_collect (Track       *t,
                gint64       now,
                Window      *w)
{
  guint first = 0;

  memset (w, 0, sizeof *w);
  /* Binary search for the first sample inside the window. */
  {
    guint hi_i = t->len;

    while (first < hi_i)
      {
        guint mid = first + (hi_i - first) / 2;

        if (t->samples[mid].pts < now - WINDOW_NS)
          first = mid + 1;
        else
          hi_i = mid;
      }
  }

  w->n = t->len - first;
  w->s = t->samples + first;
}

/* Levels are split in log space, with an offset @k above the noise: a
 * lit light that auto exposure makes twice as bright (or that clips) stays
 * in one cluster, far from the dark one.
 */
static inline double
level_x (double level,
         double k)
{
  return log (MAX (level, 0.0) + k);
}

/* Two-means split of the levels. */
static void
split_levels (Window *w,
              double  k,
              double *out_sd_lo,
              guint  *out_n_lo,
              guint  *out_n_hi)
{
  double mn = G_MAXDOUBLE, mx = -G_MAXDOUBLE, thr, lo = 0, hi = 0, sd = 0;
  double sum_lo = 0, sum_hi = 0;
  guint n_lo = 0, n_hi = 0;

  /* k moves in steps, so the logarithms are computed once per sample. */
  k = 4.0 * exp2 (round (log2 (MAX (k, 4.0) / 4.0) * 4.0) / 4.0);

  for (guint i = 0; i < w->n; i++)
    {
      double x;

      if (w->s[i].xk != (float) k)
        {
          w->s[i].x = (float) level_x (w->s[i].level, k);
          w->s[i].xk = (float) k;
        }
      x = w->s[i].x;
      mn = MIN (mn, x);
      mx = MAX (mx, x);
    }

  thr = 0.5 * (mn + mx);
  for (guint iter = 0; iter < 8; iter++)
    {
      double sx_lo = 0, sx_hi = 0;

      n_lo = n_hi = 0;
      for (guint i = 0; i < w->n; i++)
        {
          double x = w->s[i].x;

          if (x < thr)
            {
              sx_lo += x;
              n_lo++;
            }
          else
            {
              sx_hi += x;
              n_hi++;
            }
        }
      lo = n_lo > 0 ? sx_lo / n_lo : mn;
      hi = n_hi > 0 ? sx_hi / n_hi : mx;
      thr = 0.5 * (lo + hi);
    }

  n_lo = n_hi = 0;
  for (guint i = 0; i < w->n; i++)
    {
      if (w->s[i].x < thr)
        {
          sum_lo += w->s[i].level;
          n_lo++;
        }
      else
        {
          sum_hi += w->s[i].level;
          n_hi++;
        }
    }

  w->k = k;
  w->lo_x = lo;
  w->hi_x = hi;
  w->m_lo = n_lo > 0 ? sum_lo / n_lo : 0.0;
  w->m_hi = n_hi > 0 ? sum_hi / n_hi : 0.0;

  for (guint i = 0; i < w->n; i++)
    {
      if (w->s[i].x < thr)
        sd += (w->s[i].level - w->m_lo) * (w->s[i].level - w->m_lo);
    }

  *out_sd_lo = n_lo > 1 ? sqrt (sd / (n_lo - 1)) : 0.0;
  *out_n_lo = n_lo;
  *out_n_hi = n_hi;
}

/* Linear level at fraction @f between the dark and lit clusters (in log space). */
static double
window_level_at (const Window *w,
                 double        f)
{
  return exp (w->lo_x + f * (w->hi_x - w->lo_x)) - w->k;
}

static gboolean
is_gap (const LcLedDetector *self,
        const Sample        *a,
        const Sample        *b)
{
  return (b->pts - a->pts) / NS_PER_S > 1.6 * self->interval_s;
}

/* Binarise with hysteresis. An edge is placed where the level crosses
 * half-way between the dark level and the lit level next to it,
 * interpolated between samples, so partly exposed frames place it within
 * the frame interval.
 */
static void
find_edges (Window *w)
{
  double up = window_level_at (w, 0.6), down = window_level_at (w, 0.4);
  gboolean on, gap = FALSE;
  guint last_edge_index = 0;

  w->edges = g_new (Edge, MAX (w->n, 1u));
  w->n_edges = 0;
  if (w->n == 0)
    return;

  on = w->s[0].level >= window_level_at (w, 0.5);
  for (guint i = 1; i < w->n; i++)
    {
      double v = w->s[i].level, lit, mid;
      gboolean flip = on ? v < down : v > up;
      gint64 t;

      gap |= w->s[i].gap > 0;
      if (!flip)
        continue;

      if (!on)
        lit = MAX (v, i + 1 < w->n ? w->s[i + 1].level : v);
      else
        lit = MAX (w->s[i - 1].level, i >= 2 && i - 2 >= last_edge_index ? w->s[i - 2].level : 0.0);
      mid = 0.5 * (lit + w->m_lo);

      /* The last crossing of the middle since the previous edge. */
      t = w->s[i - 1].pts + (w->s[i].pts - w->s[i - 1].pts) / 2;
      for (guint j = i; j > last_edge_index && j >= 1; j--)
        {
          double a = w->s[j - 1].level, b = w->s[j].level;

          if ((!on && a < mid && b >= mid) || (on && a >= mid && b < mid))
            {
              double frac = (mid - a) / (b - a);

              frac = CLAMP (frac, 0.0, 1.0);
              t = w->s[j - 1].pts + (gint64) (frac * (w->s[j].pts - w->s[j - 1].pts));
              break;
            }
        }

      if (w->n_edges > 0 && t <= w->edges[w->n_edges - 1].t)
        t = w->edges[w->n_edges - 1].t + 1;

      w->edges[w->n_edges].t = t;
      w->edges[w->n_edges].rising = !on;
      w->edges[w->n_edges].gap = gap;
      gap = FALSE;
      w->n_edges++;
      on = !on;
      last_edge_index = i;
    }
}

/* A lone frame on the wrong side, in a light whose runs are long, is
 * noise: its two edges go. (Blinks too fast for the camera have runs of
 * one frame throughout, so they keep theirs.)
 */
static void
drop_glitches (Window *w)
{
  g_autofree guint *lengths = NULL;
  g_autofree guint *sorted = NULL;
  guint si = 0, n_inner, out = 0;

  if (w->n_edges < 4)
    return;

  /* Samples in the run before each edge (run r ends at edge r). */
  lengths = g_new0 (guint, w->n_edges + 1);
  for (guint r = 0; r <= w->n_edges; r++)
    {
      gint64 end = r < w->n_edges ? w->edges[r].t : G_MAXINT64;

      for (; si < w->n && w->s[si].pts < end; si++)
        lengths[r]++;
    }

  n_inner = w->n_edges - 1;
  sorted = g_memdup2 (lengths + 1, n_inner * sizeof (guint));
  for (guint i = 1; i < n_inner; i++)
    {
      guint v = sorted[i], j = i;

      for (; j > 0 && sorted[j - 1] > v; j--)
        sorted[j] = sorted[j - 1];
      sorted[j] = v;
    }
  if (sorted[n_inner / 2] < 4)
    return;

  for (guint e = 0; e < w->n_edges; e++)
    {
      /* Run e + 1 lies between edges e and e + 1. */
      if (e + 1 < w->n_edges && lengths[e + 1] <= 1 && lengths[e] >= 3 && lengths[e + 2] >= 3)
        {
          lengths[e + 2] += lengths[e] + lengths[e + 1];
          if (e + 2 < w->n_edges)
            w->edges[e + 2].gap |= w->edges[e].gap || w->edges[e + 1].gap;
          e++;
          continue;
        }
      w->edges[out++] = w->edges[e];
    }
  w->n_edges = out;
}

/* Runs between edges, with the colour of their fully lit samples. */
static void
find_runs (Window *w,
           gint64  window_start,
           gint64  now)
{
  double full = window_level_at (w, 0.75);
  guint si = 0;

  w->runs = g_new0 (Run, w->n_edges + 1);
  w->n_runs = w->n_edges + 1;

  for (guint r = 0; r < w->n_runs; r++)
    {
      Run *run = &w->runs[r];

      run->start = r == 0 ? window_start : w->edges[r - 1].t;
      run->end = r == w->n_edges ? now : w->edges[r].t;
      run->start_known = r > 0;
      run->end_known = r < w->n_edges;
      if (w->n_edges == 0)
        run->on = w->n > 0 && w->s[0].level >= window_level_at (w, 0.5);
      else
        run->on = r < w->n_edges ? !w->edges[r].rising : w->edges[r - 1].rising;

      for (; si < w->n && w->s[si].pts < run->end; si++)
        {
          run->n_samples++;
          if (w->s[si].gap > 0 && run->n_samples > 1)
            run->gap = TRUE;
          if (run->on && w->s[si].level >= full && w->s[si].has_color)
            {
              for (guint c = 0; c < 3; c++)
                {
                  run->rgb[c] += w->s[si].rgb[c];
                  run->disc[c] += w->s[si].disc[c];
                }
              run->n_rgb++;
            }
          else if (!run->on && w->s[si].level <= window_level_at (w, 0.25))
            {
              for (guint c = 0; c < 3; c++)
                w->off_disc[c] += w->s[si].disc[c];
              w->n_off++;
            }
        }
    }
}

/* The colour an LED adds to its disc between dark and lit. Where the core
 * clips to white (a bright LED, a light housing) the halo says little, but
 * lit minus dark still leans toward the LED's colour, whatever the colour
 * of the housing or the white balance.
 */
static gboolean
on_off_color (const Window *w,
              const float   lit_sum[3],
              guint         n_lit,
              float         out[3])
{
  if (w->n_off < 2 || n_lit == 0)
    return FALSE;

  for (guint c = 0; c < 3; c++)
    out[c] = lit_sum[c] / n_lit - w->off_disc[c] / w->n_off;

  return MAX (MAX (out[0], out[1]), out[2]) >= 6.0f;
}

static double
run_seconds (const Run *run)
{
  return (run->end - run->start) / NS_PER_S;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *v,
        guint   n)
{
  if (n == 0)
    return 0.0;
  qsort (v, n, sizeof (double), compare_double);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* Colours of the light: one, or a repeating sequence of lit runs. */
static void
read_colors (const Window *w,
             ReadingKey   *key,
             double       *out_saturation)
{
  LcColor labels[64];
  guint n_labels = 0;
  float total[3] = { 0, 0, 0 }, total_disc[3] = { 0, 0, 0 }, added[3];
  guint n_total = 0;
  double sat = 0.0, added_sat = 0.0;
  LcColor main_color;
  gboolean use_added;

  for (guint r = 0; r < w->n_runs; r++)
    {
      const Run *run = &w->runs[r];

      if (!run->on || run->n_rgb == 0)
        continue;
      for (guint c = 0; c < 3; c++)
        {
          total[c] += run->rgb[c];
          total_disc[c] += run->disc[c];
        }
      n_total += run->n_rgb;
    }

  /* Halo or lit-minus-dark: whichever tells the colour more clearly. */
  classify_color (total, &sat);
  use_added = sat < HALO_MIN_SATURATION && on_off_color (w, total_disc, n_total, added) &&
              (classify_color (added, &added_sat), added_sat > sat);

  for (guint r = 0; r < w->n_runs; r++)
    {
      const Run *run = &w->runs[r];
      float mean[3];

      if (!run->on || run->n_rgb == 0)
        continue;
      if (!use_added || !on_off_color (w, run->disc, run->n_rgb, mean))
        {
          for (guint c = 0; c < 3; c++)
            mean[c] = run->rgb[c] / run->n_rgb;
        }
      if (n_labels < G_N_ELEMENTS (labels))
        labels[n_labels++] = classify_color (mean, NULL);
      else
        {
          memmove (labels, labels + 1, sizeof (LcColor) * (n_labels - 1));
          labels[n_labels - 1] = classify_color (mean, NULL);
        }
    }

  main_color = use_added ? classify_color (added, &sat) : classify_color (total, &sat);
  *out_saturation = sat;
  key->n_colors = main_color != LC_COLOR_NONE ? 1 : 0;
  key->colors[0] = main_color;

  /* Alternation: the last lit runs repeat a cycle of 2 or 3 colours. */
  for (guint cycle = 2; cycle <= LC_LIGHT_MAX_COLORS; cycle++)
    {
      guint need = 2 * cycle, ok = TRUE, distinct = 0;
      LcColor seq[LC_LIGHT_MAX_COLORS];

      if (n_labels < need)
        break;

      for (guint i = n_labels - need; i < n_labels && ok; i++)
        {
          if (labels[i] == LC_COLOR_NONE || labels[i] == LC_COLOR_WHITE ||
              labels[i] != labels[i >= cycle ? i - cycle : i])
            ok = FALSE;
        }
      if (!ok)
        continue;

      for (guint i = 0; i < cycle; i++)
        {
          seq[i] = labels[n_labels - cycle + i];
          for (guint j = 0; j < i; j++)
            {
              if (seq[j] == seq[i])
                ok = FALSE;
            }
        }
      if (!ok)
        continue;

      /* Start the cycle at its lowest colour, so the reading is stable. */
      {
        guint start = 0;

        for (guint i = 1; i < cycle; i++)
          {
            if (seq[i] < seq[start])
              start = i;
          }
        for (guint i = 0; i < cycle; i++)
          key->colors[i] = seq[(start + i) % cycle];
        distinct = cycle;
      }
      key->n_colors = distinct;
      break;
    }
}

typedef struct
{
  guint  n;          /* periods measured (edge to edge of the same kind) */
  guint  good;       /* within the tolerance of their median */
  guint  bad;
  guint  recent_bad; /* among the last four */
  double good_sum;   /* seconds */
} Periods;

/* Periods from rising edge to rising edge and falling to falling, split
 * into steady ones and outliers (an edge lost in noise, or a light first
 * seen halfway through a blink, spoils one or two). An outlier across
 * missing frames is left out: a lost frame may have hidden a whole blink.
 * Returns FALSE when there is none.
 */
static gboolean
read_periods (const Window *w,
              double        interval_s,
              Periods      *ps)
{
  g_autofree double *periods = g_new (double, w->n_edges + 1);
  g_autofree gboolean *gappy = g_new (gboolean, w->n_edges + 1);
  g_autofree double *sorted = NULL;
  gint64 prev_r = -1, prev_f = -1;
  double med, tol;
  guint recent;

  memset (ps, 0, sizeof *ps);
  for (guint e = 0; e < w->n_edges; e++)
    {
      gint64 *prev = w->edges[e].rising ? &prev_r : &prev_f;

      if (*prev >= 0)
        {
          gappy[ps->n] = w->edges[e].gap || (e > 0 && w->edges[e - 1].gap);
          periods[ps->n++] = (w->edges[e].t - *prev) / NS_PER_S;
        }
      *prev = w->edges[e].t;
    }
  if (ps->n == 0)
    return FALSE;

  sorted = g_memdup2 (periods, ps->n * sizeof (double));
  med = median (sorted, ps->n);
  tol = MAX (0.25 * med, 1.6 * interval_s);
  recent = MIN (ps->n, 4u);

  for (guint i = 0; i < ps->n; i++)
    {
      if (fabs (periods[i] - med) > tol && gappy[i])
        continue;
      if (fabs (periods[i] - med) > tol)
        {
          ps->bad++;
          ps->recent_bad += i >= ps->n - recent;
        }
      else
        {
          ps->good_sum += periods[i];
          ps->good++;
        }
    }

  return TRUE;
}

typedef struct
{
  ReadingKey key;
  gboolean   confirmed;
  double     rate_hz;
  double     on_ms, off_ms, pause_ms;
  gboolean   active;
} Reading;

/* Blink, burst, too fast or unknown, from the runs. */
static void
read_pattern (const LcLedDetector *self,
              const Window        *w,
              Reading             *rd)
{
  g_autofree double *ons = g_new (double, w->n_runs + 1);
  g_autofree double *offs = g_new (double, w->n_runs + 1);
  g_autofree double *tmp = g_new (double, w->n_runs + 1);
  guint n_on = 0, n_off = 0;
  const Run *last = &w->runs[w->n_runs - 1];
  double mean_on, med_off, max_on = 0.0, max_off = 0.0;
  double fps = 1.0 / self->interval_s;
  gint64 r_first = -1, r_last = -1, f_first = -1, f_last = -1;
  guint n_r = 0, n_f = 0;
  double rate = 0.0;

  for (guint r = 0; r < w->n_runs; r++)
    {
      const Run *run = &w->runs[r];

      if (!run->start_known || !run->end_known)
        continue;
      if (run->on)
        {
          ons[n_on++] = run_seconds (run);
          max_on = MAX (max_on, run_seconds (run));
        }
      else
        {
          offs[n_off++] = run_seconds (run);
          max_off = MAX (max_off, run_seconds (run));
        }
    }

  /* The mean: edge timing errors average out over the runs. */
  mean_on = 0.0;
  for (guint i = 0; i < n_on; i++)
    mean_on += ons[i] / n_on;
  memcpy (tmp, offs, n_off * sizeof (double));
  med_off = median (tmp, n_off);

  for (guint e = 0; e < w->n_edges; e++)
    {
      if (w->edges[e].rising)
        {
          if (r_first < 0)
            r_first = w->edges[e].t;
          r_last = w->edges[e].t;
          n_r++;
        }
      else
        {
          if (f_first < 0)
            f_first = w->edges[e].t;
          f_last = w->edges[e].t;
          n_f++;
        }
    }

  if (n_r >= 2 || n_f >= 2)
    {
      double span = 0.0;
      guint periods = 0;

      if (n_r >= 2)
        {
          span += (r_last - r_first) / NS_PER_S;
          periods += n_r - 1;
        }
      if (n_f >= 2)
        {
          span += (f_last - f_first) / NS_PER_S;
          periods += n_f - 1;
        }
      if (span > 0.0)
        rate = periods / span;
    }

  /* The light stopped: lit (or dark) for much longer than its pattern. */
  if (last->on && run_seconds (last) > MAX (SOLID_PROVISIONAL_S, 3.0 * MAX (max_on, max_off)) &&
      w->n_edges > 0)
    {
      rd->key.kind = LC_DETECTED_SOLID;
      rd->confirmed = run_seconds (last) >= SOLID_CONFIRMED_S;
      return;
    }
  if (!last->on && run_seconds (last) > MAX (DARK_AFTER_S, 3.0 * MAX (max_on, max_off)))
    {
      rd->key.kind = LC_DETECTED_NONE;
      rd->active = FALSE;
      return;
    }

  /* Too fast for the camera: rate beyond what the frame rate can time, or
   * most runs a single frame long (dropped frames hide some edges, which
   * lowers the apparent rate).
   */
  {
    guint single = 0, counted = 0;

    for (guint r = 0; r < w->n_runs; r++)
      {
        const Run *run = &w->runs[r];

        if (!run->start_known || !run->end_known || run->gap)
          continue;
        counted++;
        single += run->n_samples <= 1;
      }
    if (counted >= 8 && single * 100 >= counted * 65)
      rate = MAX (rate, fps);
  }

  if (w->n_edges >= 4 && rate > TOO_FAST_FRACTION * fps)
    {
      rd->key.kind = LC_DETECTED_TOO_FAST;
      rd->confirmed = w->n_edges >= 8;
      return;
    }

  /* Bursts: dark gaps of two kinds, short between blinks and long pauses. */
  {
    double thr = 0.0;
    gboolean burst = FALSE;

    if (n_off >= 2)
      {
        memcpy (tmp, offs, n_off * sizeof (double));
        qsort (tmp, n_off, sizeof (double), compare_double);
        for (guint i = 0; i + 1 < n_off; i++)
          {
            if (tmp[i + 1] >= 2.0 * tmp[i] && tmp[i + 1] >= 0.4 && (thr == 0.0 || tmp[i + 1] / tmp[i] > 2.0))
              {
                thr = sqrt (tmp[i] * tmp[i + 1]);
                burst = TRUE;
                break;
              }
          }
      }

    /* A pause in progress, longer than any gap so far. */
    if (!burst && n_off >= 1 && !last->on &&
        run_seconds (last) > MAX (2.0 * max_off, 0.35))
      {
        thr = sqrt (max_off * run_seconds (last));
        thr = MIN (thr, 0.5 * run_seconds (last) + 0.5 * max_off);
        burst = TRUE;
      }

    /* One blink then a long dark time, every time: a burst of one. */
    if (!burst && n_off >= 1 && n_on >= 1 && med_off >= 2.5 * mean_on && med_off >= 0.5)
      {
        thr = 0.5 * med_off;
        burst = TRUE;
      }

    if (burst)
      {
        guint groups[32];
        guint n_groups = 0, count = 0;
        gboolean open = FALSE;
        double pause_sum = 0.0, short_sum = 0.0;
        guint n_pause = 0, n_short = 0;

        for (guint r = 0; r < w->n_runs; r++)
          {
            const Run *run = &w->runs[r];
            gboolean pause = !run->on && run_seconds (run) >= thr;

            if (pause)
              {
                if (open && run->start_known && n_groups < G_N_ELEMENTS (groups))
                  groups[n_groups++] = count;
                else if (open && run->start_known)
                  {
                    memmove (groups, groups + 1, sizeof (guint) * (n_groups - 1));
                    groups[n_groups - 1] = count;
                  }
                open = TRUE;
                count = 0;
                if (run->start_known && run->end_known)
                  {
                    pause_sum += run_seconds (run);
                    n_pause++;
                  }
              }
            else if (run->on && open)
              count++;
            else if (!run->on && run->start_known && run->end_known)
              {
                short_sum += run_seconds (run);
                n_short++;
              }
          }

        rd->key.kind = LC_DETECTED_BURST;
        rd->key.count = n_groups > 0 ? groups[n_groups - 1] : 0;
        rd->confirmed = n_groups >= 2 && groups[n_groups - 1] == groups[n_groups - 2];
        rd->on_ms = mean_on * 1000.0;
        rd->off_ms = n_short > 0 ? short_sum / n_short * 1000.0 : rd->on_ms;
        rd->pause_ms = n_pause > 0 ? pause_sum / n_pause * 1000.0 : thr * 1000.0;
        if (rd->on_ms > 0 && rd->off_ms > 0)
          rd->rate_hz = 1000.0 / (rd->on_ms + rd->off_ms);

        /* Inside a group it may still be too fast to count. */
        if (rd->rate_hz > TOO_FAST_FRACTION * fps)
          {
            rd->key.kind = LC_DETECTED_TOO_FAST;
            rd->key.count = 0;
          }
        return;
      }
  }

  /* Blink: steady periods, edge to edge. */
  {
    Periods ps;

    if (read_periods (w, self->interval_s, &ps) &&
        ps.recent_bad <= (ps.n >= 8 ? 1u : 0u) && (ps.bad == 0 || ps.bad * 4 <= ps.n))
      {
        rd->key.kind = LC_DETECTED_BLINK;
        rd->confirmed = MAX (n_r, n_f) >= 3 && ps.good >= 2;
        rd->rate_hz = ps.good > 0 ? ps.good / ps.good_sum : rate;
        rd->on_ms = mean_on * 1000.0;
        rd->off_ms = med_off * 1000.0;
        return;
      }
  }

  rd->key.kind = w->n_edges >= 6 ? LC_DETECTED_UNKNOWN : LC_DETECTED_NONE;
}

/* Fade: many samples between dark and full (even when the top clips),
 * and no jumps between frames.
 */
static gboolean
read_fade (const LcLedDetector *self,
           const Window        *w,
           Reading             *rd)
{
  double mn = G_MAXDOUBLE, mx = -G_MAXDOUBLE, range, lo, hi, mid_level;
  guint hist[64] = { 0, };
  guint mid = 0, jumps = 0, pairs = 0, ups = 0, acc, n_intervals = 0;
  double intervals[64];
  gint64 up_first = -1, up_last = -1;
  gboolean low;

  if (w->n < 10)
    return FALSE;

  for (guint i = 0; i < w->n; i++)
    {
      mn = MIN (mn, w->s[i].level);
      mx = MAX (mx, w->s[i].level);
    }
  if (mx - mn <= 0.0)
    return FALSE;

  /* Robust ends: 3rd and 97th percentiles. */
  for (guint i = 0; i < w->n; i++)
    hist[MIN (63, (int) ((w->s[i].level - mn) / (mx - mn) * 64))]++;
  lo = mn;
  hi = mx;
  acc = 0;
  for (guint b = 0; b < 64; b++)
    {
      acc += hist[b];
      if (acc >= 0.03 * w->n)
        {
          lo = mn + (b + 0.5) / 64 * (mx - mn);
          break;
        }
    }
  acc = 0;
  for (guint b = 64; b-- > 0;)
    {
      acc += hist[b];
      if (acc >= 0.03 * w->n)
        {
          hi = mn + (b + 0.5) / 64 * (mx - mn);
          break;
        }
    }
  range = hi - lo;
  if (range <= 0.0)
    return FALSE;

  for (guint i = 0; i < w->n; i++)
    {
      double v = (w->s[i].level - lo) / range;

      if (v > 0.2 && v < 0.8)
        mid++;
      if (i > 0 && !is_gap (self, &w->s[i - 1], &w->s[i]))
        {
          pairs++;
          if (fabs (w->s[i].level - w->s[i - 1].level) > 0.45 * range)
            jumps++;
        }
    }

  if (mid < 0.12 * w->n || jumps > 0.02 * pairs + 1)
    return FALSE;

  /* Period from crossings of a third of the range, upward and downward,
   * on a lightly smoothed level and interpolated (a third: low enough that
   * a breath dimmed by auto exposure still crosses it); a crossing counts
   * once the level went back past 15 % or 50 %. A breath missed anyway
   * shows as an interval twice as long.
   */
  mid_level = lo + 0.33 * range;
  {
    gint64 down_last = -1;
    gboolean descended = TRUE;
    double prev_v = 0.0;
    gint64 prev_t = 0;

    low = TRUE;
    for (guint i = 0; i < w->n; i++)
      {
        double v = 0.0;
        guint n_avg = 0;
        gint64 t;

        for (guint j = i >= 2 ? i - 2 : 0; j <= i + 2 && j < w->n; j++, n_avg++)
          v += w->s[j].level;
        v /= n_avg;

        if (i == 0)
          {
            low = (v - lo) / range < 0.33;
            prev_v = v;
            prev_t = w->s[i].pts;
            continue;
          }

        t = prev_t + (gint64) (CLAMP ((mid_level - prev_v) / (v - prev_v + 1e-9), 0.0, 1.0) * (w->s[i].pts - prev_t));
        if (low && prev_v < mid_level && v >= mid_level)
          {
            low = FALSE;
            descended = FALSE;
            if (up_last >= 0 && n_intervals < G_N_ELEMENTS (intervals))
              intervals[n_intervals++] = (t - up_last) / NS_PER_S;
            if (up_first < 0)
              up_first = t;
            up_last = t;
            ups++;
          }
        else if (!low && !descended && prev_v >= mid_level && v < mid_level)
          {
            descended = TRUE;
            if (down_last >= 0 && n_intervals < G_N_ELEMENTS (intervals))
              intervals[n_intervals++] = (t - down_last) / NS_PER_S;
            down_last = t;
          }

        if (!low && (v - lo) / range < 0.15)
          low = TRUE;

        prev_v = v;
        prev_t = w->s[i].pts;
      }
  }

  rd->key.kind = LC_DETECTED_FADE;
  rd->active = TRUE;
  if (ups >= 2 && up_last > up_first)
    {
      double sorted[G_N_ELEMENTS (intervals)], base, total = 0.0;
      guint breaths = 0;
      double period;

      memcpy (sorted, intervals, n_intervals * sizeof (double));
      base = median (sorted, n_intervals);
      for (guint i = 0; i < n_intervals; i++)
        {
          total += intervals[i];
          breaths += MAX (1, (guint) lround (intervals[i] / base));
        }
      period = total / breaths;

      rd->rate_hz = 1.0 / period;
      rd->on_ms = rd->off_ms = period * 500.0;
      rd->confirmed = ups >= 3;
    }
  else
    rd->key.kind = LC_DETECTED_NONE;

  return TRUE;
}

static gboolean
reading_key_equal (const ReadingKey *a,
                   const ReadingKey *b)
{
  if (a->kind != b->kind || a->count != b->count || a->n_colors != b->n_colors)
    return FALSE;
  for (guint i = 0; i < a->n_colors; i++)
    {
      if (a->colors[i] != b->colors[i])
        return FALSE;
    }
  return TRUE;
}

/* Chromaticity of a colour: (r, g) over r + g + b; FALSE when too dark. */
static gboolean
chromaticity (const float rgb[3],
              double      out[2])
{
  double r = MAX (rgb[0], 0.0f), g = MAX (rgb[1], 0.0f), b = MAX (rgb[2], 0.0f);
  double sum = r + g + b;

  if (sum < 12.0)
    return FALSE;
  out[0] = r / sum;
  out[1] = g / sum;
  return TRUE;
}

/* A light that stays lit but changes colour in a steady rhythm (an RGB LED
 * alternating white and cyan, blue and green) is an alternating blink: its
 * brightness says nothing, its hue does. The lit samples from @first on are
 * split into two colours (2-means on chromaticity); if they are distinct
 * and take turns in runs of a steady length, this fills @rd as a blink of
 * two colours, one per run. Two runs of each colour make it confirmed.
 */
static gboolean
read_hue_alternation (const Window *w,
                      guint         first,
                      double        interval_s,
                      Reading      *rd)
{
  enum { MAX_RUNS = 64 };
  g_autofree guint8 *label = g_new0 (guint8, MAX (w->n, 1u));
  g_autofree gboolean *valid = g_new0 (gboolean, MAX (w->n, 1u));
  double centre[2][2], mean_all[2] = { 0, 0 };
  float sum_rgb[2][3] = { { 0, 0, 0 }, { 0, 0, 0 } };
  double run_s[MAX_RUNS], sorted[MAX_RUNS];
  guint n_valid = 0, count[2] = { 0, 0 }, n_runs = 0, steady = 0;
  double far = -1.0, med;
  gint64 run_start = -1;
  int current = -1;
  LcColor colors[2];

  for (guint i = first; i < w->n; i++)
    {
      double ch[2] = { 0, 0 };

      if (!w->s[i].has_color || !chromaticity (w->s[i].rgb, ch))
        continue;
      valid[i] = TRUE;
      mean_all[0] += ch[0];
      mean_all[1] += ch[1];
      n_valid++;
    }
  if (n_valid < 8)
    return FALSE;
  mean_all[0] /= n_valid;
  mean_all[1] /= n_valid;

  /* Seeds: the sample farthest from the mean, then the one farthest from it. */
  for (guint pass = 0; pass < 2; pass++)
    {
      const double *from = pass == 0 ? mean_all : centre[0];

      far = -1.0;
      for (guint i = first; i < w->n; i++)
        {
          double ch[2] = { 0, 0 }, d;

          if (!valid[i])
            continue;
          chromaticity (w->s[i].rgb, ch);
          d = hypot (ch[0] - from[0], ch[1] - from[1]);
          if (d > far)
            {
              far = d;
              centre[pass][0] = ch[0];
              centre[pass][1] = ch[1];
            }
        }
    }

  for (guint iter = 0; iter < 6; iter++)
    {
      double acc[2][2] = { { 0, 0 }, { 0, 0 } };

      count[0] = count[1] = 0;
      for (guint i = first; i < w->n; i++)
        {
          double ch[2] = { 0, 0 };
          int k;

          if (!valid[i])
            continue;
          chromaticity (w->s[i].rgb, ch);
          k = hypot (ch[0] - centre[1][0], ch[1] - centre[1][1]) <
              hypot (ch[0] - centre[0][0], ch[1] - centre[0][1]);
          label[i] = (guint8) k;
          acc[k][0] += ch[0];
          acc[k][1] += ch[1];
          count[k]++;
        }
      for (guint k = 0; k < 2; k++)
        {
          if (count[k] == 0)
            return FALSE;
          centre[k][0] = acc[k][0] / count[k];
          centre[k][1] = acc[k][1] / count[k];
        }
    }

  if (hypot (centre[0][0] - centre[1][0], centre[0][1] - centre[1][1]) < HUE_SPLIT_MIN ||
      MIN (count[0], count[1]) * 5 < n_valid)
    return FALSE;

  /* Runs of one colour; a lone sample of the other colour is noise. */
  for (guint i = first; i < w->n; i++)
    {
      int k;

      if (!valid[i])
        continue;
      k = label[i];
      if (k != current)
        {
          gboolean lone = i + 1 < w->n && valid[i + 1] && label[i + 1] != k;

          if (lone && current >= 0)
            continue;
          if (current >= 0 && run_start >= 0 && n_runs < MAX_RUNS)
            run_s[n_runs++] = (w->s[i].pts - run_start) / NS_PER_S;
          run_start = current >= 0 ? w->s[i].pts : -1;
          current = k;
        }
      for (guint c = 0; c < 3; c++)
        sum_rgb[k][c] += w->s[i].rgb[c];
    }

  /* Whole runs only: the first one started before it was seen. */
  if (n_runs < 2)
    return FALSE;

  memcpy (sorted, run_s, n_runs * sizeof (double));
  med = median (sorted, n_runs);
  if (med < 2.5 * interval_s)
    return FALSE;
  for (guint i = 0; i < n_runs; i++)
    steady += fabs (run_s[i] - med) <= MAX (0.25 * med, 1.6 * interval_s);
  if (steady * 4 < n_runs * 3)
    return FALSE;

  colors[0] = classify_color (sum_rgb[0], NULL);
  colors[1] = classify_color (sum_rgb[1], NULL);
  if (colors[0] == colors[1] || colors[0] == LC_COLOR_NONE || colors[1] == LC_COLOR_NONE)
    return FALSE;

  rd->key.kind = LC_DETECTED_BLINK;
  rd->key.n_colors = 2;
  rd->key.colors[0] = MIN (colors[0], colors[1]);
  rd->key.colors[1] = MAX (colors[0], colors[1]);
  rd->rate_hz = 1.0 / med;
  /* Never dark: a blink of the whole run with a dark gap of a millisecond
   * (zero would read as "not measured").
   */
  rd->on_ms = 1000.0 * med - 1.0;
  rd->off_ms = 1.0;
  rd->active = TRUE;
  rd->confirmed = steady >= 4;

  return TRUE;
}

/* How much a lit light's core varies: (90th - 10th percentile) / 90th.
 * Measured on the core itself, not over the ring: a blinking neighbour
 * moves the ring, not a steady light.
 */
static double
level_spread (const Window *w,
              guint         first)
{
  guint n = 0, n_clipped = 0;
  g_autofree double *v = NULL;
  double p10, p90;

  if (w->n - first < 5)
    return 0.0;
  v = g_new (double, w->n - first);
  for (guint i = first; i < w->n; i++)
    {
      if (w->s[i].top < 0.0f)
        n_clipped++;
      else
        v[n++] = w->s[i].top;
    }
  /* Clipped most of the time: as steady as the camera can tell. */
  if (n < 5 || n_clipped > n)
    return 0.0;
  qsort (v, n, sizeof (double), compare_double);
  p10 = v[n / 10];
  p90 = v[n - 1 - n / 10];

  return p90 > 0.0 ? CLAMP ((p90 - p10) / p90, 0.0, 1.0) : 1.0;
}

static void
classify_track (LcLedDetector *self,
                Track         *t,
                gint64         now)
{
  Window w;
  Reading rd = { 0, };
  double lo, hi = 0.0, sd_lo, floor_c = contrast_floor (self);
  guint n_lo, n_hi;
  double sat = 0.0;

  window_collect (t, now, &w);
  t->binary = FALSE;
  t->active = FALSE;

  if (w.n >= 3)
    {
      split_levels (&w, MAX (4.0, 3.0 * self->noise), &sd_lo, &n_lo, &n_hi);
      lo = w.m_lo;
      hi = w.m_hi;
      t->m_lo = lo;
      t->m_hi = hi;
      t->up = window_level_at (&w, 0.6);
      t->down = window_level_at (&w, 0.4);

      if (hi >= floor_c && n_lo >= 1 && n_hi >= 1 &&
          lo <= DEPTH_RATIO * hi && hi - lo >= MAX (floor_c, 3.0 * sd_lo))
        {
          t->binary = TRUE;
          t->level = hi - MAX (lo, 0.0);

          if (!read_fade (self, &w, &rd))
            {
              find_edges (&w);
              drop_glitches (&w);
              find_runs (&w, w.s[0].pts, now);
              rd.active = w.n_edges > 0;
              read_pattern (self, &w, &rd);
            }
          else
            {
              Periods ps;

              /* The colours of a fade come from its brighter half; its
               * period, when the level split gives steady ones, from the
               * edges (they stay put when auto exposure or clipping change
               * the height of a breath).
               */
              find_edges (&w);
              drop_glitches (&w);
              find_runs (&w, w.s[0].pts, now);
              if (rd.key.kind == LC_DETECTED_FADE && read_periods (&w, self->interval_s, &ps) &&
                  ps.good >= 2 && ps.bad * 4 <= ps.n)
                {
                  rd.rate_hz = ps.good / ps.good_sum;
                  rd.on_ms = rd.off_ms = 500.0 / rd.rate_hz;
                }
            }

          if (rd.key.kind != LC_DETECTED_NONE)
            read_colors (&w, &rd.key, &sat);
        }
      else
        {
          /* One level: lit the whole time (solid) or dark. */
          double recent = w.s[w.n - 1].level;
          gint64 since = w.s[w.n - 1].pts;
          float total[3] = { 0, 0, 0 };
          guint first = w.n - 1;

          for (guint i = w.n; i-- > 0;)
            {
              if (w.s[i].level < 0.4 * MAX (recent, floor_c) || w.s[i].level < floor_c)
                break;
              since = w.s[i].pts;
              first = i;
              if (w.s[i].has_color)
                {
                  for (guint c = 0; c < 3; c++)
                    total[c] += w.s[i].rgb[c];
                }
            }

          t->level = MAX (hi, 0.0);
          t->spread = level_spread (&w, first);
          if (recent >= floor_c && (now - since) / NS_PER_S >= SOLID_PROVISIONAL_S &&
              !read_hue_alternation (&w, first, self->interval_s, &rd))
            {
              LcColor color = classify_color (total, &sat);

              /* A core clipped to white: the colour of its glow. */
              if (color == LC_COLOR_WHITE && t->halo_color != LC_COLOR_NONE)
                {
                  color = t->halo_color;
                  sat = HALO_MIN_SATURATION;
                }

              /* Swelling and dimming without going dark: not (yet) a
               * pattern we can name, and certainly not solid.
               */
              rd.key.kind = t->spread <= SOLID_MAX_SPREAD ? LC_DETECTED_SOLID : LC_DETECTED_UNKNOWN;
              rd.key.n_colors = color != LC_COLOR_NONE ? 1 : 0;
              rd.key.colors[0] = color;
              rd.confirmed = rd.key.kind == LC_DETECTED_SOLID && (now - since) / NS_PER_S >= SOLID_CONFIRMED_S;
            }
          else if (rd.key.kind == LC_DETECTED_BLINK)
            /* Two distinct colours: as clear as a colour gets. */
            sat = 1.0;
        }
    }

  if (rd.active)
    t->last_edge_ns = now;
  t->active = t->last_edge_ns >= 0 && now - t->last_edge_ns < NO_LIGHT_AFTER_NS;
  if (!t->active)
    t->active_since = -1;
  else if (t->active_since < 0)
    t->active_since = now;
  t->saturation = sat;

  /* Once the pattern has repeated, the reading stays confirmed for as long
   * as it does not change (the window may hold fewer repeats later).
   */
  if (!reading_key_equal (&rd.key, &t->key))
    {
      t->key = rd.key;
      t->stable_since = now;
      t->confirmed = FALSE;
      self->serial++;
    }
  if (rd.confirmed && !t->confirmed)
    {
      t->confirmed = TRUE;
      self->serial++;
    }

  /* The light as the signal vocabulary has it. */
  memset (&t->light, 0, sizeof t->light);
  t->light.n_colors = MIN (rd.key.n_colors, (guint) LC_LIGHT_MAX_COLORS);
  for (guint i = 0; i < t->light.n_colors; i++)
    t->light.colors[i] = rd.key.colors[i];
  switch (rd.key.kind)
    {
    case LC_DETECTED_SOLID:
      t->light.kind = LC_KIND_SOLID;
      break;
    case LC_DETECTED_BLINK:
    case LC_DETECTED_TOO_FAST:
      t->light.kind = LC_KIND_BLINK;
      break;
    case LC_DETECTED_BURST:
      t->light.kind = LC_KIND_BURST;
      t->light.count = rd.key.count;
      break;
    case LC_DETECTED_FADE:
      t->light.kind = LC_KIND_FADE;
      break;
    case LC_DETECTED_NONE:
    case LC_DETECTED_UNKNOWN:
    default:
      t->light.kind = LC_KIND_OFF;
      break;
    }
  if (rd.key.kind != LC_DETECTED_TOO_FAST && rd.rate_hz > 0.0 && isfinite (rd.rate_hz))
    {
      t->light.rate_hz = rd.rate_hz;
      t->light.on_ms = (guint) CLAMP (lround (rd.on_ms), 0, 600000);
      t->light.off_ms = (guint) CLAMP (lround (rd.off_ms), 0, 600000);
      t->light.pause_ms = (guint) CLAMP (lround (rd.pause_ms), 0, 600000);
    }

  /* Confidence: contrast over noise, the pattern repeating, a clear colour. */
  {
    double snr = t->level / MAX (self->noise, 1.0);
    double pattern = rd.confirmed ? 1.0 : rd.key.kind == LC_DETECTED_NONE ? 0.0 : 0.6;
    double colour = t->light.n_colors > 0 ? 0.5 + 0.5 * MIN (1.0, sat / 0.5) : 0.3;

    if (rd.key.kind == LC_DETECTED_UNKNOWN || rd.key.kind == LC_DETECTED_TOO_FAST)
      pattern *= 0.6;
    if (rd.key.kind == LC_DETECTED_BURST && rd.key.count == 0)
      pattern *= 0.5;
    t->confidence = CLAMP (MIN (1.0, snr / 12.0) * pattern * colour, 0.0, 1.0);
  }

  /* How much light it gives while lit: for telling a light from what it lights. */
  {
    double sum_white = 0.0, sum_peak = 0.0;
    double lit = t->binary ? window_level_at (&w, 0.6) : 0.5 * MAX (hi, 0.0);
    guint n_lit = 0;

    for (guint i = 0; i < w.n; i++)
      {
        if (w.s[i].level < lit)
          continue;
        sum_white += w.s[i].white;
        sum_peak += w.s[i].level + t->bg;
        n_lit++;
      }
    t->white = n_lit > 0 ? sum_white / n_lit : 0.0;
    t->peak = n_lit > 0 ? sum_peak / n_lit : 0.0;
  }

  window_clear (&w);
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
      t->qualified = t->radius <= max_radius (self) && t->level >= 1.5 * contrast_floor (self) &&
                     (!white || t->level >= 60.0);
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
      t->qualified = t->peak * self->gain >= SOLID_MIN_PEAK &&
                     t->radius <= MAX (5.0, 0.025 * self->width) &&
                     t->level >= MAX (t->saturation >= 0.5 ? 20.0 : 30.0, 1.5 * contrast_floor (self)) &&
                     !white;
      t->score = snr * compact * (white ? 0.5 : MIN (1.0, 0.3 + t->saturation));
    }
  else if (kind == LC_DETECTED_UNKNOWN)
    {
      t->qualified = t->radius <= max_radius (self) && t->level >= 40.0 && !white;
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

  if (reading_key_equal (&a->key, &b->key) && a->key.kind != LC_DETECTED_SOLID &&
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
      const Sample *s = track_sample (t, i);

      if (s->pts < t->samples[t->len - 1].pts - (gint64) NS_PER_S)
        break;
      if (s->has_color && s->level >= 0.6 * t->m_hi)
        {
          for (guint c = 0; c < 3; c++)
            total[c] += s->rgb[c];
        }
    }
  rgb_to_hsv (total, &hue, &sat, &val);

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
          t->radius > max_radius (self) || t->m_hi < 2.0 * contrast_floor (self) ||
          now - t->active_since >= NO_LIGHT_AFTER_NS)
        continue;
      if (t->key.kind != LC_DETECTED_NONE && t->key.kind != LC_DETECTED_UNKNOWN)
        continue;
      if (track_distance (t, reported[0]->cx, reported[0]->cy) > SAME_DEVICE_DISTANCE * MAX (self->width, self->height))
        continue;
      /* Status lights are vivid; an edge that shake drags across a cell
       * flickers too, but in the grey of what it is the edge of.
       */
      if (self->format != LC_PIXEL_FORMAT_GRAY8 && recent_saturation (t) < 0.25)
        continue;

      for (guint j = 0; j < n_reported && !known; j++)
        known = reported[j] == t || is_echo (t, reported[j]) ||
                track_distance (t, reported[j]->cx, reported[j]->cy) < 1.5 * (t->radius + reported[j]->radius);
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

          if (o == t || o->key.n_colors == 0 || o->white < REFLECTION_RATIO * t->white ||
              track_distance (o, t->cx, t->cy) > MAX (reach, 8.0 * o->radius))
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

/* The device prior */

static guint
prior_palette (const LcLedDetector *self)
{
  guint palette = 0;

  for (guint i = 0; i < MIN (self->prior.n_lights, (guint) LC_SIGNAL_MAX_LIGHTS); i++)
    palette |= self->prior.palettes[i];

  return palette;
}

/* Hue of each colour's centre, in degrees; white has none. */
static double
color_hue (LcColor color)
{
  switch (color)
    {
    case LC_COLOR_RED:
      return 0.0;
    case LC_COLOR_AMBER:
      return 38.0;
    case LC_COLOR_GREEN:
      return 120.0;
    case LC_COLOR_BLUE:
      return 225.0;
    case LC_COLOR_NONE:
    case LC_COLOR_WHITE:
    default:
      return -1.0;
    }
}

/* A colour the device's light cannot show is read as the nearest one it
 * can, when that is a near neighbour on the colour wheel (an orange-looking
 * red, a cyan-looking blue or green). Returns LC_COLOR_NONE when there is
 * none near enough: white (a clipped core with no colour to be seen), or a
 * colour far from all of them.
 */
#define PRIOR_MAX_HUE_STEP 75.0

static LcColor
map_to_palette (LcColor color,
                guint   palette)
{
  double hue = color_hue (color), best_d = PRIOR_MAX_HUE_STEP;
  LcColor best = LC_COLOR_NONE;

  if (palette == 0 || (palette & (1u << color)) != 0)
    return color;
  if (hue < 0.0)
    return LC_COLOR_NONE;

  for (guint c = LC_COLOR_RED; c < LC_N_COLORS; c++)
    {
      double h = color_hue ((LcColor) c), d;

      if ((palette & (1u << c)) == 0 || h < 0.0)
        continue;
      d = fabs (h - hue);
      d = MIN (d, 360.0 - d);
      if (d <= best_d)
        {
          best_d = d;
          best = (LcColor) c;
        }
    }

  return best;
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
      LcColor mapped = map_to_palette (led->light.colors[c], palette);

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
      if (map_to_palette (t->key.colors[c], palette) == LC_COLOR_NONE)
        return 0.3;
    }
  return 1.0;
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
      any_active |= t->active && t->binary && t->radius <= max_radius (self) && t->compactness >= 0.5 &&
                    t->m_hi >= 2.0 * contrast_floor (self) &&
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

          if (t == primary || !t->qualified)
            continue;
          /* Status lights are coloured; a white spot next to one is a
           * reflection or a highlight.
           */
          if ((t->key.n_colors == 0 || t->key.colors[0] == LC_COLOR_WHITE) &&
              primary->key.n_colors > 0 && primary->key.colors[0] != LC_COLOR_WHITE)
            continue;
          if (track_distance (t, primary->cx, primary->cy) > SAME_DEVICE_DISTANCE * MAX (self->width, self->height))
            continue;
          for (guint j = 0; j < n; j++)
            echo |= is_echo (t, order[j]) ||
                    track_distance (t, order[j]->cx, order[j]->cy) < 1.5 * (t->radius + order[j]->radius);
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

/* Tracking */

/* How long cell @i had been dark when it lit up this frame, at least. The
 * peak hold decays toward the dark value with HOLD_TAU_S, so what is left
 * of the lit level in it tells how long ago the cell was last lit (as
 * brightly as now); noise keeps a little in it, which only shortens the
 * answer.
 */
static double
dark_before (const LcLedDetector *self,
             gsize                i)
{
  double lit = self->cur[i] - self->prev[i];
  double left = self->hi_before[i] - self->prev[i];
  double since_start = (self->last_pts - self->first_pts) / NS_PER_S;
  double t;

  if (lit <= 0.0)
    return 0.0;
  t = HOLD_TAU_S * log (lit / MAX (left, MAX (3.0 * self->noise, 2.0)));

  return CLAMP (t, 0.0, since_start);
}

static void
associate (LcLedDetector   *self,
           const Candidate *cands,
           guint            n_cands,
           gint64           now,
           const double     dark_for[MAX_CANDIDATES])
{
  gboolean used[MAX_TRACKS] = { FALSE, };

  for (guint c = 0; c < n_cands; c++)
    {
      const Candidate *cand = &cands[c];
      double x = (cand->mx + 0.5) * self->pool, y = (cand->my + 0.5) * self->pool;
      int best = -1;
      double best_d = G_MAXDOUBLE;

      for (guint i = 0; i < self->n_tracks; i++)
        {
          Track *t = self->tracks[i];
          double gate = MAX (2.0 * self->pool + 1.0, 1.5 * t->radius);
          double dist = track_distance (t, x, y);

          if (dist <= gate && dist < best_d)
            {
              best = (int) i;
              best_d = dist;
            }
        }

      if (best >= 0)
        {
          Track *t = self->tracks[best];

          t->last_match_ns = now;
          t->cand_score += 0.2 * (cand->score - t->cand_score);
          t->ax = x;
          t->ay = y;
          t->cand_radius += 0.3 * (cand->radius - t->cand_radius);
          if (!used[best] && best_d > t->radius + self->pool && !t->selected)
            {
              /* Drifted: follow the candidate */
              t->cx += 0.5 * (x - t->cx);
              t->cy += 0.5 * (y - t->cy);
            }
          used[best] = TRUE;
          continue;
        }

      /* A new light, unless it is the edge of a known one. When full,
       * replace the weakest unreported track.
       */
      {
        Track *t;
        gboolean near = FALSE;

        for (guint i = 0; i < self->n_tracks; i++)
          {
            const Track *o = self->tracks[i];
            double r = MIN (o->radius, max_radius (self));

            near |= track_distance (o, x, y) < MAX (3.0 * self->pool, 1.5 * r + self->pool) &&
                    o->cand_score >= 0.5 * cand->score;
          }
        if (near)
          continue;

        if (self->n_tracks == MAX_TRACKS)
          {
            guint weakest = 0;

            for (guint i = 1; i < self->n_tracks; i++)
              {
                if (self->tracks[i]->cand_score + 100.0 * self->tracks[i]->qualified <
                    self->tracks[weakest]->cand_score + 100.0 * self->tracks[weakest]->qualified)
                  weakest = i;
              }
            if (self->tracks[weakest]->selected || self->tracks[weakest]->qualified ||
                self->tracks[weakest]->cand_score >= cand->score)
              continue;
            remove_track (self, weakest);
          }

        t = track_new (self, x, y, cand->radius, now);
        t->cand_score = cand->score;

        /* It was dark a frame ago: the lit run starts now, not unknown.
         * And it had been dark for a while before that: a burst seen
         * from its first blink can be counted when the pause before it
         * was long.
         */
        if (dark_for != NULL && dark_for[c] >= 0.0 && self->last_pts >= 0)
          {
            Sample s = { 0, };
            gint64 since = self->last_pts - (gint64) (dark_for[c] * NS_PER_S);

            since = MAX (since, self->first_pts);
            if (since < self->last_pts - (gint64) (2.0 * self->interval_s * NS_PER_S))
              {
                s.pts = since;
                track_push (t, &s);
              }
            s.pts = self->last_pts;
            track_push (t, &s);
          }

        used[self->n_tracks] = TRUE;
        self->tracks[self->n_tracks++] = t;
      }
    }

  /* Forget what has not been seen for a while; merge duplicates. */
  for (guint i = 0; i < self->n_tracks;)
    {
      Track *t = self->tracks[i];
      gboolean drop = !t->selected && now - t->last_match_ns > TRACK_TIMEOUT_NS;

      for (guint j = 0; j < self->n_tracks && !drop; j++)
        {
          Track *o = self->tracks[j];

          if (o == t || t->selected)
            continue;
          if (track_distance (o, t->cx, t->cy) < MAX (2.0 * self->pool, 1.2 * (o->radius + t->radius)) &&
              (o->born_ns < t->born_ns || (o->born_ns == t->born_ns && o->id < t->id)))
            drop = TRUE;
        }

      if (drop)
        remove_track (self, i);
      else
        i++;
    }
}

/* Public API */

static void
free_maps (LcLedDetector *self)
{
  g_clear_pointer (&self->pooled, g_free);
  g_clear_pointer (&self->hi, g_free);
  g_clear_pointer (&self->hi_before, g_free);
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
    remove_track (self, self->n_tracks - 1);

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
  self->pool = MAX (1, (frame->width + POOL_TARGET_WIDTH / 2) / POOL_TARGET_WIDTH);
  self->mw = (self->width + self->pool - 1) / self->pool;
  self->mh = (self->height + self->pool - 1) / self->pool;

  for (guint k = 0; k < N_RING_RADII; k++)
    {
      for (guint i = 0; i < 8; i++)
        self->ring_offset[k][i] = (gssize) ring_offsets[k][i][1] * self->mw + ring_offsets[k][i][0];
    }

  n = (gsize) self->mw * self->mh;
  self->pooled = g_new0 (guint8, n);
  self->hi = g_new0 (float, n);
  self->hi_before = g_new0 (float, n);
  self->chroma_row = g_new0 (guint8, (frame->width + 1) / 2);
  self->chroma_band = g_new0 (guint8, (frame->width + 1) / 2);
  self->lo = g_new0 (float, n);
  self->prev = g_new0 (float, n);
  self->cur = g_new0 (float, n);
  self->reference = g_new0 (float, n);
  self->colmax = g_new0 (guint8, MAX (row_bytes (LC_PIXEL_FORMAT_RGBX, frame->width),
                                      row_bytes (LC_PIXEL_FORMAT_YUY2, frame->width)));
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

  if (frame == NULL || !frame_is_valid (frame))
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

  /* Frame interval: a slow median-like follower, robust to drops. */
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

  pool_frame (self, frame);

  if (self->maps_ready)
    {
      double noise = self->noise;

      self->gain = estimate_gain (self, &noise);
      self->noise += 0.1 * (noise - self->noise);
    }

  update_maps (self, dt);

  /* A full search every other frame is enough for lights already lit;
   * in between, cells that just lit up are searched, so that a light is
   * found on the frame it comes on: its start is known, and how long it
   * was dark before (see associate()).
   */
  n_cands = find_candidates (self, self->frames % 2 != 0 && self->n_tracks > 0, cands);

  for (guint c = 0; c < n_cands; c++)
    {
      gsize i = (gsize) cands[c].my * self->mw + cands[c].mx;
      double swing = self->hi[i] - self->lo[i];

      /* Dark one frame ago and lit now: the lit run starts here. */
      dark_for[c] = -1.0;
      if (self->frames > 0 && swing > 0.5 * self->hi[i] &&
          self->prev[i] <= self->lo[i] + 0.3 * swing && self->cur[i] >= self->lo[i] + 0.7 * swing)
        dark_for[c] = dark_before (self, i);
    }

  associate (self, cands, n_cands, now, dark_for);

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
              double d = track_distance (self->tracks[j], t->cx, t->cy);

              if (d > 2.0 * t->radius && (limit == 0.0 || 0.45 * d < limit))
                limit = 0.45 * d;
            }
        }

      measure_track (self, frame, t, limit, &m);
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
      s.top = m.top >= CLIP_LEVEL - 5 ? -1.0f : (float) (m.top / self->gain);
      if (t->len > 0)
        {
          const Sample *prev = track_sample (t, t->len - 1);

          s.gap = (guint8) MIN (255, MAX (0, lround ((now - prev->pts) / NS_PER_S / self->interval_s) - 1));
        }
      track_push (t, &s);

      /* Lit: follow the light and learn its size, but stay near where the
       * candidates are (a track must not wander off over texture), and only
       * while it looks like a spot, not the edge of something bright.
       */
      if (m.level >= 1.5 * contrast_floor (self))
        t->compactness += 0.1 * ((m.compact ? 1.0 : 0.0) - t->compactness);
      if (m.centred && m.compact && m.level >= 1.5 * contrast_floor (self) &&
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
          t->radius += 0.3 * (CLAMP (m.radius, 0.7, MIN (max_radius (self), 2.0 * t->cand_radius + 1.0)) - t->radius);
        }

      classify_track (self, t, now);
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
lc_led_detector_get_timeline (LcLedDetector *self,
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
      const Sample *s = track_sample (t, i);
      const Sample *prev = i > 0 ? track_sample (t, i - 1) : NULL;
      LcLedRun *last = runs->len > 0 ? &g_array_index (runs, LcLedRun, runs->len - 1) : NULL;
      gboolean lit;
      LcColor color = LC_COLOR_NONE;

      if (s->pts < now - LC_LED_TIMELINE_SECONDS * G_GINT64_CONSTANT (1000000000))
        continue;

      if (t->binary)
        lit = on ? s->level >= down : s->level > up;
      else
        lit = s->level >= contrast_floor (self);
      on = lit;

      if (lit && s->has_color)
        color = classify_color (s->rgb, NULL);
      if (lit && color == LC_COLOR_NONE && t->light.n_colors > 0)
        color = t->light.colors[0];

      /* Frames missing: an unknown stretch in between. */
      if (last != NULL && prev != NULL && is_gap (self, prev, s))
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
      double dist = track_distance (self->tracks[i], px, py);

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
          remove_track (self, weakest);
        }
      best = track_new (self, px, py, MAX (2.0, 0.005 * self->width), self->last_pts);
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

gboolean
lc_detection_to_signal (const LcDetection *detection,
                        LcSignal          *out_signal)
{
  gboolean any_selected = FALSE;

  g_return_val_if_fail (detection != NULL, FALSE);
  g_return_val_if_fail (out_signal != NULL, FALSE);

  lc_signal_init_off (out_signal);

  for (guint i = 0; i < MIN (detection->n_leds, (guint) LC_DETECTION_MAX_LEDS); i++)
    any_selected |= detection->leds[i].selected;

  for (guint i = 0; i < MIN (detection->n_leds, (guint) LC_DETECTION_MAX_LEDS); i++)
    {
      const LcDetectedLed *led = &detection->leds[i];
      LcLight light = led->light;

      if (any_selected && !led->selected)
        continue;
      if (out_signal->n_lights >= LC_SIGNAL_MAX_LIGHTS)
        break;

      switch (led->kind)
        {
        case LC_DETECTED_SOLID:
        case LC_DETECTED_BLINK:
        case LC_DETECTED_FADE:
          break;
        case LC_DETECTED_BURST:
          if (light.count == 0)
            continue;
          break;
        case LC_DETECTED_TOO_FAST:
          light.kind = LC_KIND_BLINK;
          light.rate_hz = 0.0;
          light.on_ms = light.off_ms = light.pause_ms = 0;
          break;
        case LC_DETECTED_NONE:
        case LC_DETECTED_UNKNOWN:
        default:
          continue;
        }

      /* Luma-only video cannot tell the colour. */
      if (light.n_colors == 0)
        {
          light.n_colors = 1;
          light.colors[0] = LC_COLOR_WHITE;
        }
      light.rate_explicit = FALSE;
      lc_light_normalize (&light);
      out_signal->lights[out_signal->n_lights++] = light;
    }

  return out_signal->n_lights > 0;
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
                              "compact %.2f white %.0f peak %.0f spread %.2f %s%s%s %s conf %.2f score %.1f%s%s\n",
                              t->id, t->cx / self->width, t->cy / self->height, t->radius, t->level, t->bg,
                              t->m_lo, t->m_hi, t->saturation, t->compactness, t->white, t->peak, t->spread,
                              lc_detected_kind_to_string (t->key.kind), t->binary ? " binary" : "",
                              t->active ? " active" : "", light, t->confidence, t->score,
                              t->qualified ? " QUALIFIED" : "", t->reflection ? " reflection" : "");
    }
}
