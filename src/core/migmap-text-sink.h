/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-text-sink.h: text that stays text in every output
 *
 * cairo's PDF backend keeps text searchable, but its SVG backend turns glyphs
 * into outlines.  On an SVG surface with a sink attached, text is collected
 * and written as <text> elements instead of being drawn.
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "migmap-color.h"

G_BEGIN_DECLS

void  migmap_text_sink_attach   (cairo_surface_t   *surface);
/* The collected <text> elements, in drawing order; transfer full. */
char *migmap_text_sink_take_svg (cairo_surface_t   *surface);

/* Draws @layout at the current point, with a halo when @halo is not NULL. */
void  migmap_show_layout        (cairo_t           *cr,
                                 PangoLayout       *layout,
                                 const MigmapColor *color,
                                 const MigmapColor *halo,
                                 double             halo_width);

G_END_DECLS
