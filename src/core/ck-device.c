/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-device"

#include "ck-device.h"

#include "ck-enums.h"
#include "ck-error.h"
#include "ck-json.h"
#include "ck-timer.h"

typedef struct
{
  guint       id;
  JsonObject *params;
} Pending;

struct _CkDevice
{
  GObject         parent_instance;

  char           *id;
  char           *name;
  gint            uiid;
  gboolean        online;
  char           *owner_apikey;
  char           *model;
  char           *firmware_version;  /* `fwVersion`, device info (CK_CATALOG_INFO_PARAMS) */
  gint            rssi;       /* `rssi` dBm, device info; 0 unknown */
  char           *mac;        /* `staMac`, device info, else extra_mac */
  char           *extra_mac;  /* the device list's extra.extra.staMac */
  JsonObject     *params;     /* as the cloud has them */
  gboolean        params_shared;  /* params is the device list's object: copy before merging */
  JsonObject     *shown;      /* params with the pending commands over them */
  JsonObject     *tags;
  GStrv           groups;
  CkShare        *shared_by;
  GPtrArray      *shares;     /* CkShare */
  JsonNode       *shares_json;   /* sharedTo and sharedBy, to notice changes */
  GListStore     *timers;     /* CkTimer */
  JsonNode       *timers_json;   /* the timers the list was built from */
  GDateTime      *last_updated;
  gboolean        stale;

  const CkFamily *family;
  GVariant       *readings;

  GArray         *pending;    /* Pending, in issue order */
  guint           pending_serial;
};

G_DEFINE_FINAL_TYPE (CkDevice, ck_device, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_UIID,
  PROP_ONLINE,
  PROP_OWNER_APIKEY,
  PROP_MODEL,
  PROP_FIRMWARE_VERSION,
  PROP_RSSI,
  PROP_SIGNAL_STRENGTH,
  PROP_MAC,
  PROP_FAMILY_ID,
  PROP_CAPABILITIES,
  PROP_HAS_POWER,
  PROP_POWER,
  PROP_N_CHANNELS,
  PROP_CHANNELS,
  PROP_BRIGHTNESS,
  PROP_COLOR_TEMPERATURE,
  PROP_COLOR_TEMPERATURE_UNIT,
  PROP_COLOR_TEMPERATURE_MIN,
  PROP_COLOR_TEMPERATURE_MAX,
  PROP_COLOR,
  PROP_FAN_SPEED,
  PROP_FAN_LEVELS,
  PROP_CONTACT_OPEN,
  PROP_COVER_POSITION,
  PROP_READINGS,
  PROP_SHARED_BY,
  PROP_SHARES,
  PROP_PERMIT,
  PROP_TIMERS,
  PROP_GROUPS,
  PROP_TAGS,
  PROP_PENDING,
  PROP_LAST_UPDATED,
  PROP_STALE,
  N_PROPS
};

enum {
  SIGNAL_PARAMS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Merging params (pushes and pending commands alike)                        */

/* Arrays of per-outlet objects merge entry by entry (spec §4.7.1). */
static gboolean
is_outlet_array (JsonArray *array)
{
  guint n = array ? json_array_get_length (array) : 0;

  if (n == 0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gint64 outlet;

      if (!JSON_NODE_HOLDS_OBJECT (node)
          || !ck_json_get_int (json_node_get_object (node), "outlet", &outlet))
        return FALSE;
    }

  return TRUE;
}

static void
merge_outlets (JsonArray *target,
               JsonArray *changes)
{
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_node_get_object (json_array_get_element (changes, i));
      g_autoptr(GList) members = json_object_get_members (change);
      JsonObject *entry = NULL;
      gint64 outlet = 0;

      ck_json_get_int (change, "outlet", &outlet);
      for (guint j = 0; j < json_array_get_length (target) && entry == NULL; j++)
        {
          JsonObject *candidate = json_node_get_object (json_array_get_element (target, j));
          gint64 candidate_outlet;

          if (ck_json_get_int (candidate, "outlet", &candidate_outlet) && candidate_outlet == outlet)
            entry = candidate;
        }

      if (entry == NULL)
        {
          json_array_add_element (target, ck_json_node_deep_copy (json_array_get_element (changes, i)));
          continue;
        }

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (entry, l->data,
                                ck_json_node_deep_copy (json_object_get_member (change, l->data)));
    }
}

static void
merge_into (JsonObject *target,
            JsonObject *changes)
{
  g_autoptr(GList) members = json_object_get_members (changes);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonArray *current = ck_json_get_array (target, name);
      JsonArray *change = ck_json_get_array (changes, name);

      if (is_outlet_array (current) && is_outlet_array (change))
        merge_outlets (current, change);
      else
        json_object_set_member (target, name,
                                ck_json_node_deep_copy (json_object_get_member (changes, name)));
    }
}

static JsonObject *
deep_copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autoptr(JsonNode) copy = NULL;

  json_node_init_object (node, object);
  copy = ck_json_node_deep_copy (node);
  return json_object_ref (json_node_get_object (copy));
}

/* ------------------------------------------------------------------------ */
/* Derived values: computed from the shown params through the family         */

/* The shown params: the cached ones with every pending command over them. */
static void
rebuild_shown (CkDevice *self)
{
  g_clear_pointer (&self->shown, json_object_unref);
  if (self->pending->len == 0)
    self->shown = json_object_ref (self->params);
  else
    {
      self->shown = deep_copy_object (self->params);
      for (guint i = 0; i < self->pending->len; i++)
        merge_into (self->shown, g_array_index (self->pending, Pending, i).params);
    }
  self->family = ck_catalog_lookup (self->uiid, self->shown);
}

static GVariant *
compute_readings (CkDevice *self)
{
  GVariantBuilder builder;
  guint n_channels = ck_family_get_n_channels (self->family, self->shown);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sd}"));
  for (CkReading reading = CK_READING_POWER; reading <= CK_READING_DUST; reading++)
    {
      gdouble value;

      if (!ck_family_has_reading (self->family, self->shown, reading))
        continue;
      if (ck_family_decode_reading (self->family, self->shown, reading, 0, &value))
        g_variant_builder_add (&builder, "{sd}", ck_reading_to_string (reading), value);

      /* Per-channel meters (DualR3) report each channel apart. */
      if (n_channels < 2 || (reading != CK_READING_POWER && reading != CK_READING_VOLTAGE
                             && reading != CK_READING_CURRENT))
        continue;
      for (guint channel = 1; channel < n_channels; channel++)
        {
          gdouble other;

          if (ck_family_decode_reading (self->family, self->shown, reading, channel, &other)
              && other != value)
            {
              g_autofree char *key = g_strdup_printf ("%s@%u", ck_reading_to_string (reading), channel);

              g_variant_builder_add (&builder, "{sd}", key, other);
            }
        }
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

typedef struct
{
  const CkFamily *family;
  CkCapability    capabilities;
  gboolean        has_power;
  gboolean        power;
  guint           n_channels;
  guint           channels;
  gint            brightness;
  gint            color_temperature;
  CkColorTemperatureUnit ct_unit;
  gint            ct_min;
  gint            ct_max;
  guint32         color;
  gint            fan_speed;
  guint           fan_levels;
  gboolean        contact_open;
  gint            cover_position;
  GVariant       *readings;
  CkPermit        permit;
  gboolean        pending;
} Derived;

static void
derived_clear (Derived *derived)
{
  g_clear_pointer (&derived->readings, g_variant_unref);
}

static Derived
snapshot (CkDevice *self)
{
  gint ct_min = 0;
  gint ct_max = 0;

  ck_device_get_color_temperature_range (self, &ct_min, &ct_max);
  return (Derived) {
    .family = self->family,
    .capabilities = ck_device_get_capabilities (self),
    .has_power = ck_device_get_has_power (self),
    .power = ck_device_get_power (self),
    .n_channels = ck_device_get_n_channels (self),
    .channels = ck_device_get_channels (self),
    .brightness = ck_device_get_brightness (self),
    .color_temperature = ck_device_get_color_temperature (self),
    .ct_unit = ck_device_get_color_temperature_unit (self),
    .ct_min = ct_min,
    .ct_max = ct_max,
    .color = ck_device_get_color (self),
    .fan_speed = ck_device_get_fan_speed (self),
    .fan_levels = ck_device_get_fan_levels (self),
    .contact_open = ck_device_get_contact_open (self),
    .cover_position = ck_device_get_cover_position (self),
    .readings = g_variant_ref (self->readings),
    .permit = ck_device_get_permit (self),
    .pending = self->pending->len > 0,
  };
}

static void
notify_if (CkDevice *self,
           gboolean  changed,
           guint     prop_id)
{
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Call after the params, pending commands or UIID changed. */
static void
notify_derived (CkDevice *self,
                Derived  *before)
{
  Derived after;

  rebuild_shown (self);
  g_clear_pointer (&self->readings, g_variant_unref);
  self->readings = compute_readings (self);
  after = snapshot (self);

  notify_if (self, before->family != after.family, PROP_FAMILY_ID);
  notify_if (self, before->capabilities != after.capabilities, PROP_CAPABILITIES);
  notify_if (self, before->has_power != after.has_power, PROP_HAS_POWER);
  notify_if (self, before->power != after.power, PROP_POWER);
  notify_if (self, before->n_channels != after.n_channels, PROP_N_CHANNELS);
  notify_if (self, before->channels != after.channels, PROP_CHANNELS);
  notify_if (self, before->brightness != after.brightness, PROP_BRIGHTNESS);
  notify_if (self, before->color_temperature != after.color_temperature, PROP_COLOR_TEMPERATURE);
  notify_if (self, before->ct_unit != after.ct_unit, PROP_COLOR_TEMPERATURE_UNIT);
  notify_if (self, before->ct_min != after.ct_min, PROP_COLOR_TEMPERATURE_MIN);
  notify_if (self, before->ct_max != after.ct_max, PROP_COLOR_TEMPERATURE_MAX);
  notify_if (self, before->color != after.color, PROP_COLOR);
  notify_if (self, before->fan_speed != after.fan_speed, PROP_FAN_SPEED);
  notify_if (self, before->fan_levels != after.fan_levels, PROP_FAN_LEVELS);
  notify_if (self, before->contact_open != after.contact_open, PROP_CONTACT_OPEN);
  notify_if (self, before->cover_position != after.cover_position, PROP_COVER_POSITION);
  notify_if (self, !g_variant_equal (before->readings, after.readings), PROP_READINGS);
  notify_if (self, before->permit != after.permit, PROP_PERMIT);
  notify_if (self, before->pending != after.pending, PROP_PENDING);

  derived_clear (&after);
}

/* The timer list follows the shown `timers` array; rebuilt only when it changed. */
static void
sync_timers (CkDevice *self)
{
  JsonNode *node = json_object_get_member (self->shown, "timers");
  g_autoptr(GPtrArray) parsed = NULL;

  if (self->timers_json == NULL && node == NULL)
    return;
  if (self->timers_json != NULL && node != NULL && json_node_equal (self->timers_json, node))
    return;

  /* A reference is enough: merging replaces members, never edits a timers array. */
  g_clear_pointer (&self->timers_json, json_node_unref);
  if (node != NULL)
    self->timers_json = json_node_ref (node);

  parsed = ck_timers_parse (node != NULL && JSON_NODE_HOLDS_ARRAY (node)
                            ? json_node_get_array (node) : NULL);
  g_list_store_splice (self->timers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->timers)),
                       parsed->pdata, parsed->len);
}

/* Wraps a change of params, pending commands or UIID. */
typedef struct
{
  CkDevice *device;
  Derived   before;
} Change;

static Change
change_begin (CkDevice *self)
{
  g_object_ref (self);
  g_object_freeze_notify (G_OBJECT (self));
  return (Change) { self, snapshot (self) };
}

static gboolean set_string (CkDevice    *self,
                            char       **field,
                            const char  *value,
                            guint        prop_id);

static gboolean
set_rssi (CkDevice *self,
          gint      rssi)
{
  CkSignalStrength before = ck_signal_strength_from_rssi (self->rssi);

  if (rssi == self->rssi)
    return FALSE;

  self->rssi = rssi;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RSSI]);
  if (ck_signal_strength_from_rssi (rssi) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNAL_STRENGTH]);
  return TRUE;
}

/* The device info (CK_CATALOG_INFO_PARAMS) of the cached params, the MAC
 * from the device list's extra where the params lack it. TRUE if any of it
 * changed. */
static gboolean
sync_info (CkDevice *self)
{
  const char *mac = ck_json_get_string (self->params, "staMac");
  gboolean changed;

  changed = set_string (self, &self->firmware_version, ck_json_get_string (self->params, "fwVersion"),
                        PROP_FIRMWARE_VERSION);
  changed |= set_rssi (self, ck_catalog_decode_rssi (self->params));
  changed |= set_string (self, &self->mac, mac != NULL && *mac != '\0' ? mac : self->extra_mac, PROP_MAC);
  return changed;
}

static void
change_end (Change *change)
{
  CkDevice *self = change->device;

  notify_derived (self, &change->before);
  sync_timers (self);
  sync_info (self);
  derived_clear (&change->before);
  g_object_thaw_notify (G_OBJECT (self));
  g_object_unref (self);
}

/* ------------------------------------------------------------------------ */
/* Typed getters                                                             */

const CkFamily *
ck_device_get_family (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);
  return self->family;
}

CkCapability
ck_device_get_capabilities (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), CK_CAPABILITY_NONE);
  return ck_family_get_capabilities (self->family, self->shown);
}

gboolean
ck_device_has_capability (CkDevice     *self,
                          CkCapability  capability)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), FALSE);
  return ck_family_has_capability (self->family, self->shown, capability);
}

gboolean
ck_device_get_has_power (CkDevice *self)
{
  gboolean on;

  g_return_val_if_fail (CK_IS_DEVICE (self), FALSE);
  /* A control the app can show: the family has one and the params hold it. */
  return ck_family_has_capability (self->family, self->shown, CK_CAPABILITY_POWER)
         && ck_family_decode_power (self->family, self->shown, &on);
}

gboolean
ck_device_get_power (CkDevice *self)
{
  gboolean on = FALSE;

  g_return_val_if_fail (CK_IS_DEVICE (self), FALSE);
  return ck_family_decode_power (self->family, self->shown, &on) && on;
}

guint
ck_device_get_n_channels (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), 0);
  return ck_family_get_n_channels (self->family, self->shown);
}

gboolean
ck_device_get_channel (CkDevice *self,
                       guint     channel)
{
  gboolean on = FALSE;

  g_return_val_if_fail (CK_IS_DEVICE (self), FALSE);
  return ck_family_decode_channel (self->family, self->shown, channel, &on) && on;
}

guint
ck_device_get_channels (CkDevice *self)
{
  guint n = MIN (ck_device_get_n_channels (self), 32);
  guint mask = 0;

  for (guint i = 0; i < n; i++)
    if (ck_device_get_channel (self, i))
      mask |= 1u << i;
  return mask;
}

char *
ck_device_dup_channel_name (CkDevice *self,
                            guint     channel)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);
  return ck_catalog_dup_channel_name (self->tags, channel);
}

gint
ck_device_get_brightness (CkDevice *self)
{
  gint percent;

  g_return_val_if_fail (CK_IS_DEVICE (self), -1);
  return ck_family_decode_brightness (self->family, self->shown, &percent) ? percent : -1;
}

void
ck_device_get_brightness_range (CkDevice *self,
                                gint     *min_percent,
                                gint     *max_percent)
{
  g_return_if_fail (CK_IS_DEVICE (self));
  ck_family_get_brightness_range (self->family, min_percent, max_percent);
}

gint
ck_device_get_color_temperature (CkDevice *self)
{
  gint value;

  g_return_val_if_fail (CK_IS_DEVICE (self), -1);
  return ck_family_decode_color_temperature (self->family, self->shown, &value) ? value : -1;
}

CkColorTemperatureUnit
ck_device_get_color_temperature_unit (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), CK_COLOR_TEMPERATURE_UNIT_PERCENT);
  return ck_family_get_color_temperature_unit (self->family);
}

void
ck_device_get_color_temperature_range (CkDevice *self,
                                       gint     *min,
                                       gint     *max)
{
  g_return_if_fail (CK_IS_DEVICE (self));
  ck_family_get_color_temperature_range (self->family, min, max);
}

guint32
ck_device_get_color (CkDevice *self)
{
  guint32 rgb;

  g_return_val_if_fail (CK_IS_DEVICE (self), CK_DEVICE_COLOR_UNKNOWN);
  return ck_family_decode_color (self->family, self->shown, &rgb) ? rgb : CK_DEVICE_COLOR_UNKNOWN;
}

gint
ck_device_get_fan_speed (CkDevice *self)
{
  guint level;

  g_return_val_if_fail (CK_IS_DEVICE (self), -1);
  return ck_family_decode_fan (self->family, self->shown, &level) ? (gint) level : -1;
}

guint
ck_device_get_fan_levels (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), 0);
  return ck_family_get_fan_levels (self->family);
}

gboolean
ck_device_get_contact_open (CkDevice *self)
{
  gboolean open = FALSE;

  g_return_val_if_fail (CK_IS_DEVICE (self), FALSE);
  return ck_family_decode_contact (self->family, self->shown, &open) && open;
}

gint
ck_device_get_cover_position (CkDevice *self)
{
  gint percent;

  g_return_val_if_fail (CK_IS_DEVICE (self), -1);
  return ck_family_decode_cover_position (self->family, self->shown, &percent) ? percent : -1;
}

gboolean
ck_device_get_reading (CkDevice  *self,
                       CkReading  reading,
                       guint      channel,
                       gdouble   *value)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  return ck_family_has_reading (self->family, self->shown, reading)
         && ck_family_decode_reading (self->family, self->shown, reading, channel, value);
}

GVariant *
ck_device_get_readings (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);
  return self->readings;
}

CkShare *
ck_device_get_shared_by (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);
  return self->shared_by;
}

GPtrArray *
ck_device_get_shares (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);
  return self->shares;
}

CkPermit
ck_device_get_permit (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), CK_PERMIT_NONE);
  return self->shared_by != NULL ? ck_share_get_permit (self->shared_by) : CK_PERMIT_ALL;
}

GListModel *
ck_device_get_timers (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);
  return G_LIST_MODEL (self->timers);
}

JsonArray *
ck_device_get_timers_json (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);
  return ck_json_get_array (self->params, "timers");
}

const char * const *
ck_device_get_groups (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);
  return (const char * const *) self->groups;
}

gboolean
ck_device_is_in_group (CkDevice   *self,
                       const char *group_id)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), FALSE);
  return group_id != NULL && g_strv_contains ((const char * const *) self->groups, group_id);
}

gboolean
ck_device_match_group (gpointer item,
                       gpointer group_id)
{
  return CK_IS_DEVICE (item) && ck_device_is_in_group (item, group_id);
}

JsonObject *
ck_device_build_power_params (CkDevice *self,
                              gboolean  on)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);

  if (!ck_device_get_has_power (self))
    return NULL;
  return ck_family_encode_power (self->family, self->shown, on, NULL);
}

/* ------------------------------------------------------------------------ */
/* Changes, each notifying only what really changed                          */

static void
touch (CkDevice *self)
{
  g_clear_pointer (&self->last_updated, g_date_time_unref);
  self->last_updated = g_date_time_new_now_utc ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_UPDATED]);
}

/* TRUE when @value was new. */
static gboolean
set_string (CkDevice    *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  return TRUE;
}

/* Takes @params, which only this device modifies. */
static void
set_params_owned (CkDevice   *self,
                  JsonObject *params)
{
  g_clear_pointer (&self->params, json_object_unref);
  self->params = params;
  self->params_shared = FALSE;
}

/* @params (nullable) of a device-list entry, kept by reference: the list's
 * JSON is not modified after parsing, and merging copies first. */
static void
set_params (CkDevice   *self,
            JsonObject *params)
{
  if (params == NULL)
    {
      set_params_owned (self, json_object_new ());
      return;
    }
  json_object_ref (params);
  g_clear_pointer (&self->params, json_object_unref);
  self->params = params;
  self->params_shared = TRUE;
}

void
ck_device_set_online (CkDevice *self,
                      gboolean  online)
{
  g_return_if_fail (CK_IS_DEVICE (self));

  online = !!online;
  if (self->online == online)
    return;

  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
  touch (self);
}

gboolean
ck_device_get_stale (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), FALSE);
  return self->stale;
}

void
ck_device_set_stale (CkDevice *self,
                     gboolean  stale)
{
  g_return_if_fail (CK_IS_DEVICE (self));

  stale = !!stale;
  if (self->stale == stale)
    return;

  self->stale = stale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE]);
}

void
ck_device_set_groups (CkDevice           *self,
                      const char * const *group_ids)
{
  const char * const empty[] = { NULL };

  g_return_if_fail (CK_IS_DEVICE (self));

  if (group_ids == NULL)
    group_ids = empty;
  if (g_strv_equal ((const char * const *) self->groups, group_ids))
    return;

  g_strfreev (self->groups);
  self->groups = g_strdupv ((char **) group_ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUPS]);
}

void
ck_device_set_name (CkDevice   *self,
                    const char *name)
{
  g_return_if_fail (CK_IS_DEVICE (self));
  set_string (self, &self->name, name, PROP_NAME);
}

/* Takes @tags (nullable, never modified afterwards); notifies and returns
 * TRUE when they differ from the current ones. */
static gboolean
set_tags (CkDevice   *self,
          JsonObject *tags)
{
  gboolean changed = (self->tags == NULL) != (tags == NULL)
                     || (tags != NULL && !json_object_equal (self->tags, tags));

  g_clear_pointer (&self->tags, json_object_unref);
  self->tags = tags;
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
  return changed;
}

void
ck_device_set_channel_names (CkDevice           *self,
                             const char * const *names)
{
  JsonObject *tags;
  JsonObject *value = json_object_new ();

  g_return_if_fail (CK_IS_DEVICE (self));
  g_return_if_fail (names != NULL);

  /* Keyed by the channel index as a string, as the list has them (spec §3.14). */
  for (guint i = 0; names[i] != NULL; i++)
    {
      char key[12];

      g_snprintf (key, sizeof key, "%u", i);
      json_object_set_string_member (value, key, names[i]);
    }
  tags = self->tags != NULL ? deep_copy_object (self->tags) : json_object_new ();
  json_object_set_object_member (tags, "ck_channel_name", value);
  set_tags (self, tags);
}

/* The `groups` array of a device-list entry (ids as strings); TRUE when
 * they changed. */
static gboolean
update_groups (CkDevice   *self,
               JsonObject *object)
{
  JsonArray *array = ck_json_get_array (object, "groups");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }
  ids = g_strv_builder_end (builder);
  if (g_strv_equal ((const char * const *) self->groups, (const char * const *) ids))
    return FALSE;
  ck_device_set_groups (self, (const char * const *) ids);
  return TRUE;
}

/* `sharedBy` (we are the receiver) and `sharedTo` (we are the owner),
 * kept by reference; TRUE when they changed. */
static gboolean
update_shares (CkDevice   *self,
               JsonObject *object)
{
  g_autoptr(JsonNode) both = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) holder = json_object_new ();
  JsonObject *shared_by = ck_json_get_object (object, "sharedBy");
  JsonArray *shared_to = ck_json_get_array (object, "sharedTo");

  if (shared_by != NULL)
    json_object_set_member (holder, "sharedBy", json_node_copy (json_object_get_member (object, "sharedBy")));
  if (shared_to != NULL)
    json_object_set_member (holder, "sharedTo", json_node_copy (json_object_get_member (object, "sharedTo")));
  json_node_set_object (both, holder);

  if (self->shares_json != NULL && json_node_equal (self->shares_json, both))
    return FALSE;
  g_clear_pointer (&self->shares_json, json_node_unref);
  self->shares_json = g_steal_pointer (&both);

  g_clear_pointer (&self->shared_by, ck_share_unref);
  if (shared_by != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->shared_by = ck_share_new_from_json (shared_by, &error);
      if (self->shared_by == NULL)
        g_debug ("Ignoring the sharedBy of %s: %s", self->id, error->message);
    }
  g_ptr_array_unref (self->shares);
  self->shares = ck_share_list_from_json (shared_to);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARED_BY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARES]);
  return TRUE;
}

void
ck_device_update_sharing_from_json (CkDevice   *self,
                                    JsonObject *object)
{
  g_return_if_fail (CK_IS_DEVICE (self));
  g_return_if_fail (object != NULL);
  update_shares (self, object);
}

/* The `sharedTo` records with the one of @uid edited (@remove: dropped). */
static void
edit_shared_to (CkDevice   *self,
                const char *uid,
                gboolean    remove,
                CkPermit    permit,
                const char *note)
{
  JsonObject *holder = self->shares_json != NULL ? json_node_get_object (self->shares_json) : NULL;
  JsonArray *shared_to = ck_json_get_array (holder, "sharedTo");
  g_autoptr(JsonObject) edited = json_object_new ();
  JsonArray *records = json_array_new ();
  gboolean found = FALSE;

  for (guint i = 0; shared_to != NULL && i < json_array_get_length (shared_to); i++)
    {
      JsonNode *node = json_array_get_element (shared_to, i);
      g_autoptr(CkShare) share = NULL;
      JsonNode *copy;

      if (JSON_NODE_HOLDS_OBJECT (node))
        share = ck_share_new_from_json (json_node_get_object (node), NULL);
      if (share != NULL && ck_share_matches (share, uid))
        {
          found = TRUE;
          if (remove)
            continue;
          copy = ck_json_node_deep_copy (node);
          json_object_set_int_member (json_node_get_object (copy), "permit", permit);
          json_object_remove_member (json_node_get_object (copy), "comment");
          json_object_set_string_member (json_node_get_object (copy), "note", note != NULL ? note : "");
          json_array_add_element (records, copy);
          continue;
        }
      json_array_add_element (records, ck_json_node_deep_copy (node));
    }

  json_object_set_array_member (edited, "sharedTo", records);
  if (!found)
    return;
  if (json_object_has_member (holder, "sharedBy"))
    json_object_set_member (edited, "sharedBy",
                            ck_json_node_deep_copy (json_object_get_member (holder, "sharedBy")));
  update_shares (self, edited);
}

void
ck_device_update_share (CkDevice   *self,
                        const char *uid,
                        CkPermit    permit,
                        const char *note)
{
  g_return_if_fail (CK_IS_DEVICE (self));
  g_return_if_fail (uid != NULL);
  edit_shared_to (self, uid, FALSE, permit, note);
}

void
ck_device_remove_share (CkDevice   *self,
                        const char *uid)
{
  g_return_if_fail (CK_IS_DEVICE (self));
  g_return_if_fail (uid != NULL);
  edit_shared_to (self, uid, TRUE, CK_PERMIT_NONE, NULL);
}

/* UIID resolution order of devices.md §1. */
static gint
uiid_of (JsonObject *object)
{
  JsonObject *extra = ck_json_get_object (object, "extra");
  JsonObject *inner = ck_json_get_object (extra, "extra");
  gint64 uiid;

  if (ck_json_get_int (object, "uiid", &uiid)
      || ck_json_get_int (inner, "uiid", &uiid)
      || ck_json_get_int (extra, "uiid", &uiid))
    return (gint) CLAMP (uiid, 0, G_MAXINT);

  return 0;
}

void
ck_device_update_from_json (CkDevice   *self,
                            JsonObject *object)
{
  JsonObject *params;
  JsonObject *extra;
  JsonObject *tags;
  const char *model;
  gboolean online = FALSE;
  gboolean changed;
  gboolean params_changed;
  gint uiid;

  g_return_if_fail (CK_IS_DEVICE (self));
  g_return_if_fail (object != NULL);

  g_object_ref (self);
  g_object_freeze_notify (G_OBJECT (self));

  changed = set_string (self, &self->name, ck_json_get_string (object, "name"), PROP_NAME);
  changed |= set_string (self, &self->owner_apikey, ck_json_get_string (object, "apikey"), PROP_OWNER_APIKEY);

  extra = ck_json_get_object (ck_json_get_object (object, "extra"), "extra");
  model = ck_json_get_string (extra, "model");
  if (model == NULL)
    model = ck_json_get_string (object, "productModel");
  changed |= set_string (self, &self->model, model, PROP_MODEL);
  g_free (self->extra_mac);
  self->extra_mac = g_strdup (ck_json_get_string (extra, "staMac"));

  ck_json_get_boolean (object, "online", &online);
  if (online != self->online)
    {
      self->online = online;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
      changed = TRUE;
    }

  /* The derived state follows the UIID and the params: recomputed only when
   * one of them changed (a list refresh mostly repeats what we have). */
  uiid = uiid_of (object);
  params = ck_json_get_object (object, "params");
  params_changed = params != NULL ? !json_object_equal (self->params, params)
                                  : json_object_get_size (self->params) > 0;
  if (uiid != self->uiid || params_changed)
    {
      Change change = change_begin (self);

      if (uiid != self->uiid)
        {
          self->uiid = uiid;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UIID]);
        }
      if (params_changed)
        set_params (self, params);
      change_end (&change);
      changed = TRUE;
    }

  /* extra.extra.staMac may change without the params: the MAC follows it. */
  changed |= sync_info (self);
  tags = ck_json_get_object (object, "tags");
  changed |= set_tags (self, tags != NULL ? json_object_ref (tags) : NULL);
  changed |= update_groups (self, object);
  changed |= update_shares (self, object);

  if (changed)
    touch (self);
  g_object_thaw_notify (G_OBJECT (self));
  if (params_changed)
    g_signal_emit (self, signals[SIGNAL_PARAMS_CHANGED], 0);
  g_object_unref (self);
}

void
ck_device_merge_params (CkDevice   *self,
                        JsonObject *params)
{
  Change change;

  g_return_if_fail (CK_IS_DEVICE (self));

  if (params == NULL)
    return;

  change = change_begin (self);
  /* Copy on write: the params may still be the device list's own. */
  if (self->params_shared)
    set_params_owned (self, deep_copy_object (self->params));
  merge_into (self->params, params);
  touch (self);
  change_end (&change);
  g_signal_emit (self, signals[SIGNAL_PARAMS_CHANGED], 0);
}

void
ck_device_apply_report (CkDevice   *self,
                        JsonObject *params)
{
  g_autoptr(JsonObject) rest = json_object_new ();
  g_autoptr(GList) members = NULL;
  gboolean online;

  g_return_if_fail (CK_IS_DEVICE (self));

  if (params == NULL)
    return;

  if (ck_json_get_boolean (params, "online", &online))
    ck_device_set_online (self, online);

  members = json_object_get_members (params);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "online"))
      json_object_set_member (rest, l->data, json_node_copy (json_object_get_member (params, l->data)));

  /* Merging copies what it keeps. */
  if (json_object_get_size (rest) > 0)
    ck_device_merge_params (self, rest);
}

guint
ck_device_begin_pending (CkDevice   *self,
                         JsonObject *params)
{
  Change change;
  Pending pending;

  g_return_val_if_fail (CK_IS_DEVICE (self), 0);
  g_return_val_if_fail (params != NULL, 0);

  change = change_begin (self);
  pending.id = ++self->pending_serial;
  if (pending.id == 0)
    pending.id = ++self->pending_serial;
  pending.params = deep_copy_object (params);
  g_array_append_val (self->pending, pending);
  change_end (&change);

  return pending.id;
}

/* The shown values fall back to the params: the confirmed state (the client
 * merged the acknowledged params first) or the state from before. */
void
ck_device_end_pending (CkDevice *self,
                       guint     pending_id)
{
  Change change;

  g_return_if_fail (CK_IS_DEVICE (self));

  for (guint i = 0; i < self->pending->len; i++)
    {
      Pending *pending = &g_array_index (self->pending, Pending, i);

      if (pending->id != pending_id)
        continue;

      change = change_begin (self);
      json_object_unref (pending->params);
      g_array_remove_index (self->pending, i);
      change_end (&change);
      return;
    }

  g_critical ("%s: no pending command %u on %s", G_STRFUNC, pending_id, self->id);
}

/* ------------------------------------------------------------------------ */
/* Accessors                                                                 */

const char *
ck_device_get_id (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);
  return self->id;
}

const char *
ck_device_get_name (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);
  return self->name;
}

gint
ck_device_get_uiid (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), 0);
  return self->uiid;
}

gboolean
ck_device_get_online (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), FALSE);
  return self->online;
}

const char *
ck_device_get_owner_apikey (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);
  return self->owner_apikey;
}

const char *
ck_device_get_model (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);
  return self->model;
}

const char *
ck_device_get_firmware_version (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);
  return self->firmware_version;
}

gint
ck_device_get_rssi (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), 0);
  return self->rssi;
}

CkSignalStrength
ck_device_get_signal_strength (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), CK_SIGNAL_STRENGTH_UNKNOWN);
  return ck_signal_strength_from_rssi (self->rssi);
}

const char *
ck_device_get_mac (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);
  return self->mac;
}

gboolean
ck_device_get_pending (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), FALSE);
  return self->pending->len > 0;
}

GDateTime *
ck_device_get_last_updated (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);
  return self->last_updated;
}

JsonObject *
ck_device_get_params (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);
  return self->params;
}

JsonObject *
ck_device_get_tags (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);
  return self->tags;
}

CkDevice *
ck_device_new_from_json (JsonObject  *object,
                         GError     **error)
{
  const char *id = ck_json_get_string (object, "deviceid");
  CkDevice *self;

  if (id == NULL || *id == '\0')
    {
      g_set_error_literal (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                           "A device entry has no deviceid");
      return NULL;
    }

  self = g_object_new (CK_TYPE_DEVICE, NULL);
  self->id = g_strdup (id);
  ck_device_update_from_json (self, object);

  return self;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
ck_device_finalize (GObject *object)
{
  CkDevice *self = CK_DEVICE (object);

  for (guint i = 0; i < self->pending->len; i++)
    json_object_unref (g_array_index (self->pending, Pending, i).params);
  g_array_unref (self->pending);
  g_free (self->id);
  g_free (self->name);
  g_free (self->owner_apikey);
  g_free (self->model);
  g_free (self->firmware_version);
  g_free (self->mac);
  g_free (self->extra_mac);
  g_clear_pointer (&self->params, json_object_unref);
  g_clear_pointer (&self->shown, json_object_unref);
  g_clear_pointer (&self->tags, json_object_unref);
  g_strfreev (self->groups);
  g_clear_pointer (&self->shared_by, ck_share_unref);
  g_ptr_array_unref (self->shares);
  g_clear_pointer (&self->shares_json, json_node_unref);
  g_clear_object (&self->timers);
  g_clear_pointer (&self->timers_json, json_node_unref);
  g_clear_pointer (&self->readings, g_variant_unref);
  g_clear_pointer (&self->last_updated, g_date_time_unref);

  G_OBJECT_CLASS (ck_device_parent_class)->finalize (object);
}

static void
ck_device_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CkDevice *self = CK_DEVICE (object);
  gint min = 0;
  gint max = 0;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_UIID:
      g_value_set_int (value, self->uiid);
      break;
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_OWNER_APIKEY:
      g_value_set_string (value, self->owner_apikey);
      break;
    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;
    case PROP_FIRMWARE_VERSION:
      g_value_set_string (value, self->firmware_version);
      break;
    case PROP_RSSI:
      g_value_set_int (value, self->rssi);
      break;
    case PROP_SIGNAL_STRENGTH:
      g_value_set_enum (value, ck_device_get_signal_strength (self));
      break;
    case PROP_MAC:
      g_value_set_string (value, self->mac);
      break;
    case PROP_FAMILY_ID:
      g_value_set_string (value, ck_family_get_id (self->family));
      break;
    case PROP_CAPABILITIES:
      g_value_set_flags (value, ck_device_get_capabilities (self));
      break;
    case PROP_HAS_POWER:
      g_value_set_boolean (value, ck_device_get_has_power (self));
      break;
    case PROP_POWER:
      g_value_set_boolean (value, ck_device_get_power (self));
      break;
    case PROP_N_CHANNELS:
      g_value_set_uint (value, ck_device_get_n_channels (self));
      break;
    case PROP_CHANNELS:
      g_value_set_uint (value, ck_device_get_channels (self));
      break;
    case PROP_BRIGHTNESS:
      g_value_set_int (value, ck_device_get_brightness (self));
      break;
    case PROP_COLOR_TEMPERATURE:
      g_value_set_int (value, ck_device_get_color_temperature (self));
      break;
    case PROP_COLOR_TEMPERATURE_UNIT:
      g_value_set_enum (value, ck_device_get_color_temperature_unit (self));
      break;
    case PROP_COLOR_TEMPERATURE_MIN:
      ck_device_get_color_temperature_range (self, &min, &max);
      g_value_set_int (value, min);
      break;
    case PROP_COLOR_TEMPERATURE_MAX:
      ck_device_get_color_temperature_range (self, &min, &max);
      g_value_set_int (value, max);
      break;
    case PROP_COLOR:
      g_value_set_uint (value, ck_device_get_color (self));
      break;
    case PROP_FAN_SPEED:
      g_value_set_int (value, ck_device_get_fan_speed (self));
      break;
    case PROP_FAN_LEVELS:
      g_value_set_uint (value, ck_device_get_fan_levels (self));
      break;
    case PROP_CONTACT_OPEN:
      g_value_set_boolean (value, ck_device_get_contact_open (self));
      break;
    case PROP_COVER_POSITION:
      g_value_set_int (value, ck_device_get_cover_position (self));
      break;
    case PROP_READINGS:
      g_value_set_variant (value, self->readings);
      break;
    case PROP_SHARED_BY:
      g_value_set_boxed (value, self->shared_by);
      break;
    case PROP_SHARES:
      g_value_set_boxed (value, self->shares);
      break;
    case PROP_PERMIT:
      g_value_set_flags (value, ck_device_get_permit (self));
      break;
    case PROP_TIMERS:
      g_value_set_object (value, self->timers);
      break;
    case PROP_GROUPS:
      g_value_set_boxed (value, self->groups);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, ck_device_get_pending (self));
      break;
    case PROP_LAST_UPDATED:
      g_value_set_boxed (value, self->last_updated);
      break;
    case PROP_STALE:
      g_value_set_boolean (value, self->stale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ck_device_class_init (CkDeviceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ck_device_finalize;
  object_class->get_property = ck_device_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_UIID] = g_param_spec_int ("uiid", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_ONLINE] = g_param_spec_boolean ("online", NULL, NULL, FALSE, flags);
  properties[PROP_OWNER_APIKEY] = g_param_spec_string ("owner-apikey", NULL, NULL, NULL, flags);
  properties[PROP_MODEL] = g_param_spec_string ("model", NULL, NULL, NULL, flags);
  properties[PROP_FIRMWARE_VERSION] = g_param_spec_string ("firmware-version", NULL, NULL, NULL, flags);
  properties[PROP_RSSI] = g_param_spec_int ("rssi", NULL, NULL, G_MININT, 0, 0, flags);
  properties[PROP_SIGNAL_STRENGTH] =
    g_param_spec_enum ("signal-strength", NULL, NULL, CK_TYPE_SIGNAL_STRENGTH, CK_SIGNAL_STRENGTH_UNKNOWN, flags);
  properties[PROP_MAC] = g_param_spec_string ("mac", NULL, NULL, NULL, flags);
  properties[PROP_FAMILY_ID] = g_param_spec_string ("family-id", NULL, NULL, NULL, flags);
  properties[PROP_CAPABILITIES] =
    g_param_spec_flags ("capabilities", NULL, NULL, CK_TYPE_CAPABILITY, CK_CAPABILITY_NONE, flags);
  properties[PROP_HAS_POWER] = g_param_spec_boolean ("has-power", NULL, NULL, FALSE, flags);
  properties[PROP_POWER] = g_param_spec_boolean ("power", NULL, NULL, FALSE, flags);
  properties[PROP_N_CHANNELS] = g_param_spec_uint ("n-channels", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CHANNELS] = g_param_spec_uint ("channels", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_BRIGHTNESS] = g_param_spec_int ("brightness", NULL, NULL, -1, 100, -1, flags);
  properties[PROP_COLOR_TEMPERATURE] =
    g_param_spec_int ("color-temperature", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_COLOR_TEMPERATURE_UNIT] =
    g_param_spec_enum ("color-temperature-unit", NULL, NULL, CK_TYPE_COLOR_TEMPERATURE_UNIT,
                       CK_COLOR_TEMPERATURE_UNIT_PERCENT, flags);
  properties[PROP_COLOR_TEMPERATURE_MIN] =
    g_param_spec_int ("color-temperature-min", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_COLOR_TEMPERATURE_MAX] =
    g_param_spec_int ("color-temperature-max", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_COLOR] =
    g_param_spec_uint ("color", NULL, NULL, 0, G_MAXUINT32, CK_DEVICE_COLOR_UNKNOWN, flags);
  properties[PROP_FAN_SPEED] = g_param_spec_int ("fan-speed", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_FAN_LEVELS] = g_param_spec_uint ("fan-levels", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CONTACT_OPEN] = g_param_spec_boolean ("contact-open", NULL, NULL, FALSE, flags);
  properties[PROP_COVER_POSITION] =
    g_param_spec_int ("cover-position", NULL, NULL, -1, 100, -1, flags);
  properties[PROP_READINGS] =
    g_param_spec_variant ("readings", NULL, NULL, G_VARIANT_TYPE ("a{sd}"), NULL, flags);
  properties[PROP_SHARED_BY] = g_param_spec_boxed ("shared-by", NULL, NULL, CK_TYPE_SHARE, flags);
  properties[PROP_SHARES] = g_param_spec_boxed ("shares", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  properties[PROP_PERMIT] =
    g_param_spec_flags ("permit", NULL, NULL, CK_TYPE_PERMIT, CK_PERMIT_ALL, flags);
  properties[PROP_TIMERS] = g_param_spec_object ("timers", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_GROUPS] = g_param_spec_boxed ("groups", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, JSON_TYPE_OBJECT, flags);
  properties[PROP_PENDING] = g_param_spec_boolean ("pending", NULL, NULL, FALSE, flags);
  properties[PROP_LAST_UPDATED] = g_param_spec_boxed ("last-updated", NULL, NULL,
                                                      G_TYPE_DATE_TIME, flags);
  properties[PROP_STALE] = g_param_spec_boolean ("stale", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_PARAMS_CHANGED] =
    g_signal_new ("params-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ck_device_init (CkDevice *self)
{
  self->params = json_object_new ();
  self->groups = g_new0 (char *, 1);
  self->shares = g_ptr_array_new_with_free_func ((GDestroyNotify) ck_share_unref);
  self->timers = g_list_store_new (CK_TYPE_TIMER);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  rebuild_shown (self);
  self->readings = compute_readings (self);
}
