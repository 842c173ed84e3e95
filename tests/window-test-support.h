/* SPDX-License-Identifier: GPL-3.0-or-later */
/* window-test-support.h: what the tests of the real window share: waiting
 * on the main loop for a condition, a window set up and drawn the same way
 * in each, a catalogue in a folder of its own, real input (XTest, through
 * xdotool) and the screen's pixels */
#pragma once

#include <gdk/x11/gdkx.h>
#include <gtk/gtk.h>

#include "catalogue/catalogue-test-util.h"
#include "migmap-window.h"

G_BEGIN_DECLS

/* GTK in test mode, the application's languages, and the one application
 * a test program has (it owns a D-Bus object path). */
GtkApplication *window_test_init (int *argc, char ***argv, const char *application_id);

/* ---- waiting ---- */

gboolean wait_until   (gboolean (*done) (gpointer), gpointer data, guint ms);
gboolean never        (gpointer data);
void     settle       (guint ms);
void     drain        (void);

/* ---- the window ---- */

/* A condition on a MigmapWindow: on screen and its map drawn once. */
gboolean        map_is_drawn        (gpointer window);
MigmapShapeSet *load_bundled_shapes (void);
MigmapWindow   *new_window_for_file (GtkApplication *app, MigmapCatalogueFile *file, MigmapShapeSet *shapes);
void            present_window      (MigmapWindow *window, int width, int height, guint ms);
void            show_mediterranean  (MigmapWindow *window);
void            geo_to_map          (MigmapWindow *window, double lon, double lat, double *x, double *y);
GtkWidget      *find_widget         (GtkWidget *root, gboolean (*match) (GtkWidget *, gconstpointer),
                                     gconstpointer data);

/* The window most tests start from: the bundled catalogue and shapes,
 * 1400x960, on the Mediterranean, its map drawn (the application is
 * window_test_init()'s). */
typedef struct {
  MigmapWindow    *window;
  MigmapCatalogue *catalogue;
  MigmapShapeSet  *shapes;
} WindowFixture;

void window_fixture_set_up    (WindowFixture *f, gconstpointer data);
void window_fixture_tear_down (WindowFixture *f, gconstpointer data);

/* What the map view draws now, rendered by the window's own renderer
 * without running the main loop: no sharp frame from the worker can
 * arrive meanwhile.  Free @data with g_free(). */
typedef struct {
  int     width, height;
  gsize   stride;
  guchar *data;
} Pixels;

void snapshot_map (MigmapMapView *map, Pixels *out);

/* Conditions on the window a fixture has now: @window points to the
 * fixture's own field, as a test may close the window and open another. */
typedef struct {
  MigmapWindow **window;
  const char    *id;
} ExpectProject;

typedef struct {
  MigmapWindow **window;
  const char    *kind;
  const char    *id;
} ExpectResult;

typedef struct {
  MigmapWindow **window;
  const char    *code;     /* NULL: no country */
} ExpectCountry;

gboolean project_shown    (gpointer expect_project);
gboolean first_result_is  (gpointer expect_result);
gboolean country_selected (gpointer expect_country);

/* ---- files ---- */

char *make_temp_dir          (const char *tmpl);
char *copy_bundled_catalogue (const char *dir);

/* ---- real input, real pixels ---- */

void    widget_to_surface (GtkWidget *widget, double x, double y, double *sx, double *sy);
Window  surface_xid       (GtkWidget *widget);
void    xdotool           (const char *args);
void    press_keys        (const char *window_id, const char *keys);
void    click             (GtkWidget *widget, double x, double y);
void    click_center      (GtkWidget *widget);
guint32 screen_pixel      (GtkWidget *widget, double x, double y);

typedef struct {
  GtkWidget *widget;
  double     x, y;
  guint32    value;
  gboolean   equal;     /* wait for the pixel to be @value, or to differ from it */
} PixelWait;

gboolean pixel_matches (gpointer data);

G_END_DECLS
