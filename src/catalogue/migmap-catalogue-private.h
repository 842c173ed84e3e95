/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue-private.h: the catalogue's readers of each entity and
 * its text helpers; not installed, not for the UI */
#pragma once

#include "migmap-activity-private.h"
#include "migmap-dialogue-private.h"
#include "migmap-document-private.h"
#include "migmap-event-private.h"
#include "migmap-group-private.h"
#include "migmap-organisation-private.h"
#include "migmap-place-private.h"
#include "migmap-project-private.h"
#include "migmap-text.h"
#include "migmap-theme-private.h"

#include <json-c/json.h>

#include "migmap-catalogue-reader.h"

typedef struct _MigmapCatalogue MigmapCatalogue;

/* Loads @root (not taken) with every check of
 * migmap_catalogue_new_from_file(); @path names the file in messages.
 * The editor validates each change this way. */
MigmapCatalogue *migmap_catalogue_new_from_json (json_object        *root,
                                                 const char         *path,
                                                 MigmapCountryCodes *codes,
                                                 GError            **error);
