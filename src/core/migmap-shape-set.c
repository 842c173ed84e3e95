/* migmap-shape-set.c: country polygons from a shapefile, with simplified copies
 * per zoom band and a grid index for point queries
 *
 * The index stores, for each grid cell, the edges that touch it and whether the
 * cell's centre lies inside each country having edges there.  A query then only
 * counts crossings between the query point and the cell centre, so it touches a
 * handful of edges instead of whole coastlines.
 */
#include "migmap-shape-set.h"

#include <errno.h>
#include <math.h>
#include <shapefil.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#define CELL_DEG 0.5
#define GRID_COLS ((guint) (360.0 / CELL_DEG))
#define GRID_ROWS ((guint) (180.0 / CELL_DEG))

typedef struct {
  guint32 feature;
  guint32 edge_begin;
  guint32 edge_end;
  guint32 center_inside;
} IndexEntry;

struct _MigmapShapeSet
{
  GObject parent_instance;

  char            *path;
  GPtrArray       *features;     /* MigmapFeature, owned */
  GHashTable      *by_code;      /* code -> MigmapFeature */
  GArray          *points[MIGMAP_N_DETAILS];
  GArray          *rings[MIGMAP_N_DETAILS];
  MigmapGeoBounds  bounds;

  guint32         *cell_entry_start; /* GRID_COLS * GRID_ROWS + 1 */
  IndexEntry      *entries;
  guint32         *edges;            /* index of an edge's first point in points[FULL] */
};

G_DEFINE_FINAL_TYPE (MigmapShapeSet, migmap_shape_set, G_TYPE_OBJECT)

G_DEFINE_QUARK (migmap-shape-set-error-quark, migmap_shape_set_error)

static const double detail_tolerance[MIGMAP_N_DETAILS] = { 0.0, 0.004, 0.02, 0.15 };

double
migmap_detail_get_tolerance (MigmapDetail detail)
{
  g_return_val_if_fail (detail < MIGMAP_N_DETAILS, 0.0);
  return detail_tolerance[detail];
}

/* The coarsest band whose error stays under a pixel. */
MigmapDetail
migmap_detail_for_resolution (double degrees_per_pixel)
{
  for (int d = MIGMAP_N_DETAILS - 1; d > MIGMAP_DETAIL_FULL; d--)
    if (detail_tolerance[d] <= 0.85 * degrees_per_pixel)
      return d;
  return MIGMAP_DETAIL_FULL;
}

static void
feature_free (gpointer data)
{
  MigmapFeature *feature = data;

  g_free (feature->code);
  g_free (feature->code2);
  g_free (feature->name);
  g_free (feature);
}

static void
migmap_shape_set_finalize (GObject *object)
{
  MigmapShapeSet *self = MIGMAP_SHAPE_SET (object);

  g_free (self->path);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->features, g_ptr_array_unref);
  for (guint d = 0; d < MIGMAP_N_DETAILS; d++)
    {
      g_clear_pointer (&self->points[d], g_array_unref);
      g_clear_pointer (&self->rings[d], g_array_unref);
    }
  g_free (self->cell_entry_start);
  g_free (self->entries);
  g_free (self->edges);

  G_OBJECT_CLASS (migmap_shape_set_parent_class)->finalize (object);
}

static void
migmap_shape_set_class_init (MigmapShapeSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = migmap_shape_set_finalize;
}

static void
migmap_shape_set_init (MigmapShapeSet *self)
{
  self->features = g_ptr_array_new_with_free_func (feature_free);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint d = 0; d < MIGMAP_N_DETAILS; d++)
    {
      self->points[d] = g_array_new (FALSE, FALSE, sizeof (double));
      self->rings[d] = g_array_new (FALSE, FALSE, sizeof (MigmapRing));
    }
}

/* ---- file checks: say what is wrong before shapelib sees the file ---- */

static _Thread_local char *shapelib_message;

static void
capture_shapelib_error (const char *message)
{
  g_free (shapelib_message);
  shapelib_message = g_strdup (message);
}

static char *
take_shapelib_message (const char *fallback)
{
  char *message = shapelib_message ? g_strstrip (shapelib_message) : g_strdup (fallback);

  shapelib_message = NULL;
  return message;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint32
read_le32 (const guint8 *p)
{
  return ((guint32) p[3] << 24) | ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

static const char *
shape_type_description (guint32 type)
{
  switch (type)
    {
    case SHPT_POINT: case SHPT_POINTZ: case SHPT_POINTM:
      return "points";
    case SHPT_MULTIPOINT: case SHPT_MULTIPOINTZ: case SHPT_MULTIPOINTM:
      return "multipoints";
    case SHPT_ARC: case SHPT_ARCZ: case SHPT_ARCM:
      return "lines";
    case SHPT_MULTIPATCH:
      return "multipatches";
    case SHPT_NULL:
      return "no shapes";
    default:
      return NULL;
    }
}

static gboolean
is_polygon_type (guint32 type)
{
  return type == SHPT_POLYGON || type == SHPT_POLYGONZ || type == SHPT_POLYGONM;
}

/* Finds "base.ext" in either case, as shapefiles come from both worlds. */
static char *
find_companion (const char *base, const char *ext)
{
  g_autofree char *lower = g_strconcat (base, ".", ext, NULL);
  g_autofree char *upper_ext = g_ascii_strup (ext, -1);
  g_autofree char *upper = g_strconcat (base, ".", upper_ext, NULL);

  if (g_file_test (lower, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&lower);
  if (g_file_test (upper, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&upper);
  return NULL;
}

static gboolean
check_shp_header (const char *path, GError **error)
{
  guint8 header[100];
  GStatBuf st;
  FILE *file;
  size_t n_read;
  guint32 declared, type;
  const char *what;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_OPEN,
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_OPEN,
                   "%s: not a regular file", path);
      return FALSE;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                   "%s: the file is empty", path);
      return FALSE;
    }

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_OPEN,
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n_read < 4 || read_be32 (header) != 9994)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                   "%s: not a shapefile (no shapefile header)", path);
      return FALSE;
    }
  if (n_read < sizeof header)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                   "%s: truncated: %zu bytes, shorter than the 100-byte shapefile header",
                   path, n_read);
      return FALSE;
    }

  declared = read_be32 (header + 24) * 2;
  if ((gint64) declared > (gint64) st.st_size)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                   "%s: truncated: the header announces %u bytes but the file has %" G_GINT64_FORMAT,
                   path, declared, (gint64) st.st_size);
      return FALSE;
    }

  type = read_le32 (header + 32);
  if (!is_polygon_type (type))
    {
      what = shape_type_description (type);
      if (what)
        g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_GEOMETRY,
                     "%s: holds %s, not polygons", path, what);
      else
        g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                     "%s: unknown shape type %u", path, type);
      return FALSE;
    }
  return TRUE;
}

/* ---- attributes ---- */

static const char * const code_fields[] = { "ISO_A3", "ADM0_A3", "ISO3", "ISO_3", "GU_A3", "SOV_A3", "CODE", "ID", NULL };
static const char * const code2_fields[] = { "ISO_A2", "ISO2", "ISO_2", NULL };
static const char * const name_fields[] = { "NAME", "NAME_EN", "ADMIN", "NAME_LONG", "COUNTRY", "CNTRY_NAME", NULL };

static int
find_field (DBFHandle dbf, const char *wanted, const char * const *candidates)
{
  if (wanted)
    return DBFGetFieldIndex (dbf, wanted);
  for (guint i = 0; candidates[i]; i++)
    {
      int index = DBFGetFieldIndex (dbf, candidates[i]);
      if (index >= 0)
        return index;
    }
  return -1;
}

static char *
list_fields (DBFHandle dbf)
{
  GString *names = g_string_new (NULL);

  for (int i = 0; i < DBFGetFieldCount (dbf); i++)
    {
      char name[XBASE_FLDNAME_LEN_READ + 1];

      DBFGetFieldInfo (dbf, i, name, NULL, NULL);
      g_string_append_printf (names, "%s%s", i ? ", " : "", name);
    }
  return g_string_free (names, FALSE);
}

static char *
read_text (DBFHandle dbf, int record, int field)
{
  const char *value;
  char *text;

  if (field < 0 || DBFIsAttributeNULL (dbf, record, field))
    return NULL;
  value = DBFReadStringAttribute (dbf, record, field);
  if (value == NULL)
    return NULL;
  text = g_strstrip (g_strdup (value));
  /* Natural Earth writes -99 for "no code". */
  if (*text == '\0' || g_str_equal (text, "-99"))
    g_clear_pointer (&text, g_free);
  return text;
}

/* ---- geometry helpers ---- */

static void
bounds_clear (MigmapGeoBounds *b)
{
  b->west = b->south = G_MAXDOUBLE;
  b->east = b->north = -G_MAXDOUBLE;
}

static void
bounds_union (MigmapGeoBounds *b, const MigmapGeoBounds *other)
{
  b->west = MIN (b->west, other->west);
  b->south = MIN (b->south, other->south);
  b->east = MAX (b->east, other->east);
  b->north = MAX (b->north, other->north);
}

static MigmapGeoBounds
points_bounds (const double *p, guint n)
{
  MigmapGeoBounds b;

  bounds_clear (&b);
  for (guint i = 0; i < n; i++)
    {
      b.west = MIN (b.west, p[2 * i]);
      b.east = MAX (b.east, p[2 * i]);
      b.south = MIN (b.south, p[2 * i + 1]);
      b.north = MAX (b.north, p[2 * i + 1]);
    }
  return b;
}

static double
signed_area (const double *p, guint n)
{
  double sum = 0.0;

  for (guint i = 0; i + 1 < n; i++)
    sum += p[2 * i] * p[2 * i + 3] - p[2 * i + 2] * p[2 * i + 1];
  return sum / 2.0;
}

static double
segment_distance_sq (double px, double py, double ax, double ay, double bx, double by)
{
  double dx = bx - ax, dy = by - ay;
  double len_sq = dx * dx + dy * dy;
  double t = len_sq > 0.0 ? ((px - ax) * dx + (py - ay) * dy) / len_sq : 0.0;

  t = CLAMP (t, 0.0, 1.0);
  dx = ax + t * dx - px;
  dy = ay + t * dy - py;
  return dx * dx + dy * dy;
}

/* Douglas-Peucker over p[first..last], marking the points to keep. */
static void
simplify_span (const double *p, guint first, guint last, double tolerance_sq, gboolean *keep)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_append_val (stack, first);
  g_array_append_val (stack, last);
  while (stack->len > 0)
    {
      guint b = g_array_index (stack, guint, stack->len - 1);
      guint a = g_array_index (stack, guint, stack->len - 2);
      double worst = 0.0;
      guint worst_index = 0;

      g_array_set_size (stack, stack->len - 2);
      for (guint i = a + 1; i < b; i++)
        {
          double d = segment_distance_sq (p[2 * i], p[2 * i + 1], p[2 * a], p[2 * a + 1],
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
  simplify_span (p, 0, far, tolerance * tolerance, keep);
  simplify_span (p, far, n - 1, tolerance * tolerance, keep);

  for (guint i = 0; i < n; i++)
    written += keep[i];
  if (written < 4)
    return 0;
  for (guint i = 0; i < n; i++)
    if (keep[i])
      g_array_append_vals (out, p + 2 * i, 2);
  return written;
}

/* ---- building ---- */

typedef struct {
  char      *code;
  char      *code2;
  char      *name;
  GPtrArray *objects; /* SHPObject */
} PendingFeature;

static void
pending_feature_free (gpointer data)
{
  PendingFeature *pending = data;

  g_free (pending->code);
  g_free (pending->code2);
  g_free (pending->name);
  g_ptr_array_unref (pending->objects);
  g_free (pending);
}

static void
add_full_rings (MigmapShapeSet *self, MigmapFeature *feature, PendingFeature *pending)
{
  GArray *points = self->points[MIGMAP_DETAIL_FULL];
  GArray *rings = self->rings[MIGMAP_DETAIL_FULL];

  feature->ring_start[MIGMAP_DETAIL_FULL] = rings->len;
  for (guint o = 0; o < pending->objects->len; o++)
    {
      SHPObject *obj = g_ptr_array_index (pending->objects, o);

      for (int part = 0; part < obj->nParts; part++)
        {
          int start = obj->panPartStart[part];
          int end = part + 1 < obj->nParts ? obj->panPartStart[part + 1] : obj->nVertices;
          guint first = points->len / 2;
          MigmapRing ring = { 0 };
          gsize offset;

          if (start < 0 || end > obj->nVertices || end - start < 3)
            continue;
          for (int v = start; v < end; v++)
            {
              double xy[2] = { obj->padfX[v], obj->padfY[v] };
              g_array_append_vals (points, xy, 2);
            }
          /* Close the ring if the file did not. */
          if (obj->padfX[start] != obj->padfX[end - 1] || obj->padfY[start] != obj->padfY[end - 1])
            {
              double xy[2] = { obj->padfX[start], obj->padfY[start] };
              g_array_append_vals (points, xy, 2);
            }

          ring.n_points = points->len / 2 - first;
          if (ring.n_points < 4)
            {
              g_array_set_size (points, first * 2);
              continue;
            }
          offset = first;
          /* Pointers are fixed once the array stops growing; keep the offset. */
          ring.points = GSIZE_TO_POINTER (offset);
          ring.bounds = points_bounds (&g_array_index (points, double, first * 2), ring.n_points);
          /* Shapefile outer rings run clockwise: negative area with y up. */
          ring.is_hole = signed_area (&g_array_index (points, double, first * 2), ring.n_points) > 0;
          g_array_append_val (rings, ring);
        }
    }
  feature->n_rings[MIGMAP_DETAIL_FULL] = rings->len - feature->ring_start[MIGMAP_DETAIL_FULL];
}

static const double *
ring_points (MigmapShapeSet *self, MigmapDetail detail, const MigmapRing *ring)
{
  return &g_array_index (self->points[detail], double, GPOINTER_TO_SIZE (ring->points) * 2);
}

static guint
largest_ring (MigmapShapeSet *self, MigmapFeature *feature)
{
  guint best = feature->ring_start[MIGMAP_DETAIL_FULL];
  double best_area = -1.0;

  for (guint r = 0; r < feature->n_rings[MIGMAP_DETAIL_FULL]; r++)
    {
      guint index = feature->ring_start[MIGMAP_DETAIL_FULL] + r;
      const MigmapRing *ring = &g_array_index (self->rings[MIGMAP_DETAIL_FULL], MigmapRing, index);
      double area = fabs (signed_area (ring_points (self, MIGMAP_DETAIL_FULL, ring), ring->n_points));

      if (!ring->is_hole && area > best_area)
        {
          best_area = area;
          best = index;
        }
    }
  return best;
}

static void
add_simplified_rings (MigmapShapeSet *self, MigmapFeature *feature, guint largest)
{
  for (guint d = MIGMAP_DETAIL_FULL + 1; d < MIGMAP_N_DETAILS; d++)
    {
      double tolerance = detail_tolerance[d];

      feature->ring_start[d] = self->rings[d]->len;
      for (guint r = 0; r < feature->n_rings[MIGMAP_DETAIL_FULL]; r++)
        {
          guint index = feature->ring_start[MIGMAP_DETAIL_FULL] + r;
          const MigmapRing *full = &g_array_index (self->rings[MIGMAP_DETAIL_FULL], MigmapRing, index);
          const double *p = ring_points (self, MIGMAP_DETAIL_FULL, full);
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
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Crossings are (row, x) pairs: by row, then by x. */
static int
compare_crossings (gconstpointer a, gconstpointer b)
{
  const double *p = a, *q = b;
  int by_row = compare_doubles (&p[0], &q[0]);

  return by_row ? by_row : compare_doubles (&p[1], &q[1]);
}

/* A point inside the largest polygon, in the middle of its widest span, so
 * labels avoid bays, holes and the thin ends of a country. */
static void
compute_label_point (MigmapShapeSet *self, MigmapFeature *feature, guint largest)
{
  const MigmapRing *main_ring = &g_array_index (self->rings[MIGMAP_DETAIL_FULL], MigmapRing, largest);
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  double best_width = -1.0;

  feature->label_bounds = main_ring->bounds;
  feature->label_lon = (main_ring->bounds.west + main_ring->bounds.east) / 2.0;
  feature->label_lat = (main_ring->bounds.south + main_ring->bounds.north) / 2.0;

  for (int step = 2; step <= 8; step++)
    {
      /* Scan from the middle outwards so ties favour the centre. */
      int k = step % 2 ? 5 - step / 2 : 5 + step / 2 - 1;
      double y = main_ring->bounds.south + (main_ring->bounds.north - main_ring->bounds.south) * k / 10.0 + 1e-9;

      g_array_set_size (xs, 0);
      for (guint r = 0; r < feature->n_rings[MIGMAP_DETAIL_FULL]; r++)
        {
          const MigmapRing *ring = &g_array_index (self->rings[MIGMAP_DETAIL_FULL], MigmapRing,
                                                   feature->ring_start[MIGMAP_DETAIL_FULL] + r);
          const double *p = ring_points (self, MIGMAP_DETAIL_FULL, ring);

          if (y < ring->bounds.south || y > ring->bounds.north)
            continue;
          for (guint i = 0; i + 1 < ring->n_points; i++)
            {
              double ay = p[2 * i + 1], by = p[2 * i + 3];
              if ((ay > y) != (by > y))
                {
                  double x = p[2 * i] + (y - ay) * (p[2 * i + 2] - p[2 * i]) / (by - ay);
                  g_array_append_val (xs, x);
                }
            }
        }
      g_array_sort (xs, compare_doubles);
      for (guint i = 0; i + 1 < xs->len; i += 2)
        {
          double x0 = g_array_index (xs, double, i), x1 = g_array_index (xs, double, i + 1);
          /* Only spans of the main polygon. */
          if (x1 < main_ring->bounds.west || x0 > main_ring->bounds.east)
            continue;
          if (x1 - x0 > best_width * 1.15)
            {
              best_width = x1 - x0;
              feature->label_lon = (x0 + x1) / 2.0;
              feature->label_lat = y;
            }
        }
    }
}

/* ---- spatial index ---- */

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

static void
build_index (MigmapShapeSet *self)
{
  const guint n_cells = GRID_COLS * GRID_ROWS;
  const double *P = (const double *) self->points[MIGMAP_DETAIL_FULL]->data;
  GArray *rings = self->rings[MIGMAP_DETAIL_FULL];
  g_autofree guint32 *edge_start = g_new0 (guint32, n_cells + 1);
  g_autofree guint32 *cursor = NULL;
  g_autofree guint32 *edge_feature = NULL;
  g_autofree guint32 *run_start = g_new0 (guint32, n_cells + 1);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (IndexEntry));
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
          IndexEntry run = { edge_feature[e], e, e, FALSE };
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
                      IndexEntry *run = &g_array_index (runs, IndexEntry, e);
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
  self->entries = g_new (IndexEntry, MAX (self->cell_entry_start[n_cells], 1));
  for (guint c = 0; c < n_cells; c++)
    {
      cursor[c] = self->cell_entry_start[c];
      for (guint32 e = run_start[c]; e < run_start[c + 1]; e++)
        self->entries[cursor[c]++] = g_array_index (runs, IndexEntry, e);
    }
  for (guint k = 0; k < full->len; k++)
    {
      FullCell *inside = &g_array_index (full, FullCell, k);
      IndexEntry entry = { inside->feature, 0, 0, TRUE };
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
      const IndexEntry *entry = &self->entries[k];
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
            const IndexEntry *entry = &self->entries[k];

            for (guint32 e = entry->edge_begin; e < entry->edge_end; e++)
              {
                const double *a = P + 2 * self->edges[e];
                double d = segment_distance_sq (lon, lat, a[0], a[1], a[2], a[3]);
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

/* ---- loading ---- */

static GPtrArray *
read_records (const char *path, SHPHandle shp, DBFHandle dbf,
              const MigmapShapeSetOptions *options, GError **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (pending_feature_free);
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  int n_records, code_field, code2_field, name_field;

  SHPGetInfo (shp, &n_records, NULL, NULL, NULL);
  if (DBFGetRecordCount (dbf) != n_records)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_ATTRIBUTES,
                   "%s: the attribute table has %d records but the file has %d shapes",
                   path, DBFGetRecordCount (dbf), n_records);
      return NULL;
    }

  code_field = find_field (dbf, options ? options->code_field : NULL, code_fields);
  name_field = find_field (dbf, options ? options->name_field : NULL, name_fields);
  code2_field = find_field (dbf, NULL, code2_fields);
  if (code_field < 0 || name_field < 0)
    {
      g_autofree char *fields = list_fields (dbf);
      const char *wanted = code_field < 0
        ? (options && options->code_field ? options->code_field : "a code field (ISO_A3, ADM0_A3, ...)")
        : (options && options->name_field ? options->name_field : "a name field (NAME, NAME_EN, ADMIN, ...)");

      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_ATTRIBUTES,
                   "%s: the attribute table has no %s; its fields are: %s",
                   path, wanted, *fields ? fields : "(none)");
      return NULL;
    }

  for (int i = 0; i < n_records; i++)
    {
      SHPObject *obj = SHPReadObject (shp, i);
      g_autofree char *code = NULL;
      PendingFeature *feature;

      if (obj == NULL)
        {
          g_autofree char *why = take_shapelib_message ("the file is truncated or corrupt");
          g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                       "%s: shape %d cannot be read: %s", path, i, why);
          return NULL;
        }
      if (obj->nSHPType == SHPT_NULL || obj->nVertices == 0)
        {
          SHPDestroyObject (obj);
          continue;
        }

      code = read_text (dbf, i, code_field);
      if (code == NULL)
        code = g_strdup_printf ("#%d", i);

      feature = g_hash_table_lookup (by_code, code);
      if (feature == NULL)
        {
          feature = g_new0 (PendingFeature, 1);
          feature->code = g_steal_pointer (&code);
          feature->code2 = read_text (dbf, i, code2_field);
          feature->name = read_text (dbf, i, name_field);
          if (feature->name == NULL)
            feature->name = g_strdup (feature->code);
          feature->objects = g_ptr_array_new_with_free_func ((GDestroyNotify) SHPDestroyObject);
          g_ptr_array_add (pending, feature);
          g_hash_table_insert (by_code, feature->code, feature);
        }
      g_ptr_array_add (feature->objects, obj);
    }

  return g_steal_pointer (&pending);
}

MigmapShapeSet *
migmap_shape_set_new_from_file (const char                  *path,
                                const MigmapShapeSetOptions *options,
                                GError                     **error)
{
  g_autoptr(MigmapShapeSet) self = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autofree char *base = NULL;
  g_autofree char *shx_path = NULL;
  g_autofree char *dbf_path = NULL;
  SAHooks hooks;
  SHPHandle shp;
  DBFHandle dbf;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_shp_header (path, error))
    return NULL;

  base = g_str_has_suffix (path, ".shp") || g_str_has_suffix (path, ".SHP")
    ? g_strndup (path, strlen (path) - 4) : g_strdup (path);
  shx_path = find_companion (base, "shx");
  dbf_path = find_companion (base, "dbf");
  if (shx_path == NULL)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_OPEN,
                   "%s: the shape index %s.shx is missing", path, base);
      return NULL;
    }
  if (dbf_path == NULL)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_OPEN,
                   "%s: the attribute table %s.dbf is missing", path, base);
      return NULL;
    }

  SASetupDefaultHooks (&hooks);
  hooks.Error = capture_shapelib_error;
  g_clear_pointer (&shapelib_message, g_free);

  shp = SHPOpenLL (path, "rb", &hooks);
  if (shp == NULL)
    {
      g_autofree char *why = take_shapelib_message ("unreadable shape index");
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                   "%s: cannot be opened: %s", path, why);
      return NULL;
    }
  dbf = DBFOpenLL (dbf_path, "rb", &hooks);
  if (dbf == NULL)
    {
      g_autofree char *why = take_shapelib_message ("not a dBASE file");
      SHPClose (shp);
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_ATTRIBUTES,
                   "%s: the attribute table %s cannot be read: %s", path, dbf_path, why);
      return NULL;
    }

  pending = read_records (path, shp, dbf, options, error);
  SHPClose (shp);
  DBFClose (dbf);
  g_clear_pointer (&shapelib_message, g_free);
  if (pending == NULL)
    return NULL;

  self = g_object_new (MIGMAP_TYPE_SHAPE_SET, NULL);
  self->path = g_strdup (path);
  bounds_clear (&self->bounds);

  for (guint i = 0; i < pending->len; i++)
    {
      PendingFeature *p = g_ptr_array_index (pending, i);
      MigmapFeature *feature = g_new0 (MigmapFeature, 1);
      guint largest;

      add_full_rings (self, feature, p);
      if (feature->n_rings[MIGMAP_DETAIL_FULL] == 0)
        {
          g_free (feature);
          continue;
        }
      feature->code = g_steal_pointer (&p->code);
      feature->code2 = g_steal_pointer (&p->code2);
      feature->name = g_steal_pointer (&p->name);
      feature->index = self->features->len;

      bounds_clear (&feature->bounds);
      for (guint r = 0; r < feature->n_rings[MIGMAP_DETAIL_FULL]; r++)
        bounds_union (&feature->bounds,
                      &g_array_index (self->rings[MIGMAP_DETAIL_FULL], MigmapRing,
                                      feature->ring_start[MIGMAP_DETAIL_FULL] + r).bounds);
      bounds_union (&self->bounds, &feature->bounds);

      largest = largest_ring (self, feature);
      add_simplified_rings (self, feature, largest);
      compute_label_point (self, feature, largest);

      g_ptr_array_add (self->features, feature);
      g_hash_table_insert (self->by_code, feature->code, feature);
    }

  if (self->features->len == 0)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_GEOMETRY,
                   "%s: holds no polygon with at least three corners", path);
      return NULL;
    }

  /* The arrays are final now: turn ring offsets into pointers. */
  for (guint d = 0; d < MIGMAP_N_DETAILS; d++)
    for (guint r = 0; r < self->rings[d]->len; r++)
      {
        MigmapRing *ring = &g_array_index (self->rings[d], MigmapRing, r);
        ring->points = &g_array_index (self->points[d], double, GPOINTER_TO_SIZE (ring->points) * 2);
      }

  build_index (self);

  return g_steal_pointer (&self);
}

const char *
migmap_shape_set_get_path (MigmapShapeSet *self)
{
  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (self), NULL);
  return self->path;
}

guint
migmap_shape_set_get_n_features (MigmapShapeSet *self)
{
  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (self), 0);
  return self->features->len;
}

const MigmapFeature *
migmap_shape_set_get_feature (MigmapShapeSet *self, guint index)
{
  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (self), NULL);
  g_return_val_if_fail (index < self->features->len, NULL);
  return g_ptr_array_index (self->features, index);
}

const MigmapFeature *
migmap_shape_set_lookup (MigmapShapeSet *self, const char *code)
{
  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  return g_hash_table_lookup (self->by_code, code);
}

const MigmapRing *
migmap_shape_set_get_rings (MigmapShapeSet      *self,
                            const MigmapFeature *feature,
                            MigmapDetail         detail,
                            guint               *n_rings)
{
  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (self), NULL);
  g_return_val_if_fail (feature != NULL, NULL);
  g_return_val_if_fail (detail < MIGMAP_N_DETAILS, NULL);

  *n_rings = feature->n_rings[detail];
  return &g_array_index (self->rings[detail], MigmapRing, feature->ring_start[detail]);
}


gsize
migmap_shape_set_get_n_points (MigmapShapeSet *self, MigmapDetail detail)
{
  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (self), 0);
  g_return_val_if_fail (detail < MIGMAP_N_DETAILS, 0);
  return self->points[detail]->len / 2;
}
