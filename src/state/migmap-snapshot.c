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
#include <string.h>

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
  GHashTable       *marked_names;    /* code -> name with its footnote mark */
};

/* The European Union's standard footnotes, printed on every page whose map
 * shows Kosovo or Palestine, with the mark the map puts on the name. */
static const struct { const char *code; const char *mark; const char *text; } footnotes[] = {
  { "XKX", "*", N_("This designation is without prejudice to positions on status, and is in line with "
                   "UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration of independence.") },
  { "PSE", "**", N_("This designation shall not be construed as recognition of a State of Palestine and is "
                    "without prejudice to the individual positions of the Member States on this issue.") },
};

G_DEFINE_FINAL_TYPE (MigmapSnapshot, migmap_snapshot, G_TYPE_OBJECT)

static void
migmap_snapshot_finalize (GObject *object)
{
  MigmapSnapshot *self = MIGMAP_SNAPSHOT (object);

  g_clear_object (&self->state);
  g_clear_object (&self->renderer);
  g_clear_object (&self->page);
  g_clear_pointer (&self->marked_names, g_hash_table_unref);

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

static const char *
marked_country_label (const char *code, gpointer user_data)
{
  MigmapSnapshot *self = user_data;
  const char *name = migmap_map_state_country_name (self->state, code);

  for (guint i = 0; i < G_N_ELEMENTS (footnotes); i++)
    if (g_str_equal (footnotes[i].code, code))
      {
        char *marked = g_hash_table_lookup (self->marked_names, code);

        if (marked == NULL)
          {
            marked = g_strconcat (name, footnotes[i].mark, NULL);
            g_hash_table_insert (self->marked_names, g_strdup (code), marked);
          }
        return marked;
      }
  return name;
}

static const char *
symbol_label (MigmapMarkerSymbol symbol)
{
  switch (symbol)
    {
    case MIGMAP_MARKER_OFFICE: return _("Office");
    case MIGMAP_MARKER_VENUE: return _("Venue");
    case MIGMAP_MARKER_TRAINING_CENTRE: return _("Training centre");
    case MIGMAP_MARKER_BORDER_CROSSING: return _("Border crossing points");
    case MIGMAP_MARKER_CITY:
    default: return _("City");
    }
}

static void
fill_legend (MigmapSnapshot *self)
{
  GListModel *layers = migmap_map_state_get_layers (self->state);
  g_autoptr(GPtrArray) countries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean seen[MIGMAP_MARKER_BORDER_CROSSING + 1] = { FALSE }, approximate = FALSE;
  MigmapColor marker_color = { 0.14, 0.12, 0.19, 1.0 };
  const char *markers_title = NULL;
  guint max_count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, i);

      if (!migmap_map_layer_get_visible (layer))
        continue;
      if (migmap_map_layer_get_kind (layer) == MIGMAP_MAP_LAYER_COUNTRIES)
        {
          const char * const *codes = migmap_map_layer_get_codes (layer);

          g_ptr_array_add (countries, g_object_ref (layer));
          for (guint c = 0; codes && codes[c]; c++)
            {
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, codes[c])) + 1;
              g_hash_table_insert (counts, (gpointer) codes[c], GUINT_TO_POINTER (n));
              max_count = MAX (max_count, n);
            }
          continue;
        }
      marker_color = *migmap_map_layer_get_color (layer);
      markers_title = migmap_map_layer_get_title (layer);
      for (guint m = 0; m < migmap_map_layer_get_n_members (layer); m++)
        {
          const MigmapMapMarker *marker = migmap_map_layer_get_marker (layer, m);
          seen[marker->symbol] = TRUE;
          approximate |= marker->approximate;
        }
    }

  if (countries->len <= MIGMAP_RENDERER_MAX_STRIPES)
    for (guint i = 0; i < countries->len; i++)
      {
        MigmapMapLayer *layer = g_ptr_array_index (countries, i);
        migmap_page_layout_add_legend_entry (self->page, migmap_map_layer_get_title (layer),
                                             migmap_map_layer_get_color (layer), FALSE);
      }
  else
    {
      /* As the map fills them: by how many of the groups shown a country is in. */
      migmap_page_layout_add_legend_text (self->page, _("Countries in how many of these groups"), TRUE);
      for (guint n = 1; n <= max_count; n++)
        {
          g_autofree char *label = NULL;
          MigmapColor color;

          migmap_renderer_count_color (n, countries->len, &color);
          /* TRANSLATORS: a legend entry: countries in this many of the groups shown */
          label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %u group", "in %u groups", n), n);
          migmap_page_layout_add_legend_entry (self->page, label, &color, FALSE);
        }
      for (guint i = 0; i < countries->len; i++)
        migmap_page_layout_add_legend_text (self->page, migmap_map_layer_get_title (g_ptr_array_index (countries, i)),
                                            FALSE);
    }
  /* The places layer by its name, then a symbol for each kind of place. */
  if (markers_title)
    migmap_page_layout_add_legend_text (self->page, markers_title, TRUE);
  for (guint k = 0; k < G_N_ELEMENTS (seen); k++)
    if (seen[k])
      migmap_page_layout_add_legend_symbol (self->page, symbol_label (k), &marker_color, k, FALSE);
  if (approximate)
    migmap_page_layout_add_legend_symbol (self->page, _("Location known only to the country or region"),
                                          &marker_color, MIGMAP_MARKER_CITY, TRUE);
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
  self->marked_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  migmap_renderer_set_label_func (self->renderer, marked_country_label, self, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (footnotes); i++)
    {
      g_autofree char *note = g_strconcat (footnotes[i].mark, " ", _(footnotes[i].text), NULL);
      migmap_page_layout_add_footnote (self->page, footnotes[i].code, note);
    }
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

/* A map at a date says so; a map of all dates carries the day it was made. */
static char *
default_date_text (MigmapMapState *state)
{
  g_autofree char *date = migmap_format_date (migmap_map_state_get_date (state));

  if (date == NULL)
    return migmap_format_today ();
  /* TRANSLATORS: on a printed map drawn at a date: "as of June 2019" */
  return g_strdup_printf (C_("page date", "as of %s"), date);
}

void
migmap_snapshot_set_date_text (MigmapSnapshot *self, const char *date_text)
{
  g_autofree char *today = NULL;

  g_return_if_fail (MIGMAP_IS_SNAPSHOT (self));

  if (date_text == NULL)
    date_text = today = default_date_text (self->state);
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

typedef struct {
  MigmapSnapshot *snapshot;
  guint           first_year;
} Series;

/* Each page is the state at its year, and says which. */
static void
draw_series_page (cairo_t *cr, double width, double height, guint page, gpointer user_data)
{
  Series *series = user_data;

  migmap_snapshot_set_year (series->snapshot, series->first_year + page);
  migmap_snapshot_draw (series->snapshot, cr, width, height);
}

/* Draws the map as it stood in @year: layers, and the page's date line. */
void
migmap_snapshot_set_year (MigmapSnapshot *self, guint year)
{
  MigmapDate date = MIGMAP_DATE_INIT;

  g_return_if_fail (MIGMAP_IS_SNAPSHOT (self));
  g_return_if_fail (year >= 1 && year <= 9999);

  migmap_date_set (&date, year, 0, 0);
  migmap_map_state_set_date (self->state, &date);
  migmap_map_state_configure_renderer (self->state, self->renderer);
  migmap_snapshot_set_date_text (self, NULL);
}

/* Checked by callers too, with a message for their users. */
gboolean
migmap_snapshot_series_is_valid (guint from_year, guint to_year)
{
  return from_year >= 1 && to_year <= 9999 && from_year <= to_year &&
         to_year - from_year < MIGMAP_SNAPSHOT_MAX_SERIES;
}

/* "map.png" and 2018 give "map-2018.png". */
char *
migmap_snapshot_series_path (const char *path, guint year)
{
  const char *base = strrchr (path, G_DIR_SEPARATOR);
  const char *dot = strrchr (base ? base : path, '.');
  g_autofree char *stem = dot ? g_strndup (path, dot - path) : g_strdup (path);

  g_return_val_if_fail (path != NULL, NULL);

  return g_strdup_printf ("%s-%u%s", stem, year, dot ? dot : "");
}

/* One page per year from @from_year to @to_year: all in one PDF, or one
 * PNG/SVG file per year named by migmap_snapshot_series_path().  Each file
 * is written atomically; a failure stops the series and names the file. */
gboolean
migmap_snapshot_export_series (MigmapSnapshot *self,
                               const char     *path,
                               MigmapFormat    format,
                               int             dpi,
                               guint           from_year,
                               guint           to_year,
                               GError        **error)
{
  Series series = { self, from_year };
  double width, height;

  g_return_val_if_fail (MIGMAP_IS_SNAPSHOT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (migmap_snapshot_series_is_valid (from_year, to_year), FALSE);

  if (dpi <= 0)
    dpi = self->map_only ? MIGMAP_POINTS_PER_INCH : DEFAULT_PAGE_DPI;
  migmap_snapshot_get_size (self, &width, &height);
  if (format == MIGMAP_FORMAT_PDF)
    return migmap_export_pages_to_file (path, format, width, height, dpi / MIGMAP_POINTS_PER_INCH,
                                        to_year - from_year + 1, draw_series_page, &series, error);
  for (guint year = from_year; year <= to_year; year++)
    {
      g_autofree char *year_path = migmap_snapshot_series_path (path, year);

      migmap_snapshot_set_year (self, year);
      if (!migmap_export_to_file (year_path, format, width, height, dpi / MIGMAP_POINTS_PER_INCH,
                                  draw_for_export, self, error))
        return FALSE;
    }
  return TRUE;
}
