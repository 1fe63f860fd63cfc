/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "cksim-context.h"

G_BEGIN_DECLS

/*
 * CkSimScript:
 *
 * The demo's scripted life (devices.md §7.3), off unless the config's
 * demo_script is set, so tests stay deterministic. Every script interval
 * (simulator clock) each TH's temperature drifts by 0.5 °C and each metered
 * device's load steps; every 6th tick a door sensor opens (and closes on
 * the next); every 10th tick CKSIM_DEMO_FLAPPING_ID goes offline (and
 * online again on the next), which pushes sysmsg.
 */
typedef struct _CkSimScript CkSimScript;

CkSimScript *cksim_script_new   (CkSimContext *ctx);
void         cksim_script_free  (CkSimScript  *self);
/* Starts or stops ticking after demo_script or the interval changed. */
void         cksim_script_sync  (CkSimScript  *self);
/* One tick now (tests). */
void         cksim_script_tick  (CkSimScript  *self);

G_END_DECLS
