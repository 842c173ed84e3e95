/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-render-bounds.c: hostile geometry costs the renderer bounded work and
 * still gives a map
 *
 * The shapes come from tests/data/make-render-fixtures.py; the build writes
 * them next to this test.
 */
#include <cairo.h>
#include <math.h>

#include "migmap-renderer-private.h"
#include "migmap-viewport.h"

#define SEA_COLOUR 0xb8d4e6
#define LAND_COLOUR 0xf2efe6

static MigmapShapeSet *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autoptr(GError) error = NULL;
  MigmapShapeSet *shapes = migmap_shape_set_new_from_file (path, NULL, &error);

  g_assert_no_error (error);
  return shapes;
}

static guint32
pixel_rgb (cairo_surface_t *surface, int x, int y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);
  return ((const guint32 *) row)[x] & 0xffffff;
}

/* D1: a curved projection bends long edges through extra points.  400 edges
 * around the world would take 144,000 of them; the band stays within the
 * budget, and the square beside the zigzag is still drawn. */
static void
test_densify_budget (gconstpointer data)
{
  MigmapRenderQuality quality = GPOINTER_TO_INT (data);
  g_autoptr(MigmapShapeSet) shapes = load_fixture ("d1-densify-budget.shp");
  g_autoptr(MigmapRenderer) renderer = migmap_renderer_new (shapes);
  g_autoptr(MigmapViewport) viewport = migmap_viewport_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 480);
  cairo_t *cr = cairo_create (surface);
  MigmapGeoBounds bounds = { -10, 20, 40, 50 };
  gsize n_points = migmap_shape_set_get_n_points (shapes, MIGMAP_DETAIL_FULL);
  gsize n_projected;
  double sx, sy;

  migmap_viewport_set_size (viewport, 640, 480);
  migmap_viewport_set_projection (viewport, MIGMAP_PROJECTION_LAEA);
  migmap_viewport_fit_bounds (viewport, &bounds);
  migmap_renderer_set_quality (renderer, quality);
  migmap_renderer_set_show_labels (renderer, FALSE);
  migmap_renderer_render (renderer, viewport, cr);
  cairo_surface_flush (surface);

  for (MigmapDetail detail = 0; detail < MIGMAP_N_DETAILS; detail++)
    {
      n_projected = _migmap_renderer_get_n_projected_points (renderer, MIGMAP_PROJECTION_LAEA, detail);
      n_points = migmap_shape_set_get_n_points (shapes, detail);
      g_test_message ("detail %d: %" G_GSIZE_FORMAT " points, %" G_GSIZE_FORMAT " projected",
                      detail, n_points, n_projected);
      g_assert_cmpuint (n_projected, >, n_points);
      g_assert_cmpuint (n_projected, <=, n_points + MIGMAP_RENDERER_DENSIFY_BUDGET (n_points));
    }

  g_assert_true (migmap_viewport_geo_to_screen (viewport, 15.0, 35.0, &sx, &sy));
  g_assert_cmphex (pixel_rgb (surface, (int) sx, (int) sy), ==, LAND_COLOUR);
  g_assert_true (migmap_viewport_geo_to_screen (viewport, 0.0, 45.0, &sx, &sy));
  g_assert_cmphex (pixel_rgb (surface, (int) sx, (int) sy), ==, SEA_COLOUR);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* D2: zoomed 10,000 times into the west side of a 20-degree square, its
 * other vertices lie some 10^10 pixels away, beyond any int; each step of
 * its south-east staircase is wholly off the image.  Borders drawn into the
 * pixels must clip such edges before converting anything to int, and still
 * draw the west border where it is. */
static void
test_far_vertices (void)
{
  g_autoptr(MigmapShapeSet) shapes = load_fixture ("d2-far-vertices.shp");
  g_autoptr(MigmapRenderer) renderer = migmap_renderer_new (shapes);
  g_autoptr(MigmapViewport) viewport = migmap_viewport_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 48);
  cairo_t *cr = cairo_create (surface);

  migmap_viewport_set_size (viewport, 64, 48);
  migmap_viewport_set_projection (viewport, MIGMAP_PROJECTION_EQUIRECTANGULAR);
  migmap_viewport_set_resolution (viewport, 1.0);
  g_assert_true (migmap_viewport_set_center_geo (viewport, -10.0, 0.0));
  migmap_renderer_set_quality (renderer, MIGMAP_RENDER_QUALITY_FAST);
  migmap_renderer_set_show_labels (renderer, FALSE);

  /* The view's centre stays at the image's centre. */
  cairo_translate (cr, 32, 24);
  cairo_scale (cr, 1e4, 1e4);
  cairo_translate (cr, -32, -24);
  migmap_renderer_render (renderer, viewport, cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < 48; y += 6)
    {
      guint32 border = pixel_rgb (surface, 31, y);

      g_assert_cmphex (pixel_rgb (surface, 10, y), ==, SEA_COLOUR);
      g_assert_cmphex (pixel_rgb (surface, 50, y), ==, LAND_COLOUR);
      /* Darker than the sea and land on either side. */
      g_assert_cmpuint (border & 0xff, <, SEA_COLOUR & 0xff);
      g_assert_cmpuint ((border >> 16) & 0xff, <, (SEA_COLOUR >> 16) & 0xff);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/render-bounds/densify-budget/best",
                        GINT_TO_POINTER (MIGMAP_RENDER_QUALITY_BEST), test_densify_budget);
  g_test_add_data_func ("/render-bounds/densify-budget/fast",
                        GINT_TO_POINTER (MIGMAP_RENDER_QUALITY_FAST), test_densify_budget);
  g_test_add_func ("/render-bounds/far-vertices", test_far_vertices);

  return g_test_run ();
}
