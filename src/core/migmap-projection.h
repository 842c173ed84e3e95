/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-projection.h: map projections on a sphere, in metres */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Mean Earth radius (IUGG), metres. */
#define MIGMAP_EARTH_RADIUS 6371008.8

typedef enum {
  MIGMAP_PROJECTION_EQUIRECTANGULAR,
  MIGMAP_PROJECTION_MERCATOR,
  MIGMAP_PROJECTION_LAEA,
} MigmapProjection;

#define MIGMAP_TYPE_PROJECTION (migmap_projection_get_type ())
GType       migmap_projection_get_type    (void) G_GNUC_CONST;

/* Centre of the Lambert azimuthal equal-area projection: the Mediterranean. */
#define MIGMAP_LAEA_CENTER_LON 15.0
#define MIGMAP_LAEA_CENTER_LAT 35.0
/* Web Mercator's latitude limit, where the map is square. */
#define MIGMAP_MERCATOR_MAX_LAT 85.05112878

gboolean    migmap_projection_forward     (MigmapProjection projection,
                                           double           lon,
                                           double           lat,
                                           double          *x,
                                           double          *y);
gboolean    migmap_projection_inverse     (MigmapProjection projection,
                                           double           x,
                                           double           y,
                                           double          *lon,
                                           double          *lat);
gboolean    migmap_projection_is_cylindrical (MigmapProjection projection);
double      migmap_projection_scale_factor (MigmapProjection projection,
                                            double           lon,
                                            double           lat);
const char *migmap_projection_to_string   (MigmapProjection projection);
gboolean    migmap_projection_from_string (const char       *name,
                                           MigmapProjection *projection);

G_END_DECLS
