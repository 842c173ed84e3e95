/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-place.h: a city, office or venue with WGS84 coordinates and their
 * provenance */
#pragma once

#include <glib-object.h>

#include "migmap-date.h"

G_BEGIN_DECLS

typedef enum {
  MIGMAP_PLACE_PRECISION_CITY,       /* the named city itself */
  MIGMAP_PLACE_PRECISION_ADMIN1,     /* only a governorate/region is known */
  MIGMAP_PLACE_PRECISION_COUNTRY,    /* only the country is known */
  MIGMAP_PLACE_PRECISION_UNRESOLVED, /* the source is ambiguous: no point */
} MigmapPlacePrecision;

/* One reading of an ambiguous place name. */
typedef struct {
  char   *country;
  double  lon;
  double  lat;
  char   *coordinates_source;
} MigmapPlaceCandidate;

#define MIGMAP_TYPE_PLACE (migmap_place_get_type ())
G_DECLARE_FINAL_TYPE (MigmapPlace, migmap_place, MIGMAP, PLACE, GObject)

const char          *migmap_place_get_id                 (MigmapPlace *self);
const char          *migmap_place_get_name               (MigmapPlace *self);
const char * const  *migmap_place_get_aliases            (MigmapPlace *self);
const char          *migmap_place_get_kind               (MigmapPlace *self);
const char          *migmap_place_get_country            (MigmapPlace *self);
MigmapPlacePrecision migmap_place_get_precision          (MigmapPlace *self);
gboolean             migmap_place_has_coordinates        (MigmapPlace *self);
double               migmap_place_get_lon                (MigmapPlace *self);
double               migmap_place_get_lat                (MigmapPlace *self);
const char          *migmap_place_get_coordinates_source (MigmapPlace *self);
const char          *migmap_place_get_coordinates_note   (MigmapPlace *self);
const char          *migmap_place_get_gazetteer_name     (MigmapPlace *self);
guint                migmap_place_get_n_candidates       (MigmapPlace *self);
const MigmapPlaceCandidate *migmap_place_get_candidate   (MigmapPlace *self,
                                                          guint        index);
const MigmapDate    *migmap_place_get_established        (MigmapPlace *self);
const char * const  *migmap_place_get_notes              (MigmapPlace *self);
const char * const  *migmap_place_get_sources            (MigmapPlace *self);

G_END_DECLS
