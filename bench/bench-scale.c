/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "bench-scale"

#include "config.h"

#include <stdlib.h>

#include "bench-util.h"
#include "ck-client.h"

/* Bounded repetitions: each run of a step is one sample. */
#define N_REPEATS 7
#define N_FETCHES 7

/* The same devices with every tenth one changed (power flipped, online
 * toggled): what a refresh after a reconnect typically brings. */
static JsonArray *
copy_with_changes (JsonArray *devices)
{
  g_autoptr(JsonNode) root = json_node_init_array (json_node_alloc (), devices);
  g_autoptr(JsonNode) copy = bench_json_deep_copy (root);
  JsonArray *changed = json_array_ref (json_node_get_array (copy));

  for (guint i = 0; i < json_array_get_length (changed); i += 10)
    {
      JsonObject *device = json_array_get_object_element (changed, i);
      JsonObject *params = json_object_has_member (device, "params")
                           ? json_object_get_object_member (device, "params") : NULL;

      json_object_set_boolean_member (device, "online",
                                      !json_object_get_boolean_member_with_default (device, "online", TRUE));
      if (params != NULL && json_object_has_member (params, "switch"))
        json_object_set_string_member (params, "switch",
                                       g_strcmp0 (json_object_get_string_member (params, "switch"), "on") == 0
                                       ? "off" : "on");
    }
  return changed;
}

static void
bench_replace_all (JsonArray *templates)
{
  g_autoptr(GArray) first_fill = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) same = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) changed_runs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(CkDeviceList) list = NULL;
  g_autoptr(JsonArray) changed = NULL;
  JsonArray *devices;
  gsize heap_base, heap_json, heap_list, rss_base, rss_list;
  gint64 start;
  double ms;

  heap_base = bench_heap_bytes ();
  rss_base = bench_rss_kib ();
  devices = bench_clone_devices (templates, BENCH_N_DEVICES);
  heap_json = bench_heap_bytes ();

  /* First fill of an empty list: every CkDevice is made. */
  list = ck_device_list_new ();
  start = g_get_monotonic_time ();
  ck_device_list_replace_all (list, devices);
  ms = bench_elapsed_ms (start);
  g_array_append_val (first_fill, ms);
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) != BENCH_N_DEVICES)
    {
      g_printerr ("bench: the list holds %u devices, not %u\n",
                  g_list_model_get_n_items (G_LIST_MODEL (list)), BENCH_N_DEVICES);
      exit (1);
    }

  /* What the list keeps once the JSON it was made from is gone. */
  json_array_unref (devices);
  heap_list = bench_heap_bytes ();
  rss_list = bench_rss_kib ();
  g_print ("10,000 devices: JSON %.1f MiB; the list keeps %.1f MiB (%.0f bytes per device); RSS +%.1f MiB\n",
           (heap_json - heap_base) / 1048576.0, (heap_list - heap_base) / 1048576.0,
           (double) (heap_list - heap_base) / BENCH_N_DEVICES, ((double) rss_list - rss_base) / 1024.0);
  bench_result ("scale.model.json_heap", (heap_json - heap_base) / 1048576.0, "MiB");
  bench_result ("scale.model.list_heap", (heap_list - heap_base) / 1048576.0, "MiB");
  bench_result ("scale.model.list_heap_per_device", (double) (heap_list - heap_base) / BENCH_N_DEVICES, "bytes");
  bench_result ("scale.model.list_rss_growth", ((double) rss_list - rss_base) / 1024.0, "MiB");

  devices = bench_clone_devices (templates, BENCH_N_DEVICES);
  changed = copy_with_changes (devices);
  for (guint i = 0; i < N_REPEATS; i++)
    {
      /* The same answer again: objects kept, nothing changes. */
      start = g_get_monotonic_time ();
      ck_device_list_replace_all (list, devices);
      ms = bench_elapsed_ms (start);
      g_array_append_val (same, ms);

      /* A tenth of the devices changed. */
      start = g_get_monotonic_time ();
      ck_device_list_replace_all (list, changed);
      ms = bench_elapsed_ms (start);
      g_array_append_val (changed_runs, ms);

      /* From empty again. */
      ck_device_list_clear (list);
      start = g_get_monotonic_time ();
      ck_device_list_replace_all (list, devices);
      ms = bench_elapsed_ms (start);
      g_array_append_val (first_fill, ms);
    }
  json_array_unref (devices);

  bench_report_samples ("scale.model.replace_all_first_fill", first_fill, "ms");
  bench_report_samples ("scale.model.replace_all_unchanged", same, "ms");
  bench_report_samples ("scale.model.replace_all_tenth_changed", changed_runs, "ms");
}

/* ------------------------------------------------- fetch from relay-sim */

static void
on_async_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static gboolean
result_is_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
bench_fetch (const char *relay_sim,
             JsonArray  *templates)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) clones = bench_clone_devices (templates, BENCH_N_DEVICES);
  g_autofree char *url = NULL;
  g_autofree char *server_template = NULL;
  g_autoptr(GSubprocess) sim = NULL;
  g_autoptr(CkApi) api = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(GArray) list_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) refresh_ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_expected = 0;
  gint64 start;
  double ms;

  /* A separate relay-sim, seeded through its test hook (no state file). */
  start = g_get_monotonic_time ();
  sim = bench_spawn_sim (relay_sim, (const char *[]) { "--demo", "--control", NULL }, &url);
  ms = bench_elapsed_ms (start);
  g_print ("relay-sim --demo --control listening after %.1f ms\n", ms);
  bench_result ("scale.sim.start", ms, "ms");
  start = g_get_monotonic_time ();
  bench_sim_add_devices (url, CKSIM_DEMO_EMAIL, clones);
  ms = bench_elapsed_ms (start);
  g_print ("%u devices added through POST /_sim/device/add in %.1f ms\n", BENCH_N_DEVICES, ms);
  bench_result ("scale.sim.add_devices", ms, "ms");

  server_template = g_strdup_printf ("%s/{region}", url);
  api = bench_api_sign_in (server_template);

  /* GET /api/user/device: HTTP, the simulator's serialisation, and parsing. */
  for (guint i = 0; i < N_FETCHES; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(JsonArray) devices = NULL;

      start = g_get_monotonic_time ();
      ck_api_list_devices_async (api, NULL, on_async_done_cb, &result);
      bench_wait_until (result_is_set, &result, BENCH_WAIT_MS, "the device list");
      devices = ck_api_list_devices_finish (api, result, &error);
      ms = bench_elapsed_ms (start);
      bench_check (error, "the device list");
      g_array_append_val (list_ms, ms);
      if (i == 0)
        {
          g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), devices);
          g_autofree char *text = json_to_string (node, FALSE);

          n_expected = json_array_get_length (devices);
          g_print ("device list: %u devices, %.1f KiB of JSON\n", n_expected, strlen (text) / 1024.0);
          bench_result ("scale.fetch.devicelist_size", strlen (text) / 1024.0, "KiB");
        }
      if (n_expected < BENCH_N_DEVICES || json_array_get_length (devices) != n_expected)
        {
          g_printerr ("bench: the device list has %u devices\n", json_array_get_length (devices));
          exit (1);
        }
    }
  bench_report_samples ("scale.fetch.api_list_devices", list_ms, "ms");

  /* CkClient refresh: the fetch plus replace_all into the model the UI shows. */
  client = ck_client_new (api);
  for (guint i = 0; i < N_FETCHES; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;

      start = g_get_monotonic_time ();
      ck_client_refresh_async (client, NULL, on_async_done_cb, &result);
      bench_wait_until (result_is_set, &result, BENCH_WAIT_MS, "the refresh");
      ck_client_refresh_finish (client, result, &error);
      ms = bench_elapsed_ms (start);
      bench_check (error, "the refresh");
      if (g_list_model_get_n_items (G_LIST_MODEL (ck_client_get_devices (client))) != n_expected)
        {
          g_printerr ("bench: the client holds %u devices\n",
                      g_list_model_get_n_items (G_LIST_MODEL (ck_client_get_devices (client))));
          exit (1);
        }
      if (i == 0)
        {
          g_print ("first refresh (empty model): %.1f ms\n", ms);
          bench_result ("scale.fetch.client_refresh_first", ms, "ms");
        }
      else
        g_array_append_val (refresh_ms, ms);
    }
  bench_report_samples ("scale.fetch.client_refresh_again", refresh_ms, "ms");

  bench_stop_sim (sim);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonArray) templates = NULL;
  gboolean model_only = argc > 1 && g_str_equal (argv[1], "--model-only");

  if (argc != 2)
    {
      g_printerr ("Usage: %s RELAY_SIM | --model-only\n", argv[0]);
      return 2;
    }

  templates = bench_fetch_demo_devices ();
  g_print ("%u device templates (the demo account's families), %u devices\n",
           json_array_get_length (templates), BENCH_N_DEVICES);

  bench_replace_all (templates);
  if (!model_only)
    bench_fetch (argv[1], templates);

  return 0;
}
