/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-render.c: map snapshots without a display
 *
 * Builds a map state from its options and hands it to the same snapshot
 * code the window prints and exports with, so a scripted page matches the
 * window's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "migmap-catalogue-file.h"
#include "migmap-data-files.h"
#include "migmap-language.h"
#include "migmap-snapshot.h"
#include "migmap-style.h"

#define DEFAULT_HIGHLIGHT "#e66100"

typedef struct {
  char     *view;
  char     *projection;
  char     *size;
  char     *format;
  char     *highlight;
  char     *shapes;
  char     *resolution;
  char     *output;
  char     *quality;
  char     *layout;
  char     *layers;
  char     *title;
  char     *paper;
  char     *orientation;
  char     *date;
  char     *series;
  char     *catalogue;
  char     *language;
  int       dpi;
  gboolean  no_labels;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->view);
  g_free (o->projection);
  g_free (o->size);
  g_free (o->format);
  g_free (o->highlight);
  g_free (o->shapes);
  g_free (o->resolution);
  g_free (o->output);
  g_free (o->quality);
  g_free (o->layout);
  g_free (o->layers);
  g_free (o->title);
  g_free (o->paper);
  g_free (o->orientation);
  g_free (o->date);
  g_free (o->series);
  g_free (o->catalogue);
  g_free (o->language);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

#define USAGE_ERROR(error, ...) g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, __VA_ARGS__)

static gboolean
parse_view (const char *text, MigmapGeoBounds *bounds, MigmapProjection *projection, GError **error)
{
  g_auto(GStrv) parts = NULL;
  double v[4];

  if (migmap_view_preset_lookup (text, bounds, projection))
    return TRUE;

  parts = g_strsplit (text, ",", -1);
  if (g_strv_length (parts) != 4)
    {
      g_autofree char *names = g_strjoinv ("|", (char **) migmap_view_preset_names ());
      USAGE_ERROR (error, "--view: \"%s\" is neither %s nor WEST,SOUTH,EAST,NORTH in degrees", text, names);
      return FALSE;
    }
  for (guint i = 0; i < 4; i++)
    {
      char *end;

      v[i] = g_ascii_strtod (g_strstrip (parts[i]), &end);
      if (end == parts[i] || *end != '\0')
        {
          USAGE_ERROR (error, "--view: \"%s\" is not a number", parts[i]);
          return FALSE;
        }
    }
  if (!(v[0] >= -180 && v[2] <= 180 && v[1] >= -90 && v[3] <= 90 && v[0] < v[2] && v[1] < v[3]))
    {
      USAGE_ERROR (error, "--view: %s is not a box WEST,SOUTH,EAST,NORTH with west < east "
                   "within -180..180 and south < north within -90..90", text);
      return FALSE;
    }
  *bounds = (MigmapGeoBounds) { v[0], v[1], v[2], v[3] };
  *projection = MIGMAP_PROJECTION_LAEA;
  return TRUE;
}

static gboolean
parse_size (const char *text, int *width, int *height, GError **error)
{
  guint64 w, h;
  g_auto(GStrv) parts = g_strsplit (text, "x", -1);

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 16, 20000, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 16, 20000, &h, NULL))
    {
      USAGE_ERROR (error, "--size: \"%s\" is not WIDTHxHEIGHT in pixels (16 to 20000)", text);
      return FALSE;
    }
  *width = w;
  *height = h;
  return TRUE;
}

/* "MLT=#ff0000,TUN" becomes one map layer per colour, drawn after the
 * catalogue's. */
static gboolean
add_highlights (MigmapMapState *state, const char *text, GError **error)
{
  MigmapShapeSet *shapes = migmap_map_state_get_shapes (state);
  g_auto(GStrv) items = g_strsplit (text, ",", -1);
  g_autoptr(GHashTable) by_color = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; items[i]; i++)
    {
      char *item = g_strstrip (items[i]);
      char *eq = strchr (item, '=');
      const char *spec = eq ? eq + 1 : DEFAULT_HIGHLIGHT;
      g_autofree char *key = NULL;
      MigmapColor color;
      GPtrArray *codes;

      if (eq)
        *eq = '\0';
      if (*item == '\0')
        {
          USAGE_ERROR (error, "--highlight: empty entry in \"%s\"; expected ISO3=#rrggbb,...", text);
          return FALSE;
        }
      if (!migmap_color_parse (spec, &color))
        {
          USAGE_ERROR (error, "--highlight: \"%s\" is not a colour like #e66100", spec);
          return FALSE;
        }
      if (migmap_shape_set_lookup (shapes, item) == NULL)
        {
          USAGE_ERROR (error, "--highlight: unknown country code \"%s\" (not in %s)",
                       item, migmap_shape_set_get_path (shapes));
          return FALSE;
        }

      key = migmap_color_to_string (&color);
      codes = g_hash_table_lookup (by_color, key);
      if (codes == NULL)
        {
          codes = g_ptr_array_new ();
          g_ptr_array_add (order, g_strdup (key));
          g_hash_table_insert (by_color, g_strdup (key), codes);
        }
      g_ptr_array_add (codes, item);
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *key = g_ptr_array_index (order, i);
      GPtrArray *codes = g_hash_table_lookup (by_color, key);
      g_autoptr(MigmapMapLayer) layer = NULL;
      MigmapColor color;

      migmap_color_parse (key, &color);
      g_ptr_array_add (codes, NULL);
      layer = migmap_map_layer_new_countries (key, key, NULL, &color, (const char * const *) codes->pdata);
      migmap_map_layer_set_visible (layer, TRUE);
      migmap_map_state_add_layer (state, layer);
    }
  return TRUE;
}

/* --layers: catalogue layer ids, each checked against the catalogue. */
static GStrv
parse_layers (const char *text, MigmapMapState *state, GError **error)
{
  g_auto(GStrv) ids = g_strsplit (text, ",", -1);

  for (guint i = 0; ids[i]; i++)
    {
      g_strstrip (ids[i]);
      if (migmap_map_state_lookup_layer (state, ids[i]) == NULL)
        {
          GListModel *layers = migmap_map_state_get_layers (state);
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint l = 0; l < g_list_model_get_n_items (layers); l++)
            {
              g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, l);
              g_string_append_printf (names, "%s%s", l ? ", " : "", migmap_map_layer_get_id (layer));
            }
          USAGE_ERROR (error, "--layers: unknown layer \"%s\"; the catalogue has: %s", ids[i], names->str);
          return NULL;
        }
    }
  return g_steal_pointer (&ids);
}

/* --date is the day the map shows, so it must be a date; the free text it
 * once took ("26 November 2026") cannot be told from a date reliably. */
static gboolean
parse_date (const char *text, MigmapDate *date, GError **error)
{
  if (!migmap_date_parse (text, date))
    {
      USAGE_ERROR (error, "--date: \"%s\" is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2019-06", text);
      return FALSE;
    }
  return TRUE;
}

/* --series FROM:TO, in years. */
static gboolean
parse_series (const char *text, guint *from_year, guint *to_year, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint64 from, to;

  if (g_strv_length (parts) != 2 || strlen (parts[0]) != 4 || strlen (parts[1]) != 4 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &from, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 9999, &to, NULL))
    {
      USAGE_ERROR (error, "--series: \"%s\" is not FROM:TO in years, e.g. 2018:2023", text);
      return FALSE;
    }
  if (from > to)
    {
      USAGE_ERROR (error, "--series: %s ends before it starts", text);
      return FALSE;
    }
  if (!migmap_snapshot_series_is_valid (from, to))
    {
      USAGE_ERROR (error, "--series: %s spans %" G_GUINT64_FORMAT " years; at most %d pages are written",
                   text, to - from + 1, MIGMAP_SNAPSHOT_MAX_SERIES);
      return FALSE;
    }
  *from_year = from;
  *to_year = to;
  return TRUE;
}

static gboolean
check_choice (const char *option, const char *value, const char * const *choices, GError **error)
{
  g_autofree char *names = NULL;

  if (value == NULL || g_strv_contains (choices, value))
    return TRUE;
  names = g_strjoinv (" or ", (char **) choices);
  USAGE_ERROR (error, "%s: \"%s\" is not %s", option, value, names);
  return FALSE;
}

/* Drawing a snapshot is one burst of allocation: an 8 MB image and cairo's large
 * scratch buffers, freed and taken again for every fill and stroke.  By
 * default glibc gives big blocks back to the system at each free (a TLB
 * flush, then a page fault per 4 KB page when they are taken again) and
 * grows the heap in 4 KB pages.  Keeping freed memory, and asking for 2 MB
 * pages over a heap grown once, takes a 1:10m world snapshot from about 170
 * to 100 ms of CPU (6200 page faults to 1000); the pixels are the same. */
static void
tune_memory (void)
{
#ifdef __GLIBC__
  const gsize huge = 2 << 20;
  guint8 *start, *end, *first;
  void * volatile block;

  mallopt (M_MMAP_THRESHOLD, 32 << 20);   /* glibc's largest */
  mallopt (M_TRIM_THRESHOLD, 256 << 20);
  mallopt (M_TOP_PAD, 64 << 20);
  /* A block past the top of the heap grows it, by the pad as well; freed,
   * it stays there for the snapshot to use. */
  start = sbrk (0);
  block = malloc (16 << 20);   /* volatile: a malloc freed unused may be optimised away */
  free (block);
  end = sbrk (0);
  /* Under a sanitizer, malloc does not use the heap: nothing to advise. */
  if (start == (void *) -1 || end == (void *) -1 || end <= start)
    return;
  first = (guint8 *) (((guintptr) start + huge - 1) & ~(guintptr) (huge - 1));
  if (first < end)
    madvise (first, end - first, MADV_HUGEPAGE);
#endif
}

static gboolean
run (Options *o, GError **error)
{
  g_autoptr(MigmapShapeSet) shapes = NULL;
  g_autoptr(MigmapViewport) viewport = migmap_viewport_new ();
  g_autoptr(MigmapCatalogue) catalogue = NULL;
  g_autoptr(MigmapMapState) state = NULL;
  g_autoptr(MigmapSnapshot) snapshot = NULL;
  g_autofree char *shapes_path = NULL;
  MigmapGeoBounds bounds;
  MigmapProjection projection;
  MigmapFormat format;
  MigmapDate date = MIGMAP_DATE_INIT;
  guint from_year = 0, to_year = 0;
  int width = 1920, height = 1080;
  double page_width = 0, page_height = 0;
  gboolean page_layout, landscape;

  if (o->output == NULL)
    {
      USAGE_ERROR (error, "no output file: give -o FILE.png|svg|pdf");
      return FALSE;
    }
  if (o->format ? !migmap_format_from_string (o->format, &format) : !migmap_format_from_path (o->output, &format))
    {
      USAGE_ERROR (error, o->format ? "--format: \"%s\" is not png, svg or pdf"
                                    : "%s: cannot tell the format from the name; use --format png|svg|pdf",
                   o->format ? o->format : o->output);
      return FALSE;
    }
  if (!parse_view (o->view ? o->view : "mediterranean", &bounds, &projection, error))
    return FALSE;
  if (o->projection && !migmap_projection_from_string (o->projection, &projection))
    {
      USAGE_ERROR (error, "--projection: \"%s\" is not equirectangular, mercator or laea", o->projection);
      return FALSE;
    }
  if (o->size && !parse_size (o->size, &width, &height, error))
    return FALSE;
  if (o->date && !parse_date (o->date, &date, error))
    return FALSE;
  if (o->series && !parse_series (o->series, &from_year, &to_year, error))
    return FALSE;
  if (o->date && o->series)
    {
      USAGE_ERROR (error, "--date and --series: give one; a series sets each page's year");
      return FALSE;
    }
  if (!check_choice ("--quality", o->quality, (const char *[]) { "best", "fast", NULL }, error) ||
      !check_choice ("--layout", o->layout, (const char *[]) { "page", "map", NULL }, error) ||
      !check_choice ("--orientation", o->orientation, (const char *[]) { "landscape", "portrait", NULL }, error) ||
      !check_choice ("--resolution", o->resolution, (const char *[]) { "50m", "10m", NULL }, error))
    return FALSE;
  page_layout = o->layout && g_str_equal (o->layout, "page");
  landscape = !o->orientation || g_str_equal (o->orientation, "landscape");
  if (page_layout && !migmap_paper_size_lookup (o->paper ? o->paper : "a4", landscape, &page_width, &page_height))
    {
      USAGE_ERROR (error, "--paper: \"%s\" is not a4, a3 or letter", o->paper);
      return FALSE;
    }
  if (o->dpi != 0 && (o->dpi < 36 || o->dpi > 1200))
    {
      USAGE_ERROR (error, "--dpi: %d is not between 36 and 1200", o->dpi);
      return FALSE;
    }

  /* A page's map is about the page's size; the layout fits the view to it. */
  if (page_layout)
    migmap_viewport_set_size (viewport, page_width, page_height * 0.78);
  else
    migmap_viewport_set_size (viewport, width, height);
  migmap_viewport_set_projection (viewport, projection);
  migmap_viewport_fit_bounds (viewport, &bounds);

  if (o->shapes)
    shapes_path = g_strdup (o->shapes);
  else
    {
      /* The map state's rule, without loading the shapes it would not use. */
      g_autofree char *coarse_path = migmap_find_data_file ("shapes/ne_50m_admin0.shp");
      g_autofree char *fine_path = migmap_find_data_file ("shapes/ne_10m_admin0.shp");
      gboolean fine = o->resolution ? g_str_equal (o->resolution, "10m")
                                    : migmap_map_state_wants_detailed_shapes (
                                        migmap_viewport_get_degrees_per_pixel (viewport));

      shapes_path = g_strdup (fine ? fine_path : coarse_path);
    }

  shapes = migmap_shape_set_new_cached (shapes_path, NULL, error);
  if (shapes == NULL)
    return FALSE;
  /* After loading, whose large arrays are better given back when freed. */
  tune_memory ();

  if (page_layout || o->layers || o->date || o->series)
    {
      g_autofree char *bundled = migmap_find_data_file ("data/catalogue.json");
      /* What the window shows: the user's own catalogue once saved. */
      g_autofree char *catalogue_path = o->catalogue ? g_strdup (o->catalogue)
                                                     : migmap_catalogue_file_dup_read_path (bundled);

      catalogue = migmap_catalogue_new_from_file (catalogue_path, error);
      if (catalogue == NULL)
        return FALSE;
    }
  state = migmap_map_state_new (catalogue, shapes, NULL);
  migmap_map_state_set_viewport (state, viewport);
  migmap_map_state_set_show_labels (state, !o->no_labels);
  migmap_map_state_set_quality (state, o->quality && g_str_equal (o->quality, "fast")
                                         ? MIGMAP_RENDER_QUALITY_FAST : MIGMAP_RENDER_QUALITY_BEST);
  if (catalogue)
    {
      g_auto(GStrv) visible = o->layers ? parse_layers (o->layers, state, error)
                                        : g_strdupv ((char *[]) { MIGMAP_STYLE_DEFAULT_LAYER_ID, NULL });
      if (visible == NULL)
        return FALSE;
      migmap_map_state_set_visible_layers (state, (const char * const *) visible);
    }
  if (o->highlight && !add_highlights (state, o->highlight, error))
    return FALSE;
  migmap_map_state_set_date (state, &date);

  snapshot = migmap_snapshot_new (state);
  migmap_snapshot_set_map_only (snapshot, !page_layout);
  if (page_layout)
    {
      migmap_snapshot_set_paper (snapshot, o->paper ? o->paper : "a4", landscape);
      migmap_snapshot_set_title (snapshot, o->title);
    }
  if (o->series)
    return migmap_snapshot_export_series (snapshot, o->output, format, o->dpi, from_year, to_year, error);
  /* --size is in pixels for a PNG without --dpi: one pixel per point. */
  return migmap_snapshot_export (snapshot, o->output, format, o->dpi, error);
}

int
main (int argc, char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "view", 0, 0, G_OPTION_ARG_STRING, &o.view,
      "world, mediterranean (default), africa, middle-east, or WEST,SOUTH,EAST,NORTH", "VIEW" },
    { "projection", 0, 0, G_OPTION_ARG_STRING, &o.projection,
      "equirectangular, mercator or laea (default: the view's own)", "NAME" },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o.size, "Image size in pixels (default 1920x1080)", "WxH" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format, "png, svg or pdf (default: from the file name)", "FORMAT" },
    { "highlight", 0, 0, G_OPTION_ARG_STRING, &o.highlight,
      "Countries to colour, e.g. MLT=#e66100,TUN=#1c71d8", "ISO3=#RRGGBB,..." },
    { "shapes", 0, 0, G_OPTION_ARG_FILENAME, &o.shapes, "A polygon shapefile to draw instead of the bundled one", "FILE.shp" },
    { "resolution", 0, 0, G_OPTION_ARG_STRING, &o.resolution,
      "Bundled shapes: 50m or 10m (default: from the view's scale)", "50m|10m" },
    { "no-labels", 0, 0, G_OPTION_ARG_NONE, &o.no_labels, "Do not label countries", NULL },
    { "quality", 0, 0, G_OPTION_ARG_STRING, &o.quality,
      "best (default) or fast, the window's interactive drawing (PNG only)", "best|fast" },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &o.layout,
      "map (default): the map alone; page: title, legend, scale, date, source and disclaimer", "map|page" },
    { "layers", 0, 0, G_OPTION_ARG_STRING, &o.layers,
      "Catalogue layers to show, e.g. mtm-partner-states-2012,places (pages default to the MTM partner states)", "ID,..." },
    { "title", 0, 0, G_OPTION_ARG_STRING, &o.title, "Page title (default: the layers shown)", "TEXT" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &o.paper, "Page size: a4 (default), a3 or letter", "NAME" },
    { "orientation", 0, 0, G_OPTION_ARG_STRING, &o.orientation, "landscape (default) or portrait", "NAME" },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &o.dpi, "PNG resolution, e.g. 96, 150 or 300", "N" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date,
      "Draw the layers as they stood at this date; a page says \"as of\" it (default: all dates, a page carries today's date)",
      "YYYY[-MM[-DD]]" },
    { "series", 0, 0, G_OPTION_ARG_STRING, &o.series,
      "One page per year, FROM to TO: one PDF page each, or FILE-YEAR.png/.svg (at most 100 years)", "FROM:TO" },
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, &o.catalogue, "Catalogue to read instead of yours (or the bundled one, until you save edits)", "FILE" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &o.language, "Language of the page: ar, en or fr (default: the system's)", "LANG" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, "File to write", "FILE" },
    { NULL }
  };

  context = g_option_context_new ("- render a MigMap snapshot without a display");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("migmap-render: %s\n", error->message);
      return 2;
    }
  if (argc > 1)
    {
      g_printerr ("migmap-render: unexpected argument \"%s\"\n", argv[1]);
      return 2;
    }
  if (o.language && !g_strv_contains ((const char * const[]) { "ar", "en", "fr", NULL }, o.language))
    {
      g_printerr ("migmap-render: --language: \"%s\" is not ar, en or fr\n", o.language);
      return 2;
    }
  migmap_language_init (o.language);

  if (!run (&o, &error))
    {
      g_printerr ("migmap-render: %s\n", error->message);
      return g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE) ? 2 : 1;
    }
  return 0;
}
