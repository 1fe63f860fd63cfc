/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-client-typed"

/* CkClient's typed commands and timer edits against the in-process
 * simulator: the simulator's params change exactly as the catalog encodes
 * the value, and what cannot be sent is refused before anything goes out. */

#include "api-test-util.h"

#include <string.h>

#include "ck-catalog.h"
#include "ck-json.h"
#include "ck-timer.h"

#define DESK_LAMP "1000a1b201"   /* UIID 104, B05, on */

typedef struct
{
  ApiFixture  live;
  CkClient    *client;
  guint        started;     /* "command-started" emissions */
  GPtrArray   *sent;        /* (JsonObject) params of each command, in order */
} Fixture;

static void
command_started_cb (CkClient  *client,
                    CkCommand *command,
                    Fixture   *fixture)
{
  fixture->started++;
  g_ptr_array_add (fixture->sent, json_object_ref (ck_command_get_params (command)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  api_fixture_set_up (&fixture->live, data);
  fixture->client = live_new_demo_client (&fixture->live);
  fixture->sent = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_signal_connect (fixture->client, "command-started", G_CALLBACK (command_started_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->sent, g_ptr_array_unref);
  api_fixture_tear_down (&fixture->live, data);
}

static JsonObject *
sim_params (Fixture    *fixture,
            const char *device_id)
{
  JsonObject *params = cksim_server_get_device_params (fixture->live.sim, device_id);

  g_assert_nonnull (params);
  return params;
}

typedef gboolean (*FinishFunc) (CkClient *, GAsyncResult *, GError **);

/* Waits for the call stored in @result and finishes it with @finish. */
static gboolean
finish_call (CkClient      *client,
             GAsyncResult **result,
             FinishFunc     finish,
             GError       **error)
{
  gboolean ok = finish (client, api_wait_result (result), error);

  g_clear_object (result);
  return ok;
}

/* ------------------------------------------------------------------------ */

static void
test_brightness_dimmer (Fixture       *fixture,
                        gconstpointer  data)
{
  CkDevice *dimmer = live_device (fixture->client, DIMMER);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  gint64 brightness = 0;

  ck_client_set_brightness_async (fixture->client, dimmer, 40, NULL, api_store_result_cb, &result);
  /* Shown at once, before the ack. */
  g_assert_cmpint (ck_device_get_brightness (dimmer), ==, 40);
  g_assert_true (ck_device_get_pending (dimmer));
  g_assert_true (finish_call (fixture->client, &result, ck_client_set_brightness_finish, &error));
  g_assert_no_error (error);

  g_assert_false (ck_device_get_pending (dimmer));
  g_assert_cmpint (ck_device_get_brightness (dimmer), ==, 40);
  g_assert_true (ck_device_get_power (dimmer));
  g_assert_true (json_object_has_member (sim_params (fixture, DIMMER), "brightness"));
  brightness = json_object_get_int_member (sim_params (fixture, DIMMER), "brightness");
  g_assert_cmpint (brightness, ==, 40);
  g_assert_cmpstr (json_object_get_string_member (sim_params (fixture, DIMMER), "switch"), ==, "on");
}

static void
test_color_desk_lamp (Fixture       *fixture,
                      gconstpointer  data)
{
  CkDevice *lamp = live_device (fixture->client, DESK_LAMP);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  guint32 rgb = 0;

  ck_client_set_color_async (fixture->client, lamp, 0x00ff40, NULL, api_store_result_cb, &result);
  g_assert_cmpuint (ck_device_get_color (lamp), ==, 0x00ff40);
  g_assert_true (finish_call (fixture->client, &result, ck_client_set_color_finish, &error));
  g_assert_no_error (error);

  /* The lamp was on: one command, no power-on first. */
  g_assert_cmpuint (fixture->started, ==, 1);
  g_assert_true (ck_family_decode_color (ck_device_get_family (lamp), sim_params (fixture, DESK_LAMP), &rgb));
  g_assert_cmpuint (rgb, ==, 0x00ff40);
  g_assert_cmpuint (ck_device_get_color (lamp), ==, 0x00ff40);
}

static void
test_channel_aquarium (Fixture       *fixture,
                       gconstpointer  data)
{
  CkDevice *aquarium = live_device (fixture->client, AQUARIUM);
  const CkFamily *family = ck_device_get_family (aquarium);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  gboolean on = FALSE;

  g_assert_false (ck_device_get_channel (aquarium, 1));
  ck_client_set_channel_async (fixture->client, aquarium, 1, TRUE, NULL, api_store_result_cb, &result);
  g_assert_true (ck_device_get_channel (aquarium, 1));
  g_assert_true (finish_call (fixture->client, &result, ck_client_set_channel_finish, &error));
  g_assert_no_error (error);

  g_assert_true (ck_family_decode_channel (family, sim_params (fixture, AQUARIUM), 1, &on));
  g_assert_true (on);
  /* The other channels as they were (demo: on, -, on, off). */
  g_assert_true (ck_family_decode_channel (family, sim_params (fixture, AQUARIUM), 0, &on));
  g_assert_true (on);
  g_assert_true (ck_family_decode_channel (family, sim_params (fixture, AQUARIUM), 3, &on));
  g_assert_false (on);
  g_assert_cmpuint (ck_device_get_channels (aquarium), ==, 0x7);
}

static void
test_fan_bedroom (Fixture       *fixture,
                  gconstpointer  data)
{
  CkDevice *fan = live_device (fixture->client, BEDROOM_FAN);
  const CkFamily *family = ck_device_get_family (fan);
  const guint levels[] = { CK_FAN_SPEED_HIGH, CK_FAN_SPEED_LOW, CK_FAN_SPEED_MEDIUM };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autoptr(GError) error = NULL;
      GAsyncResult *result = NULL;
      guint level = 99;

      ck_client_set_fan_async (fixture->client, fan, levels[i], NULL, api_store_result_cb, &result);
      g_assert_true (finish_call (fixture->client, &result, ck_client_set_fan_finish, &error));
      g_assert_no_error (error);
      g_assert_true (ck_family_decode_fan (family, sim_params (fixture, BEDROOM_FAN), &level));
      g_assert_cmpuint (level, ==, levels[i]);
      g_assert_cmpint (ck_device_get_fan_speed (fan), ==, (gint) levels[i]);
    }
}

/* The porch bulb (B02) is off in the demo: power-on, its ack, then the ct. */
static void
test_ct_bulb_off_powers_on_first (Fixture       *fixture,
                                  gconstpointer  data)
{
  CkDevice *bulb = live_device (fixture->client, PORCH_BULB);
  const CkFamily *family = ck_device_get_family (bulb);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  gint value = 0;
  gint min = 0;
  gint max = 0;
  gboolean on = FALSE;

  g_assert_false (ck_device_get_power (bulb));
  g_assert_cmpint (ck_device_get_color_temperature_unit (bulb), ==, CK_COLOR_TEMPERATURE_UNIT_KELVIN);
  ck_device_get_color_temperature_range (bulb, &min, &max);
  g_assert_cmpint (min, <=, 3000);
  g_assert_cmpint (max, >=, 3000);

  ck_client_set_color_temperature_async (fixture->client, bulb, 3000, NULL, api_store_result_cb, &result);
  /* The requested value shows at once, power-on included. */
  g_assert_true (ck_device_get_power (bulb));
  g_assert_cmpint (ABS (ck_device_get_color_temperature (bulb) - 3000), <=, 50);
  g_assert_true (finish_call (fixture->client, &result, ck_client_set_color_temperature_finish, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (fixture->sent->len, ==, 2);
  g_assert_true (ck_family_decode_power (family, g_ptr_array_index (fixture->sent, 0), &on));
  g_assert_true (on);
  g_assert_false (ck_family_decode_power (family, g_ptr_array_index (fixture->sent, 1), &on));

  g_assert_true (ck_family_decode_power (family, sim_params (fixture, PORCH_BULB), &on));
  g_assert_true (on);
  g_assert_true (ck_family_decode_color_temperature (family, sim_params (fixture, PORCH_BULB), &value));
  g_assert_cmpint (ABS (value - 3000), <=, 50);
  g_assert_cmpint (ck_device_get_color_temperature (bulb), ==, value);
}

static void
test_refused_locally (Fixture       *fixture,
                      gconstpointer  data)
{
  CkDevice *dimmer = live_device (fixture->client, DIMMER);
  CkDevice *plug = live_device (fixture->client, KITCHEN_PLUG);
  g_autofree char *before = ck_json_object_to_string (sim_params (fixture, DIMMER));
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  ck_client_set_brightness_async (fixture->client, dimmer, 150, NULL, api_store_result_cb, &result);
  g_assert_false (finish_call (fixture->client, &result, ck_client_set_brightness_finish, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_INVALID_VALUE);
  g_assert_cmpint (ck_device_get_brightness (dimmer), ==, 60);
  g_assert_false (ck_device_get_pending (dimmer));
  g_clear_error (&error);

  ck_client_set_color_async (fixture->client, plug, 0xff0000, NULL, api_store_result_cb, &result);
  g_assert_false (finish_call (fixture->client, &result, ck_client_set_color_finish, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_SUPPORTED);

  /* Nothing was sent. */
  g_assert_cmpuint (fixture->started, ==, 0);
  after = ck_json_object_to_string (sim_params (fixture, DIMMER));
  g_assert_cmpstr (before, ==, after);
}

/* ------------------------------------------------------------------------ */
/* Timers                                                                    */

static JsonArray *
sim_timers (Fixture    *fixture,
            const char *device_id)
{
  JsonArray *timers = json_object_get_array_member (sim_params (fixture, device_id), "timers");

  g_assert_nonnull (timers);
  return timers;
}

static CkTimer *
new_repeat_timer (CkDevice *device,
                  guint     hour,
                  gboolean  on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) action = ck_family_encode_timer_action (ck_device_get_family (device), -1, on, &error);

  g_assert_no_error (error);
  return ck_timer_new_repeat (hour, 30, CK_WEEKDAYS_MONDAY | CK_WEEKDAYS_FRIDAY, action);
}

static void
timer_call_ok (Fixture      *fixture,
               GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = result;

  g_assert_true (finish_call (fixture->client, &slot, ck_client_timer_finish, &error));
  g_assert_no_error (error);
}

static void
test_timers_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  CkDevice *plug = live_device (fixture->client, KITCHEN_PLUG);
  g_autoptr(CkTimer) timer = new_repeat_timer (plug, 7, TRUE);
  g_autoptr(CkTimer) edited = new_repeat_timer (plug, 21, FALSE);
  g_autoptr(CkTimer) second = new_repeat_timer (plug, 9, TRUE);
  const char *id = ck_timer_get_id (timer);
  GAsyncResult *result = NULL;
  JsonObject *entry;

  /* Add two. */
  ck_client_add_timer_async (fixture->client, plug, timer, NULL, api_store_result_cb, &result);
  timer_call_ok (fixture, api_wait_result (&result));
  result = NULL;
  ck_client_add_timer_async (fixture->client, plug, second, NULL, api_store_result_cb, &result);
  timer_call_ok (fixture, api_wait_result (&result));
  result = NULL;
  g_assert_cmpuint (json_array_get_length (sim_timers (fixture, KITCHEN_PLUG)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ck_device_get_timers (plug)), ==, 2);
  entry = json_array_get_object_element (sim_timers (fixture, KITCHEN_PLUG), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "mId"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (entry, "at"), ==, "30 7 * * 1,5");

  /* Edit: the same mId, a new time and action; the other stays. */
  ck_timer_set_id (edited, id);
  ck_client_edit_timer_async (fixture->client, plug, edited, NULL, api_store_result_cb, &result);
  timer_call_ok (fixture, api_wait_result (&result));
  result = NULL;
  g_assert_cmpuint (json_array_get_length (sim_timers (fixture, KITCHEN_PLUG)), ==, 2);
  entry = json_array_get_object_element (sim_timers (fixture, KITCHEN_PLUG), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "mId"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (entry, "at"), ==, "30 21 * * 1,5");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "do"), "switch"),
                   ==, "off");

  /* Disable. */
  ck_client_enable_timer_async (fixture->client, plug, id, FALSE, NULL, api_store_result_cb, &result);
  timer_call_ok (fixture, api_wait_result (&result));
  result = NULL;
  entry = json_array_get_object_element (sim_timers (fixture, KITCHEN_PLUG), 0);
  g_assert_cmpint (json_object_get_int_member (entry, "enabled"), ==, 0);
  {
    g_autoptr(CkTimer) shown = g_list_model_get_item (ck_device_get_timers (plug), 0);

    g_assert_false (ck_timer_get_enabled (shown));
  }

  /* Remove. */
  ck_client_remove_timer_async (fixture->client, plug, id, NULL, api_store_result_cb, &result);
  timer_call_ok (fixture, api_wait_result (&result));
  result = NULL;
  g_assert_cmpuint (json_array_get_length (sim_timers (fixture, KITCHEN_PLUG)), ==, 1);
  entry = json_array_get_object_element (sim_timers (fixture, KITCHEN_PLUG), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "mId"), ==, ck_timer_get_id (second));
  g_assert_cmpuint (g_list_model_get_n_items (ck_device_get_timers (plug)), ==, 1);

  /* An unknown id is refused before sending. */
  ck_client_remove_timer_async (fixture->client, plug, id, NULL, api_store_result_cb, &result);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (finish_call (fixture->client, &result, ck_client_timer_finish, &error));
    g_assert_error (error, CK_ERROR, CK_ERROR_NOT_FOUND);
  }
  g_assert_cmpuint (fixture->started, ==, 5);
}

/* The device refuses a timer beyond its limit: shown as it is, rolled back. */
static void
test_timers_device_refusal (Fixture       *fixture,
                            gconstpointer  data)
{
  CkDevice *plug = live_device (fixture->client, KITCHEN_PLUG);
  g_autoptr(CkTimer) first = new_repeat_timer (plug, 7, TRUE);
  g_autoptr(CkTimer) second = new_repeat_timer (plug, 8, TRUE);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  g_object_set (fixture->live.sim, "timer-limit", 1, NULL);
  ck_client_add_timer_async (fixture->client, plug, first, NULL, api_store_result_cb, &result);
  timer_call_ok (fixture, api_wait_result (&result));
  result = NULL;

  ck_client_add_timer_async (fixture->client, plug, second, NULL, api_store_result_cb, &result);
  g_assert_cmpuint (g_list_model_get_n_items (ck_device_get_timers (plug)), ==, 2);   /* pending */
  g_assert_false (finish_call (fixture->client, &result, ck_client_timer_finish, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_DEVICE_REJECTED);
  g_assert_nonnull (strstr (error->message, "400"));
  g_assert_cmpuint (json_array_get_length (sim_timers (fixture, KITCHEN_PLUG)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ck_device_get_timers (plug)), ==, 1);
}

static void
count_started_cb (CkClient  *client,
                  CkCommand *command,
                  guint     *count)
{
  (*count)++;
}

/* A sharee without the enable bit is refused locally; the add bit works. */
static void
test_timers_sharee_permit (Fixture       *fixture,
                           gconstpointer  data)
{
  CkDevice *plug = live_device (fixture->client, KITCHEN_PLUG);
  g_autoptr(CkApi) guest_api = NULL;
  g_autoptr(CkClient) guest = NULL;
  g_autoptr(CkTimer) timer = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  CkDevice *shared;
  guint guest_started = 0;

  /* The owner narrows the demo share (15) to "add timers" only. */
  ck_client_update_share_async (fixture->client, plug, CKSIM_DEMO_GUEST_EMAIL, CK_PERMIT_ADD_TIMER,
                                "test", NULL, api_store_result_cb, &result);
  g_assert_true (ck_client_update_share_finish (fixture->client, api_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  guest_api = live_new_api (&fixture->live, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET,
                            CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
  guest = live_new_client (guest_api);
  live_connect (guest);
  g_signal_connect (guest, "command-started", G_CALLBACK (count_started_cb), &guest_started);
  shared = live_device (guest, KITCHEN_PLUG);
  g_assert_nonnull (ck_device_get_shared_by (shared));
  g_assert_cmpint (ck_device_get_permit (shared), ==, CK_PERMIT_ADD_TIMER);

  timer = new_repeat_timer (shared, 6, TRUE);
  ck_client_add_timer_async (guest, shared, timer, NULL, api_store_result_cb, &result);
  g_assert_true (finish_call (guest, &result, ck_client_timer_finish, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (sim_timers (fixture, KITCHEN_PLUG)), ==, 1);
  g_assert_cmpuint (guest_started, ==, 1);

  ck_client_enable_timer_async (guest, shared, ck_timer_get_id (timer), FALSE, NULL,
                                api_store_result_cb, &result);
  g_assert_false (finish_call (guest, &result, ck_client_timer_finish, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_PERMITTED);
  g_clear_error (&error);

  ck_client_remove_timer_async (guest, shared, ck_timer_get_id (timer), NULL, api_store_result_cb, &result);
  g_assert_false (finish_call (guest, &result, ck_client_timer_finish, &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_PERMITTED);

  /* Refused locally: nothing more went out, the simulator kept the timer enabled. */
  g_assert_cmpuint (guest_started, ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (sim_timers (fixture, KITCHEN_PLUG), 0),
                                               "enabled"), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/client-typed/brightness-dimmer", test_brightness_dimmer);
  ADD ("/client-typed/color-desk-lamp", test_color_desk_lamp);
  ADD ("/client-typed/channel-aquarium", test_channel_aquarium);
  ADD ("/client-typed/fan-bedroom", test_fan_bedroom);
  ADD ("/client-typed/ct-bulb-off-powers-on-first", test_ct_bulb_off_powers_on_first);
  ADD ("/client-typed/refused-locally", test_refused_locally);
  ADD ("/client-typed/timers-round-trip", test_timers_round_trip);
  ADD ("/client-typed/timers-device-refusal", test_timers_device_refusal);
  ADD ("/client-typed/timers-sharee-permit", test_timers_sharee_permit);

#undef ADD

  return g_test_run ();
}
