/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-viewport.c: the one view model that the map widget, printing and the
 * headless renderer all drive
 *
 * The centre is kept in projected metres rather than degrees so that panning
 * is a plain translation and stays defined off the edge of the world.
 */
#include "config.h"

#include "migmap-viewport.h"

#include <math.h>

struct _MigmapViewport
{
  GObject parent_instance;

  MigmapProjection projection;
  double center_x, center_y;   /* projected metres */
  double resolution;           /* metres per logical pixel */
  double width, height;        /* logical pixels */
};

G_DEFINE_FINAL_TYPE (MigmapViewport, migmap_viewport, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECTION,
  PROP_CENTER_X,
  PROP_CENTER_Y,
  PROP_RESOLUTION,
  PROP_WIDTH,
  PROP_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* From one metre per pixel (a street) to the whole Earth on a few pixels. */
#define MIN_RESOLUTION 1.0
#define MAX_RESOLUTION 200000.0

static void
migmap_viewport_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  MigmapViewport *self = MIGMAP_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_PROJECTION: g_value_set_enum (value, self->projection); break;
    case PROP_CENTER_X: g_value_set_double (value, self->center_x); break;
    case PROP_CENTER_Y: g_value_set_double (value, self->center_y); break;
    case PROP_RESOLUTION: g_value_set_double (value, self->resolution); break;
    case PROP_WIDTH: g_value_set_double (value, self->width); break;
    case PROP_HEIGHT: g_value_set_double (value, self->height); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_viewport_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  MigmapViewport *self = MIGMAP_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_PROJECTION: migmap_viewport_set_projection (self, g_value_get_enum (value)); break;
    case PROP_CENTER_X: migmap_viewport_set_center (self, g_value_get_double (value), self->center_y); break;
    case PROP_CENTER_Y: migmap_viewport_set_center (self, self->center_x, g_value_get_double (value)); break;
    case PROP_RESOLUTION: migmap_viewport_set_resolution (self, g_value_get_double (value)); break;
    case PROP_WIDTH: migmap_viewport_set_size (self, g_value_get_double (value), self->height); break;
    case PROP_HEIGHT: migmap_viewport_set_size (self, self->width, g_value_get_double (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_viewport_class_init (MigmapViewportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = migmap_viewport_get_property;
  object_class->set_property = migmap_viewport_set_property;

  properties[PROP_PROJECTION] =
    g_param_spec_enum ("projection", NULL, NULL, MIGMAP_TYPE_PROJECTION, MIGMAP_PROJECTION_LAEA, flags);
  properties[PROP_CENTER_X] =
    g_param_spec_double ("center-x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
  properties[PROP_CENTER_Y] =
    g_param_spec_double ("center-y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
  properties[PROP_RESOLUTION] =
    g_param_spec_double ("resolution", NULL, NULL, MIN_RESOLUTION, MAX_RESOLUTION, 5000.0, flags);
  properties[PROP_WIDTH] =
    g_param_spec_double ("width", NULL, NULL, 1.0, 100000.0, 800.0, flags);
  properties[PROP_HEIGHT] =
    g_param_spec_double ("height", NULL, NULL, 1.0, 100000.0, 600.0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
migmap_viewport_init (MigmapViewport *self)
{
  self->projection = MIGMAP_PROJECTION_LAEA;
  self->resolution = 5000.0;
  self->width = 800.0;
  self->height = 600.0;
}

MigmapViewport *
migmap_viewport_new (void)
{
  return g_object_new (MIGMAP_TYPE_VIEWPORT, NULL);
}

MigmapViewport *
migmap_viewport_copy (MigmapViewport *self)
{
  MigmapViewport *copy;

  g_return_val_if_fail (MIGMAP_IS_VIEWPORT (self), NULL);

  copy = migmap_viewport_new ();
  copy->projection = self->projection;
  copy->center_x = self->center_x;
  copy->center_y = self->center_y;
  copy->resolution = self->resolution;
  copy->width = self->width;
  copy->height = self->height;
  return copy;
}

MigmapProjection
migmap_viewport_get_projection (MigmapViewport *self)
{
  g_return_val_if_fail (MIGMAP_IS_VIEWPORT (self), MIGMAP_PROJECTION_LAEA);
  return self->projection;
}

/* Keeps the geographic centre and the ground distance per pixel there. */
void
migmap_viewport_set_projection (MigmapViewport *self, MigmapProjection projection)
{
  double lon, lat, x, y;
  gboolean had_center;

  g_return_if_fail (MIGMAP_IS_VIEWPORT (self));

  if (projection == self->projection)
    return;

  had_center = migmap_viewport_get_center_geo (self, &lon, &lat);
  if (had_center)
    {
      double old_k = migmap_projection_scale_factor (self->projection, lon, lat);
      double new_k = migmap_projection_scale_factor (projection, lon, lat);
      self->resolution = CLAMP (self->resolution * new_k / old_k, MIN_RESOLUTION, MAX_RESOLUTION);
    }
  self->projection = projection;
  if (!had_center || !migmap_projection_forward (projection, lon, lat, &x, &y))
    x = y = 0.0;
  self->center_x = x;
  self->center_y = y;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTER_X]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTER_Y]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLUTION]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
migmap_viewport_get_size (MigmapViewport *self, double *width, double *height)
{
  g_return_if_fail (MIGMAP_IS_VIEWPORT (self));
  if (width)
    *width = self->width;
  if (height)
    *height = self->height;
}

void
migmap_viewport_set_size (MigmapViewport *self, double width, double height)
{
  g_return_if_fail (MIGMAP_IS_VIEWPORT (self));
  g_return_if_fail (width >= 1.0 && height >= 1.0);

  g_object_freeze_notify (G_OBJECT (self));
  if (width != self->width)
    {
      self->width = width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
    }
  if (height != self->height)
    {
      self->height = height;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEIGHT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

double
migmap_viewport_get_resolution (MigmapViewport *self)
{
  g_return_val_if_fail (MIGMAP_IS_VIEWPORT (self), 1.0);
  return self->resolution;
}

void
migmap_viewport_set_resolution (MigmapViewport *self, double metres_per_pixel)
{
  g_return_if_fail (MIGMAP_IS_VIEWPORT (self));
  g_return_if_fail (metres_per_pixel > 0.0);

  metres_per_pixel = CLAMP (metres_per_pixel, MIN_RESOLUTION, MAX_RESOLUTION);
  if (metres_per_pixel == self->resolution)
    return;
  self->resolution = metres_per_pixel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLUTION]);
}

void
migmap_viewport_get_center (MigmapViewport *self, double *x, double *y)
{
  g_return_if_fail (MIGMAP_IS_VIEWPORT (self));
  if (x)
    *x = self->center_x;
  if (y)
    *y = self->center_y;
}

void
migmap_viewport_set_center (MigmapViewport *self, double x, double y)
{
  g_return_if_fail (MIGMAP_IS_VIEWPORT (self));
  g_return_if_fail (isfinite (x) && isfinite (y));

  g_object_freeze_notify (G_OBJECT (self));
  if (x != self->center_x)
    {
      self->center_x = x;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTER_X]);
    }
  if (y != self->center_y)
    {
      self->center_y = y;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTER_Y]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
migmap_viewport_get_center_geo (MigmapViewport *self, double *lon, double *lat)
{
  g_return_val_if_fail (MIGMAP_IS_VIEWPORT (self), FALSE);
  return migmap_projection_inverse (self->projection, self->center_x, self->center_y, lon, lat);
}

gboolean
migmap_viewport_set_center_geo (MigmapViewport *self, double lon, double lat)
{
  double x, y;

  g_return_val_if_fail (MIGMAP_IS_VIEWPORT (self), FALSE);

  if (!migmap_projection_forward (self->projection, lon, lat, &x, &y))
    return FALSE;
  migmap_viewport_set_center (self, x, y);
  return TRUE;
}

/* Fits the projected outline of the box, sampled along its edges since
 * parallels and meridians curve under LAEA. */
void
migmap_viewport_fit_bounds (MigmapViewport *self, const MigmapGeoBounds *bounds)
{
  const int steps = 24;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  g_return_if_fail (MIGMAP_IS_VIEWPORT (self));
  g_return_if_fail (bounds != NULL);
  g_return_if_fail (bounds->east > bounds->west && bounds->north > bounds->south);

  for (int i = 0; i <= steps; i++)
    for (int j = 0; j <= steps; j++)
      {
        double lon, lat, x, y;

        if (i != 0 && i != steps && j != 0 && j != steps)
          continue;
        lon = bounds->west + (bounds->east - bounds->west) * i / steps;
        lat = bounds->south + (bounds->north - bounds->south) * j / steps;
        if (!migmap_projection_forward (self->projection, lon, lat, &x, &y))
          continue;
        x0 = MIN (x0, x);
        x1 = MAX (x1, x);
        y0 = MIN (y0, y);
        y1 = MAX (y1, y);
      }
  g_return_if_fail (x1 > x0 && y1 > y0);

  g_object_freeze_notify (G_OBJECT (self));
  migmap_viewport_set_center (self, (x0 + x1) / 2.0, (y0 + y1) / 2.0);
  migmap_viewport_set_resolution (self, MAX ((x1 - x0) / self->width, (y1 - y0) / self->height));
  g_object_thaw_notify (G_OBJECT (self));
}

void
migmap_viewport_pan_by (MigmapViewport *self, double dx, double dy)
{
  g_return_if_fail (MIGMAP_IS_VIEWPORT (self));
  migmap_viewport_set_center (self, self->center_x - dx * self->resolution,
                              self->center_y + dy * self->resolution);
}

/* Zooms so that the point under (screen_x, screen_y) stays put. */
void
migmap_viewport_zoom_at (MigmapViewport *self, double factor, double screen_x, double screen_y)
{
  double px, py, new_resolution;

  g_return_if_fail (MIGMAP_IS_VIEWPORT (self));
  g_return_if_fail (factor > 0.0);

  new_resolution = CLAMP (self->resolution / factor, MIN_RESOLUTION, MAX_RESOLUTION);
  px = self->center_x + (screen_x - self->width / 2.0) * self->resolution;
  py = self->center_y - (screen_y - self->height / 2.0) * self->resolution;

  g_object_freeze_notify (G_OBJECT (self));
  migmap_viewport_set_center (self,
                              px - (screen_x - self->width / 2.0) * new_resolution,
                              py + (screen_y - self->height / 2.0) * new_resolution);
  migmap_viewport_set_resolution (self, new_resolution);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
migmap_viewport_geo_to_screen (MigmapViewport *self, double lon, double lat,
                               double *screen_x, double *screen_y)
{
  double x, y;

  g_return_val_if_fail (MIGMAP_IS_VIEWPORT (self), FALSE);

  if (!migmap_projection_forward (self->projection, lon, lat, &x, &y))
    return FALSE;
  *screen_x = self->width / 2.0 + (x - self->center_x) / self->resolution;
  *screen_y = self->height / 2.0 - (y - self->center_y) / self->resolution;
  return TRUE;
}

gboolean
migmap_viewport_screen_to_geo (MigmapViewport *self, double screen_x, double screen_y,
                               double *lon, double *lat)
{
  g_return_val_if_fail (MIGMAP_IS_VIEWPORT (self), FALSE);

  return migmap_projection_inverse (self->projection,
                                    self->center_x + (screen_x - self->width / 2.0) * self->resolution,
                                    self->center_y - (screen_y - self->height / 2.0) * self->resolution,
                                    lon, lat);
}

double
migmap_viewport_get_degrees_per_pixel (MigmapViewport *self)
{
  g_return_val_if_fail (MIGMAP_IS_VIEWPORT (self), 1.0);
  return self->resolution / (MIGMAP_EARTH_RADIUS * G_PI / 180.0);
}

void
migmap_viewport_get_projected_bounds (MigmapViewport *self,
                                      double *x0, double *y0, double *x1, double *y1)
{
  g_return_if_fail (MIGMAP_IS_VIEWPORT (self));

  *x0 = self->center_x - self->width / 2.0 * self->resolution;
  *x1 = self->center_x + self->width / 2.0 * self->resolution;
  *y0 = self->center_y - self->height / 2.0 * self->resolution;
  *y1 = self->center_y + self->height / 2.0 * self->resolution;
}

typedef struct {
  const char *name;
  MigmapGeoBounds bounds;
  MigmapProjection projection;
} ViewPreset;

static const ViewPreset presets[] = {
  { "world",         { -180.0, -90.0, 180.0, 90.0 }, MIGMAP_PROJECTION_EQUIRECTANGULAR },
  { "mediterranean", {  -10.0,  29.0,  38.0, 47.0 }, MIGMAP_PROJECTION_LAEA },
  { "africa",        {  -19.0, -36.0,  53.0, 38.0 }, MIGMAP_PROJECTION_LAEA },
  { "middle-east",   {   25.0,  12.0,  63.0, 42.0 }, MIGMAP_PROJECTION_LAEA },
};

gboolean
migmap_view_preset_lookup (const char *name, MigmapGeoBounds *bounds, MigmapProjection *projection)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (presets[i].name, name))
      {
        if (bounds)
          *bounds = presets[i].bounds;
        if (projection)
          *projection = presets[i].projection;
        return TRUE;
      }
  return FALSE;
}

const char * const *
migmap_view_preset_names (void)
{
  static const char * const names[] = { "world", "mediterranean", "africa", "middle-east", NULL };
  return names;
}
