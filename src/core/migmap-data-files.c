/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-data-files.c */
#include "config.h"

#include "migmap-data-files.h"

char *
migmap_find_data_file (const char *relative_path)
{
  const char *roots[] = { g_getenv ("MIGMAP_DATA_DIR"), PKGDATADIR };

  g_return_val_if_fail (relative_path != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    {
      g_autofree char *path = NULL;

      if (roots[i] == NULL || *roots[i] == '\0')
        continue;
      path = g_build_filename (roots[i], relative_path, NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
  /* Name the installed path so that an error message says what is missing. */
  return g_build_filename (PKGDATADIR, relative_path, NULL);
}
