/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-timers-group"

#include "config.h"

#include <glib/gi18n.h>

#include "relay-device-panel.h"
#include "relay-errors.h"
#include "relay-timer-editor.h"
#include "relay-timers-group.h"

/**
 * RelayTimersGroup:
 *
 * The timers section of a device page: each timer in local terms with a
 * switch to enable it, buttons to edit and delete it, and a button to add
 * one. It follows the device's timers model (pending changes show at once,
 * a refusal rolls them back), and for a device shared with us the sharer's
 * permit bits decide which controls can be used.
 */
struct _RelayTimersGroup
{
  RelayDevicePanel    parent_instance;

  GtkWidget          *add_button;
};

G_DEFINE_FINAL_TYPE (RelayTimersGroup, relay_timers_group, RELAY_TYPE_DEVICE_PANEL)

#define PANEL(self) RELAY_DEVICE_PANEL (self)

/* ------------------------------------------------------------ describing */

static char *
weekday_list (CkWeekdays days)
{
  /* 2023-01-01 was a Sunday: cron day 0. */
  g_autoptr(GDateTime) sunday = g_date_time_new_utc (2023, 1, 1, 12, 0, 0);
  g_autoptr(GString) list = g_string_new (NULL);

  if (days == CK_WEEKDAYS_ALL)
    return g_strdup (_("Every day"));

  for (guint k = 0; k < 7; k++)
    {
      guint day = (k + 1) % 7;  /* Monday first */
      g_autoptr(GDateTime) date = NULL;
      g_autofree char *abbrev = NULL;

      if (!(days & (1 << day)))
        continue;
      date = g_date_time_add_days (sunday, day);
      abbrev = g_date_time_format (date, "%a");
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, abbrev);
    }
  /* Translators: %s is a list of weekdays, e.g. "Mon, Wed, Fri" */
  return g_strdup_printf (_("Every %s"), list->str);
}

char *
relay_timer_describe_when (CkTimer *timer)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *days_text = NULL;
  guint hour, minute;
  CkWeekdays days;

  g_return_val_if_fail (CK_IS_TIMER (timer), NULL);

  if (ck_timer_get_at (timer) != NULL)
    {
      local = g_date_time_to_local (ck_timer_get_at (timer));
      when = g_date_time_format (local, "%x %H:%M");
    }

  switch (ck_timer_get_kind (timer))
    {
    case CK_TIMER_KIND_REPEAT:
      if (!ck_timer_get_repeat_local (timer, zone, &hour, &minute, &days))
        return g_strdup (_("Repeats"));
      days_text = weekday_list (days);
      /* Translators: "Every Mon, Fri at 07:30" */
      return g_strdup_printf (_("%s at %02u:%02u"), days_text, hour, minute);
    case CK_TIMER_KIND_DELAY:
      /* Translators: a countdown: "Countdown of 30 min, ends 01/02/26 14:30" */
      return g_strdup_printf (_("Countdown of %u min, ends %s"), ck_timer_get_period (timer),
                              when != NULL ? when : "—");
    case CK_TIMER_KIND_LOOP:
      if (ck_timer_get_interval (timer) > 0)
        return g_strdup_printf (_("Every %u min from %s, switching back after %u min"),
                                ck_timer_get_period (timer), when != NULL ? when : "—",
                                ck_timer_get_interval (timer));
      return g_strdup_printf (_("Every %u min from %s"), ck_timer_get_period (timer),
                              when != NULL ? when : "—");
    case CK_TIMER_KIND_ONCE:
    default:
      /* Translators: a one-off timer: "Once, 01/02/26 14:30" */
      return g_strdup_printf (_("Once, %s"), when != NULL ? when : "—");
    }
}

char *
relay_timer_describe_action (CkTimer  *timer,
                             CkDevice *device)
{
  gint channel = -1;
  gboolean on = FALSE;
  g_autofree char *channel_name = NULL;

  g_return_val_if_fail (CK_IS_TIMER (timer), NULL);
  g_return_val_if_fail (CK_IS_DEVICE (device), NULL);

  if (!ck_timer_action_get_switch (ck_timer_get_action (timer), &channel, &on))
    return g_strdup (_("Other action"));
  if (channel < 0 || ck_device_get_n_channels (device) <= 1)
    return g_strdup (on ? _("Turn on") : _("Turn off"));

  channel_name = ck_device_dup_channel_name (device, channel);
  /* Translators: "Channel 2: turn on" */
  return g_strdup_printf (on ? _("%s: turn on") : _("%s: turn off"), channel_name);
}

/* ------------------------------------------------------------ operations */

static void
timer_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RelayTimersGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ck_client_timer_finish (CK_CLIENT (object), result, &error))
    {
      /* A command the device refused is the window's toast already. */
      if (!relay_error_is_rolled_back (error))
        relay_error_toast (GTK_WIDGET (self), _("The timer was not changed"), error);
      /* The switch shows the device's state again. */
      relay_device_panel_schedule_rebuild (PANEL (self));
    }
}

static gboolean
on_enabled_state_set_cb (RelayTimersGroup *self,
                         gboolean          state,
                         GtkSwitch        *toggle)
{
  CkTimer *timer = relay_row_widget_get_item (GTK_WIDGET (toggle));

  if (state == ck_timer_get_enabled (timer))
    return FALSE;

  ck_client_enable_timer_async (relay_device_panel_get_client (PANEL (self)),
                                relay_device_panel_get_device (PANEL (self)),
                                ck_timer_get_id (timer), state,
                                relay_device_panel_get_cancellable (PANEL (self)),
                                timer_done_cb, g_object_ref (self));
  return FALSE;
}

static void
open_editor (RelayTimersGroup *self,
             CkTimer          *timer)
{
  gtk_window_present (GTK_WINDOW (relay_timer_editor_new (relay_device_panel_get_window (PANEL (self)),
                                                          relay_device_panel_get_client (PANEL (self)),
                                                          relay_device_panel_get_device (PANEL (self)),
                                                          timer)));
}

static void
on_edit_clicked_cb (RelayTimersGroup *self,
                    GtkButton        *button)
{
  open_editor (self, relay_row_widget_get_item (GTK_WIDGET (button)));
}

static void
on_add_clicked_cb (RelayTimersGroup *self)
{
  open_editor (self, NULL);
}

static void
on_delete_clicked_cb (RelayTimersGroup *self,
                      GtkButton        *button)
{
  CkTimer *timer = relay_row_widget_get_item (GTK_WIDGET (button));

  ck_client_remove_timer_async (relay_device_panel_get_client (PANEL (self)),
                                relay_device_panel_get_device (PANEL (self)),
                                ck_timer_get_id (timer),
                                relay_device_panel_get_cancellable (PANEL (self)),
                                timer_done_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------ rows */

static void
relay_timers_group_rebuild (RelayDevicePanel *section)
{
  RelayTimersGroup *self = RELAY_TIMERS_GROUP (section);
  CkDevice *device = relay_device_panel_get_device (section);
  GListModel *timers = ck_device_get_timers (device);
  CkPermit permit = ck_device_get_permit (device);
  gboolean online = ck_device_get_online (device);
  guint n = g_list_model_get_n_items (timers);

  gtk_widget_set_sensitive (self->add_button, online && ck_permit_has (permit, CK_PERMIT_ADD_TIMER));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         n == 0 ? _("No timers. The device keeps its timers and runs them even when Relay is closed.")
                                                : NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CkTimer) timer = g_list_model_get_item (timers, i);
      g_autofree char *when = relay_timer_describe_when (timer);
      g_autofree char *what = relay_timer_describe_action (timer, device);
      g_autofree char *name = g_strdup_printf ("timer-%u", i + 1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      GtkWidget *edit = relay_row_button_new ("document-edit-symbolic", "edit", _("Edit Timer"),
                                              timer, g_object_ref, g_object_unref);
      GtkWidget *delete = relay_row_button_new ("user-trash-symbolic", "delete", _("Delete Timer"),
                                                timer, g_object_ref, g_object_unref);

      gtk_widget_set_name (row, name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);

      gtk_widget_set_name (toggle, "enabled");
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle), ck_timer_get_enabled (timer));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Enabled"), -1);
      relay_row_widget_set_item (toggle, timer, g_object_ref, g_object_unref);
      g_signal_connect_object (toggle, "state-set", G_CALLBACK (on_enabled_state_set_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (edit, "clicked", G_CALLBACK (on_edit_clicked_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (delete, "clicked", G_CALLBACK (on_delete_clicked_cb), self, G_CONNECT_SWAPPED);

      gtk_widget_set_sensitive (toggle, online && ck_permit_has (permit, CK_PERMIT_ENABLE_TIMER));
      gtk_widget_set_sensitive (edit, online && ck_permit_has (permit, CK_PERMIT_EDIT_TIMER));
      gtk_widget_set_sensitive (delete, online && ck_permit_has (permit, CK_PERMIT_DELETE_TIMER));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

      relay_device_panel_add_row (section, row);
    }
}

/* ---------------------------------------------------------------- GObject */

static void
relay_timers_group_class_init (RelayTimersGroupClass *klass)
{
  RELAY_DEVICE_PANEL_CLASS (klass)->rebuild = relay_timers_group_rebuild;
}

static void
relay_timers_group_init (RelayTimersGroup *self)
{
}

GtkWidget *
relay_timers_group_new (CkClient *client,
                        CkDevice *device)
{
  RelayTimersGroup *self;

  g_return_val_if_fail (CK_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CK_IS_DEVICE (device), NULL);

  self = g_object_new (RELAY_TYPE_TIMERS_GROUP,
                       "client", client,
                       "device", device,
                       "title", _("Timers"),
                       NULL);

  self->add_button = relay_row_button_new ("list-add-symbolic", "add-timer", _("Add Timer"), NULL, NULL, NULL);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (on_add_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);

  g_signal_connect_object (ck_device_get_timers (device), "items-changed",
                           G_CALLBACK (relay_device_panel_schedule_rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (device, "notify::online", G_CALLBACK (relay_device_panel_schedule_rebuild), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (device, "notify::permit", G_CALLBACK (relay_device_panel_schedule_rebuild), self,
                           G_CONNECT_SWAPPED);
  relay_device_panel_rebuild (PANEL (self));

  return GTK_WIDGET (self);
}
