/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "cksim-state.h"

G_BEGIN_DECLS

/* The demo account (CKSIM_DEMO_*, region eu) with a dozen devices of
 * different families, one offline, and a guest account (CKSIM_DEMO_GUEST_*)
 * to whom one device is shared. Does nothing if the demo account exists. */
void cksim_demo_load (CkSimState *state);

G_END_DECLS
