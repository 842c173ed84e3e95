/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-window-catalogue.c: the window's catalogue file: open, save, save
 * as, import, undo, redo, and the title that says which file is open and
 * whether it is saved.
 *
 * The window draws whatever catalogue the editor holds: every accepted
 * change (an edit, an undo, a redo, a reload) replaces it in the map state,
 * which re-finds the selection and redraws the layers.
 *
 * No change is lost without the user saying so: closing, quitting or
 * opening another file with unsaved changes asks first; a file a colleague
 * saved meanwhile is never overwritten; the unsaved changes of a session
 * that died are offered back on the next start.  Each of these questions is
 * a dialog that migmap_window_get_catalogue_dialog() returns while it is
 * open, so that a test can answer it.
 */
#include "config.h"

#include "migmap-window-private.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdarg.h>

static void update_catalogue_actions (MigmapWindow *self);

/* ---- questions ---- */

typedef void (*AnswerFunc) (MigmapWindow *self, int response, gpointer data);

typedef struct {
  MigmapWindow  *self;
  AnswerFunc     answer;
  gpointer       data;
  GDestroyNotify destroy;
} Question;

static void
question_free (gpointer data, GClosure *closure)
{
  Question *question = data;

  if (question->destroy)
    question->destroy (question->data);
  g_object_unref (question->self);
  g_free (question);
}

static void
on_question_response (GtkDialog *dialog, int response, Question *question)
{
  g_autoptr(MigmapWindow) self = g_object_ref (question->self);
  AnswerFunc answer = question->answer;

  /* Answered once: Escape or the close button is Cancel. */
  question->answer = NULL;
  if (self->catalogue_dialog == GTK_WIDGET (dialog))
    self->catalogue_dialog = NULL;
  if (response == GTK_RESPONSE_DELETE_EVENT || response == GTK_RESPONSE_CLOSE)
    response = GTK_RESPONSE_CANCEL;
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  /* The question (and its data) lives until the dialog is gone, after this. */
  if (answer)
    answer (self, response, question->data);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_question_destroy (GtkWidget *dialog, MigmapWindow *self)
{
  if (self->catalogue_dialog == dialog)
    self->catalogue_dialog = NULL;
}

/* A modal question about the catalogue.  @details, when set, is a long
 * text (one line per change or per refused row) shown scrolled and
 * selectable.  The buttons follow as label, response pairs, ending with
 * NULL; @answer is called once with the response (Cancel when the dialog
 * is closed otherwise). */
static GtkWidget *
ask (MigmapWindow   *self,
     GtkMessageType  type,
     const char     *primary,
     const char     *secondary,
     const char     *details,
     int             default_response,
     AnswerFunc      answer,
     gpointer        data,
     GDestroyNotify  destroy,
     const char     *first_label,
     ...)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              type, GTK_BUTTONS_NONE, "%s", primary);
  Question *question = g_new0 (Question, 1);
  va_list buttons;

  if (secondary)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  if (details && *details)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *label = gtk_label_new (details);

      /* Unwrapped, one line per change or row, so that the natural height
       * is known and each file:line:column starts a line. */
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "monospace");
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
      gtk_scrolled_window_set_max_content_width (GTK_SCROLLED_WINDOW (scroller), 760);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_box_append (GTK_BOX (gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog))), scroller);
    }
  va_start (buttons, first_label);
  for (const char *label = first_label; label != NULL; label = va_arg (buttons, const char *))
    {
      int response = va_arg (buttons, int);
      GtkWidget *button = gtk_dialog_add_button (GTK_DIALOG (dialog), label, response);

      if (response == MIGMAP_WINDOW_RESPONSE_DISCARD || response == MIGMAP_WINDOW_RESPONSE_RELOAD)
        gtk_widget_add_css_class (button, "destructive-action");
      else if (response == default_response)
        gtk_widget_add_css_class (button, "suggested-action");
    }
  va_end (buttons);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), default_response);

  question->self = g_object_ref (self);
  question->answer = answer;
  question->data = data;
  question->destroy = destroy;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_question_response), question, question_free, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_question_destroy), self, 0);
  self->catalogue_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
show_file_error (MigmapWindow *self,
                 const char   *primary_format,
                 const char   *path,
                 const GError *error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *primary = g_strdup_printf (primary_format, name);

  ask (self, GTK_MESSAGE_ERROR, primary, error->message, NULL, GTK_RESPONSE_CANCEL, NULL, NULL, NULL,
       _("_Close"), GTK_RESPONSE_CANCEL, NULL);
}

GtkWidget *
migmap_window_get_catalogue_dialog (MigmapWindow *self)
{
  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);
  return self->catalogue_dialog;
}

/* What to do once the unsaved changes are saved or dropped: close the
 * window, open another file. */
typedef struct {
  void         (*proceed) (MigmapWindow *self, gpointer data);
  gpointer       data;
  GDestroyNotify destroy;
} Next;

static Next *
next_new (void (*proceed) (MigmapWindow *, gpointer), gpointer data, GDestroyNotify destroy)
{
  Next *next = g_new0 (Next, 1);

  next->proceed = proceed;
  next->data = data;
  next->destroy = destroy;
  return next;
}

static void
next_free (gpointer data)
{
  Next *next = data;

  if (next == NULL)
    return;
  if (next->destroy)
    next->destroy (next->data);
  g_free (next);
}

/* Moves @next out of a question's data, which the question frees. */
static Next *
next_steal (Next *next)
{
  Next *stolen;

  if (next == NULL)
    return NULL;
  stolen = g_memdup2 (next, sizeof *next);
  next->destroy = NULL;
  next->data = NULL;
  return stolen;
}

static void
next_run (MigmapWindow *self, Next *next)
{
  if (next && next->proceed)
    next->proceed (self, next->data);
  next_free (next);
}

/* ---- following the file and its editor ---- */

static const char *
undo_label (const char *command)
{
  if (g_strcmp0 (command, "change") == 0)
    return _("_Undo Change");
  if (g_strcmp0 (command, "create") == 0)
    return _("_Undo Addition");
  if (g_strcmp0 (command, "delete") == 0)
    return _("_Undo Deletion");
  if (g_strcmp0 (command, "import") == 0)
    return _("_Undo Import");
  return _("_Undo");
}

static const char *
redo_label (const char *command)
{
  if (g_strcmp0 (command, "change") == 0)
    return _("_Redo Change");
  if (g_strcmp0 (command, "create") == 0)
    return _("_Redo Addition");
  if (g_strcmp0 (command, "delete") == 0)
    return _("_Redo Deletion");
  if (g_strcmp0 (command, "import") == 0)
    return _("_Redo Import");
  return _("_Redo");
}

static void
update_undo_menu (MigmapWindow *self, MigmapCommandStack *history)
{
  g_autoptr(GMenuItem) undo = NULL;
  g_autoptr(GMenuItem) redo = NULL;

  if (self->undo_section == NULL)
    return;
  undo = g_menu_item_new (undo_label (history ? migmap_command_stack_get_undo_label (history) : NULL), "win.undo");
  g_menu_item_set_attribute (undo, "accel", "s", "<Control>z");
  redo = g_menu_item_new (redo_label (history ? migmap_command_stack_get_redo_label (history) : NULL), "win.redo");
  g_menu_item_set_attribute (redo, "accel", "s", "<Shift><Control>z");
  g_menu_remove_all (self->undo_section);
  g_menu_append_item (self->undo_section, undo);
  g_menu_append_item (self->undo_section, redo);
}

static void
update_catalogue_actions (MigmapWindow *self)
{
  MigmapCommandStack *history = NULL;
  gboolean editable = self->catalogue_editor != NULL;

  if (editable)
    history = migmap_catalogue_editor_get_history (self->catalogue_editor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", history && migmap_command_stack_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", history && migmap_command_stack_can_redo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-csv", editable);
  update_undo_menu (self, history);
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
  if (migmap_catalogue_editor_is_modified (self->catalogue_editor))
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
  /* The new catalogue's selection moves the side panel off the search
   * results: put them back, found again in the new catalogue. */
  gboolean searching = g_strcmp0 (migmap_window_get_side_page (self), "search") == 0;

  migmap_map_state_set_catalogue (self->state, migmap_catalogue_editor_get_catalogue (editor));
  if (searching)
    migmap_window_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  else
    /* Results of the old catalogue must not be opened by Enter. */
    gtk_single_selection_set_model (self->results_selection, NULL);
  /* The Countries filter matches the catalogue's aliases too. */
  if (self->countries_query)
    gtk_filter_changed (gtk_filter_list_model_get_filter (self->countries_filtered), GTK_FILTER_CHANGE_DIFFERENT);
  update_catalogue_actions (self);
  migmap_window_update_title (self);
}

static void
follow_editor (MigmapWindow *self)
{
  MigmapCatalogueEditor *editor = self->catalogue_file ? migmap_catalogue_file_get_editor (self->catalogue_file) : NULL;

  if (self->catalogue_editor == editor)
    return;
  if (self->catalogue_editor)
    g_signal_handlers_disconnect_by_data (self->catalogue_editor, self);
  g_set_object (&self->catalogue_editor, editor);
  migmap_project_panel_set_editor (self->project_panel, editor);
  migmap_entity_panel_set_editor (self->entity_panel, editor);
  migmap_window_update_edit_actions (self);
  if (editor)
    {
      g_signal_connect_object (editor, "changed", G_CALLBACK (on_catalogue_changed), self, G_CONNECT_SWAPPED);
      on_catalogue_changed (self, editor);
    }
  else
    {
      update_catalogue_actions (self);
      migmap_window_update_title (self);
    }
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
    g_signal_handlers_disconnect_by_data (self->catalogue_file, self);
  g_set_object (&self->catalogue_file, file);
  if (file)
    {
      /* A reload replaces the editor; Save As and Keep Both the name. */
      g_signal_connect_object (file, "notify::editor", G_CALLBACK (follow_editor), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (file, "notify::path", G_CALLBACK (migmap_window_update_title), self, G_CONNECT_SWAPPED);
    }
  follow_editor (self);
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
  return self->catalogue_editor;
}

void
migmap_window_catalogue_dispose (MigmapWindow *self)
{
  if (self->catalogue_dialog)
    gtk_window_destroy (GTK_WINDOW (self->catalogue_dialog));
  self->catalogue_dialog = NULL;
  if (self->catalogue_file)
    g_signal_handlers_disconnect_by_data (self->catalogue_file, self);
  if (self->catalogue_editor)
    g_signal_handlers_disconnect_by_data (self->catalogue_editor, self);
  g_clear_object (&self->catalogue_editor);
  g_clear_object (&self->catalogue_file);
}

/* ---- undo, redo ---- */

static void
undo_redo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MigmapWindow *self = MIGMAP_WINDOW (widget);
  MigmapCatalogueEditor *editor = self->catalogue_editor;
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

/* ---- saving ---- */

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
on_reload_confirmed (MigmapWindow *self, int response, gpointer data)
{
  g_autoptr(GError) error = NULL;

  if (response != MIGMAP_WINDOW_RESPONSE_RELOAD)
    return;
  if (!migmap_catalogue_file_reload (self->catalogue_file, &error))
    {
      show_file_error (self, _("Could not reload “%s”"), migmap_catalogue_file_get_path (self->catalogue_file), error);
      return;
    }
  next_run (self, next_steal (data));
}

static void
on_changed_on_disk_answer (MigmapWindow *self, int response, gpointer data)
{
  g_autoptr(GError) error = NULL;

  if (response == MIGMAP_WINDOW_RESPONSE_RELOAD)
    {
      g_autofree char *name = g_path_get_basename (migmap_catalogue_file_get_path (self->catalogue_file));
      g_auto(GStrv) pending = migmap_catalogue_editor_dup_pending_changes (self->catalogue_editor);
      guint n = g_strv_length (pending);
      g_autofree char *secondary =
        g_strdup_printf (ngettext ("Reloading “%s” drops your %u unsaved change.",
                                   "Reloading “%s” drops your %u unsaved changes.", n), name, n);

      ask (self, GTK_MESSAGE_WARNING, _("Drop your unsaved changes?"), secondary, NULL, GTK_RESPONSE_CANCEL,
           on_reload_confirmed, next_steal (data), next_free,
           _("_Cancel"), GTK_RESPONSE_CANCEL, _("_Reload"), MIGMAP_WINDOW_RESPONSE_RELOAD, NULL);
    }
  else if (response == MIGMAP_WINDOW_RESPONSE_KEEP_BOTH)
    {
      g_autofree char *path = migmap_catalogue_file_keep_both (self->catalogue_file, NULL, &error);

      update_catalogue_actions (self);
      migmap_window_update_title (self);
      if (path == NULL)
        show_file_error (self, _("Could not save “%s”"), migmap_catalogue_file_get_path (self->catalogue_file), error);
      else
        next_run (self, next_steal (data));
    }
}

/* Saves, asking what to do when the file changed on disk meanwhile; runs
 * @next (taken) once the changes are in a file. */
static void
save_then (MigmapWindow *self, Next *next)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *primary = NULL;

  if (migmap_window_save_catalogue (self, &error))
    {
      next_run (self, next);
      return;
    }
  if (!g_error_matches (error, MIGMAP_CATALOGUE_FILE_ERROR, MIGMAP_CATALOGUE_FILE_ERROR_CHANGED_ON_DISK))
    {
      show_file_error (self, _("Could not save “%s”"), migmap_catalogue_file_get_path (self->catalogue_file), error);
      next_free (next);
      return;
    }
  name = g_path_get_basename (migmap_catalogue_file_get_path (self->catalogue_file));
  primary = g_strdup_printf (_("“%s” changed since you opened it"), name);
  ask (self, GTK_MESSAGE_WARNING, primary,
       _("Someone else saved this catalogue meanwhile, perhaps a colleague on a shared drive. Reload it to see "
         "their changes and drop yours, or keep both: yours are saved beside it as a new file."),
       NULL, MIGMAP_WINDOW_RESPONSE_KEEP_BOTH, on_changed_on_disk_answer, next, next_free,
       _("_Cancel"), GTK_RESPONSE_CANCEL, _("_Reload"), MIGMAP_WINDOW_RESPONSE_RELOAD,
       _("_Keep Both"), MIGMAP_WINDOW_RESPONSE_KEEP_BOTH, NULL);
}

void
migmap_window_save (MigmapWindow *self)
{
  g_return_if_fail (MIGMAP_IS_WINDOW (self));

  if (self->catalogue_file)
    save_then (self, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  migmap_window_save (MIGMAP_WINDOW (widget));
}

gboolean
migmap_window_save_catalogue_as (MigmapWindow  *self,
                                 const char    *path,
                                 GError       **error)
{
  gboolean saved;

  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->catalogue_file != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  saved = migmap_catalogue_file_save_as (self->catalogue_file, path, NULL, error);
  update_catalogue_actions (self);
  migmap_window_update_title (self);
  return saved;
}

static char *
chosen_path (GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  return file ? g_file_get_path (file) : NULL;
}

static void
on_save_as_response (GtkNativeDialog *chooser, int response, MigmapWindow *self)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chosen_path (chooser) : NULL;
  g_autoptr(GError) error = NULL;

  if (path && self->catalogue_file && !migmap_window_save_catalogue_as (self, path, &error))
    show_file_error (self, _("Could not save “%s”"), path, error);
  g_object_unref (chooser);
}

static GtkFileChooserNative *
new_chooser (MigmapWindow         *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             const char           *filter_name,
             const char           *pattern)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *upper = g_ascii_strup (pattern, -1);

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_pattern (filter, upper);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MigmapWindow *self = MIGMAP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->catalogue_file == NULL)
    return;
  chooser = new_chooser (self, _("Save Catalogue As"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                         _("Catalogues"), "*.json");
  name = g_path_get_basename (migmap_catalogue_file_get_path (self->catalogue_file));
  dir = g_path_get_dirname (migmap_catalogue_file_get_path (self->catalogue_file));
  folder = g_file_new_for_path (dir);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- unsaved changes before closing or opening another file ---- */

static void
on_unsaved_answer (MigmapWindow *self, int response, gpointer data)
{
  if (response == MIGMAP_WINDOW_RESPONSE_SAVE)
    save_then (self, next_steal (data));
  else if (response == MIGMAP_WINDOW_RESPONSE_DISCARD)
    {
      /* Dropped on purpose: the next start must not offer them back. */
      migmap_catalogue_file_discard_journal (self->catalogue_file);
      next_run (self, next_steal (data));
    }
}

/* Runs @next (taken) at once when nothing is unsaved, else once the user
 * has saved or dropped the changes; never when they cancel. */
static void
settle_unsaved (MigmapWindow *self, const char *primary_format, Next *next)
{
  g_autofree char *name = NULL;
  g_autofree char *primary = NULL;

  if (self->catalogue_editor == NULL || !migmap_catalogue_editor_is_modified (self->catalogue_editor))
    {
      next_run (self, next);
      return;
    }
  name = g_path_get_basename (migmap_catalogue_file_get_path (self->catalogue_file));
  primary = g_strdup_printf (primary_format, name);
  ask (self, GTK_MESSAGE_QUESTION, primary, _("If you don’t save, your changes will be lost."), NULL,
       MIGMAP_WINDOW_RESPONSE_SAVE, on_unsaved_answer, next, next_free,
       _("_Discard"), MIGMAP_WINDOW_RESPONSE_DISCARD, _("_Cancel"), GTK_RESPONSE_CANCEL,
       _("_Save"), MIGMAP_WINDOW_RESPONSE_SAVE, NULL);
}

static void
close_now (MigmapWindow *self, gpointer data)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

gboolean
migmap_window_catalogue_hold_close (MigmapWindow *self)
{
  if (self->close_confirmed || self->catalogue_editor == NULL ||
      !migmap_catalogue_editor_is_modified (self->catalogue_editor))
    return FALSE;
  /* Asked already (a second Ctrl+Q, the close button again): that
   * question stands. */
  if (self->catalogue_dialog)
    {
      gtk_window_present (GTK_WINDOW (self->catalogue_dialog));
      return TRUE;
    }
  settle_unsaved (self, _("Save changes to “%s” before closing?"), next_new (close_now, NULL, NULL));
  return TRUE;
}

/* ---- opening another catalogue ---- */

static void
open_now (MigmapWindow *self, gpointer data)
{
  const char *path = data;
  MigmapCountryCodes *codes = migmap_catalogue_get_country_codes (migmap_window_get_catalogue (self));
  g_autoptr(MigmapCatalogueFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = migmap_catalogue_file_open (path, NULL, codes, &error);
  if (file == NULL)
    {
      show_file_error (self, _("Could not open “%s”"), path, error);
      return;
    }
  migmap_window_set_catalogue_file (self, file);
  migmap_window_offer_restore (self);
}

void
migmap_window_open_catalogue (MigmapWindow *self,
                              const char   *path)
{
  g_return_if_fail (MIGMAP_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  settle_unsaved (self, _("Save changes to “%s” before opening another catalogue?"),
                  next_new (open_now, g_strdup (path), g_free));
}

static void
on_open_response (GtkNativeDialog *chooser, int response, MigmapWindow *self)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chosen_path (chooser) : NULL;

  if (path)
    migmap_window_open_catalogue (self, path);
  g_object_unref (chooser);
}

static void
open_catalogue_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MigmapWindow *self = MIGMAP_WINDOW (widget);
  GtkFileChooserNative *chooser = new_chooser (self, _("Open Catalogue"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("Catalogues"), "*.json");

  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- changes of a session that died ---- */

static void
on_restore_answer (MigmapWindow *self, int response, gpointer data)
{
  g_autoptr(GError) error = NULL;

  if (self->catalogue_file == NULL)
    return;
  if (response == MIGMAP_WINDOW_RESPONSE_RESTORE)
    {
      if (!migmap_catalogue_file_restore_journal (self->catalogue_file, &error))
        {
          g_autofree char *journal = migmap_catalogue_file_dup_journal_path (self->catalogue_file);

          show_file_error (self, _("Could not restore every change from “%s”"), journal, error);
        }
      update_catalogue_actions (self);
      migmap_window_update_title (self);
    }
  else if (response == MIGMAP_WINDOW_RESPONSE_DISCARD)
    migmap_catalogue_file_discard_journal (self->catalogue_file);
  /* Cancel keeps the journal: the next start asks again. */
}

GtkWidget *
migmap_window_offer_restore (MigmapWindow *self)
{
  g_autofree char *journal = NULL;
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  GStatBuf st;
  guint n;

  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);

  if (self->catalogue_file == NULL)
    return NULL;
  n = migmap_catalogue_file_get_journal_length (self->catalogue_file);
  if (n == 0)
    return NULL;
  journal = migmap_catalogue_file_dup_journal_path (self->catalogue_file);
  /* The last change recorded is when the session stopped. */
  if (g_stat (journal, &st) == 0)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (st.st_mtime);

      /* Isolated: in Arabic the date and the time stay in this order. */
      when = g_date_time_format (time, "\u2066%Y-%m-%d %H:%M\u2069");
    }
  name = g_path_get_basename (migmap_catalogue_file_get_path (self->catalogue_file));
  if (when)
    primary = g_strdup_printf (ngettext ("Restore %u unsaved change from %s?",
                                         "Restore %u unsaved changes from %s?", n), n, when);
  else
    primary = g_strdup_printf (ngettext ("Restore %u unsaved change?", "Restore %u unsaved changes?", n), n);
  secondary = g_strdup_printf (_("MigMap stopped before they were saved to “%s”. Restored, each can be undone."),
                               name);
  return ask (self, GTK_MESSAGE_QUESTION, primary, secondary, NULL, MIGMAP_WINDOW_RESPONSE_RESTORE,
              on_restore_answer, NULL, NULL,
              _("_Discard"), MIGMAP_WINDOW_RESPONSE_DISCARD, _("_Restore"), MIGMAP_WINDOW_RESPONSE_RESTORE, NULL);
}

/* ---- CSV import ---- */

static void
on_import_answer (MigmapWindow *self, int response, gpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;

  if (response != MIGMAP_WINDOW_RESPONSE_IMPORT || self->catalogue_editor == NULL)
    return;
  if (!migmap_catalogue_editor_import_csv (self->catalogue_editor, path, NULL, NULL, &error))
    show_file_error (self, _("Could not import “%s”"), path, error);
  update_catalogue_actions (self);
  migmap_window_update_title (self);
}

GtkWidget *
migmap_window_preview_import (MigmapWindow *self,
                              const char   *path)
{
  g_autoptr(MigmapCatalogueEditor) scratch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) pending = NULL;
  g_autofree char *details = NULL;
  g_autofree char *added_text = NULL;
  g_autofree char *changed_text = NULL;
  g_autofree char *secondary = NULL;
  guint added = 0, changed = 0;
  gsize length;

  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (self->catalogue_editor != NULL, NULL);

  name = g_path_get_basename (path);
  /* The preview is the real import, made on a copy: what it lists is what
   * Import will do, and a refused file is known before anything changes. */
  data = migmap_catalogue_editor_to_data (self->catalogue_editor, &length);
  scratch = migmap_catalogue_editor_new_from_data (migmap_catalogue_editor_get_path (self->catalogue_editor), data,
                                                   length, migmap_catalogue_get_country_codes (
                                                     migmap_catalogue_editor_get_catalogue (self->catalogue_editor)),
                                                   &error);
  if (scratch == NULL || !migmap_catalogue_editor_import_csv (scratch, path, &added, &changed, &error))
    {
      primary = g_strdup_printf (_("“%s” cannot be imported"), name);
      return ask (self, GTK_MESSAGE_ERROR, primary,
                  _("Nothing was changed. Correct these rows (file:line:column) and import the file again."),
                  error->message, GTK_RESPONSE_CANCEL, NULL, NULL, NULL, _("_Close"), GTK_RESPONSE_CANCEL, NULL);
    }
  if (added + changed == 0)
    {
      primary = g_strdup_printf (_("Nothing to import from “%s”"), name);
      return ask (self, GTK_MESSAGE_INFO, primary, _("Every row matches the catalogue already."), NULL,
                  GTK_RESPONSE_CANCEL, NULL, NULL, NULL, _("_Close"), GTK_RESPONSE_CANCEL, NULL);
    }

  pending = migmap_catalogue_editor_dup_pending_changes (scratch);
  details = g_strjoinv ("\n", pending);
  /* TRANSLATORS: how many entities a CSV import adds */
  added_text = g_strdup_printf (ngettext ("%u added", "%u added", added), added);
  /* TRANSLATORS: how many entities a CSV import changes */
  changed_text = g_strdup_printf (ngettext ("%u changed", "%u changed", changed), changed);
  /* TRANSLATORS: "1 added, 2 changed" */
  secondary = g_strdup_printf (_("%s, %s. One undo takes the whole import back."), added_text, changed_text);
  primary = g_strdup_printf (_("Import “%s”?"), name);
  return ask (self, GTK_MESSAGE_QUESTION, primary, secondary, details, MIGMAP_WINDOW_RESPONSE_IMPORT,
              on_import_answer, g_strdup (path), g_free,
              _("_Cancel"), GTK_RESPONSE_CANCEL, _("_Import"), MIGMAP_WINDOW_RESPONSE_IMPORT, NULL);
}

static void
on_import_response (GtkNativeDialog *chooser, int response, MigmapWindow *self)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? chosen_path (chooser) : NULL;

  if (path && self->catalogue_editor)
    migmap_window_preview_import (self, path);
  g_object_unref (chooser);
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MigmapWindow *self = MIGMAP_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (self->catalogue_editor == NULL)
    return;
  chooser = new_chooser (self, _("Import CSV"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                         _("CSV exports"), "*.csv");
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
migmap_window_class_add_catalogue_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child_full (widget_class, "undo_section", FALSE,
                                             G_STRUCT_OFFSET (MigmapWindow, undo_section));

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.open-catalogue", NULL, open_catalogue_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_csv_action);

  /* Bubbling shortcuts: a text entry with focus undoes its own typing first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
}
