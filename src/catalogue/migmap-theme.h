/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-theme.h: a thematic area projects can be tagged with */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MIGMAP_TYPE_THEME (migmap_theme_get_type ())
G_DECLARE_FINAL_TYPE (MigmapTheme, migmap_theme, MIGMAP, THEME, GObject)

const char         *migmap_theme_get_id      (MigmapTheme *self);
const char         *migmap_theme_get_name    (MigmapTheme *self);
const char         *migmap_theme_get_family  (MigmapTheme *self);
const char * const *migmap_theme_get_notes   (MigmapTheme *self);
const char * const *migmap_theme_get_sources (MigmapTheme *self);

G_END_DECLS
