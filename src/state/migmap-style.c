/* SPDX-License-Identifier: GPL-3.0-or-later */
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
  /* No source lists these members: say so wherever the group shows
   * (layer list, legend, country page), not only in the data. */
  if (g_strcmp0 (migmap_group_get_derived_by (group), "catalogue") == 0 &&
      migmap_group_get_expanded_from (group) == NULL)
    /* TRANSLATORS: a group whose members no source lists, e.g. "AMEDIP Focus Partner States (members inferred by MigMap)" */
    return g_strdup_printf (_("%s (members inferred by MigMap, not stated in the sources)"), _(migmap_group_get_name (group)));
  return g_strdup (migmap_group_get_name (group));
}

GListModel *
migmap_style_build_layers (MigmapCatalogue *catalogue)
{
  GListStore *layers = g_list_store_new (MIGMAP_TYPE_MAP_LAYER);
  g_autoptr(MigmapMapLayer) markers = NULL;
  GListModel *groups, *places;
  guint colour_index = 0;
  MigmapColor marker_color;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (catalogue), G_LIST_MODEL (layers));

  groups = migmap_catalogue_get_groups (catalogue);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
      {
        g_autoptr(MigmapGroup) group = g_list_model_get_item (groups, i);
        gboolean is_project = g_strcmp0 (migmap_group_get_kind (group), "project_countries") == 0;
        g_autoptr(MigmapMapLayer) layer = NULL;
        g_autofree char *title = NULL;
        MigmapColor color;

        if (is_project != (pass == 1))
          continue;
        title = migmap_style_group_title (catalogue, group);
        pick_color (migmap_group_get_id (group), &colour_index, &color);
        layer = migmap_map_layer_new_countries (migmap_group_get_id (group), title,
                                                is_project ? _("Project countries") : _("Partner states"),
                                                &color, migmap_group_get_countries (group));
        g_list_store_append (layers, layer);
      }

  migmap_color_parse (MARKER_COLOR, &marker_color);
  markers = migmap_map_layer_new_markers (MIGMAP_STYLE_MARKERS_LAYER_ID, _("Offices, venues and cities"),
                                          _("Project locations"), &marker_color);
  places = migmap_catalogue_get_places (catalogue);
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(MigmapPlace) place = g_list_model_get_item (places, i);

      /* A place known only by its country has no point of its own to show. */
      if (!migmap_place_has_coordinates (place) || migmap_place_get_precision (place) == MIGMAP_PLACE_PRECISION_COUNTRY)
        continue;
      migmap_map_layer_add_marker (markers, migmap_place_get_id (place), migmap_place_get_lon (place),
                                   migmap_place_get_lat (place), migmap_place_get_name (place));
    }
  g_list_store_append (layers, markers);
  return G_LIST_MODEL (layers);
}

char *
migmap_style_default_title (GListModel *layers)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (G_IS_LIST_MODEL (layers), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, i);
      if (migmap_map_layer_get_kind (layer) == MIGMAP_MAP_LAYER_COUNTRIES && migmap_map_layer_get_visible (layer))
        g_ptr_array_add (titles, g_strdup (migmap_map_layer_get_title (layer)));
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
migmap_style_add_projects_table (MigmapCatalogue *catalogue, GListModel *layers, MigmapPageLayout *page)
{
  migmap_page_layout_set_table_title (page, _("Projects shown"));
  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, i);
      MigmapGroup *group = migmap_catalogue_lookup_group (catalogue, migmap_map_layer_get_id (layer));
      const char *project_id = group ? migmap_group_get_project_id (group) : NULL;
      MigmapProject *project = project_id ? migmap_catalogue_lookup_project (catalogue, project_id) : NULL;
      g_autofree char *years = NULL;

      if (project == NULL || !migmap_map_layer_get_visible (layer))
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
