/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-timer"

#include <string.h>

#include "ck-catalog.h"
#include "ck-error.h"
#include "ck-timer.h"

#define MID_A "0c6c2e6a-1b7d-4d3e-9f01-2a3b4c5d6e7f"
#define MID_B "7e1f0d3c-5a2b-4c6d-8e9f-0a1b2c3d4e5f"

static JsonNode *
node_from (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static JsonObject *
object_from (const char *json)
{
  g_autoptr(JsonNode) node = node_from (json);

  return json_object_ref (json_node_get_object (node));
}

static JsonArray *
array_from (const char *json)
{
  g_autoptr(JsonNode) node = node_from (json);

  return json_array_ref (json_node_get_array (node));
}

static void
assert_same_json (JsonNode   *actual,
                  const char *expected)
{
  g_autoptr(JsonNode) want = node_from (expected);

  if (!json_node_equal (actual, want))
    {
      g_autofree char *text = json_to_string (actual, FALSE);

      g_error ("got %s, expected %s", text, expected);
    }
}

static void
assert_object (JsonObject *actual,
               const char *expected)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  g_assert_nonnull (actual);
  json_node_set_object (node, actual);
  assert_same_json (node, expected);
}

static void
assert_array (JsonArray  *actual,
              const char *expected)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  g_assert_nonnull (actual);
  json_node_set_array (node, actual);
  assert_same_json (node, expected);
}

static CkTimer *
timer_from (const char *json)
{
  g_autoptr(JsonObject) object = object_from (json);
  g_autoptr(GError) error = NULL;
  CkTimer *timer = ck_timer_new_from_json (object, &error);

  g_assert_no_error (error);
  g_assert_nonnull (timer);
  return timer;
}

/* Parse, format, compare with the input. */
static CkTimer *
round_trip (const char *json)
{
  CkTimer *timer = timer_from (json);
  g_autoptr(JsonObject) back = ck_timer_to_json (timer);

  assert_object (back, json);
  return timer;
}

static GTimeZone *
zone (const char *identifier)
{
  GTimeZone *tz = g_time_zone_new_identifier (identifier);

  g_assert_nonnull (tz);
  return tz;
}

/* ------------------------------------------------------------------------ */

static void
test_once (void)
{
  g_autoptr(CkTimer) timer = round_trip (
    "{\"enabled\":1,\"mId\":\"" MID_A "\",\"type\":\"once\",\"coolkit_timer_type\":\"once\","
    "\"at\":\"2020-10-15T07:05:00.279Z\",\"do\":{\"switch\":\"on\"}}");
  gint channel = 9;
  gboolean on = FALSE;

  g_assert_cmpint (ck_timer_get_kind (timer), ==, CK_TIMER_KIND_ONCE);
  g_assert_cmpstr (ck_timer_get_id (timer), ==, MID_A);
  g_assert_true (ck_timer_get_enabled (timer));
  g_assert_cmpint (g_date_time_to_unix (ck_timer_get_at (timer)), ==, 1602745500);
  g_assert_cmpint (g_date_time_get_microsecond (ck_timer_get_at (timer)), ==, 279000);
  g_assert_true (ck_timer_action_get_switch (ck_timer_get_action (timer), &channel, &on));
  g_assert_cmpint (channel, ==, -1);
  g_assert_true (on);
  g_assert_true (ck_timer_validate (timer, NULL));
}

static void
test_delay (void)
{
  g_autoptr(CkTimer) parsed = round_trip (
    "{\"enabled\":0,\"mId\":\"" MID_A "\",\"type\":\"once\",\"coolkit_timer_type\":\"delay\","
    "\"at\":\"2017-07-24T09:10:43.223Z\",\"period\":\"30\",\"do\":{\"switch\":\"on\"}}");
  g_autoptr(GTimeZone) paris = zone ("+02:00");
  g_autoptr(GDateTime) now = g_date_time_new (paris, 2024, 3, 1, 23, 50, 12.5);
  g_autoptr(JsonObject) action = object_from ("{\"state\":\"off\"}");
  g_autoptr(CkTimer) made = ck_timer_new_delay (now, 45, action);
  g_autoptr(JsonObject) json = ck_timer_to_json (made);

  g_assert_cmpint (ck_timer_get_kind (parsed), ==, CK_TIMER_KIND_DELAY);
  g_assert_cmpuint (ck_timer_get_period (parsed), ==, 30);
  g_assert_false (ck_timer_get_enabled (parsed));

  /* at = now + period, in UTC with milliseconds. */
  g_assert_cmpstr (json_object_get_string_member (json, "at"), ==, "2024-03-01T22:35:12.500Z");
  g_assert_cmpstr (json_object_get_string_member (json, "type"), ==, "once");
  g_assert_cmpstr (json_object_get_string_member (json, "coolkit_timer_type"), ==, "delay");
  g_assert_cmpstr (json_object_get_string_member (json, "period"), ==, "45");
  g_assert_cmpint (json_object_get_int_member (json, "enabled"), ==, 1);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (json, "mId")));
  g_assert_true (ck_timer_validate (made, NULL));
}

static void
test_repeat (void)
{
  g_autoptr(CkTimer) two_days = round_trip (
    "{\"enabled\":1,\"mId\":\"" MID_A "\",\"type\":\"repeat\",\"coolkit_timer_type\":\"repeat\","
    "\"at\":\"36 8 * * 1,3\",\"do\":{\"outlet\":1,\"switch\":\"off\"}}");
  g_autoptr(CkTimer) every_day = round_trip (
    "{\"enabled\":1,\"mId\":\"" MID_B "\",\"type\":\"repeat\",\"coolkit_timer_type\":\"repeat\","
    "\"at\":\"0 10 * * *\",\"do\":{\"switch\":\"on\",\"mainSwitch\":\"on\"}}");
  g_autoptr(CkTimer) once = timer_from ("{\"enabled\":1,\"mId\":\"" MID_A "\",\"type\":\"once\","
                                       "\"at\":\"2020-10-15T07:05:00.279Z\",\"do\":{\"switch\":\"on\"}}");
  g_autoptr(CkTimer) all_listed = timer_from (
    "{\"enabled\":1,\"mId\":\"" MID_B "\",\"type\":\"repeat\",\"at\":\"0 10 * * 0,1,2,3,4,5,6\","
    "\"do\":{\"switch\":\"on\"}}");
  guint hour, minute;
  CkWeekdays days;
  gint channel;
  gboolean on = TRUE;

  g_assert_true (ck_timer_get_repeat (two_days, &hour, &minute, &days));
  g_assert_cmpuint (hour, ==, 8);
  g_assert_cmpuint (minute, ==, 36);
  g_assert_cmpint (days, ==, CK_WEEKDAYS_MONDAY | CK_WEEKDAYS_WEDNESDAY);
  /* A per-channel action. */
  g_assert_true (ck_timer_action_get_switch (ck_timer_get_action (two_days), &channel, &on));
  g_assert_cmpint (channel, ==, 1);
  g_assert_false (on);

  g_assert_true (ck_timer_get_repeat (every_day, &hour, &minute, &days));
  g_assert_cmpint (days, ==, CK_WEEKDAYS_ALL);
  g_assert_true (ck_timer_get_repeat (all_listed, &hour, &minute, &days));
  g_assert_cmpint (days, ==, CK_WEEKDAYS_ALL);
  g_assert_false (ck_timer_get_repeat (once, &hour, &minute, &days));
}

typedef struct
{
  const char *zone;
  guint       hour, minute;
  CkWeekdays  days;
  const char *cron;
} LocalCase;

static void
test_repeat_local_time (void)
{
  static const LocalCase cases[] = {
    /* spec §7.2: 01:30 Monday in UTC+8 is 17:30 Sunday UTC. */
    { "+08:00", 1, 30, CK_WEEKDAYS_MONDAY, "30 17 * * 0" },
    /* Several days, crossing back over the start of the week. */
    { "+08:00", 1, 30, CK_WEEKDAYS_SUNDAY | CK_WEEKDAYS_MONDAY | CK_WEEKDAYS_WEDNESDAY, "30 17 * * 0,2,6" },
    /* 23:30 in UTC-5 is 04:30 the next day; Saturday wraps to Sunday. */
    { "-05:00", 23, 30, CK_WEEKDAYS_MONDAY | CK_WEEKDAYS_FRIDAY | CK_WEEKDAYS_SATURDAY, "30 4 * * 0,2,6" },
    /* No crossing: the days stay. */
    { "+02:00", 12, 0, CK_WEEKDAYS_TUESDAY | CK_WEEKDAYS_THURSDAY, "0 10 * * 2,4" },
    /* Half-hour zones. */
    { "+05:30", 3, 0, CK_WEEKDAYS_SATURDAY, "30 21 * * 5" },
    { "UTC", 0, 0, CK_WEEKDAYS_ALL, "0 0 * * *" },
    { "-10:00", 20, 15, CK_WEEKDAYS_ALL, "15 6 * * *" },
  };
  g_autoptr(JsonObject) action = object_from ("{\"outlet\":0,\"switch\":\"on\"}");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GTimeZone) tz = zone (cases[i].zone);
      g_autoptr(CkTimer) timer = ck_timer_new_repeat_local (tz, cases[i].hour, cases[i].minute,
                                                            cases[i].days, action);
      g_autoptr(JsonObject) json = ck_timer_to_json (timer);
      g_autoptr(CkTimer) parsed = NULL;
      g_autoptr(GError) error = NULL;
      guint hour = 99, minute = 99;
      CkWeekdays days = 0;

      g_assert_cmpstr (json_object_get_string_member (json, "at"), ==, cases[i].cron);
      g_assert_cmpstr (json_object_get_string_member (json, "type"), ==, "repeat");
      g_assert_true (ck_timer_validate (timer, &error));
      g_assert_no_error (error);

      /* And back to the user's terms, from the JSON. */
      parsed = ck_timer_new_from_json (json, &error);
      g_assert_no_error (error);
      g_assert_true (ck_timer_get_repeat_local (parsed, tz, &hour, &minute, &days));
      g_assert_cmpuint (hour, ==, cases[i].hour);
      g_assert_cmpuint (minute, ==, cases[i].minute);
      g_assert_cmpint (days, ==, cases[i].days);
    }
}

static void
test_loop (void)
{
  g_autoptr(CkTimer) two = round_trip (
    "{\"enabled\":1,\"mId\":\"" MID_A "\",\"type\":\"duration\",\"coolkit_timer_type\":\"duration\","
    "\"at\":\"2018-11-21T10:24:00.980Z 10 5\",\"startDo\":{\"switch\":\"on\"},\"endDo\":{\"switch\":\"off\"}}");
  g_autoptr(CkTimer) one = round_trip (
    "{\"enabled\":1,\"mId\":\"" MID_B "\",\"type\":\"duration\",\"coolkit_timer_type\":\"duration\","
    "\"at\":\"2020-11-02T06:00:00.000Z 60\",\"do\":{\"outlet\":2,\"switch\":\"on\"}}");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) start = g_date_time_new (utc, 2024, 5, 6, 7, 8, 0);
  g_autoptr(JsonObject) on = object_from ("{\"switch\":\"on\",\"mainSwitch\":\"on\"}");
  g_autoptr(JsonObject) off = object_from ("{\"switch\":\"off\",\"mainSwitch\":\"off\"}");
  g_autoptr(CkTimer) made = ck_timer_new_loop (start, 60, 30, off, on);
  g_autoptr(CkTimer) single = ck_timer_new_loop (start, 15, 0, on, NULL);
  g_autoptr(JsonObject) made_json = ck_timer_to_json (made);
  g_autoptr(JsonObject) single_json = ck_timer_to_json (single);
  g_autoptr(CkTimer) equal = ck_timer_new_loop (start, 10, 10, on, off);
  g_autoptr(CkTimer) zero = ck_timer_new_loop (start, 10, 0, on, off);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (ck_timer_get_kind (two), ==, CK_TIMER_KIND_LOOP);
  g_assert_cmpuint (ck_timer_get_period (two), ==, 10);
  g_assert_cmpuint (ck_timer_get_interval (two), ==, 5);
  g_assert_nonnull (ck_timer_get_end_action (two));
  g_assert_cmpuint (ck_timer_get_period (one), ==, 60);
  g_assert_cmpuint (ck_timer_get_interval (one), ==, 0);
  g_assert_null (ck_timer_get_end_action (one));

  g_assert_cmpstr (json_object_get_string_member (made_json, "at"), ==, "2024-05-06T07:08:00.000Z 60 30");
  assert_object (json_object_get_object_member (made_json, "startDo"), "{\"switch\":\"off\",\"mainSwitch\":\"off\"}");
  assert_object (json_object_get_object_member (made_json, "endDo"), "{\"switch\":\"on\",\"mainSwitch\":\"on\"}");
  g_assert_false (json_object_has_member (made_json, "do"));
  g_assert_true (ck_timer_validate (made, NULL));

  g_assert_cmpstr (json_object_get_string_member (single_json, "at"), ==, "2024-05-06T07:08:00.000Z 15");
  g_assert_true (json_object_has_member (single_json, "do"));
  g_assert_false (json_object_has_member (single_json, "startDo"));
  g_assert_true (ck_timer_validate (single, NULL));

  /* 1 ≤ Q < P. */
  g_assert_false (ck_timer_validate (equal, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (ck_timer_validate (zero, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_parse_quirks (void)
{
  /* UP's " coolkit_timer_type" typo is read; the output has no space. The
   * members Relay does not model are kept. */
  g_autoptr(CkTimer) timer = timer_from (
    "{\"enabled\":1,\"mId\":\"" MID_A "\",\"type\":\"once\",\" coolkit_timer_type\":\"delay\","
    "\"at\":\"2017-07-24T09:10:43.223Z\",\"period\":\"5\",\"do\":{\"switch\":\"on\"},\"dtype\":7}");
  g_autoptr(JsonObject) json = ck_timer_to_json (timer);
  static const char *const broken[] = {
    "{\"enabled\":1,\"type\":\"once\",\"at\":\"2020-10-15T07:05:00.279Z\",\"do\":{}}",
    "{\"enabled\":1,\"mId\":\"x\",\"type\":\"repeat\",\"at\":\"61 8 * * 1\",\"do\":{\"switch\":\"on\"}}",
    "{\"enabled\":1,\"mId\":\"x\",\"type\":\"repeat\",\"at\":\"1 8 * * 7\",\"do\":{\"switch\":\"on\"}}",
    "{\"enabled\":1,\"mId\":\"x\",\"type\":\"weekly\",\"at\":\"1 8 * * 1\",\"do\":{\"switch\":\"on\"}}",
    "{\"enabled\":1,\"mId\":\"x\",\"type\":\"once\",\"at\":\"yesterday\",\"do\":{\"switch\":\"on\"}}",
    "{\"enabled\":1,\"mId\":\"x\",\"type\":\"duration\",\"at\":\"2020-10-15T07:05:00.279Z\",\"do\":{}}",
    "{\"enabled\":1,\"mId\":\"x\",\"type\":\"once\",\"at\":\"2020-10-15T07:05:00.279Z\"}",
  };

  g_assert_cmpint (ck_timer_get_kind (timer), ==, CK_TIMER_KIND_DELAY);
  g_assert_cmpstr (json_object_get_string_member (json, "coolkit_timer_type"), ==, "delay");
  g_assert_false (json_object_has_member (json, " coolkit_timer_type"));
  g_assert_cmpint (json_object_get_int_member (json, "dtype"), ==, 7);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(JsonObject) object = object_from (broken[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(CkTimer) bad = ck_timer_new_from_json (object, &error);

      g_assert_null (bad);
      g_assert_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE);
    }
}

static void
test_validate (void)
{
  g_autoptr(JsonObject) action = object_from ("{\"switch\":\"on\"}");
  g_autoptr(JsonObject) empty = json_object_new ();
  g_autoptr(CkTimer) no_days = ck_timer_new_repeat (8, 0, CK_WEEKDAYS_NONE, action);
  g_autoptr(CkTimer) late = ck_timer_new_repeat (24, 0, CK_WEEKDAYS_MONDAY, action);
  g_autoptr(CkTimer) nothing = ck_timer_new_repeat (8, 0, CK_WEEKDAYS_MONDAY, empty);
  g_autoptr(CkTimer) upper = ck_timer_new_repeat (8, 0, CK_WEEKDAYS_MONDAY, action);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2024, 1, 1, 0, 0, 0);
  g_autoptr(CkTimer) instant = ck_timer_new_delay (now, 0, action);
  CkTimer *invalid[] = { no_days, late, nothing, upper, instant };

  ck_timer_set_id (upper, "0C6C2E6A-1B7D-4D3E-9F01-2A3B4C5D6E7F");
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (ck_timer_validate (invalid[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_enabled_property (void)
{
  g_autoptr(JsonObject) action = object_from ("{\"switch\":\"on\"}");
  g_autoptr(CkTimer) timer = ck_timer_new_repeat (8, 0, CK_WEEKDAYS_MONDAY, action);
  guint notified = 0;

  g_signal_connect (timer, "notify::enabled", G_CALLBACK (count_notify), &notified);
  ck_timer_set_enabled (timer, TRUE);
  g_assert_cmpuint (notified, ==, 0);
  ck_timer_set_enabled (timer, FALSE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (ck_timer_get_enabled (timer));
}

#define TIMER_A "{\"enabled\":1,\"mId\":\"" MID_A "\",\"type\":\"repeat\",\"coolkit_timer_type\":\"repeat\"," \
                "\"at\":\"0 7 * * 1\",\"do\":{\"outlet\":0,\"switch\":\"on\"},\"extra\":\"kept\"}"
#define TIMER_B "{\"enabled\":1,\"mId\":\"" MID_B "\",\"type\":\"once\",\"coolkit_timer_type\":\"once\"," \
                "\"at\":\"2030-01-01T00:00:00.000Z\",\"do\":{\"outlet\":1,\"switch\":\"off\"}}"

static void
test_whole_array (void)
{
  g_autoptr(JsonArray) current = array_from ("[" TIMER_A "," TIMER_B ",\"junk\"]");
  const CkFamily *family = ck_catalog_lookup (2, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) action = ck_family_encode_timer_action (family, 1, TRUE, &error);
  g_autoptr(CkTimer) added = ck_timer_new_repeat (6, 45, CK_WEEKDAYS_SATURDAY, action);
  g_autoptr(CkTimer) edit = ck_timer_new_repeat (9, 0, CK_WEEKDAYS_FRIDAY, action);
  g_autoptr(JsonArray) with_added = NULL, duplicate = NULL, edited = NULL, removed = NULL, disabled = NULL;
  g_autoptr(JsonArray) missing = NULL;
  g_autoptr(JsonObject) added_json = ck_timer_to_json (added);
  g_autoptr(GPtrArray) parsed = ck_timers_parse (current);
  JsonObject *entry;

  g_assert_no_error (error);
  assert_object (action, "{\"outlet\":1,\"switch\":\"on\"}");
  /* The string entry is not a timer but stays in the array. */
  g_assert_cmpuint (parsed->len, ==, 2);

  with_added = ck_timers_add (current, added, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (with_added), ==, 4);
  entry = json_array_get_object_element (with_added, 3);
  g_assert_cmpstr (json_object_get_string_member (entry, "mId"), ==, ck_timer_get_id (added));
  g_assert_cmpstr (json_object_get_string_member (entry, "at"), ==,
                   json_object_get_string_member (added_json, "at"));
  g_assert_cmpuint (json_array_get_length (current), ==, 3);

  duplicate = ck_timers_add (with_added, added, &error);
  g_assert_null (duplicate);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* An edit keeps the mId, the position and the members Relay does not model. */
  ck_timer_set_id (edit, MID_A);
  edited = ck_timers_replace (current, edit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (edited), ==, 3);
  entry = json_array_get_object_element (edited, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "mId"), ==, MID_A);
  g_assert_cmpstr (json_object_get_string_member (entry, "at"), ==, "0 9 * * 5");
  g_assert_cmpstr (json_object_get_string_member (entry, "extra"), ==, "kept");
  g_assert_cmpstr (json_array_get_string_element (edited, 2), ==, "junk");

  removed = ck_timers_remove (current, MID_A, &error);
  g_assert_no_error (error);
  assert_array (removed, "[" TIMER_B ",\"junk\"]");

  disabled = ck_timers_set_enabled (current, MID_B, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (disabled, 1), "enabled"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (current, 1), "enabled"), ==, 1);

  missing = ck_timers_remove (current, "00000000-0000-0000-0000-000000000000", &error);
  g_assert_null (missing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_permits (void)
{
  g_autoptr(JsonArray) current = array_from ("[" TIMER_A "," TIMER_B "]");
  g_autoptr(JsonObject) action = object_from ("{\"outlet\":0,\"switch\":\"off\"}");
  g_autoptr(CkTimer) added = ck_timer_new_repeat (6, 45, CK_WEEKDAYS_SATURDAY, action);
  g_autoptr(CkTimer) edit = ck_timer_new_repeat (9, 0, CK_WEEKDAYS_FRIDAY, action);
  g_autoptr(JsonArray) with_added = ck_timers_add (current, added, NULL);
  g_autoptr(JsonArray) removed = ck_timers_remove (current, MID_B, NULL);
  g_autoptr(JsonArray) disabled = ck_timers_set_enabled (current, MID_A, FALSE, NULL);
  g_autoptr(JsonArray) edited = NULL;
  g_autoptr(JsonArray) edited_and_disabled = NULL;
  g_autoptr(JsonArray) same = array_from ("[" TIMER_A "," TIMER_B "]");
  g_autoptr(JsonArray) empty = json_array_new ();
  g_autoptr(GError) error = NULL;

  ck_timer_set_id (edit, MID_A);
  edited = ck_timers_replace (current, edit, NULL);
  ck_timer_set_enabled (edit, FALSE);
  edited_and_disabled = ck_timers_replace (current, edit, NULL);

  g_assert_cmpint (ck_timers_required_permit (current, same), ==, CK_PERMIT_NONE);
  g_assert_cmpint (ck_timers_required_permit (current, with_added), ==, CK_PERMIT_ADD_TIMER);
  g_assert_cmpint (ck_timers_required_permit (current, removed), ==, CK_PERMIT_DELETE_TIMER);
  g_assert_cmpint (ck_timers_required_permit (current, disabled), ==, CK_PERMIT_ENABLE_TIMER);
  g_assert_cmpint (ck_timers_required_permit (current, edited), ==, CK_PERMIT_EDIT_TIMER);
  g_assert_cmpint (ck_timers_required_permit (current, edited_and_disabled), ==,
                   CK_PERMIT_EDIT_TIMER | CK_PERMIT_ENABLE_TIMER);
  g_assert_cmpint (ck_timers_required_permit (current, empty), ==, CK_PERMIT_DELETE_TIMER);
  g_assert_cmpint (ck_timers_required_permit (NULL, current), ==, CK_PERMIT_ADD_TIMER);

  g_assert_true (ck_timers_check_permit (current, disabled, CK_PERMIT_ADD_TIMER | CK_PERMIT_ENABLE_TIMER, &error));
  g_assert_no_error (error);
  g_assert_true (ck_timers_check_permit (current, edited_and_disabled, CK_PERMIT_ALL, &error));
  g_assert_false (ck_timers_check_permit (current, removed, CK_PERMIT_ADD_TIMER | CK_PERMIT_ENABLE_TIMER, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_PERMITTED);
  g_assert_nonnull (strstr (error->message, "delete"));
  g_clear_error (&error);
  g_assert_false (ck_timers_check_permit (current, edited_and_disabled, CK_PERMIT_EDIT_TIMER, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_PERMITTED);
  g_assert_nonnull (strstr (error->message, "enable"));
}

/* Two fuzzing finds: the written form must parse back to the same timer. */
static void
test_round_trip_edges (void)
{
  /* A one-action loop with a stray Q: Q is meaningless without an end action. */
  g_autoptr(CkTimer) loop = timer_from (
    "{\"enabled\":1,\"mId\":\"" MID_A "\",\"type\":\"duration\",\"coolkit_timer_type\":\"duration\","
    "\"at\":\"2018-11-21T10:24:00.980Z 10 5\",\"do\":{\"switch\":\"on\"}}");
  /* A year below 1000 is written with four digits, as ISO 8601 wants. */
  g_autoptr(CkTimer) ancient = timer_from (
    "{\"enabled\":1,\"mId\":\"" MID_A "\",\"type\":\"once\",\"at\":\"0999-10-15T07:05:00.279Z\","
    "\"do\":{\"switch\":\"on\"}}");
  CkTimer *timers[] = { loop, ancient };

  g_assert_cmpuint (ck_timer_get_interval (loop), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (timers); i++)
    {
      g_autoptr(JsonObject) json = ck_timer_to_json (timers[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(CkTimer) again = ck_timer_new_from_json (json, &error);
      g_autoptr(JsonObject) json_again = NULL;
      g_autoptr(JsonNode) a = NULL;
      g_autoptr(JsonNode) b = NULL;

      g_assert_no_error (error);
      json_again = ck_timer_to_json (again);
      a = json_node_init_object (json_node_alloc (), json);
      b = json_node_init_object (json_node_alloc (), json_again);
      g_assert_true (json_node_equal (a, b));
    }
  {
    g_autoptr(JsonObject) written = ck_timer_to_json (ancient);

    g_assert_true (g_str_has_prefix (json_object_get_string_member (written, "at"), "0999-10-15T07:05:00"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timer/once", test_once);
  g_test_add_func ("/timer/delay", test_delay);
  g_test_add_func ("/timer/repeat", test_repeat);
  g_test_add_func ("/timer/repeat-local-time", test_repeat_local_time);
  g_test_add_func ("/timer/loop", test_loop);
  g_test_add_func ("/timer/parse-quirks", test_parse_quirks);
  g_test_add_func ("/timer/round-trip-edges", test_round_trip_edges);
  g_test_add_func ("/timer/validate", test_validate);
  g_test_add_func ("/timer/enabled-property", test_enabled_property);
  g_test_add_func ("/timer/whole-array", test_whole_array);
  g_test_add_func ("/timer/permits", test_permits);

  return g_test_run ();
}
