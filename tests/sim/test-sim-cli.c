/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-sim-cli"

#include <gio/gio.h>
#include <signal.h>
#include <string.h>

#include "sim-test-util.h"

#include <ck-sign.h>

static const char *
relay_sim (void)
{
  const char *path = g_getenv ("RELAY_SIM");

  g_assert_nonnull (path);
  return path;
}

typedef struct
{
  gboolean  done;
  char     *line;
} LineWait;

static void
on_line (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  LineWait *wait = user_data;

  wait->line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL, NULL);
  wait->done = TRUE;
}

static gboolean
on_deadline (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static char *
read_line (GDataInputStream *in)
{
  LineWait wait = { 0 };
  gboolean expired = FALSE;
  guint id = g_timeout_add (2000, on_deadline, &expired);

  g_data_input_stream_read_line_async (in, G_PRIORITY_DEFAULT, NULL, on_line, &wait);
  while (!wait.done && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  g_assert_true (wait.done);
  return wait.line;
}

static void
on_exited (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static void
test_first_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("^relay-sim listening on http://127\\.0\\.0\\.1:[1-9][0-9]*$", 0, 0, NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gboolean exited = FALSE, expired = FALSE;
  guint id;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                           relay_sim (), "--port", "0", "--demo", "--control", NULL);
  g_assert_no_error (error);
  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));

  first = read_line (in);
  g_assert_nonnull (first);
  g_assert_true (g_regex_match (regex, first, 0, NULL));
  second = read_line (in);
  g_assert_cmpstr (second, ==, "Demo account: " CKSIM_DEMO_EMAIL " / " CKSIM_DEMO_PASSWORD);

  /* SIGTERM stops it cleanly. */
  g_subprocess_send_signal (proc, SIGTERM);
  g_subprocess_wait_async (proc, NULL, on_exited, &exited);
  id = g_timeout_add (2000, on_deadline, &expired);
  while (!exited && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  g_assert_true (exited);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
}

static void
test_help (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  const char *options[] = { "--port", "--demo", "--control", "--compat", "--app", "--user", "--state",
                            "--tls-cert", "--tls-key", "--ts-window", "--at-ttl", "--rt-ttl",
                            "--hb-interval", "--ack-delay-ms", "--ack-timeout-ms", "--rate-limit",
                            "--code-ttl", "--code-interval", "RELAY_SIM_APPS", "RELAY_SIM_USERS" };

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, relay_sim (), "--help", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (strstr (out, options[i]) == NULL)
      g_error ("--help does not mention %s", options[i]);
}

/* Every setting of CkSimServer that is not construct-only (the intervals,
 * limits and switches) has a relay-sim flag of the same name in --help. */
static void
test_help_every_property (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GTypeClass) klass = g_type_class_ref (CKSIM_TYPE_SERVER);
  guint n = 0, checked = 0;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n);

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, relay_sim (), "--help", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *flag = NULL;

      if (!(specs[i]->flags & G_PARAM_WRITABLE) || (specs[i]->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;
      flag = g_strdup_printf ("--%s ", g_param_spec_get_name (specs[i]));
      if (strstr (out, flag) == NULL && !g_str_has_suffix (out, flag))
        {
          g_free (flag);
          flag = g_strdup_printf ("--%s=", g_param_spec_get_name (specs[i]));
          if (strstr (out, flag) == NULL)
            g_error ("--help has no flag for the property \"%s\"", g_param_spec_get_name (specs[i]));
        }
      checked++;
    }
  g_assert_cmpuint (checked, >=, 20);
}

/* No SMS: the code is printed on stdout (simulator test data) and served
 * at /_sim/code. */
static void
test_code_printed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *line = NULL;
  g_autofree char *nonce = ck_nonce_new ();
  g_autofree char *body = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) code = NULL;
  SimFixture f = { 0 };
  guint status;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                           relay_sim (), "--demo", "--control", NULL);
  g_assert_no_error (error);
  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  first = read_line (in);
  second = read_line (in);
  g_assert_true (g_str_has_prefix (first, "relay-sim listening on "));
  f.url = g_strdup (first + strlen ("relay-sim listening on "));
  f.session = soup_session_new ();

  body = g_strdup_printf ("{\"appid\":\"%s\",\"email\":\"printed@relay.example\",\"nonce\":\"%s\","
                          "\"sendType\":\"0\",\"ts\":%" G_GINT64_FORMAT ",\"version\":8}",
                          CKSIM_EXAMPLE_APP_ID, nonce, g_get_real_time () / G_USEC_PER_SEC);
  reply = sim_post_signed (&f, "/eu/api/sms", body, CKSIM_EXAMPLE_APP_SECRET, &status);
  g_assert_cmpint (sim_error_code (reply), ==, 0);

  line = read_line (in);
  code = sim_http (&f, "GET", "/_sim/code?identity=printed%40relay.example", NULL, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (g_str_has_prefix (line, "Verification code for printed@relay.example: "));
  g_assert_cmpstr (line + strlen ("Verification code for printed@relay.example: "), ==,
                   json_object_get_string_member (code, "code"));

  /* Reap it before the next test, so no simulator outlives the test binary. */
  g_subprocess_force_exit (proc);
  g_assert_true (g_subprocess_wait (proc, NULL, NULL));
  g_clear_object (&f.session);
  g_free (f.url);
}

static void
test_users_from_environment (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* A malformed pair fails at start, without echoing the secret. */
  g_subprocess_launcher_setenv (launcher, "RELAY_SIM_USERS", "broken-pair-secret", TRUE);
  proc = g_subprocess_launcher_spawn (launcher, &error, relay_sim (), NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error));
  g_assert_false (g_subprocess_get_successful (proc));
  g_assert_nonnull (strstr (err, "EMAIL:PASSWORD"));
  g_assert_null (strstr (err, "broken-pair-secret"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sim/cli/first-lines", test_first_lines);
  g_test_add_func ("/sim/cli/help", test_help);
  g_test_add_func ("/sim/cli/help-every-property", test_help_every_property);
  g_test_add_func ("/sim/cli/env-users", test_users_from_environment);
  g_test_add_func ("/sim/cli/code-printed", test_code_printed);

  return g_test_run ();
}
