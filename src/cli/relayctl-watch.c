/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relayctl"

/* watch: the live connection's events as lines, until interrupted. Device
 * events come from CkDevice notifications, so reports, `sysmsg` and
 * commands relayed from the account's other sessions show alike, and so do
 * the changes the device list brings after a reconnect. */

#include <math.h>
#include <stdio.h>
#include <signal.h>

#include <glib-unix.h>

#include "ck-json.h"
#include "relayctl-common.h"

typedef struct
{
  RelayctlContext *ctx;
  CkClient        *client;
  /* CkDevice (owned) → JsonObject (owned): its params as last shown, to
   * print only what changed. */
  GHashTable      *shown_params;

  guint            state_idle_id;
  gboolean         state_shown;
  CkClientState    shown_state;
  gint64           shown_next_attempt; /* unix µs, 0 for none */

  guint            count;              /* --count: stop after this many events; 0 no limit */
  guint            n_events;
  gboolean         done;
  int              status;
} Watch;

static const char *
state_name (CkClientState state)
{
  switch (state)
    {
    case CK_CLIENT_STATE_SIGNED_OUT:
      return "signed-out";
    case CK_CLIENT_STATE_CONNECTING:
      return "connecting";
    case CK_CLIENT_STATE_ONLINE:
      return "online";
    case CK_CLIENT_STATE_RECONNECTING:
      return "reconnecting";
    case CK_CLIENT_STATE_SESSION_TAKEN:
      return "session-taken";
    case CK_CLIENT_STATE_OFFLINE:
      return "offline";
    default:
      return "unknown";
    }
}

static void
stop (Watch *watch,
      int    status)
{
  if (watch->done)
    return;

  watch->done = TRUE;
  watch->status = status;
}

/* Every event goes out at once, whole, even into a pipe; --count ends the watch. */
static void
emit_event (Watch       *watch,
            JsonBuilder *builder,
            const char  *text)
{
  if (watch->done)
    return;

  if (watch->ctx->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);

      relayctl_print_json_line (root);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *clock = g_date_time_format (now, "%H:%M:%S");

      g_print ("%s %s\n", clock, text);
    }
  fflush (stdout);

  watch->n_events++;
  if (watch->count > 0 && watch->n_events >= watch->count)
    stop (watch, RELAYCTL_EXIT_OK);
}

/* {"event": @event, "time": now, …}: the caller adds members and ends the object. */
static JsonBuilder *
begin_event (const char *event)
{
  JsonBuilder *builder = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format_iso8601 (now);

  json_builder_begin_object (builder);
  relayctl_json_add_string (builder, "event", event);
  relayctl_json_add_string (builder, "time", time);

  return builder;
}

/* ---- Connection state -------------------------------------------------- */

/* Seconds until @next_attempt, rounded. */
static gint64
seconds_until (GDateTime *next_attempt)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GTimeSpan span = g_date_time_difference (next_attempt, now);

  return span > 0 ? (span + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC : 0;
}

static char *
describe_state (CkClientState  state,
                GDateTime     *next_attempt)
{
  switch (state)
    {
    case CK_CLIENT_STATE_RECONNECTING:
      if (next_attempt != NULL)
        return g_strdup_printf ("connection: reconnecting in %" G_GINT64_FORMAT " s",
                                seconds_until (next_attempt));
      return g_strdup ("connection: reconnecting now");
    case CK_CLIENT_STATE_SESSION_TAKEN:
      return g_strdup ("connection: session taken (the account signed in elsewhere with this app id)");
    case CK_CLIENT_STATE_OFFLINE:
      return g_strdup ("connection: offline (waiting for the network)");
    case CK_CLIENT_STATE_SIGNED_OUT:
      return g_strdup ("connection: signed out");
    case CK_CLIENT_STATE_CONNECTING:
    case CK_CLIENT_STATE_ONLINE:
    default:
      return g_strdup_printf ("connection: %s", state_name (state));
    }
}

/* The client sets its state and then the next attempt; shown once both are
 * in place, and only when the pair changed. */
static gboolean
show_state_cb (gpointer user_data)
{
  Watch *watch = user_data;
  CkClientState state = ck_client_get_state (watch->client);
  GDateTime *next_attempt = ck_client_get_next_attempt (watch->client);
  gint64 next_us = next_attempt != NULL ? g_date_time_to_unix (next_attempt) * G_USEC_PER_SEC
                                          + g_date_time_get_microsecond (next_attempt) : 0;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *text = NULL;

  watch->state_idle_id = 0;
  if (watch->state_shown && watch->shown_state == state && watch->shown_next_attempt == next_us)
    return G_SOURCE_REMOVE;
  watch->state_shown = TRUE;
  watch->shown_state = state;
  watch->shown_next_attempt = next_us;

  builder = begin_event ("state");
  relayctl_json_add_string (builder, "state", state_name (state));
  if (state == CK_CLIENT_STATE_RECONNECTING && next_attempt != NULL)
    {
      g_autofree char *when = g_date_time_format_iso8601 (next_attempt);

      relayctl_json_add_string (builder, "next_attempt", when);
      json_builder_set_member_name (builder, "in_seconds");
      json_builder_add_int_value (builder, seconds_until (next_attempt));
    }
  json_builder_end_object (builder);
  text = describe_state (state, next_attempt);
  emit_event (watch, builder, text);

  /* Nothing more will happen without a new sign-in. */
  if (state == CK_CLIENT_STATE_SESSION_TAKEN || state == CK_CLIENT_STATE_SIGNED_OUT)
    {
      g_autoptr(GError) error = g_error_new_literal (CK_ERROR, CK_ERROR_SESSION_TAKEN,
                                                     "the session ended");

      if (!watch->done)
        stop (watch, relayctl_fail (watch->ctx, error, NULL));
    }

  return G_SOURCE_REMOVE;
}

static void
on_state_changed_cb (GObject    *client,
                     GParamSpec *pspec,
                     Watch      *watch)
{
  if (watch->state_idle_id == 0)
    watch->state_idle_id = g_idle_add_full (G_PRIORITY_HIGH, show_state_cb, watch, NULL);
}

/* ---- Devices ------------------------------------------------------------ */

static char *
describe_device (CkDevice *device)
{
  return g_strdup_printf ("%s (%s)", ck_device_get_name (device), ck_device_get_id (device));
}

static void
on_device_online_cb (CkDevice   *device,
                     GParamSpec *pspec,
                     Watch      *watch)
{
  gboolean online = ck_device_get_online (device);
  g_autoptr(JsonBuilder) builder = begin_event ("online");
  g_autofree char *who = describe_device (device);
  g_autofree char *text = g_strdup_printf ("%s: %s", who, online ? "online" : "offline");

  relayctl_json_add_device (builder, device);
  json_builder_set_member_name (builder, "online");
  json_builder_add_boolean_value (builder, online);
  json_builder_end_object (builder);
  emit_event (watch, builder, text);
}

static JsonObject *
copy_params (CkDevice *device)
{
  JsonObject *params = ck_device_get_params (device);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) copy = NULL;

  if (params == NULL)
    return json_object_new ();

  node = json_node_init_object (json_node_alloc (), params);
  copy = ck_json_node_deep_copy (node);

  return json_object_ref (json_node_get_object (copy));
}

static void
on_device_params_changed_cb (CkDevice *device,
                             Watch    *watch)
{
  JsonObject *before = g_hash_table_lookup (watch->shown_params, device);
  JsonObject *now = ck_device_get_params (device);
  g_autoptr(JsonObject) changed = json_object_new ();
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *who = NULL;
  g_autofree char *line = NULL;
  g_autofree char *text = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (now == NULL)
    return;

  json_object_iter_init_ordered (&iter, now);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      JsonNode *old = before != NULL ? json_object_get_member (before, name) : NULL;

      if (old == NULL || !json_node_equal (old, value))
        json_object_set_member (changed, name, ck_json_node_deep_copy (value));
    }
  g_hash_table_replace (watch->shown_params, g_object_ref (device), copy_params (device));

  /* A report that repeats the known values is no change. */
  if (json_object_get_size (changed) == 0)
    return;

  builder = begin_event ("params");
  relayctl_json_add_device (builder, device);
  json_builder_set_member_name (builder, "params");
  json_builder_add_value (builder, json_node_init_object (json_node_alloc (), changed));
  json_builder_end_object (builder);
  who = describe_device (device);
  line = relayctl_format_params_line (changed);
  text = g_strdup_printf ("%s: %s", who, line);
  emit_event (watch, builder, text);
}

/* Follows every device of the list, once; the list keeps its objects
 * across refreshes, so this only adds the new ones. */
static void
track_devices (Watch *watch)
{
  GListModel *devices = G_LIST_MODEL (ck_client_get_devices (watch->client));
  guint n_devices = g_list_model_get_n_items (devices);

  for (guint i = 0; i < n_devices; i++)
    {
      g_autoptr(CkDevice) device = g_list_model_get_item (devices, i);

      if (g_hash_table_contains (watch->shown_params, device))
        continue;

      g_hash_table_insert (watch->shown_params, g_object_ref (device), copy_params (device));
      g_signal_connect (device, "notify::online", G_CALLBACK (on_device_online_cb), watch);
      g_signal_connect (device, "params-changed", G_CALLBACK (on_device_params_changed_cb), watch);
    }
}

static void
on_devices_changed_cb (GListModel *devices,
                       guint       position,
                       guint       removed,
                       guint       added,
                       Watch      *watch)
{
  track_devices (watch);
}

/* ---- Ending ------------------------------------------------------------- */

static gboolean
on_signal_cb (gpointer user_data)
{
  stop (user_data, RELAYCTL_EXIT_OK);

  return G_SOURCE_CONTINUE;
}

typedef struct
{
  Watch   *watch;
  gdouble  seconds;
  guint    id;
} WatchTimeout;

static gboolean
on_watch_timeout_cb (gpointer user_data)
{
  WatchTimeout *timeout = user_data;
  Watch *watch = timeout->watch;

  timeout->id = 0;
  if (watch->count > 0)
    {
      g_autoptr(GError) error = g_error_new (CK_ERROR, CK_ERROR_TIMEOUT,
                                             "%u of %u events within %g s (--timeout)",
                                             watch->n_events, watch->count, timeout->seconds);

      stop (watch, relayctl_fail (watch->ctx, error, NULL));
    }
  else
    {
      stop (watch, RELAYCTL_EXIT_OK);
    }

  return G_SOURCE_REMOVE;
}

static void
forget_device (gpointer key,
               gpointer value,
               gpointer user_data)
{
  g_signal_handlers_disconnect_by_data (key, user_data);
}

static int
run_watch (RelayctlContext        *ctx,
           const RelayctlCommand  *command,
           int                     argc,
           char                  **argv)
{
  gint count = 0;
  gdouble seconds = 0;
  const GOptionEntry entries[] = {
    { "count", 'n', 0, G_OPTION_ARG_INT, &count, "Stop after N events", "N" },
    { "timeout", 0, 0, G_OPTION_ARG_DOUBLE, &seconds,
      "Stop after SECONDS (fractions allowed); short of --count by then: exit status 6",
      "SECONDS" },
    G_OPTION_ENTRY_NULL
  };
  Watch watch = { .ctx = ctx };
  WatchTimeout timeout = { .watch = &watch };
  g_autoptr(GAsyncResult) connected = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *devices;
  guint sigint_id, sigterm_id;

  if (!relayctl_parse_command (ctx, command, entries, 0, 0, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  if (count < 0)
    return relayctl_usage_error ("--count wants a positive number of events");
  if (seconds < 0 || isnan (seconds) || seconds > G_MAXUINT / 1000)
    return relayctl_usage_error ("--timeout wants a positive number of seconds");
  watch.count = (guint) count;
  timeout.seconds = seconds;

  if (!(watch.client = relayctl_context_resume_client (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);
  watch.shown_params = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref,
                                              (GDestroyNotify) json_object_unref);
  devices = G_LIST_MODEL (ck_client_get_devices (watch.client));

  g_signal_connect (watch.client, "notify::state", G_CALLBACK (on_state_changed_cb), &watch);
  g_signal_connect (watch.client, "notify::next-attempt", G_CALLBACK (on_state_changed_cb), &watch);
  g_signal_connect (devices, "items-changed", G_CALLBACK (on_devices_changed_cb), &watch);
  sigint_id = g_unix_signal_add (SIGINT, on_signal_cb, &watch);
  sigterm_id = g_unix_signal_add (SIGTERM, on_signal_cb, &watch);
  if (seconds > 0)
    timeout.id = g_timeout_add ((guint) (seconds * 1000), on_watch_timeout_cb, &timeout);

  /* The global --timeout bounds the first connection only; after it, the
   * client reconnects by itself for as long as the watch lasts. */
  ck_client_connect_async (watch.client, ctx->cancellable, relayctl_async_done, &connected);
  relayctl_wait_or_stop (ctx, &connected, &watch.done);
  g_clear_handle_id (&ctx->deadline_id, g_source_remove);

  /* Unless the state event already said why (and ended the watch). */
  if (connected != NULL && !ck_client_connect_finish (watch.client, connected, &error) && !watch.done)
    stop (&watch, relayctl_fail (ctx, error, NULL));

  if (!watch.done)
    track_devices (&watch);

  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);

  g_clear_handle_id (&watch.state_idle_id, g_source_remove);
  g_clear_handle_id (&timeout.id, g_source_remove);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);
  g_signal_handlers_disconnect_by_data (watch.client, &watch);
  g_signal_handlers_disconnect_by_data (devices, &watch);
  g_hash_table_foreach (watch.shown_params, forget_device, &watch);
  g_hash_table_unref (watch.shown_params);
  /* An interrupted first connection must not leave its operation behind. */
  if (connected == NULL)
    {
      g_cancellable_cancel (ctx->cancellable);
      relayctl_wait (ctx, &connected);
    }
  g_object_unref (watch.client);

  return watch.status;
}

const RelayctlCommand relayctl_watch_commands[] = {
  { "watch", NULL,
    "Print the live connection's events as lines until interrupted.\n"
    "Connection state (connecting, online, reconnecting in N s, session taken,\n"
    "offline), devices going online or offline, and changed params, whether the\n"
    "device reported them or another session of the account set them. With\n"
    "--json, one object per line, each with its \"time\": {\"event\": \"state\",\n"
    "\"state\"[, \"next_attempt\", \"in_seconds\"]}, {\"event\": \"online\", \"id\",\n"
    "\"name\", \"online\"} or {\"event\": \"params\", \"id\", \"name\", \"params\"}.\n"
    "Ctrl-C (SIGINT) or SIGTERM ends it with exit status 0; a session taken by\n"
    "another sign-in with exit status 3. The global --timeout bounds only the\n"
    "first connection.",
    run_watch },
  { NULL }
};
