/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-session-races"

/* Overlaps of the session's own work: a call in flight while our refresh
 * revokes its token, a refresh answering after sign-out or a newer
 * session, a session lost while its socket is up, and a sign-out or a new
 * connect while a connect is in flight. */

#include "api-test-util.h"
#include "ck-client-private.h"

/* ------------------------------------------------------------------------ */
/* CkApi                                                                     */

/* A refresh revokes the `at` it replaces, so a call sent with it answers
 * 401: that is our own doing, not "signed in elsewhere"; the call is sent
 * once more with the new token. */
static void
test_call_during_refresh (ApiFixture    *fixture,
                          gconstpointer  data)
{
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(JsonArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *refreshed = NULL;
  GAsyncResult *listed = NULL;
  g_autofree char *old_at = g_strdup (ck_api_get_tokens (fixture->api)->access_token);

  ck_api_refresh_async (fixture->api, NULL, api_store_result_cb, &refreshed);
  ck_api_list_devices_async (fixture->api, NULL, api_store_result_cb, &listed);

  tokens = ck_api_refresh_finish (fixture->api, api_wait_result (&refreshed), &error);
  g_assert_no_error (error);
  g_assert_nonnull (tokens);
  g_assert_cmpstr (tokens->access_token, !=, old_at);

  list = ck_api_list_devices_finish (fixture->api, api_wait_result (&listed), &error);
  g_assert_no_error (error);
  g_assert_nonnull (api_find_listed (list, KITCHEN_PLUG));
  g_clear_object (&refreshed);
  g_clear_object (&listed);

  /* A 401 for the current token still means someone else signed in. */
  {
    g_autoptr(CkApi) other = api_fixture_new_api (fixture);
    g_autoptr(JsonArray) none = NULL;

    api_sign_in (other, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
    none = api_list_devices (fixture->api, &error);
    g_assert_null (none);
    g_assert_error (error, CK_ERROR, CK_ERROR_SESSION_TAKEN);
  }
}

/* Signed out while the refresh was in flight: its answer must not bring
 * the session back nor reach the keepers of the tokens. */
static void
test_refresh_after_sign_out (ApiFixture    *fixture,
                             gconstpointer  data)
{
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  ck_api_refresh_async (fixture->api, NULL, api_store_result_cb, &result);
  ck_api_set_tokens (fixture->api, NULL);
  tokens = ck_api_refresh_finish (fixture->api, api_wait_result (&result), &error);
  g_clear_object (&result);

  g_assert_null (tokens);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (ck_api_get_tokens (fixture->api));
  g_assert_cmpuint (fixture->tokens_changed, ==, 0);
}

/* A newer session installed while the old one's refresh was in flight
 * stays; a refresh asked for afterwards does not join the stale one. */
static void
test_refresh_after_new_session (ApiFixture    *fixture,
                                gconstpointer  data)
{
  g_autoptr(CkTokens) newer = ck_tokens_copy (ck_api_get_tokens (fixture->api));
  g_autoptr(CkTokens) stale = NULL;
  g_autoptr(CkTokens) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) later_error = NULL;
  GAsyncResult *first = NULL;
  GAsyncResult *second = NULL;

  ck_api_refresh_async (fixture->api, NULL, api_store_result_cb, &first);
  /* "A new login": the same strings, but a new session all the same. */
  ck_api_set_tokens (fixture->api, NULL);
  ck_api_set_tokens (fixture->api, newer);
  ck_api_refresh_async (fixture->api, NULL, api_store_result_cb, &second);

  stale = ck_api_refresh_finish (fixture->api, api_wait_result (&first), &error);
  g_assert_null (stale);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* The second one was sent on its own (with an rt the first one already
   * used up): not the stale answer. */
  later = ck_api_refresh_finish (fixture->api, api_wait_result (&second), &later_error);
  g_assert_false (g_error_matches (later_error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  /* Only its own answer (if the cloud took it) replaces the newer session. */
  g_assert_cmpstr (ck_api_get_tokens (fixture->api)->access_token, ==,
                   later != NULL ? later->access_token : newer->access_token);
  g_assert_cmpuint (fixture->tokens_changed, ==, later != NULL ? 1 : 0);
  g_clear_object (&first);
  g_clear_object (&second);
}

/* ------------------------------------------------------------------------ */
/* CkClient                                                                  */

static gboolean
has_live_socket (gpointer client)
{
  return ck_client_get_live_socket (client) != NULL;
}

/* A refused proactive refresh loses the session: the socket closes with
 * it, and nothing later turns "sign in again" into "offline". */
static void
test_session_lost_closes_socket (ApiFixture    *fixture,
                                 gconstpointer  data)
{
  g_autoptr(CkClient) client = live_new_demo_client (fixture);

  cksim_server_arm_fault (fixture->sim, "refresh", 402);
  g_object_set (client, "token-refresh-age", (guint64) 1, NULL);
  api_wait_until (live_is_session_taken, client, API_TEST_WAIT_MS);
  g_assert_null (ck_client_get_live_socket (client));

  cksim_server_drop_sockets (fixture->sim, NULL);
  api_run_for (200);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_SESSION_TAKEN);
}

static guint
n_devices (CkClient *client)
{
  return g_list_model_get_n_items (G_LIST_MODEL (ck_client_get_devices (client)));
}

static gboolean
has_devices (gpointer client)
{
  return n_devices (client) > 0;
}

static void
assert_connect_superseded (CkClient      *client,
                           GAsyncResult **slot)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ck_client_connect_finish (client, api_wait_result (slot), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (slot);
}

/* Signed out while connecting: the connect stops and changes nothing, at
 * whichever step it was. */
static void
test_sign_out_during_connect (ApiFixture    *fixture,
                              gconstpointer  data)
{
  g_autoptr(CkApi) api = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NULL, NULL);
  g_autoptr(CkClient) client = live_new_client (api);
  g_autoptr(CkTokens) tokens = ck_tokens_copy (ck_api_get_tokens (api));
  GAsyncResult *result = NULL;

  /* While the device list is on its way. */
  ck_client_connect_async (client, NULL, api_store_result_cb, &result);
  ck_client_sign_out (client);
  assert_connect_superseded (client, &result);
  api_run_for (100);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_SIGNED_OUT);
  g_assert_cmpuint (n_devices (client), ==, 0);

  /* While the live session is being opened (the list is in). */
  ck_api_set_tokens (api, tokens);
  ck_client_connect_async (client, NULL, api_store_result_cb, &result);
  api_wait_until (has_devices, client, API_TEST_WAIT_MS);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_CONNECTING);
  ck_client_sign_out (client);
  assert_connect_superseded (client, &result);
  api_run_for (100);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_SIGNED_OUT);
  g_assert_cmpuint (n_devices (client), ==, 0);
  g_assert_null (ck_client_get_live_socket (client));
}

/* A second connect replaces the first: one session, online. */
static void
test_connect_twice (ApiFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(CkApi) api = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NULL, NULL);
  g_autoptr(CkClient) client = live_new_client (api);
  g_autoptr(GError) error = NULL;
  GAsyncResult *first = NULL;
  GAsyncResult *second = NULL;

  ck_client_connect_async (client, NULL, api_store_result_cb, &first);
  api_wait_until (has_devices, client, API_TEST_WAIT_MS);
  ck_client_connect_async (client, NULL, api_store_result_cb, &second);
  assert_connect_superseded (client, &first);
  g_assert_true (ck_client_connect_finish (client, api_wait_result (&second), &error));
  g_assert_no_error (error);
  g_clear_object (&second);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_ONLINE);
  api_wait_until (has_live_socket, client, API_TEST_WAIT_MS);
  api_run_for (100);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_ONLINE);
}

/* The caller's cancellable still stops its connect; the next one works. */
static void
test_connect_cancelled_by_caller (ApiFixture    *fixture,
                                  gconstpointer  data)
{
  g_autoptr(CkApi) api = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NULL, NULL);
  g_autoptr(CkClient) client = live_new_client (api);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GAsyncResult *result = NULL;

  ck_client_connect_async (client, cancellable, api_store_result_cb, &result);
  api_wait_until (has_devices, client, API_TEST_WAIT_MS);
  g_cancellable_cancel (cancellable);
  assert_connect_superseded (client, &result);
  g_assert_null (ck_client_get_live_socket (client));

  live_connect (client);
  /* Cancelling a finished connect's cancellable does not touch the session. */
  g_cancellable_cancel (cancellable);
  api_run_for (100);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_ONLINE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, setup) \
  g_test_add (path, ApiFixture, NULL, setup, func, api_fixture_tear_down)

  ADD ("/session-races/call-during-refresh", test_call_during_refresh, api_fixture_set_up_signed_in);
  ADD ("/session-races/refresh-after-sign-out", test_refresh_after_sign_out, api_fixture_set_up_signed_in);
  ADD ("/session-races/refresh-after-new-session", test_refresh_after_new_session,
       api_fixture_set_up_signed_in);
  ADD ("/session-races/session-lost-closes-socket", test_session_lost_closes_socket, api_fixture_set_up);
  ADD ("/session-races/sign-out-during-connect", test_sign_out_during_connect, api_fixture_set_up);
  ADD ("/session-races/connect-twice", test_connect_twice, api_fixture_set_up);
  ADD ("/session-races/connect-cancelled-by-caller", test_connect_cancelled_by_caller, api_fixture_set_up);

#undef ADD

  return g_test_run ();
}
