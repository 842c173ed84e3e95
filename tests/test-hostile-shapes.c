/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hostile-shapes.c: shapefiles MigMap does not control: projected ones,
 * legacy encodings, lying headers, absurd geometry (issue 10)
 *
 * Fixtures are made at set-up: the bundled shapes reprojected by ogr2ogr,
 * and tests/data/make-hostile-shapes.py for the hand-made hostile ones.
 */
#include <glib/gstdio.h>
#include <math.h>

#include "migmap-data-files.h"
#include "migmap-renderer.h"
#include "migmap-shape-set.h"

static char *fixture_dir;

/* Runs argv; fails the test (not skips it) when the program is missing:
 * CI installs everything tools/debian-packages.txt lists. */
static void
run_or_fail (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  if (error)
    g_error ("cannot run %s (is it installed? tools/setup.sh installs it): %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
}

static char *
fixture (const char *name)
{
  return g_build_filename (fixture_dir, name, NULL);
}

static MigmapShapeSet *
load_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  MigmapShapeSet *shapes = migmap_shape_set_new_from_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (shapes);
  return shapes;
}

/* The country under a lon/lat, found the way a click in the window finds it:
 * through the renderer, from a screen point. */
static const char *
country_at (MigmapShapeSet *shapes, double lon, double lat)
{
  g_autoptr(MigmapRenderer) renderer = migmap_renderer_new (shapes);
  g_autoptr(MigmapViewport) viewport = migmap_viewport_new ();
  MigmapGeoBounds mediterranean = { -10.0, 28.0, 40.0, 55.0 };
  const MigmapFeature *feature;
  double x, y;

  migmap_viewport_set_size (viewport, 1200, 800);
  migmap_viewport_fit_bounds (viewport, &mediterranean);
  g_assert_true (migmap_viewport_geo_to_screen (viewport, lon, lat, &x, &y));
  feature = migmap_renderer_feature_at_screen (renderer, viewport, x, y, 0.0);
  return feature ? feature->code : NULL;
}

/* ---- projected shapefiles ---- */

static void
check_projected (const char *srs, const char * const *extra, gboolean whole_world)
{
  g_autofree char *source = migmap_find_data_file ("shapes/ne_50m_admin0.shp");
  g_autofree char *name = g_strdup_printf ("ne_50m_%s.shp", srs + 5);
  g_autofree char *path = fixture (name);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(MigmapShapeSet) shapes = NULL;

  g_ptr_array_add (argv, "ogr2ogr");
  g_ptr_array_add (argv, "-q");
  g_ptr_array_add (argv, "-t_srs");
  g_ptr_array_add (argv, (char *) srs);
  for (guint i = 0; extra && extra[i]; i++)
    g_ptr_array_add (argv, (char *) extra[i]);
  g_ptr_array_add (argv, path);
  g_ptr_array_add (argv, source);
  g_ptr_array_add (argv, NULL);
  run_or_fail ((const char * const *) argv->pdata);

  shapes = load_ok (path);
  g_assert_cmpstr (country_at (shapes, 9.5, 34.0), ==, "TUN");
  g_assert_cmpstr (country_at (shapes, 15.5, 49.8), ==, "CZE");
  g_assert_cmpstr (country_at (shapes, 18.5, 36.0), ==, NULL); /* Ionian Sea */
  g_assert_cmpstr (country_at (shapes, 0.0, 66.0), ==, NULL); /* Norwegian Sea */
  if (whole_world)
    {
      /* Russia's vertices on the antimeridian stay on their own side. */
      g_assert_cmpstr (country_at (shapes, 179.5, 66.0), ==, "RUS");
      g_assert_cmpstr (country_at (shapes, -175.0, 67.0), ==, "RUS");
    }
  g_assert_cmpstr (migmap_shape_set_lookup (shapes, "CIV")->name, ==, "Côte d'Ivoire");
}

static void
test_projected_web_mercator (void)
{
  const char * const clip[] = { "-clipsrc", "-179", "-85", "179", "85", NULL };
  check_projected ("EPSG:3857", clip, FALSE);
}

static void
test_projected_laea_europe (void)
{
  check_projected ("EPSG:3035", NULL, TRUE);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  fixture_dir = g_dir_make_tmp ("migmap-hostile-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/hostile-shapes/projected/web-mercator", test_projected_web_mercator);
  g_test_add_func ("/hostile-shapes/projected/laea-europe", test_projected_laea_europe);

  status = g_test_run ();

  {
    const char * const rm[] = { "rm", "-rf", fixture_dir, NULL };
    run_or_fail (rm);
  }
  g_free (fixture_dir);
  return status;
}
