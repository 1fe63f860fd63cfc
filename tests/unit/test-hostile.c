/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-hostile"

/* Everything that parses cloud input, fed hostile input: malformed JSON,
 * wrong types, huge numbers, missing members, unknown UIIDs and keys. Each
 * parser must answer with a CK_ERROR or a sane value, keep what it does not
 * understand, and never crash or log a critical (the suite runs with
 * G_DEBUG=fatal-criticals). */

#include <string.h>

#include "ck-api-private.h"
#include "ck-catalog.h"
#include "ck-device.h"
#include "ck-device-list.h"
#include "ck-envelope.h"
#include "ck-group.h"
#include "ck-json.h"
#include "ck-share.h"
#include "ck-timer.h"
#include "ck-tokens.h"

/* Values of every JSON type, edge numbers included. */
static const char * const hostile_values[] = {
  "null", "true", "false", "0", "-1", "1", "2", "255", "256", "1.5", "-0.0", "1e308", "-1e308",
  "9223372036854775807", "-9223372036854775808", "18446744073709551616", "1e19",
  "\"\"", "\"abc\"", "\"on\"", "\"off\"", "\"100\"", "\"-5\"", "\"12.5\"", "\"unavailable\"",
  "\"\\u0000\"", "[]", "[1,2,3]", "[null]", "[{}]", "[[[]]]",
  "[{\"outlet\":\"x\",\"switch\":5},{\"outlet\":-1,\"switch\":\"on\"},{\"outlet\":99999999999,\"switch\":\"off\"}]",
  "[{\"outlet\":0,\"switch\":\"on\"},{\"outlet\":0,\"switch\":\"off\"}]",
  "{}", "{\"a\":1}", "{\"br\":\"x\",\"ct\":null,\"r\":1e300,\"g\":-5,\"b\":\"z\"}",
};

/* Keys the catalog reads, plus one nobody knows. */
static const char * const param_keys[] = {
  "switch", "switches", "bright", "brightness", "ct", "colorTemp", "colorR", "colorG", "colorB",
  "ltype", "white", "color", "colour", "cold", "warm", "light", "fan", "speed", "mode",
  "zyx_mode", "workMode", "power", "voltage", "current", "actPow", "temperature", "humidity",
  "currentTemperature", "currentHumidity", "battery", "lock", "state", "op", "per", "setclose",
  "location", "currLocation", "motorTurn", "lightbright", "type", "sc", "noise", "dusty",
  "timers", "outlet", "relay-test-unknown",
};

#define UNKNOWN_KEY "relay-test-unknown"

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, text, -1, NULL) || json_parser_get_root (parser) == NULL)
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = parse (text);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* {"<key>": <value>} */
static JsonObject *
object_with (const char *key,
             const char *value)
{
  g_autofree char *text = g_strdup_printf ("{\"%s\":%s}", key, value);

  return parse_object (text);
}

/* ------------------------------------------------------------------------ */
/* The response envelope (spec §2.6)                                         */

static void
test_envelope (void)
{
  static const char * const bodies[] = {
    "", " ", "{", "}", "[", "{\"error\":", "{\"error\":0", "nul", "tru", "\"str\"", "42", "null",
    "{\"error\":0}", "[]", "[1]", "{\"error\":\"0\"}", "{\"error\":null}", "{\"error\":[]}",
    "{\"error\":{}}", "{\"error\":1.5}", "{\"error\":1e300}", "{\"error\":-1e300}",
    "{\"error\":9223372036854775807}", "{\"error\":-9223372036854775808}",
    "{\"error\":18446744073709551616}", "{\"error\":402,\"msg\":5}", "{\"error\":402,\"msg\":null}",
    "{\"code\":\"404\",\"error\":\"x\"}", "{\"code\":1e300,\"error\":\"x\"}", "{\"code\":404,\"error\":7}",
    "{\"error\":301,\"region\":[\"eu\"]}", "{\"error\":0,\"error\":402}", "\xff\xfe{}", "{\"a\":\"\xc3\"}",
    "{\"a\":\"\\ud800\"}", "{\"a\":1}garbage", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":Infinity}",
    "{'a':1}", "{\"error\":0,\"data\":{\"deep\":[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]}}",
  };
  static const guint statuses[] = { 0, 100, 200, 204, 299, 301, 400, 402, 500, 599, 999 };
  static const CkEndpoint endpoints[] = {
    CK_ENDPOINT_LOGIN, CK_ENDPOINT_REFRESH, CK_ENDPOINT_BEARER, CK_ENDPOINT_DISPATCH,
    CK_ENDPOINT_DEVICE_ADD_GSM, CK_ENDPOINT_WS_HANDSHAKE, CK_ENDPOINT_WS_SESSION, CK_ENDPOINT_GROUP,
  };
  g_autoptr(GString) nested = g_string_new (NULL);

  for (guint b = 0; b < G_N_ELEMENTS (bodies); b++)
    for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
      for (guint e = 0; e < G_N_ELEMENTS (endpoints); e++)
        {
          g_autoptr(JsonObject) error_body = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(JsonNode) node = NULL;

          node = ck_envelope_parse (statuses[s], bodies[b], strlen (bodies[b]), endpoints[e],
                                    &error_body, &error);
          /* Exactly one of a result and a CK_ERROR. */
          g_assert_true ((node == NULL) != (error == NULL));
          if (error != NULL)
            g_assert_true (error->domain == CK_ERROR);
          if (statuses[s] < 200 || statuses[s] > 299)
            g_assert_null (node);
          if (node != NULL)
            g_assert_true (JSON_NODE_HOLDS_OBJECT (node) || JSON_NODE_HOLDS_ARRAY (node));
        }

  /* Malformed JSON with a 200 is an invalid answer, never a success. */
  for (guint b = 0; b < 9; b++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (ck_envelope_parse (200, bodies[b], strlen (bodies[b]), CK_ENDPOINT_BEARER,
                                        NULL, &error));
      g_assert_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE);
    }

  /* An error number that is no integer is not a success. */
  {
    static const char * const not_integers[] = { "{\"error\":1.5}", "{\"error\":1e300}",
                                                 "{\"error\":-1e300,\"devicelist\":[]}" };

    for (guint i = 0; i < G_N_ELEMENTS (not_integers); i++)
      {
        g_autoptr(GError) error = NULL;

        g_assert_null (ck_envelope_parse (200, not_integers[i], strlen (not_integers[i]),
                                          CK_ENDPOINT_BEARER, NULL, &error));
        g_assert_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE);
      }
  }

  /* An embedded NUL and a NULL body. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (ck_envelope_parse (200, "{\"a\":1}\0{}", 10, CK_ENDPOINT_BEARER, NULL, &error));
    g_assert_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE);
    g_clear_error (&error);
    g_assert_null (ck_envelope_parse (200, NULL, 0, CK_ENDPOINT_BEARER, NULL, &error));
    g_assert_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE);
  }

  /* Huge error numbers keep their meaning table sane (a generic failure). */
  {
    g_autoptr(GError) error = NULL;
    const char *body = "{\"error\":9223372036854775807,\"msg\":\"x\"}";

    g_assert_null (ck_envelope_parse (200, body, strlen (body), CK_ENDPOINT_BEARER, NULL, &error));
    g_assert_error (error, CK_ERROR, CK_ERROR_FAILED);
  }

  /* Deep nesting: refused or accepted, never a crash. */
  for (guint i = 0; i < 20000; i++)
    g_string_append_c (nested, '[');
  for (guint i = 0; i < 20000; i++)
    g_string_append_c (nested, ']');
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) node = ck_envelope_parse (200, nested->str, nested->len, CK_ENDPOINT_BEARER,
                                                  NULL, &error);

    g_assert_true ((node == NULL) != (error == NULL));
  }
}

/* ------------------------------------------------------------------------ */
/* CkApi answer functions                                                    */

typedef gpointer (*AnswerFunc) (CkApi *, JsonNode *, const char *, GError **);

static void
test_api_answers (void)
{
  static const char * const answers[] = {
    "null", "1", "\"x\"", "[]", "{}", "{\"devicelist\":null}", "{\"devicelist\":{}}",
    "{\"devicelist\":\"[]\"}", "{\"devicelist\":[]}", "{\"at\":5}", "{\"at\":\"\"}",
    "{\"at\":\"a\",\"user\":[]}", "{\"at\":\"a\",\"user\":{\"apikey\":7}}",
    "{\"at\":\"a\",\"user\":{\"apikey\":\"k\"},\"region\":\"mars\"}",
    "{\"at\":\"a\",\"user\":{\"apikey\":\"k\"},\"region\":5}",
    "{\"at\":[\"a\"],\"rt\":{},\"user\":{\"apikey\":\"k\"},\"region\":\"eu\"}",
    "{\"domain\":5,\"port\":\"8080\"}", "{\"region\":[]}", "{\"region\":\"\"}",
  };
  static const struct
  {
    AnswerFunc  func;
    const char *hint;
  } funcs[] = {
    { ck_api_answer_object, NULL }, { ck_api_answer_object, "user" },
    { ck_api_answer_array, "devicelist" }, { ck_api_answer_array, NULL },
    { ck_api_answer_string, "region" }, { ck_api_answer_string, NULL },
    { ck_api_answer_session, "someone@example.com" },
  };
  g_autoptr(CkApi) api = ck_api_new ("http://127.0.0.1:1/{region}", "app", "secret");
  g_autoptr(CkTokens) tokens = ck_tokens_new ("at0", "rt0", "key0", "eu", "a@example.com");

  ck_api_set_tokens (api, tokens);

  for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
    for (guint f = 0; f < G_N_ELEMENTS (funcs); f++)
      {
        g_autoptr(JsonNode) node = parse (answers[a]);
        g_autoptr(GError) error = NULL;
        gpointer result;

        g_assert_nonnull (node);
        result = funcs[f].func (api, node, funcs[f].hint, &error);
        g_assert_true ((result == NULL) != (error == NULL));
        if (error != NULL)
          g_assert_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE);

        if (funcs[f].func == ck_api_answer_session)
          {
            /* A broken sign-in answer leaves the stored session alone; one
             * with a string at and apikey (region optional) is a session. */
            if (result == NULL)
              {
                g_assert_cmpstr (ck_api_get_tokens (api)->access_token, ==, "at0");
                g_assert_cmpstr (ck_api_get_region (api), ==, "eu");
              }
            else
              {
                g_assert_cmpstr (((CkTokens *) result)->access_token, ==, "a");
                g_assert_true (ck_api_region_is_valid (ck_api_get_region (api)));
                ck_tokens_free (result);
                ck_api_set_tokens (api, tokens);
              }
          }
        else if (funcs[f].func == ck_api_answer_string)
          g_free (result);
        else if (funcs[f].func == ck_api_answer_array)
          g_clear_pointer ((JsonArray **) &result, json_array_unref);
        else
          g_clear_pointer ((JsonObject **) &result, json_object_unref);
      }
}

/* ------------------------------------------------------------------------ */
/* The catalog: every family, every key, every type of value                 */

/* One UIID per distinct family, plus UIIDs nobody knows. */
static GArray *
family_uiids (void)
{
  GArray *uiids = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  static const gint unknown[] = { -1, 0, 9999, G_MAXINT, G_MININT };

  for (gint uiid = 1; uiid <= 300; uiid++)
    {
      const CkFamily *family = ck_catalog_lookup (uiid, NULL);

      if (g_hash_table_add (seen, (gpointer) family))
        g_array_append_val (uiids, uiid);
    }
  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    g_array_append_val (uiids, unknown[i]);

  return uiids;
}

static void
exercise_family (const CkFamily *family,
                 JsonObject     *params)
{
  gboolean flag;
  gint number = 0;
  gint min = 0;
  gint max = 0;
  guint32 color;
  guint level;
  gdouble reading;
  guint n_channels;
  g_autoptr(GPtrArray) others = NULL;

  g_assert_nonnull (ck_family_get_id (family));
  g_assert_nonnull (ck_family_get_description (family));
  ck_family_get_capabilities (family, params);
  n_channels = ck_family_get_n_channels (family, params);
  g_assert_cmpuint (n_channels, <=, 64);
  ck_family_decode_power (family, params, &flag);
  for (guint c = 0; c < MAX (n_channels, 2); c++)
    ck_family_decode_channel (family, params, c, &flag);
  ck_family_get_brightness_range (family, &min, &max);
  if (ck_family_decode_brightness (family, params, &number))
    g_assert_true (number >= 0 && number <= 100);
  ck_family_get_color_temperature_unit (family);
  ck_family_get_color_temperature_range (family, &min, &max);
  if (ck_family_decode_color_temperature (family, params, &number))
    g_assert_true (number >= MIN (min, 0) && number <= MAX (max, 100));
  if (ck_family_decode_color (family, params, &color))
    g_assert_cmpuint (color, <=, 0xffffff);
  if (ck_family_decode_fan (family, params, &level))
    g_assert_cmpuint (level, <=, ck_family_get_fan_levels (family));
  for (CkReading r = CK_READING_POWER; r <= CK_READING_DUST; r++)
    {
      ck_family_has_reading (family, params, r);
      for (guint c = 0; c < 2; c++)
        ck_family_decode_reading (family, params, r, c, &reading);
    }
  ck_family_decode_contact (family, params, &flag);
  if (ck_family_decode_cover_position (family, params, &number))
    g_assert_true (number >= 0 && number <= 100);
  others = ck_family_list_other_params (family, params);
  for (guint i = 0; i < others->len; i++)
    {
      CkOtherParam *param = g_ptr_array_index (others, i);

      g_assert_nonnull (param->key);
      g_assert_nonnull (param->value);
    }
}

/* Whether @key is among the other params of @family for @params. */
static gboolean
kept_as_other (const CkFamily *family,
               JsonObject     *params,
               const char     *key)
{
  g_autoptr(GPtrArray) others = ck_family_list_other_params (family, params);

  for (guint i = 0; i < others->len; i++)
    if (g_str_equal (((CkOtherParam *) g_ptr_array_index (others, i))->key, key))
      return TRUE;
  return FALSE;
}

static void
test_catalog (void)
{
  g_autoptr(GArray) uiids = family_uiids ();

  g_assert_cmpuint (uiids->len, >, 10);
  for (guint u = 0; u < uiids->len; u++)
    for (guint k = 0; k < G_N_ELEMENTS (param_keys); k++)
      for (guint v = 0; v < G_N_ELEMENTS (hostile_values); v++)
        {
          g_autoptr(JsonObject) params = object_with (param_keys[k], hostile_values[v]);
          const CkFamily *family = ck_catalog_lookup (g_array_index (uiids, gint, u), params);

          g_assert_nonnull (family);
          exercise_family (family, params);
          /* A key nobody reads is kept and shown, whatever its value. */
          if (g_str_equal (param_keys[k], UNKNOWN_KEY))
            g_assert_true (kept_as_other (family, params, UNKNOWN_KEY));
        }
}

static void
test_channel_names (void)
{
  static const char * const tags[] = {
    "{}", "{\"ck_channel_name\":null}", "{\"ck_channel_name\":[]}", "{\"ck_channel_name\":\"x\"}",
    "{\"ck_channel_name\":{\"0\":5,\"1\":\"\",\"-1\":\"neg\",\"99999999999\":\"big\"}}",
    "{\"ck_channel_name\":{\"0\":\"Lamp\"}}",
  };

  for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
    for (guint c = 0; c < 4; c++)
      {
        g_autoptr(JsonObject) object = parse_object (tags[t]);
        g_autofree char *name = ck_catalog_dup_channel_name (object, c);

        g_assert_nonnull (name);
        g_assert_cmpstr (name, !=, "");
      }
  {
    g_autofree char *fallback = ck_catalog_dup_channel_name (NULL, 1);

    g_assert_cmpstr (fallback, ==, "Channel 2");
  }
}

/* ------------------------------------------------------------------------ */
/* Devices and the device list                                               */

/* Reads every property, which goes through every decoder. */
static void
read_all_properties (CkDevice *device)
{
  g_autofree GParamSpec **specs = NULL;
  guint n = 0;

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (device), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(specs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (G_OBJECT (device), specs[i]->name, &value);
    }

  for (guint c = 0; c < MAX (ck_device_get_n_channels (device), 2); c++)
    {
      g_autofree char *name = ck_device_dup_channel_name (device, c);

      ck_device_get_channel (device, c);
      g_assert_nonnull (name);
    }
  g_clear_pointer (&specs, g_free);
  {
    g_autoptr(JsonObject) on G_GNUC_UNUSED = ck_device_build_power_params (device, TRUE);

    g_assert_true (g_variant_is_of_type (ck_device_get_readings (device), G_VARIANT_TYPE ("a{sd}")));
  }
  g_assert_nonnull (ck_device_get_timers (device));
}

static void
test_device_entries (void)
{
  static const char * const entries[] = {
    "{}", "{\"deviceid\":5}", "{\"deviceid\":\"\"}", "{\"deviceid\":null}", "{\"deviceid\":[\"a\"]}",
    "{\"deviceid\":\"d\"}",
    "{\"deviceid\":\"d\",\"name\":5,\"online\":\"true\",\"apikey\":[],\"uiid\":\"1\",\"params\":[],"
    "\"tags\":\"x\",\"extra\":5,\"groups\":{},\"sharedTo\":{},\"sharedBy\":[]}",
    "{\"deviceid\":\"d\",\"extra\":{\"uiid\":1e300,\"extra\":{\"uiid\":-5,\"model\":7}}}",
    "{\"deviceid\":\"d\",\"extra\":{\"extra\":{\"uiid\":9223372036854775807}},\"params\":null}",
    "{\"deviceid\":\"d\",\"uiid\":-9223372036854775808,\"groups\":[1,null,\"g\",[]]}",
    "{\"deviceid\":\"d\",\"uiid\":1,\"sharedTo\":[null,5,{},{\"apikey\":5},{\"apikey\":\"k\",\"permit\":\"x\","
    "\"shareTime\":1e300}],\"sharedBy\":{\"apikey\":[]}}",
    "{\"deviceid\":\"d\",\"uiid\":1,\"params\":{\"timers\":{}}}",
    "{\"deviceid\":\"d\",\"uiid\":1,\"params\":{\"timers\":[null,1,\"x\",{},{\"mId\":5}]}}",
  };

  for (guint e = 0; e < G_N_ELEMENTS (entries); e++)
    {
      g_autoptr(JsonObject) object = parse_object (entries[e]);
      g_autoptr(GError) error = NULL;
      g_autoptr(CkDevice) device = ck_device_new_from_json (object, &error);

      g_test_message ("%s", entries[e]);
      g_assert_true ((device == NULL) != (error == NULL));
      if (device == NULL)
        {
          g_assert_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE);
          continue;
        }
      g_assert_cmpstr (ck_device_get_id (device), ==, "d");
      g_assert_nonnull (ck_device_get_params (device));
      read_all_properties (device);
      /* The same entry again, then a report of it: still no trouble. */
      ck_device_update_from_json (device, object);
      ck_device_apply_report (device, object);
      read_all_properties (device);
    }
}

static void
test_device_params (void)
{
  g_autoptr(GArray) uiids = family_uiids ();

  for (guint u = 0; u < uiids->len; u++)
    for (guint v = 0; v < G_N_ELEMENTS (hostile_values); v++)
      {
        g_autoptr(JsonObject) entry = NULL;
        g_autoptr(JsonObject) params = json_object_new ();
        g_autoptr(JsonObject) report = NULL;
        g_autoptr(CkDevice) device = NULL;
        JsonObject *kept;

        /* Every key at once with the same hostile value. */
        for (guint k = 0; k < G_N_ELEMENTS (param_keys); k++)
          json_object_set_member (params, param_keys[k], parse (hostile_values[v]));
        entry = json_object_new ();
        json_object_set_string_member (entry, "deviceid", "d");
        json_object_set_int_member (entry, "uiid", g_array_index (uiids, gint, u));
        json_object_set_object_member (entry, "params", json_object_ref (params));

        device = ck_device_new_from_json (entry, NULL);
        g_assert_nonnull (device);
        read_all_properties (device);

        /* Nothing lost: the raw params keep every key. */
        kept = ck_device_get_params (device);
        for (guint k = 0; k < G_N_ELEMENTS (param_keys); k++)
          g_assert_true (json_object_has_member (kept, param_keys[k]));

        /* Pushes and reports with the hostile value, online included. */
        report = object_with ("online", hostile_values[v]);
        ck_device_apply_report (device, report);
        ck_device_merge_params (device, params);
        ck_device_apply_report (device, params);
        read_all_properties (device);
        g_assert_true (json_object_has_member (ck_device_get_params (device), UNKNOWN_KEY));
      }
}

static void
test_device_list (void)
{
  static const char * const lists[] = {
    "[]", "[null,1,\"x\",[],{}]", "[{\"deviceid\":\"a\"},{\"deviceid\":\"a\",\"name\":\"dup\"}]",
    "[{\"deviceid\":\"a\"},{\"deviceid\":5},{\"deviceid\":\"b\",\"params\":7}]",
  };
  g_autoptr(CkDeviceList) list = ck_device_list_new ();

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      g_autoptr(JsonNode) node = parse (lists[l]);
      guint n;

      ck_device_list_replace_all (list, json_node_get_array (node));
      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      g_assert_cmpuint (n, <=, json_array_get_length (json_node_get_array (node)));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CkDevice) device = g_list_model_get_item (G_LIST_MODEL (list), i);

          /* Ids stay unique whatever the cloud sent. */
          g_assert_true (ck_device_list_lookup (list, ck_device_get_id (device)) == device);
        }
    }
  g_assert_nonnull (ck_device_list_lookup (list, "a"));
  g_assert_nonnull (ck_device_list_lookup (list, "b"));
  g_assert_null (ck_device_list_lookup (list, "5"));
}

/* ------------------------------------------------------------------------ */
/* Timers (spec §7)                                                          */

static const char * const hostile_timers[] = {
  "null", "1", "\"x\"", "[]", "{}",
  "{\"mId\":5}", "{\"mId\":\"t\"}", "{\"mId\":\"t\",\"type\":\"once\"}",
  "{\"mId\":\"t\",\"type\":\"once\",\"at\":5,\"do\":{\"switch\":\"on\"}}",
  "{\"mId\":\"t\",\"type\":\"once\",\"at\":\"not a date\",\"do\":{\"switch\":\"on\"}}",
  "{\"mId\":\"t\",\"type\":\"once\",\"at\":\"2026-13-45T99:99:99.000Z\",\"do\":{\"switch\":\"on\"}}",
  "{\"mId\":\"t\",\"type\":\"repeat\",\"at\":\"* * * * * * *\",\"do\":{\"switch\":\"on\"}}",
  "{\"mId\":\"t\",\"type\":\"repeat\",\"at\":\"99 99 * * 9,8,-1\",\"do\":{\"switch\":\"on\"}}",
  "{\"mId\":\"t\",\"type\":\"repeat\",\"at\":\"0 7 * * 1,2,3\",\"do\":[]}",
  "{\"mId\":\"t\",\"type\":\"duration\",\"at\":\"2026-01-01T00:00:00.000Z 99999999999 -5\","
  "\"startDo\":{\"switch\":\"on\"},\"endDo\":\"x\"}",
  "{\"mId\":\"t\",\"type\":\"duration\",\"at\":\"2026-01-01T00:00:00.000Z\",\"startDo\":{}}",
  "{\"mId\":\"t\",\"type\":\"delay\",\"period\":\"abc\",\"at\":\"2026-01-01T00:00:00.000Z\","
  "\"do\":{\"switch\":\"on\"}}",
  "{\"mId\":\"t\",\"type\":\"delay\",\"period\":1e300,\"at\":\"2026-01-01T00:00:00.000Z\","
  "\"do\":{\"switch\":\"on\"}}",
  "{\"mId\":\"t\",\"type\":\"teleport\",\"at\":\"2026-01-01T00:00:00.000Z\",\"do\":{\"switch\":\"on\"}}",
  "{\"mId\":\"t\",\"type\":\"once\",\"enabled\":\"yes\",\"at\":\"2026-01-01T00:00:00.000Z\","
  "\"do\":{\"outlet\":\"x\",\"switch\":[]}}",
  "{\"mId\":\"ok\",\"type\":\"once\",\"enabled\":1,\"at\":\"2026-01-01T00:00:00.000Z\","
  "\"do\":{\"switch\":\"on\"}}",
};

static void
test_timers (void)
{
  g_autoptr(JsonArray) all = json_array_new ();
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(JsonArray) removed = NULL;
  g_autoptr(JsonArray) enabled = NULL;
  g_autoptr(GError) error = NULL;

  for (guint t = 0; t < G_N_ELEMENTS (hostile_timers); t++)
    {
      g_autoptr(JsonNode) node = parse (hostile_timers[t]);
      g_autoptr(CkTimer) timer = NULL;
      g_autoptr(GError) timer_error = NULL;

      g_assert_nonnull (node);
      json_array_add_element (all, json_node_copy (node));
      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      g_test_message ("%s", hostile_timers[t]);
      timer = ck_timer_new_from_json (json_node_get_object (node), &timer_error);
      g_assert_true ((timer == NULL) != (timer_error == NULL));
      if (timer == NULL)
        {
          g_assert_error (timer_error, CK_ERROR, CK_ERROR_INVALID_RESPONSE);
          continue;
        }
      {
        g_autoptr(JsonObject) back = ck_timer_to_json (timer);
        g_autoptr(GError) invalid = NULL;
        gint channel;
        gboolean on;

        g_assert_nonnull (back);
        ck_timer_validate (timer, &invalid);
        if (ck_timer_get_action (timer) != NULL)
          ck_timer_action_get_switch (ck_timer_get_action (timer), &channel, &on);
      }
    }

  parsed = ck_timers_parse (all);
  g_assert_cmpuint (parsed->len, >=, 1);
  g_assert_cmpuint (parsed->len, <, json_array_get_length (all));

  /* Whole-array edits never drop what they do not understand. */
  removed = ck_timers_remove (all, "ok", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (removed), ==, json_array_get_length (all) - 1);
  enabled = ck_timers_set_enabled (all, "ok", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (enabled), ==, json_array_get_length (all));
  g_assert_null (ck_timers_remove (all, "absent", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  /* Malformed entries carried along unchanged ask for no permit of their
   * own: only the edit made counts. */
  g_assert_cmpint (ck_timers_required_permit (all, removed), ==, CK_PERMIT_DELETE_TIMER);
  g_assert_cmpint (ck_timers_required_permit (all, enabled), ==, CK_PERMIT_ENABLE_TIMER);
  g_assert_cmpint (ck_timers_required_permit (all, all), ==, CK_PERMIT_NONE);
  g_assert_cmpint (ck_timers_required_permit (NULL, all), ==, CK_PERMIT_ADD_TIMER);
  g_assert_cmpint (ck_timers_required_permit (all, NULL), ==, CK_PERMIT_DELETE_TIMER);
}

/* ------------------------------------------------------------------------ */
/* Shares, groups, stored sessions                                           */

static void
test_shares_groups_tokens (void)
{
  static const char * const objects[] = {
    "{}", "{\"apikey\":5}", "{\"apikey\":\"\"}", "{\"apikey\":\"k\"}",
    "{\"apikey\":\"k\",\"permit\":\"15\",\"shareTime\":\"x\",\"note\":5,\"phoneNumber\":[]}",
    "{\"apikey\":\"k\",\"permit\":1e300,\"shareTime\":-1e300,\"comment\":\"c\",\"email\":{}}",
    "{\"apikey\":\"k\",\"permit\":-9223372036854775808,\"shareTime\":9223372036854775807}",
    "{\"id\":5}", "{\"id\":\"\"}", "{\"id\":\"g\",\"name\":[],\"index\":\"3\"}",
    "{\"id\":\"g\",\"name\":\"n\",\"index\":1e300}",
    "{\"at\":\"a\",\"apikey\":\"k\",\"rt\":5,\"region\":[],\"identity\":{}}",
  };
  g_autoptr(JsonArray) shared_to = json_array_new ();
  g_autoptr(GPtrArray) shares = NULL;

  for (guint o = 0; o < G_N_ELEMENTS (objects); o++)
    {
      g_autoptr(JsonObject) object = parse_object (objects[o]);
      g_autoptr(GError) share_error = NULL;
      g_autoptr(GError) group_error = NULL;
      g_autoptr(GError) tokens_error = NULL;
      g_autoptr(CkShare) share = ck_share_new_from_json (object, &share_error);
      g_autoptr(CkGroup) group = ck_group_new_from_json (object, &group_error);
      g_autoptr(CkTokens) tokens = ck_tokens_new_from_json (objects[o], &tokens_error);

      g_assert_true ((share == NULL) != (share_error == NULL));
      g_assert_true ((group == NULL) != (group_error == NULL));
      g_assert_true ((tokens == NULL) != (tokens_error == NULL));
      if (share != NULL)
        {
          g_assert_cmpstr (ck_share_get_apikey (share), !=, "");
          g_assert_cmpuint (ck_share_get_permit (share), <=, 15);
          ck_share_get_identity (share);
          ck_share_get_note (share);
          ck_share_get_share_time (share);
        }
      else
        g_assert_error (share_error, CK_ERROR, CK_ERROR_INVALID_RESPONSE);
      if (group != NULL)
        {
          g_assert_cmpstr (ck_group_get_id (group), !=, "");
          ck_group_update_from_json (group, object);
          ck_group_get_name (group);
        }
      else
        g_assert_error (group_error, CK_ERROR, CK_ERROR_INVALID_RESPONSE);
      if (tokens == NULL)
        g_assert_error (tokens_error, CK_ERROR, CK_ERROR_INVALID_RESPONSE);

      json_array_add_object_element (shared_to, json_object_ref (object));
    }
  json_array_add_null_element (shared_to);
  json_array_add_int_element (shared_to, 7);

  shares = ck_share_list_from_json (shared_to);
  g_assert_cmpuint (shares->len, >=, 1);
  g_assert_cmpuint (shares->len, <, json_array_get_length (shared_to));

  /* Stored sessions: anything but an object with at and apikey is refused. */
  {
    static const char * const stored[] = { "", "x", "[]", "null", "{\"at\":\"a\"}", "{\"apikey\":\"k\"}",
                                           "{\"at\":\"a\",\"apikey\":\"k\"", "\"{}\"" };

    for (guint s = 0; s < G_N_ELEMENTS (stored); s++)
      {
        g_autoptr(GError) error = NULL;

        g_assert_null (ck_tokens_new_from_json (stored[s], &error));
        g_assert_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE);
      }
  }
}

/* json-glib 1.6 reads the non-JSON escape \377 as a raw 0xFF byte: such strings never get in. */
static void
test_json_escapes (void)
{
  static const char *const texts[] = {
    "{\"name\":\"\\377\"}",
    "{\"\\377\":1}",
    "[\"ok\",[\"\\377\"]]",
    "{\"at\":\"\\377\",\"rt\":\"x\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = ck_json_parse (texts[i], -1, &error);

      g_assert_null (node);
      g_assert_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) node = ck_json_parse ("{\"name\":\"K\\u00fcche \\t plug\"}", -1, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "name"), ==,
                     "K\u00fcche \t plug");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/json-escapes", test_json_escapes);
  g_test_add_func ("/hostile/envelope", test_envelope);
  g_test_add_func ("/hostile/api-answers", test_api_answers);
  g_test_add_func ("/hostile/catalog", test_catalog);
  g_test_add_func ("/hostile/channel-names", test_channel_names);
  g_test_add_func ("/hostile/device-entries", test_device_entries);
  g_test_add_func ("/hostile/device-params", test_device_params);
  g_test_add_func ("/hostile/device-list", test_device_list);
  g_test_add_func ("/hostile/timers", test_timers);
  g_test_add_func ("/hostile/shares-groups-tokens", test_shares_groups_tokens);

  return g_test_run ();
}
