/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-make-shape-cache.c: writes the shape cache of a shapefile, keyed
 * "fuzz" as fuzz-shape-cache expects, for the replayed corpus
 *
 *   fuzz-make-shape-cache FILE.shp OUT
 */
#include "config.h"

#include "migmap-shape-set-private.h"

int
main (int argc, char **argv)
{
  g_autoptr(MigmapShapeSet) shapes = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: fuzz-make-shape-cache FILE.shp OUT\n");
      return 2;
    }
  shapes = migmap_shape_set_new_from_file (argv[1], NULL, &error);
  if (shapes)
    bytes = _migmap_shape_cache_serialize (shapes, "fuzz", 4);
  if (bytes == NULL ||
      !g_file_set_contents (argv[2], g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      g_printerr ("fuzz-make-shape-cache: %s\n", error->message);
      return 1;
    }
  return 0;
}
