/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-catalogue-iso-codes.c: a newer iso-codes, with keys MigMap does not
 * know, still loads, in the library and in migmap-render */
#include <glib/gstdio.h>
#include <json-c/json.h>

#include "catalogue-test-util.h"

typedef struct {
  char *dir;  /* a generated iso-codes JSON directory */
  char *path; /* its iso_3166-1.json */
} NewerIsoCodes;

/* The system's iso_3166-1.json as a later release might write it: a new
 * field in every country and a new top-level key. */
static void
newer_iso_codes_set_up (NewerIsoCodes *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *system_path;
  json_object *root, *list;

  g_unsetenv ("MIGMAP_ISO_3166_1_JSON");
  g_unsetenv ("MIGMAP_ISO_CODES_DIR");
  system_path = migmap_country_codes_get_default_path ();
  root = json_object_from_file (system_path);
  g_assert_nonnull (root);
  g_assert_true (json_object_object_get_ex (root, "3166-1", &list));

  for (size_t i = 0; i < json_object_array_length (list); i++)
    {
      json_object *extra = json_object_new_object ();

      json_object_object_add (extra, "since", json_object_new_string ("2099"));
      json_object_object_add (extra, "ids", json_object_new_array ());
      json_object_object_add (json_object_array_get_idx (list, i), "future_field", extra);
    }
  json_object_object_add (root, "future_top_level_key", json_object_new_string ("added by a later release"));

  fixture->dir = g_dir_make_tmp ("migmap-iso-codes-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "iso_3166-1.json", NULL);
  g_assert_cmpint (json_object_to_file_ext (fixture->path, root, JSON_C_TO_STRING_PRETTY), ==, 0);
  json_object_put (root);
}

static void
newer_iso_codes_tear_down (NewerIsoCodes *fixture,
                           gconstpointer  data)
{
  g_unsetenv ("MIGMAP_ISO_CODES_DIR");
  g_remove (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
test_newer_iso_codes_load (NewerIsoCodes *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapCountryCodes) codes = NULL;
  g_autoptr(MigmapCatalogue) catalogue = NULL;

  g_setenv ("MIGMAP_ISO_CODES_DIR", fixture->dir, TRUE);
  g_assert_cmpstr (migmap_country_codes_get_default_path (), ==, fixture->path);

  codes = migmap_country_codes_new_default (&error);
  g_assert_no_error (error);
  g_assert_nonnull (codes);
  g_assert_cmpstr (migmap_country_codes_get_name (codes, "TUN"), ==, "Tunisia");
  g_assert_cmpstr (migmap_country_codes_get_alpha2 (codes, "TUR"), ==, "TR");
  g_assert_cmpuint (migmap_country_codes_get_n_codes (codes), >, 240);

  /* The whole catalogue validates against it. */
  catalogue = migmap_catalogue_new_from_file (g_getenv ("MIGMAP_CATALOGUE_JSON"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalogue);
}

/* What a user runs: the page renders with the newer iso-codes. */
static void
test_newer_iso_codes_render (NewerIsoCodes *fixture,
                             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "x.pdf", NULL);
  const char *argv[] = { g_getenv ("MIGMAP_RENDER"), "--layout", "page", "-o", pdf, NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "MIGMAP_ISO_CODES_DIR", fixture->dir, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("migmap-render failed with the newer iso-codes: %s", err);

  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_remove (pdf);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/catalogue/iso-codes/newer-loads", NewerIsoCodes, NULL,
              newer_iso_codes_set_up, test_newer_iso_codes_load, newer_iso_codes_tear_down);
  g_test_add ("/catalogue/iso-codes/newer-renders", NewerIsoCodes, NULL,
              newer_iso_codes_set_up, test_newer_iso_codes_render, newer_iso_codes_tear_down);

  return g_test_run ();
}
