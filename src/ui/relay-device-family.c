/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-device-family"

#include "config.h"

#include <glib/gi18n.h>

#include "relay-device-family.h"

/*
 * How the list presents a device before it is opened: an icon and a
 * one-line summary. What a device can do and how its params read both come
 * from CkCatalog; this file only chooses words and icons.
 */

/* CkDevice keeps its family and derives its capabilities from what it shows
 * (pending values included): no catalog lookup per call. */
const CkFamily *
relay_device_get_family (CkDevice *device)
{
  g_return_val_if_fail (CK_IS_DEVICE (device), NULL);

  return ck_device_get_family (device);
}

CkCapability
relay_device_get_capabilities (CkDevice *device)
{
  g_return_val_if_fail (CK_IS_DEVICE (device), CK_CAPABILITY_NONE);

  return ck_device_get_capabilities (device);
}

/* Static strings: callers may compare them by pointer to skip a reload. */
const char *
relay_capabilities_get_icon_name (CkCapability caps)
{
  /* The most telling capability first: a colour bulb also dims. */
  if (caps & CK_CAPABILITY_COLOR)
    return "preferences-color-symbolic";
  if (caps & (CK_CAPABILITY_BRIGHTNESS | CK_CAPABILITY_COLOR_TEMPERATURE))
    return "display-brightness-symbolic";
  if (caps & CK_CAPABILITY_FAN)
    return "weather-windy-symbolic";
  if (caps & CK_CAPABILITY_CLIMATE)
    return "weather-few-clouds-symbolic";
  if (caps & CK_CAPABILITY_ENERGY)
    return "uninterruptible-power-supply-symbolic";
  if (caps & CK_CAPABILITY_CONTACT)
    return "go-home-symbolic";
  if (caps & CK_CAPABILITY_COVER)
    return "view-paged-symbolic";
  if (caps & CK_CAPABILITY_CHANNELS)
    return "view-grid-symbolic";
  if (caps & CK_CAPABILITY_POWER)
    return "system-shutdown-symbolic";
  return "preferences-system-devices-symbolic";
}

const char *
relay_device_get_icon_name (CkDevice *device)
{
  return relay_capabilities_get_icon_name (relay_device_get_capabilities (device));
}

static const char *
on_off (gboolean on)
{
  return on ? _("On") : _("Off");
}

static guint
count_channels_on (CkDevice *device,
                   guint     n_channels)
{
  guint bits = ck_device_get_channels (device);
  guint n_on = 0;

  for (guint i = 0; i < n_channels && i < sizeof (bits) * 8; i++)
    n_on += (bits >> i) & 1;
  return n_on;
}

char *
relay_device_dup_summary (CkDevice *device)
{
  g_return_val_if_fail (CK_IS_DEVICE (device), NULL);

  return relay_device_dup_summary_for (device, ck_device_get_capabilities (device));
}

/* The summary from the typed values, which show a pending command's value
 * like the switch does. */
char *
relay_device_dup_summary_for (CkDevice     *device,
                              CkCapability  caps)
{
  gboolean on, open = FALSE;
  gdouble value, humidity;
  gint percent;
  guint n_channels;

  g_return_val_if_fail (CK_IS_DEVICE (device), NULL);

  on = ck_device_get_power (device);

  if (caps & CK_CAPABILITY_CONTACT &&
      ck_family_decode_contact (ck_device_get_family (device), ck_device_get_params (device), &open))
    return g_strdup (open ? _("Open") : _("Closed"));

  if (caps & CK_CAPABILITY_CLIMATE &&
      ck_device_get_reading (device, CK_READING_TEMPERATURE, 0, &value))
    {
      if (ck_device_get_reading (device, CK_READING_HUMIDITY, 0, &humidity))
        /* Translators: temperature and relative humidity, e.g. "21.5 °C · 45 %" */
        return g_strdup_printf (_("%.1f °C · %.0f %%"), value, humidity);
      return g_strdup_printf (_("%.1f °C"), value);
    }

  if ((caps & CK_CAPABILITY_CHANNELS) && (n_channels = ck_device_get_n_channels (device)) > 1)
    /* Translators: how many channels of a device are on, e.g. "2 of 4 on" */
    return g_strdup_printf (_("%u of %u on"), count_channels_on (device, n_channels), n_channels);

  if (caps & CK_CAPABILITY_ENERGY &&
      ck_device_get_reading (device, CK_READING_POWER, 0, &value))
    /* Translators: a plug's state and the power it measures, e.g. "On · 12.3 W" */
    return g_strdup_printf (_("%s · %.1f W"), on_off (on), value);

  if (on && caps & CK_CAPABILITY_BRIGHTNESS && (percent = ck_device_get_brightness (device)) >= 0)
    /* Translators: a light that is on and its brightness, e.g. "On · 80 %" */
    return g_strdup_printf (_("On · %d %%"), percent);

  if (ck_device_get_has_power (device))
    return g_strdup (on_off (on));

  return g_strdup ("");
}
