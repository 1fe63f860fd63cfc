/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-device-row"

#include "config.h"

#include <glib/gi18n.h>

#include "relay-device-family.h"
#include "relay-device-row.h"

/**
 * RelayDeviceRow:
 *
 * One device in the list view: family icon, name, state summary, whether it
 * is online, offline or stale, and a quick power switch. Rows are recycled
 * by GtkListView, so the device is a settable property and every handler
 * follows it through a GSignalGroup.
 *
 * The switch only ever shows CkDevice:power; flipping it asks the client,
 * which shows the value at once (pending) and rolls it back if the device
 * refuses.
 */
struct _RelayDeviceRow
{
  GtkWidget     parent_instance;

  CkClient     *client;
  CkDevice     *device;
  GSignalGroup *device_signals;

  GtkImage     *family_icon;
  GtkLabel     *name_label;
  GtkLabel     *summary_label;
  GtkLabel     *status_label;
  GtkSwitch    *power_switch;
  GtkSpinner   *pending_spinner;

  /* What the widgets show now, to leave unchanged ones alone. */
  const char   *icon_name;        /* static strings of relay-device-family.c */
  gboolean      dimmed;
  gboolean      offline;
};

G_DEFINE_FINAL_TYPE (RelayDeviceRow, relay_device_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_DEVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* CkDevice property names, interned once (GParamSpec names are interned,
 * so a notification is dispatched by comparing pointers). */
static const char *name_prop, *power_prop, *online_prop, *pending_prop, *has_power_prop, *stale_prop;

static void
sync_power (RelayDeviceRow *self)
{
  gboolean power;

  if (self->device == NULL)
    return;

  power = ck_device_get_power (self->device);
  /* set_active emits state-set, which lets the switch take the state
   * because it then matches the device; set_state covers a switch whose
   * active already matched but whose state had not followed yet. */
  gtk_switch_set_active (self->power_switch, power);
  gtk_switch_set_state (self->power_switch, power);
}

static void
sync_state (RelayDeviceRow *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *accessible = NULL;
  gboolean online, pending, has_power, stale, dimmed;
  CkCapability caps;
  const char *status, *icon_name;

  if (self->device == NULL)
    return;

  online = ck_device_get_online (self->device);
  pending = ck_device_get_pending (self->device);
  has_power = ck_device_get_has_power (self->device);
  stale = online && ck_device_get_stale (self->device);
  caps = ck_device_get_capabilities (self->device);

  summary = relay_device_dup_summary_for (self->device, caps);
  if (!online)
    status = _("Offline");
  else if (pending)
    status = _("Waiting for the device");
  else if (stale)
    status = _("Not updated");
  else
    status = _("Online");

  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary[0] != '\0');
  /* Online and current is the normal case: only the exceptions are shown.
   * A hidden label is neither measured nor drawn, so leave its text. */
  if (!online || pending || stale)
    gtk_label_set_text (self->status_label, status);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), !online || pending || stale);

  dimmed = !online || stale;
  if (dimmed != self->dimmed)
    {
      self->dimmed = dimmed;
      if (dimmed)
        gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "dim-label");
    }
  if ((!online) != self->offline)
    {
      self->offline = !online;
      if (self->offline)
        gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "offline");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "offline");
    }

  icon_name = relay_capabilities_get_icon_name (caps);
  if (icon_name != self->icon_name)
    {
      self->icon_name = icon_name;
      gtk_image_set_from_icon_name (self->family_icon, icon_name);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->power_switch), online && has_power);
  gtk_widget_set_visible (GTK_WIDGET (self->power_switch), has_power);
  gtk_widget_set_visible (GTK_WIDGET (self->pending_spinner), pending);
  gtk_spinner_set_spinning (self->pending_spinner, pending);

  accessible = g_strjoin (", ", ck_device_get_name (self->device), summary, status, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
sync_name (RelayDeviceRow *self)
{
  if (self->device != NULL)
    gtk_label_set_text (self->name_label, ck_device_get_name (self->device));
}

/* One handler for every property: connecting one per property made each
 * bind cost eight connections and each unbind eight disconnections. */
static void
on_device_notify_cb (RelayDeviceRow *self,
                     GParamSpec     *pspec)
{
  const char *name = pspec->name;

  if (name == name_prop)
    {
      sync_name (self);
      sync_state (self);   /* the accessible label names the device */
    }
  else if (name == power_prop)
    {
      sync_power (self);
      sync_state (self);
    }
  else if (name == online_prop || name == pending_prop || name == has_power_prop || name == stale_prop)
    sync_state (self);
}

static void
set_power_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The window tells the user why (CkClient::command-failed) and the
   * controls follow CkDevice:power, which the client rolled back. */
  if (!ck_client_set_power_finish (CK_CLIENT (object), result, &error))
    g_debug ("Power command failed: %s", error->message);
}

/**
 * relay_device_request_power:
 *
 * Asks for @on unless the device already shows it. The command is not tied
 * to any widget's life: a row scrolled away or recycled, or a page closed,
 * must not cancel what the user asked for.
 */
void
relay_device_request_power (CkClient *client,
                            CkDevice *device,
                            gboolean  on)
{
  g_return_if_fail (CK_IS_CLIENT (client));
  g_return_if_fail (CK_IS_DEVICE (device));

  if (!ck_device_get_online (device) || ck_device_get_power (device) == on)
    return;

  ck_client_set_power_async (client, device, on, NULL, set_power_cb, NULL);
}

static gboolean
on_power_switch_state_set_cb (RelayDeviceRow *self,
                              gboolean        state,
                              GtkSwitch      *power_switch)
{
  /* The switch following the device: let it take the state. */
  if (self->device == NULL || state == ck_device_get_power (self->device))
    return FALSE;

  /* The user flipped it: the device's power (pending) answers for the state. */
  relay_device_request_power (self->client, self->device, state);
  return TRUE;
}

static void
relay_device_row_dispose (GObject *object)
{
  RelayDeviceRow *self = RELAY_DEVICE_ROW (object);
  GtkWidget *child;

  g_signal_group_set_target (self->device_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RELAY_TYPE_DEVICE_ROW);
  /* Children without an id are not the template's to drop. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->device);
  g_clear_object (&self->client);
  g_clear_object (&self->device_signals);

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
      relay_device_row_set_device (self, g_value_get_object (value));
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

  object_class->dispose = relay_device_row_dispose;
  object_class->get_property = relay_device_row_get_property;
  object_class->set_property = relay_device_row_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         CK_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  /**
   * RelayDeviceRow:device: (nullable)
   *
   * The device shown; changes as the list view recycles the row.
   */
  properties[PROP_DEVICE] =
    g_param_spec_object ("device", NULL, NULL,
                         CK_TYPE_DEVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  name_prop = g_intern_static_string ("name");
  power_prop = g_intern_static_string ("power");
  online_prop = g_intern_static_string ("online");
  pending_prop = g_intern_static_string ("pending");
  has_power_prop = g_intern_static_string ("has-power");
  stale_prop = g_intern_static_string ("stale");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "devicerow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/relay-device-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RelayDeviceRow, family_icon);
  gtk_widget_class_bind_template_child (widget_class, RelayDeviceRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RelayDeviceRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RelayDeviceRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, RelayDeviceRow, power_switch);
  gtk_widget_class_bind_template_child (widget_class, RelayDeviceRow, pending_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_power_switch_state_set_cb);
}

static void
relay_device_row_init (RelayDeviceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);

  self->device_signals = g_signal_group_new (CK_TYPE_DEVICE);
  g_signal_group_connect_swapped (self->device_signals, "notify", G_CALLBACK (on_device_notify_cb), self);
  g_signal_group_connect_swapped (self->device_signals, "params-changed", G_CALLBACK (sync_state), self);
}

GtkWidget *
relay_device_row_new (CkClient *client)
{
  g_return_val_if_fail (CK_IS_CLIENT (client), NULL);

  return g_object_new (RELAY_TYPE_DEVICE_ROW, "client", client, NULL);
}

/* (transfer none) (nullable) */
CkDevice *
relay_device_row_get_device (RelayDeviceRow *self)
{
  g_return_val_if_fail (RELAY_IS_DEVICE_ROW (self), NULL);

  return self->device;
}

void
relay_device_row_set_device (RelayDeviceRow *self,
                             CkDevice       *device)
{
  g_return_if_fail (RELAY_IS_DEVICE_ROW (self));
  g_return_if_fail (device == NULL || CK_IS_DEVICE (device));

  if (!g_set_object (&self->device, device))
    return;

  g_signal_group_set_target (self->device_signals, device);
  sync_name (self);
  sync_power (self);
  sync_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVICE]);
}

/* (transfer none): for tests and keyboard focus */
GtkSwitch *
relay_device_row_get_switch (RelayDeviceRow *self)
{
  g_return_val_if_fail (RELAY_IS_DEVICE_ROW (self), NULL);

  return self->power_switch;
}

/**
 * relay_device_row_toggle_power:
 *
 * What Space does on a focused row. Returns: %FALSE when the device cannot
 * be switched now (offline, nothing to switch).
 */
gboolean
relay_device_row_toggle_power (RelayDeviceRow *self)
{
  g_return_val_if_fail (RELAY_IS_DEVICE_ROW (self), FALSE);

  if (self->device == NULL || !gtk_widget_is_sensitive (GTK_WIDGET (self->power_switch)) ||
      !gtk_widget_get_visible (GTK_WIDGET (self->power_switch)))
    return FALSE;

  relay_device_request_power (self->client, self->device, !ck_device_get_power (self->device));
  return TRUE;
}
