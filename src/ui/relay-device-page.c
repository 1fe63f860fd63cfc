/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-device-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "relay-device-commands.h"
#include "relay-device-family.h"
#include "relay-device-page.h"
#include "relay-device-row.h"
#include "relay-device-settings.h"
#include "relay-errors.h"
#include "relay-sharing-group.h"
#include "relay-throttle.h"
#include "relay-timers-group.h"
#include "relay-white-light.h"

/**
 * RelayDevicePage:
 *
 * Everything about one device, built from its CkCatalog capabilities:
 * power, a row per channel, brightness, colour temperature (kelvin where the
 * family knows its range), colour, fan speed, readings with the time they
 * were last updated, and the device's details.
 *
 * Controls only ever show the device's state: a change is sent, the client
 * shows it at once (pending) and rolls it back if it fails, and the page
 * follows. Slider drags go through a RelayThrottle: at most one command per
 * interval, always ending with the final value.
 */
struct _RelayDevicePage
{
  AdwBin         parent_instance;

  CkClient      *client;
  CkDevice      *device;
  const CkFamily *family;
  GSignalGroup  *device_signals;

  GtkBox        *content;
  GHashTable    *controls;     /* name → widget (borrowed: they live in content) */
  GHashTable    *value_labels; /* control name → GtkLabel showing its value */

  RelayThrottle *brightness_throttle;
  RelayThrottle *temperature_throttle;
  gboolean       syncing;
};

G_DEFINE_FINAL_TYPE (RelayDevicePage, relay_device_page, ADW_TYPE_BIN)

static const struct
{
  CkReading   reading;
  const char *name;
  const char *title;
} readings[] = {
  { CK_READING_POWER, "power", N_("Power") },
  { CK_READING_VOLTAGE, "voltage", N_("Voltage") },
  { CK_READING_CURRENT, "current", N_("Current") },
  { CK_READING_TEMPERATURE, "temperature", N_("Temperature") },
  { CK_READING_HUMIDITY, "humidity", N_("Humidity") },
  { CK_READING_BATTERY, "battery", N_("Battery") },
  { CK_READING_BATTERY_VOLTAGE, "battery-voltage", N_("Battery Voltage") },
  { CK_READING_LIGHT, "light", N_("Light Level") },
  { CK_READING_NOISE, "noise", N_("Noise Level") },
  { CK_READING_DUST, "dust", N_("Dust Level") },
};

static const char * const fan_level_names[] = {
  N_("Off"), N_("Low"), N_("Medium"), N_("High"),
};

static void sync_values (RelayDevicePage *self);

static JsonObject *
params (RelayDevicePage *self)
{
  return ck_device_get_params (self->device);
}

/* Failures the client does not report itself (nothing was sent). */
static void
report_failure (RelayDevicePage *self,
                const GError    *error)
{
  g_autofree char *title = NULL;

  title = g_markup_printf_escaped (_("“%s” did not change: %s"),
                                   ck_device_get_name (self->device),
                                   relay_error_describe (error));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", title);
}

/* Encoded params (or an encoding error) → the client; the controls follow
 * the device again when nothing could be sent. */
static void
send_encoded (RelayDevicePage *self,
              JsonObject      *update,
              GError          *encode_error)
{
  g_autoptr(JsonObject) owned = update;
  g_autoptr(GError) error = encode_error;

  if (owned != NULL && relay_device_send (self->client, self->device, owned, &error))
    return;

  report_failure (self, error);
  sync_values (self);
}

static void
register_control (RelayDevicePage *self,
                  const char      *name,
                  GtkWidget       *widget)
{
  gtk_widget_set_name (widget, name);
  g_hash_table_replace (self->controls, g_strdup (name), widget);
}

static GtkWidget *
add_group (RelayDevicePage *self,
           const char      *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->content, group);
  return group;
}

/* A section that keeps itself current (timers, sharing, management). */
static void
add_section (RelayDevicePage *self,
             const char      *name,
             GtkWidget       *section)
{
  gtk_box_append (self->content, section);
  register_control (self, name, section);
}

static GtkWidget *
add_row (GtkWidget  *group,
         const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
add_switch_row (RelayDevicePage *self,
                GtkWidget       *group,
                const char      *title,
                const char      *name,
                GCallback        state_set)
{
  GtkWidget *row = add_row (group, title);
  GtkWidget *toggle = gtk_switch_new ();

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_signal_connect_object (toggle, "state-set", state_set, self, G_CONNECT_SWAPPED);
  register_control (self, name, toggle);
  return toggle;
}

static void
add_value_row (RelayDevicePage *self,
               GtkWidget       *group,
               const char      *title,
               const char      *name,
               const char      *value)
{
  GtkWidget *row = add_row (group, title);
  GtkWidget *label = gtk_label_new (value);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  register_control (self, name, label);
  g_hash_table_replace (self->value_labels, g_strdup (name), row);
}

/* The Wi-Fi signal: bars as the panel shows them, and the dBm. */
static void
add_signal_row (RelayDevicePage *self,
                GtkWidget       *group)
{
  GtkWidget *icon = gtk_image_new ();

  add_value_row (self, group, _("Signal"), "signal", "—");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Signal strength"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (g_hash_table_lookup (self->value_labels, "signal")), icon);
  register_control (self, "signal-icon", icon);
}

/* ------------------------------------------------------------------ power */

static gboolean
on_power_state_set_cb (RelayDevicePage *self,
                       gboolean         state)
{
  if (self->syncing || state == ck_device_get_power (self->device))
    return FALSE;

  relay_device_request_power (self->client, self->device, state);
  return TRUE;
}

static gboolean
on_channel_state_set_cb (RelayDevicePage *self,
                         gboolean         state,
                         GtkSwitch       *toggle)
{
  guint channel = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "channel"));
  gboolean current = FALSE;
  GError *error = NULL;
  JsonObject *update;

  ck_family_decode_channel (self->family, params (self), channel, &current);
  if (self->syncing || state == current)
    return FALSE;

  update = ck_family_encode_channel (self->family, params (self), channel, state, &error);
  send_encoded (self, update, error);
  return TRUE;
}

/* ---------------------------------------------------------------- sliders */

static char *
format_temperature (RelayDevicePage *self,
                    gint             value)
{
  return ck_color_temperature_to_string (value, ck_family_get_color_temperature_unit (self->family));
}

static void
show_slider_value (RelayDevicePage *self,
                   const char      *name,
                   gint             value)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (g_hash_table_lookup (self->controls, name)), "value-label");
  g_autofree char *text = NULL;

  if (g_str_equal (name, "brightness"))
    text = g_strdup_printf (_("%d %%"), value);
  else
    text = format_temperature (self, value);
  gtk_label_set_text (label, text);
}

static void
on_slider_value_changed_cb (RelayDevicePage *self,
                            GtkRange        *range)
{
  const char *name = gtk_widget_get_name (GTK_WIDGET (range));
  gint value = (gint) round (gtk_range_get_value (range));

  show_slider_value (self, name, value);
  if (self->syncing)
    return;

  relay_throttle_push (g_str_equal (name, "brightness") ? self->brightness_throttle
                                                        : self->temperature_throttle,
                       g_variant_new_int32 (value));
}

static void
on_brightness_fire_cb (RelayDevicePage *self,
                       GVariant        *value)
{
  GError *error = NULL;
  JsonObject *update;

  if (self->device == NULL)
    return;
  update = ck_family_encode_brightness (self->family, params (self), g_variant_get_int32 (value), &error);
  send_encoded (self, update, error);
}

static void
on_temperature_fire_cb (RelayDevicePage *self,
                        GVariant        *value)
{
  GError *error = NULL;
  JsonObject *update;

  if (self->device == NULL)
    return;
  update = ck_family_encode_color_temperature (self->family, params (self),
                                               g_variant_get_int32 (value), &error);
  send_encoded (self, update, error);
}

static void
add_slider_row (RelayDevicePage *self,
                GtkWidget       *group,
                const char      *title,
                const char      *name,
                gint             min,
                gint             max,
                gint             step)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *value_label = gtk_label_new (NULL);
  GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, min, max, step);

  gtk_widget_add_css_class (box, "slider-row");
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_widget_add_css_class (value_label, "dim-label");
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_box_append (GTK_BOX (header), title_label);
  gtk_box_append (GTK_BOX (header), value_label);
  gtk_box_append (GTK_BOX (box), header);

  gtk_scale_set_draw_value (GTK_SCALE (scale), FALSE);
  gtk_range_set_increments (GTK_RANGE (scale), step, step * 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_box_append (GTK_BOX (box), scale);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  g_object_set_data (G_OBJECT (scale), "value-label", value_label);
  register_control (self, name, scale);
  g_signal_connect_object (scale, "value-changed",
                           G_CALLBACK (on_slider_value_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ----------------------------------------------------------------- colour */

static guint32
rgba_to_rgb (const GdkRGBA *rgba)
{
  return ((guint32) round (CLAMP (rgba->red, 0, 1) * 255) << 16) |
         ((guint32) round (CLAMP (rgba->green, 0, 1) * 255) << 8) |
         (guint32) round (CLAMP (rgba->blue, 0, 1) * 255);
}

static void
on_color_set_cb (RelayDevicePage *self,
                 GtkColorChooser *chooser)
{
  GError *error = NULL;
  JsonObject *update;
  GdkRGBA rgba;

  if (self->syncing)
    return;

  gtk_color_chooser_get_rgba (chooser, &rgba);
  update = ck_family_encode_color (self->family, params (self), rgba_to_rgb (&rgba), &error);
  send_encoded (self, update, error);
}

/* -------------------------------------------------------------------- fan */

static void
on_fan_toggled_cb (RelayDevicePage *self,
                   GtkToggleButton *button)
{
  guint level = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "level"));
  GError *error = NULL;
  JsonObject *update;

  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;

  update = ck_family_encode_fan (self->family, params (self), level, &error);
  send_encoded (self, update, error);
}

static void
add_fan_row (RelayDevicePage *self,
             GtkWidget       *group)
{
  GtkWidget *row = add_row (group, _("Speed"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  guint levels = MIN (ck_family_get_fan_levels (self->family), G_N_ELEMENTS (fan_level_names) - 1);
  GtkToggleButton *first = NULL;

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint level = 0; level <= levels; level++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(fan_level_names[level]));
      g_autofree char *name = g_strdup_printf ("fan-%u", level);

      if (first == NULL)
        first = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      g_object_set_data (G_OBJECT (button), "level", GUINT_TO_POINTER (level));
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_fan_toggled_cb), self, G_CONNECT_SWAPPED);
      register_control (self, name, button);
      gtk_box_append (GTK_BOX (box), button);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
}

/* ------------------------------------------------------------------ build */

static void
clear_content (RelayDevicePage *self)
{
  GtkWidget *child;

  relay_throttle_cancel (self->brightness_throttle);
  relay_throttle_cancel (self->temperature_throttle);
  g_hash_table_remove_all (self->controls);
  g_hash_table_remove_all (self->value_labels);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
}

static void
add_header (RelayDevicePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (relay_device_get_icon_name (self->device));
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 48);
  gtk_widget_set_halign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, "device-page-icon");
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (name, "title-2");
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_box_append (self->content, box);
  register_control (self, "title", name);
  register_control (self, "summary", summary);
}

static void
build (RelayDevicePage *self)
{
  JsonObject *p = params (self);
  CkCapability caps = ck_family_get_capabilities (self->family, p);
  guint n_channels = ck_family_get_n_channels (self->family, p);
  GtkWidget *group;
  gint min, max;

  add_header (self);

  if (caps & CK_CAPABILITY_POWER && !(caps & CK_CAPABILITY_READ_ONLY))
    add_switch_row (self, add_group (self, NULL), _("Power"), "power",
                    G_CALLBACK (on_power_state_set_cb));

  if (caps & CK_CAPABILITY_CHANNELS && n_channels > 1)
    {
      group = add_group (self, _("Channels"));
      for (guint i = 0; i < n_channels; i++)
        {
          g_autofree char *title = ck_device_dup_channel_name (self->device, i);
          g_autofree char *name = g_strdup_printf ("channel-%u", i + 1);
          GtkWidget *toggle = add_switch_row (self, group, title, name,
                                              G_CALLBACK (on_channel_state_set_cb));

          g_object_set_data (G_OBJECT (toggle), "channel", GUINT_TO_POINTER (i));
        }
    }

  if (caps & (CK_CAPABILITY_BRIGHTNESS | CK_CAPABILITY_COLOR_TEMPERATURE | CK_CAPABILITY_COLOR))
    {
      group = add_group (self, _("Light"));
      if (caps & CK_CAPABILITY_BRIGHTNESS)
        {
          ck_family_get_brightness_range (self->family, &min, &max);
          add_slider_row (self, group, _("Brightness"), "brightness", min, max, 1);
        }
      if (caps & CK_CAPABILITY_COLOR_TEMPERATURE)
        {
          gboolean kelvin = ck_family_get_color_temperature_unit (self->family) == CK_COLOR_TEMPERATURE_UNIT_KELVIN;

          ck_family_get_color_temperature_range (self->family, &min, &max);
          add_slider_row (self, group, _("Color Temperature"), "color-temperature",
                          min, max, kelvin ? 50 : 1);
        }
      if (caps & CK_CAPABILITY_COLOR)
        {
          GtkWidget *row = add_row (group, _("Color"));
          GtkWidget *button = gtk_color_button_new ();

          gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
          gtk_color_button_set_title (GTK_COLOR_BUTTON (button), _("Light Color"));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
          g_signal_connect_object (button, "color-set", G_CALLBACK (on_color_set_cb), self, G_CONNECT_SWAPPED);
          register_control (self, "color", button);
        }
    }

  if (caps & CK_CAPABILITY_FAN)
    add_fan_row (self, add_group (self, _("Fan")));

  group = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (readings); i++)
    {
      g_autofree char *name = NULL;

      if (!ck_family_has_reading (self->family, p, readings[i].reading))
        continue;
      if (group == NULL)
        group = add_group (self, _("Readings"));
      name = g_strdup_printf ("reading-%s", readings[i].name);
      add_value_row (self, group, _(readings[i].title), name, "—");
    }
  if (caps & CK_CAPABILITY_CONTACT)
    {
      if (group == NULL)
        group = add_group (self, _("Readings"));
      add_value_row (self, group, _("Contact"), "reading-contact", "—");
    }

  /* Timers switch the device or a channel: only for what can be switched. */
  if (caps & (CK_CAPABILITY_POWER | CK_CAPABILITY_CHANNELS) && !(caps & CK_CAPABILITY_READ_ONLY))
    add_section (self, "timers", relay_timers_group_new (self->client, self->device));
  if (ck_device_get_shared_by (self->device) == NULL)
    add_section (self, "sharing", relay_sharing_group_new (self->client, self->device));

  group = add_group (self, _("Device"));
  add_value_row (self, group, _("Model"), "model",
                 ck_device_get_model (self->device) != NULL ? ck_device_get_model (self->device) : "—");
  add_value_row (self, group, _("Firmware"), "firmware", "—");
  add_signal_row (self, group);
  add_value_row (self, group, _("MAC Address"), "mac", "—");
  add_value_row (self, group, _("Device ID"), "id", ck_device_get_id (self->device));
  add_value_row (self, group, _("Type"), "family", ck_family_get_description (self->family));

  add_section (self, "manage", relay_device_settings_new (self->client, self->device));
}

/* ------------------------------------------------------------------- sync */

static void
sync_switch (GtkWidget *toggle,
             gboolean   on)
{
  if (toggle == NULL)
    return;
  gtk_switch_set_active (GTK_SWITCH (toggle), on);
  gtk_switch_set_state (GTK_SWITCH (toggle), on);
}

static void
sync_scale (RelayDevicePage *self,
            const char      *name,
            gboolean         known,
            gint             value)
{
  GtkWidget *scale = g_hash_table_lookup (self->controls, name);
  RelayThrottle *throttle = g_str_equal (name, "brightness") ? self->brightness_throttle
                                                             : self->temperature_throttle;

  /* Never move the slider under the user's hand: during a drag the device
   * lags behind. It follows again once the throttle is idle. */
  if (scale == NULL || relay_throttle_get_busy (throttle))
    return;
  /* A bulb in colour mode has no colour temperature to show: grey it out. */
  gtk_widget_set_sensitive (scale, known && ck_device_get_online (self->device));
  if (known)
    gtk_range_set_value (GTK_RANGE (scale), value);
}

static void
sync_readings (RelayDevicePage *self)
{
  JsonObject *p = params (self);
  GDateTime *updated = ck_device_get_last_updated (self->device);
  g_autofree char *when = NULL;

  if (updated != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (updated);
      g_autofree char *time = g_date_time_format (local, "%X");

      /* Translators: when a reading was last reported, e.g. "Updated at 14:02:11" */
      when = g_strdup_printf (_("Updated at %s"), time);
    }

  for (guint i = 0; i < G_N_ELEMENTS (readings); i++)
    {
      g_autofree char *name = g_strdup_printf ("reading-%s", readings[i].name);
      GtkWidget *label = g_hash_table_lookup (self->controls, name);
      g_autofree char *text = NULL;
      gdouble value;

      if (label == NULL)
        continue;
      if (ck_family_decode_reading (self->family, p, readings[i].reading, 0, &value))
        text = ck_reading_format (readings[i].reading, value);
      gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "—");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (g_hash_table_lookup (self->value_labels, name)),
                                   when != NULL ? when : "");
    }

  if (g_hash_table_contains (self->controls, "reading-contact"))
    {
      gboolean open;
      const char *text = "—";

      if (ck_family_decode_contact (self->family, p, &open))
        text = open ? _("Open") : _("Closed");
      gtk_label_set_text (GTK_LABEL (g_hash_table_lookup (self->controls, "reading-contact")), text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (g_hash_table_lookup (self->value_labels, "reading-contact")),
                                   when != NULL ? when : "");
    }
}

static const char *
signal_icon_name (CkSignalStrength strength)
{
  switch (strength)
    {
    case CK_SIGNAL_STRENGTH_WEAK:
      return "network-wireless-signal-weak-symbolic";
    case CK_SIGNAL_STRENGTH_FAIR:
      return "network-wireless-signal-ok-symbolic";
    case CK_SIGNAL_STRENGTH_GOOD:
      return "network-wireless-signal-good-symbolic";
    case CK_SIGNAL_STRENGTH_EXCELLENT:
      return "network-wireless-signal-excellent-symbolic";
    case CK_SIGNAL_STRENGTH_UNKNOWN:
    default:
      return "network-wireless-signal-none-symbolic";
    }
}

static const char *
signal_strength_word (CkSignalStrength strength)
{
  switch (strength)
    {
    case CK_SIGNAL_STRENGTH_WEAK:
      return C_("signal", "Weak");
    case CK_SIGNAL_STRENGTH_FAIR:
      return C_("signal", "Fair");
    case CK_SIGNAL_STRENGTH_GOOD:
      return C_("signal", "Good");
    case CK_SIGNAL_STRENGTH_EXCELLENT:
      return C_("signal", "Excellent");
    case CK_SIGNAL_STRENGTH_UNKNOWN:
    default:
      return NULL;
    }
}

/* Device info the device reports as it goes (firmware after an upgrade,
 * signal with every report): the Signal row shows only what is known. */
static void
sync_info (RelayDevicePage *self)
{
  CkSignalStrength strength = ck_device_get_signal_strength (self->device);
  const char *firmware = ck_device_get_firmware_version (self->device);
  const char *mac = ck_device_get_mac (self->device);
  const char *word = signal_strength_word (strength);
  GtkWidget *label;

  if ((label = g_hash_table_lookup (self->controls, "firmware")) != NULL)
    gtk_label_set_text (GTK_LABEL (label), firmware != NULL ? firmware : "—");
  if ((label = g_hash_table_lookup (self->controls, "mac")) != NULL)
    gtk_label_set_text (GTK_LABEL (label), mac != NULL ? mac : "—");
  if ((label = g_hash_table_lookup (self->controls, "signal")) != NULL)
    {
      /* Translators: Wi-Fi signal strength and its level, e.g. "Good · −67 dBm" */
      g_autofree char *text = word != NULL ? g_strdup_printf (_("%s · %d dBm"), word,
                                                              ck_device_get_rssi (self->device))
                                           : NULL;

      gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "—");
      gtk_image_set_from_icon_name (GTK_IMAGE (g_hash_table_lookup (self->controls, "signal-icon")),
                                    signal_icon_name (strength));
      gtk_widget_set_visible (g_hash_table_lookup (self->value_labels, "signal"), word != NULL);
    }
}

/* A bulb in colour mode shows its colour. In white mode it has none: the
 * swatch then shows the white light's tint, and the row says so; picking a
 * colour switches the bulb to colour mode (the family's encoder does). */
static void
sync_color (RelayDevicePage *self,
            GtkWidget       *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);
  JsonObject *p = params (self);
  GdkRGBA rgba;
  guint32 rgb;
  gint value;

  if (ck_family_decode_color (self->family, p, &rgb))
    {
      rgba = (GdkRGBA) { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0, 1.0 };
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
    }
  else if (ck_family_decode_color_temperature (self->family, p, &value))
    {
      relay_white_light_to_rgba (value, ck_family_get_color_temperature_unit (self->family), &rgba);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("White light"));
    }
  else
    return;
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
}

static void
sync_values (RelayDevicePage *self)
{
  JsonObject *p;
  gboolean online, on, known;
  gint value = 0;
  guint level = 0;
  GtkWidget *widget;
  g_autofree char *summary = NULL;
  GHashTableIter iter;
  gpointer key;

  if (self->device == NULL)
    return;

  p = params (self);
  online = ck_device_get_online (self->device);
  self->syncing = TRUE;

  gtk_label_set_text (GTK_LABEL (g_hash_table_lookup (self->controls, "title")),
                      ck_device_get_name (self->device));
  summary = relay_device_dup_summary (self->device);
  if (!online)
    {
      g_autofree char *offline = g_strdup_printf (_("%s · Offline"), summary);
      g_free (summary);
      summary = g_steal_pointer (&offline);
    }
  gtk_label_set_text (GTK_LABEL (g_hash_table_lookup (self->controls, "summary")), summary);

  sync_switch (g_hash_table_lookup (self->controls, "power"), ck_device_get_power (self->device));

  g_hash_table_iter_init (&iter, self->controls);
  while (g_hash_table_iter_next (&iter, &key, (gpointer *) &widget))
    {
      if (g_str_has_prefix (key, "channel-"))
        {
          guint channel = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "channel"));

          on = FALSE;
          ck_family_decode_channel (self->family, p, channel, &on);
          sync_switch (widget, on);
        }
      /* Nothing can be sent to an offline device: say so by locking it. */
      if (GTK_IS_SWITCH (widget) || GTK_IS_TOGGLE_BUTTON (widget) || GTK_IS_COLOR_BUTTON (widget))
        gtk_widget_set_sensitive (widget, online);
    }

  known = ck_family_decode_brightness (self->family, p, &value);
  sync_scale (self, "brightness", known, value);
  known = ck_family_decode_color_temperature (self->family, p, &value);
  sync_scale (self, "color-temperature", known, value);

  widget = g_hash_table_lookup (self->controls, "color");
  if (widget != NULL)
    sync_color (self, widget);

  if (ck_family_decode_fan (self->family, p, &level))
    {
      g_autofree char *name = g_strdup_printf ("fan-%u", level);

      widget = g_hash_table_lookup (self->controls, name);
      if (widget != NULL)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (widget), TRUE);
    }

  sync_readings (self);
  sync_info (self);
  self->syncing = FALSE;
}

/* ---------------------------------------------------------------- GObject */

static void
relay_device_page_dispose (GObject *object)
{
  RelayDevicePage *self = RELAY_DEVICE_PAGE (object);

  if (self->device_signals != NULL)
    g_signal_group_set_target (self->device_signals, NULL);
  if (self->brightness_throttle != NULL && self->device != NULL)
    {
      /* The user's last move still goes out: the command lives on in the
       * client, whatever becomes of the page. */
      relay_throttle_flush (self->brightness_throttle);
      relay_throttle_flush (self->temperature_throttle);
    }
  if (self->brightness_throttle != NULL)
    {
      relay_throttle_cancel (self->brightness_throttle);
      relay_throttle_cancel (self->temperature_throttle);
    }
  g_clear_object (&self->device_signals);
  g_clear_object (&self->brightness_throttle);
  g_clear_object (&self->temperature_throttle);
  g_clear_object (&self->device);
  g_clear_object (&self->client);
  g_clear_pointer (&self->controls, g_hash_table_unref);
  g_clear_pointer (&self->value_labels, g_hash_table_unref);

  G_OBJECT_CLASS (relay_device_page_parent_class)->dispose (object);
}

static void
relay_device_page_class_init (RelayDevicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = relay_device_page_dispose;
}

static void
relay_device_page_init (RelayDevicePage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->controls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->value_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_add_css_class (GTK_WIDGET (self->content), "device-page");
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->content));
  gtk_widget_set_margin_top (clamp, 24);
  gtk_widget_set_margin_bottom (clamp, 24);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_bin_set_child (ADW_BIN (self), scrolled);

  self->brightness_throttle = relay_throttle_new (RELAY_THROTTLE_DEFAULT_INTERVAL_MS);
  self->temperature_throttle = relay_throttle_new (RELAY_THROTTLE_DEFAULT_INTERVAL_MS);
  g_signal_connect_object (self->brightness_throttle, "fire",
                           G_CALLBACK (on_brightness_fire_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->temperature_throttle, "fire",
                           G_CALLBACK (on_temperature_fire_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->brightness_throttle, "notify::busy",
                           G_CALLBACK (sync_values), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->temperature_throttle, "notify::busy",
                           G_CALLBACK (sync_values), self, G_CONNECT_SWAPPED);

  self->device_signals = g_signal_group_new (CK_TYPE_DEVICE);
  g_signal_group_connect_swapped (self->device_signals, "notify::name", G_CALLBACK (sync_values), self);
  g_signal_group_connect_swapped (self->device_signals, "notify::power", G_CALLBACK (sync_values), self);
  g_signal_group_connect_swapped (self->device_signals, "notify::online", G_CALLBACK (sync_values), self);
  g_signal_group_connect_swapped (self->device_signals, "notify::last-updated", G_CALLBACK (sync_values), self);
  g_signal_group_connect_swapped (self->device_signals, "notify::rssi", G_CALLBACK (sync_values), self);
  g_signal_group_connect_swapped (self->device_signals, "notify::mac", G_CALLBACK (sync_values), self);
  g_signal_group_connect_swapped (self->device_signals, "notify::firmware-version", G_CALLBACK (sync_values), self);
  g_signal_group_connect_swapped (self->device_signals, "params-changed", G_CALLBACK (sync_values), self);
}

GtkWidget *
relay_device_page_new (void)
{
  return g_object_new (RELAY_TYPE_DEVICE_PAGE, NULL);
}

/**
 * relay_device_page_set_device:
 * @client: (nullable): the client commands go through
 * @device: (nullable): the device to show
 *
 * Rebuilds the page for @device. A slider value still waiting in a
 * throttle is sent first: the user's last move is never lost.
 */
void
relay_device_page_set_device (RelayDevicePage *self,
                              CkClient        *client,
                              CkDevice        *device)
{
  g_return_if_fail (RELAY_IS_DEVICE_PAGE (self));
  g_return_if_fail (client == NULL || CK_IS_CLIENT (client));
  g_return_if_fail (device == NULL || CK_IS_DEVICE (device));

  if (self->device != NULL)
    {
      relay_throttle_flush (self->brightness_throttle);
      relay_throttle_flush (self->temperature_throttle);
    }

  clear_content (self);
  g_set_object (&self->client, client);
  g_set_object (&self->device, device);
  g_signal_group_set_target (self->device_signals, device);

  if (device == NULL || client == NULL)
    return;

  self->family = relay_device_get_family (device);
  build (self);
  sync_values (self);
}

/* (transfer none) (nullable) */
CkDevice *
relay_device_page_get_device (RelayDevicePage *self)
{
  g_return_val_if_fail (RELAY_IS_DEVICE_PAGE (self), NULL);

  return self->device;
}

void
relay_device_page_set_throttle_interval (RelayDevicePage *self,
                                         guint            interval_ms)
{
  g_return_if_fail (RELAY_IS_DEVICE_PAGE (self));

  relay_throttle_set_interval (self->brightness_throttle, interval_ms);
  relay_throttle_set_interval (self->temperature_throttle, interval_ms);
}

GtkWidget *
relay_device_page_get_control (RelayDevicePage *self,
                               const char      *name)
{
  g_return_val_if_fail (RELAY_IS_DEVICE_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->controls, name);
}
