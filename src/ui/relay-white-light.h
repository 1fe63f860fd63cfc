/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gdk/gdk.h>

#include "ck-capability.h"

G_BEGIN_DECLS

/* The kelvin a family's percent scale is drawn as: 0 % warmest, 100 % coldest. */
#define RELAY_WHITE_LIGHT_WARMEST_K 2700
#define RELAY_WHITE_LIGHT_COLDEST_K 6500

/* The approximate colour of white light at @kelvin (1000-40000 K), for a
 * swatch: a fit of the black-body colours, not a colorimetric conversion. */
void relay_white_light_kelvin_to_rgba (gint                    kelvin,
                                       GdkRGBA                *rgba);
/* The same for a colour temperature in @unit. */
void relay_white_light_to_rgba        (gint                    value,
                                       CkColorTemperatureUnit  unit,
                                       GdkRGBA                *rgba);

G_END_DECLS
