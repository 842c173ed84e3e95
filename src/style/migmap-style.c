/* migmap-style.c */
#include "config.h"

#include "migmap-style.h"

#include "migmap-dates.h"

#include <glib/gi18n-lib.h>

/* The layers users compare most get colours that stay apart when striped
 * together; the rest share the GNOME palette tones left over. */
static const struct { const char *id; const char *color; } reserved[] = {
  { "mtm-partner-states-2012", "#3584e4" },
  { "amedip-focus-partner-states", "#e66100" },
  { "emm5-countries", "#2ec27e" },
  { "bmp-maghreb-countries", "#c01c28" },
  { "emgpp-countries", "#9141ac" },
  { "eu-27-2007-2013", "#f6d32d" },
  { "eu-member-states-2020", "#e5a50a" },
};
static const char * const palette[] = {
  "#986a44", "#1c71d8", "#26a269", "#c061cb", "#f66151", "#63452c", "#99c1f1", "#8ff0a4",
};

static void
pick_color (const char *id, guint *next, MigmapColor *color)
{
  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    if (g_str_equal (reserved[i].id, id))
      {
        migmap_color_parse (reserved[i].color, color);
        return;
      }
  migmap_color_parse (palette[(*next)++ % G_N_ELEMENTS (palette)], color);
}
#define MARKER_COLOR "#241f31"

static void
marker_clear (gpointer data)
{
  MigmapStyleMarker *marker = data;

  g_free (marker->id);
  g_free (marker->label);
}

static void
style_layer_free (gpointer data)
{
  MigmapStyleLayer *layer = data;

  g_free (layer->id);
  g_free (layer->title);
  g_free (layer->section);
  g_strfreev (layer->codes);
  if (layer->markers)
    g_array_unref (layer->markers);
  g_free (layer);
}

/* A project's country set is named in the interface language around the
 * project's own (English) name; other groups keep the catalogue's name. */
char *
migmap_style_group_title (MigmapCatalogue *catalogue, MigmapGroup *group)
{
  const char *project_id = migmap_group_get_project_id (group);
  MigmapProject *project = project_id ? migmap_catalogue_lookup_project (catalogue, project_id) : NULL;

  if (project && g_strcmp0 (migmap_group_get_kind (group), "project_countries") == 0)
    {
      const char *acronym = migmap_project_get_acronym (project);
      /* TRANSLATORS: a map layer: the countries of a project, e.g. "Countries of EMM5" */
      return g_strdup_printf (_("Countries of %s"), acronym && *acronym ? acronym : migmap_project_get_title (project));
    }
  return g_strdup (migmap_group_get_name (group));
}

GPtrArray *
migmap_style_build_layers (MigmapCatalogue *catalogue)
{
  GPtrArray *layers = g_ptr_array_new_with_free_func (style_layer_free);
  GListModel *groups, *places;
  MigmapStyleLayer *markers;
  guint colour_index = 0;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (catalogue), layers);

  groups = migmap_catalogue_get_groups (catalogue);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
      {
        g_autoptr(MigmapGroup) group = g_list_model_get_item (groups, i);
        gboolean is_project = g_strcmp0 (migmap_group_get_kind (group), "project_countries") == 0;
        MigmapStyleLayer *layer;

        if (is_project != (pass == 1))
          continue;
        layer = g_new0 (MigmapStyleLayer, 1);
        layer->kind = MIGMAP_STYLE_LAYER_COUNTRIES;
        layer->id = g_strdup (migmap_group_get_id (group));
        layer->title = migmap_style_group_title (catalogue, group);
        layer->section = g_strdup (is_project ? _("Project countries") : _("Partner states"));
        pick_color (layer->id, &colour_index, &layer->color);
        layer->codes = g_strdupv ((char **) migmap_group_get_countries (group));
        g_ptr_array_add (layers, layer);
      }

  markers = g_new0 (MigmapStyleLayer, 1);
  markers->kind = MIGMAP_STYLE_LAYER_MARKERS;
  markers->id = g_strdup (MIGMAP_STYLE_MARKERS_LAYER_ID);
  markers->title = g_strdup (_("Offices, venues and cities"));
  markers->section = g_strdup (_("Project locations"));
  migmap_color_parse (MARKER_COLOR, &markers->color);
  markers->markers = g_array_new (FALSE, FALSE, sizeof (MigmapStyleMarker));
  g_array_set_clear_func (markers->markers, marker_clear);
  places = migmap_catalogue_get_places (catalogue);
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(MigmapPlace) place = g_list_model_get_item (places, i);
      MigmapStyleMarker marker;

      /* A place known only by its country has no point of its own to show. */
      if (!migmap_place_has_coordinates (place) || migmap_place_get_precision (place) == MIGMAP_PLACE_PRECISION_COUNTRY)
        continue;
      marker = (MigmapStyleMarker) { migmap_place_get_lon (place), migmap_place_get_lat (place),
                                     g_strdup (migmap_place_get_id (place)), g_strdup (migmap_place_get_name (place)) };
      g_array_append_val (markers->markers, marker);
    }
  g_ptr_array_add (layers, markers);
  return layers;
}

static gboolean
is_visible (MigmapStyleLayer *layer, const char * const *visible_ids)
{
  return visible_ids && g_strv_contains (visible_ids, layer->id);
}

void
migmap_style_apply (GPtrArray *layers, const char * const *visible_ids,
                    MigmapRenderer *renderer, MigmapPageLayout *page)
{
  g_return_if_fail (layers != NULL);

  for (guint i = 0; i < layers->len; i++)
    {
      MigmapStyleLayer *layer = g_ptr_array_index (layers, i);

      if (!is_visible (layer, visible_ids))
        continue;
      if (renderer && layer->kind == MIGMAP_STYLE_LAYER_COUNTRIES)
        migmap_renderer_add_layer (renderer, layer->id, &layer->color, (const char * const *) layer->codes);
      else if (renderer)
        for (guint m = 0; m < layer->markers->len; m++)
          {
            MigmapStyleMarker *marker = &g_array_index (layer->markers, MigmapStyleMarker, m);
            migmap_renderer_add_marker (renderer, marker->id, marker->lon, marker->lat, marker->label, &layer->color);
          }
      if (page)
        migmap_page_layout_add_legend_entry (page, layer->title, &layer->color,
                                             layer->kind == MIGMAP_STYLE_LAYER_MARKERS);
    }
}

char *
migmap_style_default_title (GPtrArray *layers, const char * const *visible_ids)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (layers != NULL, NULL);

  for (guint i = 0; i < layers->len; i++)
    {
      MigmapStyleLayer *layer = g_ptr_array_index (layers, i);
      if (layer->kind == MIGMAP_STYLE_LAYER_COUNTRIES && is_visible (layer, visible_ids))
        g_ptr_array_add (titles, g_strdup (layer->title));
    }
  if (titles->len == 0)
    return g_strdup (_("Migration dialogues and projects"));
  if (titles->len == 1)
    return g_strdup (g_ptr_array_index (titles, 0));

  /* Each title in a first-strong isolate: English names inside an Arabic
   * title keep their own order. */
  for (guint i = 0; i < titles->len; i++)
    {
      char *isolated = g_strdup_printf ("\u2068%s\u2069", (char *) g_ptr_array_index (titles, i));
      g_free (g_ptr_array_index (titles, i));
      g_ptr_array_index (titles, i) = isolated;
    }
  g_ptr_array_add (titles, NULL);
  /* TRANSLATORS: joins the titles of the layers shown on a printed map */
  return g_strjoinv (_("; "), (char **) titles->pdata);
}

void
migmap_style_add_projects_table (MigmapCatalogue *catalogue, const char * const *visible_ids,
                                 MigmapPageLayout *page)
{
  GListModel *groups = migmap_catalogue_get_groups (catalogue);

  migmap_page_layout_set_table_title (page, _("Projects shown"));
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(MigmapGroup) group = g_list_model_get_item (groups, i);
      const char *project_id = migmap_group_get_project_id (group);
      MigmapProject *project = project_id ? migmap_catalogue_lookup_project (catalogue, project_id) : NULL;
      g_autofree char *years = NULL;

      if (project == NULL || !visible_ids || !g_strv_contains (visible_ids, migmap_group_get_id (group)))
        continue;
      years = migmap_format_years (migmap_project_get_start (project), migmap_project_get_end (project));
      migmap_page_layout_add_table_row (page, migmap_project_get_title (project), years);
    }
}

const char *
migmap_style_country_label (const char *code, gpointer country_codes)
{
  return migmap_country_codes_get_translated_name (country_codes, code);
}
