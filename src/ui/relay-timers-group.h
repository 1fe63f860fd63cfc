/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "ck-client.h"
#include "relay-device-panel.h"

G_BEGIN_DECLS

#define RELAY_TYPE_TIMERS_GROUP (relay_timers_group_get_type ())
G_DECLARE_FINAL_TYPE (RelayTimersGroup, relay_timers_group, RELAY, TIMERS_GROUP, RelayDevicePanel)

/* A device's timers: a row each (named "timer-N", 1-based, with its
 * "enabled" switch, "edit" and "delete" buttons) and an "add-timer" button. */
GtkWidget *relay_timers_group_new (CkClient *client,
                                   CkDevice *device);
/* A sentence for @timer's schedule in local time ("Every Mon, Fri at 07:30"). */
char      *relay_timer_describe_when   (CkTimer  *timer) G_GNUC_WARN_UNUSED_RESULT;
/* What @timer does on @device ("Turn on", "Channel 2: turn off"). */
char      *relay_timer_describe_action (CkTimer  *timer,
                                        CkDevice *device) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
