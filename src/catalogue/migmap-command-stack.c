/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-command-stack.c: the undo/redo history of an editor */
#include "config.h"

#include "migmap-command-stack.h"

typedef struct {
  char           *label;
  gpointer        command;
  GDestroyNotify  destroy;
} Entry;

struct _MigmapCommandStack {
  GObject parent_instance;

  GArray *entries; /* Entry */
  guint   cursor;  /* entries before it are done */
  gint64  clean;   /* cursor at the last save; -1 when that state is gone */
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_CLEAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (MigmapCommandStack, migmap_command_stack, G_TYPE_OBJECT)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->label);
  if (entry->destroy != NULL)
    entry->destroy (entry->command);
}

static void
notify_all (MigmapCommandStack *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLEAN]);
}

static void
migmap_command_stack_finalize (GObject *object)
{
  MigmapCommandStack *self = MIGMAP_COMMAND_STACK (object);

  g_array_unref (self->entries);
  G_OBJECT_CLASS (migmap_command_stack_parent_class)->finalize (object);
}

static void
migmap_command_stack_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  MigmapCommandStack *self = MIGMAP_COMMAND_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, migmap_command_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, migmap_command_stack_can_redo (self));
      break;
    case PROP_CLEAN:
      g_value_set_boolean (value, migmap_command_stack_is_clean (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_command_stack_class_init (MigmapCommandStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = migmap_command_stack_finalize;
  object_class->get_property = migmap_command_stack_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLEAN] = g_param_spec_boolean ("clean", NULL, NULL, TRUE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
migmap_command_stack_init (MigmapCommandStack *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
}

MigmapCommandStack *
migmap_command_stack_new (void)
{
  return g_object_new (MIGMAP_TYPE_COMMAND_STACK, NULL);
}

void
migmap_command_stack_push (MigmapCommandStack *self,
                           const char         *label,
                           gpointer            command,
                           GDestroyNotify      destroy)
{
  Entry entry = { g_strdup (label), command, destroy };

  g_return_if_fail (MIGMAP_IS_COMMAND_STACK (self));

  if (self->cursor < self->entries->len)
    g_array_set_size (self->entries, self->cursor);
  /* The saved state was on the forgotten branch: no cursor reaches it now. */
  if (self->clean > (gint64) self->cursor)
    self->clean = -1;
  g_array_append_val (self->entries, entry);
  self->cursor++;
  notify_all (self);
}

gboolean
migmap_command_stack_can_undo (MigmapCommandStack *self)
{
  g_return_val_if_fail (MIGMAP_IS_COMMAND_STACK (self), FALSE);
  return self->cursor > 0;
}

gboolean
migmap_command_stack_can_redo (MigmapCommandStack *self)
{
  g_return_val_if_fail (MIGMAP_IS_COMMAND_STACK (self), FALSE);
  return self->cursor < self->entries->len;
}

const char *
migmap_command_stack_get_undo_label (MigmapCommandStack *self)
{
  g_return_val_if_fail (MIGMAP_IS_COMMAND_STACK (self), NULL);
  if (self->cursor == 0)
    return NULL;
  return g_array_index (self->entries, Entry, self->cursor - 1).label;
}

const char *
migmap_command_stack_get_redo_label (MigmapCommandStack *self)
{
  g_return_val_if_fail (MIGMAP_IS_COMMAND_STACK (self), NULL);
  if (self->cursor >= self->entries->len)
    return NULL;
  return g_array_index (self->entries, Entry, self->cursor).label;
}

gpointer
migmap_command_stack_undo (MigmapCommandStack *self)
{
  g_return_val_if_fail (MIGMAP_IS_COMMAND_STACK (self), NULL);
  if (self->cursor == 0)
    return NULL;
  self->cursor--;
  notify_all (self);
  return g_array_index (self->entries, Entry, self->cursor).command;
}

gpointer
migmap_command_stack_redo (MigmapCommandStack *self)
{
  g_return_val_if_fail (MIGMAP_IS_COMMAND_STACK (self), NULL);
  if (self->cursor >= self->entries->len)
    return NULL;
  self->cursor++;
  notify_all (self);
  return g_array_index (self->entries, Entry, self->cursor - 1).command;
}

void
migmap_command_stack_step_back (MigmapCommandStack *self,
                                gboolean            was_undo)
{
  g_return_if_fail (MIGMAP_IS_COMMAND_STACK (self));
  if (was_undo)
    self->cursor++;
  else
    self->cursor--;
  notify_all (self);
}

void
migmap_command_stack_mark_clean (MigmapCommandStack *self)
{
  g_return_if_fail (MIGMAP_IS_COMMAND_STACK (self));
  self->clean = self->cursor;
  notify_all (self);
}

gboolean
migmap_command_stack_is_clean (MigmapCommandStack *self)
{
  g_return_val_if_fail (MIGMAP_IS_COMMAND_STACK (self), TRUE);
  return self->clean == (gint64) self->cursor;
}

void
migmap_command_stack_clear (MigmapCommandStack *self)
{
  g_return_if_fail (MIGMAP_IS_COMMAND_STACK (self));
  g_array_set_size (self->entries, 0);
  self->cursor = 0;
  self->clean = 0;
  notify_all (self);
}
