/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-page-layout.c
 *
 * One layout for printing, export and the headless renderer.  The map keeps
 * exactly the area the user was looking at, scaled to the paper; the scale
 * bar is computed for the projection at the map's centre.
 */
#include "config.h"

#include "migmap-page-layout.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "migmap-text-sink.h"

#define FONT_FAMILY "Sans"

typedef enum {
  ENTRY_SWATCH,
  ENTRY_SYMBOL,
  ENTRY_TEXT,
  ENTRY_HEADING,
} EntryKind;

typedef struct {
  char              *label;
  MigmapColor        color;
  EntryKind          kind;
  MigmapMarkerSymbol symbol;
  gboolean           approximate;
} LegendEntry;

typedef struct {
  char *code;
  char *text;
} Footnote;

typedef struct {
  char *title;
  char *detail;
} TableRow;

struct _MigmapPageLayout
{
  GObject parent_instance;

  char           *title;
  char           *date;
  char           *source;
  char           *disclaimer;
  char           *table_title;
  GArray         *legend;     /* LegendEntry */
  GArray         *table;      /* TableRow */
  GArray         *footnotes;  /* Footnote */
  GArray         *key;        /* LegendEntry: the places numbered on the map */
  gboolean        map_only;
  gboolean        rtl;

  MigmapViewport *map_viewport;
  double          map_x, map_y, map_width, map_height;
};

G_DEFINE_FINAL_TYPE (MigmapPageLayout, migmap_page_layout, G_TYPE_OBJECT)

static void
legend_entry_clear (gpointer data)
{
  g_free (((LegendEntry *) data)->label);
}

static void
footnote_clear (gpointer data)
{
  Footnote *note = data;

  g_free (note->code);
  g_free (note->text);
}

static void
table_row_clear (gpointer data)
{
  TableRow *row = data;

  g_free (row->title);
  g_free (row->detail);
}

static void
migmap_page_layout_finalize (GObject *object)
{
  MigmapPageLayout *self = MIGMAP_PAGE_LAYOUT (object);

  g_free (self->title);
  g_free (self->date);
  g_free (self->source);
  g_free (self->disclaimer);
  g_free (self->table_title);
  g_array_unref (self->legend);
  g_array_unref (self->table);
  g_array_unref (self->footnotes);
  g_array_unref (self->key);
  g_clear_object (&self->map_viewport);

  G_OBJECT_CLASS (migmap_page_layout_parent_class)->finalize (object);
}

static void
migmap_page_layout_class_init (MigmapPageLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = migmap_page_layout_finalize;
}

static void
migmap_page_layout_init (MigmapPageLayout *self)
{
  /* What a page says of its sources is the caller's: the core knows no
   * data provider. */
  self->source = g_strdup ("");
  self->disclaimer = g_strdup ("");
  self->legend = g_array_new (FALSE, FALSE, sizeof (LegendEntry));
  g_array_set_clear_func (self->legend, legend_entry_clear);
  self->table = g_array_new (FALSE, FALSE, sizeof (TableRow));
  g_array_set_clear_func (self->table, table_row_clear);
  self->footnotes = g_array_new (FALSE, FALSE, sizeof (Footnote));
  g_array_set_clear_func (self->footnotes, footnote_clear);
  self->key = g_array_new (FALSE, FALSE, sizeof (LegendEntry));
  g_array_set_clear_func (self->key, legend_entry_clear);
}

MigmapPageLayout *
migmap_page_layout_new (void)
{
  return g_object_new (MIGMAP_TYPE_PAGE_LAYOUT, NULL);
}

static void
replace (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

void
migmap_page_layout_set_title (MigmapPageLayout *self, const char *title)
{
  g_return_if_fail (MIGMAP_IS_PAGE_LAYOUT (self));
  replace (&self->title, title);
}

const char *
migmap_page_layout_get_title (MigmapPageLayout *self)
{
  g_return_val_if_fail (MIGMAP_IS_PAGE_LAYOUT (self), NULL);
  return self->title;
}

void
migmap_page_layout_set_date (MigmapPageLayout *self, const char *date)
{
  g_return_if_fail (MIGMAP_IS_PAGE_LAYOUT (self));
  replace (&self->date, date);
}

void
migmap_page_layout_set_source (MigmapPageLayout *self, const char *source)
{
  g_return_if_fail (MIGMAP_IS_PAGE_LAYOUT (self));
  replace (&self->source, source);
}

void
migmap_page_layout_set_disclaimer (MigmapPageLayout *self, const char *disclaimer)
{
  g_return_if_fail (MIGMAP_IS_PAGE_LAYOUT (self));
  replace (&self->disclaimer, disclaimer);
}

void
migmap_page_layout_set_table_title (MigmapPageLayout *self, const char *title)
{
  g_return_if_fail (MIGMAP_IS_PAGE_LAYOUT (self));
  replace (&self->table_title, title);
}

void
migmap_page_layout_add_legend_entry (MigmapPageLayout *self, const char *label,
                                     const MigmapColor *color, gboolean is_marker)
{
  LegendEntry entry;

  g_return_if_fail (MIGMAP_IS_PAGE_LAYOUT (self));
  g_return_if_fail (label != NULL && color != NULL);

  entry = (LegendEntry) { g_strdup (label), *color, is_marker ? ENTRY_SYMBOL : ENTRY_SWATCH, MIGMAP_MARKER_CITY, FALSE };
  g_array_append_val (self->legend, entry);
}

void
migmap_page_layout_add_legend_symbol (MigmapPageLayout *self, const char *label, const MigmapColor *color,
                                      MigmapMarkerSymbol symbol, gboolean approximate)
{
  LegendEntry entry;

  g_return_if_fail (MIGMAP_IS_PAGE_LAYOUT (self));
  g_return_if_fail (label != NULL && color != NULL);

  entry = (LegendEntry) { g_strdup (label), *color, ENTRY_SYMBOL, symbol, !!approximate };
  g_array_append_val (self->legend, entry);
}

void
migmap_page_layout_add_legend_text (MigmapPageLayout *self, const char *text, gboolean heading)
{
  LegendEntry entry = { 0 };

  g_return_if_fail (MIGMAP_IS_PAGE_LAYOUT (self));
  g_return_if_fail (text != NULL);

  entry.label = g_strdup (text);
  entry.kind = heading ? ENTRY_HEADING : ENTRY_TEXT;
  g_array_append_val (self->legend, entry);
}

void
migmap_page_layout_add_footnote (MigmapPageLayout *self, const char *code, const char *text)
{
  Footnote note;

  g_return_if_fail (MIGMAP_IS_PAGE_LAYOUT (self));
  g_return_if_fail (code != NULL && text != NULL);

  note = (Footnote) { g_strdup (code), g_strdup (text) };
  g_array_append_val (self->footnotes, note);
}

void
migmap_page_layout_add_table_row (MigmapPageLayout *self, const char *title, const char *detail)
{
  TableRow row;

  g_return_if_fail (MIGMAP_IS_PAGE_LAYOUT (self));
  g_return_if_fail (title != NULL);

  row = (TableRow) { g_strdup (title), g_strdup (detail) };
  g_array_append_val (self->table, row);
}

void
migmap_page_layout_set_map_only (MigmapPageLayout *self, gboolean map_only)
{
  g_return_if_fail (MIGMAP_IS_PAGE_LAYOUT (self));
  self->map_only = !!map_only;
}

void
migmap_page_layout_set_rtl (MigmapPageLayout *self, gboolean rtl)
{
  g_return_if_fail (MIGMAP_IS_PAGE_LAYOUT (self));
  self->rtl = !!rtl;
}

/* ---- text ---- */

static const MigmapColor ink = { 0.13, 0.13, 0.13, 1.0 };
static const MigmapColor muted = { 0.35, 0.35, 0.35, 1.0 };

static PangoLayout *
new_text (MigmapPageLayout *self, cairo_t *cr, const char *text, double size, gboolean bold,
          gboolean italic, double wrap_width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  PangoContext *context = pango_layout_get_context (layout);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_context_set_base_dir (context, self->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_layout_context_changed (layout);
  /* On a right-to-left page every paragraph is right-to-left, even one that
   * starts with an English name. */
  pango_layout_set_auto_dir (layout, !self->rtl);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) (wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, self->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static double
text_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
show_text (cairo_t *cr, PangoLayout *layout, double x, double y, const MigmapColor *color)
{
  cairo_move_to (cr, x, y);
  migmap_show_layout (cr, layout, color, NULL, 0);
}

/* ---- scale bar ---- */

static const char *
projection_label (MigmapProjection projection)
{
  switch (projection)
    {
    case MIGMAP_PROJECTION_MERCATOR:
      return _("Mercator projection");
    case MIGMAP_PROJECTION_LAEA:
      return _("Lambert azimuthal equal-area projection");
    case MIGMAP_PROJECTION_EQUIRECTANGULAR:
    default:
      return _("Equirectangular projection (plate carrée)");
    }
}

/* 1, 2 or 5 times a power of ten, no longer than @max. */
static double
nice_length (double max)
{
  double power = pow (10.0, floor (log10 (max)));

  if (5 * power <= max)
    return 5 * power;
  if (2 * power <= max)
    return 2 * power;
  return power;
}

/* With @draw FALSE, only says where the box will go. */
static void
draw_scale_bar (MigmapPageLayout *self, cairo_t *cr, gboolean draw, double box[4])
{
  MigmapViewport *vp = self->map_viewport;
  double lon, lat, metres_per_point, km, bar, x, y, pad = 5;
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;
  g_autoptr(PangoLayout) text = NULL;
  g_autoptr(PangoLayout) zero = NULL;
  g_autoptr(PangoLayout) where = NULL;
  g_autoptr(PangoLayout) projection = NULL;
  double box_width, box_height;

  box[0] = box[1] = box[2] = box[3] = 0;
  if (!migmap_viewport_get_center_geo (vp, &lon, &lat))
    return;
  /* Ground distance per point along the parallel through the centre. */
  metres_per_point = migmap_viewport_get_resolution (vp) /
                     migmap_projection_scale_factor (migmap_viewport_get_projection (vp), lon, lat);
  km = nice_length (metres_per_point * MIN (140.0, self->map_width / 4.0) / 1000.0);
  bar = km * 1000.0 / metres_per_point;

  /* TRANSLATORS: a distance on the scale bar, e.g. "500 km" */
  label = g_strdup_printf (_("%g km"), km);
  /* TRANSLATORS: where the scale bar is true, e.g. "Scale true at 36°N" */
  note = g_strdup_printf (_("Scale true at %.0f°%s"), fabs (lat), lat >= 0 ? _("N") : _("S"));
  text = new_text (self, cr, label, 7.5, FALSE, FALSE, 0);
  zero = new_text (self, cr, "0", 7.5, FALSE, FALSE, 0);
  where = new_text (self, cr, note, 6.5, FALSE, TRUE, 0);
  projection = new_text (self, cr, projection_label (migmap_viewport_get_projection (vp)), 6.5, FALSE, TRUE, 0);

  box_width = MAX (MAX (bar + text_width (text) / 2 + text_width (zero) / 2, text_width (where)),
                   text_width (projection)) + 2 * pad;
  box_height = text_height (text) + 5 + text_height (where) + text_height (projection) + 2 * pad + 2;
  x = self->rtl ? self->map_x + 8 : self->map_x + self->map_width - 8 - box_width;
  y = self->map_y + self->map_height - 8 - box_height;
  box[0] = x;
  box[1] = y;
  box[2] = box_width;
  box[3] = box_height;
  if (!draw)
    return;

  cairo_rectangle (cr, x, y, box_width, box_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.45);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);

  {
    double bx = x + pad + text_width (zero) / 2, by = y + pad + text_height (text);

    /* Two halves, black and white, as on survey maps. */
    cairo_rectangle (cr, bx, by, bar / 2, 4);
    cairo_set_source_rgb (cr, 0.13, 0.13, 0.13);
    cairo_fill_preserve (cr);
    cairo_set_line_width (cr, 0.6);
    cairo_stroke (cr);
    cairo_rectangle (cr, bx + bar / 2, by, bar / 2, 4);
    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_fill_preserve (cr);
    cairo_set_source_rgb (cr, 0.13, 0.13, 0.13);
    cairo_stroke (cr);
    show_text (cr, zero, bx - text_width (zero) / 2, y + pad, &ink);
    show_text (cr, text, bx + bar - text_width (text) / 2, y + pad, &ink);
    show_text (cr, where, x + pad, by + 7, &muted);
    show_text (cr, projection, x + pad, by + 7 + text_height (where), &muted);
  }
}

/* ---- legend ---- */

static void
legend_append (GArray *entries, GArray *from)
{
  for (guint i = 0; i < from->len; i++)
    {
      LegendEntry copy = g_array_index (from, LegendEntry, i);
      copy.label = g_strdup (copy.label);
      g_array_append_val (entries, copy);
    }
}

/* The legend, then the key to the numbered places: an opaque column
 * beside the map frame, so that it covers no part of the map. */
static double
legend_width (MigmapPageLayout *self, double inner)
{
  return self->legend->len ? MIN (190.0, inner * 0.24) : 0;
}

static void
draw_legend (MigmapPageLayout *self, cairo_t *cr, double x, double y, double width)
{
  const double pad = 6, swatch = 9, gap = 5, size = 8;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (LegendEntry));
  double cy = y + pad, height;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);

  g_array_set_clear_func (entries, legend_entry_clear);
  legend_append (entries, self->legend);
  legend_append (entries, self->key);
  if (entries->len == 0)
    return;
  height = 2 * pad - 3;
  for (guint i = 0; i < entries->len; i++)
    {
      LegendEntry *entry = &g_array_index (entries, LegendEntry, i);
      gboolean indent = entry->kind == ENTRY_SWATCH || entry->kind == ENTRY_SYMBOL;
      double text_room = width - 2 * pad - (indent ? swatch + gap : 0);
      PangoLayout *layout = new_text (self, cr, entry->label, entry->kind == ENTRY_TEXT ? size - 0.5 : size,
                                      entry->kind == ENTRY_HEADING, FALSE, text_room);

      g_ptr_array_add (layouts, layout);
      height += MAX (text_height (layout), indent ? swatch : 0) + 3 + (entry->kind == ENTRY_HEADING && i ? 4 : 0);
    }

  cairo_rectangle (cr, x, y, width, height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.45);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);

  for (guint i = 0; i < entries->len; i++)
    {
      LegendEntry *entry = &g_array_index (entries, LegendEntry, i);
      PangoLayout *layout = g_ptr_array_index (layouts, i);
      gboolean indent = entry->kind == ENTRY_SWATCH || entry->kind == ENTRY_SYMBOL;
      double sx = self->rtl ? x + width - pad - swatch : x + pad;
      double tx = self->rtl ? x + pad : sx + (indent ? swatch + gap : 0);
      double h;

      if (entry->kind == ENTRY_HEADING && i)
        cy += 4;
      h = MAX (text_height (layout), indent ? swatch : 0);
      if (self->rtl)
        pango_layout_set_width (layout, (int) ((width - 2 * pad - (indent ? swatch + gap : 0)) * PANGO_SCALE));
      if (entry->kind == ENTRY_SYMBOL)
        migmap_marker_symbol_draw (cr, entry->symbol, entry->approximate, sx + swatch / 2, cy + h / 2,
                                   entry->approximate ? swatch / 3.0 : swatch / 2 - 0.5, &entry->color);
      else if (entry->kind == ENTRY_SWATCH)
        {
          cairo_rectangle (cr, sx, cy + MIN (h - swatch, 2.0) / 2, swatch, swatch);
          cairo_set_source_rgba (cr, entry->color.red, entry->color.green, entry->color.blue, entry->color.alpha);
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, 0, 0, 0, 0.4);
          cairo_set_line_width (cr, 0.5);
          cairo_stroke (cr);
        }
      show_text (cr, layout, tx, cy, entry->kind == ENTRY_TEXT ? &muted : &ink);
      cy += h + 3;
    }
}

/* ---- locator ---- */

/* Where a regional map lies in the world: a small world map in the corner
 * opposite the legend, the view outlined on it. */
static void
draw_locator (MigmapPageLayout *self, MigmapRenderer *renderer, cairo_t *cr, gboolean draw, double box[4])
{
  MigmapGeoBounds world = { -180, -60, 180, 85 };
  g_autoptr(MigmapViewport) inset = NULL;
  g_autoptr(MigmapRenderer) plain = NULL;
  double w = MIN (150.0, self->map_width * 0.2), h = w * (world.north - world.south) / 360.0;
  double west, south, east, north, x, y, x0, y0, x1, y1;

  box[0] = box[1] = box[2] = box[3] = 0;
  if (!migmap_viewport_screen_to_geo (self->map_viewport, 0, self->map_height, &west, &south) ||
      !migmap_viewport_screen_to_geo (self->map_viewport, self->map_width, 0, &east, &north) ||
      east - west > 120.0)
    return;
  x = self->rtl ? self->map_x + 8 : self->map_x + self->map_width - 8 - w;
  y = self->map_y + 8;
  box[0] = x;
  box[1] = y;
  box[2] = w;
  box[3] = h;
  if (!draw)
    return;

  inset = migmap_viewport_new ();
  migmap_viewport_set_projection (inset, MIGMAP_PROJECTION_EQUIRECTANGULAR);
  migmap_viewport_set_size (inset, w, h);
  migmap_viewport_fit_bounds (inset, &world);
  plain = migmap_renderer_new (migmap_renderer_get_shapes (renderer));
  migmap_renderer_set_show_labels (plain, FALSE);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_clip (cr);
  migmap_renderer_render (plain, inset, cr);
  if (migmap_viewport_geo_to_screen (inset, west, north, &x0, &y0) &&
      migmap_viewport_geo_to_screen (inset, east, south, &x1, &y1))
    {
      cairo_rectangle (cr, x0, y0, MAX (x1 - x0, 3), MAX (y1 - y0, 3));
      cairo_set_source_rgb (cr, 0.75, 0.1, 0.16);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.45);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
}

/* ---- the page ---- */

/* The disclaimer, then the footnotes of the features the view shows. */
static char *
notes_in_view (MigmapPageLayout *self, MigmapRenderer *renderer, MigmapViewport *view)
{
  GString *notes = g_string_new (self->disclaimer);
  MigmapShapeSet *shapes = migmap_renderer_get_shapes (renderer);
  double width, height, west, south, east, north;

  migmap_viewport_get_size (view, &width, &height);
  if (!migmap_viewport_screen_to_geo (view, 0, height, &west, &south) ||
      !migmap_viewport_screen_to_geo (view, width, 0, &east, &north))
    return g_string_free (notes, FALSE);
  for (guint i = 0; i < self->footnotes->len; i++)
    {
      const Footnote *note = &g_array_index (self->footnotes, Footnote, i);
      const MigmapFeature *feature = migmap_shape_set_lookup (shapes, note->code);

      if (feature == NULL || feature->bounds.east < west || feature->bounds.west > east ||
          feature->bounds.north < south || feature->bounds.south > north)
        continue;
      if (notes->len)
        g_string_append_c (notes, '\n');
      g_string_append (notes, note->text);
    }
  return g_string_free (notes, FALSE);
}

static void
fit_map_viewport (MigmapPageLayout *self, MigmapViewport *view)
{
  double view_width, view_height, cx, cy;

  migmap_viewport_get_size (view, &view_width, &view_height);
  migmap_viewport_get_center (view, &cx, &cy);
  g_clear_object (&self->map_viewport);
  self->map_viewport = migmap_viewport_copy (view);
  migmap_viewport_set_size (self->map_viewport, self->map_width, self->map_height);
  /* All that the user saw, as large as the paper allows. */
  migmap_viewport_set_resolution (self->map_viewport,
                                  migmap_viewport_get_resolution (view) *
                                  MAX (view_width / self->map_width, view_height / self->map_height));
  migmap_viewport_set_center (self->map_viewport, cx, cy);
}

static void
draw_map (MigmapPageLayout *self, MigmapRenderer *renderer, cairo_t *cr)
{
  cairo_save (cr);
  cairo_translate (cr, self->map_x, self->map_y);
  cairo_rectangle (cr, 0, 0, self->map_width, self->map_height);
  cairo_clip (cr);
  migmap_renderer_render (renderer, self->map_viewport, cr);
  cairo_restore (cr);
}

void
migmap_page_layout_render (MigmapPageLayout *self, MigmapRenderer *renderer, MigmapViewport *view,
                           cairo_t *cr, double width, double height)
{
  double margin = MIN (width, height) * 0.045;
  double inner = width - 2 * margin;
  double title_size = CLAMP (width * 0.028, 13.0, 22.0);
  double top, bottom;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) source = NULL;
  g_autoptr(PangoLayout) disclaimer = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *source_line = NULL;
  g_autofree char *notes = NULL;
  double table_height = 0;
  double boxes[2][4];

  g_return_if_fail (MIGMAP_IS_PAGE_LAYOUT (self));
  g_return_if_fail (MIGMAP_IS_RENDERER (renderer));
  g_return_if_fail (MIGMAP_IS_VIEWPORT (view));
  g_return_if_fail (cr != NULL && width > 0 && height > 0);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  if (self->map_only)
    {
      self->map_x = self->map_y = 0;
      self->map_width = width;
      self->map_height = height;
      fit_map_viewport (self, view);
      draw_map (self, renderer, cr);
      cairo_restore (cr);
      return;
    }

  title = new_text (self, cr, self->title ? self->title : "", title_size, TRUE, FALSE, inner);
  top = margin + text_height (title) + margin * 0.4;

  source_line = self->date ? g_strdup_printf ("%s · %s", self->source, self->date) : g_strdup (self->source);
  source = new_text (self, cr, source_line, 8, FALSE, FALSE, inner);
  notes = notes_in_view (self, renderer, view);
  disclaimer = new_text (self, cr, notes, 7.5, FALSE, TRUE, inner);
  bottom = height - margin - text_height (disclaimer) - 2 - text_height (source) - margin * 0.3;

  /* The projects shown, when the page has room to spare for them. */
  if (self->table->len)
    {
      double available = (bottom - top) * 0.3;
      PangoLayout *heading = new_text (self, cr, self->table_title ? self->table_title : "", 9, TRUE, FALSE, inner);

      table_height = text_height (heading) + 4;
      g_ptr_array_add (rows, heading);
      for (guint i = 0; i < self->table->len; i++)
        {
          TableRow *row = &g_array_index (self->table, TableRow, i);
          g_autofree char *line = row->detail ? g_strdup_printf ("%s — %s", row->title, row->detail)
                                              : g_strdup (row->title);
          PangoLayout *layout = new_text (self, cr, line, 7.5, FALSE, FALSE, inner);

          if (table_height + text_height (layout) > available)
            {
              g_object_unref (layout);
              break;
            }
          table_height += text_height (layout) + 1;
          g_ptr_array_add (rows, layout);
        }
      /* A heading with no row under it would be worse than no table. */
      if (rows->len < 2)
        {
          g_ptr_array_set_size (rows, 0);
          table_height = 0;
        }
    }

  {
    double legend_w = legend_width (self, inner), legend_gap = legend_w ? margin * 0.4 : 0;

    self->map_x = self->rtl ? margin + legend_w + legend_gap : margin;
    self->map_y = top;
    self->map_width = inner - legend_w - legend_gap;
    self->map_height = bottom - top - (table_height ? table_height + margin * 0.4 : 0);
    fit_map_viewport (self, view);

    show_text (cr, title, margin, margin, &ink);
    /* Map labels keep clear of the scale bar and the locator. */
    draw_scale_bar (self, cr, FALSE, boxes[0]);
    draw_locator (self, renderer, cr, FALSE, boxes[1]);
    for (guint i = 0; i < 2; i++)
      {
        boxes[i][0] -= self->map_x + 4;
        boxes[i][1] -= self->map_y + 4;
        boxes[i][2] += 8;
        boxes[i][3] += 8;
      }
    migmap_renderer_set_label_obstacles (renderer, &boxes[0][0], 2);
    migmap_renderer_set_number_places (renderer, TRUE);
    draw_map (self, renderer, cr);
    migmap_renderer_set_number_places (renderer, FALSE);
    migmap_renderer_set_label_obstacles (renderer, NULL, 0);
    cairo_rectangle (cr, self->map_x, self->map_y, self->map_width, self->map_height);
    cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
    cairo_set_line_width (cr, 0.75);
    cairo_stroke (cr);
    draw_locator (self, renderer, cr, TRUE, boxes[1]);
    draw_scale_bar (self, cr, TRUE, boxes[0]);

    /* The places the map had no room to name, by the numbers it gave them. */
    {
      const char * const *numbered = migmap_renderer_get_numbered_places (renderer);

      g_array_set_size (self->key, 0);
      if (numbered[0])
        {
          LegendEntry heading = { .label = g_strdup (_("Places numbered on the map")), .kind = ENTRY_HEADING };
          g_array_append_val (self->key, heading);
        }
      for (guint i = 0; numbered[i]; i++)
        {
          LegendEntry entry = { .label = g_strdup_printf ("%u  %s", i + 1, numbered[i]), .kind = ENTRY_TEXT };
          g_array_append_val (self->key, entry);
        }
    }
    if (legend_w)
      draw_legend (self, cr, self->rtl ? margin : self->map_x + self->map_width + legend_gap, self->map_y, legend_w);
  }

  if (rows->len)
    {
      double y = self->map_y + self->map_height + margin * 0.4;

      for (guint i = 0; i < rows->len; i++)
        {
          PangoLayout *layout = g_ptr_array_index (rows, i);
          show_text (cr, layout, margin, y, i == 0 ? &ink : &muted);
          y += text_height (layout) + (i == 0 ? 4 : 1);
        }
    }

  show_text (cr, source, margin, bottom + margin * 0.3, &muted);
  show_text (cr, disclaimer, margin, bottom + margin * 0.3 + text_height (source) + 2, &muted);
  cairo_restore (cr);
}

void
migmap_page_layout_get_map_area (MigmapPageLayout *self, double *x, double *y, double *width, double *height)
{
  g_return_if_fail (MIGMAP_IS_PAGE_LAYOUT (self));

  if (x)
    *x = self->map_x;
  if (y)
    *y = self->map_y;
  if (width)
    *width = self->map_width;
  if (height)
    *height = self->map_height;
}

MigmapViewport *
migmap_page_layout_get_map_viewport (MigmapPageLayout *self)
{
  g_return_val_if_fail (MIGMAP_IS_PAGE_LAYOUT (self), NULL);
  return self->map_viewport;
}

gboolean
migmap_paper_size_lookup (const char *name, gboolean landscape, double *width, double *height)
{
  static const struct { const char *name; double w, h; } papers[] = {
    { "a4", 595.276, 841.890 },
    { "a3", 841.890, 1190.551 },
    { "letter", 612.0, 792.0 },
  };

  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (name, papers[i].name) == 0)
      {
        *width = landscape ? papers[i].h : papers[i].w;
        *height = landscape ? papers[i].w : papers[i].h;
        return TRUE;
      }
  return FALSE;
}
