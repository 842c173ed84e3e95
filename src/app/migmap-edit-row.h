/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-edit-row.h: one value of a list in an edit form (a country, a
 * member with its period, an organisation with its role), with the name of
 * what the value names beside it */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MIGMAP_TYPE_EDIT_ROW (migmap_edit_row_get_type ())
G_DECLARE_FINAL_TYPE (MigmapEditRow, migmap_edit_row, MIGMAP, EDIT_ROW, GtkWidget)

/* @choices: a GtkTreeModel of (id, label) strings that completes the value
 * and names it; @with_period shows from/to entries; @extra_label (NULL:
 * none) is the placeholder of a free-text entry (a role, a note). */
MigmapEditRow *migmap_edit_row_new           (GtkTreeModel *choices,
                                              gboolean      with_period,
                                              const char   *extra_label);
GtkEntry      *migmap_edit_row_get_entry     (MigmapEditRow *self);
GtkEntry      *migmap_edit_row_get_from_entry (MigmapEditRow *self);
GtkEntry      *migmap_edit_row_get_to_entry  (MigmapEditRow *self);
GtkEntry      *migmap_edit_row_get_extra_entry (MigmapEditRow *self);
const char    *migmap_edit_row_get_name      (MigmapEditRow *self);
void           migmap_edit_row_set_values    (MigmapEditRow *self,
                                              const char    *value,
                                              const char    *from,
                                              const char    *to,
                                              const char    *extra);

/* Completes @entry from @choices (id, label), matching either column;
 * the id goes into the entry. */
void           migmap_edit_row_complete_entry (GtkEntry     *entry,
                                               GtkTreeModel *choices);
/* The label of @id in @choices, or NULL. */
char          *migmap_edit_row_dup_label      (GtkTreeModel *choices,
                                               const char   *id);

G_END_DECLS
