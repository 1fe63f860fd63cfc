/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-throttle"

#include "config.h"

#include "relay-test-util.h"
#include "relay-throttle.h"

static void
on_fire_cb (RelayThrottle *throttle,
            GVariant      *value,
            GArray        *fired)
{
  gint32 v = g_variant_get_int32 (value);

  g_array_append_val (fired, v);
}

static gboolean
fired_value (gpointer data)
{
  GArray *fired = data;

  return fired->len > 0 && g_array_index (fired, gint32, fired->len - 1) == 99;
}

/* A burst of 100 values inside a few intervals: the first goes at once,
 * then at most one per interval, and the last value always arrives. */
static void
test_burst (void)
{
  g_autoptr(RelayThrottle) throttle = relay_throttle_new (20);
  g_autoptr(GArray) fired = g_array_new (FALSE, FALSE, sizeof (gint32));
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed_ms;

  g_signal_connect (throttle, "fire", G_CALLBACK (on_fire_cb), fired);

  for (gint32 i = 0; i < 100; i++)
    {
      relay_throttle_push (throttle, g_variant_new_int32 (i));
      if (i == 0)
        g_assert_cmpuint (fired->len, ==, 1);
      /* Let time pass as during a drag, without waiting for anything. */
      if (i % 10 == 9)
        relay_test_run_for (5);
    }

  relay_test_wait_until (fired_value, fired, RELAY_TEST_WAIT_MS, "the last value");
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;

  g_assert_cmpint (g_array_index (fired, gint32, 0), ==, 0);
  /* One at once plus at most one per interval that passed. */
  g_assert_cmpuint (fired->len, <=, 2 + elapsed_ms / 20);
  g_assert_cmpuint (fired->len, <, 100);
  for (guint i = 1; i < fired->len; i++)
    g_assert_cmpint (g_array_index (fired, gint32, i), >, g_array_index (fired, gint32, i - 1));

  /* Nothing more after the final value, and the throttle goes idle. */
  relay_test_run_for (50);
  g_assert_false (relay_throttle_get_busy (throttle));
  g_assert_cmpint (g_array_index (fired, gint32, fired->len - 1), ==, 99);
  {
    guint len = fired->len;

    relay_test_run_for (50);
    g_assert_cmpuint (fired->len, ==, len);
  }
}

static void
test_flush_and_cancel (void)
{
  g_autoptr(RelayThrottle) throttle = relay_throttle_new (10000);
  g_autoptr(GArray) fired = g_array_new (FALSE, FALSE, sizeof (gint32));

  g_signal_connect (throttle, "fire", G_CALLBACK (on_fire_cb), fired);
  g_assert_cmpuint (relay_throttle_get_interval (throttle), ==, 10000);

  g_assert_false (relay_throttle_get_busy (throttle));
  relay_throttle_push (throttle, g_variant_new_int32 (1));
  g_assert_true (relay_throttle_get_busy (throttle));
  relay_throttle_push (throttle, g_variant_new_int32 (2));
  relay_throttle_push (throttle, g_variant_new_int32 (3));
  g_assert_cmpuint (fired->len, ==, 1);

  /* Flushing sends the kept value now instead of after the interval. */
  relay_throttle_flush (throttle);
  g_assert_cmpuint (fired->len, ==, 2);
  g_assert_cmpint (g_array_index (fired, gint32, 1), ==, 3);
  relay_throttle_flush (throttle);
  g_assert_cmpuint (fired->len, ==, 2);

  /* Cancelling drops a kept value. */
  relay_throttle_push (throttle, g_variant_new_int32 (4));
  relay_throttle_cancel (throttle);
  g_assert_false (relay_throttle_get_busy (throttle));
  relay_throttle_flush (throttle);
  g_assert_cmpuint (fired->len, ==, 2);

  /* After a cancel the cool-down is over: the next value goes at once. */
  relay_throttle_push (throttle, g_variant_new_int32 (5));
  g_assert_cmpuint (fired->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/throttle/burst", test_burst);
  g_test_add_func ("/ui/throttle/flush-and-cancel", test_flush_and_cancel);

  return g_test_run ();
}
