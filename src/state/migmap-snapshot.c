/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-snapshot.c
 *
 * Printing, the export dialog and migmap-render all come here with a map
 * state, so the same state gives the same page whichever way it is made.
 * A snapshot draws with its own renderer, at the state's quality (print
 * quality unless migmap-render was asked for the window's fast drawing).
 */
#include "config.h"

#include "migmap-snapshot.h"

#include <glib/gi18n-lib.h>

#include "migmap-dates.h"
#include "migmap-style.h"

#define DEFAULT_PAGE_DPI 150

struct _MigmapSnapshot
{
  GObject parent_instance;

  MigmapMapState   *state;
  MigmapRenderer   *renderer;
  MigmapPageLayout *page;
  double            width, height;   /* points */
  gboolean          map_only;
};

G_DEFINE_FINAL_TYPE (MigmapSnapshot, migmap_snapshot, G_TYPE_OBJECT)

static void
migmap_snapshot_finalize (GObject *object)
{
  MigmapSnapshot *self = MIGMAP_SNAPSHOT (object);

  g_clear_object (&self->state);
  g_clear_object (&self->renderer);
  g_clear_object (&self->page);

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
}

static void
fill_legend (MigmapSnapshot *self)
{
  GListModel *layers = migmap_map_state_get_layers (self->state);

  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, i);

      if (migmap_map_layer_get_visible (layer))
        migmap_page_layout_add_legend_entry (self->page, migmap_map_layer_get_title (layer),
                                             migmap_map_layer_get_color (layer),
                                             migmap_map_layer_get_kind (layer) == MIGMAP_MAP_LAYER_MARKERS);
    }
}

/* Takes a copy of @state: the window may go on changing after Print. */
MigmapSnapshot *
migmap_snapshot_new (MigmapMapState *state)
{
  MigmapSnapshot *self;
  MigmapCatalogue *catalogue;
  g_autofree char *title = NULL;

  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (state), NULL);

  self = g_object_new (MIGMAP_TYPE_SNAPSHOT, NULL);
  self->state = migmap_map_state_copy (state);
  self->renderer = migmap_map_state_new_renderer (self->state, migmap_map_state_shapes_for_view (self->state));

  self->page = migmap_page_layout_new ();
  migmap_page_layout_set_source (self->page, _("Data: ICMPD documents; shapes: Natural Earth"));
  migmap_page_layout_set_disclaimer (self->page, _("Boundaries, names and the designations used on this map do not imply "
                                                   "official endorsement or acceptance."));
  migmap_page_layout_set_rtl (self->page, migmap_text_is_rtl ());
  fill_legend (self);
  catalogue = migmap_map_state_get_catalogue (self->state);
  if (catalogue)
    migmap_style_add_projects_table (catalogue, migmap_map_state_get_layers (self->state), self->page);
  title = migmap_snapshot_dup_default_title (self);
  migmap_page_layout_set_title (self->page, title);
  migmap_snapshot_set_date_text (self, NULL);
  migmap_snapshot_set_paper (self, "a4", TRUE);
  return self;
}

MigmapMapState *
migmap_snapshot_get_state (MigmapSnapshot *self)
{
  g_return_val_if_fail (MIGMAP_IS_SNAPSHOT (self), NULL);
  return self->state;
}

MigmapPageLayout *
migmap_snapshot_get_page_layout (MigmapSnapshot *self)
{
  g_return_val_if_fail (MIGMAP_IS_SNAPSHOT (self), NULL);
  return self->page;
}

char *
migmap_snapshot_dup_default_title (MigmapSnapshot *self)
{
  g_return_val_if_fail (MIGMAP_IS_SNAPSHOT (self), NULL);
  return migmap_style_default_title (migmap_map_state_get_layers (self->state));
}

const char *
migmap_snapshot_get_title (MigmapSnapshot *self)
{
  g_return_val_if_fail (MIGMAP_IS_SNAPSHOT (self), NULL);
  return migmap_page_layout_get_title (self->page);
}

/* NULL or empty: the default title. */
void
migmap_snapshot_set_title (MigmapSnapshot *self, const char *title)
{
  g_autofree char *default_title = NULL;

  g_return_if_fail (MIGMAP_IS_SNAPSHOT (self));

  if (title == NULL || *title == '\0')
    title = default_title = migmap_snapshot_dup_default_title (self);
  migmap_page_layout_set_title (self->page, title);
}

void
migmap_snapshot_set_date_text (MigmapSnapshot *self, const char *date_text)
{
  g_autofree char *today = NULL;

  g_return_if_fail (MIGMAP_IS_SNAPSHOT (self));

  if (date_text == NULL)
    date_text = today = migmap_format_today ();
  migmap_page_layout_set_date (self->page, date_text);
}

void
migmap_snapshot_set_map_only (MigmapSnapshot *self, gboolean map_only)
{
  g_return_if_fail (MIGMAP_IS_SNAPSHOT (self));

  self->map_only = !!map_only;
  migmap_page_layout_set_map_only (self->page, self->map_only);
}

gboolean
migmap_snapshot_get_map_only (MigmapSnapshot *self)
{
  g_return_val_if_fail (MIGMAP_IS_SNAPSHOT (self), FALSE);
  return self->map_only;
}

gboolean
migmap_snapshot_set_paper (MigmapSnapshot *self, const char *paper, gboolean landscape)
{
  g_return_val_if_fail (MIGMAP_IS_SNAPSHOT (self), FALSE);
  g_return_val_if_fail (paper != NULL, FALSE);

  return migmap_paper_size_lookup (paper, landscape, &self->width, &self->height);
}

/* In points.  A map alone is the state's viewport, whose size is in points
 * too (the window converts its pixels when it hands over its state). */
void
migmap_snapshot_get_size (MigmapSnapshot *self, double *width, double *height)
{
  g_return_if_fail (MIGMAP_IS_SNAPSHOT (self));

  if (self->map_only)
    migmap_viewport_get_size (migmap_map_state_get_viewport (self->state), width, height);
  else
    {
      *width = self->width;
      *height = self->height;
    }
}

void
migmap_snapshot_draw (MigmapSnapshot *self, cairo_t *cr, double width, double height)
{
  g_return_if_fail (MIGMAP_IS_SNAPSHOT (self));
  g_return_if_fail (cr != NULL);

  migmap_page_layout_render (self->page, self->renderer, migmap_map_state_get_viewport (self->state),
                             cr, width, height);
}

static void
draw_for_export (cairo_t *cr, double width, double height, gpointer user_data)
{
  migmap_snapshot_draw (user_data, cr, width, height);
}

gboolean
migmap_snapshot_export (MigmapSnapshot *self, const char *path, MigmapFormat format, int dpi, GError **error)
{
  double width, height;

  g_return_val_if_fail (MIGMAP_IS_SNAPSHOT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (dpi <= 0)
    dpi = self->map_only ? MIGMAP_POINTS_PER_INCH : DEFAULT_PAGE_DPI;
  migmap_snapshot_get_size (self, &width, &height);
  return migmap_export_to_file (path, format, width, height, dpi / MIGMAP_POINTS_PER_INCH,
                                draw_for_export, self, error);
}
