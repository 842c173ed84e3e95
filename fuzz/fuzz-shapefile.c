/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-shapefile.c: the shapefile loader on all its files, then every query
 * a map view makes of what it loaded */
#include "config.h"

#include "fuzz-input.h"

#include "migmap-shape-set.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autofree char *path = fuzz_write_shapefile (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapShapeSet) shapes = migmap_shape_set_new_from_file (path, NULL, &error);

  if (shapes == NULL)
    {
      /* Every refusal says which file. */
      g_assert (error != NULL && error->message != NULL);
      return 0;
    }

  for (guint f = 0; f < migmap_shape_set_get_n_features (shapes); f++)
    {
      const MigmapFeature *feature = migmap_shape_set_get_feature (shapes, f);

      g_assert (feature->code != NULL && feature->name != NULL);
      g_assert (g_utf8_validate (feature->name, -1, NULL));
      g_assert (migmap_shape_set_lookup (shapes, feature->code) != NULL);
      for (MigmapDetail d = 0; d < MIGMAP_N_DETAILS; d++)
        {
          guint n_rings;
          const MigmapRing *rings = migmap_shape_set_get_rings (shapes, feature, d, &n_rings);

          for (guint r = 0; r < n_rings; r++)
            g_assert (rings[r].n_points == 0 || rings[r].points != NULL);
        }
      migmap_shape_set_feature_at (shapes, feature->label_lon, feature->label_lat);
      migmap_shape_set_feature_near (shapes, feature->label_lon, feature->label_lat, 1.0);
    }
  migmap_shape_set_feature_at (shapes, 14.5, 35.9);
  migmap_shape_set_feature_near (shapes, 0.0, 0.0, 5.0);
  return 0;
}
