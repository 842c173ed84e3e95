/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-date.h: a calendar date that keeps the precision its source gave */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Sources say "2009", "January 2009" or "1 May 2009"; the catalogue must not
 * turn the first two into a day it does not know.  A zero month or day means
 * "not stated"; a zero year means the whole date is not stated. */
typedef struct {
  guint16 year;
  guint8  month;  /* 1..12, 0 = unknown */
  guint8  day;    /* 1..31, 0 = unknown */
} MigmapDate;

typedef enum {
  MIGMAP_DATE_PRECISION_NONE,
  MIGMAP_DATE_PRECISION_YEAR,
  MIGMAP_DATE_PRECISION_MONTH,
  MIGMAP_DATE_PRECISION_DAY,
} MigmapDatePrecision;

#define MIGMAP_DATE_INIT { 0, 0, 0 }
#define MIGMAP_TYPE_DATE (migmap_date_get_type ())

GType               migmap_date_get_type      (void) G_GNUC_CONST;
MigmapDate         *migmap_date_copy          (const MigmapDate *date);
void                migmap_date_free          (MigmapDate       *date);

gboolean            migmap_date_set           (MigmapDate       *date,
                                               guint             year,
                                               guint             month,
                                               guint             day);
gboolean            migmap_date_parse         (const char       *text,
                                               MigmapDate       *date);
char               *migmap_date_to_string     (const MigmapDate *date);
gboolean            migmap_date_is_set        (const MigmapDate *date);
MigmapDatePrecision migmap_date_get_precision (const MigmapDate *date);

int                 migmap_date_compare       (const MigmapDate *a,
                                               const MigmapDate *b);
gboolean            migmap_date_equal         (const MigmapDate *a,
                                               const MigmapDate *b);
guint32             migmap_date_get_first_day (const MigmapDate *date);
guint32             migmap_date_get_last_day  (const MigmapDate *date);
gboolean            migmap_date_ranges_overlap (const MigmapDate *a_start,
                                                const MigmapDate *a_end,
                                                const MigmapDate *b_start,
                                                const MigmapDate *b_end);
gboolean            migmap_date_range_contains (const MigmapDate *start,
                                                const MigmapDate *end,
                                                const MigmapDate *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MigmapDate, migmap_date_free)

G_END_DECLS
