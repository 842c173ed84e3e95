/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-project-panel.c
 *
 * Shows the map state's selected project, and its links change the state:
 * the panel needs nobody in between.  Sections are built afresh for each project: which ones carry facts varies
 * from project to project, and a fact no source states reads "Not stated"
 * rather than vanishing, so its absence is visible.
 */
#include "config.h"

#include "migmap-project-panel.h"

#include <glib/gi18n-lib.h>

#include "migmap-dates.h"
#include "migmap-widget-helpers.h"

struct _MigmapProjectPanel
{
  GtkWidget parent_instance;

  GtkWidget       *scroller;
  GtkWidget       *back_button;
  GtkLabel        *kind_label;
  GtkWidget       *edit_button;
  GtkWidget       *delete_button;
  GtkLabel        *title_label;
  GtkLabel        *subtitle_label;
  GtkLabel        *time_label;
  GtkWidget       *language_note;
  GtkBox          *sections;

  MigmapMapState  *state;
  MigmapCatalogue *catalogue;
  MigmapProject   *project;
  MigmapCatalogueEditor *editor;   /* for the change log; may be NULL */
};

G_DEFINE_FINAL_TYPE (MigmapProjectPanel, migmap_project_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- building blocks ---- */

static void
add_text_section (MigmapProjectPanel *self, const char *heading, const char *text)
{
  GtkWidget *section = migmap_panel_add_section (self->sections, heading);

  if (text && *text)
    gtk_box_append (GTK_BOX (section), migmap_panel_text_new (text, FALSE));
  else
    migmap_panel_add_not_stated (section);
}

static void
add_bullets (GtkWidget *section, const char * const *items)
{
  for (guint i = 0; items && items[i]; i++)
    {
      g_autofree char *line = g_strdup_printf ("• %s", items[i]);
      gtk_box_append (GTK_BOX (section), migmap_panel_text_new (line, FALSE));
    }
}

static char *
organisation_label (MigmapCatalogue *catalogue, const char *id)
{
  MigmapOrganisation *organisation = migmap_catalogue_lookup_organisation (catalogue, id);
  const char *name, *acronym;

  if (organisation == NULL)
    return g_strdup (id);
  name = migmap_organisation_get_name (organisation);
  acronym = migmap_organisation_get_acronym (organisation);
  if (acronym && *acronym && g_strcmp0 (acronym, name) != 0 && strstr (name, acronym) == NULL)
    return g_strdup_printf ("%s (%s)", name, acronym);
  return g_strdup (name);
}

/* A lost label or logo in the source is said so, not hidden. */
static void
add_organisations_section (MigmapProjectPanel *self, const char *heading, const char *field,
                           const char * const *ids)
{
  GtkWidget *section = migmap_panel_add_section (self->sections, heading);

  for (guint i = 0; ids && ids[i]; i++)
    {
      g_autofree char *name = organisation_label (self->catalogue, ids[i]);
      const char *role = migmap_project_get_partner_role (self->project, ids[i]);
      g_autofree char *line = role ? g_strdup_printf ("%s — %s", name, role) : NULL;

      gtk_box_append (GTK_BOX (section), migmap_panel_text_new (line ? line : name, FALSE));
    }
  if (ids == NULL || ids[0] == NULL)
    {
      if (migmap_project_was_field_lost (self->project, field))
        gtk_box_append (GTK_BOX (section),
                        migmap_panel_text_new (_("Not stated: the source names them in logos that were lost "
                                    "when its text was extracted"), TRUE));
      else
        migmap_panel_add_not_stated (section);
    }
}

/* The project stays open: its countries can be visited one by one. */
static void
on_country_clicked (GtkButton *button, MigmapProjectPanel *self)
{
  const char *code = gtk_widget_get_name (GTK_WIDGET (button));

  migmap_map_state_set_selected_country (self->state, code);
  migmap_map_state_show_country (self->state, code);
}

static void
on_place_clicked (GtkButton *button, MigmapProjectPanel *self)
{
  MigmapPlace *place = migmap_catalogue_lookup_place (self->catalogue, gtk_widget_get_name (GTK_WIDGET (button)));

  if (place == NULL)
    return;
  if (migmap_place_get_country (place))
    migmap_map_state_set_selected_country (self->state, migmap_place_get_country (place));
  migmap_map_state_show_place (self->state, place);
}

static void
on_related_project_clicked (GtkButton *button, MigmapProjectPanel *self)
{
  MigmapProject *project = migmap_catalogue_lookup_project (self->catalogue,
                                                            gtk_widget_get_name (GTK_WIDGET (button)));
  if (project)
    migmap_map_state_set_selected_project (self->state, project);
}

static void
on_theme_clicked (GtkButton *button, MigmapProjectPanel *self)
{
  MigmapTheme *theme = migmap_catalogue_lookup_theme (self->catalogue, gtk_widget_get_name (GTK_WIDGET (button)));

  if (theme)
    migmap_map_state_set_selected_entity (self->state, G_OBJECT (theme));
}

static GtkWidget *
new_link_button (const char *label, const char *id, GCallback callback, MigmapProjectPanel *self)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  /* The id rides on the widget name: these buttons live only as long as the panel shows this project. */
  gtk_widget_set_name (button, id);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "small");
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
new_flow (void)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 30);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 4);
  return flow;
}

static int
compare_country_names (gconstpointer a, gconstpointer b, gpointer codes)
{
  const char *x = *(const char * const *) a, *y = *(const char * const *) b;
  const char *nx = migmap_country_codes_get_translated_name (codes, x);
  const char *ny = migmap_country_codes_get_translated_name (codes, y);

  return g_utf8_collate (nx ? nx : x, ny ? ny : y);
}

/* How the catalogue knows the countries, in words, never the data's
 * field value. */
static const char *
countries_basis_text (const char *basis)
{
  if (g_str_equal (basis, "heading"))
    return _("The source lists the project under this country's heading.");
  if (g_str_equal (basis, "restored_label"))
    return _("The source's “Countries” label was lost when its text was extracted; the list under it is read as the countries.");
  if (g_str_equal (basis, "title"))
    return _("The country is named in the project's title.");
  if (g_str_equal (basis, "text"))
    return _("The countries are named in the source's text about the project.");
  return NULL;
}

static void
add_countries_section (MigmapProjectPanel *self)
{
  const char * const *codes = migmap_project_get_countries (self->project);
  MigmapCountryCodes *names = migmap_catalogue_get_country_codes (self->catalogue);
  GtkWidget *section = migmap_panel_add_section (self->sections, _("Countries"));
  const char *group_id = migmap_project_get_country_group_id (self->project);
  MigmapGroup *group = group_id ? migmap_catalogue_lookup_group (self->catalogue, group_id) : NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  GtkWidget *flow;

  if (codes == NULL || codes[0] == NULL)
    {
      migmap_panel_add_not_stated (section);
      return;
    }
  flow = new_flow ();
  /* By name in the interface language, as a reader looks for them. */
  sorted = g_ptr_array_new ();
  for (guint i = 0; codes[i]; i++)
    g_ptr_array_add (sorted, (gpointer) codes[i]);
  g_ptr_array_sort_with_data (sorted, compare_country_names, names);
  for (guint i = 0; i < sorted->len; i++)
    {
      const char *code = sorted->pdata[i];
      const char *name = migmap_country_codes_get_translated_name (names, code);
      gtk_flow_box_append (GTK_FLOW_BOX (flow),
                           new_link_button (name ? name : code, code, G_CALLBACK (on_country_clicked), self));
    }
  gtk_box_append (GTK_BOX (section), flow);
  if (group && migmap_group_get_expanded_from (group))
    {
      g_autofree char *note = g_strdup_printf (_("The source says “%s”; the catalogue lists its member states at that date."),
                                               migmap_group_get_expanded_from (group));
      gtk_box_append (GTK_BOX (section), migmap_panel_text_new (note, TRUE));
    }
  if (migmap_project_get_countries_basis (self->project))
    {
      const char *basis = countries_basis_text (migmap_project_get_countries_basis (self->project));

      if (basis)
        gtk_box_append (GTK_BOX (section), migmap_panel_text_new (basis, TRUE));
    }
}

static char *
place_label (MigmapCatalogue *catalogue, MigmapPlace *place)
{
  MigmapCountryCodes *names = migmap_catalogue_get_country_codes (catalogue);
  const char *country = migmap_place_get_country (place);
  const char *country_name = country ? migmap_country_codes_get_translated_name (names, country) : NULL;

  if (country_name && g_strcmp0 (country_name, migmap_place_get_name (place)) != 0)
    return g_strdup_printf ("%s, %s", migmap_place_get_name (place), country_name);
  return g_strdup (migmap_place_get_name (place));
}

static void
add_places_section (MigmapProjectPanel *self)
{
  g_autoptr(GPtrArray) places = migmap_catalogue_places_for_project (self->catalogue, self->project);
  GtkWidget *section = migmap_panel_add_section (self->sections, _("Places"));
  GtkWidget *flow;

  if (places->len == 0)
    {
      migmap_panel_add_not_stated (section);
      return;
    }
  flow = new_flow ();
  for (guint i = 0; i < places->len; i++)
    {
      MigmapPlace *place = g_ptr_array_index (places, i);
      g_autofree char *label = place_label (self->catalogue, place);

      gtk_flow_box_append (GTK_FLOW_BOX (flow),
                           new_link_button (label, migmap_place_get_id (place), G_CALLBACK (on_place_clicked), self));
    }
  gtk_box_append (GTK_BOX (section), flow);
}

static void
add_dated_line (GtkWidget *section, const char *title, const MigmapDate *start, const MigmapDate *end,
                const char *detail)
{
  g_autofree char *when = migmap_format_date_range (start, end);
  g_autofree char *line = when ? g_strdup_printf ("%s — %s", title, when) : g_strdup (title);
  GtkWidget *label = migmap_panel_text_new (line, FALSE);

  gtk_widget_add_css_class (label, "activity-title");
  gtk_box_append (GTK_BOX (section), label);
  if (detail && *detail)
    gtk_box_append (GTK_BOX (section), migmap_panel_text_new (detail, TRUE));
}

static void
add_activities_section (MigmapProjectPanel *self)
{
  GListModel *activities = migmap_project_get_activities (self->project);
  GtkWidget *section = migmap_panel_add_section (self->sections, _("Activities"));
  guint n = activities ? g_list_model_get_n_items (activities) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MigmapActivity) activity = g_list_model_get_item (activities, i);
      const char * const *place_ids = migmap_activity_get_place_ids (activity);
      g_autoptr(GString) detail = g_string_new (migmap_activity_get_description (activity));

      for (guint p = 0; place_ids && place_ids[p]; p++)
        {
          MigmapPlace *place = migmap_catalogue_lookup_place (self->catalogue, place_ids[p]);
          g_autofree char *where = place ? place_label (self->catalogue, place) : NULL;

          if (where)
            g_string_append_printf (detail, "%s%s", detail->len ? " · " : "", where);
        }
      add_dated_line (section, migmap_activity_get_title (activity), migmap_activity_get_start (activity),
                      migmap_activity_get_end (activity), detail->str);
    }
  if (n == 0)
    migmap_panel_add_not_stated (section);
}

static void
add_events_section (MigmapProjectPanel *self)
{
  g_autoptr(GPtrArray) events = migmap_catalogue_events_for_project (self->catalogue, self->project);
  GtkWidget *section;

  if (events->len == 0)
    return;
  section = migmap_panel_add_section (self->sections, _("Events"));
  for (guint i = 0; i < events->len; i++)
    {
      MigmapEvent *event = g_ptr_array_index (events, i);
      const char *place_id = migmap_event_get_place_id (event);
      MigmapPlace *place = place_id ? migmap_catalogue_lookup_place (self->catalogue, place_id) : NULL;
      g_autofree char *where = place ? place_label (self->catalogue, place) : NULL;

      add_dated_line (section, migmap_event_get_title (event), migmap_event_get_start (event),
                      migmap_event_get_end (event), where);
    }
}

static const char *
language_name (const char *code)
{
  if (g_str_equal (code, "ar"))
    return _("Arabic");
  if (g_str_equal (code, "en"))
    return _("English");
  if (g_str_equal (code, "fr"))
    return _("French");
  return code;
}

static void
add_documents_section (MigmapProjectPanel *self)
{
  const char * const *ids = migmap_project_get_document_ids (self->project);
  GtkWidget *section = migmap_panel_add_section (self->sections, _("Documents"));

  for (guint i = 0; ids && ids[i]; i++)
    {
      MigmapDocument *document = migmap_catalogue_lookup_document (self->catalogue, ids[i]);
      const char * const *languages;
      g_autoptr(GString) line = NULL;

      if (document == NULL)
        continue;
      line = g_string_new (migmap_document_get_title (document));
      languages = migmap_document_get_languages (document);
      for (guint l = 0; languages && languages[l]; l++)
        g_string_append_printf (line, "%s%s", l == 0 ? " — " : ", ", language_name (languages[l]));
      gtk_box_append (GTK_BOX (section), migmap_panel_text_new (line->str, FALSE));
    }
  if (ids == NULL || ids[0] == NULL)
    migmap_panel_add_not_stated (section);
}

static void
add_duration_section (MigmapProjectPanel *self)
{
  g_autofree char *range = migmap_format_date_range (migmap_project_get_start (self->project),
                                                     migmap_project_get_end (self->project));
  GtkWidget *section = migmap_panel_add_section (self->sections, _("Duration"));

  if (range)
    gtk_box_append (GTK_BOX (section), migmap_panel_text_new (range, FALSE));
  else
    migmap_panel_add_not_stated (section);

  /* Sources that disagree are both shown, each with its own words. */
  for (guint i = 0; i < migmap_project_get_n_date_variants (self->project); i++)
    {
      const MigmapDateVariant *variant = migmap_project_get_date_variant (self->project, i);
      g_autofree char *other = migmap_format_date_range (&variant->start, &variant->end);
      g_autofree char *sources = variant->sources ? g_strjoinv (", ", variant->sources) : g_strdup ("");
      g_autofree char *line = g_strdup_printf (_("Another source gives %s (“%s”, %s)"),
                                               other ? other : "?", variant->text ? variant->text : "", sources);

      gtk_box_append (GTK_BOX (section), migmap_panel_text_new (line, TRUE));
    }
}

/* Where the project stood at the map's date, from its dates alone: a
 * project is shown at any date, with this line saying whether it ran then. */
static char *
time_text (MigmapProject *project, const MigmapDate *at)
{
  g_autofree char *when = migmap_format_date (at);
  g_autofree char *start = migmap_format_date (migmap_project_get_start (project));
  g_autofree char *end = migmap_format_date (migmap_project_get_end (project));
  g_autofree char *range = migmap_format_date_range (migmap_project_get_start (project),
                                                     migmap_project_get_end (project));

  switch (migmap_project_get_time_at (project, at))
    {
    case MIGMAP_PROJECT_TIME_PLANNED:
      /* TRANSLATORS: at the map's date, e.g. "In 2010: not yet started (starts October 2020)" */
      return g_strdup_printf (_("In %s: not yet started (starts %s)"), when, start);
    case MIGMAP_PROJECT_TIME_RUNNING:
      /* TRANSLATORS: at the map's date, e.g. "In 2010: running (1 January 2009 – 31 December 2010)" */
      return g_strdup_printf (_("In %s: running (%s)"), when, range);
    case MIGMAP_PROJECT_TIME_COMPLETED:
      /* TRANSLATORS: at the map's date, e.g. "In 2021: completed in December 2010" */
      return g_strdup_printf (_("In %s: completed in %s"), when, end);
    case MIGMAP_PROJECT_TIME_END_NOT_STATED:
      /* TRANSLATORS: at the map's date: started, and no source states an end */
      return g_strdup_printf (_("In %s: started %s; end not stated"), when, start);
    case MIGMAP_PROJECT_TIME_START_NOT_STATED:
      /* TRANSLATORS: at the map's date: not yet ended, and no source states a start */
      return g_strdup_printf (_("In %s: start not stated; ends %s"), when, end);
    case MIGMAP_PROJECT_TIME_NOT_DATED:
    default:
      /* TRANSLATORS: at the map's date, for a project whose dates no source states */
      return g_strdup_printf (_("In %s: not known (dates not stated)"), when);
    }
}

static void
update_time (MigmapProjectPanel *self)
{
  const MigmapDate *at = self->state ? migmap_map_state_get_date (self->state) : NULL;
  g_autofree char *text = NULL;

  if (self->project && at)
    text = time_text (self->project, at);
  gtk_label_set_text (self->time_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->time_label), text != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->time_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->time_label), "dim-label");
  if (text)
    gtk_widget_add_css_class (GTK_WIDGET (self->time_label),
                              migmap_project_get_time_at (self->project, at) == MIGMAP_PROJECT_TIME_RUNNING
                                ? "success" : "dim-label");
}

static void
add_status_section (MigmapProjectPanel *self)
{
  MigmapProjectStatus status = migmap_project_get_status (self->project);
  GtkWidget *section = migmap_panel_add_section (self->sections, _("Status"));
  const char *text = NULL;
  g_autofree char *as_of = migmap_format_date (migmap_project_get_status_as_of (self->project));

  switch (status)
    {
    case MIGMAP_PROJECT_STATUS_COMPLETED: text = _("Completed"); break;
    case MIGMAP_PROJECT_STATUS_CURRENT: text = _("Ongoing"); break;
    case MIGMAP_PROJECT_STATUS_PLANNED: text = _("Planned"); break;
    case MIGMAP_PROJECT_STATUS_IN_DEVELOPMENT: text = _("In development"); break;
    case MIGMAP_PROJECT_STATUS_NOT_STATED:
    default: break;
    }
  if (text == NULL)
    {
      migmap_panel_add_not_stated (section);
      return;
    }
  if (as_of)
    {
      /* TRANSLATORS: a project status and the date the source gave it, e.g. "Ongoing, as of 2012" */
      g_autofree char *line = g_strdup_printf (_("%s, as of %s"), text, as_of);
      gtk_box_append (GTK_BOX (section), migmap_panel_text_new (line, FALSE));
    }
  else
    gtk_box_append (GTK_BOX (section), migmap_panel_text_new (text, FALSE));
  if (migmap_project_get_status_basis (self->project))
    gtk_box_append (GTK_BOX (section), migmap_panel_text_new (migmap_project_get_status_basis (self->project), TRUE));
}

static void
add_themes_section (MigmapProjectPanel *self)
{
  const char * const *ids = migmap_project_get_theme_ids (self->project);
  GtkWidget *section;

  if (ids == NULL || ids[0] == NULL)
    return;
  section = migmap_panel_add_section (self->sections, _("Themes"));
  for (guint i = 0; ids[i]; i++)
    {
      MigmapTheme *theme = migmap_catalogue_lookup_theme (self->catalogue, ids[i]);
      const char *by = migmap_project_get_theme_tagged_by (self->project, ids[i]);
      const char *name = theme ? migmap_theme_get_name (theme) : ids[i];
      g_autofree char *line = g_strcmp0 (by, "catalogue") == 0
        ? g_strdup_printf (_("%s (MigMap’s classification, not the source’s)"), name)
        : g_strdup (name);
      GtkWidget *button;

      if (theme == NULL)
        {
          gtk_box_append (GTK_BOX (section), migmap_panel_text_new (line, FALSE));
          continue;
        }
      /* The theme's page lists every project tagged with it, and edits it. */
      button = new_link_button (line, ids[i], G_CALLBACK (on_theme_clicked), self);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
      gtk_box_append (GTK_BOX (section), button);
    }
}

static void
add_framework_section (MigmapProjectPanel *self)
{
  const char *dialogue_id = migmap_project_get_dialogue_id (self->project);
  const char *parent_id = migmap_project_get_parent_id (self->project);
  const char *predecessor_id = migmap_project_get_predecessor_id (self->project);
  MigmapDialogue *dialogue = dialogue_id ? migmap_catalogue_lookup_dialogue (self->catalogue, dialogue_id) : NULL;
  GtkWidget *section;

  if (!dialogue && !parent_id && !predecessor_id)
    return;
  section = migmap_panel_add_section (self->sections, _("Framework"));
  if (dialogue)
    gtk_box_append (GTK_BOX (section), migmap_panel_text_new (_(migmap_dialogue_get_name (dialogue)), FALSE));
  for (guint i = 0; i < 2; i++)
    {
      const char *id = i == 0 ? parent_id : predecessor_id;
      MigmapProject *related = id ? migmap_catalogue_lookup_project (self->catalogue, id) : NULL;
      g_autofree char *label = NULL;
      GtkWidget *button;

      if (related == NULL)
        continue;
      label = g_strdup_printf (i == 0 ? _("Part of: %s") : _("Builds on: %s"), migmap_project_get_title (related));
      button = new_link_button (label, id, G_CALLBACK (on_related_project_clicked), self);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
      gtk_box_append (GTK_BOX (section), button);
    }
}

static void
add_sources_section (MigmapProjectPanel *self)
{
  const char * const *sources = migmap_project_get_sources (self->project);
  GtkWidget *section = migmap_panel_add_section (self->sections, _("Source"));

  for (guint i = 0; sources && sources[i]; i++)
    {
      const char *title = migmap_catalogue_get_source_title (self->catalogue, sources[i]);
      g_autofree char *line = title ? g_strdup_printf ("%s (%s)", title, sources[i]) : g_strdup (sources[i]);
      gtk_box_append (GTK_BOX (section), migmap_panel_text_new (line, TRUE));
    }
  if (sources == NULL || sources[0] == NULL)
    migmap_panel_add_not_stated (section);
}

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "programme") == 0)
    return _("Programme");
  if (g_strcmp0 (kind, "pilot_project") == 0)
    return _("Pilot project");
  if (g_strcmp0 (kind, "initiative") == 0)
    return _("Initiative");
  if (g_strcmp0 (kind, "facility") == 0)
    return _("Facility");
  if (g_strcmp0 (kind, "instrument") == 0)
    return _("Instrument");
  return _("Project");
}

static void
rebuild (MigmapProjectPanel *self)
{
  MigmapProject *p = self->project;
  const char *agency_id;
  const char *agency[2] = { NULL, NULL };
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *years = NULL;
  GtkAdjustment *adjustment;

  migmap_widget_unparent_children (GTK_WIDGET (self->sections));
  if (p == NULL)
    return;

  gtk_label_set_text (self->kind_label, kind_label (migmap_project_get_kind (p)));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "(ss)", "projects", migmap_project_get_id (p));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "(ss)", "projects", migmap_project_get_id (p));
  gtk_label_set_text (self->title_label, migmap_project_get_title (p));
  if (migmap_project_get_acronym (p))
    g_string_append (subtitle, migmap_project_get_acronym (p));
  if (migmap_project_get_phase (p))
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", migmap_project_get_phase (p));
  years = migmap_format_years (migmap_project_get_start (p), migmap_project_get_end (p));
  if (years)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", years);
  gtk_label_set_text (self->subtitle_label, subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle->len > 0);
  update_time (self);

  {
    GtkWidget *objective = migmap_panel_add_section (self->sections, _("Objective"));
    const char *text = migmap_project_get_objective (p);

    if (text && *text)
      gtk_box_append (GTK_BOX (objective), migmap_panel_text_new (text, FALSE));
    else
      migmap_panel_add_not_stated (objective);
    add_bullets (objective, migmap_project_get_specific_objectives (p));
  }
  if (migmap_project_get_summary (p))
    add_text_section (self, _("Summary"), migmap_project_get_summary (p));

  agency_id = migmap_project_get_implementing_agency_id (p);
  agency[0] = agency_id;
  add_organisations_section (self, _("Implementing agency"), "implementing_agency", agency_id ? agency : NULL);
  add_organisations_section (self, _("Partners"), "partners", migmap_project_get_partner_ids (p));
  add_organisations_section (self, _("Donors"), "donors", migmap_project_get_donor_ids (p));
  add_duration_section (self);
  add_status_section (self);
  add_countries_section (self);
  add_places_section (self);
  add_activities_section (self);
  add_events_section (self);
  add_documents_section (self);
  add_themes_section (self);
  add_framework_section (self);
  if (migmap_project_get_notes (p) && migmap_project_get_notes (p)[0])
    {
      GtkWidget *notes = migmap_panel_add_section (self->sections, _("Notes"));
      add_bullets (notes, migmap_project_get_notes (p));
    }
  add_sources_section (self);
  migmap_panel_add_history (self->sections, self->editor, "projects", migmap_project_get_id (p));

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  gtk_adjustment_set_value (adjustment, 0);
}

static void
on_back_clicked (MigmapProjectPanel *self)
{
  migmap_map_state_set_selected_project (self->state, NULL);
}

static void
show_project (MigmapProjectPanel *self, MigmapProject *project)
{
  MigmapCatalogue *catalogue = self->state ? migmap_map_state_get_catalogue (self->state) : NULL;

  g_set_object (&self->catalogue, catalogue);
  if (catalogue == NULL)
    project = NULL;
  g_set_object (&self->project, project);
  rebuild (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->project ? migmap_project_get_title (self->project) : _("Project"), -1);
}

/* A closed project keeps its page until the next one: the stack hides it. */
static void
on_selected_project (MigmapProjectPanel *self)
{
  MigmapProject *project = migmap_map_state_get_selected_project (self->state);

  if (project && project != self->project)
    show_project (self, project);
}

MigmapMapState *
migmap_project_panel_get_state (MigmapProjectPanel *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT_PANEL (self), NULL);
  return self->state;
}

void
migmap_project_panel_set_state (MigmapProjectPanel *self, MigmapMapState *state)
{
  g_return_if_fail (MIGMAP_IS_PROJECT_PANEL (self));
  g_return_if_fail (state == NULL || MIGMAP_IS_MAP_STATE (state));

  if (self->state == state)
    return;
  if (self->state)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_set_object (&self->state, state);
  if (state)
    {
      g_signal_connect_object (state, "notify::selected-project", G_CALLBACK (on_selected_project), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (state, "notify::date", G_CALLBACK (update_time), self, G_CONNECT_SWAPPED);
    }
  show_project (self, state ? migmap_map_state_get_selected_project (state) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
migmap_project_panel_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STATE: g_value_set_object (value, MIGMAP_PROJECT_PANEL (object)->state); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_project_panel_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STATE: migmap_project_panel_set_state (MIGMAP_PROJECT_PANEL (object), g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_project_panel_dispose (GObject *object)
{
  MigmapProjectPanel *self = MIGMAP_PROJECT_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIGMAP_TYPE_PROJECT_PANEL);
  migmap_widget_unparent_children (GTK_WIDGET (self));
  if (self->state)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->project);
  g_clear_object (&self->editor);

  G_OBJECT_CLASS (migmap_project_panel_parent_class)->dispose (object);
}

static void
migmap_project_panel_class_init (MigmapProjectPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = migmap_project_panel_dispose;
  object_class->get_property = migmap_project_panel_get_property;
  object_class->set_property = migmap_project_panel_set_property;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, MIGMAP_TYPE_MAP_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/migmap/MigMap/migmap-project-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MigmapProjectPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, MigmapProjectPanel, back_button);
  gtk_widget_class_bind_template_child (widget_class, MigmapProjectPanel, kind_label);
  gtk_widget_class_bind_template_child (widget_class, MigmapProjectPanel, edit_button);
  gtk_widget_class_bind_template_child (widget_class, MigmapProjectPanel, delete_button);
  gtk_widget_class_bind_template_child (widget_class, MigmapProjectPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, MigmapProjectPanel, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, MigmapProjectPanel, time_label);
  gtk_widget_class_bind_template_child (widget_class, MigmapProjectPanel, language_note);
  gtk_widget_class_bind_template_child (widget_class, MigmapProjectPanel, sections);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_set_css_name (widget_class, "projectpanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
migmap_project_panel_init (MigmapProjectPanel *self)
{
  const char *language = g_get_language_names ()[0];

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Catalogue content stays in the sources' English: say so in other languages. */
  gtk_widget_set_visible (self->language_note,
                          !g_str_has_prefix (language, "en") && !g_str_equal (language, "C"));
}

GtkWidget *
migmap_project_panel_new (void)
{
  return g_object_new (MIGMAP_TYPE_PROJECT_PANEL, NULL);
}

MigmapProject *
migmap_project_panel_get_project (MigmapProjectPanel *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT_PANEL (self), NULL);
  return self->project;
}

char *
migmap_project_panel_dup_text (MigmapProjectPanel *self)
{
  g_return_val_if_fail (MIGMAP_IS_PROJECT_PANEL (self), NULL);
  return migmap_widget_dup_text (GTK_WIDGET (self));
}

void
migmap_project_panel_focus (MigmapProjectPanel *self)
{
  g_return_if_fail (MIGMAP_IS_PROJECT_PANEL (self));
  gtk_widget_grab_focus (self->back_button);
}

void
migmap_project_panel_set_editor (MigmapProjectPanel    *self,
                                 MigmapCatalogueEditor *editor)
{
  g_return_if_fail (MIGMAP_IS_PROJECT_PANEL (self));
  g_return_if_fail (editor == NULL || MIGMAP_IS_CATALOGUE_EDITOR (editor));

  if (g_set_object (&self->editor, editor))
    rebuild (self);
}
