/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-theme.c: a thematic area projects can be tagged with */
#include "config.h"

#include "migmap-theme.h"

#include "migmap-theme-private.h"

struct _MigmapTheme {
  GObject parent_instance;

  char  *id;
  char  *name;
  char  *family; /* e.g. "Migration Capacity Partnership drivers" */
  char **notes;
  char **sources;
};

G_DEFINE_FINAL_TYPE (MigmapTheme, migmap_theme, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_NAME, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
migmap_theme_finalize (GObject *object)
{
  MigmapTheme *self = MIGMAP_THEME (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->family);
  g_strfreev (self->notes);
  g_strfreev (self->sources);

  G_OBJECT_CLASS (migmap_theme_parent_class)->finalize (object);
}

static void
migmap_theme_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MigmapTheme *self = MIGMAP_THEME (object);

  switch (prop_id)
    {
    case PROP_ID:   g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_theme_class_init (MigmapThemeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = migmap_theme_finalize;
  object_class->get_property = migmap_theme_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
migmap_theme_init (MigmapTheme *self)
{
}

MigmapTheme *
migmap_theme_new_from_json (MigmapCatalogueReader *reader,
                            json_object           *obj,
                            const char            *path,
                            GError               **error)
{
  static const char * const keys[] = { "id", "name", "family", "notes", "source", NULL };
  g_autoptr(MigmapTheme) self = g_object_new (MIGMAP_TYPE_THEME, NULL);

  if (!migmap_json_reader_check_object (reader->json, obj, path, keys, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "id", TRUE, &self->id, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "name", TRUE, &self->name, error) ||
      !migmap_json_reader_string (reader->json, obj, path, "family", FALSE, &self->family, error) ||
      !migmap_json_reader_strv (reader->json, obj, path, "notes", &self->notes, error) ||
      !migmap_catalogue_reader_sources (reader, obj, path, &self->sources, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
migmap_theme_get_id (MigmapTheme *self)
{
  g_return_val_if_fail (MIGMAP_IS_THEME (self), NULL);
  return self->id;
}

const char *
migmap_theme_get_name (MigmapTheme *self)
{
  g_return_val_if_fail (MIGMAP_IS_THEME (self), NULL);
  return self->name;
}

const char *
migmap_theme_get_family (MigmapTheme *self)
{
  g_return_val_if_fail (MIGMAP_IS_THEME (self), NULL);
  return self->family;
}

const char * const *
migmap_theme_get_notes (MigmapTheme *self)
{
  g_return_val_if_fail (MIGMAP_IS_THEME (self), NULL);
  return (const char * const *) self->notes;
}

const char * const *
migmap_theme_get_sources (MigmapTheme *self)
{
  g_return_val_if_fail (MIGMAP_IS_THEME (self), NULL);
  return (const char * const *) self->sources;
}
