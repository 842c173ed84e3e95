/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the real window under X, clicked with xdotool and read back
 * from the screen's pixels */
#include <math.h>

#include "migmap-data-files.h"
#include "migmap-dates.h"
#include "migmap-export-dialog.h"
#include "migmap-language.h"
#include "migmap-widget-helpers.h"
#include "migmap-map-layer.h"
#include "migmap-print.h"
#include "migmap-window.h"
#include "window-test-support.h"

/* How long a condition may take to come true.  Generous: the machine may be
 * loaded and the build sanitized; a passing test never waits this long. */
#define WAIT_MS 20000

/* One application for the whole run: it owns a D-Bus object path. */
static GtkApplication *app;

typedef WindowFixture Fixture;

/* ---- real input, real pixels ---- */

/* Redraws take longer under the sanitizers: poll the screen, don't guess. */
static guint32
wait_for_pixel (GtkWidget *widget, double x, double y, guint32 value, gboolean equal)
{
  PixelWait w = { widget, x, y, value, equal };

  wait_until (pixel_matches, &w, WAIT_MS);
  return screen_pixel (widget, x, y);
}

static guint32
color_to_pixel (const MigmapColor *rgba)
{
  return ((guint32) lround (rgba->red * 255) << 16) | ((guint32) lround (rgba->green * 255) << 8) |
         (guint32) lround (rgba->blue * 255);
}

static MigmapMapLayer *
find_layer (Fixture *f, const char *id)
{
  GListModel *layers = migmap_window_get_layers (f->window);

  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, i);
      if (g_str_equal (migmap_map_layer_get_id (layer), id))
        return layer;
    }
  g_assert_not_reached ();
}

static gboolean
is_check_for (GtkWidget *widget, gconstpointer title)
{
  GtkWidget *row;
  g_autofree char *text = NULL;

  if (!GTK_IS_CHECK_BUTTON (widget) || !gtk_widget_is_drawable (widget))
    return FALSE;
  row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);
  text = row ? migmap_widget_dup_text (row) : NULL;
  return text && g_str_has_prefix (text, title);
}

static gboolean
is_button_labelled (GtkWidget *widget, gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* ---- conditions ---- */

static gboolean
is_search_revealer (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_REVEALER (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_BAR) != NULL;
}

/* The search bar has finished sliding in and its entry has the focus:
 * typing now goes into it. */
static gboolean
search_has_focus (gpointer data)
{
  GtkWidget *window = GTK_WIDGET (((Fixture *) data)->window);
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));
  GtkWidget *revealer = find_widget (window, is_search_revealer, NULL);

  return focus && gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL &&
         revealer && gtk_revealer_get_child_revealed (GTK_REVEALER (revealer));
}

typedef struct {
  Fixture               *f;
  const MigmapGeoBounds *bounds;
} ExpectCentre;

/* The map has come to rest with its centre inside @bounds. */
static gboolean
centre_within (gpointer data)
{
  ExpectCentre *e = data;
  MigmapViewport *view = migmap_map_view_get_viewport (migmap_window_get_map_view (e->f->window));
  double lon, lat;

  return migmap_viewport_get_center_geo (view, &lon, &lat) &&
         lon > e->bounds->west && lon < e->bounds->east && lat > e->bounds->south && lat < e->bounds->north;
}

/* The widget lies wholly inside the visible part of its scrolled window,
 * where a click reaches it. */
static gboolean
scrolled_into_view (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || scroller == NULL ||
      !gtk_widget_compute_bounds (widget, scroller, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* Scrolls its scrolled window, as a user would, until the widget is in
 * view (its page may still be sliding in and laying out). */
static gboolean
scrolled_to (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  if (scrolled_into_view (widget))
    return TRUE;
  if (scroller == NULL || !gtk_widget_get_mapped (widget) || !gtk_widget_compute_bounds (widget, scroller, &bounds))
    return FALSE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y -
                                        gtk_widget_get_height (scroller) / 2.0);
  return FALSE;
}

/* ---- tests ---- */

static void
test_click_tunis (Fixture *f, gconstpointer data)
{
  MigmapMapView *map = migmap_window_get_map_view (f->window);
  g_autoptr(GPtrArray) projects = migmap_catalogue_projects_in_country (f->catalogue, "TUN", NULL);
  g_autofree char *text = NULL;
  ExpectCountry tunisia = { &f->window, "TUN" }, sea = { &f->window, NULL };
  double x, y;

  geo_to_map (f->window, 10.1815, 36.8065, &x, &y);
  click (GTK_WIDGET (map), x, y);
  g_assert_true (wait_until (country_selected, &tunisia, WAIT_MS));
  g_assert_cmpstr (migmap_window_get_side_page (f->window), ==, "country");

  /* The panel lists exactly the catalogue's projects for Tunisia. */
  text = migmap_country_panel_dup_text (migmap_window_get_country_panel (f->window));
  g_test_message ("country panel:\n%s", text);
  g_assert_true (g_str_has_prefix (text, "Tunisia\n"));
  g_assert_cmpuint (projects->len, >, 3);
  for (guint i = 0; i < projects->len; i++)
    g_assert_nonnull (strstr (text, migmap_project_get_title (g_ptr_array_index (projects, i))));

  /* Open sea between Sicily and Libya clears the selection. */
  geo_to_map (f->window, 17.0, 34.5, &x, &y);
  click (GTK_WIDGET (map), x, y);
  g_assert_true (wait_until (country_selected, &sea, WAIT_MS));
  g_assert_cmpstr (migmap_window_get_side_page (f->window), ==, "welcome");
}

/* Dragging the map from Tunisia pans it and selects nothing: the press
 * that started a drag is not a click. */
static void
test_drag_pans (Fixture *f, gconstpointer data)
{
  MigmapMapView *map = migmap_window_get_map_view (f->window);
  MigmapViewport *viewport = migmap_map_view_get_viewport (map);
  ExpectCountry none = { &f->window, NULL };
  g_autofree char *args = NULL;
  double x, y, sx, sy, lon0, lat0, lon1, lat1;

  geo_to_map (f->window, 10.1815, 36.8065, &x, &y);
  widget_to_surface (GTK_WIDGET (map), x, y, &sx, &sy);
  g_assert_true (migmap_viewport_get_center_geo (viewport, &lon0, &lat0));
  args = g_strdup_printf ("mousemove --window %lu %d %d mousedown 1 "
                          "mousemove_relative -- -40 -20 mousemove_relative -- -40 -20 "
                          "mousemove_relative -- -40 -20 mouseup 1",
                          surface_xid (GTK_WIDGET (map)), (int) sx, (int) sy);
  xdotool (args);
  /* Let the release arrive, as click() does. */
  settle (400);
  g_assert_true (migmap_viewport_get_center_geo (viewport, &lon1, &lat1));
  g_test_message ("centre moved from %.2f, %.2f to %.2f, %.2f", lon0, lat0, lon1, lat1);
  g_assert_cmpfloat (lon1, >, lon0 + 1.0);
  g_assert_true (country_selected (&none));
  g_assert_cmpstr (migmap_window_get_side_page (f->window), ==, "welcome");
}

static void
test_layer_toggle (Fixture *f, gconstpointer data)
{
  MigmapMapView *map = migmap_window_get_map_view (f->window);
  MigmapMapLayer *mtm = find_layer (f, "mtm-partner-states-2012");
  guint32 layer_colour = color_to_pixel (migmap_map_layer_get_color (mtm));
  GtkWidget *check;
  double x, y, lon, lat;

  g_assert_true (migmap_map_layer_get_visible (mtm));
  g_assert_true (migmap_map_layer_has_code (mtm, "LBY"));
  /* Libya, well away from its label. */
  lon = migmap_shape_set_lookup (f->shapes, "LBY")->label_lon + 4.0;
  lat = migmap_shape_set_lookup (f->shapes, "LBY")->label_lat - 3.0;
  g_assert_cmpstr (migmap_shape_set_feature_at (f->shapes, lon, lat)->code, ==, "LBY");
  geo_to_map (f->window, lon, lat, &x, &y);
  g_assert_cmphex (wait_for_pixel (GTK_WIDGET (map), x, y, layer_colour, TRUE), ==, layer_colour);

  check = find_widget (GTK_WIDGET (f->window), is_check_for, migmap_map_layer_get_title (mtm));
  g_assert_nonnull (check);
  click_center (check);
  g_assert_false (migmap_map_layer_get_visible (mtm));
  g_assert_cmphex (wait_for_pixel (GTK_WIDGET (map), x, y, 0xf2efe6, TRUE), ==, 0xf2efe6);

  click_center (check);
  g_assert_true (migmap_map_layer_get_visible (mtm));
  g_assert_cmphex (wait_for_pixel (GTK_WIDGET (map), x, y, layer_colour, TRUE), ==, layer_colour);
}

static gboolean
is_label_text (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

typedef struct {
  Fixture    *f;
  const char *text;
  gboolean    shown;
} LabelShown;

static gboolean
label_shown_is (gpointer data)
{
  LabelShown *l = data;
  return (find_widget (GTK_WIDGET (l->f->window), is_label_text, l->text) != NULL) == l->shown;
}

/* Four country layers on: the map fills countries by how many of them they
 * are in, and the layers panel says what each shade means; three or fewer
 * are striped and the legend goes away. */
static void
test_count_legend (Fixture *f, gconstpointer data)
{
  GListModel *layers = migmap_window_get_layers (f->window);
  g_autoptr(GPtrArray) turned_on = g_ptr_array_new ();
  guint n_on = 0;
  LabelShown heading = { f, "Countries filled by how many of the visible groups they are in", FALSE };
  LabelShown one = { f, "in 1 group", FALSE }, four = { f, "in 4 groups", TRUE }, five = { f, "in 5 groups", FALSE };

  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, i);

      if (migmap_map_layer_get_kind (layer) == MIGMAP_MAP_LAYER_MARKERS)
        continue;
      if (migmap_map_layer_get_visible (layer))
        n_on++;
    }
  g_assert_cmpuint (n_on, <=, 3);
  g_assert_true (label_shown_is (&heading));

  for (guint i = 0; i < g_list_model_get_n_items (layers) && n_on < 4; i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, i);

      if (migmap_map_layer_get_kind (layer) == MIGMAP_MAP_LAYER_MARKERS || migmap_map_layer_get_visible (layer))
        continue;
      migmap_map_layer_set_visible (layer, TRUE);
      g_ptr_array_add (turned_on, layer);
      n_on++;
    }
  g_assert_cmpuint (n_on, ==, 4);
  heading.shown = TRUE;
  g_assert_true (wait_until (label_shown_is, &heading, WAIT_MS));
  g_assert_true (wait_until (label_shown_is, &four, WAIT_MS));
  one.shown = TRUE;
  g_assert_true (label_shown_is (&one));
  g_assert_true (label_shown_is (&five));

  for (guint i = 0; i < turned_on->len; i++)
    migmap_map_layer_set_visible (g_ptr_array_index (turned_on, i), FALSE);
  heading.shown = FALSE;
  g_assert_true (wait_until (label_shown_is, &heading, WAIT_MS));
  one.shown = FALSE;
  g_assert_true (label_shown_is (&one));
}

static void
test_project_highlight_and_country (Fixture *f, gconstpointer data)
{
  MigmapMapView *map = migmap_window_get_map_view (f->window);
  MigmapProject *emm5 = migmap_catalogue_lookup_project (f->catalogue, "emm5");
  const MigmapFeature *jordan = migmap_shape_set_lookup (f->shapes, "JOR");
  const char *jordan_name = migmap_country_codes_get_translated_name (migmap_catalogue_get_country_codes (f->catalogue), "JOR");
  ExpectCountry selected = { &f->window, "JOR" };
  GtkWidget *button;
  guint32 before;
  double x, y, lon, lat;

  g_assert_nonnull (emm5);
  g_assert_true (g_strv_contains (migmap_project_get_countries (emm5), "JOR"));
  /* Western Egypt: in EMM5, away from labels. */
  geo_to_map (f->window, 27.0, 26.0, &x, &y);
  before = screen_pixel (GTK_WIDGET (map), x, y);

  migmap_window_show_project (f->window, emm5);
  g_assert_cmpstr (migmap_window_get_side_page (f->window), ==, "project");
  g_assert_cmphex (wait_for_pixel (GTK_WIDGET (map), x, y, before, FALSE), !=, before);
  /* A country outside the project keeps its colour: Sudan (in the north,
   * clear of the label the view fitted to the partner states gives it). */
  geo_to_map (f->window, 27.5, 19.0, &x, &y);
  g_assert_cmphex (screen_pixel (GTK_WIDGET (map), x, y), ==, 0xf2efe6);

  /* Clicking Jordan in the panel selects it and brings it to the centre. */
  button = find_widget (GTK_WIDGET (migmap_window_get_project_panel (f->window)), is_button_labelled, jordan_name);
  g_assert_nonnull (button);
  /* Scroll it into view, as a user would, then click it. */
  gtk_widget_grab_focus (button);
  g_assert_true (wait_until (scrolled_into_view, button, WAIT_MS));
  click_center (button);
  g_assert_true (wait_until (country_selected, &selected, WAIT_MS));
  g_assert_true (wait_until (centre_within, &(ExpectCentre) { f, &jordan->label_bounds }, WAIT_MS));
  g_assert_true (migmap_viewport_get_center_geo (migmap_map_view_get_viewport (map), &lon, &lat));
  g_test_message ("centre after clicking Jordan: %f, %f", lon, lat);
  g_assert_true (lon > jordan->label_bounds.west && lon < jordan->label_bounds.east);
  g_assert_true (lat > jordan->label_bounds.south && lat < jordan->label_bounds.north);
  /* The project stays open while its countries are visited. */
  g_assert_cmpstr (migmap_window_get_side_page (f->window), ==, "project");
}

static gboolean
countries_filter_has_focus (gpointer data)
{
  Fixture *f = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus && GTK_IS_TEXT (focus) && gtk_widget_get_mapped (focus) &&
         gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_BAR) == NULL &&
         gtk_widget_get_ancestor (focus, GTK_TYPE_STACK) != NULL;
}

static gboolean
editable_is_empty (gpointer data)
{
  return *gtk_editable_get_text (GTK_EDITABLE (data)) == '\0';
}

static void
test_search (Fixture *f, gconstpointer data)
{
  MigmapMapView *map = migmap_window_get_map_view (f->window);
  ExpectResult amedip = { &f->window, "project", "amedip" }, turkey = { &f->window, "country", "TUR" };
  ExpectCountry selected = { &f->window, "TUR" };
  const MigmapFeature *tur = migmap_shape_set_lookup (f->shapes, "TUR");
  double lon, lat;

  /* Ctrl+F, type, Enter: as a user does. */
  gtk_widget_grab_focus (GTK_WIDGET (map));
  xdotool ("key --clearmodifiers ctrl+f");
  g_assert_true (wait_until (search_has_focus, f, WAIT_MS));
  xdotool ("type --delay 20 AMEDIP");
  g_assert_true (wait_until (first_result_is, &amedip, WAIT_MS));
  xdotool ("key Return");
  g_assert_true (wait_until (project_shown, &(ExpectProject) { &f->window, "amedip" }, WAIT_MS));

  /* A lower-case name without its accent: Türkiye. */
  xdotool ("key --clearmodifiers ctrl+f");
  g_assert_true (wait_until (search_has_focus, f, WAIT_MS));
  xdotool ("key --clearmodifiers ctrl+a BackSpace");
  xdotool ("type --delay 20 turkiye");
  g_assert_true (wait_until (first_result_is, &turkey, WAIT_MS));
  xdotool ("key Return");
  g_assert_true (wait_until (country_selected, &selected, WAIT_MS));
  g_assert_true (wait_until (centre_within, &(ExpectCentre) { f, &tur->label_bounds }, WAIT_MS));
  g_assert_true (migmap_viewport_get_center_geo (migmap_map_view_get_viewport (map), &lon, &lat));
  g_test_message ("centre after Türkiye: %f, %f", lon, lat);
}

/* What a person types finds what they mean, first, in the window as in
 * migmap-query (tests/test-query.sh): every kind, the sources' spellings,
 * French and Arabic names, a typo. */
static void
test_search_first_results (Fixture *f, gconstpointer data)
{
  static const struct { const char *text, *kind, *id; } cases[] = {
    { "Turkey", "country", "TUR" },
    { "Cape Verde", "country", "CPV" },
    { "Tunsia", "country", "TUN" },
    { "Maroc", "country", "MAR" },
    { "لبنان", "country", "LBN" },
    { "Tunis", "place", "tunis" },
    { "AMEDIP", "project", "amedip" },
    { "EU-27", "group", "eu-27-2007-2013" },
    { "Frontex", "organisation", "frontex" },
    { "RO MED", "place", "ro-med" },
    { "5+5", "dialogue", "five-plus-five" },
  };

  gtk_widget_grab_focus (GTK_WIDGET (migmap_window_get_map_view (f->window)));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ExpectResult expect = { &f->window, cases[i].kind, cases[i].id };
      g_autofree char *quoted = g_shell_quote (cases[i].text);
      g_autofree char *type = g_strdup_printf ("type --delay 50 %s", quoted);


      xdotool ("key --clearmodifiers ctrl+f");
      g_assert_true (wait_until (search_has_focus, f, WAIT_MS));
      xdotool ("key --clearmodifiers ctrl+a BackSpace");
      if (g_str_is_ascii (cases[i].text))
        xdotool (type);
      else
        {
          /* GTK 4 under Xvfb ignores the key map xdotool changes to type
           * letters outside it: commit the word as an input method does. */
          GtkEditable *text = GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (f->window)));
          int position = 0;

          g_assert_true (wait_until (editable_is_empty, text, WAIT_MS)); /* after ctrl+a BackSpace */
          gtk_editable_insert_text (text, cases[i].text, -1, &position);
        }
      if (!wait_until (first_result_is, &expect, WAIT_MS))
        {
          const char *kind = NULL;
          const char *id = migmap_window_get_n_search_results (f->window)
                             ? migmap_window_get_search_result (f->window, 0, &kind) : NULL;

          GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

          g_test_message ("typed %s (the entry has \"%s\"): first result %s %s, not %s %s", cases[i].text,
                          focus && GTK_IS_EDITABLE (focus) ? gtk_editable_get_text (GTK_EDITABLE (focus)) : "",
                          kind, id, cases[i].kind, cases[i].id);
          g_test_fail ();
          return;
        }
    }
}

/* Without a mouse: Ctrl+F, a name, Enter opens it; Ctrl+L, "leb", Enter
 * selects Lebanon from the Countries list, which shows only it. */
static gboolean
not_on_search_page (gpointer data)
{
  return !g_str_equal (migmap_window_get_side_page (((Fixture *) data)->window), "search");
}

static gboolean
search_lost_focus (gpointer data)
{
  return !search_has_focus (data);
}

static gboolean
one_country_shown (gpointer data)
{
  return migmap_window_get_n_countries_shown (((Fixture *) data)->window) == 1;
}

typedef struct {
  MigmapTimeline *timeline;
  const char     *text;
} ExpectTimeline;

static gboolean
timeline_reads (gpointer data)
{
  ExpectTimeline *e = data;
  return g_strcmp0 (migmap_timeline_get_text (e->timeline), e->text) == 0;
}

static void
test_keyboard_walk (Fixture *f, gconstpointer data)
{
  ExpectCountry lebanon = { &f->window, "LBN" };
  ExpectResult frontex = { &f->window, "organisation", "frontex" };

  gtk_widget_grab_focus (GTK_WIDGET (migmap_window_get_map_view (f->window)));
  xdotool ("key --clearmodifiers ctrl+f");
  g_assert_true (wait_until (search_has_focus, f, WAIT_MS));
  xdotool ("type --delay 20 Frontex");
  g_assert_true (wait_until (first_result_is, &frontex, WAIT_MS));
  xdotool ("key Return");
  g_assert_true (wait_until (not_on_search_page, f, WAIT_MS));
  xdotool ("key Escape");
  g_assert_true (wait_until (search_lost_focus, f, WAIT_MS));

  xdotool ("key --clearmodifiers ctrl+l");
  g_assert_true (wait_until (countries_filter_has_focus, f, WAIT_MS));
  xdotool ("type --delay 30 leb");
  g_assert_true (wait_until (one_country_shown, f, WAIT_MS));
  xdotool ("key Return");
  g_assert_true (wait_until (country_selected, &lebanon, WAIT_MS));
  g_assert_cmpstr (migmap_window_get_side_page (f->window), ==, "country");
  /* A screen reader hears which country the map now shows. */
  g_assert_cmpstr (migmap_map_view_get_accessible_label (migmap_window_get_map_view (f->window)), ==,
                   "Map: Lebanon selected");
}

static gboolean
entity_text_has (gpointer data)
{
  const char **args = data;
  Fixture *f = (Fixture *) args[0];
  g_autofree char *text = migmap_entity_panel_dup_text (migmap_window_get_entity_panel (f->window));

  return g_str_equal (migmap_window_get_side_page (f->window), "entity") && strstr (text, args[1]) != NULL;
}

/* Every kind has a page, reached from search and from each other: Frontex
 * is an organisation with its projects, RO MED a place in Malta, the MTM
 * Dialogue lists its partner agencies and meetings; no internal value
 * shows. */
static void
test_entity_pages (Fixture *f, gconstpointer data)
{
  static const struct { const char *query, *kind, *id, *expect; } cases[] = {
    { "Frontex", "organisation", "frontex", "Partner in" },
    { "RO MED", "place", "ro-med", "Malta" },
    { "Mediterranean Transit Migration", "dialogue", "mtm", "Partner agencies" },
    { "AMEDIP Focus Partner States", "group", "amedip-focus-partner-states", "the catalogue's inference" },
    { "Tunis", "place", "tunis", "2nd AMEDIP Workshop" },
    { "5+5", "dialogue", "five-plus-five", "5+5 Dialogue" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = { (const char *) f, cases[i].expect };
      g_autofree char *text = NULL;
      const char *kind = NULL;

      migmap_window_search (f->window, cases[i].query);
      g_assert_cmpstr (migmap_window_get_search_result (f->window, 0, &kind), ==, cases[i].id);
      g_assert_cmpstr (kind, ==, cases[i].kind);
      migmap_window_activate_search_result (f->window, 0);
      if (!wait_until (entity_text_has, args, WAIT_MS))
        {
          text = migmap_entity_panel_dup_text (migmap_window_get_entity_panel (f->window));
          g_test_message ("%s: page %s shows: %s", cases[i].query, migmap_window_get_side_page (f->window), text);
          g_test_fail ();
          return;
        }
      text = migmap_entity_panel_dup_text (migmap_window_get_entity_panel (f->window));
      g_assert_null (strstr (text, "heading"));
      g_assert_null (strstr (text, "restored_label"));
      g_assert_null (strstr (text, "_")); /* no internal value: "eu_agency", "000_….txt" */
    }

  /* A project's theme opens the theme's page, which lists every project
   * tagged with it; AMEDIP's is the catalogue's classification, and says so. */
  {
    MigmapCatalogue *catalogue = migmap_window_get_catalogue (f->window);
    g_autofree char *label = g_strdup_printf ("%s (MigMap’s classification, not the source’s)", "Diaspora engagement");
    const char *args[] = { (const char *) f, "Linking Emigrant Communities for More Development" };
    GtkWidget *button;

    migmap_window_show_project (f->window, migmap_catalogue_lookup_project (catalogue, "amedip"));
    button = find_widget (GTK_WIDGET (migmap_window_get_project_panel (f->window)), is_button_labelled, label);
    g_assert_nonnull (button);
    g_assert_true (wait_until (scrolled_to, button, WAIT_MS));
    click_center (button);
    g_assert_true (wait_until (entity_text_has, args, WAIT_MS));
    g_assert_cmpstr (migmap_window_get_side_page (f->window), ==, "entity");
    {
      g_autofree char *text = migmap_entity_panel_dup_text (migmap_window_get_entity_panel (f->window));
      g_test_message ("theme page: %s", text);
      g_assert_true (g_str_has_prefix (text, "Theme\nDiaspora engagement"));
      g_assert_nonnull (strstr (text, "Migration Capacity Partnership drivers"));
    }
  }

  /* A link on the page opens the next: from the MTM Dialogue to Frontex. */
  {
    const char *args[] = { (const char *) f, "Implementing agency of" };
    MigmapCatalogue *catalogue = migmap_window_get_catalogue (f->window);

    migmap_window_show_entity (f->window, G_OBJECT (migmap_catalogue_lookup_dialogue (catalogue, "mtm")));
    migmap_window_show_entity (f->window, G_OBJECT (migmap_catalogue_lookup_organisation (catalogue, "icmpd")));
    g_assert_true (wait_until (entity_text_has, args, WAIT_MS));
  }
}

static gboolean
find_error_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  const char **text = data;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        {
          g_autofree char *all = migmap_widget_dup_text (window);
          if (strstr (all, *text))
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_broken_shapefile (Fixture *f, gconstpointer data)
{
  MigmapMapView *map = migmap_window_get_map_view (f->window);
  MigmapShapeSet *shapes_before = migmap_map_state_get_shapes (migmap_window_get_state (f->window));
  guint n_layers = g_list_model_get_n_items (migmap_window_get_layers (f->window));
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "truncated.shp", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = g_strdup_printf ("%s: truncated", path);
  const char *wanted = expected;
  ExpectCountry libya = { &f->window, "LBY" };
  double x, y;
  guint32 pixel;

  geo_to_map (f->window, 17.5, 26.0, &x, &y);
  click (GTK_WIDGET (map), x, y);
  g_assert_true (wait_until (country_selected, &libya, WAIT_MS));
  settle (300);
  pixel = screen_pixel (GTK_WIDGET (map), x - 40, y + 40);

  migmap_window_load_shapefile (f->window, file);
  g_assert_true (wait_until (find_error_dialog, &wanted, WAIT_MS));
  settle (200);
  g_assert_true (migmap_map_state_get_shapes (migmap_window_get_state (f->window)) == shapes_before);
  g_assert_cmpuint (g_list_model_get_n_items (migmap_window_get_layers (f->window)), ==, n_layers);
  g_assert_cmpstr (migmap_map_state_get_selected_country (migmap_window_get_state (f->window)), ==, "LBY");
  g_assert_cmphex (wait_for_pixel (GTK_WIDGET (map), x - 40, y + 40, pixel, TRUE), ==, pixel);

  /* A good file does replace the map. */
  {
    g_autofree char *small = g_test_build_filename (G_TEST_DIST, "data", "small.shp", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (migmap_window_open_shapefile (f->window, small, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (migmap_shape_set_get_n_features (migmap_map_state_get_shapes (migmap_window_get_state (f->window))), ==, 2);
  }
}

static char *command_output (const char *command);

static void
close_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i - 1);
      if (GTK_IS_MESSAGE_DIALOG (window))
        gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* Every hostile shapefile of issue 10 gets a message naming the file in
 * the window, and the map stays as it was; Latin-1 names arrive readable. */
static void
test_hostile_shapefiles (Fixture *f, gconstpointer data)
{
  MigmapMapState *state = migmap_window_get_state (f->window);
  MigmapShapeSet *shapes_before = migmap_map_state_get_shapes (state);
  g_autofree char *dir = g_dir_make_tmp ("migmap-hostile-window-XXXXXX", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "data", "make-hostile-shapes.py", NULL);
  g_autofree char *make = g_strdup_printf ("python3 %s %s", script, dir);
  g_autofree char *made = command_output (make);
  const char *broken[] = { "huge-coords", "index-overflow", "index-zigzag", "inf-coords", "nan-coords",
                           "projected-no-prj", "reclen-lie" };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.shp", dir, broken[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *expected = g_strdup_printf ("%s: ", path);
      const char *wanted = expected;

      g_test_message ("%s", broken[i]);
      migmap_window_load_shapefile (f->window, file);
      g_assert_true (wait_until (find_error_dialog, &wanted, WAIT_MS));
      g_assert_true (migmap_map_state_get_shapes (state) == shapes_before);
      close_dialogs ();
    }

  {
    g_autofree char *path = g_strdup_printf ("%s/latin1-names.shp", dir);
    g_autoptr(GError) error = NULL;
    MigmapShapeSet *latin1;
    gboolean found = FALSE;

    g_assert_true (migmap_window_open_shapefile (f->window, path, &error));
    g_assert_no_error (error);
    latin1 = migmap_map_state_get_shapes (state);
    for (guint i = 0; i < migmap_shape_set_get_n_features (latin1); i++)
      found |= g_strcmp0 (migmap_shape_set_get_feature (latin1, i)->name, "Côte d'Ivoire") == 0;
    g_assert_true (found);
  }
  {
    g_autofree char *rm = g_strdup_printf ("rm -rf %s", dir);
    g_free (command_output (rm));
  }
}

static char *
command_output (const char *command)
{
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* Printing with GtkPrintOperation's export-to-file: the PDF has the paper
 * and orientation that were set, and the page's text. */
static void
test_print_to_pdf (Fixture *f, gconstpointer data)
{
  g_autoptr(MigmapSnapshot) snapshot = migmap_window_new_snapshot (f->window);
  g_autofree char *dir = g_dir_make_tmp ("migmap-print-XXXXXX", NULL);
  struct { GtkPageOrientation orientation; const char *size; } cases[] = {
    { GTK_PAGE_ORIENTATION_PORTRAIT, "595(\\.\\d+)? x 841(\\.\\d+)? pts \\(A4\\)" },
    { GTK_PAGE_ORIENTATION_LANDSCAPE, "841(\\.\\d+)? x 595(\\.\\d+)? pts \\(A4\\)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
      g_autofree char *pdf = g_strdup_printf ("%s/print-%u.pdf", dir, i);
      g_autofree char *info_command = g_strdup_printf ("pdfinfo %s", pdf);
      g_autofree char *text_command = g_strdup_printf ("pdftotext %s -", pdf);
      g_autofree char *info = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
      gtk_page_setup_set_orientation (setup, cases[i].orientation);
      g_assert_cmpint (migmap_print_snapshot (snapshot, GTK_WINDOW (f->window), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                              setup, pdf, NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
      g_assert_no_error (error);
      info = command_output (info_command);
      g_test_message ("%s", info);
      g_assert_true (g_regex_match_simple (cases[i].size, info, 0, 0));
      g_assert_true (g_regex_match_simple ("^Pages: +1$", info, G_REGEX_MULTILINE, 0));
      text = g_strdelimit (command_output (text_command), "\n", ' ');
      g_assert_nonnull (strstr (text, "MTM Dialogue partner states, 2012"));
      g_assert_nonnull (strstr (text, "official endorsement or acceptance."));
    }
}

static void
run_render (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("MIGMAP_RENDER"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, NULL));
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
png_size (const char *path, int *width, int *height)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  *width = cairo_image_surface_get_width (image);
  *height = cairo_image_surface_get_height (image);
  cairo_surface_destroy (image);
}

/* The window's export and migmap-render, given the same view, layers and
 * date, write the same page: one snapshot path for both. */
static void
test_export_matches_cli (Fixture *f, gconstpointer data)
{
  MigmapViewport *view = migmap_map_state_get_viewport (migmap_window_get_state (f->window));
  g_autofree char *dir = g_dir_make_tmp ("migmap-export-XXXXXX", NULL);
  g_autofree char *window_pdf = g_build_filename (dir, "window.pdf", NULL);
  g_autofree char *cli_pdf = g_build_filename (dir, "cli.pdf", NULL);
  g_autofree char *window_png = g_build_filename (dir, "window.png", NULL);
  g_autofree char *cli_png = g_build_filename (dir, "cli.png", NULL);
  g_autofree char *window_text = NULL;
  g_autofree char *cli_text = NULL;
  g_autofree char *command = NULL;
  g_autoptr(MigmapSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  const char *layers = "mtm-partner-states-2012,places";
  const char *visible[] = { "mtm-partner-states-2012", "places", NULL };
  MigmapGeoBounds bounds = { -10, 28, 38, 48 };
  MigmapDate y2012 = MIGMAP_DATE_INIT;
  double page_width, page_height, scale = MIGMAP_POINTS_PER_INCH / MIGMAP_SCREEN_PIXELS_PER_INCH;
  int ww, wh, cw, ch;

  migmap_map_state_set_visible_layers (migmap_window_get_state (f->window), visible);
  /* The map view as migmap-render sizes a landscape A4 page's map, in the
   * window's CSS pixels. */
  g_assert_true (migmap_paper_size_lookup ("a4", TRUE, &page_width, &page_height));
  migmap_viewport_set_projection (view, MIGMAP_PROJECTION_LAEA);
  migmap_viewport_set_size (view, page_width / scale, page_height * 0.78 / scale);
  migmap_viewport_fit_bounds (view, &bounds);
  /* Both at the same date, so both pages say "as of 2012". */
  g_assert_true (migmap_date_parse ("2012", &y2012));
  migmap_map_state_set_date (migmap_window_get_state (f->window), &y2012);
  snapshot = migmap_window_new_snapshot (f->window);

  g_assert_true (migmap_snapshot_export (snapshot, window_pdf, MIGMAP_FORMAT_PDF, 0, &error));
  g_assert_no_error (error);
  g_assert_true (migmap_snapshot_export (snapshot, window_png, MIGMAP_FORMAT_PNG, 150, &error));
  g_assert_no_error (error);
  run_render ((const char *[]) { "--layout", "page", "--view", "-10,28,38,48", "--layers", layers,
                                 "--date", "2012", "-o", cli_pdf, NULL });
  run_render ((const char *[]) { "--layout", "page", "--view", "-10,28,38,48", "--layers", layers,
                                 "--date", "2012", "--dpi", "150", "-o", cli_png, NULL });

  command = g_strdup_printf ("pdftotext %s -", window_pdf);
  window_text = command_output (command);
  g_free (command);
  command = g_strdup_printf ("pdftotext %s -", cli_pdf);
  cli_text = command_output (command);
  g_test_message ("window page:\n%s", window_text);
  g_assert_nonnull (strstr (window_text, "Tunisia"));
  g_assert_cmpstr (window_text, ==, cli_text);

  png_size (window_png, &ww, &wh);
  png_size (cli_png, &cw, &ch);
  g_assert_cmpint (ww, ==, cw);
  g_assert_cmpint (wh, ==, ch);
  g_assert_cmpint (cw, ==, 1754);

  /* The map alone at 96 DPI has the window's pixels; migmap-render's --size
   * is in points, as everything printed is. */
  migmap_viewport_set_size (view, 1200, 800);
  migmap_viewport_fit_bounds (view, &bounds);
  g_clear_object (&snapshot);
  snapshot = migmap_window_new_snapshot (f->window);
  migmap_snapshot_set_map_only (snapshot, TRUE);
  g_assert_true (migmap_snapshot_export (snapshot, window_png, MIGMAP_FORMAT_PNG, 96, &error));
  g_assert_no_error (error);
  run_render ((const char *[]) { "--view", "-10,28,38,48", "--layers", layers, "--size", "900x600",
                                 "--dpi", "96", "-o", cli_png, NULL });
  png_size (window_png, &ww, &wh);
  png_size (cli_png, &cw, &ch);
  g_assert_cmpint (ww, ==, 1200);
  g_assert_cmpint (wh, ==, 800);
  g_assert_cmpint (ww, ==, cw);
  g_assert_cmpint (wh, ==, ch);
}

/* A point of @code well inside it and away from its label: the label's
 * text would hide the fill. */
static void
country_fill_point (Fixture *f, const char *code, double *lon, double *lat)
{
  const MigmapFeature *feature = migmap_shape_set_lookup (f->shapes, code);
  const double offsets[][2] = { { 0.35, 0.35 }, { -0.35, 0.35 }, { 0.35, -0.35 }, { -0.35, -0.35 },
                                { 0, 0.5 }, { 0, -0.5 }, { 0.6, 0 }, { -0.6, 0 } };

  g_assert_nonnull (feature);
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      const MigmapFeature *at;
      gboolean inside = TRUE;

      /* Well inside: the neighbouring points are in it too. */
      for (int dx = -1; dx <= 1 && inside; dx++)
        for (int dy = -1; dy <= 1 && inside; dy++)
          {
            at = migmap_shape_set_feature_at (f->shapes, feature->label_lon + offsets[i][0] + dx * 0.08,
                                              feature->label_lat + offsets[i][1] + dy * 0.08);
            inside = at && g_str_equal (at->code, code);
          }
      if (inside)
        {
          *lon = feature->label_lon + offsets[i][0];
          *lat = feature->label_lat + offsets[i][1];
          return;
        }
    }
  g_assert_not_reached ();
}

typedef struct {
  Fixture *f;
  guint    year;
} ExpectYear;

static gboolean
date_is_year (gpointer data)
{
  ExpectYear *e = data;
  const MigmapDate *at = migmap_map_state_get_date (migmap_window_get_state (e->f->window));

  return at && at->year == e->year && at->month == 0;
}

static gboolean
not_playing (gpointer data)
{
  return !migmap_timeline_get_playing (data);
}

static gboolean
is_play_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "media-playback-start-symbolic") == 0;
}

/* The timeline, driven with the mouse and keys, sets the map's date: at
 * 2010 STREDECA (2009–2010) colours Lebanon, EMM5 (from October 2020) is
 * not yet started and leaves Jordan in land colour; the panels say so. */
static void
test_timeline (Fixture *f, gconstpointer data)
{
  MigmapMapView *map = migmap_window_get_map_view (f->window);
  MigmapTimeline *timeline = migmap_window_get_timeline (f->window);
  GtkWidget *strip = migmap_timeline_get_strip (timeline);
  MigmapMapState *state = migmap_window_get_state (f->window);
  MigmapMapLayer *stredeca = find_layer (f, "stredeca-countries");
  MigmapMapLayer *emm5 = find_layer (f, "emm5-countries");
  guint32 stredeca_colour = color_to_pixel (migmap_map_layer_get_color (stredeca));
  guint32 emm5_colour = color_to_pixel (migmap_map_layer_get_color (emm5));
  const char *visible[] = { "stredeca-countries", "emm5-countries", NULL };
  ExpectYear y2005 = { f, 2005 }, y2010 = { f, 2010 };
  ExpectCountry lebanon = { &f->window, "LBN" };
  g_autofree char *country_text = NULL;
  g_autofree char *project_text = NULL;
  g_autofree char *layers_text = NULL;
  GtkWidget *play;
  double x, y, lon, lat, year_x;
  guint first, last;

  /* "All dates" by default: both layers draw all their members. */
  g_assert_null (migmap_map_state_get_date (state));
  g_assert_cmpstr (migmap_timeline_get_text (timeline), ==, "All dates");
  migmap_map_state_set_visible_layers (state, visible);
  migmap_timeline_get_years (timeline, &first, &last);
  g_assert_cmpuint (first, ==, 2002);
  g_assert_cmpuint (last, >=, 2024);

  country_fill_point (f, "JOR", &lon, &lat);
  geo_to_map (f->window, lon, lat, &x, &y);
  g_assert_cmphex (wait_for_pixel (GTK_WIDGET (map), x, y, emm5_colour, TRUE), ==, emm5_colour);

  /* Click 2005 on the strip, then four years up and one month right and
   * back: keys step by year and by month. */
  g_assert_true (migmap_timeline_get_year_x (timeline, 2005, &year_x));
  click (strip, year_x, gtk_widget_get_height (strip) / 2.0);
  g_assert_true (wait_until (date_is_year, &y2005, WAIT_MS));
  xdotool ("key Up Up Up Up Up");
  xdotool ("key Right");
  g_assert_true (wait_until (timeline_reads, &(ExpectTimeline) { timeline, "January 2011" }, WAIT_MS));
  xdotool ("key Down");   /* a year step keeps the month */
  g_assert_true (wait_until (timeline_reads, &(ExpectTimeline) { timeline, "January 2010" }, WAIT_MS));
  xdotool ("key Up");
  g_assert_true (wait_until (timeline_reads, &(ExpectTimeline) { timeline, "January 2011" }, WAIT_MS));
  xdotool ("key Home");
  for (guint i = 0; i < 2010 - 2002; i++)
    xdotool ("key Up");
  g_assert_true (wait_until (date_is_year, &y2010, WAIT_MS));
  g_assert_cmpstr (migmap_timeline_get_text (timeline), ==, "2010");

  /* The screen: Jordan is land, Lebanon has STREDECA's colour. */
  g_assert_cmphex (wait_for_pixel (GTK_WIDGET (map), x, y, 0xf2efe6, TRUE), ==, 0xf2efe6);
  country_fill_point (f, "LBN", &lon, &lat);
  geo_to_map (f->window, lon, lat, &x, &y);
  g_assert_cmphex (wait_for_pixel (GTK_WIDGET (map), x, y, stredeca_colour, TRUE), ==, stredeca_colour);

  /* The layers list counts the members at the date. */
  g_assert_cmpuint (migmap_map_layer_get_n_shown (emm5), ==, 0);
  layers_text = migmap_widget_dup_text (GTK_WIDGET (f->window));
  g_assert_nonnull (strstr (layers_text, "0 of 36 states at this date"));

  /* Lebanon's panel: STREDECA running in 2010, EMM5 not among them. */
  click (GTK_WIDGET (map), x, y);
  g_assert_true (wait_until (country_selected, &lebanon, WAIT_MS));
  country_text = migmap_country_panel_dup_text (migmap_window_get_country_panel (f->window));
  g_test_message ("country panel at 2010:\n%s", country_text);
  g_assert_nonnull (strstr (country_text, "3 projects running in 2010"));
  g_assert_nonnull (strstr (country_text, "Strengthening Reception and Detention Capacities in Lebanon"));
  g_assert_null (strstr (country_text, "EUROMED Migration V"));

  /* EMM5's page is still there, saying it had not started. */
  migmap_window_show_project (f->window, migmap_catalogue_lookup_project (f->catalogue, "emm5"));
  project_text = migmap_project_panel_dup_text (migmap_window_get_project_panel (f->window));
  g_test_message ("EMM5 at 2010:\n%.300s", project_text);
  g_assert_nonnull (strstr (project_text, "In 2010: not yet started (starts October 2020)"));

  /* Play steps through the years to the last, then stops. */
  g_assert_true (migmap_timeline_get_year_x (timeline, last - 2, &year_x));
  click (strip, year_x, gtk_widget_get_height (strip) / 2.0);
  play = find_widget (GTK_WIDGET (timeline), is_play_button, NULL);
  g_assert_nonnull (play);
  click_center (play);
  g_assert_true (migmap_timeline_get_playing (timeline));
  g_assert_true (wait_until (not_playing, timeline, 10000));
  g_assert_cmpuint (migmap_map_state_get_date (state)->year, ==, last);

  /* "All dates" again: the button, then Jordan is EMM5's colour again
   * (once EMM5's page, which emphasises its countries, is closed). */
  migmap_map_state_select (state, NULL, NULL, NULL);
  click_center (find_widget (GTK_WIDGET (timeline), is_button_labelled, "All Dates"));
  g_assert_null (migmap_map_state_get_date (state));
  country_fill_point (f, "JOR", &lon, &lat);
  geo_to_map (f->window, lon, lat, &x, &y);
  g_assert_cmphex (wait_for_pixel (GTK_WIDGET (map), x, y, emm5_colour, TRUE), ==, emm5_colour);
}

/* The export dialog's series: one PDF page per year, each naming it. */
static void
test_export_series (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("migmap-series-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "series.pdf", NULL);
  g_autoptr(MigmapSnapshot) snapshot = migmap_window_new_snapshot (f->window);
  GtkWidget *dialog = migmap_export_dialog_new (GTK_WINDOW (f->window), snapshot);
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  g_autofree char *info = NULL;
  g_autofree char *page2 = NULL;

  migmap_export_dialog_set_series (MIGMAP_EXPORT_DIALOG (dialog), 2009, 2011);
  g_assert_true (migmap_export_dialog_export (MIGMAP_EXPORT_DIALOG (dialog), pdf, &error));
  g_assert_no_error (error);
  command = g_strdup_printf ("pdfinfo %s", pdf);
  info = command_output (command);
  g_assert_true (g_regex_match_simple ("^Pages: +3$", info, G_REGEX_MULTILINE, 0));
  g_free (command);
  command = g_strdup_printf ("pdftotext -f 2 -l 2 %s -", pdf);
  page2 = command_output (command);
  g_assert_nonnull (strstr (page2, "as of 2010"));

  /* A series that ends before it starts is refused, and says so. */
  migmap_export_dialog_set_series (MIGMAP_EXPORT_DIALOG (dialog), 2011, 2009);
  g_assert_false (migmap_export_dialog_export (MIGMAP_EXPORT_DIALOG (dialog), pdf, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "2011 to 2009"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Tab from the window's first stop reaches the map within three presses and
 * the side panel within three more: a keyboard user need not walk every
 * layer check button first. */
typedef struct {
  Fixture   *f;
  GtkWidget *last;
} FocusMoved;

static gboolean
focus_moved (gpointer data)
{
  FocusMoved *m = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (m->f->window));

  return focus != NULL && focus != m->last;
}

static GtkWidget *
press_tab (Fixture *f)
{
  FocusMoved moved = { f, gtk_root_get_focus (GTK_ROOT (f->window)) };

  xdotool ("key --clearmodifiers Tab");
  g_assert_true (wait_until (focus_moved, &moved, WAIT_MS));
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static gboolean
countries_page_shown (gpointer data)
{
  GtkStackSwitcher *switcher = GTK_STACK_SWITCHER (gtk_widget_get_ancestor (data, GTK_TYPE_STACK_SWITCHER));

  return g_strcmp0 (gtk_stack_get_visible_child_name (gtk_stack_switcher_get_stack (switcher)), "countries") == 0;
}

static void
test_tab_order (Fixture *f, gconstpointer data)
{
  GtkWidget *map = GTK_WIDGET (migmap_window_get_map_view (f->window));
  GtkWidget *panel = GTK_WIDGET (migmap_window_get_country_panel (f->window));
  GtkWidget *focus = NULL, *switcher_button = NULL;
  guint presses;

  /* A country's page in the side panel, and no focus: the window's start. */
  migmap_map_state_select (migmap_window_get_state (f->window), "TUN", NULL, NULL);
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);

  for (presses = 1; presses <= 3 && focus != map; presses++)
    {
      focus = press_tab (f);
      g_test_message ("Tab %u: %s", presses, G_OBJECT_TYPE_NAME (focus));
      if (presses == 1)
        switcher_button = focus;
    }
  g_assert_true (focus == map);

  for (presses = 1; presses <= 3 && !gtk_widget_is_ancestor (focus, panel); presses++)
    {
      focus = press_tab (f);
      g_test_message ("Tab %u after the map: %s", presses, G_OBJECT_TYPE_NAME (focus));
    }
  g_assert_true (gtk_widget_is_ancestor (focus, panel));

  /* The one stop the Layers/Countries switcher keeps still switches pages:
   * Right goes to Countries, as in a tab list. */
  g_assert_true (GTK_IS_TOGGLE_BUTTON (switcher_button));
  gtk_widget_grab_focus (switcher_button);
  xdotool ("key --clearmodifiers Right");
  g_assert_true (wait_until (countries_page_shown, switcher_button, WAIT_MS));
}

/* ---- the map while it moves ---- */


static gboolean
pixels_close (const Pixels *a, int ax, int ay, const Pixels *b, int bx, int by)
{
  const guchar *p = a->data + ay * a->stride + ax * 4, *q = b->data + by * b->stride + bx * 4;

  for (int c = 0; c < 4; c++)
    if (ABS (p[c] - q[c]) > 24)
      return FALSE;
  return p[3] == 255;   /* drawn, not the empty background */
}

/* The share of grid points whose pixel in @before, moved by
 * x' = cx + k (x - cx) + dx (likewise y), is the pixel at x' in @after. */
static double
share_moved (const Pixels *before, const Pixels *after, double k, double cx, double cy, double dx, double dy)
{
  guint total = 0, same = 0;

  for (int y = 20; y < before->height - 20; y += 12)
    for (int x = 20; x < before->width - 20; x += 12)
      {
        int nx = (int) floor (cx + k * (x + 0.5 - cx) + dx), ny = (int) floor (cy + k * (y + 0.5 - cy) + dy);

        if (nx < 20 || ny < 20 || nx >= after->width - 20 || ny >= after->height - 20)
          continue;
        total++;
        same += pixels_close (before, x, y, after, nx, ny);
      }
  g_assert_cmpuint (total, >, 100);
  return same / (double) total;
}

/* Panning and zooming show the last map moved and scaled at once, before
 * the worker's sharp frame arrives: the map never blanks or jumps. */
static void
test_map_moves_before_render (Fixture *f, gconstpointer data)
{
  MigmapMapView *map = migmap_window_get_map_view (f->window);
  MigmapViewport *viewport = migmap_map_view_get_viewport (map);
  Pixels before, panned, zoomed;
  double x0, y0, x1, y1, cx, cy;

  snapshot_map (map, &before);
  geo_to_map (f->window, 10.18, 36.81, &x0, &y0);
  migmap_viewport_pan_by (viewport, 150, 40);
  geo_to_map (f->window, 10.18, 36.81, &x1, &y1);
  snapshot_map (map, &panned);
  g_test_message ("pan: %.0f%% of the map moved along", 100 * share_moved (&before, &panned, 1, 0, 0, x1 - x0, y1 - y0));
  g_assert_cmpfloat (share_moved (&before, &panned, 1, 0, 0, x1 - x0, y1 - y0), >, 0.97);
  /* The check tells a moved map from one left in place. */
  g_assert_cmpfloat (share_moved (&before, &panned, 1, 0, 0, 0, 0), <, 0.9);

  cx = panned.width / 2.0;
  cy = panned.height / 2.0;
  migmap_viewport_zoom_at (viewport, 2.0, cx, cy);
  snapshot_map (map, &zoomed);
  g_test_message ("zoom: %.0f%% of the map scaled along", 100 * share_moved (&panned, &zoomed, 2, cx, cy, 0, 0));
  g_assert_cmpfloat (share_moved (&panned, &zoomed, 2, cx, cy, 0, 0), >, 0.9);
  g_assert_cmpfloat (share_moved (&panned, &zoomed, 1, 0, 0, 0, 0), <, 0.9);

  g_free (before.data);
  g_free (panned.data);
  g_free (zoomed.data);
}

/* The Countries page lists the countries by name, from the first, once it
 * is shown (its rows are made then, not at start-up). */
static void
test_countries_page (Fixture *f, gconstpointer data)
{
  LabelShown first = { f, "Afghanistan", TRUE }, second = { f, "Albania", TRUE };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find-country", NULL));
  g_assert_true (wait_until (label_shown_is, &first, WAIT_MS));
  g_assert_true (wait_until (label_shown_is, &second, WAIT_MS));
}

static gboolean
help_overlay_shown (gpointer data)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (data);

  return overlay && gtk_widget_get_mapped (GTK_WIDGET (overlay));
}

static gboolean
is_search_shortcut (GtkWidget *widget, gconstpointer data)
{
  g_autofree char *title = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    return FALSE;
  g_object_get (widget, "title", &title, NULL);
  return g_strcmp0 (title, "Search") == 0;
}

/* Keyboard Shortcuts (Ctrl+? and the primary menu) opens the list of keys
 * over the window; the list is built when first asked for, not with every
 * window at start-up. */
static void
test_shortcuts_window (Fixture *f, gconstpointer data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (f->window);
  GtkShortcutsWindow *overlay;

  g_assert_null (gtk_application_window_get_help_overlay (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (wait_until (help_overlay_shown, window, 10000));
  overlay = gtk_application_window_get_help_overlay (window);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  g_assert_nonnull (find_widget (GTK_WIDGET (overlay), is_search_shortcut, NULL));
  gtk_window_close (GTK_WINDOW (overlay));
  g_assert_false (help_overlay_shown (window));

  /* Asked for again, the same list shows again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (wait_until (help_overlay_shown, window, 10000));
  g_assert_true (gtk_application_window_get_help_overlay (window) == overlay);
  gtk_window_close (GTK_WINDOW (overlay));
}

int
main (int argc, char **argv)
{
  int status;

  app = window_test_init (&argc, &argv, "io.github.migmap.MigMap.Test");

  g_test_add ("/window/click-tunis", Fixture, NULL, window_fixture_set_up, test_click_tunis, window_fixture_tear_down);
  g_test_add ("/window/drag-pans", Fixture, NULL, window_fixture_set_up, test_drag_pans, window_fixture_tear_down);
  g_test_add ("/window/map-moves-before-render", Fixture, NULL, window_fixture_set_up, test_map_moves_before_render,
              window_fixture_tear_down);
  g_test_add ("/window/countries-page", Fixture, NULL, window_fixture_set_up, test_countries_page, window_fixture_tear_down);
  g_test_add ("/window/shortcuts-window", Fixture, NULL, window_fixture_set_up, test_shortcuts_window, window_fixture_tear_down);
  g_test_add ("/window/layer-toggle", Fixture, NULL, window_fixture_set_up, test_layer_toggle, window_fixture_tear_down);
  g_test_add ("/window/count-legend", Fixture, NULL, window_fixture_set_up, test_count_legend, window_fixture_tear_down);
  g_test_add ("/window/project-highlight", Fixture, NULL, window_fixture_set_up, test_project_highlight_and_country,
              window_fixture_tear_down);
  g_test_add ("/window/search", Fixture, NULL, window_fixture_set_up, test_search, window_fixture_tear_down);
  g_test_add ("/window/search-first-results", Fixture, NULL, window_fixture_set_up, test_search_first_results, window_fixture_tear_down);
  g_test_add ("/window/entity-pages", Fixture, NULL, window_fixture_set_up, test_entity_pages, window_fixture_tear_down);
  g_test_add ("/window/keyboard-walk", Fixture, NULL, window_fixture_set_up, test_keyboard_walk, window_fixture_tear_down);
  g_test_add ("/window/tab-order", Fixture, NULL, window_fixture_set_up, test_tab_order, window_fixture_tear_down);
  g_test_add ("/window/broken-shapefile", Fixture, NULL, window_fixture_set_up, test_broken_shapefile, window_fixture_tear_down);
  g_test_add ("/window/print-to-pdf", Fixture, NULL, window_fixture_set_up, test_print_to_pdf, window_fixture_tear_down);
  g_test_add ("/window/hostile-shapefiles", Fixture, NULL, window_fixture_set_up, test_hostile_shapefiles, window_fixture_tear_down);
  g_test_add ("/window/export-series", Fixture, NULL, window_fixture_set_up, test_export_series, window_fixture_tear_down);
  g_test_add ("/window/timeline", Fixture, NULL, window_fixture_set_up, test_timeline, window_fixture_tear_down);
  g_test_add ("/window/export-matches-cli", Fixture, NULL, window_fixture_set_up, test_export_matches_cli, window_fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
