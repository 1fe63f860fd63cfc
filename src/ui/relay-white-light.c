/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-white-light"

#include "config.h"

#include <math.h>

#include "relay-white-light.h"

/*
 * A bulb in white mode has no RGB colour, only a colour temperature. The
 * device page still shows a swatch, tinted like the light: warm white is
 * amber, cold white bluish. The curves below are the usual piecewise fit of
 * black-body colours in sRGB (per channel, in hundreds of kelvin); good to
 * a few percent between 1000 and 40000 K, which is plenty for a swatch.
 */

static double
channel (double value)
{
  return CLAMP (value, 0.0, 255.0) / 255.0;
}

void
relay_white_light_kelvin_to_rgba (gint     kelvin,
                                  GdkRGBA *rgba)
{
  double t = CLAMP (kelvin, 1000, 40000) / 100.0;

  g_return_if_fail (rgba != NULL);

  if (t <= 66)
    {
      rgba->red = 1.0;
      rgba->green = channel (99.4708025861 * log (t) - 161.1195681661);
      rgba->blue = t <= 19 ? 0.0 : channel (138.5177312231 * log (t - 10) - 305.0447927307);
    }
  else
    {
      rgba->red = channel (329.698727446 * pow (t - 60, -0.1332047592));
      rgba->green = channel (288.1221695283 * pow (t - 60, -0.0755148492));
      rgba->blue = 1.0;
    }
  rgba->alpha = 1.0;
}

void
relay_white_light_to_rgba (gint                    value,
                           CkColorTemperatureUnit  unit,
                           GdkRGBA                *rgba)
{
  gint kelvin = value;

  if (unit == CK_COLOR_TEMPERATURE_UNIT_PERCENT)
    kelvin = RELAY_WHITE_LIGHT_WARMEST_K +
             (RELAY_WHITE_LIGHT_COLDEST_K - RELAY_WHITE_LIGHT_WARMEST_K) * CLAMP (value, 0, 100) / 100;
  relay_white_light_kelvin_to_rgba (kelvin, rgba);
}
