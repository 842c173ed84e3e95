/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-color.h: an RGBA colour the map core can use without GTK */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} MigmapColor;

gboolean migmap_color_parse     (const char        *spec,
                                 MigmapColor       *color);
char    *migmap_color_to_string (const MigmapColor *color);

G_END_DECLS
