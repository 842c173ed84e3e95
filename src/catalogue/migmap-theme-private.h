/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-theme-private.h: what only the catalogue's reader uses of
 * MigmapTheme */
#pragma once

#include <json-c/json.h>

#include "migmap-catalogue-reader.h"
#include "migmap-theme.h"

G_BEGIN_DECLS

/* Parses one theme at @path; references to other entities are checked against
 * the reader's id tables, so all ids must be registered first. */
MigmapTheme *migmap_theme_new_from_json (MigmapCatalogueReader *reader,
                                         json_object           *obj,
                                         const char            *path,
                                         GError               **error);

G_END_DECLS
