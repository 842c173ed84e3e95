/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-renderer.c: sea, countries, layer colours, emphasis and selection
 *
 * Projected coordinates are cached per projection and detail band, so a pan or
 * zoom costs only path building; cairo applies the view transform itself.
 * Borders of interactive frames are drawn by migmap-renderer-raster.c, markers
 * and labels by migmap-renderer-labels.c.
 */
#include "config.h"

#include "migmap-renderer-private.h"

#include <math.h>

/* Longest edge, in degrees, drawn straight under a non-cylindrical projection. */
#define DENSIFY_DEG 1.0
/* No edge between two longitude/latitude points spans more than 360 degrees:
 * coordinates that ask for more are not degrees, and bending such an edge any
 * finer would only cost time and memory. */
#define DENSIFY_MAX_STEPS (360.0 / DENSIFY_DEG)
#define STRIPE_WIDTH 5.0
#define MIN_VISIBLE_PX 2.5
#define MIN_BORDERED_PX 12.0

G_DEFINE_FINAL_TYPE (MigmapRenderer, migmap_renderer, G_TYPE_OBJECT)

static void
projected_band_free (ProjectedBand *band)
{
  if (band == NULL)
    return;
  g_free (band->xy);
  g_free (band->ring_offset);
  g_free (band->ring_count);
  g_free (band->ring_box);
  g_free (band->feature_box);
  g_free (band);
}

static void
layer_free (gpointer data)
{
  Layer *layer = data;

  g_free (layer->id);
  g_hash_table_unref (layer->codes);
  g_free (layer);
}

static void
marker_clear (gpointer data)
{
  Marker *marker = data;

  g_free (marker->id);
  g_free (marker->label);
}

static void
clear_caches (MigmapRenderer *self)
{
  for (guint p = 0; p < G_N_ELEMENTS (self->cache); p++)
    for (guint d = 0; d < MIGMAP_N_DETAILS; d++)
      g_clear_pointer (&self->cache[p][d], projected_band_free);
  g_clear_pointer (&self->label_order, g_free);
}

static void
migmap_renderer_finalize (GObject *object)
{
  MigmapRenderer *self = MIGMAP_RENDERER (object);

  clear_caches (self);
  _migmap_renderer_clear_disputed (self);
  if (self->label_destroy)
    self->label_destroy (self->label_data);
  g_clear_object (&self->shapes);
  g_ptr_array_unref (self->layers);
  g_array_unref (self->markers);
  g_hash_table_unref (self->text_sizes);
  g_ptr_array_unref (self->numbered);
  g_hash_table_unref (self->drawn);
  g_free (self->selected);
  g_hash_table_unref (self->emphasis);
  g_array_unref (self->obstacles);
  g_free (self->style.label_family);

  G_OBJECT_CLASS (migmap_renderer_parent_class)->finalize (object);
}

static void
migmap_renderer_class_init (MigmapRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = migmap_renderer_finalize;
}

static void
migmap_renderer_init (MigmapRenderer *self)
{
  migmap_color_parse ("#b8d4e6", &self->style.sea);
  migmap_color_parse ("#f2efe6", &self->style.land);
  migmap_color_parse ("#8c8a84", &self->style.border);
  migmap_color_parse ("#3a3a38", &self->style.label);
  migmap_color_parse ("#ffffffc0", &self->style.label_halo);
  /* Black in a white halo stands out on every layer colour. */
  migmap_color_parse ("#000000", &self->style.selection);
  self->style.border_width = 0.6;
  self->style.label_size = 11.0;
  self->style.label_family = g_strdup ("Sans");

  self->layers = g_ptr_array_new_with_free_func (layer_free);
  self->markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  g_array_set_clear_func (self->markers, marker_clear);
  self->text_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->emphasis = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->obstacles = g_array_new (FALSE, FALSE, sizeof (double) * 4);
  self->numbered = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->numbered, NULL);
  self->drawn = g_hash_table_new (g_str_hash, g_str_equal);
  self->show_labels = TRUE;
}

MigmapRenderer *
migmap_renderer_new (MigmapShapeSet *shapes)
{
  MigmapRenderer *self;

  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (shapes), NULL);

  self = g_object_new (MIGMAP_TYPE_RENDERER, NULL);
  self->shapes = g_object_ref (shapes);
  return self;
}

MigmapShapeSet *
migmap_renderer_get_shapes (MigmapRenderer *self)
{
  g_return_val_if_fail (MIGMAP_IS_RENDERER (self), NULL);
  return self->shapes;
}

void
migmap_renderer_set_shapes (MigmapRenderer *self, MigmapShapeSet *shapes)
{
  g_return_if_fail (MIGMAP_IS_RENDERER (self));
  g_return_if_fail (MIGMAP_IS_SHAPE_SET (shapes));

  if (shapes == self->shapes)
    return;
  clear_caches (self);
  _migmap_renderer_clear_disputed (self);
  g_set_object (&self->shapes, shapes);
}



void
migmap_renderer_add_layer (MigmapRenderer *self, const char *id,
                           const MigmapColor *color, const char * const *codes)
{
  Layer *layer;

  g_return_if_fail (MIGMAP_IS_RENDERER (self));
  g_return_if_fail (id != NULL && color != NULL);

  layer = g_new0 (Layer, 1);
  layer->id = g_strdup (id);
  layer->color = *color;
  layer->visible = TRUE;
  layer->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; codes && codes[i]; i++)
    g_hash_table_add (layer->codes, g_strdup (codes[i]));
  g_ptr_array_add (self->layers, layer);
}

gboolean
migmap_renderer_set_layer_visible (MigmapRenderer *self, const char *id, gboolean visible)
{
  g_return_val_if_fail (MIGMAP_IS_RENDERER (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < self->layers->len; i++)
    {
      Layer *layer = g_ptr_array_index (self->layers, i);
      if (g_str_equal (layer->id, id))
        {
          layer->visible = !!visible;
          return TRUE;
        }
    }
  return FALSE;
}

void
migmap_renderer_clear_layers (MigmapRenderer *self)
{
  g_return_if_fail (MIGMAP_IS_RENDERER (self));
  g_ptr_array_set_size (self->layers, 0);
}

void
migmap_renderer_add_place (MigmapRenderer *self, const char *id, double lon, double lat,
                           const char *label, const MigmapColor *color,
                           MigmapMarkerSymbol symbol, gboolean approximate)
{
  Marker marker;

  g_return_if_fail (MIGMAP_IS_RENDERER (self));
  g_return_if_fail (color != NULL);
  g_return_if_fail ((guint) symbol <= MIGMAP_MARKER_BORDER_CROSSING);

  marker = (Marker) { g_strdup (id), lon, lat, g_strdup (label), *color, symbol, !!approximate };
  g_array_append_val (self->markers, marker);
}

void
migmap_renderer_add_marker (MigmapRenderer *self, const char *id, double lon, double lat,
                            const char *label, const MigmapColor *color)
{
  migmap_renderer_add_place (self, id, lon, lat, label, color, MIGMAP_MARKER_CITY, FALSE);
}

const char * const *
migmap_renderer_get_numbered_places (MigmapRenderer *self)
{
  g_return_val_if_fail (MIGMAP_IS_RENDERER (self), NULL);
  return (const char * const *) self->numbered->pdata;
}

gboolean
migmap_renderer_was_drawn (MigmapRenderer *self, const char *code)
{
  g_return_val_if_fail (MIGMAP_IS_RENDERER (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  return g_hash_table_contains (self->drawn, code);
}

/* A sequential ramp (ColorBrewer YlGnBu, light to dark): more groups,
 * darker, in one hue family that reads in order for colour-blind readers
 * too; the lightest step still stands apart from plain land. */
void
migmap_renderer_count_color (guint n, guint n_visible, MigmapColor *color)
{
  static const double ramp[][3] = {
    { 0xc7, 0xe9, 0xb4 }, { 0x7f, 0xcd, 0xbb }, { 0x41, 0xb6, 0xc4 }, { 0x1d, 0x91, 0xc0 },
    { 0x22, 0x5e, 0xa8 }, { 0x25, 0x34, 0x94 }, { 0x08, 0x1d, 0x58 },
  };
  double t, f;
  guint i;

  g_return_if_fail (color != NULL);

  t = n_visible > 1 ? (double) (CLAMP (n, 1, n_visible) - 1) / (n_visible - 1) : 0.0;
  f = t * (G_N_ELEMENTS (ramp) - 1);
  i = MIN ((guint) f, G_N_ELEMENTS (ramp) - 2);
  f -= i;
  color->red = (ramp[i][0] * (1 - f) + ramp[i + 1][0] * f) / 255.0;
  color->green = (ramp[i][1] * (1 - f) + ramp[i + 1][1] * f) / 255.0;
  color->blue = (ramp[i][2] * (1 - f) + ramp[i + 1][2] * f) / 255.0;
  color->alpha = 1.0;
}

void
migmap_renderer_clear_markers (MigmapRenderer *self)
{
  g_return_if_fail (MIGMAP_IS_RENDERER (self));
  g_array_set_size (self->markers, 0);
}

void
migmap_renderer_set_selected (MigmapRenderer *self, const char *code)
{
  g_return_if_fail (MIGMAP_IS_RENDERER (self));
  g_free (self->selected);
  self->selected = g_strdup (code);
}

void
migmap_renderer_set_label_func (MigmapRenderer *self, MigmapLabelFunc func, gpointer user_data,
                                GDestroyNotify destroy)
{
  g_return_if_fail (MIGMAP_IS_RENDERER (self));

  if (self->label_destroy)
    self->label_destroy (self->label_data);
  self->label_func = func;
  self->label_data = user_data;
  self->label_destroy = destroy;
}

void
migmap_renderer_set_emphasis (MigmapRenderer *self, const char * const *codes)
{
  g_return_if_fail (MIGMAP_IS_RENDERER (self));

  g_hash_table_remove_all (self->emphasis);
  for (guint i = 0; codes && codes[i]; i++)
    g_hash_table_add (self->emphasis, g_strdup (codes[i]));
}

void
migmap_renderer_set_show_labels (MigmapRenderer *self, gboolean show_labels)
{
  g_return_if_fail (MIGMAP_IS_RENDERER (self));
  self->show_labels = !!show_labels;
}

void
migmap_renderer_set_label_obstacles (MigmapRenderer *self, const double *rects, guint n_rects)
{
  g_return_if_fail (MIGMAP_IS_RENDERER (self));
  g_return_if_fail (rects != NULL || n_rects == 0);

  g_array_set_size (self->obstacles, 0);
  for (guint i = 0; i < n_rects; i++)
    {
      /* Stored as corners, as labels are. */
      double r[4] = { rects[4 * i], rects[4 * i + 1], rects[4 * i] + rects[4 * i + 2], rects[4 * i + 1] + rects[4 * i + 3] };
      g_array_append_vals (self->obstacles, r, 1);
    }
}

void
migmap_renderer_set_number_places (MigmapRenderer *self, gboolean number_places)
{
  g_return_if_fail (MIGMAP_IS_RENDERER (self));
  self->number_places = !!number_places;
}

void
migmap_renderer_set_quality (MigmapRenderer *self, MigmapRenderQuality quality)
{
  g_return_if_fail (MIGMAP_IS_RENDERER (self));
  self->quality = quality;
}

/* ---- projection cache ---- */

static void
box_clear (Box *box)
{
  box->x0 = box->y0 = G_MAXDOUBLE;
  box->x1 = box->y1 = -G_MAXDOUBLE;
}

static void
box_add (Box *box, double x, double y)
{
  box->x0 = MIN (box->x0, x);
  box->y0 = MIN (box->y0, y);
  box->x1 = MAX (box->x1, x);
  box->y1 = MAX (box->y1, y);
}

static void
append_projected (GArray *out, Box *box, MigmapProjection projection, double lon, double lat)
{
  double xy[2];

  if (!migmap_projection_forward (projection, lon, lat, &xy[0], &xy[1]) ||
      !isfinite (xy[0]) || !isfinite (xy[1]))
    return;
  g_array_append_vals (out, xy, 2);
  box_add (box, xy[0], xy[1]);
}

static ProjectedBand *
project_band (MigmapShapeSet *shapes, MigmapProjection projection, MigmapDetail detail)
{
  ProjectedBand *band = g_new0 (ProjectedBand, 1);
  /* First: a coarser band is built when first asked for. */
  gsize n_points = migmap_shape_set_get_n_points (shapes, detail);
  guint n_features = migmap_shape_set_get_n_features (shapes);
  const MigmapFeature *last = migmap_shape_set_get_feature (shapes, n_features - 1);
  guint n_rings = last->ring_start[detail] + last->n_rings[detail];
  gboolean curved = !migmap_projection_is_cylindrical (projection);
  gsize budget = MIGMAP_RENDERER_DENSIFY_BUDGET (n_points);
  GArray *xy = g_array_sized_new (FALSE, FALSE, sizeof (double), n_points * 2);

  band->ring_offset = g_new (guint, MAX (n_rings, 1));
  band->ring_count = g_new (guint, MAX (n_rings, 1));
  band->ring_box = g_new (Box, MAX (n_rings, 1));
  band->feature_box = g_new (Box, n_features);

  for (guint f = 0; f < n_features; f++)
    {
      const MigmapFeature *feature = migmap_shape_set_get_feature (shapes, f);
      guint count;
      const MigmapRing *rings = migmap_shape_set_get_rings (shapes, feature, detail, &count);

      box_clear (&band->feature_box[f]);
      for (guint r = 0; r < count; r++)
        {
          guint index = feature->ring_start[detail] + r;
          const double *p = rings[r].points;
          Box *box = &band->ring_box[index];

          box_clear (box);
          band->ring_offset[index] = xy->len / 2;
          for (guint i = 0; i < rings[r].n_points; i++)
            {
              /* Long straight edges (the antimeridian cut, Antarctica's
               * closure) must bend with the projection.  The steps are
               * counted in double, where NaN and huge lengths are harmless,
               * and capped per edge and per band: once the band's budget is
               * spent, the remaining edges are drawn straight. */
              if (curved && i > 0 && budget > 0)
                {
                  double dlon = p[2 * i] - p[2 * i - 2], dlat = p[2 * i + 1] - p[2 * i - 1];
                  double length = MAX (fabs (dlon), fabs (dlat)) / DENSIFY_DEG;
                  guint steps = 0;

                  if (length >= 2.0)
                    steps = (guint) MIN (MIN (floor (length), DENSIFY_MAX_STEPS), (double) budget + 1.0);
                  if (steps > 1)
                    budget -= steps - 1;
                  for (guint s = 1; s < steps; s++)
                    append_projected (xy, box, projection,
                                      p[2 * i - 2] + dlon * s / steps,
                                      p[2 * i - 1] + dlat * s / steps);
                }
              append_projected (xy, box, projection, p[2 * i], p[2 * i + 1]);
            }
          band->ring_count[index] = xy->len / 2 - band->ring_offset[index];
          if (band->ring_count[index] > 0)
            {
              band->feature_box[f].x0 = MIN (band->feature_box[f].x0, box->x0);
              band->feature_box[f].y0 = MIN (band->feature_box[f].y0, box->y0);
              band->feature_box[f].x1 = MAX (band->feature_box[f].x1, box->x1);
              band->feature_box[f].y1 = MAX (band->feature_box[f].y1, box->y1);
            }
        }
    }

  band->n_points = xy->len / 2;
  band->xy = (double *) g_array_free (xy, FALSE);
  return band;
}

static ProjectedBand *
get_band (MigmapRenderer *self, MigmapProjection projection, MigmapDetail detail)
{
  if (self->cache[projection][detail] == NULL)
    self->cache[projection][detail] = project_band (self->shapes, projection, detail);
  return self->cache[projection][detail];
}

gsize
_migmap_renderer_get_n_projected_points (MigmapRenderer   *self,
                                         MigmapProjection  projection,
                                         MigmapDetail      detail)
{
  g_return_val_if_fail (MIGMAP_IS_RENDERER (self), 0);
  g_return_val_if_fail ((guint) projection < G_N_ELEMENTS (self->cache), 0);
  g_return_val_if_fail ((guint) detail < MIGMAP_N_DETAILS, 0);

  return get_band (self, projection, detail)->n_points;
}

/* ---- drawing ---- */

/* Adds a feature's rings to the current path, in screen space. */
static void
append_feature_path (RenderContext *ctx, const MigmapFeature *feature)
{
  cairo_t *cr = ctx->cr;

  cairo_save (cr);
  cairo_transform (cr, &ctx->to_screen);
  for (guint r = 0; r < feature->n_rings[ctx->detail]; r++)
    {
      guint index = feature->ring_start[ctx->detail] + r;
      const double *p;
      guint n = ctx->band->ring_count[index];

      if (n < 3 || !box_intersects (&ctx->band->ring_box[index], &ctx->view))
        continue;
      p = ctx->band->xy + 2 * ctx->band->ring_offset[index];
      cairo_move_to (cr, p[0], p[1]);
      for (guint i = 1; i < n; i++)
        cairo_line_to (cr, p[2 * i], p[2 * i + 1]);
      cairo_close_path (cr);
    }
  cairo_restore (cr);
}

static double
feature_screen_extent (RenderContext *ctx, const MigmapFeature *feature)
{
  const Box *box = &ctx->band->feature_box[feature->index];
  return MAX (box->x1 - box->x0, box->y1 - box->y0) / ctx->resolution;
}

/* The visible layers that colour a country, in legend order. */
static guint
collect_layers (MigmapRenderer *self, const char *code, const Layer **out, guint max)
{
  guint n = 0;

  for (guint i = 0; i < self->layers->len && n < max; i++)
    {
      const Layer *layer = g_ptr_array_index (self->layers, i);
      if (layer->visible && g_hash_table_contains (layer->codes, code))
        out[n++] = layer;
    }
  return n;
}

/* Diagonal stripes of every colour, as one repeating image tile anchored to
 * the page so neighbouring countries' stripes line up. */
static cairo_pattern_t *
create_stripe_pattern (RenderContext *ctx, const Layer **layers, guint n)
{
  const double band = STRIPE_WIDTH * G_SQRT2;   /* stripe width along an axis */
  const double tile = band * n;
  cairo_surface_t *target = cairo_get_target (ctx->cr);
  cairo_surface_t *surface;
  cairo_pattern_t *pattern;
  cairo_t *cr;
  double sx, sy;

  cairo_surface_get_device_scale (target, &sx, &sy);
  surface = cairo_surface_create_similar_image (target, CAIRO_FORMAT_ARGB32,
                                                (int) ceil (tile * sx), (int) ceil (tile * sy));
  cairo_surface_set_device_scale (surface, sx, sy);

  cr = cairo_create (surface);
  /* The first colour underlies everything, so anti-aliased band edges blend
   * two colours instead of letting the background through. */
  set_source (cr, &layers[0]->color);
  cairo_paint (cr);
  /* Band k covers k*band <= x + y < (k+1)*band; x + y spans 0..2*tile.  Each
   * band is drawn long and the tile's edges cut it. */
  for (int k = 0; k < 2 * (int) n; k++)
    {
      if (k % n == 0)
        continue;
      double c0 = k * band, c1 = (k + 1) * band, far = 2.0 * tile;

      cairo_move_to (cr, c0 + far, -far);
      cairo_line_to (cr, c1 + far, -far);
      cairo_line_to (cr, c1 - far, far);
      cairo_line_to (cr, c0 - far, far);
      cairo_close_path (cr);
      set_source (cr, &layers[k % n]->color);
      cairo_fill (cr);
    }
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (surface);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (surface);
  return pattern;
}

/* Vector stripes: one path of bands per colour, clipped to the country.
 * Viewers anti-alias the edges of tiling patterns into visible seams. */
static void
draw_vector_stripes (RenderContext *ctx, const MigmapFeature *feature, const Layer **layers, guint n)
{
  cairo_t *cr = ctx->cr;
  const Box *box = &ctx->band->feature_box[feature->index];
  const double band = STRIPE_WIDTH * G_SQRT2;
  double x0 = box->x0, y0 = box->y1, x1 = box->x1, y1 = box->y0;
  double width, height;
  int k0, k1;

  cairo_matrix_transform_point (&ctx->to_screen, &x0, &y0);
  cairo_matrix_transform_point (&ctx->to_screen, &x1, &y1);
  /* Only the view is drawn: bands beyond it would cost time, and a country
   * far larger than the view would make k overflow an int. */
  migmap_viewport_get_size (ctx->viewport, &width, &height);
  x0 = CLAMP (x0, -2.0 * band, width + 2.0 * band);
  x1 = CLAMP (x1, -2.0 * band, width + 2.0 * band);
  y0 = CLAMP (y0, -2.0 * band, height + 2.0 * band);
  y1 = CLAMP (y1, -2.0 * band, height + 2.0 * band);
  /* Band k covers k*band <= x + y < (k+1)*band, as in the image tile. */
  k0 = (int) floor ((x0 + y0) / band) - 1;
  k1 = (int) ceil ((x1 + y1) / band) + 1;

  cairo_save (cr);
  cairo_new_path (cr);
  append_feature_path (ctx, feature);
  cairo_clip (cr);
  for (guint c = 0; c < n; c++)
    {
      cairo_new_path (cr);
      for (int k = k0; k <= k1; k++)
        {
          double c0 = k * band, c1 = (k + 1) * band;

          if (((k % (int) n) + n) % n != c)
            continue;
          cairo_move_to (cr, c0 - y0, y0);
          cairo_line_to (cr, c1 - y0, y0);
          cairo_line_to (cr, c1 - y1, y1);
          cairo_line_to (cr, c0 - y1, y1);
          cairo_close_path (cr);
        }
      set_source (cr, &layers[c]->color);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
draw_stripes (RenderContext *ctx, const MigmapFeature *feature, const Layer **layers, guint n)
{
  cairo_pattern_t *pattern;

  if (cairo_surface_get_type (cairo_get_target (ctx->cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    {
      draw_vector_stripes (ctx, feature, layers, n);
      return;
    }
  pattern = create_stripe_pattern (ctx, layers, n);
  cairo_new_path (ctx->cr);
  append_feature_path (ctx, feature);
  cairo_set_source (ctx->cr, pattern);
  cairo_fill (ctx->cr);
  cairo_pattern_destroy (pattern);
}

static void
draw_small_feature_dot (RenderContext *ctx, const MigmapFeature *feature, const MigmapColor *color)
{
  double sx, sy;

  if (!migmap_viewport_geo_to_screen (ctx->viewport, feature->label_lon, feature->label_lat, &sx, &sy))
    return;
  cairo_new_path (ctx->cr);
  cairo_arc (ctx->cr, sx, sy, 3.0, 0, 2 * G_PI);
  set_source (ctx->cr, color);
  cairo_fill_preserve (ctx->cr);
  set_source (ctx->cr, &ctx->self->style.border);
  cairo_set_line_width (ctx->cr, 0.8);
  cairo_stroke (ctx->cr);
}

static void
draw_countries (RenderContext *ctx)
{
  MigmapRenderer *self = ctx->self;
  cairo_t *cr = ctx->cr;
  guint n_features = migmap_shape_set_get_n_features (self->shapes);
  g_autoptr(GPtrArray) striped = g_ptr_array_new ();
  g_autoptr(GPtrArray) dots = g_ptr_array_new ();
  g_autofree const Layer **first_layer = g_new0 (const Layer *, n_features);
  g_autofree guint8 *n_layers = g_new0 (guint8, n_features);
  g_autofree gboolean *visible = g_new0 (gboolean, n_features);
  guint n_visible_layers = 0;
  gboolean by_count;

  for (guint i = 0; i < self->layers->len; i++)
    n_visible_layers += ((const Layer *) g_ptr_array_index (self->layers, i))->visible;
  /* Stripes of four colours or more read as noise: the country is filled
   * by how many groups it is in instead, and the tooltip and legend say which. */
  by_count = n_visible_layers > MIGMAP_RENDERER_MAX_STRIPES;
  g_hash_table_remove_all (self->drawn);

  for (guint f = 0; f < n_features; f++)
    {
      const MigmapFeature *feature = migmap_shape_set_get_feature (self->shapes, f);
      const Layer *found[16];

      visible[f] = feature_visible (ctx, feature);
      if (!visible[f])
        continue;
      g_hash_table_add (self->drawn, feature->code);
      n_layers[f] = collect_layers (self, feature->code, found, G_N_ELEMENTS (found));
      first_layer[f] = n_layers[f] ? found[0] : NULL;
      if (n_layers[f] > 1 || (by_count && n_layers[f] > 0))
        g_ptr_array_add (striped, (gpointer) feature);
      if (n_layers[f] && feature_screen_extent (ctx, feature) < MIN_VISIBLE_PX)
        g_ptr_array_add (dots, (gpointer) feature);
    }

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, self->style.border_width);
  if (ctx->image)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);

  /* One path per paint: plain land first, then each layer's single-colour
   * countries.  Each fill is stroked at once: shared borders are drawn by both
   * neighbours, so later fills cannot hide them. */
  for (int paint = -1; paint < (int) self->layers->len; paint++)
    {
      const Layer *layer = paint >= 0 ? g_ptr_array_index (self->layers, paint) : NULL;
      gboolean any = FALSE;

      cairo_new_path (cr);
      for (guint f = 0; f < n_features; f++)
        {
          const MigmapFeature *feature = migmap_shape_set_get_feature (self->shapes, f);

          if (!visible[f])
            continue;
          if (layer == NULL ? n_layers[f] != 0 : by_count || !(n_layers[f] == 1 && first_layer[f] == layer))
            continue;
          append_feature_path (ctx, feature);
          any = TRUE;
        }
      if (!any)
        continue;
      set_source (cr, layer ? &layer->color : &self->style.land);
      if (ctx->image)
        {
          cairo_fill (cr);
          continue;
        }
      if (layer)
        {
          /* Islands a few pixels across (Malta) keep their colour: only
           * countries large enough to show a border get one. */
          cairo_fill (cr);
          for (guint f = 0; f < n_features; f++)
            {
              const MigmapFeature *feature = migmap_shape_set_get_feature (self->shapes, f);

              if (visible[f] && n_layers[f] == 1 && !by_count && first_layer[f] == layer &&
                  feature_screen_extent (ctx, feature) >= MIN_BORDERED_PX)
                append_feature_path (ctx, feature);
            }
        }
      else
        cairo_fill_preserve (cr);
      /* Neighbours in one layer keep a border that shows on its colour: a
       * darker shade of it (white would eat small islands such as Malta). */
      if (layer)
        cairo_set_source_rgb (cr, layer->color.red * 0.45, layer->color.green * 0.45, layer->color.blue * 0.45);
      else
        set_source (cr, &self->style.border);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < striped->len; i++)
    {
      const MigmapFeature *feature = g_ptr_array_index (striped, i);
      const Layer *found[16];
      guint n = collect_layers (self, feature->code, found, G_N_ELEMENTS (found));

      if (by_count)
        {
          MigmapColor fill;

          migmap_renderer_count_color (n, n_visible_layers, &fill);
          cairo_new_path (cr);
          append_feature_path (ctx, feature);
          set_source (cr, &fill);
          cairo_fill (cr);
        }
      else
        draw_stripes (ctx, feature, found, n);
      if (ctx->image || feature_screen_extent (ctx, feature) < MIN_BORDERED_PX)
        continue;
      cairo_new_path (cr);
      append_feature_path (ctx, feature);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.55);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  if (ctx->image)
    _migmap_renderer_draw_borders_fast (ctx, visible);

  /* A highlighted island smaller than a pixel still shows. */
  for (guint i = 0; i < dots->len; i++)
    {
      const MigmapFeature *feature = g_ptr_array_index (dots, i);
      MigmapColor fill = first_layer[feature->index]->color;

      if (by_count)
        migmap_renderer_count_color (n_layers[feature->index], n_visible_layers, &fill);
      draw_small_feature_dot (ctx, feature, &fill);
    }
}

/* A veil and a firm outline: the layer colours stay readable underneath. */
static void
draw_emphasis (RenderContext *ctx)
{
  cairo_t *cr = ctx->cr;
  GHashTableIter iter;
  gpointer code;

  if (g_hash_table_size (ctx->self->emphasis) == 0)
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  g_hash_table_iter_init (&iter, ctx->self->emphasis);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    {
      const MigmapFeature *feature = migmap_shape_set_lookup (ctx->self->shapes, code);
      if (feature && feature_visible (ctx, feature))
        append_feature_path (ctx, feature);
    }
  /* A dark outline in a white halo over a slight darkening: it shows on
   * every layer colour, where a fill of its own colour would vanish on a
   * layer of a near one. */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgba (cr, 0.1, 0.08, 0.15, 0.16);
  cairo_fill_preserve (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 4.5);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.95);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 1.8);
  cairo_set_source_rgba (cr, 0.14, 0.12, 0.19, 1.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_selection (RenderContext *ctx)
{
  const MigmapFeature *feature;
  cairo_t *cr = ctx->cr;

  if (ctx->self->selected == NULL)
    return;
  feature = migmap_shape_set_lookup (ctx->self->shapes, ctx->self->selected);
  if (feature == NULL || !feature_visible (ctx, feature))
    return;

  cairo_new_path (cr);
  append_feature_path (ctx, feature);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.95);
  cairo_set_line_width (cr, 6.0);
  cairo_stroke_preserve (cr);
  set_source (cr, &ctx->self->style.selection);
  cairo_set_line_width (cr, 2.6);
  cairo_stroke (cr);
}

void
migmap_renderer_render (MigmapRenderer *self, MigmapViewport *viewport, cairo_t *cr)
{
  RenderContext ctx = { .self = self, .viewport = viewport, .cr = cr };
  double width, height, cx, cy, margin;

  g_return_if_fail (MIGMAP_IS_RENDERER (self));
  g_return_if_fail (MIGMAP_IS_VIEWPORT (viewport));
  g_return_if_fail (cr != NULL);

  migmap_viewport_get_size (viewport, &width, &height);
  migmap_viewport_get_center (viewport, &cx, &cy);
  ctx.resolution = migmap_viewport_get_resolution (viewport);
  ctx.detail = migmap_detail_for_resolution (migmap_viewport_get_degrees_per_pixel (viewport));
  ctx.band = get_band (self, migmap_viewport_get_projection (viewport), ctx.detail);
  cairo_matrix_init (&ctx.to_screen, 1.0 / ctx.resolution, 0, 0, -1.0 / ctx.resolution,
                     width / 2.0 - cx / ctx.resolution, height / 2.0 + cy / ctx.resolution);
  margin = 4.0 * ctx.resolution;
  migmap_viewport_get_projected_bounds (viewport, &ctx.view.x0, &ctx.view.y0, &ctx.view.x1, &ctx.view.y1);
  ctx.view.x0 -= margin;
  ctx.view.y0 -= margin;
  ctx.view.x1 += margin;
  ctx.view.y1 += margin;

  if (self->quality == MIGMAP_RENDER_QUALITY_FAST)
    _migmap_renderer_target_pixels (&ctx);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_source (cr, &self->style.sea);
  cairo_paint (cr);

  draw_countries (&ctx);
  _migmap_renderer_draw_disputed (&ctx);
  draw_emphasis (&ctx);
  draw_selection (&ctx);

  _migmap_renderer_draw_labels (&ctx);

  cairo_restore (cr);
}

const MigmapFeature *
migmap_renderer_feature_at_screen (MigmapRenderer *self, MigmapViewport *viewport,
                                   double screen_x, double screen_y, double tolerance_px)
{
  double lon, lat;

  g_return_val_if_fail (MIGMAP_IS_RENDERER (self), NULL);
  g_return_val_if_fail (MIGMAP_IS_VIEWPORT (viewport), NULL);

  if (!migmap_viewport_screen_to_geo (viewport, screen_x, screen_y, &lon, &lat))
    return NULL;
  return migmap_shape_set_feature_near (self->shapes, lon, lat,
                                        tolerance_px * migmap_viewport_get_degrees_per_pixel (viewport));
}

/* The marker drawn last wins, as it is the one on top. */
const char *
migmap_renderer_marker_at_screen (MigmapRenderer *self, MigmapViewport *viewport,
                                  double screen_x, double screen_y)
{
  g_return_val_if_fail (MIGMAP_IS_RENDERER (self), NULL);
  g_return_val_if_fail (MIGMAP_IS_VIEWPORT (viewport), NULL);

  for (guint i = self->markers->len; i > 0; i--)
    {
      const Marker *marker = &g_array_index (self->markers, Marker, i - 1);
      double sx, sy;

      if (migmap_viewport_geo_to_screen (viewport, marker->lon, marker->lat, &sx, &sy) &&
          hypot (sx - screen_x, sy - screen_y) <= MARKER_RADIUS + 2.0)
        return marker->id;
    }
  return NULL;
}
