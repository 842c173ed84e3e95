/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-catalogue-writer.c: the catalogue's JSON tree back to text
 *
 * json-c's own pretty printer puts every string of an array on a line of its
 * own, which makes a 90 kB catalogue four times longer and its diffs hard to
 * read.  This writer keeps the layout data/catalogue.json was written in:
 * objects one member per line, arrays of plain values on one line.  Scalars
 * are printed by json-c, which keeps the text a number was read from, so
 * "36.80" stays "36.80".
 */
#include "config.h"

#include "migmap-catalogue-json-private.h"

#include <string.h>

/* Flat arrays longer than this go on lines of their own. */
#define LINE_WIDTH 99

static void write_value (GString *out, json_object *value, guint depth, gboolean comma);

/* Characters (not bytes) since the last newline. */
static gsize
column (GString *out)
{
  gsize start = out->len;

  while (start > 0 && out->str[start - 1] != '\n')
    start--;
  return (gsize) g_utf8_strlen (out->str + start, (gssize) (out->len - start));
}

static void
indent (GString *out,
        guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
write_scalar (GString     *out,
              json_object *value)
{
  if (value == NULL)
    g_string_append (out, "null");
  else
    g_string_append (out, json_object_to_json_string_ext (value, JSON_C_TO_STRING_PLAIN |
                                                                 JSON_C_TO_STRING_NOSLASHESCAPE));
}

static gboolean
is_container (json_object *value)
{
  return json_object_is_type (value, json_type_object) || json_object_is_type (value, json_type_array);
}

static char *
scalar_text (json_object *value)
{
  if (value == NULL)
    return g_strdup ("null");
  return g_strdup (json_object_to_json_string_ext (value, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
}

static void
write_array (GString     *out,
             json_object *array,
             guint        depth,
             gboolean     comma)
{
  gsize n = json_object_array_length (array);
  gboolean flat = TRUE;

  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }
  for (gsize i = 0; i < n && flat; i++)
    flat = !is_container (json_object_array_get_idx (array, i));

  if (flat)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
      gsize inline_width = column (out) + 2 + (comma ? 1 : 0);
      gsize line_width;

      for (gsize i = 0; i < n; i++)
        {
          char *text = scalar_text (json_object_array_get_idx (array, i));

          inline_width += g_utf8_strlen (text, -1) + (i > 0 ? 2 : 0);
          g_ptr_array_add (items, text);
        }
      /* Short: on the key's line.  Long: packed on lines of their own. */
      if (inline_width <= LINE_WIDTH)
        {
          g_string_append_c (out, '[');
          for (gsize i = 0; i < n; i++)
            {
              if (i > 0)
                g_string_append (out, ", ");
              g_string_append (out, items->pdata[i]);
            }
          g_string_append_c (out, ']');
          return;
        }
      g_string_append (out, "[\n");
      indent (out, depth + 1);
      line_width = 2 * (depth + 1);
      for (gsize i = 0; i < n; i++)
        {
          gsize width = g_utf8_strlen (items->pdata[i], -1) + (i + 1 < n ? 1 : 0);

          if (i > 0 && line_width + 1 + width > LINE_WIDTH)
            {
              g_string_append_c (out, '\n');
              indent (out, depth + 1);
              line_width = 2 * (depth + 1);
            }
          else if (i > 0)
            {
              g_string_append_c (out, ' ');
              line_width++;
            }
          g_string_append (out, items->pdata[i]);
          if (i + 1 < n)
            g_string_append_c (out, ',');
          line_width += width;
        }
      g_string_append_c (out, '\n');
      indent (out, depth);
      g_string_append_c (out, ']');
      return;
    }

  g_string_append (out, "[\n");
  for (gsize i = 0; i < n; i++)
    {
      indent (out, depth + 1);
      write_value (out, json_object_array_get_idx (array, i), depth + 1, i + 1 < n);
      g_string_append (out, i + 1 < n ? ",\n" : "\n");
    }
  indent (out, depth);
  g_string_append_c (out, ']');
}

static void
write_object (GString     *out,
              json_object *obj,
              guint        depth)
{
  gsize n = (gsize) json_object_object_length (obj);
  gsize i = 0;

  if (n == 0)
    {
      g_string_append (out, "{}");
      return;
    }
  g_string_append (out, "{\n");
  json_object_object_foreach (obj, key, value)
    {
      g_autoptr(json_object) name = json_object_new_string (key);

      indent (out, depth + 1);
      write_scalar (out, name);
      g_string_append (out, ": ");
      i++;
      write_value (out, value, depth + 1, i < n);
      g_string_append (out, i < n ? ",\n" : "\n");
    }
  indent (out, depth);
  g_string_append_c (out, '}');
}

static void
write_value (GString     *out,
             json_object *value,
             guint        depth,
             gboolean     comma)
{
  if (json_object_is_type (value, json_type_object))
    write_object (out, value, depth);
  else if (json_object_is_type (value, json_type_array))
    write_array (out, value, depth, comma);
  else
    write_scalar (out, value);
}

char *
migmap_catalogue_json_to_data (json_object *root,
                               gsize       *length)
{
  GString *out = g_string_sized_new (128 * 1024);

  g_return_val_if_fail (root != NULL, NULL);

  write_value (out, root, 0, FALSE);
  g_string_append_c (out, '\n');
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
