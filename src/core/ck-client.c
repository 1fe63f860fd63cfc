/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-client"

#include "ck-client.h"

#include "ck-enums.h"
#include "ck-json.h"
#include "ck-socket.h"

#define DEFAULT_PONG_TIMEOUT_MS     10000
#define DEFAULT_REQUEST_TIMEOUT_MS  10000
#define DEFAULT_RECONNECT_DELAY_MS  1000

struct _CkClient
{
  GObject        parent_instance;

  CkApi         *api;
  CkDeviceList  *devices;
  CkClientState  state;

  guint          heartbeat_interval;
  guint          pong_timeout;
  guint          request_timeout;
  guint          reconnect_delay;

  CkSocket      *socket;
  GCancellable  *cancellable;     /* connecting and reconnecting */
  guint          reconnect_id;
};

G_DEFINE_FINAL_TYPE (CkClient, ck_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_API,
  PROP_DEVICES,
  PROP_STATE,
  PROP_HEARTBEAT_INTERVAL,
  PROP_PONG_TIMEOUT,
  PROP_REQUEST_TIMEOUT,
  PROP_RECONNECT_DELAY,
  N_PROPS
};

enum {
  SIGNAL_COMMAND_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_state (CkClient      *self,
           CkClientState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* The state a failed (re)connection leaves behind. */
static CkClientState
state_after_failure (const GError *error)
{
  if (g_error_matches (error, CK_ERROR, CK_ERROR_SESSION_TAKEN)
      || g_error_matches (error, CK_ERROR, CK_ERROR_TOKEN_INVALID))
    return CK_CLIENT_STATE_SESSION_TAKEN;
  if (g_error_matches (error, CK_ERROR, CK_ERROR_NETWORK)
      || g_error_matches (error, CK_ERROR, CK_ERROR_TIMEOUT)
      || g_error_matches (error, CK_ERROR, CK_ERROR_DISCONNECTED))
    return CK_CLIENT_STATE_OFFLINE;

  return CK_CLIENT_STATE_SIGNED_OUT;
}

/* Errors after which trying again cannot help without a new sign-in. */
static gboolean
is_session_lost (const GError *error)
{
  return g_error_matches (error, CK_ERROR, CK_ERROR_SESSION_TAKEN)
         || g_error_matches (error, CK_ERROR, CK_ERROR_TOKEN_INVALID)
         || g_error_matches (error, CK_ERROR, CK_ERROR_TOKEN_EXPIRED)
         || g_error_matches (error, CK_ERROR, CK_ERROR_NOT_SIGNED_IN);
}

/* ------------------------------------------------------------------------ */
/* Pushes (spec §4.5, §4.7)                                                  */

/* Merges @params into @device; an `online` key moves the online flag instead. */
static void
apply_params (CkDevice   *device,
              JsonObject *params)
{
  g_autoptr(JsonObject) rest = json_object_new ();
  g_autoptr(GList) members = NULL;
  gboolean online;

  if (params == NULL)
    return;

  if (ck_json_get_boolean (params, "online", &online))
    ck_device_set_online (device, online);

  members = json_object_get_members (params);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "online"))
      json_object_set_member (rest, l->data,
                              json_node_copy (json_object_get_member (params, l->data)));

  if (json_object_get_size (rest) > 0)
    ck_device_merge_params (device, rest);
}

static void
push_cb (CkSocket   *socket,
         JsonObject *message,
         CkClient   *self)
{
  const char *action = ck_json_get_string (message, "action");
  CkDevice *device = ck_device_list_lookup (self->devices, ck_json_get_string (message, "deviceid"));

  if (device == NULL)
    {
      g_debug ("Push %s for a device not in the list", action ? action : "(none)");
      return;
    }

  /* Device reports and commands relayed from other sessions alike. */
  if (g_strcmp0 (action, "sysmsg") == 0 || g_strcmp0 (action, "update") == 0)
    apply_params (device, ck_json_get_object (message, "params"));
  else
    g_debug ("Ignoring push %s", action ? action : "(none)");
}

/* ------------------------------------------------------------------------ */
/* The live session: dispatch → socket → userOnline                          */

static void schedule_reconnect (CkClient *self);

static void
drop_socket (CkClient *self)
{
  g_autoptr(CkSocket) socket = g_steal_pointer (&self->socket);

  if (socket == NULL)
    return;

  g_signal_handlers_disconnect_by_data (socket, self);
  ck_socket_close (socket);
}

static void
socket_closed_cb (CkSocket *socket,
                  GError   *reason,
                  CkClient *self)
{
  drop_socket (self);

  if (reason == NULL)
    return;

  g_debug ("Live session closed: %s", reason->message);
  if (is_session_lost (reason))
    {
      set_state (self, CK_CLIENT_STATE_SESSION_TAKEN);
      return;
    }

  schedule_reconnect (self);
}

static void
socket_connected_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CkClient *self = g_task_get_source_object (task);
  CkSocket *socket = CK_SOCKET (source);
  g_autoptr(GError) error = NULL;

  if (!ck_socket_connect_finish (socket, result, &error))
    {
      if (self->socket == socket)
        drop_socket (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
dispatched_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CkClient *self = g_task_get_source_object (task);
  const CkTokens *tokens = ck_api_get_tokens (self->api);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GCancellable *cancellable;

  url = ck_api_dispatch_finish (CK_API (source), result, &error);
  if (url == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  if (tokens == NULL)
    {
      g_task_return_new_error (task, CK_ERROR, CK_ERROR_NOT_SIGNED_IN, "Not signed in");
      return;
    }

  drop_socket (self);
  self->socket = ck_socket_new (ck_api_get_session (self->api), url,
                                ck_api_get_app_id (self->api),
                                tokens->access_token, tokens->apikey);
  g_object_set (self->socket,
                "heartbeat-interval", self->heartbeat_interval,
                "pong-timeout", self->pong_timeout,
                "request-timeout", self->request_timeout,
                NULL);
  g_signal_connect (self->socket, "push", G_CALLBACK (push_cb), self);
  g_signal_connect (self->socket, "closed", G_CALLBACK (socket_closed_cb), self);

  cancellable = g_task_get_cancellable (task);
  ck_socket_connect_async (self->socket, cancellable, socket_connected_cb, g_steal_pointer (&task));
}

/* Completes @task when the live session is up. */
static void
open_session (CkClient *self,
              GTask    *task)
{
  ck_api_dispatch_async (self->api, g_task_get_cancellable (task), dispatched_cb, task);
}

/* ------------------------------------------------------------------------ */
/* Reconnecting (a fixed delay for now; issue 4 brings the back-off)         */

static void
reconnect_listed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CkClient) self = user_data;
  g_autoptr(JsonArray) list = NULL;
  g_autoptr(GError) error = NULL;

  list = ck_api_list_devices_finish (CK_API (source), result, &error);
  if (list != NULL)
    ck_device_list_replace_all (self->devices, list);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Device list after reconnecting failed: %s", error->message);
}

static void
reconnected_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CkClient *self = CK_CLIENT (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_debug ("Reconnecting failed: %s", error->message);
      if (is_session_lost (error))
        set_state (self, CK_CLIENT_STATE_SESSION_TAKEN);
      else
        schedule_reconnect (self);
      return;
    }

  set_state (self, CK_CLIENT_STATE_ONLINE);

  /* Changes made while we were away (spec Appendix B, step 9). */
  ck_api_list_devices_async (self->api, self->cancellable, reconnect_listed_cb,
                             g_object_ref (self));
}

static gboolean
reconnect_cb (gpointer user_data)
{
  CkClient *self = user_data;
  GTask *task;

  self->reconnect_id = 0;
  task = g_task_new (self, self->cancellable, reconnected_cb, NULL);
  g_task_set_source_tag (task, reconnect_cb);
  open_session (self, task);

  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (CkClient *self)
{
  set_state (self, CK_CLIENT_STATE_RECONNECTING);
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  self->reconnect_id = g_timeout_add (self->reconnect_delay, reconnect_cb, self);
}

/* ------------------------------------------------------------------------ */
/* Login, connect, refresh, sign out                                         */

static void
logged_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(CkTokens) tokens = NULL;
  GError *error = NULL;

  tokens = ck_api_login_finish (CK_API (source), result, &error);
  if (tokens == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
ck_client_login_async (CkClient            *self,
                       const char          *identity,
                       const char          *password,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CK_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_client_login_async);
  ck_api_login_async (self->api, identity, password, cancellable, logged_in_cb, task);
}

gboolean
ck_client_login_finish (CkClient      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ck_client_login_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CkClient *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_state (self, state_after_failure (error));
      g_task_return_error (task, error);
      return;
    }

  set_state (self, CK_CLIENT_STATE_ONLINE);
  g_task_return_boolean (task, TRUE);
}

static void
connect_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CkClient *self = g_task_get_source_object (task);
  g_autoptr(JsonArray) list = NULL;
  GError *error = NULL;
  GCancellable *cancellable;
  GTask *session;

  list = ck_api_list_devices_finish (CK_API (source), result, &error);
  if (list == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_state (self, state_after_failure (error));
      g_task_return_error (task, error);
      return;
    }

  ck_device_list_replace_all (self->devices, list);

  cancellable = g_task_get_cancellable (task);
  session = g_task_new (self, cancellable, connected_cb, g_steal_pointer (&task));
  open_session (self, session);
}

static void
reset_connection_work (CkClient *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  drop_socket (self);
}

void
ck_client_connect_async (CkClient            *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_client_connect_async);

  if (ck_api_get_tokens (self->api) == NULL)
    {
      g_task_return_new_error (task, CK_ERROR, CK_ERROR_NOT_SIGNED_IN, "Not signed in");
      g_object_unref (task);
      return;
    }

  reset_connection_work (self);
  set_state (self, CK_CLIENT_STATE_CONNECTING);
  ck_api_list_devices_async (self->api, cancellable, connect_listed_cb, task);
}

gboolean
ck_client_connect_finish (CkClient      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ck_client_connect_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
refreshed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CkClient *self = g_task_get_source_object (task);
  g_autoptr(JsonArray) list = NULL;
  GError *error = NULL;

  list = ck_api_list_devices_finish (CK_API (source), result, &error);
  if (list == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  ck_device_list_replace_all (self->devices, list);
  g_task_return_boolean (task, TRUE);
}

void
ck_client_refresh_async (CkClient            *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CK_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_client_refresh_async);
  ck_api_list_devices_async (self->api, cancellable, refreshed_cb, task);
}

gboolean
ck_client_refresh_finish (CkClient      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ck_client_refresh_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ck_client_sign_out (CkClient *self)
{
  g_return_if_fail (CK_IS_CLIENT (self));

  reset_connection_work (self);
  ck_api_set_tokens (self->api, NULL);
  ck_device_list_clear (self->devices);
  set_state (self, CK_CLIENT_STATE_SIGNED_OUT);
}

/* ------------------------------------------------------------------------ */
/* Commands: pending at once, confirmed on the ack, rolled back on failure   */

typedef struct
{
  CkDevice   *device;
  JsonObject *params;
} Command;

static void
command_free (Command *command)
{
  g_clear_object (&command->device);
  g_clear_pointer (&command->params, json_object_unref);
  g_free (command);
}

/* Rolls @task's command back and says why (@error: transfer full). */
static void
command_failed (CkClient *self,
                GTask    *task,
                GError   *error)
{
  Command *command = g_task_get_task_data (task);

  if (g_error_matches (error, CK_ERROR, CK_ERROR_DEVICE_OFFLINE)
      || g_error_matches (error, CK_ERROR, CK_ERROR_DEVICE_UNREACHABLE))
    ck_device_set_online (command->device, FALSE);

  ck_device_end_pending (command->device, FALSE);
  g_signal_emit (self, signals[SIGNAL_COMMAND_FAILED], 0, command->device, error);
  g_task_return_error (task, error);
}

static void
power_acked_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CkClient *self = g_task_get_source_object (task);
  Command *command = g_task_get_task_data (task);
  g_autoptr(JsonObject) ack = NULL;
  GError *error = NULL;

  ack = ck_socket_update_finish (CK_SOCKET (source), result, &error);
  if (ack == NULL)
    {
      command_failed (self, task, error);
      return;
    }

  /* The cloud does not echo a command to its sender (spec §4.6). */
  ck_device_merge_params (command->device, command->params);
  ck_device_end_pending (command->device, TRUE);
  g_task_return_boolean (task, TRUE);
}

void
ck_client_set_power_async (CkClient            *self,
                           CkDevice            *device,
                           gboolean             on,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const CkTokens *tokens;
  const char *owner;
  Command *command;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_client_set_power_async);

  command = g_new0 (Command, 1);
  command->device = g_object_ref (device);
  command->params = ck_device_build_power_params (device, on);
  g_task_set_task_data (task, command, (GDestroyNotify) command_free);

  if (command->params == NULL)
    {
      g_task_return_new_error (task, CK_ERROR, CK_ERROR_BAD_REQUEST,
                               "“%s” has no on/off control", ck_device_get_name (device));
      return;
    }

  ck_device_begin_pending (device, on);

  tokens = ck_api_get_tokens (self->api);
  if (self->socket == NULL || !ck_socket_get_connected (self->socket) || tokens == NULL)
    {
      command_failed (self, task,
                      g_error_new_literal (CK_ERROR, CK_ERROR_DISCONNECTED,
                                           "Not connected to the cloud"));
      return;
    }

  /* A shared device names its owner; our own devices carry our apikey. */
  owner = ck_device_get_owner_apikey (device);
  if (owner == NULL)
    owner = tokens->apikey;

  ck_socket_update_async (self->socket, ck_device_get_id (device), owner, command->params,
                          cancellable, power_acked_cb, g_steal_pointer (&task));
}

gboolean
ck_client_set_power_finish (CkClient      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ck_client_set_power_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

CkClient *
ck_client_new (CkApi *api)
{
  g_return_val_if_fail (CK_IS_API (api), NULL);

  return g_object_new (CK_TYPE_CLIENT, "api", api, NULL);
}

CkApi *
ck_client_get_api (CkClient *self)
{
  g_return_val_if_fail (CK_IS_CLIENT (self), NULL);
  return self->api;
}

CkDeviceList *
ck_client_get_devices (CkClient *self)
{
  g_return_val_if_fail (CK_IS_CLIENT (self), NULL);
  return self->devices;
}

CkClientState
ck_client_get_state (CkClient *self)
{
  g_return_val_if_fail (CK_IS_CLIENT (self), CK_CLIENT_STATE_SIGNED_OUT);
  return self->state;
}

static void
ck_client_dispose (GObject *object)
{
  CkClient *self = CK_CLIENT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  drop_socket (self);

  G_OBJECT_CLASS (ck_client_parent_class)->dispose (object);
}

static void
ck_client_finalize (GObject *object)
{
  CkClient *self = CK_CLIENT (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->devices);
  g_clear_object (&self->api);

  G_OBJECT_CLASS (ck_client_parent_class)->finalize (object);
}

static void
ck_client_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CkClient *self = CK_CLIENT (object);

  switch (prop_id)
    {
    case PROP_API:
      g_value_set_object (value, self->api);
      break;
    case PROP_DEVICES:
      g_value_set_object (value, self->devices);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_HEARTBEAT_INTERVAL:
      g_value_set_uint (value, self->heartbeat_interval);
      break;
    case PROP_PONG_TIMEOUT:
      g_value_set_uint (value, self->pong_timeout);
      break;
    case PROP_REQUEST_TIMEOUT:
      g_value_set_uint (value, self->request_timeout);
      break;
    case PROP_RECONNECT_DELAY:
      g_value_set_uint (value, self->reconnect_delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_uint_property (CkClient *self,
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
ck_client_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CkClient *self = CK_CLIENT (object);

  switch (prop_id)
    {
    case PROP_API:
      self->api = g_value_dup_object (value);
      break;
    case PROP_HEARTBEAT_INTERVAL:
      set_uint_property (self, &self->heartbeat_interval, g_value_get_uint (value), prop_id);
      break;
    case PROP_PONG_TIMEOUT:
      set_uint_property (self, &self->pong_timeout, g_value_get_uint (value), prop_id);
      break;
    case PROP_REQUEST_TIMEOUT:
      set_uint_property (self, &self->request_timeout, g_value_get_uint (value), prop_id);
      break;
    case PROP_RECONNECT_DELAY:
      set_uint_property (self, &self->reconnect_delay, g_value_get_uint (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ck_client_class_init (CkClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ck_client_dispose;
  object_class->finalize = ck_client_finalize;
  object_class->get_property = ck_client_get_property;
  object_class->set_property = ck_client_set_property;

  properties[PROP_API] =
    g_param_spec_object ("api", NULL, NULL, CK_TYPE_API,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEVICES] =
    g_param_spec_object ("devices", NULL, NULL, CK_TYPE_DEVICE_LIST,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, CK_TYPE_CLIENT_STATE, CK_CLIENT_STATE_SIGNED_OUT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEARTBEAT_INTERVAL] =
    g_param_spec_uint ("heartbeat-interval", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_PONG_TIMEOUT] =
    g_param_spec_uint ("pong-timeout", NULL, NULL, 1, G_MAXUINT, DEFAULT_PONG_TIMEOUT_MS, rw);
  properties[PROP_REQUEST_TIMEOUT] =
    g_param_spec_uint ("request-timeout", NULL, NULL, 1, G_MAXUINT, DEFAULT_REQUEST_TIMEOUT_MS, rw);
  properties[PROP_RECONNECT_DELAY] =
    g_param_spec_uint ("reconnect-delay", NULL, NULL, 0, G_MAXUINT, DEFAULT_RECONNECT_DELAY_MS, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_COMMAND_FAILED] =
    g_signal_new ("command-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, CK_TYPE_DEVICE, G_TYPE_ERROR);
}

static void
ck_client_init (CkClient *self)
{
  self->devices = ck_device_list_new ();
  self->cancellable = g_cancellable_new ();
  self->pong_timeout = DEFAULT_PONG_TIMEOUT_MS;
  self->request_timeout = DEFAULT_REQUEST_TIMEOUT_MS;
  self->reconnect_delay = DEFAULT_RECONNECT_DELAY_MS;
}
