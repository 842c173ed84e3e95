/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-shape-set-index.c: a grid over the globe for point queries
 *
 * The index stores, for each grid cell, the edges that touch it and whether the
 * cell's centre lies inside each country having edges there.  A query then only
 * counts crossings between the query point and the cell centre, so it touches a
 * handful of edges instead of whole coastlines.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

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

/* Index entries allowed for a file: a fixed allowance, plus a few per edge.
 * Real coastlines use about one cell per edge; edges that span the world use
 * up to a thousand, so a small hostile file could otherwise ask for gigabytes. */
#define INDEX_BASE_ENTRIES   (G_GUINT64_CONSTANT (1) << 20)
#define INDEX_ENTRIES_PER_EDGE 4
/* Past this, guint32 offsets would no longer do. */
#define INDEX_MAX_ENTRIES    (G_GUINT64_CONSTANT (1) << 30)

/* Clamped in double precision first, so no out-of-range value reaches a cast. */
static inline guint
grid_index (double grid_units, guint n)
{
  double clamped = CLAMP (floor (grid_units), 0.0, (double) n - 1);

  return G_LIKELY (clamped == clamped) ? (guint) clamped : 0;
}

static inline guint
grid_col (double lon)
{
  return grid_index ((lon + 180.0) / CELL_DEG, GRID_COLS);
}

static inline guint
grid_row (double lat)
{
  return grid_index ((lat + 90.0) / CELL_DEG, GRID_ROWS);
}

typedef struct {
  guint32 cell;
  guint32 feature;
} FullCell;

/* Allowance for cells slightly off the segment: rounding must never drop a
 * cell the edge touches, while an extra cell only costs a test per query. */
#define WALK_SLACK 1e-9

/* Calls visit() for each cell the segment a-b passes through (and, at a
 * corner, its neighbours), one column strip at a time; stops and returns
 * FALSE as soon as visit() does. */
typedef gboolean (*CellVisitor) (guint cell, gpointer user_data);

static gboolean
walk_segment (const double *a, const double *b, CellVisitor visit, gpointer user_data)
{
  double ax = (a[0] + 180.0) / CELL_DEG, ay = (a[1] + 90.0) / CELL_DEG;
  double bx = (b[0] + 180.0) / CELL_DEG, by = (b[1] + 90.0) / CELL_DEG;
  guint c0, c1;

  if (ax > bx)
    {
      double t;
      t = ax; ax = bx; bx = t;
      t = ay; ay = by; by = t;
    }
  c0 = grid_index (ax, GRID_COLS);
  c1 = grid_index (bx, GRID_COLS);
  for (guint col = c0; col <= c1; col++)
    {
      /* The part of the segment inside this column strip. */
      double x_lo = col == c0 ? ax : MAX (ax, (double) col);
      double x_hi = col == c1 ? bx : MIN (bx, (double) col + 1.0);
      double y_lo, y_hi;
      guint r0, r1;

      if (bx - ax > 0.0)
        {
          y_lo = ay + (by - ay) * ((x_lo - ax) / (bx - ax));
          y_hi = ay + (by - ay) * ((x_hi - ax) / (bx - ax));
        }
      else
        {
          y_lo = ay;
          y_hi = by;
        }
      if (y_lo > y_hi)
        {
          double t = y_lo;
          y_lo = y_hi;
          y_hi = t;
        }
      r0 = grid_index (y_lo - WALK_SLACK, GRID_ROWS);
      r1 = grid_index (y_hi + WALK_SLACK, GRID_ROWS);
      for (guint row = r0; row <= r1; row++)
        if (!visit (row * GRID_COLS + col, user_data))
          return FALSE;
    }
  return TRUE;
}

typedef struct {
  guint64  n_entries;
  guint64  budget;
  guint32 *counts;     /* per cell, shifted by one */
  guint32 *cursor;
  guint32 *edges;
  guint32 *edge_feature;
  guint32  edge;
  guint32  feature;
} WalkState;

static gboolean
count_cell (guint cell, gpointer user_data)
{
  WalkState *state = user_data;

  state->counts[cell + 1]++;
  return ++state->n_entries <= state->budget;
}

static gboolean
fill_cell (guint cell, gpointer user_data)
{
  WalkState *state = user_data;
  guint32 slot = state->cursor[cell]++;

  state->edges[slot] = state->edge;
  state->edge_feature[slot] = state->feature;
  return TRUE;
}

static void
set_budget_error (MigmapShapeSet *self, GError **error)
{
  g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_GEOMETRY,
               _("%s: the shapes are too complex to index: their edges cross more than %llu map cells of %g degrees (many long edges, or many overlapping countries)"), self->path,
               (unsigned long long) MIN (INDEX_BASE_ENTRIES + INDEX_ENTRIES_PER_EDGE * (guint64) self->band_n_values[MIGMAP_DETAIL_FULL] / 2,
                    INDEX_MAX_ENTRIES),
               CELL_DEG);
}

/* The first run in [begin, end) of feature f; runs are sorted by feature. */
static MigmapIndexEntry *
find_run (GArray *runs, guint32 begin, guint32 end, guint32 f)
{
  while (begin < end)
    {
      guint32 mid = begin + (end - begin) / 2;
      MigmapIndexEntry *run = &g_array_index (runs, MigmapIndexEntry, mid);

      if (run->feature == f)
        return run;
      if (run->feature < f)
        begin = mid + 1;
      else
        end = mid;
    }
  return NULL;
}

gboolean
_migmap_shape_set_build_index (MigmapShapeSet *self, GError **error)
{
  const guint n_cells = GRID_COLS * GRID_ROWS;
  const double *P = self->band_points[MIGMAP_DETAIL_FULL];
  GArray *rings = self->rings[MIGMAP_DETAIL_FULL];
  g_autofree guint32 *edge_start = g_new0 (guint32, n_cells + 1);
  g_autofree guint32 *cursor = NULL;
  g_autofree guint32 *edge_feature = NULL;
  g_autofree guint32 *run_start = g_new0 (guint32, n_cells + 1);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (MigmapIndexEntry));
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (FullCell));
  g_autoptr(GArray) crossings = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  WalkState state = { 0 };
  guint32 n_edges = 0;
  guint32 *edges = NULL, *cell_entry_start;
  MigmapIndexEntry *entries;

  state.budget = MIN (INDEX_BASE_ENTRIES + INDEX_ENTRIES_PER_EDGE * (guint64) self->band_n_values[MIGMAP_DETAIL_FULL] / 2,
                      INDEX_MAX_ENTRIES);
  state.counts = edge_start;

  /* Pass 1 counts, pass 2 fills: every edge goes into the cells it crosses,
   * feature by feature so each cell's edges come grouped by feature. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint f = 0; f < self->features->len; f++)
        {
          MigmapFeature *feature = g_ptr_array_index (self->features, f);

          state.feature = f;
          for (guint r = 0; r < feature->n_rings[MIGMAP_DETAIL_FULL]; r++)
            {
              const MigmapRing *ring = &g_array_index (rings, MigmapRing, feature->ring_start[MIGMAP_DETAIL_FULL] + r);
              guint first = (ring->points - P) / 2;

              for (guint i = first; i + 1 < first + ring->n_points; i++)
                {
                  state.edge = i;
                  if (pass == 1)
                    walk_segment (P + 2 * i, P + 2 * i + 2, fill_cell, &state);
                  else if (!walk_segment (P + 2 * i, P + 2 * i + 2, count_cell, &state))
                    {
                      set_budget_error (self, error);
                      return FALSE;
                    }
                }
            }
        }
      if (pass == 0)
        {
          for (guint c = 0; c < n_cells; c++)
            edge_start[c + 1] += edge_start[c];
          n_edges = edge_start[n_cells];
          edges = g_new (guint32, MAX (n_edges, 1));
          self->index_storage[0] = edges;
          self->edges = edges;
          self->n_edges = n_edges;
          edge_feature = g_new (guint32, MAX (n_edges, 1));
          cursor = g_memdup2 (edge_start, sizeof (guint32) * n_cells);
          state.cursor = cursor;
          state.edges = edges;
          state.edge_feature = edge_feature;
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
  g_clear_pointer (&edge_feature, g_free);

  /* Scanlines through the cell centres tell which centres are inside.  An
   * edge crosses no more centre rows than it crosses cells, so the budget
   * above bounds the crossings too; wholly-inside cells are counted against
   * what is left of it. */
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
              double col0 = CLAMP (ceil ((x0 + 180.0) / CELL_DEG - 0.5), 0.0, (double) GRID_COLS);
              double col1 = CLAMP (floor ((x1 + 180.0) / CELL_DEG - 0.5), -1.0, (double) GRID_COLS - 1);

              for (int col = (int) col0; col <= (int) col1; col++)
                {
                  guint cell = row * GRID_COLS + col;
                  MigmapIndexEntry *run = find_run (runs, run_start[cell], run_start[cell + 1], f);

                  if (run != NULL)
                    run->center_inside = TRUE;
                  else
                    {
                      FullCell inside = { cell, f };

                      if (++state.n_entries > state.budget)
                        {
                          set_budget_error (self, error);
                          return FALSE;
                        }
                      g_array_append_val (full, inside);
                    }
                }
            }
          i = end;
        }
    }
  g_clear_pointer (&crossings, g_array_unref);

  /* Merge runs and wholly-inside cells into one table. */
  cell_entry_start = g_new0 (guint32, n_cells + 1);
  self->index_storage[1] = cell_entry_start;
  for (guint k = 0; k < full->len; k++)
    cell_entry_start[g_array_index (full, FullCell, k).cell + 1]++;
  for (guint c = 0; c < n_cells; c++)
    cell_entry_start[c + 1] += cell_entry_start[c] + (run_start[c + 1] - run_start[c]);
  entries = g_new (MigmapIndexEntry, MAX (cell_entry_start[n_cells], 1));
  self->index_storage[2] = entries;
  for (guint c = 0; c < n_cells; c++)
    {
      cursor[c] = cell_entry_start[c];
      for (guint32 e = run_start[c]; e < run_start[c + 1]; e++)
        entries[cursor[c]++] = g_array_index (runs, MigmapIndexEntry, e);
    }
  for (guint k = 0; k < full->len; k++)
    {
      FullCell *inside = &g_array_index (full, FullCell, k);
      MigmapIndexEntry entry = { inside->feature, 0, 0, TRUE };
      entries[cursor[inside->cell]++] = entry;
    }
  self->cell_entry_start = cell_entry_start;
  self->entries = entries;
  self->n_entries = cell_entry_start[n_cells];
  return TRUE;
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

  P = self->band_points[MIGMAP_DETAIL_FULL];
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

  P = self->band_points[MIGMAP_DETAIL_FULL];
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
