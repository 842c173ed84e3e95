/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-projection.c: forward then inverse returns the point, everywhere */
#include <math.h>

#include "migmap-projection.h"
#include "migmap-viewport.h"

static void
check_round_trip (MigmapProjection projection, double max_lat)
{
  guint checked = 0;

  for (double lat = -max_lat; lat <= max_lat; lat += 0.5)
    for (double lon = -180.0; lon <= 180.0; lon += 0.5)
      {
        double x, y, lon2, lat2;

        /* LAEA cannot show its centre's antipode; stay 1° clear of it. */
        if (projection == MIGMAP_PROJECTION_LAEA &&
            hypot (lon - (MIGMAP_LAEA_CENTER_LON - 180.0), lat + MIGMAP_LAEA_CENTER_LAT) < 1.0)
          continue;
        g_assert_true (migmap_projection_forward (projection, lon, lat, &x, &y));
        g_assert_true (migmap_projection_inverse (projection, x, y, &lon2, &lat2));
        g_assert_cmpfloat_with_epsilon (lat2, lat, 1e-6);
        /* ±180° are one meridian. */
        if (fabs (fabs (lon) - 180.0) < 1e-9 && fabs (fabs (lon2) - 180.0) < 1e-6)
          lon2 = lon;
        /* At the poles longitude is undefined. */
        if (fabs (lat) < 90.0 - 1e-9)
          g_assert_cmpfloat_with_epsilon (lon2, lon, 1e-6);
        checked++;
      }
  g_assert_cmpuint (checked, >, 100000);
}

static void
test_equirectangular (void)
{
  check_round_trip (MIGMAP_PROJECTION_EQUIRECTANGULAR, 90.0);
}

static void
test_mercator (void)
{
  check_round_trip (MIGMAP_PROJECTION_MERCATOR, 85.0);
}

static void
test_laea (void)
{
  check_round_trip (MIGMAP_PROJECTION_LAEA, 90.0);
}

/* Points a hair either side of the antimeridian stay on their own side. */
static void
test_antimeridian (void)
{
  MigmapProjection all[] = { MIGMAP_PROJECTION_EQUIRECTANGULAR, MIGMAP_PROJECTION_MERCATOR, MIGMAP_PROJECTION_LAEA };

  for (guint p = 0; p < G_N_ELEMENTS (all); p++)
    for (double lat = -60.0; lat <= 70.0; lat += 10.0)
      {
        double east[2], west[2], lon, back_lat;

        g_assert_true (migmap_projection_forward (all[p], 179.9999, lat, &east[0], &east[1]));
        g_assert_true (migmap_projection_forward (all[p], -179.9999, lat, &west[0], &west[1]));
        g_assert_true (migmap_projection_inverse (all[p], east[0], east[1], &lon, &back_lat));
        g_assert_cmpfloat_with_epsilon (lon, 179.9999, 1e-6);
        g_assert_true (migmap_projection_inverse (all[p], west[0], west[1], &lon, &back_lat));
        g_assert_cmpfloat_with_epsilon (lon, -179.9999, 1e-6);
      }
}

/* Equal area means equal area: a 0.01°x0.01° cell at the centre and far from
 * it covers, on the map, what it covers on the sphere. */
static void
test_laea_is_equal_area (void)
{
  const double R = MIGMAP_EARTH_RADIUS, step = 0.01, DEG = G_PI / 180.0;
  double lats[] = { 35.0, 0.0, -30.0, 60.0 };

  for (guint i = 0; i < G_N_ELEMENTS (lats); i++)
    {
      double x[4], y[4], area, sphere;
      double lon = 15.0 + i * 20.0, lat = lats[i];

      migmap_projection_forward (MIGMAP_PROJECTION_LAEA, lon, lat, &x[0], &y[0]);
      migmap_projection_forward (MIGMAP_PROJECTION_LAEA, lon + step, lat, &x[1], &y[1]);
      migmap_projection_forward (MIGMAP_PROJECTION_LAEA, lon + step, lat + step, &x[2], &y[2]);
      migmap_projection_forward (MIGMAP_PROJECTION_LAEA, lon, lat + step, &x[3], &y[3]);
      area = fabs ((x[0] * y[1] - x[1] * y[0]) + (x[1] * y[2] - x[2] * y[1]) +
                   (x[2] * y[3] - x[3] * y[2]) + (x[3] * y[0] - x[0] * y[3])) / 2.0;
      /* The cell's area on the sphere, exactly: R² Δλ (sin φ₂ - sin φ₁). */
      sphere = R * R * step * DEG * (sin ((lat + step) * DEG) - sin (lat * DEG));
      g_test_message ("cell at %g,%g: map/sphere = %.9f", lon, lat, area / sphere);
      g_assert_cmpfloat (fabs (area / sphere - 1.0), <, 1e-6);
    }
}

static void
test_viewport_zoom_keeps_point (void)
{
  g_autoptr(MigmapViewport) viewport = migmap_viewport_new ();
  MigmapGeoBounds med;
  double lon, lat, lon2, lat2, sx, sy;

  g_assert_true (migmap_view_preset_lookup ("mediterranean", &med, NULL));
  migmap_viewport_set_size (viewport, 1000, 700);
  migmap_viewport_fit_bounds (viewport, &med);
  g_assert_true (migmap_viewport_screen_to_geo (viewport, 300, 200, &lon, &lat));
  migmap_viewport_zoom_at (viewport, 2.5, 300, 200);
  g_assert_true (migmap_viewport_screen_to_geo (viewport, 300, 200, &lon2, &lat2));
  g_assert_cmpfloat_with_epsilon (lon2, lon, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat2, lat, 1e-9);

  /* Panning moves the map with the pointer. */
  g_assert_true (migmap_viewport_geo_to_screen (viewport, lon, lat, &sx, &sy));
  migmap_viewport_pan_by (viewport, 40, -25);
  g_assert_true (migmap_viewport_geo_to_screen (viewport, lon, lat, &lon2, &lat2));
  g_assert_cmpfloat_with_epsilon (lon2, sx + 40, 1e-6);
  g_assert_cmpfloat_with_epsilon (lat2, sy - 25, 1e-6);
}

static void
test_viewport_fit_contains_box (void)
{
  const char * const *names = migmap_view_preset_names ();

  for (guint i = 0; names[i]; i++)
    {
      g_autoptr(MigmapViewport) viewport = migmap_viewport_new ();
      MigmapGeoBounds b;
      MigmapProjection projection;
      double corners[4][2], sx, sy;

      g_assert_true (migmap_view_preset_lookup (names[i], &b, &projection));
      migmap_viewport_set_size (viewport, 1920, 1080);
      migmap_viewport_set_projection (viewport, projection);
      migmap_viewport_fit_bounds (viewport, &b);
      corners[0][0] = b.west; corners[0][1] = b.south;
      corners[1][0] = b.east; corners[1][1] = b.south;
      corners[2][0] = b.east; corners[2][1] = b.north;
      corners[3][0] = b.west; corners[3][1] = b.north;
      for (guint c = 0; c < 4; c++)
        {
          g_assert_true (migmap_viewport_geo_to_screen (viewport, corners[c][0], corners[c][1], &sx, &sy));
          g_assert_cmpfloat (sx, >=, -1e-6);
          g_assert_cmpfloat (sx, <=, 1920 + 1e-6);
          g_assert_cmpfloat (sy, >=, -1e-6);
          g_assert_cmpfloat (sy, <=, 1080 + 1e-6);
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/projection/round-trip/equirectangular", test_equirectangular);
  g_test_add_func ("/projection/round-trip/mercator", test_mercator);
  g_test_add_func ("/projection/round-trip/laea", test_laea);
  g_test_add_func ("/projection/antimeridian", test_antimeridian);
  g_test_add_func ("/projection/laea-equal-area", test_laea_is_equal_area);
  g_test_add_func ("/viewport/zoom-keeps-point", test_viewport_zoom_keeps_point);
  g_test_add_func ("/viewport/fit-contains-box", test_viewport_fit_contains_box);

  return g_test_run ();
}
