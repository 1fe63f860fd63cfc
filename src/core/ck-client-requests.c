/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-client"

/* CkClient's one-off requests, as opposed to commands: `query` and the
 * share actions on the live socket (spec §4.8, §4.9), and moving a device
 * between groups over REST (spec §3.15). */

#include "ck-client-private.h"

#include "ck-json.h"

/* ------------------------------------------------------------------------ */
/* Requests that need the live session now: query, share actions             */

/* A socket ready for a request, or FALSE with @task failed. */
static gboolean
require_online (CkClient *self,
                GTask    *task)
{
  if (ck_client_get_live_socket (self) != NULL)
    return TRUE;

  g_task_return_new_error (task, CK_ERROR,
                           ck_client_get_state (self) == CK_CLIENT_STATE_SESSION_TAKEN
                           ? CK_ERROR_SESSION_TAKEN : CK_ERROR_DISCONNECTED,
                           "Not connected to the cloud");
  return FALSE;
}

static void
queried_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CkDevice *device = g_task_get_task_data (task);
  g_autoptr(JsonObject) answer = NULL;
  JsonObject *params;
  GError *error = NULL;

  answer = ck_socket_query_finish (CK_SOCKET (source), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  params = ck_json_get_object (answer, "params");
  if (params == NULL)
    {
      g_task_return_pointer (task, json_object_new (), (GDestroyNotify) json_object_unref);
      return;
    }
  ck_device_apply_report (device, params);
  g_task_return_pointer (task, json_object_ref (params), (GDestroyNotify) json_object_unref);
}

void
ck_client_query_async (CkClient            *self,
                       CkDevice            *device,
                       const char * const  *keys,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_client_query_async);
  g_task_set_task_data (task, g_object_ref (device), g_object_unref);
  if (!require_online (self, task))
    {
      g_object_unref (task);
      return;
    }

  ck_socket_query_async (ck_client_get_live_socket (self), ck_device_get_id (device), ck_command_queue_owner_apikey (ck_client_get_api (self), device),
                         keys, cancellable, queried_cb, task);
}

JsonObject *
ck_client_query_finish (CkClient      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ck_client_query_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A share action in flight, and what it changes on the device. */
typedef struct
{
  CkDevice *device;
  char     *uid;
  guint     permit;
  char     *note;
  gint64    result;
} ShareAction;

static void
share_action_free (ShareAction *action)
{
  g_object_unref (action->device);
  g_free (action->uid);
  g_free (action->note);
  g_free (action);
}

/* The device's own records after a new share: the receiver's apikey and
 * name are only known to the cloud. */
static void
sharing_fetched_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ShareAction *action = g_task_get_task_data (task);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;

  object = ck_api_get_device_finish (CK_API (source), result, &error);
  if (object != NULL)
    ck_device_update_sharing_from_json (action->device, object);
  else
    g_debug ("The shares of %s stay as they were until the next list: %s",
             ck_device_get_id (action->device), error->message);
  g_task_return_int (task, action->result);
}

static void
shared_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ShareAction *action = g_task_get_task_data (task);
  gpointer tag = g_task_get_source_tag (task);
  g_autoptr(JsonObject) answer = NULL;
  GError *error = NULL;

  answer = ck_socket_share_finish (CK_SOCKET (source), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!ck_json_get_int (answer, "result", &action->result))
    action->result = tag == ck_client_share_async ? 0 : CK_SHARE_RESULT_ACCEPTED;

  if (tag == ck_client_share_async
      && (action->result == CK_SHARE_RESULT_ACCEPTED || action->result == CK_SHARE_RESULT_ALREADY_SHARED))
    {
      CkClient *self = g_task_get_source_object (task);
      GCancellable *cancellable = g_task_get_cancellable (task);

      ck_api_get_device_async (ck_client_get_api (self), ck_device_get_id (action->device),
                               cancellable, sharing_fetched_cb, g_steal_pointer (&task));
      return;
    }
  if (action->result == CK_SHARE_RESULT_ACCEPTED && tag == ck_client_update_share_async)
    ck_device_update_share (action->device, action->uid, action->permit, action->note);
  else if (action->result == CK_SHARE_RESULT_ACCEPTED && tag == ck_client_cancel_share_async)
    ck_device_remove_share (action->device, action->uid);
  g_task_return_int (task, action->result);
}

/* The cloud names the receiver by e-mail or phone; callers may hold only
 * the share record's apikey. */
static const char *
receiver_identity (CkDevice   *device,
                   const char *uid)
{
  GPtrArray *shares = ck_device_get_shares (device);

  for (guint i = 0; i < shares->len; i++)
    {
      CkShare *share = g_ptr_array_index (shares, i);

      if (g_strcmp0 (ck_share_get_apikey (share), uid) == 0 && ck_share_get_identity (share) != NULL)
        return ck_share_get_identity (share);
    }
  return uid;
}

/* Sends a share action about @uid; the task's value is the answer's `result`. */
static void
share_request (CkClient            *self,
               gpointer             tag,
               const char          *action_name,
               CkDevice            *device,
               const char          *uid,
               guint                permit,
               const char          *note,
               JsonObject          *params,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  ShareAction *action = g_new0 (ShareAction, 1);

  g_task_set_source_tag (task, tag);
  action->device = g_object_ref (device);
  action->uid = g_strdup (uid);
  action->permit = permit;
  action->note = g_strdup (note);
  g_task_set_task_data (task, action, (GDestroyNotify) share_action_free);
  if (!require_online (self, task))
    {
      g_object_unref (task);
      return;
    }

  json_object_set_string_member (params, "uid", receiver_identity (device, uid));
  json_object_set_string_member (params, "deviceName", ck_device_get_name (device));
  ck_socket_share_async (ck_client_get_live_socket (self), action_name, ck_device_get_id (device), params,
                         cancellable, shared_cb, task);
}

static JsonObject *
share_params (CkClient   *self,
              guint       permit,
              const char *note)
{
  const CkTokens *tokens = ck_api_get_tokens (ck_client_get_api (self));
  JsonObject *params = json_object_new ();

  json_object_set_int_member (params, "permit", permit);
  json_object_set_string_member (params, "note", note != NULL ? note : "");
  json_object_set_string_member (params, "userName",
                                 tokens != NULL && tokens->identity != NULL ? tokens->identity : "");
  json_object_set_int_member (params, "shareTime", g_get_real_time () / 1000);
  return params;
}

void
ck_client_share_async (CkClient            *self,
                       CkDevice            *device,
                       const char          *uid,
                       guint                permit,
                       const char          *note,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(JsonObject) params = NULL;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));
  g_return_if_fail (uid != NULL);

  params = share_params (self, permit & 15, note);
  json_object_set_string_member (params, "sender_appid", ck_api_get_app_id (ck_client_get_api (self)));
  share_request (self, ck_client_share_async, "share", device, uid, permit & 15, note, params,
                 cancellable, callback, user_data);
}

CkShareResult
ck_client_share_finish (CkClient      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  GError *local_error = NULL;
  gssize value;

  g_return_val_if_fail (g_task_is_valid (result, self), CK_SHARE_RESULT_FAILED);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ck_client_share_async,
                        CK_SHARE_RESULT_FAILED);

  value = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return CK_SHARE_RESULT_FAILED;
    }
  if (value < CK_SHARE_RESULT_NO_SUCH_USER || value > CK_SHARE_RESULT_ALREADY_SHARED)
    {
      g_set_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                   "The cloud answered the share with an unknown result (%" G_GSSIZE_FORMAT ")", value);
      return CK_SHARE_RESULT_FAILED;
    }
  return (CkShareResult) value;
}

/* updateShare / cancelShare: result 2 is success, anything else a failure. */
static gboolean
share_change_finish (CkClient      *self,
                     GAsyncResult  *result,
                     gpointer       tag,
                     GError       **error)
{
  GError *local_error = NULL;
  gssize value;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tag, FALSE);

  value = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (value == CK_SHARE_RESULT_ACCEPTED)
    return TRUE;
  if (value == CK_SHARE_RESULT_NO_SUCH_USER)
    g_set_error (error, CK_ERROR, CK_ERROR_NOT_FOUND,
                 "The device is not shared with that account (result %" G_GSSIZE_FORMAT ")", value);
  else
    g_set_error (error, CK_ERROR, CK_ERROR_FAILED,
                 "The cloud did not change the share (result %" G_GSSIZE_FORMAT ")", value);
  return FALSE;
}

void
ck_client_update_share_async (CkClient            *self,
                              CkDevice            *device,
                              const char          *uid,
                              guint                permit,
                              const char          *note,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(JsonObject) params = NULL;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));
  g_return_if_fail (uid != NULL);

  params = share_params (self, permit & 15, note);
  share_request (self, ck_client_update_share_async, "updateShare", device, uid, permit & 15, note,
                 params, cancellable, callback, user_data);
}

gboolean
ck_client_update_share_finish (CkClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return share_change_finish (self, result, ck_client_update_share_async, error);
}

void
ck_client_cancel_share_async (CkClient            *self,
                              CkDevice            *device,
                              const char          *uid,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(JsonObject) params = json_object_new ();

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));
  g_return_if_fail (uid != NULL);

  share_request (self, ck_client_cancel_share_async, "cancelShare", device, uid, 0, NULL, params,
                 cancellable, callback, user_data);
}

gboolean
ck_client_cancel_share_finish (CkClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return share_change_finish (self, result, ck_client_cancel_share_async, error);
}

/* ------------------------------------------------------------------------ */
/* Groups                                                                    */

typedef struct
{
  CkDevice    *device;
  char        *source_id;
  char        *target_id;
  CkGroupMove  move;
} GroupMove;

static void
group_move_free (GroupMove *move)
{
  g_object_unref (move->device);
  g_free (move->source_id);
  g_free (move->target_id);
  g_free (move);
}

/* The device's groups after a move (spec §3.15, addDevice `type`). */
static void
apply_group_move (GroupMove *move)
{
  const char * const *groups = ck_device_get_groups (move->device);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  if (move->move == CK_GROUP_MOVE_REPLACE_SOURCE || move->target_id == NULL)
    for (guint i = 0; groups[i] != NULL; i++)
      if (g_strcmp0 (groups[i], move->source_id) != 0 && g_strcmp0 (groups[i], move->target_id) != 0)
        g_strv_builder_add (builder, groups[i]);
  if (move->target_id != NULL)
    g_strv_builder_add (builder, move->target_id);

  result = g_strv_builder_end (builder);
  ck_device_set_groups (move->device, (const char * const *) result);
}

static void
device_moved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!ck_api_move_device_to_group_finish (CK_API (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  apply_group_move (g_task_get_task_data (task));
  g_task_return_boolean (task, TRUE);
}

void
ck_client_move_device_to_group_async (CkClient            *self,
                                      CkDevice            *device,
                                      const char          *source_id,
                                      const char          *target_id,
                                      CkGroupMove          move,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GroupMove *data;
  GTask *task;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));
  g_return_if_fail (source_id != NULL || target_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_client_move_device_to_group_async);
  data = g_new0 (GroupMove, 1);
  data->device = g_object_ref (device);
  data->source_id = g_strdup (source_id);
  data->target_id = g_strdup (target_id);
  data->move = move;
  g_task_set_task_data (task, data, (GDestroyNotify) group_move_free);
  ck_api_move_device_to_group_async (ck_client_get_api (self), ck_device_get_id (device), source_id, target_id,
                                     move, cancellable, device_moved_cb, task);
}

gboolean
ck_client_move_device_to_group_finish (CkClient      *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return ck_client_finish_boolean (self, result, ck_client_move_device_to_group_async, error);
}

