/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-window-private.h: what the window's files share */
#pragma once

#include "migmap-catalogue-file.h"
#include "migmap-entity-panel.h"
#include "migmap-layers-panel.h"
#include "migmap-timeline.h"
#include "migmap-search.h"
#include "migmap-window.h"

G_BEGIN_DECLS

struct _MigmapWindow
{
  GtkApplicationWindow parent_instance;

  /* template */
  GtkToggleButton    *search_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  MigmapLayersPanel  *layers_panel;
  GtkListView        *countries_view;
  GtkSearchEntry     *countries_entry;
  GtkToggleButton    *sidebar_button;
  GtkStack           *sidebar_stack;
  GtkStackSwitcher   *sidebar_switcher;
  MigmapMapView      *map_view;
  MigmapTimeline     *timeline;
  GtkStack           *side_stack;
  MigmapCountryPanel *country_panel;
  MigmapProjectPanel *project_panel;
  MigmapEntityPanel  *entity_panel;
  GtkLabel           *search_status;
  GtkListView        *search_results;

  MigmapMapState     *state;
  MigmapCatalogueFile *catalogue_file;     /* NULL: not editable */
  MigmapCatalogueEditor *catalogue_editor; /* the file's, until a reload replaces it */
  GtkWidget          *catalogue_dialog;    /* the question asked about it now, or NULL */
  GMenu              *undo_section;        /* of the primary menu: Undo/Redo named by the change */
  gboolean            close_confirmed;     /* unsaved changes saved or dropped: close now */
  GListStore         *countries;      /* MigmapCountryItem, by name */
  GtkSingleSelection *countries_selection; /* of countries_filtered */
  GtkFilterListModel *countries_filtered;
  MigmapSearchQuery  *countries_query;     /* NULL: no filter */
  GSettings          *settings;
  GtkSingleSelection *results_selection;   /* of MigmapSearchResult */
  GtkPageSetup       *page_setup;     /* the last print's, for the next one */
  char               *page_before_search;
  gboolean            opens_maximized;     /* at a size only known once shown */
};

void migmap_window_class_add_actions (GtkWidgetClass *widget_class);
void migmap_window_class_add_catalogue_actions (GtkWidgetClass *widget_class);
void migmap_window_class_add_edit_actions (GtkWidgetClass *widget_class);
void migmap_window_update_edit_actions (MigmapWindow *self);
void migmap_window_update_title      (MigmapWindow   *self);
/* TRUE while the window must stay open: it asks about unsaved changes. */
gboolean migmap_window_catalogue_hold_close (MigmapWindow *self);
void migmap_window_catalogue_dispose (MigmapWindow   *self);
void migmap_window_find_country      (MigmapWindow   *self);
void migmap_window_show_error        (MigmapWindow   *self,
                                      const char     *primary,
                                      const char     *secondary);

G_END_DECLS
