/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-catalogue.c: the window's catalogue file under X: undo and
 * redo from the keyboard, saving with a change log, a session killed with
 * unsaved edits restored on the next start, a file a colleague saved kept,
 * closing and quitting asking first, and a CSV import previewed.
 *
 * Edits are made with the editor directly (the edit forms are tested on
 * their own); everything after that goes through the window: its keys, its
 * dialogs (answered with gtk_dialog_response()), its title and its panels.
 */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "migmap-application.h"
#include "migmap-data-files.h"
#include "migmap-language.h"
#include "migmap-widget-helpers.h"
#include "migmap-window.h"
#include "window-test-support.h"

/* How long a condition may take to come true.  Generous: the machine may be
 * loaded and the build sanitized; a passing test never waits this long. */
#define WAIT_MS 30000

/* i-Map, planned to run until 2014: the edit moves its end. */
#define PROJECT_ID "i-map"
#define NEW_END "2031"

#define CSV_HEADER "id,acronym,title,start,end,status,countries,implementing_agency,partners,donors,places,objective,source\r\n"

static GtkApplication *app;
static char *self_exe;

typedef struct {
  char                *dir;
  char                *path;
  MigmapCatalogueFile *file;
  MigmapShapeSet      *shapes;
  MigmapWindow        *window;   /* weak: a test may close it */
} Fixture;

/* ---- files ---- */

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static char *
write_temp (const char *dir, const char *name, const char *text)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* ---- the window ---- */

static MigmapWindow *
new_window (MigmapCatalogueFile *file, MigmapShapeSet *shapes)
{
  MigmapWindow *window = new_window_for_file (app, file, shapes);

  present_window (window, 1200, 800, WAIT_MS);
  return window;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *bundled = migmap_find_data_file ("data/catalogue.json");
  g_autoptr(GError) error = NULL;

  f->dir = make_temp_dir ("migmap-window-catalogue-XXXXXX");
  f->path = g_build_filename (f->dir, "catalogue.json", NULL);
  /* Not there yet: the bundled catalogue is read in its place. */
  f->file = migmap_catalogue_file_open (f->path, bundled, real_country_codes (), &error);
  g_assert_no_error (error);
  f->shapes = load_bundled_shapes ();
  f->window = new_window (f->file, f->shapes);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->window)
    {
      GtkWidget *dialog = migmap_window_get_catalogue_dialog (f->window);

      if (dialog)
        gtk_window_destroy (GTK_WINDOW (dialog));
      gtk_window_destroy (GTK_WINDOW (f->window));
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->file);
  g_clear_object (&f->shapes);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Keys as a person presses them (XTest), to the window with no text field
 * focused: a text field would take Ctrl+Z for its own typing. */
static void
press (MigmapWindow *window, const char *keys)
{
  g_autofree char *xid = g_strdup_printf ("%lu", surface_xid (GTK_WIDGET (window)));

  gtk_root_set_focus (GTK_ROOT (window), NULL);
  press_keys (xid, keys);
}

/* ---- edits and what shows them ---- */

static MigmapCatalogueEditor *
editor_of (MigmapWindow *window)
{
  return migmap_window_get_catalogue_editor (window);
}

static void
move_end (MigmapCatalogueEditor *editor, const char *end)
{
  g_autofree char *json = migmap_catalogue_editor_dup_entity (editor, "projects", PROJECT_ID);
  g_autoptr(GRegex) regex = g_regex_new ("\"end\": *\"[0-9-]+\"", 0, 0, NULL);
  g_autofree char *replacement = g_strdup_printf ("\"end\": \"%s\"", end);
  g_autofree char *changed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (json);
  changed = g_regex_replace_literal (regex, json, -1, 0, replacement, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (changed, !=, json);
  g_assert_true (migmap_catalogue_editor_put (editor, "projects", changed,
                                              "Steering committee minutes, 2026-11", &error));
  g_assert_no_error (error);
}

/* The Hague renamed Den Haag, with its source. */
static void
rename_the_hague (MigmapCatalogueEditor *editor)
{
  g_autofree char *json = migmap_catalogue_editor_dup_entity (editor, "places", "the-hague");
  g_autoptr(GRegex) regex = g_regex_new ("\"name\": *\"The Hague\"", 0, 0, NULL);
  g_autofree char *renamed = NULL;
  g_autoptr(GError) error = NULL;

  renamed = g_regex_replace_literal (regex, json, -1, 0, "\"name\": \"Den Haag\"", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (renamed, !=, json);
  g_assert_true (migmap_catalogue_editor_put (editor, "places", renamed, "https://www.denhaag.nl", &error));
  g_assert_no_error (error);
}

static char *
project_end (MigmapWindow *window)
{
  MigmapProject *project = migmap_catalogue_lookup_project (migmap_window_get_catalogue (window), PROJECT_ID);

  g_assert_nonnull (project);
  return migmap_date_to_string (migmap_project_get_end (project));
}

static void
show_project (MigmapWindow *window)
{
  migmap_window_show_project (window, migmap_catalogue_lookup_project (migmap_window_get_catalogue (window),
                                                                       PROJECT_ID));
}

static char *
panel_text (MigmapWindow *window)
{
  return migmap_project_panel_dup_text (migmap_window_get_project_panel (window));
}

typedef struct {
  MigmapWindow *window;
  const char   *text;
  gboolean      present;
} PanelWait;

static gboolean
panel_shows (gpointer data)
{
  PanelWait *w = data;
  g_autofree char *text = panel_text (w->window);

  return (strstr (text, w->text) != NULL) == w->present &&
         g_strcmp0 (migmap_window_get_side_page (w->window), "project") == 0;
}

static gboolean
title_modified (MigmapWindow *window)
{
  return g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• ");
}

typedef struct {
  MigmapWindow *window;
  gboolean      modified;
  const char   *text;     /* the panel shows it, or not */
  gboolean      present;
} EditWait;

static gboolean
edit_shown (gpointer data)
{
  EditWait *w = data;
  PanelWait p = { w->window, w->text, w->present };

  return title_modified (w->window) == w->modified && panel_shows (&p);
}

static gboolean
is_menu_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget);
}

/* The primary menu's item for @action, as a person reads it. */
static char *
menu_label (GMenuModel *menu, const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *item_action = NULL;
      char *label = NULL;

      if (section && (label = menu_label (section, action)))
        return label;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_action, action) &&
          g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        return label;
    }
  return NULL;
}

static char *
menu_item_label (MigmapWindow *window, const char *action)
{
  GtkWidget *button = find_widget (gtk_window_get_titlebar (GTK_WINDOW (window)), is_menu_button, NULL);

  g_assert_nonnull (button);
  return menu_label (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), action);
}

static gboolean
has_dialog (gpointer data)
{
  return migmap_window_get_catalogue_dialog (data) != NULL;
}

static GtkWidget *
wait_for_dialog (MigmapWindow *window)
{
  g_assert_true (wait_until (has_dialog, window, WAIT_MS));
  return migmap_window_get_catalogue_dialog (window);
}

static char *
dialog_text (GtkWidget *dialog)
{
  return migmap_widget_dup_text (dialog);
}

/* (a) An edit marks the title; Ctrl+Z and Ctrl+Shift+Z, pressed, undo and
 * redo it on the project's page; Ctrl+S saves it with a change log entry
 * naming the user, which the page shows under History. */
static void
test_undo_redo_save (Fixture *f, gconstpointer data)
{
  MigmapWindow *window = f->window;
  g_autofree char *saved = NULL;
  g_autofree char *by = g_strdup_printf ("\"by\": \"%s\"", g_get_user_name ());
  g_autofree char *edited_by = g_strdup_printf (" by %s: end \"2014\" -> \"" NEW_END "\"", g_get_user_name ());
  EditWait edited = { window, TRUE, NEW_END, TRUE };
  EditWait undone = { window, FALSE, NEW_END, FALSE };
  PanelWait history = { window, edited_by, TRUE };
  g_autofree char *end = NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "catalogue.json — MigMap");
  show_project (window);
  g_assert_true (wait_until (edit_shown, &undone, WAIT_MS));

  move_end (editor_of (window), NEW_END);
  g_assert_true (wait_until (edit_shown, &edited, WAIT_MS));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• catalogue.json — MigMap");
  undo_label = menu_item_label (window, "win.undo");
  g_assert_cmpstr (undo_label, ==, "_Undo Change");

  press (window, "ctrl+z");
  g_assert_true (wait_until (edit_shown, &undone, WAIT_MS));
  end = project_end (window);
  g_assert_cmpstr (end, ==, "2014");
  redo_label = menu_item_label (window, "win.redo");
  g_assert_cmpstr (redo_label, ==, "_Redo Change");

  press (window, "ctrl+shift+z");
  g_assert_true (wait_until (edit_shown, &edited, WAIT_MS));

  press (window, "ctrl+s");
  g_assert_true (wait_until (panel_shows, &history, WAIT_MS));
  g_assert_false (title_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "catalogue.json — MigMap");
  saved = read_text (f->path);
  g_assert_nonnull (strstr (saved, "\"end\": \"" NEW_END "\""));
  g_assert_nonnull (strstr (saved, "\"changes\""));
  g_assert_nonnull (strstr (saved, by));
}

/* A place's page lists its saved changes too. */
static void
test_entity_history (Fixture *f, gconstpointer data)
{
  MigmapWindow *window = f->window;
  g_autofree char *expected = g_strdup_printf (" by %s: name \"The Hague\" -> \"Den Haag\"", g_get_user_name ());
  g_autofree char *text = NULL;
  MigmapPlace *place;

  rename_the_hague (editor_of (window));
  migmap_window_save (window);
  g_assert_null (migmap_window_get_catalogue_dialog (window));
  g_assert_false (title_modified (window));

  place = migmap_catalogue_lookup_place (migmap_window_get_catalogue (window), "the-hague");
  migmap_window_show_entity (window, G_OBJECT (place));
  text = migmap_entity_panel_dup_text (migmap_window_get_entity_panel (window));
  g_assert_nonnull (strstr (text, "History"));
  g_assert_nonnull (strstr (text, expected));
}

/* An edit, an undo or a save while a place's page is open leaves the page
 * open, on the edited place. */
static void
test_entity_page_stays (Fixture *f, gconstpointer data)
{
  MigmapWindow *window = f->window;
  MigmapCatalogueEditor *editor = editor_of (window);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  migmap_window_show_entity (window, G_OBJECT (migmap_catalogue_lookup_place (migmap_window_get_catalogue (window),
                                                                              "the-hague")));
  g_assert_cmpstr (migmap_window_get_side_page (window), ==, "entity");
  rename_the_hague (editor);

  g_assert_cmpstr (migmap_window_get_side_page (window), ==, "entity");
  text = migmap_entity_panel_dup_text (migmap_window_get_entity_panel (window));
  g_assert_nonnull (strstr (text, "Den Haag"));

  g_assert_true (migmap_catalogue_editor_undo (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (migmap_window_get_side_page (window), ==, "entity");
  g_clear_pointer (&text, g_free);
  text = migmap_entity_panel_dup_text (migmap_window_get_entity_panel (window));
  g_assert_nonnull (strstr (text, "The Hague"));
  g_assert_null (strstr (text, "Den Haag"));
}

/* ---- (b) killed with unsaved edits, restored on the next start ---- */

/* The child: the real application on @path; edits once the window is up,
 * says so on stdout and waits for its SIGKILL. */
static void
on_child_activate (GApplication *application, gpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  move_end (editor_of (MIGMAP_WINDOW (window)), NEW_END);
  g_print ("edited\n");
  fflush (stdout);
}

static int
child_edit_and_wait (const char *path)
{
  g_autofree char *shapes = migmap_find_data_file ("shapes/ne_50m_admin0.shp");
  char *argv[] = { "migmap", "--catalogue", (char *) path, "--shapes", shapes, NULL };
  g_autoptr(MigmapApplication) application = migmap_application_new ();

  g_signal_connect_after (application, "activate", G_CALLBACK (on_child_activate), NULL);
  return g_application_run (G_APPLICATION (application), G_N_ELEMENTS (argv) - 1, argv);
}

typedef struct {
  const char *path;
  char       *journal;
  gboolean    checked;
} Restart;

static gboolean
window_is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The next start: the real application offers the changes back. */
static void
on_restart_activate (GApplication *application, Restart *restart)
{
  MigmapWindow *window = MIGMAP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  GtkWidget *dialog = migmap_window_get_catalogue_dialog (window);
  EditWait restored = { window, TRUE, NEW_END, TRUE };
  g_autofree char *text = NULL;
  g_autofree char *end = NULL;
  gpointer alive = window;

  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (dialog));
  text = dialog_text (dialog);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Restore 1 unsaved change from \u206620"));
  /* Not restored before the user says so. */
  end = project_end (window);
  g_assert_cmpstr (end, ==, "2014");
  g_clear_pointer (&end, g_free);

  gtk_dialog_response (GTK_DIALOG (dialog), MIGMAP_WINDOW_RESPONSE_RESTORE);
  g_assert_null (migmap_window_get_catalogue_dialog (window));
  end = project_end (window);
  g_assert_cmpstr (end, ==, NEW_END);
  show_project (window);
  g_assert_true (wait_until (edit_shown, &restored, WAIT_MS));
  /* A restored change is an undoable change of this session. */
  g_assert_true (migmap_command_stack_can_undo (migmap_catalogue_editor_get_history (editor_of (window))));

  /* Quitting with the restored changes unsaved asks; Discard closes and
   * drops the journal: the next start offers nothing. */
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  dialog = wait_for_dialog (window);
  g_assert_nonnull (alive);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_clear_pointer (&text, g_free);
  text = dialog_text (dialog);
  g_assert_nonnull (strstr (text, "before closing"));
  gtk_dialog_response (GTK_DIALOG (dialog), MIGMAP_WINDOW_RESPONSE_DISCARD);
  g_assert_true (wait_until (window_is_gone, &alive, WAIT_MS));
  g_assert_false (g_file_test (restart->journal, G_FILE_TEST_EXISTS));
  restart->checked = TRUE;
}

static void
test_kill_and_restore (void)
{
  g_autofree char *dir = g_dir_make_tmp ("migmap-window-restore-XXXXXX", NULL);
  g_autofree char *bundled = migmap_find_data_file ("data/catalogue.json");
  g_autofree char *bundled_text = read_text (bundled);
  g_autofree char *path = write_temp (dir, "shared.json", bundled_text);
  g_autofree char *shapes = migmap_find_data_file ("shapes/ne_50m_admin0.shp");
  const char *child_argv[] = { self_exe, "--edit-and-wait", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  g_autofree char *unchanged = NULL;
  g_autoptr(MigmapApplication) application = NULL;
  char *argv[] = { "migmap", "--catalogue", path, "--shapes", shapes, NULL };
  Restart restart = { path, g_strconcat (path, ".journal", NULL), FALSE };
  GPid pid;
  int out, status;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) child_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &pid, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  channel = g_io_channel_unix_new (out);
  g_io_channel_set_close_on_unref (channel, TRUE);
  /* Blocks until the child has edited (or died: then the line is missing). */
  g_io_channel_read_line (channel, &line, NULL, NULL, NULL);
  g_assert_cmpstr (line, ==, "edited\n");
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);

  unchanged = read_text (path);
  g_assert_cmpstr (unchanged, ==, bundled_text);
  g_assert_true (g_file_test (restart.journal, G_FILE_TEST_EXISTS));

  application = migmap_application_new ();
  g_signal_connect_after (application, "activate", G_CALLBACK (on_restart_activate), &restart);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), G_N_ELEMENTS (argv) - 1, argv), ==, 0);
  g_assert_true (restart.checked);
  g_free (restart.journal);
  remove_tree (dir);
}

/* (c) A colleague saved the file meanwhile: saving says so, and Keep Both
 * leaves their file as it is and writes ours beside it. */
static void
test_changed_on_disk (Fixture *f, gconstpointer data)
{
  MigmapWindow *window = f->window;
  g_autofree char *bundled = migmap_find_data_file ("data/catalogue.json");
  g_autofree char *theirs = read_text (bundled);
  g_autofree char *after = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  const char *ours_path;
  GtkWidget *dialog;

  move_end (editor_of (window), NEW_END);
  g_assert_true (g_file_set_contents (f->path, theirs, -1, NULL));

  press (window, "ctrl+s");
  dialog = wait_for_dialog (window);
  text = dialog_text (dialog);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "“catalogue.json” changed since you opened it"));
  gtk_dialog_response (GTK_DIALOG (dialog), MIGMAP_WINDOW_RESPONSE_KEEP_BOTH);
  g_assert_null (migmap_window_get_catalogue_dialog (window));

  after = read_text (f->path);
  g_assert_true (g_str_equal (after, theirs));
  ours_path = migmap_catalogue_file_get_path (f->file);
  g_assert_cmpstr (ours_path, !=, f->path);
  g_assert_true (g_str_has_prefix (ours_path, f->dir));
  ours = read_text (ours_path);
  g_assert_nonnull (strstr (ours, "\"end\": \"" NEW_END "\""));
  name = g_path_get_basename (ours_path);
  title = g_strdup_printf ("%s — MigMap", name);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
}

/* Reload drops our changes, once confirmed, and shows theirs. */
static void
test_changed_on_disk_reload (Fixture *f, gconstpointer data)
{
  MigmapWindow *window = f->window;
  g_autofree char *bundled = migmap_find_data_file ("data/catalogue.json");
  g_autofree char *theirs = read_text (bundled);
  g_autofree char *end = NULL;
  g_autofree char *after = NULL;
  GtkWidget *dialog;

  move_end (editor_of (window), NEW_END);
  g_assert_true (g_file_set_contents (f->path, theirs, -1, NULL));
  migmap_window_save (window);
  dialog = wait_for_dialog (window);
  gtk_dialog_response (GTK_DIALOG (dialog), MIGMAP_WINDOW_RESPONSE_RELOAD);
  /* Are you sure?  Cancel keeps our changes. */
  dialog = wait_for_dialog (window);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  end = project_end (window);
  g_assert_cmpstr (end, ==, NEW_END);
  g_assert_true (title_modified (window));
  g_clear_pointer (&end, g_free);

  migmap_window_save (window);
  gtk_dialog_response (GTK_DIALOG (wait_for_dialog (window)), MIGMAP_WINDOW_RESPONSE_RELOAD);
  gtk_dialog_response (GTK_DIALOG (wait_for_dialog (window)), MIGMAP_WINDOW_RESPONSE_RELOAD);
  end = project_end (window);
  g_assert_cmpstr (end, ==, "2014");
  g_assert_false (title_modified (window));
  /* The reloaded editor is followed: an edit still shows. */
  move_end (editor_of (window), NEW_END);
  g_assert_true (title_modified (window));
  after = read_text (f->path);
  g_assert_true (g_str_equal (after, theirs));
}

/* (d) Closing with unsaved changes asks: Cancel keeps the window, Discard
 * closes it and drops the journal. */
static void
test_close_asks (Fixture *f, gconstpointer data)
{
  g_autofree char *journal = migmap_catalogue_file_dup_journal_path (f->file);
  g_autofree char *text = NULL;
  GtkWidget *dialog;

  /* Nothing unsaved: nothing asked (closed at teardown). */
  move_end (editor_of (f->window), NEW_END);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));

  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_nonnull (f->window);
  dialog = wait_for_dialog (f->window);
  text = dialog_text (dialog);
  g_assert_nonnull (strstr (text, "Save changes to “catalogue.json” before closing?"));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_nonnull (f->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_true (title_modified (f->window));
  g_assert_null (migmap_window_get_catalogue_dialog (f->window));

  gtk_window_close (GTK_WINDOW (f->window));
  gtk_dialog_response (GTK_DIALOG (wait_for_dialog (f->window)), MIGMAP_WINDOW_RESPONSE_DISCARD);
  g_assert_null (f->window);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* Save in that question saves, then closes. */
static void
test_close_saves (Fixture *f, gconstpointer data)
{
  g_autofree char *saved = NULL;

  move_end (editor_of (f->window), NEW_END);
  gtk_window_close (GTK_WINDOW (f->window));
  gtk_dialog_response (GTK_DIALOG (wait_for_dialog (f->window)), MIGMAP_WINDOW_RESPONSE_SAVE);
  g_assert_null (f->window);
  saved = read_text (f->path);
  g_assert_nonnull (strstr (saved, "\"end\": \"" NEW_END "\""));
}

/* Open Catalogue asks about unsaved changes, then the window shows the
 * other file: its title, its catalogue. */
static void
test_open_catalogue (Fixture *f, gconstpointer data)
{
  g_autofree char *other = NULL;
  g_autofree char *end = NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog;

  /* A colleague's copy where i-Map ends in 2020. */
  {
    g_autofree char *bundled = migmap_find_data_file ("data/catalogue.json");
    g_autoptr(MigmapCatalogueFile) copy = NULL;
    g_autoptr(GError) error = NULL;

    other = g_build_filename (f->dir, "colleague.json", NULL);
    copy = migmap_catalogue_file_open (other, bundled, real_country_codes (), &error);
    g_assert_no_error (error);
    move_end (migmap_catalogue_file_get_editor (copy), "2020");
    g_assert_true (migmap_catalogue_file_save (copy, "amina", &error));
    g_assert_no_error (error);
  }

  move_end (editor_of (f->window), NEW_END);
  migmap_window_open_catalogue (f->window, other);
  dialog = wait_for_dialog (f->window);
  text = dialog_text (dialog);
  g_assert_nonnull (strstr (text, "before opening another catalogue"));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  end = project_end (f->window);
  g_assert_cmpstr (end, ==, NEW_END);
  g_clear_pointer (&end, g_free);

  migmap_window_open_catalogue (f->window, other);
  gtk_dialog_response (GTK_DIALOG (wait_for_dialog (f->window)), MIGMAP_WINDOW_RESPONSE_DISCARD);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "colleague.json — MigMap");
  end = project_end (f->window);
  g_assert_cmpstr (end, ==, "2020");
  g_assert_cmpstr (migmap_catalogue_file_get_path (migmap_window_get_catalogue_file (f->window)), ==, other);
  /* The page shows the other file's History. */
  {
    PanelWait history = { f->window, "by amina: end \"2014\" -> \"2020\"", TRUE };

    show_project (f->window);
    g_assert_true (wait_until (panel_shows, &history, WAIT_MS));
  }
}

/* An open search follows the catalogue: a project added appears among the
 * results, undone it goes. */
typedef struct {
  MigmapWindow *window;
  const char   *id;
  gboolean      present;
} ResultWait;

static gboolean
result_listed (gpointer data)
{
  ResultWait *w = data;
  gboolean found = FALSE;

  for (guint i = 0; i < migmap_window_get_n_search_results (w->window); i++)
    found |= g_strcmp0 (migmap_window_get_search_result (w->window, i, NULL), w->id) == 0;
  return found == w->present && g_strcmp0 (migmap_window_get_side_page (w->window), "search") == 0;
}

static gboolean
search_has_focus (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return focus && gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL &&
         gtk_widget_get_mapped (focus);
}

/* (e) Import CSV: the preview lists what will change; Import adds it as one
 * undoable change; a refused file lists every bad row and changes nothing. */
static void
test_import_preview (Fixture *f, gconstpointer data)
{
  MigmapWindow *window = f->window;
  g_autofree char *good = write_temp (f->dir, "new.csv", CSV_HEADER
    "pilot-x,PX,\"Pilot X, labour mobility\",2026-03,2027-02,,TUN;MAR,ICMPD,,France,,,Minutes of the steering committee\r\n");
  g_autofree char *bad = write_temp (f->dir, "bad.csv", CSV_HEADER
    "good-one,,Good,2026,,,TUN,,,,,,note\r\n"
    "bad-country,,Bad,2026,,,TUN;XXX,,,,,,note\r\n"
    "bad-month,,Bad,2026-13,,,TUN,,,,,,note\r\n");
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *line3 = g_strdup_printf ("%s:3:7: column \"countries\", value \"TUN;XXX\"", bad);
  g_autofree char *line4 = g_strdup_printf ("%s:4:4: column \"start\", value \"2026-13\"", bad);
  ResultWait listed = { window, "pilot-x", TRUE };
  ResultWait gone = { window, "pilot-x", FALSE };
  GtkWidget *dialog;

  /* An open search, typed, which the import must refresh. */
  press (window, "ctrl+f");
  g_assert_true (wait_until (search_has_focus, window, WAIT_MS));
  xdotool ("type --delay 20 'Pilot X'");
  g_assert_true (wait_until (result_listed, &gone, WAIT_MS));

  dialog = migmap_window_preview_import (window, good);
  g_assert_true (dialog == migmap_window_get_catalogue_dialog (window));
  text = dialog_text (dialog);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Import “new.csv”?"));
  g_assert_nonnull (strstr (text, "1 added, 0 changed"));
  g_assert_nonnull (strstr (text, "projects/pilot-x: created"));
  /* A preview changes nothing. */
  g_assert_null (migmap_catalogue_lookup_project (migmap_window_get_catalogue (window), "pilot-x"));
  g_assert_false (title_modified (window));

  gtk_dialog_response (GTK_DIALOG (dialog), MIGMAP_WINDOW_RESPONSE_IMPORT);
  g_assert_nonnull (migmap_catalogue_lookup_project (migmap_window_get_catalogue (window), "pilot-x"));
  g_assert_true (title_modified (window));
  g_assert_true (wait_until (result_listed, &listed, WAIT_MS));

  press (window, "ctrl+z");
  g_assert_true (wait_until (result_listed, &gone, WAIT_MS));
  g_assert_null (migmap_catalogue_lookup_project (migmap_window_get_catalogue (window), "pilot-x"));
  g_assert_false (title_modified (window));

  before = migmap_catalogue_editor_to_data (editor_of (window), NULL);
  dialog = migmap_window_preview_import (window, bad);
  g_clear_pointer (&text, g_free);
  text = dialog_text (dialog);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "“bad.csv” cannot be imported"));
  g_assert_nonnull (strstr (text, line3));
  g_assert_nonnull (strstr (text, line4));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  after = migmap_catalogue_editor_to_data (editor_of (window), NULL);
  g_assert_true (g_str_equal (before, after));
  g_assert_null (migmap_catalogue_lookup_project (migmap_window_get_catalogue (window), "good-one"));
  g_assert_false (title_modified (window));
}

int
main (int argc, char **argv)
{
  int status;

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (argc == 3 && g_str_equal (argv[1], "--edit-and-wait"))
    {
      migmap_language_init (NULL);
      return child_edit_and_wait (argv[2]);
    }

  app = window_test_init (&argc, &argv, "io.github.migmap.MigMap.TestCatalogue");

  g_test_add ("/window-catalogue/undo-redo-save", Fixture, NULL, fixture_set_up, test_undo_redo_save, fixture_tear_down);
  g_test_add ("/window-catalogue/entity-history", Fixture, NULL, fixture_set_up, test_entity_history, fixture_tear_down);
  g_test_add ("/window-catalogue/entity-page-stays", Fixture, NULL, fixture_set_up, test_entity_page_stays, fixture_tear_down);
  g_test_add_func ("/window-catalogue/kill-and-restore", test_kill_and_restore);
  g_test_add ("/window-catalogue/changed-on-disk", Fixture, NULL, fixture_set_up, test_changed_on_disk, fixture_tear_down);
  g_test_add ("/window-catalogue/changed-on-disk-reload", Fixture, NULL, fixture_set_up, test_changed_on_disk_reload,
              fixture_tear_down);
  g_test_add ("/window-catalogue/close-asks", Fixture, NULL, fixture_set_up, test_close_asks, fixture_tear_down);
  g_test_add ("/window-catalogue/close-saves", Fixture, NULL, fixture_set_up, test_close_saves, fixture_tear_down);
  g_test_add ("/window-catalogue/open-catalogue", Fixture, NULL, fixture_set_up, test_open_catalogue, fixture_tear_down);
  g_test_add ("/window-catalogue/import-preview", Fixture, NULL, fixture_set_up, test_import_preview, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
