/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-document.h: a publication, factsheet or report a source lists */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MIGMAP_TYPE_DOCUMENT (migmap_document_get_type ())
G_DECLARE_FINAL_TYPE (MigmapDocument, migmap_document, MIGMAP, DOCUMENT, GObject)

const char         *migmap_document_get_id        (MigmapDocument *self);
const char         *migmap_document_get_title     (MigmapDocument *self);
const char         *migmap_document_get_kind      (MigmapDocument *self);
const char * const *migmap_document_get_languages (MigmapDocument *self);
gboolean            migmap_document_has_language  (MigmapDocument *self,
                                                   const char     *language);
const char * const *migmap_document_get_notes     (MigmapDocument *self);
const char * const *migmap_document_get_sources   (MigmapDocument *self);

G_END_DECLS
