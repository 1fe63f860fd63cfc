/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-client"

#include "ck-client-private.h"

#include "ck-backoff.h"
#include "ck-command-queue.h"
#include "ck-enums.h"
#include "ck-json.h"
#include "ck-socket.h"

#define DEFAULT_PONG_TIMEOUT_MS       10000
#define DEFAULT_REQUEST_TIMEOUT_MS    10000
#define DEFAULT_RECONNECT_DELAY_MS    1000
#define DEFAULT_RECONNECT_MAX_MS      60000
#define DEFAULT_RECONNECT_RESET_MS    60000
#define DEFAULT_COMMAND_DEADLINE_MS   10000
/* Spec §5 rule 5: renew the tokens once they are 25 days old (the at lives ~30). */
#define DEFAULT_TOKEN_REFRESH_AGE_MS  (G_GUINT64_CONSTANT (25) * 24 * 60 * 60 * 1000)
#define MAX_TOKEN_REFRESH_AGE_MS      (G_GUINT64_CONSTANT (3650) * 24 * 60 * 60 * 1000)

struct _CkClient
{
  GObject          parent_instance;

  CkApi           *api;
  CkDeviceList    *devices;
  CkClientState    state;

  guint            heartbeat_interval;
  guint            pong_timeout;
  guint            request_timeout;
  guint            reconnect_delay;
  guint            reconnect_max_delay;
  guint            reconnect_reset_after;
  guint            command_deadline;
  guint64          token_refresh_age;  /* ms; 0: no proactive refresh */
  GNetworkMonitor *network_monitor;
  gboolean         monitor_injected;   /* set by the caller: always obeyed */

  CkSocket        *socket;
  GCancellable    *cancellable;     /* connecting and reconnecting */
  gboolean         keep_alive;      /* connected once: reconnect after drops */
  CkBackoff        backoff;
  guint            reconnect_id;
  gboolean         attempting;      /* a reconnect attempt is in flight */
  guint            online_id;       /* resets the back-off after a while online */
  GDateTime       *next_attempt;
  guint            token_refresh_id;  /* the proactive refresh (spec §5 rule 5) */
  gint64           tokens_seen_at;    /* ms, wall clock: when the API's tokens last changed */

  CkCommandQueue  *commands;
  CkGroupList     *groups;
  CkTokenStore    *token_store;     /* (nullable) where the session is kept */
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
  PROP_RECONNECT_MAX_DELAY,
  PROP_RECONNECT_RESET_AFTER,
  PROP_COMMAND_DEADLINE,
  PROP_NETWORK_MONITOR,
  PROP_NEXT_ATTEMPT,
  PROP_GROUPS,
  PROP_TOKEN_STORE,
  PROP_TOKEN_REFRESH_AGE,
  N_PROPS
};

enum {
  SIGNAL_COMMAND_FAILED,
  SIGNAL_COMMAND_STARTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule_reconnect     (CkClient *self);
static void drop_socket            (CkClient *self);
static void start_resync           (CkClient *self);
static void schedule_token_refresh (CkClient *self);
static void arm_token_refresh      (CkClient *self,
                                    gint64    delay_ms);

/* ------------------------------------------------------------------------ */
/* State                                                                     */

/* Devices are stale whenever the live session is not up. */
static void
mark_devices_stale (CkClient *self)
{
  gboolean stale = self->state != CK_CLIENT_STATE_ONLINE;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->devices));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CkDevice) device = g_list_model_get_item (G_LIST_MODEL (self->devices), i);

      ck_device_set_stale (device, stale);
    }
}

static void
set_next_attempt (CkClient *self,
                  guint     delay_ms)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->next_attempt == NULL && delay_ms == G_MAXUINT)
    return;

  g_clear_pointer (&self->next_attempt, g_date_time_unref);
  if (delay_ms != G_MAXUINT)
    {
      now = g_date_time_new_now_utc ();
      self->next_attempt = g_date_time_add (now, (GTimeSpan) delay_ms * 1000);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_ATTEMPT]);
}

static void
set_state (CkClient      *self,
           CkClientState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  if (state != CK_CLIENT_STATE_RECONNECTING)
    set_next_attempt (self, G_MAXUINT);
  mark_devices_stale (self);
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

/* The session is gone for good until the user signs in again: stop. */
static void
session_lost (CkClient     *self,
              const GError *error)
{
  g_debug ("Session lost: %s", error->message);
  self->keep_alive = FALSE;
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  g_clear_handle_id (&self->online_id, g_source_remove);
  g_clear_handle_id (&self->token_refresh_id, g_source_remove);
  set_state (self, CK_CLIENT_STATE_SESSION_TAKEN);
  /* No socket for a session we gave up (its answers in flight are lost:
   * the queue's close settles those commands). */
  drop_socket (self);
  ck_command_queue_close (self->commands, error);
}

/* ------------------------------------------------------------------------ */
/* The network (no reconnect storm while the machine is offline)             */

/* The system's monitor says nothing about a loopback server (the demo and
 * tests run without any network); an injected monitor is always obeyed. */
static gboolean
network_usable (CkClient *self)
{
  if (self->network_monitor == NULL)
    return TRUE;
  if (!self->monitor_injected && ck_api_is_loopback (self->api))
    return TRUE;
  return g_network_monitor_get_network_available (self->network_monitor);
}

static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    CkClient        *self)
{
  if (!self->keep_alive)
    return;

  if (!network_usable (self))
    {
      /* Wait quietly; the live socket, if any, proves itself by heartbeat. */
      if (self->state == CK_CLIENT_STATE_RECONNECTING)
        {
          g_clear_handle_id (&self->reconnect_id, g_source_remove);
          set_state (self, CK_CLIENT_STATE_OFFLINE);
        }
      return;
    }

  if (self->state == CK_CLIENT_STATE_OFFLINE && self->reconnect_id == 0)
    ck_client_reconnect_now (self);
}

static void
set_network_monitor (CkClient        *self,
                     GNetworkMonitor *monitor,
                     gboolean         injected)
{
  if (self->network_monitor == monitor)
    return;

  if (self->network_monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->network_monitor, self);
  g_set_object (&self->network_monitor, monitor);
  self->monitor_injected = injected;
  if (monitor != NULL)
    g_signal_connect (monitor, "network-changed", G_CALLBACK (network_changed_cb), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK_MONITOR]);
}

/* ------------------------------------------------------------------------ */
/* Pushes (spec §4.5, §4.7)                                                  */

static const char *
owner_apikey_of (CkClient *self,
                 CkDevice *device)
{
  return ck_command_queue_owner_apikey (self->api, device);
}

static void
fresh_params_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CkDevice) device = user_data;
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = ck_socket_query_finish (CK_SOCKET (source), result, &error);
  if (answer == NULL)
    g_debug ("Query after %s came online failed: %s", ck_device_get_id (device), error->message);
  else
    ck_device_apply_report (device, ck_json_get_object (answer, "params"));
}

static void
push_cb (CkSocket   *socket,
         JsonObject *message,
         CkClient   *self)
{
  const char *action = ck_json_get_string (message, "action");
  CkDevice *device = ck_device_list_lookup (self->devices, ck_json_get_string (message, "deviceid"));
  JsonObject *params = ck_json_get_object (message, "params");
  gboolean online = FALSE;

  if (device == NULL)
    {
      g_debug ("Push %s for a device not in the list", action ? action : "(none)");
      return;
    }

  /* Device reports and commands relayed from other sessions alike (§4.7.3). */
  if (g_strcmp0 (action, "sysmsg") == 0 || g_strcmp0 (action, "update") == 0)
    ck_device_apply_report (device, params);
  else
    {
      g_debug ("Ignoring push %s", action ? action : "(none)");
      return;
    }

  /* A device that comes back may have changed while away (spec §4.5). */
  if (g_strcmp0 (action, "sysmsg") == 0 && ck_json_get_boolean (params, "online", &online) && online
      && owner_apikey_of (self, device) != NULL)
    ck_socket_query_async (socket, ck_device_get_id (device), owner_apikey_of (self, device), NULL,
                           NULL, fresh_params_cb, g_object_ref (device));
}

/* ------------------------------------------------------------------------ */
/* The live session: dispatch → socket → userOnline                          */

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
  g_clear_handle_id (&self->online_id, g_source_remove);

  if (reason == NULL)
    return;

  g_debug ("Live session closed: %s", reason->message);
  if (is_session_lost (reason))
    {
      session_lost (self, reason);
      return;
    }

  if (self->keep_alive)
    {
      /* Commands wait for the next session; lost answers get settled then. */
      ck_command_queue_hold (self->commands);
      schedule_reconnect (self);
    }
  else if (self->state != CK_CLIENT_STATE_SESSION_TAKEN
           && self->state != CK_CLIENT_STATE_SIGNED_OUT)
    {
      /* "Sign in again" and "signed out" outlast a socket closing late. */
      set_state (self, CK_CLIENT_STATE_OFFLINE);
      ck_command_queue_close (self->commands, reason);
    }
}

static void open_session (CkClient *self,
                          GTask    *task);

/* Connection work is done on self->cancellable; reset_connection_work()
 * (sign-out, a newer connect) cancels and replaces it. A step whose
 * cancellable is not the current one must leave the client alone, even
 * when its answer arrived before the cancel did. */
static gboolean
work_is_stale (CkClient     *self,
               GCancellable *work)
{
  return work != self->cancellable;
}

static GError *
superseded_error (void)
{
  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                              "Signed out or connecting anew meanwhile");
}

/* Failures that say nothing about the session: the next attempt may work. */
static gboolean
is_transient (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
         || g_error_matches (error, CK_ERROR, CK_ERROR_NETWORK)
         || g_error_matches (error, CK_ERROR, CK_ERROR_TIMEOUT)
         || g_error_matches (error, CK_ERROR, CK_ERROR_SERVER)
         || g_error_matches (error, CK_ERROR, CK_ERROR_RATE_LIMITED)
         || g_error_matches (error, CK_ERROR, CK_ERROR_DISCONNECTED);
}

/* Marks an open_session() task that already renewed the tokens once. */
#define SESSION_RENEWED GINT_TO_POINTER (1)

static void
session_renewed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CkClient *self = g_task_get_source_object (task);
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;

  tokens = ck_api_refresh_finish (CK_API (source), result, &error);
  if (tokens == NULL)
    {
      /* A refused refresh: the rt went with the at, so someone else signed
       * in with this app id. A network failure settles nothing yet. */
      if (is_transient (error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, CK_ERROR, CK_ERROR_SESSION_TAKEN,
                                 "The account was signed in elsewhere with this app "
                                 "(the session could not be renewed: %s)", error->message);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  g_debug ("Tokens renewed after a refused handshake; connecting again");
  open_session (self, g_steal_pointer (&task));
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

  if (work_is_stale (self, g_task_get_cancellable (task)))
    {
      if (self->socket == socket)
        drop_socket (self);
      ck_socket_close (socket);
      g_task_return_error (task, superseded_error ());
      return;
    }

  if (!ck_socket_connect_finish (socket, result, &error))
    {
      if (self->socket == socket)
        drop_socket (self);

      /* Handshake 406 (spec §4.3, Appendix B step 10): an expired at, or a
       * newer login elsewhere. One shared refresh tells them apart; it can
       * only succeed while our rt is still ours, so it never takes the
       * session back from another client. */
      if (g_error_matches (error, CK_ERROR, CK_ERROR_TOKEN_INVALID))
        {
          if (g_task_get_task_data (task) != SESSION_RENEWED)
            {
              GCancellable *cancellable = g_task_get_cancellable (task);

              g_task_set_task_data (task, SESSION_RENEWED, NULL);
              ck_api_refresh_async (self->api, cancellable, session_renewed_cb, g_steal_pointer (&task));
              return;
            }
          g_task_return_new_error (task, CK_ERROR, CK_ERROR_SESSION_TAKEN,
                                   "The account was signed in elsewhere with this app "
                                   "(the renewed session was refused too: %s)", error->message);
          return;
        }

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
  if (work_is_stale (self, g_task_get_cancellable (task)))
    {
      g_task_return_error (task, superseded_error ());
      return;
    }
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

/* Completes @task when the live session is up: always a fresh dispatch,
 * which may name another host (spec Appendix B, step 9); a refused
 * handshake renews the tokens once (socket_connected_cb). */
static void
open_session (CkClient *self,
              GTask    *task)
{
  ck_api_dispatch_async (self->api, g_task_get_cancellable (task), dispatched_cb, task);
}

static gboolean
online_long_enough_cb (gpointer user_data)
{
  CkClient *self = user_data;

  self->online_id = 0;
  ck_backoff_reset (&self->backoff);
  return G_SOURCE_REMOVE;
}

/* The session is up (first connect or reconnect). */
static void
went_online (CkClient *self)
{
  set_state (self, CK_CLIENT_STATE_ONLINE);
  g_clear_handle_id (&self->online_id, g_source_remove);
  self->online_id = g_timeout_add (MAX (self->reconnect_reset_after, 1), online_long_enough_cb, self);
  schedule_token_refresh (self);
}

/* ------------------------------------------------------------------------ */
/* Proactive refresh (spec §5 rule 5, Appendix B step 2)                    */

static gint64
now_ms (void)
{
  return g_get_real_time () / 1000;
}

/* At connect and resume: only tokens whose issue time is known and older
 * than "token-refresh-age" (a session stored without it is not forced). */
static gboolean
tokens_due_at_start (CkClient *self)
{
  const CkTokens *tokens = ck_api_get_tokens (self->api);
  gint64 age;

  if (tokens == NULL || self->token_refresh_age == 0)
    return FALSE;
  age = ck_tokens_get_age (tokens, now_ms ());
  return age >= 0 && (guint64) age >= self->token_refresh_age;
}

static void
token_refresh_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(CkClient) self = user_data;
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;

  /* Success: the API's new tokens reschedule through notify::tokens. */
  tokens = ck_api_refresh_finish (CK_API (source), result, &error);
  if (tokens != NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || !self->keep_alive)
    return;

  g_debug ("Proactive refresh failed: %s", error->message);
  if (is_session_lost (error))
    {
      session_lost (self, error);
      return;
    }

  /* Not reachable now: the tokens still work; try again a while later. */
  arm_token_refresh (self, MAX (self->reconnect_max_delay, 1));
}

/* Milliseconds until the tokens reach "token-refresh-age". An unknown issue
 * time counts from when this client got the tokens. */
static gint64
token_refresh_delay (CkClient *self)
{
  const CkTokens *tokens = ck_api_get_tokens (self->api);
  gint64 issued = tokens->issued_at > 0 ? tokens->issued_at : self->tokens_seen_at;

  return MAX (issued + (gint64) self->token_refresh_age - now_ms (), 0);
}

static gboolean
token_refresh_due_cb (gpointer user_data)
{
  CkClient *self = user_data;

  self->token_refresh_id = 0;
  /* A wait longer than a timeout can hold is armed in steps. */
  if (token_refresh_delay (self) > 0)
    schedule_token_refresh (self);
  else
    ck_api_refresh_async (self->api, self->cancellable, token_refresh_done_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
arm_token_refresh (CkClient *self,
                   gint64    delay_ms)
{
  g_clear_handle_id (&self->token_refresh_id, g_source_remove);
  self->token_refresh_id = g_timeout_add ((guint) CLAMP (delay_ms, 0, G_MAXUINT),
                                          token_refresh_due_cb, self);
}

/* While the session is kept alive: renew the tokens when they come of age. */
static void
schedule_token_refresh (CkClient *self)
{
  g_clear_handle_id (&self->token_refresh_id, g_source_remove);
  if (!self->keep_alive || ck_api_get_tokens (self->api) == NULL || self->token_refresh_age == 0)
    return;

  arm_token_refresh (self, token_refresh_delay (self));
}

static void
api_tokens_notify_cb (CkApi      *api,
                      GParamSpec *pspec,
                      CkClient   *self)
{
  self->tokens_seen_at = now_ms ();
  schedule_token_refresh (self);
}

/* ------------------------------------------------------------------------ */
/* Reconnecting with back-off (ARCHITECTURE "Pacing")                        */

static void
reconnected_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CkClient *self = CK_CLIENT (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Cancelled by reset_connection_work(); a renewal cancelled because
       * the tokens changed meanwhile is only a failed attempt. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          && g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
        return;

      self->attempting = FALSE;
      g_debug ("Reconnecting failed: %s", error->message);
      if (is_session_lost (error))
        session_lost (self, error);
      else if (self->keep_alive)
        schedule_reconnect (self);
      return;
    }

  self->attempting = FALSE;
  went_online (self);
  start_resync (self);
}

static void
attempt_reconnect (CkClient *self)
{
  GTask *task;

  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  set_next_attempt (self, G_MAXUINT);
  self->attempting = TRUE;
  task = g_task_new (self, self->cancellable, reconnected_cb, NULL);
  g_task_set_source_tag (task, attempt_reconnect);
  open_session (self, task);
}

static gboolean
reconnect_cb (gpointer user_data)
{
  CkClient *self = user_data;

  self->reconnect_id = 0;
  attempt_reconnect (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (CkClient *self)
{
  guint delay;

  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  if (!network_usable (self))
    {
      /* No storm while the machine is offline: the monitor wakes us. */
      set_state (self, CK_CLIENT_STATE_OFFLINE);
      return;
    }

  delay = ck_backoff_next_delay (&self->backoff);
  set_state (self, CK_CLIENT_STATE_RECONNECTING);
  set_next_attempt (self, delay);
  self->reconnect_id = g_timeout_add (delay, reconnect_cb, self);
}

void
ck_client_reconnect_now (CkClient *self)
{
  g_return_if_fail (CK_IS_CLIENT (self));

  if (!self->keep_alive || self->socket != NULL || self->attempting
      || (self->state != CK_CLIENT_STATE_RECONNECTING && self->state != CK_CLIENT_STATE_OFFLINE))
    return;

  ck_backoff_reset (&self->backoff);
  if (!network_usable (self))
    return;

  set_state (self, CK_CLIENT_STATE_RECONNECTING);
  attempt_reconnect (self);
}

/* ------------------------------------------------------------------------ */
/* After reconnecting: the device list once, then the command queue opens    */
/* (it settles unconfirmed commands, then sends what waited)                  */

static void
resync_listed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CkClient) self = user_data;
  g_autoptr(JsonArray) list = NULL;
  g_autoptr(GError) error = NULL;

  list = ck_api_list_devices_finish (CK_API (source), result, &error);
  if (list != NULL)
    {
      ck_device_list_replace_all (self->devices, list);
      mark_devices_stale (self);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  else
    g_debug ("Device list after reconnecting failed: %s", error->message);

  if (self->state == CK_CLIENT_STATE_ONLINE && self->socket != NULL)
    ck_command_queue_open (self->commands, self->socket);
}

static void
start_resync (CkClient *self)
{
  /* Changes made while we were away (spec Appendix B, step 9). */
  ck_api_list_devices_async (self->api, self->cancellable, resync_listed_cb, g_object_ref (self));
  ck_group_list_refresh_async (self->groups, self->cancellable, NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* Commands (CkCommandQueue): pending at once, confirmed on the ack, rolled  */
/* back on failure, unconfirmed when the answer was lost                     */

static void
command_start (CkClient            *self,
               CkDevice            *device,
               JsonObject          *params,
               gpointer             tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  ck_command_queue_start (self->commands, self, device, params, tag, cancellable, callback, user_data);
}

void
ck_client_update_async (CkClient            *self,
                        CkDevice            *device,
                        JsonObject          *params,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));
  g_return_if_fail (params != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  command_start (self, device, params, ck_client_update_async, cancellable, callback, user_data);
}

gboolean
ck_client_update_finish (CkClient      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return ck_client_finish_boolean (self, result, ck_client_update_async, error);
}

void
ck_client_set_power_async (CkClient            *self,
                           CkDevice            *device,
                           gboolean             on,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(JsonObject) params = NULL;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));

  params = ck_device_build_power_params (device, on);
  if (params == NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, ck_client_set_power_async);
      g_task_return_new_error (task, CK_ERROR, CK_ERROR_BAD_REQUEST,
                               "“%s” has no on/off control", ck_device_get_name (device));
      return;
    }

  command_start (self, device, params, ck_client_set_power_async, cancellable, callback, user_data);
}

gboolean
ck_client_set_power_finish (CkClient      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return ck_client_finish_boolean (self, result, ck_client_set_power_async, error);
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
  return ck_client_finish_boolean (self, result, ck_client_login_async, error);
}

/* A connect in progress (the task data of ck_client_connect_async()): its
 * steps run on @work, the client's connection cancellable when it started,
 * which the caller's cancellable cancels too. */
typedef struct
{
  GCancellable *work;
  GCancellable *caller;
  gulong        chained_id;
} ConnectWork;

static void
connect_work_unchain (ConnectWork *connect)
{
  /* A plain handler: disconnecting it is safe inside the emission. */
  if (connect->chained_id != 0)
    g_signal_handler_disconnect (connect->caller, connect->chained_id);
  connect->chained_id = 0;
}

static void
connect_work_free (ConnectWork *connect)
{
  connect_work_unchain (connect);
  g_clear_object (&connect->caller);
  g_clear_object (&connect->work);
  g_free (connect);
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *work)
{
  g_cancellable_cancel (work);
}

static GCancellable *
connect_work (GTask *task)
{
  return ((ConnectWork *) g_task_get_task_data (task))->work;
}

/* A first connection that failed: nothing waits for it any more. */
static void
connect_failed (CkClient     *self,
                const GError *error)
{
  self->keep_alive = FALSE;
  g_clear_handle_id (&self->token_refresh_id, g_source_remove);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_state (self, state_after_failure (error));
  ck_command_queue_close (self->commands, error);
}

/* Completes the connect @task (owned) with success or @error (transfer
 * full); a superseded connect leaves the client as it is. */
static void
connect_return (CkClient *self,
                GTask    *task,
                GError   *error)
{
  connect_work_unchain (g_task_get_task_data (task));
  if (error == NULL)
    g_task_return_boolean (task, TRUE);
  else
    {
      if (!work_is_stale (self, connect_work (task)))
        connect_failed (self, error);
      g_task_return_error (task, error);
    }
  g_object_unref (task);
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  CkClient *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      connect_return (self, task, error);
      return;
    }
  if (work_is_stale (self, connect_work (task)))
    {
      connect_return (self, task, superseded_error ());
      return;
    }

  went_online (self);
  ck_backoff_reset (&self->backoff);
  ck_command_queue_open (self->commands, self->socket);
  connect_return (self, task, NULL);
}

static void
connect_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  CkClient *self = g_task_get_source_object (task);
  g_autoptr(JsonArray) list = NULL;
  GError *error = NULL;
  GTask *session;

  list = ck_api_list_devices_finish (CK_API (source), result, &error);
  if (work_is_stale (self, connect_work (task)))
    {
      g_clear_error (&error);
      connect_return (self, task, superseded_error ());
      return;
    }
  if (list == NULL)
    {
      connect_return (self, task, error);
      return;
    }

  ck_device_list_replace_all (self->devices, list);
  mark_devices_stale (self);

  session = g_task_new (self, connect_work (task), connected_cb, task);
  open_session (self, session);
}

/* Step 3 of the start-up sequence: the device list, then the live session. */
static void
connect_list_devices (CkClient *self,
                      GTask    *task)
{
  ck_api_list_devices_async (self->api, connect_work (task), connect_listed_cb, task);
  ck_group_list_refresh_async (self->groups, self->cancellable, NULL, NULL);
}

static void
connect_renewed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  CkClient *self = g_task_get_source_object (task);
  g_autoptr(CkTokens) tokens = NULL;
  GError *error = NULL;

  tokens = ck_api_refresh_finish (CK_API (source), result, &error);
  if (work_is_stale (self, connect_work (task)))
    {
      g_clear_error (&error);
      connect_return (self, task, superseded_error ());
      return;
    }
  if (tokens == NULL)
    {
      if (g_cancellable_is_cancelled (connect_work (task)) || is_session_lost (error))
        {
          connect_return (self, task, error);
          return;
        }
      /* The old tokens may still work: the connection will tell. */
      g_debug ("Refreshing old tokens failed: %s", error->message);
      g_clear_error (&error);
    }

  connect_list_devices (self, task);
}

static void
reset_connection_work (CkClient *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  g_clear_handle_id (&self->online_id, g_source_remove);
  g_clear_handle_id (&self->token_refresh_id, g_source_remove);
  self->attempting = FALSE;
  drop_socket (self);
}

void
ck_client_connect_async (CkClient            *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  ConnectWork *connect;

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

  /* Any connect still in flight ends here, whoever started it. */
  reset_connection_work (self);
  connect = g_new0 (ConnectWork, 1);
  connect->work = g_object_ref (self->cancellable);
  if (cancellable != NULL)
    {
      connect->caller = g_object_ref (cancellable);
      if (g_cancellable_is_cancelled (cancellable))
        g_cancellable_cancel (connect->work);
      else
        connect->chained_id = g_signal_connect (cancellable, "cancelled",
                                                G_CALLBACK (caller_cancelled_cb), connect->work);
    }
  g_task_set_task_data (task, connect, (GDestroyNotify) connect_work_free);

  self->keep_alive = TRUE;
  set_state (self, CK_CLIENT_STATE_CONNECTING);
  ck_command_queue_hold (self->commands);

  /* Tokens known to be old are renewed first (spec Appendix B, step 2). */
  if (tokens_due_at_start (self))
    ck_api_refresh_async (self->api, connect->work, connect_renewed_cb, task);
  else
    connect_list_devices (self, task);
}

gboolean
ck_client_connect_finish (CkClient      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return ck_client_finish_boolean (self, result, ck_client_connect_async, error);
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
  mark_devices_stale (self);
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
  return ck_client_finish_boolean (self, result, ck_client_refresh_async, error);
}

/* ------------------------------------------------------------------------ */
/* The stored session                                                        */

static void
session_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ck_token_store_save_finish (CK_TOKEN_STORE (source), result, &error))
    g_warning ("Could not keep the session in the keyring: %s", error->message);
}

static void
session_cleared_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ck_token_store_clear_finish (CK_TOKEN_STORE (source), result, &error))
    g_warning ("Could not remove the session from the keyring: %s", error->message);
}

/* Login, register, reset and refresh: keep the new tokens. */
static void
tokens_changed_cb (CkApi    *api,
                   CkClient *self)
{
  const CkTokens *tokens = ck_api_get_tokens (api);

  if (self->token_store != NULL && tokens != NULL)
    ck_token_store_save_async (self->token_store, tokens, NULL, session_saved_cb, NULL);
}

CkTokenStore *
ck_client_get_token_store (CkClient *self)
{
  g_return_val_if_fail (CK_IS_CLIENT (self), NULL);
  return self->token_store;
}

void
ck_client_set_token_store (CkClient     *self,
                           CkTokenStore *store)
{
  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (store == NULL || CK_IS_TOKEN_STORE (store));

  if (g_set_object (&self->token_store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN_STORE]);
}

static void
resumed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (ck_client_connect_finish (CK_CLIENT (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
session_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CkClient *self = g_task_get_source_object (task);
  g_autoptr(CkTokens) tokens = NULL;
  GError *error = NULL;

  tokens = ck_token_store_load_finish (CK_TOKEN_STORE (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (tokens == NULL)
    {
      g_task_return_new_error (task, CK_ERROR, CK_ERROR_NOT_SIGNED_IN, "No stored session");
      return;
    }

  /* The stored session as it is: no login call (the region comes with it). */
  ck_api_set_tokens (self->api, tokens);
  ck_client_connect_async (self, g_task_get_cancellable (task), resumed_cb, g_object_ref (task));
}

void
ck_client_resume_async (CkClient            *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CK_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_client_resume_async);
  if (self->token_store == NULL)
    {
      g_task_return_new_error (task, CK_ERROR, CK_ERROR_NOT_SIGNED_IN, "No session store");
      g_object_unref (task);
      return;
    }
  ck_token_store_load_async (self->token_store, cancellable, session_loaded_cb, task);
}

gboolean
ck_client_resume_finish (CkClient      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return ck_client_finish_boolean (self, result, ck_client_resume_async, error);
}

/* ------------------------------------------------------------------------ */
/* Groups                                                                    */

CkGroupList *
ck_client_get_groups (CkClient *self)
{
  g_return_val_if_fail (CK_IS_CLIENT (self), NULL);
  return self->groups;
}

gboolean
ck_client_finish_boolean (CkClient      *self,
                          GAsyncResult  *result,
                          gpointer       tag,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

CkCommandQueue *
ck_client_get_command_queue (CkClient *self)
{
  g_return_val_if_fail (CK_IS_CLIENT (self), NULL);
  return self->commands;
}

CkSocket *
ck_client_get_live_socket (CkClient *self)
{
  g_return_val_if_fail (CK_IS_CLIENT (self), NULL);
  return self->socket != NULL && ck_socket_get_connected (self->socket) ? self->socket : NULL;
}

void
ck_client_sign_out (CkClient *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CK_IS_CLIENT (self));

  self->keep_alive = FALSE;
  reset_connection_work (self);
  set_state (self, CK_CLIENT_STATE_SIGNED_OUT);
  error = g_error_new_literal (CK_ERROR, CK_ERROR_NOT_SIGNED_IN, "Signed out");
  ck_command_queue_close (self->commands, error);
  ck_api_set_tokens (self->api, NULL);
  ck_device_list_clear (self->devices);
  ck_group_list_clear (self->groups);
  if (self->token_store != NULL)
    ck_token_store_clear_async (self->token_store, NULL, session_cleared_cb, NULL);
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

GDateTime *
ck_client_get_next_attempt (CkClient *self)
{
  g_return_val_if_fail (CK_IS_CLIENT (self), NULL);
  return self->next_attempt;
}

static void
command_started_cb (CkCommandQueue *queue,
                    CkCommand      *command,
                    CkClient       *self)
{
  g_signal_emit (self, signals[SIGNAL_COMMAND_STARTED], 0, command);
}

static void
command_failed_cb (CkCommandQueue *queue,
                   CkDevice       *device,
                   GError         *error,
                   CkClient       *self)
{
  g_signal_emit (self, signals[SIGNAL_COMMAND_FAILED], 0, device, error);
}

static void
ck_client_constructed (GObject *object)
{
  CkClient *self = CK_CLIENT (object);

  G_OBJECT_CLASS (ck_client_parent_class)->constructed (object);

  self->commands = ck_command_queue_new (self->api);
  ck_command_queue_set_deadline (self->commands, self->command_deadline);
  g_signal_connect (self->commands, "command-started", G_CALLBACK (command_started_cb), self);
  g_signal_connect (self->commands, "command-failed", G_CALLBACK (command_failed_cb), self);
  self->groups = ck_group_list_new (self->api);
  g_signal_connect (self->api, "tokens-changed", G_CALLBACK (tokens_changed_cb), self);
  g_signal_connect (self->api, "notify::tokens", G_CALLBACK (api_tokens_notify_cb), self);
  self->tokens_seen_at = now_ms ();

  if (self->network_monitor == NULL)
    set_network_monitor (self, g_network_monitor_get_default (), FALSE);
}

static void
ck_client_dispose (GObject *object)
{
  CkClient *self = CK_CLIENT (object);

  self->keep_alive = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  g_clear_handle_id (&self->online_id, g_source_remove);
  g_clear_handle_id (&self->token_refresh_id, g_source_remove);
  drop_socket (self);
  if (self->network_monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->network_monitor, self);
  g_clear_object (&self->network_monitor);
  if (self->api != NULL)
    g_signal_handlers_disconnect_by_data (self->api, self);

  G_OBJECT_CLASS (ck_client_parent_class)->dispose (object);
}

static void
ck_client_finalize (GObject *object)
{
  CkClient *self = CK_CLIENT (object);

  /* Commands hold the client (GTask source), so none is left here. */
  g_clear_object (&self->commands);
  g_clear_object (&self->groups);
  g_clear_object (&self->token_store);
  g_clear_pointer (&self->next_attempt, g_date_time_unref);
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
    case PROP_RECONNECT_MAX_DELAY:
      g_value_set_uint (value, self->reconnect_max_delay);
      break;
    case PROP_RECONNECT_RESET_AFTER:
      g_value_set_uint (value, self->reconnect_reset_after);
      break;
    case PROP_COMMAND_DEADLINE:
      g_value_set_uint (value, self->command_deadline);
      break;
    case PROP_NETWORK_MONITOR:
      g_value_set_object (value, self->network_monitor);
      break;
    case PROP_NEXT_ATTEMPT:
      g_value_set_boxed (value, self->next_attempt);
      break;
    case PROP_GROUPS:
      g_value_set_object (value, self->groups);
      break;
    case PROP_TOKEN_STORE:
      g_value_set_object (value, self->token_store);
      break;
    case PROP_TOKEN_REFRESH_AGE:
      g_value_set_uint64 (value, self->token_refresh_age);
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
      ck_backoff_init (&self->backoff, self->reconnect_delay, self->reconnect_max_delay);
      break;
    case PROP_RECONNECT_MAX_DELAY:
      set_uint_property (self, &self->reconnect_max_delay, g_value_get_uint (value), prop_id);
      ck_backoff_init (&self->backoff, self->reconnect_delay, self->reconnect_max_delay);
      break;
    case PROP_RECONNECT_RESET_AFTER:
      set_uint_property (self, &self->reconnect_reset_after, g_value_get_uint (value), prop_id);
      break;
    case PROP_COMMAND_DEADLINE:
      set_uint_property (self, &self->command_deadline, g_value_get_uint (value), prop_id);
      if (self->commands != NULL)
        ck_command_queue_set_deadline (self->commands, self->command_deadline);
      break;
    case PROP_NETWORK_MONITOR:
      if (g_value_get_object (value) != NULL)
        set_network_monitor (self, g_value_get_object (value), TRUE);
      break;
    case PROP_TOKEN_STORE:
      ck_client_set_token_store (self, g_value_get_object (value));
      break;
    case PROP_TOKEN_REFRESH_AGE:
      if (self->token_refresh_age != g_value_get_uint64 (value))
        {
          self->token_refresh_age = g_value_get_uint64 (value);
          schedule_token_refresh (self);
          g_object_notify_by_pspec (object, pspec);
        }
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

  object_class->constructed = ck_client_constructed;
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
  properties[PROP_RECONNECT_MAX_DELAY] =
    g_param_spec_uint ("reconnect-max-delay", NULL, NULL, 0, G_MAXUINT, DEFAULT_RECONNECT_MAX_MS, rw);
  properties[PROP_RECONNECT_RESET_AFTER] =
    g_param_spec_uint ("reconnect-reset-after", NULL, NULL, 0, G_MAXUINT, DEFAULT_RECONNECT_RESET_MS, rw);
  properties[PROP_COMMAND_DEADLINE] =
    g_param_spec_uint ("command-deadline", NULL, NULL, 0, G_MAXUINT, DEFAULT_COMMAND_DEADLINE_MS, rw);
  properties[PROP_NETWORK_MONITOR] =
    g_param_spec_object ("network-monitor", NULL, NULL, G_TYPE_NETWORK_MONITOR, rw);
  properties[PROP_NEXT_ATTEMPT] =
    g_param_spec_boxed ("next-attempt", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_GROUPS] =
    g_param_spec_object ("groups", NULL, NULL, CK_TYPE_GROUP_LIST,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOKEN_STORE] =
    g_param_spec_object ("token-store", NULL, NULL, CK_TYPE_TOKEN_STORE, rw);
  properties[PROP_TOKEN_REFRESH_AGE] =
    g_param_spec_uint64 ("token-refresh-age", NULL, NULL, 0, MAX_TOKEN_REFRESH_AGE_MS,
                         DEFAULT_TOKEN_REFRESH_AGE_MS, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_COMMAND_FAILED] =
    g_signal_new ("command-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, CK_TYPE_DEVICE, G_TYPE_ERROR);
  signals[SIGNAL_COMMAND_STARTED] =
    g_signal_new ("command-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CK_TYPE_COMMAND);
}

static void
ck_client_init (CkClient *self)
{
  self->devices = ck_device_list_new ();
  self->cancellable = g_cancellable_new ();
  self->pong_timeout = DEFAULT_PONG_TIMEOUT_MS;
  self->request_timeout = DEFAULT_REQUEST_TIMEOUT_MS;
  self->reconnect_delay = DEFAULT_RECONNECT_DELAY_MS;
  self->reconnect_max_delay = DEFAULT_RECONNECT_MAX_MS;
  self->reconnect_reset_after = DEFAULT_RECONNECT_RESET_MS;
  self->command_deadline = DEFAULT_COMMAND_DEADLINE_MS;
  self->token_refresh_age = DEFAULT_TOKEN_REFRESH_AGE_MS;
  ck_backoff_init (&self->backoff, self->reconnect_delay, self->reconnect_max_delay);
}
