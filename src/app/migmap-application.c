/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-application.c
 *
 * The 1:50m shapes and the catalogue load before the window opens, in a
 * thread that runs while gtk_init() opens the display and sets up GL; the
 * 1:10m shapes, needed only once the user zooms in, load in a thread after
 * the first map is on screen.
 *
 * The catalogue opened is the user's own (--catalogue FILE, else the one
 * in the XDG data directory), read over the bundled one until its first
 * save: the bundled file is never written.
 */
#include "config.h"

#include "migmap-application.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "migmap-catalogue-file.h"
#include "migmap-data-files.h"
#include "migmap-map-view.h"
#include "migmap-settings.h"
#include "migmap-window.h"

struct _MigmapApplication
{
  GtkApplication parent_instance;

  char            *catalogue_path;
  char            *shapes_path;
  GSettings           *settings;
  MigmapCatalogueFile *catalogue_file;
  MigmapShapeSet      *shapes;
  GThread             *loader;        /* loading the above, until activate */
  GError              *load_error;    /* the loader's */
  int              exit_status;
  /* Loader threads still running: shutdown waits for them, since a library
   * torn down by exit() under a running thread can crash it. */
  GMutex           loading_lock;
  GCond            loading_done;
  guint            n_loading;
};

G_DEFINE_FINAL_TYPE (MigmapApplication, migmap_application, GTK_TYPE_APPLICATION)

static gboolean
load_data (MigmapApplication *self, GError **error)
{
  g_autofree char *catalogue_path = NULL;
  g_autofree char *bundled_path = NULL;
  g_autofree char *shapes_path = NULL;
  g_autoptr(MigmapCountryCodes) codes = NULL;

  /* A file named on the command line must exist: a typo would otherwise
   * open the bundled catalogue under that name. */
  catalogue_path = self->catalogue_path ? g_strdup (self->catalogue_path)
                                        : migmap_catalogue_file_default_path ();
  bundled_path = self->catalogue_path ? NULL : migmap_find_data_file ("data/catalogue.json");
  shapes_path = self->shapes_path ? g_strdup (self->shapes_path) : migmap_find_data_file ("shapes/ne_50m_admin0.shp");

  codes = migmap_country_codes_new_default (error);
  if (codes == NULL)
    return FALSE;
  self->catalogue_file = migmap_catalogue_file_open (catalogue_path, bundled_path, codes, error);
  if (self->catalogue_file == NULL)
    return FALSE;
  self->shapes = migmap_shape_set_new_cached (shapes_path, NULL, error);
  return self->shapes != NULL;
}

static gpointer
load_data_thread (gpointer data)
{
  MigmapApplication *self = data;

  load_data (self, &self->load_error);
  return NULL;
}

static void
join_loader (MigmapApplication *self)
{
  if (self->loader)
    g_thread_join (g_steal_pointer (&self->loader));
}

gboolean
migmap_application_load_data (MigmapApplication *self, GError **error)
{
  g_return_val_if_fail (MIGMAP_IS_APPLICATION (self), FALSE);

  join_loader (self);
  if (self->load_error)
    {
      g_propagate_error (error, g_steal_pointer (&self->load_error));
      return FALSE;
    }
  if (self->catalogue_file && self->shapes)
    return TRUE;
  return load_data (self, error);
}

static void
load_detailed_shapes (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autofree char *path = migmap_find_data_file ("shapes/ne_10m_admin0.shp");
  GError *error = NULL;
  MigmapShapeSet *shapes = migmap_shape_set_new_cached (path, NULL, &error);
  MigmapApplication *self = task_data;

  if (shapes)
    g_task_return_pointer (task, shapes, g_object_unref);
  else
    g_task_return_error (task, error);
  g_mutex_lock (&self->loading_lock);
  self->n_loading--;
  g_cond_broadcast (&self->loading_done);
  g_mutex_unlock (&self->loading_lock);
}

static void
on_detailed_shapes_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(MigmapWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MigmapShapeSet) shapes = g_task_propagate_pointer (G_TASK (result), &error);

  /* Without them the map simply stays at 1:50m. */
  if (shapes == NULL)
    g_warning ("%s", error->message);
  else
    {
      MigmapMapState *state = migmap_window_get_state (window);

      /* NULL once the window closed while they loaded. */
      if (state != NULL)
        migmap_map_state_set_shapes (state, migmap_map_state_get_shapes (state), shapes);
    }
}

static void
on_window_painted (GdkFrameClock *clock, MigmapWindow *window)
{
  MigmapApplication *self = MIGMAP_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  g_autoptr(GTask) task = NULL;

  if (!migmap_map_view_get_map_drawn (migmap_window_get_map_view (window)))
    return;
  g_signal_handlers_disconnect_by_func (clock, on_window_painted, window);
  if (self == NULL)
    return;
  task = g_task_new (NULL, NULL, on_detailed_shapes_loaded, g_object_ref (window));
  g_task_set_task_data (task, self, NULL);
  g_mutex_lock (&self->loading_lock);
  self->n_loading++;
  g_mutex_unlock (&self->loading_lock);
  g_task_run_in_thread (task, load_detailed_shapes);
}

static void
on_fatal_dialog_response (GtkDialog *dialog, int response, MigmapApplication *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_application_release (G_APPLICATION (self));
}

static void
migmap_application_activate (GApplication *application)
{
  MigmapApplication *self = MIGMAP_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (window)
    {
      gtk_window_present (window);
      return;
    }

  if (!migmap_application_load_data (self, &error))
    {
      GtkWidget *dialog;

      /* Say it where scripts and the desktop both see it, then stop. */
      g_printerr ("migmap: %s\n", error->message);
      self->exit_status = 1;
      dialog = gtk_message_dialog_new (NULL, 0, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, _("MigMap cannot start"));
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
      gtk_window_set_title (GTK_WINDOW (dialog), _("MigMap"));
      g_application_hold (application);
      g_signal_connect (dialog, "response", G_CALLBACK (on_fatal_dialog_response), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  window = GTK_WINDOW (migmap_window_new (GTK_APPLICATION (self), migmap_application_get_catalogue (self),
                                          self->shapes, NULL));
  migmap_window_set_catalogue_file (MIGMAP_WINDOW (window), self->catalogue_file);
  gtk_window_present (window);
  /* Over the window, so that the map behind shows what is restored. */
  migmap_window_offer_restore (MIGMAP_WINDOW (window));

  /* Not before the first map is on screen: loading them, and the map
   * rendering again with them, would take the core GTK draws that frame
   * with. */
  if (self->shapes_path == NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                             G_CALLBACK (on_window_painted), window, 0);
}

static void
about_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *application = user_data;
  const char *authors[] = { "MigMap developers", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (application),
                         "program-name", _("MigMap"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Partner states of migration dialogues and the projects that run "
                                       "there, on an offline map"),
                         "authors", authors,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *application = user_data;
  g_autolist(GtkWindow) windows = NULL;

  /* Closing a window takes it out of the application's list (and may destroy
   * its dialogs): walk a copy that keeps each window alive meanwhile. */
  for (GList *l = gtk_application_get_windows (application); l; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  /* Close windows rather than quitting outright, so they save their state
   * and a window with unsaved changes asks first (and may stay open). */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
migmap_application_startup (GApplication *application)
{
  MigmapApplication *self = MIGMAP_APPLICATION (application);
  static const GActionEntry actions[] = {
    { "about", about_action, NULL, NULL, NULL, { 0 } },
    { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  };
  GtkApplication *app = GTK_APPLICATION (application);

  /* The catalogue and the 1:50m shapes load while gtk_init() (in the
   * chain-up) opens the display and sets up GL, on a core that would
   * otherwise be idle.  gtk_init() first sets the locale from the
   * environment; doing it here, as it does, means the loader reads numbers
   * and names under the locale it always did and that call changes nothing
   * under it. */
  if (!gtk_is_initialized ())
    setlocale (LC_ALL, "");
  if (self->catalogue_file == NULL || self->shapes == NULL)
    self->loader = g_thread_new ("migmap-load", load_data_thread, self);

  G_APPLICATION_CLASS (migmap_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions), application);
  if (self->settings)
    {
      g_autoptr(GAction) language = g_settings_create_action (self->settings, "language");
      g_action_map_add_action (G_ACTION_MAP (application), language);
    }
  gtk_application_set_accels_for_action (app, "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (app, "win.print", (const char *[]) { "<Control>p", NULL });
  gtk_application_set_accels_for_action (app, "win.export", (const char *[]) { "<Control>e", NULL });
  /* GtkApplication's own key for the Keyboard Shortcuts window, which it
   * sets only when it builds that window itself. */
  gtk_application_set_accels_for_action (app, "win.show-help-overlay", (const char *[]) { "<Control>question", NULL });
  gtk_window_set_default_icon_name (APP_ID);
}

static int
migmap_application_handle_local_options (GApplication *application, GVariantDict *options)
{
  MigmapApplication *self = MIGMAP_APPLICATION (application);

  g_variant_dict_lookup (options, "catalogue", "^ay", &self->catalogue_path);
  g_variant_dict_lookup (options, "shapes", "^ay", &self->shapes_path);
  return -1;
}

static void
migmap_application_shutdown (GApplication *application)
{
  MigmapApplication *self = MIGMAP_APPLICATION (application);

  join_loader (self);
  g_mutex_lock (&self->loading_lock);
  while (self->n_loading > 0)
    g_cond_wait (&self->loading_done, &self->loading_lock);
  g_mutex_unlock (&self->loading_lock);
  migmap_map_view_wait_for_renders ();
  /* Deliver what the loaders and renders returned, so nothing is left half-owned. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  G_APPLICATION_CLASS (migmap_application_parent_class)->shutdown (application);
}

static void
migmap_application_finalize (GObject *object)
{
  MigmapApplication *self = MIGMAP_APPLICATION (object);

  join_loader (self);
  g_clear_error (&self->load_error);
  g_mutex_clear (&self->loading_lock);
  g_cond_clear (&self->loading_done);
  g_free (self->catalogue_path);
  g_free (self->shapes_path);
  g_clear_object (&self->catalogue_file);
  g_clear_object (&self->shapes);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (migmap_application_parent_class)->finalize (object);
}

static void
migmap_application_class_init (MigmapApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = migmap_application_finalize;
  app_class->activate = migmap_application_activate;
  app_class->startup = migmap_application_startup;
  app_class->shutdown = migmap_application_shutdown;
  app_class->handle_local_options = migmap_application_handle_local_options;
}

static void
migmap_application_init (MigmapApplication *self)
{
  const GOptionEntry entries[] = {
    { "catalogue", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Catalogue to open and edit instead of your own"), N_("FILE") },
    { "shapes", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Polygon shapefile to draw instead of the bundled one"), N_("FILE") },
    { NULL }
  };

  g_mutex_init (&self->loading_lock);
  g_cond_init (&self->loading_done);
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  self->settings = migmap_settings_dup ();
}

MigmapApplication *
migmap_application_new (void)
{
  return g_object_new (MIGMAP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}

MigmapCatalogue *
migmap_application_get_catalogue (MigmapApplication *self)
{
  g_return_val_if_fail (MIGMAP_IS_APPLICATION (self), NULL);
  if (self->catalogue_file == NULL)
    return NULL;
  return migmap_catalogue_editor_get_catalogue (migmap_catalogue_file_get_editor (self->catalogue_file));
}

MigmapShapeSet *
migmap_application_get_shapes (MigmapApplication *self)
{
  g_return_val_if_fail (MIGMAP_IS_APPLICATION (self), NULL);
  return self->shapes;
}

int
migmap_application_get_exit_status (MigmapApplication *self)
{
  g_return_val_if_fail (MIGMAP_IS_APPLICATION (self), 1);
  return self->exit_status;
}
