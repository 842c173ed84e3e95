/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-catalogue-editor.c: changing the catalogue: the loader's checks on
 * every change, sources, undo/redo, the writer's round trip and the change
 * log of a save */
#include <glib/gstdio.h>
#include <json-c/json.h>
#include <string.h>
#include <unistd.h>

#include "catalogue-test-util.h"
#include "migmap-catalogue-editor.h"

static MigmapCatalogueEditor *
open_bundled (void)
{
  g_autoptr(GError) error = NULL;
  MigmapCatalogueEditor *editor;

  editor = migmap_catalogue_editor_new_from_file (g_getenv ("MIGMAP_CATALOGUE_JSON"), real_country_codes (), &error);
  g_assert_no_error (error);
  return editor;
}

#define NEW_PROJECT \
  "{\"id\": \"tunisia-morocco-pilot\", \"title\": \"Pilot on labour mobility\", \"kind\": \"project\"," \
  " \"start\": \"2026-03\", \"end\": \"2027-02\", \"countries\": [\"TUN\", \"MAR\"]}"

static gboolean
lists_project (GPtrArray  *projects,
               const char *id)
{
  for (guint i = 0; i < projects->len; i++)
    if (g_strcmp0 (migmap_project_get_id (projects->pdata[i]), id) == 0)
      return TRUE;
  return FALSE;
}

/* Writing, reading back and writing again gives the same bytes. */
static void
test_round_trip (void)
{
  g_autoptr(MigmapCatalogueEditor) editor = open_bundled ();
  g_autoptr(MigmapCatalogueEditor) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *original = NULL;
  g_autofree char *path = NULL;
  gsize first_len, second_len, original_len;
  int fd;

  first = migmap_catalogue_editor_to_data (editor, &first_len);
  fd = g_file_open_tmp ("migmap-editor-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, first, (gssize) first_len, &error);
  g_assert_no_error (error);

  again = migmap_catalogue_editor_new_from_file (path, real_country_codes (), &error);
  g_assert_no_error (error);
  second = migmap_catalogue_editor_to_data (again, &second_len);
  g_assert_cmpmem (first, first_len, second, second_len);

  /* The bundled file was formatted by hand: its first save may re-wrap a
   * few arrays (data/SCHEMA.md, Saving), but every key, value and order
   * stays: the plain serialisations of both trees are the same text. */
  g_file_get_contents (g_getenv ("MIGMAP_CATALOGUE_JSON"), &original, &original_len, &error);
  g_assert_no_error (error);
  {
    json_object *a = json_tokener_parse (original);
    json_object *b = json_tokener_parse (first);

    g_assert_cmpstr (json_object_to_json_string_ext (a, JSON_C_TO_STRING_PLAIN),
                     ==, json_object_to_json_string_ext (b, JSON_C_TO_STRING_PLAIN));
    json_object_put (a);
    json_object_put (b);
  }
  g_unlink (path);
}

static void
count_signal (gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
test_create_and_query (void)
{
  g_autoptr(MigmapCatalogueEditor) editor = open_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) in_tunisia = NULL;
  g_autoptr(GPtrArray) too_early = NULL;
  MigmapDate at = date_from ("2026-06");
  MigmapDate early = date_from ("2025");
  MigmapCatalogue *catalogue;
  const char * const *sources;
  guint changed = 0;

  g_signal_connect_swapped (editor, "changed", G_CALLBACK (count_signal), &changed);
  g_assert_false (migmap_catalogue_editor_is_modified (editor));

  g_assert_true (migmap_catalogue_editor_put (editor, "projects", NEW_PROJECT,
                                              "https://www.icmpd.org/news/pilot-2026", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (migmap_catalogue_editor_is_modified (editor));

  catalogue = migmap_catalogue_editor_get_catalogue (editor);
  g_assert_nonnull (migmap_catalogue_lookup_project (catalogue, "tunisia-morocco-pilot"));
  in_tunisia = migmap_catalogue_projects_in_country (catalogue, "TUN", &at);
  g_assert_true (lists_project (in_tunisia, "tunisia-morocco-pilot"));
  too_early = migmap_catalogue_projects_in_country (catalogue, "TUN", &early);
  g_assert_false (lists_project (too_early, "tunisia-morocco-pilot"));

  /* The URL became a source of the catalogue and of the project. */
  sources = migmap_catalogue_get_source_files (catalogue);
  g_assert_true (g_strv_contains (sources, "https://www.icmpd.org/news/pilot-2026"));
  {
    g_autofree char *json = migmap_catalogue_editor_dup_entity (editor, "projects", "tunisia-morocco-pilot");

    g_assert_nonnull (strstr (json, "\"source\":\"https://www.icmpd.org/news/pilot-2026\""));
  }
}

typedef struct {
  const char *kind;
  const char *json;
  int         code;
  const char *message_end; /* what follows the file's path */
} BadEdit;

static const BadEdit bad_edits[] = {
  { "projects",
    "{\"id\": \"p\", \"title\": \"P\", \"kind\": \"project\", \"countries\": [\"TUN\", \"XXX\"]}",
    MIGMAP_CATALOGUE_ERROR_UNKNOWN_COUNTRY, ": projects[30].countries[1]: unknown country code \"XXX\"" },
  { "projects",
    "{\"id\": \"p\", \"title\": \"P\", \"kind\": \"project\", \"start\": \"2024-03\", \"end\": \"2023-09\"}",
    MIGMAP_CATALOGUE_ERROR_BAD_DATE, ": projects[30].end: end \"2023-09\" is before start \"2024-03\"" },
  { "projects",
    "{\"id\": \"p\", \"title\": \"P\", \"kind\": \"project\", \"start\": \"2024-13\"}",
    MIGMAP_CATALOGUE_ERROR_BAD_DATE, ": projects[30].start: bad date \"2024-13\" (expected YYYY, YYYY-MM or YYYY-MM-DD)" },
  { "projects",
    "{\"id\": \"p\", \"title\": \"P\", \"kind\": \"project\", \"places\": [\"atlantis\"]}",
    MIGMAP_CATALOGUE_ERROR_UNKNOWN_REFERENCE, ": projects[30].places[0]: unknown place \"atlantis\"" },
  { "groups",
    "{\"id\": \"g\", \"name\": \"G\", \"kind\": \"project_countries\","
    " \"members\": [{\"country\": \"TUN\", \"valid_from\": \"2020\", \"valid_to\": \"2019\"}]}",
    MIGMAP_CATALOGUE_ERROR_BAD_DATE, ": groups[12].members[0].valid_to: valid_to \"2019\" is before valid_from \"2020\"" },
  { "places",
    "{\"id\": \"x\", \"name\": \"X\", \"kind\": \"city\", \"country\": \"TUN\", \"precision\": \"street\"}",
    MIGMAP_CATALOGUE_ERROR_BAD_VALUE, NULL },
  { "projects",
    "{\"id\": \"p\", \"title\": \"P\", \"kind\": \"project\", \"donor\": \"france\"}",
    MIGMAP_CATALOGUE_ERROR_UNKNOWN_FIELD, NULL },
};

/* Each refused edit names the field and the value, like the loader, and
 * leaves the catalogue as it was. */
static void
test_refused (void)
{
  g_autoptr(MigmapCatalogueEditor) editor = open_bundled ();
  g_autofree char *before = migmap_catalogue_editor_to_data (editor, NULL);
  MigmapCatalogue *catalogue = migmap_catalogue_editor_get_catalogue (editor);

  for (guint i = 0; i < G_N_ELEMENTS (bad_edits); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_test_message ("edit %u: %s", i, bad_edits[i].json);
      g_assert_false (migmap_catalogue_editor_put (editor, bad_edits[i].kind, bad_edits[i].json, "free text source", &error));
      g_assert_error (error, MIGMAP_CATALOGUE_ERROR, bad_edits[i].code);
      if (bad_edits[i].message_end != NULL)
        g_assert_true (g_str_has_suffix (error->message, bad_edits[i].message_end));
      g_assert_true (migmap_catalogue_editor_get_catalogue (editor) == catalogue);
      after = migmap_catalogue_editor_to_data (editor, NULL);
      g_assert_true (g_str_equal (before, after));
      g_assert_false (migmap_catalogue_editor_is_modified (editor));
      g_assert_false (migmap_command_stack_can_undo (migmap_catalogue_editor_get_history (editor)));
    }
}

static void
count_change (guint *changes)
{
  (*changes)++;
}

/* The form's check as you type: every refused edit is refused by check with
 * put's message, nothing changes, and a good entity passes. */
static void
test_check (void)
{
  g_autoptr(MigmapCatalogueEditor) editor = open_bundled ();
  g_autofree char *before = migmap_catalogue_editor_to_data (editor, NULL);
  MigmapCatalogue *catalogue = migmap_catalogue_editor_get_catalogue (editor);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  guint changes = 0;

  g_signal_connect_swapped (editor, "changed", G_CALLBACK (count_change), &changes);
  for (guint i = 0; i < G_N_ELEMENTS (bad_edits); i++)
    {
      g_autoptr(GError) put_error = NULL;
      g_autoptr(GError) check_error = NULL;
      g_autofree char *with_source = NULL;

      if (strstr (bad_edits[i].json, "\"source\"") == NULL && bad_edits[i].json[0] == '{')
        with_source = g_strdup_printf ("{\"source\": \"free text source\", %s", bad_edits[i].json + 1);
      else
        with_source = g_strdup (bad_edits[i].json);
      g_test_message ("check %u: %s", i, with_source);
      g_assert_false (migmap_catalogue_editor_put (editor, bad_edits[i].kind, bad_edits[i].json, "free text source", &put_error));
      g_assert_false (migmap_catalogue_editor_check (editor, bad_edits[i].kind, with_source, &check_error));
      g_assert_error (check_error, MIGMAP_CATALOGUE_ERROR, bad_edits[i].code);
      if (bad_edits[i].message_end != NULL)
        g_assert_true (g_str_has_suffix (check_error->message, bad_edits[i].message_end));
    }
  g_assert_true (migmap_catalogue_editor_check (editor, "projects",
                 "{\"id\": \"tunisia-morocco-pilot\", \"title\": \"Pilot\", \"kind\": \"project\","
                 " \"countries\": [\"TUN\", \"MAR\"], \"source\": \"a note\"}", &error));
  g_assert_no_error (error);
  /* A check changes nothing: no signal, no undo, the same catalogue and tree. */
  g_assert_true (migmap_catalogue_editor_get_catalogue (editor) == catalogue);
  g_assert_null (migmap_catalogue_lookup_project (catalogue, "tunisia-morocco-pilot"));
  g_assert_false (migmap_command_stack_can_undo (migmap_catalogue_editor_get_history (editor)));
  after = migmap_catalogue_editor_to_data (editor, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (changes, ==, 0);
}

static void
test_source_required (void)
{
  g_autoptr(MigmapCatalogueEditor) editor = open_bundled ();
  g_autoptr(GError) error = NULL;

  g_assert_false (migmap_catalogue_editor_put (editor, "projects", NEW_PROJECT, "  ", &error));
  g_assert_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_MISSING_FIELD);
  g_assert_nonnull (strstr (error->message, "projects/tunisia-morocco-pilot: missing required field \"source\""));
  g_assert_null (migmap_catalogue_lookup_project (migmap_catalogue_editor_get_catalogue (editor),
                                                  "tunisia-morocco-pilot"));
}

static void
test_undo_redo (void)
{
  g_autoptr(MigmapCatalogueEditor) editor = open_bundled ();
  g_autoptr(GError) error = NULL;
  g_autofree char *original = migmap_catalogue_editor_to_data (editor, NULL);
  g_autofree char *edited = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *amedip = migmap_catalogue_editor_dup_entity (editor, "projects", "amedip");
  g_autofree char *changed = NULL;
  MigmapCommandStack *history = migmap_catalogue_editor_get_history (editor);

  g_assert_true (migmap_catalogue_editor_put (editor, "projects", NEW_PROJECT, "note from the secretariat", &error));
  g_assert_no_error (error);
  {
    g_auto(GStrv) parts = g_strsplit (amedip, "\"end\":\"2014-09\"", 2);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    changed = g_strjoinv ("\"end\":\"2015-03\"", parts);
  }
  g_assert_true (migmap_catalogue_editor_put (editor, "projects", changed, "note from the secretariat", &error));
  g_assert_no_error (error);
  edited = migmap_catalogue_editor_to_data (editor, NULL);

  g_assert_true (migmap_catalogue_editor_undo (editor, &error));
  g_assert_true (migmap_catalogue_editor_undo (editor, &error));
  g_assert_no_error (error);
  undone = migmap_catalogue_editor_to_data (editor, NULL);
  g_assert_true (g_str_equal (undone, original));
  g_assert_false (migmap_catalogue_editor_is_modified (editor));
  g_assert_null (migmap_catalogue_lookup_project (migmap_catalogue_editor_get_catalogue (editor),
                                                  "tunisia-morocco-pilot"));
  g_assert_false (migmap_command_stack_can_undo (history));
  g_assert_true (migmap_command_stack_can_redo (history));

  g_assert_true (migmap_catalogue_editor_redo (editor, &error));
  g_assert_true (migmap_catalogue_editor_redo (editor, &error));
  g_assert_no_error (error);
  redone = migmap_catalogue_editor_to_data (editor, NULL);
  g_assert_true (g_str_equal (redone, edited));
  assert_date (migmap_project_get_end (migmap_catalogue_lookup_project (migmap_catalogue_editor_get_catalogue (editor),
                                                                         "amedip")), "2015-03");
}

static void
test_delete (void)
{
  g_autoptr(MigmapCatalogueEditor) editor = open_bundled ();
  g_autoptr(GError) error = NULL;

  /* AMEDIP's projects and events name Tunis. */
  g_assert_false (migmap_catalogue_editor_delete (editor, "places", "tunis", &error));
  g_assert_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_UNKNOWN_REFERENCE);
  g_assert_nonnull (strstr (error->message, "unknown place \"tunis\""));
  g_clear_error (&error);

  g_assert_true (migmap_catalogue_editor_put (editor, "projects", NEW_PROJECT, "note", &error));
  g_assert_true (migmap_catalogue_editor_delete (editor, "projects", "tunisia-morocco-pilot", &error));
  g_assert_no_error (error);
  g_assert_null (migmap_catalogue_lookup_project (migmap_catalogue_editor_get_catalogue (editor),
                                                  "tunisia-morocco-pilot"));
}

typedef struct {
  char *kind, *id, *json, *source;
} Applied;

static void
on_applied (MigmapCatalogueEditor *editor,
            const char            *kind,
            const char            *id,
            const char            *json,
            const char            *source,
            GPtrArray             *log)
{
  Applied *a = g_new0 (Applied, 1);

  a->kind = g_strdup (kind);
  a->id = g_strdup (id);
  a->json = g_strdup (json);
  a->source = g_strdup (source);
  g_ptr_array_add (log, a);
}

static void
applied_free (gpointer data)
{
  Applied *a = data;

  g_free (a->kind);
  g_free (a->id);
  g_free (a->json);
  g_free (a->source);
  g_free (a);
}

/* What "applied" announces, replayed on a fresh editor, gives the same
 * catalogue: the journal relies on it. */
static void
test_replay (void)
{
  g_autoptr(MigmapCatalogueEditor) editor = open_bundled ();
  g_autoptr(MigmapCatalogueEditor) replay = open_bundled ();
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (applied_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_signal_connect (editor, "applied", G_CALLBACK (on_applied), log);
  g_assert_true (migmap_catalogue_editor_put (editor, "projects", NEW_PROJECT, "https://www.icmpd.org/x", &error));
  g_assert_true (migmap_catalogue_editor_undo (editor, &error));
  g_assert_true (migmap_catalogue_editor_redo (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 3);

  for (guint i = 0; i < log->len; i++)
    {
      Applied *step = log->pdata[i];

      g_assert_true (migmap_catalogue_editor_set_entity (replay, step->kind, step->id, step->json, step->source, &error));
      g_assert_no_error (error);
    }
  a = migmap_catalogue_editor_to_data (editor, NULL);
  b = migmap_catalogue_editor_to_data (replay, NULL);
  g_assert_true (g_str_equal (a, b));
}

/* A save logs who changed what, and the log loads back with the file. */
static void
test_change_log (void)
{
  g_autoptr(MigmapCatalogueEditor) editor = open_bundled ();
  g_autoptr(MigmapCatalogueEditor) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 20, 9, 30, 0);
  g_autofree char *amedip = migmap_catalogue_editor_dup_entity (editor, "projects", "amedip");
  g_auto(GStrv) parts = g_strsplit (amedip, "\"end\":\"2014-09\"", 2);
  g_autofree char *changed = g_strjoinv ("\"end\":\"2015-03\"", parts);
  g_auto(GStrv) pending = NULL;
  g_auto(GStrv) log = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (migmap_catalogue_editor_put (editor, "projects", changed, "AMEDIP final report", &error));
  g_assert_no_error (error);
  pending = migmap_catalogue_editor_dup_pending_changes (editor);
  g_assert_cmpuint (g_strv_length (pending), ==, 1);
  g_assert_cmpstr (pending[0], ==, "projects/amedip: end \"2014-09\" -> \"2015-03\"");

  data = migmap_catalogue_editor_save_data (editor, "amina", when, &length);
  migmap_catalogue_editor_save_done (editor, TRUE);
  g_assert_false (migmap_catalogue_editor_is_modified (editor));

  reopened = migmap_catalogue_editor_new_from_data ("saved.json", data, length, real_country_codes (), &error);
  g_assert_no_error (error);
  log = migmap_catalogue_editor_dup_change_log (reopened, "projects", "amedip");
  g_assert_cmpuint (g_strv_length (log), ==, 1);
  g_assert_cmpstr (log[0], ==, "edited 2026-11-20 by amina: end \"2014-09\" -> \"2015-03\"");
  g_assert_nonnull (strstr (data, "\"source\": \"AMEDIP final report\""));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/catalogue/editor/round-trip", test_round_trip);
  g_test_add_func ("/catalogue/editor/create-and-query", test_create_and_query);
  g_test_add_func ("/catalogue/editor/refused", test_refused);
  g_test_add_func ("/catalogue/editor/source-required", test_source_required);
  g_test_add_func ("/catalogue/editor/check", test_check);
  g_test_add_func ("/catalogue/editor/undo-redo", test_undo_redo);
  g_test_add_func ("/catalogue/editor/delete", test_delete);
  g_test_add_func ("/catalogue/editor/replay", test_replay);
  g_test_add_func ("/catalogue/editor/change-log", test_change_log);
  return g_test_run ();
}
