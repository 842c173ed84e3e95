/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-activity.c: one activity of a project (a consultation, a
 * workshop, an installation), with its dates and places */
#include "config.h"

#include "migmap-activity.h"

#include "migmap-activity-private.h"

struct _MigmapActivity {
  GObject parent_instance;

  char       *title;
  char       *description;
  MigmapDate  start;
  MigmapDate  end;
  char      **place_ids;
  char       *event_id;   /* the event that records it, if any */
  char       *project_id; /* a sub-project (e.g. a pilot project), if any */
  char      **document_ids;
  char      **notes;
  char      **sources;
};

G_DEFINE_FINAL_TYPE (MigmapActivity, migmap_activity, G_TYPE_OBJECT)

enum { PROP_0, PROP_TITLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
migmap_activity_finalize (GObject *object)
{
  MigmapActivity *self = MIGMAP_ACTIVITY (object);

  g_free (self->title);
  g_free (self->description);
  g_strfreev (self->place_ids);
  g_free (self->event_id);
  g_free (self->project_id);
  g_strfreev (self->document_ids);
  g_strfreev (self->notes);
  g_strfreev (self->sources);

  G_OBJECT_CLASS (migmap_activity_parent_class)->finalize (object);
}

static void
migmap_activity_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MigmapActivity *self = MIGMAP_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_activity_class_init (MigmapActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = migmap_activity_finalize;
  object_class->get_property = migmap_activity_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
migmap_activity_init (MigmapActivity *self)
{
}

MigmapActivity *
migmap_activity_new_from_json (MigmapCatalogueReader *reader,
                               json_object           *obj,
                               const char            *path,
                               GError               **error)
{
  static const char * const keys[] = {
    "title", "description", "start", "end", "places", "event", "project", "documents", "notes", "source", NULL
  };
  g_autoptr(MigmapActivity) self = g_object_new (MIGMAP_TYPE_ACTIVITY, NULL);

  if (!migmap_json_reader_check_object (reader->json, obj, path, keys, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "title", TRUE, &self->title, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "description", FALSE, &self->description, error) ||
      !migmap_catalogue_reader_date_range (reader, obj, path, "start", "end", &self->start, &self->end, error) ||
      !migmap_catalogue_reader_refs (reader, obj, path, "places", MIGMAP_REF_PLACE, &self->place_ids, error) ||
      !migmap_catalogue_reader_ref (reader, obj, path, "event", MIGMAP_REF_EVENT, FALSE, &self->event_id, error) ||
      !migmap_catalogue_reader_ref (reader, obj, path, "project", MIGMAP_REF_PROJECT, FALSE, &self->project_id, error) ||
      !migmap_catalogue_reader_refs (reader, obj, path, "documents", MIGMAP_REF_DOCUMENT, &self->document_ids, error) ||
      !migmap_json_reader_strv (reader->json, obj, path, "notes", &self->notes, error) ||
      !migmap_catalogue_reader_sources (reader, obj, path, &self->sources, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
migmap_activity_get_title (MigmapActivity *self)
{
  g_return_val_if_fail (MIGMAP_IS_ACTIVITY (self), NULL);
  return self->title;
}

const char *
migmap_activity_get_description (MigmapActivity *self)
{
  g_return_val_if_fail (MIGMAP_IS_ACTIVITY (self), NULL);
  return self->description;
}

const MigmapDate *
migmap_activity_get_start (MigmapActivity *self)
{
  g_return_val_if_fail (MIGMAP_IS_ACTIVITY (self), NULL);
  return &self->start;
}

const MigmapDate *
migmap_activity_get_end (MigmapActivity *self)
{
  g_return_val_if_fail (MIGMAP_IS_ACTIVITY (self), NULL);
  return &self->end;
}

const char * const *
migmap_activity_get_place_ids (MigmapActivity *self)
{
  g_return_val_if_fail (MIGMAP_IS_ACTIVITY (self), NULL);
  return (const char * const *) self->place_ids;
}

const char *
migmap_activity_get_event_id (MigmapActivity *self)
{
  g_return_val_if_fail (MIGMAP_IS_ACTIVITY (self), NULL);
  return self->event_id;
}

const char *
migmap_activity_get_project_id (MigmapActivity *self)
{
  g_return_val_if_fail (MIGMAP_IS_ACTIVITY (self), NULL);
  return self->project_id;
}

const char * const *
migmap_activity_get_document_ids (MigmapActivity *self)
{
  g_return_val_if_fail (MIGMAP_IS_ACTIVITY (self), NULL);
  return (const char * const *) self->document_ids;
}

const char * const *
migmap_activity_get_notes (MigmapActivity *self)
{
  g_return_val_if_fail (MIGMAP_IS_ACTIVITY (self), NULL);
  return (const char * const *) self->notes;
}

const char * const *
migmap_activity_get_sources (MigmapActivity *self)
{
  g_return_val_if_fail (MIGMAP_IS_ACTIVITY (self), NULL);
  return (const char * const *) self->sources;
}
