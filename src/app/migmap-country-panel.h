/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-country-panel.h: the selected country's groups, projects and events */
#pragma once

#include <gtk/gtk.h>

#include "migmap-map-state.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_COUNTRY_PANEL (migmap_country_panel_get_type ())
G_DECLARE_FINAL_TYPE (MigmapCountryPanel, migmap_country_panel, MIGMAP, COUNTRY_PANEL, GtkWidget)

GtkWidget  *migmap_country_panel_new            (void);
MigmapMapState *migmap_country_panel_get_state  (MigmapCountryPanel *self);
void        migmap_country_panel_set_state      (MigmapCountryPanel *self,
                                                 MigmapMapState     *state);
char       *migmap_country_panel_dup_text       (MigmapCountryPanel *self);
void        migmap_country_panel_focus          (MigmapCountryPanel *self);

G_END_DECLS
