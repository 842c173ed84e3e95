/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-country-panel.c
 *
 * Shows the map state's selected country (and place): a click on the map
 * reaches it as view -> state -> catalogue query -> this panel.
 */
#include "config.h"

#include "migmap-country-panel.h"

#include <glib/gi18n-lib.h>

#include "migmap-catalogue-links.h"
#include "migmap-dates.h"
#include "migmap-style.h"
#include "migmap-widget-helpers.h"

struct _MigmapCountryPanel
{
  GtkWidget parent_instance;

  GtkLabel   *name_label;
  GtkWidget  *new_project_button;
  GtkLabel   *code_label;
  GtkBox     *place_box;
  GtkWidget  *groups_heading;
  GtkBox     *groups_box;
  GtkLabel   *projects_heading;
  GtkListBox *projects_list;
  GtkWidget  *no_projects_label;
  GtkWidget  *events_heading;
  GtkBox     *events_box;
  GtkLabel   *funds_heading;
  GtkBox     *funds_box;

  MigmapMapState *state;
  char       *code;
  GPtrArray  *projects;   /* MigmapProject, in list order */
};

G_DEFINE_FINAL_TYPE (MigmapCountryPanel, migmap_country_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void migmap_country_panel_get_property (GObject *, guint, GValue *, GParamSpec *);
static void migmap_country_panel_set_property (GObject *, guint, const GValue *, GParamSpec *);

static GtkWidget *
new_line (const char *text, gboolean dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
new_project_row (MigmapProject *project)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = new_line (migmap_project_get_title (project), FALSE);
  g_autofree char *years = migmap_format_years (migmap_project_get_start (project), migmap_project_get_end (project));
  g_autoptr(GString) detail = g_string_new (migmap_project_get_acronym (project));

  if (years)
    g_string_append_printf (detail, "%s%s", detail->len ? " · " : "", years);
  else
    g_string_append_printf (detail, "%s%s", detail->len ? " · " : "", _("dates not stated"));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), new_line (detail->str, TRUE));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  migmap_project_get_title (project), -1);
  return row;
}

static void
on_project_row_activated (MigmapCountryPanel *self, GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->projects->len)
    migmap_map_state_set_selected_project (self->state, g_ptr_array_index (self->projects, index));
}

static void
show_events (MigmapCountryPanel *self, MigmapCatalogue *catalogue, const char *code, const MigmapDate *at)
{
  g_autoptr(GPtrArray) events = migmap_catalogue_events_in_country (catalogue, code, at);

  for (guint i = 0; i < events->len; i++)
    {
      MigmapEvent *event = g_ptr_array_index (events, i);
      MigmapPlace *place = migmap_catalogue_lookup_place (catalogue, migmap_event_get_place_id (event));
      g_autofree char *when = migmap_format_date_range (migmap_event_get_start (event), migmap_event_get_end (event));
      g_autofree char *line = g_strdup_printf ("%s — %s, %s", migmap_event_get_title (event),
                                               migmap_place_get_name (place), when ? when : _("date not stated"));

      gtk_box_append (self->events_box, new_line (line, FALSE));
    }
  gtk_widget_set_visible (self->events_heading, events->len > 0);
}

static void
migmap_country_panel_dispose (GObject *object)
{
  MigmapCountryPanel *self = MIGMAP_COUNTRY_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIGMAP_TYPE_COUNTRY_PANEL);
  migmap_widget_unparent_children (GTK_WIDGET (self));
  if (self->state)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  g_clear_pointer (&self->projects, g_ptr_array_unref);
  g_clear_pointer (&self->code, g_free);

  G_OBJECT_CLASS (migmap_country_panel_parent_class)->dispose (object);
}

static void
migmap_country_panel_class_init (MigmapCountryPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = migmap_country_panel_dispose;
  object_class->get_property = migmap_country_panel_get_property;
  object_class->set_property = migmap_country_panel_set_property;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, MIGMAP_TYPE_MAP_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/migmap/MigMap/migmap-country-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MigmapCountryPanel, name_label);
  gtk_widget_class_bind_template_child (widget_class, MigmapCountryPanel, new_project_button);
  gtk_widget_class_bind_template_child (widget_class, MigmapCountryPanel, code_label);
  gtk_widget_class_bind_template_child (widget_class, MigmapCountryPanel, place_box);
  gtk_widget_class_bind_template_child (widget_class, MigmapCountryPanel, groups_heading);
  gtk_widget_class_bind_template_child (widget_class, MigmapCountryPanel, groups_box);
  gtk_widget_class_bind_template_child (widget_class, MigmapCountryPanel, projects_heading);
  gtk_widget_class_bind_template_child (widget_class, MigmapCountryPanel, projects_list);
  gtk_widget_class_bind_template_child (widget_class, MigmapCountryPanel, no_projects_label);
  gtk_widget_class_bind_template_child (widget_class, MigmapCountryPanel, events_heading);
  gtk_widget_class_bind_template_child (widget_class, MigmapCountryPanel, events_box);
  gtk_widget_class_bind_template_child (widget_class, MigmapCountryPanel, funds_heading);
  gtk_widget_class_bind_template_child (widget_class, MigmapCountryPanel, funds_box);
  gtk_widget_class_bind_template_callback (widget_class, on_project_row_activated);
  gtk_widget_class_set_css_name (widget_class, "countrypanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
migmap_country_panel_init (MigmapCountryPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->projects = g_ptr_array_new_with_free_func (g_object_unref);
  /* Only where the catalogue can be edited (win.new-entity is on). */
  g_object_bind_property (self->new_project_button, "sensitive", self->new_project_button, "visible",
                          G_BINDING_SYNC_CREATE);
}

GtkWidget *
migmap_country_panel_new (void)
{
  return g_object_new (MIGMAP_TYPE_COUNTRY_PANEL, NULL);
}

static void
show_country (MigmapCountryPanel *self, MigmapCatalogue *catalogue, const char *code, const char *name,
              const MigmapDate *at)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autofree char *heading = NULL;

  g_free (self->code);
  self->code = g_strdup (code);
  gtk_label_set_text (self->name_label, name ? name : code);
  gtk_label_set_text (self->code_label, code);
  {
    g_autofree char *target = g_strdup_printf ("projects:%s", code);

    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->new_project_button), "s", target);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name ? name : code, -1);

  migmap_widget_unparent_children (GTK_WIDGET (self->groups_box));
  groups = migmap_catalogue_groups_for_country (catalogue, code, at);
  for (guint i = 0; i < groups->len; i++)
    {
      g_autofree char *title = migmap_style_group_title (catalogue, g_ptr_array_index (groups, i));
      gtk_box_append (self->groups_box, new_line (title, FALSE));
    }
  if (groups->len == 0)
    gtk_box_append (self->groups_box, new_line (_("No partner-state group in the catalogue"), TRUE));

  migmap_list_box_clear (self->projects_list);
  g_ptr_array_set_size (self->projects, 0);
  projects = migmap_catalogue_projects_in_country (catalogue, code, at);
  for (guint i = 0; i < projects->len; i++)
    {
      MigmapProject *project = g_ptr_array_index (projects, i);
      g_ptr_array_add (self->projects, g_object_ref (project));
      gtk_list_box_append (self->projects_list, new_project_row (project));
    }
  if (at)
    {
      g_autofree char *when = migmap_format_date (at);
      /* TRANSLATORS: the projects running in a country at the map's date, e.g. "1 project running in 2010" */
      heading = g_strdup_printf (ngettext ("%u project running in %s", "%u projects running in %s", projects->len),
                                 projects->len, when);
    }
  else
    heading = g_strdup_printf (ngettext ("%u project", "%u projects", projects->len), projects->len);
  gtk_label_set_text (self->projects_heading, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->projects_list), projects->len > 0);
  gtk_widget_set_visible (self->no_projects_label, projects->len == 0);

  migmap_widget_unparent_children (GTK_WIDGET (self->events_box));
  show_events (self, catalogue, code, at);

  /* What the state funds as a donor: the projects, not only where it is. */
  migmap_widget_unparent_children (GTK_WIDGET (self->funds_box));
  {
    g_autoptr(GPtrArray) funded = migmap_catalogue_projects_funded_by_country (catalogue, code);

    for (guint i = 0; i < funded->len; i++)
      gtk_box_append (self->funds_box, new_line (migmap_project_get_title (g_ptr_array_index (funded, i)), FALSE));
    gtk_widget_set_visible (GTK_WIDGET (self->funds_heading), funded->len > 0);
  }
}

/* What happened at a clicked marker, above the country's full lists. */
static void
show_place (MigmapCountryPanel *self, MigmapCatalogue *catalogue, MigmapPlace *place, const MigmapDate *at)
{
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GPtrArray) events = NULL;
  GtkWidget *title;

  migmap_widget_unparent_children (GTK_WIDGET (self->place_box));
  gtk_widget_set_visible (GTK_WIDGET (self->place_box), place != NULL);
  if (place == NULL)
    return;

  title = new_line (migmap_place_get_name (place), FALSE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (self->place_box, title);
  projects = migmap_catalogue_projects_at_place (catalogue, migmap_place_get_id (place), at);
  for (guint i = 0; i < projects->len; i++)
    gtk_box_append (self->place_box, new_line (migmap_project_get_title (g_ptr_array_index (projects, i)), FALSE));
  events = migmap_catalogue_events_at_place (catalogue, migmap_place_get_id (place), at);
  for (guint i = 0; i < events->len; i++)
    {
      MigmapEvent *event = g_ptr_array_index (events, i);
      g_autofree char *when = migmap_format_date_range (migmap_event_get_start (event), migmap_event_get_end (event));
      g_autofree char *line = g_strdup_printf ("%s, %s", migmap_event_get_title (event),
                                               when ? when : _("date not stated"));

      gtk_box_append (self->place_box, new_line (line, TRUE));
    }
}

static void
on_selection (MigmapCountryPanel *self)
{
  const char *code = migmap_map_state_get_selected_country (self->state);
  MigmapCatalogue *catalogue = migmap_map_state_get_catalogue (self->state);

  /* Without a country the window shows another page: keep this one as it was. */
  if (code == NULL || catalogue == NULL)
    return;
  if (g_strcmp0 (code, self->code) != 0)
    show_country (self, catalogue, code, migmap_map_state_country_name (self->state, code),
                  migmap_map_state_get_date (self->state));
  show_place (self, catalogue, migmap_map_state_get_selected_place (self->state),
              migmap_map_state_get_date (self->state));
}

/* The lists are the country's at the map's date. */
static void
on_date (MigmapCountryPanel *self)
{
  const char *code = migmap_map_state_get_selected_country (self->state);
  MigmapCatalogue *catalogue = migmap_map_state_get_catalogue (self->state);

  if (code == NULL || catalogue == NULL)
    return;
  show_country (self, catalogue, code, migmap_map_state_country_name (self->state, code),
                migmap_map_state_get_date (self->state));
  show_place (self, catalogue, migmap_map_state_get_selected_place (self->state),
              migmap_map_state_get_date (self->state));
}

MigmapMapState *
migmap_country_panel_get_state (MigmapCountryPanel *self)
{
  g_return_val_if_fail (MIGMAP_IS_COUNTRY_PANEL (self), NULL);
  return self->state;
}

void
migmap_country_panel_set_state (MigmapCountryPanel *self, MigmapMapState *state)
{
  g_return_if_fail (MIGMAP_IS_COUNTRY_PANEL (self));
  g_return_if_fail (state == NULL || MIGMAP_IS_MAP_STATE (state));

  if (self->state == state)
    return;
  if (self->state)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_set_object (&self->state, state);
  g_clear_pointer (&self->code, g_free);
  if (state)
    {
      g_signal_connect_object (state, "notify::selected-country", G_CALLBACK (on_selection), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (state, "notify::selected-place", G_CALLBACK (on_selection), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (state, "notify::date", G_CALLBACK (on_date), self, G_CONNECT_SWAPPED);
      on_selection (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
migmap_country_panel_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STATE: g_value_set_object (value, MIGMAP_COUNTRY_PANEL (object)->state); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_country_panel_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STATE: migmap_country_panel_set_state (MIGMAP_COUNTRY_PANEL (object), g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}



char *
migmap_country_panel_dup_text (MigmapCountryPanel *self)
{
  g_return_val_if_fail (MIGMAP_IS_COUNTRY_PANEL (self), NULL);
  return migmap_widget_dup_text (GTK_WIDGET (self));
}

void
migmap_country_panel_focus (MigmapCountryPanel *self)
{
  GtkListBoxRow *first;

  g_return_if_fail (MIGMAP_IS_COUNTRY_PANEL (self));
  first = gtk_list_box_get_row_at_index (self->projects_list, 0);
  if (first)
    gtk_widget_grab_focus (GTK_WIDGET (first));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->name_label));
}
