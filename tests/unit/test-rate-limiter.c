/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-rate-limiter"

#include "ck-rate-limiter.h"

#define MS 1000     /* microseconds */

static CkRateLimiter *
new_limiter (guint min_interval_ms,
             guint window_ms,
             guint max_calls)
{
  return g_object_new (CK_TYPE_RATE_LIMITER,
                       "min-interval-ms", min_interval_ms,
                       "window-ms", window_ms,
                       "max-calls", max_calls,
                       NULL);
}

static void
test_defaults (void)
{
  g_autoptr(CkRateLimiter) limiter = ck_rate_limiter_new ();

  /* Spec §1.5: 500 ms per endpoint, 300 calls per 5 minutes. */
  g_assert_cmpuint (ck_rate_limiter_get_min_interval_ms (limiter), ==, 500);
  g_assert_cmpuint (ck_rate_limiter_get_window_ms (limiter), ==, 300000);
  g_assert_cmpuint (ck_rate_limiter_get_max_calls (limiter), ==, 300);
}

/* Two calls to one endpoint are spaced; other endpoints are not held up. */
static void
test_min_interval (void)
{
  g_autoptr(CkRateLimiter) limiter = new_limiter (500, 300000, 300);
  const gint64 t0 = 1000000 * MS;

  g_assert_cmpint (ck_rate_limiter_reserve (limiter, "GET /a", t0), ==, t0);
  g_assert_cmpint (ck_rate_limiter_reserve (limiter, "GET /a", t0), ==, t0 + 500 * MS);
  g_assert_cmpint (ck_rate_limiter_reserve (limiter, "GET /a", t0 + 10 * MS), ==, t0 + 1000 * MS);
  g_assert_cmpint (ck_rate_limiter_reserve (limiter, "GET /b", t0 + 10 * MS), ==, t0 + 10 * MS);
  /* Long after the last call: no wait. */
  g_assert_cmpint (ck_rate_limiter_reserve (limiter, "GET /a", t0 + 5000 * MS), ==, t0 + 5000 * MS);
}

/* At most max-calls in any window, whatever the endpoints. */
static void
test_window (void)
{
  g_autoptr(CkRateLimiter) limiter = new_limiter (0, 1000, 3);
  const gint64 t0 = 50000 * MS;

  g_assert_cmpint (ck_rate_limiter_reserve (limiter, "a", t0), ==, t0);
  g_assert_cmpint (ck_rate_limiter_reserve (limiter, "b", t0 + 100 * MS), ==, t0 + 100 * MS);
  g_assert_cmpint (ck_rate_limiter_reserve (limiter, "c", t0 + 200 * MS), ==, t0 + 200 * MS);
  /* The fourth waits until the first leaves the window... */
  g_assert_cmpint (ck_rate_limiter_reserve (limiter, "d", t0 + 300 * MS), ==, t0 + 1000 * MS);
  /* ...and the fifth until the second does. */
  g_assert_cmpint (ck_rate_limiter_reserve (limiter, "e", t0 + 300 * MS), ==, t0 + 1100 * MS);
  /* Much later, the window is empty again. */
  g_assert_cmpint (ck_rate_limiter_reserve (limiter, "f", t0 + 9000 * MS), ==, t0 + 9000 * MS);
}

/* Both limits at once: the later of the two start times. */
static void
test_both_limits (void)
{
  g_autoptr(CkRateLimiter) limiter = new_limiter (400, 1000, 2);
  const gint64 t0 = 7000 * MS;

  g_assert_cmpint (ck_rate_limiter_reserve (limiter, "a", t0), ==, t0);
  g_assert_cmpint (ck_rate_limiter_reserve (limiter, "a", t0), ==, t0 + 400 * MS);
  /* Window full until t0 + 1000 ms, which also keeps the interval. */
  g_assert_cmpint (ck_rate_limiter_reserve (limiter, "a", t0), ==, t0 + 1000 * MS);
}

/* ------------------------------------------------------------------------ */
/* On the main loop: callbacks in order, paced, no sleeps                     */

typedef struct
{
  GPtrArray *order;             /* labels in completion order */
  GArray    *times;             /* gint64 completion times */
  guint      done;
  guint      cancelled;
} Log;

typedef struct
{
  Log        *log;
  const char *label;
} Waiter;

static void
waited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Waiter *waiter = user_data;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_monotonic_time ();

  if (ck_rate_limiter_wait_finish (CK_RATE_LIMITER (source), result, &error))
    {
      g_ptr_array_add (waiter->log->order, (gpointer) waiter->label);
      g_array_append_val (waiter->log->times, now);
    }
  else
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      waiter->log->cancelled++;
    }
  waiter->log->done++;
  g_free (waiter);
}

static void
start_wait (CkRateLimiter *limiter,
            Log           *log,
            const char    *key,
            const char    *label,
            GCancellable  *cancellable)
{
  Waiter *waiter = g_new0 (Waiter, 1);

  waiter->log = log;
  waiter->label = label;
  ck_rate_limiter_wait_async (limiter, key, cancellable, waited_cb, waiter);
}

static gboolean
deadline_cb (gpointer data)
{
  g_assert_not_reached ();
  return G_SOURCE_REMOVE;
}

static void
iterate_until_done (Log   *log,
                    guint  expected)
{
  guint deadline = g_timeout_add (2000, deadline_cb, NULL);

  while (log->done < expected)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (deadline);
}

static void
test_wait_queues (void)
{
  g_autoptr(CkRateLimiter) limiter = new_limiter (50, 300000, 300);
  Log log = { g_ptr_array_new (), g_array_new (FALSE, FALSE, sizeof (gint64)), 0, 0 };
  gint64 start = g_get_monotonic_time ();

  start_wait (limiter, &log, "GET /x", "x1", NULL);
  start_wait (limiter, &log, "GET /x", "x2", NULL);
  start_wait (limiter, &log, "GET /x", "x3", NULL);
  start_wait (limiter, &log, "GET /y", "y1", NULL);
  iterate_until_done (&log, 4);

  /* Nothing failed: the calls were queued, each /x 50 ms after the last. */
  g_assert_cmpuint (log.order->len, ==, 4);
  g_assert_cmpuint (log.cancelled, ==, 0);
  g_assert_cmpstr (g_ptr_array_index (log.order, 0), ==, "x1");
  g_assert_cmpstr (g_ptr_array_index (log.order, 1), ==, "y1");
  g_assert_cmpstr (g_ptr_array_index (log.order, 2), ==, "x2");
  g_assert_cmpstr (g_ptr_array_index (log.order, 3), ==, "x3");
  g_assert_cmpint (g_array_index (log.times, gint64, 2) - start, >=, 50 * MS);
  g_assert_cmpint (g_array_index (log.times, gint64, 3) - start, >=, 100 * MS);

  g_ptr_array_unref (log.order);
  g_array_unref (log.times);
}

static void
test_wait_cancelled (void)
{
  g_autoptr(CkRateLimiter) limiter = new_limiter (1000, 300000, 300);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Log log = { g_ptr_array_new (), g_array_new (FALSE, FALSE, sizeof (gint64)), 0, 0 };

  start_wait (limiter, &log, "GET /x", "first", NULL);
  start_wait (limiter, &log, "GET /x", "queued", cancellable);
  iterate_until_done (&log, 1);
  g_assert_cmpuint (log.order->len, ==, 1);

  /* The queued call ends at once when cancelled, long before its slot. */
  g_cancellable_cancel (cancellable);
  iterate_until_done (&log, 2);
  g_assert_cmpuint (log.cancelled, ==, 1);
  g_assert_cmpuint (log.order->len, ==, 1);

  g_ptr_array_unref (log.order);
  g_array_unref (log.times);
}

/* A cancelled wait gives its slot back: it counts neither against the
 * window nor against its key's spacing. */
static void
test_wait_cancelled_releases (void)
{
  g_autoptr(CkRateLimiter) limiter = new_limiter (1000, 300000, 3);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Log log = { g_ptr_array_new (), g_array_new (FALSE, FALSE, sizeof (gint64)), 0, 0 };
  gint64 first;
  gint64 now;

  start_wait (limiter, &log, "GET /x", "first", NULL);
  first = g_get_monotonic_time ();   /* at or after its booked start */
  start_wait (limiter, &log, "GET /x", "queued", cancellable);
  iterate_until_done (&log, 1);
  g_cancellable_cancel (cancellable);
  iterate_until_done (&log, 2);
  g_assert_cmpuint (log.cancelled, ==, 1);

  /* The next /x is spaced after "first", not after the cancelled one. */
  now = g_get_monotonic_time ();
  g_assert_cmpint (ck_rate_limiter_reserve (limiter, "GET /x", now), <=, MAX (now, first + 1000 * MS));
  /* Three calls a window: "first" and that /x are booked, so another key goes now. */
  now = g_get_monotonic_time ();
  g_assert_cmpint (ck_rate_limiter_reserve (limiter, "GET /z", now), ==, now);

  g_ptr_array_unref (log.order);
  g_array_unref (log.times);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rate-limiter/defaults", test_defaults);
  g_test_add_func ("/rate-limiter/min-interval", test_min_interval);
  g_test_add_func ("/rate-limiter/window", test_window);
  g_test_add_func ("/rate-limiter/both-limits", test_both_limits);
  g_test_add_func ("/rate-limiter/wait-queues", test_wait_queues);
  g_test_add_func ("/rate-limiter/wait-cancelled", test_wait_cancelled);
  g_test_add_func ("/rate-limiter/wait-cancelled-releases", test_wait_cancelled_releases);

  return g_test_run ();
}
