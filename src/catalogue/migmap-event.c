/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-event.c: a meeting, workshop or launch */
#include "config.h"

#include "migmap-event.h"

#include "migmap-event-private.h"

struct _MigmapEvent {
  GObject parent_instance;

  char       *id;
  char       *title;
  char       *kind;
  MigmapDate  start; /* unset when the source gives no date */
  MigmapDate  end;
  char       *place_id;
  char       *project_id;
  char       *dialogue_id;
  char      **organisation_ids;
  char      **organisation_roles; /* parallel to organisation_ids; "" = none */
  char      **document_ids;
  char      **notes;
  char      **sources;
};

G_DEFINE_FINAL_TYPE (MigmapEvent, migmap_event, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_TITLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
migmap_event_finalize (GObject *object)
{
  MigmapEvent *self = MIGMAP_EVENT (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->kind);
  g_free (self->place_id);
  g_free (self->project_id);
  g_free (self->dialogue_id);
  g_strfreev (self->organisation_ids);
  g_strfreev (self->organisation_roles);
  g_strfreev (self->document_ids);
  g_strfreev (self->notes);
  g_strfreev (self->sources);

  G_OBJECT_CLASS (migmap_event_parent_class)->finalize (object);
}

static void
migmap_event_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MigmapEvent *self = MIGMAP_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:    g_value_set_string (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_event_class_init (MigmapEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = migmap_event_finalize;
  object_class->get_property = migmap_event_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
migmap_event_init (MigmapEvent *self)
{
}

MigmapEvent *
migmap_event_new_from_json (MigmapCatalogueReader *reader,
                            json_object           *obj,
                            const char            *path,
                            GError               **error)
{
  static const char * const keys[] = {
    "id", "title", "kind", "start", "end", "place", "project", "dialogue", "organisations",
    "documents", "notes", "source", NULL
  };
  static const char * const kinds[] = { "meeting", "workshop", "launch", "conference", NULL };
  g_autoptr(MigmapEvent) self = g_object_new (MIGMAP_TYPE_EVENT, NULL);

  if (!migmap_json_reader_check_object (reader->json, obj, path, keys, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "id", TRUE, &self->id, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "title", TRUE, &self->title, error) ||
      !migmap_json_reader_enum (reader->json, obj, path, "kind", TRUE, kinds, &self->kind, error) ||
      !migmap_catalogue_reader_date_range (reader, obj, path, "start", "end", &self->start, &self->end, error) ||
      !migmap_catalogue_reader_ref (reader, obj, path, "place", MIGMAP_REF_PLACE, FALSE, &self->place_id, error) ||
      !migmap_catalogue_reader_ref (reader, obj, path, "project", MIGMAP_REF_PROJECT, FALSE, &self->project_id, error) ||
      !migmap_catalogue_reader_ref (reader, obj, path, "dialogue", MIGMAP_REF_DIALOGUE, FALSE, &self->dialogue_id, error) ||
      !migmap_catalogue_reader_roles (reader, obj, path, "organisations", &self->organisation_ids, &self->organisation_roles, error) ||
      !migmap_catalogue_reader_refs (reader, obj, path, "documents", MIGMAP_REF_DOCUMENT, &self->document_ids, error) ||
      !migmap_json_reader_strv (reader->json, obj, path, "notes", &self->notes, error) ||
      !migmap_catalogue_reader_sources (reader, obj, path, &self->sources, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
migmap_event_get_id (MigmapEvent *self)
{
  g_return_val_if_fail (MIGMAP_IS_EVENT (self), NULL);
  return self->id;
}

const char *
migmap_event_get_title (MigmapEvent *self)
{
  g_return_val_if_fail (MIGMAP_IS_EVENT (self), NULL);
  return self->title;
}

const char *
migmap_event_get_kind (MigmapEvent *self)
{
  g_return_val_if_fail (MIGMAP_IS_EVENT (self), NULL);
  return self->kind;
}

const MigmapDate *
migmap_event_get_start (MigmapEvent *self)
{
  g_return_val_if_fail (MIGMAP_IS_EVENT (self), NULL);
  return &self->start;
}

const MigmapDate *
migmap_event_get_end (MigmapEvent *self)
{
  g_return_val_if_fail (MIGMAP_IS_EVENT (self), NULL);
  return &self->end;
}

/* TRUE when @at is unset or the event's dates contain it; an undated event
 * cannot be placed at any date, as for projects. */
gboolean
migmap_event_is_active_at (MigmapEvent      *self,
                           const MigmapDate *at)
{
  g_return_val_if_fail (MIGMAP_IS_EVENT (self), FALSE);

  if (!migmap_date_is_set (at))
    return TRUE;
  if (!migmap_date_is_set (&self->start) && !migmap_date_is_set (&self->end))
    return FALSE;
  return migmap_date_range_contains (&self->start, &self->end, at);
}

const char *
migmap_event_get_place_id (MigmapEvent *self)
{
  g_return_val_if_fail (MIGMAP_IS_EVENT (self), NULL);
  return self->place_id;
}

const char *
migmap_event_get_project_id (MigmapEvent *self)
{
  g_return_val_if_fail (MIGMAP_IS_EVENT (self), NULL);
  return self->project_id;
}

const char *
migmap_event_get_dialogue_id (MigmapEvent *self)
{
  g_return_val_if_fail (MIGMAP_IS_EVENT (self), NULL);
  return self->dialogue_id;
}

const char * const *
migmap_event_get_organisation_ids (MigmapEvent *self)
{
  g_return_val_if_fail (MIGMAP_IS_EVENT (self), NULL);
  return (const char * const *) self->organisation_ids;
}

/* NULL if the organisation is not involved or has no stated role. */
const char *
migmap_event_get_organisation_role (MigmapEvent *self,
                                    const char  *organisation_id)
{
  g_return_val_if_fail (MIGMAP_IS_EVENT (self), NULL);
  g_return_val_if_fail (organisation_id != NULL, NULL);

  for (guint i = 0; self->organisation_ids[i]; i++)
    if (g_str_equal (self->organisation_ids[i], organisation_id))
      return *self->organisation_roles[i] ? self->organisation_roles[i] : NULL;
  return NULL;
}

const char * const *
migmap_event_get_document_ids (MigmapEvent *self)
{
  g_return_val_if_fail (MIGMAP_IS_EVENT (self), NULL);
  return (const char * const *) self->document_ids;
}

const char * const *
migmap_event_get_notes (MigmapEvent *self)
{
  g_return_val_if_fail (MIGMAP_IS_EVENT (self), NULL);
  return (const char * const *) self->notes;
}

const char * const *
migmap_event_get_sources (MigmapEvent *self)
{
  g_return_val_if_fail (MIGMAP_IS_EVENT (self), NULL);
  return (const char * const *) self->sources;
}
