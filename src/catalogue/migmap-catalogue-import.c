/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue-import.c: the CSV tables of `migmap-query export` back
 * into the catalogue
 *
 * An export flattens: organisations by name, a project's countries with its
 * group's, several sources joined with ";".  So a row is compared column by
 * column with what the export writes for the entity now, and only a column
 * that differs changes the entity: an export imported again changes nothing,
 * and a new row or a changed cell does what it says.  Every row is checked
 * by the loader on the tree as changed so far; any bad row refuses the
 * whole file, with one message per bad row naming the file, the line, the
 * column and the value.
 */
#include "config.h"

#include "migmap-catalogue-editor.h"
#include "migmap-catalogue-editor-private.h"
#include "migmap-catalogue-json-private.h"
#include "migmap-catalogue-private.h"
#include "migmap-csv-reader.h"

#include <string.h>

typedef enum {
  COL_STRING,    /* a string member */
  COL_LIST,      /* a string array, ";"-joined */
  COL_SOURCE,    /* "source": a string or an array */
  COL_STATUS,    /* a project's status.value */
  COL_COUNTRIES, /* a project's countries, with its group's */
  COL_ORGS,      /* organisation ids, shown by name */
  COL_ORG,       /* one organisation id, shown by name */
  COL_PLACE,     /* one place id, shown by name */
  COL_MEMBERS,   /* a group's member countries */
  COL_COORD,     /* lon or lat, "%.5f" */
  COL_DERIVED,   /* computed by the export: not read back */
} ColumnType;

typedef struct {
  const char *name;
  ColumnType  type;
} Column;

static const Column project_columns[] = {
  { "id", COL_STRING }, { "acronym", COL_STRING }, { "title", COL_STRING }, { "start", COL_STRING },
  { "end", COL_STRING }, { "status", COL_STATUS }, { "countries", COL_COUNTRIES },
  { "implementing_agency", COL_ORG }, { "partners", COL_ORGS }, { "donors", COL_ORGS },
  { "places", COL_LIST }, { "objective", COL_STRING }, { "source", COL_SOURCE }, { NULL, 0 }
};
static const Column group_columns[] = {
  { "id", COL_STRING }, { "name", COL_STRING }, { "kind", COL_STRING }, { "valid_from", COL_STRING },
  { "valid_to", COL_STRING }, { "members", COL_MEMBERS }, { "derived_by", COL_STRING },
  { "source", COL_SOURCE }, { NULL, 0 }
};
static const Column place_columns[] = {
  { "id", COL_STRING }, { "name", COL_STRING }, { "kind", COL_STRING }, { "country", COL_STRING },
  { "precision", COL_STRING }, { "approximate", COL_DERIVED }, { "lon", COL_COORD }, { "lat", COL_COORD },
  { "coordinates_note", COL_STRING }, { "coordinates_source", COL_STRING }, { "source", COL_SOURCE }, { NULL, 0 }
};
static const Column event_columns[] = {
  { "id", COL_STRING }, { "title", COL_STRING }, { "kind", COL_STRING }, { "start", COL_STRING },
  { "end", COL_STRING }, { "place", COL_PLACE }, { "country", COL_DERIVED }, { "project", COL_STRING },
  { "dialogue", COL_STRING }, { "organisations", COL_ORGS }, { "source", COL_SOURCE }, { NULL, 0 }
};

static const struct {
  const char   *kind;
  const Column *columns;
  const char   *new_kind; /* "kind" of a new entity when the table has no such column */
} tables[] = {
  { "projects", project_columns, "project" },
  { "groups", group_columns, NULL },
  { "places", place_columns, NULL },
  { "events", event_columns, NULL },
};

typedef struct {
  MigmapCatalogue *catalogue; /* before the import: what the export showed */
  json_object     *root;      /* the tree being changed */
  json_object     *trial;     /* root with the current row applied */
  const char      *csv_path;
} Import;

static char *
join_json (json_object *value)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (value == NULL || json_object_is_type (value, json_type_null))
    return g_strdup ("");
  if (!json_object_is_type (value, json_type_array))
    return g_strdup (json_object_get_string (value));
  for (gsize i = 0; i < json_object_array_length (value); i++)
    {
      json_object *item = json_object_array_get_idx (value, i);
      json_object *inner = NULL;

      /* Members and partners may be objects: {"country": ...}, {"organisation": ...}. */
      if (json_object_is_type (item, json_type_object) &&
          (json_object_object_get_ex (item, "country", &inner) || json_object_object_get_ex (item, "organisation", &inner)))
        item = inner;
      g_ptr_array_add (parts, (gpointer) json_object_get_string (item));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (";", (char **) parts->pdata);
}

static char *
org_names (Import      *import,
           json_object *ids)
{
  g_autofree char *joined = join_json (ids);
  g_auto(GStrv) parts = *joined ? g_strsplit (joined, ";", -1) : g_new0 (char *, 1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      MigmapOrganisation *organisation = migmap_catalogue_lookup_organisation (import->catalogue, parts[i]);

      if (organisation != NULL)
        {
          g_free (parts[i]);
          parts[i] = g_strdup (migmap_organisation_get_name (organisation));
        }
    }
  return g_strjoinv (";", parts);
}

/* What the export writes in @column for @entity (as it was before). */
static char *
shown (Import       *import,
       const char   *kind,
       json_object  *entity,
       const Column *column)
{
  json_object *value = NULL;

  json_object_object_get_ex (entity, column->name, &value);
  switch (column->type)
    {
    case COL_STATUS:
      {
        json_object *status_value = NULL;

        if (value != NULL)
          json_object_object_get_ex (value, "value", &status_value);
        return join_json (status_value);
      }
    case COL_COUNTRIES:
      {
        json_object *id = NULL;
        MigmapProject *project;

        json_object_object_get_ex (entity, "id", &id);
        project = migmap_catalogue_lookup_project (import->catalogue, json_object_get_string (id));
        if (project != NULL)
          return g_strjoinv (";", (char **) migmap_project_get_countries (project));
        return join_json (value);
      }
    case COL_ORG:
    case COL_ORGS:
      return org_names (import, value);
    case COL_PLACE:
      {
        MigmapPlace *place = value ? migmap_catalogue_lookup_place (import->catalogue, json_object_get_string (value)) : NULL;

        return g_strdup (place ? migmap_place_get_name (place) : value ? json_object_get_string (value) : "");
      }
    case COL_COORD:
      return value ? g_strdup_printf ("%.5f", json_object_get_double (value)) : g_strdup ("");
    case COL_DERIVED:
      return NULL;
    case COL_STRING:
    case COL_LIST:
    case COL_SOURCE:
    case COL_MEMBERS:
    default:
      return join_json (value);
    }
}

static json_object *
string_array (const char *joined)
{
  json_object *array = json_object_new_array ();
  g_auto(GStrv) parts = g_strsplit (joined, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      json_object_array_add (array, json_object_new_string (parts[i]));
  return array;
}

/* Organisation names (or ids) back to ids; FALSE naming the first unknown. */
static gboolean
org_ids (Import      *import,
         const char  *joined,
         json_object **out,
         char        **unknown)
{
  g_auto(GStrv) parts = g_strsplit (joined, ";", -1);
  json_object *array = json_object_new_array ();
  GListModel *organisations = migmap_catalogue_get_organisations (import->catalogue);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *id = NULL;

      if (*parts[i] == '\0')
        continue;
      if (migmap_catalogue_lookup_organisation (import->catalogue, parts[i]) != NULL)
        id = parts[i];
      for (guint j = 0; id == NULL && j < g_list_model_get_n_items (organisations); j++)
        {
          g_autoptr(MigmapOrganisation) organisation = g_list_model_get_item (organisations, j);

          if (g_strcmp0 (migmap_organisation_get_name (organisation), parts[i]) == 0)
            id = migmap_organisation_get_id (organisation);
        }
      if (id == NULL)
        {
          *unknown = g_strdup (parts[i]);
          json_object_put (array);
          return FALSE;
        }
      json_object_array_add (array, json_object_new_string (id));
    }
  *out = array;
  return TRUE;
}

static void
set_or_remove (json_object *entity,
               const char  *key,
               json_object *value)
{
  if (value == NULL)
    json_object_object_del (entity, key);
  else
    json_object_object_add (entity, key, value);
}

/* Applies @cell to @entity; FALSE with a message tail when it cannot. */
static gboolean
apply_cell (Import       *import,
            json_object  *entity,
            const Column *column,
            const char   *cell,
            char        **problem)
{
  switch (column->type)
    {
    case COL_STRING:
      set_or_remove (entity, column->name, *cell ? json_object_new_string (cell) : NULL);
      return TRUE;
    case COL_LIST:
    case COL_MEMBERS:
      set_or_remove (entity, column->name, *cell ? string_array (cell) : NULL);
      return TRUE;
    case COL_SOURCE:
      {
        json_object *array = string_array (cell);

        if (json_object_array_length (array) == 1)
          {
            json_object *one = json_object_get (json_object_array_get_idx (array, 0));

            json_object_put (array);
            array = one;
          }
        else if (json_object_array_length (array) == 0)
          g_clear_pointer (&array, json_object_put);
        set_or_remove (entity, "source", array);
        return TRUE;
      }
    case COL_STATUS:
      {
        json_object *status;

        if (*cell == '\0')
          {
            json_object_object_del (entity, "status");
            return TRUE;
          }
        status = json_object_new_object ();
        json_object_object_add (status, "value", json_object_new_string (cell));
        json_object_object_add (status, "basis", json_object_new_string ("imported from a CSV file"));
        json_object_object_add (status, "source", json_object_new_string (import->csv_path));
        json_object_object_add (entity, "status", status);
        /* In the tree the row is checked on: listed in root it would
         * be an unknown source to the loader. */
        migmap_catalogue_json_list_source (import->trial, import->csv_path);
        return TRUE;
      }
    case COL_COUNTRIES:
      {
        /* The group's members come with the group: list only the others. */
        json_object *group_id = NULL;
        MigmapGroup *group = NULL;
        g_auto(GStrv) parts = g_strsplit (cell, ";", -1);
        json_object *array = json_object_new_array ();

        if (json_object_object_get_ex (entity, "country_group", &group_id))
          group = migmap_catalogue_lookup_group (import->catalogue, json_object_get_string (group_id));
        for (guint i = 0; parts[i] != NULL; i++)
          if (*parts[i] != '\0' && (group == NULL || !g_strv_contains (migmap_group_get_countries (group), parts[i])))
            json_object_array_add (array, json_object_new_string (parts[i]));
        if (json_object_array_length (array) == 0)
          g_clear_pointer (&array, json_object_put);
        set_or_remove (entity, "countries", array);
        return TRUE;
      }
    case COL_ORG:
    case COL_ORGS:
      {
        json_object *ids = NULL;
        g_autofree char *unknown = NULL;

        if (!org_ids (import, cell, &ids, &unknown))
          {
            *problem = g_strdup_printf ("unknown organisation \"%s\"", unknown);
            return FALSE;
          }
        if (column->type == COL_ORG)
          {
            if (json_object_array_length (ids) > 1)
              {
                json_object_put (ids);
                *problem = g_strdup ("one organisation expected");
                return FALSE;
              }
            set_or_remove (entity, column->name,
                           json_object_array_length (ids) ? json_object_get (json_object_array_get_idx (ids, 0)) : NULL);
            json_object_put (ids);
          }
        else
          set_or_remove (entity, column->name, json_object_array_length (ids) ? ids : (json_object_put (ids), NULL));
        return TRUE;
      }
    case COL_PLACE:
      {
        GListModel *places = migmap_catalogue_get_places (import->catalogue);
        const char *id = NULL;

        if (*cell == '\0')
          {
            json_object_object_del (entity, "place");
            return TRUE;
          }
        if (migmap_catalogue_lookup_place (import->catalogue, cell) != NULL)
          id = cell;
        for (guint j = 0; id == NULL && j < g_list_model_get_n_items (places); j++)
          {
            g_autoptr(MigmapPlace) place = g_list_model_get_item (places, j);

            if (g_strcmp0 (migmap_place_get_name (place), cell) == 0)
              id = migmap_place_get_id (place);
          }
        if (id == NULL)
          {
            *problem = g_strdup_printf ("unknown place \"%s\"", cell);
            return FALSE;
          }
        json_object_object_add (entity, "place", json_object_new_string (id));
        return TRUE;
      }
    case COL_COORD:
      {
        char *end = NULL;
        double value = g_ascii_strtod (cell, &end);

        if (*cell == '\0')
          {
            json_object_object_del (entity, column->name);
            return TRUE;
          }
        if (end == cell || *end != '\0')
          {
            *problem = g_strdup ("not a number");
            return FALSE;
          }
        /* Keep the text: "36.80000" stays as written. */
        json_object_object_add (entity, column->name, json_object_new_double_s (value, cell));
        return TRUE;
      }
    case COL_DERIVED:
    default:
      return TRUE;
    }
}

/* "FILE: places[3].lat: message" -> the field "lat" and "message". */
static void
split_loader_message (const char  *message,
                      const char  *kind,
                      char       **field,
                      const char **rest)
{
  g_autofree char *needle = g_strconcat (kind, "[", NULL);
  const char *at = strstr (message, needle);
  const char *colon;

  *field = NULL;
  *rest = message;
  if (at == NULL)
    return;
  colon = strstr (at, ": ");
  if (colon == NULL)
    return;
  *rest = colon + 2;
  at = strchr (at, ']');
  if (at != NULL && at[1] == '.')
    *field = g_strndup (at + 2, strcspn (at + 2, ".[:"));
}

static int
column_index (const Column *columns,
              const char   *name)
{
  for (int i = 0; name != NULL && columns[i].name != NULL; i++)
    if (g_str_equal (columns[i].name, name))
      return i;
  return -1;
}

gboolean
migmap_catalogue_editor_import_csv (MigmapCatalogueEditor *self,
                                    const char            *csv_path,
                                    guint                 *n_added,
                                    guint                 *n_changed,
                                    GError               **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  const Column *columns = NULL;
  const char *kind = NULL;
  const char *new_kind = NULL;
  MigmapCsvRecord *header;
  Import import;
  guint added = 0, changed = 0, n_columns = 0;
  gsize length;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), FALSE);
  g_return_val_if_fail (csv_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_get_contents (csv_path, &data, &length, &local_error))
    {
      g_set_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_READ,
                   "%s: cannot read file: %s", csv_path, local_error->message);
      return FALSE;
    }
  records = migmap_csv_parse (csv_path, data, length, error);
  if (records == NULL)
    return FALSE;

  /* The header says which table: exactly the columns the export writes. */
  header = records->pdata[0];
  for (guint t = 0; t < G_N_ELEMENTS (tables) && kind == NULL; t++)
    {
      guint n = 0;

      while (tables[t].columns[n].name != NULL)
        n++;
      if (g_strv_length (header->fields) != n)
        continue;
      for (guint c = 0; c < n && (c == 0 || kind != NULL); c++)
        kind = g_str_equal (header->fields[c], tables[t].columns[c].name) ? tables[t].kind : NULL;
      if (kind != NULL)
        {
          columns = tables[t].columns;
          new_kind = tables[t].new_kind;
          n_columns = n;
        }
    }
  if (kind == NULL)
    {
      g_set_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_BAD_VALUE,
                   "%s:%u: the header is not that of an export of projects, groups, places or events",
                   csv_path, header->line);
      return FALSE;
    }

  import.catalogue = g_object_ref (migmap_catalogue_editor_get_catalogue (self));
  import.csv_path = csv_path;
  import.root = NULL;
  import.trial = NULL;
  if (json_object_deep_copy (migmap_catalogue_editor_get_root (self), &import.root, NULL) != 0)
    g_error ("out of memory copying the catalogue");

  for (guint r = 1; r < records->len; r++)
    {
      MigmapCsvRecord *record = records->pdata[r];
      const char *id = record->fields[0];
      json_object *existing = migmap_catalogue_json_find_entity (import.root, kind, id, NULL);
      json_object *trial = NULL;
      json_object *entity = NULL;
      json_object *array = NULL;
      g_autoptr(MigmapCatalogue) check = NULL;
      g_autoptr(GError) row_error = NULL;
      gboolean row_changed = FALSE;
      gboolean row_ok = TRUE;
      gsize index = 0;

      if (*id == '\0')
        {
          g_string_append_printf (problems, "%s:%u:1: column \"id\", value \"\": missing required field \"id\"\n",
                                  csv_path, record->line);
          continue;
        }
      if (json_object_deep_copy (import.root, &trial, NULL) != 0)
        g_error ("out of memory copying the catalogue");
      import.trial = trial;
      existing = migmap_catalogue_json_find_entity (trial, kind, id, &index);
      if (existing != NULL)
        entity = existing;
      else
        {
          entity = json_object_new_object ();
          json_object_object_add (entity, "id", json_object_new_string (id));
          if (new_kind != NULL)
            json_object_object_add (entity, "kind", json_object_new_string (new_kind));
        }

      for (guint c = 1; c < n_columns && row_ok; c++)
        {
          g_autofree char *now = existing ? shown (&import, kind, existing, &columns[c]) : g_strdup ("");
          g_autofree char *problem = NULL;

          if (now == NULL || g_strcmp0 (now, record->fields[c]) == 0)
            continue;
          row_changed = TRUE;
          if (!apply_cell (&import, entity, &columns[c], record->fields[c], &problem))
            {
              g_string_append_printf (problems, "%s:%u:%u: column \"%s\", value \"%s\": %s\n", csv_path,
                                      record->line, c + 1, columns[c].name, record->fields[c], problem);
              row_ok = FALSE;
            }
        }
      if (!row_ok || !row_changed)
        {
          if (existing == NULL)
            json_object_put (entity);
          json_object_put (trial);
          continue;
        }
      if (existing == NULL)
        {
          if (!json_object_object_get_ex (trial, kind, &array))
            {
              array = json_object_new_array ();
              json_object_object_add (trial, kind, array);
            }
          json_object_array_add (array, entity);
        }
      {
        json_object *own = NULL;
        g_autofree char *joined = NULL;
        g_auto(GStrv) sources = NULL;

        json_object_object_get_ex (entity, "source", &own);
        joined = join_json (own);
        sources = g_strsplit (joined, ";", -1);
        for (guint s = 0; sources[s] != NULL; s++)
          if (*sources[s] != '\0')
            migmap_catalogue_json_list_source (trial, sources[s]);
      }

      check = migmap_catalogue_new_from_json (trial, migmap_catalogue_editor_get_path (self),
                                              migmap_catalogue_editor_get_codes (self), &row_error);
      if (check == NULL)
        {
          g_autofree char *field = NULL;
          const char *rest;
          int c;

          split_loader_message (row_error->message, kind, &field, &rest);
          c = column_index (columns, field);
          if (c < 0)
            c = column_index (columns, g_strcmp0 (field, "members") == 0 ? "members" : "id");
          g_string_append_printf (problems, "%s:%u:%d: column \"%s\", value \"%s\": %s\n", csv_path,
                                  record->line, c + 1, columns[c].name, record->fields[c], rest);
          json_object_put (trial);
          continue;
        }
      json_object_put (import.root);
      import.root = trial;
      g_ptr_array_add (keys, g_strdup_printf ("%s/%s", kind, id));
      if (existing != NULL)
        changed++;
      else
        added++;
    }
  g_object_unref (import.catalogue);

  if (problems->len > 0)
    {
      g_string_truncate (problems, problems->len - 1);
      g_set_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_BAD_VALUE, "%s", problems->str);
      json_object_put (import.root);
      return FALSE;
    }
  if (n_added != NULL)
    *n_added = added;
  if (n_changed != NULL)
    *n_changed = changed;
  if (keys->len == 0)
    {
      json_object_put (import.root);
      return TRUE;
    }
  g_ptr_array_add (keys, NULL);
  return migmap_catalogue_editor_replace_tree (self, import.root, "import",
                                               (const char * const *) keys->pdata, error);
}
