/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-search.h: ranking what a person typed against the names of one
 * thing: exact name > acronym > prefix > word > one typo > mention */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Higher is better; NONE means no match. */
typedef enum {
  MIGMAP_SEARCH_NONE = 0,
  MIGMAP_SEARCH_MENTION, /* every word occurs somewhere in its text */
  MIGMAP_SEARCH_FUZZY,   /* every word starts a word of a name, one typo allowed in 5+ letters */
  MIGMAP_SEARCH_WORD,    /* every word starts a word of a name */
  MIGMAP_SEARCH_PREFIX,  /* a name starts with the query */
  MIGMAP_SEARCH_ACRONYM, /* the query is its acronym */
  MIGMAP_SEARCH_EXACT,   /* the query is one of its names */
} MigmapSearchLevel;

/* The names, acronyms and other text of one thing, normalized once. */
typedef struct _MigmapSearchKey MigmapSearchKey;

MigmapSearchKey  *migmap_search_key_new          (void);
void              migmap_search_key_free         (MigmapSearchKey *key);
/* A name ending in "(ACRONYM)" also adds the acronym and the bare name. */
void              migmap_search_key_add_name     (MigmapSearchKey *key,
                                                  const char      *name);
void              migmap_search_key_add_acronym  (MigmapSearchKey *key,
                                                  const char      *acronym);
void              migmap_search_key_add_text     (MigmapSearchKey *key,
                                                  const char      *text);

typedef struct _MigmapSearchQuery MigmapSearchQuery;

/* NULL when @text has nothing to look for (empty, spaces, punctuation). */
MigmapSearchQuery *migmap_search_query_new       (const char        *text);
void               migmap_search_query_free      (MigmapSearchQuery *query);
MigmapSearchLevel  migmap_search_query_match     (MigmapSearchQuery *query,
                                                  MigmapSearchKey   *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MigmapSearchKey, migmap_search_key_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MigmapSearchQuery, migmap_search_query_free)

G_END_DECLS
