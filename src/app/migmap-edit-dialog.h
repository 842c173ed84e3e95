/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-edit-dialog.h: the form that creates or changes one project,
 * group, place, event or organisation of an editable catalogue */
#pragma once

#include <gtk/gtk.h>

#include "migmap-catalogue-editor.h"
#include "migmap-map-view.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_EDIT_DIALOG (migmap_edit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MigmapEditDialog, migmap_edit_dialog, MIGMAP, EDIT_DIALOG, GtkWindow)

/* @kind is an entity array of the schema ("projects", "groups", "places",
 * "events", "organisations"); @id NULL makes a new one.  @map_view (may be
 * NULL) is where "Pick on map" takes a place's point from.  On a save the
 * dialog emits "saved" (kind, id) and closes. */
MigmapEditDialog *migmap_edit_dialog_new         (GtkWindow             *parent,
                                                  MigmapCatalogueEditor *editor,
                                                  MigmapMapView         *map_view,
                                                  const char            *kind,
                                                  const char            *id);
/* Does the form edit entities of @kind? (Not dialogues, themes, documents.) */
gboolean          migmap_edit_dialog_can_edit    (const char       *kind);
const char       *migmap_edit_dialog_get_kind    (MigmapEditDialog *self);
/* The id the entity will be saved under. */
const char       *migmap_edit_dialog_get_id      (MigmapEditDialog *self);

/* The widget that edits the schema field @name (a GtkEntry, GtkTextView,
 * GtkDropDown or MigmapEditList), or NULL; "source" is the source entry. */
GtkWidget        *migmap_edit_dialog_get_field   (MigmapEditDialog *self,
                                                  const char       *name);
/* The message shown under the field (NULL: none). */
const char       *migmap_edit_dialog_get_field_error (MigmapEditDialog *self,
                                                      const char       *name);
/* Why Save is off, or what went wrong, as shown under the form. */
const char       *migmap_edit_dialog_get_status  (MigmapEditDialog *self);
GtkWidget        *migmap_edit_dialog_get_save_button (MigmapEditDialog *self);
GtkToggleButton  *migmap_edit_dialog_get_pick_button (MigmapEditDialog *self);
/* The entity as the form would save it (JSON text). */
char             *migmap_edit_dialog_dup_json    (MigmapEditDialog *self);
/* Checks now instead of at the next idle (the form checks on its own). */
void              migmap_edit_dialog_check_now   (MigmapEditDialog *self);

G_END_DECLS
