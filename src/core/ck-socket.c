/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-socket"

#include "ck-socket.h"

#include <string.h>

#include "ck-envelope.h"
#include "ck-json.h"
#include "ck-request.h"
#include "ck-sign.h"
#include "ck-tokens.h"

#define DEFAULT_PONG_TIMEOUT_MS     10000
#define DEFAULT_REQUEST_TIMEOUT_MS  10000
#define DEFAULT_SERVER_HB_S         90   /* spec §4.3: when hbInterval is absent */

struct _CkSocket
{
  GObject                  parent_instance;

  SoupSession             *session;
  char                    *url;
  char                    *app_id;
  char                    *access_token;
  char                    *apikey;

  guint                    heartbeat_interval;
  guint                    pong_timeout;
  guint                    request_timeout;

  SoupWebsocketConnection *connection;
  GHashTable              *pending;        /* sequence → Pending */
  gint64                   last_sequence;
  guint                    server_hb_ms;   /* 0: the server asked for no heartbeat */
  guint                    heartbeat_id;
  guint                    watchdog_id;
  gboolean                 connecting;
  gboolean                 connected;
  gboolean                 finished;
};

G_DEFINE_FINAL_TYPE (CkSocket, ck_socket, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HEARTBEAT_INTERVAL,
  PROP_PONG_TIMEOUT,
  PROP_REQUEST_TIMEOUT,
  PROP_CONNECTED,
  N_PROPS
};

enum {
  SIGNAL_PUSH,
  SIGNAL_CLOSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Pending requests, matched by sequence (spec §4.2)                         */

typedef struct
{
  CkSocket   *socket;
  char       *sequence;
  GTask      *task;
  CkEndpoint  endpoint;
  guint       timeout_id;
  gulong      cancelled_id;
} Pending;

static void
pending_free (Pending *pending)
{
  GCancellable *cancellable = g_task_get_cancellable (pending->task);

  g_clear_handle_id (&pending->timeout_id, g_source_remove);
  if (pending->cancelled_id != 0 && cancellable != NULL)
    g_signal_handler_disconnect (cancellable, pending->cancelled_id);
  g_clear_object (&pending->task);
  g_free (pending->sequence);
  g_free (pending);
}

/* Ends @sequence's request with @answer or @error (transfer full). */
static void
pending_complete (CkSocket   *self,
                  const char *sequence,
                  JsonObject *answer,
                  GError     *error)
{
  Pending *pending = NULL;
  g_autoptr(GTask) task = NULL;

  if (!g_hash_table_steal_extended (self->pending, sequence, NULL, (gpointer *) &pending))
    {
      g_clear_error (&error);
      return;
    }

  task = g_object_ref (pending->task);
  pending_free (pending);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, json_object_ref (answer), (GDestroyNotify) json_object_unref);
}

static gboolean
pending_timed_out_cb (gpointer user_data)
{
  Pending *pending = user_data;
  CkSocket *self = pending->socket;
  g_autofree char *sequence = g_strdup (pending->sequence);

  pending->timeout_id = 0;
  pending_complete (self, sequence, NULL,
                    g_error_new (CK_ERROR, CK_ERROR_TIMEOUT,
                                 "No answer from the cloud within %u ms", self->request_timeout));
  return G_SOURCE_REMOVE;
}

static void
pending_cancelled_cb (GCancellable *cancellable,
                      Pending      *pending)
{
  CkSocket *self = pending->socket;
  g_autofree char *sequence = g_strdup (pending->sequence);

  pending->cancelled_id = 0;   /* we are inside its emission: not disconnected later */
  g_signal_handlers_disconnect_by_data (cancellable, pending);
  pending_complete (self, sequence, NULL,
                    g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled"));
}

static void
fail_all_pending (CkSocket *self)
{
  g_autoptr(GList) sequences = NULL;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);

  sequences = g_hash_table_get_keys (self->pending);
  for (GList *l = sequences; l != NULL; l = l->next)
    g_ptr_array_add (copies, g_strdup (l->data));

  for (guint i = 0; i < copies->len; i++)
    pending_complete (self, g_ptr_array_index (copies, i), NULL,
                      g_error_new_literal (CK_ERROR, CK_ERROR_DISCONNECTED,
                                           "The live connection to the cloud was lost"));
}

char *
ck_socket_next_sequence (CkSocket *self)
{
  gint64 now_ms = g_get_real_time () / 1000;

  g_return_val_if_fail (CK_IS_SOCKET (self), NULL);

  self->last_sequence = MAX (now_ms, self->last_sequence + 1);
  return g_strdup_printf ("%" G_GINT64_FORMAT, self->last_sequence);
}

static void send_text (CkSocket   *self,
                       const char *text);

/* Sends @message (with a fresh sequence) and registers @task's answer. */
static void
send_request (CkSocket   *self,
              JsonObject *message,
              CkEndpoint  endpoint,
              GTask      *task)
{
  g_autoptr(JsonObject) copy = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (message);
  g_autofree char *text = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);
  Pending *pending;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  if (self->finished || self->connection == NULL
      || soup_websocket_connection_get_state (self->connection) != SOUP_WEBSOCKET_STATE_OPEN)
    {
      g_task_return_new_error (task, CK_ERROR, CK_ERROR_DISCONNECTED,
                               "Not connected to the cloud");
      g_object_unref (task);
      return;
    }

  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy, l->data,
                            json_node_copy (json_object_get_member (message, l->data)));

  pending = g_new0 (Pending, 1);
  pending->socket = self;
  pending->sequence = ck_socket_next_sequence (self);
  pending->task = task;
  pending->endpoint = endpoint;
  json_object_set_string_member (copy, "sequence", pending->sequence);

  g_hash_table_insert (self->pending, pending->sequence, pending);
  pending->timeout_id = g_timeout_add (self->request_timeout, pending_timed_out_cb, pending);
  if (cancellable != NULL)
    pending->cancelled_id = g_signal_connect (cancellable, "cancelled",
                                              G_CALLBACK (pending_cancelled_cb), pending);

  text = ck_json_object_to_string (copy);
  send_text (self, text);
}

void
ck_socket_send_request_async (CkSocket            *self,
                              JsonObject          *message,
                              CkEndpoint           endpoint,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CK_IS_SOCKET (self));
  g_return_if_fail (message != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_socket_send_request_async);

  if (!self->connected)
    {
      g_task_return_new_error (task, CK_ERROR, CK_ERROR_DISCONNECTED,
                               "Not connected to the cloud");
      g_object_unref (task);
      return;
    }

  send_request (self, message, endpoint, task);
}

JsonObject *
ck_socket_send_request_finish (CkSocket      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (CK_IS_SOCKET (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Ending the session                                                        */

static void
stop_heartbeat (CkSocket *self)
{
  g_clear_handle_id (&self->heartbeat_id, g_source_remove);
  g_clear_handle_id (&self->watchdog_id, g_source_remove);
}

static void
release_connection_cb (SoupWebsocketConnection *connection,
                       gpointer                 user_data)
{
  g_object_unref (connection);
}

/* Drops the connection without emitting anything. */
static void
teardown (CkSocket *self)
{
  SoupWebsocketConnection *connection = g_steal_pointer (&self->connection);

  self->finished = TRUE;
  stop_heartbeat (self);

  if (connection == NULL)
    return;

  g_signal_handlers_disconnect_by_data (connection, self);
  if (soup_websocket_connection_get_state (connection) == SOUP_WEBSOCKET_STATE_CLOSED)
    {
      g_object_unref (connection);
      return;
    }

  /* Keep it alive until the close handshake is over. */
  g_signal_connect (connection, "closed", G_CALLBACK (release_connection_cb), NULL);
  if (soup_websocket_connection_get_state (connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
}

/* Ends the session: pending requests fail, then "closed" (@reason: transfer full). */
static void
finish (CkSocket *self,
        GError   *reason)
{
  g_autoptr(GError) owned_reason = reason;
  g_autoptr(CkSocket) hold G_GNUC_UNUSED = g_object_ref (self);
  gboolean was_connected = self->connected;

  if (self->finished)
    return;

  g_debug ("Session ends: %s", reason ? reason->message : "closed by us");
  teardown (self);
  fail_all_pending (self);

  if (was_connected)
    {
      self->connected = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
      g_signal_emit (self, signals[SIGNAL_CLOSED], 0, owned_reason);
    }
}

void
ck_socket_close (CkSocket *self)
{
  g_return_if_fail (CK_IS_SOCKET (self));

  finish (self, NULL);
}

/* ------------------------------------------------------------------------ */
/* Heartbeat (spec §4.4)                                                     */

static gboolean
watchdog_fired_cb (gpointer user_data)
{
  CkSocket *self = user_data;

  self->watchdog_id = 0;
  finish (self, g_error_new (CK_ERROR, CK_ERROR_TIMEOUT,
                             "The cloud did not answer the heartbeat within %u ms",
                             self->pong_timeout));
  return G_SOURCE_REMOVE;
}

static gboolean heartbeat_cb (gpointer user_data);

/* The next ping goes out one interval after the last frame sent (spec §4.4:
 * `hbInterval`, measured from the last frame sent). */
static void
start_heartbeat (CkSocket *self)
{
  guint interval = self->heartbeat_interval > 0 ? self->heartbeat_interval : self->server_hb_ms;

  g_clear_handle_id (&self->heartbeat_id, g_source_remove);
  if (interval == 0 || !self->connected)
    return;

  self->heartbeat_id = g_timeout_add (interval, heartbeat_cb, self);
}

/* Every frame we send goes through here, so it restarts the heartbeat. */
static void
send_text (CkSocket   *self,
           const char *text)
{
  soup_websocket_connection_send_text (self->connection, text);
  start_heartbeat (self);
}

static gboolean
heartbeat_cb (gpointer user_data)
{
  CkSocket *self = user_data;

  self->heartbeat_id = 0;
  if (self->connection == NULL
      || soup_websocket_connection_get_state (self->connection) != SOUP_WEBSOCKET_STATE_OPEN)
    return G_SOURCE_REMOVE;

  /* The watchdog: no pong (or any frame) in time means the link is dead. */
  if (self->watchdog_id == 0)
    self->watchdog_id = g_timeout_add (self->pong_timeout, watchdog_fired_cb, self);
  send_text (self, "ping");

  return G_SOURCE_REMOVE;
}

/* ------------------------------------------------------------------------ */
/* Incoming frames (spec §4.7.3)                                             */

static void
handle_object (CkSocket   *self,
               JsonObject *object)
{
  g_autofree char *sequence = NULL;
  gint64 error_code;

  /* A message with an action is a push, never an answer (spec §4.2). */
  if (json_object_has_member (object, "action"))
    {
      if (self->connected)
        g_signal_emit (self, signals[SIGNAL_PUSH], 0, object);
      return;
    }

  sequence = ck_json_dup_id (object, "sequence");
  if (sequence != NULL && g_hash_table_contains (self->pending, sequence))
    {
      Pending *pending = g_hash_table_lookup (self->pending, sequence);

      pending_complete (self, sequence, object, ck_envelope_check (object, pending->endpoint));
      return;
    }

  /* An error without a sequence: the cloud ended this session (spec §4.11).
   * Before the handshake completes it is the handshake's answer. */
  if (sequence == NULL && ck_json_get_int (object, "error", &error_code) && error_code != 0)
    {
      if (!self->connected && g_hash_table_size (self->pending) > 0)
        {
          g_autoptr(GList) keys = g_hash_table_get_keys (self->pending);
          g_autofree char *handshake = g_strdup (keys->data);

          pending_complete (self, handshake, NULL,
                            ck_envelope_check (object, CK_ENDPOINT_WS_HANDSHAKE));
          return;
        }

      finish (self, ck_envelope_check (object, CK_ENDPOINT_WS_SESSION));
      return;
    }

  g_debug ("Ignoring an answer that matches no request");
}

static void
message_cb (SoupWebsocketConnection *connection,
            gint                     type,
            GBytes                  *message,
            CkSocket                *self)
{
  g_autoptr(CkSocket) hold G_GNUC_UNUSED = g_object_ref (self);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize len = 0;

  /* Any frame proves the link is alive. */
  g_clear_handle_id (&self->watchdog_id, g_source_remove);

  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    return;

  data = g_bytes_get_data (message, &len);
  if (len == 4 && memcmp (data, "pong", 4) == 0)
    return;

  root = len <= G_MAXSSIZE ? ck_json_parse (data, (gssize) len, &error) : NULL;
  if (root == NULL)
    {
      g_debug ("Ignoring a frame: %s", error ? error->message : "too long");
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_debug ("Ignoring a frame that is not a JSON object");
      return;
    }

  handle_object (self, json_node_get_object (root));
}

static void
closed_cb (SoupWebsocketConnection *connection,
           CkSocket                *self)
{
  finish (self, g_error_new (CK_ERROR, CK_ERROR_DISCONNECTED,
                             "The live connection to the cloud was closed (code %u)",
                             soup_websocket_connection_get_close_code (connection)));
}

static void
error_cb (SoupWebsocketConnection *connection,
          GError                  *error,
          CkSocket                *self)
{
  g_debug ("WebSocket error: %s", error->message);
}

/* ------------------------------------------------------------------------ */
/* Connecting and the handshake (spec §4.3)                                  */

static void
handshake_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CkSocket *self = CK_SOCKET (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *config;
  gint64 hb = 1;
  gint64 hb_interval = DEFAULT_SERVER_HB_S;

  self->connecting = FALSE;
  answer = g_task_propagate_pointer (G_TASK (result), &error);
  if (answer == NULL)
    {
      teardown (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The flag is `hb` on the real server, `hbl` in the D20 docs. */
  config = ck_json_get_object (answer, "config");
  if (!ck_json_get_int (config, "hb", &hb))
    ck_json_get_int (config, "hbl", &hb);
  if (!ck_json_get_int (config, "hbInterval", &hb_interval) || hb_interval <= 0)
    hb_interval = DEFAULT_SERVER_HB_S;
  self->server_hb_ms = hb != 0 ? (guint) MIN (hb_interval, G_MAXUINT / 1000) * 1000 : 0;

  self->connected = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
  start_heartbeat (self);

  g_task_return_boolean (task, TRUE);
}

static void
websocket_connected_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CkSocket *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) hello = NULL;
  g_autofree char *nonce = NULL;
  GCancellable *cancellable;
  GTask *handshake;

  self->connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (self->connection == NULL)
    {
      self->connecting = FALSE;
      self->finished = TRUE;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, CK_ERROR, CK_ERROR_NETWORK,
                                 "Could not open the live connection (%s)", error->message);
      return;
    }

  g_signal_connect (self->connection, "message", G_CALLBACK (message_cb), self);
  g_signal_connect (self->connection, "closed", G_CALLBACK (closed_cb), self);
  g_signal_connect (self->connection, "error", G_CALLBACK (error_cb), self);

  nonce = ck_nonce_new ();
  hello = json_object_new ();
  json_object_set_string_member (hello, "action", "userOnline");
  json_object_set_string_member (hello, "at", self->access_token);
  json_object_set_string_member (hello, "apikey", self->apikey);
  json_object_set_string_member (hello, "appid", self->app_id);
  json_object_set_string_member (hello, "nonce", nonce);
  json_object_set_int_member (hello, "ts", g_get_real_time () / G_USEC_PER_SEC);
  json_object_set_string_member (hello, "userAgent", "app");
  json_object_set_int_member (hello, "version", CK_PROTOCOL_VERSION);

  cancellable = g_task_get_cancellable (task);
  handshake = g_task_new (self, cancellable, handshake_done_cb, g_steal_pointer (&task));
  send_request (self, hello, CK_ENDPOINT_WS_HANDSHAKE, handshake);
}

void
ck_socket_connect_async (CkSocket            *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) message = NULL;

  g_return_if_fail (CK_IS_SOCKET (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_socket_connect_async);

  if (self->connecting || self->connected || self->finished)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "A CkSocket connects only once; make a new one");
      return;
    }

  message = soup_message_new ("GET", self->url);
  if (message == NULL)
    {
      g_task_return_new_error (task, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                               "The live connection address is not valid");
      return;
    }

  self->connecting = TRUE;
  soup_session_websocket_connect_async (self->session, message, NULL, NULL,
                                        G_PRIORITY_DEFAULT, cancellable,
                                        websocket_connected_cb, g_steal_pointer (&task));
}

gboolean
ck_socket_connect_finish (CkSocket      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (CK_IS_SOCKET (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ck_socket_connect_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Device requests: update (§4.6), query (§4.8), share actions (§4.9)       */

static void
device_request_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  JsonObject *answer;

  answer = ck_socket_send_request_finish (CK_SOCKET (source), result, &error);
  if (answer == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, answer, (GDestroyNotify) json_object_unref);
}

/* Sends @action for one device; @tag is the public function's source tag. */
static void
device_request (CkSocket            *self,
                gpointer             tag,
                const char          *action,
                const char          *device_id,
                const char          *owner_apikey,
                JsonNode            *params,
                CkEndpoint           endpoint,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(JsonObject) message = json_object_new ();
  GTask *task;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tag);

  /* apikey is the owner's; selfApikey is ours (spec §4.6). */
  json_object_set_string_member (message, "action", action);
  json_object_set_string_member (message, "apikey", owner_apikey);
  json_object_set_string_member (message, "selfApikey", self->apikey);
  json_object_set_string_member (message, "deviceid", device_id);
  json_object_set_member (message, "params", json_node_copy (params));
  json_object_set_string_member (message, "userAgent", "app");
  json_object_set_int_member (message, "ts", 0);

  ck_socket_send_request_async (self, message, endpoint, cancellable,
                                device_request_done_cb, task);
}

static JsonObject *
device_request_finish (CkSocket      *self,
                       GAsyncResult  *result,
                       gpointer       tag,
                       GError       **error)
{
  g_return_val_if_fail (CK_IS_SOCKET (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ck_socket_update_async (CkSocket            *self,
                        const char          *device_id,
                        const char          *owner_apikey,
                        JsonObject          *params,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (CK_IS_SOCKET (self));
  g_return_if_fail (device_id != NULL && owner_apikey != NULL && params != NULL);

  node = json_node_init_object (json_node_alloc (), params);
  device_request (self, ck_socket_update_async, "update", device_id, owner_apikey, node,
                  CK_ENDPOINT_WS_UPDATE, cancellable, callback, user_data);
}

JsonObject *
ck_socket_update_finish (CkSocket      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return device_request_finish (self, result, ck_socket_update_async, error);
}

void
ck_socket_query_async (CkSocket            *self,
                       const char          *device_id,
                       const char          *owner_apikey,
                       const char * const  *keys,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(JsonArray) names = json_array_new ();
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (CK_IS_SOCKET (self));
  g_return_if_fail (device_id != NULL && owner_apikey != NULL);

  /* [] asks for everything (spec §4.8). */
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    json_array_add_string_element (names, keys[i]);
  node = json_node_init_array (json_node_alloc (), names);
  device_request (self, ck_socket_query_async, "query", device_id, owner_apikey, node,
                  CK_ENDPOINT_WS_QUERY, cancellable, callback, user_data);
}

JsonObject *
ck_socket_query_finish (CkSocket      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return device_request_finish (self, result, ck_socket_query_async, error);
}

void
ck_socket_share_async (CkSocket            *self,
                       const char          *action,
                       const char          *device_id,
                       JsonObject          *params,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (CK_IS_SOCKET (self));
  g_return_if_fail (g_strcmp0 (action, "share") == 0 || g_strcmp0 (action, "updateShare") == 0
                    || g_strcmp0 (action, "cancelShare") == 0);
  g_return_if_fail (device_id != NULL && params != NULL);

  /* Only the owner shares, so apikey and selfApikey are both ours. */
  node = json_node_init_object (json_node_alloc (), params);
  device_request (self, ck_socket_share_async, action, device_id, self->apikey, node,
                  CK_ENDPOINT_WS_SHARE, cancellable, callback, user_data);
}

JsonObject *
ck_socket_share_finish (CkSocket      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return device_request_finish (self, result, ck_socket_share_async, error);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

CkSocket *
ck_socket_new (SoupSession *session,
               const char  *url,
               const char  *app_id,
               const char  *access_token,
               const char  *apikey)
{
  CkSocket *self;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (url != NULL && app_id != NULL, NULL);
  g_return_val_if_fail (access_token != NULL && apikey != NULL, NULL);

  self = g_object_new (CK_TYPE_SOCKET, NULL);
  self->session = g_object_ref (session);
  self->url = g_strdup (url);
  self->app_id = g_strdup (app_id);
  self->access_token = g_strdup (access_token);
  self->apikey = g_strdup (apikey);

  return self;
}

gboolean
ck_socket_get_connected (CkSocket *self)
{
  g_return_val_if_fail (CK_IS_SOCKET (self), FALSE);
  return self->connected;
}

static void
ck_socket_dispose (GObject *object)
{
  CkSocket *self = CK_SOCKET (object);

  teardown (self);
  if (self->pending != NULL)
    fail_all_pending (self);

  G_OBJECT_CLASS (ck_socket_parent_class)->dispose (object);
}

static void
ck_socket_finalize (GObject *object)
{
  CkSocket *self = CK_SOCKET (object);

  ck_secret_free (self->access_token);
  g_free (self->url);
  g_free (self->app_id);
  g_free (self->apikey);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (ck_socket_parent_class)->finalize (object);
}

static void
ck_socket_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CkSocket *self = CK_SOCKET (object);

  switch (prop_id)
    {
    case PROP_HEARTBEAT_INTERVAL:
      g_value_set_uint (value, self->heartbeat_interval);
      break;
    case PROP_PONG_TIMEOUT:
      g_value_set_uint (value, self->pong_timeout);
      break;
    case PROP_REQUEST_TIMEOUT:
      g_value_set_uint (value, self->request_timeout);
      break;
    case PROP_CONNECTED:
      g_value_set_boolean (value, self->connected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_uint_property (CkSocket *self,
                   guint    *field,
                   guint     value,
                   guint     prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
ck_socket_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CkSocket *self = CK_SOCKET (object);

  switch (prop_id)
    {
    case PROP_HEARTBEAT_INTERVAL:
      set_uint_property (self, &self->heartbeat_interval, g_value_get_uint (value), prop_id);
      if (self->connected)
        start_heartbeat (self);
      break;
    case PROP_PONG_TIMEOUT:
      set_uint_property (self, &self->pong_timeout, g_value_get_uint (value), prop_id);
      break;
    case PROP_REQUEST_TIMEOUT:
      set_uint_property (self, &self->request_timeout, g_value_get_uint (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ck_socket_class_init (CkSocketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ck_socket_dispose;
  object_class->finalize = ck_socket_finalize;
  object_class->get_property = ck_socket_get_property;
  object_class->set_property = ck_socket_set_property;

  properties[PROP_HEARTBEAT_INTERVAL] =
    g_param_spec_uint ("heartbeat-interval", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PONG_TIMEOUT] =
    g_param_spec_uint ("pong-timeout", NULL, NULL, 1, G_MAXUINT, DEFAULT_PONG_TIMEOUT_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUEST_TIMEOUT] =
    g_param_spec_uint ("request-timeout", NULL, NULL, 1, G_MAXUINT, DEFAULT_REQUEST_TIMEOUT_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_PUSH] =
    g_signal_new ("push", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JSON_TYPE_OBJECT);
  signals[SIGNAL_CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
ck_socket_init (CkSocket *self)
{
  self->pong_timeout = DEFAULT_PONG_TIMEOUT_MS;
  self->request_timeout = DEFAULT_REQUEST_TIMEOUT_MS;
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
}
