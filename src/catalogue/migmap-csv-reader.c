/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-csv-reader.c: RFC 4180 CSV with the line of every record */
#include "config.h"

#include "migmap-csv-reader.h"

#include "migmap-catalogue-error.h"

static void
record_free (gpointer data)
{
  MigmapCsvRecord *record = data;

  g_strfreev (record->fields);
  g_free (record);
}

static gboolean
syntax_error (GError    **error,
              const char *path,
              guint       line,
              guint       column,
              const char *what)
{
  g_set_error (error, MIGMAP_CATALOGUE_ERROR, MIGMAP_CATALOGUE_ERROR_SYNTAX,
               "%s:%u:%u: malformed CSV: %s", path, line, column, what);
  return FALSE;
}

GPtrArray *
migmap_csv_parse (const char  *path,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_free);
  g_autoptr(GStrvBuilder) fields = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  guint line = 1, column = 1, record_line = 1, n_header = 0;
  gsize i = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!g_utf8_validate_len (data, length, NULL))
    {
      syntax_error (error, path, 1, 1, "not UTF-8 text");
      return NULL;
    }

  while (i < length)
    {
      gboolean end_of_record = FALSE;

      if (fields == NULL)
        {
          fields = g_strv_builder_new ();
          record_line = line;
        }
      g_string_truncate (field, 0);

      if (data[i] == '"')
        {
          guint quote_line = line, quote_column = column;

          i++, column++;
          for (;;)
            {
              if (i >= length)
                {
                  syntax_error (error, path, quote_line, quote_column, "a quoted field is not closed");
                  return NULL;
                }
              if (data[i] == '"' && i + 1 < length && data[i + 1] == '"')
                {
                  g_string_append_c (field, '"');
                  i += 2, column += 2;
                }
              else if (data[i] == '"')
                {
                  i++, column++;
                  break;
                }
              else
                {
                  if (data[i] == '\n')
                    line++, column = 0;
                  g_string_append_c (field, data[i]);
                  i++, column++;
                }
            }
          if (i < length && data[i] != ',' && data[i] != '\n' && !(data[i] == '\r' && i + 1 < length && data[i + 1] == '\n'))
            {
              syntax_error (error, path, line, column, "text after a closing quote");
              return NULL;
            }
        }
      else
        {
          while (i < length && data[i] != ',' && data[i] != '\n' &&
                 !(data[i] == '\r' && i + 1 < length && data[i + 1] == '\n'))
            {
              if (data[i] == '"')
                {
                  syntax_error (error, path, line, column, "a quote inside an unquoted field");
                  return NULL;
                }
              g_string_append_c (field, data[i]);
              i++, column++;
            }
        }
      g_strv_builder_add (fields, field->str);

      if (i < length && data[i] == ',')
        {
          i++, column++;
          /* A comma at the very end still opens an (empty) last field. */
          if (i == length)
            g_strv_builder_add (fields, "");
          else
            continue;
        }
      else if (i < length && data[i] == '\r')
        i += 2;
      else if (i < length)
        i++;
      end_of_record = TRUE;

      if (end_of_record)
        {
          MigmapCsvRecord *record = g_new0 (MigmapCsvRecord, 1);

          record->line = record_line;
          record->fields = g_strv_builder_end (fields);
          g_clear_pointer (&fields, g_strv_builder_unref);
          if (records->len == 0)
            n_header = g_strv_length (record->fields);
          else if (g_strv_length (record->fields) != n_header)
            {
              g_autofree char *what = g_strdup_printf ("%u fields where the header has %u",
                                                       g_strv_length (record->fields), n_header);

              record_free (record);
              syntax_error (error, path, record_line, 1, what);
              return NULL;
            }
          g_ptr_array_add (records, record);
          line++, column = 1;
        }
    }
  if (records->len == 0)
    {
      syntax_error (error, path, 1, 1, "no header");
      return NULL;
    }
  return g_steal_pointer (&records);
}
