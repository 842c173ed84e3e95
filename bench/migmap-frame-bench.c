/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-frame-bench.c: the window's start-up and frame times
 *
 *   MIGMAP_DATA_DIR=$PWD GDK_BACKEND=x11 dbus-run-session -- \
 *     xvfb-run -s "-screen 0 1920x1080x24" _build/bench/migmap-frame-bench [--runs N] [DENSE.shp...]
 *
 * 1. Start-up: the bench spawns itself N times as the real application
 *    (MigmapApplication, as main.c runs it) and times from just before the
 *    fork and exec to the end of the first frame whose map texture is drawn
 *    ("after-paint" of the frame clock, i.e. after GTK rendered and swapped
 *    that frame).
 * 2. Floor: a bare GTK window of the same size moving one 1920x1080 texture
 *    each frame, no MigMap code: what GTK's renderer and the GL driver alone
 *    cost per frame on this machine.
 * 3. Frames: the map view alone in a 1920x1080 window, scripted pan east,
 *    zoom in past the 1:10m threshold, pan, zoom out, once with the bundled
 *    1:10m shapes for close views and once with each DENSE.shp given.
 *
 * Two frame times are printed: "paint", from the frame clock's tick (where
 * the script moves the view) to the end of that frame's paint (layout,
 * snapshot, GSK render, buffer swap); and "interval", from one tick to the
 * next, i.e. how often a new frame reaches the screen.  The 16.7 ms target
 * is for "paint": the interval cannot go below the clock's 60 Hz period.
 */
#include <gtk/gtk.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "migmap-application.h"
#include "migmap-data-files.h"
#include "migmap-language.h"
#include "migmap-map-view.h"
#include "migmap-settings.h"
#include "migmap-window.h"

#define FRAMES_PER_PHASE 60
#define EXEC_TIME_ENV "MIGMAP_FRAME_BENCH_EXEC_TIME"

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
percentile (GArray *values, double p)
{
  if (values->len == 0)
    return NAN;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) MAX (ceil (p * values->len) - 1, 0)));
}

static void
append (GArray *values, double value)
{
  g_array_append_val (values, value);
}

/* ---- 1. start-up, in a child process running the application ---- */

typedef struct {
  gint64        exec_time, main_time, window_time, first_frame, first_map;
  double        process_cpu, main_cpu;   /* ms of CPU until first_map */
  GApplication *app;
  GtkWidget    *window;
} Start;

/* CPU time, all threads and the main thread's, when the first map is on
 * screen: unlike the wall-clock time it hardly moves with what else the
 * machine runs, but it misses what runs in parallel. */
static void
start_take_cpu (Start *s)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  s->process_cpu = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
                   (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
  getrusage (RUSAGE_THREAD, &usage);
  s->main_cpu = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
                (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

static void
start_after_paint (GdkFrameClock *clock, Start *s)
{
  MigmapMapView *map = migmap_window_get_map_view (MIGMAP_WINDOW (s->window));

  if (s->first_frame == 0)
    s->first_frame = g_get_monotonic_time ();
  if (s->first_map == 0 && migmap_map_view_get_map_drawn (map))
    {
      s->first_map = g_get_monotonic_time ();
      start_take_cpu (s);
      g_application_quit (s->app);
    }
}

static void
start_on_map (GtkWidget *window, Start *s)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (start_after_paint), s);
}

static void
start_window_added (GtkApplication *app, GtkWindow *window, Start *s)
{
  if (!MIGMAP_IS_WINDOW (window) || s->window)
    return;
  s->window_time = g_get_monotonic_time ();
  s->window = GTK_WIDGET (window);
  gtk_window_set_default_size (window, 1920, 1080);
  g_signal_connect (window, "map", G_CALLBACK (start_on_map), s);
}

static int
run_start_child (char *argv0)
{
  Start s = { 0 };
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *language = NULL;
  g_autoptr(MigmapApplication) app = NULL;
  char *args[] = { argv0, NULL };

  s.main_time = g_get_monotonic_time ();
  s.exec_time = g_ascii_strtoll (g_getenv (EXEC_TIME_ENV), NULL, 10);
  /* As main.c does. */
  settings = migmap_settings_dup ();
  language = settings ? g_settings_get_string (settings, "language") : NULL;
  migmap_language_init (language);
  app = migmap_application_new ();
  s.app = G_APPLICATION (app);
  g_signal_connect (app, "window-added", G_CALLBACK (start_window_added), &s);
  g_application_run (G_APPLICATION (app), 1, args);
  if (s.first_map == 0)
    return 1;
  printf ("%.1f %.1f %.1f %.1f %.1f %.1f %.1f\n", (s.first_map - s.exec_time) / 1000.0,
          (s.main_time - s.exec_time) / 1000.0, (s.window_time - s.main_time) / 1000.0,
          (s.first_frame - s.window_time) / 1000.0, (s.first_map - s.first_frame) / 1000.0,
          s.process_cpu, s.main_cpu);
  return 0;
}

/* The floor of start-up: GTK alone opening a 1920x1080 window with one label. */
static void
floor_after_paint (GdkFrameClock *clock, Start *s)
{
  s->first_map = g_get_monotonic_time ();
  start_take_cpu (s);
  g_signal_handlers_disconnect_by_data (clock, s);
}

static int
run_floor_child (void)
{
  Start s = { 0 };
  GtkWidget *window;

  s.main_time = g_get_monotonic_time ();
  s.exec_time = g_ascii_strtoll (g_getenv (EXEC_TIME_ENV), NULL, 10);
  gtk_init ();
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("MigMap"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  s.window_time = g_get_monotonic_time ();
  gtk_widget_realize (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (floor_after_paint), &s);
  gtk_window_present (GTK_WINDOW (window));
  while (s.first_map == 0)
    g_main_context_iteration (NULL, TRUE);
  printf ("%.1f %.1f %.1f %.1f %.1f %.1f %.1f\n", (s.first_map - s.exec_time) / 1000.0,
          (s.main_time - s.exec_time) / 1000.0, (s.window_time - s.main_time) / 1000.0,
          (s.first_map - s.window_time) / 1000.0, 0.0, s.process_cpu, s.main_cpu);
  return 0;
}

static void
bench_start (const char *self_exe, const char *mode, int runs)
{
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) each = g_string_new (NULL);
  double phases[4] = { 0 }, cpu[2] = { 0 };

  for (int i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *now = NULL;
      g_auto(GStrv) env = g_get_environ ();
      const char *argv[] = { self_exe, mode, NULL };
      double t, p[4], c[2];
      int status;

      /* The saved view and panes of a user's session are not the bench's. */
      env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
      now = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
      env = g_environ_setenv (env, EXEC_TIME_ENV, now, TRUE);
      if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error) ||
          sscanf (out, "%lf %lf %lf %lf %lf %lf %lf", &t, &p[0], &p[1], &p[2], &p[3], &c[0], &c[1]) != 7)
        g_error ("start-up run failed: %s", error ? error->message : out);
      append (total, t);
      g_string_append_printf (each, "%s%.0f", i ? ", " : "", t);
      for (int k = 0; k < 4; k++)
        phases[k] += p[k] / runs;
      for (int k = 0; k < 2; k++)
        cpu[k] += c[k] / runs;
    }
  if (g_str_equal (mode, "--floor-child"))
    {
      printf ("start-up floor, exec to the end of the first frame of a bare GTK window with a label, %d runs:\n", runs);
      printf ("  median %.0f ms, p95 %.0f ms (%s ms)\n", percentile (total, 0.5), percentile (total, 0.95), each->str);
      printf ("  means: exec to main() %.0f ms, gtk_init and window %.0f ms, to first frame %.0f ms\n",
              phases[0], phases[1], phases[2]);
      printf ("  CPU until then (means): process %.0f ms, main thread %.0f ms\n", cpu[0], cpu[1]);
      return;
    }
  printf ("start-up, exec to the end of the first frame drawing the map (the application, %d runs):\n", runs);
  printf ("  median %.0f ms, p95 %.0f ms (%s ms)\n", percentile (total, 0.5), percentile (total, 0.95), each->str);
  printf ("  means: exec to main() %.0f ms (dynamic linking), main() to window built %.0f ms (GTK, settings,\n"
          "  catalogue, 1:50m shapes, widgets), to first frame %.0f ms, to first frame with the map %.0f ms\n",
          phases[0], phases[1], phases[2], phases[3]);
  printf ("  CPU until then (means): process %.0f ms, main thread %.0f ms\n", cpu[0], cpu[1]);
}

/* ---- frame timing, shared by the floor and the map ---- */

typedef struct {
  GtkWidget *window;
  GtkWidget *moved;                 /* what the script moves */
  MigmapMapView *map;               /* NULL for the floor */
  void     (*step) (gpointer bench, int frame);
  int        frame, n_frames;
  gint64     tick_time, last_tick;
  GArray    *paint_ms, *interval_ms, *render_ms;
  /* The paint times split: frames that drew a new sharp texture for the
   * first time (and uploaded it) and the others, and the others by phase
   * of the script. */
  GArray    *new_texture_ms, *same_texture_ms, *phase_ms[4];
  gint64     last_render_time;
  guint      renders;
  GMainLoop *loop;
} Frames;

static gboolean
frames_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  Frames *f = user_data;
  gint64 now = g_get_monotonic_time ();

  if (f->frame >= f->n_frames)
    {
      g_main_loop_quit (f->loop);
      return G_SOURCE_REMOVE;
    }
  if (f->last_tick)
    append (f->interval_ms, (now - f->last_tick) / 1000.0);
  f->last_tick = f->tick_time = now;
  f->step (f, f->frame++);
  return G_SOURCE_CONTINUE;
}

static void
frames_after_paint (GdkFrameClock *clock, Frames *f)
{
  if (f->tick_time == 0)
    return;
  double paint = (g_get_monotonic_time () - f->tick_time) / 1000.0;

  append (f->paint_ms, paint);
  f->tick_time = 0;
  if (f->map && migmap_map_view_get_last_render_time (f->map) != f->last_render_time)
    {
      /* A sharp frame arrived from the worker: this paint drew it first. */
      f->last_render_time = migmap_map_view_get_last_render_time (f->map);
      append (f->render_ms, f->last_render_time / 1000.0);
      append (f->new_texture_ms, paint);
      f->renders++;
    }
  else
    {
      append (f->same_texture_ms, paint);
      append (f->phase_ms[MIN (f->frame - 1, 4 * FRAMES_PER_PHASE - 1) / FRAMES_PER_PHASE], paint);
    }
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
frames_run (Frames *f)
{
  f->loop = g_main_loop_new (NULL, FALSE);
  f->paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
  f->interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  f->render_ms = g_array_new (FALSE, FALSE, sizeof (double));
  f->new_texture_ms = g_array_new (FALSE, FALSE, sizeof (double));
  f->same_texture_ms = g_array_new (FALSE, FALSE, sizeof (double));
  for (int i = 0; i < 4; i++)
    f->phase_ms[i] = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_window_set_decorated (GTK_WINDOW (f->window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (f->window));
  /* Let the first frames (window mapping, shader compiling) pass first. */
  g_timeout_add (500, quit_loop, f->loop);
  g_main_loop_run (f->loop);
  g_signal_connect (gtk_widget_get_frame_clock (f->window), "after-paint", G_CALLBACK (frames_after_paint), f);
  if (f->map)
    f->last_render_time = migmap_map_view_get_last_render_time (f->map);
  gtk_widget_add_tick_callback (f->moved, frames_tick, f, NULL);
  g_main_loop_run (f->loop);
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (f->window), f);
}

static void
frames_print (Frames *f)
{
  printf ("  paint:    median %5.1f ms, p95 %5.1f ms, max %5.1f ms\n",
          percentile (f->paint_ms, 0.5), percentile (f->paint_ms, 0.95), percentile (f->paint_ms, 1.0));
  printf ("  interval: median %5.1f ms, p95 %5.1f ms, max %5.1f ms\n",
          percentile (f->interval_ms, 0.5), percentile (f->interval_ms, 0.95), percentile (f->interval_ms, 1.0));
}

static void
frames_free (Frames *f)
{
  g_clear_pointer (&f->loop, g_main_loop_unref);
  g_clear_pointer (&f->paint_ms, g_array_unref);
  g_clear_pointer (&f->interval_ms, g_array_unref);
  g_clear_pointer (&f->render_ms, g_array_unref);
  g_clear_pointer (&f->new_texture_ms, g_array_unref);
  g_clear_pointer (&f->same_texture_ms, g_array_unref);
  for (int i = 0; i < 4; i++)
    g_clear_pointer (&f->phase_ms[i], g_array_unref);
  gtk_window_destroy (GTK_WINDOW (f->window));
}

/* ---- 2. the floor: GTK moving one texture ---- */

static void
floor_step (gpointer data, int frame)
{
  Frames *f = data;

  /* As fast as the script's pan, back and forth within the window. */
  gtk_fixed_move (GTK_FIXED (gtk_window_get_child (GTK_WINDOW (f->window))), f->moved,
                  -12.0 * (frame % 100), 0);
}

static void
bench_floor (int n_frames)
{
  Frames f = { 0 };
  g_autofree guint32 *pixels = g_new (guint32, 1920 * 1080);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *fixed = gtk_fixed_new ();

  /* Opaque, not flat: GL cost does not depend on content, this keeps it honest. */
  for (int i = 0; i < 1920 * 1080; i++)
    pixels[i] = 0xff000000u | (guint32) (i * 2654435761u >> 8 & 0x3f3f3f) | 0x808080;
  bytes = g_bytes_new_take (g_steal_pointer (&pixels), 1920 * 1080 * 4);
  texture = gdk_memory_texture_new (1920, 1080, GDK_MEMORY_DEFAULT, bytes, 1920 * 4);
  f.window = gtk_window_new ();
  f.moved = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_widget_set_size_request (f.moved, 1920, 1080);
  gtk_fixed_put (GTK_FIXED (fixed), f.moved, 0, 0);
  gtk_window_set_child (GTK_WINDOW (f.window), fixed);
  f.step = floor_step;
  f.n_frames = n_frames;
  frames_run (&f);
  printf ("floor, a bare GTK window moving one 1920x1080 texture each frame (no MigMap code), %u frames:\n",
          f.paint_ms->len);
  frames_print (&f);
  printf ("  GSK renderer: %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (f.window))));
  frames_free (&f);
}

/* ---- 3. the map view: scripted pan and zoom ---- */

/* Pan east, zoom in past the 1:10m threshold, pan, zoom out. */
static void
map_step (gpointer data, int frame)
{
  Frames *f = data;
  MigmapViewport *viewport = migmap_map_view_get_viewport (f->map);

  switch (frame / FRAMES_PER_PHASE)
    {
    case 0: migmap_viewport_pan_by (viewport, -12, 0); break;
    case 1: migmap_viewport_zoom_at (viewport, 1.04, 960, 540); break;
    case 2: migmap_viewport_pan_by (viewport, 10, 6); break;
    case 3: migmap_viewport_zoom_at (viewport, 1 / 1.04, 960, 540); break;
    default: break;
    }
}

static void
bench_map (MigmapCatalogue *catalogue, MigmapShapeSet *shapes, const char *detailed_path)
{
  Frames f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapShapeSet) detailed = NULL;
  g_autoptr(MigmapMapState) state = NULL;
  MigmapGeoBounds mediterranean;
  gint64 t0 = g_get_monotonic_time ();

  detailed = migmap_shape_set_new_from_file (detailed_path, NULL, &error);
  if (detailed == NULL)
    g_error ("%s", error->message);
  printf ("map view 1920x1080, 1:50m and %s for close views (loaded in %.0f ms), scripted pan and zoom "
          "over the Mediterranean, %d frames:\n", detailed_path, (g_get_monotonic_time () - t0) / 1000.0,
          4 * FRAMES_PER_PHASE);
  f.window = gtk_window_new ();
  f.map = MIGMAP_MAP_VIEW (migmap_map_view_new ());
  f.moved = GTK_WIDGET (f.map);
  state = migmap_map_state_new (catalogue, shapes, detailed);
  migmap_map_view_set_state (f.map, state);
  g_assert (migmap_view_preset_lookup ("mediterranean", &mediterranean, NULL));
  migmap_map_view_show_bounds (f.map, &mediterranean, FALSE);
  gtk_window_set_child (GTK_WINDOW (f.window), GTK_WIDGET (f.map));
  f.step = map_step;
  f.n_frames = 4 * FRAMES_PER_PHASE;
  frames_run (&f);
  frames_print (&f);
  printf ("  sharp frames from the worker: %u in %u frames, rendering alone median %.1f ms, p95 %.1f ms\n",
          f.renders, f.paint_ms->len, percentile (f.render_ms, 0.5), percentile (f.render_ms, 0.95));
  printf ("  paint of the %u frames drawing a new sharp texture: median %5.1f ms, p95 %5.1f ms, max %5.1f ms\n",
          f.new_texture_ms->len, percentile (f.new_texture_ms, 0.5), percentile (f.new_texture_ms, 0.95),
          percentile (f.new_texture_ms, 1.0));
  printf ("  paint of the %u others: median %5.1f ms, p95 %5.1f ms, max %5.1f ms; p95 by phase: pan %.1f, "
          "zoom in %.1f, pan %.1f, zoom out %.1f ms\n",
          f.same_texture_ms->len, percentile (f.same_texture_ms, 0.5), percentile (f.same_texture_ms, 0.95),
          percentile (f.same_texture_ms, 1.0), percentile (f.phase_ms[0], 0.95), percentile (f.phase_ms[1], 0.95),
          percentile (f.phase_ms[2], 0.95), percentile (f.phase_ms[3], 0.95));
  frames_free (&f);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MigmapCatalogue) catalogue = NULL;
  g_autoptr(MigmapShapeSet) shapes = NULL;
  g_autofree char *catalogue_path = NULL;
  g_autofree char *shapes_path = NULL;
  g_autofree char *tenm_path = NULL;
  g_autofree char *self_exe = NULL;
  int runs = 5;
  gboolean start_child = FALSE, start_only = FALSE;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Start-up runs (default 5)", "N" },
    { "start-only", 0, 0, G_OPTION_ARG_NONE, &start_only, "Only the start-up figures", NULL },
    { "start-child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &start_child, NULL, NULL },
    { NULL }
  };

  setvbuf (stdout, NULL, _IOLBF, 0);
  if (argc > 1 && g_str_equal (argv[1], "--start-child"))
    return run_start_child (argv[0]);
  if (argc > 1 && g_str_equal (argv[1], "--floor-child"))
    return run_floor_child ();

  context = g_option_context_new ("[DENSE.shp...] - MigMap window start-up and frame times");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  self_exe = g_file_read_link ("/proc/self/exe", &error);
  if (self_exe == NULL)
    g_error ("%s", error->message);
  if (runs > 0)
    {
      bench_start (self_exe, "--floor-child", runs);
      bench_start (self_exe, "--start-child", runs);
    }
  if (start_only)
    return 0;

  gtk_init ();
  {
    g_autofree char *loadavg = NULL;

    if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
      printf ("load average %.14s\n", loadavg);
  }
  bench_floor (4 * FRAMES_PER_PHASE);

  catalogue_path = migmap_find_data_file ("data/catalogue.json");
  shapes_path = migmap_find_data_file ("shapes/ne_50m_admin0.shp");
  tenm_path = migmap_find_data_file ("shapes/ne_10m_admin0.shp");
  catalogue = migmap_catalogue_new_from_file (catalogue_path, &error);
  shapes = catalogue ? migmap_shape_set_new_from_file (shapes_path, NULL, &error) : NULL;
  if (shapes == NULL)
    g_error ("%s", error->message);
  bench_map (catalogue, shapes, tenm_path);
  for (int i = 1; i < argc; i++)
    bench_map (catalogue, shapes, argv[i]);
  return 0;
}
