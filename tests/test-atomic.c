/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-atomic.c: a file being replaced is, at every moment, the old file, no
 * file or the complete new one, and nothing else is left in its folder */
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "migmap-atomic-file-private.h"

/* Both ways of making a temporary file: O_TMPFILE (most Linux filesystems)
 * and named (the rest), each as a test of its own. */
typedef struct {
  gboolean named_only;
} Mode;

static const Mode unnamed_mode = { FALSE };
static const Mode named_mode = { TRUE };

static char *
make_dir (void)
{
  char *dir = g_dir_make_tmp ("migmap-atomic-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return dir;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The folder's entries, sorted, joined by spaces. */
static char *
listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Content that spans several of the writer's buffers. */
static GBytes *
make_content (char fill, gsize length)
{
  char *data = g_malloc (length);

  memset (data, fill, length);
  return g_bytes_new_take (data, length);
}

static void
assert_contents (const char *path, GBytes *expected)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, ==, g_bytes_get_size (expected));
  g_assert_true (memcmp (data, g_bytes_get_data (expected, NULL), length) == 0);
}

static gboolean
same_contents (const char *path, GBytes *expected)
{
  g_autofree char *data = NULL;
  gsize length;

  return g_file_get_contents (path, &data, &length, NULL) && length == g_bytes_get_size (expected) &&
         memcmp (data, g_bytes_get_data (expected, NULL), length) == 0;
}

/* Writes @content in pieces of 100 KB, the way an export streams. */
static gboolean
write_in_pieces (const char *path, GBytes *content, GError **error)
{
  g_autoptr(MigmapAtomicFile) file = migmap_atomic_file_begin (path, error);
  const guint8 *data = g_bytes_get_data (content, NULL);
  gsize length = g_bytes_get_size (content);

  if (file == NULL)
    return FALSE;
  for (gsize at = 0; at < length; at += 100000)
    if (!migmap_atomic_file_write (file, data + at, MIN (100000, length - at), error))
      return FALSE;
  return migmap_atomic_file_commit (file, error);
}

static void
test_write_and_replace (gconstpointer data)
{
  const Mode *mode = data;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "catalogue.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GBytes) first = make_content ('a', 300000);
  g_autoptr(GBytes) second = make_content ('b', 1000);
  g_autoptr(GError) error = NULL;
  struct stat st;

  migmap_atomic_file_set_test_hooks (mode->named_only, NULL, NULL);

  g_assert_true (write_in_pieces (path, first, &error));
  g_assert_no_error (error);
  assert_contents (path, first);
  names = listing (dir);
  g_assert_cmpstr (names, ==, "catalogue.json");

  /* A replaced file keeps its permissions. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (migmap_atomic_file_set_contents (path, g_bytes_get_data (second, NULL), 1000, &error));
  g_assert_no_error (error);
  assert_contents (path, second);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);

  /* Saving through a symbolic link replaces the file it points to. */
  g_assert_cmpint (symlink ("catalogue.json", link), ==, 0);
  g_assert_true (migmap_atomic_file_set_contents (link, "linked", 6, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 6);
  g_free (names);
  names = listing (dir);
  g_assert_cmpstr (names, ==, "catalogue.json link.json");

  migmap_atomic_file_set_test_hooks (FALSE, NULL, NULL);
  remove_dir (dir);
}

/* Freeing without a commit, as every error path does, leaves nothing. */
static void
test_abandon (gconstpointer data)
{
  const Mode *mode = data;
  g_autofree char *dir = make_dir ();
  g_autofree char *fresh = g_build_filename (dir, "new.pdf", NULL);
  g_autofree char *old = g_build_filename (dir, "old.pdf", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GBytes) content = make_content ('x', 200000);
  g_autoptr(GBytes) precious = g_bytes_new_static ("precious", 8);
  const char *targets[] = { fresh, old };

  migmap_atomic_file_set_test_hooks (mode->named_only, NULL, NULL);
  g_assert_true (g_file_set_contents (old, "precious", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(MigmapAtomicFile) file = migmap_atomic_file_begin (targets[i], NULL);

      g_assert_nonnull (file);
      g_assert_true (migmap_atomic_file_write (file, g_bytes_get_data (content, NULL), 200000, NULL));
    }
  names = listing (dir);
  g_assert_cmpstr (names, ==, "old.pdf");
  assert_contents (old, precious);

  migmap_atomic_file_set_test_hooks (FALSE, NULL, NULL);
  remove_dir (dir);
}

/* A write that fails half way (a file size limit stands in for a full disk)
 * is an error naming the file, and leaves the old file or none, and no
 * temporary file. */
static void
test_write_fails (gconstpointer data)
{
  const Mode *mode = data;
  g_autofree char *dir = make_dir ();
  g_autofree char *fresh = g_build_filename (dir, "new.png", NULL);
  g_autofree char *old = g_build_filename (dir, "old.png", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GBytes) content = make_content ('x', 500000);
  g_autoptr(GBytes) precious = g_bytes_new_static ("precious", 8);
  const char *targets[] = { fresh, old };
  struct rlimit saved, limit = { 150000, 150000 };
  void (*saved_handler) (int);

  migmap_atomic_file_set_test_hooks (mode->named_only, NULL, NULL);
  g_assert_true (g_file_set_contents (old, "precious", -1, NULL));

  /* Without the signal, writing past the limit fails with EFBIG. */
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit.rlim_max = saved.rlim_max;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (write_in_pieces (targets[i], content, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, targets[i]));
      g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
    }
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  names = listing (dir);
  g_assert_cmpstr (names, ==, "old.png");
  assert_contents (old, precious);

  migmap_atomic_file_set_test_hooks (FALSE, NULL, NULL);
  remove_dir (dir);
}

static void
test_bad_targets (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "map.png", NULL);
  g_autofree char *message = g_strdup_printf ("%s: %s", missing, g_strerror (ENOENT));
  g_autoptr(GError) error = NULL;

  g_assert_false (migmap_atomic_file_set_contents (missing, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  /* A folder is not replaced by a file. */
  g_assert_false (migmap_atomic_file_set_contents (dir, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));

  remove_dir (dir);
}

typedef struct {
  guint count;
  guint kill_at;
} KillPlan;

static void
kill_at_step (const char *step, gpointer data)
{
  KillPlan *plan = data;

  if (++plan->count == plan->kill_at)
    raise (SIGKILL);
}

/* Kills a writer at each step in turn (creation, each write, sync, naming,
 * renaming), over a new and an existing file: each time the target is the old
 * file, no file or the complete new one, a temporary left behind has the
 * recognisable prefix, and the next write in the folder removes it. */
static void
test_kill_at_every_step (gconstpointer data)
{
  const Mode *mode = data;
  g_autofree char *dir = make_dir ();
  g_autofree char *target = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *other = g_build_filename (dir, "other.pdf", NULL);
  g_autoptr(GBytes) old = make_content ('o', 1000);
  g_autoptr(GBytes) fresh = make_content ('n', 300000);
  guint stray_temporaries = 0;

  for (int existing = 0; existing <= 1; existing++)
    {
      gboolean finished = FALSE;

      for (guint kill_at = 1; !finished; kill_at++)
        {
          g_autofree char *names = NULL;
          g_auto(GStrv) entries = NULL;
          g_autoptr(GError) error = NULL;
          int status;
          pid_t pid;

          g_unlink (target);
          if (existing)
            g_assert_true (g_file_set_contents (target, g_bytes_get_data (old, NULL), 1000, NULL));

          pid = fork ();
          g_assert_cmpint (pid, >=, 0);
          if (pid == 0)
            {
              KillPlan plan = { 0, kill_at };

              migmap_atomic_file_set_test_hooks (mode->named_only, kill_at_step, &plan);
              _exit (write_in_pieces (target, fresh, NULL) ? 0 : 1);
            }
          g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
          finished = WIFEXITED (status);
          if (finished)
            g_assert_cmpint (WEXITSTATUS (status), ==, 0);
          else
            g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

          if (!g_file_test (target, G_FILE_TEST_EXISTS))
            g_assert_false (existing);
          else if (!same_contents (target, fresh))
            {
              g_assert_true (existing);
              assert_contents (target, old);
            }
          if (finished)
            assert_contents (target, fresh);

          /* Nothing but the target and our own temporaries... */
          names = listing (dir);
          g_test_message ("%s file, killed at step %u: %s", existing ? "existing" : "new", kill_at, names);
          entries = g_strsplit (names, " ", -1);
          for (guint i = 0; entries[i]; i++)
            if (!g_str_equal (entries[i], "map.pdf") && !g_str_equal (entries[i], ""))
              {
                g_assert_true (g_str_has_prefix (entries[i], MIGMAP_ATOMIC_FILE_TEMP_PREFIX));
                stray_temporaries++;
              }

          /* ...which the next write in the folder sweeps away. */
          g_assert_true (migmap_atomic_file_set_contents (other, "next", 4, &error));
          g_assert_no_error (error);
          g_free (names);
          names = listing (dir);
          g_assert_cmpstr (names, ==, g_file_test (target, G_FILE_TEST_EXISTS) ? "map.pdf other.pdf" : "other.pdf");
          g_unlink (other);
          g_assert_cmpuint (kill_at, <, 20);
        }
    }
  /* The named way leaves a temporary whenever it is killed after creating it,
   * the unnamed way only between its naming and the rename. */
  g_test_message ("%u stray temporaries swept", stray_temporaries);
  g_assert_cmpuint (stray_temporaries, >, 0);

  remove_dir (dir);
}

/* A writer's temporary file is its own while it lives: another writer in the
 * same folder does not take it for a dead one's. */
static void
test_sweep_spares_live_writers (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *first = g_build_filename (dir, "first.png", NULL);
  g_autofree char *second = g_build_filename (dir, "second.png", NULL);
  g_autofree char *names = NULL;
  g_autoptr(MigmapAtomicFile) file = NULL;
  g_autoptr(GBytes) content = make_content ('1', 200000);
  g_autoptr(GError) error = NULL;

  migmap_atomic_file_set_test_hooks (TRUE, NULL, NULL);
  file = migmap_atomic_file_begin (first, &error);
  g_assert_no_error (error);
  g_assert_true (migmap_atomic_file_write (file, g_bytes_get_data (content, NULL), 200000, &error));
  g_assert_true (migmap_atomic_file_set_contents (second, "2", 1, &error));
  g_assert_true (migmap_atomic_file_commit (file, &error));
  g_assert_no_error (error);
  assert_contents (first, content);
  names = listing (dir);
  g_assert_cmpstr (names, ==, "first.png second.png");

  migmap_atomic_file_set_test_hooks (FALSE, NULL, NULL);
  remove_dir (dir);
}

/* migmap-render killed at varied points of an A3 300 DPI export. */

/* The size of the file @pid is writing in @dir, or -1 while it has none
 * open there. */
static goffset
file_being_written (pid_t pid, const char *dir)
{
  g_autofree char *fd_dir = g_strdup_printf ("/proc/%d/fd", (int) pid);
  g_autofree char *prefix = g_strconcat (dir, "/", NULL);
  g_autoptr(GDir) fds = g_dir_open (fd_dir, 0, NULL);
  const char *fd;

  while (fds && (fd = g_dir_read_name (fds)))
    {
      g_autofree char *fd_path = g_build_filename (fd_dir, fd, NULL);
      g_autofree char *target = g_file_read_link (fd_path, NULL);
      struct stat st;

      if (target && g_str_has_prefix (target, prefix) && g_stat (fd_path, &st) == 0 && S_ISREG (st.st_mode))
        return st.st_size;
    }
  return -1;
}

static gboolean
is_complete_png (const char *path)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 iend[] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82 };
  g_autofree guint8 *data = NULL;
  gsize length;

  return g_file_get_contents (path, (char **) &data, &length, NULL) && length > sizeof signature + sizeof iend &&
         memcmp (data, signature, sizeof signature) == 0 &&
         memcmp (data + length - sizeof iend, iend, sizeof iend) == 0;
}

typedef enum {
  KILL_AT_START,         /* as soon as it runs */
  KILL_WITH_FILE_OPEN,   /* once it has a file open in the output folder */
  KILL_AFTER_FIRST_BYTE,
  KILL_HALF_WAY,         /* after half the bytes of a complete export */
  KILL_NEVER,
} KillPoint;

/* Runs the export, kills it at @point, and returns whether it was killed. */
static gboolean
render_and_kill (const char *dir, const char *out, KillPoint point, goffset full_size)
{
  const char *argv[] = { g_getenv ("MIGMAP_RENDER"), "--layout", "page", "--paper", "a3", "--dpi", "300",
                         "--view", "world", "-o", out, NULL };
  g_autoptr(GError) error = NULL;
  gboolean killed = FALSE;
  int status;
  GPid pid;

  g_assert_nonnull (argv[0]);
  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  for (;;)
    {
      goffset written;
      pid_t reaped = waitpid (pid, &status, WNOHANG);

      g_assert_cmpint (reaped, >=, 0);
      if (reaped == pid)
        break;
      written = point == KILL_AT_START ? 0 : file_being_written (pid, dir);
      if ((point == KILL_AT_START) ||
          (point == KILL_WITH_FILE_OPEN && written >= 0) ||
          (point == KILL_AFTER_FIRST_BYTE && written > 0) ||
          (point == KILL_HALF_WAY && written >= full_size / 2))
        {
          g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
          g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
          killed = WIFSIGNALED (status);
          break;
        }
      /* Polling /proc: a short pause keeps the loop off a shared CPU. */
      g_usleep (200);
    }
  g_spawn_close_pid (pid);
  if (!killed)
    {
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  return killed;
}

/* The folder holds at most @name and temporaries of ours. */
static void
assert_only (const char *dir, const char *name)
{
  g_autofree char *names = listing (dir);
  g_auto(GStrv) entries = g_strsplit (names, " ", -1);

  g_test_message ("folder: %s", names);
  for (guint i = 0; entries[i]; i++)
    if (*entries[i] && !g_str_equal (entries[i], name))
      g_assert_true (g_str_has_prefix (entries[i], MIGMAP_ATOMIC_FILE_TEMP_PREFIX));
}

static void
test_render_kill_loop (void)
{
  static const KillPoint points[] = { KILL_AT_START, KILL_WITH_FILE_OPEN, KILL_AFTER_FIRST_BYTE, KILL_HALF_WAY };
  g_autofree char *dir = make_dir ();
  g_autofree char *out = g_build_filename (dir, "page.png", NULL);
  g_autofree char *stale = g_build_filename (dir, MIGMAP_ATOMIC_FILE_TEMP_PREFIX "left-by-a-crash", NULL);
  g_autofree char *names = NULL;
  g_autofree char *original = NULL;
  gsize original_size;
  guint killed = 0;

  /* A complete export first: the existing file, and the size to aim at. */
  g_assert_false (render_and_kill (dir, out, KILL_NEVER, 0));
  g_assert_true (is_complete_png (out));
  g_assert_true (g_file_get_contents (out, &original, &original_size, NULL));
  g_test_message ("complete PNG: %" G_GSIZE_FORMAT " bytes", original_size);

  for (int existing = 0; existing <= 1; existing++)
    for (guint i = 0; i < G_N_ELEMENTS (points); i++)
      {
        if (existing)
          g_assert_true (g_file_set_contents (out, original, original_size, NULL));
        else
          g_unlink (out);
        killed += render_and_kill (dir, out, points[i], (goffset) original_size);

        if (existing)
          {
            g_autofree char *now = NULL;
            gsize now_size;

            g_assert_true (g_file_get_contents (out, &now, &now_size, NULL));
            if (now_size != original_size || memcmp (now, original, now_size) != 0)
              g_assert_true (is_complete_png (out));
          }
        else if (g_file_test (out, G_FILE_TEST_EXISTS))
          g_assert_true (is_complete_png (out));
        assert_only (dir, "page.png");
      }
  g_test_message ("%u of %u exports killed", killed, (guint) (2 * G_N_ELEMENTS (points)));
  g_assert_cmpuint (killed, >=, G_N_ELEMENTS (points));

  /* A temporary a crash left is gone after the next export. */
  g_assert_true (g_file_set_contents (stale, "torn", -1, NULL));
  g_assert_false (render_and_kill (dir, out, KILL_NEVER, 0));
  g_assert_true (is_complete_png (out));
  names = listing (dir);
  g_assert_cmpstr (names, ==, "page.png");

  remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/atomic/write-and-replace/unnamed", &unnamed_mode, test_write_and_replace);
  g_test_add_data_func ("/atomic/write-and-replace/named", &named_mode, test_write_and_replace);
  g_test_add_data_func ("/atomic/abandon/unnamed", &unnamed_mode, test_abandon);
  g_test_add_data_func ("/atomic/abandon/named", &named_mode, test_abandon);
  g_test_add_data_func ("/atomic/write-fails/unnamed", &unnamed_mode, test_write_fails);
  g_test_add_data_func ("/atomic/write-fails/named", &named_mode, test_write_fails);
  g_test_add_func ("/atomic/bad-targets", test_bad_targets);
  g_test_add_data_func ("/atomic/kill-at-every-step/unnamed", &unnamed_mode, test_kill_at_every_step);
  g_test_add_data_func ("/atomic/kill-at-every-step/named", &named_mode, test_kill_at_every_step);
  g_test_add_func ("/atomic/sweep-spares-live-writers", test_sweep_spares_live_writers);
  g_test_add_func ("/atomic/render-kill-loop", test_render_kill_loop);

  return g_test_run ();
}
