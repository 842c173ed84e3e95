/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-country-codes.c: ISO 3166-1 country codes, from iso-codes, plus the
 * few non-ISO codes the map's shapes use */
#include "config.h"

#include "migmap-country-codes.h"

#include <glib/gi18n-lib.h>
#include <libintl.h>
#include <string.h>

#include "migmap-json-reader.h"

#ifndef MIGMAP_ISO_CODES_JSON_DIR
#define MIGMAP_ISO_CODES_JSON_DIR "/usr/share/iso-codes/json"
#endif

/* Overrides the ISO 3166-1 file, e.g. for tests. */
#define PATH_ENV "MIGMAP_ISO_3166_1_JSON"
/* Overrides iso-codes' JSON directory (where iso_3166-1.json is), e.g. a
 * newer iso-codes than the system's. */
#define DIR_ENV "MIGMAP_ISO_CODES_DIR"
#define ISO_3166_1_FILE "iso_3166-1.json"

typedef struct {
  char    *alpha2;
  char    *alpha3;
  char    *numeric;      /* NULL for codes outside ISO */
  char    *name;         /* iso-codes "name" */
  char    *common_name;  /* iso-codes "common_name", else NULL */
  char    *search_names; /* names in ar, en and fr; built on first search */
  gboolean extra;
} Country;

/* Codes that are not (yet) in ISO 3166-1 but that map data uses for
 * territories of their own.  Keep this list short and documented in
 * data/SCHEMA.md. */
static const struct {
  const char *alpha3, *alpha2, *name;
} extra_codes[] = {
  { "XKX", "XK", "Kosovo" }, /* user-assigned code, used by the EU and in shapes */
};

/* Names iso-codes has no translation for yet: its 2022 rename of "Turkey"
 * to "Türkiye" left the new name untranslated, so an Arabic map printed it
 * in Latin letters.  Ours, in our own domain, until iso-codes catches up. */
static const char * const untranslated_names[] = {
  /* TRANSLATORS: country name missing from iso-codes; the UN writes it تركيا in Arabic, Türkiye in French */
  N_("Türkiye"),
};

struct _MigmapCountryCodes {
  GObject     parent_instance;
  GHashTable *by_alpha3; /* alpha3 -> Country */
  GHashTable *by_alpha2; /* alpha2 -> Country (borrowed) */
  gboolean    has_search_names;
};

G_DEFINE_FINAL_TYPE (MigmapCountryCodes, migmap_country_codes, G_TYPE_OBJECT)

static void
country_free (gpointer data)
{
  Country *country = data;

  g_free (country->search_names);
  g_free (country->alpha2);
  g_free (country->alpha3);
  g_free (country->numeric);
  g_free (country->name);
  g_free (country->common_name);
  g_free (country);
}

static void
migmap_country_codes_finalize (GObject *object)
{
  MigmapCountryCodes *self = MIGMAP_COUNTRY_CODES (object);

  g_clear_pointer (&self->by_alpha2, g_hash_table_unref);
  g_clear_pointer (&self->by_alpha3, g_hash_table_unref);

  G_OBJECT_CLASS (migmap_country_codes_parent_class)->finalize (object);
}

static void
migmap_country_codes_class_init (MigmapCountryCodesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = migmap_country_codes_finalize;
}

static void
migmap_country_codes_init (MigmapCountryCodes *self)
{
  self->by_alpha3 = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, country_free);
  self->by_alpha2 = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
add_country (MigmapCountryCodes *self,
             Country            *country)
{
  g_hash_table_replace (self->by_alpha3, country->alpha3, country);
  g_hash_table_replace (self->by_alpha2, country->alpha2, country);
}

/* MIGMAP_ISO_3166_1_JSON, else iso_3166-1.json in MIGMAP_ISO_CODES_DIR,
 * else in the iso-codes MigMap was built with.  The string stays valid for
 * the life of the process. */
const char *
migmap_country_codes_get_default_path (void)
{
  const char *path = g_getenv (PATH_ENV);
  const char *dir = g_getenv (DIR_ENV);

  if (path != NULL && *path != '\0')
    return path;
  if (dir != NULL && *dir != '\0')
    {
      g_autofree char *in_dir = g_build_filename (dir, ISO_3166_1_FILE, NULL);
      return g_intern_string (in_dir);
    }
  return MIGMAP_ISO_CODES_JSON_DIR "/" ISO_3166_1_FILE;
}

/* The fields MigMap uses of an iso-codes entry; iso-codes has more
 * ("official_name", "flag", ...) and may add others in any release. */
static const struct {
  const char *key;
  gboolean    required;
  gsize       offset; /* of a char * in Country */
} country_fields[] = {
  { "alpha_2",     TRUE,  G_STRUCT_OFFSET (Country, alpha2) },
  { "alpha_3",     TRUE,  G_STRUCT_OFFSET (Country, alpha3) },
  { "numeric",     FALSE, G_STRUCT_OFFSET (Country, numeric) },
  { "name",        TRUE,  G_STRUCT_OFFSET (Country, name) },
  { "common_name", FALSE, G_STRUCT_OFFSET (Country, common_name) },
};

static gboolean
read_country (MigmapJsonReader *reader,
              json_object      *entry,
              const char       *path,
              Country          *country,
              GError          **error)
{
  if (!migmap_json_reader_check_object (reader, entry, path, NULL, error))
    return FALSE;
  for (guint f = 0; f < G_N_ELEMENTS (country_fields); f++)
    if (!migmap_json_reader_string (reader, entry, path, country_fields[f].key, country_fields[f].required,
                                    G_STRUCT_MEMBER_P (country, country_fields[f].offset), error))
      return FALSE;
  return TRUE;
}

/* Reads iso-codes' {"3166-1": [{"alpha_2", "alpha_3", "numeric", "name", ...}]}.
 * iso-codes is not MigMap's: keys it does not know are ignored, so that a
 * newer iso-codes does not stop MigMap from starting. */
MigmapCountryCodes *
migmap_country_codes_new_from_file (const char *path,
                                    GError    **error)
{
  g_autoptr(MigmapCountryCodes) self = NULL;
  g_autoptr(MigmapJsonReader) reader = NULL;
  json_object *root, *list = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = migmap_json_parse_file (path, error);
  if (root == NULL)
    return NULL;

  self = g_object_new (MIGMAP_TYPE_COUNTRY_CODES, NULL);
  reader = migmap_json_reader_new (path, MIGMAP_JSON_UNKNOWN_KEYS_IGNORE);

  ok = migmap_json_reader_check_object (reader, root, "", NULL, error) &&
       migmap_json_reader_array (reader, root, "", "3166-1", TRUE, &list, error);

  for (gsize i = 0; ok && i < json_object_array_length (list); i++)
    {
      g_autofree char *entry_path = migmap_json_path_index ("3166-1", i);
      Country *country = g_new0 (Country, 1);

      ok = read_country (reader, json_object_array_get_idx (list, i), entry_path, country, error);
      if (ok)
        add_country (self, country);
      else
        country_free (country);
    }

  for (gsize i = 0; ok && i < G_N_ELEMENTS (extra_codes); i++)
    {
      Country *country;

      if (g_hash_table_contains (self->by_alpha3, extra_codes[i].alpha3))
        continue; /* became official: keep the ISO entry */
      country = g_new0 (Country, 1);
      country->alpha2 = g_strdup (extra_codes[i].alpha2);
      country->alpha3 = g_strdup (extra_codes[i].alpha3);
      country->name = g_strdup (extra_codes[i].name);
      country->extra = TRUE;
      add_country (self, country);
    }

  json_object_put (root);
  return ok ? g_steal_pointer (&self) : NULL;
}

MigmapCountryCodes *
migmap_country_codes_new_default (GError **error)
{
  return migmap_country_codes_new_from_file (migmap_country_codes_get_default_path (), error);
}

guint
migmap_country_codes_get_n_codes (MigmapCountryCodes *self)
{
  g_return_val_if_fail (MIGMAP_IS_COUNTRY_CODES (self), 0);

  return g_hash_table_size (self->by_alpha3);
}

static int
compare_code_pointers (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted alpha-3 codes, ISO and extra. */
char **
migmap_country_codes_dup_codes (MigmapCountryCodes *self)
{
  g_autofree const char **keys = NULL;
  char **codes;
  guint n;

  g_return_val_if_fail (MIGMAP_IS_COUNTRY_CODES (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->by_alpha3, &n);
  codes = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    codes[i] = g_strdup (keys[i]);
  g_qsort_with_data (codes, n, sizeof (char *), compare_code_pointers, NULL);
  return codes;
}

static Country *
lookup (MigmapCountryCodes *self,
        const char         *alpha3)
{
  return alpha3 ? g_hash_table_lookup (self->by_alpha3, alpha3) : NULL;
}

gboolean
migmap_country_codes_contains (MigmapCountryCodes *self,
                               const char         *alpha3)
{
  g_return_val_if_fail (MIGMAP_IS_COUNTRY_CODES (self), FALSE);

  return lookup (self, alpha3) != NULL;
}

gboolean
migmap_country_codes_is_extra (MigmapCountryCodes *self,
                               const char         *alpha3)
{
  Country *country;

  g_return_val_if_fail (MIGMAP_IS_COUNTRY_CODES (self), FALSE);

  country = lookup (self, alpha3);
  return country != NULL && country->extra;
}

/* The ISO short name, e.g. "Syrian Arab Republic". */
const char *
migmap_country_codes_get_name (MigmapCountryCodes *self,
                               const char         *alpha3)
{
  Country *country;

  g_return_val_if_fail (MIGMAP_IS_COUNTRY_CODES (self), NULL);

  country = lookup (self, alpha3);
  return country ? country->name : NULL;
}

/* The name people use where ISO gives one ("Syria"), else the ISO name. */
const char *
migmap_country_codes_get_common_name (MigmapCountryCodes *self,
                                      const char         *alpha3)
{
  Country *country;

  g_return_val_if_fail (MIGMAP_IS_COUNTRY_CODES (self), NULL);

  country = lookup (self, alpha3);
  if (country == NULL)
    return NULL;
  return country->common_name ? country->common_name : country->name;
}

/* iso-codes' translation of @name, else ours for the few it lacks. */
static const char *
translate_name (const char *name)
{
  const char *translated = dgettext (MIGMAP_ISO_3166_1_DOMAIN, name);

  if (translated != name)
    return translated;
  for (guint i = 0; i < G_N_ELEMENTS (untranslated_names); i++)
    if (strcmp (name, untranslated_names[i]) == 0)
      return dgettext (GETTEXT_PACKAGE, name);
  return translated;
}

/* iso-codes translates its own English strings, so the msgid is the name. */
const char *
migmap_country_codes_get_translated_name (MigmapCountryCodes *self,
                                          const char         *alpha3)
{
  Country *country;
  const char *common, *translated;

  g_return_val_if_fail (MIGMAP_IS_COUNTRY_CODES (self), NULL);

  country = lookup (self, alpha3);
  if (country == NULL)
    return NULL;
  common = country->common_name ? country->common_name : country->name;
  translated = translate_name (common);
  /* Translations lag behind some common names ("Syria"): then the translated
   * full name, unless it is an inverted list form ("Syrienne, République
   * arabe") that reads badly on a map. */
  if (translated == common && common != country->name)
    {
      const char *full = translate_name (country->name);
      if (full != country->name && strchr (full, ',') == NULL)
        return full;
    }
  return translated;
}

/* glibc caches translations per locale, not per LANGUAGE; the GNU gettext
 * manual's way to switch LANGUAGE at run time is to bump this counter. */
extern int _nl_msg_cat_cntr;

static void
switch_language (const char *language)
{
  if (language)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  ++_nl_msg_cat_cntr;
}

/* Collects each country's iso-codes names in the MTM Dialogue's working
 * languages, so "Maroc", "المغرب" and "Morocco" all find Morocco. */
static void
build_search_names (MigmapCountryCodes *self)
{
  static const char * const languages[] = { "ar", "fr" };
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  GHashTableIter iter;
  Country *country;

  /* Arabic names must not turn into "?????" in a locale without UTF-8. */
  bind_textdomain_codeset (MIGMAP_ISO_3166_1_DOMAIN, "UTF-8");
  g_hash_table_iter_init (&iter, self->by_alpha3);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &country))
    country->search_names = g_strjoin ("\n", country->name, country->common_name ? country->common_name : "", NULL);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      switch_language (languages[l]);
      g_hash_table_iter_init (&iter, self->by_alpha3);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &country))
        {
          char *more = g_strjoin ("\n", country->search_names,
                                  translate_name (country->name),
                                  country->common_name ? translate_name (country->common_name) : "",
                                  NULL);
          g_free (country->search_names);
          country->search_names = more;
        }
    }
  switch_language (saved);
  self->has_search_names = TRUE;
}

const char *
migmap_country_codes_get_search_names (MigmapCountryCodes *self, const char *alpha3)
{
  Country *country;

  g_return_val_if_fail (MIGMAP_IS_COUNTRY_CODES (self), NULL);

  if (!self->has_search_names)
    build_search_names (self);
  country = lookup (self, alpha3);
  return country ? country->search_names : NULL;
}

const char *
migmap_country_codes_get_alpha2 (MigmapCountryCodes *self,
                                 const char         *alpha3)
{
  Country *country;

  g_return_val_if_fail (MIGMAP_IS_COUNTRY_CODES (self), NULL);

  country = lookup (self, alpha3);
  return country ? country->alpha2 : NULL;
}

const char *
migmap_country_codes_get_numeric (MigmapCountryCodes *self,
                                  const char         *alpha3)
{
  Country *country;

  g_return_val_if_fail (MIGMAP_IS_COUNTRY_CODES (self), NULL);

  country = lookup (self, alpha3);
  return country ? country->numeric : NULL;
}

/* alpha-2 -> alpha-3, e.g. for gazetteer entries. */
const char *
migmap_country_codes_lookup_alpha2 (MigmapCountryCodes *self,
                                    const char         *alpha2)
{
  Country *country;

  g_return_val_if_fail (MIGMAP_IS_COUNTRY_CODES (self), NULL);

  country = alpha2 ? g_hash_table_lookup (self->by_alpha2, alpha2) : NULL;
  return country ? country->alpha3 : NULL;
}
