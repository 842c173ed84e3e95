/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-edit-dialog-private.h: the fields of each kind and the loader's
 * messages in the user's words (migmap-edit-dialog-fields.c) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MIGMAP_FIELD_TEXT,       /* a string */
  MIGMAP_FIELD_LONG,       /* a string, several lines */
  MIGMAP_FIELD_STRINGS,    /* an array of strings, one a line */
  MIGMAP_FIELD_DATE,
  MIGMAP_FIELD_ENUM,
  MIGMAP_FIELD_NUMBER,
  MIGMAP_FIELD_INTEGER,
  MIGMAP_FIELD_REF,        /* an id of the kind @ref */
  MIGMAP_FIELD_REFS,       /* ids, or {@object_key: id, "role"} */
  MIGMAP_FIELD_COUNTRY,
  MIGMAP_FIELD_COUNTRIES,
  MIGMAP_FIELD_MEMBERS,    /* "DZA" or {"country", "valid_from", "valid_to", "note"} */
  MIGMAP_FIELD_JSON,       /* nested facts (activities, status...) as JSON text */
} MigmapFieldType;

typedef struct {
  const char *value;
  const char *label;       /* N_() */
} MigmapEnumChoice;

typedef struct {
  const char             *name;     /* the schema's field */
  const char             *label;    /* N_() */
  MigmapFieldType         type;
  const char             *ref;      /* REF(S): the entity array; "countries" */
  const MigmapEnumChoice *choices;  /* ENUM, NULL-terminated */
  gboolean                required;
  const char             *object_key; /* REFS with a role */
  const char             *hint;     /* N_(), shown under the field */
} MigmapFieldSpec;

/* The fields of @kind in form order, terminated by a NULL name; NULL for
 * a kind the form does not edit. */
const MigmapFieldSpec *migmap_edit_fields_for_kind (const char *kind);
/* "Project", "Group"... for a title. */
const char            *migmap_edit_kind_label      (const char *kind,
                                                    gboolean    is_new);

/* Splits a loader message about @kind into the field it names (NULL: the
 * entity as a whole or another one), the index of the value in a list
 * field (-1: none) and the message in the user's language. */
char                  *migmap_edit_explain_error   (const char *message,
                                                    int         code,
                                                    const char *path,
                                                    const char *kind,
                                                    char      **field,
                                                    int        *index);
/* An id from a name: "Tunis Office 2" -> "tunis-office-2". */
char                  *migmap_edit_make_id         (const char *name);

G_END_DECLS
