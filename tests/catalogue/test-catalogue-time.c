/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-catalogue-time.c: the catalogue at a date (data/SCHEMA.md, "Time"),
 * on the real data/catalogue.json */
#include "catalogue-test-util.h"

static MigmapProjectTime
time_at (const char *project_id, const char *date)
{
  MigmapProject *project = migmap_catalogue_lookup_project (load_real_catalogue (), project_id);
  MigmapDate at = date_from (date);

  g_assert_nonnull (project);
  return migmap_project_get_time_at (project, &at);
}

/* STREDECA ran 1 January 2009 – 31 December 2010 (001 line 51); EMM5
 * October 2020 – September 2023 (003 lines 194, 196). */
static void
test_project_time (void)
{
  g_assert_cmpint (time_at ("stredeca", "2008-12-31"), ==, MIGMAP_PROJECT_TIME_PLANNED);
  g_assert_cmpint (time_at ("stredeca", "2009-01-01"), ==, MIGMAP_PROJECT_TIME_RUNNING);
  g_assert_cmpint (time_at ("stredeca", "2010"), ==, MIGMAP_PROJECT_TIME_RUNNING);
  g_assert_cmpint (time_at ("stredeca", "2011-01"), ==, MIGMAP_PROJECT_TIME_COMPLETED);
  g_assert_cmpint (time_at ("emm5", "2010"), ==, MIGMAP_PROJECT_TIME_PLANNED);
  g_assert_cmpint (time_at ("emm5", "2020-09"), ==, MIGMAP_PROJECT_TIME_PLANNED);
  g_assert_cmpint (time_at ("emm5", "2020-10-01"), ==, MIGMAP_PROJECT_TIME_RUNNING);
  g_assert_cmpint (time_at ("emm5", "2023-10"), ==, MIGMAP_PROJECT_TIME_COMPLETED);
  /* No date stated: nothing can be said at any date. */
  g_assert_cmpint (time_at ("amedip-pilot-1", "2012"), ==, MIGMAP_PROJECT_TIME_NOT_DATED);
}

/* A year-only date covers the whole year, a month the whole month: a
 * project ending "2010-04-30" runs "in 2010" and "in April 2010". */
static void
test_precision (void)
{
  /* Linking Emigrant Communities: 1 May 2009 – 30 April 2010 (001 line 35). */
  g_assert_cmpint (time_at ("linking-emigrant-communities", "2009"), ==, MIGMAP_PROJECT_TIME_RUNNING);
  g_assert_cmpint (time_at ("linking-emigrant-communities", "2010"), ==, MIGMAP_PROJECT_TIME_RUNNING);
  g_assert_cmpint (time_at ("linking-emigrant-communities", "2010-04"), ==, MIGMAP_PROJECT_TIME_RUNNING);
  g_assert_cmpint (time_at ("linking-emigrant-communities", "2010-05"), ==, MIGMAP_PROJECT_TIME_COMPLETED);
  g_assert_cmpint (time_at ("linking-emigrant-communities", "2009-04"), ==, MIGMAP_PROJECT_TIME_PLANNED);
  g_assert_cmpint (time_at ("linking-emigrant-communities", "2009-04-30"), ==, MIGMAP_PROJECT_TIME_PLANNED);
  /* The France 2022 work is dated "2022" only: all of 2022, not before. */
  g_assert_cmpint (time_at ("mediterranean-communication-france-2022", "2022-12-31"), ==, MIGMAP_PROJECT_TIME_RUNNING);
  g_assert_cmpint (time_at ("mediterranean-communication-france-2022", "2021-12-31"), ==, MIGMAP_PROJECT_TIME_PLANNED);
  g_assert_cmpint (time_at ("mediterranean-communication-france-2022", "2023-01"), ==, MIGMAP_PROJECT_TIME_COMPLETED);
}

/* The existing queries take the date: Lebanon in 2010 has STREDECA, not
 * EMM5; the projects running at a date are exactly those "running". */
static void
test_projects_at (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  MigmapDate y2010 = date_from ("2010"), y2021 = date_from ("2021-06");
  g_autoptr(GPtrArray) lebanon_2010 = migmap_catalogue_projects_in_country (catalogue, "LBN", &y2010);
  g_autoptr(GPtrArray) lebanon_2021 = migmap_catalogue_projects_in_country (catalogue, "LBN", &y2021);
  g_autoptr(GPtrArray) at_2010 = migmap_catalogue_projects_at (catalogue, &y2010);
  g_autoptr(GPtrArray) every = migmap_catalogue_projects_at (catalogue, NULL);

  g_assert_true (result_has_id (lebanon_2010, "stredeca"));
  g_assert_false (result_has_id (lebanon_2010, "emm5"));
  g_assert_false (result_has_id (lebanon_2021, "stredeca"));
  g_assert_true (result_has_id (lebanon_2021, "emm5"));

  g_assert_true (result_has_id (at_2010, "stredeca"));
  g_assert_true (result_has_id (at_2010, "mtm-i-map-2009-2010"));
  g_assert_true (result_has_id (at_2010, "i-map"));
  g_assert_false (result_has_id (at_2010, "emm5"));
  g_assert_false (result_has_id (at_2010, "amedip"));
  g_assert_false (result_has_id (at_2010, "amedip-pilot-1"));
  g_assert_cmpuint (every->len, ==, g_list_model_get_n_items (migmap_catalogue_get_projects (catalogue)));
}

/* Members at a date: the group's period and each member's own. */
static void
test_members_at (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  MigmapGroup *linking = migmap_catalogue_lookup_group (catalogue, "linking-emigrant-communities-countries");
  MigmapGroup *mtm = migmap_catalogue_lookup_group (catalogue, "mtm-partner-states-2012");
  MigmapDate y2009 = date_from ("2009"), y2012 = date_from ("2012"), y2014 = date_from ("2014-09");
  MigmapDate y2015 = date_from ("2015"), y2024 = date_from ("2024");

  /* Kenya joined at the AMEDIP stage (001 line 29), which ended in
   * September 2014 (002 line 16): not a member before, nor ever after. */
  g_assert_false (migmap_group_contains (linking, "KEN", &y2009));
  g_assert_true (migmap_group_contains (linking, "KEN", &y2012));
  g_assert_true (migmap_group_contains (linking, "KEN", &y2014));
  g_assert_false (migmap_group_contains (linking, "KEN", &y2015));
  g_assert_false (migmap_group_contains (linking, "KEN", &y2024));
  g_assert_true (migmap_group_contains (linking, "DZA", &y2009));
  g_assert_false (migmap_group_contains (linking, "DZA", &y2012));

  /* "As of 2012" says nothing of other years. */
  g_assert_true (migmap_group_contains (mtm, "MLT", &y2012));
  g_assert_false (migmap_group_contains (mtm, "MLT", &y2009));
}

/* AMEDIP's workshops: Dakar 17–18 July 2012, Tunis 7–8 November 2012. */
static void
test_events_near (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  MigmapDate dakar_day = date_from ("2012-07-17"), a_week_before = date_from ("2012-07-10");
  MigmapDate y2012 = date_from ("2012"), y2016 = date_from ("2016");
  g_autoptr(GPtrArray) on_day = migmap_catalogue_events_near (catalogue, &dakar_day, 0);
  g_autoptr(GPtrArray) week_off = migmap_catalogue_events_near (catalogue, &a_week_before, 0);
  g_autoptr(GPtrArray) week_around = migmap_catalogue_events_near (catalogue, &a_week_before, 7);
  g_autoptr(GPtrArray) year = migmap_catalogue_events_near (catalogue, &y2012, 0);
  g_autoptr(GPtrArray) none = migmap_catalogue_events_near (catalogue, &y2016, 30);

  g_assert_cmpuint (on_day->len, ==, 1);
  g_assert_true (result_has_id (on_day, "amedip-workshop-dakar"));
  g_assert_cmpuint (week_off->len, ==, 0);
  g_assert_true (result_has_id (week_around, "amedip-workshop-dakar"));
  g_assert_cmpuint (year->len, ==, 2);
  g_assert_cmpstr (migmap_event_get_id (g_ptr_array_index (year, 0)), ==, "amedip-workshop-dakar");
  g_assert_cmpstr (migmap_event_get_id (g_ptr_array_index (year, 1)), ==, "amedip-workshop-tunis");
  g_assert_cmpuint (none->len, ==, 0);
}

/* National Consultations: 002 line 27 dates the dissemination only. */
static void
test_data_fixes (void)
{
  MigmapProject *amedip = migmap_catalogue_lookup_project (load_real_catalogue (), "amedip");
  GListModel *activities = migmap_project_get_activities (amedip);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(MigmapActivity) activity = g_list_model_get_item (activities, i);

      if (g_strcmp0 (migmap_activity_get_title (activity), "National Consultations") != 0)
        continue;
      found = TRUE;
      g_assert_false (migmap_date_is_set (migmap_activity_get_start (activity)));
      g_assert_false (migmap_date_is_set (migmap_activity_get_end (activity)));
      g_assert_nonnull (strstr (migmap_activity_get_description (activity), "December 2011"));
    }
  g_assert_true (found);
}

static void
test_year_span (void)
{
  guint first, last;

  g_assert_true (migmap_catalogue_get_year_span (load_real_catalogue (), &first, &last));
  g_assert_cmpuint (first, ==, 2002);   /* the MTM Dialogue, 000 */
  g_assert_cmpuint (last, ==, 2024);    /* MCP Med TI ends July 2024, 003 */
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/catalogue/time/project", test_project_time);
  g_test_add_func ("/catalogue/time/precision", test_precision);
  g_test_add_func ("/catalogue/time/projects-at", test_projects_at);
  g_test_add_func ("/catalogue/time/members-at", test_members_at);
  g_test_add_func ("/catalogue/time/events-near", test_events_near);
  g_test_add_func ("/catalogue/time/data-fixes", test_data_fixes);
  g_test_add_func ("/catalogue/time/year-span", test_year_span);
  status = g_test_run ();
  free_real_catalogue ();
  return status;
}
