/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-edit-row.c: one value of a list in an edit form
 *
 * The name beside the value is what tells a user that "MAR" is Morocco and
 * not Mauritania before the form is checked; it follows every keystroke.
 */
#include "config.h"

#include "migmap-edit-row.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _MigmapEditRow
{
  GtkWidget parent_instance;

  GtkEntry     *value_entry;
  GtkLabel     *name_label;
  GtkEntry     *from_entry;
  GtkEntry     *to_entry;
  GtkEntry     *extra_entry;

  GtkTreeModel *choices;
};

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MigmapEditRow, migmap_edit_row, GTK_TYPE_WIDGET)

char *
migmap_edit_row_dup_label (GtkTreeModel *choices,
                           const char   *id)
{
  GtkTreeIter iter;
  gboolean more;

  if (choices == NULL || id == NULL || *id == '\0')
    return NULL;
  for (more = gtk_tree_model_get_iter_first (choices, &iter); more; more = gtk_tree_model_iter_next (choices, &iter))
    {
      g_autofree char *row_id = NULL;
      char *label = NULL;

      gtk_tree_model_get (choices, &iter, 0, &row_id, 1, &label, -1);
      if (g_strcmp0 (row_id, id) == 0)
        return label;
      g_free (label);
    }
  return NULL;
}

static gboolean
match_either_column (GtkEntryCompletion *completion,
                     const char         *key,
                     GtkTreeIter        *iter,
                     gpointer            user_data)
{
  GtkTreeModel *model = gtk_entry_completion_get_model (completion);
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  g_autofree char *id_folded = NULL;
  g_autofree char *label_folded = NULL;

  gtk_tree_model_get (model, iter, 0, &id, 1, &label, -1);
  /* @key is already normalised and case-folded by GTK. */
  id_folded = id ? g_utf8_casefold (id, -1) : g_strdup ("");
  label_folded = label ? g_utf8_casefold (label, -1) : g_strdup ("");
  /* The start of the code or of a word of the name: "tun" is Tunisia, not
   * Wallis and Futuna. */
  if (g_str_has_prefix (id_folded, key) || g_str_has_prefix (label_folded, key))
    return TRUE;
  for (const char *word = strpbrk (label_folded, " -’'("); word != NULL; word = strpbrk (word + 1, " -’'("))
    if (g_str_has_prefix (word + 1, key))
      return TRUE;
  return FALSE;
}

void
migmap_edit_row_complete_entry (GtkEntry     *entry,
                                GtkTreeModel *choices)
{
  g_autoptr(GtkEntryCompletion) completion = NULL;
  GtkCellRenderer *cell;

  g_return_if_fail (GTK_IS_ENTRY (entry));
  if (choices == NULL)
    return;
  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, choices);
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_match_func (completion, match_either_column, NULL, NULL);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  cell = gtk_cell_renderer_text_new ();
  g_object_set (cell, "ellipsize", PANGO_ELLIPSIZE_END, "width-chars", 30, NULL);
  gtk_cell_layout_pack_start (GTK_CELL_LAYOUT (completion), cell, TRUE);
  gtk_cell_layout_add_attribute (GTK_CELL_LAYOUT (completion), cell, "text", 1);
  gtk_entry_set_completion (entry, completion);
}

static void
on_changed (MigmapEditRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_value_changed (MigmapEditRow *self)
{
  g_autofree char *label = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->value_entry));

  label = migmap_edit_row_dup_label (self->choices, text);
  if (label == NULL)
    {
      g_autofree char *upper = g_ascii_strup (text, -1);

      label = migmap_edit_row_dup_label (self->choices, upper);
    }
  gtk_label_set_text (self->name_label, label ? label : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label ? label : "", -1);
  on_changed (self);
}

static void
on_remove_clicked (MigmapEditRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
migmap_edit_row_dispose (GObject *object)
{
  MigmapEditRow *self = MIGMAP_EDIT_ROW (object);

  g_clear_object (&self->choices);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIGMAP_TYPE_EDIT_ROW);
  /* Children the template does not name (the buttons) are not its to drop. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL; )
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (migmap_edit_row_parent_class)->dispose (object);
}

static void
migmap_edit_row_class_init (MigmapEditRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = migmap_edit_row_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The remove button: the list takes the row out. */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/migmap/MigMap/migmap-edit-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MigmapEditRow, value_entry);
  gtk_widget_class_bind_template_child (widget_class, MigmapEditRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, MigmapEditRow, from_entry);
  gtk_widget_class_bind_template_child (widget_class, MigmapEditRow, to_entry);
  gtk_widget_class_bind_template_child (widget_class, MigmapEditRow, extra_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_value_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
migmap_edit_row_init (MigmapEditRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MigmapEditRow *
migmap_edit_row_new (GtkTreeModel *choices,
                     gboolean      with_period,
                     const char   *extra_label)
{
  MigmapEditRow *self = g_object_new (MIGMAP_TYPE_EDIT_ROW, NULL);

  g_set_object (&self->choices, choices);
  migmap_edit_row_complete_entry (self->value_entry, choices);
  gtk_widget_set_visible (GTK_WIDGET (self->from_entry), with_period);
  gtk_widget_set_visible (GTK_WIDGET (self->to_entry), with_period);
  gtk_widget_set_visible (GTK_WIDGET (self->extra_entry), extra_label != NULL);
  if (extra_label)
    {
      gtk_entry_set_placeholder_text (self->extra_entry, extra_label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->extra_entry), extra_label);
    }
  return self;
}

GtkEntry *
migmap_edit_row_get_entry (MigmapEditRow *self)
{
  g_return_val_if_fail (MIGMAP_IS_EDIT_ROW (self), NULL);
  return self->value_entry;
}

GtkEntry *
migmap_edit_row_get_from_entry (MigmapEditRow *self)
{
  g_return_val_if_fail (MIGMAP_IS_EDIT_ROW (self), NULL);
  return self->from_entry;
}

GtkEntry *
migmap_edit_row_get_to_entry (MigmapEditRow *self)
{
  g_return_val_if_fail (MIGMAP_IS_EDIT_ROW (self), NULL);
  return self->to_entry;
}

GtkEntry *
migmap_edit_row_get_extra_entry (MigmapEditRow *self)
{
  g_return_val_if_fail (MIGMAP_IS_EDIT_ROW (self), NULL);
  return self->extra_entry;
}

const char *
migmap_edit_row_get_name (MigmapEditRow *self)
{
  g_return_val_if_fail (MIGMAP_IS_EDIT_ROW (self), NULL);
  return gtk_label_get_text (self->name_label);
}

void
migmap_edit_row_set_values (MigmapEditRow *self,
                            const char    *value,
                            const char    *from,
                            const char    *to,
                            const char    *extra)
{
  g_return_if_fail (MIGMAP_IS_EDIT_ROW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), value ? value : "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to ? to : "");
  gtk_editable_set_text (GTK_EDITABLE (self->extra_entry), extra ? extra : "");
}
