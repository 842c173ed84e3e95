/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-export-dialog.h: choose what to export, then where */
#pragma once

#include <gtk/gtk.h>

#include "migmap-snapshot.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_EXPORT_DIALOG (migmap_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MigmapExportDialog, migmap_export_dialog, MIGMAP, EXPORT_DIALOG, GtkWindow)

GtkWidget *migmap_export_dialog_new         (GtkWindow      *parent,
                                             MigmapSnapshot *snapshot);
/* Writes the snapshot to @path as the dialog's choices say. */
gboolean   migmap_export_dialog_export      (MigmapExportDialog *self,
                                             const char         *path,
                                             GError            **error);

void       migmap_export_dialog_set_series  (MigmapExportDialog *self,
                                             guint               from_year,
                                             guint               to_year);

G_END_DECLS
