/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue-error.h: why a catalogue or code list could not be loaded */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MIGMAP_CATALOGUE_ERROR (migmap_catalogue_error_quark ())

/* The message formats of each code are listed in data/SCHEMA.md. */
typedef enum {
  MIGMAP_CATALOGUE_ERROR_READ,              /* file missing or unreadable */
  MIGMAP_CATALOGUE_ERROR_SYNTAX,            /* not well-formed JSON: file:line:column */
  MIGMAP_CATALOGUE_ERROR_VERSION,           /* unsupported schema_version */
  MIGMAP_CATALOGUE_ERROR_MISSING_FIELD,     /* a required field is absent or null */
  MIGMAP_CATALOGUE_ERROR_UNKNOWN_FIELD,     /* a field the schema does not have (typo?) */
  MIGMAP_CATALOGUE_ERROR_TYPE,              /* a field of the wrong JSON type */
  MIGMAP_CATALOGUE_ERROR_BAD_VALUE,         /* right type, value not allowed */
  MIGMAP_CATALOGUE_ERROR_BAD_DATE,          /* not YYYY, YYYY-MM or YYYY-MM-DD, or end before start */
  MIGMAP_CATALOGUE_ERROR_UNKNOWN_COUNTRY,   /* not an ISO 3166-1 alpha-3 code nor a listed extra */
  MIGMAP_CATALOGUE_ERROR_DUPLICATE_ID,      /* two entities of one kind share an id */
  MIGMAP_CATALOGUE_ERROR_UNKNOWN_REFERENCE, /* an id that names no entity of the expected kind */
  MIGMAP_CATALOGUE_ERROR_INCONSISTENT,      /* entities that contradict each other */
} MigmapCatalogueError;

GQuark migmap_catalogue_error_quark (void);

G_END_DECLS
