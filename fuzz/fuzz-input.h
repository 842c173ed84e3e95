/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-input.h: what the fuzz targets share: the framing of a shapefile in
 * one input, a private directory to write it to, and strict logging
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A shapefile is fuzzed as one input: its .shp, .shx, .dbf, .prj and .cpg
 * parts in that order, separated by FUZZ_PART_SEPARATOR.  A part that is not
 * there is a file that is not there; an input without a separator is a .shp
 * alone. */
#define FUZZ_PART_SEPARATOR "--migmap-part--"

/* The libFuzzer entry points, also called by fuzz-replay.c. */
int   LLVMFuzzerInitialize   (int            *argc,
                              char         ***argv);
int   LLVMFuzzerTestOneInput (const guint8   *data,
                              size_t          size);

/* Turns criticals and warnings into aborts, as G_DEBUG=fatal-warnings does
 * in the tests: hostile input must give a GError, never a g_critical (). */
void  fuzz_init              (void);

/* Writes @data to a file named @name in the process's private directory
 * and returns its path; removes that file instead when @data is NULL. */
char *fuzz_write_file        (const char     *name,
                              const guint8   *data,
                              gsize           size);

/* Splits @data into the parts of a shapefile and writes them as
 * fuzz.shp, fuzz.shx, ...; returns the path of fuzz.shp. */
char *fuzz_write_shapefile   (const guint8   *data,
                              gsize           size);

G_END_DECLS
