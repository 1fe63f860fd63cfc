/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-client-manage"

#include "ck-json.h"
#include "api-test-util.h"

/* CkClient's device management and share calls keep the models current
 * themselves: no list fetch after them. */

/* Counts emissions of a signal. */
static void
count_cb (gpointer  instance,
          gpointer  unused,
          guint    *count)
{
  (*count)++;
}

/* The entry for @device_id as the owner's API lists it now, or NULL; *@keep
 * holds the list. */
static JsonObject *
listed_entry (CkApi      *api,
              const char *device_id,
              JsonArray **keep)
{
  g_autoptr(GError) error = NULL;

  *keep = api_list_devices (api, &error);
  g_assert_no_error (error);
  return api_find_listed (*keep, device_id);
}

static void
test_rename (ApiFixture    *fixture,
             gconstpointer  data)
{
  g_autoptr(CkClient) client = live_new_demo_client (fixture);
  g_autoptr(JsonArray) list = NULL;
  g_autoptr(GError) error = NULL;
  CkDevice *device = live_device (client, HALL_LIGHT);
  GAsyncResult *result = NULL;
  guint notified = 0;

  g_signal_connect (device, "notify::name", G_CALLBACK (count_cb), &notified);
  ck_client_rename_device_async (client, device, "Porch light", NULL, api_store_result_cb, &result);
  g_assert_true (ck_client_rename_device_finish (client, api_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  g_assert_cmpstr (ck_device_get_name (device), ==, "Porch light");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (ck_json_get_string (listed_entry (ck_client_get_api (client), HALL_LIGHT, &list), "name"),
                   ==, "Porch light");

  /* A refused rename (empty name) changes nothing. */
  ck_client_rename_device_async (client, device, "", NULL, api_store_result_cb, &result);
  g_assert_false (ck_client_rename_device_finish (client, api_wait_result (&result), &error));
  g_assert_nonnull (error);
  g_clear_object (&result);
  g_assert_cmpstr (ck_device_get_name (device), ==, "Porch light");
  g_assert_cmpuint (notified, ==, 1);
  g_signal_handlers_disconnect_by_data (device, &notified);
}

/* A sharee may not rename: the cloud's refusal, the name stays. */
static void
test_rename_by_sharee (ApiFixture    *fixture,
                       gconstpointer  data)
{
  g_autoptr(CkApi) api = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET,
                                       CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
  g_autoptr(CkClient) guest = live_new_client (api);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  GAsyncResult *result = NULL;
  CkDevice *device;

  live_connect (guest);
  device = live_device (guest, KITCHEN_PLUG);
  before = g_strdup (ck_device_get_name (device));
  ck_client_rename_device_async (guest, device, "Mine now", NULL, api_store_result_cb, &result);
  g_assert_false (ck_client_rename_device_finish (guest, api_wait_result (&result), &error));
  g_assert_error (error, CK_ERROR, CK_ERROR_NOT_PERMITTED);
  g_clear_object (&result);
  g_assert_cmpstr (ck_device_get_name (device), ==, before);
}

static void
test_channel_names (ApiFixture    *fixture,
                    gconstpointer  data)
{
  const char * const names[] = { "Light", "Filter", "Heater", "Pump", NULL };
  g_autoptr(CkClient) client = live_new_demo_client (fixture);
  g_autoptr(JsonArray) list = NULL;
  g_autoptr(GError) error = NULL;
  CkDevice *device = live_device (client, AQUARIUM);
  GAsyncResult *result = NULL;
  JsonObject *listed;
  guint notified = 0;

  g_signal_connect (device, "notify::tags", G_CALLBACK (count_cb), &notified);
  ck_client_set_channel_names_async (client, device, names, NULL, api_store_result_cb, &result);
  g_assert_true (ck_client_set_channel_names_finish (client, api_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  g_assert_cmpuint (notified, ==, 1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = ck_device_dup_channel_name (device, i);

      g_assert_cmpstr (name, ==, names[i]);
    }

  /* The same as the cloud now lists them. */
  listed = listed_entry (ck_client_get_api (client), AQUARIUM, &list);
  g_assert_nonnull (listed);
  g_assert_true (json_object_equal (ck_json_get_object (listed, "tags"), ck_device_get_tags (device)));
  g_signal_handlers_disconnect_by_data (device, &notified);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  *changed = (ItemsChanged) { position, removed, added, changed->count + 1 };
}

static void
test_delete (ApiFixture    *fixture,
             gconstpointer  data)
{
  g_autoptr(CkClient) client = live_new_demo_client (fixture);
  g_autoptr(JsonArray) list = NULL;
  g_autoptr(GError) error = NULL;
  CkDeviceList *devices = ck_client_get_devices (client);
  g_autoptr(CkDevice) device = g_object_ref (live_device (client, WASHING_MACHINE));
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (devices));
  ItemsChanged changed = { 0 };
  GAsyncResult *result = NULL;
  guint position = 0;

  for (guint i = 0; i < n_before; i++)
    {
      g_autoptr(CkDevice) item = g_list_model_get_item (G_LIST_MODEL (devices), i);

      if (item == device)
        position = i;
    }
  g_signal_connect (devices, "items-changed", G_CALLBACK (items_changed_cb), &changed);
  ck_client_delete_device_async (client, device, NULL, api_store_result_cb, &result);
  g_assert_true (ck_client_delete_device_finish (client, api_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, position);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (devices)), ==, n_before - 1);
  g_assert_null (ck_device_list_lookup (devices, WASHING_MACHINE));
  g_assert_null (ck_device_get_groups (device)[0]);
  g_assert_null (listed_entry (ck_client_get_api (client), WASHING_MACHINE, &list));
  g_signal_handlers_disconnect_by_data (devices, &changed);
}

static gboolean
share_call_finish (CkClient      *client,
                   GAsyncResult **slot,
                   gboolean     (*finish) (CkClient *, GAsyncResult *, GError **))
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = api_wait_result (slot);
  gboolean ok = finish (client, result, &error);

  g_assert_no_error (error);
  g_object_unref (result);
  *slot = NULL;
  return ok;
}

/* share, updateShare, cancelShare: the device's "shares" follow, with no
 * list fetch; cancel by the record's apikey, as the UI holds it. */
static void
test_shares_follow (ApiFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(CkApi) api = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET,
                                       CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD);
  g_autoptr(CkClient) guest = live_new_client (api);
  g_autoptr(CkClient) owner = live_new_demo_client (fixture);
  g_autoptr(JsonArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *apikey = NULL;
  JsonArray *shared_to;
  CkDevice *device = live_device (owner, HALL_LIGHT);
  GAsyncResult *result = NULL;
  CkShare *share;
  guint notified = 0;

  live_connect (guest);
  g_assert_cmpuint (ck_device_get_shares (device)->len, ==, 0);
  g_signal_connect (device, "notify::shares", G_CALLBACK (count_cb), &notified);

  ck_client_share_async (owner, device, CKSIM_DEMO_GUEST_EMAIL, CK_PERMIT_ADD_TIMER, "Hi",
                         NULL, api_store_result_cb, &result);
  g_assert_cmpint (ck_client_share_finish (owner, api_wait_result (&result), &error),
                   ==, CK_SHARE_RESULT_ACCEPTED);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (ck_device_get_shares (device)->len, ==, 1);
  share = g_ptr_array_index (ck_device_get_shares (device), 0);
  g_assert_cmpstr (ck_share_get_identity (share), ==, CKSIM_DEMO_GUEST_EMAIL);
  g_assert_cmpint (ck_share_get_permit (share), ==, CK_PERMIT_ADD_TIMER);
  g_assert_cmpstr (ck_share_get_note (share), ==, "Hi");
  apikey = g_strdup (ck_share_get_apikey (share));
  g_assert_cmpstr (apikey, ==, ck_api_get_tokens (api)->apikey);

  ck_client_update_share_async (owner, device, CKSIM_DEMO_GUEST_EMAIL, CK_PERMIT_ALL, "Edited",
                                NULL, api_store_result_cb, &result);
  g_assert_true (share_call_finish (owner, &result, ck_client_update_share_finish));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (ck_device_get_shares (device)->len, ==, 1);
  share = g_ptr_array_index (ck_device_get_shares (device), 0);
  g_assert_cmpint (ck_share_get_permit (share), ==, CK_PERMIT_ALL);
  g_assert_cmpstr (ck_share_get_note (share), ==, "Edited");
  g_assert_cmpstr (ck_share_get_apikey (share), ==, apikey);

  /* By apikey: the cloud is sent the receiver's e-mail. */
  ck_client_cancel_share_async (owner, device, apikey, NULL, api_store_result_cb, &result);
  g_assert_true (share_call_finish (owner, &result, ck_client_cancel_share_finish));
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpuint (ck_device_get_shares (device)->len, ==, 0);
  shared_to = ck_json_get_array (listed_entry (ck_client_get_api (owner), HALL_LIGHT, &list), "sharedTo");
  g_assert_true (shared_to == NULL || json_array_get_length (shared_to) == 0);
  g_signal_handlers_disconnect_by_data (device, &notified);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, ApiFixture, NULL, api_fixture_set_up, func, api_fixture_tear_down)

  ADD ("/client/manage/rename", test_rename);
  ADD ("/client/manage/rename-by-sharee", test_rename_by_sharee);
  ADD ("/client/manage/channel-names", test_channel_names);
  ADD ("/client/manage/delete", test_delete);
  ADD ("/client/manage/shares-follow", test_shares_follow);

#undef ADD

  return g_test_run ();
}
