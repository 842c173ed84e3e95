/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-entity-panel.c
 *
 * The page of the map state's selected entity: an organisation, a
 * dialogue, a group, an event, a document or a place.  What it lists comes
 * from catalogue queries (migmap-catalogue-links.h); its links change the
 * state, and the window shows the page that follows.  Facts quoted from
 * the sources stay in English and say so; the catalogue's own words (kinds,
 * headings) are translated.  No internal id or field name is shown.
 */
#include "config.h"

#include "migmap-entity-panel.h"

#include <glib/gi18n-lib.h>

#include "migmap-catalogue-links.h"
#include "migmap-dates.h"
#include "migmap-edit-dialog.h"
#include "migmap-widget-helpers.h"

struct _MigmapEntityPanel
{
  GtkWidget parent_instance;

  GtkWidget       *scroller;
  GtkLabel        *kind_label;
  GtkWidget       *edit_button;
  GtkWidget       *delete_button;
  GtkLabel        *title_label;
  GtkBox          *sections;

  MigmapMapState  *state;
  MigmapCatalogueEditor *editor;   /* for the change log; may be NULL */
};

G_DEFINE_FINAL_TYPE (MigmapEntityPanel, migmap_entity_panel, GTK_TYPE_WIDGET)

static MigmapCatalogue *
catalogue (MigmapEntityPanel *self)
{
  return migmap_map_state_get_catalogue (self->state);
}

/* ---- the catalogue's own words, translated ---- */

static const char *
kind_name (const char *kind)
{
  static const struct { const char *kind; const char *label; } kinds[] = {
    { "city", N_("City") },
    { "office", N_("Office") },
    { "training_centre", N_("Training centre") },
    { "border_crossing_points", N_("Border crossing points") },
    { "dialogue_partners", N_("Partner states of a dialogue") },
    { "project_countries", N_("Countries of a project") },
    { "eu_members", N_("EU member states") },
    { "focus_partner_states", N_("Focus partner states") },
    { "meeting", N_("Meeting") },
    { "launch", N_("Launch") },
    { "workshop", N_("Workshop") },
    { "initiative", N_("Initiative") },
    { "dialogue", N_("Migration dialogue") },
    { "donor_state", N_("State (donor)") },
    { "city_network", N_("City network") },
    { "agency", N_("Agency") },
    { "eu_agency", N_("EU agency") },
    { "ngo", N_("Non-governmental organisation") },
    { "national_authority", N_("National authority") },
    { "eu_institution", N_("EU institution") },
    { "summary", N_("Summary") },
    { "publication", N_("Publication") },
    { "manual", N_("Manual") },
    { "guidelines", N_("Guidelines") },
    { "registry", N_("Registry") },
    { "report", N_("Report") },
    { "brochure", N_("Brochure") },
    { "factsheet", N_("Factsheet") },
    { "annex", N_("Annex") },
    { "inventory", N_("Inventory") },
  };

  for (guint i = 0; kind && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].kind, kind))
      return _(kinds[i].label);
  return NULL;
}

static const char *
precision_name (MigmapPlacePrecision precision)
{
  switch (precision)
    {
    case MIGMAP_PLACE_PRECISION_CITY: return _("The city itself");
    case MIGMAP_PLACE_PRECISION_ADMIN1: return _("Approximate: only the region is known");
    case MIGMAP_PLACE_PRECISION_COUNTRY: return _("Approximate: only the country is known");
    case MIGMAP_PLACE_PRECISION_UNRESOLVED: return _("Not placed: the source is ambiguous");
    default: return NULL;
    }
}

static const char *
language_name (const char *code)
{
  if (g_strcmp0 (code, "ar") == 0)
    return _("Arabic");
  if (g_strcmp0 (code, "en") == 0)
    return _("English");
  if (g_strcmp0 (code, "fr") == 0)
    return _("French");
  return code;
}

/* ---- building blocks ---- */

/* Source text: English whatever the interface language, and marked so. */
static void
add_quoted (MigmapEntityPanel *self, const char *heading, const char * const *texts)
{
  GtkWidget *section;

  if (texts == NULL || texts[0] == NULL)
    return;
  section = migmap_panel_add_section (self->sections, heading);
  for (guint i = 0; texts[i]; i++)
    gtk_box_append (GTK_BOX (section), migmap_panel_text_new (texts[i], FALSE));
  gtk_box_append (GTK_BOX (section), migmap_panel_text_new (_("Quoted or summarised from the sources, in English."), TRUE));
}

static void
add_line (GtkWidget *section, const char *text)
{
  gtk_box_append (GTK_BOX (section), migmap_panel_text_new (text, FALSE));
}

static void
on_link_clicked (GtkButton *button, MigmapEntityPanel *self)
{
  const char *target = gtk_widget_get_name (GTK_WIDGET (button));
  g_auto(GStrv) parts = g_strsplit (target, ":", 2);
  MigmapCatalogue *cat = catalogue (self);
  const char *kind = parts[0], *id = parts[1];

  if (id == NULL)
    return;
  if (g_str_equal (kind, "country"))
    {
      migmap_map_state_select (self->state, id, NULL, NULL);
      migmap_map_state_show_country (self->state, id);
    }
  else if (g_str_equal (kind, "project"))
    migmap_map_state_select (self->state, NULL, migmap_catalogue_lookup_project (cat, id), NULL);
  else if (g_str_equal (kind, "place"))
    {
      MigmapPlace *place = migmap_catalogue_lookup_place (cat, id);

      migmap_map_state_set_selected_entity (self->state, G_OBJECT (place));
      migmap_map_state_show_place (self->state, place);
    }
  else
    {
      GObject *entity = NULL;

      if (g_str_equal (kind, "organisation"))
        entity = G_OBJECT (migmap_catalogue_lookup_organisation (cat, id));
      else if (g_str_equal (kind, "dialogue"))
        entity = G_OBJECT (migmap_catalogue_lookup_dialogue (cat, id));
      else if (g_str_equal (kind, "group"))
        entity = G_OBJECT (migmap_catalogue_lookup_group (cat, id));
      else if (g_str_equal (kind, "event"))
        entity = G_OBJECT (migmap_catalogue_lookup_event (cat, id));
      else if (g_str_equal (kind, "document"))
        entity = G_OBJECT (migmap_catalogue_lookup_document (cat, id));
      if (entity)
        migmap_map_state_set_selected_entity (self->state, entity);
    }
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

/* A link to another page; the target rides on the widget name. */
static GtkWidget *
new_link (MigmapEntityPanel *self, const char *kind, const char *id, const char *label)
{
  GtkWidget *button = gtk_button_new_with_label (label);
  g_autofree char *target = g_strdup_printf ("%s:%s", kind, id);
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  gtk_widget_set_name (button, target);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  if (GTK_IS_LABEL (child))
    {
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
    }
  g_signal_connect (button, "clicked", G_CALLBACK (on_link_clicked), self);
  return button;
}

static void
add_link (MigmapEntityPanel *self, GtkWidget *section, const char *kind, const char *id, const char *label)
{
  gtk_box_append (GTK_BOX (section), new_link (self, kind, id, label));
}

static void
add_projects (MigmapEntityPanel *self, const char *heading, GPtrArray *projects, gboolean even_if_empty)
{
  GtkWidget *section;

  if (projects->len == 0 && !even_if_empty)
    return;
  section = migmap_panel_add_section (self->sections, heading);
  for (guint i = 0; i < projects->len; i++)
    {
      MigmapProject *project = projects->pdata[i];
      const char *acronym = migmap_project_get_acronym (project);
      g_autofree char *label = acronym && *acronym && !strstr (migmap_project_get_title (project), acronym)
                                 ? g_strdup_printf ("%s (%s)", migmap_project_get_title (project), acronym)
                                 : g_strdup (migmap_project_get_title (project));

      add_link (self, section, "project", migmap_project_get_id (project), label);
    }
  if (projects->len == 0)
    migmap_panel_add_not_stated (section);
}

static void
add_events (MigmapEntityPanel *self, const char *heading, GPtrArray *events)
{
  GtkWidget *section;

  if (events->len == 0)
    return;
  section = migmap_panel_add_section (self->sections, heading);
  for (guint i = 0; i < events->len; i++)
    {
      MigmapEvent *event = events->pdata[i];
      g_autofree char *when = migmap_format_date_range (migmap_event_get_start (event), migmap_event_get_end (event));
      g_autofree char *label = when && *when ? g_strdup_printf ("%s — %s", migmap_event_get_title (event), when)
                                             : g_strdup_printf ("%s — %s", migmap_event_get_title (event),
                                                                _("date not stated"));

      add_link (self, section, "event", migmap_event_get_id (event), label);
    }
}

static int
compare_country_names (gconstpointer a, gconstpointer b, gpointer data)
{
  MigmapMapState *state = data;

  return g_utf8_collate (migmap_map_state_country_name (state, *(const char * const *) a),
                         migmap_map_state_country_name (state, *(const char * const *) b));
}

/* Countries by their name in the interface language, never by code. */
static void
add_countries (MigmapEntityPanel *self, const char *heading, const char * const *codes, const char *empty)
{
  GtkWidget *section = migmap_panel_add_section (self->sections, heading);
  GtkWidget *flow;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; codes && codes[i]; i++)
    g_ptr_array_add (sorted, (gpointer) codes[i]);
  if (sorted->len == 0)
    {
      gtk_box_append (GTK_BOX (section), migmap_panel_text_new (empty ? empty : _("Not stated"), TRUE));
      return;
    }
  g_ptr_array_sort_with_data (sorted, compare_country_names, self->state);
  flow = new_flow ();
  for (guint i = 0; i < sorted->len; i++)
    {
      GtkWidget *button = new_link (self, "country", sorted->pdata[i],
                                    migmap_map_state_country_name (self->state, sorted->pdata[i]));

      gtk_widget_remove_css_class (button, "flat");
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "small");
      gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
    }
  gtk_box_append (GTK_BOX (section), flow);
}

static void
add_organisations (MigmapEntityPanel *self, const char *heading, const char * const *ids)
{
  GtkWidget *section;

  if (ids == NULL || ids[0] == NULL)
    return;
  section = migmap_panel_add_section (self->sections, heading);
  for (guint i = 0; ids[i]; i++)
    {
      MigmapOrganisation *organisation = migmap_catalogue_lookup_organisation (catalogue (self), ids[i]);

      if (organisation)
        add_link (self, section, "organisation", ids[i], migmap_organisation_get_name (organisation));
    }
}

static void
add_sources (MigmapEntityPanel *self, const char * const *files)
{
  GtkWidget *section;

  if (files == NULL || files[0] == NULL)
    return;
  section = migmap_panel_add_section (self->sections, _("Sources"));
  for (guint i = 0; files[i]; i++)
    {
      const char *title = migmap_catalogue_get_source_title (catalogue (self), files[i]);

      add_line (section, title && *title ? title : files[i]);
    }
}

static const MigmapDate *
state_date (MigmapEntityPanel *self)
{
  return migmap_map_state_get_date (self->state);
}

/* ---- pages ---- */

static void
show_organisation (MigmapEntityPanel *self, MigmapOrganisation *organisation)
{
  const char *id = migmap_organisation_get_id (organisation);
  MigmapCatalogue *cat = catalogue (self);
  g_autoptr(GPtrArray) implemented = migmap_catalogue_projects_with_organisation (cat, id, MIGMAP_ORGANISATION_ROLE_IMPLEMENTING);
  g_autoptr(GPtrArray) partnered = migmap_catalogue_projects_with_organisation (cat, id, MIGMAP_ORGANISATION_ROLE_PARTNER);
  g_autoptr(GPtrArray) funded = migmap_catalogue_projects_with_organisation (cat, id, MIGMAP_ORGANISATION_ROLE_DONOR);
  g_autoptr(GPtrArray) dialogues = migmap_catalogue_dialogues_funded_by (cat, id);
  g_autoptr(GPtrArray) events = migmap_catalogue_events_with_organisation (cat, id);
  const char *country = migmap_organisation_get_country (organisation);

  if (migmap_organisation_get_acronym (organisation))
    {
      GtkWidget *section = migmap_panel_add_section (self->sections, _("Acronym"));
      add_line (section, migmap_organisation_get_acronym (organisation));
    }
  if (country)
    {
      const char *codes[] = { country, NULL };
      add_countries (self, _("Country"), codes, NULL);
    }
  add_projects (self, _("Implementing agency of"), implemented, FALSE);
  add_projects (self, _("Partner in"), partnered, FALSE);
  add_projects (self, _("Donor of"), funded, FALSE);
  if (dialogues->len)
    {
      GtkWidget *section = migmap_panel_add_section (self->sections, _("Funds the dialogues"));
      for (guint i = 0; i < dialogues->len; i++)
        add_link (self, section, "dialogue", migmap_dialogue_get_id (dialogues->pdata[i]),
                  _(migmap_dialogue_get_name (dialogues->pdata[i])));
    }
  add_events (self, _("Events"), events);
  if (implemented->len + partnered->len + funded->len + dialogues->len + events->len == 0)
    migmap_panel_add_not_stated (migmap_panel_add_section (self->sections, _("Projects")));
  add_quoted (self, _("Notes"), migmap_organisation_get_notes (organisation));
  add_sources (self, migmap_organisation_get_sources (organisation));
}

static void
show_dialogue (MigmapEntityPanel *self, MigmapDialogue *dialogue)
{
  MigmapCatalogue *cat = catalogue (self);
  const char *id = migmap_dialogue_get_id (dialogue);
  const MigmapDate *at = state_date (self);
  g_auto(GStrv) partners = migmap_catalogue_dup_dialogue_partner_states (cat, dialogue, at);
  g_autoptr(GPtrArray) events = migmap_catalogue_events_for_dialogue (cat, id);
  g_autoptr(GPtrArray) projects = migmap_catalogue_projects_for_dialogue (cat, id);
  g_autoptr(GPtrArray) groups = migmap_catalogue_groups_for_dialogue (cat, id);
  const char *summary[] = { migmap_dialogue_get_summary (dialogue), NULL };
  const char *secretariat = migmap_dialogue_get_secretariat_id (dialogue);
  g_autofree char *heading = NULL;

  add_quoted (self, _("Description"), summary);
  if (migmap_date_is_set (migmap_dialogue_get_start (dialogue)) || migmap_date_is_set (migmap_dialogue_get_end (dialogue)))
    {
      g_autofree char *when = migmap_format_date_range (migmap_dialogue_get_start (dialogue),
                                                        migmap_dialogue_get_end (dialogue));

      add_line (migmap_panel_add_section (self->sections, _("When")), when);
    }
  if (secretariat)
    {
      const char *ids[] = { secretariat, NULL };
      add_organisations (self, _("Secretariat"), ids);
    }
  if (migmap_dialogue_get_n_phases (dialogue))
    {
      GtkWidget *section = migmap_panel_add_section (self->sections, _("Phases"));

      for (guint i = 0; i < migmap_dialogue_get_n_phases (dialogue); i++)
        {
          const MigmapDialoguePhase *phase = migmap_dialogue_get_phase (dialogue, i);
          g_autofree char *when = migmap_format_date_range (&phase->start, &phase->end);
          g_autofree char *line = g_strdup_printf (_("Phase %d: “%s”, %s"), phase->number,
                                                   phase->name ? phase->name : "", when ? when : "");

          add_line (section, line);
          if (phase->donor_ids == NULL || phase->donor_ids[0] == NULL)
            gtk_box_append (GTK_BOX (section), migmap_panel_text_new (_("Funders of the phase: not stated"), TRUE));
        }
    }
  if (at != NULL && migmap_date_is_set (at))
    {
      g_autofree char *date = migmap_format_date (at);
      heading = g_strdup_printf (_("Partner states on %s"), date);
    }
  if (migmap_dialogue_get_partner_group_id (dialogue))
    add_countries (self, heading ? heading : _("Partner states"), (const char * const *) partners, NULL);
  add_organisations (self, _("Partner agencies"), migmap_dialogue_get_partner_agency_ids (dialogue));
  add_organisations (self, _("Donors"), migmap_dialogue_get_donor_ids (dialogue));
  if (migmap_dialogue_get_languages (dialogue) && migmap_dialogue_get_languages (dialogue)[0])
    {
      GtkWidget *section = migmap_panel_add_section (self->sections, _("Working languages"));
      const char * const *languages = migmap_dialogue_get_languages (dialogue);

      for (guint i = 0; languages[i]; i++)
        add_line (section, language_name (languages[i]));
    }
  if (groups->len)
    {
      GtkWidget *section = migmap_panel_add_section (self->sections, _("Groups"));
      for (guint i = 0; i < groups->len; i++)
        add_link (self, section, "group", migmap_group_get_id (groups->pdata[i]),
                  _(migmap_group_get_name (groups->pdata[i])));
    }
  add_projects (self, _("Projects"), projects, FALSE);
  add_events (self, _("Meetings and events"), events);
  add_quoted (self, _("Notes"), migmap_dialogue_get_notes (dialogue));
  add_sources (self, migmap_dialogue_get_sources (dialogue));
}

static void
show_group (MigmapEntityPanel *self, MigmapGroup *group)
{
  MigmapCatalogue *cat = catalogue (self);
  const MigmapDate *at = state_date (self);
  g_auto(GStrv) members = at && migmap_date_is_set (at) ? migmap_group_dup_countries_at (group, at)
                                                        : g_strdupv ((char **) migmap_group_get_countries (group));
  g_autofree char *when = migmap_format_date_range (migmap_group_get_valid_from (group), migmap_group_get_valid_to (group));
  GtkWidget *section;

  if (g_strcmp0 (migmap_group_get_derived_by (group), "catalogue") == 0)
    {
      section = migmap_panel_add_section (self->sections, _("Who says so"));
      add_line (section, _("The sources never list these members: the list is the catalogue's inference."));
    }
  if (when && *when)
    add_line (migmap_panel_add_section (self->sections, _("Valid")), when);
  add_countries (self, _("Members"), (const char * const *) members, _("No member at this date"));
  if (migmap_group_get_dialogue_id (group))
    {
      MigmapDialogue *dialogue = migmap_catalogue_lookup_dialogue (cat, migmap_group_get_dialogue_id (group));
      if (dialogue)
        add_link (self, migmap_panel_add_section (self->sections, _("Dialogue")), "dialogue", migmap_dialogue_get_id (dialogue),
                  _(migmap_dialogue_get_name (dialogue)));
    }
  if (migmap_group_get_project_id (group))
    {
      MigmapProject *project = migmap_catalogue_lookup_project (cat, migmap_group_get_project_id (group));
      if (project)
        add_link (self, migmap_panel_add_section (self->sections, _("Project")), "project", migmap_project_get_id (project),
                  migmap_project_get_title (project));
    }
  add_quoted (self, _("Notes"), migmap_group_get_notes (group));
  add_sources (self, migmap_group_get_sources (group));
}

static void
show_event (MigmapEntityPanel *self, MigmapEvent *event)
{
  MigmapCatalogue *cat = catalogue (self);
  g_autofree char *when = migmap_format_date_range (migmap_event_get_start (event), migmap_event_get_end (event));
  const char *place_id = migmap_event_get_place_id (event);
  MigmapPlace *place = place_id ? migmap_catalogue_lookup_place (cat, place_id) : NULL;
  GtkWidget *section;

  section = migmap_panel_add_section (self->sections, _("When"));
  add_line (section, when && *when ? when : _("Not stated"));
  section = migmap_panel_add_section (self->sections, _("Where"));
  if (place)
    add_link (self, section, "place", place_id, migmap_place_get_name (place));
  else
    migmap_panel_add_not_stated (section);
  if (migmap_event_get_project_id (event))
    {
      MigmapProject *project = migmap_catalogue_lookup_project (cat, migmap_event_get_project_id (event));
      if (project)
        add_link (self, migmap_panel_add_section (self->sections, _("Project")), "project", migmap_project_get_id (project),
                  migmap_project_get_title (project));
    }
  if (migmap_event_get_dialogue_id (event))
    {
      MigmapDialogue *dialogue = migmap_catalogue_lookup_dialogue (cat, migmap_event_get_dialogue_id (event));
      if (dialogue)
        add_link (self, migmap_panel_add_section (self->sections, _("Dialogue")), "dialogue", migmap_dialogue_get_id (dialogue),
                  _(migmap_dialogue_get_name (dialogue)));
    }
  add_organisations (self, _("Organisations"), migmap_event_get_organisation_ids (event));
  add_quoted (self, _("Notes"), migmap_event_get_notes (event));
  add_sources (self, migmap_event_get_sources (event));
}

static void
show_document (MigmapEntityPanel *self, MigmapDocument *document)
{
  g_autoptr(GPtrArray) projects = migmap_catalogue_projects_for_document (catalogue (self), migmap_document_get_id (document));
  const char * const *languages = migmap_document_get_languages (document);
  GtkWidget *section = migmap_panel_add_section (self->sections, _("Languages available"));

  for (guint i = 0; languages && languages[i]; i++)
    add_line (section, language_name (languages[i]));
  if (languages == NULL || languages[0] == NULL)
    migmap_panel_add_not_stated (section);
  add_projects (self, _("Project"), projects, FALSE);
  add_quoted (self, _("Notes"), migmap_document_get_notes (document));
  add_sources (self, migmap_document_get_sources (document));
}

static void
show_theme (MigmapEntityPanel *self, MigmapTheme *theme)
{
  GListModel *all = migmap_catalogue_get_projects (catalogue (self));
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func (g_object_unref);
  const char *family = migmap_theme_get_family (theme);

  if (family)
    add_line (migmap_panel_add_section (self->sections, _("Family")), family);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(MigmapProject) project = g_list_model_get_item (all, i);
      const char * const *ids = migmap_project_get_theme_ids (project);

      if (ids != NULL && g_strv_contains (ids, migmap_theme_get_id (theme)))
        g_ptr_array_add (projects, g_steal_pointer (&project));
    }
  add_projects (self, _("Projects"), projects, TRUE);
  add_quoted (self, _("Notes"), migmap_theme_get_notes (theme));
  add_sources (self, migmap_theme_get_sources (theme));
}

static void
show_place (MigmapEntityPanel *self, MigmapPlace *place)
{
  MigmapCatalogue *cat = catalogue (self);
  const char *id = migmap_place_get_id (place);
  g_autoptr(GPtrArray) projects = migmap_catalogue_projects_at_place (cat, id, NULL);
  g_autoptr(GPtrArray) events = migmap_catalogue_events_at_place (cat, id, NULL);
  const char *country = migmap_place_get_country (place);
  GtkWidget *section;

  if (country)
    {
      const char *codes[] = { country, NULL };
      add_countries (self, _("Country"), codes, NULL);
    }
  section = migmap_panel_add_section (self->sections, _("Position on the map"));
  add_line (section, precision_name (migmap_place_get_precision (place)));
  if (migmap_place_get_coordinates_note (place))
    gtk_box_append (GTK_BOX (section), migmap_panel_text_new (migmap_place_get_coordinates_note (place), TRUE));
  if (migmap_date_is_set (migmap_place_get_established (place)))
    {
      g_autofree char *date = migmap_format_date (migmap_place_get_established (place));
      add_line (migmap_panel_add_section (self->sections, _("Established")), date);
    }
  add_projects (self, _("Projects here"), projects, TRUE);
  add_events (self, _("Events here"), events);
  add_quoted (self, _("Notes"), migmap_place_get_notes (place));
  add_sources (self, migmap_place_get_sources (place));
}

/* Every kind the edit form knows (all of the schema's) gets Edit and
 * Delete; the editor refuses a delete while something still names it. */
static void
update_edit_buttons (MigmapEntityPanel *self,
                     GObject           *entity)
{
  const char *kind = migmap_catalogue_entity_kind (entity);
  g_autofree char *id = NULL;

  if (kind != NULL && !migmap_edit_dialog_can_edit (kind))
    kind = NULL;
  gtk_widget_set_visible (self->edit_button, kind != NULL);
  gtk_widget_set_visible (self->delete_button, kind != NULL);
  if (kind == NULL)
    return;
  g_object_get (entity, "id", &id, NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "(ss)", kind, id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "(ss)", kind, id);
}

static void
add_history (MigmapEntityPanel *self, GObject *entity)
{
  const char *kind = migmap_catalogue_entity_kind (entity);
  g_autofree char *id = NULL;

  if (kind == NULL)
    return;
  g_object_get (entity, "id", &id, NULL);
  migmap_panel_add_history (self->sections, self->editor, kind, id);
}

static void
refresh (MigmapEntityPanel *self)
{
  GObject *entity = self->state ? migmap_map_state_get_selected_entity (self->state) : NULL;
  GtkWidget *child;
  const char *kind = NULL;
  const char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))))
    gtk_box_remove (self->sections, child);
  if (entity == NULL)
    return;

  if (MIGMAP_IS_ORGANISATION (entity))
    {
      kind = kind_name (migmap_organisation_get_kind (MIGMAP_ORGANISATION (entity)));
      title = migmap_organisation_get_name (MIGMAP_ORGANISATION (entity));
      show_organisation (self, MIGMAP_ORGANISATION (entity));
    }
  else if (MIGMAP_IS_DIALOGUE (entity))
    {
      kind = kind_name (migmap_dialogue_get_kind (MIGMAP_DIALOGUE (entity)));
      title = _(migmap_dialogue_get_name (MIGMAP_DIALOGUE (entity)));
      show_dialogue (self, MIGMAP_DIALOGUE (entity));
    }
  else if (MIGMAP_IS_GROUP (entity))
    {
      kind = kind_name (migmap_group_get_kind (MIGMAP_GROUP (entity)));
      title = _(migmap_group_get_name (MIGMAP_GROUP (entity)));
      show_group (self, MIGMAP_GROUP (entity));
    }
  else if (MIGMAP_IS_EVENT (entity))
    {
      kind = kind_name (migmap_event_get_kind (MIGMAP_EVENT (entity)));
      title = migmap_event_get_title (MIGMAP_EVENT (entity));
      show_event (self, MIGMAP_EVENT (entity));
    }
  else if (MIGMAP_IS_DOCUMENT (entity))
    {
      kind = kind_name (migmap_document_get_kind (MIGMAP_DOCUMENT (entity)));
      title = migmap_document_get_title (MIGMAP_DOCUMENT (entity));
      show_document (self, MIGMAP_DOCUMENT (entity));
    }
  else if (MIGMAP_IS_THEME (entity))
    {
      kind = _("Theme");
      title = migmap_theme_get_name (MIGMAP_THEME (entity));
      show_theme (self, MIGMAP_THEME (entity));
    }
  else if (MIGMAP_IS_PLACE (entity))
    {
      kind = kind_name (migmap_place_get_kind (MIGMAP_PLACE (entity)));
      title = migmap_place_get_name (MIGMAP_PLACE (entity));
      show_place (self, MIGMAP_PLACE (entity));
    }
  add_history (self, entity);
  gtk_label_set_text (self->kind_label, kind ? kind : "");
  update_edit_buttons (self, entity);
  gtk_label_set_text (self->title_label, title ? title : "");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

void
migmap_entity_panel_set_state (MigmapEntityPanel *self, MigmapMapState *state)
{
  g_return_if_fail (MIGMAP_IS_ENTITY_PANEL (self));
  g_return_if_fail (state == NULL || MIGMAP_IS_MAP_STATE (state));

  if (self->state)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_set_object (&self->state, state);
  if (state)
    {
      g_signal_connect_object (state, "notify::selected-entity", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (state, "notify::date", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
    }
  refresh (self);
}

char *
migmap_entity_panel_dup_text (MigmapEntityPanel *self)
{
  g_return_val_if_fail (MIGMAP_IS_ENTITY_PANEL (self), NULL);
  return migmap_widget_dup_text (GTK_WIDGET (self));
}

void
migmap_entity_panel_focus (MigmapEntityPanel *self)
{
  g_return_if_fail (MIGMAP_IS_ENTITY_PANEL (self));
  gtk_widget_child_focus (GTK_WIDGET (self->sections), GTK_DIR_TAB_FORWARD);
}

static void
migmap_entity_panel_dispose (GObject *object)
{
  MigmapEntityPanel *self = MIGMAP_ENTITY_PANEL (object);

  if (self->state)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  g_clear_object (&self->editor);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIGMAP_TYPE_ENTITY_PANEL);
  G_OBJECT_CLASS (migmap_entity_panel_parent_class)->dispose (object);
}

static void
migmap_entity_panel_class_init (MigmapEntityPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = migmap_entity_panel_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/migmap/MigMap/migmap-entity-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MigmapEntityPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, MigmapEntityPanel, kind_label);
  gtk_widget_class_bind_template_child (widget_class, MigmapEntityPanel, edit_button);
  gtk_widget_class_bind_template_child (widget_class, MigmapEntityPanel, delete_button);
  gtk_widget_class_bind_template_child (widget_class, MigmapEntityPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, MigmapEntityPanel, sections);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
migmap_entity_panel_init (MigmapEntityPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
migmap_entity_panel_set_editor (MigmapEntityPanel     *self,
                                MigmapCatalogueEditor *editor)
{
  g_return_if_fail (MIGMAP_IS_ENTITY_PANEL (self));
  g_return_if_fail (editor == NULL || MIGMAP_IS_CATALOGUE_EDITOR (editor));

  if (g_set_object (&self->editor, editor))
    refresh (self);
}
