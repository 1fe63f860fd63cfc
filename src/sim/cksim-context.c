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
cksim_context_arm_fault (CkSimContext *ctx,
                         const char   *endpoint,
                         int           code)
{
  g_hash_table_replace (ctx->faults, g_strdup (endpoint), GINT_TO_POINTER (code));
}

int
cksim_context_take_fault (CkSimContext *ctx,
                          const char   *endpoint)
{
  gpointer code;

  if (!g_hash_table_lookup_extended (ctx->faults, endpoint, NULL, &code))
    return 0;
  g_hash_table_remove (ctx->faults, endpoint);
  return GPOINTER_TO_INT (code);
}
