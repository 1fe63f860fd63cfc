/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-device"

#include "cksim-device.h"
#include "cksim-json.h"
#include "cksim-reason.h"
#include "cksim-timers.h"

#include <stdlib.h>
#include <string.h>

/* Device emulation: the validation matrix of devices.md §7.1 as tables. */

typedef enum
{
  K_ENUM,     /* a string among "a|b|c" */
  K_INT,      /* an integer in [min, max], a multiple of step if step > 0 */
  K_STRINT,   /* a string holding an integer in [min, max] */
  K_STRINT0,  /* the same, or "0" (an unused channel) */
  K_HALF,     /* a number in [min, max] in steps of 0.5 */
  K_OUTLETS,  /* an array of objects keyed by "outlet" */
  K_OBJECT,   /* an object whose members follow sub */
  K_TIMERS,   /* protocol §7 (cksim-timers.c) */
  K_ARRAY,    /* any array (validated by the profile's extra check) */
} KeyKind;

typedef struct KeySpec KeySpec;
struct KeySpec
{
  const char    *name;
  KeyKind        kind;
  const char    *values;
  gint64         min, max, step;
  const KeySpec *sub;
};

#define ON_OFF "on|off"
#define KEY_END { NULL, 0, NULL, 0, 0, 0, NULL }

/* Row shapes the profiles share. */
#define ENUM_KEY(name, values)  { name, K_ENUM, values, 0, 0, 0, NULL }
#define ON_OFF_KEY(name)        ENUM_KEY (name, ON_OFF)
#define INT_KEY(name, min, max) { name, K_INT, NULL, min, max, 0, NULL }
#define RGB_KEYS(r, g, b)       INT_KEY (r, 0, 255), INT_KEY (g, 0, 255), INT_KEY (b, 0, 255)
#define OBJECT_KEY(name, sub)   { name, K_OBJECT, NULL, 0, 0, 0, sub }
#define OUTLETS_KEY(name)       { name, K_OUTLETS, NULL, 0, 0, 0, outlet_item_keys }
#define TIMERS_KEY              { "timers", K_TIMERS, NULL, 0, 0, 0, NULL }
/* Inching: 0.5 s to 1 h in steps of 0.5 s (devices.md §5). */
#define WIDTH_KEY(name)         { name, K_INT, NULL, 500, 3600000, 500, NULL }

static const KeySpec outlet_item_keys[] = {
  INT_KEY ("outlet", 0, 3),
  ON_OFF_KEY ("switch"),
  ENUM_KEY ("startup", "on|off|stay"),
  ON_OFF_KEY ("pulse"),
  WIDTH_KEY ("width"),
  KEY_END
};

#define RELAY1_KEYS \
  ON_OFF_KEY ("switch"), \
  ENUM_KEY ("startup", "on|off|stay"), \
  ON_OFF_KEY ("pulse"), \
  WIDTH_KEY ("pulseWidth"), \
  ON_OFF_KEY ("sledOnline"), \
  TIMERS_KEY

#define RELAYN_KEYS \
  OUTLETS_KEY ("switches"), \
  OUTLETS_KEY ("configure"), \
  OUTLETS_KEY ("pulses"), \
  INT_KEY ("lock", 0, 1), \
  ON_OFF_KEY ("sledOnline"), \
  TIMERS_KEY

static const KeySpec relay1_keys[] = { RELAY1_KEYS, KEY_END };
static const KeySpec relayn_keys[] = { RELAYN_KEYS, KEY_END };
static const KeySpec relay1m_keys[] = {
  RELAYN_KEYS,
  INT_KEY ("relaySeparation", 0, 1),
  INT_KEY ("swMode", 1, 3),
  KEY_END
};

static const KeySpec pair_keys[] = { KEY_END }; /* 2-number arrays: extra check */

static const KeySpec pow_keys[] = {
  RELAY1_KEYS,
  INT_KEY ("uiActive", 1, 7200),
  ENUM_KEY ("hundredDaysKwh", "get"),
  ENUM_KEY ("oneKwh", "start|stop|get"),
  ENUM_KEY ("startTime", NULL),
  ENUM_KEY ("endTime", NULL),
  ENUM_KEY ("alarmType", NULL),
  { "alarmPValue", K_ARRAY, NULL, 0, 0, 0, pair_keys },
  { "alarmCValue", K_ARRAY, NULL, 0, 0, 0, pair_keys },
  { "alarmVValue", K_ARRAY, NULL, 0, 0, 0, pair_keys },
  INT_KEY ("timeZone", -12, 14),
  KEY_END
};

static const KeySpec th_keys[] = {
  RELAY1_KEYS,
  ON_OFF_KEY ("mainSwitch"),
  ENUM_KEY ("deviceType", "normal|temperature|humidity"),
  { "targets", K_ARRAY, NULL, 0, 0, 0, NULL },
  INT_KEY ("autoControlEnabled", 0, 1),
  KEY_END
};

static const KeySpec ifan_keys[] = {
  OUTLETS_KEY ("switches"),
  ON_OFF_KEY ("sledOnline"),
  TIMERS_KEY,
  KEY_END
};

static const KeySpec dimmer36_keys[] = {
  ON_OFF_KEY ("switch"),
  INT_KEY ("bright", 10, 100),
  ON_OFF_KEY ("sledOnline"),
  TIMERS_KEY,
  KEY_END
};

static const KeySpec d1_keys[] = {
  ON_OFF_KEY ("switch"),
  INT_KEY ("brightness", 0, 100),
  INT_KEY ("mode", 0, 0),
  TIMERS_KEY,
  KEY_END
};

static const KeySpec mono57_keys[] = {
  ON_OFF_KEY ("state"),
  { "channel0", K_STRINT, NULL, 25, 255, 0, NULL },
  TIMERS_KEY,
  KEY_END
};

static const KeySpec strip_keys[] = {
  ON_OFF_KEY ("switch"),
  INT_KEY ("bright", 1, 100),
  RGB_KEYS ("colorR", "colorG", "colorB"),
  INT_KEY ("light_type", 1, 2),
  INT_KEY ("mode", 1, 12),
  INT_KEY ("speed", 1, 100),
  INT_KEY ("sensitive", 1, 10),
  ON_OFF_KEY ("sledOnline"),
  TIMERS_KEY,
  KEY_END
};

static const KeySpec strip33_keys[] = {
  ON_OFF_KEY ("switch"),
  INT_KEY ("bright", 10, 100),
  RGB_KEYS ("colorR", "colorG", "colorB"),
  INT_KEY ("light_type", 1, 2),
  INT_KEY ("mode", 1, 3),
  INT_KEY ("speed", 0, 100),
  TIMERS_KEY,
  KEY_END
};

static const KeySpec white255_keys[] = {
  INT_KEY ("br", 1, 100),
  INT_KEY ("ct", 0, 255),
  KEY_END
};

static const KeySpec white100_keys[] = {
  INT_KEY ("br", 1, 100),
  INT_KEY ("ct", 0, 100),
  KEY_END
};

static const KeySpec color_keys[] = {
  INT_KEY ("br", 1, 100),
  RGB_KEYS ("r", "g", "b"),
  KEY_END
};

static const KeySpec scene_keys[] = {
  INT_KEY ("br", 1, 100),
  INT_KEY ("ct", 0, 255),
  RGB_KEYS ("r", "g", "b"),
  INT_KEY ("tf", 1, 4),
  INT_KEY ("sp", 1, 100),
  ENUM_KEY ("name", NULL),
  KEY_END
};

#define B02_COMMON \
  ON_OFF_KEY ("switch"), \
  OBJECT_KEY ("bright", scene_keys), \
  OBJECT_KEY ("read", scene_keys), \
  OBJECT_KEY ("nightLight", scene_keys), \
  TIMERS_KEY

static const KeySpec b02_keys[] = {
  B02_COMMON,
  ENUM_KEY ("ltype", "white|bright|read|computer|nightLight"),
  OBJECT_KEY ("white", white255_keys),
  OBJECT_KEY ("computer", scene_keys),
  KEY_END
};

#define B05_COMMON \
  B02_COMMON, \
  ENUM_KEY ("ltype", "white|color|bright|goodNight|read|nightLight|party|leisure|soft|colorful"), \
  OBJECT_KEY ("color", color_keys), \
  OBJECT_KEY ("goodNight", scene_keys), \
  OBJECT_KEY ("party", scene_keys), \
  OBJECT_KEY ("leisure", scene_keys), \
  OBJECT_KEY ("soft", scene_keys), \
  OBJECT_KEY ("colorful", scene_keys)

static const KeySpec b05_keys[] = {
  B05_COMMON,
  OBJECT_KEY ("white", white255_keys),
  KEY_END
};

static const KeySpec b05bl_keys[] = {
  B05_COMMON,
  OBJECT_KEY ("white", white100_keys),
  KEY_END
};

/* Families added for issue 5 (devices.md §6.4–6.13) */

static const KeySpec ui_active_outlet_keys[] = {
  INT_KEY ("outlet", 0, 1),
  INT_KEY ("time", 1, 7200),
  KEY_END
};

static const KeySpec hours_window_keys[] = {
  INT_KEY ("start", 0, G_MAXINT32),
  INT_KEY ("end", 0, G_MAXINT32),
  KEY_END
};

static const KeySpec pow190_keys[] = {
  RELAYN_KEYS,
  INT_KEY ("operSide", 1, 1),
  INT_KEY ("uiActive", 1, 7200),
  OBJECT_KEY ("getHoursKwh", hours_window_keys),
  ENUM_KEY ("hundredDaysKwh", "get"),
  INT_KEY ("timeZone", -12, 14),
  KEY_END
};

static const KeySpec dualr3_keys[] = {
  RELAYN_KEYS,
  INT_KEY ("workMode", 1, 3),
  INT_KEY ("motorTurn", 0, 2),
  INT_KEY ("location", 0, 100),
  OBJECT_KEY ("uiActive", ui_active_outlet_keys),
  INT_KEY ("getKwh_00", 0, 100),
  INT_KEY ("getKwh_01", 0, 100),
  KEY_END
};

static const KeySpec cw16_keys[] = {
  ON_OFF_KEY ("state"),
  { "channel0", K_STRINT0, NULL, 25, 255, 0, NULL },
  { "channel1", K_STRINT0, NULL, 25, 255, 0, NULL },
  ENUM_KEY ("type", "cold|middle|warm"),
  TIMERS_KEY,
  KEY_END
};

static const KeySpec b1_keys[] = {
  ON_OFF_KEY ("state"),
  { "channel0", K_STRINT0, NULL, 25, 255, 0, NULL },
  { "channel1", K_STRINT0, NULL, 25, 255, 0, NULL },
  { "channel2", K_STRINT, NULL, 0, 255, 0, NULL },
  { "channel3", K_STRINT, NULL, 0, 255, 0, NULL },
  { "channel4", K_STRINT, NULL, 0, 255, 0, NULL },
  ENUM_KEY ("type", "cold|middle|warm"),
  INT_KEY ("zyx_mode", 1, 6),
  TIMERS_KEY,
  KEY_END
};

static const KeySpec cct52_keys[] = {
  ON_OFF_KEY ("state"),
  { "channel0", K_STRINT, NULL, 10, 255, 0, NULL },
  { "channel1", K_STRINT, NULL, 0, 255, 0, NULL },
  TIMERS_KEY,
  KEY_END
};

static const KeySpec rf_code_keys[] = {
  INT_KEY ("rfChl", 0, G_MAXINT32),
  ENUM_KEY ("rfVal", NULL),
  KEY_END
};

static const KeySpec rfbridge_keys[] = {
  ENUM_KEY ("cmd", "transmit|capture|captureCancel|edit"),
  INT_KEY ("rfChl", 0, G_MAXINT32),
  { "rfList", K_ARRAY, NULL, 0, 0, 0, rf_code_keys },
  ON_OFF_KEY ("sledOnline"),
  KEY_END
};

static const KeySpec cover11_keys[] = {
  ENUM_KEY ("switch", "on|off|pause"),
  INT_KEY ("setclose", 0, 100),
  TIMERS_KEY,
  KEY_END
};

static const KeySpec garage_keys[] = {
  INT_KEY ("op", 1, 3),
  TIMERS_KEY,
  KEY_END
};

static const KeySpec fan17_keys[] = {
  ON_OFF_KEY ("fan"),
  ENUM_KEY ("speed", "slow|moderate|fast"),
  ENUM_KEY ("mode", "normal|natural|sleep"),
  ON_OFF_KEY ("shake"),
  TIMERS_KEY,
  KEY_END
};

static const KeySpec diffuser_keys[] = {
  ON_OFF_KEY ("switch"),
  INT_KEY ("state", 1, 2),
  INT_KEY ("lightswitch", 0, 1),
  INT_KEY ("lightbright", 0, 100),
  INT_KEY ("lightmode", 1, 3),
  RGB_KEYS ("lightRcolor", "lightGcolor", "lightBcolor"),
  TIMERS_KEY,
  KEY_END
};

static const KeySpec therm127_keys[] = {
  ON_OFF_KEY ("switch"),
  { "targetTemp", K_HALF, NULL, 5, 45, 0, NULL },
  INT_KEY ("workMode", 1, 3),
  INT_KEY ("workState", 1, 2),
  ENUM_KEY ("tempScale", "c|f"),
  ON_OFF_KEY ("childLock"),
  TIMERS_KEY,
  KEY_END
};

static const KeySpec nspanel_keys[] = {
  RELAYN_KEYS,
  INT_KEY ("ATCEnable", 0, 1),
  INT_KEY ("ATCMode", 0, 1),
  { "ATCExpect0", K_HALF, NULL, 16, 31, 0, NULL },
  { "tempCorrection", K_HALF, NULL, -10, 10, 0, NULL },
  KEY_END
};

static const KeySpec zigbee_switch_keys[] = {
  ON_OFF_KEY ("switch"),
  TIMERS_KEY,
  KEY_END
};

static const KeySpec zigbee_gang_keys[] = {
  OUTLETS_KEY ("switches"),
  TIMERS_KEY,
  KEY_END
};

static const KeySpec zigbee_dim_keys[] = {
  ON_OFF_KEY ("switch"),
  INT_KEY ("brightness", 1, 100),
  INT_KEY ("colorTemp", 0, 100),
  TIMERS_KEY,
  KEY_END
};

static const KeySpec zigbee_rgbcw_keys[] = {
  ON_OFF_KEY ("switch"),
  ENUM_KEY ("colorMode", "cct|rgb"),
  INT_KEY ("cctBrightness", 1, 100),
  INT_KEY ("rgbBrightness", 1, 100),
  INT_KEY ("colorTemp", 0, 100),
  INT_KEY ("hue", 0, 359),
  INT_KEY ("saturation", 1, 100),
  TIMERS_KEY,
  KEY_END
};

static const KeySpec no_keys[] = { KEY_END };

typedef gboolean (*ExtraCheck) (const CkSimDevice *device,
                                JsonObject        *params,
                                gboolean           compat,
                                char             **reason);

typedef enum
{
  WRITABLE,
  ASLEEP,    /* a sleeping sensor: 400 strict, never acks with --compat */
  READ_ONLY, /* awake but nothing to set: 400 in both modes */
} Writability;

typedef struct
{
  const char    *name;
  const int     *uiids;
  const KeySpec *keys;
  gboolean       single_outlet;  /* relay1m: only outlet 0 is real */
  Writability    writability;
  ExtraCheck     extra;
  gboolean       timers_outlet0; /* iFan: timers switch the light only */
} Profile;

/* Helpers */

static gboolean
enum_contains (const char *values,
               const char *value)
{
  g_auto(GStrv) parts = g_strsplit (values, "|", -1);

  return g_strv_contains ((const char * const *) parts, value);
}

static const KeySpec *
find_key (const KeySpec *keys,
          const char    *name)
{
  for (; keys != NULL && keys->name != NULL; keys++)
    if (g_str_equal (keys->name, name))
      return keys;
  return NULL;
}

static gboolean
parse_strint (const char *s,
              gint64     *value)
{
  char *end = NULL;

  if (s == NULL || *s == '\0')
    return FALSE;
  *value = g_ascii_strtoll (s, &end, 10);
  return end != NULL && *end == '\0';
}

/* Forward: validates one member against its spec. */
static gboolean check_value (const KeySpec *spec, JsonNode *value, JsonNode *stored,
                             const CkSimDevice *device, const Profile *profile,
                             gboolean compat, char **reason);

/* Members of an object against @keys; a member is known if in @keys or in
 * @stored (devices.md §7: "already present at the same place"). */
static gboolean
check_members (const KeySpec     *keys,
               JsonObject        *object,
               JsonObject        *stored,
               const CkSimDevice *device,
               const Profile     *profile,
               gboolean           compat,
               char             **reason)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &value))
    {
      const KeySpec *spec = find_key (keys, name);
      JsonNode *old = stored != NULL ? json_object_get_member (stored, name) : NULL;

      if (spec == NULL)
        {
          if (old == NULL && !compat)
            return cksim_reject (reason, "unknown key \"%s\"", name);
          continue;
        }
      if (!check_value (spec, value, old, device, profile, compat, reason))
        return FALSE;
    }
  return TRUE;
}

/* The stored item of @outlet in a stored outlet array (any node), or NULL. */
static JsonObject *
stored_outlet (JsonNode *stored_array,
               gint64    outlet)
{
  if (stored_array == NULL || !JSON_NODE_HOLDS_ARRAY (stored_array))
    return NULL;
  return cksim_json_find_item (json_node_get_array (stored_array), "outlet", outlet);
}

static gboolean
check_outlets (const KeySpec     *spec,
               JsonNode          *value,
               JsonNode          *stored,
               const CkSimDevice *device,
               const Profile     *profile,
               gboolean           compat,
               char             **reason)
{
  JsonArray *array;
  guint channels = cksim_device_channel_count (device->uiid);

  if (!JSON_NODE_HOLDS_ARRAY (value))
    return cksim_reject (reason, "\"%s\" must be an array", spec->name);
  array = json_node_get_array (value);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *object, *old;
      JsonNode *outlet_node;
      gint64 outlet;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return cksim_reject (reason, "\"%s\" items must be objects", spec->name);
      object = json_node_get_object (item);
      outlet_node = json_object_get_member (object, "outlet");
      if (!cksim_json_is_integer (outlet_node))
        return cksim_reject (reason, "\"%s\" item without an integer outlet", spec->name);
      outlet = json_node_get_int (outlet_node);
      if (outlet < 0 || outlet > 3)
        return cksim_reject (reason, "outlet %" G_GINT64_FORMAT " out of range", outlet);
      old = stored_outlet (stored, outlet);
      /* Phantom outlets the device's own array holds are accepted (§6.2);
       * others are not real channels. */
      if (outlet >= channels && old == NULL && !(profile->single_outlet && compat))
        return cksim_reject (reason, "outlet %" G_GINT64_FORMAT " does not exist", outlet);
      if (!check_members (spec->sub, object, old, device, profile, compat, reason))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_value (const KeySpec     *spec,
             JsonNode          *value,
             JsonNode          *stored,
             const CkSimDevice *device,
             const Profile     *profile,
             gboolean           compat,
             char             **reason)
{
  gint64 n;

  switch (spec->kind)
    {
    case K_ENUM:
      if (!cksim_json_is_string (value))
        return cksim_reject (reason, "\"%s\" must be a string", spec->name);
      if (spec->values != NULL && !enum_contains (spec->values, json_node_get_string (value)))
        return cksim_reject (reason, "\"%s\": unexpected value \"%s\"", spec->name, json_node_get_string (value));
      return TRUE;
    case K_INT:
      if (!cksim_json_is_integer (value))
        return cksim_reject (reason, "\"%s\" must be an integer", spec->name);
      n = json_node_get_int (value);
      if (n < spec->min || n > spec->max || (spec->step > 0 && n % spec->step != 0))
        return cksim_reject (reason, "\"%s\" out of range", spec->name);
      return TRUE;
    case K_STRINT:
      if (!cksim_json_is_string (value)
          || !parse_strint (json_node_get_string (value), &n) || n < spec->min || n > spec->max)
        return cksim_reject (reason, "\"%s\" must be a string integer in range", spec->name);
      return TRUE;
    case K_OUTLETS:
      return check_outlets (spec, value, stored, device, profile, compat, reason);
    case K_OBJECT:
      if (!JSON_NODE_HOLDS_OBJECT (value))
        return cksim_reject (reason, "\"%s\" must be an object", spec->name);
      return check_members (spec->sub, json_node_get_object (value),
                            stored != NULL && JSON_NODE_HOLDS_OBJECT (stored) ? json_node_get_object (stored) : NULL,
                            device, profile, compat, reason);
    case K_TIMERS:
      return TRUE;  /* cksim_timers_check(), with the configured limit */
    case K_STRINT0:
      if (cksim_json_is_string (value)
          && g_str_equal (json_node_get_string (value), "0"))
        return TRUE;
      if (!cksim_json_is_string (value)
          || !parse_strint (json_node_get_string (value), &n) || n < spec->min || n > spec->max)
        return cksim_reject (reason, "\"%s\" must be \"0\" or a string integer in range", spec->name);
      return TRUE;
    case K_HALF:
      {
        double d;

        if (!JSON_NODE_HOLDS_VALUE (value) || (json_node_get_value_type (value) != G_TYPE_INT64
                                               && json_node_get_value_type (value) != G_TYPE_DOUBLE))
          return cksim_reject (reason, "\"%s\" must be a number", spec->name);
        d = json_node_get_double (value);
        if (d < spec->min || d > spec->max || d * 2 != (double) (gint64) (d * 2))
          return cksim_reject (reason, "\"%s\" out of range (steps of 0.5)", spec->name);
        return TRUE;
      }
    case K_ARRAY:
      if (!JSON_NODE_HOLDS_ARRAY (value))
        return cksim_reject (reason, "\"%s\" must be an array", spec->name);
      return TRUE;
    default:
      return cksim_reject (reason, "\"%s\" not writable", spec->name);
    }
}

/* Extra checks: combinations a key table cannot express. */

static gboolean
check_pulse_width (const CkSimDevice *device,
                   JsonObject        *params,
                   gboolean           compat,
                   char             **reason)
{
  const char *pulse = cksim_json_get_string (params, "pulse");

  if (!json_object_has_member (params, "pulseWidth"))
    return TRUE;
  if (pulse == NULL)
    pulse = cksim_json_get_string (device->params, "pulse");
  if (g_strcmp0 (pulse, "on") != 0)
    return cksim_reject (reason, "\"pulseWidth\" needs \"pulse\":\"on\"");
  return TRUE;
}

static gboolean
check_pair (JsonObject  *params,
            const char  *name,
            char       **reason)
{
  JsonArray *array;
  double low, high;

  if (!json_object_has_member (params, name))
    return TRUE;
  array = json_object_get_array_member (params, name);
  if (json_array_get_length (array) != 2)
    return cksim_reject (reason, "\"%s\" must have 2 numbers", name);
  for (guint i = 0; i < 2; i++)
    {
      JsonNode *n = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (n) || (json_node_get_value_type (n) != G_TYPE_INT64
                                         && json_node_get_value_type (n) != G_TYPE_DOUBLE))
        return cksim_reject (reason, "\"%s\" must have 2 numbers", name);
    }
  /* [low, high], -1 = unset; high > low when both are set (§6.4). */
  low = json_array_get_double_element (array, 0);
  high = json_array_get_double_element (array, 1);
  if ((low != -1 && low < 0) || (high != -1 && high < 0) || (low != -1 && high != -1 && high <= low))
    return cksim_reject (reason, "\"%s\" must be [low, high] with high > low (-1 = unset)", name);
  return TRUE;
}

static gboolean
check_pow (const CkSimDevice *device,
           JsonObject        *params,
           gboolean           compat,
           char             **reason)
{
  const char *alarm = cksim_json_get_string (params, "alarmType");

  if (alarm != NULL)
    {
      if (*alarm == '\0' || strlen (alarm) > 3)
        return cksim_reject (reason, "bad \"alarmType\"");
      for (const char *p = alarm; *p != '\0'; p++)
        if (strchr ("pcv", *p) == NULL || strchr (p + 1, *p) != NULL)
          return cksim_reject (reason, "bad \"alarmType\"");
    }
  return check_pulse_width (device, params, compat, reason)
         && check_pair (params, "alarmPValue", reason)
         && check_pair (params, "alarmCValue", reason)
         && check_pair (params, "alarmVValue", reason);
}

static gboolean
target_value (JsonObject  *target,
              const char  *name,
              double      *value,
              const char **reaction)
{
  const char *text = cksim_json_get_string (target, name);
  JsonNode *node = json_object_get_member (target, "reaction");
  JsonObject *r = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  char *end = NULL;

  if (text == NULL || r == NULL || cksim_json_get_string (r, "switch") == NULL)
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  *reaction = cksim_json_get_string (r, "switch");
  return end != text && *end == '\0' && enum_contains (ON_OFF, *reaction);
}

static gboolean
check_th (const CkSimDevice *device,
          JsonObject        *params,
          gboolean           compat,
          char             **reason)
{
  JsonArray *targets;
  JsonObject *high = NULL, *low = NULL;
  double h, l;
  const char *rh, *rl;

  if (!check_pulse_width (device, params, compat, reason))
    return FALSE;
  /* Only the TH Elite (181) has autoControlEnabled: elsewhere an unknown key. */
  if (device->uiid != 181 && json_object_has_member (params, "autoControlEnabled")
      && !json_object_has_member (device->params, "autoControlEnabled") && !compat)
    return cksim_reject (reason, "unknown key \"autoControlEnabled\"");
  if (!json_object_has_member (params, "targets"))
    return TRUE;
  targets = json_object_get_array_member (params, "targets");
  if (json_array_get_length (targets) != 2)
    return cksim_reject (reason, "\"targets\" needs exactly 2 entries");
  for (guint i = 0; i < 2; i++)
    {
      JsonNode *n = json_array_get_element (targets, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;

      if (o != NULL && json_object_has_member (o, "targetHigh"))
        high = o;
      else if (o != NULL && json_object_has_member (o, "targetLow"))
        low = o;
    }
  if (high == NULL || low == NULL
      || !target_value (high, "targetHigh", &h, &rh) || !target_value (low, "targetLow", &l, &rl)
      || h <= l || g_str_equal (rh, rl))
    return cksim_reject (reason, "invalid \"targets\"");
  return TRUE;
}

static gboolean
check_d1 (const CkSimDevice *device,
          JsonObject        *params,
          gboolean           compat,
          char             **reason)
{
  if (!json_object_has_member (params, "brightness"))
    return TRUE;
  if (g_strcmp0 (cksim_json_get_string (params, "switch"), "on") == 0)
    return TRUE;
  /* HA saw 400 without "switch":"on"; --compat accepts it while already on. */
  if (compat && cksim_json_get_string (params, "switch") == NULL
      && g_strcmp0 (cksim_json_get_string (device->params, "switch"), "on") == 0)
    return TRUE;
  return cksim_reject (reason, "\"brightness\" needs \"switch\":\"on\" in the same message");
}

static gboolean
check_bulb (const CkSimDevice *device,
            JsonObject        *params,
            gboolean           compat,
            char             **reason)
{
  JsonObject *white = NULL;
  const char *ltype = cksim_json_get_string (params, "ltype");

  if (json_object_has_member (params, "white"))
    white = json_object_get_object_member (params, "white");
  /* UP: br and ct travel together in white mode. */
  if (white != NULL && (!json_object_has_member (white, "br") || !json_object_has_member (white, "ct")))
    return cksim_reject (reason, "\"white\" needs both \"br\" and \"ct\"");
  if (g_strcmp0 (ltype, "color") == 0 && json_object_has_member (params, "color"))
    {
      JsonObject *color = json_object_get_object_member (params, "color");

      for (guint i = 0; i < 4; i++)
        if (!json_object_has_member (color, (const char *[]) { "r", "g", "b", "br" }[i]))
          return cksim_reject (reason, "\"color\" needs r, g, b and br");
    }
  return TRUE;
}

/* 190 takes getHoursKwh; only 182 (S40) answers hundredDaysKwh. */
static gboolean
check_pow190 (const CkSimDevice *device,
              JsonObject        *params,
              gboolean           compat,
              char             **reason)
{
  JsonObject *window = cksim_json_get_object (params, "getHoursKwh");

  if (device->uiid != 182 && json_object_has_member (params, "hundredDaysKwh"))
    return cksim_reject (reason, "UIID %d has no \"hundredDaysKwh\"", device->uiid);
  if (window != NULL
      && (!json_object_has_member (window, "start") || !json_object_has_member (window, "end")
          || json_object_get_int_member (window, "start") > json_object_get_int_member (window, "end")))
    return cksim_reject (reason, "\"getHoursKwh\" needs start <= end");
  return TRUE;
}

static gboolean
check_dualr3 (const CkSimDevice *device,
              JsonObject        *params,
              gboolean           compat,
              char             **reason)
{
  JsonObject *active = cksim_json_get_object (params, "uiActive");

  if (active != NULL && (!json_object_has_member (active, "outlet") || !json_object_has_member (active, "time")))
    return cksim_reject (reason, "\"uiActive\" needs outlet and time");
  return TRUE;
}

static gboolean
is_hex (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isxdigit (*s))
      return FALSE;
  return TRUE;
}

/* cmd decides which other keys travel (devices.md §6.11). */
static gboolean
check_rfbridge (const CkSimDevice *device,
                JsonObject        *params,
                gboolean           compat,
                char             **reason)
{
  const char *cmd = cksim_json_get_string (params, "cmd");
  JsonArray *list = cksim_json_get_array (params, "rfList");

  if (cmd == NULL)
    return json_object_has_member (params, "rfChl") || list != NULL
           ? cksim_reject (reason, "\"rfChl\" and \"rfList\" need a \"cmd\"") : TRUE;
  if (g_str_equal (cmd, "transmit") || g_str_equal (cmd, "capture"))
    {
      if (!json_object_has_member (params, "rfChl"))
        return cksim_reject (reason, "\"%s\" needs \"rfChl\"", cmd);
      if (g_str_equal (cmd, "transmit")
          && cksim_json_find_item (cksim_json_get_array (device->params, "rfList"), "rfChl",
                                   json_object_get_int_member (params, "rfChl")) == NULL)
        return cksim_reject (reason, "no learned code on channel %" G_GINT64_FORMAT,
                     json_object_get_int_member (params, "rfChl"));
    }
  if (g_str_equal (cmd, "edit") && list == NULL)
    return cksim_reject (reason, "\"edit\" needs \"rfList\"");
  if (list != NULL && !g_str_equal (cmd, "edit"))
    return cksim_reject (reason, "\"rfList\" travels with \"edit\" only");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);
      JsonObject *code = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;

      if (code == NULL || !cksim_json_is_integer (json_object_get_member (code, "rfChl"))
          || json_object_get_int_member (code, "rfChl") < 0 || !is_hex (cksim_json_get_string (code, "rfVal")))
        return cksim_reject (reason, "\"rfList\" items are {rfChl: int >= 0, rfVal: hex}");
    }
  return TRUE;
}

/* Zigbee multi-gang switches need the whole array (HA issue 714). */
static gboolean
check_zigbee_gang (const CkSimDevice *device,
                   JsonObject        *params,
                   gboolean           compat,
                   char             **reason)
{
  JsonArray *switches = cksim_json_get_array (params, "switches");
  guint channels = cksim_device_channel_count (device->uiid);
  guint seen = 0;

  if (switches == NULL)
    return TRUE;
  for (guint i = 0; i < json_array_get_length (switches); i++)
    {
      gint64 outlet = json_object_get_int_member (json_array_get_object_element (switches, i), "outlet");

      if (outlet >= 0 && outlet < (gint64) channels)
        seen |= 1u << outlet;
    }
  if (seen != (1u << channels) - 1)
    return cksim_reject (reason, "Zigbee multi-gang switches need the whole \"switches\" array");
  return TRUE;
}

static const int relay1_uiids[] = { 1, 6, 14, 24, 27, 0 };
static const int relayn_uiids[] = { 2, 3, 4, 7, 8, 9, 29, 30, 31, 82, 83, 84, 113, 114,
                                    139, 140, 141, 161, 162, 163, 165, 0 };
static const int relay1m_uiids[] = { 77, 78, 81, 107, 112, 138, 160, 0 };
static const int pow_uiids[] = { 5, 32, 0 };
static const int pow190_uiids[] = { 182, 190, 0 };
static const int dualr3_uiids[] = { 126, 0 };
static const int th_uiids[] = { 15, 181, 0 };
static const int ifan_uiids[] = { 34, 0 };
static const int dimmer36_uiids[] = { 36, 0 };
static const int d1_uiids[] = { 44, 0 };
static const int mono57_uiids[] = { 57, 0 };
static const int cct52_uiids[] = { 52, 0 };
static const int cw16_uiids[] = { 16, 0 };
static const int b1_uiids[] = { 22, 0 };
static const int strip_uiids[] = { 59, 137, 0 };
static const int strip33_uiids[] = { 33, 0 };
static const int b02_uiids[] = { 103, 135, 0 };
static const int b05_uiids[] = { 104, 0 };
static const int b05bl_uiids[] = { 136, 0 };
static const int door_uiids[] = { 102, 154, 0 };
static const int sensor_uiids[] = { 18, 66, 168, 1000, 1770, 7014, 2026, 7002, 3026, 7003, 4026, 5026, 0 };
static const int rfbridge_uiids[] = { 28, 0 };
static const int cover11_uiids[] = { 11, 0 };
static const int garage_uiids[] = { 67, 91, 0 };
static const int fan17_uiids[] = { 17, 0 };
static const int diffuser_uiids[] = { 25, 0 };
static const int therm127_uiids[] = { 127, 0 };
static const int nspanel_uiids[] = { 133, 0 };
static const int zigbee_switch_uiids[] = { 1256, 7004, 0 };
static const int zigbee_gang_uiids[] = { 2256, 3256, 4256, 0 };
static const int zigbee_dim_uiids[] = { 1257, 1258, 0 };
static const int zigbee_rgbcw_uiids[] = { 3258, 0 };

static const Profile profiles[] = {
  { "relay1", relay1_uiids, relay1_keys, FALSE, WRITABLE, check_pulse_width, FALSE },
  { "relayN", relayn_uiids, relayn_keys, FALSE, WRITABLE, NULL, FALSE },
  { "relay1m", relay1m_uiids, relay1m_keys, TRUE, WRITABLE, NULL, FALSE },
  { "pow", pow_uiids, pow_keys, FALSE, WRITABLE, check_pow, FALSE },
  { "pow190", pow190_uiids, pow190_keys, TRUE, WRITABLE, check_pow190, FALSE },
  { "dualr3", dualr3_uiids, dualr3_keys, FALSE, WRITABLE, check_dualr3, FALSE },
  { "th", th_uiids, th_keys, FALSE, WRITABLE, check_th, FALSE },
  { "ifan", ifan_uiids, ifan_keys, FALSE, WRITABLE, NULL, TRUE },
  { "dimmer36", dimmer36_uiids, dimmer36_keys, FALSE, WRITABLE, NULL, FALSE },
  { "d1", d1_uiids, d1_keys, FALSE, WRITABLE, check_d1, FALSE },
  { "mono57", mono57_uiids, mono57_keys, FALSE, WRITABLE, NULL, FALSE },
  { "cct52", cct52_uiids, cct52_keys, FALSE, WRITABLE, NULL, FALSE },
  { "cw16", cw16_uiids, cw16_keys, FALSE, WRITABLE, NULL, FALSE },
  { "b1", b1_uiids, b1_keys, FALSE, WRITABLE, NULL, FALSE },
  { "strip", strip_uiids, strip_keys, FALSE, WRITABLE, NULL, FALSE },
  { "strip33", strip33_uiids, strip33_keys, FALSE, WRITABLE, NULL, FALSE },
  { "b02", b02_uiids, b02_keys, FALSE, WRITABLE, check_bulb, FALSE },
  { "b05", b05_uiids, b05_keys, FALSE, WRITABLE, check_bulb, FALSE },
  { "b05bl", b05bl_uiids, b05bl_keys, FALSE, WRITABLE, check_bulb, FALSE },
  { "door", door_uiids, no_keys, FALSE, ASLEEP, NULL, FALSE },
  { "sensor", sensor_uiids, no_keys, FALSE, READ_ONLY, NULL, FALSE },
  { "rfbridge", rfbridge_uiids, rfbridge_keys, FALSE, WRITABLE, check_rfbridge, FALSE },
  { "cover11", cover11_uiids, cover11_keys, FALSE, WRITABLE, NULL, FALSE },
  { "garage", garage_uiids, garage_keys, FALSE, WRITABLE, NULL, FALSE },
  { "fan17", fan17_uiids, fan17_keys, FALSE, WRITABLE, NULL, FALSE },
  { "diffuser", diffuser_uiids, diffuser_keys, FALSE, WRITABLE, NULL, FALSE },
  { "therm127", therm127_uiids, therm127_keys, FALSE, WRITABLE, NULL, FALSE },
  { "nspanel", nspanel_uiids, nspanel_keys, FALSE, WRITABLE, NULL, FALSE },
  { "zigbee-switch", zigbee_switch_uiids, zigbee_switch_keys, FALSE, WRITABLE, NULL, FALSE },
  { "zigbee-gang", zigbee_gang_uiids, zigbee_gang_keys, FALSE, WRITABLE, check_zigbee_gang, FALSE },
  { "zigbee-dim", zigbee_dim_uiids, zigbee_dim_keys, FALSE, WRITABLE, NULL, FALSE },
  { "zigbee-rgbcw", zigbee_rgbcw_uiids, zigbee_rgbcw_keys, FALSE, WRITABLE, NULL, FALSE },
};

/* Families without a profile: only keys the shadow already has. */
static const Profile generic_profile = { "generic", NULL, no_keys, FALSE, WRITABLE, NULL, FALSE };

static const Profile *
profile_for (int uiid)
{
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    for (const int *u = profiles[i].uiids; *u != 0; u++)
      if (*u == uiid)
        return &profiles[i];
  return &generic_profile;
}

const char *
cksim_device_profile_name (int uiid)
{
  return profile_for (uiid)->name;
}

guint
cksim_device_channel_count (int uiid)
{
  static const int two[] = { 2, 7, 29, 82, 113, 126, 133, 139, 161, 165, 2256, 0 };
  static const int three[] = { 3, 8, 30, 83, 114, 140, 162, 3256, 0 };
  static const int four[] = { 4, 9, 31, 84, 141, 163, 4256, 34, 0 };

  for (const int *u = two; *u != 0; u++)
    if (*u == uiid)
      return 2;
  for (const int *u = three; *u != 0; u++)
    if (*u == uiid)
      return 3;
  for (const int *u = four; *u != 0; u++)
    if (*u == uiid)
      return 4;
  return 1;
}

/* --compat on relay1m: outlets the array lacks are accepted and ignored. */
static void
drop_missing_outlets (const CkSimDevice *device,
                      JsonObject        *accepted)
{
  static const char * const arrays[] = { "switches", "configure", "pulses" };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      JsonArray *array, *kept;
      JsonNode *stored = json_object_get_member (device->params, arrays[i]);

      if (!json_object_has_member (accepted, arrays[i]))
        continue;
      array = json_object_get_array_member (accepted, arrays[i]);
      kept = json_array_new ();
      for (guint j = 0; j < json_array_get_length (array); j++)
        {
          JsonObject *item = json_array_get_object_element (array, j);
          gint64 outlet = json_object_get_int_member (item, "outlet");

          if (outlet == 0 || stored_outlet (stored, outlet) != NULL)
            json_array_add_element (kept, json_node_copy (json_array_get_element (array, j)));
        }
      json_object_set_array_member (accepted, arrays[i], kept);
    }
}

CkSimDeviceAck
cksim_device_check_update (const CkSimDevice  *device,
                           JsonObject         *params,
                           const CkSimConfig  *config,
                           JsonObject        **accepted,
                           char              **reason)
{
  const Profile *profile = profile_for (device->uiid);
  gboolean compat = config->compat;
  JsonNode *timers = json_object_get_member (params, "timers");

  *accepted = NULL;
  if (profile->writability == ASLEEP && compat)
    return CKSIM_DEVICE_ACK_SILENT;  /* the real sensor sleeps and never acks */
  if (profile->writability != WRITABLE)
    {
      cksim_reject (reason, "%s devices accept no commands", profile->name);
      return CKSIM_DEVICE_ACK_REJECTED;
    }
  if (!check_members (profile->keys, params, device->params, device, profile, compat, reason))
    return CKSIM_DEVICE_ACK_REJECTED;
  if (profile->extra != NULL && !profile->extra (device, params, compat, reason))
    return CKSIM_DEVICE_ACK_REJECTED;
  if (timers != NULL && find_key (profile->keys, "timers") != NULL
      && !cksim_timers_check (timers, config->timer_limit, profile->timers_outlet0, reason))
    return CKSIM_DEVICE_ACK_REJECTED;

  *accepted = cksim_json_object_copy (params);
  if (profile->single_outlet && compat)
    drop_missing_outlets (device, *accepted);
  return CKSIM_DEVICE_ACK_OK;
}

static void
merge_outlets (JsonArray *stored,
               JsonArray *update)
{
  for (guint i = 0; i < json_array_get_length (update); i++)
    {
      JsonObject *item = json_array_get_object_element (update, i);
      gint64 outlet = json_object_get_int_member (item, "outlet");
      JsonObject *target = cksim_json_find_item (stored, "outlet", outlet);
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      if (target == NULL)
        {
          json_array_add_element (stored, cksim_json_object_node (item));
          continue;
        }
      json_object_iter_init (&iter, item);
      while (json_object_iter_next (&iter, &name, &value))
        json_object_set_member (target, name, cksim_json_copy (value));
    }
}

void
cksim_device_merge (CkSimDevice *device,
                    JsonObject  *accepted)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, accepted);
  while (json_object_iter_next (&iter, &name, &value))
    {
      JsonNode *stored = json_object_get_member (device->params, name);
      const KeySpec *spec = find_key (profile_for (device->uiid)->keys, name);

      if (spec != NULL && spec->kind == K_OUTLETS && stored != NULL
          && JSON_NODE_HOLDS_ARRAY (stored) && JSON_NODE_HOLDS_ARRAY (value))
        merge_outlets (json_node_get_array (stored), json_node_get_array (value));
      else
        json_object_set_member (device->params, name, cksim_json_copy (value));
    }
}
