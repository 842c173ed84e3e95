/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-shape-cache.c: the shape cache reader on the input as a cache file,
 * then every query a map view makes of what it read
 *
 * The key a cache must match is taken from the input itself, so that
 * mutations get past it to the checks that matter.  Run with a file that is
 * not a cache (fuzz-replay on a .shp), the target writes that shapefile's
 * cache instead and reads it back: the corpus is made that way.
 */
#include "config.h"

#include "fuzz-input.h"

#include "migmap-shape-set-private.h"

#include <string.h>

/* The key section of a cache, wherever the header says it is; NULL when it
 * lies outside the input (the reader then refuses the input anyway). */
static const char *
input_key (const guint8 *data, gsize size, gsize *length)
{
  guint64 offset, key_length;

  /* magic, format, byte order, checksum, reserved, file size; offsets; lengths */
  if (size < 8 + 16 + 8 + 80 + 80)
    return NULL;
  memcpy (&offset, data + 32, sizeof offset);
  memcpy (&key_length, data + 112, sizeof key_length);
  if (offset > size || key_length > size - offset)
    return NULL;
  *length = key_length;
  return (const char *) data + offset;
}

static void
query (MigmapShapeSet *shapes)
{
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
            {
              g_assert (rings[r].n_points >= 4 && rings[r].points != NULL);
              /* Every point is read, as a renderer would. */
              for (guint i = 0; i < rings[r].n_points; i++)
                g_assert (rings[r].points[2 * i] >= -180.0 && rings[r].points[2 * i] <= 180.0);
            }
        }
      migmap_shape_set_feature_at (shapes, feature->label_lon, feature->label_lat);
      migmap_shape_set_feature_near (shapes, feature->label_lon, feature->label_lat, 1.0);
    }
  migmap_shape_set_feature_at (shapes, 14.5, 35.9);
  migmap_shape_set_feature_near (shapes, 0.0, 0.0, 5.0);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr(MigmapShapeSet) shapes = NULL;
  g_autoptr(GError) error = NULL;
  const char *key;
  gsize key_length = 0;
  gpointer copy;

  if (size < 8 || memcmp (data, "MIGMAPSC", 8) != 0)
    {
      /* A shapefile: its cache, written and read back. */
      g_autofree char *path = fuzz_write_shapefile (data, size);
      g_autoptr(MigmapShapeSet) loaded = migmap_shape_set_new_from_file (path, NULL, NULL);
      g_autoptr(GBytes) bytes = NULL;
      gsize length;

      if (loaded == NULL)
        return 0;
      bytes = _migmap_shape_cache_serialize (loaded, "fuzz", 4);
      length = g_bytes_get_size (bytes);
      copy = g_memdup2 (g_bytes_get_data (bytes, NULL), length);
      shapes = _migmap_shape_cache_load_from_data (path, "fuzz", 4, copy, length, FALSE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (migmap_shape_set_get_n_features (shapes), ==, migmap_shape_set_get_n_features (loaded));
      query (shapes);
      return 0;
    }

  key = input_key (data, size, &key_length);
  if (key == NULL)
    key = "", key_length = 0;
  /* The reader wants 8-byte aligned data, as mmap gives it. */
  copy = g_memdup2 (data, size);
  shapes = _migmap_shape_cache_load_from_data ("fuzz.shp", key, key_length, copy, size, FALSE, &error);
  if (shapes == NULL)
    {
      g_assert (error != NULL && error->message != NULL);
      return 0;
    }
  query (shapes);
  return 0;
}
