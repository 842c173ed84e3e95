/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-dates.c */
#include "config.h"

#include "migmap-dates.h"

#include <glib/gi18n-lib.h>

static const char * const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

char *
migmap_format_date (const MigmapDate *date)
{
  const char *month;

  if (date == NULL || !migmap_date_is_set (date))
    return NULL;
  if (date->month == 0 || date->month > 12)
    return g_strdup_printf ("%u", date->year);
  month = _(month_names[date->month - 1]);
  if (date->day)
    /* TRANSLATORS: day, month name, year, e.g. "7 November 2012"; reorder with %1$, %2$, %3$ */
    return g_strdup_printf (C_("date", "%1$u %2$s %3$u"), date->day, month, date->year);
  /* TRANSLATORS: month name and year, e.g. "January 2009" */
  return g_strdup_printf (C_("date", "%1$s %2$u"), month, date->year);
}

char *
migmap_format_date_range (const MigmapDate *start, const MigmapDate *end)
{
  g_autofree char *from = migmap_format_date (start);
  g_autofree char *to = migmap_format_date (end);

  if (from && to && g_str_equal (from, to))
    return g_steal_pointer (&from);
  if (from && to)
    /* TRANSLATORS: a period, e.g. "January 2009 – December 2010" */
    return g_strdup_printf (_("%s – %s"), from, to);
  if (from)
    /* TRANSLATORS: a period whose end no source states */
    return g_strdup_printf (_("from %s"), from);
  if (to)
    /* TRANSLATORS: a period whose start no source states */
    return g_strdup_printf (_("until %s"), to);
  return NULL;
}

/* A left-to-right isolate, so that "2009–2010" does not read "2010–2009"
 * inside right-to-left text. */
#define LRI "\u2066"
#define PDI "\u2069"

char *
migmap_format_years (const MigmapDate *start, const MigmapDate *end)
{
  gboolean has_start = start && migmap_date_is_set (start);
  gboolean has_end = end && migmap_date_is_set (end);

  if (has_start && has_end && start->year != end->year)
    return g_strdup_printf (LRI "%u–%u" PDI, start->year, end->year);
  if (has_start)
    return g_strdup_printf ("%u", start->year);
  if (has_end)
    return g_strdup_printf ("–%u", end->year);
  return NULL;
}

char *
migmap_format_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  MigmapDate today = { 0 };

  migmap_date_set (&today, g_date_time_get_year (now), g_date_time_get_month (now),
                   g_date_time_get_day_of_month (now));
  return migmap_format_date (&today);
}

gboolean
migmap_text_is_rtl (void)
{
  /* TRANSLATORS: "rtl" if your language is written right to left, "ltr" otherwise */
  return g_str_equal (C_("text direction", "ltr"), "rtl");
}
