/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-device"

#include "ck-device.h"

#include "ck-error.h"
#include "ck-json.h"

/* Where a family keeps its whole-device on/off (devices.md §0, §1, §4).
 * The capability catalog of issue 5 replaces this table. */
typedef enum
{
  POWER_NONE,           /* read-only or no on/off the app understands */
  POWER_SWITCH,         /* "switch": "on" | "off" */
  POWER_STATE,          /* "state": "on" | "off" */
  POWER_FAN,            /* "fan": "on" | "off" */
  POWER_SWITCHES,       /* every channel of "switches"; on when any is on */
  POWER_SWITCHES_ONE,   /* "switches", only outlet 0 is real; all set alike */
  POWER_FIRST_OUTLET,   /* "switches", outlet 0 alone (iFan light) */
} PowerKey;

typedef struct
{
  gint     uiid;
  PowerKey key;
} PowerRow;

static const PowerRow power_table[] = {
  { 1, POWER_SWITCH }, { 5, POWER_SWITCH }, { 6, POWER_SWITCH }, { 14, POWER_SWITCH },
  { 15, POWER_SWITCH }, { 24, POWER_SWITCH }, { 25, POWER_SWITCH }, { 27, POWER_SWITCH },
  { 32, POWER_SWITCH }, { 33, POWER_SWITCH }, { 36, POWER_SWITCH }, { 44, POWER_SWITCH },
  { 59, POWER_SWITCH }, { 103, POWER_SWITCH }, { 104, POWER_SWITCH }, { 127, POWER_SWITCH },
  { 135, POWER_SWITCH }, { 136, POWER_SWITCH }, { 137, POWER_SWITCH }, { 181, POWER_SWITCH },
  { 1256, POWER_SWITCH }, { 7004, POWER_SWITCH },
  { 16, POWER_STATE }, { 22, POWER_STATE }, { 52, POWER_STATE }, { 57, POWER_STATE },
  { 17, POWER_FAN },
  { 2, POWER_SWITCHES }, { 3, POWER_SWITCHES }, { 4, POWER_SWITCHES }, { 7, POWER_SWITCHES },
  { 8, POWER_SWITCHES }, { 9, POWER_SWITCHES }, { 29, POWER_SWITCHES }, { 30, POWER_SWITCHES },
  { 31, POWER_SWITCHES }, { 82, POWER_SWITCHES }, { 83, POWER_SWITCHES }, { 84, POWER_SWITCHES },
  { 113, POWER_SWITCHES }, { 114, POWER_SWITCHES }, { 126, POWER_SWITCHES },
  { 133, POWER_SWITCHES }, { 139, POWER_SWITCHES }, { 140, POWER_SWITCHES },
  { 141, POWER_SWITCHES }, { 161, POWER_SWITCHES }, { 162, POWER_SWITCHES },
  { 163, POWER_SWITCHES }, { 165, POWER_SWITCHES }, { 2256, POWER_SWITCHES },
  { 3256, POWER_SWITCHES }, { 4256, POWER_SWITCHES },
  { 77, POWER_SWITCHES_ONE }, { 78, POWER_SWITCHES_ONE }, { 81, POWER_SWITCHES_ONE },
  { 107, POWER_SWITCHES_ONE }, { 112, POWER_SWITCHES_ONE }, { 138, POWER_SWITCHES_ONE },
  { 160, POWER_SWITCHES_ONE }, { 182, POWER_SWITCHES_ONE }, { 190, POWER_SWITCHES_ONE },
  { 34, POWER_FIRST_OUTLET },
  /* Sensors, covers, bridges: nothing to switch. */
  { 11, POWER_NONE }, { 18, POWER_NONE }, { 28, POWER_NONE }, { 66, POWER_NONE },
  { 67, POWER_NONE }, { 91, POWER_NONE }, { 102, POWER_NONE }, { 154, POWER_NONE },
  { 168, POWER_NONE }, { 1000, POWER_NONE }, { 1770, POWER_NONE }, { 2026, POWER_NONE },
  { 3026, POWER_NONE }, { 4026, POWER_NONE }, { 7002, POWER_NONE }, { 7003, POWER_NONE },
  { 7014, POWER_NONE },
};

struct _CkDevice
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  gint        uiid;
  gboolean    online;
  char       *owner_apikey;
  char       *model;
  JsonObject *params;
  GDateTime  *last_updated;

  guint       pending_count;
  gboolean    pending_power;
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
  PROP_HAS_POWER,
  PROP_POWER,
  PROP_PENDING,
  PROP_LAST_UPDATED,
  N_PROPS
};

enum {
  SIGNAL_PARAMS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Power, derived from the params                                            */

static PowerKey
power_key (CkDevice *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (power_table); i++)
    if (power_table[i].uiid == self->uiid)
      return power_table[i].key;

  /* Unknown families: what the params show (devices.md §1). */
  if (ck_json_get_string (self->params, "switch") != NULL)
    return POWER_SWITCH;
  if (ck_json_get_array (self->params, "switches") != NULL)
    return POWER_SWITCHES;

  return POWER_NONE;
}

static const char *
string_key_of (PowerKey key)
{
  switch (key)
    {
    case POWER_SWITCH:
      return "switch";
    case POWER_STATE:
      return "state";
    case POWER_FAN:
      return "fan";
    case POWER_NONE:
    case POWER_SWITCHES:
    case POWER_SWITCHES_ONE:
    case POWER_FIRST_OUTLET:
    default:
      return NULL;
    }
}

/* The outlet number of a `switches` entry, or its index when it has none. */
static gint64
outlet_of (JsonObject *entry,
           guint       index)
{
  gint64 outlet;

  return ck_json_get_int (entry, "outlet", &outlet) ? outlet : (gint64) index;
}

static gboolean
compute_has_power (CkDevice *self)
{
  PowerKey key = power_key (self);
  const char *string_key = string_key_of (key);

  if (key == POWER_NONE)
    return FALSE;
  if (string_key != NULL)
    return ck_json_get_string (self->params, string_key) != NULL;

  return ck_json_get_array (self->params, "switches") != NULL;
}

static gboolean
compute_power (CkDevice *self)
{
  PowerKey key = power_key (self);
  const char *string_key = string_key_of (key);
  JsonArray *switches;

  if (key == POWER_NONE)
    return FALSE;
  if (string_key != NULL)
    return g_strcmp0 (ck_json_get_string (self->params, string_key), "on") == 0;

  switches = ck_json_get_array (self->params, "switches");
  for (guint i = 0; switches != NULL && i < json_array_get_length (switches); i++)
    {
      JsonNode *node = json_array_get_element (switches, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      gboolean on;

      if (entry == NULL)
        continue;

      on = g_strcmp0 (ck_json_get_string (entry, "switch"), "on") == 0;
      if (key == POWER_SWITCHES && on)
        return TRUE;
      if (key != POWER_SWITCHES && outlet_of (entry, i) == 0)
        return on;
    }

  return FALSE;
}

gboolean
ck_device_get_has_power (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), FALSE);
  return compute_has_power (self);
}

gboolean
ck_device_get_power (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), FALSE);
  return self->pending_count > 0 ? self->pending_power : compute_power (self);
}

JsonObject *
ck_device_build_power_params (CkDevice *self,
                              gboolean  on)
{
  PowerKey key;
  const char *string_key;
  const char *value = on ? "on" : "off";
  JsonArray *current;
  JsonArray *switches;
  JsonObject *params;

  g_return_val_if_fail (CK_IS_DEVICE (self), NULL);

  if (!compute_has_power (self))
    return NULL;

  key = power_key (self);
  params = json_object_new ();
  string_key = string_key_of (key);
  if (string_key != NULL)
    {
      json_object_set_string_member (params, string_key, value);
      return params;
    }

  /* The whole array, copied from the current state (devices.md §0). */
  current = ck_json_get_array (self->params, "switches");
  switches = json_array_new ();
  for (guint i = 0; i < json_array_get_length (current); i++)
    {
      JsonNode *copy = ck_json_node_deep_copy (json_array_get_element (current, i));

      if (JSON_NODE_HOLDS_OBJECT (copy))
        {
          JsonObject *entry = json_node_get_object (copy);

          if (key != POWER_FIRST_OUTLET || outlet_of (entry, i) == 0)
            json_object_set_string_member (entry, "switch", value);
        }
      json_array_add_element (switches, copy);
    }
  json_object_set_array_member (params, "switches", switches);

  return params;
}

/* ------------------------------------------------------------------------ */
/* Changes, each notifying only what really changed                          */

typedef struct
{
  gboolean has_power;
  gboolean power;
  gboolean pending;
} Derived;

static Derived
snapshot (CkDevice *self)
{
  return (Derived) {
    compute_has_power (self),
    ck_device_get_power (self),
    self->pending_count > 0,
  };
}

static void
notify_derived (CkDevice *self,
                Derived   before)
{
  Derived after = snapshot (self);

  if (before.has_power != after.has_power)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_POWER]);
  if (before.power != after.power)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POWER]);
  if (before.pending != after.pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
touch (CkDevice *self)
{
  g_clear_pointer (&self->last_updated, g_date_time_unref);
  self->last_updated = g_date_time_new_now_utc ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_UPDATED]);
}

static void
set_string (CkDevice    *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
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
  g_autoptr(GObject) hold = NULL;
  Derived before;
  JsonObject *params;
  JsonObject *extra;
  const char *model;
  gboolean online = FALSE;
  gint uiid;

  g_return_if_fail (CK_IS_DEVICE (self));
  g_return_if_fail (object != NULL);

  hold = g_object_ref (G_OBJECT (self));
  g_object_freeze_notify (G_OBJECT (self));
  before = snapshot (self);

  set_string (self, &self->name, ck_json_get_string (object, "name"), PROP_NAME);
  set_string (self, &self->owner_apikey, ck_json_get_string (object, "apikey"), PROP_OWNER_APIKEY);

  extra = ck_json_get_object (ck_json_get_object (object, "extra"), "extra");
  model = ck_json_get_string (extra, "model");
  if (model == NULL)
    model = ck_json_get_string (object, "productModel");
  set_string (self, &self->model, model, PROP_MODEL);

  uiid = uiid_of (object);
  if (uiid != self->uiid)
    {
      self->uiid = uiid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UIID]);
    }

  ck_json_get_boolean (object, "online", &online);
  if (online != self->online)
    {
      self->online = online;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
    }

  params = ck_json_get_object (object, "params");
  g_clear_pointer (&self->params, json_object_unref);
  if (params != NULL)
    {
      g_autoptr(JsonNode) copy = ck_json_node_deep_copy (json_object_get_member (object, "params"));

      self->params = json_object_ref (json_node_get_object (copy));
    }
  else
    {
      self->params = json_object_new ();
    }

  touch (self);
  notify_derived (self, before);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[SIGNAL_PARAMS_CHANGED], 0);
}

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

void
ck_device_merge_params (CkDevice   *self,
                        JsonObject *params)
{
  g_autoptr(GList) members = NULL;
  Derived before;

  g_return_if_fail (CK_IS_DEVICE (self));

  if (params == NULL)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  before = snapshot (self);

  members = json_object_get_members (params);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonArray *current = ck_json_get_array (self->params, name);
      JsonArray *change = ck_json_get_array (params, name);

      if (is_outlet_array (current) && is_outlet_array (change))
        merge_outlets (current, change);
      else
        json_object_set_member (self->params, name,
                                ck_json_node_deep_copy (json_object_get_member (params, name)));
    }

  touch (self);
  notify_derived (self, before);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[SIGNAL_PARAMS_CHANGED], 0);
}

void
ck_device_begin_pending (CkDevice *self,
                         gboolean  power)
{
  Derived before;

  g_return_if_fail (CK_IS_DEVICE (self));

  g_object_freeze_notify (G_OBJECT (self));
  before = snapshot (self);
  self->pending_count++;
  self->pending_power = !!power;
  notify_derived (self, before);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The shown value falls back to the params: the confirmed state (the client
 * merged the acknowledged params first) or the state from before. */
void
ck_device_end_pending (CkDevice *self,
                       gboolean  confirmed)
{
  Derived before;

  g_return_if_fail (CK_IS_DEVICE (self));
  g_return_if_fail (self->pending_count > 0);

  g_object_freeze_notify (G_OBJECT (self));
  before = snapshot (self);
  self->pending_count--;
  notify_derived (self, before);
  g_object_thaw_notify (G_OBJECT (self));
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

gboolean
ck_device_get_pending (CkDevice *self)
{
  g_return_val_if_fail (CK_IS_DEVICE (self), FALSE);
  return self->pending_count > 0;
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

  g_free (self->id);
  g_free (self->name);
  g_free (self->owner_apikey);
  g_free (self->model);
  g_clear_pointer (&self->params, json_object_unref);
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
    case PROP_HAS_POWER:
      g_value_set_boolean (value, ck_device_get_has_power (self));
      break;
    case PROP_POWER:
      g_value_set_boolean (value, ck_device_get_power (self));
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, ck_device_get_pending (self));
      break;
    case PROP_LAST_UPDATED:
      g_value_set_boxed (value, self->last_updated);
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
  properties[PROP_HAS_POWER] = g_param_spec_boolean ("has-power", NULL, NULL, FALSE, flags);
  properties[PROP_POWER] = g_param_spec_boolean ("power", NULL, NULL, FALSE, flags);
  properties[PROP_PENDING] = g_param_spec_boolean ("pending", NULL, NULL, FALSE, flags);
  properties[PROP_LAST_UPDATED] = g_param_spec_boxed ("last-updated", NULL, NULL,
                                                      G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_PARAMS_CHANGED] =
    g_signal_new ("params-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ck_device_init (CkDevice *self)
{
  self->params = json_object_new ();
}
