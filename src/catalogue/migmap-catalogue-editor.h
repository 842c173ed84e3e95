/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue-editor.h: a catalogue that can be changed
 *
 * Holds a catalogue file as a JSON tree and the validated MigmapCatalogue
 * read from it.  Every change is made on a copy of the tree and loaded with
 * the very checks the file loader applies, so an edit that the loader would
 * refuse (an unknown country, an end before the start, a dangling
 * reference) is refused with the loader's message, naming the field and the
 * value, and the editor keeps what it had.  A change that is accepted
 * replaces the catalogue (the "changed" signal) and goes on the undo stack.
 *
 * Entities are passed as JSON text in the schema of data/SCHEMA.md, one
 * object of the kind's array ("projects", "groups", "places", "events",
 * "organisations", ...).
 */
#pragma once

#include "migmap-catalogue.h"
#include "migmap-command-stack.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_CATALOGUE_EDITOR (migmap_catalogue_editor_get_type ())
G_DECLARE_FINAL_TYPE (MigmapCatalogueEditor, migmap_catalogue_editor, MIGMAP, CATALOGUE_EDITOR, GObject)

MigmapCatalogueEditor *migmap_catalogue_editor_new_from_file (const char         *path,
                                                              MigmapCountryCodes *codes,
                                                              GError            **error);
/* @path names the file in messages and is where it will be saved. */
MigmapCatalogueEditor *migmap_catalogue_editor_new_from_data (const char         *path,
                                                              const char         *data,
                                                              gsize               length,
                                                              MigmapCountryCodes *codes,
                                                              GError            **error);

MigmapCatalogue    *migmap_catalogue_editor_get_catalogue (MigmapCatalogueEditor *self);
const char         *migmap_catalogue_editor_get_path      (MigmapCatalogueEditor *self);
void                migmap_catalogue_editor_set_path      (MigmapCatalogueEditor *self,
                                                           const char            *path);
MigmapCommandStack *migmap_catalogue_editor_get_history   (MigmapCatalogueEditor *self);
/* TRUE when the tree differs from the one last opened or saved. */
gboolean            migmap_catalogue_editor_is_modified   (MigmapCatalogueEditor *self);

/* Is @kind one of the entity arrays of the schema? */
gboolean            migmap_catalogue_editor_is_kind       (const char *kind);

/* The entity's JSON text (a writer line per member), or NULL. */
char               *migmap_catalogue_editor_dup_entity    (MigmapCatalogueEditor *self,
                                                           const char            *kind,
                                                           const char            *id);

/* Creates the entity of @kind with the "id" of @entity_json, or replaces
 * it.  @source (a source document's file name, a URL or free text) is
 * required: it is added to the entity's "source" and, when new, to the
 * catalogue's "sources".  Fails with a MIGMAP_CATALOGUE_ERROR and changes
 * nothing when the result would not load. */
gboolean            migmap_catalogue_editor_put           (MigmapCatalogueEditor *self,
                                                           const char            *kind,
                                                           const char            *entity_json,
                                                           const char            *source,
                                                           GError               **error);
/* Would @entity_json (with its own "source") load as the entity of @kind
 * with its "id", new or replacing the one there?  Fails as put would, with
 * the loader's message; changes nothing (an edit form's check as you type). */
gboolean            migmap_catalogue_editor_check         (MigmapCatalogueEditor *self,
                                                           const char            *kind,
                                                           const char            *entity_json,
                                                           GError               **error);
/* Fails (with the loader's "unknown place" naming the entity that still
 * refers to it) while anything refers to the entity. */
gboolean            migmap_catalogue_editor_delete        (MigmapCatalogueEditor *self,
                                                           const char            *kind,
                                                           const char            *id,
                                                           GError               **error);

/* The one primitive: the entity @kind/@id becomes @entity_json (NULL:
 * deleted), with @source (may be NULL) added as above.  Undoable like put.
 * Each accepted change, including undo and redo, is announced by the
 * "applied" signal (kind, id, entity JSON or NULL, source or NULL) with
 * these same arguments, so that a journal replaying them through this
 * function rebuilds the same catalogue. */
gboolean            migmap_catalogue_editor_set_entity    (MigmapCatalogueEditor *self,
                                                           const char            *kind,
                                                           const char            *id,
                                                           const char            *entity_json,
                                                           const char            *source,
                                                           GError               **error);

gboolean            migmap_catalogue_editor_undo          (MigmapCatalogueEditor *self,
                                                           GError               **error);
gboolean            migmap_catalogue_editor_redo          (MigmapCatalogueEditor *self,
                                                           GError               **error);

/* What changed since the last save, one line per entity:
 * "projects/amedip: end "2014-09" -> "2015-01"". */
char              **migmap_catalogue_editor_dup_pending_changes (MigmapCatalogueEditor *self);
/* Saving in two steps, so that the change log is inside the file written
 * and nothing is taken as saved unless it is on disk: save_data returns the
 * catalogue in the writer's format with the pending changes appended to its
 * "changes" log as made by @user at @when; once the data is safely written
 * (or not), save_done takes that tree as saved (or forgets it). */
char               *migmap_catalogue_editor_save_data     (MigmapCatalogueEditor *self,
                                                           const char            *user,
                                                           GDateTime             *when,
                                                           gsize                 *length);
void                migmap_catalogue_editor_save_done     (MigmapCatalogueEditor *self,
                                                           gboolean               written);
/* The saved changes of one entity, newest first, for a project page:
 * "edited 2026-11-20 by amina: end "2023-09" -> "2024-03"". */
char              **migmap_catalogue_editor_dup_change_log (MigmapCatalogueEditor *self,
                                                            const char            *kind,
                                                            const char            *id);

/* Adds or updates, by id, the rows of a CSV file that `migmap-query export
 * TABLE --format csv` wrote (the header says which table); only the cells
 * that differ from what the export would write change anything, so an
 * export imported again changes nothing.  All or nothing: any bad row
 * refuses the whole file with one line per bad row,
 * "FILE:LINE:COLUMN: column "NAME", value "VALUE": what is wrong", and the
 * catalogue stays as it was.  One undoable change. */
gboolean            migmap_catalogue_editor_import_csv    (MigmapCatalogueEditor *self,
                                                           const char            *csv_path,
                                                           guint                 *n_added,
                                                           guint                 *n_changed,
                                                           GError               **error);

/* The whole catalogue in the writer's format (see data/SCHEMA.md, Saving). */
char               *migmap_catalogue_editor_to_data       (MigmapCatalogueEditor *self,
                                                           gsize                 *length);

G_END_DECLS
