/* migmap-format.h: dates and lists as people read them */
#pragma once

#include <gtk/gtk.h>

#include "migmap-date.h"

G_BEGIN_DECLS

char *migmap_format_date       (const MigmapDate *date);
char *migmap_format_date_range (const MigmapDate *start,
                                const MigmapDate *end);
char *migmap_format_years      (const MigmapDate *start,
                                const MigmapDate *end);

/* The text of every visible label below @widget, one per line: what a
 * screen reader or a test reads. */
char *migmap_widget_dup_text   (GtkWidget        *widget);

/* gtk_list_box_remove_all() arrived only in GTK 4.12. */
void  migmap_list_box_clear    (GtkListBox       *list);

G_END_DECLS
