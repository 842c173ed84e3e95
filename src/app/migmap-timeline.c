/* SPDX-License-Identifier: GPL-3.0-or-later */
/* migmap-timeline.c
 *
 * The timeline only sets the map state's date; the map, the layers' counts,
 * the panels and the tooltips follow the state, as they do for any other
 * change of it.  No date ("All dates") is the default: the catalogue's
 * facts are then shown whatever their time.
 */
#include "config.h"

#include "migmap-timeline.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "migmap-dates.h"
#include "migmap-widget-helpers.h"

#define PLAY_INTERVAL_MS 900
#define STRIP_PADDING 8.0
#define TICK_LENGTH 7.0

struct _MigmapTimeline
{
  GtkWidget parent_instance;

  /* template */
  GtkToggleButton *play_button;
  GtkWidget       *strip;
  GtkLabel        *date_label;
  GtkButton       *all_button;

  MigmapMapState  *state;
  guint            first_year, last_year;
  GArray          *starts;       /* double: fractional years where projects start */
  GArray          *ends;         /* ... and end */
  guint            play_id;
  double           drag_x;
  char            *text;
};

G_DEFINE_FINAL_TYPE (MigmapTimeline, migmap_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  PROP_PLAYING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- dates and positions ---- */

static double
fraction_of_year (guint year, guint month, guint day)
{
  guint days_in_year = g_date_is_leap_year (year) ? 366 : 365;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return year + (g_date_get_day_of_year (&date) - 1) / (double) days_in_year;
}

/* Where a date's first day begins, or its last day ends, in years. */
static double
date_start (const MigmapDate *date)
{
  return fraction_of_year (date->year, date->month ? date->month : 1, date->day ? date->day : 1);
}

static double
date_end (const MigmapDate *date)
{
  guint month = date->month ? date->month : 12;
  guint day = date->day ? date->day : g_date_get_days_in_month (month, date->year);
  guint days_in_year = g_date_is_leap_year (date->year) ? 366 : 365;

  return fraction_of_year (date->year, month, day) + 1.0 / days_in_year;
}

static double
cell_width (MigmapTimeline *self)
{
  double width = gtk_widget_get_width (self->strip) - 2 * STRIP_PADDING;

  return MAX (width, 1.0) / (self->last_year - self->first_year + 1);
}

static double
year_to_x (MigmapTimeline *self, double year)
{
  double x = STRIP_PADDING + (year - self->first_year) * cell_width (self);

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    x = gtk_widget_get_width (self->strip) - x;
  return x;
}

static guint
x_to_year (MigmapTimeline *self, double x)
{
  double year;

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    x = gtk_widget_get_width (self->strip) - x;
  year = self->first_year + (x - STRIP_PADDING) / cell_width (self);
  return (guint) CLAMP (year, self->first_year, self->last_year);
}

static void
set_date (MigmapTimeline *self, guint year, guint month, guint day)
{
  MigmapDate date = MIGMAP_DATE_INIT;

  if (self->state == NULL)
    return;
  year = CLAMP (year, self->first_year, self->last_year);
  if (day && month && day > g_date_get_days_in_month (month, year))
    day = g_date_get_days_in_month (month, year);
  if (migmap_date_set (&date, year, month, day))
    migmap_map_state_set_date (self->state, &date);
}

static void
step_year (MigmapTimeline *self, int delta)
{
  const MigmapDate *at = self->state ? migmap_map_state_get_date (self->state) : NULL;

  if (at == NULL)
    set_date (self, delta > 0 ? self->first_year : self->last_year, 0, 0);
  else
    set_date (self, (guint) CLAMP ((int) at->year + delta, (int) self->first_year, (int) self->last_year),
              at->month, at->day);
}

/* From a whole year, a month step leaves it: "2010" goes to January 2011
 * or December 2009. */
static void
step_month (MigmapTimeline *self, int delta)
{
  const MigmapDate *at = self->state ? migmap_map_state_get_date (self->state) : NULL;
  int months;

  if (at == NULL)
    {
      if (delta > 0)
        set_date (self, self->first_year, 1, 0);
      else
        set_date (self, self->last_year, 12, 0);
      return;
    }
  if (at->month == 0)
    months = delta > 0 ? (at->year + 1) * 12 : (at->year - 1) * 12 + 11;
  else
    months = at->year * 12 + (at->month - 1) + delta;
  months = CLAMP (months, (int) self->first_year * 12, (int) self->last_year * 12 + 11);
  set_date (self, months / 12, months % 12 + 1, 0);
}

/* ---- drawing ---- */

static void
set_color (cairo_t *cr, const GdkRGBA *color, double alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
draw_ticks (MigmapTimeline *self, cairo_t *cr, GArray *ticks, double y0, double y1)
{
  for (guint i = 0; i < ticks->len; i++)
    {
      double x = round (year_to_x (self, g_array_index (ticks, double, i))) + 0.5;

      cairo_move_to (cr, x, y0);
      cairo_line_to (cr, x, y1);
    }
  cairo_stroke (cr);
}

static void
draw_strip (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  MigmapTimeline *self = user_data;
  const MigmapDate *at = self->state ? migmap_map_state_get_date (self->state) : NULL;
  static const GdkRGBA accent = { 0.208, 0.518, 0.894, 1.0 };    /* GNOME blue 3 */
  static const GdkRGBA start_color = { 0.149, 0.635, 0.412, 1.0 }; /* green 4 */
  static const GdkRGBA end_color = { 0.753, 0.110, 0.157, 1.0 };   /* red 4 */
  double cell = cell_width (self);
  guint n_years = self->last_year - self->first_year + 1;
  guint label_every = 1;
  GdkRGBA fg;
  PangoLayout *layout;
  int text_width, text_height;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (self->strip), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* The track. */
  set_color (cr, &fg, 0.07);
  cairo_rectangle (cr, STRIP_PADDING, 0, width - 2 * STRIP_PADDING, height);
  cairo_fill (cr);

  /* The date shown: its whole span, a year or a month. */
  if (at)
    {
      double x0 = year_to_x (self, date_start (at)), x1 = year_to_x (self, date_end (at));

      set_color (cr, &accent, 0.35);
      cairo_rectangle (cr, MIN (x0, x1), 0, MAX (fabs (x1 - x0), 2.0), height);
      cairo_fill (cr);
    }

  /* Years: a line where each begins, and its number where it fits. */
  layout = gtk_widget_create_pango_layout (self->strip, "2000");
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  while (label_every < n_years && cell * label_every < text_width + 6)
    label_every = label_every == 1 ? 2 : label_every == 2 ? 5 : label_every * 2;
  cairo_set_line_width (cr, 1);
  set_color (cr, &fg, 0.25);
  for (guint year = self->first_year; year <= self->last_year + 1; year++)
    {
      double x = round (year_to_x (self, year)) + 0.5;

      cairo_move_to (cr, x, year % 5 == 0 ? 0 : height * 0.25);
      cairo_line_to (cr, x, year % 5 == 0 ? height : height * 0.75);
    }
  cairo_stroke (cr);
  for (guint year = self->first_year; year <= self->last_year; year++)
    {
      g_autofree char *number = NULL;
      gboolean current = at && at->year == year;

      if (year % label_every != 0 && !current)
        continue;
      number = g_strdup_printf ("%u", year);
      pango_layout_set_text (layout, number, -1);
      set_color (cr, current ? &accent : &fg, current ? 1.0 : 0.8);
      cairo_move_to (cr, (year_to_x (self, year) + year_to_x (self, year + 1)) / 2 - text_width / 2.0,
                     (height - text_height) / 2.0);
      pango_cairo_show_layout (cr, layout);
    }
  g_object_unref (layout);

  /* Where projects start (from the top) and end (from the bottom). */
  cairo_set_line_width (cr, 1.5);
  set_color (cr, &start_color, 0.9);
  draw_ticks (self, cr, self->starts, 0, TICK_LENGTH);
  set_color (cr, &end_color, 0.9);
  draw_ticks (self, cr, self->ends, height - TICK_LENGTH, height);

  if (gtk_widget_has_focus (self->strip))
    {
      set_color (cr, &accent, 1.0);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, STRIP_PADDING - 1, 1, width - 2 * STRIP_PADDING + 2, height - 2);
      cairo_stroke (cr);
    }
}

/* ---- following the state ---- */

static void
update_date (MigmapTimeline *self)
{
  const MigmapDate *at = self->state ? migmap_map_state_get_date (self->state) : NULL;
  g_autofree char *formatted = migmap_format_date (at);

  g_free (self->text);
  self->text = formatted ? g_strdup (formatted) : g_strdup (_("All dates"));
  gtk_label_set_text (self->date_label, self->text);
  gtk_widget_set_visible (GTK_WIDGET (self->all_button), at != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->strip),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double) self->first_year,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) self->last_year,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, at ? (double) at->year : (double) self->first_year,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, self->text,
                                  -1);
  gtk_widget_queue_draw (self->strip);
}

static void
add_tick (GArray *ticks, double year)
{
  g_array_append_val (ticks, year);
}

/* The catalogue's years, to this year at least: the map is asked about
 * today too. */
static void
update_span (MigmapTimeline *self)
{
  MigmapCatalogue *catalogue = self->state ? migmap_map_state_get_catalogue (self->state) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint this_year = g_date_time_get_year (now);
  guint first, last;

  g_array_set_size (self->starts, 0);
  g_array_set_size (self->ends, 0);
  if (catalogue && migmap_catalogue_get_year_span (catalogue, &first, &last))
    {
      GListModel *projects = migmap_catalogue_get_projects (catalogue);

      self->first_year = first;
      self->last_year = MAX (last, this_year);
      for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
        {
          g_autoptr(MigmapProject) project = g_list_model_get_item (projects, i);

          if (migmap_date_is_set (migmap_project_get_start (project)))
            add_tick (self->starts, date_start (migmap_project_get_start (project)));
          if (migmap_date_is_set (migmap_project_get_end (project)))
            add_tick (self->ends, date_end (migmap_project_get_end (project)));
        }
    }
  else
    {
      self->first_year = this_year - 10;
      self->last_year = this_year;
    }
  update_date (self);
}

/* ---- input ---- */

static void
on_drag_begin (MigmapTimeline *self, double x, double y)
{
  gtk_widget_grab_focus (self->strip);
  self->drag_x = x;
  set_date (self, x_to_year (self, x), 0, 0);
}

static void
on_drag_update (MigmapTimeline *self, double dx, double dy)
{
  set_date (self, x_to_year (self, self->drag_x + dx), 0, 0);
}

static gboolean
on_key_pressed (MigmapTimeline *self, guint keyval, guint keycode, GdkModifierType state)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  switch (keyval)
    {
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      step_month (self, rtl ? -1 : 1);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      step_month (self, rtl ? 1 : -1);
      return TRUE;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:
      step_year (self, 1);
      return TRUE;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
      step_year (self, -1);
      return TRUE;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      set_date (self, self->first_year, 0, 0);
      return TRUE;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      set_date (self, self->last_year, 0, 0);
      return TRUE;
    case GDK_KEY_Delete: case GDK_KEY_KP_Delete: case GDK_KEY_BackSpace:
      if (self->state)
        migmap_map_state_set_date (self->state, NULL);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_focus_changed (MigmapTimeline *self)
{
  gtk_widget_queue_draw (self->strip);
}

static void
on_all_clicked (MigmapTimeline *self)
{
  migmap_timeline_set_playing (self, FALSE);
  if (self->state)
    migmap_map_state_set_date (self->state, NULL);
}

static gboolean
play_step (gpointer user_data)
{
  MigmapTimeline *self = user_data;
  const MigmapDate *at = self->state ? migmap_map_state_get_date (self->state) : NULL;

  if (at == NULL || at->year >= self->last_year)
    {
      self->play_id = 0;
      migmap_timeline_set_playing (self, FALSE);
      return G_SOURCE_REMOVE;
    }
  set_date (self, at->year + 1, 0, 0);
  return G_SOURCE_CONTINUE;
}

static void
on_play_toggled (MigmapTimeline *self)
{
  gboolean playing = gtk_toggle_button_get_active (self->play_button);

  gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button),
                               playing ? _("Pause") : _("Play: step through the years"));
  g_clear_handle_id (&self->play_id, g_source_remove);
  if (playing)
    {
      const MigmapDate *at = self->state ? migmap_map_state_get_date (self->state) : NULL;

      /* From the first year, unless a year before the last is shown. */
      if (at == NULL || at->year >= self->last_year)
        set_date (self, self->first_year, 0, 0);
      else
        set_date (self, at->year, 0, 0);
      self->play_id = g_timeout_add (PLAY_INTERVAL_MS, play_step, self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

/* ---- class ---- */

static void
migmap_timeline_dispose (GObject *object)
{
  MigmapTimeline *self = MIGMAP_TIMELINE (object);

  g_clear_handle_id (&self->play_id, g_source_remove);
  if (self->state)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  gtk_widget_dispose_template (GTK_WIDGET (self), MIGMAP_TYPE_TIMELINE);
  migmap_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (migmap_timeline_parent_class)->dispose (object);
}

static void
migmap_timeline_finalize (GObject *object)
{
  MigmapTimeline *self = MIGMAP_TIMELINE (object);

  g_array_unref (self->starts);
  g_array_unref (self->ends);
  g_free (self->text);

  G_OBJECT_CLASS (migmap_timeline_parent_class)->finalize (object);
}

static void
migmap_timeline_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  MigmapTimeline *self = MIGMAP_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_STATE: g_value_set_object (value, self->state); break;
    case PROP_PLAYING: g_value_set_boolean (value, migmap_timeline_get_playing (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_timeline_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  MigmapTimeline *self = MIGMAP_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_STATE: migmap_timeline_set_state (self, g_value_get_object (value)); break;
    case PROP_PLAYING: migmap_timeline_set_playing (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
migmap_timeline_class_init (MigmapTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = migmap_timeline_dispose;
  object_class->finalize = migmap_timeline_finalize;
  object_class->get_property = migmap_timeline_get_property;
  object_class->set_property = migmap_timeline_set_property;

  properties[PROP_STATE] = g_param_spec_object ("state", NULL, NULL, MIGMAP_TYPE_MAP_STATE,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] = g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/migmap/MigMap/migmap-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, MigmapTimeline, play_button);
  gtk_widget_class_bind_template_child (widget_class, MigmapTimeline, strip);
  gtk_widget_class_bind_template_child (widget_class, MigmapTimeline, date_label);
  gtk_widget_class_bind_template_child (widget_class, MigmapTimeline, all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_play_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_all_clicked);
  gtk_widget_class_set_css_name (widget_class, "timeline");
}

static void
migmap_timeline_init (MigmapTimeline *self)
{
  GtkGesture *drag;
  GtkEventController *keys, *focus;

  self->starts = g_array_new (FALSE, FALSE, sizeof (double));
  self->ends = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->strip), draw_strip, self, NULL);

  drag = gtk_gesture_drag_new ();
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (self->strip, GTK_EVENT_CONTROLLER (drag));
  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (self->strip, keys);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (self->strip, focus);

  update_span (self);
}

MigmapMapState *
migmap_timeline_get_state (MigmapTimeline *self)
{
  g_return_val_if_fail (MIGMAP_IS_TIMELINE (self), NULL);
  return self->state;
}

void
migmap_timeline_set_state (MigmapTimeline *self, MigmapMapState *state)
{
  g_return_if_fail (MIGMAP_IS_TIMELINE (self));
  g_return_if_fail (state == NULL || MIGMAP_IS_MAP_STATE (state));

  if (self->state == state)
    return;
  migmap_timeline_set_playing (self, FALSE);
  if (self->state)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_set_object (&self->state, state);
  if (state)
    g_signal_connect_object (state, "notify::date", G_CALLBACK (update_date), self, G_CONNECT_SWAPPED);
  update_span (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
migmap_timeline_get_years (MigmapTimeline *self, guint *first_year, guint *last_year)
{
  g_return_if_fail (MIGMAP_IS_TIMELINE (self));

  if (first_year)
    *first_year = self->first_year;
  if (last_year)
    *last_year = self->last_year;
}

GtkWidget *
migmap_timeline_get_strip (MigmapTimeline *self)
{
  g_return_val_if_fail (MIGMAP_IS_TIMELINE (self), NULL);
  return self->strip;
}

gboolean
migmap_timeline_get_year_x (MigmapTimeline *self, guint year, double *x)
{
  g_return_val_if_fail (MIGMAP_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (x != NULL, FALSE);

  if (year < self->first_year || year > self->last_year)
    return FALSE;
  *x = (year_to_x (self, year) + year_to_x (self, year + 1)) / 2;
  return TRUE;
}

const char *
migmap_timeline_get_text (MigmapTimeline *self)
{
  g_return_val_if_fail (MIGMAP_IS_TIMELINE (self), NULL);
  return self->text;
}

gboolean
migmap_timeline_get_playing (MigmapTimeline *self)
{
  g_return_val_if_fail (MIGMAP_IS_TIMELINE (self), FALSE);
  return gtk_toggle_button_get_active (self->play_button);
}

void
migmap_timeline_set_playing (MigmapTimeline *self, gboolean playing)
{
  g_return_if_fail (MIGMAP_IS_TIMELINE (self));
  gtk_toggle_button_set_active (self->play_button, playing);
}
