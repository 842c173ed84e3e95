/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-group-private.h: what only the catalogue's reader uses of
 * MigmapGroup */
#pragma once

#include <json-c/json.h>

#include "migmap-catalogue-reader.h"
#include "migmap-group.h"

G_BEGIN_DECLS

/* Parses one group at @path; references to other entities are checked against
 * the reader's id tables, so all ids must be registered first. */
MigmapGroup *migmap_group_new_from_json (MigmapCatalogueReader *reader,
                                         json_object           *obj,
                                         const char            *path,
                                         GError               **error);

G_END_DECLS
