/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-project-panel.h: every fact the catalogue holds about the selected project */
#pragma once

#include <gtk/gtk.h>

#include "migmap-catalogue-editor.h"
#include "migmap-map-state.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_PROJECT_PANEL (migmap_project_panel_get_type ())
G_DECLARE_FINAL_TYPE (MigmapProjectPanel, migmap_project_panel, MIGMAP, PROJECT_PANEL, GtkWidget)

GtkWidget     *migmap_project_panel_new         (void);
MigmapMapState *migmap_project_panel_get_state  (MigmapProjectPanel *self);
void           migmap_project_panel_set_state   (MigmapProjectPanel *self,
                                                 MigmapMapState     *state);
MigmapProject *migmap_project_panel_get_project (MigmapProjectPanel *self);
/* The text of every field shown, one per line: what a screen reader or a
 * test would read. */
char          *migmap_project_panel_dup_text    (MigmapProjectPanel *self);
void           migmap_project_panel_focus       (MigmapProjectPanel *self);
/* The editor whose saved change log the page lists under "History";
 * NULL: none (a read-only catalogue). */
void           migmap_project_panel_set_editor  (MigmapProjectPanel    *self,
                                                 MigmapCatalogueEditor *editor);

G_END_DECLS
