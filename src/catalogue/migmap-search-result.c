/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-search-result.c: one row of a search, whatever it found: a
 * country on the map or an entity of the catalogue */
#include "config.h"

#include "migmap-search-result.h"

struct _MigmapSearchResult {
  GObject parent_instance;

  MigmapSearchResultKind  kind;
  char                   *id;     /* ISO alpha-3 for a country, else the entity's id */
  char                   *title;
  char                   *detail; /* NULL when there is nothing to add */
};

G_DEFINE_FINAL_TYPE (MigmapSearchResult, migmap_search_result, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (MigmapSearchResultKind, migmap_search_result_kind,
  G_DEFINE_ENUM_VALUE (MIGMAP_SEARCH_RESULT_COUNTRY, "country"),
  G_DEFINE_ENUM_VALUE (MIGMAP_SEARCH_RESULT_PROJECT, "project"),
  G_DEFINE_ENUM_VALUE (MIGMAP_SEARCH_RESULT_GROUP, "group"),
  G_DEFINE_ENUM_VALUE (MIGMAP_SEARCH_RESULT_DIALOGUE, "dialogue"),
  G_DEFINE_ENUM_VALUE (MIGMAP_SEARCH_RESULT_ORGANISATION, "organisation"),
  G_DEFINE_ENUM_VALUE (MIGMAP_SEARCH_RESULT_PLACE, "place"),
  G_DEFINE_ENUM_VALUE (MIGMAP_SEARCH_RESULT_EVENT, "event"),
  G_DEFINE_ENUM_VALUE (MIGMAP_SEARCH_RESULT_DOCUMENT, "document"))

enum { PROP_0, PROP_KIND, PROP_ID, PROP_TITLE, PROP_DETAIL, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
migmap_search_result_finalize (GObject *object)
{
  MigmapSearchResult *self = MIGMAP_SEARCH_RESULT (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->detail);

  G_OBJECT_CLASS (migmap_search_result_parent_class)->finalize (object);
}

static void
migmap_search_result_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  MigmapSearchResult *self = MIGMAP_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_KIND:   g_value_set_enum (value, self->kind); break;
    case PROP_ID:     g_value_set_string (value, self->id); break;
    case PROP_TITLE:  g_value_set_string (value, self->title); break;
    case PROP_DETAIL: g_value_set_string (value, self->detail); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_search_result_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  MigmapSearchResult *self = MIGMAP_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_KIND:   self->kind = g_value_get_enum (value); break;
    case PROP_ID:     self->id = g_value_dup_string (value); break;
    case PROP_TITLE:  self->title = g_value_dup_string (value); break;
    case PROP_DETAIL: self->detail = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_search_result_class_init (MigmapSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = migmap_search_result_finalize;
  object_class->get_property = migmap_search_result_get_property;
  object_class->set_property = migmap_search_result_set_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, MIGMAP_TYPE_SEARCH_RESULT_KIND,
                                             MIGMAP_SEARCH_RESULT_COUNTRY, flags);
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
migmap_search_result_init (MigmapSearchResult *self)
{
}

MigmapSearchResult *
migmap_search_result_new (MigmapSearchResultKind  kind,
                          const char             *id,
                          const char             *title,
                          const char             *detail)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (MIGMAP_TYPE_SEARCH_RESULT,
                       "kind", kind,
                       "id", id,
                       "title", title,
                       "detail", detail,
                       NULL);
}

MigmapSearchResultKind
migmap_search_result_get_kind (MigmapSearchResult *self)
{
  g_return_val_if_fail (MIGMAP_IS_SEARCH_RESULT (self), MIGMAP_SEARCH_RESULT_COUNTRY);
  return self->kind;
}

const char *
migmap_search_result_get_id (MigmapSearchResult *self)
{
  g_return_val_if_fail (MIGMAP_IS_SEARCH_RESULT (self), NULL);
  return self->id;
}

const char *
migmap_search_result_get_title (MigmapSearchResult *self)
{
  g_return_val_if_fail (MIGMAP_IS_SEARCH_RESULT (self), NULL);
  return self->title;
}

const char *
migmap_search_result_get_detail (MigmapSearchResult *self)
{
  g_return_val_if_fail (MIGMAP_IS_SEARCH_RESULT (self), NULL);
  return self->detail;
}

const char *
migmap_search_result_kind_to_string (MigmapSearchResultKind kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (MIGMAP_TYPE_SEARCH_RESULT_KIND);
  GEnumValue *value = g_enum_get_value (klass, kind);

  g_return_val_if_fail (value != NULL, NULL);
  return value->value_nick;
}
