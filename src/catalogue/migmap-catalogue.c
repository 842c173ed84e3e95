/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue.c: the validated catalogue of dialogues, groups,
 * projects, places and events, and the queries the map needs */
#include "config.h"

#include "migmap-catalogue.h"

#include "migmap-catalogue-json-private.h"
#include "migmap-catalogue-private.h"
#include "migmap-search.h"

/* One entity array of the file: its key, the kind of id it defines and how
 * to parse an element. */
typedef gpointer (*ParseFunc) (MigmapCatalogueReader *reader,
                               json_object           *obj,
                               const char            *path,
                               GError               **error);

static const struct {
  const char    *key;
  MigmapRefKind  kind;
  ParseFunc      parse;
  GType        (*get_type) (void);
} entity_arrays[] = {
  { "organisations", MIGMAP_REF_ORGANISATION, (ParseFunc) migmap_organisation_new_from_json, migmap_organisation_get_type },
  { "dialogues",     MIGMAP_REF_DIALOGUE,     (ParseFunc) migmap_dialogue_new_from_json,     migmap_dialogue_get_type },
  { "themes",        MIGMAP_REF_THEME,        (ParseFunc) migmap_theme_new_from_json,        migmap_theme_get_type },
  { "groups",        MIGMAP_REF_GROUP,        (ParseFunc) migmap_group_new_from_json,        migmap_group_get_type },
  { "places",        MIGMAP_REF_PLACE,        (ParseFunc) migmap_place_new_from_json,        migmap_place_get_type },
  { "projects",      MIGMAP_REF_PROJECT,      (ParseFunc) migmap_project_new_from_json,      migmap_project_get_type },
  { "events",        MIGMAP_REF_EVENT,        (ParseFunc) migmap_event_new_from_json,        migmap_event_get_type },
  { "documents",     MIGMAP_REF_DOCUMENT,     (ParseFunc) migmap_document_new_from_json,     migmap_document_get_type },
};

typedef struct {
  GObject         *object; /* borrowed from the stores */
  char            *text;   /* folded, see migmap_text_fold() */
  MigmapSearchKey *key;    /* for ranked results */
} SearchEntry;

/* Group and dialogue names are the catalogue's own wording, translated
 * (src/state/migmap-catalogue-labels.c lists them for xgettext): search
 * finds them in the interface language too, and shows them in it. */
static const char *
catalogue_label (const char *name)
{
  return name ? g_dgettext (GETTEXT_PACKAGE, name) : NULL;
}

static void append_text (GString *text, const char *value);

static void
add_translated_name (MigmapSearchKey *key, GString *text, const char *name)
{
  const char *label = catalogue_label (name);

  if (label == NULL || label == name)
    return;
  append_text (text, label);
  migmap_search_key_add_name (key, label);
}

struct _MigmapCatalogue {
  GObject parent_instance;

  char               *path;
  MigmapCountryCodes *codes;
  char              **source_files;
  char              **source_titles;                /* parallel; "" = none */
  GListStore         *stores[MIGMAP_N_REFS];
  GHashTable         *by_id[MIGMAP_N_REFS];         /* id -> object (borrowed) */
  GArray             *search_index;                 /* SearchEntry */
  GHashTable         *country_aliases;              /* ISO3 -> GStrv: the sources' spellings */
};

G_DEFINE_FINAL_TYPE (MigmapCatalogue, migmap_catalogue, G_TYPE_OBJECT)

static void
search_entry_clear (gpointer data)
{
  g_free (((SearchEntry *) data)->text);
  migmap_search_key_free (((SearchEntry *) data)->key);
}

static void
migmap_catalogue_finalize (GObject *object)
{
  MigmapCatalogue *self = MIGMAP_CATALOGUE (object);

  g_free (self->path);
  g_clear_object (&self->codes);
  g_strfreev (self->source_files);
  g_strfreev (self->source_titles);
  for (guint i = 0; i < MIGMAP_N_REFS; i++)
    {
      g_clear_pointer (&self->by_id[i], g_hash_table_unref);
      g_clear_object (&self->stores[i]);
    }
  g_array_unref (self->search_index);
  g_hash_table_unref (self->country_aliases);

  G_OBJECT_CLASS (migmap_catalogue_parent_class)->finalize (object);
}

static void
migmap_catalogue_class_init (MigmapCatalogueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = migmap_catalogue_finalize;
}

static void
migmap_catalogue_init (MigmapCatalogue *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_arrays); i++)
    {
      MigmapRefKind kind = entity_arrays[i].kind;

      self->stores[kind] = g_list_store_new (entity_arrays[i].get_type ());
      self->by_id[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  self->search_index = g_array_new (FALSE, TRUE, sizeof (SearchEntry));
  g_array_set_clear_func (self->search_index, search_entry_clear);
  self->country_aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
}

/* --- loading -------------------------------------------------------------- */

static gboolean
read_sources (MigmapCatalogue       *self,
              MigmapCatalogueReader *reader,
              json_object           *root,
              GError               **error)
{
  static const char * const keys[] = { "file", "kind", "title", "as_of", "note", NULL };
  static const char * const kinds[] = { "document", "url", "text", NULL };
  g_autoptr(GStrvBuilder) files = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
  json_object *array;

  if (!migmap_json_reader_array (reader->json, root, "", "sources", TRUE, &array, error))
    return FALSE;

  for (gsize i = 0; i < json_object_array_length (array); i++)
    {
      json_object *item = json_object_array_get_idx (array, i);
      g_autofree char *item_path = migmap_json_path_index ("sources", i);
      g_autofree char *file = NULL;
      g_autofree char *title = NULL;
      g_autofree char *note = NULL;
      g_autofree char *kind = NULL;
      MigmapDate as_of;

      if (!migmap_json_reader_check_object (reader->json, item, item_path, keys, error) ||
          !migmap_json_reader_string (reader->json, item, item_path, "file", TRUE, &file, error) ||
          !migmap_json_reader_enum (reader->json, item, item_path, "kind", FALSE, kinds, &kind, error) ||
          !migmap_json_reader_string (reader->json, item, item_path, "title", FALSE, &title, error) ||
          !migmap_catalogue_reader_date (reader, item, item_path, "as_of", FALSE, &as_of, error) ||
          !migmap_json_reader_string (reader->json, item, item_path, "note", FALSE, &note, error))
        return FALSE;
      if (g_hash_table_contains (reader->sources, file))
        {
          g_autofree char *child = migmap_json_path_key (item_path, "file");

          migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_DUPLICATE_ID, child,
                                        "duplicate source \"%s\"", file);
          return FALSE;
        }
      g_hash_table_add (reader->sources, g_strdup (file));
      g_strv_builder_add (files, file);
      g_strv_builder_add (titles, title ? title : "");
    }

  self->source_files = g_strv_builder_end (files);
  self->source_titles = g_strv_builder_end (titles);
  return TRUE;
}

/* "country_aliases": the sources' spellings of countries that iso-codes
 * names otherwise ("Turkey", "Cape Verde"), each with its source. */
static gboolean
read_country_aliases (MigmapCatalogue       *self,
                      MigmapCatalogueReader *reader,
                      json_object           *root,
                      GError               **error)
{
  static const char * const keys[] = { "country", "alias", "source", "note", NULL };
  json_object *array;

  if (!migmap_json_reader_array (reader->json, root, "", "country_aliases", FALSE, &array, error))
    return FALSE;

  for (gsize i = 0; array && i < json_object_array_length (array); i++)
    {
      json_object *item = json_object_array_get_idx (array, i);
      g_autofree char *item_path = migmap_json_path_index ("country_aliases", i);
      g_autofree char *country = NULL;
      g_autofree char *alias = NULL;
      g_autofree char *note = NULL;
      g_auto(GStrv) sources = NULL;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      const char * const *known;

      if (!migmap_json_reader_check_object (reader->json, item, item_path, keys, error) ||
          !migmap_catalogue_reader_country (reader, item, item_path, "country", TRUE, &country, error) ||
          !migmap_json_reader_string (reader->json, item, item_path, "alias", TRUE, &alias, error) ||
          !migmap_catalogue_reader_sources (reader, item, item_path, &sources, error) ||
          !migmap_json_reader_string (reader->json, item, item_path, "note", FALSE, &note, error))
        return FALSE;
      known = g_hash_table_lookup (self->country_aliases, country);
      if (known != NULL)
        g_strv_builder_addv (builder, (const char **) known);
      g_strv_builder_add (builder, alias);
      g_hash_table_replace (self->country_aliases, g_steal_pointer (&country), g_strv_builder_end (builder));
    }
  return TRUE;
}

/* Pass 1: every id, so that pass 2 can check references in any order. */
static gboolean
register_ids (MigmapCatalogueReader *reader,
              json_object           *root,
              GError               **error)
{
  for (guint a = 0; a < G_N_ELEMENTS (entity_arrays); a++)
    {
      const char *key = entity_arrays[a].key;
      GHashTable *ids = reader->ids[entity_arrays[a].kind];
      json_object *array;

      if (!migmap_json_reader_array (reader->json, root, "", key, FALSE, &array, error))
        return FALSE;

      for (gsize i = 0; array && i < json_object_array_length (array); i++)
        {
          json_object *item = json_object_array_get_idx (array, i);
          g_autofree char *item_path = migmap_json_path_index (key, i);
          g_autofree char *id = NULL;
          const char *first;

          if (!json_object_is_type (item, json_type_object))
            {
              static const char * const none[] = { NULL };
              return migmap_json_reader_check_object (reader->json, item, item_path, none, error);
            }
          if (!migmap_json_reader_string (reader->json, item, item_path, "id", TRUE, &id, error))
            return FALSE;

          first = g_hash_table_lookup (ids, id);
          if (first != NULL)
            {
              g_autofree char *child = migmap_json_path_key (item_path, "id");

              migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_DUPLICATE_ID, child,
                                            "duplicate id \"%s\" (first defined at %s)", id, first);
              return FALSE;
            }
          g_hash_table_insert (ids, g_steal_pointer (&id), g_steal_pointer (&item_path));
        }
    }
  return TRUE;
}

/* Pass 2: parse and store every entity. */
static gboolean
parse_entities (MigmapCatalogue       *self,
                MigmapCatalogueReader *reader,
                json_object           *root,
                GError               **error)
{
  for (guint a = 0; a < G_N_ELEMENTS (entity_arrays); a++)
    {
      const char *key = entity_arrays[a].key;
      MigmapRefKind kind = entity_arrays[a].kind;
      json_object *array = NULL;

      json_object_object_get_ex (root, key, &array);
      for (gsize i = 0; array && i < json_object_array_length (array); i++)
        {
          g_autofree char *item_path = migmap_json_path_index (key, i);
          g_autoptr(GObject) entity = NULL;
          g_autofree char *id = NULL;

          entity = entity_arrays[a].parse (reader, json_object_array_get_idx (array, i), item_path, error);
          if (entity == NULL)
            return FALSE;
          g_list_store_append (self->stores[kind], entity);
          g_object_get (entity, "id", &id, NULL);
          g_hash_table_insert (self->by_id[kind], g_steal_pointer (&id), entity);
        }
    }
  return TRUE;
}

/* Cross-entity checks and derived data, once everything is parsed. */
static gboolean
link_entities (MigmapCatalogue       *self,
               MigmapCatalogueReader *reader,
               GError               **error)
{
  GListModel *groups = G_LIST_MODEL (self->stores[MIGMAP_REF_GROUP]);
  GListModel *projects = G_LIST_MODEL (self->stores[MIGMAP_REF_PROJECT]);

  /* A group expanded from "EU-27" must hold every state of the EU-27 group. */
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(MigmapGroup) group = g_list_model_get_item (groups, i);
      const char *expansion_id = migmap_group_get_expansion_group_id (group);
      const char * const *members = migmap_group_get_countries (group);
      MigmapGroup *expansion;

      if (expansion_id == NULL)
        continue;
      expansion = migmap_catalogue_lookup_group (self, expansion_id);
      for (const char * const *c = migmap_group_get_countries (expansion); *c; c++)
        if (!g_strv_contains (members, *c))
          {
            g_autofree char *path = g_strdup_printf ("groups[%u].members", i);

            migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_INCONSISTENT, path,
                                          "lacks \"%s\" of expansion group \"%s\"", *c, expansion_id);
            return FALSE;
          }
    }

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(MigmapProject) project = g_list_model_get_item (projects, i);
      const char *group_id = migmap_project_get_country_group_id (project);
      const char *dialogue_id = migmap_project_get_dialogue_id (project);
      int phase = migmap_project_get_dialogue_phase (project);

      if (phase != 0 &&
          migmap_dialogue_lookup_phase (migmap_catalogue_lookup_dialogue (self, dialogue_id), phase) == NULL)
        {
          g_autofree char *path = g_strdup_printf ("projects[%u].dialogue_phase", i);

          migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_UNKNOWN_REFERENCE, path,
                                        "unknown phase %d of dialogue \"%s\"", phase, dialogue_id);
          return FALSE;
        }

      if (group_id != NULL)
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) countries = NULL;
          const char * const *listed = migmap_project_get_listed_countries (project);

          g_strv_builder_addv (builder, (const char **) listed);
          for (const char * const *c = migmap_group_get_countries (migmap_catalogue_lookup_group (self, group_id)); *c; c++)
            if (!g_strv_contains (listed, *c))
              g_strv_builder_add (builder, *c);
          countries = g_strv_builder_end (builder);
          migmap_project_set_countries (project, (const char * const *) countries);
        }
    }
  return TRUE;
}

/* --- search index ----------------------------------------------------------- */

static void
append_text (GString    *text,
             const char *part)
{
  if (part != NULL && *part != '\0')
    {
      g_string_append (text, part);
      g_string_append_c (text, '\n');
    }
}

static void
append_country (MigmapCatalogue *self,
                GString         *text,
                const char      *code)
{
  if (code == NULL)
    return;
  append_text (text, migmap_country_codes_get_name (self->codes, code));
  append_text (text, migmap_country_codes_get_common_name (self->codes, code));
}

static void
append_organisation (MigmapCatalogue *self,
                     GString         *text,
                     const char      *id)
{
  MigmapOrganisation *organisation = id ? migmap_catalogue_lookup_organisation (self, id) : NULL;

  if (organisation == NULL)
    return;
  append_text (text, migmap_organisation_get_name (organisation));
  append_text (text, migmap_organisation_get_acronym (organisation));
}

static void
append_organisations (MigmapCatalogue    *self,
                      GString            *text,
                      const char * const *ids)
{
  for (guint i = 0; ids && ids[i]; i++)
    append_organisation (self, text, ids[i]);
}

static void
append_place (MigmapCatalogue *self,
              GString         *text,
              const char      *id)
{
  MigmapPlace *place = id ? migmap_catalogue_lookup_place (self, id) : NULL;

  if (place == NULL)
    return;
  append_text (text, migmap_place_get_name (place));
  append_text (text, migmap_place_get_gazetteer_name (place));
  for (const char * const *alias = migmap_place_get_aliases (place); *alias; alias++)
    append_text (text, *alias);
  append_country (self, text, migmap_place_get_country (place));
}

/* @key holds the names the ranking compares with; everything else in
 * @text only counts as a mention. */
static void
add_to_index (MigmapCatalogue *self,
              gpointer         object,
              GString         *text,
              MigmapSearchKey *key) /* owned */
{
  SearchEntry entry = { object, migmap_text_fold (text->str), key };

  migmap_search_key_add_text (key, text->str);
  g_array_append_val (self->search_index, entry);
  g_string_truncate (text, 0);
}

static void
index_project (MigmapCatalogue *self,
               MigmapProject   *project,
               GString         *text)
{
  GListModel *activities = migmap_project_get_activities (project);
  MigmapDialogue *dialogue = NULL;
  MigmapSearchKey *key;

  append_text (text, migmap_project_get_title (project));
  append_text (text, migmap_project_get_acronym (project));
  append_text (text, migmap_project_get_objective (project));
  append_text (text, migmap_project_get_summary (project));
  for (const char * const *s = migmap_project_get_specific_objectives (project); *s; s++)
    append_text (text, *s);
  append_organisation (self, text, migmap_project_get_implementing_agency_id (project));
  append_organisations (self, text, migmap_project_get_partner_ids (project));
  append_organisations (self, text, migmap_project_get_donor_ids (project));
  append_organisations (self, text, migmap_project_get_related_organisation_ids (project));
  append_organisations (self, text, migmap_project_get_network_ids (project));
  for (const char * const *p = migmap_project_get_place_ids (project); *p; p++)
    append_place (self, text, *p);
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(MigmapActivity) activity = g_list_model_get_item (activities, i);

      append_text (text, migmap_activity_get_title (activity));
      for (const char * const *p = migmap_activity_get_place_ids (activity); *p; p++)
        append_place (self, text, *p);
    }
  for (const char * const *c = migmap_project_get_countries (project); *c; c++)
    append_country (self, text, *c);
  if (migmap_project_get_dialogue_id (project) != NULL)
    dialogue = migmap_catalogue_lookup_dialogue (self, migmap_project_get_dialogue_id (project));
  if (dialogue != NULL)
    {
      append_text (text, migmap_dialogue_get_name (dialogue));
      append_text (text, migmap_dialogue_get_acronym (dialogue));
    }
  key = migmap_search_key_new ();
  migmap_search_key_add_name (key, migmap_project_get_title (project));
  migmap_search_key_add_acronym (key, migmap_project_get_acronym (project));
  add_to_index (self, project, text, key);
}

/* Result order: projects first, they are what people look for. */
static void
build_search_index (MigmapCatalogue *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  MigmapSearchKey *key;
  GListModel *model;

  model = G_LIST_MODEL (self->stores[MIGMAP_REF_PROJECT]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MigmapProject) project = g_list_model_get_item (model, i);
      index_project (self, project, text);
    }

  model = G_LIST_MODEL (self->stores[MIGMAP_REF_DIALOGUE]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MigmapDialogue) dialogue = g_list_model_get_item (model, i);

      append_text (text, migmap_dialogue_get_name (dialogue));
      append_text (text, migmap_dialogue_get_acronym (dialogue));
      append_text (text, migmap_dialogue_get_summary (dialogue));
      key = migmap_search_key_new ();
      migmap_search_key_add_name (key, migmap_dialogue_get_name (dialogue));
      add_translated_name (key, text, migmap_dialogue_get_name (dialogue));
      migmap_search_key_add_acronym (key, migmap_dialogue_get_acronym (dialogue));
      add_to_index (self, dialogue, text, key);
    }

  model = G_LIST_MODEL (self->stores[MIGMAP_REF_EVENT]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MigmapEvent) event = g_list_model_get_item (model, i);

      append_text (text, migmap_event_get_title (event));
      append_place (self, text, migmap_event_get_place_id (event));
      append_organisations (self, text, migmap_event_get_organisation_ids (event));
      key = migmap_search_key_new ();
      migmap_search_key_add_name (key, migmap_event_get_title (event));
      add_to_index (self, event, text, key);
    }

  model = G_LIST_MODEL (self->stores[MIGMAP_REF_PLACE]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MigmapPlace) place = g_list_model_get_item (model, i);

      append_place (self, text, migmap_place_get_id (place));
      key = migmap_search_key_new ();
      migmap_search_key_add_name (key, migmap_place_get_name (place));
      migmap_search_key_add_name (key, migmap_place_get_gazetteer_name (place));
      for (const char * const *alias = migmap_place_get_aliases (place); *alias; alias++)
        migmap_search_key_add_name (key, *alias);
      add_to_index (self, place, text, key);
    }

  model = G_LIST_MODEL (self->stores[MIGMAP_REF_ORGANISATION]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MigmapOrganisation) organisation = g_list_model_get_item (model, i);

      append_organisation (self, text, migmap_organisation_get_id (organisation));
      append_country (self, text, migmap_organisation_get_country (organisation));
      key = migmap_search_key_new ();
      migmap_search_key_add_name (key, migmap_organisation_get_name (organisation));
      migmap_search_key_add_acronym (key, migmap_organisation_get_acronym (organisation));
      add_to_index (self, organisation, text, key);
    }

  model = G_LIST_MODEL (self->stores[MIGMAP_REF_GROUP]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MigmapGroup) group = g_list_model_get_item (model, i);

      append_text (text, migmap_group_get_name (group));
      append_text (text, migmap_group_get_expanded_from (group));
      key = migmap_search_key_new ();
      migmap_search_key_add_name (key, migmap_group_get_name (group));
      add_translated_name (key, text, migmap_group_get_name (group));
      add_to_index (self, group, text, key);
    }

  model = G_LIST_MODEL (self->stores[MIGMAP_REF_DOCUMENT]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MigmapDocument) document = g_list_model_get_item (model, i);

      append_text (text, migmap_document_get_title (document));
      key = migmap_search_key_new ();
      migmap_search_key_add_name (key, migmap_document_get_title (document));
      add_to_index (self, document, text, key);
    }

  model = G_LIST_MODEL (self->stores[MIGMAP_REF_THEME]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MigmapTheme) theme = g_list_model_get_item (model, i);

      append_text (text, migmap_theme_get_name (theme));
      key = migmap_search_key_new ();
      migmap_search_key_add_name (key, migmap_theme_get_name (theme));
      add_to_index (self, theme, text, key);
    }
}

/* --- construction ----------------------------------------------------------- */

static gboolean
load (MigmapCatalogue       *self,
      MigmapCatalogueReader *reader,
      json_object           *root,
      GError               **error)
{
  static const char * const keys[] = {
    "schema_version", "sources", "organisations", "dialogues", "themes", "groups", "places",
    "projects", "events", "documents", "country_aliases", "changes", NULL
  };
  int version;

  if (!migmap_json_reader_check_object (reader->json, root, "", keys, error))
    return FALSE;
  /* Read the version first: a newer file should say so, not fail oddly. */
  if (!migmap_json_reader_int (reader->json, root, "", "schema_version", TRUE, G_MININT, G_MAXINT, &version, error))
    return FALSE;
  if (version != MIGMAP_CATALOGUE_SCHEMA_VERSION)
    {
      migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_VERSION, "schema_version",
                                    "unsupported version %d (expected %d)", version,
                                    MIGMAP_CATALOGUE_SCHEMA_VERSION);
      return FALSE;
    }

  return read_sources (self, reader, root, error) &&
         read_country_aliases (self, reader, root, error) &&
         migmap_catalogue_read_changes (reader, root, error) &&
         register_ids (reader, root, error) &&
         parse_entities (self, reader, root, error) &&
         link_entities (self, reader, error);
}

/* Loads and validates @path against @codes.  On any problem returns NULL
 * with a MIGMAP_CATALOGUE_ERROR whose message names the file, the JSON path
 * and the bad value (formats in data/SCHEMA.md). */
MigmapCatalogue *
migmap_catalogue_new_from_file_with_codes (const char         *path,
                                           MigmapCountryCodes *codes,
                                           GError            **error)
{
  json_object *root;
  MigmapCatalogue *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (MIGMAP_IS_COUNTRY_CODES (codes), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = migmap_json_parse_file (path, error);
  if (root == NULL)
    return NULL;
  self = migmap_catalogue_new_from_json (root, path, codes, error);
  json_object_put (root);
  return self;
}

/* The same checks on a tree already in memory: the editor validates each
 * change by loading the changed tree, so that an edit obeys exactly the
 * rules a file does.  @path names the file in messages. */
MigmapCatalogue *
migmap_catalogue_new_from_json (json_object        *root,
                                const char         *path,
                                MigmapCountryCodes *codes,
                                GError            **error)
{
  g_autoptr(MigmapCatalogue) self = NULL;
  MigmapCatalogueReader *reader;
  gboolean ok;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (MIGMAP_IS_COUNTRY_CODES (codes), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (MIGMAP_TYPE_CATALOGUE, NULL);
  self->path = g_strdup (path);
  self->codes = g_object_ref (codes);

  reader = migmap_catalogue_reader_new (path, codes);
  ok = load (self, reader, root, error);
  migmap_catalogue_reader_free (reader);

  if (!ok)
    return NULL;
  build_search_index (self);
  return g_steal_pointer (&self);
}

/* As above, with the country codes of migmap_country_codes_new_default(). */
MigmapCatalogue *
migmap_catalogue_new_from_file (const char *path,
                                GError    **error)
{
  g_autoptr(MigmapCountryCodes) codes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  codes = migmap_country_codes_new_default (error);
  if (codes == NULL)
    return NULL;
  return migmap_catalogue_new_from_file_with_codes (path, codes, error);
}

/* --- accessors -------------------------------------------------------------- */

const char *
migmap_catalogue_get_path (MigmapCatalogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  return self->path;
}

MigmapCountryCodes *
migmap_catalogue_get_country_codes (MigmapCatalogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  return self->codes;
}

const char * const *
migmap_catalogue_get_source_files (MigmapCatalogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  return (const char * const *) self->source_files;
}

const char *
migmap_catalogue_get_source_title (MigmapCatalogue *self,
                                   const char      *file)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (file != NULL, NULL);

  for (guint i = 0; self->source_files[i]; i++)
    if (g_str_equal (self->source_files[i], file))
      return *self->source_titles[i] ? self->source_titles[i] : NULL;
  return NULL;
}

#define DEFINE_LIST_GETTER(name, kind)                          \
  GListModel *                                                  \
  migmap_catalogue_get_##name (MigmapCatalogue *self)           \
  {                                                             \
    g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);    \
    return G_LIST_MODEL (self->stores[kind]);                   \
  }

DEFINE_LIST_GETTER (organisations, MIGMAP_REF_ORGANISATION)
DEFINE_LIST_GETTER (dialogues, MIGMAP_REF_DIALOGUE)
DEFINE_LIST_GETTER (themes, MIGMAP_REF_THEME)
DEFINE_LIST_GETTER (groups, MIGMAP_REF_GROUP)
DEFINE_LIST_GETTER (places, MIGMAP_REF_PLACE)
DEFINE_LIST_GETTER (projects, MIGMAP_REF_PROJECT)
DEFINE_LIST_GETTER (events, MIGMAP_REF_EVENT)
DEFINE_LIST_GETTER (documents, MIGMAP_REF_DOCUMENT)

#define DEFINE_LOOKUP(Type, name, kind)                         \
  Type *                                                        \
  migmap_catalogue_lookup_##name (MigmapCatalogue *self,        \
                                  const char      *id)          \
  {                                                             \
    g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);    \
    g_return_val_if_fail (id != NULL, NULL);                    \
    return g_hash_table_lookup (self->by_id[kind], id);         \
  }

DEFINE_LOOKUP (MigmapOrganisation, organisation, MIGMAP_REF_ORGANISATION)
DEFINE_LOOKUP (MigmapDialogue, dialogue, MIGMAP_REF_DIALOGUE)
DEFINE_LOOKUP (MigmapTheme, theme, MIGMAP_REF_THEME)
DEFINE_LOOKUP (MigmapGroup, group, MIGMAP_REF_GROUP)
DEFINE_LOOKUP (MigmapPlace, place, MIGMAP_REF_PLACE)
DEFINE_LOOKUP (MigmapProject, project, MIGMAP_REF_PROJECT)
DEFINE_LOOKUP (MigmapEvent, event, MIGMAP_REF_EVENT)
DEFINE_LOOKUP (MigmapDocument, document, MIGMAP_REF_DOCUMENT)

GObject *
migmap_catalogue_lookup_entity (MigmapCatalogue *self,
                                const char      *kind,
                                const char      *id)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (kind != NULL && id != NULL, NULL);

  for (guint a = 0; a < G_N_ELEMENTS (entity_arrays); a++)
    if (g_str_equal (entity_arrays[a].key, kind))
      return g_hash_table_lookup (self->by_id[entity_arrays[a].kind], id);
  return NULL;
}

const char *
migmap_catalogue_entity_kind (GObject *entity)
{
  g_return_val_if_fail (G_IS_OBJECT (entity), NULL);

  for (guint a = 0; a < G_N_ELEMENTS (entity_arrays); a++)
    if (G_TYPE_CHECK_INSTANCE_TYPE (entity, entity_arrays[a].get_type ()))
      return entity_arrays[a].key;
  return NULL;
}

/* --- queries ---------------------------------------------------------------- */

static GPtrArray *
new_result (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static gboolean
place_in_country (MigmapCatalogue *self,
                  const char      *place_id,
                  const char      *country)
{
  MigmapPlace *place = migmap_catalogue_lookup_place (self, place_id);

  return place != NULL && g_strcmp0 (migmap_place_get_country (place), country) == 0;
}

/* A project is in a country if it lists it, if its country group has it at
 * @at, or if one of its (or its activities') places lies in it: MC2CM
 * names cities, not countries. */
static gboolean
project_in_country (MigmapCatalogue  *self,
                    MigmapProject    *project,
                    const char       *country,
                    const MigmapDate *at)
{
  const char *group_id = migmap_project_get_country_group_id (project);
  GListModel *activities;

  if (g_strv_contains (migmap_project_get_listed_countries (project), country))
    return TRUE;
  if (group_id != NULL && migmap_group_contains (migmap_catalogue_lookup_group (self, group_id), country, at))
    return TRUE;
  for (const char * const *p = migmap_project_get_place_ids (project); *p; p++)
    if (place_in_country (self, *p, country))
      return TRUE;

  activities = migmap_project_get_activities (project);
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(MigmapActivity) activity = g_list_model_get_item (activities, i);

      for (const char * const *p = migmap_activity_get_place_ids (activity); *p; p++)
        if (place_in_country (self, *p, country))
          return TRUE;
    }
  return FALSE;
}

/* Projects in @country (alpha-3), active at @at when it is given: a project
 * without any stated date is then left out. */
GPtrArray *
migmap_catalogue_projects_in_country (MigmapCatalogue  *self,
                                      const char       *country,
                                      const MigmapDate *at)
{
  GListModel *projects;
  GPtrArray *result;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (country != NULL, NULL);

  result = new_result ();
  projects = G_LIST_MODEL (self->stores[MIGMAP_REF_PROJECT]);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(MigmapProject) project = g_list_model_get_item (projects, i);

      if (migmap_project_is_active_at (project, at) && project_in_country (self, project, country, at))
        g_ptr_array_add (result, g_steal_pointer (&project));
    }
  return result;
}

/* Groups that have @country as a member at @at. */
GPtrArray *
migmap_catalogue_groups_for_country (MigmapCatalogue  *self,
                                     const char       *country,
                                     const MigmapDate *at)
{
  GListModel *groups;
  GPtrArray *result;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (country != NULL, NULL);

  result = new_result ();
  groups = G_LIST_MODEL (self->stores[MIGMAP_REF_GROUP]);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(MigmapGroup) group = g_list_model_get_item (groups, i);

      if (migmap_group_contains (group, country, at))
        g_ptr_array_add (result, g_steal_pointer (&group));
    }
  return result;
}

static void
add_place_once (MigmapCatalogue *self,
                GPtrArray       *result,
                GHashTable      *seen,
                const char      *place_id)
{
  MigmapPlace *place;

  if (place_id == NULL || !g_hash_table_add (seen, (gpointer) place_id))
    return;
  place = migmap_catalogue_lookup_place (self, place_id);
  if (place != NULL)
    g_ptr_array_add (result, g_object_ref (place));
}

/* The project's places, its activities' places and its events' venues,
 * each once, in that order. */
GPtrArray *
migmap_catalogue_places_for_project (MigmapCatalogue *self,
                                     MigmapProject   *project)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) events = NULL;
  GListModel *activities;
  GPtrArray *result;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (MIGMAP_IS_PROJECT (project), NULL);

  result = new_result ();
  for (const char * const *p = migmap_project_get_place_ids (project); *p; p++)
    add_place_once (self, result, seen, *p);

  activities = migmap_project_get_activities (project);
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(MigmapActivity) activity = g_list_model_get_item (activities, i);

      for (const char * const *p = migmap_activity_get_place_ids (activity); *p; p++)
        add_place_once (self, result, seen, *p);
    }

  events = migmap_catalogue_events_for_project (self, project);
  for (guint i = 0; i < events->len; i++)
    add_place_once (self, result, seen, migmap_event_get_place_id (g_ptr_array_index (events, i)));

  return result;
}

/* Undated events sort last; the sort is stable, so file order breaks ties. */
static int
compare_event_dates (gconstpointer a,
                     gconstpointer b)
{
  MigmapEvent *event_a = *(MigmapEvent **) a;
  MigmapEvent *event_b = *(MigmapEvent **) b;
  const MigmapDate *start_a = migmap_event_get_start (event_a);
  const MigmapDate *start_b = migmap_event_get_start (event_b);

  if (migmap_date_is_set (start_a) != migmap_date_is_set (start_b))
    return migmap_date_is_set (start_a) ? -1 : 1;
  return migmap_date_compare (start_a, start_b);
}

/* The project's events, by date. */
GPtrArray *
migmap_catalogue_events_for_project (MigmapCatalogue *self,
                                     MigmapProject   *project)
{
  GListModel *events;
  GPtrArray *result;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (MIGMAP_IS_PROJECT (project), NULL);

  result = new_result ();
  events = G_LIST_MODEL (self->stores[MIGMAP_REF_EVENT]);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MigmapEvent) event = g_list_model_get_item (events, i);

      if (g_strcmp0 (migmap_event_get_project_id (event), migmap_project_get_id (project)) == 0)
        g_ptr_array_add (result, g_steal_pointer (&event));
    }
  g_ptr_array_sort (result, compare_event_dates);
  return result;
}

/* Projects that an organisation implements, partners, funds, relates to or
 * (as a city network) takes part in. */
GPtrArray *
migmap_catalogue_projects_for_organisation (MigmapCatalogue *self,
                                            const char      *organisation_id)
{
  GListModel *projects;
  GPtrArray *result;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (organisation_id != NULL, NULL);

  result = new_result ();
  projects = G_LIST_MODEL (self->stores[MIGMAP_REF_PROJECT]);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(MigmapProject) project = g_list_model_get_item (projects, i);

      if (g_strcmp0 (migmap_project_get_implementing_agency_id (project), organisation_id) == 0 ||
          g_strv_contains (migmap_project_get_partner_ids (project), organisation_id) ||
          g_strv_contains (migmap_project_get_donor_ids (project), organisation_id) ||
          g_strv_contains (migmap_project_get_related_organisation_ids (project), organisation_id) ||
          g_strv_contains (migmap_project_get_network_ids (project), organisation_id))
        g_ptr_array_add (result, g_steal_pointer (&project));
    }
  return result;
}

static gboolean
project_at_place (MigmapProject *project,
                  const char    *place_id)
{
  GListModel *activities = migmap_project_get_activities (project);

  if (g_strv_contains (migmap_project_get_place_ids (project), place_id))
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(MigmapActivity) activity = g_list_model_get_item (activities, i);

      if (g_strv_contains (migmap_activity_get_place_ids (activity), place_id))
        return TRUE;
    }
  return FALSE;
}

/* Projects that name the place, themselves or in an activity, in file
 * order; at @at, only those active then. */
GPtrArray *
migmap_catalogue_projects_at_place (MigmapCatalogue  *self,
                                    const char       *place_id,
                                    const MigmapDate *at)
{
  GListModel *projects;
  GPtrArray *result;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (place_id != NULL, NULL);

  result = new_result ();
  projects = G_LIST_MODEL (self->stores[MIGMAP_REF_PROJECT]);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(MigmapProject) project = g_list_model_get_item (projects, i);

      if (migmap_project_is_active_at (project, at) && project_at_place (project, place_id))
        g_ptr_array_add (result, g_steal_pointer (&project));
    }
  return result;
}

/* Events held in @country, i.e. at a place in it, in file order; at @at,
 * only those whose dates contain it. */
GPtrArray *
migmap_catalogue_events_in_country (MigmapCatalogue  *self,
                                    const char       *country,
                                    const MigmapDate *at)
{
  GListModel *events;
  GPtrArray *result;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (country != NULL, NULL);

  result = new_result ();
  events = G_LIST_MODEL (self->stores[MIGMAP_REF_EVENT]);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MigmapEvent) event = g_list_model_get_item (events, i);
      const char *place_id = migmap_event_get_place_id (event);

      if (place_id != NULL && place_in_country (self, place_id, country) && migmap_event_is_active_at (event, at))
        g_ptr_array_add (result, g_steal_pointer (&event));
    }
  return result;
}

/* Events held at the place, in file order; at @at, only those whose dates
 * contain it. */
GPtrArray *
migmap_catalogue_events_at_place (MigmapCatalogue  *self,
                                  const char       *place_id,
                                  const MigmapDate *at)
{
  GListModel *events;
  GPtrArray *result;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (place_id != NULL, NULL);

  result = new_result ();
  events = G_LIST_MODEL (self->stores[MIGMAP_REF_EVENT]);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MigmapEvent) event = g_list_model_get_item (events, i);

      if (g_strcmp0 (migmap_event_get_place_id (event), place_id) == 0 && migmap_event_is_active_at (event, at))
        g_ptr_array_add (result, g_steal_pointer (&event));
    }
  return result;
}

/* Places in @country, in file order; unresolved places (only candidate
 * countries) are in none. */
GPtrArray *
migmap_catalogue_places_in_country (MigmapCatalogue *self,
                                    const char      *country)
{
  GListModel *places;
  GPtrArray *result;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (country != NULL, NULL);

  result = new_result ();
  places = G_LIST_MODEL (self->stores[MIGMAP_REF_PLACE]);
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(MigmapPlace) place = g_list_model_get_item (places, i);

      if (g_strcmp0 (migmap_place_get_country (place), country) == 0)
        g_ptr_array_add (result, g_steal_pointer (&place));
    }
  return result;
}

/* The places of an id list (e.g. an activity's), in order. */
GPtrArray *
migmap_catalogue_dup_places (MigmapCatalogue    *self,
                             const char * const *ids)
{
  GPtrArray *result;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);

  result = new_result ();
  for (guint i = 0; ids && ids[i]; i++)
    {
      MigmapPlace *place = migmap_catalogue_lookup_place (self, ids[i]);

      if (place != NULL)
        g_ptr_array_add (result, g_object_ref (place));
    }
  return result;
}

/* The organisations of an id list (e.g. a project's donors), in order. */
GPtrArray *
migmap_catalogue_dup_organisations (MigmapCatalogue    *self,
                                    const char * const *ids)
{
  GPtrArray *result;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);

  result = new_result ();
  for (guint i = 0; ids && ids[i]; i++)
    {
      MigmapOrganisation *organisation = migmap_catalogue_lookup_organisation (self, ids[i]);

      if (organisation != NULL)
        g_ptr_array_add (result, g_object_ref (organisation));
    }
  return result;
}

static GPtrArray *
search (MigmapCatalogue *self,
        const char      *query,
        GType            type)
{
  g_autofree char *folded = migmap_text_fold (query);
  g_auto(GStrv) tokens = g_strsplit_set (folded, " \t\n\r", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = NULL;
  GPtrArray *result = new_result ();

  for (guint i = 0; tokens[i]; i++)
    if (*tokens[i] != '\0')
      g_strv_builder_add (builder, tokens[i]);
  words = g_strv_builder_end (builder);
  if (words[0] == NULL) /* an empty query matches nothing, not everything */
    return result;

  for (guint i = 0; i < self->search_index->len; i++)
    {
      SearchEntry *entry = &g_array_index (self->search_index, SearchEntry, i);

      if ((type == G_TYPE_INVALID || G_TYPE_CHECK_INSTANCE_TYPE (entry->object, type)) &&
          migmap_text_matches (entry->text, (const char * const *) words))
        g_ptr_array_add (result, g_object_ref (entry->object));
    }
  return result;
}

/* Entities whose titles, acronyms, objectives, organisations, place names
 * or country names contain every word of @query, ignoring case and
 * accents ("tajóura" finds "Tajoura").  Projects come first, then
 * dialogues, events, places, organisations, groups, documents, themes. */
GPtrArray *
migmap_catalogue_search (MigmapCatalogue *self,
                         const char      *query)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return search (self, query, G_TYPE_INVALID);
}

GPtrArray *
migmap_catalogue_search_projects (MigmapCatalogue *self,
                                  const char      *query)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return search (self, query, MIGMAP_TYPE_PROJECT);
}

/* --- search results ---------------------------------------------------------- */

/* The name the window shows for a country: iso-codes' translated name, else
 * the map data's, else the code. */
static const char *
country_title (MigmapCatalogue *self,
               GHashTable      *map_names,
               const char      *code)
{
  const char *name = migmap_country_codes_get_translated_name (self->codes, code);

  if (name == NULL)
    name = g_hash_table_lookup (map_names, code);
  return name ? name : code;
}

/* Ties go to the kind a name most likely means: a place before the
 * projects that merely mention it. */
static guint
kind_rank (MigmapSearchResultKind kind)
{
  static const MigmapSearchResultKind order[] = {
    MIGMAP_SEARCH_RESULT_COUNTRY, MIGMAP_SEARCH_RESULT_PLACE, MIGMAP_SEARCH_RESULT_DIALOGUE,
    MIGMAP_SEARCH_RESULT_GROUP, MIGMAP_SEARCH_RESULT_ORGANISATION, MIGMAP_SEARCH_RESULT_PROJECT,
    MIGMAP_SEARCH_RESULT_EVENT, MIGMAP_SEARCH_RESULT_DOCUMENT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (order[i] == kind)
      return i;
  return G_N_ELEMENTS (order);
}

typedef struct {
  MigmapSearchLevel   level;
  guint               rank;
  guint               order;
  MigmapSearchResult *result;
} Hit;

static void
hit_clear (gpointer data)
{
  g_clear_object (&((Hit *) data)->result);
}

static int
hit_compare (gconstpointer a,
             gconstpointer b)
{
  const Hit *x = a, *y = b;

  if (x->level != y->level)
    return x->level > y->level ? -1 : 1;
  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static void
add_hit (GArray             *hits,
         MigmapSearchLevel   level,
         MigmapSearchResult *result) /* owned */
{
  Hit hit = { level, kind_rank (migmap_search_result_get_kind (result)), hits->len, result };

  g_array_append_val (hits, hit);
}

static void
add_matching_countries (MigmapCatalogue    *self,
                        GArray             *hits,
                        GHashTable         *map_names,
                        MigmapSearchQuery  *query,
                        const char * const *country_codes,
                        const char * const *country_names)
{
  for (guint i = 0; country_codes && country_codes[i]; i++)
    {
      const char *code = country_codes[i];
      g_autoptr(MigmapSearchKey) key = migmap_search_key_new ();
      const char * const *aliases = g_hash_table_lookup (self->country_aliases, code);
      const char *search_names = migmap_country_codes_get_search_names (self->codes, code);
      MigmapSearchLevel level;

      /* Every name a user may know the country by. */
      migmap_search_key_add_name (key, country_title (self, map_names, code));
      if (country_names != NULL)
        migmap_search_key_add_name (key, country_names[i]);
      if (search_names != NULL)
        {
          g_auto(GStrv) lines = g_strsplit (search_names, "\n", -1);

          for (guint n = 0; lines[n]; n++)
            migmap_search_key_add_name (key, lines[n]);
        }
      for (guint a = 0; aliases && aliases[a]; a++)
        migmap_search_key_add_name (key, aliases[a]);
      migmap_search_key_add_acronym (key, code);

      level = migmap_search_query_match (query, key);
      if (level != MIGMAP_SEARCH_NONE)
        add_hit (hits, level,
                 migmap_search_result_new (MIGMAP_SEARCH_RESULT_COUNTRY, code, country_title (self, map_names, code), NULL));
    }
}

static MigmapSearchResult *
entity_result (MigmapCatalogue *self,
               GHashTable      *map_names,
               GObject         *item)
{
  if (MIGMAP_IS_PROJECT (item))
    return migmap_search_result_new (MIGMAP_SEARCH_RESULT_PROJECT, migmap_project_get_id (MIGMAP_PROJECT (item)),
                                     migmap_project_get_title (MIGMAP_PROJECT (item)),
                                     migmap_project_get_acronym (MIGMAP_PROJECT (item)));
  if (MIGMAP_IS_ORGANISATION (item))
    return migmap_search_result_new (MIGMAP_SEARCH_RESULT_ORGANISATION,
                                     migmap_organisation_get_id (MIGMAP_ORGANISATION (item)),
                                     migmap_organisation_get_name (MIGMAP_ORGANISATION (item)),
                                     migmap_organisation_get_acronym (MIGMAP_ORGANISATION (item)));
  if (MIGMAP_IS_PLACE (item))
    {
      const char *country = migmap_place_get_country (MIGMAP_PLACE (item));

      return migmap_search_result_new (MIGMAP_SEARCH_RESULT_PLACE, migmap_place_get_id (MIGMAP_PLACE (item)),
                                       migmap_place_get_name (MIGMAP_PLACE (item)),
                                       country ? country_title (self, map_names, country) : NULL);
    }
  if (MIGMAP_IS_EVENT (item))
    return migmap_search_result_new (MIGMAP_SEARCH_RESULT_EVENT, migmap_event_get_id (MIGMAP_EVENT (item)),
                                     migmap_event_get_title (MIGMAP_EVENT (item)), NULL);
  if (MIGMAP_IS_GROUP (item))
    return migmap_search_result_new (MIGMAP_SEARCH_RESULT_GROUP, migmap_group_get_id (MIGMAP_GROUP (item)),
                                     catalogue_label (migmap_group_get_name (MIGMAP_GROUP (item))), NULL);
  if (MIGMAP_IS_DIALOGUE (item))
    return migmap_search_result_new (MIGMAP_SEARCH_RESULT_DIALOGUE, migmap_dialogue_get_id (MIGMAP_DIALOGUE (item)),
                                     catalogue_label (migmap_dialogue_get_name (MIGMAP_DIALOGUE (item))),
                                     migmap_dialogue_get_acronym (MIGMAP_DIALOGUE (item)));
  if (MIGMAP_IS_DOCUMENT (item))
    return migmap_search_result_new (MIGMAP_SEARCH_RESULT_DOCUMENT, migmap_document_get_id (MIGMAP_DOCUMENT (item)),
                                     migmap_document_get_title (MIGMAP_DOCUMENT (item)), NULL);
  /* Themes are no kind of result: they show on their projects' pages. */
  return NULL;
}

/* The sources' own spellings of @code's name ("Turkey"), or NULL. */
const char * const *
migmap_catalogue_get_country_aliases (MigmapCatalogue *self,
                                      const char      *code)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (self->country_aliases, code);
}

GListModel *
migmap_catalogue_search_results (MigmapCatalogue    *self,
                                 const char         *query,
                                 const char * const *country_codes,
                                 const char * const *country_names)
{
  g_autoptr(GHashTable) map_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(MigmapSearchQuery) parsed = NULL;
  g_autoptr(GArray) hits = NULL;
  GListStore *results;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);

  results = g_list_store_new (MIGMAP_TYPE_SEARCH_RESULT);
  parsed = migmap_search_query_new (query ? query : "");
  if (parsed == NULL)
    return G_LIST_MODEL (results);

  /* A code the map data repeats keeps its first name, as a lookup would. */
  for (guint i = 0; country_names && country_codes && country_codes[i]; i++)
    if (country_names[i] != NULL && !g_hash_table_contains (map_names, country_codes[i]))
      g_hash_table_insert (map_names, (gpointer) country_codes[i], (gpointer) country_names[i]);

  hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  g_array_set_clear_func (hits, hit_clear);
  add_matching_countries (self, hits, map_names, parsed, country_codes, country_names);

  for (guint i = 0; i < self->search_index->len; i++)
    {
      SearchEntry *entry = &g_array_index (self->search_index, SearchEntry, i);
      MigmapSearchLevel level = migmap_search_query_match (parsed, entry->key);
      MigmapSearchResult *result;

      if (level == MIGMAP_SEARCH_NONE)
        continue;
      result = entity_result (self, map_names, entry->object);
      if (result != NULL)
        add_hit (hits, level, result);
    }

  g_array_sort (hits, hit_compare);
  for (guint i = 0; i < hits->len; i++)
    g_list_store_append (results, g_array_index (hits, Hit, i).result);
  return G_LIST_MODEL (results);
}

/* ---- time ---- */

/* Projects running at @at (see migmap_project_get_time_at()), in file
 * order; every project when @at is NULL. */
GPtrArray *
migmap_catalogue_projects_at (MigmapCatalogue  *self,
                              const MigmapDate *at)
{
  GListModel *projects;
  GPtrArray *result;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);

  result = new_result ();
  projects = G_LIST_MODEL (self->stores[MIGMAP_REF_PROJECT]);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(MigmapProject) project = g_list_model_get_item (projects, i);

      if (migmap_project_is_active_at (project, at))
        g_ptr_array_add (result, g_steal_pointer (&project));
    }
  return result;
}

/* The Julian day of a date's first (or last) day at its precision. */
static guint32
julian_day (const MigmapDate *date,
            gboolean          last)
{
  guint month = date->month ? date->month : (last ? 12 : 1);
  guint day = date->day ? date->day : (last ? g_date_get_days_in_month (month, date->year) : 1);
  GDate gdate;

  g_date_clear (&gdate, 1);
  g_date_set_dmy (&gdate, day, month, date->year);
  return g_date_get_julian (&gdate);
}

/* Events within @days days of @at (0: on @at), by date; an event with no
 * date is never near one.  Every event when @at is NULL. */
GPtrArray *
migmap_catalogue_events_near (MigmapCatalogue  *self,
                              const MigmapDate *at,
                              guint             days)
{
  GListModel *events;
  GPtrArray *result;
  guint32 from = 0, to = 0;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (days <= 366 * 100, NULL);

  if (migmap_date_is_set (at))
    {
      guint32 first = julian_day (at, FALSE);

      from = first > days ? first - days : 1;
      to = julian_day (at, TRUE) + days;
    }
  result = new_result ();
  events = G_LIST_MODEL (self->stores[MIGMAP_REF_EVENT]);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MigmapEvent) event = g_list_model_get_item (events, i);
      const MigmapDate *start = migmap_event_get_start (event);
      const MigmapDate *end = migmap_event_get_end (event);

      if (migmap_date_is_set (at))
        {
          const MigmapDate *first = migmap_date_is_set (start) ? start : end;
          const MigmapDate *last = migmap_date_is_set (end) ? end : start;

          if (!migmap_date_is_set (first) || julian_day (last, TRUE) < from || julian_day (first, FALSE) > to)
            continue;
        }
      g_ptr_array_add (result, g_steal_pointer (&event));
    }
  g_ptr_array_sort (result, compare_event_dates);
  return result;
}

static void
widen_span (const MigmapDate *date,
            guint            *first,
            guint            *last)
{
  if (!migmap_date_is_set (date))
    return;
  *first = MIN (*first, date->year);
  *last = MAX (*last, date->year);
}

/* The years the catalogue's dates reach: dialogues, their phases' and
 * groups' periods, projects and events.  FALSE if it states no date. */
gboolean
migmap_catalogue_get_year_span (MigmapCatalogue *self,
                                guint           *first_year,
                                guint           *last_year)
{
  guint first = G_MAXUINT, last = 0;
  GListModel *model;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), FALSE);
  g_return_val_if_fail (first_year != NULL && last_year != NULL, FALSE);

  model = G_LIST_MODEL (self->stores[MIGMAP_REF_DIALOGUE]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MigmapDialogue) dialogue = g_list_model_get_item (model, i);
      widen_span (migmap_dialogue_get_start (dialogue), &first, &last);
      widen_span (migmap_dialogue_get_end (dialogue), &first, &last);
    }
  model = G_LIST_MODEL (self->stores[MIGMAP_REF_GROUP]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MigmapGroup) group = g_list_model_get_item (model, i);
      widen_span (migmap_group_get_as_of (group), &first, &last);
      widen_span (migmap_group_get_valid_from (group), &first, &last);
      widen_span (migmap_group_get_valid_to (group), &first, &last);
    }
  model = G_LIST_MODEL (self->stores[MIGMAP_REF_PROJECT]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MigmapProject) project = g_list_model_get_item (model, i);
      widen_span (migmap_project_get_start (project), &first, &last);
      widen_span (migmap_project_get_end (project), &first, &last);
    }
  model = G_LIST_MODEL (self->stores[MIGMAP_REF_EVENT]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MigmapEvent) event = g_list_model_get_item (model, i);
      widen_span (migmap_event_get_start (event), &first, &last);
      widen_span (migmap_event_get_end (event), &first, &last);
    }
  if (last == 0)
    return FALSE;
  *first_year = first;
  *last_year = last;
  return TRUE;
}
