/* migmap-catalogue-private.h: constructors and helpers shared by the
 * catalogue's classes; not installed, not for the UI */
#pragma once

#include <json-c/json.h>

#include "migmap-activity.h"
#include "migmap-dialogue.h"
#include "migmap-document.h"
#include "migmap-event.h"
#include "migmap-group.h"
#include "migmap-json-reader.h"
#include "migmap-organisation.h"
#include "migmap-place.h"
#include "migmap-project.h"
#include "migmap-text.h"
#include "migmap-theme.h"

G_BEGIN_DECLS

/* Each parses one entity at @path; references to other entities are checked
 * against the reader's id tables, so all ids must be registered first. */
MigmapOrganisation *migmap_organisation_new_from_json (MigmapJsonReader *reader,
                                                       json_object      *obj,
                                                       const char       *path,
                                                       GError          **error);
MigmapDialogue     *migmap_dialogue_new_from_json     (MigmapJsonReader *reader,
                                                       json_object      *obj,
                                                       const char       *path,
                                                       GError          **error);
MigmapTheme        *migmap_theme_new_from_json        (MigmapJsonReader *reader,
                                                       json_object      *obj,
                                                       const char       *path,
                                                       GError          **error);
MigmapGroup        *migmap_group_new_from_json        (MigmapJsonReader *reader,
                                                       json_object      *obj,
                                                       const char       *path,
                                                       GError          **error);
MigmapPlace        *migmap_place_new_from_json        (MigmapJsonReader *reader,
                                                       json_object      *obj,
                                                       const char       *path,
                                                       GError          **error);
MigmapProject      *migmap_project_new_from_json      (MigmapJsonReader *reader,
                                                       json_object      *obj,
                                                       const char       *path,
                                                       GError          **error);
MigmapActivity     *migmap_activity_new_from_json     (MigmapJsonReader *reader,
                                                       json_object      *obj,
                                                       const char       *path,
                                                       GError          **error);
MigmapEvent        *migmap_event_new_from_json        (MigmapJsonReader *reader,
                                                       json_object      *obj,
                                                       const char       *path,
                                                       GError          **error);
MigmapDocument     *migmap_document_new_from_json     (MigmapJsonReader *reader,
                                                       json_object      *obj,
                                                       const char       *path,
                                                       GError          **error);

/* The project's own list and its country group, merged by the catalogue. */
void                migmap_project_set_countries      (MigmapProject      *self,
                                                       const char * const *countries);
/* Countries named directly in the project's "countries" field. */
const char * const *migmap_project_get_listed_countries (MigmapProject *self);

G_END_DECLS
