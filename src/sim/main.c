/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-sim"

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cksim-server.h"

typedef struct
{
  int       port;
  gboolean  demo;
  gboolean  control;
  gboolean  compat;
  char    **apps;
  char    **users;
  char     *region;
  char     *state_file;
  char     *tls_cert;
  char     *tls_key;
  gint64    ts_window;
  gint64    at_ttl;
  gint64    rt_ttl;
  int       hb_interval;
  int       ack_delay_ms;
  int       ack_timeout_ms;
  int       idle_timeout_ms;
  int       handshake_timeout_ms;
  gboolean  rate_limit;
  gint64    code_ttl;
  gint64    code_interval;
  int       share_timeout_ms;
  int       rate_limit_gap_ms;
  int       rate_limit_max;
  gint64    rate_limit_window;
  int       timer_limit;
  int       metering_interval_ms;
  int       travel_ms;
  gboolean  demo_script;
  int       script_interval_ms;
  int       flood_limit;
} Options;

static gboolean
on_signal (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

/* "LEFT:RIGHT" (split at the first colon) into two strings. */
static gboolean
split_pair (const char  *pair,
            char       **left,
            char       **right)
{
  const char *colon = strchr (pair, ':');

  if (colon == NULL || colon == pair || colon[1] == '\0')
    return FALSE;
  *left = g_strndup (pair, colon - pair);
  *right = g_strdup (colon + 1);
  return TRUE;
}

/* Pairs from the command line, then from a comma-separated variable. */
static GStrv
collect_pairs (char       **from_args,
               const char  *variable)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *env = g_getenv (variable);

  if (from_args != NULL)
    g_strv_builder_addv (builder, (const char **) from_args);
  if (env != NULL && *env != '\0')
    {
      g_auto(GStrv) items = g_strsplit (env, ",", -1);

      for (guint i = 0; items[i] != NULL; i++)
        if (*g_strstrip (items[i]) != '\0')
          g_strv_builder_add (builder, items[i]);
    }
  return g_strv_builder_end (builder);
}

static gboolean
add_apps (CkSimServer  *server,
          char        **apps,
          GError      **error)
{
  g_auto(GStrv) pairs = collect_pairs (apps, "RELAY_SIM_APPS");

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_autofree char *id = NULL;
      g_autofree char *secret = NULL;

      if (!split_pair (pairs[i], &id, &secret))
        {
          /* Never echo the pair: it holds a secret. */
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "App %u is not in the form ID:SECRET", i + 1);
          return FALSE;
        }
      cksim_server_add_app (server, id, secret);
    }
  return TRUE;
}

static gboolean
add_users (CkSimServer  *server,
           char        **users,
           const char   *region,
           GError      **error)
{
  g_auto(GStrv) pairs = collect_pairs (users, "RELAY_SIM_USERS");

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_autofree char *email = NULL;
      g_autofree char *password = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!split_pair (pairs[i], &email, &password))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "User %u is not in the form EMAIL:PASSWORD", i + 1);
          return FALSE;
        }
      if (!cksim_server_add_user (server, email, password, region, &local_error))
        {
          /* An account restored from --state is not an error. */
          if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_printerr ("relay-sim: %s; kept as it was\n", local_error->message);
        }
    }
  return TRUE;
}

static void
set_intervals (CkSimServer   *server,
               const Options *o)
{
  if (o->ts_window >= 0)
    g_object_set (server, "ts-window", o->ts_window, NULL);
  if (o->at_ttl > 0)
    g_object_set (server, "at-ttl", o->at_ttl, NULL);
  if (o->rt_ttl > 0)
    g_object_set (server, "rt-ttl", o->rt_ttl, NULL);
  if (o->hb_interval > 0)
    g_object_set (server, "hb-interval", (guint) o->hb_interval, NULL);
  if (o->ack_delay_ms >= 0)
    g_object_set (server, "ack-delay-ms", (guint) o->ack_delay_ms, NULL);
  if (o->ack_timeout_ms >= 0)
    g_object_set (server, "ack-timeout-ms", (guint) o->ack_timeout_ms, NULL);
  if (o->idle_timeout_ms >= 0)
    g_object_set (server, "idle-timeout-ms", (guint) o->idle_timeout_ms, NULL);
  if (o->handshake_timeout_ms >= 0)
    g_object_set (server, "handshake-timeout-ms", (guint) o->handshake_timeout_ms, NULL);
  if (o->code_ttl > 0)
    g_object_set (server, "code-ttl", o->code_ttl, NULL);
  if (o->code_interval >= 0)
    g_object_set (server, "code-interval", o->code_interval, NULL);
  if (o->share_timeout_ms >= 0)
    g_object_set (server, "share-timeout-ms", (guint) o->share_timeout_ms, NULL);
  if (o->rate_limit_gap_ms >= 0)
    g_object_set (server, "rate-limit-gap-ms", (guint) o->rate_limit_gap_ms, NULL);
  if (o->rate_limit_max > 0)
    g_object_set (server, "rate-limit-max", (guint) o->rate_limit_max, NULL);
  if (o->rate_limit_window > 0)
    g_object_set (server, "rate-limit-window", o->rate_limit_window, NULL);
  if (o->timer_limit >= 0)
    g_object_set (server, "timer-limit", (guint) o->timer_limit, NULL);
  if (o->metering_interval_ms > 0)
    g_object_set (server, "metering-interval-ms", (guint) o->metering_interval_ms, NULL);
  if (o->travel_ms >= 0)
    g_object_set (server, "travel-ms", (guint) o->travel_ms, NULL);
  if (o->script_interval_ms > 0)
    g_object_set (server, "script-interval-ms", (guint) o->script_interval_ms, NULL);
  if (o->flood_limit > 0)
    g_object_set (server, "flood-limit", (guint) o->flood_limit, NULL);
  g_object_set (server, "rate-limit", o->rate_limit, "demo-script", o->demo_script, NULL);
}

/* No SMS or e-mail here: the code is simulator test data, shown on stdout. */
static void
on_code_sent (CkSimServer *server,
              const char  *identity,
              const char  *code,
              gpointer     user_data)
{
  printf ("Verification code for %s: %s\n", identity, code);
  fflush (stdout);
}

static int
run (Options *o)
{
  g_autoptr(CkSimServer) server = NULL;
  g_autoptr(GTlsCertificate) cert = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  if ((o->tls_cert == NULL) != (o->tls_key == NULL))
    {
      g_printerr ("relay-sim: --tls-cert and --tls-key go together\n");
      return EXIT_FAILURE;
    }
  if (o->port < 0 || o->port > 65535)
    {
      g_printerr ("relay-sim: --port must be 0-65535\n");
      return EXIT_FAILURE;
    }
  if (o->tls_cert != NULL
      && (cert = g_tls_certificate_new_from_files (o->tls_cert, o->tls_key, &error)) == NULL)
    {
      g_printerr ("relay-sim: %s\n", error->message);
      return EXIT_FAILURE;
    }

  server = g_object_new (CKSIM_TYPE_SERVER,
                         "compat", o->compat,
                         "control", o->control,
                         "default-region", o->region,
                         "tls-certificate", cert,
                         NULL);
  set_intervals (server, o);

  if ((o->state_file != NULL && !cksim_server_open_state (server, o->state_file, &error))
      || !add_apps (server, o->apps, &error)
      || !add_users (server, o->users, o->region, &error))
    {
      g_printerr ("relay-sim: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (o->demo)
    cksim_server_load_demo (server);
  g_signal_connect (server, "code-sent", G_CALLBACK (on_code_sent), NULL);

  if (!cksim_server_listen (server, (guint) o->port, &error))
    {
      g_printerr ("relay-sim: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* Before the first line: a caller may signal as soon as it reads it. */
  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, on_signal, loop);
  g_unix_signal_add (SIGTERM, on_signal, loop);

  url = cksim_server_get_url (server);
  printf ("relay-sim listening on %s\n", url);
  if (o->demo)
    printf ("Demo account: %s / %s\n", CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD);
  fflush (stdout);

  g_main_loop_run (loop);
  return EXIT_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  Options o = {
    .region = g_strdup (CKSIM_DEMO_REGION),
    .ts_window = -1, .ack_delay_ms = -1, .ack_timeout_ms = -1,
    .idle_timeout_ms = -1, .handshake_timeout_ms = -1, .code_interval = -1,
    .share_timeout_ms = -1, .rate_limit_gap_ms = -1, .timer_limit = -1, .travel_ms = -1,
  };
  const GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_INT, &o.port, "Port on 127.0.0.1 (default 0: any free port)", "N" },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &o.demo, "Load the demo account and its devices", NULL },
    { "control", 0, 0, G_OPTION_ARG_NONE, &o.control, "Serve the /_sim/ test hooks", NULL },
    { "compat", 0, 0, G_OPTION_ARG_NONE, &o.compat, "Relax exactly the checks of spec §8.10", NULL },
    { "app", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.apps,
      "Add an app (test data only; also RELAY_SIM_APPS=ID:SECRET,...)", "ID:SECRET" },
    { "user", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.users,
      "Add an account in --region (test data only; also RELAY_SIM_USERS=EMAIL:PASSWORD,...)",
      "EMAIL:PASSWORD" },
    { "region", 0, 0, G_OPTION_ARG_STRING, &o.region,
      "Default region: for --user accounts and the region lookup (default eu)", "cn|as|eu|us" },
    { "state", 0, 0, G_OPTION_ARG_FILENAME, &o.state_file,
      "Load the state from FILE and save it there (mode 0600) after every change; passwords and "
      "tokens are hashed, device factory keys are kept in clear (the owner's device list shows them)",
      "FILE" },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &o.tls_cert, "Serve HTTPS/WSS with this certificate", "FILE" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &o.tls_key, "The private key of --tls-cert", "FILE" },
    { "ts-window", 0, 0, G_OPTION_ARG_INT64, &o.ts_window,
      "Accepted |ts - now| of requests (default 300)", "SECONDS" },
    { "at-ttl", 0, 0, G_OPTION_ARG_INT64, &o.at_ttl, "Access token lifetime (default 30 days)", "SECONDS" },
    { "rt-ttl", 0, 0, G_OPTION_ARG_INT64, &o.rt_ttl, "Refresh token lifetime (default 60 days)", "SECONDS" },
    { "hb-interval", 0, 0, G_OPTION_ARG_INT, &o.hb_interval,
      "hbInterval sent to WebSocket clients (default 145)", "SECONDS" },
    { "ack-delay-ms", 0, 0, G_OPTION_ARG_INT, &o.ack_delay_ms,
      "Device acknowledgement latency (default 0)", "MS" },
    { "ack-timeout-ms", 0, 0, G_OPTION_ARG_INT, &o.ack_timeout_ms,
      "Device ack deadline before error 504 (default 5000)", "MS" },
    { "idle-timeout-ms", 0, 0, G_OPTION_ARG_INT, &o.idle_timeout_ms,
      "Close a silent WebSocket after this (default hbInterval + 37 s)", "MS" },
    { "handshake-timeout-ms", 0, 0, G_OPTION_ARG_INT, &o.handshake_timeout_ms,
      "Close a WebSocket without userOnline after this (default 10000)", "MS" },
    { "rate-limit", 0, 0, G_OPTION_ARG_NONE, &o.rate_limit,
      "Per IP and endpoint: 500 ms between calls, 300 calls per 5 minutes (else error 429)", NULL },
    { "code-ttl", 0, 0, G_OPTION_ARG_INT64, &o.code_ttl,
      "Verification code lifetime (default 600)", "SECONDS" },
    { "code-interval", 0, 0, G_OPTION_ARG_INT64, &o.code_interval,
      "Minimum time between two codes for one identity (default 60)", "SECONDS" },
    { "share-timeout-ms", 0, 0, G_OPTION_ARG_INT, &o.share_timeout_ms,
      "A share receiver that does not answer gets error 504 after this (default 60000)", "MS" },
    { "rate-limit-gap-ms", 0, 0, G_OPTION_ARG_INT, &o.rate_limit_gap_ms,
      "With --rate-limit: minimum gap per IP and endpoint (default 500)", "MS" },
    { "rate-limit-max", 0, 0, G_OPTION_ARG_INT, &o.rate_limit_max,
      "With --rate-limit: calls per IP and endpoint per window (default 300)", "N" },
    { "rate-limit-window", 0, 0, G_OPTION_ARG_INT64, &o.rate_limit_window,
      "With --rate-limit: the window of --rate-limit-max (default 300)", "SECONDS" },
    { "timer-limit", 0, 0, G_OPTION_ARG_INT, &o.timer_limit,
      "Timers per device; more gives device error 400 (default 16)", "N" },
    { "metering-interval-ms", 0, 0, G_OPTION_ARG_INT, &o.metering_interval_ms,
      "Metering devices report at least this often while uiActive (default 10000)", "MS" },
    { "travel-ms", 0, 0, G_OPTION_ARG_INT, &o.travel_ms,
      "A cover's, garage door's or motor's full 0-100 travel (default 10000)", "MS" },
    { "demo-script", 0, 0, G_OPTION_ARG_NONE, &o.demo_script,
      "Scripted demo life: TH drift, POW load steps, a door opening, a device going offline and back", NULL },
    { "script-interval-ms", 0, 0, G_OPTION_ARG_INT, &o.script_interval_ms,
      "The --demo-script tick (default 30000)", "MS" },
    { "flood-limit", 0, 0, G_OPTION_ARG_INT, &o.flood_limit,
      "Close, unanswered, the userOnline frames beyond N per IP per minute (default: off)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("- the simulated CoolKit v1 cloud");
  g_option_context_set_summary (context,
    "Serves the CoolKit v1 REST API under /cn, /as, /eu and /us, the region lookup,\n"
    "dispatch and the WebSocket at /api/ws on one loopback port. Strict per\n"
    "spec §8 unless --compat. Both published example app pairs are always known.");
  g_option_context_set_description (context,
    "Secrets: --app and --user put secrets on the command line and are meant for\n"
    "simulator test data only. Prefer the environment variables RELAY_SIM_APPS\n"
    "(\"ID:SECRET,ID:SECRET\") and RELAY_SIM_USERS (\"email:password,...\").\n"
    "The first line on stdout is \"relay-sim listening on URL\"; with --demo the\n"
    "next is \"Demo account: EMAIL / PASSWORD\". Verification codes (no SMS or\n"
    "e-mail is sent) are printed as \"Verification code for IDENTITY: NNNN\".\n"
    "SIGINT or SIGTERM stop it.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("relay-sim: %s\n", error->message);
      return EXIT_FAILURE;
    }

  status = run (&o);

  g_strfreev (o.apps);
  g_strfreev (o.users);
  g_free (o.region);
  g_free (o.state_file);
  g_free (o.tls_cert);
  g_free (o.tls_key);
  return status;
}
