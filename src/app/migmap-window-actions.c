/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-window-actions.c: the window's actions and their keys */
#include "config.h"

#include "migmap-window-private.h"

#include <glib/gi18n-lib.h>

#include "migmap-export-dialog.h"
#include "migmap-print.h"

/* A snapshot of what the window shows.  The on-screen viewport measures in
 * CSS pixels; a snapshot measures in points, so a map exported at 96 DPI
 * has the window's pixels. */
MigmapSnapshot *
migmap_window_new_snapshot (MigmapWindow *self)
{
  g_autoptr(MigmapMapState) state = NULL;

  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);

  state = migmap_map_state_copy (self->state);
  migmap_map_state_scale_viewport (state, MIGMAP_POINTS_PER_INCH / MIGMAP_SCREEN_PIXELS_PER_INCH);
  return migmap_snapshot_new (state);
}

static void
on_open_response (GtkNativeDialog *dialog, int response, MigmapWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      migmap_window_load_shapefile (self, file);
    }
  g_object_unref (dialog);
}

static void
open_shapefile_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  MigmapWindow *self = MIGMAP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Shapefile"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Shapefiles"));
  gtk_file_filter_add_pattern (filter, "*.shp");
  gtk_file_filter_add_pattern (filter, "*.SHP");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  MigmapWindow *self = MIGMAP_WINDOW (widget);
  g_autoptr(MigmapSnapshot) snapshot = migmap_window_new_snapshot (self);
  g_autoptr(GError) error = NULL;
  GtkPageSetup *chosen = NULL;

  if (migmap_print_snapshot (snapshot, GTK_WINDOW (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                             self->page_setup, NULL, &chosen, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    migmap_window_show_error (self, _("Could not print the map"), error->message);
  if (chosen)
    {
      g_clear_object (&self->page_setup);
      self->page_setup = chosen;
    }
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  MigmapWindow *self = MIGMAP_WINDOW (widget);
  g_autoptr(MigmapSnapshot) snapshot = migmap_window_new_snapshot (self);

  gtk_window_present (GTK_WINDOW (migmap_export_dialog_new (GTK_WINDOW (self), snapshot)));
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  MigmapWindow *self = MIGMAP_WINDOW (widget);

  gtk_toggle_button_set_active (self->search_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
reset_view_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  migmap_map_view_reset_view (MIGMAP_WINDOW (widget)->map_view);
}

static void
zoom_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  migmap_map_view_zoom (MIGMAP_WINDOW (widget)->map_view, g_str_equal (action_name, "win.zoom-in") ? 1.5 : 1 / 1.5);
}

static void
find_country_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  migmap_window_find_country (MIGMAP_WINDOW (widget));
}

/* The Keyboard Shortcuts window is built the first time it is asked for,
 * not with every window at start-up as GtkApplication would from
 * gtk/help-overlay.ui (so the resource has another name). */
static void
show_help_overlay_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/migmap/MigMap/migmap-help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

void
migmap_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-shapefile", NULL, open_shapefile_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.find-country", NULL, find_country_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.reset-view", NULL, reset_view_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_property_action (widget_class, "win.projection", "projection");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-shapefile", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.find-country", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.reset-view", NULL);
}
