/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue-file.c: the user's catalogue on disk, never losing a change
 *
 * The journal is one JSON object per line, each an accepted change as the
 * editor's "applied" signal announces it: {"kind", "id", "entity" (null:
 * deleted), "source"}.  Lines are appended with write() and fsync()'d before
 * the next change is taken, so at most the change being written is lost;
 * a line cut short by a crash has no newline and is ignored.
 */
#include "config.h"

#include "migmap-catalogue-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-c/json.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "migmap-atomic-file.h"

typedef struct {
  gboolean  exists;
  goffset   size;
  gint64    mtime_ns;
  char     *sha256;
} Fingerprint;

struct _MigmapCatalogueFile {
  GObject parent_instance;

  char                  *path;
  MigmapCountryCodes    *codes;
  MigmapCatalogueEditor *editor;
  gulong                 applied_id;
  Fingerprint            opened;
  int                    journal_fd;     /* -1 until the first change */
  GPtrArray             *journal_lines;  /* complete lines found at open */
};

enum {
  PROP_0,
  PROP_EDITOR,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (migmap-catalogue-file-error-quark, migmap_catalogue_file_error)
G_DEFINE_FINAL_TYPE (MigmapCatalogueFile, migmap_catalogue_file, G_TYPE_OBJECT)

static void
fingerprint_clear (Fingerprint *print)
{
  g_clear_pointer (&print->sha256, g_free);
  print->exists = FALSE;
  print->size = 0;
  print->mtime_ns = 0;
}

/* Size and mtime alone miss a colleague's save within the same second on a
 * coarse network filesystem; the hash alone would read every byte for a
 * file nobody touched.  Both are cheap at catalogue sizes. */
static void
fingerprint_read (const char  *path,
                  Fingerprint *print)
{
  g_autofree char *data = NULL;
  GStatBuf st;
  gsize length;

  fingerprint_clear (print);
  if (g_stat (path, &st) != 0 || !g_file_get_contents (path, &data, &length, NULL))
    return;
  print->exists = TRUE;
  print->size = (goffset) st.st_size;
  print->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
  print->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static gboolean
fingerprint_equal (const Fingerprint *a,
                   const Fingerprint *b)
{
  return a->exists == b->exists && a->size == b->size && a->mtime_ns == b->mtime_ns &&
         g_strcmp0 (a->sha256, b->sha256) == 0;
}

static void
close_journal (MigmapCatalogueFile *self)
{
  if (self->journal_fd >= 0)
    close (self->journal_fd);
  self->journal_fd = -1;
}

static void
migmap_catalogue_file_finalize (GObject *object)
{
  MigmapCatalogueFile *self = MIGMAP_CATALOGUE_FILE (object);

  close_journal (self);
  if (self->editor != NULL)
    g_clear_signal_handler (&self->applied_id, self->editor);
  g_clear_object (&self->editor);
  g_clear_object (&self->codes);
  g_free (self->path);
  fingerprint_clear (&self->opened);
  g_ptr_array_unref (self->journal_lines);

  G_OBJECT_CLASS (migmap_catalogue_file_parent_class)->finalize (object);
}

static void
migmap_catalogue_file_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MigmapCatalogueFile *self = MIGMAP_CATALOGUE_FILE (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      g_value_set_object (value, self->editor);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_catalogue_file_class_init (MigmapCatalogueFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = migmap_catalogue_file_finalize;
  object_class->get_property = migmap_catalogue_file_get_property;

  /* Replaced by a reload. */
  properties[PROP_EDITOR] = g_param_spec_object ("editor", NULL, NULL, MIGMAP_TYPE_CATALOGUE_EDITOR,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
migmap_catalogue_file_init (MigmapCatalogueFile *self)
{
  self->journal_fd = -1;
  self->journal_lines = g_ptr_array_new_with_free_func (g_free);
}

char *
migmap_catalogue_file_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "migmap", "catalogue.json", NULL);
}

char *
migmap_catalogue_file_dup_read_path (const char *bundled)
{
  g_autofree char *user = migmap_catalogue_file_default_path ();

  g_return_val_if_fail (bundled != NULL, NULL);
  return g_file_test (user, G_FILE_TEST_EXISTS) ? g_steal_pointer (&user) : g_strdup (bundled);
}

char *
migmap_catalogue_file_dup_journal_path (MigmapCatalogueFile *self)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_FILE (self), NULL);
  return g_strconcat (self->path, ".journal", NULL);
}

/* --- the journal ------------------------------------------------------------------ */

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static void
on_applied (MigmapCatalogueEditor *editor,
            const char            *kind,
            const char            *id,
            const char            *entity,
            const char            *source,
            MigmapCatalogueFile   *self)
{
  json_object *line = json_object_new_object ();
  json_object *parsed = entity ? json_tokener_parse (entity) : NULL;
  g_autofree char *text = NULL;

  json_object_object_add (line, "kind", json_object_new_string (kind));
  json_object_object_add (line, "id", json_object_new_string (id));
  json_object_object_add (line, "entity", parsed);
  json_object_object_add (line, "source", source ? json_object_new_string (source) : NULL);
  text = g_strconcat (json_object_to_json_string_ext (line, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE),
                      "\n", NULL);
  json_object_put (line);

  if (self->journal_fd < 0)
    {
      g_autofree char *journal = migmap_catalogue_file_dup_journal_path (self);
      g_autofree char *dir = g_path_get_dirname (journal);

      g_mkdir_with_parents (dir, 0700);
      self->journal_fd = open (journal, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
      if (self->journal_fd < 0)
        {
          g_warning ("%s: cannot keep a journal of unsaved changes: %s", journal, g_strerror (errno));
          return;
        }
      sync_folder (journal);
    }
  if (!write_all (self->journal_fd, text, strlen (text)) || fsync (self->journal_fd) != 0)
    g_warning ("%s.journal: cannot record a change: %s", self->path, g_strerror (errno));
}

static void
read_journal (MigmapCatalogueFile *self)
{
  g_autofree char *journal = migmap_catalogue_file_dup_journal_path (self);
  g_autofree char *data = NULL;
  gsize length;
  char *line;

  g_ptr_array_set_size (self->journal_lines, 0);
  if (!g_file_get_contents (journal, &data, &length, NULL))
    return;
  line = data;
  for (char *end; (end = memchr (line, '\n', length - (gsize) (line - data))) != NULL; line = end + 1)
    {
      *end = '\0';
      if (*line != '\0')
        g_ptr_array_add (self->journal_lines, g_strdup (line));
    }
}

static void
set_editor (MigmapCatalogueFile   *self,
            MigmapCatalogueEditor *editor)
{
  if (self->editor != NULL)
    g_clear_signal_handler (&self->applied_id, self->editor);
  g_set_object (&self->editor, editor);
  self->applied_id = g_signal_connect (editor, "applied", G_CALLBACK (on_applied), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITOR]);
}

MigmapCatalogueFile *
migmap_catalogue_file_open (const char          *path,
                            const char          *fallback,
                            MigmapCountryCodes  *codes,
                            GError             **error)
{
  g_autoptr(MigmapCatalogueFile) self = NULL;
  g_autoptr(MigmapCatalogueEditor) editor = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (MIGMAP_IS_COUNTRY_CODES (codes), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS) || fallback == NULL)
    editor = migmap_catalogue_editor_new_from_file (path, codes, error);
  else
    {
      editor = migmap_catalogue_editor_new_from_file (fallback, codes, error);
      if (editor != NULL)
        migmap_catalogue_editor_set_path (editor, path);
    }
  if (editor == NULL)
    return NULL;

  self = g_object_new (MIGMAP_TYPE_CATALOGUE_FILE, NULL);
  self->path = g_strdup (path);
  self->codes = g_object_ref (codes);
  fingerprint_read (path, &self->opened);
  read_journal (self);
  set_editor (self, editor);
  return g_steal_pointer (&self);
}

MigmapCatalogueEditor *
migmap_catalogue_file_get_editor (MigmapCatalogueFile *self)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_FILE (self), NULL);
  return self->editor;
}

const char *
migmap_catalogue_file_get_path (MigmapCatalogueFile *self)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_FILE (self), NULL);
  return self->path;
}

guint
migmap_catalogue_file_get_journal_length (MigmapCatalogueFile *self)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_FILE (self), 0);
  return self->journal_lines->len;
}

gboolean
migmap_catalogue_file_restore_journal (MigmapCatalogueFile  *self,
                                       GError              **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *journal = NULL;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_FILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  journal = migmap_catalogue_file_dup_journal_path (self);
  lines = g_steal_pointer (&self->journal_lines);
  self->journal_lines = g_ptr_array_new_with_free_func (g_free);
  /* The file already holds these lines: replaying must not add them again,
   * and it stays in place until a save, so a crash during the replay or
   * after it still finds them. */
  g_signal_handler_block (self->editor, self->applied_id);
  for (guint i = 0; i < lines->len; i++)
    {
      json_object *line = json_tokener_parse (lines->pdata[i]);
      json_object *kind = NULL, *id = NULL, *entity = NULL, *source = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean ok;

      if (line == NULL ||
          !json_object_object_get_ex (line, "kind", &kind) || !json_object_object_get_ex (line, "id", &id) ||
          !migmap_catalogue_editor_is_kind (json_object_get_string (kind)))
        {
          g_set_error (error, MIGMAP_CATALOGUE_FILE_ERROR, MIGMAP_CATALOGUE_FILE_ERROR_JOURNAL,
                       "%s:%u: not a journal line", journal, i + 1);
          json_object_put (line);
          g_signal_handler_unblock (self->editor, self->applied_id);
          return FALSE;
        }
      json_object_object_get_ex (line, "entity", &entity);
      json_object_object_get_ex (line, "source", &source);
      ok = migmap_catalogue_editor_set_entity (self->editor, json_object_get_string (kind), json_object_get_string (id),
                                               entity ? json_object_to_json_string_ext (entity, JSON_C_TO_STRING_PLAIN) : NULL,
                                               source ? json_object_get_string (source) : NULL, &local_error);
      json_object_put (line);
      if (!ok)
        {
          g_set_error (error, MIGMAP_CATALOGUE_FILE_ERROR, MIGMAP_CATALOGUE_FILE_ERROR_JOURNAL,
                       "%s:%u: %s", journal, i + 1, local_error->message);
          g_signal_handler_unblock (self->editor, self->applied_id);
          return FALSE;
        }
    }
  g_signal_handler_unblock (self->editor, self->applied_id);
  return TRUE;
}

void
migmap_catalogue_file_discard_journal (MigmapCatalogueFile *self)
{
  g_autofree char *journal = NULL;

  g_return_if_fail (MIGMAP_IS_CATALOGUE_FILE (self));
  journal = migmap_catalogue_file_dup_journal_path (self);
  close_journal (self);
  g_unlink (journal);
  g_ptr_array_set_size (self->journal_lines, 0);
}

/* --- saving ----------------------------------------------------------------------- */

static gboolean
write_to (MigmapCatalogueFile  *self,
          const char           *path,
          const char           *user,
          GError              **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  gsize length;
  gboolean ok;

  if (user == NULL || *user == '\0')
    user = g_get_user_name ();
  data = migmap_catalogue_editor_save_data (self->editor, user, now, &length);
  g_mkdir_with_parents (dir, 0700);
  ok = migmap_atomic_file_set_contents (path, data, length, error);
  migmap_catalogue_editor_save_done (self->editor, ok);
  return ok;
}

static void
saved_as (MigmapCatalogueFile *self,
          const char          *path)
{
  /* The changes are in the file now: the journal has done its work. */
  migmap_catalogue_file_discard_journal (self);
  if (g_strcmp0 (self->path, path) != 0)
    {
      g_free (self->path);
      self->path = g_strdup (path);
      migmap_catalogue_editor_set_path (self->editor, path);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
    }
  fingerprint_read (path, &self->opened);
}

gboolean
migmap_catalogue_file_save (MigmapCatalogueFile  *self,
                            const char           *user,
                            GError              **error)
{
  Fingerprint now = { 0 };
  gboolean same;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_FILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fingerprint_read (self->path, &now);
  same = fingerprint_equal (&now, &self->opened);
  fingerprint_clear (&now);
  if (!same)
    {
      g_set_error (error, MIGMAP_CATALOGUE_FILE_ERROR, MIGMAP_CATALOGUE_FILE_ERROR_CHANGED_ON_DISK,
                   "%s changed on disk since it was opened: reload it, or keep both (yours is saved beside it)",
                   self->path);
      return FALSE;
    }
  if (!write_to (self, self->path, user, error))
    return FALSE;
  saved_as (self, self->path);
  return TRUE;
}

gboolean
migmap_catalogue_file_save_as (MigmapCatalogueFile  *self,
                               const char           *path,
                               const char           *user,
                               GError              **error)
{
  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_FILE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!write_to (self, path, user, error))
    return FALSE;
  saved_as (self, path);
  return TRUE;
}

char *
migmap_catalogue_file_keep_both (MigmapCatalogueFile  *self,
                                 const char           *user,
                                 GError              **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H%M%S");
  g_autofree char *stem = NULL;
  char *path = NULL;
  const char *dot;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_FILE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (user == NULL || *user == '\0')
    user = g_get_user_name ();
  dot = strrchr (self->path, '.');
  stem = dot && strchr (dot, G_DIR_SEPARATOR) == NULL ? g_strndup (self->path, (gsize) (dot - self->path))
                                                       : g_strdup (self->path);
  for (guint n = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (path);
      path = n == 1 ? g_strdup_printf ("%s (%s %s).json", stem, user, stamp)
                    : g_strdup_printf ("%s (%s %s, %u).json", stem, user, stamp, n);
    }
  if (!migmap_catalogue_file_save_as (self, path, user, error))
    g_clear_pointer (&path, g_free);
  return path;
}

gboolean
migmap_catalogue_file_reload (MigmapCatalogueFile  *self,
                              GError              **error)
{
  g_autoptr(MigmapCatalogueEditor) editor = NULL;

  g_return_val_if_fail (MIGMAP_IS_CATALOGUE_FILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  editor = migmap_catalogue_editor_new_from_file (self->path, self->codes, error);
  if (editor == NULL)
    return FALSE;
  migmap_catalogue_file_discard_journal (self);
  fingerprint_read (self->path, &self->opened);
  set_editor (self, editor);
  return TRUE;
}
