/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CkCapability:
 *
 * What a device family can do, in user terms (devices.md §4 "Capabilities").
 * Values travel in the units of ARCHITECTURE "Values in user terms".
 */
typedef enum /*< flags >*/
{
  CK_CAPABILITY_NONE              = 0,
  CK_CAPABILITY_POWER             = 1 << 0,  /* whole-device on/off */
  CK_CAPABILITY_CHANNELS          = 1 << 1,  /* independently switched channels */
  CK_CAPABILITY_BRIGHTNESS        = 1 << 2,  /* 0-100 % */
  CK_CAPABILITY_COLOR_TEMPERATURE = 1 << 3,  /* kelvin or 0-100 % warm to cold */
  CK_CAPABILITY_COLOR             = 1 << 4,  /* 0xRRGGBB */
  CK_CAPABILITY_FAN               = 1 << 5,  /* speed levels, 0 = off */
  CK_CAPABILITY_ENERGY            = 1 << 6,  /* power / voltage / current readings */
  CK_CAPABILITY_CLIMATE           = 1 << 7,  /* temperature / humidity readings */
  CK_CAPABILITY_CONTACT           = 1 << 8,  /* door / window contact */
  CK_CAPABILITY_COVER             = 1 << 9,  /* cover position and movement */
  CK_CAPABILITY_READ_ONLY         = 1 << 10, /* nothing can be sent to it */
} CkCapability;

/**
 * CkColorTemperatureUnit:
 * @CK_COLOR_TEMPERATURE_UNIT_KELVIN: the family's kelvin range is known
 * @CK_COLOR_TEMPERATURE_UNIT_PERCENT: 0 % is warmest, 100 % coldest
 */
typedef enum
{
  CK_COLOR_TEMPERATURE_UNIT_KELVIN,
  CK_COLOR_TEMPERATURE_UNIT_PERCENT,
} CkColorTemperatureUnit;

/* Fan levels; a family has 1..ck_family_get_fan_levels() speeds. The names
 * fit three-speed fans; two-level fans (the diffuser) use LOW and MEDIUM. */
typedef enum
{
  CK_FAN_SPEED_OFF,
  CK_FAN_SPEED_LOW,
  CK_FAN_SPEED_MEDIUM,
  CK_FAN_SPEED_HIGH,
} CkFanSpeed;

typedef enum
{
  CK_READING_POWER,        /* W */
  CK_READING_VOLTAGE,      /* V */
  CK_READING_CURRENT,      /* A */
  CK_READING_TEMPERATURE,  /* °C */
  CK_READING_HUMIDITY,     /* % */
  CK_READING_BATTERY,      /* % */
  CK_READING_BATTERY_VOLTAGE, /* V (DW2 reports volts, 0-3) */
  CK_READING_LIGHT,        /* level 1-10 (Sonoff SC) */
  CK_READING_NOISE,        /* level 1-10 */
  CK_READING_DUST,         /* level 1-10 */
} CkReading;

/**
 * CkSignalStrength:
 *
 * Wi-Fi signal from a device's `rssi` (dBm), in the four levels of
 * devices.md §2 (the UP levels); the value is the number of bars:
 * @CK_SIGNAL_STRENGTH_UNKNOWN (0): no rssi reported (0 dBm, absent)
 * @CK_SIGNAL_STRENGTH_WEAK (1 bar): below −92 dBm
 * @CK_SIGNAL_STRENGTH_FAIR (2 bars): −92 (included) up to −77 dBm (excluded)
 * @CK_SIGNAL_STRENGTH_GOOD (3 bars): −77 up to −62 dBm (both included)
 * @CK_SIGNAL_STRENGTH_EXCELLENT (4 bars): above −62 dBm
 */
typedef enum
{
  CK_SIGNAL_STRENGTH_UNKNOWN,
  CK_SIGNAL_STRENGTH_WEAK,
  CK_SIGNAL_STRENGTH_FAIR,
  CK_SIGNAL_STRENGTH_GOOD,
  CK_SIGNAL_STRENGTH_EXCELLENT,
} CkSignalStrength;

typedef enum
{
  CK_COVER_ACTION_OPEN,
  CK_COVER_ACTION_CLOSE,
  CK_COVER_ACTION_STOP,
} CkCoverAction;

/* "#ff8800", "ff8800", "#F80" → 0xff8800. */
gboolean    ck_color_parse                (const char             *text,
                                           guint32                *rgb);
/* 0xff8800 → "#ff8800". */
char       *ck_color_to_string            (guint32                 rgb) G_GNUC_WARN_UNUSED_RESULT;

/* "3000K", "3000 K", "40%", "40 %" or a bare number in @unit. A value whose
 * suffix names the other unit is refused. */
gboolean    ck_color_temperature_parse    (const char             *text,
                                           CkColorTemperatureUnit  unit,
                                           gint                   *value);
/* "3000 K" / "40 %". */
char       *ck_color_temperature_to_string (gint                   value,
                                           CkColorTemperatureUnit  unit) G_GNUC_WARN_UNUSED_RESULT;

/* "off", "low", "medium", "high" (also "0".."3"). */
gboolean    ck_fan_speed_parse            (const char             *text,
                                           guint                  *level);
const char *ck_fan_speed_to_string        (guint                   level);

/* @rssi in dBm, 0 = unknown (ck_device_get_rssi()). */
CkSignalStrength ck_signal_strength_from_rssi (gint                rssi);
/* "unknown", "weak", "fair", "good", "excellent": stable words for scripts
 * and JSON (not translated; front ends show their own). */
const char *ck_signal_strength_to_string  (CkSignalStrength        strength);

/* "12.34 W", "234.20 V", "1.23 A", "21.5 °C", "42 %", ... */
char       *ck_reading_format             (CkReading               reading,
                                           gdouble                 value) G_GNUC_WARN_UNUSED_RESULT;
const char *ck_reading_to_string          (CkReading               reading);

G_END_DECLS
