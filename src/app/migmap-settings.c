/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-settings.c
 *
 * Its own module so that the window and the application both reach the
 * settings without including each other.
 */
#include "config.h"

#include "migmap-settings.h"

/* NULL when the schema is not installed (uninstalled runs without
 * GSETTINGS_SCHEMA_DIR): then nothing persists. */
GSettings *
migmap_settings_dup (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE)
                                             : NULL;

  return schema ? g_settings_new (APP_ID) : NULL;
}
