/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-quit.c: Ctrl+Q in the real application, under X, quits cleanly
 *
 * Quitting closes every window while walking the application's list of
 * windows, which closing shortens: a use-after-free that GLib's slice
 * allocator used to hide.  The application runs with G_SLICE=always-malloc
 * (what every GLib from 2.76 does anyway) and freed memory scribbled over,
 * so that reading a freed list node crashes; under AddressSanitizer the read
 * itself is the error.
 */
#include <glib.h>
#include <sys/wait.h>

#include "window-test-support.h"

typedef struct {
  GMainLoop *loop;
  GPid       pid;
  int        status;
  gboolean   exited;
} Child;

static void
on_child_exit (GPid pid, int status, gpointer data)
{
  Child *child = data;

  child->status = status;
  child->exited = TRUE;
  g_spawn_close_pid (pid);
  g_main_loop_quit (child->loop);
}

static gboolean
on_timeout (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
spawn (Child *child, const char * const *argv, char **envp, int *stdout_fd)
{
  g_autoptr(GError) error = NULL;

  g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH,
                            NULL, NULL, &child->pid, NULL, stdout_fd, NULL, &error);
  g_assert_no_error (error);
  g_child_watch_add (child->pid, on_child_exit, child);
}

/* Runs the main loop until one of the children has exited, for at most
 * @seconds. */
static void
wait_for_either (GMainLoop *loop, Child *a, Child *b, guint seconds)
{
  guint timeout = g_timeout_add_seconds (seconds, on_timeout, loop);

  if (!a->exited && (b == NULL || !b->exited))
    g_main_loop_run (loop);
  if (!a->exited && (b == NULL || !b->exited))
    g_error ("nothing happened in %u s", seconds);
  g_source_remove (timeout);
}

static void
test_ctrl_q (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  const char *app_argv[] = { g_getenv ("MIGMAP_APP"), NULL };
  g_auto(GStrv) app_env = g_get_environ ();
  g_autofree char *pid_text = NULL;
  g_autofree char *window = NULL;
  Child app = { loop, 0, 0, FALSE }, search = { loop, 0, 0, FALSE };
  gsize length;
  int search_out;

  g_assert_nonnull (app_argv[0]);
  app_env = g_environ_setenv (app_env, "G_SLICE", "always-malloc", TRUE);
  app_env = g_environ_setenv (app_env, "MALLOC_PERTURB_", "165", TRUE);
  spawn (&app, app_argv, app_env, NULL);

  /* Its window, once it is on screen (or its early death). */
  pid_text = g_strdup_printf ("%d", (int) app.pid);
  {
    const char *search_argv[] = { "xdotool", "search", "--sync", "--onlyvisible", "--pid", pid_text, NULL };
    g_autoptr(GIOChannel) channel = NULL;

    spawn (&search, search_argv, NULL, &search_out);
    wait_for_either (loop, &search, &app, 60);
    g_assert_false (app.exited);
    while (!search.exited)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (g_spawn_check_wait_status (search.status, NULL));
    channel = g_io_channel_unix_new (search_out);
    g_io_channel_set_close_on_unref (channel, TRUE);
    g_assert_cmpint (g_io_channel_read_line (channel, &window, &length, NULL, NULL), ==, G_IO_STATUS_NORMAL);
    g_strchomp (window);
  }
  g_test_message ("window %s", window);

  /* Ctrl+Q, as a person presses it (XTest). */
  press_keys (window, "ctrl+q");

  wait_for_either (loop, &app, NULL, 60);
  g_test_message ("wait status %d", app.status);
  g_assert_true (WIFEXITED (app.status));
  g_assert_cmpint (WEXITSTATUS (app.status), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quit/ctrl-q", test_ctrl_q);

  return g_test_run ();
}
