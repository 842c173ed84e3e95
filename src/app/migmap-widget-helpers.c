/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-widget-helpers.c */
#include "config.h"

#include "migmap-widget-helpers.h"

#include <glib/gi18n-lib.h>

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

void
migmap_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  while ((child = gtk_widget_get_first_child (widget)))
    gtk_widget_unparent (child);
}

GtkWidget *
migmap_panel_text_new (const char *text, gboolean dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Selectable labels would otherwise all sit in the Tab order. */
  gtk_widget_set_focusable (label, FALSE);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

GtkWidget *
migmap_panel_add_section (GtkBox *sections, const char *heading)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (heading);

  g_return_val_if_fail (GTK_IS_BOX (sections), NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (sections, box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  return box;
}

void
migmap_panel_add_not_stated (GtkWidget *section)
{
  g_return_if_fail (GTK_IS_BOX (section));
  gtk_box_append (GTK_BOX (section), migmap_panel_text_new (_("Not stated"), TRUE));
}

void
migmap_panel_add_history (GtkBox                *sections,
                          MigmapCatalogueEditor *editor,
                          const char            *kind,
                          const char            *id)
{
  g_auto(GStrv) log = NULL;
  GtkWidget *section;

  g_return_if_fail (GTK_IS_BOX (sections));

  if (editor == NULL || id == NULL)
    return;
  log = migmap_catalogue_editor_dup_change_log (editor, kind, id);
  if (log == NULL || log[0] == NULL)
    return;
  section = migmap_panel_add_section (sections, _("History"));
  for (guint i = 0; log[i]; i++)
    gtk_box_append (GTK_BOX (section), migmap_panel_text_new (log[i], TRUE));
}
