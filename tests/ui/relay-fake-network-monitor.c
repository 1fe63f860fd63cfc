/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-fake-network-monitor"

#include "relay-fake-network-monitor.h"

struct _RelayFakeNetworkMonitor
{
  GObject  parent_instance;

  gboolean available;
};

static void relay_fake_network_monitor_iface_init (GNetworkMonitorInterface *iface);
static void relay_fake_network_monitor_initable_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RelayFakeNetworkMonitor, relay_fake_network_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      relay_fake_network_monitor_initable_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR,
                                                      relay_fake_network_monitor_iface_init))

enum {
  PROP_0,
  PROP_NETWORK_AVAILABLE,
  PROP_NETWORK_METERED,
  PROP_CONNECTIVITY,
};

static gboolean
relay_fake_network_monitor_can_reach (GNetworkMonitor     *monitor,
                                      GSocketConnectable  *connectable,
                                      GCancellable        *cancellable,
                                      GError             **error)
{
  RelayFakeNetworkMonitor *self = RELAY_FAKE_NETWORK_MONITOR (monitor);

  if (!self->available)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, "No network (test)");
      return FALSE;
    }
  return TRUE;
}

/* GNetworkMonitor requires GInitable; there is nothing to set up. */
static gboolean
relay_fake_network_monitor_initable_init_impl (GInitable     *initable,
                                               GCancellable  *cancellable,
                                               GError       **error)
{
  return TRUE;
}

static void
relay_fake_network_monitor_initable_init (GInitableIface *iface)
{
  iface->init = relay_fake_network_monitor_initable_init_impl;
}

static void
relay_fake_network_monitor_iface_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = relay_fake_network_monitor_can_reach;
}

static void
relay_fake_network_monitor_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  RelayFakeNetworkMonitor *self = RELAY_FAKE_NETWORK_MONITOR (object);

  switch (prop_id)
    {
    case PROP_NETWORK_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_NETWORK_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relay_fake_network_monitor_class_init (RelayFakeNetworkMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = relay_fake_network_monitor_get_property;
  g_object_class_override_property (object_class, PROP_NETWORK_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_NETWORK_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
relay_fake_network_monitor_init (RelayFakeNetworkMonitor *self)
{
  self->available = TRUE;
}

RelayFakeNetworkMonitor *
relay_fake_network_monitor_new (void)
{
  return g_object_new (RELAY_TYPE_FAKE_NETWORK_MONITOR, NULL);
}

/* Notifies and emits "network-changed" as a real monitor does. */
void
relay_fake_network_monitor_set_available (RelayFakeNetworkMonitor *self,
                                          gboolean                 available)
{
  g_return_if_fail (RELAY_IS_FAKE_NETWORK_MONITOR (self));

  available = !!available;
  if (self->available == available)
    return;

  self->available = available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_object_notify (G_OBJECT (self), "connectivity");
  g_signal_emit_by_name (self, "network-changed", available);
}
