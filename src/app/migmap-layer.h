/* migmap-layer.h: one toggleable thing on the map, with its legend colour */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  MIGMAP_LAYER_COUNTRIES,  /* colours a set of countries */
  MIGMAP_LAYER_MARKERS,    /* draws point markers */
} MigmapLayerKind;

typedef struct {
  char   *id;
  double  lon, lat;
  char   *label;
} MigmapLayerMarker;

#define MIGMAP_TYPE_LAYER (migmap_layer_get_type ())
G_DECLARE_FINAL_TYPE (MigmapLayer, migmap_layer, MIGMAP, LAYER, GObject)

MigmapLayer        *migmap_layer_new_countries (const char         *id,
                                                const char         *title,
                                                const GdkRGBA      *color,
                                                const char * const *codes);
MigmapLayer        *migmap_layer_new_markers   (const char         *id,
                                                const char         *title,
                                                const GdkRGBA      *color);
void                migmap_layer_add_marker    (MigmapLayer        *self,
                                                const char         *id,
                                                double              lon,
                                                double              lat,
                                                const char         *label);

MigmapLayerKind     migmap_layer_get_kind      (MigmapLayer *self);
const char         *migmap_layer_get_id        (MigmapLayer *self);
const char         *migmap_layer_get_title     (MigmapLayer *self);
const char         *migmap_layer_get_section   (MigmapLayer *self);
void                migmap_layer_set_section   (MigmapLayer *self,
                                                const char  *section);
const GdkRGBA      *migmap_layer_get_color     (MigmapLayer *self);
const char * const *migmap_layer_get_codes     (MigmapLayer *self);
gboolean            migmap_layer_has_code      (MigmapLayer *self,
                                                const char  *code);
guint               migmap_layer_get_n_members (MigmapLayer *self);
const MigmapLayerMarker *migmap_layer_get_marker (MigmapLayer *self,
                                                  guint        index);
gboolean            migmap_layer_get_visible   (MigmapLayer *self);
void                migmap_layer_set_visible   (MigmapLayer *self,
                                                gboolean     visible);

G_END_DECLS
