/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-catalogue-geography.c: the catalogue agrees with the map's shapes:
 * every country code has a shape, and every place lies in its country.
 * Needs the map core (migmap_core_dep) and shapes/ne_*_admin0.shp. */
#include "catalogue-test-util.h"
#include "migmap-shape-set.h"

/* A 1:50m coastline can put a harbour city (Valletta, Tunis, Sfax, Beirut)
 * a little out at sea; 0.1° (about 10 km) forgives that without letting a
 * city slip into a neighbouring country's interior. */
#define COAST_TOLERANCE_DEG 0.1

static MigmapShapeSet *
load_shapes (const char *name)
{
  g_autoptr(GError) error = NULL;
  const char *dir = g_getenv ("MIGMAP_SHAPES_DIR");
  g_autofree char *path = NULL;
  MigmapShapeSet *shapes;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);
  shapes = migmap_shape_set_new_from_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (shapes);
  return shapes;
}

static void
collect (GHashTable         *codes,
         const char * const *list)
{
  for (guint i = 0; list && list[i]; i++)
    g_hash_table_add (codes, (gpointer) list[i]);
}

/* Every alpha-3 code the catalogue uses anywhere. */
static GHashTable *
catalogue_country_codes (MigmapCatalogue *catalogue)
{
  GHashTable *codes = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *model;

  model = migmap_catalogue_get_groups (catalogue);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MigmapGroup) group = g_list_model_get_item (model, i);
      collect (codes, migmap_group_get_countries (group));
    }
  model = migmap_catalogue_get_projects (catalogue);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MigmapProject) project = g_list_model_get_item (model, i);
      collect (codes, migmap_project_get_countries (project));
    }
  model = migmap_catalogue_get_places (catalogue);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MigmapPlace) place = g_list_model_get_item (model, i);

      if (migmap_place_get_country (place) != NULL)
        g_hash_table_add (codes, (gpointer) migmap_place_get_country (place));
      for (guint c = 0; c < migmap_place_get_n_candidates (place); c++)
        g_hash_table_add (codes, migmap_place_get_candidate (place, c)->country);
    }
  model = migmap_catalogue_get_organisations (catalogue);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MigmapOrganisation) organisation = g_list_model_get_item (model, i);

      if (migmap_organisation_get_country (organisation) != NULL)
        g_hash_table_add (codes, (gpointer) migmap_organisation_get_country (organisation));
    }
  return codes;
}

static void
check_codes_in (const char *shapefile)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  g_autoptr(MigmapShapeSet) shapes = load_shapes (shapefile);
  g_autoptr(GHashTable) codes = catalogue_country_codes (catalogue);
  GHashTableIter iter;
  gpointer code;
  guint missing = 0;

  g_assert_cmpuint (g_hash_table_size (codes), >=, 53);
  g_hash_table_iter_init (&iter, codes);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    if (migmap_shape_set_lookup (shapes, code) == NULL)
      {
        g_test_message ("%s: no shape for country code %s", shapefile, (const char *) code);
        missing++;
      }
  g_assert_cmpuint (missing, ==, 0);
}

static void
test_codes_have_shapes_50m (void)
{
  check_codes_in ("ne_50m_admin0.shp");
}

static void
test_codes_have_shapes_10m (void)
{
  check_codes_in ("ne_10m_admin0.shp");
}

static const char *
country_at (MigmapShapeSet *shapes,
            double          lon,
            double          lat)
{
  const MigmapFeature *feature = migmap_shape_set_feature_at (shapes, lon, lat);

  if (feature == NULL)
    {
      feature = migmap_shape_set_feature_near (shapes, lon, lat, COAST_TOLERANCE_DEG);
      if (feature != NULL)
        g_test_message ("(%g, %g) is off the coastline, within %g deg of %s",
                        lon, lat, COAST_TOLERANCE_DEG, feature->code);
    }
  return feature ? feature->code : NULL;
}

static void
check_places_in (const char *shapefile)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  g_autoptr(MigmapShapeSet) shapes = load_shapes (shapefile);
  GListModel *places = migmap_catalogue_get_places (catalogue);
  guint wrong = 0, checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(MigmapPlace) place = g_list_model_get_item (places, i);
      const char *found;

      /* An unresolved place has no point; each of its readings must still
       * lie in the country it proposes. */
      for (guint c = 0; c < migmap_place_get_n_candidates (place); c++)
        {
          const MigmapPlaceCandidate *candidate = migmap_place_get_candidate (place, c);

          found = country_at (shapes, candidate->lon, candidate->lat);
          checked++;
          if (g_strcmp0 (found, candidate->country) != 0)
            {
              g_test_message ("%s: candidate %u of %s (%g, %g) is in %s, not %s", shapefile, c,
                              migmap_place_get_id (place), candidate->lon, candidate->lat,
                              found ? found : "no country", candidate->country);
              wrong++;
            }
        }
      if (!migmap_place_has_coordinates (place))
        continue;

      found = country_at (shapes, migmap_place_get_lon (place), migmap_place_get_lat (place));
      checked++;
      if (g_strcmp0 (found, migmap_place_get_country (place)) != 0)
        {
          g_test_message ("%s: %s (%g, %g) is in %s, not %s", shapefile, migmap_place_get_id (place),
                          migmap_place_get_lon (place), migmap_place_get_lat (place),
                          found ? found : "no country", migmap_place_get_country (place));
          wrong++;
        }
    }
  g_assert_cmpuint (checked, >, 30);
  g_assert_cmpuint (wrong, ==, 0);
}

static void
test_places_in_their_country_50m (void)
{
  check_places_in ("ne_50m_admin0.shp");
}

static void
test_places_in_their_country_10m (void)
{
  check_places_in ("ne_10m_admin0.shp");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalogue/geography/codes-have-shapes-50m", test_codes_have_shapes_50m);
  g_test_add_func ("/catalogue/geography/codes-have-shapes-10m", test_codes_have_shapes_10m);
  g_test_add_func ("/catalogue/geography/places-in-their-country-50m", test_places_in_their_country_50m);
  g_test_add_func ("/catalogue/geography/places-in-their-country-10m", test_places_in_their_country_10m);

  status = g_test_run ();
  free_real_catalogue ();
  return status;
}
