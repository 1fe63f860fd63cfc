/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-relayctl"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cksim-server.h"

/* relayctl end to end: one `relay-sim --demo --control` for the whole binary,
 * relayctl run as a subprocess against it, its answers checked against the
 * simulator's /_sim/state. The keyring entry is keyed by the simulator's
 * port, so parallel test binaries do not share a session. */

#define STEP_TIMEOUT_MS 2000
#define WRONG_PASSWORD  "not-the-demo-password"

static struct
{
  GSubprocess      *process;
  GDataInputStream *output; /* kept open: the simulator may print more */
  char             *url;
  char             *server_template;
  SoupSession      *http;
  /* An app pair of this run only (relay-sim --app), so that what the keyring
   * holds for it is this run's doing. */
  char             *app_id;
  char             *app_secret;
} sim;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static gboolean
on_step_timeout_cb (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;

  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @slot is set; fails the test after STEP_TIMEOUT_MS. */
static void
wait_for_result (GAsyncResult **slot,
                 const char    *what)
{
  gboolean expired = FALSE;
  guint timer = g_timeout_add (STEP_TIMEOUT_MS, on_step_timeout_cb, &expired);

  while (*slot == NULL && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (*slot == NULL)
    g_error ("%s took longer than %d ms", what, STEP_TIMEOUT_MS);

  g_source_remove (timer);
}

/* A failed assertion aborts the test; the simulator must not outlive it
 * (it holds meson's output pipes open). */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static char *
random_hex32 (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_auto(GStrv) parts = g_strsplit (uuid, "-", -1);

  return g_strjoinv (NULL, parts);
}

static void
sim_start (void)
{
  const char *relay_sim = g_getenv ("RELAY_SIM");
  const char *prefix = "relay-sim listening on ";
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autofree char *app_pair = NULL;

  g_assert_nonnull (relay_sim);
  sim.app_id = random_hex32 ();
  sim.app_secret = random_hex32 ();
  app_pair = g_strconcat (sim.app_id, ":", sim.app_secret, NULL);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  sim.process = g_subprocess_launcher_spawn (launcher, &error, relay_sim, "--demo", "--control",
                                             "--app", app_pair, NULL);
  g_assert_no_error (error);

  sim.output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sim.process));
  g_data_input_stream_read_line_async (sim.output, G_PRIORITY_DEFAULT, NULL, on_async_done, &result);
  wait_for_result (&result, "relay-sim start-up");
  line = g_data_input_stream_read_line_finish_utf8 (sim.output, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, prefix));

  sim.url = g_strdup (line + strlen (prefix));
  g_assert_true (g_str_has_prefix (sim.url, "http://127.0.0.1:"));
  sim.server_template = g_strconcat (sim.url, "/{region}", NULL);
  sim.http = soup_session_new ();
}

static void
sim_stop (void)
{
  g_subprocess_force_exit (sim.process);
  g_subprocess_wait (sim.process, NULL, NULL);
  g_clear_object (&sim.output);
  g_clear_object (&sim.process);
  g_clear_object (&sim.http);
  g_clear_pointer (&sim.url, g_free);
  g_clear_pointer (&sim.server_template, g_free);
  g_clear_pointer (&sim.app_id, g_free);
  g_clear_pointer (&sim.app_secret, g_free);
}

static JsonNode *
sim_get_state (void)
{
  g_autofree char *uri = g_strconcat (sim.url, "/_sim/state", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  JsonNode *state;
  gsize size;
  const char *data;

  soup_session_send_and_read_async (sim.http, message, G_PRIORITY_DEFAULT, NULL,
                                    on_async_done, &result);
  wait_for_result (&result, "GET /_sim/state");
  body = soup_session_send_and_read_finish (sim.http, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);

  data = g_bytes_get_data (body, &size);
  state = json_from_string (data != NULL ? data : "", &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (state));

  return state;
}

/* The demo account's devices in the simulator, in its order. (element-type JsonObject) */
static GPtrArray *
sim_demo_devices (JsonNode *state)
{
  JsonObject *root = json_node_get_object (state);
  JsonArray *users = json_object_get_array_member (root, "users");
  JsonArray *devices = json_object_get_array_member (root, "devices");
  GPtrArray *owned = g_ptr_array_new ();
  const char *apikey = NULL;

  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      JsonObject *user = json_array_get_object_element (users, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (user, "email", ""),
                     CKSIM_DEMO_EMAIL) == 0)
        apikey = json_object_get_string_member (user, "apikey");
    }
  g_assert_nonnull (apikey);

  for (guint i = 0; i < json_array_get_length (devices); i++)
    {
      JsonObject *device = json_array_get_object_element (devices, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (device, "owner", ""), apikey) == 0)
        g_ptr_array_add (owned, device);
    }

  return owned;
}

/* An online single-relay device (UIID 1, 6 or 14: one `switch` param). (transfer none) */
static JsonObject *
sim_find_online_relay (GPtrArray *devices)
{
  for (guint i = 0; i < devices->len; i++)
    {
      JsonObject *device = g_ptr_array_index (devices, i);
      gint64 uiid = json_object_get_int_member (device, "uiid");

      if (json_object_get_boolean_member (device, "online") && (uiid == 1 || uiid == 6 || uiid == 14))
        return device;
    }

  return NULL;
}

/* The demo's offline device. (transfer none) */
static JsonObject *
sim_find_offline_device (GPtrArray *devices)
{
  for (guint i = 0; i < devices->len; i++)
    {
      JsonObject *device = g_ptr_array_index (devices, i);

      if (!json_object_get_boolean_member (device, "online"))
        return device;
    }

  return NULL;
}

static char *
sim_get_switch (const char *device_id)
{
  g_autoptr(JsonNode) state = sim_get_state ();
  g_autoptr(GPtrArray) devices = sim_demo_devices (state);

  for (guint i = 0; i < devices->len; i++)
    {
      JsonObject *device = g_ptr_array_index (devices, i);

      if (g_str_equal (json_object_get_string_member (device, "deviceid"), device_id))
        return g_strdup (json_object_get_string_member (json_object_get_object_member (device, "params"),
                                                        "switch"));
    }

  g_error ("device %s is not in the simulator's state", device_id);
}

/* Nothing secret in anything relayctl prints: passwords, app secrets, 40-hex tokens. */
static void
assert_no_secrets (const char *text)
{
  g_assert_null (strstr (text, CKSIM_DEMO_PASSWORD));
  g_assert_null (strstr (text, WRONG_PASSWORD));
  g_assert_null (strstr (text, CKSIM_EXAMPLE_APP_SECRET));
  g_assert_null (strstr (text, CKSIM_EXAMPLE2_APP_SECRET));
  g_assert_false (g_regex_match_simple ("[0-9a-fA-F]{40}", text, 0, 0));
}

/* A failure is exactly one line on stderr, prefixed with the tool's name. */
static void
assert_one_line_error (const Run *run)
{
  g_assert_cmpint (run->status, !=, 0);
  g_assert_true (g_str_has_prefix (run->err, "relayctl: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_cmpint (strchr (run->err, '\n') - run->err, ==, strlen (run->err) - 1);
}

/* Runs relayctl with --server and --app-id set. NULL @app_secret or @password
 * leaves the variable unset; @input goes to stdin. */
static Run *
run_relayctl_full (const char         *app_id,
                   const char         *app_secret,
                   const char         *password,
                   const char         *input,
                   const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GStrvBuilder) argv_builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  const char *relayctl = g_getenv ("RELAYCTL");
  Run *run = g_new0 (Run, 1);

  g_assert_nonnull (relayctl);
  g_strv_builder_add_many (argv_builder, relayctl, "--server", sim.server_template, NULL);
  if (app_id != NULL)
    g_strv_builder_add_many (argv_builder, "--app-id", app_id, NULL);
  g_strv_builder_addv (argv_builder, (const char **) args);
  argv = g_strv_builder_end (argv_builder);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "RELAY_APP_ID");
  if (app_secret != NULL)
    g_subprocess_launcher_setenv (launcher, "RELAY_APP_SECRET", app_secret, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "RELAY_APP_SECRET");
  if (password != NULL)
    g_subprocess_launcher_setenv (launcher, "RELAY_PASSWORD", password, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "RELAY_PASSWORD");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8_async (process, input, NULL, on_async_done, &result);
  wait_for_result (&result, "a relayctl run");
  g_subprocess_communicate_utf8_finish (process, result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);

  g_test_message ("relayctl %s → %d\nstdout: %s\nstderr: %s",
                  args[0], run->status, run->out, run->err);
  assert_no_secrets (run->out);
  assert_no_secrets (run->err);

  return run;
}

#define run_relayctl(password, ...) \
  run_relayctl_full (CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, (password), NULL, \
                     (const char * const[]) { __VA_ARGS__, NULL })

static void
login_demo (void)
{
  g_autoptr(Run) run = run_relayctl (CKSIM_DEMO_PASSWORD, "login", "--email", CKSIM_DEMO_EMAIL);

  g_assert_cmpint (run->status, ==, 0);
}

static void
test_help (void)
{
  g_autoptr(Run) run = run_relayctl (NULL, "--help");
  g_autoptr(Run) on_help = run_relayctl (NULL, "on", "--help");
  const char *const global_words[] = { "--server", "--region", "--app-id", "--ca-file", "--json",
                                       "--timeout", "login", "logout", "devices", "toggle",
                                       "RELAY_PASSWORD", "RELAY_APP_SECRET", "Exit status" };

  g_assert_cmpint (run->status, ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (global_words); i++)
    g_assert_nonnull (strstr (run->out, global_words[i]));

  g_assert_cmpint (on_help->status, ==, 0);
  g_assert_nonnull (strstr (on_help->out, "relayctl on"));
  g_assert_nonnull (strstr (on_help->out, "DEVICE"));
}

static void
test_usage_errors (void)
{
  g_autoptr(Run) unknown = run_relayctl (NULL, "frobnicate");
  g_autoptr(Run) no_identity = run_relayctl (CKSIM_DEMO_PASSWORD, "login");
  g_autoptr(Run) no_device = run_relayctl (NULL, "on");
  g_autoptr(Run) bad_phone = run_relayctl (CKSIM_DEMO_PASSWORD, "login", "--phone", "12345");

  assert_one_line_error (unknown);
  g_assert_cmpint (unknown->status, ==, 2);
  g_assert_nonnull (strstr (unknown->err, "frobnicate"));
  assert_one_line_error (no_identity);
  g_assert_cmpint (no_identity->status, ==, 2);
  assert_one_line_error (no_device);
  g_assert_cmpint (no_device->status, ==, 2);
  assert_one_line_error (bad_phone);
  g_assert_cmpint (bad_phone->status, ==, 2);
}

static void
test_login (void)
{
  g_autoptr(Run) run = run_relayctl (CKSIM_DEMO_PASSWORD, "login", "--email", CKSIM_DEMO_EMAIL);
  g_autoptr(Run) from_stdin = run_relayctl_full (CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NULL,
                                                 CKSIM_DEMO_PASSWORD "\n",
                                                 (const char * const[]) { "--json", "login", "--email",
                                                                          CKSIM_DEMO_EMAIL, NULL });
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_nonnull (strstr (run->out, CKSIM_DEMO_EMAIL));

  g_assert_cmpint (from_stdin->status, ==, 0);
  answer = json_from_string (from_stdin->out, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (answer), "signed_in"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "region"), ==,
                   CKSIM_DEMO_REGION);
}

static void
test_unreachable_server (void)
{
  /* Nothing listens on loopback port 1: a network-class failure. */
  const char *const args[] = { "--server", "http://127.0.0.1:1/{region}", "login", "--email",
                               CKSIM_DEMO_EMAIL, NULL };
  g_autoptr(Run) run = run_relayctl_full (CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET,
                                          CKSIM_DEMO_PASSWORD, NULL, args);

  assert_one_line_error (run);
  g_assert_cmpint (run->status, ==, 6);
}

static void
test_login_wrong_password (void)
{
  g_autoptr(Run) run = run_relayctl (WRONG_PASSWORD, "login", "--email", CKSIM_DEMO_EMAIL);

  assert_one_line_error (run);
  g_assert_cmpint (run->status, ==, 3);
  g_assert_cmpstr (run->err, ==, "relayctl: wrong e-mail or password\n");
  g_assert_cmpstr (run->out, ==, "");
}

static void
test_devices (void)
{
  g_autoptr(JsonNode) state = sim_get_state ();
  g_autoptr(GPtrArray) expected = sim_demo_devices (state);
  g_autoptr(Run) json_run = NULL;
  g_autoptr(Run) table_run = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *array;

  login_demo ();
  json_run = run_relayctl (NULL, "devices", "--json");
  table_run = run_relayctl (NULL, "devices");

  /* The demo account has a dozen devices (issue 2). */
  g_assert_cmpuint (expected->len, >=, 10);

  g_assert_cmpint (json_run->status, ==, 0);
  listed = json_from_string (json_run->out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (listed));
  array = json_node_get_array (listed);
  g_assert_cmpuint (json_array_get_length (array), ==, expected->len);

  for (guint i = 0; i < expected->len; i++)
    {
      JsonObject *want = g_ptr_array_index (expected, i);
      JsonObject *got = json_array_get_object_element (array, i);
      JsonObject *params = json_object_get_object_member (want, "params");

      g_assert_cmpstr (json_object_get_string_member (got, "id"), ==,
                       json_object_get_string_member (want, "deviceid"));
      g_assert_cmpstr (json_object_get_string_member (got, "name"), ==,
                       json_object_get_string_member (want, "name"));
      g_assert_cmpint (json_object_get_int_member (got, "uiid"), ==,
                       json_object_get_int_member (want, "uiid"));
      g_assert_cmpint (json_object_get_boolean_member (got, "online"), ==,
                       json_object_get_boolean_member (want, "online"));
      g_assert_true (json_object_has_member (got, "power"));
      g_assert_true (json_object_has_member (got, "model"));
      if (json_object_has_member (params, "switch"))
        g_assert_cmpint (json_object_get_boolean_member (got, "power"), ==,
                         g_str_equal (json_object_get_string_member (params, "switch"), "on"));
    }

  /* The table: a heading and one line per device, each naming it. */
  g_assert_cmpint (table_run->status, ==, 0);
  lines = g_strsplit (g_strchomp (table_run->out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, expected->len + 1);
  g_assert_true (g_str_has_prefix (lines[0], "NAME"));
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (g_str_has_prefix (lines[i + 1],
                                     json_object_get_string_member (g_ptr_array_index (expected, i),
                                                                    "name")));
}

static void
test_on_off (void)
{
  g_autoptr(JsonNode) state = sim_get_state ();
  g_autoptr(GPtrArray) devices = sim_demo_devices (state);
  JsonObject *device = sim_find_online_relay (devices);
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_on = NULL;
  g_autofree char *after_off = NULL;
  g_autofree char *after_toggle = NULL;

  g_assert_nonnull (device);
  id = g_strdup (json_object_get_string_member (device, "deviceid"));
  name = g_strdup (json_object_get_string_member (device, "name"));
  login_demo ();

  {
    g_autoptr(Run) on = run_relayctl (NULL, "on", name);

    g_assert_cmpint (on->status, ==, 0);
    g_assert_nonnull (strstr (on->out, name));
    after_on = sim_get_switch (id);
    g_assert_cmpstr (after_on, ==, "on");
  }
  {
    g_autoptr(Run) off = run_relayctl (NULL, "off", name);

    g_assert_cmpint (off->status, ==, 0);
    after_off = sim_get_switch (id);
    g_assert_cmpstr (after_off, ==, "off");
  }
  {
    /* By id this time; toggling from off turns it on. */
    g_autoptr(Run) toggle = run_relayctl (NULL, "--json", "toggle", id);
    g_autoptr(JsonNode) answer = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (toggle->status, ==, 0);
    answer = json_from_string (toggle->out, &error);
    g_assert_no_error (error);
    g_assert_true (json_object_get_boolean_member (json_node_get_object (answer), "power"));
    after_toggle = sim_get_switch (id);
    g_assert_cmpstr (after_toggle, ==, "on");
  }
}

static void
test_offline_device (void)
{
  g_autoptr(JsonNode) state = sim_get_state ();
  g_autoptr(GPtrArray) devices = sim_demo_devices (state);
  JsonObject *device = sim_find_offline_device (devices);
  g_autofree char *expected = NULL;
  g_autoptr(Run) run = NULL;

  g_assert_nonnull (device);
  login_demo ();
  run = run_relayctl (NULL, "toggle", json_object_get_string_member (device, "name"));

  assert_one_line_error (run);
  g_assert_cmpint (run->status, ==, 5);
  expected = g_strdup_printf ("relayctl: %s is offline\n", json_object_get_string_member (device, "name"));
  g_assert_cmpstr (run->err, ==, expected);
}

static void
test_unknown_device (void)
{
  g_autoptr(Run) run = NULL;

  login_demo ();
  run = run_relayctl (NULL, "on", "No such device here");

  assert_one_line_error (run);
  g_assert_cmpint (run->status, ==, 4);
  g_assert_nonnull (strstr (run->err, "No such device here"));
}

static void
test_logout (void)
{
  g_autoptr(Run) logout = NULL;
  g_autoptr(Run) devices = NULL;

  login_demo ();
  logout = run_relayctl (NULL, "logout");
  devices = run_relayctl (NULL, "devices");

  g_assert_cmpint (logout->status, ==, 0);
  assert_one_line_error (devices);
  g_assert_cmpint (devices->status, ==, 3);
  g_assert_cmpstr (devices->err, ==, "relayctl: not signed in (run relayctl login)\n");
}

static void
test_app_secret_from_keyring (void)
{
  const char *const store_args[] = { "app-secret", NULL };
  const char *const login_args[] = { "login", "--email", CKSIM_DEMO_EMAIL, NULL };
  g_autofree char *input = g_strconcat (sim.app_secret, "\n", NULL);
  g_autoptr(Run) missing = run_relayctl_full (sim.app_id, NULL, CKSIM_DEMO_PASSWORD, NULL, login_args);
  g_autoptr(Run) store = run_relayctl_full (sim.app_id, NULL, NULL, input, store_args);
  g_autoptr(Run) login = run_relayctl_full (sim.app_id, NULL, CKSIM_DEMO_PASSWORD, NULL, login_args);

  /* Before it is stored: an auth-class failure naming the way out. */
  assert_one_line_error (missing);
  g_assert_cmpint (missing->status, ==, 3);
  g_assert_nonnull (strstr (missing->err, "RELAY_APP_SECRET"));

  g_assert_cmpint (store->status, ==, 0);
  g_assert_null (strstr (store->out, sim.app_secret));

  /* The secret now comes from the keyring (RELAY_APP_SECRET is unset). */
  g_assert_cmpint (login->status, ==, 0);
  g_assert_null (strstr (login->out, sim.app_secret));
  g_assert_null (strstr (login->err, sim.app_secret));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  sim_start ();

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/login", test_login);
  g_test_add_func ("/cli/login-wrong-password", test_login_wrong_password);
  g_test_add_func ("/cli/unreachable-server", test_unreachable_server);
  g_test_add_func ("/cli/devices", test_devices);
  g_test_add_func ("/cli/on-off", test_on_off);
  g_test_add_func ("/cli/offline-device", test_offline_device);
  g_test_add_func ("/cli/unknown-device", test_unknown_device);
  g_test_add_func ("/cli/logout", test_logout);
  g_test_add_func ("/cli/app-secret-from-keyring", test_app_secret_from_keyring);

  status = g_test_run ();
  sim_stop ();

  return status;
}
