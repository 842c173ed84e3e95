/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-project-private.h: what only the catalogue's reader uses of
 * MigmapProject */
#pragma once

#include <json-c/json.h>

#include "migmap-catalogue-reader.h"
#include "migmap-project.h"

G_BEGIN_DECLS

/* Parses one project at @path; references to other entities are checked
 * against the reader's id tables, so all ids must be registered first. */
MigmapProject      *migmap_project_new_from_json         (MigmapCatalogueReader *reader,
                                                          json_object           *obj,
                                                          const char            *path,
                                                          GError               **error);

/* The project's own list and its country group, merged by the catalogue. */
void                migmap_project_set_countries         (MigmapProject      *self,
                                                          const char * const *countries);
/* Countries named directly in the project's "countries" field. */
const char * const *migmap_project_get_listed_countries  (MigmapProject *self);

G_END_DECLS
