/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-hostile-cloud"

/* A cloud that answers garbage, over real loopback sockets: every CkApi
 * operation ends in a CK_ERROR or a sane result, and a CkSocket fed hostile
 * frames stays up, keeps its pending requests and passes on only real
 * pushes. No criticals (G_DEBUG=fatal-criticals). */

#include <libsoup/soup.h>
#include <string.h>

#include "ck-api.h"
#include "ck-socket.h"

#include "api-test-util.h"

typedef struct
{
  SoupServer              *server;
  char                    *base;
  guint                    status;
  const char              *body;
  SoupWebsocketConnection *peer;      /* the server side of the WebSocket */
  guint                    handshakes;
  char                    *request_sequence;  /* of the last request after userOnline */
} Cloud;

/* ------------------------------------------------------------------------ */
/* The hostile cloud                                                         */

static void
http_cb (SoupServer        *server,
         SoupServerMessage *message,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Cloud *cloud = user_data;

  soup_server_message_set_status (message, cloud->status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                    cloud->body, strlen (cloud->body));
}

static void
peer_message_cb (SoupWebsocketConnection *connection,
                 gint                     type,
                 GBytes                  *message,
                 Cloud                   *cloud)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *answer = NULL;
  JsonObject *object;
  const char *action;
  gsize len;
  const char *data = g_bytes_get_data (message, &len);

  if (!json_parser_load_from_data (parser, data, (gssize) len, NULL))
    return;
  object = json_node_get_object (json_parser_get_root (parser));
  action = json_object_get_string_member_with_default (object, "action", "");
  if (g_str_equal (action, "userOnline"))
    {
      cloud->handshakes++;
      answer = g_strdup_printf ("{\"error\":0,\"apikey\":\"k\",\"config\":{\"hb\":1,\"hbInterval\":145},"
                                "\"sequence\":\"%s\"}",
                                json_object_get_string_member (object, "sequence"));
      soup_websocket_connection_send_text (connection, answer);
    }
  else
    {
      /* Answered by the test, when it chooses. */
      g_free (cloud->request_sequence);
      cloud->request_sequence = g_strdup (json_object_get_string_member_with_default (object, "sequence", ""));
    }
}

static void
websocket_cb (SoupServer              *server,
              SoupServerMessage       *message,
              const char              *path,
              SoupWebsocketConnection *connection,
              gpointer                 user_data)
{
  Cloud *cloud = user_data;

  g_set_object (&cloud->peer, connection);
  g_signal_connect (connection, "message", G_CALLBACK (peer_message_cb), cloud);
}

static void
cloud_set_up (Cloud         *cloud,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  cloud->server = soup_server_new (NULL, NULL);
  soup_server_add_websocket_handler (cloud->server, "/api/ws", NULL, NULL, websocket_cb, cloud, NULL);
  soup_server_add_handler (cloud->server, NULL, http_cb, cloud, NULL);
  g_assert_true (soup_server_listen_local (cloud->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (cloud->server);
  cloud->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
}

static void
cloud_tear_down (Cloud         *cloud,
                 gconstpointer  data)
{
  g_clear_object (&cloud->peer);
  g_clear_pointer (&cloud->request_sequence, g_free);
  soup_server_disconnect (cloud->server);
  g_clear_object (&cloud->server);
  g_clear_pointer (&cloud->base, g_free);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ------------------------------------------------------------------------ */
/* REST                                                                      */

static const struct
{
  guint       status;
  const char *body;
} rest_answers[] = {
  { 200, "" }, { 200, "{" }, { 200, "null" }, { 200, "42" }, { 200, "\"x\"" }, { 200, "[]" },
  { 200, "{}" }, { 200, "{\"error\":0}" }, { 200, "{\"error\":\"0\"}" }, { 200, "{\"error\":1e300}" },
  { 200, "{\"error\":402}" }, { 200, "{\"error\":401,\"msg\":[]}" }, { 200, "{\"error\":301,\"region\":5}" },
  { 200, "{\"error\":301,\"region\":\"mars\"}" }, { 200, "{\"error\":0,\"devicelist\":{}}" },
  { 200, "{\"error\":0,\"devicelist\":[null,1,{},{\"deviceid\":7}]}" },
  { 200, "{\"error\":0,\"domain\":5,\"port\":\"x\"}" }, { 200, "{\"error\":0,\"domain\":\"a/b\",\"port\":99999}" },
  { 200, "{\"error\":0,\"at\":5,\"user\":[]}" }, { 200, "{\"error\":0,\"region\":[]}" },
  { 200, "{\"error\":0,\"groupinfos\":\"x\"}" }, { 200, "{\"code\":\"404\",\"error\":\"x\"}" },
  { 200, "\xff\xfe\x00" }, { 404, "<html>not found</html>" }, { 500, "" }, { 502, "{\"error\":0}" },
  { 301, "{}" }, { 204, "" },
};

static void
test_rest (Cloud         *cloud,
           gconstpointer  data)
{
  g_autofree char *template = g_strconcat (cloud->base, "/{region}", NULL);

  for (guint a = 0; a < G_N_ELEMENTS (rest_answers); a++)
    {
      g_autoptr(CkApi) api = ck_api_new (template, "appid", "secret");
      g_autoptr(CkTokens) tokens = ck_tokens_new ("at", "rt", "key", "eu", "a@example.com");
      /* The body may be invalid UTF-8: show it escaped so the TAP stream stays valid. */
      g_autofree char *shown = g_strescape (rest_answers[a].body, NULL);
      GAsyncResult *result = NULL;

      g_test_message ("HTTP %u %s", rest_answers[a].status, shown);
      cloud->status = rest_answers[a].status;
      cloud->body = rest_answers[a].body;
      ck_api_set_timeout (api, 2);
      ck_api_set_tokens (api, tokens);

#define CHECK(call, finish, type, free_func)                                  \
      G_STMT_START {                                                            \
        g_autoptr(GError) error = NULL;                                         \
        type value;                                                             \
        call;                                                                   \
        value = finish (api, api_wait_result (&result), &error);                    \
        g_assert_true ((value == 0) != (error == NULL));                        \
        if (error != NULL)                                                      \
          g_assert_true (error->domain == CK_ERROR);                            \
        else                                                                    \
          free_func (value);                                                    \
        g_clear_object (&result);                                               \
      } G_STMT_END

      CHECK (ck_api_list_devices_async (api, NULL, api_store_result_cb, &result),
             ck_api_list_devices_finish, JsonArray *, json_array_unref);
      CHECK (ck_api_dispatch_async (api, NULL, api_store_result_cb, &result),
             ck_api_dispatch_finish, char *, g_free);
      CHECK (ck_api_get_device_async (api, "d", NULL, api_store_result_cb, &result),
             ck_api_get_device_finish, JsonObject *, json_object_unref);
      CHECK (ck_api_list_groups_async (api, NULL, api_store_result_cb, &result),
             ck_api_list_groups_finish, JsonArray *, json_array_unref);
      CHECK (ck_api_create_group_async (api, "g", 0, NULL, api_store_result_cb, &result),
             ck_api_create_group_finish, char *, g_free);
      CHECK (ck_api_lookup_region_async (api, "44", NULL, api_store_result_cb, &result),
             ck_api_lookup_region_finish, char *, g_free);
      CHECK (ck_api_get_device_status_async (api, "d", NULL, NULL, api_store_result_cb, &result),
             ck_api_get_device_status_finish, JsonObject *, json_object_unref);
      CHECK (ck_api_refresh_async (api, NULL, api_store_result_cb, &result),
             ck_api_refresh_finish, CkTokens *, ck_tokens_free);
      CHECK (ck_api_login_async (api, "a@example.com", "password", NULL, api_store_result_cb, &result),
             ck_api_login_finish, CkTokens *, ck_tokens_free);
#undef CHECK

      /* Whatever came back, the region stays one of the four. */
      g_assert_true (ck_api_region_is_valid (ck_api_get_region (api)));
    }
}

/* ------------------------------------------------------------------------ */
/* WebSocket                                                                 */

static gboolean
have_peer (gpointer data)
{
  return ((Cloud *) data)->peer != NULL;
}

static gboolean
have_request (gpointer data)
{
  return ((Cloud *) data)->request_sequence != NULL;
}

typedef struct
{
  guint pushes;
  guint closes;
} Events;

static void
push_cb (CkSocket   *socket,
         JsonObject *message,
         Events     *events)
{
  g_assert_true (json_object_has_member (message, "action"));
  events->pushes++;
}

static void
closed_cb (CkSocket *socket,
           GError   *reason,
           Events   *events)
{
  events->closes++;
}

/* Text frames (libsoup itself refuses invalid UTF-8 in text frames). */
static const char * const hostile_frames[] = {
  "", " ", "{", "pong!", "ping", "null", "42", "\"text\"", "[]", "[{\"action\":\"update\"}]", "{}",
  "{\"sequence\":null}", "{\"sequence\":[]}", "{\"sequence\":{}}",
  "{\"sequence\":\"999\",\"error\":0}", "{\"sequence\":1e300}", "{\"error\":\"406\"}",
  "{\"error\":1e300}", "{\"error\":0}", "{\"error\":[406]}",
  "{\"action\":5}", "{\"action\":null,\"deviceid\":[]}", "{\"action\":\"teleport\",\"params\":7}",
  "{\"action\":\"update\",\"deviceid\":5,\"params\":[]}", "{\"action\":\"sysmsg\",\"params\":{\"online\":\"yes\"}}",
};

/* Pushes among the frames above: objects that have an "action" member. */
#define HOSTILE_PUSHES 5

static gboolean
pushes_seen (gpointer data)
{
  return ((Events *) data)->pushes >= HOSTILE_PUSHES;
}

static void
test_websocket (Cloud         *cloud,
                gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (cloud->base, "/api/ws", NULL);
  g_autoptr(CkSocket) socket = ck_socket_new (session, url, "appid", "at", "key");
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reply = NULL;
  GAsyncResult *result = NULL;
  GAsyncResult *update = NULL;
  Events events = { 0, 0 };

  g_object_set (socket, "request-timeout", 1500, NULL);
  g_signal_connect (socket, "push", G_CALLBACK (push_cb), &events);
  g_signal_connect (socket, "closed", G_CALLBACK (closed_cb), &events);
  ck_socket_connect_async (socket, NULL, api_store_result_cb, &result);
  g_assert_true (ck_socket_connect_finish (socket, api_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  api_wait_until (have_peer, cloud, API_TEST_WAIT_MS);

  /* A request in flight while the garbage arrives. */
  json_object_set_string_member (params, "switch", "on");
  ck_socket_update_async (socket, "d", "key", params, NULL, api_store_result_cb, &update);

  for (guint f = 0; f < G_N_ELEMENTS (hostile_frames); f++)
    soup_websocket_connection_send_text (cloud->peer, hostile_frames[f]);
  {
    static const guint8 binary[] = { 0x00, 0x7b, 0xff };

    soup_websocket_connection_send_binary (cloud->peer, binary, sizeof binary);
  }
  api_wait_until (pushes_seen, &events, API_TEST_WAIT_MS);

  /* Still up, nothing closed, the request still waits for its answer. */
  g_assert_true (ck_socket_get_connected (socket));
  g_assert_cmpuint (events.closes, ==, 0);
  g_assert_null (update);
  g_assert_cmpuint (events.pushes, ==, HOSTILE_PUSHES);

  /* Its answer, with hostile extras, still completes it. */
  {
    g_autoptr(GError) update_error = NULL;
    g_autoptr(JsonObject) ack = NULL;

    api_wait_until (have_request, cloud, API_TEST_WAIT_MS);
    reply = g_strdup_printf ("{\"error\":0,\"sequence\":\"%s\",\"params\":5}", cloud->request_sequence);
    soup_websocket_connection_send_text (cloud->peer, reply);
    ack = ck_socket_update_finish (socket, api_wait_result (&update), &update_error);
    g_assert_no_error (update_error);
    g_assert_nonnull (ack);
    g_clear_object (&update);
  }

  /* An error answer of the wrong type is an answer, not a crash. */
  g_clear_pointer (&cloud->request_sequence, g_free);
  ck_socket_update_async (socket, "d", "key", params, NULL, api_store_result_cb, &update);
  {
    g_autoptr(GError) update_error = NULL;
    g_autofree char *bad = NULL;

    api_wait_until (have_request, cloud, API_TEST_WAIT_MS);
    /* A numeric sequence for a string one (spec §4.2), and a bad error. */
    bad = g_strdup_printf ("{\"error\":503.5,\"code\":\"x\",\"sequence\":%s}", cloud->request_sequence);

    soup_websocket_connection_send_text (cloud->peer, bad);
    answer = ck_socket_update_finish (socket, api_wait_result (&update), &update_error);
    g_assert_null (answer);
    g_assert_error (update_error, CK_ERROR, CK_ERROR_INVALID_RESPONSE);
    g_clear_object (&update);
  }

  g_assert_true (ck_socket_get_connected (socket));
  g_assert_cmpuint (cloud->handshakes, ==, 1);
  ck_socket_close (socket);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hostile-cloud/rest", Cloud, NULL, cloud_set_up, test_rest, cloud_tear_down);
  g_test_add ("/hostile-cloud/websocket", Cloud, NULL, cloud_set_up, test_websocket, cloud_tear_down);

  return g_test_run ();
}
