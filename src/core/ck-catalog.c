/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-catalog"

#include "ck-catalog.h"

#include <string.h>

#include "ck-json.h"

/*
 * One table of families (at the end of this file). A row names its UIIDs and
 * points to codecs: small vtables shared by every family with the same wire
 * form, parameterised by the row (keys, ranges, fixed extra members). The
 * public functions only validate the user value and dispatch.
 */

typedef struct _Level Level;

/* On/off of the whole device (@channel -1) or of one channel. */
typedef struct
{
  gboolean    (*decode)       (const CkFamily *family,
                               JsonObject     *params,
                               gint            channel,
                               gboolean       *on);
  JsonObject *(*encode)       (const CkFamily *family,
                               JsonObject     *params,
                               gint            channel,
                               gboolean        on,
                               GError        **error);
  JsonObject *(*timer_action) (const CkFamily *family,
                               gint            channel,
                               gboolean        on,
                               GError        **error);
} SwitchCodec;

/* A level in user units (brightness %, colour temperature K or %). */
typedef struct
{
  gboolean    (*decode) (const CkFamily *family,
                         const Level    *level,
                         JsonObject     *params,
                         gint           *value);
  JsonObject *(*encode) (const CkFamily *family,
                         const Level    *level,
                         JsonObject     *params,
                         gint            value);
} LevelCodec;

/* A linear map between the user range and the device's raw range. raw_min
 * corresponds to user_min and may be larger than raw_max (UIID 52's
 * "higher = warmer"). */
struct _Level
{
  const LevelCodec *codec;
  const char       *key;       /* "a|b": the first present, else the first */
  gboolean          as_string; /* "159" rather than 159 */
  gint              raw_min, raw_max;
  gint              user_min, user_max;
  const char       *extra;     /* JSON members sent with every change */
  const char       *carry;     /* a member copied from the current params */
  gint              carry_default;
};

typedef struct
{
  gboolean    (*decode) (const CkFamily *family,
                         JsonObject     *params,
                         guint32        *rgb);
  JsonObject *(*encode) (const CkFamily *family,
                         JsonObject     *params,
                         guint32         rgb);
} ColorCodec;

typedef struct
{
  gboolean    (*decode) (const CkFamily *family,
                         JsonObject     *params,
                         guint          *level);
  JsonObject *(*encode) (const CkFamily *family,
                         JsonObject     *params,
                         guint           level);
} FanCodec;

typedef struct
{
  gboolean    (*decode_position) (JsonObject    *params,
                                  gint          *percent_open);
  JsonObject *(*encode_position) (gint           percent_open,
                                  GError       **error);
  JsonObject *(*encode_action)   (CkCoverAction  action);
} CoverCodec;

typedef struct
{
  CkReading   reading;
  const char *key;
  gboolean    x100;        /* integers (or strings) in hundredths */
  gboolean    per_channel; /* key_00, key_01 (DualR3) */
} Reading;

struct _CkFamily
{
  const char        *id;
  const char        *description;
  gint               uiids[12];      /* 0-terminated; none for the generic family */
  gboolean         (*variant) (JsonObject *params);
  CkCapability       capabilities;
  guint              n_channels;
  gboolean           needs_power_on;
  const char        *keys;           /* space-separated members the codecs read */

  const SwitchCodec *switcher;
  const char        *switch_keys;    /* space-separated, all set alike */
  const char        *switch_extra;   /* JSON sent with every on/off */
  gboolean           all_outlets;    /* power sets every `switches` entry */

  Level              brightness;
  Level              color_temperature;
  CkColorTemperatureUnit ct_unit;

  const ColorCodec  *color;
  const char        *color_keys;     /* "colorR colorG colorB" */
  const char        *color_extra;

  const FanCodec    *fan;
  guint              fan_levels;

  const Reading     *readings;       /* terminated by a NULL key */
  const char        *contact_key;    /* "on" or 1 = open */
  const CoverCodec  *cover;
};

/* ------------------------------------------------------------------------ */
/* Small JSON helpers                                                        */

static JsonObject *
object_from_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  /* Only the constant tables below are parsed here. */
  g_assert_no_error (error);
  g_assert (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static void
merge_extra (JsonObject *params,
             const char *extra)
{
  g_autoptr(JsonObject) members = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (extra == NULL)
    return;

  members = object_from_text (extra);
  json_object_iter_init_ordered (&iter, members);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    json_object_set_member (params, name, json_node_copy (node));
}

static JsonObject *
deep_copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) copy = NULL;

  json_node_set_object (node, object);
  copy = ck_json_node_deep_copy (node);
  return json_object_ref (json_node_get_object (copy));
}

/* An integer member, as a number or as a numeric string ("159"). */
static gboolean
get_int_loose (JsonObject *object,
               const char *key,
               gint64     *value)
{
  const char *text = ck_json_get_string (object, key);

  if (text != NULL)
    {
      g_autoptr(GError) error = NULL;

      return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, value, &error);
    }

  return ck_json_get_int (object, key, value);
}

/* A decimal member, as a number or a numeric string ("12.34"); FALSE for
 * anything else, such as "unavailable". */
static gboolean
get_double_loose (JsonObject *object,
                  const char *key,
                  gdouble    *value)
{
  JsonNode *node = object ? json_object_get_member (object, key) : NULL;
  const char *text;
  char *end = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      *value = json_node_get_double (node);
      return TRUE;
    case G_TYPE_STRING:
      text = json_node_get_string (node);
      if (text[0] == '\0')
        return FALSE;
      *value = g_ascii_strtod (text, &end);
      return end != NULL && *end == '\0';
    default:
      return FALSE;
    }
}

/* The first of the "a|b" alternatives present in @params, else the first. */
static char *
choose_key (const char *alternatives,
            JsonObject *params)
{
  g_auto(GStrv) keys = g_strsplit (alternatives, "|", -1);

  for (guint i = 0; keys[i] != NULL; i++)
    if (params != NULL && json_object_has_member (params, keys[i]))
      return g_strdup (keys[i]);

  return g_strdup (keys[0]);
}

static gboolean
is_on (const char *value)
{
  return g_strcmp0 (value, "on") == 0;
}

static const char *
on_off (gboolean on)
{
  return on ? "on" : "off";
}

/* Rounded @num / @den for @den > 0. */
static gint64
div_round (gint64 num,
           gint64 den)
{
  if (den < 0)
    {
      num = -num;
      den = -den;
    }
  return num >= 0 ? (num + den / 2) / den : -((-num + den / 2) / den);
}

static gint
user_to_raw (const Level *level,
             gint         value)
{
  if (level->user_max == level->user_min)
    return level->raw_min;
  return level->raw_min + (gint) div_round ((gint64) (value - level->user_min) * (level->raw_max - level->raw_min),
                                            level->user_max - level->user_min);
}

static gint
raw_to_user (const Level *level,
             gint64       raw)
{
  gint64 user;

  if (level->raw_max == level->raw_min)
    return level->user_min;

  /* Out-of-range reports (even absurd ones from a hostile peer) show as the nearest end. */
  raw = CLAMP (raw, MIN (level->raw_min, level->raw_max), MAX (level->raw_min, level->raw_max));
  user = level->user_min + div_round ((raw - level->raw_min) * (level->user_max - level->user_min),
                                      level->raw_max - level->raw_min);
  return (gint) CLAMP (user, level->user_min, level->user_max);
}

static void
set_level_member (JsonObject *object,
                  const char *key,
                  gint        raw,
                  gboolean    as_string)
{
  if (as_string)
    {
      g_autofree char *text = g_strdup_printf ("%d", raw);

      json_object_set_string_member (object, key, text);
    }
  else
    {
      json_object_set_int_member (object, key, raw);
    }
}

/* The entries of a `switches` array, keyed by outlet. */
static JsonObject *
find_outlet (JsonArray *switches,
             gint       outlet)
{
  for (guint i = 0; switches != NULL && i < json_array_get_length (switches); i++)
    {
      JsonNode *node = json_array_get_element (switches, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      gint64 number;

      if (entry == NULL)
        continue;
      if (!ck_json_get_int (entry, "outlet", &number))
        number = i;
      if (number == outlet)
        return entry;
    }

  return NULL;
}

/* A deep copy of the device's `switches` with outlets 0..@min_outlets-1
 * present, so a command always carries the whole array (devices.md §0). */
static JsonArray *
copy_switches (JsonObject *params,
               guint       min_outlets)
{
  JsonArray *current = ck_json_get_array (params, "switches");
  JsonArray *copy = json_array_new ();

  for (guint i = 0; current != NULL && i < json_array_get_length (current); i++)
    json_array_add_element (copy, ck_json_node_deep_copy (json_array_get_element (current, i)));

  for (guint outlet = 0; outlet < min_outlets; outlet++)
    if (find_outlet (copy, (gint) outlet) == NULL)
      {
        JsonObject *entry = json_object_new ();

        json_object_set_string_member (entry, "switch", "off");
        json_object_set_int_member (entry, "outlet", outlet);
        json_array_add_object_element (copy, entry);
      }

  return copy;
}

static gboolean
decode_outlet (JsonObject *params,
               gint        outlet,
               gboolean   *on)
{
  JsonObject *entry = find_outlet (ck_json_get_array (params, "switches"), outlet);
  const char *value = ck_json_get_string (entry, "switch");

  if (value == NULL)
    return FALSE;
  *on = is_on (value);
  return TRUE;
}

static void
set_outlet (JsonArray *switches,
            gint       outlet,
            gboolean   on)
{
  json_object_set_string_member (find_outlet (switches, outlet), "switch", on_off (on));
}

/* Always NULL, for `return unsupported (...)`. */
static gpointer
unsupported (GError        **error,
             const CkFamily *family,
             const char     *what)
{
  /* Descriptions may end in a model in parentheses: no id after them. */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               "%s has no %s", family->description, what);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Switch codecs                                                             */

/* "switch" / "state" / "fan" (and TH's mainSwitch alongside): one channel. */
static gboolean
key_switch_decode (const CkFamily *family,
                   JsonObject     *params,
                   gint            channel,
                   gboolean       *on)
{
  g_autofree char *key = NULL;
  const char *value;

  if (channel > 0)
    return FALSE;

  key = g_strndup (family->switch_keys, strcspn (family->switch_keys, " "));
  value = ck_json_get_string (params, key);
  if (value == NULL)
    return FALSE;
  *on = is_on (value);
  return TRUE;
}

static JsonObject *
key_switch_action (const CkFamily *family,
                   gint            channel,
                   gboolean        on,
                   GError        **error)
{
  g_auto(GStrv) keys = NULL;
  JsonObject *params;

  if (channel > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s has one channel; channel %d does not exist", family->description, channel + 1);
      return NULL;
    }

  keys = g_strsplit (family->switch_keys, " ", -1);
  params = json_object_new ();
  for (guint i = 0; keys[i] != NULL; i++)
    json_object_set_string_member (params, keys[i], on_off (on));
  return params;
}

static JsonObject *
key_switch_encode (const CkFamily *family,
                   JsonObject     *params,
                   gint            channel,
                   gboolean        on,
                   GError        **error)
{
  JsonObject *result = key_switch_action (family, channel, on, error);

  if (result != NULL)
    merge_extra (result, family->switch_extra);
  return result;
}

static const SwitchCodec key_switch = { key_switch_decode, key_switch_encode, key_switch_action };

/* `switches[]`: power is any channel on (or outlet 0 alone when only outlet 0
 * is real); a command copies the whole array and changes the target. */
static gboolean
outlets_decode (const CkFamily *family,
                JsonObject     *params,
                gint            channel,
                gboolean       *on)
{
  JsonArray *switches = ck_json_get_array (params, "switches");
  gboolean any = FALSE;
  gboolean found = FALSE;

  if (channel >= 0 || !family->all_outlets)
    return decode_outlet (params, MAX (channel, 0), on);

  for (guint outlet = 0; outlet < ck_family_get_n_channels (family, params); outlet++)
    {
      gboolean value;

      if (decode_outlet (params, (gint) outlet, &value))
        {
          found = TRUE;
          any = any || value;
        }
    }
  if (!found || switches == NULL)
    return FALSE;

  *on = any;
  return TRUE;
}

static JsonObject *
outlets_encode (const CkFamily *family,
                JsonObject     *params,
                gint            channel,
                gboolean        on,
                GError        **error)
{
  guint n_channels = ck_family_get_n_channels (family, params);
  JsonArray *switches = copy_switches (params, MAX (n_channels, 1));
  JsonObject *result = json_object_new ();

  if (channel < 0 && family->all_outlets)
    {
      /* "All on / all off": every entry, phantom outlets included (§6.2). */
      for (guint i = 0; i < json_array_get_length (switches); i++)
        {
          JsonNode *node = json_array_get_element (switches, i);

          if (JSON_NODE_HOLDS_OBJECT (node))
            json_object_set_string_member (json_node_get_object (node), "switch", on_off (on));
        }
    }
  else
    {
      set_outlet (switches, MAX (channel, 0), on);
    }

  json_object_set_array_member (result, "switches", switches);
  merge_extra (result, family->switch_extra);
  return result;
}

static JsonObject *
outlets_action (const CkFamily *family,
                gint            channel,
                gboolean        on,
                GError        **error)
{
  JsonObject *result;

  if (channel < 0 && family->all_outlets && family->n_channels != 1)
    {
      /* Multi-channel timers act on one channel only (spec §7.3). */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "A timer of %s acts on one channel; choose a channel", family->description);
      return NULL;
    }

  result = json_object_new ();
  json_object_set_int_member (result, "outlet", MAX (channel, 0));
  json_object_set_string_member (result, "switch", on_off (on));
  return result;
}

static const SwitchCodec outlets_switch = { outlets_decode, outlets_encode, outlets_action };

/* The generic family: `switches[]` when present, else `switch` / `state`. */
static const CkFamily generic_outlets_row;
static const CkFamily generic_key_rows[2];

static const CkFamily *
generic_switch_row (JsonObject *params)
{
  if (ck_json_get_array (params, "switches") != NULL)
    return &generic_outlets_row;
  if (ck_json_get_string (params, "switch") == NULL && ck_json_get_string (params, "state") != NULL)
    return &generic_key_rows[1];
  return &generic_key_rows[0];
}

static gboolean
generic_switch_decode (const CkFamily *family,
                       JsonObject     *params,
                       gint            channel,
                       gboolean       *on)
{
  const CkFamily *row = generic_switch_row (params);

  return row->switcher->decode (row, params, channel, on);
}

static JsonObject *
generic_switch_encode (const CkFamily *family,
                       JsonObject     *params,
                       gint            channel,
                       gboolean        on,
                       GError        **error)
{
  const CkFamily *row = generic_switch_row (params);
  gboolean ignored;

  if (!row->switcher->decode (row, params, MAX (channel, 0), &ignored))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "This device shows no on/off for channel %d", MAX (channel, 0) + 1);
      return NULL;
    }
  return row->switcher->encode (row, params, channel, on, error);
}

static JsonObject *
generic_switch_action (const CkFamily *family,
                       gint            channel,
                       gboolean        on,
                       GError        **error)
{
  /* Without params, a channel number is the only hint (spec §7.3). */
  const CkFamily *row = channel >= 0 ? &generic_outlets_row : &generic_key_rows[0];

  return row->switcher->timer_action (row, channel, on, error);
}

static const SwitchCodec generic_switch = { generic_switch_decode, generic_switch_encode, generic_switch_action };

/* ------------------------------------------------------------------------ */
/* Level codecs                                                              */

/* One member holding the raw level ("bright", "brightness", "channel0"...). */
static gboolean
key_level_decode (const CkFamily *family,
                  const Level    *level,
                  JsonObject     *params,
                  gint           *value)
{
  g_autofree char *key = choose_key (level->key, params);
  gint64 raw;

  if (!get_int_loose (params, key, &raw))
    return FALSE;
  *value = raw_to_user (level, raw);
  return TRUE;
}

static JsonObject *
key_level_encode (const CkFamily *family,
                  const Level    *level,
                  JsonObject     *params,
                  gint            value)
{
  g_autofree char *key = choose_key (level->key, params);
  JsonObject *result = json_object_new ();

  merge_extra (result, level->extra);
  if (level->carry != NULL)
    {
      gint64 current;

      if (!ck_json_get_int (params, level->carry, &current))
        current = level->carry_default;
      json_object_set_int_member (result, level->carry, current);
    }
  set_level_member (result, key, user_to_raw (level, value), level->as_string);
  return result;
}

static const LevelCodec key_level = { key_level_decode, key_level_encode };

/* B02/B05 (devices.md §6.8.2): `ltype` names the object in use; a change
 * resends that whole object. Missing members get neutral defaults. */
static JsonObject *
bulb_object (JsonObject *params,
             const char *ltype,
             gint        ct_mid)
{
  JsonObject *current = ck_json_get_object (params, ltype);
  JsonObject *object = current != NULL ? deep_copy_object (current) : json_object_new ();

  if (!json_object_has_member (object, "br"))
    json_object_set_int_member (object, "br", 100);
  if (g_str_equal (ltype, "white") && !json_object_has_member (object, "ct"))
    json_object_set_int_member (object, "ct", ct_mid);
  if (g_str_equal (ltype, "color"))
    {
      static const char *const channels[] = { "r", "g", "b" };

      for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
        if (!json_object_has_member (object, channels[i]))
          json_object_set_int_member (object, channels[i], 255);
    }

  return object;
}

static const char *
bulb_ltype (JsonObject *params)
{
  const char *ltype = ck_json_get_string (params, "ltype");

  return ltype != NULL ? ltype : "white";
}

static JsonObject *
bulb_command (const char *ltype,
              JsonObject *object)
{
  JsonObject *result = json_object_new ();

  json_object_set_string_member (result, "ltype", ltype);
  json_object_set_object_member (result, ltype, object);
  return result;
}

static gint
bulb_ct_mid (const CkFamily *family)
{
  return (family->color_temperature.raw_min + family->color_temperature.raw_max) / 2;
}

static gboolean
bulb_br_decode (const CkFamily *family,
                const Level    *level,
                JsonObject     *params,
                gint           *value)
{
  gint64 raw;

  if (!ck_json_get_int (ck_json_get_object (params, bulb_ltype (params)), "br", &raw))
    return FALSE;
  *value = raw_to_user (level, raw);
  return TRUE;
}

static JsonObject *
bulb_br_encode (const CkFamily *family,
                const Level    *level,
                JsonObject     *params,
                gint            value)
{
  const char *ltype = bulb_ltype (params);
  JsonObject *object = bulb_object (params, ltype, bulb_ct_mid (family));

  json_object_set_int_member (object, "br", user_to_raw (level, value));
  return bulb_command (ltype, object);
}

static const LevelCodec bulb_br = { bulb_br_decode, bulb_br_encode };

static gboolean
bulb_ct_decode (const CkFamily *family,
                const Level    *level,
                JsonObject     *params,
                gint           *value)
{
  gint64 raw;

  if (!g_str_equal (bulb_ltype (params), "white")
      || !ck_json_get_int (ck_json_get_object (params, "white"), "ct", &raw))
    return FALSE;
  *value = raw_to_user (level, raw);
  return TRUE;
}

static JsonObject *
bulb_ct_encode (const CkFamily *family,
                const Level    *level,
                JsonObject     *params,
                gint            value)
{
  JsonObject *object = bulb_object (params, "white", bulb_ct_mid (family));

  json_object_set_int_member (object, "ct", user_to_raw (level, value));
  return bulb_command ("white", object);
}

static const LevelCodec bulb_ct = { bulb_ct_decode, bulb_ct_encode };

/* B1 (22) and the cold/warm light (16), devices.md §6.8.1, §6.7: channel0 is
 * the cold level, channel1 the warm level, as strings; the colour
 * temperature has three steps (cold, middle, warm) and the brightness is the
 * level of the lit channels. */
typedef enum { CW_WARM, CW_MIDDLE, CW_COLD } CwStep;

static const char *const cw_step_names[] = { "warm", "middle", "cold" };
static const gint cw_step_percent[] = { 0, 50, 100 };
#define CW_DEFAULT_LEVEL 159 /* B1's first power-on level (UP) */

static gboolean
cw_is_white (const CkFamily *family,
             JsonObject     *params)
{
  gint64 mode;

  /* B1 only: zyx_mode 1 is white; absent means white too. */
  return family->color == NULL || !ck_json_get_int (params, "zyx_mode", &mode) || mode == 1;
}

static gboolean
cw_channels (const CkFamily *family,
             JsonObject     *params,
             gint64         *cold,
             gint64         *warm)
{
  return cw_is_white (family, params)
         && get_int_loose (params, "channel0", cold)
         && get_int_loose (params, "channel1", warm)
         && (*cold > 0 || *warm > 0);
}

static JsonObject *
cw_white_params (const CkFamily *family,
                 CwStep          step,
                 gint            raw)
{
  JsonObject *result = json_object_new ();

  set_level_member (result, "channel0", step == CW_WARM ? 0 : raw, TRUE);
  set_level_member (result, "channel1", step == CW_COLD ? 0 : raw, TRUE);
  if (family->color != NULL)
    {
      set_level_member (result, "channel2", 0, TRUE);
      set_level_member (result, "channel3", 0, TRUE);
      set_level_member (result, "channel4", 0, TRUE);
      json_object_set_int_member (result, "zyx_mode", 1);
    }
  json_object_set_string_member (result, "type", cw_step_names[step]);
  return result;
}

static CwStep
cw_current_step (const CkFamily *family,
                 JsonObject     *params)
{
  gint64 cold, warm;

  if (!cw_channels (family, params, &cold, &warm))
    return CW_MIDDLE;
  return cold > warm ? CW_COLD : cold < warm ? CW_WARM : CW_MIDDLE;
}

static gint
cw_current_raw (const CkFamily *family,
                JsonObject     *params)
{
  gint64 cold, warm;

  if (!cw_channels (family, params, &cold, &warm))
    return CW_DEFAULT_LEVEL;
  return (gint) MAX (cold, warm);
}

static gboolean
cw_br_decode (const CkFamily *family,
              const Level    *level,
              JsonObject     *params,
              gint           *value)
{
  gint64 cold, warm;

  if (!cw_channels (family, params, &cold, &warm))
    return FALSE;
  *value = raw_to_user (level, MAX (cold, warm));
  return TRUE;
}

static JsonObject *
cw_br_encode (const CkFamily *family,
              const Level    *level,
              JsonObject     *params,
              gint            value)
{
  return cw_white_params (family, cw_current_step (family, params), user_to_raw (level, value));
}

static const LevelCodec cw_br = { cw_br_decode, cw_br_encode };

static gboolean
cw_ct_decode (const CkFamily *family,
              const Level    *level,
              JsonObject     *params,
              gint           *value)
{
  gint64 cold, warm;

  if (!cw_channels (family, params, &cold, &warm))
    return FALSE;
  *value = cw_step_percent[cw_current_step (family, params)];
  return TRUE;
}

static JsonObject *
cw_ct_encode (const CkFamily *family,
              const Level    *level,
              JsonObject     *params,
              gint            value)
{
  CwStep step = value < 25 ? CW_WARM : value > 75 ? CW_COLD : CW_MIDDLE;

  return cw_white_params (family, step, cw_current_raw (family, params));
}

static const LevelCodec cw_ct = { cw_ct_decode, cw_ct_encode };

/* ------------------------------------------------------------------------ */
/* Colour codecs                                                             */

static guint32
pack_rgb (gint64 r,
          gint64 g,
          gint64 b)
{
  return ((guint32) CLAMP (r, 0, 255) << 16) | ((guint32) CLAMP (g, 0, 255) << 8) | (guint32) CLAMP (b, 0, 255);
}

/* Three numeric members (L1's colorR/G/B, the diffuser's lightRcolor...). */
static gboolean
keys_color_decode (const CkFamily *family,
                   JsonObject     *params,
                   guint32        *rgb)
{
  g_auto(GStrv) keys = g_strsplit (family->color_keys, " ", 3);
  gint64 c[3];

  for (guint i = 0; i < 3; i++)
    if (keys[i] == NULL || !get_int_loose (params, keys[i], &c[i]))
      return FALSE;

  *rgb = pack_rgb (c[0], c[1], c[2]);
  return TRUE;
}

static JsonObject *
keys_color_encode (const CkFamily *family,
                   JsonObject     *params,
                   guint32         rgb)
{
  g_auto(GStrv) keys = g_strsplit (family->color_keys, " ", 3);
  JsonObject *result = json_object_new ();

  merge_extra (result, family->color_extra);
  for (guint i = 0; i < 3 && keys[i] != NULL; i++)
    json_object_set_int_member (result, keys[i], (rgb >> (16 - 8 * i)) & 0xff);
  return result;
}

static const ColorCodec keys_color = { keys_color_decode, keys_color_encode };

static gboolean
bulb_color_decode (const CkFamily *family,
                   JsonObject     *params,
                   guint32        *rgb)
{
  JsonObject *color = ck_json_get_object (params, "color");
  gint64 r, g, b;

  if (!g_str_equal (bulb_ltype (params), "color")
      || !ck_json_get_int (color, "r", &r) || !ck_json_get_int (color, "g", &g)
      || !ck_json_get_int (color, "b", &b))
    return FALSE;

  *rgb = pack_rgb (r, g, b);
  return TRUE;
}

static JsonObject *
bulb_color_encode (const CkFamily *family,
                   JsonObject     *params,
                   guint32         rgb)
{
  JsonObject *object = bulb_object (params, "color", 0);

  json_object_set_int_member (object, "r", (rgb >> 16) & 0xff);
  json_object_set_int_member (object, "g", (rgb >> 8) & 0xff);
  json_object_set_int_member (object, "b", rgb & 0xff);
  return bulb_command ("color", object);
}

static const ColorCodec bulb_color = { bulb_color_decode, bulb_color_encode };

/* B1: channel2..4 strings, zyx_mode 2 (devices.md §6.8.1). */
static gboolean
b1_color_decode (const CkFamily *family,
                 JsonObject     *params,
                 guint32        *rgb)
{
  gint64 mode, r, g, b;

  if (!ck_json_get_int (params, "zyx_mode", &mode) || mode != 2
      || !get_int_loose (params, "channel2", &r) || !get_int_loose (params, "channel3", &g)
      || !get_int_loose (params, "channel4", &b))
    return FALSE;

  *rgb = pack_rgb (r, g, b);
  return TRUE;
}

static JsonObject *
b1_color_encode (const CkFamily *family,
                 JsonObject     *params,
                 guint32         rgb)
{
  JsonObject *result = json_object_new ();

  set_level_member (result, "channel0", 0, TRUE);
  set_level_member (result, "channel1", 0, TRUE);
  set_level_member (result, "channel2", (rgb >> 16) & 0xff, TRUE);
  set_level_member (result, "channel3", (rgb >> 8) & 0xff, TRUE);
  set_level_member (result, "channel4", rgb & 0xff, TRUE);
  json_object_set_int_member (result, "zyx_mode", 2);
  json_object_set_string_member (result, "type", "middle");
  return result;
}

static const ColorCodec b1_color = { b1_color_decode, b1_color_encode };

/* ------------------------------------------------------------------------ */
/* Fan codecs                                                                */

/* iFan (34): outlet 1 = fan on, outlets 2/3 = speed bits (devices.md §6.6).
 * LAN-style `fan`/`speed` keys are read only when `switches` is absent. */
static gboolean
ifan_decode (const CkFamily *family,
             JsonObject     *params,
             guint          *level)
{
  gboolean fan, bit2, bit3;
  gint64 speed;

  if (decode_outlet (params, 1, &fan))
    {
      if (!fan)
        *level = CK_FAN_SPEED_OFF;
      else if (decode_outlet (params, 3, &bit3) && bit3)
        *level = CK_FAN_SPEED_HIGH;
      else if (decode_outlet (params, 2, &bit2) && bit2)
        *level = CK_FAN_SPEED_MEDIUM;
      else
        *level = CK_FAN_SPEED_LOW;
      return TRUE;
    }

  if (ck_json_get_string (params, "fan") == NULL)
    return FALSE;
  if (!is_on (ck_json_get_string (params, "fan")))
    *level = CK_FAN_SPEED_OFF;
  else
    *level = ck_json_get_int (params, "speed", &speed) ? (guint) CLAMP (speed, 1, 3) : CK_FAN_SPEED_LOW;
  return TRUE;
}

static JsonObject *
ifan_encode (const CkFamily *family,
             JsonObject     *params,
             guint           level)
{
  JsonArray *switches = copy_switches (params, 4);
  JsonObject *result = json_object_new ();

  /* Outlet 0 (the light) stays as it is. */
  set_outlet (switches, 1, level != CK_FAN_SPEED_OFF);
  if (level != CK_FAN_SPEED_OFF)
    {
      set_outlet (switches, 2, level == CK_FAN_SPEED_MEDIUM);
      set_outlet (switches, 3, level == CK_FAN_SPEED_HIGH);
    }
  json_object_set_array_member (result, "switches", switches);
  return result;
}

static const FanCodec ifan = { ifan_decode, ifan_encode };

/* UIID 17: fan on/off + speed slow/moderate/fast. */
static const char *const fan17_speeds[] = { "slow", "moderate", "fast" };

static gboolean
fan17_decode (const CkFamily *family,
              JsonObject     *params,
              guint          *level)
{
  const char *fan = ck_json_get_string (params, "fan");
  const char *speed = ck_json_get_string (params, "speed");

  if (fan == NULL)
    return FALSE;

  *level = CK_FAN_SPEED_OFF;
  if (!is_on (fan))
    return TRUE;

  *level = CK_FAN_SPEED_LOW;
  for (guint i = 0; i < G_N_ELEMENTS (fan17_speeds); i++)
    if (g_strcmp0 (speed, fan17_speeds[i]) == 0)
      *level = i + 1;
  return TRUE;
}

static JsonObject *
fan17_encode (const CkFamily *family,
              JsonObject     *params,
              guint           level)
{
  JsonObject *result = json_object_new ();

  json_object_set_string_member (result, "fan", on_off (level != CK_FAN_SPEED_OFF));
  if (level != CK_FAN_SPEED_OFF)
    json_object_set_string_member (result, "speed", fan17_speeds[level - 1]);
  return result;
}

static const FanCodec fan17 = { fan17_decode, fan17_encode };

/* Diffuser (25): mist off, or `state` 1 (low) / 2 (high) with switch on. */
static gboolean
mist_decode (const CkFamily *family,
             JsonObject     *params,
             guint          *level)
{
  const char *power = ck_json_get_string (params, "switch");
  gint64 state;

  if (power == NULL)
    return FALSE;

  if (!is_on (power))
    *level = CK_FAN_SPEED_OFF;
  else
    *level = ck_json_get_int (params, "state", &state) && state >= 2 ? 2 : 1;
  return TRUE;
}

static JsonObject *
mist_encode (const CkFamily *family,
             JsonObject     *params,
             guint           level)
{
  JsonObject *result = json_object_new ();

  json_object_set_string_member (result, "switch", on_off (level != CK_FAN_SPEED_OFF));
  if (level != CK_FAN_SPEED_OFF)
    json_object_set_int_member (result, "state", level);
  return result;
}

static const FanCodec mist = { mist_decode, mist_encode };

/* ------------------------------------------------------------------------ */
/* Cover codecs (devices.md §6.10)                                           */

static JsonObject *
single_int_member (const char *key,
                   gint64      value)
{
  JsonObject *result = json_object_new ();

  json_object_set_int_member (result, key, value);
  return result;
}

static gboolean
check_percent (gint     percent,
               GError **error)
{
  if (percent >= 0 && percent <= 100)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               "Position %d %% is outside 0-100 %%", percent);
  return FALSE;
}

/* King Q4 (11): setclose = 100 - percent open; switch on/off/pause. */
static gboolean
q4_decode_position (JsonObject *params,
                    gint       *percent_open)
{
  gint64 setclose;

  if (!ck_json_get_int (params, "setclose", &setclose))
    return FALSE;
  *percent_open = 100 - (gint) CLAMP (setclose, 0, 100);
  return TRUE;
}

static JsonObject *
q4_encode_position (gint     percent_open,
                    GError **error)
{
  return check_percent (percent_open, error) ? single_int_member ("setclose", 100 - percent_open) : NULL;
}

static JsonObject *
q4_encode_action (CkCoverAction action)
{
  static const char *const values[] = {
    [CK_COVER_ACTION_OPEN] = "on", [CK_COVER_ACTION_CLOSE] = "off", [CK_COVER_ACTION_STOP] = "pause",
  };
  JsonObject *result = json_object_new ();

  json_object_set_string_member (result, "switch", values[action]);
  return result;
}

static const CoverCodec q4_cover = { q4_decode_position, q4_encode_position, q4_encode_action };

/* Garage / roller (67, 91): op 1 open, 2 stop, 3 close; `per` = percent
 * open. No positioning: only fully open or closed. */
static gboolean
garage_decode_position (JsonObject *params,
                        gint       *percent_open)
{
  gint64 per;

  if (!ck_json_get_int (params, "per", &per))
    return FALSE;
  *percent_open = (gint) CLAMP (per, 0, 100);
  return TRUE;
}

static JsonObject *
garage_encode_action (CkCoverAction action)
{
  static const gint values[] = {
    [CK_COVER_ACTION_OPEN] = 1, [CK_COVER_ACTION_STOP] = 2, [CK_COVER_ACTION_CLOSE] = 3,
  };

  return single_int_member ("op", values[action]);
}

static JsonObject *
garage_encode_position (gint     percent_open,
                        GError **error)
{
  if (!check_percent (percent_open, error))
    return NULL;
  if (percent_open != 0 && percent_open != 100)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "This door opens or closes fully; %d %% cannot be set", percent_open);
      return NULL;
    }
  return garage_encode_action (percent_open == 100 ? CK_COVER_ACTION_OPEN : CK_COVER_ACTION_CLOSE);
}

static const CoverCodec garage_cover = { garage_decode_position, garage_encode_position, garage_encode_action };

/* DualR3 in motor mode (126, workMode 2): location / currLocation, motorTurn. */
static gboolean
motor_decode_position (JsonObject *params,
                       gint       *percent_open)
{
  gint64 location;

  if (!ck_json_get_int (params, "currLocation", &location))
    return FALSE;
  *percent_open = (gint) CLAMP (location, 0, 100);
  return TRUE;
}

static JsonObject *
motor_encode_position (gint     percent_open,
                       GError **error)
{
  return check_percent (percent_open, error) ? single_int_member ("location", percent_open) : NULL;
}

static JsonObject *
motor_encode_action (CkCoverAction action)
{
  static const gint values[] = {
    [CK_COVER_ACTION_STOP] = 0, [CK_COVER_ACTION_OPEN] = 1, [CK_COVER_ACTION_CLOSE] = 2,
  };

  return single_int_member ("motorTurn", values[action]);
}

static const CoverCodec motor_cover = { motor_decode_position, motor_encode_position, motor_encode_action };

/* ------------------------------------------------------------------------ */
/* Readings                                                                  */

static const Reading pow_readings[] = {    /* 5, 32: "12.34" strings */
  { CK_READING_POWER, "power" }, { CK_READING_VOLTAGE, "voltage" }, { CK_READING_CURRENT, "current" },
  { 0 },
};
static const Reading pow190_readings[] = { /* 190: integers x100 */
  { CK_READING_POWER, "power", TRUE }, { CK_READING_VOLTAGE, "voltage", TRUE },
  { CK_READING_CURRENT, "current", TRUE },
  { 0 },
};
static const Reading dualr3_readings[] = { /* 126: per channel, x100 */
  { CK_READING_POWER, "actPow", TRUE, TRUE }, { CK_READING_VOLTAGE, "voltage", TRUE, TRUE },
  { CK_READING_CURRENT, "current", TRUE, TRUE },
  { 0 },
};
static const Reading th_readings[] = {     /* 15, 181: strings, maybe "unavailable" */
  { CK_READING_TEMPERATURE, "currentTemperature" }, { CK_READING_TEMPERATURE, "temperature" },
  { CK_READING_HUMIDITY, "currentHumidity" }, { CK_READING_HUMIDITY, "humidity" },
  { 0 },
};
static const Reading sc_readings[] = {     /* 18: numbers (or strings) */
  { CK_READING_TEMPERATURE, "temperature" }, { CK_READING_HUMIDITY, "humidity" },
  { CK_READING_LIGHT, "light" }, { CK_READING_NOISE, "noise" }, { CK_READING_DUST, "dusty" },
  { 0 },
};
static const Reading temperature_readings[] = { /* 127, 133 */
  { CK_READING_TEMPERATURE, "temperature" },
  { 0 },
};
static const Reading dw2_readings[] = {    /* 102: battery volts */
  { CK_READING_BATTERY_VOLTAGE, "battery" },
  { 0 },
};
static const Reading battery_readings[] = { /* 154 and Zigbee sensors: % */
  { CK_READING_BATTERY, "battery" },
  { 0 },
};
static const Reading zigbee_th_readings[] = { /* 1770, 7014: "2096" = 20.96 */
  { CK_READING_TEMPERATURE, "temperature", TRUE }, { CK_READING_HUMIDITY, "humidity", TRUE },
  { CK_READING_BATTERY, "battery" },
  { 0 },
};
static const Reading generic_readings[] = {
  { CK_READING_POWER, "power" }, { CK_READING_VOLTAGE, "voltage" }, { CK_READING_CURRENT, "current" },
  { CK_READING_TEMPERATURE, "currentTemperature" }, { CK_READING_TEMPERATURE, "temperature" },
  { CK_READING_HUMIDITY, "currentHumidity" }, { CK_READING_HUMIDITY, "humidity" },
  { CK_READING_BATTERY, "battery" },
  { 0 },
};

/* ------------------------------------------------------------------------ */
/* The table                                                                 */

static gboolean
dualr3_in_motor_mode (JsonObject *params)
{
  gint64 mode;

  return ck_json_get_int (params, "workMode", &mode) && mode == 2;
}

#define SW(keys)       .switcher = &key_switch, .switch_keys = keys
#define OUTLETS_ALL    .switcher = &outlets_switch, .all_outlets = TRUE
#define OUTLET_ZERO    .switcher = &outlets_switch, .all_outlets = FALSE
#define RELAY_KEYS     "startup pulse pulseWidth sledOnline"
#define MULTI_KEYS     "switches configure pulses lock sledOnline"
#define PERCENT(min)   .user_min = min, .user_max = 100
#define CT_PERCENT     .ct_unit = CK_COLOR_TEMPERATURE_UNIT_PERCENT
#define LIGHT          CK_CAPABILITY_POWER | CK_CAPABILITY_BRIGHTNESS

#define MULTI_RELAY(n, ...) \
  { "multi-relay-" #n, "Multi-channel relay (" #n " channels)", { __VA_ARGS__, 0 }, \
    .capabilities = CK_CAPABILITY_POWER | CK_CAPABILITY_CHANNELS, .n_channels = n, \
    .keys = MULTI_KEYS, OUTLETS_ALL }

static const CkFamily families[] = {
  { "relay", "Single relay", { 1, 6, 14, 24, 27, 1256, 7004, 0 },
    .capabilities = CK_CAPABILITY_POWER, .n_channels = 1,
    .keys = "switch " RELAY_KEYS, SW ("switch") },
  MULTI_RELAY (2, 2, 7, 29, 82, 113, 139, 161, 165, 2256),
  MULTI_RELAY (3, 3, 8, 30, 83, 114, 140, 162, 3256),
  MULTI_RELAY (4, 4, 9, 31, 84, 141, 163, 4256),
  { "relay-outlet", "Single relay on the multi-channel protocol", { 77, 78, 81, 107, 112, 138, 160, 0 },
    .capabilities = CK_CAPABILITY_POWER, .n_channels = 1,
    .keys = MULTI_KEYS " relaySeparation swMode", OUTLET_ZERO },
  { "pow", "Power-metering plug", { 5, 32, 0 },
    .capabilities = CK_CAPABILITY_POWER | CK_CAPABILITY_ENERGY, .n_channels = 1,
    .keys = "switch power voltage current " RELAY_KEYS, SW ("switch"), .readings = pow_readings },
  { "pow-x100", "Power-metering switch (readings x100)", { 190, 0 },
    .capabilities = CK_CAPABILITY_POWER | CK_CAPABILITY_ENERGY, .n_channels = 1,
    .keys = MULTI_KEYS " power voltage current operSide", OUTLET_ZERO,
    .switch_extra = "{\"operSide\":1}", .readings = pow190_readings },
  { "pow-plain", "Power-metering plug (plain readings)", { 182, 0 },
    .capabilities = CK_CAPABILITY_POWER | CK_CAPABILITY_ENERGY, .n_channels = 1,
    .keys = MULTI_KEYS " power voltage current", OUTLET_ZERO, .readings = pow_readings },
  /* DualR3 in motor mode first: the variant decides. */
  { "dualr3-motor", "Dual relay in motor (cover) mode", { 126, 0 }, .variant = dualr3_in_motor_mode,
    .capabilities = CK_CAPABILITY_COVER | CK_CAPABILITY_ENERGY,
    .keys = "workMode motorTurn location currLocation", .cover = &motor_cover,
    .readings = dualr3_readings },
  { "dualr3", "Dual relay with metering", { 126, 0 },
    .capabilities = CK_CAPABILITY_POWER | CK_CAPABILITY_CHANNELS | CK_CAPABILITY_ENERGY, .n_channels = 2,
    .keys = MULTI_KEYS " workMode", OUTLETS_ALL, .readings = dualr3_readings },
  { "th", "Temperature and humidity relay", { 15, 181, 0 },
    .capabilities = CK_CAPABILITY_POWER | CK_CAPABILITY_CLIMATE, .n_channels = 1,
    .keys = "switch mainSwitch deviceType currentTemperature currentHumidity temperature humidity "
            "sensorType targets autoControlEnabled " RELAY_KEYS,
    SW ("switch mainSwitch"), .switch_extra = "{\"deviceType\":\"normal\"}", .readings = th_readings },
  { "ifan", "Ceiling fan with light", { 34, 0 },
    .capabilities = CK_CAPABILITY_POWER | CK_CAPABILITY_FAN, .n_channels = 1,
    .keys = "switches fan speed light sledOnline", OUTLET_ZERO, .fan = &ifan, .fan_levels = 3 },
  { "fan", "Three-speed fan", { 17, 0 },
    .capabilities = CK_CAPABILITY_POWER | CK_CAPABILITY_FAN, .n_channels = 1,
    .keys = "fan speed mode shake", SW ("fan"), .fan = &fan17, .fan_levels = 3 },
  { "diffuser", "Aroma diffuser", { 25, 0 },
    .capabilities = CK_CAPABILITY_POWER | CK_CAPABILITY_FAN | CK_CAPABILITY_COLOR | CK_CAPABILITY_BRIGHTNESS,
    .n_channels = 1,
    .keys = "switch state lightswitch lightbright lightmode lightRcolor lightGcolor lightBcolor",
    SW ("switch"), .fan = &mist, .fan_levels = 2,
    .brightness = { &key_level, "lightbright", FALSE, 0, 100, PERCENT (0) },
    .color = &keys_color, .color_keys = "lightRcolor lightGcolor lightBcolor",
    .color_extra = "{\"lightmode\":2}" },
  { "dimmer-king", "Dimmer (KING-M4)", { 36, 0 }, .capabilities = LIGHT, .n_channels = 1,
    .needs_power_on = TRUE, .keys = "switch bright sledOnline", SW ("switch"),
    .brightness = { &key_level, "bright", FALSE, 10, 100, PERCENT (0) } },
  { "dimmer-d1", "Dimmer (D1)", { 44, 0 }, .capabilities = LIGHT, .n_channels = 1,
    .keys = "switch brightness mode sledOnline", SW ("switch"),
    .brightness = { &key_level, "brightness", FALSE, 0, 100, PERCENT (0),
                    .extra = "{\"switch\":\"on\",\"mode\":0}" } },
  { "mono-bulb", "Single-colour bulb", { 57, 0 }, .capabilities = LIGHT, .n_channels = 1,
    .needs_power_on = TRUE, .keys = "state channel0", SW ("state"),
    .brightness = { &key_level, "channel0", TRUE, 25, 255, PERCENT (0) } },
  { "cct-light", "Dimmable colour-temperature light", { 52, 0 },
    .capabilities = LIGHT | CK_CAPABILITY_COLOR_TEMPERATURE, .n_channels = 1, .needs_power_on = TRUE,
    .keys = "state channel0 channel1", SW ("state"),
    .brightness = { &key_level, "channel0", TRUE, 10, 255, PERCENT (0) },
    .color_temperature = { &key_level, "channel1", TRUE, 255, 0, PERCENT (0) }, CT_PERCENT },
  { "cold-warm-light", "Cold/warm light", { 16, 0 },
    .capabilities = LIGHT | CK_CAPABILITY_COLOR_TEMPERATURE, .n_channels = 1, .needs_power_on = TRUE,
    .keys = "state channel0 channel1 type", SW ("state"),
    .brightness = { &cw_br, NULL, TRUE, 25, 255, PERCENT (0) },
    .color_temperature = { &cw_ct, NULL, TRUE, 0, 100, PERCENT (0) }, CT_PERCENT },
  { "b1-bulb", "Colour bulb (B1)", { 22, 0 },
    .capabilities = LIGHT | CK_CAPABILITY_COLOR_TEMPERATURE | CK_CAPABILITY_COLOR, .n_channels = 1,
    .needs_power_on = TRUE,
    .keys = "state channel0 channel1 channel2 channel3 channel4 type zyx_mode", SW ("state"),
    .brightness = { &cw_br, NULL, TRUE, 25, 255, PERCENT (0) },
    .color_temperature = { &cw_ct, NULL, TRUE, 0, 100, PERCENT (0) }, CT_PERCENT, .color = &b1_color },
  { "b02-bulb", "White-tunable bulb (B02)", { 103, 135, 0 },
    .capabilities = LIGHT | CK_CAPABILITY_COLOR_TEMPERATURE, .n_channels = 1, .needs_power_on = TRUE,
    .keys = "switch ltype white bright read computer nightLight pVer ops_mode", SW ("switch"),
    .brightness = { &bulb_br, NULL, FALSE, 1, 100, PERCENT (1) },
    /* B02-F-A60 / FS-1: 2200-6500 K (devices.md §6.8.2). */
    .color_temperature = { &bulb_ct, NULL, FALSE, 0, 255, 2200, 6500 },
    .ct_unit = CK_COLOR_TEMPERATURE_UNIT_KELVIN },
  { "b05-bulb", "Colour and white bulb (B05)", { 104, 0 },
    .capabilities = LIGHT | CK_CAPABILITY_COLOR_TEMPERATURE | CK_CAPABILITY_COLOR, .n_channels = 1,
    .needs_power_on = TRUE,
    .keys = "switch ltype white color bright goodNight read nightLight party leisure soft colorful "
            "pVer ops_mode", SW ("switch"),
    .brightness = { &bulb_br, NULL, FALSE, 1, 100, PERCENT (1) },
    /* B05-B: 2700-6500 K (BWP; devices.md §6.8.2). */
    .color_temperature = { &bulb_ct, NULL, FALSE, 0, 255, 2700, 6500 },
    .ct_unit = CK_COLOR_TEMPERATURE_UNIT_KELVIN, .color = &bulb_color },
  { "b05-bl-bulb", "Colour and white bulb (B05-BL)", { 136, 0 },
    .capabilities = LIGHT | CK_CAPABILITY_COLOR_TEMPERATURE | CK_CAPABILITY_COLOR, .n_channels = 1,
    .needs_power_on = TRUE,
    .keys = "switch ltype white color bright goodNight read nightLight party leisure soft colorful "
            "pVer ops_mode", SW ("switch"),
    .brightness = { &bulb_br, NULL, FALSE, 1, 100, PERCENT (1) },
    .color_temperature = { &bulb_ct, NULL, FALSE, 0, 100, PERCENT (0) }, CT_PERCENT,
    .color = &bulb_color },
  { "strip", "LED strip (L1/L2)", { 59, 137, 0 },
    .capabilities = LIGHT | CK_CAPABILITY_COLOR, .n_channels = 1, .needs_power_on = TRUE,
    .keys = "switch bright colorR colorG colorB light_type mode speed sensitive sledOnline", SW ("switch"),
    .brightness = { &key_level, "bright", FALSE, 1, 100, PERCENT (1), .carry = "mode", .carry_default = 1 },
    .color = &keys_color, .color_keys = "colorR colorG colorB",
    .color_extra = "{\"mode\":1,\"light_type\":1}" },
  { "strip-33", "RGB strip controller", { 33, 0 },
    .capabilities = LIGHT | CK_CAPABILITY_COLOR, .n_channels = 1, .needs_power_on = TRUE,
    .keys = "switch bright colorR colorG colorB light_type mode speed sledOnline", SW ("switch"),
    .brightness = { &key_level, "bright", FALSE, 10, 100, PERCENT (10), .carry = "mode", .carry_default = 1 },
    .color = &keys_color, .color_keys = "colorR colorG colorB",
    .color_extra = "{\"mode\":1,\"light_type\":1}" },
  { "zigbee-dimmer", "Zigbee dimmable light", { 1257, 0 }, .capabilities = LIGHT, .n_channels = 1,
    .keys = "switch brightness", SW ("switch"),
    .brightness = { &key_level, "brightness", FALSE, 1, 100, PERCENT (1), .extra = "{\"switch\":\"on\"}" } },
  { "zigbee-cct", "Zigbee colour-temperature light", { 1258, 0 },
    .capabilities = LIGHT | CK_CAPABILITY_COLOR_TEMPERATURE, .n_channels = 1,
    .keys = "switch brightness colorTemp", SW ("switch"),
    .brightness = { &key_level, "brightness", FALSE, 1, 100, PERCENT (1), .extra = "{\"switch\":\"on\"}" },
    .color_temperature = { &key_level, "colorTemp", FALSE, 0, 100, PERCENT (0),
                           .extra = "{\"switch\":\"on\"}" }, CT_PERCENT },
  { "door", "Door sensor (DW2)", { 102, 0 },
    .capabilities = CK_CAPABILITY_CONTACT | CK_CAPABILITY_READ_ONLY,
    .keys = "switch battery type actionTime lastUpdateTime", .contact_key = "switch",
    .readings = dw2_readings },
  { "door-battery", "Door sensor (DW2-L)", { 154, 0 },
    .capabilities = CK_CAPABILITY_CONTACT | CK_CAPABILITY_READ_ONLY,
    .keys = "switch battery type actionTime lastUpdateTime", .contact_key = "switch",
    .readings = battery_readings },
  { "zigbee-door", "Zigbee door sensor", { 3026, 7003, 0 },
    .capabilities = CK_CAPABILITY_CONTACT | CK_CAPABILITY_READ_ONLY,
    .keys = "lock battery", .contact_key = "lock", .readings = battery_readings },
  { "zigbee-th", "Zigbee temperature and humidity sensor", { 1770, 7014, 0 },
    .capabilities = CK_CAPABILITY_CLIMATE | CK_CAPABILITY_READ_ONLY,
    .keys = "temperature humidity battery", .readings = zigbee_th_readings },
  { "zigbee-sensor", "Zigbee sensor or button", { 1000, 2026, 7002, 4026, 5026, 0 },
    .capabilities = CK_CAPABILITY_READ_ONLY, .keys = "battery", .readings = battery_readings },
  { "sc", "Environment sensor (Sonoff SC)", { 18, 0 },
    .capabilities = CK_CAPABILITY_CLIMATE | CK_CAPABILITY_READ_ONLY,
    .keys = "temperature humidity light noise dusty", .readings = sc_readings },
  { "thermostat", "Thermostat", { 127, 0 },
    .capabilities = CK_CAPABILITY_POWER | CK_CAPABILITY_CLIMATE, .n_channels = 1,
    .keys = "switch temperature", SW ("switch"), .readings = temperature_readings },
  { "panel", "Wall panel with two relays (NSPanel)", { 133, 0 },
    .capabilities = CK_CAPABILITY_POWER | CK_CAPABILITY_CHANNELS | CK_CAPABILITY_CLIMATE, .n_channels = 2,
    .keys = MULTI_KEYS " temperature", OUTLETS_ALL, .readings = temperature_readings },
  { "curtain", "Curtain (King Q4)", { 11, 0 }, .capabilities = CK_CAPABILITY_COVER,
    .keys = "switch setclose", .cover = &q4_cover },
  { "garage", "Garage door or roller shutter", { 67, 91, 0 }, .capabilities = CK_CAPABILITY_COVER,
    .keys = "op per statu", .cover = &garage_cover },
  { "rf-bridge", "RF bridge", { 28, 0 }, .capabilities = CK_CAPABILITY_NONE },
  { "zigbee-bridge", "Zigbee bridge", { 66, 168, 0 }, .capabilities = CK_CAPABILITY_NONE },
};

/* Rows the generic family borrows for its switch (see generic_switch_row). */
static const CkFamily generic_outlets_row = {
  "generic", "Device", { 0 }, .keys = "switches", OUTLETS_ALL,
};
static const CkFamily generic_key_rows[2] = {
  { "generic", "Device", { 0 }, .n_channels = 1, .keys = "switch", SW ("switch") },
  { "generic", "Device", { 0 }, .n_channels = 1, .keys = "state", SW ("state") },
};

static const CkFamily generic_family = {
  "generic", "Device", { 0 },
  .keys = "switch state switches bright brightness ct colorTemp colorR colorG colorB power voltage "
          "current currentTemperature temperature currentHumidity humidity battery",
  .switcher = &generic_switch,
  .brightness = { &key_level, "brightness|bright", FALSE, 0, 100, PERCENT (0) },
  .color_temperature = { &key_level, "colorTemp|ct", FALSE, 0, 100, PERCENT (0) }, CT_PERCENT,
  .color = &keys_color, .color_keys = "colorR colorG colorB",
  .readings = generic_readings,
};

static gboolean
row_matches (const CkFamily *row,
             gint            uiid,
             JsonObject     *params)
{
  gboolean listed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (row->uiids) && row->uiids[i] != 0; i++)
    listed = listed || row->uiids[i] == uiid;
  return listed && (row->variant == NULL || row->variant (params));
}

const CkFamily *
ck_catalog_lookup (gint        uiid,
                   JsonObject *params)
{
  if (uiid > 0)
    for (guint i = 0; i < G_N_ELEMENTS (families); i++)
      if (row_matches (&families[i], uiid, params))
        return &families[i];

  return &generic_family;
}

char *
ck_catalog_dup_channel_name (JsonObject *tags,
                             guint       channel)
{
  g_autofree char *key = g_strdup_printf ("%u", channel);
  const char *name = ck_json_get_string (ck_json_get_object (tags, "ck_channel_name"), key);

  if (name != NULL && name[0] != '\0')
    return g_strdup (name);
  return g_strdup_printf ("Channel %u", channel + 1);
}

/* ------------------------------------------------------------------------ */
/* Public accessors and dispatch                                             */

const char *
ck_family_get_id (const CkFamily *family)
{
  g_return_val_if_fail (family != NULL, NULL);
  return family->id;
}

const char *
ck_family_get_description (const CkFamily *family)
{
  g_return_val_if_fail (family != NULL, NULL);
  return family->description;
}

gboolean
ck_family_is_generic (const CkFamily *family)
{
  return family == &generic_family;
}

guint
ck_family_get_n_channels (const CkFamily *family,
                          JsonObject     *params)
{
  JsonArray *switches;

  g_return_val_if_fail (family != NULL, 0);

  if (!ck_family_is_generic (family) && family != &generic_outlets_row)
    return family->n_channels;

  switches = ck_json_get_array (params, "switches");
  if (switches != NULL)
    return json_array_get_length (switches);
  if (ck_json_get_string (params, "switch") != NULL || ck_json_get_string (params, "state") != NULL)
    return 1;
  return 0;
}

gboolean
ck_family_adjust_needs_power_on (const CkFamily *family)
{
  g_return_val_if_fail (family != NULL, FALSE);
  return family->needs_power_on;
}

static gboolean
decodes_any_reading (const CkFamily *family,
                     JsonObject     *params,
                     const CkReading *readings,
                     guint           n_readings)
{
  for (guint i = 0; i < n_readings; i++)
    {
      gdouble value;

      if (ck_family_decode_reading (family, params, readings[i], 0, &value))
        return TRUE;
    }
  return FALSE;
}

/* The generic family can do what its decoders find in @params. */
static CkCapability
probe_capabilities (const CkFamily *family,
                    JsonObject     *params)
{
  static const CkReading energy[] = { CK_READING_POWER, CK_READING_VOLTAGE, CK_READING_CURRENT };
  static const CkReading climate[] = { CK_READING_TEMPERATURE, CK_READING_HUMIDITY };
  CkCapability capabilities = CK_CAPABILITY_NONE;
  gboolean on;
  gint level;
  guint32 rgb;

  if (ck_family_decode_power (family, params, &on))
    capabilities |= CK_CAPABILITY_POWER;
  if (ck_family_get_n_channels (family, params) > 1)
    capabilities |= CK_CAPABILITY_CHANNELS;
  if (ck_family_decode_brightness (family, params, &level))
    capabilities |= CK_CAPABILITY_BRIGHTNESS;
  if (ck_family_decode_color_temperature (family, params, &level))
    capabilities |= CK_CAPABILITY_COLOR_TEMPERATURE;
  if (ck_family_decode_color (family, params, &rgb))
    capabilities |= CK_CAPABILITY_COLOR;
  if (decodes_any_reading (family, params, energy, G_N_ELEMENTS (energy)))
    capabilities |= CK_CAPABILITY_ENERGY;
  if (decodes_any_reading (family, params, climate, G_N_ELEMENTS (climate)))
    capabilities |= CK_CAPABILITY_CLIMATE;

  /* Nothing to control: show the raw params read-only (devices.md §1). */
  if ((capabilities & (CK_CAPABILITY_POWER | CK_CAPABILITY_BRIGHTNESS | CK_CAPABILITY_COLOR_TEMPERATURE
                       | CK_CAPABILITY_COLOR)) == 0)
    capabilities |= CK_CAPABILITY_READ_ONLY;

  return capabilities;
}

CkCapability
ck_family_get_capabilities (const CkFamily *family,
                            JsonObject     *params)
{
  g_return_val_if_fail (family != NULL, CK_CAPABILITY_NONE);

  if (ck_family_is_generic (family))
    return probe_capabilities (family, params);
  return family->capabilities;
}

gboolean
ck_family_has_capability (const CkFamily *family,
                          JsonObject     *params,
                          CkCapability    capability)
{
  return (ck_family_get_capabilities (family, params) & capability) == capability;
}

/* Power and channels */

gboolean
ck_family_decode_power (const CkFamily *family,
                        JsonObject     *params,
                        gboolean       *on)
{
  g_return_val_if_fail (family != NULL && on != NULL, FALSE);

  return family->switcher != NULL && family->switcher->decode (family, params, -1, on);
}

JsonObject *
ck_family_encode_power (const CkFamily *family,
                        JsonObject     *params,
                        gboolean        on,
                        GError        **error)
{
  g_return_val_if_fail (family != NULL, NULL);

  if (family->switcher == NULL)
    return unsupported (error, family, "on/off control");
  return family->switcher->encode (family, params, -1, !!on, error);
}

static gboolean
check_channel (const CkFamily *family,
               JsonObject     *params,
               guint           channel,
               GError        **error)
{
  guint n_channels = ck_family_get_n_channels (family, params);

  if (family->switcher == NULL)
    {
      unsupported (error, family, "on/off control");
      return FALSE;
    }
  if (channel < n_channels)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               "%s has %u channel(s); channel %u does not exist", family->description, n_channels, channel + 1);
  return FALSE;
}

gboolean
ck_family_decode_channel (const CkFamily *family,
                          JsonObject     *params,
                          guint           channel,
                          gboolean       *on)
{
  g_return_val_if_fail (family != NULL && on != NULL, FALSE);

  return check_channel (family, params, channel, NULL)
         && family->switcher->decode (family, params, (gint) channel, on);
}

JsonObject *
ck_family_encode_channel (const CkFamily *family,
                          JsonObject     *params,
                          guint           channel,
                          gboolean        on,
                          GError        **error)
{
  g_return_val_if_fail (family != NULL, NULL);

  if (!check_channel (family, params, channel, error))
    return NULL;
  return family->switcher->encode (family, params, (gint) channel, !!on, error);
}

JsonObject *
ck_family_encode_timer_action (const CkFamily *family,
                               gint            channel,
                               gboolean        on,
                               GError        **error)
{
  g_return_val_if_fail (family != NULL, NULL);

  if (family->switcher == NULL)
    return unsupported (error, family, "timers");
  if (family->n_channels > 0 && channel >= (gint) family->n_channels)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s has %u channel(s); channel %d does not exist",
                   family->description, family->n_channels, channel + 1);
      return NULL;
    }
  return family->switcher->timer_action (family, channel, !!on, error);
}

/* Levels */

static gboolean
decode_level (const CkFamily *family,
              const Level    *level,
              JsonObject     *params,
              gint           *value)
{
  return level->codec != NULL && level->codec->decode (family, level, params, value);
}

void
ck_family_get_brightness_range (const CkFamily *family,
                                gint           *min_percent,
                                gint           *max_percent)
{
  g_return_if_fail (family != NULL);

  if (min_percent != NULL)
    *min_percent = family->brightness.user_min;
  if (max_percent != NULL)
    *max_percent = family->brightness.user_max;
}

gboolean
ck_family_decode_brightness (const CkFamily *family,
                             JsonObject     *params,
                             gint           *percent)
{
  g_return_val_if_fail (family != NULL && percent != NULL, FALSE);
  return decode_level (family, &family->brightness, params, percent);
}

JsonObject *
ck_family_encode_brightness (const CkFamily *family,
                             JsonObject     *params,
                             gint            percent,
                             GError        **error)
{
  const Level *level;

  g_return_val_if_fail (family != NULL, NULL);

  level = &family->brightness;
  if (level->codec == NULL)
    return unsupported (error, family, "brightness");
  if (percent < 0 || percent > 100)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Brightness %d %% is outside 0-100 %%", percent);
      return NULL;
    }

  return level->codec->encode (family, level, params, CLAMP (percent, level->user_min, level->user_max));
}

CkColorTemperatureUnit
ck_family_get_color_temperature_unit (const CkFamily *family)
{
  g_return_val_if_fail (family != NULL, CK_COLOR_TEMPERATURE_UNIT_PERCENT);
  return family->ct_unit;
}

void
ck_family_get_color_temperature_range (const CkFamily *family,
                                       gint           *min,
                                       gint           *max)
{
  g_return_if_fail (family != NULL);

  if (min != NULL)
    *min = family->color_temperature.user_min;
  if (max != NULL)
    *max = family->color_temperature.user_max;
}

gboolean
ck_family_decode_color_temperature (const CkFamily *family,
                                    JsonObject     *params,
                                    gint           *value)
{
  g_return_val_if_fail (family != NULL && value != NULL, FALSE);
  return decode_level (family, &family->color_temperature, params, value);
}

JsonObject *
ck_family_encode_color_temperature (const CkFamily *family,
                                    JsonObject     *params,
                                    gint            value,
                                    GError        **error)
{
  const Level *level;
  const char *unit;

  g_return_val_if_fail (family != NULL, NULL);

  level = &family->color_temperature;
  if (level->codec == NULL)
    return unsupported (error, family, "colour temperature");
  if (value < level->user_min || value > level->user_max)
    {
      unit = family->ct_unit == CK_COLOR_TEMPERATURE_UNIT_KELVIN ? "K" : "%";
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Colour temperature %d %s is outside %d-%d %s",
                   value, unit, level->user_min, level->user_max, unit);
      return NULL;
    }

  return level->codec->encode (family, level, params, value);
}

/* Colour */

gboolean
ck_family_decode_color (const CkFamily *family,
                        JsonObject     *params,
                        guint32        *rgb)
{
  g_return_val_if_fail (family != NULL && rgb != NULL, FALSE);
  return family->color != NULL && family->color->decode (family, params, rgb);
}

JsonObject *
ck_family_encode_color (const CkFamily *family,
                        JsonObject     *params,
                        guint32         rgb,
                        GError        **error)
{
  g_return_val_if_fail (family != NULL, NULL);

  if (family->color == NULL)
    return unsupported (error, family, "colour");
  if (rgb > 0xffffff)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Colour 0x%x is not 0xRRGGBB", rgb);
      return NULL;
    }
  return family->color->encode (family, params, rgb);
}

/* Fan */

guint
ck_family_get_fan_levels (const CkFamily *family)
{
  g_return_val_if_fail (family != NULL, 0);
  return family->fan_levels;
}

gboolean
ck_family_decode_fan (const CkFamily *family,
                      JsonObject     *params,
                      guint          *level)
{
  g_return_val_if_fail (family != NULL && level != NULL, FALSE);
  return family->fan != NULL && family->fan->decode (family, params, level);
}

JsonObject *
ck_family_encode_fan (const CkFamily *family,
                      JsonObject     *params,
                      guint           level,
                      GError        **error)
{
  g_return_val_if_fail (family != NULL, NULL);

  if (family->fan == NULL)
    return unsupported (error, family, "fan");
  if (level > family->fan_levels)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Fan speed %u is outside 0-%u", level, family->fan_levels);
      return NULL;
    }
  return family->fan->encode (family, params, level);
}

/* Readings */

gboolean
ck_family_has_reading (const CkFamily *family,
                       JsonObject     *params,
                       CkReading       reading)
{
  gdouble value;

  g_return_val_if_fail (family != NULL, FALSE);

  if (ck_family_is_generic (family))
    return ck_family_decode_reading (family, params, reading, 0, &value);

  for (const Reading *row = family->readings; row != NULL && row->key != NULL; row++)
    if (row->reading == reading)
      return TRUE;
  return FALSE;
}

gboolean
ck_family_decode_reading (const CkFamily *family,
                          JsonObject     *params,
                          CkReading       reading,
                          guint           channel,
                          gdouble        *value)
{
  g_return_val_if_fail (family != NULL && value != NULL, FALSE);

  for (const Reading *row = family->readings; row != NULL && row->key != NULL; row++)
    {
      g_autofree char *key = NULL;
      gdouble raw;

      if (row->reading != reading)
        continue;

      key = row->per_channel ? g_strdup_printf ("%s_%02u", row->key, channel) : g_strdup (row->key);
      if (!get_double_loose (params, key, &raw))
        continue;

      *value = row->x100 ? raw / 100.0 : raw;
      return TRUE;
    }

  return FALSE;
}

/* Contact */

gboolean
ck_family_decode_contact (const CkFamily *family,
                          JsonObject     *params,
                          gboolean       *open)
{
  const char *text;
  gint64 number;

  g_return_val_if_fail (family != NULL && open != NULL, FALSE);

  if (family->contact_key == NULL)
    return FALSE;

  /* DW2: switch "on" = open; Zigbee: lock 1 = open (devices.md §8.10). */
  text = ck_json_get_string (params, family->contact_key);
  if (text != NULL)
    {
      *open = is_on (text);
      return TRUE;
    }
  if (ck_json_get_int (params, family->contact_key, &number))
    {
      *open = number == 1;
      return TRUE;
    }
  return FALSE;
}

/* Covers */

gboolean
ck_family_decode_cover_position (const CkFamily *family,
                                 JsonObject     *params,
                                 gint           *percent_open)
{
  g_return_val_if_fail (family != NULL && percent_open != NULL, FALSE);
  return family->cover != NULL && family->cover->decode_position (params, percent_open);
}

JsonObject *
ck_family_encode_cover_position (const CkFamily *family,
                                 JsonObject     *params,
                                 gint            percent_open,
                                 GError        **error)
{
  g_return_val_if_fail (family != NULL, NULL);

  if (family->cover == NULL)
    return unsupported (error, family, "cover");
  return family->cover->encode_position (percent_open, error);
}

JsonObject *
ck_family_encode_cover_action (const CkFamily *family,
                               JsonObject     *params,
                               CkCoverAction   action,
                               GError        **error)
{
  g_return_val_if_fail (family != NULL, NULL);

  if (family->cover == NULL)
    return unsupported (error, family, "cover");
  if ((guint) action > CK_COVER_ACTION_STOP)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Unknown cover action %d", action);
      return NULL;
    }
  return family->cover->encode_action (action);
}

/* Other params */

void
ck_other_param_free (CkOtherParam *param)
{
  if (param == NULL)
    return;
  g_free (param->key);
  g_free (param->value);
  g_free (param);
}

/* @key is one of the words of @list, separated by any of @separators. */
static gboolean
listed_in (const char *list,
           const char *separators,
           const char *key)
{
  size_t key_len = strlen (key);

  while (list != NULL && *list != '\0')
    {
      size_t len = strcspn (list, separators);

      if (len == key_len && strncmp (list, key, len) == 0)
        return TRUE;
      list += len;
      list += strspn (list, separators);
    }
  return FALSE;
}

/* A per-channel reading's member: @name followed by "_" and two digits. */
static gboolean
is_channel_key (const char *name,
                const char *key)
{
  size_t len = strlen (name);

  return strncmp (key, name, len) == 0 && key[len] == '_'
         && g_ascii_isdigit (key[len + 1]) && g_ascii_isdigit (key[len + 2]) && key[len + 3] == '\0';
}

static gboolean
family_reads_key (const CkFamily *family,
                  const char     *key)
{
  if (g_str_equal (key, "timers") || ck_catalog_is_info_param (key))
    return TRUE;  /* CkTimer's, device info */

  if (listed_in (family->keys, " ", key) || listed_in (family->switch_keys, " ", key)
      || listed_in (family->color_keys, " ", key)
      || listed_in (family->brightness.key, "|", key) || g_strcmp0 (family->brightness.carry, key) == 0
      || listed_in (family->color_temperature.key, "|", key)
      || g_strcmp0 (family->color_temperature.carry, key) == 0
      || g_strcmp0 (family->contact_key, key) == 0)
    return TRUE;

  for (const Reading *row = family->readings; row != NULL && row->key != NULL; row++)
    if (row->per_channel ? is_channel_key (row->key, key) : g_str_equal (row->key, key))
      return TRUE;
  return FALSE;
}

gboolean
ck_catalog_is_info_param (const char *key)
{
  g_return_val_if_fail (key != NULL, FALSE);
  return listed_in (CK_CATALOG_INFO_PARAMS, " ", key);
}

gint
ck_catalog_decode_rssi (JsonObject *params)
{
  gint64 rssi;

  if (params == NULL || !get_int_loose (params, "rssi", &rssi) || rssi >= 0 || rssi < G_MININT)
    return 0;
  return (gint) rssi;
}

static char *
node_to_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

GPtrArray *
ck_family_list_other_params (const CkFamily *family,
                             JsonObject     *params)
{
  GPtrArray *others = g_ptr_array_new_with_free_func ((GDestroyNotify) ck_other_param_free);
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  g_return_val_if_fail (family != NULL, others);

  if (params == NULL)
    return others;

  json_object_iter_init_ordered (&iter, params);
  while (json_object_iter_next_ordered (&iter, &key, &node))
    {
      CkOtherParam *param;

      if (family_reads_key (family, key))
        continue;

      param = g_new0 (CkOtherParam, 1);
      param->key = g_strdup (key);
      param->value = node_to_text (node);
      g_ptr_array_add (others, param);
    }

  return others;
}
