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
    .idle_timeout_ms = -1, .handshake_timeout_ms = -1,
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
      "Load the state from FILE and save it there (mode 0600) after every change", "FILE" },
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
    "next is \"Demo account: EMAIL / PASSWORD\". SIGINT or SIGTERM stop it.");
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
