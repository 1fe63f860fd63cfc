/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "ck-client.h"

G_BEGIN_DECLS

#define RELAY_TYPE_DEVICE_ROW (relay_device_row_get_type ())
G_DECLARE_FINAL_TYPE (RelayDeviceRow, relay_device_row, RELAY, DEVICE_ROW, AdwActionRow)

GtkWidget *relay_device_row_new          (CkClient       *client,
                                          CkDevice       *device);

CkDevice  *relay_device_row_get_device   (RelayDeviceRow *self);
GtkSwitch *relay_device_row_get_switch   (RelayDeviceRow *self);

G_END_DECLS
