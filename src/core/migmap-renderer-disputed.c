/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-renderer-disputed.c: disputed boundaries, drawn dashed over the
 * borders.  The lines are shapes/disputed_lines.shp beside the country
 * shapes (made by tools/build-disputed-lines.sh); a shape set without one
 * (a user's own shapes) simply has none. */

#include "config.h"

#include "migmap-renderer-private.h"

#include <math.h>
#include <shapefil.h>

/* The lines are a few thousand points; a file far larger is not ours. */
#define MAX_POINTS 200000

/* Lon/lat pairs; a NAN pair ends a line. */
static GArray *
read_lines (const char *path)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  SHPHandle shp;
  int n_records = 0, type = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  shp = SHPOpen (path, "rb");
  if (shp == NULL)
    {
      g_message ("%s: not a shapefile; disputed boundaries are drawn solid", path);
      return NULL;
    }
  SHPGetInfo (shp, &n_records, &type, NULL, NULL);
  if (type != SHPT_ARC)
    {
      g_message ("%s: shape type %d is not lines; disputed boundaries are drawn solid", path, type);
      SHPClose (shp);
      return NULL;
    }
  for (int i = 0; i < n_records; i++)
    {
      SHPObject *obj = SHPReadObject (shp, i);

      if (obj == NULL)
        continue;
      if (points->len + (guint) obj->nVertices + (guint) obj->nParts > MAX_POINTS)
        {
          g_message ("%s: record %d: more than %d points; the rest is left out", path, i, MAX_POINTS);
          SHPDestroyObject (obj);
          break;
        }
      for (int part = 0; part < MAX (obj->nParts, 1); part++)
        {
          int start = obj->nParts > 0 ? obj->panPartStart[part] : 0;
          int end = part + 1 < obj->nParts ? obj->panPartStart[part + 1] : obj->nVertices;
          const double stop[2] = { NAN, NAN };

          for (int v = CLAMP (start, 0, obj->nVertices); v < CLAMP (end, 0, obj->nVertices); v++)
            {
              const double p[2] = { obj->padfX[v], obj->padfY[v] };

              if (isfinite (p[0]) && isfinite (p[1]))
                g_array_append_val (points, p);
            }
          g_array_append_val (points, stop);
        }
      SHPDestroyObject (obj);
    }
  SHPClose (shp);
  return g_steal_pointer (&points);
}

static GArray *
get_lines (MigmapRenderer *self)
{
  const char *shapes_path;

  if (self->disputed_loaded)
    return self->disputed;
  self->disputed_loaded = TRUE;
  shapes_path = migmap_shape_set_get_path (self->shapes);
  if (shapes_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (shapes_path);
      g_autofree char *path = g_build_filename (dir, "disputed_lines.shp", NULL);

      self->disputed = read_lines (path);
    }
  return self->disputed;
}

void
_migmap_renderer_clear_disputed (MigmapRenderer *self)
{
  g_clear_pointer (&self->disputed, g_array_unref);
  self->disputed_loaded = FALSE;
}

void
_migmap_renderer_draw_disputed (RenderContext *ctx)
{
  MigmapRenderer *self = ctx->self;
  GArray *lines = get_lines (self);
  cairo_t *cr = ctx->cr;
  double width, height;
  gboolean pen_down = FALSE, any = FALSE;
  double last_x = 0, last_y = 0;
  /* Dashes a reader sees as dashes at any scale; a gap clears the border
   * drawn beneath, so the line reads as broken rather than doubled. */
  const double dashes[] = { 4.0, 3.0 };
  const double gaps[] = { 3.0, 4.0 };

  if (lines == NULL || lines->len == 0)
    return;
  migmap_viewport_get_size (ctx->viewport, &width, &height);
  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < lines->len; i++)
    {
      const double *p = &g_array_index (lines, double, 2 * i);
      double x, y;

      if (isnan (p[0]) || !migmap_viewport_geo_to_screen (ctx->viewport, p[0], p[1], &x, &y))
        {
          pen_down = FALSE;
          continue;
        }
      /* A jump across the map is a line cut by the projection's edge. */
      if (pen_down && (fabs (x - last_x) > width / 2 || fabs (y - last_y) > height / 2))
        pen_down = FALSE;
      if (pen_down)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      pen_down = TRUE;
      any = TRUE;
      last_x = x;
      last_y = y;
    }
  if (any)
    {
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_width (cr, self->style.border_width + 1.2);
      cairo_set_dash (cr, gaps, G_N_ELEMENTS (gaps), 4.0);
      set_source (cr, &self->style.land);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, MAX (self->style.border_width, 1.0));
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0.0);
      set_source (cr, &self->style.border);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}
