/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-shape-set-reader.c: a shapefile's records, codes and names, through
 * shapelib, with each fault reported as the file, the place and what is wrong */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "migmap-shape-set-private.h"

#include <errno.h>
#include <math.h>
#include <shapefil.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
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
      return _("points");
    case SHPT_MULTIPOINT: case SHPT_MULTIPOINTZ: case SHPT_MULTIPOINTM:
      return _("multipoints");
    case SHPT_ARC: case SHPT_ARCZ: case SHPT_ARCM:
      return _("lines");
    case SHPT_MULTIPATCH:
      return _("multipatches");
    case SHPT_NULL:
      return _("no shapes");
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
                   _("%s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_OPEN,
                   _("%s: not a regular file"), path);
      return FALSE;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                   _("%s: the file is empty"), path);
      return FALSE;
    }

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_OPEN,
                   _("%s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n_read < 4 || read_be32 (header) != 9994)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                   _("%s: not a shapefile (no shapefile header)"), path);
      return FALSE;
    }
  if (n_read < sizeof header)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                   _("%s: truncated: %zu bytes, shorter than the 100-byte shapefile header"),
                   path, n_read);
      return FALSE;
    }

  declared = read_be32 (header + 24) * 2;
  if ((gint64) declared > (gint64) st.st_size)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                   _("%s: truncated: the header announces %u bytes but the file has %lld"),
                   path, declared, (long long) st.st_size);
      return FALSE;
    }

  type = read_le32 (header + 32);
  if (!is_polygon_type (type))
    {
      what = shape_type_description (type);
      if (what)
        g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_GEOMETRY,
                     _("%s: holds %s, not polygons"), path, what);
      else
        g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                     _("%s: unknown shape type %u"), path, type);
      return FALSE;
    }
  return TRUE;
}

/* Reads the start of a companion file; FALSE with error when it cannot. */
static gboolean
read_head (const char *path, const char *what, const char *file, guint8 *head, gsize size,
           gint64 *file_size, GError **error)
{
  g_autoptr(GFile) gfile = g_file_new_for_path (file);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  gsize n_read = 0;
  g_autoptr(GError) local_error = NULL;

  stream = g_file_read (gfile, NULL, &local_error);
  if (stream)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, &local_error);
  if (info && !g_input_stream_read_all (G_INPUT_STREAM (stream), head, size, &n_read, NULL, &local_error))
    g_clear_object (&info);
  if (info == NULL)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_OPEN,
                   _("%s: the %s %s cannot be read: %s"), path, what, file, local_error->message);
      return FALSE;
    }
  if (n_read < size)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                   _("%s: the %s %s is truncated: %zu bytes, shorter than its %zu-byte header"),
                   path, what, file, n_read, size);
      return FALSE;
    }
  *file_size = g_file_info_get_size (info);
  return TRUE;
}

/* shapelib sizes its tables from these headers before it reads the rest. */
static gboolean
check_shx_header (const char *path, const char *shx_path, GError **error)
{
  guint8 head[100];
  gint64 size;
  guint64 declared;

  if (!read_head (path, _("shape index"), shx_path, head, sizeof head, &size, error))
    return FALSE;
  declared = (guint64) read_be32 (head + 24) * 2;
  if (read_be32 (head) != 9994 || declared > (guint64) size)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                   _("%s: the shape index %s is damaged: its header announces %llu bytes but the file has %lld"), path, shx_path, (unsigned long long) declared, (long long) size);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_dbf_header (const char *path, const char *dbf_path, GError **error)
{
  guint8 head[32];
  gint64 size;
  guint32 n_records, header_length, record_length;
  guint64 needed;

  if (!read_head (path, _("attribute table"), dbf_path, head, sizeof head, &size, error))
    return FALSE;
  n_records = read_le32 (head + 4);
  header_length = head[8] | (head[9] << 8);
  record_length = head[10] | (head[11] << 8);
  needed = header_length + (guint64) n_records * record_length;
  if (needed > (guint64) size)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_ATTRIBUTES,
                   _("%s: the attribute table %s is damaged: its header announces %u records of %u bytes after a %u-byte header (%llu bytes), but the file has only %lld"),
                   path, dbf_path, n_records, record_length, header_length, (unsigned long long) needed, (long long) size);
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

      g_autofree char *valid = NULL;

      DBFGetFieldInfo (dbf, i, name, NULL, NULL);
      valid = g_utf8_make_valid (name, -1);
      g_string_append_printf (names, "%s%s", i ? ", " : "", valid);
    }
  return g_string_free (names, FALSE);
}

/* ---- text encodings ---- */

typedef struct {
  guint8      ldid;
  const char *charset;
} LanguageDriver;

/* dBASE language driver ids, for files without a .cpg. */
static const LanguageDriver language_drivers[] = {
  { 0x01, "CP437" }, { 0x02, "CP850" }, { 0x03, "CP1252" }, { 0x04, "MACINTOSH" },
  { 0x08, "CP865" }, { 0x09, "CP437" }, { 0x0A, "CP850" }, { 0x0B, "CP437" },
  { 0x0D, "CP437" }, { 0x0E, "CP850" }, { 0x0F, "CP437" }, { 0x10, "CP850" },
  { 0x11, "CP437" }, { 0x12, "CP850" }, { 0x13, "CP932" }, { 0x14, "CP850" },
  { 0x15, "CP437" }, { 0x16, "CP850" }, { 0x17, "CP865" }, { 0x18, "CP437" },
  { 0x19, "CP437" }, { 0x1A, "CP850" }, { 0x1B, "CP437" }, { 0x1C, "CP863" },
  { 0x1D, "CP850" }, { 0x1F, "CP852" }, { 0x22, "CP852" }, { 0x23, "CP852" },
  { 0x24, "CP860" }, { 0x25, "CP850" }, { 0x26, "CP866" }, { 0x37, "CP850" },
  { 0x40, "CP852" }, { 0x4D, "CP936" }, { 0x4E, "CP949" }, { 0x4F, "CP950" },
  { 0x50, "CP874" }, { 0x57, "CP1252" }, { 0x58, "CP1252" }, { 0x59, "CP1252" },
  { 0x64, "CP852" }, { 0x65, "CP866" }, { 0x66, "CP865" }, { 0x67, "CP861" },
  { 0x6A, "CP737" }, { 0x6B, "CP857" }, { 0x6C, "CP863" }, { 0x78, "CP950" },
  { 0x79, "CP949" }, { 0x7A, "CP936" }, { 0x7B, "CP932" }, { 0x7C, "CP874" },
  { 0x7D, "CP1255" }, { 0x7E, "CP1256" }, { 0x86, "CP737" }, { 0x87, "CP852" },
  { 0x88, "CP857" }, { 0x96, "MACCYRILLIC" }, { 0x98, "MACGREEK" },
  { 0xC8, "CP1250" }, { 0xC9, "CP1251" }, { 0xCA, "CP1254" }, { 0xCB, "CP1253" },
  { 0xCC, "CP1257" },
};

static gboolean
charset_is_known (const char *charset)
{
  GIConv conv = g_iconv_open ("UTF-8", charset);

  if (conv == (GIConv) -1)
    return FALSE;
  g_iconv_close (conv);
  return TRUE;
}

/* The charset iconv knows for shapelib's code page (the .cpg's text, or
 * "LDID/n" from the .dbf header), or NULL when unknown or UTF-8. */
static char *
charset_for_code_page (const char *code_page)
{
  g_autofree char *cp = NULL;
  const char *digits;
  char *charset;
  guint ldid;

  if (code_page == NULL)
    return NULL;
  if (sscanf (code_page, "LDID/%u", &ldid) == 1)
    {
      for (guint i = 0; i < G_N_ELEMENTS (language_drivers); i++)
        if (language_drivers[i].ldid == ldid)
          return charset_is_known (language_drivers[i].charset)
            ? g_strdup (language_drivers[i].charset) : NULL;
      return NULL;
    }

  cp = g_ascii_strup (code_page, -1);
  g_strstrip (cp);
  digits = g_str_has_prefix (cp, "ANSI ") ? cp + 5 : cp;
  if (g_str_equal (digits, "UTF-8") || g_str_equal (digits, "UTF8") || g_str_equal (digits, "65001"))
    return NULL;
  if (g_str_has_prefix (digits, "8859"))
    {
      const char *part = digits + 4 + (digits[4] == '_' || digits[4] == '-');
      charset = g_strdup_printf ("ISO-8859-%s", part);
    }
  else if (*digits != '\0' && strspn (digits, "0123456789") == strlen (digits))
    charset = g_strdup_printf ("CP%s", digits);
  else
    charset = g_strdup (digits);

  if (!charset_is_known (charset))
    g_clear_pointer (&charset, g_free);
  return charset;
}

/* Text from the .dbf as valid UTF-8, whatever the file holds: its declared
 * charset, else UTF-8, else Windows-1252 (what most unlabelled files are),
 * else UTF-8 with the bad bytes replaced. */
static char *
text_to_utf8 (const char *raw, const char *charset, gboolean trusted)
{
  char *text;

  /* A language driver id is often left at a default while the text is
   * UTF-8; valid UTF-8 with accents is all but impossible in a legacy
   * charset, so it wins over an untrusted declaration. */
  if (charset && !trusted && g_utf8_validate (raw, -1, NULL))
    return g_strdup (raw);
  if (charset)
    {
      text = g_convert (raw, -1, "UTF-8", charset, NULL, NULL, NULL);
      if (text && g_utf8_validate (text, -1, NULL))
        return text;
      g_free (text);
    }
  if (g_utf8_validate (raw, -1, NULL))
    return g_strdup (raw);
  text = g_convert (raw, -1, "UTF-8", "CP1252", NULL, NULL, NULL);
  if (text && g_utf8_validate (text, -1, NULL))
    return text;
  g_free (text);
  return g_utf8_make_valid (raw, -1);
}

typedef struct {
  const char *path;
  const char *dbf_path;
  DBFHandle   dbf;
  char       *charset;
  gboolean    charset_trusted; /* from a .cpg, not a language driver id */
} Reader;

/* A field's text, NULL when empty; FALSE with error when the record cannot
 * be read (shapelib then reports through its error hook). */
static gboolean
read_text (Reader *reader, int record, int field, char **out, GError **error)
{
  const char *value = NULL;
  char *text;

  *out = NULL;
  if (field < 0)
    return TRUE;
  g_clear_pointer (&shapelib_message, g_free);
  if (!DBFIsAttributeNULL (reader->dbf, record, field))
    value = DBFReadStringAttribute (reader->dbf, record, field);
  if (shapelib_message)
    {
      g_autofree char *why = take_shapelib_message (NULL);
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_ATTRIBUTES,
                   _("%s: record %d of the attribute table %s cannot be read: %s"),
                   reader->path, record, reader->dbf_path, why);
      return FALSE;
    }
  if (value == NULL)
    return TRUE;
  text = text_to_utf8 (value, reader->charset, reader->charset_trusted);
  g_strstrip (text);
  /* Natural Earth writes -99 for "no code". */
  if (*text == '\0' || g_str_equal (text, "-99"))
    g_clear_pointer (&text, g_free);
  *out = text;
  return TRUE;
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

/* Beyond this no coordinate system puts a point on Earth (metres, feet or
 * degrees); the file is damaged. */
#define MAX_COORDINATE 1e10

static gboolean
add_parts (Reader *reader, MigmapPendingFeature *feature, const SHPObject *obj, int record,
           GError **error)
{
  for (int v = 0; v < obj->nVertices; v++)
    {
      double x = obj->padfX[v], y = obj->padfY[v];

      if (!isfinite (x) || !isfinite (y) || fabs (x) > MAX_COORDINATE || fabs (y) > MAX_COORDINATE)
        {
          g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_GEOMETRY,
                       _("%s: record %d: corner %d has coordinates (%g, %g), %s"),
                       reader->path, record, v, x, y,
                       isfinite (x) && isfinite (y) ? _("far outside any map") : _("which are not finite numbers"));
          return FALSE;
        }
    }

  for (int part = 0; part < obj->nParts; part++)
    {
      int start = obj->panPartStart[part];
      int end = part + 1 < obj->nParts ? obj->panPartStart[part + 1] : obj->nVertices;
      MigmapPendingPart pending_part = { feature->points->len / 2, 0, record };

      if (start < 0 || end > obj->nVertices || end - start < 3)
        continue;
      pending_part.n_points = end - start;
      g_array_set_size (feature->points, feature->points->len + 2 * (guint) (end - start + 1));
      {
        double *out = &g_array_index (feature->points, double, 2 * pending_part.first);

        for (int v = start; v < end; v++)
          {
            *out++ = obj->padfX[v];
            *out++ = obj->padfY[v];
          }
      }
      g_array_append_val (feature->parts, pending_part);
    }
  return TRUE;
}

static GPtrArray *
read_records (Reader *reader, SHPHandle shp,
              const MigmapShapeSetOptions *options, GError **error)
{
  const char *path = reader->path;
  DBFHandle dbf = reader->dbf;
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (_migmap_pending_feature_free);
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  int n_records, code_field, code2_field, name_field;

  SHPGetInfo (shp, &n_records, NULL, NULL, NULL);
  if (DBFGetRecordCount (dbf) != n_records)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_ATTRIBUTES,
                   _("%s: the attribute table has %d records but the file has %d shapes"),
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
                   _("%s: the attribute table has no %s; its fields are: %s"),
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
                       _("%s: shape %d cannot be read: %s"), path, i, why);
          return NULL;
        }
      if (obj->nSHPType == SHPT_NULL || obj->nVertices == 0)
        {
          SHPDestroyObject (obj);
          continue;
        }

      if (!read_text (reader, i, code_field, &code, error))
        {
          SHPDestroyObject (obj);
          return NULL;
        }
      if (code == NULL)
        code = g_strdup_printf ("#%d", i);

      feature = g_hash_table_lookup (by_code, code);
      if (feature == NULL)
        {
          feature = g_new0 (MigmapPendingFeature, 1);
          feature->code = g_steal_pointer (&code);
          feature->points = g_array_ref (points);
          feature->parts = g_array_new (FALSE, FALSE, sizeof (MigmapPendingPart));
          g_ptr_array_add (pending, feature);
          g_hash_table_insert (by_code, feature->code, feature);
          if (!read_text (reader, i, code2_field, &feature->code2, error) ||
              !read_text (reader, i, name_field, &feature->name, error))
            {
              SHPDestroyObject (obj);
              return NULL;
            }
          if (feature->name == NULL)
            feature->name = g_strdup (feature->code);
        }
      if (!add_parts (reader, feature, obj, i, error))
        {
          SHPDestroyObject (obj);
          return NULL;
        }
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
  g_autofree char *prj_path = NULL;
  SAHooks hooks;
  SHPHandle shp;
  DBFHandle dbf;
  Reader reader = { 0 };

  if (!check_shp_header (path, error))
    return NULL;

  base = g_str_has_suffix (path, ".shp") || g_str_has_suffix (path, ".SHP")
    ? g_strndup (path, strlen (path) - 4) : g_strdup (path);
  shx_path = find_companion (base, "shx");
  dbf_path = find_companion (base, "dbf");
  if (shx_path == NULL)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_OPEN,
                   _("%s: the shape index %s.shx is missing"), path, base);
      return NULL;
    }
  if (dbf_path == NULL)
    {
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_OPEN,
                   _("%s: the attribute table %s.dbf is missing"), path, base);
      return NULL;
    }

  if (!check_shx_header (path, shx_path, error) || !check_dbf_header (path, dbf_path, error))
    return NULL;

  SASetupDefaultHooks (&hooks);
  hooks.Error = capture_shapelib_error;
  g_clear_pointer (&shapelib_message, g_free);

  shp = SHPOpenLL (path, "rb", &hooks);
  if (shp == NULL)
    {
      g_autofree char *why = take_shapelib_message ("unreadable shape index");
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT,
                   _("%s: cannot be opened: %s"), path, why);
      return NULL;
    }
  dbf = DBFOpenLL (dbf_path, "rb", &hooks);
  if (dbf == NULL)
    {
      g_autofree char *why = take_shapelib_message ("not a dBASE file");
      SHPClose (shp);
      g_set_error (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_ATTRIBUTES,
                   _("%s: the attribute table %s cannot be read: %s"), path, dbf_path, why);
      return NULL;
    }

  reader.path = path;
  reader.dbf_path = dbf_path;
  reader.dbf = dbf;
  reader.charset = charset_for_code_page (DBFGetCodePage (dbf));
  reader.charset_trusted = DBFGetCodePage (dbf) && !g_str_has_prefix (DBFGetCodePage (dbf), "LDID/");
  pending = read_records (&reader, shp, options, error);
  g_free (reader.charset);
  SHPClose (shp);
  DBFClose (dbf);
  g_clear_pointer (&shapelib_message, g_free);
  if (pending == NULL)
    return NULL;

  prj_path = find_companion (base, "prj");
  if (!_migmap_shape_set_to_lon_lat (path, prj_path, pending, error))
    return NULL;
  return g_steal_pointer (&pending);
}
