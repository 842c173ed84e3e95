/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-catalogue-date.c: MigmapDate keeps the precision of its source */
#include "catalogue-test-util.h"

static void
test_parse (void)
{
  MigmapDate date = MIGMAP_DATE_INIT;
  const char *bad[] = { "", "209", "2009-1", "2009-13", "2009-00", "2009-02-30", "2009-01-01T00",
                        "20O9", "2009/01", "2009-01-", " 2009", "2009-1-01" };

  g_assert_false (migmap_date_is_set (&date));
  g_assert_cmpint (migmap_date_get_precision (&date), ==, MIGMAP_DATE_PRECISION_NONE);

  g_assert_true (migmap_date_parse ("2009", &date));
  g_assert_cmpint (migmap_date_get_precision (&date), ==, MIGMAP_DATE_PRECISION_YEAR);
  g_assert_cmpuint (date.month, ==, 0);
  g_assert_true (migmap_date_parse ("2009-05", &date));
  g_assert_cmpint (migmap_date_get_precision (&date), ==, MIGMAP_DATE_PRECISION_MONTH);
  g_assert_true (migmap_date_parse ("2012-02-29", &date));
  g_assert_cmpint (migmap_date_get_precision (&date), ==, MIGMAP_DATE_PRECISION_DAY);
  g_assert_cmpuint (date.day, ==, 29);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      MigmapDate untouched = date;

      if (migmap_date_parse (bad[i], &date))
        g_error ("\"%s\" should not parse", bad[i]);
      g_assert_true (migmap_date_equal (&date, &untouched));
    }
}

static void
test_to_string (void)
{
  MigmapDate date = MIGMAP_DATE_INIT;
  g_autofree char *none = migmap_date_to_string (&date);

  g_assert_null (none);
  g_assert_true (migmap_date_set (&date, 2009, 5, 0));
  assert_date (&date, "2009-05");
  g_assert_true (migmap_date_set (&date, 2009, 5, 1));
  assert_date (&date, "2009-05-01");
  g_assert_false (migmap_date_set (&date, 2009, 0, 1)); /* a day needs a month */
  g_assert_false (migmap_date_set (&date, 2010, 2, 29));
}

static void
test_compare_and_ranges (void)
{
  MigmapDate y2009 = date_from ("2009"), m2009_01 = date_from ("2009-01"), d2009_01_01 = date_from ("2009-01-01");
  MigmapDate m2010_12 = date_from ("2010-12"), d2010_12_31 = date_from ("2010-12-31"), d2011_01_01 = date_from ("2011-01-01");
  MigmapDate unset = MIGMAP_DATE_INIT;
  g_autoptr(MigmapDate) copy = migmap_date_copy (&m2009_01);

  g_assert_cmpint (migmap_date_compare (&y2009, &m2009_01), <, 0);
  g_assert_cmpint (migmap_date_compare (&m2009_01, &d2009_01_01), <, 0);
  g_assert_cmpint (migmap_date_compare (&m2010_12, &m2009_01), >, 0);
  g_assert_true (migmap_date_equal (copy, &m2009_01));

  g_assert_cmpuint (migmap_date_get_first_day (&y2009), ==, 20090101);
  g_assert_cmpuint (migmap_date_get_last_day (&y2009), ==, 20091231);

  /* "January 2009 – December 2010" includes its last day and not the next. */
  g_assert_true (migmap_date_range_contains (&m2009_01, &m2010_12, &d2010_12_31));
  g_assert_false (migmap_date_range_contains (&m2009_01, &m2010_12, &d2011_01_01));
  g_assert_true (migmap_date_range_contains (&m2009_01, &m2010_12, &y2009));
  /* A year overlaps a range that touches it. */
  g_assert_true (migmap_date_range_contains (&d2010_12_31, &unset, &m2010_12));
  /* Open ends. */
  g_assert_true (migmap_date_range_contains (&unset, &m2010_12, &y2009));
  g_assert_true (migmap_date_range_contains (&m2009_01, NULL, &d2011_01_01));
  g_assert_true (migmap_date_range_contains (&m2009_01, &m2010_12, NULL));
  g_assert_false (migmap_date_ranges_overlap (&y2009, &y2009, &d2011_01_01, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalogue/date/parse", test_parse);
  g_test_add_func ("/catalogue/date/to-string", test_to_string);
  g_test_add_func ("/catalogue/date/compare-and-ranges", test_compare_and_ranges);

  return g_test_run ();
}
