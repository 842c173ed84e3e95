/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-window.h: the main window */
#pragma once

#include <gtk/gtk.h>

#include "migmap-catalogue.h"
#include "migmap-catalogue-file.h"
#include "migmap-country-panel.h"
#include "migmap-map-view.h"
#include "migmap-entity-panel.h"
#include "migmap-project-panel.h"
#include "migmap-snapshot.h"
#include "migmap-timeline.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_WINDOW (migmap_window_get_type ())
G_DECLARE_FINAL_TYPE (MigmapWindow, migmap_window, MIGMAP, WINDOW, GtkApplicationWindow)

MigmapWindow       *migmap_window_new                  (GtkApplication  *application,
                                                        MigmapCatalogue *catalogue,
                                                        MigmapShapeSet  *shapes,
                                                        MigmapShapeSet  *detailed_shapes);
MigmapMapState     *migmap_window_get_state            (MigmapWindow *self);
MigmapMapView      *migmap_window_get_map_view         (MigmapWindow *self);
MigmapTimeline     *migmap_window_get_timeline         (MigmapWindow *self);
MigmapCountryPanel *migmap_window_get_country_panel    (MigmapWindow *self);
MigmapProjectPanel *migmap_window_get_project_panel    (MigmapWindow *self);
GListModel         *migmap_window_get_layers           (MigmapWindow *self);
MigmapCatalogue    *migmap_window_get_catalogue        (MigmapWindow *self);
/* The file edits go to; the window then follows its editor's changes.
 * A window without one (NULL) shows its catalogue read-only. */
void                 migmap_window_set_catalogue_file   (MigmapWindow        *self,
                                                         MigmapCatalogueFile *file);
MigmapCatalogueFile *migmap_window_get_catalogue_file   (MigmapWindow        *self);
MigmapCatalogueEditor *migmap_window_get_catalogue_editor (MigmapWindow      *self);
/* Saves the catalogue file (as the user, now). */
gboolean             migmap_window_save_catalogue       (MigmapWindow        *self,
                                                         GError             **error);

/* The answers to the window's questions about its catalogue file, besides
 * GTK_RESPONSE_CANCEL: what a test passes to gtk_dialog_response() on
 * migmap_window_get_catalogue_dialog(). */
typedef enum {
  MIGMAP_WINDOW_RESPONSE_SAVE = 1,
  MIGMAP_WINDOW_RESPONSE_DISCARD,
  MIGMAP_WINDOW_RESPONSE_RESTORE,
  MIGMAP_WINDOW_RESPONSE_RELOAD,
  MIGMAP_WINDOW_RESPONSE_KEEP_BOTH,
  MIGMAP_WINDOW_RESPONSE_IMPORT,
} MigmapWindowResponse;

/* The dialog (a GtkDialog) asking about the catalogue now, or NULL. */
GtkWidget           *migmap_window_get_catalogue_dialog (MigmapWindow        *self);
/* When the file keeps unsaved changes of an earlier session (a crash, a
 * kill), asks whether to restore them and returns that dialog; else NULL. */
GtkWidget           *migmap_window_offer_restore        (MigmapWindow        *self);
/* File > Save: a file changed on disk meanwhile, or an error, is asked
 * about or shown in a dialog. */
void                 migmap_window_save                 (MigmapWindow        *self);
/* File > Save As with @path chosen. */
gboolean             migmap_window_save_catalogue_as    (MigmapWindow        *self,
                                                         const char          *path,
                                                         GError             **error);
/* File > Open Catalogue with @path chosen: asks first about unsaved
 * changes. */
void                 migmap_window_open_catalogue       (MigmapWindow        *self,
                                                         const char          *path);
/* File > Import CSV with @path chosen: the dialog that previews the
 * changes (or lists why the file is refused). */
GtkWidget           *migmap_window_preview_import       (MigmapWindow        *self,
                                                         const char          *path);
const char         *migmap_window_get_side_page        (MigmapWindow *self);
MigmapSnapshot     *migmap_window_new_snapshot         (MigmapWindow *self);

void                migmap_window_select_country       (MigmapWindow *self,
                                                        const char   *code,
                                                        gboolean      move_map);
void                migmap_window_show_project         (MigmapWindow  *self,
                                                        MigmapProject *project);
gboolean            migmap_window_open_shapefile       (MigmapWindow *self,
                                                        const char   *path,
                                                        GError      **error);
void                migmap_window_load_shapefile       (MigmapWindow *self,
                                                        GFile        *file);

void                migmap_window_search               (MigmapWindow *self,
                                                        const char   *text);
guint               migmap_window_get_n_search_results (MigmapWindow *self);
void                migmap_window_show_entity          (MigmapWindow *self,
                                                        GObject      *entity);
MigmapEntityPanel  *migmap_window_get_entity_panel     (MigmapWindow *self);
/* How many rows the Countries list shows through its filter. */
guint               migmap_window_get_n_countries_shown (MigmapWindow *self);
const char         *migmap_window_get_search_result    (MigmapWindow *self,
                                                        guint         index,
                                                        const char  **kind);
void                migmap_window_activate_search_result (MigmapWindow *self,
                                                          guint         index);

G_END_DECLS
