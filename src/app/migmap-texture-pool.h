/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-texture-pool.h: map images uploaded to GL off the main thread, in reused textures */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MIGMAP_TYPE_TEXTURE_POOL (migmap_texture_pool_get_type ())
G_DECLARE_FINAL_TYPE (MigmapTexturePool, migmap_texture_pool, MIGMAP, TEXTURE_POOL, GObject)

MigmapTexturePool *migmap_texture_pool_new         (GdkDisplay        *display,
                                                    GError           **error);
GdkDisplay        *migmap_texture_pool_get_display (MigmapTexturePool *self);
guint              migmap_texture_pool_upload      (MigmapTexturePool *self,
                                                    cairo_surface_t   *surface);
GdkTexture        *migmap_texture_pool_wrap        (MigmapTexturePool *self,
                                                    guint              id,
                                                    int                width,
                                                    int                height);
void               migmap_texture_pool_reserve     (MigmapTexturePool *self,
                                                    int                width,
                                                    int                height);
void               migmap_texture_pool_recycle     (MigmapTexturePool *self,
                                                    guint              id,
                                                    int                width,
                                                    int                height);

G_END_DECLS
