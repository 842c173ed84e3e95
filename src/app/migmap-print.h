/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-print.h: a snapshot through GtkPrintOperation */
#pragma once

#include <gtk/gtk.h>

#include "migmap-snapshot.h"

G_BEGIN_DECLS

/* Runs the print dialog (or exports to @export_filename with
 * GTK_PRINT_OPERATION_ACTION_EXPORT) for @snapshot.  @page_setup is the
 * last print's, or NULL for A4 landscape; the one chosen comes back in
 * @page_setup_out. */
GtkPrintOperationResult migmap_print_snapshot (MigmapSnapshot          *snapshot,
                                               GtkWindow               *parent,
                                               GtkPrintOperationAction  action,
                                               GtkPageSetup            *page_setup,
                                               const char              *export_filename,
                                               GtkPageSetup           **page_setup_out,
                                               GError                 **error);

G_END_DECLS
