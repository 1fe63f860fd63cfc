/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "cksim-auth.h"
#include "cksim-codes.h"
#include "cksim-config.h"
#include "cksim-emulator.h"
#include "cksim-ratelimit.h"
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
  CkSimCodes  *codes;
  CkSimRateLimit *rate_limit;
  CkSimEmulator *emulator;   /* device-side behaviour and its clock-driven tasks */
  struct _CkSimScript *script; /* the demo script (cksim-script.h) */
  GHashTable  *faults;  /* endpoint name -> CkSimFault (test hooks) */
  /* A verification code was "sent" (no delivery: the server announces it). */
  void       (*code_sent) (const char *identity, const char *code, gpointer data);
  gpointer     code_sent_data;
} CkSimContext;

/* "The next call to this endpoint answers @code" (spec §8.9). */
typedef struct
{
  int       code;
  char     *region;  /* for 301: the region the answer names (NULL: default) */
  gboolean  http;    /* answer a real HTTP status @code instead of a body */
} CkSimFault;

void     cksim_fault_free                (CkSimFault   *fault);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CkSimFault, cksim_fault_free)

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
/* The same with a 301's region and/or a real HTTP status. */
void     cksim_context_arm_fault_full    (CkSimContext *ctx,
                                          const char   *endpoint,
                                          int           code,
                                          const char   *region,
                                          gboolean      http);
/* (transfer full) (nullable): the fault armed for @endpoint, disarmed. */
CkSimFault *cksim_context_take_fault      (CkSimContext *ctx,
                                          const char   *endpoint);

G_END_DECLS
