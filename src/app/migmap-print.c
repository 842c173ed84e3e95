/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-print.c
 *
 * Only the glue between GtkPrintOperation and a snapshot: what the page
 * shows is the snapshot's, the same as an export or migmap-render.
 */
#include "config.h"

#include "migmap-print.h"

static void
on_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page, MigmapSnapshot *snapshot)
{
  /* The print context's cairo_t is vector: no bitmap of the screen. */
  migmap_snapshot_draw (snapshot, gtk_print_context_get_cairo_context (context),
                        gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

GtkPrintOperationResult
migmap_print_snapshot (MigmapSnapshot *snapshot, GtkWindow *parent, GtkPrintOperationAction action,
                       GtkPageSetup *page_setup, const char *export_filename,
                       GtkPageSetup **page_setup_out, GError **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = page_setup ? g_object_ref (page_setup) : gtk_page_setup_new ();
  GtkPrintOperationResult result;

  g_return_val_if_fail (MIGMAP_IS_SNAPSHOT (snapshot), GTK_PRINT_OPERATION_RESULT_ERROR);

  if (page_setup == NULL)
    {
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
      gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
      gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
    }
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, migmap_snapshot_get_title (snapshot));
  if (export_filename)
    gtk_print_operation_set_export_filename (operation, export_filename);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), snapshot);

  result = gtk_print_operation_run (operation, action, parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && page_setup_out)
    *page_setup_out = g_object_ref (gtk_print_operation_get_default_page_setup (operation));
  return result;
}
