/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-shape-set-private.h: what the shape set's reader, simplifier, grid
 * index and cache share; nothing outside migmap-shape-set*.c includes it but
 * the shape cache's fuzz target (fuzz/fuzz-shape-cache.c) */
#pragma once

#include "migmap-shape-set.h"

G_BEGIN_DECLS

#define MIGMAP_SHAPE_SET_CELL_DEG 0.5
#define MIGMAP_SHAPE_SET_GRID_COLS ((guint) (360.0 / MIGMAP_SHAPE_SET_CELL_DEG))
#define MIGMAP_SHAPE_SET_GRID_ROWS ((guint) (180.0 / MIGMAP_SHAPE_SET_CELL_DEG))

/* The edges of one feature in one grid cell, and whether the cell's centre
 * lies inside that feature. */
typedef struct {
  guint32 feature;
  guint32 edge_begin;
  guint32 edge_end;
  guint32 center_inside;
} MigmapIndexEntry;

struct _MigmapShapeSet
{
  GObject parent_instance;

  char            *path;
  GPtrArray       *features;     /* MigmapFeature, owned */
  GHashTable      *by_code;      /* code -> MigmapFeature */
  /* A band built in memory fills points[d]; one read from the cache stays
   * in the mapped file.  band_points/band_n_values say where a ready band's
   * points are either way. */
  GArray          *points[MIGMAP_N_DETAILS];
  const double    *band_points[MIGMAP_N_DETAILS];
  gsize            band_n_values[MIGMAP_N_DETAILS];
  GArray          *rings[MIGMAP_N_DETAILS];
  /* The coarser bands are built on first use (a world view needs only the
   * coarsest, a print of a region only one other); the lock makes that safe
   * from a render thread.  largest[f] is feature f's main ring, which a band
   * always keeps. */
  GMutex           band_lock;
  gboolean         band_ready[MIGMAP_N_DETAILS];
  guint           *largest;
  MigmapGeoBounds  bounds;

  /* In memory when built here, in the mapped cache when read from it. */
  const guint32          *cell_entry_start; /* GRID_COLS * GRID_ROWS + 1 */
  const MigmapIndexEntry *entries;
  const guint32          *edges;            /* index of an edge's first point in the full band */
  gsize                   n_entries;
  gsize                   n_edges;
  gpointer                index_storage[3]; /* what the three point to when built here */

  /* The cache file the set was read from, mapped read-only; NULL when the
   * set was read from the shapefile. */
  gpointer         cache_map;
  gsize            cache_map_size;
  gboolean         cache_map_is_heap; /* g_malloc'd (fuzzing), not mapped */
};

/* One part (ring) of a record, as read: points[first .. first + n_points),
 * followed by one spare slot where the ring is closed if the file did not. */
typedef struct {
  guint first;
  guint n_points;
  guint record;
} MigmapPendingPart;

/* One country as read from the file, before its rings are built: the parts
 * of all records sharing a code, as lon/lat pairs. */
typedef struct {
  char   *code;
  char   *code2;
  char   *name;
  GArray *points; /* double, x and y interleaved; one array shared by all
                   * features, in file order, which becomes the set's full
                   * band without a copy */
  GArray *parts;  /* MigmapPendingPart */
} MigmapPendingFeature;

void        _migmap_pending_feature_free        (gpointer data);

/* migmap-shape-set-reader.c */
GPtrArray  *_migmap_shape_set_read               (const char                  *path,
                                                  const MigmapShapeSetOptions *options,
                                                  GError                     **error);

/* migmap-shape-set-crs.c */
gboolean    _migmap_shape_set_to_lon_lat         (const char     *path,
                                                  const char     *prj_path,
                                                  GPtrArray      *pending,
                                                  GError        **error);

/* migmap-shape-set-simplify.c */
void        _migmap_shape_set_build_band          (MigmapShapeSet *self,
                                                  MigmapDetail    detail);

/* migmap-shape-set.c */
MigmapShapeSet *_migmap_shape_set_new_empty       (const char     *path);
void        _migmap_shape_set_band_done          (MigmapShapeSet *self,
                                                  MigmapDetail    detail);
void        _migmap_shape_set_ensure_band        (MigmapShapeSet *self,
                                                  MigmapDetail    detail);

/* migmap-shape-set-cache.c */
/* What a cache must match: format, build, the files' identity, size and
 * times, the field options; NULL when the .shp cannot be looked at. */
char       *_migmap_shape_cache_key              (const char                  *path,
                                                  const MigmapShapeSetOptions *options,
                                                  gsize                       *key_length);
/* Where the cache of @path read with @options lives: one file per source
 * and options, replaced when the source changes. */
char       *_migmap_shape_cache_file             (const char                  *path,
                                                  const MigmapShapeSetOptions *options);
/* NULL (and a debug message saying why) unless the cache is whole and matches. */
MigmapShapeSet *_migmap_shape_cache_load          (const char     *path,
                                                  const char     *cache_file,
                                                  const char     *key,
                                                  gsize           key_length);
/* Takes @data, which must be 8-byte aligned: munmap()ed when @is_mapped,
 * else g_free()d, once the set is gone or on failure. */
MigmapShapeSet *_migmap_shape_cache_load_from_data (const char   *path,
                                                   const char   *key,
                                                   gsize         key_length,
                                                   gpointer      data,
                                                   gsize         size,
                                                   gboolean      is_mapped,
                                                   GError      **error);
/* Failing to write (read-only folder, full disk) only costs the next run time. */
void        _migmap_shape_cache_save             (MigmapShapeSet *self,
                                                  const char     *cache_file,
                                                  const char     *key,
                                                  gsize           key_length);
/* The bytes _migmap_shape_cache_save() writes. */
GBytes     *_migmap_shape_cache_serialize        (MigmapShapeSet *self,
                                                  const char     *key,
                                                  gsize           key_length);

/* migmap-shape-set-index.c */
gboolean    _migmap_shape_set_build_index        (MigmapShapeSet *self,
                                                  GError        **error);

/* While the set is being built, ring->points holds an offset into the point
 * array (the array may still move); this finds the points either way. */
static inline const double *
_migmap_ring_points (MigmapShapeSet *self, MigmapDetail detail, const MigmapRing *ring)
{
  return &g_array_index (self->points[detail], double, GPOINTER_TO_SIZE (ring->points) * 2);
}

static inline int
_migmap_compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static inline double
_migmap_segment_distance_sq (double px, double py, double ax, double ay, double bx, double by)
{
  double dx = bx - ax, dy = by - ay;
  double len_sq = dx * dx + dy * dy;
  double t = len_sq > 0.0 ? ((px - ax) * dx + (py - ay) * dy) / len_sq : 0.0;

  t = CLAMP (t, 0.0, 1.0);
  dx = ax + t * dx - px;
  dy = ay + t * dy - py;
  return dx * dx + dy * dy;
}

G_END_DECLS
