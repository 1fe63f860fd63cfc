/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "bench-latency"

#include "config.h"

#include <stdlib.h>

#include "bench-util.h"
#include "ck-client.h"

/* Sequential round trips per operation, after a few unmeasured ones. */
#define N_ROUND_TRIPS 1000
#define N_WARM_UP     20

#define PLUG_ID "1000a1b202"  /* "Kitchen plug", UIID 1, online in the demo */

typedef struct
{
  CkSimServer  *server;
  CkClient     *client;
  CkApi        *api;
  CkDevice     *device;
  GAsyncResult *result;
} Bench;

typedef void (*StartFunc) (Bench *bench, guint i);
typedef void (*FinishFunc) (Bench *bench, GError **error);

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  ((Bench *) data)->result = g_object_ref (result);
}

static gboolean
result_is_set (gpointer data)
{
  return ((Bench *) data)->result != NULL;
}

/* Times @n_round_trips sequential start → finish pairs. */
static void
measure (Bench      *bench,
         const char *name,
         StartFunc   start_func,
         FinishFunc  finish_func)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < N_WARM_UP + N_ROUND_TRIPS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      start_func (bench, i);
      bench_wait_until (result_is_set, bench, BENCH_WAIT_MS, name);
      finish_func (bench, &error);
      ms = bench_elapsed_ms (start);
      g_clear_object (&bench->result);
      bench_check (error, name);
      if (i >= N_WARM_UP)
        g_array_append_val (samples, ms);
    }
  bench_report_samples (name, samples, "ms");
}

static void
start_set_power (Bench *bench,
                 guint  i)
{
  ck_client_set_power_async (bench->client, bench->device, !ck_device_get_power (bench->device),
                             NULL, on_done_cb, bench);
}

/* Confirmed means the simulated device holds the value now. */
static gboolean
sim_has_power (Bench *bench)
{
  JsonObject *params = cksim_server_get_device_params (bench->server, PLUG_ID);
  const char *expected = ck_device_get_power (bench->device) ? "on" : "off";

  return params != NULL &&
         g_strcmp0 (json_object_get_string_member_with_default (params, "switch", NULL), expected) == 0;
}

static void
finish_set_power (Bench   *bench,
                  GError **error)
{
  if (ck_client_set_power_finish (bench->client, bench->result, error) &&
      (ck_device_get_pending (bench->device) || !sim_has_power (bench)))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "confirmed, but the simulator differs");
}

static void
start_list_devices (Bench *bench,
                    guint  i)
{
  ck_api_list_devices_async (bench->api, NULL, on_done_cb, bench);
}

static void
finish_list_devices (Bench   *bench,
                     GError **error)
{
  g_autoptr(JsonArray) devices G_GNUC_UNUSED = ck_api_list_devices_finish (bench->api, bench->result, error);
}

static void
start_get_device (Bench *bench,
                  guint  i)
{
  ck_api_get_device_async (bench->api, PLUG_ID, NULL, on_done_cb, bench);
}

static void
finish_get_device (Bench   *bench,
                   GError **error)
{
  g_autoptr(JsonObject) device G_GNUC_UNUSED = ck_api_get_device_finish (bench->api, bench->result, error);
}

static void
start_get_status (Bench *bench,
                  guint  i)
{
  static const char * const names[] = { "switch", NULL };

  ck_api_get_device_status_async (bench->api, PLUG_ID, names, NULL, on_done_cb, bench);
}

static void
finish_get_status (Bench   *bench,
                   GError **error)
{
  g_autoptr(JsonObject) params G_GNUC_UNUSED = ck_api_get_device_status_finish (bench->api, bench->result, error);
}

static gboolean
client_is_online (gpointer data)
{
  return ck_client_get_state (data) == CK_CLIENT_STATE_ONLINE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CkSimServer) server = cksim_server_new (FALSE, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *server_template = NULL;
  g_autoptr(CkApi) api = NULL;
  g_autoptr(CkClient) client = NULL;
  Bench bench = { 0 };

  cksim_server_load_demo (server);
  cksim_server_listen (server, 0, &error);
  bench_check (error, "listening");
  server_template = cksim_server_get_template (server);
  api = bench_api_sign_in (server_template);
  client = ck_client_new (api);

  bench.server = server;
  bench.client = client;
  bench.api = api;
  ck_client_connect_async (client, NULL, on_done_cb, &bench);
  bench_wait_until (result_is_set, &bench, BENCH_WAIT_MS, "the live connection");
  ck_client_connect_finish (client, bench.result, &error);
  g_clear_object (&bench.result);
  bench_check (error, "connecting");
  bench_wait_until (client_is_online, client, BENCH_WAIT_MS, "the online state");
  bench.device = ck_device_list_lookup (ck_client_get_devices (client), PLUG_ID);
  if (bench.device == NULL || !ck_device_get_online (bench.device))
    {
      g_printerr ("bench: the demo has no online %s\n", PLUG_ID);
      return 1;
    }

  g_print ("In-process simulator on %s; %u sequential round trips each (after %u unmeasured)\n",
           server_template, N_ROUND_TRIPS, N_WARM_UP);
  /* WebSocket `update` to confirmed: the app's switch latency. */
  measure (&bench, "latency.ws.set_power", start_set_power, finish_set_power);
  /* REST over a kept-alive loopback connection, signing and envelope included. */
  measure (&bench, "latency.rest.list_devices", start_list_devices, finish_list_devices);
  measure (&bench, "latency.rest.get_device", start_get_device, finish_get_device);
  measure (&bench, "latency.rest.get_status", start_get_status, finish_get_status);

  return 0;
}
