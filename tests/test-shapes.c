/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-shapes.c: which country lies under a point, on both shape resolutions
 * and through every projection, and clear errors for bad shapefiles */
#include <math.h>

#include "migmap-data-files.h"
#include "migmap-renderer.h"
#include "migmap-shape-set.h"

typedef struct {
  const char *place;
  double lon, lat;
  const char *code;   /* NULL: open sea */
} Probe;

static const Probe probes[] = {
  { "Valletta",    14.5146,  35.8989, "MLT" },
  { "Tunis",       10.1815,  36.8065, "TUN" },
  { "Addis Ababa", 38.7578,   9.0301, "ETH" },
  { "Praia",      -23.5087,  14.9330, "CPV" },
  { "Beirut",      35.5018,  33.8938, "LBN" },
  { "Ramallah",    35.2042,  31.9038, "PSE" },
  { "Pristina",    21.1655,  42.6629, "XKX" },
  { "Ionian Sea",  18.5000,  36.0000, NULL },
  { "mid-Atlantic", -35.0000, 30.0000, NULL },
  { "Bering Strait, Russian side", 179.5, 66.0, "RUS" },
  { "Chukotka west of 180°", -175.0, 67.0, "RUS" },
  { "Fiji, Vanua Levu", 179.3, -16.5, "FJI" },
  { "South Pole",    0.0, -89.9, "ATA" },
};

static MigmapShapeSet *
load_bundled (const char *resolution)
{
  g_autofree char *relative = g_strdup_printf ("shapes/ne_%s_admin0.shp", resolution);
  g_autofree char *path = migmap_find_data_file (relative);
  g_autoptr(GError) error = NULL;
  MigmapShapeSet *shapes = migmap_shape_set_new_from_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (shapes);
  return shapes;
}

/* Coastal capitals can sit a few hundred metres off a generalised coastline:
 * the 1:50m test allows what a click would (a pixel at 1:50m scales). */
static void
check_probes (MigmapShapeSet *shapes, double tolerance)
{
  for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
    {
      const MigmapFeature *feature = migmap_shape_set_feature_near (shapes, probes[i].lon, probes[i].lat, tolerance);
      const char *code = feature ? feature->code : NULL;

      g_test_message ("%s (%g, %g): %s", probes[i].place, probes[i].lon, probes[i].lat, code ? code : "sea");
      g_assert_cmpstr (code, ==, probes[i].code);
    }
}

static void
test_hit_50m (void)
{
  g_autoptr(MigmapShapeSet) shapes = load_bundled ("50m");
  check_probes (shapes, 0.02);
}

static void
test_hit_10m (void)
{
  g_autoptr(MigmapShapeSet) shapes = load_bundled ("10m");
  check_probes (shapes, 0.0);
}

/* Exact point-in-polygon without the index, to check the index against. */
static const MigmapFeature *
brute_force_at (MigmapShapeSet *shapes, double lon, double lat)
{
  for (guint f = 0; f < migmap_shape_set_get_n_features (shapes); f++)
    {
      const MigmapFeature *feature = migmap_shape_set_get_feature (shapes, f);
      guint n_rings;
      const MigmapRing *rings = migmap_shape_set_get_rings (shapes, feature, MIGMAP_DETAIL_FULL, &n_rings);
      gboolean inside = FALSE;

      for (guint r = 0; r < n_rings; r++)
        {
          const double *p = rings[r].points;
          for (guint i = 0; i + 1 < rings[r].n_points; i++)
            if ((p[2 * i + 1] > lat) != (p[2 * i + 3] > lat) &&
                lon < p[2 * i] + (lat - p[2 * i + 1]) * (p[2 * i + 2] - p[2 * i]) / (p[2 * i + 3] - p[2 * i + 1]))
              inside = !inside;
        }
      if (inside)
        return feature;
    }
  return NULL;
}

static void
test_index_matches_brute_force (void)
{
  g_autoptr(MigmapShapeSet) shapes = load_bundled ("50m");
  GRand *rand = g_rand_new_with_seed (20261124);
  guint mismatches = 0, on_land = 0;

  for (guint i = 0; i < 4000; i++)
    {
      double lon = g_rand_double_range (rand, -180.0, 180.0);
      double lat = g_rand_double_range (rand, -89.0, 89.0);
      const MigmapFeature *indexed = migmap_shape_set_feature_at (shapes, lon, lat);
      const MigmapFeature *exact = brute_force_at (shapes, lon, lat);

      on_land += exact != NULL;
      if (indexed != exact)
        {
          g_test_message ("(%f, %f): index says %s, exact test says %s", lon, lat,
                          indexed ? indexed->code : "sea", exact ? exact->code : "sea");
          mismatches++;
        }
    }
  g_rand_free (rand);
  g_assert_cmpuint (mismatches, ==, 0);
  /* About 29% of the Earth is land: make sure the sample saw both. */
  g_assert_cmpuint (on_land, >, 800);
  g_assert_cmpuint (on_land, <, 2000);
}

/* A click on the screen finds the country under it in every projection. */
static void
test_screen_point_every_projection (void)
{
  g_autoptr(MigmapShapeSet) shapes = load_bundled ("50m");
  g_autoptr(MigmapRenderer) renderer = migmap_renderer_new (shapes);
  MigmapProjection projections[] = { MIGMAP_PROJECTION_EQUIRECTANGULAR, MIGMAP_PROJECTION_MERCATOR, MIGMAP_PROJECTION_LAEA };
  /* West Africa to the Levant, so Praia and Beirut are both on screen. */
  MigmapGeoBounds bounds = { -26.0, 5.0, 40.0, 45.0 };

  for (guint p = 0; p < G_N_ELEMENTS (projections); p++)
    {
      g_autoptr(MigmapViewport) viewport = migmap_viewport_new ();

      migmap_viewport_set_size (viewport, 1600, 1000);
      migmap_viewport_set_projection (viewport, projections[p]);
      migmap_viewport_fit_bounds (viewport, &bounds);

      for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
        {
          const MigmapFeature *feature;
          double sx, sy;

          if (probes[i].lon < bounds.west || probes[i].lon > bounds.east ||
              probes[i].lat < bounds.south || probes[i].lat > bounds.north)
            continue;
          g_assert_true (migmap_viewport_geo_to_screen (viewport, probes[i].lon, probes[i].lat, &sx, &sy));
          g_assert_cmpfloat (sx, >=, 0);
          g_assert_cmpfloat (sx, <, 1600);
          g_assert_cmpfloat (sy, >=, 0);
          g_assert_cmpfloat (sy, <, 1000);
          /* Half a pixel of tolerance, as for a mouse click. */
          feature = migmap_renderer_feature_at_screen (renderer, viewport, floor (sx) + 0.5, floor (sy) + 0.5, 1.0);
          g_test_message ("%s, %s: pixel (%d, %d) is %s", migmap_projection_to_string (projections[p]),
                          probes[i].place, (int) sx, (int) sy, feature ? feature->code : "sea");
          g_assert_cmpstr (feature ? feature->code : NULL, ==, probes[i].code);
        }
    }
}

static void
test_bundled_contents (void)
{
  const char *resolutions[] = { "50m", "10m" };

  for (guint r = 0; r < G_N_ELEMENTS (resolutions); r++)
    {
      g_autoptr(MigmapShapeSet) shapes = load_bundled (resolutions[r]);
      const char *required[] = { "MLT", "CPV", "PSE", "TUN", "LBN", "ETH", "MAR", "DZA", "LBY", "EGY", "JOR", "XKX" };

      g_assert_cmpuint (migmap_shape_set_get_n_features (shapes), >, 230);
      for (guint i = 0; i < G_N_ELEMENTS (required); i++)
        g_assert_nonnull (migmap_shape_set_lookup (shapes, required[i]));
      g_assert_cmpstr (migmap_shape_set_lookup (shapes, "MLT")->name, ==, "Malta");
      g_assert_cmpstr (migmap_shape_set_lookup (shapes, "MLT")->code2, ==, "MT");
      /* Coarser bands really are lighter. */
      g_assert_cmpuint (migmap_shape_set_get_n_points (shapes, MIGMAP_DETAIL_COARSE), <,
                        migmap_shape_set_get_n_points (shapes, MIGMAP_DETAIL_FULL) / 4);
    }
}

/* No ring may jump across the antimeridian. */
static void
test_no_antimeridian_jumps (void)
{
  g_autoptr(MigmapShapeSet) shapes = load_bundled ("10m");

  for (guint f = 0; f < migmap_shape_set_get_n_features (shapes); f++)
    {
      const MigmapFeature *feature = migmap_shape_set_get_feature (shapes, f);
      guint n_rings;
      const MigmapRing *rings = migmap_shape_set_get_rings (shapes, feature, MIGMAP_DETAIL_FULL, &n_rings);

      for (guint r = 0; r < n_rings; r++)
        for (guint i = 0; i + 1 < rings[r].n_points; i++)
          if (fabs (rings[r].points[2 * i + 2] - rings[r].points[2 * i]) > 180.0)
            g_error ("%s ring %u jumps from %f to %f", feature->code, r,
                     rings[r].points[2 * i], rings[r].points[2 * i + 2]);
    }
}

/* ---- bad files ---- */

static void
expect_error (const char *file, int code, const char *expected_message_tail)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", file, NULL);
  g_autofree char *expected = g_strdup_printf ("%s: %s", path, expected_message_tail);
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapShapeSet) shapes = migmap_shape_set_new_from_file (path, NULL, &error);

  g_assert_null (shapes);
  g_assert_error (error, MIGMAP_SHAPE_SET_ERROR, code);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_error_truncated (void)
{
  expect_error ("truncated.shp", MIGMAP_SHAPE_SET_ERROR_FORMAT,
                "truncated: the header announces 3456 bytes but the file has 1728");
}

static void
test_error_missing_dbf (void)
{
  g_autofree char *base = g_test_build_filename (G_TEST_DIST, "data", "no-dbf", NULL);
  g_autofree char *tail = g_strdup_printf ("the attribute table %s.dbf is missing", base);

  expect_error ("no-dbf.shp", MIGMAP_SHAPE_SET_ERROR_OPEN, tail);
}

static void
test_error_points (void)
{
  expect_error ("points.shp", MIGMAP_SHAPE_SET_ERROR_GEOMETRY, "holds points, not polygons");
}

static void
test_error_empty (void)
{
  expect_error ("empty.shp", MIGMAP_SHAPE_SET_ERROR_FORMAT, "the file is empty");
}

static void
test_error_not_a_shapefile (void)
{
  expect_error ("not-a-shapefile.shp", MIGMAP_SHAPE_SET_ERROR_FORMAT, "not a shapefile (no shapefile header)");
}

static void
test_error_missing_file (void)
{
  expect_error ("does-not-exist.shp", MIGMAP_SHAPE_SET_ERROR_OPEN, "No such file or directory");
}

static void
test_error_unknown_field (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.shp", NULL);
  MigmapShapeSetOptions options = { "COUNTRY_CODE", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapShapeSet) shapes = migmap_shape_set_new_from_file (path, &options, &error);

  g_assert_null (shapes);
  g_assert_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_ATTRIBUTES);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "has no COUNTRY_CODE; its fields are: ISO_A3, ISO_A2"));
}

static void
test_small_file_with_options (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.shp", NULL);
  MigmapShapeSetOptions options = { "ISO_A2", "NE_NAME" };
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapShapeSet) shapes = migmap_shape_set_new_from_file (path, &options, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (migmap_shape_set_get_n_features (shapes), ==, 2);
  g_assert_cmpstr (migmap_shape_set_feature_at (shapes, 10.1815, 36.8065)->code, ==, "TN");
  g_assert_null (migmap_shape_set_feature_at (shapes, 2.35, 48.85));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shapes/hit/50m", test_hit_50m);
  g_test_add_func ("/shapes/hit/10m", test_hit_10m);
  g_test_add_func ("/shapes/hit/index-matches-brute-force", test_index_matches_brute_force);
  g_test_add_func ("/shapes/hit/screen-point-every-projection", test_screen_point_every_projection);
  g_test_add_func ("/shapes/bundled-contents", test_bundled_contents);
  g_test_add_func ("/shapes/no-antimeridian-jumps", test_no_antimeridian_jumps);
  g_test_add_func ("/shapes/options", test_small_file_with_options);
  g_test_add_func ("/shapes/error/truncated", test_error_truncated);
  g_test_add_func ("/shapes/error/missing-dbf", test_error_missing_dbf);
  g_test_add_func ("/shapes/error/points", test_error_points);
  g_test_add_func ("/shapes/error/empty", test_error_empty);
  g_test_add_func ("/shapes/error/not-a-shapefile", test_error_not_a_shapefile);
  g_test_add_func ("/shapes/error/missing-file", test_error_missing_file);
  g_test_add_func ("/shapes/error/unknown-field", test_error_unknown_field);

  return g_test_run ();
}
