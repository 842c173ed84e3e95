/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-shape-set-index.c: a grid over the globe for point queries
 *
 * The index stores, for each grid cell, the edges that touch it and whether the
 * cell's centre lies inside each country having edges there.  A query then only
 * counts crossings between the query point and the cell centre, so it touches a
 * handful of edges instead of whole coastlines.
 */
#include "migmap-shape-set-private.h"

#include <math.h>

#define CELL_DEG MIGMAP_SHAPE_SET_CELL_DEG
#define GRID_COLS MIGMAP_SHAPE_SET_GRID_COLS
#define GRID_ROWS MIGMAP_SHAPE_SET_GRID_ROWS

/* Crossings are (row, x) pairs: by row, then by x. */
static int
compare_crossings (gconstpointer a, gconstpointer b)
{
  const double *p = a, *q = b;
  int by_row = _migmap_compare_doubles (&p[0], &q[0]);

  return by_row ? by_row : _migmap_compare_doubles (&p[1], &q[1]);
}

static inline guint
grid_col (double lon)
{
  int col = (int) floor ((lon + 180.0) / CELL_DEG);
  return CLAMP (col, 0, (int) GRID_COLS - 1);
}

static inline guint
grid_row (double lat)
{
  int row = (int) floor ((lat + 90.0) / CELL_DEG);
  return CLAMP (row, 0, (int) GRID_ROWS - 1);
}

typedef struct {
  guint32 cell;
  guint32 feature;
} FullCell;

void
_migmap_shape_set_build_index (MigmapShapeSet *self)
{
  const guint n_cells = GRID_COLS * GRID_ROWS;
  const double *P = (const double *) self->points[MIGMAP_DETAIL_FULL]->data;
  GArray *rings = self->rings[MIGMAP_DETAIL_FULL];
  g_autofree guint32 *edge_start = g_new0 (guint32, n_cells + 1);
  g_autofree guint32 *cursor = NULL;
  g_autofree guint32 *edge_feature = NULL;
  g_autofree guint32 *run_start = g_new0 (guint32, n_cells + 1);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (MigmapIndexEntry));
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (FullCell));
  g_autoptr(GArray) crossings = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  guint32 n_edges = 0;

  /* Pass 1 and 2: bucket every edge into the cells its bounding box covers,
   * feature by feature so each cell's edges come grouped by feature. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint f = 0; f < self->features->len; f++)
        {
          MigmapFeature *feature = g_ptr_array_index (self->features, f);

          for (guint r = 0; r < feature->n_rings[MIGMAP_DETAIL_FULL]; r++)
            {
              const MigmapRing *ring = &g_array_index (rings, MigmapRing, feature->ring_start[MIGMAP_DETAIL_FULL] + r);
              guint first = (ring->points - P) / 2;

              for (guint i = first; i + 1 < first + ring->n_points; i++)
                {
                  guint c0 = grid_col (MIN (P[2 * i], P[2 * i + 2]));
                  guint c1 = grid_col (MAX (P[2 * i], P[2 * i + 2]));
                  guint r0 = grid_row (MIN (P[2 * i + 1], P[2 * i + 3]));
                  guint r1 = grid_row (MAX (P[2 * i + 1], P[2 * i + 3]));

                  for (guint row = r0; row <= r1; row++)
                    for (guint col = c0; col <= c1; col++)
                      {
                        guint cell = row * GRID_COLS + col;
                        if (pass == 0)
                          edge_start[cell + 1]++;
                        else
                          {
                            self->edges[cursor[cell]] = i;
                            edge_feature[cursor[cell]] = f;
                            cursor[cell]++;
                          }
                      }
                }
            }
        }
      if (pass == 0)
        {
          for (guint c = 0; c < n_cells; c++)
            edge_start[c + 1] += edge_start[c];
          n_edges = edge_start[n_cells];
          self->edges = g_new (guint32, MAX (n_edges, 1));
          edge_feature = g_new (guint32, MAX (n_edges, 1));
          cursor = g_memdup2 (edge_start, sizeof (guint32) * n_cells);
        }
    }

  /* One run per (cell, feature) with edges there. */
  for (guint c = 0; c < n_cells; c++)
    {
      run_start[c] = runs->len;
      for (guint32 e = edge_start[c]; e < edge_start[c + 1];)
        {
          MigmapIndexEntry run = { edge_feature[e], e, e, FALSE };
          while (e < edge_start[c + 1] && edge_feature[e] == run.feature)
            e++;
          run.edge_end = e;
          g_array_append_val (runs, run);
        }
    }
  run_start[n_cells] = runs->len;

  /* Scanlines through the cell centres tell which centres are inside. */
  for (guint f = 0; f < self->features->len; f++)
    {
      MigmapFeature *feature = g_ptr_array_index (self->features, f);

      g_array_set_size (crossings, 0);
      for (guint r = 0; r < feature->n_rings[MIGMAP_DETAIL_FULL]; r++)
        {
          const MigmapRing *ring = &g_array_index (rings, MigmapRing, feature->ring_start[MIGMAP_DETAIL_FULL] + r);
          guint first = (ring->points - P) / 2;

          for (guint i = first; i + 1 < first + ring->n_points; i++)
            {
              double ay = P[2 * i + 1], by = P[2 * i + 3];
              guint ra = grid_row (MIN (ay, by)), rb = grid_row (MAX (ay, by));

              for (guint row = ra; row <= rb; row++)
                {
                  double y = -90.0 + (row + 0.5) * CELL_DEG;
                  if ((ay > y) != (by > y))
                    {
                      double rx[2] = { row, P[2 * i] + (y - ay) * (P[2 * i + 2] - P[2 * i]) / (by - ay) };
                      g_array_append_val (crossings, rx);
                    }
                }
            }
        }
      g_array_sort (crossings, compare_crossings);

      for (guint i = 0; i < crossings->len;)
        {
          const double *first = &g_array_index (crossings, double, 2 * i);
          guint row = (guint) first[0];
          guint end = i;

          while (end < crossings->len && g_array_index (crossings, double, 2 * end) == first[0])
            end++;
          /* Pairs of crossings bound the spans inside the feature. */
          for (guint k = i; k + 1 < end; k += 2)
            {
              double x0 = g_array_index (crossings, double, 2 * k + 1);
              double x1 = g_array_index (crossings, double, 2 * (k + 1) + 1);
              int col0 = (int) ceil ((x0 + 180.0) / CELL_DEG - 0.5);
              int col1 = (int) floor ((x1 + 180.0) / CELL_DEG - 0.5);

              for (int col = MAX (col0, 0); col <= MIN (col1, (int) GRID_COLS - 1); col++)
                {
                  guint cell = row * GRID_COLS + col;
                  gboolean has_edges = FALSE;

                  for (guint32 e = run_start[cell]; e < run_start[cell + 1]; e++)
                    {
                      MigmapIndexEntry *run = &g_array_index (runs, MigmapIndexEntry, e);
                      if (run->feature == f)
                        {
                          run->center_inside = TRUE;
                          has_edges = TRUE;
                          break;
                        }
                    }
                  if (!has_edges)
                    {
                      FullCell inside = { cell, f };
                      g_array_append_val (full, inside);
                    }
                }
            }
          i = end;
        }
    }

  /* Merge runs and wholly-inside cells into one table. */
  self->cell_entry_start = g_new0 (guint32, n_cells + 1);
  for (guint k = 0; k < full->len; k++)
    self->cell_entry_start[g_array_index (full, FullCell, k).cell + 1]++;
  for (guint c = 0; c < n_cells; c++)
    self->cell_entry_start[c + 1] += self->cell_entry_start[c] + (run_start[c + 1] - run_start[c]);
  self->entries = g_new (MigmapIndexEntry, MAX (self->cell_entry_start[n_cells], 1));
  for (guint c = 0; c < n_cells; c++)
    {
      cursor[c] = self->cell_entry_start[c];
      for (guint32 e = run_start[c]; e < run_start[c + 1]; e++)
        self->entries[cursor[c]++] = g_array_index (runs, MigmapIndexEntry, e);
    }
  for (guint k = 0; k < full->len; k++)
    {
      FullCell *inside = &g_array_index (full, FullCell, k);
      MigmapIndexEntry entry = { inside->feature, 0, 0, TRUE };
      self->entries[cursor[inside->cell]++] = entry;
    }
}

static inline double
orient (double ax, double ay, double bx, double by, double cx, double cy)
{
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/* Whether segment pq crosses segment ab; points on a line count as lying on
 * its negative side, so a shared vertex is crossed exactly once. */
static inline gboolean
segments_cross (double px, double py, double qx, double qy,
                double ax, double ay, double bx, double by)
{
  return ((orient (ax, ay, bx, by, px, py) > 0) != (orient (ax, ay, bx, by, qx, qy) > 0)) &&
         ((orient (px, py, qx, qy, ax, ay) > 0) != (orient (px, py, qx, qy, bx, by) > 0));
}

const MigmapFeature *
migmap_shape_set_feature_at (MigmapShapeSet *self, double lon, double lat)
{
  const double *P;
  guint col, row, cell;
  double cx, cy;

  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (self), NULL);

  if (!(lon >= -180.0 && lon <= 180.0 && lat >= -90.0 && lat <= 90.0))
    return NULL;

  P = (const double *) self->points[MIGMAP_DETAIL_FULL]->data;
  col = grid_col (lon);
  row = grid_row (lat);
  cell = row * GRID_COLS + col;
  cx = -180.0 + (col + 0.5) * CELL_DEG;
  cy = -90.0 + (row + 0.5) * CELL_DEG;

  for (guint32 k = self->cell_entry_start[cell]; k < self->cell_entry_start[cell + 1]; k++)
    {
      const MigmapIndexEntry *entry = &self->entries[k];
      gboolean inside = entry->center_inside;

      for (guint32 e = entry->edge_begin; e < entry->edge_end; e++)
        {
          const double *a = P + 2 * self->edges[e];
          if (segments_cross (lon, lat, cx, cy, a[0], a[1], a[2], a[3]))
            inside = !inside;
        }
      if (inside)
        return g_ptr_array_index (self->features, entry->feature);
    }
  return NULL;
}

const MigmapFeature *
migmap_shape_set_feature_near (MigmapShapeSet *self,
                               double lon, double lat,
                               double max_distance_deg)
{
  const MigmapFeature *hit;
  const double *P;
  double best = max_distance_deg * max_distance_deg;
  guint32 best_feature = G_MAXUINT32;
  int reach;

  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (self), NULL);

  hit = migmap_shape_set_feature_at (self, lon, lat);
  if (hit || !(max_distance_deg > 0.0) || !(fabs (lon) <= 180.0 && fabs (lat) <= 90.0))
    return hit;

  P = (const double *) self->points[MIGMAP_DETAIL_FULL]->data;
  reach = (int) ceil (max_distance_deg / CELL_DEG);
  for (int row = (int) grid_row (lat) - reach; row <= (int) grid_row (lat) + reach; row++)
    for (int col = (int) grid_col (lon) - reach; col <= (int) grid_col (lon) + reach; col++)
      {
        guint cell;

        if (row < 0 || row >= (int) GRID_ROWS || col < 0 || col >= (int) GRID_COLS)
          continue;
        cell = row * GRID_COLS + col;
        for (guint32 k = self->cell_entry_start[cell]; k < self->cell_entry_start[cell + 1]; k++)
          {
            const MigmapIndexEntry *entry = &self->entries[k];

            for (guint32 e = entry->edge_begin; e < entry->edge_end; e++)
              {
                const double *a = P + 2 * self->edges[e];
                double d = _migmap_segment_distance_sq (lon, lat, a[0], a[1], a[2], a[3]);
                if (d <= best)
                  {
                    best = d;
                    best_feature = entry->feature;
                  }
              }
          }
      }
  return best_feature == G_MAXUINT32 ? NULL : g_ptr_array_index (self->features, best_feature);
}
