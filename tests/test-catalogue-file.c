/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-catalogue-file.c: where edits live and never losing them: the first
 * save creates the user's catalogue and leaves the bundled one alone, a
 * process killed with unsaved edits leaves a journal the next start
 * restores, and a file a colleague saved meanwhile is never overwritten */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "catalogue/catalogue-test-util.h"
#include "migmap-catalogue-file.h"
#include "migmap-data-files.h"
#include "migmap-map-state.h"

#define NEW_PROJECT \
  "{\"id\": \"tunisia-morocco-pilot\", \"title\": \"Pilot on labour mobility\", \"kind\": \"project\"," \
  " \"start\": \"2026-03\", \"end\": \"2027-02\", \"countries\": [\"TUN\", \"MAR\"]}"
#define OTHER_PROJECT \
  "{\"id\": \"colleague-project\", \"title\": \"A colleague's project\", \"kind\": \"project\"," \
  " \"countries\": [\"JOR\"]}"

static char *
bundled_path (void)
{
  return g_build_filename (g_getenv ("MIGMAP_DATA_DIR"), "data", "catalogue.json", NULL);
}

static MigmapCatalogueFile *
open_file (const char *path)
{
  g_autofree char *bundled = bundled_path ();
  g_autoptr(GError) error = NULL;
  MigmapCatalogueFile *file = migmap_catalogue_file_open (path, bundled, real_country_codes (), &error);

  g_assert_no_error (error);
  return file;
}

static gboolean
has_project (MigmapCatalogueFile *file,
             const char          *id)
{
  MigmapCatalogueEditor *editor = migmap_catalogue_file_get_editor (file);

  return migmap_catalogue_lookup_project (migmap_catalogue_editor_get_catalogue (editor), id) != NULL;
}

static char *
checksum_of (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static void
test_first_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("migmap-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "migmap", "catalogue.json", NULL);
  g_autofree char *bundled = bundled_path ();
  g_autofree char *bundled_before = checksum_of (bundled);
  g_autofree char *bundled_after = NULL;
  g_autofree char *journal = NULL;
  g_autoptr(MigmapCatalogueFile) file = open_file (path);
  g_autoptr(MigmapCatalogueFile) again = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) log = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (migmap_catalogue_editor_put (migmap_catalogue_file_get_editor (file), "projects", NEW_PROJECT,
                                              "Minutes of the steering committee, 2026-02", &error));
  g_assert_no_error (error);
  journal = migmap_catalogue_file_dup_journal_path (file);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));

  g_assert_true (migmap_catalogue_file_save (file, "amina", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  bundled_after = checksum_of (bundled);
  g_assert_cmpstr (bundled_before, ==, bundled_after);

  /* A restart reads the user's catalogue. */
  again = open_file (path);
  g_assert_true (has_project (again, "tunisia-morocco-pilot"));
  g_assert_cmpuint (migmap_catalogue_file_get_journal_length (again), ==, 0);
  log = migmap_catalogue_editor_dup_change_log (migmap_catalogue_file_get_editor (again), "projects",
                                                "tunisia-morocco-pilot");
  g_assert_cmpuint (g_strv_length (log), ==, 1);
  g_assert_true (g_str_has_suffix (log[0], " by amina: created"));
  remove_tree (dir);
}

/* The child: edits, then dies without saving, as a crash would. */
static int
child_edit_and_die (const char *path)
{
  g_autoptr(MigmapCatalogueFile) file = open_file (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *amedip = NULL;

  if (!migmap_catalogue_editor_put (migmap_catalogue_file_get_editor (file), "projects", NEW_PROJECT,
                                    "https://www.icmpd.org/news/pilot", &error))
    return 2;
  if (!migmap_catalogue_editor_delete (migmap_catalogue_file_get_editor (file), "projects",
                                       "tunisia-morocco-pilot", &error) ||
      !migmap_catalogue_editor_undo (migmap_catalogue_file_get_editor (file), &error))
    return 3;
  kill (getpid (), SIGKILL);
  return 4;
}

static void
test_killed_with_unsaved_edits (void)
{
  g_autofree char *dir = g_dir_make_tmp ("migmap-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "catalogue.json", NULL);
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self_exe, "--child-edit", path, NULL };
  g_autoptr(MigmapCatalogueFile) file = NULL;
  g_autoptr(MigmapCatalogueFile) after_save = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  file = open_file (path);
  g_assert_false (has_project (file, "tunisia-morocco-pilot"));
  /* Put, delete, undo of the delete. */
  g_assert_cmpuint (migmap_catalogue_file_get_journal_length (file), ==, 3);
  g_assert_true (migmap_catalogue_file_restore_journal (file, &error));
  g_assert_no_error (error);
  g_assert_true (has_project (file, "tunisia-morocco-pilot"));
  g_assert_true (migmap_catalogue_editor_is_modified (migmap_catalogue_file_get_editor (file)));

  g_assert_true (migmap_catalogue_file_save (file, "amina", &error));
  g_assert_no_error (error);
  after_save = open_file (path);
  g_assert_cmpuint (migmap_catalogue_file_get_journal_length (after_save), ==, 0);
  g_assert_true (has_project (after_save, "tunisia-morocco-pilot"));
  remove_tree (dir);
}

/* A line cut short by the crash is not a change. */
static void
test_torn_journal (void)
{
  g_autofree char *dir = g_dir_make_tmp ("migmap-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "catalogue.json", NULL);
  g_autofree char *journal = g_strconcat (path, ".journal", NULL);
  g_autoptr(MigmapCatalogueFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *text =
    "{\"kind\":\"projects\",\"id\":\"colleague-project\",\"entity\":" OTHER_PROJECT ",\"source\":\"phone call\"}\n"
    "{\"kind\":\"projects\",\"id\":\"tunisia-morocco-pilot\",\"entity\":{\"id\":";

  g_assert_true (g_file_set_contents (journal, text, -1, NULL));
  file = open_file (path);
  g_assert_cmpuint (migmap_catalogue_file_get_journal_length (file), ==, 1);
  g_assert_true (migmap_catalogue_file_restore_journal (file, &error));
  g_assert_no_error (error);
  g_assert_true (has_project (file, "colleague-project"));
  g_assert_false (has_project (file, "tunisia-morocco-pilot"));
  remove_tree (dir);
}

static void
test_changed_on_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("migmap-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shared.json", NULL);
  g_autoptr(MigmapCatalogueFile) setup = open_file (path);
  g_autoptr(MigmapCatalogueFile) mine = NULL;
  g_autoptr(MigmapCatalogueFile) colleague = NULL;
  g_autoptr(MigmapCatalogueFile) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  g_autofree char *both = NULL;

  g_assert_true (migmap_catalogue_file_save (setup, "setup", &error));
  mine = open_file (path);
  colleague = open_file (path);

  g_assert_true (migmap_catalogue_editor_put (migmap_catalogue_file_get_editor (colleague), "projects", OTHER_PROJECT,
                                              "phone call", &error));
  g_assert_true (migmap_catalogue_file_save (colleague, "karim", &error));
  g_assert_no_error (error);
  theirs = checksum_of (path);

  g_assert_true (migmap_catalogue_editor_put (migmap_catalogue_file_get_editor (mine), "projects", NEW_PROJECT,
                                              "steering committee", &error));
  g_assert_false (migmap_catalogue_file_save (mine, "amina", &error));
  g_assert_error (error, MIGMAP_CATALOGUE_FILE_ERROR, MIGMAP_CATALOGUE_FILE_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  after = checksum_of (path);
  g_assert_cmpstr (theirs, ==, after);

  /* Keep both: theirs stays, ours goes beside it. */
  both = migmap_catalogue_file_keep_both (mine, "amina", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (both, "shared (amina "));
  g_free (after);
  after = checksum_of (path);
  g_assert_cmpstr (theirs, ==, after);
  reread = open_file (both);
  g_assert_true (has_project (reread, "tunisia-morocco-pilot"));
  g_assert_false (has_project (reread, "colleague-project"));

  /* Reload: theirs, without ours. */
  g_assert_true (migmap_catalogue_editor_put (migmap_catalogue_file_get_editor (colleague), "projects", NEW_PROJECT,
                                              "steering committee", &error));
  g_assert_true (migmap_catalogue_file_reload (colleague, &error));
  g_assert_no_error (error);
  g_assert_true (has_project (colleague, "colleague-project"));
  g_assert_false (has_project (colleague, "tunisia-morocco-pilot"));
  remove_tree (dir);
}

static void
count (gpointer data)
{
  (*(guint *) data)++;
}

static void
follow_editor (MigmapCatalogueEditor *editor,
               MigmapMapState        *state)
{
  migmap_map_state_set_catalogue (state, migmap_catalogue_editor_get_catalogue (editor));
}

/* The map follows an edit: the state takes the new catalogue, keeps the
 * selection by id and the layers the user hid, and says it changed. */
static void
test_map_state_follows (void)
{
  g_autofree char *dir = g_dir_make_tmp ("migmap-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "catalogue.json", NULL);
  g_autofree char *shapes_path = migmap_find_data_file ("shapes/ne_50m_admin0.shp");
  g_autoptr(MigmapCatalogueFile) file = open_file (path);
  MigmapCatalogueEditor *editor = migmap_catalogue_file_get_editor (file);
  g_autoptr(MigmapShapeSet) shapes = NULL;
  g_autoptr(MigmapMapState) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapMapLayer) first = NULL;
  g_autofree char *hidden_id = NULL;
  MigmapCatalogue *catalogue = migmap_catalogue_editor_get_catalogue (editor);
  MigmapProject *selected;
  guint changed = 0;

  shapes = migmap_shape_set_new_from_file (shapes_path, NULL, &error);
  g_assert_no_error (error);
  state = migmap_map_state_new (catalogue, shapes, NULL);
  g_signal_connect_object (editor, "changed", G_CALLBACK (follow_editor), state, 0);
  migmap_map_state_select (state, "TUN", migmap_catalogue_lookup_project (catalogue, "amedip"), NULL);
  first = g_list_model_get_item (migmap_map_state_get_layers (state), 0);
  hidden_id = g_strdup (migmap_map_layer_get_id (first));
  migmap_map_layer_set_visible (first, FALSE);
  g_signal_connect_swapped (state, "changed", G_CALLBACK (count), &changed);

  g_assert_true (migmap_catalogue_editor_put (editor, "projects", NEW_PROJECT, "note", &error));
  g_assert_no_error (error);
  g_assert_true (migmap_map_state_get_catalogue (state) == migmap_catalogue_editor_get_catalogue (editor));
  g_assert_cmpuint (changed, >, 0);
  selected = NULL;
  g_object_get (state, "selected-project", &selected, NULL);
  g_assert_nonnull (selected);
  g_assert_cmpstr (migmap_project_get_id (selected), ==, "amedip");
  g_assert_true (selected == migmap_catalogue_lookup_project (migmap_catalogue_editor_get_catalogue (editor), "amedip"));
  g_object_unref (selected);
  {
    MigmapMapLayer *layer = migmap_map_state_lookup_layer (state, hidden_id);

    g_assert_nonnull (layer);
    g_assert_false (migmap_map_layer_get_visible (layer));
  }
  remove_tree (dir);
}

int
main (int argc, char **argv)
{
  if (argc == 3 && strcmp (argv[1], "--child-edit") == 0)
    return child_edit_and_die (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/catalogue-file/first-save", test_first_save);
  g_test_add_func ("/catalogue-file/killed-with-unsaved-edits", test_killed_with_unsaved_edits);
  g_test_add_func ("/catalogue-file/torn-journal", test_torn_journal);
  g_test_add_func ("/catalogue-file/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/catalogue-file/map-state-follows", test_map_state_follows);
  return g_test_run ();
}
