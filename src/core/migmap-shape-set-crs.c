/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-shape-set-crs.c: every vertex to WGS84 longitude/latitude
 *
 * Shapefiles exported from QGIS or GDAL are often in metres (Web Mercator, a
 * national grid).  The .prj beside them says which; PROJ, the library QGIS
 * and GDAL use, converts.  Without a .prj, coordinates outside the range of
 * degrees cannot be placed, and MigMap says so instead of guessing.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "migmap-shape-set-private.h"

#include <math.h>
#include <gmodule.h>
#include <proj.h>
#include <stdio.h>

/* Rounding in files and in PROJ puts points a hair past the poles or the
 * antimeridian; they are clamped, anything farther is an error. */
#define DEGREE_SLACK 1e-6

/* 2.0e7, not 2.0e+07: read aloud, not parsed. */
static char *
format_magnitude (double value)
{
  char mantissa[32];
  int exponent = 0;

  if (value > 0.0)
    exponent = (int) floor (log10 (value));
  if (value > 0.0 && round (value / pow (10.0, exponent) * 10.0) >= 100.0)
    exponent++;
  g_ascii_formatd (mantissa, sizeof mantissa, "%.1f", value / pow (10.0, exponent));
  return g_strdup_printf ("%se%d", mantissa, exponent);
}

static gboolean
in_degrees (double x, double y)
{
  return fabs (x) <= 180.0 + DEGREE_SLACK && fabs (y) <= 90.0 + DEGREE_SLACK;
}

/* The first corner outside longitude/latitude, as a record and corner. */
static gboolean
find_outside (GPtrArray *pending, int *record, guint *corner, double *x, double *y)
{
  for (guint f = 0; f < pending->len; f++)
    {
      MigmapPendingFeature *feature = g_ptr_array_index (pending, f);

      for (guint k = 0; k < feature->parts->len; k++)
        {
          const MigmapPendingPart *part = &g_array_index (feature->parts, MigmapPendingPart, k);
          const double *p = &g_array_index (feature->points, double, 2 * part->first);

          for (guint i = 0; i < part->n_points; i++)
            if (!in_degrees (p[2 * i], p[2 * i + 1]))
              {
                *record = part->record;
                *corner = i;
                *x = p[2 * i];
                *y = p[2 * i + 1];
                return TRUE;
              }
        }
    }
  return FALSE;
}

/* Points on the antimeridian can come back from PROJ on either side: put
 * each on the side of its neighbours, or the ring would span the world. */
static void
settle_antimeridian (double *p, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      double *lon = &p[2 * i];
      const double *next = &p[2 * ((i + 1) % n)];
      const double *prev = &p[2 * ((i + n - 1) % n)];
      const double *side = fabs (*prev) < 180.0 - DEGREE_SLACK ? prev : next;

      if (fabs (*lon) >= 180.0 - DEGREE_SLACK && fabs (*side) > 90.0 && (*lon > 0) != (*side > 0))
        *lon = -*lon;
    }
}

/* Features share one point array: each walks its own parts, not the array. */
static void
clamp_to_degrees (GPtrArray *pending)
{
  for (guint f = 0; f < pending->len; f++)
    {
      MigmapPendingFeature *feature = g_ptr_array_index (pending, f);

      for (guint k = 0; k < feature->parts->len; k++)
        {
          const MigmapPendingPart *part = &g_array_index (feature->parts, MigmapPendingPart, k);
          double *p = &g_array_index (feature->points, double, 2 * part->first);

          for (guint i = 0; i < part->n_points; i++)
            {
              p[2 * i] = CLAMP (p[2 * i], -180.0, 180.0);
              p[2 * i + 1] = CLAMP (p[2 * i + 1], -90.0, 90.0);
            }
        }
    }
}

static gboolean
check_unprojected (const char *path, GPtrArray *pending, GError **error)
{
  double max_x = 0.0, max_y = 0.0;
  g_autofree char *magnitude = NULL;

  for (guint f = 0; f < pending->len; f++)
    {
      MigmapPendingFeature *feature = g_ptr_array_index (pending, f);

      for (guint k = 0; k < feature->parts->len; k++)
        {
          const MigmapPendingPart *part = &g_array_index (feature->parts, MigmapPendingPart, k);
          const double *p = &g_array_index (feature->points, double, 2 * part->first);

          for (guint i = 0; i < part->n_points; i++)
            {
              max_x = MAX (max_x, fabs (p[2 * i]));
              max_y = MAX (max_y, fabs (p[2 * i + 1]));
            }
        }
    }
  if (in_degrees (max_x, max_y))
    return TRUE;

  magnitude = format_magnitude (max_x > 180.0 + DEGREE_SLACK ? max_x : max_y);
  g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_GEOMETRY,
               _("%s: coordinates look projected (%s up to %s) and there is no .prj; MigMap needs longitude/latitude or a .prj"),
               path, max_x > 180.0 + DEGREE_SLACK ? "x" : "y", magnitude);
  return FALSE;
}

#define WGS84_ESRI "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]," \
                   "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]"
#define WGS84_GDAL "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563," \
                   "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0," \
                   "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]," \
                   "AUTHORITY[\"EPSG\",\"4326\"]]"

/* PROJ's functions, looked up when a file first needs them. */
#define PROJ_FUNCTIONS(X) \
  X (context_create) X (context_destroy) X (context_errno) X (context_errno_string) X (create) \
  X (create_crs_to_crs_from_pj) X (create_from_wkt) X (crs_get_geodetic_crs) X (destroy) \
  X (get_name) X (get_type) X (is_crs) X (is_equivalent_to_with_ctx) X (log_level) \
  X (normalize_for_visualization) X (string_list_destroy) X (trans_generic)

static struct {
#define PROJ_MEMBER(name) __typeof__ (proj_##name) *name;
  PROJ_FUNCTIONS (PROJ_MEMBER)
#undef PROJ_MEMBER
} proj;

/* Opens PROJ once per process; NULL when it is there, else why not. */
static const char *
load_proj (void)
{
  static gsize done;
  static char *failure;

  if (g_once_init_enter (&done))
    {
      GModule *module = g_module_open (MIGMAP_PROJ_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

      if (module == NULL)
        failure = g_strdup (g_module_error ());
#define PROJ_LOOKUP(name) \
      if (module && failure == NULL && !g_module_symbol (module, "proj_" #name, (gpointer *) &proj.name)) \
        failure = g_strdup (g_module_error ());
      PROJ_FUNCTIONS (PROJ_LOOKUP)
#undef PROJ_LOOKUP
      if (module)
        g_module_make_resident (module);
      g_once_init_leave (&done, 1);
    }
  return failure;
}

static void
context_free (PJ_CONTEXT *ctx)
{
  proj.context_destroy (ctx);
}

static void
pj_free (PJ *pj)
{
  if (pj)
    proj.destroy (pj);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PJ_CONTEXT, context_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PJ, pj_free)

static gboolean
reproject (const char *path, const char *prj_path, const char *wkt, GPtrArray *pending, GError **error)
{
  g_autoptr(PJ_CONTEXT) ctx = NULL;
  g_autoptr(PJ) source = NULL;
  g_autoptr(PJ) target = NULL;
  g_autoptr(PJ) operation = NULL;
  g_autoptr(PJ) normalized = NULL;
  PROJ_STRING_LIST warnings = NULL, errors = NULL;
  const char *failure;

  /* Longitude/latitude on WGS84 as ESRI and GDAL write it (Natural Earth,
   * ogr2ogr): what PROJ would find equivalent to EPSG:4326, without opening
   * PROJ, its 36 libraries and its database for the bundled shapes. */
  if (g_str_equal (wkt, WGS84_ESRI) || g_str_equal (wkt, WGS84_GDAL))
    return TRUE;

  failure = load_proj ();
  if (failure)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                   _("%s: cannot convert from the coordinate system in %s: PROJ cannot be loaded (%s)"),
                   path, prj_path, failure);
      return FALSE;
    }
  ctx = proj.context_create ();

  /* Errors come back through the return values; PROJ's log goes to stderr. */
  proj.log_level (ctx, PJ_LOG_NONE);

  source = proj.create_from_wkt (ctx, wkt, NULL, &warnings, &errors);
  if (source == NULL || !proj.is_crs (source))
    {
      const char *why = errors && errors[0] ? errors[0] : "not a coordinate system in WKT";

      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                   _("%s: the projection file %s cannot be understood: %s"), path, prj_path, why);
      proj.string_list_destroy (warnings);
      proj.string_list_destroy (errors);
      return FALSE;
    }
  proj.string_list_destroy (warnings);
  proj.string_list_destroy (errors);

  target = proj.create (ctx, "EPSG:4326");
  if (target == NULL)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                   _("%s: cannot convert from the coordinate system in %s: PROJ has no WGS84 (%s); is the proj-data package installed?"),
                   path, prj_path, proj.context_errno_string (ctx, proj.context_errno (ctx)));
      return FALSE;
    }
  /* Already longitude/latitude on WGS84: nothing to convert. */
  if (proj.is_equivalent_to_with_ctx (ctx, source, target, PJ_COMP_EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS))
    return TRUE;

  /* Searching PROJ's database for a datum transformation to WGS84 can take
   * seconds for an unusual ellipsoid, and buys metres, far below what a
   * country map shows.  So a geographic file is taken as longitude/latitude
   * as it is, and a projected one is only unprojected onto its own datum. */
  switch (proj.get_type (source))
    {
    case PJ_TYPE_GEOGRAPHIC_2D_CRS:
    case PJ_TYPE_GEOGRAPHIC_3D_CRS:
      return TRUE;
    case PJ_TYPE_PROJECTED_CRS:
      g_clear_pointer (&target, pj_free);
      target = proj.crs_get_geodetic_crs (ctx, source);
      break;
    default:
      break;
    }
  if (target == NULL)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                   _("%s: PROJ cannot convert the coordinate system in %s (%s) to longitude/latitude: %s"),
                   path, prj_path, proj.get_name (source),
                   proj.context_errno_string (ctx, proj.context_errno (ctx)));
      return FALSE;
    }

  operation = proj.create_crs_to_crs_from_pj (ctx, source, target, NULL, NULL);
  if (operation)
    normalized = proj.normalize_for_visualization (ctx, operation);
  if (normalized == NULL)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                   _("%s: PROJ cannot convert the coordinate system in %s (%s) to longitude/latitude: %s"),
                   path, prj_path, proj.get_name (source),
                   proj.context_errno_string (ctx, proj.context_errno (ctx)));
      return FALSE;
    }

  for (guint f = 0; f < pending->len; f++)
    {
      MigmapPendingFeature *feature = g_ptr_array_index (pending, f);

      for (guint k = 0; k < feature->parts->len; k++)
        {
          const MigmapPendingPart *part = &g_array_index (feature->parts, MigmapPendingPart, k);
          double *p = &g_array_index (feature->points, double, 2 * part->first);

          proj.trans_generic (normalized, PJ_FWD,
                              p, 2 * sizeof (double), part->n_points,
                              p + 1, 2 * sizeof (double), part->n_points,
                              NULL, 0, 0, NULL, 0, 0);
          settle_antimeridian (p, part->n_points);
        }
    }
  return TRUE;
}

gboolean
_migmap_shape_set_to_lon_lat (const char *path,
                              const char *prj_path,
                              GPtrArray  *pending,
                              GError    **error)
{
  g_autofree char *wkt = NULL;
  g_autoptr(GError) local_error = NULL;
  int record;
  guint corner;
  double x, y;

  if (prj_path == NULL)
    {
      if (!check_unprojected (path, pending, error))
        return FALSE;
      clamp_to_degrees (pending);
      return TRUE;
    }

  if (!g_file_get_contents (prj_path, &wkt, NULL, &local_error))
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_OPEN,
                   _("%s: the projection file %s cannot be read: %s"), path, prj_path, local_error->message);
      return FALSE;
    }
  if (!reproject (path, prj_path, g_strstrip (wkt), pending, error))
    return FALSE;

  if (find_outside (pending, &record, &corner, &x, &y))
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_GEOMETRY,
                   _("%s: record %d: corner %u is not on Earth in the coordinate system of %s (longitude/latitude %g, %g)"), path, record, corner, prj_path, x, y);
      return FALSE;
    }
  clamp_to_degrees (pending);
  return TRUE;
}
