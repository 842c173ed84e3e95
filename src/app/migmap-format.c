/* migmap-format.c: dates at the precision their source gives, in the
 * user's language (month names come from the C library's locale) */
#include "migmap-format.h"

#include <glib/gi18n.h>

char *
migmap_format_date (const MigmapDate *date)
{
  g_autoptr(GDateTime) when = NULL;

  if (date == NULL || !migmap_date_is_set (date))
    return NULL;
  if (date->month == 0)
    return g_strdup_printf ("%u", date->year);

  when = g_date_time_new_utc (date->year, date->month, MAX (date->day, 1), 0, 0, 0);
  if (when == NULL)
    return g_strdup_printf ("%u", date->year);
  /* TRANSLATORS: a date with its day, see strftime(3); %OB is the month
   * name as it stands alone */
  return g_date_time_format (when, date->day ? _("%-d %B %Y") : _("%OB %Y"));
}

char *
migmap_format_date_range (const MigmapDate *start, const MigmapDate *end)
{
  g_autofree char *from = migmap_format_date (start);
  g_autofree char *to = migmap_format_date (end);

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

char *
migmap_format_years (const MigmapDate *start, const MigmapDate *end)
{
  gboolean has_start = start && migmap_date_is_set (start);
  gboolean has_end = end && migmap_date_is_set (end);

  if (has_start && has_end && start->year != end->year)
    return g_strdup_printf ("%u–%u", start->year, end->year);
  if (has_start)
    return g_strdup_printf ("%u", start->year);
  if (has_end)
    return g_strdup_printf ("–%u", end->year);
  return NULL;
}

static void
collect_text (GtkWidget *widget, GString *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

char *
migmap_widget_dup_text (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  collect_text (widget, text);
  return g_string_free (text, FALSE);
}

void
migmap_list_box_clear (GtkListBox *list)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}
