/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "ck-client.h"

G_BEGIN_DECLS

#define RELAY_TYPE_DEVICE_PAGE (relay_device_page_get_type ())
G_DECLARE_FINAL_TYPE (RelayDevicePage, relay_device_page, RELAY, DEVICE_PAGE, AdwBin)

GtkWidget *relay_device_page_new          (void);

void       relay_device_page_set_device   (RelayDevicePage *self,
                                           CkClient        *client,
                                           CkDevice        *device);
CkDevice  *relay_device_page_get_device   (RelayDevicePage *self);
/* Milliseconds between two slider commands (RELAY_THROTTLE_DEFAULT_INTERVAL_MS). */
void       relay_device_page_set_throttle_interval (RelayDevicePage *self,
                                                    guint            interval_ms);
/* (transfer none) (nullable): a control by name: "power", "channel-N"
 * (1-based), "brightness", "color-temperature", "color", "fan-N" (level),
 * "reading-<name>", "model", "firmware", "id", and the sections "timers"
 * (RelayTimersGroup), "sharing" (RelaySharingGroup, own devices only) and
 * "manage" (RelayDeviceSettings). */
GtkWidget *relay_device_page_get_control  (RelayDevicePage *self,
                                           const char      *name);

G_END_DECLS
