/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-png-bench.c: PNG encoder settings measured on map PNGs
 *
 *   migmap-png-bench [--runs N] [--shapes PATH]
 *
 * Renders the world (1920x1080, print quality, styled and plain) and encodes
 * it with cairo's writer and with each filter/zlib choice of
 * migmap-png-writer.c, printing the median time and the file size: the
 * trade the export's default (marked "*") was chosen on.
 */
#include <cairo.h>
#include <png.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "migmap-data-files.h"
#include "migmap-png-writer.h"
#include "migmap-renderer.h"
#include "migmap-viewport.h"

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static cairo_status_t
append_cairo (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
append_png (gpointer closure, const guchar *data, gsize length)
{
  g_byte_array_append (closure, data, length);
  return TRUE;
}

static void
measure (const char *label, cairo_surface_t *surface, const MigmapPngSettings *settings, guint runs,
         double cairo_ms, gsize cairo_size)
{
  g_autofree double *times = g_new (double, runs);
  gsize size = 0;

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GByteArray) out = g_byte_array_new ();
      double t0 = now_ms ();

      if (settings == NULL)
        cairo_surface_write_to_png_stream (surface, append_cairo, out);
      else if (!migmap_png_write (surface, settings, append_png, out, NULL))
        g_error ("encoding failed");
      times[i] = now_ms () - t0;
      size = out->len;
    }
  qsort (times, runs, sizeof (double), compare_doubles);
  if (cairo_ms > 0)
    printf ("  %-26s %7.1f ms  %7.1f KB   time %.2fx  size %.2fx of cairo's%s\n", label, times[runs / 2],
            size / 1024.0, times[runs / 2] / cairo_ms, (double) size / cairo_size,
            settings == migmap_png_settings_default () ? "  * export default" : "");
  else
    printf ("  %-26s %7.1f ms  %7.1f KB\n", label, times[runs / 2], size / 1024.0);
}

int
main (int argc, char **argv)
{
  guint runs = 5;
  g_autofree char *shapes_path = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("- PNG encoder settings on map images");
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Encodings per figure (default 5)", "N" },
    { "shapes", 0, 0, G_OPTION_ARG_FILENAME, &shapes_path, "Shapefile (default: bundled 1:10m)", "PATH" },
    { NULL }
  };
  static const struct { const char *name; int filters; } filters[] = {
    { "none", PNG_FILTER_NONE }, { "sub", PNG_FILTER_SUB }, { "up", PNG_FILTER_UP },
    { "paeth", PNG_FILTER_PAETH }, { "all (adaptive)", PNG_ALL_FILTERS },
  };
  static const int levels[] = { 1, 3, 6 };
  g_autoptr(MigmapShapeSet) shapes = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    {
      g_printerr ("migmap-png-bench: %s\n", error ? error->message : "--runs must be at least 1");
      return 2;
    }
  if (shapes_path == NULL)
    shapes_path = migmap_find_data_file ("shapes/ne_10m_admin0.shp");
  shapes = migmap_shape_set_new_from_file (shapes_path, NULL, &error);
  if (shapes == NULL)
    g_error ("%s", error->message);

  for (int plain = 0; plain <= 1; plain++)
    {
      g_autoptr(MigmapRenderer) renderer = migmap_renderer_new (shapes);
      g_autoptr(MigmapViewport) viewport = migmap_viewport_new ();
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
      g_autoptr(GByteArray) reference = g_byte_array_new ();
      MigmapGeoBounds bounds;
      MigmapProjection projection;
      cairo_t *cr = cairo_create (surface);
      double t0, cairo_ms;
      g_autofree double *times = g_new (double, runs);

      migmap_view_preset_lookup ("world", &bounds, &projection);
      migmap_viewport_set_size (viewport, 1920, 1080);
      migmap_viewport_set_projection (viewport, projection);
      migmap_viewport_fit_bounds (viewport, &bounds);
      migmap_renderer_set_quality (renderer, MIGMAP_RENDER_QUALITY_BEST);
      migmap_renderer_set_show_labels (renderer, !plain);
      migmap_renderer_render (renderer, viewport, cr);
      cairo_destroy (cr);

      printf ("world 1920x1080 %s, median of %u encodings\n", plain ? "plain" : "styled (labels)", runs);
      for (guint i = 0; i < runs; i++)
        {
          g_byte_array_set_size (reference, 0);
          t0 = now_ms ();
          cairo_surface_write_to_png_stream (surface, append_cairo, reference);
          times[i] = now_ms () - t0;
        }
      qsort (times, runs, sizeof (double), compare_doubles);
      cairo_ms = times[runs / 2];
      measure ("cairo_surface_write_to_png", surface, NULL, runs, 0, 0);
      for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
        for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
          {
            MigmapPngSettings settings = { filters[f].filters, levels[l], Z_DEFAULT_STRATEGY };
            const MigmapPngSettings *chosen = migmap_png_settings_default ();
            g_autofree char *label = g_strdup_printf ("%s, zlib %d", filters[f].name, levels[l]);
            gboolean is_default = chosen->filters == settings.filters && chosen->level == settings.level &&
                                  chosen->strategy == settings.strategy;

            measure (label, surface, is_default ? chosen : &settings, runs, cairo_ms, reference->len);
          }
      {
        MigmapPngSettings rle = { PNG_FILTER_NONE, 3, Z_FILTERED };
        measure ("none, zlib 3, Z_FILTERED", surface, &rle, runs, cairo_ms, reference->len);
      }
      /* Run-length matching only looks one byte back: after the sub or up
       * filter, flat colour is runs of zeros. */
      for (guint f = 0; f < 3; f++)
        for (int level = 1; level <= 3; level += 2)
          {
            MigmapPngSettings settings = { filters[f].filters, level, Z_RLE };
            const MigmapPngSettings *chosen = migmap_png_settings_default ();
            g_autofree char *label = g_strdup_printf ("%s, zlib %d, Z_RLE", filters[f].name, level);
            gboolean is_default = chosen->filters == settings.filters && chosen->level == settings.level &&
                                  chosen->strategy == settings.strategy;

            measure (label, surface, is_default ? chosen : &settings, runs, cairo_ms, reference->len);
          }
      cairo_surface_destroy (surface);
    }
  return 0;
}
