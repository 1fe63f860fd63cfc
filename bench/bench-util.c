/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <malloc.h>
#include <signal.h>
#include <stdlib.h>
#include <glib/gstdio.h>

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

/* The apikey of the account @email in a state file's "users". */
static const char *
state_user_apikey (JsonObject *state,
                   const char *email)
{
  JsonArray *users = json_object_has_member (state, "users") ? json_object_get_array_member (state, "users") : NULL;

  for (guint i = 0; users != NULL && i < json_array_get_length (users); i++)
    {
      JsonObject *user = json_array_get_object_element (users, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (user, "email", NULL), email) == 0)
        return json_object_get_string_member (user, "apikey");
    }
  return NULL;
}

char *
bench_write_state_with_devices (const char *state_dir,
                                guint       n_devices)
{
  g_autofree char *seed_path = g_build_filename (state_dir, "seed.json", NULL);
  g_autofree char *path = g_build_filename (state_dir, "state.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonArray) templates = json_array_new ();
  g_autoptr(JsonArray) clones = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *state;
  JsonArray *devices;
  const char *apikey;

  /* The simulator writes its demo account (users with salted password
   * HMACs, devices) into a state file ... */
  {
    g_autoptr(CkSimServer) seed = cksim_server_new (FALSE, TRUE);

    cksim_server_open_state (seed, seed_path, &error);
    bench_check (error, "opening the seed state");
    cksim_server_load_demo (seed);
  }

  /* ... which gains @n_devices copies of the account's own devices. */
  json_parser_load_from_file (parser, seed_path, &error);
  bench_check (error, "reading the seed state");
  g_unlink (seed_path);
  state = json_node_get_object (json_parser_get_root (parser));
  apikey = state_user_apikey (state, CKSIM_DEMO_EMAIL);
  devices = json_object_has_member (state, "devices") ? json_object_get_array_member (state, "devices") : NULL;
  if (apikey == NULL || devices == NULL)
    {
      g_printerr ("bench: the simulator's state file has no demo account or devices\n");
      exit (1);
    }
  for (guint i = 0; i < json_array_get_length (devices); i++)
    {
      JsonObject *device = json_array_get_object_element (devices, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (device, "owner", NULL), apikey) == 0)
        json_array_add_object_element (templates, json_object_ref (device));
    }
  clones = bench_clone_devices (templates, n_devices);
  for (guint i = 0; i < json_array_get_length (clones); i++)
    json_array_add_element (devices, json_node_ref (json_array_get_element (clones, i)));

  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, path, &error);
  bench_check (error, "writing the seeded state");
  return g_steal_pointer (&path);
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

void
bench_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}
