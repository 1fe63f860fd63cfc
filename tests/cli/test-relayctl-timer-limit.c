/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-relayctl"

/* A device that refuses a timer (relay-sim --timer-limit 1: one timer per
 * device): relayctl shows the device's refusal as it is, and nothing is
 * stored. */

#include <string.h>

#include "relayctl-test-util.h"

#define KITCHEN_ID "1000a1b202" /* no timers in the demo */

static guint
sim_timer_count (void)
{
  g_autoptr(JsonObject) params = sim_params (KITCHEN_ID);

  return json_array_get_length (json_object_get_array_member (params, "timers"));
}

static void
test_limit (void)
{
  g_autoptr(Run) first = run_relayctl (NULL, "timers", "Kitchen plug", "add", "repeat", "07:30", "weekdays", "on");
  guint stored = sim_timer_count ();
  g_autoptr(Run) second = run_relayctl (NULL, "timers", "Kitchen plug", "add", "countdown", "5", "off");

  g_assert_cmpint (first->status, ==, 0);
  g_assert_cmpuint (stored, ==, 1);

  /* The device's own answer and reason, named as its refusal: exit 1, nothing stored. */
  assert_one_line_error (second, 1);
  g_assert_true (g_str_has_prefix (second->err, "relayctl: Kitchen plug refused the command (error 400: too many timers"));
  g_assert_cmpuint (sim_timer_count (), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  const char *const limit[] = { "--timer-limit", "1", NULL };

  g_test_init (&argc, &argv, NULL);

  sim_start_with (limit);
  login_demo ();

  g_test_add_func ("/cli/timers/limit", test_limit);

  return run_tests_and_stop_sim ();
}
