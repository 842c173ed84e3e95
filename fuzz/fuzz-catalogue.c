/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-catalogue.c: the catalogue loader on any JSON, then the queries the
 * window makes of a catalogue it loaded
 *
 * iso-codes is read once, not per input: it is not what is fuzzed, and the
 * loader takes the same path from migmap_catalogue_new_from_file () on.
 */
#include "config.h"

#include "fuzz-input.h"

#include "migmap-catalogue.h"
#include "migmap-project.h"

static MigmapCountryCodes *codes;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;

  fuzz_init ();
  codes = migmap_country_codes_new_default (&error);
  g_assert_no_error (error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autofree char *path = fuzz_write_file ("catalogue.json", size ? data : (const guint8 *) "", size);
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapCatalogue) catalogue = migmap_catalogue_new_from_file_with_codes (path, codes, &error);
  GListModel *projects;
  const char *countries[] = { "MLT", "TUN", "FRA", "ZZZ", "" };

  if (catalogue == NULL)
    {
      g_assert (error != NULL && error->message != NULL);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      g_ptr_array_unref (migmap_catalogue_projects_in_country (catalogue, countries[i], NULL));
      g_ptr_array_unref (migmap_catalogue_groups_for_country (catalogue, countries[i], NULL));
    }
  projects = migmap_catalogue_get_projects (catalogue);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(MigmapProject) project = g_list_model_get_item (projects, i);

      g_ptr_array_unref (migmap_catalogue_places_for_project (catalogue, project));
      g_ptr_array_unref (migmap_catalogue_events_for_project (catalogue, project));
    }
  g_ptr_array_unref (migmap_catalogue_search (catalogue, "mi"));
  g_ptr_array_unref (migmap_catalogue_search (catalogue, "é"));
  g_ptr_array_unref (migmap_catalogue_search_projects (catalogue, "a"));
  return 0;
}
