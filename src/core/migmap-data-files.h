/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-data-files.h: where the shapes and catalogue live */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Resolves a path relative to the data root ("shapes/ne_50m_admin0.shp"):
 * $MIGMAP_DATA_DIR first, then the installed data, then the source tree. */
char *migmap_find_data_file (const char *relative_path);

G_END_DECLS
