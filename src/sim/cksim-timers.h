/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "cksim-state.h"

G_BEGIN_DECLS

/* The sharee permit bits of spec §4.9. */
#define CKSIM_PERMIT_ADD    1
#define CKSIM_PERMIT_EDIT   2
#define CKSIM_PERMIT_DELETE 4
#define CKSIM_PERMIT_ENABLE 8

/*
 * Validates a submitted "timers" array (spec §7): at most @limit entries,
 * each with a lowercase UUID mId unique in the array, enabled 0/1, a type
 * matching its coolkit_timer_type (delay -> once), an "at" in the form of
 * its kind, and the actions the kind needs. @outlet0_only: actions may
 * touch outlet 0 only (iFan, devices.md §7.1). FALSE with @reason.
 */
gboolean cksim_timers_check          (JsonNode    *value,
                                      guint        limit,
                                      gboolean     outlet0_only,
                                      char       **reason);
/* The permit bits a change from @stored to @submitted needs (spec §8.5):
 * a new mId needs add, a missing one delete, a changed "enabled" enable,
 * any other changed field edit. @stored may be NULL (no timers yet). */
int      cksim_timers_needed_permit  (JsonArray   *stored,
                                      JsonArray   *submitted);
/* The cloud's check before a command reaches the device: 0, or 403 when
 * @caller is a sharee of @device whose permit lacks a bit the "timers" of
 * @params needs. */
int      cksim_timers_check_permit   (const CkSimDevice *device,
                                      const char  *caller_apikey,
                                      JsonObject  *params);

G_END_DECLS
