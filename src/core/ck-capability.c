/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-capability"

#include "ck-capability.h"

#include <string.h>

/* A whole decimal integer with optional surrounding spaces, then @suffix
 * (case-insensitive, may be empty), nothing else. */
static gboolean
parse_int_with_suffix (const char *text,
                       const char *suffix,
                       gint       *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);
  gsize suffix_len = strlen (suffix);
  gint64 number;
  char *end = NULL;

  if (suffix_len > 0)
    {
      if (len < suffix_len || g_ascii_strcasecmp (copy + len - suffix_len, suffix) != 0)
        return FALSE;
      copy[len - suffix_len] = '\0';
      g_strchomp (copy);
    }
  if (copy[0] == '\0')
    return FALSE;

  number = g_ascii_strtoll (copy, &end, 10);
  if (end == NULL || *end != '\0' || number < G_MININT || number > G_MAXINT)
    return FALSE;

  *value = (gint) number;
  return TRUE;
}

gboolean
ck_color_parse (const char *text,
                guint32    *rgb)
{
  g_autofree char *copy = NULL;
  const char *hex;
  gsize len;
  guint32 value = 0;

  g_return_val_if_fail (rgb != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  hex = copy[0] == '#' ? copy + 1 : copy;
  len = strlen (hex);
  if (len != 6 && len != 3)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      gint digit = g_ascii_xdigit_value (hex[i]);

      if (digit < 0)
        return FALSE;
      /* The short form doubles each digit: #f80 = #ff8800. */
      value = len == 3 ? (value << 8) | (guint32) (digit * 17) : (value << 4) | (guint32) digit;
    }

  *rgb = value;
  return TRUE;
}

char *
ck_color_to_string (guint32 rgb)
{
  return g_strdup_printf ("#%06x", rgb & 0xffffff);
}

gboolean
ck_color_temperature_parse (const char             *text,
                            CkColorTemperatureUnit  unit,
                            gint                   *value)
{
  const char *own = unit == CK_COLOR_TEMPERATURE_UNIT_KELVIN ? "K" : "%";

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  return parse_int_with_suffix (text, own, value) || parse_int_with_suffix (text, "", value);
}

char *
ck_color_temperature_to_string (gint                   value,
                                CkColorTemperatureUnit unit)
{
  return g_strdup_printf ("%d %s", value, unit == CK_COLOR_TEMPERATURE_UNIT_KELVIN ? "K" : "%");
}

static const char *const fan_speed_names[] = { "off", "low", "medium", "high" };

gboolean
ck_fan_speed_parse (const char *text,
                    guint      *level)
{
  gint number;

  g_return_val_if_fail (level != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fan_speed_names); i++)
    if (g_ascii_strcasecmp (text, fan_speed_names[i]) == 0)
      {
        *level = i;
        return TRUE;
      }

  if (!parse_int_with_suffix (text, "", &number) || number < 0
      || number >= (gint) G_N_ELEMENTS (fan_speed_names))
    return FALSE;

  *level = (guint) number;
  return TRUE;
}

const char *
ck_fan_speed_to_string (guint level)
{
  return level < G_N_ELEMENTS (fan_speed_names) ? fan_speed_names[level] : NULL;
}

CkSignalStrength
ck_signal_strength_from_rssi (gint rssi)
{
  /* devices.md §2: < −92, −92…−77, −77…−62, > −62; the spec's own bounds
   * (−92, −62) are in the middle levels, the shared −77 is good. */
  if (rssi >= 0)
    return CK_SIGNAL_STRENGTH_UNKNOWN;
  if (rssi < -92)
    return CK_SIGNAL_STRENGTH_WEAK;
  if (rssi < -77)
    return CK_SIGNAL_STRENGTH_FAIR;
  if (rssi <= -62)
    return CK_SIGNAL_STRENGTH_GOOD;
  return CK_SIGNAL_STRENGTH_EXCELLENT;
}

static const char * const signal_strength_names[] = {
  [CK_SIGNAL_STRENGTH_UNKNOWN]   = "unknown",
  [CK_SIGNAL_STRENGTH_WEAK]      = "weak",
  [CK_SIGNAL_STRENGTH_FAIR]      = "fair",
  [CK_SIGNAL_STRENGTH_GOOD]      = "good",
  [CK_SIGNAL_STRENGTH_EXCELLENT] = "excellent",
};

const char *
ck_signal_strength_to_string (CkSignalStrength strength)
{
  g_return_val_if_fail (strength < G_N_ELEMENTS (signal_strength_names), NULL);
  return signal_strength_names[strength];
}

typedef struct
{
  const char *name;
  const char *format;  /* printf format of the value with its unit */
} ReadingInfo;

/* Indexed by CkReading. */
static const ReadingInfo reading_info[] = {
  [CK_READING_POWER]           = { "power", "%.2f W" },
  [CK_READING_VOLTAGE]         = { "voltage", "%.2f V" },
  [CK_READING_CURRENT]         = { "current", "%.2f A" },
  [CK_READING_TEMPERATURE]     = { "temperature", "%.1f °C" },
  [CK_READING_HUMIDITY]        = { "humidity", "%.0f %%" },
  [CK_READING_BATTERY]         = { "battery", "%.0f %%" },
  [CK_READING_BATTERY_VOLTAGE] = { "battery", "%.2f V" },
  [CK_READING_LIGHT]           = { "light", "%.0f" },
  [CK_READING_NOISE]           = { "noise", "%.0f" },
  [CK_READING_DUST]            = { "dust", "%.0f" },
};

const char *
ck_reading_to_string (CkReading reading)
{
  g_return_val_if_fail ((guint) reading < G_N_ELEMENTS (reading_info), NULL);
  return reading_info[reading].name;
}

char *
ck_reading_format (CkReading reading,
                   gdouble   value)
{
  g_return_val_if_fail ((guint) reading < G_N_ELEMENTS (reading_info), NULL);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (reading_info[reading].format, value);
#pragma GCC diagnostic pop
}
