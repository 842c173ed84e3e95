/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-map-layer.h: one thing a user can switch on the map, with its legend colour */
#pragma once

#include <glib-object.h>

#include "migmap-color.h"
#include "migmap-renderer.h"

G_BEGIN_DECLS

typedef enum {
  MIGMAP_MAP_LAYER_COUNTRIES,  /* colours a set of countries */
  MIGMAP_MAP_LAYER_MARKERS,    /* draws point markers */
} MigmapMapLayerKind;

typedef struct {
  char   *id;
  double  lon, lat;
  char   *label;                 /* the name to draw: a short form */
  MigmapMarkerSymbol symbol;     /* the kind of place */
  gboolean approximate;          /* the point stands for a country or region */
  char   *name;                  /* the full name, for tooltips */
} MigmapMapMarker;

#define MIGMAP_TYPE_MAP_LAYER (migmap_map_layer_get_type ())
G_DECLARE_FINAL_TYPE (MigmapMapLayer, migmap_map_layer, MIGMAP, MAP_LAYER, GObject)

MigmapMapLayer     *migmap_map_layer_new_countries (const char         *id,
                                                    const char         *title,
                                                    const char         *section,
                                                    const MigmapColor  *color,
                                                    const char * const *codes);
MigmapMapLayer     *migmap_map_layer_new_markers   (const char         *id,
                                                    const char         *title,
                                                    const char         *section,
                                                    const MigmapColor  *color);
void                migmap_map_layer_add_marker    (MigmapMapLayer     *self,
                                                    const char         *id,
                                                    double              lon,
                                                    double              lat,
                                                    const char         *label);
void                migmap_map_layer_add_place     (MigmapMapLayer     *self,
                                                    const MigmapMapMarker *place);
MigmapMapLayer     *migmap_map_layer_copy          (MigmapMapLayer     *self);

MigmapMapLayerKind  migmap_map_layer_get_kind      (MigmapMapLayer *self);
const char         *migmap_map_layer_get_id        (MigmapMapLayer *self);
const char         *migmap_map_layer_get_title     (MigmapMapLayer *self);
const char         *migmap_map_layer_get_section   (MigmapMapLayer *self);
const MigmapColor  *migmap_map_layer_get_color     (MigmapMapLayer *self);
const char * const *migmap_map_layer_get_codes     (MigmapMapLayer *self);
gboolean            migmap_map_layer_has_code      (MigmapMapLayer *self,
                                                    const char     *code);
/* Countries, or markers for a markers layer. */
guint               migmap_map_layer_get_n_members (MigmapMapLayer *self);
const char * const *migmap_map_layer_get_shown_codes (MigmapMapLayer *self);
guint               migmap_map_layer_get_n_shown   (MigmapMapLayer *self);
void                migmap_map_layer_set_shown_codes (MigmapMapLayer     *self,
                                                    const char * const *codes);
const MigmapMapMarker *migmap_map_layer_get_marker (MigmapMapLayer *self,
                                                    guint           index);
gboolean            migmap_map_layer_get_visible   (MigmapMapLayer *self);
void                migmap_map_layer_set_visible   (MigmapMapLayer *self,
                                                    gboolean        visible);

G_END_DECLS
