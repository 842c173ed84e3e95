/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-country-codes.h: ISO 3166-1 country codes, from iso-codes, plus the
 * few non-ISO codes the map's shapes use */
#pragma once

#include <glib-object.h>

#include "migmap-catalogue-error.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_COUNTRY_CODES (migmap_country_codes_get_type ())
G_DECLARE_FINAL_TYPE (MigmapCountryCodes, migmap_country_codes, MIGMAP, COUNTRY_CODES, GObject)

/* The gettext domain of iso-codes' translated country names. */
#define MIGMAP_ISO_3166_1_DOMAIN "iso_3166-1"

const char         *migmap_country_codes_get_default_path (void);
MigmapCountryCodes *migmap_country_codes_new_from_file    (const char          *path,
                                                           GError             **error);
MigmapCountryCodes *migmap_country_codes_new_default      (GError             **error);

guint               migmap_country_codes_get_n_codes      (MigmapCountryCodes *self);
char              **migmap_country_codes_dup_codes        (MigmapCountryCodes *self);
gboolean            migmap_country_codes_contains         (MigmapCountryCodes *self,
                                                           const char         *alpha3);
gboolean            migmap_country_codes_is_extra         (MigmapCountryCodes *self,
                                                           const char         *alpha3);
const char         *migmap_country_codes_get_name         (MigmapCountryCodes *self,
                                                           const char         *alpha3);
const char         *migmap_country_codes_get_common_name  (MigmapCountryCodes *self,
                                                           const char         *alpha3);
const char         *migmap_country_codes_get_translated_name (MigmapCountryCodes *self,
                                                              const char         *alpha3);
/* Every name of the country in Arabic, English and French, one per line,
 * whatever the interface language: for search. */
const char         *migmap_country_codes_get_search_names (MigmapCountryCodes *self,
                                                           const char         *alpha3);
const char         *migmap_country_codes_get_alpha2       (MigmapCountryCodes *self,
                                                           const char         *alpha3);
const char         *migmap_country_codes_get_numeric      (MigmapCountryCodes *self,
                                                           const char         *alpha3);
const char         *migmap_country_codes_lookup_alpha2    (MigmapCountryCodes *self,
                                                           const char         *alpha2);

G_END_DECLS
