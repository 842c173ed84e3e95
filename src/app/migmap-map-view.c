/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-map-view.c: pans, zooms and clicks on top of a map state
 *
 * The view draws its MigmapMapState and reports clicks to it; it owns no
 * selection and no layers.  The map is rendered into an image of the
 * widget's size and handed to GTK as a texture.  Every map is rendered by
 * a worker thread, never on the main thread: after a pan, a zoom or a
 * resize the last texture is shown moved and scaled to the new view (GTK
 * keeps it on the GPU, so a frame costs next to nothing) until the sharp
 * frame replaces it.  While the view keeps moving, sharp frames (with a
 * margin around the view) start seldom: with software GL the worker slows
 * the frames drawn while it runs, see MOTION_RENDER_SHARE and
 * bench/migmap-frame-bench; the worker uploads the texture itself, see
 * migmap-texture-pool.c.  The frame of the settled view, without margin,
 * starts SETTLE_TIME after the last change.  The worker has its own
 * renderers, touched only while no job runs; the main ones answer clicks.
 */
#include "config.h"

#include "migmap-map-view.h"
#include "migmap-texture-pool.h"

#include <glib/gi18n-lib.h>
#include <gsk/gl/gskglrenderer.h>
#include <math.h>

#define ZOOM_STEP 1.5
#define WHEEL_ZOOM_STEP 1.25
#define KEY_PAN_FRACTION 0.125
#define ANIMATION_USEC (250 * G_TIME_SPAN_MILLISECOND)
#define KINETIC_DECAY 4.0          /* per second */
#define KINETIC_MIN_SPEED 30.0     /* pixels per second */
#define CLICK_TOLERANCE_PX 3.0
#define SETTLE_TIME (50 * G_TIME_SPAN_MILLISECOND)   /* no change for this long: the view stopped */
/* While the view keeps moving, a sharp frame starts every
 * MOTION_RENDER_SHARE times what the last one cost (its rendering and
 * upload, plus the frame on screen it slowed), within these bounds: with
 * software GL, frames during which the worker runs are slower (it takes a
 * core from the GL rasteriser), and at most 1 in MOTION_RENDER_SHARE of
 * them may be if 95% of the frames are to stay as fast as GTK alone. */
#define MOTION_RENDER_SHARE 25
#define MOTION_RENDER_INTERVAL (250 * G_TIME_SPAN_MILLISECOND)
#define MAX_MOTION_RENDER_INTERVAL (2 * G_TIME_SPAN_SECOND)
#define FRAME_TIME (17 * G_TIME_SPAN_MILLISECOND)
/* Sharp frames of a moving view cover this much more than the view on
 * each side (a fraction of its width and height), so that a pan or a zoom
 * out shows map at the edges, not the background, until the next one.
 * With GL only, see start_job(); otherwise the frames of a moving view
 * start every MOTION_RENDER_INTERVAL, without margin. */
#define MOTION_MARGIN 0.25

struct _MigmapMapView
{
  GtkWidget parent_instance;

  MigmapMapState  *state;
  MigmapViewport  *viewport;    /* the state's */
  char            *accessible_label;
  /* 1:50m for wide views, 1:10m once zoomed in; each caches its own projections. */
  MigmapRenderer  *renderers[2];
  gboolean         view_initialised;

  GdkTexture      *texture;
  gboolean         dirty;
  gint64           last_render_time;
  gboolean         map_drawn;     /* a snapshot has drawn a map texture */
  /* What the texture shows: the viewport it was rendered for, and the
   * generation of the view (bumped by every change) it was rendered at. */
  double           texture_x, texture_y, texture_resolution;
  MigmapProjection texture_projection;
  int              texture_width, texture_height;   /* device pixels */
  int              texture_scale;
  int              texture_view_width, texture_view_height;   /* the widget's size it was rendered at */
  gboolean         texture_has_margin;
  gint64           motion_interval;   /* between sharp frames while the view moves */
  guint            generation, texture_generation;
  MigmapRenderer  *workers[2];
  /* The worker's uploads when GTK draws with GL, see set_texture(). */
  MigmapTexturePool *pool;
  gboolean         pool_failed;
  gboolean         rendering;
  gint64           job_start_time, change_time;
  guint            render_timeout;

  double           drag_start_x, drag_start_y;   /* projected centre at drag start */
  gboolean         dragged;   /* the press moved past the drag threshold: no click */
  double           pointer_x, pointer_y;
  gboolean         has_pointer;
  double           zoom_gesture_scale;

  guint            kinetic_tick;
  double           kinetic_vx, kinetic_vy;
  gint64           kinetic_last_time;

  guint            animation_tick;
  gint64           animation_start;
  double           from_x, from_y, from_resolution;
  double           to_x, to_y, to_resolution;
};

G_DEFINE_FINAL_TYPE (MigmapMapView, migmap_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static guint pick_signal;

static void
invalidate (MigmapMapView *self)
{
  self->dirty = TRUE;
  self->generation++;
  self->change_time = g_get_monotonic_time ();
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static MigmapRenderer *
active_renderer (MigmapMapView *self)
{
  MigmapShapeSet *shapes;

  if (self->state == NULL)
    return NULL;
  shapes = migmap_map_state_shapes_for_view (self->state);
  if (self->renderers[1] && migmap_renderer_get_shapes (self->renderers[1]) == shapes)
    return self->renderers[1];
  return self->renderers[0];
}

static void
configure_renderers (MigmapMapView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->renderers); i++)
    if (self->renderers[i])
      {
        migmap_map_state_configure_renderer (self->state, self->renderers[i]);
        /* The screen always gets the fast interactive drawing; the state's
         * quality is for what is printed or exported from it. */
        migmap_renderer_set_quality (self->renderers[i], MIGMAP_RENDER_QUALITY_FAST);
      }
  invalidate (self);
}

/* One renderer per shape set, so each keeps its projected shapes cached. */
static void
rebuild_renderers (MigmapMapView *self)
{
  MigmapShapeSet *sets[2] = { NULL, NULL };

  if (self->state)
    {
      sets[0] = migmap_map_state_get_shapes (self->state);
      sets[1] = migmap_map_state_get_detailed_shapes (self->state);
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->renderers); i++)
    {
      if (sets[i] == NULL)
        g_clear_object (&self->renderers[i]);
      else if (self->renderers[i] == NULL)
        self->renderers[i] = migmap_renderer_new (sets[i]);
      else if (migmap_renderer_get_shapes (self->renderers[i]) != sets[i])
        migmap_renderer_set_shapes (self->renderers[i], sets[i]);
    }
  if (self->state)
    configure_renderers (self);
}

/* ---- animation and kinetic panning ---- */

static void
stop_motion (MigmapMapView *self)
{
  self->view_initialised = TRUE;
  if (self->kinetic_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->kinetic_tick);
  if (self->animation_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->animation_tick);
  self->kinetic_tick = self->animation_tick = 0;
}

static gboolean
animation_step (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  MigmapMapView *self = MIGMAP_MAP_VIEW (widget);
  double t = (gdk_frame_clock_get_frame_time (clock) - self->animation_start) / (double) ANIMATION_USEC;
  double ease;

  t = CLAMP (t, 0.0, 1.0);
  ease = 1.0 - pow (1.0 - t, 3.0);

  g_object_freeze_notify (G_OBJECT (self->viewport));
  migmap_viewport_set_center (self->viewport,
                              self->from_x + (self->to_x - self->from_x) * ease,
                              self->from_y + (self->to_y - self->from_y) * ease);
  /* Zoom evenly in scale, not in metres. */
  migmap_viewport_set_resolution (self->viewport,
                                  self->from_resolution * pow (self->to_resolution / self->from_resolution, ease));
  g_object_thaw_notify (G_OBJECT (self->viewport));

  if (t >= 1.0)
    {
      self->animation_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Moves to the view of @target, animated when the widget is on screen and
 * the user has not turned animations off. */
static void
go_to (MigmapMapView *self, MigmapViewport *target, gboolean animate)
{
  gboolean enable_animations = TRUE;

  stop_motion (self);
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enable_animations, NULL);
  migmap_viewport_get_center (target, &self->to_x, &self->to_y);
  self->to_resolution = migmap_viewport_get_resolution (target);

  if (!animate || !enable_animations || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      migmap_viewport_set_center (self->viewport, self->to_x, self->to_y);
      migmap_viewport_set_resolution (self->viewport, self->to_resolution);
      return;
    }
  migmap_viewport_get_center (self->viewport, &self->from_x, &self->from_y);
  self->from_resolution = migmap_viewport_get_resolution (self->viewport);
  self->animation_start = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->animation_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), animation_step, NULL, NULL);
}

static gboolean
kinetic_step (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  MigmapMapView *self = MIGMAP_MAP_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double dt = (now - self->kinetic_last_time) / (double) G_USEC_PER_SEC;
  double decay;

  self->kinetic_last_time = now;
  migmap_viewport_pan_by (self->viewport, self->kinetic_vx * dt, self->kinetic_vy * dt);
  decay = exp (-KINETIC_DECAY * dt);
  self->kinetic_vx *= decay;
  self->kinetic_vy *= decay;
  if (hypot (self->kinetic_vx, self->kinetic_vy) < KINETIC_MIN_SPEED)
    {
      self->kinetic_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
on_swipe (GtkGestureSwipe *gesture, double vx, double vy, MigmapMapView *self)
{
  gboolean enable_animations = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enable_animations, NULL);
  if (!enable_animations || hypot (vx, vy) < 4 * KINETIC_MIN_SPEED)
    return;
  stop_motion (self);
  self->kinetic_vx = vx;
  self->kinetic_vy = vy;
  self->kinetic_last_time = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->kinetic_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), kinetic_step, NULL, NULL);
}

/* ---- gestures ---- */

static void
on_drag_begin (GtkGestureDrag *gesture, double x, double y, MigmapMapView *self)
{
  if (self->viewport == NULL)
    return;
  stop_motion (self);
  self->dragged = FALSE;
  migmap_viewport_get_center (self->viewport, &self->drag_start_x, &self->drag_start_y);
}

static void
on_drag_update (GtkGestureDrag *gesture, double dx, double dy, MigmapMapView *self)
{
  double resolution;

  if (self->viewport == NULL)
    return;
  resolution = migmap_viewport_get_resolution (self->viewport);
  /* GtkGestureClick still reports the release of a press that moved: past
   * the threshold a drag drops the country it started on. */
  if (!self->dragged)
    {
      int threshold = 8;

      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold, NULL);
      self->dragged = hypot (dx, dy) > threshold;
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  migmap_viewport_set_center (self->viewport, self->drag_start_x - dx * resolution,
                              self->drag_start_y + dy * resolution);
}

static void
on_drag_end (GtkGestureDrag *gesture, double dx, double dy, MigmapMapView *self)
{
  if (self->viewport == NULL)
    return;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
on_motion (GtkEventControllerMotion *controller, double x, double y, MigmapMapView *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
}

static void
on_leave (GtkEventControllerMotion *controller, MigmapMapView *self)
{
  self->has_pointer = FALSE;
}


/* From the whole world across the map down to about 1:50,000 on a 96 dpi
 * screen (13 m a pixel): closer, the 1:10m shapes have nothing to show;
 * further out, the world is a speck. */
#define MIN_WINDOW_RESOLUTION (50000.0 * 0.0254 / 96.0)
#define EARTH_CIRCUMFERENCE 40075017.0

static double
clamp_zoom (MigmapViewport *viewport, double factor)
{
  double width, height, resolution = migmap_viewport_get_resolution (viewport), max_resolution;

  migmap_viewport_get_size (viewport, &width, &height);
  max_resolution = MAX (EARTH_CIRCUMFERENCE / MAX (width, 1.0), MIN_WINDOW_RESOLUTION);
  if (factor > 1.0 && resolution / factor < MIN_WINDOW_RESOLUTION)
    factor = MAX (resolution / MIN_WINDOW_RESOLUTION, 1.0);
  else if (factor < 1.0 && resolution / factor > max_resolution)
    factor = MIN (resolution / max_resolution, 1.0);
  return factor;
}

static gboolean
on_scroll (GtkEventControllerScroll *controller, double dx, double dy, MigmapMapView *self)
{
  double x = self->pointer_x, y = self->pointer_y, factor;

  if (self->viewport == NULL)
    return FALSE;
  if (!self->has_pointer)
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  stop_motion (self);
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    factor = pow (WHEEL_ZOOM_STEP, -dy);
  else
    factor = exp (-dy / 200.0);
  migmap_viewport_zoom_at (self->viewport, clamp_zoom (self->viewport, factor), x, y);
  return TRUE;
}

static void
on_zoom_begin (GtkGesture *gesture, GdkEventSequence *sequence, MigmapMapView *self)
{
  if (self->viewport == NULL)
    return;
  stop_motion (self);
  self->zoom_gesture_scale = 1.0;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture, double scale, MigmapMapView *self)
{
  double x, y;

  if (self->viewport == NULL || !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y) || scale <= 0.0)
    return;
  migmap_viewport_zoom_at (self->viewport, clamp_zoom (self->viewport, scale / self->zoom_gesture_scale), x, y);
  self->zoom_gesture_scale = scale;
}

/* A click tells the state what is now selected: a marker selects its place
 * (and the place's country), a country selects itself, the sea nothing. */
static void
activate_at (MigmapMapView *self, double x, double y)
{
  MigmapRenderer *renderer = active_renderer (self);
  MigmapCatalogue *catalogue;
  const MigmapFeature *feature;
  const char *marker;
  double lon, lat;

  if (renderer == NULL)
    return;
  /* An edit form picking a place's point takes the click instead. */
  if (migmap_viewport_screen_to_geo (self->viewport, x, y, &lon, &lat))
    {
      gboolean taken = FALSE;

      g_signal_emit (self, pick_signal, 0, lon, lat, &taken);
      if (taken)
        return;
    }
  catalogue = migmap_map_state_get_catalogue (self->state);
  marker = migmap_renderer_marker_at_screen (renderer, self->viewport, x, y);
  if (marker && catalogue)
    {
      MigmapPlace *place = migmap_catalogue_lookup_place (catalogue, marker);

      if (place && migmap_place_get_country (place))
        {
          migmap_map_state_select (self->state, migmap_place_get_country (place), NULL, place);
          return;
        }
    }
  feature = migmap_renderer_feature_at_screen (renderer, self->viewport, x, y, CLICK_TOLERANCE_PX);
  migmap_map_state_select (self->state, feature ? feature->code : NULL, NULL, NULL);
}

static void
on_click_released (GtkGestureClick *gesture, int n_press, double x, double y, MigmapMapView *self)
{
  if (self->viewport == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->dragged)
    return;
  if (n_press == 1)
    activate_at (self, x, y);
  else if (n_press == 2)
    {
      g_autoptr(MigmapViewport) target = migmap_viewport_copy (self->viewport);
      migmap_viewport_zoom_at (target, clamp_zoom (target, 2.0), x, y);
      go_to (self, target, TRUE);
    }
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  MigmapMapView *self = MIGMAP_MAP_VIEW (widget);
  MigmapRenderer *renderer = active_renderer (self);
  MigmapCatalogue *catalogue;
  const MigmapFeature *feature;
  g_autoptr(GPtrArray) projects = NULL;
  g_autofree char *text = NULL;

  if (keyboard || renderer == NULL)
    return FALSE;
  feature = migmap_renderer_feature_at_screen (renderer, self->viewport, x, y, CLICK_TOLERANCE_PX);
  catalogue = migmap_map_state_get_catalogue (self->state);
  if (feature == NULL || catalogue == NULL)
    return FALSE;
  projects = migmap_catalogue_projects_in_country (catalogue, feature->code,
                                                   migmap_map_state_get_date (self->state));
  text = g_strdup_printf (ngettext ("%s\n%u project", "%s\n%u projects", projects->len),
                          migmap_map_state_country_name (self->state, feature->code), projects->len);
  /* Every visible layer the country is in: with more than three on, the map
   * shows only how many, so the tooltip says which. */
  {
    GListModel *layers = migmap_map_state_get_layers (self->state);
    g_autoptr(GString) in = g_string_new (text);
    guint n = 0;

    for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
      {
        g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, i);

        if (migmap_map_layer_get_visible (layer) &&
            migmap_map_layer_get_kind (layer) == MIGMAP_MAP_LAYER_COUNTRIES &&
            migmap_map_layer_has_code (layer, feature->code))
          {
            g_string_append_printf (in, "\n• %s", migmap_map_layer_get_title (layer));
            n++;
          }
      }
    if (n > 1)
      {
        /* TRANSLATORS: tooltip line over the list of the visible layers a country is in */
        g_autofree char *heading = g_strdup_printf (ngettext ("In %u of the groups shown:", "In %u of the groups shown:", n), n);
        g_string_insert (in, strlen (text), "\n");
        g_string_insert (in, strlen (text) + 1, heading);
      }
    gtk_tooltip_set_text (tooltip, in->str);
  }
  return TRUE;
}

/* ---- keyboard ---- */

static gboolean
key_pan (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  MigmapMapView *self = MIGMAP_MAP_VIEW (widget);
  double width, height;
  int dx, dy;

  g_variant_get (args, "(ii)", &dx, &dy);
  migmap_viewport_get_size (self->viewport, &width, &height);
  migmap_map_view_pan (self, dx * width * KEY_PAN_FRACTION, dy * height * KEY_PAN_FRACTION);
  return TRUE;
}

static gboolean
key_zoom (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  migmap_map_view_zoom (MIGMAP_MAP_VIEW (widget), g_variant_get_double (args));
  return TRUE;
}

static gboolean
key_reset (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  migmap_map_view_reset_view (MIGMAP_MAP_VIEW (widget));
  return TRUE;
}

/* ---- public view changes ---- */

void
migmap_map_view_pan (MigmapMapView *self, double dx, double dy)
{
  g_autoptr(MigmapViewport) target = NULL;

  g_return_if_fail (MIGMAP_IS_MAP_VIEW (self));
  if (self->viewport == NULL)
    return;

  target = migmap_viewport_copy (self->viewport);
  migmap_viewport_pan_by (target, dx, dy);
  go_to (self, target, TRUE);
}

void
migmap_map_view_zoom (MigmapMapView *self, double factor)
{
  g_autoptr(MigmapViewport) target = NULL;
  double width, height;

  g_return_if_fail (MIGMAP_IS_MAP_VIEW (self));
  if (self->viewport == NULL)
    return;

  /* Zoom from where an animation is heading, so quick presses add up. */
  target = migmap_viewport_copy (self->viewport);
  if (self->animation_tick)
    {
      migmap_viewport_set_center (target, self->to_x, self->to_y);
      migmap_viewport_set_resolution (target, self->to_resolution);
    }
  migmap_viewport_get_size (target, &width, &height);
  migmap_viewport_zoom_at (target, clamp_zoom (target, factor), width / 2.0, height / 2.0);
  go_to (self, target, TRUE);
}

void
migmap_map_view_show_bounds (MigmapMapView *self, const MigmapGeoBounds *bounds, gboolean animate)
{
  g_autoptr(MigmapViewport) target = NULL;

  g_return_if_fail (MIGMAP_IS_MAP_VIEW (self));
  g_return_if_fail (bounds != NULL);
  if (self->viewport == NULL)
    return;

  target = migmap_viewport_copy (self->viewport);
  migmap_viewport_fit_bounds (target, bounds);
  self->view_initialised = TRUE;
  go_to (self, target, animate);
}

void
migmap_map_view_center_on (MigmapMapView *self, double lon, double lat, gboolean animate)
{
  g_autoptr(MigmapViewport) target = NULL;

  g_return_if_fail (MIGMAP_IS_MAP_VIEW (self));
  if (self->viewport == NULL)
    return;

  target = migmap_viewport_copy (self->viewport);
  if (!migmap_viewport_set_center_geo (target, lon, lat))
    return;
  go_to (self, target, animate);
}

/* The main land of every country of the visible layers (overseas
 * territories left aside), or the Mediterranean when no layer is on. */
static void
default_bounds (MigmapMapView *self, MigmapGeoBounds *bounds)
{
  GListModel *layers = migmap_map_state_get_layers (self->state);
  MigmapShapeSet *shapes = migmap_map_state_get_shapes (self->state);
  gboolean any = FALSE;

  migmap_view_preset_lookup ("mediterranean", bounds, NULL);
  for (guint i = 0; layers && shapes && i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, i);
      const char * const *codes;

      if (!migmap_map_layer_get_visible (layer) || migmap_map_layer_get_kind (layer) != MIGMAP_MAP_LAYER_COUNTRIES)
        continue;
      codes = migmap_map_layer_get_codes (layer);
      for (guint c = 0; codes && codes[c]; c++)
        {
          const MigmapFeature *feature = migmap_shape_set_lookup (shapes, codes[c]);

          if (feature == NULL)
            continue;
          if (!any)
            *bounds = feature->label_bounds;
          bounds->west = MIN (bounds->west, feature->label_bounds.west);
          bounds->south = MIN (bounds->south, feature->label_bounds.south);
          bounds->east = MAX (bounds->east, feature->label_bounds.east);
          bounds->north = MAX (bounds->north, feature->label_bounds.north);
          any = TRUE;
        }
    }
}

void
migmap_map_view_reset_view (MigmapMapView *self)
{
  MigmapGeoBounds bounds;

  g_return_if_fail (MIGMAP_IS_MAP_VIEW (self));
  if (self->viewport == NULL)
    return;

  default_bounds (self, &bounds);
  migmap_map_view_show_bounds (self, &bounds, TRUE);
}


/* ---- drawing ---- */

/* The worker's image as GTK's texture.  Handed the pixels, GTK's GL
 * renderer would upload them on the main thread inside the next frame
 * (llvmpipe: ~30 ms for 1920x1080, a skipped frame or two); the worker
 * uploads them itself when it can (@id), see migmap-texture-pool.c. */
static void
set_texture (MigmapMapView *self, MigmapTexturePool *pool, guint id, cairo_surface_t *surface,
             int view_width, int view_height, int scale, gboolean margin,
             MigmapViewport *viewport, guint generation)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  g_clear_object (&self->texture);
  if (id != 0)
    {
      self->texture = migmap_texture_pool_wrap (pool, id, width, height);
      cairo_surface_destroy (surface);
    }
  else
    {
      g_autoptr(GBytes) bytes = NULL;

      /* The texture takes the pixels without a copy and frees the surface. */
      bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                          (gsize) cairo_image_surface_get_stride (surface) * height,
                                          (GDestroyNotify) cairo_surface_destroy, surface);
      self->texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT,
                                              bytes, cairo_image_surface_get_stride (surface));
    }
  self->texture_width = width;
  self->texture_height = height;
  self->texture_scale = scale;
  self->texture_view_width = view_width;
  self->texture_view_height = view_height;
  self->texture_has_margin = margin;
  migmap_viewport_get_center (viewport, &self->texture_x, &self->texture_y);
  self->texture_resolution = migmap_viewport_get_resolution (viewport);
  self->texture_projection = migmap_viewport_get_projection (viewport);
  self->texture_generation = generation;
  /* A frame with margins may place labels otherwise than one of the view
   * alone: the settled view gets the latter, as it always had. */
  self->dirty = generation != self->generation || margin;
}

static cairo_surface_t *
render_surface (MigmapRenderer *renderer, MigmapViewport *viewport, int scale)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  migmap_viewport_get_size (viewport, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width * scale, (int) height * scale);

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  migmap_renderer_render (renderer, viewport, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* ---- the sharp frame, rendered in a thread ---- */

/* A side of a frame with margins, for a view @size long. */
static int
margin_size (int size)
{
  return size + 2 * (int) round (size * MOTION_MARGIN);
}

typedef struct {
  MigmapRenderer    *renderer;
  MigmapViewport    *viewport;   /* a copy: the view's own keeps moving; with the margins */
  MigmapTexturePool *pool;       /* NULL: GTK uploads the pixels */
  int                width, height, scale;   /* the widget's */
  gboolean           margin;
  guint              generation;
  gint64             elapsed;
  /* The result: the image, and its GL texture when @pool uploaded it. */
  cairo_surface_t   *surface;
  guint              texture_id;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  /* A frame dropped after its upload: the texture is free again. */
  if (job->texture_id != 0)
    migmap_texture_pool_recycle (job->pool, job->texture_id, cairo_image_surface_get_width (job->surface),
                                 cairo_image_surface_get_height (job->surface));
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_clear_object (&job->renderer);
  g_clear_object (&job->viewport);
  g_clear_object (&job->pool);
  g_free (job);
}

/* Render jobs still working in a thread, of every map view: a process
 * leaving under one (cairo, or the GL driver mid-upload, torn down by
 * exit()) can crash, see migmap_map_view_wait_for_renders(). */
static GMutex jobs_lock;
static GCond  jobs_done;
static guint  n_jobs;

static void
job_run (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  gint64 start = g_get_monotonic_time ();

  job->surface = render_surface (job->renderer, job->viewport, job->scale);
  job->elapsed = g_get_monotonic_time () - start;
  if (job->pool)
    {
      job->texture_id = migmap_texture_pool_upload (job->pool, job->surface);
      /* The view is at rest: the texture for the frames with margins of
       * the next motion, ahead of it. */
      if (!job->margin)
        migmap_texture_pool_reserve (job->pool, margin_size (job->width) * job->scale,
                                     margin_size (job->height) * job->scale);
    }
  g_mutex_lock (&jobs_lock);
  if (--n_jobs == 0)
    g_cond_broadcast (&jobs_done);
  g_mutex_unlock (&jobs_lock);
  g_task_return_boolean (task, TRUE);
}

/* Returns once no map view renders in a thread any more; for the end of
 * the process (the application's shutdown). */
void
migmap_map_view_wait_for_renders (void)
{
  g_mutex_lock (&jobs_lock);
  while (n_jobs > 0)
    g_cond_wait (&jobs_done, &jobs_lock);
  g_mutex_unlock (&jobs_lock);
}

static void
job_done (GObject *source, GAsyncResult *result, gpointer data)
{
  MigmapMapView *self = MIGMAP_MAP_VIEW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  gboolean done = g_task_propagate_boolean (G_TASK (result), NULL);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  self->rendering = FALSE;
  /* Dropped when the view went away or changed size or projection
   * meanwhile: the next snapshot starts the frame for those. */
  if (!done || self->viewport == NULL || self->renderers[0] == NULL ||
      job->generation < self->texture_generation || job->scale != scale ||
      job->width != gtk_widget_get_width (GTK_WIDGET (self)) ||
      job->height != gtk_widget_get_height (GTK_WIDGET (self)) ||
      migmap_viewport_get_projection (job->viewport) != migmap_viewport_get_projection (self->viewport))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  set_texture (self, job->pool, job->texture_id, g_steal_pointer (&job->surface), job->width, job->height,
               job->scale, job->margin, job->viewport, job->generation);
  job->texture_id = 0;
  self->last_render_time = job->elapsed;
  /* A heavy map (millions of vertices) renders less often while moving. */
  if (job->margin)
    self->motion_interval = CLAMP (MOTION_RENDER_SHARE * (g_get_monotonic_time () - self->job_start_time + FRAME_TIME),
                                   MOTION_RENDER_INTERVAL, MAX_MOTION_RENDER_INTERVAL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The worker's renderers follow the main ones; called only while no job
 * runs, so no thread is using them. */
static MigmapRenderer *
sync_worker (MigmapMapView *self)
{
  MigmapRenderer *active = active_renderer (self);
  MigmapRenderer *worker = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (self->renderers); i++)
    {
      MigmapShapeSet *shapes = self->renderers[i] ? migmap_renderer_get_shapes (self->renderers[i]) : NULL;

      if (shapes == NULL)
        g_clear_object (&self->workers[i]);
      else if (self->workers[i] == NULL)
        self->workers[i] = migmap_renderer_new (shapes);
      else if (migmap_renderer_get_shapes (self->workers[i]) != shapes)
        migmap_renderer_set_shapes (self->workers[i], shapes);
      if (self->workers[i])
        {
          migmap_map_state_configure_renderer (self->state, self->workers[i]);
          migmap_renderer_set_quality (self->workers[i], MIGMAP_RENDER_QUALITY_FAST);
        }
      if (self->renderers[i] == active)
        worker = self->workers[i];
    }
  return worker;
}

/* The pool when GTK draws this widget with GL, so the worker can upload
 * the texture; NULL otherwise (another renderer would download it again). */
static MigmapTexturePool *
texture_pool (MigmapMapView *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native ? gtk_native_get_renderer (native) : NULL;
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));

  if (renderer == NULL || !GSK_IS_GL_RENDERER (renderer))
    return NULL;
  if (self->pool && migmap_texture_pool_get_display (self->pool) != display)
    {
      g_clear_object (&self->pool);
      self->pool_failed = FALSE;
    }
  if (self->pool == NULL && !self->pool_failed)
    {
      g_autoptr(GError) error = NULL;

      self->pool = migmap_texture_pool_new (display, &error);
      if (self->pool == NULL)
        {
          g_debug ("Map textures uploaded by GTK: %s", error->message);
          self->pool_failed = TRUE;
        }
    }
  return self->pool;
}

static void
start_job (MigmapMapView *self, int width, int height, int scale, gboolean motion)
{
  MigmapTexturePool *pool;
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->rendering)
    return;
  job = g_new0 (Job, 1);
  job->renderer = g_object_ref (sync_worker (self));
  job->viewport = migmap_viewport_copy (self->viewport);
  job->width = width;
  job->height = height;
  job->scale = scale;
  job->generation = self->generation;
  pool = texture_pool (self);
  job->pool = pool ? g_object_ref (pool) : NULL;
  /* Margins (and so fewer frames while moving) only where GL draws the
   * texture: GTK's cairo renderer takes time in proportion to the whole
   * texture every frame, ~7 times longer with the margins under Xvfb. */
  job->margin = motion && pool != NULL;
  if (job->margin)
    migmap_viewport_set_size (job->viewport, margin_size (width), margin_size (height));
  task = g_task_new (self, NULL, job_done, NULL);
  g_task_set_task_data (task, job, job_free);
  self->rendering = TRUE;
  self->job_start_time = g_get_monotonic_time ();
  g_mutex_lock (&jobs_lock);
  n_jobs++;
  g_mutex_unlock (&jobs_lock);
  g_task_run_in_thread (task, job_run);
}

static gboolean
render_later (gpointer data)
{
  MigmapMapView *self = data;

  self->render_timeout = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* @urgent: nothing usable is on screen (first frame, new size or
 * projection), so no waiting.  Otherwise the sharp frame starts once the
 * view stopped for SETTLE_TIME, or MOTION_RENDER_INTERVAL after the last
 * one while it keeps moving; a first change after a rest starts it at once. */
static void
request_render (MigmapMapView *self, int width, int height, int scale, gboolean urgent)
{
  gint64 now, wait;

  if (self->rendering || self->render_timeout)
    return;
  now = g_get_monotonic_time ();
  wait = MIN (self->job_start_time + MAX (self->motion_interval, MOTION_RENDER_INTERVAL) - now,
              self->change_time + SETTLE_TIME - now);
  if (!urgent && wait > 0)
    {
      self->render_timeout = g_timeout_add ((guint) (wait / 1000) + 1, render_later, self);
      return;
    }
  start_job (self, width, height, scale, !urgent && now < self->change_time + SETTLE_TIME);
}

/* The texture where its view lies in the current one: moved and scaled
 * after a pan or zoom, at its own size after a resize. */
static void
draw_texture (MigmapMapView *self, GtkSnapshot *snapshot, int width, int height)
{
  double cx, cy, resolution = migmap_viewport_get_resolution (self->viewport);
  double k = self->texture_resolution / resolution;
  double texture_width = self->texture_width / (double) self->texture_scale;
  double texture_height = self->texture_height / (double) self->texture_scale;

  if (self->texture_generation == self->generation && !self->texture_has_margin)
    {
      gtk_snapshot_append_texture (snapshot, self->texture, &GRAPHENE_RECT_INIT (0, 0, width, height));
      return;
    }
  migmap_viewport_get_center (self->viewport, &cx, &cy);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT (width / 2.0 + (self->texture_x - cx) / resolution - k * texture_width / 2.0,
                                                    height / 2.0 - (self->texture_y - cy) / resolution - k * texture_height / 2.0,
                                                    k * texture_width, k * texture_height));
  gtk_snapshot_pop (snapshot);
}

static void
migmap_map_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  MigmapMapView *self = MIGMAP_MAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);

  if (self->renderers[0] == NULL || width < 1 || height < 1)
    return;
  if (self->texture == NULL ||
      self->texture_view_width != width || self->texture_view_height != height || self->texture_scale != scale ||
      self->texture_projection != migmap_viewport_get_projection (self->viewport))
    request_render (self, width, height, scale, TRUE);
  else if (self->dirty)
    request_render (self, width, height, scale, FALSE);

  /* Nothing of an old map fits a new projection: the background until the
   * sharp frame arrives. */
  if (self->texture && self->texture_projection == migmap_viewport_get_projection (self->viewport))
    {
      draw_texture (self, snapshot, width, height);
      self->map_drawn = TRUE;
    }

  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA focus = { 0.21, 0.52, 0.89, 0.8 };
      GskRoundedRect outline;
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colors[4] = { focus, focus, focus, focus };

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 0);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

static void
migmap_map_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  MigmapMapView *self = MIGMAP_MAP_VIEW (widget);

  if (self->viewport == NULL || width < 1 || height < 1)
    return;
  migmap_viewport_set_size (self->viewport, width, height);
  /* Panes settle over several allocations, and a window may be maximised:
   * keep fitting the visible partner states until the user or the saved
   * state chooses a view. */
  if (!self->view_initialised)
    {
      MigmapGeoBounds bounds;

      default_bounds (self, &bounds);
      migmap_viewport_fit_bounds (self->viewport, &bounds);
    }
  /* Laid out before it is shown (migmap-window.c): the first map renders
   * while GTK sets up the window. */
  if (!gtk_widget_get_mapped (widget) && self->texture == NULL && self->renderers[0] != NULL)
    request_render (self, width, height, gtk_widget_get_scale_factor (widget), TRUE);
}

/* ---- object ---- */

static void
migmap_map_view_dispose (GObject *object)
{
  MigmapMapView *self = MIGMAP_MAP_VIEW (object);

  stop_motion (self);
  g_clear_handle_id (&self->render_timeout, g_source_remove);
  migmap_map_view_set_state (self, NULL);
  g_clear_object (&self->texture);
  g_clear_object (&self->pool);

  G_OBJECT_CLASS (migmap_map_view_parent_class)->dispose (object);
}

static void
migmap_map_view_finalize (GObject *object)
{
  MigmapMapView *self = MIGMAP_MAP_VIEW (object);

  g_clear_object (&self->renderers[0]);
  g_clear_object (&self->renderers[1]);
  g_clear_object (&self->workers[0]);
  g_clear_object (&self->workers[1]);

  g_free (self->accessible_label);
  G_OBJECT_CLASS (migmap_map_view_parent_class)->finalize (object);
}

static void
migmap_map_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  MigmapMapView *self = MIGMAP_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_STATE: g_value_set_object (value, self->state); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_map_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  MigmapMapView *self = MIGMAP_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_STATE: migmap_map_view_set_state (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_map_view_class_init (MigmapMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  struct { guint key; int dx, dy; } pans[] = {
    { GDK_KEY_Left, 1, 0 }, { GDK_KEY_Right, -1, 0 }, { GDK_KEY_Up, 0, 1 }, { GDK_KEY_Down, 0, -1 },
    { GDK_KEY_KP_Left, 1, 0 }, { GDK_KEY_KP_Right, -1, 0 }, { GDK_KEY_KP_Up, 0, 1 }, { GDK_KEY_KP_Down, 0, -1 },
  };
  struct { guint key; double factor; } zooms[] = {
    { GDK_KEY_plus, ZOOM_STEP }, { GDK_KEY_equal, ZOOM_STEP }, { GDK_KEY_KP_Add, ZOOM_STEP },
    { GDK_KEY_minus, 1.0 / ZOOM_STEP }, { GDK_KEY_KP_Subtract, 1.0 / ZOOM_STEP },
  };

  object_class->dispose = migmap_map_view_dispose;
  object_class->finalize = migmap_map_view_finalize;
  object_class->get_property = migmap_map_view_get_property;
  object_class->set_property = migmap_map_view_set_property;
  widget_class->snapshot = migmap_map_view_snapshot;
  widget_class->size_allocate = migmap_map_view_size_allocate;
  widget_class->query_tooltip = on_query_tooltip;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, MIGMAP_TYPE_MAP_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A click at (lon, lat) before it selects anything; a handler that
   * returns TRUE takes it ("Pick on map" in a place's edit form). */
  pick_signal = g_signal_new ("pick", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                              g_signal_accumulator_true_handled, NULL, NULL,
                              G_TYPE_BOOLEAN, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  for (guint i = 0; i < G_N_ELEMENTS (pans); i++)
    gtk_widget_class_add_binding (widget_class, pans[i].key, 0, key_pan, "(ii)", pans[i].dx, pans[i].dy);
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    gtk_widget_class_add_binding (widget_class, zooms[i].key, 0, key_zoom, "d", zooms[i].factor);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_0, 0, key_reset, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_0, 0, key_reset, NULL);

  gtk_widget_class_set_css_name (widget_class, "mapview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
migmap_map_view_init (MigmapMapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag, *swipe, *zoom, *click;
  GtkEventController *scroll, *motion;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Drag to pan, scroll to zoom, click a country to see its projects"),
                                  -1);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  swipe = gtk_gesture_swipe_new ();
  g_signal_connect (swipe, "swipe", G_CALLBACK (on_swipe), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (swipe));
  gtk_gesture_group (swipe, drag);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, motion);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, scroll);
}

GtkWidget *
migmap_map_view_new (void)
{
  return g_object_new (MIGMAP_TYPE_MAP_VIEW, NULL);
}

MigmapViewport *
migmap_map_view_get_viewport (MigmapMapView *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_VIEW (self), NULL);
  return self->viewport;
}


static void
on_state_changed (MigmapMapView *self)
{
  configure_renderers (self);
}

static void
on_state_shapes (MigmapMapView *self)
{
  rebuild_renderers (self);
}

static void
on_show_bounds (MigmapMapView *self, double west, double south, double east, double north)
{
  MigmapGeoBounds bounds = { west, south, east, north };

  migmap_map_view_show_bounds (self, &bounds, TRUE);
}

static void
on_show_point (MigmapMapView *self, double lon, double lat)
{
  migmap_map_view_center_on (self, lon, lat, TRUE);
}

MigmapMapState *
migmap_map_view_get_state (MigmapMapView *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_VIEW (self), NULL);
  return self->state;
}

/* The view draws @state and reports clicks to it; NULL draws nothing. */
/* A screen reader hears what is selected on the map, not only "Map". */
static void
announce_selection (MigmapMapView *self)
{
  const char *code = migmap_map_state_get_selected_country (self->state);
  MigmapPlace *place = migmap_map_state_get_selected_place (self->state);
  const char *country = code ? migmap_map_state_country_name (self->state, code) : NULL;
  g_autofree char *label = NULL;

  if (place && country)
    /* TRANSLATORS: the map's accessible name: "Map: Tunis, Tunisia" */
    label = g_strdup_printf (_("Map: %s, %s"), migmap_place_get_name (place), country);
  else if (country)
    /* TRANSLATORS: the map's accessible name with a selected country */
    label = g_strdup_printf (_("Map: %s selected"), country);
  else
    label = g_strdup (_("Map"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_free (self->accessible_label);
  self->accessible_label = g_steal_pointer (&label);
}

const char *
migmap_map_view_get_accessible_label (MigmapMapView *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_VIEW (self), NULL);
  return self->accessible_label ? self->accessible_label : _("Map");
}

void
migmap_map_view_set_state (MigmapMapView *self, MigmapMapState *state)
{
  g_return_if_fail (MIGMAP_IS_MAP_VIEW (self));
  g_return_if_fail (state == NULL || MIGMAP_IS_MAP_STATE (state));

  if (self->state == state)
    return;
  if (self->state)
    {
      g_signal_handlers_disconnect_by_data (self->state, self);
      g_signal_handlers_disconnect_by_data (self->viewport, self);
    }
  {
    /* A new state is no choice of view by the user: the first launch still
     * fits the visible partner states. */
    gboolean initialised = self->view_initialised;

    stop_motion (self);
    self->view_initialised = initialised;
  }
  g_set_object (&self->state, state);
  self->viewport = state ? migmap_map_state_get_viewport (state) : NULL;
  if (state)
    {
      double width = gtk_widget_get_width (GTK_WIDGET (self));
      double height = gtk_widget_get_height (GTK_WIDGET (self));

      g_signal_connect_object (state, "changed", G_CALLBACK (on_state_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (state, "notify::shapes", G_CALLBACK (on_state_shapes), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (state, "show-bounds", G_CALLBACK (on_show_bounds), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (state, "show-point", G_CALLBACK (on_show_point), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (state, "notify::selected-country", G_CALLBACK (announce_selection), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (state, "notify::selected-place", G_CALLBACK (announce_selection), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->viewport, "notify", G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);
      if (width >= 1 && height >= 1)
        migmap_viewport_set_size (self->viewport, width, height);
    }
  rebuild_renderers (self);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* The window restored a saved view: do not replace it with the default. */
void
migmap_map_view_set_view_restored (MigmapMapView *self)
{
  g_return_if_fail (MIGMAP_IS_MAP_VIEW (self));
  self->view_initialised = TRUE;
}

gint64
migmap_map_view_get_last_render_time (MigmapMapView *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_VIEW (self), 0);
  return self->last_render_time;
}

/* TRUE once the widget has drawn a map, not only its background: what a
 * user waits for at start-up. */
gboolean
migmap_map_view_get_map_drawn (MigmapMapView *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_VIEW (self), FALSE);
  return self->map_drawn;
}
