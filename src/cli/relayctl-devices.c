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
  relayctl_json_add_device (builder, device);
  relayctl_json_add_int (builder, "uiid", ck_device_get_uiid (device));
  relayctl_json_add_boolean (builder, "online", ck_device_get_online (device));
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
  g_autoptr(CkClient) client = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *devices;

  if (!relayctl_parse_command (ctx, command, NULL, 0, 0, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;

  if (!(client = relayctl_context_fetch_devices (ctx, &error)))
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

/* on, off and toggle (the PowerAction in the command's data), of the whole
 * device or of --channel N: resume, connect (device list, dispatch,
 * socket), send, wait for the ack. */
static int
run_power (RelayctlContext        *ctx,
           const RelayctlCommand  *command,
           int                     argc,
           char                  **argv)
{
  PowerAction action = GPOINTER_TO_INT (command->data);
  gint channel_number = 0;
  const GOptionEntry entries[] = {
    RELAYCTL_CHANNEL_ENTRY (&channel_number),
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GAsyncResult) acked = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
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
    return relayctl_fail (ctx, error, device);

  json_builder_begin_object (builder);
  add_identity_members (builder, device);
  relayctl_json_add_state (builder, device);
  json_builder_end_object (builder);

  if (channel < 0)
    return relayctl_print_result (ctx, builder, "%s is now %s.", ck_device_get_name (device), power_text (device));

  what = relayctl_describe_channel (device, (guint) channel);

  return relayctl_print_result (ctx, builder, "%s: %s is now %s.", ck_device_get_name (device), what,
                                ck_device_get_channel (device, (guint) channel) ? "on" : "off");
}

/* ---- One device: show, add, add-gsm, rm, rename, channel-names ------- */

/* tags.ck_channel_name as the cloud keys it ("0" for channel 1), or NULL. */
static JsonObject *
get_channel_names (CkDevice *device)
{
  JsonObject *tags = ck_device_get_tags (device);
  JsonNode *node = tags != NULL ? json_object_get_member (tags, "ck_channel_name") : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* "channel_names": that object, or null. */
static void
add_channel_names_member (JsonBuilder *builder,
                          CkDevice    *device)
{
  JsonObject *names = get_channel_names (device);

  json_builder_set_member_name (builder, "channel_names");
  if (names != NULL)
    json_builder_add_value (builder, json_node_init_object (json_node_alloc (), names));
  else
    json_builder_add_null_value (builder);
}

/* Who shared the device with this account, or NULL for one's own. */
static const char *
get_shared_by (CkDevice *device)
{
  CkShare *shared_by = ck_device_get_shared_by (device);
  const char *identity;

  if (shared_by == NULL)
    return NULL;

  identity = ck_share_get_identity (shared_by);

  return identity != NULL ? identity : "another account";
}

/* "weak" … "excellent", or NULL when the device reports no rssi. */
static const char *
get_signal_word (CkDevice *device)
{
  if (ck_device_get_rssi (device) == 0)
    return NULL;
  return ck_signal_strength_to_string (ck_device_get_signal_strength (device));
}

/* "-55 dBm (excellent)", or NULL when the device reports no rssi. */
static char *
describe_signal (CkDevice *device)
{
  if (ck_device_get_rssi (device) == 0)
    return NULL;
  return g_strdup_printf ("%d dBm (%s)", ck_device_get_rssi (device), get_signal_word (device));
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

  json_builder_begin_object (builder);
  add_identity_members (builder, device);
  relayctl_json_add_state (builder, device);
  relayctl_json_add_string (builder, "product_model", relayctl_json_get_string (object, "productModel"));
  relayctl_json_add_string (builder, "brand", relayctl_json_get_string (object, "brandName"));
  relayctl_json_add_string (builder, "firmware", ck_device_get_firmware_version (device));
  /* Device info (devices.md §2): null when the device does not report it. */
  json_builder_set_member_name (builder, "rssi");
  if (ck_device_get_rssi (device) != 0)
    json_builder_add_int_value (builder, ck_device_get_rssi (device));
  else
    json_builder_add_null_value (builder);
  relayctl_json_add_string (builder, "signal", get_signal_word (device));
  relayctl_json_add_string (builder, "mac", ck_device_get_mac (device));
  relayctl_json_add_string (builder, "shared_by", get_shared_by (device));

  relayctl_json_add_groups (builder, device);
  add_channel_names_member (builder, device);

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
  const char *model = ck_device_get_model (device);
  g_autofree char *model_text = g_strdup_printf ("%s, UIID %d", model != NULL ? model : "unknown model",
                                                 ck_device_get_uiid (device));
  g_autofree char *groups = g_strjoinv (", ", (char **) ck_device_get_groups (device));
  g_autofree char *signal = describe_signal (device);

  g_print ("%s (%s)\n", ck_device_get_name (device), ck_device_get_id (device));
  relayctl_print_field ("Model:", model_text);
  relayctl_print_field ("Product:", relayctl_json_get_string (object, "productModel"));
  relayctl_print_field ("Firmware:", ck_device_get_firmware_version (device));
  relayctl_print_field ("Signal:", signal);
  relayctl_print_field ("MAC:", ck_device_get_mac (device));
  relayctl_print_field ("Online:", ck_device_get_online (device) ? "yes" : "no");
  relayctl_print_field ("Groups:", groups);
  relayctl_print_field ("Shared by:", get_shared_by (device));
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
    return relayctl_fail (ctx, error, device);

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

/* The gsmId of a GSM device to add without its id: md5 (deviceid + factory
 * apikey), enough to claim the device, so a secret like that apikey. Lowercase
 * hex (spec §3.11); the sticker may print it in upper case. */
static char *
read_gsm_id (RelayctlContext  *ctx,
             GError          **error)
{
  g_autoptr(RelayctlSecret) gsm_id = NULL;

  if (!(gsm_id = relayctl_read_secret (ctx, "RELAY_GSM_ID", "Device gsmId: ", error)))
    return NULL;

  if (!is_gsm_id (gsm_id))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "the gsmId (RELAY_GSM_ID or stdin) wants 32 hexadecimal digits");
      return NULL;
    }

  return g_ascii_strdown (gsm_id, -1);
}

static int
run_add_gsm (RelayctlContext        *ctx,
             const RelayctlCommand  *command,
             int                     argc,
             char                  **argv)
{
  g_autofree char *device_id = NULL;
  g_autofree char *name = NULL;
  const GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &device_id,
      "The device id; its factory apikey then comes from RELAY_DEVICE_APIKEY or stdin", "DEVICEID" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "The name to show", "NAME" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayctlSecret) gsm_id = NULL;
  g_autofree char *done = NULL;
  const char *gsm_id_variable = g_getenv ("RELAY_GSM_ID");
  CkApi *api;

  if (!relayctl_parse_command (ctx, command, entries, 0, 0, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  if (name == NULL || *name == '\0')
    return relayctl_usage_error ("add-gsm needs --name NAME");
  if (device_id != NULL && gsm_id_variable != NULL && *gsm_id_variable != '\0')
    return relayctl_usage_error ("add-gsm takes either --id DEVICEID or RELAY_GSM_ID, not both");

  if (!(api = relayctl_context_resume_api (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  if (device_id != NULL)
    {
      g_autoptr(RelayctlSecret) apikey = NULL;

      if (!(apikey = read_factory_apikey (ctx, &error)))
        return relayctl_fail (ctx, error, NULL);
      gsm_id = ck_api_compute_gsm_id (device_id, apikey);
    }
  else if (!(gsm_id = read_gsm_id (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_api_add_gsm_device_async (api, gsm_id, name, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!(object = ck_api_add_gsm_device_finish (api, result, &error)))
    return relayctl_fail (ctx, error, NULL);

  done = g_strdup_printf ("Added %s (%s).", name, relayctl_json_get_string (object, "deviceid"));

  return report_device (ctx, object, done);
}

/* {"id": …, "name": …, <member>: true}, or @text. */
static int
report_change (RelayctlContext *ctx,
               CkDevice        *device,
               const char      *member,
               const char      *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  relayctl_json_add_device (builder, device);
  relayctl_json_add_boolean (builder, member, TRUE);
  json_builder_end_object (builder);

  return relayctl_print_result (ctx, builder, "%s", text);
}

static int
run_rm (RelayctlContext        *ctx,
        const RelayctlCommand  *command,
        int                     argc,
        char                  **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkDevice) device = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!relayctl_parse_command (ctx, command, NULL, 1, 1, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;

  if (!(client = relayctl_context_fetch_client_and_device (ctx, argv[1], &device, &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_client_delete_device_async (client, device, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!ck_client_delete_device_finish (client, result, &error))
    return relayctl_fail (ctx, error, device);

  text = g_strdup_printf ("Removed %s (%s) from the account.", ck_device_get_name (device),
                          ck_device_get_id (device));
  return report_change (ctx, device, "removed", text);
}

static int
run_rename (RelayctlContext        *ctx,
            const RelayctlCommand  *command,
            int                     argc,
            char                  **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkDevice) device = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *text = NULL;
  const char *new_name;

  if (!relayctl_parse_command (ctx, command, NULL, 2, 2, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  new_name = argv[2];
  if (*new_name == '\0')
    return relayctl_usage_error ("the new name must not be empty");

  if (!(client = relayctl_context_fetch_client_and_device (ctx, argv[1], &device, &error)))
    return relayctl_fail (ctx, error, NULL);
  old_name = g_strdup (ck_device_get_name (device));

  ck_client_rename_device_async (client, device, new_name, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!ck_client_rename_device_finish (client, result, &error))
    return relayctl_fail (ctx, error, device);

  text = g_strdup_printf ("Renamed %s to %s.", old_name, ck_device_get_name (device));
  return report_change (ctx, device, "renamed", text);
}

static int
run_channel_names (RelayctlContext        *ctx,
                   const RelayctlCommand  *command,
                   int                     argc,
                   char                  **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(CkDevice) device = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;
  const char * const *names;

  if (!relayctl_parse_command (ctx, command, NULL, 2, -1, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  names = (const char * const *) argv + 2;

  if (!(client = relayctl_context_fetch_client_and_device (ctx, argv[1], &device, &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_client_set_channel_names_async (client, device, names, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!ck_client_set_channel_names_finish (client, result, &error))
    return relayctl_fail (ctx, error, device);

  json_builder_begin_object (builder);
  relayctl_json_add_device (builder, device);
  add_channel_names_member (builder, device);
  json_builder_end_object (builder);
  joined = g_strjoinv (", ", (char **) names);

  return relayctl_print_result (ctx, builder, "The channels of %s are now named: %s.",
                                ck_device_get_name (device), joined);
}

const RelayctlCommand relayctl_devices_commands[] = {
  { "devices", NULL, "List the account's devices: name, id, UIID, model, online, power.", run_devices },
  { "show", "DEVICE",
    "Show one device: model, firmware, Wi-Fi signal and MAC, online, groups, and\n"
    "its state in user terms: family, power, channels, brightness, colour\n"
    "temperature, colour, fan speed, readings, contact, cover, and the params no\n"
    "control reads (read-only).",
    run_show },
  { "add", NULL,
    "Add a paired Wi-Fi device to the account: --id DEVICEID --name NAME.\n"
    "Its factory apikey (a device secret) comes from RELAY_DEVICE_APIKEY or, if\n"
    "unset, one line on stdin.",
    run_add },
  { "add-gsm", NULL,
    "Add a GSM device: --name NAME, and --id DEVICEID or its gsmId.\n"
    "With --id, its factory apikey comes from RELAY_DEVICE_APIKEY or, if unset,\n"
    "one line on stdin, and the gsmId is computed from both. Without --id, the\n"
    "32-hex gsmId printed on the device (it claims the device, so it is a secret\n"
    "too) comes from RELAY_GSM_ID or, if unset, one line on stdin.",
    run_add_gsm },
  { "rm", "DEVICE", "Remove DEVICE from the account (its owner only).", run_rm },
  { "rename", "DEVICE NEW-NAME", "Rename DEVICE (its owner only).", run_rename },
  { "channel-names", "DEVICE NAME…",
    "Name the channels of DEVICE, the first NAME for channel 1 (its owner only).\n"
    "The names replace the previous ones.",
    run_channel_names },
  { "on", "DEVICE", "Switch DEVICE (or --channel N of it) on and wait for its answer.", run_power,
    GINT_TO_POINTER (POWER_ON) },
  { "off", "DEVICE", "Switch DEVICE (or --channel N of it) off and wait for its answer.", run_power,
    GINT_TO_POINTER (POWER_OFF) },
  { "toggle", "DEVICE", "Switch DEVICE (or --channel N of it) to the opposite state.", run_power,
    GINT_TO_POINTER (POWER_TOGGLE) },
  { NULL }
};
