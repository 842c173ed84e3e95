/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-date.c: a calendar date that keeps the precision its source gave */
#include "config.h"

#include "migmap-date.h"

#include <string.h>

G_DEFINE_BOXED_TYPE (MigmapDate, migmap_date, migmap_date_copy, migmap_date_free)

MigmapDate *
migmap_date_copy (const MigmapDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_memdup2 (date, sizeof *date);
}

void
migmap_date_free (MigmapDate *date)
{
  g_free (date);
}

/* Sets @date if the parts make a real calendar date; a day needs a month. */
gboolean
migmap_date_set (MigmapDate *date,
                 guint       year,
                 guint       month,
                 guint       day)
{
  g_return_val_if_fail (date != NULL, FALSE);

  if (year < 1 || year > 9999 || month > 12 || day > 31)
    return FALSE;
  if (day != 0 && (month == 0 || !g_date_valid_dmy (day, month, year)))
    return FALSE;

  date->year = year;
  date->month = month;
  date->day = day;
  return TRUE;
}

static gboolean
parse_digits (const char *text,
              guint       n,
              guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* Accepts exactly "YYYY", "YYYY-MM" or "YYYY-MM-DD" (ISO 8601 reduced precision). */
gboolean
migmap_date_parse (const char *text,
                   MigmapDate *date)
{
  guint year = 0, month = 0, day = 0;
  size_t len;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  len = strlen (text);
  if (len != 4 && len != 7 && len != 10)
    return FALSE;
  if (!parse_digits (text, 4, &year))
    return FALSE;
  if (len >= 7 && (text[4] != '-' || !parse_digits (text + 5, 2, &month) || month == 0))
    return FALSE;
  if (len == 10 && (text[7] != '-' || !parse_digits (text + 8, 2, &day) || day == 0))
    return FALSE;

  return migmap_date_set (date, year, month, day);
}

/* Returns NULL for an unset date, so callers can show "not stated". */
char *
migmap_date_to_string (const MigmapDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (migmap_date_get_precision (date))
    {
    case MIGMAP_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04u", date->year);
    case MIGMAP_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04u-%02u", date->year, date->month);
    case MIGMAP_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04u-%02u-%02u", date->year, date->month, date->day);
    case MIGMAP_DATE_PRECISION_NONE:
    default:
      return NULL;
    }
}

gboolean
migmap_date_is_set (const MigmapDate *date)
{
  return date != NULL && date->year != 0;
}

MigmapDatePrecision
migmap_date_get_precision (const MigmapDate *date)
{
  g_return_val_if_fail (date != NULL, MIGMAP_DATE_PRECISION_NONE);

  if (date->year == 0)
    return MIGMAP_DATE_PRECISION_NONE;
  if (date->month == 0)
    return MIGMAP_DATE_PRECISION_YEAR;
  if (date->day == 0)
    return MIGMAP_DATE_PRECISION_MONTH;
  return MIGMAP_DATE_PRECISION_DAY;
}

/* Orders by year, month, day, an unknown part sorting before any known one:
 * "2009" < "2009-01" < "2009-01-01".  Good for sorting, not for "is within";
 * use the range functions for that. */
int
migmap_date_compare (const MigmapDate *a,
                     const MigmapDate *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  return 0;
}

gboolean
migmap_date_equal (const MigmapDate *a,
                   const MigmapDate *b)
{
  return migmap_date_compare (a, b) == 0;
}

/* The first and last day a date can mean, as YYYYMMDD numbers: "2009" covers
 * 20090101..20091231.  31 stands for the last day of any month: only order
 * matters here. */
guint32
migmap_date_get_first_day (const MigmapDate *date)
{
  g_return_val_if_fail (migmap_date_is_set (date), 0);

  return date->year * 10000u + (date->month ? date->month : 1u) * 100u + (date->day ? date->day : 1u);
}

guint32
migmap_date_get_last_day (const MigmapDate *date)
{
  g_return_val_if_fail (migmap_date_is_set (date), 0);

  return date->year * 10000u + (date->month ? date->month : 12u) * 100u + (date->day ? date->day : 31u);
}

/* Do [a_start, a_end] and [b_start, b_end] share a day?  A NULL or unset
 * start or end leaves that side open. */
gboolean
migmap_date_ranges_overlap (const MigmapDate *a_start,
                            const MigmapDate *a_end,
                            const MigmapDate *b_start,
                            const MigmapDate *b_end)
{
  guint32 a_first = migmap_date_is_set (a_start) ? migmap_date_get_first_day (a_start) : 0;
  guint32 a_last = migmap_date_is_set (a_end) ? migmap_date_get_last_day (a_end) : G_MAXUINT32;
  guint32 b_first = migmap_date_is_set (b_start) ? migmap_date_get_first_day (b_start) : 0;
  guint32 b_last = migmap_date_is_set (b_end) ? migmap_date_get_last_day (b_end) : G_MAXUINT32;

  return a_first <= b_last && b_first <= a_last;
}

/* Is any day of @date inside [start, end]?  "2012" is within a range ending
 * "2012-03"; a NULL @date is within every range. */
gboolean
migmap_date_range_contains (const MigmapDate *start,
                            const MigmapDate *end,
                            const MigmapDate *date)
{
  if (!migmap_date_is_set (date))
    return TRUE;
  return migmap_date_ranges_overlap (start, end, date, date);
}
