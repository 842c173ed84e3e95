/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-renderer-raster.c: borders for interactive frames, drawn straight
 * into an image surface's pixels
 *
 * cairo 1.16 anti-aliases thin strokes slowly: 15 ms for the world's borders
 * at 1920x1080, two thirds of a frame.  Wu's algorithm draws the same
 * one-pixel lines straight into the image in well under a millisecond.
 */
#include "config.h"

#include "migmap-renderer-private.h"

#include <math.h>

void
_migmap_renderer_target_pixels (RenderContext *ctx)
{
  cairo_surface_t *target = cairo_get_target (ctx->cr);
  cairo_matrix_t ctm, device;
  double sx, sy, ox, oy;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      (cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32 &&
       cairo_image_surface_get_format (target) != CAIRO_FORMAT_RGB24))
    return;

  ctx->image = target;
  cairo_get_matrix (ctx->cr, &ctm);
  cairo_surface_get_device_scale (ctx->image, &sx, &sy);
  cairo_surface_get_device_offset (ctx->image, &ox, &oy);
  cairo_matrix_init (&device, sx, 0, 0, sy, ox, oy);
  cairo_matrix_multiply (&ctx->to_device, &ctx->to_screen, &ctm);
  cairo_matrix_multiply (&ctx->to_device, &ctx->to_device, &device);
}

typedef struct {
  guint8 *data;
  int     stride, width, height;
  double  red, green, blue;   /* 0..255 */
  double  alpha;              /* 0..255, at full coverage */
} Pixels;

static inline void
blend_pixel (Pixels *px, int x, int y, double coverage)
{
  guint32 *p, d;
  double a, keep;

  if ((unsigned) x >= (unsigned) px->width || (unsigned) y >= (unsigned) px->height || coverage <= 0.0)
    return;
  p = (guint32 *) (px->data + (gsize) y * px->stride) + x;
  d = *p;
  a = px->alpha * MIN (coverage, 1.0);
  keep = 1.0 - a / 255.0;
  /* Premultiplied ARGB: dst = src * a + dst * (1 - a). */
  *p = ((guint32) (a + (d >> 24) * keep + 0.5) << 24) |
       ((guint32) (px->red * a / 255.0 + ((d >> 16) & 0xff) * keep + 0.5) << 16) |
       ((guint32) (px->green * a / 255.0 + ((d >> 8) & 0xff) * keep + 0.5) << 8) |
       (guint32) (px->blue * a / 255.0 + (d & 0xff) * keep + 0.5);
}

/* Pixels beyond the image edge that a clipped segment still reaches, so that
 * the edge pixels get the same coverage as if it had not been clipped. */
#define CLIP_MARGIN 2.0

/* Liang-Barsky: cuts the segment to the rectangle, in double precision, so
 * that wu_line () only ever converts small numbers to int.  FALSE when
 * nothing of it is inside, or a coordinate is not finite. */
static gboolean
clip_segment (double *x0, double *y0, double *x1, double *y1,
              double xmin, double ymin, double xmax, double ymax)
{
  double dx = *x1 - *x0, dy = *y1 - *y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *x0 - xmin, xmax - *x0, *y0 - ymin, ymax - *y0 };
  double t0 = 0.0, t1 = 1.0;

  if (!isfinite (dx) || !isfinite (dy) || !isfinite (*x0) || !isfinite (*y0))
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0.0)
        {
          if (q[i] < 0.0)
            return FALSE;
          continue;
        }
      double t = q[i] / p[i];
      if (p[i] < 0.0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
    }
  if (t0 > t1)
    return FALSE;
  /* Endpoints inside keep their exact values, so unclipped lines draw
   * exactly as before. */
  if (t1 < 1.0)
    {
      *x1 = *x0 + t1 * dx;
      *y1 = *y0 + t1 * dy;
    }
  if (t0 > 0.0)
    {
      *x0 += t0 * dx;
      *y0 += t0 * dy;
    }
  return TRUE;
}

/* The endpoints must lie within CLIP_MARGIN of the image: see clip_segment (). */
static void
wu_line (Pixels *px, double x0, double y0, double x1, double y1)
{
  gboolean steep = fabs (y1 - y0) > fabs (x1 - x0);
  double gradient, start, end;
  int limit;

  if (steep)
    {
      double t;
      t = x0; x0 = y0; y0 = t;
      t = x1; x1 = y1; y1 = t;
    }
  if (x0 > x1)
    {
      double t;
      t = x0; x0 = x1; x1 = t;
      t = y0; y0 = y1; y1 = t;
    }
  /* Pixel centres sit at integer coordinates from here on. */
  x0 -= 0.5; y0 -= 0.5; x1 -= 0.5; y1 -= 0.5;
  gradient = x1 - x0 > 1e-9 ? (y1 - y0) / (x1 - x0) : 0.0;
  limit = steep ? px->height : px->width;
  start = MAX (x0, -1.0);
  end = MIN (x1, (double) limit);

  for (int x = (int) floor (start + 0.5); x <= (int) floor (end + 0.5); x++)
    {
      /* Each pixel gets the share of the segment that falls in its column,
       * so joined segments add up to one full pixel at the joint. */
      double share = MIN (x + 0.5, x1) - MAX (x - 0.5, x0);
      double y = y0 + gradient * (x - x0);
      int iy = (int) floor (y);
      double f = y - iy;

      if (share <= 0.0)
        continue;
      if (steep)
        {
          blend_pixel (px, iy, x, (1.0 - f) * share);
          blend_pixel (px, iy + 1, x, f * share);
        }
      else
        {
          blend_pixel (px, x, iy, (1.0 - f) * share);
          blend_pixel (px, x, iy + 1, f * share);
        }
    }
}

void
_migmap_renderer_draw_borders_fast (RenderContext *ctx, const gboolean *visible)
{
  MigmapRenderer *self = ctx->self;
  guint n_features = migmap_shape_set_get_n_features (self->shapes);
  const MigmapColor *color = &self->style.border;
  double x_scale, y_scale;
  Pixels px;

  cairo_surface_flush (ctx->image);
  cairo_surface_get_device_scale (ctx->image, &x_scale, &y_scale);
  px.data = cairo_image_surface_get_data (ctx->image);
  px.stride = cairo_image_surface_get_stride (ctx->image);
  px.width = cairo_image_surface_get_width (ctx->image);
  px.height = cairo_image_surface_get_height (ctx->image);
  px.red = color->red * 255.0;
  px.green = color->green * 255.0;
  px.blue = color->blue * 255.0;
  /* A one-pixel line at the style's width: thinner lines are lighter. */
  px.alpha = color->alpha * 255.0 * MIN (1.0, self->style.border_width * x_scale);

  for (guint f = 0; f < n_features; f++)
    {
      const MigmapFeature *feature = migmap_shape_set_get_feature (self->shapes, f);

      if (!visible[f])
        continue;
      for (guint r = 0; r < feature->n_rings[ctx->detail]; r++)
        {
          guint index = feature->ring_start[ctx->detail] + r;
          const double *p = ctx->band->xy + 2 * ctx->band->ring_offset[index];
          guint n = ctx->band->ring_count[index];
          double lx, ly;

          if (n < 3 || !box_intersects (&ctx->band->ring_box[index], &ctx->view))
            continue;
          lx = p[0];
          ly = p[1];
          cairo_matrix_transform_point (&ctx->to_device, &lx, &ly);
          for (guint i = 1; i < n; i++)
            {
              double x = p[2 * i], y = p[2 * i + 1];

              double cx0 = lx, cy0 = ly, cx1, cy1;

              cairo_matrix_transform_point (&ctx->to_device, &x, &y);
              cx1 = x;
              cy1 = y;
              if (clip_segment (&cx0, &cy0, &cx1, &cy1, -CLIP_MARGIN, -CLIP_MARGIN,
                                px.width + CLIP_MARGIN, px.height + CLIP_MARGIN))
                wu_line (&px, cx0, cy0, cx1, cy1);
              lx = x;
              ly = y;
            }
        }
    }
  cairo_surface_mark_dirty (ctx->image);
}
