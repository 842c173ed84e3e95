/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c */
#include "config.h"

#include "migmap-application.h"
#include "migmap-language.h"
#include "migmap-settings.h"

int
main (int argc, char **argv)
{
  g_autoptr(MigmapApplication) app = NULL;
  g_autoptr(GSettings) settings = migmap_settings_dup ();
  g_autofree char *language = settings ? g_settings_get_string (settings, "language") : NULL;
  int status;

  /* The in-app choice wins over the system's; it applies from the next start. */
  migmap_language_init (language);

  app = migmap_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return status ? status : migmap_application_get_exit_status (app);
}
