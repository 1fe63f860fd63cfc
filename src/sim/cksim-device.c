/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-device"

#include "cksim-device.h"
#include "cksim-json.h"
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

static const KeySpec outlet_item_keys[] = {
  { "outlet", K_INT, NULL, 0, 3, 0, NULL },
  { "switch", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "startup", K_ENUM, "on|off|stay", 0, 0, 0, NULL },
  { "pulse", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "width", K_INT, NULL, 500, 3600000, 500, NULL },
  KEY_END
};

#define RELAY1_KEYS \
  { "switch", K_ENUM, ON_OFF, 0, 0, 0, NULL }, \
  { "startup", K_ENUM, "on|off|stay", 0, 0, 0, NULL }, \
  { "pulse", K_ENUM, ON_OFF, 0, 0, 0, NULL }, \
  { "pulseWidth", K_INT, NULL, 500, 3600000, 500, NULL }, \
  { "sledOnline", K_ENUM, ON_OFF, 0, 0, 0, NULL }, \
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL }

#define RELAYN_KEYS \
  { "switches", K_OUTLETS, NULL, 0, 0, 0, outlet_item_keys }, \
  { "configure", K_OUTLETS, NULL, 0, 0, 0, outlet_item_keys }, \
  { "pulses", K_OUTLETS, NULL, 0, 0, 0, outlet_item_keys }, \
  { "lock", K_INT, NULL, 0, 1, 0, NULL }, \
  { "sledOnline", K_ENUM, ON_OFF, 0, 0, 0, NULL }, \
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL }

static const KeySpec relay1_keys[] = { RELAY1_KEYS, KEY_END };
static const KeySpec relayn_keys[] = { RELAYN_KEYS, KEY_END };
static const KeySpec relay1m_keys[] = {
  RELAYN_KEYS,
  { "relaySeparation", K_INT, NULL, 0, 1, 0, NULL },
  { "swMode", K_INT, NULL, 1, 3, 0, NULL },
  KEY_END
};

static const KeySpec pair_keys[] = { KEY_END }; /* 2-number arrays: extra check */

static const KeySpec pow_keys[] = {
  RELAY1_KEYS,
  { "uiActive", K_INT, NULL, 1, 7200, 0, NULL },
  { "hundredDaysKwh", K_ENUM, "get", 0, 0, 0, NULL },
  { "oneKwh", K_ENUM, "start|stop|get", 0, 0, 0, NULL },
  { "startTime", K_ENUM, NULL, 0, 0, 0, NULL },
  { "endTime", K_ENUM, NULL, 0, 0, 0, NULL },
  { "alarmType", K_ENUM, NULL, 0, 0, 0, NULL },
  { "alarmPValue", K_ARRAY, NULL, 0, 0, 0, pair_keys },
  { "alarmCValue", K_ARRAY, NULL, 0, 0, 0, pair_keys },
  { "alarmVValue", K_ARRAY, NULL, 0, 0, 0, pair_keys },
  { "timeZone", K_INT, NULL, -12, 14, 0, NULL },
  KEY_END
};

static const KeySpec th_keys[] = {
  RELAY1_KEYS,
  { "mainSwitch", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "deviceType", K_ENUM, "normal|temperature|humidity", 0, 0, 0, NULL },
  { "targets", K_ARRAY, NULL, 0, 0, 0, NULL },
  { "autoControlEnabled", K_INT, NULL, 0, 1, 0, NULL },
  KEY_END
};

static const KeySpec ifan_keys[] = {
  { "switches", K_OUTLETS, NULL, 0, 0, 0, outlet_item_keys },
  { "sledOnline", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec dimmer36_keys[] = {
  { "switch", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "bright", K_INT, NULL, 10, 100, 0, NULL },
  { "sledOnline", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec d1_keys[] = {
  { "switch", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "brightness", K_INT, NULL, 0, 100, 0, NULL },
  { "mode", K_INT, NULL, 0, 0, 0, NULL },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec mono57_keys[] = {
  { "state", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "channel0", K_STRINT, NULL, 25, 255, 0, NULL },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec strip_keys[] = {
  { "switch", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "bright", K_INT, NULL, 1, 100, 0, NULL },
  { "colorR", K_INT, NULL, 0, 255, 0, NULL },
  { "colorG", K_INT, NULL, 0, 255, 0, NULL },
  { "colorB", K_INT, NULL, 0, 255, 0, NULL },
  { "light_type", K_INT, NULL, 1, 2, 0, NULL },
  { "mode", K_INT, NULL, 1, 12, 0, NULL },
  { "speed", K_INT, NULL, 1, 100, 0, NULL },
  { "sensitive", K_INT, NULL, 1, 10, 0, NULL },
  { "sledOnline", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec strip33_keys[] = {
  { "switch", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "bright", K_INT, NULL, 10, 100, 0, NULL },
  { "colorR", K_INT, NULL, 0, 255, 0, NULL },
  { "colorG", K_INT, NULL, 0, 255, 0, NULL },
  { "colorB", K_INT, NULL, 0, 255, 0, NULL },
  { "light_type", K_INT, NULL, 1, 2, 0, NULL },
  { "mode", K_INT, NULL, 1, 3, 0, NULL },
  { "speed", K_INT, NULL, 0, 100, 0, NULL },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec white255_keys[] = {
  { "br", K_INT, NULL, 1, 100, 0, NULL },
  { "ct", K_INT, NULL, 0, 255, 0, NULL },
  KEY_END
};

static const KeySpec white100_keys[] = {
  { "br", K_INT, NULL, 1, 100, 0, NULL },
  { "ct", K_INT, NULL, 0, 100, 0, NULL },
  KEY_END
};

static const KeySpec color_keys[] = {
  { "br", K_INT, NULL, 1, 100, 0, NULL },
  { "r", K_INT, NULL, 0, 255, 0, NULL },
  { "g", K_INT, NULL, 0, 255, 0, NULL },
  { "b", K_INT, NULL, 0, 255, 0, NULL },
  KEY_END
};

static const KeySpec scene_keys[] = {
  { "br", K_INT, NULL, 1, 100, 0, NULL },
  { "ct", K_INT, NULL, 0, 255, 0, NULL },
  { "r", K_INT, NULL, 0, 255, 0, NULL },
  { "g", K_INT, NULL, 0, 255, 0, NULL },
  { "b", K_INT, NULL, 0, 255, 0, NULL },
  { "tf", K_INT, NULL, 1, 4, 0, NULL },
  { "sp", K_INT, NULL, 1, 100, 0, NULL },
  { "name", K_ENUM, NULL, 0, 0, 0, NULL },
  KEY_END
};

#define B02_COMMON \
  { "switch", K_ENUM, ON_OFF, 0, 0, 0, NULL }, \
  { "bright", K_OBJECT, NULL, 0, 0, 0, scene_keys }, \
  { "read", K_OBJECT, NULL, 0, 0, 0, scene_keys }, \
  { "nightLight", K_OBJECT, NULL, 0, 0, 0, scene_keys }, \
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL }

static const KeySpec b02_keys[] = {
  B02_COMMON,
  { "ltype", K_ENUM, "white|bright|read|computer|nightLight", 0, 0, 0, NULL },
  { "white", K_OBJECT, NULL, 0, 0, 0, white255_keys },
  { "computer", K_OBJECT, NULL, 0, 0, 0, scene_keys },
  KEY_END
};

#define B05_COMMON \
  B02_COMMON, \
  { "ltype", K_ENUM, "white|color|bright|goodNight|read|nightLight|party|leisure|soft|colorful", 0, 0, 0, NULL }, \
  { "color", K_OBJECT, NULL, 0, 0, 0, color_keys }, \
  { "goodNight", K_OBJECT, NULL, 0, 0, 0, scene_keys }, \
  { "party", K_OBJECT, NULL, 0, 0, 0, scene_keys }, \
  { "leisure", K_OBJECT, NULL, 0, 0, 0, scene_keys }, \
  { "soft", K_OBJECT, NULL, 0, 0, 0, scene_keys }, \
  { "colorful", K_OBJECT, NULL, 0, 0, 0, scene_keys }

static const KeySpec b05_keys[] = {
  B05_COMMON,
  { "white", K_OBJECT, NULL, 0, 0, 0, white255_keys },
  KEY_END
};

static const KeySpec b05bl_keys[] = {
  B05_COMMON,
  { "white", K_OBJECT, NULL, 0, 0, 0, white100_keys },
  KEY_END
};

/* Families added for issue 5 (devices.md §6.4–6.13) */

static const KeySpec ui_active_outlet_keys[] = {
  { "outlet", K_INT, NULL, 0, 1, 0, NULL },
  { "time", K_INT, NULL, 1, 7200, 0, NULL },
  KEY_END
};

static const KeySpec hours_window_keys[] = {
  { "start", K_INT, NULL, 0, G_MAXINT32, 0, NULL },
  { "end", K_INT, NULL, 0, G_MAXINT32, 0, NULL },
  KEY_END
};

static const KeySpec pow190_keys[] = {
  RELAYN_KEYS,
  { "operSide", K_INT, NULL, 1, 1, 0, NULL },
  { "uiActive", K_INT, NULL, 1, 7200, 0, NULL },
  { "getHoursKwh", K_OBJECT, NULL, 0, 0, 0, hours_window_keys },
  { "hundredDaysKwh", K_ENUM, "get", 0, 0, 0, NULL },
  { "timeZone", K_INT, NULL, -12, 14, 0, NULL },
  KEY_END
};

static const KeySpec dualr3_keys[] = {
  RELAYN_KEYS,
  { "workMode", K_INT, NULL, 1, 3, 0, NULL },
  { "motorTurn", K_INT, NULL, 0, 2, 0, NULL },
  { "location", K_INT, NULL, 0, 100, 0, NULL },
  { "uiActive", K_OBJECT, NULL, 0, 0, 0, ui_active_outlet_keys },
  { "getKwh_00", K_INT, NULL, 0, 100, 0, NULL },
  { "getKwh_01", K_INT, NULL, 0, 100, 0, NULL },
  KEY_END
};

static const KeySpec cw16_keys[] = {
  { "state", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "channel0", K_STRINT0, NULL, 25, 255, 0, NULL },
  { "channel1", K_STRINT0, NULL, 25, 255, 0, NULL },
  { "type", K_ENUM, "cold|middle|warm", 0, 0, 0, NULL },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec b1_keys[] = {
  { "state", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "channel0", K_STRINT0, NULL, 25, 255, 0, NULL },
  { "channel1", K_STRINT0, NULL, 25, 255, 0, NULL },
  { "channel2", K_STRINT, NULL, 0, 255, 0, NULL },
  { "channel3", K_STRINT, NULL, 0, 255, 0, NULL },
  { "channel4", K_STRINT, NULL, 0, 255, 0, NULL },
  { "type", K_ENUM, "cold|middle|warm", 0, 0, 0, NULL },
  { "zyx_mode", K_INT, NULL, 1, 6, 0, NULL },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec cct52_keys[] = {
  { "state", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "channel0", K_STRINT, NULL, 10, 255, 0, NULL },
  { "channel1", K_STRINT, NULL, 0, 255, 0, NULL },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec rf_code_keys[] = {
  { "rfChl", K_INT, NULL, 0, G_MAXINT32, 0, NULL },
  { "rfVal", K_ENUM, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec rfbridge_keys[] = {
  { "cmd", K_ENUM, "transmit|capture|captureCancel|edit", 0, 0, 0, NULL },
  { "rfChl", K_INT, NULL, 0, G_MAXINT32, 0, NULL },
  { "rfList", K_ARRAY, NULL, 0, 0, 0, rf_code_keys },
  { "sledOnline", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec cover11_keys[] = {
  { "switch", K_ENUM, "on|off|pause", 0, 0, 0, NULL },
  { "setclose", K_INT, NULL, 0, 100, 0, NULL },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec garage_keys[] = {
  { "op", K_INT, NULL, 1, 3, 0, NULL },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec fan17_keys[] = {
  { "fan", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "speed", K_ENUM, "slow|moderate|fast", 0, 0, 0, NULL },
  { "mode", K_ENUM, "normal|natural|sleep", 0, 0, 0, NULL },
  { "shake", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec diffuser_keys[] = {
  { "switch", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "state", K_INT, NULL, 1, 2, 0, NULL },
  { "lightswitch", K_INT, NULL, 0, 1, 0, NULL },
  { "lightbright", K_INT, NULL, 0, 100, 0, NULL },
  { "lightmode", K_INT, NULL, 1, 3, 0, NULL },
  { "lightRcolor", K_INT, NULL, 0, 255, 0, NULL },
  { "lightGcolor", K_INT, NULL, 0, 255, 0, NULL },
  { "lightBcolor", K_INT, NULL, 0, 255, 0, NULL },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec therm127_keys[] = {
  { "switch", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "targetTemp", K_HALF, NULL, 5, 45, 0, NULL },
  { "workMode", K_INT, NULL, 1, 3, 0, NULL },
  { "workState", K_INT, NULL, 1, 2, 0, NULL },
  { "tempScale", K_ENUM, "c|f", 0, 0, 0, NULL },
  { "childLock", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec nspanel_keys[] = {
  RELAYN_KEYS,
  { "ATCEnable", K_INT, NULL, 0, 1, 0, NULL },
  { "ATCMode", K_INT, NULL, 0, 1, 0, NULL },
  { "ATCExpect0", K_HALF, NULL, 16, 31, 0, NULL },
  { "tempCorrection", K_HALF, NULL, -10, 10, 0, NULL },
  KEY_END
};

static const KeySpec zigbee_switch_keys[] = {
  { "switch", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec zigbee_gang_keys[] = {
  { "switches", K_OUTLETS, NULL, 0, 0, 0, outlet_item_keys },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec zigbee_dim_keys[] = {
  { "switch", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "brightness", K_INT, NULL, 1, 100, 0, NULL },
  { "colorTemp", K_INT, NULL, 0, 100, 0, NULL },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
  KEY_END
};

static const KeySpec zigbee_rgbcw_keys[] = {
  { "switch", K_ENUM, ON_OFF, 0, 0, 0, NULL },
  { "colorMode", K_ENUM, "cct|rgb", 0, 0, 0, NULL },
  { "cctBrightness", K_INT, NULL, 1, 100, 0, NULL },
  { "rgbBrightness", K_INT, NULL, 1, 100, 0, NULL },
  { "colorTemp", K_INT, NULL, 0, 100, 0, NULL },
  { "hue", K_INT, NULL, 0, 359, 0, NULL },
  { "saturation", K_INT, NULL, 1, 100, 0, NULL },
  { "timers", K_TIMERS, NULL, 0, 0, 0, NULL },
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

static const char *
param_string (JsonObject *o,
              const char *name)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
fail (char      **reason,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (char      **reason,
      const char *format,
      ...)
{
  va_list args;

  if (reason != NULL && *reason == NULL)
    {
      va_start (args, format);
      *reason = g_strdup_vprintf (format, args);
      va_end (args);
    }
  return FALSE;
}

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
            return fail (reason, "unknown key \"%s\"", name);
          continue;
        }
      if (!check_value (spec, value, old, device, profile, compat, reason))
        return FALSE;
    }
  return TRUE;
}

static JsonObject *
stored_outlet (JsonNode *stored_array,
               gint64    outlet)
{
  JsonArray *array;

  if (stored_array == NULL || !JSON_NODE_HOLDS_ARRAY (stored_array))
    return NULL;
  array = json_node_get_array (stored_array);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (item)
          && json_object_get_int_member_with_default (json_node_get_object (item), "outlet", -1) == outlet)
        return json_node_get_object (item);
    }
  return NULL;
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
    return fail (reason, "\"%s\" must be an array", spec->name);
  array = json_node_get_array (value);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *object, *old;
      JsonNode *outlet_node;
      gint64 outlet;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return fail (reason, "\"%s\" items must be objects", spec->name);
      object = json_node_get_object (item);
      outlet_node = json_object_get_member (object, "outlet");
      if (!cksim_json_is_integer (outlet_node))
        return fail (reason, "\"%s\" item without an integer outlet", spec->name);
      outlet = json_node_get_int (outlet_node);
      if (outlet < 0 || outlet > 3)
        return fail (reason, "outlet %" G_GINT64_FORMAT " out of range", outlet);
      old = stored_outlet (stored, outlet);
      /* Phantom outlets the device's own array holds are accepted (§6.2);
       * others are not real channels. */
      if (outlet >= channels && old == NULL && !(profile->single_outlet && compat))
        return fail (reason, "outlet %" G_GINT64_FORMAT " does not exist", outlet);
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
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        return fail (reason, "\"%s\" must be a string", spec->name);
      if (spec->values != NULL && !enum_contains (spec->values, json_node_get_string (value)))
        return fail (reason, "\"%s\": unexpected value \"%s\"", spec->name, json_node_get_string (value));
      return TRUE;
    case K_INT:
      if (!cksim_json_is_integer (value))
        return fail (reason, "\"%s\" must be an integer", spec->name);
      n = json_node_get_int (value);
      if (n < spec->min || n > spec->max || (spec->step > 0 && n % spec->step != 0))
        return fail (reason, "\"%s\" out of range", spec->name);
      return TRUE;
    case K_STRINT:
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING
          || !parse_strint (json_node_get_string (value), &n) || n < spec->min || n > spec->max)
        return fail (reason, "\"%s\" must be a string integer in range", spec->name);
      return TRUE;
    case K_OUTLETS:
      return check_outlets (spec, value, stored, device, profile, compat, reason);
    case K_OBJECT:
      if (!JSON_NODE_HOLDS_OBJECT (value))
        return fail (reason, "\"%s\" must be an object", spec->name);
      return check_members (spec->sub, json_node_get_object (value),
                            stored != NULL && JSON_NODE_HOLDS_OBJECT (stored) ? json_node_get_object (stored) : NULL,
                            device, profile, compat, reason);
    case K_TIMERS:
      return TRUE;  /* cksim_timers_check(), with the configured limit */
    case K_STRINT0:
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING
          && g_str_equal (json_node_get_string (value), "0"))
        return TRUE;
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING
          || !parse_strint (json_node_get_string (value), &n) || n < spec->min || n > spec->max)
        return fail (reason, "\"%s\" must be \"0\" or a string integer in range", spec->name);
      return TRUE;
    case K_HALF:
      {
        double d;

        if (!JSON_NODE_HOLDS_VALUE (value) || (json_node_get_value_type (value) != G_TYPE_INT64
                                               && json_node_get_value_type (value) != G_TYPE_DOUBLE))
          return fail (reason, "\"%s\" must be a number", spec->name);
        d = json_node_get_double (value);
        if (d < spec->min || d > spec->max || d * 2 != (double) (gint64) (d * 2))
          return fail (reason, "\"%s\" out of range (steps of 0.5)", spec->name);
        return TRUE;
      }
    case K_ARRAY:
      if (!JSON_NODE_HOLDS_ARRAY (value))
        return fail (reason, "\"%s\" must be an array", spec->name);
      return TRUE;
    default:
      return fail (reason, "\"%s\" not writable", spec->name);
    }
}

/* Extra checks: combinations a key table cannot express. */

static gboolean
check_pulse_width (const CkSimDevice *device,
                   JsonObject        *params,
                   gboolean           compat,
                   char             **reason)
{
  const char *pulse = param_string (params, "pulse");

  if (!json_object_has_member (params, "pulseWidth"))
    return TRUE;
  if (pulse == NULL)
    pulse = param_string (device->params, "pulse");
  if (g_strcmp0 (pulse, "on") != 0)
    return fail (reason, "\"pulseWidth\" needs \"pulse\":\"on\"");
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
    return fail (reason, "\"%s\" must have 2 numbers", name);
  for (guint i = 0; i < 2; i++)
    {
      JsonNode *n = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (n) || (json_node_get_value_type (n) != G_TYPE_INT64
                                         && json_node_get_value_type (n) != G_TYPE_DOUBLE))
        return fail (reason, "\"%s\" must have 2 numbers", name);
    }
  /* [low, high], -1 = unset; high > low when both are set (§6.4). */
  low = json_array_get_double_element (array, 0);
  high = json_array_get_double_element (array, 1);
  if ((low != -1 && low < 0) || (high != -1 && high < 0) || (low != -1 && high != -1 && high <= low))
    return fail (reason, "\"%s\" must be [low, high] with high > low (-1 = unset)", name);
  return TRUE;
}

static gboolean
check_pow (const CkSimDevice *device,
           JsonObject        *params,
           gboolean           compat,
           char             **reason)
{
  const char *alarm = param_string (params, "alarmType");

  if (alarm != NULL)
    {
      if (*alarm == '\0' || strlen (alarm) > 3)
        return fail (reason, "bad \"alarmType\"");
      for (const char *p = alarm; *p != '\0'; p++)
        if (strchr ("pcv", *p) == NULL || strchr (p + 1, *p) != NULL)
          return fail (reason, "bad \"alarmType\"");
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
  const char *text = param_string (target, name);
  JsonNode *node = json_object_get_member (target, "reaction");
  JsonObject *r = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  char *end = NULL;

  if (text == NULL || r == NULL || param_string (r, "switch") == NULL)
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  *reaction = param_string (r, "switch");
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
    return fail (reason, "unknown key \"autoControlEnabled\"");
  if (!json_object_has_member (params, "targets"))
    return TRUE;
  targets = json_object_get_array_member (params, "targets");
  if (json_array_get_length (targets) != 2)
    return fail (reason, "\"targets\" needs exactly 2 entries");
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
    return fail (reason, "invalid \"targets\"");
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
  if (g_strcmp0 (param_string (params, "switch"), "on") == 0)
    return TRUE;
  /* HA saw 400 without "switch":"on"; --compat accepts it while already on. */
  if (compat && param_string (params, "switch") == NULL
      && g_strcmp0 (param_string (device->params, "switch"), "on") == 0)
    return TRUE;
  return fail (reason, "\"brightness\" needs \"switch\":\"on\" in the same message");
}

static gboolean
check_bulb (const CkSimDevice *device,
            JsonObject        *params,
            gboolean           compat,
            char             **reason)
{
  JsonObject *white = NULL;
  const char *ltype = param_string (params, "ltype");

  if (json_object_has_member (params, "white"))
    white = json_object_get_object_member (params, "white");
  /* UP: br and ct travel together in white mode. */
  if (white != NULL && (!json_object_has_member (white, "br") || !json_object_has_member (white, "ct")))
    return fail (reason, "\"white\" needs both \"br\" and \"ct\"");
  if (g_strcmp0 (ltype, "color") == 0 && json_object_has_member (params, "color"))
    {
      JsonObject *color = json_object_get_object_member (params, "color");

      for (guint i = 0; i < 4; i++)
        if (!json_object_has_member (color, (const char *[]) { "r", "g", "b", "br" }[i]))
          return fail (reason, "\"color\" needs r, g, b and br");
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
    return fail (reason, "UIID %d has no \"hundredDaysKwh\"", device->uiid);
  if (window != NULL
      && (!json_object_has_member (window, "start") || !json_object_has_member (window, "end")
          || json_object_get_int_member (window, "start") > json_object_get_int_member (window, "end")))
    return fail (reason, "\"getHoursKwh\" needs start <= end");
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
    return fail (reason, "\"uiActive\" needs outlet and time");
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

static gboolean
rf_list_has (JsonArray *list,
             gint64     channel)
{
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);

      if (JSON_NODE_HOLDS_OBJECT (item)
          && json_object_get_int_member_with_default (json_node_get_object (item), "rfChl", -1) == channel)
        return TRUE;
    }
  return FALSE;
}

/* cmd decides which other keys travel (devices.md §6.11). */
static gboolean
check_rfbridge (const CkSimDevice *device,
                JsonObject        *params,
                gboolean           compat,
                char             **reason)
{
  const char *cmd = param_string (params, "cmd");
  JsonArray *list = cksim_json_get_array (params, "rfList");

  if (cmd == NULL)
    return json_object_has_member (params, "rfChl") || list != NULL
           ? fail (reason, "\"rfChl\" and \"rfList\" need a \"cmd\"") : TRUE;
  if (g_str_equal (cmd, "transmit") || g_str_equal (cmd, "capture"))
    {
      if (!json_object_has_member (params, "rfChl"))
        return fail (reason, "\"%s\" needs \"rfChl\"", cmd);
      if (g_str_equal (cmd, "transmit")
          && !rf_list_has (cksim_json_get_array (device->params, "rfList"),
                           json_object_get_int_member (params, "rfChl")))
        return fail (reason, "no learned code on channel %" G_GINT64_FORMAT,
                     json_object_get_int_member (params, "rfChl"));
    }
  if (g_str_equal (cmd, "edit") && list == NULL)
    return fail (reason, "\"edit\" needs \"rfList\"");
  if (list != NULL && !g_str_equal (cmd, "edit"))
    return fail (reason, "\"rfList\" travels with \"edit\" only");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);
      JsonObject *code = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;

      if (code == NULL || !cksim_json_is_integer (json_object_get_member (code, "rfChl"))
          || json_object_get_int_member (code, "rfChl") < 0 || !is_hex (param_string (code, "rfVal")))
        return fail (reason, "\"rfList\" items are {rfChl: int >= 0, rfVal: hex}");
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
    return fail (reason, "Zigbee multi-gang switches need the whole \"switches\" array");
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
      fail (reason, "%s devices accept no commands", profile->name);
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
      JsonObject *target = NULL;
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      for (guint j = 0; j < json_array_get_length (stored) && target == NULL; j++)
        {
          JsonNode *n = json_array_get_element (stored, j);

          if (JSON_NODE_HOLDS_OBJECT (n)
              && json_object_get_int_member_with_default (json_node_get_object (n), "outlet", -1) == outlet)
            target = json_node_get_object (n);
        }
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
