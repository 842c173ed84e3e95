/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-layers-panel.h: the layer toggles, which are also the legend */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MIGMAP_TYPE_LAYERS_PANEL (migmap_layers_panel_get_type ())
G_DECLARE_FINAL_TYPE (MigmapLayersPanel, migmap_layers_panel, MIGMAP, LAYERS_PANEL, GtkWidget)

GtkWidget *migmap_layers_panel_new        (void);
void       migmap_layers_panel_set_layers (MigmapLayersPanel *self,
                                           GListModel        *layers);

G_END_DECLS
