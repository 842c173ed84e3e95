/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-group.h: a set of partner states, valid at a stated date or period */
#pragma once

#include <glib-object.h>

#include "migmap-date.h"

G_BEGIN_DECLS

/* A member may have its own period inside the group's, e.g. a state that
 * joined later. */
typedef struct {
  char       *country;    /* ISO 3166-1 alpha-3 */
  MigmapDate  valid_from; /* unset: as the group */
  MigmapDate  valid_to;
  char       *note;
} MigmapGroupMember;

#define MIGMAP_TYPE_GROUP (migmap_group_get_type ())
G_DECLARE_FINAL_TYPE (MigmapGroup, migmap_group, MIGMAP, GROUP, GObject)

const char         *migmap_group_get_id                 (MigmapGroup *self);
const char         *migmap_group_get_name               (MigmapGroup *self);
const char         *migmap_group_get_kind               (MigmapGroup *self);
const char         *migmap_group_get_dialogue_id        (MigmapGroup *self);
const char         *migmap_group_get_project_id         (MigmapGroup *self);
const MigmapDate   *migmap_group_get_as_of              (MigmapGroup *self);
const MigmapDate   *migmap_group_get_valid_from         (MigmapGroup *self);
const MigmapDate   *migmap_group_get_valid_to           (MigmapGroup *self);
const char         *migmap_group_get_derived_by         (MigmapGroup *self);
const char         *migmap_group_get_expanded_from      (MigmapGroup *self);
const char         *migmap_group_get_expansion_group_id (MigmapGroup *self);
guint               migmap_group_get_n_members          (MigmapGroup *self);
const MigmapGroupMember *migmap_group_get_member        (MigmapGroup *self,
                                                         guint        index);
const char * const *migmap_group_get_countries          (MigmapGroup *self);
gboolean            migmap_group_is_valid_at            (MigmapGroup      *self,
                                                         const MigmapDate *at);
gboolean            migmap_group_contains               (MigmapGroup      *self,
                                                         const char       *country,
                                                         const MigmapDate *at);
char              **migmap_group_dup_countries_at       (MigmapGroup      *self,
                                                         const MigmapDate *at);
const char * const *migmap_group_get_notes              (MigmapGroup *self);
const char * const *migmap_group_get_sources            (MigmapGroup *self);

G_END_DECLS
