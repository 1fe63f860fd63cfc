/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "cksim-clock.h"

G_BEGIN_DECLS

/*
 * CkSimScheduler:
 *
 * Named one-shot tasks due at a time of the simulator's clock. A task runs
 * when that much real time has passed, or at once when a test moves the
 * clock past its deadline (CkSimClock::moved), so no test waits for an
 * inching width or a sensor period. A task scheduled under a key already in
 * use replaces the older one.
 */
typedef struct _CkSimScheduler CkSimScheduler;

typedef void (*CkSimTaskFunc) (gpointer data);

CkSimScheduler *cksim_scheduler_new       (CkSimClock     *clock);
void            cksim_scheduler_free      (CkSimScheduler *self);
/* Runs @func (@data) at simulator time @due_ms; @destroy frees @data after
 * the run or when the task is replaced or cancelled. */
void            cksim_scheduler_at        (CkSimScheduler *self,
                                           const char     *key,
                                           gint64          due_ms,
                                           CkSimTaskFunc   func,
                                           gpointer        data,
                                           GDestroyNotify  destroy);
void            cksim_scheduler_cancel    (CkSimScheduler *self,
                                           const char     *key);
gboolean        cksim_scheduler_has       (CkSimScheduler *self,
                                           const char     *key);
/* The simulator time (ms) a task is due at, or -1. */
gint64          cksim_scheduler_due       (CkSimScheduler *self,
                                           const char     *key);

G_END_DECLS
