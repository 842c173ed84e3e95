/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-shape-set-reader.c: a shapefile's records, codes and names, through
 * shapelib, with each fault reported as the file, the place and what is wrong */
#include "migmap-shape-set-private.h"

#include <errno.h>
#include <shapefil.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

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

void
_migmap_pending_feature_free (gpointer data)
{
  MigmapPendingFeature *pending = data;

  g_free (pending->code);
  g_free (pending->code2);
  g_free (pending->name);
  g_clear_pointer (&pending->points, g_array_unref);
  g_clear_pointer (&pending->parts, g_array_unref);
  g_free (pending);
}

static void
add_parts (MigmapPendingFeature *feature, const SHPObject *obj, int record)
{
  for (int part = 0; part < obj->nParts; part++)
    {
      int start = obj->panPartStart[part];
      int end = part + 1 < obj->nParts ? obj->panPartStart[part + 1] : obj->nVertices;
      MigmapPendingPart pending_part = { feature->points->len / 2, 0, record };

      if (start < 0 || end > obj->nVertices || end - start < 3)
        continue;
      pending_part.n_points = end - start;
      for (int v = start; v < end; v++)
        {
          double xy[2] = { obj->padfX[v], obj->padfY[v] };
          g_array_append_vals (feature->points, xy, 2);
        }
      g_array_append_val (feature->parts, pending_part);
    }
}

static GPtrArray *
read_records (const char *path, SHPHandle shp, DBFHandle dbf,
              const MigmapShapeSetOptions *options, GError **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (_migmap_pending_feature_free);
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
      MigmapPendingFeature *feature;

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
          feature = g_new0 (MigmapPendingFeature, 1);
          feature->code = g_steal_pointer (&code);
          feature->code2 = read_text (dbf, i, code2_field);
          feature->name = read_text (dbf, i, name_field);
          if (feature->name == NULL)
            feature->name = g_strdup (feature->code);
          feature->points = g_array_new (FALSE, FALSE, sizeof (double));
          feature->parts = g_array_new (FALSE, FALSE, sizeof (MigmapPendingPart));
          g_ptr_array_add (pending, feature);
          g_hash_table_insert (by_code, feature->code, feature);
        }
      add_parts (feature, obj, i);
      SHPDestroyObject (obj);
    }

  return g_steal_pointer (&pending);
}

GPtrArray *
_migmap_shape_set_read (const char                  *path,
                        const MigmapShapeSetOptions *options,
                        GError                     **error)
{
  g_autoptr(GPtrArray) pending = NULL;
  g_autofree char *base = NULL;
  g_autofree char *shx_path = NULL;
  g_autofree char *dbf_path = NULL;
  SAHooks hooks;
  SHPHandle shp;
  DBFHandle dbf;

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
  return g_steal_pointer (&pending);
}
