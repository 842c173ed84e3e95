/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-language.c */
#include "config.h"

#include "migmap-language.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

void
migmap_language_init (const char *language)
{
  const char *localedir = g_getenv ("MIGMAP_LOCALEDIR");
  const char *locale;

  if (language && *language)
    g_setenv ("LANGUAGE", language, TRUE);

  locale = setlocale (LC_ALL, "");
  /* gettext ignores LANGUAGE in the "C" locale; C.UTF-8 exists everywhere. */
  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");

  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  bind_textdomain_codeset ("iso_3166-1", "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
