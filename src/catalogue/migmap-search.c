/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-search.c: ranking what a person typed against the names of one
 * thing */
#include "config.h"

#include "migmap-search.h"

#include <string.h>

#include "migmap-text.h"

struct _MigmapSearchKey {
  GPtrArray *names;    /* normalized */
  GPtrArray *acronyms; /* normalized */
  GPtrArray *words;    /* the words of names and acronyms, as gunichar arrays (GArray) */
  GString   *text;     /* names, acronyms and other text, normalized, one per line */
};

struct _MigmapSearchQuery {
  char      *text;  /* normalized */
  char     **words;
  GPtrArray *ucs4;  /* each word as a GArray of gunichar */
};

static GArray *
to_ucs4 (const char *word)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (gunichar));

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_array_append_val (array, c);
    }
  return array;
}

MigmapSearchKey *
migmap_search_key_new (void)
{
  MigmapSearchKey *key = g_new0 (MigmapSearchKey, 1);

  key->names = g_ptr_array_new_with_free_func (g_free);
  key->acronyms = g_ptr_array_new_with_free_func (g_free);
  key->words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  key->text = g_string_new (NULL);
  return key;
}

void
migmap_search_key_free (MigmapSearchKey *key)
{
  if (key == NULL)
    return;
  g_ptr_array_unref (key->names);
  g_ptr_array_unref (key->acronyms);
  g_ptr_array_unref (key->words);
  g_string_free (key->text, TRUE);
  g_free (key);
}

static void
add_normalized (MigmapSearchKey *key,
                GPtrArray       *list,
                char            *normalized) /* owned */
{
  g_auto(GStrv) words = NULL;

  if (*normalized == '\0' || g_ptr_array_find_with_equal_func (list, normalized, g_str_equal, NULL))
    {
      g_free (normalized);
      return;
    }
  words = g_strsplit (normalized, " ", -1);
  for (guint i = 0; words[i]; i++)
    g_ptr_array_add (key->words, to_ucs4 (words[i]));
  g_string_append (key->text, normalized);
  g_string_append_c (key->text, '\n');
  g_ptr_array_add (list, normalized);
}

void
migmap_search_key_add_acronym (MigmapSearchKey *key,
                               const char      *acronym)
{
  g_return_if_fail (key != NULL);

  if (acronym != NULL)
    add_normalized (key, key->acronyms, migmap_text_normalize (acronym));
}

void
migmap_search_key_add_name (MigmapSearchKey *key,
                            const char      *name)
{
  const char *open;
  gsize len;

  g_return_if_fail (key != NULL);

  if (name == NULL)
    return;
  add_normalized (key, key->names, migmap_text_normalize (name));

  /* "Regional Office for the Mediterranean (RO MED)": people type either. */
  len = strlen (name);
  open = strrchr (name, '(');
  if (open != NULL && len > 0 && name[len - 1] == ')' && open > name)
    {
      g_autofree char *inner = g_strndup (open + 1, name + len - 1 - (open + 1));
      g_autofree char *bare = g_strndup (name, open - name);

      add_normalized (key, key->acronyms, migmap_text_normalize (inner));
      add_normalized (key, key->names, migmap_text_normalize (bare));
    }
}

void
migmap_search_key_add_text (MigmapSearchKey *key,
                            const char      *text)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (key != NULL);

  normalized = migmap_text_normalize (text);
  if (*normalized != '\0')
    {
      g_string_append (key->text, normalized);
      g_string_append_c (key->text, '\n');
    }
}

MigmapSearchQuery *
migmap_search_query_new (const char *text)
{
  MigmapSearchQuery *query;
  g_autofree char *normalized = migmap_text_normalize (text);

  if (*normalized == '\0')
    return NULL;
  query = g_new0 (MigmapSearchQuery, 1);
  query->text = g_steal_pointer (&normalized);
  query->words = g_strsplit (query->text, " ", -1);
  query->ucs4 = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; query->words[i]; i++)
    g_ptr_array_add (query->ucs4, to_ucs4 (query->words[i]));
  return query;
}

void
migmap_search_query_free (MigmapSearchQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->text);
  g_strfreev (query->words);
  g_ptr_array_unref (query->ucs4);
  g_free (query);
}

static gboolean
starts_with (GArray *word,
             GArray *prefix)
{
  if (prefix->len > word->len)
    return FALSE;
  return memcmp (word->data, prefix->data, prefix->len * sizeof (gunichar)) == 0;
}

/* TRUE if @a and the first @b_len characters of @b are at most one edit
 * apart (substitution, insertion, deletion or swap of neighbours). */
static gboolean
within_one_edit (const gunichar *a,
                 guint           a_len,
                 const gunichar *b,
                 guint           b_len)
{
  guint i = 0;

  if (a_len > b_len + 1 || b_len > a_len + 1)
    return FALSE;
  while (i < a_len && i < b_len && a[i] == b[i])
    i++;
  if (i == a_len && i == b_len)
    return TRUE;
  if (a_len == b_len)
    {
      /* substitution, or swap of neighbours */
      if (memcmp (a + i + 1, b + i + 1, (a_len - i - 1) * sizeof (gunichar)) == 0)
        return TRUE;
      return i + 1 < a_len && a[i] == b[i + 1] && a[i + 1] == b[i] &&
             memcmp (a + i + 2, b + i + 2, (a_len - i - 2) * sizeof (gunichar)) == 0;
    }
  if (a_len + 1 == b_len) /* b has one more */
    return memcmp (a + i, b + i + 1, (a_len - i) * sizeof (gunichar)) == 0;
  return memcmp (a + i + 1, b + i, (b_len - i) * sizeof (gunichar)) == 0;
}

/* A typed word with one typo matches a whole word, or the start of a
 * longer one ("Tunsia" finds "Tunisia", "mediteranean" "Mediterranean"). */
static gboolean
fuzzy_starts (GArray *word,
              GArray *typed)
{
  const gunichar *w = (const gunichar *) word->data;
  const gunichar *t = (const gunichar *) typed->data;

  if (typed->len < 5)
    return FALSE;
  if (within_one_edit (t, typed->len, w, word->len))
    return TRUE;
  for (guint len = typed->len - 1; len <= typed->len + 1; len++)
    if (len < word->len && within_one_edit (t, typed->len, w, len))
      return TRUE;
  return FALSE;
}

static gboolean
every_word (MigmapSearchQuery *query,
            MigmapSearchKey   *key,
            gboolean           fuzzy)
{
  for (guint q = 0; q < query->ucs4->len; q++)
    {
      GArray *typed = g_ptr_array_index (query->ucs4, q);
      gboolean found = FALSE;

      for (guint w = 0; w < key->words->len && !found; w++)
        {
          GArray *word = g_ptr_array_index (key->words, w);

          found = starts_with (word, typed) || (fuzzy && fuzzy_starts (word, typed));
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

MigmapSearchLevel
migmap_search_query_match (MigmapSearchQuery *query,
                           MigmapSearchKey   *key)
{
  gboolean mention = TRUE;

  g_return_val_if_fail (query != NULL, MIGMAP_SEARCH_NONE);
  g_return_val_if_fail (key != NULL, MIGMAP_SEARCH_NONE);

  for (guint i = 0; i < key->names->len; i++)
    if (g_str_equal (g_ptr_array_index (key->names, i), query->text))
      return MIGMAP_SEARCH_EXACT;
  for (guint i = 0; i < key->acronyms->len; i++)
    if (g_str_equal (g_ptr_array_index (key->acronyms, i), query->text))
      return MIGMAP_SEARCH_ACRONYM;
  for (guint i = 0; i < key->names->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (key->names, i), query->text))
      return MIGMAP_SEARCH_PREFIX;
  if (every_word (query, key, FALSE))
    return MIGMAP_SEARCH_WORD;
  if (every_word (query, key, TRUE))
    return MIGMAP_SEARCH_FUZZY;
  for (guint q = 0; query->words[q] && mention; q++)
    mention = strstr (key->text->str, query->words[q]) != NULL;
  return mention ? MIGMAP_SEARCH_MENTION : MIGMAP_SEARCH_NONE;
}
