/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-search-result.h: one row of a search, whatever it found: a
 * country on the map or an entity of the catalogue */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  MIGMAP_SEARCH_RESULT_COUNTRY,
  MIGMAP_SEARCH_RESULT_PROJECT,
  MIGMAP_SEARCH_RESULT_GROUP,
  MIGMAP_SEARCH_RESULT_DIALOGUE,
  MIGMAP_SEARCH_RESULT_ORGANISATION,
  MIGMAP_SEARCH_RESULT_PLACE,
  MIGMAP_SEARCH_RESULT_EVENT,
  MIGMAP_SEARCH_RESULT_DOCUMENT,
} MigmapSearchResultKind;

#define MIGMAP_TYPE_SEARCH_RESULT_KIND (migmap_search_result_kind_get_type ())
GType migmap_search_result_kind_get_type (void) G_GNUC_CONST;

#define MIGMAP_TYPE_SEARCH_RESULT (migmap_search_result_get_type ())
G_DECLARE_FINAL_TYPE (MigmapSearchResult, migmap_search_result, MIGMAP, SEARCH_RESULT, GObject)

MigmapSearchResult     *migmap_search_result_new        (MigmapSearchResultKind  kind,
                                                         const char             *id,
                                                         const char             *title,
                                                         const char             *detail);
MigmapSearchResultKind  migmap_search_result_get_kind   (MigmapSearchResult *self);
const char             *migmap_search_result_get_id     (MigmapSearchResult *self);
const char             *migmap_search_result_get_title  (MigmapSearchResult *self);
const char             *migmap_search_result_get_detail (MigmapSearchResult *self);

/* "country", "project", ...: the enum's nick, for tests and logs. */
const char             *migmap_search_result_kind_to_string (MigmapSearchResultKind kind);

G_END_DECLS
