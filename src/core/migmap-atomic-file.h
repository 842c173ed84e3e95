/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-atomic-file.h: replacing a file so that nobody ever sees it half written
 *
 * Until migmap_atomic_file_commit() returns, the target keeps its old content
 * (or stays absent), whatever happens to the process: a kill -9 or a full disk
 * leaves the old file, no file, or the complete new one.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _MigmapAtomicFile MigmapAtomicFile;

/* Fails, naming @path, when nothing can be written in its folder. */
MigmapAtomicFile *migmap_atomic_file_begin        (const char        *path,
                                                   GError           **error);
/* After a failed write, @file can only be freed. */
gboolean          migmap_atomic_file_write        (MigmapAtomicFile  *file,
                                                   const void        *data,
                                                   gsize              length,
                                                   GError           **error);
/* Puts the content under the target's name; @file can then only be freed. */
gboolean          migmap_atomic_file_commit       (MigmapAtomicFile  *file,
                                                   GError           **error);
/* Frees @file; what was written is discarded unless it was committed. */
void              migmap_atomic_file_free         (MigmapAtomicFile  *file);

gboolean          migmap_atomic_file_set_contents (const char        *path,
                                                   const void        *data,
                                                   gsize              length,
                                                   GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MigmapAtomicFile, migmap_atomic_file_free)

G_END_DECLS
