/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-export-dialog.c */
#include "config.h"

#include "migmap-export-dialog.h"

#include <glib/gi18n-lib.h>

struct _MigmapExportDialog
{
  GtkWindow parent_instance;

  GtkEntry       *title_entry;
  GtkDropDown    *content_dropdown;
  GtkDropDown    *format_dropdown;
  GtkDropDown    *dpi_dropdown;
  GtkDropDown    *paper_dropdown;
  GtkDropDown    *orientation_dropdown;
  GtkCheckButton *series_check;
  GtkWidget      *series_box;
  GtkSpinButton  *from_spin;
  GtkSpinButton  *to_spin;
  GtkWidget      *series_hint;

  MigmapSnapshot *snapshot;
};

G_DEFINE_FINAL_TYPE (MigmapExportDialog, migmap_export_dialog, GTK_TYPE_WINDOW)

static const MigmapFormat formats[] = { MIGMAP_FORMAT_PDF, MIGMAP_FORMAT_SVG, MIGMAP_FORMAT_PNG };
static const int dpis[] = { 96, 150, 300 };
static const char * const papers[] = { "a4", "a3", "letter" };

static guint
selected (GtkDropDown *dropdown, guint n_choices)
{
  return MIN (gtk_drop_down_get_selected (dropdown), n_choices - 1);
}

gboolean
migmap_export_dialog_export (MigmapExportDialog *self, const char *path, GError **error)
{
  g_return_val_if_fail (MIGMAP_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  migmap_snapshot_set_map_only (self->snapshot, gtk_drop_down_get_selected (self->content_dropdown) == 1);
  migmap_snapshot_set_paper (self->snapshot, papers[selected (self->paper_dropdown, G_N_ELEMENTS (papers))],
                             gtk_drop_down_get_selected (self->orientation_dropdown) == 0);
  migmap_snapshot_set_title (self->snapshot, gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  if (gtk_check_button_get_active (self->series_check))
    {
      guint from = gtk_spin_button_get_value_as_int (self->from_spin);
      guint to = gtk_spin_button_get_value_as_int (self->to_spin);

      if (!migmap_snapshot_series_is_valid (from, to))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("%u to %u is not a series of years: the last year must not come before the first, "
                         "and a series has at most %d years."), from, to, MIGMAP_SNAPSHOT_MAX_SERIES);
          return FALSE;
        }
      return migmap_snapshot_export_series (self->snapshot, path,
                                            formats[selected (self->format_dropdown, G_N_ELEMENTS (formats))],
                                            dpis[selected (self->dpi_dropdown, G_N_ELEMENTS (dpis))], from, to, error);
    }
  return migmap_snapshot_export (self->snapshot, path, formats[selected (self->format_dropdown, G_N_ELEMENTS (formats))],
                                 dpis[selected (self->dpi_dropdown, G_N_ELEMENTS (dpis))], error);
}

/* 0, 0: one page at the map's date. */
void
migmap_export_dialog_set_series (MigmapExportDialog *self, guint from_year, guint to_year)
{
  g_return_if_fail (MIGMAP_IS_EXPORT_DIALOG (self));

  gtk_check_button_set_active (self->series_check, from_year != 0);
  if (from_year != 0)
    {
      gtk_spin_button_set_value (self->from_spin, from_year);
      gtk_spin_button_set_value (self->to_spin, to_year);
    }
}

static void
on_series_toggled (MigmapExportDialog *self)
{
  gboolean series = gtk_check_button_get_active (self->series_check);

  gtk_widget_set_sensitive (self->series_box, series);
  gtk_widget_set_visible (self->series_hint, series);
}

static void
on_format_changed (MigmapExportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->dpi_dropdown),
                            formats[gtk_drop_down_get_selected (self->format_dropdown)] == MIGMAP_FORMAT_PNG);
}

static void
show_error (GtkWindow *parent, const char *message)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, _("Could not export the map"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_response (GtkNativeDialog *chooser, int response, MigmapExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        show_error (gtk_window_get_transient_for (GTK_WINDOW (self)), _("Only local files can be written."));
      else if (!migmap_export_dialog_export (self, path, &error))
        show_error (gtk_window_get_transient_for (GTK_WINDOW (self)), error->message);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  g_object_unref (chooser);
}

static void
on_export_clicked (MigmapExportDialog *self)
{
  MigmapFormat format = formats[gtk_drop_down_get_selected (self->format_dropdown)];
  GtkFileChooserNative *chooser;
  g_autofree char *name = g_strdup_printf ("%s.%s", _("map"), migmap_format_to_string (format));

  chooser = gtk_file_chooser_native_new (_("Export Map"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
migmap_export_dialog_dispose (GObject *object)
{
  MigmapExportDialog *self = MIGMAP_EXPORT_DIALOG (object);

  g_clear_object (&self->snapshot);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIGMAP_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (migmap_export_dialog_parent_class)->dispose (object);
}

static void
migmap_export_dialog_class_init (MigmapExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = migmap_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/migmap/MigMap/migmap-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MigmapExportDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, MigmapExportDialog, content_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MigmapExportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MigmapExportDialog, dpi_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MigmapExportDialog, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MigmapExportDialog, orientation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MigmapExportDialog, series_check);
  gtk_widget_class_bind_template_child (widget_class, MigmapExportDialog, series_box);
  gtk_widget_class_bind_template_child (widget_class, MigmapExportDialog, from_spin);
  gtk_widget_class_bind_template_child (widget_class, MigmapExportDialog, to_spin);
  gtk_widget_class_bind_template_child (widget_class, MigmapExportDialog, series_hint);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_series_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
migmap_export_dialog_init (MigmapExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
migmap_export_dialog_new (GtkWindow *parent, MigmapSnapshot *snapshot)
{
  MigmapExportDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (MIGMAP_IS_SNAPSHOT (snapshot), NULL);

  self = g_object_new (MIGMAP_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->snapshot = g_object_ref (snapshot);
  title = migmap_snapshot_dup_default_title (snapshot);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
  /* The series the catalogue's dates span, up to this year. */
  {
    MigmapCatalogue *catalogue = migmap_map_state_get_catalogue (migmap_snapshot_get_state (snapshot));
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    guint first, last;

    if (catalogue && migmap_catalogue_get_year_span (catalogue, &first, &last))
      {
        gtk_spin_button_set_value (self->from_spin, first);
        gtk_spin_button_set_value (self->to_spin, MIN (MAX (last, (guint) g_date_time_get_year (now)),
                                                      first + MIGMAP_SNAPSHOT_MAX_SERIES - 1));
      }
  }
  return GTK_WIDGET (self);
}
