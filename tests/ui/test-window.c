/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>

#include "relay-application.h"
#include "relay-demo.h"
#include "relay-device-row.h"
#include "relay-sign-in-page.h"
#include "relay-window.h"

#define WAIT_MS 2000

typedef gboolean (*Condition) (gpointer data);

static void
on_deadline_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Runs the main loop until @condition holds; fails the test after @timeout_ms. */
static void
wait_until (Condition   condition,
            gpointer    data,
            guint       timeout_ms,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint deadline = g_timeout_add_once (timeout_ms, on_deadline_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out after %u ms waiting for %s", timeout_ms, what);
  g_source_remove (deadline);
}

/* Handles what is ready now without blocking. */
static void
drain_main_loop (void)
{
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gboolean
window_shows_devices (gpointer data)
{
  RelayWindow *window = data;

  return g_str_equal (relay_window_get_page (window), "devices") &&
         gtk_list_box_get_row_at_index (relay_window_get_device_list (window), 0) != NULL;
}

/* The simulator's power of a single-channel device: "switch" is "on" or "off". */
static gboolean
sim_power (CkSimServer *server,
           const char  *device_id)
{
  JsonObject *params = cksim_server_get_device_params (server, device_id);

  g_assert_nonnull (params);
  return g_str_equal (json_object_get_string_member_with_default (params, "switch", ""), "on");
}

static char *
sim_params_text (CkSimServer *server,
                 const char  *device_id)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, cksim_server_get_device_params (server, device_id));
  return json_to_string (node, FALSE);
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

typedef struct
{
  RelayDeviceRow *row;
  gboolean        expected;
} SwitchWait;

static gboolean
switch_is (gpointer data)
{
  SwitchWait *wait = data;

  return gtk_switch_get_active (relay_device_row_get_switch (wait->row)) == wait->expected;
}

static gboolean
device_is_settled (gpointer data)
{
  return !ck_device_get_pending (CK_DEVICE (data));
}

/* The first row whose device matches: online with a single "switch", or offline. */
static RelayDeviceRow *
find_row (RelayWindow *window,
          gboolean     online)
{
  GtkListBox *list = relay_window_get_device_list (window);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      CkDevice *device = relay_device_row_get_device (RELAY_DEVICE_ROW (row));
      JsonObject *params = ck_device_get_params (device);

      if (ck_device_get_online (device) != online)
        continue;
      if (online && !(ck_device_get_has_power (device) && params != NULL &&
                      json_object_has_member (params, "switch")))
        continue;
      return RELAY_DEVICE_ROW (row);
    }

  return NULL;
}

/* Activates @row as a user would (Enter on the row) and waits for the simulator. */
static void
toggle_and_wait (RelayDemo      *demo,
                 RelayDeviceRow *row)
{
  CkDevice *device = relay_device_row_get_device (row);
  GtkSwitch *power_switch = relay_device_row_get_switch (row);
  SimPowerWait wait = {
    relay_demo_get_server (demo), ck_device_get_id (device), FALSE,
  };
  SwitchWait switch_wait = { row, FALSE };

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (power_switch)));
  g_assert_cmpint (gtk_switch_get_active (power_switch), ==, ck_device_get_power (device));
  g_assert_cmpint (sim_power (wait.server, wait.device_id), ==, ck_device_get_power (device));

  wait.expected = switch_wait.expected = !ck_device_get_power (device);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));

  /* The switch animates before it flips; the device then shows the value at
   * once (pending) and the simulator confirms it. */
  wait_until (switch_is, &switch_wait, WAIT_MS, "the switch to flip");
  g_assert_cmpint (ck_device_get_power (device), ==, wait.expected);
  wait_until (sim_power_is, &wait, WAIT_MS, "the simulator to switch the device");
  wait_until (device_is_settled, device, WAIT_MS, "the command to be confirmed");
  g_assert_cmpint (ck_device_get_power (device), ==, wait.expected);
  g_assert_cmpint (gtk_switch_get_active (power_switch), ==, wait.expected);
  g_assert_cmpint (gtk_switch_get_state (power_switch), ==, wait.expected);
}

static void
test_demo_toggle (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayDemo) demo = NULL;
  RelayWindow *window;
  RelayDeviceRow *plug_row, *offline_row;
  CkDevice *offline_device;
  g_autofree char *offline_before = NULL;
  g_autofree char *offline_after = NULL;
  gboolean offline_power;

  demo = relay_demo_new (&error);
  g_assert_no_error (error);
  g_assert_nonnull (demo);
  g_assert_true (g_str_has_prefix (relay_demo_get_url (demo), "http://127.0.0.1:"));

  window = g_object_ref (relay_demo_open_window (demo, NULL));
  wait_until (window_shows_devices, window, WAIT_MS, "the device list");

  plug_row = find_row (window, TRUE);
  g_assert_nonnull (plug_row);
  offline_row = find_row (window, FALSE);
  g_assert_nonnull (offline_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (offline_row)), ==, "Offline");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (plug_row)));

  toggle_and_wait (demo, plug_row);

  /* The offline device's switch cannot be used, and activating its row sends nothing. */
  offline_device = relay_device_row_get_device (offline_row);
  offline_power = ck_device_get_power (offline_device);
  offline_before = sim_params_text (relay_demo_get_server (demo), ck_device_get_id (offline_device));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (relay_device_row_get_switch (offline_row))));
  gtk_widget_activate (GTK_WIDGET (offline_row));
  drain_main_loop ();
  g_assert_false (ck_device_get_pending (offline_device));

  /* Another full round trip: had anything been sent for the offline device, it would be in. */
  toggle_and_wait (demo, plug_row);
  offline_after = sim_params_text (relay_demo_get_server (demo), ck_device_get_id (offline_device));
  g_assert_cmpstr (offline_after, ==, offline_before);
  g_assert_cmpint (ck_device_get_power (offline_device), ==, offline_power);

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

  g_settings_set_int (settings, "window-width", 640);
  g_settings_set_int (settings, "window-height", 480);

  window = g_object_ref (relay_window_new (NULL, settings));
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 640);
    g_assert_cmpint (height, ==, 480);
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
  wait_until (window_shows_sign_in, window, WAIT_MS, "the sign-in page");
  g_assert_null (relay_window_get_client (window));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
on_submitted_cb (RelaySignInPage *page,
                 guint           *count)
{
  (*count)++;
}

static void
fill_row (GtkWidget  *page,
          const char *row_name,
          const char *text)
{
  GObject *row = gtk_widget_get_template_child (page, RELAY_TYPE_SIGN_IN_PAGE, row_name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The form is only submitted when complete, and not twice while busy. */
static void
test_sign_in_page_submit (void)
{
  GtkWidget *page = g_object_ref_sink (relay_sign_in_page_new ());
  guint submitted = 0;

  g_signal_connect (page, "submitted", G_CALLBACK (on_submitted_cb), &submitted);

  gtk_widget_activate_action (page, "sign-in.submit", NULL);
  g_assert_cmpuint (submitted, ==, 0);

  fill_row (page, "identity_row", "someone@example.com");
  fill_row (page, "password_row", "secret");
  fill_row (page, "app_id_row", "app");
  gtk_widget_activate_action (page, "sign-in.submit", NULL);
  g_assert_cmpuint (submitted, ==, 0);

  fill_row (page, "app_secret_row", "app-secret");
  gtk_widget_activate_action (page, "sign-in.submit", NULL);
  g_assert_cmpuint (submitted, ==, 1);

  relay_sign_in_page_set_busy (RELAY_SIGN_IN_PAGE (page), TRUE);
  gtk_widget_activate_action (page, "sign-in.submit", NULL);
  g_assert_cmpuint (submitted, ==, 1);

  g_assert_finalize_object (page);
}

static gboolean
sign_in_error_shown (gpointer data)
{
  GtkWidget *label = data;

  return gtk_widget_get_visible (label);
}

/* A wrong password reads as a sentence on the sign-in page, and nothing is remembered. */
static void
test_sign_in_wrong_password (void)
{
  g_autoptr(GSettings) settings = create_settings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayDemo) demo = NULL;
  g_autofree char *server_template = NULL;
  g_autofree char *app_id = NULL;
  RelayWindow *window;
  GtkWidget *page;
  GtkWidget *error_label;

  demo = relay_demo_new (&error);
  g_assert_no_error (error);
  server_template = cksim_server_get_template (relay_demo_get_server (demo));

  g_settings_set_string (settings, "app-id", "");
  window = g_object_ref (relay_window_new (NULL, settings));
  relay_window_resume (window);
  wait_until (window_shows_sign_in, window, WAIT_MS, "the sign-in page");

  page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), RELAY_TYPE_WINDOW,
                                                    "sign_in_page"));
  error_label = GTK_WIDGET (gtk_widget_get_template_child (page, RELAY_TYPE_SIGN_IN_PAGE,
                                                           "error_label"));
  fill_row (page, "server_row", server_template);
  fill_row (page, "app_id_row", CKSIM_EXAMPLE2_APP_ID);
  fill_row (page, "app_secret_row", CKSIM_EXAMPLE2_APP_SECRET);
  fill_row (page, "identity_row", relay_demo_get_email (demo));
  fill_row (page, "password_row", "not-the-password");
  gtk_widget_activate_action (page, "sign-in.submit", NULL);

  wait_until (sign_in_error_shown, error_label, WAIT_MS, "the sign-in error");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "The account or the password is not right.");
  g_assert_cmpstr (relay_window_get_page (window), ==, "sign-in");
  g_assert_cmpuint (cksim_server_get_login_count (relay_demo_get_server (demo)), ==, 0);
  app_id = g_settings_get_string (settings, "app-id");
  g_assert_cmpstr (app_id, ==, "");

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

  widget = g_object_ref_sink (relay_sign_in_page_new ());
  g_assert_finalize_object (widget);

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
  widget = g_object_ref_sink (relay_device_row_new (client, device));
  /* The name is shown as text, never as markup, and an offline switch is locked. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), ==, "<b>Desk</b> & lamp");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (widget)));
  g_assert_true (gtk_switch_get_active (relay_device_row_get_switch (RELAY_DEVICE_ROW (widget))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (relay_device_row_get_switch (RELAY_DEVICE_ROW (widget)))));
  g_assert_finalize_object (widget);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/ui/templates", test_templates);
  g_test_add_func ("/ui/window-state-saved", test_window_state_saved);
  g_test_add_func ("/ui/resume-without-session", test_resume_without_session);
  g_test_add_func ("/ui/sign-in-page-submit", test_sign_in_page_submit);
  g_test_add_func ("/ui/sign-in-wrong-password", test_sign_in_wrong_password);
  g_test_add_func ("/ui/demo-toggle", test_demo_toggle);

  return g_test_run ();
}
