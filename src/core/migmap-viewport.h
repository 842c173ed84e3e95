/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-viewport.h: what part of the world a map shows, at what size */
#pragma once

#include <glib-object.h>

#include "migmap-projection.h"
#include "migmap-shape-set.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_VIEWPORT (migmap_viewport_get_type ())
G_DECLARE_FINAL_TYPE (MigmapViewport, migmap_viewport, MIGMAP, VIEWPORT, GObject)

MigmapViewport  *migmap_viewport_new             (void);
MigmapViewport  *migmap_viewport_copy            (MigmapViewport *self);

MigmapProjection migmap_viewport_get_projection  (MigmapViewport  *self);
void             migmap_viewport_set_projection  (MigmapViewport  *self,
                                                  MigmapProjection projection);
void             migmap_viewport_get_size        (MigmapViewport  *self,
                                                  double          *width,
                                                  double          *height);
void             migmap_viewport_set_size        (MigmapViewport  *self,
                                                  double           width,
                                                  double           height);
double           migmap_viewport_get_resolution  (MigmapViewport  *self);
void             migmap_viewport_set_resolution  (MigmapViewport  *self,
                                                  double           metres_per_pixel);
void             migmap_viewport_get_center      (MigmapViewport  *self,
                                                  double          *x,
                                                  double          *y);
void             migmap_viewport_set_center      (MigmapViewport  *self,
                                                  double           x,
                                                  double           y);
gboolean         migmap_viewport_get_center_geo  (MigmapViewport  *self,
                                                  double          *lon,
                                                  double          *lat);
gboolean         migmap_viewport_set_center_geo  (MigmapViewport  *self,
                                                  double           lon,
                                                  double           lat);

void             migmap_viewport_fit_bounds      (MigmapViewport        *self,
                                                  const MigmapGeoBounds *bounds);
void             migmap_viewport_pan_by          (MigmapViewport  *self,
                                                  double           dx,
                                                  double           dy);
void             migmap_viewport_zoom_at         (MigmapViewport  *self,
                                                  double           factor,
                                                  double           screen_x,
                                                  double           screen_y);

gboolean         migmap_viewport_geo_to_screen   (MigmapViewport  *self,
                                                  double           lon,
                                                  double           lat,
                                                  double          *screen_x,
                                                  double          *screen_y);
gboolean         migmap_viewport_screen_to_geo   (MigmapViewport  *self,
                                                  double           screen_x,
                                                  double           screen_y,
                                                  double          *lon,
                                                  double          *lat);
double           migmap_viewport_get_degrees_per_pixel (MigmapViewport *self);
void             migmap_viewport_get_projected_bounds  (MigmapViewport *self,
                                                        double         *x0,
                                                        double         *y0,
                                                        double         *x1,
                                                        double         *y1);

/* Named views: world, mediterranean, africa, middle-east. */
gboolean         migmap_view_preset_lookup       (const char       *name,
                                                  MigmapGeoBounds  *bounds,
                                                  MigmapProjection *projection);
const char * const *migmap_view_preset_names     (void);

G_END_DECLS
