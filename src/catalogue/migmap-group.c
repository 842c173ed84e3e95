/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-group.c: a set of partner states, valid at a stated date or period */
#include "config.h"

#include "migmap-group.h"

#include "migmap-group-private.h"

struct _MigmapGroup {
  GObject parent_instance;

  char       *id;
  char       *name;
  char       *kind;
  char       *dialogue_id;
  char       *project_id;
  /* Either a single "as of" date (a snapshot the source gives) or a period;
   * membership is only claimed for what the source states. */
  MigmapDate  as_of;
  MigmapDate  valid_from;
  MigmapDate  valid_to;
  char       *derived_by;       /* "catalogue" when not listed by a source */
  char       *expanded_from;    /* the source's label, e.g. "EU-27" */
  char       *expansion_group_id;
  GArray     *members;          /* MigmapGroupMember */
  char      **countries;        /* all member codes, in order */
  char      **notes;
  char      **sources;
};

G_DEFINE_FINAL_TYPE (MigmapGroup, migmap_group, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_NAME, PROP_KIND, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
member_clear (gpointer data)
{
  MigmapGroupMember *member = data;

  g_free (member->country);
  g_free (member->note);
}

static void
migmap_group_finalize (GObject *object)
{
  MigmapGroup *self = MIGMAP_GROUP (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->kind);
  g_free (self->dialogue_id);
  g_free (self->project_id);
  g_free (self->derived_by);
  g_free (self->expanded_from);
  g_free (self->expansion_group_id);
  g_array_unref (self->members);
  g_strfreev (self->countries);
  g_strfreev (self->notes);
  g_strfreev (self->sources);

  G_OBJECT_CLASS (migmap_group_parent_class)->finalize (object);
}

static void
migmap_group_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MigmapGroup *self = MIGMAP_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:   g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_group_class_init (MigmapGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = migmap_group_finalize;
  object_class->get_property = migmap_group_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
migmap_group_init (MigmapGroup *self)
{
  self->members = g_array_new (FALSE, TRUE, sizeof (MigmapGroupMember));
  g_array_set_clear_func (self->members, member_clear);
}

/* Members are "DZA" or {"country": "KEN", "valid_from": "2011", "note": "..."}. */
static gboolean
read_members (MigmapGroup           *self,
              MigmapCatalogueReader *reader,
              json_object           *obj,
              const char            *path,
              GError               **error)
{
  static const char * const keys[] = { "country", "valid_from", "valid_to", "note", NULL };
  g_autofree char *members_path = migmap_json_path_key (path, "members");
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  json_object *array;

  if (!migmap_json_reader_array (reader->json, obj, path, "members", TRUE, &array, error))
    return FALSE;
  if (json_object_array_length (array) == 0)
    {
      migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_BAD_VALUE, members_path,
                                    "bad value [] (expected at least one member)");
      return FALSE;
    }

  for (gsize i = 0; i < json_object_array_length (array); i++)
    {
      json_object *item = json_object_array_get_idx (array, i);
      g_autofree char *item_path = migmap_json_path_index (members_path, i);
      MigmapGroupMember member = { 0 };

      if (json_object_is_type (item, json_type_string))
        {
          member.country = g_strdup (json_object_get_string (item));
          if (!migmap_country_codes_contains (reader->codes, member.country))
            {
              migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_UNKNOWN_COUNTRY, item_path,
                                            "unknown country code \"%s\"", member.country);
              member_clear (&member);
              return FALSE;
            }
        }
      else if (json_object_is_type (item, json_type_object))
        {
          if (!migmap_json_reader_check_object (reader->json, item, item_path, keys, error) ||
              !migmap_catalogue_reader_country (reader, item, item_path, "country", TRUE, &member.country, error) ||
              !migmap_catalogue_reader_date_range (reader, item, item_path, "valid_from", "valid_to",
                                                   &member.valid_from, &member.valid_to, error) ||
              !migmap_json_reader_string (reader->json, item, item_path, "note", FALSE, &member.note, error))
            {
              member_clear (&member);
              return FALSE;
            }
        }
      else
        {
          g_autofree char *shown = g_strdup (json_object_to_json_string_ext (item, JSON_C_TO_STRING_PLAIN));

          migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_TYPE, item_path,
                                        "expected a string, got %s", shown);
          return FALSE;
        }

      g_array_append_val (self->members, member);
      if (!g_hash_table_add (seen, member.country))
        {
          migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_BAD_VALUE, item_path,
                                        "duplicate value \"%s\"", member.country);
          return FALSE;
        }
      g_strv_builder_add (codes, member.country);
    }

  self->countries = g_strv_builder_end (codes);
  return TRUE;
}

MigmapGroup *
migmap_group_new_from_json (MigmapCatalogueReader *reader,
                            json_object           *obj,
                            const char            *path,
                            GError               **error)
{
  static const char * const keys[] = {
    "id", "name", "kind", "dialogue", "project", "as_of", "valid_from", "valid_to", "members",
    "derived_by", "expanded_from", "expansion_group", "notes", "source", NULL
  };
  static const char * const kinds[] = {
    "eu_members", "dialogue_partners", "project_countries", "focus_partner_states", NULL
  };
  static const char * const derivations[] = { "catalogue", NULL };
  g_autoptr(MigmapGroup) self = g_object_new (MIGMAP_TYPE_GROUP, NULL);

  if (!migmap_json_reader_check_object (reader->json, obj, path, keys, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "id", TRUE, &self->id, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "name", TRUE, &self->name, error) ||
      !migmap_json_reader_enum (reader->json, obj, path, "kind", TRUE, kinds, &self->kind, error) ||
      !migmap_catalogue_reader_ref (reader, obj, path, "dialogue", MIGMAP_REF_DIALOGUE, FALSE, &self->dialogue_id, error) ||
      !migmap_catalogue_reader_ref (reader, obj, path, "project", MIGMAP_REF_PROJECT, FALSE, &self->project_id, error) ||
      !migmap_catalogue_reader_date (reader, obj, path, "as_of", FALSE, &self->as_of, error) ||
      !migmap_catalogue_reader_date_range (reader, obj, path, "valid_from", "valid_to", &self->valid_from, &self->valid_to, error) ||
      !read_members (self, reader, obj, path, error) ||
      !migmap_json_reader_enum (reader->json, obj, path, "derived_by", FALSE, derivations, &self->derived_by, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "expanded_from", FALSE, &self->expanded_from, error) ||
      !migmap_catalogue_reader_ref (reader, obj, path, "expansion_group", MIGMAP_REF_GROUP, FALSE, &self->expansion_group_id, error) ||
      !migmap_json_reader_strv (reader->json, obj, path, "notes", &self->notes, error) ||
      !migmap_catalogue_reader_sources (reader, obj, path, &self->sources, error))
    return NULL;

  if (migmap_date_is_set (&self->as_of) &&
      (migmap_date_is_set (&self->valid_from) || migmap_date_is_set (&self->valid_to)))
    {
      migmap_json_reader_set_error (reader->json, error, MIGMAP_CATALOGUE_ERROR_INCONSISTENT, path,
                                    "both \"as_of\" and \"valid_from\"/\"valid_to\" given");
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
migmap_group_get_id (MigmapGroup *self)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), NULL);
  return self->id;
}

const char *
migmap_group_get_name (MigmapGroup *self)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), NULL);
  return self->name;
}

const char *
migmap_group_get_kind (MigmapGroup *self)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), NULL);
  return self->kind;
}

const char *
migmap_group_get_dialogue_id (MigmapGroup *self)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), NULL);
  return self->dialogue_id;
}

const char *
migmap_group_get_project_id (MigmapGroup *self)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), NULL);
  return self->project_id;
}

const MigmapDate *
migmap_group_get_as_of (MigmapGroup *self)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), NULL);
  return &self->as_of;
}

const MigmapDate *
migmap_group_get_valid_from (MigmapGroup *self)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), NULL);
  return &self->valid_from;
}

const MigmapDate *
migmap_group_get_valid_to (MigmapGroup *self)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), NULL);
  return &self->valid_to;
}

const char *
migmap_group_get_derived_by (MigmapGroup *self)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), NULL);
  return self->derived_by;
}

const char *
migmap_group_get_expanded_from (MigmapGroup *self)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), NULL);
  return self->expanded_from;
}

const char *
migmap_group_get_expansion_group_id (MigmapGroup *self)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), NULL);
  return self->expansion_group_id;
}

guint
migmap_group_get_n_members (MigmapGroup *self)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), 0);
  return self->members->len;
}

const MigmapGroupMember *
migmap_group_get_member (MigmapGroup *self,
                         guint        index)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), NULL);
  g_return_val_if_fail (index < self->members->len, NULL);
  return &g_array_index (self->members, MigmapGroupMember, index);
}

/* Every member ever, whatever the date. */
const char * const *
migmap_group_get_countries (MigmapGroup *self)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), NULL);
  return (const char * const *) self->countries;
}

/* An "as of 2012" group is valid in 2012 only: the source says nothing of
 * other years.  A group without dates is valid at any date; a NULL @at
 * means "at any date". */
gboolean
migmap_group_is_valid_at (MigmapGroup      *self,
                          const MigmapDate *at)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), FALSE);

  if (!migmap_date_is_set (at))
    return TRUE;
  if (migmap_date_is_set (&self->as_of))
    return migmap_date_range_contains (&self->as_of, &self->as_of, at);
  return migmap_date_range_contains (&self->valid_from, &self->valid_to, at);
}

static gboolean
member_valid_at (MigmapGroup             *self,
                 const MigmapGroupMember *member,
                 const MigmapDate        *at)
{
  return migmap_group_is_valid_at (self, at) &&
         migmap_date_range_contains (&member->valid_from, &member->valid_to, at);
}

gboolean
migmap_group_contains (MigmapGroup      *self,
                       const char       *country,
                       const MigmapDate *at)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), FALSE);
  g_return_val_if_fail (country != NULL, FALSE);

  for (guint i = 0; i < self->members->len; i++)
    {
      const MigmapGroupMember *member = &g_array_index (self->members, MigmapGroupMember, i);

      if (g_str_equal (member->country, country))
        return member_valid_at (self, member, at);
    }
  return FALSE;
}

/* The members at @at (all members if NULL); empty if the group is not
 * valid then.  Free with g_strfreev(). */
char **
migmap_group_dup_countries_at (MigmapGroup      *self,
                               const MigmapDate *at)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (MIGMAP_IS_GROUP (self), NULL);

  for (guint i = 0; i < self->members->len; i++)
    {
      const MigmapGroupMember *member = &g_array_index (self->members, MigmapGroupMember, i);

      if (member_valid_at (self, member, at))
        g_strv_builder_add (builder, member->country);
    }
  return g_strv_builder_end (builder);
}

const char * const *
migmap_group_get_notes (MigmapGroup *self)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), NULL);
  return (const char * const *) self->notes;
}

const char * const *
migmap_group_get_sources (MigmapGroup *self)
{
  g_return_val_if_fail (MIGMAP_IS_GROUP (self), NULL);
  return (const char * const *) self->sources;
}
