/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-texture-pool.c: map images uploaded to GL off the main thread, in reused textures
 *
 * Handed a GdkMemoryTexture, GTK's GL renderer creates a GL texture and
 * uploads it inside the frame that first draws it, on the main thread.
 * With software GL (llvmpipe) that costs the frame about 30 ms for a
 * 1920x1080 map, most of it the driver allocating and clearing a new 8 MB
 * texture, page by page.  The pool does the upload in the thread that
 * rendered the map, with its own GL context sharing objects with GTK's,
 * into a texture whose previous image GTK no longer draws: rewriting an
 * existing texture costs a few milliseconds and no page faults.  GTK then
 * draws the texture by its name, as it would its own.
 *
 * Threads: migmap_texture_pool_new() and _wrap() on the main thread;
 * _upload() in one thread at a time (the view runs one render job at a
 * time); _recycle() and the textures' release anywhere.
 */
#include "config.h"

#include "migmap-texture-pool.h"

#include <epoxy/gl.h>

/* Rows a glTexSubImage2D() call copies.  The GL driver may hold a lock
 * shared by all contexts while it copies (Mesa does, and GTK's drawing
 * waits on it when it validates its textures): in bands, the frame being
 * drawn meanwhile waits for one band at most, ~0.1 ms, not the whole image. */
#define UPLOAD_BAND_ROWS 64

/* Spares kept: the view alternates between two sizes (with and without
 * its margins while it moves) and a new texture costs what reuse saves;
 * those of an old size (before a resize) go first. */
#define MAX_SPARES 4

struct _MigmapTexturePool
{
  GObject       parent_instance;

  GdkDisplay   *display;
  /* Current only in the uploading thread... */
  GdkGLContext *upload_context;
  /* ...and the one the textures name: GDK makes it current on the main
   * thread to download a texture (a renderer other than GL's draws it),
   * which must not be the one the uploading thread may hold. */
  GdkGLContext *texture_context;

  GMutex        mutex;
  GArray       *spares;   /* Spare: textures nobody draws any more */
};

typedef struct {
  guint id;
  int   width, height;
} Spare;

typedef struct {
  MigmapTexturePool *pool;
  Spare              texture;
} Lease;

G_DEFINE_FINAL_TYPE (MigmapTexturePool, migmap_texture_pool, G_TYPE_OBJECT)

/* Makes @context current in this thread; returns what was, for
 * leave_context() to put back: GTK expects its own context where it left it. */
static GdkGLContext *
enter_context (GdkGLContext *context)
{
  GdkGLContext *previous = gdk_gl_context_get_current ();

  if (previous)
    g_object_ref (previous);
  gdk_gl_context_make_current (context);
  return previous;
}

static void
leave_context (GdkGLContext *previous)
{
  if (previous)
    gdk_gl_context_make_current (previous);
  else
    gdk_gl_context_clear_current ();
  g_clear_object (&previous);
}

/* Runs @func with @context current in this thread. */
static void
with_context (GdkGLContext *context, void (*func) (gpointer), gpointer data)
{
  GdkGLContext *previous = enter_context (context);

  func (data);
  leave_context (previous);
}

static void
delete_spares (gpointer data)
{
  GArray *spares = data;

  for (guint i = 0; i < spares->len; i++)
    glDeleteTextures (1, &g_array_index (spares, Spare, i).id);
  g_array_set_size (spares, 0);
}

static void
nothing (gpointer data)
{
}

static void
migmap_texture_pool_finalize (GObject *object)
{
  MigmapTexturePool *self = MIGMAP_TEXTURE_POOL (object);

  /* No texture is left to draw and no upload runs (both hold the pool):
   * the GL objects would otherwise live as long as GTK's own context. */
  if (self->spares->len > 0)
    with_context (self->upload_context, delete_spares, self->spares);
  g_array_unref (self->spares);
  g_mutex_clear (&self->mutex);
  g_clear_object (&self->upload_context);
  g_clear_object (&self->texture_context);
  g_clear_object (&self->display);

  G_OBJECT_CLASS (migmap_texture_pool_parent_class)->finalize (object);
}

static void
migmap_texture_pool_class_init (MigmapTexturePoolClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = migmap_texture_pool_finalize;
}

static void
migmap_texture_pool_init (MigmapTexturePool *self)
{
  g_mutex_init (&self->mutex);
  self->spares = g_array_new (FALSE, FALSE, sizeof (Spare));
}

static GdkGLContext *
realized_context (GdkDisplay *display, GError **error)
{
  g_autoptr(GdkGLContext) context = gdk_display_create_gl_context (display, error);

  if (context == NULL || !gdk_gl_context_realize (context, error))
    return NULL;
  /* GDK reads the context's extensions the first time it is made current:
   * here, not in the worker. */
  with_context (context, nothing, NULL);
  return g_steal_pointer (&context);
}

/* A pool of textures that GTK's GL renderers on @display can draw, or NULL
 * and @error when @display has no desktop OpenGL (the caller then hands GTK
 * the pixels). */
MigmapTexturePool *
migmap_texture_pool_new (GdkDisplay *display, GError **error)
{
  g_autoptr(GdkGLContext) upload_context = NULL;
  g_autoptr(GdkGLContext) texture_context = NULL;
  MigmapTexturePool *self;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  upload_context = realized_context (display, error);
  if (upload_context == NULL)
    return NULL;
  /* OpenGL ES has no BGRA upload without an extension: cairo's pixels
   * would need converting, which is what GTK does already. */
  if (gdk_gl_context_get_use_es (upload_context))
    {
      g_set_error_literal (error, GDK_GL_ERROR, GDK_GL_ERROR_NOT_AVAILABLE,
                           "OpenGL ES: no upload of cairo's BGRA pixels as they are");
      return NULL;
    }
  texture_context = realized_context (display, error);
  if (texture_context == NULL)
    return NULL;

  self = g_object_new (MIGMAP_TYPE_TEXTURE_POOL, NULL);
  self->display = g_object_ref (display);
  self->upload_context = g_steal_pointer (&upload_context);
  self->texture_context = g_steal_pointer (&texture_context);
  return self;
}

GdkDisplay *
migmap_texture_pool_get_display (MigmapTexturePool *self)
{
  g_return_val_if_fail (MIGMAP_IS_TEXTURE_POOL (self), NULL);
  return self->display;
}

/* What GTK sets on the textures it uploads itself. */
static void
set_parameters (void)
{
  glTexParameteri (GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri (GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri (GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri (GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

/* Copies @surface (ARGB32, flushed) into a texture of its size, reusing a
 * spare one when there is one; returns its GL name, or 0 when GL failed.
 * Pass the name to _wrap() or, when it is not wanted after all, _recycle(). */
guint
migmap_texture_pool_upload (MigmapTexturePool *self, cairo_surface_t *surface)
{
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (Spare));
  GdkGLContext *previous;
  int width, height, stride;
  GLuint id = 0;
  GLenum error;

  g_return_val_if_fail (MIGMAP_IS_TEXTURE_POOL (self), 0);
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, 0);

  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  if (width < 1 || height < 1)
    return 0;

  /* The most recent spare of this size is reused; the oldest ones beyond
   * MAX_SPARES are deleted. */
  g_mutex_lock (&self->mutex);
  for (guint i = self->spares->len; id == 0 && i-- > 0;)
    {
      Spare *spare = &g_array_index (self->spares, Spare, i);

      if (spare->width == width && spare->height == height)
        {
          id = spare->id;
          g_array_remove_index (self->spares, i);
        }
    }
  if (self->spares->len > MAX_SPARES)
    {
      g_array_append_vals (stale, self->spares->data, self->spares->len - MAX_SPARES);
      g_array_remove_range (self->spares, 0, self->spares->len - MAX_SPARES);
    }
  g_mutex_unlock (&self->mutex);

  previous = enter_context (self->upload_context);
  while (glGetError () != GL_NO_ERROR)
    ;
  delete_spares (stale);
  glPixelStorei (GL_UNPACK_ALIGNMENT, 4);
  glPixelStorei (GL_UNPACK_ROW_LENGTH, stride / 4);
  if (id != 0)
    glBindTexture (GL_TEXTURE_2D, id);
  else
    {
      glGenTextures (1, &id);
      glBindTexture (GL_TEXTURE_2D, id);
      set_parameters ();
      glTexImage2D (GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, NULL);
    }
  for (int y = 0; y < height; y += UPLOAD_BAND_ROWS)
    glTexSubImage2D (GL_TEXTURE_2D, 0, 0, y, width, MIN (UPLOAD_BAND_ROWS, height - y),
                     GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, cairo_image_surface_get_data (surface) + (gsize) y * stride);
  glPixelStorei (GL_UNPACK_ROW_LENGTH, 0);
  glBindTexture (GL_TEXTURE_2D, 0);
  /* GTK 4.8's GL textures carry no fence: the pixels must be in the
   * texture before the main thread hands its name to the renderer. */
  glFinish ();
  error = glGetError ();
  if (error != GL_NO_ERROR)
    {
      g_debug ("GL error 0x%x uploading a %dx%d map texture", error, width, height);
      glDeleteTextures (1, &id);
      id = 0;
    }
  leave_context (previous);
  return id;
}

/* Makes sure a spare texture of @width x @height exists, for a later
 * upload of that size; same threads as _upload().  A new texture costs the
 * driver an allocation and clearing, holding the lock that GTK's drawing
 * waits on: done while the view is at rest, it delays no frame. */
void
migmap_texture_pool_reserve (MigmapTexturePool *self, int width, int height)
{
  GdkGLContext *previous;
  gboolean found = FALSE;
  GLuint id = 0;

  g_return_if_fail (MIGMAP_IS_TEXTURE_POOL (self));
  g_return_if_fail (width > 0 && height > 0);

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->spares->len && !found; i++)
    found = g_array_index (self->spares, Spare, i).width == width && g_array_index (self->spares, Spare, i).height == height;
  g_mutex_unlock (&self->mutex);
  if (found)
    return;

  previous = enter_context (self->upload_context);
  while (glGetError () != GL_NO_ERROR)
    ;
  glGenTextures (1, &id);
  glBindTexture (GL_TEXTURE_2D, id);
  set_parameters ();
  glTexImage2D (GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, NULL);
  glBindTexture (GL_TEXTURE_2D, 0);
  glFinish ();
  if (glGetError () != GL_NO_ERROR)
    {
      glDeleteTextures (1, &id);
      id = 0;
    }
  leave_context (previous);
  if (id != 0)
    migmap_texture_pool_recycle (self, id, width, height);
}

static void
lease_end (gpointer data)
{
  Lease *lease = data;

  migmap_texture_pool_recycle (lease->pool, lease->texture.id, lease->texture.width, lease->texture.height);
  g_object_unref (lease->pool);
  g_free (lease);
}

/* The texture @id (from _upload()) for GTK to draw; once GTK drops it, the
 * pool reuses it. */
GdkTexture *
migmap_texture_pool_wrap (MigmapTexturePool *self, guint id, int width, int height)
{
  Lease *lease;

  g_return_val_if_fail (MIGMAP_IS_TEXTURE_POOL (self), NULL);
  g_return_val_if_fail (id != 0 && width > 0 && height > 0, NULL);

  lease = g_new (Lease, 1);
  lease->pool = g_object_ref (self);
  lease->texture = (Spare) { id, width, height };
  return gdk_gl_texture_new (self->texture_context, id, width, height, lease_end, lease);
}

/* @id is free for the next upload. */
void
migmap_texture_pool_recycle (MigmapTexturePool *self, guint id, int width, int height)
{
  g_return_if_fail (MIGMAP_IS_TEXTURE_POOL (self));
  g_return_if_fail (id != 0);

  g_mutex_lock (&self->mutex);
  g_array_append_val (self->spares, ((Spare) { id, width, height }));
  g_mutex_unlock (&self->mutex);
}
