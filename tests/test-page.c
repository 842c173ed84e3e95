/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-page.c: the printed and exported page, read back as a person (or
 * pdftotext) would */
#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <sys/resource.h>

#include "migmap-data-files.h"
#include "migmap-page-layout.h"
#include "migmap-snapshot.h"
#include "migmap-style.h"

#define DISCLAIMER "Boundaries, names and the designations used on this map do not imply official endorsement or acceptance."

static char *
tmp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("migmap-page-XXXXXX", NULL);
  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static int
run (const char * const *argv, char **out, char **err)
{
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static int
render (const char * const *args, char **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("MIGMAP_RENDER"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return run ((const char * const *) argv->pdata, NULL, err);
}

static GListModel *
style_layers (void)
{
  g_autofree char *path = migmap_find_data_file ("data/catalogue.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapCatalogue) catalogue = migmap_catalogue_new_from_file (path, &error);

  g_assert_no_error (error);
  return migmap_style_build_layers (catalogue);
}

/* Transfer none: @layers keeps it. */
static MigmapMapLayer *
find_style (GListModel *layers, const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, i);
      if (g_str_equal (migmap_map_layer_get_id (layer), id))
        return layer;
    }
  g_assert_not_reached ();
}

/* Text in the PDF, as pdftotext extracts it, with line breaks as spaces. */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (argv, &out, &err), ==, 0);
  return g_strdelimit (g_strdup (out), "\n", ' ');
}

static gboolean
contains_words (const char *haystack, const char *needle)
{
  /* pdftotext may break a long line anywhere between words: find the
   * words in order. */
  g_auto(GStrv) words = g_strsplit (needle, " ", -1);
  const char *from = haystack;

  for (guint i = 0; words[i]; i++)
    {
      const char *found = strstr (from, words[i]);
      if (found == NULL)
        return FALSE;
      from = found + strlen (words[i]);
    }
  return TRUE;
}

static void
test_pdf_text (void)
{
  g_autofree char *pdf = tmp_path ("med.pdf");
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GListModel) layers = style_layers ();
  const char *args[] = { "--layout", "page", "--view", "mediterranean",
                         "--layers", "mtm-partner-states-2012,emm5-countries,places",
                         "--title", "MTM Dialogue partner states, 2012", "-o", pdf, NULL };
  const char *ids[] = { "mtm-partner-states-2012", "emm5-countries", "places" };

  g_assert_cmpint (render (args, &err), ==, 0);
  text = pdf_text (pdf);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (g_strchug (text), "MTM Dialogue partner states, 2012"));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (contains_words (text, migmap_map_layer_get_title (find_style (layers, ids[i]))));
  g_assert_true (contains_words (text, DISCLAIMER));
  g_assert_true (contains_words (text, "Data: ICMPD documents; shapes: Natural Earth"));
  /* The scale bar and the projects table. */
  g_assert_true (contains_words (text, "km"));
  g_assert_true (contains_words (text, "EUROMED Migration V"));
  /* A layer that is off is not in the legend. */
  g_assert_false (contains_words (text, migmap_map_layer_get_title (find_style (layers, "bmp-maghreb-countries"))));
}

static void
test_pdf_page_size (void)
{
  g_autofree char *pdf = tmp_path ("a3.pdf");
  g_autofree char *err = NULL;
  g_autofree char *info = NULL;
  const char *args[] = { "--layout", "page", "--paper", "a3", "--orientation", "portrait", "-o", pdf, NULL };
  const char *argv[] = { "pdfinfo", pdf, NULL };

  g_assert_cmpint (render (args, &err), ==, 0);
  g_assert_cmpint (run (argv, &info, NULL), ==, 0);
  /* cairo writes whole points in the media box: A3 portrait is 841.9 x 1190.6. */
  g_assert_true (g_regex_match_simple ("Page size: +841(\\.\\d+)? x 1190(\\.\\d+)? pts \\(A3\\)", info, 0, 0));
}

/* A4 at 300 DPI is 2480 x 3508 pixels, and Malta has its layer's colour. */
static void
test_png_300_dpi (void)
{
  g_autofree char *png = tmp_path ("a4.png");
  g_autofree char *err = NULL;
  g_autofree char *shapes_path = migmap_find_data_file ("shapes/ne_50m_admin0.shp");
  g_autoptr(MigmapShapeSet) shapes = migmap_shape_set_new_from_file (shapes_path, NULL, NULL);
  g_autoptr(GListModel) layers = style_layers ();
  MigmapMapLayer *mtm = find_style (layers, "mtm-partner-states-2012");
  const MigmapColor *mtm_color = migmap_map_layer_get_color (mtm);
  const char *args[] = { "--layout", "page", "--view", "mediterranean", "--orientation", "portrait",
                         "--layers", "mtm-partner-states-2012", "--dpi", "300", "--date", "2012",
                         "-o", png, NULL };
  cairo_surface_t *image;

  g_assert_true (migmap_map_layer_has_code (mtm, "MLT"));
  g_assert_cmpint (render (args, &err), ==, 0);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 2480);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 3508);

  /* Lay out the same page here, from the same kind of map state as
   * migmap-render builds, to learn where Malta landed on it. */
  {
    g_autofree char *catalogue_path = migmap_find_data_file ("data/catalogue.json");
    g_autoptr(MigmapCatalogue) catalogue = migmap_catalogue_new_from_file (catalogue_path, NULL);
    g_autoptr(MigmapMapState) state = migmap_map_state_new (catalogue, shapes, NULL);
    g_autoptr(MigmapSnapshot) snapshot = NULL;
    MigmapViewport *view = migmap_map_state_get_viewport (state);
    MigmapPageLayout *page;
    cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
    cairo_t *cr = cairo_create (scratch);
    const char *visible[] = { "mtm-partner-states-2012", NULL };
    MigmapDate y2012 = MIGMAP_DATE_INIT;
    const MigmapFeature *malta = migmap_shape_set_lookup (shapes, "MLT");
    MigmapGeoBounds bounds;
    MigmapProjection projection;
    double width, height, mx, my, sx, sy;
    const guint8 *data = cairo_image_surface_get_data (image);
    guint32 pixel;

    g_assert_true (migmap_date_parse ("2012", &y2012));
    migmap_paper_size_lookup ("a4", FALSE, &width, &height);
    migmap_view_preset_lookup ("mediterranean", &bounds, &projection);
    migmap_viewport_set_size (view, width, height * 0.78);
    migmap_viewport_set_projection (view, projection);
    migmap_viewport_fit_bounds (view, &bounds);
    migmap_map_state_set_visible_layers (state, visible);
    migmap_map_state_set_date (state, &y2012);
    snapshot = migmap_snapshot_new (state);
    migmap_snapshot_draw (snapshot, cr, width, height);
    page = migmap_snapshot_get_page_layout (snapshot);
    migmap_page_layout_get_map_area (page, &mx, &my, NULL, NULL);
    g_assert_true (migmap_viewport_geo_to_screen (migmap_page_layout_get_map_viewport (page),
                                                  malta->label_lon, malta->label_lat, &sx, &sy));
    sx = (mx + sx) * 300.0 / 72.0;
    sy = (my + sy) * 300.0 / 72.0;
    pixel = ((const guint32 *) (data + (int) sy * cairo_image_surface_get_stride (image)))[(int) sx] & 0xffffff;
    g_test_message ("Malta at (%.0f, %.0f): %06x", sx, sy, pixel);
    g_assert_cmphex (pixel, ==, ((guint) lround (mtm_color->red * 255) << 16) |
                                ((guint) lround (mtm_color->green * 255) << 8) | (guint) lround (mtm_color->blue * 255));
    cairo_destroy (cr);
    cairo_surface_destroy (scratch);
  }
  cairo_surface_destroy (image);
}

/* --series: one page per year in one PDF, each saying which year it shows. */
static void
test_series_pdf (void)
{
  g_autofree char *pdf = tmp_path ("series.pdf");
  g_autofree char *err = NULL;
  g_autofree char *info = NULL;
  const char *args[] = { "--series", "2018:2023", "--layout", "page", "--layers", "emm5-countries", "-o", pdf, NULL };
  const char *pdfinfo[] = { "pdfinfo", pdf, NULL };

  g_assert_cmpint (render (args, &err), ==, 0);
  g_assert_cmpint (run (pdfinfo, &info, NULL), ==, 0);
  g_assert_true (g_regex_match_simple ("^Pages: +6$", info, G_REGEX_MULTILINE, 0));
  for (guint page = 1; page <= 6; page++)
    {
      g_autofree char *first = g_strdup_printf ("%u", page);
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, pdf, "-", NULL };
      g_autofree char *text = NULL;
      g_autofree char *as_of = g_strdup_printf ("as of %u", 2017 + page);
      g_autofree char *other = g_strdup_printf ("as of %u", page == 1 ? 2019 : 2017);

      g_assert_cmpint (run (argv, &text, NULL), ==, 0);
      g_test_message ("page %u: %s", page, as_of);
      g_assert_nonnull (strstr (text, as_of));
      g_assert_null (strstr (text, other));
      g_assert_nonnull (strstr (text, "Countries of EMM5"));
    }
}

/* The page of a map at a date says "as of" it, in the page's language. */
static void
test_date_line (void)
{
  g_autofree char *pdf = tmp_path ("dated.pdf");
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  const char *args[] = { "--layout", "page", "--layers", "emm5-countries", "--date", "2021-06", "-o", pdf, NULL };

  g_assert_cmpint (render (args, &err), ==, 0);
  text = pdf_text (pdf);
  g_assert_true (contains_words (text, "as of June 2021"));
}

static void
svg_start_element (GMarkupParseContext *context, const char *name, const char **attribute_names,
                   const char **attribute_values, gpointer user_data, GError **error)
{
  if (g_str_equal (name, "text"))
    (*(guint *) user_data)++;
}

static void
test_svg (void)
{
  g_autofree char *svg = tmp_path ("med.svg");
  g_autofree char *png = tmp_path ("svg.png");
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  const char *args[] = { "--layout", "page", "--layers", "mtm-partner-states-2012", "-o", svg, NULL };
  const char *convert[] = { "rsvg-convert", svg, "-o", png, NULL };
  GMarkupParser parser = { svg_start_element, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  guint texts = 0;

  g_assert_cmpint (render (args, &err), ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  /* Well-formed XML with real <text> elements. */
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &texts, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (texts, >, 10);
  g_assert_nonnull (strstr (contents, ">MTM Dialogue partner states, 2012</text>"));
  g_assert_nonnull (strstr (contents, ">Data: ICMPD documents; shapes: Natural Earth"));
  /* And an SVG renderer reads it. */
  g_assert_cmpint (run (convert, NULL, NULL), ==, 0);
}

/* An unwritable place: one line naming the file, exit status 1. */
static void
test_unwritable_directory (void)
{
  g_autofree char *err = NULL;
  const char *args[] = { "--layout", "page", "-o", "/proc/migmap-map.pdf", NULL };

  g_assert_cmpint (render (args, &err), ==, 1);
  g_test_message ("%s", err);
  g_assert_true (g_str_has_prefix (err, "migmap-render: /proc/migmap-map.pdf: "));
  g_assert_false (g_file_test ("/proc/migmap-map.pdf", G_FILE_TEST_EXISTS));
}

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { 4096, 4096 };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* A write that fails half way (here: a 4 KiB file size limit) leaves the
 * file that was there as it was, and no temporary file behind. */
static void
test_failed_write_keeps_file (void)
{
  g_autofree char *pdf = tmp_path ("kept.pdf");
  g_autofree char *dir = g_path_get_dirname (pdf);
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { g_getenv ("MIGMAP_RENDER"), "--layout", "page", "-o", pdf, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  int status;

  g_assert_true (g_file_set_contents (pdf, "the previous export", -1, NULL));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, limit_file_size, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (err, "migmap-render: "));
  g_assert_true (g_file_get_contents (pdf, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "the previous export");

  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "kept.pdf");
  g_assert_null (g_dir_read_name (listing));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/page/pdf-text", test_pdf_text);
  g_test_add_func ("/page/pdf-page-size", test_pdf_page_size);
  g_test_add_func ("/page/png-300-dpi", test_png_300_dpi);
  g_test_add_func ("/page/svg", test_svg);
  g_test_add_func ("/page/series-pdf", test_series_pdf);
  g_test_add_func ("/page/date-line", test_date_line);
  g_test_add_func ("/page/unwritable-directory", test_unwritable_directory);
  g_test_add_func ("/page/failed-write-keeps-file", test_failed_write_keeps_file);

  return g_test_run ();
}
