/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-device-panel"

#include "config.h"

#include "relay-device-panel.h"

/**
 * RelayDevicePanel:
 *
 * What the sections of a device page that act on the device (timers,
 * sharing, management) share: the client and the device they act on, a
 * cancellable that ends their calls when the page goes, and rows rebuilt
 * from the device's models. Properties: "client" and "device"
 * (construct-only).
 */
typedef struct
{
  CkClient     *client;
  CkDevice     *device;
  GCancellable *cancellable;
  GPtrArray    *rows;        /* borrowed: they live in the group */
  guint         rebuild_id;
} RelayDevicePanelPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (RelayDevicePanel, relay_device_panel, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_CLIENT,
  PROP_DEVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define ITEM_KEY "relay-row-item"

CkClient *
relay_device_panel_get_client (RelayDevicePanel *self)
{
  RelayDevicePanelPrivate *priv = relay_device_panel_get_instance_private (self);

  g_return_val_if_fail (RELAY_IS_DEVICE_PANEL (self), NULL);

  return priv->client;
}

CkDevice *
relay_device_panel_get_device (RelayDevicePanel *self)
{
  RelayDevicePanelPrivate *priv = relay_device_panel_get_instance_private (self);

  g_return_val_if_fail (RELAY_IS_DEVICE_PANEL (self), NULL);

  return priv->device;
}

GCancellable *
relay_device_panel_get_cancellable (RelayDevicePanel *self)
{
  RelayDevicePanelPrivate *priv = relay_device_panel_get_instance_private (self);

  g_return_val_if_fail (RELAY_IS_DEVICE_PANEL (self), NULL);

  return priv->cancellable;
}

GtkWindow *
relay_device_panel_get_window (RelayDevicePanel *self)
{
  GtkRoot *root;

  g_return_val_if_fail (RELAY_IS_DEVICE_PANEL (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
relay_device_panel_add_row (RelayDevicePanel *self,
                              GtkWidget          *row)
{
  RelayDevicePanelPrivate *priv = relay_device_panel_get_instance_private (self);

  g_return_if_fail (RELAY_IS_DEVICE_PANEL (self));
  g_return_if_fail (GTK_IS_WIDGET (row));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (priv->rows, row);
}

void
relay_device_panel_rebuild (RelayDevicePanel *self)
{
  RelayDevicePanelPrivate *priv = relay_device_panel_get_instance_private (self);
  RelayDevicePanelClass *klass;

  g_return_if_fail (RELAY_IS_DEVICE_PANEL (self));

  g_clear_handle_id (&priv->rebuild_id, g_source_remove);
  for (guint i = 0; i < priv->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (priv->rows, i));
  g_ptr_array_set_size (priv->rows, 0);

  klass = RELAY_DEVICE_PANEL_GET_CLASS (self);
  if (klass->rebuild != NULL && priv->device != NULL)
    klass->rebuild (self);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  RelayDevicePanel *self = user_data;
  RelayDevicePanelPrivate *priv = relay_device_panel_get_instance_private (self);

  priv->rebuild_id = 0;
  relay_device_panel_rebuild (self);
  return G_SOURCE_REMOVE;
}

void
relay_device_panel_schedule_rebuild (RelayDevicePanel *self)
{
  RelayDevicePanelPrivate *priv = relay_device_panel_get_instance_private (self);

  g_return_if_fail (RELAY_IS_DEVICE_PANEL (self));

  if (priv->rebuild_id == 0)
    priv->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

GtkWidget *
relay_row_button_new (const char     *icon_name,
                      const char     *name,
                      const char     *label,
                      gpointer        item,
                      GBoxedCopyFunc  ref,
                      GDestroyNotify  unref)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (item != NULL)
    relay_row_widget_set_item (button, item, ref, unref);
  return button;
}

void
relay_row_widget_set_item (GtkWidget      *widget,
                           gpointer        item,
                           GBoxedCopyFunc  ref,
                           GDestroyNotify  unref)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), ITEM_KEY, ref (item), unref);
}

gpointer
relay_row_widget_get_item (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_data (G_OBJECT (widget), ITEM_KEY);
}

static void
relay_device_panel_dispose (GObject *object)
{
  RelayDevicePanel *self = RELAY_DEVICE_PANEL (object);
  RelayDevicePanelPrivate *priv = relay_device_panel_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  g_clear_handle_id (&priv->rebuild_id, g_source_remove);
  g_clear_object (&priv->device);
  g_clear_object (&priv->client);
  g_clear_pointer (&priv->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (relay_device_panel_parent_class)->dispose (object);
}

static void
relay_device_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RelayDevicePanel *self = RELAY_DEVICE_PANEL (object);
  RelayDevicePanelPrivate *priv = relay_device_panel_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, priv->client);
      break;
    case PROP_DEVICE:
      g_value_set_object (value, priv->device);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relay_device_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RelayDevicePanel *self = RELAY_DEVICE_PANEL (object);
  RelayDevicePanelPrivate *priv = relay_device_panel_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CLIENT:
      priv->client = g_value_dup_object (value);
      break;
    case PROP_DEVICE:
      priv->device = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relay_device_panel_class_init (RelayDevicePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = relay_device_panel_dispose;
  object_class->get_property = relay_device_panel_get_property;
  object_class->set_property = relay_device_panel_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, CK_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DEVICE] =
    g_param_spec_object ("device", NULL, NULL, CK_TYPE_DEVICE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
relay_device_panel_init (RelayDevicePanel *self)
{
  RelayDevicePanelPrivate *priv = relay_device_panel_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
  priv->rows = g_ptr_array_new ();
}
