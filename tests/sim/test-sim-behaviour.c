/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-sim-behaviour"

/* Device-side behaviour (devices.md §7.2) over the WebSocket, on the
 * simulator clock; sharee timer permits (spec §8.5); the demo dataset
 * (devices.md §3, §7.3) and its script. */

#include <string.h>

#include "sim-test-util.h"


#define KITCHEN_PLUG "1000a1b202"   /* UIID 1, shared with the guest (permit 15) */
#define AQUARIUM     "1000a1b204"   /* UIID 4 */
#define LIVING_TH    "1000a1b205"   /* UIID 15, 21.4 °C */
#define WASHER       "1000a1b206"   /* UIID 32 */
#define PORCH_BULB   "1000a1b20a"   /* UIID 103, off */
#define FRONT_DOOR   "1000a1b20b"   /* UIID 102 */
#define MOSQUITO     "1000a1b20f"   /* UIID 57, off */
#define BOILER       "1000a1b211"   /* UIID 126 */
#define DRYER        "1000a1b212"   /* UIID 190 */
#define SHELF_STRIP  "1000a1b217"   /* UIID 137, off */
#define BLINDS       "1000a1b219"   /* UIID 11, setclose 30 */
#define RF_BRIDGE    "1000a1b21a"   /* UIID 28 */
#define GARAGE       "1000a1b21c"   /* UIID 67, closed */
#define PORCH_PATH   "1000a1b21d"   /* UIID 2, outlet 1 inching 60 s */

#define MID1 "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"
#define MID2 "11111111-2222-4333-8444-555555555555"
#define TIMER(mid, enabled, action) \
  "{\"mId\":\"" mid "\",\"enabled\":" enabled ",\"type\":\"once\",\"coolkit_timer_type\":\"once\"," \
  "\"at\":\"2030-10-15T07:05:00.279Z\",\"do\":{\"switch\":\"" action "\"}}"

typedef struct
{
  SimWs *ws;
  char  *apikey;       /* the session's user */
  char  *owner;        /* the demo owner's apikey */
  guint  sequence;
} Session;

static void
session_free (Session *s)
{
  g_clear_pointer (&s->ws, sim_ws_free);
  g_free (s->apikey);
  g_free (s->owner);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Session, session_free)

static Session *
open_session (SimFixture *f,
              gboolean    guest)
{
  Session *s = g_new0 (Session, 1);
  g_autoptr(JsonNode) dump = cksim_server_dump_state (f->server);
  JsonArray *users = json_object_get_array_member (json_node_get_object (dump), "users");
  g_autofree char *at = NULL;
  g_autoptr(JsonObject) reply = NULL;

  /* The owner's apikey from the dump: a second login would sign the first out. */
  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      JsonObject *user = json_array_get_object_element (users, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (user, "email", ""), CKSIM_DEMO_EMAIL) == 0)
        s->owner = g_strdup (json_object_get_string_member (user, "apikey"));
    }
  g_assert_nonnull (s->owner);
  at = guest ? sim_login_guest (f) : sim_login_demo (f);
  s->apikey = g_strdup (f->apikey);
  s->ws = sim_ws_connect (f);
  reply = sim_ws_user_online (f, s->ws, at, s->apikey, CKSIM_EXAMPLE_APP_ID);
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  return s;
}

/* Sends an update of the demo owner's @deviceid; returns the ack. */
static JsonObject *
update (Session    *s,
        const char *deviceid,
        const char *params)
{
  g_autofree char *message = g_strdup_printf ("{\"action\":\"update\",\"apikey\":\"%s\",\"selfApikey\":\"%s\","
                                              "\"deviceid\":\"%s\",\"params\":%s,\"userAgent\":\"app\","
                                              "\"sequence\":\"%u\",\"ts\":0}",
                                              s->owner, s->apikey, deviceid, params, ++s->sequence);
  g_autofree char *sequence = g_strdup_printf ("%u", s->sequence);
  JsonObject *ack;

  sim_ws_send (s->ws, message);
  ack = sim_ws_next (s->ws, 2000);
  /* Commands of the account's other sessions relayed here come first. */
  for (guint i = 0; i < 20 && g_strcmp0 (json_object_get_string_member_with_default (ack, "userAgent", ""),
                                         "app") == 0; i++)
    {
      json_object_unref (ack);
      ack = sim_ws_next (s->ws, 2000);
    }
  g_assert_false (json_object_has_member (ack, "action"));
  g_assert_cmpstr (json_object_get_string_member (ack, "sequence"), ==, sequence);
  return ack;
}

static void
update_ok (Session    *s,
           const char *deviceid,
           const char *params)
{
  g_autoptr(JsonObject) ack = update (s, deviceid, params);

  g_assert_cmpint (sim_error_code (ack), ==, 0);
}

/* The next device report for @deviceid: its params (owned by the result). */
static JsonObject *
next_report (Session    *s,
             const char *deviceid)
{
  g_autoptr(JsonObject) message = sim_ws_next (s->ws, 2000);

  g_assert_cmpstr (json_object_get_string_member (message, "action"), ==, "update");
  g_assert_cmpstr (json_object_get_string_member (message, "userAgent"), ==, "device");
  g_assert_cmpstr (json_object_get_string_member (message, "from"), ==, "device");
  g_assert_cmpstr (json_object_get_string_member (message, "deviceid"), ==, deviceid);
  return json_object_ref (json_object_get_object_member (message, "params"));
}

static JsonObject *
shadow (SimFixture *f,
        const char *deviceid)
{
  JsonObject *params = cksim_server_get_device_params (f->server, deviceid);

  g_assert_nonnull (params);
  return params;
}

static const char *
outlet_switch (JsonObject *params,
               gint64      outlet)
{
  JsonArray *switches = json_object_get_array_member (params, "switches");

  for (guint i = 0; i < json_array_get_length (switches); i++)
    {
      JsonObject *item = json_array_get_object_element (switches, i);

      if (json_object_get_int_member (item, "outlet") == outlet)
        return json_object_get_string_member (item, "switch");
    }
  return NULL;
}

/* Inching: the device switches back off after the width, on the clock. */
static void
test_inching (SimFixture    *f,
              gconstpointer  data)
{
  g_autoptr(Session) s = open_session (f, FALSE);
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(JsonObject) channel = NULL;

  update_ok (s, KITCHEN_PLUG, "{\"pulse\":\"on\",\"pulseWidth\":30000}");
  update_ok (s, KITCHEN_PLUG, "{\"switch\":\"on\"}");
  g_assert_cmpstr (json_object_get_string_member (shadow (f, KITCHEN_PLUG), "switch"), ==, "on");
  sim_ws_assert_quiet (s->ws);

  cksim_server_advance_clock (f->server, 30);
  report = next_report (s, KITCHEN_PLUG);
  g_assert_cmpstr (json_object_get_string_member (report, "switch"), ==, "off");
  g_assert_cmpuint (json_object_get_size (report), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (shadow (f, KITCHEN_PLUG), "switch"), ==, "off");

  /* Switched off by hand before the width: nothing more. */
  update_ok (s, KITCHEN_PLUG, "{\"switch\":\"on\"}");
  update_ok (s, KITCHEN_PLUG, "{\"switch\":\"off\"}");
  cksim_server_advance_clock (f->server, 60);
  sim_ws_assert_quiet (s->ws);

  /* A channel's inching (Porch and path: outlet 1, 60 s), as an outlet entry. */
  update_ok (s, PORCH_PATH, "{\"switches\":[{\"switch\":\"off\",\"outlet\":1}]}");
  update_ok (s, PORCH_PATH, "{\"switches\":[{\"switch\":\"on\",\"outlet\":1}]}");
  cksim_server_advance_clock (f->server, 59);
  sim_ws_assert_quiet (s->ws);
  cksim_server_advance_clock (f->server, 1);
  channel = next_report (s, PORCH_PATH);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (channel, "switches")), ==, 1);
  g_assert_cmpstr (outlet_switch (channel, 1), ==, "off");
  g_assert_cmpstr (outlet_switch (shadow (f, PORCH_PATH), 1), ==, "off");
}

/* lock 1: switching one channel on turns the others off, reported. */
static void
test_interlock (SimFixture    *f,
                gconstpointer  data)
{
  g_autoptr(Session) s = open_session (f, FALSE);
  g_autoptr(JsonObject) report = NULL;

  /* Aquarium: outlets 0 and 2 on. */
  update_ok (s, AQUARIUM, "{\"switches\":[{\"switch\":\"on\",\"outlet\":3}]}");
  sim_ws_assert_quiet (s->ws);
  g_assert_cmpstr (outlet_switch (shadow (f, AQUARIUM), 0), ==, "on");

  update_ok (s, AQUARIUM, "{\"lock\":1}");
  update_ok (s, AQUARIUM, "{\"switches\":[{\"switch\":\"on\",\"outlet\":1}]}");
  report = next_report (s, AQUARIUM);
  for (gint64 outlet = 0; outlet < 4; outlet++)
    {
      g_assert_cmpstr (outlet_switch (report, outlet), ==, outlet == 1 ? "on" : "off");
      g_assert_cmpstr (outlet_switch (shadow (f, AQUARIUM), outlet), ==, outlet == 1 ? "on" : "off");
    }
}

/* TH auto mode: the targets decide the switch, after updates and readings. */
static void
test_th_auto (SimFixture    *f,
              gconstpointer  data)
{
  g_autoptr(Session) s = open_session (f, FALSE);
  g_autoptr(JsonObject) flip = NULL;
  g_autoptr(JsonObject) reading = NULL;
  g_autoptr(JsonObject) flip_back = NULL;
  g_autoptr(JsonNode) hot = json_from_string ("{\"currentTemperature\":\"26.0\",\"currentHumidity\":\"40\"}", NULL);

  /* 21.4 °C below the low target 22: the reaction "on". */
  update_ok (s, LIVING_TH, "{\"deviceType\":\"temperature\",\"mainSwitch\":\"on\",\"targets\":["
             "{\"targetHigh\":\"25\",\"reaction\":{\"switch\":\"off\"}},"
             "{\"targetLow\":\"22\",\"reaction\":{\"switch\":\"on\"}}]}");
  flip = next_report (s, LIVING_TH);
  g_assert_cmpstr (json_object_get_string_member (flip, "switch"), ==, "on");
  g_assert_cmpstr (json_object_get_string_member (shadow (f, LIVING_TH), "switch"), ==, "on");

  /* A reading above the high target: the reaction "off". */
  g_assert_true (cksim_server_report_device (f->server, LIVING_TH, json_node_get_object (hot)));
  reading = next_report (s, LIVING_TH);
  g_assert_cmpstr (json_object_get_string_member (reading, "currentTemperature"), ==, "26.0");
  flip_back = next_report (s, LIVING_TH);
  g_assert_cmpstr (json_object_get_string_member (flip_back, "switch"), ==, "off");

  /* Manual mode: no re-evaluation. */
  update_ok (s, LIVING_TH, "{\"switch\":\"on\",\"mainSwitch\":\"on\",\"deviceType\":\"normal\"}");
  sim_ws_assert_quiet (s->ws);
  g_assert_cmpstr (json_object_get_string_member (shadow (f, LIVING_TH), "switch"), ==, "on");
}

/* Decodes "XXYYZZ" (devices.md §6.4). */
static double
hundred_days_value (const char *day)
{
  char whole[3] = { day[0], day[1], 0 };

  g_assert_cmpint (day[2], ==, '0');
  g_assert_cmpint (day[4], ==, '0');
  return g_ascii_strtoll (whole, NULL, 16) + (day[3] - '0') / 10.0 + (day[5] - '0') / 100.0;
}

static void
assert_hex (const char *s,
            gsize       length)
{
  g_assert_cmpuint (strlen (s), ==, length);
  for (gsize i = 0; i < length; i++)
    g_assert_true (g_ascii_isxdigit (s[i]));
}

/* "Get" commands: an ack's config, or a device report after the ack. */
static void
test_get_commands (SimFixture    *f,
                   gconstpointer  data)
{
  g_autoptr(Session) s = open_session (f, FALSE);
  g_autoptr(JsonObject) ack = update (s, WASHER, "{\"hundredDaysKwh\":\"get\"}");
  g_autoptr(JsonObject) one = NULL;
  g_autoptr(JsonObject) history = NULL;
  g_autoptr(JsonObject) hours = NULL;
  const char *data100;
  const char *hex;

  g_assert_cmpint (sim_error_code (ack), ==, 0);
  data100 = json_object_get_string_member (json_object_get_object_member (ack, "config"), "hundredDaysKwhData");
  assert_hex (data100, 600);
  for (guint day = 0; day < 100; day++)
    {
      double kwh = hundred_days_value (data100 + day * 6);

      g_assert_cmpfloat (kwh, >=, 0);
      g_assert_cmpfloat (kwh, <, 256);
    }
  sim_ws_assert_quiet (s->ws);

  update_ok (s, WASHER, "{\"oneKwh\":\"get\"}");
  one = next_report (s, WASHER);
  g_assert_cmpfloat (json_object_get_double_member (one, "oneKwhData"), >, 0);
  g_assert_cmpfloat (json_object_get_double_member (one, "oneKwhData"), <=, 50000);

  update_ok (s, BOILER, "{\"getKwh_00\":2}");
  history = next_report (s, BOILER);
  hex = json_object_get_string_member (history, "kwhHistories_00");
  g_assert_cmpuint (strlen (hex) % 4, ==, 0);
  assert_hex (hex, strlen (hex));
  g_assert_cmpuint (strlen (hex), >, 0);

  update_ok (s, DRYER, "{\"getHoursKwh\":{\"start\":0,\"end\":23}}");
  hours = next_report (s, DRYER);
  hex = json_object_get_string_member (hours, "hoursKwhData");
  assert_hex (hex, 24 * 3);
  for (guint h = 0; h < 24; h++)
    g_assert_true (g_ascii_isdigit (hex[h * 3 + 1]) && g_ascii_isdigit (hex[h * 3 + 2]));
}

/* uiActive: readings at once, then every metering interval until it ends. */
static void
test_metering (SimFixture    *f,
               gconstpointer  data)
{
  g_autoptr(Session) s = open_session (f, FALSE);
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) tick = NULL;
  g_autoptr(JsonObject) scaled = NULL;
  const char *power;

  update_ok (s, WASHER, "{\"uiActive\":25}");
  first = next_report (s, WASHER);
  power = json_object_get_string_member (first, "power");
  g_assert_cmpstr (power, ==, "412.06");  /* POW R2: strings with 2 decimals */
  g_assert_nonnull (json_object_get_string_member (first, "voltage"));
  g_assert_nonnull (json_object_get_string_member (first, "current"));

  cksim_server_advance_clock (f->server, 10);
  tick = next_report (s, WASHER);
  g_assert_cmpstr (json_object_get_string_member (tick, "power"), ==, "412.06");
  cksim_server_advance_clock (f->server, 10);
  g_clear_pointer (&tick, json_object_unref);
  tick = next_report (s, WASHER);
  /* The window is over: no more readings. */
  cksim_server_advance_clock (f->server, 30);
  sim_ws_assert_quiet (s->ws);

  /* Switching off while active reports the drop (> 2 W). */
  update_ok (s, WASHER, "{\"uiActive\":60}");
  g_clear_pointer (&tick, json_object_unref);
  tick = next_report (s, WASHER);
  update_ok (s, WASHER, "{\"switch\":\"off\"}");
  g_clear_pointer (&tick, json_object_unref);
  tick = next_report (s, WASHER);
  g_assert_cmpstr (json_object_get_string_member (tick, "power"), ==, "0.00");

  /* UIID 190: integers x100. */
  update_ok (s, DRYER, "{\"uiActive\":60}");
  scaled = next_report (s, DRYER);
  g_assert_cmpint (json_object_get_int_member (scaled, "power"), ==, 18250);
  g_assert_cmpint (json_object_get_int_member (scaled, "voltage"), ==, 23050);
}

/* Lights off: adjustments are stored, the light stays off (devices.md §0). */
static void
test_lights_stay_off (SimFixture    *f,
                      gconstpointer  data)
{
  g_autoptr(Session) s = open_session (f, FALSE);
  JsonObject *white;

  update_ok (s, PORCH_BULB, "{\"ltype\":\"white\",\"white\":{\"br\":30,\"ct\":200}}");
  white = json_object_get_object_member (shadow (f, PORCH_BULB), "white");
  g_assert_cmpint (json_object_get_int_member (white, "br"), ==, 30);
  g_assert_cmpstr (json_object_get_string_member (shadow (f, PORCH_BULB), "switch"), ==, "off");

  update_ok (s, SHELF_STRIP, "{\"mode\":1,\"bright\":40}");
  g_assert_cmpint (json_object_get_int_member (shadow (f, SHELF_STRIP), "bright"), ==, 40);
  g_assert_cmpstr (json_object_get_string_member (shadow (f, SHELF_STRIP), "switch"), ==, "off");

  update_ok (s, MOSQUITO, "{\"channel0\":\"200\"}");
  g_assert_cmpstr (json_object_get_string_member (shadow (f, MOSQUITO), "channel0"), ==, "200");
  g_assert_cmpstr (json_object_get_string_member (shadow (f, MOSQUITO), "state"), ==, "off");
  sim_ws_assert_quiet (s->ws);
}

/* Covers and garage doors travel at "travel-ms" and report on arrival. */
static void
test_travel (SimFixture    *f,
             gconstpointer  data)
{
  g_autoptr(Session) s = open_session (f, FALSE);
  g_autoptr(JsonObject) arrived = NULL;
  g_autoptr(JsonObject) paused = NULL;
  g_autoptr(JsonObject) door = NULL;

  /* 30 -> 80 at 10 s per full travel: 5 s. */
  update_ok (s, BLINDS, "{\"setclose\":80}");
  g_assert_cmpint (json_object_get_int_member (shadow (f, BLINDS), "setclose"), ==, 30);
  cksim_server_advance_clock (f->server, 4);
  sim_ws_assert_quiet (s->ws);
  cksim_server_advance_clock (f->server, 1);
  arrived = next_report (s, BLINDS);
  g_assert_cmpstr (json_object_get_string_member (arrived, "switch"), ==, "off");
  g_assert_cmpint (json_object_get_int_member (arrived, "setclose"), ==, 80);

  /* Open (to 0) and pause half-way. */
  update_ok (s, BLINDS, "{\"switch\":\"on\"}");
  cksim_server_advance_clock (f->server, 4);
  update_ok (s, BLINDS, "{\"switch\":\"pause\"}");
  paused = next_report (s, BLINDS);
  g_assert_cmpstr (json_object_get_string_member (paused, "switch"), ==, "pause");
  g_assert_cmpint (json_object_get_int_member (paused, "setclose"), ==, 40);
  cksim_server_advance_clock (f->server, 20);
  sim_ws_assert_quiet (s->ws);

  update_ok (s, GARAGE, "{\"op\":1}");
  cksim_server_advance_clock (f->server, 10);
  door = next_report (s, GARAGE);
  g_assert_cmpint (json_object_get_int_member (door, "per"), ==, 100);
  g_assert_cmpint (json_object_get_int_member (door, "statu"), ==, 5);
}

/* RF bridge: a capture pushes the learned code in rfList; transmit needs one. */
static void
test_rf_bridge (SimFixture    *f,
                gconstpointer  data)
{
  g_autoptr(Session) s = open_session (f, FALSE);
  g_autoptr(JsonObject) learned = NULL;
  g_autoptr(JsonObject) missing = NULL;
  JsonArray *list;
  gboolean found = FALSE;

  missing = update (s, RF_BRIDGE, "{\"cmd\":\"transmit\",\"rfChl\":3}");
  g_assert_cmpint (sim_error_code (missing), ==, 400);
  update_ok (s, RF_BRIDGE, "{\"cmd\":\"capture\",\"rfChl\":3}");
  learned = next_report (s, RF_BRIDGE);
  list = json_object_get_array_member (learned, "rfList");
  g_assert_cmpuint (json_array_get_length (list), ==, 3);
  for (guint i = 0; i < json_array_get_length (list); i++)
    found |= json_object_get_int_member (json_array_get_object_element (list, i), "rfChl") == 3;
  g_assert_true (found);
  update_ok (s, RF_BRIDGE, "{\"cmd\":\"transmit\",\"rfChl\":3}");
}

/* A sleeping door sensor: strict 400 at once; --compat 504 after the deadline. */
static void
test_door_sensor (SimFixture    *f,
                  gconstpointer  data)
{
  gboolean compat = GPOINTER_TO_UINT (data) & SIM_COMPAT;
  g_autoptr(Session) s = NULL;
  g_autoptr(JsonObject) ack = NULL;

  g_object_set (f->server, "ack-timeout-ms", 100u, NULL);
  s = open_session (f, FALSE);
  ack = update (s, FRONT_DOOR, "{\"switch\":\"on\"}");
  g_assert_cmpint (sim_error_code (ack), ==, compat ? 504 : 400);
  g_assert_cmpstr (json_object_get_string_member (shadow (f, FRONT_DOOR), "switch"), ==, "off");
}

/* Sharee timers within the permit bits (spec §8.5). */
static void
set_permit (SimFixture *f,
            Session    *owner,
            int         permit)
{
  g_autofree char *message = g_strdup_printf (
    "{\"action\":\"updateShare\",\"apikey\":\"%s\",\"selfApikey\":\"%s\",\"deviceid\":\"" KITCHEN_PLUG "\","
    "\"userAgent\":\"app\",\"sequence\":\"p%d\",\"ts\":0,\"params\":{\"uid\":\"" CKSIM_DEMO_GUEST_EMAIL "\","
    "\"deviceName\":\"Kitchen plug\",\"permit\":%d,\"note\":\"test\",\"userName\":\"Demo\"}}",
    owner->owner, owner->owner, permit, permit);
  g_autoptr(JsonObject) reply = NULL;

  sim_ws_send (owner->ws, message);
  /* Skip the guest's commands relayed to the owner (spec §4.7.2). */
  for (guint i = 0; i < 20 && (reply == NULL || json_object_has_member (reply, "action")); i++)
    {
      g_clear_pointer (&reply, json_object_unref);
      reply = sim_ws_next (owner->ws, 2000);
    }
  g_assert_cmpint (sim_error_code (reply), ==, 0);
  g_assert_cmpint (json_object_get_int_member (reply, "result"), ==, 2);
}

static JsonArray *
stored_timers (SimFixture *f)
{
  return json_object_get_array_member (shadow (f, KITCHEN_PLUG), "timers");
}

static void
test_sharee_timers (SimFixture    *f,
                    gconstpointer  data)
{
  g_autoptr(Session) owner = open_session (f, FALSE);
  g_autoptr(Session) guest = open_session (f, TRUE);
  static const struct
  {
    int         permit;
    const char *timers;
    int         error;
    guint       stored_after;
  } steps[] = {
    /* Guest has 15: adds two. */
    { 15, "[" TIMER (MID1, "1", "on") "," TIMER (MID2, "1", "off") "]", 0, 2 },
    /* Add only (1): edit, delete and enable are refused, the array unchanged. */
    { 1, "[" TIMER (MID1, "1", "off") "," TIMER (MID2, "1", "off") "]", 403, 2 },
    { 1, "[" TIMER (MID1, "1", "on") "]", 403, 2 },
    { 1, "[" TIMER (MID1, "0", "on") "," TIMER (MID2, "1", "off") "]", 403, 2 },
    /* Enable only (8): the toggle passes. */
    { 8, "[" TIMER (MID1, "0", "on") "," TIMER (MID2, "1", "off") "]", 0, 2 },
    /* Delete only (4). */
    { 4, "[" TIMER (MID2, "1", "off") "]", 0, 1 },
    /* Edit only (2), and no permit at all. */
    { 2, "[" TIMER (MID2, "1", "on") "]", 0, 1 },
    { 0, "[]", 403, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *params = g_strdup_printf ("{\"timers\":%s}", steps[i].timers);
      g_autoptr(JsonObject) ack = NULL;

      set_permit (f, owner, steps[i].permit);
      ack = update (guest, KITCHEN_PLUG, params);
      g_assert_cmpint (sim_error_code (ack), ==, steps[i].error);
      g_assert_cmpuint (json_array_get_length (stored_timers (f)), ==, steps[i].stored_after);
    }
  /* The owner is never limited; other params stay controllable by the sharee. */
  update_ok (owner, KITCHEN_PLUG, "{\"timers\":[]}");
  update_ok (guest, KITCHEN_PLUG, "{\"switch\":\"on\"}");
  g_assert_cmpuint (json_array_get_length (stored_timers (f)), ==, 0);
}

/* The demo dataset: every family of devices.md §3, realistic params. */
static void
test_demo_families (SimFixture    *f,
                    gconstpointer  data)
{
  static const int families[][8] = {
    { 1, 6, 14, 24, 27 },             /* single relay */
    { 2, 3, 4, 7, 8, 9 },             /* multi-channel relay */
    { 77, 78, 81, 107, 138, 160 },    /* single relay on the multi-channel protocol */
    { 5, 32, 190 },                   /* power metering */
    { 15, 181 },                      /* temperature / humidity */
    { 34 },                           /* iFan */
    { 44, 36 },                       /* dimmers */
    { 103, 104, 135, 136 },           /* bulbs */
    { 59, 137, 33 },                  /* strips */
    { 102 }, { 28 }, { 126 },         /* sensor, bridge, DualR3 */
    { 22 },                           /* B1 */
  };
  static const int wanted[] = { 22, 36, 57, 52, 126, 190, 182, 138, 181, 136, 137, 7, 11, 28, 18, 67 };
  g_autofree char *at G_GNUC_UNUSED = sim_login_demo (f);
  g_autoptr(GPtrArray) devices = sim_owned_devices (f, f->apikey);
  g_autoptr(GHashTable) uiids = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint offline = 0;

  for (guint i = 0; i < devices->len; i++)
    {
      JsonObject *device = g_ptr_array_index (devices, i);
      JsonObject *params = json_object_get_object_member (device, "params");
      int uiid = json_object_get_int_member (device, "uiid");
      gint64 rssi = json_object_get_int_member_with_default (params, "rssi", 0);
      const char *id = json_object_get_string_member (device, "deviceid");

      g_assert_true (g_str_has_prefix (id, "1000") && strlen (id) == 10);
      g_assert_true (g_hash_table_add (ids, (gpointer) id));
      g_hash_table_add (uiids, GINT_TO_POINTER (uiid));
      g_assert_nonnull (json_object_get_string_member (params, "fwVersion"));
      g_assert_cmpint (rssi, <=, -40);
      g_assert_cmpint (rssi, >=, -80);
      if (uiid != 102)  /* the sleeping DW2 reports no version */
        g_assert_cmpint (json_object_get_int_member (params, "version"), ==, 8);
      if (!json_object_get_boolean_member (device, "online"))
        offline++;
    }
  g_assert_cmpuint (offline, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    {
      gboolean covered = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (families[i]) && families[i][j] != 0; j++)
        covered |= g_hash_table_contains (uiids, GINT_TO_POINTER (families[i][j]));
      if (!covered)
        g_error ("family %u (UIID %d, …) missing from the demo", i, families[i][0]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    if (!g_hash_table_contains (uiids, GINT_TO_POINTER (wanted[i])))
      g_error ("UIID %d missing from the demo", wanted[i]);
}

/* Multi-channel devices carry channel names; the RF bridge its remotes. */
static void
test_demo_tags (SimFixture    *f,
                gconstpointer  data)
{
  g_autofree char *at = sim_login_demo (f);
  g_autofree char *query = g_strconcat ("getTags=1&", sim_common_query (f, CKSIM_EXAMPLE_APP_ID), NULL);
  g_autoptr(JsonObject) reply = sim_bearer_query (f, "GET", "/eu/api/user/device", at, query);
  JsonArray *list = json_object_get_array_member (reply, "devicelist");
  guint named = 0;

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *device = json_array_get_object_element (list, i);
      JsonObject *tags = json_object_get_object_member (device, "tags");
      int uiid = json_object_get_int_member (device, "uiid");

      if (uiid == 2 || uiid == 4 || uiid == 7 || uiid == 126)
        {
          JsonObject *names = json_object_get_object_member (tags, "ck_channel_name");

          g_assert_nonnull (json_object_get_string_member (names, "0"));
          g_assert_nonnull (json_object_get_string_member (names, "1"));
          named++;
        }
      if (uiid == 28)
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (tags, "zyx_info")), >, 0);
    }
  g_assert_cmpuint (named, >=, 4);
}

static gboolean
is_report_of (JsonObject *message,
              const char *action,
              const char *deviceid)
{
  return g_strcmp0 (json_object_get_string_member_with_default (message, "action", ""), action) == 0
         && g_strcmp0 (json_object_get_string_member_with_default (message, "deviceid", ""), deviceid) == 0;
}

/* The script: off by default; with demo-script on, each tick of the clock
 * drifts the TH, opens the door on the 6th and flaps the SC on the 10th. */
static void
test_demo_script (SimFixture    *f,
                  gconstpointer  data)
{
  g_autoptr(Session) s = open_session (f, FALSE);
  gboolean drifted = FALSE, opened = FALSE, went_offline = FALSE, came_back = FALSE;

  cksim_server_advance_clock (f->server, 120);
  sim_ws_assert_quiet (s->ws);   /* off by default */

  g_object_set (f->server, "script-interval-ms", 1000u, "demo-script", TRUE, NULL);
  for (guint tick = 1; tick <= 11; tick++)
    {
      cksim_server_advance_clock (f->server, 1);
      sim_ws_send (s->ws, "ping");
      for (guint n = 0; n < 50; n++)
        {
          g_autofree char *text = sim_ws_next_text (s->ws, 2000);
          g_autoptr(JsonNode) node = NULL;
          JsonObject *message;

          if (g_str_equal (text, "pong"))
            break;
          node = json_from_string (text, NULL);
          message = json_node_get_object (node);
          if (is_report_of (message, "update", LIVING_TH))
            drifted = TRUE;
          if (is_report_of (message, "update", FRONT_DOOR)
              && g_strcmp0 (json_object_get_string_member (json_object_get_object_member (message, "params"),
                                                          "switch"), "on") == 0)
            opened = tick == 6;
          if (is_report_of (message, "sysmsg", "1000a1b21b"))
            {
              gboolean online = json_object_get_boolean_member (json_object_get_object_member (message, "params"),
                                                                "online");

              went_offline |= !online && tick == 10;
              came_back |= online && tick == 11;
            }
        }
    }
  g_assert_true (drifted);
  g_assert_true (opened);
  g_assert_true (went_offline);
  g_assert_true (came_back);

  g_object_set (f->server, "demo-script", FALSE, NULL);
  cksim_server_advance_clock (f->server, 30);
  sim_ws_assert_quiet (s->ws);
}

/* --compat stores keys a profile does not know, even malformed outlet arrays on a single relay:
 * the emulator's side effects must skip what names no outlet (a fuzzing find). */
static void
test_compat_malformed_outlets (SimFixture    *f,
                               gconstpointer  data)
{
  g_autoptr(Session) s = open_session (f, FALSE);
  JsonArray *stored;

  update_ok (s, KITCHEN_PLUG, "{\"switches\":[{\"switch\":\"on\"},1,{\"outlet\":\"0\"}]}");
  stored = json_object_get_array_member (shadow (f, KITCHEN_PLUG), "switches");
  g_assert_cmpuint (json_array_get_length (stored), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SIM_TEST_ADD ("/sim/behaviour/inching", test_inching, F_DEFAULT);
  SIM_TEST_ADD ("/sim/behaviour/interlock", test_interlock, F_DEFAULT);
  SIM_TEST_ADD ("/sim/behaviour/th-auto", test_th_auto, F_DEFAULT);
  SIM_TEST_ADD ("/sim/behaviour/get-commands", test_get_commands, F_DEFAULT);
  SIM_TEST_ADD ("/sim/behaviour/metering", test_metering, F_DEFAULT);
  SIM_TEST_ADD ("/sim/behaviour/lights-stay-off", test_lights_stay_off, F_DEFAULT);
  SIM_TEST_ADD ("/sim/behaviour/travel", test_travel, F_DEFAULT);
  SIM_TEST_ADD ("/sim/behaviour/rf-bridge", test_rf_bridge, F_DEFAULT);
  SIM_TEST_ADD ("/sim/behaviour/door-sensor/strict", test_door_sensor, F_DEFAULT);
  SIM_TEST_ADD ("/sim/behaviour/door-sensor/compat", test_door_sensor, F_COMPAT);
  SIM_TEST_ADD ("/sim/behaviour/sharee-timers", test_sharee_timers, F_DEFAULT);
  SIM_TEST_ADD ("/sim/behaviour/compat-malformed-outlets", test_compat_malformed_outlets, F_COMPAT);
  SIM_TEST_ADD ("/sim/demo/families", test_demo_families, F_DEFAULT);
  SIM_TEST_ADD ("/sim/demo/tags", test_demo_tags, F_DEFAULT);
  SIM_TEST_ADD ("/sim/demo/script", test_demo_script, F_DEFAULT);

  return g_test_run ();
}
