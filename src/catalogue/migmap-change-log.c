/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-change-log.c: the "changes" array of a catalogue, one entry per
 * changed entity per save, kept in the file itself so that the log travels
 * with a catalogue on a shared drive */
#include "config.h"

#include "migmap-catalogue-json-private.h"

gboolean
migmap_catalogue_read_changes (MigmapCatalogueReader *reader,
                               json_object           *root,
                               GError               **error)
{
  static const char * const keys[] = { "at", "by", "kind", "id", "what", "source", NULL };
  static const char * const kinds[] = {
    "organisations", "dialogues", "themes", "groups", "places", "projects", "events", "documents", NULL
  };
  json_object *array;

  if (!migmap_json_reader_array (reader->json, root, "", "changes", FALSE, &array, error))
    return FALSE;

  for (gsize i = 0; array != NULL && i < json_object_array_length (array); i++)
    {
      json_object *item = json_object_array_get_idx (array, i);
      g_autofree char *item_path = migmap_json_path_index ("changes", i);
      g_autofree char *at = NULL;
      g_autofree char *by = NULL;
      g_autofree char *kind = NULL;
      g_autofree char *id = NULL;
      g_autofree char *what = NULL;
      g_autofree char *source = NULL;
      g_autoptr(GDateTime) when = NULL;

      if (!migmap_json_reader_check_object (reader->json, item, item_path, keys, error) ||
          !migmap_json_reader_string (reader->json, item, item_path, "at", TRUE, &at, error) ||
          !migmap_json_reader_string (reader->json, item, item_path, "by", TRUE, &by, error) ||
          !migmap_json_reader_enum (reader->json, item, item_path, "kind", TRUE, kinds, &kind, error) ||
          !migmap_json_reader_string (reader->json, item, item_path, "id", TRUE, &id, error) ||
          !migmap_json_reader_string (reader->json, item, item_path, "what", TRUE, &what, error) ||
          !migmap_json_reader_string (reader->json, item, item_path, "source", FALSE, &source, error))
        return FALSE;

      when = g_date_time_new_from_iso8601 (at, NULL);
      if (when == NULL)
        {
          g_autofree char *child = migmap_json_path_key (item_path, "at");

          migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_BAD_DATE, child,
                                        "bad time \"%s\" (expected ISO 8601 with a time zone, e.g. 2026-11-20T09:30:00Z)",
                                        at);
          return FALSE;
        }
    }
  return TRUE;
}
