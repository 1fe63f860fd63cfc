/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "cksim-config.h"
#include "cksim-scheduler.h"
#include "cksim-state.h"

G_BEGIN_DECLS

/*
 * CkSimEmulator:
 *
 * What an emulated device does once it has accepted an update
 * (devices.md §7.2): merges it, derives state (relay interlock, TH auto
 * mode), answers "get" commands, and keeps the timed behaviours (inching,
 * metering while uiActive, cover and motor travel) on the simulator's clock
 * through a CkSimScheduler, so tests move the clock instead of waiting.
 * Reports that happen later go through @report (the WebSocket's device
 * report: merged into the shadow and pushed).
 */
typedef struct _CkSimEmulator CkSimEmulator;

typedef void (*CkSimReportFunc) (CkSimDevice *device,
                                 JsonObject  *params,
                                 gpointer     data);

/* What an accepted update produces besides the merge. */
typedef struct
{
  JsonObject *config;   /* (nullable): the ack's "config" (hundredDaysKwh) */
  GPtrArray  *reports;  /* JsonObject: device reports to push after the ack */
} CkSimOutcome;

void            cksim_outcome_clear          (CkSimOutcome     *outcome);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CkSimOutcome, cksim_outcome_clear)

CkSimEmulator  *cksim_emulator_new           (CkSimState       *state,
                                              const CkSimConfig *config,
                                              CkSimReportFunc   report,
                                              gpointer          report_data);
void            cksim_emulator_free          (CkSimEmulator    *self);
CkSimScheduler *cksim_emulator_get_scheduler (CkSimEmulator    *self);

/* Merges @accepted into @device's shadow and fills @outcome (initialise it
 * with { NULL, NULL }; clear it with cksim_outcome_clear()). */
void            cksim_emulator_apply         (CkSimEmulator    *self,
                                              CkSimDevice      *device,
                                              JsonObject       *accepted,
                                              CkSimOutcome     *outcome);
/* The device reported @params (already merged): a TH in auto mode
 * re-evaluates its targets and reports a switch it flips. */
void            cksim_emulator_after_report  (CkSimEmulator    *self,
                                              CkSimDevice      *device,
                                              JsonObject       *params);
/* The metered load (W) a device would draw when on; reported at once while
 * its uiActive window is open and the change passes the UP thresholds. */
void            cksim_emulator_set_load      (CkSimEmulator    *self,
                                              CkSimDevice      *device,
                                              double            watts);
double          cksim_emulator_get_load      (CkSimEmulator    *self,
                                              CkSimDevice      *device);
/* TRUE for the metering families (5, 32, 126, 182, 190). */
gboolean        cksim_emulator_is_metered    (int               uiid);

G_END_DECLS
