/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-csv-reader.h: RFC 4180 CSV with the line of every record, for
 * import messages that name the file, the line and the column (private) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint   line;   /* 1-based line where the record starts */
  GStrv   fields;
} MigmapCsvRecord;

/* The first record is the header.  Quoted fields may hold commas, quotes
 * ("") and line breaks; records end with CRLF or LF.  A malformed file
 * (a stray quote, an unterminated quoted field, a record whose field count
 * differs from the header's) fails with "FILE:LINE:COLUMN: ...". */
GPtrArray *migmap_csv_parse (const char  *path,
                             const char  *data,
                             gsize        length,
                             GError     **error);

G_END_DECLS
