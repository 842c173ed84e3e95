/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-input.c: one input -> the files a loader reads
 *
 * The loaders take paths and shapelib opens companions by name, so the
 * parts go to files in a directory of the process's own; libFuzzer's -jobs
 * and -fork run separate processes, each with its own directory.
 */
#include "config.h"

#include "fuzz-input.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

static char *directory;

static void
remove_directory (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (directory == NULL)
    return;
  dir = g_dir_open (directory, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_unlink (path);
    }
  g_rmdir (directory);
  g_clear_pointer (&directory, g_free);
}

void
fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_fatal_mask ("GLib", G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  if (directory == NULL)
    {
      g_autoptr(GError) error = NULL;

      directory = g_dir_make_tmp ("migmap-fuzz-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (remove_directory);
    }
}

char *
fuzz_write_file (const char *name, const guint8 *data, gsize size)
{
  char *path;

  if (directory == NULL)
    fuzz_init ();
  path = g_build_filename (directory, name, NULL);
  if (data == NULL)
    g_unlink (path);
  else if (!g_file_set_contents (path, (const char *) data, size, NULL))
    g_error ("cannot write %s", path);
  return path;
}

char *
fuzz_write_shapefile (const guint8 *data, gsize size)
{
  static const char * const names[] = { "fuzz.shp", "fuzz.shx", "fuzz.dbf", "fuzz.prj", "fuzz.cpg" };
  const gsize sep_len = strlen (FUZZ_PART_SEPARATOR);
  const guint8 *part = size > 0 ? data : (const guint8 *) "";
  const guint8 *stop = part + size;
  gboolean present = TRUE;
  /* PROJ can take seconds to relate an odd .prj to WGS84: this lets a run
   * spend its time past the loader instead (fuzz/README.md). */
  static int skip_prj = -1;
  char *shp_path = NULL;

  if (skip_prj < 0)
    skip_prj = g_getenv ("MIGMAP_FUZZ_SKIP_PRJ") != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const guint8 *end = NULL;
      gsize length = 0;
      char *path;

      if (present)
        {
          /* The last part runs to the end of the input. */
          if (i + 1 < G_N_ELEMENTS (names))
            end = memmem (part, (gsize) (stop - part), FUZZ_PART_SEPARATOR, sep_len);
          length = end ? (gsize) (end - part) : (gsize) (stop - part);
        }
      path = fuzz_write_file (names[i], present && !(i == 3 && skip_prj) ? part : NULL, length);
      if (i == 0)
        shp_path = path;
      else
        g_free (path);

      if (end)
        part = end + sep_len;
      else
        present = FALSE;
    }
  return shp_path;
}
