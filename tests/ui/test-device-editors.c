/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-device-editors"

#include "config.h"

#include "relay-demo.h"
#include "relay-device-list-view.h"
#include "relay-device-page.h"
#include "relay-test-util.h"
#include "relay-timer-editor.h"
#include "relay-window.h"

#define PLUG_ID  "1000a1b202"  /* "Kitchen plug" */
#define FOUR_ID  "1000a1b204"  /* "Aquarium", four channels */

typedef RelayTestFixture Fixture;

static JsonArray *
sim_timers (Fixture    *fixture,
            const char *device_id)
{
  return json_object_get_array_member (json_object_get_object_member (relay_test_sim_device (fixture, device_id), "params"),
                                       "timers");
}

static gboolean
no_timer_editor (gpointer data)
{
  return relay_test_toplevel (RELAY_TYPE_TIMER_EDITOR) == NULL;
}

/* ---------------------------------------------------------------- timers */

typedef struct
{
  Fixture    *fixture;
  const char *device_id;
  guint       count;
} TimersWait;

static gboolean
sim_timer_count_is (gpointer data)
{
  TimersWait *wait = data;
  JsonArray *timers = sim_timers (wait->fixture, wait->device_id);

  return timers != NULL && json_array_get_length (timers) == wait->count;
}

/* Add a repeat timer for Monday and Friday 07:30 local time through the
 * editor: the simulator stores it in the device's UTC cron form, the
 * editor closes and the page lists it. */
static void
test_add_timer (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  TimersWait wait = { fixture, PLUG_ID, 1 };
  GtkWidget *timers, *editor, *row;
  JsonObject *timer;
  g_autofree char *expected_at = NULL;
  guint utc_hour, utc_minute;
  CkWeekdays utc_days;
  g_autoptr(GString) days = g_string_new (NULL);

  relay_test_open_device (fixture->window, PLUG_ID);
  timers = relay_test_page_control (fixture->page, "timers");
  g_assert_cmpuint (json_array_get_length (sim_timers (fixture, PLUG_ID)), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (relay_test_get (timers, "add-timer")));

  relay_test_click (relay_test_get (timers, "add-timer"));
  editor = relay_test_toplevel (RELAY_TYPE_TIMER_EDITOR);
  g_assert_nonnull (editor);

  adw_combo_row_set_selected (ADW_COMBO_ROW (relay_test_get (editor, "kind")), 1);  /* repeat */
  g_assert_true (gtk_widget_get_visible (relay_test_get (editor, "day-1")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (relay_test_get (editor, "action")), 0);  /* on */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (relay_test_get (editor, "hour")), 7);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (relay_test_get (editor, "minute")), 30);
  for (guint day = 0; day < 7; day++)
    {
      g_autofree char *name = g_strdup_printf ("day-%u", day);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (relay_test_get (editor, name)), day == 1 || day == 5);
    }
  relay_test_click (relay_test_get (editor, "save"));

  relay_test_wait_until (sim_timer_count_is, &wait, RELAY_TEST_WAIT_MS, "the timer in the simulator");
  relay_test_wait_until (no_timer_editor, NULL, RELAY_TEST_WAIT_MS, "the editor to close");

  /* Stored in UTC, as the device keeps it. */
  ck_timer_local_to_utc (zone, 7, 30, CK_WEEKDAYS_MONDAY | CK_WEEKDAYS_FRIDAY, &utc_hour, &utc_minute, &utc_days);
  for (guint day = 0; day < 7; day++)
    if (utc_days & (1 << day))
      g_string_append_printf (days, "%s%u", days->len > 0 ? "," : "", day);
  expected_at = g_strdup_printf ("%u %u * * %s", utc_minute, utc_hour, days->str);
  timer = json_array_get_object_element (sim_timers (fixture, PLUG_ID), 0);
  g_assert_cmpstr (json_object_get_string_member (timer, "type"), ==, "repeat");
  g_assert_cmpstr (json_object_get_string_member (timer, "at"), ==, expected_at);
  g_assert_cmpint (json_object_get_int_member (timer, "enabled"), ==, 1);

  /* Listed in local time. */
  row = relay_test_wait_for (timers, "timer-1");
  g_assert_true (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "07:30") != NULL);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Turn on");
}

static void
timer_added_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ck_client_timer_finish (CK_CLIENT (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
sim_first_timer_disabled (gpointer data)
{
  Fixture *fixture = data;
  JsonArray *timers = sim_timers (fixture, PLUG_ID);

  return json_array_get_length (timers) == 1 &&
         json_object_get_int_member (json_array_get_object_element (timers, 0), "enabled") == 0;
}

/* Adds @timer through the client, as another of the account's apps would. */
static void
add_timer (Fixture  *fixture,
           CkDevice *device,
           CkTimer  *timer)
{
  gboolean added = FALSE;

  ck_client_add_timer_async (fixture->client, device, timer, NULL, timer_added_cb, &added);
  relay_test_wait_until (relay_test_flag_set, &added, RELAY_TEST_WAIT_MS, "the timer to be added");
}

static void
add_countdown (Fixture  *fixture,
               CkDevice *device)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(JsonObject) action = ck_family_encode_timer_action (ck_device_get_family (device), -1, FALSE, NULL);
  g_autoptr(CkTimer) timer = ck_timer_new_delay (now, 45, action);

  add_timer (fixture, device, timer);
}

/* The row's switch disables the timer on the device; delete removes it. */
static void
test_toggle_and_delete_timer (Fixture       *fixture,
                              gconstpointer  data)
{
  CkDevice *plug = relay_test_open_device (fixture->window, PLUG_ID);
  TimersWait none = { fixture, PLUG_ID, 0 };
  GtkWidget *timers = relay_test_page_control (fixture->page, "timers");
  GtkWidget *row;

  add_countdown (fixture, plug);
  row = relay_test_wait_for (timers, "timer-1");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Turn off");
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Countdown of 45 min"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (relay_test_get (row, "enabled"))));

  gtk_switch_set_active (GTK_SWITCH (relay_test_get (row, "enabled")), FALSE);
  relay_test_wait_until (sim_first_timer_disabled, fixture, RELAY_TEST_WAIT_MS, "the timer to be disabled");
  relay_test_drain ();
  row = relay_test_wait_for (timers, "timer-1");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (relay_test_get (row, "enabled"))));

  relay_test_click (relay_test_get (row, "delete"));
  relay_test_wait_until (sim_timer_count_is, &none, RELAY_TEST_WAIT_MS, "the timer to be deleted");
  relay_test_wait_gone (timers, "timer-1");
}

/* Tomorrow at @hour:@minute local time. */
static GDateTime *
tomorrow_at (guint hour,
             guint minute)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

  return g_date_time_new_local (g_date_time_get_year (tomorrow), g_date_time_get_month (tomorrow),
                                g_date_time_get_day_of_month (tomorrow), hour, minute, 0);
}

typedef struct
{
  Fixture   *fixture;
  GDateTime *at;
} TimerAtWait;

/* The plug's only timer is due at wait->at and switches off. */
static gboolean
sim_timer_moved (gpointer data)
{
  TimerAtWait *wait = data;
  JsonArray *timers = sim_timers (wait->fixture, PLUG_ID);
  JsonObject *timer, *action;
  g_autoptr(GDateTime) at = NULL;

  if (json_array_get_length (timers) != 1)
    return FALSE;
  timer = json_array_get_object_element (timers, 0);
  at = g_date_time_new_from_iso8601 (json_object_get_string_member (timer, "at"), NULL);
  action = json_object_get_object_member (timer, "do");
  return at != NULL && g_date_time_equal (at, wait->at) &&
         g_strcmp0 (json_object_get_string_member_with_default (action, "switch", ""), "off") == 0;
}

/* An existing one-off timer opens in the editor as it is, and saving the
 * edit replaces it (same id, new time and action) rather than adding one. */
static void
test_edit_timer (Fixture       *fixture,
                 gconstpointer  data)
{
  CkDevice *plug = relay_test_open_device (fixture->window, PLUG_ID);
  GtkWidget *timers = relay_test_page_control (fixture->page, "timers");
  g_autoptr(GDateTime) morning = tomorrow_at (8, 0);
  g_autoptr(GDateTime) evening = tomorrow_at (21, 15);
  g_autoptr(JsonObject) on = ck_family_encode_timer_action (ck_device_get_family (plug), -1, TRUE, NULL);
  g_autoptr(CkTimer) timer = ck_timer_new_once (morning, on);
  TimerAtWait wait = { fixture, evening };
  g_autofree char *id = NULL;
  GtkWidget *row, *editor;

  add_timer (fixture, plug, timer);
  id = g_strdup (json_object_get_string_member (json_array_get_object_element (sim_timers (fixture, PLUG_ID), 0),
                                                "mId"));
  g_assert_nonnull (id);
  row = relay_test_wait_for (timers, "timer-1");
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "08:00"));

  relay_test_click (relay_test_get (row, "edit"));
  editor = relay_test_toplevel (RELAY_TYPE_TIMER_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Timer");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (relay_test_get (editor, "kind"))), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (relay_test_get (editor, "action"))), ==, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (relay_test_get (editor, "hour"))), ==, 8);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (relay_test_get (editor, "minute"))), ==, 0);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (relay_test_get (editor, "hour")), 21);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (relay_test_get (editor, "minute")), 15);
  adw_combo_row_set_selected (ADW_COMBO_ROW (relay_test_get (editor, "action")), 1);  /* off */
  relay_test_click (relay_test_get (editor, "save"));

  relay_test_wait_until (sim_timer_moved, &wait, RELAY_TEST_WAIT_MS, "the edited timer in the simulator");
  relay_test_wait_until (no_timer_editor, NULL, RELAY_TEST_WAIT_MS, "the editor to close");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sim_timers (fixture, PLUG_ID), 0),
                                                  "mId"), ==, id);

  relay_test_drain ();
  row = relay_test_wait_for (timers, "timer-1");
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "21:15"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Turn off");
  g_assert_null (relay_test_find (timers, GTK_TYPE_WIDGET, "timer-2"));
}

static gboolean
editor_result_shown (gpointer data)
{
  return gtk_widget_get_visible (relay_test_get (GTK_WIDGET (data), "result"));
}

/* A device that already has as many timers as it takes refuses one more:
 * the editor says so in the device's own words and stays open to try
 * again, the window's toast says the device did not change, and the
 * device keeps the timers it had. */
static void
test_timer_limit (Fixture       *fixture,
                  gconstpointer  data)
{
  CkDevice *plug = relay_test_open_device (fixture->window, PLUG_ID);
  GtkWidget *timers = relay_test_page_control (fixture->page, "timers");
  GtkWidget *editor, *result;
  const char *toast;

  g_object_set (fixture->server, "timer-limit", 1, NULL);
  add_countdown (fixture, plug);
  relay_test_wait_for (timers, "timer-1");

  relay_test_click (relay_test_get (timers, "add-timer"));
  editor = relay_test_toplevel (RELAY_TYPE_TIMER_EDITOR);
  g_assert_nonnull (editor);
  result = relay_test_get (editor, "result");
  g_assert_false (gtk_widget_get_visible (result));
  relay_test_click (relay_test_get (editor, "save"));
  g_assert_false (gtk_widget_get_sensitive (relay_test_get (editor, "save")));

  relay_test_wait_until (editor_result_shown, editor, RELAY_TEST_WAIT_MS, "the refusal in the editor");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (result)),
                                   "The timer was not saved: The device refused the command. (error 400: "));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (result)), "too many timers"));
  g_assert_true (gtk_widget_get_sensitive (relay_test_get (editor, "save")));
  g_assert_true (relay_test_toplevel (RELAY_TYPE_TIMER_EDITOR) == editor);

  toast = relay_test_wait_for_label (GTK_WIDGET (fixture->window),
                                     "“Kitchen plug” did not change: The device refused the command.");
  g_assert_nonnull (strstr (toast, "too many timers"));
  g_assert_cmpuint (json_array_get_length (sim_timers (fixture, PLUG_ID)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ck_device_get_timers (plug)), ==, 1);
}

/* ------------------------------------------------------------- management */

static gboolean
device_named (gpointer data)
{
  return g_strcmp0 (ck_device_get_name (CK_DEVICE (data)), "Kitchen kettle") == 0;
}

static gboolean
channel_two_named (gpointer data)
{
  g_autofree char *name = ck_device_dup_channel_name (CK_DEVICE (data), 1);

  return g_strcmp0 (name, "Filter") == 0;
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  CkDevice *plug = relay_test_open_device (fixture->window, PLUG_ID);
  CkDevice *four;
  GtkWidget *rename = relay_test_get (relay_test_page_control (fixture->page, "manage"), "rename");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rename)), ==, "Kitchen plug");
  gtk_editable_set_text (GTK_EDITABLE (rename), "Kitchen kettle");
  g_signal_emit_by_name (rename, "apply");
  relay_test_wait_until (device_named, plug, RELAY_TEST_WAIT_MS, "the new name");
  g_assert_cmpstr (json_object_get_string_member (relay_test_sim_device (fixture, PLUG_ID), "name"), ==, "Kitchen kettle");

  /* Channel names of a multi-channel device. */
  four = relay_test_open_device (fixture->window, FOUR_ID);
  rename = relay_test_get (relay_test_page_control (fixture->page, "manage"), "channel-name-2");
  gtk_editable_set_text (GTK_EDITABLE (rename), "Filter");
  g_signal_emit_by_name (rename, "apply");
  relay_test_wait_until (channel_two_named, four, RELAY_TEST_WAIT_MS, "the channel name");
}

static gboolean
dialog_open (gpointer data)
{
  return relay_test_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
group_exists (gpointer data)
{
  Fixture *fixture = data;

  return ck_group_list_find (ck_client_get_groups (fixture->client), "Upstairs") != NULL;
}

static gboolean
plug_in_group (gpointer data)
{
  Fixture *fixture = data;
  CkGroup *group = ck_group_list_find (ck_client_get_groups (fixture->client), "Upstairs");
  JsonArray *groups = json_object_get_array_member (relay_test_sim_device (fixture, PLUG_ID), "groups");

  return group != NULL && json_array_get_length (groups) == 1 &&
         g_strcmp0 (json_array_get_string_element (groups, 0), ck_group_get_id (group)) == 0;
}

/* New group from the window's menu, then the plug moves into it from its page. */
static void
test_group_create_and_move (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *dialog, *group_row;
  GListModel *names;
  guint index = G_MAXUINT;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-group", NULL));
  relay_test_wait_until (dialog_open, NULL, RELAY_TEST_WAIT_MS, "the new-group dialog");
  dialog = relay_test_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (relay_test_get (dialog, "group-name")), "Upstairs");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  gtk_window_destroy (GTK_WINDOW (dialog));
  relay_test_wait_until (group_exists, fixture, RELAY_TEST_WAIT_MS, "the group");

  relay_test_open_device (fixture->window, PLUG_ID);
  group_row = relay_test_get (relay_test_page_control (fixture->page, "manage"), "group");
  names = adw_combo_row_get_model (ADW_COMBO_ROW (group_row));
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Upstairs"))
      index = i;
  g_assert_cmpuint (index, !=, G_MAXUINT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (group_row), index);
  relay_test_wait_until (plug_in_group, fixture, RELAY_TEST_WAIT_MS, "the plug in the group");
}

int
main (int   argc,
      char *argv[])
{
  if (!relay_test_init (&argc, &argv))
    return 0;

  relay_test_add_with_fixture ("/ui/editors/add-timer", test_add_timer);
  relay_test_add_with_fixture ("/ui/editors/toggle-and-delete-timer", test_toggle_and_delete_timer);
  relay_test_add_with_fixture ("/ui/editors/edit-timer", test_edit_timer);
  relay_test_add_with_fixture ("/ui/editors/timer-limit", test_timer_limit);
  relay_test_add_with_fixture ("/ui/editors/rename", test_rename);
  relay_test_add_with_fixture ("/ui/editors/group-create-and-move", test_group_create_and_move);

  return g_test_run ();
}
