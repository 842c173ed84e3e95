/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-png-writer.c: cairo image surfaces to PNG through libpng
 *
 * cairo_surface_write_to_png() always writes RGBA, tries every filter on
 * every row and deflates at zlib's default level: on a 1920x1080 map that
 * was a fifth of a whole migmap-render run.  A map is flat colour, mostly
 * opaque; RGB rows, unfiltered (flat colour repeats exactly, which deflate finds
 * without help) at a low level, come out smaller in a third of the time (figures: bench/migmap-png-bench).
 */
#include "config.h"

#include "migmap-png-writer.h"

#include <gio/gio.h>
#include <png.h>
#include <setjmp.h>
#include <string.h>
#include <zlib.h>

static const MigmapPngSettings default_settings = {
  .filters = PNG_FILTER_NONE,
  .level = 3,
  .strategy = Z_DEFAULT_STRATEGY,
};

const MigmapPngSettings *
migmap_png_settings_default (void)
{
  return &default_settings;
}

typedef struct {
  MigmapPngWriteFunc  write;
  gpointer            user_data;
  gboolean            write_failed;
  char               *message;
} WriteState;

static void
on_write (png_structp png, png_bytep data, png_size_t length)
{
  WriteState *state = png_get_io_ptr (png);

  if (!state->write_failed && !state->write (state->user_data, data, length))
    state->write_failed = TRUE;
  if (state->write_failed)
    png_error (png, "write failed");
}

static void
on_flush (png_structp png)
{
}

static void
on_error (png_structp png, png_const_charp message)
{
  WriteState *state = png_get_error_ptr (png);

  if (state->message == NULL)
    state->message = g_strdup (message);
  png_longjmp (png, 1);
}

static void
on_warning (png_structp png, png_const_charp message)
{
}

static gboolean
surface_is_opaque (cairo_surface_t *surface)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  if (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24)
    return TRUE;
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);
      for (int x = 0; x < width; x++)
        if ((row[x] >> 24) != 0xff)
          return FALSE;
    }
  return TRUE;
}

/* Same rounding as cairo's unpremultiply_data(), so pixels match what
 * cairo_surface_write_to_png() wrote. */
static void
convert_row (const guint32 *in, guchar *out, int width, gboolean opaque)
{
  for (int x = 0; x < width; x++)
    {
      guint32 pixel = in[x];
      guint alpha = pixel >> 24;
      guint r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

      if (opaque)
        {
          *out++ = r;
          *out++ = g;
          *out++ = b;
        }
      else if (alpha == 0)
        {
          *out++ = 0;
          *out++ = 0;
          *out++ = 0;
          *out++ = 0;
        }
      else
        {
          *out++ = (r * 255 + alpha / 2) / alpha;
          *out++ = (g * 255 + alpha / 2) / alpha;
          *out++ = (b * 255 + alpha / 2) / alpha;
          *out++ = alpha;
        }
    }
}

static gboolean
write_png (cairo_surface_t *surface, const MigmapPngSettings *settings, WriteState *state,
           guchar *row_buffer, gboolean opaque)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  png_structp png;
  png_infop info;
  volatile gboolean ok = FALSE;

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, state, on_error, on_warning);
  if (png == NULL)
    return FALSE;
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      return FALSE;
    }
  if (setjmp (png_jmpbuf (png)) == 0)
    {
      png_set_write_fn (png, state, on_write, on_flush);
      png_set_IHDR (png, info, width, height, 8, opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
                    PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
      png_set_filter (png, PNG_FILTER_TYPE_BASE, settings->filters);
      png_set_compression_level (png, settings->level);
      png_set_compression_strategy (png, settings->strategy);
      png_write_info (png, info);
      for (int y = 0; y < height; y++)
        {
          convert_row ((const guint32 *) (data + (gsize) y * stride), row_buffer, width, opaque);
          png_write_row (png, row_buffer);
        }
      png_write_end (png, info);
      ok = TRUE;
    }
  png_destroy_write_struct (&png, &info);
  return ok;
}

gboolean
migmap_png_write (cairo_surface_t          *surface,
                  const MigmapPngSettings  *settings,
                  MigmapPngWriteFunc        write,
                  gpointer                  user_data,
                  GError                  **error)
{
  WriteState state = { .write = write, .user_data = user_data };
  g_autofree guchar *row_buffer = NULL;
  cairo_format_t format;
  gboolean opaque;

  g_return_val_if_fail (surface != NULL, FALSE);
  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE, FALSE);
  format = cairo_image_surface_get_format (surface);
  g_return_val_if_fail (format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24, FALSE);
  g_return_val_if_fail (write != NULL, FALSE);

  if (settings == NULL)
    settings = &default_settings;
  cairo_surface_flush (surface);
  opaque = surface_is_opaque (surface);
  row_buffer = g_malloc ((gsize) cairo_image_surface_get_width (surface) * 4);

  if (write_png (surface, settings, &state, row_buffer, opaque))
    return TRUE;
  /* A failed write already set the caller's error through its closure. */
  if (!state.write_failed)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "PNG encoder: %s",
                 state.message ? state.message : "out of memory");
  g_free (state.message);
  return FALSE;
}
