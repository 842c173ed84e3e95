/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-dates.h: dates at the precision their source gives, in the user's
 * language
 *
 * Month names come from MigMap's own translations, not the C library's
 * locale, so that pages render in Arabic or French on machines where those
 * locales were never generated.
 */
#pragma once

#include "migmap-date.h"

G_BEGIN_DECLS

char     *migmap_format_date       (const MigmapDate *date);
char     *migmap_format_date_range (const MigmapDate *start,
                                    const MigmapDate *end);
char     *migmap_format_years      (const MigmapDate *start,
                                    const MigmapDate *end);
char     *migmap_format_today      (void);
/* Whether the current translation is written right to left. */
gboolean  migmap_text_is_rtl       (void);

G_END_DECLS
