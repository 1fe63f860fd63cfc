/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-command-settle"

/* Settling a command whose answer was lost with the socket, when the query
 * after reconnecting goes unanswered on a session that stays up: asked once
 * more, then rolled back as "may or may not have reached the device". Never
 * left hanging. A scripted cloud over real loopback sockets: it never
 * answers an update, and answers queries only from a chosen one on. */

#include <libsoup/soup.h>
#include <string.h>

#include "ck-command-queue.h"
#include "ck-error.h"
#include "ck-socket.h"

#include "api-test-util.h"

#define REQUEST_TIMEOUT_MS 150

typedef struct
{
  SoupServer              *server;
  char                    *url;            /* the WebSocket */
  SoupWebsocketConnection *peer;           /* the server side of the latest socket */
  guint                    updates;
  guint                    queries;
  guint                    answer_from;    /* the first query answered (1-based); 0: none */
  const char              *device_switch;  /* what the device reports */

  CkApi                   *api;
  CkDevice                *device;
  CkCommandQueue          *queue;
  CkCommand               *command;
} Cloud;

static void
send_printf (SoupWebsocketConnection *connection,
             const char              *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
send_printf (SoupWebsocketConnection *connection,
             const char              *format,
             ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  soup_websocket_connection_send_text (connection, text);
}

static void
peer_message_cb (SoupWebsocketConnection *connection,
                 gint                     type,
                 GBytes                  *message,
                 Cloud                   *cloud)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  const char *action;
  const char *sequence;
  gsize len;
  const char *data = g_bytes_get_data (message, &len);

  if (!json_parser_load_from_data (parser, data, (gssize) len, NULL))
    return;
  object = json_node_get_object (json_parser_get_root (parser));
  action = json_object_get_string_member_with_default (object, "action", "");
  sequence = json_object_get_string_member_with_default (object, "sequence", "");

  if (g_str_equal (action, "userOnline"))
    send_printf (connection, "{\"error\":0,\"apikey\":\"key\",\"config\":{\"hb\":1,\"hbInterval\":145},"
                 "\"sequence\":\"%s\"}", sequence);
  else if (g_str_equal (action, "update"))
    cloud->updates++;   /* never answered: the answer is "lost" */
  else if (g_str_equal (action, "query"))
    {
      cloud->queries++;
      if (cloud->answer_from != 0 && cloud->queries >= cloud->answer_from)
        send_printf (connection, "{\"error\":0,\"deviceid\":\"d1\",\"apikey\":\"key\",\"sequence\":\"%s\","
                     "\"params\":{\"switch\":\"%s\"}}", sequence, cloud->device_switch);
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
command_started_cb (CkCommandQueue *queue,
                    CkCommand      *command,
                    Cloud          *cloud)
{
  g_set_object (&cloud->command, command);
}

static void
cloud_set_up (Cloud         *cloud,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autoptr(CkTokens) tokens = ck_tokens_new ("at", "rt", "key", "eu", "someone@example.com");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *base = NULL;

  cloud->server = soup_server_new (NULL, NULL);
  soup_server_add_websocket_handler (cloud->server, "/api/ws", NULL, NULL, websocket_cb, cloud, NULL);
  g_assert_true (soup_server_listen_local (cloud->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (cloud->server);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  cloud->url = g_strconcat (base, "/api/ws", NULL);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  cloud->api = ck_api_new (base, "appid", "secret");
  ck_api_set_tokens (cloud->api, tokens);
  g_assert_true (json_parser_load_from_data (parser,
                                             "{\"deviceid\":\"d1\",\"name\":\"Plug\",\"online\":true,"
                                             "\"extra\":{\"uiid\":1},\"params\":{\"switch\":\"off\"}}",
                                             -1, &error));
  cloud->device = ck_device_new_from_json (json_node_get_object (json_parser_get_root (parser)), &error);
  g_assert_no_error (error);
  cloud->queue = ck_command_queue_new (cloud->api);
  g_signal_connect (cloud->queue, "command-started", G_CALLBACK (command_started_cb), cloud);
}

static void
cloud_tear_down (Cloud         *cloud,
                 gconstpointer  data)
{
  g_clear_object (&cloud->command);
  g_clear_object (&cloud->queue);
  g_clear_object (&cloud->device);
  g_clear_object (&cloud->api);
  g_clear_object (&cloud->peer);
  soup_server_disconnect (cloud->server);
  g_clear_object (&cloud->server);
  g_clear_pointer (&cloud->url, g_free);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The queue follows the socket the way CkClient drives it. */
static void
socket_closed_cb (CkSocket *socket,
                  GError   *reason,
                  Cloud    *cloud)
{
  ck_command_queue_hold (cloud->queue);
}

static CkSocket *
open_socket (Cloud *cloud)
{
  CkSocket *socket = ck_socket_new (ck_api_get_session (cloud->api), cloud->url, "appid", "at", "key");
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  g_object_set (socket, "request-timeout", REQUEST_TIMEOUT_MS, NULL);
  g_signal_connect (socket, "closed", G_CALLBACK (socket_closed_cb), cloud);
  ck_socket_connect_async (socket, NULL, api_store_result_cb, &result);
  g_assert_true (ck_socket_connect_finish (socket, api_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  return socket;
}

static gboolean
update_sent (gpointer data)
{
  return ((Cloud *) data)->updates > 0;
}

static gboolean
command_unconfirmed (gpointer data)
{
  Cloud *cloud = data;

  return cloud->command != NULL && ck_command_get_state (cloud->command) == CK_COMMAND_UNCONFIRMED;
}

/* Switch on; the answer is lost as the cloud closes the socket; a new
 * socket comes up and the queue opens on it. Returns the command's result. */
static GAsyncResult *
lose_answer_and_reconnect (Cloud *cloud)
{
  g_autoptr(JsonObject) on = json_object_new ();
  g_autoptr(CkSocket) first = open_socket (cloud);
  g_autoptr(CkSocket) second = NULL;
  GAsyncResult *result = NULL;

  ck_command_queue_open (cloud->queue, first);
  json_object_set_string_member (on, "switch", "on");
  ck_command_queue_start (cloud->queue, cloud->api, cloud->device, on, lose_answer_and_reconnect,
                          NULL, api_store_result_cb, &result);
  g_assert_true (ck_device_get_power (cloud->device));   /* shown at once */
  api_wait_until (update_sent, cloud, API_TEST_WAIT_MS);
  soup_websocket_connection_close (cloud->peer, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  api_wait_until (command_unconfirmed, cloud, API_TEST_WAIT_MS);
  g_assert_null (result);

  second = open_socket (cloud);
  ck_command_queue_open (cloud->queue, second);
  api_wait_result (&result);
  /* The session stayed up all along: nothing was settled by a drop. */
  g_assert_true (ck_socket_get_connected (second));
  ck_socket_close (second);
  return result;
}

static gboolean
command_finish (GAsyncResult  *result,
                GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* No answer to the query, nor to the one retry: rolled back, unsure. */
static void
test_unanswered_rolls_back (Cloud         *cloud,
                            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = lose_answer_and_reconnect (cloud);
  g_assert_false (command_finish (result, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "may or may not have reached the device"));
  g_assert_cmpuint (cloud->queries, ==, 2);
  g_assert_cmpint (ck_command_get_state (cloud->command), ==, CK_COMMAND_ROLLED_BACK);
  /* The last known state shows again. */
  g_assert_false (ck_device_get_pending (cloud->device));
  g_assert_false (ck_device_get_power (cloud->device));
}

/* The retry is answered: the query settles the command as usual. */
static void
test_retry_answered (Cloud         *cloud,
                     gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  cloud->answer_from = 2;
  cloud->device_switch = "on";
  result = lose_answer_and_reconnect (cloud);
  g_assert_true (command_finish (result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cloud->queries, ==, 2);
  g_assert_cmpint (ck_command_get_state (cloud->command), ==, CK_COMMAND_CONFIRMED);
  g_assert_false (ck_device_get_pending (cloud->device));
  g_assert_true (ck_device_get_power (cloud->device));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/command-settle/unanswered-rolls-back", Cloud, NULL, cloud_set_up,
              test_unanswered_rolls_back, cloud_tear_down);
  g_test_add ("/command-settle/retry-answered", Cloud, NULL, cloud_set_up,
              test_retry_answered, cloud_tear_down);

  return g_test_run ();
}
