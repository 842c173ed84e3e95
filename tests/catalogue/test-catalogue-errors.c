/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-catalogue-errors.c: each validation error, from a small broken file
 * under tests/catalogue/data/, with its exact message */
#include <glib/gstdio.h>

#include "catalogue-test-util.h"

/* @message is what follows the file's full path. */
/* The message names the file by its full path, then says the rest. */
static void
assert_message (const GError *error,
                const char   *path,
                const char   *rest)
{
  g_autofree char *expected = g_strconcat (path, rest, NULL);

  g_assert_cmpstr (error->message, ==, expected);
}

static void
assert_load_error (const char *fixture,
                   int         code,
                   const char *message)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", fixture, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapCatalogue) catalogue = NULL;

  catalogue = migmap_catalogue_new_from_file_with_codes (path, real_country_codes (), &error);
  g_assert_null (catalogue);
  g_assert_error (error, MIGMAP_CATALOGUE_ERROR, code);
  g_assert_true (g_path_is_absolute (path));
  assert_message (error, path, message);
}

typedef struct {
  const char *fixture;
  int         code;
  const char *message;
} ErrorCase;

static const ErrorCase cases[] = {
  { "malformed.json", MIGMAP_CATALOGUE_ERROR_SYNTAX,
    ":4:22: malformed JSON: unexpected character" },
  { "truncated.json", MIGMAP_CATALOGUE_ERROR_SYNTAX,
    ":4:1: malformed JSON: unexpected end of file" },
  { "bad-version.json", MIGMAP_CATALOGUE_ERROR_VERSION,
    ": schema_version: unsupported version 2 (expected 1)" },
  { "unknown-country.json", MIGMAP_CATALOGUE_ERROR_UNKNOWN_COUNTRY,
    ": projects[1].countries[2]: unknown country code \"XYZ\"" },
  { "unknown-group-member.json", MIGMAP_CATALOGUE_ERROR_UNKNOWN_COUNTRY,
    ": groups[0].members[2]: unknown country code \"EUR\"" },
  { "missing-field.json", MIGMAP_CATALOGUE_ERROR_MISSING_FIELD,
    ": projects[0]: missing required field \"title\"" },
  { "bad-date.json", MIGMAP_CATALOGUE_ERROR_BAD_DATE,
    ": projects[0].start: bad date \"2009-13\" (expected YYYY, YYYY-MM or YYYY-MM-DD)" },
  { "end-before-start.json", MIGMAP_CATALOGUE_ERROR_BAD_DATE,
    ": events[0].end: end \"2010-04\" is before start \"2010-05-01\"" },
  { "duplicate-id.json", MIGMAP_CATALOGUE_ERROR_DUPLICATE_ID,
    ": places[1].id: duplicate id \"tunis\" (first defined at places[0])" },
  { "unknown-organisation.json", MIGMAP_CATALOGUE_ERROR_UNKNOWN_REFERENCE,
    ": projects[0].donors[1]: unknown organisation \"atlantis\"" },
  { "unknown-place.json", MIGMAP_CATALOGUE_ERROR_UNKNOWN_REFERENCE,
    ": events[0].place: unknown place \"atlantis\"" },
  { "unknown-source.json", MIGMAP_CATALOGUE_ERROR_UNKNOWN_REFERENCE,
    ": themes[0].source[1]: unknown source \"source-z.txt\"" },
  { "unknown-phase.json", MIGMAP_CATALOGUE_ERROR_UNKNOWN_REFERENCE,
    ": projects[0].dialogue_phase: unknown phase 4 of dialogue \"talks\"" },
  { "wrong-type.json", MIGMAP_CATALOGUE_ERROR_TYPE,
    ": projects[1].countries: expected an array, got \"TUN\"" },
  { "unknown-field.json", MIGMAP_CATALOGUE_ERROR_UNKNOWN_FIELD,
    ": projects[1]: unknown field \"donor\"" },
  { "bad-enum.json", MIGMAP_CATALOGUE_ERROR_BAD_VALUE,
    ": places[0].precision: bad value \"town\" (expected one of: city, admin1, country, unresolved)" },
  { "bad-coordinates.json", MIGMAP_CATALOGUE_ERROR_BAD_VALUE,
    ": places[0].lon: bad value 200 (expected a number from -180 to 180)" },
  { "lost-but-present.json", MIGMAP_CATALOGUE_ERROR_INCONSISTENT,
    ": projects[1].lost_fields[0]: \"donors\" is marked lost but has a value" },
  { "expansion-mismatch.json", MIGMAP_CATALOGUE_ERROR_INCONSISTENT,
    ": groups[1].members: lacks \"MAR\" of expansion group \"pair\"" },
};

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *c = data;

  assert_load_error (c->fixture, c->code, c->message);
}

/* The fixtures differ from a valid file by one defect each. */
static void
test_minimal_loads (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapCatalogue) catalogue = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  MigmapDate y2010 = date_from ("2010");

  catalogue = migmap_catalogue_new_from_file_with_codes (path, real_country_codes (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (migmap_catalogue_get_projects (catalogue)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (migmap_catalogue_get_events (catalogue)), ==, 1);
  assert_strv_set (migmap_project_get_countries (migmap_catalogue_lookup_project (catalogue, "alpha")), "TUN MAR");
  /* Morocco joins the pair in 2011 only. */
  projects = migmap_catalogue_projects_in_country (catalogue, "MAR", &y2010);
  g_assert_cmpuint (projects->len, ==, 0);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapCatalogue) catalogue = NULL;

  catalogue = migmap_catalogue_new_from_file_with_codes ("/nonexistent/catalogue.json", real_country_codes (), &error);
  g_assert_null (catalogue);
  g_assert_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/catalogue.json: cannot read file: "));
}

/* Two broken files with the same name, e.g. a user's copy and the
 * installed one, are told apart by their messages. */
static void
test_same_name_told_apart (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "missing-field.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *messages[2] = { NULL, NULL };
  char *dirs[2] = { NULL, NULL };
  char *paths[2] = { NULL, NULL };

  g_assert_true (g_file_get_contents (fixture, &contents, NULL, &error));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(MigmapCatalogue) catalogue = NULL;

      dirs[i] = g_dir_make_tmp ("migmap-catalogue-XXXXXX", &error);
      g_assert_no_error (error);
      paths[i] = g_build_filename (dirs[i], "catalogue.json", NULL);
      g_assert_true (g_file_set_contents (paths[i], contents, -1, &error));
      catalogue = migmap_catalogue_new_from_file_with_codes (paths[i], real_country_codes (), &error);
      g_assert_null (catalogue);
      assert_message (error, paths[i], ": projects[0]: missing required field \"title\"");
      messages[i] = g_strdup (error->message);
      g_clear_error (&error);
    }
  g_assert_cmpstr (messages[0], !=, messages[1]);

  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (g_remove (paths[i]), ==, 0);
      g_assert_cmpint (g_rmdir (dirs[i]), ==, 0);
      g_free (messages[i]);
      g_free (dirs[i]);
      g_free (paths[i]);
    }
}

static void
test_broken_country_codes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "iso-3166-1-broken.json", NULL);
  g_autofree char *catalogue_path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapCountryCodes) codes = NULL;
  g_autoptr(MigmapCatalogue) catalogue = NULL;

  codes = migmap_country_codes_new_from_file (path, &error);
  g_assert_null (codes);
  g_assert_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_MISSING_FIELD);
  assert_message (error, path, ": 3166-1[0]: missing required field \"alpha_3\"");
  g_clear_error (&error);

  /* The default list comes from MIGMAP_ISO_3166_1_JSON when it is set. */
  g_setenv ("MIGMAP_ISO_3166_1_JSON", path, TRUE);
  catalogue = migmap_catalogue_new_from_file (catalogue_path, &error);
  g_unsetenv ("MIGMAP_ISO_3166_1_JSON");
  g_assert_null (catalogue);
  g_assert_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_MISSING_FIELD);
}

/* A country list without Morocco makes the minimal catalogue invalid. */
static void
test_codes_decide_validity (void)
{
  g_autofree char *iso_path = g_test_build_filename (G_TEST_DIST, "data", "iso-3166-1-mini.json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapCountryCodes) codes = migmap_country_codes_new_from_file (iso_path, &error);
  g_autoptr(MigmapCatalogue) catalogue = NULL;

  g_assert_no_error (error);
  catalogue = migmap_catalogue_new_from_file_with_codes (path, codes, &error);
  g_assert_null (catalogue);
  g_assert_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_UNKNOWN_COUNTRY);
  assert_message (error, path, ": groups[0].members[1].country: unknown country code \"MAR\"");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalogue/errors/minimal-loads", test_minimal_loads);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/catalogue/errors/%s", cases[i].fixture);
      g_test_add_data_func (name, &cases[i], test_error_case);
    }
  g_test_add_func ("/catalogue/errors/missing-file", test_missing_file);
  g_test_add_func ("/catalogue/errors/same-name-told-apart", test_same_name_told_apart);
  g_test_add_func ("/catalogue/errors/broken-country-codes", test_broken_country_codes);
  g_test_add_func ("/catalogue/errors/codes-decide-validity", test_codes_decide_validity);

  status = g_test_run ();
  g_object_unref (real_country_codes ());
  return status;
}
