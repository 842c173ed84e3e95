/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-window-edit.c: the window's edit actions: new, edit and delete an
 * entity of the catalogue file, through MigmapEditDialog
 *
 *   win.new-entity ("projects", or "projects:TUN" for one in a country)
 *   win.edit-entity (("projects", "amedip"))
 *   win.delete-entity (("places", "tunis"))
 *
 * They are off while the window shows its catalogue read-only.
 */
#include "config.h"

#include "migmap-window-private.h"
#include "migmap-edit-dialog.h"
#include "migmap-edit-list.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

/* Called whenever the window's editor comes or goes (follow_editor). */
void
migmap_window_update_edit_actions (MigmapWindow *self)
{
  gboolean editable = migmap_window_get_catalogue_editor (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-entity", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-entity", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-entity", editable);
}

/* The saved entity is what the user wants to see next: its page, and a
 * dated project on the map at a date it runs. */
static void
on_saved (MigmapWindow *self,
          const char   *kind,
          const char   *id)
{
  MigmapCatalogue *catalogue = migmap_window_get_catalogue (self);
  GObject *entity = catalogue ? migmap_catalogue_lookup_entity (catalogue, kind, id) : NULL;

  if (entity == NULL)
    return;
  if (MIGMAP_IS_PROJECT (entity))
    {
      MigmapProject *project = MIGMAP_PROJECT (entity);
      const MigmapDate *date = migmap_map_state_get_date (self->state);
      const MigmapDate *start = migmap_project_get_start (project);

      if (start != NULL && (date == NULL || migmap_project_get_time_at (project, date) != MIGMAP_PROJECT_TIME_RUNNING))
        migmap_map_state_set_date (self->state, start);
      migmap_window_show_project (self, project);
    }
  else if (MIGMAP_IS_PLACE (entity))
    {
      migmap_window_show_entity (self, entity);
      migmap_map_state_show_place (self->state, MIGMAP_PLACE (entity));
    }
  else
    migmap_window_show_entity (self, entity);
}

static MigmapEditDialog *
open_dialog (MigmapWindow *self,
             const char   *kind,
             const char   *id)
{
  MigmapCatalogueEditor *editor = migmap_window_get_catalogue_editor (self);
  g_autofree char *entity = NULL;
  MigmapEditDialog *dialog;

  if (editor == NULL || !migmap_edit_dialog_can_edit (kind))
    return NULL;
  if (id != NULL && (entity = migmap_catalogue_editor_dup_entity (editor, kind, id)) == NULL)
    return NULL;
  dialog = migmap_edit_dialog_new (GTK_WINDOW (self), editor, self->map_view, kind, id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
new_entity_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MigmapWindow *self = MIGMAP_WINDOW (widget);
  g_auto(GStrv) parts = g_strsplit (g_variant_get_string (parameter, NULL), ":", 2);
  MigmapEditDialog *dialog = open_dialog (self, parts[0], NULL);

  /* "projects:TUN": a new project in the country page's country. */
  if (dialog != NULL && parts[1] != NULL && g_str_equal (parts[0], "projects"))
    {
      MigmapEditList *countries = MIGMAP_EDIT_LIST (migmap_edit_dialog_get_field (dialog, "countries"));
      MigmapEditRow *row = migmap_edit_list_add_row (countries);

      migmap_edit_row_set_values (row, parts[1], NULL, NULL, NULL);
    }
}

static void
edit_entity_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char *kind, *id;

  g_variant_get (parameter, "(&s&s)", &kind, &id);
  open_dialog (MIGMAP_WINDOW (widget), kind, id);
}

static GListModel *
entities_of (MigmapCatalogue *catalogue,
             const char      *kind)
{
  if (g_str_equal (kind, "projects"))
    return migmap_catalogue_get_projects (catalogue);
  if (g_str_equal (kind, "groups"))
    return migmap_catalogue_get_groups (catalogue);
  if (g_str_equal (kind, "places"))
    return migmap_catalogue_get_places (catalogue);
  if (g_str_equal (kind, "events"))
    return migmap_catalogue_get_events (catalogue);
  if (g_str_equal (kind, "organisations"))
    return migmap_catalogue_get_organisations (catalogue);
  if (g_str_equal (kind, "dialogues"))
    return migmap_catalogue_get_dialogues (catalogue);
  if (g_str_equal (kind, "documents"))
    return migmap_catalogue_get_documents (catalogue);
  if (g_str_equal (kind, "themes"))
    return migmap_catalogue_get_themes (catalogue);
  return NULL;
}

/* The loader names what still refers to the entity by its place in the
 * file ("projects[5].places[1]: unknown place ..."): the user knows it by
 * its title.  NULL when the message is not of that form. */
static char *
dup_referrer_name (MigmapCatalogue *catalogue,
                   const char      *detail)
{
  char kind[32];
  guint index;
  GListModel *entities;
  g_autoptr(GObject) entity = NULL;
  char *name = NULL;

  if (sscanf (detail, "%31[a-z_][%u]", kind, &index) != 2 || (entities = entities_of (catalogue, kind)) == NULL ||
      index >= g_list_model_get_n_items (entities))
    return NULL;
  entity = g_list_model_get_item (entities, index);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (entity), "title"))
    g_object_get (entity, "title", &name, NULL);
  else if (g_object_class_find_property (G_OBJECT_GET_CLASS (entity), "name"))
    g_object_get (entity, "name", &name, NULL);
  return name;
}

static void
on_delete_response (GtkDialog    *dialog,
                    int           response,
                    MigmapWindow *self)
{
  const char *kind = g_object_get_data (G_OBJECT (dialog), "migmap-kind");
  const char *id = g_object_get_data (G_OBJECT (dialog), "migmap-id");
  MigmapCatalogueEditor *editor = migmap_window_get_catalogue_editor (self);
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && editor != NULL)
    {
      if (!migmap_catalogue_editor_delete (editor, kind, id, &error))
        {
          const char *detail = error->message;
          const char *path = migmap_catalogue_editor_get_path (editor);

          g_autofree char *referrer = NULL;
          g_autofree char *message = NULL;

          /* The file's name says nothing here: the user is in it. */
          if (g_str_has_prefix (detail, path) && g_str_has_prefix (detail + strlen (path), ": "))
            detail += strlen (path) + 2;
          referrer = error->code == MIGMAP_CATALOGUE_ERROR_UNKNOWN_REFERENCE
                     ? dup_referrer_name (migmap_catalogue_editor_get_catalogue (editor), detail) : NULL;
          if (referrer != NULL)
            /* TRANSLATORS: %s is the title of a project (or the name of a group...) that names what was to be deleted */
            message = g_strdup_printf (_("“%s” still refers to it: change that entry first."), _(referrer));
          migmap_window_show_error (self, _("Could not delete: something still refers to it"),
                                    message ? message : detail);
        }
      else
        migmap_map_state_set_selected_entity (self->state, NULL);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
delete_entity_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MigmapWindow *self = MIGMAP_WINDOW (widget);
  MigmapCatalogue *catalogue = migmap_window_get_catalogue (self);
  const char *kind, *id;
  g_autofree char *name = NULL;
  GObject *entity;
  GtkWidget *dialog;

  g_variant_get (parameter, "(&s&s)", &kind, &id);
  entity = catalogue ? migmap_catalogue_lookup_entity (catalogue, kind, id) : NULL;
  if (entity == NULL || migmap_window_get_catalogue_editor (self) == NULL)
    return;
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (entity), "title"))
    g_object_get (entity, "title", &name, NULL);
  else
    g_object_get (entity, "name", &name, NULL);

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   /* TRANSLATORS: %s is a project's title, a place's name... */
                                   _("Delete “%s”?"), name ? name : id);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("It is removed from the catalogue file when you save. Undo brings it back."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL, _("_Delete"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "migmap-kind", g_strdup (kind), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "migmap-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
migmap_window_class_add_edit_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-entity", "s", new_entity_action);
  gtk_widget_class_install_action (widget_class, "win.edit-entity", "(ss)", edit_entity_action);
  gtk_widget_class_install_action (widget_class, "win.delete-entity", "(ss)", delete_entity_action);
}
