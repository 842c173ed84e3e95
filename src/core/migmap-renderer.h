/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-renderer.h: draws a view of the map onto any cairo_t */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "migmap-color.h"
#include "migmap-shape-set.h"
#include "migmap-viewport.h"

G_BEGIN_DECLS

/* FAST is for interactive frames on image surfaces; BEST for print and export.
 * Vector surfaces always get BEST. */
typedef enum {
  MIGMAP_RENDER_QUALITY_BEST,
  MIGMAP_RENDER_QUALITY_FAST,
} MigmapRenderQuality;

/* How a place is drawn: one symbol per kind of place, hollow and dashed
 * when the point only stands for a country or region. */
typedef enum {
  MIGMAP_MARKER_CITY,
  MIGMAP_MARKER_OFFICE,
  MIGMAP_MARKER_VENUE,
  MIGMAP_MARKER_TRAINING_CENTRE,
  MIGMAP_MARKER_BORDER_CROSSING,
} MigmapMarkerSymbol;

/* Draws @symbol centred on @x, @y, as the map does, e.g. for a legend. */
void               migmap_marker_symbol_draw         (cairo_t            *cr,
                                                      MigmapMarkerSymbol  symbol,
                                                      gboolean            approximate,
                                                      double              x,
                                                      double              y,
                                                      double              radius,
                                                      const MigmapColor  *color);

#define MIGMAP_TYPE_RENDERER (migmap_renderer_get_type ())
G_DECLARE_FINAL_TYPE (MigmapRenderer, migmap_renderer, MIGMAP, RENDERER, GObject)

MigmapRenderer    *migmap_renderer_new               (MigmapShapeSet    *shapes);
MigmapShapeSet    *migmap_renderer_get_shapes        (MigmapRenderer    *self);
void               migmap_renderer_set_shapes        (MigmapRenderer    *self,
                                                      MigmapShapeSet    *shapes);

/* Layers colour countries; a country in several visible layers is striped
 * with all their colours, in the order the layers were added. */
void               migmap_renderer_add_layer         (MigmapRenderer     *self,
                                                      const char         *id,
                                                      const MigmapColor  *color,
                                                      const char * const *codes);
gboolean           migmap_renderer_set_layer_visible (MigmapRenderer     *self,
                                                      const char         *id,
                                                      gboolean            visible);
void               migmap_renderer_clear_layers      (MigmapRenderer     *self);

void               migmap_renderer_add_marker        (MigmapRenderer     *self,
                                                      const char         *id,
                                                      double              lon,
                                                      double              lat,
                                                      const char         *label,
                                                      const MigmapColor  *color);
void               migmap_renderer_add_place         (MigmapRenderer     *self,
                                                      const char         *id,
                                                      double              lon,
                                                      double              lat,
                                                      const char         *label,
                                                      const MigmapColor  *color,
                                                      MigmapMarkerSymbol  symbol,
                                                      gboolean            approximate);
void               migmap_renderer_clear_markers     (MigmapRenderer     *self);

void               migmap_renderer_set_selected      (MigmapRenderer     *self,
                                                      const char         *code);
/* The name to label a country with, e.g. in the user's language; NULL
 * keeps the shapefile's. */
typedef const char *(*MigmapLabelFunc) (const char *code,
                                        gpointer    user_data);
void               migmap_renderer_set_label_func    (MigmapRenderer     *self,
                                                      MigmapLabelFunc     func,
                                                      gpointer            user_data,
                                                      GDestroyNotify      destroy);

/* Countries to bring forward, e.g. those of the open project. */
void               migmap_renderer_set_emphasis      (MigmapRenderer     *self,
                                                      const char * const *codes);
void               migmap_renderer_set_show_labels   (MigmapRenderer     *self,
                                                      gboolean            show_labels);
/* Screen rectangles (x, y, width, height, in the viewport's pixels) that
 * labels keep clear of, e.g. a page's legend box.  NULL clears them. */
void               migmap_renderer_set_label_obstacles (MigmapRenderer   *self,
                                                        const double     *rects,
                                                        guint             n_rects);
/* Layers beyond which a country in several is no longer striped but
 * filled by how many of the visible layers it is in. */
#define MIGMAP_RENDERER_MAX_STRIPES 3
/* The fill of a country in @n visible layers when more than
 * MIGMAP_RENDERER_MAX_STRIPES layers are visible. */
void               migmap_renderer_count_color       (guint               n,
                                                      guint               n_visible,
                                                      MigmapColor        *color);

/* After a render: the places that had no room for their name, numbered
 * 1..n on the map, e.g. for a key beside the legend.  NULL-terminated. */
const char * const *migmap_renderer_get_numbered_places (MigmapRenderer  *self);
/* After a render: codes of the features at least partly in view. */
gboolean           migmap_renderer_was_drawn         (MigmapRenderer     *self,
                                                      const char         *code);

/* TRUE on a page with a key: a place with no room for its name gets a
 * number; FALSE (the window, whose tooltips name places): it stays unnamed. */
void               migmap_renderer_set_number_places (MigmapRenderer     *self,
                                                      gboolean            number_places);
void               migmap_renderer_set_quality       (MigmapRenderer     *self,
                                                      MigmapRenderQuality quality);

void               migmap_renderer_render            (MigmapRenderer     *self,
                                                      MigmapViewport     *viewport,
                                                      cairo_t            *cr);

const MigmapFeature *migmap_renderer_feature_at_screen (MigmapRenderer   *self,
                                                        MigmapViewport   *viewport,
                                                        double            screen_x,
                                                        double            screen_y,
                                                        double            tolerance_px);

const char          *migmap_renderer_marker_at_screen  (MigmapRenderer   *self,
                                                        MigmapViewport   *viewport,
                                                        double            screen_x,
                                                        double            screen_y);

G_END_DECLS
