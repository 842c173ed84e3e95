/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-map-layer.c
 *
 * GLib-only, so that the window's layer list, printing and migmap-render
 * share one object: the toggle a user flips is the layer the renderer draws.
 */
#include "config.h"

#include "migmap-map-layer.h"

struct _MigmapMapLayer
{
  GObject parent_instance;

  MigmapMapLayerKind kind;
  char              *id;
  char              *title;
  char              *section;
  MigmapColor        color;
  GStrv              codes;
  GStrv              shown;     /* at the map's date; NULL: all of codes */
  GArray            *markers;   /* MigmapMapMarker */
  gboolean           visible;
};

G_DEFINE_FINAL_TYPE (MigmapMapLayer, migmap_map_layer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_N_MEMBERS,
  PROP_N_SHOWN,
  PROP_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
marker_clear (gpointer data)
{
  MigmapMapMarker *marker = data;

  g_free (marker->id);
  g_free (marker->label);
  g_free (marker->name);
}

static void
migmap_map_layer_finalize (GObject *object)
{
  MigmapMapLayer *self = MIGMAP_MAP_LAYER (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->section);
  g_strfreev (self->codes);
  g_strfreev (self->shown);
  g_array_unref (self->markers);

  G_OBJECT_CLASS (migmap_map_layer_parent_class)->finalize (object);
}

static void
migmap_map_layer_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  MigmapMapLayer *self = MIGMAP_MAP_LAYER (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_N_MEMBERS: g_value_set_uint (value, migmap_map_layer_get_n_members (self)); break;
    case PROP_N_SHOWN: g_value_set_uint (value, migmap_map_layer_get_n_shown (self)); break;
    case PROP_VISIBLE: g_value_set_boolean (value, self->visible); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_map_layer_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  MigmapMapLayer *self = MIGMAP_MAP_LAYER (object);

  switch (prop_id)
    {
    case PROP_VISIBLE: migmap_map_layer_set_visible (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_map_layer_class_init (MigmapMapLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = migmap_map_layer_finalize;
  object_class->get_property = migmap_map_layer_get_property;
  object_class->set_property = migmap_map_layer_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MEMBERS] = g_param_spec_uint ("n-members", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Members drawn at the map's date: what the layers list counts. */
  properties[PROP_N_SHOWN] = g_param_spec_uint ("n-shown", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE] = g_param_spec_boolean ("visible", NULL, NULL, FALSE,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
migmap_map_layer_init (MigmapMapLayer *self)
{
  self->markers = g_array_new (FALSE, FALSE, sizeof (MigmapMapMarker));
  g_array_set_clear_func (self->markers, marker_clear);
}

static MigmapMapLayer *
layer_new (MigmapMapLayerKind kind, const char *id, const char *title, const char *section, const MigmapColor *color)
{
  MigmapMapLayer *self = g_object_new (MIGMAP_TYPE_MAP_LAYER, NULL);

  self->kind = kind;
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->section = g_strdup (section);
  self->color = *color;
  return self;
}

MigmapMapLayer *
migmap_map_layer_new_countries (const char *id, const char *title, const char *section,
                                const MigmapColor *color, const char * const *codes)
{
  MigmapMapLayer *self;

  g_return_val_if_fail (id != NULL && title != NULL && color != NULL, NULL);

  self = layer_new (MIGMAP_MAP_LAYER_COUNTRIES, id, title, section, color);
  self->codes = codes ? g_strdupv ((char **) codes) : g_new0 (char *, 1);
  return self;
}

MigmapMapLayer *
migmap_map_layer_new_markers (const char *id, const char *title, const char *section, const MigmapColor *color)
{
  g_return_val_if_fail (id != NULL && title != NULL && color != NULL, NULL);

  return layer_new (MIGMAP_MAP_LAYER_MARKERS, id, title, section, color);
}

void
migmap_map_layer_add_marker (MigmapMapLayer *self, const char *id, double lon, double lat, const char *label)
{
  MigmapMapMarker marker = { (char *) id, lon, lat, (char *) label, MIGMAP_MARKER_CITY, FALSE, (char *) label };

  migmap_map_layer_add_place (self, &marker);
}

/* Copies @place. */
void
migmap_map_layer_add_place (MigmapMapLayer *self, const MigmapMapMarker *place)
{
  MigmapMapMarker marker;

  g_return_if_fail (MIGMAP_IS_MAP_LAYER (self));
  g_return_if_fail (self->kind == MIGMAP_MAP_LAYER_MARKERS);
  g_return_if_fail (place != NULL);

  marker = *place;
  marker.id = g_strdup (place->id);
  marker.label = g_strdup (place->label);
  marker.name = g_strdup (place->name ? place->name : place->label);
  g_array_append_val (self->markers, marker);
}

/* Shares nothing with @self: a printout's layers must not follow later
 * toggles in the window. */
MigmapMapLayer *
migmap_map_layer_copy (MigmapMapLayer *self)
{
  MigmapMapLayer *copy;

  g_return_val_if_fail (MIGMAP_IS_MAP_LAYER (self), NULL);

  copy = layer_new (self->kind, self->id, self->title, self->section, &self->color);
  copy->codes = g_strdupv (self->codes);
  copy->shown = g_strdupv (self->shown);
  for (guint i = 0; i < self->markers->len; i++)
    {
      const MigmapMapMarker *m = &g_array_index (self->markers, MigmapMapMarker, i);
      migmap_map_layer_add_place (copy, m);
    }
  copy->visible = self->visible;
  return copy;
}

MigmapMapLayerKind
migmap_map_layer_get_kind (MigmapMapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_LAYER (self), MIGMAP_MAP_LAYER_COUNTRIES);
  return self->kind;
}

const char *
migmap_map_layer_get_id (MigmapMapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_LAYER (self), NULL);
  return self->id;
}

const char *
migmap_map_layer_get_title (MigmapMapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_LAYER (self), NULL);
  return self->title;
}

const char *
migmap_map_layer_get_section (MigmapMapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_LAYER (self), NULL);
  return self->section;
}

const MigmapColor *
migmap_map_layer_get_color (MigmapMapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_LAYER (self), NULL);
  return &self->color;
}

const char * const *
migmap_map_layer_get_codes (MigmapMapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_LAYER (self), NULL);
  return (const char * const *) self->codes;
}

gboolean
migmap_map_layer_has_code (MigmapMapLayer *self, const char *code)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_LAYER (self), FALSE);
  return code && self->codes && g_strv_contains ((const char * const *) self->codes, code);
}

guint
migmap_map_layer_get_n_members (MigmapMapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_LAYER (self), 0);
  return self->kind == MIGMAP_MAP_LAYER_MARKERS ? self->markers->len : g_strv_length (self->codes);
}

/* The countries drawn at the map's date; all codes when no date filters
 * the layer. */
const char * const *
migmap_map_layer_get_shown_codes (MigmapMapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_LAYER (self), NULL);
  return (const char * const *) (self->shown ? self->shown : self->codes);
}

guint
migmap_map_layer_get_n_shown (MigmapMapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_LAYER (self), 0);
  if (self->kind == MIGMAP_MAP_LAYER_MARKERS || self->shown == NULL)
    return migmap_map_layer_get_n_members (self);
  return g_strv_length (self->shown);
}

/* @codes NULL: every member is shown (no date, or a layer without dates). */
void
migmap_map_layer_set_shown_codes (MigmapMapLayer *self, const char * const *codes)
{
  guint before;

  g_return_if_fail (MIGMAP_IS_MAP_LAYER (self));
  g_return_if_fail (self->kind == MIGMAP_MAP_LAYER_COUNTRIES);

  before = migmap_map_layer_get_n_shown (self);
  g_strfreev (self->shown);
  self->shown = codes ? g_strdupv ((char **) codes) : NULL;
  if (before != migmap_map_layer_get_n_shown (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
}

const MigmapMapMarker *
migmap_map_layer_get_marker (MigmapMapLayer *self, guint index)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_LAYER (self), NULL);
  g_return_val_if_fail (index < self->markers->len, NULL);
  return &g_array_index (self->markers, MigmapMapMarker, index);
}

gboolean
migmap_map_layer_get_visible (MigmapMapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_LAYER (self), FALSE);
  return self->visible;
}

void
migmap_map_layer_set_visible (MigmapMapLayer *self, gboolean visible)
{
  g_return_if_fail (MIGMAP_IS_MAP_LAYER (self));

  visible = !!visible;
  if (self->visible == visible)
    return;
  self->visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE]);
}
