/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-shape-set-simplify.c: coarser copies of each ring per zoom band
 * (Douglas-Peucker), so a world view draws a few thousand points, not millions */
#include "config.h"

#include "migmap-shape-set-private.h"

#include <string.h>

static const double detail_tolerance[MIGMAP_N_DETAILS] = { 0.0, 0.004, 0.02, 0.15 };

/* The coarsest band whose error stays under a pixel. */
MigmapDetail
migmap_detail_for_resolution (double degrees_per_pixel)
{
  for (int d = MIGMAP_N_DETAILS - 1; d > MIGMAP_DETAIL_FULL; d--)
    if (detail_tolerance[d] <= 0.85 * degrees_per_pixel)
      return d;
  return MIGMAP_DETAIL_FULL;
}

/* Douglas-Peucker costs O(n log n) on coastlines but O(n^2) on a zigzag, and
 * a hostile file is free to be one: past this much work per point a span is
 * simplified in short pieces instead, which bounds the cost at CHUNK / 2 per
 * point for a few more vertices kept. */
#define WORK_PER_POINT 64
#define CHUNK 256

/* Douglas-Peucker over p[first..last], marking the points to keep; FALSE
 * when it gave up after max_work point-to-segment distances. */
static gboolean
simplify_span (const double *p, guint first, guint last, double tolerance_sq, gboolean *keep,
               guint64 max_work)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  guint64 work = 0;

  g_array_append_val (stack, first);
  g_array_append_val (stack, last);
  while (stack->len > 0)
    {
      guint b = g_array_index (stack, guint, stack->len - 1);
      guint a = g_array_index (stack, guint, stack->len - 2);
      double worst = 0.0;
      guint worst_index = 0;

      g_array_set_size (stack, stack->len - 2);
      work += b - a;
      if (work > max_work)
        return FALSE;
      for (guint i = a + 1; i < b; i++)
        {
          double d = _migmap_segment_distance_sq (p[2 * i], p[2 * i + 1], p[2 * a], p[2 * a + 1],
                                                  p[2 * b], p[2 * b + 1]);
          if (d > worst)
            {
              worst = d;
              worst_index = i;
            }
        }
      if (worst > tolerance_sq)
        {
          keep[worst_index] = TRUE;
          g_array_append_val (stack, a);
          g_array_append_val (stack, worst_index);
          g_array_append_val (stack, worst_index);
          g_array_append_val (stack, b);
        }
    }
  return TRUE;
}

static void
simplify_bounded (const double *p, guint first, guint last, double tolerance_sq, gboolean *keep)
{
  if (simplify_span (p, first, last, tolerance_sq, keep,
                     (guint64) WORK_PER_POINT * (last - first) + CHUNK * CHUNK))
    return;

  memset (keep + first + 1, 0, (last - first - 1) * sizeof *keep);
  for (guint a = first; a < last; a += CHUNK)
    {
      guint b = MIN (a + CHUNK, last);

      keep[b] = TRUE;
      simplify_span (p, a, b, tolerance_sq, keep, G_MAXUINT64);
    }
}

/* Appends a simplified copy of a closed ring; returns the number of points
 * written, 0 when the ring collapses. */
static guint
append_simplified (GArray *out, const double *p, guint n, double tolerance)
{
  g_autofree gboolean *keep = g_new0 (gboolean, n);
  guint far = 0, written = 0;
  double far_d = -1.0;

  /* A closed ring has no natural endpoints: split it at the vertex farthest
   * from the first one. */
  for (guint i = 1; i + 1 < n; i++)
    {
      double dx = p[2 * i] - p[0], dy = p[2 * i + 1] - p[1];
      if (dx * dx + dy * dy > far_d)
        {
          far_d = dx * dx + dy * dy;
          far = i;
        }
    }
  keep[0] = keep[far] = keep[n - 1] = TRUE;
  simplify_bounded (p, 0, far, tolerance * tolerance, keep);
  simplify_bounded (p, far, n - 1, tolerance * tolerance, keep);

  for (guint i = 0; i < n; i++)
    written += keep[i];
  if (written < 4)
    return 0;
  for (guint i = 0; i < n; i++)
    if (keep[i])
      g_array_append_vals (out, p + 2 * i, 2);
  return written;
}

static void
add_simplified_rings (MigmapShapeSet *self, MigmapFeature *feature, guint largest, MigmapDetail d)
{
  double tolerance = detail_tolerance[d];

  feature->ring_start[d] = self->rings[d]->len;
  for (guint r = 0; r < feature->n_rings[MIGMAP_DETAIL_FULL]; r++)
    {
      guint index = feature->ring_start[MIGMAP_DETAIL_FULL] + r;
      const MigmapRing *full = &g_array_index (self->rings[MIGMAP_DETAIL_FULL], MigmapRing, index);
      const double *p = full->points;
      MigmapRing ring = *full;
      guint first = self->points[d]->len / 2;

      /* Islands smaller than the tolerance vanish at this scale, but a
       * country always keeps its main polygon, however small. */
      if (index != largest &&
          MAX (full->bounds.east - full->bounds.west, full->bounds.north - full->bounds.south) < tolerance)
        continue;

      ring.n_points = append_simplified (self->points[d], p, full->n_points, tolerance);
      if (ring.n_points == 0)
        {
          if (index != largest)
            continue;
          g_array_append_vals (self->points[d], p, full->n_points * 2);
          ring.n_points = full->n_points;
        }
      ring.points = GSIZE_TO_POINTER ((gsize) first);
      g_array_append_val (self->rings[d], ring);
    }
  feature->n_rings[d] = self->rings[d]->len - feature->ring_start[d];
}

/* Builds one coarser band from the full rings, once the set is complete
 * (full rings hold pointers by then).  The caller holds band_lock. */
void
_migmap_shape_set_build_band (MigmapShapeSet *self, MigmapDetail detail)
{
  g_assert (detail > MIGMAP_DETAIL_FULL && detail < MIGMAP_N_DETAILS);

  for (guint f = 0; f < self->features->len; f++)
    add_simplified_rings (self, g_ptr_array_index (self->features, f), self->largest[f], detail);

  for (guint r = 0; r < self->rings[detail]->len; r++)
    {
      MigmapRing *ring = &g_array_index (self->rings[detail], MigmapRing, r);
      ring->points = &g_array_index (self->points[detail], double, GPOINTER_TO_SIZE (ring->points) * 2);
    }
  _migmap_shape_set_band_done (self, detail);
}
