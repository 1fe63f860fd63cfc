/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * CkBackoff:
 *
 * The reconnect pacing of ARCHITECTURE "Pacing": 1, 2, 4 … s (from
 * @initial_ms, doubling) with ±20 % jitter so that many clients do not
 * return in step, never above @max_ms. The caller resets it after a
 * minute online.
 */
typedef struct
{
  guint initial_ms;
  guint max_ms;
  guint attempt;     /* attempts since the last reset */
} CkBackoff;

void  ck_backoff_init       (CkBackoff *backoff,
                             guint      initial_ms,
                             guint      max_ms);
/* The wait before the next attempt; counts the attempt. */
guint ck_backoff_next_delay (CkBackoff *backoff);
void  ck_backoff_reset      (CkBackoff *backoff);

G_END_DECLS
