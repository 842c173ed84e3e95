/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-edit-list.c: a list field of an edit form
 *
 * The rows live in a GListStore that the list box shows: the form reads the
 * values from the model, in the order shown, whatever the widgets do.
 */
#include "config.h"

#include "migmap-edit-list.h"

struct _MigmapEditList
{
  GtkWidget parent_instance;

  GtkListBox   *rows_box;
  GtkButton    *add_button;

  GListStore   *rows;          /* MigmapEditRow */
  GtkTreeModel *choices;
  gboolean      with_period;
  char         *extra_label;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MigmapEditList, migmap_edit_list, GTK_TYPE_WIDGET)

static GtkWidget *
create_row_widget (gpointer item,
                   gpointer user_data)
{
  /* The row is its own widget: the store and the box both hold it. */
  return g_object_ref (GTK_WIDGET (item));
}

static void
on_row_changed (MigmapEditList *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_row_remove (MigmapEditList *self,
               MigmapEditRow  *row)
{
  guint position;

  if (g_list_store_find (self->rows, row, &position))
    {
      g_list_store_remove (self->rows, position);
      g_signal_emit (self, signals[CHANGED], 0);
      gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
    }
}

MigmapEditRow *
migmap_edit_list_add_row (MigmapEditList *self)
{
  MigmapEditRow *row;

  g_return_val_if_fail (MIGMAP_IS_EDIT_LIST (self), NULL);

  row = g_object_ref_sink (migmap_edit_row_new (self->choices, self->with_period, self->extra_label));
  g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self, G_CONNECT_SWAPPED);
  g_list_store_append (self->rows, row);
  g_object_unref (row);
  g_signal_emit (self, signals[CHANGED], 0);
  return row;
}

static void
on_add_clicked (MigmapEditList *self)
{
  MigmapEditRow *row = migmap_edit_list_add_row (self);

  gtk_widget_grab_focus (GTK_WIDGET (migmap_edit_row_get_entry (row)));
}

GListModel *
migmap_edit_list_get_rows (MigmapEditList *self)
{
  g_return_val_if_fail (MIGMAP_IS_EDIT_LIST (self), NULL);
  return G_LIST_MODEL (self->rows);
}

GtkButton *
migmap_edit_list_get_add_button (MigmapEditList *self)
{
  g_return_val_if_fail (MIGMAP_IS_EDIT_LIST (self), NULL);
  return self->add_button;
}

static void
migmap_edit_list_dispose (GObject *object)
{
  MigmapEditList *self = MIGMAP_EDIT_LIST (object);

  if (self->rows_box)
    gtk_list_box_bind_model (self->rows_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->rows);
  g_clear_object (&self->choices);
  g_clear_pointer (&self->extra_label, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIGMAP_TYPE_EDIT_LIST);
  /* Children the template does not name (the buttons) are not its to drop. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL; )
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (migmap_edit_list_parent_class)->dispose (object);
}

static void
migmap_edit_list_class_init (MigmapEditListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = migmap_edit_list_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/migmap/MigMap/migmap-edit-list.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "rows", FALSE,
                                             G_STRUCT_OFFSET (MigmapEditList, rows_box));
  gtk_widget_class_bind_template_child (widget_class, MigmapEditList, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
}

static void
migmap_edit_list_init (MigmapEditList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (MIGMAP_TYPE_EDIT_ROW);
  gtk_list_box_bind_model (self->rows_box, G_LIST_MODEL (self->rows), create_row_widget, NULL, NULL);
}

MigmapEditList *
migmap_edit_list_new (GtkTreeModel *choices,
                      gboolean      with_period,
                      const char   *extra_label)
{
  MigmapEditList *self = g_object_new (MIGMAP_TYPE_EDIT_LIST, NULL);

  g_set_object (&self->choices, choices);
  self->with_period = with_period;
  self->extra_label = g_strdup (extra_label);
  return self;
}
