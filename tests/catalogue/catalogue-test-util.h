/* SPDX-License-Identifier: GPL-3.0-or-later */
/* catalogue-test-util.h: helpers shared by the catalogue tests (and, for
 * the country codes and test folders, by the catalogue file and window tests) */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "migmap-catalogue.h"

#define S000 "000_dde78abba86446a4.txt"
#define S001 "001_94eef71dd9979882.txt"
#define S002 "002_d5eb2a2ac0996212.txt"
#define S003 "003_b410a430aea9eac3.txt"

/* The real catalogue, data/catalogue.json; meson passes its path. */
static inline MigmapCatalogue *
load_real_catalogue (void)
{
  static MigmapCatalogue *catalogue = NULL;

  if (catalogue == NULL)
    {
      g_autoptr(GError) error = NULL;
      const char *path = g_getenv ("MIGMAP_CATALOGUE_JSON");

      g_assert_nonnull (path);
      catalogue = migmap_catalogue_new_from_file (path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (catalogue);
    }
  return catalogue;
}

static inline void
free_real_catalogue (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  g_object_unref (catalogue);
}

/* The country codes from iso-codes, loaded once for the whole program. */
static inline MigmapCountryCodes *
real_country_codes (void)
{
  static MigmapCountryCodes *codes = NULL;

  if (codes == NULL)
    {
      g_autoptr(GError) error = NULL;

      codes = migmap_country_codes_new_default (&error);
      g_assert_no_error (error);
    }
  return codes;
}

/* Test folders are small and made by the tests: remove them whole. */
static inline void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static inline MigmapDate
date_from (const char *text)
{
  MigmapDate date = MIGMAP_DATE_INIT;

  g_assert_true (migmap_date_parse (text, &date));
  return date;
}

#define assert_date(date_ptr, expected)                                  \
  G_STMT_START {                                                         \
    g_autofree char *_text = migmap_date_to_string (date_ptr);           \
    g_assert_cmpstr (_text, ==, expected);                               \
  } G_STMT_END

/* Exactly these strings, in any order. */
static inline void
assert_strv_set (const char * const *actual,
                 const char         *expected_space_separated)
{
  g_auto(GStrv) expected = g_strsplit (expected_space_separated, " ", -1);

  for (guint i = 0; expected[i]; i++)
    if (!g_strv_contains (actual, expected[i]))
      g_error ("expected \"%s\" in the list", expected[i]);
  g_assert_cmpuint (g_strv_length ((char **) actual), ==, g_strv_length (expected));
}

static inline gboolean
strv_has (const char * const *strv,
          const char         *value)
{
  return g_strv_contains (strv, value);
}

/* Does a result array of entities hold the one with this id? */
static inline gboolean
result_has_id (GPtrArray  *result,
               const char *id)
{
  for (guint i = 0; i < result->len; i++)
    {
      g_autofree char *entity_id = NULL;

      g_object_get (g_ptr_array_index (result, i), "id", &entity_id, NULL);
      if (g_strcmp0 (entity_id, id) == 0)
        return TRUE;
    }
  return FALSE;
}
