/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-json-reader.c: json-c parsing with file:line:column positions and
 * typed field access whose errors name the file, the JSON path and the bad
 * value (private) */
#include "config.h"

#include "migmap-json-reader.h"

#include <stdarg.h>
#include <string.h>

G_DEFINE_QUARK (migmap-catalogue-error-quark, migmap_catalogue_error)

#define MAX_SHOWN_VALUE 60 /* characters of a bad value quoted in a message */

MigmapJsonReader *
migmap_json_reader_new (const char            *path,
                        MigmapJsonUnknownKeys  unknown_keys)
{
  MigmapJsonReader *reader = g_new0 (MigmapJsonReader, 1);

  g_return_val_if_fail (path != NULL, NULL);

  /* The whole path: two catalogue.json files must be told apart. */
  reader->file = g_canonicalize_filename (path, NULL);
  reader->unknown_keys = unknown_keys;
  return reader;
}

void
migmap_json_reader_free (MigmapJsonReader *reader)
{
  if (reader == NULL)
    return;
  g_free (reader->file);
  g_free (reader);
}

void
migmap_json_reader_set_error (MigmapJsonReader *reader,
                              GError          **error,
                              int               code,
                              const char       *path,
                              const char       *format,
                              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, MIGMAP_CATALOGUE_ERROR, code, "%s: %s: %s",
               reader->file, (path && *path) ? path : "(root)", message);
}

char *
migmap_json_path_key (const char *path,
                      const char *key)
{
  if (path == NULL || *path == '\0')
    return g_strdup (key);
  return g_strdup_printf ("%s.%s", path, key);
}

char *
migmap_json_path_index (const char *path,
                        gsize       index)
{
  return g_strdup_printf ("%s[%" G_GSIZE_FORMAT "]", path, index);
}

/* --- parsing ------------------------------------------------------------ */

/* json-c reports a byte offset; people want a line and a column (in
 * characters, both from 1) they can jump to in an editor. */
static void
offset_to_line_column (const char *data,
                       gsize       offset,
                       guint      *line,
                       guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        (*line)++;
        line_start = data + i + 1;
      }
  /* The offset may point into a broken UTF-8 sequence: count lead bytes only. */
  *column = 1;
  for (const char *p = line_start; p < data + offset; p++)
    if (((guchar) *p & 0xC0) != 0x80)
      (*column)++;
}

json_object *
migmap_json_parse_file (const char *path,
                        GError    **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  struct json_tokener *tok;
  json_object *root;
  gsize len = 0;
  guint line, column;

  g_return_val_if_fail (path != NULL, NULL);

  shown = g_canonicalize_filename (path, NULL);
  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_set_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_READ,
                   "%s: cannot read file: %s", shown, local_error->message);
      return NULL;
    }

  tok = json_tokener_new ();
  json_tokener_set_flags (tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
  root = json_tokener_parse_ex (tok, data, (int) MIN (len, (gsize) G_MAXINT));

  if (root == NULL)
    {
      enum json_tokener_error jerr = json_tokener_get_error (tok);
      gsize offset = json_tokener_get_parse_end (tok);
      const char *what;

      /* "continue" means the text stopped in the middle of a value. */
      if (jerr == json_tokener_continue || jerr == json_tokener_success)
        {
          offset = len;
          what = "unexpected end of file";
        }
      else
        what = json_tokener_error_desc (jerr);

      offset_to_line_column (data, MIN (offset, len), &line, &column);
      g_set_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_SYNTAX,
                   "%s:%u:%u: malformed JSON: %s", shown, line, column, what);
      json_tokener_free (tok);
      return NULL;
    }

  /* Strict mode already refuses trailing characters, but not a stray NUL. */
  if (json_tokener_get_parse_end (tok) < len)
    {
      gsize offset = json_tokener_get_parse_end (tok);

      while (offset < len && g_ascii_isspace (data[offset]))
        offset++;
      if (offset < len)
        {
          offset_to_line_column (data, offset, &line, &column);
          g_set_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_SYNTAX,
                       "%s:%u:%u: malformed JSON: unexpected data after the end of the document",
                       shown, line, column);
          json_object_put (root);
          json_tokener_free (tok);
          return NULL;
        }
    }

  json_tokener_free (tok);
  return root;
}

/* --- typed access --------------------------------------------------------- */

static char *
describe_value (json_object *value)
{
  const char *text = json_object_to_json_string_ext (value, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);

  if (g_utf8_strlen (text, -1) > MAX_SHOWN_VALUE)
    {
      g_autofree char *start = g_utf8_substring (text, 0, MAX_SHOWN_VALUE);
      return g_strconcat (start, "…", NULL);
    }
  return g_strdup (text);
}

static const char *
type_article_name (json_type type)
{
  switch (type)
    {
    case json_type_string:  return "a string";
    case json_type_array:   return "an array";
    case json_type_object:  return "an object";
    case json_type_int:     return "a whole number";
    case json_type_double:  return "a number";
    case json_type_boolean: return "a boolean";
    case json_type_null:
    default:                return "null";
    }
}

gboolean
migmap_json_reader_wrong_type (MigmapJsonReader *reader,
                               const char       *path,
                               json_object      *value,
                               json_type         expected,
                               GError          **error)
{
  g_autofree char *shown = describe_value (value);

  migmap_json_reader_set_error (reader, error, MIGMAP_CATALOGUE_ERROR_TYPE, path,
                                "expected %s, got %s", type_article_name (expected), shown);
  return FALSE;
}

gboolean
migmap_json_has_type (json_object *value,
                      json_type    expected)
{
  json_type type = json_object_get_type (value);

  if (expected == json_type_double)
    return type == json_type_double || type == json_type_int;
  return type == expected;
}

/* Fetches @key; FALSE with an error if it is required and absent or of the
 * wrong type.  *out is NULL when the key is absent or null. */
static gboolean
get_member (MigmapJsonReader *reader,
            json_object      *obj,
            const char       *path,
            const char       *key,
            json_type         type,
            gboolean          required,
            json_object     **out,
            GError          **error)
{
  json_object *value = NULL;

  *out = NULL;
  if (!json_object_object_get_ex (obj, key, &value) || value == NULL)
    {
      if (required)
        {
          migmap_json_reader_set_error (reader, error, MIGMAP_CATALOGUE_ERROR_MISSING_FIELD, path,
                                        "missing required field \"%s\"", key);
          return FALSE;
        }
      return TRUE;
    }
  if (!migmap_json_has_type (value, type))
    {
      g_autofree char *child = migmap_json_path_key (path, key);
      return migmap_json_reader_wrong_type (reader, child, value, type, error);
    }
  *out = value;
  return TRUE;
}

gboolean
migmap_json_reader_check_object (MigmapJsonReader   *reader,
                                 json_object        *obj,
                                 const char         *path,
                                 const char * const *allowed_keys,
                                 GError            **error)
{
  if (!migmap_json_has_type (obj, json_type_object))
    return migmap_json_reader_wrong_type (reader, path, obj, json_type_object, error);
  if (reader->unknown_keys == MIGMAP_JSON_UNKNOWN_KEYS_IGNORE)
    return TRUE;

  g_return_val_if_fail (allowed_keys != NULL, FALSE);

  /* A misspelt optional key would otherwise silently drop a fact. */
  json_object_object_foreach (obj, key, value)
    {
      (void) value;   /* declared by the macro; only the keys matter here */
      if (!g_strv_contains (allowed_keys, key))
        {
          migmap_json_reader_set_error (reader, error, MIGMAP_CATALOGUE_ERROR_UNKNOWN_FIELD, path,
                                        "unknown field \"%s\"", key);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
migmap_json_reader_array (MigmapJsonReader *reader,
                          json_object      *obj,
                          const char       *path,
                          const char       *key,
                          gboolean          required,
                          json_object     **out,
                          GError          **error)
{
  return get_member (reader, obj, path, key, json_type_array, required, out, error);
}

gboolean
migmap_json_reader_object (MigmapJsonReader *reader,
                           json_object      *obj,
                           const char       *path,
                           const char       *key,
                           gboolean          required,
                           json_object     **out,
                           GError          **error)
{
  return get_member (reader, obj, path, key, json_type_object, required, out, error);
}

gboolean
migmap_json_reader_check_non_empty (MigmapJsonReader *reader,
                                    const char       *path,
                                    const char       *text,
                                    GError          **error)
{
  if (*text == '\0')
    {
      migmap_json_reader_set_error (reader, error, MIGMAP_CATALOGUE_ERROR_BAD_VALUE, path,
                                    "bad value \"\" (expected a non-empty string)");
      return FALSE;
    }
  return TRUE;
}

gboolean
migmap_json_reader_string (MigmapJsonReader *reader,
                           json_object      *obj,
                           const char       *path,
                           const char       *key,
                           gboolean          required,
                           char            **out,
                           GError          **error)
{
  json_object *value;

  *out = NULL;
  if (!get_member (reader, obj, path, key, json_type_string, required, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  if (required)
    {
      g_autofree char *child = migmap_json_path_key (path, key);
      if (!migmap_json_reader_check_non_empty (reader, child, json_object_get_string (value), error))
        return FALSE;
    }
  *out = g_strdup (json_object_get_string (value));
  return TRUE;
}

gboolean
migmap_json_reader_checked_string (MigmapJsonReader      *reader,
                                   json_object           *obj,
                                   const char            *path,
                                   const char            *key,
                                   gboolean               required,
                                   MigmapJsonStringCheck  check,
                                   gpointer               data,
                                   char                 **out,
                                   GError               **error)
{
  g_autofree char *value = NULL;

  *out = NULL;
  if (!migmap_json_reader_string (reader, obj, path, key, required, &value, error))
    return FALSE;
  if (value != NULL)
    {
      g_autofree char *child = migmap_json_path_key (path, key);
      if (!check (reader, child, value, data, error))
        return FALSE;
    }
  *out = g_steal_pointer (&value);
  return TRUE;
}

gboolean
migmap_json_reader_string_array (MigmapJsonReader     *reader,
                                 json_object          *obj,
                                 const char           *path,
                                 const char           *key,
                                 MigmapJsonStringCheck check,
                                 gpointer              data,
                                 gboolean              unique,
                                 char               ***out,
                                 GError              **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *array_path = migmap_json_path_key (path, key);
  json_object *array;

  *out = NULL;
  if (!get_member (reader, obj, path, key, json_type_array, FALSE, &array, error))
    return FALSE;

  if (array != NULL)
    for (gsize i = 0; i < json_object_array_length (array); i++)
      {
        json_object *item = json_object_array_get_idx (array, i);
        g_autofree char *item_path = migmap_json_path_index (array_path, i);
        const char *text;

        if (!migmap_json_has_type (item, json_type_string))
          return migmap_json_reader_wrong_type (reader, item_path, item, json_type_string, error);
        text = json_object_get_string (item);
        if (!migmap_json_reader_check_non_empty (reader, item_path, text, error))
          return FALSE;
        if (check != NULL && !check (reader, item_path, text, data, error))
          return FALSE;
        if (unique && !g_hash_table_add (seen, (gpointer) text))
          {
            migmap_json_reader_set_error (reader, error, MIGMAP_CATALOGUE_ERROR_BAD_VALUE, item_path,
                                          "duplicate value \"%s\"", text);
            return FALSE;
          }
        g_strv_builder_add (builder, text);
      }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
migmap_json_reader_strv (MigmapJsonReader *reader,
                         json_object      *obj,
                         const char       *path,
                         const char       *key,
                         char           ***out,
                         GError          **error)
{
  return migmap_json_reader_string_array (reader, obj, path, key, NULL, NULL, FALSE, out, error);
}

gboolean
migmap_json_reader_enum (MigmapJsonReader   *reader,
                         json_object        *obj,
                         const char         *path,
                         const char         *key,
                         gboolean            required,
                         const char * const *allowed,
                         char              **out,
                         GError            **error)
{
  g_autofree char *value = NULL;

  *out = NULL;
  if (!migmap_json_reader_string (reader, obj, path, key, required, &value, error))
    return FALSE;
  if (value != NULL && !g_strv_contains (allowed, value))
    {
      g_autofree char *child = migmap_json_path_key (path, key);
      g_autofree char *list = g_strjoinv (", ", (char **) allowed);

      migmap_json_reader_set_error (reader, error, MIGMAP_CATALOGUE_ERROR_BAD_VALUE, child,
                                    "bad value \"%s\" (expected one of: %s)", value, list);
      return FALSE;
    }
  *out = g_steal_pointer (&value);
  return TRUE;
}

gboolean
migmap_json_reader_int (MigmapJsonReader *reader,
                        json_object      *obj,
                        const char       *path,
                        const char       *key,
                        gboolean          required,
                        int               min,
                        int               max,
                        int              *out,
                        GError          **error)
{
  json_object *value;
  int64_t number;

  *out = 0;
  if (!get_member (reader, obj, path, key, json_type_int, required, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  number = json_object_get_int64 (value);
  if (number < min || number > max)
    {
      g_autofree char *child = migmap_json_path_key (path, key);

      migmap_json_reader_set_error (reader, error, MIGMAP_CATALOGUE_ERROR_BAD_VALUE, child,
                                    "bad value %" G_GINT64_FORMAT " (expected a whole number from %d to %d)",
                                    (gint64) number, min, max);
      return FALSE;
    }
  *out = (int) number;
  return TRUE;
}

gboolean
migmap_json_reader_double (MigmapJsonReader *reader,
                           json_object      *obj,
                           const char       *path,
                           const char       *key,
                           gboolean          required,
                           double            min,
                           double            max,
                           double           *out,
                           gboolean         *present,
                           GError          **error)
{
  json_object *value;
  double number;

  *present = FALSE;
  if (!get_member (reader, obj, path, key, json_type_double, required, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  number = json_object_get_double (value);
  if (!(number >= min && number <= max))
    {
      g_autofree char *child = migmap_json_path_key (path, key);
      g_autofree char *shown = describe_value (value);

      migmap_json_reader_set_error (reader, error, MIGMAP_CATALOGUE_ERROR_BAD_VALUE, child,
                                    "bad value %s (expected a number from %g to %g)", shown, min, max);
      return FALSE;
    }
  *out = number;
  *present = TRUE;
  return TRUE;
}
