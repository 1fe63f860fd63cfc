/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-relayctl"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <libsoup/soup.h>

#include "relayctl-test-util.h"

#define STEP_TIMEOUT_MS 2000

TestSim sim;

static GSubprocess      *sim_process;
static GDataInputStream *sim_output; /* kept open: the simulator prints codes */
static SoupSession      *sim_http;
static GPtrArray        *secrets;

/* Every variable relayctl reads; each run sets exactly the ones it names. */
static const char *const relay_variables[] = {
  "RELAY_APP_ID", "RELAY_APP_SECRET", "RELAY_PASSWORD", "RELAY_NEW_PASSWORD", "RELAY_CODE",
  "RELAY_DEVICE_APIKEY", "RELAY_GSM_ID",
};

void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

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

char *
unique_email (const char *prefix)
{
  g_autofree char *tag = random_hex32 ();

  tag[8] = '\0';

  return g_strdup_printf ("%s-%s@relay.example", prefix, tag);
}

void
register_secret (const char *secret)
{
  g_assert_nonnull (secret);
  g_assert_cmpuint (strlen (secret), >=, 4);
  g_ptr_array_add (secrets, g_strdup (secret));
}

void
sim_start (void)
{
  sim_start_with (NULL);
}

void
sim_start_with (const char * const *extra_args)
{
  const char *relay_sim = g_getenv ("RELAY_SIM");
  const char *prefix = "relay-sim listening on ";
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autofree char *app_pair = NULL;
  g_autoptr(GStrvBuilder) argv_builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  g_assert_nonnull (relay_sim);
  secrets = g_ptr_array_new_with_free_func (g_free);
  sim.app_id = random_hex32 ();
  sim.app_secret = random_hex32 ();
  app_pair = g_strconcat (sim.app_id, ":", sim.app_secret, NULL);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  g_strv_builder_add_many (argv_builder, relay_sim, "--demo", "--control", "--app", app_pair, NULL);
  if (extra_args != NULL)
    g_strv_builder_addv (argv_builder, (const char **) extra_args);
  argv = g_strv_builder_end (argv_builder);
  sim_process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
  g_assert_no_error (error);

  sim_output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sim_process));
  g_data_input_stream_read_line_async (sim_output, G_PRIORITY_DEFAULT, NULL, on_async_done, &result);
  wait_for_result (&result, "relay-sim start-up");
  line = g_data_input_stream_read_line_finish_utf8 (sim_output, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, prefix));

  sim.url = g_strdup (line + strlen (prefix));
  g_assert_true (g_str_has_prefix (sim.url, "http://127.0.0.1:"));
  sim.server_template = g_strconcat (sim.url, "/{region}", NULL);
  sim_http = soup_session_new ();

  /* What no output may show, whatever the command. */
  register_secret (CKSIM_DEMO_PASSWORD);
  register_secret (CKSIM_DEMO_GUEST_PASSWORD);
  register_secret (WRONG_PASSWORD);
  register_secret (CKSIM_EXAMPLE_APP_SECRET);
  register_secret (CKSIM_EXAMPLE2_APP_SECRET);
  register_secret (CKSIM_FACTORY_DEVICE_APIKEY);
  register_secret (CKSIM_FACTORY_DEVICE4_APIKEY);
  register_secret (CKSIM_FACTORY_GSM_APIKEY);
  register_secret (CKSIM_FACTORY_GSM_GSMID);
  {
    g_autofree char *gsm_id_upper = g_ascii_strup (CKSIM_FACTORY_GSM_GSMID, -1);

    register_secret (gsm_id_upper);
  }
  register_secret (sim.app_secret);
}

void
sim_stop (void)
{
  g_subprocess_force_exit (sim_process);
  g_subprocess_wait (sim_process, NULL, NULL);
  g_clear_object (&sim_output);
  g_clear_object (&sim_process);
  g_clear_object (&sim_http);
  g_clear_pointer (&sim.url, g_free);
  g_clear_pointer (&sim.server_template, g_free);
  g_clear_pointer (&sim.app_id, g_free);
  g_clear_pointer (&sim.app_secret, g_free);
  g_clear_pointer (&secrets, g_ptr_array_unref);
}

int
run_tests_and_stop_sim (void)
{
  int status = g_test_run ();

  sim_stop ();

  return status;
}

JsonNode *
sim_call (const char *method,
          const char *path,
          const char *body,
          guint       expected_status)
{
  g_autofree char *uri = g_strconcat (sim.url, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, uri);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = NULL;
  JsonNode *node;
  const char *data;
  gsize size;

  g_assert_nonnull (message);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }

  soup_session_send_and_read_async (sim_http, message, G_PRIORITY_DEFAULT, NULL, on_async_done, &result);
  wait_for_result (&result, path);
  answer = soup_session_send_and_read_finish (sim_http, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, expected_status);

  data = g_bytes_get_data (answer, &size);
  node = json_from_string (data != NULL ? data : "", &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return node;
}

JsonNode *
sim_get_state (void)
{
  return sim_call ("GET", "/_sim/state", NULL, SOUP_STATUS_OK);
}

char *
sim_get_code (const char *identity)
{
  g_autofree char *escaped = g_uri_escape_string (identity, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/_sim/code?identity=", escaped, NULL);
  g_autoptr(JsonNode) answer = sim_call ("GET", path, NULL, SOUP_STATUS_OK);
  const char *code = json_object_get_string_member (json_node_get_object (answer), "code");

  g_assert_nonnull (code);

  return g_strdup (code);
}

const char *
sim_user_apikey (JsonNode   *state,
                 const char *identity)
{
  JsonArray *users = json_object_get_array_member (json_node_get_object (state), "users");

  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      JsonObject *user = json_array_get_object_element (users, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (user, "email", ""), identity) == 0)
        return json_object_get_string_member (user, "apikey");
    }

  return NULL;
}

GPtrArray *
sim_user_devices (JsonNode   *state,
                  const char *owner)
{
  JsonArray *devices = json_object_get_array_member (json_node_get_object (state), "devices");
  const char *apikey = sim_user_apikey (state, owner);
  GPtrArray *owned = g_ptr_array_new ();

  g_assert_nonnull (apikey);

  for (guint i = 0; i < json_array_get_length (devices); i++)
    {
      JsonObject *device = json_array_get_object_element (devices, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (device, "owner", ""), apikey) == 0)
        g_ptr_array_add (owned, device);
    }

  return owned;
}

GPtrArray *
sim_demo_devices (JsonNode *state)
{
  return sim_user_devices (state, CKSIM_DEMO_EMAIL);
}

JsonObject *
sim_find_device (JsonNode   *state,
                 const char *device_id)
{
  JsonArray *devices = json_object_get_array_member (json_node_get_object (state), "devices");

  for (guint i = 0; i < json_array_get_length (devices); i++)
    {
      JsonObject *device = json_array_get_object_element (devices, i);

      if (g_strcmp0 (json_object_get_string_member (device, "deviceid"), device_id) == 0)
        return device;
    }

  return NULL;
}

JsonObject *
sim_params (const char *device_id)
{
  g_autoptr(JsonNode) state = sim_get_state ();
  JsonObject *device = sim_find_device (state, device_id);

  g_assert_nonnull (device);

  return json_object_ref (json_object_get_object_member (device, "params"));
}

static gint
compare_index (gconstpointer a,
               gconstpointer b)
{
  gint64 index_a = json_object_get_int_member (*(JsonObject **) a, "index");
  gint64 index_b = json_object_get_int_member (*(JsonObject **) b, "index");

  return index_a < index_b ? -1 : index_a > index_b;
}

GPtrArray *
sim_user_groups (JsonNode   *state,
                 const char *owner)
{
  JsonArray *groups = json_object_get_array_member (json_node_get_object (state), "groups");
  const char *apikey = sim_user_apikey (state, owner);
  GPtrArray *owned = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *group = json_array_get_object_element (groups, i);

      if (g_strcmp0 (json_object_get_string_member (group, "owner"), apikey) == 0)
        g_ptr_array_add (owned, group);
    }
  g_ptr_array_sort (owned, compare_index);

  return owned;
}

/* Nothing secret in anything relayctl prints: passwords, app secrets, device
 * keys, verification codes (as whole words), 40-hex tokens. */
static void
assert_no_secrets (const char *text)
{
  for (guint i = 0; i < secrets->len; i++)
    {
      const char *secret = g_ptr_array_index (secrets, i);
      g_autofree char *escaped = g_regex_escape_string (secret, -1);
      g_autofree char *word = g_strdup_printf ("(^|[^0-9A-Za-z])%s($|[^0-9A-Za-z])", escaped);

      if (g_regex_match_simple (word, text, 0, 0))
        g_error ("relayctl printed a secret: %s", text);
    }
  g_assert_false (g_regex_match_simple ("[0-9a-fA-F]{40}", text, 0, 0));
}

void
assert_one_line_error (const Run *run,
                       int        status)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "relayctl: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_cmpint (strchr (run->err, '\n') - run->err, ==, strlen (run->err) - 1);
}

guint
count_lines (const char *text)
{
  guint n_lines = 0;

  for (const char *p = text; (p = strchr (p, '\n')) != NULL; p++)
    n_lines++;

  return n_lines;
}

JsonNode *
run_parse_json (const Run *run)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  g_assert_cmpint (run->status, ==, 0);
  node = json_from_string (run->out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

typedef enum
{
  GLOBALS_FIRST, /* relayctl --server … --app-id … ARGS */
  GLOBALS_LAST,  /* relayctl ARGS --server … --app-id … */
} GlobalsPlace;

/* What relayctl's stdin is. */
typedef enum
{
  STDIN_PIPE,     /* a pipe of the test; also stdout and stderr */
  STDIN_TERMINAL, /* a terminal; stdout and stderr piped, a process group of its own */
} StdinKind;

/* The terminal child's own process group makes its parent (the test) a
 * member of the session outside it, so that a SIGTSTP stops it (the kernel
 * drops stop signals in orphaned process groups). */
static void
die_with_parent_own_group (gpointer user_data)
{
  die_with_parent (user_data);
  setpgid (0, 0);
}

/* relayctl with --server and --app-id and only the RELAY_* variables given. */
static GSubprocess *
spawn_relayctl_from (const char         *app_id,
                     const char         *app_secret,
                     const char * const *env,
                     GlobalsPlace        place,
                     StdinKind           stdin_kind,
                     int                 terminal_fd,
                     const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GStrvBuilder) argv_builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  const char *relayctl = g_getenv ("RELAYCTL");
  GSubprocess *process;

  g_assert_nonnull (relayctl);
  g_strv_builder_add (argv_builder, relayctl);
  if (place == GLOBALS_LAST)
    g_strv_builder_addv (argv_builder, (const char **) args);
  g_strv_builder_add_many (argv_builder, "--server", sim.server_template, NULL);
  if (app_id != NULL)
    g_strv_builder_add_many (argv_builder, "--app-id", app_id, NULL);
  if (place == GLOBALS_FIRST)
    g_strv_builder_addv (argv_builder, (const char **) args);
  argv = g_strv_builder_end (argv_builder);

  launcher = g_subprocess_launcher_new ((stdin_kind == STDIN_PIPE ? G_SUBPROCESS_FLAGS_STDIN_PIPE : 0) |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* A background run must not outlive a failed test either. */
  if (stdin_kind == STDIN_TERMINAL)
    {
      int child_fd = dup (terminal_fd);

      g_assert_cmpint (child_fd, >=, 0);
      g_subprocess_launcher_take_stdin_fd (launcher, child_fd);
      g_subprocess_launcher_set_child_setup (launcher, die_with_parent_own_group, NULL, NULL);
    }
  else
    g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (relay_variables); i++)
    g_subprocess_launcher_unsetenv (launcher, relay_variables[i]);
  if (app_secret != NULL)
    g_subprocess_launcher_setenv (launcher, "RELAY_APP_SECRET", app_secret, TRUE);
  for (gsize i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_assert_nonnull (pair[1]);
      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
  g_assert_no_error (error);

  return process;
}

static GSubprocess *
spawn_relayctl (const char         *app_id,
                const char         *app_secret,
                const char * const *env,
                GlobalsPlace        place,
                const char * const *args)
{
  return spawn_relayctl_from (app_id, app_secret, env, place, STDIN_PIPE, -1, args);
}

GSubprocess *
spawn_relayctl_on_terminal (int                 terminal_fd,
                            const char * const *args)
{
  return spawn_relayctl_from (CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NULL, GLOBALS_FIRST,
                              STDIN_TERMINAL, terminal_fd, args);
}

static Run *
run_relayctl_at (const char         *app_id,
                 const char         *app_secret,
                 const char * const *env,
                 const char         *input,
                 GlobalsPlace        place,
                 const char * const *args)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Run *run = g_new0 (Run, 1);

  process = spawn_relayctl (app_id, app_secret, env, place, args);

  g_subprocess_communicate_utf8_async (process, input, NULL, on_async_done, &result);
  wait_for_result (&result, "a relayctl run");
  g_subprocess_communicate_utf8_finish (process, result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);

  g_test_message ("relayctl %s %s → %d\nstdout: %s\nstderr: %s",
                  args[0], args[0] != NULL && args[1] != NULL ? args[1] : "", run->status, run->out, run->err);
  assert_no_secrets (run->out);
  assert_no_secrets (run->err);

  return run;
}

Run *
run_relayctl_env (const char         *app_id,
                  const char         *app_secret,
                  const char * const *env,
                  const char         *input,
                  const char * const *args)
{
  return run_relayctl_at (app_id, app_secret, env, input, GLOBALS_FIRST, args);
}

Run *
run_relayctl_globals_last (const char * const *args)
{
  return run_relayctl_at (CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NULL, NULL, GLOBALS_LAST, args);
}

Run *
run_relayctl_full (const char         *app_id,
                   const char         *app_secret,
                   const char         *password,
                   const char         *input,
                   const char * const *args)
{
  g_autofree char *variable = password != NULL ? g_strconcat ("RELAY_PASSWORD=", password, NULL) : NULL;
  const char *const env[] = { variable, NULL };

  return run_relayctl_env (app_id, app_secret, env, input, args);
}

void
login_demo (void)
{
  g_autoptr(Run) run = run_relayctl (CKSIM_DEMO_PASSWORD, "login", "--email", CKSIM_DEMO_EMAIL);

  g_assert_cmpint (run->status, ==, 0);
}

void
login_second (const char *email,
              const char *password)
{
  g_autoptr(Run) run = run_relayctl_full (CKSIM_EXAMPLE2_APP_ID, CKSIM_EXAMPLE2_APP_SECRET, password, NULL,
                                          ANY_ARGS ("login", "--email", email));

  g_assert_cmpint (run->status, ==, 0);
}

void
login_guest (void)
{
  login_second (CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
}

struct _BackgroundRun
{
  GSubprocess      *process;
  GDataInputStream *out;
  GString          *all_out;
  char             *command;
};

BackgroundRun *
run_relayctl_background (const char         *app_id,
                         const char         *app_secret,
                         const char * const *args)
{
  BackgroundRun *run = g_new0 (BackgroundRun, 1);

  run->process = spawn_relayctl (app_id, app_secret, NULL, GLOBALS_FIRST, args);
  run->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (run->process));
  run->all_out = g_string_new (NULL);
  run->command = g_strjoinv (" ", (char **) args);
  /* Nothing comes on stdin. */
  g_output_stream_close (g_subprocess_get_stdin_pipe (run->process), NULL, NULL);

  return run;
}

char *
background_read_line (BackgroundRun *run)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *line;

  g_data_input_stream_read_line_async (run->out, G_PRIORITY_DEFAULT, NULL, on_async_done, &result);
  wait_for_result (&result, run->command);
  line = g_data_input_stream_read_line_finish_utf8 (run->out, result, NULL, &error);
  g_assert_no_error (error);

  if (line != NULL)
    {
      g_test_message ("relayctl %s: %s", run->command, line);
      g_string_append_printf (run->all_out, "%s\n", line);
      assert_no_secrets (line);
    }

  return line;
}

JsonObject *
background_read_json (BackgroundRun *run)
{
  g_autofree char *line = background_read_line (run);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (line);
  node = json_from_string (line, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_object_ref (json_node_get_object (node));
}

Run *
background_finish (BackgroundRun *background,
                   int            signal_number)
{
  g_autoptr(GOutputStream) err = g_memory_output_stream_new_resizable ();
  g_autoptr(GAsyncResult) spliced = NULL;
  g_autoptr(GAsyncResult) waited = NULL;
  g_autoptr(GError) error = NULL;
  Run *run = g_new0 (Run, 1);
  char *line;

  if (signal_number != 0)
    g_subprocess_send_signal (background->process, signal_number);

  while ((line = background_read_line (background)) != NULL)
    g_free (line);

  g_output_stream_splice_async (err, g_subprocess_get_stderr_pipe (background->process),
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_async_done, &spliced);
  wait_for_result (&spliced, background->command);
  g_output_stream_splice_finish (err, spliced, &error);
  g_assert_no_error (error);

  g_subprocess_wait_async (background->process, NULL, on_async_done, &waited);
  wait_for_result (&waited, background->command);
  g_subprocess_wait_finish (background->process, waited, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (background->process));

  run->status = g_subprocess_get_exit_status (background->process);
  run->out = g_string_free (background->all_out, FALSE);
  run->err = g_strndup (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (err)) > 0
                        ? g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (err)) : "",
                        g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (err)));
  g_test_message ("relayctl %s → %d\nstderr: %s", background->command, run->status, run->err);
  assert_no_secrets (run->err);

  g_object_unref (background->out);
  g_object_unref (background->process);
  g_free (background->command);
  g_free (background);

  return run;
}
