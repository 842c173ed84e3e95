/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue-links.h: what one thing of the catalogue is linked to,
 * for the pages of organisations, dialogues, places, groups, events and
 * documents, and a country's "funds" */
#pragma once

#include "migmap-catalogue.h"

G_BEGIN_DECLS

typedef enum {
  MIGMAP_ORGANISATION_ROLE_IMPLEMENTING,
  MIGMAP_ORGANISATION_ROLE_PARTNER,
  MIGMAP_ORGANISATION_ROLE_DONOR,
} MigmapOrganisationRole;

/* Each returns a new array of new references, in file order. */
GPtrArray *migmap_catalogue_projects_with_organisation (MigmapCatalogue        *self,
                                                        const char             *organisation_id,
                                                        MigmapOrganisationRole  role);
/* Dialogues whose phases or whose own list name @organisation_id a donor. */
GPtrArray *migmap_catalogue_dialogues_funded_by        (MigmapCatalogue        *self,
                                                        const char             *organisation_id);
/* Projects a state funds: those whose donors include an organisation of
 * that country ("france" for FRA). */
GPtrArray *migmap_catalogue_projects_funded_by_country (MigmapCatalogue        *self,
                                                        const char             *country);
GPtrArray *migmap_catalogue_events_for_dialogue        (MigmapCatalogue        *self,
                                                        const char             *dialogue_id);
GPtrArray *migmap_catalogue_groups_for_dialogue        (MigmapCatalogue        *self,
                                                        const char             *dialogue_id);
GPtrArray *migmap_catalogue_projects_for_dialogue      (MigmapCatalogue        *self,
                                                        const char             *dialogue_id);
GPtrArray *migmap_catalogue_projects_for_document      (MigmapCatalogue        *self,
                                                        const char             *document_id);
GPtrArray *migmap_catalogue_events_with_organisation   (MigmapCatalogue        *self,
                                                        const char             *organisation_id);
/* The dialogue's partner states at @at (NULL: any date), from its partner
 * group: ISO alpha-3 codes, NULL-terminated, never NULL. */
char     **migmap_catalogue_dup_dialogue_partner_states (MigmapCatalogue       *self,
                                                         MigmapDialogue        *dialogue,
                                                         const MigmapDate      *at);

G_END_DECLS
