/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-dialogue-private.h: what only the catalogue's reader uses of
 * MigmapDialogue */
#pragma once

#include <json-c/json.h>

#include "migmap-catalogue-reader.h"
#include "migmap-dialogue.h"

G_BEGIN_DECLS

/* Parses one dialogue at @path; references to other entities are checked against
 * the reader's id tables, so all ids must be registered first. */
MigmapDialogue *migmap_dialogue_new_from_json (MigmapCatalogueReader *reader,
                                               json_object           *obj,
                                               const char            *path,
                                               GError               **error);

G_END_DECLS
