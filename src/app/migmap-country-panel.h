/* migmap-country-panel.h: a country's groups, projects and events */
#pragma once

#include <gtk/gtk.h>

#include "migmap-catalogue.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_COUNTRY_PANEL (migmap_country_panel_get_type ())
G_DECLARE_FINAL_TYPE (MigmapCountryPanel, migmap_country_panel, MIGMAP, COUNTRY_PANEL, GtkWidget)

GtkWidget  *migmap_country_panel_new            (void);
void        migmap_country_panel_set_country    (MigmapCountryPanel *self,
                                                 MigmapCatalogue    *catalogue,
                                                 const char         *code,
                                                 const char         *name);
void        migmap_country_panel_set_place      (MigmapCountryPanel *self,
                                                 MigmapCatalogue    *catalogue,
                                                 MigmapPlace        *place);
const char *migmap_country_panel_get_country    (MigmapCountryPanel *self);
char       *migmap_country_panel_dup_text       (MigmapCountryPanel *self);
void        migmap_country_panel_focus          (MigmapCountryPanel *self);

G_END_DECLS
