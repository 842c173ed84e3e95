/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-export.h: writing drawings to PNG, SVG or PDF files, atomically */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  MIGMAP_FORMAT_PNG,
  MIGMAP_FORMAT_SVG,
  MIGMAP_FORMAT_PDF,
} MigmapFormat;

/* Draws a page of width x height units (points for vector formats, logical
 * pixels for PNG). */
typedef void (*MigmapDrawFunc) (cairo_t *cr,
                                double   width,
                                double   height,
                                gpointer user_data);

/* Draws page @page (from 0) of a multi-page file. */
typedef void (*MigmapDrawPageFunc) (cairo_t *cr,
                                    double   width,
                                    double   height,
                                    guint    page,
                                    gpointer user_data);

gboolean    migmap_format_from_string (const char   *name,
                                       MigmapFormat *format);
gboolean    migmap_format_from_path   (const char   *path,
                                       MigmapFormat *format);
const char *migmap_format_to_string   (MigmapFormat  format);

/* pixel_scale multiplies width and height into pixels for PNG (e.g. 300/72
 * for a 300 DPI page given in points).  The file is replaced only once the new
 * content is complete; on failure an existing file is left untouched. */
gboolean    migmap_export_to_file     (const char     *path,
                                       MigmapFormat    format,
                                       double          width,
                                       double          height,
                                       double          pixel_scale,
                                       MigmapDrawFunc  draw,
                                       gpointer        user_data,
                                       GError        **error);

gboolean    migmap_export_pages_to_file (const char         *path,
                                         MigmapFormat        format,
                                         double              width,
                                         double              height,
                                         double              pixel_scale,
                                         guint               n_pages,
                                         MigmapDrawPageFunc  draw,
                                         gpointer            user_data,
                                         GError            **error);

G_END_DECLS
