/* migmap-snapshot.c
 *
 * A snapshot draws with its own renderer at print quality, so printing and
 * export never reuse the window's fast interactive drawing.
 */
#include "config.h"

#include "migmap-snapshot.h"

#include <glib/gi18n-lib.h>

#include "migmap-dates.h"
#include "migmap-style.h"

/* Regional views print with the 1:10m shapes, when they are loaded. */
#define DETAILED_BELOW_DEG_PER_PX 0.05

struct _MigmapSnapshot
{
  GObject parent_instance;

  MigmapCatalogue  *catalogue;
  MigmapViewport   *view;
  MigmapRenderer   *renderer;
  MigmapPageLayout *page;
  GPtrArray        *styles;
  GStrv             visible;
};

G_DEFINE_FINAL_TYPE (MigmapSnapshot, migmap_snapshot, G_TYPE_OBJECT)

static void
migmap_snapshot_finalize (GObject *object)
{
  MigmapSnapshot *self = MIGMAP_SNAPSHOT (object);

  g_clear_object (&self->catalogue);
  g_clear_object (&self->view);
  g_clear_object (&self->renderer);
  g_clear_object (&self->page);
  g_clear_pointer (&self->styles, g_ptr_array_unref);
  g_strfreev (self->visible);

  G_OBJECT_CLASS (migmap_snapshot_parent_class)->finalize (object);
}

static void
migmap_snapshot_class_init (MigmapSnapshotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = migmap_snapshot_finalize;
}

static void
migmap_snapshot_init (MigmapSnapshot *self)
{
  (void) self;
}

MigmapSnapshot *
migmap_snapshot_new (MigmapWindow *window)
{
  MigmapSnapshot *self;
  MigmapMapView *map;
  MigmapShapeSet *shapes;
  g_autofree char *date = migmap_format_today ();
  g_autofree char *title = NULL;

  g_return_val_if_fail (MIGMAP_IS_WINDOW (window), NULL);

  self = g_object_new (MIGMAP_TYPE_SNAPSHOT, NULL);
  map = migmap_window_get_map_view (window);
  self->catalogue = g_object_ref (migmap_window_get_catalogue (window));
  self->view = migmap_viewport_copy (migmap_map_view_get_viewport (map));
  shapes = migmap_map_view_get_detailed_shapes (map);
  if (shapes == NULL || migmap_viewport_get_degrees_per_pixel (self->view) >= DETAILED_BELOW_DEG_PER_PX)
    shapes = migmap_map_view_get_shapes (map);

  self->renderer = migmap_renderer_new (shapes);
  migmap_renderer_set_label_func (self->renderer, migmap_style_country_label,
                                  g_object_ref (migmap_catalogue_get_country_codes (self->catalogue)), g_object_unref);
  migmap_renderer_set_selected (self->renderer, migmap_map_view_get_selected (map));
  migmap_renderer_set_emphasis (self->renderer, migmap_map_view_get_highlight (map));

  self->page = migmap_page_layout_new ();
  self->styles = migmap_style_build_layers (self->catalogue);
  self->visible = migmap_window_dup_visible_layers (window);
  migmap_style_apply (self->styles, (const char * const *) self->visible, self->renderer, self->page);
  migmap_style_add_projects_table (self->catalogue, (const char * const *) self->visible, self->page);

  title = migmap_snapshot_dup_default_title (self);
  migmap_page_layout_set_title (self->page, title);
  migmap_page_layout_set_date (self->page, date);
  migmap_page_layout_set_rtl (self->page, migmap_text_is_rtl ());
  return self;
}


char *
migmap_snapshot_dup_default_title (MigmapSnapshot *self)
{
  g_return_val_if_fail (MIGMAP_IS_SNAPSHOT (self), NULL);
  return migmap_style_default_title (self->styles, (const char * const *) self->visible);
}

void
migmap_snapshot_draw (MigmapSnapshot *self, cairo_t *cr, double width, double height)
{
  g_return_if_fail (MIGMAP_IS_SNAPSHOT (self));
  migmap_page_layout_render (self->page, self->renderer, self->view, cr, width, height);
}

static void
draw_for_export (cairo_t *cr, double width, double height, gpointer user_data)
{
  migmap_snapshot_draw (user_data, cr, width, height);
}

gboolean
migmap_snapshot_export (MigmapSnapshot *self, const char *path, const MigmapSnapshotOptions *options,
                        GError **error)
{
  double width, height, scale;

  g_return_val_if_fail (MIGMAP_IS_SNAPSHOT (self), FALSE);
  g_return_val_if_fail (path != NULL && options != NULL, FALSE);

  if (options->title)
    migmap_page_layout_set_title (self->page, options->title);
  migmap_page_layout_set_map_only (self->page, options->map_only);
  if (options->map_only)
    {
      /* The map as on screen: screen pixels at 96 DPI. */
      migmap_viewport_get_size (self->view, &width, &height);
      scale = (options->dpi ? options->dpi : 96) / 96.0;
    }
  else
    {
      if (!migmap_paper_size_lookup (options->paper ? options->paper : "a4", options->landscape, &width, &height))
        migmap_paper_size_lookup ("a4", options->landscape, &width, &height);
      scale = (options->dpi ? options->dpi : 150) / 72.0;
    }
  return migmap_export_to_file (path, options->format, width, height, scale, draw_for_export, self, error);
}

static void
on_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page, MigmapSnapshot *self)
{
  (void) operation; (void) page;
  /* The print context's cairo_t is vector: no bitmap of the screen. */
  migmap_snapshot_draw (self, gtk_print_context_get_cairo_context (context),
                        gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

GtkPrintOperationResult
migmap_snapshot_print (MigmapSnapshot *self, GtkWindow *parent, GtkPrintOperationAction action,
                       GtkPageSetup *page_setup, const char *export_filename,
                       GtkPageSetup **page_setup_out, GError **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = page_setup ? g_object_ref (page_setup) : gtk_page_setup_new ();
  GtkPrintOperationResult result;

  g_return_val_if_fail (MIGMAP_IS_SNAPSHOT (self), GTK_PRINT_OPERATION_RESULT_ERROR);

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
  gtk_print_operation_set_job_name (operation, migmap_page_layout_get_title (self->page));
  if (export_filename)
    gtk_print_operation_set_export_filename (operation, export_filename);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), self);

  result = gtk_print_operation_run (operation, action, parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && page_setup_out)
    *page_setup_out = g_object_ref (gtk_print_operation_get_default_page_setup (operation));
  return result;
}
