/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-text-sink.c */
#include "config.h"

#include "migmap-text-sink.h"

static const cairo_user_data_key_t sink_key;

static void
string_free (void *data)
{
  g_string_free (data, TRUE);
}

void
migmap_text_sink_attach (cairo_surface_t *surface)
{
  g_return_if_fail (surface != NULL);
  cairo_surface_set_user_data (surface, &sink_key, g_string_new (NULL), string_free);
}

char *
migmap_text_sink_take_svg (cairo_surface_t *surface)
{
  GString *sink = cairo_surface_get_user_data (surface, &sink_key);
  char *text;

  if (sink == NULL)
    return g_strdup ("");
  text = g_strdup (sink->str);
  g_string_truncate (sink, 0);
  return text;
}

static void
color_attribute (GString *out, const char *name, const MigmapColor *color)
{
  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", name, (guint) (color->red * 255 + 0.5),
                          (guint) (color->green * 255 + 0.5), (guint) (color->blue * 255 + 0.5));
  if (color->alpha < 1.0)
    g_string_append_printf (out, " %s-opacity=\"%.3f\"", name, color->alpha);
}

static void
collect (GString *sink, cairo_t *cr, PangoLayout *layout, const MigmapColor *color,
         const MigmapColor *halo, double halo_width)
{
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double x0, y0, size;
  gboolean rtl = pango_context_get_base_dir (pango_layout_get_context (layout)) == PANGO_DIRECTION_RTL;

  cairo_get_current_point (cr, &x0, &y0);
  size = font ? pango_font_description_get_size (font) / (double) PANGO_SCALE : 10.0;
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      const char *text = pango_layout_get_text (layout) + line->start_index;
      g_autofree char *escaped = g_markup_escape_text (text, line->length);
      PangoRectangle logical;
      double x, y;
      char number[3][G_ASCII_DTOSTR_BUF_SIZE];

      if (line->length == 0)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      x = x0 + logical.x / (double) PANGO_SCALE;
      y = y0 + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
      cairo_user_to_device (cr, &x, &y);

      g_string_append_printf (sink, "<text x=\"%s\" y=\"%s\" font-size=\"%s\"",
                              g_ascii_formatd (number[0], sizeof number[0], "%.2f", x),
                              g_ascii_formatd (number[1], sizeof number[1], "%.2f", y),
                              g_ascii_formatd (number[2], sizeof number[2], "%.2f", size));
      if (font && pango_font_description_get_family (font))
        {
          g_autofree char *family = g_markup_escape_text (pango_font_description_get_family (font), -1);
          g_string_append_printf (sink, " font-family=\"%s\"", family);
        }
      if (font && pango_font_description_get_weight (font) >= PANGO_WEIGHT_BOLD)
        g_string_append (sink, " font-weight=\"bold\"");
      if (font && pango_font_description_get_style (font) == PANGO_STYLE_ITALIC)
        g_string_append (sink, " font-style=\"italic\"");
      if (rtl)
        g_string_append (sink, " direction=\"rtl\" unicode-bidi=\"embed\"");
      color_attribute (sink, "fill", color);
      if (halo)
        {
          color_attribute (sink, "stroke", halo);
          g_string_append_printf (sink, " stroke-width=\"%s\" stroke-linejoin=\"round\" paint-order=\"stroke\"",
                                  g_ascii_formatd (number[0], sizeof number[0], "%.2f", halo_width));
        }
      /* RTL lines are placed by their logical extent, so anchor their start on the right. */
      if (rtl)
        {
          double right = x0 + (logical.x + logical.width) / (double) PANGO_SCALE, ry = 0;
          cairo_user_to_device (cr, &right, &ry);
          g_string_append_printf (sink, " text-anchor=\"start\" transform=\"translate(%s 0)\"",
                                  g_ascii_formatd (number[0], sizeof number[0], "%.2f", right - x));
        }
      g_string_append_printf (sink, ">%s</text>\n", escaped);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
migmap_show_layout (cairo_t *cr, PangoLayout *layout, const MigmapColor *color,
                    const MigmapColor *halo, double halo_width)
{
  GString *sink;
  double x, y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));
  g_return_if_fail (color != NULL);

  sink = cairo_surface_get_user_data (cairo_get_target (cr), &sink_key);
  if (sink)
    {
      collect (sink, cr, layout, color, halo, halo_width);
      return;
    }

  cairo_get_current_point (cr, &x, &y);
  if (halo)
    {
      /* The halo is a path under the text, which itself stays text in PDF. */
      pango_cairo_layout_path (cr, layout);
      cairo_set_source_rgba (cr, halo->red, halo->green, halo->blue, halo->alpha);
      cairo_set_line_width (cr, halo_width);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_move_to (cr, x, y);
    }
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  pango_cairo_show_layout (cr, layout);
}
