/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-projection.c: spherical forward and inverse projections
 *
 * Cylindrical projections keep the central meridian at 0 so that the shapes,
 * already split at ±180°, never need cutting again.
 */
#include "config.h"

#include "migmap-projection.h"

#include <math.h>

G_DEFINE_ENUM_TYPE (MigmapProjection, migmap_projection,
  G_DEFINE_ENUM_VALUE (MIGMAP_PROJECTION_EQUIRECTANGULAR, "equirectangular"),
  G_DEFINE_ENUM_VALUE (MIGMAP_PROJECTION_MERCATOR, "mercator"),
  G_DEFINE_ENUM_VALUE (MIGMAP_PROJECTION_LAEA, "laea"))

#define DEG (G_PI / 180.0)

static double
normalize_lon (double lon)
{
  while (lon > 180.0)
    lon -= 360.0;
  while (lon < -180.0)
    lon += 360.0;
  return lon;
}

gboolean
migmap_projection_forward (MigmapProjection projection,
                           double lon, double lat,
                           double *x, double *y)
{
  const double R = MIGMAP_EARTH_RADIUS;

  switch (projection)
    {
    case MIGMAP_PROJECTION_EQUIRECTANGULAR:
      *x = R * lon * DEG;
      *y = R * lat * DEG;
      return TRUE;

    case MIGMAP_PROJECTION_MERCATOR:
      lat = CLAMP (lat, -MIGMAP_MERCATOR_MAX_LAT, MIGMAP_MERCATOR_MAX_LAT);
      *x = R * lon * DEG;
      *y = R * log (tan (G_PI / 4.0 + lat * DEG / 2.0));
      return TRUE;

    case MIGMAP_PROJECTION_LAEA:
      {
        double phi0 = MIGMAP_LAEA_CENTER_LAT * DEG;
        double phi = lat * DEG;
        double dlam = (lon - MIGMAP_LAEA_CENTER_LON) * DEG;
        double denom = 1.0 + sin (phi0) * sin (phi) + cos (phi0) * cos (phi) * cos (dlam);
        double k;

        /* The antipode of the centre maps to the whole outer circle. */
        if (denom < 1e-12)
          {
            *x = *y = NAN;
            return FALSE;
          }
        k = sqrt (2.0 / denom);
        *x = R * k * cos (phi) * sin (dlam);
        *y = R * k * (cos (phi0) * sin (phi) - sin (phi0) * cos (phi) * cos (dlam));
        return TRUE;
      }

    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
migmap_projection_inverse (MigmapProjection projection,
                           double x, double y,
                           double *lon, double *lat)
{
  const double R = MIGMAP_EARTH_RADIUS;

  switch (projection)
    {
    case MIGMAP_PROJECTION_EQUIRECTANGULAR:
      *lon = x / R / DEG;
      *lat = y / R / DEG;
      return fabs (*lon) <= 180.0 + 1e-9 && fabs (*lat) <= 90.0 + 1e-9;

    case MIGMAP_PROJECTION_MERCATOR:
      *lon = x / R / DEG;
      *lat = (2.0 * atan (exp (y / R)) - G_PI / 2.0) / DEG;
      return fabs (*lon) <= 180.0 + 1e-9 && fabs (*lat) <= MIGMAP_MERCATOR_MAX_LAT + 1e-9;

    case MIGMAP_PROJECTION_LAEA:
      {
        double phi0 = MIGMAP_LAEA_CENTER_LAT * DEG;
        double rho = hypot (x, y);
        double c, phi, lam;

        if (rho > 2.0 * R)
          {
            *lon = *lat = NAN;
            return FALSE;
          }
        if (rho < 1e-9)
          {
            *lon = MIGMAP_LAEA_CENTER_LON;
            *lat = MIGMAP_LAEA_CENTER_LAT;
            return TRUE;
          }
        c = 2.0 * asin (MIN (1.0, rho / (2.0 * R)));
        phi = asin (CLAMP (cos (c) * sin (phi0) + y * sin (c) * cos (phi0) / rho, -1.0, 1.0));
        lam = atan2 (x * sin (c), rho * cos (phi0) * cos (c) - y * sin (phi0) * sin (c));
        *lat = phi / DEG;
        *lon = normalize_lon (MIGMAP_LAEA_CENTER_LON + lam / DEG);
        return TRUE;
      }

    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
migmap_projection_is_cylindrical (MigmapProjection projection)
{
  return projection != MIGMAP_PROJECTION_LAEA;
}

/* Ratio of map distance to true distance along a parallel at (lon, lat): what
 * a scale bar at that point must correct for.  LAEA is equal-area, so its
 * parallel and meridian scales differ away from the centre; the mean of the
 * two is what a bar can honestly show. */
double
migmap_projection_scale_factor (MigmapProjection projection,
                                double lon, double lat)
{
  switch (projection)
    {
    case MIGMAP_PROJECTION_EQUIRECTANGULAR:
    case MIGMAP_PROJECTION_MERCATOR:
      return 1.0 / MAX (cos (lat * DEG), 1e-6);

    case MIGMAP_PROJECTION_LAEA:
      {
        double phi0 = MIGMAP_LAEA_CENTER_LAT * DEG;
        double phi = lat * DEG;
        double dlam = (lon - MIGMAP_LAEA_CENTER_LON) * DEG;
        double cos_c = sin (phi0) * sin (phi) + cos (phi0) * cos (phi) * cos (dlam);
        double k = sqrt (2.0 / MAX (1.0 + cos_c, 1e-12));
        return (k + 1.0 / k) / 2.0;
      }

    default:
      g_return_val_if_reached (1.0);
    }
}

const char *
migmap_projection_to_string (MigmapProjection projection)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (MIGMAP_TYPE_PROJECTION);
  GEnumValue *value = g_enum_get_value (klass, projection);

  return value ? value->value_nick : NULL;
}

gboolean
migmap_projection_from_string (const char *name, MigmapProjection *projection)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  g_return_val_if_fail (name != NULL, FALSE);

  klass = g_type_class_ref (MIGMAP_TYPE_PROJECTION);
  value = g_enum_get_value_by_nick (klass, name);
  if (value == NULL)
    return FALSE;
  *projection = value->value;
  return TRUE;
}
