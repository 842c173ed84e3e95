/* migmap-render.c: map snapshots without a display
 *
 * Drives the same viewport and renderer as the window, so a scripted snapshot
 * matches what a user sees.
 */
#include <stdlib.h>
#include <string.h>

#include "migmap-data-files.h"
#include "migmap-dates.h"
#include "migmap-language.h"
#include "migmap-export.h"
#include "migmap-page-layout.h"
#include "migmap-renderer.h"
#include "migmap-style.h"
#include "migmap-viewport.h"

#define DEFAULT_HIGHLIGHT "#e66100"
/* Below this many degrees per pixel the 1:50m coastline shows its corners. */
#define FINE_SHAPES_BELOW_DEG_PER_PX 0.01

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

/* "MLT=#ff0000,TUN" becomes one renderer layer per colour. */
static gboolean
add_highlights (MigmapRenderer *renderer, const char *text, GError **error)
{
  MigmapShapeSet *shapes = migmap_renderer_get_shapes (renderer);
  g_auto(GStrv) items = g_strsplit (text, ",", -1);
  g_autoptr(GHashTable) by_color = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

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
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--highlight: unknown country code \"%s\" (not in %s)",
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
      g_autofree char *key = g_ptr_array_index (order, i);
      GPtrArray *codes = g_hash_table_lookup (by_color, key);
      MigmapColor color;

      migmap_color_parse (key, &color);
      g_ptr_array_add (codes, NULL);
      migmap_renderer_add_layer (renderer, key, &color, (const char * const *) codes->pdata);
    }
  return TRUE;
}

typedef struct {
  MigmapRenderer   *renderer;
  MigmapViewport   *viewport;
  MigmapPageLayout *page;
} Snapshot;

static void
draw_snapshot (cairo_t *cr, double width, double height, gpointer user_data)
{
  Snapshot *snapshot = user_data;

  if (snapshot->page)
    migmap_page_layout_render (snapshot->page, snapshot->renderer, snapshot->viewport, cr, width, height);
  else
    migmap_renderer_render (snapshot->renderer, snapshot->viewport, cr);
}

/* --layers: catalogue layer ids, each checked against the catalogue. */
static GStrv
parse_layers (const char *text, GPtrArray *styles, GError **error)
{
  g_auto(GStrv) ids = g_strsplit (text, ",", -1);

  for (guint i = 0; ids[i]; i++)
    {
      gboolean known = FALSE;

      g_strstrip (ids[i]);
      for (guint l = 0; l < styles->len && !known; l++)
        known = g_str_equal (((MigmapStyleLayer *) g_ptr_array_index (styles, l))->id, ids[i]);
      if (!known)
        {
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint l = 0; l < styles->len; l++)
            g_string_append_printf (names, "%s%s", l ? ", " : "", ((MigmapStyleLayer *) g_ptr_array_index (styles, l))->id);
          USAGE_ERROR (error, "--layers: unknown layer \"%s\"; the catalogue has: %s", ids[i], names->str);
          return NULL;
        }
    }
  return g_steal_pointer (&ids);
}



static gboolean
run (Options *o, GError **error)
{
  g_autoptr(MigmapShapeSet) shapes = NULL;
  g_autoptr(MigmapRenderer) renderer = NULL;
  g_autoptr(MigmapViewport) viewport = migmap_viewport_new ();
  g_autofree char *shapes_path = NULL;
  MigmapGeoBounds bounds;
  MigmapProjection projection;
  MigmapFormat format;
  int width = 1920, height = 1080;
  double page_width = 0, page_height = 0, pixel_scale, out_width, out_height;
  gboolean fast, page_layout;
  g_autoptr(MigmapPageLayout) page = NULL;
  g_autoptr(MigmapCountryCodes) codes = NULL;
  g_autoptr(MigmapCatalogue) catalogue = NULL;
  g_autoptr(GPtrArray) styles = NULL;
  g_auto(GStrv) visible = NULL;
  Snapshot snapshot;

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
  if (o->quality && !g_str_equal (o->quality, "best") && !g_str_equal (o->quality, "fast"))
    {
      USAGE_ERROR (error, "--quality: \"%s\" is not best or fast", o->quality);
      return FALSE;
    }
  fast = o->quality && g_str_equal (o->quality, "fast");

  if (o->layout && !g_str_equal (o->layout, "page") && !g_str_equal (o->layout, "map"))
    {
      USAGE_ERROR (error, "--layout: \"%s\" is not page or map", o->layout);
      return FALSE;
    }
  page_layout = o->layout && g_str_equal (o->layout, "page");
  if (o->orientation && !g_str_equal (o->orientation, "landscape") && !g_str_equal (o->orientation, "portrait"))
    {
      USAGE_ERROR (error, "--orientation: \"%s\" is not landscape or portrait", o->orientation);
      return FALSE;
    }
  if (page_layout &&
      !migmap_paper_size_lookup (o->paper ? o->paper : "a4",
                                 !o->orientation || g_str_equal (o->orientation, "landscape"),
                                 &page_width, &page_height))
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
      gboolean fine;

      if (o->resolution && !g_str_equal (o->resolution, "50m") && !g_str_equal (o->resolution, "10m"))
        {
          USAGE_ERROR (error, "--resolution: \"%s\" is not 50m or 10m", o->resolution);
          return FALSE;
        }
      fine = o->resolution ? g_str_equal (o->resolution, "10m")
                           : migmap_viewport_get_degrees_per_pixel (viewport) < FINE_SHAPES_BELOW_DEG_PER_PX;
      shapes_path = migmap_find_data_file (fine ? "shapes/ne_10m_admin0.shp" : "shapes/ne_50m_admin0.shp");
    }

  shapes = migmap_shape_set_new_from_file (shapes_path, NULL, error);
  if (shapes == NULL)
    return FALSE;

  renderer = migmap_renderer_new (shapes);
  codes = migmap_country_codes_new_default (NULL);
  if (codes)
    migmap_renderer_set_label_func (renderer, migmap_style_country_label, g_object_ref (codes), g_object_unref);
  migmap_renderer_set_show_labels (renderer, !o->no_labels);
  migmap_renderer_set_quality (renderer, fast ? MIGMAP_RENDER_QUALITY_FAST : MIGMAP_RENDER_QUALITY_BEST);

  if (page_layout)
    page = migmap_page_layout_new ();
  if (page_layout || o->layers)
    {
      g_autofree char *catalogue_path = o->catalogue ? g_strdup (o->catalogue)
                                                     : migmap_find_data_file ("data/catalogue.json");

      catalogue = migmap_catalogue_new_from_file (catalogue_path, error);
      if (catalogue == NULL)
        return FALSE;
      styles = migmap_style_build_layers (catalogue);
      visible = o->layers ? parse_layers (o->layers, styles, error)
                          : g_strdupv ((char *[]) { MIGMAP_STYLE_DEFAULT_LAYER_ID, NULL });
      if (visible == NULL)
        return FALSE;
      migmap_style_apply (styles, (const char * const *) visible, renderer, page);
    }
  if (o->highlight && !add_highlights (renderer, o->highlight, error))
    return FALSE;

  if (page)
    {
      g_autofree char *title = o->title ? g_strdup (o->title)
                                        : migmap_style_default_title (styles, (const char * const *) visible);
      g_autofree char *date = o->date ? g_strdup (o->date) : migmap_format_today ();

      migmap_page_layout_set_title (page, title);
      migmap_page_layout_set_date (page, date);
      migmap_page_layout_set_rtl (page, migmap_text_is_rtl ());
      migmap_style_add_projects_table (catalogue, (const char * const *) visible, page);
    }
  out_width = page ? page_width : width;
  out_height = page ? page_height : height;

  snapshot = (Snapshot) { renderer, viewport, page };
  /* Vector output is in points; PNG pixels follow --dpi (pages default to
   * 150 DPI, maps to one pixel per point). */
  pixel_scale = o->dpi ? o->dpi / 72.0 : page ? 150.0 / 72.0 : 1.0;
  return migmap_export_to_file (o->output, format, out_width, out_height, pixel_scale, draw_snapshot, &snapshot, error);
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
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date, "Date printed on the page (default: today)", "TEXT" },
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, &o.catalogue, "Catalogue to read instead of the bundled one", "FILE" },
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
