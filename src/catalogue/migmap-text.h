/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-text.h: case- and accent-insensitive matching, shared by the
 * catalogue's search and the window's country search */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *migmap_text_fold    (const char         *text);
/* migmap_text_fold(), then Arabic letter variants merged (hamza on alef,
 * alef wasla, alef maqsura, ta marbuta, tatweel) and every run of
 * punctuation or space made one space: "EU-27" and "eu 27" compare equal. */
char     *migmap_text_normalize (const char       *text);
gboolean  migmap_text_matches (const char         *folded_text,
                               const char * const *folded_tokens);

G_END_DECLS
