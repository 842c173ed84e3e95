/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-i18n.c: the window, search and exported pages in the language of
 * $LANGUAGE (the meson test runs this program once per language) */
#include <gtk/gtk.h>

#include "migmap-catalogue-editor.h"
#include "migmap-data-files.h"
#include "migmap-language.h"
#include "migmap-layers-panel.h"
#include "migmap-widget-helpers.h"
#include "migmap-window.h"

static GtkApplication *app;
static MigmapWindow *window;
static MigmapCatalogue *catalogue;
static const char *language;

static gboolean
timeout_reached (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_reached, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The translation exists (differs from the English) and the window shows it. */
static void
assert_translated_in (GtkWidget *widget, const char *english)
{
  const char *translated = g_dgettext ("migmap", english);
  g_autofree char *text = migmap_widget_dup_text (widget);

  if (g_str_equal (language, "en"))
    translated = english;
  else
    g_assert_cmpstr (translated, !=, english);
  g_test_message ("“%s” → “%s”", english, translated);
  g_assert_nonnull (strstr (text, translated));
}

static gboolean
is_stack_switcher (GtkWidget *widget)
{
  return GTK_IS_STACK_SWITCHER (widget);
}

static GtkWidget *
find (GtkWidget *root, gboolean (*match) (GtkWidget *))
{
  if (match (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, match);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_panels (void)
{
  MigmapCountryPanel *country = migmap_window_get_country_panel (window);
  const char *morocco = migmap_country_codes_get_translated_name (migmap_catalogue_get_country_codes (catalogue), "MAR");
  g_autofree char *text = NULL;

  /* Sidebar tabs and layer sections. */
  assert_translated_in (find (GTK_WIDGET (window), is_stack_switcher), "Layers");
  assert_translated_in (GTK_WIDGET (window), "Partner states");
  assert_translated_in (GTK_WIDGET (window), "Project countries");
  /* The catalogue's own names (tools/catalogue-labels.py): a layer's title
   * in the layers panel, a dialogue's name on its page. */
  assert_translated_in (GTK_WIDGET (window), "MTM Dialogue partner states, 2012");
  migmap_window_show_entity (window, G_OBJECT (migmap_catalogue_lookup_dialogue (catalogue, "rabat-process")));
  settle (100);
  assert_translated_in (GTK_WIDGET (migmap_window_get_entity_panel (window)), "Rabat Process");
  /* The welcome page. */
  assert_translated_in (GTK_WIDGET (window), "Click a Country");

  /* The country panel: iso-codes' name for the country, MigMap's headings. */
  migmap_window_select_country (window, "MAR", FALSE);
  settle (100);
  text = migmap_country_panel_dup_text (country);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, morocco));
  if (!g_str_equal (language, "en"))
    g_assert_cmpstr (morocco, !=, "Morocco");
  assert_translated_in (GTK_WIDGET (country), "Member of");
}

static void
test_direction (void)
{
  GtkWidget *map = GTK_WIDGET (migmap_window_get_map_view (window));
  GtkWidget *switcher = find (GTK_WIDGET (window), is_stack_switcher);
  graphene_point_t map_origin, sidebar_origin;
  gboolean rtl = g_str_equal (language, "ar");

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  g_assert_true (gtk_widget_compute_point (map, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &map_origin));
  g_assert_true (gtk_widget_compute_point (switcher, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &sidebar_origin));
  /* The layers sidebar sits before the map in reading order: left in
   * English and French, right in Arabic. */
  if (rtl)
    g_assert_cmpfloat (sidebar_origin.x, >, map_origin.x);
  else
    g_assert_cmpfloat (sidebar_origin.x, <, map_origin.x);
}

static gboolean
is_layers_panel (GtkWidget *widget)
{
  return MIGMAP_IS_LAYERS_PANEL (widget);
}

/* Every label of @root lies inside @row, the row it is in. */
static void
assert_labels_inside (GtkWidget *root, GtkWidget *row, guint *n_labels)
{
  if (GTK_IS_LABEL (root))
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (root, row, &bounds));
      if (bounds.origin.x < 0 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (row) + 0.5)
        g_error ("“%s” is drawn from x = %.0f to %.0f in a row %d wide", gtk_label_get_text (GTK_LABEL (root)),
                 bounds.origin.x, bounds.origin.x + bounds.size.width, gtk_widget_get_width (row));
      ++*n_labels;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    assert_labels_inside (child, row, n_labels);
}

/* A layer's name wraps inside the sidebar, in every language: an Arabic
 * name with Latin digits once ran past its left edge, cut off. */
static void
test_layer_names_fit (void)
{
  GtkWidget *panel = find (GTK_WIDGET (window), is_layers_panel);
  GtkWidget *list = gtk_widget_get_first_child (panel);
  guint n_rows = 0, n_labels = 0;

  while (list && !GTK_IS_LIST_BOX (list))
    list = gtk_widget_get_first_child (list);
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      {
        assert_labels_inside (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)), row, &n_labels);
        n_rows++;
      }
  g_test_message ("%u labels in %u rows", n_labels, n_rows);
  g_assert_cmpuint (n_rows, >, 10);
  g_assert_cmpuint (n_labels, ==, 2 * n_rows);
}

static void
test_search_any_language (void)
{
  /* تركيا: iso-codes has no Arabic for "Türkiye", MigMap's own po does. */
  const char *queries[] = { "Morocco", "Maroc", "المغرب", "maroc", "tunisie", "تونس", "تركيا" };
  const char *expected[] = { "MAR", "MAR", "MAR", "MAR", "TUN", "TUN", "TUR" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      const char *kind = NULL;
      const char *id;

      migmap_window_search (window, queries[i]);
      g_assert_cmpuint (migmap_window_get_n_search_results (window), >, 0);
      id = migmap_window_get_search_result (window, 0, &kind);
      g_test_message ("%s → %s %s", queries[i], kind, id);
      g_assert_cmpstr (kind, ==, "country");
      g_assert_cmpstr (id, ==, expected[i]);
    }

  /* The catalogue's own names (groups, dialogues) are found, and shown, in
   * the interface language. */
  {
    const char *query = g_str_equal (language, "fr") ? "Processus de Rabat"
                        : g_str_equal (language, "ar") ? "مسار الرباط" : "Rabat Process";
    const char *kind = NULL;
    const char *id;

    migmap_window_search (window, query);
    g_assert_cmpuint (migmap_window_get_n_search_results (window), >, 0);
    id = migmap_window_get_search_result (window, 0, &kind);
    g_test_message ("%s → %s %s", query, kind, id);
    g_assert_cmpstr (kind, ==, "dialogue");
    g_assert_cmpstr (id, ==, "rabat-process");
  }
  migmap_window_search (window, "");
}

/* pdftotext may split Arabic words where glyphs join, adds direction marks,
 * and reads the lam-alef ligature back as alef-lam: compare without white
 * space and marks, with that ligature read its way. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        g_string_append_unichar (out, c);
    }
  g_string_replace (out, "\u0644\u0627", "\u0627\u0644", 0);
  return g_string_free (out, FALSE);
}

/* The last @n characters of @text. */
static char *
tail (const char *text, glong n)
{
  glong length = g_utf8_strlen (text, -1);
  return g_strdup (g_utf8_offset_to_pointer (text, MAX (0, length - n)));
}

/* migmap-render --language: the page's legend, labels and footer. */
static void
test_exported_page (void)
{
  g_autofree char *dir = g_dir_make_tmp ("migmap-i18n-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "page.pdf", NULL);
  const char *argv[] = { g_getenv ("MIGMAP_RENDER"), "--language", language, "--layout", "page",
                         "--layers", "mtm-partner-states-2012,emm5-countries,places", "-o", pdf, NULL };
  const char *to_text[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = NULL;
  g_autofree char *legend = NULL;
  g_autoptr(GError) error = NULL;
  MigmapCountryCodes *codes = migmap_catalogue_get_country_codes (catalogue);
  const char *checks[4];
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) to_text, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, &status, &error));
  g_test_message ("%s", text);

  legend = g_strdup_printf (g_dgettext ("migmap", "Countries of %s"), "EMM5");
  /* Countries whose labels stand clear of the legend and the scale bar. */
  checks[0] = migmap_country_codes_get_translated_name (codes, "TUR");
  /* Not Latin letters on an Arabic map. */
  if (g_str_equal (language, "ar"))
    g_assert_cmpstr (checks[0], ==, "تركيا");
  checks[1] = migmap_country_codes_get_translated_name (codes, "ESP");
  checks[2] = legend;
  checks[3] = g_dgettext ("migmap", "Offices, venues and cities");
  {
    g_autofree char *squeezed = squeeze (text);
    /* Its end: pdftotext mangles lam with hamzated alef ("الأسماء") as well. */
    g_autofree char *ending = tail (g_dgettext ("migmap", "Boundaries, names and the designations used on "
                                                "this map do not imply official endorsement or acceptance."), 20);
    g_autofree char *disclaimer = squeeze (ending);

    for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
      {
        g_autofree char *wanted = squeeze (checks[i]);
        g_test_message ("expecting “%s”", checks[i]);
        g_assert_nonnull (strstr (squeezed, wanted));
      }
    g_test_message ("expecting the disclaimer to end “%s”", ending);
    g_assert_nonnull (strstr (squeezed, disclaimer));
  }
}

/* An entry's History line is in the interface language; what changed stays
 * as the file records it. */
static void
test_history (void)
{
  g_autofree char *path = migmap_find_data_file ("data/catalogue.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapCountryCodes) codes = migmap_country_codes_new_default (&error);
  g_autoptr(MigmapCatalogueEditor) editor = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 20, 14, 2, 0);
  g_autofree char *json = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) log = NULL;
  const char *format = g_dgettext ("migmap", "edited %s by %s: %s");
  g_autofree char *prefix = NULL;
  gsize length;

  g_assert_no_error (error);
  editor = migmap_catalogue_editor_new_from_file (path, codes, &error);
  g_assert_no_error (error);
  json = migmap_catalogue_editor_dup_entity (editor, "projects", "amedip");
  {
    g_autoptr(GRegex) end = g_regex_new ("\"end\": *\"2014-09\"", 0, 0, NULL);

    moved = g_regex_replace_literal (end, json, -1, 0, "\"end\": \"2015-03\"", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (moved, !=, json);
  }
  g_assert_true (migmap_catalogue_editor_put (editor, "projects", moved, "phone call", &error));
  g_assert_no_error (error);
  data = migmap_catalogue_editor_save_data (editor, "amina", when, &length);
  migmap_catalogue_editor_save_done (editor, TRUE);
  log = migmap_catalogue_editor_dup_change_log (editor, "projects", "amedip");
  g_assert_cmpuint (g_strv_length (log), ==, 1);
  g_test_message ("%s", log[0]);

  if (g_str_equal (language, "en"))
    g_assert_cmpstr (format, ==, "edited %s by %s: %s");
  else
    g_assert_cmpstr (format, !=, "edited %s by %s: %s");
  prefix = g_strndup (format, strstr (format, "%s") - format);
  g_assert_true (g_str_has_prefix (log[0], prefix));
  g_assert_nonnull (strstr (log[0], "2026-11-20"));
  g_assert_nonnull (strstr (log[0], "amina"));
  g_assert_nonnull (strstr (log[0], "\"2014-09\" -> \"2015-03\""));
}

int
main (int argc, char **argv)
{
  g_autofree char *catalogue_path = NULL;
  g_autofree char *shapes_path = NULL;
  g_autoptr(MigmapShapeSet) shapes = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  language = g_getenv ("LANGUAGE");
  g_assert_nonnull (language);
  migmap_language_init (language);
  gtk_test_init (&argc, &argv, NULL);

  catalogue_path = migmap_find_data_file ("data/catalogue.json");
  shapes_path = migmap_find_data_file ("shapes/ne_50m_admin0.shp");
  catalogue = migmap_catalogue_new_from_file (catalogue_path, &error);
  g_assert_no_error (error);
  shapes = migmap_shape_set_new_from_file (shapes_path, NULL, &error);
  g_assert_no_error (error);

  app = gtk_application_new ("io.github.migmap.MigMap.TestI18n", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  window = migmap_window_new (app, catalogue, shapes, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle (500);

  g_test_add_func ("/i18n/panels", test_panels);
  g_test_add_func ("/i18n/direction", test_direction);
  g_test_add_func ("/i18n/layer-names-fit", test_layer_names_fit);
  g_test_add_func ("/i18n/search-any-language", test_search_any_language);
  g_test_add_func ("/i18n/exported-page", test_exported_page);
  g_test_add_func ("/i18n/history", test_history);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (catalogue);
  g_object_unref (app);
  return status;
}
