/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "cksim-config.h"
#include "cksim-state.h"

G_BEGIN_DECLS

/* What the emulated device answers to an update (spec §4.6, devices.md §7). */
typedef enum
{
  CKSIM_DEVICE_ACK_OK       = 0,
  CKSIM_DEVICE_ACK_REJECTED = 400, /* wrong key, type, range or combination */
  CKSIM_DEVICE_ACK_SILENT   = 504, /* asleep: never acks (door sensor, compat) */
} CkSimDeviceAck;

/*
 * Validates @params against the device's profile (devices.md §7.1). On
 * CKSIM_DEVICE_ACK_OK, @accepted is what the device takes (a deep copy;
 * with --compat, ignored phantom outlets are dropped). On a rejection
 * @reason says why (for logs and tests).
 */
CkSimDeviceAck cksim_device_check_update (const CkSimDevice *device,
                                          JsonObject        *params,
                                          const CkSimConfig *config,
                                          JsonObject       **accepted,
                                          char             **reason);
/* Merges accepted params into the shadow: outlet arrays by outlet, objects
 * and everything else replaced (devices.md §7.2.1). */
void           cksim_device_merge        (CkSimDevice       *device,
                                          JsonObject        *accepted);
/* The §7.1 profile that validates a UIID ("relay1", "pow", …, "generic"). */
const char    *cksim_device_profile_name (int               uiid);
/* Number of channels a UIID has (devices.md §1), 1 when unknown. */
guint          cksim_device_channel_count (int               uiid);

G_END_DECLS
