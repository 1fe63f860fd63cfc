/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relayctl"

/* Controls in user terms: brightness, ct, color and fan. Each value goes
 * through the device's catalog family in CkClient (pending, then confirmed
 * or rolled back); a value the family cannot take fails before anything is
 * sent. on/off/toggle --channel N live with the other power commands. */

#include <string.h>

#include "relayctl-common.h"

/* One typed control: how its VALUE reads, and the CkClient call that sends it. */
typedef struct
{
  /* Checks VALUE before connecting; FALSE (usage error printed) when it can never fit. */
  gboolean (*check_syntax)  (const char  *text);
  /* VALUE for this device; FALSE (usage error printed) when it does not fit it. */
  gboolean (*parse)         (CkDevice    *device,
                             const char  *text,
                             gint64      *value);
  void     (*send)          (CkClient            *client,
                             CkDevice            *device,
                             gint64               value,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
  gboolean (*finish)        (CkClient            *client,
                             GAsyncResult        *result,
                             GError             **error);
  /* The confirmed value as the text output's "NAME: <line>". */
  char    *(*describe)      (CkDevice    *device);
} Control;

/* Sends the VALUE (argv[2]) of the command's Control (its data) to DEVICE
 * (argv[1]) and prints the device's state once it answered. */
static int
run_control (RelayctlContext        *ctx,
             const RelayctlCommand  *command,
             int                     argc,
             char                  **argv)
{
  const Control *control = command->data;
  g_autoptr(GAsyncResult) acked = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(CkClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  CkDevice *device;
  gint64 value;

  if (!relayctl_parse_command (ctx, command, NULL, 2, 2, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  if (!control->check_syntax (argv[2]))
    return RELAYCTL_EXIT_USAGE;

  if (!(client = relayctl_context_connect (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);
  if (!(device = relayctl_find_device (client, argv[1], &error)))
    return relayctl_fail (ctx, error, NULL);
  if (!control->parse (device, argv[2], &value))
    return RELAYCTL_EXIT_USAGE;

  control->send (client, device, value, ctx->cancellable, relayctl_async_done, &acked);
  relayctl_wait (ctx, &acked);
  if (!control->finish (client, acked, &error))
    return relayctl_fail (ctx, error, device);

  json_builder_begin_object (builder);
  relayctl_json_add_device (builder, device);
  relayctl_json_add_state (builder, device);
  json_builder_end_object (builder);
  line = control->describe (device);

  return relayctl_print_result (ctx, builder, "%s: %s", ck_device_get_name (device), line);
}

/* ---- brightness -------------------------------------------------------- */

/* "40", "40%" or "40 %"; the range is the family's to judge. */
static gboolean
parse_percent (const char *text,
               gint64     *value)
{
  g_autofree char *number = g_strstrip (g_strdup (text));
  gsize length = strlen (number);

  if (length > 0 && number[length - 1] == '%')
    {
      number[length - 1] = '\0';
      g_strchomp (number);
    }

  return g_ascii_string_to_signed (number, 10, G_MININT, G_MAXINT, value, NULL);
}

static gboolean
check_brightness_syntax (const char *text)
{
  gint64 value;

  if (!parse_percent (text, &value))
    {
      relayctl_usage_error ("brightness wants a percentage such as 40 or 40%%, not “%s”", text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_brightness (CkDevice   *device,
                  const char *text,
                  gint64     *value)
{
  return parse_percent (text, value);
}

static void
send_brightness (CkClient            *client,
                 CkDevice            *device,
                 gint64               value,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  ck_client_set_brightness_async (client, device, (gint) value, cancellable, callback, user_data);
}

static char *
describe_brightness (CkDevice *device)
{
  return g_strdup_printf ("brightness %d %%", ck_device_get_brightness (device));
}

static const Control brightness_control = {
  check_brightness_syntax, parse_brightness, send_brightness, ck_client_set_brightness_finish,
  describe_brightness,
};

/* ---- ct ---------------------------------------------------------------- */

static gboolean
check_ct_syntax (const char *text)
{
  gint value;

  if (!ck_color_temperature_parse (text, CK_COLOR_TEMPERATURE_UNIT_KELVIN, &value)
      && !ck_color_temperature_parse (text, CK_COLOR_TEMPERATURE_UNIT_PERCENT, &value))
    {
      relayctl_usage_error ("ct wants kelvin such as 3000K, or a percentage from warm to cold "
                            "such as 30%%, not “%s”", text);
      return FALSE;
    }

  return TRUE;
}

/* In the device's unit: kelvin where its family knows the range, else percent. */
static gboolean
parse_ct (CkDevice   *device,
          const char *text,
          gint64     *value)
{
  CkColorTemperatureUnit unit = ck_device_get_color_temperature_unit (device);
  gint parsed = 0;

  /* Without the capability, the core's refusal says so better than a unit. */
  if (ck_device_has_capability (device, CK_CAPABILITY_COLOR_TEMPERATURE)
      && !ck_color_temperature_parse (text, unit, &parsed))
    {
      gint min, max;

      ck_device_get_color_temperature_range (device, &min, &max);
      if (unit == CK_COLOR_TEMPERATURE_UNIT_KELVIN)
        relayctl_usage_error ("%s takes its colour temperature in kelvin, %d K to %d K "
                              "(e.g. %dK), not “%s”", ck_device_get_name (device), min, max, min, text);
      else
        relayctl_usage_error ("%s takes its colour temperature as a percentage, 0%% warm to "
                              "100%% cold (e.g. 30%%), not “%s”", ck_device_get_name (device), text);
      return FALSE;
    }

  *value = parsed;

  return TRUE;
}

static void
send_ct (CkClient            *client,
         CkDevice            *device,
         gint64               value,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  ck_client_set_color_temperature_async (client, device, (gint) value, cancellable, callback, user_data);
}

static char *
describe_ct (CkDevice *device)
{
  g_autofree char *value = ck_color_temperature_to_string (ck_device_get_color_temperature (device),
                                                           ck_device_get_color_temperature_unit (device));

  return g_strdup_printf ("colour temperature %s", value);
}

static const Control ct_control = {
  check_ct_syntax, parse_ct, send_ct, ck_client_set_color_temperature_finish, describe_ct,
};

/* ---- color ------------------------------------------------------------- */

static gboolean
check_color_syntax (const char *text)
{
  guint32 rgb;

  if (!ck_color_parse (text, &rgb))
    {
      relayctl_usage_error ("color wants #RRGGBB, RRGGBB or #RGB, e.g. '#ff8800', not “%s”", text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_color (CkDevice   *device,
             const char *text,
             gint64     *value)
{
  guint32 rgb = 0;

  if (!ck_color_parse (text, &rgb))
    return FALSE;
  *value = rgb;

  return TRUE;
}

static void
send_color (CkClient            *client,
            CkDevice            *device,
            gint64               value,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  ck_client_set_color_async (client, device, (guint32) value, cancellable, callback, user_data);
}

static char *
describe_color (CkDevice *device)
{
  g_autofree char *color = NULL;

  if (ck_device_get_color (device) == CK_DEVICE_COLOR_UNKNOWN)
    return g_strdup ("colour sent");
  color = ck_color_to_string (ck_device_get_color (device));

  return g_strdup_printf ("colour %s", color);
}

static const Control color_control = {
  check_color_syntax, parse_color, send_color, ck_client_set_color_finish, describe_color,
};

/* ---- fan --------------------------------------------------------------- */

static gboolean
check_fan_syntax (const char *text)
{
  guint level;

  if (!ck_fan_speed_parse (text, &level))
    {
      relayctl_usage_error ("fan wants off, low, medium or high (or 0 to 3), not “%s”", text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_fan (CkDevice   *device,
           const char *text,
           gint64     *value)
{
  guint level = 0;

  if (!ck_fan_speed_parse (text, &level))
    return FALSE;
  *value = level;

  return TRUE;
}

static void
send_fan (CkClient            *client,
          CkDevice            *device,
          gint64               value,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  ck_client_set_fan_async (client, device, (guint) value, cancellable, callback, user_data);
}

static char *
describe_fan (CkDevice *device)
{
  gint speed = ck_device_get_fan_speed (device);

  return g_strdup_printf ("fan %s", speed >= 0 ? ck_fan_speed_to_string ((guint) speed) : "unknown");
}

static const Control fan_control = {
  check_fan_syntax, parse_fan, send_fan, ck_client_set_fan_finish, describe_fan,
};

const RelayctlCommand relayctl_control_commands[] = {
  { "brightness", "DEVICE PERCENT",
    "Set the brightness of DEVICE, e.g. 40 or 40%.\n"
    "A light that is off is switched on first. A value outside 0-100 % is\n"
    "refused before anything is sent (exit status 2).",
    run_control, &brightness_control },
  { "ct", "DEVICE VALUE",
    "Set the colour temperature of DEVICE: 3000K, or 30% from warm to cold.\n"
    "Kelvin where the device's family knows its range (see relayctl show),\n"
    "else a percentage; a bare number is in the device's unit. A light that\n"
    "is off is switched on first.",
    run_control, &ct_control },
  { "color", "DEVICE COLOUR",
    "Set the colour of DEVICE: '#ff8800', ff8800 or '#f80'.\n"
    "A light that is off is switched on first.",
    run_control, &color_control },
  { "fan", "DEVICE SPEED",
    "Set the fan speed of DEVICE: off, low, medium, high (or 0 to 3).",
    run_control, &fan_control },
  { NULL }
};
