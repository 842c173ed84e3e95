/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-snapshot.h: a map state frozen into a page or a map to print or export */
#pragma once

#include "migmap-export.h"
#include "migmap-map-state.h"
#include "migmap-page-layout.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_SNAPSHOT (migmap_snapshot_get_type ())
G_DECLARE_FINAL_TYPE (MigmapSnapshot, migmap_snapshot, MIGMAP, SNAPSHOT, GObject)

MigmapSnapshot *migmap_snapshot_new               (MigmapMapState *state);
MigmapMapState *migmap_snapshot_get_state         (MigmapSnapshot *self);
/* Where the map went on the last page drawn. */
MigmapPageLayout *migmap_snapshot_get_page_layout (MigmapSnapshot *self);

char           *migmap_snapshot_dup_default_title (MigmapSnapshot *self);
const char     *migmap_snapshot_get_title         (MigmapSnapshot *self);
void            migmap_snapshot_set_title         (MigmapSnapshot *self,
                                                   const char     *title);
/* The date printed on the page; NULL for the default: "as of" the
 * state's date, or today for a map of all dates. */
void            migmap_snapshot_set_date_text     (MigmapSnapshot *self,
                                                   const char     *date_text);
/* Only the map, edge to edge, without title, legend or footer. */
void            migmap_snapshot_set_map_only      (MigmapSnapshot *self,
                                                   gboolean        map_only);
gboolean        migmap_snapshot_get_map_only      (MigmapSnapshot *self);
/* Page size in points ("a4", "a3", "letter"); ignored for a map alone,
 * which keeps the state's viewport size. */
gboolean        migmap_snapshot_set_paper         (MigmapSnapshot *self,
                                                   const char     *paper,
                                                   gboolean        landscape);
void            migmap_snapshot_get_size          (MigmapSnapshot *self,
                                                   double         *width,
                                                   double         *height);

void            migmap_snapshot_draw              (MigmapSnapshot *self,
                                                   cairo_t        *cr,
                                                   double          width,
                                                   double          height);
/* @dpi: PNG resolution; 0 for the default (150 for a page, 72, i.e. one
 * pixel per point, for a map alone). */
gboolean        migmap_snapshot_export            (MigmapSnapshot *self,
                                                   const char     *path,
                                                   MigmapFormat    format,
                                                   int             dpi,
                                                   GError        **error);

/* A series of yearly pages: at most this many years. */
#define MIGMAP_SNAPSHOT_MAX_SERIES 100

void            migmap_snapshot_set_year          (MigmapSnapshot *self,
                                                   guint           year);
gboolean        migmap_snapshot_series_is_valid   (guint           from_year,
                                                   guint           to_year);
char           *migmap_snapshot_series_path       (const char     *path,
                                                   guint           year);
gboolean        migmap_snapshot_export_series     (MigmapSnapshot *self,
                                                   const char     *path,
                                                   MigmapFormat    format,
                                                   int             dpi,
                                                   guint           from_year,
                                                   guint           to_year,
                                                   GError        **error);

G_END_DECLS
