/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-map-state.h: what is on the map
 *
 * The one description of a map that the window, printing, export,
 * migmap-render and the tests all start from: the viewport, the layers and
 * which are visible, the date, what is selected and emphasised, labels and
 * drawing quality, and which shapes a view uses.
 */
#pragma once

#include "migmap-catalogue.h"
#include "migmap-map-layer.h"
#include "migmap-renderer.h"
#include "migmap-viewport.h"

G_BEGIN_DECLS

/* Sizes of printed and exported maps are in points: a PNG of @dpi has
 * dpi / MIGMAP_POINTS_PER_INCH pixels per point. */
#define MIGMAP_POINTS_PER_INCH 72.0
/* The window measures in CSS pixels. */
#define MIGMAP_SCREEN_PIXELS_PER_INCH 96.0

#define MIGMAP_TYPE_MAP_STATE (migmap_map_state_get_type ())
G_DECLARE_FINAL_TYPE (MigmapMapState, migmap_map_state, MIGMAP, MAP_STATE, GObject)

MigmapMapState     *migmap_map_state_new                 (MigmapCatalogue    *catalogue,
                                                          MigmapShapeSet     *shapes,
                                                          MigmapShapeSet     *detailed_shapes);
MigmapMapState     *migmap_map_state_copy                (MigmapMapState     *self);

MigmapCatalogue    *migmap_map_state_get_catalogue       (MigmapMapState     *self);
/* An edited catalogue replaces the old one (MigmapCatalogueEditor::changed):
 * layers are rebuilt (keeping which are visible), the selection is found
 * again by id, and "changed" is emitted. */
void                migmap_map_state_set_catalogue       (MigmapMapState     *self,
                                                          MigmapCatalogue    *catalogue);
MigmapViewport     *migmap_map_state_get_viewport        (MigmapMapState     *self);
void                migmap_map_state_set_viewport        (MigmapMapState     *self,
                                                          MigmapViewport     *viewport);
void                migmap_map_state_scale_viewport      (MigmapMapState     *self,
                                                          double              factor);

MigmapShapeSet     *migmap_map_state_get_shapes          (MigmapMapState     *self);
MigmapShapeSet     *migmap_map_state_get_detailed_shapes (MigmapMapState     *self);
void                migmap_map_state_set_shapes          (MigmapMapState     *self,
                                                          MigmapShapeSet     *shapes,
                                                          MigmapShapeSet     *detailed_shapes);
gboolean            migmap_map_state_wants_detailed_shapes (double        degrees_per_pixel);
MigmapShapeSet     *migmap_map_state_shapes_for_scale    (MigmapMapState     *self,
                                                          double              degrees_per_pixel);
MigmapShapeSet     *migmap_map_state_shapes_for_view     (MigmapMapState     *self);
const char         *migmap_map_state_country_name        (MigmapMapState     *self,
                                                          const char         *code);

GListModel         *migmap_map_state_get_layers          (MigmapMapState     *self);
MigmapMapLayer     *migmap_map_state_lookup_layer        (MigmapMapState     *self,
                                                          const char         *id);
void                migmap_map_state_add_layer           (MigmapMapState     *self,
                                                          MigmapMapLayer     *layer);
GStrv               migmap_map_state_dup_visible_layers  (MigmapMapState     *self);
void                migmap_map_state_set_visible_layers  (MigmapMapState     *self,
                                                          const char * const *ids);

const MigmapDate   *migmap_map_state_get_date            (MigmapMapState     *self);
void                migmap_map_state_set_date            (MigmapMapState     *self,
                                                          const MigmapDate   *date);

const char         *migmap_map_state_get_selected_country (MigmapMapState    *self);
void                migmap_map_state_set_selected_country (MigmapMapState    *self,
                                                           const char        *code);
MigmapProject      *migmap_map_state_get_selected_project (MigmapMapState    *self);
void                migmap_map_state_set_selected_project (MigmapMapState    *self,
                                                           MigmapProject     *project);
MigmapPlace        *migmap_map_state_get_selected_place   (MigmapMapState    *self);
void                migmap_map_state_set_selected_place   (MigmapMapState    *self,
                                                           MigmapPlace       *place);
GObject            *migmap_map_state_get_selected_entity  (MigmapMapState    *self);
void                migmap_map_state_set_selected_entity  (MigmapMapState    *self,
                                                           GObject           *entity);
/* A new selection as one change: a click, a list row, a search result.
 * Closes the page of a selected entity. */
void                migmap_map_state_select               (MigmapMapState    *self,
                                                           const char        *country,
                                                           MigmapProject     *project,
                                                           MigmapPlace       *place);
/* Asks whoever shows the state (the map view) to bring a country or a
 * place into view. */
void                migmap_map_state_show_country         (MigmapMapState    *self,
                                                           const char        *code);
void                migmap_map_state_show_place           (MigmapMapState    *self,
                                                           MigmapPlace       *place);
const char * const *migmap_map_state_get_emphasis        (MigmapMapState     *self);

gboolean            migmap_map_state_get_show_labels     (MigmapMapState     *self);
void                migmap_map_state_set_show_labels     (MigmapMapState     *self,
                                                          gboolean            show_labels);
MigmapRenderQuality migmap_map_state_get_quality         (MigmapMapState     *self);
void                migmap_map_state_set_quality         (MigmapMapState     *self,
                                                          MigmapRenderQuality quality);

void                migmap_map_state_configure_renderer  (MigmapMapState     *self,
                                                          MigmapRenderer     *renderer);
MigmapRenderer     *migmap_map_state_new_renderer        (MigmapMapState     *self,
                                                          MigmapShapeSet     *shapes);

G_END_DECLS
