/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * CkSimRateLimit:
 *
 * The v2 limits that --rate-limit enforces per IP and endpoint (spec §1.5):
 * a minimum gap between two calls and a maximum number of calls per window,
 * judged on the simulator's clock. Only accepted calls count.
 */
typedef struct _CkSimRateLimit CkSimRateLimit;

CkSimRateLimit *cksim_rate_limit_new   (void);
void            cksim_rate_limit_free  (CkSimRateLimit *limit);

/* TRUE (and the call is recorded) when a call for @key at @now_ms keeps
 * @gap_ms after the previous one and makes at most @max in @window_ms. */
gboolean        cksim_rate_limit_allow (CkSimRateLimit *limit,
                                        const char     *key,
                                        gint64          now_ms,
                                        gint64          gap_ms,
                                        guint           max,
                                        gint64          window_ms);

G_END_DECLS
