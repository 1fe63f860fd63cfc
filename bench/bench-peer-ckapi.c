/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "bench-peer"

#include "config.h"

#include <stdlib.h>

#include "bench-util.h"

/* Relay's side of bench-peer.js: login, device list and an HTTP status POST
 * through CkApi against a relay-sim that bench-peer.js started; prints the
 * samples as one JSON object ({"login": [ms, ...], ...}) on stdout. */

#define N_WARM_UP 5

typedef struct
{
  CkApi        *api;
  const char   *device_id;
  GAsyncResult *result;
} Peer;

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  ((Peer *) data)->result = g_object_ref (result);
}

static gboolean
result_is_set (gpointer data)
{
  return ((Peer *) data)->result != NULL;
}

static gboolean
finish_login (Peer    *peer,
              GError **error)
{
  g_autoptr(CkTokens) tokens = ck_api_login_finish (peer->api, peer->result, error);

  return tokens != NULL;
}

static gboolean
finish_list (Peer    *peer,
             GError **error)
{
  g_autoptr(JsonArray) devices = ck_api_list_devices_finish (peer->api, peer->result, error);

  return devices != NULL;
}

static gboolean
finish_status (Peer    *peer,
               GError **error)
{
  return ck_api_set_device_status_finish (peer->api, peer->result, error);
}

static void
measure (Peer            *peer,
         const char      *op,
         guint            n,
         JsonBuilder     *out)
{
  json_builder_set_member_name (out, op);
  json_builder_begin_array (out);
  for (guint i = 0; i < N_WARM_UP + n; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      gboolean ok;

      if (g_str_equal (op, "login"))
        ck_api_login_async (peer->api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD, NULL, on_done_cb, peer);
      else if (g_str_equal (op, "list"))
        ck_api_list_devices_async (peer->api, NULL, on_done_cb, peer);
      else
        {
          g_autoptr(JsonObject) params = json_object_new ();

          json_object_set_string_member (params, "switch", i % 2 ? "on" : "off");
          ck_api_set_device_status_async (peer->api, peer->device_id, params, NULL, on_done_cb, peer);
        }
      bench_wait_until (result_is_set, peer, BENCH_WAIT_MS, op);
      if (g_str_equal (op, "login"))
        ok = finish_login (peer, &error);
      else if (g_str_equal (op, "list"))
        ok = finish_list (peer, &error);
      else
        ok = finish_status (peer, &error);
      g_clear_object (&peer->result);
      bench_check (error, op);
      if (!ok)
        exit (1);
      if (i >= N_WARM_UP)
        json_builder_add_double_value (out, bench_elapsed_ms (start));
    }
  json_builder_end_array (out);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonBuilder) out = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CkApi) api = NULL;
  Peer peer = { 0 };
  guint n;

  if (argc != 4)
    {
      g_printerr ("Usage: %s SERVER_TEMPLATE N DEVICE_ID\n", argv[0]);
      return 2;
    }
  n = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  api = bench_api_sign_in (argv[1]);
  peer.api = api;
  peer.device_id = argv[3];

  json_builder_begin_object (out);
  measure (&peer, "login", n, out);
  measure (&peer, "list", n, out);
  measure (&peer, "status_post", n, out);
  json_builder_end_object (out);
  root = json_builder_get_root (out);
  text = json_to_string (root, FALSE);
  g_print ("%s\n", text);
  return 0;
}
