/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-map-state.c
 *
 * Widgets, printing and the command-line tools never configure a renderer
 * themselves: they change the state, and the state configures renderers.
 * That is what keeps the window, its printouts and migmap-render drawing
 * the same map.
 */
#include "config.h"

#include "migmap-map-state.h"

#include "migmap-style.h"

/* A country fills this much of the map when brought into view. */
#define COUNTRY_MARGIN_DEG 1.5
/* Below this many degrees per pixel the 1:50m coastline shows its corners:
 * the 1:10m shapes take over, on screen and on paper alike. */
#define DETAILED_BELOW_DEG_PER_PX 0.01

struct _MigmapMapState
{
  GObject parent_instance;

  MigmapCatalogue    *catalogue;
  MigmapCountryCodes *codes;
  MigmapViewport     *viewport;
  MigmapShapeSet     *shapes;
  MigmapShapeSet     *detailed_shapes;
  GListStore         *layers;           /* MigmapMapLayer */
  MigmapDate          date;             /* year 0: all dates */
  char               *selected_country;
  MigmapProject      *selected_project;
  MigmapPlace        *selected_place;
  GObject            *selected_entity;  /* a page of its own: organisation, dialogue, ... */
  GStrv               emphasis;
  gboolean            show_labels;
  MigmapRenderQuality quality;
};

G_DEFINE_FINAL_TYPE (MigmapMapState, migmap_map_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SHAPES,
  PROP_DATE,
  PROP_SELECTED_COUNTRY,
  PROP_SELECTED_PROJECT,
  PROP_SELECTED_PLACE,
  PROP_SELECTED_ENTITY,
  PROP_SHOW_LABELS,
  PROP_QUALITY,
  N_PROPS
};

enum {
  CHANGED,
  SHOW_BOUNDS,
  SHOW_POINT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Anything a renderer draws differently: the map view redraws on it. */
static void
emit_changed (MigmapMapState *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_layer_visible (MigmapMapState *self)
{
  emit_changed (self);
}

/* A countries layer that is a catalogue group shows the members the group
 * had at the state's date (the catalogue's rule: the group's validity and
 * each member's own period).  Other layers (--highlight) have no dates. */
static void
update_layer_at_date (MigmapMapState *self, MigmapMapLayer *layer)
{
  MigmapGroup *group;
  g_auto(GStrv) members = NULL;

  if (migmap_map_layer_get_kind (layer) != MIGMAP_MAP_LAYER_COUNTRIES)
    return;
  group = self->catalogue ? migmap_catalogue_lookup_group (self->catalogue, migmap_map_layer_get_id (layer)) : NULL;
  if (group == NULL || !migmap_date_is_set (&self->date))
    {
      migmap_map_layer_set_shown_codes (layer, NULL);
      return;
    }
  members = migmap_group_dup_countries_at (group, &self->date);
  migmap_map_layer_set_shown_codes (layer, (const char * const *) members);
}

static void
on_layers_changed (MigmapMapState *self, guint position, guint removed, guint added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);
      g_signal_connect_object (layer, "notify::visible", G_CALLBACK (on_layer_visible), self, G_CONNECT_SWAPPED);
      update_layer_at_date (self, layer);
    }
  if (removed || added)
    emit_changed (self);
}

static void
migmap_map_state_dispose (GObject *object)
{
  MigmapMapState *self = MIGMAP_MAP_STATE (object);

  g_clear_object (&self->layers);
  g_clear_object (&self->viewport);
  g_clear_object (&self->shapes);
  g_clear_object (&self->detailed_shapes);
  g_clear_object (&self->selected_project);
  g_clear_object (&self->selected_place);
  g_clear_object (&self->selected_entity);
  g_clear_object (&self->codes);
  g_clear_object (&self->catalogue);

  G_OBJECT_CLASS (migmap_map_state_parent_class)->dispose (object);
}

static void
migmap_map_state_finalize (GObject *object)
{
  MigmapMapState *self = MIGMAP_MAP_STATE (object);

  g_free (self->selected_country);
  g_strfreev (self->emphasis);

  G_OBJECT_CLASS (migmap_map_state_parent_class)->finalize (object);
}

static void
migmap_map_state_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  MigmapMapState *self = MIGMAP_MAP_STATE (object);

  switch (prop_id)
    {
    case PROP_SHAPES: g_value_set_object (value, self->shapes); break;
    case PROP_DATE: g_value_set_boxed (value, migmap_map_state_get_date (self)); break;
    case PROP_SELECTED_COUNTRY: g_value_set_string (value, self->selected_country); break;
    case PROP_SELECTED_PROJECT: g_value_set_object (value, self->selected_project); break;
    case PROP_SELECTED_PLACE: g_value_set_object (value, self->selected_place); break;
    case PROP_SELECTED_ENTITY: g_value_set_object (value, self->selected_entity); break;
    case PROP_SHOW_LABELS: g_value_set_boolean (value, self->show_labels); break;
    case PROP_QUALITY: g_value_set_int (value, self->quality); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_map_state_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  MigmapMapState *self = MIGMAP_MAP_STATE (object);

  switch (prop_id)
    {
    case PROP_DATE: migmap_map_state_set_date (self, g_value_get_boxed (value)); break;
    case PROP_SELECTED_COUNTRY: migmap_map_state_set_selected_country (self, g_value_get_string (value)); break;
    case PROP_SELECTED_PROJECT: migmap_map_state_set_selected_project (self, g_value_get_object (value)); break;
    case PROP_SELECTED_PLACE: migmap_map_state_set_selected_place (self, g_value_get_object (value)); break;
    case PROP_SELECTED_ENTITY: migmap_map_state_set_selected_entity (self, g_value_get_object (value)); break;
    case PROP_SHOW_LABELS: migmap_map_state_set_show_labels (self, g_value_get_boolean (value)); break;
    case PROP_QUALITY: migmap_map_state_set_quality (self, g_value_get_int (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_map_state_class_init (MigmapMapStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = migmap_map_state_dispose;
  object_class->finalize = migmap_map_state_finalize;
  object_class->get_property = migmap_map_state_get_property;
  object_class->set_property = migmap_map_state_set_property;

  properties[PROP_SHAPES] =
    g_param_spec_object ("shapes", NULL, NULL, MIGMAP_TYPE_SHAPE_SET,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, MIGMAP_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_COUNTRY] =
    g_param_spec_string ("selected-country", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_PROJECT] =
    g_param_spec_object ("selected-project", NULL, NULL, MIGMAP_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_PLACE] =
    g_param_spec_object ("selected-place", NULL, NULL, MIGMAP_TYPE_PLACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ENTITY] =
    g_param_spec_object ("selected-entity", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_LABELS] =
    g_param_spec_boolean ("show-labels", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUALITY] =
    g_param_spec_int ("quality", NULL, NULL, MIGMAP_RENDER_QUALITY_BEST, MIGMAP_RENDER_QUALITY_FAST,
                      MIGMAP_RENDER_QUALITY_BEST,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* What a renderer draws changed (not the viewport: it notifies itself). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* west, south, east, north in degrees */
  signals[SHOW_BOUNDS] = g_signal_new ("show-bounds", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 4,
                                       G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  /* longitude, latitude */
  signals[SHOW_POINT] = g_signal_new ("show-point", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                      NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
}

static void
migmap_map_state_init (MigmapMapState *self)
{
  self->viewport = migmap_viewport_new ();
  self->layers = g_list_store_new (MIGMAP_TYPE_MAP_LAYER);
  self->show_labels = TRUE;
  self->quality = MIGMAP_RENDER_QUALITY_BEST;
  g_signal_connect_object (self->layers, "items-changed", G_CALLBACK (on_layers_changed), self, G_CONNECT_SWAPPED);
}

/* @catalogue may be NULL for a plain map of countries (migmap-render
 * without layers): then there are no catalogue layers. */
MigmapMapState *
migmap_map_state_new (MigmapCatalogue *catalogue, MigmapShapeSet *shapes, MigmapShapeSet *detailed_shapes)
{
  MigmapMapState *self;

  g_return_val_if_fail (catalogue == NULL || MIGMAP_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (shapes), NULL);
  g_return_val_if_fail (detailed_shapes == NULL || MIGMAP_IS_SHAPE_SET (detailed_shapes), NULL);

  self = g_object_new (MIGMAP_TYPE_MAP_STATE, NULL);
  self->shapes = g_object_ref (shapes);
  self->detailed_shapes = detailed_shapes ? g_object_ref (detailed_shapes) : NULL;
  if (catalogue)
    {
      g_autoptr(GListModel) layers = migmap_style_build_layers (catalogue);

      self->catalogue = g_object_ref (catalogue);
      self->codes = g_object_ref (migmap_catalogue_get_country_codes (catalogue));
      for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
        {
          g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, i);
          g_list_store_append (self->layers, layer);
        }
    }
  else
    /* Without iso-codes the shapefile's own names label the map. */
    self->codes = migmap_country_codes_new_default (NULL);
  return self;
}

/* A snapshot of the state: later changes to either do not reach the other.
 * Shapes and the catalogue are shared; they do not change. */
MigmapMapState *
migmap_map_state_copy (MigmapMapState *self)
{
  MigmapMapState *copy;

  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);

  copy = g_object_new (MIGMAP_TYPE_MAP_STATE, NULL);
  copy->catalogue = self->catalogue ? g_object_ref (self->catalogue) : NULL;
  copy->codes = self->codes ? g_object_ref (self->codes) : NULL;
  g_object_unref (copy->viewport);
  copy->viewport = migmap_viewport_copy (self->viewport);
  copy->shapes = g_object_ref (self->shapes);
  copy->detailed_shapes = self->detailed_shapes ? g_object_ref (self->detailed_shapes) : NULL;
  copy->date = self->date;   /* before the layers, which are filtered by it */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->layers)); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);
      g_autoptr(MigmapMapLayer) layer_copy = migmap_map_layer_copy (layer);
      g_list_store_append (copy->layers, layer_copy);
    }
  copy->selected_country = g_strdup (self->selected_country);
  copy->selected_project = self->selected_project ? g_object_ref (self->selected_project) : NULL;
  copy->selected_place = self->selected_place ? g_object_ref (self->selected_place) : NULL;
  copy->emphasis = g_strdupv (self->emphasis);
  copy->show_labels = self->show_labels;
  copy->quality = self->quality;
  return copy;
}

MigmapCatalogue *
migmap_map_state_get_catalogue (MigmapMapState *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);
  return self->catalogue;
}

MigmapViewport *
migmap_map_state_get_viewport (MigmapMapState *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);
  return self->viewport;
}

/* Takes @viewport's settings; the state keeps its own viewport object, so
 * whoever watches it keeps watching. */
void
migmap_map_state_set_viewport (MigmapMapState *self, MigmapViewport *viewport)
{
  double width, height, x, y;

  g_return_if_fail (MIGMAP_IS_MAP_STATE (self));
  g_return_if_fail (MIGMAP_IS_VIEWPORT (viewport));

  g_object_freeze_notify (G_OBJECT (self->viewport));
  migmap_viewport_get_size (viewport, &width, &height);
  migmap_viewport_get_center (viewport, &x, &y);
  migmap_viewport_set_projection (self->viewport, migmap_viewport_get_projection (viewport));
  migmap_viewport_set_size (self->viewport, width, height);
  migmap_viewport_set_resolution (self->viewport, migmap_viewport_get_resolution (viewport));
  migmap_viewport_set_center (self->viewport, x, y);
  g_object_thaw_notify (G_OBJECT (self->viewport));
}

/* The same ground in @factor times the units: the window's CSS pixels
 * become a snapshot's points with 72 / 96. */
void
migmap_map_state_scale_viewport (MigmapMapState *self, double factor)
{
  double width, height;

  g_return_if_fail (MIGMAP_IS_MAP_STATE (self));
  g_return_if_fail (factor > 0);

  g_object_freeze_notify (G_OBJECT (self->viewport));
  migmap_viewport_get_size (self->viewport, &width, &height);
  migmap_viewport_set_size (self->viewport, width * factor, height * factor);
  migmap_viewport_set_resolution (self->viewport, migmap_viewport_get_resolution (self->viewport) / factor);
  g_object_thaw_notify (G_OBJECT (self->viewport));
}

/* ---- shapes ---- */

MigmapShapeSet *
migmap_map_state_get_shapes (MigmapMapState *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);
  return self->shapes;
}

MigmapShapeSet *
migmap_map_state_get_detailed_shapes (MigmapMapState *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);
  return self->detailed_shapes;
}

/* @detailed_shapes may be NULL: @shapes then serve every scale. */
void
migmap_map_state_set_shapes (MigmapMapState *self, MigmapShapeSet *shapes, MigmapShapeSet *detailed_shapes)
{
  g_return_if_fail (MIGMAP_IS_MAP_STATE (self));
  g_return_if_fail (MIGMAP_IS_SHAPE_SET (shapes));
  g_return_if_fail (detailed_shapes == NULL || MIGMAP_IS_SHAPE_SET (detailed_shapes));

  g_set_object (&self->shapes, shapes);
  g_set_object (&self->detailed_shapes, detailed_shapes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHAPES]);
  emit_changed (self);
}

/* The one rule for every output: 1:10m shapes below a scale.  A viewport's
 * unit is a CSS pixel on screen and a point on paper; the two are close
 * enough for a coastline's corners. */
gboolean
migmap_map_state_wants_detailed_shapes (double degrees_per_pixel)
{
  return degrees_per_pixel < DETAILED_BELOW_DEG_PER_PX;
}

MigmapShapeSet *
migmap_map_state_shapes_for_scale (MigmapMapState *self, double degrees_per_pixel)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);

  if (self->detailed_shapes && migmap_map_state_wants_detailed_shapes (degrees_per_pixel))
    return self->detailed_shapes;
  return self->shapes;
}

MigmapShapeSet *
migmap_map_state_shapes_for_view (MigmapMapState *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);
  return migmap_map_state_shapes_for_scale (self, migmap_viewport_get_degrees_per_pixel (self->viewport));
}

/* In the interface language where iso-codes knows the country, else as the
 * shapefile names it. */
const char *
migmap_map_state_country_name (MigmapMapState *self, const char *code)
{
  const char *name;
  const MigmapFeature *feature;

  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  name = self->codes ? migmap_country_codes_get_translated_name (self->codes, code) : NULL;
  if (name)
    return name;
  feature = migmap_shape_set_lookup (self->shapes, code);
  return feature ? feature->name : code;
}

/* ---- layers ---- */

GListModel *
migmap_map_state_get_layers (MigmapMapState *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);
  return G_LIST_MODEL (self->layers);
}

MigmapMapLayer *
migmap_map_state_lookup_layer (MigmapMapState *self, const char *id)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->layers)); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);
      if (g_str_equal (migmap_map_layer_get_id (layer), id))
        return layer;   /* the store keeps its reference */
    }
  return NULL;
}

/* E.g. migmap-render's --highlight colours, drawn after the catalogue's. */
void
migmap_map_state_add_layer (MigmapMapState *self, MigmapMapLayer *layer)
{
  g_return_if_fail (MIGMAP_IS_MAP_STATE (self));
  g_return_if_fail (MIGMAP_IS_MAP_LAYER (layer));

  g_list_store_append (self->layers, layer);
}

GStrv
migmap_map_state_dup_visible_layers (MigmapMapState *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->layers)); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);
      if (migmap_map_layer_get_visible (layer))
        g_strv_builder_add (builder, migmap_map_layer_get_id (layer));
    }
  return g_strv_builder_end (builder);
}

/* Exactly the layers in @ids are shown. */
void
migmap_map_state_set_visible_layers (MigmapMapState *self, const char * const *ids)
{
  g_return_if_fail (MIGMAP_IS_MAP_STATE (self));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->layers)); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);
      migmap_map_layer_set_visible (layer, ids && g_strv_contains (ids, migmap_map_layer_get_id (layer)));
    }
}

/* ---- date ---- */

/* NULL: the map shows all dates at once. */
const MigmapDate *
migmap_map_state_get_date (MigmapMapState *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);
  return migmap_date_is_set (&self->date) ? &self->date : NULL;
}

void
migmap_map_state_set_date (MigmapMapState *self, const MigmapDate *date)
{
  MigmapDate unset = MIGMAP_DATE_INIT;

  g_return_if_fail (MIGMAP_IS_MAP_STATE (self));

  if (date == NULL || !migmap_date_is_set (date))
    date = &unset;
  if (migmap_date_equal (&self->date, date))
    return;
  self->date = *date;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->layers)); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);
      update_layer_at_date (self, layer);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  emit_changed (self);
}

/* ---- selection ---- */

const char *
migmap_map_state_get_selected_country (MigmapMapState *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);
  return self->selected_country;
}

/* Leaves the open project and place as they are: a project's countries can
 * be visited one by one. */
void
migmap_map_state_set_selected_country (MigmapMapState *self, const char *code)
{
  g_return_if_fail (MIGMAP_IS_MAP_STATE (self));

  if (g_strcmp0 (code, self->selected_country) == 0)
    return;
  g_free (self->selected_country);
  self->selected_country = g_strdup (code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_COUNTRY]);
  emit_changed (self);
}

MigmapProject *
migmap_map_state_get_selected_project (MigmapMapState *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);
  return self->selected_project;
}

/* The open project's countries are emphasised on the map. */
void
migmap_map_state_set_selected_project (MigmapMapState *self, MigmapProject *project)
{
  g_return_if_fail (MIGMAP_IS_MAP_STATE (self));
  g_return_if_fail (project == NULL || MIGMAP_IS_PROJECT (project));

  if (!g_set_object (&self->selected_project, project))
    return;
  g_strfreev (self->emphasis);
  self->emphasis = project ? g_strdupv ((char **) migmap_project_get_countries (project)) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PROJECT]);
  emit_changed (self);
}

MigmapPlace *
migmap_map_state_get_selected_place (MigmapMapState *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);
  return self->selected_place;
}

void
migmap_map_state_set_selected_place (MigmapMapState *self, MigmapPlace *place)
{
  g_return_if_fail (MIGMAP_IS_MAP_STATE (self));
  g_return_if_fail (place == NULL || MIGMAP_IS_PLACE (place));

  if (!g_set_object (&self->selected_place, place))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PLACE]);
}

GObject *
migmap_map_state_get_selected_entity (MigmapMapState *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);
  return self->selected_entity;
}

/* An organisation, dialogue, group, event, document, theme or place whose
 * page is open; NULL when a country's or a project's is. */
void
migmap_map_state_set_selected_entity (MigmapMapState *self, GObject *entity)
{
  g_return_if_fail (MIGMAP_IS_MAP_STATE (self));
  g_return_if_fail (entity == NULL || MIGMAP_IS_ORGANISATION (entity) || MIGMAP_IS_DIALOGUE (entity) ||
                    MIGMAP_IS_GROUP (entity) || MIGMAP_IS_EVENT (entity) || MIGMAP_IS_DOCUMENT (entity) ||
                    MIGMAP_IS_THEME (entity) || MIGMAP_IS_PLACE (entity));

  if (!g_set_object (&self->selected_entity, entity))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);
}

void
migmap_map_state_select (MigmapMapState *self, const char *country, MigmapProject *project, MigmapPlace *place)
{
  g_return_if_fail (MIGMAP_IS_MAP_STATE (self));

  g_object_freeze_notify (G_OBJECT (self));
  migmap_map_state_set_selected_entity (self, NULL);
  migmap_map_state_set_selected_place (self, place);
  migmap_map_state_set_selected_project (self, project);
  migmap_map_state_set_selected_country (self, country);
  g_object_thaw_notify (G_OBJECT (self));
}

void
migmap_map_state_show_country (MigmapMapState *self, const char *code)
{
  const MigmapFeature *feature;
  MigmapGeoBounds b;

  g_return_if_fail (MIGMAP_IS_MAP_STATE (self));
  g_return_if_fail (code != NULL);

  feature = migmap_shape_set_lookup (self->shapes, code);
  if (feature == NULL)
    return;
  /* The main polygon: France's bounds would otherwise reach French Guiana. */
  b = feature->label_bounds;
  g_signal_emit (self, signals[SHOW_BOUNDS], 0,
                 MAX (b.west - COUNTRY_MARGIN_DEG, -180.0), MAX (b.south - COUNTRY_MARGIN_DEG, -90.0),
                 MIN (b.east + COUNTRY_MARGIN_DEG, 180.0), MIN (b.north + COUNTRY_MARGIN_DEG, 90.0));
}

void
migmap_map_state_show_place (MigmapMapState *self, MigmapPlace *place)
{
  g_return_if_fail (MIGMAP_IS_MAP_STATE (self));
  g_return_if_fail (MIGMAP_IS_PLACE (place));

  if (migmap_place_has_coordinates (place))
    g_signal_emit (self, signals[SHOW_POINT], 0, migmap_place_get_lon (place), migmap_place_get_lat (place));
}

const char * const *
migmap_map_state_get_emphasis (MigmapMapState *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);
  return (const char * const *) self->emphasis;
}

/* ---- drawing options ---- */

gboolean
migmap_map_state_get_show_labels (MigmapMapState *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), FALSE);
  return self->show_labels;
}

void
migmap_map_state_set_show_labels (MigmapMapState *self, gboolean show_labels)
{
  g_return_if_fail (MIGMAP_IS_MAP_STATE (self));

  show_labels = !!show_labels;
  if (self->show_labels == show_labels)
    return;
  self->show_labels = show_labels;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LABELS]);
  emit_changed (self);
}

MigmapRenderQuality
migmap_map_state_get_quality (MigmapMapState *self)
{
  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), MIGMAP_RENDER_QUALITY_BEST);
  return self->quality;
}

/* FAST is the window's interactive drawing; printing and export use BEST. */
void
migmap_map_state_set_quality (MigmapMapState *self, MigmapRenderQuality quality)
{
  g_return_if_fail (MIGMAP_IS_MAP_STATE (self));

  if (self->quality == quality)
    return;
  self->quality = quality;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUALITY]);
  emit_changed (self);
}

/* ---- renderers ---- */

/* Everything but the shapes, which the caller chose for its scale. */
void
migmap_map_state_configure_renderer (MigmapMapState *self, MigmapRenderer *renderer)
{
  GListModel *layers;

  g_return_if_fail (MIGMAP_IS_MAP_STATE (self));
  g_return_if_fail (MIGMAP_IS_RENDERER (renderer));

  layers = G_LIST_MODEL (self->layers);
  migmap_renderer_clear_layers (renderer);
  migmap_renderer_clear_markers (renderer);
  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, i);
      const char *id = migmap_map_layer_get_id (layer);
      const MigmapColor *color = migmap_map_layer_get_color (layer);

      if (!migmap_map_layer_get_visible (layer))
        continue;
      if (migmap_map_layer_get_kind (layer) == MIGMAP_MAP_LAYER_COUNTRIES)
        migmap_renderer_add_layer (renderer, id, color, migmap_map_layer_get_shown_codes (layer));
      else
        for (guint m = 0; m < migmap_map_layer_get_n_members (layer); m++)
          {
            const MigmapMapMarker *marker = migmap_map_layer_get_marker (layer, m);
            migmap_renderer_add_place (renderer, marker->id, marker->lon, marker->lat, marker->label, color,
                                       marker->symbol, marker->approximate);
          }
    }
  migmap_renderer_set_selected (renderer, self->selected_country);
  migmap_renderer_set_emphasis (renderer, (const char * const *) self->emphasis);
  migmap_renderer_set_show_labels (renderer, self->show_labels);
  migmap_renderer_set_quality (renderer, self->quality);
  if (self->codes)
    migmap_renderer_set_label_func (renderer, migmap_style_country_label, g_object_ref (self->codes), g_object_unref);
}

MigmapRenderer *
migmap_map_state_new_renderer (MigmapMapState *self, MigmapShapeSet *shapes)
{
  MigmapRenderer *renderer;

  g_return_val_if_fail (MIGMAP_IS_MAP_STATE (self), NULL);
  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (shapes), NULL);

  renderer = migmap_renderer_new (shapes);
  migmap_map_state_configure_renderer (self, renderer);
  return renderer;
}

/* ---- editing ---- */

/* The same entry in another catalogue (after an edit, an undo or a
 * reload), or NULL when it is gone. */
static GObject *
find_entity_again (MigmapCatalogue *catalogue,
                   GObject         *entity)
{
  const char *kind = entity ? migmap_catalogue_entity_kind (entity) : NULL;
  g_autofree char *id = NULL;

  if (kind == NULL)
    return NULL;
  g_object_get (entity, "id", &id, NULL);
  return migmap_catalogue_lookup_entity (catalogue, kind, id);
}

void
migmap_map_state_set_catalogue (MigmapMapState *self, MigmapCatalogue *catalogue)
{
  g_autoptr(GListModel) layers = NULL;
  g_autoptr(GStrvBuilder) hidden = NULL;
  g_auto(GStrv) hidden_ids = NULL;
  g_autofree char *country = NULL;
  MigmapProject *project = NULL;
  MigmapPlace *place = NULL;
  GObject *entity = NULL;

  g_return_if_fail (MIGMAP_IS_MAP_STATE (self));
  g_return_if_fail (MIGMAP_IS_CATALOGUE (catalogue));

  if (self->catalogue == catalogue)
    return;
  /* A layer the user hid stays hidden; a layer the edit created shows. */
  hidden = g_strv_builder_new ();
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->layers)); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);

      if (!migmap_map_layer_get_visible (layer))
        g_strv_builder_add (hidden, migmap_map_layer_get_id (layer));
    }
  hidden_ids = g_strv_builder_end (hidden);
  g_set_object (&self->catalogue, catalogue);

  layers = migmap_style_build_layers (catalogue);
  g_list_store_remove_all (self->layers);
  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, i);

      if (g_strv_contains ((const char * const *) hidden_ids, migmap_map_layer_get_id (layer)))
        migmap_map_layer_set_visible (layer, FALSE);
      g_list_store_append (self->layers, layer);
    }

  /* The selected objects belong to the old catalogue: find them again. */
  country = g_strdup (self->selected_country);
  if (self->selected_project != NULL)
    project = migmap_catalogue_lookup_project (catalogue, migmap_project_get_id (self->selected_project));
  if (self->selected_place != NULL)
    place = migmap_catalogue_lookup_place (catalogue, migmap_place_get_id (self->selected_place));
  entity = find_entity_again (catalogue, self->selected_entity);
  g_object_freeze_notify (G_OBJECT (self));
  migmap_map_state_select (self, country, project, place);
  /* An open page stays open on the edited entry. */
  migmap_map_state_set_selected_entity (self, entity);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}
