/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-export.c: cairo surfaces streamed into an atomic file
 *
 * The target is opened before drawing, so that a folder that cannot be
 * written fails at once rather than after a long render, and replaced only
 * once the whole file is written (see migmap-atomic-file.c).
 */
#include "config.h"

#include "migmap-export.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "migmap-atomic-file.h"
#include "migmap-png-writer.h"
#include "migmap-text-sink.h"

typedef struct {
  MigmapAtomicFile *file;
  GString          *buffer;   /* SVG waits here for its <text> elements */
  GError           *error;
} StreamClosure;

static cairo_status_t
write_to_stream (void *closure, const unsigned char *data, unsigned int length)
{
  StreamClosure *sc = closure;

  if (sc->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (sc->buffer)
    {
      g_string_append_len (sc->buffer, (const char *) data, length);
      return CAIRO_STATUS_SUCCESS;
    }
  if (!migmap_atomic_file_write (sc->file, data, length, &sc->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
write_png_data (gpointer closure, const guchar *data, gsize length)
{
  return write_to_stream (closure, data, length) == CAIRO_STATUS_SUCCESS;
}

/* cairo's SVG ends with "</svg>": the collected text goes just before it. */
static void
write_svg_with_text (StreamClosure *sc, const char *texts)
{
  const char *end = g_strrstr (sc->buffer->str, "</svg>");
  gsize head = end ? (gsize) (end - sc->buffer->str) : sc->buffer->len;

  if (migmap_atomic_file_write (sc->file, sc->buffer->str, head, &sc->error) &&
      migmap_atomic_file_write (sc->file, texts, strlen (texts), &sc->error))
    migmap_atomic_file_write (sc->file, sc->buffer->str + head, sc->buffer->len - head, &sc->error);
}

static const char * const format_names[] = { "png", "svg", "pdf" };

gboolean
migmap_format_from_string (const char *name, MigmapFormat *format)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
migmap_format_from_path (const char *path, MigmapFormat *format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');
  return dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL && migmap_format_from_string (dot + 1, format);
}

const char *
migmap_format_to_string (MigmapFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (format_names), NULL);
  return format_names[format];
}

typedef struct {
  MigmapDrawFunc draw;
  gpointer       user_data;
} OnePage;

static void
draw_one_page (cairo_t *cr, double width, double height, guint page, gpointer user_data)
{
  OnePage *one = user_data;

  one->draw (cr, width, height, one->user_data);
}

gboolean
migmap_export_to_file (const char     *path,
                       MigmapFormat    format,
                       double          width,
                       double          height,
                       double          pixel_scale,
                       MigmapDrawFunc  draw,
                       gpointer        user_data,
                       GError        **error)
{
  OnePage one = { draw, user_data };

  g_return_val_if_fail (draw != NULL, FALSE);

  return migmap_export_pages_to_file (path, format, width, height, pixel_scale, 1, draw_one_page, &one, error);
}

/* Several pages go into one PDF (a series of dates); PNG and SVG hold one. */
gboolean
migmap_export_pages_to_file (const char         *path,
                             MigmapFormat        format,
                             double              width,
                             double              height,
                             double              pixel_scale,
                             guint               n_pages,
                             MigmapDrawPageFunc  draw,
                             gpointer            user_data,
                             GError            **error)
{
  g_autoptr(MigmapAtomicFile) file = NULL;
  StreamClosure closure = { 0 };
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0 && pixel_scale > 0, FALSE);
  g_return_val_if_fail (n_pages >= 1 && (n_pages == 1 || format == MIGMAP_FORMAT_PDF), FALSE);

  file = migmap_atomic_file_begin (path, error);
  if (file == NULL)
    return FALSE;
  closure.file = file;

  switch (format)
    {
    case MIGMAP_FORMAT_PNG:
      {
        int pw = (int) lround (width * pixel_scale), ph = (int) lround (height * pixel_scale);
        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
        cairo_surface_set_device_scale (surface, pixel_scale, pixel_scale);
        break;
      }
    case MIGMAP_FORMAT_SVG:
      closure.buffer = g_string_new (NULL);
      surface = cairo_svg_surface_create_for_stream (write_to_stream, &closure, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      migmap_text_sink_attach (surface);
      break;
    case MIGMAP_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_stream, &closure, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "MigMap");
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  cr = cairo_create (surface);
  status = CAIRO_STATUS_SUCCESS;
  for (guint page = 0; page < n_pages && status == CAIRO_STATUS_SUCCESS; page++)
    {
      cairo_save (cr);
      draw (cr, width, height, page, user_data);
      cairo_restore (cr);
      if (page + 1 < n_pages)
        cairo_show_page (cr);
      status = cairo_status (cr);
    }
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == MIGMAP_FORMAT_PNG &&
      !migmap_png_write (surface, NULL, write_png_data, &closure, closure.error ? NULL : &closure.error))
    status = CAIRO_STATUS_WRITE_ERROR;
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  if (closure.buffer)
    {
      g_autofree char *texts = migmap_text_sink_take_svg (surface);

      if (status == CAIRO_STATUS_SUCCESS)
        write_svg_with_text (&closure, texts);
      g_string_free (closure.buffer, TRUE);
    }
  cairo_surface_destroy (surface);

  /* Freeing the file without a commit discards what was written. */
  if (closure.error)
    {
      g_propagate_error (error, closure.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, cairo_status_to_string (status));
      return FALSE;
    }
  return migmap_atomic_file_commit (file, error);
}
