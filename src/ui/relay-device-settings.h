/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "ck-client.h"
#include "relay-device-panel.h"

G_BEGIN_DECLS

#define RELAY_TYPE_DEVICE_SETTINGS (relay_device_settings_get_type ())
G_DECLARE_FINAL_TYPE (RelayDeviceSettings, relay_device_settings, RELAY, DEVICE_SETTINGS, RelayDevicePanel)

/* Managing a device: for a device we own its name ("rename"), its channel
 * names ("channel-name-N"), its group ("group") and removing it ("remove");
 * for a device shared with us who shared it ("shared-by") and nothing
 * owner-only. */
GtkWidget *relay_device_settings_new (CkClient *client,
                                      CkDevice *device);

G_END_DECLS
