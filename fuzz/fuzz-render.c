/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-render.c: a fuzzed shapefile loaded and drawn in every projection, in
 * both qualities, over the world and fitted to its own bounds
 *
 * Two layers share the first countries so that stripes are drawn too; the
 * first country is selected and emphasised, and a marker is placed at its
 * label point.  64x48 pixels: big enough to hit every drawing path, small
 * enough for thousands of inputs a second.
 */
#include "config.h"

#include "fuzz-input.h"

#include <cairo.h>
#include <math.h>

#include "migmap-renderer.h"
#include "migmap-viewport.h"

#define WIDTH 64
#define HEIGHT 48

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

/* The union of the features' bounds, cut to the lon/lat range, so that it
 * is a box migmap_viewport_fit_bounds () accepts; FALSE when there is none. */
static gboolean
data_bounds (MigmapShapeSet *shapes, MigmapGeoBounds *out)
{
  MigmapGeoBounds b = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  for (guint f = 0; f < migmap_shape_set_get_n_features (shapes); f++)
    {
      const MigmapGeoBounds *fb = &migmap_shape_set_get_feature (shapes, f)->bounds;

      if (!isfinite (fb->west) || !isfinite (fb->east) || !isfinite (fb->south) || !isfinite (fb->north))
        continue;
      b.west = MIN (b.west, fb->west);
      b.south = MIN (b.south, fb->south);
      b.east = MAX (b.east, fb->east);
      b.north = MAX (b.north, fb->north);
    }
  b.west = CLAMP (b.west, -180.0, 180.0);
  b.east = CLAMP (b.east, -180.0, 180.0);
  b.south = CLAMP (b.south, -85.0, 85.0);
  b.north = CLAMP (b.north, -85.0, 85.0);
  *out = b;
  return b.east - b.west > 1e-3 && b.north - b.south > 1e-3;
}

static void
render (MigmapRenderer *renderer, MigmapViewport *viewport)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  migmap_renderer_render (renderer, viewport, cr);
  g_assert (cairo_status (cr) == CAIRO_STATUS_SUCCESS);
  migmap_renderer_feature_at_screen (renderer, viewport, WIDTH / 2.0, HEIGHT / 2.0, 2.0);
  migmap_renderer_marker_at_screen (renderer, viewport, WIDTH / 2.0, HEIGHT / 2.0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autofree char *path = fuzz_write_shapefile (data, size);
  g_autoptr(MigmapShapeSet) shapes = migmap_shape_set_new_from_file (path, NULL, NULL);
  g_autoptr(MigmapRenderer) renderer = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  const MigmapFeature *first;
  MigmapGeoBounds bounds;
  gboolean fit;
  MigmapColor blue = { 0.1, 0.4, 0.8, 1.0 }, green = { 0.2, 0.7, 0.4, 0.8 };

  if (shapes == NULL)
    return 0;

  first = migmap_shape_set_get_feature (shapes, 0);
  for (guint f = 0; f < MIN (migmap_shape_set_get_n_features (shapes), 4); f++)
    g_ptr_array_add (codes, migmap_shape_set_get_feature (shapes, f)->code);
  g_ptr_array_add (codes, NULL);

  renderer = migmap_renderer_new (shapes);
  migmap_renderer_add_layer (renderer, "a", &blue, (const char * const *) codes->pdata);
  migmap_renderer_add_layer (renderer, "b", &green, (const char * const *) codes->pdata);
  migmap_renderer_set_selected (renderer, first->code);
  migmap_renderer_set_emphasis (renderer, (const char * const *) codes->pdata);
  migmap_renderer_add_marker (renderer, "m", first->label_lon, first->label_lat, "Marker", &blue);
  fit = data_bounds (shapes, &bounds);

  for (MigmapProjection projection = 0; projection <= MIGMAP_PROJECTION_LAEA; projection++)
    for (int quality = 0; quality < 2; quality++)
      {
        g_autoptr(MigmapViewport) viewport = migmap_viewport_new ();
        MigmapGeoBounds world = { -180, -85, 180, 85 };

        migmap_renderer_set_quality (renderer, quality ? MIGMAP_RENDER_QUALITY_FAST : MIGMAP_RENDER_QUALITY_BEST);
        migmap_viewport_set_size (viewport, WIDTH, HEIGHT);
        migmap_viewport_set_projection (viewport, projection);
        migmap_viewport_fit_bounds (viewport, &world);
        render (renderer, viewport);
        if (fit)
          {
            migmap_viewport_fit_bounds (viewport, &bounds);
            render (renderer, viewport);
            /* The deepest zoom a user can reach, at the first label. */
            migmap_viewport_set_resolution (viewport, 1.0);
            migmap_viewport_set_center_geo (viewport, first->label_lon, first->label_lat);
            render (renderer, viewport);
          }
      }
  return 0;
}
