/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-country-item.h: a row of the Countries list */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MIGMAP_TYPE_COUNTRY_ITEM (migmap_country_item_get_type ())
G_DECLARE_FINAL_TYPE (MigmapCountryItem, migmap_country_item, MIGMAP, COUNTRY_ITEM, GObject)

MigmapCountryItem *migmap_country_item_new      (const char        *code,
                                                 const char        *name);
const char        *migmap_country_item_get_code (MigmapCountryItem *self);
const char        *migmap_country_item_get_name (MigmapCountryItem *self);

G_END_DECLS
