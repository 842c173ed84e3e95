/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-shape-set.h: an immutable set of country polygons read from a shapefile */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MIGMAP_SHAPE_SET_ERROR (migmap_shape_set_error_quark ())

typedef enum {
  MIGMAP_SHAPE_SET_ERROR_OPEN,       /* missing or unreadable .shp/.shx/.dbf */
  MIGMAP_SHAPE_SET_ERROR_FORMAT,     /* not a shapefile, truncated, corrupt */
  MIGMAP_SHAPE_SET_ERROR_GEOMETRY,   /* not polygons, or no usable geometry */
  MIGMAP_SHAPE_SET_ERROR_ATTRIBUTES, /* code/name fields missing in the .dbf */
} MigmapShapeSetError;

/* Geographic bounds in degrees. */
typedef struct {
  double west, south, east, north;
} MigmapGeoBounds;

/* One closed ring, lon/lat pairs interleaved; the last point repeats the first. */
typedef struct {
  const double *points;
  guint         n_points;
  gboolean      is_hole;
  MigmapGeoBounds bounds;
} MigmapRing;

/* Zoom bands: coarser bands drop vertices that cannot show at that scale. */
typedef enum {
  MIGMAP_DETAIL_FULL,
  MIGMAP_DETAIL_FINE,     /* tolerance 0.004 deg */
  MIGMAP_DETAIL_MEDIUM,   /* tolerance 0.02 deg */
  MIGMAP_DETAIL_COARSE,   /* tolerance 0.15 deg */
  MIGMAP_N_DETAILS
} MigmapDetail;

typedef struct {
  char *code;           /* e.g. "MLT"; unique within the set */
  char *code2;          /* ISO alpha-2 where known, else NULL */
  char *name;           /* English name from the .dbf */
  MigmapGeoBounds bounds;
  MigmapGeoBounds label_bounds;  /* bounds of the largest polygon */
  double label_lon, label_lat;   /* a point well inside the largest polygon */
  guint index;
  /* private: a coarser band's entries are valid once migmap_shape_set_get_rings()
   * or _get_n_points() was called for that band (bands are built on first use) */
  guint ring_start[MIGMAP_N_DETAILS];
  guint n_rings[MIGMAP_N_DETAILS];
} MigmapFeature;

/* Field names to read; NULL fields are detected (ISO_A3, ADM0_A3, ISO3, CODE..; NAME, NAME_EN, ADMIN..). */
typedef struct {
  const char *code_field;
  const char *name_field;
} MigmapShapeSetOptions;

#define MIGMAP_TYPE_SHAPE_SET (migmap_shape_set_get_type ())
G_DECLARE_FINAL_TYPE (MigmapShapeSet, migmap_shape_set, MIGMAP, SHAPE_SET, GObject)

GQuark                migmap_shape_set_error_quark (void);

MigmapShapeSet       *migmap_shape_set_new_from_file (const char                  *path,
                                                      const MigmapShapeSetOptions *options,
                                                      GError                     **error);
/* The same set, read from a cache of what loading computed when the cache
 * matches the files (path, size, times) and is whole; else loaded from the
 * shapefile and cached for next time in $XDG_CACHE_HOME/migmap.  Errors
 * are the shapefile's, as migmap_shape_set_new_from_file() reports them.
 * MIGMAP_SHAPE_CACHE=off in the environment turns the cache off. */
MigmapShapeSet       *migmap_shape_set_new_cached    (const char                  *path,
                                                      const MigmapShapeSetOptions *options,
                                                      GError                     **error);
const char           *migmap_shape_set_get_path      (MigmapShapeSet *self);
guint                 migmap_shape_set_get_n_features (MigmapShapeSet *self);
const MigmapFeature  *migmap_shape_set_get_feature   (MigmapShapeSet *self,
                                                      guint           index);
const MigmapFeature  *migmap_shape_set_lookup        (MigmapShapeSet *self,
                                                      const char     *code);
const MigmapRing     *migmap_shape_set_get_rings     (MigmapShapeSet      *self,
                                                      const MigmapFeature *feature,
                                                      MigmapDetail         detail,
                                                      guint               *n_rings);
const MigmapFeature  *migmap_shape_set_feature_at    (MigmapShapeSet *self,
                                                      double          lon,
                                                      double          lat);
const MigmapFeature  *migmap_shape_set_feature_near  (MigmapShapeSet *self,
                                                      double          lon,
                                                      double          lat,
                                                      double          max_distance_deg);
gsize                 migmap_shape_set_get_n_points  (MigmapShapeSet *self,
                                                      MigmapDetail    detail);
MigmapDetail          migmap_detail_for_resolution   (double          degrees_per_pixel);

G_END_DECLS
