/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-document.c: a publication, factsheet or report a source lists */
#include "config.h"

#include "migmap-document.h"

#include "migmap-document-private.h"

struct _MigmapDocument {
  GObject parent_instance;

  char  *id;
  char  *title;
  char  *kind;
  char **languages; /* ISO 639-1, from the sources' "ar en fr" markers */
  char **notes;
  char **sources;
};

G_DEFINE_FINAL_TYPE (MigmapDocument, migmap_document, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_TITLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
migmap_document_finalize (GObject *object)
{
  MigmapDocument *self = MIGMAP_DOCUMENT (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->kind);
  g_strfreev (self->languages);
  g_strfreev (self->notes);
  g_strfreev (self->sources);

  G_OBJECT_CLASS (migmap_document_parent_class)->finalize (object);
}

static void
migmap_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MigmapDocument *self = MIGMAP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:    g_value_set_string (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_document_class_init (MigmapDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = migmap_document_finalize;
  object_class->get_property = migmap_document_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
migmap_document_init (MigmapDocument *self)
{
}

MigmapDocument *
migmap_document_new_from_json (MigmapCatalogueReader *reader,
                               json_object           *obj,
                               const char            *path,
                               GError               **error)
{
  static const char * const keys[] = { "id", "title", "languages", "kind", "notes", "source", NULL };
  static const char * const kinds[] = {
    "inventory", "report", "factsheet", "publication", "guidelines", "registry", "summary",
    "brochure", "annex", "manual", NULL
  };
  g_autoptr(MigmapDocument) self = g_object_new (MIGMAP_TYPE_DOCUMENT, NULL);

  if (!migmap_json_reader_check_object (reader->json, obj, path, keys, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "id", TRUE, &self->id, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "title", TRUE, &self->title, error) ||
      !migmap_catalogue_reader_languages (reader, obj, path, "languages", &self->languages, error) ||
      !migmap_json_reader_enum (reader->json, obj, path, "kind", FALSE, kinds, &self->kind, error) ||
      !migmap_json_reader_strv (reader->json, obj, path, "notes", &self->notes, error) ||
      !migmap_catalogue_reader_sources (reader, obj, path, &self->sources, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
migmap_document_get_id (MigmapDocument *self)
{
  g_return_val_if_fail (MIGMAP_IS_DOCUMENT (self), NULL);
  return self->id;
}

const char *
migmap_document_get_title (MigmapDocument *self)
{
  g_return_val_if_fail (MIGMAP_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
migmap_document_get_kind (MigmapDocument *self)
{
  g_return_val_if_fail (MIGMAP_IS_DOCUMENT (self), NULL);
  return self->kind;
}

const char * const *
migmap_document_get_languages (MigmapDocument *self)
{
  g_return_val_if_fail (MIGMAP_IS_DOCUMENT (self), NULL);
  return (const char * const *) self->languages;
}

gboolean
migmap_document_has_language (MigmapDocument *self,
                              const char     *language)
{
  g_return_val_if_fail (MIGMAP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);
  return g_strv_contains ((const char * const *) self->languages, language);
}

const char * const *
migmap_document_get_notes (MigmapDocument *self)
{
  g_return_val_if_fail (MIGMAP_IS_DOCUMENT (self), NULL);
  return (const char * const *) self->notes;
}

const char * const *
migmap_document_get_sources (MigmapDocument *self)
{
  g_return_val_if_fail (MIGMAP_IS_DOCUMENT (self), NULL);
  return (const char * const *) self->sources;
}
