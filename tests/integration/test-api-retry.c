/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-api-retry"

/* CkApi's retries (spec §1.5, §5): one shared refresh on 402, no retry on
 * a taken session, one retry on 429, and the rate limiter's queue. */

#include "api-test-util.h"

/* Expires the demo session's `at` on the simulator's clock, rt still live. */
static void
sign_in_then_expire (ApiFixture *fixture)
{
  /* The client's ts is real time: widen the window the clock moves in. */
  g_object_set (fixture->sim, "at-ttl", (gint64) 60, "ts-window", (gint64) 100000, NULL);
  api_sign_in (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  fixture->tokens_changed = 0;
  cksim_server_advance_clock (fixture->sim, 120);
}

typedef struct
{
  GAsyncResult *results[3];
} Concurrent;

static gboolean
all_done (gpointer data)
{
  Concurrent *c = data;

  for (guint i = 0; i < G_N_ELEMENTS (c->results); i++)
    if (c->results[i] == NULL)
      return FALSE;
  return TRUE;
}

/* Three concurrent calls meet an expired `at`: one refresh, three retries. */
static void
test_expired_single_refresh (ApiFixture    *fixture,
                             gconstpointer  data)
{
  g_autoptr(CkTokens) old = NULL;
  Concurrent c = { { NULL, } };

  sign_in_then_expire (fixture);
  old = ck_tokens_copy (ck_api_get_tokens (fixture->api));

  for (guint i = 0; i < G_N_ELEMENTS (c.results); i++)
    ck_api_list_devices_async (fixture->api, NULL, api_store_result_cb, &c.results[i]);
  api_wait_until (all_done, &c, API_TEST_WAIT_MS);

  for (guint i = 0; i < G_N_ELEMENTS (c.results); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonArray) list = ck_api_list_devices_finish (fixture->api, c.results[i], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (json_array_get_length (list), >, 0);
      g_object_unref (c.results[i]);
    }

  /* Exactly one refresh: one tokens-changed, one new `at`. */
  g_assert_cmpuint (fixture->tokens_changed, ==, 1);
  g_assert_cmpstr (ck_api_get_tokens (fixture->api)->access_token, !=, old->access_token);
  g_assert_cmpstr (ck_api_get_tokens (fixture->api)->identity, ==, CKSIM_DEMO_EMAIL);
}

/* A failed refresh fails the original call with the refresh's meaning. */
static void
test_expired_refresh_fails (ApiFixture    *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) list = NULL;

  sign_in_then_expire (fixture);
  cksim_server_arm_fault (fixture->sim, "refresh", 401);

  list = api_list_devices (fixture->api, &error);
  g_assert_null (list);
  g_assert_error (error, CK_ERROR, CK_ERROR_TOKEN_INVALID);
  g_assert_cmpuint (fixture->tokens_changed, ==, 0);
}

/* A single 402 (armed): refreshed, then retried once. */
static void
test_expired_retried_once (ApiFixture    *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) list = NULL;

  fixture->tokens_changed = 0;

  cksim_server_arm_fault (fixture->sim, "device-list", 402);
  list = api_list_devices (fixture->api, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_assert_cmpuint (fixture->tokens_changed, ==, 1);
}

/* A second login of the same account and app takes the session: 401,
 * reported as its own meaning, and nothing is retried or refreshed. */
static void
test_session_taken (ApiFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(CkApi) other = api_fixture_new_api (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) list = NULL;
  guint logins;

  api_sign_in (other, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  fixture->tokens_changed = 0;
  logins = cksim_server_get_login_count (fixture->sim);

  list = api_list_devices (fixture->api, &error);
  g_assert_null (list);
  g_assert_error (error, CK_ERROR, CK_ERROR_SESSION_TAKEN);
  g_assert_cmpuint (fixture->tokens_changed, ==, 0);
  g_assert_cmpuint (cksim_server_get_login_count (fixture->sim), ==, logins);

  /* The other session is unharmed. */
  g_clear_error (&error);
  g_clear_pointer (&list, json_array_unref);
  list = api_list_devices (other, &error);
  g_assert_no_error (error);
}

/* 429 (the simulator's rate limit): retried once after the limiter's interval. */
static void
test_rate_limited_retry (ApiFixture    *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) list = NULL;
  gint64 start;

  ck_rate_limiter_set_min_interval_ms (ck_api_get_rate_limiter (fixture->api), 100);

  cksim_server_arm_fault (fixture->sim, "device-list", 429);
  start = g_get_monotonic_time ();
  list = api_list_devices (fixture->api, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 100 * 1000);

}

/* The simulator's own --rate-limit: the client's limiter is off (loopback),
 * so a second call at once is answered 429, then retried once and served. */
static void
test_simulator_rate_limit (ApiFixture    *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) first = NULL;
  g_autoptr(JsonArray) second = NULL;

  g_object_set (fixture->sim, "rate-limit", TRUE, "rate-limit-gap-ms", 100, NULL);
  ck_rate_limiter_set_min_interval_ms (ck_api_get_rate_limiter (fixture->api), 150);
  g_assert_false (ck_api_get_rate_limit_active (fixture->api));

  first = api_list_devices (fixture->api, &error);
  g_assert_no_error (error);
  second = api_list_devices (fixture->api, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);

  /* Retried once, not in a loop: a second 429 is the answer. */
  g_object_set (fixture->sim, "rate-limit-gap-ms", 60000, NULL);
  ck_rate_limiter_set_min_interval_ms (ck_api_get_rate_limiter (fixture->api), 0);
  g_clear_pointer (&second, json_array_unref);
  second = api_list_devices (fixture->api, &error);
  g_assert_null (second);
  g_assert_error (error, CK_ERROR, CK_ERROR_RATE_LIMITED);
}

/* On for a loopback server only when asked: calls queue, none fails. */
static void
test_rate_limiter_queues (ApiFixture    *fixture,
                          gconstpointer  data)
{
  Concurrent c = { { NULL, } };
  gint64 start;

  g_assert_false (ck_api_get_rate_limit_active (fixture->api));

  ck_api_set_rate_limit (fixture->api, CK_API_RATE_LIMIT_ON);
  ck_rate_limiter_set_min_interval_ms (ck_api_get_rate_limiter (fixture->api), 100);
  g_assert_true (ck_api_get_rate_limit_active (fixture->api));

  start = g_get_monotonic_time ();
  for (guint i = 0; i < G_N_ELEMENTS (c.results); i++)
    ck_api_list_devices_async (fixture->api, NULL, api_store_result_cb, &c.results[i]);
  api_wait_until (all_done, &c, API_TEST_WAIT_MS);

  for (guint i = 0; i < G_N_ELEMENTS (c.results); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonArray) list G_GNUC_UNUSED = ck_api_list_devices_finish (fixture->api, c.results[i], &error);

      g_assert_no_error (error);
      g_object_unref (c.results[i]);
    }
  /* Three calls to one endpoint: at least two intervals apart in all. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 200 * 1000);
}

/* Cancelling a call queued in the limiter ends it at once. */
static void
test_rate_limiter_cancel (ApiFixture    *fixture,
                          gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GAsyncResult *first = NULL;
  GAsyncResult *second = NULL;
  g_autoptr(JsonArray) list = NULL;

  ck_api_set_rate_limit (fixture->api, CK_API_RATE_LIMIT_ON);
  ck_rate_limiter_set_min_interval_ms (ck_api_get_rate_limiter (fixture->api), 60000);

  ck_api_list_devices_async (fixture->api, NULL, api_store_result_cb, &first);
  ck_api_list_devices_async (fixture->api, cancellable, api_store_result_cb, &second);
  g_cancellable_cancel (cancellable);

  list = ck_api_list_devices_finish (fixture->api, api_wait_result (&second), &error);
  g_assert_null (list);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  list = ck_api_list_devices_finish (fixture->api, api_wait_result (&first), &error);
  g_assert_no_error (error);
  g_object_unref (first);
  g_object_unref (second);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, ApiFixture, NULL, api_fixture_set_up, func, api_fixture_tear_down)
#define ADD_SIGNED_IN(path, func) \
  g_test_add (path, ApiFixture, NULL, api_fixture_set_up_signed_in, func, api_fixture_tear_down)

  ADD ("/api/retry/expired-single-refresh", test_expired_single_refresh);
  ADD ("/api/retry/expired-refresh-fails", test_expired_refresh_fails);
  ADD_SIGNED_IN ("/api/retry/expired-retried-once", test_expired_retried_once);
  ADD_SIGNED_IN ("/api/retry/session-taken", test_session_taken);
  ADD_SIGNED_IN ("/api/retry/rate-limited", test_rate_limited_retry);
  ADD_SIGNED_IN ("/api/retry/simulator-rate-limit", test_simulator_rate_limit);
  ADD_SIGNED_IN ("/api/retry/rate-limiter-queues", test_rate_limiter_queues);
  ADD_SIGNED_IN ("/api/retry/rate-limiter-cancel", test_rate_limiter_cancel);

#undef ADD
#undef ADD_SIGNED_IN

  return g_test_run ();
}
