/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-png-writer.h: cairo image surfaces to PNG, tuned for flat-colour maps */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* How rows are filtered and deflated; bench/migmap-png-bench measures the
 * choices on map PNGs (see the README's speed section). */
typedef struct {
  int filters;    /* PNG_FILTER_* mask, as png_set_filter() takes it */
  int level;      /* zlib level, 0-9 */
  int strategy;   /* zlib strategy (Z_DEFAULT_STRATEGY, Z_RLE, ...) */
} MigmapPngSettings;

typedef gboolean (*MigmapPngWriteFunc) (gpointer      user_data,
                                        const guchar *data,
                                        gsize         length);

/* The settings the export uses. */
const MigmapPngSettings *migmap_png_settings_default (void);

/* Writes an ARGB32 or RGB24 image surface: opaque images as 8-bit RGB,
 * others as 8-bit RGBA, unpremultiplied exactly as cairo does.  FALSE when
 * write failed or libpng reported an error (then *error is set). */
gboolean migmap_png_write (cairo_surface_t          *surface,
                           const MigmapPngSettings  *settings,
                           MigmapPngWriteFunc        write,
                           gpointer                  user_data,
                           GError                  **error);

G_END_DECLS
