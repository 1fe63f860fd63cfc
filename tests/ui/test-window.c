/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include "relay-application.h"
#include "relay-connection-banner.h"
#include "relay-demo.h"
#include "relay-device-list-view.h"
#include "relay-device-row.h"
#include "relay-sign-in-page.h"
#include "relay-test-util.h"
#include "relay-window.h"

#define PLUG_ID    "1000a1b202"  /* "Kitchen plug", UIID 1 */
#define OFFLINE_ID "1000a1b20c"  /* "Garden pump", offline in the demo */

static RelayDeviceListView *
device_list (RelayWindow *window)
{
  return RELAY_DEVICE_LIST_VIEW (relay_test_find (GTK_WIDGET (window), RELAY_TYPE_DEVICE_LIST_VIEW, NULL));
}

/* The row widget currently bound to @device_id (rows are recycled). */
static RelayDeviceRow *
find_row (GtkWidget  *root,
          const char *device_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RelayDeviceRow *row;

      if (RELAY_IS_DEVICE_ROW (child))
        {
          CkDevice *device = relay_device_row_get_device (RELAY_DEVICE_ROW (child));

          if (device != NULL && g_str_equal (ck_device_get_id (device), device_id))
            return RELAY_DEVICE_ROW (child);
        }
      else if ((row = find_row (child, device_id)) != NULL)
        {
          return row;
        }
    }

  return NULL;
}

static gboolean
sim_power (CkSimServer *server,
           const char  *device_id)
{
  JsonObject *params = cksim_server_get_device_params (server, device_id);

  g_assert_nonnull (params);
  return g_str_equal (json_object_get_string_member_with_default (params, "switch", ""), "on");
}

typedef struct
{
  CkSimServer *server;
  const char  *device_id;
  gboolean     expected;
} SimPowerWait;

static gboolean
sim_power_is (gpointer data)
{
  SimPowerWait *wait = data;

  return sim_power (wait->server, wait->device_id) == wait->expected;
}

static gboolean
device_is_settled (gpointer data)
{
  return !ck_device_get_pending (CK_DEVICE (data));
}

static RelayWindow *
open_demo (RelayDemo *demo)
{
  RelayWindow *window = relay_test_open_demo_window (demo);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* The plug switched from its row's switch, then with Space on the focused
 * row: the simulator follows both times and the switch shows the result. */
static void
test_demo_toggle (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayDemo) demo = relay_demo_new (FALSE, &error);
  RelayWindow *window;
  RelayDeviceRow *row;
  CkDevice *plug;
  GtkSwitch *power_switch;
  GtkListView *list_view;
  SimPowerWait wait;

  g_assert_no_error (error);
  window = open_demo (demo);
  wait.server = relay_demo_get_server (demo);
  wait.device_id = PLUG_ID;

  row = find_row (GTK_WIDGET (window), PLUG_ID);
  g_assert_nonnull (row);
  plug = relay_device_row_get_device (row);
  power_switch = relay_device_row_get_switch (row);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (power_switch)));
  g_assert_cmpint (gtk_switch_get_active (power_switch), ==, sim_power (wait.server, PLUG_ID));

  /* The switch, as a click would flip it. */
  wait.expected = !ck_device_get_power (plug);
  gtk_switch_set_active (power_switch, wait.expected);
  g_assert_cmpint (ck_device_get_power (plug), ==, wait.expected);
  relay_test_wait_until (sim_power_is, &wait, RELAY_TEST_WAIT_MS, "the simulator to switch the plug");
  relay_test_wait_until (device_is_settled, plug, RELAY_TEST_WAIT_MS, "the command to be confirmed");
  g_assert_cmpint (gtk_switch_get_state (power_switch), ==, wait.expected);

  /* Space on the focused row (the list item holds the focus). */
  list_view = relay_device_list_view_get_list (device_list (window));
  gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row)));
  wait.expected = !ck_device_get_power (plug);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list_view), "list.toggle-focused", NULL));
  relay_test_wait_until (sim_power_is, &wait, RELAY_TEST_WAIT_MS, "Space to switch the plug");
  relay_test_wait_until (device_is_settled, plug, RELAY_TEST_WAIT_MS, "the command to be confirmed");
  g_assert_cmpint (gtk_switch_get_active (power_switch), ==, wait.expected);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* An offline device's switch is locked and says why; nothing is sent. */
static void
test_demo_offline_row (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayDemo) demo = relay_demo_new (FALSE, &error);
  RelayWindow *window;
  RelayDeviceRow *row;
  GtkWidget *status;

  g_assert_no_error (error);
  window = open_demo (demo);

  row = find_row (GTK_WIDGET (window), OFFLINE_ID);
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (relay_device_row_get_switch (row))));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "dim-label"));
  status = gtk_widget_get_template_child (GTK_WIDGET (row), RELAY_TYPE_DEVICE_ROW, "status_label") != NULL
           ? GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), RELAY_TYPE_DEVICE_ROW, "status_label"))
           : NULL;
  g_assert_nonnull (status);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "Offline");
  g_assert_false (relay_device_row_toggle_power (row));
  g_assert_false (ck_device_get_pending (relay_device_row_get_device (row)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* Enter (list activation) opens the device page; Back returns to the list. */
static void
test_demo_open_device (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayDemo) demo = relay_demo_new (FALSE, &error);
  RelayWindow *window;
  GListModel *shown;
  GtkListView *list_view;

  g_assert_no_error (error);
  window = open_demo (demo);

  shown = relay_device_list_view_get_shown (device_list (window));
  list_view = relay_device_list_view_get_list (device_list (window));
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_cmpstr (relay_window_get_content_page (window), ==, "device");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  g_assert_cmpstr (relay_window_get_content_page (window), ==, "list");

  /* Search through the window's search entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  gtk_editable_set_text (GTK_EDITABLE (relay_test_find (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL)),
                         "kitchen");
  {
    gboolean filtered = FALSE;

    for (guint i = 0; i < 200 && !filtered; i++)
      {
        g_main_context_iteration (NULL, TRUE);
        filtered = g_list_model_get_n_items (shown) == 1;
      }
    g_assert_true (filtered);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* A dropped socket shows "reconnecting in N s" until the client is back. */
static void
test_demo_reconnect_banner (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayDemo) demo = relay_demo_new (FALSE, &error);
  RelayWindow *window;
  RelayConnectionBanner *banner;

  g_assert_no_error (error);
  window = open_demo (demo);
  banner = RELAY_CONNECTION_BANNER (relay_test_find (GTK_WIDGET (window), RELAY_TYPE_CONNECTION_BANNER, NULL));
  g_assert_nonnull (banner);
  g_assert_false (relay_connection_banner_get_shown (banner));

  g_object_set (relay_window_get_client (window), "reconnect-delay", 1500, NULL);
  g_assert_cmpuint (cksim_server_drop_sockets (relay_demo_get_server (demo), NULL), >, 0);
  relay_test_wait_until (relay_test_banner_shown, banner, RELAY_TEST_WAIT_MS, "the reconnect banner");
  g_assert_true (g_str_has_prefix (relay_connection_banner_get_text (banner), "Connection lost. Reconnecting"));
  g_assert_nonnull (strstr (relay_connection_banner_get_text (banner), "second"));

  /* Meanwhile the devices look stale. */
  {
    RelayDeviceRow *row = find_row (GTK_WIDGET (window), PLUG_ID);
    GtkLabel *status = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (row), RELAY_TYPE_DEVICE_ROW,
                                                                 "status_label"));

    g_assert_true (ck_device_get_stale (relay_device_row_get_device (row)));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "dim-label"));
    g_assert_cmpstr (gtk_label_get_text (status), ==, "Not updated");
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (status)));
  }
  relay_test_wait_until (relay_test_banner_hidden, banner, 2 * RELAY_TEST_WAIT_MS, "the connection to come back");
  g_assert_cmpint (ck_client_get_state (relay_window_get_client (window)), ==, CK_CLIENT_STATE_ONLINE);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static gboolean
client_is_online (gpointer data)
{
  return ck_client_get_state (CK_CLIENT (data)) == CK_CLIENT_STATE_ONLINE;
}

static gboolean
other_login_done (gpointer data)
{
  return *(gboolean *) data;
}

static void
other_login_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CkTokens) tokens G_GNUC_UNUSED = ck_api_login_finish (CK_API (object), result, &error);

  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* Signed in elsewhere with the same app id: the banner says so and offers a
 * deliberate "Sign In Here Again", which takes the session back. */
static void
test_demo_session_taken (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayDemo) demo = relay_demo_new (FALSE, &error);
  g_autofree char *server_template = NULL;
  g_autoptr(CkApi) other = NULL;
  RelayWindow *window;
  RelayConnectionBanner *banner;
  GtkWidget *button;
  gboolean done = FALSE;

  g_assert_no_error (error);
  window = open_demo (demo);
  banner = RELAY_CONNECTION_BANNER (relay_test_find (GTK_WIDGET (window), RELAY_TYPE_CONNECTION_BANNER, NULL));

  server_template = cksim_server_get_template (relay_demo_get_server (demo));
  other = ck_api_new (server_template, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);
  ck_api_login_async (other, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD, NULL, other_login_cb, &done);
  relay_test_wait_until (other_login_done, &done, RELAY_TEST_WAIT_MS, "the other login");
  relay_test_wait_until (relay_test_banner_shown, banner, RELAY_TEST_WAIT_MS, "the session-taken banner");
  g_assert_cmpint (ck_client_get_state (relay_window_get_client (window)), ==, CK_CLIENT_STATE_SESSION_TAKEN);
  g_assert_true (g_str_has_prefix (relay_connection_banner_get_text (banner), "This account signed in on another device"));
  button = relay_test_find (GTK_WIDGET (banner), GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));

  /* Nothing happens by itself... */
  relay_test_run_for (300);
  g_assert_cmpint (ck_client_get_state (relay_window_get_client (window)), ==, CK_CLIENT_STATE_SESSION_TAKEN);
  /* ...until the user asks. */
  g_signal_emit_by_name (button, "clicked");
  relay_test_wait_until (client_is_online, relay_window_get_client (window), RELAY_TEST_WAIT_MS, "the session back");
  relay_test_wait_until (relay_test_banner_hidden, banner, RELAY_TEST_WAIT_MS, "the banner to go");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static gboolean
op_done (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static void
device_moved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ck_client_move_device_to_group_finish (CK_CLIENT (object), result, &error));
  g_assert_no_error (error);
  *(gpointer *) user_data = object;
}

/* Each of the account's groups is a section of the sidebar. */
static void
test_demo_groups (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayDemo) demo = relay_demo_new (FALSE, &error);
  g_autoptr(CkGroup) group = NULL;
  g_autofree char *row_name = NULL;
  RelayWindow *window;
  CkClient *client;
  GtkListBox *sidebar;
  GtkWidget *row;
  gpointer moved = NULL;
  GListModel *shown;

  g_assert_no_error (error);
  window = open_demo (demo);
  client = relay_window_get_client (window);
  sidebar = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (window), RELAY_TYPE_WINDOW, "sidebar"));

  group = relay_test_create_group (client, "Kitchen & <b>Hall</b>");
  ck_client_move_device_to_group_async (client, ck_device_list_lookup (ck_client_get_devices (client), PLUG_ID),
                                        NULL, ck_group_get_id (group), CK_GROUP_MOVE_REPLACE_SOURCE,
                                        NULL, device_moved_cb, &moved);
  relay_test_wait_until (op_done, &moved, RELAY_TEST_WAIT_MS, "the plug to join the group");

  row_name = g_strdup_printf ("group-%s", ck_group_get_id (group));
  row = relay_test_find (GTK_WIDGET (sidebar), GTK_TYPE_LIST_BOX_ROW, row_name);
  g_assert_nonnull (row);
  /* Names are text, never markup. */
  g_assert_nonnull (relay_test_find (row, GTK_TYPE_LABEL, NULL));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (relay_test_find (row, GTK_TYPE_LABEL, NULL))), ==,
                   "Kitchen & <b>Hall</b>");

  gtk_list_box_select_row (sidebar, GTK_LIST_BOX_ROW (row));
  shown = relay_device_list_view_get_shown (device_list (window));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  {
    g_autoptr(CkDevice) only = g_list_model_get_item (shown, 0);

    g_assert_cmpstr (ck_device_get_id (only), ==, PLUG_ID);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static GSettings *
create_settings (void)
{
  /* The test environment compiles the schema into the build tree and uses
   * the memory backend: nothing reaches the user's settings. */
  g_assert_cmpstr (g_getenv ("GSETTINGS_BACKEND"), ==, "memory");
  return g_settings_new (RELAY_SETTINGS_SCHEMA);
}

static void
test_window_state_saved (void)
{
  g_autoptr(GSettings) settings = create_settings ();
  RelayWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 640);
  g_settings_set_int (settings, "window-height", 480);
  g_settings_set_string (settings, "sort-order", "online");

  window = g_object_ref (relay_window_new (NULL, settings));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 480);

  /* The sort order is a stateful action kept in the settings. */
  {
    g_autofree char *sort = NULL;

    g_object_get (window, "sort", &sort, NULL);
    g_assert_cmpstr (sort, ==, "online");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sort", "s", "name"));
  {
    g_autofree char *stored = g_settings_get_string (settings, "sort-order");

    g_assert_cmpstr (stored, ==, "name");
  }

  /* Only a realized window can be closed (and so save its state). */
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static gboolean
window_shows_sign_in (gpointer data)
{
  return g_str_equal (relay_window_get_page (RELAY_WINDOW (data)), "sign-in");
}

/* With no remembered app id, resuming shows the sign-in page without asking the keyring. */
static void
test_resume_without_session (void)
{
  g_autoptr(GSettings) settings = create_settings ();
  RelayWindow *window;

  g_settings_set_string (settings, "app-id", "");
  window = g_object_ref (relay_window_new (NULL, settings));
  relay_window_resume (window);
  relay_test_wait_until (window_shows_sign_in, window, RELAY_TEST_WAIT_MS, "the sign-in page");
  g_assert_null (relay_window_get_client (window));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_templates (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CkApi) api = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(CkDevice) device = NULL;
  GtkWidget *widget;
  GtkLabel *name;

  widget = g_object_ref_sink (relay_sign_in_page_new ());
  g_assert_finalize_object (widget);

  /* The shortcuts window GtkApplication loads for win.show-help-overlay. */
  {
    g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
    GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

    g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
    gtk_window_destroy (GTK_WINDOW (overlay));
  }

  widget = g_object_ref (GTK_WIDGET (relay_window_new (NULL, NULL)));
  gtk_window_destroy (GTK_WINDOW (widget));
  g_assert_finalize_object (widget);

  json_parser_load_from_data (parser,
                              "{\"deviceid\":\"1000abcdef\",\"name\":\"<b>Desk</b> & lamp\","
                              "\"online\":false,\"params\":{\"switch\":\"on\"},"
                              "\"extra\":{\"extra\":{\"uiid\":1,\"model\":\"PSF-B01-GL\"}}}",
                              -1, &error);
  g_assert_no_error (error);
  device = ck_device_new_from_json (json_node_get_object (json_parser_get_root (parser)), &error);
  g_assert_no_error (error);

  api = ck_api_new ("http://127.0.0.1:9/{region}", "app-id", "app-secret");
  client = ck_client_new (api);
  widget = g_object_ref_sink (relay_device_row_new (client));
  relay_device_row_set_device (RELAY_DEVICE_ROW (widget), device);
  /* The name is shown as text, never as markup, and an offline switch is locked. */
  name = GTK_LABEL (gtk_widget_get_template_child (widget, RELAY_TYPE_DEVICE_ROW, "name_label"));
  g_assert_cmpstr (gtk_label_get_text (name), ==, "<b>Desk</b> & lamp");
  g_assert_false (gtk_label_get_use_markup (name));
  g_assert_true (gtk_switch_get_active (relay_device_row_get_switch (RELAY_DEVICE_ROW (widget))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (relay_device_row_get_switch (RELAY_DEVICE_ROW (widget)))));
  /* Recycled: the row lets go of its device. */
  relay_device_row_set_device (RELAY_DEVICE_ROW (widget), NULL);
  g_assert_null (relay_device_row_get_device (RELAY_DEVICE_ROW (widget)));
  g_assert_finalize_object (widget);
}

int
main (int   argc,
      char *argv[])
{
  if (!relay_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/templates", test_templates);
  g_test_add_func ("/ui/window-state-saved", test_window_state_saved);
  g_test_add_func ("/ui/resume-without-session", test_resume_without_session);
  g_test_add_func ("/ui/demo-toggle", test_demo_toggle);
  g_test_add_func ("/ui/demo-offline-row", test_demo_offline_row);
  g_test_add_func ("/ui/demo-open-device", test_demo_open_device);
  g_test_add_func ("/ui/demo-reconnect-banner", test_demo_reconnect_banner);
  g_test_add_func ("/ui/demo-session-taken", test_demo_session_taken);
  g_test_add_func ("/ui/demo-groups", test_demo_groups);

  return g_test_run ();
}
