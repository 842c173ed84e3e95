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

static gunichar
fold_arabic (gunichar c)
{
  switch (c)
    {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: /* alef with madda, hamza, wasla */
      return 0x0627;
    case 0x0649: /* alef maqsura, often written for ya */
      return 0x064A;
    case 0x0629: /* ta marbuta, often written as ha */
      return 0x0647;
    default:
      return c;
    }
}

char *
migmap_text_normalize (const char *text)
{
  g_autofree char *folded = migmap_text_fold (text);
  GString *out = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = fold_arabic (g_utf8_get_char (p));

      if (c == 0x0640) /* tatweel only stretches a word */
        continue;
      if (!g_unichar_isalnum (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
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
