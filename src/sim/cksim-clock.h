/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CKSIM_TYPE_CLOCK (cksim_clock_get_type ())
G_DECLARE_FINAL_TYPE (CkSimClock, cksim_clock, CKSIM, CLOCK, GObject)

/*
 * CkSimClock:
 *
 * The simulator's notion of "now": real time plus an offset that tests move
 * forward. Token lifetimes and the ts window are judged on it.
 * Property "offset" (seconds, notifies on change). Signal "moved": the
 * offset changed by any amount.
 */
CkSimClock *cksim_clock_new        (void) G_GNUC_WARN_UNUSED_RESULT;
gint64      cksim_clock_get_time   (CkSimClock *self);  /* unix seconds */
gint64      cksim_clock_get_time_ms (CkSimClock *self); /* unix milliseconds */
gint64      cksim_clock_get_offset (CkSimClock *self);
void        cksim_clock_set_offset (CkSimClock *self,
                                    gint64      offset);
void        cksim_clock_advance    (CkSimClock *self,
                                    gint64      seconds);
/* Millisecond steps, for the rate limiter's 500 ms rule. */
gint64      cksim_clock_get_offset_ms (CkSimClock *self);
void        cksim_clock_set_offset_ms (CkSimClock *self,
                                       gint64      offset_ms);
void        cksim_clock_advance_ms (CkSimClock *self,
                                    gint64      ms);
/* ISO-8601 UTC with milliseconds, e.g. "2019-05-16T10:48:42.091Z". */
char       *cksim_format_iso_ms    (gint64      unix_ms) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
