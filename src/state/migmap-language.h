/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-language.h: choosing the language of the interface and the maps */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets up gettext for MigMap and the iso-codes country names, in @language
 * ("ar", "en", "fr") or, when NULL or empty, the system's.  Works where no
 * Arabic or French locale is generated: it falls back to C.UTF-8, and MigMap
 * needs the locale only for its character set. */
void migmap_language_init (const char *language);

G_END_DECLS
