/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-catalogue-import.c: CSV back into the catalogue: an export imported
 * again changes nothing, a new row is added, and a bad row refuses the
 * whole file naming the file, the line, the column and the value
 *
 * The CSV here is written like `migmap-query export projects --format csv`
 * (tests/test-query.c checks the real command's round trip). */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "catalogue-test-util.h"
#include "migmap-catalogue-editor.h"

static MigmapCatalogueEditor *
open_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapCountryCodes) codes = migmap_country_codes_new_default (&error);
  MigmapCatalogueEditor *editor;

  g_assert_no_error (error);
  editor = migmap_catalogue_editor_new_from_file (g_getenv ("MIGMAP_CATALOGUE_JSON"), codes, &error);
  g_assert_no_error (error);
  return editor;
}

static void
csv_field (GString    *out,
           const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
names (MigmapCatalogue    *catalogue,
       const char * const *ids)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_ptr_array_add (parts, (gpointer) migmap_organisation_get_name (migmap_catalogue_lookup_organisation (catalogue, ids[i])));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (";", (char **) parts->pdata);
}

static char *
export_projects (MigmapCatalogue *catalogue)
{
  GString *out = g_string_new ("id,acronym,title,start,end,status,countries,implementing_agency,partners,donors,"
                               "places,objective,source\r\n");
  GListModel *projects = migmap_catalogue_get_projects (catalogue);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(MigmapProject) p = g_list_model_get_item (projects, i);
      const char *agency[] = { migmap_project_get_implementing_agency_id (p), NULL };
      g_autofree char *start = migmap_date_is_set (migmap_project_get_start (p)) ? migmap_date_to_string (migmap_project_get_start (p)) : NULL;
      g_autofree char *end = migmap_date_is_set (migmap_project_get_end (p)) ? migmap_date_to_string (migmap_project_get_end (p)) : NULL;
      g_autofree char *countries = g_strjoinv (";", (char **) migmap_project_get_countries (p));
      g_autofree char *agency_name = names (catalogue, agency[0] ? agency : NULL);
      g_autofree char *partners = names (catalogue, migmap_project_get_partner_ids (p));
      g_autofree char *donors = names (catalogue, migmap_project_get_donor_ids (p));
      g_autofree char *places = g_strjoinv (";", (char **) migmap_project_get_place_ids (p));
      g_autofree char *sources = g_strjoinv (";", (char **) migmap_project_get_sources (p));
      const char *fields[] = {
        migmap_project_get_id (p), migmap_project_get_acronym (p), migmap_project_get_title (p), start, end,
        migmap_project_status_to_string (migmap_project_get_status (p)), countries, agency_name, partners, donors,
        places, migmap_project_get_objective (p), sources,
      };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          if (f > 0)
            g_string_append_c (out, ',');
          csv_field (out, fields[f]);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

static char *
write_csv (const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("migmap-import-XXXXXX.csv", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_round_trip (void)
{
  g_autoptr(MigmapCatalogueEditor) editor = open_bundled ();
  g_autofree char *before = migmap_catalogue_editor_to_data (editor, NULL);
  g_autofree char *csv = export_projects (migmap_catalogue_editor_get_catalogue (editor));
  g_autofree char *path = write_csv (csv);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 99, changed = 99;

  g_assert_true (migmap_catalogue_editor_import_csv (editor, path, &added, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (changed, ==, 0);
  after = migmap_catalogue_editor_to_data (editor, NULL);
  g_assert_true (g_str_equal (before, after));
  g_assert_false (migmap_catalogue_editor_is_modified (editor));
  g_unlink (path);
}

#define HEADER "id,acronym,title,start,end,status,countries,implementing_agency,partners,donors,places,objective,source\r\n"

static void
test_new_and_changed_rows (void)
{
  g_autoptr(MigmapCatalogueEditor) editor = open_bundled ();
  g_autofree char *path = write_csv (HEADER
    "pilot-x,PX,\"Pilot X, labour mobility\",2026-03,2027-02,,TUN;MAR,ICMPD,,France,,,Minutes of the steering committee\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) in_tunisia = NULL;
  MigmapDate at = date_from ("2026-06");
  MigmapProject *project;
  guint added = 0, changed = 0;

  g_assert_true (migmap_catalogue_editor_import_csv (editor, path, &added, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  project = migmap_catalogue_lookup_project (migmap_catalogue_editor_get_catalogue (editor), "pilot-x");
  g_assert_nonnull (project);
  g_assert_cmpstr (migmap_project_get_title (project), ==, "Pilot X, labour mobility");
  g_assert_cmpstr (migmap_project_get_implementing_agency_id (project), ==, "icmpd");
  assert_strv_set (migmap_project_get_donor_ids (project), "france");
  in_tunisia = migmap_catalogue_projects_in_country (migmap_catalogue_editor_get_catalogue (editor), "TUN", &at);
  g_assert_true (g_ptr_array_find_with_equal_func (in_tunisia, project, NULL, NULL));

  /* One undo takes the whole import back. */
  g_assert_true (migmap_catalogue_editor_undo (editor, &error));
  g_assert_null (migmap_catalogue_lookup_project (migmap_catalogue_editor_get_catalogue (editor), "pilot-x"));
  g_unlink (path);
}

static void
test_bad_rows (void)
{
  g_autoptr(MigmapCatalogueEditor) editor = open_bundled ();
  g_autofree char *before = migmap_catalogue_editor_to_data (editor, NULL);
  g_autofree char *after = NULL;
  g_autofree char *path = write_csv (HEADER
    "good-one,,Good,2026,,,TUN,,,,,,note\r\n"
    "bad-country,,Bad,2026,,,TUN;XXX,,,,,,note\r\n"
    "bad-month,,Bad,2026-13,,,TUN,,,,,,note\r\n"
    "bad-donor,,Bad,2026,,,TUN,,,Atlantis,,,note\r\n");
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (migmap_catalogue_editor_import_csv (editor, path, NULL, NULL, &error));
  g_assert_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_BAD_VALUE);
  expected = g_strdup_printf ("%s:3:7: column \"countries\", value \"TUN;XXX\": unknown country code \"XXX\"\n"
                              "%s:4:4: column \"start\", value \"2026-13\": bad date \"2026-13\" (expected YYYY, YYYY-MM or YYYY-MM-DD)\n"
                              "%s:5:10: column \"donors\", value \"Atlantis\": unknown organisation \"Atlantis\"",
                              path, path, path);
  g_assert_cmpstr (error->message, ==, expected);
  after = migmap_catalogue_editor_to_data (editor, NULL);
  g_assert_true (g_str_equal (before, after));
  g_assert_null (migmap_catalogue_lookup_project (migmap_catalogue_editor_get_catalogue (editor), "good-one"));
  g_unlink (path);
}

static void
test_malformed (void)
{
  g_autoptr(MigmapCatalogueEditor) editor = open_bundled ();
  g_autofree char *unclosed = write_csv (HEADER "x,,\"Unclosed,2026,,,TUN,,,,,,note\r\n");
  g_autofree char *short_row = write_csv (HEADER "x,,Short\r\n");
  g_autofree char *unknown = write_csv ("id,name,colour\r\nx,y,z\r\n");
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (migmap_catalogue_editor_import_csv (editor, unclosed, NULL, NULL, &error));
  expected = g_strdup_printf ("%s:2:4: malformed CSV: a quoted field is not closed", unclosed);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_assert_false (migmap_catalogue_editor_import_csv (editor, short_row, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, ":2:1: malformed CSV: 3 fields where the header has 13"));
  g_clear_error (&error);
  g_assert_false (migmap_catalogue_editor_import_csv (editor, unknown, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, ":1: the header is not that of an export"));
  g_unlink (unclosed);
  g_unlink (short_row);
  g_unlink (unknown);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/catalogue/import/round-trip", test_round_trip);
  g_test_add_func ("/catalogue/import/new-and-changed-rows", test_new_and_changed_rows);
  g_test_add_func ("/catalogue/import/bad-rows", test_bad_rows);
  g_test_add_func ("/catalogue/import/malformed", test_malformed);
  return g_test_run ();
}
