/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-layers-panel.c
 *
 * Each row's check button is bound to its layer's "visible" property, the
 * same property the map state draws from, so toggle, legend and map cannot
 * disagree.  Below the list, while four or more country layers are on and
 * the map fills countries by how many of them they are in, a legend says
 * what each shade means.
 */
#include "config.h"

#include "migmap-layers-panel.h"

#include <glib/gi18n-lib.h>

#include "migmap-map-layer.h"
#include "migmap-renderer.h"
#include "migmap-widget-helpers.h"

struct _MigmapLayersPanel
{
  GtkWidget parent_instance;

  GtkListBox *list;
  GtkWidget  *count_legend;
  GtkWidget  *count_rows;
  GListModel *layers;
  guint       n_counted;   /* visible country layers the legend was built for */
};

G_DEFINE_FINAL_TYPE (MigmapLayersPanel, migmap_layers_panel, GTK_TYPE_WIDGET)

static void
draw_swatch (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  MigmapMapLayer *layer = user_data;
  const MigmapColor *color = migmap_map_layer_get_color (layer);
  double size = MIN (width, height) - 2;

  cairo_translate (cr, (width - size) / 2.0, (height - size) / 2.0);
  if (migmap_map_layer_get_kind (layer) == MIGMAP_MAP_LAYER_MARKERS)
    cairo_arc (cr, size / 2.0, size / 2.0, size / 2.0 - 1, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, 0.5, 0.5, size - 1, size - 1);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
draw_count_swatch (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  const MigmapColor *color = user_data;
  double size = MIN (width, height) - 2;

  cairo_translate (cr, (width - size) / 2.0, (height - size) / 2.0);
  cairo_rectangle (cr, 0.5, 0.5, size - 1, size - 1);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* The map switches from stripes to the count fill past
 * MIGMAP_RENDERER_MAX_STRIPES visible country layers (migmap-renderer.c);
 * the legend follows the same rule and the same colours. */
static void
update_count_legend (MigmapLayersPanel *self)
{
  guint n_counted = 0;
  GtkWidget *child;

  for (guint i = 0; self->layers && i < g_list_model_get_n_items (self->layers); i++)
    {
      g_autoptr(MigmapMapLayer) layer = g_list_model_get_item (self->layers, i);

      n_counted += migmap_map_layer_get_kind (layer) != MIGMAP_MAP_LAYER_MARKERS &&
                   migmap_map_layer_get_visible (layer);
    }
  if (n_counted <= MIGMAP_RENDERER_MAX_STRIPES)
    n_counted = 0;
  gtk_widget_set_visible (self->count_legend, n_counted > 0);
  if (n_counted == self->n_counted)
    return;
  self->n_counted = n_counted;
  while ((child = gtk_widget_get_first_child (self->count_rows)))
    gtk_box_remove (GTK_BOX (self->count_rows), child);
  for (guint n = 1; n <= n_counted; n++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *swatch = gtk_drawing_area_new ();
      MigmapColor *color = g_new (MigmapColor, 1);
      /* TRANSLATORS: a legend entry: countries in this many of the groups shown */
      g_autofree char *text = g_strdup_printf (ngettext ("in %u group", "in %u groups", n), n);
      GtkWidget *label = gtk_label_new (text);

      migmap_renderer_count_color (n, n_counted, color);
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 16);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 16);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_count_swatch, color, g_free);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (row), swatch);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (self->count_rows), row);
    }
}

static void
on_items_changed (MigmapLayersPanel *self, guint position, guint removed, guint added, GListModel *model)
{
  update_count_legend (self);
}

/* At a date, a layer counts the members it has then: "0 of 36 states"
 * before EMM5 began. */
static char *
count_text (MigmapMapLayer *layer)
{
  guint n = migmap_map_layer_get_n_members (layer);
  guint shown = migmap_map_layer_get_n_shown (layer);

  if (migmap_map_layer_get_kind (layer) == MIGMAP_MAP_LAYER_MARKERS)
    return g_strdup_printf (ngettext ("%u place", "%u places", n), n);
  if (shown != n)
    /* TRANSLATORS: a layer's member states at the map's date, out of all it ever had */
    return g_strdup_printf (ngettext ("%u of %u state at this date", "%u of %u states at this date", n), shown, n);
  return g_strdup_printf (ngettext ("%u state", "%u states", n), n);
}

static void
on_n_shown (GtkWidget *detail, GParamSpec *pspec, MigmapMapLayer *layer)
{
  g_autofree char *count = count_text (layer);
  GtkWidget *check = g_object_get_data (G_OBJECT (detail), "check");

  gtk_label_set_text (GTK_LABEL (detail), count);
  if (check)
    gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count, -1);
}

static GtkWidget *
create_row (gpointer item, gpointer user_data)
{
  MigmapMapLayer *layer = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (migmap_map_layer_get_title (layer));
  g_autofree char *count = count_text (layer);
  GtkWidget *detail = gtk_label_new (count);
  MigmapLayersPanel *self = user_data;

  g_object_bind_property (layer, "visible", check, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  migmap_map_layer_get_title (layer), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count, -1);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 16);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 16);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, g_object_ref (layer), g_object_unref);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_widget_set_name (detail, "layer-count");
  g_object_set_data (G_OBJECT (detail), "check", check);
  g_signal_connect_object (layer, "notify::n-shown", G_CALLBACK (on_n_shown), detail, G_CONNECT_SWAPPED);
  g_signal_connect_object (layer, "notify::visible", G_CALLBACK (update_count_legend), self, G_CONNECT_SWAPPED);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), detail);
  gtk_widget_set_hexpand (labels, TRUE);

  /* A grid, not a horizontal box: a box shares out its width by asking the
   * wrapped title how wide it must be at the row's height, and some
   * titles (Arabic with Latin digits, whose lines differ in height) answer
   * with their whole unwrapped width, which overflowed the sidebar.  A
   * grid sizes the columns first and the row's height from them. */
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_attach (GTK_GRID (grid), check, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), swatch, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), labels, 2, 0, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  g_object_set_data_full (G_OBJECT (row), "layer", g_object_ref (layer), g_object_unref);
  /* The check button is what takes focus; the row only relays activation. */
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
on_row_activated (MigmapLayersPanel *self, GtkListBoxRow *row)
{
  MigmapMapLayer *layer = g_object_get_data (G_OBJECT (row), "layer");

  if (layer)
    migmap_map_layer_set_visible (layer, !migmap_map_layer_get_visible (layer));
}

static void
update_header (GtkListBoxRow *row, GtkListBoxRow *before, gpointer user_data)
{
  MigmapMapLayer *layer = g_object_get_data (G_OBJECT (row), "layer");
  MigmapMapLayer *previous = before ? g_object_get_data (G_OBJECT (before), "layer") : NULL;
  const char *section = layer ? migmap_map_layer_get_section (layer) : NULL;
  GtkWidget *header;

  if (section == NULL || (previous && g_strcmp0 (section, migmap_map_layer_get_section (previous)) == 0))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (section);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, before ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_list_box_row_set_header (row, header);
}

/* The list is one Tab stop, as a GtkListView is: Up and Down move between
 * layers, Tab leaves for the map, so a keyboard user need not walk every
 * layer to reach it. The list stops accepting focus for the one move, which
 * makes GTK carry on from the next widget after it. */
static gboolean
on_list_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     MigmapLayersPanel     *self)
{
  GtkDirectionType direction;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return GDK_EVENT_PROPAGATE;
  if (root == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_set_can_focus (GTK_WIDGET (self->list), FALSE);
  if (!gtk_widget_child_focus (GTK_WIDGET (root), direction))
    {
      /* Past the last stop: wrap round as GtkWindow does. */
      gtk_root_set_focus (root, NULL);
      gtk_widget_child_focus (GTK_WIDGET (root), direction);
    }
  gtk_widget_set_can_focus (GTK_WIDGET (self->list), TRUE);
  return GDK_EVENT_STOP;
}

static void
migmap_layers_panel_dispose (GObject *object)
{
  MigmapLayersPanel *self = MIGMAP_LAYERS_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MIGMAP_TYPE_LAYERS_PANEL);
  migmap_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->layers);

  G_OBJECT_CLASS (migmap_layers_panel_parent_class)->dispose (object);
}

static void
migmap_layers_panel_class_init (MigmapLayersPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = migmap_layers_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/migmap/MigMap/migmap-layers-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MigmapLayersPanel, list);
  gtk_widget_class_bind_template_child (widget_class, MigmapLayersPanel, count_legend);
  gtk_widget_class_bind_template_child (widget_class, MigmapLayersPanel, count_rows);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_css_name (widget_class, "layerspanel");
}

static void
migmap_layers_panel_init (MigmapLayersPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_list_box_set_header_func (self->list, update_header, NULL, NULL);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
}

GtkWidget *
migmap_layers_panel_new (void)
{
  return g_object_new (MIGMAP_TYPE_LAYERS_PANEL, NULL);
}

void
migmap_layers_panel_set_layers (MigmapLayersPanel *self, GListModel *layers)
{
  g_return_if_fail (MIGMAP_IS_LAYERS_PANEL (self));

  if (self->layers)
    g_signal_handlers_disconnect_by_data (self->layers, self);
  g_set_object (&self->layers, layers);
  if (layers)
    g_signal_connect_object (layers, "items-changed", G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list, layers, create_row, self, NULL);
  update_count_legend (self);
}
