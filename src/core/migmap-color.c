/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-color.c: parsing "#rgb", "#rrggbb" and "#rrggbbaa" */
#include "config.h"

#include "migmap-color.h"

#include <string.h>

static int
hex_digit (char c)
{
  return g_ascii_xdigit_value (c);
}

gboolean
migmap_color_parse (const char *spec, MigmapColor *color)
{
  guint digits[8];
  gsize len;

  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (color != NULL, FALSE);

  if (spec[0] != '#')
    return FALSE;
  spec++;
  len = strlen (spec);
  if (len != 3 && len != 6 && len != 8)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      int value = hex_digit (spec[i]);
      if (value < 0)
        return FALSE;
      digits[i] = value;
    }

  if (len == 3)
    {
      color->red = digits[0] * 17 / 255.0;
      color->green = digits[1] * 17 / 255.0;
      color->blue = digits[2] * 17 / 255.0;
      color->alpha = 1.0;
    }
  else
    {
      color->red = (digits[0] * 16 + digits[1]) / 255.0;
      color->green = (digits[2] * 16 + digits[3]) / 255.0;
      color->blue = (digits[4] * 16 + digits[5]) / 255.0;
      color->alpha = len == 8 ? (digits[6] * 16 + digits[7]) / 255.0 : 1.0;
    }
  return TRUE;
}

char *
migmap_color_to_string (const MigmapColor *color)
{
  g_return_val_if_fail (color != NULL, NULL);

  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) (color->red * 255.0 + 0.5),
                          (guint) (color->green * 255.0 + 0.5),
                          (guint) (color->blue * 255.0 + 0.5));
}

