/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-renderer-labels.c: place symbols and the labels of places and
 * countries, placed so that none covers another or a label obstacle
 *
 * Labels go by importance, as on a printed map: the countries of the
 * visible layers (with a leader line when the country is too small to hold
 * its name), the selected country, every place (named, or numbered for a
 * key when there is no room), then other countries as room allows.
 */
#include "config.h"

#include "migmap-renderer-private.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "migmap-text-sink.h"

typedef struct {
  double x0, y0, x1, y1;
} Rect;

static const char *
label_for (MigmapRenderer *self, const MigmapFeature *feature)
{
  const char *name = self->label_func ? self->label_func (feature->code, self->label_data) : NULL;
  return name ? name : feature->name;
}

static gboolean
rect_overlaps_any (GArray *placed, const Rect *r)
{
  for (guint i = 0; i < placed->len; i++)
    {
      const Rect *o = &g_array_index (placed, Rect, i);
      if (r->x0 < o->x1 && o->x0 < r->x1 && r->y0 < o->y1 && o->y0 < r->y1)
        return TRUE;
    }
  return FALSE;
}

static gboolean
rect_inside (const Rect *r, double width, double height)
{
  return r->x0 >= 0 && r->y0 >= 0 && r->x1 <= width && r->y1 <= height;
}

static void
measure_text (MigmapRenderer *self, PangoLayout *layout, const char *text, int *width, int *height)
{
  /* Labels come in several fonts (bold for the layers' countries): the
   * cache is keyed by font and text. */
  g_autofree char *font = pango_font_description_to_string (pango_layout_get_font_description (layout));
  g_autofree char *key = g_strconcat (font, "\x1f", text, NULL);
  gpointer packed;

  if (g_hash_table_lookup_extended (self->text_sizes, key, NULL, &packed))
    {
      *width = GPOINTER_TO_UINT (packed) >> 16;
      *height = GPOINTER_TO_UINT (packed) & 0xffff;
      return;
    }
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, width, height);
  g_hash_table_insert (self->text_sizes, g_steal_pointer (&key),
                       GUINT_TO_POINTER (((guint) MIN (*width, 0xffff) << 16) | (guint) MIN (*height, 0xffff)));
}

static void
draw_text (RenderContext *ctx, PangoLayout *layout, const char *text, double x, double y)
{
  cairo_t *cr = ctx->cr;

  pango_layout_set_text (layout, text, -1);
  if (ctx->image)
    {
      /* Offset copies of cached glyphs: far cheaper than stroking outlines. */
      static const double offsets[][2] = { { -1, 0 }, { 1, 0 }, { 0, -1 }, { 0, 1 },
                                           { -1, -1 }, { 1, 1 }, { -1, 1 }, { 1, -1 } };

      set_source (cr, &ctx->self->style.label_halo);
      for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
        {
          cairo_move_to (cr, x + offsets[i][0], y + offsets[i][1]);
          pango_cairo_show_layout (cr, layout);
        }
      cairo_move_to (cr, x, y);
      set_source (cr, &ctx->self->style.label);
      pango_cairo_show_layout (cr, layout);
      return;
    }
  cairo_move_to (cr, x, y);
  migmap_show_layout (cr, layout, &ctx->self->style.label, &ctx->self->style.label_halo, 3.0);
}

static gboolean
is_priority (MigmapRenderer *self, const char *code)
{
  if (g_strcmp0 (self->selected, code) == 0 || g_hash_table_contains (self->emphasis, code))
    return TRUE;
  for (guint i = 0; i < self->layers->len; i++)
    {
      const Layer *layer = g_ptr_array_index (self->layers, i);
      if (layer->visible && g_hash_table_contains (layer->codes, code))
        return TRUE;
    }
  return FALSE;
}

/* Does the segment from (ax, ay) to (bx, by) cross any placed rectangle? */
static gboolean
segment_overlaps_any (GArray *placed, double ax, double ay, double bx, double by)
{
  for (int k = 1; k < 12; k++)
    {
      double x = ax + (bx - ax) * k / 12.0, y = ay + (by - ay) * k / 12.0;
      Rect point = { x - 0.5, y - 0.5, x + 0.5, y + 0.5 };
      if (rect_overlaps_any (placed, &point))
        return TRUE;
    }
  return FALSE;
}

static int
compare_label_size (gconstpointer a, gconstpointer b, gpointer user_data)
{
  MigmapShapeSet *shapes = user_data;
  const MigmapFeature *fa = migmap_shape_set_get_feature (shapes, *(const guint *) a);
  const MigmapFeature *fb = migmap_shape_set_get_feature (shapes, *(const guint *) b);
  double area_a = (fa->label_bounds.east - fa->label_bounds.west) * (fa->label_bounds.north - fa->label_bounds.south);
  double area_b = (fb->label_bounds.east - fb->label_bounds.west) * (fb->label_bounds.north - fb->label_bounds.south);

  return (area_a < area_b) - (area_a > area_b);
}

static PangoLayout *
create_label_layout (RenderContext *ctx, double size, gboolean bold)
{
  PangoLayout *layout = pango_cairo_create_layout (ctx->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, ctx->self->style.label_family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  return layout;
}

static void
symbol_path (cairo_t *cr, MigmapMarkerSymbol symbol, double x, double y, double r)
{
  cairo_new_path (cr);
  switch (symbol)
    {
    case MIGMAP_MARKER_OFFICE:
      cairo_rectangle (cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case MIGMAP_MARKER_VENUE:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.05, y + r * 0.75);
      cairo_line_to (cr, x - r * 1.05, y + r * 0.75);
      cairo_close_path (cr);
      break;
    case MIGMAP_MARKER_TRAINING_CENTRE:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
      break;
    case MIGMAP_MARKER_BORDER_CROSSING:
      /* A gate: a bar across the border line. */
      cairo_rectangle (cr, x - r * 1.2, y - r * 0.5, r * 2.4, r);
      break;
    case MIGMAP_MARKER_CITY:
    default:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

/* A point known only to its country or region is drawn hollow and dashed,
 * and larger: it stands for an area, not a spot. */
void
migmap_marker_symbol_draw (cairo_t *cr, MigmapMarkerSymbol symbol, gboolean approximate,
                           double x, double y, double radius, const MigmapColor *color)
{
  g_return_if_fail (cr != NULL && color != NULL);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  if (approximate)
    {
      const double dash[] = { 2.0, 1.6 };

      symbol_path (cr, symbol, x, y, radius * 1.5);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.55);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_set_line_width (cr, 3.0);
      cairo_stroke_preserve (cr);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      set_source (cr, color);
      cairo_set_line_width (cr, 1.4);
      cairo_stroke (cr);
    }
  else
    {
      symbol_path (cr, symbol, x, y, radius);
      set_source (cr, color);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.3);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* Eight places around a point, nearest first, for a label @tw x @th whose
 * nearest edge stays @gap away from it. */
static Rect
candidate (guint k, double x, double y, double gap, double tw, double th)
{
  switch (k)
    {
    case 0: return (Rect) { x + gap, y - th / 2, x + gap + tw, y + th / 2 };
    case 1: return (Rect) { x - gap - tw, y - th / 2, x - gap, y + th / 2 };
    case 2: return (Rect) { x + gap * 0.7, y - gap * 0.7 - th, x + gap * 0.7 + tw, y - gap * 0.7 };
    case 3: return (Rect) { x + gap * 0.7, y + gap * 0.7, x + gap * 0.7 + tw, y + gap * 0.7 + th };
    case 4: return (Rect) { x - gap * 0.7 - tw, y - gap * 0.7 - th, x - gap * 0.7, y - gap * 0.7 };
    case 5: return (Rect) { x - gap * 0.7 - tw, y + gap * 0.7, x - gap * 0.7, y + gap * 0.7 + th };
    case 6: return (Rect) { x - tw / 2, y - gap - th, x + tw / 2, y - gap };
    default: return (Rect) { x - tw / 2, y + gap, x + tw / 2, y + gap + th };
    }
}

static gboolean
find_room (GArray *placed, double width, double height, double x, double y, double gap,
           double tw, double th, Rect *out)
{
  for (guint k = 0; k < 8; k++)
    {
      Rect r = candidate (k, x, y, gap, tw, th);
      if (rect_inside (&r, width, height) && !rect_overlaps_any (placed, &r))
        {
          *out = r;
          return TRUE;
        }
    }
  return FALSE;
}

typedef struct {
  double x, y;
  guint  index;
} OnScreen;

static GArray *
draw_marker_symbols (RenderContext *ctx, GArray *placed)
{
  double width, height;
  GArray *on_screen = g_array_new (FALSE, FALSE, sizeof (OnScreen));

  /* Every symbol first, so that no label is then drawn across one;
   * approximate ones under exact ones, as they stand for larger areas. */
  migmap_viewport_get_size (ctx->viewport, &width, &height);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < ctx->self->markers->len; i++)
      {
        const Marker *marker = &g_array_index (ctx->self->markers, Marker, i);
        OnScreen at = { 0, 0, i };
        double r = marker->approximate ? MARKER_RADIUS * 1.5 : MARKER_RADIUS;
        Rect dot;

        if (marker->approximate != (pass == 0))
          continue;
        if (!migmap_viewport_geo_to_screen (ctx->viewport, marker->lon, marker->lat, &at.x, &at.y) ||
            at.x < -MARKER_RADIUS || at.y < -MARKER_RADIUS || at.x > width + MARKER_RADIUS || at.y > height + MARKER_RADIUS)
          continue;
        migmap_marker_symbol_draw (ctx->cr, marker->symbol, marker->approximate, at.x, at.y, MARKER_RADIUS, &marker->color);
        dot = (Rect) { at.x - r, at.y - r, at.x + r, at.y + r };
        g_array_append_val (placed, dot);
        g_array_append_val (on_screen, at);
      }
  return on_screen;
}

static void
draw_marker_labels (RenderContext *ctx, PangoLayout *layout, PangoLayout *number_layout,
                    GArray *on_screen, GArray *placed)
{
  MigmapRenderer *self = ctx->self;
  double width, height;
  g_autoptr(GArray) unplaced = g_array_new (FALSE, FALSE, sizeof (guint));

  migmap_viewport_get_size (ctx->viewport, &width, &height);
  for (guint i = 0; i < on_screen->len; i++)
    {
      const OnScreen *at = &g_array_index (on_screen, OnScreen, i);
      const Marker *marker = &g_array_index (self->markers, Marker, at->index);
      double gap = (marker->approximate ? MARKER_RADIUS * 1.5 : MARKER_RADIUS) + 2;
      int tw, th;
      Rect r;

      if (marker->label == NULL || *marker->label == '\0')
        continue;
      measure_text (self, layout, marker->label, &tw, &th);
      if (!find_room (placed, width, height, at->x, at->y, gap, tw, th, &r))
        {
          g_array_append_val (unplaced, i);
          continue;
        }
      draw_text (ctx, layout, marker->label, r.x0, r.y0);
      g_array_append_val (placed, r);
    }

  /* No room for the name: a number by the symbol, and the name in the key
   * the page draws beside its legend. */
  for (guint u = 0; u < unplaced->len && self->number_places; u++)
    {
      const OnScreen *at = &g_array_index (on_screen, OnScreen, g_array_index (unplaced, guint, u));
      const Marker *marker = &g_array_index (self->markers, Marker, at->index);
      double gap = (marker->approximate ? MARKER_RADIUS * 1.5 : MARKER_RADIUS) + 1;
      g_autofree char *number = g_strdup_printf ("%u", self->numbered->len);
      int tw, th;
      Rect r;

      measure_text (self, number_layout, number, &tw, &th);
      pango_layout_set_text (number_layout, number, -1);
      if (!find_room (placed, width, height, at->x, at->y, gap, tw, th, &r))
        r = candidate (0, at->x, at->y, gap, tw, th);
      draw_text (ctx, number_layout, number, r.x0, r.y0);
      g_array_append_val (placed, r);
      g_ptr_array_insert (self->numbered, self->numbered->len - 1, g_strdup (marker->label));
    }
}

static void
draw_leader_label (RenderContext *ctx, PangoLayout *layout, const char *text, double sx, double sy,
                   double tw, double th, GArray *placed)
{
  double width, height;

  migmap_viewport_get_size (ctx->viewport, &width, &height);
  for (double gap = 14; gap <= 112; gap += 14)
    for (guint k = 0; k < 8; k++)
      {
        Rect r = candidate (k, sx, sy, gap, tw, th);
        double ex = CLAMP (sx, r.x0, r.x1), ey = CLAMP (sy, r.y0, r.y1);

        if (!rect_inside (&r, width, height) || rect_overlaps_any (placed, &r) ||
            segment_overlaps_any (placed, sx + (ex - sx) * 0.25, sy + (ey - sy) * 0.25, ex, ey))
          continue;
        /* The line stops short of the country, whose colour stays in view. */
        double length = hypot (ex - sx, ey - sy), ax = sx + (ex - sx) * 3.0 / MAX (length, 3.0),
               ay = sy + (ey - sy) * 3.0 / MAX (length, 3.0);

        cairo_save (ctx->cr);
        cairo_new_path (ctx->cr);
        cairo_move_to (ctx->cr, ax, ay);
        cairo_line_to (ctx->cr, ex, ey);
        cairo_set_source_rgba (ctx->cr, 1, 1, 1, 0.8);
        cairo_set_line_width (ctx->cr, 2.2);
        cairo_stroke_preserve (ctx->cr);
        set_source (ctx->cr, &ctx->self->style.label);
        cairo_set_line_width (ctx->cr, 0.7);
        cairo_stroke (ctx->cr);
        cairo_restore (ctx->cr);
        draw_text (ctx, layout, text, r.x0, r.y0);
        g_array_append_val (placed, r);
        return;
      }
}

/* A priority country whose label point is out of view (Libya, Egypt and
 * Algeria on a Mediterranean page) is labelled inside the part in view:
 * the free spot nearest the middle of that part. */
static gboolean
label_in_visible_part (RenderContext *ctx, const MigmapFeature *feature, double tw, double th,
                       GArray *placed, Rect *out)
{
  double width, height, x0, y0, x1, y1, ax, ay, bx, by;
  double best = G_MAXDOUBLE;
  const int steps = 6;

  /* Up to a hundred point-in-country tests per country: for print and
   * export, not for every interactive frame. */
  if (ctx->self->quality == MIGMAP_RENDER_QUALITY_FAST)
    return FALSE;
  migmap_viewport_get_size (ctx->viewport, &width, &height);
  if (!migmap_viewport_geo_to_screen (ctx->viewport, feature->bounds.west, feature->bounds.north, &ax, &ay) ||
      !migmap_viewport_geo_to_screen (ctx->viewport, feature->bounds.east, feature->bounds.south, &bx, &by))
    return FALSE;
  x0 = MAX (MIN (ax, bx), 0) + tw / 2 + 4;
  x1 = MIN (MAX (ax, bx), width) - tw / 2 - 4;
  y0 = MAX (MIN (ay, by), 0) + th / 2 + 4;
  y1 = MIN (MAX (ay, by), height) - th / 2 - 4;
  if (x1 < x0 || y1 < y0)
    return FALSE;
  for (int i = 0; i <= steps; i++)
    for (int j = 0; j <= steps; j++)
      {
        double x = x0 + (x1 - x0) * i / steps, y = y0 + (y1 - y0) * j / steps, lon, lat;
        double d = hypot (x - (x0 + x1) / 2, y - (y0 + y1) / 2);
        Rect r = { x - tw / 2, y - th / 2, x + tw / 2, y + th / 2 };
        gboolean inside = TRUE;

        if (d >= best || rect_overlaps_any (placed, &r))
          continue;
        /* The label's middle and both ends on the country's land. */
        for (int k = -1; k <= 1 && inside; k++)
          inside = migmap_viewport_screen_to_geo (ctx->viewport, x + k * tw / 2, y, &lon, &lat) &&
                   migmap_shape_set_feature_near (ctx->self->shapes, lon, lat, 0) == feature;
        if (!inside)
          continue;
        best = d;
        *out = r;
      }
  return best < G_MAXDOUBLE;
}

typedef enum {
  COUNTRIES_INSIDE,    /* the visible layers' countries, on their land */
  COUNTRIES_LEADER,    /* those of them still unlabelled, off to one side */
  COUNTRIES_OTHERS,    /* the rest, where there is room */
} CountryPass;

static void
draw_country_labels (RenderContext *ctx, PangoLayout *layout, PangoLayout *bold, GArray *placed,
                     CountryPass pass, GHashTable *labelled)
{
  MigmapRenderer *self = ctx->self;
  guint n_features = migmap_shape_set_get_n_features (self->shapes);
  gboolean priority = pass != COUNTRIES_OTHERS;
  double width, height;

  if (self->label_order == NULL)
    {
      self->label_order = g_new (guint, n_features);
      for (guint f = 0; f < n_features; f++)
        self->label_order[f] = f;
      g_qsort_with_data (self->label_order, n_features, sizeof (guint), compare_label_size, self->shapes);
    }

  migmap_viewport_get_size (ctx->viewport, &width, &height);
  for (guint k = 0; k < n_features; k++)
    {
      const MigmapFeature *feature = migmap_shape_set_get_feature (self->shapes, self->label_order[k]);
      PangoLayout *font = priority ? bold : layout;
      double sx, sy, wx0, wy0, wx1, wy1, span;
      gboolean point_in_view;
      const char *text;
      int tw, th;
      Rect r;

      if (!feature_visible (ctx, feature) || is_priority (self, feature->code) != priority ||
          g_hash_table_contains (labelled, feature->code))
        continue;
      text = label_for (self, feature);
      measure_text (self, font, text, &tw, &th);
      point_in_view = migmap_viewport_geo_to_screen (ctx->viewport, feature->label_lon, feature->label_lat, &sx, &sy) &&
                      sx >= 0 && sy >= 0 && sx <= width && sy <= height;

      if (pass == COUNTRIES_LEADER)
        {
          /* Too small for its name (Malta, Lebanon, Cabo Verde), or crowded:
           * a country the map is about still gets its name, off to one side. */
          if (point_in_view)
            draw_leader_label (ctx, font, text, sx, sy, tw, th, placed);
          continue;
        }

      if (point_in_view &&
          migmap_viewport_geo_to_screen (ctx->viewport, feature->label_bounds.west, feature->label_lat, &wx0, &wy0) &&
          migmap_viewport_geo_to_screen (ctx->viewport, feature->label_bounds.east, feature->label_lat, &wx1, &wy1) &&
          (span = hypot (wx1 - wx0, wy1 - wy0)) >= 24.0 && tw <= 0.9 * span)
        {
          /* Centred, or nudged up or down off a place's symbol or label. */
          static const double nudges[] = { 0, -1, 1, -2, 2 };
          gboolean found = FALSE;

          for (guint n = 0; n < G_N_ELEMENTS (nudges) && !found; n++)
            {
              r = (Rect) { sx - tw / 2.0, sy - th / 2.0 + nudges[n] * th * 0.8,
                           sx + tw / 2.0, sy + th / 2.0 + nudges[n] * th * 0.8 };
              found = rect_inside (&r, width, height) && !rect_overlaps_any (placed, &r);
            }
          if (!found && priority)
            found = label_in_visible_part (ctx, feature, tw, th, placed, &r);
          if (!found)
            continue;
        }
      else if (!(priority && label_in_visible_part (ctx, feature, tw, th, placed, &r)))
        continue;
      draw_text (ctx, font, text, r.x0, r.y0);
      g_array_append_val (placed, r);
      g_hash_table_add (labelled, feature->code);
    }
}

void
_migmap_renderer_draw_labels (RenderContext *ctx)
{
  MigmapRenderer *self = ctx->self;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Rect));
  g_autoptr(GArray) on_screen = NULL;
  g_autoptr(GHashTable) labelled = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) bold = NULL;
  g_autoptr(PangoLayout) place_layout = NULL;
  g_autoptr(PangoLayout) number_layout = NULL;

  g_ptr_array_set_size (self->numbered, 0);
  g_ptr_array_add (self->numbered, NULL);
  for (guint i = 0; i < self->obstacles->len; i++)
    {
      const double *o = &g_array_index (self->obstacles, double, 4 * i);
      Rect r = { o[0], o[1], o[2], o[3] };
      g_array_append_val (placed, r);
    }
  on_screen = draw_marker_symbols (ctx, placed);
  /* Nothing to write: no layout, so no font map, whose fontconfig start-up
   * is a good part of a snapshot without labels. */
  if (!self->show_labels && on_screen->len == 0)
    return;
  layout = create_label_layout (ctx, self->style.label_size, FALSE);
  bold = create_label_layout (ctx, self->style.label_size, TRUE);
  place_layout = create_label_layout (ctx, self->style.label_size * 0.9, FALSE);
  number_layout = create_label_layout (ctx, self->style.label_size * 0.85, TRUE);
  if (self->show_labels)
    draw_country_labels (ctx, layout, bold, placed, COUNTRIES_INSIDE, labelled);
  draw_marker_labels (ctx, place_layout, number_layout, on_screen, placed);
  if (self->show_labels)
    {
      draw_country_labels (ctx, layout, bold, placed, COUNTRIES_LEADER, labelled);
      draw_country_labels (ctx, layout, bold, placed, COUNTRIES_OTHERS, labelled);
    }
}
