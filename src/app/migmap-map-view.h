/* migmap-map-view.h: the interactive map widget */
#pragma once

#include <gtk/gtk.h>

#include "migmap-renderer.h"
#include "migmap-viewport.h"

G_BEGIN_DECLS

/* Returns the tooltip text for a country, or NULL for none. */
typedef char *(*MigmapCountryTooltipFunc) (const MigmapFeature *feature,
                                           gpointer             user_data);

#define MIGMAP_TYPE_MAP_VIEW (migmap_map_view_get_type ())
G_DECLARE_FINAL_TYPE (MigmapMapView, migmap_map_view, MIGMAP, MAP_VIEW, GtkWidget)

GtkWidget       *migmap_map_view_new                  (void);
MigmapViewport  *migmap_map_view_get_viewport         (MigmapMapView *self);
MigmapRenderer  *migmap_map_view_get_renderer         (MigmapMapView *self);
void             migmap_map_view_set_shapes           (MigmapMapView  *self,
                                                       MigmapShapeSet *shapes);
void             migmap_map_view_set_detailed_shapes  (MigmapMapView  *self,
                                                       MigmapShapeSet *shapes);
MigmapShapeSet  *migmap_map_view_get_shapes           (MigmapMapView  *self);
MigmapShapeSet  *migmap_map_view_get_detailed_shapes  (MigmapMapView  *self);
const char * const *migmap_map_view_get_highlight     (MigmapMapView  *self);
void             migmap_map_view_set_view_restored    (MigmapMapView  *self);
void             migmap_map_view_set_label_func       (MigmapMapView  *self,
                                                       MigmapLabelFunc func,
                                                       gpointer        user_data);
void             migmap_map_view_set_layers           (MigmapMapView *self,
                                                       GListModel    *layers);
void             migmap_map_view_set_highlight        (MigmapMapView      *self,
                                                       const char * const *codes);
const char      *migmap_map_view_get_selected         (MigmapMapView *self);
void             migmap_map_view_set_selected         (MigmapMapView *self,
                                                       const char    *code);
void             migmap_map_view_set_tooltip_func     (MigmapMapView            *self,
                                                       MigmapCountryTooltipFunc  func,
                                                       gpointer                  user_data,
                                                       GDestroyNotify            destroy);

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
gboolean         migmap_map_view_country_to_widget    (MigmapMapView *self,
                                                       const char    *code,
                                                       double        *x,
                                                       double        *y);
void             migmap_map_view_activate_at          (MigmapMapView *self,
                                                       double         x,
                                                       double         y);
gint64           migmap_map_view_get_last_render_time (MigmapMapView *self);

G_END_DECLS
