/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-document-private.h: what only the catalogue's reader uses of
 * MigmapDocument */
#pragma once

#include <json-c/json.h>

#include "migmap-catalogue-reader.h"
#include "migmap-document.h"

G_BEGIN_DECLS

/* Parses one document at @path; references to other entities are checked against
 * the reader's id tables, so all ids must be registered first. */
MigmapDocument *migmap_document_new_from_json (MigmapCatalogueReader *reader,
                                               json_object           *obj,
                                               const char            *path,
                                               GError               **error);

G_END_DECLS
