/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-command-queue"

#include "ck-command-queue.h"

#include "ck-error.h"
#include "ck-json.h"

#define DEFAULT_DEADLINE_MS 10000

typedef enum
{
  QUEUE_CLOSED,     /* no session will come: commands fail */
  QUEUE_HOLDING,    /* a session is coming: commands wait */
  QUEUE_SETTLING,   /* the session is up; unconfirmed ones are being settled */
  QUEUE_OPEN,       /* commands go out at once */
} QueueState;

struct _CkCommandQueue
{
  GObject     parent_instance;

  CkApi      *api;
  CkSocket   *socket;       /* while settling or open */
  QueueState  state;
  GError     *closed_error; /* what new commands fail with while closed */
  guint       deadline;

  GQueue     *waiting;      /* (GTask) not sent yet, in issue order */
  GPtrArray  *unconfirmed;  /* (GTask) sent, answer lost with the socket */
  guint       generation;   /* bumped by every hold, open and close */
  guint       settle_steps; /* outstanding settle queries */
  guint64     send_serial;
};

G_DEFINE_FINAL_TYPE (CkCommandQueue, ck_command_queue, G_TYPE_OBJECT)

enum {
  SIGNAL_COMMAND_FAILED,
  SIGNAL_COMMAND_STARTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  CkCommandQueue *queue;
  CkCommand      *command;
  guint           pending_id;    /* the device shows the command meanwhile */
  guint           deadline_id;
  guint64         serial;        /* send order */
} CommandData;

typedef struct Settlement Settlement;

static void settle_unconfirmed (CkCommandQueue *self);
static void settle_query       (CkCommandQueue *self,
                                Settlement     *settlement);
static void flush_waiting      (CkCommandQueue *self);

static void
command_data_free (CommandData *data)
{
  g_clear_handle_id (&data->deadline_id, g_source_remove);
  g_clear_object (&data->command);
  g_free (data);
}

static CkCommand *
command_of (GTask *task)
{
  return ((CommandData *) g_task_get_task_data (task))->command;
}

const char *
ck_command_queue_owner_apikey (CkApi    *api,
                               CkDevice *device)
{
  const CkTokens *tokens = ck_api_get_tokens (api);
  const char *owner = ck_device_get_owner_apikey (device);

  /* A shared device names its owner; our own devices carry our apikey. */
  if (owner != NULL)
    return owner;
  return tokens != NULL ? tokens->apikey : NULL;
}

/* ------------------------------------------------------------------------ */
/* The end of a command: confirmed or rolled back                            */

/* @error: (nullable) (transfer none): NULL to confirm. */
static void
command_settle (CkCommandQueue *self,
                GTask          *task,
                const GError   *error)
{
  CommandData *data = g_task_get_task_data (task);
  CkCommand *command = data->command;
  CkDevice *device = ck_command_get_device (command);
  g_autoptr(GTask) hold G_GNUC_UNUSED = g_object_ref (task);

  g_clear_handle_id (&data->deadline_id, g_source_remove);
  if (g_queue_remove (self->waiting, task))
    g_object_unref (task);
  if (g_ptr_array_remove (self->unconfirmed, task))
    g_object_unref (task);

  if (error == NULL)
    {
      /* The cloud does not echo a command to its sender (spec §4.6). */
      ck_device_merge_params (device, ck_command_get_params (command));
      ck_command_set_state (command, CK_COMMAND_CONFIRMED, NULL);
      ck_device_end_pending (device, data->pending_id);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (g_error_matches (error, CK_ERROR, CK_ERROR_DEVICE_OFFLINE)
      || g_error_matches (error, CK_ERROR, CK_ERROR_DEVICE_UNREACHABLE))
    ck_device_set_online (device, FALSE);

  ck_command_set_state (command, CK_COMMAND_ROLLED_BACK, error);
  ck_device_end_pending (device, data->pending_id);
  g_signal_emit (self, signals[SIGNAL_COMMAND_FAILED], 0, device, error);
  g_task_return_error (task, g_error_copy (error));
}

/* Rolls back an unconfirmed command whose fate cannot be known. */
static void
command_settle_unsure (CkCommandQueue *self,
                       GTask          *task,
                       const GError   *error)
{
  /* A copy keeps what the cloud said (ck_error_get_cloud_text()). */
  g_autoptr(GError) unsure = g_error_copy (error);

  g_free (unsure->message);
  unsure->message = g_strdup_printf ("%s (the command may or may not have reached the device)",
                                     error->message);
  command_settle (self, task, unsure);
}

/* Waiting or unconfirmed commands can no longer reach a live session. */
static void
fail_commands (CkCommandQueue *self,
               const GError   *error)
{
  GTask *task;

  while ((task = g_queue_peek_head (self->waiting)) != NULL)
    command_settle (self, task, error);

  while (self->unconfirmed->len > 0)
    command_settle_unsure (self, g_ptr_array_index (self->unconfirmed, 0), error);
}

/* ------------------------------------------------------------------------ */
/* Sending                                                                   */

static void
command_unconfirmed (CkCommandQueue *self,
                     GTask          *task)
{
  ck_command_set_state (command_of (task), CK_COMMAND_UNCONFIRMED, NULL);
  g_ptr_array_add (self->unconfirmed, g_object_ref (task));

  /* Normally the drop is noticed next and the reconnect settles it; if the
   * session is up already (a late answer), settle now. */
  if (self->state == QUEUE_OPEN)
    {
      self->state = QUEUE_SETTLING;
      settle_unconfirmed (self);
    }
}

static void
command_acked_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CommandData *data = g_task_get_task_data (task);
  CkCommandQueue *self = data->queue;
  g_autoptr(JsonObject) ack = NULL;
  g_autoptr(GError) error = NULL;

  ack = ck_socket_update_finish (CK_SOCKET (source), result, &error);
  if (ack != NULL)
    command_settle (self, task, NULL);
  else if (g_error_matches (error, CK_ERROR, CK_ERROR_DISCONNECTED) && self->state != QUEUE_CLOSED)
    command_unconfirmed (self, task);
  else
    command_settle (self, task, error);
}

static void
command_send (CkCommandQueue *self,
              GTask          *task)
{
  CommandData *data = g_task_get_task_data (task);
  CkDevice *device = ck_command_get_device (data->command);

  g_clear_handle_id (&data->deadline_id, g_source_remove);
  data->serial = ++self->send_serial;
  ck_command_mark_sent (data->command);
  /* No cancellable: once sent, the answer is tracked whatever happens. */
  ck_socket_update_async (self->socket, ck_device_get_id (device),
                          ck_command_queue_owner_apikey (self->api, device),
                          ck_command_get_params (data->command), NULL,
                          command_acked_cb, g_object_ref (task));
}

static gboolean
command_deadline_cb (gpointer user_data)
{
  GTask *task = user_data;
  CommandData *data = g_task_get_task_data (task);
  CkCommandQueue *self = data->queue;
  g_autoptr(GError) error = NULL;

  data->deadline_id = 0;
  error = g_error_new (CK_ERROR, CK_ERROR_DISCONNECTED,
                       "Not connected to the cloud: the command was not sent within %u ms",
                       self->deadline);
  command_settle (self, task, error);
  return G_SOURCE_REMOVE;
}

static gboolean
can_send_now (CkCommandQueue *self)
{
  return self->state == QUEUE_OPEN && self->socket != NULL && ck_socket_get_connected (self->socket);
}

/* Sends @task's command now, lets it wait for the session, or fails it. */
static void
command_dispatch (CkCommandQueue *self,
                  GTask          *task)
{
  CommandData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      command_settle (self, task, error);
      return;
    }

  if (can_send_now (self))
    {
      command_send (self, task);
      return;
    }

  if (self->state == QUEUE_CLOSED)
    {
      command_settle (self, task, self->closed_error);
      return;
    }

  g_queue_push_tail (self->waiting, g_object_ref (task));
  data->deadline_id = g_timeout_add (self->deadline, command_deadline_cb, task);
}

/* Sends the commands that waited for the session, in issue order. */
static void
flush_waiting (CkCommandQueue *self)
{
  GTask *task;

  while (can_send_now (self) && (task = g_queue_pop_head (self->waiting)) != NULL)
    {
      CommandData *data = g_task_get_task_data (task);

      g_clear_handle_id (&data->deadline_id, g_source_remove);
      command_dispatch (self, task);
      g_object_unref (task);
    }
}

void
ck_command_queue_start (CkCommandQueue      *self,
                        gpointer             source_object,
                        CkDevice            *device,
                        JsonObject          *params,
                        gpointer             tag,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;
  CommandData *data;

  g_return_if_fail (CK_IS_COMMAND_QUEUE (self));
  g_return_if_fail (CK_IS_DEVICE (device));
  g_return_if_fail (params != NULL);

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, tag);
  data = g_new0 (CommandData, 1);
  data->queue = self;
  data->command = ck_command_new (device, params);
  g_task_set_task_data (task, data, (GDestroyNotify) command_data_free);

  /* Every value the command asks for shows at once. */
  data->pending_id = ck_device_begin_pending (device, params);

  g_signal_emit (self, signals[SIGNAL_COMMAND_STARTED], 0, data->command);
  command_dispatch (self, task);
  g_object_unref (task);   /* the queue, the socket or the result holds it now */
}

/* ------------------------------------------------------------------------ */
/* Settling unconfirmed commands (rule: see CkCommandState)                  */

struct Settlement
{
  CkCommandQueue *queue;
  CkDevice       *device;
  GPtrArray      *tasks;       /* (GTask) this device's unconfirmed commands, in send order */
  guint           generation;
  gboolean        retried;     /* the query timed out once already */
};

static void
settlement_free (Settlement *settlement)
{
  g_object_unref (settlement->queue);
  g_object_unref (settlement->device);
  g_ptr_array_unref (settlement->tasks);
  g_free (settlement);
}

/* One settle query (or the pass itself) is done; the last one opens the queue. */
static void
settle_step_done (CkCommandQueue *self,
                  guint           generation)
{
  if (generation != self->generation || self->state != QUEUE_SETTLING)
    return;
  if (self->settle_steps > 0 && --self->settle_steps > 0)
    return;

  self->state = QUEUE_OPEN;
  flush_waiting (self);
}

/* The keys of @task's command that no later command of @tasks sets. */
static GPtrArray *
own_keys (GPtrArray *tasks,
          guint      index)
{
  GPtrArray *keys = g_ptr_array_new ();
  g_autoptr(GList) members = json_object_get_members (ck_command_get_params (command_of (tasks->pdata[index])));

  for (GList *l = members; l != NULL; l = l->next)
    {
      gboolean superseded = FALSE;

      for (guint j = index + 1; j < tasks->len && !superseded; j++)
        superseded = json_object_has_member (ck_command_get_params (command_of (tasks->pdata[j])),
                                             l->data);
      if (!superseded)
        g_ptr_array_add (keys, l->data);
    }
  return keys;
}

static void
settle_queried_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Settlement *settlement = user_data;
  CkCommandQueue *self = settlement->queue;
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *params;
  guint last_seen = 0;   /* 1-based; 0: none seen */

  answer = ck_socket_query_finish (CK_SOCKET (source), result, &error);
  if (answer == NULL)
    {
      gboolean current = settlement->generation == self->generation
                         && self->state == QUEUE_SETTLING;

      /* Unanswered on a session that stays up: no reconnect will come to
       * settle them, so ask once more, then give up on knowing. */
      if (g_error_matches (error, CK_ERROR, CK_ERROR_TIMEOUT) && current && !settlement->retried)
        {
          settlement->retried = TRUE;
          settle_query (self, settlement);
          return;
        }

      /* Lost with the socket: they stay unconfirmed for the next reconnect. */
      if (!g_error_matches (error, CK_ERROR, CK_ERROR_DISCONNECTED)
          && (current || !g_error_matches (error, CK_ERROR, CK_ERROR_TIMEOUT)))
        for (guint i = 0; i < settlement->tasks->len; i++)
          if (!ck_command_is_settled (command_of (settlement->tasks->pdata[i])))
            command_settle_unsure (self, settlement->tasks->pdata[i], error);
      settle_step_done (self, settlement->generation);
      settlement_free (settlement);
      return;
    }

  params = ck_json_get_object (answer, "params");
  if (params == NULL)
    params = ck_device_get_params (settlement->device);

  for (guint i = 0; i < settlement->tasks->len; i++)
    {
      g_autoptr(GPtrArray) keys = own_keys (settlement->tasks, i);

      if (keys->len > 0
          && ck_command_params_show (ck_command_get_params (command_of (settlement->tasks->pdata[i])),
                                     params, keys))
        last_seen = i + 1;
    }

  for (guint i = 0; i < settlement->tasks->len; i++)
    {
      GTask *task = settlement->tasks->pdata[i];

      /* Settled meanwhile (signed out, or by an earlier pass). */
      if (ck_command_is_settled (command_of (task)))
        continue;
      if (i < last_seen)
        command_settle (self, task, NULL);
      else
        {
          g_autoptr(GError) lost = g_error_new_literal (CK_ERROR, CK_ERROR_DISCONNECTED,
                                                        "The command was lost with the connection "
                                                        "and did not reach the device");

          command_settle (self, task, lost);
        }
    }

  /* The queried params are the truth either way. */
  ck_device_apply_report (settlement->device, params);

  settle_step_done (self, settlement->generation);
  settlement_free (settlement);
}

/* Asks the device's state for @settlement (settle_queried_cb takes it). */
static void
settle_query (CkCommandQueue *self,
              Settlement     *settlement)
{
  const char *owner = ck_command_queue_owner_apikey (self->api, settlement->device);

  ck_socket_query_async (self->socket, ck_device_get_id (settlement->device),
                         owner != NULL ? owner : "", NULL, NULL, settle_queried_cb, settlement);
}

static gint
compare_send_order (gconstpointer a,
                    gconstpointer b)
{
  CommandData *x = g_task_get_task_data (*(GTask **) a);
  CommandData *y = g_task_get_task_data (*(GTask **) b);

  return x->serial < y->serial ? -1 : x->serial > y->serial;
}

/* Queries each device with unconfirmed commands, then opens the queue
 * (through settle_step_done). */
static void
settle_unconfirmed (CkCommandQueue *self)
{
  g_autoptr(GHashTable) by_device = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  guint generation = self->generation;

  for (guint i = 0; i < self->unconfirmed->len; i++)
    {
      GTask *task = g_ptr_array_index (self->unconfirmed, i);
      CkDevice *device = ck_command_get_device (command_of (task));
      GPtrArray *tasks = g_hash_table_lookup (by_device, device);

      if (tasks == NULL)
        {
          tasks = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_device, device, tasks);
          g_ptr_array_add (order, device);
        }
      g_ptr_array_add (tasks, g_object_ref (task));
    }

  /* One step for the whole pass, so an empty pass still opens. */
  self->settle_steps = order->len + 1;
  for (guint i = 0; i < order->len; i++)
    {
      CkDevice *device = g_ptr_array_index (order, i);
      Settlement *settlement = g_new0 (Settlement, 1);

      settlement->queue = g_object_ref (self);
      settlement->device = g_object_ref (device);
      settlement->tasks = g_ptr_array_ref (g_hash_table_lookup (by_device, device));
      g_ptr_array_sort (settlement->tasks, compare_send_order);
      settlement->generation = generation;
      settle_query (self, settlement);
    }
  settle_step_done (self, generation);
}

/* ------------------------------------------------------------------------ */
/* States                                                                    */

void
ck_command_queue_hold (CkCommandQueue *self)
{
  g_return_if_fail (CK_IS_COMMAND_QUEUE (self));

  self->generation++;
  self->state = QUEUE_HOLDING;
  g_clear_object (&self->socket);
  g_clear_error (&self->closed_error);
}

void
ck_command_queue_open (CkCommandQueue *self,
                       CkSocket       *socket)
{
  g_return_if_fail (CK_IS_COMMAND_QUEUE (self));
  g_return_if_fail (CK_IS_SOCKET (socket));

  self->generation++;
  g_set_object (&self->socket, socket);
  g_clear_error (&self->closed_error);
  self->state = QUEUE_SETTLING;
  settle_unconfirmed (self);
}

void
ck_command_queue_close (CkCommandQueue *self,
                        const GError   *error)
{
  g_return_if_fail (CK_IS_COMMAND_QUEUE (self));
  g_return_if_fail (error != NULL);

  self->generation++;
  self->state = QUEUE_CLOSED;
  g_clear_object (&self->socket);
  g_clear_error (&self->closed_error);
  if (g_error_matches (error, CK_ERROR, CK_ERROR_SESSION_TAKEN))
    self->closed_error = g_error_new_literal (CK_ERROR, CK_ERROR_SESSION_TAKEN,
                                              "The account was signed in elsewhere");
  else
    self->closed_error = g_error_new_literal (CK_ERROR, CK_ERROR_DISCONNECTED,
                                              "Not connected to the cloud");
  fail_commands (self, error);
}

void
ck_command_queue_set_deadline (CkCommandQueue *self,
                               guint           deadline_ms)
{
  g_return_if_fail (CK_IS_COMMAND_QUEUE (self));
  self->deadline = deadline_ms;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

CkCommandQueue *
ck_command_queue_new (CkApi *api)
{
  CkCommandQueue *self;

  g_return_val_if_fail (CK_IS_API (api), NULL);

  self = g_object_new (CK_TYPE_COMMAND_QUEUE, NULL);
  self->api = g_object_ref (api);
  return self;
}

static void
ck_command_queue_finalize (GObject *object)
{
  CkCommandQueue *self = CK_COMMAND_QUEUE (object);

  /* Commands hold their source object, which holds the queue: none is left. */
  g_queue_free (self->waiting);
  g_ptr_array_unref (self->unconfirmed);
  g_clear_error (&self->closed_error);
  g_clear_object (&self->socket);
  g_clear_object (&self->api);

  G_OBJECT_CLASS (ck_command_queue_parent_class)->finalize (object);
}

static void
ck_command_queue_class_init (CkCommandQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ck_command_queue_finalize;

  signals[SIGNAL_COMMAND_FAILED] =
    g_signal_new ("command-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, CK_TYPE_DEVICE, G_TYPE_ERROR);
  signals[SIGNAL_COMMAND_STARTED] =
    g_signal_new ("command-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CK_TYPE_COMMAND);
}

static void
ck_command_queue_init (CkCommandQueue *self)
{
  self->deadline = DEFAULT_DEADLINE_MS;
  self->waiting = g_queue_new ();
  self->unconfirmed = g_ptr_array_new ();
  self->closed_error = g_error_new_literal (CK_ERROR, CK_ERROR_DISCONNECTED,
                                            "Not connected to the cloud");
}
