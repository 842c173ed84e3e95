/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-organisation.c: an agency, donor state, network or authority */
#include "config.h"

#include "migmap-organisation.h"

#include "migmap-organisation-private.h"

struct _MigmapOrganisation {
  GObject parent_instance;

  char  *id;
  char  *name;
  char  *acronym;
  char  *kind;
  char  *country;   /* alpha-3; required for donor states */
  char  *parent_id;
  char **place_ids; /* places a network covers, e.g. FAMSI: Cadiz, Seville */
  char **notes;
  char **sources;
};

G_DEFINE_FINAL_TYPE (MigmapOrganisation, migmap_organisation, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_NAME, PROP_KIND, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
migmap_organisation_finalize (GObject *object)
{
  MigmapOrganisation *self = MIGMAP_ORGANISATION (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->acronym);
  g_free (self->kind);
  g_free (self->country);
  g_free (self->parent_id);
  g_strfreev (self->place_ids);
  g_strfreev (self->notes);
  g_strfreev (self->sources);

  G_OBJECT_CLASS (migmap_organisation_parent_class)->finalize (object);
}

static void
migmap_organisation_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MigmapOrganisation *self = MIGMAP_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_ID:   g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_organisation_class_init (MigmapOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = migmap_organisation_finalize;
  object_class->get_property = migmap_organisation_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
migmap_organisation_init (MigmapOrganisation *self)
{
}

MigmapOrganisation *
migmap_organisation_new_from_json (MigmapCatalogueReader *reader,
                                   json_object           *obj,
                                   const char            *path,
                                   GError               **error)
{
  static const char * const keys[] = {
    "id", "name", "acronym", "kind", "country", "places", "parent", "notes", "source", NULL
  };
  static const char * const kinds[] = {
    "agency", "eu_agency", "eu_institution", "donor_state", "city_network", "ngo", "national_authority", NULL
  };
  g_autoptr(MigmapOrganisation) self = g_object_new (MIGMAP_TYPE_ORGANISATION, NULL);

  if (!migmap_json_reader_check_object (reader->json, obj, path, keys, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "id", TRUE, &self->id, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "name", TRUE, &self->name, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "acronym", FALSE, &self->acronym, error) ||
      !migmap_json_reader_enum (reader->json, obj, path, "kind", TRUE, kinds, &self->kind, error) ||
      /* A donor state is the state itself: the map needs its country. */
      !migmap_catalogue_reader_country (reader, obj, path, "country",
                                        g_str_equal (self->kind, "donor_state"), &self->country, error) ||
      !migmap_catalogue_reader_refs (reader, obj, path, "places", MIGMAP_REF_PLACE, &self->place_ids, error) ||
      !migmap_catalogue_reader_ref (reader, obj, path, "parent", MIGMAP_REF_ORGANISATION, FALSE, &self->parent_id, error) ||
      !migmap_json_reader_strv (reader->json, obj, path, "notes", &self->notes, error) ||
      !migmap_catalogue_reader_sources (reader, obj, path, &self->sources, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
migmap_organisation_get_id (MigmapOrganisation *self)
{
  g_return_val_if_fail (MIGMAP_IS_ORGANISATION (self), NULL);
  return self->id;
}

const char *
migmap_organisation_get_name (MigmapOrganisation *self)
{
  g_return_val_if_fail (MIGMAP_IS_ORGANISATION (self), NULL);
  return self->name;
}

const char *
migmap_organisation_get_acronym (MigmapOrganisation *self)
{
  g_return_val_if_fail (MIGMAP_IS_ORGANISATION (self), NULL);
  return self->acronym;
}

const char *
migmap_organisation_get_kind (MigmapOrganisation *self)
{
  g_return_val_if_fail (MIGMAP_IS_ORGANISATION (self), NULL);
  return self->kind;
}

const char *
migmap_organisation_get_country (MigmapOrganisation *self)
{
  g_return_val_if_fail (MIGMAP_IS_ORGANISATION (self), NULL);
  return self->country;
}

const char *
migmap_organisation_get_parent_id (MigmapOrganisation *self)
{
  g_return_val_if_fail (MIGMAP_IS_ORGANISATION (self), NULL);
  return self->parent_id;
}

const char * const *
migmap_organisation_get_place_ids (MigmapOrganisation *self)
{
  g_return_val_if_fail (MIGMAP_IS_ORGANISATION (self), NULL);
  return (const char * const *) self->place_ids;
}

const char * const *
migmap_organisation_get_notes (MigmapOrganisation *self)
{
  g_return_val_if_fail (MIGMAP_IS_ORGANISATION (self), NULL);
  return (const char * const *) self->notes;
}

const char * const *
migmap_organisation_get_sources (MigmapOrganisation *self)
{
  g_return_val_if_fail (MIGMAP_IS_ORGANISATION (self), NULL);
  return (const char * const *) self->sources;
}
