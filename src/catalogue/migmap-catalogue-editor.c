/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue-editor.c: a catalogue that can be changed
 *
 * The tree installed in self->root is never modified: every change works on
 * a deep copy and installs it once the loader accepts it.  So undo entries
 * can share trees by reference, and "what changed since the save" is a
 * comparison of two trees rather than bookkeeping that undo could upset.
 */
#include "config.h"

#include "migmap-catalogue-editor.h"
#include "migmap-catalogue-editor-private.h"

#include "migmap-catalogue-json-private.h"
#include "migmap-catalogue-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const char * const kinds[] = {
  "organisations", "dialogues", "themes", "groups", "places", "projects", "events", "documents", NULL
};

typedef struct {
  char        *kind;
  char        *id;
  GStrv        more;   /* an import's other "kind/id"s */
  json_object *before; /* whole trees, shared, never modified */
  json_object *after;
  char        *source;
} Command;

struct _MigmapCatalogueEditor {
  GObject parent_instance;

  char               *path;
  MigmapCountryCodes *codes;
  json_object        *root;
  json_object        *saved;        /* the tree last opened or saved */
  json_object        *pending_save; /* between save_data and save_done */
  MigmapCatalogue    *catalogue;
  MigmapCommandStack *history;
};

enum {
  PROP_0,
  PROP_CATALOGUE,
  PROP_PATH,
  N_PROPS
};

enum {
  CHANGED,
  APPLIED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MigmapCatalogueEditor, migmap_catalogue_editor, G_TYPE_OBJECT)

static void
command_free (gpointer data)
{
  Command *command = data;

  g_free (command->kind);
  g_free (command->id);
  g_strfreev (command->more);
  json_object_put (command->before);
  json_object_put (command->after);
  g_free (command->source);
  g_free (command);
}

static void
migmap_catalogue_editor_finalize (GObject *object)
{
  MigmapCatalogueEditor *self = MIGMAP_CATALOGUE_EDITOR (object);

  g_free (self->path);
  g_clear_object (&self->codes);
  json_object_put (self->root);
  json_object_put (self->saved);
  json_object_put (self->pending_save);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (migmap_catalogue_editor_parent_class)->finalize (object);
}

static void
migmap_catalogue_editor_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  MigmapCatalogueEditor *self = MIGMAP_CATALOGUE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CATALOGUE:
      g_value_set_object (value, self->catalogue);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_catalogue_editor_class_init (MigmapCatalogueEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = migmap_catalogue_editor_finalize;
  object_class->get_property = migmap_catalogue_editor_get_property;

  properties[PROP_CATALOGUE] = g_param_spec_object ("catalogue", NULL, NULL, MIGMAP_TYPE_CATALOGUE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The catalogue was replaced: rebuild what was drawn from it. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                   G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
migmap_catalogue_editor_init (MigmapCatalogueEditor *self)
{
  self->history = migmap_command_stack_new ();
}

static MigmapCatalogueEditor *
editor_new (const char         *path,
            json_object        *root,
            MigmapCountryCodes *codes,
            GError            **error)
{
  g_autoptr(MigmapCatalogueEditor) self = NULL;
  MigmapCatalogue *catalogue;

  catalogue = migmap_catalogue_new_from_json (root, path, codes, error);
  if (catalogue == NULL)
    {
      json_object_put (root);
      return NULL;
    }
  self = g_object_new (MIGMAP_TYPE_CATALOGUE_EDITOR, NULL);
  self->path = g_strdup (path);
  self->codes = g_object_ref (codes);
  self->root = root;
  self->saved = json_object_get (root);
  self->catalogue = catalogue;
  return g_steal_pointer (&self);
}

MigmapCatalogueEditor *
migmap_catalogue_editor_new_from_file (const char         *path,
                                       MigmapCountryCodes *codes,
                                       GError            **error)
{
  json_object *root;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (MIGMAP_IS_COUNTRY_CODES (codes), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = migmap_json_parse_file (path, error);
  if (root == NULL)
    return NULL;
  return editor_new (path, root, codes, error);
}

MigmapCatalogueEditor *
migmap_catalogue_editor_new_from_data (const char         *path,
                                       const char         *data,
                                       gsize               length,
                                       MigmapCountryCodes *codes,
                                       GError            **error)
{
  struct json_tokener *tok;
  json_object *root;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (MIGMAP_IS_COUNTRY_CODES (codes), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tok = json_tokener_new ();
  json_tokener_set_flags (tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
  root = json_tokener_parse_ex (tok, data, (int) MIN (length, (gsize) G_MAXINT));
  if (root == NULL || json_tokener_get_parse_end (tok) < length)
    {
      g_set_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_SYNTAX,
                   "%s: malformed JSON: %s", path,
                   root == NULL ? json_tokener_error_desc (json_tokener_get_error (tok))
                                : "unexpected data after the end of the document");
      json_object_put (root);
      json_tokener_free (tok);
      return NULL;
    }
  json_tokener_free (tok);
  return editor_new (path, root, codes, error);
}

MigmapCatalogue *
migmap_catalogue_editor_get_catalogue (MigmapCatalogueEditor *self)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), NULL);
  return self->catalogue;
}

const char *
migmap_catalogue_editor_get_path (MigmapCatalogueEditor *self)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), NULL);
  return self->path;
}

void
migmap_catalogue_editor_set_path (MigmapCatalogueEditor *self,
                                  const char            *path)
{
  g_return_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self));
  g_return_if_fail (path != NULL);

  if (g_strcmp0 (self->path, path) == 0)
    return;
  g_free (self->path);
  self->path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

MigmapCommandStack *
migmap_catalogue_editor_get_history (MigmapCatalogueEditor *self)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), NULL);
  return self->history;
}

gboolean
migmap_catalogue_editor_is_modified (MigmapCatalogueEditor *self)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), FALSE);
  return !json_object_equal (self->root, self->saved);
}

gboolean
migmap_catalogue_editor_is_kind (const char *kind)
{
  return kind != NULL && g_strv_contains (kinds, kind);
}

/* --- the tree ----------------------------------------------------------------- */

json_object *
migmap_catalogue_json_find_entity (json_object *root,
             const char  *kind,
             const char  *id,
             gsize       *index)
{
  json_object *array = NULL;

  if (!json_object_object_get_ex (root, kind, &array) || !json_object_is_type (array, json_type_array))
    return NULL;
  for (gsize i = 0; i < json_object_array_length (array); i++)
    {
      json_object *item = json_object_array_get_idx (array, i);
      json_object *item_id = NULL;

      if (json_object_object_get_ex (item, "id", &item_id) &&
          json_object_is_type (item_id, json_type_string) &&
          g_strcmp0 (json_object_get_string (item_id), id) == 0)
        {
          if (index != NULL)
            *index = i;
          return item;
        }
    }
  return NULL;
}

static const char *
source_kind (const char *source)
{
  if (g_str_has_prefix (source, "http://") || g_str_has_prefix (source, "https://"))
    return "url";
  /* A document of the collection is a file name: no spaces, an extension. */
  if (strchr (source, ' ') == NULL && strchr (source, '.') != NULL)
    return "document";
  return "text";
}

void
migmap_catalogue_json_list_source (json_object *root,
                                   const char  *source)
{
  json_object *sources = NULL;
  gboolean listed = FALSE;

  if (!json_object_object_get_ex (root, "sources", &sources) || !json_object_is_type (sources, json_type_array))
    {
      sources = json_object_new_array ();
      json_object_object_add (root, "sources", sources);
    }
  for (gsize i = 0; i < json_object_array_length (sources) && !listed; i++)
    {
      json_object *file = NULL;

      if (json_object_object_get_ex (json_object_array_get_idx (sources, i), "file", &file))
        listed = g_strcmp0 (json_object_get_string (file), source) == 0;
    }
  if (!listed)
    {
      json_object *entry = json_object_new_object ();

      json_object_object_add (entry, "file", json_object_new_string (source));
      json_object_object_add (entry, "kind", json_object_new_string (source_kind (source)));
      json_object_array_add (sources, entry);
    }
}

/* Adds @source to the catalogue's "sources" (if new) and to @entity's. */
static void
add_source (json_object *root,
            json_object *entity,
            const char  *source)
{
  json_object *own = NULL;

  migmap_catalogue_json_list_source (root, source);
  if (!json_object_object_get_ex (entity, "source", &own) || json_object_is_type (own, json_type_null))
    {
      json_object_object_add (entity, "source", json_object_new_string (source));
      return;
    }
  if (json_object_is_type (own, json_type_string))
    {
      json_object *array;

      if (g_strcmp0 (json_object_get_string (own), source) == 0)
        return;
      array = json_object_new_array ();
      json_object_array_add (array, json_object_get (own));
      json_object_array_add (array, json_object_new_string (source));
      json_object_object_add (entity, "source", array);
      return;
    }
  if (json_object_is_type (own, json_type_array))
    {
      for (gsize i = 0; i < json_object_array_length (own); i++)
        if (g_strcmp0 (json_object_get_string (json_object_array_get_idx (own, i)), source) == 0)
          return;
      json_object_array_add (own, json_object_new_string (source));
    }
  /* Anything else is left for the loader to refuse. */
}

static json_object *
parse_entity (const char  *path,
              const char  *kind,
              const char  *text,
              GError     **error)
{
  struct json_tokener *tok = json_tokener_new ();
  json_object *entity;

  json_tokener_set_flags (tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
  entity = json_tokener_parse_ex (tok, text, (int) MIN (strlen (text), (gsize) G_MAXINT));
  if (entity == NULL || !json_object_is_type (entity, json_type_object))
    {
      g_set_error (error, MIGMAP_CATALOGUE_ERROR, entity == NULL ? MIGMAP_CATALOGUE_ERROR_SYNTAX : MIGMAP_CATALOGUE_ERROR_TYPE,
                   "%s: %s: %s", path, kind,
                   entity == NULL ? json_tokener_error_desc (json_tokener_get_error (tok)) : "expected a JSON object");
      json_object_put (entity);
      entity = NULL;
    }
  json_tokener_free (tok);
  return entity;
}

/* Installs @root (taken) if it loads; emits nothing. */
static gboolean
install (MigmapCatalogueEditor *self,
         json_object           *root,
         GError               **error)
{
  MigmapCatalogue *catalogue = migmap_catalogue_new_from_json (root, self->path, self->codes, error);

  if (catalogue == NULL)
    {
      json_object_put (root);
      return FALSE;
    }
  json_object_put (self->root);
  self->root = root;
  g_set_object (&self->catalogue, catalogue);
  g_object_unref (catalogue);
  return TRUE;
}

static void
announce (MigmapCatalogueEditor *self,
          const char            *kind,
          const char            *id,
          const char            *source)
{
  g_autofree char *entity = migmap_catalogue_editor_dup_entity (self, kind, id);

  g_signal_emit (self, signals[APPLIED], 0, kind, id, entity, source);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOGUE]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The tree with the entity @kind/@id replaced by @entity (taken; NULL:
 * deleted), not yet loaded: the one place set_entity and check build it. */
static json_object *
build_tree (MigmapCatalogueEditor *self,
            const char            *kind,
            const char            *id,
            json_object           *entity,
            const char            *source,
            gboolean              *exists_out,
            GError               **error)
{
  json_object *root = NULL;
  json_object *array = NULL;
  gsize index = 0;
  gboolean exists;

  if (json_object_deep_copy (self->root, &root, NULL) != 0)
    g_error ("out of memory copying the catalogue");
  exists = migmap_catalogue_json_find_entity (root, kind, id, &index) != NULL;
  if (entity == NULL && !exists)
    {
      json_object_put (root);
      g_set_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_UNKNOWN_REFERENCE,
                   "%s: %s: no \"%s\" to delete", self->path, kind, id);
      return NULL;
    }
  if (!json_object_object_get_ex (root, kind, &array) || !json_object_is_type (array, json_type_array))
    {
      array = json_object_new_array ();
      json_object_object_add (root, kind, array);
    }
  if (entity != NULL && source != NULL && *source != '\0')
    add_source (root, entity, source);
  /* Whatever the entity names as its source is a source of the catalogue
   * (a journal replays an import's entities without their source). */
  if (entity != NULL)
    {
      json_object *own = NULL;

      json_object_object_get_ex (entity, "source", &own);
      if (own != NULL && json_object_is_type (own, json_type_string))
        migmap_catalogue_json_list_source (root, json_object_get_string (own));
      for (gsize i = 0; own != NULL && json_object_is_type (own, json_type_array) && i < json_object_array_length (own); i++)
        if (json_object_is_type (json_object_array_get_idx (own, i), json_type_string))
          migmap_catalogue_json_list_source (root, json_object_get_string (json_object_array_get_idx (own, i)));
    }

  if (entity == NULL)
    json_object_array_del_idx (array, index, 1);
  else if (exists)
    json_object_array_put_idx (array, index, entity);
  else
    json_object_array_add (array, entity);
  if (exists_out != NULL)
    *exists_out = exists;
  return root;
}

/* Parses @entity_json and checks that its "id" is @id (NULL: any non-empty). */
static json_object *
parse_entity_with_id (MigmapCatalogueEditor *self,
                      const char            *kind,
                      const char            *id,
                      const char            *entity_json,
                      GError               **error)
{
  g_autoptr(json_object) entity = parse_entity (self->path, kind, entity_json, error);
  json_object *entity_id = NULL;

  if (entity == NULL)
    return NULL;
  if (!json_object_object_get_ex (entity, "id", &entity_id) || !json_object_is_type (entity_id, json_type_string) ||
      *json_object_get_string (entity_id) == '\0')
    {
      g_set_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_MISSING_FIELD,
                   "%s: %s: missing required field \"id\"", self->path, kind);
      return NULL;
    }
  if (id != NULL && g_strcmp0 (json_object_get_string (entity_id), id) != 0)
    {
      g_set_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_BAD_VALUE,
                   "%s: %s: id \"%s\" does not match \"%s\"", self->path, kind,
                   json_object_get_string (entity_id), id);
      return NULL;
    }
  return g_steal_pointer (&entity);
}

gboolean
migmap_catalogue_editor_set_entity (MigmapCatalogueEditor *self,
                                    const char            *kind,
                                    const char            *id,
                                    const char            *entity_json,
                                    const char            *source,
                                    GError               **error)
{
  json_object *entity = NULL;
  json_object *root;
  Command *command;
  gboolean exists = FALSE;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), FALSE);
  g_return_val_if_fail (migmap_catalogue_editor_is_kind (kind), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (entity_json != NULL)
    {
      entity = parse_entity_with_id (self, kind, id, entity_json, error);
      if (entity == NULL)
        return FALSE;
    }
  root = build_tree (self, kind, id, entity, source, &exists, error);
  if (root == NULL)
    {
      json_object_put (entity);
      return FALSE;
    }

  command = g_new0 (Command, 1);
  command->kind = g_strdup (kind);
  command->id = g_strdup (id);
  command->before = json_object_get (self->root);
  command->source = g_strdup (source);
  if (!install (self, root, error))
    {
      command_free (command);
      return FALSE;
    }
  command->after = json_object_get (self->root);
  migmap_command_stack_push (self->history,
                             entity_json == NULL ? "delete" : exists ? "change" : "create",
                             command, command_free);
  announce (self, kind, id, source);
  return TRUE;
}

gboolean
migmap_catalogue_editor_check (MigmapCatalogueEditor *self,
                               const char            *kind,
                               const char            *entity_json,
                               GError               **error)
{
  g_autoptr(MigmapCatalogue) catalogue = NULL;
  json_object *entity;
  json_object *root;
  json_object *id = NULL;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), FALSE);
  g_return_val_if_fail (migmap_catalogue_editor_is_kind (kind), FALSE);
  g_return_val_if_fail (entity_json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entity = parse_entity_with_id (self, kind, NULL, entity_json, error);
  if (entity == NULL)
    return FALSE;
  json_object_object_get_ex (entity, "id", &id);
  root = build_tree (self, kind, json_object_get_string (id), entity, NULL, NULL, error);
  if (root == NULL)
    {
      json_object_put (entity);
      return FALSE;
    }
  catalogue = migmap_catalogue_new_from_json (root, self->path, self->codes, error);
  json_object_put (root);
  return catalogue != NULL;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
migmap_catalogue_editor_put (MigmapCatalogueEditor *self,
                             const char            *kind,
                             const char            *entity_json,
                             const char            *source,
                             GError               **error)
{
  g_autoptr(json_object) entity = NULL;
  json_object *id = NULL;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), FALSE);
  g_return_val_if_fail (migmap_catalogue_editor_is_kind (kind), FALSE);
  g_return_val_if_fail (entity_json != NULL, FALSE);

  entity = parse_entity (self->path, kind, entity_json, error);
  if (entity == NULL)
    return FALSE;
  if (!json_object_object_get_ex (entity, "id", &id) || !json_object_is_type (id, json_type_string) ||
      *json_object_get_string (id) == '\0')
    {
      g_set_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_MISSING_FIELD,
                   "%s: %s: missing required field \"id\"", self->path, kind);
      return FALSE;
    }
  /* The map is only worth its sources: no change without one. */
  if (is_blank (source))
    {
      g_set_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_MISSING_FIELD,
                   "%s: %s/%s: missing required field \"source\" (a document, a URL or free text)",
                   self->path, kind, json_object_get_string (id));
      return FALSE;
    }
  return migmap_catalogue_editor_set_entity (self, kind, json_object_get_string (id), entity_json, source, error);
}

gboolean
migmap_catalogue_editor_delete (MigmapCatalogueEditor *self,
                                const char            *kind,
                                const char            *id,
                                GError               **error)
{
  return migmap_catalogue_editor_set_entity (self, kind, id, NULL, NULL, error);
}

static gboolean
step (MigmapCatalogueEditor *self,
      gboolean               undo,
      GError               **error)
{
  Command *command = undo ? migmap_command_stack_undo (self->history) : migmap_command_stack_redo (self->history);

  if (command == NULL)
    return TRUE;
  /* Both trees loaded once; this only fails if the checks changed since. */
  if (!install (self, json_object_get (undo ? command->before : command->after), error))
    {
      migmap_command_stack_step_back (self->history, undo);
      return FALSE;
    }
  announce (self, command->kind, command->id, undo ? NULL : command->source);
  for (guint i = 0; command->more != NULL && command->more[i] != NULL; i++)
    {
      g_auto(GStrv) key = g_strsplit (command->more[i], "/", 2);

      announce (self, key[0], key[1], NULL);
    }
  return TRUE;
}

gboolean
migmap_catalogue_editor_undo (MigmapCatalogueEditor *self,
                              GError               **error)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), FALSE);
  return step (self, TRUE, error);
}

gboolean
migmap_catalogue_editor_redo (MigmapCatalogueEditor *self,
                              GError               **error)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), FALSE);
  return step (self, FALSE, error);
}

char *
migmap_catalogue_editor_dup_entity (MigmapCatalogueEditor *self,
                                    const char            *kind,
                                    const char            *id)
{
  json_object *entity;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), NULL);
  g_return_val_if_fail (kind != NULL && id != NULL, NULL);

  entity = migmap_catalogue_json_find_entity (self->root, kind, id, NULL);
  if (entity == NULL)
    return NULL;
  return g_strdup (json_object_to_json_string_ext (entity, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
}

char *
migmap_catalogue_editor_to_data (MigmapCatalogueEditor *self,
                                 gsize                 *length)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), NULL);
  return migmap_catalogue_json_to_data (self->root, length);
}

/* --- what changed ----------------------------------------------------------------- */

static char *
show_value (json_object *value)
{
  if (value == NULL || json_object_is_type (value, json_type_null))
    return g_strdup ("(none)");
  return g_strdup (json_object_to_json_string_ext (value, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
}

/* "end "2023-09" -> "2024-03"; places [...] -> [...]"; the source list is
 * left out: it is recorded beside. */
static char *
describe_change (json_object *before,
                 json_object *after)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (before == NULL)
    return g_strdup ("created");
  if (after == NULL)
    return g_strdup ("deleted");

  json_object_object_foreach (after, key, value)
    {
      json_object *old = NULL;

      if (strcmp (key, "source") == 0)
        continue;
      json_object_object_get_ex (before, key, &old);
      if (!json_object_equal (old, value))
        {
          g_autofree char *a = show_value (old);
          g_autofree char *b = show_value (value);

          g_string_append_printf (text, "%s%s %s -> %s", text->len ? "; " : "", key, a, b);
        }
    }
  json_object_object_foreach (before, gone_key, gone_value)
    {
      if (strcmp (gone_key, "source") != 0 && !json_object_object_get_ex (after, gone_key, NULL))
        {
          g_autofree char *a = show_value (gone_value);

          g_string_append_printf (text, "%s%s %s -> (none)", text->len ? "; " : "", gone_key, a);
        }
    }
  if (text->len == 0)
    g_string_append (text, "sources");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Sources of @after that @before lacks, joined with "; ". */
static char *
new_sources (json_object *before,
             json_object *after)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  json_object *b = NULL, *a = NULL;

  if (after == NULL || !json_object_object_get_ex (after, "source", &a))
    return NULL;
  if (before != NULL)
    json_object_object_get_ex (before, "source", &b);
  for (gsize i = 0; i < (json_object_is_type (a, json_type_array) ? json_object_array_length (a) : 1); i++)
    {
      json_object *s = json_object_is_type (a, json_type_array) ? json_object_array_get_idx (a, i) : a;
      gboolean known = FALSE;

      if (b != NULL && json_object_is_type (b, json_type_array))
        for (gsize j = 0; j < json_object_array_length (b) && !known; j++)
          known = json_object_equal (json_object_array_get_idx (b, j), s);
      else if (b != NULL)
        known = json_object_equal (b, s);
      if (!known)
        g_ptr_array_add (added, (gpointer) json_object_get_string (s));
    }
  if (added->len == 0)
    return NULL;
  g_ptr_array_add (added, NULL);
  return g_strjoinv ("; ", (char **) added->pdata);
}

typedef void (*ChangeFunc) (const char  *kind,
                            const char  *id,
                            json_object *before,
                            json_object *after,
                            gpointer     data);

static const char *
entity_id (json_object *entity)
{
  json_object *id = NULL;

  json_object_object_get_ex (entity, "id", &id);
  return json_object_get_string (id);
}

static void
foreach_change (json_object *before_root,
                json_object *after_root,
                ChangeFunc   func,
                gpointer     data)
{
  for (guint k = 0; kinds[k] != NULL; k++)
    {
      json_object *after = NULL, *before = NULL;

      json_object_object_get_ex (after_root, kinds[k], &after);
      json_object_object_get_ex (before_root, kinds[k], &before);
      for (gsize i = 0; after != NULL && i < json_object_array_length (after); i++)
        {
          json_object *entity = json_object_array_get_idx (after, i);
          json_object *old = migmap_catalogue_json_find_entity (before_root, kinds[k], entity_id (entity), NULL);

          if (!json_object_equal (old, entity))
            func (kinds[k], entity_id (entity), old, entity, data);
        }
      for (gsize i = 0; before != NULL && i < json_object_array_length (before); i++)
        {
          json_object *entity = json_object_array_get_idx (before, i);

          if (migmap_catalogue_json_find_entity (after_root, kinds[k], entity_id (entity), NULL) == NULL)
            func (kinds[k], entity_id (entity), entity, NULL, data);
        }
    }
}

static void
add_pending_line (const char  *kind,
                  const char  *id,
                  json_object *before,
                  json_object *after,
                  gpointer     data)
{
  g_autofree char *what = describe_change (before, after);
  g_autofree char *line = g_strdup_printf ("%s/%s: %s", kind, id, what);

  g_strv_builder_add (data, line);
}

char **
migmap_catalogue_editor_dup_pending_changes (MigmapCatalogueEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), NULL);
  foreach_change (self->saved, self->root, add_pending_line, builder);
  return g_strv_builder_end (builder);
}

typedef struct {
  json_object *log;
  const char  *user;
  const char  *at;
} LogData;

static void
add_log_entry (const char  *kind,
               const char  *id,
               json_object *before,
               json_object *after,
               gpointer     data)
{
  LogData *log = data;
  json_object *entry = json_object_new_object ();
  g_autofree char *what = describe_change (before, after);
  g_autofree char *sources = new_sources (before, after);

  json_object_object_add (entry, "at", json_object_new_string (log->at));
  json_object_object_add (entry, "by", json_object_new_string (log->user));
  json_object_object_add (entry, "kind", json_object_new_string (kind));
  json_object_object_add (entry, "id", json_object_new_string (id));
  json_object_object_add (entry, "what", json_object_new_string (what));
  if (sources != NULL)
    json_object_object_add (entry, "source", json_object_new_string (sources));
  json_object_array_add (log->log, entry);
}

char *
migmap_catalogue_editor_save_data (MigmapCatalogueEditor *self,
                                   const char            *user,
                                   GDateTime             *when,
                                   gsize                 *length)
{
  json_object *root = NULL;
  json_object *log = NULL;
  g_autofree char *at = NULL;
  LogData data;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), NULL);
  g_return_val_if_fail (user != NULL && *user != '\0', NULL);
  g_return_val_if_fail (when != NULL, NULL);

  if (json_object_deep_copy (self->root, &root, NULL) != 0)
    g_error ("out of memory copying the catalogue");
  if (!json_object_object_get_ex (root, "changes", &log) || !json_object_is_type (log, json_type_array))
    {
      log = json_object_new_array ();
      json_object_object_add (root, "changes", log);
    }
  at = g_date_time_format_iso8601 (when);
  data = (LogData) { log, user, at };
  foreach_change (self->saved, self->root, add_log_entry, &data);
  if (json_object_array_length (log) == 0 && !json_object_object_get_ex (self->root, "changes", NULL))
    json_object_object_del (root, "changes");

  json_object_put (self->pending_save);
  self->pending_save = root;
  return migmap_catalogue_json_to_data (root, length);
}

void
migmap_catalogue_editor_save_done (MigmapCatalogueEditor *self,
                                   gboolean               written)
{
  g_autoptr(GError) error = NULL;
  json_object *root;

  g_return_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self));
  g_return_if_fail (self->pending_save != NULL);

  root = g_steal_pointer (&self->pending_save);
  if (!written)
    {
      json_object_put (root);
      return;
    }
  /* The log is not an undoable change: undo after a save still reaches
   * the trees before it, which simply lack the newest log entries. */
  if (!install (self, root, &error))
    g_critical ("a saved catalogue does not load: %s", error->message);
  json_object_put (self->saved);
  self->saved = json_object_get (self->root);
  migmap_command_stack_mark_clean (self->history);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOGUE]);
  g_signal_emit (self, signals[CHANGED], 0);
}

char **
migmap_catalogue_editor_dup_change_log (MigmapCatalogueEditor *self,
                                        const char            *kind,
                                        const char            *id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  json_object *log = NULL;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), NULL);
  g_return_val_if_fail (kind != NULL && id != NULL, NULL);

  json_object_object_get_ex (self->root, "changes", &log);
  for (gsize i = log ? json_object_array_length (log) : 0; i > 0; i--)
    {
      json_object *entry = json_object_array_get_idx (log, i - 1);
      json_object *k = NULL, *e = NULL, *at = NULL, *by = NULL, *what = NULL;
      g_autofree char *line = NULL;

      json_object_object_get_ex (entry, "kind", &k);
      json_object_object_get_ex (entry, "id", &e);
      if (g_strcmp0 (json_object_get_string (k), kind) != 0 || g_strcmp0 (json_object_get_string (e), id) != 0)
        continue;
      json_object_object_get_ex (entry, "at", &at);
      json_object_object_get_ex (entry, "by", &by);
      json_object_object_get_ex (entry, "what", &what);
      /* The day is enough on a page; the file keeps the time.  What
       * changed stays as the file records it (field names, values). */
      g_autofree char *day = g_strndup (json_object_get_string (at) ? json_object_get_string (at) : "", 10);

      /* TRANSLATORS: a line of an entry's History: the day (YYYY-MM-DD), the
       * user name, then what changed as the catalogue file records it */
      line = g_strdup_printf (_("edited %s by %s: %s"), day,
                              json_object_get_string (by), json_object_get_string (what));
      g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}

json_object *
migmap_catalogue_editor_get_root (MigmapCatalogueEditor *self)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), NULL);
  return self->root;
}

MigmapCountryCodes *
migmap_catalogue_editor_get_codes (MigmapCatalogueEditor *self)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), NULL);
  return self->codes;
}

gboolean
migmap_catalogue_editor_replace_tree (MigmapCatalogueEditor *self,
                                      json_object           *root,
                                      const char            *label,
                                      const char * const    *keys,
                                      GError               **error)
{
  g_auto(GStrv) first = NULL;
  Command *command;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_EDITOR (self), FALSE);
  g_return_val_if_fail (keys != NULL && keys[0] != NULL, FALSE);

  first = g_strsplit (keys[0], "/", 2);
  command = g_new0 (Command, 1);
  command->kind = g_strdup (first[0]);
  command->id = g_strdup (first[1]);
  command->more = g_strdupv ((char **) keys + 1);
  command->before = json_object_get (self->root);
  if (!install (self, root, error))
    {
      command_free (command);
      return FALSE;
    }
  command->after = json_object_get (self->root);
  migmap_command_stack_push (self->history, label, command, command_free);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_auto(GStrv) key = g_strsplit (keys[i], "/", 2);
      g_autofree char *entity = migmap_catalogue_editor_dup_entity (self, key[0], key[1]);

      g_signal_emit (self, signals[APPLIED], 0, key[0], key[1], entity, NULL);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOGUE]);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}
