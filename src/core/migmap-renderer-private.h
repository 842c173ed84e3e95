/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-renderer-private.h: what the renderer's files share, and nothing else
 *
 * migmap-renderer.c owns the object, the projection cache and the fills;
 * migmap-renderer-raster.c draws borders straight into image pixels for
 * interactive frames; migmap-renderer-labels.c places markers and labels.
 */
#pragma once

#include "migmap-renderer.h"

G_BEGIN_DECLS

#define MARKER_RADIUS 4.5

/* Points that densifying long edges may add to a band of @n_points points:
 * for real shapes only a few antimeridian and polar edges bend, so this is
 * never reached, and a hostile file costs a small multiple of its size. */
#define MIGMAP_RENDERER_DENSIFY_BUDGET(n_points) MAX ((gsize) 1 << 16, 4 * (gsize) (n_points))

typedef struct {
  MigmapColor sea;
  MigmapColor land;
  MigmapColor border;
  MigmapColor label;
  MigmapColor label_halo;
  MigmapColor selection;
  double      border_width;      /* logical pixels */
  double      label_size;        /* logical pixels */
  char       *label_family;
} Style;

typedef struct {
  double x0, y0, x1, y1;
} Box;

typedef struct {
  double *xy;              /* all projected points of the band */
  gsize   n_points;
  guint  *ring_offset;     /* first point of each ring, in points */
  guint  *ring_count;
  Box    *ring_box;
  Box    *feature_box;
} ProjectedBand;

typedef struct {
  char        *id;
  MigmapColor  color;
  GHashTable  *codes;
  gboolean     visible;
} Layer;

typedef struct {
  char              *id;
  double             lon, lat;
  char              *label;
  MigmapColor        color;
  MigmapMarkerSymbol symbol;
  gboolean           approximate;
} Marker;

struct _MigmapRenderer
{
  GObject parent_instance;

  MigmapShapeSet *shapes;
  Style           style;
  GPtrArray      *layers;   /* Layer */
  GArray         *markers;  /* Marker */
  char           *selected;
  GHashTable     *emphasis;   /* codes */
  GArray         *obstacles;  /* double[4]: x0, y0, x1, y1 */
  MigmapLabelFunc label_func;
  gpointer        label_data;
  GDestroyNotify  label_destroy;
  gboolean        show_labels;
  gboolean        number_places;
  MigmapRenderQuality quality;

  ProjectedBand  *cache[3][MIGMAP_N_DETAILS];
  guint          *label_order;   /* features by label size, largest first */
  GHashTable     *text_sizes;    /* label text -> packed width/height */
  GPtrArray      *numbered;      /* labels of places drawn as numbers, NULL-terminated */
  GHashTable     *drawn;         /* codes of the features in the last view */
  GArray         *disputed;      /* lon/lat pairs, NAN ends a line; NULL: none */
  gboolean        disputed_loaded;
};

/* One call of migmap_renderer_render (). */
typedef struct {
  MigmapRenderer  *self;
  MigmapViewport  *viewport;
  cairo_t         *cr;
  ProjectedBand   *band;
  MigmapDetail     detail;
  cairo_matrix_t   to_screen;   /* projected metres -> logical pixels */
  Box              view;        /* projected metres, with a margin */
  double           resolution;
  /* FAST quality on an image surface: borders go straight into its pixels. */
  cairo_surface_t *image;
  cairo_matrix_t   to_device;   /* projected metres -> image pixels */
} RenderContext;

static inline gboolean
box_intersects (const Box *a, const Box *b)
{
  return a->x0 <= b->x1 && b->x0 <= a->x1 && a->y0 <= b->y1 && b->y0 <= a->y1;
}

static inline void
set_source (cairo_t *cr, const MigmapColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static inline gboolean
feature_visible (RenderContext *ctx, const MigmapFeature *feature)
{
  return box_intersects (&ctx->band->feature_box[feature->index], &ctx->view);
}

/* Points in the projected band: those of the shapes that project, plus the
 * ones densification added.  For tests. */
gsize _migmap_renderer_get_n_projected_points (MigmapRenderer   *self,
                                               MigmapProjection  projection,
                                               MigmapDetail      detail);

/* migmap-renderer-raster.c: for FAST quality, sets ctx->image and
 * ctx->to_device when the target is an image surface whose pixels the
 * raster functions can write; leaves them unset otherwise. */
void  _migmap_renderer_target_pixels     (RenderContext  *ctx);

/* migmap-renderer-raster.c: every visible feature's rings as one-pixel
 * anti-aliased lines in ctx->image; @visible is indexed by feature. */
void  _migmap_renderer_draw_borders_fast (RenderContext  *ctx,
                                          const gboolean *visible);

/* migmap-renderer-labels.c: marker dots, then marker and country labels
 * clear of each other and of the label obstacles. */
void  _migmap_renderer_draw_labels       (RenderContext  *ctx);

/* migmap-renderer-disputed.c: the disputed boundaries beside the shapes,
 * dashed over the borders already drawn. */
void  _migmap_renderer_draw_disputed     (RenderContext  *ctx);
void  _migmap_renderer_clear_disputed    (MigmapRenderer *self);

G_END_DECLS
