/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-texture-pool.c: map images uploaded to GL by a worker thread come
 * back from GTK pixel for pixel, and the pool reuses its textures */
#include <gtk/gtk.h>

#include "migmap-texture-pool.h"

/* An image whose rows, columns and channels all differ: a texture upside
 * down, mirrored or with red and blue swapped does not match it.  Opaque,
 * as the map is (premultiplied alpha would round otherwise). */
static cairo_surface_t *
pattern_surface (int width, int height, guint seed)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      ((guint32 *) (data + y * stride))[x] = 0xff000000u | ((guint32) (x * 3 + seed) & 0xff) << 16 |
                                             ((guint32) (y * 5) & 0xff) << 8 | ((guint32) (x + y + 7 * seed) & 0xff);
  cairo_surface_mark_dirty (surface);
  return surface;
}

typedef struct {
  MigmapTexturePool *pool;
  cairo_surface_t   *surface;
  guint              id;
} Upload;

static gpointer
upload_thread (gpointer data)
{
  Upload *upload = data;

  upload->id = migmap_texture_pool_upload (upload->pool, upload->surface);
  return NULL;
}

/* As the map view does: the upload in a thread of its own. */
static guint
upload_in_thread (MigmapTexturePool *pool, cairo_surface_t *surface)
{
  Upload upload = { pool, surface, 0 };

  g_thread_join (g_thread_new ("upload", upload_thread, &upload));
  return upload.id;
}

static void
assert_texture_is (GdkTexture *texture, cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  const guchar *expected = cairo_image_surface_get_data (surface);

  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
  /* GDK_MEMORY_DEFAULT, cairo's ARGB32 in memory. */
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  for (int y = 0; y < height; y++)
    if (memcmp (pixels + (gsize) y * width * 4, expected + (gsize) y * stride, (gsize) width * 4) != 0)
      {
        for (int x = 0; x < width * 4; x++)
          if (pixels[y * width * 4 + x] != expected[y * stride + x])
            g_error ("row %d, byte %d: 0x%02x, expected 0x%02x", y, x, pixels[y * width * 4 + x],
                     expected[y * stride + x]);
      }
}

static MigmapTexturePool *
new_pool (void)
{
  g_autoptr(GError) error = NULL;
  MigmapTexturePool *pool = migmap_texture_pool_new (gdk_display_get_default (), &error);

  if (pool == NULL)
    g_test_skip_printf ("no desktop OpenGL: %s", error->message);
  return pool;
}

/* A map taller than one upload band, and a width whose rows cairo pads. */
static void
test_pixels (void)
{
  g_autoptr(MigmapTexturePool) pool = new_pool ();
  cairo_surface_t *surface;
  g_autoptr(GdkTexture) texture = NULL;
  guint id;

  if (pool == NULL)
    return;
  surface = pattern_surface (301, 203, 1);
  id = upload_in_thread (pool, surface);
  g_assert_cmpuint (id, !=, 0);
  texture = migmap_texture_pool_wrap (pool, id, 301, 203);
  assert_texture_is (texture, surface);
  cairo_surface_destroy (surface);
}

/* A texture GTK dropped takes the next image of its size, with nothing of
 * the old one left; another size gets a texture of its own, and keeps it. */
static void
test_reuse (void)
{
  g_autoptr(MigmapTexturePool) pool = new_pool ();
  cairo_surface_t *first, *second, *other;
  g_autoptr(GdkTexture) texture = NULL;
  guint id, again, other_id;

  if (pool == NULL)
    return;
  first = pattern_surface (256, 130, 1);
  second = pattern_surface (256, 130, 2);
  other = pattern_surface (100, 130, 3);

  id = upload_in_thread (pool, first);
  texture = migmap_texture_pool_wrap (pool, id, 256, 130);
  assert_texture_is (texture, first);
  g_clear_object (&texture);

  again = upload_in_thread (pool, second);
  g_assert_cmpuint (again, ==, id);
  texture = migmap_texture_pool_wrap (pool, again, 256, 130);
  assert_texture_is (texture, second);

  /* The first is still drawn: the other size does not take it. */
  other_id = upload_in_thread (pool, other);
  g_assert_cmpuint (other_id, !=, 0);
  g_assert_cmpuint (other_id, !=, id);
  migmap_texture_pool_recycle (pool, other_id, 100, 130);

  /* Both sizes stay in the pool (the view alternates between two while
   * it moves): each size gets its own texture back. */
  g_clear_object (&texture);
  g_assert_cmpuint (upload_in_thread (pool, other), ==, other_id);
  g_assert_cmpuint (upload_in_thread (pool, first), ==, id);
  migmap_texture_pool_recycle (pool, other_id, 100, 130);
  migmap_texture_pool_recycle (pool, id, 256, 130);

  cairo_surface_destroy (first);
  cairo_surface_destroy (second);
  cairo_surface_destroy (other);
}

/* A texture reserved ahead (while the view is at rest) takes an image of
 * its size like any other. */
static void
test_reserve (void)
{
  g_autoptr(MigmapTexturePool) pool = new_pool ();
  cairo_surface_t *surface;
  g_autoptr(GdkTexture) texture = NULL;
  guint id;

  if (pool == NULL)
    return;
  migmap_texture_pool_reserve (pool, 150, 90);
  surface = pattern_surface (150, 90, 4);
  id = upload_in_thread (pool, surface);
  g_assert_cmpuint (id, !=, 0);
  texture = migmap_texture_pool_wrap (pool, id, 150, 90);
  assert_texture_is (texture, surface);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/texture-pool/pixels", test_pixels);
  g_test_add_func ("/texture-pool/reuse", test_reuse);
  g_test_add_func ("/texture-pool/reserve", test_reserve);
  return g_test_run ();
}
