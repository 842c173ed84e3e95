/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue-reader.c: what reading data/catalogue.json needs beyond
 * generic JSON: country codes, references between entities, dates and
 * source documents (private) */
#include "config.h"

#include "migmap-catalogue-reader.h"

#include <string.h>

MigmapCatalogueReader *
migmap_catalogue_reader_new (const char         *path,
                             MigmapCountryCodes *codes)
{
  MigmapCatalogueReader *reader;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (MIGMAP_IS_COUNTRY_CODES (codes), NULL);

  reader = g_new0 (MigmapCatalogueReader, 1);
  reader->json = migmap_json_reader_new (path, MIGMAP_JSON_UNKNOWN_KEYS_ERROR);
  reader->codes = g_object_ref (codes);
  for (guint i = 0; i < MIGMAP_N_REFS; i++)
    reader->ids[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return reader;
}

void
migmap_catalogue_reader_free (MigmapCatalogueReader *reader)
{
  if (reader == NULL)
    return;
  migmap_json_reader_free (reader->json);
  g_clear_object (&reader->codes);
  for (guint i = 0; i < MIGMAP_N_REFS; i++)
    g_hash_table_unref (reader->ids[i]);
  g_hash_table_unref (reader->sources);
  g_free (reader);
}

const char *
migmap_ref_kind_name (MigmapRefKind kind)
{
  static const char * const names[MIGMAP_N_REFS] = {
    "organisation", "dialogue", "theme", "group", "place", "project", "event", "document",
  };

  g_return_val_if_fail (kind < MIGMAP_N_REFS, "entity");
  return names[kind];
}

/* --- dates ------------------------------------------------------------------ */

gboolean
migmap_catalogue_reader_date (MigmapCatalogueReader *reader,
                              json_object           *obj,
                              const char            *path,
                              const char            *key,
                              gboolean               required,
                              MigmapDate            *out,
                              GError               **error)
{
  g_autofree char *text = NULL;
  MigmapDate date = MIGMAP_DATE_INIT;

  *out = date;
  if (!migmap_json_reader_string (reader->json, obj, path, key, required, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (!migmap_date_parse (text, &date))
    {
      g_autofree char *child = migmap_json_path_key (path, key);

      migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_BAD_DATE, child,
                                    "bad date \"%s\" (expected YYYY, YYYY-MM or YYYY-MM-DD)", text);
      return FALSE;
    }
  *out = date;
  return TRUE;
}

gboolean
migmap_catalogue_reader_date_range (MigmapCatalogueReader *reader,
                                    json_object           *obj,
                                    const char            *path,
                                    const char            *start_key,
                                    const char            *end_key,
                                    MigmapDate            *start,
                                    MigmapDate            *end,
                                    GError               **error)
{
  if (!migmap_catalogue_reader_date (reader, obj, path, start_key, FALSE, start, error) ||
      !migmap_catalogue_reader_date (reader, obj, path, end_key, FALSE, end, error))
    return FALSE;

  /* Compare the widest readings: "2009" may end in "2009-03". */
  if (migmap_date_is_set (start) && migmap_date_is_set (end) &&
      migmap_date_get_last_day (end) < migmap_date_get_first_day (start))
    {
      g_autofree char *child = migmap_json_path_key (path, end_key);
      g_autofree char *start_text = migmap_date_to_string (start);
      g_autofree char *end_text = migmap_date_to_string (end);

      migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_BAD_DATE, child,
                                    "%s \"%s\" is before %s \"%s\"", end_key, end_text, start_key, start_text);
      return FALSE;
    }
  return TRUE;
}

/* --- countries and languages -------------------------------------------------- */

/* @data is the MigmapCatalogueReader. */
static gboolean
check_country (MigmapJsonReader *json,
               const char       *path,
               const char       *code,
               gpointer          data,
               GError          **error)
{
  MigmapCatalogueReader *reader = data;

  if (!migmap_country_codes_contains (reader->codes, code))
    {
      migmap_json_reader_set_error (json, error, MIGMAP_CATALOGUE_ERROR_UNKNOWN_COUNTRY, path,
                                    "unknown country code \"%s\"", code);
      return FALSE;
    }
  return TRUE;
}

gboolean
migmap_catalogue_reader_country (MigmapCatalogueReader *reader,
                                 json_object           *obj,
                                 const char            *path,
                                 const char            *key,
                                 gboolean               required,
                                 char                 **out,
                                 GError               **error)
{
  return migmap_json_reader_checked_string (reader->json, obj, path, key, required, check_country, reader, out, error);
}

gboolean
migmap_catalogue_reader_countries (MigmapCatalogueReader *reader,
                                   json_object           *obj,
                                   const char            *path,
                                   const char            *key,
                                   char                ***out,
                                   GError               **error)
{
  return migmap_json_reader_string_array (reader->json, obj, path, key, check_country, reader, TRUE, out, error);
}

static gboolean
check_language (MigmapJsonReader *json,
                const char       *path,
                const char       *code,
                gpointer          data,
                GError          **error)
{
  if (strlen (code) != 2 || !g_ascii_islower (code[0]) || !g_ascii_islower (code[1]))
    {
      migmap_json_reader_set_error (json, error, MIGMAP_CATALOGUE_ERROR_BAD_VALUE, path,
                                    "bad language code \"%s\" (expected ISO 639-1, two lower-case letters)", code);
      return FALSE;
    }
  return TRUE;
}

gboolean
migmap_catalogue_reader_languages (MigmapCatalogueReader *reader,
                                   json_object           *obj,
                                   const char            *path,
                                   const char            *key,
                                   char                ***out,
                                   GError               **error)
{
  return migmap_json_reader_string_array (reader->json, obj, path, key, check_language, NULL, TRUE, out, error);
}

/* --- references ----------------------------------------------------------------- */

gboolean
migmap_catalogue_reader_check_ref (MigmapCatalogueReader *reader,
                                   const char            *path,
                                   MigmapRefKind          kind,
                                   const char            *id,
                                   GError               **error)
{
  if (!g_hash_table_contains (reader->ids[kind], id))
    {
      migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_UNKNOWN_REFERENCE, path,
                                    "unknown %s \"%s\"", migmap_ref_kind_name (kind), id);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  MigmapCatalogueReader *reader;
  MigmapRefKind          kind;
} RefCheck;

static gboolean
check_ref_item (MigmapJsonReader *json,
                const char       *path,
                const char       *id,
                gpointer          data,
                GError          **error)
{
  RefCheck *check = data;

  return migmap_catalogue_reader_check_ref (check->reader, path, check->kind, id, error);
}

gboolean
migmap_catalogue_reader_ref (MigmapCatalogueReader *reader,
                             json_object           *obj,
                             const char            *path,
                             const char            *key,
                             MigmapRefKind          kind,
                             gboolean               required,
                             char                 **out,
                             GError               **error)
{
  RefCheck check = { reader, kind };

  return migmap_json_reader_checked_string (reader->json, obj, path, key, required, check_ref_item, &check, out, error);
}

gboolean
migmap_catalogue_reader_refs (MigmapCatalogueReader *reader,
                              json_object           *obj,
                              const char            *path,
                              const char            *key,
                              MigmapRefKind          kind,
                              char                ***out,
                              GError               **error)
{
  RefCheck check = { reader, kind };

  return migmap_json_reader_string_array (reader->json, obj, path, key, check_ref_item, &check, TRUE, out, error);
}

gboolean
migmap_catalogue_reader_roles (MigmapCatalogueReader *reader,
                               json_object           *obj,
                               const char            *path,
                               const char            *key,
                               char                ***ids,
                               char                ***roles,
                               GError               **error)
{
  static const char * const role_keys[] = { "organisation", "role", NULL };
  g_autoptr(GStrvBuilder) id_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) role_builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *array_path = migmap_json_path_key (path, key);
  MigmapJsonReader *json = reader->json;
  json_object *array;

  *ids = *roles = NULL;
  if (!migmap_json_reader_array (json, obj, path, key, FALSE, &array, error))
    return FALSE;

  if (array != NULL)
    for (gsize i = 0; i < json_object_array_length (array); i++)
      {
        json_object *item = json_object_array_get_idx (array, i);
        g_autofree char *item_path = migmap_json_path_index (array_path, i);
        g_autofree char *id = NULL;
        g_autofree char *role = NULL;

        if (migmap_json_has_type (item, json_type_string))
          {
            id = g_strdup (json_object_get_string (item));
            if (!migmap_json_reader_check_non_empty (json, item_path, id, error) ||
                !migmap_catalogue_reader_check_ref (reader, item_path, MIGMAP_REF_ORGANISATION, id, error))
              return FALSE;
          }
        else if (migmap_json_has_type (item, json_type_object))
          {
            if (!migmap_json_reader_check_object (json, item, item_path, role_keys, error) ||
                !migmap_catalogue_reader_ref (reader, item, item_path, "organisation", MIGMAP_REF_ORGANISATION, TRUE, &id, error) ||
                !migmap_json_reader_string (json, item, item_path, "role", FALSE, &role, error))
              return FALSE;
          }
        else
          return migmap_json_reader_wrong_type (json, item_path, item, json_type_string, error);

        if (!g_hash_table_add (seen, g_strdup (id)))
          {
            migmap_json_reader_set_error (json, error, MIGMAP_CATALOGUE_ERROR_BAD_VALUE, item_path,
                                          "duplicate value \"%s\"", id);
            return FALSE;
          }
        g_strv_builder_add (id_builder, id);
        g_strv_builder_add (role_builder, role ? role : "");
      }

  *ids = g_strv_builder_end (id_builder);
  *roles = g_strv_builder_end (role_builder);
  return TRUE;
}

/* --- sources ------------------------------------------------------------------------ */

/* @data is the MigmapCatalogueReader. */
static gboolean
check_source (MigmapJsonReader *json,
              const char       *path,
              const char       *file,
              gpointer          data,
              GError          **error)
{
  MigmapCatalogueReader *reader = data;

  if (!g_hash_table_contains (reader->sources, file))
    {
      migmap_json_reader_set_error (json, error, MIGMAP_CATALOGUE_ERROR_UNKNOWN_REFERENCE, path,
                                    "unknown source \"%s\"", file);
      return FALSE;
    }
  return TRUE;
}

gboolean
migmap_catalogue_reader_sources (MigmapCatalogueReader *reader,
                                 json_object           *obj,
                                 const char            *path,
                                 char                ***out,
                                 GError               **error)
{
  g_autofree char *child = migmap_json_path_key (path, "source");
  MigmapJsonReader *json = reader->json;
  json_object *value = NULL;

  *out = NULL;
  if (!json_object_object_get_ex (obj, "source", &value) || value == NULL)
    {
      migmap_json_reader_set_error (json, error, MIGMAP_CATALOGUE_ERROR_MISSING_FIELD, path,
                                    "missing required field \"source\"");
      return FALSE;
    }

  if (migmap_json_has_type (value, json_type_string))
    {
      const char *file = json_object_get_string (value);

      if (!migmap_json_reader_check_non_empty (json, child, file, error) ||
          !check_source (json, child, file, reader, error))
        return FALSE;
      *out = g_new0 (char *, 2);
      (*out)[0] = g_strdup (file);
      return TRUE;
    }
  if (migmap_json_has_type (value, json_type_array))
    {
      if (!migmap_json_reader_string_array (json, obj, path, "source", check_source, reader, TRUE, out, error))
        return FALSE;
      if (g_strv_length (*out) == 0)
        {
          g_clear_pointer (out, g_strfreev);
          migmap_json_reader_set_error (json, error, MIGMAP_CATALOGUE_ERROR_BAD_VALUE, child,
                                        "bad value [] (expected at least one source)");
          return FALSE;
        }
      return TRUE;
    }

  return migmap_json_reader_wrong_type (json, child, value, json_type_string, error);
}
