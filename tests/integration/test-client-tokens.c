/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-client-tokens"

/* The session's tokens over time: a handshake refused with 406 renews them
 * once (spec §4.3, Appendix B step 10), a 406 pushed on an open socket does
 * not (spec §4.11), and old tokens are renewed before they expire (spec §5
 * rule 5), at connect and on a timer. */

#include <libsoup/soup.h>

#include "api-test-util.h"

#define DAY_S   (24 * 60 * 60)
#define DAY_MS  (G_GINT64_CONSTANT (1000) * DAY_S)
#define AT_TTL  100    /* simulator seconds */
#define RT_TTL  1000

/* Watches the API's HTTP session: counts refresh calls, and moves the
 * simulator clock forward when a WebSocket is being opened, so the token
 * that passed dispatch is refused at userOnline. */
typedef struct
{
  CkSimServer *sim;
  guint        refreshes;
  guint        device_lists;
  guint        sockets;
  guint        age_sockets;        /* how many WebSocket openings age the tokens */
  gint64       age_by;             /* simulator seconds */
  guint        refreshes_before_list;
} Watch;

static void
request_queued_cb (SoupSession *session,
                   SoupMessage *message,
                   Watch       *watch)
{
  const char *path = g_uri_get_path (soup_message_get_uri (message));

  if (g_str_has_suffix (path, "/api/user/refresh"))
    watch->refreshes++;
  else if (g_str_has_suffix (path, "/api/user/device"))
    {
      if (watch->device_lists++ == 0)
        watch->refreshes_before_list = watch->refreshes;
    }
  else if (g_str_has_suffix (path, "/api/ws"))
    {
      watch->sockets++;
      if (watch->age_sockets > 0)
        {
          watch->age_sockets--;
          cksim_server_advance_clock (watch->sim, watch->age_by);
        }
    }
}

static void
watch_api (Watch       *watch,
           ApiFixture *fixture,
           CkApi       *api)
{
  watch->sim = fixture->sim;
  g_signal_connect (ck_api_get_session (api), "request-queued", G_CALLBACK (request_queued_cb), watch);
}

static void
unwatch_api (Watch *watch,
             CkApi *api)
{
  g_signal_handlers_disconnect_by_data (ck_api_get_session (api), watch);
}

/* These tests move the simulator clock by days while the client's ts stays
 * on the wall clock: widen the simulator's ts window (spec §8.2) to match. */
static void
fixture_set_up (ApiFixture    *fixture,
                gconstpointer  data)
{
  api_fixture_set_up (fixture, data);
  g_object_set (fixture->sim, "ts-window", (gint64) 100 * DAY_S, NULL);
}

static void
short_token_lifetimes (ApiFixture *fixture)
{
  g_object_set (fixture->sim, "at-ttl", (gint64) AT_TTL, "rt-ttl", (gint64) RT_TTL, NULL);
}

static char *
current_at (CkApi *api)
{
  return g_strdup (ck_api_get_tokens (api)->access_token);
}

static gboolean
connect_client (CkClient  *client,
                GError   **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  ck_client_connect_async (client, NULL, api_store_result_cb, &result);
  ok = ck_client_connect_finish (client, api_wait_result (&result), error);
  g_clear_object (&result);
  return ok;
}

/* Whether @api's current at still opens REST calls. */
static gboolean
at_is_live (ApiFixture *fixture,
            const char *at)
{
  g_autoptr(CkApi) probe = ck_api_new (fixture->template, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);
  g_autoptr(CkTokens) tokens = ck_tokens_new (at, NULL, "unused", CKSIM_DEMO_REGION, NULL);
  g_autoptr(JsonArray) list = NULL;
  g_autoptr(GError) error = NULL;

  ck_api_set_tokens (probe, tokens);
  list = api_list_devices (probe, &error);
  return list != NULL;
}

/* ------------------------------------------------------------------------ */
/* Handshake 406: one refresh                                                */

/* The at expired between dispatch and userOnline while the rt lives on:
 * one refresh, a fresh dispatch, online; nobody logged in again. */
static void
test_handshake_406_refreshes (ApiFixture    *fixture,
                              gconstpointer  data)
{
  g_autoptr(CkApi) api = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autofree char *old_at = NULL;
  g_autoptr(GError) error = NULL;
  Watch watch = { 0 };
  guint logins;

  short_token_lifetimes (fixture);
  api = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NULL, NULL);
  client = live_new_client (api);
  old_at = current_at (api);
  logins = cksim_server_get_login_count (fixture->sim);
  watch_api (&watch, fixture, api);
  watch.age_sockets = 1;
  watch.age_by = AT_TTL + 1;

  g_assert_true (connect_client (client, &error));
  g_assert_no_error (error);

  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_ONLINE);
  g_assert_cmpuint (watch.refreshes, ==, 1);
  g_assert_cmpuint (watch.sockets, ==, 2);
  g_assert_cmpuint (cksim_server_get_handshake_count (fixture->sim), ==, 2);
  g_assert_cmpuint (cksim_server_get_login_count (fixture->sim), ==, logins);
  g_assert_cmpstr (ck_api_get_tokens (api)->access_token, !=, old_at);
  g_assert_false (ck_device_get_stale (live_device (client, KITCHEN_PLUG)));
  unwatch_api (&watch, api);
}

/* The same after a drop: the reconnect renews the tokens and comes back
 * online instead of stopping as "session taken". */
static void
test_reconnect_406_refreshes (ApiFixture    *fixture,
                              gconstpointer  data)
{
  g_autoptr(CkApi) api = NULL;
  g_autoptr(CkClient) client = NULL;
  Watch watch = { 0 };
  guint logins;

  short_token_lifetimes (fixture);
  api = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NULL, NULL);
  client = live_new_client (api);
  live_connect (client);
  logins = cksim_server_get_login_count (fixture->sim);
  watch_api (&watch, fixture, api);
  watch.age_sockets = 1;
  watch.age_by = AT_TTL + 1;

  /* Dispatch's 402 on the aged token would refresh on its own; age it only
   * once dispatch has let it through. */
  g_assert_cmpuint (cksim_server_drop_sockets (fixture->sim, NULL), >=, 1);
  api_wait_until (live_is_reconnecting, client, API_TEST_WAIT_MS);
  api_wait_until (live_is_online, client, API_TEST_WAIT_MS);

  g_assert_cmpuint (watch.refreshes, ==, 1);
  g_assert_cmpuint (watch.sockets, ==, 2);
  g_assert_cmpuint (cksim_server_get_login_count (fixture->sim), ==, logins);
  api_run_for (100);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_ONLINE);
  unwatch_api (&watch, api);
}

typedef enum
{
  REFUSAL_REVOKED,       /* the rt was revoked with the at (the cloud answers 401) */
  REFUSAL_RT_EXPIRED,    /* the rt is past its lifetime too (402) */
  REFUSAL_406_AGAIN,     /* the renewed at is refused as well */
} Refusal;

/* A refresh that fails, or a second 406: "session taken", after exactly
 * one refresh and no login; the client then stays put. */
static void
test_handshake_406_session_taken (ApiFixture    *fixture,
                                  gconstpointer  data)
{
  Refusal refusal = GPOINTER_TO_INT (data);
  g_autoptr(CkApi) api = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(GError) error = NULL;
  Watch watch = { 0 };
  guint logins;
  guint handshakes;

  short_token_lifetimes (fixture);
  api = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NULL, NULL);
  client = live_new_client (api);
  logins = cksim_server_get_login_count (fixture->sim);
  watch_api (&watch, fixture, api);
  watch.age_sockets = 1;
  watch.age_by = AT_TTL + 1;
  switch (refusal)
    {
    case REFUSAL_REVOKED:
      cksim_server_arm_fault (fixture->sim, "refresh", 401);
      break;
    case REFUSAL_RT_EXPIRED:
      watch.age_by = RT_TTL + 1;
      break;
    case REFUSAL_406_AGAIN:
      watch.age_sockets = 2;
      break;
    default:
      g_assert_not_reached ();
    }

  g_assert_false (connect_client (client, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_SESSION_TAKEN);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_SESSION_TAKEN);
  g_assert_cmpuint (watch.refreshes, ==, 1);
  g_assert_cmpuint (watch.sockets, ==, refusal == REFUSAL_406_AGAIN ? 2 : 1);
  g_assert_cmpuint (cksim_server_get_login_count (fixture->sim), ==, logins);

  /* No loop: nothing more is tried. */
  handshakes = cksim_server_get_handshake_count (fixture->sim);
  api_run_for (200);
  g_assert_cmpuint (cksim_server_get_handshake_count (fixture->sim), ==, handshakes);
  g_assert_cmpuint (watch.refreshes, ==, 1);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_SESSION_TAKEN);
  unwatch_api (&watch, api);
}

/* A 406 pushed on an open socket after another login: session taken at
 * once, no refresh (it would silently take the session back). */
static void
test_pushed_406_no_refresh (ApiFixture    *fixture,
                            gconstpointer  data)
{
  g_autoptr(CkApi) api = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NULL, NULL);
  g_autoptr(CkClient) client = live_new_client (api);
  g_autoptr(CkApi) other = NULL;
  g_autofree char *other_at = NULL;
  Watch watch = { 0 };
  guint logins;

  live_connect (client);
  watch_api (&watch, fixture, api);
  logins = cksim_server_get_login_count (fixture->sim);

  other = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NULL, NULL);
  other_at = current_at (other);
  api_wait_until (live_is_session_taken, client, API_TEST_WAIT_MS);
  api_run_for (200);

  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_SESSION_TAKEN);
  g_assert_cmpuint (watch.refreshes, ==, 0);
  g_assert_cmpuint (watch.sockets, ==, 0);
  g_assert_cmpuint (cksim_server_get_login_count (fixture->sim), ==, logins + 1);
  /* The other client keeps its session. */
  g_assert_true (at_is_live (fixture, other_at));
  unwatch_api (&watch, api);
}

/* ------------------------------------------------------------------------ */
/* Proactive refresh (spec §5 rule 5)                                        */

/* Replaces @api's tokens by a copy issued @age_ms ago (0: unknown). */
static void
set_token_age (CkApi  *api,
               gint64  age_ms)
{
  g_autoptr(CkTokens) tokens = ck_tokens_copy (ck_api_get_tokens (api));

  tokens->issued_at = age_ms > 0 ? g_get_real_time () / 1000 - age_ms : 0;
  ck_api_set_tokens (api, tokens);
}

/* Tokens 26 days old (on both clocks: the simulator's at is still live)
 * are renewed before anything else at connect; 24 days old ones, or ones
 * whose age is unknown (stored before it was recorded), are not. */
static void
test_refresh_old_tokens_at_start (ApiFixture    *fixture,
                                  gconstpointer  data)
{
  static const struct
  {
    gint64 age_ms;
    guint  refreshes;
  } cases[] = {
    { 26 * DAY_MS, 1 },
    { 24 * DAY_MS, 0 },
    { 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CkApi) api = ck_api_new (fixture->template, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);
      g_autoptr(CkApi) login = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NULL, NULL);
      g_autoptr(CkClient) client = NULL;
      g_autofree char *old_at = current_at (login);
      g_autoptr(GError) error = NULL;
      Watch watch = { 0 };
      gint64 before_ms;

      g_test_message ("tokens %" G_GINT64_FORMAT " days old", cases[i].age_ms / DAY_MS);
      /* A restarted client with the stored session (the default age limit). */
      ck_api_set_tokens (api, ck_api_get_tokens (login));
      set_token_age (api, cases[i].age_ms);
      cksim_server_advance_clock (fixture->sim, MAX (cases[i].age_ms / 1000, 26 * DAY_S));
      client = live_new_client (api);
      watch_api (&watch, fixture, api);
      before_ms = g_get_real_time () / 1000;

      g_assert_true (connect_client (client, &error));
      g_assert_no_error (error);
      g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_ONLINE);
      g_assert_cmpuint (watch.refreshes, ==, cases[i].refreshes);
      /* The refresh comes first (spec Appendix B, step 2). */
      g_assert_cmpuint (watch.refreshes_before_list, ==, cases[i].refreshes);
      if (cases[i].refreshes > 0)
        {
          g_assert_cmpstr (ck_api_get_tokens (api)->access_token, !=, old_at);
          g_assert_cmpint (ck_api_get_tokens (api)->issued_at, >=, before_ms);
          g_assert_false (at_is_live (fixture, old_at));
        }
      else
        g_assert_cmpstr (ck_api_get_tokens (api)->access_token, ==, old_at);

      unwatch_api (&watch, api);
      ck_client_sign_out (client);
    }
}

static gboolean
refreshed_once (gpointer data)
{
  return ((Watch *) data)->refreshes >= 1;
}

/* While online, tokens that come of age are renewed in place: the live
 * socket stays, the next reconnect uses the new at, and the renewed
 * session is what the keyring would keep ("tokens-changed"). */
static void
test_refresh_timer (ApiFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(CkApi) api = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, NULL, NULL);
  g_autoptr(CkClient) client = live_new_client (api);
  g_autofree char *old_at = current_at (api);
  Watch watch = { 0 };
  guint handshakes;
  guint logins;
  gint64 issued_before;

  live_connect (client);
  watch_api (&watch, fixture, api);
  handshakes = cksim_server_get_handshake_count (fixture->sim);
  logins = cksim_server_get_login_count (fixture->sim);
  issued_before = ck_api_get_tokens (api)->issued_at;

  g_object_set (client, "token-refresh-age", (guint64) 300, NULL);
  api_wait_until (refreshed_once, &watch, API_TEST_WAIT_MS);
  /* Stop it before it comes round again. */
  g_object_set (client, "token-refresh-age", (guint64) 0, NULL);
  api_run_for (400);

  g_assert_cmpuint (watch.refreshes, ==, 1);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_ONLINE);
  g_assert_cmpuint (cksim_server_get_handshake_count (fixture->sim), ==, handshakes);
  g_assert_cmpuint (cksim_server_get_login_count (fixture->sim), ==, logins);
  g_assert_cmpstr (ck_api_get_tokens (api)->access_token, !=, old_at);
  g_assert_cmpint (ck_api_get_tokens (api)->issued_at, >, issued_before);
  g_assert_false (at_is_live (fixture, old_at));
  g_assert_true (at_is_live (fixture, ck_api_get_tokens (api)->access_token));

  /* The next reconnect hands the renewed at to userOnline. */
  g_assert_cmpuint (cksim_server_drop_sockets (fixture->sim, NULL), >=, 1);
  api_wait_until (live_is_reconnecting, client, API_TEST_WAIT_MS);
  api_wait_until (live_is_online, client, API_TEST_WAIT_MS);
  g_assert_cmpuint (watch.refreshes, ==, 1);
  unwatch_api (&watch, api);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, ApiFixture, data, fixture_set_up, func, api_fixture_tear_down)

  ADD ("/client-tokens/handshake-406/refreshes", test_handshake_406_refreshes, NULL);
  ADD ("/client-tokens/handshake-406/reconnect-refreshes", test_reconnect_406_refreshes, NULL);
  ADD ("/client-tokens/handshake-406/revoked", test_handshake_406_session_taken,
       GINT_TO_POINTER (REFUSAL_REVOKED));
  ADD ("/client-tokens/handshake-406/rt-expired", test_handshake_406_session_taken,
       GINT_TO_POINTER (REFUSAL_RT_EXPIRED));
  ADD ("/client-tokens/handshake-406/again", test_handshake_406_session_taken,
       GINT_TO_POINTER (REFUSAL_406_AGAIN));
  ADD ("/client-tokens/pushed-406/no-refresh", test_pushed_406_no_refresh, NULL);
  ADD ("/client-tokens/proactive/at-start", test_refresh_old_tokens_at_start, NULL);
  ADD ("/client-tokens/proactive/timer", test_refresh_timer, NULL);

#undef ADD

  return g_test_run ();
}
