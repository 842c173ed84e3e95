/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-widget-helpers.h: small things GTK 4.8 does not do for us */
#pragma once

#include <gtk/gtk.h>

#include "migmap-catalogue-editor.h"

G_BEGIN_DECLS

/* The text of every visible label below @widget, one per line: what a
 * screen reader or a test reads. */
char *migmap_widget_dup_text (GtkWidget  *widget);
/* gtk_list_box_remove_all() arrived only in GTK 4.12. */
void  migmap_list_box_clear  (GtkListBox *list);

/* Unparents every child: for a widget whose template root is not a bound
 * child, which gtk_widget_dispose_template() leaves behind. */
void  migmap_widget_unparent_children (GtkWidget *widget);

/* The side panels' building blocks: a wrapping, selectable text (dim for
 * secondary facts); a titled section appended to @sections and labelled by
 * its heading for screen readers; the "Not stated" of a fact no source
 * gives. */
GtkWidget *migmap_panel_text_new       (const char *text,
                                        gboolean    dim);
GtkWidget *migmap_panel_add_section    (GtkBox     *sections,
                                        const char *heading);
void       migmap_panel_add_not_stated (GtkWidget  *section);
/* A "History" section with the saved change log of @kind/@id, newest
 * first ("edited 2026-11-20 by amina: ..."); nothing when the log is empty
 * or @editor is NULL. */
void       migmap_panel_add_history    (GtkBox                *sections,
                                        MigmapCatalogueEditor *editor,
                                        const char            *kind,
                                        const char            *id);

G_END_DECLS
