/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-atomic-file.c: a file of our own beside the target, renamed over it
 *
 * The content goes to a temporary file in the target's folder (rename() only
 * works within one filesystem): an unnamed O_TMPFILE where the filesystem has
 * them, which vanishes by itself if the process dies, else a named
 * ".migmap-tmp-*" file.  Commit syncs it, then gives it the target's name:
 * linkat() straight to the name when there is no file there yet, else a
 * temporary name and rename() over the target.  Syncing the folder makes the
 * new name survive a power cut as well.
 *
 * A writer holds flock() on its temporary file for as long as it lives, and
 * the kernel drops the lock when the process dies: a temporary that can be
 * locked was left by a killed writer, and the next writer in that folder
 * removes it.  GIO's g_file_replace() does none of this for a new file (it
 * writes the target itself) and leaves its ".goutputstream-*" behind when
 * killed over an existing one.
 */
#include "config.h"

#include "migmap-atomic-file.h"
#include "migmap-atomic-file-private.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* Small writes (cairo's PDF backend writes a few bytes at a time) gather here. */
#define BUFFER_SIZE (64 * 1024)

struct _MigmapAtomicFile {
  char     *path;           /* as the caller named it, for messages */
  char     *name;           /* the target's name in dir_fd */
  char     *temp_name;      /* set while the content has a temporary name */
  int       dir_fd;
  int       fd;
  gboolean  target_existed;
  gboolean  failed;
  gboolean  committed;
  gsize     buffered;
  guint8    buffer[BUFFER_SIZE];
};

static gboolean test_named_only;
static MigmapAtomicFileStepFunc test_step;
static gpointer test_step_data;

void
migmap_atomic_file_set_test_hooks (gboolean                 named_only,
                                   MigmapAtomicFileStepFunc step,
                                   gpointer                 user_data)
{
  test_named_only = named_only;
  test_step = step;
  test_step_data = user_data;
}

static void
reached (const char *step)
{
  if (test_step)
    test_step (step, test_step_data);
}

static gboolean
fail (GError **error, int saved_errno, const char *path, const char *doing)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s%s%s", path, doing ? doing : "", doing ? ": " : "", g_strerror (saved_errno));
  return FALSE;
}

static gboolean
same_file (const struct stat *a, const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Removes the temporaries that killed writers left in @dir_fd. */
static void
sweep (int dir_fd)
{
  int list_fd = openat (dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR *dir = list_fd >= 0 ? fdopendir (list_fd) : NULL;
  struct dirent *entry;

  if (dir == NULL)
    {
      if (list_fd >= 0)
        close (list_fd);
      return;
    }
  while ((entry = readdir (dir)) != NULL)
    {
      struct stat opened, named;
      int fd;

      if (!g_str_has_prefix (entry->d_name, MIGMAP_ATOMIC_FILE_TEMP_PREFIX))
        continue;
      fd = openat (dir_fd, entry->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
      if (fd < 0)
        continue;
      /* The name must still be the file we locked: a writer that has just
       * created its temporary checks the same, and retries if we won. */
      if (fstat (fd, &opened) == 0 && S_ISREG (opened.st_mode) &&
          flock (fd, LOCK_EX | LOCK_NB) == 0 &&
          fstatat (dir_fd, entry->d_name, &named, AT_SYMLINK_NOFOLLOW) == 0 && same_file (&opened, &named))
        unlinkat (dir_fd, entry->d_name, 0);
      close (fd);
    }
  closedir (dir);
}

static void
lock (int fd)
{
  /* Without locks (some network filesystems), a temporary can only be taken
   * for a dead writer's by a sweep at the same moment; the commit then fails
   * with a message rather than writing anything wrong. */
  while (flock (fd, LOCK_EX) != 0 && errno == EINTR)
    ;
}

static char *
random_temp_name (void)
{
  /* The process id keeps writers forked from one process (whose random
   * numbers are the same) from trying the same names. */
  return g_strdup_printf (MIGMAP_ATOMIC_FILE_TEMP_PREFIX "%d-%08x", (int) getpid (), g_random_int ());
}

static int
create_named (MigmapAtomicFile *self, mode_t mode, GError **error)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = random_temp_name ();
      struct stat opened, named;
      int fd = openat (self->dir_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC, mode);

      if (fd < 0)
        {
          if (errno == EEXIST)
            continue;
          fail (error, errno, self->path, "cannot create a file in its folder");
          return -1;
        }
      lock (fd);
      if (fstat (fd, &opened) == 0 &&
          fstatat (self->dir_fd, name, &named, AT_SYMLINK_NOFOLLOW) == 0 && same_file (&opened, &named))
        {
          self->temp_name = g_steal_pointer (&name);
          return fd;
        }
      close (fd);
    }
  fail (error, EEXIST, self->path, "cannot create a file in its folder");
  return -1;
}

static int
create_temp (MigmapAtomicFile *self, mode_t mode, GError **error)
{
  /* Giving an unnamed file a name goes through /proc (AT_EMPTY_PATH needs a
   * capability); without /proc, or where the filesystem has no O_TMPFILE,
   * the file has a name from the start. */
  if (!test_named_only && access ("/proc/self/fd", X_OK) == 0)
    {
      int fd = openat (self->dir_fd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);

      if (fd >= 0)
        {
          lock (fd);
          return fd;
        }
    }
  return create_named (self, mode, error);
}

MigmapAtomicFile *
migmap_atomic_file_begin (const char *path, GError **error)
{
  g_autoptr(MigmapAtomicFile) self = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *dir = NULL;
  struct stat target;
  mode_t mode = 0666;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (MigmapAtomicFile, 1);
  self->path = g_strdup (path);
  self->dir_fd = -1;
  self->fd = -1;

  /* Saving through a symbolic link replaces the file it points to, not the
   * link, as text editors do. */
  if (lstat (path, &target) == 0 && S_ISLNK (target.st_mode))
    {
      char *real = realpath (path, NULL);

      if (real)
        resolved = g_strdup (real);
      free (real);
    }
  if (resolved == NULL)
    resolved = g_strdup (path);
  if (g_str_has_suffix (resolved, G_DIR_SEPARATOR_S))
    {
      fail (error, EISDIR, path, NULL);
      return NULL;
    }
  dir = g_path_get_dirname (resolved);
  self->name = g_path_get_basename (resolved);

  self->dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (self->dir_fd < 0)
    {
      fail (error, errno, path, NULL);
      return NULL;
    }
  if (fstatat (self->dir_fd, self->name, &target, 0) == 0)
    {
      if (S_ISDIR (target.st_mode))
        {
          fail (error, EISDIR, path, NULL);
          return NULL;
        }
      self->target_existed = TRUE;
      mode = target.st_mode & 07777;
    }

  sweep (self->dir_fd);
  self->fd = create_temp (self, mode, error);
  if (self->fd < 0)
    return NULL;
  if (self->target_existed)
    {
      /* The new file keeps the old one's permissions and, where we may, its
       * owner: replacing must not widen or narrow who can read it. */
      if (fchmod (self->fd, mode) != 0)
        {
          fail (error, errno, path, "cannot keep its permissions");
          return NULL;
        }
      if ((target.st_uid != geteuid () || target.st_gid != getegid ()) &&
          fchown (self->fd, target.st_uid, target.st_gid) != 0)
        {
          /* Only root may give a file away: the new file is the writer's. */
        }
    }
  reached ("created");
  return g_steal_pointer (&self);
}

static gboolean
write_all (MigmapAtomicFile *self, const guint8 *data, gsize length, GError **error)
{
  while (length > 0)
    {
      ssize_t n = write (self->fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          self->failed = TRUE;
          return fail (error, n < 0 ? errno : ENOSPC, self->path, "cannot write");
        }
      data += n;
      length -= (gsize) n;
    }
  reached ("wrote");
  return TRUE;
}

static gboolean
flush (MigmapAtomicFile *self, GError **error)
{
  gsize length = self->buffered;

  self->buffered = 0;
  return length == 0 || write_all (self, self->buffer, length, error);
}

gboolean
migmap_atomic_file_write (MigmapAtomicFile *self,
                          const void       *data,
                          gsize             length,
                          GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed && !self->failed, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length > BUFFER_SIZE - self->buffered && !flush (self, error))
    return FALSE;
  if (length >= BUFFER_SIZE)
    return write_all (self, data, length, error);
  memcpy (self->buffer + self->buffered, data, length);
  self->buffered += length;
  return TRUE;
}

/* Gives the unnamed file @name in the folder; errno tells why not. */
static gboolean
link_unnamed (MigmapAtomicFile *self, const char *name)
{
  g_autofree char *proc_path = g_strdup_printf ("/proc/self/fd/%d", self->fd);

  return linkat (AT_FDCWD, proc_path, self->dir_fd, name, AT_SYMLINK_FOLLOW) == 0;
}

gboolean
migmap_atomic_file_commit (MigmapAtomicFile *self, GError **error)
{
  gboolean in_place = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed && !self->failed, FALSE);

  if (!flush (self, error))
    return FALSE;
  if (fsync (self->fd) != 0)
    {
      self->failed = TRUE;
      return fail (error, errno, self->path, "cannot write");
    }
  reached ("synced");

  if (self->temp_name == NULL)
    {
      /* linkat() never replaces a file, so it can name a new file directly
       * (if the target appeared meanwhile, the rename below replaces it). */
      in_place = !self->target_existed && link_unnamed (self, self->name);
      while (!in_place && self->temp_name == NULL)
        {
          g_autofree char *name = random_temp_name ();

          if (link_unnamed (self, name))
            self->temp_name = g_steal_pointer (&name);
          else if (errno != EEXIST)
            {
              self->failed = TRUE;
              return fail (error, errno, self->path, "cannot save");
            }
        }
      reached ("linked");
    }
  if (!in_place)
    {
      if (renameat (self->dir_fd, self->temp_name, self->dir_fd, self->name) != 0)
        {
          self->failed = TRUE;
          return fail (error, errno, self->path, "cannot save");
        }
      g_clear_pointer (&self->temp_name, g_free);
    }
  self->committed = TRUE;
  reached ("renamed");

  /* Some filesystems cannot sync a folder; they have nothing to sync then. */
  if (fsync (self->dir_fd) != 0 && errno != EINVAL && errno != ENOTSUP && errno != EROFS)
    return fail (error, errno, self->path, "saved, but the folder could not be synced");
  reached ("done");
  return TRUE;
}

void
migmap_atomic_file_free (MigmapAtomicFile *self)
{
  if (self == NULL)
    return;
  /* Before closing: once the lock goes, the name is free for a sweep. */
  if (self->temp_name)
    unlinkat (self->dir_fd, self->temp_name, 0);
  if (self->fd >= 0)
    close (self->fd);
  if (self->dir_fd >= 0)
    close (self->dir_fd);
  g_free (self->temp_name);
  g_free (self->name);
  g_free (self->path);
  g_free (self);
}

gboolean
migmap_atomic_file_set_contents (const char  *path,
                                 const void  *data,
                                 gsize        length,
                                 GError     **error)
{
  g_autoptr(MigmapAtomicFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  file = migmap_atomic_file_begin (path, error);
  return file != NULL &&
         migmap_atomic_file_write (file, data, length, error) &&
         migmap_atomic_file_commit (file, error);
}
