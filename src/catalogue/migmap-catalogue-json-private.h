/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue-json-private.h: the catalogue file as a JSON tree: its
 * change log and its writer (private, not for the UI) */
#pragma once

#include <json-c/json.h>

#include "migmap-catalogue-reader.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_object, json_object_put)

/* The top-level "changes" array, the log of saved edits (migmap-change-log.c). */
gboolean         migmap_catalogue_read_changes  (MigmapCatalogueReader *reader,
                                                 json_object           *root,
                                                 GError               **error);

/* The writer's one format (migmap-catalogue-writer.c): two-space indents,
 * one member per line, arrays of plain values on one line, a final newline.
 * Writing a tree read from that format gives back the same bytes. */
char            *migmap_catalogue_json_to_data  (json_object *root,
                                                 gsize       *length);

G_END_DECLS
