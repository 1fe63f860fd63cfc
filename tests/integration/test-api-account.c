/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-api-account"

/* CkApi's account operations against the simulator (spec §3.1–3.7): the
 * success path and every error code the spec lists, natural or armed. */

#include <stdlib.h>
#include <string.h>

#include "api-test-util.h"

#define NEW_EMAIL     "new-user@relay.example"
#define NEW_PHONE     "+447700900123"
#define US_EMAIL      "far-away@relay.example"
#define US_PASSWORD   "far-away-1"
#define NEW_PASSWORD  "a-new-password-1"

/* ------------------------------------------------------------------------ */
/* Blocking wrappers (bounded main-loop waits)                               */

static char *
lookup_region (CkApi       *api,
               const char  *country_code,
               GError     **error)
{
  GAsyncResult *result = NULL;
  char *region;

  ck_api_lookup_region_async (api, country_code, NULL, api_store_result_cb, &result);
  region = ck_api_lookup_region_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return region;
}

static gboolean
send_code (CkApi          *api,
           CkCodePurpose   purpose,
           const char     *identity,
           GError        **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  ck_api_send_code_async (api, purpose, identity, NULL, api_store_result_cb, &result);
  ok = ck_api_send_code_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return ok;
}

static CkTokens *
register_account (CkApi       *api,
                  const char  *identity,
                  const char  *password,
                  const char  *code,
                  GError     **error)
{
  GAsyncResult *result = NULL;
  CkTokens *tokens;

  ck_api_register_async (api, identity, password, code, NULL, api_store_result_cb, &result);
  tokens = ck_api_register_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return tokens;
}

static CkTokens *
reset_password (CkApi       *api,
                const char  *identity,
                const char  *password,
                const char  *code,
                GError     **error)
{
  GAsyncResult *result = NULL;
  CkTokens *tokens;

  ck_api_reset_password_async (api, identity, password, code, NULL, api_store_result_cb, &result);
  tokens = ck_api_reset_password_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return tokens;
}

static gboolean
change_password (CkApi       *api,
                 const char  *old_password,
                 const char  *new_password,
                 GError     **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  ck_api_change_password_async (api, old_password, new_password, NULL, api_store_result_cb, &result);
  ok = ck_api_change_password_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return ok;
}

static CkTokens *
login (CkApi       *api,
       const char  *identity,
       const char  *password,
       GError     **error)
{
  GAsyncResult *result = NULL;
  CkTokens *tokens;

  ck_api_login_async (api, identity, password, NULL, api_store_result_cb, &result);
  tokens = ck_api_login_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return tokens;
}

static CkTokens *
refresh (CkApi   *api,
         GError **error)
{
  GAsyncResult *result = NULL;
  CkTokens *tokens;

  ck_api_refresh_async (api, NULL, api_store_result_cb, &result);
  tokens = ck_api_refresh_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return tokens;
}

/* ------------------------------------------------------------------------ */
/* Region lookup (spec §3.1)                                                 */

static void
test_region (ApiFixture    *fixture,
             gconstpointer  data)
{
  static const struct { const char *country; const char *region; } cases[] = {
    { "44", "eu" }, { "+86", "cn" }, { "1", "us" }, { "91", "as" }, { "61", "us" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *fallback = NULL;
  char *region;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      region = lookup_region (fixture->api, cases[i].country, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (region, ==, cases[i].region);
      g_free (region);
    }

  /* No country: the simulator's default region. */
  fallback = lookup_region (fixture->api, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ck_api_region_is_valid (fallback));

  /* 406: a wrong app secret fails the signature. */
  {
    g_autoptr(CkApi) wrong = ck_api_new (fixture->template, CKSIM_EXAMPLE_APP_ID,
                                         CKSIM_EXAMPLE2_APP_SECRET);

    region = lookup_region (wrong, "44", &error);
    g_assert_null (region);
    g_assert_error (error, CK_ERROR, CK_ERROR_AUTH_FAILED);
    g_clear_error (&error);
  }

  /* 400 (armed). */
  cksim_server_arm_fault (fixture->sim, "region", 400);
  region = lookup_region (fixture->api, "44", &error);
  g_assert_null (region);
  g_assert_error (error, CK_ERROR, CK_ERROR_BAD_REQUEST);
}

/* ------------------------------------------------------------------------ */
/* Verification code (spec §3.2)                                             */

static void
test_send_code (ApiFixture    *fixture,
                gconstpointer  data)
{
  static const struct { int code; CkError meaning; } armed[] = {
    { 400, CK_ERROR_BAD_REQUEST }, { 500, CK_ERROR_SERVER }, { 504, CK_ERROR_SERVER },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  /* Register code to a new e-mail address: readable through /_sim/. */
  g_assert_true (send_code (fixture->api, CK_CODE_PURPOSE_REGISTER, NEW_EMAIL, &error));
  g_assert_no_error (error);
  code = api_sim_code (fixture, NEW_EMAIL);
  g_assert_nonnull (code);
  g_assert_cmpuint (strlen (code), ==, 4);

  /* 160038: again within the interval. */
  g_assert_false (send_code (fixture->api, CK_CODE_PURPOSE_REGISTER, NEW_EMAIL, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_RATE_LIMITED);
  g_clear_error (&error);

  /* A phone number goes out as `to`. */
  g_assert_true (send_code (fixture->api, CK_CODE_PURPOSE_REGISTER, NEW_PHONE, &error));
  g_assert_no_error (error);

  /* 409: a register code to an existing account. */
  g_assert_false (send_code (fixture->api, CK_CODE_PURPOSE_REGISTER, CKSIM_DEMO_EMAIL, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_ALREADY_EXISTS);
  g_clear_error (&error);

  /* 401: a reset code to an unknown account. */
  g_assert_false (send_code (fixture->api, CK_CODE_PURPOSE_RESET, "nobody@relay.example", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_USER_NOT_FOUND);
  g_clear_error (&error);

  /* 301: the account lives in us; the call follows it once. */
  g_assert_true (cksim_server_add_user (fixture->sim, US_EMAIL, US_PASSWORD, "us", &error));
  g_assert_cmpstr (ck_api_get_region (fixture->api), ==, "eu");
  g_assert_true (send_code (fixture->api, CK_CODE_PURPOSE_RESET, US_EMAIL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ck_api_get_region (fixture->api), ==, "us");

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      cksim_server_arm_fault (fixture->sim, "sms", armed[i].code);
      g_assert_false (send_code (fixture->api, CK_CODE_PURPOSE_RESET, CKSIM_DEMO_EMAIL, &error));
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }
}

/* ------------------------------------------------------------------------ */
/* Register (spec §3.3)                                                      */

static void
test_register (ApiFixture    *fixture,
               gconstpointer  data)
{
  static const struct { int code; CkError meaning; } armed[] = {
    { 400, CK_ERROR_BAD_REQUEST }, { 401, CK_ERROR_FAILED }, { 409, CK_ERROR_ALREADY_EXISTS },
    { 500, CK_ERROR_SERVER },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(CkTokens) again = NULL;
  g_autofree char *code = NULL;
  g_autofree char *wrong = NULL;

  g_assert_true (send_code (fixture->api, CK_CODE_PURPOSE_REGISTER, NEW_EMAIL, &error));
  g_assert_no_error (error);
  code = api_sim_code (fixture, NEW_EMAIL);
  g_assert_nonnull (code);

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      cksim_server_arm_fault (fixture->sim, "register", armed[i].code);
      g_assert_null (register_account (fixture->api, NEW_EMAIL, NEW_PASSWORD, code, &error));
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }

  /* 498: a wrong code. */
  wrong = g_strdup_printf ("%04d", (atoi (code) + 1) % 10000);
  g_assert_null (register_account (fixture->api, NEW_EMAIL, NEW_PASSWORD, wrong, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_WRONG_CODE);
  g_clear_error (&error);

  /* Success, after a 301 (armed, naming eu) followed once: signed in at once. */
  cksim_server_arm_fault (fixture->sim, "register", 301);
  tokens = register_account (fixture->api, NEW_EMAIL, NEW_PASSWORD, code, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tokens);
  g_assert_cmpstr (tokens->identity, ==, NEW_EMAIL);
  g_assert_cmpstr (tokens->region, ==, "eu");
  g_assert_cmpuint (fixture->tokens_changed, ==, 1);
  g_assert_cmpstr (ck_api_get_tokens (fixture->api)->access_token, ==, tokens->access_token);

  /* The new account signs in with its password. */
  again = login (fixture->api, NEW_EMAIL, NEW_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

/* A phone account: registered through `to`, signed in with phoneNumber. */
static void
test_register_phone (ApiFixture    *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(CkTokens) again = NULL;
  g_autofree char *code = NULL;

  g_assert_true (send_code (fixture->api, CK_CODE_PURPOSE_REGISTER, NEW_PHONE, &error));
  g_assert_no_error (error);
  code = api_sim_code (fixture, NEW_PHONE);
  g_assert_nonnull (code);

  tokens = register_account (fixture->api, NEW_PHONE, NEW_PASSWORD, code, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tokens);

  again = login (fixture->api, NEW_PHONE, NEW_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->identity, ==, NEW_PHONE);
}

/* ------------------------------------------------------------------------ */
/* Login (spec §3.4)                                                         */

static void
test_login (ApiFixture    *fixture,
            gconstpointer  data)
{
  static const struct { int code; CkError meaning; } armed[] = {
    { 400, CK_ERROR_BAD_REQUEST }, { 403, CK_ERROR_APP_DISABLED }, { 500, CK_ERROR_SERVER },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(CkTokens) moved = NULL;

  tokens = login (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tokens->region, ==, CKSIM_DEMO_REGION);
  g_assert_cmpuint (strlen (tokens->access_token), ==, 40);
  g_assert_cmpuint (fixture->tokens_changed, ==, 1);

  /* 401 wrong password, 404 unknown user. */
  g_assert_null (login (fixture->api, CKSIM_DEMO_EMAIL, "not-the-password", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_null (login (fixture->api, "nobody@relay.example", "whatever-1", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_USER_NOT_FOUND);
  g_clear_error (&error);

  /* 402: an e-mail address not activated. */
  g_assert_true (cksim_server_set_user_activated (fixture->sim, CKSIM_DEMO_GUEST_EMAIL, FALSE));
  g_assert_null (login (fixture->api, CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_EMAIL_NOT_ACTIVATED);
  g_clear_error (&error);

  /* 406: a bad signature (wrong secret). */
  {
    g_autoptr(CkApi) wrong = ck_api_new (fixture->template, CKSIM_EXAMPLE_APP_ID,
                                         CKSIM_EXAMPLE2_APP_SECRET);

    g_assert_null (login (wrong, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD, &error));
    g_assert_error (error, CK_ERROR, CK_ERROR_AUTH_FAILED);
    g_clear_error (&error);
  }

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      cksim_server_arm_fault (fixture->sim, "login", armed[i].code);
      g_assert_null (login (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD, &error));
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }

  /* 301: an account of us, asked in eu, follows the region once. */
  g_assert_true (cksim_server_add_user (fixture->sim, US_EMAIL, US_PASSWORD, "us", &error));
  moved = login (fixture->api, US_EMAIL, US_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (moved->region, ==, "us");
  g_assert_cmpstr (ck_api_get_region (fixture->api), ==, "us");
}

/* ------------------------------------------------------------------------ */
/* Reset and change password (spec §3.5, §3.6)                               */

static void
test_reset_password (ApiFixture    *fixture,
                     gconstpointer  data)
{
  static const struct { int code; CkError meaning; } armed[] = {
    { 400, CK_ERROR_BAD_REQUEST }, { 401, CK_ERROR_AUTH_FAILED },
    { 403, CK_ERROR_NOT_PERMITTED }, { 500, CK_ERROR_SERVER },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(CkTokens) again = NULL;
  g_autofree char *code = NULL;
  g_autofree char *wrong = NULL;

  g_assert_true (send_code (fixture->api, CK_CODE_PURPOSE_RESET, CKSIM_DEMO_EMAIL, &error));
  g_assert_no_error (error);
  code = api_sim_code (fixture, CKSIM_DEMO_EMAIL);
  g_assert_nonnull (code);

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      cksim_server_arm_fault (fixture->sim, "password-reset", armed[i].code);
      g_assert_null (reset_password (fixture->api, CKSIM_DEMO_EMAIL, NEW_PASSWORD, code, &error));
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }

  wrong = g_strdup_printf ("%04d", (atoi (code) + 1) % 10000);
  g_assert_null (reset_password (fixture->api, CKSIM_DEMO_EMAIL, NEW_PASSWORD, wrong, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_WRONG_CODE);
  g_clear_error (&error);

  tokens = reset_password (fixture->api, CKSIM_DEMO_EMAIL, NEW_PASSWORD, code, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tokens);
  g_assert_cmpuint (fixture->tokens_changed, ==, 1);

  /* The old password is gone, the new one works. */
  g_assert_null (login (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  again = login (fixture->api, CKSIM_DEMO_EMAIL, NEW_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

static void
test_change_password (ApiFixture    *fixture,
                      gconstpointer  data)
{
  static const struct { int code; CkError meaning; } armed[] = {
    { 400, CK_ERROR_BAD_REQUEST }, { 500, CK_ERROR_SERVER },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CkTokens) again = NULL;

  /* Not signed in: refused before anything is sent. */
  g_assert_false (change_password (fixture->api, CKSIM_DEMO_PASSWORD, NEW_PASSWORD, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);

  api_sign_in (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);

  /* 401: a wrong current password. */
  g_assert_false (change_password (fixture->api, "not-the-password", NEW_PASSWORD, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (armed); i++)
    {
      cksim_server_arm_fault (fixture->sim, "password-change", armed[i].code);
      g_assert_false (change_password (fixture->api, CKSIM_DEMO_PASSWORD, NEW_PASSWORD, &error));
      g_assert_error (error, CK_ERROR, (gint) armed[i].meaning);
      g_clear_error (&error);
    }

  g_assert_true (change_password (fixture->api, CKSIM_DEMO_PASSWORD, NEW_PASSWORD, &error));
  g_assert_no_error (error);

  again = login (fixture->api, CKSIM_DEMO_EMAIL, NEW_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

/* ------------------------------------------------------------------------ */
/* Refresh (spec §3.7)                                                       */

static void
test_refresh (ApiFixture    *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CkTokens) old = NULL;
  g_autoptr(CkTokens) fresh = NULL;

  /* Signed out: nothing to refresh with. */
  g_assert_null (refresh (fixture->api, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);

  api_sign_in (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  old = ck_tokens_copy (ck_api_get_tokens (fixture->api));

  fresh = refresh (fixture->api, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fresh);
  g_assert_cmpstr (fresh->access_token, !=, old->access_token);
  g_assert_cmpstr (fresh->identity, ==, CKSIM_DEMO_EMAIL);
  g_assert_cmpstr (ck_api_get_tokens (fixture->api)->access_token, ==, fresh->access_token);
  g_assert_cmpuint (fixture->tokens_changed, ==, 2);

  /* 401: the old rt was revoked by the refresh. */
  ck_api_set_tokens (fixture->api, old);
  g_assert_null (refresh (fixture->api, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_TOKEN_INVALID);
  g_clear_error (&error);

  /* 402: an expired rt (the simulator's clock moves past its lifetime). */
  g_object_set (fixture->sim, "rt-ttl", (gint64) 60, "ts-window", (gint64) 100000, NULL);
  api_sign_in (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  cksim_server_advance_clock (fixture->sim, 120);
  g_assert_null (refresh (fixture->api, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_TOKEN_EXPIRED);
  g_clear_error (&error);

  /* 400 and 500 (armed). */
  cksim_server_arm_fault (fixture->sim, "refresh", 400);
  g_assert_null (refresh (fixture->api, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_BAD_REQUEST);
  g_clear_error (&error);
  cksim_server_arm_fault (fixture->sim, "refresh", 500);
  g_assert_null (refresh (fixture->api, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_SERVER);
}

/* ------------------------------------------------------------------------ */
/* A disabled app id (spec §8.2.1)                                           */

static void
assert_app_disabled (GError **error)
{
  g_assert_error (*error, CK_ERROR, CK_ERROR_APP_DISABLED);
  g_assert_cmpint (ck_error_get_cloud_code (*error), ==, 403);
  g_assert_cmpstr (ck_error_get_cloud_text (*error), ==, "Sign:oauthClient enable invalid");
  g_clear_error (error);
}

/* Every REST call of the disabled app says so, Sign and Bearer alike, and
 * nothing retries or refreshes around it; the other app pair is untouched. */
static void
test_app_disabled (ApiFixture    *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CkApi) other = api_new_unsigned (fixture, CKSIM_EXAMPLE2_APP_ID, CKSIM_EXAMPLE2_APP_SECRET);
  g_autoptr(CkTokens) other_tokens = NULL;
  g_autoptr(JsonArray) list = NULL;
  guint logins;

  api_sign_in (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  g_assert_true (cksim_server_set_app_enabled (fixture->sim, CKSIM_EXAMPLE_APP_ID, FALSE));
  logins = cksim_server_get_login_count (fixture->sim);
  fixture->tokens_changed = 0;

  g_assert_null (login (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD, &error));
  assert_app_disabled (&error);
  g_assert_null (lookup_region (fixture->api, "44", &error));
  assert_app_disabled (&error);
  /* 403 on reset password otherwise means "not permitted": the text decides. */
  g_assert_false (send_code (fixture->api, CK_CODE_PURPOSE_RESET, CKSIM_DEMO_EMAIL, &error));
  assert_app_disabled (&error);
  g_assert_null (refresh (fixture->api, &error));
  assert_app_disabled (&error);
  g_assert_null (list = api_list_devices (fixture->api, &error));
  assert_app_disabled (&error);
  g_assert_false (change_password (fixture->api, CKSIM_DEMO_PASSWORD, NEW_PASSWORD, &error));
  assert_app_disabled (&error);
  g_assert_cmpuint (cksim_server_get_login_count (fixture->sim), ==, logins);
  g_assert_cmpuint (fixture->tokens_changed, ==, 0);

  other_tokens = login (other, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (other_tokens);

  /* Enabled again: the same session works. */
  g_assert_true (cksim_server_set_app_enabled (fixture->sim, CKSIM_EXAMPLE_APP_ID, TRUE));
  list = api_list_devices (fixture->api, &error);
  g_assert_no_error (error);
  g_assert_nonnull (api_find_listed (list, KITCHEN_PLUG));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, ApiFixture, NULL, api_fixture_set_up, func, api_fixture_tear_down)

  ADD ("/api/account/region", test_region);
  ADD ("/api/account/send-code", test_send_code);
  ADD ("/api/account/register", test_register);
  ADD ("/api/account/register-phone", test_register_phone);
  ADD ("/api/account/login", test_login);
  ADD ("/api/account/reset-password", test_reset_password);
  ADD ("/api/account/change-password", test_change_password);
  ADD ("/api/account/refresh", test_refresh);
  ADD ("/api/account/app-disabled", test_app_disabled);

#undef ADD

  return g_test_run ();
}
