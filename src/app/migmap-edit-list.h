/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-edit-list.h: a list field of an edit form (countries, members,
 * organisations, places...): rows the user adds and removes */
#pragma once

#include <gtk/gtk.h>

#include "migmap-edit-row.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_EDIT_LIST (migmap_edit_list_get_type ())
G_DECLARE_FINAL_TYPE (MigmapEditList, migmap_edit_list, MIGMAP, EDIT_LIST, GtkWidget)

/* Rows are made as migmap_edit_row_new (@choices, @with_period, @extra_label). */
MigmapEditList *migmap_edit_list_new       (GtkTreeModel  *choices,
                                            gboolean       with_period,
                                            const char    *extra_label);
/* The rows, MigmapEditRow items, in order. */
GListModel     *migmap_edit_list_get_rows  (MigmapEditList *self);
MigmapEditRow  *migmap_edit_list_add_row   (MigmapEditList *self);
GtkButton      *migmap_edit_list_get_add_button (MigmapEditList *self);

G_END_DECLS
