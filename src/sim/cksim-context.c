/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-context"

#include "cksim-context.h"

gboolean
cksim_context_set_device_online (CkSimContext *ctx,
                                 CkSimDevice  *device,
                                 gboolean      online)
{
  gint64 now = cksim_clock_get_time_ms (ctx->clock);

  online = !!online;
  if (device->online == online)
    return FALSE;

  device->online = online;
  if (online)
    device->online_ms = now;
  else
    device->offline_ms = now;
  cksim_state_changed (ctx->state);
  cksim_ws_push_online (ctx->ws, device);
  return TRUE;
}

void
cksim_context_advance_clock (CkSimContext *ctx,
                             gint64        seconds)
{
  cksim_clock_advance (ctx->clock, seconds);
  cksim_state_changed (ctx->state);
}

void
cksim_fault_free (CkSimFault *fault)
{
  if (fault == NULL)
    return;
  g_free (fault->region);
  g_free (fault);
}

void
cksim_context_arm_fault_full (CkSimContext *ctx,
                              const char   *endpoint,
                              int           code,
                              const char   *region,
                              gboolean      http)
{
  CkSimFault *fault = g_new0 (CkSimFault, 1);

  fault->code = code;
  fault->region = g_strdup (region);
  fault->http = http;
  g_hash_table_replace (ctx->faults, g_strdup (endpoint), fault);
}

void
cksim_context_arm_fault (CkSimContext *ctx,
                         const char   *endpoint,
                         int           code)
{
  cksim_context_arm_fault_full (ctx, endpoint, code, NULL, FALSE);
}

CkSimFault *
cksim_context_take_fault (CkSimContext *ctx,
                          const char   *endpoint)
{
  g_autofree char *key = NULL;
  gpointer fault = NULL;

  if (!g_hash_table_steal_extended (ctx->faults, endpoint, (gpointer *) &key, &fault))
    return NULL;
  return fault;
}
