/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-organisation-private.h: what only the catalogue's reader uses of
 * MigmapOrganisation */
#pragma once

#include <json-c/json.h>

#include "migmap-catalogue-reader.h"
#include "migmap-organisation.h"

G_BEGIN_DECLS

/* Parses one organisation at @path; references to other entities are checked against
 * the reader's id tables, so all ids must be registered first. */
MigmapOrganisation *migmap_organisation_new_from_json (MigmapCatalogueReader *reader,
                                                       json_object           *obj,
                                                       const char            *path,
                                                       GError               **error);

G_END_DECLS
