/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-sim-account"

#include <string.h>

#include "sim-test-util.h"
#include "cksim-codes.h"
#include "cksim-secret.h"

/* Accounts: verification codes, register, reset and change password,
 * refresh, login's 402 (spec §3.2–3.7, §5, §8.8.1–3). */

#define NEW_EMAIL "new@relay.example"

static gint64
sms (SimFixture *f,
     const char *region,
     const char *fields)
{
  g_autofree char *path = g_strdup_printf ("/%s/api/sms", region);
  g_autoptr(JsonObject) reply = sim_sign_post (f, path, fields);

  return sim_error_code (reply);
}

typedef struct
{
  char *identity;
  char *code;
} CodeSeen;

static void
on_code_sent (CkSimServer *server,
              const char  *identity,
              const char  *code,
              gpointer     user_data)
{
  CodeSeen *seen = user_data;

  g_free (seen->identity);
  g_free (seen->code);
  seen->identity = g_strdup (identity);
  seen->code = g_strdup (code);
}

static void
test_sms (SimFixture    *f,
          gconstpointer  data)
{
  CodeSeen seen = { 0 };
  g_autofree char *code = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) codes = NULL;

  g_signal_connect (f->server, "code-sent", G_CALLBACK (on_code_sent), &seen);

  /* sendType "0" for a new e-mail: a code, announced and readable. */
  g_assert_cmpint (sms (f, "eu", "\"email\":\"New@Relay.example\",\"sendType\":\"0\""), ==, 0);
  g_assert_cmpstr (seen.identity, ==, NEW_EMAIL);
  code = sim_code_for (f, NEW_EMAIL);
  g_assert_cmpstr (code, ==, seen.code);
  g_assert_true (g_ascii_isdigit (code[0]) && g_ascii_isdigit (code[3]));
  g_assert_cmpstr (cksim_server_get_code (f->server, NEW_EMAIL), ==, code);
  codes = sim_control (f, "GET", "/_sim/codes", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (codes, "codes")), ==, 1);

  /* One per identity per 60 s. */
  g_assert_cmpint (sms (f, "eu", "\"email\":\"new@relay.example\",\"sendType\":\"0\""), ==, 160038);
  cksim_server_advance_clock (f->server, 61);
  g_assert_cmpint (sms (f, "eu", "\"email\":\"new@relay.example\",\"sendType\":\"0\""), ==, 0);

  /* Registered already (409), unknown for a reset (401). */
  g_assert_cmpint (sms (f, "eu", "\"email\":\"" CKSIM_DEMO_EMAIL "\",\"sendType\":\"0\""), ==, 409);
  g_assert_cmpint (sms (f, "eu", "\"email\":\"nobody@relay.example\",\"sendType\":\"1\""), ==, 401);
  g_assert_cmpint (sms (f, "eu", "\"email\":\"" CKSIM_DEMO_EMAIL "\",\"sendType\":\"1\""), ==, 0);
  /* Another region's account: 301 with its region. */
  reply = sim_sign_post (f, "/us/api/sms", "\"email\":\"" CKSIM_DEMO_EMAIL "\",\"sendType\":\"1\"");
  g_assert_cmpint (sim_error_code (reply), ==, 301);
  g_assert_cmpstr (json_object_get_string_member (reply, "region"), ==, "eu");

  /* Exactly one of email / to; sendType a string "0" or "1". */
  g_assert_cmpint (sms (f, "eu", "\"sendType\":\"0\""), ==, 400);
  g_assert_cmpint (sms (f, "eu", "\"email\":\"a@relay.example\",\"to\":\"+4915112345678\",\"sendType\":\"0\""),
                   ==, 400);
  g_assert_cmpint (sms (f, "eu", "\"email\":\"a@relay.example\",\"sendType\":0"), ==, 400);
  g_assert_cmpint (sms (f, "eu", "\"email\":\"a@relay.example\",\"sendType\":\"3\""), ==, 400);
  g_assert_cmpint (sms (f, "eu", "\"to\":\"4915112345678\",\"sendType\":\"0\""), ==, 400);
  /* A phone number goes in "to"; null counts as absent. */
  g_assert_cmpint (sms (f, "eu", "\"email\":null,\"to\":\"+4915112345678\",\"sendType\":\"0\""), ==, 0);

  /* Armed: the codes a healthy simulator never answers. */
  sim_arm_fault (f, "sms", 504);
  g_assert_cmpint (sms (f, "eu", "\"email\":\"b@relay.example\",\"sendType\":\"0\""), ==, 504);
  sim_arm_fault (f, "sms", 500);
  g_assert_cmpint (sms (f, "eu", "\"email\":\"b@relay.example\",\"sendType\":\"0\""), ==, 500);

  g_signal_handlers_disconnect_by_data (f->server, &seen);
  g_free (seen.identity);
  g_free (seen.code);
}

static JsonObject *
register_user (SimFixture *f,
               const char *region,
               const char *identity_field,
               const char *identity,
               const char *code,
               const char *password)
{
  g_autofree char *path = g_strdup_printf ("/%s/api/user/register", region);
  g_autofree char *fields = g_strdup_printf ("\"%s\":\"%s\",\"verificationCode\":\"%s\",\"password\":\"%s\"",
                                             identity_field, identity, code, password);

  return sim_sign_post (f, path, fields);
}

static void
test_register (SimFixture    *f,
               gconstpointer  data)
{
  g_autofree char *code = NULL;
  g_autofree char *wrong = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) list = NULL;
  JsonObject *user;
  g_autofree char *at = NULL;

  g_assert_cmpint (sms (f, "eu", "\"email\":\"" NEW_EMAIL "\",\"sendType\":\"0\""), ==, 0);
  code = sim_code_for (f, NEW_EMAIL);
  wrong = g_strdup_printf ("%04d", ((int) g_ascii_strtoll (code, NULL, 10) + 1) % 10000);

  /* Password 8–64 characters, checked before the code. */
  sim_assert_error (register_user (f, "eu", "email", NEW_EMAIL, code, "short"), 400);
  sim_assert_error (register_user (f, "eu", "email", NEW_EMAIL, code,
                                   "0123456789012345678901234567890123456789012345678901234567890123x"), 400);
  sim_assert_error (sim_sign_post (f, "/eu/api/user/register",
                                   "\"email\":\"" NEW_EMAIL "\",\"password\":\"password-1\""), 400);

  /* A wrong code: 498, and the right one is not spent. */
  sim_assert_error (register_user (f, "eu", "email", NEW_EMAIL, wrong, "password-1"), 498);

  reply = register_user (f, "eu", "email", NEW_EMAIL, code, "password-1");
  g_assert_false (json_object_has_member (reply, "error"));
  g_assert_cmpstr (json_object_get_string_member (reply, "region"), ==, "eu");
  user = json_object_get_object_member (reply, "user");
  g_assert_cmpstr (json_object_get_string_member (user, "email"), ==, NEW_EMAIL);
  g_assert_false (json_object_has_member (user, "password"));
  /* The tokens are live. */
  at = g_strdup (json_object_get_string_member (reply, "at"));
  list = sim_device_list (f, CKSIM_EXAMPLE_APP_ID, at, NULL);
  g_assert_cmpint (sim_error_code (list), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (list, "devicelist")), ==, 0);
  g_clear_pointer (&list, json_object_unref);

  /* Single use; the identity is taken now (409). */
  g_clear_pointer (&reply, json_object_unref);
  sim_assert_error (register_user (f, "eu", "email", NEW_EMAIL, code, "password-1"), 409);

  /* The single-login rule: a login revokes the register's tokens. */
  g_free (sim_login (f, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NEW_EMAIL, "password-1"));
  reply = sim_device_list (f, CKSIM_EXAMPLE_APP_ID, at, NULL);
  g_assert_cmpint (sim_error_code (reply), ==, 401);
}

static void
test_register_code_rules (SimFixture    *f,
                          gconstpointer  data)
{
  g_autofree char *code = NULL;
  g_autoptr(JsonObject) reply = NULL;

  /* Ten minutes, on the simulator's clock. */
  g_assert_cmpint (sms (f, "eu", "\"email\":\"" NEW_EMAIL "\",\"sendType\":\"0\""), ==, 0);
  code = sim_code_for (f, NEW_EMAIL);
  cksim_server_advance_clock (f->server, 601);
  g_assert_null (cksim_server_get_code (f->server, NEW_EMAIL));
  sim_assert_error (register_user (f, "eu", "email", NEW_EMAIL, code, "password-1"), 498);

  /* A reset code does not register. */
  g_free (code);
  g_assert_cmpint (sms (f, "eu", "\"email\":\"" CKSIM_DEMO_GUEST_EMAIL "\",\"sendType\":\"1\""), ==, 0);
  code = sim_code_for (f, CKSIM_DEMO_GUEST_EMAIL);
  sim_assert_error (register_user (f, "eu", "email", NEW_EMAIL, code, "password-1"), 498);

  /* Armed: 401 (no token) and 500; 301 names a region. */
  sim_arm_fault (f, "register", 401);
  sim_assert_error (register_user (f, "eu", "email", NEW_EMAIL, code, "password-1"), 401);
  sim_arm_fault (f, "register", 301);
  reply = register_user (f, "eu", "email", NEW_EMAIL, code, "password-1");
  g_assert_cmpint (sim_error_code (reply), ==, 301);
  g_assert_cmpstr (json_object_get_string_member (reply, "region"), ==, "eu");
}

static void
test_register_cn_rule (SimFixture    *f,
                       gconstpointer  data)
{
  const char *phone_cn = "+8613123456789";
  const char *phone_de = "+4915112345678";
  g_autofree char *code = NULL;
  g_autoptr(JsonObject) reply = NULL;

  /* Under cn only +86 numbers stay in cn (§1.3)... */
  g_assert_cmpint (sms (f, "cn", "\"to\":\"+8613123456789\",\"sendType\":\"0\""), ==, 0);
  code = sim_code_for (f, phone_cn);
  reply = register_user (f, "cn", "phoneNumber", phone_cn, code, "password-1");
  g_assert_cmpstr (json_object_get_string_member (reply, "region"), ==, "cn");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (reply, "user"),
                                                  "phoneNumber"), ==, phone_cn);
  g_clear_pointer (&reply, json_object_unref);

  /* ...the rest registers in as. */
  g_free (code);
  g_assert_cmpint (sms (f, "cn", "\"to\":\"+4915112345678\",\"sendType\":\"0\""), ==, 0);
  code = sim_code_for (f, phone_de);
  reply = register_user (f, "cn", "phoneNumber", phone_de, code, "password-1");
  g_assert_cmpstr (json_object_get_string_member (reply, "region"), ==, "as");
  g_clear_pointer (&reply, json_object_unref);

  g_free (code);
  g_assert_cmpint (sms (f, "cn", "\"email\":\"" NEW_EMAIL "\",\"sendType\":\"0\""), ==, 0);
  code = sim_code_for (f, NEW_EMAIL);
  reply = register_user (f, "cn", "email", NEW_EMAIL, code, "password-1");
  g_assert_cmpstr (json_object_get_string_member (reply, "region"), ==, "as");
}

static JsonObject *
reset_password (SimFixture *f,
                const char *region,
                const char *identity,
                const char *code,
                const char *password)
{
  g_autofree char *path = g_strdup_printf ("/%s/api/user/password/reset", region);
  g_autofree char *fields = g_strdup_printf ("\"verificationCode\":\"%s\",\"email\":\"%s\",\"password\":\"%s\"",
                                             code, identity, password);

  return sim_sign_post (f, path, fields);
}

static void
test_reset_password (SimFixture    *f,
                     gconstpointer  data)
{
  g_autofree char *at = sim_login_demo (f);
  g_autofree char *code = NULL;
  g_autofree char *wrong = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) list = NULL;
  g_autoptr(SimWs) ws = sim_ws_connect (f);
  g_autoptr(JsonObject) online = sim_ws_user_online (f, ws, at, f->apikey, CKSIM_EXAMPLE_APP_ID);
  g_autoptr(JsonObject) kicked = NULL;

  g_assert_cmpint (sim_error_code (online), ==, 0);
  g_assert_cmpint (sms (f, "eu", "\"email\":\"" CKSIM_DEMO_EMAIL "\",\"sendType\":\"1\""), ==, 0);
  code = sim_code_for (f, CKSIM_DEMO_EMAIL);
  wrong = g_strdup_printf ("%04d", ((int) g_ascii_strtoll (code, NULL, 10) + 1) % 10000);

  sim_assert_error (reset_password (f, "eu", "nobody@relay.example", code, "new-password-1"), 401);
  sim_assert_error (reset_password (f, "eu", CKSIM_DEMO_EMAIL, code, "short"), 400);
  sim_assert_error (reset_password (f, "eu", CKSIM_DEMO_EMAIL, wrong, "new-password-1"), 498);
  sim_assert_error (reset_password (f, "us", CKSIM_DEMO_EMAIL, code, "new-password-1"), 301);

  reply = reset_password (f, "eu", CKSIM_DEMO_EMAIL, code, "new-password-1");
  g_assert_false (json_object_has_member (reply, "error"));
  g_assert_cmpstr (json_object_get_string_member (reply, "region"), ==, "eu");
  /* The new tokens revoke the older ones and close their socket. */
  sim_assert_error (sim_device_list (f, CKSIM_EXAMPLE_APP_ID, at, NULL), 401);
  kicked = sim_ws_next (ws, 2000);
  g_assert_cmpint (sim_error_code (kicked), ==, 406);
  list = sim_device_list (f, CKSIM_EXAMPLE_APP_ID, json_object_get_string_member (reply, "at"), NULL);
  g_assert_cmpint (sim_error_code (list), ==, 0);

  /* The code is spent; the new password logs in. */
  g_clear_pointer (&reply, json_object_unref);
  reply = reset_password (f, "eu", CKSIM_DEMO_EMAIL, code, "new-password-2");
  g_assert_cmpint (sim_error_code (reply), ==, 498);
  g_free (sim_login (f, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, CKSIM_DEMO_EMAIL, "new-password-1"));

  /* Armed: 403 (no permission) and 500. */
  g_clear_pointer (&reply, json_object_unref);
  sim_arm_fault (f, "password-reset", 403);
  reply = reset_password (f, "eu", CKSIM_DEMO_EMAIL, code, "new-password-2");
  g_assert_cmpint (sim_error_code (reply), ==, 403);
}

static void
test_change_password (SimFixture    *f,
                      gconstpointer  data)
{
  g_autofree char *at = sim_login_demo (f);
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) list = NULL;
  g_autofree char *old_body = sim_login_body (f, CKSIM_EXAMPLE_APP_ID, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);

  sim_assert_error (sim_bearer_body (f, "POST", "/eu/api/user/password", at,
                                     "\"oldPassword\":\"wrong-password\",\"newPassword\":\"new-password-1\""), 401);
  sim_assert_error (sim_bearer_body (f, "POST", "/eu/api/user/password", at,
                                     "\"oldPassword\":\"" CKSIM_DEMO_PASSWORD "\",\"newPassword\":\"short\""), 400);
  sim_assert_error (sim_bearer_body (f, "POST", "/eu/api/user/password", at,
                                     "\"oldPassword\":\"" CKSIM_DEMO_PASSWORD "\""), 400);

  reply = sim_bearer_body (f, "POST", "/eu/api/user/password", at,
                           "\"oldPassword\":\"" CKSIM_DEMO_PASSWORD "\",\"newPassword\":\"new-password-1\"");
  g_assert_false (json_object_has_member (reply, "error"));
  g_assert_cmpstr (json_object_get_string_member (reply, "message"), ==, "Change password is success!");
  /* The tokens stay valid (SIM); the old password is gone. */
  list = sim_device_list (f, CKSIM_EXAMPLE_APP_ID, at, NULL);
  g_assert_cmpint (sim_error_code (list), ==, 0);
  g_clear_pointer (&reply, json_object_unref);
  sim_assert_error (sim_post_signed (f, "/eu/api/user/login", old_body, CKSIM_EXAMPLE_APP_SECRET, NULL), 401);

  sim_arm_fault (f, "password-change", 500);
  reply = sim_bearer_body (f, "POST", "/eu/api/user/password", at,
                           "\"oldPassword\":\"new-password-1\",\"newPassword\":\"new-password-2\"");
  g_assert_cmpint (sim_error_code (reply), ==, 500);
}

static void
test_login_not_activated (SimFixture    *f,
                          gconstpointer  data)
{
  g_autofree char *body = sim_login_body (f, CKSIM_EXAMPLE_APP_ID, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *again = sim_login_body (f, CKSIM_EXAMPLE_APP_ID, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autofree char *third = sim_login_body (f, CKSIM_EXAMPLE_APP_ID, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_autoptr(JsonObject) reply = NULL;

  sim_assert_error (sim_control (f, "POST", "/_sim/user/activated",
                                 "{\"identity\":\"" CKSIM_DEMO_EMAIL "\",\"activated\":false}"), 0);
  sim_assert_error (sim_post_signed (f, "/eu/api/user/login", body, CKSIM_EXAMPLE_APP_SECRET, NULL), 402);

  g_assert_true (cksim_server_set_user_activated (f->server, CKSIM_DEMO_EMAIL, TRUE));
  sim_assert_error (sim_post_signed (f, "/eu/api/user/login", again, CKSIM_EXAMPLE_APP_SECRET, NULL), 0);

  /* Armed: 403 app disabled. */
  sim_arm_fault (f, "login", 403);
  reply = sim_post_signed (f, "/eu/api/user/login", third, CKSIM_EXAMPLE_APP_SECRET, NULL);
  g_assert_cmpint (sim_error_code (reply), ==, 403);
}

static void
test_refresh_errors (SimFixture    *f,
                     gconstpointer  data)
{
  g_autofree char *first_rt = NULL;
  g_autofree char *query = NULL;
  g_autoptr(JsonObject) login = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *body = sim_login_body (f, CKSIM_EXAMPLE_APP_ID, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);

  login = sim_post_signed (f, "/eu/api/user/login", body, CKSIM_EXAMPLE_APP_SECRET, NULL);
  first_rt = g_strdup (json_object_get_string_member (login, "rt"));
  query = g_strdup_printf ("grantType=refresh&rt=%s", first_rt);

  /* A refresh rotates both tokens: the old rt is revoked (401). */
  reply = sim_sign_get (f, "/eu/api/user/refresh", query);
  g_assert_false (json_object_has_member (reply, "error"));
  g_assert_cmpstr (json_object_get_string_member (reply, "rt"), !=, first_rt);
  g_clear_pointer (&reply, json_object_unref);
  sim_assert_error (sim_sign_get (f, "/eu/api/user/refresh", query), 401);
  sim_assert_error (sim_sign_get (f, "/eu/api/user/refresh",
                                  "grantType=refresh&rt=0123456789abcdef0123456789abcdef01234567"), 401);
  sim_assert_error (sim_sign_get (f, "/eu/api/user/refresh",
                                  "rt=0123456789abcdef0123456789abcdef01234567"), 400);

  sim_arm_fault (f, "refresh", 500);
  reply = sim_sign_get (f, "/eu/api/user/refresh", query);
  g_assert_cmpint (sim_error_code (reply), ==, 500);
}

/* A code one off @code (still four digits). */
static char *
wrong_code (const char *code)
{
  return g_strdup_printf ("%04d", ((int) g_ascii_strtoll (code, NULL, 10) + 1) % 10000);
}

/* Guessing: every wrong code answers 498; the fifth gives the live code up,
 * so even the right one answers 498 until a new code is sent. */
static void
test_code_guess_limit (SimFixture    *f,
                       gconstpointer  data)
{
  g_autofree char *code = NULL;
  g_autofree char *wrong = NULL;
  g_autoptr(JsonObject) reply = NULL;

  /* Four wrong guesses leave the code usable. */
  g_assert_cmpint (sms (f, "eu", "\"email\":\"" CKSIM_DEMO_EMAIL "\",\"sendType\":\"1\""), ==, 0);
  code = sim_code_for (f, CKSIM_DEMO_EMAIL);
  wrong = wrong_code (code);
  for (guint i = 0; i < 4; i++)
    sim_assert_error (reset_password (f, "eu", CKSIM_DEMO_EMAIL, wrong, "new-password-1"), 498);
  reply = reset_password (f, "eu", CKSIM_DEMO_EMAIL, code, "new-password-1");
  g_assert_false (json_object_has_member (reply, "error"));
  g_clear_pointer (&reply, json_object_unref);

  /* Five wrong guesses: the code is gone, for a reset as for a register. */
  cksim_server_advance_clock (f->server, 61);
  g_assert_cmpint (sms (f, "eu", "\"email\":\"" CKSIM_DEMO_EMAIL "\",\"sendType\":\"1\""), ==, 0);
  g_free (code);
  g_free (wrong);
  code = sim_code_for (f, CKSIM_DEMO_EMAIL);
  wrong = wrong_code (code);
  for (guint i = 0; i < 5; i++)
    sim_assert_error (reset_password (f, "eu", CKSIM_DEMO_EMAIL, wrong, "new-password-2"), 498);
  g_assert_null (cksim_server_get_code (f->server, CKSIM_DEMO_EMAIL));
  sim_assert_error (reset_password (f, "eu", CKSIM_DEMO_EMAIL, code, "new-password-2"), 498);
  g_free (sim_login (f, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, CKSIM_DEMO_EMAIL, "new-password-1"));

  /* Giving up does not lift the send interval; a new code works. */
  g_assert_cmpint (sms (f, "eu", "\"email\":\"" CKSIM_DEMO_EMAIL "\",\"sendType\":\"1\""), ==, 160038);
  cksim_server_advance_clock (f->server, 61);
  g_assert_cmpint (sms (f, "eu", "\"email\":\"" CKSIM_DEMO_EMAIL "\",\"sendType\":\"1\""), ==, 0);
  g_free (code);
  code = sim_code_for (f, CKSIM_DEMO_EMAIL);
  reply = reset_password (f, "eu", CKSIM_DEMO_EMAIL, code, "new-password-2");
  g_assert_false (json_object_has_member (reply, "error"));

  g_clear_pointer (&reply, json_object_unref);
  g_free (wrong);
  g_free (code);
  /* Register counts the same way. */
  g_assert_cmpint (sms (f, "eu", "\"email\":\"" NEW_EMAIL "\",\"sendType\":\"0\""), ==, 0);
  code = sim_code_for (f, NEW_EMAIL);
  wrong = wrong_code (code);
  for (guint i = 0; i < 5; i++)
    sim_assert_error (register_user (f, "eu", "email", NEW_EMAIL, wrong, "password-1"), 498);
  sim_assert_error (register_user (f, "eu", "email", NEW_EMAIL, code, "password-1"), 498);
}

/* The table keeps an identity only while its code lives or its send
 * interval runs: a stream of new identities does not make it grow. */
static void
test_code_table_bounded (void)
{
  g_autoptr(CkSimClock) clock = cksim_clock_new ();
  CkSimCodes *codes = cksim_codes_new (clock);
  const char *late;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *identity = g_strdup_printf ("user%u@relay.example", i);

      g_assert_nonnull (cksim_codes_issue (codes, identity, "0", 600, 60));
    }
  g_assert_cmpuint (cksim_codes_get_size (codes), ==, 100);

  /* All live until their lifetime ends. */
  cksim_clock_advance (clock, 599);
  late = cksim_codes_issue (codes, "late@relay.example", "0", 600, 60);
  g_assert_nonnull (late);
  g_assert_cmpuint (cksim_codes_get_size (codes), ==, 101);
  g_assert_true (cksim_codes_consume (codes, "late@relay.example", "0", late));

  /* Past lifetime and interval: dropped; the spent code still rate-limits. */
  cksim_clock_advance (clock, 1);
  g_assert_nonnull (cksim_codes_issue (codes, "other@relay.example", "0", 600, 60));
  g_assert_cmpuint (cksim_codes_get_size (codes), ==, 2);
  g_assert_null (cksim_codes_issue (codes, "late@relay.example", "0", 600, 60));

  cksim_clock_advance (clock, 60);
  g_assert_nonnull (cksim_codes_issue (codes, "late@relay.example", "0", 600, 60));
  g_assert_cmpuint (cksim_codes_get_size (codes), ==, 2);
  cksim_codes_free (codes);
}

static void
test_secret_equal (void)
{
  g_assert_true (cksim_secret_equal ("1234", "1234"));
  g_assert_false (cksim_secret_equal ("1234", "1235"));
  g_assert_false (cksim_secret_equal ("1234", "123"));
  g_assert_false (cksim_secret_equal ("", "0"));
  g_assert_true (cksim_secret_equal ("", ""));
  g_assert_false (cksim_secret_equal (NULL, "1234"));
  g_assert_false (cksim_secret_equal ("1234", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SIM_TEST_ADD ("/sim/account/sms", test_sms, F_DEFAULT);
  SIM_TEST_ADD ("/sim/account/register", test_register, F_DEFAULT);
  SIM_TEST_ADD ("/sim/account/register/code-rules", test_register_code_rules, F_DEFAULT);
  SIM_TEST_ADD ("/sim/account/register/cn-rule", test_register_cn_rule, F_DEFAULT);
  SIM_TEST_ADD ("/sim/account/reset-password", test_reset_password, F_DEFAULT);
  SIM_TEST_ADD ("/sim/account/change-password", test_change_password, F_DEFAULT);
  SIM_TEST_ADD ("/sim/account/login-not-activated", test_login_not_activated, F_DEFAULT);
  SIM_TEST_ADD ("/sim/account/refresh-errors", test_refresh_errors, F_DEFAULT);
  SIM_TEST_ADD ("/sim/account/codes/guess-limit", test_code_guess_limit, F_DEFAULT);
  g_test_add_func ("/sim/account/codes/table-bounded", test_code_table_bounded);
  g_test_add_func ("/sim/account/codes/secret-equal", test_secret_equal);

  return g_test_run ();
}
