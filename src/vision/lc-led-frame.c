/* lc-led-frame.c — the detector's frame access: formats, pixels, pooling, global gain
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every frame is checked, max-pooled on its brightest channel (so a one-
 * pixel light keeps its contrast), divided by a global gain that removes
 * auto-exposure steps, and folded into peak- and trough-hold maps.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lc-led-detector-private.h"

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
    case LC_PIXEL_FORMAT_NV12:
    case LC_PIXEL_FORMAT_Y42B:
    case LC_PIXEL_FORMAT_Y444:
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

/* Bytes one row of @width pixels needs, 0 for planar formats. */
gsize
lc_led_row_bytes (LcPixelFormat format,
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

gboolean
lc_led_frame_is_valid (const LcFrame *frame)
{
  int sx, sy, step;

  if (frame->data == NULL || frame->size == 0)
    return FALSE;
  if ((guint) frame->format >= LC_N_PIXEL_FORMATS)
    return FALSE;
  if (frame->width <= 0 || frame->height <= 0 ||
      frame->width > MAX_DIMENSION || frame->height > MAX_DIMENSION)
    return FALSE;
  if (frame->pts_ns < 0 || frame->pts_ns > G_MAXINT64 / 4)
    return FALSE;

  if (lc_led_format_planar (frame->format, &sx, &sy, &step))
    {
      int cw = (frame->width + (1 << sx) - 1) >> sx, ch = (frame->height + (1 << sy) - 1) >> sy;
      /* A row of chroma: cw samples, @step bytes apart. */
      gsize row = (gsize) (cw - 1) * step + 1;

      return plane_fits (0, (gsize) frame->width, frame->height, frame->stride, frame->size) &&
             plane_fits (frame->u_offset, row, ch, frame->uv_stride, frame->size) &&
             plane_fits (frame->v_offset, row, ch, frame->uv_stride, frame->size);
    }

  return plane_fits (0, lc_led_row_bytes (frame->format, frame->width), frame->height,
                     frame->stride, frame->size);
}

/* Pooling */

/* The pooling factor for @width × @height frames: the power of two that
 * brings their area nearest POOL_TARGET_WIDTH × POOL_TARGET_HEIGHT (log
 * scale), at most 8. By area, not width, so a phone's portrait video is
 * pooled like the same video held sideways. Powers of two have vector code
 * below; a factor of 3 (960 px wide) spent more time pooling than
 * everything else the detector does together.
 */
int
lc_led_pool_factor (int width,
                    int height)
{
  double ratio = sqrt ((double) width * height / (POOL_TARGET_WIDTH * POOL_TARGET_HEIGHT));
  int shift = ratio <= 1.0 ? 0 : (int) lround (log2 (ratio));

  return 1 << CLAMP (shift, 0, 3);
}

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

#ifdef __SSE2__
/* Sixteen groups of four bytes in @v, each to the maximum of the bytes
 * @keep masks in it, packed.
 */
static inline __m128i
pack_max_by_4 (const __m128i v[4],
               __m128i       keep)
{
  const __m128i low32 = _mm_set1_epi32 (0x000000ff);
  __m128i m[4];

  for (int k = 0; k < 4; k++)
    {
      __m128i a = _mm_and_si128 (v[k], keep);

      a = _mm_max_epu8 (a, _mm_srli_epi32 (a, 8));
      a = _mm_max_epu8 (a, _mm_srli_epi32 (a, 16));
      m[k] = _mm_and_si128 (a, low32);
    }
  /* Values are below 256, so the signed 32 → 16 pack is exact. */
  return _mm_packus_epi16 (_mm_packs_epi32 (m[0], m[1]), _mm_packs_epi32 (m[2], m[3]));
}

/* Sixteen groups of four bytes from @p, each to its maximum, packed. */
static inline __m128i
max_by_4 (const guint8 *p)
{
  __m128i v[4];

  for (int k = 0; k < 4; k++)
    v[k] = _mm_loadu_si128 ((const void *) (p + 16 * k));
  return pack_max_by_4 (v, _mm_set1_epi32 (-1));
}
#endif

/* How far ahead of the pooling the rows of a packed colour frame are
 * fetched into the cache, in bytes. The hardware alone keeps up with only
 * some of the rows read side by side: fetching ahead cut the pooling of a
 * 1280×720 RGBx frame not yet in the cache by a third.
 */
#define PREFETCH_AHEAD 1024

/* The byte of each packed pixel its colour starts at. */
static inline int
first_colour_byte (LcPixelFormat format)
{
  return format == LC_PIXEL_FORMAT_XRGB || format == LC_PIXEL_FORMAT_XBGR ? 1 : 0;
}

#ifdef __SSE2__
/* One byte per pixel, pooled by 2, 4 or 8 (640, 1280 and 2560 wide video):
 * the maximum of each group ends up in its lowest byte, and the groups are
 * packed down to bytes, sixteen cells at a time. Returns how many cells it
 * pooled; the plain loop does the rest.
 */
static inline int
pool_bytes_vector (const LcLedDetector *self,
                   const guint8        *colmax,
                   guint8              *out)
{
  const __m128i low16 = _mm_set1_epi16 (0x00ff);
  int f = self->pool, w = self->width;
  int mx = 0;

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
      else if (f == 4)
        packed = max_by_4 (p);
      else
        {
          /* By 4 twice over, then adjacent pairs. */
          __m128i a = max_by_4 (p), b = max_by_4 (p + 64);

          a = _mm_and_si128 (_mm_max_epu8 (a, _mm_srli_epi16 (a, 8)), low16);
          b = _mm_and_si128 (_mm_max_epu8 (b, _mm_srli_epi16 (b, 8)), low16);
          packed = _mm_packus_epi16 (a, b);
        }
      _mm_storeu_si128 ((void *) (out + mx), packed);
    }

  return mx;
}
#endif

/* The brightest channel of each pixel over @n_rows rows of packed colour
 * from @rows, @stride bytes apart, into @out: one byte per pixel, pooled
 * from there as luma is. In one pass over the rows, which are four times
 * the size of what comes out: keeping their maximum in a row of its own,
 * then pooling it four bytes at a time, cost a fifth more per RGBx frame.
 */
static void
brightest_channels (const LcLedDetector *self,
                    const guint8        *rows,
                    gsize                stride,
                    int                  n_rows,
                    guint8              *out,
                    gboolean             vector)
{
  int bpp = lc_pixel_format_get_bpp (self->format);
  int first = first_colour_byte (self->format);
  int x = 0;

  (void) vector;   /* without SSE2 there is only the plain loop */

#ifdef __SSE2__
  if (vector && bpp == 4)
    {
      /* The three colour bytes of each pixel; the padding byte is dropped. */
      const __m128i colour = _mm_set1_epi32 (first == 1 ? (int) 0xffffff00u : 0x00ffffff);

      for (; x + 16 <= self->width; x += 16)
        {
          const guint8 *p = rows + (gsize) x * 4;
          __m128i v[4];

          for (int y = 0; y < n_rows; y++)
            __builtin_prefetch (p + y * stride + PREFETCH_AHEAD);
          for (int k = 0; k < 4; k++)
            v[k] = _mm_loadu_si128 ((const void *) (p + 16 * k));
          for (int y = 1; y < n_rows; y++)
            for (int k = 0; k < 4; k++)
              v[k] = _mm_max_epu8 (v[k], _mm_loadu_si128 ((const void *) (p + y * stride + 16 * k)));
          _mm_storeu_si128 ((void *) (out + x), pack_max_by_4 (v, colour));
        }
    }
#endif

  for (; x < self->width; x++)
    {
      int m = 0;

      for (int y = 0; y < n_rows; y++)
        {
          const guint8 *p = rows + y * stride + (gsize) x * bpp + first;

          m = MAX (m, MAX (MAX (p[0], p[1]), p[2]));
        }
      out[x] = (guint8) m;
    }
}

/* Pools @n_rows rows from @rows, @stride bytes apart, into one row of
 * cells at @out (the luma of planar frames), using @scratch, a row of
 * bytes.
 */
static void
pool_rows (const LcLedDetector *self,
           const guint8        *rows,
           gsize                stride,
           int                  n_rows,
           guint8              *scratch,
           guint8              *out,
           gboolean             vector)
{
  int f = self->pool, w = self->width;
  int bpp = lc_pixel_format_get_bpp (self->format);
  /* YUY2 keeps its chroma bytes between the luma ones, to be skipped. */
  gboolean yuy2 = self->format == LC_PIXEL_FORMAT_YUY2;
  const guint8 *line = rows;
  int mx = 0;

  if (bpp >= 3)
    {
      /* Packed colour: one byte per pixel, pooled below as luma is. */
      brightest_channels (self, rows, stride, n_rows, scratch, vector);
      line = scratch;
    }
  else if (n_rows > 1)
    {
      gsize n = yuy2 ? lc_led_row_bytes (self->format, w) : (gsize) w;

      memcpy (scratch, rows, n);
      for (int y = 1; y < n_rows; y++)
        max_bytes (scratch, rows + y * stride, n);
      line = scratch;
    }

#ifdef __SSE2__
  if (vector && !yuy2 && (f == 2 || f == 4 || f == 8))
    mx = pool_bytes_vector (self, line, out);
#endif

  for (; mx < self->mw; mx++)
    {
      int x0 = mx * f, x1 = MIN (x0 + f, w);
      int m = 0;

      for (int x = x0; x < x1; x++)
        m = MAX (m, yuy2 ? line[(x / 2) * 4 + (x & 1) * 2] : line[x]);
      out[mx] = (guint8) m;
    }
}

void
_lc_led_detector_pool_rows (LcPixelFormat  format,
                            int            width,
                            int            pool,
                            const guint8  *rows,
                            gsize          stride,
                            int            n_rows,
                            guint8        *out,
                            gboolean       force_scalar)
{
  LcLedDetector det = { 0, };
  g_autofree guint8 *scratch = NULL;

  g_return_if_fail (width > 0 && pool > 0 && n_rows > 0);

  scratch = g_malloc (MAX (lc_led_row_bytes (format, width), (gsize) width));
  det.format = format;
  det.width = width;
  det.pool = pool;
  det.mw = (width + pool - 1) / pool;
  pool_rows (&det, rows, stride, n_rows, scratch, out, !force_scalar);
}

/* How much brighter than luma the brightest of R, G and B is, for each
 * pixel of a chroma row (the chroma part of the BT.601 conversion in
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

/* The largest chroma boost of each chroma column over rows @y0 to @y1 of
 * a planar frame, into self->chroma_band.
 */
static void
chroma_band_boost (LcLedDetector *self,
                   const LcFrame *frame,
                   int            y0,
                   int            y1)
{
  int sx = 1, sy = 1, step = 1, cw;

  lc_led_format_planar (self->format, &sx, &sy, &step);
  cw = (self->width + (1 << sx) - 1) >> sx;

  for (int cy = y0 >> sy; cy <= (y1 - 1) >> sy; cy++)
    {
      const guint8 *u = frame->data + frame->u_offset + (gsize) cy * frame->uv_stride;
      const guint8 *v = frame->data + frame->v_offset + (gsize) cy * frame->uv_stride;

      /* NV12: U and V alternate; split them so the row can be converted
       * sixteen samples at a time.
       */
      if (step == 2)
        {
          for (int i = 0; i < cw; i++)
            {
              self->chroma_u[i] = u[2 * i];
              self->chroma_v[i] = v[2 * i];
            }
          u = self->chroma_u;
          v = self->chroma_v;
        }

      if (cy == y0 >> sy)
        chroma_boost_row (u, v, cw, self->chroma_band);
      else
        {
          chroma_boost_row (u, v, cw, self->chroma_row);
          max_bytes (self->chroma_band, self->chroma_row, cw);
        }
    }
}

#ifdef __SSE2__
/* Pooled by 8: four chroma pixels per cell; by 4: two; by 2: one. Eight
 * cells at a time; (l - 16) << 7 stays in 16 bits, and 2 × BT601_Y / 512 is
 * BT601_Y / 256. Returns how many cells it did; the plain loop does the rest.
 */
static inline int
add_boost_vector (LcLedDetector *self,
                  guint8        *out)
{
  const __m128i zero = _mm_setzero_si128 ();
  const __m128i low16 = _mm_set1_epi16 (0x00ff);
  const __m128i low32 = _mm_set1_epi32 (0x000000ff);
  int f = self->pool;
  int mx = 0;

  for (; (mx + 8) * f <= self->width; mx += 8)
    {
      __m128i boost, luma;

      if (f == 8)
        {
          /* Four chroma pixels per cell. */
          __m128i c0 = _mm_loadu_si128 ((const void *) (self->chroma_band + mx * 4));
          __m128i c1 = _mm_loadu_si128 ((const void *) (self->chroma_band + mx * 4 + 16));

          c0 = _mm_max_epu8 (c0, _mm_srli_epi32 (c0, 8));
          c0 = _mm_and_si128 (_mm_max_epu8 (c0, _mm_srli_epi32 (c0, 16)), low32);
          c1 = _mm_max_epu8 (c1, _mm_srli_epi32 (c1, 8));
          c1 = _mm_and_si128 (_mm_max_epu8 (c1, _mm_srli_epi32 (c1, 16)), low32);
          boost = _mm_packs_epi32 (c0, c1);
        }
      else if (f == 4)
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

  return mx;
}
#endif

/* Planar YUV: the pooled luma of one band becomes the brightest of R, G and B,
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
  int sx = 1, f = self->pool;
  int mx = 0;

  lc_led_format_planar (self->format, &sx, NULL, NULL);
  chroma_band_boost (self, frame, y0, y1);

#ifdef __SSE2__
  if (sx == 1 && (f == 2 || f == 4 || f == 8))
    mx = add_boost_vector (self, out);
#endif

  for (; mx < self->mw; mx++)
    {
      int x0 = mx * f, x1 = MIN (x0 + f, self->width);
      int boost = 0;
      int luma = out[mx];

      for (int cx = x0 >> sx; cx <= (x1 - 1) >> sx; cx++)
        boost = MAX (boost, self->chroma_band[cx]);
      out[mx] = (guint8) CLAMP ((((luma - 16) * 128 * 2 * BT601_Y) >> 16) + boost, 0, 255);
    }
}

void
lc_led_pool_frame (LcLedDetector *self,
                   const LcFrame *frame)
{
  gboolean planar = lc_led_format_planar (self->format, NULL, NULL, NULL);

  for (int my = 0; my < self->mh; my++)
    {
      int y0 = my * self->pool, y1 = MIN (y0 + self->pool, self->height);
      guint8 *out = self->pooled + (gsize) my * self->mw;

      pool_rows (self, frame->data + (gsize) y0 * frame->stride, frame->stride, y1 - y0,
                 self->colmax, out, TRUE);
      if (planar)
        add_chroma (self, frame, y0, y1, out);
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

/* Noise: frame-to-frame change of the map normalised by @gain; left as it
 * is when too little of the frame is unclipped.
 */
static void
estimate_noise (LcLedDetector *self,
                double         gain,
                double        *out_noise)
{
  guint diff_hist[64] = { 0, };
  guint n_diff = 0;
  guint acc = 0;

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
  if (n_diff < 50)
    return;

  for (int b = 0; b < 64; b++)
    {
      acc += diff_hist[b];
      if (acc * 2 >= n_diff)
        {
          /* The median |difference| of two noisy frames is ~0.95 σ. */
          *out_noise = (b + 0.5) / 0.95;
          break;
        }
    }
}

/* The median ratio of this frame to the slow reference, over mid-grey
 * cells: auto exposure and flickering room light scale the whole scene.
 */
double
lc_led_estimate_gain (LcLedDetector *self,
                      double        *out_noise)
{
  enum { BINS = 128 };
  guint hist[BINS] = { 0, };
  guint n = 0;
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

  if (out_noise != NULL)
    estimate_noise (self, gain, out_noise);

  return gain;
}

void
lc_led_update_maps (LcLedDetector *self,
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
   * when a light came on is read from it (see lc_led_dark_before()).
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
