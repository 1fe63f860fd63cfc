/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib.h>

#include "ck-catalog.h"
#include "ck-device.h"

G_BEGIN_DECLS

/* The device's family in CkCatalog (never NULL). */
const CkFamily *relay_device_get_family        (CkDevice *device);
CkCapability    relay_device_get_capabilities  (CkDevice *device);
/* A symbolic icon of the Adwaita theme chosen by capability (a static
 * string: the same pointer for the same icon). */
const char     *relay_capabilities_get_icon_name (CkCapability caps);
const char     *relay_device_get_icon_name     (CkDevice *device);
/* The state in a few words: "On · 80 %", "2 of 4 on", "21.5 °C · 45 %". */
char           *relay_device_dup_summary       (CkDevice *device) G_GNUC_WARN_UNUSED_RESULT;
/* The same, for callers that already hold the device's capabilities. */
char           *relay_device_dup_summary_for   (CkDevice     *device,
                                                CkCapability  caps) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
