/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue-file.h: the user's catalogue on disk, never losing a change
 *
 * The bundled catalogue is read-only: edits go to the user's catalogue
 * (migmap_catalogue_file_default_path(), or a file the user opens, e.g. on
 * a shared drive).  Until that file exists the bundled one is read in its
 * place, and the first save creates it.
 *
 * - Saves go through the atomic writer: the file is the old one or the
 *   new one, whatever happens.
 * - Every accepted change is appended to a journal beside the file
 *   (PATH.journal, fsync'd) until the next save, so that a crash or a
 *   power cut loses nothing: the next open finds it and offers to restore.
 * - A file changed on disk since it was opened (size, mtime and content
 *   hash) is never overwritten: save fails with
 *   MIGMAP_CATALOGUE_FILE_ERROR_CHANGED_ON_DISK and the user picks reload
 *   or keep both.
 * - Each save records who and when in the catalogue's change log.
 */
#pragma once

#include "migmap-catalogue-editor.h"

G_BEGIN_DECLS

#define MIGMAP_CATALOGUE_FILE_ERROR (migmap_catalogue_file_error_quark ())

typedef enum {
  MIGMAP_CATALOGUE_FILE_ERROR_CHANGED_ON_DISK, /* someone else saved it since it was opened */
  MIGMAP_CATALOGUE_FILE_ERROR_JOURNAL,         /* a journal line that no longer applies */
} MigmapCatalogueFileError;

GQuark migmap_catalogue_file_error_quark (void);

#define MIGMAP_TYPE_CATALOGUE_FILE (migmap_catalogue_file_get_type ())
G_DECLARE_FINAL_TYPE (MigmapCatalogueFile, migmap_catalogue_file, MIGMAP, CATALOGUE_FILE, GObject)

/* $XDG_DATA_HOME/migmap/catalogue.json */
char                  *migmap_catalogue_file_default_path (void);
/* The catalogue to read when the user names none: the user's once a save
 * has created it, else @bundled, as migmap_catalogue_file_open() does with
 * the default path and the bundled catalogue as fallback. */
char                  *migmap_catalogue_file_dup_read_path (const char *bundled);

/* Opens @path, or @fallback (the bundled catalogue) when @path does not
 * exist yet; saving always writes @path. */
MigmapCatalogueFile   *migmap_catalogue_file_open         (const char          *path,
                                                           const char          *fallback,
                                                           MigmapCountryCodes  *codes,
                                                           GError             **error);

MigmapCatalogueEditor *migmap_catalogue_file_get_editor   (MigmapCatalogueFile *self);
const char            *migmap_catalogue_file_get_path     (MigmapCatalogueFile *self);
char                  *migmap_catalogue_file_dup_journal_path (MigmapCatalogueFile *self);

/* Unsaved changes of an earlier session: how many, 0 when none. */
guint                  migmap_catalogue_file_get_journal_length (MigmapCatalogueFile *self);
/* Replays them (they become undoable changes of this session). */
gboolean               migmap_catalogue_file_restore_journal (MigmapCatalogueFile  *self,
                                                              GError              **error);
void                   migmap_catalogue_file_discard_journal (MigmapCatalogueFile  *self);

/* Saves as @user (g_get_user_name() when NULL) now. */
gboolean               migmap_catalogue_file_save         (MigmapCatalogueFile  *self,
                                                           const char           *user,
                                                           GError              **error);
/* Saves to @path, which becomes the file. */
gboolean               migmap_catalogue_file_save_as      (MigmapCatalogueFile  *self,
                                                           const char           *path,
                                                           const char           *user,
                                                           GError              **error);
/* After CHANGED_ON_DISK: keeps the other's file and writes ours beside it
 * under a new name (returned), which becomes the file. */
char                  *migmap_catalogue_file_keep_both    (MigmapCatalogueFile  *self,
                                                           const char           *user,
                                                           GError              **error);
/* After CHANGED_ON_DISK: drops our changes and reads the file again. */
gboolean               migmap_catalogue_file_reload       (MigmapCatalogueFile  *self,
                                                           GError              **error);

G_END_DECLS
