/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-device-editors"

#include "config.h"

#include "relay-demo.h"
#include "relay-device-list-view.h"
#include "relay-device-page.h"
#include "relay-share-editor.h"
#include "relay-test-util.h"
#include "relay-timer-editor.h"
#include "relay-window.h"

#define LAMP_ID  "1000a1b201"  /* "Desk lamp", not shared */
#define PLUG_ID  "1000a1b202"  /* "Kitchen plug", shared with the guest */
#define FOUR_ID  "1000a1b204"  /* "Aquarium", four channels */

typedef struct
{
  RelayDemo       *demo;
  CkSimServer     *server;
  RelayWindow     *window;
  CkClient        *client;
  RelayDevicePage *page;
  JsonNode        *dump;
} Fixture;

static gboolean
window_shows_devices (gpointer data)
{
  RelayWindow *window = data;
  RelayDeviceListView *list =
    RELAY_DEVICE_LIST_VIEW (relay_test_find (GTK_WIDGET (window), RELAY_TYPE_DEVICE_LIST_VIEW, NULL));

  return g_str_equal (relay_window_get_page (window), "devices") &&
         g_list_model_get_n_items (relay_device_list_view_get_shown (list)) > 0;
}

static RelayWindow *
open_window (RelayDemo  *demo,
             const char *identity,
             const char *password)
{
  g_autoptr(CkClient) client = relay_demo_create_client (demo);
  RelayWindow *window = g_object_ref (relay_window_new (NULL, NULL));

  relay_window_sign_in (window, client, identity, password);
  gtk_window_present (GTK_WINDOW (window));
  relay_test_wait_until (window_shows_devices, window, RELAY_TEST_WAIT_MS, "the device list");
  return window;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->demo = relay_demo_new (FALSE, &error);
  g_assert_no_error (error);
  fixture->server = relay_demo_get_server (fixture->demo);
  fixture->window = open_window (fixture->demo, relay_demo_get_email (fixture->demo),
                                 relay_demo_get_password (fixture->demo));
  fixture->client = relay_window_get_client (fixture->window);
  fixture->page = RELAY_DEVICE_PAGE (relay_test_find (GTK_WIDGET (fixture->window), RELAY_TYPE_DEVICE_PAGE, NULL));
}

static void
close_toplevels (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        gtk_window_destroy (window);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_toplevels (ADW_TYPE_WINDOW);
  close_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  g_clear_pointer (&fixture->dump, json_node_unref);
  g_clear_object (&fixture->demo);
}

/* (transfer none): the simulator's record of a device, fresh. */
static JsonObject *
sim_device (Fixture    *fixture,
            const char *device_id)
{
  JsonArray *devices;

  g_clear_pointer (&fixture->dump, json_node_unref);
  fixture->dump = cksim_server_dump_state (fixture->server);
  devices = json_object_get_array_member (json_node_get_object (fixture->dump), "devices");
  for (guint i = 0; i < json_array_get_length (devices); i++)
    {
      JsonObject *device = json_array_get_object_element (devices, i);

      if (g_str_equal (json_object_get_string_member (device, "deviceid"), device_id))
        return device;
    }
  g_assert_not_reached ();
}

static JsonArray *
sim_timers (Fixture    *fixture,
            const char *device_id)
{
  return json_object_get_array_member (json_object_get_object_member (sim_device (fixture, device_id), "params"),
                                       "timers");
}

static CkDevice *
open_device (Fixture    *fixture,
             RelayWindow *window,
             const char *device_id)
{
  CkClient *client = relay_window_get_client (window);
  CkDevice *device = ck_device_list_lookup (ck_client_get_devices (client), device_id);
  RelayDevicePage *page = RELAY_DEVICE_PAGE (relay_test_find (GTK_WIDGET (window), RELAY_TYPE_DEVICE_PAGE, NULL));

  g_assert_nonnull (device);
  relay_window_open_device (window, device);
  g_assert_true (relay_device_page_get_device (page) == device);
  return device;
}

static GtkWidget *
section (Fixture    *fixture,
         const char *name)
{
  GtkWidget *widget = relay_device_page_get_control (fixture->page, name);

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
find (GtkWidget  *root,
      const char *name)
{
  GtkWidget *widget = relay_test_find (root, GTK_TYPE_WIDGET, name);

  g_assert_nonnull (widget);
  return widget;
}

typedef struct
{
  GtkWidget  *root;
  const char *name;
} WidgetWait;

static gboolean
widget_present (gpointer data)
{
  WidgetWait *wait = data;

  return relay_test_find (wait->root, GTK_TYPE_WIDGET, wait->name) != NULL;
}

static gboolean
widget_absent (gpointer data)
{
  return !widget_present (data);
}

/* Sections rebuild their rows from an idle: wait for the row. */
static GtkWidget *
wait_for (GtkWidget  *root,
          const char *name)
{
  WidgetWait wait = { root, name };

  relay_test_wait_until (widget_present, &wait, RELAY_TEST_WAIT_MS, name);
  return find (root, name);
}

/* What a click does (activation waits for the press animation). */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* (transfer none) (nullable): the open toplevel of @type. */
static GtkWidget *
toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static gboolean
no_timer_editor (gpointer data)
{
  return toplevel_of_type (RELAY_TYPE_TIMER_EDITOR) == NULL;
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

  open_device (fixture, fixture->window, PLUG_ID);
  timers = section (fixture, "timers");
  g_assert_cmpuint (json_array_get_length (sim_timers (fixture, PLUG_ID)), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (find (timers, "add-timer")));

  click (find (timers, "add-timer"));
  editor = toplevel_of_type (RELAY_TYPE_TIMER_EDITOR);
  g_assert_nonnull (editor);

  adw_combo_row_set_selected (ADW_COMBO_ROW (find (editor, "kind")), 1);  /* repeat */
  g_assert_true (gtk_widget_get_visible (find (editor, "day-1")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (editor, "action")), 0);  /* on */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (editor, "hour")), 7);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (editor, "minute")), 30);
  for (guint day = 0; day < 7; day++)
    {
      g_autofree char *name = g_strdup_printf ("day-%u", day);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find (editor, name)), day == 1 || day == 5);
    }
  click (find (editor, "save"));

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
  row = wait_for (timers, "timer-1");
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
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
sim_first_timer_disabled (gpointer data)
{
  Fixture *fixture = data;
  JsonArray *timers = sim_timers (fixture, PLUG_ID);

  return json_array_get_length (timers) == 1 &&
         json_object_get_int_member (json_array_get_object_element (timers, 0), "enabled") == 0;
}

static void
add_countdown (Fixture *fixture,
               CkDevice *device)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(JsonObject) action = ck_family_encode_timer_action (ck_device_get_family (device), -1, FALSE, NULL);
  g_autoptr(CkTimer) timer = ck_timer_new_delay (now, 45, action);
  gboolean added = FALSE;

  ck_client_add_timer_async (fixture->client, device, timer, NULL, timer_added_cb, &added);
  relay_test_wait_until (flag_set, &added, RELAY_TEST_WAIT_MS, "the timer to be added");
}

/* The row's switch disables the timer on the device; delete removes it. */
static void
test_toggle_and_delete_timer (Fixture       *fixture,
                              gconstpointer  data)
{
  CkDevice *plug = open_device (fixture, fixture->window, PLUG_ID);
  TimersWait none = { fixture, PLUG_ID, 0 };
  GtkWidget *timers = section (fixture, "timers");
  GtkWidget *row;

  add_countdown (fixture, plug);
  row = wait_for (timers, "timer-1");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Turn off");
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Countdown of 45 min"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find (row, "enabled"))));

  gtk_switch_set_active (GTK_SWITCH (find (row, "enabled")), FALSE);
  relay_test_wait_until (sim_first_timer_disabled, fixture, RELAY_TEST_WAIT_MS, "the timer to be disabled");
  relay_test_drain ();
  row = wait_for (timers, "timer-1");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find (row, "enabled"))));

  click (find (row, "delete"));
  relay_test_wait_until (sim_timer_count_is, &none, RELAY_TEST_WAIT_MS, "the timer to be deleted");
  {
    WidgetWait gone = { timers, "timer-1" };

    relay_test_wait_until (widget_absent, &gone, RELAY_TEST_WAIT_MS, "the row to go");
  }
}

/* ---------------------------------------------------------------- sharing */

static gboolean
sim_shared_with_guest (gpointer data)
{
  Fixture *fixture = data;
  JsonArray *shares = json_object_get_array_member (sim_device (fixture, LAMP_ID), "shares");

  return json_array_get_length (shares) == 1 &&
         json_object_get_int_member (json_array_get_object_element (shares, 0), "permit") ==
           (CK_PERMIT_ADD_TIMER | CK_PERMIT_ENABLE_TIMER);
}

static gboolean
page_lists_share (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *row = relay_test_find (relay_device_page_get_control (fixture->page, "sharing"),
                                    GTK_TYPE_WIDGET, "share-1");

  return row != NULL &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), CKSIM_DEMO_GUEST_EMAIL) == 0;
}

/* The kitchen plug lists its guest; the desk lamp is shared with the guest
 * (who accepts) through the editor, and the list follows. */
static void
test_share (Fixture       *fixture,
            gconstpointer  data)
{
  /* The receiver answers a share from a live session. */
  RelayWindow *guest = open_window (fixture->demo, CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
  GtkWidget *editor;

  open_device (fixture, fixture->window, PLUG_ID);
  g_assert_true (page_lists_share (fixture));

  open_device (fixture, fixture->window, LAMP_ID);
  g_assert_null (relay_test_find (section (fixture, "sharing"), GTK_TYPE_WIDGET, "share-1"));
  click (find (section (fixture, "sharing"), "share"));
  editor = toplevel_of_type (RELAY_TYPE_SHARE_EDITOR);
  g_assert_nonnull (editor);

  gtk_editable_set_text (GTK_EDITABLE (find (editor, "identity")), CKSIM_DEMO_GUEST_EMAIL);
  gtk_editable_set_text (GTK_EDITABLE (find (editor, "note")), "For the guest room");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (editor, "permit-add")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (editor, "permit-enable")), TRUE);
  click (find (editor, "save"));

  relay_test_wait_until (sim_shared_with_guest, fixture, RELAY_TEST_WAIT_MS, "the share in the simulator");
  relay_test_wait_until (page_lists_share, fixture, RELAY_TEST_WAIT_MS, "the share on the page");
  g_assert_null (toplevel_of_type (RELAY_TYPE_SHARE_EDITOR));

  gtk_window_destroy (GTK_WINDOW (guest));
  g_assert_finalize_object (guest);
}

static gboolean
editor_says (gpointer data)
{
  GtkWidget *editor = toplevel_of_type (RELAY_TYPE_SHARE_EDITOR);

  return editor != NULL && gtk_widget_get_visible (find (editor, "result")) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (find (editor, "result"))), data) == 0;
}

/* A refusal and an unknown account read as sentences; the editor stays. */
static void
test_share_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  RelayWindow *guest = open_window (fixture->demo, CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
  GtkWidget *editor;

  g_assert_true (cksim_server_set_share_policy (fixture->server, CKSIM_DEMO_GUEST_EMAIL, "refuse"));
  open_device (fixture, fixture->window, LAMP_ID);
  click (find (section (fixture, "sharing"), "share"));
  editor = toplevel_of_type (RELAY_TYPE_SHARE_EDITOR);
  gtk_editable_set_text (GTK_EDITABLE (find (editor, "identity")), CKSIM_DEMO_GUEST_EMAIL);
  click (find (editor, "save"));
  relay_test_wait_until (editor_says, (gpointer) "The other account refused the device.",
                         RELAY_TEST_WAIT_MS, "the refusal");

  gtk_editable_set_text (GTK_EDITABLE (find (editor, "identity")), "nobody@relay.example");
  click (find (editor, "save"));
  relay_test_wait_until (editor_says,
                         (gpointer) "There is no account with this e-mail address or phone number in this region.",
                         RELAY_TEST_WAIT_MS, "no such account");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (sim_device (fixture, LAMP_ID), "shares")), ==, 0);

  gtk_window_destroy (GTK_WINDOW (guest));
  g_assert_finalize_object (guest);
}

/* The guest sees who shared the plug and none of the owner's actions. */
static void
test_shared_with_me (Fixture       *fixture,
                     gconstpointer  data)
{
  RelayWindow *guest = open_window (fixture->demo, CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
  RelayDevicePage *page = RELAY_DEVICE_PAGE (relay_test_find (GTK_WIDGET (guest), RELAY_TYPE_DEVICE_PAGE, NULL));
  GtkWidget *manage, *row;

  open_device (fixture, guest, PLUG_ID);
  manage = relay_device_page_get_control (page, "manage");
  row = find (manage, "shared-by");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Shared by " CKSIM_DEMO_EMAIL);
  g_assert_null (relay_test_find (manage, GTK_TYPE_WIDGET, "rename"));
  g_assert_null (relay_test_find (manage, GTK_TYPE_WIDGET, "remove"));
  g_assert_null (relay_device_page_get_control (page, "sharing"));
  /* Permit 15: every timer control is there. */
  g_assert_true (gtk_widget_get_sensitive (find (relay_device_page_get_control (page, "timers"), "add-timer")));

  gtk_window_destroy (GTK_WINDOW (guest));
  g_assert_finalize_object (guest);
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
  CkDevice *plug = open_device (fixture, fixture->window, PLUG_ID);
  CkDevice *four;
  GtkWidget *rename = find (section (fixture, "manage"), "rename");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rename)), ==, "Kitchen plug");
  gtk_editable_set_text (GTK_EDITABLE (rename), "Kitchen kettle");
  g_signal_emit_by_name (rename, "apply");
  relay_test_wait_until (device_named, plug, RELAY_TEST_WAIT_MS, "the new name");
  g_assert_cmpstr (json_object_get_string_member (sim_device (fixture, PLUG_ID), "name"), ==, "Kitchen kettle");

  /* Channel names of a multi-channel device. */
  four = open_device (fixture, fixture->window, FOUR_ID);
  rename = find (section (fixture, "manage"), "channel-name-2");
  gtk_editable_set_text (GTK_EDITABLE (rename), "Filter");
  g_signal_emit_by_name (rename, "apply");
  relay_test_wait_until (channel_two_named, four, RELAY_TEST_WAIT_MS, "the channel name");
}

static gboolean
dialog_open (gpointer data)
{
  return toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG) != NULL;
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
  JsonArray *groups = json_object_get_array_member (sim_device (fixture, PLUG_ID), "groups");

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
  dialog = toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (find (dialog, "group-name")), "Upstairs");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  gtk_window_destroy (GTK_WINDOW (dialog));
  relay_test_wait_until (group_exists, fixture, RELAY_TEST_WAIT_MS, "the group");

  open_device (fixture, fixture->window, PLUG_ID);
  group_row = find (section (fixture, "manage"), "group");
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

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/editors/add-timer", test_add_timer);
  ADD ("/ui/editors/toggle-and-delete-timer", test_toggle_and_delete_timer);
  ADD ("/ui/editors/share", test_share);
  ADD ("/ui/editors/share-refused", test_share_refused);
  ADD ("/ui/editors/shared-with-me", test_shared_with_me);
  ADD ("/ui/editors/rename", test_rename);
  ADD ("/ui/editors/group-create-and-move", test_group_create_and_move);
#undef ADD

  return g_test_run ();
}
