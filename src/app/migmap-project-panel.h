/* migmap-project-panel.h: every fact the catalogue holds about one project */
#pragma once

#include <gtk/gtk.h>

#include "migmap-catalogue.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_PROJECT_PANEL (migmap_project_panel_get_type ())
G_DECLARE_FINAL_TYPE (MigmapProjectPanel, migmap_project_panel, MIGMAP, PROJECT_PANEL, GtkWidget)

GtkWidget     *migmap_project_panel_new         (void);
void           migmap_project_panel_set_project (MigmapProjectPanel *self,
                                                 MigmapCatalogue    *catalogue,
                                                 MigmapProject      *project);
MigmapProject *migmap_project_panel_get_project (MigmapProjectPanel *self);
/* The text of every field shown, one per line: what a screen reader or a
 * test would read. */
char          *migmap_project_panel_dup_text    (MigmapProjectPanel *self);
void           migmap_project_panel_focus       (MigmapProjectPanel *self);

G_END_DECLS
