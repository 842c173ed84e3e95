/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue-editor-private.h: what the CSV import needs of the
 * editor's tree (private) */
#pragma once

#include <json-c/json.h>

#include "migmap-catalogue-editor.h"

G_BEGIN_DECLS

/* The installed tree: never modify it, work on a deep copy. */
json_object *migmap_catalogue_editor_get_root     (MigmapCatalogueEditor *self);
MigmapCountryCodes *migmap_catalogue_editor_get_codes (MigmapCatalogueEditor *self);
json_object *migmap_catalogue_json_find_entity    (json_object *root,
                                                   const char  *kind,
                                                   const char  *id,
                                                   gsize       *index);
/* Adds @source to the catalogue's "sources" when new (not to an entity). */
void         migmap_catalogue_json_list_source    (json_object *root,
                                                   const char  *source);
/* Installs @root (taken), already validated, as one undoable change of
 * the entities @keys ("kind/id" each) labelled @label. */
gboolean     migmap_catalogue_editor_replace_tree (MigmapCatalogueEditor *self,
                                                   json_object           *root,
                                                   const char            *label,
                                                   const char * const    *keys,
                                                   GError               **error);

G_END_DECLS
