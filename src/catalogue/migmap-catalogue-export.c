/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue-export.c: the catalogue's tables as CSV or GeoJSON */
#include "config.h"

#include "migmap-catalogue-export.h"

#include <json.h>
#include <string.h>

gboolean
migmap_export_table_from_string (const char        *name,
                                 MigmapExportTable *table)
{
  static const char * const names[] = { "projects", "groups", "places", "events" };

  for (guint i = 0; name && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      {
        *table = (MigmapExportTable) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
migmap_export_format_from_string (const char         *name,
                                  MigmapExportFormat *format)
{
  if (g_strcmp0 (name, "csv") == 0)
    *format = MIGMAP_EXPORT_FORMAT_CSV;
  else if (g_strcmp0 (name, "geojson") == 0)
    *format = MIGMAP_EXPORT_FORMAT_GEOJSON;
  else
    return FALSE;
  return TRUE;
}

/* One row being built: column names and values, in order. */
typedef struct {
  GPtrArray *keys;   /* const char * */
  GPtrArray *values; /* char *, NULL = empty */
} Row;

static void
row_init (Row *row)
{
  row->keys = g_ptr_array_new ();
  row->values = g_ptr_array_new_with_free_func (g_free);
}

static void
row_clear (Row *row)
{
  g_ptr_array_unref (row->keys);
  g_ptr_array_unref (row->values);
}

static void
row_take (Row        *row,
          const char *key,
          char       *value)
{
  g_ptr_array_add (row->keys, (gpointer) key);
  g_ptr_array_add (row->values, value && *value ? value : (g_free (value), NULL));
}

static void
row_add (Row        *row,
         const char *key,
         const char *value)
{
  row_take (row, key, g_strdup (value));
}

static void
row_add_date (Row              *row,
              const char       *key,
              const MigmapDate *date)
{
  row_take (row, key, migmap_date_is_set (date) ? migmap_date_to_string (date) : NULL);
}

static void
row_add_list (Row                *row,
              const char         *key,
              const char * const *items)
{
  row_take (row, key, items ? g_strjoinv (";", (char **) items) : NULL);
}

static char *
organisation_names (MigmapCatalogue    *catalogue,
                    const char * const *ids)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ids && ids[i]; i++)
    {
      MigmapOrganisation *organisation = migmap_catalogue_lookup_organisation (catalogue, ids[i]);

      g_ptr_array_add (names, (gpointer) (organisation ? migmap_organisation_get_name (organisation) : ids[i]));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (";", (char **) names->pdata);
}

/* --- writers ------------------------------------------------------------- */

typedef struct {
  MigmapExportFormat  format;
  GString            *out;
  json_object        *features; /* GeoJSON */
  gboolean            header_done;
} Writer;

static void
csv_field (GString    *out,
           const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* @points: lon/lat pairs; none gives a feature without geometry. */
static void
writer_add (Writer  *writer,
            Row     *row,
            GArray  *points,
            gboolean approximate)
{
  if (writer->format == MIGMAP_EXPORT_FORMAT_CSV)
    {
      if (!writer->header_done)
        {
          for (guint i = 0; i < row->keys->len; i++)
            {
              if (i > 0)
                g_string_append_c (writer->out, ',');
              g_string_append (writer->out, g_ptr_array_index (row->keys, i));
            }
          g_string_append (writer->out, "\r\n");
          writer->header_done = TRUE;
        }
      for (guint i = 0; i < row->values->len; i++)
        {
          if (i > 0)
            g_string_append_c (writer->out, ',');
          csv_field (writer->out, g_ptr_array_index (row->values, i));
        }
      g_string_append (writer->out, "\r\n");
    }
  else
    {
      json_object *feature = json_object_new_object ();
      json_object *properties = json_object_new_object ();
      json_object *geometry = NULL;

      json_object_object_add (feature, "type", json_object_new_string ("Feature"));
      for (guint i = 0; i < row->keys->len; i++)
        {
          const char *value = g_ptr_array_index (row->values, i);

          json_object_object_add (properties, g_ptr_array_index (row->keys, i),
                                  value ? json_object_new_string (value) : NULL);
        }
      if (points != NULL && points->len >= 2)
        {
          json_object *coordinates = json_object_new_array ();

          geometry = json_object_new_object ();
          if (points->len == 2)
            {
              json_object_object_add (geometry, "type", json_object_new_string ("Point"));
              json_object_array_add (coordinates, json_object_new_double (g_array_index (points, double, 0)));
              json_object_array_add (coordinates, json_object_new_double (g_array_index (points, double, 1)));
            }
          else
            {
              json_object_object_add (geometry, "type", json_object_new_string ("MultiPoint"));
              for (guint i = 0; i + 1 < points->len; i += 2)
                {
                  json_object *point = json_object_new_array ();

                  json_object_array_add (point, json_object_new_double (g_array_index (points, double, i)));
                  json_object_array_add (point, json_object_new_double (g_array_index (points, double, i + 1)));
                  json_object_array_add (coordinates, point);
                }
            }
          json_object_object_add (geometry, "coordinates", coordinates);
          json_object_object_add (properties, "approximate", json_object_new_boolean (approximate));
        }
      json_object_object_add (feature, "properties", properties);
      json_object_object_add (feature, "geometry", geometry);
      json_object_array_add (writer->features, feature);
    }
}

static char *
writer_finish (Writer *writer)
{
  json_object *collection;

  if (writer->format == MIGMAP_EXPORT_FORMAT_CSV)
    return g_string_free (g_steal_pointer (&writer->out), FALSE);

  collection = json_object_new_object ();
  json_object_object_add (collection, "type", json_object_new_string ("FeatureCollection"));
  json_object_object_add (collection, "features", writer->features);
  g_string_append (writer->out, json_object_to_json_string_ext (collection, JSON_C_TO_STRING_PRETTY |
                                                                JSON_C_TO_STRING_SPACED |
                                                                JSON_C_TO_STRING_NOSLASHESCAPE));
  g_string_append_c (writer->out, '\n');
  json_object_put (collection);
  return g_string_free (g_steal_pointer (&writer->out), FALSE);
}

/* --- tables -------------------------------------------------------------- */

static const char *
precision_name (MigmapPlacePrecision precision)
{
  switch (precision)
    {
    case MIGMAP_PLACE_PRECISION_CITY: return "city";
    case MIGMAP_PLACE_PRECISION_ADMIN1: return "admin1";
    case MIGMAP_PLACE_PRECISION_COUNTRY: return "country";
    case MIGMAP_PLACE_PRECISION_UNRESOLVED: return "unresolved";
    default: return NULL;
    }
}

/* Adds the place's point to @points; TRUE if it is only approximate. */
static gboolean
add_place_point (MigmapPlace *place,
                 GArray      *points)
{
  double lon, lat;

  if (place == NULL || !migmap_place_has_coordinates (place))
    return FALSE;
  lon = migmap_place_get_lon (place);
  lat = migmap_place_get_lat (place);
  g_array_append_val (points, lon);
  g_array_append_val (points, lat);
  return migmap_place_get_precision (place) != MIGMAP_PLACE_PRECISION_CITY;
}

static void
export_projects (MigmapCatalogue  *catalogue,
                 Writer           *writer,
                 const MigmapDate *at)
{
  GListModel *projects = migmap_catalogue_get_projects (catalogue);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(MigmapProject) project = g_list_model_get_item (projects, i);
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
      const char *agency_id = migmap_project_get_implementing_agency_id (project);
      const char *agency[] = { agency_id, NULL };
      const char * const *place_ids = migmap_project_get_place_ids (project);
      gboolean approximate = FALSE;
      Row row;

      if (at != NULL && !migmap_project_is_active_at (project, at))
        continue;
      for (guint p = 0; place_ids && place_ids[p]; p++)
        approximate |= add_place_point (migmap_catalogue_lookup_place (catalogue, place_ids[p]), points);

      row_init (&row);
      row_add (&row, "id", migmap_project_get_id (project));
      row_add (&row, "acronym", migmap_project_get_acronym (project));
      row_add (&row, "title", migmap_project_get_title (project));
      row_add_date (&row, "start", migmap_project_get_start (project));
      row_add_date (&row, "end", migmap_project_get_end (project));
      row_add (&row, "status", migmap_project_status_to_string (migmap_project_get_status (project)));
      row_add_list (&row, "countries", migmap_project_get_countries (project));
      row_take (&row, "implementing_agency", organisation_names (catalogue, agency_id ? agency : NULL));
      row_take (&row, "partners", organisation_names (catalogue, migmap_project_get_partner_ids (project)));
      row_take (&row, "donors", organisation_names (catalogue, migmap_project_get_donor_ids (project)));
      row_add_list (&row, "places", place_ids);
      row_add (&row, "objective", migmap_project_get_objective (project));
      row_add_list (&row, "source", migmap_project_get_sources (project));
      writer_add (writer, &row, points, approximate);
      row_clear (&row);
    }
}

static void
export_groups (MigmapCatalogue  *catalogue,
               Writer           *writer,
               const MigmapDate *at)
{
  GListModel *groups = migmap_catalogue_get_groups (catalogue);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(MigmapGroup) group = g_list_model_get_item (groups, i);
      g_auto(GStrv) members = NULL;
      Row row;

      if (at != NULL && !migmap_group_is_valid_at (group, at))
        continue;
      members = at ? migmap_group_dup_countries_at (group, at) : g_strdupv ((char **) migmap_group_get_countries (group));

      row_init (&row);
      row_add (&row, "id", migmap_group_get_id (group));
      row_add (&row, "name", migmap_group_get_name (group));
      row_add (&row, "kind", migmap_group_get_kind (group));
      row_add_date (&row, "valid_from", migmap_group_get_valid_from (group));
      row_add_date (&row, "valid_to", migmap_group_get_valid_to (group));
      row_add_list (&row, "members", (const char * const *) members);
      /* Members the catalogue inferred, not a source: say so in the data. */
      row_add (&row, "derived_by", migmap_group_get_derived_by (group));
      row_add_list (&row, "source", migmap_group_get_sources (group));
      writer_add (writer, &row, NULL, FALSE);
      row_clear (&row);
    }
}

static void
export_places (MigmapCatalogue *catalogue,
               Writer          *writer)
{
  GListModel *places = migmap_catalogue_get_places (catalogue);

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(MigmapPlace) place = g_list_model_get_item (places, i);
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
      gboolean approximate = add_place_point (place, points);
      Row row;

      row_init (&row);
      row_add (&row, "id", migmap_place_get_id (place));
      row_add (&row, "name", migmap_place_get_name (place));
      row_add (&row, "kind", migmap_place_get_kind (place));
      row_add (&row, "country", migmap_place_get_country (place));
      row_add (&row, "precision", precision_name (migmap_place_get_precision (place)));
      if (writer->format == MIGMAP_EXPORT_FORMAT_CSV)
        {
          row_add (&row, "approximate", points->len ? (approximate ? "true" : "false") : NULL);
          row_take (&row, "lon", points->len ? g_strdup_printf ("%.5f", g_array_index (points, double, 0)) : NULL);
          row_take (&row, "lat", points->len ? g_strdup_printf ("%.5f", g_array_index (points, double, 1)) : NULL);
        }
      row_add (&row, "coordinates_note", migmap_place_get_coordinates_note (place));
      row_add (&row, "coordinates_source", migmap_place_get_coordinates_source (place));
      row_add_list (&row, "source", migmap_place_get_sources (place));
      writer_add (writer, &row, points, approximate);
      row_clear (&row);
    }
}

static void
export_events (MigmapCatalogue  *catalogue,
               Writer           *writer,
               const MigmapDate *at)
{
  GListModel *events = migmap_catalogue_get_events (catalogue);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MigmapEvent) event = g_list_model_get_item (events, i);
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
      const char *place_id = migmap_event_get_place_id (event);
      MigmapPlace *place = place_id ? migmap_catalogue_lookup_place (catalogue, place_id) : NULL;
      gboolean approximate;
      Row row;

      if (at != NULL && !migmap_event_is_active_at (event, at))
        continue;
      approximate = add_place_point (place, points);

      row_init (&row);
      row_add (&row, "id", migmap_event_get_id (event));
      row_add (&row, "title", migmap_event_get_title (event));
      row_add (&row, "kind", migmap_event_get_kind (event));
      row_add_date (&row, "start", migmap_event_get_start (event));
      row_add_date (&row, "end", migmap_event_get_end (event));
      row_add (&row, "place", place ? migmap_place_get_name (place) : NULL);
      row_add (&row, "country", place ? migmap_place_get_country (place) : NULL);
      row_add (&row, "project", migmap_event_get_project_id (event));
      row_add (&row, "dialogue", migmap_event_get_dialogue_id (event));
      row_take (&row, "organisations", organisation_names (catalogue, migmap_event_get_organisation_ids (event)));
      row_add_list (&row, "source", migmap_event_get_sources (event));
      writer_add (writer, &row, points, approximate);
      row_clear (&row);
    }
}

char *
migmap_catalogue_export (MigmapCatalogue    *catalogue,
                         MigmapExportTable   table,
                         MigmapExportFormat  format,
                         const MigmapDate   *at)
{
  Writer writer = { format, g_string_new (NULL), NULL, FALSE };

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (catalogue), NULL);

  if (format == MIGMAP_EXPORT_FORMAT_GEOJSON)
    writer.features = json_object_new_array ();
  switch (table)
    {
    case MIGMAP_EXPORT_TABLE_PROJECTS: export_projects (catalogue, &writer, at); break;
    case MIGMAP_EXPORT_TABLE_GROUPS:   export_groups (catalogue, &writer, at); break;
    case MIGMAP_EXPORT_TABLE_PLACES:   export_places (catalogue, &writer); break;
    case MIGMAP_EXPORT_TABLE_EVENTS:   export_events (catalogue, &writer, at); break;
    default: g_return_val_if_reached (NULL);
    }
  return writer_finish (&writer);
}
