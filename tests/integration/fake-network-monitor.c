/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "fake-network-monitor"

#include "fake-network-monitor.h"

struct _LiveFakeMonitor
{
  GObject  parent_instance;
  gboolean available;
};

static void live_fake_monitor_initable_iface_init (GInitableIface *iface);
static void live_fake_monitor_iface_init          (GNetworkMonitorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiveFakeMonitor, live_fake_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      live_fake_monitor_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR,
                                                      live_fake_monitor_iface_init))

enum {
  PROP_0,
  PROP_NETWORK_AVAILABLE,
  PROP_NETWORK_METERED,
  PROP_CONNECTIVITY,
};

static gboolean
live_fake_monitor_init_initable (GInitable     *initable,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  return TRUE;
}

static void
live_fake_monitor_initable_iface_init (GInitableIface *iface)
{
  iface->init = live_fake_monitor_init_initable;
}

static gboolean
live_fake_monitor_can_reach (GNetworkMonitor     *monitor,
                             GSocketConnectable  *connectable,
                             GCancellable        *cancellable,
                             GError             **error)
{
  LiveFakeMonitor *self = LIVE_FAKE_MONITOR (monitor);

  if (!self->available)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, "Network unreachable");
  return self->available;
}

static void
live_fake_monitor_iface_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = live_fake_monitor_can_reach;
}

static void
live_fake_monitor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiveFakeMonitor *self = LIVE_FAKE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_NETWORK_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_NETWORK_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL
                                               : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
live_fake_monitor_class_init (LiveFakeMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = live_fake_monitor_get_property;
  g_object_class_override_property (object_class, PROP_NETWORK_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_NETWORK_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
live_fake_monitor_init (LiveFakeMonitor *self)
{
}

LiveFakeMonitor *
live_fake_monitor_new (gboolean available)
{
  LiveFakeMonitor *self = g_object_new (LIVE_TYPE_FAKE_MONITOR, NULL);

  self->available = available;
  return self;
}

void
live_fake_monitor_set_available (LiveFakeMonitor *self,
                                 gboolean         available)
{
  if (self->available == !!available)
    return;

  self->available = !!available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", self->available);
}
