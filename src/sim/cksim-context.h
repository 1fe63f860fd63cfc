/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "cksim-auth.h"
#include "cksim-config.h"
#include "cksim-state.h"
#include "cksim-ws.h"

G_BEGIN_DECLS

/*
 * CkSimContext:
 *
 * What endpoint handlers and test hooks work on, owned by CkSimServer, and
 * the few operations that span several modules.
 */
typedef struct
{
  CkSimConfig *config;
  CkSimClock  *clock;
  CkSimState  *state;
  CkSimAuth   *auth;
  CkSimWs     *ws;
  GHashTable  *faults;  /* endpoint name -> armed error code (test hooks) */
} CkSimContext;

/* Sets the flag, the online/offline time, and pushes sysmsg (§8.6.1). */
gboolean cksim_context_set_device_online (CkSimContext *ctx,
                                          CkSimDevice  *device,
                                          gboolean      online);
/* Moves the clock and records it in the state. */
void     cksim_context_advance_clock     (CkSimContext *ctx,
                                          gint64        seconds);
/* Arms "the next call to @endpoint answers @code" (spec §8.9). */
void     cksim_context_arm_fault         (CkSimContext *ctx,
                                          const char   *endpoint,
                                          int           code);
/* The armed code for @endpoint, consumed; 0 when none. */
int      cksim_context_take_fault        (CkSimContext *ctx,
                                          const char   *endpoint);

G_END_DECLS
