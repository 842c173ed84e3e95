/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-print.c
 *
 * Only the glue between GtkPrintOperation and a snapshot: what the page
 * shows is the snapshot's, the same as an export or migmap-render.
 */
#include "config.h"

#include "migmap-print.h"

#include <glib/gi18n-lib.h>

static void
on_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page, MigmapSnapshot *snapshot)
{
  /* The print context's cairo_t is vector: no bitmap of the screen. */
  migmap_snapshot_draw (snapshot, gtk_print_context_get_cairo_context (context),
                        gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

/* A tab of the print dialog for what goes on the page: its title, which
 * starts as the snapshot's (short, from the layers shown). */
static GObject *
on_create_custom_widget (GtkPrintOperation *operation, MigmapSnapshot *snapshot)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Title"));
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), migmap_snapshot_get_title (snapshot));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_name (entry, "print-title");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  g_object_set_data (G_OBJECT (box), "title-entry", entry);
  return G_OBJECT (box);
}

static void
on_custom_widget_apply (GtkPrintOperation *operation, GtkWidget *widget, MigmapSnapshot *snapshot)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (widget), "title-entry");

  /* Empty: back to the default title. */
  migmap_snapshot_set_title (snapshot, gtk_editable_get_text (entry));
  gtk_print_operation_set_job_name (operation, migmap_snapshot_get_title (snapshot));
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
  gtk_print_operation_set_custom_tab_label (operation, _("Map page"));
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget), snapshot);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (on_custom_widget_apply), snapshot);

  result = gtk_print_operation_run (operation, action, parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && page_setup_out)
    *page_setup_out = g_object_ref (gtk_print_operation_get_default_page_setup (operation));
  return result;
}
