/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RELAY_TYPE_FAKE_NETWORK_MONITOR (relay_fake_network_monitor_get_type ())
G_DECLARE_FINAL_TYPE (RelayFakeNetworkMonitor, relay_fake_network_monitor,
                      RELAY, FAKE_NETWORK_MONITOR, GObject)

/* A GNetworkMonitor whose network comes and goes when a test says so
 * (available at first), for CkClient's "network-monitor". */
RelayFakeNetworkMonitor *relay_fake_network_monitor_new           (void) G_GNUC_WARN_UNUSED_RESULT;
void                     relay_fake_network_monitor_set_available (RelayFakeNetworkMonitor *self,
                                                                   gboolean                 available);

G_END_DECLS
