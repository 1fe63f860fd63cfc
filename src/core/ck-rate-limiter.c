/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-rate-limiter"

#include "ck-rate-limiter.h"

struct _CkRateLimiter
{
  GObject     parent_instance;

  guint       min_interval_ms;
  guint       window_ms;
  guint       max_calls;

  GArray     *slots;            /* gint64 start times, ascending, every key */
  GHashTable *last_by_key;      /* key → gint64 * latest booked start */
};

G_DEFINE_FINAL_TYPE (CkRateLimiter, ck_rate_limiter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MIN_INTERVAL_MS,
  PROP_WINDOW_MS,
  PROP_MAX_CALLS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Booking                                                                   */

static void
forget_before (CkRateLimiter *self,
               gint64         limit)
{
  guint n = 0;

  while (n < self->slots->len && g_array_index (self->slots, gint64, n) <= limit)
    n++;
  if (n > 0)
    g_array_remove_range (self->slots, 0, n);
}

static void
insert_sorted (GArray *slots,
               gint64  start)
{
  guint i = slots->len;

  while (i > 0 && g_array_index (slots, gint64, i - 1) > start)
    i--;
  g_array_insert_val (slots, i, start);
}

/* The latest start booked for @key, or G_MININT64 if none is. */
static gint64
last_start_of (CkRateLimiter *self,
               const char    *key)
{
  gint64 *last = g_hash_table_lookup (self->last_by_key, key);

  return last != NULL ? *last : G_MININT64;
}

/* Gives back the slot a cancelled wait booked at @start; @previous is what
 * last_start_of() said before it was booked. */
static void
release (CkRateLimiter *self,
         const char    *key,
         gint64         start,
         gint64         previous)
{
  gint64 *last = g_hash_table_lookup (self->last_by_key, key);

  for (guint i = 0; i < self->slots->len; i++)
    if (g_array_index (self->slots, gint64, i) == start)
      {
        g_array_remove_index (self->slots, i);
        break;
      }

  /* Only while no later call of @key was spaced after it. */
  if (last != NULL && *last == start)
    {
      if (previous == G_MININT64)
        g_hash_table_remove (self->last_by_key, key);
      else
        *last = previous;
    }
}

gint64
ck_rate_limiter_reserve (CkRateLimiter *self,
                         const char    *key,
                         gint64         now_us)
{
  const gint64 window_us = (gint64) self->window_ms * 1000;
  gint64 *last;
  gint64 start = now_us;
  guint later = 0;

  g_return_val_if_fail (CK_IS_RATE_LIMITER (self), now_us);
  g_return_val_if_fail (key != NULL, now_us);

  forget_before (self, now_us - window_us);

  last = g_hash_table_lookup (self->last_by_key, key);
  if (last != NULL)
    start = MAX (start, *last + (gint64) self->min_interval_ms * 1000);

  /* Count every booked slot that a window holding @start could also hold
   * (later bookings included: slots are not booked in time order). */
  for (guint i = 0; i < self->slots->len; i++)
    if (g_array_index (self->slots, gint64, i) > start - window_us)
      later++;
  if (self->max_calls > 0 && later >= self->max_calls)
    {
      /* Start once the max_calls-th latest slot has left the window. */
      gint64 oldest = g_array_index (self->slots, gint64, self->slots->len - self->max_calls);

      start = MAX (start, oldest + window_us);
    }

  insert_sorted (self->slots, start);
  if (last == NULL)
    {
      last = g_new0 (gint64, 1);
      g_hash_table_insert (self->last_by_key, g_strdup (key), last);
    }
  *last = start;

  return start;
}

/* ------------------------------------------------------------------------ */
/* Waiting on the main loop                                                  */

typedef struct
{
  GSource *timeout;
  GSource *cancelled;
  char    *key;
  gint64   start;      /* the booked slot */
  gint64   previous;   /* the key's latest start before it */
} Wait;

static void
wait_free (Wait *wait)
{
  g_free (wait->key);
  if (wait->timeout != NULL)
    g_source_destroy (wait->timeout);
  if (wait->cancelled != NULL)
    g_source_destroy (wait->cancelled);
  g_clear_pointer (&wait->timeout, g_source_unref);
  g_clear_pointer (&wait->cancelled, g_source_unref);
  g_free (wait);
}

/* Each source holds a reference on the task: destroying the other one
 * releases it, so the task is freed once it has completed. */
static void
wait_end (GTask *task)
{
  Wait *wait = g_task_get_task_data (task);

  if (wait->timeout != NULL)
    g_source_destroy (wait->timeout);
  if (wait->cancelled != NULL)
    g_source_destroy (wait->cancelled);
}

static gboolean
wait_elapsed_cb (gpointer user_data)
{
  GTask *task = user_data;

  wait_end (task);
  g_task_return_boolean (task, TRUE);
  return G_SOURCE_REMOVE;
}

static gboolean
wait_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  GTask *task = user_data;
  Wait *wait = g_task_get_task_data (task);

  /* A call that never happens does not count against the limits. */
  release (g_task_get_source_object (task), wait->key, wait->start, wait->previous);
  wait_end (task);
  g_task_return_error_if_cancelled (task);
  return G_SOURCE_REMOVE;
}

void
ck_rate_limiter_wait_async (CkRateLimiter       *self,
                            const char          *key,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  gint64 now = g_get_monotonic_time ();
  gint64 previous;
  gint64 start;
  Wait *wait;

  g_return_if_fail (CK_IS_RATE_LIMITER (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_rate_limiter_wait_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  previous = last_start_of (self, key);
  start = ck_rate_limiter_reserve (self, key, now);
  if (start <= now)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_debug ("Pacing %s by %" G_GINT64_FORMAT " ms", key, (start - now + 999) / 1000);

  /* The sources hold the task; the task data owns the sources, so whichever
   * fires first completes the task and the other is destroyed with it. */
  wait = g_new0 (Wait, 1);
  wait->key = g_strdup (key);
  wait->start = start;
  wait->previous = previous;
  g_task_set_task_data (task, wait, (GDestroyNotify) wait_free);
  wait->timeout = g_timeout_source_new ((guint) ((start - now + 999) / 1000));
  g_task_attach_source (task, wait->timeout, wait_elapsed_cb);
  if (cancellable != NULL)
    {
      wait->cancelled = g_cancellable_source_new (cancellable);
      g_task_attach_source (task, wait->cancelled, (GSourceFunc) wait_cancelled_cb);
    }
}

gboolean
ck_rate_limiter_wait_finish (CkRateLimiter  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (CK_IS_RATE_LIMITER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ck_rate_limiter_wait_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Properties                                                                */

CkRateLimiter *
ck_rate_limiter_new (void)
{
  return g_object_new (CK_TYPE_RATE_LIMITER, NULL);
}

static void
set_uint (CkRateLimiter *self,
          guint         *field,
          guint          value,
          guint          prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

guint
ck_rate_limiter_get_min_interval_ms (CkRateLimiter *self)
{
  g_return_val_if_fail (CK_IS_RATE_LIMITER (self), 0);
  return self->min_interval_ms;
}

void
ck_rate_limiter_set_min_interval_ms (CkRateLimiter *self,
                                     guint          min_interval_ms)
{
  g_return_if_fail (CK_IS_RATE_LIMITER (self));
  set_uint (self, &self->min_interval_ms, min_interval_ms, PROP_MIN_INTERVAL_MS);
}

guint
ck_rate_limiter_get_window_ms (CkRateLimiter *self)
{
  g_return_val_if_fail (CK_IS_RATE_LIMITER (self), 0);
  return self->window_ms;
}

void
ck_rate_limiter_set_window_ms (CkRateLimiter *self,
                               guint          window_ms)
{
  g_return_if_fail (CK_IS_RATE_LIMITER (self));
  set_uint (self, &self->window_ms, window_ms, PROP_WINDOW_MS);
}

guint
ck_rate_limiter_get_max_calls (CkRateLimiter *self)
{
  g_return_val_if_fail (CK_IS_RATE_LIMITER (self), 0);
  return self->max_calls;
}

void
ck_rate_limiter_set_max_calls (CkRateLimiter *self,
                               guint          max_calls)
{
  g_return_if_fail (CK_IS_RATE_LIMITER (self));
  set_uint (self, &self->max_calls, max_calls, PROP_MAX_CALLS);
}

static void
ck_rate_limiter_finalize (GObject *object)
{
  CkRateLimiter *self = CK_RATE_LIMITER (object);

  g_clear_pointer (&self->slots, g_array_unref);
  g_clear_pointer (&self->last_by_key, g_hash_table_unref);

  G_OBJECT_CLASS (ck_rate_limiter_parent_class)->finalize (object);
}

static void
ck_rate_limiter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CkRateLimiter *self = CK_RATE_LIMITER (object);

  switch (prop_id)
    {
    case PROP_MIN_INTERVAL_MS:
      g_value_set_uint (value, self->min_interval_ms);
      break;
    case PROP_WINDOW_MS:
      g_value_set_uint (value, self->window_ms);
      break;
    case PROP_MAX_CALLS:
      g_value_set_uint (value, self->max_calls);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ck_rate_limiter_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CkRateLimiter *self = CK_RATE_LIMITER (object);

  switch (prop_id)
    {
    case PROP_MIN_INTERVAL_MS:
      ck_rate_limiter_set_min_interval_ms (self, g_value_get_uint (value));
      break;
    case PROP_WINDOW_MS:
      ck_rate_limiter_set_window_ms (self, g_value_get_uint (value));
      break;
    case PROP_MAX_CALLS:
      ck_rate_limiter_set_max_calls (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ck_rate_limiter_class_init (CkRateLimiterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ck_rate_limiter_finalize;
  object_class->get_property = ck_rate_limiter_get_property;
  object_class->set_property = ck_rate_limiter_set_property;

  properties[PROP_MIN_INTERVAL_MS] =
    g_param_spec_uint ("min-interval-ms", NULL, NULL, 0, G_MAXUINT,
                       CK_RATE_LIMITER_DEFAULT_MIN_INTERVAL_MS, flags);
  properties[PROP_WINDOW_MS] =
    g_param_spec_uint ("window-ms", NULL, NULL, 0, G_MAXUINT,
                       CK_RATE_LIMITER_DEFAULT_WINDOW_MS, flags);
  /* 0 = no cap on calls per window */
  properties[PROP_MAX_CALLS] =
    g_param_spec_uint ("max-calls", NULL, NULL, 0, G_MAXUINT,
                       CK_RATE_LIMITER_DEFAULT_MAX_CALLS, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ck_rate_limiter_init (CkRateLimiter *self)
{
  self->min_interval_ms = CK_RATE_LIMITER_DEFAULT_MIN_INTERVAL_MS;
  self->window_ms = CK_RATE_LIMITER_DEFAULT_WINDOW_MS;
  self->max_calls = CK_RATE_LIMITER_DEFAULT_MAX_CALLS;
  self->slots = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->last_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}
