/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-shape-set.c: country polygons from a shapefile, with simplified copies
 * per zoom band and a grid index for point queries
 *
 * Reading is in migmap-shape-set-reader.c, the zoom bands in
 * migmap-shape-set-simplify.c and the grid in migmap-shape-set-index.c; this
 * file builds the rings and labels from what was read and answers lookups.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "migmap-shape-set-private.h"

#include <math.h>
#include <string.h>
#include <sys/mman.h>

G_DEFINE_FINAL_TYPE (MigmapShapeSet, migmap_shape_set, G_TYPE_OBJECT)

G_DEFINE_QUARK (migmap-shape-set-error-quark, migmap_shape_set_error)

static void
feature_free (gpointer data)
{
  MigmapFeature *feature = data;

  g_free (feature->code);
  g_free (feature->code2);
  g_free (feature->name);
  g_free (feature);
}

static void
migmap_shape_set_finalize (GObject *object)
{
  MigmapShapeSet *self = MIGMAP_SHAPE_SET (object);

  g_free (self->path);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->features, g_ptr_array_unref);
  for (guint d = 0; d < MIGMAP_N_DETAILS; d++)
    {
      g_clear_pointer (&self->points[d], g_array_unref);
      g_clear_pointer (&self->rings[d], g_array_unref);
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->index_storage); i++)
    g_free (self->index_storage[i]);
  g_free (self->largest);
  if (self->cache_map && self->cache_map_is_heap)
    g_free (self->cache_map);
  else if (self->cache_map)
    munmap (self->cache_map, self->cache_map_size);
  g_mutex_clear (&self->band_lock);

  G_OBJECT_CLASS (migmap_shape_set_parent_class)->finalize (object);
}

static void
migmap_shape_set_class_init (MigmapShapeSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = migmap_shape_set_finalize;
}

static void
migmap_shape_set_init (MigmapShapeSet *self)
{
  self->features = g_ptr_array_new_with_free_func (feature_free);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_mutex_init (&self->band_lock);
  self->band_ready[MIGMAP_DETAIL_FULL] = TRUE;
  for (guint d = 0; d < MIGMAP_N_DETAILS; d++)
    {
      self->points[d] = g_array_new (FALSE, FALSE, sizeof (double));
      self->rings[d] = g_array_new (FALSE, FALSE, sizeof (MigmapRing));
    }
}

static void
bounds_clear (MigmapGeoBounds *b)
{
  b->west = b->south = G_MAXDOUBLE;
  b->east = b->north = -G_MAXDOUBLE;
}

static void
bounds_union (MigmapGeoBounds *b, const MigmapGeoBounds *other)
{
  b->west = MIN (b->west, other->west);
  b->south = MIN (b->south, other->south);
  b->east = MAX (b->east, other->east);
  b->north = MAX (b->north, other->north);
}

static MigmapGeoBounds
points_bounds (const double *p, guint n)
{
  MigmapGeoBounds b;

  bounds_clear (&b);
  for (guint i = 0; i < n; i++)
    {
      b.west = MIN (b.west, p[2 * i]);
      b.east = MAX (b.east, p[2 * i]);
      b.south = MIN (b.south, p[2 * i + 1]);
      b.north = MAX (b.north, p[2 * i + 1]);
    }
  return b;
}

static double
signed_area (const double *p, guint n)
{
  double sum = 0.0;

  for (guint i = 0; i + 1 < n; i++)
    sum += p[2 * i] * p[2 * i + 3] - p[2 * i + 2] * p[2 * i + 1];
  return sum / 2.0;
}

/* The rings point into the array the reader filled: a ring the file left
 * open is closed in the spare slot the reader kept after it. */
static void
add_full_rings (MigmapShapeSet *self, MigmapFeature *feature, MigmapPendingFeature *pending)
{
  GArray *rings = self->rings[MIGMAP_DETAIL_FULL];

  feature->ring_start[MIGMAP_DETAIL_FULL] = rings->len;
  for (guint k = 0; k < pending->parts->len; k++)
    {
      const MigmapPendingPart *part = &g_array_index (pending->parts, MigmapPendingPart, k);
      double *p = &g_array_index (pending->points, double, 2 * part->first);
      guint n = part->n_points;
      MigmapRing ring = { 0 };

      if (n < 3)
        continue;
      /* The spare slot is set even when unused, so that the array holds no
       * uninitialised bytes when it is written to the cache. */
      p[2 * n] = p[0];
      p[2 * n + 1] = p[1];
      if (p[0] != p[2 * n - 2] || p[1] != p[2 * n - 1])
        n++;
      if (n < 4)
        continue;
      ring.n_points = n;
      /* Pointers are fixed once the set is built; keep the offset. */
      ring.points = GSIZE_TO_POINTER ((gsize) part->first);
      ring.bounds = points_bounds (p, n);
      /* Shapefile outer rings run clockwise: negative area with y up. */
      ring.is_hole = signed_area (p, n) > 0;
      g_array_append_val (rings, ring);
    }
  feature->n_rings[MIGMAP_DETAIL_FULL] = rings->len - feature->ring_start[MIGMAP_DETAIL_FULL];
}

static guint
largest_ring (MigmapShapeSet *self, MigmapFeature *feature)
{
  guint best = feature->ring_start[MIGMAP_DETAIL_FULL];
  double best_area = -1.0;

  for (guint r = 0; r < feature->n_rings[MIGMAP_DETAIL_FULL]; r++)
    {
      guint index = feature->ring_start[MIGMAP_DETAIL_FULL] + r;
      const MigmapRing *ring = &g_array_index (self->rings[MIGMAP_DETAIL_FULL], MigmapRing, index);
      double area = fabs (signed_area (_migmap_ring_points (self, MIGMAP_DETAIL_FULL, ring), ring->n_points));

      if (!ring->is_hole && area > best_area)
        {
          best_area = area;
          best = index;
        }
    }
  return best;
}

/* A point inside the largest polygon, in the middle of its widest span, so
 * labels avoid bays, holes and the thin ends of a country. */
static void
compute_label_point (MigmapShapeSet *self, MigmapFeature *feature, guint largest)
{
  const MigmapRing *main_ring = &g_array_index (self->rings[MIGMAP_DETAIL_FULL], MigmapRing, largest);
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  double best_width = -1.0;

  feature->label_bounds = main_ring->bounds;
  feature->label_lon = (main_ring->bounds.west + main_ring->bounds.east) / 2.0;
  feature->label_lat = (main_ring->bounds.south + main_ring->bounds.north) / 2.0;

  for (int step = 2; step <= 8; step++)
    {
      /* Scan from the middle outwards so ties favour the centre. */
      int k = step % 2 ? 5 - step / 2 : 5 + step / 2 - 1;
      double y = main_ring->bounds.south + (main_ring->bounds.north - main_ring->bounds.south) * k / 10.0 + 1e-9;

      g_array_set_size (xs, 0);
      for (guint r = 0; r < feature->n_rings[MIGMAP_DETAIL_FULL]; r++)
        {
          const MigmapRing *ring = &g_array_index (self->rings[MIGMAP_DETAIL_FULL], MigmapRing,
                                                   feature->ring_start[MIGMAP_DETAIL_FULL] + r);
          const double *p = _migmap_ring_points (self, MIGMAP_DETAIL_FULL, ring);

          if (y < ring->bounds.south || y > ring->bounds.north)
            continue;
          for (guint i = 0; i + 1 < ring->n_points; i++)
            {
              double ay = p[2 * i + 1], by = p[2 * i + 3];
              if ((ay > y) != (by > y))
                {
                  double x = p[2 * i] + (y - ay) * (p[2 * i + 2] - p[2 * i]) / (by - ay);
                  g_array_append_val (xs, x);
                }
            }
        }
      g_array_sort (xs, _migmap_compare_doubles);
      for (guint i = 0; i + 1 < xs->len; i += 2)
        {
          double x0 = g_array_index (xs, double, i), x1 = g_array_index (xs, double, i + 1);
          /* Only spans of the main polygon. */
          if (x1 < main_ring->bounds.west || x0 > main_ring->bounds.east)
            continue;
          if (x1 - x0 > best_width * 1.15)
            {
              best_width = x1 - x0;
              feature->label_lon = (x0 + x1) / 2.0;
              feature->label_lat = y;
            }
        }
    }
}

static MigmapShapeSet *
load (const char                  *path,
      const MigmapShapeSetOptions *options,
      GError                     **error)
{
  g_autoptr(MigmapShapeSet) self = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GArray) largest_rings = g_array_new (FALSE, FALSE, sizeof (guint));

  pending = _migmap_shape_set_read (path, options, error);
  if (pending == NULL)
    return NULL;

  self = _migmap_shape_set_new_empty (path);
  bounds_clear (&self->bounds);

  /* All features share the reader's point array: it becomes the full band
   * as it is, neither copied nor held twice. */
  if (pending->len > 0)
    {
      MigmapPendingFeature *first = g_ptr_array_index (pending, 0);

      g_array_unref (self->points[MIGMAP_DETAIL_FULL]);
      self->points[MIGMAP_DETAIL_FULL] = g_array_ref (first->points);
    }

  for (guint i = 0; i < pending->len; i++)
    {
      MigmapPendingFeature *p = g_ptr_array_index (pending, i);
      MigmapFeature *feature = g_new0 (MigmapFeature, 1);
      guint largest;

      add_full_rings (self, feature, p);
      g_clear_pointer (&p->points, g_array_unref);
      g_clear_pointer (&p->parts, g_array_unref);
      if (feature->n_rings[MIGMAP_DETAIL_FULL] == 0)
        {
          g_free (feature);
          continue;
        }
      feature->code = g_steal_pointer (&p->code);
      feature->code2 = g_steal_pointer (&p->code2);
      feature->name = g_steal_pointer (&p->name);
      feature->index = self->features->len;

      bounds_clear (&feature->bounds);
      for (guint r = 0; r < feature->n_rings[MIGMAP_DETAIL_FULL]; r++)
        bounds_union (&feature->bounds,
                      &g_array_index (self->rings[MIGMAP_DETAIL_FULL], MigmapRing,
                                      feature->ring_start[MIGMAP_DETAIL_FULL] + r).bounds);
      bounds_union (&self->bounds, &feature->bounds);

      largest = largest_ring (self, feature);
      g_array_append_val (largest_rings, largest);
      compute_label_point (self, feature, largest);

      g_ptr_array_add (self->features, feature);
      g_hash_table_insert (self->by_code, feature->code, feature);
    }

  if (self->features->len == 0)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_GEOMETRY,
                   _("%s: holds no polygon with at least three corners"), path);
      return NULL;
    }

  /* The arrays are final now: turn ring offsets into pointers. */
  for (guint r = 0; r < self->rings[MIGMAP_DETAIL_FULL]->len; r++)
    {
      MigmapRing *ring = &g_array_index (self->rings[MIGMAP_DETAIL_FULL], MigmapRing, r);
      ring->points = &g_array_index (self->points[MIGMAP_DETAIL_FULL], double,
                                     GPOINTER_TO_SIZE (ring->points) * 2);
    }
  _migmap_shape_set_band_done (self, MIGMAP_DETAIL_FULL);
  self->largest = (guint *) g_array_free (g_steal_pointer (&largest_rings), FALSE);

  if (!_migmap_shape_set_build_index (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

MigmapShapeSet *
_migmap_shape_set_new_empty (const char *path)
{
  MigmapShapeSet *self = g_object_new (MIGMAP_TYPE_SHAPE_SET, NULL);

  self->path = g_strdup (path);
  return self;
}

/* The band's points array is final: note where they are. */
void
_migmap_shape_set_band_done (MigmapShapeSet *self, MigmapDetail detail)
{
  self->band_points[detail] = (const double *) self->points[detail]->data;
  self->band_n_values[detail] = self->points[detail]->len;
}

/* A band's arrays and its features' ring_start/n_rings are written once,
 * under the lock; readers that saw band_ready under the lock see them too. */
void
_migmap_shape_set_ensure_band (MigmapShapeSet *self, MigmapDetail detail)
{
  if (g_atomic_int_get (&self->band_ready[detail]))
    return;
  g_mutex_lock (&self->band_lock);
  if (!self->band_ready[detail])
    {
      _migmap_shape_set_build_band (self, detail);
      g_atomic_int_set (&self->band_ready[detail], TRUE);
    }
  g_mutex_unlock (&self->band_lock);
}

const char *
migmap_shape_set_get_path (MigmapShapeSet *self)
{
  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (self), NULL);
  return self->path;
}

guint
migmap_shape_set_get_n_features (MigmapShapeSet *self)
{
  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (self), 0);
  return self->features->len;
}

const MigmapFeature *
migmap_shape_set_get_feature (MigmapShapeSet *self, guint index)
{
  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (self), NULL);
  g_return_val_if_fail (index < self->features->len, NULL);
  return g_ptr_array_index (self->features, index);
}

const MigmapFeature *
migmap_shape_set_lookup (MigmapShapeSet *self, const char *code)
{
  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  return g_hash_table_lookup (self->by_code, code);
}

const MigmapRing *
migmap_shape_set_get_rings (MigmapShapeSet      *self,
                            const MigmapFeature *feature,
                            MigmapDetail         detail,
                            guint               *n_rings)
{
  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (self), NULL);
  g_return_val_if_fail (feature != NULL, NULL);
  g_return_val_if_fail (detail < MIGMAP_N_DETAILS, NULL);

  _migmap_shape_set_ensure_band (self, detail);
  *n_rings = feature->n_rings[detail];
  return &g_array_index (self->rings[detail], MigmapRing, feature->ring_start[detail]);
}


gsize
migmap_shape_set_get_n_points (MigmapShapeSet *self, MigmapDetail detail)
{
  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (self), 0);
  g_return_val_if_fail (detail < MIGMAP_N_DETAILS, 0);
  _migmap_shape_set_ensure_band (self, detail);
  return self->band_n_values[detail] / 2;
}

static MigmapShapeSet *
new_from_file (const char                  *path,
               const MigmapShapeSetOptions *options,
               gboolean                     cached,
               GError                     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *cache_file = NULL;
  gsize key_length = 0;
  MigmapShapeSet *self = NULL;

  if (cached && g_strcmp0 (g_getenv ("MIGMAP_SHAPE_CACHE"), "off") == 0)
    cached = FALSE;
  if (cached)
    key = _migmap_shape_cache_key (path, options, &key_length);
  if (key)
    {
      cache_file = _migmap_shape_cache_file (path, options);
      self = _migmap_shape_cache_load (path, cache_file, key, key_length);
    }
  if (self)
    return self;

  self = load (path, options, &local_error);
  /* Only a set that loaded is cached, and only if its files did not change
   * while they were read: errors are reported from the shapefile each time. */
  if (self && key)
    {
      gsize after_length = 0;
      g_autofree char *after = _migmap_shape_cache_key (path, options, &after_length);

      if (after && after_length == key_length && memcmp (after, key, key_length) == 0)
        _migmap_shape_cache_save (self, cache_file, key, key_length);
    }
  /* Messages quote the path, which need not be UTF-8. */
  if (local_error && !g_utf8_validate (local_error->message, -1, NULL))
    {
      char *valid = g_utf8_make_valid (local_error->message, -1);

      g_free (local_error->message);
      local_error->message = valid;
    }
  if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return self;
}

MigmapShapeSet *
migmap_shape_set_new_from_file (const char                  *path,
                                const MigmapShapeSetOptions *options,
                                GError                     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return new_from_file (path, options, FALSE, error);
}

MigmapShapeSet *
migmap_shape_set_new_cached (const char                  *path,
                             const MigmapShapeSetOptions *options,
                             GError                     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return new_from_file (path, options, TRUE, error);
}
