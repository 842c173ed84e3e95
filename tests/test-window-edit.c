/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-edit.c: editing the catalogue in the window, as a user does:
 * the edit form's own widgets, real clicks and keys (xdotool), the saved
 * file read again by a new window, the map's pixels */
#include <math.h>

#include "migmap-data-files.h"
#include "migmap-edit-dialog.h"
#include "migmap-edit-list.h"
#include "migmap-language.h"
#include "migmap-widget-helpers.h"
#include "migmap-window.h"
#include "window-test-support.h"

#define WAIT_MS 20000

static GtkApplication *app;

typedef struct {
  char                *dir;
  char                *path;      /* the user's catalogue, a copy of the bundled one */
  MigmapCountryCodes  *codes;
  MigmapShapeSet      *shapes;
  MigmapCatalogueFile *file;
  MigmapWindow        *window;
} Fixture;

static void
open_window (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->file = migmap_catalogue_file_open (f->path, NULL, f->codes, &error);
  g_assert_no_error (error);
  f->window = new_window_for_file (app, f->file, f->shapes);
  present_window (f->window, 1400, 960, WAIT_MS);
  show_mediterranean (f->window);
}

static void
close_window (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  settle (50);
  g_clear_object (&f->file);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = make_temp_dir ("migmap-edit-XXXXXX");
  f->path = copy_bundled_catalogue (f->dir);
  f->codes = migmap_country_codes_new_default (&error);
  g_assert_no_error (error);
  f->shapes = load_bundled_shapes ();
  open_window (f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->window)
    close_window (f);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_object_unref (f->codes);
  g_object_unref (f->shapes);
}

/* ---- real input, real pixels ---- */

static gboolean
has_focus (gpointer data)
{
  GtkWidget *widget = data;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus && (focus == widget || gtk_widget_is_ancestor (focus, widget)) &&
         gtk_window_is_active (GTK_WINDOW (root));
}

/* Types @text into @entry with real key events. */
static void
type_into (GtkWidget *entry, const char *text)
{
  g_autofree char *quoted = g_shell_quote (text);
  g_autofree char *args = g_strdup_printf ("type --delay 20 --window %lu %s", surface_xid (entry), quoted);

  gtk_widget_grab_focus (entry);
  g_assert_true (wait_until (has_focus, entry, WAIT_MS));
  xdotool (args);
}

/* The renderer's emphasis veil (src/core/migmap-renderer.c, draw_emphasis):
 * rgba (0.1, 0.08, 0.15, 0.16) over the country's own colour. */
static void
assert_highlighted (guint32 pixel, guint32 before)
{
  const double veil[3] = { 0.1, 0.08, 0.15 };

  for (guint i = 0; i < 3; i++)
    {
      int shift = 16 - 8 * (int) i;
      double own = (before >> shift) & 0xff;
      int expected = (int) lround (own * 0.84 + 255 * veil[i] * 0.16);
      int got = (pixel >> shift) & 0xff;

      g_assert_cmpint (abs (got - expected), <=, 2);
    }
}

/* ---- the form ---- */

static MigmapEditDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (MIGMAP_IS_EDIT_DIALOG (window))
        return MIGMAP_EDIT_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_is_shown (gpointer data)
{
  MigmapEditDialog *dialog = find_dialog ();
  return dialog && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
dialog_is_hidden (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
dialog_is_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static MigmapEditDialog *
open_form (Fixture *f, const char *action, GVariant *target)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, target));
  g_assert_true (wait_until (dialog_is_shown, NULL, WAIT_MS));
  return find_dialog ();
}

static GtkWidget *
field (MigmapEditDialog *dialog, const char *name)
{
  GtkWidget *widget = migmap_edit_dialog_get_field (dialog, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
set_field (MigmapEditDialog *dialog, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, name)), text);
  drain ();
}

/* Clicks the list's Add button and fills the new row with @code. */
static MigmapEditRow *
add_country (MigmapEditDialog *dialog, const char *list_name, const char *code)
{
  MigmapEditList *list = MIGMAP_EDIT_LIST (field (dialog, list_name));
  GListModel *rows = migmap_edit_list_get_rows (list);
  guint before = g_list_model_get_n_items (rows);
  g_autoptr(MigmapEditRow) row = NULL;

  click_center (GTK_WIDGET (migmap_edit_list_get_add_button (list)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, before + 1);
  row = g_list_model_get_item (rows, before);
  gtk_editable_set_text (GTK_EDITABLE (migmap_edit_row_get_entry (row)), code);
  /* On, as Tab would: the completion's list closes and uncovers the next. */
  gtk_widget_grab_focus (GTK_WIDGET (migmap_edit_list_get_add_button (list)));
  drain ();
  return row;
}

static gboolean
save_is_sensitive (MigmapEditDialog *dialog)
{
  return gtk_widget_get_sensitive (migmap_edit_dialog_get_save_button (dialog));
}

/* ---- conditions ---- */

typedef struct {
  GtkWidget  *panel;
  const char *text;
  gboolean    present;
} ExpectText;

static gboolean
panel_text_is (gpointer data)
{
  ExpectText *e = data;
  g_autofree char *text = migmap_widget_dup_text (e->panel);

  return (strstr (text, e->text) != NULL) == e->present;
}

/* The button bound to the window's action @action_name. */
static gboolean
is_button_for_action (GtkWidget *widget, gconstpointer action_name)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static gboolean
is_laid_out (gpointer data)
{
  GtkWidget *widget = data;
  return gtk_widget_is_drawable (widget) && gtk_widget_get_width (widget) > 0;
}

/* ---- tests ---- */

#define TITLE "Maghreb Mobility Pilot"
#define ID "maghreb-mobility-pilot"

static void
test_add_project_then_restart (Fixture *f, gconstpointer data)
{
  MigmapEditDialog *dialog;
  MigmapEditRow *tunisia;
  ExpectProject shown = { &f->window, ID };
  ExpectResult listed = { &f->window, "project", ID };
  ExpectCountry tun = { &f->window, "TUN" };
  MigmapMapView *map;
  MigmapDate start = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  double tx, ty, mx, my, ax, ay;
  guint32 tunisia_before, morocco_before, algeria_before;

  dialog = open_form (f, "win.new-entity", g_variant_new_string ("projects"));
  g_assert_cmpstr (migmap_edit_dialog_get_kind (dialog), ==, "projects");

  /* The id follows the title as it is typed. */
  type_into (field (dialog, "title"), TITLE);
  drain ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "title"))), ==, TITLE);
  g_assert_cmpstr (migmap_edit_dialog_get_id (dialog), ==, ID);

  tunisia = add_country (dialog, "countries", "TUN");
  /* The country's name beside its code. */
  g_assert_cmpstr (migmap_edit_row_get_name (tunisia), ==,
                   migmap_country_codes_get_translated_name (f->codes, "TUN"));
  add_country (dialog, "countries", "mar");
  set_field (dialog, "start", "2024-05");
  set_field (dialog, "end", "2025-06");

  /* Valid, but no source yet: Save waits for one and says so. */
  g_assert_null (migmap_edit_dialog_get_field_error (dialog, "countries"));
  g_assert_false (save_is_sensitive (dialog));
  g_assert_nonnull (migmap_edit_dialog_get_status (dialog));
  g_assert_nonnull (strstr (migmap_edit_dialog_get_status (dialog), "source"));

  type_into (field (dialog, "source"), "Phone call with the Tunis office, 2026-11-20");
  drain ();
  g_assert_true (save_is_sensitive (dialog));
  json = migmap_edit_dialog_dup_json (dialog);
  g_test_message ("saving %s", json);
  g_assert_nonnull (strstr (json, "\"countries\":[\"TUN\",\"MAR\"]"));

  click_center (migmap_edit_dialog_get_save_button (dialog));
  g_assert_true (wait_until (dialog_is_gone, NULL, WAIT_MS));
  /* The new project is shown, and the map is at a date it runs. */
  g_assert_true (wait_until (project_shown, &shown, WAIT_MS));
  g_assert_true (migmap_date_parse ("2024-05", &start));
  g_assert_true (migmap_date_equal (migmap_map_state_get_date (migmap_window_get_state (f->window)), &start));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  g_assert_false (migmap_catalogue_editor_is_modified (migmap_catalogue_file_get_editor (f->file)));

  /* Restart: a new file object and a new window on the same path. */
  close_window (f);
  open_window (f);
  g_assert_nonnull (migmap_catalogue_lookup_project (migmap_window_get_catalogue (f->window), ID));

  /* Found by search. */
  migmap_window_search (f->window, TITLE);
  g_assert_true (wait_until (first_result_is, &listed, WAIT_MS));

  /* On the map at its date: Tunisia lists it. */
  migmap_map_state_set_date (migmap_window_get_state (f->window), &start);
  map = migmap_window_get_map_view (f->window);
  /* Clear of the countries' names and borders. */
  geo_to_map (f->window, 9.8, 32.6, &tx, &ty);     /* southern Tunisia */
  geo_to_map (f->window, -8.0, 30.0, &mx, &my);    /* southern Morocco */
  geo_to_map (f->window, 6.0, 24.0, &ax, &ay);     /* Algeria, not in the project */
  settle (300);
  click (GTK_WIDGET (map), tx, ty);
  g_assert_true (wait_until (country_selected, &tun, WAIT_MS));
  g_assert_true (wait_until (panel_text_is, &(ExpectText) { GTK_WIDGET (migmap_window_get_country_panel (f->window)),
                                                            TITLE, TRUE }, WAIT_MS));

  /* Selected, the project's countries are highlighted. */
  migmap_map_state_select (migmap_window_get_state (f->window), NULL, NULL, NULL);
  settle (500);
  tunisia_before = screen_pixel (GTK_WIDGET (map), tx, ty);
  morocco_before = screen_pixel (GTK_WIDGET (map), mx, my);
  algeria_before = screen_pixel (GTK_WIDGET (map), ax, ay);
  migmap_window_search (f->window, TITLE);
  g_assert_true (wait_until (first_result_is, &listed, WAIT_MS));
  migmap_window_activate_search_result (f->window, 0);
  g_assert_true (wait_until (project_shown, &shown, WAIT_MS));
  g_assert_true (wait_until (pixel_matches, &(PixelWait) { GTK_WIDGET (map), tx, ty, tunisia_before, FALSE }, WAIT_MS));
  g_test_message ("Tunisia %06x -> %06x", tunisia_before, screen_pixel (GTK_WIDGET (map), tx, ty));
  assert_highlighted (screen_pixel (GTK_WIDGET (map), tx, ty), tunisia_before);
  assert_highlighted (screen_pixel (GTK_WIDGET (map), mx, my), morocco_before);
  g_assert_cmphex (screen_pixel (GTK_WIDGET (map), ax, ay), ==, algeria_before);
}

static void
test_undo_an_edit (Fixture *f, gconstpointer data)
{
  MigmapEditDialog *dialog;
  MigmapProject *amedip = migmap_catalogue_lookup_project (migmap_window_get_catalogue (f->window), "amedip");
  ExpectProject shown = { &f->window, "amedip" };
  GtkWidget *panel = GTK_WIDGET (migmap_window_get_project_panel (f->window));
  GtkWidget *edit_button;

  g_assert_nonnull (amedip);
  migmap_window_show_project (f->window, amedip);
  g_assert_true (wait_until (project_shown, &shown, WAIT_MS));
  g_assert_true (wait_until (panel_text_is, &(ExpectText) { panel, "2011–2014", TRUE }, WAIT_MS));

  /* The page's Edit button opens the form on the project, as it is. */
  edit_button = find_widget (panel, is_button_for_action, "win.edit-entity");
  g_assert_nonnull (edit_button);
  g_assert_true (gtk_widget_is_sensitive (edit_button));
  g_assert_true (wait_until (is_laid_out, edit_button, WAIT_MS));
  click_center (edit_button);
  g_assert_true (wait_until (dialog_is_shown, NULL, WAIT_MS));
  dialog = find_dialog ();
  g_assert_cmpstr (migmap_edit_dialog_get_id (dialog), ==, "amedip");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "end"))), ==, "2014-09");

  set_field (dialog, "end", "2016-03");
  set_field (dialog, "source", "Letter from the programme team");
  g_assert_true (save_is_sensitive (dialog));
  click_center (migmap_edit_dialog_get_save_button (dialog));
  g_assert_true (wait_until (dialog_is_gone, NULL, WAIT_MS));
  g_assert_true (wait_until (panel_text_is, &(ExpectText) { panel, "2011–2016", TRUE }, WAIT_MS));

  /* Ctrl+Z on the window, as a key: the page shows the old end again. */
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_widget_grab_focus (GTK_WIDGET (migmap_window_get_map_view (f->window)));
  g_assert_true (wait_until (has_focus, migmap_window_get_map_view (f->window), WAIT_MS));
  xdotool ("key --clearmodifiers ctrl+z");
  g_assert_true (wait_until (panel_text_is, &(ExpectText) { panel, "2011–2014", TRUE }, WAIT_MS));
  g_assert_true (panel_text_is (&(ExpectText) { panel, "2016", FALSE }));
}

static void
test_inline_errors (Fixture *f, gconstpointer data)
{
  MigmapEditDialog *dialog = open_form (f, "win.new-entity", g_variant_new_string ("projects"));
  MigmapEditRow *bad;
  MigmapEditList *countries;
  const char *message;

  set_field (dialog, "title", "Border Pilot");
  set_field (dialog, "source", "Minutes of the steering committee");
  add_country (dialog, "countries", "TUN");
  g_assert_true (save_is_sensitive (dialog));

  /* An unknown country: said under the list, its entry marked, no Save. */
  bad = add_country (dialog, "countries", "XYZ");
  message = migmap_edit_dialog_get_field_error (dialog, "countries");
  g_assert_nonnull (message);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "XYZ"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (migmap_edit_row_get_entry (bad)), "error"));
  g_assert_false (save_is_sensitive (dialog));

  /* Removing the row clears it. */
  countries = MIGMAP_EDIT_LIST (field (dialog, "countries"));
  g_signal_emit_by_name (bad, "remove");
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (migmap_edit_list_get_rows (countries)), ==, 1);
  g_assert_null (migmap_edit_dialog_get_field_error (dialog, "countries"));
  g_assert_true (save_is_sensitive (dialog));

  /* An end before the start: said under the end. */
  set_field (dialog, "start", "2024-05");
  set_field (dialog, "end", "2023");
  message = migmap_edit_dialog_get_field_error (dialog, "end");
  g_assert_nonnull (message);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "2023"));
  g_assert_nonnull (strstr (message, "2024-05"));
  g_assert_true (gtk_widget_has_css_class (field (dialog, "end"), "error"));
  g_assert_false (save_is_sensitive (dialog));

  /* A date that is no date. */
  set_field (dialog, "end", "2025-13");
  g_assert_nonnull (migmap_edit_dialog_get_field_error (dialog, "end"));
  g_assert_false (save_is_sensitive (dialog));
  set_field (dialog, "end", "2025");
  g_assert_null (migmap_edit_dialog_get_field_error (dialog, "end"));
  g_assert_false (gtk_widget_has_css_class (field (dialog, "end"), "error"));

  /* A dangling reference. */
  set_field (dialog, "implementing_agency", "atlantis");
  message = migmap_edit_dialog_get_field_error (dialog, "implementing_agency");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "atlantis"));
  g_assert_false (save_is_sensitive (dialog));
  set_field (dialog, "implementing_agency", "icmpd");
  g_assert_true (save_is_sensitive (dialog));

  /* An id already taken. */
  set_field (dialog, "id", "amedip");
  g_assert_nonnull (migmap_edit_dialog_get_field_error (dialog, "id"));
  g_assert_false (save_is_sensitive (dialog));

  /* No source, no Save, whatever else is right. */
  set_field (dialog, "id", "border-pilot");
  set_field (dialog, "source", "");
  g_assert_false (save_is_sensitive (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (wait_until (dialog_is_gone, NULL, WAIT_MS));
}

static void
test_place_picked_on_map (Fixture *f, gconstpointer data)
{
  MigmapEditDialog *dialog = open_form (f, "win.new-entity", g_variant_new_string ("places"));
  MigmapMapView *map = migmap_window_get_map_view (f->window);
  double x, y;
  double lon, lat;

  set_field (dialog, "name", "Sfax");
  set_field (dialog, "country", "TUN");
  set_field (dialog, "source", "Field visit report");
  g_assert_nonnull (migmap_edit_dialog_get_pick_button (dialog));
  click_center (GTK_WIDGET (migmap_edit_dialog_get_pick_button (dialog)));
  /* The form steps aside for the click. */
  g_assert_true (wait_until (dialog_is_hidden, dialog, WAIT_MS));
  geo_to_map (f->window, 10.76, 34.74, &x, &y);
  click (GTK_WIDGET (map), x, y);
  g_assert_true (wait_until (dialog_is_shown, NULL, WAIT_MS));
  drain ();
  lon = g_ascii_strtod (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "lon"))), NULL);
  lat = g_ascii_strtod (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "lat"))), NULL);
  g_test_message ("picked %f, %f", lon, lat);
  g_assert_cmpfloat (fabs (lon - 10.76), <, 0.3);
  g_assert_cmpfloat (fabs (lat - 34.74), <, 0.3);
  /* The click filled the point and selected nothing. */
  g_assert_null (migmap_map_state_get_selected_country (migmap_window_get_state (f->window)));
  g_assert_false (gtk_toggle_button_get_active (migmap_edit_dialog_get_pick_button (dialog)));
  g_test_message ("%s", migmap_edit_dialog_get_status (dialog));
  g_assert_true (save_is_sensitive (dialog));
  click_center (migmap_edit_dialog_get_save_button (dialog));
  g_assert_true (wait_until (dialog_is_gone, NULL, WAIT_MS));
  g_assert_nonnull (migmap_catalogue_lookup_place (migmap_window_get_catalogue (f->window), "sfax"));
}

static GtkMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
message_dialog_gone (gpointer data)
{
  return find_message_dialog () == NULL;
}

static void
test_delete_referenced_place (Fixture *f, gconstpointer data)
{
  MigmapCatalogueEditor *editor = migmap_catalogue_file_get_editor (f->file);
  GtkMessageDialog *message;
  g_autofree char *secondary = NULL;

  /* Tunis is where projects and events are: asked, then refused with what refers to it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-entity", "(ss)", "places", "tunis"));
  g_assert_true (wait_until (message_dialog_shown, NULL, WAIT_MS));
  gtk_dialog_response (GTK_DIALOG (find_message_dialog ()), GTK_RESPONSE_ACCEPT);
  g_assert_true (wait_until (message_dialog_shown, NULL, WAIT_MS));
  message = find_message_dialog ();
  g_object_get (message, "secondary-text", &secondary, NULL);
  g_test_message ("%s", secondary);
  /* It names what refers to Tunis by its title, not by its place in the file. */
  {
    g_autoptr(GPtrArray) at_tunis = migmap_catalogue_projects_at_place (migmap_window_get_catalogue (f->window),
                                                                         "tunis", NULL);
    gboolean named = FALSE;

    for (guint i = 0; i < at_tunis->len; i++)
      named |= strstr (secondary, migmap_project_get_title (at_tunis->pdata[i])) != NULL;
    g_assert_true (named);
    g_assert_null (strstr (secondary, "["));
  }
  g_assert_nonnull (migmap_catalogue_lookup_place (migmap_window_get_catalogue (f->window), "tunis"));
  g_assert_false (migmap_catalogue_editor_is_modified (editor));
  gtk_dialog_response (GTK_DIALOG (message), GTK_RESPONSE_CLOSE);
  g_assert_true (wait_until (message_dialog_gone, NULL, WAIT_MS));
}

/* The country page's "New Project in This Country" starts with the country. */
static void
test_new_project_in_country (Fixture *f, gconstpointer data)
{
  ExpectCountry tun = { &f->window, "TUN" };
  GtkWidget *panel = GTK_WIDGET (migmap_window_get_country_panel (f->window));
  GtkWidget *button = NULL;
  MigmapEditDialog *dialog;
  GListModel *rows;
  g_autoptr(MigmapEditRow) row = NULL;

  migmap_window_select_country (f->window, "TUN", FALSE);
  g_assert_true (wait_until (country_selected, &tun, WAIT_MS));
  button = find_widget (panel, is_button_for_action, "win.new-entity");
  g_assert_nonnull (button);
  g_assert_true (wait_until (is_laid_out, button, WAIT_MS));
  click_center (button);
  g_assert_true (wait_until (dialog_is_shown, NULL, WAIT_MS));
  dialog = find_dialog ();
  rows = migmap_edit_list_get_rows (MIGMAP_EDIT_LIST (field (dialog, "countries")));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  row = g_list_model_get_item (rows, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (migmap_edit_row_get_entry (row))), ==, "TUN");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (wait_until (dialog_is_gone, NULL, WAIT_MS));
}

/* A group whose members have their own dates: saved as the schema says,
 * and the members at a date are the ones the dates give; its page opens. */
static void
test_group_members_with_dates (Fixture *f, gconstpointer data)
{
  MigmapEditDialog *dialog = open_form (f, "win.new-entity", g_variant_new_string ("groups"));
  MigmapEditRow *row;
  MigmapGroup *group;
  MigmapDate date = { 0 };
  g_auto(GStrv) in_2019 = NULL;
  g_auto(GStrv) in_2022 = NULL;
  g_autofree char *json = NULL;

  set_field (dialog, "name", "Pilot partner states");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (field (dialog, "kind")), 1); /* project_countries */
  set_field (dialog, "valid_from", "2018");
  add_country (dialog, "members", "TUN");
  row = add_country (dialog, "members", "MAR");
  gtk_editable_set_text (GTK_EDITABLE (migmap_edit_row_get_from_entry (row)), "2021");
  gtk_editable_set_text (GTK_EDITABLE (migmap_edit_row_get_extra_entry (row)), "joined in 2021");
  set_field (dialog, "source", "Steering committee minutes, 2021");
  json = migmap_edit_dialog_dup_json (dialog);
  g_test_message ("%s", json);
  g_assert_nonnull (strstr (json, "\"members\":[\"TUN\",{\"country\":\"MAR\",\"valid_from\":\"2021\",\"note\":\"joined in 2021\"}]"));
  /* A member leaving before it joins is said under the members. */
  gtk_editable_set_text (GTK_EDITABLE (migmap_edit_row_get_to_entry (row)), "2020");
  drain ();
  g_assert_nonnull (migmap_edit_dialog_get_field_error (dialog, "members"));
  g_assert_false (save_is_sensitive (dialog));
  gtk_editable_set_text (GTK_EDITABLE (migmap_edit_row_get_to_entry (row)), "");
  drain ();
  g_assert_true (save_is_sensitive (dialog));
  click_center (migmap_edit_dialog_get_save_button (dialog));
  g_assert_true (wait_until (dialog_is_gone, NULL, WAIT_MS));

  group = migmap_catalogue_lookup_group (migmap_window_get_catalogue (f->window), "pilot-partner-states");
  g_assert_nonnull (group);
  g_assert_true (migmap_map_state_get_selected_entity (migmap_window_get_state (f->window)) == G_OBJECT (group));
  g_assert_true (migmap_date_parse ("2019", &date));
  in_2019 = migmap_group_dup_countries_at (group, &date);
  g_assert_true (migmap_date_parse ("2022", &date));
  in_2022 = migmap_group_dup_countries_at (group, &date);
  g_assert_cmpuint (g_strv_length (in_2019), ==, 1);
  g_assert_cmpuint (g_strv_length (in_2022), ==, 2);
}

/* Without a catalogue file nothing offers to edit. */
static void
test_read_only_window (Fixture *f, gconstpointer data)
{
  ExpectCountry tun = { &f->window, "TUN" };
  GtkWidget *button;

  migmap_window_set_catalogue_file (f->window, NULL);
  migmap_window_select_country (f->window, "TUN", FALSE);
  g_assert_true (wait_until (country_selected, &tun, WAIT_MS));
  drain ();
  button = find_widget (GTK_WIDGET (migmap_window_get_country_panel (f->window)), is_button_for_action,
                        "win.new-entity");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_visible (button));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-entity", "s", "projects");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-entity", "(ss)", "projects", "amedip");
  drain ();
  g_assert_null (find_dialog ());
}

/* ---- dialogues and documents ---- */

/* The page's Edit button, clicked: the form on the page's entity. */
static MigmapEditDialog *
edit_from_page (GtkWidget *panel)
{
  GtkWidget *edit_button = find_widget (panel, is_button_for_action, "win.edit-entity");

  g_assert_nonnull (edit_button);
  g_assert_true (wait_until (is_laid_out, edit_button, WAIT_MS));
  click_center (edit_button);
  g_assert_true (wait_until (dialog_is_shown, NULL, WAIT_MS));
  return find_dialog ();
}

static char *
dup_lines (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_lines (GtkWidget *view, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  drain ();
}

static void
save_form (MigmapEditDialog *dialog, const char *source)
{
  set_field (dialog, "source", source);
  g_assert_true (save_is_sensitive (dialog));
  click_center (migmap_edit_dialog_get_save_button (dialog));
  g_assert_true (wait_until (dialog_is_gone, NULL, WAIT_MS));
}

static void
press_on_map (Fixture *f, const char *keys)
{
  g_autofree char *args = g_strdup_printf ("key --clearmodifiers %s", keys);

  gtk_window_present (GTK_WINDOW (f->window));
  gtk_widget_grab_focus (GTK_WIDGET (migmap_window_get_map_view (f->window)));
  g_assert_true (wait_until (has_focus, migmap_window_get_map_view (f->window), WAIT_MS));
  xdotool (args);
}

#define DOC_ID "amedip-tunis-summary"
#define DOC_OLD "Summary of discussions (2nd AMEDIP Workshop, Tunis)"
#define DOC_NEW "Summary of the Tunis workshop's discussions"

static void
test_edit_dialogue_and_document (Fixture *f, gconstpointer data)
{
  MigmapCatalogue *catalogue = migmap_window_get_catalogue (f->window);
  GtkWidget *panel = GTK_WIDGET (migmap_window_get_entity_panel (f->window));
  MigmapEditDialog *dialog;
  GtkMessageDialog *message;
  g_autofree char *languages = NULL;
  g_autofree char *secondary = NULL;

  /* The MTM Dialogue's page: Edit and Delete at its top. */
  migmap_window_show_entity (f->window, G_OBJECT (migmap_catalogue_lookup_dialogue (catalogue, "mtm")));
  g_assert_true (wait_until (panel_text_is, &(ExpectText) { panel, "Working languages", TRUE }, WAIT_MS));
  g_assert_true (panel_text_is (&(ExpectText) { panel, "French", TRUE }));
  g_assert_true (gtk_widget_get_visible (find_widget (panel, is_button_for_action, "win.delete-entity")));
  dialog = edit_from_page (panel);
  g_assert_cmpstr (migmap_edit_dialog_get_kind (dialog), ==, "dialogues");
  g_assert_cmpstr (migmap_edit_dialog_get_id (dialog), ==, "mtm");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "secretariat"))), ==, "icmpd");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "start"))), ==, "2002");
  languages = dup_lines (field (dialog, "languages"));
  g_assert_cmpstr (languages, ==, "ar\nen\nfr");

  /* French is no longer a working language; the start is corrected. */
  set_lines (field (dialog, "languages"), "ar\nen");
  set_field (dialog, "start", "2003");
  save_form (dialog, "Letter from the MTM secretariat, 2026-11-20");
  g_assert_true (wait_until (panel_text_is, &(ExpectText) { panel, "French", FALSE }, WAIT_MS));
  g_assert_true (panel_text_is (&(ExpectText) { panel, "Arabic", TRUE }));

  press_on_map (f, "ctrl+z");
  g_assert_true (wait_until (panel_text_is, &(ExpectText) { panel, "French", TRUE }, WAIT_MS));
  press_on_map (f, "ctrl+shift+z");
  g_assert_true (wait_until (panel_text_is, &(ExpectText) { panel, "French", FALSE }, WAIT_MS));

  /* A document's title, from its page. */
  migmap_window_show_entity (f->window, G_OBJECT (migmap_catalogue_lookup_document (migmap_window_get_catalogue (f->window),
                                                                                    DOC_ID)));
  g_assert_true (wait_until (panel_text_is, &(ExpectText) { panel, DOC_OLD, TRUE }, WAIT_MS));
  dialog = edit_from_page (panel);
  g_assert_cmpstr (migmap_edit_dialog_get_kind (dialog), ==, "documents");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "title"))), ==, DOC_OLD);
  set_field (dialog, "title", DOC_NEW);
  save_form (dialog, "002_d5eb2a2ac0996212.txt");
  g_assert_true (wait_until (panel_text_is, &(ExpectText) { panel, DOC_NEW, TRUE }, WAIT_MS));
  press_on_map (f, "ctrl+z");
  g_assert_true (wait_until (panel_text_is, &(ExpectText) { panel, DOC_OLD, TRUE }, WAIT_MS));
  press_on_map (f, "ctrl+shift+z");
  g_assert_true (wait_until (panel_text_is, &(ExpectText) { panel, DOC_NEW, TRUE }, WAIT_MS));

  /* The Tunis workshop lists the document: deleting it is refused, naming the workshop. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-entity", "(ss)", "documents", DOC_ID));
  g_assert_true (wait_until (message_dialog_shown, NULL, WAIT_MS));
  gtk_dialog_response (GTK_DIALOG (find_message_dialog ()), GTK_RESPONSE_ACCEPT);
  g_assert_true (wait_until (message_dialog_shown, NULL, WAIT_MS));
  message = find_message_dialog ();
  g_object_get (message, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, migmap_event_get_title (migmap_catalogue_lookup_event (
                                         migmap_window_get_catalogue (f->window), "amedip-workshop-tunis"))));
  gtk_dialog_response (GTK_DIALOG (message), GTK_RESPONSE_CLOSE);
  g_assert_true (wait_until (message_dialog_gone, NULL, WAIT_MS));
  g_assert_nonnull (migmap_catalogue_lookup_document (migmap_window_get_catalogue (f->window), DOC_ID));

  /* Saved, and read again by a new window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  close_window (f);
  open_window (f);
  catalogue = migmap_window_get_catalogue (f->window);
  panel = GTK_WIDGET (migmap_window_get_entity_panel (f->window));
  migmap_window_show_entity (f->window, G_OBJECT (migmap_catalogue_lookup_document (catalogue, DOC_ID)));
  g_assert_true (wait_until (panel_text_is, &(ExpectText) { panel, DOC_NEW, TRUE }, WAIT_MS));
  migmap_window_show_entity (f->window, G_OBJECT (migmap_catalogue_lookup_dialogue (catalogue, "mtm")));
  g_assert_true (wait_until (panel_text_is, &(ExpectText) { panel, "Working languages", TRUE }, WAIT_MS));
  g_assert_true (panel_text_is (&(ExpectText) { panel, "French", FALSE }));
  dialog = edit_from_page (panel);
  g_clear_pointer (&languages, g_free);
  languages = dup_lines (field (dialog, "languages"));
  g_assert_cmpstr (languages, ==, "ar\nen");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "start"))), ==, "2003");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (wait_until (dialog_is_gone, NULL, WAIT_MS));
}

int
main (int argc, char **argv)
{
  int status;

  app = window_test_init (&argc, &argv, "io.github.migmap.MigMap.TestEdit");

  g_test_add ("/window-edit/add-project-then-restart", Fixture, NULL, fixture_set_up, test_add_project_then_restart,
              fixture_tear_down);
  g_test_add ("/window-edit/undo-an-edit", Fixture, NULL, fixture_set_up, test_undo_an_edit, fixture_tear_down);
  g_test_add ("/window-edit/inline-errors", Fixture, NULL, fixture_set_up, test_inline_errors, fixture_tear_down);
  g_test_add ("/window-edit/place-picked-on-map", Fixture, NULL, fixture_set_up, test_place_picked_on_map,
              fixture_tear_down);
  g_test_add ("/window-edit/delete-referenced-place", Fixture, NULL, fixture_set_up, test_delete_referenced_place,
              fixture_tear_down);
  g_test_add ("/window-edit/group-members-with-dates", Fixture, NULL, fixture_set_up, test_group_members_with_dates,
              fixture_tear_down);
  g_test_add ("/window-edit/new-project-in-country", Fixture, NULL, fixture_set_up, test_new_project_in_country,
              fixture_tear_down);
  g_test_add ("/window-edit/edit-dialogue-and-document", Fixture, NULL, fixture_set_up, test_edit_dialogue_and_document,
              fixture_tear_down);
  g_test_add ("/window-edit/read-only-window", Fixture, NULL, fixture_set_up, test_read_only_window, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
