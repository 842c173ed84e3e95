/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-page-layout.h: a map page to hand out: title, map, legend, scale,
 * date, source and disclaimer, on any cairo_t */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "migmap-color.h"
#include "migmap-renderer.h"
#include "migmap-viewport.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_PAGE_LAYOUT (migmap_page_layout_get_type ())
G_DECLARE_FINAL_TYPE (MigmapPageLayout, migmap_page_layout, MIGMAP, PAGE_LAYOUT, GObject)

MigmapPageLayout *migmap_page_layout_new              (void);
void              migmap_page_layout_set_title        (MigmapPageLayout  *self,
                                                       const char        *title);
const char       *migmap_page_layout_get_title        (MigmapPageLayout  *self);
void              migmap_page_layout_set_date         (MigmapPageLayout  *self,
                                                       const char        *date);
void              migmap_page_layout_set_source       (MigmapPageLayout  *self,
                                                       const char        *source);
void              migmap_page_layout_set_disclaimer   (MigmapPageLayout  *self,
                                                       const char        *disclaimer);
void              migmap_page_layout_add_legend_entry (MigmapPageLayout  *self,
                                                       const char        *label,
                                                       const MigmapColor *color,
                                                       gboolean           is_marker);
void              migmap_page_layout_add_legend_symbol (MigmapPageLayout *self,
                                                       const char        *label,
                                                       const MigmapColor *color,
                                                       MigmapMarkerSymbol symbol,
                                                       gboolean           approximate);
/* A line of text in the legend, or a heading over the lines that follow. */
void              migmap_page_layout_add_legend_text  (MigmapPageLayout  *self,
                                                       const char        *text,
                                                       gboolean           heading);
/* Printed under the disclaimer when the map shows the feature @code. */
void              migmap_page_layout_add_footnote     (MigmapPageLayout  *self,
                                                       const char        *code,
                                                       const char        *text);
void              migmap_page_layout_add_table_row    (MigmapPageLayout  *self,
                                                       const char        *title,
                                                       const char        *detail);
void              migmap_page_layout_set_table_title  (MigmapPageLayout  *self,
                                                       const char        *title);
/* Only the map, edge to edge, without title, legend or footer. */
void              migmap_page_layout_set_map_only     (MigmapPageLayout  *self,
                                                       gboolean           map_only);
void              migmap_page_layout_set_rtl          (MigmapPageLayout  *self,
                                                       gboolean           rtl);

/* Draws the page of @width x @height (points) showing what @view shows. */
void              migmap_page_layout_render           (MigmapPageLayout  *self,
                                                       MigmapRenderer    *renderer,
                                                       MigmapViewport    *view,
                                                       cairo_t           *cr,
                                                       double             width,
                                                       double             height);
/* After a render: where the map went, and the view it was drawn with. */
void              migmap_page_layout_get_map_area     (MigmapPageLayout  *self,
                                                       double            *x,
                                                       double            *y,
                                                       double            *width,
                                                       double            *height);
MigmapViewport   *migmap_page_layout_get_map_viewport (MigmapPageLayout  *self);

/* Paper sizes in points. */
gboolean          migmap_paper_size_lookup            (const char        *name,
                                                       gboolean           landscape,
                                                       double            *width,
                                                       double            *height);

G_END_DECLS
