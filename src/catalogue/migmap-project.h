/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-project.h: a project, programme or initiative, as its sources
 * state it */
#pragma once

#include <gio/gio.h>

#include "migmap-date.h"

G_BEGIN_DECLS

typedef enum {
  MIGMAP_PROJECT_STATUS_NOT_STATED,
  MIGMAP_PROJECT_STATUS_COMPLETED,
  MIGMAP_PROJECT_STATUS_CURRENT,
  MIGMAP_PROJECT_STATUS_PLANNED,
  MIGMAP_PROJECT_STATUS_IN_DEVELOPMENT,
} MigmapProjectStatus;

/* Where a project stood at a date, from its dates alone (see "Time" in
 * data/SCHEMA.md): an end no source states is never taken as "still
 * running". */
typedef enum {
  MIGMAP_PROJECT_TIME_NOT_DATED,        /* neither start nor end stated */
  MIGMAP_PROJECT_TIME_PLANNED,          /* the date is before its start */
  MIGMAP_PROJECT_TIME_RUNNING,          /* the date shares a day with start..end */
  MIGMAP_PROJECT_TIME_COMPLETED,        /* the date is after its end */
  MIGMAP_PROJECT_TIME_END_NOT_STATED,   /* started, end not stated */
  MIGMAP_PROJECT_TIME_START_NOT_STATED, /* not yet ended, start not stated */
} MigmapProjectTime;

/* Dates another source gives for the same project. */
typedef struct {
  MigmapDate   start;
  MigmapDate   end;
  char        *text;     /* the source's own words */
  char       **sources;
} MigmapDateVariant;

#define MIGMAP_TYPE_PROJECT (migmap_project_get_type ())
G_DECLARE_FINAL_TYPE (MigmapProject, migmap_project, MIGMAP, PROJECT, GObject)

const char         *migmap_project_get_id                     (MigmapProject *self);
const char         *migmap_project_get_title                  (MigmapProject *self);
const char         *migmap_project_get_acronym                (MigmapProject *self);
const char         *migmap_project_get_kind                   (MigmapProject *self);
const char         *migmap_project_get_phase                  (MigmapProject *self);
const char         *migmap_project_get_parent_id              (MigmapProject *self);
const char         *migmap_project_get_predecessor_id         (MigmapProject *self);
const char         *migmap_project_get_objective              (MigmapProject *self);
const char * const *migmap_project_get_specific_objectives    (MigmapProject *self);
const char         *migmap_project_get_summary                (MigmapProject *self);
const char         *migmap_project_get_implementing_agency_id (MigmapProject *self);
const char * const *migmap_project_get_partner_ids            (MigmapProject *self);
const char         *migmap_project_get_partner_role           (MigmapProject *self,
                                                               const char    *organisation_id);
const char * const *migmap_project_get_donor_ids              (MigmapProject *self);
const char * const *migmap_project_get_related_organisation_ids (MigmapProject *self);
const char         *migmap_project_get_related_organisation_role (MigmapProject *self,
                                                                  const char    *organisation_id);
const char * const *migmap_project_get_network_ids            (MigmapProject *self);
const char * const *migmap_project_get_lost_fields            (MigmapProject *self);
gboolean            migmap_project_was_field_lost             (MigmapProject *self,
                                                               const char    *field);
const MigmapDate   *migmap_project_get_start                  (MigmapProject *self);
const MigmapDate   *migmap_project_get_end                    (MigmapProject *self);
guint               migmap_project_get_n_date_variants        (MigmapProject *self);
const MigmapDateVariant *migmap_project_get_date_variant      (MigmapProject *self,
                                                               guint          index);
gboolean            migmap_project_is_active_at               (MigmapProject    *self,
                                                               const MigmapDate *at);
MigmapProjectTime   migmap_project_get_time_at                (MigmapProject    *self,
                                                               const MigmapDate *at);
MigmapProjectStatus migmap_project_get_status                 (MigmapProject *self);
const char         *migmap_project_status_to_string           (MigmapProjectStatus status);
const MigmapDate   *migmap_project_get_status_as_of           (MigmapProject *self);
const char         *migmap_project_get_status_basis           (MigmapProject *self);
const char * const *migmap_project_get_status_sources         (MigmapProject *self);
const char * const *migmap_project_get_countries              (MigmapProject *self);
const char         *migmap_project_get_countries_basis        (MigmapProject *self);
const char         *migmap_project_get_country_group_id       (MigmapProject *self);
const char * const *migmap_project_get_place_ids              (MigmapProject *self);
const char * const *migmap_project_get_theme_ids              (MigmapProject *self);
const char         *migmap_project_get_theme_tagged_by        (MigmapProject *self,
                                                               const char    *theme_id);
GListModel         *migmap_project_get_activities             (MigmapProject *self);
const char * const *migmap_project_get_document_ids           (MigmapProject *self);
const char         *migmap_project_get_dialogue_id            (MigmapProject *self);
int                 migmap_project_get_dialogue_phase         (MigmapProject *self);
const char         *migmap_project_get_website                (MigmapProject *self);
const char * const *migmap_project_get_notes                  (MigmapProject *self);
const char * const *migmap_project_get_sources                (MigmapProject *self);

G_END_DECLS
