/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-frame-bench.c: time to the first map on screen, and frame times of a
 * scripted pan and zoom over the Mediterranean with the 1:10m shapes
 *
 *   xvfb-run -s "-screen 0 1920x1080x24" _build/bench/migmap-frame-bench [DETAILED.shp]
 *
 * A frame is timed from the frame clock's tick, where the script moves the
 * view, to the end of its paint: GTK drawing the window with the last map
 * texture moved and scaled (the sharp map renders in a thread, "map
 * rendering alone" below, and replaces it when done).
 */
#include <gtk/gtk.h>
#include <math.h>
#include <stdio.h>

#include "migmap-data-files.h"
#include "migmap-map-view.h"
#include "migmap-window.h"

#define FRAMES_PER_PHASE 60

typedef struct {
  GtkWidget     *window;
  MigmapMapView *map;
  gint64         process_start;
  gint64         first_map;
  gint64         tick_time;
  int            frame;
  GArray        *frame_ms;
  GArray        *render_ms;
  GMainLoop     *loop;
} Bench;

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
percentile (GArray *values, double p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) ceil (p * values->len) - 1));
}

/* The script: pan east, zoom in past the 1:10m threshold, pan, zoom out. */
static void
script_step (Bench *b)
{
  MigmapViewport *viewport = migmap_map_view_get_viewport (b->map);
  int phase = b->frame / FRAMES_PER_PHASE;

  switch (phase)
    {
    case 0: migmap_viewport_pan_by (viewport, -12, 0); break;
    case 1: migmap_viewport_zoom_at (viewport, 1.04, 960, 540); break;
    case 2: migmap_viewport_pan_by (viewport, 10, 6); break;
    case 3: migmap_viewport_zoom_at (viewport, 1 / 1.04, 960, 540); break;
    default: break;
    }
}

static gboolean
tick (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  Bench *b = user_data;

  if (b->frame >= 4 * FRAMES_PER_PHASE)
    {
      g_main_loop_quit (b->loop);
      return G_SOURCE_REMOVE;
    }
  b->tick_time = g_get_monotonic_time ();
  script_step (b);
  b->frame++;
  return G_SOURCE_CONTINUE;
}

static void
after_paint (GdkFrameClock *clock, Bench *b)
{
  if (b->first_map == 0 && migmap_map_view_get_last_render_time (b->map) > 0)
    b->first_map = g_get_monotonic_time ();
  if (b->tick_time)
    {
      double frame = (g_get_monotonic_time () - b->tick_time) / 1000.0;
      double render = migmap_map_view_get_last_render_time (b->map) / 1000.0;

      g_array_append_val (b->frame_ms, frame);
      g_array_append_val (b->render_ms, render);
      b->tick_time = 0;
    }
}

static void
on_map (GtkWidget *widget, Bench *b)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (after_paint), b);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

int
main (int argc, char **argv)
{
  Bench b = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapCatalogue) catalogue = NULL;
  g_autoptr(MigmapShapeSet) shapes = NULL;
  g_autoptr(MigmapShapeSet) detailed = NULL;
  g_autoptr(MigmapMapState) state = NULL;
  g_autoptr(GtkApplication) app = NULL;
  g_autofree char *catalogue_path = NULL;
  g_autofree char *shapes_path = NULL;
  g_autofree char *detailed_path = NULL;
  MigmapGeoBounds mediterranean;
  gint64 t_init, t_catalogue, t_shapes, t_window;

  b.process_start = g_get_monotonic_time ();
  gtk_init ();
  b.loop = g_main_loop_new (NULL, FALSE);
  b.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  b.render_ms = g_array_new (FALSE, FALSE, sizeof (double));

  /* 1. Start-up as the application does it: catalogue, 1:50m shapes, window. */
  catalogue_path = migmap_find_data_file ("data/catalogue.json");
  shapes_path = migmap_find_data_file ("shapes/ne_50m_admin0.shp");
  t_init = g_get_monotonic_time ();
  catalogue = migmap_catalogue_new_from_file (catalogue_path, &error);
  t_catalogue = g_get_monotonic_time ();
  shapes = catalogue ? migmap_shape_set_new_from_file (shapes_path, NULL, &error) : NULL;
  t_shapes = g_get_monotonic_time ();
  if (shapes == NULL)
    g_error ("%s", error->message);
  app = gtk_application_new ("io.github.migmap.MigMap.Bench", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  b.window = GTK_WIDGET (migmap_window_new (app, catalogue, shapes, NULL));
  b.map = migmap_window_get_map_view (MIGMAP_WINDOW (b.window));
  t_window = g_get_monotonic_time ();
  gtk_window_set_default_size (GTK_WINDOW (b.window), 1920, 1080);
  g_signal_connect (b.window, "map", G_CALLBACK (on_map), &b);
  gtk_window_present (GTK_WINDOW (b.window));
  while (b.first_map == 0)
    g_main_context_iteration (NULL, TRUE);
  printf ("first map on screen: %.1f ms after start (catalogue, 1:50m shapes, window)\n",
          (b.first_map - b.process_start) / 1000.0);
  printf ("  GTK start %.1f ms, catalogue %.1f ms, shapes %.1f ms, window built %.1f ms, shown and drawn %.1f ms\n",
          (t_init - b.process_start) / 1000.0, (t_catalogue - t_init) / 1000.0, (t_shapes - t_catalogue) / 1000.0,
          (t_window - t_shapes) / 1000.0, (b.first_map - t_window) / 1000.0);
  gtk_window_destroy (GTK_WINDOW (b.window));

  /* 2. The map alone at 1920x1080 with the 1:10m shapes for close views. */
  /* argv[1]: another shapefile for close views, e.g. bench/make-dense-shapes.sh's. */
  detailed_path = argc > 1 ? g_strdup (argv[1]) : migmap_find_data_file ("shapes/ne_10m_admin0.shp");
  detailed = migmap_shape_set_new_from_file (detailed_path, NULL, &error);
  if (detailed == NULL)
    g_error ("%s", error->message);
  b.window = gtk_window_new ();
  b.map = MIGMAP_MAP_VIEW (migmap_map_view_new ());
  state = migmap_map_state_new (catalogue, shapes, detailed);
  migmap_map_view_set_state (b.map, state);
  gtk_window_set_child (GTK_WINDOW (b.window), GTK_WIDGET (b.map));
  gtk_window_set_decorated (GTK_WINDOW (b.window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (b.window), 1920, 1080);
  b.first_map = 0;
  g_signal_connect (b.window, "map", G_CALLBACK (on_map), &b);
  gtk_window_present (GTK_WINDOW (b.window));
  while (b.first_map == 0)
    g_main_context_iteration (NULL, TRUE);
  migmap_view_preset_lookup ("mediterranean", &mediterranean, NULL);
  migmap_map_view_show_bounds (b.map, &mediterranean, FALSE);
  /* Let the first frames (projection caches) pass before timing. */
  g_timeout_add (300, quit_loop, b.loop);
  g_main_loop_run (b.loop);

  gtk_widget_add_tick_callback (GTK_WIDGET (b.map), tick, &b, NULL);
  g_main_loop_run (b.loop);

  printf ("map view %dx%d, %u frames of scripted pan and zoom over the Mediterranean (1:50m and %s):\n",
          gtk_widget_get_width (GTK_WIDGET (b.map)), gtk_widget_get_height (GTK_WIDGET (b.map)), b.frame_ms->len,
          argc > 1 ? argv[1] : "1:10m");
  printf ("  frame (tick to end of paint): median %.2f ms, p95 %.2f ms, max %.2f ms\n",
          percentile (b.frame_ms, 0.5), percentile (b.frame_ms, 0.95), percentile (b.frame_ms, 1.0));
  printf ("  map rendering alone:          median %.2f ms, p95 %.2f ms\n",
          percentile (b.render_ms, 0.5), percentile (b.render_ms, 0.95));
  printf ("  GSK renderer: %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (b.window))));
  gtk_window_destroy (GTK_WINDOW (b.window));
  return 0;
}
