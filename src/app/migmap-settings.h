/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-settings.h: MigMap's GSettings, where the schema is installed */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *migmap_settings_dup (void);

G_END_DECLS
