/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-place.c: a city, office or venue with WGS84 coordinates and their
 * provenance */
#include "config.h"

#include "migmap-place.h"

#include <math.h>

#include "migmap-place-private.h"

struct _MigmapPlace {
  GObject parent_instance;

  char                 *id;
  char                 *name;
  char                **aliases;
  char                 *kind;
  char                 *country;
  MigmapPlacePrecision  precision;
  gboolean              has_coordinates;
  double                lon;
  double                lat;
  char                 *coordinates_source; /* where lon/lat came from */
  char                 *coordinates_note;   /* e.g. "representative point, city not stated" */
  char                 *gazetteer_name;
  char                 *gazetteer_country;  /* alpha-2, as in the gazetteer */
  GArray               *candidates;         /* MigmapPlaceCandidate */
  MigmapDate            established;
  char                **notes;
  char                **sources;
};

G_DEFINE_FINAL_TYPE (MigmapPlace, migmap_place, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_NAME, PROP_COUNTRY, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char * const precisions[] = { "city", "admin1", "country", "unresolved", NULL };

static void
candidate_clear (gpointer data)
{
  MigmapPlaceCandidate *candidate = data;

  g_free (candidate->country);
  g_free (candidate->coordinates_source);
}

static void
migmap_place_finalize (GObject *object)
{
  MigmapPlace *self = MIGMAP_PLACE (object);

  g_free (self->id);
  g_free (self->name);
  g_strfreev (self->aliases);
  g_free (self->kind);
  g_free (self->country);
  g_free (self->coordinates_source);
  g_free (self->coordinates_note);
  g_free (self->gazetteer_name);
  g_free (self->gazetteer_country);
  g_array_unref (self->candidates);
  g_strfreev (self->notes);
  g_strfreev (self->sources);

  G_OBJECT_CLASS (migmap_place_parent_class)->finalize (object);
}

static void
migmap_place_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MigmapPlace *self = MIGMAP_PLACE (object);

  switch (prop_id)
    {
    case PROP_ID:      g_value_set_string (value, self->id); break;
    case PROP_NAME:    g_value_set_string (value, self->name); break;
    case PROP_COUNTRY: g_value_set_string (value, self->country); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_place_class_init (MigmapPlaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = migmap_place_finalize;
  object_class->get_property = migmap_place_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
migmap_place_init (MigmapPlace *self)
{
  self->candidates = g_array_new (FALSE, TRUE, sizeof (MigmapPlaceCandidate));
  g_array_set_clear_func (self->candidates, candidate_clear);
  self->lon = self->lat = NAN;
}

/* The gazetteer entry must be in the country the place claims; this catches
 * a city resolved in the wrong country (Rabat, Malta for Rabat, Morocco). */
static gboolean
read_gazetteer (MigmapCatalogueReader *reader,
                json_object           *obj,
                const char            *path,
                const char            *country,
                char                 **name,
                char                 **alpha2,
                GError               **error)
{
  static const char * const keys[] = { "name", "country", NULL };
  g_autofree char *sub = migmap_json_path_key (path, "gazetteer");
  json_object *gazetteer;
  const char *alpha3;

  *name = *alpha2 = NULL;
  if (!migmap_json_reader_object (reader->json, obj, path, "gazetteer", FALSE, &gazetteer, error))
    return FALSE;
  if (gazetteer == NULL)
    return TRUE;
  if (!migmap_json_reader_check_object (reader->json, gazetteer, sub, keys, error) ||
      !migmap_json_reader_string (reader->json, gazetteer, sub, "name", TRUE, name, error) ||
      !migmap_json_reader_string (reader->json, gazetteer, sub, "country", TRUE, alpha2, error))
    return FALSE;

  alpha3 = migmap_country_codes_lookup_alpha2 (reader->codes, *alpha2);
  if (country != NULL && g_strcmp0 (alpha3, country) != 0)
    {
      g_autofree char *child = migmap_json_path_key (sub, "country");

      migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_INCONSISTENT, child,
                                    "gazetteer country \"%s\" is not the place's country \"%s\"", *alpha2, country);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_coordinates (MigmapCatalogueReader *reader,
                  json_object           *obj,
                  const char            *path,
                  gboolean               required,
                  double                *lon,
                  double                *lat,
                  char                 **coordinates_source,
                  gboolean              *present,
                  GError               **error)
{
  gboolean has_lon = FALSE, has_lat = FALSE;

  if (!migmap_json_reader_double (reader->json, obj, path, "lon", required, -180, 180, lon, &has_lon, error) ||
      !migmap_json_reader_double (reader->json, obj, path, "lat", required, -90, 90, lat, &has_lat, error))
    return FALSE;
  if (has_lon != has_lat)
    {
      migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_MISSING_FIELD, path,
                                    "missing required field \"%s\"", has_lon ? "lat" : "lon");
      return FALSE;
    }
  /* Coordinates without provenance are not accepted: the sources have none. */
  if (!migmap_json_reader_string (reader->json, obj, path, "coordinates_source", has_lon, coordinates_source, error))
    return FALSE;
  *present = has_lon;
  return TRUE;
}

static gboolean
read_candidates (MigmapPlace           *self,
                 MigmapCatalogueReader *reader,
                 json_object           *obj,
                 const char            *path,
                 GError               **error)
{
  static const char * const keys[] = { "country", "gazetteer", "lon", "lat", "coordinates_source", NULL };
  g_autofree char *candidates_path = migmap_json_path_key (path, "candidates");
  json_object *array;

  if (!migmap_json_reader_array (reader->json, obj, path, "candidates", FALSE, &array, error))
    return FALSE;

  for (gsize i = 0; array && i < json_object_array_length (array); i++)
    {
      json_object *item = json_object_array_get_idx (array, i);
      g_autofree char *item_path = migmap_json_path_index (candidates_path, i);
      g_autofree char *gazetteer_name = NULL;
      g_autofree char *gazetteer_country = NULL;
      MigmapPlaceCandidate candidate = { 0 };
      gboolean present;

      g_array_append_val (self->candidates, candidate);
      {
        MigmapPlaceCandidate *c = &g_array_index (self->candidates, MigmapPlaceCandidate, i);

        if (!migmap_json_reader_check_object (reader->json, item, item_path, keys, error) ||
            !migmap_catalogue_reader_country (reader, item, item_path, "country", TRUE, &c->country, error) ||
            !read_gazetteer (reader, item, item_path, c->country, &gazetteer_name, &gazetteer_country, error) ||
            !read_coordinates (reader, item, item_path, TRUE, &c->lon, &c->lat, &c->coordinates_source, &present, error))
          return FALSE;
      }
    }
  return TRUE;
}

MigmapPlace *
migmap_place_new_from_json (MigmapCatalogueReader *reader,
                            json_object           *obj,
                            const char            *path,
                            GError               **error)
{
  static const char * const keys[] = {
    "id", "name", "aliases", "kind", "country", "precision", "gazetteer", "lon", "lat",
    "coordinates_source", "coordinates_note", "candidates", "established", "notes", "source", NULL
  };
  static const char * const kinds[] = { "city", "office", "training_centre", "border_crossing_points", "venue", NULL };
  g_autoptr(MigmapPlace) self = g_object_new (MIGMAP_TYPE_PLACE, NULL);
  g_autofree char *precision = NULL;
  gboolean resolved;

  if (!migmap_json_reader_check_object (reader->json, obj, path, keys, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "id", TRUE, &self->id, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "name", TRUE, &self->name, error) ||
      !migmap_json_reader_strv (reader->json, obj, path, "aliases", &self->aliases, error) ||
      !migmap_json_reader_enum (reader->json, obj, path, "kind", TRUE, kinds, &self->kind, error) ||
      !migmap_json_reader_enum (reader->json, obj, path, "precision", TRUE, precisions, &precision, error))
    return NULL;

  for (guint i = 0; precisions[i]; i++)
    if (g_str_equal (precisions[i], precision))
      self->precision = (MigmapPlacePrecision) i;
  resolved = self->precision != MIGMAP_PLACE_PRECISION_UNRESOLVED;

  /* An unresolved place has no country and no point of its own: only
   * candidates.  Every other place has both. */
  if (!migmap_catalogue_reader_country (reader, obj, path, "country", resolved, &self->country, error) ||
      !read_gazetteer (reader, obj, path, self->country, &self->gazetteer_name, &self->gazetteer_country, error) ||
      !read_coordinates (reader, obj, path, resolved, &self->lon, &self->lat,
                         &self->coordinates_source, &self->has_coordinates, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "coordinates_note",
                                  self->precision == MIGMAP_PLACE_PRECISION_ADMIN1 ||
                                  self->precision == MIGMAP_PLACE_PRECISION_COUNTRY,
                                  &self->coordinates_note, error) ||
      !read_candidates (self, reader, obj, path, error) ||
      !migmap_catalogue_reader_date (reader, obj, path, "established", FALSE, &self->established, error) ||
      !migmap_json_reader_strv (reader->json, obj, path, "notes", &self->notes, error) ||
      !migmap_catalogue_reader_sources (reader, obj, path, &self->sources, error))
    return NULL;

  if (!resolved && (self->country != NULL || self->has_coordinates))
    {
      migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_INCONSISTENT, path,
                                    "an unresolved place has no \"country\", \"lon\" or \"lat\"");
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
migmap_place_get_id (MigmapPlace *self)
{
  g_return_val_if_fail (MIGMAP_IS_PLACE (self), NULL);
  return self->id;
}

const char *
migmap_place_get_name (MigmapPlace *self)
{
  g_return_val_if_fail (MIGMAP_IS_PLACE (self), NULL);
  return self->name;
}

const char * const *
migmap_place_get_aliases (MigmapPlace *self)
{
  g_return_val_if_fail (MIGMAP_IS_PLACE (self), NULL);
  return (const char * const *) self->aliases;
}

const char *
migmap_place_get_kind (MigmapPlace *self)
{
  g_return_val_if_fail (MIGMAP_IS_PLACE (self), NULL);
  return self->kind;
}

/* NULL for an unresolved place. */
const char *
migmap_place_get_country (MigmapPlace *self)
{
  g_return_val_if_fail (MIGMAP_IS_PLACE (self), NULL);
  return self->country;
}

MigmapPlacePrecision
migmap_place_get_precision (MigmapPlace *self)
{
  g_return_val_if_fail (MIGMAP_IS_PLACE (self), MIGMAP_PLACE_PRECISION_UNRESOLVED);
  return self->precision;
}

gboolean
migmap_place_has_coordinates (MigmapPlace *self)
{
  g_return_val_if_fail (MIGMAP_IS_PLACE (self), FALSE);
  return self->has_coordinates;
}

/* NAN when the place has no coordinates. */
double
migmap_place_get_lon (MigmapPlace *self)
{
  g_return_val_if_fail (MIGMAP_IS_PLACE (self), NAN);
  return self->lon;
}

double
migmap_place_get_lat (MigmapPlace *self)
{
  g_return_val_if_fail (MIGMAP_IS_PLACE (self), NAN);
  return self->lat;
}

const char *
migmap_place_get_coordinates_source (MigmapPlace *self)
{
  g_return_val_if_fail (MIGMAP_IS_PLACE (self), NULL);
  return self->coordinates_source;
}

const char *
migmap_place_get_coordinates_note (MigmapPlace *self)
{
  g_return_val_if_fail (MIGMAP_IS_PLACE (self), NULL);
  return self->coordinates_note;
}

const char *
migmap_place_get_gazetteer_name (MigmapPlace *self)
{
  g_return_val_if_fail (MIGMAP_IS_PLACE (self), NULL);
  return self->gazetteer_name;
}

guint
migmap_place_get_n_candidates (MigmapPlace *self)
{
  g_return_val_if_fail (MIGMAP_IS_PLACE (self), 0);
  return self->candidates->len;
}

const MigmapPlaceCandidate *
migmap_place_get_candidate (MigmapPlace *self,
                            guint        index)
{
  g_return_val_if_fail (MIGMAP_IS_PLACE (self), NULL);
  g_return_val_if_fail (index < self->candidates->len, NULL);
  return &g_array_index (self->candidates, MigmapPlaceCandidate, index);
}

const MigmapDate *
migmap_place_get_established (MigmapPlace *self)
{
  g_return_val_if_fail (MIGMAP_IS_PLACE (self), NULL);
  return &self->established;
}

const char * const *
migmap_place_get_notes (MigmapPlace *self)
{
  g_return_val_if_fail (MIGMAP_IS_PLACE (self), NULL);
  return (const char * const *) self->notes;
}

const char * const *
migmap_place_get_sources (MigmapPlace *self)
{
  g_return_val_if_fail (MIGMAP_IS_PLACE (self), NULL);
  return (const char * const *) self->sources;
}
