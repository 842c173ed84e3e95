/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-timeline.h: the strip of years under the map that sets the map's date */
#pragma once

#include <gtk/gtk.h>

#include "migmap-map-state.h"

G_BEGIN_DECLS

#define MIGMAP_TYPE_TIMELINE (migmap_timeline_get_type ())
G_DECLARE_FINAL_TYPE (MigmapTimeline, migmap_timeline, MIGMAP, TIMELINE, GtkWidget)

MigmapMapState *migmap_timeline_get_state     (MigmapTimeline *self);
void            migmap_timeline_set_state     (MigmapTimeline *self,
                                               MigmapMapState *state);
/* The years the strip spans. */
void            migmap_timeline_get_years     (MigmapTimeline *self,
                                               guint          *first_year,
                                               guint          *last_year);
/* The strip's widget, and the middle of a year on it, in its coordinates:
 * where a click picks that year. */
GtkWidget      *migmap_timeline_get_strip     (MigmapTimeline *self);
gboolean        migmap_timeline_get_year_x    (MigmapTimeline *self,
                                               guint           year,
                                               double         *x);
/* What the label beside the strip says: "All dates", "2010", "June 2010". */
const char     *migmap_timeline_get_text      (MigmapTimeline *self);
gboolean        migmap_timeline_get_playing   (MigmapTimeline *self);
void            migmap_timeline_set_playing   (MigmapTimeline *self,
                                               gboolean        playing);

G_END_DECLS
