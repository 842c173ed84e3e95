/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-dialogue.c: a migration dialogue or partnership framework */
#include "config.h"

#include "migmap-dialogue.h"

#include "migmap-dialogue-private.h"

struct _MigmapDialogue {
  GObject parent_instance;

  char       *id;
  char       *name;
  char       *acronym;
  char       *kind;
  char       *summary;
  MigmapDate  start;
  MigmapDate  end;
  char       *secretariat_id;
  char      **languages;
  char       *partner_group_id;
  char      **partner_agency_ids;
  MigmapDate  partner_agencies_as_of; /* agencies change: the source's year */
  char      **partner_agencies_sources;
  char      **donor_ids;
  char       *donors_period;
  char      **donors_sources;
  GPtrArray  *phases;                 /* MigmapDialoguePhase */
  char      **pillars;
  char      **related_ids;
  char      **document_ids;
  char      **notes;
  char      **sources;
};

G_DEFINE_FINAL_TYPE (MigmapDialogue, migmap_dialogue, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_NAME, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
phase_free (gpointer data)
{
  MigmapDialoguePhase *phase = data;

  g_free (phase->name);
  g_strfreev (phase->donor_ids);
  g_strfreev (phase->notes);
  g_strfreev (phase->sources);
  g_free (phase);
}

static void
migmap_dialogue_finalize (GObject *object)
{
  MigmapDialogue *self = MIGMAP_DIALOGUE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->acronym);
  g_free (self->kind);
  g_free (self->summary);
  g_free (self->secretariat_id);
  g_strfreev (self->languages);
  g_free (self->partner_group_id);
  g_strfreev (self->partner_agency_ids);
  g_strfreev (self->partner_agencies_sources);
  g_strfreev (self->donor_ids);
  g_free (self->donors_period);
  g_strfreev (self->donors_sources);
  g_ptr_array_unref (self->phases);
  g_strfreev (self->pillars);
  g_strfreev (self->related_ids);
  g_strfreev (self->document_ids);
  g_strfreev (self->notes);
  g_strfreev (self->sources);

  G_OBJECT_CLASS (migmap_dialogue_parent_class)->finalize (object);
}

static void
migmap_dialogue_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MigmapDialogue *self = MIGMAP_DIALOGUE (object);

  switch (prop_id)
    {
    case PROP_ID:   g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_dialogue_class_init (MigmapDialogueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = migmap_dialogue_finalize;
  object_class->get_property = migmap_dialogue_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
migmap_dialogue_init (MigmapDialogue *self)
{
  self->phases = g_ptr_array_new_with_free_func (phase_free);
}

static gboolean
read_phases (MigmapDialogue        *self,
             MigmapCatalogueReader *reader,
             json_object           *obj,
             const char            *path,
             GError               **error)
{
  static const char * const keys[] = { "number", "name", "start", "end", "donors", "notes", "source", NULL };
  g_autofree char *phases_path = migmap_json_path_key (path, "phases");
  json_object *array;

  if (!migmap_json_reader_array (reader->json, obj, path, "phases", FALSE, &array, error))
    return FALSE;

  for (gsize i = 0; array && i < json_object_array_length (array); i++)
    {
      json_object *item = json_object_array_get_idx (array, i);
      g_autofree char *item_path = migmap_json_path_index (phases_path, i);
      MigmapDialoguePhase *phase = g_new0 (MigmapDialoguePhase, 1);

      g_ptr_array_add (self->phases, phase);
      if (!migmap_json_reader_check_object (reader->json, item, item_path, keys, error) ||
          !migmap_json_reader_int (reader->json, item, item_path, "number", TRUE, 1, 99, &phase->number, error) ||
          !migmap_json_reader_string (reader->json, item, item_path, "name", FALSE, &phase->name, error) ||
          !migmap_catalogue_reader_date_range (reader, item, item_path, "start", "end", &phase->start, &phase->end, error) ||
          !migmap_catalogue_reader_refs (reader, item, item_path, "donors", MIGMAP_REF_ORGANISATION, &phase->donor_ids, error) ||
          !migmap_json_reader_strv (reader->json, item, item_path, "notes", &phase->notes, error) ||
          !migmap_catalogue_reader_sources (reader, item, item_path, &phase->sources, error))
        return FALSE;
    }
  return TRUE;
}

MigmapDialogue *
migmap_dialogue_new_from_json (MigmapCatalogueReader *reader,
                               json_object           *obj,
                               const char            *path,
                               GError               **error)
{
  static const char * const keys[] = {
    "id", "name", "acronym", "kind", "summary", "start", "end", "secretariat", "languages",
    "partner_group", "partner_agencies", "donors", "phases", "pillars", "related", "documents",
    "notes", "source", NULL
  };
  static const char * const agency_keys[] = { "as_of", "organisations", "source", NULL };
  static const char * const donor_keys[] = { "period", "organisations", "source", NULL };
  static const char * const kinds[] = { "dialogue", "initiative", NULL };
  g_autoptr(MigmapDialogue) self = g_object_new (MIGMAP_TYPE_DIALOGUE, NULL);
  json_object *agencies, *donors;

  if (!migmap_json_reader_check_object (reader->json, obj, path, keys, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "id", TRUE, &self->id, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "name", TRUE, &self->name, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "acronym", FALSE, &self->acronym, error) ||
      !migmap_json_reader_enum (reader->json, obj, path, "kind", TRUE, kinds, &self->kind, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "summary", FALSE, &self->summary, error) ||
      !migmap_catalogue_reader_date_range (reader, obj, path, "start", "end", &self->start, &self->end, error) ||
      !migmap_catalogue_reader_ref (reader, obj, path, "secretariat", MIGMAP_REF_ORGANISATION, FALSE, &self->secretariat_id, error) ||
      !migmap_catalogue_reader_languages (reader, obj, path, "languages", &self->languages, error) ||
      !migmap_catalogue_reader_ref (reader, obj, path, "partner_group", MIGMAP_REF_GROUP, FALSE, &self->partner_group_id, error) ||
      !migmap_json_reader_object (reader->json, obj, path, "partner_agencies", FALSE, &agencies, error) ||
      !migmap_json_reader_object (reader->json, obj, path, "donors", FALSE, &donors, error) ||
      !read_phases (self, reader, obj, path, error) ||
      !migmap_json_reader_strv (reader->json, obj, path, "pillars", &self->pillars, error) ||
      !migmap_catalogue_reader_refs (reader, obj, path, "related", MIGMAP_REF_DIALOGUE, &self->related_ids, error) ||
      !migmap_catalogue_reader_refs (reader, obj, path, "documents", MIGMAP_REF_DOCUMENT, &self->document_ids, error) ||
      !migmap_json_reader_strv (reader->json, obj, path, "notes", &self->notes, error) ||
      !migmap_catalogue_reader_sources (reader, obj, path, &self->sources, error))
    return NULL;

  if (agencies != NULL)
    {
      g_autofree char *sub = migmap_json_path_key (path, "partner_agencies");

      if (!migmap_json_reader_check_object (reader->json, agencies, sub, agency_keys, error) ||
          !migmap_catalogue_reader_date (reader, agencies, sub, "as_of", TRUE, &self->partner_agencies_as_of, error) ||
          !migmap_catalogue_reader_refs (reader, agencies, sub, "organisations", MIGMAP_REF_ORGANISATION, &self->partner_agency_ids, error) ||
          !migmap_catalogue_reader_sources (reader, agencies, sub, &self->partner_agencies_sources, error))
        return NULL;
    }
  else
    self->partner_agency_ids = g_new0 (char *, 1);

  if (donors != NULL)
    {
      g_autofree char *sub = migmap_json_path_key (path, "donors");

      if (!migmap_json_reader_check_object (reader->json, donors, sub, donor_keys, error) ||
          !migmap_json_reader_string (reader->json, donors, sub, "period", FALSE, &self->donors_period, error) ||
          !migmap_catalogue_reader_refs (reader, donors, sub, "organisations", MIGMAP_REF_ORGANISATION, &self->donor_ids, error) ||
          !migmap_catalogue_reader_sources (reader, donors, sub, &self->donors_sources, error))
        return NULL;
    }
  else
    self->donor_ids = g_new0 (char *, 1);

  return g_steal_pointer (&self);
}

const char *
migmap_dialogue_get_id (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return self->id;
}

const char *
migmap_dialogue_get_name (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return self->name;
}

const char *
migmap_dialogue_get_acronym (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return self->acronym;
}

const char *
migmap_dialogue_get_kind (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return self->kind;
}

const char *
migmap_dialogue_get_summary (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return self->summary;
}

const MigmapDate *
migmap_dialogue_get_start (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return &self->start;
}

const MigmapDate *
migmap_dialogue_get_end (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return &self->end;
}

const char *
migmap_dialogue_get_secretariat_id (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return self->secretariat_id;
}

const char * const *
migmap_dialogue_get_languages (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return (const char * const *) self->languages;
}

const char *
migmap_dialogue_get_partner_group_id (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return self->partner_group_id;
}

const char * const *
migmap_dialogue_get_partner_agency_ids (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return (const char * const *) self->partner_agency_ids;
}

const MigmapDate *
migmap_dialogue_get_partner_agencies_as_of (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return &self->partner_agencies_as_of;
}

const char * const *
migmap_dialogue_get_donor_ids (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return (const char * const *) self->donor_ids;
}

const char *
migmap_dialogue_get_donors_period (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return self->donors_period;
}

guint
migmap_dialogue_get_n_phases (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), 0);
  return self->phases->len;
}

const MigmapDialoguePhase *
migmap_dialogue_get_phase (MigmapDialogue *self,
                           guint           index)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  g_return_val_if_fail (index < self->phases->len, NULL);
  return g_ptr_array_index (self->phases, index);
}

const MigmapDialoguePhase *
migmap_dialogue_lookup_phase (MigmapDialogue *self,
                              int             number)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);

  for (guint i = 0; i < self->phases->len; i++)
    {
      const MigmapDialoguePhase *phase = g_ptr_array_index (self->phases, i);
      if (phase->number == number)
        return phase;
    }
  return NULL;
}

const char * const *
migmap_dialogue_get_pillars (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return (const char * const *) self->pillars;
}

const char * const *
migmap_dialogue_get_related_ids (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return (const char * const *) self->related_ids;
}

const char * const *
migmap_dialogue_get_document_ids (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return (const char * const *) self->document_ids;
}

const char * const *
migmap_dialogue_get_notes (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return (const char * const *) self->notes;
}

const char * const *
migmap_dialogue_get_sources (MigmapDialogue *self)
{
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (self), NULL);
  return (const char * const *) self->sources;
}
