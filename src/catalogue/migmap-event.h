/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-event.h: a meeting, workshop or launch */
#pragma once

#include <glib-object.h>

#include "migmap-date.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_EVENT (migmap_event_get_type ())
G_DECLARE_FINAL_TYPE (MigmapEvent, migmap_event, MIGMAP, EVENT, GObject)

const char         *migmap_event_get_id                (MigmapEvent *self);
const char         *migmap_event_get_title             (MigmapEvent *self);
const char         *migmap_event_get_kind              (MigmapEvent *self);
const MigmapDate   *migmap_event_get_start             (MigmapEvent *self);
const MigmapDate   *migmap_event_get_end               (MigmapEvent *self);
gboolean            migmap_event_is_active_at          (MigmapEvent      *self,
                                                        const MigmapDate *at);
const char         *migmap_event_get_place_id          (MigmapEvent *self);
const char         *migmap_event_get_project_id        (MigmapEvent *self);
const char         *migmap_event_get_dialogue_id       (MigmapEvent *self);
const char * const *migmap_event_get_organisation_ids  (MigmapEvent *self);
const char         *migmap_event_get_organisation_role (MigmapEvent *self,
                                                        const char  *organisation_id);
const char * const *migmap_event_get_document_ids      (MigmapEvent *self);
const char * const *migmap_event_get_notes             (MigmapEvent *self);
const char * const *migmap_event_get_sources           (MigmapEvent *self);

G_END_DECLS
