/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relayctl"

/* A device's state in user terms, as CkDevice derives it through the
 * catalog: the lines of `show` and the members of every typed command's
 * --json. */

#include "ck-enums.h"

#include "relayctl-common.h"

/* The name of channel @channel from the device's tags, or NULL. */
static const char *
lookup_channel_name (CkDevice *device,
                     guint     channel)
{
  JsonObject *tags = ck_device_get_tags (device);
  JsonNode *names = tags != NULL ? json_object_get_member (tags, "ck_channel_name") : NULL;
  char key[12];

  if (names == NULL || !JSON_NODE_HOLDS_OBJECT (names))
    return NULL;

  g_snprintf (key, sizeof key, "%u", channel);

  return relayctl_json_get_string (json_node_get_object (names), key);
}

char *
relayctl_describe_channel (CkDevice *device,
                           guint     channel)
{
  const char *name = lookup_channel_name (device, channel);

  if (name != NULL && *name != '\0')
    return g_strdup_printf ("channel %u (%s)", channel + 1, name);

  return g_strdup_printf ("channel %u", channel + 1);
}

/* The reading a key of the "readings" variant ("power", "power@1") names,
 * and its channel; FALSE for a key this build does not know. */
static gboolean
parse_reading_key (CkDevice   *device,
                   const char *key,
                   gdouble     value,
                   CkReading  *reading,
                   guint      *channel)
{
  g_auto(GStrv) parts = g_strsplit (key, "@", 2);
  guint64 number = 0;

  if (parts[1] != NULL && !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT, &number, NULL))
    return FALSE;

  /* Two readings may share a name (battery in % or in V): the one the
   * device reports with this value. */
  for (CkReading candidate = CK_READING_POWER; candidate <= CK_READING_DUST; candidate++)
    {
      gdouble reported;

      if (g_str_equal (parts[0], ck_reading_to_string (candidate))
          && ck_device_get_reading (device, candidate, (guint) number, &reported)
          && reported == value)
        {
          *reading = candidate;
          *channel = (guint) number;
          return TRUE;
        }
    }

  return FALSE;
}

/* "power" or "power (channel 2)". */
static char *
describe_reading (CkReading reading,
                  guint     channel)
{
  if (channel == 0)
    return g_strdup (ck_reading_to_string (reading));

  return g_strdup_printf ("%s (channel %u)", ck_reading_to_string (reading), channel + 1);
}

static char *
format_color_temperature (CkDevice *device)
{
  CkColorTemperatureUnit unit = ck_device_get_color_temperature_unit (device);
  g_autofree char *value = ck_color_temperature_to_string (ck_device_get_color_temperature (device), unit);
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  gint min, max;

  ck_device_get_color_temperature_range (device, &min, &max);
  low = ck_color_temperature_to_string (min, unit);
  high = ck_color_temperature_to_string (max, unit);

  if (unit == CK_COLOR_TEMPERATURE_UNIT_PERCENT)
    return g_strdup_printf ("%s (%s warm to %s cold)", value, low, high);

  return g_strdup_printf ("%s (%s to %s)", value, low, high);
}

void
relayctl_json_add_state (JsonBuilder *builder,
                         CkDevice    *device)
{
  const CkFamily *family = ck_device_get_family (device);
  CkCapability capabilities = ck_device_get_capabilities (device);
  g_autoptr(GFlagsClass) flags = g_type_class_ref (CK_TYPE_CAPABILITY);
  g_autoptr(GPtrArray) other = ck_family_list_other_params (family, ck_device_get_params (device));
  guint n_channels = ck_device_get_n_channels (device);
  GVariant *readings = ck_device_get_readings (device);
  GVariantIter iter;
  const char *key;
  gdouble value;

  json_builder_set_member_name (builder, "family");
  json_builder_begin_object (builder);
  relayctl_json_add_string (builder, "id", ck_family_get_id (family));
  relayctl_json_add_string (builder, "description", ck_family_get_description (family));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "capabilities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < flags->n_values; i++)
    if (flags->values[i].value != 0 && (capabilities & flags->values[i].value) == flags->values[i].value)
      json_builder_add_string_value (builder, flags->values[i].value_nick);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "power");
  if (ck_device_get_has_power (device))
    json_builder_add_boolean_value (builder, ck_device_get_power (device));
  else
    json_builder_add_null_value (builder);

  /* 1-based, as users count and as --channel takes them. */
  json_builder_set_member_name (builder, "channels");
  json_builder_begin_array (builder);
  for (guint channel = 0; n_channels > 1 && channel < n_channels; channel++)
    {
      g_autofree char *name = ck_device_dup_channel_name (device, channel);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "channel");
      json_builder_add_int_value (builder, channel + 1);
      relayctl_json_add_string (builder, "name", name);
      json_builder_set_member_name (builder, "on");
      json_builder_add_boolean_value (builder, ck_device_get_channel (device, channel));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "brightness");
  if (ck_device_get_brightness (device) >= 0)
    json_builder_add_int_value (builder, ck_device_get_brightness (device));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "color_temperature");
  if (ck_device_get_color_temperature (device) >= 0)
    {
      CkColorTemperatureUnit unit = ck_device_get_color_temperature_unit (device);
      gint min, max;

      ck_device_get_color_temperature_range (device, &min, &max);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "value");
      json_builder_add_int_value (builder, ck_device_get_color_temperature (device));
      relayctl_json_add_string (builder, "unit", unit == CK_COLOR_TEMPERATURE_UNIT_KELVIN ? "K" : "%");
      json_builder_set_member_name (builder, "min");
      json_builder_add_int_value (builder, min);
      json_builder_set_member_name (builder, "max");
      json_builder_add_int_value (builder, max);
      json_builder_end_object (builder);
    }
  else
    {
      json_builder_add_null_value (builder);
    }

  json_builder_set_member_name (builder, "color");
  if (ck_device_get_color (device) != CK_DEVICE_COLOR_UNKNOWN)
    {
      g_autofree char *color = ck_color_to_string (ck_device_get_color (device));

      json_builder_add_string_value (builder, color);
    }
  else
    {
      json_builder_add_null_value (builder);
    }

  json_builder_set_member_name (builder, "fan_speed");
  if (ck_device_get_fan_speed (device) >= 0)
    json_builder_add_string_value (builder, ck_fan_speed_to_string ((guint) ck_device_get_fan_speed (device)));
  else
    json_builder_add_null_value (builder);

  /* Plain numbers in the units of ck_reading_format(), keyed as CkDevice does. */
  json_builder_set_member_name (builder, "readings");
  json_builder_begin_object (builder);
  g_variant_iter_init (&iter, readings);
  while (g_variant_iter_next (&iter, "{&sd}", &key, &value))
    {
      json_builder_set_member_name (builder, key);
      json_builder_add_double_value (builder, value);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "contact");
  if (capabilities & CK_CAPABILITY_CONTACT)
    json_builder_add_string_value (builder, ck_device_get_contact_open (device) ? "open" : "closed");
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "cover_position");
  if (ck_device_get_cover_position (device) >= 0)
    json_builder_add_int_value (builder, ck_device_get_cover_position (device));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "other_params");
  json_builder_begin_object (builder);
  for (guint i = 0; i < other->len; i++)
    {
      CkOtherParam *param = g_ptr_array_index (other, i);

      JsonNode *raw = json_object_get_member (ck_device_get_params (device), param->key);

      /* The value as the device has it (the text form loses "8" versus 8). */
      json_builder_set_member_name (builder, param->key);
      if (raw != NULL)
        json_builder_add_value (builder, json_node_copy (raw));
      else
        json_builder_add_string_value (builder, param->value);
    }
  json_builder_end_object (builder);
}

void
relayctl_print_state (CkDevice *device)
{
  const CkFamily *family = ck_device_get_family (device);
  CkCapability capabilities = ck_device_get_capabilities (device);
  g_autoptr(GPtrArray) other = ck_family_list_other_params (family, ck_device_get_params (device));
  guint n_channels = ck_device_get_n_channels (device);
  g_autofree char *family_text = g_strdup_printf ("%s [%s]", ck_family_get_description (family),
                                                  ck_family_get_id (family));
  GVariantIter iter;
  const char *key;
  gdouble value;

  relayctl_print_field ("Family:", family_text);
  if (ck_device_get_has_power (device))
    relayctl_print_field ("Power:", ck_device_get_power (device) ? "on" : "off");

  if (n_channels > 1)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint channel = 0; channel < n_channels; channel++)
        {
          const char *name = lookup_channel_name (device, channel);

          g_string_append_printf (text, "%s%u %s%s%s", channel > 0 ? ", " : "", channel + 1,
                                  name != NULL ? name : "", name != NULL ? " " : "",
                                  ck_device_get_channel (device, channel) ? "on" : "off");
        }
      relayctl_print_field ("Channels:", text->str);
    }

  if (ck_device_get_brightness (device) >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%d %%", ck_device_get_brightness (device));

      relayctl_print_field ("Brightness:", text);
    }

  if (ck_device_get_color_temperature (device) >= 0)
    {
      g_autofree char *text = format_color_temperature (device);

      relayctl_print_field ("Colour temp:", text);
    }

  if (ck_device_get_color (device) != CK_DEVICE_COLOR_UNKNOWN)
    {
      g_autofree char *text = ck_color_to_string (ck_device_get_color (device));

      relayctl_print_field ("Colour:", text);
    }

  if (ck_device_get_fan_speed (device) >= 0)
    relayctl_print_field ("Fan:", ck_fan_speed_to_string ((guint) ck_device_get_fan_speed (device)));

  /* "power 412.06 W, voltage 231.40 V, …": one line, apart from the on/off "Power:". */
  {
    g_autoptr(GString) text = g_string_new (NULL);

    g_variant_iter_init (&iter, ck_device_get_readings (device));
    while (g_variant_iter_next (&iter, "{&sd}", &key, &value))
      {
        g_autofree char *label = NULL;
        g_autofree char *formatted = NULL;
        CkReading reading;
        guint channel;

        if (!parse_reading_key (device, key, value, &reading, &channel))
          continue;
        label = describe_reading (reading, channel);
        formatted = ck_reading_format (reading, value);
        g_string_append_printf (text, "%s%s %s", text->len > 0 ? "; " : "", label, formatted);
      }
    relayctl_print_field ("Readings:", text->str);
  }

  if (capabilities & CK_CAPABILITY_CONTACT)
    relayctl_print_field ("Contact:", ck_device_get_contact_open (device) ? "open" : "closed");

  if (ck_device_get_cover_position (device) >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%d %% open", ck_device_get_cover_position (device));

      relayctl_print_field ("Cover:", text);
    }

  /* Params no codec reads: kept and shown, never changed from here. */
  if (other->len > 0)
    {
      g_print ("  Other params (read-only):\n");
      for (guint i = 0; i < other->len; i++)
        {
          CkOtherParam *param = g_ptr_array_index (other, i);

          g_print ("    %s=%s\n", param->key, param->value);
        }
    }
}
