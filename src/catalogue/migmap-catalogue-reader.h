/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue-reader.h: what reading data/catalogue.json needs beyond
 * generic JSON: country codes, references between entities, dates and
 * source documents (private) */
#pragma once

#include "migmap-country-codes.h"
#include "migmap-date.h"
#include "migmap-json-reader.h"

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
  MigmapJsonReader   *json;
  MigmapCountryCodes *codes;
  GHashTable         *ids[MIGMAP_N_REFS]; /* id -> path of its definition */
  GHashTable         *sources;            /* source document file names */
} MigmapCatalogueReader;

/* The catalogue is MigMap's own file: unknown keys are errors. */
MigmapCatalogueReader *migmap_catalogue_reader_new  (const char         *path,
                                                     MigmapCountryCodes *codes);
void                   migmap_catalogue_reader_free (MigmapCatalogueReader *reader);

const char *migmap_ref_kind_name (MigmapRefKind kind);

gboolean migmap_catalogue_reader_date       (MigmapCatalogueReader *reader,
                                             json_object           *obj,
                                             const char            *path,
                                             const char            *key,
                                             gboolean               required,
                                             MigmapDate            *out,
                                             GError               **error);
gboolean migmap_catalogue_reader_date_range (MigmapCatalogueReader *reader,
                                             json_object           *obj,
                                             const char            *path,
                                             const char            *start_key,
                                             const char            *end_key,
                                             MigmapDate            *start,
                                             MigmapDate            *end,
                                             GError               **error);
gboolean migmap_catalogue_reader_country    (MigmapCatalogueReader *reader,
                                             json_object           *obj,
                                             const char            *path,
                                             const char            *key,
                                             gboolean               required,
                                             char                 **out,
                                             GError               **error);
gboolean migmap_catalogue_reader_countries  (MigmapCatalogueReader *reader,
                                             json_object           *obj,
                                             const char            *path,
                                             const char            *key,
                                             char                ***out,
                                             GError               **error);
gboolean migmap_catalogue_reader_languages  (MigmapCatalogueReader *reader,
                                             json_object           *obj,
                                             const char            *path,
                                             const char            *key,
                                             char                ***out,
                                             GError               **error);
gboolean migmap_catalogue_reader_ref        (MigmapCatalogueReader *reader,
                                             json_object           *obj,
                                             const char            *path,
                                             const char            *key,
                                             MigmapRefKind          kind,
                                             gboolean               required,
                                             char                 **out,
                                             GError               **error);
gboolean migmap_catalogue_reader_refs       (MigmapCatalogueReader *reader,
                                             json_object           *obj,
                                             const char            *path,
                                             const char            *key,
                                             MigmapRefKind          kind,
                                             char                ***out,
                                             GError               **error);
gboolean migmap_catalogue_reader_check_ref  (MigmapCatalogueReader *reader,
                                             const char            *path,
                                             MigmapRefKind          kind,
                                             const char            *id,
                                             GError               **error);
/* Organisations with optional roles: "iom" or {"organisation": "dgsg", "role": "..."}. */
gboolean migmap_catalogue_reader_roles      (MigmapCatalogueReader *reader,
                                             json_object           *obj,
                                             const char            *path,
                                             const char            *key,
                                             char                ***ids,
                                             char                ***roles,
                                             GError               **error);
/* "source": one file name or an array of them; required on every entity. */
gboolean migmap_catalogue_reader_sources    (MigmapCatalogueReader *reader,
                                             json_object           *obj,
                                             const char            *path,
                                             char                ***out,
                                             GError               **error);

G_END_DECLS
