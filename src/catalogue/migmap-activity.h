/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-activity.h: one activity of a project (a consultation, a
 * workshop, an installation), with its dates and places */
#pragma once

#include <glib-object.h>

#include "migmap-date.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_ACTIVITY (migmap_activity_get_type ())
G_DECLARE_FINAL_TYPE (MigmapActivity, migmap_activity, MIGMAP, ACTIVITY, GObject)

const char         *migmap_activity_get_title        (MigmapActivity *self);
const char         *migmap_activity_get_description  (MigmapActivity *self);
const MigmapDate   *migmap_activity_get_start        (MigmapActivity *self);
const MigmapDate   *migmap_activity_get_end          (MigmapActivity *self);
const char * const *migmap_activity_get_place_ids    (MigmapActivity *self);
const char         *migmap_activity_get_event_id     (MigmapActivity *self);
const char         *migmap_activity_get_project_id   (MigmapActivity *self);
const char * const *migmap_activity_get_document_ids (MigmapActivity *self);
const char * const *migmap_activity_get_notes        (MigmapActivity *self);
const char * const *migmap_activity_get_sources      (MigmapActivity *self);

G_END_DECLS
