/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Plausible energy histories in the encodings of devices.md §6.4, the same
 * for the same @seed (a device id) so tests can decode and compare them.
 */

/* hundredDaysKwhData: 100 days x "XXYYZZ", today first; XX = whole kWh in
 * hex, YY = "0" + tenths digit, ZZ = "0" + hundredths digit (600 chars). */
char   *cksim_energy_hundred_days (const char *seed) G_GNUC_WARN_UNUSED_RESULT;
/* kwhHistories_0N (DualR3): @days x "HHDD": whole kWh in 2 hex digits,
 * hundredths in 2 decimal digits. */
char   *cksim_energy_day_history  (const char *seed,
                                   guint       days) G_GNUC_WARN_UNUSED_RESULT;
/* hoursKwhData (UIID 190): one "HDD" per hour of [@start, @end] (at most
 * CKSIM_ENERGY_MAX_HOURS): whole kWh in 1 hex digit, hundredths in 2
 * decimal digits. */
#define CKSIM_ENERGY_MAX_HOURS 8784
char   *cksim_energy_hours        (const char *seed,
                                   gint64      start,
                                   gint64      end) G_GNUC_WARN_UNUSED_RESULT;
/* oneKwhData: kWh with 2 decimals, 0-50000. */
double  cksim_energy_one_kwh      (const char *seed);

G_END_DECLS
