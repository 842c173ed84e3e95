/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue-export.h: the catalogue's projects, groups, places and
 * events as CSV or GeoJSON, for researchers' own tools */
#pragma once

#include "migmap-catalogue.h"

G_BEGIN_DECLS

typedef enum {
  MIGMAP_EXPORT_TABLE_PROJECTS,
  MIGMAP_EXPORT_TABLE_GROUPS,
  MIGMAP_EXPORT_TABLE_PLACES,
  MIGMAP_EXPORT_TABLE_EVENTS,
} MigmapExportTable;

typedef enum {
  MIGMAP_EXPORT_FORMAT_CSV,
  MIGMAP_EXPORT_FORMAT_GEOJSON,
} MigmapExportFormat;

/* "projects" etc.; FALSE if @name is none of them. */
gboolean migmap_export_table_from_string  (const char         *name,
                                           MigmapExportTable  *table);
gboolean migmap_export_format_from_string (const char         *name,
                                           MigmapExportFormat *format);

/* The whole table as text (UTF-8, CSV with a header row per RFC 4180,
 * lists joined by ";"; GeoJSON a FeatureCollection in lon/lat WGS 84:
 * places and events as points, approximate ones with "approximate": true,
 * projects as the points of their places, groups without geometry).
 * @at keeps what is active or valid at that date (NULL: everything). */
char    *migmap_catalogue_export          (MigmapCatalogue    *catalogue,
                                           MigmapExportTable   table,
                                           MigmapExportFormat  format,
                                           const MigmapDate   *at);

G_END_DECLS
