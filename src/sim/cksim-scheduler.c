/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-scheduler"

#include "cksim-scheduler.h"

typedef struct
{
  char           *key;
  gint64          due_ms;
  guint64         order;  /* FIFO among tasks due at the same time */
  CkSimTaskFunc   func;
  gpointer        data;
  GDestroyNotify  destroy;
} Task;

struct _CkSimScheduler
{
  CkSimClock *clock;
  GHashTable *tasks;     /* key -> Task, owned */
  guint64     next_order;
  guint       source_id;
  gulong      moved_id;
  gboolean    running;
};

static void
task_free (Task *task)
{
  if (task->destroy != NULL)
    task->destroy (task->data);
  g_free (task->key);
  g_free (task);
}

static gint
task_compare (gconstpointer a,
              gconstpointer b)
{
  const Task *x = *(Task * const *) a;
  const Task *y = *(Task * const *) b;

  if (x->due_ms != y->due_ms)
    return x->due_ms < y->due_ms ? -1 : 1;
  return x->order < y->order ? -1 : (x->order > y->order);
}

static void rearm (CkSimScheduler *self);

/* Runs what is due, oldest first; tasks they add for "now" run too. The
 * bound only stops a task that keeps rescheduling itself in the past. */
static void
run_due (CkSimScheduler *self)
{
  if (self->running)
    return;
  self->running = TRUE;
  for (guint round = 0; round < 64; round++)
    {
      gint64 now = cksim_clock_get_time_ms (self->clock);
      g_autoptr(GPtrArray) due = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->tasks);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (((Task *) value)->due_ms <= now)
          g_ptr_array_add (due, value);
      if (due->len == 0)
        break;
      g_ptr_array_sort (due, task_compare);
      for (guint i = 0; i < due->len; i++)
        g_hash_table_steal (self->tasks, ((Task *) g_ptr_array_index (due, i))->key);
      for (guint i = 0; i < due->len; i++)
        {
          Task *task = g_ptr_array_index (due, i);

          task->func (task->data);
          task_free (task);
        }
    }
  self->running = FALSE;
  rearm (self);
}

static gboolean
on_timeout (gpointer user_data)
{
  CkSimScheduler *self = user_data;

  self->source_id = 0;
  run_due (self);
  return G_SOURCE_REMOVE;
}

/* One GLib timeout for the earliest deadline, in real milliseconds. */
static void
rearm (CkSimScheduler *self)
{
  GHashTableIter iter;
  gpointer value;
  gint64 earliest = G_MAXINT64;
  gint64 wait;

  g_clear_handle_id (&self->source_id, g_source_remove);
  if (self->running)
    return;
  g_hash_table_iter_init (&iter, self->tasks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    earliest = MIN (earliest, ((Task *) value)->due_ms);
  if (earliest == G_MAXINT64)
    return;
  wait = CLAMP (earliest - cksim_clock_get_time_ms (self->clock), 0, G_MAXINT32);
  self->source_id = g_timeout_add ((guint) wait, on_timeout, self);
}

CkSimScheduler *
cksim_scheduler_new (CkSimClock *clock)
{
  CkSimScheduler *self = g_new0 (CkSimScheduler, 1);

  self->clock = g_object_ref (clock);
  self->tasks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) task_free);
  self->moved_id = g_signal_connect_swapped (clock, "moved", G_CALLBACK (run_due), self);
  return self;
}

void
cksim_scheduler_free (CkSimScheduler *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->source_id, g_source_remove);
  g_clear_signal_handler (&self->moved_id, self->clock);
  g_clear_pointer (&self->tasks, g_hash_table_unref);
  g_clear_object (&self->clock);
  g_free (self);
}

void
cksim_scheduler_at (CkSimScheduler *self,
                    const char     *key,
                    gint64          due_ms,
                    CkSimTaskFunc   func,
                    gpointer        data,
                    GDestroyNotify  destroy)
{
  Task *task = g_new0 (Task, 1);

  task->key = g_strdup (key);
  task->due_ms = due_ms;
  task->order = self->next_order++;
  task->func = func;
  task->data = data;
  task->destroy = destroy;
  g_hash_table_replace (self->tasks, task->key, task);
  rearm (self);
}

void
cksim_scheduler_cancel (CkSimScheduler *self,
                        const char     *key)
{
  if (g_hash_table_remove (self->tasks, key))
    rearm (self);
}

gboolean
cksim_scheduler_has (CkSimScheduler *self,
                     const char     *key)
{
  return g_hash_table_contains (self->tasks, key);
}

gint64
cksim_scheduler_due (CkSimScheduler *self,
                     const char     *key)
{
  Task *task = g_hash_table_lookup (self->tasks, key);

  return task != NULL ? task->due_ms : -1;
}
