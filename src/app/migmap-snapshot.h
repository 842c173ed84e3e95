/* migmap-snapshot.h: what the window shows, as a page to print or export */
#pragma once

#include <gtk/gtk.h>

#include "migmap-export.h"
#include "migmap-page-layout.h"
#include "migmap-window.h"

G_BEGIN_DECLS

typedef struct {
  MigmapFormat format;
  gboolean     map_only;
  char        *paper;       /* a4, a3, letter */
  gboolean     landscape;
  int          dpi;         /* PNG only */
  char        *title;       /* NULL: the layers shown */
} MigmapSnapshotOptions;

#define MIGMAP_TYPE_SNAPSHOT (migmap_snapshot_get_type ())
G_DECLARE_FINAL_TYPE (MigmapSnapshot, migmap_snapshot, MIGMAP, SNAPSHOT, GObject)

/* Freezes the window's view, layers, selection and open project. */
MigmapSnapshot   *migmap_snapshot_new             (MigmapWindow *window);
char             *migmap_snapshot_dup_default_title (MigmapSnapshot *self);
void              migmap_snapshot_draw            (MigmapSnapshot *self,
                                                   cairo_t        *cr,
                                                   double          width,
                                                   double          height);
gboolean          migmap_snapshot_export          (MigmapSnapshot              *self,
                                                   const char                  *path,
                                                   const MigmapSnapshotOptions *options,
                                                   GError                     **error);
GtkPrintOperationResult migmap_snapshot_print     (MigmapSnapshot         *self,
                                                   GtkWindow              *parent,
                                                   GtkPrintOperationAction action,
                                                   GtkPageSetup           *page_setup,
                                                   const char             *export_filename,
                                                   GtkPageSetup          **page_setup_out,
                                                   GError                **error);

G_END_DECLS
