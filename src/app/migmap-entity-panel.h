/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-entity-panel.h: the page of an organisation, dialogue, group,
 * event, document or place: the map state's selected entity */
#pragma once

#include <gtk/gtk.h>

#include "migmap-catalogue-editor.h"
#include "migmap-map-state.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_ENTITY_PANEL (migmap_entity_panel_get_type ())
G_DECLARE_FINAL_TYPE (MigmapEntityPanel, migmap_entity_panel, MIGMAP, ENTITY_PANEL, GtkWidget)

void  migmap_entity_panel_set_state (MigmapEntityPanel *self,
                                     MigmapMapState    *state);
/* The text of every field shown, one per line. */
char *migmap_entity_panel_dup_text  (MigmapEntityPanel *self);
void  migmap_entity_panel_focus     (MigmapEntityPanel *self);
/* The editor whose saved change log the page lists under "History". */
void  migmap_entity_panel_set_editor (MigmapEntityPanel     *self,
                                      MigmapCatalogueEditor *editor);

G_END_DECLS
