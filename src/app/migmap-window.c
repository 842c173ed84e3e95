/* migmap-window.c: turns clicks, searches and toggles into catalogue queries
 * and map changes
 */
#include "config.h"

#include "migmap-window.h"

#include <glib/gi18n-lib.h>

#include "migmap-application.h"
#include "migmap-export-dialog.h"
#include "migmap-dates.h"
#include "migmap-widget-helpers.h"
#include "migmap-layer.h"
#include "migmap-layers-panel.h"
#include "migmap-snapshot.h"
#include "migmap-style.h"
#include "migmap-text.h"

/* A country fills this much of the map when selected from a list. */
#define COUNTRY_MARGIN_DEG 1.5

typedef enum {
  RESULT_COUNTRY,
  RESULT_PROJECT,
  RESULT_ORGANISATION,
  RESULT_PLACE,
  RESULT_EVENT,
} ResultKind;

typedef struct {
  ResultKind  kind;
  char       *id;
  char       *title;
  char       *detail;
} SearchResult;

struct _MigmapWindow
{
  GtkApplicationWindow parent_instance;

  GtkToggleButton    *search_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  MigmapLayersPanel  *layers_panel;
  GtkListBox         *countries_list;
  MigmapMapView      *map_view;
  GtkStack           *side_stack;
  MigmapCountryPanel *country_panel;
  MigmapProjectPanel *project_panel;
  GtkLabel           *search_status;
  GtkListBox         *search_results;

  MigmapCatalogue    *catalogue;
  GListStore         *layers;
  GSettings          *settings;
  GPtrArray          *results;        /* SearchResult */
  GtkPageSetup       *page_setup;     /* the last print's, for the next one */
  char               *page_before_search;
};

G_DEFINE_FINAL_TYPE (MigmapWindow, migmap_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
search_result_free (gpointer data)
{
  SearchResult *result = data;

  g_free (result->id);
  g_free (result->title);
  g_free (result->detail);
  g_free (result);
}

static const char *
country_name (MigmapWindow *self, const char *code)
{
  const char *name = migmap_country_codes_get_translated_name (migmap_catalogue_get_country_codes (self->catalogue),
                                                               code);
  const MigmapFeature *feature;

  if (name)
    return name;
  feature = migmap_shape_set_lookup (migmap_map_view_get_shapes (self->map_view), code);
  return feature ? feature->name : code;
}

/* ---- layers ---- */

static void
build_layers (MigmapWindow *self)
{
  g_autoptr(GPtrArray) styles = migmap_style_build_layers (self->catalogue);
  g_auto(GStrv) visible = self->settings ? g_settings_get_strv (self->settings, "visible-layers")
                                         : g_strdupv ((char *[]) { MIGMAP_STYLE_DEFAULT_LAYER_ID, NULL });

  for (guint i = 0; i < styles->len; i++)
    {
      MigmapStyleLayer *style = g_ptr_array_index (styles, i);
      GdkRGBA color = { style->color.red, style->color.green, style->color.blue, style->color.alpha };
      g_autoptr(MigmapLayer) layer = NULL;

      if (style->kind == MIGMAP_STYLE_LAYER_COUNTRIES)
        {
          layer = migmap_layer_new_countries (style->id, style->title, &color, (const char * const *) style->codes);
          migmap_layer_set_visible (layer, g_strv_contains ((const char * const *) visible, style->id));
        }
      else
        {
          layer = migmap_layer_new_markers (style->id, style->title, &color);
          for (guint m = 0; m < style->markers->len; m++)
            {
              MigmapStyleMarker *marker = &g_array_index (style->markers, MigmapStyleMarker, m);
              migmap_layer_add_marker (layer, marker->id, marker->lon, marker->lat, marker->label);
            }
          migmap_layer_set_visible (layer, self->settings ? g_settings_get_boolean (self->settings, "show-markers")
                                                          : TRUE);
        }
      migmap_layer_set_section (layer, style->section);
      g_list_store_append (self->layers, layer);
    }
}

static void
save_visible_layers (MigmapWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  if (self->settings == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->layers)); i++)
    {
      g_autoptr(MigmapLayer) layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);

      if (migmap_layer_get_kind (layer) == MIGMAP_LAYER_MARKERS)
        g_settings_set_boolean (self->settings, "show-markers", migmap_layer_get_visible (layer));
      else if (migmap_layer_get_visible (layer))
        g_strv_builder_add (builder, migmap_layer_get_id (layer));
    }
  ids = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "visible-layers", (const char * const *) ids);
}

/* ---- side panel ---- */

static void
show_page (MigmapWindow *self, const char *page)
{
  gtk_stack_set_visible_child_name (self->side_stack, page);
  if (!g_str_equal (page, "project"))
    migmap_map_view_set_highlight (self->map_view, NULL);
}

static void
fit_country (MigmapWindow *self, const char *code)
{
  const MigmapFeature *feature = migmap_shape_set_lookup (migmap_map_view_get_shapes (self->map_view), code);
  MigmapGeoBounds bounds;

  if (feature == NULL)
    return;
  /* The main polygon: France's bounds would otherwise reach French Guiana. */
  bounds = feature->label_bounds;
  bounds.west = MAX (bounds.west - COUNTRY_MARGIN_DEG, -180.0);
  bounds.east = MIN (bounds.east + COUNTRY_MARGIN_DEG, 180.0);
  bounds.south = MAX (bounds.south - COUNTRY_MARGIN_DEG, -90.0);
  bounds.north = MIN (bounds.north + COUNTRY_MARGIN_DEG, 90.0);
  migmap_map_view_show_bounds (self->map_view, &bounds, TRUE);
}

static void
select_country_row (MigmapWindow *self, const char *code)
{
  for (GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->countries_list, 0); row;
       row = GTK_LIST_BOX_ROW (gtk_widget_get_next_sibling (GTK_WIDGET (row))))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "code"), code) == 0)
      {
        gtk_list_box_select_row (self->countries_list, row);
        return;
      }
  gtk_list_box_unselect_all (self->countries_list);
}

void
migmap_window_select_country (MigmapWindow *self, const char *code, gboolean move_map)
{
  g_return_if_fail (MIGMAP_IS_WINDOW (self));

  migmap_map_view_set_selected (self->map_view, code);
  select_country_row (self, code);
  if (code == NULL)
    {
      show_page (self, "welcome");
      return;
    }
  migmap_country_panel_set_country (self->country_panel, self->catalogue, code, country_name (self, code));
  show_page (self, "country");
  if (move_map)
    fit_country (self, code);
}

void
migmap_window_show_project (MigmapWindow *self, MigmapProject *project)
{
  g_return_if_fail (MIGMAP_IS_WINDOW (self));
  g_return_if_fail (MIGMAP_IS_PROJECT (project));

  migmap_project_panel_set_project (self->project_panel, self->catalogue, project);
  show_page (self, "project");
  migmap_map_view_set_highlight (self->map_view, migmap_project_get_countries (project));
  migmap_project_panel_focus (self->project_panel);
}

static void
on_map_country_activated (MigmapWindow *self, const char *code)
{
  migmap_window_select_country (self, code, FALSE);
}

static void
on_project_activated (MigmapWindow *self, MigmapProject *project)
{
  migmap_window_show_project (self, project);
}

static void
on_project_back (MigmapWindow *self)
{
  show_page (self, migmap_map_view_get_selected (self->map_view) ? "country" : "welcome");
  if (migmap_map_view_get_selected (self->map_view))
    migmap_country_panel_focus (self->country_panel);
}

/* The project stays open: its countries can be visited one by one. */
static void
on_project_country_activated (MigmapWindow *self, const char *code)
{
  migmap_map_view_set_selected (self->map_view, code);
  select_country_row (self, code);
  fit_country (self, code);
}

static void
show_place (MigmapWindow *self, MigmapPlace *place)
{
  if (migmap_place_get_country (place))
    {
      migmap_map_view_set_selected (self->map_view, migmap_place_get_country (place));
      select_country_row (self, migmap_place_get_country (place));
    }
  if (migmap_place_has_coordinates (place))
    migmap_map_view_center_on (self->map_view, migmap_place_get_lon (place), migmap_place_get_lat (place), TRUE);
}

static void
on_project_place_activated (MigmapWindow *self, const char *place_id)
{
  MigmapPlace *place = migmap_catalogue_lookup_place (self->catalogue, place_id);

  if (place)
    show_place (self, place);
}

/* A marker shows its country, with what happened at the place on top. */
static void
on_map_marker_activated (MigmapWindow *self, const char *place_id)
{
  MigmapPlace *place = migmap_catalogue_lookup_place (self->catalogue, place_id);

  if (place == NULL || migmap_place_get_country (place) == NULL)
    return;
  migmap_window_select_country (self, migmap_place_get_country (place), FALSE);
  migmap_country_panel_set_place (self->country_panel, self->catalogue, place);
}

static char *
country_tooltip (const MigmapFeature *feature, gpointer user_data)
{
  MigmapWindow *self = user_data;
  g_autoptr(GPtrArray) projects = migmap_catalogue_projects_in_country (self->catalogue, feature->code, NULL);

  return g_strdup_printf (ngettext ("%s\n%u project", "%s\n%u projects", projects->len),
                          country_name (self, feature->code), projects->len);
}

/* ---- countries list ---- */

static int
compare_names (gconstpointer a, gconstpointer b, gpointer user_data)
{
  MigmapWindow *self = user_data;
  return g_utf8_collate (country_name (self, *(const char * const *) a), country_name (self, *(const char * const *) b));
}

static void
build_countries_list (MigmapWindow *self)
{
  MigmapShapeSet *shapes = migmap_map_view_get_shapes (self->map_view);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  migmap_list_box_clear (self->countries_list);
  for (guint i = 0; i < migmap_shape_set_get_n_features (shapes); i++)
    g_ptr_array_add (codes, migmap_shape_set_get_feature (shapes, i)->code);
  g_ptr_array_sort_with_data (codes, compare_names, self);

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      GtkWidget *label = gtk_label_new (country_name (self, code));
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "code", g_strdup (code), g_free);
      gtk_list_box_append (self->countries_list, row);
    }
}

static void
on_country_row_activated (MigmapWindow *self, GtkListBoxRow *row)
{
  migmap_window_select_country (self, g_object_get_data (G_OBJECT (row), "code"), TRUE);
  migmap_country_panel_focus (self->country_panel);
}

/* ---- search ---- */

static void
add_result (MigmapWindow *self, ResultKind kind, const char *id, const char *title, const char *detail)
{
  SearchResult *result = g_new0 (SearchResult, 1);

  result->kind = kind;
  result->id = g_strdup (id);
  result->title = g_strdup (title);
  result->detail = g_strdup (detail);
  g_ptr_array_add (self->results, result);
}

static const char *
kind_label (ResultKind kind)
{
  switch (kind)
    {
    case RESULT_COUNTRY: return _("Country");
    case RESULT_PROJECT: return _("Project");
    case RESULT_ORGANISATION: return _("Organisation");
    case RESULT_PLACE: return _("Place");
    case RESULT_EVENT: return _("Event");
    default: return "";
    }
}

static void
find_countries (MigmapWindow *self, const char * const *words)
{
  MigmapShapeSet *shapes = migmap_map_view_get_shapes (self->map_view);
  MigmapCountryCodes *codes = migmap_catalogue_get_country_codes (self->catalogue);

  for (guint i = 0; i < migmap_shape_set_get_n_features (shapes); i++)
    {
      const MigmapFeature *feature = migmap_shape_set_get_feature (shapes, i);
      /* Every name a user may know the country by. */
      const char *names[] = { country_name (self, feature->code), feature->name,
                              migmap_country_codes_get_search_names (codes, feature->code), feature->code };
      g_autoptr(GString) haystack = g_string_new (NULL);
      g_autofree char *folded = NULL;

      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        if (names[n])
          g_string_append_printf (haystack, "%s\n", names[n]);
      folded = migmap_text_fold (haystack->str);
      if (migmap_text_matches (folded, words))
        add_result (self, RESULT_COUNTRY, feature->code, country_name (self, feature->code), NULL);
    }
}

static void
find_catalogue_entities (MigmapWindow *self, const char *query)
{
  g_autoptr(GPtrArray) found = migmap_catalogue_search (self->catalogue, query);

  for (guint i = 0; i < found->len; i++)
    {
      GObject *item = g_ptr_array_index (found, i);

      if (MIGMAP_IS_PROJECT (item))
        add_result (self, RESULT_PROJECT, migmap_project_get_id (MIGMAP_PROJECT (item)),
                    migmap_project_get_title (MIGMAP_PROJECT (item)), migmap_project_get_acronym (MIGMAP_PROJECT (item)));
      else if (MIGMAP_IS_ORGANISATION (item))
        add_result (self, RESULT_ORGANISATION, migmap_organisation_get_id (MIGMAP_ORGANISATION (item)),
                    migmap_organisation_get_name (MIGMAP_ORGANISATION (item)),
                    migmap_organisation_get_acronym (MIGMAP_ORGANISATION (item)));
      else if (MIGMAP_IS_PLACE (item))
        add_result (self, RESULT_PLACE, migmap_place_get_id (MIGMAP_PLACE (item)),
                    migmap_place_get_name (MIGMAP_PLACE (item)),
                    migmap_place_get_country (MIGMAP_PLACE (item))
                      ? country_name (self, migmap_place_get_country (MIGMAP_PLACE (item))) : NULL);
      else if (MIGMAP_IS_EVENT (item))
        add_result (self, RESULT_EVENT, migmap_event_get_id (MIGMAP_EVENT (item)),
                    migmap_event_get_title (MIGMAP_EVENT (item)), NULL);
    }
}

static GtkWidget *
new_result_row (SearchResult *result)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (result->title);
  g_autofree char *detail_text = result->detail && *result->detail
    ? g_strdup_printf ("%s · %s", kind_label (result->kind), result->detail) : g_strdup (kind_label (result->kind));
  GtkWidget *detail = gtk_label_new (detail_text);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

void
migmap_window_search (MigmapWindow *self, const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_auto(GStrv) words = NULL;
  g_autofree char *status = NULL;

  g_return_if_fail (MIGMAP_IS_WINDOW (self));

  g_ptr_array_set_size (self->results, 0);
  migmap_list_box_clear (self->search_results);
  if (*trimmed == '\0')
    {
      if (g_str_equal (migmap_window_get_side_page (self), "search"))
        show_page (self, self->page_before_search ? self->page_before_search : "welcome");
      return;
    }
  if (!g_str_equal (migmap_window_get_side_page (self), "search"))
    {
      g_free (self->page_before_search);
      self->page_before_search = g_strdup (migmap_window_get_side_page (self));
    }

  folded = migmap_text_fold (text);
  words = g_strsplit_set (g_strstrip (folded), " \t", -1);
  find_countries (self, (const char * const *) words);
  find_catalogue_entities (self, text);

  for (guint i = 0; i < self->results->len; i++)
    gtk_list_box_append (self->search_results, new_result_row (g_ptr_array_index (self->results, i)));
  if (self->results->len)
    {
      gtk_list_box_select_row (self->search_results, gtk_list_box_get_row_at_index (self->search_results, 0));
      status = g_strdup_printf (ngettext ("%u result", "%u results", self->results->len), self->results->len);
    }
  else
    status = g_strdup_printf (_("Nothing matches “%s”"), text);
  gtk_label_set_text (self->search_status, status);
  show_page (self, "search");
}

guint
migmap_window_get_n_search_results (MigmapWindow *self)
{
  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), 0);
  return self->results->len;
}

const char *
migmap_window_get_search_result (MigmapWindow *self, guint index, const char **kind)
{
  SearchResult *result;

  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->results->len, NULL);

  result = g_ptr_array_index (self->results, index);
  if (kind)
    *kind = result->kind == RESULT_COUNTRY ? "country" : result->kind == RESULT_PROJECT ? "project"
          : result->kind == RESULT_ORGANISATION ? "organisation" : result->kind == RESULT_PLACE ? "place" : "event";
  return result->id;
}

/* Selects the result and centres the map on it. */
void
migmap_window_activate_search_result (MigmapWindow *self, guint index)
{
  SearchResult *result;

  g_return_if_fail (MIGMAP_IS_WINDOW (self));
  g_return_if_fail (index < self->results->len);

  result = g_ptr_array_index (self->results, index);
  switch (result->kind)
    {
    case RESULT_COUNTRY:
      migmap_window_select_country (self, result->id, TRUE);
      break;
    case RESULT_PROJECT:
      {
        MigmapProject *project = migmap_catalogue_lookup_project (self->catalogue, result->id);
        const char * const *countries = migmap_project_get_countries (project);

        migmap_window_show_project (self, project);
        if (countries && countries[0] && !countries[1])
          fit_country (self, countries[0]);
        break;
      }
    case RESULT_ORGANISATION:
      {
        g_autoptr(GPtrArray) projects = migmap_catalogue_projects_for_organisation (self->catalogue, result->id);
        if (projects->len)
          migmap_window_show_project (self, g_ptr_array_index (projects, 0));
        break;
      }
    case RESULT_PLACE:
      {
        MigmapPlace *place = migmap_catalogue_lookup_place (self->catalogue, result->id);

        if (migmap_place_get_country (place))
          migmap_window_select_country (self, migmap_place_get_country (place), FALSE);
        show_place (self, place);
        break;
      }
    case RESULT_EVENT:
      {
        MigmapEvent *event = migmap_catalogue_lookup_event (self->catalogue, result->id);
        const char *place_id = migmap_event_get_place_id (event);
        const char *project_id = migmap_event_get_project_id (event);
        MigmapPlace *place = place_id ? migmap_catalogue_lookup_place (self->catalogue, place_id) : NULL;
        MigmapProject *project = project_id ? migmap_catalogue_lookup_project (self->catalogue, project_id) : NULL;

        if (project)
          migmap_window_show_project (self, project);
        if (place)
          show_place (self, place);
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
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->search_results);

  if (self->results->len)
    migmap_window_activate_search_result (self, row ? (guint) gtk_list_box_row_get_index (row) : 0);
}

static void
on_search_stop (MigmapWindow *self)
{
  gtk_toggle_button_set_active (self->search_button, FALSE);
}

static void
on_search_row_activated (MigmapWindow *self, GtkListBoxRow *row)
{
  migmap_window_activate_search_result (self, gtk_list_box_row_get_index (row));
}

/* ---- actions ---- */

gboolean
migmap_window_open_shapefile (MigmapWindow *self, const char *path, GError **error)
{
  g_autoptr(MigmapShapeSet) shapes = NULL;

  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Load first: on failure nothing on screen has changed. */
  shapes = migmap_shape_set_new_from_file (path, NULL, error);
  if (shapes == NULL)
    return FALSE;
  migmap_map_view_set_shapes (self->map_view, shapes);
  migmap_map_view_set_detailed_shapes (self->map_view, NULL);
  build_countries_list (self);
  migmap_window_select_country (self, NULL, FALSE);
  return TRUE;
}

static void
show_error (MigmapWindow *self, const char *primary, const char *secondary)
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
    show_error (self, _("Could not open the shapefile"), _("Only local files can be opened."));
  else if (!migmap_window_open_shapefile (self, path, &error))
    show_error (self, _("Could not open the shapefile"), error->message);
}

static void
on_open_response (GtkNativeDialog *dialog, int response, MigmapWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      migmap_window_load_shapefile (self, file);
    }
  g_object_unref (dialog);
}

static void
open_shapefile_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  MigmapWindow *self = MIGMAP_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  (void) action_name; (void) parameter;
  chooser = gtk_file_chooser_native_new (_("Open Shapefile"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Shapefiles"));
  gtk_file_filter_add_pattern (filter, "*.shp");
  gtk_file_filter_add_pattern (filter, "*.SHP");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  MigmapWindow *self = MIGMAP_WINDOW (widget);
  g_autoptr(MigmapSnapshot) snapshot = migmap_snapshot_new (self);
  g_autoptr(GError) error = NULL;
  GtkPageSetup *chosen = NULL;

  (void) action_name; (void) parameter;
  if (migmap_snapshot_print (snapshot, GTK_WINDOW (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                             self->page_setup, NULL, &chosen, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("Could not print the map"), error->message);
  if (chosen)
    {
      g_clear_object (&self->page_setup);
      self->page_setup = chosen;
    }
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  MigmapWindow *self = MIGMAP_WINDOW (widget);
  g_autoptr(MigmapSnapshot) snapshot = migmap_snapshot_new (self);

  (void) action_name; (void) parameter;
  gtk_window_present (GTK_WINDOW (migmap_export_dialog_new (GTK_WINDOW (self), snapshot)));
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  MigmapWindow *self = MIGMAP_WINDOW (widget);

  (void) action_name; (void) parameter;
  gtk_toggle_button_set_active (self->search_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
reset_view_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  (void) action_name; (void) parameter;
  migmap_map_view_reset_view (MIGMAP_WINDOW (widget)->map_view);
}

static void
zoom_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  (void) parameter;
  migmap_map_view_zoom (MIGMAP_WINDOW (widget)->map_view, g_str_equal (action_name, "win.zoom-in") ? 1.5 : 1 / 1.5);
}

/* ---- state across runs ---- */

static void
restore_state (MigmapWindow *self)
{
  MigmapViewport *viewport = migmap_map_view_get_viewport (self->map_view);
  MigmapProjection projection;
  g_autofree char *projection_name = NULL;
  double lon, lat;

  if (self->settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  projection_name = g_settings_get_string (self->settings, "projection");
  if (migmap_projection_from_string (projection_name, &projection))
    migmap_viewport_set_projection (viewport, projection);
  /* Until a view was saved, the map fits the Mediterranean to the window. */
  {
    g_autoptr(GVariant) saved = g_settings_get_user_value (self->settings, "view-center");

    if (saved == NULL)
      return;
  }
  g_settings_get (self->settings, "view-center", "(dd)", &lon, &lat);
  migmap_viewport_set_center_geo (viewport, lon, lat);
  migmap_viewport_set_resolution (viewport, g_settings_get_double (self->settings, "view-resolution"));
  migmap_map_view_set_view_restored (self->map_view);
}

static void
save_state (MigmapWindow *self)
{
  MigmapViewport *viewport = migmap_map_view_get_viewport (self->map_view);
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
  save_state (MIGMAP_WINDOW (window));
  return GTK_WINDOW_CLASS (migmap_window_parent_class)->close_request (window);
}

/* ---- object ---- */

static void
migmap_window_dispose (GObject *object)
{
  MigmapWindow *self = MIGMAP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIGMAP_TYPE_WINDOW);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->layers);
  g_clear_object (&self->settings);
  g_clear_object (&self->page_setup);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->page_before_search, g_free);

  G_OBJECT_CLASS (migmap_window_parent_class)->dispose (object);
}

/* "projection" mirrors the viewport's, as a string, for the radio menu. */
static void
migmap_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  MigmapWindow *self = MIGMAP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECTION:
      /* The action asks before the template is built. */
      g_value_set_string (value, self->map_view
                                   ? migmap_projection_to_string (migmap_viewport_get_projection (
                                       migmap_map_view_get_viewport (self->map_view)))
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
      if (migmap_projection_from_string (g_value_get_string (value), &projection))
        migmap_viewport_set_projection (migmap_map_view_get_viewport (self->map_view), projection);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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

  properties[PROP_PROJECTION] =
    g_param_spec_string ("projection", NULL, NULL, "laea",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MIGMAP_TYPE_MAP_VIEW);
  g_type_ensure (MIGMAP_TYPE_LAYERS_PANEL);
  g_type_ensure (MIGMAP_TYPE_COUNTRY_PANEL);
  g_type_ensure (MIGMAP_TYPE_PROJECT_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/migmap/MigMap/migmap-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, layers_panel);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, countries_list);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, country_panel);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, project_panel);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, search_status);
  gtk_widget_class_bind_template_child (widget_class, MigmapWindow, search_results);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_search_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_country_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_map_country_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_map_marker_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_project_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_project_back);
  gtk_widget_class_bind_template_callback (widget_class, on_project_country_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_project_place_activated);

  gtk_widget_class_install_action (widget_class, "win.open-shapefile", NULL, open_shapefile_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.reset-view", NULL, reset_view_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_property_action (widget_class, "win.projection", "projection");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-shapefile", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.reset-view", NULL);
}

static void
migmap_window_init (MigmapWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->layers = g_list_store_new (MIGMAP_TYPE_LAYER);
  self->results = g_ptr_array_new_with_free_func (search_result_free);
  self->settings = migmap_application_dup_settings ();
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
  self->catalogue = g_object_ref (catalogue);
  migmap_map_view_set_label_func (self->map_view, migmap_style_country_label,
                                  migmap_catalogue_get_country_codes (catalogue));
  migmap_map_view_set_shapes (self->map_view, shapes);
  if (detailed_shapes)
    migmap_map_view_set_detailed_shapes (self->map_view, detailed_shapes);

  build_layers (self);
  migmap_map_view_set_layers (self->map_view, G_LIST_MODEL (self->layers));
  migmap_layers_panel_set_layers (self->layers_panel, G_LIST_MODEL (self->layers));
  migmap_map_view_set_tooltip_func (self->map_view, country_tooltip, self, NULL);
  build_countries_list (self);
  restore_state (self);
  g_signal_connect_object (migmap_map_view_get_viewport (self->map_view), "notify::projection",
                           G_CALLBACK (on_viewport_projection), self, G_CONNECT_SWAPPED);
  return self;
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
  return G_LIST_MODEL (self->layers);
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
  return self->catalogue;
}

/* The ids of the layers on, markers included. */
GStrv
migmap_window_dup_visible_layers (MigmapWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (MIGMAP_IS_WINDOW (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->layers)); i++)
    {
      g_autoptr(MigmapLayer) layer = g_list_model_get_item (G_LIST_MODEL (self->layers), i);
      if (migmap_layer_get_visible (layer))
        g_strv_builder_add (builder, migmap_layer_get_id (layer));
    }
  return g_strv_builder_end (builder);
}
