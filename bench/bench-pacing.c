/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "bench-pacing"

#include "config.h"

#include <stdlib.h>

#include "bench-gtk-util.h"
#include "bench-util.h"
#include "ck-catalog.h"
#include "relay-demo.h"
#include "relay-device-list-view.h"
#include "relay-device-page.h"
#include "relay-throttle.h"
#include "relay-window.h"

/* ARCHITECTURE "Pacing": slider drags send at most one command per 150 ms
 * per device and always the final value. A pointer drag of DRAG_MS with a
 * motion event every MOTION_MS, on the real device page, at the default
 * interval. */
#define LAMP_ID   "1000a1b201"  /* "Desk lamp", B05, UIID 104 */
#define DRAG_MS   3000
#define MOTION_MS 4

typedef struct
{
  CkSimServer *server;
  RelayWindow *window;
  GArray      *sent_us;   /* when each command for the lamp started */
  gint         expected;
} Bench;

static gboolean
window_shows_devices (gpointer data)
{
  RelayWindow *window = data;
  GtkWidget *list = bench_gtk_find (GTK_WIDGET (window), RELAY_TYPE_DEVICE_LIST_VIEW);

  return list != NULL && g_str_equal (relay_window_get_page (window), "devices") &&
         g_list_model_get_n_items (relay_device_list_view_get_shown (RELAY_DEVICE_LIST_VIEW (list))) > 0;
}

static void
on_command_started_cb (CkClient  *client,
                       CkCommand *command,
                       Bench     *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (g_str_equal (ck_device_get_id (ck_command_get_device (command)), LAMP_ID))
    g_array_append_val (bench->sent_us, now);
}

static gboolean
sim_has_brightness (gpointer data)
{
  Bench *bench = data;
  JsonObject *params = cksim_server_get_device_params (bench->server, LAMP_ID);
  gint value = -1;

  return params != NULL &&
         ck_family_decode_brightness (ck_catalog_lookup (104, params), params, &value) &&
         value == bench->expected;
}

static gboolean
device_is_on (gpointer data)
{
  return ck_device_get_power (data) && !ck_device_get_pending (data);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayDemo) demo = NULL;
  g_autoptr(GArray) sent_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
  Bench bench = { 0 };
  CkClient *client;
  CkDevice *lamp;
  GtkWidget *page;
  GtkRange *scale;
  guint pushes = 0;
  gint64 start, last_push;
  double drag_ms, settle_ms;
  guint bound;

  bench_gtk_init ();

  demo = relay_demo_new (FALSE, &error);
  bench_check (error, "starting the demo");
  bench.server = relay_demo_get_server (demo);
  bench.window = relay_demo_open_window (demo, NULL);
  bench.sent_us = sent_us;
  bench_wait_until (window_shows_devices, bench.window, BENCH_WAIT_MS, "the demo's devices");
  client = relay_window_get_client (bench.window);
  lamp = ck_device_list_lookup (ck_client_get_devices (client), LAMP_ID);
  if (lamp == NULL)
    {
      g_printerr ("bench: the demo has no %s\n", LAMP_ID);
      return 1;
    }
  /* A light that is off first gets a power-on: start from on. */
  if (!ck_device_get_power (lamp))
    ck_client_set_power_async (client, lamp, TRUE, NULL, NULL, NULL);
  bench_wait_until (device_is_on, lamp, BENCH_WAIT_MS, "the lamp on");

  relay_window_open_device (bench.window, lamp);
  page = bench_gtk_find (GTK_WIDGET (bench.window), RELAY_TYPE_DEVICE_PAGE);
  scale = page ? GTK_RANGE (relay_device_page_get_control (RELAY_DEVICE_PAGE (page), "brightness")) : NULL;
  if (scale == NULL)
    {
      g_printerr ("bench: the lamp's page has no brightness slider\n");
      return 1;
    }
  g_signal_connect (client, "command-started", G_CALLBACK (on_command_started_cb), &bench);

  /* Back and forth between 1 and 100 %, one step per motion event. */
  start = g_get_monotonic_time ();
  do
    {
      gint value = 1 + (gint) (pushes % 198 < 99 ? pushes % 99 : 98 - pushes % 99);

      gtk_range_set_value (scale, value);
      bench.expected = value;
      pushes++;
      bench_run_for (MOTION_MS);
    }
  while (bench_elapsed_ms (start) < DRAG_MS);
  last_push = g_get_monotonic_time ();
  drag_ms = (last_push - start) / 1000.0;

  bench_wait_until (sim_has_brightness, &bench, BENCH_WAIT_MS, "the final brightness in the simulator");
  settle_ms = bench_elapsed_ms (last_push);
  /* Anything still to come would arrive within one more interval. */
  bench_run_for (2 * RELAY_THROTTLE_DEFAULT_INTERVAL_MS);

  for (guint i = 1; i < sent_us->len; i++)
    {
      double gap = (g_array_index (sent_us, gint64, i) - g_array_index (sent_us, gint64, i - 1)) / 1000.0;

      g_array_append_val (gaps, gap);
    }
  bound = 2 + (guint) (drag_ms / RELAY_THROTTLE_DEFAULT_INTERVAL_MS);
  g_print ("drag of %.0f ms: %u slider values -> %u commands (the rule allows at most %u); "
           "final value %d%% in the simulator %.1f ms after the last motion\n",
           drag_ms, pushes, sent_us->len, bound, bench.expected, settle_ms);
  bench_result ("pacing.slider_values", pushes, "values");
  bench_result ("pacing.commands", sent_us->len, "commands");
  bench_result ("pacing.commands_allowed", bound, "commands");
  bench_result ("pacing.final_value_after_last_motion", settle_ms, "ms");
  bench_report_samples ("pacing.gap_between_commands", gaps, "ms");
  if (sent_us->len > bound || gaps->len == 0 || bench_percentile (gaps, 0) < RELAY_THROTTLE_DEFAULT_INTERVAL_MS - 1)
    {
      g_printerr ("bench: the slider broke the pacing rule (min gap %.1f ms)\n",
                  gaps->len ? bench_percentile (gaps, 0) : 0.0);
      return 1;
    }

  g_signal_handlers_disconnect_by_data (client, &bench);
  gtk_window_destroy (GTK_WINDOW (bench.window));
  return 0;
}
