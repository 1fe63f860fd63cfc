/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "ck-client.h"

G_BEGIN_DECLS

#define RELAY_TYPE_DEVICE_ROW (relay_device_row_get_type ())
G_DECLARE_FINAL_TYPE (RelayDeviceRow, relay_device_row, RELAY, DEVICE_ROW, GtkWidget)

GtkWidget *relay_device_row_new          (CkClient       *client);

CkDevice  *relay_device_row_get_device   (RelayDeviceRow *self);
void       relay_device_row_set_device   (RelayDeviceRow *self,
                                          CkDevice       *device);
GtkSwitch *relay_device_row_get_switch   (RelayDeviceRow *self);
gboolean   relay_device_row_toggle_power (RelayDeviceRow *self);

/* Shared with the device page: ask @client for @on, unless it already is. */
void       relay_device_request_power    (CkClient       *client,
                                          CkDevice       *device,
                                          gboolean        on);

G_END_DECLS
