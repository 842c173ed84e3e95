/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-style.h: the catalogue's groups and places as the map draws them
 *
 * The one place that decides a layer's colour, so the window, its printouts
 * and migmap-render show the same map.
 */
#pragma once

#include "migmap-catalogue.h"
#include "migmap-color.h"
#include "migmap-page-layout.h"
#include "migmap-map-layer.h"

G_BEGIN_DECLS

#define MIGMAP_STYLE_MARKERS_LAYER_ID "places"
#define MIGMAP_STYLE_DEFAULT_LAYER_ID "mtm-partner-states-2012"

/* Partner-state groups first, then each project's countries, then the
 * project locations: a GListModel of MigmapMapLayer, all hidden. */
GListModel *migmap_style_build_layers (MigmapCatalogue *catalogue);

/* A group's name as the layers panel, legends and panels show it. */
char       *migmap_style_group_title   (MigmapCatalogue *catalogue,
                                        MigmapGroup     *group);

/* A MigmapLabelFunc: a country's name in the interface language, from
 * iso-codes; @country_codes is a MigmapCountryCodes. */
const char *migmap_style_country_label (const char *code,
                                        gpointer    country_codes);

/* "MTM Dialogue partner states, 2012", or the visible layers joined. */
char      *migmap_style_place_short_name (const char     *name);
char      *migmap_style_default_title (GListModel         *layers);
/* The projects whose countries a visible layer shows, for a page's table. */
void       migmap_style_add_projects_table (MigmapCatalogue    *catalogue,
                                            GListModel         *layers,
                                            MigmapPageLayout   *page);

G_END_DECLS
