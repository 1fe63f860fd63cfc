/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relayctl"

/* A device's raw params: query and set over the live connection (spec
 * §4.6, §4.8), status and set --http over REST (spec §3.18). */

#include <string.h>

#include "relayctl-common.h"

/* {"id", "name", "params"} or the params as key=value lines. */
static int
report_params (RelayctlContext *ctx,
               CkDevice        *device,
               JsonObject      *params)
{
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      relayctl_json_add_device (builder, device);
      json_builder_set_member_name (builder, "params");
      json_builder_add_value (builder, json_node_init_object (json_node_alloc (), params));
      json_builder_end_object (builder);
      relayctl_print_built_json (builder);
    }
  else
    {
      relayctl_print_params (params);
    }

  return RELAYCTL_EXIT_OK;
}

/* The PARAM… arguments after DEVICE, or NULL for all of them. */
static const char * const *
listed_params (int    argc,
               char **argv)
{
  return argc > 2 ? (const char * const *) argv + 2 : NULL;
}

static int
run_query (RelayctlContext        *ctx,
           const RelayctlCommand  *command,
           int                     argc,
           char                  **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(JsonObject) params = NULL;
  g_autoptr(GError) error = NULL;
  CkDevice *device;

  if (!relayctl_parse_command (ctx, command, NULL, 1, -1, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;

  if (!(client = relayctl_context_connect (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);
  if (!(device = relayctl_find_device (client, argv[1], &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_client_query_async (client, device, listed_params (argc, argv), ctx->cancellable,
                         relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!(params = ck_client_query_finish (client, result, &error)))
    return relayctl_fail (ctx, error, device);

  return report_params (ctx, device, params);
}

static int
run_status (RelayctlContext        *ctx,
            const RelayctlCommand  *command,
            int                     argc,
            char                  **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkDevice) device = NULL;
  g_autoptr(JsonObject) params = NULL;
  g_autoptr(GError) error = NULL;

  if (!relayctl_parse_command (ctx, command, NULL, 1, -1, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;

  if (!(device = relayctl_context_fetch_device (ctx, argv[1], &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_api_get_device_status_async (ctx->api, ck_device_get_id (device), listed_params (argc, argv),
                                  ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!(params = ck_api_get_device_status_finish (ctx->api, result, &error)))
    return relayctl_fail (ctx, error, device);

  return report_params (ctx, device, params);
}

/* KEY=VALUE… into one params object; a usage error (printed) and NULL on misuse. */
static JsonObject *
parse_assignments (const char * const *assignments)
{
  g_autoptr(JsonObject) params = json_object_new ();

  for (gsize i = 0; assignments[i] != NULL; i++)
    {
      const char *equals = strchr (assignments[i], '=');
      g_autofree char *key = NULL;

      if (equals == NULL || equals == assignments[i])
        {
          relayctl_usage_error ("“%s” is not KEY=VALUE (see relayctl set --help)", assignments[i]);
          return NULL;
        }

      key = g_strndup (assignments[i], (gsize) (equals - assignments[i]));
      if (json_object_has_member (params, key))
        {
          relayctl_usage_error ("%s is given twice", key);
          return NULL;
        }
      json_object_set_member (params, key, relayctl_parse_param_value (equals + 1));
    }

  return g_steal_pointer (&params);
}

/* Sends @params through the live connection and waits for the device's ack. */
static gboolean
set_over_socket (RelayctlContext  *ctx,
                 const char       *target,
                 JsonObject       *params,
                 CkDevice        **device_out,
                 GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkClient) client = NULL;
  CkDevice *device;

  if (!(client = relayctl_context_connect (ctx, error)))
    return FALSE;
  if (!(device = relayctl_find_device (client, target, error)))
    return FALSE;
  *device_out = g_object_ref (device);

  ck_client_update_async (client, device, params, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);

  return ck_client_update_finish (client, result, error);
}

/* The same through POST /api/user/device/status. */
static gboolean
set_over_http (RelayctlContext  *ctx,
               const char       *target,
               JsonObject       *params,
               CkDevice        **device_out,
               GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (!(*device_out = relayctl_context_fetch_device (ctx, target, error)))
    return FALSE;

  ck_api_set_device_status_async (ctx->api, ck_device_get_id (*device_out), params, ctx->cancellable,
                                  relayctl_async_done, &result);
  relayctl_wait (ctx, &result);

  return ck_api_set_device_status_finish (ctx->api, result, error);
}

static int
run_set (RelayctlContext        *ctx,
         const RelayctlCommand  *command,
         int                     argc,
         char                  **argv)
{
  gboolean http = FALSE;
  const GOptionEntry entries[] = {
    { "http", 0, 0, G_OPTION_ARG_NONE, &http,
      "Send through HTTP (POST /api/user/device/status) instead of the live connection", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(JsonObject) params = NULL;
  g_autoptr(CkDevice) device = NULL;
  g_autoptr(GError) error = NULL;
  gboolean sent;

  if (!relayctl_parse_command (ctx, command, entries, 2, -1, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  if (!(params = parse_assignments ((const char * const *) argv + 2)))
    return RELAYCTL_EXIT_USAGE;

  if (http)
    sent = set_over_http (ctx, argv[1], params, &device, &error);
  else
    sent = set_over_socket (ctx, argv[1], params, &device, &error);

  if (!sent)
    return relayctl_fail (ctx, error, device);

  if (ctx->json)
    return report_params (ctx, device, params);

  {
    g_autofree char *line = relayctl_format_params_line (params);

    g_print ("%s acknowledged %s\n", ck_device_get_name (device), line);
  }

  return RELAYCTL_EXIT_OK;
}

const RelayctlCommand relayctl_live_commands[] = {
  { "query", "DEVICE [PARAM…]",
    "Ask DEVICE for its params over the live connection.\n"
    "All of them, or the PARAMs listed. Prints KEY=VALUE lines (a string as it\n"
    "is, quoted when it would read as JSON; anything else as JSON), or\n"
    "{\"id\", \"name\", \"params\"} with --json.",
    run_query },
  { "set", "DEVICE KEY=VALUE…",
    "Send raw params to DEVICE and wait for its answer.\n"
    "Each VALUE is read as JSON when it parses (40, true, [..], {..}, \"40\"),\n"
    "else as a string: switch=on, brightness=40,\n"
    "'switches=[{\"switch\":\"off\",\"outlet\":1}]'. --http sends them through\n"
    "POST /api/user/device/status instead of the live connection. A value the\n"
    "device refuses fails with its reason (exit status 1).",
    run_set },
  { "status", "DEVICE [PARAM…]",
    "Show the params the cloud stores for DEVICE, over HTTP.\n"
    "GET /api/user/device/status: all of them, or the PARAMs listed. Output as\n"
    "for query.",
    run_status },
  { NULL }
};
