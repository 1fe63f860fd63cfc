/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-relayctl"

/* relayctl region, send-code, register, reset-password, change-password and
 * refresh against relay-sim. The codes come from /_sim/code. */

#include <stdlib.h>
#include <string.h>

#include "relayctl-test-util.h"

/* An account made at the simulator's start, so that its first code is not
 * held back by the one-code-a-minute rule (test data). */
#define RESET_EMAIL        "reset@relay.example"
#define RESET_OLD_PASSWORD "reset-old-password"
#define RESET_NEW_PASSWORD "reset-new-password"

/* With the first example pair and the "NAME=VALUE" variables of @env. */
static Run *
run_with_env (const char * const *env,
              const char         *input,
              const char * const *args)
{
  return run_relayctl_env (CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, env, input, args);
}

/* A code of @identity that is not the live one. */
static char *
wrong_code (const char *code)
{
  return g_strdup_printf ("%04d", (atoi (code) + 1) % 10000);
}

static char *
send_code (const char *identity,
           const char *purpose)
{
  g_autoptr(Run) run = run_relayctl (NULL, "send-code", "--email", identity, "--purpose", purpose);
  char *code;

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, identity));
  code = sim_get_code (identity);
  register_secret (code);

  return code;
}

/* A new account, signed in through relayctl register (env variables). */
static void
register_account (const char *email,
                  const char *password)
{
  g_autofree char *code = send_code (email, "register");
  g_autofree char *code_variable = g_strconcat ("RELAY_CODE=", code, NULL);
  g_autofree char *password_variable = g_strconcat ("RELAY_PASSWORD=", password, NULL);
  const char *const env[] = { code_variable, password_variable, NULL };
  g_autoptr(Run) run = run_with_env (env, NULL, ANY_ARGS ("register", "--email", email));

  g_assert_cmpint (run->status, ==, 0);
}

static gint64
sim_login_count (void)
{
  g_autoptr(JsonNode) state = sim_get_state ();

  return json_object_get_int_member (json_node_get_object (state), "loginCount");
}

static void
test_region (void)
{
  g_autoptr(Run) germany = run_relayctl (NULL, "region", "--country", "49");
  g_autoptr(Run) china = run_relayctl (NULL, "--json", "region", "--country", "+86");
  g_autoptr(Run) usa = run_relayctl (NULL, "region", "--json", "--country", "1");
  g_autoptr(Run) bad = run_relayctl (NULL, "region", "--country", "4x");
  g_autoptr(JsonNode) china_answer = run_parse_json (china);
  g_autoptr(JsonNode) usa_answer = run_parse_json (usa);
  g_autoptr(Run) no_secret = run_relayctl_full (sim.app_id, NULL, NULL, NULL, ANY_ARGS ("region"));

  g_assert_cmpint (germany->status, ==, 0);
  g_assert_cmpstr (germany->out, ==, "New accounts from +49 are in region eu.\n");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (china_answer), "region"), ==, "cn");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (china_answer), "country_code"), ==, "86");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (usa_answer), "region"), ==, "us");

  assert_one_line_error (bad, 2);
  assert_one_line_error (no_secret, 3);
  g_assert_nonnull (strstr (no_secret->err, "RELAY_APP_SECRET"));

  /* The cloud refusing the app's signature: the auth class. */
  {
    g_autoptr(JsonNode) armed G_GNUC_UNUSED = sim_call ("POST", "/_sim/fault", "{\"endpoint\":\"region\",\"error\":406}", 200);
    g_autoptr(Run) refused = run_relayctl (NULL, "region");

    assert_one_line_error (refused, 3);
    g_assert_nonnull (strstr (refused->err, "406"));
  }
}

static void
test_send_code (void)
{
  g_autofree char *email = unique_email ("code");
  g_autoptr(Run) sent = run_relayctl (NULL, "--json", "send-code", "--email", email, "--purpose", "register");
  g_autoptr(JsonNode) answer = run_parse_json (sent);
  g_autofree char *code = sim_get_code (email);
  g_autoptr(Run) too_soon = NULL;
  g_autoptr(Run) taken = NULL;
  g_autoptr(Run) unknown = NULL;
  g_autoptr(Run) bad_purpose = NULL;

  register_secret (code);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (answer), "sent"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "identity"), ==, email);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "purpose"), ==, "register");
  g_assert_cmpuint (strlen (code), ==, 4);

  /* One code a minute per identity: try again later. */
  too_soon = run_relayctl (NULL, "send-code", "--email", email, "--purpose", "register");
  assert_one_line_error (too_soon, 6);

  /* A registration code for an existing account. */
  taken = run_relayctl (NULL, "send-code", "--email", CKSIM_DEMO_EMAIL, "--purpose", "register");
  assert_one_line_error (taken, 8);
  g_assert_nonnull (strstr (taken->err, "already exists"));

  /* A reset code for an account that does not exist. */
  unknown = run_relayctl (NULL, "send-code", "--email", "nobody-here@relay.example", "--purpose", "reset");
  assert_one_line_error (unknown, 4);

  bad_purpose = run_relayctl (NULL, "send-code", "--email", email, "--purpose", "close");
  assert_one_line_error (bad_purpose, 2);
}

static void
test_register (void)
{
  g_autofree char *email = unique_email ("register");
  const char *password = "fresh-password-1";
  g_autofree char *code = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *wrong_variable = NULL;
  g_autofree char *input = NULL;
  g_autoptr(Run) refused = NULL;
  g_autoptr(Run) registered = NULL;
  g_autoptr(Run) devices = NULL;
  g_autoptr(Run) again = NULL;
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(JsonNode) listed = NULL;

  register_secret (password);
  code = send_code (email, "register");
  wrong = wrong_code (code);
  register_secret (wrong);

  /* A wrong code: its own class and message; the code stays usable. */
  wrong_variable = g_strconcat ("RELAY_CODE=", wrong, NULL);
  refused = run_with_env (ANY_ARGS (wrong_variable, "RELAY_PASSWORD=fresh-password-1"), NULL,
                          ANY_ARGS ("register", "--email", email));
  assert_one_line_error (refused, 9);
  g_assert_cmpstr (refused->err, ==,
                   "relayctl: wrong or expired verification code (run relayctl send-code for a new one)\n");

  /* Code and password as two lines on stdin, the code first. */
  input = g_strdup_printf ("%s\n%s\n", code, password);
  registered = run_with_env (NULL, input, ANY_ARGS ("register", "--email", email));
  g_assert_cmpint (registered->status, ==, 0);
  g_assert_cmpstr (registered->err, ==, "");
  g_assert_nonnull (strstr (registered->out, email));

  state = sim_get_state ();
  g_assert_nonnull (sim_user_apikey (state, email));

  /* Signed in: the new account's (empty) device list. */
  devices = run_relayctl (NULL, "devices", "--json");
  listed = run_parse_json (devices);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (listed));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 0);

  /* Once more: the account exists now. */
  {
    g_autofree char *code_variable = g_strconcat ("RELAY_CODE=", code, NULL);

    again = run_with_env (ANY_ARGS (code_variable, "RELAY_PASSWORD=fresh-password-1"), NULL,
                          ANY_ARGS ("register", "--email", email));
    assert_one_line_error (again, 8);
    g_assert_nonnull (strstr (again->err, "already exists"));
  }
}

static void
test_register_missing_input (void)
{
  g_autoptr(Run) run = run_with_env (NULL, "", ANY_ARGS ("register", "--email", "someone@relay.example"));

  /* Nothing in the environment and nothing on stdin: a usage-class failure. */
  assert_one_line_error (run, 2);
  g_assert_cmpstr (run->err, ==, "relayctl: no verification code (set RELAY_CODE or give it as a line on stdin)\n");
}

static void
test_reset_password (void)
{
  g_autofree char *code = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *wrong_variable = NULL;
  g_autofree char *code_variable = NULL;
  g_autoptr(Run) refused = NULL;
  g_autoptr(Run) reset = NULL;
  g_autoptr(Run) old_login = NULL;
  g_autoptr(Run) new_login = NULL;
  g_autoptr(JsonNode) answer = NULL;

  register_secret (RESET_OLD_PASSWORD);
  register_secret (RESET_NEW_PASSWORD);

  code = send_code (RESET_EMAIL, "reset");
  wrong = wrong_code (code);
  register_secret (wrong);

  wrong_variable = g_strconcat ("RELAY_CODE=", wrong, NULL);
  refused = run_with_env (ANY_ARGS (wrong_variable, "RELAY_PASSWORD=" RESET_NEW_PASSWORD), NULL,
                          ANY_ARGS ("reset-password", "--email", RESET_EMAIL));
  assert_one_line_error (refused, 9);

  code_variable = g_strconcat ("RELAY_CODE=", code, NULL);
  reset = run_with_env (ANY_ARGS (code_variable, "RELAY_PASSWORD=" RESET_NEW_PASSWORD), NULL,
                        ANY_ARGS ("--json", "reset-password", "--email", RESET_EMAIL));
  answer = run_parse_json (reset);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (answer), "signed_in"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "identity"), ==, RESET_EMAIL);

  old_login = run_relayctl (RESET_OLD_PASSWORD, "login", "--email", RESET_EMAIL);
  assert_one_line_error (old_login, 3);
  new_login = run_relayctl (RESET_NEW_PASSWORD, "login", "--email", RESET_EMAIL);
  g_assert_cmpint (new_login->status, ==, 0);
}

static void
test_change_password (void)
{
  g_autofree char *email = unique_email ("change");
  const char *old_password = "change-old-password";
  const char *new_password = "change-new-password";
  g_autofree char *input = g_strdup_printf ("%s\n%s\n", old_password, new_password);
  g_autoptr(Run) wrong_old = NULL;
  g_autoptr(Run) changed = NULL;
  g_autoptr(Run) devices = NULL;
  g_autoptr(Run) new_login = NULL;
  g_autoptr(Run) logout = NULL;
  g_autoptr(Run) signed_out = NULL;
  g_autoptr(JsonNode) answer = NULL;

  register_secret (old_password);
  register_secret (new_password);
  register_account (email, old_password);

  wrong_old = run_with_env (ANY_ARGS ("RELAY_PASSWORD=" WRONG_PASSWORD, "RELAY_NEW_PASSWORD=change-new-password"),
                            NULL, ANY_ARGS ("change-password"));
  assert_one_line_error (wrong_old, 3);
  g_assert_cmpstr (wrong_old->err, ==, "relayctl: wrong current password (or the session has ended)\n");

  /* Both from stdin, the current one first. */
  changed = run_with_env (NULL, input, ANY_ARGS ("change-password", "--json"));
  answer = run_parse_json (changed);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (answer), "password_changed"));

  /* The session stays valid, and the new password signs in. */
  devices = run_relayctl (NULL, "devices");
  g_assert_cmpint (devices->status, ==, 0);
  new_login = run_relayctl (new_password, "login", "--email", email);
  g_assert_cmpint (new_login->status, ==, 0);

  logout = run_relayctl (NULL, "logout");
  g_assert_cmpint (logout->status, ==, 0);
  signed_out = run_with_env (ANY_ARGS ("RELAY_PASSWORD=change-new-password", "RELAY_NEW_PASSWORD=x-another-one"),
                             NULL, ANY_ARGS ("change-password"));
  assert_one_line_error (signed_out, 3);
  g_assert_cmpstr (signed_out->err, ==, "relayctl: not signed in (run relayctl login)\n");
}

static void
test_refresh (void)
{
  g_autoptr(Run) refreshed = NULL;
  g_autoptr(Run) devices = NULL;
  g_autoptr(Run) revoked = NULL;
  g_autoptr(Run) logout = NULL;
  g_autoptr(Run) signed_out = NULL;
  g_autoptr(JsonNode) answer = NULL;
  gint64 logins;

  login_demo ();
  logins = sim_login_count ();

  refreshed = run_relayctl (NULL, "refresh", "--json");
  answer = run_parse_json (refreshed);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (answer), "refreshed"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "region"), ==,
                   CKSIM_DEMO_REGION);

  /* The old tokens are dead now (spec §3.7, SIM): a working device list
   * proves the new ones reached the keyring, without another login. */
  devices = run_relayctl (NULL, "devices");
  g_assert_cmpint (devices->status, ==, 0);
  g_assert_cmpint (sim_login_count (), ==, logins);

  /* A refresh token the cloud no longer knows. */
  {
    g_autoptr(JsonNode) armed G_GNUC_UNUSED = sim_call ("POST", "/_sim/fault", "{\"endpoint\":\"refresh\",\"error\":401}", 200);

    revoked = run_relayctl (NULL, "refresh");
    assert_one_line_error (revoked, 3);
    g_assert_cmpstr (revoked->err, ==, "relayctl: the stored session is no longer valid (run relayctl login)\n");
  }

  logout = run_relayctl (NULL, "logout");
  signed_out = run_relayctl (NULL, "refresh");
  assert_one_line_error (signed_out, 3);
}

/* Spec §8.2.1: the cloud disabled the app id. Sign and Bearer calls say
 * so in one line, in the auth/config exit class (3); the stored session
 * survives and works again once the app is enabled. */
static void
test_app_disabled (void)
{
  static const char *const line =
    "relayctl: this app id is disabled by the cloud (use another with --app-id or RELAY_APP_ID)\n";
  g_autoptr(Run) devices = NULL;
  g_autoptr(Run) login = NULL;
  g_autoptr(Run) region = NULL;
  g_autoptr(Run) again = NULL;
  g_autoptr(JsonNode) disabled = NULL;
  g_autoptr(JsonNode) enabled = NULL;

  login_demo ();
  disabled = sim_call ("POST", "/_sim/app", "{\"appid\":\"" CKSIM_EXAMPLE_APP_ID "\",\"enabled\":false}", 200);

  devices = run_relayctl (NULL, "devices");
  login = run_relayctl (CKSIM_DEMO_PASSWORD, "login", "--email", CKSIM_DEMO_EMAIL);
  region = run_relayctl (NULL, "region", "--country", "44");
  enabled = sim_call ("POST", "/_sim/app", "{\"appid\":\"" CKSIM_EXAMPLE_APP_ID "\",\"enabled\":true}", 200);
  again = run_relayctl (NULL, "devices");

  assert_one_line_error (devices, 3);
  g_assert_cmpstr (devices->err, ==, line);
  assert_one_line_error (login, 3);
  g_assert_cmpstr (login->err, ==, line);
  assert_one_line_error (region, 3);
  g_assert_cmpstr (region->err, ==, line);
  g_assert_cmpint (again->status, ==, 0);
  g_assert_nonnull (strstr (again->out, "Kitchen plug"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  sim_start_with ((const char * const[]) { "--user", RESET_EMAIL ":" RESET_OLD_PASSWORD, NULL });

  g_test_add_func ("/cli/account/region", test_region);
  g_test_add_func ("/cli/account/send-code", test_send_code);
  g_test_add_func ("/cli/account/register", test_register);
  g_test_add_func ("/cli/account/register-missing-input", test_register_missing_input);
  g_test_add_func ("/cli/account/reset-password", test_reset_password);
  g_test_add_func ("/cli/account/change-password", test_change_password);
  g_test_add_func ("/cli/account/refresh", test_refresh);
  g_test_add_func ("/cli/account/app-disabled", test_app_disabled);

  return run_tests_and_stop_sim ();
}
