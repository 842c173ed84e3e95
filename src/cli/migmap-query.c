/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-query: the catalogue from the command line, for researchers and
 * scripts: search, a country's groups, projects and events, the tables as
 * CSV or GeoJSON, and those CSV files imported back.  Same catalogue code
 * as the window.
 *
 * Which catalogue: --catalogue FILE, read and (import) written in place.
 * Without it, the user's catalogue (migmap_catalogue_file_default_path())
 * once it exists, else the bundled one; import then writes the user's,
 * starting from the bundled one the first time, and never the bundled
 * data/catalogue.json, which stays read-only. */
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "migmap-atomic-file.h"
#include "migmap-catalogue.h"
#include "migmap-catalogue-export.h"
#include "migmap-catalogue-file.h"
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
  "search TEXT | country ISO3 | export projects|groups|places|events | import FILE.csv";

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

/* Through MigmapCatalogueFile, as the window saves: atomic, the change log
 * names who and when, and a file someone saved meanwhile is not
 * overwritten. */
static gboolean
run_import (const char  *csv_path,
            const char  *path,
            const char  *fallback,
            GString     *out,
            GError     **error)
{
  g_autoptr(MigmapCountryCodes) codes = NULL;
  g_autoptr(MigmapCatalogueFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n_journal, added = 0, changed = 0;

  codes = migmap_country_codes_new_default (error);
  if (codes == NULL)
    return FALSE;
  file = migmap_catalogue_file_open (path, fallback, codes, error);
  if (file == NULL)
    return FALSE;
  /* Another session's unsaved edits: the save below would take the
   * journal as done and drop them. */
  n_journal = migmap_catalogue_file_get_journal_length (file);
  if (n_journal > 0)
    {
      g_autofree char *journal = migmap_catalogue_file_dup_journal_path (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s: %u unsaved change(s) of an earlier session are in %s; open the catalogue in MigMap "
                   "to restore or discard them, then import again", path, n_journal, journal);
      return FALSE;
    }

  if (!migmap_catalogue_editor_import_csv (migmap_catalogue_file_get_editor (file), csv_path,
                                           &added, &changed, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s\n%s: nothing imported, %s is unchanged",
                   local_error->message, csv_path, path);
      return FALSE;
    }
  /* Nothing to change, nothing written: an export imported back leaves
   * the file as it was, to the byte. */
  if (added == 0 && changed == 0)
    {
      g_string_append_printf (out, "%s: 0 added, 0 changed; %s left as it was\n", csv_path, path);
      return TRUE;
    }
  if (!migmap_catalogue_file_save (file, NULL, error))
    {
      /* The change is this run's alone (an earlier journal stops us
       * above) and was not saved: no one should be offered it later. */
      migmap_catalogue_file_discard_journal (file);
      return FALSE;
    }
  g_string_append_printf (out, "%s: %u added, %u changed; saved %s\n", csv_path, added, changed, path);
  return TRUE;
}

static gboolean
write_out (GString     *out,
           const char  *output,
           GError     **error)
{
  if (output != NULL)
    return migmap_atomic_file_set_contents (output, out->str, out->len, error);
  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not write to standard output");
      return FALSE;
    }
  return TRUE;
}

static gboolean
run (Options  *o,
     char    **args,
     GError  **error)
{
  g_autoptr(MigmapCatalogue) catalogue = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bundled = NULL;
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
  if (!g_strv_contains ((const char * const[]) { "search", "country", "export", "import", NULL }, command))
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
  if (o->date != NULL && (g_str_equal (command, "search") || g_str_equal (command, "import")))
    {
      USAGE_ERROR (error, "%s: --date does not apply", command);
      return FALSE;
    }
  if (o->format != NULL && !g_str_equal (command, "export"))
    {
      USAGE_ERROR (error, "%s: --format applies to export only", command);
      return FALSE;
    }

  bundled = migmap_find_data_file ("data/catalogue.json");
  if (g_str_equal (command, "import"))
    {
      /* The summary is for the person at the terminal, not a file. */
      if (o->output != NULL)
        {
          USAGE_ERROR (error, "import: --output does not apply");
          return FALSE;
        }
      path = o->catalogue ? g_strdup (o->catalogue) : migmap_catalogue_file_default_path ();
      if (!run_import (args[1], path, o->catalogue ? NULL : bundled, out, error))
        return FALSE;
      return write_out (out, NULL, error);
    }

  path = o->catalogue ? g_strdup (o->catalogue) : migmap_catalogue_file_dup_read_path (bundled);
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
  return write_out (out, o->output, error);
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
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, &o.catalogue, "Catalogue to read, and for import to write, instead of the user's (or the bundled one)", "FILE" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &o.language,
      "Language of names and labels: ar, en or fr (default: the system's)", "LANG" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, "File to write instead of standard output", "FILE" },
    /* As bytes: a search in Arabic must work whatever the locale. */
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new ("search TEXT | country ISO3 | export TABLE | import FILE.csv - query the MigMap catalogue");
  g_option_context_set_description (context,
    "Commands:\n"
    "  search TEXT       ranked results, one a line: KIND<TAB>ID<TAB>LABEL\n"
    "  country ISO3      the country's groups, projects and events, the same way,\n"
    "                    then the projects it funds as a donor (KIND \"funds\")\n"
    "  export TABLE      projects, groups, places or events as --format csv or geojson\n"
    "  import FILE.csv   adds or updates, by id, the rows of a CSV that export wrote\n"
    "                    (the header says which table); all or nothing: a bad row is\n"
    "                    reported as FILE:LINE:COLUMN and nothing is written\n"
    "\n"
    "Catalogue: --catalogue FILE, or else the user's, where edits are saved\n"
    "($XDG_DATA_HOME/migmap/catalogue.json) once it exists, or else the bundled one.\n"
    "import writes --catalogue FILE, or else the user's catalogue, never the bundled one.\n");
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
      g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

      /* One line per problem (import: per bad row), each prefixed. */
      for (guint i = 0; lines[i] != NULL; i++)
        g_printerr ("migmap-query: %s\n", lines[i]);
      return g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE) ? 2 : 1;
    }
  return 0;
}
