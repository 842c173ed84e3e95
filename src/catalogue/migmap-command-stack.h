/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-command-stack.h: the undo/redo history of an editor
 *
 * A passive list of commands with a cursor: the editor pushes what it did,
 * and undo/redo hand back the command to revert or re-apply.  It also
 * remembers the position of the last save, so "unsaved changes" is simply
 * "the cursor is elsewhere".
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MIGMAP_TYPE_COMMAND_STACK (migmap_command_stack_get_type ())
G_DECLARE_FINAL_TYPE (MigmapCommandStack, migmap_command_stack, MIGMAP, COMMAND_STACK, GObject)

MigmapCommandStack *migmap_command_stack_new            (void);

/* Drops every command after the cursor (a new change forgets the redo
 * branch), then appends @command (taken; freed with @destroy). */
void                migmap_command_stack_push           (MigmapCommandStack *self,
                                                         const char         *label,
                                                         gpointer            command,
                                                         GDestroyNotify      destroy);
gboolean            migmap_command_stack_can_undo       (MigmapCommandStack *self);
gboolean            migmap_command_stack_can_redo       (MigmapCommandStack *self);
/* What Ctrl+Z would undo, for menus; NULL when nothing. */
const char         *migmap_command_stack_get_undo_label (MigmapCommandStack *self);
const char         *migmap_command_stack_get_redo_label (MigmapCommandStack *self);
/* Moves the cursor and returns the command to revert (undo) or to apply
 * again (redo); NULL when there is none.  Transfer none. */
gpointer            migmap_command_stack_undo           (MigmapCommandStack *self);
gpointer            migmap_command_stack_redo           (MigmapCommandStack *self);
/* Undoes a migmap_command_stack_undo/redo whose command could not be
 * applied, so that the cursor matches what the editor holds. */
void                migmap_command_stack_step_back      (MigmapCommandStack *self,
                                                         gboolean            was_undo);

void                migmap_command_stack_mark_clean     (MigmapCommandStack *self);
gboolean            migmap_command_stack_is_clean       (MigmapCommandStack *self);
void                migmap_command_stack_clear          (MigmapCommandStack *self);

G_END_DECLS
