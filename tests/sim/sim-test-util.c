/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "sim-test"

#include "sim-test-util.h"

#include <ck-sign.h>
#include <stdlib.h>
#include <string.h>

void
sim_fixture_setup (SimFixture    *f,
                   gconstpointer  data)
{
  guint flags = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;

  f->server = cksim_server_new ((flags & SIM_COMPAT) != 0, (flags & SIM_NO_CONTROL) == 0);
  if ((flags & SIM_NO_DEMO) == 0)
    cksim_server_load_demo (f->server);
  g_assert_true (cksim_server_listen (f->server, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cksim_server_get_port (f->server), >, 0);
  f->url = cksim_server_get_url (f->server);
  f->session = soup_session_new ();
}

void
sim_fixture_teardown (SimFixture    *f,
                      gconstpointer  data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->server);
  g_clear_pointer (&f->url, g_free);
  g_clear_pointer (&f->apikey, g_free);
  /* Let pending closes and frees run. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_deadline (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
sim_wait_until (gboolean (*condition) (gpointer data),
                gpointer   data,
                guint      timeout_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (timeout_ms, on_deadline, &expired);

  while (!condition (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return condition (data);
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

void
sim_wait_flag (gboolean *done,
               guint     timeout_ms)
{
  if (!sim_wait_until (flag_is_set, done, timeout_ms))
    g_error ("Timed out after %u ms", timeout_ms);
}

typedef struct
{
  gboolean  done;
  GBytes   *bytes;
  GError   *error;
} HttpWait;

static void
on_http_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  HttpWait *wait = user_data;

  wait->bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &wait->error);
  wait->done = TRUE;
}

JsonObject *
sim_http (SimFixture *f,
          const char *method,
          const char *path,
          const char *body,
          const char *content_type,
          const char *authorization,
          guint      *status)
{
  g_autofree char *uri = g_strconcat (f->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(JsonParser) parser = json_parser_new ();
  HttpWait wait = { 0 };
  gsize len;
  const char *data;

  g_assert_nonnull (msg);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, content_type, bytes);
    }
  else if (content_type != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Content-Type", content_type);
  if (authorization != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);

  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, on_http_done, &wait);
  sim_wait_flag (&wait.done, 2000);
  g_assert_no_error (wait.error);

  if (status != NULL)
    *status = soup_message_get_status (msg);
  data = g_bytes_get_data (wait.bytes, &len);
  if (len == 0 || !json_parser_load_from_data (parser, data, len, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_bytes_unref (wait.bytes);
      return NULL;
    }
  g_bytes_unref (wait.bytes);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

char *
sim_sign (const char *secret,
          const char *data)
{
  g_autofree char *sig = ck_sign (secret, (const guint8 *) data, strlen (data));

  return g_strconcat ("Sign ", sig, NULL);
}

JsonObject *
sim_post_signed (SimFixture *f,
                 const char *path,
                 const char *body,
                 const char *secret,
                 guint      *status)
{
  g_autofree char *auth = sim_sign (secret, body);

  return sim_http (f, "POST", path, body, "application/json", auth, status);
}

char *
sim_login_body (SimFixture *f,
                const char *appid,
                const char *email,
                const char *password)
{
  g_autofree char *nonce = ck_nonce_new ();

  return g_strdup_printf ("{\"appid\":\"%s\",\"email\":\"%s\",\"nonce\":\"%s\",\"password\":\"%s\","
                          "\"ts\":%" G_GINT64_FORMAT ",\"version\":8}",
                          appid, email, nonce, password, cksim_server_get_time (f->server));
}

char *
sim_login (SimFixture *f,
           const char *appid,
           const char *secret,
           const char *email,
           const char *password)
{
  g_autofree char *body = sim_login_body (f, appid, email, password);
  g_autoptr(JsonObject) reply = NULL;
  guint status;

  reply = sim_post_signed (f, "/eu/api/user/login", body, secret, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (reply);
  g_assert_false (json_object_has_member (reply, "error"));
  g_free (f->apikey);
  f->apikey = g_strdup (json_object_get_string_member (json_object_get_object_member (reply, "user"),
                                                       "apikey"));
  return g_strdup (json_object_get_string_member (reply, "at"));
}

char *
sim_common_query (SimFixture *f,
                  const char *appid)
{
  g_autofree char *nonce = ck_nonce_new ();

  return g_strdup_printf ("appid=%s&nonce=%s&ts=%" G_GINT64_FORMAT "&version=8",
                          appid, nonce, cksim_server_get_time (f->server));
}

JsonObject *
sim_device_list (SimFixture *f,
                 const char *appid,
                 const char *at,
                 guint      *status)
{
  g_autofree char *query = sim_common_query (f, appid);
  g_autofree char *path = g_strconcat ("/eu/api/user/device?", query, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", at, NULL);

  return sim_http (f, "GET", path, NULL, "application/json", auth, status);
}

gint64
sim_error_code (JsonObject *body)
{
  g_assert_nonnull (body);
  return json_object_get_int_member_with_default (body, "error", 0);
}

void
sim_assert_error (JsonObject *reply,
                  gint64      code)
{
  g_assert_cmpint (sim_error_code (reply), ==, code);
  json_object_unref (reply);
}

static char *
common_fields (SimFixture *f)
{
  g_autofree char *nonce = ck_nonce_new ();

  return g_strdup_printf ("\"appid\":\"%s\",\"nonce\":\"%s\",\"ts\":%" G_GINT64_FORMAT ",\"version\":8",
                          CKSIM_EXAMPLE_APP_ID, nonce, cksim_server_get_time (f->server));
}

static char *
body_with_common (SimFixture *f,
                  const char *fields)
{
  g_autofree char *common = common_fields (f);

  return g_strdup_printf ("{%s%s%s}", fields, *fields != '\0' ? "," : "", common);
}

static int
compare_strv_items (const void *a,
                    const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char *
path_with_query (SimFixture *f,
                 const char *path,
                 const char *query,
                 char      **signed_part)
{
  g_autofree char *common = sim_common_query (f, CKSIM_EXAMPLE_APP_ID);
  g_autofree char *all = query != NULL && *query != '\0' ? g_strconcat (query, "&", common, NULL)
                                                          : g_strdup (common);
  g_auto(GStrv) pairs = g_strsplit (all, "&", -1);

  /* Sorted, so the raw query is also the canonical form (spec §2.4). */
  qsort (pairs, g_strv_length (pairs), sizeof (char *), compare_strv_items);
  g_free (all);
  all = g_strjoinv ("&", pairs);
  if (signed_part != NULL)
    *signed_part = g_strdup (all);
  return g_strconcat (path, "?", all, NULL);
}

JsonObject *
sim_sign_post (SimFixture *f,
               const char *path,
               const char *fields)
{
  g_autofree char *body = body_with_common (f, fields);
  guint status;
  JsonObject *reply = sim_post_signed (f, path, body, CKSIM_EXAMPLE_APP_SECRET, &status);

  g_assert_cmpuint (status, ==, 200);
  return reply;
}

JsonObject *
sim_sign_get (SimFixture *f,
              const char *path,
              const char *query)
{
  g_autofree char *signed_part = NULL;
  g_autofree char *full = path_with_query (f, path, query, &signed_part);
  g_autofree char *auth = sim_sign (CKSIM_EXAMPLE_APP_SECRET, signed_part);
  guint status;
  JsonObject *reply = sim_http (f, "GET", full, NULL, "application/json", auth, &status);

  g_assert_cmpuint (status, ==, 200);
  return reply;
}

JsonObject *
sim_bearer_body (SimFixture *f,
                 const char *method,
                 const char *path,
                 const char *at,
                 const char *fields)
{
  g_autofree char *body = body_with_common (f, fields);
  g_autofree char *auth = g_strconcat ("Bearer ", at, NULL);

  return sim_http (f, method, path, body, "application/json", auth, NULL);
}

JsonObject *
sim_bearer_query (SimFixture *f,
                  const char *method,
                  const char *path,
                  const char *at,
                  const char *query)
{
  g_autofree char *full = path_with_query (f, path, query, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", at, NULL);

  return sim_http (f, method, full, NULL, "application/json", auth, NULL);
}

JsonObject *
sim_control (SimFixture *f,
             const char *method,
             const char *path,
             const char *body)
{
  return sim_http (f, method, path, body, body != NULL ? "application/json" : NULL, NULL, NULL);
}

void
sim_arm_fault (SimFixture *f,
               const char *endpoint,
               int         code)
{
  g_autofree char *body = g_strdup_printf ("{\"endpoint\":\"%s\",\"error\":%d}", endpoint, code);
  g_autoptr(JsonObject) reply = sim_control (f, "POST", "/_sim/fault", body);

  g_assert_cmpint (sim_error_code (reply), ==, 0);
}

char *
sim_code_for (SimFixture *f,
              const char *identity)
{
  g_autofree char *escaped = g_uri_escape_string (identity, NULL, TRUE);
  g_autofree char *path = g_strconcat ("/_sim/code?identity=", escaped, NULL);
  g_autoptr(JsonObject) reply = sim_control (f, "GET", path, NULL);
  const char *code;

  g_assert_nonnull (reply);
  code = json_object_get_string_member_with_default (reply, "code", NULL);
  g_assert_nonnull (code);
  g_assert_cmpuint (strlen (code), ==, 4);
  return g_strdup (code);
}

char *
sim_login_demo (SimFixture *f)
{
  return sim_login (f, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
}

char *
sim_login_guest (SimFixture *f)
{
  return sim_login (f, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, CKSIM_DEMO_GUEST_EMAIL,
                    CKSIM_DEMO_GUEST_PASSWORD);
}

gint64
sim_code_error (JsonObject *body)
{
  JsonNode *code;

  g_assert_nonnull (body);
  code = json_object_get_member (body, "code");
  return code != NULL && JSON_NODE_HOLDS_VALUE (code) && json_node_get_value_type (code) == G_TYPE_INT64
         ? json_node_get_int (code) : 0;
}

void
sim_assert_code_error (JsonObject *reply,
                       gint64      code)
{
  g_assert_cmpint (sim_code_error (reply), ==, code);
  json_object_unref (reply);
}

JsonObject *
sim_state_device (SimFixture *f,
                  const char *deviceid)
{
  g_autoptr(JsonNode) root = cksim_server_dump_state (f->server);
  JsonArray *devices = json_object_get_array_member (json_node_get_object (root), "devices");

  for (guint i = 0; i < json_array_get_length (devices); i++)
    {
      JsonObject *device = json_array_get_object_element (devices, i);

      if (g_str_equal (json_object_get_string_member (device, "deviceid"), deviceid))
        return json_object_ref (device);
    }
  return NULL;
}

GPtrArray *
sim_owned_devices (SimFixture *f,
                   const char *owner_apikey)
{
  g_autoptr(JsonNode) root = cksim_server_dump_state (f->server);
  JsonArray *devices = json_object_get_array_member (json_node_get_object (root), "devices");
  GPtrArray *owned = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  for (guint i = 0; i < json_array_get_length (devices); i++)
    {
      JsonObject *device = json_array_get_object_element (devices, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (device, "owner", ""), owner_apikey) == 0)
        g_ptr_array_add (owned, json_object_ref (device));
    }
  return owned;
}

/* WebSocket */

static void
on_ws_message (SoupWebsocketConnection *conn,
               int                      type,
               GBytes                  *bytes,
               gpointer                 user_data)
{
  SimWs *ws = user_data;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_queue_push_tail (&ws->messages, g_strndup (data, len));
}

static void
on_ws_closed (SoupWebsocketConnection *conn,
              gpointer                 user_data)
{
  SimWs *ws = user_data;

  ws->closed = TRUE;
  ws->close_code = soup_websocket_connection_get_close_code (conn);
}

typedef struct
{
  gboolean                 done;
  SoupWebsocketConnection *conn;
  GError                  *error;
} WsWait;

static void
on_ws_connected (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  WsWait *wait = user_data;

  wait->conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &wait->error);
  wait->done = TRUE;
}

SimWs *
sim_ws_connect (SimFixture *f)
{
  g_autofree char *uri = g_strdup_printf ("ws://127.0.0.1:%u/api/ws", cksim_server_get_port (f->server));
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  WsWait wait = { 0 };
  SimWs *ws = g_new0 (SimWs, 1);

  soup_session_websocket_connect_async (f->session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        on_ws_connected, &wait);
  sim_wait_flag (&wait.done, 2000);
  g_assert_no_error (wait.error);
  ws->conn = wait.conn;
  g_queue_init (&ws->messages);
  g_signal_connect (ws->conn, "message", G_CALLBACK (on_ws_message), ws);
  g_signal_connect (ws->conn, "closed", G_CALLBACK (on_ws_closed), ws);
  return ws;
}

void
sim_ws_free (SimWs *ws)
{
  if (ws == NULL)
    return;
  g_signal_handlers_disconnect_by_data (ws->conn, ws);
  if (soup_websocket_connection_get_state (ws->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (ws->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&ws->conn);
  g_queue_clear_full (&ws->messages, g_free);
  g_free (ws);
}

void
sim_ws_send (SimWs      *ws,
             const char *text)
{
  soup_websocket_connection_send_text (ws->conn, text);
}

static gboolean
has_message_or_closed (gpointer data)
{
  SimWs *ws = data;

  return !g_queue_is_empty (&ws->messages) || ws->closed;
}

char *
sim_ws_next_text (SimWs *ws,
                  guint  timeout_ms)
{
  sim_wait_until (has_message_or_closed, ws, timeout_ms);
  if (g_queue_is_empty (&ws->messages))
    g_error ("No WebSocket message within %u ms (closed: %d)", timeout_ms, ws->closed);
  return g_queue_pop_head (&ws->messages);
}

JsonObject *
sim_ws_next (SimWs *ws,
             guint  timeout_ms)
{
  g_autofree char *text = sim_ws_next_text (ws, timeout_ms);
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

void
sim_ws_wait_closed (SimWs *ws,
                    guint  timeout_ms)
{
  sim_wait_flag (&ws->closed, timeout_ms);
}

char *
sim_user_online_text (SimFixture *f,
                      const char *at,
                      const char *apikey,
                      const char *appid)
{
  g_autofree char *nonce = ck_nonce_new ();

  return g_strdup_printf ("{\"action\":\"userOnline\",\"at\":\"%s\",\"apikey\":\"%s\",\"appid\":\"%s\","
                          "\"nonce\":\"%s\",\"ts\":%" G_GINT64_FORMAT ",\"userAgent\":\"app\","
                          "\"sequence\":\"1600000000000\",\"version\":8}",
                          at, apikey, appid, nonce, cksim_server_get_time (f->server));
}

JsonObject *
sim_ws_user_online (SimFixture *f,
                    SimWs      *ws,
                    const char *at,
                    const char *apikey,
                    const char *appid)
{
  g_autofree char *text = sim_user_online_text (f, at, apikey, appid);

  sim_ws_send (ws, text);
  return sim_ws_next (ws, 2000);
}

void
sim_ws_assert_quiet (SimWs *ws)
{
  g_autofree char *text = NULL;

  sim_ws_send (ws, "ping");
  text = sim_ws_next_text (ws, 2000);
  g_assert_cmpstr (text, ==, "pong");
}
