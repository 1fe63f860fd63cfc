/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <malloc.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <libsoup/soup.h>

#include "bench-util.h"

double
bench_elapsed_ms (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000.0;
}

void
bench_wait_until (BenchCondition  condition,
                  gpointer        data,
                  guint           timeout_ms,
                  const char     *what)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_printerr ("bench: timed out after %u ms waiting for %s\n", timeout_ms, what);
          exit (1);
        }
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
on_run_for_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

void
bench_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_run_for_done_cb, &done);
  bench_wait_until (flag_is_set, &done, ms + BENCH_WAIT_MS, "a timer");
}

void
bench_check (GError     *error,
             const char *what)
{
  if (error == NULL)
    return;
  g_printerr ("bench: %s failed: %s\n", what, error->message);
  exit (1);
}

/* A "Key:   123 kB" line of /proc/self/status. */
static gsize
proc_status_kib (const char *key)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize key_len = strlen (key);

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return 0;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], key, key_len) == 0 && lines[i][key_len] == ':')
      return g_ascii_strtoull (lines[i] + key_len + 1, NULL, 10);
  return 0;
}

gsize
bench_rss_kib (void)
{
  return proc_status_kib ("VmRSS");
}

gsize
bench_peak_rss_kib (void)
{
  return proc_status_kib ("VmHWM");
}

gsize
bench_heap_bytes (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

void
bench_result (const char *name,
              double      value,
              const char *unit)
{
  g_print ("RESULT %s %.3f %s\n", name, value, unit);
}

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_percentile (GArray *samples,
                  double  percentile)
{
  guint rank;

  g_return_val_if_fail (samples->len > 0, 0);

  /* Nearest rank: the smallest sample with at least @percentile % at or below it. */
  rank = (guint) ((percentile / 100.0) * samples->len + 0.999999);
  rank = CLAMP (rank, 1, samples->len);
  return g_array_index (samples, double, rank - 1);
}

void
bench_report_samples (const char *name,
                      GArray     *samples,
                      const char *unit)
{
  double sum = 0;
  g_autofree char *p50 = g_strdup_printf ("%s.p50", name);
  g_autofree char *p95 = g_strdup_printf ("%s.p95", name);
  g_autofree char *p99 = g_strdup_printf ("%s.p99", name);
  g_autofree char *max = g_strdup_printf ("%s.max", name);

  if (samples->len == 0)
    {
      g_printerr ("bench: no samples for %s\n", name);
      exit (1);
    }
  g_array_sort (samples, compare_doubles);
  for (guint i = 0; i < samples->len; i++)
    sum += g_array_index (samples, double, i);

  g_print ("%-44s n=%-5u mean %8.3f  p50 %8.3f  p95 %8.3f  p99 %8.3f  max %8.3f %s\n",
           name, samples->len, sum / samples->len,
           bench_percentile (samples, 50), bench_percentile (samples, 95),
           bench_percentile (samples, 99), g_array_index (samples, double, samples->len - 1), unit);
  bench_result (p50, bench_percentile (samples, 50), unit);
  bench_result (p95, bench_percentile (samples, 95), unit);
  bench_result (p99, bench_percentile (samples, 99), unit);
  bench_result (max, g_array_index (samples, double, samples->len - 1), unit);
}

/* ---------------------------------------------------------- devices */

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

CkApi *
bench_api_sign_in (const char *server_template)
{
  g_autoptr(CkApi) api = ck_api_new (server_template, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;

  ck_api_set_region (api, CKSIM_DEMO_REGION);
  ck_api_login_async (api, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD, NULL, on_async_done_cb, &result);
  bench_wait_until (result_is_set, &result, BENCH_WAIT_MS, "the login");
  tokens = ck_api_login_finish (api, result, &error);
  bench_check (error, "login");
  return g_steal_pointer (&api);
}

JsonArray *
bench_fetch_demo_devices (void)
{
  g_autoptr(CkSimServer) server = cksim_server_new (FALSE, FALSE);
  g_autoptr(CkApi) api = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server_template = NULL;
  JsonArray *devices;

  cksim_server_load_demo (server);
  cksim_server_listen (server, 0, &error);
  bench_check (error, "listening");
  server_template = cksim_server_get_template (server);
  api = bench_api_sign_in (server_template);
  ck_api_list_devices_async (api, NULL, on_async_done_cb, &result);
  bench_wait_until (result_is_set, &result, BENCH_WAIT_MS, "the demo device list");
  devices = ck_api_list_devices_finish (api, result, &error);
  bench_check (error, "the demo device list");
  return devices;
}

JsonNode *
bench_json_deep_copy (JsonNode *node)
{
  /* json_node_copy() shares objects and arrays; a round trip through text does not. */
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(GError) error = NULL;
  JsonNode *copy = json_from_string (text, &error);

  bench_check (error, "copying JSON");
  return copy;
}

JsonArray *
bench_clone_devices (JsonArray *templates,
                     guint      n)
{
  JsonArray *devices = json_array_sized_new (n);
  guint n_templates = json_array_get_length (templates);

  g_return_val_if_fail (n_templates > 0, devices);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *copy = bench_json_deep_copy (json_array_get_element (templates, i % n_templates));
      JsonObject *object = json_node_get_object (copy);
      g_autofree char *id = g_strdup_printf ("10%08x", i);
      g_autofree char *name = g_strdup_printf ("Device %05u", i);

      json_object_set_string_member (object, "deviceid", id);
      json_object_set_string_member (object, "name", name);
      /* Per-device secrets and relations stay with the original. */
      json_object_remove_member (object, "devicekey");
      json_object_remove_member (object, "shares");
      json_object_remove_member (object, "sharedTo");
      json_object_remove_member (object, "groups");
      json_array_add_element (devices, copy);
    }
  return devices;
}

/* The member @name of @object (which may be NULL) if it is of @type, else NULL. */
static JsonNode *
member_of_type (JsonObject   *object,
                const char   *name,
                JsonNodeType  type)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_TYPE (node) == type ? node : NULL;
}

/* The simulator's device description (cksim_server_add_device()) of a device
 * in the cloud's form: what a clone needs to be listed like its template. */
static JsonObject *
device_description (JsonObject *cloud)
{
  static const char * const copied[] = { "deviceid", "name", "uiid", "params", "online", "productModel" };
  static const char * const inner_copied[] = { "model", "ui" };
  JsonObject *desc = json_object_new ();
  JsonNode *extra = member_of_type (cloud, "extra", JSON_NODE_OBJECT);
  JsonNode *inner_node = extra != NULL ? member_of_type (json_node_get_object (extra), "extra", JSON_NODE_OBJECT) : NULL;
  JsonObject *inner = inner_node != NULL ? json_node_get_object (inner_node) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    if (json_object_has_member (cloud, copied[i]))
      json_object_set_member (desc, copied[i], json_node_copy (json_object_get_member (cloud, copied[i])));
  for (guint i = 0; inner != NULL && i < G_N_ELEMENTS (inner_copied); i++)
    if (json_object_has_member (inner, inner_copied[i]))
      json_object_set_member (desc, inner_copied[i], json_node_copy (json_object_get_member (inner, inner_copied[i])));
  return desc;
}

void
bench_sim_add_devices (const char *url,
                       const char *email,
                       JsonArray  *devices)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonArray) descriptions = json_array_sized_new (json_array_get_length (devices));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *endpoint = g_strconcat (url, "/_sim/device/add", NULL);
  g_autofree char *text = NULL;
  gsize length;
  JsonNode *reply;
  JsonObject *reply_object;
  JsonNode *ids;

  for (guint i = 0; i < json_array_get_length (devices); i++)
    json_array_add_object_element (descriptions, device_description (json_array_get_object_element (devices, i)));
  json_object_set_string_member (body, "email", email);
  json_object_set_array_member (body, "devices", g_steal_pointer (&descriptions));
  json_node_set_object (root, body);
  text = json_to_string (root, FALSE);
  length = strlen (text);

  message = soup_message_new (SOUP_METHOD_POST, endpoint);
  soup_message_set_request_body_from_bytes (message, "application/json",
                                            g_bytes_new_take (g_steal_pointer (&text), length));
  answer = soup_session_send_and_read (session, message, NULL, &error);
  bench_check (error, "POST /_sim/device/add");
  json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), g_bytes_get_size (answer), &error);
  bench_check (error, "the answer of /_sim/device/add");
  reply = json_parser_get_root (parser);
  reply_object = reply != NULL && JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
  ids = member_of_type (reply_object, "deviceids", JSON_NODE_ARRAY);
  if (soup_message_get_status (message) != SOUP_STATUS_OK || ids == NULL
      || json_array_get_length (json_node_get_array (ids)) != json_array_get_length (devices))
    {
      g_printerr ("bench: /_sim/device/add answered %u: %.*s\n", soup_message_get_status (message),
                  (int) MIN (g_bytes_get_size (answer), 300), (const char *) g_bytes_get_data (answer, NULL));
      exit (1);
    }
}

GSubprocess *
bench_spawn_sim (const char          *relay_sim,
                 const char * const  *extra_args,
                 char               **url)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  GSubprocess *sim;

  g_ptr_array_add (argv, (gpointer) relay_sim);
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra_args[i]);
  g_ptr_array_add (argv, NULL);

  sim = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  bench_check (error, "starting relay-sim");
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sim));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  bench_check (error, "reading relay-sim's first line");
  if (line == NULL || !g_str_has_prefix (line, "relay-sim listening on "))
    {
      g_printerr ("bench: unexpected first line from relay-sim: %s\n", line ? line : "(none)");
      exit (1);
    }
  if (url != NULL)
    *url = g_strdup (line + strlen ("relay-sim listening on "));
  return sim;
}

void
bench_stop_sim (GSubprocess *sim)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (sim, SIGTERM);
  g_subprocess_wait (sim, NULL, &error);
  bench_check (error, "stopping relay-sim");
}
