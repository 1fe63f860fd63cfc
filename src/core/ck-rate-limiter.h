/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The v2 numbers that spec §1.5 asks clients to keep voluntarily. */
#define CK_RATE_LIMITER_DEFAULT_MIN_INTERVAL_MS 500
#define CK_RATE_LIMITER_DEFAULT_WINDOW_MS       (5 * 60 * 1000)
#define CK_RATE_LIMITER_DEFAULT_MAX_CALLS       300

#define CK_TYPE_RATE_LIMITER (ck_rate_limiter_get_type ())
G_DECLARE_FINAL_TYPE (CkRateLimiter, ck_rate_limiter, CK, RATE_LIMITER, GObject)

/**
 * CkRateLimiter:
 *
 * Paces REST calls (spec §1.5): at least "min-interval-ms" between two calls
 * with the same key (an endpoint), and at most "max-calls" calls in any
 * "window-ms". It queues: a call that would exceed a limit is given a later
 * start time instead of failing.
 */

CkRateLimiter *ck_rate_limiter_new                  (void) G_GNUC_WARN_UNUSED_RESULT;

guint          ck_rate_limiter_get_min_interval_ms  (CkRateLimiter       *self);
void           ck_rate_limiter_set_min_interval_ms  (CkRateLimiter       *self,
                                                     guint                min_interval_ms);
guint          ck_rate_limiter_get_window_ms        (CkRateLimiter       *self);
void           ck_rate_limiter_set_window_ms        (CkRateLimiter       *self,
                                                     guint                window_ms);
guint          ck_rate_limiter_get_max_calls        (CkRateLimiter       *self);
void           ck_rate_limiter_set_max_calls        (CkRateLimiter       *self,
                                                     guint                max_calls);

/**
 * ck_rate_limiter_reserve:
 * @key: the endpoint, e.g. "GET /api/user/device"
 * @now_us: the current monotonic time in microseconds
 *
 * Books the earliest start time at or after @now_us that keeps both limits,
 * counting every slot booked before.
 *
 * Returns: the booked start time, in the clock of @now_us.
 */
gint64         ck_rate_limiter_reserve              (CkRateLimiter       *self,
                                                     const char          *key,
                                                     gint64               now_us);

/* Books a slot for @key (monotonic clock) and completes when it starts, or
 * with G_IO_ERROR_CANCELLED when @cancellable fires first (the slot is then
 * given back). */
void           ck_rate_limiter_wait_async           (CkRateLimiter       *self,
                                                     const char          *key,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean       ck_rate_limiter_wait_finish          (CkRateLimiter       *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
