/* migmap-layer.c */
#include "migmap-layer.h"

struct _MigmapLayer
{
  GObject parent_instance;

  MigmapLayerKind kind;
  char           *id;
  char           *title;
  char           *section;
  GdkRGBA         color;
  GStrv           codes;
  GArray         *markers;   /* MigmapLayerMarker */
  gboolean        visible;
};

G_DEFINE_FINAL_TYPE (MigmapLayer, migmap_layer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_COLOR,
  PROP_N_MEMBERS,
  PROP_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
marker_clear (gpointer data)
{
  MigmapLayerMarker *marker = data;

  g_free (marker->id);
  g_free (marker->label);
}

static void
migmap_layer_finalize (GObject *object)
{
  MigmapLayer *self = MIGMAP_LAYER (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->section);
  g_strfreev (self->codes);
  g_array_unref (self->markers);

  G_OBJECT_CLASS (migmap_layer_parent_class)->finalize (object);
}

static void
migmap_layer_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  MigmapLayer *self = MIGMAP_LAYER (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_COLOR: g_value_set_boxed (value, &self->color); break;
    case PROP_N_MEMBERS: g_value_set_uint (value, migmap_layer_get_n_members (self)); break;
    case PROP_VISIBLE: g_value_set_boolean (value, self->visible); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_layer_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  MigmapLayer *self = MIGMAP_LAYER (object);

  switch (prop_id)
    {
    case PROP_VISIBLE: migmap_layer_set_visible (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_layer_class_init (MigmapLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = migmap_layer_finalize;
  object_class->get_property = migmap_layer_get_property;
  object_class->set_property = migmap_layer_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] = g_param_spec_boxed ("color", NULL, NULL, GDK_TYPE_RGBA, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MEMBERS] =
    g_param_spec_uint ("n-members", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE] =
    g_param_spec_boolean ("visible", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
migmap_layer_init (MigmapLayer *self)
{
  self->markers = g_array_new (FALSE, FALSE, sizeof (MigmapLayerMarker));
  g_array_set_clear_func (self->markers, marker_clear);
}

static MigmapLayer *
layer_new (MigmapLayerKind kind, const char *id, const char *title, const GdkRGBA *color)
{
  MigmapLayer *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (color != NULL, NULL);

  self = g_object_new (MIGMAP_TYPE_LAYER, NULL);
  self->kind = kind;
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->color = *color;
  return self;
}

MigmapLayer *
migmap_layer_new_countries (const char *id, const char *title, const GdkRGBA *color,
                            const char * const *codes)
{
  MigmapLayer *self = layer_new (MIGMAP_LAYER_COUNTRIES, id, title, color);

  if (self)
    self->codes = g_strdupv ((char **) codes);
  return self;
}

MigmapLayer *
migmap_layer_new_markers (const char *id, const char *title, const GdkRGBA *color)
{
  return layer_new (MIGMAP_LAYER_MARKERS, id, title, color);
}

void
migmap_layer_add_marker (MigmapLayer *self, const char *id, double lon, double lat, const char *label)
{
  MigmapLayerMarker marker;

  g_return_if_fail (MIGMAP_IS_LAYER (self));
  g_return_if_fail (self->kind == MIGMAP_LAYER_MARKERS);

  marker = (MigmapLayerMarker) { g_strdup (id), lon, lat, g_strdup (label) };
  g_array_append_val (self->markers, marker);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MEMBERS]);
}

MigmapLayerKind
migmap_layer_get_kind (MigmapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_LAYER (self), MIGMAP_LAYER_COUNTRIES);
  return self->kind;
}

const char *
migmap_layer_get_id (MigmapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_LAYER (self), NULL);
  return self->id;
}

const char *
migmap_layer_get_title (MigmapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_LAYER (self), NULL);
  return self->title;
}



/* Layers of one section share a heading in the layers panel. */
const char *
migmap_layer_get_section (MigmapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_LAYER (self), NULL);
  return self->section;
}

void
migmap_layer_set_section (MigmapLayer *self, const char *section)
{
  g_return_if_fail (MIGMAP_IS_LAYER (self));
  g_free (self->section);
  self->section = g_strdup (section);
}

const GdkRGBA *
migmap_layer_get_color (MigmapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_LAYER (self), NULL);
  return &self->color;
}

const char * const *
migmap_layer_get_codes (MigmapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_LAYER (self), NULL);
  return (const char * const *) self->codes;
}

gboolean
migmap_layer_has_code (MigmapLayer *self, const char *code)
{
  g_return_val_if_fail (MIGMAP_IS_LAYER (self), FALSE);
  return self->codes && code && g_strv_contains ((const char * const *) self->codes, code);
}

guint
migmap_layer_get_n_members (MigmapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_LAYER (self), 0);
  return self->kind == MIGMAP_LAYER_MARKERS ? self->markers->len
                                            : (self->codes ? g_strv_length (self->codes) : 0);
}

const MigmapLayerMarker *
migmap_layer_get_marker (MigmapLayer *self, guint index)
{
  g_return_val_if_fail (MIGMAP_IS_LAYER (self), NULL);
  g_return_val_if_fail (index < self->markers->len, NULL);
  return &g_array_index (self->markers, MigmapLayerMarker, index);
}

gboolean
migmap_layer_get_visible (MigmapLayer *self)
{
  g_return_val_if_fail (MIGMAP_IS_LAYER (self), FALSE);
  return self->visible;
}

void
migmap_layer_set_visible (MigmapLayer *self, gboolean visible)
{
  g_return_if_fail (MIGMAP_IS_LAYER (self));

  visible = !!visible;
  if (visible == self->visible)
    return;
  self->visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE]);
}
