/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-device-row"

#include "config.h"

#include <glib/gi18n.h>

#include "relay-device-row.h"

/**
 * RelayDeviceRow:
 *
 * One device in the list: its name, its state and a power switch. The switch
 * only ever shows CkDevice:power; flipping it asks the client, which shows the
 * value at once (pending) and rolls it back if the device refuses.
 */
struct _RelayDeviceRow
{
  AdwActionRow  parent_instance;

  CkClient     *client;
  CkDevice     *device;

  GtkSwitch    *power_switch;
  GtkSpinner   *pending_spinner;
};

G_DEFINE_FINAL_TYPE (RelayDeviceRow, relay_device_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_DEVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sync_power (RelayDeviceRow *self)
{
  gboolean power = ck_device_get_power (self->device);

  /* set_active emits state-set, which lets the switch take the state
   * because it then matches the device; set_state covers a switch whose
   * active already matched but whose state had not followed yet. */
  gtk_switch_set_active (self->power_switch, power);
  gtk_switch_set_state (self->power_switch, power);
}

static void
sync_state (RelayDeviceRow *self)
{
  gboolean online = ck_device_get_online (self->device);
  gboolean pending = ck_device_get_pending (self->device);
  gboolean has_power = ck_device_get_has_power (self->device);
  const char *subtitle;

  if (!online)
    subtitle = _("Offline");
  else if (pending)
    subtitle = _("Online · Waiting for the device");
  else
    subtitle = _("Online");

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  /* Nothing to switch: neither the switch nor the row (Enter, Space) reacts. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->power_switch), online && has_power);
  gtk_widget_set_visible (GTK_WIDGET (self->power_switch), has_power);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), online && has_power);
  gtk_widget_set_visible (GTK_WIDGET (self->pending_spinner), pending);
  gtk_spinner_set_spinning (self->pending_spinner, pending);
}

static void
set_power_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RelayDeviceRow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* The window tells the user why (CkClient::command-failed); the row only
   * makes sure the switch shows the device's real state again, if it still
   * shows a device at all. */
  if (!ck_client_set_power_finish (CK_CLIENT (object), result, &error) && self->device != NULL)
    sync_power (self);
}

static gboolean
on_power_switch_state_set_cb (RelayDeviceRow *self,
                              gboolean        state,
                              GtkSwitch      *power_switch)
{
  /* The switch following the device: let it take the state. */
  if (state == ck_device_get_power (self->device))
    return FALSE;

  /* The user flipped it: the device's power (pending) answers for the state.
   * The command is not tied to the row's life: a row scrolled away or
   * recycled must not cancel what the user asked for. */
  ck_client_set_power_async (self->client, self->device, state, NULL,
                             set_power_cb, g_object_ref (self));
  return TRUE;
}

static void
relay_device_row_constructed (GObject *object)
{
  RelayDeviceRow *self = RELAY_DEVICE_ROW (object);

  G_OBJECT_CLASS (relay_device_row_parent_class)->constructed (object);

  g_object_bind_property (self->device, "name", self, "title", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->device, "notify::power",
                           G_CALLBACK (sync_power), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->device, "notify::online",
                           G_CALLBACK (sync_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->device, "notify::pending",
                           G_CALLBACK (sync_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->device, "notify::has-power",
                           G_CALLBACK (sync_state), self, G_CONNECT_SWAPPED);
  sync_power (self);
  sync_state (self);
}

static void
relay_device_row_dispose (GObject *object)
{
  RelayDeviceRow *self = RELAY_DEVICE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RELAY_TYPE_DEVICE_ROW);
  g_clear_object (&self->device);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (relay_device_row_parent_class)->dispose (object);
}

static void
relay_device_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RelayDeviceRow *self = RELAY_DEVICE_ROW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_DEVICE:
      g_value_set_object (value, self->device);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relay_device_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RelayDeviceRow *self = RELAY_DEVICE_ROW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_DEVICE:
      self->device = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relay_device_row_class_init (RelayDeviceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = relay_device_row_constructed;
  object_class->dispose = relay_device_row_dispose;
  object_class->get_property = relay_device_row_get_property;
  object_class->set_property = relay_device_row_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         CK_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_DEVICE] =
    g_param_spec_object ("device", NULL, NULL,
                         CK_TYPE_DEVICE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/relay-device-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RelayDeviceRow, power_switch);
  gtk_widget_class_bind_template_child (widget_class, RelayDeviceRow, pending_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_power_switch_state_set_cb);
}

static void
relay_device_row_init (RelayDeviceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
relay_device_row_new (CkClient *client,
                      CkDevice *device)
{
  g_return_val_if_fail (CK_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CK_IS_DEVICE (device), NULL);

  return g_object_new (RELAY_TYPE_DEVICE_ROW,
                       "client", client,
                       "device", device,
                       NULL);
}

/* (transfer none) */
CkDevice *
relay_device_row_get_device (RelayDeviceRow *self)
{
  g_return_val_if_fail (RELAY_IS_DEVICE_ROW (self), NULL);

  return self->device;
}

/* (transfer none): for tests and keyboard focus */
GtkSwitch *
relay_device_row_get_switch (RelayDeviceRow *self)
{
  g_return_val_if_fail (RELAY_IS_DEVICE_ROW (self), NULL);

  return self->power_switch;
}
