/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-text.c: folding text for case- and accent-insensitive search */
#include "config.h"

#include "migmap-text.h"

#include <string.h>

/* "Tājūrā’" and "TAJURA’" both fold to "tajura’": casefold, decompose
 * (compatibility NFKD, so that accents become separate combining marks and
 * ligatures split), then drop the marks.  The result is compared with
 * strstr, so both sides must be folded alike. */
char *
migmap_text_fold (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *stripped;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");

  stripped = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (stripped, c);
    }
  return g_string_free (stripped, FALSE);
}

/* TRUE if every token occurs somewhere in the text. */
gboolean
migmap_text_matches (const char         *folded_text,
                     const char * const *folded_tokens)
{
  g_return_val_if_fail (folded_text != NULL, FALSE);

  for (guint i = 0; folded_tokens && folded_tokens[i]; i++)
    if (strstr (folded_text, folded_tokens[i]) == NULL)
      return FALSE;
  return TRUE;
}
