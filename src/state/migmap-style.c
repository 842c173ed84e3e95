/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-style.c */
#include "config.h"

#include "migmap-style.h"

#include "migmap-dates.h"

#include <string.h>

#include <glib/gi18n-lib.h>

/* Twelve colours, no two closer than CIEDE2000 20 (tests/test-cartography.c
 * computes it), each at least 15 from plain land and sea.  The first three
 * (Okabe and Ito's blue, orange and bluish green) also stay 15 apart for
 * readers with deuteranopia or protanopia: the layers users compare most get
 * them.  Beyond three visible layers the map fills countries by count, so
 * the rest need only be told apart in the legend and the layers panel. */
static const struct { const char *id; const char *color; } reserved[] = {
  { "mtm-partner-states-2012", "#0072b2" },
  { "amedip-focus-partner-states", "#e69f00" },
  { "emm5-countries", "#009e73" },
  { "bmp-maghreb-countries", "#cab2d6" },
  { "emgpp-countries", "#882255" },
  { "eu-27-2007-2013", "#8c510a" },
  { "eu-member-states-2020", "#ffff99" },
};
static const char * const palette[] = {
  "#332288", "#01665e", "#666666", "#fb9a99", "#33bbee",
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
/* Longest place name drawn in full on the map. */
#define SHORT_NAME_MAX 24

static MigmapMarkerSymbol
symbol_for_kind (const char *kind)
{
  if (g_strcmp0 (kind, "office") == 0)
    return MIGMAP_MARKER_OFFICE;
  if (g_strcmp0 (kind, "venue") == 0)
    return MIGMAP_MARKER_VENUE;
  if (g_strcmp0 (kind, "training_centre") == 0)
    return MIGMAP_MARKER_TRAINING_CENTRE;
  if (g_strcmp0 (kind, "border_crossing_points") == 0)
    return MIGMAP_MARKER_BORDER_CROSSING;
  return MIGMAP_MARKER_CITY;
}

static gboolean
is_acronym_word (const char *word)
{
  gboolean upper = FALSE;

  for (const char *p = word; *p; p++)
    if (g_ascii_islower (*p))
      return FALSE;
    else if (g_ascii_isupper (*p))
      upper = TRUE;
  return upper;
}

/* A map label for a place: the name when short, otherwise the acronym the
 * source gives and the town it names ("Regional Office for the
 * Mediterranean (RO MED)" -> "RO MED"; "4 Border Crossing Points (BCPs),
 * Jordan" -> "4 BCPs, Jordan"; "IBM interagency border management training
 * centre, Beja Governorate" -> "IBM training centre, Beja"). */
char *
migmap_style_place_short_name (const char *name)
{
  g_autoptr(GString) out = NULL;
  const char *open, *close, *comma;

  g_return_val_if_fail (name != NULL, NULL);

  if (g_utf8_strlen (name, -1) <= SHORT_NAME_MAX)
    return g_strdup (name);
  out = g_string_new (NULL);
  open = strchr (name, '(');
  close = open ? strchr (open, ')') : NULL;
  comma = strrchr (name, ',');
  if (open && close && close - open > 1)
    {
      /* A count before the spelt-out words stays: "4 BCPs". */
      if (g_ascii_isdigit (name[0]))
        g_string_append_printf (out, "%.*s ", (int) strcspn (name, " "), name);
      g_string_append_len (out, open + 1, close - open - 1);
      if (comma && comma < open)
        {
          /* "…, Rayak (CTC)": the town before the acronym. */
          g_autofree char *town = g_strndup (comma + 1, open - comma - 1);
          g_auto(GStrv) words = g_strsplit (g_strstrip (town), " ", -1);
          g_string_append_printf (out, ", %s", words[0] ? words[g_strv_length (words) - 1] : "");
        }
      else if (comma && comma > close)
        {
          g_auto(GStrv) words = g_strsplit (comma + 1 + strspn (comma + 1, " "), " ", -1);
          g_string_append_printf (out, ", %s", words[0]);
        }
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  if (comma)
    {
      g_autofree char *before = g_strndup (name, comma - name);
      g_auto(GStrv) head = g_strsplit (before, " ", -1);
      g_auto(GStrv) tail = g_strsplit (comma + 1 + strspn (comma + 1, " "), " ", -1);
      guint n = g_strv_length (head);

      if (n > 0 && is_acronym_word (head[0]))
        g_string_append_printf (out, "%s ", head[0]);
      for (guint i = n > 2 ? n - 2 : 0; i < n; i++)
        if (i > 0 || !is_acronym_word (head[0]))
          g_string_append_printf (out, "%s%s", head[i], i + 1 < n ? " " : "");
      g_string_append_printf (out, ", %s", tail[0] ? tail[0] : "");
      if (g_utf8_strlen (out->str, -1) <= SHORT_NAME_MAX + 4)
        return g_string_free (g_steal_pointer (&out), FALSE);
      g_string_truncate (out, 0);
    }
  {
    const char *end = g_utf8_offset_to_pointer (name, SHORT_NAME_MAX - 1);
    g_string_append_len (out, name, end - name);
    g_string_append (out, "…");
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
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
  /* No source lists these members: say so wherever the group shows
   * (layer list, legend, country page), not only in the data. */
  if (g_strcmp0 (migmap_group_get_derived_by (group), "catalogue") == 0 &&
      migmap_group_get_expanded_from (group) == NULL)
    /* TRANSLATORS: a group whose members no source lists, e.g. "AMEDIP Focus Partner States (members inferred by MigMap)" */
    return g_strdup_printf (_("%s (members inferred by MigMap, not stated in the sources)"), _(migmap_group_get_name (group)));
  /* The catalogue's own wording, translated in po/ (tools/catalogue-labels.py). */
  return g_strdup (_(migmap_group_get_name (group)));
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

      g_autofree char *label = NULL;
      MigmapMapMarker marker;

      /* A place known only by its country or region is still shown, at the
       * point that stands for it, and drawn as approximate. */
      if (!migmap_place_has_coordinates (place))
        continue;
      label = migmap_style_place_short_name (migmap_place_get_name (place));
      marker = (MigmapMapMarker) {
        .id = (char *) migmap_place_get_id (place),
        .lon = migmap_place_get_lon (place),
        .lat = migmap_place_get_lat (place),
        .label = label,
        .symbol = symbol_for_kind (migmap_place_get_kind (place)),
        .approximate = migmap_place_get_precision (place) != MIGMAP_PLACE_PRECISION_CITY,
        .name = (char *) migmap_place_get_name (place),
      };
      migmap_map_layer_add_place (markers, &marker);
    }
  g_list_store_append (layers, markers);
  return G_LIST_MODEL (layers);
}

char *
migmap_style_default_title (GListModel *layers)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  gboolean all_partners = TRUE;

  g_return_val_if_fail (G_IS_LIST_MODEL (layers), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (layers, i);
      if (migmap_map_layer_get_kind (layer) == MIGMAP_MAP_LAYER_COUNTRIES && migmap_map_layer_get_visible (layer))
        {
          g_ptr_array_add (titles, g_strdup (migmap_map_layer_get_title (layer)));
          all_partners &= g_strcmp0 (migmap_map_layer_get_section (layer), _("Partner states")) == 0;
        }
    }
  if (titles->len == 0)
    return g_strdup (_("Migration dialogues and projects"));
  if (titles->len == 1)
    return g_strdup (g_ptr_array_index (titles, 0));
  /* Layer names run long: the title says how many, the legend lists them. */
  if (all_partners)
    /* TRANSLATORS: the title of a map showing several partner-state groups, e.g. "4 partner-state groups" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partner-state group", "%u partner-state groups",
                                         titles->len), titles->len);
  /* TRANSLATORS: the title of a map showing several groups of countries, e.g. "4 country groups" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u country group", "%u country groups", titles->len),
                          titles->len);

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
