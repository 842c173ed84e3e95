/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue.h: the validated catalogue of dialogues, groups,
 * projects, places and events, and the queries the map needs */
#pragma once

#include <gio/gio.h>

#include "migmap-activity.h"
#include "migmap-catalogue-error.h"
#include "migmap-country-codes.h"
#include "migmap-date.h"
#include "migmap-dialogue.h"
#include "migmap-document.h"
#include "migmap-event.h"
#include "migmap-group.h"
#include "migmap-organisation.h"
#include "migmap-place.h"
#include "migmap-project.h"
#include "migmap-search-result.h"
#include "migmap-theme.h"

G_BEGIN_DECLS

#define MIGMAP_CATALOGUE_SCHEMA_VERSION 1

#define MIGMAP_TYPE_CATALOGUE (migmap_catalogue_get_type ())
G_DECLARE_FINAL_TYPE (MigmapCatalogue, migmap_catalogue, MIGMAP, CATALOGUE, GObject)

MigmapCatalogue    *migmap_catalogue_new_from_file       (const char          *path,
                                                          GError             **error);
MigmapCatalogue    *migmap_catalogue_new_from_file_with_codes (const char         *path,
                                                               MigmapCountryCodes *codes,
                                                               GError            **error);

const char         *migmap_catalogue_get_path            (MigmapCatalogue *self);
MigmapCountryCodes *migmap_catalogue_get_country_codes   (MigmapCatalogue *self);
const char * const *migmap_catalogue_get_source_files    (MigmapCatalogue *self);
const char         *migmap_catalogue_get_source_title    (MigmapCatalogue *self,
                                                          const char      *file);

/* All entities of a kind, in file order; for GtkListView and friends. */
GListModel         *migmap_catalogue_get_organisations   (MigmapCatalogue *self);
GListModel         *migmap_catalogue_get_dialogues       (MigmapCatalogue *self);
GListModel         *migmap_catalogue_get_themes          (MigmapCatalogue *self);
GListModel         *migmap_catalogue_get_groups          (MigmapCatalogue *self);
GListModel         *migmap_catalogue_get_places          (MigmapCatalogue *self);
GListModel         *migmap_catalogue_get_projects        (MigmapCatalogue *self);
GListModel         *migmap_catalogue_get_events          (MigmapCatalogue *self);
GListModel         *migmap_catalogue_get_documents       (MigmapCatalogue *self);

/* Lookups by id: NULL if there is none.  Transfer none. */
MigmapOrganisation *migmap_catalogue_lookup_organisation (MigmapCatalogue *self,
                                                          const char      *id);
MigmapDialogue     *migmap_catalogue_lookup_dialogue     (MigmapCatalogue *self,
                                                          const char      *id);
MigmapTheme        *migmap_catalogue_lookup_theme        (MigmapCatalogue *self,
                                                          const char      *id);
MigmapGroup        *migmap_catalogue_lookup_group        (MigmapCatalogue *self,
                                                          const char      *id);
MigmapPlace        *migmap_catalogue_lookup_place        (MigmapCatalogue *self,
                                                          const char      *id);
MigmapProject      *migmap_catalogue_lookup_project      (MigmapCatalogue *self,
                                                          const char      *id);
MigmapEvent        *migmap_catalogue_lookup_event        (MigmapCatalogue *self,
                                                          const char      *id);
MigmapDocument     *migmap_catalogue_lookup_document     (MigmapCatalogue *self,
                                                          const char      *id);
/* Any entity by its kind, the schema's array name ("projects", "places",
 * ...), and id; NULL when there is none. */
GObject            *migmap_catalogue_lookup_entity       (MigmapCatalogue *self,
                                                          const char      *kind,
                                                          const char      *id);
/* The schema's array name of an entity of any catalogue, or NULL. */
const char         *migmap_catalogue_entity_kind         (GObject         *entity);

/* Queries.  Each returns a new array of new references (free with
 * g_ptr_array_unref()); @at may be NULL for "at any date". */
GPtrArray          *migmap_catalogue_projects_in_country (MigmapCatalogue  *self,
                                                          const char       *country,
                                                          const MigmapDate *at);
GPtrArray          *migmap_catalogue_groups_for_country  (MigmapCatalogue  *self,
                                                          const char       *country,
                                                          const MigmapDate *at);
GPtrArray          *migmap_catalogue_places_for_project  (MigmapCatalogue  *self,
                                                          MigmapProject    *project);
GPtrArray          *migmap_catalogue_events_for_project  (MigmapCatalogue  *self,
                                                          MigmapProject    *project);
GPtrArray          *migmap_catalogue_projects_for_organisation (MigmapCatalogue *self,
                                                                const char      *organisation_id);
GPtrArray          *migmap_catalogue_projects_at_place   (MigmapCatalogue  *self,
                                                          const char       *place_id,
                                                          const MigmapDate *at);
GPtrArray          *migmap_catalogue_events_in_country   (MigmapCatalogue  *self,
                                                          const char       *country,
                                                          const MigmapDate *at);
GPtrArray          *migmap_catalogue_events_at_place     (MigmapCatalogue  *self,
                                                          const char       *place_id,
                                                          const MigmapDate *at);
GPtrArray          *migmap_catalogue_places_in_country   (MigmapCatalogue  *self,
                                                          const char       *country);
GPtrArray          *migmap_catalogue_dup_organisations   (MigmapCatalogue    *self,
                                                          const char * const *ids);
GPtrArray          *migmap_catalogue_dup_places          (MigmapCatalogue    *self,
                                                          const char * const *ids);
GPtrArray          *migmap_catalogue_search              (MigmapCatalogue  *self,
                                                          const char       *query);
GPtrArray          *migmap_catalogue_search_projects     (MigmapCatalogue  *self,
                                                          const char       *query);
const char * const *migmap_catalogue_get_country_aliases (MigmapCatalogue *self,
                                                          const char      *code);
/* What the search entry shows for @query: a GListModel of
 * MigmapSearchResult (transfer full), best first (see migmap-search.h:
 * exact name > acronym > prefix > word > one typo > mention; ties go to
 * countries, then places, dialogues, groups, organisations, projects,
 * events, documents).  The countries are those of @country_codes (the
 * map's, in its order; @country_names their names in the map data,
 * parallel, or NULL), matched by any of their names in ar/en/fr and the
 * sources' spellings (country_aliases in the catalogue). */
GListModel         *migmap_catalogue_search_results      (MigmapCatalogue    *self,
                                                          const char         *query,
                                                          const char * const *country_codes,
                                                          const char * const *country_names);

/* Time (rules in data/SCHEMA.md, "Time"). */
GPtrArray          *migmap_catalogue_projects_at         (MigmapCatalogue  *self,
                                                          const MigmapDate *at);
GPtrArray          *migmap_catalogue_events_near         (MigmapCatalogue  *self,
                                                          const MigmapDate *at,
                                                          guint             days);
gboolean            migmap_catalogue_get_year_span       (MigmapCatalogue  *self,
                                                          guint            *first_year,
                                                          guint            *last_year);

G_END_DECLS
