/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "api-test-util"

#include "api-test-util.h"

#include <libsoup/soup.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Fixture                                                                   */

static void
tokens_changed_cb (CkApi      *api,
                   ApiFixture *fixture)
{
  fixture->tokens_changed++;
}

CkApi *
api_new_unsigned (ApiFixture *fixture,
                  const char *app_id,
                  const char *app_secret)
{
  CkApi *api = ck_api_new (fixture->template, app_id, app_secret);

  ck_api_set_timeout (api, 5);
  return api;
}

CkApi *
api_fixture_new_api (ApiFixture *fixture)
{
  CkApi *api = api_new_unsigned (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);

  ck_api_set_region (api, CKSIM_DEMO_REGION);
  return api;
}

void
api_fixture_set_up (ApiFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->sim = cksim_server_new (FALSE, TRUE);
  cksim_server_load_demo (fixture->sim);
  g_assert_true (cksim_server_listen (fixture->sim, 0, &error));
  g_assert_no_error (error);
  fixture->template = cksim_server_get_template (fixture->sim);
  fixture->api = api_fixture_new_api (fixture);
  fixture->tokens_changed = 0;
  g_signal_connect (fixture->api, "tokens-changed", G_CALLBACK (tokens_changed_cb), fixture);
}

void
api_fixture_set_up_signed_in (ApiFixture    *fixture,
                              gconstpointer  data)
{
  api_fixture_set_up (fixture, data);
  api_sign_in (fixture->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  fixture->tokens_changed = 0;
}

void
api_fixture_tear_down (ApiFixture    *fixture,
                       gconstpointer  data)
{
  g_clear_object (&fixture->api);
  g_clear_object (&fixture->sim);
  g_clear_pointer (&fixture->template, g_free);
  /* Let closing sockets and finished tasks run their last callbacks. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ------------------------------------------------------------------------ */
/* Bounded waits                                                             */

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
api_wait_until (ApiCondition condition,
                gpointer     data,
                guint        timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint wake = g_timeout_add (5, wake_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_source_remove (wake);
          g_error ("Condition not met within %u ms", timeout_ms);
        }
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

void
api_run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  api_wait_until (time_passed, &until, ms + 1000);
}

void
api_store_result_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
pointer_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

GAsyncResult *
api_wait_result (GAsyncResult **slot)
{
  api_wait_until (pointer_set, slot, API_TEST_WAIT_MS);
  return *slot;
}

/* ------------------------------------------------------------------------ */
/* The simulator                                                             */

void
api_sign_in (CkApi      *api,
             const char *email,
             const char *password)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CkTokens) tokens = NULL;

  ck_api_login_async (api, email, password, NULL, api_store_result_cb, &result);
  tokens = ck_api_login_finish (api, api_wait_result (&result), &error);
  g_object_unref (result);
  g_assert_no_error (error);
  g_assert_nonnull (tokens);
}

JsonArray *
api_list_devices (CkApi   *api,
                  GError **error)
{
  GAsyncResult *result = NULL;
  JsonArray *list;

  ck_api_list_devices_async (api, NULL, api_store_result_cb, &result);
  list = ck_api_list_devices_finish (api, api_wait_result (&result), error);
  g_object_unref (result);
  return list;
}

JsonObject *
api_find_listed (JsonArray  *list,
                 const char *device_id)
{
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (entry != NULL && json_object_has_member (entry, "deviceid")
          && g_strcmp0 (json_object_get_string_member (entry, "deviceid"), device_id) == 0)
        return entry;
    }
  return NULL;
}

char *
api_sim_code (ApiFixture *fixture,
              const char *identity)
{
  return g_strdup (cksim_server_get_code (fixture->sim, identity));
}

typedef struct
{
  GBytes *body;
  GError *error;
  gboolean done;
} PostResult;

static void
posted_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PostResult *post = user_data;

  post->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &post->error);
  post->done = TRUE;
}

static gboolean
post_done (gpointer data)
{
  return ((PostResult *) data)->done;
}

void
api_sim_post (ApiFixture *fixture,
               const char  *path,
               const char  *body)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *base = cksim_server_get_url (fixture->sim);
  g_autofree char *url = g_strconcat (base, "/_sim/", path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  PostResult post = { NULL, NULL, FALSE };

  soup_message_set_request_body_from_bytes (message, "application/json", bytes);
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, posted_cb, &post);
  api_wait_until (post_done, &post, API_TEST_WAIT_MS);
  g_assert_no_error (post.error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);
  g_bytes_unref (post.body);
}

/* ------------------------------------------------------------------------ */
/* Clients                                                                   */

CkApi *
live_new_api (ApiFixture *fixture,
              const char *app_id,
              const char *app_secret,
              const char *email,
              const char *password)
{
  CkApi *api = api_new_unsigned (fixture, app_id, app_secret);

  api_sign_in (api, email != NULL ? email : CKSIM_DEMO_EMAIL,
               password != NULL ? password : CKSIM_DEMO_PASSWORD);
  return api;
}

CkClient *
live_new_client (CkApi *api)
{
  CkClient *client = ck_client_new (api);

  g_object_set (client,
                "request-timeout", 1000,
                "pong-timeout", 500,
                "reconnect-delay", 20,
                "reconnect-max-delay", 100,
                "command-deadline", 1500,
                NULL);
  return client;
}

void
live_connect (CkClient *client)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  ck_client_connect_async (client, NULL, api_store_result_cb, &result);
  g_assert_true (ck_client_connect_finish (client, api_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_ONLINE);
}

CkClient *
live_new_demo_client (ApiFixture *fixture)
{
  g_autoptr(CkApi) api = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET,
                                       NULL, NULL);
  CkClient *client = live_new_client (api);

  live_connect (client);
  return client;
}

gboolean
live_is_online (gpointer client)
{
  return ck_client_get_state (client) == CK_CLIENT_STATE_ONLINE;
}

gboolean
live_is_reconnecting (gpointer client)
{
  return ck_client_get_state (client) == CK_CLIENT_STATE_RECONNECTING;
}

gboolean
live_is_offline (gpointer client)
{
  return ck_client_get_state (client) == CK_CLIENT_STATE_OFFLINE;
}

gboolean
live_is_session_taken (gpointer client)
{
  return ck_client_get_state (client) == CK_CLIENT_STATE_SESSION_TAKEN;
}

CkDevice *
live_device (CkClient   *client,
             const char *device_id)
{
  CkDevice *device = ck_device_list_lookup (ck_client_get_devices (client), device_id);

  g_assert_nonnull (device);
  return device;
}
