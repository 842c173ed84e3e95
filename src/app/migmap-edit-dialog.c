/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-edit-dialog.c: the form that creates or changes one entity
 *
 * The form does not know the schema's rules: after every change (on idle,
 * so that typing a word checks once) it builds the entity's JSON and asks
 * the editor whether the catalogue would load with it, then puts the
 * loader's answer under the field it names.  So the form can never accept
 * what the file would refuse, and a rule added to the loader reaches the
 * form without a line here.  Fields the form does not show (none, as the
 * tables follow the schema) would be kept from the entity as it was.
 */
#include "config.h"

#include "migmap-edit-dialog.h"
#include "migmap-edit-dialog-private.h"
#include "migmap-edit-list.h"

#include <glib/gi18n-lib.h>
#include <json-c/json.h>
#include <math.h>
#include <string.h>

/* A free-text source that stands in while the user has not yet given one,
 * so that the other fields are checked meanwhile; never saved. */
#define PENDING_SOURCE "(source not yet given)"

typedef struct {
  const MigmapFieldSpec *spec;
  GtkWidget *input;        /* GtkEntry, GtkTextView, GtkDropDown or MigmapEditList */
  GtkWidget *name_label;   /* REF, COUNTRY: what the id names */
  GtkWidget *error_label;
  GtkWidget *marked;       /* the widget carrying the "error" class (a ref: a row may go) */
} Field;

struct _MigmapEditDialog
{
  GtkWindow parent_instance;

  /* template */
  GtkGrid     *fields_grid;
  GtkEntry    *source_entry;
  GtkLabel    *source_hint;
  GtkLabel    *status_label;
  GtkWidget   *save_button;

  MigmapCatalogueEditor *editor;
  MigmapMapView *map_view;
  char        *kind;
  char        *id;
  json_object *original;    /* the entity as it was; NULL: new */
  GPtrArray   *fields;      /* Field */
  GHashTable  *choices;     /* entity array or "countries" -> GtkListStore (id, label) */
  GtkToggleButton *pick_button;
  char        *source_error;
  guint        check_idle;
  gboolean     id_edited;
  gboolean     setting_id;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MigmapEditDialog, migmap_edit_dialog, GTK_TYPE_WINDOW)

static Field *
find_field (MigmapEditDialog *self,
            const char       *name)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->spec->name, name))
        return field;
    }
  return NULL;
}

/* ---- choices: what completes a reference ---- */

static GtkTreeModel *
choices_for (MigmapEditDialog *self,
             const char       *ref)
{
  MigmapCatalogue *catalogue = migmap_catalogue_editor_get_catalogue (self->editor);
  GtkListStore *store;
  GListModel *model = NULL;

  if (ref == NULL)
    return NULL;
  store = g_hash_table_lookup (self->choices, ref);
  if (store != NULL)
    return GTK_TREE_MODEL (store);

  store = gtk_list_store_new (2, G_TYPE_STRING, G_TYPE_STRING);
  if (g_str_equal (ref, "countries"))
    {
      MigmapCountryCodes *codes = migmap_catalogue_get_country_codes (catalogue);
      g_auto(GStrv) all = migmap_country_codes_dup_codes (codes);

      for (guint i = 0; all[i] != NULL; i++)
        gtk_list_store_insert_with_values (store, NULL, -1, 0, all[i],
                                           1, migmap_country_codes_get_translated_name (codes, all[i]), -1);
    }
  else if (g_str_equal (ref, "sources"))
    {
      const char * const *files = migmap_catalogue_get_source_files (catalogue);

      for (guint i = 0; files != NULL && files[i] != NULL; i++)
        {
          const char *title = migmap_catalogue_get_source_title (catalogue, files[i]);

          gtk_list_store_insert_with_values (store, NULL, -1, 0, files[i], 1, title ? title : "", -1);
        }
    }
  else
    {
      if (g_str_equal (ref, "organisations"))
        model = migmap_catalogue_get_organisations (catalogue);
      else if (g_str_equal (ref, "dialogues"))
        model = migmap_catalogue_get_dialogues (catalogue);
      else if (g_str_equal (ref, "groups"))
        model = migmap_catalogue_get_groups (catalogue);
      else if (g_str_equal (ref, "places"))
        model = migmap_catalogue_get_places (catalogue);
      else if (g_str_equal (ref, "projects"))
        model = migmap_catalogue_get_projects (catalogue);
      else if (g_str_equal (ref, "events"))
        model = migmap_catalogue_get_events (catalogue);
      else if (g_str_equal (ref, "documents"))
        model = migmap_catalogue_get_documents (catalogue);
      for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);
          g_autofree char *id = NULL;
          g_autofree char *label = NULL;

          /* Every entity class has "id" and a "name" or "title". */
          if (g_object_class_find_property (G_OBJECT_GET_CLASS (item), "id") == NULL)
            continue;
          g_object_get (item, "id", &id, NULL);
          if (g_object_class_find_property (G_OBJECT_GET_CLASS (item), "name"))
            g_object_get (item, "name", &label, NULL);
          else if (g_object_class_find_property (G_OBJECT_GET_CLASS (item), "title"))
            g_object_get (item, "title", &label, NULL);
          gtk_list_store_insert_with_values (store, NULL, -1, 0, id, 1, label ? _(label) : "", -1);
        }
    }
  g_hash_table_insert (self->choices, g_strdup (ref), store);
  return GTK_TREE_MODEL (store);
}

/* ---- reading and writing the widgets ---- */

static char *
dup_input_text (GtkWidget *input)
{
  if (GTK_IS_TEXT_VIEW (input))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
    }
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (input))));
}

static void
set_input_text (GtkWidget  *input,
                const char *text)
{
  if (GTK_IS_TEXT_VIEW (input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), text ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (input), text ? text : "");
}

static char *
dup_entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* Country codes are upper case; "tun" is what a hurried hand types. */
static void
upper_in_place (char *text)
{
  for (; *text != '\0'; text++)
    *text = g_ascii_toupper (*text);
}

static const char *
member_string (json_object *object,
               const char  *key)
{
  json_object *value = NULL;

  if (object && json_object_object_get_ex (object, key, &value) && json_object_is_type (value, json_type_string))
    return json_object_get_string (value);
  return NULL;
}

static void
load_field (MigmapEditDialog *self,
            Field            *field,
            json_object      *value)
{
  const MigmapFieldSpec *spec = field->spec;

  if (value == NULL || json_object_is_type (value, json_type_null))
    return;
  switch (spec->type)
    {
    case MIGMAP_FIELD_TEXT:
    case MIGMAP_FIELD_LONG:
    case MIGMAP_FIELD_DATE:
    case MIGMAP_FIELD_REF:
    case MIGMAP_FIELD_COUNTRY:
      set_input_text (field->input, json_object_is_type (value, json_type_string) ? json_object_get_string (value)
                                                                              : json_object_to_json_string (value));
      break;
    case MIGMAP_FIELD_NUMBER:
    case MIGMAP_FIELD_INTEGER:
      set_input_text (field->input, json_object_to_json_string_ext (value, JSON_C_TO_STRING_PLAIN));
      break;
    case MIGMAP_FIELD_JSON:
      set_input_text (field->input, json_object_to_json_string_ext (value, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_SPACED |
                                                                           JSON_C_TO_STRING_NOSLASHESCAPE));
      break;
    case MIGMAP_FIELD_STRINGS:
      {
        GString *text = g_string_new (NULL);

        for (gsize i = 0; json_object_is_type (value, json_type_array) && i < json_object_array_length (value); i++)
          g_string_append_printf (text, "%s%s", i ? "\n" : "", json_object_get_string (json_object_array_get_idx (value, i)));
        set_input_text (field->input, text->str);
        g_string_free (text, TRUE);
      }
      break;
    case MIGMAP_FIELD_ENUM:
      for (guint i = 0; spec->choices[i].value != NULL; i++)
        if (g_strcmp0 (spec->choices[i].value, json_object_get_string (value)) == 0)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (field->input), i + (spec->required ? 0 : 1));
      break;
    case MIGMAP_FIELD_REFS:
    case MIGMAP_FIELD_COUNTRIES:
    case MIGMAP_FIELD_MEMBERS:
      for (gsize i = 0; json_object_is_type (value, json_type_array) && i < json_object_array_length (value); i++)
        {
          json_object *item = json_object_array_get_idx (value, i);
          MigmapEditRow *row = migmap_edit_list_add_row (MIGMAP_EDIT_LIST (field->input));

          if (json_object_is_type (item, json_type_string))
            migmap_edit_row_set_values (row, json_object_get_string (item), NULL, NULL, NULL);
          else if (spec->type == MIGMAP_FIELD_MEMBERS)
            migmap_edit_row_set_values (row, member_string (item, "country"), member_string (item, "valid_from"),
                                        member_string (item, "valid_to"), member_string (item, "note"));
          else
            migmap_edit_row_set_values (row, member_string (item, spec->object_key), NULL, NULL,
                                        member_string (item, "role"));
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The field's JSON value, NULL when empty (absent: "not stated"); @problem
 * is set for what cannot even be put in JSON. */
static json_object *
read_field (Field  *field,
            char  **problem)
{
  const MigmapFieldSpec *spec = field->spec;
  g_autofree char *text = NULL;

  switch (spec->type)
    {
    case MIGMAP_FIELD_TEXT:
    case MIGMAP_FIELD_LONG:
    case MIGMAP_FIELD_DATE:
    case MIGMAP_FIELD_REF:
      text = dup_input_text (field->input);
      return *text ? json_object_new_string (text) : NULL;
    case MIGMAP_FIELD_COUNTRY:
      text = dup_input_text (field->input);
      upper_in_place (text);
      return *text ? json_object_new_string (text) : NULL;
    case MIGMAP_FIELD_NUMBER:
      {
        char *end = NULL;
        double number;

        text = dup_input_text (field->input);
        if (*text == '\0')
          return NULL;
        number = g_ascii_strtod (text, &end);
        /* The loader says what is wrong with a string where a number goes. */
        if (end == text || *end != '\0' || !isfinite (number))
          return json_object_new_string (text);
        return json_object_new_double_s (number, text);
      }
    case MIGMAP_FIELD_INTEGER:
      {
        gint64 number;

        text = dup_input_text (field->input);
        if (*text == '\0')
          return NULL;
        if (!g_ascii_string_to_signed (text, 10, G_MININT32, G_MAXINT32, &number, NULL))
          return json_object_new_string (text);
        return json_object_new_int64 (number);
      }
    case MIGMAP_FIELD_JSON:
      {
        enum json_tokener_error parse_error = json_tokener_success;
        json_object *value;

        text = dup_input_text (field->input);
        if (*text == '\0')
          return NULL;
        value = json_tokener_parse_verbose (text, &parse_error);
        if (value == NULL)
          /* TRANSLATORS: %s is json-c's description of the problem, in English */
          *problem = g_strdup_printf (_("Not valid JSON: %s"), json_tokener_error_desc (parse_error));
        return value;
      }
    case MIGMAP_FIELD_STRINGS:
      {
        g_auto(GStrv) lines = NULL;
        json_object *array = json_object_new_array ();

        text = dup_input_text (field->input);
        lines = g_strsplit (text, "\n", -1);
        for (guint i = 0; lines[i] != NULL; i++)
          if (*g_strstrip (lines[i]) != '\0')
            json_object_array_add (array, json_object_new_string (lines[i]));
        if (json_object_array_length (array) == 0)
          g_clear_pointer (&array, json_object_put);
        return array;
      }
    case MIGMAP_FIELD_ENUM:
      {
        guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (field->input));

        if (!spec->required)
          {
            if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
              return NULL;
            selected--;
          }
        if (selected == GTK_INVALID_LIST_POSITION)
          return NULL;
        return json_object_new_string (spec->choices[selected].value);
      }
    case MIGMAP_FIELD_REFS:
    case MIGMAP_FIELD_COUNTRIES:
    case MIGMAP_FIELD_MEMBERS:
      {
        GListModel *rows = migmap_edit_list_get_rows (MIGMAP_EDIT_LIST (field->input));
        json_object *array = json_object_new_array ();

        for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
          {
            g_autoptr(MigmapEditRow) row = g_list_model_get_item (rows, i);
            g_autofree char *value = dup_entry_text (migmap_edit_row_get_entry (row));
            g_autofree char *from = dup_entry_text (migmap_edit_row_get_from_entry (row));
            g_autofree char *to = dup_entry_text (migmap_edit_row_get_to_entry (row));
            g_autofree char *extra = dup_entry_text (migmap_edit_row_get_extra_entry (row));
            json_object *item;

            if (*value == '\0' && *from == '\0' && *to == '\0' && *extra == '\0')
              continue; /* a row added and not filled in yet */
            if (spec->type != MIGMAP_FIELD_REFS)
              upper_in_place (value);
            if (spec->type == MIGMAP_FIELD_MEMBERS && (*from || *to || *extra))
              {
                item = json_object_new_object ();
                json_object_object_add (item, "country", json_object_new_string (value));
                if (*from)
                  json_object_object_add (item, "valid_from", json_object_new_string (from));
                if (*to)
                  json_object_object_add (item, "valid_to", json_object_new_string (to));
                if (*extra)
                  json_object_object_add (item, "note", json_object_new_string (extra));
              }
            else if (spec->object_key != NULL && *extra)
              {
                item = json_object_new_object ();
                json_object_object_add (item, spec->object_key, json_object_new_string (value));
                json_object_object_add (item, "role", json_object_new_string (extra));
              }
            else
              item = json_object_new_string (value);
            json_object_array_add (array, item);
          }
        /* No members is the loader's to refuse (a group needs one). */
        if (json_object_array_length (array) == 0 && spec->type != MIGMAP_FIELD_MEMBERS)
          g_clear_pointer (&array, json_object_put);
        return array;
      }
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* The entity as the form says, with @source (NULL: the pending stand-in
 * when it has no source yet) among its sources.  A field that cannot be
 * read is named in @bad_field with @problem. */
static json_object *
build_entity (MigmapEditDialog *self,
              const char       *source,
              const char      **bad_field,
              char            **problem)
{
  json_object *entity = NULL;
  json_object *sources = NULL;
  json_object *own = NULL;

  if (self->original == NULL || json_object_deep_copy (self->original, &entity, NULL) != 0)
    {
      entity = json_object_new_object ();
      /* The id leads, as in every entity of the file. */
      json_object_object_add (entity, "id", NULL);
    }
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      char *field_problem = NULL;
      json_object *value = read_field (field, &field_problem);

      if (field_problem != NULL && *problem == NULL)
        {
          *problem = field_problem;
          *bad_field = field->spec->name;
        }
      else
        g_free (field_problem);
      if (value != NULL)
        json_object_object_add (entity, field->spec->name, value);
      else
        json_object_object_del (entity, field->spec->name);
    }

  sources = json_object_new_array ();
  if (json_object_object_get_ex (entity, "source", &own) && json_object_is_type (own, json_type_string))
    json_object_array_add (sources, json_object_get (own));
  for (gsize i = 0; own != NULL && json_object_is_type (own, json_type_array) && i < json_object_array_length (own); i++)
    json_object_array_add (sources, json_object_get (json_object_array_get_idx (own, i)));
  if (source == NULL && json_object_array_length (sources) == 0)
    source = PENDING_SOURCE;
  if (source != NULL)
    {
      gboolean listed = FALSE;

      for (gsize i = 0; i < json_object_array_length (sources); i++)
        listed |= g_strcmp0 (json_object_get_string (json_object_array_get_idx (sources, i)), source) == 0;
      if (!listed)
        json_object_array_add (sources, json_object_new_string (source));
    }
  if (json_object_array_length (sources) == 1)
    json_object_object_add (entity, "source", json_object_get (json_object_array_get_idx (sources, 0)));
  else
    json_object_object_add (entity, "source", json_object_get (sources));
  json_object_put (sources);
  return entity;
}

static char *
dup_source (MigmapEditDialog *self)
{
  g_autofree char *source = dup_entry_text (self->source_entry);

  return *source ? g_steal_pointer (&source) : NULL;
}

static char *
entity_to_text (json_object *entity)
{
  return g_strdup (json_object_to_json_string_ext (entity, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
}

/* ---- the check ---- */

static void
mark_widget (GtkWidget  *widget,
             const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  if (GTK_IS_ACCESSIBLE (widget))
    {
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                   message ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message ? message : "", -1);
    }
}

static void
clear_errors (MigmapEditDialog *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      gtk_widget_set_visible (field->error_label, FALSE);
      gtk_label_set_text (GTK_LABEL (field->error_label), "");
      if (field->marked)
        mark_widget (field->marked, NULL);
      g_clear_object (&field->marked);
    }
  g_clear_pointer (&self->source_error, g_free);
  mark_widget (GTK_WIDGET (self->source_entry), NULL);
}

static void
show_field_error (MigmapEditDialog *self,
                  Field            *field,
                  int               index,
                  const char       *message)
{
  GtkWidget *marked = field->input;

  gtk_label_set_text (GTK_LABEL (field->error_label), message);
  gtk_widget_set_visible (field->error_label, TRUE);
  if (MIGMAP_IS_EDIT_LIST (field->input))
    {
      GListModel *rows = migmap_edit_list_get_rows (MIGMAP_EDIT_LIST (field->input));
      guint filled = 0;

      /* The loader counts the values written, not the empty rows. */
      for (guint i = 0; index >= 0 && i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(MigmapEditRow) row = g_list_model_get_item (rows, i);
          g_autofree char *value = dup_entry_text (migmap_edit_row_get_entry (row));

          if (*value == '\0')
            continue;
          if (filled++ == (guint) index)
            {
              marked = GTK_WIDGET (migmap_edit_row_get_entry (row));
              break;
            }
        }
    }
  g_set_object (&field->marked, marked);
  mark_widget (marked, message);
}

static void
check (MigmapEditDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *source = dup_source (self);
  g_autofree char *text = NULL;
  const char *bad_field = NULL;
  const char *status = NULL;
  g_autofree char *general = NULL;
  json_object *entity;
  gboolean valid = TRUE;

  clear_errors (self);
  entity = build_entity (self, source, &bad_field, &problem);
  text = entity_to_text (entity);
  json_object_put (entity);

  if (problem != NULL)
    {
      show_field_error (self, find_field (self, bad_field), -1, problem);
      valid = FALSE;
    }
  else if (self->original == NULL && *migmap_edit_dialog_get_id (self) != '\0' &&
           (general = migmap_catalogue_editor_dup_entity (self->editor, self->kind, migmap_edit_dialog_get_id (self))) != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is already the id of another entry"),
                                                  migmap_edit_dialog_get_id (self));

      g_clear_pointer (&general, g_free);
      show_field_error (self, find_field (self, "id"), -1, message);
      valid = FALSE;
    }
  else if (!migmap_catalogue_editor_check (self->editor, self->kind, text, &error))
    {
      g_autofree char *field_name = NULL;
      int index = -1;
      g_autofree char *message = migmap_edit_explain_error (error->message, error->code,
                                                            migmap_catalogue_editor_get_path (self->editor),
                                                            self->kind, &field_name, &index);
      Field *field = field_name ? find_field (self, field_name) : NULL;

      if (field != NULL)
        show_field_error (self, field, index, message);
      else if (g_strcmp0 (field_name, "source") == 0)
        {
          self->source_error = g_strdup (message);
          mark_widget (GTK_WIDGET (self->source_entry), message);
        }
      else if (field_name == NULL && error->code == MIGMAP_CATALOGUE_ERROR_MISSING_FIELD)
        general = g_steal_pointer (&message);
      else
        general = g_steal_pointer (&message);
      valid = FALSE;
    }

  if (self->source_error != NULL)
    status = self->source_error;
  else if (general != NULL)
    status = general;
  else if (!valid)
    status = _("Correct the marked fields to save.");
  else if (source == NULL)
    status = _("Give the source of this change to save it: a document, a web address or a note.");
  gtk_label_set_text (self->status_label, status ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
  if (status && (!valid || self->source_error))
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_set_sensitive (self->save_button, valid && source != NULL);
}

static gboolean
check_on_idle (gpointer data)
{
  MigmapEditDialog *self = data;

  self->check_idle = 0;
  check (self);
  return G_SOURCE_REMOVE;
}

static void
on_field_changed (MigmapEditDialog *self)
{
  /* Save is off until the check has seen the change. */
  gtk_widget_set_sensitive (self->save_button, FALSE);
  if (self->check_idle == 0)
    self->check_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, check_on_idle, self, NULL);
}

void
migmap_edit_dialog_check_now (MigmapEditDialog *self)
{
  g_return_if_fail (MIGMAP_IS_EDIT_DIALOG (self));
  g_clear_handle_id (&self->check_idle, g_source_remove);
  check (self);
}

/* ---- the id follows the name of a new entity until the user types one ---- */

static void
on_name_changed (MigmapEditDialog *self,
                 GtkEditable      *name_entry)
{
  Field *id_field = find_field (self, "id");
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;

  if (self->original != NULL || self->id_edited || id_field == NULL)
    return;
  base = migmap_edit_make_id (gtk_editable_get_text (name_entry));
  id = g_strdup (base);
  for (guint n = 2; *id != '\0' && n < 1000; n++)
    {
      g_autofree char *taken = migmap_catalogue_editor_dup_entity (self->editor, self->kind, id);

      if (taken == NULL)
        break;
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  self->setting_id = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (id_field->input), id);
  self->setting_id = FALSE;
}

static void
on_id_changed (MigmapEditDialog *self)
{
  if (!self->setting_id)
    self->id_edited = TRUE;
}

/* ---- "Pick on map" ---- */

static gboolean
on_map_pick (MigmapEditDialog *self,
             double            lon,
             double            lat)
{
  Field *lon_field = find_field (self, "lon");
  Field *lat_field = find_field (self, "lat");
  Field *source_field;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (lon_field == NULL || lat_field == NULL)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (lon_field->input), g_ascii_formatd (buffer, sizeof buffer, "%.5f", lon));
  gtk_editable_set_text (GTK_EDITABLE (lat_field->input), g_ascii_formatd (buffer, sizeof buffer, "%.5f", lat));
  /* Coordinates must say where they come from; like the catalogue's
   * other "coordinates_source" values this is data, in English. */
  source_field = find_field (self, "coordinates_source");
  if (source_field != NULL && *gtk_editable_get_text (GTK_EDITABLE (source_field->input)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (source_field->input), "picked on the map in MigMap");
  gtk_toggle_button_set_active (self->pick_button, FALSE);
  return TRUE;
}

static void
on_pick_toggled (MigmapEditDialog *self,
                 GtkToggleButton  *button)
{
  gboolean picking = gtk_toggle_button_get_active (button);

  if (self->map_view == NULL)
    return;
  /* The form steps aside while the map is clicked: it would hide the very
   * place, and block the window it is modal to.  The click brings it back. */
  gtk_window_set_modal (GTK_WINDOW (self), !picking);
  gtk_widget_set_visible (GTK_WIDGET (self), !picking);
  if (picking)
    {
      g_signal_connect_object (self->map_view, "pick", G_CALLBACK (on_map_pick), self, G_CONNECT_SWAPPED);
      gtk_widget_grab_focus (GTK_WIDGET (self->map_view));
    }
  else
    {
      g_signal_handlers_disconnect_by_func (self->map_view, on_map_pick, self);
      gtk_window_present (GTK_WINDOW (self));
    }
}

/* ---- building the form ---- */

static GtkWidget *
new_text_view (void)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 4);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 4);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 48);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  return view;
}

static void
on_reference_changed (GtkEditable *entry,
                      GtkLabel    *label)
{
  GtkTreeModel *choices = g_object_get_data (G_OBJECT (entry), "migmap-choices");
  g_autofree char *upper = g_ascii_strup (gtk_editable_get_text (entry), -1);
  g_autofree char *name = migmap_edit_row_dup_label (choices, gtk_editable_get_text (entry));

  if (name == NULL)
    name = migmap_edit_row_dup_label (choices, upper);
  gtk_label_set_text (label, name ? name : "");
}

static void
add_field (MigmapEditDialog      *self,
           const MigmapFieldSpec *spec,
           int                   *row)
{
  Field *field = g_new0 (Field, 1);
  GtkWidget *label;
  GtkWidget *holder;
  g_autofree char *label_text = NULL;

  field->spec = spec;
  switch (spec->type)
    {
    case MIGMAP_FIELD_LONG:
    case MIGMAP_FIELD_STRINGS:
    case MIGMAP_FIELD_JSON:
      field->input = new_text_view ();
      holder = gtk_widget_get_parent (field->input);
      g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->input)), "changed",
                               G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
      break;
    case MIGMAP_FIELD_ENUM:
      {
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

        if (!spec->required)
          gtk_string_list_append (labels, _("Not stated"));
        for (guint i = 0; spec->choices[i].value != NULL; i++)
          gtk_string_list_append (labels, _(spec->choices[i].label));
        field->input = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
        gtk_widget_set_halign (field->input, GTK_ALIGN_START);
        holder = field->input;
        g_signal_connect_object (field->input, "notify::selected", G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
      }
      break;
    case MIGMAP_FIELD_REFS:
    case MIGMAP_FIELD_COUNTRIES:
    case MIGMAP_FIELD_MEMBERS:
      field->input = GTK_WIDGET (migmap_edit_list_new (choices_for (self, spec->ref),
                                                       spec->type == MIGMAP_FIELD_MEMBERS,
                                                       spec->type == MIGMAP_FIELD_MEMBERS ? _("Note")
                                                       : spec->object_key ? _("Role (optional)") : NULL));
      holder = field->input;
      g_signal_connect_object (field->input, "changed", G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
      break;
    default:
      field->input = gtk_entry_new ();
      gtk_widget_set_hexpand (field->input, TRUE);
      holder = field->input;
      if (spec->type == MIGMAP_FIELD_DATE)
        {
          /* TRANSLATORS: the format of a date entry; keep the letters as they are typed */
          gtk_entry_set_placeholder_text (GTK_ENTRY (field->input), _("YYYY, YYYY-MM or YYYY-MM-DD"));
          gtk_widget_set_hexpand (field->input, FALSE);
          gtk_editable_set_width_chars (GTK_EDITABLE (field->input), 24);
          gtk_widget_set_halign (field->input, GTK_ALIGN_START);
        }
      else if (spec->type == MIGMAP_FIELD_NUMBER)
        {
          gtk_entry_set_input_purpose (GTK_ENTRY (field->input), GTK_INPUT_PURPOSE_NUMBER);
          gtk_widget_set_hexpand (field->input, FALSE);
          gtk_widget_set_halign (field->input, GTK_ALIGN_START);
          /* Coordinates are read left to right whatever the language. */
          gtk_widget_set_direction (field->input, GTK_TEXT_DIR_LTR);
        }
      else if (spec->type == MIGMAP_FIELD_REF || spec->type == MIGMAP_FIELD_COUNTRY)
        {
          GtkTreeModel *choices = choices_for (self, spec->ref);

          migmap_edit_row_complete_entry (GTK_ENTRY (field->input), choices);
          g_object_set_data (G_OBJECT (field->input), "migmap-choices", choices);
          gtk_widget_set_hexpand (field->input, FALSE);
          gtk_editable_set_width_chars (GTK_EDITABLE (field->input), spec->type == MIGMAP_FIELD_COUNTRY ? 6 : 20);
          field->name_label = gtk_label_new (NULL);
          gtk_label_set_xalign (GTK_LABEL (field->name_label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (field->name_label), PANGO_ELLIPSIZE_END);
          gtk_widget_set_hexpand (field->name_label, TRUE);
          gtk_widget_add_css_class (field->name_label, "dim-label");
          holder = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          gtk_box_append (GTK_BOX (holder), field->input);
          gtk_box_append (GTK_BOX (holder), field->name_label);
          g_signal_connect_object (field->input, "changed", G_CALLBACK (on_reference_changed), field->name_label, 0);
        }
      g_signal_connect_object (field->input, "changed", G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
      break;
    }

  /* TRANSLATORS: a required field's label: "Title *" */
  label_text = spec->required ? g_strdup_printf (_("%s *"), _(spec->label)) : g_strdup (_(spec->label));
  label = gtk_label_new (label_text);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 7);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field->input), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_grid_attach (self->fields_grid, label, 0, *row, 1, 1);
  gtk_grid_attach (self->fields_grid, holder, 1, (*row)++, 1, 1);
  if (spec->hint != NULL)
    {
      GtkWidget *hint = gtk_label_new (spec->type == MIGMAP_FIELD_JSON ? spec->hint : _(spec->hint));

      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_widget_add_css_class (hint, "caption");
      gtk_grid_attach (self->fields_grid, hint, 1, (*row)++, 1, 1);
    }
  field->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (field->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (field->error_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (field->error_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (field->error_label, "error");
  gtk_widget_add_css_class (field->error_label, "caption");
  gtk_widget_set_visible (field->error_label, FALSE);
  gtk_grid_attach (self->fields_grid, field->error_label, 1, (*row)++, 1, 1);
  g_ptr_array_add (self->fields, field);

  if (g_str_equal (spec->name, "lon") && self->map_view != NULL)
    {
      self->pick_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Pick on map")));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->pick_button),
                                   _("The form steps aside: click the map where the place is, and it comes back with the latitude and longitude filled in"));
      gtk_widget_set_halign (GTK_WIDGET (self->pick_button), GTK_ALIGN_START);
      g_signal_connect_object (self->pick_button, "toggled", G_CALLBACK (on_pick_toggled), self, G_CONNECT_SWAPPED);
      gtk_grid_attach (self->fields_grid, GTK_WIDGET (self->pick_button), 1, (*row)++, 1, 1);
    }
}

static void
on_save_clicked (MigmapEditDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = dup_source (self);
  g_autofree char *problem = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  const char *bad_field = NULL;
  json_object *entity;

  migmap_edit_dialog_check_now (self);
  if (!gtk_widget_get_sensitive (self->save_button) || source == NULL)
    return;
  entity = build_entity (self, source, &bad_field, &problem);
  text = entity_to_text (entity);
  json_object_put (entity);
  id = g_strdup (migmap_edit_dialog_get_id (self));
  if (!migmap_catalogue_editor_put (self->editor, self->kind, text, source, &error))
    {
      gtk_label_set_text (self->status_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      return;
    }
  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, self->kind, id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
field_free (gpointer data)
{
  Field *field = data;

  g_clear_object (&field->marked);
  g_free (field);
}

static void
migmap_edit_dialog_dispose (GObject *object)
{
  MigmapEditDialog *self = MIGMAP_EDIT_DIALOG (object);

  g_clear_handle_id (&self->check_idle, g_source_remove);
  if (self->map_view)
    g_signal_handlers_disconnect_by_func (self->map_view, on_map_pick, self);
  g_clear_object (&self->map_view);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIGMAP_TYPE_EDIT_DIALOG);
  G_OBJECT_CLASS (migmap_edit_dialog_parent_class)->dispose (object);
}

static void
migmap_edit_dialog_finalize (GObject *object)
{
  MigmapEditDialog *self = MIGMAP_EDIT_DIALOG (object);

  g_clear_object (&self->editor);
  g_free (self->kind);
  g_free (self->id);
  g_free (self->source_error);
  json_object_put (self->original);
  g_ptr_array_unref (self->fields);
  g_hash_table_unref (self->choices);
  G_OBJECT_CLASS (migmap_edit_dialog_parent_class)->finalize (object);
}

static void
migmap_edit_dialog_class_init (MigmapEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = migmap_edit_dialog_dispose;
  object_class->finalize = migmap_edit_dialog_finalize;

  /* The entity was saved (kind, id): show it. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/migmap/MigMap/migmap-edit-dialog.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "fields", FALSE,
                                             G_STRUCT_OFFSET (MigmapEditDialog, fields_grid));
  gtk_widget_class_bind_template_child (widget_class, MigmapEditDialog, source_entry);
  gtk_widget_class_bind_template_child (widget_class, MigmapEditDialog, source_hint);
  gtk_widget_class_bind_template_child (widget_class, MigmapEditDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, MigmapEditDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
migmap_edit_dialog_init (MigmapEditDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_ptr_array_new_with_free_func (field_free);
  self->choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

MigmapEditDialog *
migmap_edit_dialog_new (GtkWindow             *parent,
                        MigmapCatalogueEditor *editor,
                        MigmapMapView         *map_view,
                        const char            *kind,
                        const char            *id)
{
  const MigmapFieldSpec *specs = migmap_edit_fields_for_kind (kind);
  MigmapEditDialog *self;
  g_autofree char *title = NULL;
  int row = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (editor), NULL);
  g_return_val_if_fail (map_view == NULL || MIGMAP_IS_MAP_VIEW (map_view), NULL);
  g_return_val_if_fail (specs != NULL, NULL);

  self = g_object_new (MIGMAP_TYPE_EDIT_DIALOG, "transient-for", parent, NULL);
  self->editor = g_object_ref (editor);
  self->map_view = map_view ? g_object_ref (map_view) : NULL;
  self->kind = g_strdup (kind);
  if (id != NULL)
    {
      g_autofree char *text = migmap_catalogue_editor_dup_entity (editor, kind, id);

      self->original = text ? json_tokener_parse (text) : NULL;
      g_return_val_if_fail (self->original != NULL, self);
      self->id = g_strdup (id);
    }

  for (guint i = 0; specs[i].name != NULL; i++)
    add_field (self, &specs[i], &row);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      json_object *value = NULL;

      if (self->original && json_object_object_get_ex (self->original, field->spec->name, &value))
        load_field (self, field, value);
      if (g_str_equal (field->spec->name, "id"))
        {
          /* Other entries refer to it by its id: renaming is not an edit. */
          gtk_editable_set_editable (GTK_EDITABLE (field->input), self->original == NULL);
          gtk_widget_set_sensitive (field->input, self->original == NULL);
          g_signal_connect_object (field->input, "changed", G_CALLBACK (on_id_changed), self, G_CONNECT_SWAPPED);
        }
      if (self->original == NULL && (g_str_equal (field->spec->name, "title") || g_str_equal (field->spec->name, "name")))
        g_signal_connect_object (field->input, "changed", G_CALLBACK (on_name_changed), self, G_CONNECT_SWAPPED);
    }
  migmap_edit_row_complete_entry (self->source_entry, choices_for (self, "sources"));

  if (self->original != NULL)
    {
      const char *name = member_string (self->original, "title");

      if (name == NULL)
        name = member_string (self->original, "name");
      /* TRANSLATORS: the edit form's title: "Edit Project: AMEDIP" */
      title = g_strdup_printf (_("%s: %s"), migmap_edit_kind_label (kind, FALSE), name ? name : id);
    }
  gtk_window_set_title (GTK_WINDOW (self), title ? title : migmap_edit_kind_label (kind, TRUE));
  /* Typing starts with the name or title. */
  if (self->fields->len > 0)
    gtk_window_set_focus (GTK_WINDOW (self), ((Field *) g_ptr_array_index (self->fields, 0))->input);
  check (self);
  return self;
}

gboolean
migmap_edit_dialog_can_edit (const char *kind)
{
  return migmap_edit_fields_for_kind (kind) != NULL;
}

const char *
migmap_edit_dialog_get_kind (MigmapEditDialog *self)
{
  g_return_val_if_fail (MIGMAP_IS_EDIT_DIALOG (self), NULL);
  return self->kind;
}

const char *
migmap_edit_dialog_get_id (MigmapEditDialog *self)
{
  Field *field;

  g_return_val_if_fail (MIGMAP_IS_EDIT_DIALOG (self), NULL);
  if (self->id != NULL)
    return self->id;
  field = find_field (self, "id");
  return field ? gtk_editable_get_text (GTK_EDITABLE (field->input)) : "";
}

GtkWidget *
migmap_edit_dialog_get_field (MigmapEditDialog *self,
                              const char       *name)
{
  Field *field;

  g_return_val_if_fail (MIGMAP_IS_EDIT_DIALOG (self), NULL);
  if (g_strcmp0 (name, "source") == 0)
    return GTK_WIDGET (self->source_entry);
  field = find_field (self, name);
  return field ? field->input : NULL;
}

const char *
migmap_edit_dialog_get_field_error (MigmapEditDialog *self,
                                    const char       *name)
{
  Field *field;

  g_return_val_if_fail (MIGMAP_IS_EDIT_DIALOG (self), NULL);
  if (g_strcmp0 (name, "source") == 0)
    return self->source_error;
  field = find_field (self, name);
  if (field == NULL || !gtk_widget_get_visible (field->error_label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (field->error_label));
}

const char *
migmap_edit_dialog_get_status (MigmapEditDialog *self)
{
  g_return_val_if_fail (MIGMAP_IS_EDIT_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->status_label)) ? gtk_label_get_text (self->status_label) : NULL;
}

GtkWidget *
migmap_edit_dialog_get_save_button (MigmapEditDialog *self)
{
  g_return_val_if_fail (MIGMAP_IS_EDIT_DIALOG (self), NULL);
  return self->save_button;
}

GtkToggleButton *
migmap_edit_dialog_get_pick_button (MigmapEditDialog *self)
{
  g_return_val_if_fail (MIGMAP_IS_EDIT_DIALOG (self), NULL);
  return self->pick_button;
}

char *
migmap_edit_dialog_dup_json (MigmapEditDialog *self)
{
  g_autofree char *source = NULL;
  g_autofree char *problem = NULL;
  const char *bad_field = NULL;
  json_object *entity;
  char *text;

  g_return_val_if_fail (MIGMAP_IS_EDIT_DIALOG (self), NULL);
  source = dup_source (self);
  entity = build_entity (self, source, &bad_field, &problem);
  text = entity_to_text (entity);
  json_object_put (entity);
  return text;
}
