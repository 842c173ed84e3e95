/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-country-item.c
 *
 * The name is a property so the row template binds it and a list filter can
 * match it.
 */
#include "config.h"

#include "migmap-country-item.h"

struct _MigmapCountryItem
{
  GObject parent_instance;

  char *code;
  char *name;
};

G_DEFINE_FINAL_TYPE (MigmapCountryItem, migmap_country_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
migmap_country_item_finalize (GObject *object)
{
  MigmapCountryItem *self = MIGMAP_COUNTRY_ITEM (object);

  g_free (self->code);
  g_free (self->name);

  G_OBJECT_CLASS (migmap_country_item_parent_class)->finalize (object);
}

static void
migmap_country_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  MigmapCountryItem *self = MIGMAP_COUNTRY_ITEM (object);

  switch (prop_id)
    {
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_country_item_class_init (MigmapCountryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = migmap_country_item_finalize;
  object_class->get_property = migmap_country_item_get_property;

  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
migmap_country_item_init (MigmapCountryItem *self)
{
}

MigmapCountryItem *
migmap_country_item_new (const char *code, const char *name)
{
  MigmapCountryItem *self;

  g_return_val_if_fail (code != NULL && name != NULL, NULL);

  self = g_object_new (MIGMAP_TYPE_COUNTRY_ITEM, NULL);
  self->code = g_strdup (code);
  self->name = g_strdup (name);
  return self;
}

const char *
migmap_country_item_get_code (MigmapCountryItem *self)
{
  g_return_val_if_fail (MIGMAP_IS_COUNTRY_ITEM (self), NULL);
  return self->code;
}

const char *
migmap_country_item_get_name (MigmapCountryItem *self)
{
  g_return_val_if_fail (MIGMAP_IS_COUNTRY_ITEM (self), NULL);
  return self->name;
}
