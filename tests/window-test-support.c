/* SPDX-License-Identifier: GPL-3.0-or-later */
/* window-test-support.c: what the tests of the real window share */
#include "window-test-support.h"

#include "migmap-data-files.h"
#include "migmap-language.h"

/* The test program's one application (window_test_init()). */
static GtkApplication *app;

GtkApplication *
window_test_init (int *argc, char ***argv, const char *application_id)
{
  g_autoptr(GError) error = NULL;

  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init() sets the "C" locale, where gettext has no French or
   * Arabic country names to search; the application sets up its own. */
  migmap_language_init (NULL);
  app = gtk_application_new (application_id, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

void
window_fixture_set_up (WindowFixture *f, gconstpointer data)
{
  g_autofree char *catalogue_path = migmap_find_data_file ("data/catalogue.json");
  g_autoptr(GError) error = NULL;

  f->catalogue = migmap_catalogue_new_from_file (catalogue_path, &error);
  g_assert_no_error (error);
  f->shapes = load_bundled_shapes ();
  f->window = migmap_window_new (app, f->catalogue, f->shapes, NULL);
  /* 900 pixels of map and panels, and the timeline under them. */
  present_window (f->window, 1400, 960, 10000);
  show_mediterranean (f->window);
}

void
window_fixture_tear_down (WindowFixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  /* A render still running in a thread when the program exits can crash it. */
  migmap_map_view_wait_for_renders ();
  settle (50);
  g_object_unref (f->catalogue);
  g_object_unref (f->shapes);
}

void
snapshot_map (MigmapMapView *map, Pixels *out)
{
  GtkWidget *widget = GTK_WIDGET (map);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  out->width = gtk_widget_get_width (widget);
  out->height = gtk_widget_get_height (widget);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, out->width, out->height));
  out->stride = (gsize) gdk_texture_get_width (texture) * 4;
  out->data = g_malloc (out->stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, out->data, out->stride);
}

/* ---- waiting ---- */

static gboolean
timeout_reached (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, for at most @ms. */
gboolean
wait_until (gboolean (*done) (gpointer), gpointer data, guint ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (ms, timeout_reached, &expired);

  while (!expired && !done (data))
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return done (data);
}

gboolean
never (gpointer data)
{
  return FALSE;
}

void
settle (guint ms)
{
  wait_until (never, NULL, ms);
}

/* Runs what is pending, the edit form's check on idle among it. */
void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* ---- the window ---- */

gboolean
map_is_drawn (gpointer data)
{
  MigmapWindow *window = data;

  return gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         migmap_map_view_get_last_render_time (migmap_window_get_map_view (window)) > 0;
}

MigmapShapeSet *
load_bundled_shapes (void)
{
  g_autofree char *path = migmap_find_data_file ("shapes/ne_50m_admin0.shp");
  g_autoptr(GError) error = NULL;
  MigmapShapeSet *shapes = migmap_shape_set_new_from_file (path, NULL, &error);

  g_assert_no_error (error);
  return shapes;
}

/* A window on @file's catalogue, editing it, not yet shown. */
MigmapWindow *
new_window_for_file (GtkApplication *app, MigmapCatalogueFile *file, MigmapShapeSet *shapes)
{
  MigmapCatalogueEditor *editor = migmap_catalogue_file_get_editor (file);
  MigmapWindow *window = migmap_window_new (app, migmap_catalogue_editor_get_catalogue (editor), shapes, NULL);

  migmap_window_set_catalogue_file (window, file);
  return window;
}

/* Shows @window at @width x @height and waits, for at most @ms, until its
 * map is drawn. */
void
present_window (MigmapWindow *window, int width, int height, guint ms)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_until (map_is_drawn, window, ms));
}

/* Saved settings may hold any view: every test starts from the same one. */
void
show_mediterranean (MigmapWindow *window)
{
  MigmapGeoBounds mediterranean;

  g_assert_true (migmap_view_preset_lookup ("mediterranean", &mediterranean, NULL));
  migmap_map_view_show_bounds (migmap_window_get_map_view (window), &mediterranean, FALSE);
  settle (300);
}

void
geo_to_map (MigmapWindow *window, double lon, double lat, double *x, double *y)
{
  MigmapMapView *map = migmap_window_get_map_view (window);

  g_assert_true (migmap_viewport_geo_to_screen (migmap_map_view_get_viewport (map), lon, lat, x, y));
  /* The point must be on the map, or the click and the pixel go elsewhere. */
  g_assert_cmpfloat (*x, >=, 0);
  g_assert_cmpfloat (*x, <, gtk_widget_get_width (GTK_WIDGET (map)));
  g_assert_cmpfloat (*y, >=, 0);
  g_assert_cmpfloat (*y, <, gtk_widget_get_height (GTK_WIDGET (map)));
}

GtkWidget *
find_widget (GtkWidget *root, gboolean (*match) (GtkWidget *, gconstpointer), gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);
      if (found)
        return found;
    }
  return NULL;
}

/* The project's page shows project @id. */
gboolean
project_shown (gpointer data)
{
  ExpectProject *e = data;
  MigmapProject *shown = migmap_project_panel_get_project (migmap_window_get_project_panel (*e->window));

  return shown && g_str_equal (migmap_project_get_id (shown), e->id) &&
         g_str_equal (migmap_window_get_side_page (*e->window), "project");
}

/* The first search result is @id, of @kind. */
gboolean
first_result_is (gpointer data)
{
  ExpectResult *e = data;
  const char *kind = NULL;

  return migmap_window_get_n_search_results (*e->window) > 0 &&
         g_strcmp0 (migmap_window_get_search_result (*e->window, 0, &kind), e->id) == 0 &&
         g_strcmp0 (kind, e->kind) == 0;
}

gboolean
country_selected (gpointer data)
{
  ExpectCountry *e = data;

  return g_strcmp0 (migmap_map_state_get_selected_country (migmap_window_get_state (*e->window)), e->code) == 0;
}

/* ---- files ---- */

char *
make_temp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

/* The bundled catalogue copied into @dir, as the user's: returns its path. */
char *
copy_bundled_catalogue (const char *dir)
{
  g_autofree char *bundled = migmap_find_data_file ("data/catalogue.json");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "catalogue.json", NULL);
  gsize length;

  g_assert_true (g_file_get_contents (bundled, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  return path;
}

/* ---- real input, real pixels ---- */

void
widget_to_surface (GtkWidget *widget, double x, double y, double *sx, double *sy)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t out;
  double nx, ny;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &out));
  gtk_native_get_surface_transform (native, &nx, &ny);
  *sx = out.x + nx;
  *sy = out.y + ny;
}

Window
surface_xid (GtkWidget *widget)
{
  return gdk_x11_surface_get_xid (gtk_native_get_surface (gtk_widget_get_native (widget)));
}

void
xdotool (const char *args)
{
  g_autofree char *command = g_strdup_printf ("xdotool %s", args);
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* @keys as a person presses them (XTest), to the X window @window_id once
 * it has the focus. */
void
press_keys (const char *window_id, const char *keys)
{
  g_autofree char *args = g_strdup_printf ("windowfocus --sync %s key --clearmodifiers %s", window_id, keys);

  xdotool (args);
}

void
click (GtkWidget *widget, double x, double y)
{
  double sx, sy;
  g_autofree char *args = NULL;

  widget_to_surface (widget, x, y, &sx, &sy);
  args = g_strdup_printf ("mousemove --window %lu %d %d click 1", surface_xid (widget), (int) sx, (int) sy);
  xdotool (args);
  /* Let the click arrive, and the pointer leave the next click's spot. */
  settle (400);
}

void
click_center (GtkWidget *widget)
{
  click (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

guint32
screen_pixel (GtkWidget *widget, double x, double y)
{
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  double sx, sy;
  XImage *image;
  guint32 pixel;

  widget_to_surface (widget, x, y, &sx, &sy);
  image = XGetImage (display, surface_xid (widget), (int) sx, (int) sy, 1, 1, AllPlanes, ZPixmap);
  g_assert_nonnull (image);
  pixel = XGetPixel (image, 0, 0) & 0xffffff;
  XDestroyImage (image);
  return pixel;
}

gboolean
pixel_matches (gpointer data)
{
  PixelWait *w = data;

  return (screen_pixel (w->widget, w->x, w->y) == w->value) == w->equal;
}
