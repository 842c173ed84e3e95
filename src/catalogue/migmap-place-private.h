/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-place-private.h: what only the catalogue's reader uses of
 * MigmapPlace */
#pragma once

#include <json-c/json.h>

#include "migmap-catalogue-reader.h"
#include "migmap-place.h"

G_BEGIN_DECLS

/* Parses one place at @path; references to other entities are checked against
 * the reader's id tables, so all ids must be registered first. */
MigmapPlace *migmap_place_new_from_json (MigmapCatalogueReader *reader,
                                         json_object           *obj,
                                         const char            *path,
                                         GError               **error);

G_END_DECLS
