/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relayctl"

#include "relayctl-common.h"

static const char *
power_text (CkDevice *device)
{
  if (!ck_device_get_has_power (device))
    return "-";

  return ck_device_get_power (device) ? "on" : "off";
}

static void
build_device_json (JsonBuilder *builder,
                   CkDevice    *device)
{
  const char *model = ck_device_get_model (device);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, ck_device_get_id (device));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, ck_device_get_name (device));
  json_builder_set_member_name (builder, "uiid");
  json_builder_add_int_value (builder, ck_device_get_uiid (device));
  json_builder_set_member_name (builder, "online");
  json_builder_add_boolean_value (builder, ck_device_get_online (device));
  json_builder_set_member_name (builder, "power");
  if (ck_device_get_has_power (device))
    json_builder_add_boolean_value (builder, ck_device_get_power (device));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "model");
  if (model != NULL)
    json_builder_add_string_value (builder, model);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

/* Pads by characters, not bytes, so UTF-8 names line up. */
static void
append_cell (GString    *line,
             const char *text,
             glong       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_string_append (line, text);
  for (glong i = length; i < width + 2; i++)
    g_string_append_c (line, ' ');
}

enum { COLUMN_NAME, COLUMN_ID, COLUMN_UIID, COLUMN_MODEL, COLUMN_ONLINE, COLUMN_POWER, N_COLUMNS };

static void
print_device_table (GListModel *devices)
{
  static const char *const headings[N_COLUMNS] = { "NAME", "ID", "UIID", "MODEL", "ONLINE", "POWER" };
  guint n_devices = g_list_model_get_n_items (devices);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  glong widths[N_COLUMNS];

  g_ptr_array_add (rows, g_strdupv ((char **) headings));

  for (guint i = 0; i < n_devices; i++)
    {
      g_autoptr(CkDevice) device = g_list_model_get_item (devices, i);
      const char *model = ck_device_get_model (device);
      char **row = g_new0 (char *, N_COLUMNS + 1);

      row[COLUMN_NAME] = g_strdup (ck_device_get_name (device));
      row[COLUMN_ID] = g_strdup (ck_device_get_id (device));
      row[COLUMN_UIID] = g_strdup_printf ("%d", ck_device_get_uiid (device));
      row[COLUMN_MODEL] = g_strdup (model != NULL ? model : "-");
      row[COLUMN_ONLINE] = g_strdup (ck_device_get_online (device) ? "yes" : "no");
      row[COLUMN_POWER] = g_strdup (power_text (device));
      g_ptr_array_add (rows, row);
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      widths[c] = 0;
      for (guint r = 0; r < rows->len; r++)
        widths[c] = MAX (widths[c], g_utf8_strlen (((char **) rows->pdata[r])[c], -1));
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = rows->pdata[r];
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < N_COLUMNS; c++)
        append_cell (line, row[c], widths[c]);
      g_strchomp (line->str);
      g_print ("%s\n", line->str);
    }
}

static int
run_devices (RelayctlContext        *ctx,
             const RelayctlCommand  *command,
             int                     argc,
             char                  **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *devices;

  if (!relayctl_parse_command (ctx, command, NULL, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  if (argc > 1)
    return relayctl_usage_error ("devices takes no arguments");

  if (!(client = relayctl_context_resume_client (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_client_refresh_async (client, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!ck_client_refresh_finish (client, result, &error))
    return relayctl_fail (ctx, error, NULL);

  devices = G_LIST_MODEL (ck_client_get_devices (client));

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      guint n_devices = g_list_model_get_n_items (devices);

      json_builder_begin_array (builder);
      for (guint i = 0; i < n_devices; i++)
        {
          g_autoptr(CkDevice) device = g_list_model_get_item (devices, i);

          build_device_json (builder, device);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      relayctl_print_json (root);
    }
  else
    {
      print_device_table (devices);
    }

  if (!relayctl_context_save_session (ctx, &error))
    return relayctl_fail (ctx, error, NULL);

  return RELAYCTL_EXIT_OK;
}

typedef enum
{
  POWER_ON,
  POWER_OFF,
  POWER_TOGGLE,
} PowerAction;

/* on, off and toggle: resume, connect (device list, dispatch, socket), send, wait for the ack. */
static int
run_power_command (RelayctlContext        *ctx,
                   const RelayctlCommand  *command,
                   int                     argc,
                   char                  **argv,
                   PowerAction             action)
{
  g_autoptr(GAsyncResult) connected = NULL;
  g_autoptr(GAsyncResult) acked = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(GError) error = NULL;
  const char *target;
  CkDevice *device;
  gboolean on;

  if (!relayctl_parse_command (ctx, command, NULL, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  if (argc != 2)
    return relayctl_usage_error ("%s takes one DEVICE (an id or an exact name)", command->name);
  target = argv[1];

  if (!(client = relayctl_context_resume_client (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_client_connect_async (client, ctx->cancellable, relayctl_async_done, &connected);
  relayctl_wait (ctx, &connected);
  if (!ck_client_connect_finish (client, connected, &error))
    return relayctl_fail (ctx, error, NULL);

  device = ck_device_list_find (ck_client_get_devices (client), target);
  if (device == NULL)
    {
      g_set_error (&error, CK_ERROR, CK_ERROR_NOT_FOUND,
                   "no device with the id or name “%s” (see relayctl devices)", target);
      return relayctl_fail (ctx, error, NULL);
    }

  if (!ck_device_get_has_power (device))
    {
      g_set_error (&error, CK_ERROR, CK_ERROR_FAILED,
                   "%s has no on/off control", ck_device_get_name (device));
      return relayctl_fail (ctx, error, NULL);
    }

  if (action == POWER_TOGGLE)
    on = !ck_device_get_power (device);
  else
    on = action == POWER_ON;

  /* Sent even when the list says offline: the cloud's answer is the truth. */
  ck_client_set_power_async (client, device, on, ctx->cancellable, relayctl_async_done, &acked);
  relayctl_wait (ctx, &acked);
  if (!ck_client_set_power_finish (client, acked, &error))
    return relayctl_fail (ctx, error, ck_device_get_name (device));

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      build_device_json (builder, device);
      root = json_builder_get_root (builder);
      relayctl_print_json (root);
    }
  else
    {
      g_print ("%s is now %s.\n", ck_device_get_name (device), power_text (device));
    }

  if (!relayctl_context_save_session (ctx, &error))
    return relayctl_fail (ctx, error, NULL);

  return RELAYCTL_EXIT_OK;
}

static int
run_on (RelayctlContext        *ctx,
        const RelayctlCommand  *command,
        int                     argc,
        char                  **argv)
{
  return run_power_command (ctx, command, argc, argv, POWER_ON);
}

static int
run_off (RelayctlContext        *ctx,
         const RelayctlCommand  *command,
         int                     argc,
         char                  **argv)
{
  return run_power_command (ctx, command, argc, argv, POWER_OFF);
}

static int
run_toggle (RelayctlContext        *ctx,
            const RelayctlCommand  *command,
            int                     argc,
            char                  **argv)
{
  return run_power_command (ctx, command, argc, argv, POWER_TOGGLE);
}

const RelayctlCommand relayctl_devices_commands[] = {
  { "devices", NULL, "List the account's devices: name, id, UIID, model, online, power.", run_devices },
  { "on", "DEVICE", "Switch DEVICE (an id or an exact name) on and wait for its answer.", run_on },
  { "off", "DEVICE", "Switch DEVICE (an id or an exact name) off and wait for its answer.", run_off },
  { "toggle", "DEVICE", "Switch DEVICE (an id or an exact name) to the opposite state.", run_toggle },
  { NULL }
};
