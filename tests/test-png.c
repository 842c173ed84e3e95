/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-png.c: the PNG writer's images decode to exactly what cairo's writer
 * gave, opaque maps and translucent pixels alike, and a coarser zoom band
 * built from two threads at once comes out whole */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "migmap-data-files.h"
#include "migmap-export.h"
#include "migmap-png-writer.h"
#include "migmap-renderer.h"
#include "migmap-shape-set.h"
#include "migmap-viewport.h"

static cairo_surface_t *
decode (const char *path)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  return image;
}

/* Decoded ARGB32 of both files, pixel for pixel. */
static void
assert_same_pixels (const char *a_path, const char *b_path)
{
  cairo_surface_t *a = decode (a_path), *b = decode (b_path);
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);

  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  for (int y = 0; y < height; y++)
    {
      const guint32 *ra = (const guint32 *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a));
      const guint32 *rb = (const guint32 *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < width; x++)
        if (ra[x] != rb[x])
          g_error ("pixel %d,%d: %08x written by cairo, %08x by the export", x, y, ra[x], rb[x]);
    }
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

typedef struct {
  MigmapRenderer *renderer;
  MigmapViewport *viewport;
  gboolean        translucent;
} Scene;

static void
draw_scene (cairo_t *cr, double width, double height, gpointer data)
{
  Scene *scene = data;

  migmap_renderer_render (scene->renderer, scene->viewport, cr);
  if (scene->translucent)
    {
      /* The lower half replaced by every alpha level over the colour
       * levels the unpremultiply rounds (a map itself is opaque). */
      cairo_pattern_t *ramp = cairo_pattern_create_linear (0, 0, width, 0);

      cairo_pattern_add_color_stop_rgba (ramp, 0, 0.9, 0.4, 0.0, 0.0);
      cairo_pattern_add_color_stop_rgba (ramp, 1, 0.1, 0.4, 0.85, 1.0);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_set_source (cr, ramp);
      cairo_rectangle (cr, 0, height / 2, width, height / 2);
      cairo_fill (cr);
      cairo_pattern_destroy (ramp);
    }
}

static void
export_both (Scene *scene, const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("migmap-png-XXXXXX", NULL);
  g_autofree char *ours = g_build_filename (dir, name, NULL);
  g_autofree char *theirs = g_strconcat (ours, ".cairo.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 360);
  cairo_t *cr = cairo_create (surface);

  draw_scene (cr, 640, 360, scene);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, theirs), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (migmap_export_to_file (ours, MIGMAP_FORMAT_PNG, 640, 360, 1.0, draw_scene, scene, &error));
  g_assert_no_error (error);
  assert_same_pixels (theirs, ours);

  g_unlink (ours);
  g_unlink (theirs);
  g_rmdir (dir);
}

static MigmapShapeSet *
load_shapes (const char *relative)
{
  g_autofree char *path = migmap_find_data_file (relative);
  g_autoptr(GError) error = NULL;
  MigmapShapeSet *shapes = migmap_shape_set_new_from_file (path, NULL, &error);

  g_assert_no_error (error);
  return shapes;
}

static void
test_export_pixels (gconstpointer data)
{
  g_autoptr(MigmapShapeSet) shapes = load_shapes ("shapes/ne_50m_admin0.shp");
  g_autoptr(MigmapRenderer) renderer = migmap_renderer_new (shapes);
  g_autoptr(MigmapViewport) viewport = migmap_viewport_new ();
  MigmapGeoBounds bounds;
  MigmapProjection projection;
  Scene scene = { renderer, viewport, GPOINTER_TO_INT (data) };

  g_assert_true (migmap_view_preset_lookup ("mediterranean", &bounds, &projection));
  migmap_viewport_set_size (viewport, 640, 360);
  migmap_viewport_set_projection (viewport, projection);
  migmap_viewport_fit_bounds (viewport, &bounds);
  migmap_renderer_set_quality (renderer, MIGMAP_RENDER_QUALITY_BEST);
  migmap_renderer_set_show_labels (renderer, TRUE);
  export_both (&scene, scene.translucent ? "translucent.png" : "map.png");
}

/* ---- a band asked for by two threads at once ---- */

typedef struct {
  MigmapShapeSet *shapes;
  MigmapDetail    detail;
  gsize           n_points;
  guint           n_rings;
} BandQuery;

static gpointer
query_band (gpointer data)
{
  BandQuery *q = data;

  q->n_points = migmap_shape_set_get_n_points (q->shapes, q->detail);
  for (guint f = 0; f < migmap_shape_set_get_n_features (q->shapes); f++)
    {
      guint n;

      migmap_shape_set_get_rings (q->shapes, migmap_shape_set_get_feature (q->shapes, f), q->detail, &n);
      q->n_rings += n;
    }
  return NULL;
}

static void
test_band_from_threads (void)
{
  for (MigmapDetail detail = MIGMAP_DETAIL_FULL + 1; detail < MIGMAP_N_DETAILS; detail++)
    {
      g_autoptr(MigmapShapeSet) shapes = load_shapes ("shapes/ne_50m_admin0.shp");
      g_autoptr(MigmapShapeSet) alone = load_shapes ("shapes/ne_50m_admin0.shp");
      BandQuery a = { .shapes = shapes, .detail = detail }, b = { .shapes = shapes, .detail = detail };
      BandQuery reference = { .shapes = alone, .detail = detail };
      GThread *ta = g_thread_new ("band-a", query_band, &a);
      GThread *tb = g_thread_new ("band-b", query_band, &b);

      g_thread_join (ta);
      g_thread_join (tb);
      query_band (&reference);
      /* Built once, not twice over, and the same as built by one thread. */
      g_assert_cmpuint (reference.n_points, >, 0);
      g_assert_cmpuint (a.n_points, ==, reference.n_points);
      g_assert_cmpuint (b.n_points, ==, reference.n_points);
      g_assert_cmpuint (a.n_rings, ==, reference.n_rings);
      g_assert_cmpuint (b.n_rings, ==, reference.n_rings);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/png/export-opaque-map", GINT_TO_POINTER (FALSE), test_export_pixels);
  g_test_add_data_func ("/png/export-translucent", GINT_TO_POINTER (TRUE), test_export_pixels);
  g_test_add_func ("/shapes/band-from-threads", test_band_from_threads);
  return g_test_run ();
}
