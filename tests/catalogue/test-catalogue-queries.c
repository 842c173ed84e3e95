/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-catalogue-queries.c: the catalogue's queries and search, on the real
 * data/catalogue.json */
#include "catalogue-test-util.h"
#include "migmap-catalogue-private.h" /* migmap_text_fold() */

static void
test_projects_in_country (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  g_autoptr(GPtrArray) all = migmap_catalogue_projects_in_country (catalogue, "TUN", NULL);
  g_autoptr(GPtrArray) in_2021 = NULL;
  g_autoptr(GPtrArray) in_2012 = NULL;
  g_autoptr(GPtrArray) jordan = NULL;
  MigmapDate june_2021 = date_from ("2021-06"), y2012 = date_from ("2012");

  /* Listed, through a country group, or through a place (MC2CM's cities). */
  g_assert_true (result_has_id (all, "progres-migration"));
  g_assert_true (result_has_id (all, "ibm-tunisia-iii"));
  g_assert_true (result_has_id (all, "diaspora-dialogue"));
  g_assert_true (result_has_id (all, "bmp-maghreb"));
  g_assert_true (result_has_id (all, "emgpp"));
  g_assert_true (result_has_id (all, "emm5"));
  g_assert_true (result_has_id (all, "mc2cm-ii"));
  g_assert_true (result_has_id (all, "amedip"));
  g_assert_true (result_has_id (all, "mtm-i-map-2009-2010"));
  g_assert_true (result_has_id (all, "ibm-tunisia-training-facility"));
  g_assert_false (result_has_id (all, "jempas-ii"));
  g_assert_false (result_has_id (all, "stredeca"));
  g_assert_false (result_has_id (all, "east-africa-migration-route"));

  /* At a date: only what runs then; undated projects cannot be claimed. */
  in_2021 = migmap_catalogue_projects_in_country (catalogue, "TUN", &june_2021);
  g_assert_true (result_has_id (in_2021, "progres-migration"));
  g_assert_true (result_has_id (in_2021, "diaspora-dialogue"));
  g_assert_true (result_has_id (in_2021, "emm5"));
  g_assert_true (result_has_id (in_2021, "mc2cm-ii"));
  g_assert_false (result_has_id (in_2021, "amedip"));
  g_assert_false (result_has_id (in_2021, "ibm-tunisia-training-facility"));

  in_2012 = migmap_catalogue_projects_in_country (catalogue, "TUN", &y2012);
  g_assert_true (result_has_id (in_2012, "amedip"));
  g_assert_false (result_has_id (in_2012, "progres-migration"));
  g_assert_false (result_has_id (in_2012, "linking-emigrant-communities"));

  jordan = migmap_catalogue_projects_in_country (catalogue, "JOR", NULL);
  g_assert_true (result_has_id (jordan, "jempas-ii"));
  g_assert_true (result_has_id (jordan, "midam"));
  g_assert_true (result_has_id (jordan, "docsec-jordan"));
  g_assert_true (result_has_id (jordan, "ibm-jordan"));
  g_assert_true (result_has_id (jordan, "emm5"));
  g_assert_true (result_has_id (jordan, "mc2cm-ii"));  /* Amman */
  g_assert_false (result_has_id (jordan, "amedip"));
}

static void
test_groups_for_country (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  MigmapDate y2012 = date_from ("2012"), y2021 = date_from ("2021");
  g_autoptr(GPtrArray) malta_2012 = migmap_catalogue_groups_for_country (catalogue, "MLT", &y2012);
  g_autoptr(GPtrArray) malta_2021 = migmap_catalogue_groups_for_country (catalogue, "MLT", &y2021);
  g_autoptr(GPtrArray) uk_2021 = migmap_catalogue_groups_for_country (catalogue, "GBR", &y2021);
  g_autoptr(GPtrArray) croatia_2012 = migmap_catalogue_groups_for_country (catalogue, "HRV", &y2012);
  g_autoptr(GPtrArray) kenya_any = migmap_catalogue_groups_for_country (catalogue, "KEN", NULL);

  g_assert_true (result_has_id (malta_2012, "eu-27-2007-2013"));
  g_assert_true (result_has_id (malta_2012, "mtm-partner-states-2012"));
  g_assert_true (result_has_id (malta_2012, "amedip-countries"));
  g_assert_false (result_has_id (malta_2012, "eu-member-states-2020"));
  g_assert_false (result_has_id (malta_2012, "emm5-countries"));
  g_assert_false (result_has_id (malta_2012, "mtm-i-map-2009-2010-countries"));

  g_assert_true (result_has_id (malta_2021, "eu-member-states-2020"));
  g_assert_true (result_has_id (malta_2021, "emm5-countries"));
  g_assert_false (result_has_id (malta_2021, "eu-27-2007-2013"));
  g_assert_false (result_has_id (malta_2021, "mtm-partner-states-2012"));

  g_assert_cmpuint (uk_2021->len, ==, 0);
  g_assert_cmpuint (croatia_2012->len, ==, 0);

  g_assert_true (result_has_id (kenya_any, "mtm-partner-states-2012"));
  g_assert_true (result_has_id (kenya_any, "linking-emigrant-communities-countries"));
  g_assert_true (result_has_id (kenya_any, "east-africa-migration-route-countries"));
  g_assert_false (result_has_id (kenya_any, "emm5-countries"));
}

static void
test_group_members_at (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  MigmapGroup *emm5 = migmap_catalogue_lookup_group (catalogue, "emm5-countries");
  MigmapGroup *eu27 = migmap_catalogue_lookup_group (catalogue, "eu-27-2007-2013");
  MigmapDate y2019 = date_from ("2019"), d2021 = date_from ("2021-03-15");
  MigmapDate before_croatia = date_from ("2013-06-30"), after_croatia = date_from ("2013-07-01");
  g_auto(GStrv) before = migmap_group_dup_countries_at (emm5, &y2019);
  g_auto(GStrv) during = migmap_group_dup_countries_at (emm5, &d2021);
  g_auto(GStrv) every = migmap_group_dup_countries_at (emm5, NULL);
  g_auto(GStrv) eu_last_day = migmap_group_dup_countries_at (eu27, &before_croatia);
  g_auto(GStrv) eu_after = migmap_group_dup_countries_at (eu27, &after_croatia);

  g_assert_cmpuint (g_strv_length (before), ==, 0);
  g_assert_cmpuint (g_strv_length (during), ==, 36);
  g_assert_true (g_strv_contains ((const char * const *) during, "HRV"));
  g_assert_cmpuint (g_strv_length (every), ==, 36);
  g_assert_cmpuint (g_strv_length (eu_last_day), ==, 27);
  g_assert_cmpuint (g_strv_length (eu_after), ==, 0);
  g_assert_true (migmap_group_is_valid_at (eu27, &before_croatia));
  g_assert_false (migmap_group_is_valid_at (eu27, &after_croatia));
}

static void
test_places_and_events_of_project (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  MigmapProject *amedip = migmap_catalogue_lookup_project (catalogue, "amedip");
  MigmapProject *ibm_jordan = migmap_catalogue_lookup_project (catalogue, "ibm-jordan");
  MigmapProject *stredeca = migmap_catalogue_lookup_project (catalogue, "stredeca");
  g_autoptr(GPtrArray) amedip_places = migmap_catalogue_places_for_project (catalogue, amedip);
  g_autoptr(GPtrArray) jordan_places = migmap_catalogue_places_for_project (catalogue, ibm_jordan);
  g_autoptr(GPtrArray) stredeca_places = migmap_catalogue_places_for_project (catalogue, stredeca);
  g_autoptr(GPtrArray) stredeca_events = migmap_catalogue_events_for_project (catalogue, stredeca);
  g_autoptr(GPtrArray) mc2cm_events = NULL;

  g_assert_cmpuint (amedip_places->len, ==, 3);
  g_assert_cmpstr (migmap_place_get_id (g_ptr_array_index (amedip_places, 0)), ==, "dakar");
  g_assert_cmpstr (migmap_place_get_id (g_ptr_array_index (amedip_places, 1)), ==, "tunis");
  g_assert_cmpstr (migmap_place_get_id (g_ptr_array_index (amedip_places, 2)), ==, "bern");
  g_assert_cmpuint (jordan_places->len, ==, 1);
  g_assert_cmpuint (stredeca_places->len, ==, 0);
  g_assert_cmpuint (stredeca_events->len, ==, 0);

  mc2cm_events = migmap_catalogue_events_for_project (catalogue,
                                                      migmap_catalogue_lookup_project (catalogue, "mc2cm-ii"));
  g_assert_cmpuint (mc2cm_events->len, ==, 1);
  g_assert_cmpstr (migmap_event_get_id (g_ptr_array_index (mc2cm_events, 0)), ==, "mc2cm-days");
}

/* Exactly these entities, in this order. */
static void
assert_ids (GPtrArray  *result,
            const char *expected_space_separated)
{
  g_autoptr(GString) actual = g_string_new (NULL);

  for (guint i = 0; i < result->len; i++)
    {
      g_autofree char *id = NULL;

      g_object_get (g_ptr_array_index (result, i), "id", &id, NULL);
      g_string_append_printf (actual, "%s%s", i ? " " : "", id);
    }
  g_assert_cmpstr (actual->str, ==, expected_space_separated);
}

/* What the country panel shows under "Events" for a country. */
static void
test_events_in_country (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  MigmapDate nov_2012 = date_from ("2012-11"), y2013 = date_from ("2013"), y2012 = date_from ("2012");
  g_autoptr(GPtrArray) tunisia = migmap_catalogue_events_in_country (catalogue, "TUN", NULL);
  g_autoptr(GPtrArray) tunisia_nov_2012 = migmap_catalogue_events_in_country (catalogue, "TUN", &nov_2012);
  g_autoptr(GPtrArray) tunisia_2013 = migmap_catalogue_events_in_country (catalogue, "TUN", &y2013);
  g_autoptr(GPtrArray) netherlands = migmap_catalogue_events_in_country (catalogue, "NLD", NULL);
  g_autoptr(GPtrArray) netherlands_2012 = migmap_catalogue_events_in_country (catalogue, "NLD", &y2012);
  g_autoptr(GPtrArray) jordan = migmap_catalogue_events_in_country (catalogue, "JOR", NULL);

  /* The AMEDIP workshop in Tunis, 7-8 November 2012; not the launches
   * and MC2CM days, which have no place. */
  assert_ids (tunisia, "amedip-workshop-tunis");
  assert_ids (tunisia_nov_2012, "amedip-workshop-tunis");
  assert_ids (tunisia_2013, "");
  /* Both MTM meetings in The Hague, in file order; undated, so at no date. */
  assert_ids (netherlands, "mtm-meeting-the-hague-1 mtm-meeting-the-hague-2");
  assert_ids (netherlands_2012, "");
  assert_ids (jordan, "");
}

/* What the country panel shows above the lists when a marker is clicked. */
static void
test_at_place (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  MigmapDate y2012 = date_from ("2012"), y2020 = date_from ("2020"), y2016 = date_from ("2016");
  g_autoptr(GPtrArray) tunis_projects = migmap_catalogue_projects_at_place (catalogue, "tunis", NULL);
  g_autoptr(GPtrArray) tunis_2012 = migmap_catalogue_projects_at_place (catalogue, "tunis", &y2012);
  g_autoptr(GPtrArray) tunis_2020 = migmap_catalogue_projects_at_place (catalogue, "tunis", &y2020);
  g_autoptr(GPtrArray) tunis_2016 = migmap_catalogue_projects_at_place (catalogue, "tunis", &y2016);
  g_autoptr(GPtrArray) beja = migmap_catalogue_projects_at_place (catalogue, "beja-training-centre", NULL);
  g_autoptr(GPtrArray) hague_projects = migmap_catalogue_projects_at_place (catalogue, "the-hague", NULL);
  g_autoptr(GPtrArray) tunis_events = migmap_catalogue_events_at_place (catalogue, "tunis", NULL);
  g_autoptr(GPtrArray) tunis_events_2016 = migmap_catalogue_events_at_place (catalogue, "tunis", &y2016);
  g_autoptr(GPtrArray) hague_events = migmap_catalogue_events_at_place (catalogue, "the-hague", NULL);
  g_autoptr(GPtrArray) sfax_events = migmap_catalogue_events_at_place (catalogue, "sfax", NULL);

  /* AMEDIP held a workshop in Tunis; Tunis is one of MC2CM's cities. */
  assert_ids (tunis_projects, "amedip mc2cm-ii");
  assert_ids (tunis_2012, "amedip");
  assert_ids (tunis_2020, "mc2cm-ii");
  assert_ids (tunis_2016, "");
  assert_ids (beja, "ibm-tunisia-training-facility");
  assert_ids (hague_projects, "");

  assert_ids (tunis_events, "amedip-workshop-tunis");
  assert_ids (tunis_events_2016, "");
  assert_ids (hague_events, "mtm-meeting-the-hague-1 mtm-meeting-the-hague-2");
  assert_ids (sfax_events, "");
}

static void
test_places_in_country (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  g_autoptr(GPtrArray) tunisia = migmap_catalogue_places_in_country (catalogue, "TUN");
  g_autoptr(GPtrArray) libya = migmap_catalogue_places_in_country (catalogue, "LBY");
  g_autoptr(GPtrArray) malta = migmap_catalogue_places_in_country (catalogue, "MLT");
  g_autoptr(GPtrArray) algeria = migmap_catalogue_places_in_country (catalogue, "DZA");
  g_autoptr(GPtrArray) listed = NULL;
  const char *ids[] = { "sfax", "no-such-place", "tunis", NULL };

  assert_ids (tunisia, "tunis sfax sousse beja-training-centre tozeur-training-centre");
  /* Tripoli is unresolved (Libya or Lebanon): in neither country. */
  g_assert_false (result_has_id (libya, "tripoli"));
  g_assert_true (result_has_id (libya, "tajoura"));
  assert_ids (malta, "ro-med"); /* ICMPD's regional office */
  assert_ids (algeria, "");

  listed = migmap_catalogue_dup_places (catalogue, ids);
  assert_ids (listed, "sfax tunis");
}

static void
test_lookups (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  g_autoptr(GPtrArray) who_projects = migmap_catalogue_projects_for_organisation (catalogue, "who");
  g_autoptr(GPtrArray) uk_projects = migmap_catalogue_projects_for_organisation (catalogue, "united-kingdom");
  g_autoptr(GPtrArray) donors = NULL;
  MigmapProject *imap = migmap_catalogue_lookup_project (catalogue, "mtm-i-map-2009-2010");

  g_assert_null (migmap_catalogue_lookup_project (catalogue, "no-such-project"));
  g_assert_null (migmap_catalogue_lookup_place (catalogue, "amedip")); /* ids are per kind */
  g_assert_nonnull (migmap_catalogue_lookup_document (catalogue, "mtm-factsheet"));
  g_assert_nonnull (migmap_catalogue_lookup_theme (catalogue, "border-management-and-security"));

  g_assert_cmpuint (who_projects->len, ==, 1);
  g_assert_true (result_has_id (who_projects, "health-workers-mobility"));
  g_assert_true (result_has_id (uk_projects, "east-africa-migration-route"));
  g_assert_true (result_has_id (uk_projects, "amedip")); /* 001: the UK funds "these activities" */

  donors = migmap_catalogue_dup_organisations (catalogue, migmap_project_get_donor_ids (imap));
  g_assert_cmpuint (donors->len, ==, 6);
  g_assert_cmpstr (migmap_organisation_get_name (g_ptr_array_index (donors, 0)), ==, "European Commission");

  g_assert_cmpuint (g_strv_length ((char **) migmap_catalogue_get_source_files (catalogue)), ==, 4);
  g_assert_nonnull (migmap_catalogue_get_source_title (catalogue, S002));
  g_assert_null (migmap_catalogue_get_source_title (catalogue, "nope.txt"));
}

static void
test_search (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  g_autoptr(GPtrArray) amedip = migmap_catalogue_search (catalogue, "amedip");
  g_autoptr(GPtrArray) tunis = migmap_catalogue_search (catalogue, "tunis");
  g_autoptr(GPtrArray) emigrant = migmap_catalogue_search (catalogue, "emigrant");
  g_autoptr(GPtrArray) border_lebanon = migmap_catalogue_search_projects (catalogue, "border  LEBANON");
  g_autoptr(GPtrArray) caritas = migmap_catalogue_search_projects (catalogue, "caritas");
  g_autoptr(GPtrArray) syria = migmap_catalogue_search_projects (catalogue, "syria");
  g_autoptr(GPtrArray) turkiye = migmap_catalogue_search_projects (catalogue, "turkiye");
  g_autoptr(GPtrArray) empty = migmap_catalogue_search (catalogue, "   ");
  g_autoptr(GPtrArray) nothing = migmap_catalogue_search (catalogue, "xyzzy");

  /* Projects come first. */
  g_assert_cmpuint (amedip->len, >, 3);
  g_assert_true (MIGMAP_IS_PROJECT (g_ptr_array_index (amedip, 0)));
  g_assert_true (result_has_id (amedip, "amedip"));
  g_assert_true (result_has_id (amedip, "amedip-workshop-tunis"));
  g_assert_true (result_has_id (amedip, "amedip-brochure"));

  g_assert_true (result_has_id (tunis, "tunis"));                 /* place */
  g_assert_true (result_has_id (tunis, "amedip-workshop-tunis")); /* event at that place */
  g_assert_true (result_has_id (tunis, "progres-migration"));     /* "…of Tunisia" */
  g_assert_false (result_has_id (tunis, "jempas-ii"));

  g_assert_true (result_has_id (emigrant, "linking-emigrant-communities"));
  g_assert_true (result_has_id (emigrant, "lebanese-general-directorate-of-emigrants"));

  /* All words must match, in any case. */
  g_assert_true (result_has_id (border_lebanon, "eu-ibm-lebanon-iii"));
  g_assert_true (result_has_id (border_lebanon, "netherlands-assistance-lebanese-border-agencies"));
  g_assert_false (result_has_id (border_lebanon, "ibm-jordan"));
  g_assert_false (result_has_id (border_lebanon, "stredeca"));

  /* Organisation names and country names (English, ISO and common). */
  g_assert_true (result_has_id (caritas, "stredeca"));
  g_assert_true (result_has_id (syria, "mtm-i-map-2009-2010"));
  g_assert_false (result_has_id (syria, "amedip"));
  g_assert_true (result_has_id (turkiye, "amedip")); /* ISO name "Türkiye", accent-free query */

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (nothing->len, ==, 0);
}

static void
test_search_accents (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  const char *queries[] = { "Tajoura", "tajóura", "TAJOURA", "Tâjoura" };
  g_autoptr(GPtrArray) reference = migmap_catalogue_search (catalogue, "tajoura");
  g_autoptr(GPtrArray) gazetteer = migmap_catalogue_search (catalogue, "Tājūrā");
  g_autoptr(GPtrArray) beja = migmap_catalogue_search (catalogue, "BÉJA");

  g_assert_true (result_has_id (reference, "tajoura"));
  g_assert_true (result_has_id (reference, "mc2cm-ii"));
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) result = migmap_catalogue_search (catalogue, queries[q]);

      g_assert_cmpuint (result->len, ==, reference->len);
      for (guint i = 0; i < result->len; i++)
        g_assert_true (g_ptr_array_index (result, i) == g_ptr_array_index (reference, i));
    }
  /* The gazetteer's spelling "Tājūrā’" is searchable too. */
  g_assert_true (result_has_id (gazetteer, "tajoura"));
  g_assert_true (result_has_id (beja, "beja-training-centre"));
}

static void
test_text_fold (void)
{
  g_autofree char *a = migmap_text_fold ("Tājūrā’");
  g_autofree char *b = migmap_text_fold ("ÉCOLE Ŝtraße");
  g_autofree char *c = migmap_text_fold (NULL);

  g_assert_cmpstr (a, ==, "tajura’");
  g_assert_cmpstr (b, ==, "ecole strasse");
  g_assert_cmpstr (c, ==, "");
}

static void
test_country_codes (void)
{
  MigmapCountryCodes *codes = migmap_catalogue_get_country_codes (load_real_catalogue ());
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapCountryCodes) mini = NULL;
  g_autofree char *mini_path = g_test_build_filename (G_TEST_DIST, "data", "iso-3166-1-mini.json", NULL);
  g_auto(GStrv) all = NULL;

  g_assert_true (migmap_country_codes_contains (codes, "TUN"));
  g_assert_false (migmap_country_codes_contains (codes, "XYZ"));
  g_assert_false (migmap_country_codes_contains (codes, "tun"));
  g_assert_true (migmap_country_codes_contains (codes, "XKX"));
  g_assert_true (migmap_country_codes_is_extra (codes, "XKX"));
  g_assert_false (migmap_country_codes_is_extra (codes, "TUN"));
  g_assert_cmpstr (migmap_country_codes_get_name (codes, "XKX"), ==, "Kosovo");
  g_assert_null (migmap_country_codes_get_numeric (codes, "XKX"));
  g_assert_cmpstr (migmap_country_codes_get_name (codes, "SYR"), ==, "Syrian Arab Republic");
  g_assert_cmpstr (migmap_country_codes_get_common_name (codes, "SYR"), ==, "Syria");
  g_assert_cmpstr (migmap_country_codes_get_common_name (codes, "TUN"), ==, "Tunisia");
  g_assert_cmpstr (migmap_country_codes_get_alpha2 (codes, "TUN"), ==, "TN");
  g_assert_cmpstr (migmap_country_codes_get_numeric (codes, "TUN"), ==, "788");
  g_assert_cmpstr (migmap_country_codes_lookup_alpha2 (codes, "LY"), ==, "LBY");
  g_assert_null (migmap_country_codes_lookup_alpha2 (codes, "ZZ"));
  /* Without a translation locale, dgettext gives back the English name. */
  g_assert_cmpstr (migmap_country_codes_get_translated_name (codes, "MLT"), ==, "Malta");
  g_assert_cmpuint (migmap_country_codes_get_n_codes (codes), ==, 249 + 1);
  all = migmap_country_codes_dup_codes (codes);
  g_assert_cmpstr (all[0], ==, "ABW");
  g_assert_cmpuint (g_strv_length (all), ==, migmap_country_codes_get_n_codes (codes));

  /* The path is overridable: a four-country list plus the extras. */
  mini = migmap_country_codes_new_from_file (mini_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (migmap_country_codes_get_n_codes (mini), ==, 4 + 1);
  g_assert_false (migmap_country_codes_contains (mini, "MLT"));
  g_assert_true (migmap_country_codes_contains (mini, "LBY"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalogue/queries/projects-in-country", test_projects_in_country);
  g_test_add_func ("/catalogue/queries/groups-for-country", test_groups_for_country);
  g_test_add_func ("/catalogue/queries/group-members-at", test_group_members_at);
  g_test_add_func ("/catalogue/queries/places-and-events-of-project", test_places_and_events_of_project);
  g_test_add_func ("/catalogue/queries/events-in-country", test_events_in_country);
  g_test_add_func ("/catalogue/queries/at-place", test_at_place);
  g_test_add_func ("/catalogue/queries/places-in-country", test_places_in_country);
  g_test_add_func ("/catalogue/queries/lookups", test_lookups);
  g_test_add_func ("/catalogue/queries/search", test_search);
  g_test_add_func ("/catalogue/queries/search-accents", test_search_accents);
  g_test_add_func ("/catalogue/queries/text-fold", test_text_fold);
  g_test_add_func ("/catalogue/queries/country-codes", test_country_codes);

  status = g_test_run ();
  free_real_catalogue ();
  return status;
}
