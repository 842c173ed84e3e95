/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-renderer-labels.c: marker dots and the labels of markers and
 * countries, placed so that none covers another or a label obstacle
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
  gpointer packed;

  if (g_hash_table_lookup_extended (self->text_sizes, text, NULL, &packed))
    {
      *width = GPOINTER_TO_UINT (packed) >> 16;
      *height = GPOINTER_TO_UINT (packed) & 0xffff;
      return;
    }
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, width, height);
  g_hash_table_insert (self->text_sizes, g_strdup (text),
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
create_label_layout (RenderContext *ctx)
{
  PangoLayout *layout = pango_cairo_create_layout (ctx->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, ctx->self->style.label_family);
  pango_font_description_set_absolute_size (font, ctx->self->style.label_size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  return layout;
}

static void
draw_markers (RenderContext *ctx, PangoLayout *layout, GArray *placed)
{
  cairo_t *cr = ctx->cr;
  double width, height;
  g_autoptr(GArray) on_screen = g_array_new (FALSE, FALSE, sizeof (double) * 3);

  /* Every dot first, so that no label is then drawn across one. */
  migmap_viewport_get_size (ctx->viewport, &width, &height);
  for (guint i = 0; i < ctx->self->markers->len; i++)
    {
      const Marker *marker = &g_array_index (ctx->self->markers, Marker, i);
      double at[3] = { 0, 0, i };
      Rect dot;

      if (!migmap_viewport_geo_to_screen (ctx->viewport, marker->lon, marker->lat, &at[0], &at[1]) ||
          at[0] < -MARKER_RADIUS || at[1] < -MARKER_RADIUS || at[0] > width + MARKER_RADIUS || at[1] > height + MARKER_RADIUS)
        continue;
      cairo_new_path (cr);
      cairo_arc (cr, at[0], at[1], MARKER_RADIUS, 0, 2 * G_PI);
      set_source (cr, &marker->color);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      dot = (Rect) { at[0] - MARKER_RADIUS, at[1] - MARKER_RADIUS, at[0] + MARKER_RADIUS, at[1] + MARKER_RADIUS };
      g_array_append_val (placed, dot);
      g_array_append_vals (on_screen, at, 1);
    }

  for (guint i = 0; i < on_screen->len; i++)
    {
      const double *at = &g_array_index (on_screen, double, 3 * i);
      const Marker *marker = &g_array_index (ctx->self->markers, Marker, (guint) at[2]);
      double sx = at[0], sy = at[1];
      int tw, th;
      Rect r;

      if (marker->label == NULL || *marker->label == '\0')
        continue;
      measure_text (ctx->self, layout, marker->label, &tw, &th);
      r = (Rect) { sx + MARKER_RADIUS + 2, sy - th / 2.0, sx + MARKER_RADIUS + 2 + tw, sy + th / 2.0 };
      if (rect_overlaps_any (placed, &r) || !rect_inside (&r, width, height))
        {
          /* Try the left side before giving up. */
          r = (Rect) { sx - MARKER_RADIUS - 2 - tw, sy - th / 2.0, sx - MARKER_RADIUS - 2, sy + th / 2.0 };
          if (rect_overlaps_any (placed, &r) || !rect_inside (&r, width, height))
            continue;
        }
      draw_text (ctx, layout, marker->label, r.x0, r.y0);
      g_array_append_val (placed, r);
    }
}

static void
draw_country_labels (RenderContext *ctx, PangoLayout *layout, GArray *placed)
{
  MigmapRenderer *self = ctx->self;
  guint n_features = migmap_shape_set_get_n_features (self->shapes);
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
      double sx, sy, wx0, wy0, wx1, wy1;
      int tw, th;
      Rect r;

      if (!feature_visible (ctx, feature))
        continue;
      if (!migmap_viewport_geo_to_screen (ctx->viewport, feature->label_lon, feature->label_lat, &sx, &sy) ||
          sx < 0 || sy < 0 || sx > width || sy > height)
        continue;
      /* The width of the main polygon along the label's parallel. */
      if (!migmap_viewport_geo_to_screen (ctx->viewport, feature->label_bounds.west, feature->label_lat, &wx0, &wy0) ||
          !migmap_viewport_geo_to_screen (ctx->viewport, feature->label_bounds.east, feature->label_lat, &wx1, &wy1))
        continue;
      if (hypot (wx1 - wx0, wy1 - wy0) < 24.0)
        continue;

      measure_text (self, layout, label_for (self, feature), &tw, &th);
      if (tw > 0.9 * hypot (wx1 - wx0, wy1 - wy0))
        continue;
      r = (Rect) { sx - tw / 2.0, sy - th / 2.0, sx + tw / 2.0, sy + th / 2.0 };
      if (!rect_inside (&r, width, height) || rect_overlaps_any (placed, &r))
        continue;
      draw_text (ctx, layout, label_for (self, feature), r.x0, r.y0);
      g_array_append_val (placed, r);
    }
}

void
_migmap_renderer_draw_labels (RenderContext *ctx)
{
  MigmapRenderer *self = ctx->self;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Rect));
  g_autoptr(PangoLayout) layout = create_label_layout (ctx);

  for (guint i = 0; i < self->obstacles->len; i++)
    {
      const double *o = &g_array_index (self->obstacles, double, 4 * i);
      Rect r = { o[0], o[1], o[2], o[3] };
      g_array_append_val (placed, r);
    }
  draw_markers (ctx, layout, placed);
  if (self->show_labels)
    draw_country_labels (ctx, layout, placed);
}
