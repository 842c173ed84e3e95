/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-map-view.h: the interactive map widget, drawing a MigmapMapState */
#pragma once

#include <gtk/gtk.h>

#include "migmap-map-state.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_MAP_VIEW (migmap_map_view_get_type ())
G_DECLARE_FINAL_TYPE (MigmapMapView, migmap_map_view, MIGMAP, MAP_VIEW, GtkWidget)

GtkWidget       *migmap_map_view_new                  (void);
MigmapMapState  *migmap_map_view_get_state            (MigmapMapView  *self);
void             migmap_map_view_set_state            (MigmapMapView  *self,
                                                       MigmapMapState *state);
MigmapViewport  *migmap_map_view_get_viewport         (MigmapMapView  *self);
void             migmap_map_view_set_view_restored    (MigmapMapView  *self);

void             migmap_map_view_reset_view           (MigmapMapView *self);
void             migmap_map_view_zoom                 (MigmapMapView *self,
                                                       double         factor);
void             migmap_map_view_pan                  (MigmapMapView *self,
                                                       double         dx,
                                                       double         dy);
void             migmap_map_view_show_bounds          (MigmapMapView         *self,
                                                       const MigmapGeoBounds *bounds,
                                                       gboolean               animate);
void             migmap_map_view_center_on            (MigmapMapView *self,
                                                       double         lon,
                                                       double         lat,
                                                       gboolean       animate);
gint64           migmap_map_view_get_last_render_time (MigmapMapView *self);
gboolean         migmap_map_view_get_map_drawn        (MigmapMapView *self);
void             migmap_map_view_wait_for_renders     (void);

/* What a screen reader hears for the map: the selected country or place. */
const char     *migmap_map_view_get_accessible_label (MigmapMapView *self);

G_END_DECLS
