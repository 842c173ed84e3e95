/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-shape-set-cache.c: what loading a shapefile computed, kept in a file
 * that later runs map instead of parsing, projecting, indexing and
 * simplifying again
 *
 * The cache is a shortcut, never a source of truth.  It is used only when its
 * key (format, build, the files' identity, size and times, the field options)
 * matches byte for byte, its checksum matches, and every count, offset and
 * coordinate in it checks out against the mapped size; otherwise the
 * shapefile is read as if there were no cache, and the cache rewritten.
 * Nothing is allocated from a count in the file before the bytes it counts
 * are known to be there.
 */
#include "config.h"

#include "migmap-atomic-file.h"
#include "migmap-shape-set-private.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_MAGIC "MIGMAPSC"
#define CACHE_FORMAT 2
/* Bump whenever what loading computes changes (reader, coordinate
 * conversion, labels, simplification, index): a cache is only as right as
 * the code that wrote it. */
#define CACHE_BUILD_VERSION 1
#define CACHE_BYTE_ORDER 0x01020304u
#define NO_STRING G_MAXUINT32

enum {
  SECTION_KEY,
  SECTION_FEATURES,
  SECTION_STRINGS,
  SECTION_FULL_RINGS,
  SECTION_COARSE_RINGS,
  SECTION_CELLS,
  SECTION_ENTRIES,
  SECTION_EDGES,
  SECTION_FULL_POINTS,
  SECTION_COARSE_POINTS,
  N_SECTIONS
};

typedef struct {
  char            magic[8];
  guint32         format;
  guint32         byte_order;
  guint64         checksum;   /* checksum () of everything after the header */
  guint64         file_size;
  guint64         offset[N_SECTIONS];
  guint64         length[N_SECTIONS];
  MigmapGeoBounds bounds;
} CacheHeader;

/* Bands in the file: the full one, and the coarse one a world view draws. */
enum { BAND_FULL, BAND_COARSE, N_BANDS };
static const MigmapDetail band_detail[N_BANDS] = { MIGMAP_DETAIL_FULL, MIGMAP_DETAIL_COARSE };

typedef struct {
  guint32         code, code2, name;   /* offsets into the strings */
  guint32         largest;             /* index of the main ring in the full band */
  guint32         ring_start[N_BANDS];
  guint32         n_rings[N_BANDS];
  MigmapGeoBounds bounds;
  MigmapGeoBounds label_bounds;
  double          label_lon, label_lat;
} CacheFeature;

typedef struct {
  guint32         first;               /* index of the first point in the band */
  guint32         n_points;
  guint32         is_hole;
  guint32         reserved;
  MigmapGeoBounds bounds;
} CacheRing;

G_STATIC_ASSERT (sizeof (CacheHeader) % 8 == 0);
G_STATIC_ASSERT (sizeof (CacheFeature) % 8 == 0);
G_STATIC_ASSERT (sizeof (CacheRing) % 8 == 0);
G_STATIC_ASSERT (sizeof (MigmapIndexEntry) == 16);

#define N_CELLS ((gsize) MIGMAP_SHAPE_SET_GRID_COLS * MIGMAP_SHAPE_SET_GRID_ROWS)

/* ---- key ---- */

static void
append_file_identity (GString *key, const char *file)
{
  struct stat st;
  gint64 fields[8] = { 0 };

  if (stat (file, &st) == 0)
    {
      fields[0] = 1;
      fields[1] = st.st_size;
      fields[2] = st.st_mtim.tv_sec;
      fields[3] = st.st_mtim.tv_nsec;
      /* The change time cannot be set back by hand, unlike the mtime
       * (cp -p, rsync -t, touch -d). */
      fields[4] = st.st_ctim.tv_sec;
      fields[5] = st.st_ctim.tv_nsec;
      fields[6] = st.st_ino;
      fields[7] = st.st_dev;
    }
  g_string_append_len (key, (const char *) fields, sizeof fields);
}

static void
append_string (GString *key, const char *text)
{
  g_string_append (key, text ? text : "(null)");
  g_string_append_c (key, '\0');
}

/* The absolute path and the field options, each NUL-terminated. */
static GString *
source_name (const char *path, const MigmapShapeSetOptions *options)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  GString *name = g_string_new (NULL);

  append_string (name, absolute);
  append_string (name, options ? options->code_field : NULL);
  append_string (name, options ? options->name_field : NULL);
  return name;
}

char *
_migmap_shape_cache_key (const char *path, const MigmapShapeSetOptions *options, gsize *key_length)
{
  static const char * const companions[] = { "shx", "SHX", "dbf", "DBF", "prj", "PRJ", "cpg", "CPG" };
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *base = NULL;
  g_autoptr(GString) name = NULL;
  GString *key;
  struct stat st;

  if (stat (absolute, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;

  key = g_string_new (NULL);
  g_string_append_printf (key, "migmap shape cache %d/%d/%s/%zu", CACHE_FORMAT, CACHE_BUILD_VERSION,
                          PACKAGE_VERSION, sizeof (void *));
  g_string_append_c (key, '\0');
  name = source_name (path, options);
  g_string_append_len (key, name->str, name->len);
  append_file_identity (key, absolute);
  base = g_str_has_suffix (absolute, ".shp") || g_str_has_suffix (absolute, ".SHP")
    ? g_strndup (absolute, strlen (absolute) - 4) : g_strdup (absolute);
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *file = g_strconcat (base, ".", companions[i], NULL);
      append_file_identity (key, file);
    }
  *key_length = key->len;
  return g_string_free (key, FALSE);
}

char *
_migmap_shape_cache_file (const char *path, const MigmapShapeSetOptions *options)
{
  g_autoptr(GString) name = source_name (path, options);
  g_autofree char *digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) name->str,
                                                          name->len);
  g_autofree char *file = NULL;

  digest[32] = '\0';
  file = g_strdup_printf ("shapes-%s.cache", digest);
  return g_build_filename (g_get_user_cache_dir (), "migmap", file, NULL);
}

/* ---- reading ---- */

/* Fletcher's sums over 64-bit words: any one flipped bit, and most other
 * damage, changes it, at memory speed (adler32 spent 7 ms of a 1:10m world
 * snapshot on it).  Damage made on purpose is the structural checks' job. */
typedef struct {
  guint64 a, b;
  guint8  pending[8]; /* the start of a word the last call left unfinished */
  gsize   n_pending;
} Checksum;

#define CHECKSUM_INIT { 1, 0, { 0 }, 0 }

static inline void
checksum_word (Checksum *sum, const guint8 *bytes)
{
  guint64 word;

  memcpy (&word, bytes, 8);
  sum->a += GUINT64_FROM_LE (word);
  sum->b += sum->a;
}

/* The sum of a file is the same whatever pieces it is added in. */
static void
checksum_add (Checksum *sum, const guint8 *data, gsize length)
{
  gsize i = 0;

  while (sum->n_pending > 0 && sum->n_pending < 8 && i < length)
    sum->pending[sum->n_pending++] = data[i++];
  if (sum->n_pending == 8)
    {
      checksum_word (sum, sum->pending);
      sum->n_pending = 0;
    }
  if (sum->n_pending == 0)
    {
      guint64 a = sum->a, b = sum->b;

      for (; i + 8 <= length; i += 8)
        {
          guint64 word;

          memcpy (&word, data + i, 8);
          a += GUINT64_FROM_LE (word);
          b += a;
        }
      sum->a = a;
      sum->b = b;
      for (; i < length; i++)
        sum->pending[sum->n_pending++] = data[i];
    }
}

/* A last partial word counts as if padded with zeros. */
static guint64
checksum_value (const Checksum *sum)
{
  Checksum last = *sum;

  if (last.n_pending > 0)
    {
      memset (last.pending + last.n_pending, 0, 8 - last.n_pending);
      checksum_word (&last, last.pending);
    }
  /* Rotated, so that a flip in the top bit of the last word, which moves
   * both sums by 2^63, cannot cancel out. */
  return last.a ^ (((last.b << 32) | (last.b >> 32)) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));
}

static gboolean
fail (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError **error, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, MIGMAP_SHAPE_SET_ERROR, MIGMAP_SHAPE_SET_ERROR_FORMAT, message);
  return FALSE;
}

static inline gboolean
bounds_ok (const MigmapGeoBounds *b)
{
  return b->west >= -180.0 && b->east <= 180.0 && b->west <= b->east &&
         b->south >= -90.0 && b->north <= 90.0 && b->south <= b->north;
}

/* Every coordinate on Earth; false for NaN too. */
static gboolean
points_ok (const double *p, gsize n_values)
{
  gboolean ok = TRUE;

  for (gsize i = 0; i < n_values; i += 2)
    ok &= (p[i] >= -180.0) & (p[i] <= 180.0) & (p[i + 1] >= -90.0) & (p[i + 1] <= 90.0);
  return ok;
}

static gboolean
rings_ok (const CacheRing *rings, gsize n_rings, gsize n_points)
{
  for (gsize r = 0; r < n_rings; r++)
    if (rings[r].first > n_points || rings[r].n_points < 4 || rings[r].n_points > n_points - rings[r].first ||
        rings[r].is_hole > 1 || !bounds_ok (&rings[r].bounds))
      return FALSE;
  return TRUE;
}

static gboolean
string_ok (const char *strings, gsize length, guint32 offset, gboolean optional)
{
  if (offset == NO_STRING)
    return optional;
  /* The section ends in a NUL: any string in it is terminated. */
  return offset < length && strings[offset] != '\0' && g_utf8_validate (strings + offset, -1, NULL);
}

static GArray *
make_rings (const CacheRing *cached, gsize n, const double *points)
{
  GArray *rings = g_array_sized_new (FALSE, FALSE, sizeof (MigmapRing), n);

  g_array_set_size (rings, n);
  for (gsize r = 0; r < n; r++)
    {
      MigmapRing *ring = &g_array_index (rings, MigmapRing, r);

      ring->points = points + 2 * (gsize) cached[r].first;
      ring->n_points = cached[r].n_points;
      ring->is_hole = cached[r].is_hole;
      ring->bounds = cached[r].bounds;
    }
  return rings;
}

MigmapShapeSet *
_migmap_shape_cache_load_from_data (const char *path,
                                    const char *key,
                                    gsize       key_length,
                                    gpointer    data,
                                    gsize       size,
                                    gboolean    is_mapped,
                                    GError    **error)
{
  g_autoptr(MigmapShapeSet) self = NULL;
  const guint8 *bytes = data;
  const CacheHeader *header = data;
  const CacheFeature *features;
  const CacheRing *rings[N_BANDS];
  const double *points[N_BANDS];
  const guint32 *cells, *edges;
  const MigmapIndexEntry *entries;
  const char *strings;
  gsize n_features, n_rings[N_BANDS], n_values[N_BANDS], n_entries, n_edges, n_strings;
  static const gsize element[N_SECTIONS] = {
    [SECTION_KEY] = 1, [SECTION_FEATURES] = sizeof (CacheFeature), [SECTION_STRINGS] = 1,
    [SECTION_FULL_RINGS] = sizeof (CacheRing), [SECTION_COARSE_RINGS] = sizeof (CacheRing),
    [SECTION_CELLS] = sizeof (guint32), [SECTION_ENTRIES] = sizeof (MigmapIndexEntry),
    [SECTION_EDGES] = sizeof (guint32), [SECTION_FULL_POINTS] = 2 * sizeof (double),
    [SECTION_COARSE_POINTS] = 2 * sizeof (double),
  };

  /* From here on the set, or this function, releases the data. */
  self = _migmap_shape_set_new_empty (path);
  self->cache_map = data;
  self->cache_map_size = size;
  self->cache_map_is_heap = !is_mapped;

  if (((guintptr) data) % 8 != 0)
    return (fail (error, "misaligned data"), NULL);
  if (size < sizeof (CacheHeader) || memcmp (header->magic, CACHE_MAGIC, 8) != 0)
    return (fail (error, "not a MigMap shape cache"), NULL);
  if (header->format != CACHE_FORMAT || header->byte_order != CACHE_BYTE_ORDER)
    return (fail (error, "format %u, not %u", header->format, CACHE_FORMAT), NULL);
  if (header->file_size != size)
    return (fail (error, "truncated: %" G_GUINT64_FORMAT " bytes announced, %zu found",
                  header->file_size, size), NULL);
  for (guint s = 0; s < N_SECTIONS; s++)
    if (header->offset[s] % 8 != 0 || header->offset[s] < sizeof (CacheHeader) ||
        header->offset[s] > size || header->length[s] > size - header->offset[s] ||
        header->length[s] % element[s] != 0)
      return (fail (error, "section %u lies outside the file", s), NULL);
  if (header->length[SECTION_KEY] != key_length ||
      memcmp (bytes + header->offset[SECTION_KEY], key, key_length) != 0)
    return (fail (error, "written for other files, or by another build"), NULL);
  {
    Checksum sum = CHECKSUM_INIT;

    checksum_add (&sum, bytes + sizeof (CacheHeader), size - sizeof (CacheHeader));
    if (checksum_value (&sum) != header->checksum)
      return (fail (error, "checksum mismatch"), NULL);
  }

#define SECTION(type, s) ((const type *) (bytes + header->offset[s]))
#define COUNT(s) (header->length[s] / element[s])
  features = SECTION (CacheFeature, SECTION_FEATURES);
  n_features = COUNT (SECTION_FEATURES);
  strings = SECTION (char, SECTION_STRINGS);
  n_strings = header->length[SECTION_STRINGS];
  cells = SECTION (guint32, SECTION_CELLS);
  entries = SECTION (MigmapIndexEntry, SECTION_ENTRIES);
  n_entries = COUNT (SECTION_ENTRIES);
  edges = SECTION (guint32, SECTION_EDGES);
  n_edges = COUNT (SECTION_EDGES);
  rings[BAND_FULL] = SECTION (CacheRing, SECTION_FULL_RINGS);
  rings[BAND_COARSE] = SECTION (CacheRing, SECTION_COARSE_RINGS);
  n_rings[BAND_FULL] = COUNT (SECTION_FULL_RINGS);
  n_rings[BAND_COARSE] = COUNT (SECTION_COARSE_RINGS);
  points[BAND_FULL] = SECTION (double, SECTION_FULL_POINTS);
  points[BAND_COARSE] = SECTION (double, SECTION_COARSE_POINTS);
  n_values[BAND_FULL] = header->length[SECTION_FULL_POINTS] / sizeof (double);
  n_values[BAND_COARSE] = header->length[SECTION_COARSE_POINTS] / sizeof (double);
#undef SECTION
#undef COUNT

  if (n_features == 0 || n_features > G_MAXUINT32 || n_strings == 0 || strings[n_strings - 1] != '\0')
    return (fail (error, "no features, or unterminated names"), NULL);
  if (!bounds_ok (&header->bounds))
    return (fail (error, "bad bounds"), NULL);
  for (guint b = 0; b < N_BANDS; b++)
    {
      gsize n_points = n_values[b] / 2;

      if (n_points > G_MAXUINT32 || n_rings[b] > G_MAXUINT32 || !points_ok (points[b], n_values[b]) ||
          !rings_ok (rings[b], n_rings[b], n_points))
        return (fail (error, "bad points or rings in band %u", b), NULL);
    }

  /* The grid: offsets ascend to the number of entries, entries name real
   * features and edges, edges start at a point with a successor. */
  if (header->length[SECTION_CELLS] != (N_CELLS + 1) * sizeof (guint32) || cells[0] != 0 ||
      cells[N_CELLS] != n_entries)
    return (fail (error, "bad grid"), NULL);
  for (gsize c = 0; c < N_CELLS; c++)
    if (cells[c] > cells[c + 1])
      return (fail (error, "bad grid cell %zu", c), NULL);
  for (gsize k = 0; k < n_entries; k++)
    if (entries[k].feature >= n_features || entries[k].edge_begin > entries[k].edge_end ||
        entries[k].edge_end > n_edges || entries[k].center_inside > 1)
      return (fail (error, "bad grid entry %zu", k), NULL);
  {
    guint32 bad = 0;
    guint32 limit = n_values[BAND_FULL] / 2 > 0 ? (guint32) (n_values[BAND_FULL] / 2 - 1) : 0;

    for (gsize e = 0; e < n_edges; e++)
      bad |= edges[e] >= limit;
    if (bad)
      return (fail (error, "bad grid edge"), NULL);
  }

  self->bounds = header->bounds;
  for (guint b = 0; b < N_BANDS; b++)
    {
      MigmapDetail d = band_detail[b];

      g_array_unref (self->rings[d]);
      self->rings[d] = make_rings (rings[b], n_rings[b], points[b]);
      self->band_points[d] = points[b];
      self->band_n_values[d] = n_values[b];
      self->band_ready[d] = TRUE;
    }
  self->cell_entry_start = cells;
  self->entries = entries;
  self->n_entries = n_entries;
  self->edges = edges;
  self->n_edges = n_edges;

  /* Each feature's rings follow the previous feature's, and the last
   * feature's end the band, as the loader lays them out: the renderer sizes
   * its per-ring tables from the last feature. */
  {
    gsize end[N_BANDS] = { 0 };

    for (gsize f = 0; f < n_features; f++)
      for (guint b = 0; b < N_BANDS; b++)
        {
          if (features[f].ring_start[b] != end[b] || features[f].n_rings[b] == 0 ||
              features[f].n_rings[b] > n_rings[b] - end[b])
            return (fail (error, "feature %zu has rings out of place in band %u", f, b), NULL);
          end[b] += features[f].n_rings[b];
        }
    if (end[BAND_FULL] != n_rings[BAND_FULL] || end[BAND_COARSE] != n_rings[BAND_COARSE])
      return (fail (error, "rings that belong to no feature"), NULL);
  }

  self->largest = g_new (guint, n_features);
  for (gsize f = 0; f < n_features; f++)
    {
      const CacheFeature *cached = &features[f];
      MigmapFeature *feature;
      const double numbers[] = { cached->label_lon, cached->label_lat };

      if (cached->largest < cached->ring_start[BAND_FULL] ||
          cached->largest - cached->ring_start[BAND_FULL] >= cached->n_rings[BAND_FULL] ||
          !string_ok (strings, n_strings, cached->code, FALSE) ||
          !string_ok (strings, n_strings, cached->code2, TRUE) ||
          !string_ok (strings, n_strings, cached->name, FALSE) ||
          !bounds_ok (&cached->bounds) || !bounds_ok (&cached->label_bounds) ||
          !isfinite (numbers[0]) || !isfinite (numbers[1]))
        return (fail (error, "bad feature %zu", f), NULL);

      feature = g_new0 (MigmapFeature, 1);
      feature->code = g_strdup (strings + cached->code);
      feature->code2 = cached->code2 == NO_STRING ? NULL : g_strdup (strings + cached->code2);
      feature->name = g_strdup (strings + cached->name);
      feature->bounds = cached->bounds;
      feature->label_bounds = cached->label_bounds;
      feature->label_lon = cached->label_lon;
      feature->label_lat = cached->label_lat;
      feature->index = f;
      for (guint b = 0; b < N_BANDS; b++)
        {
          feature->ring_start[band_detail[b]] = cached->ring_start[b];
          feature->n_rings[band_detail[b]] = cached->n_rings[b];
        }
      self->largest[f] = cached->largest;
      g_ptr_array_add (self->features, feature);
      if (!g_hash_table_insert (self->by_code, feature->code, feature))
        return (fail (error, "code %s twice", feature->code), NULL);
    }

  return g_steal_pointer (&self);
}

MigmapShapeSet *
_migmap_shape_cache_load (const char *path, const char *cache_file, const char *key, gsize key_length)
{
  g_autoptr(GError) error = NULL;
  MigmapShapeSet *self;
  struct stat st;
  gpointer map;
  int fd;

  fd = open (cache_file, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      g_debug ("%s: no cache %s (%s)", path, cache_file, g_strerror (errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size < (off_t) sizeof (CacheHeader) ||
      (guint64) st.st_size > G_MAXSIZE)
    {
      g_debug ("%s: the cache %s is not used: not a cache file", path, cache_file);
      close (fd);
      return NULL;
    }
  /* Mapped, not read: pages come from the page cache without a copy, and
   * only the bands a view draws need be touched after validation. */
  map = mmap (NULL, st.st_size, PROT_READ, MAP_PRIVATE
#ifdef MAP_POPULATE
              | MAP_POPULATE
#endif
              , fd, 0);
  close (fd);
  if (map == MAP_FAILED)
    {
      g_debug ("%s: the cache %s is not used: %s", path, cache_file, g_strerror (errno));
      return NULL;
    }
  self = _migmap_shape_cache_load_from_data (path, key, key_length, map, st.st_size, TRUE, &error);
  if (self == NULL)
    {
      g_debug ("%s: the cache %s is not used: %s", path, cache_file, error->message);
      return NULL;
    }
  g_debug ("%s: read from the cache %s", path, cache_file);
  return self;
}

/* ---- writing ---- */

typedef struct {
  const guint8 *data;
  gsize         length;
} Piece;

typedef struct {
  CacheHeader header;
  GArray     *pieces;   /* Piece, in file order, the header excluded */
  GPtrArray  *owned;    /* buffers the pieces point into */
  guint64     offset;
} Writer;

static void
writer_add (Writer *w, guint section, gconstpointer data, gsize length)
{
  static const guint8 zeros[8] = { 0 };
  Piece piece = { data, length };

  w->header.offset[section] = w->offset;
  w->header.length[section] = length;
  if (length > 0)
    g_array_append_val (w->pieces, piece);
  w->offset += length;
  if (w->offset % 8 != 0)
    {
      Piece pad = { zeros, 8 - w->offset % 8 };
      g_array_append_val (w->pieces, pad);
      w->offset += pad.length;
    }
}

static gpointer
writer_own (Writer *w, gpointer buffer)
{
  g_ptr_array_add (w->owned, buffer);
  return buffer;
}

static CacheRing *
cache_rings (MigmapShapeSet *self, MigmapDetail d, gsize *n)
{
  GArray *rings = self->rings[d];
  CacheRing *out = g_new0 (CacheRing, MAX (rings->len, 1));

  for (guint r = 0; r < rings->len; r++)
    {
      const MigmapRing *ring = &g_array_index (rings, MigmapRing, r);

      out[r].first = (ring->points - self->band_points[d]) / 2;
      out[r].n_points = ring->n_points;
      out[r].is_hole = ring->is_hole ? 1 : 0;
      out[r].bounds = ring->bounds;
    }
  *n = rings->len;
  return out;
}

static guint32
add_string (GString *strings, const char *text)
{
  guint32 offset;

  if (text == NULL)
    return NO_STRING;
  offset = strings->len;
  g_string_append_len (strings, text, strlen (text) + 1);
  return offset;
}

static void
writer_init (Writer *w, MigmapShapeSet *self, const char *key, gsize key_length)
{
  GString *strings = g_string_new (NULL);
  CacheFeature *features;
  CacheRing *rings;
  gsize n;
  Checksum sum = CHECKSUM_INIT;

  _migmap_shape_set_ensure_band (self, MIGMAP_DETAIL_COARSE);

  memset (w, 0, sizeof *w);
  memcpy (w->header.magic, CACHE_MAGIC, 8);
  w->header.format = CACHE_FORMAT;
  w->header.byte_order = CACHE_BYTE_ORDER;
  w->header.bounds = self->bounds;
  w->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  w->owned = g_ptr_array_new_with_free_func (g_free);
  w->offset = sizeof (CacheHeader);

  writer_add (w, SECTION_KEY, key, key_length);

  features = writer_own (w, g_new0 (CacheFeature, self->features->len));
  for (guint f = 0; f < self->features->len; f++)
    {
      const MigmapFeature *feature = g_ptr_array_index (self->features, f);
      CacheFeature *out = &features[f];

      out->code = add_string (strings, feature->code);
      out->code2 = add_string (strings, feature->code2);
      out->name = add_string (strings, feature->name);
      out->largest = self->largest[f];
      for (guint b = 0; b < N_BANDS; b++)
        {
          out->ring_start[b] = feature->ring_start[band_detail[b]];
          out->n_rings[b] = feature->n_rings[band_detail[b]];
        }
      out->bounds = feature->bounds;
      out->label_bounds = feature->label_bounds;
      out->label_lon = feature->label_lon;
      out->label_lat = feature->label_lat;
    }
  writer_add (w, SECTION_FEATURES, features, self->features->len * sizeof (CacheFeature));
  n = strings->len;
  writer_add (w, SECTION_STRINGS, writer_own (w, g_string_free (strings, FALSE)), n);

  rings = writer_own (w, cache_rings (self, MIGMAP_DETAIL_FULL, &n));
  writer_add (w, SECTION_FULL_RINGS, rings, n * sizeof (CacheRing));
  rings = writer_own (w, cache_rings (self, MIGMAP_DETAIL_COARSE, &n));
  writer_add (w, SECTION_COARSE_RINGS, rings, n * sizeof (CacheRing));

  writer_add (w, SECTION_CELLS, self->cell_entry_start, (N_CELLS + 1) * sizeof (guint32));
  writer_add (w, SECTION_ENTRIES, self->entries, self->n_entries * sizeof (MigmapIndexEntry));
  writer_add (w, SECTION_EDGES, self->edges, self->n_edges * sizeof (guint32));
  writer_add (w, SECTION_FULL_POINTS, self->band_points[MIGMAP_DETAIL_FULL],
              self->band_n_values[MIGMAP_DETAIL_FULL] * sizeof (double));
  writer_add (w, SECTION_COARSE_POINTS, self->band_points[MIGMAP_DETAIL_COARSE],
              self->band_n_values[MIGMAP_DETAIL_COARSE] * sizeof (double));

  for (guint i = 0; i < w->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (w->pieces, Piece, i);
      checksum_add (&sum, piece->data, piece->length);
    }
  w->header.checksum = checksum_value (&sum);
  w->header.file_size = w->offset;
}

static void
writer_clear (Writer *w)
{
  g_clear_pointer (&w->pieces, g_array_unref);
  g_clear_pointer (&w->owned, g_ptr_array_unref);
}

GBytes *
_migmap_shape_cache_serialize (MigmapShapeSet *self, const char *key, gsize key_length)
{
  Writer w;
  GByteArray *out;

  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (self), NULL);

  writer_init (&w, self, key, key_length);
  out = g_byte_array_sized_new (w.offset);
  g_byte_array_append (out, (const guint8 *) &w.header, sizeof w.header);
  for (guint i = 0; i < w.pieces->len; i++)
    {
      const Piece *piece = &g_array_index (w.pieces, Piece, i);
      g_byte_array_append (out, piece->data, piece->length);
    }
  writer_clear (&w);
  return g_byte_array_free_to_bytes (out);
}

void
_migmap_shape_cache_save (MigmapShapeSet *self, const char *cache_file, const char *key, gsize key_length)
{
  g_autoptr(MigmapAtomicFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (cache_file);
  Writer w;
  gboolean ok;

  g_return_if_fail (MIGMAP_IS_SHAPE_SET (self));

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_debug ("%s: not cached: %s: %s", self->path, dir, g_strerror (errno));
      return;
    }
  file = migmap_atomic_file_begin (cache_file, &error);
  if (file == NULL)
    {
      g_debug ("%s: not cached: %s", self->path, error->message);
      return;
    }
  writer_init (&w, self, key, key_length);
  ok = migmap_atomic_file_write (file, &w.header, sizeof w.header, &error);
  for (guint i = 0; ok && i < w.pieces->len; i++)
    {
      const Piece *piece = &g_array_index (w.pieces, Piece, i);
      ok = migmap_atomic_file_write (file, piece->data, piece->length, &error);
    }
  writer_clear (&w);
  if (ok)
    ok = migmap_atomic_file_commit (file, &error);
  if (!ok)
    g_debug ("%s: not cached: %s", self->path, error->message);
  else
    g_debug ("%s: cached in %s", self->path, cache_file);
}
