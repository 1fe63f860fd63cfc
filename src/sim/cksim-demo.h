/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "cksim-state.h"

G_BEGIN_DECLS

/* The demo's device that the demo script takes offline and back (sysmsg). */
#define CKSIM_DEMO_FLAPPING_ID "1000a1b21b"  /* "Air monitor", Sonoff SC */

/* The demo account (CKSIM_DEMO_*, region eu) with devices of every family of
 * devices.md §3 and more of §4 (fixed ids 1000a1b201…, fixed names), one
 * offline ("Garden pump"), and a guest account (CKSIM_DEMO_GUEST_*) to whom
 * one device is shared. Does nothing if the demo account exists. */
void        cksim_demo_load          (CkSimState *state);
/* (nullable): a copy of the params of the first demo device of @uiid, the
 * realistic starting shadow of a seeded device (cksim-seed.h). */
JsonObject *cksim_demo_device_params (int         uiid) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
