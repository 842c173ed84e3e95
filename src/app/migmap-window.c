/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-window.c: the main window, bound to one MigmapMapState
 *
 * The map view, the panels and the Countries list each watch the state;
 * the window only decides which side page shows and keeps settings.  Its
 * actions are in migmap-window-actions.c.
 */
#include "config.h"

#include "migmap-window-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "migmap-country-item.h"
#include "migmap-dates.h"
#include "migmap-layers-panel.h"
#include "migmap-settings.h"
#include "migmap-style.h"

G_DEFINE_FINAL_TYPE (MigmapWindow, migmap_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
country_name (MigmapWindow *self, const char *code)
{
  return migmap_map_state_country_name (self->state, code);
}

/* ---- layers ---- */

static void
restore_visible_layers (MigmapWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  if (self->settings)
    {
      g_auto(GStrv) saved = g_settings_get_strv (self->settings, "visible-layers");

      g_strv_builder_addv (builder, (const char **) saved);
      if (g_settings_get_boolean (self->settings, "show-markers"))
        g_strv_builder_add (builder, MIGMAP_STYLE_MARKERS_LAYER_ID);
    }
  else
    {
      g_strv_builder_add (builder, MIGMAP_STYLE_DEFAULT_LAYER_ID);
      g_strv_builder_add (builder, MIGMAP_STYLE_MARKERS_LAYER_ID);
    }
  ids = g_strv_builder_end (builder);
  migmap_map_state_set_visible_layers (self->state, (const char * const *) ids);
}

static void
save_visible_layers (MigmapWindow *self)
{
  g_auto(GStrv) visible = NULL;
  g_autoptr(GStrvBuilder) groups = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  if (self->settings == NULL)
    return;
  visible = migmap_map_state_dup_visible_layers (self->state);
  for (guint i = 0; visible[i]; i++)
    if (!g_str_equal (visible[i], MIGMAP_STYLE_MARKERS_LAYER_ID))
      g_strv_builder_add (groups, visible[i]);
  ids = g_strv_builder_end (groups);
  g_settings_set_boolean (self->settings, "show-markers",
                          g_strv_contains ((const char * const *) visible, MIGMAP_STYLE_MARKERS_LAYER_ID));
  g_settings_set_strv (self->settings, "visible-layers", (const char * const *) ids);
}

/* ---- side panel and Countries list follow the selection ---- */

static void
show_page (MigmapWindow *self, const char *page)
{
  gtk_stack_set_visible_child_name (self->side_stack, page);
}

static guint
country_position (MigmapWindow *self, const char *code)
{
  GListModel *shown = G_LIST_MODEL (self->countries_filtered);

  for (guint i = 0; code && i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(MigmapCountryItem) item = g_list_model_get_item (shown, i);
      if (g_str_equal (migmap_country_item_get_code (item), code))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
on_selection (MigmapWindow *self)
{
  const char *code = migmap_map_state_get_selected_country (self->state);

  if (migmap_map_state_get_selected_entity (self->state))
    show_page (self, "entity");
  else if (migmap_map_state_get_selected_project (self->state))
    show_page (self, "project");
  else
    show_page (self, code ? "country" : "welcome");
  gtk_single_selection_set_selected (self->countries_selection, country_position (self, code));
}

typedef struct {
  char              *key;    /* g_utf8_collate_key() of the name */
  MigmapCountryItem *item;
} SortedCountry;

static int
compare_keys (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return strcmp (((const SortedCountry *) a)->key, ((const SortedCountry *) b)->key);
}

/* Sorted by collation keys, made once per name: the same order as
 * g_utf8_collate() of each pair, at a fraction of the cost at start-up. */
static void
build_countries_list (MigmapWindow *self)
{
  MigmapShapeSet *shapes = migmap_map_state_get_shapes (self->state);
  guint n = migmap_shape_set_get_n_features (shapes);
  g_autofree SortedCountry *sorted = g_new (SortedCountry, MAX (n, 1));
  g_autofree gpointer *items = g_new (gpointer, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const char *code = migmap_shape_set_get_feature (shapes, i)->code;

      sorted[i].item = migmap_country_item_new (code, country_name (self, code));
      sorted[i].key = g_utf8_collate_key (migmap_country_item_get_name (sorted[i].item), -1);
    }
  g_qsort_with_data (sorted, n, sizeof *sorted, compare_keys, NULL);
  for (guint i = 0; i < n; i++)
    {
      items[i] = sorted[i].item;
      g_free (sorted[i].key);
    }
  g_list_store_splice (self->countries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->countries)), items, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i]);
}

static void
on_country_activated (MigmapWindow *self, guint position)
{
  g_autoptr(MigmapCountryItem) item = g_list_model_get_item (G_LIST_MODEL (self->countries_filtered), position);

  if (item == NULL)
    return;
  migmap_window_select_country (self, migmap_country_item_get_code (item), TRUE);
  migmap_country_panel_focus (self->country_panel);
}

/* The Countries list keeps the countries known by a name that starts with
 * what was typed, in any of the MTM Dialogue's languages ("leb", "Liban",
 * "لبنان"), or by the sources' spelling ("Turkey"). */
static gboolean
country_filter_match (gpointer item, gpointer user_data)
{
  MigmapWindow *self = user_data;
  MigmapCountryItem *country = item;
  const char *code = migmap_country_item_get_code (country);
  MigmapCatalogue *catalogue;
  g_autoptr(MigmapSearchKey) key = NULL;
  const char * const *aliases;
  const char *names;

  if (self->countries_query == NULL)
    return TRUE;
  catalogue = migmap_window_get_catalogue (self);
  key = migmap_search_key_new ();
  migmap_search_key_add_name (key, migmap_country_item_get_name (country));
  names = migmap_country_codes_get_search_names (migmap_catalogue_get_country_codes (catalogue), code);
  if (names != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (names, "\n", -1);

      for (guint i = 0; lines[i]; i++)
        migmap_search_key_add_name (key, lines[i]);
    }
  aliases = migmap_catalogue_get_country_aliases (catalogue, code);
  for (guint i = 0; aliases && aliases[i]; i++)
    migmap_search_key_add_name (key, aliases[i]);
  migmap_search_key_add_acronym (key, code);
  return migmap_search_query_match (self->countries_query, key) >= MIGMAP_SEARCH_FUZZY;
}

static void
on_countries_filter_changed (MigmapWindow *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->countries_filtered);

  g_clear_pointer (&self->countries_query, migmap_search_query_free);
  self->countries_query = migmap_search_query_new (gtk_editable_get_text (GTK_EDITABLE (self->countries_entry)));
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  /* The list shows the selected country again if it is still there. */
  gtk_single_selection_set_selected (self->countries_selection,
                                     country_position (self, migmap_map_state_get_selected_country (self->state)));
}

/* Enter in the filter opens the first country left. */
static void
on_countries_filter_activate (MigmapWindow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->countries_filtered)) > 0)
    on_country_activated (self, 0);
}

guint
migmap_window_get_n_countries_shown (MigmapWindow *self)
{
  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->countries_filtered));
}

/* Shows the Countries list and puts the cursor in its filter. */
void
migmap_window_find_country (MigmapWindow *self)
{
  g_return_if_fail (MIGMAP_IS_WINDOW (self));

  gtk_toggle_button_set_active (self->sidebar_button, TRUE);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "countries");
  gtk_widget_grab_focus (GTK_WIDGET (self->countries_entry));
}

/* ---- search ---- */

static const char *
kind_label (MigmapSearchResultKind kind)
{
  switch (kind)
    {
    case MIGMAP_SEARCH_RESULT_COUNTRY: return _("Country");
    case MIGMAP_SEARCH_RESULT_PROJECT: return _("Project");
    case MIGMAP_SEARCH_RESULT_GROUP: return _("Group");
    case MIGMAP_SEARCH_RESULT_DIALOGUE: return _("Dialogue");
    case MIGMAP_SEARCH_RESULT_ORGANISATION: return _("Organisation");
    case MIGMAP_SEARCH_RESULT_PLACE: return _("Place");
    case MIGMAP_SEARCH_RESULT_EVENT: return _("Event");
    case MIGMAP_SEARCH_RESULT_DOCUMENT: return _("Document");
    default: return "";
    }
}

/* The row template's second line: "Project · AMEDIP". */
static char *
search_result_detail (gpointer unused, MigmapSearchResult *result)
{
  const char *detail;

  if (result == NULL)
    return NULL;
  detail = migmap_search_result_get_detail (result);
  if (detail && *detail)
    return g_strdup_printf ("%s · %s", kind_label (migmap_search_result_get_kind (result)), detail);
  return g_strdup (kind_label (migmap_search_result_get_kind (result)));
}

/* At a date, a project found says whether it ran then; it is not hidden. */
static char *
project_detail_at (MigmapProject *project, const MigmapDate *at)
{
  const char *acronym = migmap_project_get_acronym (project);
  g_autofree char *when = migmap_format_date (at);
  const char *status;

  switch (migmap_project_get_time_at (project, at))
    {
    case MIGMAP_PROJECT_TIME_RUNNING: status = _("running"); break;
    case MIGMAP_PROJECT_TIME_PLANNED: status = _("not yet started"); break;
    case MIGMAP_PROJECT_TIME_COMPLETED: status = _("completed"); break;
    default: status = _("not known"); break;
    }
  /* TRANSLATORS: a search result's project at the map's date, e.g. "EMM5 · 2010: not yet started" */
  return g_strdup_printf (_("%s%s%s: %s"), acronym ? acronym : "", acronym ? " · " : "", when, status);
}

static GListModel *
run_search (MigmapWindow *self, const char *text)
{
  g_autoptr(GListModel) found = NULL;
  const MigmapDate *at;
  GListStore *results;
  MigmapShapeSet *shapes = migmap_map_state_get_shapes (self->state);
  guint n = migmap_shape_set_get_n_features (shapes);
  g_autofree const char **codes = g_new0 (const char *, n + 1);
  g_autofree const char **names = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      codes[i] = migmap_shape_set_get_feature (shapes, i)->code;
      names[i] = migmap_shape_set_get_feature (shapes, i)->name;
    }
  found = migmap_catalogue_search_results (migmap_window_get_catalogue (self), text, codes, names);
  at = migmap_map_state_get_date (self->state);
  if (at == NULL)
    return g_steal_pointer (&found);

  results = g_list_store_new (MIGMAP_TYPE_SEARCH_RESULT);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(MigmapSearchResult) result = g_list_model_get_item (found, i);
      MigmapProject *project = NULL;

      if (migmap_search_result_get_kind (result) == MIGMAP_SEARCH_RESULT_PROJECT)
        project = migmap_catalogue_lookup_project (migmap_window_get_catalogue (self),
                                                   migmap_search_result_get_id (result));
      if (project)
        {
          g_autofree char *detail = project_detail_at (project, at);
          g_autoptr(MigmapSearchResult) dated = migmap_search_result_new (MIGMAP_SEARCH_RESULT_PROJECT,
                                                                          migmap_search_result_get_id (result),
                                                                          migmap_search_result_get_title (result),
                                                                          detail);
          g_list_store_append (results, dated);
        }
      else
        g_list_store_append (results, result);
    }
  return G_LIST_MODEL (results);
}

void
migmap_window_search (MigmapWindow *self, const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GListModel) results = NULL;
  g_autofree char *status = NULL;
  guint n;

  g_return_if_fail (MIGMAP_IS_WINDOW (self));

  if (*trimmed == '\0')
    {
      gtk_single_selection_set_model (self->results_selection, NULL);
      if (g_str_equal (migmap_window_get_side_page (self), "search"))
        show_page (self, self->page_before_search ? self->page_before_search : "welcome");
      return;
    }
  if (!g_str_equal (migmap_window_get_side_page (self), "search"))
    {
      g_free (self->page_before_search);
      self->page_before_search = g_strdup (migmap_window_get_side_page (self));
    }

  results = run_search (self, text);
  gtk_single_selection_set_model (self->results_selection, results);
  n = g_list_model_get_n_items (results);
  if (n)
    status = g_strdup_printf (ngettext ("%u result", "%u results", n), n);
  else
    status = g_strdup_printf (_("Nothing matches “%s”"), text);
  gtk_label_set_text (self->search_status, status);
  show_page (self, "search");
}

guint
migmap_window_get_n_search_results (MigmapWindow *self)
{
  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->results_selection));
}

static MigmapSearchResult *
get_result (MigmapWindow *self, guint index)
{
  g_autoptr(MigmapSearchResult) result = g_list_model_get_item (G_LIST_MODEL (self->results_selection), index);

  return result;   /* the model keeps its reference */
}

const char *
migmap_window_get_search_result (MigmapWindow *self, guint index, const char **kind)
{
  MigmapSearchResult *result;

  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (index < migmap_window_get_n_search_results (self), NULL);

  result = get_result (self, index);
  if (kind)
    *kind = migmap_search_result_kind_to_string (migmap_search_result_get_kind (result));
  return migmap_search_result_get_id (result);
}

/* Selects the result and brings it into view. */
void
migmap_window_activate_search_result (MigmapWindow *self, guint index)
{
  MigmapCatalogue *catalogue;
  MigmapSearchResult *result;
  const char *id;

  g_return_if_fail (MIGMAP_IS_WINDOW (self));
  g_return_if_fail (index < migmap_window_get_n_search_results (self));

  catalogue = migmap_window_get_catalogue (self);
  result = get_result (self, index);
  id = migmap_search_result_get_id (result);
  switch (migmap_search_result_get_kind (result))
    {
    case MIGMAP_SEARCH_RESULT_COUNTRY:
      migmap_window_select_country (self, id, TRUE);
      break;
    case MIGMAP_SEARCH_RESULT_PROJECT:
      {
        MigmapProject *project = migmap_catalogue_lookup_project (catalogue, id);
        const char * const *countries = migmap_project_get_countries (project);

        migmap_window_show_project (self, project);
        if (countries && countries[0] && !countries[1])
          migmap_map_state_show_country (self->state, countries[0]);
        break;
      }
    case MIGMAP_SEARCH_RESULT_ORGANISATION:
      migmap_window_show_entity (self, G_OBJECT (migmap_catalogue_lookup_organisation (catalogue, id)));
      break;
    case MIGMAP_SEARCH_RESULT_DIALOGUE:
      migmap_window_show_entity (self, G_OBJECT (migmap_catalogue_lookup_dialogue (catalogue, id)));
      break;
    case MIGMAP_SEARCH_RESULT_GROUP:
      migmap_window_show_entity (self, G_OBJECT (migmap_catalogue_lookup_group (catalogue, id)));
      break;
    case MIGMAP_SEARCH_RESULT_DOCUMENT:
      migmap_window_show_entity (self, G_OBJECT (migmap_catalogue_lookup_document (catalogue, id)));
      break;
    case MIGMAP_SEARCH_RESULT_PLACE:
      {
        MigmapPlace *place = migmap_catalogue_lookup_place (catalogue, id);

        migmap_map_state_select (self->state, migmap_place_get_country (place), NULL, place);
        migmap_window_show_entity (self, G_OBJECT (place));
        migmap_map_state_show_place (self->state, place);
        break;
      }
    case MIGMAP_SEARCH_RESULT_EVENT:
      {
        MigmapEvent *event = migmap_catalogue_lookup_event (catalogue, id);
        const char *place_id = migmap_event_get_place_id (event);
        MigmapPlace *place = place_id ? migmap_catalogue_lookup_place (catalogue, place_id) : NULL;

        if (place)
          migmap_map_state_select (self->state, migmap_place_get_country (place), NULL, place);
        migmap_window_show_entity (self, G_OBJECT (event));
        if (place)
          migmap_map_state_show_place (self->state, place);
        break;
      }
    default:
      break;
    }
}

static void
on_search_changed (MigmapWindow *self)
{
  migmap_window_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activate (MigmapWindow *self)
{
  guint selected = gtk_single_selection_get_selected (self->results_selection);

  if (migmap_window_get_n_search_results (self))
    migmap_window_activate_search_result (self, selected == GTK_INVALID_LIST_POSITION ? 0 : selected);
}

static void
on_search_stop (MigmapWindow *self)
{
  gtk_toggle_button_set_active (self->search_button, FALSE);
}

static void
on_search_result_activated (MigmapWindow *self, guint position)
{
  migmap_window_activate_search_result (self, position);
}

/* ---- shapes ---- */

gboolean
migmap_window_open_shapefile (MigmapWindow *self, const char *path, GError **error)
{
  g_autoptr(MigmapShapeSet) shapes = NULL;

  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Load first: on failure nothing on screen has changed. */
  shapes = migmap_shape_set_new_cached (path, NULL, error);
  if (shapes == NULL)
    return FALSE;
  migmap_map_state_select (self->state, NULL, NULL, NULL);
  migmap_map_state_set_shapes (self->state, shapes, NULL);
  build_countries_list (self);
  return TRUE;
}

void
migmap_window_show_error (MigmapWindow *self, const char *primary, const char *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What File > Open does with the chosen file: on failure a dialog gives the
 * loader's message and the map stays as it was. */
void
migmap_window_load_shapefile (MigmapWindow *self, GFile *file)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MIGMAP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    migmap_window_show_error (self, _("Could not open the shapefile"), _("Only local files can be opened."));
  else if (!migmap_window_open_shapefile (self, path, &error))
    migmap_window_show_error (self, _("Could not open the shapefile"), error->message);
}

/* ---- state across runs ---- */

static void
restore_state (MigmapWindow *self)
{
  MigmapViewport *viewport = migmap_map_state_get_viewport (self->state);
  MigmapProjection projection;
  g_autofree char *projection_name = NULL;
  g_autoptr(GVariant) saved = NULL;
  double lon, lat, resolution;

  if (self->settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (g_settings_get_int (self->settings, "window-width"), 360),
                               MAX (g_settings_get_int (self->settings, "window-height"), 240));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    {
      gtk_window_maximize (GTK_WINDOW (self));
      self->opens_maximized = TRUE;
    }

  projection_name = g_settings_get_string (self->settings, "projection");
  if (migmap_projection_from_string (projection_name, &projection))
    migmap_viewport_set_projection (viewport, projection);
  /* Until a view was saved, the map fits the Mediterranean to the window. */
  saved = g_settings_get_user_value (self->settings, "view-center");
  if (saved == NULL)
    return;
  g_settings_get (self->settings, "view-center", "(dd)", &lon, &lat);
  resolution = g_settings_get_double (self->settings, "view-resolution");
  /* A hand-edited or corrupt setting is ignored, not handed to the map. */
  if (!(isfinite (lon) && isfinite (lat) && fabs (lon) <= 180 && fabs (lat) <= 90 &&
        isfinite (resolution) && resolution > 0))
    return;
  if (!migmap_viewport_set_center_geo (viewport, lon, lat))
    return;
  migmap_viewport_set_resolution (viewport, resolution);
  migmap_map_view_set_view_restored (self->map_view);
}

static void
save_state (MigmapWindow *self)
{
  MigmapViewport *viewport = migmap_map_state_get_viewport (self->state);
  double lon, lat;
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "projection",
                         migmap_projection_to_string (migmap_viewport_get_projection (viewport)));
  if (migmap_viewport_get_center_geo (viewport, &lon, &lat))
    g_settings_set (self->settings, "view-center", "(dd)", lon, lat);
  g_settings_set_double (self->settings, "view-resolution", migmap_viewport_get_resolution (viewport));
  save_visible_layers (self);
  g_settings_apply (self->settings);
}

static gboolean
migmap_window_close_request (GtkWindow *window)
{
  if (migmap_window_catalogue_hold_close (MIGMAP_WINDOW (window)))
    return TRUE;
  save_state (MIGMAP_WINDOW (window));
  return GTK_WINDOW_CLASS (migmap_window_parent_class)->close_request (window);
}

/* ---- object ---- */

static void
migmap_window_dispose (GObject *object)
{
  MigmapWindow *self = MIGMAP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIGMAP_TYPE_WINDOW);
  if (self->state)
    g_signal_handlers_disconnect_by_data (self->state, self);
  migmap_window_catalogue_dispose (self);
  g_clear_object (&self->state);
  g_clear_object (&self->countries_selection);
  g_clear_object (&self->countries_filtered);
  g_clear_object (&self->countries);
  g_clear_pointer (&self->countries_query, migmap_search_query_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->page_setup);
  g_clear_object (&self->results_selection);
  g_clear_pointer (&self->page_before_search, g_free);

  G_OBJECT_CLASS (migmap_window_parent_class)->dispose (object);
}

/* Lays the window out at the size it opens at before GTK shows it: the map
 * view then knows its size and renders its first map in a thread while GTK
 * sets up the window's renderer, the longest step of start-up (a quarter of
 * a second under software GL, one core busy and the other idle), and the
 * first frame on screen has the map.  GTK lays the window out again once it
 * is shown, at the same size; where a window manager or maximising chose
 * another, the map view drops that render and renders at the real size. */
static void
migmap_window_show (GtkWidget *widget)
{
  MigmapWindow *self = MIGMAP_WINDOW (widget);
  int width, height, minimum;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (!gtk_widget_get_realized (widget) && !self->opens_maximized && width > 0 && height > 0)
    {
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      width = MAX (width, minimum);
      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &minimum, NULL, NULL, NULL);
      height = MAX (height, minimum);
      gtk_widget_size_allocate (widget, &(GtkAllocation) { 0, 0, width, height }, -1);
    }
  GTK_WIDGET_CLASS (migmap_window_parent_class)->show (widget);
}

/* "projection" mirrors the viewport's, as a string, for the radio menu. */
static void
migmap_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  MigmapWindow *self = MIGMAP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECTION:
      /* The action asks before the state exists. */
      g_value_set_string (value, self->state
                                   ? migmap_projection_to_string (migmap_viewport_get_projection (
                                       migmap_map_state_get_viewport (self->state)))
                                   : "laea");
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  MigmapWindow *self = MIGMAP_WINDOW (object);
  MigmapProjection projection;

  switch (prop_id)
    {
    case PROP_PROJECTION:
      if (self->state && migmap_projection_from_string (g_value_get_string (value), &projection))
        migmap_viewport_set_projection (migmap_map_state_get_viewport (self->state), projection);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Search results say where each project stood at the date: redo them. */
static void
on_date (MigmapWindow *self)
{
  if (g_str_equal (migmap_window_get_side_page (self), "search"))
    migmap_window_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_viewport_projection (MigmapWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECTION]);
}

static void
migmap_window_class_init (MigmapWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = migmap_window_dispose;
  object_class->get_property = migmap_window_get_property;
  object_class->set_property = migmap_window_set_property;
  window_class->close_request = migmap_window_close_request;
  widget_class->show = migmap_window_show;

  properties[PROP_PROJECTION] =
    g_param_spec_string ("projection", NULL, NULL, "laea",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MIGMAP_TYPE_MAP_VIEW);
  g_type_ensure (MIGMAP_TYPE_LAYERS_PANEL);
  g_type_ensure (MIGMAP_TYPE_COUNTRY_PANEL);
  g_type_ensure (MIGMAP_TYPE_PROJECT_PANEL);
  g_type_ensure (MIGMAP_TYPE_ENTITY_PANEL);
  g_type_ensure (MIGMAP_TYPE_COUNTRY_ITEM);
  g_type_ensure (MIGMAP_TYPE_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/migmap/MigMap/migmap-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, layers_panel);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, countries_view);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, countries_entry);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, sidebar_switcher);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, country_panel);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, project_panel);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, entity_panel);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, search_status);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, search_results);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_search_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_country_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_countries_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_countries_filter_activate);

  migmap_window_class_add_actions (widget_class);
  migmap_window_class_add_catalogue_actions (widget_class);
  migmap_window_class_add_edit_actions (widget_class);
}

/* The Layers/Countries switcher is one Tab stop, as a tab list is: only the
 * current page's button takes focus and Left/Right switch pages, so Tab
 * reaches the map in three stops (switcher, layer list, map). */
static void
update_switcher_focus (MigmapWindow *self)
{
  for (GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_switcher)); button;
       button = gtk_widget_get_next_sibling (button))
    if (GTK_IS_TOGGLE_BUTTON (button))
      gtk_widget_set_focusable (button, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
}

static gboolean
on_switcher_key_pressed (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         MigmapWindow          *self)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->sidebar_stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int step;
  guint current = 0;

  if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
    step = rtl ? -1 : 1;
  else if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    step = rtl ? 1 : -1;
  else
    return GDK_EVENT_PROPAGATE;
  for (guint i = 0; i < n; i++)
    if (gtk_selection_model_is_selected (pages, i))
      current = i;
  if ((step < 0 && current == 0) || (step > 0 && current + 1 >= n))
    return GDK_EVENT_STOP;
  gtk_selection_model_select_item (pages, current + step, TRUE);
  for (GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_switcher)); button;
       button = gtk_widget_get_next_sibling (button))
    if (GTK_IS_TOGGLE_BUTTON (button) && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
      gtk_widget_grab_focus (button);
  return GDK_EVENT_STOP;
}

/* The Countries list makes its rows once its page is first shown, not at
 * start-up behind the Layers page. */
static void
show_countries_rows (MigmapWindow *self)
{
  if (gtk_list_view_get_model (self->countries_view) == NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "countries") == 0)
    gtk_list_view_set_model (self->countries_view, GTK_SELECTION_MODEL (self->countries_selection));
}

static void
migmap_window_init (MigmapWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->countries = g_list_store_new (MIGMAP_TYPE_COUNTRY_ITEM);
  self->countries_filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->countries)),
                                                        GTK_FILTER (gtk_custom_filter_new (country_filter_match, self, NULL)));
  self->countries_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->countries_filtered)));
  gtk_single_selection_set_autoselect (self->countries_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->countries_selection, TRUE);
  g_signal_connect_object (self->sidebar_stack, "notify::visible-child", G_CALLBACK (show_countries_rows),
                           self, G_CONNECT_SWAPPED);
  show_countries_rows (self);
  /* Typing while the list has the focus filters it. */
  gtk_search_entry_set_key_capture_widget (self->countries_entry, GTK_WIDGET (self->countries_view));
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_switcher_key_pressed), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->sidebar_switcher), keys);
    g_signal_connect_object (self->sidebar_stack, "notify::visible-child", G_CALLBACK (update_switcher_focus),
                             self, G_CONNECT_SWAPPED);
    update_switcher_focus (self);
  }
  /* The first result is selected: Enter opens it. */
  self->results_selection = gtk_single_selection_new (NULL);
  gtk_list_view_set_model (self->search_results, GTK_SELECTION_MODEL (self->results_selection));
  {
    g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
    g_autoptr(GtkListItemFactory) factory = NULL;

    gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), search_result_detail);
    factory = gtk_builder_list_item_factory_new_from_resource (scope, "/io/github/migmap/MigMap/migmap-search-row.ui");
    gtk_list_view_set_factory (self->search_results, factory);
  }
  self->settings = migmap_settings_dup ();
}

MigmapWindow *
migmap_window_new (GtkApplication  *application,
                   MigmapCatalogue *catalogue,
                   MigmapShapeSet  *shapes,
                   MigmapShapeSet  *detailed_shapes)
{
  MigmapWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (MIGMAP_IS_SHAPE_SET (shapes), NULL);

  self = g_object_new (MIGMAP_TYPE_WINDOW, "application", application, NULL);
  self->state = migmap_map_state_new (catalogue, shapes, detailed_shapes);
  restore_visible_layers (self);
  restore_state (self);
  migmap_map_view_set_state (self->map_view, self->state);
  migmap_country_panel_set_state (self->country_panel, self->state);
  migmap_project_panel_set_state (self->project_panel, self->state);
  migmap_timeline_set_state (self->timeline, self->state);
  migmap_entity_panel_set_state (self->entity_panel, self->state);
  migmap_layers_panel_set_layers (self->layers_panel, migmap_map_state_get_layers (self->state));
  build_countries_list (self);
  /* Read-only until a catalogue file is set. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-csv", FALSE);
  migmap_window_update_edit_actions (self);
  g_signal_connect_object (self->state, "notify::selected-country", G_CALLBACK (on_selection), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::selected-project", G_CALLBACK (on_selection), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::date", G_CALLBACK (on_date), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::selected-entity", G_CALLBACK (on_selection), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (migmap_map_state_get_viewport (self->state), "notify::projection",
                           G_CALLBACK (on_viewport_projection), self, G_CONNECT_SWAPPED);
  return self;
}

MigmapTimeline *
migmap_window_get_timeline (MigmapWindow *self)
{
  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);
  return self->timeline;
}

MigmapMapState *
migmap_window_get_state (MigmapWindow *self)
{
  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);
  return self->state;
}

MigmapMapView *
migmap_window_get_map_view (MigmapWindow *self)
{
  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);
  return self->map_view;
}

MigmapCountryPanel *
migmap_window_get_country_panel (MigmapWindow *self)
{
  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);
  return self->country_panel;
}

MigmapProjectPanel *
migmap_window_get_project_panel (MigmapWindow *self)
{
  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);
  return self->project_panel;
}

GListModel *
migmap_window_get_layers (MigmapWindow *self)
{
  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);
  return migmap_map_state_get_layers (self->state);
}

const char *
migmap_window_get_side_page (MigmapWindow *self)
{
  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->side_stack);
}

MigmapCatalogue *
migmap_window_get_catalogue (MigmapWindow *self)
{
  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);
  return migmap_map_state_get_catalogue (self->state);
}

/* A new selection, as from the Countries list; @move_map brings the
 * country into view. */
void
migmap_window_select_country (MigmapWindow *self, const char *code, gboolean move_map)
{
  g_return_if_fail (MIGMAP_IS_WINDOW (self));

  migmap_map_state_select (self->state, code, NULL, NULL);
  if (code && move_map)
    migmap_map_state_show_country (self->state, code);
}

void
migmap_window_show_project (MigmapWindow *self, MigmapProject *project)
{
  g_return_if_fail (MIGMAP_IS_WINDOW (self));
  g_return_if_fail (MIGMAP_IS_PROJECT (project));

  migmap_map_state_set_selected_entity (self->state, NULL);
  migmap_map_state_set_selected_project (self->state, project);
  migmap_project_panel_focus (self->project_panel);
}

/* The page of an organisation, dialogue, group, event, document or place. */
void
migmap_window_show_entity (MigmapWindow *self, GObject *entity)
{
  g_return_if_fail (MIGMAP_IS_WINDOW (self));
  g_return_if_fail (G_IS_OBJECT (entity));

  migmap_map_state_set_selected_entity (self->state, entity);
  migmap_entity_panel_focus (self->entity_panel);
}

MigmapEntityPanel *
migmap_window_get_entity_panel (MigmapWindow *self)
{
  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);
  return self->entity_panel;
}
