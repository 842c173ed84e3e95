/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-catalogue-search.c: the search results the window lists, as a
 * GListModel of MigmapSearchResult, with the map's own countries
 * (shapes/ne_50m_admin0.shp, as the window loads by default) */
#include "catalogue-test-util.h"
#include "migmap-shape-set.h"

#include <locale.h>

typedef struct {
  GPtrArray *codes; /* the map's country codes, in its order, NULL-terminated */
  GPtrArray *names; /* parallel: the map data's names */
} MapCountries;

static MapCountries map_countries;

static void
load_map_countries (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("MIGMAP_SHAPES_DIR"), "ne_50m_admin0.shp", NULL);
  g_autoptr(MigmapShapeSet) shapes = migmap_shape_set_new_from_file (path, NULL, &error);

  g_assert_no_error (error);
  map_countries.codes = g_ptr_array_new_with_free_func (g_free);
  map_countries.names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < migmap_shape_set_get_n_features (shapes); i++)
    {
      const MigmapFeature *feature = migmap_shape_set_get_feature (shapes, i);

      g_ptr_array_add (map_countries.codes, g_strdup (feature->code));
      g_ptr_array_add (map_countries.names, g_strdup (feature->name));
    }
  g_ptr_array_add (map_countries.codes, NULL);
  g_ptr_array_add (map_countries.names, NULL);
}

static GListModel *
search (const char *query)
{
  GListModel *results = migmap_catalogue_search_results (load_real_catalogue (), query,
                                                         (const char * const *) map_countries.codes->pdata,
                                                         (const char * const *) map_countries.names->pdata);

  g_assert_true (g_list_model_get_item_type (results) == MIGMAP_TYPE_SEARCH_RESULT);
  return results;
}

/* "kind:id" of each result, space-separated. */
static char *
describe (GListModel *results)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(MigmapSearchResult) result = g_list_model_get_item (results, i);

      g_string_append_printf (text, "%s%s:%s", i ? " " : "",
                              migmap_search_result_kind_to_string (migmap_search_result_get_kind (result)),
                              migmap_search_result_get_id (result));
    }
  return g_string_free (text, FALSE);
}

static MigmapSearchResult *
nth (GListModel *results,
     guint       index)
{
  g_assert_cmpuint (index, <, g_list_model_get_n_items (results));
  return MIGMAP_SEARCH_RESULT (g_list_model_get_item (results, index));
}

/* Typed in the search entry, "AMEDIP" shows the project first. */
static void
test_amedip (void)
{
  g_autoptr(GListModel) results = search ("AMEDIP");
  g_autoptr(MigmapSearchResult) first = nth (results, 0);
  g_autofree char *all = describe (results);
  MigmapSearchResultKind kind;
  g_autofree char *id = NULL;

  g_assert_cmpint (migmap_search_result_get_kind (first), ==, MIGMAP_SEARCH_RESULT_PROJECT);
  g_assert_cmpstr (migmap_search_result_get_id (first), ==, "amedip");
  g_assert_cmpstr (migmap_search_result_get_title (first), ==,
                   migmap_project_get_title (migmap_catalogue_lookup_project (load_real_catalogue (), "amedip")));
  g_assert_cmpstr (migmap_search_result_get_detail (first), ==, "AMEDIP");
  /* The same through the properties a row template binds to. */
  g_object_get (first, "kind", &kind, "id", &id, NULL);
  g_assert_cmpint (kind, ==, MIGMAP_SEARCH_RESULT_PROJECT);
  g_assert_cmpstr (id, ==, "amedip");

  /* Its events and its brochure are listed too, and no country is called
   * AMEDIP. */
  g_assert_nonnull (strstr (all, "event:amedip-workshop-tunis"));
  g_assert_nonnull (strstr (all, "document:amedip-brochure"));
  g_assert_null (strstr (all, "country:"));
}

/* A lower-case name without its accent finds Türkiye, first. */
static void
test_turkiye (void)
{
  g_autoptr(GListModel) results = search ("turkiye");
  g_autoptr(MigmapSearchResult) first = nth (results, 0);

  g_assert_cmpint (migmap_search_result_get_kind (first), ==, MIGMAP_SEARCH_RESULT_COUNTRY);
  g_assert_cmpstr (migmap_search_result_get_id (first), ==, "TUR");
  g_assert_cmpstr (migmap_search_result_get_title (first), ==, "Türkiye");
  g_assert_null (migmap_search_result_get_detail (first));
}

/* The city called Tunis before the country whose name starts so, and both
 * before the projects that merely mention them. */
static void
test_order (void)
{
  g_autoptr(GListModel) tunis = search ("tunis");
  g_autoptr(GListModel) tajoura = search ("tajóura");
  g_autoptr(GListModel) morocco = search ("  morocco ");
  g_autofree char *tunis_all = describe (tunis);
  g_autofree char *tajoura_all = describe (tajoura);
  g_autofree char *morocco_all = describe (morocco);

  g_assert_true (g_str_has_prefix (tunis_all, "place:tunis country:TUN project:"));
  /* Places in Tunisia before the projects that merely mention it. */
  g_assert_true (strstr (tunis_all, "place:sfax") < strstr (tunis_all, "project:amedip "));

  /* Accents ignored; a place's detail is its country's name. */
  g_assert_true (g_str_has_prefix (tajoura_all, "place:tajoura "));
  g_assert_nonnull (strstr (tajoura_all, "project:mc2cm-ii"));
  for (guint i = 0; i < g_list_model_get_n_items (tajoura); i++)
    {
      g_autoptr(MigmapSearchResult) result = nth (tajoura, i);

      if (g_str_equal (migmap_search_result_get_id (result), "tajoura"))
        {
          g_assert_cmpstr (migmap_search_result_get_title (result), ==, "Tajoura");
          g_assert_cmpstr (migmap_search_result_get_detail (result), ==, "Libya");
        }
    }

  /* Spaces around the words do not matter. */
  g_assert_true (g_str_has_prefix (morocco_all, "country:MAR"));
}

/* What a person types finds what they mean, first: the sources'
 * spellings, French and Arabic names, a typo, acronyms, every kind. */
static void
test_first_results (void)
{
  static const struct { const char *query, *first; } cases[] = {
    { "Turkey", "country:TUR" },
    { "Cape Verde", "country:CPV" },
    { "Tunsia", "country:TUN" },
    { "Maroc", "country:MAR" },
    { "لبنان", "country:LBN" },
    { "Tunis", "place:tunis" },
    { "AMEDIP", "project:amedip" },
    { "EU-27", "group:eu-27-2007-2013" },
    { "EU Member States", "group:eu-member-states-2020" },
    { "Frontex", "organisation:frontex" },
    { "RO MED", "place:ro-med" },
    { "5+5", "dialogue:five-plus-five" },
    { "Rabat Process", "dialogue:rabat-process" },
    { "Tripoli", "place:tripoli" },
    { "mediteranean transit", "dialogue:mtm" },
    /* hamza on the alef, or not */
    { "الجزائر", "country:DZA" },
    { "الجزاير", "country:DZA" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GListModel) results = search (cases[i].query);
      g_autofree char *all = describe (results);

      g_test_message ("%s: %s", cases[i].query, all);
      g_assert_true (g_str_has_prefix (all, cases[i].first) &&
                     (all[strlen (cases[i].first)] == ' ' || all[strlen (cases[i].first)] == '\0'));
    }
}

/* One typo only in words of five letters or more. */
static void
test_typos (void)
{
  g_autoptr(GListModel) two_typos = search ("Tnsiaa");
  g_autoptr(GListModel) short_word = search ("Mlta");
  g_autofree char *two_all = describe (two_typos);
  g_autofree char *short_all = describe (short_word);

  g_assert_null (strstr (two_all, "country:TUN"));
  g_assert_null (strstr (short_all, "country:MLT"));
}

static void
test_nothing (void)
{
  g_autoptr(GListModel) empty = search ("");
  g_autoptr(GListModel) blank = search (" \t ");
  g_autoptr(GListModel) unknown = search ("xyzzy");
  g_autoptr(GListModel) null_query = search (NULL);

  g_assert_cmpuint (g_list_model_get_n_items (empty), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (blank), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (unknown), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (null_query), ==, 0);
}

/* A map country iso-codes does not know is found and titled by the map
 * data's name; without map countries, only the catalogue is searched. */
static void
test_map_names (void)
{
  const char *codes[] = { "TUN", "ZZA", NULL };
  const char *names[] = { "Tunisia", "Atlantis", NULL };
  g_autoptr(GListModel) atlantis = migmap_catalogue_search_results (load_real_catalogue (), "atlant", codes, names);
  g_autoptr(GListModel) by_code = migmap_catalogue_search_results (load_real_catalogue (), "zza", codes, NULL);
  g_autoptr(GListModel) no_map = migmap_catalogue_search_results (load_real_catalogue (), "tunisia", NULL, NULL);
  g_autoptr(MigmapSearchResult) first = nth (atlantis, 0);
  g_autoptr(MigmapSearchResult) code_only = nth (by_code, 0);
  g_autofree char *no_map_all = describe (no_map);

  g_assert_cmpuint (g_list_model_get_n_items (atlantis), ==, 1);
  g_assert_cmpstr (migmap_search_result_get_id (first), ==, "ZZA");
  g_assert_cmpstr (migmap_search_result_get_title (first), ==, "Atlantis");
  g_assert_cmpstr (migmap_search_result_get_title (code_only), ==, "ZZA");
  g_assert_null (strstr (no_map_all, "country:"));
  g_assert_cmpuint (g_list_model_get_n_items (no_map), >, 0);
}

static void
test_kind_names (void)
{
  g_assert_cmpstr (migmap_search_result_kind_to_string (MIGMAP_SEARCH_RESULT_COUNTRY), ==, "country");
  g_assert_cmpstr (migmap_search_result_kind_to_string (MIGMAP_SEARCH_RESULT_ORGANISATION), ==, "organisation");
  g_assert_cmpstr (migmap_search_result_kind_to_string (MIGMAP_SEARCH_RESULT_DOCUMENT), ==, "document");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* As the window and migmap-query do: gettext gives iso-codes' French and
   * Arabic names only in a real locale (C.UTF-8 here). */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  load_map_countries ();

  g_test_add_func ("/catalogue/search/amedip", test_amedip);
  g_test_add_func ("/catalogue/search/turkiye", test_turkiye);
  g_test_add_func ("/catalogue/search/order", test_order);
  g_test_add_func ("/catalogue/search/first-results", test_first_results);
  g_test_add_func ("/catalogue/search/typos", test_typos);
  g_test_add_func ("/catalogue/search/nothing", test_nothing);
  g_test_add_func ("/catalogue/search/map-names", test_map_names);
  g_test_add_func ("/catalogue/search/kind-names", test_kind_names);

  status = g_test_run ();
  g_ptr_array_unref (map_countries.codes);
  g_ptr_array_unref (map_countries.names);
  free_real_catalogue ();
  return status;
}
