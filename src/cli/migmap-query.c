/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-query: the catalogue from the command line, for researchers and
 * scripts: search, a country's groups, projects and events, and the
 * tables as CSV or GeoJSON.  Same catalogue code as the window. */
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "migmap-atomic-file.h"
#include "migmap-catalogue.h"
#include "migmap-catalogue-export.h"
#include "migmap-catalogue-links.h"
#include "migmap-data-files.h"
#include "migmap-language.h"

#define USAGE_ERROR(error, ...) g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, __VA_ARGS__)

typedef struct {
  char *catalogue;
  char *language;
  char *date;
  char *format;
  char *output;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->catalogue);
  g_free (o->language);
  g_free (o->date);
  g_free (o->format);
  g_free (o->output);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static const char usage[] =
  "search TEXT | country ISO3 | export projects|groups|places|events";

static void
print_line (GString    *out,
            const char *kind,
            const char *id,
            const char *label)
{
  /* One line per result: a tab or newline in a label would break it. */
  g_autofree char *clean = g_strdup (label ? label : id);

  g_strdelimit (clean, "\t\r\n", ' ');
  g_string_append_printf (out, "%s\t%s\t%s\n", kind, id, clean);
}

static gboolean
parse_date (Options     *o,
            MigmapDate  *date,
            GError     **error)
{
  if (o->date == NULL)
    return TRUE;
  if (!migmap_date_parse (o->date, date))
    {
      USAGE_ERROR (error, "--date: \"%s\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", o->date);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_search (MigmapCatalogue *catalogue,
            const char      *text,
            GString         *out)
{
  g_auto(GStrv) codes = migmap_country_codes_dup_codes (migmap_catalogue_get_country_codes (catalogue));
  g_autoptr(GListModel) results = migmap_catalogue_search_results (catalogue, text, (const char * const *) codes, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(MigmapSearchResult) result = g_list_model_get_item (results, i);

      print_line (out, migmap_search_result_kind_to_string (migmap_search_result_get_kind (result)),
                  migmap_search_result_get_id (result), migmap_search_result_get_title (result));
    }
  return TRUE;
}

static gboolean
run_country (MigmapCatalogue  *catalogue,
             const char       *code,
             const MigmapDate *at,
             GString          *out,
             GError          **error)
{
  MigmapCountryCodes *codes = migmap_catalogue_get_country_codes (catalogue);
  g_autofree char *upper = g_ascii_strup (code, -1);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) funded = NULL;

  if (!migmap_country_codes_contains (codes, upper))
    {
      USAGE_ERROR (error, "country: \"%s\" is not an ISO 3166-1 alpha-3 code (e.g. TUN)", code);
      return FALSE;
    }
  groups = migmap_catalogue_groups_for_country (catalogue, upper, at);
  projects = migmap_catalogue_projects_in_country (catalogue, upper, at);
  events = migmap_catalogue_events_in_country (catalogue, upper, at);
  for (guint i = 0; i < groups->len; i++)
    print_line (out, "group", migmap_group_get_id (groups->pdata[i]), _(migmap_group_get_name (groups->pdata[i])));
  for (guint i = 0; i < projects->len; i++)
    {
      MigmapProject *project = projects->pdata[i];

      print_line (out, "project", migmap_project_get_id (project), migmap_project_get_title (project));
    }
  for (guint i = 0; i < events->len; i++)
    print_line (out, "event", migmap_event_get_id (events->pdata[i]), migmap_event_get_title (events->pdata[i]));
  /* What the state pays for as a donor, wherever the project runs; "funds"
   * rather than "project" so a script can tell it from where it takes part. */
  funded = migmap_catalogue_projects_funded_by_country (catalogue, upper);
  for (guint i = 0; i < funded->len; i++)
    {
      MigmapProject *project = funded->pdata[i];

      if (at == NULL || migmap_project_is_active_at (project, at))
        print_line (out, "funds", migmap_project_get_id (project), migmap_project_get_title (project));
    }
  return TRUE;
}

static gboolean
run_export (MigmapCatalogue  *catalogue,
            const char       *table_name,
            Options          *o,
            const MigmapDate *at,
            GString          *out,
            GError          **error)
{
  MigmapExportTable table;
  MigmapExportFormat format;
  g_autofree char *text = NULL;

  if (!migmap_export_table_from_string (table_name, &table))
    {
      USAGE_ERROR (error, "export: \"%s\" is not projects, groups, places or events", table_name);
      return FALSE;
    }
  if (o->format == NULL)
    {
      USAGE_ERROR (error, "export: --format csv or --format geojson is required");
      return FALSE;
    }
  if (!migmap_export_format_from_string (o->format, &format))
    {
      USAGE_ERROR (error, "--format: \"%s\" is not csv or geojson", o->format);
      return FALSE;
    }
  text = migmap_catalogue_export (catalogue, table, format, at);
  g_string_append (out, text);
  return TRUE;
}

static gboolean
run (Options  *o,
     char    **args,
     GError  **error)
{
  g_autoptr(MigmapCatalogue) catalogue = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  MigmapDate date = MIGMAP_DATE_INIT;
  guint n_args = g_strv_length (args);
  const char *command = args[0];
  gboolean ok;

  if (command == NULL)
    {
      USAGE_ERROR (error, "a command is required: %s", usage);
      return FALSE;
    }
  if (!g_strv_contains ((const char * const[]) { "search", "country", "export", NULL }, command))
    {
      USAGE_ERROR (error, "unknown command \"%s\"; expected %s", command, usage);
      return FALSE;
    }
  if (n_args != 2)
    {
      USAGE_ERROR (error, "%s: expected exactly one argument, got %u", command, n_args - 1);
      return FALSE;
    }
  if (!parse_date (o, &date, error))
    return FALSE;
  if (o->date != NULL && g_str_equal (command, "search"))
    {
      USAGE_ERROR (error, "search: --date does not apply");
      return FALSE;
    }
  if (o->format != NULL && !g_str_equal (command, "export"))
    {
      USAGE_ERROR (error, "%s: --format applies to export only", command);
      return FALSE;
    }

  path = o->catalogue ? g_strdup (o->catalogue) : migmap_find_data_file ("data/catalogue.json");
  catalogue = migmap_catalogue_new_from_file (path, error);
  if (catalogue == NULL)
    return FALSE;

  if (g_str_equal (command, "search"))
    ok = run_search (catalogue, args[1], out);
  else if (g_str_equal (command, "country"))
    ok = run_country (catalogue, args[1], o->date ? &date : NULL, out, error);
  else
    ok = run_export (catalogue, args[1], o, o->date ? &date : NULL, out, error);
  if (!ok)
    return FALSE;

  if (o->output != NULL)
    return migmap_atomic_file_set_contents (o->output, out->str, out->len, error);
  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not write to standard output");
      return FALSE;
    }
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_auto(Options) o = { 0 };
  g_auto(GStrv) args = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date,
      "country, export: only what is active or valid at this date", "YYYY[-MM[-DD]]" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format, "export: csv or geojson", "FORMAT" },
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, &o.catalogue, "Catalogue to read instead of the bundled one", "FILE" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &o.language,
      "Language of names and labels: ar, en or fr (default: the system's)", "LANG" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, "File to write instead of standard output", "FILE" },
    /* As bytes: a search in Arabic must work whatever the locale. */
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new ("search TEXT | country ISO3 | export TABLE - query the MigMap catalogue");
  g_option_context_set_description (context,
    "Commands:\n"
    "  search TEXT       ranked results, one a line: KIND<TAB>ID<TAB>LABEL\n"
    "  country ISO3      the country's groups, projects and events, the same way,\n"
    "                    then the projects it funds as a donor (KIND \"funds\")\n"
    "  export TABLE      projects, groups, places or events as --format csv or geojson\n");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("migmap-query: %s\n", error->message);
      return 2;
    }
  if (o.language && !g_strv_contains ((const char * const[]) { "ar", "en", "fr", NULL }, o.language))
    {
      g_printerr ("migmap-query: --language: \"%s\" is not ar, en or fr\n", o.language);
      return 2;
    }
  migmap_language_init (o.language);
  for (guint i = 0; args && args[i]; i++)
    if (!g_utf8_validate (args[i], -1, NULL))
      {
        g_printerr ("migmap-query: argument %u is not UTF-8 text\n", i + 1);
        return 2;
      }

  if (!run (&o, args ? args : (char *[]) { NULL }, &error))
    {
      g_printerr ("migmap-query: %s\n", error->message);
      return g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE) ? 2 : 1;
    }
  return 0;
}
