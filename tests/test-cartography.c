/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cartography.c: what a secretariat needs of a map it hands out: every
 * partner state and place named, disputed areas as the UN and the EU draw
 * them, the EU's footnotes, and layer colours a reader can tell apart */
#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>

#include "migmap-data-files.h"
#include "migmap-shape-set.h"
#include "migmap-style.h"

static char *
tmp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("migmap-carto-XXXXXX", NULL);
  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static int
run (const char * const *argv, char **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, &err, &status, &error);
  g_assert_no_error (error);
  if (err && *err)
    g_test_message ("%s", err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
render (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("MIGMAP_RENDER"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_cmpint (run ((const char * const *) argv->pdata, NULL), ==, 0);
}

/* Text in the PDF, as pdftotext extracts it, line breaks as spaces. */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (run (argv, &out), ==, 0);
  return g_strdelimit (g_strdup (out), "\n", ' ');
}

static MigmapCatalogue *
load_catalogue (void)
{
  g_autofree char *path = migmap_find_data_file ("data/catalogue.json");
  g_autoptr(GError) error = NULL;
  MigmapCatalogue *catalogue = migmap_catalogue_new_from_file (path, &error);

  g_assert_no_error (error);
  return catalogue;
}

static MigmapMapLayer *
find_layer (GListModel *layers, const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, i);
      if (g_str_equal (migmap_map_layer_get_id (layer), id))
        return layer;
    }
  g_assert_not_reached ();
}

/* The Mediterranean page: every partner state whose land the page shows
 * around its label point, and every place in view, is named (a place with
 * no room is numbered on the map and named in the key). */
static void
test_mediterranean_names (void)
{
  const double west = -10, south = 28, east = 38, north = 48;
  g_autofree char *pdf = tmp_path ("med.pdf");
  g_autofree char *text = NULL;
  g_autofree char *shapes_path = migmap_find_data_file ("shapes/ne_50m_admin0.shp");
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapShapeSet) shapes = migmap_shape_set_new_from_file (shapes_path, NULL, &error);
  g_autoptr(MigmapCatalogue) catalogue = load_catalogue ();
  g_autoptr(GListModel) layers = migmap_style_build_layers (catalogue);
  MigmapMapLayer *partners = find_layer (layers, "mtm-partner-states-2012");
  MigmapMapLayer *places = find_layer (layers, MIGMAP_STYLE_MARKERS_LAYER_ID);
  MigmapCountryCodes *codes = migmap_catalogue_get_country_codes (catalogue);
  const char * const *members = migmap_map_layer_get_codes (partners);
  const char *args[] = { "--layout", "page", "--view", "-10,28,38,48", "--language", "en",
                         "--layers", "mtm-partner-states-2012,places", "-o", pdf, NULL };
  guint n_states = 0, n_places = 0;

  g_assert_no_error (error);
  render (args);
  text = pdf_text (pdf);
  g_test_message ("%s", text);

  for (guint i = 0; members[i]; i++)
    {
      const MigmapFeature *feature = migmap_shape_set_lookup (shapes, members[i]);
      const char *name = migmap_country_codes_get_translated_name (codes, members[i]);

      g_assert_nonnull (feature);
      if (feature->label_lon < west || feature->label_lon > east ||
          feature->label_lat < south || feature->label_lat > north)
        continue;
      if (strstr (text, name) == NULL)
        g_test_message ("partner state %s (%s) is not named", name, members[i]);
      g_assert_nonnull (strstr (text, name));
      n_states++;
    }
  /* Malta and Lebanon (leader lines), Algeria, Libya and Egypt (labelled
   * inside the part in view) among them. */
  g_assert_cmpuint (n_states, >=, 15);
  for (const char *small[] = { "Malta", "Lebanon", "Algeria", "Libya", "Egypt", NULL }, **s = small; *s; s++)
    g_assert_nonnull (strstr (text, *s));

  for (guint m = 0; m < migmap_map_layer_get_n_members (places); m++)
    {
      const MigmapMapMarker *marker = migmap_map_layer_get_marker (places, m);

      if (marker->lon < west || marker->lon > east || marker->lat < south || marker->lat > north)
        continue;
      if (strstr (text, marker->label) == NULL)
        g_test_message ("place %s (%s) is not named", marker->label, marker->id);
      g_assert_nonnull (strstr (text, marker->label));
      n_places++;
    }
  /* Casablanca, Grenoble, Damascus and Tunis among them. */
  g_assert_cmpuint (n_places, >=, 20);
  for (const char *city[] = { "Casablanca", "Grenoble", "Damascus", "Tunis", NULL }, **c = city; *c; c++)
    g_assert_nonnull (strstr (text, *c));
  /* A long name in its short form; the kinds of place in the legend. */
  g_assert_nonnull (strstr (text, "RO MED"));
  g_assert_null (strstr (text, "Regional Office for the Mediterranean"));
  g_assert_nonnull (strstr (text, "Training centre"));
  g_assert_nonnull (strstr (text, "Location known only to the country or region"));
  g_assert_nonnull (strstr (text, "projection"));
}

/* Pixel (@lon, @lat) of an equirectangular map of @view drawn at @size x
 * @size (the view is square, so it fills the image exactly). */
static void
pixel_at (cairo_surface_t *image, const double view[4], int size, double lon, double lat, guint8 rgb[3])
{
  int x = (int) ((lon - view[0]) / (view[2] - view[0]) * size);
  int y = (int) ((view[3] - lat) / (view[3] - view[1]) * size);
  const guint8 *row = cairo_image_surface_get_data (image) + y * cairo_image_surface_get_stride (image);
  guint32 argb = ((const guint32 *) row)[x];

  rgb[0] = (argb >> 16) & 0xff;
  rgb[1] = (argb >> 8) & 0xff;
  rgb[2] = argb & 0xff;
}

static gboolean
is_highlight (const guint8 rgb[3])
{
  /* --highlight ...=#ff00ff: magenta, a colour no land or sea has. */
  return rgb[0] > 200 && rgb[1] < 60 && rgb[2] > 200;
}

static cairo_surface_t *
render_highlight (const char *code, const double view[4], int size)
{
  g_autofree char *png = tmp_path ("map.png");
  g_autofree char *highlight = g_strdup_printf ("%s=#ff00ff", code);
  g_autofree char *view_arg = g_strdup_printf ("%g,%g,%g,%g", view[0], view[1], view[2], view[3]);
  g_autofree char *size_arg = g_strdup_printf ("%dx%d", size, size);
  const char *args[] = { "--view", view_arg, "--projection", "equirectangular", "--size", size_arg,
                         "--no-labels", "--highlight", highlight, "-o", png, NULL };
  cairo_surface_t *image;

  render (args);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, size);
  return image;
}

static void
check_point (const char *code, const double view[4], double lon, double lat, gboolean coloured,
             double own_lon, double own_lat)
{
  cairo_surface_t *image = render_highlight (code, view, 600);
  guint8 rgb[3];

  /* The country itself is coloured, so the test sees the highlight at all. */
  pixel_at (image, view, 600, own_lon, own_lat, rgb);
  g_assert_true (is_highlight (rgb));
  pixel_at (image, view, 600, lon, lat, rgb);
  g_test_message ("%s at %g,%g: #%02x%02x%02x", code, lon, lat, rgb[0], rgb[1], rgb[2]);
  g_assert_true (is_highlight (rgb) == coloured);
  cairo_surface_destroy (image);
}

static void
test_crimea_with_ukraine (void)
{
  const double view[4] = { 28, 40, 40, 52 };

  /* Simferopol's steppe, in Crimea; Kyiv's region is Ukraine's own. */
  check_point ("UKR", view, 34.1, 45.2, TRUE, 31.0, 50.0);
  check_point ("RUS", view, 34.1, 45.2, FALSE, 39.0, 51.0);
}

static void
test_western_sahara_apart (void)
{
  const double view[4] = { -18, 20, -2, 36 };

  /* Inside Western Sahara west of the berm (Natural Earth drew it as
   * Morocco), and deep inside Morocco proper. */
  check_point ("MAR", view, -15.0, 24.5, FALSE, -6.0, 32.0);
  check_point ("ESH", view, -15.0, 24.5, TRUE, -10.0, 26.8);
}

static void
test_golan_with_syria (void)
{
  const double view[4] = { 34.0, 30.5, 37.5, 34.0 };

  check_point ("SYR", view, 35.75, 33.0, TRUE, 36.8, 33.8);
  check_point ("ISR", view, 35.75, 33.0, FALSE, 34.8, 31.0);
}

/* A border pixel: darker than land, sea and the highlight in every channel
 * (grey between plain countries, a dark shade of a layer's colour along it). */
static gboolean
is_border (const guint8 rgb[3])
{
  return MAX (rgb[0], MAX (rgb[1], rgb[2])) < 200;
}

/* Walks the map from (@lon0, @lat0) to (@lon1, @lat1) one pixel at a time;
 * at each step a border crossing it within three pixels either side counts
 * as border.  Returns how often border and no border alternate, and in
 * @share the part of the steps that were border. */
static int
border_changes (cairo_surface_t *image, const double view[4], int size,
                double lon0, double lat0, double lon1, double lat1, double *share)
{
  double step_lon = (view[2] - view[0]) / size, step_lat = (view[3] - view[1]) / size;
  gboolean across_lat = fabs (lon1 - lon0) > fabs (lat1 - lat0);
  int steps = (int) (across_lat ? fabs (lon1 - lon0) / step_lon : fabs (lat1 - lat0) / step_lat);
  int changes = 0, border = 0;
  gboolean last = FALSE;

  g_assert_cmpint (steps, >, 20);
  for (int i = 0; i <= steps; i++)
    {
      double lon = lon0 + (lon1 - lon0) * i / steps, lat = lat0 + (lat1 - lat0) * i / steps;
      gboolean here = FALSE;

      for (int d = -3; d <= 3 && !here; d++)
        {
          guint8 rgb[3];

          pixel_at (image, view, size, across_lat ? lon : lon + d * step_lon,
                    across_lat ? lat + d * step_lat : lat, rgb);
          here = is_border (rgb);
        }
      changes += i > 0 && here != last;
      border += here;
      last = here;
    }
  *share = (double) border / (steps + 1);
  return changes;
}

/* Disputed boundaries are dashed, others solid: the Western Sahara-Morocco
 * line at 27.67 N against the Morocco-Algeria line north of it. */
static void
test_disputed_dashed (void)
{
  const double view[4] = { -18, 20, -2, 36 };
  cairo_surface_t *image = render_highlight ("MAR", view, 600);
  double share;
  int changes;

  changes = border_changes (image, view, 600, -12.6, 27.665, -9.2, 27.665, &share);
  g_test_message ("Western Sahara-Morocco: %d changes, %.2f border", changes, share);
  g_assert_cmpint (changes, >=, 10);
  g_assert_cmpfloat (share, >, 0.25);
  g_assert_cmpfloat (share, <, 0.9);

  changes = border_changes (image, view, 600, -8.67, 27.85, -8.67, 28.6, &share);
  g_test_message ("Morocco-Algeria: %d changes, %.2f border", changes, share);
  g_assert_cmpint (changes, ==, 0);
  g_assert_cmpfloat (share, ==, 1.0);
  cairo_surface_destroy (image);
}

/* The EU's footnote on Kosovo on a page of the Balkans, and only where
 * the map shows Kosovo. */
static void
test_kosovo_footnote (void)
{
  g_autofree char *balkans = tmp_path ("balkans.pdf");
  g_autofree char *iberia = tmp_path ("iberia.pdf");
  g_autofree char *text = NULL;
  g_autofree char *other = NULL;
  const char *args[] = { "--layout", "page", "--view", "13,39,29,47", "--language", "en",
                         "--layers", "eu-member-states-2020", "-o", balkans, NULL };
  const char *args2[] = { "--layout", "page", "--view", "-10,35,4,44", "--language", "en",
                          "--layers", "eu-member-states-2020", "-o", iberia, NULL };
  const char *note = "is in line with UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration of independence";

  render (args);
  text = pdf_text (balkans);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, note));
  /* Where the map names Kosovo, the mark ties the note to the name. */
  {
    char *at = strstr (text, note);

    memset (at, ' ', strlen (note));
    if (strstr (text, "Kosovo"))
      g_assert_nonnull (strstr (text, "Kosovo*"));
  }
  g_assert_null (strstr (text, "State of Palestine"));

  render (args2);
  other = pdf_text (iberia);
  g_assert_null (strstr (other, note));
}

/* ---- CIEDE2000 (Sharma, Wu and Dalal 2005), computed here so the test
 * does not trust the code it checks ---- */

static void
srgb_to_linear (const MigmapColor *c, double rgb[3])
{
  const double in[3] = { c->red, c->green, c->blue };

  for (int i = 0; i < 3; i++)
    rgb[i] = in[i] <= 0.04045 ? in[i] / 12.92 : pow ((in[i] + 0.055) / 1.055, 2.4);
}

static double
lab_f (double t)
{
  return t > 216.0 / 24389.0 ? cbrt (t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
}

static void
linear_to_lab (const double rgb[3], double lab[3])
{
  double x = 0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2];
  double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
  double z = 0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2];
  double fx = lab_f (x / 0.95047), fy = lab_f (y), fz = lab_f (z / 1.08883);

  lab[0] = 116 * fy - 16;
  lab[1] = 500 * (fx - fy);
  lab[2] = 200 * (fy - fz);
}

#define RAD(d) ((d) * G_PI / 180.0)

static double
ciede2000 (const double l1[3], const double l2[3])
{
  double c1 = hypot (l1[1], l1[2]), c2 = hypot (l2[1], l2[2]), cb = (c1 + c2) / 2;
  double g = 0.5 * (1 - sqrt (pow (cb, 7) / (pow (cb, 7) + pow (25, 7))));
  double a1 = (1 + g) * l1[1], a2 = (1 + g) * l2[1];
  double c1p = hypot (a1, l1[2]), c2p = hypot (a2, l2[2]);
  double h1 = c1p == 0 ? 0 : fmod (atan2 (l1[2], a1) * 180 / G_PI + 360, 360);
  double h2 = c2p == 0 ? 0 : fmod (atan2 (l2[2], a2) * 180 / G_PI + 360, 360);
  double dl = l2[0] - l1[0], dc = c2p - c1p, dh = 0, hb, lb, cbp, t, dtheta, rc, sl, sc, sh, rt, dH;

  if (c1p * c2p != 0)
    {
      dh = h2 - h1;
      if (dh > 180)
        dh -= 360;
      else if (dh < -180)
        dh += 360;
    }
  dH = 2 * sqrt (c1p * c2p) * sin (RAD (dh / 2));
  lb = (l1[0] + l2[0]) / 2;
  cbp = (c1p + c2p) / 2;
  if (c1p * c2p == 0)
    hb = h1 + h2;
  else if (fabs (h1 - h2) <= 180)
    hb = (h1 + h2) / 2;
  else
    hb = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
  t = 1 - 0.17 * cos (RAD (hb - 30)) + 0.24 * cos (RAD (2 * hb)) + 0.32 * cos (RAD (3 * hb + 6)) -
      0.20 * cos (RAD (4 * hb - 63));
  dtheta = 30 * exp (-pow ((hb - 275) / 25, 2));
  rc = 2 * sqrt (pow (cbp, 7) / (pow (cbp, 7) + pow (25, 7)));
  sl = 1 + 0.015 * pow (lb - 50, 2) / sqrt (20 + pow (lb - 50, 2));
  sc = 1 + 0.045 * cbp;
  sh = 1 + 0.015 * cbp * t;
  rt = -sin (RAD (2 * dtheta)) * rc;
  return sqrt (pow (dl / sl, 2) + pow (dc / sc, 2) + pow (dH / sh, 2) + rt * (dc / sc) * (dH / sh));
}

/* Machado, Oliveira and Fernandes (2009), severity 1, on linear RGB. */
static const double deuteranopia[3][3] = {
  { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 }, { -0.011820, 0.042940, 0.968881 } };
static const double protanopia[3][3] = {
  { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 }, { -0.003882, -0.048116, 1.051998 } };

static void
color_to_lab (const MigmapColor *color, const double (*deficiency)[3], double lab[3])
{
  double rgb[3], seen[3];

  srgb_to_linear (color, rgb);
  for (int i = 0; i < 3; i++)
    seen[i] = deficiency ? CLAMP (deficiency[i][0] * rgb[0] + deficiency[i][1] * rgb[1] + deficiency[i][2] * rgb[2], 0, 1)
                         : rgb[i];
  linear_to_lab (seen, lab);
}

static double
distance (const MigmapColor *a, const MigmapColor *b, const double (*deficiency)[3])
{
  double la[3], lb[3];

  color_to_lab (a, deficiency, la);
  color_to_lab (b, deficiency, lb);
  return ciede2000 (la, lb);
}

static void
test_palette (void)
{
  /* Sharma et al.'s test pair 1 checks the formula itself. */
  const double s1[3] = { 50, 2.6772, -79.7751 }, s2[3] = { 50, 0, -82.7485 };
  g_autoptr(MigmapCatalogue) catalogue = load_catalogue ();
  g_autoptr(GListModel) layers = migmap_style_build_layers (catalogue);
  g_autoptr(GPtrArray) colors = g_ptr_array_new ();
  MigmapColor land, sea;

  g_assert_cmpfloat (fabs (ciede2000 (s1, s2) - 2.0425), <, 1e-4);

  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, i);
      if (migmap_map_layer_get_kind (layer) == MIGMAP_MAP_LAYER_COUNTRIES)
        g_ptr_array_add (colors, (gpointer) migmap_map_layer_get_color (layer));
    }
  g_assert_cmpuint (colors->len, >=, 11);
  migmap_color_parse ("#f2efe6", &land);
  migmap_color_parse ("#b8d4e6", &sea);
  for (guint i = 0; i < colors->len; i++)
    {
      /* No layer colour passes for plain land or sea. */
      g_assert_cmpfloat (distance (g_ptr_array_index (colors, i), &land, NULL), >, 15);
      g_assert_cmpfloat (distance (g_ptr_array_index (colors, i), &sea, NULL), >, 12);
      for (guint j = i + 1; j < colors->len; j++)
        {
          double d = distance (g_ptr_array_index (colors, i), g_ptr_array_index (colors, j), NULL);

          if (d <= 20)
            g_test_message ("layers %u and %u: CIEDE2000 %.1f", i, j, d);
          g_assert_cmpfloat (d, >, 20);
          /* The three colours striped together stay apart for readers
           * with the commonest colour-vision deficiencies. */
          if (j < 3)
            {
              g_assert_cmpfloat (distance (g_ptr_array_index (colors, i), g_ptr_array_index (colors, j), deuteranopia), >, 15);
              g_assert_cmpfloat (distance (g_ptr_array_index (colors, i), g_ptr_array_index (colors, j), protanopia), >, 15);
            }
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cartography/mediterranean-names", test_mediterranean_names);
  g_test_add_func ("/cartography/crimea-with-ukraine", test_crimea_with_ukraine);
  g_test_add_func ("/cartography/western-sahara-apart", test_western_sahara_apart);
  g_test_add_func ("/cartography/golan-with-syria", test_golan_with_syria);
  g_test_add_func ("/cartography/disputed-dashed", test_disputed_dashed);
  g_test_add_func ("/cartography/kosovo-footnote", test_kosovo_footnote);
  g_test_add_func ("/cartography/palette", test_palette);
  return g_test_run ();
}
