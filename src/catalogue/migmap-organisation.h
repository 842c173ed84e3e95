/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-organisation.h: an agency, donor state, network or authority */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MIGMAP_TYPE_ORGANISATION (migmap_organisation_get_type ())
G_DECLARE_FINAL_TYPE (MigmapOrganisation, migmap_organisation, MIGMAP, ORGANISATION, GObject)

const char         *migmap_organisation_get_id        (MigmapOrganisation *self);
const char         *migmap_organisation_get_name      (MigmapOrganisation *self);
const char         *migmap_organisation_get_acronym   (MigmapOrganisation *self);
const char         *migmap_organisation_get_kind      (MigmapOrganisation *self);
const char         *migmap_organisation_get_country   (MigmapOrganisation *self);
const char         *migmap_organisation_get_parent_id (MigmapOrganisation *self);
const char * const *migmap_organisation_get_place_ids (MigmapOrganisation *self);
const char * const *migmap_organisation_get_notes     (MigmapOrganisation *self);
const char * const *migmap_organisation_get_sources   (MigmapOrganisation *self);

G_END_DECLS
