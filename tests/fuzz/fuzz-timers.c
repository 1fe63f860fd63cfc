/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "fuzz-timers"

/* Timers (spec §7): a `timers` array or one timer object through CkTimer,
 * whose round trip must be stable (parse → to_json → parse gives the same
 * timer and the same JSON), the whole-array helpers, and the simulator's
 * checks of the same array. Input that is not JSON is taken as the `at` of
 * a repeat (cron), once, delay and loop timer, to reach those parsers. */

#include "fuzz-common.h"

#include <string.h>

#include "ck-error.h"
#include "ck-timer.h"
#include "cksim-timers.h"

#define TIMER_ID "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

static GTimeZone *zones[3];

static gint64
at_ms (CkTimer *timer)
{
  GDateTime *at = ck_timer_get_at (timer);

  return at != NULL ? g_date_time_to_unix (at) * 1000 + g_date_time_get_microsecond (at) / 1000 : -1;
}

static void
compare_timers (CkTimer    *first,
                CkTimer    *second,
                const char *text)
{
  guint h1 = 0, m1 = 0, h2 = 0, m2 = 0;
  CkWeekdays d1 = 0, d2 = 0;
  gboolean r1, r2;

  if (g_strcmp0 (ck_timer_get_id (first), ck_timer_get_id (second)) != 0
      || ck_timer_get_kind (first) != ck_timer_get_kind (second)
      || ck_timer_get_enabled (first) != ck_timer_get_enabled (second)
      || ck_timer_get_period (first) != ck_timer_get_period (second)
      || ck_timer_get_interval (first) != ck_timer_get_interval (second)
      || at_ms (first) != at_ms (second))
    fuzz_fail ("timer round trip changed the timer: %s", text);

  r1 = ck_timer_get_repeat (first, &h1, &m1, &d1);
  r2 = ck_timer_get_repeat (second, &h2, &m2, &d2);
  if (r1 != r2 || h1 != h2 || m1 != m2 || d1 != d2)
    fuzz_fail ("timer round trip changed the repeat time: %s", text);
  if ((ck_timer_get_end_action (first) == NULL) != (ck_timer_get_end_action (second) == NULL))
    fuzz_fail ("timer round trip changed the end action: %s", text);
}

static void
read_timer (CkTimer *timer)
{
  g_autoptr(GError) error = NULL;
  JsonObject *action = ck_timer_get_action (timer);
  gint channel;
  gboolean on;

  if (action == NULL)
    fuzz_fail ("a parsed timer without an action");
  (void) ck_timer_action_get_switch (action, &channel, &on);
  if (ck_timer_get_end_action (timer) != NULL)
    (void) ck_timer_action_get_switch (ck_timer_get_end_action (timer), &channel, &on);

  if (!ck_timer_validate (timer, &error) && error == NULL)
    fuzz_fail ("ck_timer_validate failed without an error");

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      guint hour, minute, utc_hour, utc_minute;
      CkWeekdays days, utc_days;

      if (ck_timer_get_repeat_local (timer, zones[i], &hour, &minute, &days))
        {
          ck_timer_local_to_utc (zones[i], hour, minute, days, &utc_hour, &utc_minute, &utc_days);
          if (!ck_timer_get_repeat (timer, &hour, &minute, &days))
            fuzz_fail ("a repeat timer in local time only");
          if (utc_hour != hour || utc_minute != minute || utc_days != (days & CK_WEEKDAYS_ALL))
            fuzz_fail ("local time does not convert back to %u:%02u days 0x%x", hour, minute, days);
        }
    }
}

static void
check_round_trip (CkTimer *timer)
{
  g_autoptr(JsonObject) first_json = ck_timer_to_json (timer);
  g_autoptr(JsonNode) first_node = json_node_init_object (json_node_alloc (), first_json);
  g_autofree char *first_text = fuzz_node_to_string (first_node);
  g_autoptr(GError) error = NULL;
  g_autoptr(CkTimer) again = ck_timer_new_from_json (first_json, &error);
  g_autoptr(JsonObject) second_json = NULL;
  g_autoptr(JsonNode) second_node = NULL;
  g_autofree char *second_text = NULL;

  if (again == NULL)
    fuzz_fail ("a timer's own JSON does not parse (%s): %s", error->message, first_text);

  second_json = ck_timer_to_json (again);
  second_node = json_node_init_object (json_node_alloc (), second_json);
  second_text = fuzz_node_to_string (second_node);
  if (strcmp (first_text, second_text) != 0)
    fuzz_fail ("timer JSON not stable:\n  %s\n  %s", first_text, second_text);
  compare_timers (timer, again, first_text);

  read_timer (timer);
}

/* The whole-array helpers on an array holding @timer's entry. */
static void
edit_array (JsonArray *current,
            CkTimer   *timer)
{
  const char *id = ck_timer_get_id (timer);
  GError *error = NULL;
  JsonArray *result;

  result = ck_timers_add (current, timer, &error);
  if ((result == NULL) == (error == NULL))
    fuzz_fail ("ck_timers_add: a result and an error, or neither");
  g_clear_pointer (&result, json_array_unref);
  g_clear_error (&error);

  result = ck_timers_replace (current, timer, &error);
  if (result == NULL)
    fuzz_fail ("ck_timers_replace refused a timer of the array: %s", error ? error->message : "?");
  g_clear_pointer (&result, json_array_unref);

  result = ck_timers_set_enabled (current, id, !ck_timer_get_enabled (timer), &error);
  if (result == NULL)
    fuzz_fail ("ck_timers_set_enabled refused a timer of the array: %s", error ? error->message : "?");
  /* (With repeated mIds an entry's counterpart is ambiguous.) */
  if (json_array_get_length (current) == 1
      && (ck_timers_required_permit (current, result) & ~CK_PERMIT_ENABLE_TIMER) != 0)
    fuzz_fail ("enabling a timer needs more than the enable permit");
  g_clear_pointer (&result, json_array_unref);

  result = ck_timers_remove (current, id, &error);
  if (result == NULL)
    fuzz_fail ("ck_timers_remove refused a timer of the array: %s", error ? error->message : "?");
  g_clear_pointer (&result, json_array_unref);
}

static void
fuzz_array (JsonNode *node)
{
  JsonArray *array = json_node_get_array (node);
  g_autoptr(GPtrArray) timers = ck_timers_parse (array);
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  gboolean sim_accepts;

  for (guint i = 0; i < timers->len; i++)
    {
      check_round_trip (g_ptr_array_index (timers, i));
      edit_array (array, g_ptr_array_index (timers, i));
    }

  (void) ck_timers_required_permit (array, array);
  (void) ck_timers_required_permit (NULL, array);
  (void) ck_timers_required_permit (array, NULL);
  if (!ck_timers_check_permit (array, array, CK_PERMIT_ALL, &error))
    fuzz_fail ("all permits do not allow an unchanged array: %s", error->message);

  /* What the simulated cloud accepts, the client must understand. */
  sim_accepts = cksim_timers_check (node, G_MAXUINT, FALSE, &reason);
  if (sim_accepts && timers->len != json_array_get_length (array))
    fuzz_fail ("the simulator accepts timers the client cannot parse");
  g_clear_pointer (&reason, g_free);
  (void) cksim_timers_check (node, 16, TRUE, &reason);
  (void) cksim_timers_needed_permit (array, array);
  (void) cksim_timers_needed_permit (NULL, array);
}

static void
fuzz_object (JsonObject *object)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CkTimer) timer = ck_timer_new_from_json (object, &error);
  g_autoptr(JsonArray) entries = json_array_new ();
  g_autoptr(JsonNode) array = json_node_init_array (json_node_alloc (), entries);

  if (timer == NULL)
    {
      if (error == NULL || error->domain != CK_ERROR)
        fuzz_fail ("a timer refused without a CK_ERROR");
      return;
    }
  check_round_trip (timer);
  json_array_add_object_element (entries, json_object_ref (object));
  fuzz_array (array);
}

/* @text as the `at` (and `period`) of every kind of timer. */
static void
fuzz_at (const char *text)
{
  static const char * const templates[] = {
    "{\"type\":\"repeat\",\"coolkit_timer_type\":\"repeat\",\"do\":{\"switch\":\"on\"}}",
    "{\"type\":\"once\",\"coolkit_timer_type\":\"once\",\"do\":{\"switch\":\"on\"}}",
    "{\"type\":\"once\",\"coolkit_timer_type\":\"delay\",\"period\":\"5\",\"do\":{\"switch\":\"on\"}}",
    "{\"type\":\"duration\",\"coolkit_timer_type\":\"duration\",\"do\":{\"switch\":\"on\"}}",
    "{\"type\":\"duration\",\"coolkit_timer_type\":\"duration\",\"startDo\":{\"switch\":\"on\"},\"endDo\":{\"switch\":\"off\"}}",
    "{\"type\":\"once\",\"coolkit_timer_type\":\"delay\",\"at\":\"2020-10-15T07:05:00.279Z\",\"do\":{\"switch\":\"on\"}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (templates[i], NULL);
      JsonObject *object = json_node_get_object (node);

      json_object_set_string_member (object, "mId", TIMER_ID);
      json_object_set_int_member (object, "enabled", 1);
      json_object_set_string_member (object, json_object_has_member (object, "at") ? "period" : "at", text);
      fuzz_object (object);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = NULL;

  if (zones[0] == NULL)
    {
      zones[0] = g_time_zone_new_utc ();
      zones[1] = g_time_zone_new_offset (5 * 3600 + 30 * 60);
      zones[2] = g_time_zone_new_offset (-9 * 3600);
    }

  root = fuzz_parse_json (data, size);
  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    fuzz_array (root);
  else if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    fuzz_object (json_node_get_object (root));
  else if (root == NULL && size < 256)
    {
      g_autofree char *text = fuzz_dup_text (data, size);
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      fuzz_at (valid);
    }
  return 0;
}
