/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-render.c: what migmap-render draws, read back pixel by pixel */
#include <cairo.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <sys/resource.h>

#include "migmap-data-files.h"
#include "migmap-renderer.h"
#include "migmap-style.h"
#include "migmap-viewport.h"

#define MALTA_COLOUR 0xd62728
#define SEA_COLOUR 0xb8d4e6

static char *
tmp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("migmap-render-XXXXXX", NULL);
  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/* Runs the installed-or-built migmap-render; returns its exit status. */
static int
run_render (const char * const *args, char **stderr_text)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MIGMAP_RENDER"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_nonnull (g_getenv ("MIGMAP_RENDER"));
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, stderr_text, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static guint32
pixel_rgb (cairo_surface_t *surface, double x, double y)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  const guint32 *row = (const guint32 *) (data + (int) floor (y) * stride);

  return row[(int) floor (x)] & 0xffffff;
}

/* The same view the CLI computes for --view mediterranean --size 1920x1080. */
static MigmapViewport *
mediterranean_viewport (void)
{
  MigmapViewport *viewport = migmap_viewport_new ();
  MigmapGeoBounds bounds;
  MigmapProjection projection;

  g_assert_true (migmap_view_preset_lookup ("mediterranean", &bounds, &projection));
  migmap_viewport_set_size (viewport, 1920, 1080);
  migmap_viewport_set_projection (viewport, projection);
  migmap_viewport_fit_bounds (viewport, &bounds);
  return viewport;
}

static void
test_png_highlight_at_malta (void)
{
  g_autofree char *out = tmp_path ("med.png");
  g_autofree char *err = NULL;
  g_autofree char *shapes_path = migmap_find_data_file ("shapes/ne_50m_admin0.shp");
  g_autoptr(MigmapShapeSet) shapes = migmap_shape_set_new_from_file (shapes_path, NULL, NULL);
  g_autoptr(MigmapViewport) viewport = mediterranean_viewport ();
  const char *args[] = { "--view", "mediterranean", "--size", "1920x1080",
                         "--highlight", "MLT=#d62728", "-o", out, NULL };
  const MigmapFeature *malta;
  cairo_surface_t *png;
  double sx, sy;

  g_assert_cmpint (run_render (args, &err), ==, 0);
  png = cairo_image_surface_create_from_png (out);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 1080);

  malta = migmap_shape_set_lookup (shapes, "MLT");
  g_assert_nonnull (malta);
  g_assert_true (migmap_viewport_geo_to_screen (viewport, malta->label_lon, malta->label_lat, &sx, &sy));
  g_assert_cmphex (pixel_rgb (png, sx, sy), ==, MALTA_COLOUR);

  /* Open sea between Sicily and Libya, and the Sicilian interior, which is land. */
  g_assert_true (migmap_viewport_geo_to_screen (viewport, 17.0, 34.5, &sx, &sy));
  g_assert_cmphex (pixel_rgb (png, sx, sy), ==, SEA_COLOUR);
  g_assert_true (migmap_viewport_geo_to_screen (viewport, 14.2, 37.5, &sx, &sy));
  g_assert_cmphex (pixel_rgb (png, sx, sy), !=, SEA_COLOUR);
  g_assert_cmphex (pixel_rgb (png, sx, sy), !=, MALTA_COLOUR);

  cairo_surface_destroy (png);
}

/* A country in two visible layers shows both colours, not just the last. */
static void
test_overlapping_layers_show_both (void)
{
  g_autofree char *shapes_path = migmap_find_data_file ("shapes/ne_50m_admin0.shp");
  g_autoptr(MigmapShapeSet) shapes = migmap_shape_set_new_from_file (shapes_path, NULL, NULL);
  g_autoptr(MigmapRenderer) renderer = migmap_renderer_new (shapes);
  g_autoptr(MigmapViewport) viewport = mediterranean_viewport ();
  const char *first[] = { "TUN", "DZA", NULL }, *second[] = { "TUN", "LBY", NULL };
  MigmapColor blue, green;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
  cairo_t *cr = cairo_create (surface);
  guint n_blue = 0, n_green = 0;
  double sx, sy;

  migmap_color_parse ("#1c71d8", &blue);
  migmap_color_parse ("#2ec27e", &green);
  migmap_renderer_add_layer (renderer, "first", &blue, first);
  migmap_renderer_add_layer (renderer, "second", &green, second);
  migmap_renderer_set_show_labels (renderer, FALSE);
  migmap_renderer_render (renderer, viewport, cr);
  cairo_surface_flush (surface);

  /* Sample a 40x40 pixel square in southern Tunisia. */
  g_assert_true (migmap_viewport_geo_to_screen (viewport, 9.0, 33.0, &sx, &sy));
  for (int dy = -20; dy < 20; dy++)
    for (int dx = -20; dx < 20; dx++)
      {
        guint32 rgb = pixel_rgb (surface, sx + dx, sy + dy);
        n_blue += rgb == 0x1c71d8;
        n_green += rgb == 0x2ec27e;
      }
  g_test_message ("Tunisia: %u blue, %u green pixels of 1600", n_blue, n_green);
  g_assert_cmpuint (n_blue, >, 400);
  g_assert_cmpuint (n_green, >, 400);

  /* Algeria, in the first layer only, is plain blue; turning it off clears it. */
  g_assert_true (migmap_viewport_geo_to_screen (viewport, 3.0, 30.0, &sx, &sy));
  g_assert_cmphex (pixel_rgb (surface, sx, sy), ==, 0x1c71d8);
  migmap_renderer_set_layer_visible (renderer, "first", FALSE);
  migmap_renderer_render (renderer, viewport, cr);
  cairo_surface_flush (surface);
  g_assert_cmphex (pixel_rgb (surface, sx, sy), ==, 0xf2efe6);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

#define LAND_COLOUR 0xf2efe6

/* The colour the catalogue's style gives EMM5's countries. */
static guint32
emm5_colour (void)
{
  g_autofree char *path = migmap_find_data_file ("data/catalogue.json");
  g_autoptr(MigmapCatalogue) catalogue = migmap_catalogue_new_from_file (path, NULL);
  g_autoptr(GListModel) layers = migmap_style_build_layers (catalogue);

  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, i);
      const MigmapColor *c = migmap_map_layer_get_color (layer);

      if (g_str_equal (migmap_map_layer_get_id (layer), "emm5-countries"))
        return ((guint32) lround (c->red * 255) << 16) | ((guint32) lround (c->green * 255) << 8) |
               (guint32) lround (c->blue * 255);
    }
  g_assert_not_reached ();
}
#define EMM5_COLOUR (emm5_colour ())
#define DATED_WIDTH 960
#define DATED_HEIGHT 540
#define DATED_SIZE "960x540"

/* Jordan's pixel, at its label point, in a map of EMM5's countries. */
static guint32
jordan_pixel (const char *png_path)
{
  g_autofree char *shapes_path = migmap_find_data_file ("shapes/ne_50m_admin0.shp");
  g_autoptr(MigmapShapeSet) shapes = migmap_shape_set_new_from_file (shapes_path, NULL, NULL);
  g_autoptr(MigmapViewport) viewport = mediterranean_viewport ();
  const MigmapFeature *jordan = migmap_shape_set_lookup (shapes, "JOR");
  cairo_surface_t *png = cairo_image_surface_create_from_png (png_path);
  MigmapGeoBounds bounds;
  double sx, sy;
  guint32 pixel;

  /* The dated maps are drawn at half size, to keep the sanitizer runs short. */
  g_assert_true (migmap_view_preset_lookup ("mediterranean", &bounds, NULL));
  migmap_viewport_set_size (viewport, DATED_WIDTH, DATED_HEIGHT);
  migmap_viewport_fit_bounds (viewport, &bounds);

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, DATED_WIDTH);
  g_assert_nonnull (jordan);
  g_assert_true (migmap_viewport_geo_to_screen (viewport, jordan->label_lon, jordan->label_lat, &sx, &sy));
  g_assert_cmpfloat (sx, <, DATED_WIDTH);
  pixel = pixel_rgb (png, sx, sy);
  cairo_surface_destroy (png);
  return pixel;
}

/* --date draws the layers as they stood then: EMM5 ran from October 2020
 * (003 line 194), so Jordan is land in June 2019 and EMM5's in June 2021. */
static void
test_date_filters_layers (void)
{
  g_autofree char *before = tmp_path ("2019.png");
  g_autofree char *during = tmp_path ("2021.png");
  g_autofree char *err_before = NULL;
  g_autofree char *err_during = NULL;
  const char *args_before[] = { "--layers", "emm5-countries", "--no-labels", "--size", DATED_SIZE, "--date", "2019-06", "-o", before, NULL };
  const char *args_during[] = { "--layers", "emm5-countries", "--no-labels", "--size", DATED_SIZE, "--date", "2021-06", "-o", during, NULL };

  g_assert_cmpint (run_render (args_before, &err_before), ==, 0);
  g_assert_cmpint (run_render (args_during, &err_during), ==, 0);
  g_assert_cmphex (jordan_pixel (before), ==, LAND_COLOUR);
  g_assert_cmphex (jordan_pixel (during), ==, EMM5_COLOUR);
}

/* --series with PNG: one file per year, named after it; a year-only date
 * covers the whole year, so 2020 has EMM5 (from October) and 2019 not. */
static void
test_series_png (void)
{
  g_autofree char *out = tmp_path ("emm5.png");
  g_autofree char *dir = g_path_get_dirname (out);
  g_autofree char *y2019 = g_build_filename (dir, "emm5-2019.png", NULL);
  g_autofree char *y2020 = g_build_filename (dir, "emm5-2020.png", NULL);
  g_autofree char *err = NULL;
  const char *args[] = { "--layers", "emm5-countries", "--no-labels", "--size", DATED_SIZE, "--series", "2019:2020",
                         "-o", out, NULL };

  g_assert_cmpint (run_render (args, &err), ==, 0);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmphex (jordan_pixel (y2019), ==, LAND_COLOUR);
  g_assert_cmphex (jordan_pixel (y2020), ==, EMM5_COLOUR);
}

static void
check_vector_output (const char *format, const char *magic)
{
  g_autofree char *name = g_strdup_printf ("africa.%s", format);
  g_autofree char *out = tmp_path (name);
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  gsize length;
  const char *args[] = { "--view", "africa", "--highlight", "ETH,CPV=#1c71d8", "-o", out, NULL };

  g_assert_cmpint (run_render (args, &err), ==, 0);
  g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, magic));
  g_assert_cmpuint (length, >, 10000);
}

static void
test_svg (void)
{
  check_vector_output ("svg", "<?xml");
}

static void
test_pdf (void)
{
  check_vector_output ("pdf", "%PDF-");
}

/* Bad arguments: one clear line and a non-zero exit, and no file. */
static void
test_bad_arguments (void)
{
  g_autofree char *out = tmp_path ("bad.png");
  struct {
    const char *args[8];
    int status;
    const char *message;
  } cases[] = {
    { { "--highlight", "XYZ=#ff0000", "-o", out, NULL }, 2, "--highlight: unknown country code \"XYZ\"" },
    { { "--highlight", "MLT=red", "-o", out, NULL }, 2, "--highlight: \"red\" is not a colour" },
    { { "--view", "atlantis", "-o", out, NULL }, 2, "--view: \"atlantis\" is neither" },
    { { "--view", "10,50,5,40", "-o", out, NULL }, 2, "is not a box" },
    { { "--size", "big", "-o", out, NULL }, 2, "--size: \"big\" is not WIDTHxHEIGHT" },
    { { "-o", "/tmp/map.tiff", NULL }, 2, "cannot tell the format" },
    { { "--shapes", "/nonexistent/x.shp", "-o", out, NULL }, 1, "/nonexistent/x.shp: No such file or directory" },
    { { "-o", "/nonexistent-dir/map.png", NULL }, 1, "/nonexistent-dir/map.png: " },
    { { "--date", "26 November 2026", "-o", out, NULL }, 2,
      "--date: \"26 November 2026\" is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD" },
    { { "--date", "2019-13", "-o", out, NULL }, 2, "--date: \"2019-13\" is not a date" },
    { { "--series", "2018-2023", "-o", out, NULL }, 2, "--series: \"2018-2023\" is not FROM:TO in years" },
    { { "--series", "2023:2018", "-o", out, NULL }, 2, "--series: 2023:2018 ends before it starts" },
    { { "--series", "1000:9999", "-o", out, NULL }, 2, "--series: 1000:9999 spans 9000 years; at most 100" },
    { { "--series", "2018:2023", "--date", "2019", "-o", out, NULL }, 2, "--date and --series: give one" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      int status = run_render (cases[i].args, &err);

      g_test_message ("case %u: %s", i, err);
      g_assert_cmpint (status, ==, cases[i].status);
      g_assert_true (g_str_has_prefix (err, "migmap-render: "));
      g_assert_nonnull (strstr (err, cases[i].message));
      /* One line. */
      g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { 100000, 100000 };

  /* Writing past the limit then fails with EFBIG instead of killing. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* An export that fails half way through writing (here: at a 100 KB file size
 * limit, as on a full disk) says why, and leaves the file that was there
 * intact, or no file at all: never a torn one, nor a temporary file. */
static void
test_failed_export_leaves_no_torn_file (void)
{
  g_autofree char *fresh = tmp_path ("new.png");
  g_autofree char *dir = g_path_get_dirname (fresh);
  g_autofree char *old = g_build_filename (dir, "old.png", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *targets[] = { fresh, old };

  g_assert_true (g_file_set_contents (old, "precious", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      const char *argv[] = { g_getenv ("MIGMAP_RENDER"), "--view", "world", "-o", targets[i], NULL };
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, limit_file_size, NULL, NULL, &err, &status, &error);
      g_assert_no_error (error);
      g_test_message ("%s", err);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      g_assert_true (g_str_has_prefix (err, "migmap-render: "));
      g_assert_nonnull (strstr (err, targets[i]));
      g_assert_nonnull (strstr (err, g_strerror (EFBIG)));
    }

  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (old, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "precious");
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "old.png");
  g_assert_null (g_dir_read_name (listing));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/png-highlight-at-malta", test_png_highlight_at_malta);
  g_test_add_func ("/render/overlapping-layers", test_overlapping_layers_show_both);
  g_test_add_func ("/render/svg", test_svg);
  g_test_add_func ("/render/pdf", test_pdf);
  g_test_add_func ("/render/bad-arguments", test_bad_arguments);
  g_test_add_func ("/render/date-filters-layers", test_date_filters_layers);
  g_test_add_func ("/render/series-png", test_series_png);
  g_test_add_func ("/render/failed-export-leaves-no-torn-file", test_failed_export_leaves_no_torn_file);

  return g_test_run ();
}
