/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue-links.c: what one thing of the catalogue is linked to */
#include "config.h"

#include "migmap-catalogue-links.h"

static gboolean
has (const char * const *ids,
     const char         *id)
{
  return ids != NULL && id != NULL && g_strv_contains (ids, id);
}

static GPtrArray *
new_result (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

GPtrArray *
migmap_catalogue_projects_with_organisation (MigmapCatalogue        *self,
                                             const char             *organisation_id,
                                             MigmapOrganisationRole  role)
{
  GListModel *projects;
  GPtrArray *result;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (organisation_id != NULL, NULL);

  result = new_result ();
  projects = migmap_catalogue_get_projects (self);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(MigmapProject) project = g_list_model_get_item (projects, i);
      gboolean match = FALSE;

      switch (role)
        {
        case MIGMAP_ORGANISATION_ROLE_IMPLEMENTING:
          match = g_strcmp0 (migmap_project_get_implementing_agency_id (project), organisation_id) == 0;
          break;
        case MIGMAP_ORGANISATION_ROLE_PARTNER:
          match = has (migmap_project_get_partner_ids (project), organisation_id) ||
                  has (migmap_project_get_related_organisation_ids (project), organisation_id) ||
                  has (migmap_project_get_network_ids (project), organisation_id);
          break;
        case MIGMAP_ORGANISATION_ROLE_DONOR:
          match = has (migmap_project_get_donor_ids (project), organisation_id);
          break;
        default:
          g_return_val_if_reached (result);
        }
      if (match)
        g_ptr_array_add (result, g_steal_pointer (&project));
    }
  return result;
}

GPtrArray *
migmap_catalogue_dialogues_funded_by (MigmapCatalogue *self,
                                      const char      *organisation_id)
{
  GListModel *dialogues;
  GPtrArray *result;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (organisation_id != NULL, NULL);

  result = new_result ();
  dialogues = migmap_catalogue_get_dialogues (self);
  for (guint i = 0; i < g_list_model_get_n_items (dialogues); i++)
    {
      g_autoptr(MigmapDialogue) dialogue = g_list_model_get_item (dialogues, i);
      gboolean match = has (migmap_dialogue_get_donor_ids (dialogue), organisation_id);

      for (guint p = 0; !match && p < migmap_dialogue_get_n_phases (dialogue); p++)
        match = has ((const char * const *) migmap_dialogue_get_phase (dialogue, p)->donor_ids, organisation_id);
      if (match)
        g_ptr_array_add (result, g_steal_pointer (&dialogue));
    }
  return result;
}

GPtrArray *
migmap_catalogue_projects_funded_by_country (MigmapCatalogue *self,
                                             const char      *country)
{
  GListModel *organisations, *projects;
  g_autoptr(GPtrArray) states = g_ptr_array_new ();
  GPtrArray *result;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (country != NULL, NULL);

  organisations = migmap_catalogue_get_organisations (self);
  for (guint i = 0; i < g_list_model_get_n_items (organisations); i++)
    {
      g_autoptr(MigmapOrganisation) organisation = g_list_model_get_item (organisations, i);

      if (g_strcmp0 (migmap_organisation_get_kind (organisation), "donor_state") == 0 &&
          g_strcmp0 (migmap_organisation_get_country (organisation), country) == 0)
        g_ptr_array_add (states, (gpointer) migmap_organisation_get_id (organisation));
    }

  result = new_result ();
  projects = migmap_catalogue_get_projects (self);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(MigmapProject) project = g_list_model_get_item (projects, i);

      for (guint s = 0; s < states->len; s++)
        if (has (migmap_project_get_donor_ids (project), states->pdata[s]))
          {
            g_ptr_array_add (result, g_steal_pointer (&project));
            break;
          }
    }
  return result;
}

static GPtrArray *
filter_model (GListModel *model,
              gboolean  (*match) (gpointer item, const char *id),
              const char *id)
{
  GPtrArray *result = new_result ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      gpointer item = g_list_model_get_item (model, i);

      if (match (item, id))
        g_ptr_array_add (result, item);
      else
        g_object_unref (item);
    }
  return result;
}

static gboolean
event_of_dialogue (gpointer item, const char *id)
{
  return g_strcmp0 (migmap_event_get_dialogue_id (item), id) == 0;
}

static gboolean
group_of_dialogue (gpointer item, const char *id)
{
  return g_strcmp0 (migmap_group_get_dialogue_id (item), id) == 0;
}

static gboolean
project_of_dialogue (gpointer item, const char *id)
{
  return g_strcmp0 (migmap_project_get_dialogue_id (item), id) == 0;
}

static gboolean
project_with_document (gpointer item, const char *id)
{
  return has (migmap_project_get_document_ids (item), id);
}

static gboolean
event_with_organisation (gpointer item, const char *id)
{
  return has (migmap_event_get_organisation_ids (item), id);
}

GPtrArray *
migmap_catalogue_events_for_dialogue (MigmapCatalogue *self,
                                      const char      *dialogue_id)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  return filter_model (migmap_catalogue_get_events (self), event_of_dialogue, dialogue_id);
}

GPtrArray *
migmap_catalogue_groups_for_dialogue (MigmapCatalogue *self,
                                      const char      *dialogue_id)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  return filter_model (migmap_catalogue_get_groups (self), group_of_dialogue, dialogue_id);
}

GPtrArray *
migmap_catalogue_projects_for_dialogue (MigmapCatalogue *self,
                                        const char      *dialogue_id)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  return filter_model (migmap_catalogue_get_projects (self), project_of_dialogue, dialogue_id);
}

GPtrArray *
migmap_catalogue_projects_for_document (MigmapCatalogue *self,
                                        const char      *document_id)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  return filter_model (migmap_catalogue_get_projects (self), project_with_document, document_id);
}

GPtrArray *
migmap_catalogue_events_with_organisation (MigmapCatalogue *self,
                                           const char      *organisation_id)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  return filter_model (migmap_catalogue_get_events (self), event_with_organisation, organisation_id);
}

char **
migmap_catalogue_dup_dialogue_partner_states (MigmapCatalogue  *self,
                                              MigmapDialogue   *dialogue,
                                              const MigmapDate *at)
{
  const char *group_id;
  MigmapGroup *group;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (MIGMAP_IS_DIALOGUE (dialogue), NULL);

  group_id = migmap_dialogue_get_partner_group_id (dialogue);
  group = group_id ? migmap_catalogue_lookup_group (self, group_id) : NULL;
  if (group == NULL)
    return g_new0 (char *, 1);
  if (at == NULL)
    return g_strdupv ((char **) migmap_group_get_countries (group));
  return migmap_group_dup_countries_at (group, at);
}
