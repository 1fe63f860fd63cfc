/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-live-share"

#include "ck-json.h"
#include "api-test-util.h"

/* share / updateShare / cancelShare (spec §4.9, §8.5) against receivers
 * that accept, refuse or never answer. */

typedef struct
{
  CkClient *owner;
  CkClient *guest;
} Parties;

/* The demo owner and the guest, both online (a receiver must be online). */
static void
parties_connect (ApiFixture *fixture,
                 Parties    *parties)
{
  g_autoptr(CkApi) api = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET,
                                       CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);

  parties->owner = live_new_demo_client (fixture);
  parties->guest = live_new_client (api);
  live_connect (parties->guest);
}

static void
parties_clear (Parties *parties)
{
  g_clear_object (&parties->owner);
  g_clear_object (&parties->guest);
}

static CkShareResult
share (CkClient    *client,
       const char  *device_id,
       const char  *uid,
       guint        permit,
       GError     **error)
{
  GAsyncResult *result = NULL;
  CkShareResult value;

  ck_client_share_async (client, live_device (client, device_id), uid, permit, "From the test",
                         NULL, api_store_result_cb, &result);
  value = ck_client_share_finish (client, api_wait_result (&result), error);
  g_clear_object (&result);
  return value;
}

/* The guest's device list, fetched again; the entry for @device_id or NULL. */
static JsonObject *
guest_entry (CkClient   *guest,
             const char *device_id)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  CkDevice *device;

  ck_client_refresh_async (guest, NULL, api_store_result_cb, &result);
  g_assert_true (ck_client_refresh_finish (guest, api_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  device = ck_device_list_lookup (ck_client_get_devices (guest), device_id);
  return device != NULL ? ck_device_get_params (device) : NULL;
}

/* The share record the simulator holds for @device_id, or NULL. */
static JsonObject *
sim_share (ApiFixture *fixture,
           JsonNode   *dump,
           const char *device_id)
{
  JsonArray *devices = json_object_get_array_member (json_node_get_object (dump), "devices");

  for (guint i = 0; i < json_array_get_length (devices); i++)
    {
      JsonObject *device = json_array_get_object_element (devices, i);
      JsonArray *shares;

      if (g_strcmp0 (ck_json_get_string (device, "deviceid"), device_id) != 0)
        continue;
      shares = ck_json_get_array (device, "shares");
      return shares != NULL && json_array_get_length (shares) > 0
             ? json_array_get_object_element (shares, 0) : NULL;
    }
  return NULL;
}

static void
test_share_accepted (ApiFixture    *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) list = NULL;
  Parties parties;

  parties_connect (fixture, &parties);
  g_assert_null (guest_entry (parties.guest, HALL_LIGHT));

  g_assert_cmpint (share (parties.owner, HALL_LIGHT, CKSIM_DEMO_GUEST_EMAIL, 1 | 2 | 8, &error),
                   ==, CK_SHARE_RESULT_ACCEPTED);
  g_assert_no_error (error);

  /* It is in the guest's list now, with sharedBy. */
  g_assert_nonnull (guest_entry (parties.guest, HALL_LIGHT));
  list = api_list_devices (ck_client_get_api (parties.guest), &error);
  g_assert_no_error (error);
  g_assert_nonnull (ck_json_get_object (api_find_listed (list, HALL_LIGHT), "sharedBy"));

  /* The same receiver again: already shared. */
  g_assert_cmpint (share (parties.owner, HALL_LIGHT, CKSIM_DEMO_GUEST_EMAIL, 0, &error),
                   ==, CK_SHARE_RESULT_ALREADY_SHARED);
  g_assert_no_error (error);
  /* Nobody by that name. */
  g_assert_cmpint (share (parties.owner, HALL_LIGHT, "nobody@relay.example", 0, &error),
                   ==, CK_SHARE_RESULT_NO_SUCH_USER);
  g_assert_no_error (error);
  parties_clear (&parties);
}

static void
test_share_refused (ApiFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Parties parties;

  parties_connect (fixture, &parties);
  api_sim_post (fixture, "share-policy", "{\"email\":\"" CKSIM_DEMO_GUEST_EMAIL "\",\"policy\":\"refuse\"}");
  g_assert_cmpint (share (parties.owner, HALL_LIGHT, CKSIM_DEMO_GUEST_EMAIL, 15, &error),
                   ==, CK_SHARE_RESULT_REFUSED);
  g_assert_no_error (error);
  g_assert_null (guest_entry (parties.guest, HALL_LIGHT));
  parties_clear (&parties);
}

/* No answer: 504 after the receiver's deadline, then 3 minutes (on the
 * simulator's clock) before the same receiver can be asked again. */
static void
test_share_timed_out (ApiFixture    *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Parties parties;
  gint64 start;

  parties_connect (fixture, &parties);
  g_object_set (fixture->sim, "share-timeout-ms", 150, NULL);
  g_assert_true (cksim_server_set_share_policy (fixture->sim, CKSIM_DEMO_GUEST_EMAIL, "timeout"));

  start = g_get_monotonic_time ();
  g_assert_cmpint (share (parties.owner, HALL_LIGHT, CKSIM_DEMO_GUEST_EMAIL, 15, &error),
                   ==, CK_SHARE_RESULT_FAILED);
  g_assert_error (error, CK_ERROR, CK_ERROR_TIMEOUT);
  g_clear_error (&error);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 150 * 1000);

  /* Cool-down: refused at once even though the receiver would accept now. */
  g_assert_true (cksim_server_set_share_policy (fixture->sim, CKSIM_DEMO_GUEST_EMAIL, "accept"));
  start = g_get_monotonic_time ();
  g_assert_cmpint (share (parties.owner, HALL_LIGHT, CKSIM_DEMO_GUEST_EMAIL, 15, &error),
                   ==, CK_SHARE_RESULT_FAILED);
  g_assert_error (error, CK_ERROR, CK_ERROR_TIMEOUT);
  g_clear_error (&error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 150 * 1000);

  cksim_server_advance_clock (fixture->sim, 181);
  g_assert_cmpint (share (parties.owner, HALL_LIGHT, CKSIM_DEMO_GUEST_EMAIL, 15, &error),
                   ==, CK_SHARE_RESULT_ACCEPTED);
  g_assert_no_error (error);

  /* A receiver with no session cannot answer either. */
  g_clear_object (&parties.guest);
  api_run_for (50);
  g_assert_cmpint (share (parties.owner, PORCH_BULB, CKSIM_DEMO_GUEST_EMAIL, 0, &error),
                   ==, CK_SHARE_RESULT_FAILED);
  g_assert_error (error, CK_ERROR, CK_ERROR_TIMEOUT);
  parties_clear (&parties);
}

/* A sharee cannot share (403). */
static void
test_sharee_forbidden (ApiFixture    *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Parties parties;

  parties_connect (fixture, &parties);
  g_assert_cmpint (share (parties.guest, KITCHEN_PLUG, CKSIM_DEMO_EMAIL, 0, &error),
                   ==, CK_SHARE_RESULT_FAILED);
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_PERMITTED);
  parties_clear (&parties);
}

static gboolean
update_share (CkClient    *client,
              const char  *uid,
              guint        permit,
              const char  *note,
              GError     **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  ck_client_update_share_async (client, live_device (client, KITCHEN_PLUG), uid, permit, note,
                                NULL, api_store_result_cb, &result);
  ok = ck_client_update_share_finish (client, api_wait_result (&result), error);
  g_clear_object (&result);
  return ok;
}

static gboolean
cancel_share (CkClient    *client,
              const char  *uid,
              GError     **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  ck_client_cancel_share_async (client, live_device (client, KITCHEN_PLUG), uid,
                                NULL, api_store_result_cb, &result);
  ok = ck_client_cancel_share_finish (client, api_wait_result (&result), error);
  g_clear_object (&result);
  return ok;
}

/* The demo shares the kitchen plug with the guest: edit it, then end it. */
static void
test_edit_and_cancel (ApiFixture    *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) dump = NULL;
  g_autoptr(JsonNode) after = NULL;
  JsonObject *record;
  Parties parties;

  parties_connect (fixture, &parties);
  g_assert_nonnull (guest_entry (parties.guest, KITCHEN_PLUG));

  g_assert_true (update_share (parties.owner, CKSIM_DEMO_GUEST_EMAIL, 4 | 8, "Edited", &error));
  g_assert_no_error (error);
  dump = cksim_server_dump_state (fixture->sim);
  record = sim_share (fixture, dump, KITCHEN_PLUG);
  g_assert_nonnull (record);
  g_assert_cmpint (json_object_get_int_member (record, "permit"), ==, 12);
  g_assert_cmpstr (ck_json_get_string (record, "note"), ==, "Edited");

  g_assert_true (cancel_share (parties.owner, CKSIM_DEMO_GUEST_EMAIL, &error));
  g_assert_no_error (error);
  after = cksim_server_dump_state (fixture->sim);
  g_assert_null (sim_share (fixture, after, KITCHEN_PLUG));
  g_assert_null (guest_entry (parties.guest, KITCHEN_PLUG));

  /* Cancelling again is fine; editing a share that is gone is not. */
  g_assert_true (cancel_share (parties.owner, CKSIM_DEMO_GUEST_EMAIL, &error));
  g_assert_no_error (error);
  g_assert_false (update_share (parties.owner, CKSIM_DEMO_GUEST_EMAIL, 15, "Again", &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_FOUND);
  parties_clear (&parties);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, ApiFixture, NULL, api_fixture_set_up, func, api_fixture_tear_down)

  ADD ("/live/share/accepted", test_share_accepted);
  ADD ("/live/share/refused", test_share_refused);
  ADD ("/live/share/timed-out", test_share_timed_out);
  ADD ("/live/share/sharee-forbidden", test_sharee_forbidden);
  ADD ("/live/share/edit-and-cancel", test_edit_and_cancel);

#undef ADD

  return g_test_run ();
}
