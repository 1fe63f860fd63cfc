/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "cksim-state.h"

G_BEGIN_DECLS

/*
 * Seeding devices into an account without a state file (spec §8.9, "create
 * users and devices, seed params"), for tests and benchmarks.
 *
 * @device_or_params is either a device description in the state-file form
 * (cksim_device_new_from_json(); recognised by a "deviceid", "uiid", "name"
 * or "params" member; "owner" is ignored) or, without those members, the
 * params of a single-channel switch (UIID 1). Defaults: a fresh deviceid,
 * UIID 1, the name "Device <deviceid>", online, and the params of the demo
 * device of the same UIID ({} for a UIID the demo lacks).
 *
 * Errors (G_IO_ERROR): INVALID_ARGUMENT for a malformed description,
 * EXISTS when the deviceid is taken. Returns the installed device
 * (owned by @state).
 */
CkSimDevice *cksim_seed_device (CkSimState  *state,
                                const char  *owner_apikey,
                                JsonObject  *device_or_params,
                                GError     **error);

G_END_DECLS
