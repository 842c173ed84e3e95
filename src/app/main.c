/* main.c */
#include <glib/gi18n.h>
#include <locale.h>

#include "migmap-application.h"

int
main (int argc, char **argv)
{
  g_autoptr(MigmapApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, MIGMAP_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = migmap_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return status ? status : migmap_application_get_exit_status (app);
}
