/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A GNetworkMonitor whose availability the test sets. */
#define LIVE_TYPE_FAKE_MONITOR (live_fake_monitor_get_type ())
G_DECLARE_FINAL_TYPE (LiveFakeMonitor, live_fake_monitor, LIVE, FAKE_MONITOR, GObject)

LiveFakeMonitor *live_fake_monitor_new           (gboolean          available) G_GNUC_WARN_UNUSED_RESULT;
void             live_fake_monitor_set_available (LiveFakeMonitor  *self,
                                                  gboolean          available);

G_END_DECLS
