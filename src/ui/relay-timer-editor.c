/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-timer-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "relay-errors.h"
#include "relay-timer-editor.h"

/**
 * RelayTimerEditor:
 *
 * Adds or edits one timer of a device in the user's terms: once at a local
 * date and time, every chosen weekday at a local time (CkTimer converts to
 * the device's UTC form), a countdown, or a loop. Saving sends the whole new
 * timers array through CkClient; the editor stays open until the device has
 * accepted it, and a refusal shows below the form in the device's own words
 * (the main window's toast says it too). Escape closes it.
 */
struct _RelayTimerEditor
{
  RelayEditor   parent_instance;

  CkTimer      *timer;      /* the one edited, NULL when adding */

  AdwComboRow  *kind;
  AdwComboRow  *channel;
  AdwComboRow  *action;
  GtkWidget    *time_row;
  GtkSpinButton *hour;
  GtkSpinButton *minute;
  GtkWidget    *date_row;
  GtkCalendar  *calendar;
  GtkWidget    *date_button;
  GtkWidget    *days_row;
  GtkToggleButton *days[7];
  GtkWidget    *minutes_row;
  GtkSpinButton *minutes;
  GtkWidget    *period_row;
  GtkSpinButton *period;
  GtkWidget    *interval_row;
  GtkSpinButton *interval;
};

G_DEFINE_FINAL_TYPE (RelayTimerEditor, relay_timer_editor, RELAY_TYPE_EDITOR)

#define EDITOR(self) RELAY_EDITOR (self)

enum { KIND_ONCE, KIND_REPEAT, KIND_DELAY, KIND_LOOP };

static guint
kind_to_index (CkTimerKind kind)
{
  switch (kind)
    {
    case CK_TIMER_KIND_REPEAT: return KIND_REPEAT;
    case CK_TIMER_KIND_DELAY: return KIND_DELAY;
    case CK_TIMER_KIND_LOOP: return KIND_LOOP;
    case CK_TIMER_KIND_ONCE:
    default: return KIND_ONCE;
    }
}

static void
update_visible_rows (RelayTimerEditor *self)
{
  guint kind = adw_combo_row_get_selected (self->kind);

  gtk_widget_set_visible (self->time_row, kind != KIND_DELAY);
  gtk_widget_set_visible (self->date_row, kind == KIND_ONCE || kind == KIND_LOOP);
  gtk_widget_set_visible (self->days_row, kind == KIND_REPEAT);
  gtk_widget_set_visible (self->minutes_row, kind == KIND_DELAY);
  gtk_widget_set_visible (self->period_row, kind == KIND_LOOP);
  gtk_widget_set_visible (self->interval_row, kind == KIND_LOOP);
}

static void
update_date_label (RelayTimerEditor *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%x");

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->date_button), text);
}

/* The local date of the calendar at the chosen hour and minute. */
static GDateTime *
chosen_local_time (RelayTimerEditor *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

  return g_date_time_new (zone, g_date_time_get_year (date), g_date_time_get_month (date),
                          g_date_time_get_day_of_month (date),
                          gtk_spin_button_get_value_as_int (self->hour),
                          gtk_spin_button_get_value_as_int (self->minute), 0);
}

static gint
chosen_channel (RelayTimerEditor *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->channel)))
    return -1;
  return (gint) adw_combo_row_get_selected (self->channel);
}

static JsonObject *
build_action (RelayTimerEditor  *self,
              gboolean           on,
              GError           **error)
{
  return ck_family_encode_timer_action (ck_device_get_family (relay_editor_get_device (EDITOR (self))), chosen_channel (self), on, error);
}

static CkTimer *
build_timer (RelayTimerEditor  *self,
             GError           **error)
{
  gboolean on = adw_combo_row_get_selected (self->action) == 0;
  g_autoptr(JsonObject) action = build_action (self, on, error);
  g_autoptr(JsonObject) end_action = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  CkWeekdays days = CK_WEEKDAYS_NONE;
  guint interval;

  if (action == NULL)
    return NULL;

  switch (adw_combo_row_get_selected (self->kind))
    {
    case KIND_REPEAT:
      for (guint i = 0; i < 7; i++)
        if (gtk_toggle_button_get_active (self->days[i]))
          days |= 1 << i;
      zone = g_time_zone_new_local ();
      return ck_timer_new_repeat_local (zone, gtk_spin_button_get_value_as_int (self->hour),
                                        gtk_spin_button_get_value_as_int (self->minute), days, action);
    case KIND_DELAY:
      now = g_date_time_new_now_utc ();
      return ck_timer_new_delay (now, gtk_spin_button_get_value_as_int (self->minutes), action);
    case KIND_LOOP:
      at = chosen_local_time (self);
      interval = gtk_spin_button_get_value_as_int (self->interval);
      if (interval > 0)
        {
          end_action = build_action (self, !on, error);
          if (end_action == NULL)
            return NULL;
        }
      return ck_timer_new_loop (at, gtk_spin_button_get_value_as_int (self->period), interval,
                                action, end_action);
    case KIND_ONCE:
    default:
      at = chosen_local_time (self);
      return ck_timer_new_once (at, action);
    }
}

/* Why the timer was not saved, below the form (with the device's own words
 * for a refusal, e.g. too many timers): the editor stays open to try again. */
static void
show_failure (RelayTimerEditor *self,
              const GError     *error)
{
  g_autofree char *text = relay_error_format (_("The timer was not saved"), error);

  relay_editor_show_message (EDITOR (self), text);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RelayTimerEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (ck_client_timer_finish (CK_CLIENT (object), result, &error))
    {
      relay_editor_finish (EDITOR (self), NULL);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  show_failure (self, error);
  relay_editor_set_busy (EDITOR (self), FALSE);
}

static void
relay_timer_editor_save (RelayEditor *editor)
{
  RelayTimerEditor *self = RELAY_TIMER_EDITOR (editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(CkTimer) timer = build_timer (self, &error);

  if (timer != NULL && self->timer != NULL)
    {
      ck_timer_set_id (timer, ck_timer_get_id (self->timer));
      ck_timer_set_enabled (timer, ck_timer_get_enabled (self->timer));
    }
  if (timer == NULL || !ck_timer_validate (timer, &error))
    {
      show_failure (self, error);
      return;
    }

  relay_editor_show_message (editor, NULL);
  relay_editor_set_busy (editor, TRUE);
  if (self->timer != NULL)
    ck_client_edit_timer_async (relay_editor_get_client (editor), relay_editor_get_device (editor), timer,
                                relay_editor_get_cancellable (editor), saved_cb, g_object_ref (self));
  else
    ck_client_add_timer_async (relay_editor_get_client (editor), relay_editor_get_device (editor), timer,
                               relay_editor_get_cancellable (editor), saved_cb, g_object_ref (self));
}

/* ----------------------------------------------------------------- layout */

static GtkWidget *
add_row (GtkWidget  *group,
         const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/* Hours and minutes read as on a clock: 07:05, not 7:5. */
static gboolean
on_clock_spin_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static GtkSpinButton *
add_spin (GtkWidget  *row,
          const char *name,
          const char *label,
          gint        min,
          gint        max)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  gtk_widget_set_name (spin, name);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  return GTK_SPIN_BUTTON (spin);
}

static AdwComboRow *
add_combo (GtkWidget          *group,
           const char         *name,
           const char         *title,
           const char * const *items)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_COMBO_ROW (row);
}

static void
build_form (RelayTimerEditor *self,
            GtkWidget        *box)
{
  const char *kinds[] = { _("Once"), _("Repeat"), _("Countdown"), _("Loop"), NULL };
  const char *actions[] = { _("Turn On"), _("Turn Off"), NULL };
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *when = adw_preferences_group_new ();
  GtkWidget *days_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *days_label, *days_column;
  GtkWidget *popover = gtk_popover_new ();
  guint n_channels = ck_device_get_n_channels (relay_editor_get_device (EDITOR (self)));
  /* 2023-01-01 was a Sunday: cron day 0. */
  g_autoptr(GDateTime) sunday = g_date_time_new_utc (2023, 1, 1, 12, 0, 0);

  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), when);

  self->kind = add_combo (group, "kind", _("Kind"), kinds);
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < MAX (n_channels, 1); i++)
      g_ptr_array_add (names, ck_device_dup_channel_name (relay_editor_get_device (EDITOR (self)), i));
    g_ptr_array_add (names, NULL);
    self->channel = add_combo (group, "channel", _("Channel"), (const char * const *) names->pdata);
    gtk_widget_set_visible (GTK_WIDGET (self->channel), n_channels > 1);
  }
  self->action = add_combo (group, "action", _("Action"), actions);

  self->time_row = add_row (when, _("Time"));
  self->hour = add_spin (self->time_row, "hour", _("Hour"), 0, 23);
  self->minute = add_spin (self->time_row, "minute", _("Minute"), 0, 59);
  g_signal_connect (self->hour, "output", G_CALLBACK (on_clock_spin_output_cb), NULL);
  g_signal_connect (self->minute, "output", G_CALLBACK (on_clock_spin_output_cb), NULL);

  self->date_row = add_row (when, _("Date"));
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  self->date_button = gtk_menu_button_new ();
  gtk_widget_set_name (self->date_button, "date");
  gtk_widget_set_valign (self->date_button, GTK_ALIGN_CENTER);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->date_button), popover);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->date_row), self->date_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->date_row), self->date_button);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (update_date_label), self,
                           G_CONNECT_SWAPPED);

  /* The seven toggles take the row's width under its title: beside it they
   * would squeeze the title in a narrow editor. */
  self->days_row = adw_preferences_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->days_row), _("Days"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->days_row), FALSE);
  days_label = gtk_label_new (_("Days"));
  gtk_label_set_xalign (GTK_LABEL (days_label), 0);
  days_column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (days_column, 12);
  gtk_widget_set_margin_bottom (days_column, 12);
  gtk_widget_set_margin_start (days_column, 12);
  gtk_widget_set_margin_end (days_column, 12);
  gtk_box_append (GTK_BOX (days_column), days_label);
  gtk_box_append (GTK_BOX (days_column), days_box);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->days_row), days_column);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (when), self->days_row);
  gtk_widget_add_css_class (days_box, "linked");
  gtk_box_set_homogeneous (GTK_BOX (days_box), TRUE);
  /* Monday first, as most calendars show it. */
  for (guint k = 0; k < 7; k++)
    {
      guint day = (k + 1) % 7;
      g_autoptr(GDateTime) date = g_date_time_add_days (sunday, day);
      g_autofree char *abbrev = g_date_time_format (date, "%a");
      g_autofree char *full = g_date_time_format (date, "%A");
      g_autofree char *name = g_strdup_printf ("day-%u", day);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (abbrev);

      gtk_widget_set_name (toggle, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
      gtk_box_append (GTK_BOX (days_box), toggle);
      self->days[day] = GTK_TOGGLE_BUTTON (toggle);
    }

  self->minutes_row = add_row (when, _("Minutes from Now"));
  self->minutes = add_spin (self->minutes_row, "minutes", _("Minutes from Now"), 1, 24 * 60);
  self->period_row = add_row (when, _("Every (Minutes)"));
  self->period = add_spin (self->period_row, "period", _("Every (Minutes)"), 2, 24 * 60);
  self->interval_row = add_row (when, _("Switch Back After (Minutes)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->interval_row), _("0: never"));
  self->interval = add_spin (self->interval_row, "interval", _("Switch Back After (Minutes)"), 0, 24 * 60 - 1);

  g_signal_connect_object (self->kind, "notify::selected", G_CALLBACK (update_visible_rows), self,
                           G_CONNECT_SWAPPED);
}

/* Shows @timer, or sensible defaults for a new one (the next full hour). */
static void
fill_form (RelayTimerEditor *self)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) at = g_date_time_add_hours (now, 1);
  gint channel = -1;
  gboolean on = TRUE;
  guint hour, minute;
  CkWeekdays days = CK_WEEKDAYS_ALL & ~(CK_WEEKDAYS_SATURDAY | CK_WEEKDAYS_SUNDAY);

  gtk_spin_button_set_value (self->minutes, 30);
  gtk_spin_button_set_value (self->period, 60);
  gtk_spin_button_set_value (self->interval, 0);
  hour = g_date_time_get_hour (at);
  minute = 0;

  if (self->timer != NULL)
    {
      GDateTime *timer_at = ck_timer_get_at (self->timer);

      adw_combo_row_set_selected (self->kind, kind_to_index (ck_timer_get_kind (self->timer)));
      ck_timer_action_get_switch (ck_timer_get_action (self->timer), &channel, &on);
      if (timer_at != NULL)
        {
          g_clear_pointer (&at, g_date_time_unref);
          at = g_date_time_to_local (timer_at);
          hour = g_date_time_get_hour (at);
          minute = g_date_time_get_minute (at);
        }
      if (ck_timer_get_kind (self->timer) == CK_TIMER_KIND_REPEAT)
        ck_timer_get_repeat_local (self->timer, zone, &hour, &minute, &days);
      if (ck_timer_get_kind (self->timer) == CK_TIMER_KIND_DELAY)
        gtk_spin_button_set_value (self->minutes, ck_timer_get_period (self->timer));
      if (ck_timer_get_kind (self->timer) == CK_TIMER_KIND_LOOP)
        {
          gtk_spin_button_set_value (self->period, ck_timer_get_period (self->timer));
          gtk_spin_button_set_value (self->interval, ck_timer_get_interval (self->timer));
        }
    }

  if (channel >= 0 && (guint) channel < ck_device_get_n_channels (relay_editor_get_device (EDITOR (self))))
    adw_combo_row_set_selected (self->channel, channel);
  adw_combo_row_set_selected (self->action, on ? 0 : 1);
  gtk_spin_button_set_value (self->hour, hour);
  gtk_spin_button_set_value (self->minute, minute);
  gtk_calendar_select_day (self->calendar, at);
  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (self->days[i], (days & (1 << i)) != 0);
  update_date_label (self);
  update_visible_rows (self);
}

/* ---------------------------------------------------------------- GObject */

static void
relay_timer_editor_dispose (GObject *object)
{
  RelayTimerEditor *self = RELAY_TIMER_EDITOR (object);

  g_clear_object (&self->timer);

  G_OBJECT_CLASS (relay_timer_editor_parent_class)->dispose (object);
}

static void
relay_timer_editor_class_init (RelayTimerEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = relay_timer_editor_dispose;
  RELAY_EDITOR_CLASS (klass)->save = relay_timer_editor_save;
}

static void
relay_timer_editor_init (RelayTimerEditor *self)
{
}

RelayTimerEditor *
relay_timer_editor_new (GtkWindow *parent,
                        CkClient  *client,
                        CkDevice  *device,
                        CkTimer   *timer)
{
  RelayTimerEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CK_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CK_IS_DEVICE (device), NULL);
  g_return_val_if_fail (timer == NULL || CK_IS_TIMER (timer), NULL);

  self = g_object_new (RELAY_TYPE_TIMER_EDITOR,
                       "modal", TRUE,
                       "transient-for", parent,
                       "client", client,
                       "device", device,
                       "title", timer != NULL ? _("Edit Timer") : _("Add Timer"),
                       "default-width", 420,
                       /* Tall enough for the longest kind (a loop) without scrolling. */
                       "default-height", 540,
                       NULL);
  self->timer = timer != NULL ? g_object_ref (timer) : NULL;

  build_form (self, GTK_WIDGET (relay_editor_get_content (EDITOR (self))));
  fill_form (self);

  return self;
}
