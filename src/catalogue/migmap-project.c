/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-project.c: a project, programme or initiative, as its sources
 * state it */
#include "config.h"

#include "migmap-project.h"

#include "migmap-activity-private.h"
#include "migmap-project-private.h"

struct _MigmapProject {
  GObject parent_instance;

  char                *id;
  char                *title;
  char                *acronym;
  char                *kind;
  char                *phase;
  char                *parent_id;
  char                *predecessor_id;
  char                *objective;
  char               **specific_objectives;
  char                *summary;
  char                *implementing_agency_id;
  char               **partner_ids;
  char               **partner_roles;        /* parallel; "" = no stated role */
  char               **donor_ids;
  char               **related_organisation_ids;
  char               **related_organisation_roles;
  char               **network_ids;
  /* Fields whose label is in the source but whose value was lost in
   * extraction: the UI says "not stated (lost)" rather than "none". */
  char               **lost_fields;
  MigmapDate           start;
  MigmapDate           end;
  GPtrArray           *date_variants;        /* MigmapDateVariant */
  MigmapProjectStatus  status;
  MigmapDate           status_as_of;
  char                *status_basis;
  char               **status_sources;
  char               **listed_countries;     /* the "countries" field */
  char               **countries;            /* listed + country group */
  char                *countries_basis;
  char                *country_group_id;
  char               **place_ids;
  char               **theme_ids;
  char               **theme_tagged_by;      /* parallel: "source" or "catalogue" */
  GListStore          *activities;
  char               **document_ids;
  char                *dialogue_id;
  int                  dialogue_phase;       /* 0 = none stated */
  char                *website;
  char               **notes;
  char               **sources;
};

G_DEFINE_FINAL_TYPE (MigmapProject, migmap_project, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_TITLE, PROP_ACRONYM, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char * const statuses[] = { "", "completed", "current", "planned", "in_development", NULL };

static void
date_variant_free (gpointer data)
{
  MigmapDateVariant *variant = data;

  g_free (variant->text);
  g_strfreev (variant->sources);
  g_free (variant);
}

static void
migmap_project_finalize (GObject *object)
{
  MigmapProject *self = MIGMAP_PROJECT (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->acronym);
  g_free (self->kind);
  g_free (self->phase);
  g_free (self->parent_id);
  g_free (self->predecessor_id);
  g_free (self->objective);
  g_strfreev (self->specific_objectives);
  g_free (self->summary);
  g_free (self->implementing_agency_id);
  g_strfreev (self->partner_ids);
  g_strfreev (self->partner_roles);
  g_strfreev (self->donor_ids);
  g_strfreev (self->related_organisation_ids);
  g_strfreev (self->related_organisation_roles);
  g_strfreev (self->network_ids);
  g_strfreev (self->lost_fields);
  g_ptr_array_unref (self->date_variants);
  g_free (self->status_basis);
  g_strfreev (self->status_sources);
  g_strfreev (self->listed_countries);
  g_strfreev (self->countries);
  g_free (self->countries_basis);
  g_free (self->country_group_id);
  g_strfreev (self->place_ids);
  g_strfreev (self->theme_ids);
  g_strfreev (self->theme_tagged_by);
  g_object_unref (self->activities);
  g_strfreev (self->document_ids);
  g_free (self->dialogue_id);
  g_free (self->website);
  g_strfreev (self->notes);
  g_strfreev (self->sources);

  G_OBJECT_CLASS (migmap_project_parent_class)->finalize (object);
}

static void
migmap_project_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MigmapProject *self = MIGMAP_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID:      g_value_set_string (value, self->id); break;
    case PROP_TITLE:   g_value_set_string (value, self->title); break;
    case PROP_ACRONYM: g_value_set_string (value, self->acronym); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_project_class_init (MigmapProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = migmap_project_finalize;
  object_class->get_property = migmap_project_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACRONYM] = g_param_spec_string ("acronym", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
migmap_project_init (MigmapProject *self)
{
  self->date_variants = g_ptr_array_new_with_free_func (date_variant_free);
  self->activities = g_list_store_new (MIGMAP_TYPE_ACTIVITY);
}

static gboolean
read_date_variants (MigmapProject         *self,
                    MigmapCatalogueReader *reader,
                    json_object           *obj,
                    const char            *path,
                    GError               **error)
{
  static const char * const keys[] = { "start", "end", "text", "source", NULL };
  g_autofree char *array_path = migmap_json_path_key (path, "date_variants");
  json_object *array;

  if (!migmap_json_reader_array (reader->json, obj, path, "date_variants", FALSE, &array, error))
    return FALSE;

  for (gsize i = 0; array && i < json_object_array_length (array); i++)
    {
      json_object *item = json_object_array_get_idx (array, i);
      g_autofree char *item_path = migmap_json_path_index (array_path, i);
      MigmapDateVariant *variant = g_new0 (MigmapDateVariant, 1);

      g_ptr_array_add (self->date_variants, variant);
      if (!migmap_json_reader_check_object (reader->json, item, item_path, keys, error) ||
          !migmap_catalogue_reader_date_range (reader, item, item_path, "start", "end", &variant->start, &variant->end, error) ||
          !migmap_json_reader_string (reader->json, item, item_path, "text", TRUE, &variant->text, error) ||
          !migmap_catalogue_reader_sources (reader, item, item_path, &variant->sources, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_status (MigmapProject         *self,
             MigmapCatalogueReader *reader,
             json_object           *obj,
             const char            *path,
             GError               **error)
{
  static const char * const keys[] = { "value", "as_of", "basis", "source", NULL };
  g_autofree char *sub = migmap_json_path_key (path, "status");
  g_autofree char *value = NULL;
  json_object *status;

  if (!migmap_json_reader_object (reader->json, obj, path, "status", FALSE, &status, error))
    return FALSE;
  if (status == NULL)
    {
      self->status_sources = g_new0 (char *, 1);
      return TRUE;
    }

  /* Only what the source says or its own words imply: the basis says which. */
  if (!migmap_json_reader_check_object (reader->json, status, sub, keys, error) ||
      !migmap_json_reader_enum (reader->json, status, sub, "value", TRUE, statuses + 1, &value, error) ||
      !migmap_catalogue_reader_date (reader, status, sub, "as_of", FALSE, &self->status_as_of, error) ||
      !migmap_json_reader_string (reader->json, status, sub, "basis", TRUE, &self->status_basis, error) ||
      !migmap_catalogue_reader_sources (reader, status, sub, &self->status_sources, error))
    return FALSE;

  for (guint i = 1; statuses[i]; i++)
    if (g_str_equal (statuses[i], value))
      self->status = (MigmapProjectStatus) i;
  return TRUE;
}

static gboolean
read_themes (MigmapProject         *self,
             MigmapCatalogueReader *reader,
             json_object           *obj,
             const char            *path,
             GError               **error)
{
  static const char * const keys[] = { "id", "by", NULL };
  static const char * const taggers[] = { "source", "catalogue", NULL };
  g_autofree char *array_path = migmap_json_path_key (path, "themes");
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) by = g_strv_builder_new ();
  json_object *array;

  if (!migmap_json_reader_array (reader->json, obj, path, "themes", FALSE, &array, error))
    return FALSE;

  for (gsize i = 0; array && i < json_object_array_length (array); i++)
    {
      json_object *item = json_object_array_get_idx (array, i);
      g_autofree char *item_path = migmap_json_path_index (array_path, i);
      g_autofree char *id = NULL;
      g_autofree char *tagger = NULL;

      if (!migmap_json_reader_check_object (reader->json, item, item_path, keys, error) ||
          !migmap_catalogue_reader_ref (reader, item, item_path, "id", MIGMAP_REF_THEME, TRUE, &id, error) ||
          !migmap_json_reader_enum (reader->json, item, item_path, "by", TRUE, taggers, &tagger, error))
        return FALSE;
      g_strv_builder_add (ids, id);
      g_strv_builder_add (by, tagger);
    }

  self->theme_ids = g_strv_builder_end (ids);
  self->theme_tagged_by = g_strv_builder_end (by);
  return TRUE;
}

static gboolean
read_activities (MigmapProject         *self,
                 MigmapCatalogueReader *reader,
                 json_object           *obj,
                 const char            *path,
                 GError               **error)
{
  g_autofree char *array_path = migmap_json_path_key (path, "activities");
  json_object *array;

  if (!migmap_json_reader_array (reader->json, obj, path, "activities", FALSE, &array, error))
    return FALSE;

  for (gsize i = 0; array && i < json_object_array_length (array); i++)
    {
      g_autofree char *item_path = migmap_json_path_index (array_path, i);
      g_autoptr(MigmapActivity) activity = NULL;

      activity = migmap_activity_new_from_json (reader, json_object_array_get_idx (array, i), item_path, error);
      if (activity == NULL)
        return FALSE;
      g_list_store_append (self->activities, activity);
    }
  return TRUE;
}

static gboolean
field_is_empty (MigmapProject *self,
                const char    *field)
{
  if (g_str_equal (field, "donors"))
    return self->donor_ids[0] == NULL;
  if (g_str_equal (field, "partners"))
    return self->partner_ids[0] == NULL;
  if (g_str_equal (field, "implementing_agency"))
    return self->implementing_agency_id == NULL;
  if (g_str_equal (field, "countries"))
    return self->listed_countries[0] == NULL && self->country_group_id == NULL;
  if (g_str_equal (field, "start"))
    return !migmap_date_is_set (&self->start);
  if (g_str_equal (field, "end"))
    return !migmap_date_is_set (&self->end);
  return TRUE;
}

static gboolean
read_lost_fields (MigmapProject         *self,
                  MigmapCatalogueReader *reader,
                  json_object           *obj,
                  const char            *path,
                  GError               **error)
{
  static const char * const lostable[] = {
    "donors", "partners", "implementing_agency", "countries", "start", "end", NULL
  };
  g_autofree char *array_path = migmap_json_path_key (path, "lost_fields");

  if (!migmap_json_reader_strv (reader->json, obj, path, "lost_fields", &self->lost_fields, error))
    return FALSE;

  for (guint i = 0; self->lost_fields[i]; i++)
    {
      g_autofree char *item_path = migmap_json_path_index (array_path, i);
      const char *field = self->lost_fields[i];

      if (!g_strv_contains (lostable, field))
        {
          g_autofree char *list = g_strjoinv (", ", (char **) lostable);

          migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_BAD_VALUE, item_path,
                                        "bad value \"%s\" (expected one of: %s)", field, list);
          return FALSE;
        }
      if (!field_is_empty (self, field))
        {
          migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_INCONSISTENT, item_path,
                                        "\"%s\" is marked lost but has a value", field);
          return FALSE;
        }
    }
  return TRUE;
}

MigmapProject *
migmap_project_new_from_json (MigmapCatalogueReader *reader,
                              json_object           *obj,
                              const char            *path,
                              GError               **error)
{
  static const char * const keys[] = {
    "id", "title", "acronym", "kind", "phase", "parent", "predecessor", "objective",
    "specific_objectives", "summary", "implementing_agency", "partners", "donors",
    "related_organisations", "networks", "lost_fields", "start", "end", "date_variants", "status",
    "countries", "countries_basis", "country_group", "places", "themes", "activities", "documents",
    "dialogue", "dialogue_phase", "website", "notes", "source", NULL
  };
  static const char * const kinds[] = {
    "project", "programme", "pilot_project", "initiative", "facility", "instrument", NULL
  };
  static const char * const bases[] = { "listed", "heading", "title", "text", "restored_label", NULL };
  g_autoptr(MigmapProject) self = g_object_new (MIGMAP_TYPE_PROJECT, NULL);

  if (!migmap_json_reader_check_object (reader->json, obj, path, keys, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "id", TRUE, &self->id, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "title", TRUE, &self->title, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "acronym", FALSE, &self->acronym, error) ||
      !migmap_json_reader_enum (reader->json, obj, path, "kind", TRUE, kinds, &self->kind, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "phase", FALSE, &self->phase, error) ||
      !migmap_catalogue_reader_ref (reader, obj, path, "parent", MIGMAP_REF_PROJECT, FALSE, &self->parent_id, error) ||
      !migmap_catalogue_reader_ref (reader, obj, path, "predecessor", MIGMAP_REF_PROJECT, FALSE, &self->predecessor_id, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "objective", FALSE, &self->objective, error) ||
      !migmap_json_reader_strv (reader->json, obj, path, "specific_objectives", &self->specific_objectives, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "summary", FALSE, &self->summary, error) ||
      !migmap_catalogue_reader_ref (reader, obj, path, "implementing_agency", MIGMAP_REF_ORGANISATION, FALSE,
                                    &self->implementing_agency_id, error) ||
      !migmap_catalogue_reader_roles (reader, obj, path, "partners", &self->partner_ids, &self->partner_roles, error) ||
      !migmap_catalogue_reader_refs (reader, obj, path, "donors", MIGMAP_REF_ORGANISATION, &self->donor_ids, error) ||
      !migmap_catalogue_reader_roles (reader, obj, path, "related_organisations",
                                      &self->related_organisation_ids, &self->related_organisation_roles, error) ||
      !migmap_catalogue_reader_refs (reader, obj, path, "networks", MIGMAP_REF_ORGANISATION, &self->network_ids, error) ||
      !migmap_catalogue_reader_date_range (reader, obj, path, "start", "end", &self->start, &self->end, error) ||
      !read_date_variants (self, reader, obj, path, error) ||
      !read_status (self, reader, obj, path, error) ||
      !migmap_catalogue_reader_countries (reader, obj, path, "countries", &self->listed_countries, error) ||
      !migmap_json_reader_enum (reader->json, obj, path, "countries_basis", FALSE, bases, &self->countries_basis, error) ||
      !migmap_catalogue_reader_ref (reader, obj, path, "country_group", MIGMAP_REF_GROUP, FALSE, &self->country_group_id, error) ||
      !migmap_catalogue_reader_refs (reader, obj, path, "places", MIGMAP_REF_PLACE, &self->place_ids, error) ||
      !read_themes (self, reader, obj, path, error) ||
      !read_activities (self, reader, obj, path, error) ||
      !migmap_catalogue_reader_refs (reader, obj, path, "documents", MIGMAP_REF_DOCUMENT, &self->document_ids, error) ||
      !migmap_catalogue_reader_ref (reader, obj, path, "dialogue", MIGMAP_REF_DIALOGUE, FALSE, &self->dialogue_id, error) ||
      !migmap_json_reader_int (reader->json, obj, path, "dialogue_phase", FALSE, 1, 99, &self->dialogue_phase, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "website", FALSE, &self->website, error) ||
      !read_lost_fields (self, reader, obj, path, error) ||
      !migmap_json_reader_strv (reader->json, obj, path, "notes", &self->notes, error) ||
      !migmap_catalogue_reader_sources (reader, obj, path, &self->sources, error))
    return NULL;

  if (self->dialogue_phase != 0 && self->dialogue_id == NULL)
    {
      migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_INCONSISTENT, path,
                                    "\"dialogue_phase\" given without \"dialogue\"");
      return NULL;
    }

  self->countries = g_strdupv (self->listed_countries);
  return g_steal_pointer (&self);
}

void
migmap_project_set_countries (MigmapProject      *self,
                              const char * const *countries)
{
  g_return_if_fail (MIGMAP_IS_PROJECT (self));

  g_strfreev (self->countries);
  self->countries = g_strdupv ((char **) countries);
}

const char * const *
migmap_project_get_listed_countries (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return (const char * const *) self->listed_countries;
}

const char *
migmap_project_get_id (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return self->id;
}

const char *
migmap_project_get_title (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return self->title;
}

const char *
migmap_project_get_acronym (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return self->acronym;
}

const char *
migmap_project_get_kind (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return self->kind;
}

const char *
migmap_project_get_phase (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return self->phase;
}

const char *
migmap_project_get_parent_id (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return self->parent_id;
}

const char *
migmap_project_get_predecessor_id (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return self->predecessor_id;
}

const char *
migmap_project_get_objective (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return self->objective;
}

const char * const *
migmap_project_get_specific_objectives (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return (const char * const *) self->specific_objectives;
}

const char *
migmap_project_get_summary (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return self->summary;
}

const char *
migmap_project_get_implementing_agency_id (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return self->implementing_agency_id;
}

const char * const *
migmap_project_get_partner_ids (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return (const char * const *) self->partner_ids;
}

static const char *
lookup_role (char      **ids,
             char      **roles,
             const char *id)
{
  for (guint i = 0; ids[i]; i++)
    if (g_str_equal (ids[i], id))
      return *roles[i] ? roles[i] : NULL;
  return NULL;
}

/* e.g. "national counterpart"; NULL if none is stated. */
const char *
migmap_project_get_partner_role (MigmapProject *self,
                                 const char    *organisation_id)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (organisation_id != NULL, NULL);
  return lookup_role (self->partner_ids, self->partner_roles, organisation_id);
}

const char * const *
migmap_project_get_donor_ids (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return (const char * const *) self->donor_ids;
}

const char * const *
migmap_project_get_related_organisation_ids (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return (const char * const *) self->related_organisation_ids;
}

const char *
migmap_project_get_related_organisation_role (MigmapProject *self,
                                              const char    *organisation_id)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (organisation_id != NULL, NULL);
  return lookup_role (self->related_organisation_ids, self->related_organisation_roles, organisation_id);
}

const char * const *
migmap_project_get_network_ids (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return (const char * const *) self->network_ids;
}

const char * const *
migmap_project_get_lost_fields (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return (const char * const *) self->lost_fields;
}

/* TRUE if the source had the field's label but its value was lost, as
 * opposed to a field the source never mentions. */
gboolean
migmap_project_was_field_lost (MigmapProject *self,
                               const char    *field)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  return g_strv_contains ((const char * const *) self->lost_fields, field);
}

const MigmapDate *
migmap_project_get_start (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return &self->start;
}

const MigmapDate *
migmap_project_get_end (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return &self->end;
}

guint
migmap_project_get_n_date_variants (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), 0);
  return self->date_variants->len;
}

const MigmapDateVariant *
migmap_project_get_date_variant (MigmapProject *self,
                                 guint          index)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (index < self->date_variants->len, NULL);
  return g_ptr_array_index (self->date_variants, index);
}

/* Active = running at @at: a project whose start or end no source states
 * is never claimed for a date on that side.  NULL @at means any date. */
gboolean
migmap_project_is_active_at (MigmapProject    *self,
                             const MigmapDate *at)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), FALSE);

  if (!migmap_date_is_set (at))
    return TRUE;
  return migmap_project_get_time_at (self, at) == MIGMAP_PROJECT_TIME_RUNNING;
}

/* Dates are compared at their precision: "2010" is running for a project
 * that ends "2010-04", and completed only from "2010-05".  With one end
 * missing, only the side that is stated decides. */
MigmapProjectTime
migmap_project_get_time_at (MigmapProject    *self,
                            const MigmapDate *at)
{
  gboolean has_start, has_end;

  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), MIGMAP_PROJECT_TIME_NOT_DATED);
  g_return_val_if_fail (migmap_date_is_set (at), MIGMAP_PROJECT_TIME_NOT_DATED);

  has_start = migmap_date_is_set (&self->start);
  has_end = migmap_date_is_set (&self->end);
  if (!has_start && !has_end)
    return MIGMAP_PROJECT_TIME_NOT_DATED;
  if (has_start && migmap_date_get_last_day (at) < migmap_date_get_first_day (&self->start))
    return MIGMAP_PROJECT_TIME_PLANNED;
  if (has_end && migmap_date_get_first_day (at) > migmap_date_get_last_day (&self->end))
    return MIGMAP_PROJECT_TIME_COMPLETED;
  if (!has_end)
    return MIGMAP_PROJECT_TIME_END_NOT_STATED;
  if (!has_start)
    return MIGMAP_PROJECT_TIME_START_NOT_STATED;
  return MIGMAP_PROJECT_TIME_RUNNING;
}

MigmapProjectStatus
migmap_project_get_status (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), MIGMAP_PROJECT_STATUS_NOT_STATED);
  return self->status;
}

/* The schema's spelling; NULL for "not stated". */
const char *
migmap_project_status_to_string (MigmapProjectStatus status)
{
  g_return_val_if_fail (status <= MIGMAP_PROJECT_STATUS_IN_DEVELOPMENT, NULL);
  return status == MIGMAP_PROJECT_STATUS_NOT_STATED ? NULL : statuses[status];
}

const MigmapDate *
migmap_project_get_status_as_of (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return &self->status_as_of;
}

const char *
migmap_project_get_status_basis (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return self->status_basis;
}

const char * const *
migmap_project_get_status_sources (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return (const char * const *) self->status_sources;
}

/* All countries ever: the "countries" field and the country group's members. */
const char * const *
migmap_project_get_countries (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return (const char * const *) self->countries;
}

const char *
migmap_project_get_countries_basis (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return self->countries_basis;
}

const char *
migmap_project_get_country_group_id (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return self->country_group_id;
}

const char * const *
migmap_project_get_place_ids (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return (const char * const *) self->place_ids;
}

const char * const *
migmap_project_get_theme_ids (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return (const char * const *) self->theme_ids;
}

/* "catalogue" for the catalogue's own classification, "source" if a source
 * tags it; NULL if the project does not have the theme. */
const char *
migmap_project_get_theme_tagged_by (MigmapProject *self,
                                    const char    *theme_id)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (theme_id != NULL, NULL);

  for (guint i = 0; self->theme_ids[i]; i++)
    if (g_str_equal (self->theme_ids[i], theme_id))
      return self->theme_tagged_by[i];
  return NULL;
}

/* A list of MigmapActivity, in the source's order. */
GListModel *
migmap_project_get_activities (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->activities);
}

const char * const *
migmap_project_get_document_ids (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return (const char * const *) self->document_ids;
}

const char *
migmap_project_get_dialogue_id (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return self->dialogue_id;
}

int
migmap_project_get_dialogue_phase (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), 0);
  return self->dialogue_phase;
}

const char *
migmap_project_get_website (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return self->website;
}

const char * const *
migmap_project_get_notes (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return (const char * const *) self->notes;
}

const char * const *
migmap_project_get_sources (MigmapProject *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT (self), NULL);
  return (const char * const *) self->sources;
}
