/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-map-view-gl.c: the map view in the real window drawn by GTK's GL
 * renderer (Mesa's software GL under Xvfb), as on a desktop: the other
 * window tests use the cairo renderer, whose driver does not leak */
#include "migmap-window.h"
#include "window-test-support.h"

#define WAIT_MS 20000

static GtkApplication *app;

typedef WindowFixture Fixture;

/* The share of the map view's pixels that show map, not the background. */
static double
drawn_share (const Pixels *p)
{
  guint total = 0, drawn = 0;

  for (int y = 0; y < p->height; y += 8)
    for (int x = 0; x < p->width; x += 8)
      {
        total++;
        drawn += p->data[y * p->stride + x * 4 + 3] == 255;
      }
  return drawn / (double) total;
}

typedef struct {
  MigmapMapView *map;
  gint64         render_time;
} RenderWait;

static gboolean
new_sharp_frame (gpointer data)
{
  RenderWait *w = data;

  return migmap_map_view_get_last_render_time (w->map) != w->render_time;
}

static gboolean
pan_step (gpointer viewport)
{
  migmap_viewport_pan_by (viewport, 3, 2);
  return G_SOURCE_CONTINUE;
}

/* While the view keeps moving, its sharp frames cover more than the view:
 * a pan by a fifth of it each way shows map up to the edges, not the
 * background, until the next one. */
static void
test_map_edges_while_moving (Fixture *f, gconstpointer data)
{
  MigmapMapView *map = migmap_window_get_map_view (f->window);
  MigmapViewport *viewport = migmap_map_view_get_viewport (map);
  double shown = 0.0;

  /* A frame started while the view stood still (the machine stalled the
   * pans for the view's SETTLE_TIME) has no margin: try again. */
  for (int attempt = 0; attempt < 5 && shown < 0.99; attempt++)
    {
      RenderWait w = { map, migmap_map_view_get_last_render_time (map) };
      guint panning = g_timeout_add (10, pan_step, viewport);
      Pixels moved;

      /* The first to arrive may have started before the pans. */
      g_assert_true (wait_until (new_sharp_frame, &w, WAIT_MS));
      w.render_time = migmap_map_view_get_last_render_time (map);
      g_assert_true (wait_until (new_sharp_frame, &w, WAIT_MS));
      g_source_remove (panning);
      /* No main loop from here: no other frame can arrive. */
      migmap_viewport_pan_by (viewport, 0.2 * gtk_widget_get_width (GTK_WIDGET (map)),
                              0.2 * gtk_widget_get_height (GTK_WIDGET (map)));
      snapshot_map (map, &moved);
      shown = drawn_share (&moved);
      g_test_message ("attempt %d: %.1f%% of the view shows map", attempt, 100 * shown);
      g_free (moved.data);
    }
  g_assert_cmpfloat (shown, >, 0.99);
}

int
main (int argc, char **argv)
{
  int status;

  app = window_test_init (&argc, &argv, "io.github.migmap.MigMap.TestGL");
  g_test_add ("/map-view-gl/edges-while-moving", Fixture, NULL, window_fixture_set_up, test_map_edges_while_moving,
              window_fixture_tear_down);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
