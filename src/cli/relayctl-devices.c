/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relayctl"

/* Devices: devices, show, add, add-gsm, rm, rename, channel-names
 * (spec §3.8–3.14) and on/off/toggle over the live connection. */

#include <string.h>

#include "relayctl-common.h"

static const char *
power_text (CkDevice *device)
{
  if (!ck_device_get_has_power (device))
    return "-";

  return ck_device_get_power (device) ? "on" : "off";
}

/* The members `devices --json` gives each device but "power". */
static void
add_identity_members (JsonBuilder *builder,
                      CkDevice    *device)
{
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, ck_device_get_id (device));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, ck_device_get_name (device));
  json_builder_set_member_name (builder, "uiid");
  json_builder_add_int_value (builder, ck_device_get_uiid (device));
  json_builder_set_member_name (builder, "online");
  json_builder_add_boolean_value (builder, ck_device_get_online (device));
  relayctl_json_add_string (builder, "model", ck_device_get_model (device));
}

/* The members `devices --json` gives each device. */
static void
add_device_members (JsonBuilder *builder,
                    CkDevice    *device)
{
  add_identity_members (builder, device);
  json_builder_set_member_name (builder, "power");
  if (ck_device_get_has_power (device))
    json_builder_add_boolean_value (builder, ck_device_get_power (device));
  else
    json_builder_add_null_value (builder);
}

static void
build_device_json (JsonBuilder *builder,
                   CkDevice    *device)
{
  json_builder_begin_object (builder);
  add_device_members (builder, device);
  json_builder_end_object (builder);
}

enum { COLUMN_NAME, COLUMN_ID, COLUMN_UIID, COLUMN_MODEL, COLUMN_ONLINE, COLUMN_POWER, N_COLUMNS };

static void
print_device_table (GListModel *devices)
{
  static const char *const headings[N_COLUMNS + 1] = { "NAME", "ID", "UIID", "MODEL", "ONLINE", "POWER", NULL };
  guint n_devices = g_list_model_get_n_items (devices);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

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

  relayctl_print_table (headings, rows);
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

  if (!relayctl_parse_command (ctx, command, NULL, 0, 0, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;

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

  return RELAYCTL_EXIT_OK;
}

typedef enum
{
  POWER_ON,
  POWER_OFF,
  POWER_TOGGLE,
} PowerAction;

/* on, off and toggle, of the whole device or of --channel N: resume,
 * connect (device list, dispatch, socket), send, wait for the ack. */
static int
run_power_command (RelayctlContext        *ctx,
                   const RelayctlCommand  *command,
                   int                     argc,
                   char                  **argv,
                   PowerAction             action)
{
  gint channel_number = 0;
  const GOptionEntry entries[] = {
    RELAYCTL_CHANNEL_ENTRY (&channel_number),
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GAsyncResult) acked = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  const char *target;
  CkDevice *device;
  gint channel;
  gboolean on;
  gboolean done;

  if (!relayctl_parse_command (ctx, command, entries, 1, 1, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  target = argv[1];
  if (channel_number < 0)
    return relayctl_usage_error ("--channel wants 1 or more, not %d", channel_number);

  if (!(client = relayctl_context_connect (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  if (!(device = relayctl_find_device (client, target, &error)))
    return relayctl_fail (ctx, error, NULL);

  if (!relayctl_resolve_channel (device, channel_number, &channel))
    return RELAYCTL_EXIT_USAGE;

  if (channel < 0 && !ck_device_get_has_power (device))
    {
      g_set_error (&error, CK_ERROR, CK_ERROR_NOT_SUPPORTED,
                   "%s has no on/off control", ck_device_get_name (device));
      return relayctl_fail (ctx, error, NULL);
    }

  if (action == POWER_TOGGLE)
    on = channel >= 0 ? !ck_device_get_channel (device, (guint) channel) : !ck_device_get_power (device);
  else
    on = action == POWER_ON;

  /* Sent even when the list says offline: the cloud's answer is the truth. */
  if (channel >= 0)
    {
      ck_client_set_channel_async (client, device, (guint) channel, on, ctx->cancellable,
                                   relayctl_async_done, &acked);
      relayctl_wait (ctx, &acked);
      done = ck_client_set_channel_finish (client, acked, &error);
    }
  else
    {
      ck_client_set_power_async (client, device, on, ctx->cancellable, relayctl_async_done, &acked);
      relayctl_wait (ctx, &acked);
      done = ck_client_set_power_finish (client, acked, &error);
    }
  if (!done)
    return relayctl_fail (ctx, error, ck_device_get_name (device));

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_identity_members (builder, device);
      relayctl_json_add_state (builder, device);
      json_builder_end_object (builder);
      relayctl_print_built_json (builder);
    }
  else if (channel >= 0)
    {
      what = relayctl_describe_channel (device, (guint) channel);
      g_print ("%s: %s is now %s.\n", ck_device_get_name (device), what,
               ck_device_get_channel (device, (guint) channel) ? "on" : "off");
    }
  else
    {
      g_print ("%s is now %s.\n", ck_device_get_name (device), power_text (device));
    }

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

/* ---- One device: show, add, add-gsm, rm, rename, channel-names ------- */

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Who shared the device with this account, or NULL for one's own. */
static const char *
get_shared_by (JsonObject *object)
{
  JsonObject *shared_by = get_object (object, "sharedBy");
  const char *identity;

  if (shared_by == NULL)
    return NULL;

  identity = relayctl_json_get_string (shared_by, "email");
  if (identity == NULL)
    identity = relayctl_json_get_string (shared_by, "phoneNumber");

  return identity != NULL ? identity : "another account";
}

/* One device as `show --json` gives it: the members of `devices --json`
 * and the details. Never the device's factory key (`devicekey`) or the
 * owner's apikey. */
static void
build_device_details_json (JsonBuilder *builder,
                           CkDevice    *device,
                           JsonObject  *object)
{
  JsonObject *params = ck_device_get_params (device);
  JsonObject *tags = get_object (object, "tags");
  JsonObject *channel_names = get_object (tags, "ck_channel_name");
  JsonArray *groups = get_array (object, "groups");

  json_builder_begin_object (builder);
  add_identity_members (builder, device);
  relayctl_json_add_state (builder, device);
  relayctl_json_add_string (builder, "product_model", relayctl_json_get_string (object, "productModel"));
  relayctl_json_add_string (builder, "brand", relayctl_json_get_string (object, "brandName"));
  relayctl_json_add_string (builder, "firmware", relayctl_json_get_string (params, "fwVersion"));
  relayctl_json_add_string (builder, "shared_by", get_shared_by (object));

  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint i = 0; groups != NULL && i < json_array_get_length (groups); i++)
    {
      JsonNode *group = json_array_get_element (groups, i);

      if (JSON_NODE_HOLDS_VALUE (group) && json_node_get_value_type (group) == G_TYPE_STRING)
        json_builder_add_string_value (builder, json_node_get_string (group));
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "channel_names");
  if (channel_names != NULL)
    json_builder_add_value (builder, json_node_init_object (json_node_alloc (), channel_names));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "params");
  if (params != NULL)
    json_builder_add_value (builder, json_node_init_object (json_node_alloc (), params));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
print_device_details (CkDevice   *device,
                      JsonObject *object)
{
  JsonObject *params = ck_device_get_params (device);
  JsonArray *groups = get_array (object, "groups");
  const char *model = ck_device_get_model (device);
  g_autofree char *model_text = g_strdup_printf ("%s, UIID %d", model != NULL ? model : "unknown model",
                                                 ck_device_get_uiid (device));

  g_print ("%s (%s)\n", ck_device_get_name (device), ck_device_get_id (device));
  relayctl_print_field ("Model:", model_text);
  relayctl_print_field ("Product:", relayctl_json_get_string (object, "productModel"));
  relayctl_print_field ("Firmware:", relayctl_json_get_string (params, "fwVersion"));
  relayctl_print_field ("Online:", ck_device_get_online (device) ? "yes" : "no");

  if (groups != NULL && json_array_get_length (groups) > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (groups); i++)
        {
          JsonNode *group = json_array_get_element (groups, i);

          if (JSON_NODE_HOLDS_VALUE (group) && json_node_get_value_type (group) == G_TYPE_STRING)
            g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", json_node_get_string (group));
        }
      relayctl_print_field ("Groups:", text->str);
    }

  relayctl_print_field ("Shared by:", get_shared_by (object));
  relayctl_print_state (device);
}

/* Prints a device object the cloud returned (show, add, add-gsm); @done
 * (nullable) is the text line before it. Returns the exit code. */
static int
report_device (RelayctlContext *ctx,
               JsonObject      *object,
               const char      *done)
{
  g_autoptr(CkDevice) device = NULL;
  g_autoptr(GError) error = NULL;

  if (!(device = ck_device_new_from_json (object, &error)))
    return relayctl_fail (ctx, error, NULL);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      build_device_details_json (builder, device, object);
      relayctl_print_built_json (builder);
    }
  else
    {
      if (done != NULL)
        g_print ("%s\n", done);
      print_device_details (device, object);
    }

  return RELAYCTL_EXIT_OK;
}

static int
run_show (RelayctlContext        *ctx,
          const RelayctlCommand  *command,
          int                     argc,
          char                  **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkDevice) device = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;

  if (!relayctl_parse_command (ctx, command, NULL, 1, 1, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;

  if (!(device = relayctl_context_fetch_device (ctx, argv[1], &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_api_get_device_async (ctx->api, ck_device_get_id (device), ctx->cancellable,
                           relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!(object = ck_api_get_device_finish (ctx->api, result, &error)))
    return relayctl_fail (ctx, error, ck_device_get_name (device));

  return report_device (ctx, object, NULL);
}

/* The factory apikey of a device to add: a device secret, never from argv. */
static char *
read_factory_apikey (RelayctlContext  *ctx,
                     GError          **error)
{
  return relayctl_read_secret (ctx, "RELAY_DEVICE_APIKEY", "Device apikey: ", error);
}

static int
run_add (RelayctlContext        *ctx,
         const RelayctlCommand  *command,
         int                     argc,
         char                  **argv)
{
  g_autofree char *device_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *chip_id = NULL;
  const GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &device_id, "The device id from pairing, e.g. 1000a1b2c3", "DEVICEID" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "The name to show", "NAME" },
    { "chip-id", 0, 0, G_OPTION_ARG_STRING, &chip_id, "The chip id from pairing (optional)", "CHIPID" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayctlSecret) apikey = NULL;
  g_autofree char *done = NULL;
  CkApi *api;

  if (!relayctl_parse_command (ctx, command, entries, 0, 0, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  if (device_id == NULL || *device_id == '\0' || name == NULL || *name == '\0')
    return relayctl_usage_error ("add needs --id DEVICEID and --name NAME");

  if (!(api = relayctl_context_resume_api (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);
  if (!(apikey = read_factory_apikey (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_api_add_device_async (api, device_id, apikey, name, chip_id, ctx->cancellable,
                           relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!(object = ck_api_add_device_finish (api, result, &error)))
    return relayctl_fail (ctx, error, NULL);

  done = g_strdup_printf ("Added %s (%s).", name, device_id);

  return report_device (ctx, object, done);
}

static gboolean
is_gsm_id (const char *text)
{
  gsize length = strlen (text);

  if (length != 32)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;

  return TRUE;
}

static int
run_add_gsm (RelayctlContext        *ctx,
             const RelayctlCommand  *command,
             int                     argc,
             char                  **argv)
{
  g_autofree char *device_id = NULL;
  g_autofree char *gsm_id = NULL;
  g_autofree char *name = NULL;
  const GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &device_id,
      "The device id; its factory apikey then comes from RELAY_DEVICE_APIKEY or stdin", "DEVICEID" },
    { "gsm-id", 0, 0, G_OPTION_ARG_STRING, &gsm_id,
      "Instead of --id: the 32-hex gsmId printed on the device", "HEX" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "The name to show", "NAME" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  CkApi *api;

  if (!relayctl_parse_command (ctx, command, entries, 0, 0, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  if ((device_id == NULL) == (gsm_id == NULL) || name == NULL || *name == '\0')
    return relayctl_usage_error ("add-gsm needs --name NAME and either --id DEVICEID or --gsm-id HEX");
  if (gsm_id != NULL && !is_gsm_id (gsm_id))
    return relayctl_usage_error ("--gsm-id wants 32 hexadecimal digits");

  if (!(api = relayctl_context_resume_api (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  if (device_id != NULL)
    {
      g_autoptr(RelayctlSecret) apikey = NULL;

      if (!(apikey = read_factory_apikey (ctx, &error)))
        return relayctl_fail (ctx, error, NULL);
      gsm_id = ck_api_compute_gsm_id (device_id, apikey);
    }
  else
    {
      /* The gsmId is lowercase hex (spec §3.11). */
      char *lower = g_ascii_strdown (gsm_id, -1);

      g_free (gsm_id);
      gsm_id = lower;
    }

  ck_api_add_gsm_device_async (api, gsm_id, name, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!(object = ck_api_add_gsm_device_finish (api, result, &error)))
    return relayctl_fail (ctx, error, NULL);

  done = g_strdup_printf ("Added %s (%s).", name, relayctl_json_get_string (object, "deviceid"));

  return report_device (ctx, object, done);
}

/* Prints {"id": …, "name": …, <member>: true} or @text. */
static void
report_change (RelayctlContext *ctx,
               const char      *device_id,
               const char      *name,
               const char      *member,
               const char      *text)
{
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      relayctl_json_add_string (builder, "id", device_id);
      relayctl_json_add_string (builder, "name", name);
      json_builder_set_member_name (builder, member);
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
      relayctl_print_built_json (builder);
    }
  else
    {
      g_print ("%s\n", text);
    }
}

static int
run_rm (RelayctlContext        *ctx,
        const RelayctlCommand  *command,
        int                     argc,
        char                  **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkDevice) device = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!relayctl_parse_command (ctx, command, NULL, 1, 1, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;

  if (!(device = relayctl_context_fetch_device (ctx, argv[1], &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_api_delete_device_async (ctx->api, ck_device_get_id (device), ctx->cancellable,
                              relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!ck_api_delete_device_finish (ctx->api, result, &error))
    return relayctl_fail (ctx, error, ck_device_get_name (device));

  text = g_strdup_printf ("Removed %s (%s) from the account.", ck_device_get_name (device),
                          ck_device_get_id (device));
  report_change (ctx, ck_device_get_id (device), ck_device_get_name (device), "removed", text);

  return RELAYCTL_EXIT_OK;
}

static int
run_rename (RelayctlContext        *ctx,
            const RelayctlCommand  *command,
            int                     argc,
            char                  **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkDevice) device = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *new_name;

  if (!relayctl_parse_command (ctx, command, NULL, 2, 2, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  new_name = argv[2];
  if (*new_name == '\0')
    return relayctl_usage_error ("the new name must not be empty");

  if (!(device = relayctl_context_fetch_device (ctx, argv[1], &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_api_rename_device_async (ctx->api, ck_device_get_id (device), new_name, ctx->cancellable,
                              relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!ck_api_rename_device_finish (ctx->api, result, &error))
    return relayctl_fail (ctx, error, ck_device_get_name (device));

  text = g_strdup_printf ("Renamed %s to %s.", ck_device_get_name (device), new_name);
  report_change (ctx, ck_device_get_id (device), new_name, "renamed", text);

  return RELAYCTL_EXIT_OK;
}

static int
run_channel_names (RelayctlContext        *ctx,
                   const RelayctlCommand  *command,
                   int                     argc,
                   char                  **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkDevice) device = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *names;

  if (!relayctl_parse_command (ctx, command, NULL, 2, -1, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  names = (const char * const *) argv + 2;

  if (!(device = relayctl_context_fetch_device (ctx, argv[1], &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_api_set_channel_names_async (ctx->api, ck_device_get_id (device), names, ctx->cancellable,
                                  relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!ck_api_set_channel_names_finish (ctx->api, result, &error))
    return relayctl_fail (ctx, error, ck_device_get_name (device));

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      relayctl_json_add_string (builder, "id", ck_device_get_id (device));
      relayctl_json_add_string (builder, "name", ck_device_get_name (device));
      json_builder_set_member_name (builder, "channel_names");
      json_builder_begin_object (builder);
      for (int i = 0; names[i] != NULL; i++)
        {
          char key[12];

          g_snprintf (key, sizeof key, "%d", i);
          relayctl_json_add_string (builder, key, names[i]);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      relayctl_print_built_json (builder);
    }
  else
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) names);

      g_print ("The channels of %s are now named: %s.\n", ck_device_get_name (device), joined);
    }

  return RELAYCTL_EXIT_OK;
}

const RelayctlCommand relayctl_devices_commands[] = {
  { "devices", NULL, "List the account's devices: name, id, UIID, model, online, power.", run_devices },
  { "show", "DEVICE",
    "Show one device: model, firmware, online, groups, and its state in user\n"
    "terms: family, power, channels, brightness, colour temperature, colour, fan\n"
    "speed, readings, contact, cover, and the params no control reads (read-only).",
    run_show },
  { "add", NULL,
    "Add a paired Wi-Fi device to the account: --id DEVICEID --name NAME.\n"
    "Its factory apikey (a device secret) comes from RELAY_DEVICE_APIKEY or, if\n"
    "unset, one line on stdin.",
    run_add },
  { "add-gsm", NULL,
    "Add a GSM device: --name NAME with --id DEVICEID or --gsm-id HEX.\n"
    "With --id, its factory apikey comes from RELAY_DEVICE_APIKEY or, if unset,\n"
    "one line on stdin, and the gsmId is computed from both.",
    run_add_gsm },
  { "rm", "DEVICE", "Remove DEVICE from the account (its owner only).", run_rm },
  { "rename", "DEVICE NEW-NAME", "Rename DEVICE (its owner only).", run_rename },
  { "channel-names", "DEVICE NAME…",
    "Name the channels of DEVICE, the first NAME for channel 1 (its owner only).\n"
    "The names replace the previous ones.",
    run_channel_names },
  { "on", "DEVICE", "Switch DEVICE (or --channel N of it) on and wait for its answer.", run_on },
  { "off", "DEVICE", "Switch DEVICE (or --channel N of it) off and wait for its answer.", run_off },
  { "toggle", "DEVICE", "Switch DEVICE (or --channel N of it) to the opposite state.", run_toggle },
  { NULL }
};
