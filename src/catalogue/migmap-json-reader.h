/* migmap-json-reader.h: typed field access on json-c objects, with errors
 * that name the file, the JSON path and the bad value (private) */
#pragma once

#include <glib.h>
#include <json-c/json.h>

#include "migmap-country-codes.h"
#include "migmap-date.h"

G_BEGIN_DECLS

/* The kinds of entity an id may refer to. */
typedef enum {
  MIGMAP_REF_ORGANISATION,
  MIGMAP_REF_DIALOGUE,
  MIGMAP_REF_THEME,
  MIGMAP_REF_GROUP,
  MIGMAP_REF_PLACE,
  MIGMAP_REF_PROJECT,
  MIGMAP_REF_EVENT,
  MIGMAP_REF_DOCUMENT,
  MIGMAP_N_REFS
} MigmapRefKind;

typedef struct {
  char               *file;        /* basename, as shown in messages */
  MigmapCountryCodes *codes;       /* NULL while reading the code list itself */
  GHashTable         *ids[MIGMAP_N_REFS]; /* id -> path of its definition */
  GHashTable         *sources;     /* source document file names */
} MigmapJsonReader;

MigmapJsonReader *migmap_json_reader_new   (const char         *path,
                                            MigmapCountryCodes *codes);
void              migmap_json_reader_free  (MigmapJsonReader   *reader);

json_object      *migmap_json_parse_file   (const char         *path,
                                            GError            **error);

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
const char       *migmap_json_ref_kind_name (MigmapRefKind kind);

/* Each getter returns FALSE with @error set when the field is present but
 * wrong, or absent though required.  A JSON null counts as absent. */
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
gboolean migmap_json_reader_string (MigmapJsonReader *reader,
                                    json_object      *obj,
                                    const char       *path,
                                    const char       *key,
                                    gboolean          required,
                                    char            **out,
                                    GError          **error);
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
gboolean migmap_json_reader_date   (MigmapJsonReader *reader,
                                    json_object      *obj,
                                    const char       *path,
                                    const char       *key,
                                    gboolean          required,
                                    MigmapDate       *out,
                                    GError          **error);
gboolean migmap_json_reader_date_range (MigmapJsonReader *reader,
                                        json_object      *obj,
                                        const char       *path,
                                        const char       *start_key,
                                        const char       *end_key,
                                        MigmapDate       *start,
                                        MigmapDate       *end,
                                        GError          **error);
gboolean migmap_json_reader_country (MigmapJsonReader *reader,
                                     json_object      *obj,
                                     const char       *path,
                                     const char       *key,
                                     gboolean          required,
                                     char            **out,
                                     GError          **error);
gboolean migmap_json_reader_countries (MigmapJsonReader *reader,
                                       json_object      *obj,
                                       const char       *path,
                                       const char       *key,
                                       char           ***out,
                                       GError          **error);
gboolean migmap_json_reader_languages (MigmapJsonReader *reader,
                                       json_object      *obj,
                                       const char       *path,
                                       const char       *key,
                                       char           ***out,
                                       GError          **error);
gboolean migmap_json_reader_ref    (MigmapJsonReader *reader,
                                    json_object      *obj,
                                    const char       *path,
                                    const char       *key,
                                    MigmapRefKind     kind,
                                    gboolean          required,
                                    char            **out,
                                    GError          **error);
gboolean migmap_json_reader_refs   (MigmapJsonReader *reader,
                                    json_object      *obj,
                                    const char       *path,
                                    const char       *key,
                                    MigmapRefKind     kind,
                                    char           ***out,
                                    GError          **error);
gboolean migmap_json_reader_check_ref (MigmapJsonReader *reader,
                                       const char       *path,
                                       MigmapRefKind     kind,
                                       const char       *id,
                                       GError          **error);
/* Organisations with optional roles: "iom" or {"organisation": "dgsg", "role": "..."}. */
gboolean migmap_json_reader_roles  (MigmapJsonReader *reader,
                                    json_object      *obj,
                                    const char       *path,
                                    const char       *key,
                                    char           ***ids,
                                    char           ***roles,
                                    GError          **error);
/* "source": one file name or an array of them; required on every entity. */
gboolean migmap_json_reader_sources (MigmapJsonReader *reader,
                                     json_object      *obj,
                                     const char       *path,
                                     char           ***out,
                                     GError          **error);

G_END_DECLS
