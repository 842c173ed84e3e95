/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-application.h */
#pragma once

#include <gtk/gtk.h>

#include "migmap-catalogue.h"
#include "migmap-shape-set.h"

G_BEGIN_DECLS


#define MIGMAP_TYPE_APPLICATION (migmap_application_get_type ())
G_DECLARE_FINAL_TYPE (MigmapApplication, migmap_application, MIGMAP, APPLICATION, GtkApplication)

MigmapApplication *migmap_application_new          (void);
/* Loads the catalogue and the shapes; what the window needs before it opens. */
gboolean           migmap_application_load_data    (MigmapApplication *self,
                                                    GError           **error);
MigmapCatalogue   *migmap_application_get_catalogue (MigmapApplication *self);
MigmapShapeSet    *migmap_application_get_shapes    (MigmapApplication *self);
int                migmap_application_get_exit_status (MigmapApplication *self);

G_END_DECLS
