/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-atomic-file-private.h: what only tests use */
#pragma once

#include "migmap-atomic-file.h"

G_BEGIN_DECLS

/* The name named temporary files start with, in the target's folder. */
#define MIGMAP_ATOMIC_FILE_TEMP_PREFIX ".migmap-tmp-"

/* Called at each step a kill could interrupt: "created", "wrote", "synced",
 * "linked" (the content has a temporary name), "renamed", "done". */
typedef void (*MigmapAtomicFileStepFunc) (const char *step,
                                          gpointer    user_data);

/* @named_only: use named temporary files even where O_TMPFILE works, to test
 * the path other filesystems take. */
void migmap_atomic_file_set_test_hooks (gboolean                 named_only,
                                        MigmapAtomicFileStepFunc step,
                                        gpointer                 user_data);

G_END_DECLS
