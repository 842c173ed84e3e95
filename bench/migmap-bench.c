/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-bench.c: load, render and hit-test figures for the bundled shapes
 *
 *   migmap-bench [--frames N] [--plain] [--view NAME] [--resolution 50m|10m] [--quality fast|best]
 *                [--shapes FILE.shp]
 *
 * Prints one line per measurement.  --plain draws only sea, land and borders
 * (no labels), the style bench/compare-mapnik.py asks Mapnik for.
 *
 * Render figures give two medians per frame: "wall", elapsed on the clock,
 * and "CPU", the processor time of the whole process, the steadier figure
 * on a machine shared with other jobs.
 */
#include <cairo.h>
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "migmap-data-files.h"
#include "migmap-renderer.h"
#include "migmap-viewport.h"

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

static double
percentile (double *values, guint n, double p)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[MIN (n - 1, (guint) ceil (p * n) - 1)];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Processor time of the whole process, all threads. */
static double
cpu_ms (void)
{
  struct timespec t;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static const char *shapes_file;

static MigmapShapeSet *
load (const char *resolution, double *ms)
{
  g_autofree char *relative = g_strdup_printf ("shapes/ne_%s_admin0.shp", resolution);
  g_autofree char *path = shapes_file ? g_strdup (shapes_file) : migmap_find_data_file (relative);
  g_autoptr(GError) error = NULL;
  double t0 = now_ms ();
  MigmapShapeSet *shapes = migmap_shape_set_new_from_file (path, NULL, &error);

  *ms = now_ms () - t0;
  if (shapes == NULL)
    g_error ("%s", error->message);
  return shapes;
}

static void
bench_load (const char *resolution, guint runs)
{
  g_autofree double *times = g_new (double, runs);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(MigmapShapeSet) shapes = load (resolution, &times[i]);
      if (i == 0)
        printf ("shapes %-4s %u countries, %zu vertices (coarse band %zu)\n", resolution,
                migmap_shape_set_get_n_features (shapes),
                migmap_shape_set_get_n_points (shapes, MIGMAP_DETAIL_FULL),
                migmap_shape_set_get_n_points (shapes, MIGMAP_DETAIL_COARSE));
    }
  /* median() sorts: take the minimum after it. */
  {
    double mid = median (times, runs);
    printf ("load   %-4s median %7.1f ms  (min %.1f, %u runs)\n", resolution, mid, times[0], runs);
  }
}

static void
bench_render (MigmapShapeSet *shapes, const char *resolution, const char *view,
              gboolean plain, MigmapRenderQuality quality, guint frames)
{
  g_autoptr(MigmapRenderer) renderer = migmap_renderer_new (shapes);
  g_autoptr(MigmapViewport) viewport = migmap_viewport_new ();
  g_autofree double *times = g_new (double, frames);
  g_autofree double *cpu = g_new (double, frames);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  MigmapGeoBounds bounds;
  MigmapProjection projection;
  double first = 0, cpu_median, wall_median;

  if (!migmap_view_preset_lookup (view, &bounds, &projection))
    g_error ("unknown view %s", view);
  migmap_viewport_set_size (viewport, 1920, 1080);
  migmap_viewport_set_projection (viewport, projection);
  migmap_viewport_fit_bounds (viewport, &bounds);
  migmap_renderer_set_show_labels (renderer, !plain);
  migmap_renderer_set_quality (renderer, quality);
  if (!plain)
    {
      const char *partners[] = { "DZA", "EGY", "LBY", "MAR", "TUN", "LBN", "JOR", "MLT", "ITA", "FRA", NULL };
      const char *emm5[] = { "DZA", "EGY", "ISR", "JOR", "LBN", "LBY", "MAR", "PSE", "TUN", NULL };
      MigmapColor a, b;

      migmap_color_parse ("#e66100", &a);
      migmap_color_parse ("#1c71d8", &b);
      migmap_renderer_add_layer (renderer, "a", &a, partners);
      migmap_renderer_add_layer (renderer, "b", &b, emm5);
    }

  for (guint i = 0; i <= frames; i++)
    {
      cairo_t *cr = cairo_create (surface);
      double t0, c0;

      t0 = now_ms ();
      c0 = cpu_ms ();
      migmap_renderer_render (renderer, viewport, cr);
      cairo_surface_flush (surface);
      if (i == 0)
        first = now_ms () - t0;
      else
        {
          times[i - 1] = now_ms () - t0;
          cpu[i - 1] = cpu_ms () - c0;
        }
      cairo_destroy (cr);
    }
  cpu_median = median (cpu, frames);
  wall_median = median (times, frames);
  printf ("render %-4s %-13s 1920x1080 %s %s: median %6.2f ms, p95 %6.2f ms, first frame %6.2f ms (projects and caches); "
          "CPU median %6.2f ms",
          resolution, view, plain ? "plain " : "styled",
          quality == MIGMAP_RENDER_QUALITY_FAST ? "fast" : "best", wall_median,
          percentile (times, frames, 0.95), first, cpu_median);
  printf ("\n");
  cairo_surface_destroy (surface);
}

static void
bench_hit (MigmapShapeSet *shapes, const char *resolution)
{
  const guint n = 1000000;
  GRand *rand = g_rand_new_with_seed (42);
  g_autofree double *points = g_new (double, 2 * n);
  guint hits = 0;
  double t0, elapsed;

  /* Europe, Africa and the Middle East: the clicks users make. */
  for (guint i = 0; i < n; i++)
    {
      points[2 * i] = g_rand_double_range (rand, -20.0, 60.0);
      points[2 * i + 1] = g_rand_double_range (rand, -35.0, 60.0);
    }
  g_rand_free (rand);

  t0 = now_ms ();
  for (guint i = 0; i < n; i++)
    hits += migmap_shape_set_feature_at (shapes, points[2 * i], points[2 * i + 1]) != NULL;
  elapsed = now_ms () - t0;
  printf ("hit    %-4s %.3f us per query (%u queries, %u on land)\n", resolution, elapsed * 1000.0 / n, n, hits);
}

int
main (int argc, char **argv)
{
  guint frames = 30;
  gboolean plain = FALSE;
  g_autofree char *only_view = NULL;
  g_autofree char *only_resolution = NULL;
  g_autofree char *only_quality = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("- MigMap map core figures");
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Frames per render figure (default 30)", "N" },
    { "plain", 0, 0, G_OPTION_ARG_NONE, &plain, "Sea, land and borders only", NULL },
    { "view", 0, 0, G_OPTION_ARG_STRING, &only_view, "Only this view", "NAME" },
    { "resolution", 0, 0, G_OPTION_ARG_STRING, &only_resolution, "Only 50m or 10m", "RES" },
    { "quality", 0, 0, G_OPTION_ARG_STRING, &only_quality, "Only fast or best renders", "QUALITY" },
    { "shapes", 0, 0, G_OPTION_ARG_FILENAME, &shapes_file, "This shapefile instead (named by --resolution)", "FILE" },
    { NULL }
  };
  const char *resolutions[] = { "50m", "10m" };
  const char *views[] = { "world", "mediterranean" };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || frames < 1)
    {
      g_printerr ("migmap-bench: %s\n", error ? error->message : "--frames must be at least 1");
      return 2;
    }
  if (only_quality && !g_str_equal (only_quality, "fast") && !g_str_equal (only_quality, "best"))
    {
      g_printerr ("migmap-bench: --quality: \"%s\" is not fast or best\n", only_quality);
      return 2;
    }

  for (guint r = 0; r < G_N_ELEMENTS (resolutions); r++)
    {
      g_autoptr(MigmapShapeSet) shapes = NULL;
      double ms;

      if (only_resolution && !g_str_equal (only_resolution, resolutions[r]))
        continue;
      bench_load (resolutions[r], shapes_file ? 3 : 5);
      shapes = load (resolutions[r], &ms);
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        if (!only_view || g_str_equal (only_view, views[v]))
          {
            if (!only_quality || g_str_equal (only_quality, "fast"))
              bench_render (shapes, resolutions[r], views[v], plain, MIGMAP_RENDER_QUALITY_FAST, frames);
            if (!only_quality || g_str_equal (only_quality, "best"))
              bench_render (shapes, resolutions[r], views[v], plain, MIGMAP_RENDER_QUALITY_BEST, frames);
          }
      if (!only_view || shapes_file)
        bench_hit (shapes, resolutions[r]);
    }
  return 0;
}
