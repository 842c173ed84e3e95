/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-json-reader.h: json-c parsing with file:line:column positions and
 * typed field access whose errors name the file, the JSON path and the bad
 * value (private).  Knows nothing of what the JSON describes. */
#pragma once

#include <glib.h>
#include <json-c/json.h>

#include "migmap-catalogue-error.h"

G_BEGIN_DECLS

/* What an object key that the reader was not told about means. */
typedef enum {
  MIGMAP_JSON_UNKNOWN_KEYS_ERROR,  /* our own files: a misspelt key would silently drop a fact */
  MIGMAP_JSON_UNKNOWN_KEYS_IGNORE, /* files others own, which grow new keys between releases */
} MigmapJsonUnknownKeys;

typedef struct {
  char                 *file;         /* absolute, shown in messages */
  MigmapJsonUnknownKeys unknown_keys;
} MigmapJsonReader;

MigmapJsonReader *migmap_json_reader_new   (const char            *path,
                                            MigmapJsonUnknownKeys  unknown_keys);
void              migmap_json_reader_free  (MigmapJsonReader      *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MigmapJsonReader, migmap_json_reader_free)

json_object      *migmap_json_parse_file   (const char         *path,
                                            GError            **error);

/* "FILE: JSON-PATH: message", FILE the absolute path; the root is
 * shown as "(root)". */
void              migmap_json_reader_set_error (MigmapJsonReader *reader,
                                                GError          **error,
                                                int               code,
                                                const char       *path,
                                                const char       *format,
                                                ...) G_GNUC_PRINTF (5, 6);

char             *migmap_json_path_key     (const char *path,
                                            const char *key);
char             *migmap_json_path_index   (const char *path,
                                            gsize       index);

/* A double also accepts a whole number. */
gboolean          migmap_json_has_type     (json_object *value,
                                            json_type    expected);
/* Always FALSE, with a TYPE error quoting @value. */
gboolean          migmap_json_reader_wrong_type (MigmapJsonReader *reader,
                                                 const char       *path,
                                                 json_object      *value,
                                                 json_type         expected,
                                                 GError          **error);
gboolean          migmap_json_reader_check_non_empty (MigmapJsonReader *reader,
                                                      const char       *path,
                                                      const char       *text,
                                                      GError          **error);

/* Called on each string of a checked field with the string's own path. */
typedef gboolean (*MigmapJsonStringCheck) (MigmapJsonReader *reader,
                                           const char       *path,
                                           const char       *value,
                                           gpointer          data,
                                           GError          **error);

/* Each getter returns FALSE with @error set when the field is present but
 * wrong, or absent though required.  A JSON null counts as absent. */

/* @obj must be an object; with MIGMAP_JSON_UNKNOWN_KEYS_ERROR every key
 * must be in @allowed_keys (which may be NULL when unknown keys are
 * ignored). */
gboolean migmap_json_reader_check_object (MigmapJsonReader   *reader,
                                          json_object        *obj,
                                          const char         *path,
                                          const char * const *allowed_keys,
                                          GError            **error);
gboolean migmap_json_reader_array  (MigmapJsonReader *reader,
                                    json_object      *obj,
                                    const char       *path,
                                    const char       *key,
                                    gboolean          required,
                                    json_object     **out,
                                    GError          **error);
gboolean migmap_json_reader_object (MigmapJsonReader *reader,
                                    json_object      *obj,
                                    const char       *path,
                                    const char       *key,
                                    gboolean          required,
                                    json_object     **out,
                                    GError          **error);
/* A required string must also be non-empty. */
gboolean migmap_json_reader_string (MigmapJsonReader *reader,
                                    json_object      *obj,
                                    const char       *path,
                                    const char       *key,
                                    gboolean          required,
                                    char            **out,
                                    GError          **error);
/* A string member, passed to @check when present. */
gboolean migmap_json_reader_checked_string (MigmapJsonReader      *reader,
                                            json_object           *obj,
                                            const char            *path,
                                            const char            *key,
                                            gboolean               required,
                                            MigmapJsonStringCheck  check,
                                            gpointer               data,
                                            char                 **out,
                                            GError               **error);
/* An optional array of non-empty strings, each passed to @check (if not
 * NULL); with @unique a repeated string is an error.  Absent: empty. */
gboolean migmap_json_reader_string_array (MigmapJsonReader      *reader,
                                          json_object           *obj,
                                          const char            *path,
                                          const char            *key,
                                          MigmapJsonStringCheck  check,
                                          gpointer               data,
                                          gboolean               unique,
                                          char                ***out,
                                          GError               **error);
gboolean migmap_json_reader_strv   (MigmapJsonReader *reader,
                                    json_object      *obj,
                                    const char       *path,
                                    const char       *key,
                                    char           ***out,
                                    GError          **error);
gboolean migmap_json_reader_enum   (MigmapJsonReader   *reader,
                                    json_object        *obj,
                                    const char         *path,
                                    const char         *key,
                                    gboolean            required,
                                    const char * const *allowed,
                                    char              **out,
                                    GError            **error);
gboolean migmap_json_reader_int    (MigmapJsonReader *reader,
                                    json_object      *obj,
                                    const char       *path,
                                    const char       *key,
                                    gboolean          required,
                                    int               min,
                                    int               max,
                                    int              *out,
                                    GError          **error);
gboolean migmap_json_reader_double (MigmapJsonReader *reader,
                                    json_object      *obj,
                                    const char       *path,
                                    const char       *key,
                                    gboolean          required,
                                    double            min,
                                    double            max,
                                    double           *out,
                                    gboolean         *present,
                                    GError          **error);

G_END_DECLS
