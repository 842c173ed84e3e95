/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-window-catalogue.c: the window's catalogue file: undo, redo, save
 * and the title that says which file is open and whether it is saved.
 *
 * The window draws whatever catalogue the editor holds: every accepted
 * change (an edit, an undo, a redo, a reload) replaces it in the map state,
 * which re-finds the selection and redraws the layers.
 */
#include "config.h"

#include "migmap-window-private.h"

#include <glib/gi18n-lib.h>

static void
update_catalogue_actions (MigmapWindow *self)
{
  MigmapCommandStack *history = NULL;

  if (self->catalogue_file)
    history = migmap_catalogue_editor_get_history (migmap_catalogue_file_get_editor (self->catalogue_file));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", history && migmap_command_stack_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", history && migmap_command_stack_can_redo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", self->catalogue_file != NULL);
}

void
migmap_window_update_title (MigmapWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->catalogue_file == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("MigMap"));
      return;
    }
  name = g_path_get_basename (migmap_catalogue_file_get_path (self->catalogue_file));
  if (migmap_catalogue_editor_is_modified (migmap_catalogue_file_get_editor (self->catalogue_file)))
    /* TRANSLATORS: window title: the catalogue file's name with a mark that it has unsaved changes */
    title = g_strdup_printf (_("• %s — MigMap"), name);
  else
    /* TRANSLATORS: window title: the catalogue file's name */
    title = g_strdup_printf (_("%s — MigMap"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
on_catalogue_changed (MigmapWindow          *self,
                      MigmapCatalogueEditor *editor)
{
  migmap_map_state_set_catalogue (self->state, migmap_catalogue_editor_get_catalogue (editor));
  update_catalogue_actions (self);
  migmap_window_update_title (self);
}

void
migmap_window_set_catalogue_file (MigmapWindow        *self,
                                  MigmapCatalogueFile *file)
{
  g_return_if_fail (MIGMAP_IS_WINDOW (self));
  g_return_if_fail (file == NULL || MIGMAP_IS_CATALOGUE_FILE (file));

  if (self->catalogue_file == file)
    return;
  if (self->catalogue_file)
    g_signal_handlers_disconnect_by_data (migmap_catalogue_file_get_editor (self->catalogue_file), self);
  g_set_object (&self->catalogue_file, file);
  if (file)
    {
      MigmapCatalogueEditor *editor = migmap_catalogue_file_get_editor (file);

      g_signal_connect_object (editor, "changed", G_CALLBACK (on_catalogue_changed), self, G_CONNECT_SWAPPED);
      on_catalogue_changed (self, editor);
    }
  else
    {
      update_catalogue_actions (self);
      migmap_window_update_title (self);
    }
}

MigmapCatalogueFile *
migmap_window_get_catalogue_file (MigmapWindow *self)
{
  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);
  return self->catalogue_file;
}

MigmapCatalogueEditor *
migmap_window_get_catalogue_editor (MigmapWindow *self)
{
  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);
  return self->catalogue_file ? migmap_catalogue_file_get_editor (self->catalogue_file) : NULL;
}

static void
undo_redo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MigmapWindow *self = MIGMAP_WINDOW (widget);
  MigmapCatalogueEditor *editor = migmap_window_get_catalogue_editor (self);
  g_autoptr(GError) error = NULL;
  gboolean undo = g_str_equal (action_name, "win.undo");

  if (editor == NULL)
    return;
  if (!(undo ? migmap_catalogue_editor_undo (editor, &error) : migmap_catalogue_editor_redo (editor, &error)))
    migmap_window_show_error (self, undo ? _("Could not undo the change") : _("Could not redo the change"),
                              error->message);
  update_catalogue_actions (self);
  migmap_window_update_title (self);
}

gboolean
migmap_window_save_catalogue (MigmapWindow  *self,
                              GError       **error)
{
  gboolean saved;

  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->catalogue_file != NULL, FALSE);

  saved = migmap_catalogue_file_save (self->catalogue_file, NULL, error);
  update_catalogue_actions (self);
  migmap_window_update_title (self);
  return saved;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MigmapWindow *self = MIGMAP_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->catalogue_file && !migmap_window_save_catalogue (self, &error))
    migmap_window_show_error (self, _("Could not save the catalogue"), error->message);
}

void
migmap_window_class_add_catalogue_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);

  /* Bubbling shortcuts: a text entry with focus undoes its own typing first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
}
