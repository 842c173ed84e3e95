/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hostile-shapes.c: shapefiles MigMap does not control: projected ones,
 * legacy encodings, lying headers, absurd geometry (issue 10)
 *
 * Fixtures are made at set-up: the bundled shapes reprojected by ogr2ogr,
 * and tests/data/make-hostile-shapes.py for the hand-made hostile ones.
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "migmap-data-files.h"
#include "migmap-renderer.h"
#include "migmap-shape-set.h"

static char *fixture_dir;

/* Runs argv; fails the test (not skips it) when the program is missing:
 * CI installs everything tools/debian-packages.txt lists. */
static void
run_or_fail (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  if (error)
    g_error ("cannot run %s (is it installed? tools/setup.sh installs it): %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
}

static char *
fixture (const char *name)
{
  return g_build_filename (fixture_dir, name, NULL);
}

static MigmapShapeSet *
load_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  MigmapShapeSet *shapes = migmap_shape_set_new_from_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (shapes);
  return shapes;
}

/* The country under a lon/lat, found the way a click in the window finds it:
 * through the renderer, from a screen point. */
static const char *
country_at (MigmapShapeSet *shapes, double lon, double lat)
{
  g_autoptr(MigmapRenderer) renderer = migmap_renderer_new (shapes);
  g_autoptr(MigmapViewport) viewport = migmap_viewport_new ();
  MigmapGeoBounds mediterranean = { -10.0, 28.0, 40.0, 55.0 };
  const MigmapFeature *feature;
  double x, y;

  migmap_viewport_set_size (viewport, 1200, 800);
  migmap_viewport_fit_bounds (viewport, &mediterranean);
  g_assert_true (migmap_viewport_geo_to_screen (viewport, lon, lat, &x, &y));
  feature = migmap_renderer_feature_at_screen (renderer, viewport, x, y, 0.0);
  return feature ? feature->code : NULL;
}

/* ---- projected shapefiles ---- */

static void
check_projected (const char *srs, const char * const *extra, gboolean whole_world)
{
  g_autofree char *source = migmap_find_data_file ("shapes/ne_50m_admin0.shp");
  g_autofree char *name = g_strdup_printf ("ne_50m_%s.shp", srs + 5);
  g_autofree char *path = fixture (name);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(MigmapShapeSet) shapes = NULL;

  g_ptr_array_add (argv, "ogr2ogr");
  g_ptr_array_add (argv, "-q");
  g_ptr_array_add (argv, "-t_srs");
  g_ptr_array_add (argv, (char *) srs);
  for (guint i = 0; extra && extra[i]; i++)
    g_ptr_array_add (argv, (char *) extra[i]);
  g_ptr_array_add (argv, path);
  g_ptr_array_add (argv, source);
  g_ptr_array_add (argv, NULL);
  run_or_fail ((const char * const *) argv->pdata);

  shapes = load_ok (path);
  g_assert_cmpstr (country_at (shapes, 9.5, 34.0), ==, "TUN");
  g_assert_cmpstr (country_at (shapes, 15.5, 49.8), ==, "CZE");
  g_assert_cmpstr (country_at (shapes, 18.5, 36.0), ==, NULL); /* Ionian Sea */
  g_assert_cmpstr (country_at (shapes, 0.0, 66.0), ==, NULL); /* Norwegian Sea */
  if (whole_world)
    {
      /* Russia's vertices on the antimeridian stay on their own side. */
      g_assert_cmpstr (country_at (shapes, 179.5, 66.0), ==, "RUS");
      g_assert_cmpstr (country_at (shapes, -175.0, 67.0), ==, "RUS");
    }
  g_assert_cmpstr (migmap_shape_set_lookup (shapes, "CIV")->name, ==, "Côte d'Ivoire");
}

static void
test_projected_web_mercator (void)
{
  const char * const clip[] = { "-clipsrc", "-179", "-85", "179", "85", NULL };
  check_projected ("EPSG:3857", clip, FALSE);
}

static void
test_projected_laea_europe (void)
{
  check_projected ("EPSG:3035", NULL, TRUE);
}

/* ---- names in legacy encodings (D5) ---- */

static void
assert_all_text_valid (MigmapShapeSet *shapes)
{
  for (guint i = 0; i < migmap_shape_set_get_n_features (shapes); i++)
    {
      const MigmapFeature *feature = migmap_shape_set_get_feature (shapes, i);

      g_assert_true (g_utf8_validate (feature->code, -1, NULL));
      g_assert_true (g_utf8_validate (feature->name, -1, NULL));
      g_assert_true (feature->code2 == NULL || g_utf8_validate (feature->code2, -1, NULL));
    }
}

static void
test_names_latin1 (void)
{
  g_autofree char *path = fixture ("latin1-names.shp");
  g_autoptr(MigmapShapeSet) shapes = load_ok (path);

  assert_all_text_valid (shapes);
  g_assert_cmpstr (migmap_shape_set_lookup (shapes, "CIV")->name, ==, "Côte d'Ivoire");
  g_assert_cmpstr (migmap_shape_set_lookup (shapes, "COL")->name, ==, "Bogotá");
  /* 0x81 is not Windows-1252 either: replaced, not passed on. */
  g_assert_cmpstr (migmap_shape_set_lookup (shapes, "XXX")->name, ==, "Bad\xEF\xBF\xBD" "byte");
  g_assert_cmpstr (country_at (shapes, 5.0, 5.0), ==, "CIV");
  g_assert_cmpstr (country_at (shapes, 25.0, 5.0), ==, "COL");
}

static void
test_names_language_driver (void)
{
  g_autofree char *path = fixture ("cp1251-ldid.shp");
  g_autoptr(MigmapShapeSet) shapes = load_ok (path);

  g_assert_cmpstr (migmap_shape_set_lookup (shapes, "RUS")->name, ==, "Россия");
}

static void
test_names_cpg (void)
{
  g_autofree char *path = fixture ("cpg-1252.shp");
  g_autoptr(MigmapShapeSet) shapes = load_ok (path);

  g_assert_cmpstr (migmap_shape_set_lookup (shapes, "CUW")->name, ==, "Curaçao");
  g_assert_cmpstr (migmap_shape_set_lookup (shapes, "EUR")->name, ==, "€uro");
}

/* ---- clear errors ---- */

typedef struct {
  const char *fixture;
  int         code;
  const char *parts[4];  /* each must appear in the message */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "reclen-lie", MIGMAP_SHAPE_SET_ERROR_ATTRIBUTES,
    { "reclen-lie.dbf is damaged", "2 records of 60000 bytes", "the file has only 186", NULL } },
  { "nan-coords", MIGMAP_SHAPE_SET_ERROR_GEOMETRY,
    { "record 1: corner 2 has coordinates (", "nan, 10), which are not finite numbers", NULL } },
  { "inf-coords", MIGMAP_SHAPE_SET_ERROR_GEOMETRY,
    { "record 1: corner 2 has coordinates (inf, 10), which are not finite numbers", NULL } },
  { "huge-coords", MIGMAP_SHAPE_SET_ERROR_GEOMETRY,
    { "record 1: corner 2 has coordinates (1e+308, 10), far outside any map", NULL } },
  { "index-overflow", MIGMAP_SHAPE_SET_ERROR_GEOMETRY,
    { "the shapes are too complex to index", NULL } },
  { "index-zigzag", MIGMAP_SHAPE_SET_ERROR_GEOMETRY,
    { "the shapes are too complex to index", NULL } },
  { "projected-no-prj", MIGMAP_SHAPE_SET_ERROR_GEOMETRY,
    { "coordinates look projected (x up to 2.0e7) and there is no .prj; "
      "MigMap needs longitude/latitude or a .prj", NULL } },
};

static void
test_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      g_autofree char *name = g_strconcat (c->fixture, ".shp", NULL);
      g_autofree char *path = fixture (name);
      g_autofree char *prefix = g_strconcat (path, ": ", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(MigmapShapeSet) shapes = migmap_shape_set_new_from_file (path, NULL, &error);

      g_test_message ("%s: %s", c->fixture, error ? error->message : "(loaded)");
      g_assert_null (shapes);
      g_assert_error (error, MIGMAP_SHAPE_SET_ERROR, c->code);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      for (guint k = 0; c->parts[k]; k++)
        g_assert_nonnull (strstr (error->message, c->parts[k]));
    }
  /* The one message whose every word the issue gives. */
  {
    g_autofree char *path = fixture ("projected-no-prj.shp");
    g_autofree char *expected = g_strdup_printf ("%s: coordinates look projected (x up to 2.0e7) and there is no .prj; "
                                                 "MigMap needs longitude/latitude or a .prj", path);
    g_autoptr(GError) error = NULL;
    g_autoptr(MigmapShapeSet) shapes = migmap_shape_set_new_from_file (path, NULL, &error);

    g_assert_cmpstr (error->message, ==, expected);
  }
}

/* The message quotes the path; a path in a legacy encoding must not make it
 * invalid UTF-8 (GTK would refuse to show it). */
static void
test_error_non_utf8_path (void)
{
  g_autofree char *dir = fixture ("latin1-\xE9");
  g_autofree char *path = g_build_filename (dir, "nan-coords.shp", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapShapeSet) shapes = NULL;
  const char *exts[] = { "shp", "shx", "dbf" };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (exts); i++)
    {
      g_autofree char *name = g_strconcat ("nan-coords.", exts[i], NULL);
      g_autofree char *from = fixture (name);
      g_autofree char *to = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) source = g_file_new_for_path (from);
      g_autoptr(GFile) target = g_file_new_for_path (to);

      g_assert_true (g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  shapes = migmap_shape_set_new_from_file (path, NULL, &error);
  g_assert_null (shapes);
  g_assert_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_GEOMETRY);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "nan-coords.shp: record 1: corner 2"));
}

/* What a user of migmap-render sees: exit status 1 and one line naming the
 * file, and no image. */
static void
test_cli_errors (void)
{
  const char *render = g_getenv ("MIGMAP_RENDER");
  g_autofree char *out = fixture ("out.png");

  g_assert_nonnull (render);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *name = g_strconcat (error_cases[i].fixture, ".shp", NULL);
      g_autofree char *path = fixture (name);
      const char *argv[] = { render, "--shapes", path, "-o", out, NULL };
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                   NULL, NULL, NULL, &err, &status, &error));
      g_assert_no_error (error);
      g_test_message ("migmap-render --shapes %s: %s", name, err);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      g_assert_nonnull (strstr (err, path));
      g_assert_true (g_str_has_suffix (err, "\n"));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

/* ---- the reproducers of issue 10, where the checkout has them ---- */

static char *
find_reliability_dir (void)
{
  const char *root = g_getenv ("MIGMAP_DATA_DIR");
  g_autofree char *beside = root ? g_build_filename (root, "..", "shared", "reliability", NULL) : NULL;

  if (beside && g_file_test (beside, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&beside);
  if (g_file_test ("/work/shared/reliability", G_FILE_TEST_IS_DIR))
    return g_strdup ("/work/shared/reliability");
  return NULL;
}

/* What each reproducer must now give: an error containing this text, or a
 * load (NULL). */
static const struct {
  const char *prefix;
  const char *error;
} reproducer_outcomes[] = {
  { "D1-", "coordinates look projected" },
  { "D2-", "record 0: corner " },
  { "D3-index-blowup-fuzzed", "record 0: corner " },
  { "D3-", "too complex to index" },
  { "D5-", NULL },
  { "D7-", "is damaged" },
};

static void
test_reproducers (void)
{
  g_autofree char *dir_path = find_reliability_dir ();
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_checked = 0;

  if (dir_path == NULL)
    {
      g_test_skip ("no shared/reliability beside the checkout");
      return;
    }
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;
      g_autofree char *prefix = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(MigmapShapeSet) shapes = NULL;
      const char *expected = NULL;
      gboolean known = FALSE;

      if (!g_str_has_suffix (name, ".shp"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      prefix = g_strconcat (path, ": ", NULL);
      shapes = migmap_shape_set_new_from_file (path, NULL, &error);
      g_test_message ("%s: %s", name, error ? error->message : "loaded");
      for (guint i = 0; i < G_N_ELEMENTS (reproducer_outcomes) && !known; i++)
        if (g_str_has_prefix (name, reproducer_outcomes[i].prefix))
          {
            expected = reproducer_outcomes[i].error;
            known = TRUE;
          }

      if (error)
        {
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_assert_true (g_str_has_prefix (error->message, prefix));
        }
      else
        assert_all_text_valid (shapes);
      if (known && expected)
        g_assert_nonnull (error && strstr (error->message, expected) ? error : NULL);
      else if (known)
        g_assert_no_error (error);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 0);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  fixture_dir = g_dir_make_tmp ("migmap-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *script = g_test_build_filename (G_TEST_DIST, "data", "make-hostile-shapes.py", NULL);
    const char * const make[] = { "python3", script, fixture_dir, NULL };
    run_or_fail (make);
  }

  g_test_add_func ("/hostile-shapes/projected/web-mercator", test_projected_web_mercator);
  g_test_add_func ("/hostile-shapes/projected/laea-europe", test_projected_laea_europe);
  g_test_add_func ("/hostile-shapes/names/latin1", test_names_latin1);
  g_test_add_func ("/hostile-shapes/names/language-driver", test_names_language_driver);
  g_test_add_func ("/hostile-shapes/names/cpg", test_names_cpg);
  g_test_add_func ("/hostile-shapes/errors", test_errors);
  g_test_add_func ("/hostile-shapes/error-non-utf8-path", test_error_non_utf8_path);
  g_test_add_func ("/hostile-shapes/cli-errors", test_cli_errors);
  g_test_add_func ("/hostile-shapes/reproducers", test_reproducers);

  status = g_test_run ();

  {
    const char * const rm[] = { "rm", "-rf", fixture_dir, NULL };
    run_or_fail (rm);
  }
  g_free (fixture_dir);
  return status;
}
