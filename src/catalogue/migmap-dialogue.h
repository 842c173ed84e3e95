/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-dialogue.h: a migration dialogue or partnership framework */
#pragma once

#include <glib-object.h>

#include "migmap-date.h"

G_BEGIN_DECLS

/* A numbered phase, e.g. MTM's 4th phase "A Dialogue in Action". */
typedef struct {
  int         number;
  char       *name;
  MigmapDate  start;
  MigmapDate  end;
  char      **donor_ids;
  char      **notes;
  char      **sources;
} MigmapDialoguePhase;

#define MIGMAP_TYPE_DIALOGUE (migmap_dialogue_get_type ())
G_DECLARE_FINAL_TYPE (MigmapDialogue, migmap_dialogue, MIGMAP, DIALOGUE, GObject)

const char         *migmap_dialogue_get_id                  (MigmapDialogue *self);
const char         *migmap_dialogue_get_name                (MigmapDialogue *self);
const char         *migmap_dialogue_get_acronym             (MigmapDialogue *self);
const char         *migmap_dialogue_get_kind                (MigmapDialogue *self);
const char         *migmap_dialogue_get_summary             (MigmapDialogue *self);
const MigmapDate   *migmap_dialogue_get_start               (MigmapDialogue *self);
const MigmapDate   *migmap_dialogue_get_end                 (MigmapDialogue *self);
const char         *migmap_dialogue_get_secretariat_id      (MigmapDialogue *self);
const char * const *migmap_dialogue_get_languages           (MigmapDialogue *self);
const char         *migmap_dialogue_get_partner_group_id    (MigmapDialogue *self);
const char * const *migmap_dialogue_get_partner_agency_ids  (MigmapDialogue *self);
const MigmapDate   *migmap_dialogue_get_partner_agencies_as_of (MigmapDialogue *self);
const char * const *migmap_dialogue_get_donor_ids           (MigmapDialogue *self);
const char         *migmap_dialogue_get_donors_period       (MigmapDialogue *self);
guint               migmap_dialogue_get_n_phases            (MigmapDialogue *self);
const MigmapDialoguePhase *migmap_dialogue_get_phase        (MigmapDialogue *self,
                                                             guint           index);
const MigmapDialoguePhase *migmap_dialogue_lookup_phase     (MigmapDialogue *self,
                                                             int             number);
const char * const *migmap_dialogue_get_pillars             (MigmapDialogue *self);
const char * const *migmap_dialogue_get_related_ids         (MigmapDialogue *self);
const char * const *migmap_dialogue_get_document_ids        (MigmapDialogue *self);
const char * const *migmap_dialogue_get_notes               (MigmapDialogue *self);
const char * const *migmap_dialogue_get_sources             (MigmapDialogue *self);

G_END_DECLS
