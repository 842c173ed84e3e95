/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-edit-dialog-fields.c: what an edit form shows of each kind, and
 * the loader's messages in the user's words
 *
 * The fields follow data/SCHEMA.md one for one, so that nothing the file
 * can say is out of the form's reach; facts nested in objects (activities,
 * a status, date variants, a dialogue's phases) are edited as JSON text, checked like the rest.
 * The loader's messages are English and exact for files
 * (tests/catalogue/test-catalogue-errors.c holds them verbatim); the form
 * recognises the ones a user can cause by typing and says them again in
 * the interface language, naming the value.
 */
#include "config.h"

#include "migmap-edit-dialog-private.h"
#include "migmap-catalogue-error.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const MigmapEnumChoice project_kinds[] = {
  { "project", N_("Project") }, { "programme", N_("Programme") }, { "pilot_project", N_("Pilot project") },
  { "initiative", N_("Initiative") }, { "facility", N_("Facility") }, { "instrument", N_("Instrument") },
  { NULL, NULL }
};
static const MigmapEnumChoice countries_bases[] = {
  { "listed", N_("Listed by the source") }, { "heading", N_("A heading of the source") },
  { "title", N_("The title") }, { "text", N_("The text") }, { "restored_label", N_("A restored label") },
  { NULL, NULL }
};
static const MigmapEnumChoice group_kinds[] = {
  { "dialogue_partners", N_("Partner states of a dialogue") }, { "project_countries", N_("Countries of a project") },
  { "eu_members", N_("EU member states") }, { "focus_partner_states", N_("Focus partner states") },
  { NULL, NULL }
};
static const MigmapEnumChoice derived_by[] = {
  { "catalogue", N_("The catalogue (not a source)") }, { NULL, NULL }
};
static const MigmapEnumChoice place_kinds[] = {
  { "city", N_("City") }, { "office", N_("Office") }, { "training_centre", N_("Training centre") },
  { "border_crossing_points", N_("Border crossing points") }, { "venue", N_("Venue") },
  { NULL, NULL }
};
static const MigmapEnumChoice precisions[] = {
  { "city", N_("City: the point is the named city") },
  { "admin1", N_("Region: only the governorate or province is known") },
  { "country", N_("Country: only the country is known") },
  { "unresolved", N_("Unresolved: no point") },
  { NULL, NULL }
};
static const MigmapEnumChoice event_kinds[] = {
  { "meeting", N_("Meeting") }, { "workshop", N_("Workshop") }, { "launch", N_("Launch") },
  { "conference", N_("Conference") }, { NULL, NULL }
};
static const MigmapEnumChoice organisation_kinds[] = {
  { "agency", N_("Agency") }, { "eu_agency", N_("EU agency") }, { "eu_institution", N_("EU institution") },
  { "donor_state", N_("State (donor)") }, { "city_network", N_("City network") },
  { "ngo", N_("Non-governmental organisation") }, { "national_authority", N_("National authority") },
  { NULL, NULL }
};
static const MigmapEnumChoice dialogue_kinds[] = {
  { "dialogue", N_("Migration dialogue") }, { "initiative", N_("Initiative") }, { NULL, NULL }
};
static const MigmapEnumChoice document_kinds[] = {
  { "inventory", N_("Inventory") }, { "report", N_("Report") }, { "factsheet", N_("Factsheet") },
  { "publication", N_("Publication") }, { "guidelines", N_("Guidelines") }, { "registry", N_("Registry") },
  { "summary", N_("Summary") }, { "brochure", N_("Brochure") }, { "annex", N_("Annex") }, { "manual", N_("Manual") },
  { NULL, NULL }
};

#define T(n, l)       { n, l, MIGMAP_FIELD_TEXT, NULL, NULL, FALSE, NULL, NULL }
#define REQ(n, l)     { n, l, MIGMAP_FIELD_TEXT, NULL, NULL, TRUE, NULL, NULL }
#define LONG(n, l)    { n, l, MIGMAP_FIELD_LONG, NULL, NULL, FALSE, NULL, NULL }
#define LINES(n, l)   { n, l, MIGMAP_FIELD_STRINGS, NULL, NULL, FALSE, NULL, N_("One a line") }
#define DATE(n, l)    { n, l, MIGMAP_FIELD_DATE, NULL, NULL, FALSE, NULL, NULL }
#define ENUM(n, l, c, r) { n, l, MIGMAP_FIELD_ENUM, NULL, c, r, NULL, NULL }
#define REF(n, l, k)  { n, l, MIGMAP_FIELD_REF, k, NULL, FALSE, NULL, NULL }
#define REFS(n, l, k) { n, l, MIGMAP_FIELD_REFS, k, NULL, FALSE, NULL, NULL }
#define ROLES(n, l, k, key) { n, l, MIGMAP_FIELD_REFS, k, NULL, FALSE, key, NULL }
/* @h, an example of the JSON, is not translated: its keys are the schema's. */
/* ISO 639-1 codes, as the sources' "ar en fr" markers give them. */
#define LANGS(n, l)   { n, l, MIGMAP_FIELD_STRINGS, NULL, NULL, FALSE, NULL, N_("Two-letter codes (ISO 639-1), one a line: ar, en, fr") }
#define JSON(n, l, h) { n, l, MIGMAP_FIELD_JSON, NULL, NULL, FALSE, NULL, h }
#define END           { NULL, NULL, 0, NULL, NULL, FALSE, NULL, NULL }

static const MigmapFieldSpec project_fields[] = {
  REQ ("title", N_("Title")),
  REQ ("id", N_("Id")),
  T ("acronym", N_("Acronym")),
  ENUM ("kind", N_("Kind"), project_kinds, TRUE),
  T ("phase", N_("Phase")),
  DATE ("start", N_("Start")),
  DATE ("end", N_("End")),
  { "countries", N_("Countries"), MIGMAP_FIELD_COUNTRIES, "countries", NULL, FALSE, NULL, NULL },
  ENUM ("countries_basis", N_("Countries from"), countries_bases, FALSE),
  REF ("country_group", N_("Country group"), "groups"),
  REFS ("places", N_("Places"), "places"),
  REF ("implementing_agency", N_("Implementing agency"), "organisations"),
  ROLES ("partners", N_("Partners"), "organisations", "organisation"),
  REFS ("donors", N_("Donors"), "organisations"),
  ROLES ("related_organisations", N_("Other organisations"), "organisations", "organisation"),
  REFS ("networks", N_("City networks"), "organisations"),
  REF ("dialogue", N_("Dialogue"), "dialogues"),
  { "dialogue_phase", N_("Phase of the dialogue"), MIGMAP_FIELD_INTEGER, NULL, NULL, FALSE, NULL, NULL },
  REF ("parent", N_("Part of"), "projects"),
  REF ("predecessor", N_("Follows"), "projects"),
  LONG ("objective", N_("Objective")),
  LINES ("specific_objectives", N_("Specific objectives")),
  LONG ("summary", N_("Summary")),
  T ("website", N_("Website")),
  REFS ("documents", N_("Documents"), "documents"),
  JSON ("status", N_("Status"), "{\"value\": \"current\", \"as_of\": \"2024\", \"basis\": \"…\", \"source\": \"…\"}"),
  JSON ("themes", N_("Themes"), "[{\"id\": \"…\", \"by\": \"source\"}]"),
  JSON ("activities", N_("Activities"), "[{\"title\": \"…\", \"start\": \"2024-01\", \"source\": \"…\"}]"),
  JSON ("date_variants", N_("Other sources’ dates"), "[{\"start\": \"…\", \"text\": \"…\", \"source\": \"…\"}]"),
  LINES ("lost_fields", N_("Lost fields")),
  LINES ("notes", N_("Notes")),
  END
};

static const MigmapFieldSpec group_fields[] = {
  REQ ("name", N_("Name")),
  REQ ("id", N_("Id")),
  ENUM ("kind", N_("Kind"), group_kinds, TRUE),
  { "members", N_("Members"), MIGMAP_FIELD_MEMBERS, "countries", NULL, TRUE, NULL,
    N_("A member's own dates when it joined or left during the group's period") },
  DATE ("as_of", N_("As of")),
  DATE ("valid_from", N_("Valid from")),
  DATE ("valid_to", N_("Valid to")),
  REF ("dialogue", N_("Dialogue"), "dialogues"),
  REF ("project", N_("Project"), "projects"),
  ENUM ("derived_by", N_("List made by"), derived_by, FALSE),
  T ("expanded_from", N_("Expanded from")),
  REF ("expansion_group", N_("Expansion group"), "groups"),
  LINES ("notes", N_("Notes")),
  END
};

static const MigmapFieldSpec place_fields[] = {
  REQ ("name", N_("Name")),
  REQ ("id", N_("Id")),
  LINES ("aliases", N_("Other names")),
  ENUM ("kind", N_("Kind"), place_kinds, TRUE),
  ENUM ("precision", N_("Precision"), precisions, TRUE),
  { "country", N_("Country"), MIGMAP_FIELD_COUNTRY, "countries", NULL, FALSE, NULL, NULL },
  { "lat", N_("Latitude"), MIGMAP_FIELD_NUMBER, NULL, NULL, FALSE, NULL, NULL },
  { "lon", N_("Longitude"), MIGMAP_FIELD_NUMBER, NULL, NULL, FALSE, NULL, NULL },
  T ("coordinates_source", N_("Coordinates from")),
  T ("coordinates_note", N_("What the point stands for")),
  JSON ("gazetteer", N_("Gazetteer entry"), "{\"name\": \"Tunis\", \"country\": \"TN\"}"),
  JSON ("candidates", N_("Candidates"), NULL),
  DATE ("established", N_("Established")),
  LINES ("notes", N_("Notes")),
  END
};

static const MigmapFieldSpec event_fields[] = {
  REQ ("title", N_("Title")),
  REQ ("id", N_("Id")),
  ENUM ("kind", N_("Kind"), event_kinds, TRUE),
  DATE ("start", N_("Start")),
  DATE ("end", N_("End")),
  REF ("place", N_("Place"), "places"),
  REF ("project", N_("Project"), "projects"),
  REF ("dialogue", N_("Dialogue"), "dialogues"),
  ROLES ("organisations", N_("Organisations"), "organisations", "organisation"),
  REFS ("documents", N_("Documents"), "documents"),
  LINES ("notes", N_("Notes")),
  END
};

static const MigmapFieldSpec organisation_fields[] = {
  REQ ("name", N_("Name")),
  REQ ("id", N_("Id")),
  T ("acronym", N_("Acronym")),
  ENUM ("kind", N_("Kind"), organisation_kinds, TRUE),
  { "country", N_("Country"), MIGMAP_FIELD_COUNTRY, "countries", NULL, FALSE, NULL, NULL },
  REFS ("places", N_("Places"), "places"),
  REF ("parent", N_("Part of"), "organisations"),
  LINES ("notes", N_("Notes")),
  END
};

static const MigmapFieldSpec dialogue_fields[] = {
  REQ ("name", N_("Name")),
  REQ ("id", N_("Id")),
  T ("acronym", N_("Acronym")),
  ENUM ("kind", N_("Kind"), dialogue_kinds, TRUE),
  DATE ("start", N_("Start")),
  DATE ("end", N_("End")),
  REF ("secretariat", N_("Secretariat"), "organisations"),
  LANGS ("languages", N_("Working languages")),
  REF ("partner_group", N_("Partner states (group)"), "groups"),
  JSON ("partner_agencies", N_("Partner agencies"), "{\"as_of\": \"2012\", \"organisations\": [\"…\"], \"source\": \"…\"}"),
  JSON ("donors", N_("Donors"), "{\"period\": \"…\", \"organisations\": [\"…\"], \"source\": \"…\"}"),
  JSON ("phases", N_("Phases"), "[{\"number\": 1, \"name\": \"…\", \"start\": \"…\", \"end\": \"…\", \"donors\": [\"…\"], \"source\": \"…\"}]"),
  LINES ("pillars", N_("Pillars")),
  REFS ("related", N_("Related dialogues"), "dialogues"),
  REFS ("documents", N_("Documents"), "documents"),
  LONG ("summary", N_("Summary")),
  LINES ("notes", N_("Notes")),
  END
};

static const MigmapFieldSpec theme_fields[] = {
  REQ ("name", N_("Name")),
  REQ ("id", N_("Id")),
  T ("family", N_("Family")),
  LINES ("notes", N_("Notes")),
  END
};

static const MigmapFieldSpec document_fields[] = {
  REQ ("title", N_("Title")),
  REQ ("id", N_("Id")),
  LANGS ("languages", N_("Languages available")),
  ENUM ("kind", N_("Kind"), document_kinds, FALSE),
  LINES ("notes", N_("Notes")),
  END
};

const MigmapFieldSpec *
migmap_edit_fields_for_kind (const char *kind)
{
  if (g_strcmp0 (kind, "projects") == 0)
    return project_fields;
  if (g_strcmp0 (kind, "groups") == 0)
    return group_fields;
  if (g_strcmp0 (kind, "places") == 0)
    return place_fields;
  if (g_strcmp0 (kind, "events") == 0)
    return event_fields;
  if (g_strcmp0 (kind, "organisations") == 0)
    return organisation_fields;
  if (g_strcmp0 (kind, "dialogues") == 0)
    return dialogue_fields;
  if (g_strcmp0 (kind, "themes") == 0)
    return theme_fields;
  if (g_strcmp0 (kind, "documents") == 0)
    return document_fields;
  return NULL;
}

const char *
migmap_edit_kind_label (const char *kind,
                        gboolean    is_new)
{
  static const struct { const char *kind; const char *new_label; const char *edit_label; } labels[] = {
    { "projects", N_("New Project"), N_("Edit Project") },
    { "groups", N_("New Group"), N_("Edit Group") },
    { "places", N_("New Place"), N_("Edit Place") },
    { "events", N_("New Event"), N_("Edit Event") },
    { "organisations", N_("New Organisation"), N_("Edit Organisation") },
    { "dialogues", N_("New Dialogue"), N_("Edit Dialogue") },
    { "themes", N_("New Theme"), N_("Edit Theme") },
    { "documents", N_("New Document"), N_("Edit Document") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].kind, kind) == 0)
      return _(is_new ? labels[i].new_label : labels[i].edit_label);
  return _("Edit");
}

/* The @n-th (0-based) "quoted" value of @text, or NULL; isolated left to
 * right, so that "2024-05" stays 2024-05 in an Arabic sentence. */
static char *
dup_quoted (const char *text,
            guint       n)
{
  const char *p = text;

  for (guint i = 0; p != NULL; i++)
    {
      const char *open = strchr (p, '"');
      const char *close = open ? strchr (open + 1, '"') : NULL;

      if (close == NULL)
        return NULL;
      if (i == n)
        return g_strdup_printf ("\u2066%.*s\u2069", (int) (close - open - 1), open + 1);
      p = close + 1;
    }
  return NULL;
}

static const char *
reference_message (const char *what)
{
  static const struct { const char *kind; const char *message; } messages[] = {
    /* TRANSLATORS: %s is an id typed in an edit form */
    { "organisation", N_("No organisation has the id “%s”") },
    { "dialogue", N_("No dialogue has the id “%s”") },
    { "theme", N_("No theme has the id “%s”") },
    { "group", N_("No group has the id “%s”") },
    { "place", N_("No place has the id “%s”") },
    { "project", N_("No project has the id “%s”") },
    { "event", N_("No event has the id “%s”") },
    { "document", N_("No document has the id “%s”") },
    { "source", N_("“%s” is not a source of the catalogue") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    if (g_str_has_prefix (what, messages[i].kind))
      return _(messages[i].message);
  return NULL;
}

char *
migmap_edit_explain_error (const char *message,
                           int         code,
                           const char *path,
                           const char *kind,
                           char      **field,
                           int        *index)
{
  g_autofree char *where = NULL;
  g_autofree char *value = NULL;
  const char *rest = message;
  const char *detail;
  gsize kind_len = strlen (kind);

  *field = NULL;
  *index = -1;
  if (path != NULL && g_str_has_prefix (rest, path) && g_str_has_prefix (rest + strlen (path), ": "))
    rest += strlen (path) + 2;
  detail = strstr (rest, ": ");
  if (detail == NULL)
    return g_strdup (rest);
  where = g_strndup (rest, detail - rest);
  detail += 2;

  /* "projects[12].countries[1]": the form's field is "countries". */
  if (g_str_has_prefix (where, kind) && where[kind_len] == '[')
    {
      const char *close = strchr (where + kind_len, ']');

      if (close != NULL && close[1] == '.')
        {
          const char *name = close + 2;
          gsize length = strcspn (name, "[.");

          *field = g_strndup (name, length);
          if (name[length] == '[')
            *index = (int) g_ascii_strtoll (name + length + 1, NULL, 10);
        }
    }
  else if (g_str_has_prefix (where, kind) && where[kind_len] == '/')
    *field = NULL; /* "projects/id": the entity as a whole */

  value = dup_quoted (detail, 0);
  switch (code)
    {
    case MIGMAP_CATALOGUE_ERROR_MISSING_FIELD:
      if (*field == NULL && value != NULL)
        *field = g_strdup (value);
      return g_strdup (_("Required"));
    case MIGMAP_CATALOGUE_ERROR_UNKNOWN_COUNTRY:
      /* TRANSLATORS: %s is what was typed for a country, e.g. “XYZ” */
      return g_strdup_printf (_("“%s” is not a country code (three letters, ISO 3166: TUN, MAR…)"), value ? value : "");
    case MIGMAP_CATALOGUE_ERROR_BAD_DATE:
      if (strstr (detail, "\" is before ") != NULL)
        {
          g_autofree char *start = dup_quoted (detail, 1);

          /* TRANSLATORS: an end date before a start date, e.g. The end 2010 is before the start 2012 */
          return g_strdup_printf (_("The end %s is before the start %s"), value ? value : "", start ? start : "");
        }
      return g_strdup_printf (_("“%s” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"), value ? value : "");
    case MIGMAP_CATALOGUE_ERROR_UNKNOWN_REFERENCE:
      if (g_str_has_prefix (detail, "unknown ") && value != NULL)
        {
          const char *format = reference_message (detail + strlen ("unknown "));

          if (format != NULL)
            return g_strdup_printf (format, value);
        }
      break;
    case MIGMAP_CATALOGUE_ERROR_DUPLICATE_ID:
      return g_strdup_printf (_("“%s” is already the id of another entry"), value ? value : "");
    case MIGMAP_CATALOGUE_ERROR_TYPE:
      if (g_str_has_prefix (detail, "expected a number"))
        return g_strdup (_("Expected a number"));
      if (g_str_has_prefix (detail, "expected a whole number"))
        return g_strdup (_("Expected a whole number"));
      break;
    case MIGMAP_CATALOGUE_ERROR_BAD_VALUE:
      if (g_str_has_prefix (detail, "duplicate value"))
        return g_strdup_printf (_("“%s” is listed twice"), value ? value : "");
      if (strstr (detail, "expected a non-empty string") != NULL)
        return g_strdup (_("Must not be empty"));
      if (strstr (detail, "expected at least one member") != NULL)
        return g_strdup (_("Add at least one member"));
      if (strstr (detail, "expected a number from -180 to 180") != NULL)
        return g_strdup (_("Expected a longitude from -180 to 180"));
      if (strstr (detail, "expected a number from -90 to 90") != NULL)
        return g_strdup (_("Expected a latitude from -90 to 90"));
      break;
    default:
      break;
    }
  /* TRANSLATORS: a check of the catalogue failed; the detail is in English, as the file's checks say it */
  return g_strdup_printf (_("Not accepted: %s: %s"), where, detail);
}

char *
migmap_edit_make_id (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name ? name : "", "C");
  GString *id = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = ascii; *p != '\0' && id->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && id->len > 0)
            g_string_append_c (id, '-');
          g_string_append_c (id, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }
  return g_string_free (id, FALSE);
}
